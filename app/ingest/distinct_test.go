package ingest

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"retention/app/sheet"
)

// TestDistinctLists checks that the lists distinctLists keeps hold every
// value in order of first appearance, as a plain scan gives them, also
// when the lines of two orders alternate, when the lists fill several of
// its blocks, and when a number comes first that is larger than any
// before.
func TestDistinctLists(t *testing.T) {
	for _, n := range []int{0, 1, 2, 31, 32, 33, 160, arenaBlock/4 + 3} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			// Each value twice, the second time after every other has
			// come once, then the first values again; large numbers
			// first.
			var values []int32
			for k := 0; k < 2; k++ {
				for i := n - 1; i >= 0; i-- {
					values = append(values, int32(i))
				}
			}
			values = append(values, values[:min(n, 3)]...)
			want := plainDistinct(values)
			var d distinctLists
			var l listRef
			for _, v := range values {
				d.add(&l, v)
			}
			if got := d.values(&l); !reflect.DeepEqual(got, want) {
				t.Fatalf("one list: got %v, want %v", got, want)
			}
			// Two orders whose lines alternate, the second's values
			// shifted by one.
			var a, b listRef
			var shifted []int32
			for i, v := range values {
				shifted = append(shifted, values[(i+1)%len(values)])
				d.add(&a, v)
				d.add(&b, shifted[i])
			}
			if got := d.values(&a); !reflect.DeepEqual(got, want) {
				t.Fatalf("alternating, first list: got %v, want %v", got, want)
			}
			if got, wantB := d.values(&b), plainDistinct(shifted); !reflect.DeepEqual(got, wantB) {
				t.Fatalf("alternating, second list: got %v, want %v", got, wantB)
			}
		})
	}
}

// plainDistinct is the distinct values in order of first appearance, by a
// scan of the list so far.
func plainDistinct[T comparable](values []T) []T {
	var out []T
next:
	for _, v := range values {
		for _, w := range out {
			if w == v {
				continue next
			}
		}
		out = append(out, v)
	}
	return out
}

// TestDistinctOf checks distinctOf against a plain reading of each column
// on its own: blanks and white space, values repeated on the next row and
// further down, ragged rows, and a column that is not there.
func TestDistinctOf(t *testing.T) {
	rows := [][]string{
		{"2011-01-02", " 1.5", "a"},
		{"2011-01-02", "1.5 ", ""},
		{"", "2"},
		{"2011-01-03"},
		{"2011-01-02", "1.5", "b", "extra"},
		{" 2011-01-04 ", "", "a"},
	}
	var tb sheet.Table
	for i, r := range rows {
		tb.AppendRow(i+2, r)
	}
	cols := []int{0, -1, 1, 2, 3, 7}
	got := distinctOf(&tb, cols...)
	for k, i := range cols {
		var want []string
		if i >= 0 {
			var col []string
			for r := range tb.Len() {
				if s := strings.TrimSpace(tb.Cell(r, i)); s != "" {
					col = append(col, s)
				}
			}
			want = plainDistinct(col)
		}
		if !reflect.DeepEqual(got[k], want) {
			t.Errorf("column %d: %q, want %q", i, got[k], want)
		}
	}
}
