// Package export writes lists of customers as CSV or Excel files for an
// e-mail tool. The Excel workbook is written by hand (xlsx.go): a zip of
// the few XML parts SpreadsheetML needs, so the worker that runs this
// package in the browser does not carry a spreadsheet library.
package export

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"retention/app/report"
)

// Header is the first row of every exported list.
// p_alive, predicted_purchases and predicted_clv are the forecast's (see
// report.Forecast): empty where the models gave no number. currency is the
// ISO code of revenue and predicted_clv (empty when the amounts have no
// known currency). segment_meaning and segment_action are the segment's
// Guide in English (empty for a segment without one). next_order_date is
// the forecast's expected next order date (report.Customer.NextOrder;
// empty for a customer not expected to order again, or without a
// forecast). New columns go last, so that the columns before keep their
// places.
var Header = []string{"customer_id", "email", "name", "country", "segment", "orders", "revenue", "first_order", "last_order", "recency_days",
	"p_alive", "predicted_purchases", "predicted_clv", "currency", "segment_meaning", "segment_action", "next_order_date"}

// SurveyHeader are the columns a survey's list (Unhappy VIPs, Quiet
// fans) has after Header: each customer's latest answer, its score on the
// survey's scale and its comment.
var SurveyHeader = []string{"survey_score", "survey_comment"}

// header is the first row of a list: Header, and SurveyHeader when the
// customers carry survey answers.
func header(rows []report.Customer) []string {
	if surveyed(rows) {
		return append(Header[:len(Header):len(Header)], SurveyHeader...)
	}
	return Header
}

// surveyed tells whether a list is a survey's: its customers carry their
// answer's score.
func surveyed(rows []report.Customer) bool { return len(rows) > 0 && rows[0].Score != nil }

// Columns of Header that hold money, in the list's currency, and dates
// (ISO text, "2006-01-02").
const (
	revenueCol      = 6
	firstOrderCol   = 7
	lastOrderCol    = 8
	predictedCLVCol = 12
	nextOrderCol    = 16
)

// kind is what a cell of an exported row holds.
type kind uint8

const (
	empty  kind = iota
	text        // a customer's own text: one string per customer
	label       // text shared by many rows: segment, its guide, currency
	count       // a whole number (num)
	number      // a number (num), already rounded
	amount      // money (num), already rounded to cents
	day         // a date as ISO text (str); other text stays text
)

// cell is one cell of an exported row. Rows are filled into one reused
// array of cells, so that writing a list allocates nothing per customer.
type cell struct {
	kind kind
	str  string
	num  float64
}

// row holds the cells of one customer, in Header order (then
// SurveyHeader's, for a survey's list).
type row []cell

// newRow is a row of n cells: len(Header), or with SurveyHeader's.
func newRow(n int) row { return make(row, n) }

// fill sets r to the cells of customer c.
func (r row) fill(c *report.Customer, currency string) {
	g := Guides[c.Segment]
	r[0], r[1], r[2], r[3] = textCell(text, c.ID), textCell(text, c.Email), textCell(text, c.Name), textCell(text, c.Country)
	r[4] = textCell(label, c.Segment)
	r[5] = cell{kind: count, num: float64(c.Orders)}
	r[revenueCol] = cell{kind: amount, num: round(c.Revenue, 2)}
	r[firstOrderCol], r[lastOrderCol] = textCell(day, c.First), textCell(day, c.Last)
	r[9] = cell{kind: count, num: float64(c.Recency)}
	r[10], r[11] = opt(number, c.PAlive, 3), opt(number, c.PredictedPurchases, 2)
	r[predictedCLVCol] = opt(amount, c.PredictedCLV, 2)
	r[13], r[14], r[15] = textCell(label, currency), textCell(label, g.Meaning), textCell(label, g.Action)
	r[nextOrderCol] = textCell(day, c.NextOrder)
	if len(r) > len(Header) {
		r[len(Header)], r[len(Header)+1] = opt(number, c.Score, 2), textCell(text, c.Comment)
	}
}

// textCell is a cell of kind k holding s, or an empty cell for "".
func textCell(k kind, s string) cell {
	if s == "" {
		return cell{}
	}
	return cell{kind: k, str: s}
}

// opt is a cell of kind k holding v rounded to digits, or an empty cell
// without one.
func opt(k kind, v *float64, digits int) cell {
	if v == nil {
		return cell{}
	}
	return cell{kind: k, num: round(*v, digits)}
}

