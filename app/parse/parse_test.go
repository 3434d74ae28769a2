package parse

import (
	"errors"
	"math"
	"strconv"
	"testing"
	"time"
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
	for in, want := range map[string]string{
		"kr 1.234,50": "kr", "€12,50": "EUR", "12,50 €": "EUR", "£3": "GBP", "USD 12.00": "USD",
		"₱100": "PHP", "12.00": "", "": "", "(DKK 5)": "DKK",
	} {
		if got := Currency(in); got != want {
			t.Errorf("Currency(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDetectDateFormat(t *testing.T) {
	tests := []struct {
		Name   string
		Values []string
		Want   string // String() of the format
		Err    bool
	}{
		{"ISO", []string{"2010-12-01 08:26:00", "2011-01-04"}, "yyyy-mm-dd with time", false},
		{"day first by a day above 12", []string{"01/02/2024", "13/02/2024"}, "day before month (dd.mm.yyyy)", false},
		{"month first by a day above 12", []string{"01/02/2024", "02/13/2024"}, "month before day (mm/dd/yyyy)", false},
		{"ambiguous", []string{"01/02/2024", "03/04/2024"}, "day before month (dd.mm.yyyy); assumed, as no day was above 12", false},
		{"conflict", []string{"13/02/2024", "02/13/2024"}, "", true},
		{"German", []string{"03.02.2024 14:05", "28.02.2024"}, "day before month (dd.mm.yyyy) with time", false},
		{"compact", []string{"19970101", "19970118"}, "yyyymmdd", false},
		{"serials", []string{"40513.35", "40514"}, "Excel serial numbers", false},
		{"not dates", []string{"apple", "pear"}, "", true},
		{"empty", nil, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			f, err := DetectDateFormat(tc.Values)
			if tc.Err {
				if !errors.Is(err, ErrNotDate) {
					t.Fatalf("got %v, %v; want ErrNotDate", f, err)
				}
				return
			}
			if err != nil || f.String() != tc.Want {
				t.Fatalf("got %q, %v; want %q", f.String(), err, tc.Want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	ny, _ := time.LoadLocation("America/New_York")
	dmyF := DateFormat{order: dmy}
	mdyF := DateFormat{order: mdy}
	tests := []struct {
		In   string
		F    DateFormat
		Loc  *time.Location
		Want string // RFC 3339 in Loc
	}{
		{"2010-12-01 08:26:00", dmyF, time.UTC, "2010-12-01T08:26:00Z"},
		{"2010-12-01T08:26", dmyF, time.UTC, "2010-12-01T08:26:00Z"},
		{"2023-01-15 10:23:45 -0500", dmyF, time.UTC, "2023-01-15T15:23:45Z"},
		{"2023-01-15T23:30:00-05:00", dmyF, berlin, "2023-01-16T05:30:00+01:00"},
		{"2023-01-15T10:00:00Z", dmyF, ny, "2023-01-15T05:00:00-05:00"},
		{"2023-01-15 10:00:00 UTC", dmyF, time.UTC, "2023-01-15T10:00:00Z"},
		{"2023-01-15 10:00:00.123", dmyF, time.UTC, "2023-01-15T10:00:00.123Z"},
		{"03.02.2024", dmyF, berlin, "2024-02-03T00:00:00+01:00"},
		{"03.02.2024 14:05", dmyF, time.UTC, "2024-02-03T14:05:00Z"},
		{"03/02/2024", mdyF, time.UTC, "2024-03-02T00:00:00Z"},
		{"3/2/24 2:05 PM", mdyF, time.UTC, "2024-03-02T14:05:00Z"},
		{"12/1/2010 8:26", mdyF, time.UTC, "2010-12-01T08:26:00Z"},
		{"19970101", DateFormat{Compact: true}, time.UTC, "1997-01-01T00:00:00Z"},
		{"40513.35", DateFormat{Serial: true}, time.UTC, "2010-12-01T08:24:00Z"},
		{"15 Jan 2023", dmyF, time.UTC, "2023-01-15T00:00:00Z"},
		{"Jan 15, 2023", dmyF, time.UTC, "2023-01-15T00:00:00Z"},
		{"15. März 2023", dmyF, time.UTC, "2023-03-15T00:00:00Z"},
		{"15. januar 2023", dmyF, time.UTC, "2023-01-15T00:00:00Z"},
		{"15 maj 2023", dmyF, time.UTC, "2023-05-15T00:00:00Z"},
		{"Enero 15, 2023", dmyF, time.UTC, "2023-01-15T00:00:00Z"},
		{"Hunyo 3, 2023", dmyF, time.UTC, "2023-06-03T00:00:00Z"},
		{"Mon, 02 Jan 2023 15:04:05 +0000", dmyF, time.UTC, "2023-01-02T15:04:05Z"},
	}
	for _, tc := range tests {
		t.Run(tc.In, func(t *testing.T) {
			got, err := tc.F.Parse(tc.In, tc.Loc)
			if err != nil {
				t.Fatal(err)
			}
			if s := got.Format(time.RFC3339Nano); s != tc.Want {
				t.Errorf("got %s, want %s", s, tc.Want)
			}
		})
	}
	for _, bad := range []string{"", "31.02.2024", "2024-13-01", "yesterday", "12:30", "2024-01-01 25:00"} {
		if got, err := dmyF.Parse(bad, time.UTC); !errors.Is(err, ErrNotDate) {
			t.Errorf("Parse(%q) = %v, %v; want ErrNotDate", bad, got, err)
		}
	}
}

func FuzzNumber(f *testing.F) {
	for _, s := range []string{"1.234,56", "(12.00)", "kr 1 234,50", "12-", "1.5E3", "€", "--1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, nf := range []NumberFormat{English, {',', '.'}, {',', ' '}} {
			v, err := nf.Parse(s)
			if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
				t.Fatalf("Parse(%q) = %v", s, v)
			}
		}
		DetectNumberFormat([]string{s})
		Currency(s)
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
		df, err := DetectDateFormat([]string{s})
		if err != nil {
			return
		}
		if tm, err := df.Parse(s, time.UTC); err == nil && tm.IsZero() {
			t.Fatalf("Parse(%q) gave the zero time without error", s)
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
