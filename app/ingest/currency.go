package ingest

import (
	"errors"
	"strings"

	"retention/app/columns"
	"retention/app/parse"
	"retention/app/report"
)

// Where the reported currency comes from: Report.CurrencyFrom.
const (
	// CurrencyFromFile: a currency column, or codes and symbols in the
	// amounts (€, £, USD).
	CurrencyFromFile = "file"
	// CurrencyFromLanguage: the amounts say kr, and the language of the
	// column names tells which crowns (Danish DKK, Norwegian NOK, Swedish
	// SEK).
	CurrencyFromLanguage = "language"
	// CurrencyFromLocale: guessed from the user's locale (Options.Locale),
	// for a file that names no currency, or says kr and whose column names
	// do not tell which.
	CurrencyFromLocale = "locale"
	// CurrencyFromOption: stated by the user (Options.Currency) for a file
	// that names no currency, or only kr.
	CurrencyFromOption = "option"
)

// ErrCurrency is returned when Options.Currency names a currency the
// file's orders are not in, or is not a currency code.
var ErrCurrency = errors.New("currency not in the file")

// lineCurrency is the currency one line names: its currency column's
// value, else the symbol or code of its total, else of its unit price. It
// is an ISO code, parse.CrownMark, parse.WholeMark or "" (none named). A
// currency column's value that is neither a code nor a symbol ("Euro") is
// kept in upper case, so that different ones are still told apart.
func lineCurrency(column, total, price string) string {
	if column != "" {
		if code, ok := parse.ISOCurrency(column); ok {
			return code
		}
		if c := parse.Currency(column); c != "" && c != parse.WholeMark {
			return c
		}
		return strings.ToUpper(column)
	}
	if c := parse.Currency(total); c != "" {
		return c
	}
	return parse.Currency(price)
}

// currencyFacts is what a file says about its currency.
type currencyFacts struct {
	named  map[string]*CurrencyCount // orders per currency the file names
	crowns CurrencyCount             // orders whose amounts say kr (Currency "")
	lang   []columns.Lang            // the language of the column names
	header string                    // the one ISO code the column names give, "Price (PHP)"
}

// headerCurrency returns the currency code the column names give in
// brackets ("Grand Total (PHP)", "Betrag [EUR]"), when they give exactly
// one, else "".
func headerCurrency(header []string) string {
	found := ""
	for _, h := range header {
		for _, open := range []string{"(", "["} {
			i := strings.Index(h, open)
			if i < 0 {
				continue
			}
			inner, _, ok := strings.Cut(h[i+1:], map[string]string{"(": ")", "[": "]"}[open])
			inner = strings.TrimSpace(inner)
			if !ok || len(inner) != 3 || strings.ToUpper(inner) != inner {
				continue // "(kg)", "(all)": no code
			}
			code, ok := parse.ISOCurrency(strings.TrimSpace(inner))
			if !ok {
				continue
			}
			if found != "" && found != code {
				return ""
			}
			found = code
		}
	}
	return found
}

// countCurrencies counts the orders per currency the file names and those
// in crowns; a ",-" amount is crowns in a Danish, Norwegian or Swedish
// file and names no currency in another.
func countCurrencies(seq []*agg, lang []columns.Lang, amount func(*agg) float64) currencyFacts {
	f := currencyFacts{named: map[string]*CurrencyCount{}, lang: lang}
	nordic := len(languageCrowns(lang)) > 0
	for _, a := range seq {
		switch {
		case a.currency == parse.WholeMark && nordic:
			a.currency = parse.CrownMark
		case a.currency == parse.WholeMark:
			a.currency = ""
		}
		switch a.currency {
		case "":
		case parse.CrownMark:
			f.crowns.Orders++
			f.crowns.Amount += amount(a)
		default:
			cc := f.named[a.currency]
			if cc == nil {
				cc = &CurrencyCount{Currency: a.currency}
				f.named[a.currency] = cc
			}
			cc.Orders++
			cc.Amount += amount(a)
		}
	}
	return f
}

// languageCrowns returns the crowns of the Nordic languages among lang
// (Danish DKK, Norwegian NOK, Swedish SEK), by the currency of each
// language's country (parse.LocaleCurrency).
func languageCrowns(lang []columns.Lang) []string {
	var out []string
	for _, l := range lang {
		if code, ok := parse.LocaleCurrency(string(l)); ok && parse.IsCrown(code) {
			out = append(out, code)
		}
	}
	return out
}

// currencyChoice is the reported currency and how it was decided.
type currencyChoice struct {
	currency string
	from     string // CurrencyFrom...
	crown    string // the crowns that kr is, "" when unknown
	crownBy  string // how the crowns were told: CurrencyFrom..., "" when not
	lang     columns.Lang
}

