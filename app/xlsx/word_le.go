//go:build 386 || amd64 || arm || arm64 || loong64 || mips64le || mipsle || ppc64le || riscv64 || wasm

package xlsx

import "unsafe"

// word returns b[i:i+8] as a little-endian uint64 (i >= 0): one load from
// memory on a little-endian machine (WebAssembly, amd64, arm64), as
// package sheet's word, without telling the machine's byte order at run
// time.
func word(b []byte, i int) uint64 {
	_ = b[i+7]
	return *(*uint64)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), i))
}
