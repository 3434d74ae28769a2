package ui

import (
	"testing"

	"retention/app/i18n"
	"retention/app/report"
)

// TestFormatWords: the formats a file was read in and a survey scale's
// reason, worded in the page's language, the date patterns' letters as
// the language writes them and a number as the file writes it.
func TestFormatWords(t *testing.T) {
	en := &Workbench{loc: i18n.New("en-US")}
	de := &Workbench{loc: i18n.New("de-DE")}
	sv := &Workbench{loc: i18n.New("sv-SE")}
	for _, tc := range []struct {
		w    *Workbench
		f    report.DateFormat
		want string
	}{
		{en, report.DateFormat{Order: report.YearFirst, Time: true}, "yyyy-mm-dd with time"},
		{de, report.DateFormat{Order: report.YearFirst, Time: true}, "JJJJ-MM-TT mit Uhrzeit"},
		{de, report.DateFormat{Order: report.DayFirst, Ambiguous: true}, "Tag vor Monat (TT.MM.JJJJ); angenommen, da kein Tag über 12 lag"},
		{sv, report.DateFormat{Order: report.MonthFirst}, "månad före dag (mm/dd/åååå)"},
		{sv, report.DateFormat{Compact: true, Order: report.YearFirst}, "ååååmmdd"},
		{de, report.DateFormat{Serial: true, Time: true}, "Excel-Seriennummern (fortlaufende Zahlen)"},
	} {
		if got := tc.w.datesText(&tc.f); got != tc.want {
			t.Errorf("%v %+v: %q, want %q", tc.w.loc.Tag, tc.f, got, tc.want)
		}
	}
	if got := en.datesText(nil); got != "" {
		t.Errorf("no format: %q", got)
	}
	for _, tc := range []struct {
		f    report.NumberFormat
		want string
	}{
		{report.NumberFormat{Decimal: ".", Group: ","}, "1,234.56"},
		{report.NumberFormat{Decimal: ",", Group: "."}, "1.234,56"},
		{report.NumberFormat{Decimal: ",", Group: " "}, "1\u00a0234,56"},
		{report.NumberFormat{Decimal: "."}, "1234.56"},
	} {
		if got := numberExample(&tc.f); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.f, got, tc.want)
		}
	}
	for _, tc := range []struct {
		w    *Workbench
		why  report.ScaleWhy
		want string
	}{
		{en, report.ScaleWhy{Code: report.ScaleChosen}, "chosen by you"},
		{de, report.ScaleWhy{Code: report.ScaleChosen}, "von Ihnen gewählt"},
		{en, report.ScaleWhy{Code: report.ScaleRecommends, Column: "NPS"}, "the header “NPS” asks about recommending"},
		{de, report.ScaleWhy{Code: report.ScaleSatisfaction, Column: "Bewertung", Max: 5}, "die Kopfzeile „Bewertung“ fragt nach der Zufriedenheit; Antworten von 1 bis 5"},
		{sv, report.ScaleWhy{Code: report.ScaleAnswers, Min: 0, Max: 10}, "svaren går från 0 till 10"},
	} {
		if got := tc.w.scaleText(&tc.why); got != tc.want {
			t.Errorf("%v %+v: %q, want %q", tc.w.loc.Tag, tc.why, got, tc.want)
		}
	}
}
