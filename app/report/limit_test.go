package report

import (
	"errors"
	"fmt"
	"testing"

	"retention/app/limits"
)

// TestLimitOf: a bound's error, wrapped or not, becomes the typed error
// the page words; the file's name comes from the error or the caller;
// other errors are no limit.
func TestLimitOf(t *testing.T) {
	cell := &limits.Error{Code: limits.Cell, Limit: limits.Browser.Cell, Figure: 163840}
	tests := []struct {
		Name string
		Err  error
		File string
		Want *LimitError
	}{
		{"bare, named by the caller", cell, "cell.xlsx", &LimitError{Code: limits.Cell, File: "cell.xlsx", Limit: limits.Browser.Cell, Figure: 163840}},
		{"wrapped, named by the reader", fmt.Errorf("reading: %w", &limits.Error{Code: limits.Nested, File: "o.csv.gz", Limit: 1, Figure: 2}), "other.gz",
			&LimitError{Code: limits.Nested, File: "o.csv.gz", Limit: 1, Figure: 2}},
		{"another error", errors.New("o.xlsx is a damaged Excel file."), "o.xlsx", nil},
		{"no error", nil, "o.csv", nil},
	}
	for _, tc := range tests {
		got := LimitOf(tc.Err, tc.File)
		if (got == nil) != (tc.Want == nil) || got != nil && *got != *tc.Want {
			t.Errorf("%s: LimitOf = %+v, want %+v", tc.Name, got, tc.Want)
		}
	}
}
