// Package parse reads numbers and dates as people write them in shop
// exports, in English, German, Danish, Norwegian, Swedish and Filipino.
// Ambiguous conventions (is "1.234" a thousand or one?) are decided from a
// whole column, never value by value.
package parse

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"retention/app/report"
)

// NumberFormat is how a column writes numbers: its decimal separator and
// its thousands separator (0 when none was seen).
type NumberFormat struct {
	Decimal rune
	Group   rune
}

// English is the format of 1,234.56.
var English = NumberFormat{Decimal: '.', Group: ','}

// Code is the format as the report gives it, for the edges to word
// (report.NumberFormat): a space of any width is " ".
func (f NumberFormat) Code() report.NumberFormat {
	c := report.NumberFormat{Decimal: string(f.Decimal)}
	switch f.Group {
	case 0:
	case ' ', '\u00a0', '\u202f':
		c.Group = " "
	default:
		c.Group = string(f.Group)
	}
	return c
}

// DetectNumberFormat decides the decimal separator of a column from all its
// values:
//   - a value with both '.' and ',' shows which comes last: that one is the
//     decimal separator (1.234,56 or 1,234.56);
//   - a value whose only separator is followed by 1, 2 or 4+ digits at the
//     end uses it as the decimal separator (12,5 or 3.14159);
//   - a value with a separator twice (1.234.567) uses it for thousands;
//   - an apostrophe or space between digits groups thousands;
//   - a currency symbol at either end is not counted ("kr." has no
//     separator).
//
// The votes of all values are counted; with no evidence at all (every
// value is 1,234-like or a plain integer), '.' is the decimal separator.
func DetectNumberFormat(values []string) NumberFormat {
	var dot, comma int // votes for '.' and ',' as the decimal separator
	var space, apos bool
	for _, v := range values {
		if v != "" && !(isDigit(v[0]) && isDigit(v[len(v)-1])) {
			// The dot of "kr." or "Fr." is not a separator.
			v = trimCurrency(strings.TrimSpace(strings.Trim(strings.TrimSpace(v), "()")))
		}
		lastDot, lastComma := -1, -1
		nDot, nComma := 0, 0
		digitsAfter := 0
		for i := 0; i < len(v); i++ {
			switch c := v[i]; {
			case c == '.':
				nDot++
				lastDot = i
				digitsAfter = 0
			case c == ',':
				nComma++
				lastComma = i
				digitsAfter = 0
			case c >= '0' && c <= '9':
				digitsAfter++
			case c == '\'':
				apos = true
			case c == ' ':
				if i > 0 && i+1 < len(v) && isDigit(v[i-1]) && isDigit(v[i+1]) {
					space = true
				}
			case c == 'e' || c == 'E':
				digitsAfter = -100 // exponent: the separator before it is decimal
			}
		}
		switch {
		case nDot > 0 && nComma > 0:
			if lastDot > lastComma {
				dot++
			} else {
				comma++
			}
		case nDot > 1:
			comma++
		case nComma > 1:
			dot++
		case nDot == 1 && (digitsAfter != 3):
			dot++
		case nComma == 1 && (digitsAfter != 3):
			comma++
		}
		if nDot+nComma > 0 && hasColonDash(v) {
			// "1.234:-" (Swedish whole crowns): what precedes :- is whole,
			// so its separators group thousands.
			if nDot > 0 {
				comma++
			} else {
				dot++
			}
		}
	}
	f := NumberFormat{Decimal: '.', Group: ','}
	if comma > dot {
		f = NumberFormat{Decimal: ',', Group: '.'}
	}
	if space {
		f.Group = ' '
	} else if apos {
		f.Group = '\''
	}
	return f
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// hasColonDash reports whether v ends in the Swedish whole-amount mark
// ":-" (or ":–"), before an optional currency symbol.
func hasColonDash(v string) bool {
	_, mark := cutWholeMark(strings.TrimSpace(trimCurrency(strings.TrimSpace(v))))
	return strings.HasPrefix(mark, ":")
}

// ErrNotNumber is wrapped by the errors of Parse.
var ErrNotNumber = errors.New("not a number")

// ErrNotFinite is wrapped by the errors of Parse for a number that is not
// finite, however it is spelled: "NaN", "Infinity", "inf", "∞", or digits
// past float64's range ("1e309"). It wraps ErrNotNumber too.
var ErrNotFinite = fmt.Errorf("%w: not finite", ErrNotNumber)

// notFinite are the spellings of infinity and NaN that strconv and
// spreadsheet programs write (case is ignored).
var notFinite = []string{"nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "-∞", "+∞", "#num!"}

// Parse reads a number written in format f. It accepts a currency symbol
// or code before or after the number ("kr 1.234,50", "€12,50", "12,50 €",
// "USD 12.00"), surrounding spaces, thousands separators (also spaces,
// no-break spaces and apostrophes), a sign before or after ("-12", "12-",
// "−12"), parentheses for negatives ("(12.00)"), an exponent ("1.5E3"), a
// trailing percent sign (kept as written: "12%" is 12) and the marks of a
// whole amount: "100,-" and "kr 100,–" (Danish, Norwegian, German),
// "100:-" (Swedish) and "Fr. 10.-" (Swiss) are 100, 100, 100 and 10.
func (f NumberFormat) Parse(s string) (float64, error) {
	// Fast path: plain ASCII number with '.' decimals or integers.
	if v, ok := fastNumber(s, f); ok {
		return v, nil
	}
	var buf [64]byte
	b := buf[:0]
	neg := false
	digits := 0
	sawDecimal := false
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		neg = true
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	t = trimCurrency(t)
	if w, mark := cutWholeMark(t); mark != "" {
		t = w
	}
	if t == "" {
		return 0, notNumber(s)
	}
	// Sign before or after.
	switch {
	case t[0] == '-' || t[0] == '+':
		neg = neg != (t[0] == '-')
		t = strings.TrimSpace(trimCurrency(t[1:]))
	case strings.HasPrefix(t, "−"): // U+2212 minus sign
		neg = !neg
		t = strings.TrimSpace(trimCurrency(t[len("−"):]))
	}
	switch {
	case strings.HasSuffix(t, "-"):
		neg = !neg
		t = strings.TrimSpace(trimCurrency(t[:len(t)-1]))
	case strings.HasSuffix(t, "−"):
		neg = !neg
		t = strings.TrimSpace(trimCurrency(t[:len(t)-len("−")]))
	}
	t = strings.TrimSuffix(t, "%")
	t = strings.TrimSpace(t)
	for _, nf := range notFinite {
		if strings.EqualFold(t, nf) {
			return 0, notFiniteError(s)
		}
	}
	exp := false
	groups := 0     // group separators seen
	sinceGroup := 0 // digits since the last one
	for i := 0; i < len(t); {
		r, size := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(t[i:])
		}
		switch {
		case r >= '0' && r <= '9':
			b = append(b, byte(r))
			digits++
			sinceGroup++
		case r == f.Decimal && !sawDecimal && !exp:
			if groups > 0 && sinceGroup != 3 {
				return 0, notNumber(s)
			}
			b = append(b, '.')
			sawDecimal = true
		case (r == f.Group || isSpace(r) || r == '\'') && !sawDecimal && !exp && digits > 0:
			// grouping: groups after the first have three digits
			if i+size >= len(t) || !isDigit(t[i+size]) || (groups > 0 && sinceGroup != 3) {
				return 0, notNumber(s)
			}
			groups++
			sinceGroup = 0
		case (r == 'e' || r == 'E') && digits > 0 && !exp:
			b = append(b, 'e')
			exp = true
			if i+1 < len(t) && (t[i+1] == '-' || t[i+1] == '+') {
				b = append(b, t[i+1])
				i++
			}
		default:
			return 0, notNumber(s)
		}
		if len(b) > 60 {
			return 0, notNumber(s)
		}
		i += size
	}
	if digits == 0 || (groups > 0 && !sawDecimal && !exp && sinceGroup != 3) {
		return 0, notNumber(s)
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, notFiniteError(s)
	}
	if err != nil {
		return 0, notNumber(s)
	}
	if neg {
		v = -v
	}
	return v, nil
}

func notFiniteError(s string) error { return &numberError{ErrNotFinite, s} }

func notNumber(s string) error { return &numberError{ErrNotNumber, s} }

// numberError is Parse's error for the value s: "not a number: \"s\""
// (ErrNotNumber, or ErrNotFinite, wrapped), s cut after 40 bytes. Its
// text is made when it is asked for, not when Parse fails: the roles of
// the columns are told by parsing every sampled value, of text columns
// too, and the text is rarely read.
type numberError struct {
	err   error
	value string
}

func (e *numberError) Error() string {
	s := e.value
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return e.err.Error() + ": " + strconv.Quote(s)
}

func (e *numberError) Unwrap() error { return e.err }

func isSpace(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' }

// fastNumber parses the common plain forms ("12", "-3", "2.55") without
// allocation.
func fastNumber(s string, f NumberFormat) (float64, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	i := 0
	neg := false
	if s[0] == '-' {
		neg = true
		i = 1
	}
	var mant int64
	digits, frac := 0, -1
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + int64(c-'0')
			digits++
			if frac >= 0 {
				frac++
			}
		case rune(c) == f.Decimal && frac < 0:
			frac = 0
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 || frac == 0 {
		return 0, false
	}
	v := float64(mant)
	if frac > 0 {
		v /= pow10[frac]
	}
	if neg {
		v = -v
	}
	return v, true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16}

// currencies maps symbols and codes found in values to ISO codes, or to
// CrownMark for the Nordic crowns, which the symbol alone does not tell
// apart.
var currencies = []struct{ sym, code string }{
	{"US$", "USD"}, {"USD", "USD"}, {"EUR", "EUR"}, {"GBP", "GBP"}, {"DKK", "DKK"}, {"NOK", "NOK"},
	{"SEK", "SEK"}, {"PHP", "PHP"}, {"CHF", "CHF"}, {"CAD", "CAD"}, {"AUD", "AUD"}, {"ISK", "ISK"},
	{"€", "EUR"}, {"£", "GBP"}, {"₱", "PHP"}, {"$", "USD"}, {"kr.", CrownMark}, {"Kr.", CrownMark},
	{"KR.", CrownMark}, {"kr", CrownMark}, {"Kr", CrownMark}, {"KR", CrownMark}, {"Fr.", "CHF"},
	{"₣", "CHF"}, {"¥", "JPY"},
}

// currencyEnds tells which bytes begin (first) or end (last) one of the
// currencies' symbols: a value whose first and last bytes are neither has
// none at either end, and trimCurrency returns it without trying each
// (the roles of a file's columns try every sampled value as a number, a
// Shopify export's fifty columns of names, e-mails and addresses too).
var currencyEnds = func() (e struct{ first, last [256]bool }) {
	for _, c := range currencies {
		e.first[c.sym[0]], e.last[c.sym[len(c.sym)-1]] = true, true
	}
	return e
}()

// trimCurrency removes a currency symbol or code at either end of s.
func trimCurrency(s string) string {
	if s == "" || !currencyEnds.first[s[0]] && !currencyEnds.last[s[len(s)-1]] {
		return s
	}
	return trimAnyCurrency(s)
}

// trimAnyCurrency is trimCurrency trying every currency, whatever s's
// first and last bytes.
func trimAnyCurrency(s string) string {
	for _, c := range currencies {
		if strings.HasPrefix(s, c.sym) {
			return strings.TrimSpace(s[len(c.sym):])
		}
		if strings.HasSuffix(s, c.sym) {
			return strings.TrimSpace(s[:len(s)-len(c.sym)])
		}
	}
	return s
}

// Currency returns the currency written in a value: an ISO code for codes
// and unambiguous symbols ("€12" is EUR, "£" GBP, "₱" PHP, "$" is taken as
// USD); CrownMark for the Nordic crowns, which "kr", "kr.", "Kr" and the
// Swedish "100:-" do not tell apart; WholeMark for an amount that names
// no currency but ends in ",-" ("100,-", whole crowns in Denmark and
// Norway, whole euros in Germany); and "" when the value has none.
func Currency(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || (s[0] >= '0' && s[0] <= '9' && s[len(s)-1] >= '0' && s[len(s)-1] <= '9') {
		return ""
	}
	t := strings.Trim(s, "()-+ ")
	for _, c := range currencies {
		if strings.HasPrefix(t, c.sym) || strings.HasSuffix(t, c.sym) {
			return c.code
		}
	}
	_, mark := cutWholeMark(strings.TrimSpace(strings.Trim(s, "()")))
	switch {
	case strings.HasPrefix(mark, ":"):
		return CrownMark
	case strings.HasPrefix(mark, ","):
		return WholeMark
	}
	return ""
}
