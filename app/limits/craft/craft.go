// Package craft writes the hostile and odd files of issue 15 in small
// sizes, for the tests of the readers' limits and messages: decompression
// bombs, overlapping zip entries, a cell of many text runs, far-off dates,
// numbers past float64, control characters, and other programs' files
// named as spreadsheets. Nothing large is committed: the tests generate
// each file. Inflate is the browser's way of inflating a workbook's
// entries, for the tests that compare it with Go's.
package craft

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"strings"

	"retention/app/limits"
)

// Orders is a small valid orders CSV: n orders of n/2 customers, one a day
// from 2024-01-01, with extra rows (CSV lines without line break) after.
func Orders(n int, extra ...string) []byte {
	var b strings.Builder
	b.WriteString("Order ID,Customer ID,Name,Order Date,Total\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%d,C%d,Customer %d,2024-%02d-%02d,%d.50\n", 1000+i, i%(n/2+1), i%(n/2+1), 1+i/28%12, 1+i%28, 10+i%90)
	}
	for _, e := range extra {
		b.WriteString(e + "\n")
	}
	return []byte(b.String())
}

// Gzip compresses data.
func Gzip(data []byte) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// GzipZeros is a gzip of n zero bytes, written in blocks so that memory
// stays small.
func GzipZeros(n int64) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	block := make([]byte, 1<<20)
	for n > 0 {
		k := min(n, int64(len(block)))
		w.Write(block[:k])
		n -= k
	}
	w.Close()
	return b.Bytes()
}

// Part is one file of a zip: its name and a writer of its content, or
// (raw, for Repeated) its deflated bytes, CRC-32 and size.
type Part struct {
	Name  string
	Write func(w io.Writer)
	raw   func() (deflated []byte, crc uint32, size int64)
}

// Text is a part with fixed content.
func Text(name, content string) Part {
	return Part{Name: name, Write: func(w io.Writer) { io.WriteString(w, content) }}
}

// Zip writes the parts, deflated.
func Zip(parts ...Part) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		if p.raw != nil {
			data, crc, size := p.raw()
			w, _ := zw.CreateRaw(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, CRC32: crc, CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(size)})
			w.Write(data)
			continue
		}
		w, _ := zw.Create(p.Name)
		p.Write(w)
	}
	zw.Close()
	return b.Bytes()
}

// Workbook is the zip of a workbook whose one sheet is sheet (a part
// writing xl/worksheets/sheet1.xml's content), with sharedStrings when
// not nil.
func Workbook(sheet func(w io.Writer), sharedStrings func(w io.Writer)) []byte {
	var sst *Part
	if sharedStrings != nil {
		sst = &Part{Name: "xl/sharedStrings.xml", Write: sharedStrings}
	}
	return workbookOf(Part{Name: "xl/worksheets/sheet1.xml", Write: sheet}, sst)
}

// workbookOf is Workbook of parts: the sheet's and, when not nil, the
// shared strings'.
func workbookOf(sheet Part, sharedStrings *Part) []byte {
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	if sharedStrings != nil {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
	}
	rels += `</Relationships>`
	parts := []Part{
		Text("xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>`),
		Text("xl/_rels/workbook.xml.rels", rels),
		sheet,
	}
	if sharedStrings != nil {
		parts = append(parts, *sharedStrings)
	}
	return Zip(parts...)
}

// SheetRows writes a worksheet of a header and n rows of one order each
// (inline strings and numbers).
func SheetRows(n int) func(w io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, `<worksheet><sheetData>`)
		io.WriteString(w, `<row><c t="inlineStr"><is><t>Order ID</t></is></c><c t="inlineStr"><is><t>Customer ID</t></is></c><c t="inlineStr"><is><t>Date</t></is></c><c t="inlineStr"><is><t>Total</t></is></c></row>`)
		for i := 0; i < n; i++ {
			fmt.Fprintf(w, `<row><c><v>%d</v></c><c><v>%d</v></c><c t="inlineStr"><is><t>2024-01-02</t></is></c><c><v>9.5</v></c></row>`, i, i%97)
		}
		io.WriteString(w, `</sheetData></worksheet>`)
	}
}

// RowPastExcel is a worksheet whose second row is numbered past Excel's
// last row.
func RowPastExcel(w io.Writer) {
	io.WriteString(w, `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Order ID</t></is></c></row><row r="1048577"><c><v>1</v></c></row></sheetData></worksheet>`)
}

