package sheet

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"retention/app/limits"
	"retention/app/limits/craft"
)

// TestLimits reads each crafted file of issue 15, in a small size, and
// checks that it is refused by the bound it passes, with the bound and
// the file's name in the message, and that reading it allocates no more
// than MaxAlloc: the bound's own size (what reading up to it holds)
// times a small factor, never what the file claims.
func TestLimits(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		Name     string
		File     string
		Data     []byte
		Limits   limits.Limits
		Code     limits.Code
		Words    string
		MaxAlloc uint64
	}{
		{"file over the input bound", "o.csv", craft.Orders(100), limits.Limits{Input: 1000}, limits.Input, "more than the 1,000 bytes", 64 << 10},
		// A .gz that unpacks past its bound: refused whole, never cut (it
		// was cut at 2 GiB and reported as if whole).
		{"gzip past the inflated bound", "o.csv.gz", craft.GzipZeros(9 * mib), limits.Limits{Inflated: 8 * mib}, limits.Inflated, "unpacks to more than 8 MiB", 4 * 8 * mib},
		// 64 MiB of zeros inside a gzip inside a gzip: refused after the
		// first layer (the inner gzip, 64 KiB), before the second.
		{"gzip in gzip", "o.csv.gz", craft.Gzip(craft.GzipZeros(64 * mib)), limits.Limits{}, limits.Nested, "compressed twice", 2 * mib},
		// A sheet of 300,000 rows (about 30 MiB of XML) read within 4 MiB.
		{"sheet past the inflated bound", "o.xlsx", craft.Workbook(craft.SheetRows(300000), nil), limits.Limits{Inflated: 4 * mib}, limits.Inflated, "unpacks to more than 4 MiB", 32 * mib},
		{"sheet past the rows bound", "o.xlsx", craft.Workbook(craft.SheetRows(3000), nil), limits.Limits{Rows: 1000}, limits.Rows, "more than 1,000 rows", 8 * mib},
		{"row past Excel's last", "o.xlsx", craft.Workbook(craft.RowPastExcel, nil), limits.Limits{}, limits.Rows, "more than 1,048,576 rows", 4 * mib},
		// 40 runs of 4 KiB: each passes the tokenizer's bound on one
		// token, the cell (160 KiB) passes Excel's 32,767 characters.
		{"cell of many text runs", "o.xlsx", craft.Workbook(craft.CellOfRuns(40, 4096), nil), limits.Limits{}, limits.Cell, "32,767 characters", 4 * mib},
		{"shared strings past their bound", "o.xlsx", craft.Workbook(craft.SheetRows(1), craft.SharedStrings(2000, 1000)), limits.Limits{SharedStrings: mib}, limits.SharedStrings, "text is more than 1 MiB", 8 * mib},
		// Issue 15's workbooks of 16.8 and 7.2 MB, with the browser's
		// bounds: 25 million rows in 4 GiB of sheet, and 3 GiB of shared
		// strings (which were held up to the bound, 1 GiB, before they
		// were refused). A part inflates to its stated size or fails, so
		// one past the bound is refused before it is inflated.
		{"a sheet of 4 GiB", "o.xlsx", craft.ManyRows(25_000_000, 171), limits.Browser, limits.Inflated, "unpacks to more than 900 MiB (at least 4 GiB)", mib},
		{"shared strings of 3 GiB", "o.xlsx", craft.ManySharedStrings(3_000_000, 1060), limits.Browser, limits.Inflated, "unpacks to more than 900 MiB (at least 3 GiB)", mib},
		// 100 sheets whose entries all point at one 64 MiB sheet of
		// spaces: refused before any is inflated.
		{"overlapping zip entries", "o.xlsx", craft.Overlapping(100, 64*mib), limits.Limits{}, limits.Overlapping, "share their bytes", mib},
		{"zip entries past their bound", "o.xlsx", craft.ZipEntries(200), limits.Limits{ZipEntries: 100}, limits.ZipEntries, "200 entries, more than 100", 64 << 10},
		// Text is counted before it is parsed: the rows before the
		// delimiter is sniffed, the cells after (sniffing parses a 64 KiB
		// sample five times, 1 MiB of cells each).
		{"text past the rows bound", "o.csv", craft.Orders(1000), limits.Limits{Rows: 100}, limits.Rows, "more than 100 rows (at least 1,0", 64 << 10},
		{"text past the cells bound", "o.csv", craft.Orders(1000), limits.Limits{Cells: 1000}, limits.Cells, "more than 1,000 cells", 6 * mib},
	}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			var err error
			alloc := craft.Allocated(func() {
				_, err = Read(tc.File, tc.Data, Options{Limits: tc.Limits})
			})
			var le *limits.Error
			if !errors.As(err, &le) || le.Code != tc.Code {
				t.Fatalf("Read = %v, want a %s error", err, tc.Code)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.Words) || !strings.HasPrefix(msg, tc.File+": ") {
				t.Errorf("message %q, want %q after the file's name", msg, tc.Words)
			}
			if alloc > tc.MaxAlloc {
				t.Errorf("allocated %s for a %s file, want at most %s", limits.Bytes(int64(alloc)), limits.Bytes(int64(len(tc.Data))), limits.Bytes(int64(tc.MaxAlloc)))
			}
		})
	}
}

