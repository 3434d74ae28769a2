package worker

import (
	"bytes"
	"testing"
	"unsafe"
)

// TestRoom checks that Room's buffer holds n bytes appended in place, and
// gives back exactly the bytes appended; the room of an empty file is an
// empty buffer, not none.
func TestRoom(t *testing.T) {
	for _, n := range []int{0, 1, 7, 4096, 5 << 20} {
		b := Room(n)
		if b == nil || len(b) != 0 || cap(b) < n {
			t.Fatalf("Room(%d): len %d cap %d", n, len(b), cap(b))
		}
		want := bytes.Repeat([]byte("ab\n"), n/3+1)[:n]
		start := unsafe.SliceData(b)
		for k := 0; k < n; k += 1000 {
			b = append(b, want[k:min(k+1000, n)]...)
		}
		if n > 0 && unsafe.SliceData(b) != start {
			t.Errorf("Room(%d): appending its n bytes moved it", n)
		}
		if !bytes.Equal(b, want) {
			t.Errorf("Room(%d): the bytes read back differ", n)
		}
	}
}
