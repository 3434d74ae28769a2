package xlsx

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
)

// wordOf is the word (see word) that s begins, padded with pad.
func wordOf(s string, pad byte) uint64 {
	b := []byte(s)
	for len(b) < 8 {
		b = append(b, pad)
	}
	return word(b, 0)
}

// TestByteMasks checks hasByte and inRange against a byte-by-byte test:
// every byte value in every place of words whose other bytes are random.
func TestByteMasks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ranges := [][2]byte{{'0', '9'}, {'A', 'Z'}, {0, 0x7F}, {'"', '"'}}
	for v := range 256 {
		for at := range 8 {
			b := make([]byte, 8)
			for i := range b {
				b[i] = byte(rng.Uint32())
			}
			b[at] = byte(v)
			x := word(b, 0)
			for i, c := range b {
				bit := uint64(0x80) << (8 * i)
				if got, want := hasByte(x, byte(v))&bit != 0, c == byte(v); got != want {
					t.Fatalf("hasByte(% x, %#x) byte %d: %v, want %v", b, v, i, got, want)
				}
				for _, r := range ranges {
					if got, want := inRange(x, r[0], r[1])&bit != 0, r[0] <= c && c <= r[1]; got != want {
						t.Fatalf("inRange(% x, %#x, %#x) byte %d: %v, want %v", b, r[0], r[1], i, got, want)
					}
				}
			}
			if m := hasByte(x, byte(v)) | inRange(x, '0', '9'); m&^highs != 0 {
				t.Fatalf("% x: bits %#x outside the bytes' high bits", b, m)
			}
		}
	}
}

// TestDigitsValue checks allDigits and digitsValue against atoi on
// numbers of one to seven digits, leading zeros, and the same with a
// non-digit in each place.
func TestDigitsValue(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var cases []string
	for n := 1; n < 8; n++ {
		for range 2000 {
			s := []byte(strconv.Itoa(rng.IntN(10_000_000)))
			for len(s) < n {
				s = append([]byte{'0'}, s...)
			}
			s = s[:n]
			cases = append(cases, string(s))
			for _, bad := range []byte{'/', ':', ' ', 'a', 0x80 + '5', 0} {
				c := []byte(string(s))
				c[rng.IntN(n)] = bad
				cases = append(cases, string(c))
			}
		}
	}
	cases = append(cases, "0", "9999999", "1000000", "0000000")
	for _, s := range cases {
		for _, pad := range []byte{'"', '<', '5'} {
			want, wantOK := atoi([]byte(s))
			y := wordOf(s, pad)
			if ok := allDigits(y, 0, len(s)); ok != wantOK || (ok && digitsValue(y, len(s)) != want) {
				t.Fatalf("%q: allDigits %v, digitsValue %d; atoi %d, %v", s, ok, digitsValue(y, len(s)), want, wantOK)
			}
		}
	}
}

