package main

import (
	"testing"

	"retention/app/report"
	"retention/metrics/btyd"
)

// TestFormatWords: the command line words the formats a file was read in
// and a survey scale's reason as it always has.
func TestFormatWords(t *testing.T) {
	for _, tc := range []struct {
		f    report.DateFormat
		want string
	}{
		{report.DateFormat{Order: report.YearFirst}, "yyyy-mm-dd"},
		{report.DateFormat{Order: report.YearFirst, Time: true}, "yyyy-mm-dd with time"},
		{report.DateFormat{Order: report.DayFirst, Time: true}, "day before month (dd.mm.yyyy) with time"},
		{report.DateFormat{Order: report.DayFirst, Ambiguous: true}, "day before month (dd.mm.yyyy); assumed, as no day was above 12"},
		{report.DateFormat{Order: report.MonthFirst}, "month before day (mm/dd/yyyy)"},
		{report.DateFormat{Order: report.YearFirst, Compact: true}, "yyyymmdd"},
		{report.DateFormat{Serial: true, Time: true}, "Excel serial numbers"},
	} {
		if got := datesText(tc.f); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.f, got, tc.want)
		}
	}
	for _, tc := range []struct {
		f    report.NumberFormat
		want string
	}{
		{report.NumberFormat{Decimal: ".", Group: ","}, "decimal '.', thousands ','"},
		{report.NumberFormat{Decimal: ",", Group: "."}, "decimal ',', thousands '.'"},
		{report.NumberFormat{Decimal: ",", Group: " "}, "decimal ',', thousands space"},
		{report.NumberFormat{Decimal: "."}, "decimal '.', thousands none"},
		{report.NumberFormat{Decimal: ".", Group: "'"}, `decimal '.', thousands '\''`},
	} {
		if got := numbersText(tc.f); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.f, got, tc.want)
		}
	}
	for _, tc := range []struct {
		w    report.ScaleWhy
		want string
	}{
		{report.ScaleWhy{Code: report.ScaleChosen}, "set by you"},
		{report.ScaleWhy{Code: report.ScaleRecommends, Column: "NPS"}, `the header "NPS" asks about recommending`},
		{report.ScaleWhy{Code: report.ScaleSatisfaction, Column: "Zufriedenheit", Max: 5}, `the header "Zufriedenheit" asks about satisfaction; answers 1 to 5`},
		{report.ScaleWhy{Code: report.ScaleAnswers, Min: 0, Max: 10}, "answers run from 0 to 10"},
	} {
		if got := scaleText(tc.w); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.w, got, tc.want)
		}
	}
}

