// Package sheet turns the bytes of a spreadsheet export (CSV and its
// relatives, or an Excel workbook) into a Table of text cells with a header.
package sheet

import "retention/app/limits"

// Table is a spreadsheet as text: a header row and the data rows below it.
type Table struct {
	Name   string   // file name as given to Read
	Format string   // "csv", "tsv", "semicolon", "pipe", "whitespace", "xlsx", ...
	Sheet  string   // the sheet read, for workbooks
	Sheets []string // every sheet of a workbook, in workbook order

	Header []string
	// Rows are the data rows below the header. A row may be shorter or
	// longer than Header; use Cell to read it safely. Rows with no
	// non-blank cell are not included.
	Rows [][]string
	// Lines[i] is the 1-based line (text) or row (workbook) number in the
	// file where Rows[i] starts, for messages such as "row 12".
	Lines []int
	// HeaderLine is the 1-based line or row number of the header.
	HeaderLine int

	// Notes say what the reader did that the user may want to know, in
	// one short sentence each ("Skipped 3 title lines above the header.",
	// "Decoded from UTF-16 LE.").
	Notes []string
}

// Cell returns the text of row r, column c, or "" when the row has no such cell.
func (t *Table) Cell(r, c int) string {
	if c < 0 || c >= len(t.Rows[r]) {
		return ""
	}
	return t.Rows[r][c]
}

// Options control Read. The zero value sniffs everything.
type Options struct {
	// Sheet names the workbook sheet to read. If empty, the first sheet
	// that holds data is read.
	Sheet string
	// Comma is the field delimiter of text files. If 0, it is sniffed.
	Comma rune
	// Progress, if set, is called now and then while reading with the
	// number of bytes (text) or rows (workbooks) read so far and the total
	// (0 when unknown).
	Progress func(done, total int64)
	// NoHeader reads a file whose first row holds values: the columns are
	// named "Column 1", "Column 2", ...
	NoHeader bool
	// Limits bound what reading may take (see package limits); a zero
	// field takes the command line's bound (limits.CLI).
	Limits limits.Limits
	// Gunzipped tells that data is a .gz file's content, inflated by the
	// caller (the browser's engine, with the browser's gzip decoder): it
	// is read as Read reads what it inflates itself (see readGunzipped).
	Gunzipped bool
}