// TestPlainCells checks the cells plainCell reads against the general
// tokenizer (sameScan): every column, with rows of one to six digits and
// without; references, styles, types and shared string indices written
// every other way; and values that a column repeats or changes in one
// byte, at each length around the word's, which its last cell must tell
// apart.
func TestPlainCells(t *testing.T) {
	w := testSheetWorkbook()
	one := func(rows string) {
		t.Helper()
		sameScan(t, w, []byte("<sheetData>"+rows+"</sheetData>"))
	}
	var ok strings.Builder // the valid references, one row each
	n, valid := 0, 0
	for c := range maxColumns + 2 {
		for _, row := range []string{"", "1", "10", "999999"} {
			ref := colName(c) + row
			n++
			cell := fmt.Sprintf(`<row r="%d"><c r="%s"><v>%d</v></c></row>`, n, ref, n)
			if _, isValid := colIndex([]byte(ref)); isValid {
				ok.WriteString(cell)
				valid++
			} else {
				one(cell)
			}
		}
	}
	// Rows as wide as the columns: each told by its width and last cell.
	var fast, plain []string
	for _, r := range []struct {
		scan func(*Workbook, *scanner, func(int, []string) error) error
		out  *[]string
	}{{(*Workbook).scanSheet, &fast}, {(*Workbook).scanSheetTokens, &plain}} {
		err := r.scan(w, newScanner(strings.NewReader("<sheetData>"+ok.String()+"</sheetData>")), func(row int, cells []string) error {
			*r.out = append(*r.out, fmt.Sprint(row, len(cells), cells[len(cells)-1]))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(fast) != valid || strings.Join(fast, ",") != strings.Join(plain, ",") {
		t.Fatalf("%d rows, plain path %d, of %d", len(fast), len(plain), valid)
	}
	for _, ref := range []string{"", "1", "a1", "Ab1", "A1B", "AAAA1", "A 1", "A-1", "Z0", "XFD1048576", "AB1234567", "A\x801", "@1", "[1", "A1/", "A1>", "A'1"} {
		one(`<row r="1"><c r="` + ref + `"><v>1</v></c><c><v>2</v></c></row>`)
	}
	var rows strings.Builder
	for i, s := range []string{"", "0", "1", "2", "3", "01", "001", "0000001", "00000001", "1 ", " 1", "x", "-1", "+1", "1234567", "12345678", "123456789", "1234567890"} {
		for _, v := range []string{"45292", "45292.25", "45292"} {
			fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" s="%s"><v>%s</v></c><c s="%s"><v>%s</v></c></row>`, i+1, i+1, s, v, s, v)
		}
	}
	one(rows.String())
	for _, typ := range []string{"", "n", "s", "str", "inlineStr", "e", "b", "d", "x", "S", "ss", "nn", "inlineStrX"} {
		for _, v := range []string{"1", "0", "true", "2024-03-01T10:11:12Z", " 1 ", "", "01"} {
			one(fmt.Sprintf(`<row r="1"><c r="B1" t="%s"><v>%s</v></c><c t="%s" s="1"><v>%s</v></c></row>`, typ, v, typ, v))
		}
	}
	for _, i := range []string{"0", "1", "00", "01", "0000001", "00000001", "000000001", "2", "", " 1", "1 ", "-1", "1e0", "9999999"} {
		one(`<row r="1"><c r="A1" t="s"><v>` + i + `</v></c></row>`)
	}
	// Formulas before the value, and inline strings, each in a row of
	// plain cells and after a cell that leaves an inline string's
	// elements open.
	for _, body := range []string{
		`<f>B1*2</f><v>4</v>`, `<f/><v>4</v>`, `<f t="shared" si="0"/><v>4</v>`, `<f t="shared" ref="A1:A3" si="0">B1*2</f><v>4</v>`,
		`<f>1&lt;2</f><v>1</v>`, `<f></f><v>1</v>`, `<f>x</f ><v>1</v>`, `<f>x</f><v>a&amp;b</v>`, `<f>x</f>`, `<f>x</f><v/>`,
		`<f t="a>b">x</f><v>1</v>`, `<f t='a'>x</f><v>1</v>`, `<fx>x</fx><v>1</v>`, `<f	t="1">x</f><v>1</v>`, `<f>x<g/></f><v>1</v>`,
		`<f>x</f><is><t>y</t></is>`, `<is><t>plain</t></is>`, `<is><t>a &amp; b</t></is>`, `<is><t xml:space="preserve"> x </t></is>`,
		`<is><t/></is>`, `<is><t></t></is>`, `<is><r><t>a</t></r><r><t>b</t></r></is>`, `<is><t>x</t><rPh><t>y</t></rPh></is>`,
		`<is><t>x</t></is><v>1</v>`, `<is>z<t>w</t></is>`, `<is><t>45292</t></is>`, `<is><t>0</t></is>`, `<is><t>x</t></is >`,
		`<v>45292</v>`,
	} {
		for _, typ := range []string{` t="inlineStr"`, ` t="str"`, ` t="s"`, ``, ` s="1"`, ` t="inlineStrX"`, ` t="inlineSt"`, ` s="1" t="inlineStX"`, ` s="1" t="inlineStr"`} {
			for _, before := range []string{
				`<c r="A1"><v>1</v></c>`,
				`<c r="A1" t="inlineStr"><is><t>open</is></c>`,
				`<c r="A1" t="inlineStr"><is><rPh><t>open</t></is></c>`,
			} {
				one(`<row r="1">` + before + `<c r="B1"` + typ + `>` + body + `</c><c r="C1" t="inlineStr"><is>z<t>w</t></is></c><c r="D1"><v>2</v></c></row>`)
			}
		}
	}
	rows.Reset()
	base := "123456789012345678901234567890123456"
	for r, n := 1, 0; n <= len(base); n++ {
		v := base[:n]
		for _, x := range []string{v, v, v + "1", v + "2", v} {
			for i := range len(x) {
				y := []byte(x)
				y[i] = 'x'
				fmt.Fprintf(&rows, `<row r="%d"><c r="C%d" t="str"><v>%s</v></c><c r="D%d"><v>%s</v></c></row>`, r, r, x, r, y)
				r++
			}
			fmt.Fprintf(&rows, `<row r="%d"><c r="C%d" t="str"><v>%s</v></c><c r="D%d" t="str"><v>%s</v></c></row>`, r, r, x, r, x)
			r++
		}
	}
	one(rows.String())
}

// TestRowTags checks rows whose start tags fastRows reads (the r value,
// then the tag's end found by plainTagEnd) against the general tokenizer:
// long attribute lists, with a '>' inside a value, an apostrophe, an odd
// quote or a self-closing end at every offset around the words it reads
// four at a time.
func TestRowTags(t *testing.T) {
	w := testSheetWorkbook()
	for pad := range 80 {
		fill := strings.Repeat("x", pad)
		for _, attrs := range []string{
			` a="` + fill + `"`,
			` a="` + fill + `>" b="1"`,
			` a="` + fill + `" b='1'`,
			` a="` + fill + `" b='/>'`,
			` c='"' a="` + fill + `" d=">"/`,
			` a="` + fill + `" b='"' c=">"`,
			` a="` + fill + `'" b="1"`,
			` a="` + fill + `" b="1`,
			` a="` + fill + `"/`,
			` a="` + fill + `" spans="1:3" ht="12.8" customHeight="false" collapsed="false"`,
		} {
			x := fmt.Sprintf(`<sheetData><row r="1"%s><c r="A1"><v>1</v></c></row><row r="3"%s><c><v>2</v></c></row><row r="4"><c><v>3</v></c></row></sheetData>`, attrs, attrs)
			sameScan(t, w, []byte(x))
		}
	}
}

// serialTextFormat is serialText as it was written with time.Format and
// fmt.Sprintf: the oracle of TestSerialText.
func serialTextFormat(f float64, d1904 bool, kind uint8) (string, bool) {
	if f < 0 || f > 2958465 || math.IsNaN(f) {
		return "", false
	}
	days := math.Floor(f)
	secs := int(math.Round((f - days) * 86400))
	if secs >= 86400 {
		days++
		secs -= 86400
	}
	clock := func(space bool) string {
		s := fmt.Sprintf("%02d:%02d:%02d", secs/3600, secs/60%60, secs%60)
		if space {
			return " " + s
		}
		return s
	}
	var t time.Time
	switch {
	case d1904:
		t = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days))
	case days == 60:
		if secs == 0 && kind == kindDate {
			return "1900-02-29", true
		}
		return "1900-02-29" + clock(true), true
	case days < 60:
		t = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days))
	default:
		t = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days))
	}
	if kind == kindTime && days == 0 {
		return clock(false), true
	}
	date := t.Format("2006-01-02")
	if secs == 0 && kind == kindDate {
		return date, true
	}
	return date + clock(true), true
}

