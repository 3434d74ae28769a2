package worker

import (
	"strings"
	"unsafe"
)

// Room makes an empty buffer of capacity n for a file's bytes (the
// engine's room for a file as it comes), whose memory is not cleared
// first: only the bytes appended to it are read. make clears a large
// allocation whole when the heap has used any of the memory it lands in
// before, as after the engine's warm-up: for Online Retail x10's 470 MB,
// 254 ms of writing every page in the browser before the file's first
// byte could come, where otherwise each page is first written as the
// file's bytes are copied into it (BENCHMARKS.md). strings.Builder's Grow
// allocates without clearing.
func Room(n int) []byte {
	if n <= 0 {
		return []byte{} // an empty file, not none
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteByte(0)
	return unsafe.Slice(unsafe.StringData(b.String()), n)[:0]
}
