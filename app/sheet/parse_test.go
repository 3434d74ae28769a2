package sheet

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"reflect"
	"retention/app/limits"
	"retention/app/limits/craft"
	"retention/app/realdata"
	"strings"
	"testing"
)

// parseTextPlain is parseText as it was before its fast paths (a counting
// pass for the capacity, three counts for the line breaks of a quoted
// field, a comparison per delimiter): the plain path the tests compare
// parseText with.
func parseTextPlain(s string, comma byte, progress func(done, total int64)) ([][]string, []int) {
	est := strings.Count(s, "\n") + 1
	if est == 1 {
		est = strings.Count(s, "\r") + 1
	}
	rows := make([][]string, 0, est)
	lines := make([]int, 0, est)
	const chunk = 1 << 16 // cells per allocation
	arena := make([]string, 0, chunk)
	line := 1
	pos := 0
	n := len(s)
	nextReport := 1 << 20
	var sb strings.Builder
	for pos < n {
		if progress != nil && pos >= nextReport {
			progress(int64(pos), int64(n))
			nextReport = pos + 1<<20
		}
		start := len(arena)
		if cap(arena)-len(arena) < 256 {
			arena = make([]string, 0, chunk)
			start = 0
		}
		recLine := line
		blank := true
		if comma == ' ' {
			// Whitespace-separated: skip leading blanks.
			for pos < n && (s[pos] == ' ' || s[pos] == '\t') {
				pos++
			}
		}
	fields:
		for {
			// One field.
			if comma != ' ' && pos < n && s[pos] == '"' {
				// Quoted field.
				q := pos + 1
				i := q
				escaped := false
				for {
					j := strings.IndexByte(s[i:], '"')
					if j < 0 {
						i = n // unterminated: take the rest
						break
					}
					i += j
					if i+1 < n && s[i+1] == '"' {
						escaped = true
						i += 2
						continue
					}
					break
				}
				val := s[q:min(i, n)]
				line += strings.Count(val, "\n") + strings.Count(val, "\r") - strings.Count(val, "\r\n")
				if escaped {
					sb.Reset()
					sb.Grow(len(val))
					for k := 0; k < len(val); k++ {
						sb.WriteByte(val[k])
						if val[k] == '"' && k+1 < len(val) && val[k+1] == '"' {
							k++
						}
					}
					val = sb.String()
				}
				pos = i + 1
				// Text after the closing quote, up to the delimiter, is kept.
				e := pos
				for e < n && s[e] != comma && s[e] != '\n' && s[e] != '\r' {
					e++
				}
				if e > pos && pos <= n {
					if extra := strings.TrimSpace(s[pos:e]); extra != "" {
						val += extra
					}
				}
				pos = min(e, n)
				if val != "" {
					blank = false
				}
				arena = append(arena, val)
			} else {
				e := pos
				if comma == ' ' {
					for e < n && s[e] != ' ' && s[e] != '\t' && s[e] != '\n' && s[e] != '\r' {
						e++
					}
				} else {
					for e < n && s[e] != comma && s[e] != '\n' && s[e] != '\r' {
						e++
					}
				}
				val := s[pos:e]
				if len(val) > 0 && (val[0] == ' ' || val[len(val)-1] == ' ' || val[0] == '\t' || val[len(val)-1] == '\t') {
					val = strings.TrimSpace(val)
				}
				if val != "" {
					blank = false
				}
				arena = append(arena, val)
				pos = e
			}
			// After a field: delimiter, end of line or end of text.
			if comma == ' ' {
				for pos < n && (s[pos] == ' ' || s[pos] == '\t') {
					pos++
				}
				if pos < n && s[pos] != '\n' && s[pos] != '\r' {
					continue fields
				}
			} else if pos < n && s[pos] == comma {
				pos++
				continue fields
			}
			if pos < n && s[pos] == '\r' {
				pos++
				if pos < n && s[pos] == '\n' {
					pos++
				}
				line++
			} else if pos < n && s[pos] == '\n' {
				pos++
				line++
			}
			break
		}
		if blank {
			arena = arena[:start]
			continue
		}
		rows = append(rows, arena[start:len(arena):len(arena)])
		lines = append(lines, recLine)
	}
	return rows, lines
}