// TestSerialText checks serialText against time.Format and fmt.Sprintf:
// every day of the first three years and the last, days around the 1900
// leap-year bug, random serials with and without a time of day, times
// that round up to the next day; in both date systems, of every kind.
func TestSerialText(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var serials []float64
	for d := range 3 * 366 {
		serials = append(serials, float64(d), float64(d)+0.5)
	}
	for d := 2958465 - 400; d <= 2958466; d++ {
		serials = append(serials, float64(d), float64(d)+0.999999, float64(d)-0.25)
	}
	for range 20000 {
		serials = append(serials, float64(rng.IntN(2958466)), rng.Float64()*2958466, float64(rng.IntN(60000))+float64(rng.IntN(86400))/86400)
	}
	serials = append(serials, -1, 0.9999999, 59.99999999, 60.999999999, 61, math.NaN(), math.Inf(1))
	for _, f := range serials {
		for _, d1904 := range []bool{false, true} {
			for _, kind := range []uint8{kindDate, kindDateTime, kindTime} {
				got, ok := serialText(f, d1904, kind)
				want, wantOK := serialTextFormat(f, d1904, kind)
				if got != want || ok != wantOK {
					t.Fatalf("serialText(%v, %v, %d) = %q, %v; want %q, %v", f, d1904, kind, got, ok, want, wantOK)
				}
			}
		}
	}
}
