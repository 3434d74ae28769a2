package xlsx

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
	"unsafe"

	"retention/app/limits"
)

// fastRows reads, from the scanner's buffer, the rows and cells of
// sheetData written as spreadsheet programs write them, each piece told
// by its first bytes:
//
//	<row r="2" (any attributes)>   <row>      a row's start
//	<c r="A2" s="0" t="s">         <c .../>   a cell's start (see plainCell)
//	<v>text</v></c>                           its value
//	<f>text</f><v>text</v></c>                a formula and its value
//	<is><t>text</t></is></c>                  an inline string
//	</row>                                    a row's end
//
// It stops at anything else (and at a piece cut by the buffer's end),
// leaving the scanner at that piece's first byte for scanSheet to read
// as a mark; a cell whose start it read and whose body is written
// otherwise it leaves open (st.inCell). Each piece it reads
// changes st, calls fn and fails exactly as its marks do in scanSheet
// (startMark, endMark, textMark), which TestScanSheetPlainPath and
// FuzzSheetXML check against the general tokenizer.
//
// scanSheet calls it inside sheetData when no cell, value or inline
// string is open. It is the loop over a worksheet's bulk: it jumps from
// '<' to '<' and calls, for a plain cell, plainCell alone (in WebAssembly
// a call costs).
func (w *Workbook) fastRows(sc *scanner, st *sheetState, fn func(int, []string) error) error {
	b, p := sc.buf, sc.pos
	defer func() { sc.pos = p }()
	for {
		if len(b)-p < minPiece {
			return nil // the buffer's last bytes: scanSheet reads them, filling it
		}
		if b[p] != '<' {
			// Text between tags, outside values: nothing to keep.
			i := bytes.IndexByte(b[p:], '<')
			if i < 0 {
				return nil
			}
			p += i
			continue
		}
		switch b[p+1] {
		case 'c':
			if !st.inRow {
				return nil
			}
			k, err := w.plainCell(b, p, st)
			if k < 0 || err != nil {
				return err
			}
			p = k
			if st.inCell {
				return nil
			}
		case '/':
			if len(b)-p < len("</row>") || word(b, p)&0xFFFF_FFFF_FFFF != rowEndWord {
				return nil
			}
			p += len("</row>")
			if st.inRow {
				if err := st.endRow(fn); err != nil {
					return err
				}
			}
		case 'r':
			k, r, row, selfClosing, ok := rowStart(b, p)
			if !ok {
				return nil
			}
			p = k
			if row < 1 || row > limits.ExcelRows {
				if err := st.startRow(r, selfClosing); err != nil {
					return err
				}
				continue
			}
			// A row of a valid number begins as startRow begins it.
			st.rowNum, st.col, st.inRow, st.inCell = row, -1, !selfClosing, false
			st.cells = st.cells[:0]
		default:
			return nil
		}
	}
}

// minPiece is the fewest bytes fastRows reads from: with fewer left in
// the buffer, scanSheet reads on (and fills it). It bounds no piece's
// size: each piece's reader checks its own bytes.
const minPiece = 16

// rowEndWord is "</row>" as the low six bytes of a word (see word).
const rowEndWord = '<' | '/'<<8 | 'r'<<16 | 'o'<<24 | 'w'<<32 | '>'<<40

