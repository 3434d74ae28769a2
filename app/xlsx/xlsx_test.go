package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"retention/app/limits/craft"
	"retention/app/realdata"
)

// book builds a workbook with excelize and returns its bytes.
func book(t testing.TB, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	build(f)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func style(t testing.TB, f *excelize.File, s *excelize.Style) int {
	id, err := f.NewStyle(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func strp(s string) *string { return &s }

// workbooks are the test workbooks, each with the cells our reader must give.
func workbooks(t testing.TB) []struct {
	Name string
	Data []byte
	Want map[string][][]string // sheet -> rows (row number is the index + 1; nil rows are absent)
} {
	type wb = struct {
		Name string
		Data []byte
		Want map[string][][]string
	}
	out := []wb{}
	out = append(out, wb{"values of every kind", book(t, func(f *excelize.File) {
		date := style(t, f, &excelize.Style{NumFmt: 14})                                 // m/d/yyyy
		dt := style(t, f, &excelize.Style{CustomNumFmt: strp("dd.mm.yyyy hh:mm")})       // custom date-time
		tm := style(t, f, &excelize.Style{NumFmt: 20})                                   // h:mm
		money := style(t, f, &excelize.Style{CustomNumFmt: strp(`#,##0.00 "kr"`)})       // not a date
		red := style(t, f, &excelize.Style{CustomNumFmt: strp(`[Red]0.00;[Blue]-0.00`)}) // not a date
		f.SetSheetRow("Sheet1", "A1", &[]any{"Order", "Date", "Total", "Paid", "Note"})
		f.SetSheetRow("Sheet1", "A2", &[]any{1001, 45292.5, 12.5, true, "a & b <c>"})
		f.SetCellStyle("Sheet1", "B2", "B2", dt)
		f.SetSheetRow("Sheet1", "A3", &[]any{1002, 45293, 1234.56, false, "Ærø ß ≥"})
		f.SetCellStyle("Sheet1", "B3", "B3", date)
		f.SetCellFloat("Sheet1", "C4", 0.1+0.2, -1, 64)
		f.SetCellStyle("Sheet1", "C4", "C4", money)
		f.SetCellValue("Sheet1", "E4", 0.25)
		f.SetCellStyle("Sheet1", "E4", "E4", tm)
		f.SetCellValue("Sheet1", "D4", -3)
		f.SetCellStyle("Sheet1", "D4", "D4", red)
		f.SetCellFormula("Sheet1", "A5", "A2+A3")
		f.SetCellValue("Sheet1", "B5", time.Date(2011, 12, 9, 12, 50, 0, 0, time.UTC))
		f.SetCellRichText("Sheet1", "E5", []excelize.RichTextRun{{Text: "bold "}, {Text: "and plain"}})
		f.SetCellStyle("Sheet1", "A7", "E9", money) // styled empty rows at the end
	}), map[string][][]string{"Sheet1": {
		{"Order", "Date", "Total", "Paid", "Note"},
		{"1001", "2024-01-01 12:00:00", "12.5", "TRUE", "a & b <c>"},
		{"1002", "2024-01-02", "1234.56", "FALSE", "Ærø ß ≥"},
		{"", "", "0.3", "-3", "06:00:00"},
		{"", "2011-12-09 12:50:00", "", "", "bold and plain"},
	}}})
	out = append(out, wb{"sparse rows and columns, several sheets", book(t, func(f *excelize.File) {
		f.SetCellValue("Sheet1", "C3", "x")
		f.SetCellValue("Sheet1", "AA10", 7)
		f.NewSheet("Orders")
		f.SetCellValue("Orders", "A1", "id")
		f.NewSheet("Empty")
	}), map[string][][]string{
		"Sheet1": {nil, nil, {"", "", "x"}, nil, nil, nil, nil, nil, nil, append(make([]string, 26), "7")},
		"Orders": {{"id"}},
		"Empty":  {},
	}})
	out = append(out, wb{"1904 date system", book(t, func(f *excelize.File) {
		f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: boolp(true)})
		date := style(t, f, &excelize.Style{NumFmt: 14})
		f.SetCellValue("Sheet1", "A1", 0)
		f.SetCellValue("Sheet1", "A2", 43830)
		f.SetCellStyle("Sheet1", "A1", "A2", date)
	}), map[string][][]string{"Sheet1": {{"1904-01-01"}, {"2024-01-01"}}}})
	out = append(out, wb{"the 1900 leap-year bug", book(t, func(f *excelize.File) {
		date := style(t, f, &excelize.Style{NumFmt: 14})
		for i, v := range []float64{1, 59, 60, 61} {
			f.SetCellValue("Sheet1", fmt.Sprint("A", i+1), v)
		}
		f.SetCellStyle("Sheet1", "A1", "A4", date)
	}), map[string][][]string{"Sheet1": {{"1900-01-01"}, {"1900-02-28"}, {"1900-02-29"}, {"1900-03-01"}}}})
	out = append(out, wb{"hand-written XML: prefixes, no cell references, inline strings", handZip(map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":                `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Data" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/sharedStrings.xml":       `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Kunde</t></si><si><r><t>Be</t></r><r><t xml:space="preserve">løb </t></r><rPh><t>ignored</t></rPh></si><si><t><![CDATA[a<b]]></t></si></sst>`,
		"xl/worksheets/sheet1.xml":   `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!-- a comment > with a bracket --><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:t>K&#246;ln &amp; &#x2603;</x:t></x:is></x:c><x:c t="str"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c></x:row><x:row/><x:row r="5"><x:c r="B5" t="d"><x:v>2024-03-01T10:11:12Z</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
	}), map[string][][]string{"Data": {{"Kunde", "Beløb ", "a<b"}, {"Köln & ☃", "2", "#DIV/0!"}, nil, nil, {"", "2024-03-01 10:11:12"}}}})
	return out
}

func boolp(b bool) *bool { return &b }

func handZip(files map[string]string) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, body := range files {
		f, _ := w.Create(name)
		io.WriteString(f, body)
	}
	w.Close()
	return b.Bytes()
}

// read returns every row of every sheet, indexed by row number − 1.
func read(t testing.TB, data []byte) map[string][][]string {
	t.Helper()
	wb, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][][]string{}
	for _, s := range wb.Sheets() {
		rows := [][]string{}
		err := wb.Rows(s, func(row int, cells []string) error {
			for len(rows) < row-1 {
				rows = append(rows, nil)
			}
			rows = append(rows, append([]string(nil), cells...))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		out[s] = rows
	}
	return out
}

func TestRows(t *testing.T) {
	for _, tc := range workbooks(t) {
		t.Run(tc.Name, func(t *testing.T) {
			got := read(t, tc.Data)
			if !reflect.DeepEqual(got, tc.Want) {
				t.Errorf("cells:\n got %q\nwant %q", got, tc.Want)
			}
		})
	}
}

// oracle reads a sheet with excelize (raw values), converting cells with
// a date format by the same rule, and trimming as Rows does. Looking up a
// cell's style in excelize is slow, so on a big sheet rows past the first
// 20,000 are looked up one in 50 (exact), and in the others a number is
// marked as either plain or a date serial, which the comparison accepts
// in either form (see same).
func oracle(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	r := 0
	styleKinds := map[int]uint8{}
	props, _ := f.GetWorkbookProps()
	d1904 := props.Date1904 != nil && *props.Date1904
	for rows.Next() {
		r++
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for c, v := range cols {
			if v == "" {
				continue
			}
			fv, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue // text: only numbers can be dates or booleans
			}
			if r > 20000 && r%50 != 0 {
				cols[c] = unchecked + v
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r)
			if v == "0" || v == "1" {
				if typ, _ := f.GetCellType(sheet, cell); typ == excelize.CellTypeBool {
					cols[c] = map[string]string{"1": "TRUE", "0": "FALSE"}[v]
					continue
				}
			}
			sid, _ := f.GetCellStyle(sheet, cell)
			kind := styleKinds[sid]
			if _, ok := styleKinds[sid]; !ok {
				st, _ := f.GetStyle(sid)
				if st != nil {
					if st.CustomNumFmt != nil {
						kind = dateKind(*st.CustomNumFmt)
					} else {
						kind = builtinDateKind(st.NumFmt)
					}
				}
				styleKinds[sid] = kind
			}
			if kind != kindNumber {
				if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
					continue // a string that looks like a number
				}
				if s, ok := serialText(fv, d1904, kind); ok {
					cols[c] = s
				}
			}
		}
		n := len(cols)
		for n > 0 && cols[n-1] == "" {
			n--
		}
		for len(out) < r-1 {
			out = append(out, nil)
		}
		if n > 0 {
			out = append(out, cols[:n])
		}
	}
	for len(out) > 0 && out[len(out)-1] == nil {
		out = out[:len(out)-1]
	}
	if out == nil {
		out = [][]string{}
	}
	return out
}

// TestDifferential proves that Rows and excelize give the same cells on
// every workbook of the tests made with excelize, and on Online Retail.
func TestDifferential(t *testing.T) {
	type wbCase struct {
		name string
		data []byte
	}
	var cases []wbCase
	for _, tc := range workbooks(t) {
		if tc.Name == "hand-written XML: prefixes, no cell references, inline strings" {
			continue // excelize does not read namespace prefixes in cells
		}
		cases = append(cases, wbCase{tc.Name, tc.Data})
	}
	if !testing.Short() {
		if realdata.Have("online_retail.xlsx") {
			cases = append(cases, wbCase{"online_retail.xlsx", realdata.Read(t, "online_retail.xlsx")})
		}
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			got := read(t, tc.data)
			for _, s := range f.GetSheetList() {
				want := oracle(t, f, s)
				g := got[s]
				if len(g) != len(want) {
					t.Fatalf("sheet %s: %d rows, excelize %d", s, len(g), len(want))
				}
				for i := range want {
					if !same(g[i], want[i]) {
						t.Fatalf("sheet %s row %d:\n got %q\nexcelize %q", s, i+1, g[i], want[i])
					}
				}
			}
		})
	}
}

// unchecked marks an oracle cell holding a number whose style was not
// looked up.
const unchecked = "\x00number:"

// same compares our row with the oracle's: an unchecked number matches
// itself or its rendering as a date or date-time serial.
func same(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range want {
		w := want[i]
		if len(w) > len(unchecked) && w[:len(unchecked)] == unchecked {
			raw := w[len(unchecked):]
			if got[i] == raw {
				continue
			}
			fv, _ := strconv.ParseFloat(raw, 64)
			d, _ := serialText(fv, false, kindDate)
			dt, _ := serialText(fv, false, kindDateTime)
			if got[i] == d || got[i] == dt {
				continue
			}
			return false
		}
		if got[i] != w {
			return false
		}
	}
	return true
}

func TestOpenErrors(t *testing.T) {
	cfb := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	if _, err := Open(cfb); !errors.Is(err, ErrEncrypted) {
		t.Errorf("CFB: err = %v, want ErrEncrypted", err)
	}
	if _, err := Open(handZip(map[string]string{"a.txt": "x"})); !errors.Is(err, ErrNotWorkbook) {
		t.Errorf("zip without a workbook: err = %v, want ErrNotWorkbook", err)
	}
	if _, err := Open([]byte("PK\x03\x04garbage")); err == nil {
		t.Error("garbage: no error")
	}
	// A worksheet cut in the middle of a tag.
	good := workbooks(t)[0].Data
	zr, _ := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	files := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
	}
	files["xl/worksheets/sheet1.xml"] = files["xl/worksheets/sheet1.xml"][:300]
	wb, err := Open(handZip(files))
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.Rows("Sheet1", func(int, []string) error { return nil }); err == nil {
		t.Error("a cut worksheet gave no error")
	}
}

func TestDateKind(t *testing.T) {
	for code, want := range map[string]uint8{
		"dd.mm.yyyy": kindDate, "yyyy-mm-dd hh:mm:ss": kindDateTime, "h:mm": kindTime, "[h]:mm:ss": kindTime,
		"mmm yyyy": kindDate, `#,##0.00 "kr"`: kindNumber, "0.00E+00": kindNumber, "General": kindNumber,
		`[$-407]dddd, d. mmmm yyyy`: kindDate, `[Red]0.00`: kindNumber, `0.00\d`: kindNumber, "0%": kindNumber,
	} {
		if got := dateKind(code); got != want {
			t.Errorf("dateKind(%q) = %d, want %d", code, got, want)
		}
	}
}

func FuzzOpen(f *testing.F) {
	for _, tc := range workbooks(f) {
		f.Add(tc.Data)
	}
	// Small bombs of issue 15 (a few KiB each that unpack to 16 to 64
	// MiB, past the budget): each must stay within the budget.
	f.Add(craft.Workbook(craft.SheetRows(2000), nil))
	f.Add(craft.Workbook(craft.CellOfRuns(4096, 4096), nil))
	f.Add(craft.Workbook(craft.SheetRows(1), craft.SharedStrings(20000, 1000)))
	f.Add(craft.Overlapping(5, 64<<20))
	f.Fuzz(func(t *testing.T, data []byte) {
		alloc := craft.Allocated(func() {
			wb, err := OpenWith(data, craft.FuzzLimits(len(data)))
			if err != nil {
				return
			}
			for _, s := range wb.Sheets() {
				wb.Rows(s, func(row int, cells []string) error {
					if row < 1 || len(cells) == 0 || cells[len(cells)-1] == "" {
						t.Fatalf("row %d cells %q", row, cells)
					}
					return nil
				})
			}
		})
		if alloc > craft.Budget(len(data)) {
			t.Fatalf("%d bytes allocated %d, over the budget of %d", len(data), alloc, craft.Budget(len(data)))
		}
	})
}

// FuzzSheetXML feeds arbitrary worksheet XML to the fast scanner and to
// the general tokenizer: both must give the same rows and errors.
func FuzzSheetXML(f *testing.F) {
	f.Add(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`)
	f.Add(`<sheetData><row><c><v>1</v></c><c t="s"><v>0</v></c></row><row r="3"/></sheetData>`)
	f.Add(`<sheetData><row r="1048577"><c><v>1</v></c></row></sheetData>`)
	f.Add(`<sheetData><row><c><v>1</v></row><row></c></row></sheetData>`) // a cell closed in the next row (index -1)
	f.Add(`<sheetData><row><c t="inlineStr"><is>` + strings.Repeat(`<r><t>`+strings.Repeat("x", 4096)+`</t></r>`, 64) + `</is></c></row></sheetData>`)
	for _, tc := range scanCases {
		f.Add(tc.xml)
	}
	f.Fuzz(func(t *testing.T, x string) {
		w := testSheetWorkbook()
		alloc := craft.Allocated(func() {
			w.scanSheet(newScanner(bytes.NewReader([]byte(x))), func(row int, cells []string) error { return nil })
		})
		if alloc > craft.Budget(len(x)) {
			t.Fatalf("%d bytes allocated %d, over the budget of %d", len(x), alloc, craft.Budget(len(x)))
		}
		sameScan(t, w, []byte(x))
	})
}

func onlineRetail(b *testing.B) []byte {
	b.Helper()
	return realdata.Read(b, "online_retail.xlsx")
}

// reportCPU reports the process's CPU time per op since from (cpuTime),
// as cpu-ms/op: on a machine shared with other work, a steadier figure
// than the time that passed (ns/op). Nothing where it is not read.
func reportCPU(b *testing.B, from float64) {
	if from > 0 {
		b.ReportMetric((cpuTime()-from)/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkRowsOnlineRetail reads every cell of online_retail.xlsx.
func BenchmarkRowsOnlineRetail(b *testing.B) {
	data := onlineRetail(b)
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		wb, err := Open(data)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		if err := wb.Rows(wb.Sheets()[0], func(int, []string) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		if n != 541910 {
			b.Fatalf("%d rows", n)
		}
	}
}

// BenchmarkExcelizeRowsRaw is the oracle's speed: excelize's Rows() with
// raw cell values on the same file.
func BenchmarkExcelizeRowsRaw(b *testing.B) {
	data := onlineRetail(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows(f.GetSheetList()[0])
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n < 541910 {
			b.Fatalf("%d rows", n)
		}
	}
}

// TestRowsProgress checks that a sheet's progress is its XML inflated out
// of the size in the zip's header: rising, never past the total, one
// report per ProgressStep and the last at the whole sheet; the rows are
// those of Rows.
func TestRowsProgress(t *testing.T) {
	const rows = 40000 // about 2.5 MiB of sheet XML: two steps of 1 MiB and the end
	var x strings.Builder
	x.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= rows; r++ {
		fmt.Fprintf(&x, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>customer %d</t></is></c><c r="B%d"><v>%d.25</v></c></row>`, r, r, r, r, r)
	}
	x.WriteString(`</sheetData></worksheet>`)
	files := map[string]string{}
	for name, body := range map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":                `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   x.String(),
	} {
		files[name] = body
	}
	data := handZip(files)
	wb, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	total := int64(x.Len())
	if got := wb.SheetSize("Data"); got != total {
		t.Fatalf("SheetSize = %d, want the sheet XML's %d bytes", got, total)
	}
	if got := wb.SheetSize("None"); got != 0 {
		t.Errorf("SheetSize of no sheet = %d, want 0", got)
	}
	var dones []int64
	n := 0
	err = wb.RowsProgress("Data", func(int, []string) error { n++; return nil }, func(done, tot int64) {
		if tot != total {
			t.Errorf("total %d, want %d", tot, total)
		}
		dones = append(dones, done)
	})
	if err != nil || n != rows {
		t.Fatalf("%d rows, err %v; want %d", n, err, rows)
	}
	want := int(total/max(ProgressStep, total/ProgressReports)) + 1 // each step, and the end
	if len(dones) != want || dones[len(dones)-1] != total {
		t.Fatalf("reports %v: want %d, the last %d", dones, want, total)
	}
	for i := 1; i < len(dones); i++ {
		if dones[i] <= dones[i-1] || dones[i] > total {
			t.Fatalf("reports %v: not rising within %d", dones, total)
		}
	}
}
