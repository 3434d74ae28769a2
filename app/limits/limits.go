// Package limits names the bounds a file must stay within to be read, so
// that memory follows the data a file holds and not what a crafted file
// claims: a decompression bomb, a sheet of 25 million rows, a cell built of
// gigabytes of text runs. A file past a bound is refused with an *Error
// that carries the bound and the figure; the command line and the page
// word it, each with its own advice.
//
// The command line and the browser share the bounds that follow from the
// file formats (one cell, Excel's rows, zip entries, one layer of gzip);
// the bounds that follow from memory differ: a browser tab's engine is a
// 32-bit WebAssembly program that holds at most 4 GiB, the command line
// holds what the machine has (and --max-size raises its bounds).
package limits

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// EarliestOrder is the first day an order may be dated. Earlier dates are
// placeholders and typos, not orders: ERPs write 1900-01-01 (and Excel's
// serials 0 to 60 are the first two months of 1900) for "no date", and no
// web shop exported orders before 1990 (the first ones opened in 1994),
// so the year of the first online orders leaves room for the mail-order
// history an ERP migrated. Rows dated before it are skipped (ingest).
var EarliestOrder = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// MaxAmount is the largest amount or quantity an order may hold:
// 2^53 / 100, the largest number whose cents float64 still holds exactly
// (integers are exact up to 2^53). Sums of up to 10^290 such amounts stay
// finite, so no total, CLV or export can overflow to infinity. Rows past
// it are skipped (ingest).
const MaxAmount = (1 << 53) / 100.0

// Code names the bound a file is past.
type Code string

// The bounds.
const (
	// Input: the file itself is larger than Limits.Input bytes.
	Input Code = "file_too_large"
	// Inflated: decompressing the file (gzip, or a workbook's zip parts
	// together) gives more than Limits.Inflated bytes.
	Inflated Code = "inflated_too_large"
	// SharedStrings: a workbook's shared strings (the text of its cells)
	// are more than Limits.SharedStrings bytes.
	SharedStrings Code = "shared_strings_too_large"
	// Cell: one workbook cell holds more than Limits.Cell bytes.
	Cell Code = "cell_too_large"
	// Rows: a sheet has more than Limits.Rows rows (lines of a text file),
	// or a workbook row past Excel's last row.
	Rows Code = "too_many_rows"
	// Cells: a sheet has more than Limits.Cells cells.
	Cells Code = "too_many_cells"
	// ZipEntries: a workbook's zip has more than Limits.ZipEntries entries.
	ZipEntries Code = "too_many_zip_entries"
	// Overlapping: two entries of a workbook's zip share their bytes (a
	// zip bomb's trick: many sheets inflating one entry); Limit and Figure
	// are 0.
	Overlapping Code = "overlapping_zip_entries"
	// Nested: a gzip file holds another gzip file (Limit is the layers
	// read, 1).
	Nested Code = "nested_compression"
)

// Error is a file past a bound: the bound and the file's figure (bytes,
// rows, cells or entries, as the code says). Figure may be a lower bound
// of the file's true figure: reading stops at the bound. An Input error's
// Figure is the file's size, or 0 when it is not known (a pipe or a
// device, read up to the bound).
type Error struct {
	Code   Code
	File   string // the file's name, as given to the reader
	Limit  int64
	Figure int64
}

// Error words the bound in English, without advice: the command line and
// the page add what to do.
func (e *Error) Error() string {
	if e.File == "" {
		return e.words()
	}
	return e.File + ": " + e.words()
}

func (e *Error) words() string {
	switch e.Code {
	case Input:
		if e.Figure == 0 { // a pipe or a device: its size is not known
			return fmt.Sprintf("the file is more than the %s this can read", Bytes(e.Limit))
		}
		return fmt.Sprintf("the file is %s, more than the %s this can read", bytesBeside(e.Figure, e.Limit), Bytes(e.Limit))
	case Inflated:
		return fmt.Sprintf("the file unpacks to more than %s (at least %s)", Bytes(e.Limit), bytesBeside(e.Figure, e.Limit))
	case SharedStrings:
		return fmt.Sprintf("the workbook's text is more than %s", Bytes(e.Limit))
	case Cell:
		return fmt.Sprintf("a cell holds more than %s (Excel's own limit is 32,767 characters)", Bytes(e.Limit))
	case Rows:
		return fmt.Sprintf("the sheet has more than %s rows (at least %s)", Count(e.Limit), Count(e.Figure))
	case Cells:
		return fmt.Sprintf("the sheet has more than %s cells (at least %s)", Count(e.Limit), Count(e.Figure))
	case ZipEntries:
		return fmt.Sprintf("the workbook's zip has %s entries, more than %s", Count(e.Figure), Count(e.Limit))
	case Overlapping:
		return "the workbook's zip has entries that share their bytes, which no spreadsheet program writes"
	case Nested:
		return "the file is compressed twice (a gzip file inside a gzip file)"
	}
	return string(e.Code)
}

// Limits are the bounds of one reader. A zero field takes CLI's value.
type Limits struct {
	Input         int64 // bytes of the file as given
	Inflated      int64 // bytes that decompression may give, all parts together
	SharedStrings int64 // bytes of a workbook's shared strings text
	Cell          int64 // bytes of one workbook cell
	Rows          int64 // rows of a sheet, lines of a text file
	Cells         int64 // cells of a sheet
	ZipEntries    int64 // entries of a workbook's zip
}

