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
//
// A word is one load from memory (word), not encoding/binary's eight byte
// loads: in WebAssembly the count is then 1.6 times as fast.
func countByteWords(s string, c byte) int {
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	pat := uint64(c) * ones
	n := 0
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := word(b, i) ^ pat
		n += bits.OnesCount64(^(((x & lows7) + lows7) | x | lows7))
	}
	for ; i < len(b); i++ {
		if b[i] == c {
			n++
		}
	}
	return n
}

// word returns b[i:i+8] as a little-endian uint64: one load from memory
// where the machine is little-endian (WebAssembly, amd64, arm64).
func word(b []byte, i int) uint64 {
	if littleEndian {
		_ = b[i+7]
		return *(*uint64)(unsafe.Pointer(&b[i]))
	}
	return endian.LittleEndian.Uint64(b[i:])
}

// littleEndian tells whether a uint64 read from memory holds its first
// byte in its low bits (fieldEnd's word-at-a-time search needs it).
var littleEndian = *(*uint16)(unsafe.Pointer(&[2]byte{1, 0})) == 1

// fieldEnd returns the index of the first byte of s from i on that is the
// delimiter comma, '\n' or '\r' (where an unquoted field ends), or len(s).
// It reads s eight bytes at a time (word), as countByteWords does: the lowest
// byte whose high bit is set in the OR of the three masks is the first
// that matches. (Counting a byte in lines like Online Retail's, such a
// word loop was 2.6 times as fast as a loop over the bytes in WebAssembly.)
func fieldEnd(s string, i int, comma byte) int {
	if littleEndian {
		b := unsafe.Slice(unsafe.StringData(s), len(s))
		pc, pn, pr := uint64(comma)*ones, uint64('\n')*ones, uint64('\r')*ones
		for ; i+8 <= len(b); i += 8 {
			w := word(b, i)
			x, y, z := w^pc, w^pn, w^pr
			m := ^(((x & lows7) + lows7) | x | lows7) | ^(((y & lows7) + lows7) | y | lows7) | ^(((z & lows7) + lows7) | z | lows7)
			if m != 0 {
				return i + bits.TrailingZeros64(m)/8
			}
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c == comma || c == '\n' || c == '\r' {
			return i
		}
	}
	return i
}
