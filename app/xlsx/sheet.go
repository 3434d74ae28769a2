package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"

	"retention/app/limits"
)

// Rows calls fn for each row of the named sheet that has at least one
// non-empty cell, in order. row is the 1-based row number; cells[i] is the
// text of column i (A=0); trailing empty cells are trimmed. Cells with a
// date or time number format are given as ISO text ("2006-01-02",
// "2006-01-02 15:04:05" or "15:04:05"); other numbers as their stored
// value. The cells slice is reused between calls. If fn returns an error,
// Rows stops and returns it.
func (w *Workbook) Rows(sheet string, fn func(row int, cells []string) error) error {
	return w.rows(sheet, fn, nil, false)
}

// RowsProgress is Rows that also tells progress, after each hundredth of
// the sheet's XML inflated (ProgressStep bytes at least) and at its end,
// how many bytes it has inflated (done) of the sheet's size (total,
// SheetSize):
//
//	share = min(done, total) ÷ total
//
// A sheet whose size is unknown (0) is read without progress; done never
// passes total, whatever the zip claims.
//
// RowsProgress is meant as the last read of a sheet, the one that reads
// it all (Rows may look at its first rows before): a sheet it reads from
// a part (see Parts) is taken from the parts, and the part lets go of
// its bytes as they are read, if it can (see Part). The sheet read again
// is inflated from the zip.
func (w *Workbook) RowsProgress(sheet string, fn func(row int, cells []string) error, progress func(done, total int64)) error {
	return w.rows(sheet, fn, progress, true)
}

// rows is Rows and RowsProgress; last tells RowsProgress.
func (w *Workbook) rows(sheet string, fn func(row int, cells []string) error, progress func(done, total int64), last bool) error {
	ref := w.sheet(sheet)
	if ref == nil {
		return fmt.Errorf("no sheet named %q", sheet)
	}
	open := w.open
	if last {
		open = w.openLast
	}
	rc, err := open(ref.path)
	if err != nil {
		return err
	}
	defer rc.Close()
	var r io.Reader = rc
	if total := w.SheetSize(sheet); progress != nil && total > 0 {
		step := max(ProgressStep, total/ProgressReports)
		r = &reporting{r: rc, total: total, step: step, next: step, fn: progress}
	}
	return w.scanSheet(newScanner(r), fn)
}

// SheetSize is the size in bytes of the named sheet's XML, as its zip
// entry's header declares it (its uncompressed size); 0 for no such
// sheet.
func (w *Workbook) SheetSize(sheet string) int64 {
	ref := w.sheet(sheet)
	if ref == nil || w.files[ref.path] == nil {
		return 0
	}
	return int64(min(w.files[ref.path].UncompressedSize64, math.MaxInt64))
}

func (w *Workbook) sheet(name string) *sheetRef {
	var ref *sheetRef
	for i := range w.sheets {
		if w.sheets[i].name == name {
			ref = &w.sheets[i]
		}
	}
	return ref
}

// RowsProgress reports at most ProgressReports times a sheet, each
// after ProgressStep bytes of its XML at least: 1 MiB, as text files are
// reported (package sheet). Online Retail's 248 MB sheet is reported
// every 2.5 MB: a report a MiB, 250 of them, each rendered by the page,
// made the read a second slower in the browser (issue 11).
const (
	ProgressReports = 100
	ProgressStep    = 1 << 20
)

// reporting tells fn how many bytes were read from r, every step bytes.
type reporting struct {
	r                 io.Reader
	done, total, step int64
	next              int64
	fn                func(done, total int64)
}

func (p *reporting) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.done += int64(n)
	if p.done >= p.next || (err == io.EOF && p.next != math.MaxInt64) {
		p.next = p.done + p.step
		if err == io.EOF {
			p.next = math.MaxInt64 // the last report: the whole sheet
		}
		p.fn(min(p.done, p.total), p.total)
	}
	return n, err
}

// maxColumns bounds a row's width (Excel's own limit is 16,384).
const maxColumns = 16384

