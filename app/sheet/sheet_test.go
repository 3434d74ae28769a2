package sheet

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"retention/app/limits/craft"
	"retention/app/realdata"
	"retention/app/report"
	"retention/app/xlsx"
)

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16be(s string) []byte {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func cp1252(s string) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

var readTests = []struct {
	Name   string
	Input  []byte
	Opt    Options
	Format string
	Header []string
	Rows   [][]string
	Lines  []int32
	Note   *report.Note // a note that must be there
}{{
	Name:   "comma",
	Input:  []byte("Order,Customer,Total\n1,a,10.50\n2,b,3\n"),
	Format: "csv", Header: []string{"Order", "Customer", "Total"},
	Rows: [][]string{{"1", "a", "10.50"}, {"2", "b", "3"}}, Lines: []int32{2, 3},
}, {
	Name:   "semicolon with decimal commas",
	Input:  []byte("Bestellnummer;Kundennummer;Betrag\n1;K1;1.234,56\n2;K2;99,90\n"),
	Format: "semicolon", Header: []string{"Bestellnummer", "Kundennummer", "Betrag"},
	Rows: [][]string{{"1", "K1", "1.234,56"}, {"2", "K2", "99,90"}}, Lines: []int32{2, 3},
}, {
	Name:   "tab",
	Input:  []byte("a\tb\n1\t2\n"),
	Format: "tsv", Header: []string{"a", "b"}, Rows: [][]string{{"1", "2"}}, Lines: []int32{2},
}, {
	Name:   "pipe",
	Input:  []byte("a|b\n1|2\n"),
	Format: "pipe", Header: []string{"a", "b"}, Rows: [][]string{{"1", "2"}}, Lines: []int32{2},
}, {
	Name:   "whitespace like CDNOW, CRLF",
	Input:  []byte(" customer_id  date number_of_cds  dollar_value\r\n    00001 19970101   1   11.77\r\n    00002 19970112   1   12.00\r\n"),
	Format: "whitespace", Header: []string{"customer_id", "date", "number_of_cds", "dollar_value"},
	Rows: [][]string{{"00001", "19970101", "1", "11.77"}, {"00002", "19970112", "1", "12.00"}}, Lines: []int32{2, 3},
}, {
	Name:   "quotes, doubled quotes, embedded newline and delimiter",
	Input:  []byte("id,text,n\n1,\"say \"\"hi\"\", ok\",2\n2,\"two\nlines\",3\n3,plain,4\n"),
	Format: "csv", Header: []string{"id", "text", "n"},
	Rows:  [][]string{{"1", `say "hi", ok`, "2"}, {"2", "two\nlines", "3"}, {"3", "plain", "4"}},
	Lines: []int32{2, 3, 5},
}, {
	Name:   "stray quote inside an unquoted field is kept",
	Input:  []byte("a,b\n5\" pipe,2\n"),
	Format: "csv", Header: []string{"a", "b"}, Rows: [][]string{{`5" pipe`, "2"}}, Lines: []int32{2},
}, {
	Name:   "CR line ends and blank lines",
	Input:  []byte("a,b\r1,2\r\r3,4\r"),
	Format: "csv", Header: []string{"a", "b"}, Rows: [][]string{{"1", "2"}, {"3", "4"}}, Lines: []int32{2, 4},
}, {
	Name:   "spaces around unquoted fields are trimmed",
	Input:  []byte("a , b\n 1 ,  2 \n"),
	Format: "csv", Header: []string{"a", "b"}, Rows: [][]string{{"1", "2"}}, Lines: []int32{2},
}, {
	Name:   "UTF-8 BOM",
	Input:  []byte("\xEF\xBB\xBFBeløb,Kunde\n1,Ærø\n"),
	Format: "csv", Header: []string{"Beløb", "Kunde"}, Rows: [][]string{{"1", "Ærø"}}, Lines: []int32{2},
}, {
	Name:   "UTF-16 LE with BOM, tab-separated (Excel Unicode text)",
	Input:  utf16le("Bestelldatum\tBetrag\n03.02.2024\t1.234,56\n", true),
	Format: "tsv", Header: []string{"Bestelldatum", "Betrag"}, Rows: [][]string{{"03.02.2024", "1.234,56"}}, Lines: []int32{2},
	Note: &report.Note{Code: report.NoteUTF16, Value: "LE"},
}, {
	Name:   "UTF-16 LE without BOM",
	Input:  utf16le("a\tb\n1\t2\n", false),
	Format: "tsv", Header: []string{"a", "b"}, Rows: [][]string{{"1", "2"}}, Lines: []int32{2}, Note: &report.Note{Code: report.NoteUTF16, Value: "LE"},
}, {
	Name:   "UTF-16 BE",
	Input:  utf16be("a,b\n1,2\n"),
	Format: "csv", Header: []string{"a", "b"}, Rows: [][]string{{"1", "2"}}, Lines: []int32{2}, Note: &report.Note{Code: report.NoteUTF16, Value: "BE"},
}, {
	Name:   "Windows-1252",
	Input:  cp1252("Beløb;Währung\n12,50 €;EUR\n"),
	Format: "semicolon", Header: []string{"Beløb", "Währung"}, Rows: [][]string{{"12,50 €", "EUR"}}, Lines: []int32{2},
	Note: &report.Note{Code: report.NoteWindows1252},
}, {
	Name:   "gzip",
	Input:  gz("a,b\n1,2\n"),
	Format: "csv", Header: []string{"a", "b"}, Rows: [][]string{{"1", "2"}}, Lines: []int32{2},
}, {
	Name:   "title block above the header",
	Input:  []byte("Orders report\nExported 2024-01-31\n\nOrder,Customer,Total\n1,a,10\n2,b,20\n"),
	Format: "csv", Header: []string{"Order", "Customer", "Total"},
	Rows: [][]string{{"1", "a", "10"}, {"2", "b", "20"}}, Lines: []int32{5, 6}, Note: &report.Note{Code: report.NoteTitleLines, N: 2},
}, {
	Name:   "blank and repeated header names",
	Input:  []byte("Amount,,Amount\n1,2,3\n"),
	Format: "csv", Header: []string{"Amount", "Column 2", "Amount (2)"}, Rows: [][]string{{"1", "2", "3"}}, Lines: []int32{2},
}, {
	Name:   "no header, read anyway",
	Input:  []byte("4 1 19970101 2 29.33\n4 1 19970118 2 29.73\n"),
	Opt:    Options{NoHeader: true},
	Format: "whitespace", Header: []string{"Column 1", "Column 2", "Column 3", "Column 4", "Column 5"},
	Rows: [][]string{{"4", "1", "19970101", "2", "29.33"}, {"4", "1", "19970118", "2", "29.73"}}, Lines: []int32{1, 2},
}, {
	Name:   "delimiter given",
	Input:  []byte("a;b,c\n1;2,3\n"),
	Opt:    Options{Comma: ','},
	Format: "csv", Header: []string{"a;b", "c"}, Rows: [][]string{{"1;2", "3"}}, Lines: []int32{2},
}}

func TestRead(t *testing.T) {
	for _, tc := range readTests {
		t.Run(tc.Name, func(t *testing.T) {
			tb, err := Read("test.csv", tc.Input, tc.Opt)
			if err != nil {
				t.Fatal(err)
			}
			if tb.Format != tc.Format {
				t.Errorf("format = %q, want %q", tb.Format, tc.Format)
			}
			if !reflect.DeepEqual(tb.Header, tc.Header) {
				t.Errorf("header = %q, want %q", tb.Header, tc.Header)
			}
			if got := rowsOf(tb); !reflect.DeepEqual(got, tc.Rows) {
				t.Errorf("rows = %q, want %q", got, tc.Rows)
			}
			if !reflect.DeepEqual(tb.Lines, tc.Lines) {
				t.Errorf("lines = %v, want %v", tb.Lines, tc.Lines)
			}
			if tc.Note != nil && !slices.ContainsFunc(tb.Notes, func(n report.Note) bool { return reflect.DeepEqual(n, *tc.Note) }) {
				t.Errorf("notes = %+v, want %+v", tb.Notes, *tc.Note)
			}
		})
	}
}

func zipOf(files map[string]string) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, body := range files {
		f, _ := w.Create(name)
		io.WriteString(f, body)
	}
	w.Close()
	return b.Bytes()
}

