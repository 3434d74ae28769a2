// Package sheet turns the bytes of a spreadsheet export (CSV and its
// relatives, or an Excel workbook) into a Table of text cells with a header.
package sheet

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"retention/app/limits"
	"retention/app/report"
	"retention/app/wordwise"
)

// Table is a spreadsheet as text: a header row and the data rows below it.
//
// The data rows are held as offsets, not as strings: a cell of a text
// file is a span of the file's text, a workbook's cells are copied into
// blocks of bytes, and Cell makes the string of one cell when it is read
// (a substring, without copying). A row costs 12 bytes (its offset, its
// first cell and its line, 4 bytes each) and a cell 2 (its end: it starts
// one byte after the previous cell's end, or at it) or, in a row whose
// cells are not so laid out (a quoted or trimmed field), 4 (its start and
// end); none of them pointers. Millions of string headers and row slices
// would cost 16 bytes a cell and 24 a row, and the garbage collector's
// time to scan them.
type Table struct {
	Name   string   // file name as given to Read
	Format string   // "csv", "tsv", "semicolon", "pipe", "whitespace", "xlsx", ...
	Sheet  string   // the sheet read, for workbooks
	Sheets []string // every sheet of a workbook, in workbook order

	Header []string
	// Lines[i] is the 1-based line (text) or row (workbook) number in the
	// file where data row i starts, for messages such as "row 12". Rows
	// with no non-blank cell are not included. Read refuses a text with
	// more lines than an int32 counts (maxLine).
	Lines []int32
	// HeaderLine is the 1-based line or row number of the header.
	HeaderLine int

	// Notes say what the reader did that the user may want to know, in
	// one short sentence each ("Skipped 3 title lines above the header.",
	// "Decoded from UTF-16 LE.").
	Notes []report.Note

	// texts hold the cells' bytes: for a text file the file's text (from
	// every multiple of textStride on, when it is longer); for a workbook,
	// blocks of copied cells.
	texts []string
	// chunks[r>>chunkBits] is where the offsets of the rows r of one chunk
	// count from; there is always one chunk past the last full one, so
	// that chunks[(r+1)>>chunkBits] is one for every row r.
	chunks []chunk
	// at[r] is row r's form (at>>formShift) and, for a narrow row, where
	// its cells' offsets count from: byte at&offMask after its chunk's
	// base; for a wide row, its place among its chunk's wide rows.
	at []uint32
	// first[r] is the index in cells of row r's first entry, after its
	// chunk's cell: row r's entries end where row r+1's start (first has
	// one entry more than at).
	first []uint32
	// cells holds the narrow rows' cells, relative to the row's offset:
	// each cell's end (spaced and joined rows) or its start and end
	// (paired rows).
	cells []uint16
	// spill holds the cells of wide rows, one string each: rows that span
	// more bytes than a uint16 counts, rows with a cell whose text is not
	// in the file as it stands (a quoted field with "" in it), and rows
	// too far past their chunk's base. They are rare. Wide row j's cells
	// are spill[spillAt[j]:spillAt[j+1]].
	spill   []string
	spillAt []int
	// skip is the number of rows at the start of at and first that are
	// not data rows (the header and the title lines above it, see drop):
	// data row i is row i+skip of the chunks.
	skip int

	// block is the workbook block being filled by AppendRow.
	block []byte
}

// chunk is where the offsets of chunkRows consecutive rows count from:
// the chunks' 64-bit bases let each row's offsets be 32 and 16 bits.
type chunk struct {
	text  int // index in texts of the chunk's narrow rows' text
	base  int // byte of texts[text] that their offsets count from; -1 until the chunk's first narrow row
	cell  int // index in cells that first counts from
	spill int // index in spillAt of the chunk's first wide row
}

