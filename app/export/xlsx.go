package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"retention/app/limits"
	"retention/app/report"
)

// XLSX returns the customers as an Excel workbook on a sheet named sheet
// (a default name when empty): a header row, then one row per customer,
// numbers as numbers and first_order/last_order as dates shown
// yyyy-mm-dd. currency (an ISO code, or "") fills the currency column, and
// the money cells show it beside the number (1,234.50 GBP) while they stay
// numbers. A list longer than SheetRows goes on as many sheets as it
// needs, each with the header row: "All", "All (2)", "All (3)", ...
//
// The workbook holds the parts of an Office Open XML spreadsheet
// (ECMA-376 Part 1, §18; package layout per Part 2) that Excel and
// LibreOffice need and no more: content types, package and workbook
// relationships, the workbook, the worksheets, shared strings and styles.
// The worksheets are compressed as they are written, a row at a time, and
// a customer's own text (id, e-mail, name, country) is an inline string:
// the shared strings hold only text many rows share (the header, segments,
// their guides, the currency), so writing a list costs the engine about
// the compressed file and no garbage per customer.
func XLSX(rows []report.Customer, sheet, currency string) ([]byte, error) {
	return writeXLSX(rows, sheet, currency, SheetRows)
}

// SheetRows is the most customers one worksheet holds: Excel's last row
// (limits.ExcelRows, 1,048,576) less the header row.
const SheetRows = limits.ExcelRows - 1

// xlsxRowBytes is about what one customer's row takes compressed: 74
// bytes measured on Online Retail's All list (5.75 MB for 78,102
// customers, 18 copies); the output's buffer starts at that size.
const xlsxRowBytes = 74

