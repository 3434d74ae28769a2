//go:build !wasm

package sheet

import "strings"

// countByte counts the bytes of s equal to c: strings.Count, which has
// vector code on the other platforms.
func countByte(s string, c byte) int { return strings.Count(s, string([]byte{c})) }