// parseCases are delimited texts written the ways exports and broken
// files write them.
var parseCases = []string{
	"a,b,c\n1,2,3\n",
	"a;b\r\n1;2\r\n\r\n3;4",
	"a\tb\rx\ty\r",
	"id,note\n1,\"two\nlines\"\n2,\"cr\rlf\r\nand lone\r\"\n3,x\n",
	"a,b\n\"he said \"\"hi\"\"\",2\n\"x\" y ,3\n\"x\"  ,4\n",
	"a,b\n\"unterminated,1\n2,3",
	"a,b\n\"\",\"\"\n , \n,,\n  padded  ,\tx\t\n",
	"name  amount   date\n alice  12.5  2011-01-02\n\tbob\t3 2011-01-03  \n",
	"a|b\n1|2\n\"q|x\"|3\n",
	"a,b\n1,2",
	"\n\n\na,b\n\n1,2\n\n",
	"Ærø,ß\n€ 1,≥2\n",
	"a,\"b\"\"\"\n\"\"\"\",x\n",
	"\"a\r\n\r\nb\",c\r\n",
	"",
	"\"",
	",,,\n",
	"\ufeffa,b\n1,2\n",                               // a BOM left in (decode drops it before parsing)
	"a,b,c\n1\n1,2,3,4,5\n\n,\n2,\"\"\n",             // ragged rows and empty lines
	"a,b\n\"x\"\"y\",\"two\r\nlines\"\n3,\"\"\"\"\n", // an escaped quote beside a line break
	" \u00a0x\u00a0 ,\t\u2003y\n",                    // Unicode spaces at a trimmed field's ends
	"a,b\n" + strings.Repeat("x", 70000) + ",2\n3,4\n" + "5,\"" + strings.Repeat("y", 40000) + "\",\"" + strings.Repeat("z", 40000) + "\"\n",
}