// scanSheet reads the worksheet XML: the rows and cells written plainly
// through fastRows, everything else through the scanner's marks (see
// nextMark), where elements are told apart by a code, not by their name,
// and a cell's r, t and s attributes come read with its tag.
func (w *Workbook) scanSheet(sc *scanner, fn func(int, []string) error) error {
	var (
		st = sheetState{texts: new(texts)}
		m  mark
	)
	for {
		if st.inData && !st.inCell && !st.inV && !st.inIS {
			if err := w.fastRows(sc, &st, fn); err != nil {
				return err
			}
		}
		err := sc.nextMark(&m)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch m.kind {
		case tokStart:
			err = w.startMark(sc, &st, &m)
		case tokEnd:
			if m.el == elSheetData {
				return nil
			}
			err = w.endMark(&st, &m, fn)
		case tokText:
			err = w.textMark(&st, &m)
		}
		if err != nil {
			return err
		}
	}
}

// sheetState is where scanSheet is in a worksheet: the elements open,
// the row and the cell being read.
type sheetState struct {
	cells   []string // the row's cells so far
	rowNum  int
	col     int   // column of the current cell
	kind    uint8 // the current cell's value kind (valueKind), style and value
	style   int
	val     []byte
	hasVal  bool
	skipRPh int // phonetic runs open
	inData  bool
	inRow   bool
	inCell  bool
	inV     bool
	inIS    bool
	inT     bool
	texts   *texts
}

// startRow begins a row: r is its r attribute (nil when absent).
func (st *sheetState) startRow(r []byte, selfClosing bool) error {
	if r != nil {
		n, ok := atoi(r)
		if !ok || n < 1 {
			return fmt.Errorf("row number %q is not valid", r)
		}
		st.rowNum = n
	} else {
		st.rowNum++
	}
	if st.rowNum > limits.ExcelRows {
		return &limits.Error{Code: limits.Rows, Limit: limits.ExcelRows, Figure: int64(st.rowNum)}
	}
	st.cells = st.cells[:0]
	st.col = -1
	st.inRow = !selfClosing
	st.inCell = false // a cell left open ends with its row
	return nil
}

// endRow ends a row: fn is given its cells, the trailing empty ones
// trimmed, unless all are empty.
func (st *sheetState) endRow(fn func(int, []string) error) error {
	st.inRow = false
	n := len(st.cells)
	for n > 0 && st.cells[n-1] == "" {
		n--
	}
	if n == 0 {
		return nil
	}
	return fn(st.rowNum, st.cells[:n])
}

// column sets the column of a cell whose r attribute is r (nil when
// absent: the column after the last).
func (st *sheetState) column(r []byte) error {
	if r != nil {
		c, ok := colIndex(r)
		if !ok {
			return fmt.Errorf("cell reference %q in row %d is not valid", r, st.rowNum)
		}
		st.col = c
	} else {
		st.col++
	}
	if st.col >= maxColumns {
		return fmt.Errorf("row %d has more than %d columns", st.rowNum, maxColumns)
	}
	return nil
}

// setValue sets the current cell's text from its stored value.
func (w *Workbook) setValue(st *sheetState, kind uint8, style int, val []byte) error {
	s, err := st.texts.text(w, kind, style, val)
	if err != nil {
		return fmt.Errorf("cell %s%d: %v", colName(st.col), st.rowNum, err)
	}
	st.cells = setCell(st.cells, st.col, s)
	return nil
}

