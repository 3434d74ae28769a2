package report

import (
	"fmt"
	"strings"
)

// Where Document.Currency comes from (Document.CurrencyFrom).
const (
	// CurrencyFile: the file names it, in a currency column or in its
	// amounts (€, £, USD).
	CurrencyFile = "file"
	// CurrencyLanguage: the amounts say kr, and the language of the column
	// names told which crowns (Document.CurrencyLanguage).
	CurrencyLanguage = "language"
	// CurrencyLocale: guessed from the user's locale, because the file
	// names none, or says kr and its column names do not tell which.
	CurrencyLocale = "locale"
	// CurrencyOption: stated by the user for a file that names none, or
	// only kr.
	CurrencyOption = "option"
)

// CurrencyStated tells whether the user may state the currency of the
// report: the file names none of its own (its amounts carry no currency,
// or only kr), so the currency is guessed, stated, told by the column
// names' language, or unknown.
func (d *Document) CurrencyStated() bool {
	return d.CurrencyFrom != CurrencyFile && len(d.Ingest.Currencies) <= 1
}

// languageNames are the languages that tell kr apart, in English.
var languageNames = map[string]string{"da": "Danish", "nb": "Norwegian", "sv": "Swedish"}

// currencyLine says, for the text report, which currency the amounts are
// in and how that was decided.
func currencyLine(d *Document) string {
	switch d.CurrencyFrom {
	case CurrencyFile:
		return fmt.Sprintf("Amounts in %s, as the file says.", d.Currency)
	case CurrencyLanguage:
		lang := languageNames[d.CurrencyLanguage]
		if lang == "" {
			lang = d.CurrencyLanguage
		}
		return fmt.Sprintf("Amounts in %s: the file says kr, and its column names are %s; state another with --currency.", d.Currency, lang)
	case CurrencyLocale:
		if d.Ingest.CrownOrders > 0 {
			return fmt.Sprintf("Amounts in %s: the file says kr, and the locale tells which; state another with --currency.", d.Currency)
		}
		return fmt.Sprintf("Amounts in %s, guessed from the locale: the file names no currency; state it with --currency.", d.Currency)
	case CurrencyOption:
		return fmt.Sprintf("Amounts in %s, as stated with --currency.", d.Currency)
	}
	if len(d.CurrencyChoices) > 0 {
		return fmt.Sprintf("Amounts in kr, which the column names do not tell apart: state %s with --currency.", strings.Join(d.CurrencyChoices, ", "))
	}
	return "The file names no currency: state it with --currency, or give --locale to guess it."
}
