package sheet

import (
	"bytes"
	bin "encoding/binary"
	"errors"
	"slices"
	"unicode/utf8"
	"unsafe"
)

// Piece is the records of one piece of a streamed text (Stream) that a
// second engine parsed, while the first parsed the pieces before it
// (the browser's engines: web/worker.js). It does not know where the
// piece's first record starts: it parses from just past the piece's
// first line break, as if a record started there, and the stream uses
// the rows only when its own parse of the bytes before ends exactly
// there (Stream.FedParsed); else it parses the piece itself. A record
// whose quoted field holds that line break is thus never misread.
type Piece struct {
	t     *Table // the table it was parsed into (ParsePiece)
	comma byte
	// start is just past the piece's first line break, where the parse
	// began; stop where it ended (a record whose quoted field is still
	// open at valid is left to the stream); valid just past the piece's
	// last line break: the bytes [start, valid) are UTF-8.
	start, stop, valid int
	lines              int   // the lines [start, stop) advances by
	delims, nl, cr     int64 // its delimiters and line breaks, as textParse counts them
	// Row r is in form marks[r]>>formShift, on line lines0[r] (0 for the
	// line at start). A spaced or paired row starts at marks[r]&offMask
	// past start, and its cell entries (as Table.cells holds them, from
	// its start) are cells[ends[r]:ends[r+1]]; a wide row's cells are the
	// next of spill, spillAt[j] to spillAt[j+1] for the piece's wide row j.
	marks   []uint32
	lines0  []uint32
	ends    []uint32
	cells   []uint16
	spillAt []uint32
	spill   []string
}

// ParsePiece parses the records of b, a piece of a delimited text whose
// delimiter is comma, from just past its first line break to its last
// one. It returns nil when it cannot give a piece the stream can take: no
// line break, bytes that are not UTF-8, or comma ' ' (whitespace-separated
// text is not streamed): the stream then parses the piece itself.
func ParsePiece(b []byte, comma byte) *Piece {
	return parsePiece(b, comma, nil)
}

// PieceParser parses the pieces a second engine is given, one after
// another, into the same memory: the table of the piece before, emptied.
type PieceParser struct {
	t   *Table
	out []byte
}

// Parse is ParsePiece's piece written as Bytes writes it, or nil; the
// bytes are the parser's until its next Parse.
func (pp *PieceParser) Parse(b []byte, comma byte) []byte {
	pc := parsePiece(b, comma, pp.t)
	if pc == nil {
		return nil
	}
	pp.t = pc.t
	pp.out = pc.appendTo(pp.out[:0])
	return pp.out
}

// parsePiece is ParsePiece, its rows read into t (emptied) when it is not nil.
func parsePiece(b []byte, comma byte, t *Table) *Piece {
	if comma == ' ' || comma == 0 || comma == '"' || comma == '\n' || comma == '\r' {
		return nil
	}
	first := bytes.IndexByte(b, '\n')
	last := bytes.LastIndexByte(b, '\n')
	if first < 0 || last <= first || !utf8.Valid(b[first+1:last+1]) {
		return nil
	}
	start, valid := first+1, last+1
	s := unsafe.String(unsafe.SliceData(b[start:]), len(b)-start)
	p := newTextParse(s, comma, nil, unbounded, t)
	p.open = true // the text goes on past the piece
	if _, err := p.run(valid - start); err != nil || p.pos == 0 {
		return nil
	}
	t = p.t
	n := len(t.at)
	pc := &Piece{t: t, comma: comma, start: start, stop: start + p.pos, valid: valid, lines: p.line - 1,
		delims: p.delims, nl: p.nl, cr: p.cr,
		marks: make([]uint32, n), lines0: make([]uint32, n), ends: make([]uint32, n+1), spillAt: []uint32{0}, spill: t.spill}
	for r := range n {
		ch := &t.chunks[r>>chunkBits]
		a := t.at[r]
		pc.lines0[r] = uint32(t.Lines[r] - 1)
		pc.ends[r+1] = uint32(t.chunks[(r+1)>>chunkBits].cell + int(t.first[r+1]))
		if a>>formShift == wide {
			pc.marks[r] = a &^ offMask
			pc.spillAt = append(pc.spillAt, uint32(t.spillAt[ch.spill+int(a&offMask)+1]))
			continue
		}
		anchor := ch.text*textStride + ch.base + int(a&offMask)
		if anchor > offMask {
			return nil // a piece of a gigabyte: not one to send
		}
		pc.marks[r] = a&^offMask | uint32(anchor)
	}
	pc.cells = t.cells[:pc.ends[n]]
	return pc
}

// pieceMagic opens a piece's bytes (Piece.Bytes): "RWP1".
const pieceMagic = 0x31505752

// pieceHead is the words before a piece's rows: the magic, comma, start,
// stop, valid, lines, rows, cells, wide rows, spilt cells, their bytes,
// and delims, nl and cr in two words each.
const pieceHead = 17

