package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"retention/app/export"
	"retention/app/ingest"
	"retention/app/limits"
	"retention/app/limits/craft"
	"retention/app/report"
)

// today is the clock the tests give the engine.
var today = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// TestFarOffDate checks that one order dated far off (issue 15: a 13 KB
// file with one order on 9999-12-31 needed tens of GB for the cohort
// triangle) is skipped with its own code and row, and costs no more
// memory than an ordinary order: at most a quarter more allocation than
// the file without it (and 256 KiB for the skip's bookkeeping).
func TestFarOffDate(t *testing.T) {
	const n = 400
	plain := craft.Orders(n)
	line := n + 2 // the header is line 1
	tests := []struct {
		name string
		file string
		data []byte
	}{
		{"9999-12-31, a placeholder for no date", "o.csv", craft.Orders(n, "9999,C1,Customer 1,9999-12-31,10.00")},
		{"2500", "o.csv", craft.Orders(n, "9999,C1,Customer 1,2500-01-01,10.00")},
		{"1900-01-01, a placeholder for no date", "o.csv", craft.Orders(n, "9999,C1,Customer 1,1900-01-01,10.00")},
		{"the day after tomorrow", "o.csv", craft.Orders(n, "9999,C1,Customer 1,2026-11-28,10.00")},
		{"Excel serial 2958465 (9999-12-31)", "o.xlsx", craft.SerialDates(n, 2958465)},
		{"Excel serial 60 (1900-02-29)", "o.xlsx", craft.SerialDates(n, 60)},
	}
	o := report.Settings{Today: today}
	base := map[string]uint64{
		"o.csv":  craft.Allocated(func() { mustRun(t, "o.csv", plain, o) }),
		"o.xlsx": craft.Allocated(func() { mustRun(t, "o.xlsx", craft.SerialDates(n), o) }),
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var doc *report.Document
			alloc := craft.Allocated(func() { doc = mustRun(t, tc.file, tc.data, o) })
			if limit := base[tc.file]*5/4 + 256<<10; alloc > limit {
				t.Errorf("allocated %d bytes, the file without the order %d (limit %d)", alloc, base[tc.file], limit)
			}
			var skip *report.Skip
			for i := range doc.Skipped {
				if doc.Skipped[i].Code == string(ingest.DateOutOfRange) {
					skip = &doc.Skipped[i]
				}
			}
			if skip == nil || skip.Rows != 1 || len(skip.Examples) != 1 || skip.Examples[0] != line {
				t.Fatalf("skipped %+v, want row %d as %s", doc.Skipped, line, ingest.DateOutOfRange)
			}
			if doc.LastOrder > "2026-11-27" || doc.FirstOrder < "2024" {
				t.Errorf("orders from %s to %s", doc.FirstOrder, doc.LastOrder)
			}
		})
	}
	// Without a clock, only the dates before 1990 are out of range.
	doc := mustRun(t, "o.csv", craft.Orders(n, "9999,C1,Customer 1,1900-01-01,10.00"), report.Settings{})
	if len(doc.Skipped) != 1 || doc.Skipped[0].Code != string(ingest.DateOutOfRange) {
		t.Errorf("without a clock: skipped %+v", doc.Skipped)
	}
}

func mustRun(t *testing.T, name string, data []byte, o report.Settings) *report.Document {
	t.Helper()
	doc, err := Run(name, data, o)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestNotFinite checks that every spelling of a number past float64, and
// amounts whose sums would overflow (1e308 twice), are skipped with one
// code, and that the report's JSON and the exports hold finite numbers
// only (issue 15: "+Inf" in the text report, JSON that failed, "+Inf" in
// the exports).
func TestNotFinite(t *testing.T) {
	bad := []string{"1e308", "1e308", "1e309", "-1e309", "NaN", "Infinity", "-inf", "∞", "90071992547410"}
	var extra []string
	for i, v := range bad {
		extra = append(extra, fmt.Sprintf("%d,C1,Customer 1,2024-06-01,%q", 9000+i, v))
	}
	doc := mustRun(t, "o.csv", craft.Orders(100, extra...), report.Settings{Today: today})
	var skip report.Skip
	for _, s := range doc.Skipped {
		if s.Code == string(ingest.NumberNotFinite) {
			skip = s
		}
	}
	if skip.Rows != len(bad) {
		t.Errorf("skipped %+v, want the %d rows %q as %s", doc.Skipped, len(bad), bad, ingest.NumberNotFinite)
	}
	if math.IsInf(doc.Revenue, 0) || math.IsNaN(doc.Revenue) || doc.Revenue > 1e6 {
		t.Errorf("revenue %v", doc.Revenue)
	}
	// encoding/json refuses Inf and NaN: the report's JSON holds none.
	if _, err := json.Marshal(doc); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	rows, _, err := report.Select(doc, "All")
	if err != nil {
		t.Fatal(err)
	}
	csv := export.CSV(rows, doc.Currency)
	for _, s := range []string{"Inf", "NaN"} {
		if bytes.Contains(csv, []byte(s)) {
			t.Errorf("%s in the CSV export", s)
		}
	}
}

// TestRangeOptions checks that --from and --to out of the orders' range
// are refused before any period is made.
func TestRangeOptions(t *testing.T) {
	for _, tc := range []struct {
		o    report.Settings
		want report.Error
	}{
		{report.Settings{From: "1000-01-01"}, report.Error{Code: report.BeforeEarliest, Field: "from", Value: "1000-01-01", Bound: limits.EarliestOrder.Format(dateLayout)}},
		{report.Settings{To: "9999-12-31", Today: today}, report.Error{Code: report.AfterTomorrow, Field: "to", Value: "9999-12-31"}},
	} {
		_, err := Run("o.csv", craft.Orders(20), tc.o)
		var e *report.Error
		if !errors.As(err, &e) || !reflect.DeepEqual(*e, tc.want) {
			t.Errorf("%+v: %#v, want %#v", tc.o, err, tc.want)
		}
	}
}
