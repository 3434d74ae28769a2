package sheet

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unsafe"

	"retention/app/limits"
	"retention/app/report"
)

// formats names the text formats by delimiter.
var formats = map[byte]string{',': "csv", ';': "semicolon", '\t': "tsv", '|': "pipe", ' ': "whitespace"}

// sniffOrder is the order in which equally good delimiters win.
var sniffOrder = []byte{'\t', ';', ',', '|', ' '}

// readText reads delimited text into a Table.
func readText(name, s string, opt Options, l limits.Limits) (*Table, error) {
	if int64(len(s)) >= maxLine {
		if _, err := checkRows(s, l); err != nil {
			return nil, err
		}
		// Lines are int32: a text of 2 GiB or more may have more lines
		// (one for each \n and lone \r, and one more) than they count.
		if breaks := int64(countByte(s, '\n')) + int64(countByte(s, '\r')) + 1; breaks > maxLine {
			return nil, &limits.Error{Code: limits.Rows, Limit: maxLine, Figure: breaks}
		}
	}
	// The lines are counted as the text is parsed (parseWithin); a text
	// whose first sampleBytes pass the rows bound already is refused
	// before its delimiter is sniffed (sniffing parses them five times).
	if countLines(s[:min(len(s), sampleBytes)]) > l.Rows {
		if _, err := checkRows(s, l); err != nil {
			return nil, err
		}
	}
	comma := byte(0)
	if opt.Comma != 0 {
		if opt.Comma > 0x7f {
			return nil, errorf(ErrNotSpreadsheet, report.Error{Code: report.BadDelimiter, Value: string(opt.Comma)}, "The delimiter %q is not supported; use , ; | tab or space.", opt.Comma)
		}
		comma = byte(opt.Comma)
	} else {
		comma = sniff(s)
	}
	var t *Table
	if comma == ' ' {
		lines, err := checkRows(s, l)
		if err != nil {
			return nil, err
		}
		if err := checkCells(s, comma, lines, l); err != nil {
			return nil, err
		}
		t = parseText(s, comma, opt.Progress)
	} else {
		var err error
		if t, err = parseWithin(s, comma, opt.Progress, l); err != nil {
			return nil, err
		}
	}
	if err := t.named(name, comma, opt.NoHeader); err != nil {
		return nil, err
	}
	return t, nil
}

// named gives the table of a text delimited by comma its name, its
// format and its header.
func (t *Table) named(name string, comma byte, noHeader bool) error {
	t.Name, t.Format = name, formats[comma]
	if t.Format == "" {
		t.Format = "delimited"
	}
	return t.setHeader(noHeader)
}

// sniff picks the delimiter whose records have the most consistent field
// count (of two or more fields) over the first lines.
func sniff(s string) byte {
	sample := s
	if len(sample) > sampleBytes {
		sample = sample[:sampleBytes]
		if i := strings.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i]
		}
	}
	best, bestScore := byte(','), -1.0
	for _, c := range sniffOrder {
		rows := parseText(sample, c, nil)
		nrows := min(rows.Len(), 200)
		counts := map[int]int{}
		for r := range nrows {
			counts[rows.Width(r)]++
		}
		mode, modeN := 0, 0
		for n, k := range counts {
			if k > modeN || (k == modeN && n > mode) {
				mode, modeN = n, k
			}
		}
		if mode < 2 || nrows == 0 {
			continue
		}
		score := float64(modeN) / float64(nrows)
		if c == ' ' {
			if score < 0.95 {
				continue
			}
			score -= 0.01 // only when nothing else splits the lines as well
		}
		if score > bestScore+1e-9 {
			best, bestScore = c, score
		}
	}
	return best
}

// checkRows refuses text with more lines than l.Rows, and checkCells
// text with more cells than l.Cells: the delimiters and the lines. The
// counts are upper bounds (line breaks and delimiters inside quotes count
// too): the table's memory grows with them, about 12 bytes a row and 2 to
// 4 a cell, beside the text. checkRows returns the lines it counted, for
// checkCells. They count whitespace-separated text before it is parsed;
// text with another delimiter is counted as it is parsed (parseWithin),
// with no pass of its own over the text, and given up as soon as it is
// past a bound: its table grows to no more than the bound.
func checkRows(s string, l limits.Limits) (int64, error) {
	lines := countLines(s)
	if lines > l.Rows {
		return lines, &limits.Error{Code: limits.Rows, Limit: l.Rows, Figure: lines}
	}
	return lines, nil
}

