package sheet

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"

	"retention/app/limits"
	"retention/app/limits/craft"
	"retention/app/realdata"
	"retention/app/xlsx"
)

// browserParts inflates what Entries lists as web/worker.js has the
// browser inflate it (craft.Inflate).
func browserParts(data []byte, opt Options) Parts {
	parts := Parts{}
	for _, e := range Entries(data, opt) {
		if b, ok := craft.Inflate(data, e.Offset, e.Compressed, e.Size, e.CRC32); ok {
			parts[e.Offset] = bytes.NewReader(b)
		}
	}
	return parts
}

// tableOf is what Read gives: its error, or the table's sheet, header,
// notes and a digest of its rows and their line numbers.
func tableOf(t *Table, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	h := sha256.New()
	for i := 0; i < t.Len(); i++ {
		fmt.Fprintf(h, "%d\x00%q\n", t.Lines[i], t.Row(i))
	}
	return fmt.Sprintf("%s %s %q %q line %d, %d rows %x", t.Format, t.Sheet, t.Sheets, t.Header, t.HeaderLine, t.Len(), h.Sum(nil)[:8]) + fmt.Sprint(t.Notes)
}

// TestReadParts checks that Read with the parts the browser inflates
// (Entries, Options.Parts) gives the table or the error of Read without
// them, on workbooks that read, a sheet named in another case, the
// hostile workbooks of TestLimits and Online Retail; and that it reads
// every part it was given (deleting each), where Entries listed any.
func TestReadParts(t *testing.T) {
	const mib = 1 << 20
	twoSheets := craft.Zip(
		craft.Text("xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Notes" sheetId="1" r:id="rId1"/><sheet name="Orders" sheetId="2" r:id="rId2"/></sheets></workbook>`),
		craft.Text("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`+
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`),
		craft.Text("xl/worksheets/sheet1.xml", `<worksheet><sheetData/></worksheet>`),
		craft.Part{Name: "xl/worksheets/sheet2.xml", Write: craft.SheetRows(500)},
	)
	tests := []struct {
		name  string
		data  []byte
		opt   Options
		parts int // the parts Entries lists and the browser inflates
	}{
		{"rows.xlsx", craft.Workbook(craft.SheetRows(3000), nil), Options{}, 1},
		{"serial.xlsx", craft.SerialDates(500, 1, 2958465), Options{}, 1},
		// 50 shared strings of one letter inflate past xlsx's ratio: Read
		// inflates them itself.
		{"shared text.xlsx", craft.Workbook(craft.SheetRows(10), craft.SharedStrings(50, 100)), Options{}, 1},
		{"sheet named in another case.xlsx", twoSheets, Options{Sheet: "orders"}, 1},
		// The first sheet is empty: Read takes the second, which it
		// inflates itself.
		{"first sheet empty.xlsx", twoSheets, Options{}, 1},
		{"no such sheet.xlsx", twoSheets, Options{Sheet: "Returns"}, 0},
		{"past the inflated bound.xlsx", craft.Workbook(craft.SheetRows(300000), nil), Options{Limits: limits.Limits{Inflated: 4 * mib}}, 0},
		{"past the rows bound.xlsx", craft.Workbook(craft.SheetRows(3000), nil), Options{Limits: limits.Limits{Rows: 1000}}, 1},
		{"row past Excel's last.xlsx", craft.Workbook(craft.RowPastExcel, nil), Options{}, 1},
		{"cell of many runs.xlsx", craft.Workbook(craft.CellOfRuns(40, 4096), nil), Options{}, 0},
		{"shared strings past their bound.xlsx", craft.Workbook(craft.SheetRows(1), craft.SharedStrings(2000, 1000)), Options{Limits: limits.Limits{SharedStrings: mib}}, 1}, // the sheet's
		{"overlapping.xlsx", craft.Overlapping(100, 64*mib), Options{}, 0},
		{"zip entries.xlsx", craft.ZipEntries(200), Options{Limits: limits.Limits{ZipEntries: 100}}, 0},
		{"word.xlsx", craft.Docx(), Options{}, 0},
		{"sheet is a zip.xlsx", craft.SheetIsZip(), Options{}, 1},
		{"gunzipped.xlsx", craft.Workbook(craft.SheetRows(10), nil), Options{Gunzipped: true}, 0},
	}
	if !testing.Short() && realdata.Have("online_retail.xlsx") {
		tests = append(tests, struct {
			name  string
			data  []byte
			opt   Options
			parts int
		}{"online_retail.xlsx", readData(t, "online_retail.xlsx"), Options{}, 2})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tableOf(Read(tc.name, tc.data, tc.opt))
			opt := tc.opt
			opt.Parts = browserParts(tc.data, tc.opt)
			if len(opt.Parts) != tc.parts {
				t.Errorf("%d parts inflated, want %d", len(opt.Parts), tc.parts)
			}
			got := tableOf(Read(tc.name, tc.data, opt))
			if got != want {
				t.Errorf("with parts:\n%s\nwithout:\n%s", got, want)
			}
			if len(opt.Parts) != 0 && !strings.HasPrefix(want, "error") && tc.name != "first sheet empty.xlsx" {
				t.Errorf("%d parts not read", len(opt.Parts))
			}
		})
	}
}

// TestEntriesSheet checks which sheet Entries lists: the one opt.Sheet
// names as Read finds it (in another case too), else the first.
func TestEntriesSheet(t *testing.T) {
	data := craft.Workbook(craft.SheetRows(10), craft.SharedStrings(5, 10))
	wb, err := xlsx.Open(data)
	if err != nil || len(wb.Sheets()) != 1 {
		t.Fatalf("sheets %v, %v", wb.Sheets(), err)
	}
	for _, tc := range []struct {
		sheet string
		n     int
	}{{"", 2}, {"Orders", 2}, {"ORDERS", 2}, {"Returns", 1}} {
		if got := Entries(data, Options{Sheet: tc.sheet}); len(got) != tc.n {
			t.Errorf("sheet %q: %d entries, want %d", tc.sheet, len(got), tc.n)
		}
	}
	if got := Entries([]byte("Order ID,Total\n1,2\n"), Options{}); got != nil {
		t.Errorf("a CSV: %+v", got)
	}
}
