package ui

import (
	"strconv"
	"strings"

	"retention/app/report"
)

// settingWords words a setting the engine could not use (report.Error),
// naming the page's own controls; a code this page does not know yet is
// said in the engine's words (the last error's).
func (w *Workbench) settingWords(e *report.Error) string {
	if s := w.settingText(e); s != "" {
		return s
	}
	return w.m.Err
}

// settingText is settingWords' text; "" for a code this page does not know
// yet.
func (w *Workbench) settingText(e *report.Error) string {
	switch e.Code {
	case report.BadDate:
		return w.t("%s must be a date like 2024-01-31, not “%s”.", w.control(e.Field), e.Value)
	case report.BadTimeZone:
		return w.t("“%s” is not a time zone this browser knows: choose another under %s.", e.Value, w.t("Time zone"))
	case report.BadGrain:
		return w.t("%s must be a month, a quarter or a year, not “%s”.", w.t("Period"), e.Value)
	case report.BadActiveWindow:
		return w.t("%s must be one period or a number of days, not “%s”.", w.t("Active window"), e.Value)
	case report.UnknownRole:
		return w.t("“%s” is not a column role.", e.Value)
	case report.BeforeEarliest:
		return w.t("%s (%s) is before %s: orders are read from that day on.", w.control(e.Field), e.Value, e.Bound)
	case report.AfterTomorrow:
		return w.t("%s (%s) is after tomorrow: orders are read up to today.", w.control(e.Field), e.Value)
	case report.EndBeforeStart:
		if e.Field == "season_to" {
			return w.t("The season ends (%s) before it starts (%s).", e.Value, e.Bound)
		}
		return w.t("%s (%s) is before %s (%s).", w.t("To"), e.Value, w.t("From"), e.Bound)
	case report.BadUnit:
		return w.t("%s must be weeks or days, not “%s”.", w.t("Time unit"), e.Value)
	case report.BadHorizon:
		return w.t("%s must be 1 to %s, not %s.", w.t("Months ahead"), e.Bound, e.Value)
	case report.BadDiscount:
		if v, err := strconv.ParseFloat(e.Value, 64); err == nil {
			return w.t("%s must be from 0 to below 100, not %s.", w.t("Future sales count less by (%% a month)"), w.loc.Num(v*100, 2))
		}
	case report.NoOrdersToPredict:
		return w.t("%s has no orders to predict from.", e.Value)
	case report.NoCustomerBy:
		return w.t("No customer bought on or before %s.", e.Value)
	case report.Unreadable:
		return w.unreadable(e.Value)
	case report.CurrencyNotInFile:
		parts := make([]string, len(e.Values))
		for i, c := range e.Values {
			parts[i] = w.t("%s: %s orders", c, w.loc.Int(e.Counts[i]))
		}
		return w.t("%s has no orders in %s; its orders are in %s. Choose one of those under %s.", e.File, e.Value, strings.Join(parts, ", "), w.t("Currency"))
	case report.CurrencyNotCrowns:
		return w.t("The amounts of %s say kr, which is one of %s, not %s. Choose which crowns under %s.", e.File, strings.Join(e.Values, ", "), e.Value, w.t("Currency"))
	case report.CurrencyNotHeader:
		return w.t("The column names of %s say the amounts are in %s, not %s.", e.File, e.Bound, e.Value)
	case report.BadCurrency:
		return w.t("“%s” is not a currency code. Choose a currency under %s.", e.Value, w.t("Currency"))
	}
	return w.fileText(e)
}

// control names the page's control of a setting field (report.Settings'
// JSON names); the reference date and calibration end of the command
// line's predict have none, and are named as what they are.
func (w *Workbench) control(field string) string {
	switch field {
	case "from":
		return w.t("From")
	case "to":
		return w.t("To")
	case "season_from":
		return w.t("Season from")
	case "season_to":
		return w.t("The season's last day")
	case "validate":
		return w.t("Test on the orders after")
	case "as_of":
		return w.t("The reference date")
	}
	return w.t("The calibration end")
}

// settingCode is the code of a setting error, for the page's tests; ""
// for none.
func settingCode(e *report.Error) string {
	if e == nil {
		return ""
	}
	return string(e.Code)
}