func TestReadErrors(t *testing.T) {
	corrupt := zipOf(map[string]string{"xl/workbook.xml": "<workbook/>"})
	corrupt = corrupt[:len(corrupt)-30]
	tests := []struct {
		Name  string
		Input []byte
		Err   error
		Say   string
		Code  report.Error // the code the page words (File is orders.csv)
	}{
		{"empty", nil, ErrEmpty, "is empty", report.Error{Code: report.FileEmpty}},
		{"only blank lines", []byte("\n\n  \r\n"), ErrEmpty, "is empty", report.Error{Code: report.FileEmpty}},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), ErrNotSpreadsheet, "PDF", report.Error{Code: report.NotSpreadsheet, Value: "pdf"}},
		{"PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrNotSpreadsheet, "binary", report.Error{Code: report.NotSpreadsheet, Value: "binary"}},
		{"password-protected workbook", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), ErrEncrypted, "password", report.Error{Code: report.Encrypted, Value: "either"}},
		{"zip without a workbook", zipOf(map[string]string{"hello.txt": "hi"}), ErrNotSpreadsheet, "zip archive", report.Error{Code: report.NotSpreadsheet, Value: "zip"}},
		{"damaged zip", corrupt, ErrCorrupt, "damaged", report.Error{Code: report.Damaged, Value: "excel"}},
		{"damaged gzip", []byte{0x1f, 0x8b, 8, 0, 0, 0}, ErrCorrupt, "damaged gzip", report.Error{Code: report.Damaged, Value: "gzip"}},
		{"no header", []byte("1,2,3\n4,5,6\n"), ErrNoHeader, "no header row", report.Error{Code: report.NoHeaderRow, Values: []string{"1", "2", "3"}}},
	}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			_, err := Read("orders.csv", tc.Input, Options{})
			if !errors.Is(err, tc.Err) {
				t.Fatalf("err = %v, want %v", err, tc.Err)
			}
			e := report.CodeOf(err)
			want := tc.Code
			want.File = "orders.csv"
			if e != nil && want.Code == report.Damaged {
				want.Detail = e.Detail // the library's words
			}
			if e == nil || !reflect.DeepEqual(*e, want) {
				t.Errorf("code %+v, want %+v", e, want)
			}
			if !strings.Contains(err.Error(), tc.Say) || !strings.Contains(err.Error(), "orders.csv") {
				t.Errorf("err = %q, want it to name the file and say %q", err, tc.Say)
			}
			if strings.Count(err.Error(), ". ") > 1 || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %q is not one sentence", err)
			}
		})
	}
}

