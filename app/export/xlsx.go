package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"retention/app/report"
)

// XLSX returns the customers as an Excel workbook with one sheet named
// sheet (a default name when empty): a header row, then one row per
// customer, numbers as numbers and first_order/last_order as dates shown
// yyyy-mm-dd. currency (an ISO code, or "") fills the currency column, and
// the money cells show it beside the number (1,234.50 GBP) while they stay
// numbers.
//
// The workbook holds the parts of an Office Open XML spreadsheet
// (ECMA-376 Part 1, §18; package layout per Part 2) that Excel and
// LibreOffice need and no more: content types, package and workbook
// relationships, the workbook, one worksheet, shared strings and styles.
func XLSX(rows []report.Customer, sheet, currency string) ([]byte, error) {
	if sheet = sheetName(sheet); sheet == "" {
		sheet = "Customers"
	}
	w := newSheetWriter()
	names, survey := header(rows), surveyed(rows)
	head := make([]any, len(names))
	for i, h := range names {
		head[i] = h
	}
	w.row(head)
	for _, c := range rows {
		rec := record(c, currency, survey)
		for _, j := range []int{revenueCol, predictedCLVCol} {
			if v, ok := rec[j].(float64); ok {
				rec[j] = money(v)
			}
		}
		for _, j := range []int{firstOrderCol, lastOrderCol, nextOrderCol} {
			if s, ok := rec[j].(string); ok {
				if d, err := time.Parse(time.DateOnly, s); err == nil {
					rec[j] = date(d)
				}
			}
		}
		w.row(rec)
	}
	return w.workbook(sheet, currency)
}

// Cell values besides string, int and float64 (nil is an empty cell).
type (
	money float64   // a number in the money format
	date  time.Time // a day, in the date format
)

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

// sheetWriter collects the worksheet's rows and its shared strings.
type sheetWriter struct {
	data    bytes.Buffer   // the <row> elements
	strs    map[string]int // shared string → index
	order   []string       // shared strings by index
	nstr    int            // string cells (the sst's count)
	nrows   int
	colName []string // A, B, ... for the columns seen so far
}

func newSheetWriter() *sheetWriter {
	return &sheetWriter{strs: map[string]int{}}
}

// row appends a row of cells.
func (w *sheetWriter) row(cells []any) {
	w.nrows++
	r := strconv.Itoa(w.nrows)
	fmt.Fprintf(&w.data, `<row r="%s">`, r)
	for i, v := range cells {
		ref := w.col(i) + r
		switch v := v.(type) {
		case string:
			if v == "" {
				continue
			}
			fmt.Fprintf(&w.data, `<c r="%s" t="s"><v>%d</v></c>`, ref, w.shared(v))
		case int:
			fmt.Fprintf(&w.data, `<c r="%s"><v>%d</v></c>`, ref, v)
		case float64:
			w.number(ref, styleDefault, v)
		case money:
			w.number(ref, styleMoney, float64(v))
		case date:
			w.number(ref, styleDate, serial(time.Time(v)))
		}
	}
	w.data.WriteString(`</row>`)
}

// number writes a numeric cell; a number a cell cannot hold (NaN, ±Inf)
// leaves it empty.
func (w *sheetWriter) number(ref string, style int, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return
	}
	s := ""
	if style != styleDefault {
		s = ` s="` + strconv.Itoa(style) + `"`
	}
	fmt.Fprintf(&w.data, `<c r="%s"%s><v>%s</v></c>`, ref, s, strconv.FormatFloat(v, 'g', -1, 64))
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

// col returns the letters of the 0-based column i.
func (w *sheetWriter) col(i int) string {
	for len(w.colName) <= i {
		w.colName = append(w.colName, columnName(len(w.colName)))
	}
	return w.colName[i]
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

// workbook zips the parts around the collected rows.
func (w *sheetWriter) workbook(sheet, currency string) ([]byte, error) {
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="` + ctPrefix + `sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="` + ctPrefix + `worksheet+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="` + ctPrefix + `styles+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="` + ctPrefix + `sharedStrings+xml"/>` +
			`</Types>`},
		{"_rels/.rels", `<Relationships xmlns="` + nsPkgRels + `">` +
			`<Relationship Id="rId1" Type="` + relOffice + `" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRels + `"><sheets>` +
			`<sheet name="` + escape(sheet) + `" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="` + nsPkgRels + `">` +
			`<Relationship Id="rId1" Type="` + relSheet + `" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + relStyles + `" Target="styles.xml"/>` +
			`<Relationship Id="rId3" Type="` + relStrings + `" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/styles.xml", styles(currency)},
		{"xl/sharedStrings.xml", w.sharedStrings()},
		{"xl/worksheets/sheet1.xml", `<worksheet xmlns="` + nsMain + `"><sheetData>` + w.data.String() + `</sheetData></worksheet>`},
	}
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, p := range parts {
		// A fixed time (the zip format's earliest) makes equal lists equal files.
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		if _, err := f.Write([]byte(xmlHeader + p.body)); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return b.Bytes(), nil
}

// sharedStrings is the shared string table. Text with spaces at either end
// keeps them (xml:space="preserve").
func (w *sheetWriter) sharedStrings() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<sst xmlns="%s" count="%d" uniqueCount="%d">`, nsMain, w.nstr, len(w.order))
	for _, s := range w.order {
		if strings.TrimSpace(s) != s {
			b.WriteString(`<si><t xml:space="preserve">` + escape(s) + `</t></si>`)
		} else {
			b.WriteString(`<si><t>` + escape(s) + `</t></si>`)
		}
	}
	b.WriteString(`</sst>`)
	return b.String()
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

// escape makes s XML text or attribute content: & < > " ' escaped, tabs
// and line breaks kept as character references, and characters XML 1.0
// cannot hold (other control characters) replaced with U+FFFD.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
