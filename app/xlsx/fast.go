package xlsx

import (
	"bytes"
	"encoding/binary"
	"math/bits"

	"retention/app/limits"
)

// fastRows reads, from the scanner's buffer, the rows and cells of
// sheetData written as spreadsheet programs write them, each piece told
// by its first bytes:
//
//	<row r="2" (any attributes)>   <row>      a row's start
//	<c r="A2" s="0" t="s">         <c .../>   a cell's start (see plainCell)
//	<v>text</v></c>                           its value
//	</row>                                    a row's end
//
// It stops at anything else (and at a piece cut by the buffer's end),
// leaving the scanner at that piece's first byte for scanSheet to read
// as a mark; a cell whose start it read and whose body is not
// <v>text</v></c> it leaves open (st.inCell). Each piece it reads
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
			k, r, selfClosing, ok := rowStart(b, p)
			if !ok {
				return nil
			}
			p = k
			if err := st.startRow(r, selfClosing); err != nil {
				return err
			}
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
// has only r, s and t attributes, each written ` k="v"`, as startMark
// reads it: it sets the column and, for a self-closing tag, nothing
// else. A body <v>text</v></c> with no '&' in the text it reads too, as
// the marks of the value and the cell's end; it leaves any other body
// open for scanSheet (st.inCell, with the value's kind and style). k is
// the index after what it read, -1 (and nothing read) for a start tag
// written otherwise.
//
// An attribute's value is read as the word at its start (see word): the
// bytes before its closing quote, when the word holds it, are told by
// byte masks and read without a loop (refColumn, styleOf, kindOf); in
// WebAssembly, where Go's each loop turn goes through its function's
// jump table, that is what makes a cell quick to read.
func (w *Workbook) plainCell(b []byte, p int, st *sheetState) (k int, err error) {
	var (
		hasR   bool
		col    = -1 // the column of a reference written [A-Z]{1,3}[0-9]*, else -1
		r0, r1 int  // the last r's bounds
		kind   = uint8(valNumber)
		style  int
	)
	k = p + 2
	for {
		if k+4+8 > len(b) {
			return -1, nil
		}
		x := word(b, k)
		if c := byte(x); c == '>' || c == '/' {
			break
		}
		if x&0xFFFF_00FF != ' '|'='<<16|'"'<<24 {
			return -1, nil
		}
		v0 := k + 4
		y := word(b, v0)
		n := 8 // the value's length, 8 when the word does not hold it
		if q := hasByte(y, '"'); q != 0 {
			n = bits.TrailingZeros64(q) / 8
		} else {
			for n = 8; v0+n < len(b) && b[v0+n] != '"'; n++ {
			}
			if v0+n == len(b) {
				return -1, nil
			}
		}
		switch byte(x >> 8) {
		case 'r':
			hasR, r0, r1, col = true, v0, v0+n, refColumn(y, n)
		case 's':
			style = styleOf(y, n, b[v0:v0+n])
		case 't':
			kind = kindOf(y, n, b[v0:v0+n])
		default:
			return -1, nil
		}
		k = v0 + n + 1
	}
	open := b[k] == '>'
	if !open && b[k+1] != '>' {
		return -1, nil
	}
	k += 2
	if open {
		k--
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
	vs, ve, end := plainBody(b, k)
	if end < 0 {
		st.kind, st.style = kind, style
		st.val, st.hasVal, st.inCell = st.val[:0], false, true
		return k, nil
	}
	val := b[vs:ve]
	if int64(len(val)) > w.limits.Cell {
		return end, &limits.Error{Code: limits.Cell, Limit: w.limits.Cell, Figure: int64(len(val))}
	}
	return end, w.setValue(st, kind, style, val)
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

// lowBytes is the mask of a word's first n bytes (n < 8).
func lowBytes(n int) uint64 { return 1<<(8*n) - 1 }

// refColumn reads the column of a cell reference whose n bytes (n < 8,
// else none) begin the word y: one to three letters A to Z, then digits
// only, as colIndex reads it; -1 for any other reference (colIndex tells
// whether it is valid).
func refColumn(y uint64, n int) int {
	if n >= 8 {
		return -1
	}
	letters := bits.TrailingZeros64(^inRange(y, 'A', 'Z')&highs) / 8
	digits := lowBytes(n) &^ lowBytes(letters) & highs
	if letters == 0 || letters > 3 || inRange(y, '0', '9')&digits != digits {
		return -1
	}
	c := int(byte(y)) - 'A' + 1
	if letters > 1 {
		c = c*26 + int(byte(y>>8)) - 'A' + 1
	}
	if letters > 2 {
		c = c*26 + int(byte(y>>16)) - 'A' + 1
	}
	if c > maxColumns {
		return -1
	}
	return c - 1
}

// styleOf reads a cell's style index v, as startMark does (atoi, 0 when
// it fails), from the word y that it begins when its n bytes fit (n < 8).
func styleOf(y uint64, n int, v []byte) int {
	if n >= 8 {
		s, _ := atoi(v)
		return s
	}
	if n == 0 || inRange(y, '0', '9')&lowBytes(n)&highs != lowBytes(n)&highs {
		return 0
	}
	s := int(byte(y)) - '0'
	for i := 1; i < n; i++ {
		s = s*10 + int(byte(y>>(8*i))) - '0'
	}
	return s
}

// kindOf returns the kind of a cell's value from its t attribute's n
// bytes v, which begin the word y, as valueKind does: a kind of one letter
// without a call.
func kindOf(y uint64, n int, v []byte) uint8 {
	if n != 1 {
		return valueKind(v)
	}
	switch byte(y) {
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

// plainBody finds, at b[k], the body <v>text</v></c> with no '&' in the
// text: the text is b[vs:ve] and the body ends at end; end is -1 for
// any other body (or one cut by the buffer's end). It looks for the
// text's end eight bytes at a time.
func plainBody(b []byte, k int) (vs, ve, end int) {
	const open, close = "<v>", "</v></c>"
	if len(b)-k < 8 || word(b, k)&0xFF_FFFF != '<'|'v'<<8|'>'<<16 {
		return 0, 0, -1
	}
	vs = k + len(open)
	for ve = vs; ; ve += 8 {
		if len(b)-ve < 8 {
			return 0, 0, -1
		}
		x := word(b, ve)
		if m := hasByte(x, '<') | hasByte(x, '&'); m != 0 {
			ve += bits.TrailingZeros64(m) / 8
			break
		}
	}
	if b[ve] == '&' || len(b)-ve < len(close) || word(b, ve) != closeWord {
		return 0, 0, -1
	}
	return vs, ve, ve + len(close)
}

// closeWord is "</v></c>" as a word (see word).
var closeWord = binary.LittleEndian.Uint64([]byte("</v></c>"))

// rowStart reads the row start tag at b[p] when it is "<row>" or its
// first attribute is r, written ` r="v"`: r is that value (nil for
// "<row>"), k the index after the tag. The rest of the tag is only
// looked through for its end (plainTagEnd): a row reads no other
// attribute. ok is false for any other tag.
func rowStart(b []byte, p int) (k int, r []byte, selfClosing, ok bool) {
	if len(b)-p < len("<row r=\"") || b[p+2] != 'o' || b[p+3] != 'w' {
		return 0, nil, false, false
	}
	switch {
	case b[p+4] == '>':
		return p + 5, nil, false, true
	case b[p+4] != ' ' || b[p+5] != 'r' || b[p+6] != '=' || b[p+7] != '"':
		return 0, nil, false, false
	}
	v0 := p + 8
	v1 := bytes.IndexByte(b[v0:], '"')
	if v1 < 0 {
		return 0, nil, false, false
	}
	v1 += v0
	end := plainTagEnd(b, v1+1)
	if end < 0 {
		return 0, nil, false, false
	}
	return end + 1, b[v0:v1], b[end-1] == '/', true
}

// plainTagEnd returns the index of the '>' that ends a tag whose bytes
// from k on lie outside any quoted value, when no apostrophe comes before it
// and an even number of '"' do (so that '>' too is outside the values, as
// tagEnd tells); else -1, and the general tokenizer reads the tag. It
// reads eight bytes at a time (see word and hasByte).
func plainTagEnd(b []byte, k int) int {
	quotes := 0
	for ; k+8 <= len(b); k += 8 {
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
