package ui

import (
	"math"

	"retention/app/i18n"
	"retention/app/report"
)

// verdict is how far the predictions can be trusted, from the test of the
// models on the orders after an earlier date (report.Validation).
type verdict int

const (
	verdictThin  verdict = iota // too little history to test them
	verdictPlan                 // the totals came out close: good enough to plan with
	verdictRank                 // the totals were off, the order of customers held
	verdictRough                // neither held
)

// Thresholds of the verdicts.
//
// planError: a test off by at most 15% is as close as the models come on
// the data they were made for: 12.1% on CDNOW, the data of Fader, Hardie
// and Lee (2005), and 13.3% on Online Retail (BENCHMARKS.md).
//
// z95 is the normal quantile of a two-sided 95% interval. A count of n
// purchases varies by √n by chance alone (Poisson), so a test of n
// purchases measures the error to ±z95/√n: under planError, the test
// needs minTestPurchases = (z95 ÷ planError)² = 171 purchases, else it
// cannot tell a good fit from luck.
//
// The order of customers holds when the customers who bought more often
// before the test date bought more after it, as predicted: Kendall's τ
// between the predicted and the actual mean purchases of the groups by
// earlier purchases (report.Holdout.ByX) is above chance at 95%, τ ≥ z95 ×
// √(2(2n + 5) ÷ (9n(n − 1))) for n groups (the normal approximation of τ
// under independence, Kendall 1938).
const (
	planError = 0.15
	z95       = 1.959963984540054
)

var minTestPurchases = int(math.Ceil(math.Pow(z95/planError, 2)))

// checkVerdict judges a forecast by its test.
func checkVerdict(f *report.Forecast) verdict {
	h := f.Validation.Holdout
	switch {
	case h == nil || h.Actual < minTestPurchases:
		return verdictThin
	case h.Error <= planError:
		return verdictPlan
	case ranked(h.ByX):
		return verdictRank
	}
	return verdictRough
}

// ranked tells whether the groups' actual purchases come in the order of
// their predicted ones beyond chance: Kendall's τ = (concordant −
// discordant) ÷ pairs at least its 95% bound (see planError); groups
// without customers are left out, ties count as neither.
func ranked(gs []report.HoldoutGroup) bool {
	var g []report.HoldoutGroup
	for _, x := range gs {
		if x.Customers > 0 {
			g = append(g, x)
		}
	}
	n := float64(len(g))
	if n < 2 {
		return false
	}
	var s float64
	for i := range g {
		for j := i + 1; j < len(g); j++ {
			s += sign((g[i].Predicted - g[j].Predicted) * (g[i].Actual - g[j].Actual))
		}
	}
	tau := s / (n * (n - 1) / 2)
	return tau >= z95*math.Sqrt(2*(2*n+5)/(9*n*(n-1)))
}

func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// verdictText words a verdict for a figure: of a list of customers
// (order, the slipping-away one), which needs their order to hold, or of
// totals.
func verdictText(l *i18n.Locale, v verdict, f *report.Forecast, order bool) string {
	switch {
	case v == verdictThin:
		return l.T("Too little history to trust: the models could not be tested on enough orders.")
	case v == verdictRough:
		return l.T("A rough guess: off by %s in the test, and the order of customers did not hold.", l.Percent(f.Validation.Holdout.Error))
	case order:
		return l.T("Good enough to rank customers: the order held in the test.")
	case v == verdictPlan:
		return l.T("Good enough to plan with: off by %s in the test.", l.Percent(f.Validation.Holdout.Error))
	}
	return l.T("Good enough to rank customers, not to plan totals with: off by %s in the test.", l.Percent(f.Validation.Holdout.Error))
}
