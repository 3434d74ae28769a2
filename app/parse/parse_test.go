package parse

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"retention/app/limits/craft"
)

func TestDetectNumberFormat(t *testing.T) {
	tests := []struct {
		Name   string
		Values []string
		Want   NumberFormat
	}{
		{"English with thousands", []string{"1,234.56", "12.50"}, NumberFormat{'.', ','}},
		{"German with thousands", []string{"1.234,56", "12,50"}, NumberFormat{',', '.'}},
		{"German decimals only", []string{"12,5", "3,99"}, NumberFormat{',', '.'}},
		{"German thousands only, decided by another value", []string{"1.234", "2,50"}, NumberFormat{',', '.'}},
		{"many dots are thousands", []string{"1.234.567"}, NumberFormat{',', '.'}},
		{"space groups", []string{"1 234,56"}, NumberFormat{',', ' '}},
		{"apostrophe groups", []string{"1'234.50"}, NumberFormat{'.', '\''}},
		{"integers default to dot", []string{"12", "7"}, NumberFormat{'.', ','}},
		{"1,234 alone is thousands", []string{"1,234"}, NumberFormat{'.', ','}},
		{"UCI prices", []string{"2.55", "3.39", "0.85", "1", "4.25"}, NumberFormat{'.', ','}},
		{"Danish whole crowns", []string{"1.234,-", "kr 99,-"}, NumberFormat{',', '.'}},
		{"the dot of kr. is no separator", []string{"1.234,56 kr.", "99,95 kr."}, NumberFormat{',', '.'}},
		{"nor that of Fr.", []string{"Fr. 12,50"}, NumberFormat{',', '.'}},
		{"Swedish whole crowns group with a dot", []string{"1.234:-", "99:-"}, NumberFormat{',', '.'}},
		{"Swedish whole crowns group with a comma", []string{"1,234:-"}, NumberFormat{'.', ','}},
	}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			if got := DetectNumberFormat(tc.Values); got != tc.Want {
				t.Errorf("got %v, want %v", got, tc.Want)
			}
		})
	}
}

func TestParseNumber(t *testing.T) {
	de := NumberFormat{',', '.'}
	en := NumberFormat{'.', ','}
	sp := NumberFormat{',', ' '}
	tests := []struct {
		In   string
		F    NumberFormat
		Want float64
		Err  bool
	}{
		{"1.234,56", de, 1234.56, false},
		{"1 234,56", sp, 1234.56, false},
		{"1\u00a0234,56", de, 1234.56, false},
		{"1\u202f234,56", de, 1234.56, false},
		{"1,234.56", en, 1234.56, false},
		{"kr 1.234,50", de, 1234.50, false},
		{"1.234,50 kr", de, 1234.50, false},
		{"€12,50", de, 12.50, false},
		{"12,50 €", de, 12.50, false},
		{"$1,234", en, 1234, false},
		{"USD 12.00", en, 12, false},
		{"-€5.00", en, -5, false},
		{"(12.00)", en, -12, false},
		{"12-", en, -12, false},
		{"−12", en, -12, false},
		{"+12", en, 12, false},
		{"1.5E3", en, 1500, false},
		{"2.55", en, 2.55, false},
		{"-3", en, -3, false},
		{"12%", en, 12, false},
		{"1.234,56 kr.", de, 1234.56, false},
		{"Kr. 99,95", de, 99.95, false},
		{"100,-", de, 100, false},
		{"1.234,-", de, 1234, false},
		{"kr 100,–", de, 100, false},
		{"100,- kr", de, 100, false},
		{"-100,-", de, -100, false},
		{"(100,-)", de, -100, false},
		{"1 234:-", sp, 1234, false},
		{"99:-", en, 99, false},
		{"Fr. 10.-", en, 10, false},
		{",-", de, 0, true},
		{"1,-5", de, 0, true},
		{"12,3,4", de, 0, true},
		{"abc", en, 0, true},
		{"", en, 0, true},
		{"-", en, 0, true},
		{"1,2,", en, 0, true},
		{"12..5", en, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.In, func(t *testing.T) {
			got, err := tc.F.Parse(tc.In)
			if tc.Err {
				if !errors.Is(err, ErrNotNumber) {
					t.Fatalf("Parse(%q) = %v, %v; want ErrNotNumber", tc.In, got, err)
				}
				return
			}
			if err != nil || math.Abs(got-tc.Want) > 1e-9 {
				t.Fatalf("Parse(%q) = %v, %v; want %v", tc.In, got, err, tc.Want)
			}
		})
	}
}