// startMark acts on a start tag.
func (w *Workbook) startMark(sc *scanner, st *sheetState, m *mark) error {
	switch m.el {
	case elSheetData:
		st.inData = !m.selfClosing
	case elRow:
		if st.inData {
			return st.startRow(m.rFirst, m.selfClosing)
		}
	case elC:
		if !st.inRow {
			return nil
		}
		if err := st.column(m.r); err != nil {
			return err
		}
		st.kind = valueKind(m.t)
		st.style = 0
		if m.s != nil {
			st.style, _ = atoi(m.s)
		}
		st.val = st.val[:0]
		st.hasVal = false
		st.inCell = !m.selfClosing
		if !st.inCell {
			return nil
		}
		var plain bool
		if st.val, plain = sc.plainValue(st.val); plain {
			// The commonest body, <v>text</v></c>, read at once:
			// the same as its four marks one by one.
			st.inCell, st.inV, st.hasVal = false, false, true
			if int64(len(st.val)) > w.limits.Cell {
				return &limits.Error{Code: limits.Cell, Limit: w.limits.Cell, Figure: int64(len(st.val))}
			}
			return w.setValue(st, st.kind, st.style, st.val)
		}
	case elV:
		if st.inCell {
			st.inV = !m.selfClosing
			st.hasVal = true
		}
	case elIs:
		if st.inCell {
			st.inIS = !m.selfClosing
			st.hasVal = true
		}
	case elT:
		if st.inIS {
			st.inT = !m.selfClosing
		}
	case elRPh:
		if st.inIS && !m.selfClosing {
			st.skipRPh++
		}
	}
	return nil
}

// endMark acts on an end tag other than sheetData's.
func (w *Workbook) endMark(st *sheetState, m *mark, fn func(int, []string) error) error {
	switch m.el {
	case elRow:
		if st.inRow {
			return st.endRow(fn)
		}
	case elC:
		if !st.inCell {
			return nil
		}
		st.inCell = false
		if st.hasVal {
			return w.setValue(st, st.kind, st.style, st.val)
		}
	case elV:
		st.inV = false
	case elIs:
		st.inIS = false
	case elT:
		st.inT = false
	case elRPh:
		st.skipRPh--
	}
	return nil
}

// textMark acts on a text run: a value's, or an inline string's outside
// its phonetic runs, is appended to the cell's value.
func (w *Workbook) textMark(st *sheetState, m *mark) error {
	if st.inV || (st.inIS && st.inT && st.skipRPh == 0) {
		if m.cdata {
			st.val = append(st.val, m.text...)
		} else {
			st.val = appendText(st.val, m.text)
		}
		if int64(len(st.val)) > w.limits.Cell {
			return &limits.Error{Code: limits.Cell, Limit: w.limits.Cell, Figure: int64(len(st.val))}
		}
	}
	return nil
}

// Elements of a worksheet that scanSheet acts on, by local name; elOther
// is any other.
const (
	elOther     = iota
	elSheetData // sheetData
	elRow       // row
	elC         // c, a cell
	elV         // v, a cell's value
	elIs        // is, an inline string
	elT         // t, text of an inline string
	elRPh       // rPh, a phonetic run (not part of the text)
)

// element returns the code of an element's local name.
func element(local []byte) uint8 {
	switch len(local) {
	case 1:
		switch local[0] {
		case 'c':
			return elC
		case 'v':
			return elV
		case 't':
			return elT
		}
	case 2:
		if local[0] == 'i' && local[1] == 's' {
			return elIs
		}
	case 3:
		switch string(local) {
		case "row":
			return elRow
		case "rPh":
			return elRPh
		}
	case 9:
		if string(local) == "sheetData" {
			return elSheetData
		}
	}
	return elOther
}

// mark is one piece of worksheet XML as scanSheet needs it: a start or end
// tag with its element code, or a text run.
type mark struct {
	kind        int   // tokStart, tokEnd or tokText
	el          uint8 // element code of a tag
	selfClosing bool
	// Raw values of a start tag's r, t and s attributes (nil when absent):
	// the last of each, as a cell reads them, and the first r, as a row
	// does.
	r, rFirst, t, s []byte
	text            []byte // raw text, or CDATA marked by cdata
	cdata           bool
}