// chooseCurrency decides the currency of the report from what the file
// names and the user's options:
//
//   - kr is the crowns the user states (Options.Currency DKK, NOK, SEK or
//     ISK), else those of the column names' language when it is one
//     Nordic language, else those of the locale when they are crowns (and
//     among the languages' when the names are Danish or Norwegian);
//   - when the file names currencies, the report is in Options.Currency
//     if it is one of them, else in the one with the most orders;
//   - when it names none, the report is in Options.Currency (any ISO
//     code), else in the currency of the locale (parse.LocaleCurrency),
//     else in none; a file that says kr and cannot tell which is in none
//     and takes only crowns.
func chooseCurrency(name string, f currencyFacts, opt Options) (currencyChoice, []CurrencyCount, error) {
	want := strings.ToUpper(strings.TrimSpace(opt.Currency))
	var ch currencyChoice
	if f.crowns.Orders > 0 {
		ch.crown, ch.crownBy, ch.lang = tellCrowns(want, f.lang, opt.Locale)
	}
	counts := map[string]*CurrencyCount{}
	for k, v := range f.named {
		c := *v
		counts[k] = &c
	}
	if ch.crown != "" {
		c := counts[ch.crown]
		if c == nil {
			c = &CurrencyCount{Currency: ch.crown}
			counts[ch.crown] = c
		}
		c.Orders += f.crowns.Orders
		c.Amount += f.crowns.Amount
	}
	list := sortedCurrencies(counts)
	switch {
	case len(list) > 0:
		ch.currency, ch.from = list[0].Currency, CurrencyFromFile
		if want != "" {
			if _, ok := counts[want]; !ok {
				e := &report.Error{Code: report.CurrencyNotInFile, Field: "currency", Value: want, File: name}
				for _, c := range list {
					e.Values, e.Counts = append(e.Values, c.Currency), append(e.Counts, c.Orders)
				}
				return ch, list, currencyError{e}
			}
			ch.currency = want
		}
		if ch.currency == ch.crown && f.named[ch.crown] == nil {
			ch.from = ch.crownBy
		}
	case f.crowns.Orders > 0:
		// kr that nothing tells apart: only crowns can be stated.
		if want != "" {
			return ch, list, currencyError{&report.Error{Code: report.CurrencyNotCrowns, Field: "currency", Value: want, File: name, Values: append([]string(nil), parse.Crowns...)}}
		}
	case f.header != "":
		ch.currency, ch.from = f.header, CurrencyFromFile
		if want != "" && want != f.header {
			return ch, list, currencyError{&report.Error{Code: report.CurrencyNotHeader, Field: "currency", Value: want, Bound: f.header, File: name}}
		}
	case want != "":
		code, ok := parse.ISOCurrency(want)
		if !ok {
			return ch, list, currencyError{&report.Error{Code: report.BadCurrency, Field: "currency", Value: opt.Currency, File: name}}
		}
		ch.currency, ch.from = code, CurrencyFromOption
	default:
		if code, ok := parse.LocaleCurrency(opt.Locale); ok {
			ch.currency, ch.from = code, CurrencyFromLocale
		}
	}
	return ch, list, nil
}

// tellCrowns tells which crowns kr is: those the user states, those of the
// column names' language, or those of the locale. It returns "" when none
// of them tells.
func tellCrowns(want string, lang []columns.Lang, locale string) (crown, by string, l columns.Lang) {
	if parse.IsCrown(want) {
		return want, CurrencyFromOption, ""
	}
	byLang := languageCrowns(lang)
	if len(byLang) == 1 {
		for _, x := range lang {
			if c, _ := parse.LocaleCurrency(string(x)); c == byLang[0] {
				l = x
			}
		}
		return byLang[0], CurrencyFromLanguage, l
	}
	if code, ok := parse.LocaleCurrency(locale); ok && parse.IsCrown(code) {
		if len(byLang) == 0 || contains(byLang, code) {
			return code, CurrencyFromLocale, ""
		}
	}
	return "", "", ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// setCurrency decides the report's currency (chooseCurrency) and gives
// the orders in kr the crowns it was told, or none when it was not.
func setCurrency(rep *Report, name string, seq []*agg, header []string, opt Options, amount func(*agg) float64) error {
	f := countCurrencies(seq, columns.Language(header), amount)
	f.header = headerCurrency(header)
	ch, list, err := chooseCurrency(name, f, opt)
	rep.Currencies, rep.CrownOrders = list, f.crowns.Orders
	if err != nil {
		return err
	}
	for _, a := range seq {
		if a.currency == parse.CrownMark {
			a.currency = ch.crown
		}
	}
	rep.Currency, rep.CurrencyFrom, rep.CurrencyLanguage = ch.currency, ch.from, string(ch.lang)
	if len(list) > 0 && f.crowns.Orders > 0 && ch.crown == "" {
		rep.Notes = append(rep.Notes, report.Note{Code: report.NoteCrowns, N: f.crowns.Orders, Values: parse.Crowns, Value: ch.currency})
	}
	return nil
}

// cancelledNote says how many orders were cancelled and their amount, in
// the report's currency.
func cancelledNote(rep *Report) report.Note {
	return report.Note{Code: report.NoteCancelled, N: rep.Cancelled, Amount: rep.CancelledAmount, Value: rep.Currency}
}

// Relabel returns res reported in the currency opt states, or guesses from
// its locale, without reading the file again. That is only right for a
// file that names no currency, not even kr: its orders all count whatever
// the currency, only the label changes. ok is false for another file,
// which must be read again (Load) for the choice to decide which orders
// count.
func Relabel(res *Result, opt Options) (out *Result, ok bool, err error) {
	if len(res.Report.Currencies) > 0 || res.Report.CrownOrders > 0 {
		return nil, false, nil
	}
	ch, _, err := chooseCurrency(res.Report.File, currencyFacts{}, opt)
	if err != nil {
		return nil, true, err
	}
	c := *res
	c.Report.Currency, c.Report.CurrencyFrom, c.Report.CurrencyLanguage = ch.currency, ch.from, ""
	if c.Report.Cancelled > 0 {
		// The note of the cancelled orders names the new currency.
		c.Report.Notes = append([]report.Note(nil), res.Report.Notes...)
		for i, n := range c.Report.Notes {
			if n.Code == report.NoteCancelled {
				c.Report.Notes[i] = cancelledNote(&c.Report)
			}
		}
	}
	return &c, true, nil
}

// currencyError is a currency choice that does not fit the file: the
// report's code, for the edges to word, and the sentinel to test.
type currencyError struct{ e *report.Error }

func (c currencyError) Error() string   { return c.e.Error() }
func (c currencyError) Unwrap() []error { return []error{c.e, ErrCurrency} }
