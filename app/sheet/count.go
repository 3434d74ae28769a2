package sheet

import (
	endian "encoding/binary"
	"math/bits"
	"unsafe"
)

// Byte masks of the word-at-a-time count: every byte 0x01, every byte
// 0x7F.
const (
	ones  = 0x0101010101010101
	lows7 = 0x7F7F7F7F7F7F7F7F
)

// countByteWords counts the bytes of s equal to c eight at a time, as
// strings.Count(s, string(c)) counts them. For each 8-byte word w, x = w
// XOR c·ones has a zero byte where w has c, and
//
//	^(((x & lows7) + lows7) | x | lows7)
//
// has its high bit set in exactly those bytes (the sum carries into a
// byte's high bit unless its low seven bits are zero, and x's own high
// bit rules out 0x80): their number is the word's count.
func countByteWords(s string, c byte) int {
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	pat := uint64(c) * ones
	n := 0
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := endian.LittleEndian.Uint64(b[i:]) ^ pat
		n += bits.OnesCount64(^(((x & lows7) + lows7) | x | lows7))
	}
	for ; i < len(b); i++ {
		if b[i] == c {
			n++
		}
	}
	return n
}