// nextMark reads the next mark. A tag or text run that lies whole in the
// buffer and is written plainly (name, then name="value" attributes) is
// read here in one pass over its bytes, jumping from '<' to '<'; anything
// else (comments, CDATA, declarations, odd syntax, a tag cut by the buffer's
// end) is read by the general tokenizer (slowMark), so both give the same
// marks. Whitespace is the XML kind (isSpace); a namespace prefix ("x:c",
// "x:r") is dropped from names. The mark's byte slices are valid until the
// next call. (One function, not two: in WebAssembly a call costs.)
func (s *scanner) nextMark(m *mark) error {
	b := s.buf[s.pos:]
	if len(b) < 3 {
		return s.slowMark(m)
	}
	if b[0] != '<' {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			return s.slowMark(m)
		}
		s.pos += i
		m.kind, m.text, m.cdata = tokText, b[:i], false
		return nil
	}
	if b[1] == '!' || b[1] == '?' {
		return s.slowMark(m)
	}
	if b[1] == '/' {
		// An end tag: a name of printable ASCII (nothing to trim) up to '>'.
		k, from := 2, 2
		for ; k < len(b) && b[k] != '>'; k++ {
			c := b[k]
			if c <= ' ' || c >= 0x80 || c == '"' || c == '\'' {
				return s.slowMark(m)
			}
			if c == ':' && from == 2 {
				from = k + 1
			}
		}
		if k == len(b) {
			return s.slowMark(m)
		}
		m.kind, m.el = tokEnd, element(b[from:k])
		s.pos += k + 1
		return nil
	}
	k, from := 1, 1
	for ; k < len(b); k++ {
		c := b[k]
		if isSpace(c) || c == '>' || c == '/' {
			break
		}
		if c == '"' || c == '\'' {
			return s.slowMark(m)
		}
		if c == ':' && from == 1 {
			from = k + 1
		}
	}
	if k == 1 || k == len(b) {
		return s.slowMark(m)
	}
	m.kind, m.el = tokStart, element(b[from:k])
	m.r, m.rFirst, m.t, m.s = nil, nil, nil, nil
	for {
		for k < len(b) && isSpace(b[k]) {
			k++
		}
		if k == len(b) {
			return s.slowMark(m)
		}
		switch b[k] {
		case '>':
			m.selfClosing = false
			s.pos += k + 1
			return nil
		case '/':
			if k+1 < len(b) && b[k+1] == '>' {
				m.selfClosing = true
				s.pos += k + 2
				return nil
			}
			return s.slowMark(m)
		}
		ks, prefixed := k, false
		for ; k < len(b); k++ {
			c := b[k]
			if c == '=' || isSpace(c) || c == '>' || c == '/' || c == '"' || c == '\'' {
				break
			}
			if c == ':' && !prefixed {
				ks, prefixed = k+1, true
			}
		}
		key := b[ks:k]
		for k < len(b) && isSpace(b[k]) {
			k++
		}
		if k == len(b) || b[k] != '=' {
			return s.slowMark(m)
		}
		k++
		for k < len(b) && isSpace(b[k]) {
			k++
		}
		if k == len(b) || (b[k] != '"' && b[k] != '\'') {
			return s.slowMark(m)
		}
		q := b[k]
		k++
		vs := k
		for k < len(b) && b[k] != q {
			k++
		}
		if k == len(b) {
			return s.slowMark(m)
		}
		v := b[vs:k]
		k++
		if len(key) == 1 {
			switch key[0] {
			case 'r':
				if m.rFirst == nil {
					m.rFirst = v
				}
				m.r = v
			case 't':
				m.t = v
			case 's':
				m.s = v
			}
		}
	}
}

// slowMark reads the next mark with the general tokenizer.
func (s *scanner) slowMark(m *mark) error {
	tok, err := s.next()
	if err != nil {
		return err
	}
	m.kind, m.selfClosing, m.text, m.cdata = tok.kind, tok.selfClosing, tok.text, tok.cdata
	m.el = element(tok.local())
	m.r, m.t, m.s = nil, nil, nil
	m.rFirst = nil
	if tok.kind == tokStart {
		m.r, m.t, m.s = cellAttrs(tok.attrs)
		m.rFirst = tok.attr("r")
	}
	return nil
}