// TestOtherFiles checks the messages of files that are no orders export
// a spreadsheet program wrote as such (issue 15, item 11).
func TestOtherFiles(t *testing.T) {
	tests := []struct {
		Name, File string
		Data       []byte
		Err        error
		Words      string
	}{
		{"Word document renamed", "orders.xlsx", craft.Docx(), ErrNotSpreadsheet, "orders.xlsx is not a spreadsheet: it is a Word document"},
		{"OpenDocument spreadsheet", "orders.ods", craft.ODS(), ErrNotSpreadsheet, "save it as Excel (.xlsx) or CSV"},
		{"Numbers spreadsheet", "orders.numbers", craft.Numbers(), ErrNotSpreadsheet, "export it as Excel (.xlsx) or CSV"},
		{"encrypted workbook", "orders.xlsx", craft.OLE("EncryptedPackage"), ErrEncrypted, "orders.xlsx is a password-protected workbook: save it in Excel without a password"},
		{"old .xls workbook", "orders.xls", craft.OLE("Workbook"), ErrOldExcel, "an old Excel workbook (.xls, Excel 97-2003)"},
		{"sheet that is a zip", "orders.xlsx", craft.SheetIsZip(), ErrCorrupt, "its sheets hold zip archives"},
		{"empty .csv.gz", "orders.csv.gz", craft.Gzip(nil), ErrEmpty, "orders.csv.gz is empty."},
	}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			_, err := Read(tc.File, tc.Data, Options{})
			if !errors.Is(err, tc.Err) || !strings.Contains(err.Error(), tc.Words) {
				t.Errorf("Read = %v, want %v saying %q", err, tc.Err, tc.Words)
			}
		})
	}
}

// TestLimitsWith checks that --max-size's limits follow the input bound
// and keep the format's.
func TestLimitsWith(t *testing.T) {
	l := limits.CLI.With(limits.CLI.Input * 2)
	if l.Inflated != 2*limits.CLI.Inflated || l.Rows != 2*limits.CLI.Rows || l.Cell != limits.CLI.Cell || l.ZipEntries != limits.CLI.ZipEntries {
		t.Errorf("CLI.With(twice) = %+v", l)
	}
	if err := limits.Browser.CheckInput(limits.Browser.Input + 1); err == nil || !strings.Contains(err.Error(), "900 MiB") {
		t.Errorf("Browser.CheckInput(over) = %v, want the bound in words", err)
	}
}

// TestGunzipSize checks the buffer a .gz is inflated into: sized from the
// trailer's ISIZE when it can be trusted, so an honest file is inflated
// without regrowth, and never from a claim past the bounds.
func TestGunzipSize(t *testing.T) {
	text := bytes.Repeat([]byte("536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n"), 40000)
	honest := craft.Gzip(text)
	twoMembers := append(craft.Gzip(text[:1000]), craft.Gzip(text[1000:])...)
	claim := func(size uint32) []byte { // honest with another ISIZE
		b := bytes.Clone(honest)
		b[len(b)-4], b[len(b)-3], b[len(b)-2], b[len(b)-1] = byte(size), byte(size>>8), byte(size>>16), byte(size>>24)
		return b
	}
	l := limits.CLI
	tests := []struct {
		name string
		data []byte
		l    limits.Limits
		hint int64
	}{
		{"honest", honest, l, int64(len(text))},
		{"two members: the last one's size", twoMembers, l, int64(len(text) - 1000)},
		{"past the inflated bound", honest, limits.Limits{Inflated: int64(len(text)) - 1}, 0},
		{"past deflate's ratio", claim(1 << 31), l, 0},
		{"short", []byte{0x1f, 0x8b, 8}, l, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := gzipSize(tc.data, tc.l.OrCLI()); got != tc.hint {
				t.Errorf("gzipSize = %d, want %d", got, tc.hint)
			}
		})
	}
	for _, data := range [][]byte{honest, twoMembers} {
		out, err := gunzip("o.csv.gz", data, l)
		if err != nil || !bytes.Equal(out, text) {
			t.Fatalf("gunzip: %d bytes, %v; want the %d of the text", len(out), err, len(text))
		}
	}
	// The honest file: the text and the inflater's state (its 32 KiB
	// window and tables), no doubling series (io.ReadAll's came to about
	// three times the text).
	if alloc := craft.Allocated(func() { gunzip("o.csv.gz", honest, l) }); alloc > uint64(len(text))+1<<18 {
		t.Errorf("inflating %d bytes allocated %d", len(text), alloc)
	}
	if _, err := gunzip("o.csv.gz", claim(1000), l); !errors.Is(err, ErrCorrupt) {
		t.Errorf("a file whose ISIZE lies: %v, want ErrCorrupt", err)
	}
}
