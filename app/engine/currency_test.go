package engine

import (
	"bytes"
	"strings"
	"testing"

	"retention/app/ingest"
	"retention/app/report"
)

// TestCurrencyCodes: the page reads the report's codes, the engine sets
// ingest's; they are the same words.
func TestCurrencyCodes(t *testing.T) {
	for in, out := range map[string]string{
		ingest.CurrencyFromFile: report.CurrencyFile, ingest.CurrencyFromLanguage: report.CurrencyLanguage,
		ingest.CurrencyFromLocale: report.CurrencyLocale, ingest.CurrencyFromOption: report.CurrencyOption,
	} {
		if in != out {
			t.Errorf("ingest says %q, report %q", in, out)
		}
	}
}

// TestCurrencyReport runs the engine on exports that name their currency
// in different ways and checks what the report and its text say.
func TestCurrencyReport(t *testing.T) {
	tests := []struct {
		Name     string
		CSV      string
		Opt      report.Settings
		Currency string
		From     string
		Choices  int
		Text     string
	}{{
		Name:     "Danish semicolon file with kr. amounts",
		CSV:      "Ordrenummer;Kundenummer;Dato;Beløb\n1001;K1;03.02.2024;1.234,56 kr.\n1002;K2;13.02.2024;99,95 kr.\n",
		Currency: "DKK", From: report.CurrencyLanguage, Choices: 4,
		Text: "Amounts in DKK: the file says kr, and its column names are Danish",
	}, {
		Name:     "Swedish file with kr",
		CSV:      "Ordernummer;Kundnummer;Orderdatum;Belopp\n1;A;2024-02-03;1 234,50 kr\n2;B;2024-02-04;499 kr\n",
		Currency: "SEK", From: report.CurrencyLanguage, Choices: 4,
		Text: "column names are Swedish",
	}, {
		Name:     "no currency, stated",
		CSV:      shop,
		Opt:      report.Settings{Currency: "CHF"},
		Currency: "CHF", From: report.CurrencyOption,
		Text: "Amounts in CHF, as stated with --currency.",
	}, {
		Name:     "no currency, guessed",
		CSV:      shop,
		Opt:      report.Settings{Locale: "fil-PH"},
		Currency: "PHP", From: report.CurrencyLocale,
		Text: "Amounts in PHP, guessed from the locale",
	}, {
		Name: "no currency and no guess",
		CSV:  shop,
		Text: "The file names no currency",
	}, {
		Name:     "named in the file",
		CSV:      "Order ID,Customer ID,Order Date,Total,Currency\n1,a,2024-01-01,10,EUR\n",
		Opt:      report.Settings{Locale: "en-GB"},
		Currency: "EUR", From: report.CurrencyFile,
		Text: "Amounts in EUR, as the file says.",
	}, {
		Name:    "kr that nothing tells apart",
		CSV:     "Order ID,Customer ID,Order Date,Total\n1,a,2024-01-01,kr 100.00\n",
		Opt:     report.Settings{Locale: "en-US"},
		Choices: 4,
		Text:    "Amounts in kr, which the column names do not tell apart: state DKK, NOK, SEK, ISK with --currency.",
	}}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			d, err := Run("shop.csv", []byte(tc.CSV), tc.Opt)
			if err != nil {
				t.Fatal(err)
			}
			if d.Currency != tc.Currency || d.CurrencyFrom != tc.From || len(d.CurrencyChoices) != tc.Choices {
				t.Errorf("currency %q from %q, choices %v; want %q from %q, %d choices", d.Currency, d.CurrencyFrom, d.CurrencyChoices, tc.Currency, tc.From, tc.Choices)
			}
			var b bytes.Buffer
			if err := report.WriteText(&b, d); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tc.Text) {
				t.Errorf("text report lacks %q:\n%s", tc.Text, b.String()[:min(b.Len(), 600)])
			}
			if tc.Currency != "" && !strings.Contains(b.String(), " "+tc.Currency+"\n") {
				t.Errorf("text report's amounts lack %s", tc.Currency)
			}
		})
	}
}