// Kinds of a cell's stored value, told by its t attribute: what cellText
// makes of it.
const (
	valNumber = iota // no t, "n" or any other t than below: a number, a date by its style
	valShared        // "s": the index of a shared string
	valText          // "str", "inlineStr", "e": the text itself
	valBool          // "b": 1, 0, true or false
	valDate          // "d": ISO 8601 date and time
)

// valueKind returns the kind of value a cell's t attribute tells.
func valueKind(typ []byte) uint8 {
	switch string(typ) {
	case "s":
		return valShared
	case "str", "inlineStr", "e":
		return valText
	case "b":
		return valBool
	case "d":
		return valDate
	}
	return valNumber
}

// texts is a cache of cells' texts by their stored values: a value's
// kind, style and bytes (16 at most) give a slot, which holds the last
// such value's text. Rows repeat their neighbours' values (an order's
// number, date and customer on each of its lines) and columns hold few
// distinct ones (quantities, prices): reusing the text spares converting
// and allocating it again. The zero slot is an empty number of style 0,
// whose text is "".
type texts [textSlots]textSlot

// textSlots is the size of texts (96 KiB): of Online Retail's 2.7
// million numbers, 265,000 miss their slot with 2,048 slots, 1.28 million
// with one per column (the column's last value), 195,000 with 4,096.
const (
	textBits  = 11
	textSlots = 1 << textBits
)

type textSlot struct {
	w0, w1 uint64 // the value's bytes (see word), zero past its end
	n      uint8  // its length
	kind   uint8
	style  int
	text   string
}

// slot returns the slot of a value whose bytes are the words w0 and w1,
// zero past its length n: a multiplicative hash (Knuth's, with the
// golden ratio's 64-bit constant) of all its parts, its top textBits.
func (c *texts) slot(w0, w1 uint64, n int, kind uint8, style int) *textSlot {
	h := (w0 ^ w1*0x9E3779B97F4A7C15 ^ uint64(n)<<56 ^ uint64(kind)<<48 ^ uint64(style)) * 0x9E3779B97F4A7C15
	return &c[h>>(64-textBits)]
}

// text returns the text of a cell's stored value. A shared string is
// looked up, not cached: that is as quick.
func (c *texts) text(w *Workbook, kind uint8, style int, val []byte) (string, error) {
	if kind == valShared || len(val) > 16 {
		return w.cellText(kind, style, val)
	}
	var b [16]byte
	copy(b[:], val)
	w0, w1 := word(b[:], 0), word(b[:], 8)
	p := c.slot(w0, w1, len(val), kind, style)
	if p.w0 == w0 && p.w1 == w1 && int(p.n) == len(val) && p.kind == kind && p.style == style {
		return p.text, nil
	}
	s, err := w.cellText(kind, style, val)
	if err != nil {
		return "", err
	}
	*p = textSlot{w0: w0, w1: w1, n: uint8(len(val)), kind: kind, style: style, text: s}
	return s, nil
}

// setCell sets column col of a row's cells to s, unless s is empty. The
// cells past the row's length that it uncovers hold the last row's
// strings: it writes a string only where it differs from the one there
// (one pointer less to write in the heap, which costs while the
// collector marks).
func setCell(cells []string, col int, s string) []string {
	if s == "" {
		return cells
	}
	for len(cells) < col {
		if len(cells) == cap(cells) {
			cells = append(cells, "")
		} else if cells = cells[:len(cells)+1]; cells[len(cells)-1] != "" {
			cells[len(cells)-1] = ""
		}
	}
	if col == len(cells) {
		if col == cap(cells) {
			return append(cells, s)
		}
		cells = cells[:col+1]
	}
	if c := cells[col]; len(c) != len(s) || unsafe.StringData(c) != unsafe.StringData(s) {
		cells[col] = s
	}
	return cells
}

