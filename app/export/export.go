// Package export writes lists of customers as CSV or Excel files for an
// e-mail tool. The Excel workbook is written by hand (xlsx.go): a zip of
// the few XML parts SpreadsheetML needs, so the worker that runs this
// package in the browser does not carry a spreadsheet library.
package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"unicode"

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

// record returns the cells of one customer, in Header order, and with
// survey the SurveyHeader's.
func record(c report.Customer, currency string, survey bool) []any {
	g := Guides[c.Segment]
	r := []any{c.ID, c.Email, c.Name, c.Country, c.Segment, c.Orders, round2(c.Revenue), c.First, c.Last, c.Recency,
		opt(c.PAlive, 3), opt(c.PredictedPurchases, 2), opt(c.PredictedCLV, 2), currency, g.Meaning, g.Action, optText(c.NextOrder)}
	if survey {
		r = append(r, opt(c.Score, 2), c.Comment)
	}
	return r
}

// optText is s, or nil (an empty cell) for "".
func optText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// opt is v rounded to digits, or nil (an empty cell) without one.
func opt(v *float64, digits int) any {
	if v == nil {
		return nil
	}
	s := strconv.FormatFloat(*v, 'f', digits, 64)
	r, _ := strconv.ParseFloat(s, 64)
	return r
}

func round2(v float64) float64 {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	r, _ := strconv.ParseFloat(s, 64)
	return r
}

// CSV returns the customers as a comma-separated UTF-8 file with a header
// row; currency (an ISO code, or "") fills the currency column. Text that
// a spreadsheet would run as a formula (starting with =, +, -, @) is
// prefixed with an apostrophe.
func CSV(rows []report.Customer, currency string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	head, survey := header(rows), surveyed(rows)
	w.Write(head)
	rec := make([]string, len(head))
	for _, c := range rows {
		for i, v := range record(c, currency, survey) {
			switch v := v.(type) {
			case string:
				rec[i] = defuse(v)
			case float64:
				rec[i] = strconv.FormatFloat(v, 'f', -1, 64)
				if i == revenueCol {
					rec[i] = strconv.FormatFloat(v, 'f', 2, 64) // money
				}
			case nil:
				rec[i] = ""
			default:
				rec[i] = fmt.Sprint(v)
			}
		}
		w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// defuse keeps a spreadsheet from running text as a formula (OWASP's CSV
// injection: text starting with =, +, -, @, tab or carriage return). A
// signed plain number ("-123", "+1,234.50") runs nothing and is kept.
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) && !signedNumber(s) {
		return "'" + s
	}
	return s
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

// sheetName makes s a valid sheet name: at most 31 characters, none of
// : \ / ? * [ ] or a control character.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) || unicode.IsControl(r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(s))
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}
