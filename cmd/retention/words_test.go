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
