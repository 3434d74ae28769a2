//go:build wasm || amd64 || arm64 || 386 || ppc64 || ppc64le || s390x

package wordwise

import "unsafe"

// unaligned8 is the uint64 at p, at any alignment: one load on these
// machines, which load a word at any address.
func unaligned8(p unsafe.Pointer) uint64 { return *(*uint64)(p) }

// unaligned4 is the uint32 at p, at any alignment.
func unaligned4(p unsafe.Pointer) uint32 { return *(*uint32)(p) }
