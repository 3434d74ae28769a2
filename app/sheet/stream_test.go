package sheet

import (
	bin "encoding/binary"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"retention/app/limits"
)

// streamText is a text of about n bytes for the stream's tests: a title
// line, a header, and records of every shape the parser tells apart:
// quoted fields with delimiters, doubled quotes and line breaks (\n and
// \r\n), text after a closing quote, fields with white space at their
// ends, blank fields and blank lines, a record wider than a narrow row
// holds, records of more and fewer fields, and unquoted quotes.
func streamText(n int, comma byte, crlf bool) string {
	rng := rand.New(rand.NewSource(int64(n) + int64(comma)))
	nl := "\n"
	if crlf {
		nl = "\r\n"
	}
	c := string(comma)
	var b strings.Builder
	b.WriteString("Order export" + nl)
	b.WriteString(strings.Join([]string{"Order", "Date", "Customer", "Note", "Amount"}, c) + nl)
	for i := 0; b.Len() < n; i++ {
		note := "plain"
		switch k := rng.Intn(10); {
		case i == 700:
			note = strings.Repeat("w", 70000) // past a narrow row's span
		case i%1500 == 900:
			note = "\"" + strings.Repeat("long quoted line\n", 400) + "\""
		case k == 8, k == 9:
			note = fmt.Sprint("n", rng.Intn(100))
		case k == 0:
			note = `"a ` + c + ` b"`
		case k == 1:
			note = `"says ""hi"""`
		case k == 2:
			note = "\"two\nlines\""
		case k == 3:
			note = "\"three\r\nlines\r\nhere\""
		case k == 4:
			note = `"quoted" after`
		case k == 5:
			note = "  padded\t"
		case k == 6:
			note = ""
		case k == 7:
			note = `12" pizza`
		}
		fields := []string{fmt.Sprint(1000 + i/3), fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28), fmt.Sprint("C", rng.Intn(500)), note, fmt.Sprintf("%d.%02d", rng.Intn(300), rng.Intn(100))}
		switch rng.Intn(40) {
		case 0:
			fields = fields[:3]
		case 1:
			fields = append(fields, "extra")
		case 2:
			b.WriteString(nl) // a blank line
		case 3:
			b.WriteString(strings.Repeat(c, 4) + nl) // a record of blank fields
		}
		b.WriteString(strings.Join(fields, c) + nl)
	}
	return b.String()
}

// feedStream feeds text to a stream in pieces of the sizes sizes gives, as
// the browser's engine does (the file's room made first, each piece copied
// in after the ones before), and returns the bytes and the stream.
func feedStream(text string, l limits.Limits, sizes func() int) ([]byte, *Stream) {
	buf := make([]byte, 0, len(text))
	st := NewStream(buf, l)
	for len(buf) < len(text) {
		k := min(sizes(), len(text)-len(buf))
		at := len(buf)
		buf = buf[:at+k]
		copy(buf[at:], text[at:at+k])
		st.Fed(buf)
	}
	return buf, st
}

// sameTable reports how got differs from want, or "".
func sameTable(got, want *Table) string {
	switch {
	case got.Name != want.Name || got.Format != want.Format || got.HeaderLine != want.HeaderLine:
		return fmt.Sprintf("name, format, header line %q %q %d, want %q %q %d", got.Name, got.Format, got.HeaderLine, want.Name, want.Format, want.HeaderLine)
	case !reflect.DeepEqual(got.Header, want.Header):
		return fmt.Sprintf("header %q, want %q", got.Header, want.Header)
	case !reflect.DeepEqual(got.Notes, want.Notes):
		return fmt.Sprintf("notes %v, want %v", got.Notes, want.Notes)
	case !reflect.DeepEqual(got.Lines, want.Lines):
		return fmt.Sprintf("%d lines, want %d", len(got.Lines), len(want.Lines))
	}
	for r := range want.Len() {
		if g, w := got.Row(r), want.Row(r); !reflect.DeepEqual(g, w) {
			return fmt.Sprintf("row %d (line %d): %q, want %q", r, want.Lines[r], g, w)
		}
	}
	return ""
}