// Bytes writes the piece for another engine, in little-endian words: the
// head, the rows' marks, lines and ends, the wide rows' spillAt, the
// spilt cells' lengths, then the cells' entries in 16-bit words and the
// spilt cells' bytes.
func (pc *Piece) Bytes() []byte { return pc.appendTo(nil) }

// appendTo appends the piece's bytes (Bytes) to out.
func (pc *Piece) appendTo(out []byte) []byte {
	n, m, k := len(pc.marks), len(pc.cells), len(pc.spillAt)-1
	size := 0
	for _, c := range pc.spill {
		size += len(c)
	}
	w := slices.Grow(out, 4*(pieceHead+3*n+1+k+1+len(pc.spill))+2*m+size)
	for _, v := range []uint32{pieceMagic, uint32(pc.comma), uint32(pc.start), uint32(pc.stop), uint32(pc.valid),
		uint32(pc.lines), uint32(n), uint32(m), uint32(k), uint32(len(pc.spill)), uint32(size),
		uint32(pc.delims), uint32(pc.delims >> 32), uint32(pc.nl), uint32(pc.nl >> 32), uint32(pc.cr), uint32(pc.cr >> 32)} {
		w = bin.LittleEndian.AppendUint32(w, v)
	}
	for _, list := range [][]uint32{pc.marks, pc.lines0, pc.ends, pc.spillAt} {
		if littleEndian && len(list) > 0 {
			w = append(w, unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(list))), 4*len(list))...)
			continue
		}
		for _, v := range list {
			w = bin.LittleEndian.AppendUint32(w, v)
		}
	}
	for _, c := range pc.spill {
		w = bin.LittleEndian.AppendUint32(w, uint32(len(c)))
	}
	if littleEndian && m > 0 {
		w = append(w, unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(pc.cells))), 2*m)...)
	} else {
		for _, v := range pc.cells {
			w = bin.LittleEndian.AppendUint16(w, v)
		}
	}
	for _, c := range pc.spill {
		w = append(w, c...)
	}
	return w
}

var errPiece = errors.New("not a parsed piece")

// PieceFrom reads a piece written by Bytes, checking that its rows are
// within it: their places ascend within [start, stop), their lines do not
// go back, their entries are within the piece's cells, and their last
// entry within the piece's bytes. The piece keeps
// b: its lists are b's bytes seen as words, where the machine's words
// are little-endian and b is aligned to them, and its spilt cells are
// strings of b's bytes; b must not change after.
func PieceFrom(b []byte) (*Piece, error) {
	if len(b) < 4*pieceHead {
		return nil, errPiece
	}
	word := func(i int) uint32 { return bin.LittleEndian.Uint32(b[4*i:]) }
	long := func(i int) int64 { return int64(word(i)) | int64(word(i+1))<<32 }
	if word(0) != pieceMagic {
		return nil, errPiece
	}
	pc := &Piece{comma: byte(word(1)), start: int(word(2)), stop: int(word(3)), valid: int(word(4)), lines: int(word(5)),
		delims: long(11), nl: long(13), cr: long(15)}
	n, m, k, spilt, size := int(word(6)), int(word(7)), int(word(8)), int(word(9)), int(word(10))
	if n > len(b)/12 || m > len(b)/2 || k > n || spilt > len(b)/4 || size > len(b) ||
		len(b) != 4*(pieceHead+3*n+1+k+1+spilt)+2*m+size ||
		pc.start < 1 || pc.stop < pc.start || pc.valid < pc.stop || pc.valid > offMask ||
		pc.lines < 0 || pc.delims < 0 || pc.nl < 0 || pc.cr < 0 {
		return nil, errPiece
	}
	view := littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%4 == 0
	at := 4 * pieceHead
	list := func(k int) []uint32 {
		if view {
			out := unsafe.Slice((*uint32)(unsafe.Pointer(&b[at])), k)
			at += 4 * k
			return out
		}
		out := make([]uint32, k)
		for i := range out {
			out[i] = bin.LittleEndian.Uint32(b[at:])
			at += 4
		}
		return out
	}
	pc.marks, pc.lines0, pc.ends, pc.spillAt = list(n), list(n), list(n+1), list(k+1)
	lens := list(spilt)
	if view {
		pc.cells = unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(b[at:]))), m)
		at += 2 * m
	} else {
		pc.cells = make([]uint16, m)
		for i := range pc.cells {
			pc.cells[i] = bin.LittleEndian.Uint16(b[at:])
			at += 2
		}
	}
	all := unsafe.String(unsafe.SliceData(b[at:]), len(b)-at)
	pc.spill = make([]string, spilt)
	for i, l := range lens {
		if int(l) > len(all) {
			return nil, errPiece
		}
		pc.spill[i], all = all[:l], all[l:]
	}
	if pc.ends[0] != 0 || int(pc.ends[n]) != m || pc.spillAt[0] != 0 || int(pc.spillAt[k]) != spilt || len(all) != 0 {
		return nil, errPiece
	}
	for i := range k {
		if pc.spillAt[i+1] < pc.spillAt[i] {
			return nil, errPiece
		}
	}
	last, j := -1, 0 // the last narrow row's place; the wide rows so far
	for r := range n {
		if int(pc.lines0[r]) > pc.lines || (r > 0 && pc.lines0[r] < pc.lines0[r-1]) || pc.ends[r+1] < pc.ends[r] || int(pc.ends[r+1]) > m {
			return nil, errPiece
		}
		a, form := int(pc.marks[r]&offMask), pc.marks[r]>>formShift
		if form == wide {
			if j >= k || a != 0 || pc.ends[r+1] != pc.ends[r] {
				return nil, errPiece
			}
			j++
			continue
		}
		if (form != spaced && form != paired) || a >= pc.stop-pc.start || a <= last || pc.ends[r+1] <= pc.ends[r] ||
			(form == paired && (pc.ends[r+1]-pc.ends[r])%2 != 0) {
			return nil, errPiece
		}
		last = a
		// The row's last entry is within the piece. (Each entry is not
		// checked: the engine's own parser wrote them, a check of each
		// was half of the engine's time with a piece, and a cell read
		// out of its row's bounds is caught by Go's.)
		if int(pc.cells[pc.ends[r+1]-1]) > pc.stop-pc.start-a {
			return nil, errPiece
		}
	}
	if j != k {
		return nil, errPiece
	}
	return pc, nil
}

