package report

import "testing"

// TestIsSetting: a setting the user must change is told from orders that
// give nothing with the settings, which a report says in its place: by
// code alone.
func TestIsSetting(t *testing.T) {
	for _, tc := range []struct {
		code    Code
		setting bool
	}{
		{BadDate, true}, {BadHorizon, true}, {CheckTooLate, true},
		{CurrencyNotInFile, true}, {CurrencyNotCrowns, true}, {CurrencyNotHeader, true}, {BadCurrency, true},
		{NoOrdersToPredict, false}, {NoCustomerBy, false}, {Unreadable, false},
		{FitFewCustomers, false}, {FitFewRepeaters, false}, {FitNoTime, false}, {FitNotConverged, false},
		{FitUnbounded, false}, {FitSpendCorrelated, false}, {FitHeavyTail, false}, {FitBadInput, false},
		{CheckNoOrders, false}, {CheckShortHistory, false}, {CheckNoHoldout, false},
	} {
		if got := (&Error{Code: tc.code}).IsSetting(); got != tc.setting {
			t.Errorf("%s: IsSetting %v, want %v", tc.code, got, tc.setting)
		}
	}
}