// TestStream checks that a text read with the stream that parsed it as
// it came (in pieces of one byte up to the whole file) gives the table,
// and the error, of the text read whole, and that the stream parsed
// records before the last piece came where it can (UTF-8 text with a
// delimiter): texts of every record shape, with \n and \r\n, a byte
// order mark, UTF-16, gzip, a Windows-1252 byte past the first pieces (the stream gives
// up: Read decodes the whole file), a quote that never closes (the stream
// gives up past maxPending bytes), a text past the rows bound, and files
// that are not delimited UTF-8 text.
func TestStream(t *testing.T) {
	plain := streamText(300<<10, ',', false)
	lines := countLines(plain)
	cells := int64(strings.Count(plain, ",")) + lines
	cut := strings.IndexByte(plain[100<<10:], '\n') + 100<<10 + 1 // a line's start
	win := []byte(plain)
	win[len(win)-1000] = 0xE9 // é in Windows-1252, no UTF-8
	cases := []struct {
		name   string
		text   string
		l      limits.Limits
		parsed bool // records parsed before the last piece
	}{
		{"comma.csv", streamText(600<<10, ',', false), limits.Browser, true},
		{"short.csv", streamText(150<<10, ',', true), limits.Browser, true},
		{"crlf.csv", streamText(400<<10, ',', true), limits.Browser, true},
		{"semicolon.csv", streamText(300<<10, ';', true), limits.Browser, true},
		{"tab.tsv", streamText(300<<10, '\t', false), limits.Browser, true},
		{"bom.csv", "\xEF\xBB\xBF" + streamText(300<<10, ',', false), limits.Browser, true},
		{"no-final-break.csv", strings.TrimRight(streamText(300<<10, ',', false), "\n"), limits.Browser, true},
		{"open-quote.csv", streamText(300<<10, ',', false) + "9,2024-01-01,C1,\"never closed\n1,2,3\n", limits.Browser, true},
		{"windows-1252.csv", string(win), limits.Browser, false},
		// \r alone between lines (Excel's "CSV (Macintosh)"): no \n to
		// parse up to, read whole at the end.
		{"mac.csv", strings.ReplaceAll(plain, "\n", "\r"), limits.Browser, false},
		// A quote that never closes, early: the rest of the file is one
		// field, which the stream does not read again for each piece.
		{"stray-quote.csv", plain[:cut] + "9,2024-01-01,C1,\"never closed\n" + strings.Repeat("1,2024-01-01,C2,plain,1.00\n", 80000), limits.Browser, false},
		{"rows.csv", plain, limits.Limits{Input: 1 << 30, Inflated: 1 << 30, Rows: lines / 2, Cells: 1 << 30}, false},
		{"cells.csv", plain, limits.Limits{Input: 1 << 30, Inflated: 1 << 30, Rows: 1 << 30, Cells: cells / 2}, false},
		{"utf16.csv", string(utf16le(plain, true)), limits.Browser, false},
		{"plain.csv.gz", string(gz(plain)), limits.Browser, false},
		{"spaces.txt", "Order Date Customer Amount\n" + strings.Repeat("1001  2024-01-01 C12 12.50\n", 12000), limits.Browser, false},
		{"small.csv", "a,b\n1,2\n", limits.Browser, false},
	}
	rng := rand.New(rand.NewSource(1))
	pieces := map[string]func() int{
		"1 byte":   func() int { return 1 },
		"odd":      func() int { return 1 + rng.Intn(9000) },
		"4 MiB":    func() int { return 4 << 20 },
		"64 KiB+1": func() int { return sampleBytes + 1 },
	}
	for _, tc := range cases {
		want, wantErr := Read(tc.name, []byte(tc.text), Options{Limits: tc.l})
		for what, sizes := range pieces {
			if what == "1 byte" && len(tc.text) > 200<<10 {
				continue // a Fed per byte: the other sizes cover the text
			}
			data, st := feedStream(tc.text, tc.l, sizes)
			parsed := st.p != nil && st.p.pos > 0
			if st.searched > len(data) {
				t.Errorf("%s in pieces of %s: %d bytes searched for line breaks, of %d", tc.name, what, st.searched, len(data))
			}
			wantParsed := tc.parsed
			if tc.name == "stray-quote.csv" && len(tc.text) <= 4<<20 && what == "4 MiB" {
				wantParsed = true // the whole file in one piece: read once
			}
			if parsed != wantParsed {
				t.Errorf("%s in pieces of %s: parsed as it came %v, want %v", tc.name, what, parsed, wantParsed)
			}
			got, err := Read(tc.name, data, Options{Limits: tc.l, Stream: st})
			if fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("%s in pieces of %s: error %v, want %v", tc.name, what, err, wantErr)
				continue
			}
			if err != nil {
				continue
			}
			if d := sameTable(got, want); d != "" {
				t.Errorf("%s in pieces of %s: %s", tc.name, what, d)
			}
			if st.p != nil || !st.done {
				t.Errorf("%s in pieces of %s: the stream is not spent", tc.name, what)
			}
		}
	}
}