// TestErrorWords: a forecast's errors as the models and the check said
// them before they were codes (a fit's words are btyd.FitError's after
// the model's name), a check date that is not one naming --check-until;
// a currency that does not fit the file naming --currency.
func TestErrorWords(t *testing.T) {
	bg, gg := report.ModelBGNBD, report.ModelGammaGamma
	for _, tc := range []struct {
		e   report.Error
		fit *btyd.FitError // the model's own error, when it is a fit's
	}{
		{report.Error{Code: report.FitFewCustomers, Model: bg, N: 3, Need: 50}, &btyd.FitError{Reason: btyd.TooFewCustomers, N: 3, Need: 50}},
		{report.Error{Code: report.FitFewRepeaters, Model: bg, N: 10, Of: 200, Need: 20}, &btyd.FitError{Reason: btyd.TooFewRepeaters, N: 10, Of: 200, Need: 20}},
		{report.Error{Code: report.FitFewRepeaters, Model: gg, N: 12, Need: 20}, &btyd.FitError{Reason: btyd.TooFewRepeaters, N: 12, Need: 20}},
		{report.Error{Code: report.FitNoTime, Model: bg}, &btyd.FitError{Reason: btyd.NoTime}},
		{report.Error{Code: report.FitNotConverged, Model: gg, Value: "IterationLimit"}, &btyd.FitError{Reason: btyd.NotConverged, Status: "IterationLimit"}},
		{report.Error{Code: report.FitUnbounded, Model: bg, Value: "NBD", Field: "r", Figure: 123456}, &btyd.FitError{Reason: btyd.Unbounded, Model: "NBD", Param: "r", Value: 123456}},
		{report.Error{Code: report.FitSpendCorrelated, Model: gg, Figure: 0.456}, &btyd.FitError{Reason: btyd.SpendCorrelated, Value: 0.456}},
		{report.Error{Code: report.FitSpendCorrelated, Model: gg, Figure: -0.31}, &btyd.FitError{Reason: btyd.SpendCorrelated, Value: -0.31}},
		{report.Error{Code: report.FitHeavyTail, Model: gg, Figure: 0.61}, &btyd.FitError{Reason: btyd.HeavyTail, Value: 0.61}},
	} {
		if got, want := forecastErrorText(tc.e), tc.e.Model+": "+tc.fit.Error(); got != want {
			t.Errorf("%s: %q, want %q", tc.e.Code, got, want)
		}
	}
	for _, tc := range []struct {
		e    report.Error
		want string
	}{
		{report.Error{Code: report.FitFewCustomers, Model: bg, N: 3, Need: 50}, "BG/NBD: cannot fit: 3 customers; the model needs at least 50"},
		{report.Error{Code: report.FitBadInput, Model: bg, Value: "cannot fit: customer 1 has x=2"}, "BG/NBD: cannot fit: customer 1 has x=2"},
		{report.Error{Code: report.NoCustomerBy, Field: "until", Value: "2024-01-01"}, "no customer bought on or before 2024-01-01"},
		{report.Error{Code: report.NoOrdersToPredict, Value: "x.csv"}, "x.csv has no orders to predict from"},
		{report.Error{Code: report.BadDate, Field: "validate", Value: "17 May"}, `--check-until must be a date like 2024-01-31, got "17 May"`},
		{report.Error{Code: report.CheckNoOrders}, "there are no orders to check the models on"},
		{report.Error{Code: report.CheckTooLate, Field: "validate", Value: "1998-01-01", Bound: "1997-09-30"}, "the check's calibration must end before 1997-09-30, the last day of the orders predicted from"},
		{report.Error{Code: report.CheckShortHistory, N: 95, Need: 112}, "the orders span 95 days; checking the models needs at least 112, half to fit and half to compare"},
		{report.Error{Code: report.CheckNoHoldout, Value: "2011-06-05"}, "no orders after 2011-06-05 to compare with"},
	} {
		if got := forecastErrorText(tc.e); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.e.Code, got, tc.want)
		}
	}
	for _, tc := range []struct {
		e    report.Error
		want string
	}{
		{report.Error{Code: report.CurrencyNotInFile, Field: "currency", Value: "EUR", File: "o.csv", Values: []string{"USD", "GBP"}, Counts: []int{3, 1}},
			"o.csv has no orders in EUR (it has USD: 3 orders, GBP: 1 orders). Give one of those with --currency."},
		{report.Error{Code: report.CurrencyNotCrowns, Field: "currency", Value: "EUR", File: "o.csv", Values: []string{"DKK", "NOK", "SEK", "ISK"}},
			"The amounts of o.csv are in kr, which is DKK, NOK, SEK, ISK, not EUR. Say which with --currency."},
		{report.Error{Code: report.CurrencyNotHeader, Field: "currency", Value: "USD", Bound: "PHP", File: "o.csv"},
			"The column names of o.csv say the amounts are in PHP, not USD. Leave --currency out, or give --currency PHP."},
		{report.Error{Code: report.BadCurrency, Field: "currency", Value: "KR"}, `--currency "KR" is not a currency code; use an ISO 4217 code such as EUR, DKK or USD.`},
	} {
		if got := explainSetting(&tc.e); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.e.Code, got, tc.want)
		}
	}
}
