package i18n

import (
	"encoding/json"
	"errors"
	"hash/fnv"
	"maps"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestMoney: an amount carries its currency's symbol, kept to the number,
// in the locale's way of writing numbers; without a currency, the number.
func TestMoney(t *testing.T) {
	tests := []struct {
		Locale, Code string
		V            float64
		Want         string
	}{
		{"en-GB", "GBP", 524284.9, "£524,284.90"},
		{"de-DE", "EUR", 1234.5, "1.234,50\u00a0€"},
		{"de-AT", "EUR", 1234.5, "€\u00a01\u00a0234,50"},
		{"en-US", "DKK", 12, "DKK\u00a012.00"},
		{"da-DK", "DKK", 1234.56, "1.234,56\u00a0kr."},
		{"nb-NO", "NOK", -12, "−12,00\u00a0kr"},
		{"sv-SE", "SEK", 1234.5, "1\u00a0234,50\u00a0kr"},
		{"fil-PH", "PHP", 1234.5, "₱1,234.50"},
		{"en-GB", "GBP", -3.5, "-£3.50"},
		{"en-GB", "", 1234.5, "1,234.50"},
		{"en-GB", "KR", 1234.5, "1,234.50"},
	}
	for _, tc := range tests {
		if got := New(tc.Locale).Money(tc.V, tc.Code); got != tc.Want {
			t.Errorf("Money(%v, %q) in %s = %q, want %q", tc.V, tc.Code, tc.Locale, got, tc.Want)
		}
	}
}

// verbs lists a format's verbs as fmt reads them, each with the argument
// it takes ("1s", "2d", ...), and the number of %% in it: a translation
// may reorder its arguments with %[n]s but must take the same ones.
func verbs(format string) (args map[string]int, percents int) {
	args = map[string]int{}
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			percents++
			continue
		}
		if i+1 < len(format) && format[i] == '[' {
			j := strings.IndexByte(format[i:], ']')
			if j > 0 {
				if n, err := strconv.Atoi(format[i+1 : i+j]); err == nil {
					arg = n
				}
				i += j + 1
			}
		}
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i < len(format) {
			args[strconv.Itoa(arg)+string(format[i])]++
			arg++
		}
	}
	return args, percents
}

// TestTranslations: every language has every message of the catalogue, in
// its own words (no key left out, so no silent English), taking the same
// arguments, and no message the catalogue does not have.
func TestTranslations(t *testing.T) {
	if len(Languages) != 1+len(translations) {
		t.Errorf("Languages = %v, but %d translations", Languages, len(translations))
	}
	for tag, m := range translations {
		for _, k := range English {
			v, ok := m[k]
			if !ok || strings.TrimSpace(v) == "" {
				t.Errorf("%s: no translation of %q", tag, k)
				continue
			}
			ka, kp := verbs(k)
			va, vp := verbs(v)
			if !reflect.DeepEqual(ka, va) || kp != vp {
				t.Errorf("%s: %q takes %v and %d %%%%, its translation %q takes %v and %d", tag, k, ka, kp, v, va, vp)
			}
		}
		known := map[string]bool{}
		for _, k := range English {
			known[k] = true
		}
		for k := range m {
			if !known[k] {
				t.Errorf("%s: %q is translated but not in the catalogue", tag, k)
			}
		}
	}
}

// TestVerbs: the verb reader the translations test relies on.
func TestVerbs(t *testing.T) {
	a, p := verbs("%s of %d, 100%%")
	b, q := verbs("%[2]d von %[1]s, 100 %%")
	if !reflect.DeepEqual(a, b) || p != 1 || q != 1 {
		t.Errorf("verbs: %v %d vs %v %d", a, p, b, q)
	}
	c, _ := verbs("%s %s")
	if reflect.DeepEqual(a, c) {
		t.Errorf("verbs: %v equals %v", a, c)
	}
}

// TestGlossary: each language names every term of the glossary, and each
// message that uses a term in English uses the language's word for it.
func TestGlossary(t *testing.T) {
	for tag, m := range translations {
		for _, term := range Glossary {
			word := strings.ToLower(term.Words[tag])
			if word == "" {
				t.Errorf("%s: the glossary has no word for %q", tag, term.English)
				continue
			}
			for _, k := range English {
				if !strings.Contains(strings.ToLower(k), term.English) {
					continue
				}
				if v := m[k]; v != "" && !strings.Contains(strings.ToLower(v), word) {
					t.Errorf("%s: %q says %q, but its translation %q does not say %q", tag, k, term.English, v, word)
				}
			}
		}
	}
}

