package export

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"retention/app/report"
)

var rows = []report.Customer{
	{ID: "17850", Email: "a@example.com", Name: "=cmd()", Segment: "Champions", Orders: 34, Revenue: 5391.214, First: "2010-12-01", Last: "2011-02-10", Recency: 302,
		PAlive: ptr(0.72662), PredictedPurchases: ptr(1.563065), PredictedCLV: ptr(36.3)},
	{ID: "b@example.com", Email: "b@example.com", Segment: "At Risk", Orders: 2, Revenue: 20, First: "2011-01-01", Last: "2011-03-01", Recency: 10},
}

func TestCSV(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(CSV(rows, "GBP"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		Header,
		{"17850", "a@example.com", "'=cmd()", "", "Champions", "34", "5391.21", "2010-12-01", "2011-02-10", "302", "0.727", "1.56", "36.3", "GBP"},
		{"b@example.com", "b@example.com", "", "", "At Risk", "2", "20.00", "2011-01-01", "2011-03-01", "10", "", "", "", "GBP"},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("CSV:\n got %q\nwant %q", recs, want)
	}
	// Without a known currency the column is there, empty.
	recs, _ = csv.NewReader(bytes.NewReader(CSV(rows[1:], ""))).ReadAll()
	if got := recs[1]; len(got) != len(Header) || got[len(got)-1] != "" {
		t.Errorf("CSV without a currency: %q", got)
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

func TestXLSX(t *testing.T) {
	b, err := XLSX(rows, "At Risk: [2024]", "DKK")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"At Risk- -2024-"}) {
		t.Fatalf("sheets = %q", got)
	}
	got, err := f.GetRows("At Risk- -2024-", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !reflect.DeepEqual(got[0], Header) || got[1][0] != "17850" || got[1][6] != "5391.21" || got[2][5] != "2" ||
		got[1][10] != "0.727" || got[1][12] != "36.3" || got[1][13] != "DKK" || got[2][12] != "" || got[2][13] != "DKK" {
		t.Errorf("rows = %q", got)
	}
	// The money cells show their currency and stay numbers.
	shown, err := f.GetCellValue("At Risk- -2024-", "G2")
	if err != nil || shown != "5,391.21 DKK" {
		t.Errorf("revenue cell shows %q, %v; want 5,391.21 DKK", shown, err)
	}
	if typ, _ := f.GetCellType("At Risk- -2024-", "G2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("revenue cell type = %v, want a number", typ)
	}
	// Numbers are stored as numbers, not text.
	if typ, _ := f.GetCellType("At Risk- -2024-", "F2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("orders cell type = %v, want a number", typ)
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