// TestStreamOtherBytes checks that Read uses a stream only with the bytes
// it parsed, whole: other bytes, or a part of them, are read as if there
// were no stream.
func TestStreamOtherBytes(t *testing.T) {
	text := streamText(300<<10, ',', false)
	data, st := feedStream(text, limits.Browser, func() int { return 100 << 10 })
	other := []byte(strings.Replace(text, "Customer", "Client", 1))
	got, err := Read("x.csv", other, Options{Limits: limits.Browser, Stream: st})
	if err != nil || got.Header[2] != "Client" {
		t.Fatalf("other bytes: %v, header %q", err, got.Header)
	}
	data, st = feedStream(text, limits.Browser, func() int { return 100 << 10 })
	cut := data[:len(data)-10]
	want, _ := Read("x.csv", []byte(text[:len(text)-10]), Options{Limits: limits.Browser})
	got, err = Read("x.csv", cut, Options{Limits: limits.Browser, Stream: st})
	if err != nil {
		t.Fatal(err)
	}
	if d := sameTable(got, want); d != "" {
		t.Errorf("a part of the bytes: %s", d)
	}
	// A delimiter other than the one sniffed: read with it.
	data, st = feedStream(text, limits.Browser, func() int { return 100 << 10 })
	want, _ = Read("x.csv", []byte(text), Options{Limits: limits.Browser, Comma: ';'})
	got, err = Read("x.csv", data, Options{Limits: limits.Browser, Comma: ';', Stream: st})
	if err != nil {
		t.Fatal(err)
	}
	if d := sameTable(got, want); d != "" || got.Width(0) != 1 {
		t.Errorf("another delimiter: %s (width %d)", d, got.Width(0))
	}
}

// TestStreamPieces checks that a text fed to the stream with some of its
// pieces parsed by another engine (a PieceParser, its bytes read back as
// they travel between the engines) gives the table, and the
// error, of the text read whole: the texts of TestStream, in pieces of
// odd sizes and of 64 KiB+1, every second or third piece parsed by the
// other. Pieces that start inside a quoted field's line break are parsed
// by the stream itself; the others are taken (counted).
func TestStreamPieces(t *testing.T) {
	plain := streamText(500<<10, ',', false)
	lines := countLines(plain)
	cells := int64(strings.Count(plain, ",")) + lines
	bound := func(rows, cells int64) limits.Limits {
		return limits.Limits{Input: 1 << 30, Inflated: 1 << 30, Rows: rows, Cells: cells}
	}
	texts := []struct {
		name, text string
		l          limits.Limits
	}{
		// Past the rows or the cells bound: found as the pieces are
		// taken, and worded as Read words it.
		{"rows.csv", plain, bound(lines/2, 1<<30)},
		{"cells.csv", plain, bound(1<<30, cells/2)},
		{"comma.csv", streamText(900<<10, ',', false), limits.Browser},
		{"crlf.csv", streamText(700<<10, ',', true), limits.Browser},
		{"semicolon.csv", streamText(500<<10, ';', true), limits.Browser},
		{"tab.tsv", streamText(500<<10, '\t', false), limits.Browser},
		{"bom.csv", "\xEF\xBB\xBF" + streamText(500<<10, ',', false), limits.Browser},
		{"no-final-break.csv", strings.TrimRight(streamText(500<<10, ',', false), "\n"), limits.Browser},
		{"open-quote.csv", streamText(500<<10, ',', false) + "9,2024-01-01,C1,\"never closed\n1,2,3\n", limits.Browser},
		{"quoted-lines.csv", "Order,Note,Amount\n" + strings.Repeat("1,\"a\nb\nc\",2\n", 60000), limits.Browser},
		{"plain.csv", "Order,Date,Amount\n" + strings.Repeat("1001,2024-01-01,12.50\n1001,2024-01-01, 3.00 \n", 30000), limits.Browser},
	}
	refused := 0 // pieces parsed that the stream parsed itself
	for _, tc := range texts {
		name, text, l := tc.name, tc.text, tc.l
		want, wantErr := Read(name, []byte(text), Options{Limits: l})
		rng := rand.New(rand.NewSource(2)) // the same pieces each run
		for _, size := range []func() int{func() int { return 1 + rng.Intn(90000) }, func() int { return sampleBytes + 1 }} {
			for _, every := range []int{2, 3} {
				buf := make([]byte, 0, len(text))
				st := NewStream(buf, l)
				var pp PieceParser // its memory used again for each piece
				for k := 0; len(buf) < len(text); k++ {
					n := min(size(), len(text)-len(buf))
					at := len(buf)
					buf = buf[:at+n]
					copy(buf[at:], text[at:at+n])
					if k%every != 1 {
						st.Fed(buf)
						continue
					}
					var pc *Piece
					if c := st.Comma(); c != 0 {
						if got := pp.Parse(append([]byte(nil), buf[at:]...), c); got != nil {
							var err error
							if pc, err = PieceFrom(append([]byte(nil), got...)); err != nil {
								t.Fatalf("%s: a piece read back: %v", name, err)
							}
						}
					}
					if !st.FedParsed(buf, at, pc) && pc != nil {
						refused++
					}
				}
				if st.searched > len(buf) {
					t.Errorf("%s every %d: %d bytes searched for line breaks, of %d", name, every, st.searched, len(buf))
				}
				if st.merged == 0 {
					t.Errorf("%s every %d: no piece parsed by the other engine was taken", name, every)
				}
				got, err := Read(name, buf, Options{Limits: l, Stream: st})
				if fmt.Sprint(err) != fmt.Sprint(wantErr) {
					t.Errorf("%s every %d: error %v, want %v", name, every, err, wantErr)
					continue
				}
				if err == nil {
					if d := sameTable(got, want); d != "" {
						t.Errorf("%s every %d (%d pieces taken): %s", name, every, st.merged, d)
					}
				}
			}
		}
	}
	if refused == 0 {
		t.Error("the stream took every piece: none started inside a quoted field")
	}
}

