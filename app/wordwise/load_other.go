//go:build !(wasm || amd64 || arm64 || 386 || ppc64 || ppc64le || s390x)

package wordwise

import (
	endian "encoding/binary"
	"unsafe"
)

// unaligned8 is the uint64 at p, read byte by byte: these machines may
// not load a word from an address it is not aligned to.
func unaligned8(p unsafe.Pointer) uint64 { return endian.LittleEndian.Uint64((*[8]byte)(p)[:]) }

// unaligned4 is the uint32 at p, read byte by byte.
func unaligned4(p unsafe.Pointer) uint32 { return endian.LittleEndian.Uint32((*[4]byte)(p)[:]) }