// TestMatch: the tags browsers send pick the language a shop there reads,
// once it is translated; anything else is English.
func TestMatch(t *testing.T) {
	sent := map[language.Tag][]string{
		language.German:   {"de", "de-DE", "de-AT", "de-CH"},
		language.Danish:   {"da", "da-DK"},
		Bokmal:            {"nb", "nb-NO", "no", "no-NO", "nn-NO"},
		language.Swedish:  {"sv", "sv-SE", "sv-FI"},
		language.Filipino: {"fil", "fil-PH", "tl", "tl-PH"},
		language.English:  {"en-US", "en-GB", "fr-FR", "", "x-bogus"},
	}
	for want, tags := range sent {
		if _, ok := translations[want]; !ok && want != language.English {
			continue
		}
		for _, tag := range tags {
			if got := New(tag).Lang; got != want {
				t.Errorf("New(%q).Lang = %v, want %v", tag, got, want)
			}
		}
	}
}

// TestIn: messages in the chosen language, numbers in the browser's way
// when it is a variant of that language, else in the language's own.
func TestIn(t *testing.T) {
	tests := []struct {
		Lang   language.Tag
		Locale string
		Want   string
	}{
		{language.German, "de-AT", "1 234,50"}, // Austria groups by (no-break) space
		{language.German, "en-US", "1.234,50"},
		{language.English, "en-GB", "1,234.50"},
		{language.English, "de-DE", "1.234,50"}, // English words, German numbers
		{language.English, "fr-FR", "1 234,50"},
	}
	for _, tc := range tests {
		if _, ok := translations[tc.Lang]; !ok && tc.Lang != language.English {
			continue
		}
		l := In(tc.Lang, tc.Locale)
		got := strings.ReplaceAll(l.Num(1234.5, 2), "\u00a0", " ")
		if got != tc.Want || l.Lang != tc.Lang {
			t.Errorf("In(%v, %q): %q in %v, want %q", tc.Lang, tc.Locale, got, l.Lang, tc.Want)
		}
	}
	if got := Match("fr-FR", "sv-SE", "de-DE"); got != language.Swedish && translations[language.Swedish] != nil {
		t.Errorf("Match(fr, sv, de) = %v, want Swedish (the first the workbench speaks)", got)
	}
	if got := Match(); got != language.English {
		t.Errorf("Match() = %v", got)
	}
	for _, lang := range Languages {
		if Name(lang) == "English" && lang != language.English {
			t.Errorf("%v has no name of its own", lang)
		}
	}
}

