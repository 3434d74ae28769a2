package parse

import (
	"strings"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// Marks that Currency returns for amounts whose symbol does not name one
// currency: the caller tells them apart from the file's language and the
// user's locale.
const (
	// CrownMark is the Nordic crowns: "kr", "kr.", "Kr" and the Swedish
	// "100:-" are Danish, Norwegian, Swedish or Icelandic crowns.
	CrownMark = "kr"
	// WholeMark is an amount written whole with ",-" ("100,-"), a habit of
	// Danish and Norwegian shops (crowns) and of German ones (euros).
	WholeMark = ",-"
)

// Crowns are the currencies written "kr": the Danish, Norwegian, Swedish
// and Icelandic crowns.
var Crowns = []string{"DKK", "NOK", "SEK", "ISK"}

// IsCrown reports whether an ISO code is one of the Crowns.
func IsCrown(code string) bool {
	for _, c := range Crowns {
		if c == code {
			return true
		}
	}
	return false
}

// wholeMarks end an amount written without decimals: "100,-", "100,–"
// (an en dash), "100,--", "100:-" (Swedish) and "10.-" (Swiss).
var wholeMarks = []string{",--", ",-", ",–", ",—", ":-", ":–", ".-", ".–"}

// cutWholeMark removes a whole-amount mark that follows a digit at the end
// of s and returns s without it and the mark ("" when there is none).
func cutWholeMark(s string) (string, string) {
	for _, m := range wholeMarks {
		if strings.HasSuffix(s, m) && len(s) > len(m) && isDigit(s[len(s)-len(m)-1]) {
			return s[:len(s)-len(m)], m
		}
	}
	return s, ""
}

// ISOCurrency returns s as an ISO 4217 code ("eur" is EUR) when it is one,
// by the tables of golang.org/x/text/currency (CLDR).
func ISOCurrency(s string) (string, bool) {
	u, err := currency.ParseISO(strings.TrimSpace(s))
	if err != nil {
		return "", false
	}
	return u.String(), true
}

// LocaleCurrency returns the currency of a locale's region, the currency
// its people most likely pay in, from the CLDR data of
// golang.org/x/text/currency: de-DE is EUR, da-DK DKK, nb-NO, nn-NO and
// no NOK, sv-SE SEK, fil-PH and tl PHP, en-GB GBP, en-US USD, de-CH CHF. A
// tag without a region takes its language's most likely region (da is
// Denmark, en the United States). ok is false for a tag that cannot be
// parsed or whose region has no currency (en-150, Europe).
func LocaleCurrency(tag string) (code string, ok bool) {
	t, err := language.Parse(strings.TrimSpace(tag))
	if err != nil || t == language.Und {
		return "", false
	}
	u, conf := currency.FromTag(t)
	if conf == language.No {
		return "", false
	}
	return u.String(), true
}
