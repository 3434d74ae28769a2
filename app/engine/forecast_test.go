package engine

import (
	"errors"
	"reflect"
	"sort"
	"testing"

	"retention/app/ingest"
	"retention/app/report"
)

// TestForecastCDNOWSample: with the reference date 1997-10-01 the forecast
// calibrates on weeks 1-39, the papers' fit, and fills every customer row.
func TestForecastCDNOWSample(t *testing.T) {
	doc, err := Run("cdnow_sample.txt", sharedData(t, "cdnow_sample.txt"), report.Settings{AsOf: "1997-10-01"})
	if err != nil {
		t.Fatal(err)
	}
	f := doc.Forecast
	if f == nil || f.BGNBD == nil || f.GammaGamma == nil || len(f.Errors) > 0 {
		t.Fatalf("forecast %+v", f)
	}
	if f.Until != "1997-09-30" || !within(f.BGNBD.R, 0.243, 5e-4) || !within(f.GammaGamma.P, 6.25, 5e-3) {
		t.Errorf("until %s, r %v, p %v", f.Until, f.BGNBD.R, f.GammaGamma.P)
	}
	// The report's customers are those with orders in the range, here all
	// 2357 (orders after the reference date still count in the range).
	var rows, repeaters, slipping int
	var purchases, clv float64
	segs := map[string]float64{}
	revenues := []float64{}
	for _, c := range doc.CustomerRows {
		revenues = append(revenues, c.Revenue)
	}
	sort.Float64s(revenues)
	// ceil(20% of 2357) = 472 customers are the top fifth by revenue.
	minRevenue := revenues[len(revenues)-472]
	for _, c := range doc.CustomerRows {
		if c.PAlive == nil || c.PredictedCLV == nil || c.PredictedPurchases == nil {
			t.Fatalf("%s has no prediction", c.ID)
		}
		rows++
		purchases += *c.PredictedPurchases
		clv += *c.PredictedCLV
		segs[c.Segment] += *c.PredictedCLV
		if *c.PAlive < 1 {
			repeaters++
		}
		want := c.Revenue >= minRevenue && *c.PAlive < 0.5
		if c.Slipping != want {
			t.Errorf("%s: revenue %v, P(alive) %v, slipping %v", c.ID, c.Revenue, *c.PAlive, c.Slipping)
		}
		if want {
			slipping++
		}
		if c.ID == "00004" && !within(*c.PAlive, 0.7266, 5e-4) {
			t.Errorf("00004: P(alive) %v", *c.PAlive)
		}
	}
	if rows != 2357 || repeaters != 946 {
		t.Errorf("%d rows, %d with P(alive) below 1; want 2357 and the 946 repeat buyers", rows, repeaters)
	}
	if !within(f.ExpectedPurchases, purchases, 0.01) || f.CLV == nil || !within(*f.CLV, clv, 0.05) {
		t.Errorf("totals %v %v, rows sum to %v %v", f.ExpectedPurchases, f.CLV, purchases, clv)
	}
	n := 0
	for _, s := range f.Segments {
		n += s.Customers
		if !within(*s.CLV, segs[s.Name], 0.05) || !within(*s.MeanCLV, segs[s.Name]/float64(s.Customers), 0.01) {
			t.Errorf("%s: CLV %v (mean %v), rows sum to %v", s.Name, *s.CLV, *s.MeanCLV, segs[s.Name])
		}
	}
	if n != 2357 {
		t.Errorf("segments hold %d customers", n)
	}
	var alive int
	for _, b := range f.PAlive {
		alive += b.Count
	}
	if alive != 946 || len(f.PAlive) != 10 || f.PAlive[0].Label != "0-10%" {
		t.Errorf("P(alive) buckets %+v", f.PAlive)
	}
	list, name, err := report.Select(doc, "slipping away")
	if err != nil || name != report.ListSlipping || len(list) != slipping || f.Slipping.Customers != slipping || slipping == 0 {
		t.Fatalf("list %q: %d rows (%v), forecast says %d, rows %d", name, len(list), err, f.Slipping.Customers, slipping)
	}
	for i := 1; i < len(list); i++ {
		if list[i].Revenue > list[i-1].Revenue {
			t.Fatalf("slipping list not by revenue: %v after %v", list[i].Revenue, list[i-1].Revenue)
		}
	}

	// The check: calibrated to the middle of 1997-01-01 .. 1997-09-30
	// (272 days, so 136 days in: 1997-05-17), compared up to 1997-09-30.
	v := f.Validation
	if v.Error != nil || v.Until != "1997-05-17" || v.End != "1997-09-30" || v.Holdout == nil {
		t.Fatalf("validation %+v", v)
	}
	if !within(v.Holdout.Length, 136.0/7, 1e-6) {
		t.Errorf("holdout length %v weeks, want 136/7", v.Holdout.Length)
	}
	// Nothing after 1997-09-30 is in the check: its last cumulative point
	// is every repeat purchase by then.
	last := v.Holdout.Cumulative[len(v.Holdout.Cumulative)-1]
	pr, err := Predict(mustLoad(t), report.Settings{Until: "1997-09-30"})
	if err != nil {
		t.Fatal(err)
	}
	calib := 0.0
	for _, r := range pr.Rows {
		calib += r.X
	}
	if last.Actual != int(calib) {
		t.Errorf("check counts %d repeat purchases to 1997-09-30, calibration has %v", last.Actual, calib)
	}
}

