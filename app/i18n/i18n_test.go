package i18n

import "testing"

// TestMoney: an amount carries its currency's symbol, kept to the number,
// in the locale's way of writing numbers; without a currency, the number.
func TestMoney(t *testing.T) {
	tests := []struct {
		Locale, Code string
		V            float64
		Want         string
	}{
		{"en-GB", "GBP", 524284.9, "£\u00a0524,284.90"},
		{"de-DE", "EUR", 1234.5, "€\u00a01.234,50"},
		{"en-US", "DKK", 12, "DKK\u00a012.00"},
		{"da-DK", "DKK", 1234.56, "kr.\u00a01.234,56"},
		{"en-GB", "", 1234.5, "1,234.50"},
		{"en-GB", "KR", 1234.5, "1,234.50"},
	}
	for _, tc := range tests {
		if got := New(tc.Locale).Money(tc.V, tc.Code); got != tc.Want {
			t.Errorf("Money(%v, %q) in %s = %q, want %q", tc.V, tc.Code, tc.Locale, got, tc.Want)
		}
	}
}