// plainValue reads "<v>text</v></c>", a cell's commonest body, when it
// follows in the buffer with no entity in the text: it appends the text
// to val and moves past it. Otherwise it reads nothing and ok is false.
func (s *scanner) plainValue(val []byte) (_ []byte, ok bool) {
	b := s.buf[s.pos:]
	if len(b) < 3 || b[0] != '<' || b[1] != 'v' || b[2] != '>' {
		return val, false
	}
	i := 3
	for ; i < len(b) && b[i] != '<'; i++ {
		if b[i] == '&' {
			return val, false
		}
	}
	const end = "</v></c>"
	if len(b)-i < len(end) || string(b[i:i+len(end)]) != end {
		return val, false
	}
	s.pos += i + len(end)
	return append(val, b[3:i]...), true
}

// cellAttrs reads a cell's reference, type and style attributes in one
// pass over the attribute text.
func cellAttrs(a []byte) (r, t, s []byte) {
	for {
		key, val, rest, ok := nextAttr(a)
		if !ok {
			return
		}
		if len(key) == 1 {
			switch key[0] {
			case 'r':
				r = val
			case 't':
				t = val
			case 's':
				s = val
			}
		}
		a = rest
	}
}

// nextAttr reads the first attribute of raw attribute text: its local
// name, its raw value and the text after it; ok is false at the end or on
// malformed text.
func nextAttr(a []byte) (key, val, rest []byte, ok bool) {
	i := 0
	for i < len(a) && isSpace(a[i]) {
		i++
	}
	a = a[i:]
	eq := bytes.IndexByte(a, '=')
	if eq < 0 {
		return nil, nil, nil, false
	}
	key = a[:eq]
	for len(key) > 0 && isSpace(key[len(key)-1]) {
		key = key[:len(key)-1]
	}
	after := a[eq+1:]
	j := 0
	for j < len(after) && isSpace(after[j]) {
		j++
	}
	if j >= len(after) {
		return nil, nil, nil, false
	}
	q := after[j]
	if q != '"' && q != '\'' {
		return nil, nil, nil, false
	}
	end := bytes.IndexByte(after[j+1:], q)
	if end < 0 {
		return nil, nil, nil, false
	}
	if k := bytes.IndexByte(key, ':'); k >= 0 {
		key = key[k+1:]
	}
	return key, after[j+1 : j+1+end], after[j+1+end+1:], true
}

// cellText turns a cell's stored value of a kind (valueKind) into text.
func (w *Workbook) cellText(kind uint8, style int, v []byte) (string, error) {
	switch kind {
	case valShared:
		i, ok := atoi(v)
		if !ok || i < 0 || i >= len(w.sst) {
			return "", fmt.Errorf("shared string %q does not exist", v)
		}
		return w.sst[i], nil
	case valText:
		return string(v), nil
	case valBool:
		switch string(bytes.TrimSpace(v)) {
		case "1", "true":
			return "TRUE", nil
		case "0", "false":
			return "FALSE", nil
		}
		return string(v), nil
	case valDate:
		s := string(bytes.TrimSpace(v))
		if len(s) > 10 && s[10] == 'T' {
			s = s[:10] + " " + s[11:]
		}
		if len(s) > 19 {
			s = s[:19] // drop fractions and zone: the cell is wall time
		}
		return s, nil
	}
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "", nil
	}
	if style > 0 && style < len(w.dateXF) && w.dateXF[style] != kindNumber {
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return string(v), nil
		}
		if s, ok := serialText(f, w.date1904, w.dateXF[style]); ok {
			return s, nil
		}
	}
	return string(v), nil
}

