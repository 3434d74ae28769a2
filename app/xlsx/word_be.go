//go:build !(386 || amd64 || arm || arm64 || loong64 || mips64le || mipsle || ppc64le || riscv64 || wasm)

package xlsx

import "encoding/binary"

// word returns b[i:i+8] as a little-endian uint64 (see word_le.go).
func word(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[i:]) }