// writeXLSX is XLSX with at most perSheet customers a sheet.
func writeXLSX(rows []report.Customer, sheet, currency string, perSheet int) ([]byte, error) {
	if sheet = sheetName(sheet); sheet == "" {
		sheet = "Customers"
	}
	names := sheetNames(sheet, max(1, (len(rows)+perSheet-1)/perSheet))
	var out bytes.Buffer
	out.Grow(len(rows)*xlsxRowBytes + 4<<10)
	z := zip.NewWriter(&out)
	w := &sheetWriter{strs: map[string]int{}}
	for _, p := range packageParts(names, currency) {
		if err := part(z, p.name, func(f io.Writer) error { _, err := io.WriteString(f, p.body); return err }); err != nil {
			return nil, err
		}
	}
	for k := range names {
		lo, hi := k*perSheet, min(len(rows), (k+1)*perSheet)
		err := part(z, "xl/worksheets/sheet"+strconv.Itoa(k+1)+".xml", func(f io.Writer) error {
			return w.sheet(f, rows[lo:hi], currency)
		})
		if err != nil {
			return nil, err
		}
	}
	if err := part(z, "xl/sharedStrings.xml", w.sharedStrings); err != nil {
		return nil, err
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return out.Bytes(), nil
}

// sheetNames names n sheets of a list: name, then name (2), name (3), ...
// each cut to Excel's 31 characters.
func sheetNames(name string, n int) []string {
	names := []string{name}
	for k := 2; k <= n; k++ {
		suffix := " (" + strconv.Itoa(k) + ")"
		r := []rune(name)
		r = r[:min(len(r), maxSheetName-len(suffix))]
		names = append(names, string(r)+suffix)
	}
	return names
}

// part writes one zip entry, its XML declaration and then what body
// writes.
func part(z *zip.Writer, name string, body func(io.Writer) error) error {
	// A fixed time (the zip format's earliest) makes equal lists equal files.
	f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err == nil {
		if _, err = io.WriteString(f, xmlHeader); err == nil {
			err = body(f)
		}
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// Styles of cells: their index in styles.xml's cellXfs.
const (
	styleDefault = iota
	styleMoney
	styleDate
)

// Custom number formats take ids from 164 up; 0-163 are built in
// (ECMA-376 Part 1, §18.8.30).
const (
	numFmtMoney = 164
	numFmtDate  = 165
)

// sheetWriter writes worksheets a row at a time and collects the text
// they share.
type sheetWriter struct {
	buf   []byte         // rows not yet handed to the zip entry
	strs  map[string]int // shared string → index
	order []string       // shared strings by index
	nstr  int            // shared string cells (the sst's count)
	cols  []string       // A, B, ... for the columns written so far
}

// flushBytes is how much of a sheet is collected before it is handed to
// the compressor.
const flushBytes = 64 << 10

// sheet writes a worksheet of the header row and a row per customer to f.
func (w *sheetWriter) sheet(f io.Writer, rows []report.Customer, currency string) error {
	names := header(rows)
	r := newRow(len(names))
	for i, h := range names {
		r[i] = cell{kind: label, str: h}
	}
	w.buf = append(w.buf[:0], `<worksheet xmlns="`+nsMain+`"><sheetData>`...)
	w.row(1, r)
	for i := range rows {
		r.fill(&rows[i], currency)
		w.row(i+2, r)
		if len(w.buf) >= flushBytes {
			if _, err := f.Write(w.buf); err != nil {
				return err
			}
			w.buf = w.buf[:0]
		}
	}
	w.buf = append(w.buf, `</sheetData></worksheet>`...)
	_, err := f.Write(w.buf)
	return err
}

// row appends row n of cells r.
func (w *sheetWriter) row(n int, r row) {
	b := append(w.buf, `<row r="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `">`...)
	for i, c := range r {
		switch c.kind {
		case text:
			b = w.ref(b, i, n, styleDefault, `" t="inlineStr"><is>`)
			b = appendT(b, c.str)
			b = append(b, `</is></c>`...)
		case label:
			b = w.ref(b, i, n, styleDefault, `" t="s"><v>`)
			b = strconv.AppendInt(b, int64(w.shared(c.str)), 10)
			b = append(b, `</v></c>`...)
		case count, number:
			b = w.number(b, i, n, styleDefault, c.num)
		case amount:
			b = w.number(b, i, n, styleMoney, c.num)
		case day:
			if d, ok := isoDay(c.str); ok {
				b = w.number(b, i, n, styleDate, serial(d))
			} else {
				b = w.ref(b, i, n, styleDefault, `" t="inlineStr"><is>`)
				b = appendT(b, c.str)
				b = append(b, `</is></c>`...)
			}
		}
	}
	w.buf = append(b, `</row>`...)
}

// ref appends the start of a cell: its reference (column i, row n), its
// style but for the default one, and rest.
func (w *sheetWriter) ref(b []byte, i, n, style int, rest string) []byte {
	for len(w.cols) <= i {
		w.cols = append(w.cols, columnName(len(w.cols)))
	}
	b = append(b, `<c r="`...)
	b = append(b, w.cols[i]...)
	b = strconv.AppendInt(b, int64(n), 10)
	if style != styleDefault {
		b = append(b, `" s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
	}
	return append(b, rest...)
}

// number appends a numeric cell; a number a cell cannot hold (NaN, ±Inf)
// leaves it empty.
func (w *sheetWriter) number(b []byte, i, n, style int, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return b
	}
	b = w.ref(b, i, n, style, `"><v>`)
	b = strconv.AppendFloat(b, v, 'g', -1, 64)
	return append(b, `</v></c>`...)
}

// isoDay reads an ISO day, "2006-01-02", as time.Parse(time.DateOnly, s)
// does (a day of the month, no other text), without the error value
// time.Parse allocates for text that is not one.
func isoDay(s string) (time.Time, bool) {
	if len(s) != len(time.DateOnly) || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	num := func(t string) int {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return -1
			}
			n = n*10 + int(t[i]-'0')
		}
		return n
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // past the month's last day
		return time.Time{}, false
	}
	return t, true
}

// appendT appends text as a <t> element, keeping spaces at either end
// (xml:space="preserve").
func appendT(b []byte, s string) []byte {
	if strings.TrimSpace(s) != s {
		b = append(b, `<t xml:space="preserve">`...)
	} else {
		b = append(b, `<t>`...)
	}
	b = appendEscaped(b, s)
	return append(b, `</t>`...)
}

// shared returns the index of s in the shared strings, adding it.
func (w *sheetWriter) shared(s string) int {
	w.nstr++
	i, ok := w.strs[s]
	if !ok {
		i = len(w.order)
		w.strs[s] = i
		w.order = append(w.order, s)
	}
	return i
}

// columnName returns the letters of the 0-based column i: A..Z, AA..ZZ, AAA...
func columnName(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

// excelEpoch is day 0 of Excel's 1900 date system as it counts for dates
// from 1900-03-01 on: 1899-12-30, one day before 1900-01-00 because Excel
// keeps Lotus 1-2-3's non-existent 1900-02-29 (ECMA-376 Part 1, §18.17.4.1).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serial is the date serial number of day d:
//
//	serial = days from 1899-12-30 to d
//
// exact for every date from 1900-03-01 on, which is every order date.
func serial(d time.Time) float64 {
	day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	return math.Round(day.Sub(excelEpoch).Hours() / 24)
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// Namespaces and content types of SpreadsheetML parts (ECMA-376 Part 1).
const (
	nsMain     = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRels     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRels  = "http://schemas.openxmlformats.org/package/2006/relationships"
	relOffice  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relSheet   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
	relStyles  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relStrings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
	ctPrefix   = "application/vnd.openxmlformats-officedocument.spreadsheetml."
)

// packageParts are the parts of the workbook besides its worksheets and
// shared strings, for sheets named names.
func packageParts(names []string, currency string) []struct{ name, body string } {
	var types, sheets, rels strings.Builder
	for k, name := range names {
		n := strconv.Itoa(k + 1)
		types.WriteString(`<Override PartName="/xl/worksheets/sheet` + n + `.xml" ContentType="` + ctPrefix + `worksheet+xml"/>`)
		sheets.WriteString(`<sheet name="` + escape(name) + `" sheetId="` + n + `" r:id="rIdSheet` + n + `"/>`)
		rels.WriteString(`<Relationship Id="rIdSheet` + n + `" Type="` + relSheet + `" Target="worksheets/sheet` + n + `.xml"/>`)
	}
	return []struct{ name, body string }{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="` + ctPrefix + `sheet.main+xml"/>` +
			types.String() +
			`<Override PartName="/xl/styles.xml" ContentType="` + ctPrefix + `styles+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="` + ctPrefix + `sharedStrings+xml"/>` +
			`</Types>`},
		{"_rels/.rels", `<Relationships xmlns="` + nsPkgRels + `">` +
			`<Relationship Id="rId1" Type="` + relOffice + `" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRels + `"><sheets>` + sheets.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="` + nsPkgRels + `">` + rels.String() +
			`<Relationship Id="rIdStyles" Type="` + relStyles + `" Target="styles.xml"/>` +
			`<Relationship Id="rIdStrings" Type="` + relStrings + `" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/styles.xml", styles(currency)},
	}
}

// sharedStrings writes the shared string table. Text with spaces at
// either end keeps them (xml:space="preserve").
func (w *sheetWriter) sharedStrings(f io.Writer) error {
	b := fmt.Appendf(w.buf[:0], `<sst xmlns="%s" count="%d" uniqueCount="%d">`, nsMain, w.nstr, len(w.order))
	for _, s := range w.order {
		b = append(b, `<si>`...)
		b = appendT(b, s)
		b = append(b, `</si>`...)
	}
	b = append(b, `</sst>`...)
	_, err := f.Write(b)
	return err
}

// styles is the style sheet: the default style, money (two decimals,
// thousands grouped, the currency's code after the number when there is
// one) and dates (yyyy-mm-dd), in the order of styleDefault, styleMoney,
// styleDate. Fonts, fills, borders and the Normal cell style are the
// minimum Excel expects (two fills: none and gray125 are reserved).
func styles(currency string) string {
	money := "#,##0.00"
	if code := strings.Trim(currency, `"\`); code != "" {
		money += `" ` + code + `"`
	}
	xf := func(numFmt int) string {
		return fmt.Sprintf(`<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, numFmt)
	}
	return `<styleSheet xmlns="` + nsMain + `">` +
		fmt.Sprintf(`<numFmts count="2"><numFmt numFmtId="%d" formatCode="%s"/><numFmt numFmtId="%d" formatCode="yyyy-mm-dd"/></numFmts>`,
			numFmtMoney, escape(money), numFmtDate) +
		`<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` + xf(numFmtMoney) + xf(numFmtDate) + `</cellXfs>` +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
		`</styleSheet>`
}

// escape makes s XML text or attribute content (appendEscaped).
func escape(s string) string {
	return string(appendEscaped(nil, s))
}

// appendEscaped appends s as XML text or attribute content, as
// xml.EscapeText writes it: & < > " ' escaped, tabs and line breaks kept
// as character references, and characters XML 1.0 cannot hold (other
// control characters, invalid UTF-8) replaced with U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		i += width
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlChar(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
				break
			}
			continue
		}
		b = append(b, s[last:i-width]...)
		b = append(b, esc...)
		last = i
	}
	return append(b, s[last:]...)
}

// xmlChar tells whether XML 1.0 can hold r (its Char production, §2.2).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