// The rows' chunks: chunkRows rows each. A chunk's narrow rows hold at
// most 2*(wideSpan+1) cell entries each (a narrow row's cells are within
// wideSpan bytes, and all but the last end at a delimiter), far below
// what first's uint32 counts.
const (
	chunkBits = 6
	chunkRows = 1 << chunkBits
)

// The forms of a row, at>>formShift: a spaced row's cell c ends at
// cells[first+c] and starts one byte after the previous cell's end (0
// for the first cell), as the unquoted, untrimmed fields of a delimited
// line do; a joined row's cell starts at the previous cell's end, as
// AppendRow copies them; a paired row's cell c starts at
// cells[first+2c] and ends at cells[first+2c+1]; a wide row's cells are
// in spill.
const (
	spaced = iota
	joined
	paired
	wide

	formShift = 30
	offMask   = 1<<formShift - 1
)

// wideSpan is the largest span of a row that its cells' uint16 offsets
// reach; a longer row is wide.
const wideSpan = 1<<16 - 1

// maxLine is the last line number Lines holds.
const maxLine = math.MaxInt32

// textStride is how far apart the texts a long text file is split in
// start: a chunk counts from the text its first narrow row starts in. A
// variable, so that the tests split short texts.
var textStride = 1 << 31

// blockSize is the size of a workbook block: one allocation holds the
// cells of many rows.
const blockSize = 1 << 20

// Len returns the number of data rows.
func (t *Table) Len() int { return len(t.at) - t.skip }

// Width returns the number of cells of row r; a row may be shorter or
// longer than Header.
func (t *Table) Width(r int) int {
	r += t.skip
	form := t.at[r] >> formShift
	if form == wide {
		j := t.chunks[r>>chunkBits].spill + int(t.at[r]&offMask)
		return t.spillAt[j+1] - t.spillAt[j]
	}
	n := t.chunks[(r+1)>>chunkBits].cell + int(t.first[r+1]) - t.chunks[r>>chunkBits].cell - int(t.first[r])
	if form == paired {
		n /= 2
	}
	return n
}

// Cell returns the text of row r, column c, or "" when the row has no such cell.
func (t *Table) Cell(r, c int) string {
	r += t.skip
	a := t.at[r]
	form := a >> formShift
	ch := &t.chunks[r>>chunkBits]
	if c < 0 {
		return ""
	}
	if form == wide {
		j := ch.spill + int(a&offMask)
		if k := t.spillAt[j] + c; k < t.spillAt[j+1] {
			return t.spill[k]
		}
		return ""
	}
	k := ch.cell + int(t.first[r])
	end := t.chunks[(r+1)>>chunkBits].cell + int(t.first[r+1])
	base := ch.base + int(a&offMask)
	s := t.texts[ch.text]
	if form == paired {
		if k += 2 * c; k >= end {
			return ""
		}
		return s[base+int(t.cells[k]) : base+int(t.cells[k+1])]
	}
	if k += c; k >= end {
		return ""
	}
	lo := base
	if c > 0 {
		lo += int(t.cells[k-1]) + 1 - int(form) // spaced: 1 past it, joined: at it
	}
	return s[lo : base+int(t.cells[k])]
}

// Record is one row of a Table as Table.Record reads it: where its cells
// are, not their strings. Reading a row writes no pointer into the heap:
// the strings of a row's cells written to a slice were as many write
// barriers as cells whenever the garbage collector was marking, and in
// WebAssembly, where it marks in the program's own thread between its
// steps, that was a tenth of building Online Retail's orders. Trim makes
// the string of one cell when it is read (a substring, without copying).
type Record struct {
	text  string   // the text a narrow row's offsets count in
	base  int      // the byte of text they count from
	cells []uint16 // a narrow row's cell entries (see Table.cells)
	spill []string // a wide row's cells
	form  uint32
}

