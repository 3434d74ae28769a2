package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"retention/app/columns"
	"retention/app/report"
)

// words are the command line's words for the engine's notes and column
// reasons: English, naming its flags.
var words = report.Words{Note: noteText, Why: whyText, Dates: datesText, Numbers: numbersText, Scale: scaleText, Error: forecastErrorText}

// noteText words a note.
func noteText(n report.Note) string {
	switch n.Code {
	case report.NoteUTF16:
		return "Decoded from UTF-16 " + n.Value + "."
	case report.NoteWindows1252:
		return "Decoded from Windows-1252 (the file is not UTF-8)."
	case report.NoteTitleLines:
		lines := "lines"
		if n.N == 1 {
			lines = "line"
		}
		return fmt.Sprintf("Skipped %d title %s above the header.", n.N, lines)
	case report.NoteNoHeader:
		return "The file has no header row: its columns were recognised from their values; correct the mapping if one is wrong."
	case report.NoteByNameAddress:
		return "The file has no customer id or e-mail: customers are told apart by name and address, so two customers of the same name at the same address count as one, and one who moved counts twice."
	case report.NoteCreditInvoices:
		return fmt.Sprintf("%d invoices whose number starts with C are read as cancellations.", n.N)
	case report.NoteCurrencies:
		parts := make([]string, len(n.Values))
		for i, c := range n.Values {
			parts[i] = fmt.Sprintf("%s: %d orders", c, n.Counts[i])
		}
		return fmt.Sprintf("The file has orders in %d currencies (%s); the figures are for %s only, the other orders are listed as skipped. Choose another with --currency.", n.N, strings.Join(parts, ", "), n.Value)
	case report.NoteCrowns:
		return fmt.Sprintf("%d orders are in kr, which the column names and the locale do not tell apart (%s); they are counted in %s. State their currency with --currency.", n.N, strings.Join(n.Values, ", "), n.Value)
	case report.NoteCancelled:
		amount := strconv.FormatFloat(n.Amount, 'f', 2, 64)
		if n.Value != "" {
			amount += " " + n.Value
		}
		return fmt.Sprintf("%d orders have a cancelled, refunded or failed status (%s): they are not counted as orders or revenue.", n.N, amount)
	case report.NoteInterests:
		return fmt.Sprintf("Interest lists the %d %s bought by the most customers, of %d.", n.N, n.Value, n.Of)
	case report.NoteLeftOut:
		return fmt.Sprintf("%d customers are left out: every purchase they made by %s was refunded in full the day it was made.", n.N, n.Value)
	case report.NoteNoDropout:
		return "These orders show no sign of customers leaving: the best BG/NBD fit lets nobody drop out (a goes to 0), so it is the NBD model, every P(alive) is 1 and expected purchases follow each customer's purchase rate. A later calibration date or a longer history may show drop-out."
	case report.NoteSurveyNoKey:
		return "The survey has no customer id or e-mail column: its answers cannot be joined to orders."
	}
	return string(n.Code)
}

// whyText words why a column has a role.
func whyText(role string, w report.Why) string {
	switch w.Header {
	case report.SetByUser:
		return "set by you"
	case report.HeaderNamesCustomer:
		return fmt.Sprintf("header %q names the customer and the values are names", w.Column)
	case report.HeaderNames:
		return fmt.Sprintf("header %q names %s; ", w.Column, describe(columns.Role(role))) + valuesText(w)
	case report.HeaderSilent:
		return "the header says nothing, but " + valuesText(w)
	case report.HeaderIs:
		return fmt.Sprintf("the header %q", w.Column)
	}
	return valuesText(w)
}

// valuesText words what a column's values say.
func valuesText(w report.Why) string {
	share := func(kind string) string { return fmt.Sprintf("%.0f%% of sampled values are %s", w.Share*100, kind) }
	switch w.Values {
	case report.ShareDates:
		return share("dates")
	case report.ShareNumbers:
		return share("numbers")
	case report.ShareWhole:
		return share("whole numbers")
	case report.ShareEmails:
		return share("e-mail addresses")
	case report.ShareTypes:
		return share("transaction types")
	case report.ShareText:
		return share("text")
	case report.AreDates:
		return "values are dates"
	case report.AreCurrencies:
		return "values are currency codes"
	case report.NotCurrencies:
		return "values are not currency codes"
	case report.AreTypes:
		return "values are transaction types"
	case report.AreEmails:
		return "values are e-mail addresses"
	case report.AreIdentifiers:
		return "values are identifiers"
	case report.AreScores:
		return "whole numbers from 0 to 10"
	case report.SurveyDates:
		return "its values are dates"
	case report.EmptySample:
		return "the column is empty in the rows sampled"
	}
	return ""
}

// describe names what a role's column holds.
func describe(r columns.Role) string {
	switch r {
	case columns.OrderID:
		return "the order"
	case columns.CustomerID:
		return "the customer"
	case columns.Email:
		return "the e-mail address"
	case columns.Date:
		return "the order date"
	case columns.Total:
		return "the order value"
	case columns.Quantity:
		return "the quantity"
	case columns.UnitPrice:
		return "the unit price"
	case columns.Status:
		return "the order status"
	case columns.Currency:
		return "the currency"
	case columns.Product:
		return "the product"
	case columns.Category:
		return "the category"
	case columns.Country:
		return "the country"
	case columns.Name:
		return "the customer's name"
	case columns.Address:
		return "the customer's address"
	case columns.Type:
		return "the transaction type"
	case columns.Returned:
		return "the quantity returned"
	case columns.Refunded:
		return "the amount refunded"
	case columns.RefundDate:
		return "the refund's date"
	}
	return string(r)
}

