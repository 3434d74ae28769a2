package export

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"retention/app/report"
	"retention/app/xlsx"
)

// tricky are texts that need quotes, apostrophes or XML escapes.
var tricky = []string{"", "plain", "a,b", `say "hi"`, "two\nlines", "cr\rhere", " lead", "\tlead", `\.`, "=1+1", "=a,b", `-1"x`,
	"\t=1", "-123", "+1,234.50", "@SUM(A1)", "Zoë 東京 😀", "a\x01b", "bad \xff utf8", "<&>'\"", "  both  "}

// customers returns n customers whose text cycles through tricky.
func customers(n int) []report.Customer {
	out := make([]report.Customer, n)
	for i := range out {
		t := func(k int) string { return tricky[(i+k)%len(tricky)] }
		out[i] = report.Customer{ID: "C" + strconv.Itoa(i), Email: t(0), Name: t(1), Country: t(2), Segment: []string{"Champions", "At Risk", t(3)}[i%3],
			Orders: i%7 + 1, Revenue: float64(i) * 1.005, First: "2011-01-01", Last: []string{"2011-03-01", t(4)}[i%2], Recency: i % 400}
		if i%2 == 0 {
			out[i].PAlive, out[i].PredictedPurchases, out[i].PredictedCLV, out[i].NextOrder = ptr(float64(i)/1e4), ptr(1.23456), ptr(float64(i)*0.3333), "2012-01-31"
		}
	}
	return out
}

// referenceRecord is a customer's CSV cells as encoding/csv was given
// them before CSV wrote its own fields.
func referenceRecord(c report.Customer, currency string) []string {
	f := func(v *float64, digits int) string {
		if v == nil {
			return ""
		}
		r, _ := strconv.ParseFloat(strconv.FormatFloat(*v, 'f', digits, 64), 64)
		return strconv.FormatFloat(r, 'f', -1, 64)
	}
	g := Guides[c.Segment]
	rev, _ := strconv.ParseFloat(strconv.FormatFloat(c.Revenue, 'f', 2, 64), 64)
	return []string{defuse(c.ID), defuse(c.Email), defuse(c.Name), defuse(c.Country), defuse(c.Segment), strconv.Itoa(c.Orders),
		strconv.FormatFloat(rev, 'f', 2, 64), defuse(c.First), defuse(c.Last), strconv.Itoa(c.Recency),
		f(c.PAlive, 3), f(c.PredictedPurchases, 2), f(c.PredictedCLV, 2), defuse(currency), defuse(g.Meaning), defuse(g.Action), defuse(c.NextOrder)}
}

// TestCSVAsEncodingCSV: the CSV is byte for byte what encoding/csv writes
// of the same cells, quotes, apostrophes and all.
func TestCSVAsEncodingCSV(t *testing.T) {
	rows := customers(3 * len(tricky))
	var want bytes.Buffer
	w := csv.NewWriter(&want)
	w.Write(Header)
	for _, c := range rows {
		w.Write(referenceRecord(c, "EUR"))
	}
	w.Flush()
	if got := CSV(rows, "EUR"); !bytes.Equal(got, want.Bytes()) {
		g, e := strings.Split(string(got), "\n"), strings.Split(want.String(), "\n")
		for i := range min(len(g), len(e)) {
			if g[i] != e[i] {
				t.Fatalf("line %d:\n got %q\nwant %q", i+1, g[i], e[i])
			}
		}
		t.Fatalf("%d lines, want %d", len(g), len(e))
	}
}