func TestCurrency(t *testing.T) {
	tests := []struct{ In, Want string }{
		{"kr 1.234,50", CrownMark},
		{"1.234,56 kr.", CrownMark},
		{"Kr. 99,95", CrownMark},
		{"99 KR", CrownMark},
		{"100:-", CrownMark},
		{"1 234:- ", CrownMark},
		{"100,-", WholeMark},
		{"1.234,–", WholeMark},
		{"kr 100,-", CrownMark},
		{"€ 10,-", "EUR"},
		{"10.-", ""}, // Swiss whole francs: no currency named
		{"€12,50", "EUR"},
		{"12,50 €", "EUR"},
		{"£3", "GBP"},
		{"USD 12.00", "USD"},
		{"₱100", "PHP"},
		{"(DKK 5)", "DKK"},
		{"-SEK 5", "SEK"},
		{"12.00", ""},
		{"-12", ""},
		{"12-", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Currency(tc.In); got != tc.Want {
			t.Errorf("Currency(%q) = %q, want %q", tc.In, got, tc.Want)
		}
	}
}

// TestLocaleCurrency checks the locales of the workbench's users against
// the currencies their countries pay in (ISO 4217; CLDR's region data).
func TestLocaleCurrency(t *testing.T) {
	tests := []struct {
		Tag, Want string
		OK        bool
	}{
		{"de-DE", "EUR", true},
		{"da-DK", "DKK", true},
		{"da", "DKK", true},
		{"nb-NO", "NOK", true},
		{"nn-NO", "NOK", true},
		{"no", "NOK", true},
		{"sv-SE", "SEK", true},
		{"sv-FI", "EUR", true},
		{"fil-PH", "PHP", true},
		{"tl", "PHP", true},
		{"en-GB", "GBP", true},
		{"en-US", "USD", true},
		{"en-IE", "EUR", true},
		{"fr-FR", "EUR", true},
		{"nl-BE", "EUR", true},
		{"de-AT", "EUR", true},
		{"de-CH", "CHF", true},
		{"is-IS", "ISK", true},
		{" en-gb ", "GBP", true},
		{"en-150", "", false},
		{"", "", false},
		{"not a tag", "", false},
	}
	for _, tc := range tests {
		got, ok := LocaleCurrency(tc.Tag)
		if got != tc.Want || ok != tc.OK {
			t.Errorf("LocaleCurrency(%q) = %q, %v; want %q, %v", tc.Tag, got, ok, tc.Want, tc.OK)
		}
	}
}

func TestISOCurrency(t *testing.T) {
	for in, want := range map[string]string{"eur": "EUR", " GBP ": "GBP", "dkk": "DKK", "KR": "", "€": "", "": "", "EURO": ""} {
		got, ok := ISOCurrency(in)
		if got != want || ok != (want != "") {
			t.Errorf("ISOCurrency(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, c := range Crowns {
		if !IsCrown(c) {
			t.Errorf("IsCrown(%q) = false", c)
		}
	}
	if IsCrown("EUR") || IsCrown("KR") {
		t.Error("IsCrown of a euro or of KR")
	}
}

func FuzzNumber(f *testing.F) {
	for _, s := range []string{"1.234,56", "(12.00)", "kr 1 234,50", "12-", "1.5E3", "€", "--1", "100,-", "1 234:-", ",-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		alloc := craft.Allocated(func() {
			for _, nf := range []NumberFormat{English, {',', '.'}, {',', ' '}} {
				v, err := nf.Parse(s)
				if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
					t.Fatalf("Parse(%q) = %v", s, v)
				}
			}
			DetectNumberFormat([]string{s})
			Currency(s)
		})
		if alloc > craft.Budget(len(s)) {
			t.Fatalf("%d bytes allocated %d, over the budget of %d", len(s), alloc, craft.Budget(len(s)))
		}
		// Round trip: a float written with '.' decimals reads back.
		if v, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(v, 0) && !math.IsNaN(v) {
			w := strconv.FormatFloat(v, 'f', -1, 64)
			if len(w) < 40 {
				got, err := English.Parse(w)
				if err != nil || got != v {
					t.Fatalf("round trip %q: %v, %v", w, got, err)
				}
			}
		}
	})
}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"2023-01-15 10:23:45 -0500", "03.02.2024", "Jan 15, 2023", "19970101", "40513.5", "3/2/24 2:05 PM"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		alloc := craft.Allocated(func() {
			df, err := DetectDateFormat([]string{s})
			if err != nil {
				return
			}
			if tm, err := df.Parse(s, time.UTC); err == nil && tm.IsZero() {
				t.Fatalf("Parse(%q) gave the zero time without error", s)
			}
		})
		if alloc > craft.Budget(len(s)) {
			t.Fatalf("%d bytes allocated %d, over the budget of %d", len(s), alloc, craft.Budget(len(s)))
		}
	})
}

