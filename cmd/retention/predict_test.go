package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPredictCDNOWSample runs the CLI on the CDNOW sample as it is, weeks
// 1-39 for calibration, and keeps the fitted parameters and the holdout
// comparison in testdata/cdnow_sample_predict.golden.json (the customer
// rows are checked for their fields, not kept).
func TestPredictCDNOWSample(t *testing.T) {
	file := needData(t, "cdnow_sample.txt")
	out, _, err := run("predict", file, "--until", "1997-09-30", "--unit", "week", "--horizon", "1y", "--discount", "0.01", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	fields := func(raw json.RawMessage, names ...string) map[string]any {
		t.Helper()
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			if v, ok := m[n].(float64); !ok || math.IsNaN(v) {
				t.Errorf("%s: %q = %v, want a number", raw[:min(len(raw), 60)], n, m[n])
			}
		}
		return m
	}
	bg := fields(doc["bgnbd"], "r", "alpha", "a", "b", "ll")
	fields(doc["gamma_gamma"], "p", "q", "gamma")
	if r := bg["r"].(float64); math.Abs(r-0.243) > 5e-4 {
		t.Errorf("r = %v, published 0.243", r)
	}
	var rows []json.RawMessage
	if err := json.Unmarshal(doc["customers"], &rows); err != nil || len(rows) != 2357 {
		t.Fatalf("%d customer rows (%v), want 2357", len(rows), err)
	}
	for _, i := range []int{0, 1000, 2356} {
		c := fields(rows[i], "x", "t_x", "T", "p_alive", "expected_purchases", "expected_aov", "clv")
		if id, _ := c["id"].(string); id == "" {
			t.Errorf("row %d has no id", i)
		}
	}
	var h struct {
		Actual    int     `json:"actual"`
		Predicted float64 `json:"predicted"`
		ByX       []any   `json:"by_x"`
		Cum       []any   `json:"cumulative"`
	}
	if err := json.Unmarshal(doc["holdout"], &h); err != nil || h.Actual == 0 || len(h.ByX) != 8 || len(h.Cum) != 78 {
		t.Errorf("holdout %+v (%v)", h, err)
	}
	delete(doc, "customers")
	delete(doc, "file")
	got, _ := json.MarshalIndent(doc, "", "  ")
	got = append(got, '\n')
	path := filepath.Join("testdata", "cdnow_sample_predict.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(path); err != nil || string(want) != string(got) {
		t.Errorf("prediction differs from %s (run go test -update if the change is right; %v):\n%s", path, err, got)
	}

	// The readable summary says the same.
	text, _, err := run("predict", file, "--until", "1997-09-30")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"BG/NBD: r 0.2426, alpha 4.4136, a 0.7929, b 2.4259", "Gamma-Gamma: p 6.2496, q 3.7442, gamma 15.4435", "Holdout to 1998-06-30 (39.0 weeks)", "The 10 customers with the highest CLV of 2357"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
}

func TestPredictErrors(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.csv")
	os.WriteFile(small, []byte("Order,Customer,Date,Total\n1,a,2024-01-05,10\n2,a,2024-02-05,20\n3,b,2024-01-20,15\n"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"predict", small, "--unit", "fortnight"}, "--unit must be week or day"},
		{[]string{"predict", small, "--horizon", "soon"}, "a horizon is months"},
		{[]string{"predict", small, "--horizon", "0m"}, "a horizon is months"},
		{[]string{"predict", small, "--until", "2023-12-31"}, "no customer bought on or before 2023-12-31"},
		{[]string{"predict", small}, "BG/NBD: cannot fit: 2 customers; the model needs at least 50"},
	} {
		_, _, err := run(tc.args...)
		if err == nil || !strings.Contains(explain(err), tc.want) {
			t.Errorf("%v: err = %v, want %q", tc.args, explain(err), tc.want)
		}
	}
	// --json still prints the reason, without numbers, and fails.
	out, _, err := run("predict", small, "--json")
	if err == nil || !strings.Contains(out, `"bgnbd": null`) || !strings.Contains(out, "needs at least 50") {
		t.Errorf("json for a small shop: %v\n%s", err, out)
	}
}

// TestPredictOnlineRetail: Online Retail's customers show no drop-out, so
// the fit is BG/NBD's no-drop-out limit and the output says so.
func TestPredictOnlineRetail(t *testing.T) {
	file := needData(t, "online_retail.csv.gz")
	out, _, err := run("predict", file, "--unit", "day")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"4335 customers", "BG/NBD without drop-out (NBD): r 0.8267, alpha 69.82", "4 customers are left out", "Gamma-Gamma: p 2.10"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestReportForecastFlags: report and segments take the forecast's choices.
func TestReportForecastFlags(t *testing.T) {
	file := needData(t, "cdnow_sample.txt")
	d := reportJSON(t, file, "--as-of", "1997-10-01", "--unit", "day", "--horizon", "6m", "--discount", "0", "--check-until", "1997-06-30")
	f := d.Forecast
	if f == nil || f.Unit != "day" || f.Horizon != 6 || f.Discount != 0 || f.Validation.Until != "1997-06-30" || f.BGNBD == nil {
		t.Fatalf("forecast %+v", f)
	}
	out := filepath.Join(t.TempDir(), "slipping.csv")
	if _, _, err := run("segments", file, "--as-of", "1997-10-01", "--segment", "slipping away", "--out", out); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if !strings.Contains(lines[0], ",p_alive,predicted_purchases,predicted_clv,") || len(lines) < 2 {
		t.Errorf("slipping away export: %d lines, header %s", len(lines), lines[0])
	}
	if _, _, err := run("report", file, "--discount", "lots"); err == nil || !strings.Contains(err.Error(), "a discount is a number") {
		t.Errorf("--discount lots: %v", err)
	}
}
