// Package sheet turns the bytes of a spreadsheet export (CSV and its
// relatives, or an Excel workbook) into a Table of text cells with a header.
package sheet

import (
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"retention/app/limits"
	"retention/app/report"
)

// Table is a spreadsheet as text: a header row and the data rows below it.
//
// The data rows are held as offsets, not as strings: a cell of a text
// file is a span of the file's text, a workbook's cells are copied into
// blocks of bytes, and Cell makes the string of one cell when it is read
// (a substring, without copying). A cell costs 4 bytes and a row 16
// beside Lines, none of them pointers; millions of string headers and row
// slices would cost 16 bytes a cell and 24 a row, and the garbage
// collector's time to scan them.
type Table struct {
	Name   string   // file name as given to Read
	Format string   // "csv", "tsv", "semicolon", "pipe", "whitespace", "xlsx", ...
	Sheet  string   // the sheet read, for workbooks
	Sheets []string // every sheet of a workbook, in workbook order

	Header []string
	// Lines[i] is the 1-based line (text) or row (workbook) number in the
	// file where data row i starts, for messages such as "row 12". Rows
	// with no non-blank cell are not included.
	Lines []int
	// HeaderLine is the 1-based line or row number of the header.
	HeaderLine int

	// Notes say what the reader did that the user may want to know, in
	// one short sentence each ("Skipped 3 title lines above the header.",
	// "Decoded from UTF-16 LE.").
	Notes []report.Note

	// texts hold the cells' bytes: for a text file the file's text (from
	// every multiple of textStride on, when it is longer: each row's
	// offsets count from the text its row starts in); for a workbook,
	// blocks of copied cells.
	texts []string
	// at[r] is where row r's cell offsets count from: text at>>32, byte
	// at&(1<<32-1) of it; for a wide row (spill), -1 - the index of its
	// first cell in spill.
	at []int
	// first[r] is the index of row r's first cell pair in cells; row r has
	// first[r+1]-first[r] cells (first has one entry more than at).
	first []int
	// cells holds each cell's start and end byte, relative to its row's
	// at, as pairs.
	cells []uint16
	// spill holds the cells of wide rows, one string each: rows that span
	// more bytes than a uint16 counts, and rows with a cell whose text is
	// not in the file as it stands (a quoted field with "" in it). They
	// are rare; the pairs of a wide row in cells are unused.
	spill []string

	// block is the workbook block being filled by AppendRow.
	block []byte
}

// wideSpan is the largest span of a row that its cells' uint16 offsets
// reach; a longer row is wide.
const wideSpan = 1<<16 - 1

// textStride is how far apart the texts a long text file is split in start:
// an offset into one of them fits at's low 32 bits (with a row's span
// beyond it). A variable, so that the tests split short texts.
var textStride = 1 << 31

// blockSize is the size of a workbook block: one allocation holds the
// cells of many rows.
const blockSize = 1 << 20

// Len returns the number of data rows.
func (t *Table) Len() int { return len(t.at) }

// Width returns the number of cells of row r; a row may be shorter or
// longer than Header.
func (t *Table) Width(r int) int { return t.first[r+1] - t.first[r] }

// Cell returns the text of row r, column c, or "" when the row has no such cell.
func (t *Table) Cell(r, c int) string {
	k := t.first[r] + c
	if c < 0 || k >= t.first[r+1] {
		return ""
	}
	a := t.at[r]
	if a < 0 {
		return t.spill[-1-a+c]
	}
	s := t.texts[a>>32]
	base := a & (1<<32 - 1)
	return s[base+int(t.cells[2*k]) : base+int(t.cells[2*k+1])]
}

// Trim returns the text of row r, column c without the white space around
// it, as strings.TrimSpace does; the usual cell, which starts and ends with
// a printable ASCII byte, is returned without the call (a call for every
// cell read was 7% of the CPU profile of Online Retail, bytes to report).
func (t *Table) Trim(r, c int) string {
	s := t.Cell(r, c)
	if n := len(s); n == 0 || s[0] > ' ' && s[0] < utf8.RuneSelf && s[n-1] > ' ' && s[n-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimSpace(s)
}

// Row returns the cells of row r in a new slice.
func (t *Table) Row(r int) []string {
	out := make([]string, t.Width(r))
	for c := range out {
		out[c] = t.Cell(r, c)
	}
	return out
}

// AppendRow adds a data row that starts at the given line, copying its
// cells' text into the table.
func (t *Table) AppendRow(line int, cells []string) {
	if len(t.first) == 0 {
		t.first = append(t.first, len(t.cells)/2)
	}
	span := 0
	for _, s := range cells {
		span += len(s)
	}
	if span > wideSpan {
		t.appendWide(line, cells)
		return
	}
	if t.block == nil || cap(t.block)-len(t.block) < span {
		t.block = make([]byte, 0, blockSize)
		t.texts = append(t.texts, unsafe.String(unsafe.SliceData(t.block[:1]), blockSize))
	}
	if len(t.at) == cap(t.at) {
		// Twice the room at a time: append's growth of a large slice
		// (a quarter more) allocates some five times the final size,
		// a workbook's rows being counted only once read.
		n := max(cap(t.at), 1024)
		t.at, t.first, t.Lines = slices.Grow(t.at, n), slices.Grow(t.first, n+1), slices.Grow(t.Lines, n)
	}
	if cap(t.cells)-len(t.cells) < 2*len(cells) {
		t.cells = slices.Grow(t.cells, max(cap(t.cells), 2*len(cells)))
	}
	base := len(t.block)
	for _, s := range cells {
		start := len(t.block) - base
		t.block = append(t.block, s...)
		t.cells = append(t.cells, uint16(start), uint16(len(t.block)-base))
	}
	t.at = append(t.at, (len(t.texts)-1)<<32|base)
	t.first = append(t.first, len(t.cells)/2)
	t.Lines = append(t.Lines, line)
}

// appendWide adds a wide row: its cells go to spill as they are (the
// caller does not change them).
func (t *Table) appendWide(line int, cells []string) {
	t.at = append(t.at, -1-len(t.spill))
	t.spill = append(t.spill, cells...)
	t.cells = append(t.cells, make([]uint16, 2*len(cells))...)
	t.first = append(t.first, len(t.cells)/2)
	t.Lines = append(t.Lines, line)
}

// Head returns a table of the first n data rows of t (all of them when t
// has fewer), with t's header, names and notes; the rows' text is copied,
// so the head holds nothing of t's.
func (t *Table) Head(n int) *Table {
	h := &Table{Name: t.Name, Format: t.Format, Sheet: t.Sheet, Sheets: t.Sheets,
		Header: t.Header, HeaderLine: t.HeaderLine, Notes: t.Notes}
	for r := range min(n, t.Len()) {
		h.AppendRow(t.Lines[r], t.Row(r))
	}
	return h
}

// drop removes the first n data rows (the header and title lines above it).
func (t *Table) drop(n int) {
	t.at, t.first, t.Lines = t.at[n:], t.first[n:], t.Lines[n:]
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