func countLines(s string) int64 {
	lines := int64(countByte(s, '\n'))
	if lines == 0 {
		lines = int64(countByte(s, '\r'))
	}
	return lines + 1
}

func checkCells(s string, comma byte, lines int64, l limits.Limits) error {
	var fields int64
	if comma == ' ' {
		for i := 1; i < len(s); i++ {
			if (s[i] == ' ' || s[i] == '\t') && s[i-1] != ' ' && s[i-1] != '\t' {
				fields++
			}
		}
	} else {
		fields = int64(countByte(s, comma))
	}
	if cells := fields + lines; cells > l.Cells {
		return &limits.Error{Code: limits.Cells, Limit: l.Cells, Figure: cells}
	}
	return nil
}

// parseText splits s into records. With comma ' ', fields are separated by
// runs of spaces and tabs and there is no quoting; otherwise the CSV rules
// apply: a field starting with a quote ends at the next lone quote ("" is
// a quote), may hold delimiters and line breaks; quotes inside unquoted
// fields are kept as they are. Unquoted fields are trimmed of spaces.
// Records with no non-blank field are dropped. The table's rows are the
// records (the header among them) and Lines[i] the line where record i
// starts; a cell is a span of s, except in the rare record with a cell
// that is not (a quoted field with "" or text after its closing quote),
// which is kept as strings.
func parseText(s string, comma byte, progress func(done, total int64)) *Table {
	t, _ := parseWithin(s, comma, progress, unbounded)
	return t
}

// unbounded are limits no text passes.
var unbounded = limits.Limits{Rows: math.MaxInt64, Cells: math.MaxInt64}

// parseWithin is parseText of a text within l's Rows and Cells: it
// counts the lines and the delimiters (comma bytes) as it parses, as
// checkRows and checkCells count them, and gives up as soon as they are
// past a bound, with checkRows's error or checkCells's. With comma ' '
// it counts nothing.
//
// A record's line breaks are counted with it: nl '\n' and cr '\r'. The
// lines are nl+1, or cr+1 in a text with no '\n' (countLines): nl+1 is
// never more than the lines, and a cr past the rows bound while nl is 0
// has the whole text counted, once, to know whether a '\n' comes later.
func parseWithin(s string, comma byte, progress func(done, total int64), l limits.Limits) (*Table, error) {
	p := newTextParse(s, comma, progress, l, nil)
	if _, err := p.run(len(s)); err != nil {
		return nil, err
	}
	return p.end()
}

// field is a field of the record being parsed: its span in the text, or
// its text when it is not in the text (own).
type field struct {
	start, end int
	own        string
	isOwn      bool
}

// textParse is parseWithin's work, which may be done in steps (run) as
// the text's bytes arrive (see Stream): the table so far, where the next
// record starts, and the counts.
type textParse struct {
	s        string // the whole text (its bytes past the last run's limit may not be there yet)
	comma    byte
	progress func(done, total int64)
	l        limits.Limits
	// ends[c] tells whether byte c ends an unquoted field.
	ends      [256]bool
	t         *Table
	sized     bool  // cells sized for the whole text
	delims    int64 // delimiters so far
	nl, cr    int64 // line breaks so far
	crCounted bool  // cr need not be watched
	// open tells that the text goes on past s (a piece of a stream:
	// ParsePiece): a quoted field open at its end waits, as at a limit.
	open      bool
	fs        []field
	line, pos int
	// nextReport is where progress is next told.
	nextReport int
	sb         strings.Builder
}

func newTextParse(s string, comma byte, progress func(done, total int64), l limits.Limits, into *Table) *textParse {
	p := &textParse{s: s, comma: comma, progress: progress, l: l, crCounted: comma == ' ', line: 1, nextReport: 1 << 20}
	p.ends['\n'], p.ends['\r'], p.ends[comma] = true, true, true
	if comma == ' ' {
		p.ends['\t'] = true
	}
	if into != nil {
		// The arrays of a table no longer needed, emptied.
		p.t = &Table{at: into.at[:0], first: into.first[:0], Lines: into.Lines[:0], cells: into.cells[:0],
			chunks: into.chunks[:0], spillAt: into.spillAt[:0], texts: into.texts[:0]}
	} else {
		est := estimateLines(s)
		if int64(est) > l.Rows {
			est = int(l.Rows) // a text past the bound is given up first
		}
		p.t = &Table{at: make([]uint32, 0, est), first: make([]uint32, 0, est+1), Lines: make([]int32, 0, est)}
	}
	t := p.t
	t.open()
	for k := 0; k == 0 || k*textStride < len(s); k++ {
		t.texts = append(t.texts, s[k*textStride:])
	}
	return p
}

