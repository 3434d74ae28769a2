package main

import (
	"testing"

	"retention/app/report"
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

// TestErrorWords: a forecast's errors in the engine's English, a check
// date that is not one naming --check-until; a currency that does not fit
// the file naming --currency.
func TestErrorWords(t *testing.T) {
	for _, tc := range []struct {
		e    report.Error
		want string
	}{
		{report.Error{Code: report.FitFewCustomers, Model: report.ModelBGNBD, N: 3, Need: 50}, "BG/NBD: cannot fit: 3 customers; the model needs at least 50"},
		{report.Error{Code: report.NoCustomerBy, Field: "until", Value: "2024-01-01"}, "no customer bought on or before 2024-01-01"},
		{report.Error{Code: report.BadDate, Field: "validate", Value: "17 May"}, `--check-until must be a date like 2024-01-31, got "17 May"`},
		{report.Error{Code: report.CheckShortHistory, N: 95, Need: 112}, "the orders span 95 days; checking the models needs at least 112, half to fit and half to compare"},
	} {
		if got := forecastErrorText(tc.e); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.e.Code, got, tc.want)
		}
	}
	for _, tc := range []struct {
		e    report.Error
		want string
	}{
		{report.Error{Code: report.CurrencyNotInFile, Field: "currency", Value: "EUR", File: "o.csv", Values: []string{"USD"}, Counts: []int{3}},
			"o.csv has no orders in EUR (it has USD: 3 orders). Give one of those with --currency."},
		{report.Error{Code: report.CurrencyNotCrowns, Field: "currency", Value: "EUR", File: "o.csv", Values: []string{"DKK", "NOK"}},
			"The amounts of o.csv are in kr, which is DKK, NOK, not EUR. Say which with --currency."},
		{report.Error{Code: report.CurrencyNotHeader, Field: "currency", Value: "USD", Bound: "PHP", File: "o.csv"},
			"The column names of o.csv say the amounts are in PHP, not USD. Leave --currency out, or give --currency PHP."},
		{report.Error{Code: report.BadCurrency, Field: "currency", Value: "KR"}, `--currency "KR" is not a currency code; use an ISO 4217 code such as EUR, DKK or USD.`},
	} {
		if got := explainSetting(&tc.e); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.e.Code, got, tc.want)
		}
	}
}