// TestRegister: a language's file, as the static site writes it, registers
// again unchanged; a file lacking a message, with one more, or of a language
// the workbench does not speak is refused.
func TestRegister(t *testing.T) {
	for _, lang := range Languages[1:] {
		m := Translation(lang)
		if m == nil {
			t.Fatalf("no %v compiled in", lang)
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var back map[string]string
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if err := Register(lang, back); err != nil {
			t.Errorf("%v: %v", lang, err)
		}
		short := maps.Clone(back)
		delete(short, English[0])
		if err := Register(lang, short); !errors.Is(err, ErrNotTranslation) {
			t.Errorf("%v without %q: %v", lang, English[0], err)
		}
		long := maps.Clone(back)
		long["not a key"] = "x"
		if err := Register(lang, long); !errors.Is(err, ErrNotTranslation) {
			t.Errorf("%v with an unknown key: %v", lang, err)
		}
	}
	if err := Register(language.French, map[string]string{}); !errors.Is(err, ErrNotTranslation) {
		t.Errorf("French: %v", err)
	}
	if File(Bokmal) != "i18n-nb.json" || !Loaded(language.English) {
		t.Errorf("File(nb) = %q", File(Bokmal))
	}
}

// TestRegisterFile: a language's file as the static site writes it
// (Messages: the texts in the catalogue's order) registers, giving each
// key its text; a file of another version of the catalogue, one text
// short, or not a file at all is refused.
func TestRegisterFile(t *testing.T) {
	for _, lang := range Languages[1:] {
		f, ok := MessagesOf(lang)
		if !ok {
			t.Fatalf("no %v compiled in", lang)
		}
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := RegisterFile(lang, b); err != nil {
			t.Errorf("%v: %v", lang, err)
		}
		if got, want := In(lang, lang.String()).T(English[1]), Translation(lang)[English[1]]; got != want {
			t.Errorf("%v: %q reads %q, want %q", lang, English[1], got, want)
		}
		old := f
		old.Catalogue = "0"
		short := Messages{Catalogue: f.Catalogue, Texts: f.Texts[1:]}
		for name, bad := range map[string]Messages{"another catalogue": old, "a text short": short} {
			b, _ := json.Marshal(bad)
			if err := RegisterFile(lang, b); !errors.Is(err, ErrNotTranslation) {
				t.Errorf("%v, %s: %v", lang, name, err)
			}
		}
		if err := RegisterFile(lang, []byte(`{"Save as PNG": "x"}`)); !errors.Is(err, ErrNotTranslation) {
			t.Errorf("%v, a map: %v", lang, err)
		}
	}
	h := fnv.New64a()
	for _, k := range English {
		h.Write(append([]byte(k), 0))
	}
	if want := strconv.FormatUint(h.Sum64(), 16); Fingerprint() != want {
		t.Errorf("fingerprint %q, want FNV-1a's %q", Fingerprint(), want)
	}
}

// TestDate: a day in each locale's numeric pattern (CLDR), ISO for
// the others and for what is not a day.
func TestDate(t *testing.T) {
	for _, tc := range []struct{ tag, day, want string }{
		{"en-US", "2024-05-03", "5/3/2024"},
		{"en", "2024-12-31", "12/31/2024"},
		{"en-GB", "2024-05-03", "03/05/2024"},
		{"en-CA", "2024-05-03", "2024-05-03"},
		{"fil-PH", "2024-05-03", "5/3/2024"},
		{"de-DE", "2024-05-03", "03.05.2024"},
		{"de-AT", "2024-05-03", "03.05.2024"},
		{"da-DK", "2024-05-03", "03.05.2024"},
		{"nb-NO", "2024-05-03", "03.05.2024"},
		{"sv-SE", "2024-05-03", "2024-05-03"},
		{"ja-JP", "2024-05-03", "2024-05-03"},
		{"de-DE", "", ""},
		{"de-DE", "2024-05", "2024-05"},
		{"de-DE", "2024-0x-03", "2024-0x-03"},
	} {
		if got := New(tc.tag).Date(tc.day); got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.tag, tc.day, got, tc.want)
		}
	}
}

// TestPeriod: a month and a quarter in each language's names (CLDR),
// English names on an English page whatever the numbers' locale; a year
// and what is no period as they are.
func TestPeriod(t *testing.T) {
	for _, tc := range []struct {
		lang      language.Tag
		locale    string
		key, want string
	}{
		{language.English, "en-US", "2011-01", "Jan 2011"},
		{language.English, "en-US", "2011-Q3", "Q3 2011"},
		{language.English, "en-GB", "2011-09", "Sept 2011"},
		{language.English, "en-AU", "2011-06", "June 2011"},
		{language.English, "de-DE", "2011-03", "Mar 2011"},
		{language.German, "de-DE", "2011-03", "März 2011"},
		{language.German, "de-DE", "2011-12", "Dez. 2011"},
		{language.German, "de-AT", "2011-01", "Jän. 2011"},
		{language.German, "en-US", "2011-01", "Jan. 2011"},
		{language.German, "de-DE", "2011-Q2", "Q2 2011"},
		{language.Danish, "da-DK", "2011-05", "maj 2011"},
		{language.Danish, "da-DK", "2011-Q1", "1. kvt. 2011"},
		{Bokmal, "nb-NO", "2011-12", "des. 2011"},
		{Bokmal, "nb-NO", "2011-Q4", "K4 2011"},
		{language.Swedish, "sv-SE", "2011-03", "mars 2011"},
		{language.Swedish, "sv-SE", "2011-Q1", "K1 2011"},
		{language.Filipino, "fil-PH", "2011-02", "Peb 2011"},
		{language.Filipino, "fil-PH", "2011-Q2", "Q2 2011"},
		{language.German, "de-DE", "2011", "2011"},
		{language.German, "de-DE", "2011-13", "2011-13"},
		{language.German, "de-DE", "2011-Q5", "2011-Q5"},
		{language.German, "de-DE", "20x1-01", "20x1-01"},
		{language.German, "de-DE", "", ""},
	} {
		if got := In(tc.lang, tc.locale).Period(tc.key); got != tc.want {
			t.Errorf("%v %s %q: %q, want %q", tc.lang, tc.locale, tc.key, got, tc.want)
		}
	}
}