// plainCell reads the cell at b[p] (b[p:p+2] is "<c") when its start tag
// has attributes r, s and t, each at most once and in that order, written
// ` k="v"` with a value of fewer than eight bytes (or t="inlineStr"), as
// startMark reads it: it sets the column and, for a self-closing tag,
// nothing else. (Excel, LibreOffice and the libraries that write
// workbooks write cells so.) A body <v>text</v></c> with no '&' in the
// text, after a formula or not (formulaEnd), or an inline string
// (inlineString), it reads too, as the marks of the body and the cell's
// end, and sets the cell's text as setValue does; it leaves any other
// body open for scanSheet (st.inCell, with the value's kind and style).
// k is the index after what it read, -1 (and nothing read) for a start
// tag written otherwise.
//
// It calls nothing and loops nowhere for a cell whose value is a shared
// string or a cached text (texts) and whose column follows the row's
// last: each attribute's value is read as the word at its start (see
// word), its bytes told by byte masks (inRange). In WebAssembly a call
// spills what the caller holds and returns through the function's jump
// table, as each turn of a loop does.
func (w *Workbook) plainCell(b []byte, p int, st *sheetState) (k int, err error) {
	const (
		attrR = ' ' | 'r'<<8 | '='<<16 | '"'<<24 // ` r="` as a word's low four bytes
		attrS = ' ' | 's'<<8 | '='<<16 | '"'<<24
		attrT = ' ' | 't'<<8 | '='<<16 | '"'<<24
		four  = 0xFFFF_FFFF
	)
	var (
		hasR   bool
		col    = -1 // the column of a reference written [A-Z]{1,3}[0-9]*, else -1
		r0, r1 int  // the reference's bounds
		kind   = uint8(valNumber)
		style  int
	)
	k = p + 2
	if k+12 > len(b) {
		return -1, nil
	}
	x := word(b, k)
	if x&four == attrR {
		y, n := attrValue(b, k)
		if n < 0 {
			return -1, nil
		}
		// As colIndex reads it, when written [A-Z]{1,3}[0-9]*.
		hasR, r0, r1 = true, k+4, k+4+n
		if l := leadingLetters(y); l >= 1 && l <= 3 && allDigits(y, l, n) {
			if c := lettersColumn(y, l); c <= maxColumns {
				col = c - 1
			}
		}
		if k += 4 + n + 1; k+12 > len(b) {
			return -1, nil
		}
		x = word(b, k)
	}
	if x&four == attrS {
		y, n := attrValue(b, k)
		if n < 0 {
			return -1, nil
		}
		// As atoi reads it, 0 when it fails.
		if n > 0 && allDigits(y, 0, n) {
			style = digitsValue(y, n)
		}
		if k += 4 + n + 1; k+12 > len(b) {
			return -1, nil
		}
		x = word(b, k)
	}
	if x&four == attrT {
		y, n := attrValue(b, k)
		if n < 0 {
			// Of the longer kinds, "inlineStr" alone.
			if y != inlineStWord || len(b)-k < 14 || b[k+12] != 'r' || b[k+13] != '"' {
				return -1, nil
			}
			kind, n = valText, len("inlineStr")
		} else if n == 1 {
			kind = letterKind(byte(y))
		} else if n > 1 {
			kind = valueKind(b[k+4 : k+4+n])
		}
		if k += 4 + n + 1; k+12 > len(b) {
			return -1, nil
		}
		x = word(b, k)
	}
	// The tag's end, and whether the body <v>text</v></c> may follow.
	const vBody = '>' | '<'<<8 | 'v'<<16 | '>'<<24 // ">" then "<v>"
	open, plain := byte(x) == '>', x&four == vBody
	switch {
	case open:
		k++
	case x&0xFFFF == '/'|'>'<<8:
		k += 2
	default:
		return -1, nil
	}
	switch {
	case hasR && col >= 0:
		st.col = col
	case !hasR && st.col+1 < maxColumns:
		st.col++
	default: // a reference written otherwise, or past the last column
		var r []byte
		if hasR {
			r = b[r0:r1]
		}
		if err := st.column(r); err != nil {
			return k, err
		}
	}
	if !open {
		return k, nil
	}
	vAt := k // where <v> begins
	if !plain {
		// A formula before the value, or an inline string.
		if vAt = formulaEnd(b, k); vAt < 0 || len(b)-vAt < 16 || word(b, vAt)&0xFF_FFFF != '<'|'v'<<8|'>'<<16 {
			return w.inlineString(b, k, st, kind, style)
		}
	}

	// The text's end, found eight bytes at a time from the word at its
	// start (first, within the 12 bytes the tag's end was read with, or
	// the 16 after a formula).
	vs, ve := vAt+3, vAt+3
	first := word(b, vs)
	z := first
	for m := hasByte(z, '<') | hasByte(z, '&'); ; m = hasByte(z, '<') | hasByte(z, '&') {
		if m != 0 {
			ve += bits.TrailingZeros64(m) / 8
			break
		}
		if ve += 8; len(b)-ve < 8 {
			return w.leaveOpen(st, k, kind, style)
		}
		z = word(b, ve)
	}
	if b[ve] == '&' || len(b)-ve < 8 || word(b, ve) != closeWord {
		return w.leaveOpen(st, k, kind, style)
	}
	end := ve + len("</v></c>")
	n := ve - vs
	if int64(n) > w.limits.Cell {
		return end, &limits.Error{Code: limits.Cell, Limit: w.limits.Cell, Figure: int64(n)}
	}

	// The text: a shared string's index of fewer than eight digits, or
	// a text cached (texts), read here (else setValue). The word at the
	// text's start holds its end's bytes, "</v></c>", after it: no load
	// reads past the buffer.
	var (
		s     string
		found bool
	)
	if kind == valShared {
		if n > 0 && n < 8 && allDigits(first, 0, n) {
			if i := digitsValue(first, n); i < len(w.sst) {
				s, found = w.sst[i], true
			}
		}
	} else if n <= 16 {
		w0 := first & lowBytes(min(n, 8))
		var w1 uint64
		if n > 8 {
			w1 = word(b, vs+8) & lowBytes(n-8)
		}
		c := st.texts.slot(w0, w1, n, kind, style)
		if found = c.w0 == w0 && c.w1 == w1 && int(c.n) == n && c.kind == kind && c.style == style; found {
			s = c.text
		} else if kind == valNumber && (style == 0 || style >= len(w.dateXF) || w.dateXF[style] == kindNumber) &&
			n > 0 && b[vs] > ' ' && b[vs] < utf8.RuneSelf && b[ve-1] > ' ' && b[ve-1] < utf8.RuneSelf {
			// A number that is not a date, with nothing to trim (no
			// space, ASCII or other, at its ends): its text is itself,
			// as cellText makes it.
			s = string(b[vs:ve])
			*c = textSlot{w0: w0, w1: w1, n: uint8(n), kind: kind, style: style, text: s}
			found = true
		}
	}
	if !found {
		return end, w.setValue(st, kind, style, b[vs:ve])
	}
	if s == "" {
		return end, nil
	}
	if col := st.col; col == len(st.cells) && col < cap(st.cells) {
		// The row's next cell: its string is written only when it is
		// not the last row's (see setCell).
		st.cells = st.cells[:col+1]
		if c := st.cells[col]; len(c) != len(s) || unsafe.StringData(c) != unsafe.StringData(s) {
			st.cells[col] = s
		}
		return end, nil
	}
	st.cells = setCell(st.cells, st.col, s)
	return end, nil
}