// counted is nil while the counts are within l.
func (p *textParse) counted() error {
	l := p.l
	switch {
	case p.comma == ' ':
	case p.nl >= l.Rows || p.delims+p.nl+1 > l.Cells:
		return textPast(p.s, p.comma, l)
	case p.nl == 0 && p.cr >= l.Rows && !p.crCounted:
		if countLines(p.s) > l.Rows {
			return textPast(p.s, p.comma, l)
		}
		p.crCounted = true // a '\n' comes later
	}
	return nil
}

// run parses the records of the text up to limit: its end, or, while the
// rest of its bytes have not arrived, a point just past a '\n' (a record
// that ends by then ends there whatever follows, unless a quoted field
// runs past it). A record with a quoted field that runs past a limit
// short of the text's end is left for a later run: run then returns false
// (with the records before it parsed); else true.
func (p *textParse) run(limit int) (bool, error) {
	s, comma, t := p.s[:limit], p.comma, p.t
	more := limit < len(p.s) || p.open // bytes past limit are still to come
	total := len(p.s)
	line, pos := p.line, p.pos
	n := len(s)
	for pos < n {
		if p.progress != nil && pos >= p.nextReport {
			p.progress(int64(pos), int64(total))
			p.nextReport = pos + 1<<20
		}
		if next, k := t.spacedRecord(s, pos, comma, line); next >= 0 {
			p.delims += int64(k)
			if s[next-1] == '\n' {
				p.nl++
				if next-2 >= pos && s[next-2] == '\r' {
					p.cr++
				}
			} else {
				p.cr++
			}
			pos = next
			line++
			if err := p.counted(); err != nil {
				return false, err
			}
			if !p.sized && (pos >= sampleBytes || pos >= total) {
				p.sized = true
				t.sizeCells(pos, total, p.l.Cells)
			}
			continue
		}
		fs := p.fs[:0]
		recStart := pos
		recLine := line
		blank := true
		wide := false
		spacedRow := true // each field starts one byte after the previous one's end
		if comma == ' ' {
			// Whitespace-separated: skip leading blanks.
			for pos < n && (s[pos] == ' ' || s[pos] == '\t') {
				pos++
			}
		}
	fields:
		for {
			// One field.
			if comma != ' ' && pos < n && s[pos] == '"' {
				// Quoted field.
				q := pos + 1
				i := q
				escaped := false
				for {
					j := strings.IndexByte(s[i:], '"')
					if j < 0 {
						if more {
							// The field may close in bytes still to
							// come: the record waits for them.
							p.fs = fs
							p.line, p.pos = recLine, recStart
							return false, nil
						}
						i = n // unterminated: take the rest
						break
					}
					i += j
					if i+1 < n && s[i+1] == '"' {
						escaped = true
						i += 2
						continue
					}
					break
				}
				f := field{start: q, end: min(i, n)}
				val := s[f.start:f.end]
				line += lineBreaks(val)
				if escaped {
					sb := &p.sb
					sb.Reset()
					sb.Grow(len(val))
					for k := 0; k < len(val); k++ {
						sb.WriteByte(val[k])
						if val[k] == '"' && k+1 < len(val) && val[k+1] == '"' {
							k++
						}
					}
					val = sb.String()
					f.own, f.isOwn = val, true
				}
				pos = i + 1
				// Text after the closing quote, up to the delimiter, is kept.
				e := pos
				for e < n && s[e] != comma && s[e] != '\n' && s[e] != '\r' {
					e++
				}
				if e > pos && pos <= n {
					if extra := strings.TrimSpace(s[pos:e]); extra != "" {
						val += extra
						f.own, f.isOwn = val, true
					}
				}
				pos = min(e, n)
				if val != "" {
					blank = false
				}
				wide = wide || f.isOwn
				spacedRow = spacedRow && (len(fs) == 0 || f.start == fs[len(fs)-1].end+1)
				fs = append(fs, f)
			} else {
				e := pos
				if comma == ' ' {
					for e < n && !p.ends[s[e]] {
						e++
					}
				} else {
					e = fieldEnd(s, pos, comma)
				}
				f := field{start: pos, end: e}
				if e > pos && (s[pos] == ' ' || s[e-1] == ' ' || s[pos] == '\t' || s[e-1] == '\t') {
					// strings.TrimSpace, as spans: its left part is
					// TrimLeftFunc with unicode.IsSpace.
					val := s[pos:e]
					v := strings.TrimSpace(val)
					f.start = pos + len(val) - len(strings.TrimLeftFunc(val, unicode.IsSpace))
					f.end = f.start + len(v)
				}
				if f.end > f.start {
					blank = false
				}
				spacedRow = spacedRow && (len(fs) == 0 || f.start == fs[len(fs)-1].end+1)
				fs = append(fs, f)
				pos = e
			}
			// After a field: delimiter, end of line or end of text.
			if comma == ' ' {
				for pos < n && (s[pos] == ' ' || s[pos] == '\t') {
					pos++
				}
				if pos < n && s[pos] != '\n' && s[pos] != '\r' {
					continue fields
				}
			} else if pos < n && s[pos] == comma {
				pos++
				continue fields
			}
			if pos < n && s[pos] == '\r' {
				pos++
				if pos < n && s[pos] == '\n' {
					pos++
				}
				line++
			} else if pos < n && s[pos] == '\n' {
				pos++
				line++
			}
			break
		}
		p.fs = fs
		if comma != ' ' {
			rec := s[recStart:pos]
			p.delims += int64(countByte(rec, comma))
			p.nl += int64(countByte(rec, '\n'))
			p.cr += int64(countByte(rec, '\r'))
			if err := p.counted(); err != nil {
				return false, err
			}
		}
		if blank {
			continue
		}
		t.grow()
		anchor := fs[0].start
		ch := &t.chunks[len(t.at)>>chunkBits]
		if !wide && fs[len(fs)-1].end-recStart <= wideSpan {
			if ch.base < 0 {
				k := anchor / textStride
				ch.text, ch.base = k, anchor-k*textStride
			}
			// A row too far past its chunk's base (after a wide row of
			// a gigabyte) is wide.
			wide = anchor-ch.text*textStride-ch.base > offMask
		} else {
			wide = true
		}
		if wide {
			for _, f := range fs {
				if f.isOwn {
					t.spill = append(t.spill, f.own)
				} else {
					t.spill = append(t.spill, s[f.start:f.end])
				}
			}
			t.addWide(recLine)
		} else {
			form := spaced
			if spacedRow {
				for _, f := range fs {
					t.cells = append(t.cells, uint16(f.end-anchor))
				}
			} else {
				form = paired
				for _, f := range fs {
					t.cells = append(t.cells, uint16(f.start-anchor), uint16(f.end-anchor))
				}
			}
			t.narrow(recLine, form, anchor-ch.text*textStride-ch.base)
		}
		if !p.sized && (pos >= sampleBytes || pos >= total) {
			p.sized = true
			t.sizeCells(pos, total, p.l.Cells)
		}
	}
	p.line, p.pos = line, pos
	return true, nil
}

