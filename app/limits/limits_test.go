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
		{Bytes(2<<30 + 40<<20), "2 GiB"},          // 2.04 GiB: never "2.0 GiB"
		{Bytes(2<<30 + 60<<20), "2.1 GiB"},        // 2.06 GiB
		{Bytes(900<<20 + 1), "900 MiB"},           // beside the bound, Beside
		{Bytes(1023<<20 + 1000<<10), "1,024 MiB"}, // 1023.98 MiB
		{Bytes(1<<20 - 1), "1,048,575 bytes"},
		{(&Error{Code: Rows, File: "o.xlsx", Limit: ExcelRows, Figure: 1048577}).Error(), "o.xlsx: the sheet has more than 1,048,576 rows (at least 1,048,577)"},
		{(&Error{Code: Rows, Limit: Browser.Rows, Figure: Browser.Rows + 1}).Error(), "the sheet has more than 10,000,000 rows (at least 10,000,001)"},
		{(&Error{Code: Input, Limit: Browser.Input, Figure: Browser.Input + 1}).Error(), "the file is 943,718,401 bytes, more than the 900 MiB this can read"},
		{(&Error{Code: Input, Limit: Browser.Input, Figure: Browser.Input + 100<<10}).Error(), "the file is 900.1 MiB, more than the 900 MiB this can read"},
		{(&Error{Code: Input, Limit: Browser.Input, Figure: Browser.Input + 40<<10}).Error(), "the file is 943,759,360 bytes, more than the 900 MiB this can read"},
		{(&Error{Code: Input, Limit: Browser.Input, Figure: Browser.Input + 1<<20}).Error(), "the file is 901 MiB, more than the 900 MiB this can read"},
		{(&Error{Code: Input, Limit: 16 << 20}).Error(), "the file is more than the 16 MiB this can read"},
		{(&Error{Code: Inflated, Limit: 8 << 20, Figure: 8<<20 + 5}).Error(), "the file unpacks to more than 8 MiB (at least 8,388,613 bytes)"},
		{(&Error{Code: Input, Limit: Browser.Input, Figure: 1 << 30}).Error(), "the file is 1 GiB, more than the 900 MiB this can read"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestSize: a size has a decimal only where it is not 0, and Beside gives
// the exact bytes only where the size would read as the bound.
func TestSize(t *testing.T) {
	for _, tc := range []struct {
		n      int64
		v      float64
		unit   string
		digits int
	}{
		{900 << 20, 900, "MiB", 0},
		{900<<20 + 1, 900 + 1.0/(1<<20), "MiB", 0},
		{1536 << 20, 1.5, "GiB", 1},
		{512, 512, "bytes", 0},
	} {
		v, unit, digits := Size(tc.n)
		if v != tc.v || unit != tc.unit || digits != tc.digits {
			t.Errorf("Size(%d) = %v %s %d, want %v %s %d", tc.n, v, unit, digits, tc.v, tc.unit, tc.digits)
		}
	}
	for _, tc := range []struct {
		figure, bound int64
		exact         bool
	}{
		{900<<20 + 1, 900 << 20, true},
		{900 << 20, 900 << 20, false},
		{901 << 20, 900 << 20, false},
		{1 << 30, 900 << 20, false},
		{2<<30 + 1, 2 << 30, true},
		{2<<30 + 200<<20, 2 << 30, false}, // 2.2 GiB
	} {
		if _, exact := Beside(tc.figure, tc.bound); exact != tc.exact {
			t.Errorf("Beside(%d, %d): exact %v, want %v", tc.figure, tc.bound, exact, tc.exact)
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