// ExcelRows is the last row of an Excel worksheet (Excel's specifications
// and limits: 1,048,576 rows), so no workbook row may be past it.
const ExcelRows = 1 << 20

// ExcelCellChars is the most characters an Excel cell holds (Excel's
// specifications and limits: 32,767), and UTFBytes the most bytes one
// character takes in UTF-8: a cell is at most their product in bytes.
const (
	ExcelCellChars = 32767
	UTFBytes       = 4
)

// zipEntries bounds a workbook's zip entries: a workbook has a few parts
// per sheet (the sheet, its relationships, drawings, comments), so 10,000
// entries is over 1,000 sheets; the zip reader keeps about 200 bytes an
// entry before any is read, so the bound keeps that to 2 MB.
const zipEntries = 10000

// CLI are the command line's bounds (--max-size raises Input and the
// bounds that follow from it, With). Input: 2 GiB, as the whole file is
// held in memory; Inflated: twice that, as a .gz or a workbook's parts
// unpack to several times their size; Rows and Cells: 100 million rows of
// 8 columns (online_retail's), ten times the largest file measured in the
// browser.
var CLI = Limits{
	Input:         2 << 30,
	Inflated:      4 << 30,
	SharedStrings: 2 << 30,
	Cell:          ExcelCellChars * UTFBytes,
	Rows:          100_000_000,
	Cells:         800_000_000,
	ZipEntries:    zipEntries,
}

// Browser are the bounds of the workbench's engine, a 32-bit WebAssembly
// program of at most 4 GiB. Measured in headless Chromium (issue 15): a
// 10-million-line, 896 MB CSV of online_retail's 8 columns is read in 93
// s, a 1.07 GB one runs the engine out of memory; so Input and Inflated
// are 900 MiB, between the two, and Rows and Cells that file's 10 million
// lines of 8 cells. The shared strings are at most the file as CSV.
var Browser = Limits{
	Input:         900 << 20,
	Inflated:      900 << 20,
	SharedStrings: 900 << 20,
	Cell:          ExcelCellChars * UTFBytes,
	Rows:          10_000_000,
	Cells:         80_000_000,
	ZipEntries:    zipEntries,
}

// OrCLI returns l with its zero fields set to CLI's.
func (l Limits) OrCLI() Limits {
	set := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	set(&l.Input, CLI.Input)
	set(&l.Inflated, CLI.Inflated)
	set(&l.SharedStrings, CLI.SharedStrings)
	set(&l.Cell, CLI.Cell)
	set(&l.Rows, CLI.Rows)
	set(&l.Cells, CLI.Cells)
	set(&l.ZipEntries, CLI.ZipEntries)
	return l
}

// With returns l for files of up to input bytes: Input is input, and the
// bounds that follow from memory (Inflated, SharedStrings, Rows, Cells)
// change in proportion; those that follow from the formats (Cell,
// ZipEntries) stay.
func (l Limits) With(input int64) Limits {
	l = l.OrCLI()
	scale := func(v int64) int64 {
		return max(1, int64(float64(v)*float64(input)/float64(l.Input)))
	}
	l.Inflated, l.SharedStrings = scale(l.Inflated), scale(l.SharedStrings)
	l.Rows, l.Cells = scale(l.Rows), scale(l.Cells)
	l.Input = input
	return l
}

// CheckInput returns an *Error when a file of size bytes is over l.Input:
// the page calls it with the file's size before reading a byte of it.
func (l Limits) CheckInput(size int64) error {
	l = l.OrCLI()
	if size > l.Input {
		return &Error{Code: Input, Limit: l.Input, Figure: size}
	}
	return nil
}

// Bytes words a size in bytes: "900 MiB", "1.5 GiB", "131,068 bytes"
// (see Size).
func Bytes(n int64) string {
	v, unit, digits := Size(n)
	if digits == 0 {
		return Count(int64(math.Round(v))) + " " + unit
	}
	return strconv.FormatFloat(v, 'f', digits, 64) + " " + unit
}

// Size is n bytes in the unit they are worded in: GiB from 1 GiB on, MiB
// from 1 MiB on, else bytes; with one decimal, or none for a whole
// number of the unit and where the decimal would be 0 ("2 GiB", never
// "2.0 GiB").
func Size(n int64) (v float64, unit string, digits int) {
	const mib, gib = 1 << 20, 1 << 30
	switch {
	case n >= gib:
		v, unit = float64(n)/gib, "GiB"
	case n >= mib:
		v, unit = float64(n)/mib, "MiB"
	default:
		return float64(n), "bytes", 0
	}
	if math.Round(v*10) != math.Round(v)*10 {
		digits = 1
	}
	return v, unit, digits
}

// Beside is the size to word figure in beside bound, as "figure, more
// than the bound": figure itself, or when Bytes words the two alike (a
// file a little over a bound: "900 MiB, more than the 900 MiB") its
// exact count of bytes, in which it is Size's "bytes".
func Beside(figure, bound int64) (n int64, exact bool) {
	return figure, figure != bound && Bytes(figure) == Bytes(bound)
}

// bytesBeside words figure beside bound (Beside).
func bytesBeside(figure, bound int64) string {
	if _, exact := Beside(figure, bound); exact {
		return Count(figure) + " bytes"
	}
	return Bytes(figure)
}

// Count words a count with thousands separators: "1,048,576".
func Count(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := ""
	if n < 0 {
		neg, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return neg + s
}