// serialText converts an Excel serial date to ISO text. In the 1900 date
// system serial 1 is 1900-01-01 and serial 60 the 29 February 1900 that
// never was (Lotus's bug, kept by Excel); in the 1904 system serial 0 is
// 1904-01-01. The time of day is rounded to the second.
func serialText(f float64, d1904 bool, kind uint8) (string, bool) {
	if f < 0 || f > 2958465 || math.IsNaN(f) {
		return "", false
	}
	days := math.Floor(f)
	secs := int(math.Round((f - days) * 86400))
	if secs >= 86400 {
		days++
		secs -= 86400
	}
	var buf [len("2006-01-02 15:04:05")]byte
	b := buf[:0]
	if kind == kindTime && days == 0 {
		return string(appendClock(b, secs)), true
	}
	var t time.Time
	switch {
	case d1904:
		t = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days))
	case days == 60:
		b = append(b, "1900-02-29"...)
	case days < 60:
		t = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days))
	default:
		t = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days))
	}
	if len(b) == 0 { // a date other than 1900-02-29
		if y, m, d := t.Date(); y >= 1000 && y <= 9999 {
			b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
				byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
		} else {
			b = t.AppendFormat(b, "2006-01-02") // the 1904 system's last years are 10000 to 10003
		}
	}
	if secs == 0 && kind == kindDate {
		return string(b), true
	}
	return string(appendClock(append(b, ' '), secs)), true
}

// appendClock appends the time of day secs seconds after midnight as
// hh:mm:ss.
func appendClock(b []byte, secs int) []byte {
	h, m, s := secs/3600, secs/60%60, secs%60
	return append(b, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10))
}

// atoi reads a non-negative decimal integer.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// colIndex reads the column of a cell reference: "B12" -> 1.
func colIndex(r []byte) (int, bool) {
	c := 0
	i := 0
	for ; i < len(r); i++ {
		ch := r[i]
		switch {
		case ch >= 'A' && ch <= 'Z':
			c = c*26 + int(ch-'A'+1)
		case ch >= 'a' && ch <= 'z':
			c = c*26 + int(ch-'a'+1)
		default:
			goto digits
		}
		if c > maxColumns {
			return 0, false
		}
	}
digits:
	if c == 0 {
		return 0, false
	}
	for ; i < len(r); i++ {
		if r[i] < '0' || r[i] > '9' {
			return 0, false
		}
	}
	return c - 1, true
}

func colName(c int) string {
	s := ""
	for c++; c > 0; c = (c - 1) / 26 {
		s = string(rune('A'+(c-1)%26)) + s
	}
	return s
}

// Tokens of the XML scanner.
const (
	tokStart = iota
	tokEnd
	tokText
)

type token struct {
	kind        int
	name        []byte // qualified name
	attrs       []byte // raw attribute text
	selfClosing bool
	text        []byte // raw text (entities not yet decoded), or CDATA marked by cdata
	cdata       bool
}

// local returns the name without a namespace prefix.
func (t *token) local() []byte {
	n := t.name
	if i := bytes.IndexByte(n, ':'); i >= 0 {
		n = n[i+1:]
	}
	return n
}

// attr returns the raw value of the attribute with the given local name.
func (t *token) attr(name string) []byte {
	a := t.attrs
	for {
		key, val, rest, ok := nextAttr(a)
		if !ok {
			return nil
		}
		if string(key) == name {
			return val
		}
		a = rest
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// scanner tokenizes XML from a reader through a buffer that holds at most
// one token beyond the block size: memory does not grow with the input.
type scanner struct {
	r   io.Reader
	buf []byte
	pos int
	eof bool
}

const blockSize = 256 << 10

// maxToken bounds one tag or text run, so a malformed part cannot make the
// buffer grow without end.
const maxToken = 64 << 20

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, 0, blockSize*2)}
}

// fill reads more input, keeping the unread part. It returns false when
// no more input comes.
func (s *scanner) fill() (bool, error) {
	if s.eof {
		return false, nil
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:])
		s.buf = s.buf[:n]
		s.pos = 0
	}
	if len(s.buf) > maxToken {
		return false, errors.New("an XML element is too large")
	}
	if cap(s.buf)-len(s.buf) < blockSize {
		nb := make([]byte, len(s.buf), 2*cap(s.buf)+blockSize)
		copy(nb, s.buf)
		s.buf = nb
	}
	n, err := io.ReadFull(s.r, s.buf[len(s.buf):len(s.buf)+blockSize])
	s.buf = s.buf[:len(s.buf)+n]
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		s.eof = true
		return n > 0, nil
	}
	if err != nil {
		return false, err
	}
	return true, nil
}