// CellOfRuns is a worksheet whose one cell is runs text runs of size
// bytes each: every run passes the tokenizer's bound on one token, the
// cell is their sum.
func CellOfRuns(runs, size int) func(w io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, `<worksheet><sheetData><row><c t="inlineStr"><is>`)
		run := `<r><t>` + strings.Repeat("x", size) + `</t></r>`
		for i := 0; i < runs; i++ {
			io.WriteString(w, run)
		}
		io.WriteString(w, `</is></c></row></sheetData></worksheet>`)
	}
}

// SharedStrings writes n shared strings of size bytes each.
func SharedStrings(n, size int) func(w io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, `<sst>`)
		s := `<si><t>` + strings.Repeat("s", size) + `</t></si>`
		for i := 0; i < n; i++ {
			io.WriteString(w, s)
		}
		io.WriteString(w, `</sst>`)
	}
}

// Overlapping is a workbook of sheets sheets whose zip entries all point
// at one entry's bytes: a deflated sheet of size bytes of spaces (the
// trick of issue 15's 487 KB file of 1,000 sheets of 256 MiB each).
func Overlapping(sheets int, size int64) []byte {
	var body bytes.Buffer
	fw, _ := flate.NewWriter(&body, flate.BestCompression)
	fw.Write([]byte(`<worksheet><sheetData>`))
	block := bytes.Repeat([]byte(" "), 1<<20)
	crc := crc32.NewIEEE()
	crc.Write([]byte(`<worksheet><sheetData>`))
	for n := size; n > 0; {
		k := min(n, int64(len(block)))
		fw.Write(block[:k])
		crc.Write(block[:k])
		n -= k
	}
	fw.Close()
	total := size + int64(len(`<worksheet><sheetData>`))
	var sheetsXML, rels strings.Builder
	for i := 1; i <= sheets; i++ {
		fmt.Fprintf(&sheetsXML, `<sheet name="S%d" sheetId="%d" r:id="rId%d"/>`, i, i, i)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
	}
	small := []struct{ name, content string }{
		{"xl/workbook.xml", `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` + sheetsXML.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships>` + rels.String() + `</Relationships>`},
	}
	var out bytes.Buffer
	type entry struct {
		name           string
		crc            uint32
		comp, size, at int64
		method         uint16
	}
	var entries []entry
	local := func(name string, crc uint32, comp, size int64, method uint16, data []byte) int64 {
		at := int64(out.Len())
		h := make([]byte, 30)
		binary.LittleEndian.PutUint32(h[0:], 0x04034b50)
		binary.LittleEndian.PutUint16(h[4:], 20)
		binary.LittleEndian.PutUint16(h[8:], method)
		binary.LittleEndian.PutUint32(h[14:], crc)
		binary.LittleEndian.PutUint32(h[18:], uint32(comp))
		binary.LittleEndian.PutUint32(h[22:], uint32(size))
		binary.LittleEndian.PutUint16(h[26:], uint16(len(name)))
		out.Write(h)
		out.WriteString(name)
		out.Write(data)
		return at
	}
	for _, s := range small {
		at := local(s.name, crc32.ChecksumIEEE([]byte(s.content)), int64(len(s.content)), int64(len(s.content)), zip.Store, []byte(s.content))
		entries = append(entries, entry{s.name, crc32.ChecksumIEEE([]byte(s.content)), int64(len(s.content)), int64(len(s.content)), at, zip.Store})
	}
	at := local("xl/worksheets/sheet1.xml", crc.Sum32(), int64(body.Len()), total, zip.Deflate, body.Bytes())
	for i := 1; i <= sheets; i++ {
		// Every sheet's entry points at the first sheet's local header.
		entries = append(entries, entry{fmt.Sprintf("xl/worksheets/sheet%d.xml", i), crc.Sum32(), int64(body.Len()), total, at, zip.Deflate})
	}
	cd := int64(out.Len())
	for _, e := range entries {
		h := make([]byte, 46)
		binary.LittleEndian.PutUint32(h[0:], 0x02014b50)
		binary.LittleEndian.PutUint16(h[4:], 20)
		binary.LittleEndian.PutUint16(h[6:], 20)
		binary.LittleEndian.PutUint16(h[10:], e.method)
		binary.LittleEndian.PutUint32(h[16:], e.crc)
		binary.LittleEndian.PutUint32(h[20:], uint32(e.comp))
		binary.LittleEndian.PutUint32(h[24:], uint32(e.size))
		binary.LittleEndian.PutUint16(h[28:], uint16(len(e.name)))
		binary.LittleEndian.PutUint32(h[42:], uint32(e.at))
		out.Write(h)
		out.WriteString(e.name)
	}
	end := make([]byte, 22)
	binary.LittleEndian.PutUint32(end[0:], 0x06054b50)
	binary.LittleEndian.PutUint16(end[8:], uint16(len(entries)))
	binary.LittleEndian.PutUint16(end[10:], uint16(len(entries)))
	binary.LittleEndian.PutUint32(end[12:], uint32(int64(out.Len())-cd))
	binary.LittleEndian.PutUint32(end[16:], uint32(cd))
	out.Write(end)
	return out.Bytes()
}

// ZipEntries is a zip of n empty entries.
func ZipEntries(n int) []byte {
	parts := make([]Part, n)
	for i := range parts {
		parts[i] = Text(fmt.Sprintf("f%d", i), "")
	}
	return Zip(parts...)
}

// Docx is a Word document's zip (what a .docx renamed .xlsx holds).
func Docx() []byte {
	return Zip(
		Text("_rels/.rels", `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
		Text("word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`),
	)
}

// ODS is an OpenDocument spreadsheet's zip: its first entry is the stored
// mimetype.
func ODS() []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	io.WriteString(w, "application/vnd.oasis.opendocument.spreadsheet")
	w, _ = zw.Create("content.xml")
	io.WriteString(w, `<office:document-content/>`)
	zw.Close()
	return b.Bytes()
}

// Numbers is an Apple Numbers document's zip.
func Numbers() []byte {
	return Zip(Text("Index/Document.iwa", "\x00\x01"), Text("Metadata/Properties.plist", "<plist/>"))
}

// SheetIsZip is a workbook whose sheet part is itself a zip.
func SheetIsZip() []byte {
	inner := Zip(Text("a.txt", "a"))
	return Workbook(func(w io.Writer) { w.Write(inner) }, nil)
}

// OLE returns the start of an OLE compound file whose directory names the
// stream: "EncryptedPackage" for a password-protected .xlsx, "Workbook"
// for an old .xls.
func OLE(stream string) []byte {
	b := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	for i := 0; i < len(stream); i++ {
		b = append(b, stream[i], 0)
	}
	return append(b, make([]byte, 64)...)
}

// Allocated returns the bytes f allocates (runtime.MemStats.TotalAlloc,
// which counts every allocation, freed or not: an upper bound of the
// memory f holds at any time). Run it outside parallel tests.
func Allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Budget is what a reader may allocate for an input of n bytes in the
// fuzz targets: 64 times its size and 16 MiB (the scanners' and tables'
// fixed buffers). A decompression bomb read within FuzzLimits(n) stays
// under it; one that does not is a bound missing.
func Budget(n int) uint64 { return 64*uint64(n) + 16<<20 }

// FuzzLimits are the readers' bounds for a fuzz input of n bytes: what
// decompression may give is 8 times the input and 1 MiB, and a workbook
// has at most 16 parts (each part read costs the tokenizer's buffer).
func FuzzLimits(n int) limits.Limits {
	l := limits.CLI
	l.Input = int64(n)
	l.Inflated = 8*int64(n) + 1<<20
	l.SharedStrings = l.Inflated
	l.Rows, l.Cells = l.Inflated, l.Inflated
	l.ZipEntries = 16
	return l
}

// SerialDates is a workbook of orders whose dates are Excel serials in a
// date format (numFmtId 14): the first rows in 2024, then one order at
// each serial given (2958465 is 9999-12-31, 1 is 1900-01-01).
func SerialDates(n int, serials ...float64) []byte {
	sheet := func(w io.Writer) {
		io.WriteString(w, `<worksheet><sheetData>`)
		io.WriteString(w, `<row><c t="inlineStr"><is><t>Order ID</t></is></c><c t="inlineStr"><is><t>Customer ID</t></is></c><c t="inlineStr"><is><t>Order Date</t></is></c><c t="inlineStr"><is><t>Total</t></is></c></row>`)
		row := func(i int, serial float64) {
			fmt.Fprintf(w, `<row><c><v>%d</v></c><c><v>%d</v></c><c s="1"><v>%g</v></c><c><v>%d.5</v></c></row>`, 1000+i, i%(n/2+1), serial, 10+i%90)
		}
		const jan2024 = 45292 // 2024-01-01 in Excel's 1900 date system
		for i := 0; i < n; i++ {
			row(i, float64(jan2024+i%365))
		}
		for i, s := range serials {
			row(n+i, s)
		}
		io.WriteString(w, `</sheetData></worksheet>`)
	}
	rels := `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
	return Zip(
		Text("xl/workbook.xml", `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>`),
		Text("xl/_rels/workbook.xml.rels", rels),
		Text("xl/styles.xml", `<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`),
		Part{Name: "xl/worksheets/sheet1.xml", Write: sheet},
	)
}

// Inflate inflates a zip entry's deflate data as web/worker.js has the
// browser inflate it: framed as a gzip member (RFC 1952: a 10-byte
// header, the data, then the CRC-32 and the size mod 2^32 that the zip's
// directory states), read by a gzip reader, which checks both at the
// member's end, and stopped past size bytes. It reports false when the
// data is not within zipData, the reader fails or it gives other than
// size bytes.
func Inflate(zipData []byte, at, compressed, size int64, crc uint32) ([]byte, bool) {
	if at < 0 || compressed < 0 || at+compressed > int64(len(zipData)) {
		return nil, false
	}
	head := []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255} // deflate, no flags, no time, unknown OS
	tail := binary.LittleEndian.AppendUint32(binary.LittleEndian.AppendUint32(nil, crc), uint32(size))
	member := io.MultiReader(bytes.NewReader(head), bytes.NewReader(zipData[at:at+compressed]), bytes.NewReader(tail))
	zr, err := gzip.NewReader(member)
	if err != nil {
		return nil, false
	}
	zr.Multistream(false)
	out, err := io.ReadAll(io.LimitReader(zr, size+1))
	if err != nil || int64(len(out)) != size {
		return nil, false
	}
	return out, true
}

// Repeated is a zip part whose content is head, then block n times, then
// tail, deflated without compressing n blocks: block is compressed once,
// on its own (its matches reach no byte before it), and its compressed
// bytes, ended by a sync flush, are repeated n times, so that a part of
// gigabytes (issue 15's 4 GiB sheet and 3 GiB shared strings) is written
// in milliseconds and a few megabytes. The part's size must stay under
// 4 GiB (no zip64).
func Repeated(name, head, block string, n int, tail string) Part {
	return Part{Name: name, raw: func() ([]byte, uint32, int64) {
		var body bytes.Buffer
		segment := func(s string, final bool) []byte {
			var b bytes.Buffer
			fw, _ := flate.NewWriter(&b, flate.BestCompression)
			io.WriteString(fw, s)
			if final {
				fw.Close()
			} else {
				fw.Flush()
			}
			return b.Bytes()
		}
		body.Write(segment(head, false))
		one := segment(block, false)
		crc := crc32.Update(0, crc32.IEEETable, []byte(head))
		for i := 0; i < n; i++ {
			body.Write(one)
			crc = crc32.Update(crc, crc32.IEEETable, []byte(block))
		}
		body.Write(segment(tail, true))
		crc = crc32.Update(crc, crc32.IEEETable, []byte(tail))
		return body.Bytes(), crc, int64(len(head)) + int64(n)*int64(len(block)) + int64(len(tail))
	}}
}

// ManyRows is a workbook whose sheet is a header and rows rows of one
// order, each row padded to rowBytes bytes of XML with a name (issue 15's
// 16.7 MB workbook: 25 million rows, 4 GiB of sheet). rows must be a
// multiple of 10,000.
func ManyRows(rows, rowBytes int) []byte {
	const perBlock = 10_000
	row := `<row><c><v>1</v></c><c><v>7</v></c><c t="inlineStr"><is><t>2024-01-02</t></is></c><c><v>9.5</v></c><c t="inlineStr"><is><t>` + "%s" + `</t></is></c></row>`
	pad := max(0, rowBytes-len(row)+2)
	one := fmt.Sprintf(row, strings.Repeat("n", pad))
	head := `<worksheet><sheetData><row><c t="inlineStr"><is><t>Order ID</t></is></c><c t="inlineStr"><is><t>Customer ID</t></is></c><c t="inlineStr"><is><t>Date</t></is></c><c t="inlineStr"><is><t>Total</t></is></c><c t="inlineStr"><is><t>Name</t></is></c></row>`
	return workbookOf(Repeated("xl/worksheets/sheet1.xml", head, strings.Repeat(one, perBlock), rows/perBlock, `</sheetData></worksheet>`), nil)
}

// ManySharedStrings is a workbook of one small sheet whose shared strings
// part holds n strings of size bytes each (issue 15's 9.4 MB workbook
// with 3 GiB of sharedStrings.xml). n must be a multiple of 1,000.
func ManySharedStrings(n, size int) []byte {
	const perBlock = 1_000
	si := `<si><t>` + strings.Repeat("s", size) + `</t></si>`
	sst := Repeated("xl/sharedStrings.xml", `<sst>`, strings.Repeat(si, perBlock), n/perBlock, `</sst>`)
	return workbookOf(Part{Name: "xl/worksheets/sheet1.xml", Write: SheetRows(10)}, &sst)
}
