package sheet

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"reflect"
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

func sameParse(t *testing.T, s string, comma byte) {
	t.Helper()
	var gotProgress, wantProgress []int64
	rows, lines := parseText(s, comma, func(done, _ int64) { gotProgress = append(gotProgress, done) })
	wantRows, wantLines := parseTextPlain(s, comma, func(done, _ int64) { wantProgress = append(wantProgress, done) })
	if len(rows) != len(wantRows) {
		t.Fatalf("%d records, plain path %d", len(rows), len(wantRows))
	}
	for i := range wantRows {
		if !reflect.DeepEqual(rows[i], wantRows[i]) || lines[i] != wantLines[i] {
			t.Fatalf("record %d: %q at line %d, plain path %q at line %d", i, rows[i], lines[i], wantRows[i], wantLines[i])
		}
	}
	if !reflect.DeepEqual(gotProgress, wantProgress) {
		t.Fatalf("progress %v, plain path %v", gotProgress, wantProgress)
	}
}

// FuzzParseText compares parseText with the plain path on any text.
func FuzzParseText(f *testing.F) {
	for _, s := range parseCases {
		f.Add(s, byte(','))
	}
	f.Add("a b\n1 2", byte(' '))
	f.Fuzz(func(t *testing.T, s string, comma byte) {
		sameParse(t, s, comma)
	})
}
