package wordwise

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// pairs are strings of every length class of Equal and Hash (under 4, 4 to
// 7, 8, 9 to 16, longer), equal and differing at their first, middle and
// last byte.
func pairs() [][2]string {
	var out [][2]string
	for n := range 40 {
		a := strings.Repeat("x", n)
		out = append(out, [2]string{a, strings.Clone(a)}, [2]string{a, a + "y"})
		for _, i := range []int{0, n / 2, n - 1} {
			if n == 0 {
				break
			}
			b := []byte(a)
			b[i] = 'z'
			out = append(out, [2]string{a, string(b)})
		}
	}
	return out
}

func TestEqual(t *testing.T) {
	for _, p := range pairs() {
		// Substrings of a longer text, as the table's cells are: the
		// loads must stay inside each string.
		a, b := ("<" + p[0] + ">")[1:len(p[0])+1], ("<" + p[1] + ">")[1:len(p[1])+1]
		if got, want := Equal(a, b), a == b; got != want {
			t.Errorf("Equal(%q, %q) = %v, want %v", a, b, got, want)
		}
	}
}

func TestHash(t *testing.T) {
	for _, p := range pairs() {
		if p[0] == p[1] && Hash(p[0], 7) != Hash(p[1], 7) {
			t.Errorf("Hash(%q) differs between two copies", p[0])
		}
		if p[0] != p[1] && len(p[0]) == len(p[1]) && Hash(p[0], 7) == Hash(p[1], 7) {
			// Equal lengths, one word apart: the steps are one-to-one.
			t.Errorf("Hash(%q) = Hash(%q)", p[0], p[1])
		}
	}
	if Hash("abc", 1) == Hash("abc", 2) {
		t.Error("Hash does not depend on the seed")
	}
}

// TestIndex numbers strings as a map numbers them in order of first
// appearance, in its table and after going over to a map (maxProbe 0:
// the first collision), with empty strings and repeats among them.
func TestIndex(t *testing.T) {
	defer func(m int) { maxProbe = m }(maxProbe)
	for _, probe := range []int{64, 0} {
		maxProbe = probe
		r := rand.New(rand.NewPCG(1, 2))
		var x Index
		want := map[string]int32{}
		for i := range 20000 {
			s := fmt.Sprint(r.IntN(5000))
			if i%7 == 0 {
				s = ""
			}
			if i%11 == 0 {
				s = strings.Repeat(s, 5)
			}
			id, isNew := x.ID(s)
			w, seen := want[s]
			if !seen {
				w = int32(len(want))
				want[s] = w
			}
			if id != w || isNew == seen {
				t.Fatalf("maxProbe %d: ID(%q) = %d, %v; want %d, %v", probe, s, id, isNew, w, !seen)
			}
		}
		if x.Len() != len(want) {
			t.Fatalf("maxProbe %d: Len %d, want %d", probe, x.Len(), len(want))
		}
		for s, id := range want {
			if x.List[id] != s {
				t.Fatalf("maxProbe %d: List[%d] = %q, want %q", probe, id, x.List[id], s)
			}
		}
		if (x.slow != nil) != (probe == 0) {
			t.Fatalf("maxProbe %d: in a map: %v", probe, x.slow != nil)
		}
		// Find gives the numbers and numbers nothing.
		for s, id := range want {
			if got, ok := x.Find(s); !ok || got != id {
				t.Fatalf("maxProbe %d: Find(%q) = %d, %v; want %d", probe, s, got, ok, id)
			}
		}
		for _, s := range []string{"5000", "x", strings.Repeat("7", 40)} {
			if _, ok := x.Find(s); ok {
				t.Fatalf("maxProbe %d: Find(%q) found it", probe, s)
			}
		}
		if x.Len() != len(want) {
			t.Fatalf("maxProbe %d: Find numbered: Len %d, want %d", probe, x.Len(), len(want))
		}
	}
	var empty Index
	if _, ok := empty.Find(""); ok {
		t.Fatal("an empty Index found the empty string")
	}
}

// BenchmarkIndex numbers the words of a text as a product list would be:
// a few thousand names, each looked up again and again.
func BenchmarkIndex(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	names := make([]string, 4000)
	for i := range names {
		names[i] = fmt.Sprintf("PRODUCT NAME %d OF SOME LENGTH", r.IntN(1e6))
	}
	// Each a copy, as each row's cell is a string of its own: a map
	// compares the strings, not only their pointers.
	seq := make([]string, 1<<16)
	for i := range seq {
		seq[i] = strings.Clone(names[r.IntN(len(names))])
	}
	b.Run("Index", func(b *testing.B) {
		for range b.N {
			var x Index
			for _, s := range seq {
				x.ID(s)
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		for range b.N {
			m := map[string]int32{}
			for _, s := range seq {
				if _, ok := m[s]; !ok {
					m[s] = int32(len(m))
				}
			}
		}
	})
}

// TestIndexCopy: with CopyUpTo, the first strings' List entries are
// copies (not the given bytes), up to CopyUpTo bytes, and the later ones
// the strings given; the numbers are those of an Index without it.
func TestIndexCopy(t *testing.T) {
	text := "alpha,beta,gamma,alpha,delta,beta,epsilon"
	var plain Index
	x := Index{CopyUpTo: len("alphabeta")}
	for _, s := range strings.Split(text, ",") {
		a, aNew := plain.ID(s)
		b, bNew := x.ID(s)
		if a != b || aNew != bNew {
			t.Fatalf("ID(%q) = %d, %v; without copies %d, %v", s, b, bNew, a, aNew)
		}
	}
	if !reflect.DeepEqual(x.List, plain.List) {
		t.Fatalf("List %q, want %q", x.List, plain.List)
	}
	inText := func(s string) bool {
		p, q := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
		return p >= q && p < q+uintptr(len(text))
	}
	for i, s := range x.List {
		if copied := i < 2; inText(s) == copied {
			t.Errorf("List[%d] = %q: copied %v, want %v", i, s, !inText(s), copied)
		}
	}
}
