package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"retention/app/limits"
	"retention/app/realdata"
)

// scanSheetTokens is the worksheet reader as it was before the fast scanner:
// every piece of XML a token of the general tokenizer, elements told apart
// by name, attributes read by nextAttr, every value converted (no column's
// last cell kept). It is the plain path the tests compare scanSheet with.
func (w *Workbook) scanSheetTokens(sc *scanner, fn func(int, []string) error) error {
	var (
		cells   []string
		rowNum  int
		inRow   bool
		col     int // column of the current cell
		typ     []byte
		style   int
		inCell  bool
		inV     bool
		inIS    bool
		inT     bool
		skipRPh int
		val     []byte
		hasVal  bool
		inData  bool
	)
	for {
		tok, err := sc.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch tok.kind {
		case tokStart:
			switch string(tok.local()) {
			case "sheetData":
				inData = !tok.selfClosing
			case "row":
				if !inData {
					continue
				}
				if r := tok.attr("r"); r != nil {
					n, ok := atoi(r)
					if !ok || n < 1 {
						return fmt.Errorf("row number %q is not valid", r)
					}
					rowNum = n
				} else {
					rowNum++
				}
				if rowNum > limits.ExcelRows {
					return &limits.Error{Code: limits.Rows, Limit: limits.ExcelRows, Figure: int64(rowNum)}
				}
				cells = cells[:0]
				col = -1
				inRow = !tok.selfClosing
				inCell = false // a cell left open ends with its row
			case "c":
				if !inRow {
					continue
				}
				r, t, st := cellAttrs(tok.attrs)
				if r != nil {
					c, ok := colIndex(r)
					if !ok {
						return fmt.Errorf("cell reference %q in row %d is not valid", r, rowNum)
					}
					col = c
				} else {
					col++
				}
				if col >= maxColumns {
					return fmt.Errorf("row %d has more than %d columns", rowNum, maxColumns)
				}
				typ = append(typ[:0], t...)
				style = 0
				if st != nil {
					style, _ = atoi(st)
				}
				val = val[:0]
				hasVal = false
				inCell = !tok.selfClosing
			case "v":
				if inCell {
					inV = !tok.selfClosing
					hasVal = true
				}
			case "is":
				if inCell {
					inIS = !tok.selfClosing
					hasVal = true
				}
			case "t":
				if inIS {
					inT = !tok.selfClosing
				}
			case "rPh":
				if inIS && !tok.selfClosing {
					skipRPh++
				}
			}
		case tokEnd:
			switch string(tok.local()) {
			case "sheetData":
				return nil
			case "row":
				if !inRow {
					continue
				}
				inRow = false
				n := len(cells)
				for n > 0 && cells[n-1] == "" {
					n--
				}
				if n > 0 {
					if err := fn(rowNum, cells[:n]); err != nil {
						return err
					}
				}
			case "c":
				if !inCell {
					continue
				}
				inCell = false
				if !hasVal {
					continue
				}
				s, err := w.cellText(valueKind(typ), style, val)
				if err != nil {
					return fmt.Errorf("cell %s%d: %v", colName(col), rowNum, err)
				}
				if s == "" {
					continue
				}
				for len(cells) <= col {
					cells = append(cells, "")
				}
				cells[col] = s
			case "v":
				inV = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "rPh":
				skipRPh--
			}
		case tokText:
			if inV || (inIS && inT && skipRPh == 0) {
				if tok.cdata {
					val = append(val, tok.text...)
				} else {
					val = appendText(val, tok.text)
				}
				if int64(len(val)) > w.limits.Cell {
					return &limits.Error{Code: limits.Cell, Limit: w.limits.Cell, Figure: int64(len(val))}
				}
			}
		}
	}
}

// sheetResult is what a worksheet reader gives: each row with its number,
// and the error that ended the reading.
type sheetResult struct {
	rows []string // "row: cell|cell|..."
	err  string
}

func scanWith(w *Workbook, x []byte, scan func(*Workbook, *scanner, func(int, []string) error) error) sheetResult {
	var res sheetResult
	err := scan(w, newScanner(bytes.NewReader(x)), func(row int, cells []string) error {
		res.rows = append(res.rows, fmt.Sprintf("%d: %q", row, cells))
		return nil
	})
	if err != nil {
		res.err = err.Error()
	}
	return res
}

