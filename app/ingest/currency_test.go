package ingest

import (
	"errors"
	"reflect"
	"testing"

	"retention/app/parse"
	"retention/app/report"
)

// TestCurrency reads small exports whose amounts name their currency in
// the ways shops write it, or do not name it, and checks the currency
// reported and where it comes from.
func TestCurrency(t *testing.T) {
	tests := []struct {
		Name     string
		CSV      string
		Opt      Options
		Currency string
		From     string
		Lang     string
		Crowns   int          // orders in kr
		Revenue  float64      // sum of the orders
		Note     *report.Note // a note that must be there
		Err      error
		Code     *report.Error // the error's code, with ErrCurrency
	}{{
		Name: "Danish semicolon file with kr. amounts",
		CSV: "Ordrenummer;Kundenummer;Dato;Beløb\n" +
			"1001;K1;03.02.2024;1.234,56 kr.\n" +
			"1002;K2;13.02.2024;99,95 kr.\n",
		Currency: "DKK", From: CurrencyFromLanguage, Lang: "da", Crowns: 2, Revenue: 1334.51,
	}, {
		Name: "Danish kr. whatever the locale says",
		CSV: "Ordrenummer;Kundenummer;Dato;Beløb\n" +
			"1001;K1;03.02.2024;1.234,56 kr.\n",
		Opt:      Options{Locale: "sv-SE"},
		Currency: "DKK", From: CurrencyFromLanguage, Lang: "da", Crowns: 1, Revenue: 1234.56,
	}, {
		Name: "Swedish file with kr",
		CSV: "Ordernummer;Kundnummer;Orderdatum;Belopp\n" +
			"1;A;2024-02-03;1 234,50 kr\n" +
			"2;B;2024-02-04;499 kr\n",
		Currency: "SEK", From: CurrencyFromLanguage, Lang: "sv", Crowns: 2, Revenue: 1733.5,
	}, {
		Name: "Swedish whole crowns written 100:-",
		CSV: "Ordernummer;Kund;Datum;Belopp\n" +
			"1;A;2024-02-03;1 234:-\n" +
			"2;B;2024-02-04;99:-\n",
		Currency: "SEK", From: CurrencyFromLanguage, Lang: "sv", Crowns: 2, Revenue: 1333,
	}, {
		Name: "Norwegian file with kr and ,-",
		CSV: "Ordrenummer;Kundenummer;Kjøpsdato;Beløp\n" +
			"1;A;03.02.2024;kr 1 234,-\n" +
			"2;B;04.02.2024;kr 99,50\n",
		Currency: "NOK", From: CurrencyFromLanguage, Lang: "nb", Crowns: 2, Revenue: 1333.5,
	}, {
		Name: "Danish file with ,- only",
		CSV: "Ordrenummer;Kundenummer;Dato;Beløb\n" +
			"1;A;03.02.2024;1.234,-\n" +
			"2;B;04.02.2024;99,-\n",
		Currency: "DKK", From: CurrencyFromLanguage, Lang: "da", Crowns: 2, Revenue: 1333,
	}, {
		Name: "a currency column that says Kr",
		CSV: "Ordrenummer;Kundenummer;Dato;Beløb;Valuta\n" +
			"1;A;03.02.2024;100,00;Kr\n" +
			"2;B;04.02.2024;50,00;kr.\n",
		Currency: "DKK", From: CurrencyFromLanguage, Lang: "da", Crowns: 2, Revenue: 150,
	}, {
		Name: "German file with ,- names no currency: the locale's",
		CSV: "Bestellnummer;Kundennummer;Bestelldatum;Betrag\n" +
			"1;A;03.02.2024;1.234,-\n" +
			"2;B;04.02.2024;99,-\n",
		Opt:      Options{Locale: "de-DE"},
		Currency: "EUR", From: CurrencyFromLocale, Revenue: 1333,
	}, {
		Name: "Danish or Norwegian names: the locale tells",
		CSV: "Ordrenummer;Kundenummer;Dato;Total\n" +
			"1;A;03.02.2024;kr 100,00\n",
		Opt:      Options{Locale: "nb-NO"},
		Currency: "NOK", From: CurrencyFromLocale, Crowns: 1, Revenue: 100,
	}, {
		Name: "Danish or Norwegian names and a Swedish locale: not told",
		CSV: "Ordrenummer;Kundenummer;Dato;Total\n" +
			"1;A;03.02.2024;kr 100,00\n",
		Opt:    Options{Locale: "sv-SE"},
		Crowns: 1, Revenue: 100,
	}, {
		Name: "English names with kr: the locale tells",
		CSV: "Order ID,Customer ID,Order Date,Total\n" +
			"1,a,2024-01-01,kr 100.00\n",
		Opt:      Options{Locale: "da-DK"},
		Currency: "DKK", From: CurrencyFromLocale, Crowns: 1, Revenue: 100,
	}, {
		Name: "English names with kr and no locale: never KR",
		CSV: "Order ID,Customer ID,Order Date,Total\n" +
			"1,a,2024-01-01,kr 100.00\n",
		Crowns: 1, Revenue: 100,
	}, {
		Name: "kr stated by the user",
		CSV: "Order ID,Customer ID,Order Date,Total\n" +
			"1,a,2024-01-01,kr 100.00\n",
		Opt:      Options{Currency: "sek", Locale: "da-DK"},
		Currency: "SEK", From: CurrencyFromOption, Crowns: 1, Revenue: 100,
	}, {
		Name: "kr are not euros",
		CSV: "Order ID,Customer ID,Order Date,Total\n" +
			"1,a,2024-01-01,kr 100.00\n",
		Opt:  Options{Currency: "EUR"},
		Err:  ErrCurrency,
		Code: &report.Error{Code: report.CurrencyNotCrowns, Field: "currency", Value: "EUR", File: "shop.csv", Values: parse.Crowns},
	}, {
		Name: "no currency, stated by the user",
		CSV: "InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n" +
			"1,a,2024-01-01,2,2.55\n",
		Opt:      Options{Currency: "gbp", Locale: "en-US"},
		Currency: "GBP", From: CurrencyFromOption, Revenue: 5.1,
	}, {
		Name: "no currency, guessed from the locale",
		CSV: "InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n" +
			"1,a,2024-01-01,2,2.55\n",
		Opt:      Options{Locale: "en-GB"},
		Currency: "GBP", From: CurrencyFromLocale, Revenue: 5.1,
	}, {
		Name: "no currency and no locale: none",
		CSV: "InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n" +
			"1,a,2024-01-01,2,2.55\n",
		Revenue: 5.1,
	}, {
		Name: "no currency and a code that is none",
		CSV: "InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n" +
			"1,a,2024-01-01,2,2.55\n",
		Opt:  Options{Currency: "XYZ"},
		Err:  ErrCurrency,
		Code: &report.Error{Code: report.BadCurrency, Field: "currency", Value: "XYZ", File: "shop.csv"},
	}, {
		Name: "a named currency beats the locale",
		CSV: "Order ID,Customer ID,Order Date,Total\n" +
			"1,a,2024-01-01,€ 10.00\n" +
			"2,b,2024-01-02,€ 20.00\n",
		Opt:      Options{Locale: "en-GB"},
		Currency: "EUR", From: CurrencyFromFile, Revenue: 30,
	}, {
		Name: "a currency column and another currency asked for",
		CSV: "Order ID,Customer ID,Order Date,Total,Currency\n" +
			"1,a,2024-01-01,10,eur\n",
		Opt:  Options{Currency: "usd"},
		Err:  ErrCurrency,
		Code: &report.Error{Code: report.CurrencyNotInFile, Field: "currency", Value: "USD", File: "shop.csv", Values: []string{"EUR"}, Counts: []int{1}},
	}, {
		Name: "the column names name the currency, and another is asked for",
		CSV: "Order ID,Customer ID,Order Date,Grand Total (PHP)\n" +
			"1,a,2024-01-01,10\n",
		Opt:  Options{Currency: "USD"},
		Err:  ErrCurrency,
		Code: &report.Error{Code: report.CurrencyNotHeader, Field: "currency", Value: "USD", Bound: "PHP", File: "shop.csv"},
	}, {
		Name: "euros and kr that nothing tells apart: a note",
		CSV: "Order ID,Customer ID,Order Date,Total\n" +
			"1,a,2024-01-01,€ 10.00\n" +
			"2,b,2024-01-02,€ 20.00\n" +
			"3,c,2024-01-03,kr 30.00\n",
		Currency: "EUR", From: CurrencyFromFile, Crowns: 1, Revenue: 60,
		Note: &report.Note{Code: report.NoteCrowns, N: 1, Values: parse.Crowns, Value: "EUR"},
	}}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			res, err := Load("shop.csv", []byte(tc.CSV), tc.Opt)
			if tc.Err != nil {
				if !errors.Is(err, tc.Err) {
					t.Fatalf("err = %v, want %v", err, tc.Err)
				}
				var e *report.Error
				if !errors.As(err, &e) || !reflect.DeepEqual(e, tc.Code) {
					t.Errorf("err = %#v, want %#v", e, tc.Code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			r := res.Report
			if r.Currency != tc.Currency || r.CurrencyFrom != tc.From || r.CurrencyLanguage != tc.Lang || r.CrownOrders != tc.Crowns {
				t.Errorf("currency %q from %q (language %q, %d orders in kr), want %q from %q (%q, %d)",
					r.Currency, r.CurrencyFrom, r.CurrencyLanguage, r.CrownOrders, tc.Currency, tc.From, tc.Lang, tc.Crowns)
			}
			for _, c := range r.Currencies {
				if _, ok := parse.ISOCurrency(c.Currency); !ok {
					t.Errorf("currency %q is not an ISO code", c.Currency)
				}
			}
			var sum float64
			for _, o := range res.Dataset.Orders {
				sum += o.Amount
			}
			if d := sum - tc.Revenue; d > 1e-9 || d < -1e-9 {
				t.Errorf("revenue %v, want %v", sum, tc.Revenue)
			}
			if n, ok := note(r.Notes, report.NoteCrowns); tc.Note != nil && (!ok || !reflect.DeepEqual(n, *tc.Note)) {
				t.Errorf("notes %+v lack %+v", r.Notes, *tc.Note)
			}
		})
	}
}

