package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCurrencyFlags: --currency states the currency of a file that names
// none, --locale guesses it, and the written list carries it.
func TestCurrencyFlags(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "shop.csv")
	csv := "Order,Customer,Date,Total\n1,a,2025-01-05,10\n2,b,2025-01-20,20\n3,a,2025-02-01,30\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args           []string
		currency, from string
	}{
		{nil, "", ""},
		{[]string{"--locale", "da-DK"}, "DKK", "locale"},
		{[]string{"--locale", "da-DK", "--currency", "eur"}, "EUR", "option"},
	} {
		d := reportJSON(t, append([]string{file}, tc.args...)...)
		if d.Currency != tc.currency || d.CurrencyFrom != tc.from {
			t.Errorf("%v: currency %q from %q, want %q from %q", tc.args, d.Currency, d.CurrencyFrom, tc.currency, tc.from)
		}
	}
	out := filepath.Join(dir, "all.csv")
	if _, _, err := run("segments", file, "--segment", "All", "--out", out, "--currency", "SEK"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if !strings.Contains(lines[0], ",predicted_clv,currency,") || !strings.Contains(lines[1], ",SEK,") {
		t.Errorf("list without its currency:\n%s", b)
	}
	if _, _, err := run("report", file, "--currency", "KR"); err == nil || explain(err) != `--currency "KR" is not a currency code; use an ISO 4217 code such as EUR, DKK or USD.` {
		t.Errorf("--currency KR: %v", err)
	}
}