// TestParseTextPlainPath proves that parseText splits every text exactly
// as the plain path does (records, line numbers and progress), with every
// delimiter: on crafted texts, on the texts of the read tests and on the
// real files.
func TestParseTextPlainPath(t *testing.T) {
	texts := append([]string(nil), parseCases...)
	for _, tc := range readTests {
		texts = append(texts, string(tc.Input))
	}
	long := strings.Repeat("1,\"a\nb\",3\r\n", sampleBytes/5) // past the sample: the estimate counts
	texts = append(texts, long, "x,y\n"+long+strings.Repeat("a,b,c,d,e,f,g,h,i,j\n", sampleBytes))
	for _, name := range []string{"online_retail.csv.gz", "cdnow_sample.txt"} {
		if !realdata.Have(name) {
			continue
		}
		b := realdata.Read(t, name)
		if strings.HasSuffix(name, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if b, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		texts = append(texts, string(b))
	}
	for i, s := range texts {
		for _, comma := range sniffOrder {
			t.Run(fmt.Sprintf("%d/%q", i, comma), func(t *testing.T) { sameParse(t, s, comma) })
		}
	}
}

// TestParseTextStride splits the texts every few bytes, as parseText
// splits texts longer than 2 GiB, and compares with the plain path.
func TestParseTextStride(t *testing.T) {
	defer func(s int) { textStride = s }(textStride)
	for _, stride := range []int{1, 7, 4096} {
		textStride = stride
		for i, s := range parseCases {
			for _, comma := range sniffOrder {
				t.Run(fmt.Sprintf("%d/%d/%q", stride, i, comma), func(t *testing.T) { sameParse(t, s, comma) })
			}
		}
	}
}

// TestAppendRow checks that a table built row by row (as a workbook is
// read) gives back every cell: empty cells, ragged rows, a row wider than
// a uint16 counts, and rows over several blocks.
func TestAppendRow(t *testing.T) {
	rows := [][]string{{"a", "", "c"}, {}, {"Ærø"}, {strings.Repeat("w", wideSpan), "x"}, {"", ""}}
	for i := range 3 * blockSize / 100 {
		rows = append(rows, []string{fmt.Sprint(i), strings.Repeat("v", 90), ""})
	}
	var tb Table
	for i, r := range rows {
		tb.AppendRow(i+2, r)
	}
	if tb.Len() != len(rows) || len(tb.texts) < 3 {
		t.Fatalf("%d rows in %d blocks, want %d rows in 3 or more", tb.Len(), len(tb.texts), len(rows))
	}
	for i, r := range rows {
		if got := tb.Row(i); !reflect.DeepEqual(got, r) || int(tb.Lines[i]) != i+2 || tb.Cell(i, len(r)) != "" || tb.Cell(i, -1) != "" {
			t.Fatalf("row %d: %q at line %d, want %q at %d", i, got, tb.Lines[i], r, i+2)
		}
		sameRecord(t, &tb, i)
	}
	for _, n := range []int{0, 4, len(rows) + 1} {
		h := tb.Head(n)
		if h.Len() != min(n, len(rows)) {
			t.Fatalf("Head(%d) has %d rows", n, h.Len())
		}
		for i := range h.Len() {
			if !reflect.DeepEqual(h.Row(i), rows[i]) || int(h.Lines[i]) != i+2 {
				t.Fatalf("Head(%d) row %d: %q at line %d", n, i, h.Row(i), h.Lines[i])
			}
		}
	}
}

func sameParse(t *testing.T, s string, comma byte) {
	t.Helper()
	var gotProgress, wantProgress []int64
	tb := parseText(s, comma, func(done, _ int64) { gotProgress = append(gotProgress, done) })
	wantRows, wantLines := parseTextPlain(s, comma, func(done, _ int64) { wantProgress = append(wantProgress, done) })
	if tb.Len() != len(wantRows) || len(tb.Lines) != len(wantRows) {
		t.Fatalf("%d records (%d lines), plain path %d", tb.Len(), len(tb.Lines), len(wantRows))
	}
	for i := range wantRows {
		if got := tb.Row(i); !reflect.DeepEqual(got, wantRows[i]) || int(tb.Lines[i]) != wantLines[i] {
			t.Fatalf("record %d: %q at line %d, plain path %q at line %d", i, got, tb.Lines[i], wantRows[i], wantLines[i])
		}
		for c := -1; c <= len(wantRows[i]); c++ {
			want := ""
			if c >= 0 && c < len(wantRows[i]) {
				want = wantRows[i][c]
			}
			if got := tb.Cell(i, c); got != want {
				t.Fatalf("record %d, cell %d: %q, plain path %q", i, c, got, want)
			}
		}
		sameRecord(t, tb, i)
	}
	if !reflect.DeepEqual(gotProgress, wantProgress) {
		t.Fatalf("progress %v, plain path %v", gotProgress, wantProgress)
	}
}

// sameRecord checks that Record gives row r's width and cells as Width
// and Trim give them one by one, and "" around them.
func sameRecord(t *testing.T, tb *Table, r int) {
	t.Helper()
	rec := tb.Record(r)
	if rec.Width() != tb.Width(r) {
		t.Fatalf("Record(%d).Width() = %d, Width %d", r, rec.Width(), tb.Width(r))
	}
	for c := -1; c <= tb.Width(r); c++ {
		if got, want := rec.Trim(c), tb.Trim(r, c); got != want {
			t.Fatalf("Record(%d).Trim(%d) = %q, Trim %q", r, c, got, want)
		}
	}
}

// FuzzParseText compares parseText with the plain path on any text, and
// fails when parseText allocates more than the readers' budget.
func FuzzParseText(f *testing.F) {
	for _, s := range parseCases {
		f.Add(s, byte(','))
	}
	f.Add("a b\n1 2", byte(' '))
	f.Fuzz(func(t *testing.T, s string, comma byte) {
		if alloc := craft.Allocated(func() { parseText(s, comma, func(int64, int64) {}) }); alloc > craft.Budget(len(s)) {
			t.Fatalf("%d bytes allocated %d, over the budget of %d", len(s), alloc, craft.Budget(len(s)))
		}
		sameParse(t, s, comma)
	})
}

// TestCountByteWords compares the word-at-a-time count with strings.Count
// on every byte value at every position and length around a word.
func TestCountByteWords(t *testing.T) {
	texts := append([]string(nil), parseCases...)
	for n := range 20 {
		for at := range n {
			b := bytes.Repeat([]byte{'a'}, n)
			b[at] = '\n'
			texts = append(texts, string(b))
		}
	}
	all := make([]byte, 0, 3*256)
	for i := range 3 * 256 {
		all = append(all, byte(i*7))
	}
	texts = append(texts, string(all), string(all[1:]), string(all[5:]))
	for _, s := range texts {
		for c := range 256 {
			if got, want := countByteWords(s, byte(c)), strings.Count(s, string([]byte{byte(c)})); got != want {
				t.Fatalf("%q, byte %#x: %d, strings.Count %d", s, c, got, want)
			}
		}
	}
}

// TestFieldEnd compares fieldEnd with a loop over the bytes, from every
// start, on texts where the delimiter, a line break or a byte next to them
// (with the same low seven bits, or one more or less) falls at every place
// of a word.
func TestFieldEnd(t *testing.T) {
	var texts []string
	for _, c := range []byte{',', ';', '\t', '|', '\n', '\r', ',' + 0x80, '\n' + 0x80, ',' + 1, ',' - 1, '\r' + 1, 0, 0xff} {
		for n := range 20 {
			for at := range n {
				b := bytes.Repeat([]byte{'a'}, n)
				b[at] = c
				texts = append(texts, string(b))
			}
		}
	}
	all := make([]byte, 0, 3*256)
	for i := range 3 * 256 {
		all = append(all, byte(i*7))
	}
	texts = append(texts, string(all), string(all[1:]), string(all[5:]))
	texts = append(texts, parseCases...)
	for _, s := range texts {
		for _, comma := range []byte{',', ';', '\t', '|', 0x80 + ','} {
			for i := 0; i <= len(s); i++ {
				want := i
				for want < len(s) && s[want] != comma && s[want] != '\n' && s[want] != '\r' {
					want++
				}
				if got := fieldEnd(s, i, comma); got != want {
					t.Fatalf("fieldEnd(%q, %d, %q) = %d, want %d", s, i, comma, got, want)
				}
			}
		}
	}
}

// TestParseWithin: parseWithin counts every line and delimiter of the
// text, in quotes or not, as checkRows and checkCells count them: a text
// of k delimiters and n lines is parsed, as parseText parses it, within
// n rows and k+n cells, and refused with their errors within one less
// (the rows' first, when both are past), also when the lines are lone
// carriage returns with a line feed far after them.
func TestParseWithin(t *testing.T) {
	texts := append([]string{"a,b\r1,2\r3,4\r5,6\r\n", "a\rb\rc\rd\re", "a,b\r\n1,\"x\ry\",2\n"}, parseCases...)
	for _, s := range texts {
		for _, comma := range []byte{',', ';', '\t', '|'} {
			k, n := int64(strings.Count(s, string(comma))), countLines(s)
			want := parseText(s, comma, nil)
			got, err := parseWithin(s, comma, nil, limits.Limits{Rows: n, Cells: k + n})
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("parseWithin(%q, %q) within %d rows, %d cells: %v, want the table parseText reads", s, comma, n, k+n, err)
			}
			for _, l := range []limits.Limits{{Rows: n - 1, Cells: k + n}, {Rows: n, Cells: k + n - 1}, {Rows: n - 1, Cells: k + n - 1}} {
				lines, wantErr := checkRows(s, l)
				if wantErr == nil {
					wantErr = checkCells(s, comma, lines, l)
				}
				if got, err := parseWithin(s, comma, nil, l); got != nil || !reflect.DeepEqual(err, wantErr) {
					t.Fatalf("parseWithin(%q, %q) within %+v: %v, want %v", s, comma, l, err, wantErr)
				}
			}
		}
	}
}

