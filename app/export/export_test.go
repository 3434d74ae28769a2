package export

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"retention/app/report"
	"retention/app/xlsx"
	"retention/metrics"
)

var rows = []report.Customer{
	{ID: "17850", Email: "a@example.com", Name: "=cmd()", Segment: "Champions", Orders: 34, Revenue: 5391.214, First: "2010-12-01", Last: "2011-02-10", Recency: 302,
		PAlive: ptr(0.72662), PredictedPurchases: ptr(1.563065), PredictedCLV: ptr(36.3), NextOrder: "2011-04-02"},
	{ID: "b@example.com", Email: "b@example.com", Segment: "At Risk", Orders: 2, Revenue: 20, First: "2011-01-01", Last: "2011-03-01", Recency: 10},
}

func TestCSV(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(CSV(rows, "GBP"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		Header,
		{"17850", "a@example.com", "'=cmd()", "", "Champions", "34", "5391.21", "2010-12-01", "2011-02-10", "302", "0.727", "1.56", "36.3", "GBP", champions[0], champions[1], "2011-04-02"},
		{"b@example.com", "b@example.com", "", "", "At Risk", "2", "20.00", "2011-01-01", "2011-03-01", "10", "", "", "", "GBP", atRisk[0], atRisk[1], ""},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("CSV:\n got %q\nwant %q", recs, want)
	}
	// Without a known currency the column is there, empty.
	recs, _ = csv.NewReader(bytes.NewReader(CSV(rows[1:], ""))).ReadAll()
	if got := recs[1]; len(got) != len(Header) || got[13] != "" {
		t.Errorf("CSV without a currency: %q", got)
	}
}

// TestSurveyColumns: a survey's list carries each customer's score and
// comment after the usual columns, in CSV and Excel; other lists do not.
func TestSurveyColumns(t *testing.T) {
	answered := []report.Customer{rows[0], rows[1]}
	answered[0].Score, answered[0].Comment = ptr(2), "=late again, twice"
	answered[1].Score = ptr(6)
	recs, err := csv.NewReader(bytes.NewReader(CSV(answered, "GBP"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	n := len(Header)
	if got := recs[0][n:]; !reflect.DeepEqual(got, SurveyHeader) {
		t.Errorf("survey header %q", got)
	}
	if got := recs[1][n:]; !reflect.DeepEqual(got, []string{"2", "'=late again, twice"}) {
		t.Errorf("first answer %q", got)
	}
	if got := recs[2][n:]; !reflect.DeepEqual(got, []string{"6", ""}) {
		t.Errorf("second answer %q", got)
	}
	b, err := XLSX(answered, "Unhappy VIPs", "GBP")
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := x.GetRows(x.GetSheetList()[0])
	if len(got) != 3 || len(got[0]) != n+2 || got[0][n] != "survey_score" || got[1][n] != "2" || got[1][n+1] != "=late again, twice" {
		t.Errorf("xlsx survey columns: %q", got)
	}
	if recs, _ := csv.NewReader(bytes.NewReader(CSV(rows, ""))).ReadAll(); len(recs[0]) != n {
		t.Errorf("a list without answers has %d columns, want %d", len(recs[0]), n)
	}
}

// TestHeaderStable keeps the column names e-mail tools are set up with:
// new columns go at the end.
func TestHeaderStable(t *testing.T) {
	was := []string{"customer_id", "email", "name", "country", "segment", "orders", "revenue", "first_order", "last_order", "recency_days",
		"p_alive", "predicted_purchases", "predicted_clv"}
	if !reflect.DeepEqual(Header[:len(was)], was) {
		t.Errorf("Header starts %q, want %q", Header[:len(was)], was)
	}
	if Header[revenueCol] != "revenue" || Header[predictedCLVCol] != "predicted_clv" {
		t.Errorf("money columns %q, %q", Header[revenueCol], Header[predictedCLVCol])
	}
}

func ptr(v float64) *float64 { return &v }

// The guide cells of the test rows: Guides' own words, so a change of
// wording is seen here.
var (
	champions = [2]string{"Ordered recently, order often and spend the most.",
		"Reward them: early access and a thank-you within a week of their next order; ask for a review or a referral."}
	atRisk = [2]string{"Ordered often, but not for a long time.",
		"This week: a personal win-back e-mail with a strong offer, asking what kept them away."}
)

// TestGuides checks that every segment of the standard grid has a guide
// of one line each, and that the header names its two columns.
func TestGuides(t *testing.T) {
	for _, name := range metrics.SegmentOrder {
		g, ok := Guides[name]
		if !ok || g.Meaning == "" || g.Action == "" || strings.ContainsAny(g.Meaning+g.Action, "\n\r") {
			t.Errorf("%s: guide %+v", name, g)
		}
	}
	if len(Guides) != len(metrics.SegmentOrder) {
		t.Errorf("%d guides for %d segments", len(Guides), len(metrics.SegmentOrder))
	}
	if Header[14] != "segment_meaning" || Header[15] != "segment_action" || Header[nextOrderCol] != "next_order_date" {
		t.Errorf("header ends %q", Header[14:])
	}
}

// TestXLSX reads the workbook back with excelize, the reference reader,
// cell by cell: values, types and what the cells show.
func TestXLSX(t *testing.T) {
	b, err := XLSX(rows, "At Risk: [2024]", "DKK")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	const sheet = "At Risk- -2024-"
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{sheet}) {
		t.Fatalf("sheets = %q", got)
	}
	got, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	// Dates are serial numbers: 40513 is 2010-12-01 (Excel shows
	// =DATE(2010,12,1) as 40513).
	want := [][]string{
		Header,
		{"17850", "a@example.com", "=cmd()", "", "Champions", "34", "5391.21", "40513", "40584", "302", "0.727", "1.56", "36.3", "DKK", champions[0], champions[1], "40635"},
		{"b@example.com", "b@example.com", "", "", "At Risk", "2", "20", "40544", "40603", "10", "", "", "", "DKK", atRisk[0], atRisk[1]},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
	shown := []struct {
		cell, want string
		number     bool
	}{
		{"G2", "5,391.21 DKK", true}, // money shows its currency and stays a number
		{"M2", "36.30 DKK", true},
		{"G3", "20.00 DKK", true},
		{"H2", "2010-12-01", true}, // dates show as the CSV's text
		{"I3", "2011-03-01", true},
		{"Q2", "2011-04-02", true}, // the expected next order date too
		{"F2", "34", true},
		{"K2", "0.727", true},
		{"C2", "=cmd()", false}, // text, never a formula
		{"N3", "DKK", false},
	}
	for _, c := range shown {
		v, err := f.GetCellValue(sheet, c.cell)
		if err != nil || v != c.want {
			t.Errorf("%s shows %q, %v; want %q", c.cell, v, err, c.want)
		}
		if formula, _ := f.GetCellFormula(sheet, c.cell); formula != "" {
			t.Errorf("%s has a formula %q", c.cell, formula)
		}
		typ, _ := f.GetCellType(sheet, c.cell)
		if isNumber := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset; isNumber != c.number {
			t.Errorf("%s type = %v, want a number: %v", c.cell, typ, c.number)
		}
	}
}

// TestXLSXOwnReader reads the workbook back with the project's own reader,
// which gives dates as ISO text: the rows equal the CSV's but for the
// CSV's formula guard and its two-decimal revenue text.
func TestXLSXOwnReader(t *testing.T) {
	b, err := XLSX(rows, "", "")
	if err != nil {
		t.Fatal(err)
	}
	wb, err := xlsx.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	if got := wb.Sheets(); !reflect.DeepEqual(got, []string{"Customers"}) {
		t.Fatalf("sheets = %q", got)
	}
	var got [][]string
	err = wb.Rows("Customers", func(_ int, cells []string) error {
		got = append(got, append([]string(nil), cells...))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		Header, // the header names the currency column all the same
		{"17850", "a@example.com", "=cmd()", "", "Champions", "34", "5391.21", "2010-12-01", "2011-02-10", "302", "0.727", "1.56", "36.3", "", champions[0], champions[1], "2011-04-02"},
		{"b@example.com", "b@example.com", "", "", "At Risk", "2", "20", "2011-01-01", "2011-03-01", "10", "", "", "", "", atRisk[0], atRisk[1]},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
}

// TestXLSXText checks text that XML must escape or keep: markup
// characters, spaces at the ends, line breaks, characters XML cannot hold,
// and text that is not a date in a date column.
func TestXLSXText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"markup", `<b>Tom & "Jerry's"</b>`, `<b>Tom & "Jerry's"</b>`},
		{"spaces kept", "  Ana ", "  Ana "},
		{"line break and tab", "a\nb\tc", "a\nb\tc"},
		{"control character", "a\x01b", "a\uFFFDb"},
		{"non-ASCII", "Zoë 東京 😀", "Zoë 東京 😀"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := report.Customer{ID: "1", Name: tc.in, Segment: tc.in, First: "unknown", Last: "2011-02-30"}
			b, err := XLSX([]report.Customer{c}, tc.in, `G"B\P`)
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			sheet := f.GetSheetList()[0]
			if want := sheetName(tc.in); sheet != want {
				t.Errorf("sheet %q, want %q", sheet, want)
			}
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if got := rows[1]; got[2] != tc.want || got[4] != tc.want || got[7] != "unknown" || got[8] != "2011-02-30" || got[13] != `G"B\P` {
				t.Errorf("row = %q, want name and segment %q", got, tc.want)
			}
		})
	}
}

func TestColumnName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 13: "N", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := columnName(i); got != want {
			t.Errorf("columnName(%d) = %q, want %q", i, got, want)
		}
	}
}

