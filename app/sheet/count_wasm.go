//go:build wasm

package sheet

// countByte counts the bytes of s equal to c. Go's strings.Count has no
// vector code in WebAssembly and compares one byte at a time; eight at a
// time is faster there.
func countByte(s string, c byte) int { return countByteWords(s, c) }
