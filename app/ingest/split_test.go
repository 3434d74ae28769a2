package ingest

import (
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"

	"retention/app/realdata"
	"retention/app/shapes"
	"retention/app/sheet"
)

// linkTo is a Link to a tail in a goroutine of its own, as a worker of its
// own answers: the engine's rows and the tail's are read at once.
func linkTo(tail *Tail) Link {
	type answer struct {
		b   []byte
		err error
	}
	return func(req []byte) func() ([]byte, error) {
		if req == nil {
			return nil
		}
		ch := make(chan answer, 1)
		req = append([]byte(nil), req...)
		go func() {
			b, err := tail.Handle(req)
			ch <- answer{b, err}
		}()
		return func() ([]byte, error) { a := <-ch; return a.b, a.err }
	}
}

// cut splits t before its data row k: the first part with the header and
// rows [0, k), and the tail's rows from k on, their lines counted from
// the tail's first line, as a worker reading the file's bytes from there
// counts them. lines is the lines of the file before the tail's.
func cut(t *sheet.Table, k int) (head, tail *sheet.Table, lines int) {
	head = &sheet.Table{Name: t.Name, Format: t.Format, Sheet: t.Sheet, Sheets: t.Sheets, Header: t.Header,
		HeaderLine: t.HeaderLine, Notes: t.Notes}
	for r := range k {
		head.AppendRow(int(t.Lines[r]), t.Row(r))
	}
	lines = t.HeaderLine
	switch {
	case k < t.Len():
		lines = int(t.Lines[k]) - 1
	case k > 0:
		lines = int(t.Lines[k-1])
	}
	tail = &sheet.Table{}
	for r := k; r < t.Len(); r++ {
		tail.AppendRow(int(t.Lines[r])-lines, t.Row(r))
	}
	return head, tail, lines
}

// sameResult fails unless the two-part read of t cut at k gives exactly
// the one-pass result (want, wantErr).
func sameResult(tb testing.TB, label string, t *sheet.Table, k int, opt Options, want *Result, wantErr error) {
	tb.Helper()
	head, tail, lines := cut(t, k)
	got, err := FromParts(head, lines, linkTo(NewTail(tail)), opt)
	if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
		tb.Fatalf("%s cut at row %d of %d: error %v, want %v", label, k, t.Len(), err, wantErr)
	}
	if wantErr != nil {
		var p, wp *Problem
		if errors.As(wantErr, &wp) && (!errors.As(err, &p) || !reflect.DeepEqual(p, wp)) {
			tb.Fatalf("%s cut at row %d: problem %+v, want %+v", label, k, p, wp)
		}
	}
	if want == nil {
		return
	}
	if got == nil {
		tb.Fatalf("%s cut at row %d: no result", label, k)
	}
	if !reflect.DeepEqual(got.Mapping, want.Mapping) {
		tb.Fatalf("%s cut at row %d: mapping\n%+v\nwant\n%+v", label, k, got.Mapping, want.Mapping)
	}
	if !reflect.DeepEqual(got.Report, want.Report) {
		tb.Fatalf("%s cut at row %d: report\n%+v\nwant\n%+v", label, k, got.Report, want.Report)
	}
	if !reflect.DeepEqual(got.Dataset, want.Dataset) {
		g, w := got.Dataset, want.Dataset
		if g == nil || w == nil {
			tb.Fatalf("%s cut at row %d: dataset %v, want %v", label, k, g, w)
		}
		for i := range min(len(g.Orders), len(w.Orders)) {
			if !reflect.DeepEqual(g.Orders[i], w.Orders[i]) {
				tb.Fatalf("%s cut at row %d: order %d\n%+v\nwant\n%+v", label, k, i, g.Orders[i], w.Orders[i])
			}
		}
		tb.Fatalf("%s cut at row %d: datasets differ (%d orders, %d refunds, %d customers, %d names; want %d, %d, %d, %d)", label, k,
			len(g.Orders), len(g.Refunds), len(g.Customers), len(g.Names), len(w.Orders), len(w.Refunds), len(w.Customers), len(w.Names))
	}
}

// cuts are the rows a table of n rows is cut at: none and all, each of the
// first and last few, and some between.
func cuts(n int, rng *rand.Rand, between int) []int {
	ks := map[int]bool{}
	for k := range min(n+1, 3) {
		ks[k], ks[n-k] = true, true
	}
	for range between {
		ks[rng.Intn(n+1)] = true
	}
	var out []int
	for k := range n + 1 {
		if ks[k] {
			out = append(out, k)
		}
	}
	return out
}