// sameScan checks that the fast scanner gives exactly the rows and error
// of the general tokenizer on x.
func sameScan(t *testing.T, w *Workbook, x []byte) {
	t.Helper()
	fast := scanWith(w, x, (*Workbook).scanSheet)
	plain := scanWith(w, x, (*Workbook).scanSheetTokens)
	if fast.err != plain.err {
		t.Fatalf("error %q, plain path %q", fast.err, plain.err)
	}
	if len(fast.rows) != len(plain.rows) {
		t.Fatalf("%d rows, plain path %d:\n%q\n%q", len(fast.rows), len(plain.rows), fast.rows, plain.rows)
	}
	for i := range plain.rows {
		if fast.rows[i] != plain.rows[i] {
			t.Fatalf("row %d: %s, plain path %s", i, fast.rows[i], plain.rows[i])
		}
	}
}

// testSheetWorkbook is a workbook with two shared strings and a date style
// (style 1), for worksheet XML given on its own.
func testSheetWorkbook() *Workbook {
	return &Workbook{sst: []string{"s0", "s1"}, dateXF: []uint8{kindNumber, kindDate, kindDateTime}, limits: limits.CLI}
}

// scanCases are worksheet XML fragments written the ways Excel, LibreOffice,
// other writers and broken files write them.
var scanCases = []struct{ name, xml string }{
	{"plain", `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2.5</v></c><c r="C1" s="1"><v>45292</v></c></row></sheetData>`},
	{"no references", `<sheetData><row><c><v>1</v></c><c t="s"><v>1</v></c></row><row><c/><c><v>3</v></c></row></sheetData>`},
	{"self-closing cells and rows", `<sheetData><row r="2" spans="1:3"><c r="A2" s="1"/><c r="C2"><v>7</v></c></row><row r="3"/><row r="4"><c r="B4"/></row></sheetData>`},
	{"inline strings and rich text", `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>plain</t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>bold</t></r><r><t xml:space="preserve"> and plain </t></r><rPh sb="0" eb="1"><t>phonetic</t></rPh><phoneticPr fontId="1"/></is></c><c r="C1" t="inlineStr"><is><t/></is></c><c r="D1" t="inlineStr"><is/></c></row></sheetData>`},
	{"entities", `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#246;&#x2603; &bogus; &#xZZ; & x</t></is></c><c r="B1" t="str"><v>&#49;&#50;</v></c></row></sheetData>`},
	{"CDATA", `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b> & c]]></t></is></c><c r="B1"><v><![CDATA[12]]></v></c></row></sheetData>`},
	{"namespace prefixes", `<x:worksheet xmlns:x="main"><x:sheetData><x:row x:r="1"><x:c x:r="B1" x:t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>in</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`},
	{"whitespace", "<sheetData>\n <row\tr = \"1\" >\n  <c  r=\"A1\"\r\n t='s' ><v> 0 </v></c >\n  <c r='B1' s = '1' ><v>\n45292\n</v>\n</c>\n </row >\n</sheetData >"},
	{"formulas, booleans, errors, dates as text", `<sheetData><row r="1"><c r="A1" t="str"><f>1+1</f><v>2</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="b"><v>false</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="d"><v>2024-03-01T10:11:12.5Z</v></c><c r="F1" s="2"><v>45292.75</v></c><c r="G1" s="9"><v>1</v></c></row></sheetData>`},
	{"shared formulas", `<sheetData><row r="1"><c r="A1" s="1"><f t="shared" ref="A1:A2" si="0">B1*2</f><v>45292</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A2" s="1"><f t="shared" si="0"/><v>45293</v></c></row></sheetData>`},
	{"comments, declarations, instructions", `<?xml version="1.0"?><!DOCTYPE x><sheetData><!-- <row r="9"> --><row r="1"><?pi <c>?><c r="A1"><!-- > --><v>1</v></c></row></sheetData>`},
	{"a bracket in an attribute", `<sheetData><row r="1" x="a>b"><c r="A1" foo='<c r="Z9">'><v>1</v></c></row></sheetData>`},
	{"repeated attributes", `<sheetData><row r="2" r="3"><c r="A2" r="C2" t="s" t="str" s="1" s="0"><v>1</v></c></row></sheetData>`},
	{"unusual spellings", `<sheetData><row r="1"><c r><v>1</v></c><c r="B1" / ><v>2</v></c><c r=B1><v>3</v></c><c r="C1"/><c"x"><v>4</v></c>< c><v>5</v></c></row><row r="2"><c r="A2" t ><v>6</v></c></row></sheetData>`},
	{"elements outside sheetData", `<worksheet><sheetViews><row r="1"><c r="A1"><v>1</v></c></row></sheetViews><sheetData><row r="2"><c r="A2"><v>2</v></c></row></sheetData><row r="3"><c r="A3"><v>3</v></c></row></worksheet>`},
	{"cells outside rows, nested values", `<sheetData><c r="A1"><v>1</v></c><row r="1"><v>9</v><c r="A1"><x><v>1</v></x><v>2</v></c></row></sheetData>`},
	{"same value again", `<sheetData><row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="1"><v>45292</v></c><c r="B2" t="s"><v>0</v></c></row><row r="3"><c r="A3"><v>45292</v></c><c r="B3" t="str"><v>0</v></c></row></sheetData>`},
	{"error: row number", `<sheetData><row r="x"><c><v>1</v></c></row></sheetData>`},
	{"error: empty row number", `<sheetData><row r=""><c><v>1</v></c></row></sheetData>`},
	{"error: row number 0", `<sheetData><row r="1"><c><v>1</v></c></row><row r="0" spans="1:2"><c><v>1</v></c></row></sheetData>`},
	{"error: past the last row", `<sheetData><row r="1048576" spans="1:2"><c><v>1</v></c></row><row r="1048577" spans="1:2"><c><v>1</v></c></row></sheetData>`},
	{"error: past the last row, counted", `<sheetData><row r="1048576" spans="1:2"><c><v>1</v></c></row><row><c><v>1</v></c></row></sheetData>`},
	{"error: cell reference", `<sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData>`},
	{"error: shared string", `<sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData>`},
	{"error: too wide", `<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>`},
	{"error: cut inside a tag", `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A`},
	{"cut inside text", `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>12`},
	{"cut inside a comment", `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><!-- x`},
	{"empty", ``},
	{"text only", `just text`},
	{"lone brackets", `<<>></><sheetData><row><c><v>1</v></c><</row></sheetData>`},
}

