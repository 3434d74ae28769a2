// Package export writes lists of customers as CSV or Excel files for an
// e-mail tool.
package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"retention/app/report"
)

// Header is the first row of every exported list.
// p_alive, predicted_purchases and predicted_clv are the forecast's (see
// report.Forecast): empty where the models gave no number. currency is the
// ISO code of revenue and predicted_clv (empty when the amounts have no
// known currency).
var Header = []string{"customer_id", "email", "name", "country", "segment", "orders", "revenue", "first_order", "last_order", "recency_days",
	"p_alive", "predicted_purchases", "predicted_clv", "currency"}

// Columns of Header that hold money, in the list's currency.
const (
	revenueCol      = 6
	predictedCLVCol = 12
)

// record returns the cells of one customer, in Header order.
func record(c report.Customer, currency string) []any {
	return []any{c.ID, c.Email, c.Name, c.Country, c.Segment, c.Orders, round2(c.Revenue), c.First, c.Last, c.Recency,
		opt(c.PAlive, 3), opt(c.PredictedPurchases, 2), opt(c.PredictedCLV, 2), currency}
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
	w.Write(Header)
	rec := make([]string, len(Header))
	for _, c := range rows {
		for i, v := range record(c, currency) {
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

// XLSX returns the customers as an Excel workbook with one sheet named
// sheet (a default name when empty), numbers as numbers. currency (an ISO
// code, or "") fills the currency column, and the money cells show it
// beside the number (1,234.50 GBP) while they stay numbers.
func XLSX(rows []report.Customer, sheet, currency string) ([]byte, error) {
	if sheet = sheetName(sheet); sheet == "" {
		sheet = "Customers"
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	head := make([]any, len(Header))
	for i, h := range Header {
		head[i] = h
	}
	if err := sw.SetRow("A1", head); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	money, err := moneyStyle(f, currency)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	for i, c := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		rec := record(c, currency)
		for _, j := range []int{revenueCol, predictedCLVCol} {
			if rec[j] != nil {
				rec[j] = excelize.Cell{StyleID: money, Value: rec[j]}
			}
		}
		if err := sw.SetRow(cell, rec); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return b.Bytes(), nil
}

// moneyStyle is the style of money cells: two decimals, thousands
// grouped, and the currency's code after the number when there is one.
func moneyStyle(f *excelize.File, currency string) (int, error) {
	format := "#,##0.00"
	if code := strings.Trim(currency, `"\`); code != "" {
		format += `" ` + code + `"`
	}
	return f.NewStyle(&excelize.Style{CustomNumFmt: &format})
}

// sheetName makes s a valid sheet name: at most 31 characters, none of : \ / ? * [ ].
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(s))
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}