// end is the table once the whole text is parsed (run to its end), or
// the error of a text past its rows or cells bound.
func (p *textParse) end() (*Table, error) {
	if p.comma != ' ' {
		// The lines as countLines counts them, now that every line
		// break is known.
		lines := p.nl + 1
		if p.nl == 0 {
			lines = p.cr + 1
		}
		if lines > p.l.Rows || p.delims+lines > p.l.Cells {
			return nil, textPast(p.s, p.comma, p.l)
		}
	}
	return p.t, nil
}

// textPast returns the error of a text found past its rows or cells bound
// as it was parsed: checkRows's when the whole text is past the rows
// bound (the rows are checked first), else checkCells's.
func textPast(s string, comma byte, l limits.Limits) error {
	lines, err := checkRows(s, l)
	if err != nil {
		return err
	}
	return checkCells(s, comma, lines, l)
}

// sizeCells sizes the cells for a text of n bytes from those of its first
// pos bytes, with a sixteenth more (as estimateLines): one allocation
// instead of a doubling series. A text within maxCells cells has at most
// 2 entries a cell (paired rows): no more are made for a text that
// claims more, parseWithin giving it up first.
func (t *Table) sizeCells(pos, n int, maxCells int64) {
	want := int64(len(t.cells)) * int64(n) / int64(pos)
	want += want/16 + 1
	if maxCells < want/2 {
		want = 2*maxCells + 2
	}
	if int64(cap(t.cells)) < want {
		t.cells = append(make([]uint16, 0, want), t.cells...)
	}
}

