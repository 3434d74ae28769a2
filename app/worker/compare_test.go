package worker

import (
	"reflect"
	"testing"

	"retention/app/demo"
	"retention/app/engine"
	"retention/app/report"
)

// TestCompareRequests checks what the page's comparisons get from the
// session: the previous range's KPIs on every report, the movement
// between two days, and product lists, each equal to the engine's
// answer as the command line gets it.
func TestCompareRequests(t *testing.T) {
	var s Session
	set := report.Settings{From: "2025-08-03", To: "2025-10-31"}
	doc, err := s.Load(demo.FileName, demo.CSV(), set, nil)
	if err != nil {
		t.Fatal(err)
	}
	// `retention report --from --to --compare-to previous`
	res, err := engine.Load(demo.FileName, demo.CSV(), set)
	if err != nil {
		t.Fatal(err)
	}
	want, err := engine.Build(res, set)
	if err != nil {
		t.Fatal(err)
	}
	if err := engine.ComparePrevious(res, want, set); err != nil {
		t.Fatal(err)
	}
	if doc.Previous == nil || !reflect.DeepEqual(doc.Previous, want.Previous) {
		t.Errorf("previous %+v, want %+v", doc.Previous, want.Previous)
	}
	if doc.Previous.Days != 90 || doc.Previous.From != "2025-05-05" || !doc.Previous.Covered {
		t.Errorf("previous range %+v", doc.Previous)
	}

	// The ends of two days: --moved-since 2025-08-02 --as-of 2025-11-01,
	// whatever the report's range.
	tests := []struct {
		r           report.MovementRange
		since, asOf string
	}{
		{report.MovementRange{From: "2025-08-01", To: "2025-10-31"}, "2025-08-02", "2025-11-01"},
		{report.MovementRange{From: "2025-01-31", To: "2025-06-30"}, "2025-02-01", "2025-07-01"},
	}
	for _, tt := range tests {
		got, err := s.Movement(tt.r, set)
		if err != nil {
			t.Fatal(err)
		}
		w, err := engine.Movement(res, report.Settings{AsOf: tt.asOf}, tt.since)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, w) || got.AAsOf != tt.since || got.BAsOf != tt.asOf {
			t.Errorf("%v: movement %+v, want %+v", tt.r, got, w)
		}
	}
	if _, err := s.Movement(report.MovementRange{From: "2025-13-01", To: "2025-10-31"}, set); err == nil {
		t.Error("a bad day gave a movement")
	}

	q := report.ProductQuery{Bought: doc.Products[0], NotBought: doc.Products[1], NotAgainDays: 30}
	rows, err := s.RowsOf(report.Request{Type: report.MsgRows, Product: &q})
	if err != nil {
		t.Fatal(err)
	}
	full, err := engine.Build(res, set)
	if err != nil {
		t.Fatal(err)
	}
	if err := engine.Forecast(res, full, set); err != nil {
		t.Fatal(err)
	}
	wantRows, name, err := engine.ProductList(res, full, q)
	if err != nil {
		t.Fatal(err)
	}
	if rows.List != name || rows.Total != len(wantRows) || rows.Total == 0 || !reflect.DeepEqual(rows.Rows, wantRows[:min(len(wantRows), report.PageRows)]) {
		t.Errorf("product list %q of %d, want %q of %d", rows.List, rows.Total, name, len(wantRows))
	}
	f, err := s.ExportOf(report.Request{Type: report.MsgExport, Product: &q, Format: "csv"})
	if err != nil || f.Rows != len(wantRows) || f.Name != "retention-"+slug(name)+"-"+doc.AsOf+".csv" {
		t.Errorf("export %+v, %v", f, err)
	}
}