// Record returns data row r, for Trim to read its cells: one reading of
// the row's place for all its cells, where a Table.Trim per cell reads it
// again for each (the orders are built from a dozen cells of every row).
func (t *Table) Record(r int) Record {
	r += t.skip
	a := t.at[r]
	form := a >> formShift
	ch := &t.chunks[r>>chunkBits]
	if form == wide {
		j := ch.spill + int(a&offMask)
		return Record{spill: t.spill[t.spillAt[j]:t.spillAt[j+1]], form: wide}
	}
	k := ch.cell + int(t.first[r])
	end := t.chunks[(r+1)>>chunkBits].cell + int(t.first[r+1])
	return Record{text: t.texts[ch.text], base: ch.base + int(a&offMask), cells: t.cells[k:end], form: form}
}

// Width returns the record's number of cells, as Table.Width.
func (rec *Record) Width() int {
	switch rec.form {
	case wide:
		return len(rec.spill)
	case paired:
		return len(rec.cells) / 2
	}
	return len(rec.cells)
}

// Trim returns the text of cell c without the white space around it, as
// Table.Trim does, or "" when the row has no such cell.
func (rec *Record) Trim(c int) string {
	switch rec.form {
	case spaced, joined:
		if uint(c) >= uint(len(rec.cells)) {
			return ""
		}
		lo := rec.base
		if c > 0 {
			lo += int(rec.cells[c-1]) + 1 - int(rec.form) // spaced: 1 past it, joined: at it
		}
		return trimCell(rec.text[lo : rec.base+int(rec.cells[c])])
	case paired:
		if uint(c) >= uint(len(rec.cells)/2) {
			return ""
		}
		return trimCell(rec.text[rec.base+int(rec.cells[2*c]) : rec.base+int(rec.cells[2*c+1])])
	}
	if uint(c) >= uint(len(rec.spill)) {
		return ""
	}
	return trimCell(rec.spill[c])
}

// Distinct is a column's distinct values, each trimmed as Trim trims it,
// blank ones left out: Vals are the values in order of first appearance,
// and data row r holds Vals[At[r]-1], or none where At[r] is 0. At is nil
// when there are more values than DistinctColumns's bound.
type Distinct struct {
	Vals []string
	At   []uint16
}

// DistinctColumns numbers the distinct values of each column of cols (a
// column below 0 has none), read together: each row's place is found once
// for all of them. A column of more than maxAt values (at most 65,535)
// has no row numbers. It reads the columns in a loop of its own, each row's cell
// found in place and compared with the row above's before it is looked
// up (the lines of an order often repeat a value): in WebAssembly, where
// a call costs as much as the work of a short cell, a Record and a Trim
// for each row's cell took twice as long.
func (t *Table) DistinctColumns(cols []int, maxAt int) []Distinct {
	ds := make([]distinct, len(cols))
	for i, c := range cols {
		ds[i] = distinct{c: c, maxAt: min(maxAt, 1<<16-1), last: -1, at: make([]uint16, t.Len())}
	}
	for lo := 0; lo < t.Len(); lo += distinctRun {
		t.distinctRows(lo, min(lo+distinctRun, t.Len()), ds)
	}
	out := make([]Distinct, len(cols))
	for i := range ds {
		out[i] = Distinct{Vals: ds[i].seen.List, At: ds[i].at}
	}
	return out
}

// distinct is what DistinctColumns has read so far of column c: the
// values, the row numbers, the last row's value's number (-1 before the
// first).
type distinct struct {
	c     int
	seen  wordwise.Index
	at    []uint16
	last  int32
	maxAt int
}

// distinctRun is the rows distinctRows reads in one call. DistinctColumns's
// loop is cut in runs, each a call, for the browser to run it optimised
// once it has optimised distinctRows: a call that starts before that runs
// the first, unoptimised code to its end.
const distinctRun = 1 << 14