// spacedRecord reads the record of the delimited text s that starts at
// at, when it is the usual one (and comma is not ' ', whose fields are
// runs of blanks): no quote anywhere in
// it, within wideSpan bytes, and ending eight bytes or more before the
// text does. It adds the record as a spaced row, or as a paired one when
// a field has white space at its ends (trimmed as the general path trims
// it), or drops it when every field is blank; the row's line is line. It
// returns where the next record starts, past the record's line break, and
// the delimiters it holds. For any other record it changes nothing and
// returns -1, for parseText's general path to read it.
//
// It finds the record's delimiters eight bytes at a time, as fieldEnd
// does, but in one scan of the record: each word's bytes that are the
// delimiter, a line break or a quote are the set high bits of
// has(w XOR c·ones) for each of the four (see countByteWords), taken
// lowest first. A row of cells costs no field list and no call per field.
func (t *Table) spacedRecord(s string, at int, comma byte, line int) (int, int) {
	if !littleEndian || comma == ' ' {
		return -1, 0
	}
	n := len(s)
	b := unsafe.Slice(unsafe.StringData(s), n)
	pc, pn, pr, pq := uint64(comma)*ones, uint64('\n')*ones, uint64('\r')*ones, uint64('"')*ones
	cells := len(t.cells)
	lo := at  // the field's start
	end := -1 // the record's end: its line break
	delims := 0
	filled := false
	form := spaced
words:
	for i := at; i+8 <= n; i += 8 {
		w := word(b, i)
		x, y, z, q := w^pc, w^pn, w^pr, w^pq
		m := ^(((x & lows7) + lows7) | x | lows7) | ^(((y & lows7) + lows7) | y | lows7) |
			^(((z & lows7) + lows7) | z | lows7) | ^(((q & lows7) + lows7) | q | lows7)
		for ; m != 0; m &= m - 1 {
			e := i + bits.TrailingZeros64(m)/8 // the field is [lo, e)
			c := s[e]
			if c == '"' || e-at > wideSpan {
				break words
			}
			switch {
			case e > lo && (s[lo] == ' ' || s[lo] == '\t' || s[e-1] == ' ' || s[e-1] == '\t'):
				if form == spaced {
					t.cells = toPaired(t.cells, cells)
					form = paired
				}
				filled = t.trimmed(s, lo, e, at) || filled
			case form == paired:
				t.cells = append(t.cells, uint16(lo-at), uint16(e-at))
				filled = filled || e > lo
			default:
				t.cells = append(t.cells, uint16(e-at))
				filled = filled || e > lo
			}
			if c != comma {
				end = e
				break words
			}
			lo = e + 1
			delims++
		}
	}
	if end < 0 {
		t.cells = t.cells[:cells]
		return -1, 0
	}
	if filled {
		t.grow()
		ch := &t.chunks[len(t.at)>>chunkBits]
		if ch.base < 0 {
			k := at / textStride
			ch.text, ch.base = k, at-k*textStride
		}
		off := at - ch.text*textStride - ch.base
		if off > offMask {
			// A row too far past its chunk's base is wide: the
			// general path makes it so.
			t.cells = t.cells[:cells]
			return -1, 0
		}
		t.narrow(line, form, off)
	} else {
		t.cells = t.cells[:cells] // a blank record is dropped
	}
	// The line break, as the general path takes it.
	end++
	if s[end-1] == '\r' && end < n && s[end] == '\n' {
		end++
	}
	return end, delims
}

// trimmed adds the field s[lo:e] of a paired row whose offsets count from
// at, without the white space around it (strings.TrimSpace, as spans, as
// parseText trims), and tells whether it is not blank.
func (t *Table) trimmed(s string, lo, e, at int) bool {
	val := s[lo:e]
	v := strings.TrimSpace(val)
	start := lo + len(val) - len(strings.TrimLeftFunc(val, unicode.IsSpace))
	t.cells = append(t.cells, uint16(start-at), uint16(start+len(v)-at))
	return v != ""
}

// toPaired rewrites the cell entries of a spaced row, cells[from:] (each
// cell's end), as a paired row's (each cell's start and end), in place
// from the last: cell i's entries go to from+2i, past its end's place
// from+i and the one before it, which the entries still to rewrite are.
func toPaired(cells []uint16, from int) []uint16 {
	k := len(cells) - from
	cells = append(cells, make([]uint16, k)...)
	for i := k - 1; i >= 0; i-- {
		e, start := cells[from+i], uint16(0)
		if i > 0 {
			start = cells[from+i-1] + 1
		}
		cells[from+2*i], cells[from+2*i+1] = start, e
	}
	return cells
}

