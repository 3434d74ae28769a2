// Package i18n is the workbench's message catalogue and the formatting of
// numbers, money, percentages and dates in the user's locale. Every piece
// of UI text goes through Locale.T; the English messages are the keys, and
// a translation is a map from key to text added to catalogue.
package i18n

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
	"golang.org/x/text/number"
)

// Bokmal is Norwegian Bokmål, what Norwegian browsers ask for as nb-NO or
// no (golang.org/x/text names no variable for it).
var Bokmal = language.MustParse("nb")

// Languages are the workbench's languages in the order the language picker
// shows them, the fallback first: English, German, Danish, Norwegian
// (Bokmål), Swedish and Filipino.
var Languages = []language.Tag{language.English, language.German, language.Danish, Bokmal, language.Swedish, language.Filipino}

// translations hold, per language, the text of each English key of the
// catalogue. Each lives in its own file (de.go, da.go, ...), compiled into
// the native programs and tests; the page's WebAssembly leaves them out
// and loads the user's language from web/i18n-LANG.json (Messages, written
// by the static site from these maps) through RegisterFile, so a page is
// not sent five languages it does not show. A key missing from a translation falls
// back to English, which TestTranslations forbids.
var translations = map[language.Tag]map[string]string{}

var cat = func() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, k := range English {
		if err := b.SetString(language.English, k, k); err != nil {
			panic(err)
		}
	}
	return b
}()

// register adds a language's messages to the catalogue.
func register(lang language.Tag, m map[string]string) {
	translations[lang] = m
	for k, v := range m {
		if err := cat.SetString(lang, k, v); err != nil {
			panic(err)
		}
	}
}

// ErrNotTranslation is returned by Register for messages that are not a
// translation of this catalogue.
var ErrNotTranslation = errors.New("i18n: not a translation of this catalogue")

// Register adds the messages of lang, one of Languages, by English key
// (Translation), to the catalogue: Locales made after it speak
// lang. Messages with keys the catalogue does not have, or without every
// key, are refused, so a page never shows a half-translated mixture.
func Register(lang language.Tag, m map[string]string) error {
	if lang == language.English || !slices.Contains(Languages, lang) {
		return fmt.Errorf("%w: %v is not a language of the workbench", ErrNotTranslation, lang)
	}
	for _, k := range English {
		if _, ok := m[k]; !ok {
			return fmt.Errorf("%w: %v lacks %q", ErrNotTranslation, lang, k)
		}
	}
	if len(m) != len(English) {
		return fmt.Errorf("%w: %v has %d messages, the catalogue %d", ErrNotTranslation, lang, len(m), len(English))
	}
	register(lang, m)
	return nil
}

// Loaded tells whether the catalogue has lang's messages (English always).
func Loaded(lang language.Tag) bool {
	_, ok := translations[lang]
	return ok || lang == language.English
}

// Translation is the messages of lang compiled into this program, by
// English key; nil when this program has none for lang.
func Translation(lang language.Tag) map[string]string { return translations[lang] }

// File is the name, in the site's web/ folder, of lang's messages.
func File(lang language.Tag) string { return "i18n-" + lang.String() + ".json" }

// Locale formats for one user: messages in the best language the catalogue
// has, numbers and dates as the user's locale writes them.
type Locale struct {
	Tag     language.Tag // the user's locale, for numbers
	Lang    language.Tag // the language of the messages, one of Languages
	msg     *message.Printer
	num     *message.Printer
	English bool
	symbols map[string]string // currency code -> its symbol in this locale
}

// New returns the Locale for a BCP 47 tag such as "de-DE" (a browser's
// navigator.language); an unknown tag gives English.
func New(tag string) *Locale {
	return In(Match(tag), tag)
}