// rowsOf returns the table's rows as cells.
func rowsOf(tb *Table) [][]string {
	var out [][]string
	for r := range tb.Len() {
		out = append(out, tb.Row(r))
	}
	return out
}

func readData(t testing.TB, name string) []byte {
	t.Helper()
	return realdata.Read(t, name)
}

// Counts from ../shared/data/README.md.
func TestRealFiles(t *testing.T) {
	t.Run("online_retail.csv.gz", func(t *testing.T) {
		tb, err := Read("online_retail.csv.gz", readData(t, "online_retail.csv.gz"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if tb.Len() != 541909 {
			t.Errorf("rows = %d, want 541909", tb.Len())
		}
		want := []string{"InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"}
		if !reflect.DeepEqual(tb.Header, want) {
			t.Errorf("header = %q", tb.Header)
		}
		if got := tb.Row(0); got[0] != "536365" || got[4] != "2010-12-01 08:26:00" || got[6] != "17850" {
			t.Errorf("first row = %q", got)
		}
	})
	t.Run("cdnow_master.txt", func(t *testing.T) {
		tb, err := Read("cdnow_master.txt", readData(t, "cdnow_master.txt"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if tb.Format != "whitespace" || tb.Len() != 69659 || len(tb.Header) != 4 {
			t.Errorf("format %s, %d rows, header %q", tb.Format, tb.Len(), tb.Header)
		}
	})
	t.Run("cdnow_sample.txt", func(t *testing.T) {
		b := readData(t, "cdnow_sample.txt")
		if _, err := Read("cdnow_sample.txt", b, Options{}); !errors.Is(err, ErrNoHeader) {
			t.Errorf("err = %v, want ErrNoHeader", err)
		}
		tb, err := Read("cdnow_sample.txt", b, Options{NoHeader: true})
		if err != nil {
			t.Fatal(err)
		}
		if tb.Len() != 6919 || len(tb.Header) != 5 {
			t.Errorf("%d rows, header %q", tb.Len(), tb.Header)
		}
	})
}

func FuzzRead(f *testing.F) {
	for _, tc := range readTests {
		f.Add(tc.Input)
	}
	f.Add([]byte("\"unterminated,1\n2,3"))
	f.Add([]byte("a,b\n\"x\"y,2\n"))
	// Small bombs of issue 15 (a few KiB each that unpack to 16 to 64
	// MiB, past the budget): each must stay within the budget.
	for _, b := range [][]byte{
		craft.GzipZeros(64 << 20),
		craft.Gzip(craft.GzipZeros(64 << 20)),
		craft.Workbook(craft.SheetRows(2000), nil),
		craft.Workbook(craft.CellOfRuns(4096, 4096), nil),
		craft.Workbook(craft.RowPastExcel, nil),
		craft.Workbook(craft.SheetRows(1), craft.SharedStrings(20000, 1000)),
		craft.Overlapping(5, 64<<20),
		craft.ZipEntries(40),
		craft.SheetIsZip(),
		craft.Docx(),
		craft.ODS(),
		craft.OLE("EncryptedPackage"),
	} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, opt := range []Options{{}, {NoHeader: true}} {
			opt.Limits = craft.FuzzLimits(len(b))
			var tb *Table
			var err error
			if alloc := craft.Allocated(func() { tb, err = Read("fuzz.csv", b, opt) }); alloc > craft.Budget(len(b)) {
				t.Fatalf("%d bytes allocated %d, over the budget of %d", len(b), alloc, craft.Budget(len(b)))
			}
			if err != nil {
				if err.Error() == "" {
					t.Fatal("empty error message")
				}
				continue
			}
			if tb.Len() != len(tb.Lines) {
				t.Fatalf("%d rows, %d line numbers", tb.Len(), len(tb.Lines))
			}
			prev := int32(0)
			for _, l := range tb.Lines {
				if l <= prev && opt.NoHeader || l < prev {
					t.Fatalf("line numbers not increasing: %v", tb.Lines)
				}
				prev = l
			}
		}
	})
}

// BenchmarkReadCSV reads the decompressed Online Retail CSV (b.SetBytes:
// MB/s is the reading speed).
func BenchmarkReadCSV(b *testing.B) {
	raw := realdata.Gunzipped(b, "online_retail.csv.gz")
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Read("online_retail.csv", raw, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWorkbookTable checks that a workbook's table holds exactly the cells
// the workbook reader gives, row by row below the header: crafted
// workbooks (a wide cell among them) and Online Retail's.
func TestWorkbookTable(t *testing.T) {
	files := map[string][]byte{
		"rows.xlsx":        craft.Workbook(craft.SheetRows(3000), nil),
		"serial.xlsx":      craft.SerialDates(500, 1, 2958465),
		"wide cell.xlsx":   craft.Workbook(craft.CellOfRuns(20, 4096), nil),
		"shared text.xlsx": craft.Workbook(craft.SheetRows(10), craft.SharedStrings(50, 100)),
	}
	if !testing.Short() && realdata.Have("online_retail.xlsx") {
		files["online_retail.xlsx"] = readData(t, "online_retail.xlsx")
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			tb, err := Read(name, data, Options{NoHeader: name == "wide cell.xlsx"})
			if err != nil {
				t.Fatal(err)
			}
			wb, err := xlsx.Open(data)
			if err != nil {
				t.Fatal(err)
			}
			var want [][]string
			var lines []int32
			if err := wb.Rows(tb.Sheet, func(row int, cells []string) error {
				if row > tb.HeaderLine || tb.HeaderLine == 0 {
					want = append(want, append([]string(nil), cells...))
					lines = append(lines, int32(row))
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if tb.Len() != len(want) || !reflect.DeepEqual(tb.Lines, lines) {
				t.Fatalf("%d rows, the reader %d (lines equal: %v)", tb.Len(), len(want), reflect.DeepEqual(tb.Lines, lines))
			}
			for i := range want {
				if got := tb.Row(i); !reflect.DeepEqual(got, want[i]) {
					t.Fatalf("row %d: %q, the reader %q", i, got, want[i])
				}
			}
		})
	}
}

// TestTrim: Trim is strings.TrimSpace of the cell, with or without its
// shortcut.
func TestTrim(t *testing.T) {
	cells := []string{"", " ", "a", " a", "a ", "\ta\n", "\u00a0a", "a\u00a0", "é", "aé", "éa", "\u2003x\u2003", "a b", "\x7f", "~", "\u0085a"}
	var tb Table
	tb.AppendRow(1, cells)
	for c, want := range cells {
		if got := tb.Trim(0, c); got != strings.TrimSpace(want) {
			t.Errorf("Trim(%q) = %q, want %q", want, got, strings.TrimSpace(want))
		}
	}
	sameRecord(t, &tb, 0)
}

// BenchmarkDistinctColumns numbers the distinct values of Online Retail's
// columns as the orders' reading does (DistinctColumns): its date, its
// quantity and its unit price together, and each alone.
func BenchmarkDistinctColumns(b *testing.B) {
	t, err := Read("online_retail.csv", realdata.Gunzipped(b, "online_retail.csv.gz"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	col := func(name string) int {
		i := slices.Index(t.Header, name)
		if i < 0 {
			b.Fatalf("no column %s in %q", name, t.Header)
		}
		return i
	}
	date, qty, price := col("InvoiceDate"), col("Quantity"), col("UnitPrice")
	for _, tc := range []struct {
		name string
		cols []int
	}{{"all", []int{date, price, qty}}, {"date", []int{date}}, {"quantity", []int{qty}}, {"price", []int{price}}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				t.DistinctColumns(tc.cols, 1<<16-1)
			}
		})
	}
}
