package ui

import (
	"encoding/json"
	"strings"
	"testing"

	"retention/app/engine"
	"retention/app/i18n"
	"retention/app/report"
)

// TestSettingWords: every code a setting error can have is worded by the
// page, with its values and its own control names, never a flag.
func TestSettingWords(t *testing.T) {
	w := &Workbench{loc: i18n.New("en-US")}
	for _, tc := range []struct {
		e    report.Error
		want string
	}{
		{report.Error{Code: report.BadDate, Field: "from", Value: "1 May"}, "From must be a date like 2024-01-31, not “1 May”."},
		{report.Error{Code: report.BadTimeZone, Field: "tz", Value: "Mars/Olympus"}, "“Mars/Olympus” is not a time zone this browser knows: choose another under Time zone."},
		{report.Error{Code: report.BadGrain, Field: "grain", Value: "week"}, "Period must be a month, a quarter or a year, not “week”."},
		{report.Error{Code: report.BadActiveWindow, Field: "active_window", Value: "x"}, "Active window must be one period or a number of days, not “x”."},
		{report.Error{Code: report.UnknownRole, Field: "map", Value: "colour"}, "“colour” is not a column role."},
		{report.Error{Code: report.BeforeEarliest, Field: "from", Value: "1000-01-01", Bound: "1990-01-01"}, "From (1000-01-01) is before 1990-01-01: orders are read from that day on."},
		{report.Error{Code: report.AfterTomorrow, Field: "to", Value: "9999-12-31"}, "To (9999-12-31) is after tomorrow: orders are read up to today."},
		{report.Error{Code: report.EndBeforeStart, Field: "to", Value: "2025-01-01", Bound: "2025-02-01"}, "To (2025-01-01) is before From (2025-02-01)."},
		{report.Error{Code: report.EndBeforeStart, Field: "season_to", Value: "2026-01-01", Bound: "2026-02-01"}, "The season ends (2026-01-01) before it starts (2026-02-01)."},
		{report.Error{Code: report.BadUnit, Field: "predict_unit", Value: "year"}, "Time unit must be weeks or days, not “year”."},
		{report.Error{Code: report.BadHorizon, Field: "horizon", Value: "121", Bound: "120"}, "Months ahead must be 1 to 120, not 121."},
		{report.Error{Code: report.BadDiscount, Field: "discount", Value: "1.5"}, "Future sales count less by (% a month) must be from 0 to below 100, not 150.00."},
		{report.Error{Code: report.NoOrdersToPredict, Value: "x.csv"}, "x.csv has no orders to predict from."},
		{report.Error{Code: report.NoCustomerBy, Field: "until", Value: "2023-12-31"}, "No customer bought on or before 2023-12-31."},
		{report.Error{Code: report.Unreadable, Field: "orders.csv", Value: "NotReadableError: the file changed"}, "The file could not be read: NotReadableError: the file changed"},
		{report.Error{Code: report.CurrencyNotInFile, Field: "currency", Value: "EUR", File: "o.csv", Values: []string{"USD", "GBP"}, Counts: []int{1200, 1}},
			"o.csv has no orders in EUR; its orders are in USD: 1,200 orders, GBP: 1 orders. Choose one of those under Currency."},
		{report.Error{Code: report.CurrencyNotCrowns, Field: "currency", Value: "EUR", File: "o.csv", Values: []string{"DKK", "NOK", "SEK", "ISK"}},
			"The amounts of o.csv say kr, which is one of DKK, NOK, SEK, ISK, not EUR. Choose which crowns under Currency."},
		{report.Error{Code: report.CurrencyNotHeader, Field: "currency", Value: "USD", Bound: "PHP", File: "o.csv"}, "The column names of o.csv say the amounts are in PHP, not USD."},
		{report.Error{Code: report.BadCurrency, Field: "currency", Value: "kr"}, "“kr” is not a currency code. Choose a currency under Currency."},
	} {
		if got := w.settingWords(&tc.e); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.e.Code, got, tc.want)
		}
	}
}

// TestSettingError: the worker's reply for a setting the engine cannot
// use shows the page's words, and the report before stays.
func TestSettingError(t *testing.T) {
	m := shownModel(t)
	doc := m.Doc
	m.Settings.To, m.Settings.From = "2025-01-01", "2025-02-01"
	r := m.request(report.MsgSettings)
	_, err := engine.Run("shop.csv", []byte(shop), m.Settings)
	e, ok := err.(*report.Error)
	if !ok {
		t.Fatalf("engine: %v, want a *report.Error", err)
	}
	msg, _ := json.Marshal(report.Reply{Type: report.MsgError, ID: r.ID, Message: err.Error(), Error: e})
	m.handle(string(msg))
	if m.Doc != doc || m.Setting == nil || m.Setting.Code != report.EndBeforeStart {
		t.Fatalf("same report %v, setting %+v", m.Doc == doc, m.Setting)
	}
	html := renderHTML(t, &Workbench{m: *m})
	for _, want := range []string{`data-code="end_before_start"`, "To (2025-01-01) is before From (2025-02-01)."} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(html, "--to") {
		t.Error("the page names a flag")
	}
}