// TestRelabel states the currency of a file that names none without
// reading it again, and refuses a file that names one.
func TestRelabel(t *testing.T) {
	none := "InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n1,a,2024-01-01,2,2.55\n"
	res, err := Load("shop.csv", []byte(none), Options{Locale: "en-GB"})
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := Relabel(res, Options{Currency: "eur", Locale: "en-GB"})
	if err != nil || !ok || got.Report.Currency != "EUR" || got.Report.CurrencyFrom != CurrencyFromOption || got.Dataset != res.Dataset {
		t.Fatalf("Relabel: %v, %v, %+v", ok, err, got)
	}
	if res.Report.Currency != "GBP" {
		t.Errorf("Relabel changed the result it was given: %q", res.Report.Currency)
	}
	if got, _, _ := Relabel(res, Options{Locale: "de-DE"}); got.Report.Currency != "EUR" || got.Report.CurrencyFrom != CurrencyFromLocale {
		t.Errorf("back to the locale's: %+v", got.Report)
	}
	if _, ok, err := Relabel(res, Options{Currency: "XYZ"}); !ok || !errors.Is(err, ErrCurrency) {
		t.Errorf("a code that is none: %v, %v", ok, err)
	}
	// The note of the cancelled orders names the new currency.
	status := "Order ID,Customer ID,Order Date,Total,Status\n1,a,2024-01-01,10.00,paid\n2,b,2024-01-02,5.50,cancelled\n"
	res, err = Load("shop.csv", []byte(status), Options{Locale: "en-GB"})
	if err != nil {
		t.Fatal(err)
	}
	want := report.Note{Code: report.NoteCancelled, N: 1, Amount: 5.5, Value: "GBP"}
	if n, _ := note(res.Report.Notes, report.NoteCancelled); !reflect.DeepEqual(n, want) {
		t.Errorf("notes %+v, want %+v", res.Report.Notes, want)
	}
	got, _, _ = Relabel(res, Options{Currency: "SEK"})
	if n, _ := note(got.Report.Notes, report.NoteCancelled); n.Value != "SEK" || len(got.Report.Notes) != len(res.Report.Notes) {
		t.Errorf("relabelled notes %+v", got.Report.Notes)
	}
	if n, _ := note(res.Report.Notes, report.NoteCancelled); n.Value != "GBP" {
		t.Error("Relabel changed the notes it was given")
	}
	for _, csv := range []string{
		"Order ID,Customer ID,Order Date,Total\n1,a,2024-01-01,€ 10.00\n",
		"Order ID,Customer ID,Order Date,Total\n1,a,2024-01-01,kr 10.00\n",
	} {
		res, err := Load("shop.csv", []byte(csv), Options{Locale: "da-DK"})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := Relabel(res, Options{Currency: "SEK"}); ok {
			t.Errorf("relabelled a file that names its currency:\n%s", csv)
		}
	}
}

func TestLineCurrency(t *testing.T) {
	tests := []struct{ Column, Total, Price, Want string }{
		{"usd", "", "", "USD"},
		{"Kr", "", "", parse.CrownMark},
		{"€", "", "", "EUR"},
		{"Euro", "", "", "EURO"},
		{"", "1.234,56 kr.", "", parse.CrownMark},
		{"", "12", "£2", "GBP"},
		{"", "100,-", "", parse.WholeMark},
		{"", "12.50", "2.55", ""},
	}
	for _, tc := range tests {
		if got := lineCurrency(tc.Column, tc.Total, tc.Price); got != tc.Want {
			t.Errorf("lineCurrency(%q, %q, %q) = %q, want %q", tc.Column, tc.Total, tc.Price, got, tc.Want)
		}
	}
}

// note returns the first note of code in ns.
func note(ns []report.Note, code report.NoteCode) (report.Note, bool) {
	for _, n := range ns {
		if n.Code == code {
			return n, true
		}
	}
	return report.Note{}, false
}

func hasNote(ns []report.Note, code report.NoteCode) bool {
	_, ok := note(ns, code)
	return ok
}
