package sheet

import (
	"errors"
	"unicode/utf8"
	"unsafe"

	"retention/app/limits"
)

// A large text file may be read by two engines at once, each its own
// bytes (ingest.FromParts): the engine the file's first part, up to just
// past a line break (cut), with a stream made over room of cut bytes;
// another the rest, its tail, with a stream of its own (NewTailStream)
// that parses with the delimiter the engine's stream found. Head and
// TailRows give their tables once their bytes have all come, and what
// their parses counted (Counts), for the bounds of the whole file
// (Within).

// HeaderRows is how many rows of a text the choice of its header reads
// (setHeader: the first 50 for the header, the widths of rows 30 to 2,030):
// a first part of more rows than these has the header the whole file has.
const HeaderRows = 2100

// Counts are what a part's parse counted: its line breaks (\n, and \r\n
// among them), its delimiters, and the lines before its end (a part
// ends just past a line break).
type Counts struct {
	NL, CR, Delims int64
	Lines          int
}

// Within tells whether a file of the two parts is within l's rows and
// cells, as Read counts them (textParse.end); one that is not is read
// whole, which words the bound it passes.
func Within(head, tail Counts, l limits.Limits) bool {
	l = l.OrCLI()
	lines := head.NL + tail.NL + 1
	return lines <= l.Rows && head.Delims+tail.Delims+lines <= l.Cells
}

// errNoPart is why a stream gives no table of its part: it gave up, or
// its bytes are not all there, or its part does not end where the next
// begins.
var errNoPart = errors.New("sheet: the stream cannot give its part of the file")

// NewHeadStream makes a stream for the first part of a file (see Head):
// its first cap(buf) bytes, up to just past a line break, which come into
// buf as Fed tells.
func NewHeadStream(buf []byte, l limits.Limits) *Stream {
	st := NewStream(buf, l)
	st.head = true
	return st
}

// Head is the table of the file's first part, read by a stream over room
// of cut bytes (NewHeadStream), once they have all come: the header and the
// rows, as Read reads them of the whole file, and the counts of its
// parse. It fails when the stream gave up, when the part's last record
// does not end at cut (its last line break is within a quoted field),
// or when the part has too few rows to choose the whole file's header
// (HeaderRows). The stream is used.
func (st *Stream) Head(name string) (*Table, Counts, error) {
	p := st.p
	st.stop()
	cut := cap(st.buf)
	if !st.head || p == nil || len(st.buf) != cut || cut == 0 || st.buf[cut-1] != '\n' {
		return nil, Counts{}, errNoPart
	}
	size := cut - st.off
	if size > st.valid && !utf8.Valid(st.buf[st.off+st.valid:cut]) {
		return nil, Counts{}, errNoPart
	}
	whole, err := p.run(size)
	if err != nil || !whole || p.pos != size || p.t.Len() < HeaderRows {
		return nil, Counts{}, errNoPart
	}
	t, err := p.end()
	if err != nil {
		return nil, Counts{}, err
	}
	if err := t.named(name, p.comma, false); err != nil {
		return nil, Counts{}, err
	}
	return t, Counts{NL: p.nl, CR: p.cr, Delims: p.delims, Lines: p.line - 1}, nil
}

// NewTailStream makes a stream for the tail of a file (see Head): its
// bytes from just past a line break, cap(buf) of them, which come into
// buf as Fed tells. It parses what has come once SetComma gives it the
// file's delimiter.
func NewTailStream(buf []byte, l limits.Limits) *Stream {
	st := NewStream(buf, l)
	st.tail = true
	return st
}

// SetComma gives a tail's stream the delimiter (that of the engine's
// stream, Comma), and parses what has come.
func (st *Stream) SetComma(comma byte) {
	if !st.tail || st.comma != 0 || st.done {
		return
	}
	if comma == 0 || comma == ' ' || comma == '"' || comma == '\n' || comma == '\r' {
		st.stop()
		return
	}
	st.comma = comma
	if len(st.buf) > 0 {
		st.Fed(st.buf)
	}
}

// startTail begins a tail's parse, once it has its delimiter.
func (st *Stream) startTail() bool {
	if st.comma == 0 {
		return false
	}
	size := cap(st.buf)
	if int64(size) >= maxLine || st.l.CheckInput(int64(size)) != nil {
		st.stop()
		return false
	}
	s := unsafe.String(unsafe.SliceData(st.buf[:size]), size)
	st.p = newTextParse(s, st.comma, nil, st.l, nil)
	return true
}

// TailRows is the table of a tail's rows once its bytes have all come:
// no header, its lines counted from 1 at its first byte; and the counts
// of its parse. The stream is used.
func (st *Stream) TailRows() (*Table, Counts, error) {
	if st.tail && st.p == nil && !st.done && st.comma != 0 && len(st.buf) == cap(st.buf) {
		st.startTail()
	}
	p := st.p
	st.stop()
	size := cap(st.buf)
	if !st.tail || p == nil || len(st.buf) != size {
		return nil, Counts{}, errNoPart
	}
	if size > st.valid && !utf8.Valid(st.buf[st.valid:size]) {
		return nil, Counts{}, errNoPart
	}
	if _, err := p.run(size); err != nil {
		return nil, Counts{}, err
	}
	t, err := p.end()
	if err != nil {
		return nil, Counts{}, err
	}
	return t, Counts{NL: p.nl, CR: p.cr, Delims: p.delims, Lines: p.line - 1}, nil
}
