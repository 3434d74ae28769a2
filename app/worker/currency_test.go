package worker

import (
	"bytes"
	"encoding/csv"
	"testing"

	"retention/app/demo"
	"retention/app/report"
)

// TestCurrencyChoice is the page's currency chooser seen from the worker:
// the sample store names no currency, so the browser's language guesses
// it; a stated currency relabels the report without reading the file or
// fitting the models again, and the exports carry it.
func TestCurrencyChoice(t *testing.T) {
	var s Session
	set := report.Settings{Locale: "en-GB"}
	doc, err := s.Load(demo.FileName, demo.CSV(), set, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Currency != "GBP" || doc.CurrencyFrom != report.CurrencyLocale || !doc.CurrencyStated() || doc.CurrencyChoices != nil {
		t.Fatalf("currency %q from %q (stated %v, choices %v), want GBP guessed from the locale", doc.Currency, doc.CurrencyFrom, doc.CurrencyStated(), doc.CurrencyChoices)
	}
	revenue, ds, fit := doc.Revenue, s.res.Dataset, s.fit

	set.Currency = "EUR"
	doc, err = s.Apply(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Currency != "EUR" || doc.CurrencyFrom != report.CurrencyOption || doc.Revenue != revenue {
		t.Errorf("stated EUR: currency %q from %q, revenue %v (was %v)", doc.Currency, doc.CurrencyFrom, doc.Revenue, revenue)
	}
	if s.res.Dataset != ds || s.fit != fit {
		t.Error("a new currency for a file that names none read the file or fitted the models again")
	}
	f, err := s.Export("All", "csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(f.Data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h, r := recs[0], recs[1]; h[13] != "currency" || r[13] != "EUR" {
		t.Errorf("export header %q, first row %q: want the currency EUR in column 14", h, r)
	}
	if _, err := s.Apply(report.Settings{Locale: "en-GB", Currency: "XYZ"}, nil); err == nil {
		t.Error("a currency that is no code: no error")
	}
	// Back to the guess.
	if doc, err = s.Apply(report.Settings{Locale: "en-GB"}, nil); err != nil || doc.Currency != "GBP" || doc.CurrencyFrom != report.CurrencyLocale {
		t.Errorf("back to the guess: %v %q %q", err, doc.Currency, doc.CurrencyFrom)
	}
}

// TestCurrencyCrowns: amounts in kr. of a Danish file are DKK; stating NOK
// reads the file again, and only crowns can be stated.
func TestCurrencyCrowns(t *testing.T) {
	dk := "Ordrenummer;Kundenummer;Dato;Beløb\n1001;K1;03.02.2024;1.234,56 kr.\n1002;K2;13.02.2024;99,95 kr.\n1003;K1;13.03.2024;10,- kr.\n"
	var s Session
	doc, err := s.Load("butik.csv", []byte(dk), report.Settings{Locale: "en-US"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"DKK", "NOK", "SEK", "ISK"}
	if doc.Currency != "DKK" || doc.CurrencyFrom != report.CurrencyLanguage || doc.CurrencyLanguage != "da" || doc.Ingest.CrownOrders != 3 ||
		len(doc.CurrencyChoices) != len(want) || !doc.CurrencyStated() {
		t.Fatalf("currency %q from %q (%q), %d orders in kr, choices %v", doc.Currency, doc.CurrencyFrom, doc.CurrencyLanguage, doc.Ingest.CrownOrders, doc.CurrencyChoices)
	}
	for i, c := range want {
		if doc.CurrencyChoices[i] != c {
			t.Errorf("choices %v, want %v", doc.CurrencyChoices, want)
		}
	}
	// 1,234.56 + 99.95 + 10
	if doc.Revenue != 1344.51 {
		t.Errorf("revenue %v", doc.Revenue)
	}
	res := s.res
	doc, err = s.Apply(report.Settings{Locale: "en-US", Currency: "NOK"}, nil)
	if err != nil || doc.Currency != "NOK" || doc.CurrencyFrom != report.CurrencyOption || s.res == res {
		t.Errorf("stated NOK: %v, %q from %q, read again %v", err, doc.Currency, doc.CurrencyFrom, s.res != res)
	}
	if _, err := s.Apply(report.Settings{Locale: "en-US", Currency: "EUR"}, nil); err == nil {
		t.Error("kr stated as EUR: no error")
	}
}