// Match is the language of Languages that best serves the first of tags
// (a browser's navigator.languages, most wanted first) the workbench
// speaks; English when it speaks none of them.
func Match(tags ...string) language.Tag {
	var want []language.Tag
	for _, s := range tags {
		if t, err := language.Parse(strings.TrimSpace(s)); err == nil && t != language.Und {
			want = append(want, t)
		}
	}
	if len(want) == 0 {
		return language.English
	}
	_, i, c := language.NewMatcher(Languages).Match(want...)
	if c == language.No {
		return language.English
	}
	return Languages[i]
}

// In returns the Locale whose messages are in lang (one of Languages) and
// whose numbers are written as locale writes them when locale is a variant
// of lang (de-AT for German) or lang is English (a French browser reads
// English words and French numbers), else as lang's own default region
// does: a browser set to en-US whose user chose Deutsch reads 1.234,50.
func In(lang language.Tag, locale string) *Locale {
	t, err := language.Parse(strings.TrimSpace(locale))
	if err != nil || t == language.Und {
		t = language.AmericanEnglish
	}
	if b, _ := t.Base(); b != base(lang) && lang != language.English {
		t = lang
	}
	return &Locale{
		Tag:     t,
		Lang:    lang,
		msg:     message.NewPrinter(lang, message.Catalog(cat)),
		num:     message.NewPrinter(t),
		English: lang == language.English,
	}
}

func base(t language.Tag) language.Base {
	b, _ := t.Base()
	return b
}

// Name is a language's name in itself, as the language picker shows it.
func Name(lang language.Tag) string {
	switch lang {
	case language.German:
		return "Deutsch"
	case language.Danish:
		return "Dansk"
	case Bokmal:
		return "Norsk bokmål"
	case language.Swedish:
		return "Svenska"
	case language.Filipino:
		return "Filipino"
	}
	return "English"
}

// T translates a message; args fill its verbs (%d, %s, ...), numbers in
// the user's locale.
func (l *Locale) T(key string, args ...any) string {
	if len(args) == 0 {
		return l.msg.Sprintf(key)
	}
	// Numbers in the user's locale, words in the catalogue's language.
	for i, a := range args {
		switch v := a.(type) {
		case int:
			args[i] = l.Int(v)
		case float64:
			args[i] = l.Num(v, 2)
		}
	}
	return l.msg.Sprintf(key, args...)
}

// Int writes a whole number with the locale's grouping: 1,234 or 1.234.
func (l *Locale) Int(n int) string { return l.num.Sprintf("%d", n) }

// Num writes a number with the given decimals.
func (l *Locale) Num(v float64, decimals int) string {
	return l.num.Sprint(number.Decimal(v, number.MinFractionDigits(decimals), number.MaxFractionDigits(decimals)))
}

// Percent writes a share (0.423) as a percentage with one decimal (42.3%).
func (l *Locale) Percent(v float64) string {
	return l.num.Sprint(number.Percent(v, number.MinFractionDigits(1), number.MaxFractionDigits(1)))
}

// Points writes a difference of shares (0.05) in percentage points (+5.0).
func (l *Locale) Points(v float64) string {
	s := l.Num(v*100, 1)
	if v > 0 {
		s = "+" + s
	}
	return s
}