// TestDistinct checks DistinctColumns against Trim, row by row, one
// column at a time: every column of the parse cases' tables (spaced,
// paired and wide rows, a row too long for its offsets) and of a
// workbook-like table, columns past a row's end and below 0, and a bound
// on the values that the column passes.
func TestDistinct(t *testing.T) {
	var tables []*Table
	for _, s := range parseCases {
		for _, comma := range []byte{',', ';', '\t', ' '} {
			tables = append(tables, parseText(s, comma, nil))
		}
	}
	var tb Table
	for i, r := range [][]string{{"a", " b ", "a"}, {strings.Repeat("w", wideSpan), "b"}, {}, {"a", "", " c"}, {"\u00a0a", "b"}} {
		tb.AppendRow(i+2, r)
	}
	tables = append(tables, &tb)
	for ti, tb := range tables {
		for c := -1; c <= tableWidth(tb); c++ {
			for _, maxAt := range []int{1 << 16, 1} {
				checkDistinct(t, ti, tb, c, maxAt, tb.DistinctColumns([]int{c}, maxAt)[0])
			}
		}
	}
}

// TestDistinctColumns checks DistinctColumns against Trim, row by row:
// every column of the parse cases' tables at once (each twice, the
// columns in an order of their own), and the columns of a table of more
// rows than a run of distinctRows, whose values repeat across the runs'
// ends (a run starts with the last value of the run before it).
func TestDistinctColumns(t *testing.T) {
	var tables []*Table
	for _, s := range parseCases {
		tables = append(tables, parseText(s, ',', nil))
	}
	var long strings.Builder
	for r := range 3*distinctRun + 7 {
		fmt.Fprintf(&long, "%d, %d ,x%d,,\"%d\"\n", r/5, r%3, r/distinctRun, r%70000)
	}
	tables = append(tables, parseText(long.String(), ',', nil))
	for ti, tb := range tables {
		var cols []int
		for c := tableWidth(tb); c >= -1; c-- {
			cols = append(cols, c, c)
		}
		for _, maxAt := range []int{1 << 16, 3} {
			got := tb.DistinctColumns(cols, maxAt)
			if len(got) != len(cols) {
				t.Fatalf("table %d: %d columns read, want %d", ti, len(got), len(cols))
			}
			for i, c := range cols {
				checkDistinct(t, ti, tb, c, maxAt, got[i])
			}
		}
	}
}