// distinctRows reads data rows [lo, hi) of each column of ds. (Each
// cell's numbering is written here, not in a method: in WebAssembly a call
// for each cell cost what sharing the row's place saved.)
func (t *Table) distinctRows(lo, hi int, ds []distinct) {
	for r := lo; r < hi; r++ {
		ri := r + t.skip
		a := t.at[ri]
		form := a >> formShift
		ch := &t.chunks[ri>>chunkBits]
		var text string
		var k, end, base, from, to int
		if form == wide {
			j := ch.spill + int(a&offMask)
			from, to = t.spillAt[j], t.spillAt[j+1]
		} else {
			k = ch.cell + int(t.first[ri])
			end = t.chunks[(ri+1)>>chunkBits].cell + int(t.first[ri+1])
			base = ch.base + int(a&offMask)
			text = t.texts[ch.text]
		}
		for i := range ds {
			d := &ds[i]
			c := d.c
			var v string
			switch {
			case c < 0:
			case form == wide:
				if from+c < to {
					v = t.spill[from+c]
				}
			case form == paired:
				if k := k + 2*c; k+1 < end {
					v = text[base+int(t.cells[k]) : base+int(t.cells[k+1])]
				}
			case k+c < end:
				lo := base
				if c > 0 {
					lo += int(t.cells[k+c-1]) + 1 - int(form)
				}
				v = text[lo : base+int(t.cells[k+c])]
			}
			if n := len(v); n > 0 && (v[0] <= ' ' || v[0] >= utf8.RuneSelf || v[n-1] <= ' ' || v[n-1] >= utf8.RuneSelf) {
				v = strings.TrimSpace(v)
			}
			if v == "" {
				continue
			}
			if d.last < 0 || !wordwise.Equal(v, d.seen.List[d.last]) {
				d.last, _ = d.seen.ID(v)
				if int(d.last) >= d.maxAt {
					d.at = nil // too many to number in 2 bytes
				}
			}
			if d.at != nil {
				d.at[r] = uint16(d.last + 1)
			}
		}
	}
}

