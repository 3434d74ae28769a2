package sheet

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"retention/app/limits"
)

// feedPart feeds text[from:to] to a stream made by mk over room of its
// size, in pieces of the sizes sizes gives; fed, if set, is called after
// each piece.
func feedPart(text string, from, to int, mk func([]byte) *Stream, sizes func() int, fed func(*Stream)) *Stream {
	buf := make([]byte, 0, to-from)
	st := mk(buf)
	for len(buf) < to-from {
		k := min(sizes(), to-from-len(buf))
		at := len(buf)
		buf = buf[:at+k]
		copy(buf[at:], text[from+at:from+at+k])
		st.Fed(buf)
		if fed != nil {
			fed(st)
		}
	}
	return st
}

// TestStreamSplit reads texts of every record shape in two parts, cut just
// past a line break: the first part with a stream over its own room
// (Head), the rest with a tail's stream told the delimiter as its pieces
// come (TailRows). Where both give a table, together they are exactly the
// whole text's table: the header, the rows and their lines. A cut within a
// quoted field, or with too few rows before it for the header, gives
// none.
func TestStreamSplit(t *testing.T) {
	// In a fixed order, each text with its own random numbers: the same
	// cuts every run.
	for i, tc := range []struct{ name, text string }{
		{"comma.csv", streamText(600<<10, ',', false)},
		{"crlf.csv", streamText(400<<10, ',', true)},
		{"semicolon.csv", streamText(300<<10, ';', true)},
		{"tab.tsv", streamText(300<<10, '\t', false)},
		{"bom.csv", "\xEF\xBB\xBF" + streamText(300<<10, ',', false)},
	} {
		name, text := tc.name, tc.text
		rng := rand.New(rand.NewSource(int64(5 + i)))
		sizes := func() int { return 1 + rng.Intn(70000) }
		want, err := Read(name, []byte(text), Options{Limits: limits.Browser})
		if err != nil {
			t.Fatal(err)
		}
		var breaks, quoted []int // the line breaks; those within the long quoted notes
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				breaks = append(breaks, i)
			}
		}
		for i := 0; ; {
			k := strings.Index(text[i:], "long quoted line\n")
			if k < 0 {
				break
			}
			i += k + len("long quoted line\n")
			if !strings.HasPrefix(text[i:], "\"") {
				quoted = append(quoted, i-1)
			}
		}
		var cuts []int
		for range 25 {
			from := HeaderRows + 500
			cuts = append(cuts, breaks[from+rng.Intn(len(breaks)-from)]+1)
		}
		for range 5 {
			cuts = append(cuts, quoted[rng.Intn(len(quoted))]+1)
		}
		cuts = append(cuts, breaks[HeaderRows/2]+1) // too few rows for the header
		good := 0
		for _, cut := range cuts {
			head := feedPart(text, 0, cut, func(b []byte) *Stream { return NewHeadStream(b, limits.Browser) }, sizes, nil)
			comma := head.Comma()
			tail := feedPart(text, cut, len(text), func(b []byte) *Stream { return NewTailStream(b, limits.Browser) }, sizes, func(st *Stream) {
				if rng.Intn(4) == 0 {
					st.SetComma(comma)
				}
			})
			tail.SetComma(comma)
			ht, hc, herr := head.Head(name)
			tt, tc, terr := tail.TailRows()
			// The tail's first line: a cut within a row (its quoted field
			// spans the line break) gives no head; a cut between rows, past
			// enough of them, does.
			line := strings.Count(text[:cut], "\n") + 1
			inside, before := false, 0
			for r := range want.Len() {
				first := int(want.Lines[r])
				last := first
				for _, c := range want.Row(r) {
					last += lineBreaks(c)
				}
				inside = inside || first < line && line <= last
				if first < line {
					before++
				}
			}
			if herr != nil {
				if !inside && before > HeaderRows {
					t.Errorf("%s cut at %d, between rows: %v", name, cut, herr)
				}
				continue
			}
			if inside {
				t.Errorf("%s cut at %d, within a row: a head of %d rows", name, cut, ht.Len())
				continue
			}
			if terr != nil {
				t.Errorf("%s cut at %d: tail: %v", name, cut, terr)
				continue
			}
			good++
			if ht.Header == nil || !reflect.DeepEqual(ht.Header, want.Header) || ht.HeaderLine != want.HeaderLine || !reflect.DeepEqual(ht.Notes, want.Notes) {
				t.Errorf("%s cut at %d: header %q line %d notes %v, want %q %d %v", name, cut, ht.Header, ht.HeaderLine, ht.Notes, want.Header, want.HeaderLine, want.Notes)
				continue
			}
			if ht.Len()+tt.Len() != want.Len() {
				t.Errorf("%s cut at %d: %d + %d rows, want %d", name, cut, ht.Len(), tt.Len(), want.Len())
				continue
			}
			if hc.Lines != strings.Count(text[:cut], "\n") {
				t.Errorf("%s cut at %d: %d lines before the tail, want %d", name, cut, hc.Lines, strings.Count(text[:cut], "\n"))
			}
			if !Within(hc, tc, limits.Browser) || hc.NL+tc.NL != int64(len(breaks)) {
				t.Errorf("%s cut at %d: counts %+v %+v, %d line breaks", name, cut, hc, tc, len(breaks))
			}
			for r := range want.Len() {
				g, line := []string(nil), 0
				if r < ht.Len() {
					g, line = ht.Row(r), int(ht.Lines[r])
				} else {
					g, line = tt.Row(r-ht.Len()), int(tt.Lines[r-ht.Len()])+hc.Lines
				}
				if w := want.Row(r); !reflect.DeepEqual(g, w) || line != int(want.Lines[r]) {
					t.Errorf("%s cut at %d: row %d line %d %q, want line %d %q", name, cut, r, line, g, want.Lines[r], w)
					break
				}
			}
		}
		if good < 10 {
			t.Errorf("%s: %d of %d cuts read in two parts, want most", name, good, len(cuts))
		}
	}
}

// TestWithin checks the bounds of a file in two parts against Read's.
func TestWithin(t *testing.T) {
	text := streamText(400<<10, ',', false)
	lines := countLines(text)
	cells := int64(strings.Count(text, ",")) + lines
	// A record's start: the line of a record's first two fields.
	cut := strings.LastIndexByte(text[:250<<10+strings.Index(text[250<<10:], ",2024-")], '\n') + 1
	head := feedPart(text, 0, cut, func(b []byte) *Stream { return NewHeadStream(b, limits.Browser) }, func() int { return 1 << 16 }, nil)
	tail := feedPart(text, cut, len(text), func(b []byte) *Stream { return NewTailStream(b, limits.Browser) }, func() int { return 1 << 16 }, nil)
	tail.SetComma(head.Comma())
	_, hc, err := head.Head("t.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, tc, err := tail.TailRows()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []limits.Limits{
		{Input: 1 << 30, Inflated: 1 << 30, Rows: lines, Cells: cells},
		{Input: 1 << 30, Inflated: 1 << 30, Rows: lines - 1, Cells: cells},
		{Input: 1 << 30, Inflated: 1 << 30, Rows: lines, Cells: cells - 1},
	} {
		_, err := Read("t.csv", []byte(text), Options{Limits: l})
		if got := Within(hc, tc, l); got != (err == nil) {
			t.Errorf("%+v: within %v, Read's error %v", l, got, err)
		}
	}
}