// round is v rounded to digits decimals as its decimal text is: the
// number the CSV's text and the workbook's cell both hold.
func round(v float64, digits int) float64 {
	var buf [32]byte
	r, _ := strconv.ParseFloat(string(strconv.AppendFloat(buf[:0], v, 'f', digits, 64)), 64)
	return r
}

// CSV returns the customers as a comma-separated UTF-8 file with a header
// row, as encoding/csv writes it; currency (an ISO code, or "") fills the
// currency column. Text that a spreadsheet would run as a formula
// (starting with =, +, -, @) is prefixed with an apostrophe.
//
// The rows are written twice: once into one reused row to count the
// file's bytes, then into a buffer of exactly that size. Writing a list of
// millions of customers costs the engine the file's size and no garbage.
func CSV(rows []report.Customer, currency string) []byte {
	names := header(rows)
	r := newRow(len(names))
	var line []byte
	size := len(appendHeader(nil, names))
	for i := range rows {
		r.fill(&rows[i], currency)
		line = appendCSV(line[:0], r)
		size += len(line)
	}
	b := appendHeader(make([]byte, 0, size), names)
	for i := range rows {
		r.fill(&rows[i], currency)
		b = appendCSV(b, r)
	}
	return b
}

// appendHeader appends the CSV's header line of names.
func appendHeader(b []byte, names []string) []byte {
	for i, h := range names {
		b = appendField(b, i, h, false)
	}
	return append(b, '\n')
}

// appendCSV appends the CSV line of row r.
func appendCSV(b []byte, r row) []byte {
	for j, c := range r {
		switch c.kind {
		case text, label, day:
			b = appendField(b, j, c.str, true)
		case count, number:
			b = appendField(b, j, "", false)
			b = strconv.AppendFloat(b, c.num, 'f', -1, 64)
		case amount:
			b = appendField(b, j, "", false)
			digits := -1
			if j == revenueCol {
				digits = 2 // revenue always shows its cents
			}
			b = strconv.AppendFloat(b, c.num, 'f', digits, 64)
		default:
			b = appendField(b, j, "", false)
		}
	}
	return append(b, '\n')
}

// appendField appends the j-th field of a row, s, after a comma (but for
// the first), quoted as encoding/csv quotes it: when it holds a comma, a
// quote, a line break or starts with a space, or is \. (which some
// programs read as the end of data); quotes doubled inside. With defused,
// text a spreadsheet would run gets defuse's apostrophe.
func appendField(b []byte, j int, s string, defused bool) []byte {
	if j > 0 {
		b = append(b, ',')
	}
	pre, quote := "", needsQuotes(s)
	if defused && formula(s) {
		// "'" + s: it starts with neither a space nor \.
		pre, quote = "'", strings.ContainsAny(s, ",\"\r\n")
	}
	if !quote {
		b = append(b, pre...)
		return append(b, s...)
	}
	b = append(b, '"')
	b = append(b, pre...)
	for {
		k := strings.IndexByte(s, '"')
		if k < 0 {
			break
		}
		b = append(b, s[:k+1]...)
		b = append(b, '"')
		s = s[k+1:]
	}
	b = append(b, s...)
	return append(b, '"')
}

// needsQuotes is encoding/csv's rule (Writer.fieldNeedsQuotes, with a
// comma as the separator).
func needsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` {
		return true
	}
	if strings.ContainsAny(s, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// defuse keeps a spreadsheet from running text as a formula (OWASP's CSV
// injection: text starting with =, +, -, @, tab or carriage return). A
// signed plain number ("-123", "+1,234.50") runs nothing and is kept.
func defuse(s string) string {
	if formula(s) {
		return "'" + s
	}
	return s
}

// formula tells whether defuse prefixes s.
func formula(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) && !signedNumber(s)
}

// signedNumber tells whether s is a sign followed by digits, with decimal
// points or group commas only.
func signedNumber(s string) bool {
	if len(s) < 2 || (s[0] != '-' && s[0] != '+') {
		return false
	}
	digits := false
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.' || c == ',':
		default:
			return false
		}
	}
	return digits
}

// maxSheetName is the most characters of a sheet's name (Excel's
// specifications and limits: 31).
const maxSheetName = 31

// sheetName makes s a valid sheet name: at most 31 characters, none of
// : \ / ? * [ ] or a control character.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) || unicode.IsControl(r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(s))
	if r := []rune(s); len(r) > maxSheetName {
		s = string(r[:maxSheetName])
	}
	return s
}
