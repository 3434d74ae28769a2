// Package wordwise compares, hashes and numbers strings eight bytes at a
// time, for the engine's hot loops in WebAssembly. There Go compares
// strings one byte at a time (runtime memeqbody), and hashes them for its
// maps in software, without AES, with a 64x64 -> 128-bit multiply per
// 16 bytes that WebAssembly does not have (runtime memhashFallback): a
// map lookup of a short string costs several times what one 8-byte load
// and one 64-bit multiply per word cost. Native code gains little or
// nothing from them, and loses nothing.
package wordwise

import "unsafe"

// load8 returns the 8 bytes of s from i on as a uint64, in the machine's
// byte order (Equal and Hash do not depend on it).
func load8(s string, i int) uint64 {
	_ = s[i+7]
	return unaligned8(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i))
}

// load4 returns the 4 bytes of s from i on as a uint32.
func load4(s string, i int) uint32 {
	_ = s[i+3]
	return unaligned4(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i))
}

// Equal tells whether a and b are the same string, as a == b does: a
// string of 8 bytes or more as its words (the last one overlapping the one
// before), one of 4 to 7 as two 4-byte words, a shorter one byte by byte.
func Equal(a, b string) bool {
	n := len(a)
	if n != len(b) {
		return false
	}
	switch {
	case n >= 8:
		for i := 0; i+8 < n; i += 8 {
			if load8(a, i) != load8(b, i) {
				return false
			}
		}
		return load8(a, n-8) == load8(b, n-8)
	case n >= 4:
		return load4(a, 0) == load4(b, 0) && load4(a, n-4) == load4(b, n-4)
	}
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Multipliers of the hash: odd 64-bit constants with well-mixed bits, k1
// and k2 those of MurmurHash3's 64-bit finaliser (fmix64), k0 the golden
// ratio's 2^64 / phi.
const (
	k0 = 0x9E3779B97F4A7C15
	k1 = 0xFF51AFD7ED558CCD
	k2 = 0xC4CEB9FE1A85EC53
)

// Hash returns a 64-bit hash of s under seed. Each 8-byte word w of s
// (the last one overlapping the one before; a string of 4 to 7 bytes is
// two 4-byte words in one, a shorter one its first, middle and last
// bytes) enters the state h as
//
//	h = (h XOR w) * k0;  h = h XOR (h >> 32)
//
// from h = seed XOR len(s)·k1, and the state ends through MurmurHash3's
// fmix64: two strings of the same length that differ in one word never
// end in the same state, each step being one-to-one. Which strings of a
// table collide depends on the seed: a file cannot be written to make
// them collide without knowing it.
func Hash(s string, seed uint64) uint64 {
	n := len(s)
	h := seed ^ uint64(n)*k1
	switch {
	case n >= 8:
		for i := 0; i+8 < n; i += 8 {
			h = step(h, load8(s, i))
		}
		h = step(h, load8(s, n-8))
	case n >= 4:
		h = step(h, uint64(load4(s, 0))<<32|uint64(load4(s, n-4)))
	case n > 0:
		h = step(h, uint64(s[0])<<16|uint64(s[n>>1])<<8|uint64(s[n-1]))
	}
	h ^= h >> 33
	h *= k1
	h ^= h >> 33
	h *= k2
	h ^= h >> 33
	return h
}

func step(h, w uint64) uint64 {
	h = (h ^ w) * k0
	return h ^ h>>32
}
