package main

import (
	"strings"
	"testing"

	"retention/app/limits"
)

// TestExplainLimit: --max-size is the advice for the bounds that follow
// from memory and never for those that follow from the formats, which no
// flag can raise (issue 15: a row past Excel's last row was told to use
// --max-size).
func TestExplainLimit(t *testing.T) {
	cli := limits.CLI
	for _, tc := range []struct {
		e       limits.Error
		want    string
		maxSize bool
	}{
		{limits.Error{Code: limits.Input, File: "big.csv", Limit: cli.Input, Figure: 3 << 30}, "big.csv: the file is 3 GiB, more than the 2 GiB this can read. Split the file", true},
		{limits.Error{Code: limits.Input, File: "zero", Limit: 16 << 20}, "zero: the file is more than the 16 MiB this can read.", true},
		{limits.Error{Code: limits.Input, Limit: cli.Input, Figure: cli.Input + 1}, "the file is 2,147,483,649 bytes, more than the 2 GiB", true},
		{limits.Error{Code: limits.Inflated, Limit: cli.Inflated, Figure: cli.Inflated + 300<<20}, "unpacks to more than 4 GiB (at least 4.3 GiB)", true},
		{limits.Error{Code: limits.Rows, Limit: cli.Rows, Figure: cli.Rows + 1}, "more than 100,000,000 rows", true},
		{limits.Error{Code: limits.Cells, Limit: cli.Cells, Figure: cli.Cells + 1}, "cells", true},
		{limits.Error{Code: limits.Rows, File: "o.xlsx", Limit: limits.ExcelRows, Figure: 1048577},
			"o.xlsx: the sheet has more than 1,048,576 rows (at least 1,048,577). Excel's last row is 1,048,576 and no spreadsheet program writes a row past it: export the orders again as CSV or Excel.", false},
		{limits.Error{Code: limits.Cell, Limit: cli.Cell, Figure: cli.Cell + 1}, "export the orders again", false},
		{limits.Error{Code: limits.ZipEntries, Limit: cli.ZipEntries, Figure: cli.ZipEntries + 1}, "No spreadsheet program writes such a file", false},
		{limits.Error{Code: limits.Overlapping}, "No spreadsheet program writes such a file", false},
		{limits.Error{Code: limits.Nested, Limit: 1, Figure: 2}, "No spreadsheet program writes such a file", false},
	} {
		got := explainLimit(&tc.e)
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s: %q lacks %q", tc.e.Code, got, tc.want)
		}
		if strings.Contains(got, "--max-size") != tc.maxSize {
			t.Errorf("%s: %q: --max-size advised %v, want %v", tc.e.Code, got, !tc.maxSize, tc.maxSize)
		}
	}
}