// attrValue reads the value of the attribute written ` k="v"` at b[k]
// (12 bytes at least): the word y at its start and its length n, -1 when
// the word does not hold its closing quote.
func attrValue(b []byte, k int) (y uint64, n int) {
	y = word(b, k+4)
	q := hasByte(y, '"')
	if q == 0 {
		return y, -1
	}
	return y, bits.TrailingZeros64(q) / 8
}

// closeWord is "</v></c>" as a word (see word).
var closeWord = binary.LittleEndian.Uint64([]byte("</v></c>"))

// inlineStWord is "inlineSt" as a word (see word): the t of an inline
// string, but for its last byte.
var inlineStWord = binary.LittleEndian.Uint64([]byte("inlineSt"))

// formulaEnd returns the index after a cell's formula at b[k] written
// <f>text</f>, with attributes (<f t="shared" ref="A2:A9" si="0">) or
// self-closing (<f t="shared" si="0"/>), as its marks end it; -1 for any
// other (a '<' in the text, a tag that plainTagEnd does not read). Its
// text is not the cell's value: scanSheet keeps none of it.
func formulaEnd(b []byte, k int) int {
	if len(b)-k < 8 || b[k] != '<' || b[k+1] != 'f' {
		return -1
	}
	i := k + 2
	switch b[i] {
	case '>':
		i++
	case ' ', '/':
		end := plainTagEnd(b, i)
		if end < 0 {
			return -1
		}
		if b[end-1] == '/' {
			return end + 1
		}
		i = end + 1
	default:
		return -1
	}
	j := bytes.IndexByte(b[i:], '<')
	if j < 0 || len(b)-(i+j) < len("</f>") || string(b[i+j:i+j+len("</f>")]) != "</f>" {
		return -1
	}
	return i + j + len("</f>")
}