// datesText words how a file writes its dates: "yyyy-mm-dd with time".
func datesText(f report.DateFormat) string {
	var s string
	switch {
	case f.Serial:
		return "Excel serial numbers"
	case f.Compact:
		s = "yyyymmdd"
	case f.Order == report.DayFirst:
		s = "day before month (dd.mm.yyyy)"
	case f.Order == report.MonthFirst:
		s = "month before day (mm/dd/yyyy)"
	default:
		s = "yyyy-mm-dd"
	}
	if f.Time {
		s += " with time"
	}
	if f.Ambiguous {
		s += "; assumed, as no day was above 12"
	}
	return s
}

// numbersText words how a file writes its amounts: `decimal ',',
// thousands '.'`.
func numbersText(f report.NumberFormat) string {
	quote := func(s string) string {
		r, _ := utf8.DecodeRuneInString(s)
		return strconv.QuoteRune(r)
	}
	g := "none"
	switch f.Group {
	case "":
	case " ":
		g = "space"
	default:
		g = quote(f.Group)
	}
	return fmt.Sprintf("decimal %s, thousands %s", quote(f.Decimal), g)
}

// scaleText words why a survey's scale was chosen.
func scaleText(w report.ScaleWhy) string {
	switch w.Code {
	case report.ScaleChosen:
		return "set by you"
	case report.ScaleRecommends:
		return fmt.Sprintf("the header %q asks about recommending", w.Column)
	case report.ScaleSatisfaction:
		return fmt.Sprintf("the header %q asks about satisfaction; answers 1 to %d", w.Column, w.Max)
	case report.ScaleAnswers:
		return fmt.Sprintf("answers run from %d to %d", w.Min, w.Max)
	}
	return string(w.Code)
}

// forecastErrorText words why a model gave no numbers, or why the
// forecast's check could not be made: a --check-until that is not a date
// names its flag, as the command's other setting errors do; the rest say
// what the orders lack, as the models and the check have always said it
// (a fit's words are btyd.FitError's, after the model's name).
func forecastErrorText(e report.Error) string {
	switch e.Code {
	case report.BadDate:
		return explainSetting(&e)
	case report.NoOrdersToPredict:
		return fmt.Sprintf("%s has no orders to predict from", e.Value)
	case report.NoCustomerBy:
		return fmt.Sprintf("no customer bought on or before %s", e.Value)
	case report.CheckNoOrders:
		return "there are no orders to check the models on"
	case report.CheckTooLate:
		return fmt.Sprintf("the check's calibration must end before %s, the last day of the orders predicted from", e.Bound)
	case report.CheckShortHistory:
		return fmt.Sprintf("the orders span %d days; checking the models needs at least %d, half to fit and half to compare", e.N, e.Need)
	case report.CheckNoHoldout:
		return fmt.Sprintf("no orders after %s to compare with", e.Value)
	case report.FitBadInput:
		return e.Model + ": " + e.Value
	}
	if s := fitText(e); s != "" {
		return e.Model + ": cannot fit: " + s
	}
	return e.Error()
}

// fitText words why a model cannot be fitted; "" for a code that is no
// fit's.
func fitText(e report.Error) string {
	switch e.Code {
	case report.FitFewCustomers:
		return fmt.Sprintf("%d customers; the model needs at least %d", e.N, e.Need)
	case report.FitFewRepeaters:
		if e.Of > 0 {
			return fmt.Sprintf("only %d of %d customers bought again; the model needs at least %d repeat buyers", e.N, e.Of, e.Need)
		}
		return fmt.Sprintf("only %d customers with repeat purchases; the spend model needs at least %d", e.N, e.Need)
	case report.FitNoTime:
		return "every customer was observed for no time"
	case report.FitNotConverged:
		return fmt.Sprintf("the likelihood did not converge (%s)", e.Value)
	case report.FitUnbounded:
		return fmt.Sprintf("%s parameter %s ran off to %.3g; the data do not pin the model down", e.Value, e.Field, e.Figure)
	case report.FitSpendCorrelated:
		more := "less"
		if e.Figure > 0 {
			more = "more"
		}
		return fmt.Sprintf("customers who buy more often spend %s per order (correlation %.2f); the spend model assumes order value does not depend on frequency, so its order values and CLV would be wrong", more, e.Figure)
	case report.FitHeavyTail:
		return fmt.Sprintf("spend is so heavy-tailed that the model's expected order value is infinite (q = %.3g, must be above 1)", e.Figure)
	}
	return ""
}

// currencyText words a currency stated that does not fit the file, and
// what to give --currency instead; "" for a code that is no currency's.
func currencyText(e *report.Error) string {
	switch e.Code {
	case report.CurrencyNotInFile:
		parts := make([]string, len(e.Values))
		for i, c := range e.Values {
			parts[i] = fmt.Sprintf("%s: %d orders", c, e.Counts[i])
		}
		return fmt.Sprintf("%s has no orders in %s (it has %s). Give one of those with --currency.", e.File, e.Value, strings.Join(parts, ", "))
	case report.CurrencyNotCrowns:
		return fmt.Sprintf("The amounts of %s are in kr, which is %s, not %s. Say which with --currency.", e.File, strings.Join(e.Values, ", "), e.Value)
	case report.CurrencyNotHeader:
		return fmt.Sprintf("The column names of %s say the amounts are in %s, not %s. Leave --currency out, or give --currency %s.", e.File, e.Bound, e.Value, e.Bound)
	case report.BadCurrency:
		return fmt.Sprintf("--currency %q is not a currency code; use an ISO 4217 code such as EUR, DKK or USD.", e.Value)
	}
	return ""
}