// Money writes an amount with two decimals and the currency's symbol where
// the locale puts it (CLDR's standard currency pattern): after the number
// in German, the Nordic languages and most of continental Europe
// (1.234,50 €, 1 234,50 kr), before it in English and Filipino (£1,234.50,
// ₱1,234.50), and before it with a space in Austria, Switzerland and the
// Netherlands (€ 1.234,50). The symbol is kept to the number by a no-break
// space, except that a sign before the digits takes none (£1,234.50; but
// DKK 1,234.50). Without a known ISO code, just the number.
func (l *Locale) Money(v float64, code string) string {
	u, err := currency.ParseISO(strings.TrimSpace(code))
	if err != nil {
		return l.Num(v, 2)
	}
	// x/text writes "symbol number"; the number is ours, in the locale.
	sym, ok := l.symbols[code]
	if !ok {
		sym, _, _ = strings.Cut(l.num.Sprint(currency.Symbol(u.Amount(1))), " ")
		if l.symbols == nil {
			l.symbols = map[string]string{}
		}
		l.symbols[code] = sym // a table of amounts asks for it once
	}
	num := l.Num(round2(v), 2)
	place := symbolPlace(l.Tag)
	if place == after {
		return num + "\u00a0" + sym
	}
	sign := ""
	for _, minus := range []string{"-", "−"} { // a sign goes before the symbol: -£3.50
		if strings.HasPrefix(num, minus) {
			sign, num = minus, num[len(minus):]
		}
	}
	if r, _ := utf8.DecodeRuneInString(sym); place == beforeTight && !unicode.IsLetter(r) {
		return sign + sym + num
	}
	return sign + sym + "\u00a0" + num
}

// Where a locale's standard currency pattern puts the symbol.
const (
	beforeSpaced = iota // ¤ #,##0.00
	beforeTight         // ¤#,##0.00
	after               // #,##0.00 ¤
)

// symbolPlace is where CLDR's standard currency pattern (cldr/common/main,
// numbers/currencyFormats) of a locale puts the symbol.
func symbolPlace(t language.Tag) int {
	b, _ := t.Base()
	r, _ := t.Region()
	switch b.String() {
	case "de":
		if r.String() == "AT" || r.String() == "CH" || r.String() == "LI" {
			return beforeSpaced
		}
		return after
	case "pt":
		if r.String() == "PT" {
			return after
		}
		return beforeSpaced
	case "nl":
		return beforeSpaced
	case "da", "nb", "nn", "no", "sv", "fi", "is", "fr", "es", "it", "pl", "cs", "sk", "hu", "ro", "bg", "hr", "sl", "lt", "lv", "et", "el", "ru", "uk":
		return after
	}
	return beforeTight
}

func round2(v float64) float64 {
	if v < 0 {
		return -round2(-v)
	}
	return float64(int64(v*100+0.5)) / 100
}

// Date writes a day given as 2024-05-03 (the report's form) as the user's
// locale writes a date in a table, with the year in full: CLDR's numeric
// date patterns (gregorian dateFormats short and availableFormats yMd),
// chosen so that a column of dates lines up:
//
//	en (US), fil                M/d/y     5/3/2024
//	en-GB, -AU, -NZ, -IE, -IN   dd/MM/y   03/05/2024
//	en-CA, sv                   y-MM-dd   2024-05-03
//	de, da, nb (no, nn)         dd.MM.y   03.05.2024
//
// Another locale, or a text that is not such a day, is given back as it
// is (ISO 8601, which every reader can place).
func (l *Locale) Date(day string) string {
	if len(day) != len("2006-01-02") || day[4] != '-' || day[7] != '-' {
		return day
	}
	y, m, d := day[:4], day[5:7], day[8:]
	for _, s := range []string{y, m, d} {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return day
			}
		}
	}
	switch datePattern(l.Tag) {
	case "M/d/y":
		return strings.TrimPrefix(m, "0") + "/" + strings.TrimPrefix(d, "0") + "/" + y
	case "dd/MM/y":
		return d + "/" + m + "/" + y
	case "dd.MM.y":
		return d + "." + m + "." + y
	}
	return day
}

// datePattern is the numeric date pattern of a locale (see Date); "" for
// ISO 8601.
func datePattern(t language.Tag) string {
	b, _ := t.Base()
	r, _ := t.Region()
	switch b.String() {
	case "en":
		switch r.String() {
		case "GB", "AU", "NZ", "IE", "IN":
			return "dd/MM/y"
		case "CA":
			return ""
		}
		return "M/d/y"
	case "fil":
		return "M/d/y"
	case "de", "da", "nb", "no", "nn":
		return "dd.MM.y"
	}
	return "" // sv, and what this table does not know
}
