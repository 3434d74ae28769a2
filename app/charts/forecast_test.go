package charts

import (
	"reflect"
	"strings"
	"testing"

	"retention/app/report"
)

func forecastSample() *report.Document {
	d := sample()
	d.Forecast = &report.Forecast{
		Unit:   "week",
		BGNBD:  &report.BGNBDParams{R: 0.24, Alpha: 4.4, A: 0.79, B: 2.4},
		PAlive: []report.Bucket{bk("0-10%", 4), bk("10-20%", 0), bk("90-100%", 9)},
		Segments: []report.SegmentForecast{
			{Name: "Champions", Customers: 3, MeanCLV: f(123.456)},
			{Name: "Hibernating", Customers: 7, MeanCLV: f(5)},
			{Name: "New", Customers: 2}, // no spend model for it: left out
		},
		Validation: report.Validation{Holdout: &report.Holdout{
			Length: 2,
			ByX:    []report.HoldoutGroup{{X: "0", Customers: 5, Actual: 0.2, Predicted: 0.25}, {X: "7+", Customers: 1, Actual: 6, Predicted: 5.5}},
			Cumulative: []report.CumulativePoint{
				{Unit: 1, Actual: 1, Predicted: 1.24}, {Unit: 2, Actual: 3, Predicted: 2.46}, {Unit: 3, Actual: 4, Predicted: 4.04}, {Unit: 4, Actual: 6, Predicted: 5.55},
			},
		}},
	}
	return d
}

func TestForecastCharts(t *testing.T) {
	l := DefaultForecastLabels()
	l.SegmentNames = map[string]string{"Champions": "Champions!"}
	cs := Forecast(forecastSample(), l)
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
		if strings.Contains(string(c.Option()), "http") {
			t.Errorf("%s has a URL", c.ID)
		}
	}
	if !reflect.DeepEqual(ids, []string{"p_alive", "clv_segments", "holdout_by_x", "holdout_cumulative"}) {
		t.Fatalf("charts %v", ids)
	}
	m := byID(t, cs, "p_alive")
	if s := series(t, m, 1); !reflect.DeepEqual(values(s[0]), []any{4.0, 0.0, 9.0}) || !reflect.DeepEqual(xData(t, m), []any{"0-10%", "10-20%", "90-100%"}) {
		t.Errorf("p_alive: %v", values(s[0]))
	}
	m = byID(t, cs, "clv_segments")
	y := m["yAxis"].([]any)[0].(map[string]any)
	if s := series(t, m, 1); !reflect.DeepEqual(values(s[0]), []any{123.46, 5.0}) || !reflect.DeepEqual(y["data"], []any{"Champions!", "Hibernating"}) ||
		y["type"] != "category" || y["inverse"] != true {
		t.Errorf("clv_segments: %v over %v", values(s[0]), y)
	}
	m = byID(t, cs, "holdout_by_x")
	s := series(t, m, 2)
	if !reflect.DeepEqual(values(s[0]), []any{0.2, 6.0}) || !reflect.DeepEqual(values(s[1]), []any{0.25, 5.5}) || s[0]["name"] != "Actual" {
		t.Errorf("holdout_by_x: %v %v", values(s[0]), values(s[1]))
	}
	m = byID(t, cs, "holdout_cumulative")
	s = series(t, m, 2)
	if !reflect.DeepEqual(values(s[0])[3], []any{4.0, 6.0}) || !reflect.DeepEqual(values(s[1])[0], []any{1.0, 1.2}) {
		t.Errorf("cumulative: %v %v", values(s[0]), values(s[1]))
	}
	// The calibration ends 2 units before the last (4): a mark at 2.
	ml := s[0]["markLine"].(map[string]any)["data"].([]any)[0].(map[string]any)
	if ml["xAxis"] != 2.0 || ml["name"] != "End of calibration" {
		t.Errorf("mark line %v", ml)
	}

	// Without drop-out every P(alive) is 1: no histogram. Without a check,
	// no check charts. Without a forecast, nothing.
	d := forecastSample()
	d.Forecast.BGNBD.NoDropout = true
	d.Forecast.Validation = report.Validation{Error: &report.Error{Code: report.CheckShortHistory, N: 30, Need: 112}}
	ids = nil
	for _, c := range Forecast(d, l) {
		ids = append(ids, c.ID)
	}
	if !reflect.DeepEqual(ids, []string{"clv_segments"}) {
		t.Errorf("charts %v, want clv_segments only", ids)
	}
	if cs := Forecast(sample(), l); len(cs) != 0 {
		t.Errorf("%d charts without a forecast", len(cs))
	}
}
