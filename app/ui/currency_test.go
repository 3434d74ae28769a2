package ui

import (
	"regexp"
	"strings"
	"testing"

	"retention/app/engine"
	"retention/app/i18n"
	"retention/app/report"
)

// renderDoc renders the overview of a report for a browser in locale.
func renderDoc(t *testing.T, d *report.Document, locale string) string {
	t.Helper()
	w := &Workbench{tab: TabOverview}
	w.OnInit()
	w.loc = i18n.New(locale)
	w.m.handle(reportMsg(t, 0, d))
	return renderHTML(t, w)
}

func run(t *testing.T, csv string, o report.Settings) *report.Document {
	t.Helper()
	d, err := engine.Run("shop.csv", []byte(csv), o)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// selected returns the value of the selected option of the select id
// (go-app writes an option's attributes in any order).
func selected(html, id string) string {
	sel := regexp.MustCompile(`(?s)<select[^>]*id="` + id + `".*?</select>`).FindString(html)
	for _, tag := range regexp.MustCompile(`<option[^>]*>`).FindAllString(sel, -1) {
		if regexp.MustCompile(`\sselected(="true")?[\s>]`).MatchString(tag) {
			if m := regexp.MustCompile(`value="([^"]*)"`).FindStringSubmatch(tag); m != nil {
				return m[1]
			}
		}
	}
	return ""
}

// TestCurrencyChooser: a file that names no currency shows the one the
// browser's language guesses, says so, and offers the others; the money
// cards carry the currency; a stated one is sent to the worker.
func TestCurrencyChooser(t *testing.T) {
	d := run(t, shop, report.Settings{Locale: "en-GB"})
	html := renderDoc(t, d, "en-GB")
	if got := selected(html, "currency"); got != "GBP" {
		t.Errorf("chooser shows %q, want GBP", got)
	}
	for _, want := range []string{`data-currency-from="locale"`, "Guessed from your browser", "British pound", `value="EUR"`, `data-currency="GBP"`, "£"} {
		if !strings.Contains(html, want) {
			t.Errorf("overview lacks %s", want)
		}
	}
	for _, k := range kpis(d, i18n.New("en-GB")) {
		money := k.Name == "revenue" || k.Name == "aov" || k.Name == "clv"
		if money != (k.Currency == "GBP") {
			t.Errorf("card %s: currency %q", k.Name, k.Currency)
		}
		if money && !strings.Contains(k.Text, "£") {
			t.Errorf("card %s: %q without £", k.Name, k.Text)
		}
	}

	// The user states EUR: the worker is asked with it, and the report it
	// sends back says it was chosen.
	var m model
	m.Settings.Locale = "en-GB"
	r := m.setCurrency("EUR")
	if r.Type != report.MsgSettings || r.Settings.Currency != "EUR" || r.Settings.Locale != "en-GB" {
		t.Errorf("setCurrency: %+v", r)
	}
	if r = m.setCurrency(noColumn); r.Settings.Currency != "" {
		t.Errorf("back to the guess: %+v", r.Settings)
	}
	d = run(t, shop, report.Settings{Locale: "en-GB", Currency: "EUR"})
	html = renderDoc(t, d, "en-GB")
	if got := selected(html, "currency"); got != "EUR" || !strings.Contains(html, "Chosen by you.") || !strings.Contains(html, `data-currency="EUR"`) || !strings.Contains(html, "€") {
		t.Errorf("stated EUR: chooser %q\n%s", got, html)
	}

	// In Germany the guess is the euro.
	d = run(t, shop, report.Settings{Locale: "de-DE"})
	if html = renderDoc(t, d, "de-DE"); selected(html, "currency") != "EUR" {
		t.Errorf("de-DE: chooser %q, want EUR", selected(html, "currency"))
	}

	// No locale, no guess: the chooser asks.
	d = run(t, shop, report.Settings{})
	html = renderDoc(t, d, "en-US")
	if got := selected(html, "currency"); got != noColumn || !strings.Contains(html, "The file names no currency") {
		t.Errorf("no guess: chooser %q", got)
	}
}

// TestCurrencyChooserCrowns: amounts in kr. of a Danish file offer only the
// crowns, and say the column names told which.
func TestCurrencyChooserCrowns(t *testing.T) {
	d := run(t, "Ordrenummer;Kundenummer;Dato;Beløb\n1001;K1;03.02.2024;1.234,56 kr.\n1002;K2;13.02.2024;99,95 kr.\n", report.Settings{Locale: "en-US"})
	if got := currencyChoices(d); strings.Join(got, " ") != "DKK NOK SEK ISK" {
		t.Errorf("choices %v", got)
	}
	html := renderDoc(t, d, "en-US")
	if selected(html, "currency") != "DKK" || !strings.Contains(html, "the column names are Danish") || strings.Contains(html, `value="EUR"`) {
		t.Errorf("Danish kr.: chooser %q", selected(html, "currency"))
	}
	if strings.Contains(html, "KR") {
		t.Error("the page shows KR")
	}
}

// TestCurrencyNamedInFile: a file that names its currency has no chooser
// (one currency) or the file's (several).
func TestCurrencyNamedInFile(t *testing.T) {
	d := run(t, "Order ID,Customer ID,Order Date,Total,Currency\n1,a,2024-01-01,10,EUR\n2,b,2024-01-02,20,EUR\n", report.Settings{Locale: "en-GB"})
	if html := renderDoc(t, d, "en-GB"); strings.Contains(html, `id="currency"`) || !strings.Contains(html, `data-currency="EUR"`) {
		t.Error("a file in EUR: a chooser, or cards without EUR")
	}
	d = run(t, "Order ID,Customer ID,Order Date,Total,Currency\n1,a,2024-01-01,10,EUR\n2,b,2024-01-02,20,EUR\n3,c,2024-01-03,30,DKK\n", report.Settings{})
	html := renderDoc(t, d, "en-GB")
	if selected(html, "currency") != "EUR" || strings.Contains(html, "currency-note") {
		t.Errorf("a file in EUR and DKK: chooser %q", selected(html, "currency"))
	}
	if currencyChoices(d) != nil {
		t.Error("choices for a file that names its currencies")
	}
}

func TestCurrencyChoices(t *testing.T) {
	d := &report.Document{Currency: "BRL", CurrencyFrom: report.CurrencyLocale}
	if got := currencyChoices(d); got[0] != "BRL" || len(got) != len(commonCurrencies)+1 {
		t.Errorf("a guess outside the list: %v", got)
	}
	d.Currency = "SEK"
	if got := currencyChoices(d); len(got) != len(commonCurrencies) {
		t.Errorf("a guess in the list: %v", got)
	}
}
