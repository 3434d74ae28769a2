package ui

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"retention/app/i18n"
	"retention/app/report"
)

// sampleByX is the sample store's test by earlier purchases (retention
// report of dist/web/sample-store.csv): predicted in order, actual with 6
// of 28 pairs the other way round, τ = 16/28 = 0.571 against a bound of
// 0.566 for 8 groups.
var sampleByX = []report.HoldoutGroup{
	{X: "0", Customers: 642, Actual: 0.451713, Predicted: 0.77082}, {X: "1", Customers: 147, Actual: 1.306122, Predicted: 1.51341},
	{X: "2", Customers: 85, Actual: 1.623529, Predicted: 2.21199}, {X: "3", Customers: 33, Actual: 1.727273, Predicted: 2.897531},
	{X: "4", Customers: 8, Actual: 3.5, Predicted: 3.818477}, {X: "5", Customers: 8, Actual: 1.125, Predicted: 4.026475},
	{X: "6", Customers: 9, Actual: 4.555556, Predicted: 5.074195}, {X: "7+", Customers: 7, Actual: 3.142857, Predicted: 6.671066},
}

func TestVerdict(t *testing.T) {
	if minTestPurchases != 171 { // (1.96 / 0.15)² = 170.7
		t.Errorf("minTestPurchases = %d", minTestPurchases)
	}
	reversed := make([]report.HoldoutGroup, len(sampleByX))
	for i, g := range sampleByX {
		g.Actual = -g.Actual
		reversed[i] = g
	}
	tests := []struct {
		name string
		h    *report.Holdout
		want verdict
		text string
	}{
		{"no test", nil, verdictThin, "Too little history to trust"},
		{"a test of too few purchases", &report.Holdout{Actual: 170, Error: 0.01, ByX: sampleByX}, verdictThin, "Too little history"},
		{"CDNOW: 12.1% off", &report.Holdout{Actual: 1882, Error: 0.121}, verdictPlan, "Good enough to plan with: off by 12.1% in the test."},
		{"at the bound", &report.Holdout{Actual: 1000, Error: planError}, verdictPlan, "plan with"},
		{"the sample store: 48.8% off, order held", &report.Holdout{Actual: 777, Error: 0.487903, ByX: sampleByX}, verdictRank, "Good enough to rank customers, not to plan totals with: off by 48.8%"},
		{"order reversed", &report.Holdout{Actual: 777, Error: 0.487903, ByX: reversed}, verdictRough, "A rough guess: off by 48.8%"},
		{"one group: no order to judge", &report.Holdout{Actual: 777, Error: 0.3, ByX: sampleByX[:1]}, verdictRough, "rough"},
	}
	l := i18n.In(language.English, "en-US")
	for _, tc := range tests {
		f := &report.Forecast{Validation: report.Validation{Holdout: tc.h}}
		got := checkVerdict(f)
		if got != tc.want {
			t.Errorf("%s: verdict %d, want %d", tc.name, got, tc.want)
		}
		if text := verdictText(l, got, f, false); !strings.Contains(text, tc.text) {
			t.Errorf("%s: %q lacks %q", tc.name, text, tc.text)
		}
	}
	f := &report.Forecast{Validation: report.Validation{Holdout: &report.Holdout{Actual: 777, Error: 0.487903, ByX: sampleByX}}}
	if text := verdictText(l, verdictRank, f, true); text != "Good enough to rank customers: the order held in the test." {
		t.Errorf("a list's verdict: %q", text)
	}
}