// tableWidth is the most cells of a row of tb.
func tableWidth(tb *Table) int {
	width := 0
	for r := range tb.Len() {
		width = max(width, tb.Width(r))
	}
	return width
}

// checkDistinct checks got, column c of table ti (tb) read with the bound
// maxAt, against Trim: its values in order of first appearance, and each
// row's number, or none when the values pass the bound.
func checkDistinct(t *testing.T, ti int, tb *Table, c, maxAt int, got Distinct) {
	t.Helper()
	var want []string
	number := map[string]int{}
	for r := range tb.Len() {
		if v := tb.Trim(r, c); v != "" {
			if _, ok := number[v]; !ok {
				number[v] = len(want)
				want = append(want, v)
			}
		}
	}
	if !reflect.DeepEqual(got.Vals, want) {
		t.Fatalf("table %d, column %d: values %q, want %q", ti, c, got.Vals, want)
	}
	if len(want) > maxAt {
		if got.At != nil {
			t.Fatalf("table %d, column %d: %d values past %d, rows numbered", ti, c, len(want), maxAt)
		}
		return
	}
	for r := range tb.Len() {
		v := tb.Trim(r, c)
		if k := got.At[r]; v == "" && k != 0 || v != "" && int(k) != number[v]+1 {
			t.Fatalf("table %d, column %d, row %d: number %d for %q", ti, c, r, k, v)
		}
	}
}