// TestFromPartsShapes reads every platform shape's export in two parts, cut
// at many rows, and wants exactly the one-pass result, errors included.
func TestFromPartsShapes(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	src := shapes.Source()
	n := 0
	for _, s := range shapes.All() {
		tb, err := sheet.Read(s.File, s.Write(src), sheet.Options{})
		if err != nil {
			continue // no table: the split is never asked
		}
		opt := Options{Latest: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
		want, wantErr := FromTable(tb, opt)
		if wantErr != nil {
			want = nil
		}
		for _, k := range cuts(tb.Len(), rng, 2) {
			sameResult(t, s.Platform+" "+s.Export, tb, k, opt, want, wantErr)
			n++
		}
	}
	if n < 150 {
		t.Fatalf("%d two-part reads, want many", n)
	}
}

// TestFromPartsRows cuts tables made to have what crosses a cut: orders
// whose lines continue without an id, orders met again later, skipped rows
// of every reason, refund rows, returned units, refunded amounts, statuses,
// credit notes, currencies, and no order ids at all; with each column's
// values read once, and read row by row.
func TestFromPartsRows(t *testing.T) {
	tables := map[string]*sheet.Table{
		"lines": table(
			"Order|Customer|Email|Date|Quantity|Price|Total|Refunded|Status|Product|Category|Type|Returned|Refund date|Currency",
			"1|a|A@x.org|2011-01-02|2|1.50|3.00||paid|Mug|Home|sale||2011-03-01|EUR",
			"||||1|2.25|1.50||paid|Cup|Home|sale|||EUR",
			"||||3|0.10|0.30||paid|Mug|Kitchen|sale|1||EUR",
			"2|b||2011-01-03|x|2.00|2.00|0.5|cancelled|Pen|Office|sale|||EUR",
			"2|b||2011-01-03|1|2.00|2.00|0.5|paid|Pen|Office|sale|||EUR",
			"3|c||1900-02-29|1|1.00|1.00||paid|Ink||sale|||EUR",
			"4|c||not a date|1|1.00|1.00||paid|Ink||sale|||EUR",
			"5|d||1850-01-01|1|1.00|1.00||paid|||sale|||EUR",
			"1|a||2011-01-05|1|0.70|0.70||paid|Lid|Home|sale|||EUR",
			"6|d||2011-02-01|1|1e309|1.00||paid|Mug||sale|||EUR",
			"7|e||2011-02-02||4.00|1e400||paid|Mug||sale|||EUR",
			"8|e||2011-02-02|3||6.00|1.0|refunded|Cup||sale|3||EUR",
			"8|e|||1|2.00|6.00||refunded|Bowl||sale|1||EUR",
			"9|f||2011-02-03|-1|2.00|-2.00||paid|Cup||refund|||EUR",
			"9|f||2011-02-03|1|2.10|2.10||paid|Cup||sale|||EUR",
			"10|g||2011-02-04|1|3.00|3.00||paid|Mug||transfer|||EUR",
			"10|g||2011-02-04|1|3.00|3.00||paid|Mug||||||EUR",
			"C11|g||2011-02-05|1|3.00|-3.00||paid|Mug||sale|||EUR",
			"12|h||2011-02-06|2|0.10|0.20||paid|Tea|Food|sale|||USD",
			"||||1|0.20|0.20||paid|Tea|Food|sale|||USD",
			"13|||2011-02-07|1|1.00|1.00||paid|Tea|Food|sale|||EUR",
			"12|h||2011-02-08|1|0.30|0.30||paid|Jam|Food|sale|1|2011-02-09|USD",
			"||||1|0.10|0.10||paid|Jam|Food|sale|||USD",
			"14|i||2011-02-09|1|0.10|0.10||paid|Jam|Food|refund||2011-02-10|EUR",
			"15|j||2011-02-10|1|0.20|0.20||paid|Jam|Food|sale|||EUR",
			"||||2|0.30|0.60||cancelled|Fig|Food|sale|||EUR",
			"1|a||2011-02-11|1|0.10|0.10||paid|Mug|Home|sale|||EUR",
		),
		"no ids": table(
			"Customer|Date|Total",
			"a|2011-01-02|1.10",
			"a|2011-01-03|2.20",
			"b|bad|3.30",
			"b|2011-01-04|4.40",
			"|2011-01-05|5.50",
		),
	}
	// Many lines of a few orders, met again and again, with amounts whose
	// sums depend on the order they are added in.
	var many []string
	many = append(many, "Order|Customer|Date|Quantity|Price|Product")
	rng := rand.New(rand.NewSource(2))
	for i := range 300 {
		id := fmt.Sprint(rng.Intn(7))
		if i%5 == 4 {
			id = ""
		}
		many = append(many, fmt.Sprintf("%s|c%s|2012-0%d-1%d|%d|%.2f|p%d", id, id, 1+rng.Intn(9), rng.Intn(10), 1+rng.Intn(5), rng.Float64()*100, rng.Intn(40)))
	}
	tables["many"] = table(many...)

	for _, at := range []int{maxAt, 3} {
		old := maxAt
		maxAt = at
		for name, tb := range tables {
			opt := Options{Latest: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
			want, wantErr := FromTable(tb, opt)
			if wantErr != nil {
				want = nil
			}
			for k := range tb.Len() + 1 {
				sameResult(t, fmt.Sprintf("%s (maxAt %d)", name, at), tb, k, opt, want, wantErr)
			}
		}
		maxAt = old
	}
}

// TestFromPartsOnlineRetail reads Online Retail in two parts cut at the
// middle, inside an invoice, and near either end.
func TestFromPartsOnlineRetail(t *testing.T) {
	data := realdata.Gunzipped(t, "online_retail.csv.gz")
	tb, err := sheet.Read("online_retail.csv", data, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := FromTable(tb, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := tb.Len()
	mid := n / 2
	for tb.Cell(mid, 0) == tb.Cell(mid-1, 0) {
		mid++
	}
	for _, k := range []int{1, mid - 3, mid, n / 3, n - 2} {
		sameResult(t, "online_retail.csv", tb, k, Options{}, want, nil)
	}
}

// TestFromPartsMessages cuts the tail's answers short and changes their
// bytes: the engine gives an error, never a panic.
func TestFromPartsMessages(t *testing.T) {
	tb := table(
		"Order|Customer|Date|Quantity|Price|Product",
		"1|a|2011-01-02|1|1.00|Mug",
		"2|b|2011-01-03|1|2.00|Cup",
		"1|a|2011-01-02|1|3.00|Lid",
		"3|b|2011-01-04|1|4.00|Pen",
	)
	rng := rand.New(rand.NewSource(3))
	for i := range 1000 {
		head, tail, lines := cut(tb, 2)
		p := NewTail(tail)
		calls := 0
		target := 1 + i%4
		link := func(req []byte) func() ([]byte, error) {
			if req == nil {
				return nil
			}
			b, err := p.Handle(req)
			calls++
			if calls == target && err == nil && len(b) > 0 {
				b = append([]byte(nil), b...)
				if i%2 == 0 {
					b = b[:rng.Intn(len(b))]
				} else {
					b[rng.Intn(len(b))] ^= byte(1 + rng.Intn(255))
				}
			}
			return func() ([]byte, error) { return b, err }
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("answer %d changed (%d): panic %v", target, i, r)
				}
			}()
			// A message that does not read has the engine read the whole
			// file (ErrSplit); a changed one that reads may give another
			// table's problem, never another error.
			_, err := FromParts(head, lines, link, Options{})
			var p *Problem
			if err != nil && !errors.Is(err, ErrSplit) && !errors.As(err, &p) {
				t.Fatalf("answer %d changed (%d): %v, not ErrSplit", target, i, err)
			}
		}()
	}
	if _, err := NewTail(tb).Handle([]byte{opOrders}); !errors.Is(err, ErrSplit) || !strings.Contains(err.Error(), "before") {
		t.Errorf("orders asked first: %v", err)
	}
}

// BenchmarkFromParts reads Online Retail's table whole (FromTable) and in
// two parts cut at its middle (FromParts, the tail in a goroutine of its
// own), to see what the parts' protocol costs beside the rows' work.
func BenchmarkFromParts(b *testing.B) {
	data := realdata.Gunzipped(b, "online_retail.csv.gz")
	tb, err := sheet.Read("online_retail.csv", data, sheet.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("whole", func(b *testing.B) {
		for range b.N {
			if _, err := FromTable(tb, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	head, tail, lines := cut(tb, tb.Len()/2)
	b.Run("parts", func(b *testing.B) {
		for range b.N {
			if _, err := FromParts(head, lines, linkTo(NewTail(tail)), Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