// next returns the next token. Its byte slices are valid until the next call.
func (s *scanner) next() (token, error) {
	for {
		if s.pos >= len(s.buf) {
			more, err := s.fill()
			if err != nil {
				return token{}, err
			}
			if !more {
				return token{}, io.EOF
			}
		}
		b := s.buf[s.pos:]
		if b[0] != '<' {
			// Text up to the next tag.
			i := bytes.IndexByte(b, '<')
			if i < 0 {
				if !s.eof {
					more, err := s.fill()
					if err != nil {
						return token{}, err
					}
					if more {
						continue
					}
					b = s.buf[s.pos:] // fill moved the unread text to the front
				}
				i = len(b)
			}
			s.pos += i
			return token{kind: tokText, text: b[:i]}, nil
		}
		// A tag: make sure it is whole.
		end := tagEnd(b)
		if end < 0 {
			more, err := s.fill()
			if err != nil {
				return token{}, err
			}
			if !more {
				return token{}, errors.New("the XML ends inside a tag")
			}
			continue
		}
		tag := b[:end+1]
		s.pos += end + 1
		switch {
		case bytes.HasPrefix(tag, []byte("<![CDATA[")):
			return token{kind: tokText, text: tag[9 : len(tag)-3], cdata: true}, nil
		case bytes.HasPrefix(tag, []byte("<!")), bytes.HasPrefix(tag, []byte("<?")):
			continue // comments, declarations, processing instructions
		case len(tag) > 2 && tag[1] == '/':
			return token{kind: tokEnd, name: bytes.TrimSpace(tag[2 : len(tag)-1])}, nil
		}
		inner := tag[1 : len(tag)-1]
		t := token{kind: tokStart}
		if len(inner) > 0 && inner[len(inner)-1] == '/' {
			t.selfClosing = true
			inner = inner[:len(inner)-1]
		}
		i := 0
		for i < len(inner) && !isSpace(inner[i]) {
			i++
		}
		t.name, t.attrs = inner[:i], inner[i:]
		return t, nil
	}
}

// tagEnd finds the '>' that closes the tag at the start of b, or -1 when
// b does not hold the whole tag. Quoted attribute values, comments and
// CDATA sections may hold '>'.
func tagEnd(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte("<!--")):
		i := bytes.Index(b, []byte("-->"))
		if i < 0 {
			return -1
		}
		return i + 2
	case bytes.HasPrefix(b, []byte("<![CDATA[")):
		i := bytes.Index(b, []byte("]]>"))
		if i < 0 {
			return -1
		}
		return i + 2
	case len(b) < 9 && (bytes.HasPrefix([]byte("<![CDATA["), b) || bytes.HasPrefix([]byte("<!--"), b)):
		return -1
	}
	var q byte
	for i := 1; i < len(b); i++ {
		c := b[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '>':
			return i
		}
	}
	return -1
}

// appendText appends XML text with its entities decoded.
func appendText(dst, text []byte) []byte {
	for {
		i := bytes.IndexByte(text, '&')
		if i < 0 {
			return append(dst, text...)
		}
		dst = append(dst, text[:i]...)
		text = text[i:]
		j := bytes.IndexByte(text, ';')
		if j < 0 || j > 12 {
			dst = append(dst, '&')
			text = text[1:]
			continue
		}
		ent := text[1:j]
		switch string(ent) {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			var r uint64
			var err error = errors.New("")
			if len(ent) > 1 && ent[0] == '#' {
				if ent[1] == 'x' || ent[1] == 'X' {
					r, err = strconv.ParseUint(string(ent[2:]), 16, 32)
				} else {
					r, err = strconv.ParseUint(string(ent[1:]), 10, 32)
				}
			}
			if err != nil || !utf8.ValidRune(rune(r)) {
				dst = append(dst, text[:j+1]...)
			} else {
				dst = utf8.AppendRune(dst, rune(r))
			}
		}
		text = text[j+1:]
	}
}
