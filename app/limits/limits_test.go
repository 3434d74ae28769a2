package limits

import "testing"

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{Bytes(2 << 30), "2 GiB"},
		{Bytes(900 << 20), "900 MiB"},
		{Bytes(3<<30 + 512<<20), "3.5 GiB"},
		{Bytes(ExcelCellChars * UTFBytes), "131,068 bytes"},
		{Count(1048576), "1,048,576"},
		{Count(-1234), "-1,234"},
		{Count(12), "12"},
		{(&Error{Code: Rows, File: "o.xlsx", Limit: ExcelRows, Figure: 1048577}).Error(), "o.xlsx: the sheet has more than 1,048,576 rows (at least 1,048,577)"},
		{(&Error{Code: Input, Limit: Browser.Input, Figure: 1 << 30}).Error(), "the file is 1 GiB, more than the 900 MiB this can read"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestOrCLI(t *testing.T) {
	l := Limits{Rows: 5}.OrCLI()
	if l.Rows != 5 || l.Input != CLI.Input || l.Cell != CLI.Cell || l.ZipEntries != CLI.ZipEntries {
		t.Errorf("OrCLI = %+v", l)
	}
	if Browser.Input > CLI.Input || Browser.Rows > CLI.Rows {
		t.Errorf("the browser's bounds are over the command line's")
	}
}
