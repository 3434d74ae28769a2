package report

import "testing"

// TestErrorWords: the plain English of the fit, check and currency codes,
// which the command line prints for a forecast and a currency that does
// not fit, word for word what the models and the reader said before they
// gave codes.
func TestErrorWords(t *testing.T) {
	for _, tc := range []struct {
		e       Error
		want    string
		setting bool
	}{
		{Error{Code: FitFewCustomers, Model: ModelBGNBD, N: 3, Need: 50}, "BG/NBD: cannot fit: 3 customers; the model needs at least 50", false},
		{Error{Code: FitFewRepeaters, Model: ModelBGNBD, N: 10, Of: 200, Need: 20}, "BG/NBD: cannot fit: only 10 of 200 customers bought again; the model needs at least 20 repeat buyers", false},
		{Error{Code: FitFewRepeaters, Model: ModelGammaGamma, N: 12, Need: 20}, "Gamma-Gamma: cannot fit: only 12 customers with repeat purchases; the spend model needs at least 20", false},
		{Error{Code: FitNoTime, Model: ModelBGNBD}, "BG/NBD: cannot fit: every customer was observed for no time", false},
		{Error{Code: FitNotConverged, Model: ModelGammaGamma, Value: "IterationLimit"}, "Gamma-Gamma: cannot fit: the likelihood did not converge (IterationLimit)", false},
		{Error{Code: FitUnbounded, Model: ModelBGNBD, Value: "NBD", Field: "r", Figure: 123456}, "BG/NBD: cannot fit: NBD parameter r ran off to 1.23e+05; the data do not pin the model down", false},
		{Error{Code: FitSpendCorrelated, Model: ModelGammaGamma, Figure: 0.456}, "Gamma-Gamma: cannot fit: customers who buy more often spend more per order (correlation 0.46); the spend model assumes order value does not depend on frequency, so its order values and CLV would be wrong", false},
		{Error{Code: FitSpendCorrelated, Model: ModelGammaGamma, Figure: -0.31}, "Gamma-Gamma: cannot fit: customers who buy more often spend less per order (correlation -0.31); the spend model assumes order value does not depend on frequency, so its order values and CLV would be wrong", false},
		{Error{Code: FitHeavyTail, Model: ModelGammaGamma, Figure: 0.61}, "Gamma-Gamma: cannot fit: spend is so heavy-tailed that the model's expected order value is infinite (q = 0.61, must be above 1)", false},
		{Error{Code: FitBadInput, Model: ModelBGNBD, Value: "cannot fit: customer 1 has x=2"}, "BG/NBD: cannot fit: customer 1 has x=2", false},
		{Error{Code: CheckNoOrders}, "there are no orders to check the models on", false},
		{Error{Code: CheckTooLate, Field: "validate", Value: "1998-01-01", Bound: "1997-09-30"}, "the check's calibration must end before 1997-09-30, the last day of the orders predicted from", true},
		{Error{Code: CheckShortHistory, N: 95, Need: 112}, "the orders span 95 days; checking the models needs at least 112, half to fit and half to compare", false},
		{Error{Code: CheckNoHoldout, Value: "2011-06-05"}, "no orders after 2011-06-05 to compare with", false},
		{Error{Code: CurrencyNotInFile, Field: "currency", Value: "EUR", File: "o.csv", Values: []string{"USD", "GBP"}, Counts: []int{3, 1}}, "o.csv has no orders in EUR (it has USD: 3 orders, GBP: 1 orders).", true},
		{Error{Code: CurrencyNotCrowns, Field: "currency", Value: "EUR", File: "o.csv", Values: []string{"DKK", "NOK", "SEK", "ISK"}}, "The amounts of o.csv are in kr, which is DKK, NOK, SEK, ISK, not EUR.", true},
		{Error{Code: CurrencyNotHeader, Field: "currency", Value: "USD", Bound: "PHP", File: "o.csv"}, "The column names of o.csv say the amounts are in PHP, not USD.", true},
		{Error{Code: BadCurrency, Field: "currency", Value: "kr"}, `"kr" is not a currency code; use an ISO 4217 code such as EUR, DKK or USD.`, true},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.e.Code, got, tc.want)
		}
		if got := tc.e.IsSetting(); got != tc.setting {
			t.Errorf("%s: IsSetting %v, want %v", tc.e.Code, got, tc.setting)
		}
	}
}