// TestExportAllocs: writing a list allocates the same for 200 customers
// as for 20,000: nothing per customer (issue 15: the All list of a
// 10-million-line file stopped the browser's engine). The CSV is one
// buffer of its final size and a line reused; the workbook's couple of hundred allocations are
// its parts' text, their compressors and its buffer.
func TestExportAllocs(t *testing.T) {
	small, large := customers(200), customers(20000)
	for _, tc := range []struct {
		name  string
		write func([]report.Customer)
		most  float64 // allocations of a list, whatever its length
	}{
		{"csv", func(r []report.Customer) { CSV(r, "EUR") }, 16},
		{"xlsx", func(r []report.Customer) { XLSX(r, "All", "EUR") }, 250},
	} {
		a := testing.AllocsPerRun(3, func() { tc.write(small) })
		b := testing.AllocsPerRun(3, func() { tc.write(large) })
		if b > a+2 || b > tc.most {
			t.Errorf("%s: %v allocations for %d customers, %v for %d (at most %v)", tc.name, a, len(small), b, len(large), tc.most)
		}
	}
}

// TestXLSXSheets: a list longer than a sheet goes on further sheets, each
// with the header row, their names within Excel's 31 characters; read
// back in order they are the list.
func TestXLSXSheets(t *testing.T) {
	rows := customers(5)
	for _, tc := range []struct {
		name  string
		sheet string
		per   int
		want  []string
	}{
		{"one sheet", "All", 5, []string{"All"}},
		{"three sheets", "All", 2, []string{"All", "All (2)", "All (3)"}},
		{"long name cut", strings.Repeat("x", 40), 4, []string{strings.Repeat("x", 31), strings.Repeat("x", 27) + " (2)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := writeXLSX(rows, tc.sheet, "", tc.per)
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if got := f.GetSheetList(); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("sheets %q, want %q", got, tc.want)
			}
			wb, err := xlsx.Open(b)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, s := range tc.want {
				n := 0
				err := wb.Rows(s, func(_ int, cells []string) error {
					if n == 0 && !reflect.DeepEqual(cells, Header) {
						return fmt.Errorf("%s starts %q", s, cells)
					}
					if n > 0 {
						ids = append(ids, cells[0])
					}
					n++
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if n-1 > tc.per {
					t.Errorf("%s: %d customers, more than %d", s, n-1, tc.per)
				}
			}
			if want := []string{"C0", "C1", "C2", "C3", "C4"}; !reflect.DeepEqual(ids, want) {
				t.Errorf("customers %q, want %q", ids, want)
			}
		})
	}
	if SheetRows != 1048575 { // Excel's 1,048,576 rows, the header's taken
		t.Errorf("SheetRows = %d", SheetRows)
	}
}

// TestXLSXTextRoundTrip: every tricky text comes back from the workbook
// as written, but for what XML cannot hold (U+FFFD in its place).
func TestXLSXTextRoundTrip(t *testing.T) {
	rows := customers(len(tricky))
	b, err := XLSX(rows, "All", "")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.GetRows("All")
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range rows {
		want := strings.ToValidUTF8(strings.Map(func(r rune) rune {
			if !xmlChar(r) {
				return '\uFFFD'
			}
			return r
		}, c.Email), "\uFFFD")
		if g := got[i+1]; len(g) < 2 && want != "" || len(g) >= 2 && g[1] != want {
			t.Errorf("row %d: e-mail %q, want %q", i+2, g, want)
		}
	}
}

// TestISODay: isoDay takes what time.Parse(time.DateOnly) takes.
func TestISODay(t *testing.T) {
	for _, s := range []string{"2011-01-01", "2024-02-29", "2023-02-29", "2011-13-01", "2011-00-10", "2011-04-31", "2011-04-00", "0000-01-01",
		"9999-12-31", "2011-1-01", "2011/01/01", "20110101", "2011-01-01 ", "+011-01-01", "unknown", ""} {
		want, err := time.Parse(time.DateOnly, s)
		got, ok := isoDay(s)
		if ok != (err == nil) || ok && !got.Equal(want) {
			t.Errorf("isoDay(%q) = %v, %v; time.Parse: %v, %v", s, got, ok, want, err)
		}
	}
}

// FuzzEscape: appendEscaped writes what xml.EscapeText writes.
func FuzzEscape(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		xml.EscapeText(&want, []byte(s))
		if got := appendEscaped(nil, s); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("appendEscaped(%q) = %q, want %q", s, got, want.Bytes())
		}
	})
}
