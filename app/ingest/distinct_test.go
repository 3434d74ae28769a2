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
// further down, ragged rows, and a column that is not there; and that
// each row's number names its value.
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
		if !reflect.DeepEqual(got[k].vals, want) {
			t.Errorf("column %d: %q, want %q", i, got[k].vals, want)
		}
		if i < 0 {
			if got[k].at != nil {
				t.Errorf("column %d: rows numbered", i)
			}
			continue
		}
		checkAt(t, &tb, i, got[k])
	}
}

// checkAt checks that vs.at gives every row of column i its value, 0 for
// a blank one.
func checkAt(t *testing.T, tb *sheet.Table, i int, vs values) {
	t.Helper()
	if len(vs.at) != tb.Len() {
		t.Fatalf("column %d: %d rows numbered, want %d", i, len(vs.at), tb.Len())
	}
	for r, k := range vs.at {
		s := strings.TrimSpace(tb.Cell(r, i))
		if (k == 0) != (s == "") || k > 0 && vs.vals[k-1] != s {
			t.Fatalf("column %d, row %d: number %d for %q", i, r, k, s)
		}
	}
}

// TestDistinctOfMany: a column of more distinct values than maxAt has
// them all, its rows not numbered; the columns beside it are.
func TestDistinctOfMany(t *testing.T) {
	var tb sheet.Table
	for r := range maxAt + 2 {
		tb.AppendRow(r+2, []string{strconv.Itoa(r), strconv.Itoa(r % 3)})
	}
	got := distinctOf(&tb, 0, 1)
	if len(got[0].vals) != maxAt+2 || got[0].at != nil {
		t.Errorf("%d values, numbered rows %v; want %d, none", len(got[0].vals), got[0].at != nil, maxAt+2)
	}
	if !reflect.DeepEqual(got[1].vals, []string{"0", "1", "2"}) {
		t.Errorf("second column: %q", got[1].vals)
	}
	checkAt(t, &tb, 1, got[1])
}

// TestValuesReadOnce: the orders built from each distinct amount,
// quantity and date read once are those built from every row's cells
// read one by one (maxAt 0 numbers no column's rows), with values that
// skip rows among them: not numbers, too large, unreadable and
// placeholder dates, dates out of range, blanks.
func TestValuesReadOnce(t *testing.T) {
	tb := table(
		"Order|Customer|Date|Quantity|Price|Total|Refunded",
		"1|a|2011-01-02|2|1.50|3.00|",
		"1|a|2011-01-02|1|abc|1.50|",
		"2|b|2011-01-03|x|2.00|2.00|0.5",
		"3|c|1900-02-29|1|1.00|1.00|",
		"4|c|not a date|1|1.00|1.00|",
		"5|d|1850-01-01|1|1.00|1.00|",
		"6|d|2011-02-01|1|1e309|1.00|",
		"7|e|2011-02-02||4.00|1e400|",
		"8|e|2011-02-02|3||6.00|1.0",
		"8|e||1|2.00|6.00|",
		"9|f|2011-02-03|-1|2.00|-2.00|",
	)
	once, err := FromTable(tb, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func(m int) { maxAt = m }(maxAt)
	maxAt = 0
	rows, err := FromTable(tb, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(once.Report, rows.Report) || !reflect.DeepEqual(once.Dataset, rows.Dataset) {
		t.Errorf("read once:\n%+v\n%+v\nrow by row:\n%+v\n%+v", once.Report, once.Dataset.Orders, rows.Report, rows.Dataset.Orders)
	}
	if n := once.Report.SkippedRows(); n < 6 {
		t.Errorf("%d rows skipped, want the 6 or more with values that are none: %+v", n, once.Report.Skipped)
	}
}
