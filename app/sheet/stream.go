package sheet

import (
	"bytes"
	"unicode/utf8"
	"unsafe"

	"retention/app/limits"
)

// Stream parses a delimited text file while its bytes arrive, so that
// the parse of the bytes received overlaps the reading of the rest (the
// browser's engine: the page reads the File while the engine parses what
// it has). Read given the stream (Options.Stream) and the stream's bytes,
// once all have come, parses what is left and gives the table and the
// errors a Read without it gives: a file the stream cannot take
// whole, as UTF-8 text with its records parsed as they came, is read as
// if there were no stream.
//
// The stream takes a file only when Read would parse it as delimited
// text in UTF-8 (with or without a byte order mark) with a delimiter
// sniffed from its first sampleBytes: not a workbook, a gzip file, UTF-16,
// Windows-1252 (text that is not UTF-8: the stream gives up where it finds
// such bytes) or whitespace-separated text.
type Stream struct {
	buf   []byte // the file's bytes as they come, in the room made for them
	l     limits.Limits
	p     *textParse // nil until the stream starts, or once it has given up
	off   int        // the bytes of a UTF-8 byte order mark before the text
	valid int        // the text's bytes found to be UTF-8
	seen  int        // the text's bytes searched for a line break
	limit int        // just past the last line break found
	// searched counts the bytes searched for line breaks, for a test
	// that each is searched once.
	searched int
	// merged counts the pieces another engine parsed that the stream
	// took (FedParsed), for the tests.
	merged int
	done   bool // given up, or used by a Read
	// A tail's stream (NewTailStream): its delimiter, once given.
	tail  bool
	comma byte
	// A first part's (NewHeadStream): the text goes on past its end, so
	// that a quoted field open there is no record the end closes.
	head bool
	// Progress, if set, hears how far the parse has come: bytes of the
	// text parsed so far, and the text's size.
	Progress func(done, total int64)
}

// NewStream makes a stream for a file of cap(buf) bytes, which will come
// into buf's array (Fed) and be read within l (the limits Read is given).
func NewStream(buf []byte, l limits.Limits) *Stream {
	return &Stream{buf: buf[:0:cap(buf)], l: l.OrCLI()}
}

// Fed tells the stream that the file's first len(b) bytes have come: b is
// the stream's array (NewStream) up to them. It parses the records they
// complete. A b in another array (a buffer that had to grow) ends the
// stream.
func (st *Stream) Fed(b []byte) {
	if !st.take(b) {
		return
	}
	if st.p == nil && !st.start() {
		return
	}
	// The records that end by the last line break so far: the bytes
	// after it may continue a record. Only the bytes new since the last
	// look are searched (a text with \r alone between its lines has no
	// \n to find: it is parsed once whole, by Read).
	text := b[st.off:]
	st.searched += len(text) - st.seen
	if i := bytes.LastIndexByte(text[st.seen:], '\n'); i >= 0 {
		st.limit = st.seen + i + 1
	}
	st.seen = len(text)
	if st.limit <= st.p.pos {
		return
	}
	st.parse(st.limit)
}

// take takes b as the stream's bytes so far, unless the stream is done,
// or b is in another array (which ends it).
func (st *Stream) take(b []byte) bool {
	if st.done {
		return false
	}
	if cap(b) != cap(st.buf) || len(b) > cap(st.buf) || unsafe.SliceData(b) != unsafe.SliceData(st.buf) {
		st.stop()
		return false
	}
	st.buf = b
	return true
}

// start begins the parse once the first sampleBytes have come, if Read
// would parse the file as the stream does; it tells whether it began.
func (st *Stream) start() bool {
	if st.tail {
		return st.startTail()
	}
	b, size := st.buf, cap(st.buf)
	if len(b) < 3+sampleBytes || size <= 3+sampleBytes {
		return false // a small file is read whole: nothing to overlap
	}
	// Text, as read makes of the file (its UTF-8 is checked as it is
	// parsed), within the bounds readText checks before it parses.
	k, bom := kindOf(b)
	if k != textFile || int64(size) >= maxLine || st.l.CheckInput(int64(size)) != nil {
		st.stop()
		return false
	}
	st.off = bom
	s := unsafe.String(unsafe.SliceData(b[st.off:size]), size-st.off)
	comma := byte(0)
	if countLines(s[:sampleBytes]) <= st.l.Rows {
		comma = sniff(s)
	}
	if comma == 0 || comma == ' ' {
		st.stop()
		return false
	}
	st.p = newTextParse(s, comma, nil, st.l, nil)
	st.p.open = st.head
	return true
}

// parse parses the text up to limit (past a line break, or the text's
// end), once its bytes are found to be UTF-8.
func (st *Stream) parse(limit int) {
	p := st.p
	if limit > st.valid {
		if !utf8.Valid(st.buf[st.off+st.valid : st.off+limit]) {
			st.stop() // Windows-1252, read whole by Read
			return
		}
		st.valid = limit
	}
	p.progress = st.Progress
	whole, err := p.run(limit)
	p.progress = nil
	switch {
	case err != nil:
		st.stop() // past a bound: Read words it
	case !whole && limit-p.pos > maxPending:
		// A quoted field open for more than maxPending bytes (a stray
		// quote, or a very long note): each piece would read it again
		// from its start. Read parses it once, whole.
		st.stop()
	}
}

// maxPending is how many bytes of a record whose quoted field is still
// open the stream reads again as each piece comes, before it gives up.
const maxPending = 1 << 20

// stop gives the stream up: Read reads the file as if there were none.
func (st *Stream) stop() {
	st.p, st.done = nil, true
}

// table gives the table of data as Read with opt would parse it (comma,
// 0 to sniff it; l; progress), from the stream, with its delimiter, once:
// a nil table and error (and the stream given up) when the stream cannot
// give it. Its error is that of a text past l's bounds.
func (st *Stream) table(data []byte, comma rune, l limits.Limits, progress func(done, total int64)) (*Table, byte, error) {
	if st == nil {
		return nil, 0, nil
	}
	p := st.p
	st.stop() // used once, whatever comes of it
	if p == nil || len(data) != cap(st.buf) || unsafe.SliceData(data) != unsafe.SliceData(st.buf) ||
		(comma != 0 && comma != rune(p.comma)) || l.Rows != p.l.Rows || l.Cells != p.l.Cells {
		return nil, 0, nil
	}
	size := len(data) - st.off
	if size > st.valid && !utf8.Valid(data[st.off+st.valid:]) {
		return nil, 0, nil
	}
	p.progress = progress
	if _, err := p.run(size); err != nil {
		return nil, 0, err
	}
	t, err := p.end()
	return t, p.comma, err
}