func BenchmarkParseNumber(b *testing.B) {
	vals := []string{"2.55", "12", "1,234.56", "-3"}
	for i := 0; i < b.N; i++ {
		English.Parse(vals[i%len(vals)])
	}
}

func BenchmarkParseDate(b *testing.B) {
	f := DateFormat{order: dmy}
	for i := 0; i < b.N; i++ {
		f.Parse("2010-12-01 08:26:00", time.UTC)
	}
}

// TestNotFinite checks that every spelling of a number past float64 is
// ErrNotFinite (and ErrNotNumber), in every format (issue 15: "1e309" and
// "NaN" were skipped as not numbers, 1e308 sums overflowed).
func TestNotFinite(t *testing.T) {
	for _, s := range []string{"1e309", "-1e309", "1E400", "NaN", "nan", "Infinity", "-Infinity", "inf", "+INF", "∞", "-∞", "(inf)", "€ Infinity", "#NUM!"} {
		for _, nf := range []NumberFormat{English, {',', '.'}} {
			v, err := nf.Parse(s)
			if !errors.Is(err, ErrNotFinite) || !errors.Is(err, ErrNotNumber) {
				t.Errorf("%v.Parse(%q) = %v, %v; want ErrNotFinite", nf, s, v, err)
			}
		}
	}
	if v, err := English.Parse("1e308"); err != nil || v != 1e308 {
		t.Errorf("Parse(1e308) = %v, %v: finite, the ingest bounds it", v, err)
	}
}

// TestDateError: a column without dates says what it holds instead, in
// the same words as before it said them as a type.
func TestDateError(t *testing.T) {
	for _, tc := range []struct {
		values []string
		want   DateError
		words  string
	}{
		{[]string{"", " "}, DateError{}, "not a date: the column is empty"},
		{[]string{"soon", "later"}, DateError{Values: []string{"soon"}}, `not a date: values such as "soon"`},
		{[]string{"13/01/2024", "01/13/2024"}, DateError{Values: []string{"13/01/2024", "01/13/2024"}, Mixed: true}, `not a date: "13/01/2024" has the day first but "01/13/2024" has the month first`},
	} {
		_, err := DetectDateFormat(tc.values)
		var de *DateError
		if !errors.As(err, &de) || !errors.Is(err, ErrNotDate) || !reflect.DeepEqual(*de, tc.want) || err.Error() != tc.words {
			t.Errorf("%q: %#v (%v), want %+v, %q", tc.values, de, err, tc.want, tc.words)
		}
	}
}

// TestNumberErrorText: Parse's error reads as fmt.Errorf("%w: %q") read
// (the value cut after 40 bytes), and wraps its sentinel.
func TestNumberErrorText(t *testing.T) {
	long := strings.Repeat("x", 39) + "é and more"
	for _, tc := range []struct {
		in   string
		want error
	}{{"abc", ErrNotNumber}, {"1e309", ErrNotFinite}, {long, ErrNotNumber}, {"a\"\n", ErrNotNumber}} {
		_, err := English.Parse(tc.in)
		v := tc.in
		if len(v) > 40 {
			v = v[:40] + "..."
		}
		if want := fmt.Errorf("%w: %q", tc.want, v).Error(); err == nil || err.Error() != want || !errors.Is(err, tc.want) {
			t.Errorf("Parse(%q): %v, want %s", tc.in, err, want)
		}
	}
}

// TestTrimCurrencyEnds: trimCurrency with its first- and last-byte check
// gives what trying every currency gives, for each currency at either end
// and for values with none.
func TestTrimCurrencyEnds(t *testing.T) {
	plain := trimAnyCurrency
	values := []string{"", "1", "12.50", "abc", "Anna Berg", "anna@example.com", "-", "€", "kr", "Kr.", "(12)", "12-", "1 234,50", "¥"}
	for _, c := range currencies {
		values = append(values, c.sym+"12.50", "12,50 "+c.sym, c.sym, c.sym+" x", "x"+c.sym, c.sym[:1], c.sym[len(c.sym)-1:])
	}
	for _, v := range values {
		if got, want := trimCurrency(v), plain(v); got != want {
			t.Errorf("trimCurrency(%q) = %q, want %q", v, got, want)
		}
	}
}