// TestPieceFrom checks that a piece's bytes read back give the piece, and
// that bytes cut short, or changed where they say how the piece is made,
// are refused rather than read.
func TestPieceFrom(t *testing.T) {
	text := streamText(200<<10, ',', true)
	pc := ParsePiece([]byte(text[1000:]), ',')
	if pc == nil || len(pc.spill) == 0 || len(pc.marks) < 1000 {
		t.Fatalf("ParsePiece gave %v, want rows, some of them wide", pc)
	}
	b := pc.Bytes()
	back, err := PieceFrom(b)
	want := *pc
	want.t = nil // the table it was parsed into stays with the parser
	if err != nil || !reflect.DeepEqual(back, &want) {
		t.Fatalf("read back: %v, %v", err, err == nil)
	}
	for _, n := range []int{0, 3, 4 * pieceHead, len(b) / 2, len(b) - 1} {
		if _, err := PieceFrom(b[:n]); err == nil {
			t.Errorf("%d bytes of %d: read", n, len(b))
		}
	}
	word := func(i int) int { return 4 * i }
	n := len(pc.marks)
	changes := map[string]struct {
		at int
		v  uint32
	}{
		"magic":               {word(0), 0},
		"stop before start":   {word(3), 0},
		"rows":                {word(6), uint32(n + 1)},
		"a row past the stop": {word(pieceHead), uint32(pc.stop)},
		"a row's form":        {word(pieceHead), 3<<formShift | 5},
		"a row's end":         {word(pieceHead + 2*n + 1), 1 << 30},
	}
	for what, c := range changes {
		bad := append([]byte(nil), b...)
		bin.LittleEndian.PutUint32(bad[c.at:], c.v)
		if _, err := PieceFrom(bad); err == nil {
			t.Errorf("%s changed: read", what)
		}
	}
	// Any word changed: refused or read, never a panic.
	rng := rand.New(rand.NewSource(3))
	for range 3000 {
		bad := append([]byte(nil), b...)
		bin.LittleEndian.PutUint32(bad[4*rng.Intn(len(b)/4):], rng.Uint32()>>uint(rng.Intn(32)))
		PieceFrom(bad)
	}
	if ParsePiece([]byte("no line break here"), ',') != nil || ParsePiece([]byte("a\nb b\nc"), ' ') != nil ||
		ParsePiece([]byte("x\n\xff,1\n"), ',') != nil {
		t.Error("ParsePiece gave a piece of bytes it cannot take")
	}
}