// trimCell is strings.TrimSpace, without the call for the usual cell that
// starts and ends with a printable ASCII byte.
func trimCell(s string) string {
	if n := len(s); n == 0 || s[0] > ' ' && s[0] < utf8.RuneSelf && s[n-1] > ' ' && s[n-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimSpace(s)
}

// Trim returns the text of row r, column c without the white space around
// it, as strings.TrimSpace does; the usual cell, which starts and ends with
// a printable ASCII byte, is returned without the call (a call for every
// cell read was 7% of the CPU profile of Online Retail, bytes to report).
// Record reads several cells of a row at less cost.
func (t *Table) Trim(r, c int) string {
	return trimCell(t.Cell(r, c))
}

// Row returns the cells of row r in a new slice.
func (t *Table) Row(r int) []string {
	out := make([]string, t.Width(r))
	for c := range out {
		out[c] = t.Cell(r, c)
	}
	return out
}

// open readies an empty table for its first row (in the arrays it has,
// if any).
func (t *Table) open() {
	if len(t.chunks) == 0 {
		t.chunks = append(t.chunks[:0], chunk{base: -1})
		t.first = append(t.first[:0], 0)
		t.spillAt = append(t.spillAt[:0], 0)
	}
}

// grow makes room for one more row in at, first and Lines.
func (t *Table) grow() {
	if len(t.at) == cap(t.at) {
		t.regrow()
	}
}

// regrow makes room for more rows in at, first and Lines: twice the room
// at a time, as append's growth of a large slice (a quarter more)
// allocates some five times the final size.
func (t *Table) regrow() {
	n := max(cap(t.at), 1024)
	t.at, t.first, t.Lines = slices.Grow(t.at, n), slices.Grow(t.first, n+1), slices.Grow(t.Lines, n)
}

// narrow adds row r = len(t.at) in form, at offset bytes past its chunk's
// base, whose cell entries the caller has appended to cells.
func (t *Table) narrow(line, form, offset int) {
	t.at = append(t.at, uint32(form<<formShift|offset))
	t.next(line)
}

// next ends the row just added: its line, the next row's first, and a new
// chunk after the chunk's last row.
func (t *Table) next(line int) { t.nextAt(line, len(t.cells)) }

// nextAt is next for a row whose cell entries end at cells (Stream.FedParsed
// appends a piece's rows' entries at once, before the rows).
func (t *Table) nextAt(line, cells int) {
	t.Lines = append(t.Lines, int32(line))
	r := len(t.at)
	if r&(chunkRows-1) == 0 {
		t.chunks = append(t.chunks, chunk{base: -1, cell: cells, spill: len(t.spillAt) - 1})
	}
	t.first = append(t.first, uint32(cells-t.chunks[r>>chunkBits].cell))
}

// addWide adds a wide row whose cells the caller has appended to spill.
func (t *Table) addWide(line int) { t.addWideAt(line, len(t.cells)) }

// addWideAt is addWide with the cell entries so far ending at cells (see
// nextAt).
func (t *Table) addWideAt(line, cells int) {
	r := len(t.at)
	t.spillAt = append(t.spillAt, len(t.spill))
	t.at = append(t.at, uint32(wide<<formShift|(len(t.spillAt)-2-t.chunks[r>>chunkBits].spill)))
	t.nextAt(line, cells)
}

// AppendRow adds a data row that starts at the given line, copying its
// cells' text into the table.
func (t *Table) AppendRow(line int, cells []string) {
	t.open()
	t.grow()
	span := 0
	for _, s := range cells {
		span += len(s)
	}
	if span > wideSpan || len(cells) > wideSpan {
		t.spill = append(t.spill, cells...)
		t.addWide(line)
		return
	}
	ch := &t.chunks[len(t.at)>>chunkBits]
	if t.block == nil || cap(t.block)-len(t.block) < span {
		// A new block; the chunk's rows so far move into it, so that
		// all its rows count from one base.
		var moved []byte
		if ch.base >= 0 {
			moved = t.block[ch.base:]
		}
		t.block = append(make([]byte, 0, max(blockSize, len(moved)+span)), moved...)
		t.texts = append(t.texts, unsafe.String(unsafe.SliceData(t.block[:1]), cap(t.block)))
		if ch.base >= 0 {
			ch.text, ch.base = len(t.texts)-1, 0
		}
	}
	if ch.base < 0 {
		ch.text, ch.base = len(t.texts)-1, len(t.block)
	}
	if cap(t.cells)-len(t.cells) < len(cells) {
		t.cells = slices.Grow(t.cells, max(cap(t.cells), len(cells)))
	}
	offset := len(t.block) - ch.base
	for _, s := range cells {
		t.block = append(t.block, s...)
		t.cells = append(t.cells, uint16(len(t.block)-ch.base-offset))
	}
	t.narrow(line, joined, offset)
}

// Head returns a table of the first n data rows of t (all of them when t
// has fewer), with t's header, names and notes; the rows' text is copied,
// so the head holds nothing of t's.
func (t *Table) Head(n int) *Table {
	h := &Table{Name: t.Name, Format: t.Format, Sheet: t.Sheet, Sheets: t.Sheets,
		Header: t.Header, HeaderLine: t.HeaderLine, Notes: t.Notes}
	h.open()
	for r := range min(n, t.Len()) {
		h.AppendRow(int(t.Lines[r]), t.Row(r))
	}
	return h
}

// drop removes the first n data rows (the header and title lines above it).
func (t *Table) drop(n int) {
	t.skip += n
	t.Lines = t.Lines[n:]
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
	// Parts are entries of a workbook's zip that the caller inflated (the
	// browser's engine, with the browser's decoder; see Entries): read
	// from there, not inflated again. The table, the errors and the
	// limits are those of a Read without them. A part is deleted from the
	// map once read (see xlsx.Parts).
	Parts Parts
	// Stream, if set, holds the text of data parsed as its bytes came
	// (NewStream): Read parses only what is left, with the same table
	// and errors as without it.
	Stream *Stream
}
