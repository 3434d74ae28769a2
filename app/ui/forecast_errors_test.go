package ui

import (
	"strings"
	"testing"

	"retention/app/i18n"
	"retention/app/report"
)

// TestForecastErrorWords: every fit and check code is worded by the page
// in its language, the models named by what they do, the check's control
// by its label, numbers in the locale's way; never the engine's English.
func TestForecastErrorWords(t *testing.T) {
	en := &Workbench{loc: i18n.New("en-US")}
	de := &Workbench{loc: i18n.New("de-DE")}
	bg, gg := report.ModelBGNBD, report.ModelGammaGamma
	for _, tc := range []struct {
		w    *Workbench
		e    report.Error
		want string
	}{
		{en, report.Error{Code: report.FitFewCustomers, Model: bg, N: 3, Need: 50}, "The purchase model (BG/NBD) needs the orders of at least 50 customers; these have 3."},
		{de, report.Error{Code: report.FitFewCustomers, Model: bg, N: 3, Need: 50}, "Das Kaufmodell (BG/NBD) braucht die Bestellungen von mindestens 50 Kunden; hier sind es 3."},
		{en, report.Error{Code: report.FitFewRepeaters, Model: bg, N: 10, Of: 1200, Need: 20}, "The purchase model (BG/NBD) needs at least 20 customers who bought again; 10 of 1,200 did."},
		{de, report.Error{Code: report.FitFewRepeaters, Model: bg, N: 10, Of: 1200, Need: 20}, "Das Kaufmodell (BG/NBD) braucht mindestens 20 Kunden, die wieder gekauft haben; hier sind es 10 von 1.200."},
		{en, report.Error{Code: report.FitFewRepeaters, Model: gg, N: 12, Need: 20}, "The spend model (Gamma-Gamma) needs at least 20 customers who bought again; 12 did."},
		{en, report.Error{Code: report.FitNoTime, Model: bg}, "The purchase model (BG/NBD) could not be fitted to these orders."},
		{en, report.Error{Code: report.FitNotConverged, Model: gg, Value: "IterationLimit"}, "The spend model (Gamma-Gamma) could not be fitted to these orders."},
		{de, report.Error{Code: report.FitNotConverged, Model: bg}, "Das Kaufmodell (BG/NBD) ließ sich nicht an diese Bestellungen anpassen."},
		{en, report.Error{Code: report.FitUnbounded, Model: bg, Field: "r", Value: "NBD", Figure: 2e5}, "The purchase model (BG/NBD) could not be fitted to these orders."},
		{de, report.Error{Code: report.FitSpendCorrelated, Model: gg, Figure: 0.456}, "Das Ausgabenmodell (Gamma-Gamma) bleibt außen vor: Kunden, die öfter kaufen, geben pro Bestellung mehr aus (Korrelation 0,46), was das Modell ausschließt."},
		{en, report.Error{Code: report.FitSpendCorrelated, Model: gg, Figure: -0.31}, "The spend model (Gamma-Gamma) is left out: customers who buy more often spend less per order (correlation -0.31), which the model assumes they do not."},
		{de, report.Error{Code: report.FitHeavyTail, Model: gg, Figure: 0.61}, "Das Ausgabenmodell (Gamma-Gamma) bleibt außen vor: Einige sehr große Bestellungen machen seinen erwarteten Bestellwert unendlich."},
		{en, report.Error{Code: report.FitBadInput, Model: bg, Value: "cannot fit: customer 1 has x=2"}, "The purchase model (BG/NBD) could not be fitted to these orders."},
		{en, report.Error{Code: report.FitBadInput, Model: gg}, "The spend model (Gamma-Gamma) could not be fitted to these orders."},
		{en, report.Error{Code: report.CheckNoOrders}, "There are no orders to test the models on."},
		{en, report.Error{Code: report.CheckTooLate, Field: "validate", Value: "1998-01-01", Bound: "1997-09-30"}, "Test on the orders after (1998-01-01) must be before 1997-09-30, the last day the models learn from."},
		{de, report.Error{Code: report.CheckTooLate, Field: "validate", Value: "1998-01-01", Bound: "1997-09-30"}, "„Test mit den Bestellungen nach“ (1998-01-01) muss vor dem 1997-09-30 liegen, dem letzten Tag, aus dem die Modelle lernen."},
		{de, report.Error{Code: report.CheckShortHistory, N: 95, Need: 112}, "Ihre Bestellungen umfassen 95 Tage; der Test braucht mindestens 112, die Hälfte zum Lernen und die Hälfte zum Vergleichen."},
		{en, report.Error{Code: report.CheckNoHoldout, Value: "2011-06-05"}, "There are no orders after 2011-06-05 to compare with."},
		{en, report.Error{Code: report.BadDate, Field: "validate", Value: "17 May"}, "Test on the orders after must be a date like 2024-01-31, not “17 May”."},
		{en, report.Error{Code: report.NoCustomerBy, Field: "until", Value: "2024-01-01"}, "No customer bought on or before 2024-01-01."},
		{en, report.Error{Code: report.NoOrdersToPredict, Value: "x.csv"}, "x.csv has no orders to predict from."},
	} {
		got := tc.w.forecastError(tc.e)
		if got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.w.loc.Tag, tc.e.Code, got, tc.want)
		}
		if tc.w == de && strings.Contains(got, tc.e.Error()) {
			t.Errorf("%s: the engine's English in %q", tc.e.Code, got)
		}
	}
}