// inlineString reads a cell's body <is><t>text</t></is></c> at b[k], with
// no '&' in the text, as its marks set the cell's value (startMark,
// textMark, endMark: the text is the value, of the cell's kind); it
// leaves any other body open (leaveOpen).
func (w *Workbook) inlineString(b []byte, k int, st *sheetState, kind uint8, style int) (int, error) {
	const open, close = "<is><t>", "</t></is></c>"
	if st.skipRPh != 0 || len(b)-k < 8 || word(b, k)&lowBytes(len(open)) != isOpenWord {
		return w.leaveOpen(st, k, kind, style) // (a phonetic run left open keeps the text out)
	}
	vs := k + len(open)
	n := bytes.IndexByte(b[vs:], '<')
	if n < 0 || bytes.IndexByte(b[vs:vs+n], '&') >= 0 {
		return w.leaveOpen(st, k, kind, style)
	}
	ve := vs + n
	if len(b)-ve < 16 || word(b, ve) != isCloseWord || word(b, ve+8)&lowBytes(len(close)-8) != isCloseWord2 {
		return w.leaveOpen(st, k, kind, style)
	}
	if int64(n) > w.limits.Cell {
		return ve, &limits.Error{Code: limits.Cell, Limit: w.limits.Cell, Figure: int64(n)}
	}
	st.inT = false // as </t> leaves it, were it left open before
	return ve + len(close), w.setValue(st, kind, style, b[vs:ve])
}

// An inline string's start and end as words (see word): "<is><t>" in the
// low seven bytes, "</t></is" and "></c>" in the low five.
var (
	isOpenWord   = binary.LittleEndian.Uint64([]byte("<is><t>\x00"))
	isCloseWord  = binary.LittleEndian.Uint64([]byte("</t></is"))
	isCloseWord2 = binary.LittleEndian.Uint64([]byte("></c>\x00\x00\x00"))
)

// leaveOpen leaves a cell whose body is not <v>text</v></c> open at k, for
// scanSheet to read its marks.
func (w *Workbook) leaveOpen(st *sheetState, k int, kind uint8, style int) (int, error) {
	st.kind, st.style = kind, style
	st.val, st.hasVal, st.inCell = st.val[:0], false, true
	return k, nil
}

// Byte masks of the word-at-a-time reads: every byte 0x01, every byte's
// low seven bits, every byte's high bit.
const (
	ones  = 0x0101010101010101
	lows7 = 0x7F7F7F7F7F7F7F7F
	highs = 0x8080808080808080
)

// hasByte returns the word x with the high bit set in exactly those bytes
// that are c, as package sheet's countByteWords finds them: y = x XOR
// c·ones has a zero byte where x has c, and
//
//	^(((y & lows7) + lows7) | y | lows7)
//
// has its high bit set in those bytes (the sum carries into a byte's
// high bit unless its low seven bits are zero, and y's own high bit rules
// out 0x80).
func hasByte(x uint64, c byte) uint64 {
	y := x ^ (ones * uint64(c))
	return ^(((y & lows7) + lows7) | y | lows7)
}

// inRange returns the word x with the high bit set in exactly those bytes
// that are from lo to hi (lo <= hi < 0x80): with x7 = x & lows7, a byte
// of x7 + (0x80-lo)·ones has its high bit set when the byte is lo or
// more, one of x7 + (0x7F-hi)·ones when it is more than hi (no sum
// carries out of its byte), and x's own high bit rules out bytes of 0x80
// and more.
func inRange(x uint64, lo, hi byte) uint64 {
	x7 := x & lows7
	return (x7 + ones*uint64(0x80-lo)) &^ (x7 + ones*uint64(0x7F-hi)) &^ x & highs
}

// lowBytes is the mask of a word's first n bytes (n <= 8).
func lowBytes(n int) uint64 { return 1<<(8*n) - 1 }

// allDigits tells whether the bytes from i to n (i <= n <= 8) of the word
// y are all ASCII digits.
func allDigits(y uint64, i, n int) bool {
	m := lowBytes(n) &^ lowBytes(i) & highs
	return inRange(y, '0', '9')&m == m
}

// leadingLetters is how many of the word y's first bytes are capital
// letters A to Z.
func leadingLetters(y uint64) int {
	return bits.TrailingZeros64(^inRange(y, 'A', 'Z')&highs) / 8
}

// lettersColumn is the column number (A = 1) of the l letters (1 <= l <=
// 3, capitals) that begin the word y, as colIndex sums them.
func lettersColumn(y uint64, l int) int {
	c := int(byte(y)) - 'A' + 1
	if l > 1 {
		c = c*26 + int(byte(y>>8)) - 'A' + 1
	}
	if l > 2 {
		c = c*26 + int(byte(y>>16)) - 'A' + 1
	}
	return c
}