// TestSerial checks date serial numbers against values Excel shows for
// =DATE(y,m,d) formatted as a number.
func TestSerial(t *testing.T) {
	for _, tc := range []struct {
		y    int
		m    time.Month
		d    int
		want float64
	}{
		{1900, 3, 1, 61}, // the first day after Excel's phantom 1900-02-29
		{2010, 12, 1, 40513},
		{2024, 2, 29, 45351},
		{2024, 3, 31, 45382},
	} {
		if got := serial(time.Date(tc.y, tc.m, tc.d, 0, 0, 0, 0, time.UTC)); got != tc.want {
			t.Errorf("serial(%d-%d-%d) = %v, want %v", tc.y, tc.m, tc.d, got, tc.want)
		}
	}
}

// TestXLSXEmpty: an empty list is a workbook with the header row only.
func TestXLSXEmpty(t *testing.T) {
	b, err := XLSX(nil, "Champions", "EUR")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Champions")
	if err != nil || len(rows) != 1 || !reflect.DeepEqual(rows[0], Header) {
		t.Errorf("rows = %q, %v", rows, err)
	}
}

// TestDefuse checks that text a spreadsheet would run as a formula gets
// the apostrophe, and signed plain numbers do not (issue 15: "-123"
// became "'-123").
func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{
		"-123":          "-123",
		"+1,234.50":     "+1,234.50",
		"-0.5":          "-0.5",
		"=1+1":          "'=1+1",
		"+cmd|' /C'!A0": "'+cmd|' /C'!A0",
		"-2+3":          "'-2+3",
		"-":             "'-",
		"@SUM(A1)":      "'@SUM(A1)",
		"\t=1":          "'\t=1",
		"Anna":          "Anna",
	} {
		if got := defuse(in); got != want {
			t.Errorf("defuse(%q) = %q, want %q", in, got, want)
		}
	}
}