// sampleBytes is how much of a text file sniff and estimateLines look at.
const sampleBytes = 64 << 10

// estimateLines guesses the number of lines of s from its first
// sampleBytes, with a sixteenth more for lines shorter than the sample's:
// the capacity of the record lists, without a pass over the whole text (a
// guess too low costs one regrowth).
func estimateLines(s string) int {
	head := s[:min(len(s), sampleBytes)]
	n := strings.Count(head, "\n")
	if n == 0 {
		n = strings.Count(head, "\r")
	}
	if len(head) == len(s) {
		return n + 1
	}
	est := int(int64(n) * int64(len(s)) / int64(len(head)))
	return est + est/16 + 1
}

// lineBreaks counts the line breaks in s: \n, \r\n and a lone \r count
// one each.
func lineBreaks(s string) int {
	k := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			k++
		case '\r':
			if i+1 == len(s) || s[i+1] != '\n' {
				k++
			}
		}
	}
	return k
}

// setHeader finds the header among the table's rows, skipping a title
// block above it, and leaves the rows below it.
func (t *Table) setHeader(noHeader bool) error {
	if t.Len() == 0 {
		return errorf(ErrEmpty, report.Error{Code: report.FileEmpty, File: t.Name}, "%s is empty: it has no rows with values.", t.Name)
	}
	if noHeader {
		width := 0
		for r := range t.Len() {
			width = max(width, t.Width(r))
		}
		t.Header = make([]string, width)
		for i := range t.Header {
			t.Header[i] = "Column " + strconv.Itoa(i+1)
		}
		return nil
	}
	// The dominant width of the data: the most common field count below
	// the first rows (where title lines may be).
	counts := map[int]int{}
	from := min(t.Len()-1, 30)
	if t.Len() <= 31 {
		from = t.Len() / 2
	}
	for r := from; r < min(t.Len(), from+2000); r++ {
		counts[nonEmptyWidth(t.Row(r))]++
	}
	width, best := 0, 0
	for w, k := range counts {
		if k > best || (k == best && w > width) {
			width, best = w, k
		}
	}
	h := -1
	for i := 0; i < t.Len() && i < 50; i++ {
		if r := t.Row(i); nonEmptyWidth(r) >= width && headerLike(r) {
			h = i
			break
		}
	}
	if h < 0 {
		first := t.Row(0)
		if len(first) > 4 {
			first = first[:4]
		}
		return errorf(ErrNoHeader, report.Error{Code: report.NoHeaderRow, File: t.Name, Values: first}, "%s has no header row: the first row holds values (%s), not column names; say that the file has no header to read it anyway.", t.Name, strings.Join(first, ", "))
	}
	t.Header = uniqueNames(t.Row(h))
	t.HeaderLine = int(t.Lines[h])
	t.drop(h + 1)
	if h > 0 {
		t.Notes = append(t.Notes, report.Note{Code: report.NoteTitleLines, N: h})
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// nonEmptyWidth is the number of fields up to the last non-blank one.
func nonEmptyWidth(r []string) int {
	n := len(r)
	for n > 0 && strings.TrimSpace(r[n-1]) == "" {
		n--
	}
	return n
}

// headerLike tells whether a row looks like column names: most of its
// non-blank cells are text, not numbers or dates.
func headerLike(r []string) bool {
	text, filled := 0, 0
	for _, c := range r {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		filled++
		if !numericLike(c) {
			text++
		}
	}
	return filled > 0 && filled*2 >= nonEmptyWidth(r) && text*10 >= filled*6
}

// numericLike tells whether s is a number, an amount or a date.
func numericLike(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case strings.IndexByte(" .,-+/:()'$€%", c) >= 0 || c >= 0x80:
		default:
			return false
		}
	}
	return digits > 0
}

// uniqueNames returns the header with blank names filled ("Column 3") and
// repeated names numbered ("Amount (2)").
func uniqueNames(h []string) []string {
	out := make([]string, len(h))
	seen := map[string]int{}
	for i, s := range h {
		s = strings.TrimSpace(s)
		if s == "" {
			s = "Column " + strconv.Itoa(i+1)
		}
		if k := seen[s]; k > 0 {
			seen[s] = k + 1
			s = s + " (" + strconv.Itoa(k+1) + ")"
		} else {
			seen[s] = 1
		}
		out[i] = s
	}
	return out
}
