package sheet

import (
	"strconv"
	"strings"

	"retention/app/limits"
)

// formats names the text formats by delimiter.
var formats = map[byte]string{',': "csv", ';': "semicolon", '\t': "tsv", '|': "pipe", ' ': "whitespace"}

// sniffOrder is the order in which equally good delimiters win.
var sniffOrder = []byte{'\t', ';', ',', '|', ' '}

// readText reads delimited text into a Table.
func readText(name, s string, opt Options, l limits.Limits) (*Table, error) {
	if err := checkRows(s, l); err != nil {
		return nil, err
	}
	comma := byte(0)
	if opt.Comma != 0 {
		if opt.Comma > 0x7f {
			return nil, errorf(ErrNotSpreadsheet, "The delimiter %q is not supported; use , ; | tab or space.", opt.Comma)
		}
		comma = byte(opt.Comma)
	} else {
		comma = sniff(s)
	}
	if err := checkCells(s, comma, l); err != nil {
		return nil, err
	}
	rows, lines := parseText(s, comma, opt.Progress)
	t := &Table{Name: name, Format: formats[comma]}
	if t.Format == "" {
		t.Format = "delimited"
	}
	if err := t.setRows(rows, lines, opt.NoHeader); err != nil {
		return nil, err
	}
	return t, nil
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
		rows, _ := parseText(sample, c, nil)
		if len(rows) > 200 {
			rows = rows[:200]
		}
		counts := map[int]int{}
		for _, r := range rows {
			counts[len(r)]++
		}
		mode, modeN := 0, 0
		for n, k := range counts {
			if k > modeN || (k == modeN && n > mode) {
				mode, modeN = n, k
			}
		}
		if mode < 2 || len(rows) == 0 {
			continue
		}
		score := float64(modeN) / float64(len(rows))
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

// checkRows refuses, before any row is parsed, text with more lines than
// l.Rows, and checkCells text with more cells than l.Cells. The counts are
// upper bounds (line breaks and delimiters inside quotes count too): the
// table's memory grows with them, about 24 bytes a row and 16 a cell,
// beside the text.
func checkRows(s string, l limits.Limits) error {
	if lines := countLines(s); lines > l.Rows {
		return &limits.Error{Code: limits.Rows, Limit: l.Rows, Figure: lines}
	}
	return nil
}

func countLines(s string) int64 {
	lines := int64(strings.Count(s, "\n"))
	if lines == 0 {
		lines = int64(strings.Count(s, "\r"))
	}
	return lines + 1
}

func checkCells(s string, comma byte, l limits.Limits) error {
	var fields int64
	if comma == ' ' {
		for i := 1; i < len(s); i++ {
			if (s[i] == ' ' || s[i] == '\t') && s[i-1] != ' ' && s[i-1] != '\t' {
				fields++
			}
		}
	} else {
		fields = int64(strings.Count(s, string(comma)))
	}
	if cells := fields + countLines(s); cells > l.Cells {
		return &limits.Error{Code: limits.Cells, Limit: l.Cells, Figure: cells}
	}
	return nil
}

const chunk = 1 << 16 // cells per allocation

// parseText splits s into records. With comma ' ', fields are separated by
// runs of spaces and tabs and there is no quoting; otherwise the CSV rules
// apply: a field starting with a quote ends at the next lone quote ("" is
// a quote), may hold delimiters and line breaks; quotes inside unquoted
// fields are kept as they are. Unquoted fields are trimmed of spaces.
// Records with no non-blank field are dropped. lines[i] is the line where
// record i starts.
func parseText(s string, comma byte, progress func(done, total int64)) ([][]string, []int) {
	est := estimateLines(s)
	// ends[c] tells whether byte c ends an unquoted field.
	var ends [256]bool
	ends['\n'], ends['\r'], ends[comma] = true, true, true
	if comma == ' ' {
		ends['\t'] = true
	}
	rows := make([][]string, 0, est)
	lines := make([]int, 0, est)
	arena := make([]string, 0, chunk)
	line := 1
	pos := 0
	n := len(s)
	nextReport := 1 << 20
	var sb strings.Builder
	for pos < n {
		if progress != nil && pos >= nextReport {
			progress(int64(pos), int64(n))
			nextReport = pos + 1<<20
		}
		start := len(arena)
		if cap(arena)-len(arena) < 256 {
			arena = make([]string, 0, chunk)
			start = 0
		}
		recLine := line
		blank := true
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
				val := s[q:min(i, n)]
				line += lineBreaks(val)
				if escaped {
					sb.Reset()
					sb.Grow(len(val))
					for k := 0; k < len(val); k++ {
						sb.WriteByte(val[k])
						if val[k] == '"' && k+1 < len(val) && val[k+1] == '"' {
							k++
						}
					}
					val = sb.String()
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
					}
				}
				pos = min(e, n)
				if val != "" {
					blank = false
				}
				arena = append(arena, val)
			} else {
				e := pos
				for e < n && !ends[s[e]] {
					e++
				}
				val := s[pos:e]
				if len(val) > 0 && (val[0] == ' ' || val[len(val)-1] == ' ' || val[0] == '\t' || val[len(val)-1] == '\t') {
					val = strings.TrimSpace(val)
				}
				if val != "" {
					blank = false
				}
				arena = append(arena, val)
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
		if blank {
			arena = arena[:start]
			continue
		}
		rows = append(rows, arena[start:len(arena):len(arena)])
		lines = append(lines, recLine)
	}
	return rows, lines
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

// setRows finds the header among rows, skipping a title block above it,
// and fills t.
func (t *Table) setRows(rows [][]string, lines []int, noHeader bool) error {
	if len(rows) == 0 {
		return errorf(ErrEmpty, "%s is empty: it has no rows with values.", t.Name)
	}
	if noHeader {
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		t.Header = make([]string, width)
		for i := range t.Header {
			t.Header[i] = "Column " + strconv.Itoa(i+1)
		}
		t.Rows, t.Lines = rows, lines
		return nil
	}
	// The dominant width of the data: the most common field count below
	// the first rows (where title lines may be).
	counts := map[int]int{}
	from := min(len(rows)-1, 30)
	if len(rows) <= 31 {
		from = len(rows) / 2
	}
	for _, r := range rows[from:min(len(rows), from+2000)] {
		counts[nonEmptyWidth(r)]++
	}
	width, best := 0, 0
	for w, k := range counts {
		if k > best || (k == best && w > width) {
			width, best = w, k
		}
	}
	h := -1
	for i := 0; i < len(rows) && i < 50; i++ {
		if nonEmptyWidth(rows[i]) >= width && headerLike(rows[i]) {
			h = i
			break
		}
	}
	if h < 0 {
		first := rows[0]
		if len(first) > 4 {
			first = first[:4]
		}
		return errorf(ErrNoHeader, "%s has no header row: the first row holds values (%s), not column names; say that the file has no header to read it anyway.", t.Name, strings.Join(first, ", "))
	}
	t.Header = uniqueNames(rows[h])
	t.HeaderLine = lines[h]
	t.Rows, t.Lines = rows[h+1:], lines[h+1:]
	if h > 0 {
		t.Notes = append(t.Notes, "Skipped "+strconv.Itoa(h)+" title "+plural(h, "line", "lines")+" above the header.")
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