// TestScanSheetPlainPath proves that the fast scanner gives exactly the
// cells (and errors) of the general tokenizer: on crafted XML, on the
// worksheets of every test workbook, on a worksheet whose tags cross the
// scanner's block boundaries, and on Online Retail.
func TestScanSheetPlainPath(t *testing.T) {
	for _, tc := range scanCases {
		t.Run(tc.name, func(t *testing.T) { sameScan(t, testSheetWorkbook(), []byte(tc.xml)) })
	}
	for _, tc := range workbooks(t) {
		t.Run(tc.Name, func(t *testing.T) { sameSheets(t, tc.Data) })
	}
	t.Run("block boundaries", func(t *testing.T) {
		// Rows of every kind of scanCases, until the XML spans several
		// blocks; an odd filler shifts where each block ends.
		var b bytes.Buffer
		b.WriteString("<sheetData>")
		for r := 1; b.Len() < 3*blockSize; r++ {
			fmt.Fprintf(&b, `<row r="%d" spans="1:4"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" s="1"><v>%d.%d</v></c>`, r, r, r%2, r, 40000+r%97, r%7)
			fmt.Fprintf(&b, `<c r="C%d" t="inlineStr"><is><r><t>x &amp; %s</t></r><rPh><t>p</t></rPh></is></c><!-- %s --><c r="D%d"/></row>`, r, bytes.Repeat([]byte("y"), r%13), bytes.Repeat([]byte(">"), r%5), r)
		}
		b.WriteString("</sheetData>")
		sameScan(t, testSheetWorkbook(), b.Bytes())
	})
	if !testing.Short() {
		t.Run("online_retail.xlsx", func(t *testing.T) {
			sameSheets(t, realdata.Read(t, "online_retail.xlsx"))
		})
	}
}

// sameSheets runs sameScan on every worksheet of a workbook.
func sameSheets(t *testing.T, data []byte) {
	t.Helper()
	w, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range w.sheets {
		rc, err := w.open(s.path)
		if err != nil {
			t.Fatal(err)
		}
		x, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		sameScan(t, w, x)
	}
}

// TestScanSheetCellLimit checks that a value past the cell limit fails the
// same in the fast scanner as in the general tokenizer, however the cell
// is written: a <v> body read with its cell (fastRows, startMark's
// plainValue), one read as marks, an inline string.
func TestScanSheetCellLimit(t *testing.T) {
	const limit = 4 // bytes of one cell
	for _, tc := range []struct{ name, xml string }{
		{"plain value", `<sheetData><row r="1"><c r="A1"><v>1234</v></c><c r="B1"><v>12345</v></c></row></sheetData>`},
		{"plain value, odd tag", `<sheetData><row r="1"><c  r="A1"><v>12345</v></c></row></sheetData>`},
		{"value with an entity", `<sheetData><row r="1"><c r="A1" t="str"><v>12&amp;45</v></c></row></sheetData>`},
		{"inline string", `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>abcde</t></is></c></row></sheetData>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := testSheetWorkbook()
			w.limits.Cell = limit
			res := scanWith(w, []byte(tc.xml), (*Workbook).scanSheet)
			want := (&limits.Error{Code: limits.Cell, Limit: limit, Figure: 5}).Error()
			if res.err != want {
				t.Fatalf("error %q, want %q", res.err, want)
			}
			sameScan(t, w, []byte(tc.xml))
		})
	}
}
