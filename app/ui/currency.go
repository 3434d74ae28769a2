package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/report"
)

// commonCurrencies are offered when a file names no currency: those of
// our users' countries (the euro area, Denmark, Norway, Sweden, Iceland,
// the Philippines, the United Kingdom, the United States) and a few more
// that shops sell in.
var commonCurrencies = []string{"EUR", "USD", "GBP", "DKK", "NOK", "SEK", "ISK", "CHF", "PLN", "PHP", "CAD", "AUD", "JPY"}

// currencyChoices are the currencies the page offers for a report whose
// file names none of its own: the crowns when its amounts say kr, else
// the common ones, with the report's own first when it is not among them
// (a locale's guess such as BRL). None when the file names its currency.
func currencyChoices(d *report.Document) []string {
	if !d.CurrencyStated() {
		return nil
	}
	list := commonCurrencies
	if len(d.CurrencyChoices) > 0 {
		list = d.CurrencyChoices
	}
	if d.Currency != "" && !contains(list, d.Currency) {
		list = append([]string{d.Currency}, list...)
	}
	return list
}

// setCurrency states the currency of the amounts ("" or noColumn to go
// back to the guess) and asks again.
func (m *model) setCurrency(code string) report.Request {
	if code == noColumn {
		code = ""
	}
	m.Settings.Currency = code
	return m.request(report.MsgSettings)
}

// currencyField is the currency chooser of a file that names no currency
// of its own, with a line that says where the shown one comes from.
func (w *Workbench) currencyField() app.UI {
	d := w.m.Doc
	cs := currencyChoices(d)
	return app.Label().Class("field currency").Body(
		app.Span().Text(w.t("Currency")),
		app.Select().ID("currency").OnChange(func(ctx app.Context, e app.Event) {
			w.post(w.m.setCurrency(ctx.JSSrc().Get("value").String()), nil)
		}).Body(
			app.If(d.Currency == "", func() app.UI {
				return app.Option().Value(noColumn).Selected(true).Text(w.t("(choose)"))
			}),
			app.Range(cs).Slice(func(i int) app.UI {
				return option(cs[i], w.t("%s – %s", cs[i], w.currencyName(cs[i])), d.Currency)
			}),
		),
		app.Small().ID("currency-note").DataSet("currency-from", d.CurrencyFrom).Text(w.currencyNote(d)),
	)
}

// currencyNote says where the report's currency comes from.
func (w *Workbench) currencyNote(d *report.Document) string {
	switch d.CurrencyFrom {
	case report.CurrencyLocale:
		if d.Ingest.CrownOrders > 0 {
			return w.t("The amounts say kr; your browser's language tells which crowns. Change it if it is wrong.")
		}
		return w.t("Guessed from your browser's language; change it if it is wrong.")
	case report.CurrencyLanguage:
		return w.t("The amounts say kr; the column names are %s. Change it if it is wrong.", w.languageName(d.CurrencyLanguage))
	case report.CurrencyOption:
		return w.t("Chosen by you.")
	}
	if len(d.CurrencyChoices) > 0 {
		return w.t("The amounts say kr: choose which crowns.")
	}
	return w.t("The file names no currency: choose the one its amounts are in.")
}

// languageName is the name of a language that tells kr apart.
func (w *Workbench) languageName(code string) string {
	switch code {
	case "da":
		return w.t("Danish")
	case "nb":
		return w.t("Norwegian")
	case "sv":
		return w.t("Swedish")
	}
	return code
}

// currencyName is a currency's name for people; its code when the
// catalogue has none.
func (w *Workbench) currencyName(code string) string {
	switch code {
	case "EUR":
		return w.t("Euro")
	case "USD":
		return w.t("US dollar")
	case "GBP":
		return w.t("British pound")
	case "DKK":
		return w.t("Danish krone")
	case "NOK":
		return w.t("Norwegian krone")
	case "SEK":
		return w.t("Swedish krona")
	case "ISK":
		return w.t("Icelandic króna")
	case "CHF":
		return w.t("Swiss franc")
	case "PLN":
		return w.t("Polish złoty")
	case "PHP":
		return w.t("Philippine peso")
	case "CAD":
		return w.t("Canadian dollar")
	case "AUD":
		return w.t("Australian dollar")
	case "JPY":
		return w.t("Japanese yen")
	}
	return code
}