// digitsValue is the number written by the n digits (0 < n < 8, see
// allDigits) that begin the word y. Their values, put in the word's last
// n bytes (the first digit the most significant), are summed in pairs,
// fours and eights:
//
//	x = (x·10 + x>>8) & 0x00FF00FF00FF00FF
//	x = (x·100 + x>>16) & 0x0000FFFF0000FFFF
//	x = (x·10000 + x>>32) & 0xFFFFFFFF
func digitsValue(y uint64, n int) int {
	x := (y & 0x0F0F0F0F0F0F0F0F) << (64 - 8*n)
	x = (x*10 + x>>8) & 0x00FF00FF00FF00FF
	x = (x*100 + x>>16) & 0x0000FFFF0000FFFF
	return int((x*10000 + x>>32) & 0xFFFFFFFF)
}

// letterKind is the kind of value (valueKind) of a t attribute of one
// letter c.
func letterKind(c byte) uint8 {
	switch c {
	case 's':
		return valShared
	case 'e':
		return valText
	case 'b':
		return valBool
	case 'd':
		return valDate
	}
	return valNumber
}

// rowStart reads the row start tag at b[p] when it is "<row>" or its
// first attribute is r, written ` r="v"` with a value of fewer than eight
// bytes: r is that value (nil for "<row>") and row the number it writes
// (atoi), -1 when it is none; k is the index after the tag. The rest of
// the tag is only looked through for its end (plainTagEnd): a row reads
// no other attribute. ok is false for any other tag.
func rowStart(b []byte, p int) (k int, r []byte, row int, selfClosing, ok bool) {
	const open = ' ' | 'r'<<8 | '='<<16 | '"'<<24 // ` r="`
	if len(b)-p < 16 || b[p+2] != 'o' || b[p+3] != 'w' {
		return 0, nil, -1, false, false
	}
	x := word(b, p+4)
	switch {
	case byte(x) == '>':
		return p + 5, nil, -1, false, true
	case x&0xFFFF_FFFF != open:
		return 0, nil, -1, false, false
	}
	y, n := attrValue(b, p+4)
	if n < 0 {
		return 0, nil, -1, false, false
	}
	row = -1
	if n > 0 && allDigits(y, 0, n) {
		row = digitsValue(y, n)
	}
	end := plainTagEnd(b, p+8+n+1)
	if end < 0 {
		return 0, nil, -1, false, false
	}
	return end + 1, b[p+8 : p+8+n], row, b[end-1] == '/', true
}

// plainTagEnd returns the index of the '>' that ends a tag whose bytes
// from k on lie outside any quoted value, when no apostrophe comes before
// it and an even number of '"' do (so that '>' too is outside the values,
// as tagEnd tells); else -1, and the general tokenizer reads the tag. It
// reads eight bytes at a time (see word and hasByte), four words a turn
// while no '>' comes (in WebAssembly each turn of a loop costs: see
// plainCell).
func plainTagEnd(b []byte, k int) int {
	quotes := 0
	var apostrophes uint64
	for ; len(b)-k >= 32; k += 32 {
		x0, x1, x2, x3 := word(b, k), word(b, k+8), word(b, k+16), word(b, k+24)
		if hasByte(x0, '>')|hasByte(x1, '>')|hasByte(x2, '>')|hasByte(x3, '>') != 0 {
			break
		}
		apostrophes |= hasByte(x0, '\'') | hasByte(x1, '\'') | hasByte(x2, '\'') | hasByte(x3, '\'')
		quotes += bits.OnesCount64(hasByte(x0, '"')) + bits.OnesCount64(hasByte(x1, '"')) +
			bits.OnesCount64(hasByte(x2, '"')) + bits.OnesCount64(hasByte(x3, '"'))
	}
	if apostrophes != 0 {
		return -1
	}
	for ; len(b)-k >= 8; k += 8 {
		x := word(b, k)
		gt, ap, qu := hasByte(x, '>'), hasByte(x, '\''), hasByte(x, '"')
		if gt == 0 {
			if ap != 0 {
				return -1
			}
			quotes += bits.OnesCount64(qu)
			continue
		}
		before := gt&-gt - 1 // the bits of the bytes before the first '>'
		quotes += bits.OnesCount64(qu & before)
		if ap&before != 0 || quotes%2 != 0 {
			return -1
		}
		return k + bits.TrailingZeros64(gt)/8
	}
	return -1
}