func mustLoad(t *testing.T) *ingest.Result {
	t.Helper()
	res, err := Load("cdnow_sample.txt", sharedData(t, "cdnow_sample.txt"), report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestForecastRefusals(t *testing.T) {
	// Three customers: the report stands, the forecast says why it has
	// no numbers, and no row has a prediction.
	doc, err := Run("shop.csv", []byte(shop), report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	f := doc.Forecast
	if f == nil || f.BGNBD != nil || len(f.Errors) != 1 ||
		!reflect.DeepEqual(f.Errors[0], report.Error{Code: report.FitFewCustomers, Model: report.ModelBGNBD, N: 3, Need: 50}) {
		t.Fatalf("forecast %+v", f)
	}
	if e := f.Validation.Error; e == nil || !reflect.DeepEqual(*e, f.Errors[0]) {
		t.Errorf("validation of three customers: %+v %+v", f.Validation, e)
	}
	for _, c := range doc.CustomerRows {
		if c.PAlive != nil || c.PredictedCLV != nil || c.Slipping {
			t.Errorf("%s has a prediction", c.ID)
		}
	}
	// A check date that is not before the calibration end, or not a date.
	data := sharedData(t, "cdnow_sample.txt")
	for _, tc := range []struct {
		validate string
		want     report.Error
	}{
		{"1998-01-01", report.Error{Code: report.CheckTooLate, Field: "validate", Value: "1998-01-01", Bound: "1997-09-30"}},
		{"17 May", report.Error{Code: report.BadDate, Field: "validate", Value: "17 May"}},
	} {
		doc, err := Run("cdnow_sample.txt", data, report.Settings{AsOf: "1997-10-01", Validate: tc.validate})
		if err != nil {
			t.Fatal(err)
		}
		if v := doc.Forecast.Validation; v.Holdout != nil || v.Error == nil || !reflect.DeepEqual(*v.Error, tc.want) {
			t.Errorf("validate %q: %+v %+v, want %+v", tc.validate, v, v.Error, tc.want)
		}
	}
	// Bad forecast options are the report's error, like other options.
	var e *report.Error
	if _, err := Run("shop.csv", []byte(shop), report.Settings{PredictUnit: "year"}); !errors.As(err, &e) || e.Code != report.BadUnit {
		t.Errorf("unit year: %v", err)
	}
}

// BenchmarkForecastOnlineRetail is what the forecast adds to a report of
// Online Retail: two fits (the forecast and its check), every customer's
// predictions and the totals.
func BenchmarkForecastOnlineRetail(b *testing.B) {
	res, err := Load("online_retail.csv.gz", sharedData(b, "online_retail.csv.gz"), report.Settings{})
	if err != nil {
		b.Fatal(err)
	}
	doc, err := Build(res, report.Settings{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Forecast(res, doc, report.Settings{}); err != nil {
			b.Fatal(err)
		}
	}
}
