package columns

import (
	"reflect"
	"strings"
	"testing"
)

func TestLanguage(t *testing.T) {
	tests := []struct {
		Name   string
		Header string // column names separated by "|"
		Want   []Lang
	}{
		{"UCI Online Retail", "InvoiceNo|StockCode|Description|Quantity|InvoiceDate|UnitPrice|CustomerID|Country", []Lang{LangEnglish}},
		{"Shopify", "Name|Email|Financial Status|Created at|Lineitem quantity|Lineitem name|Lineitem price|Total", []Lang{LangEnglish}},
		{"CDNOW", "customer_id|date|number_of_cds|dollar_value", []Lang{LangEnglish}},
		{"German shop", "Bestellnummer|Kundennummer|Bestelldatum|Betrag|Währung", []Lang{LangGerman}},
		{"Danish shop", "Ordrenummer|Kundenummer|Dato|Beløb", []Lang{LangDanish}},
		{"Danish line items", "Ordre nr.|Kunde|Købsdato|Antal|Stykpris|Varenavn", []Lang{LangDanish}},
		{"Norwegian shop", "Ordrenummer|Kundenummer|Dato|Beløp", []Lang{LangNorwegian}},
		{"Norwegian line items", "Ordre|Kunde|Kjøpsdato|Antall|Stykkpris|E-post", []Lang{LangNorwegian}},
		{"Swedish shop", "Ordernummer|Kundnummer|Orderdatum|Belopp", []Lang{LangSwedish}},
		{"Swedish line items", "Order|Kund|Datum|Antal|Styckpris|Produktnamn|Moms", []Lang{LangSwedish}},
		{"Filipino shop", "Numero ng Order|Kostumer|Petsa|Kabuuang Halaga", []Lang{LangFilipino}},
		{"Danish or Norwegian: the shared words only", "Ordrenummer|Kundenummer|Dato|Total", []Lang{LangDanish, LangNorwegian}},
		{"no known word", "x|y|id|Total", nil},
		{"no header", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			if got := Language(strings.Split(tc.Header, "|")); !reflect.DeepEqual(got, tc.Want) {
				t.Errorf("Language(%q) = %v, want %v", tc.Header, got, tc.Want)
			}
		})
	}
}

func TestHeaderWords(t *testing.T) {
	for h, want := range map[string][]string{
		"InvoiceDate":      {"invoicedate", "invoice", "date"},
		"Beløb (DKK)":      {"belob", "dkk", "belobdkk"},
		"E-Mail":           {"email"},
		"Kjøpsdato":        {"kjopsdato"},
		"Financial Status": {"financial", "status", "financialstatus"},
	} {
		if got := headerWords(h); !reflect.DeepEqual(got, want) {
			t.Errorf("headerWords(%q) = %q, want %q", h, got, want)
		}
	}
}