// Comma is the delimiter the stream parses with, once it has begun (0
// before, or once it has given up): the one a second engine parses the
// stream's pieces with (ParsePiece).
func (st *Stream) Comma() byte {
	if st == nil || st.p == nil {
		return 0
	}
	return st.p.comma
}

// FedParsed is Fed for a piece another engine parsed: b is the stream's
// array up to the piece's end, the piece's bytes being b[at:], and pc
// what ParsePiece made of them. The stream parses up to the piece's first
// line break itself; when its parse ends exactly there, it adds pc's rows
// as its own parse of the piece would have, and goes on past them; else
// (a record with a line break in a quoted field spans it, the parse has
// not begun, or pc is nil) it parses the piece itself, as Fed. It tells
// whether it took pc's rows.
func (st *Stream) FedParsed(b []byte, at int, pc *Piece) bool {
	if pc == nil || !st.take(b) || st.p == nil || !st.p.sized || pc.comma != st.p.comma || at-st.off != st.seen ||
		at+pc.valid > len(b) || bytes.IndexByte(b[at:at+pc.start], '\n') != pc.start-1 {
		st.Fed(b)
		return false
	}
	p := st.p
	text := b[st.off:]
	from := at - st.off // the piece's start in the text
	first := from + pc.start
	st.searched += pc.start
	st.seen, st.limit = first, first
	if first > p.pos {
		st.parse(first)
	}
	// The piece's rows fit as narrow rows unless a row would be too far
	// past its chunk's base (after a wide row of a gigabyte): the rows of
	// the chunk under way, and chunks that start in the piece, which is
	// within offMask bytes (PieceFrom).
	t := p.t
	ch := &t.chunks[len(t.at)>>chunkBits]
	if st.done || p.pos != first || (ch.base >= 0 && first+pc.stop-(ch.text*textStride+ch.base) > offMask) {
		st.Fed(b) // from first on, as if the piece were not parsed
		return false
	}
	// The piece's rows, as run would add them, their cell entries at once.
	n := len(pc.marks)
	cell0 := len(t.cells)
	t.cells = append(t.cells, pc.cells...)
	for cap(t.at)-len(t.at) < n {
		t.regrow()
	}
	j := 0 // the piece's wide rows so far
	for r, mark := range pc.marks {
		line, end := p.line+int(pc.lines0[r]), cell0+int(pc.ends[r+1])
		if mark>>formShift == wide {
			t.spill = append(t.spill, pc.spill[pc.spillAt[j]:pc.spillAt[j+1]]...)
			t.addWideAt(line, end)
			j++
			continue
		}
		ch := &t.chunks[len(t.at)>>chunkBits]
		anchor := first + int(mark&offMask)
		if ch.base < 0 {
			k := anchor / textStride
			ch.text, ch.base = k, anchor-k*textStride
		}
		t.at = append(t.at, mark&^offMask|uint32(anchor-ch.text*textStride-ch.base))
		t.nextAt(line, end)
	}
	st.merged++
	p.delims += pc.delims
	p.nl += pc.nl
	p.cr += pc.cr
	p.line += pc.lines
	p.pos = from + pc.stop
	st.valid = max(st.valid, from+pc.valid)
	st.searched += len(text) - first
	st.seen, st.limit = len(text), from+pc.valid
	if err := p.counted(); err != nil {
		st.stop() // past a bound: Read words it
		return true
	}
	if st.Progress != nil && p.pos >= p.nextReport {
		st.Progress(int64(p.pos), int64(len(p.s)))
		p.nextReport = p.pos + 1<<20
	}
	if st.limit > p.pos {
		st.parse(st.limit) // the record the piece left open
	}
	return true
}
