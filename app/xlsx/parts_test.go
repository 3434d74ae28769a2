package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"reflect"
	"testing"

	"retention/app/limits"
	"retention/app/limits/craft"
	"retention/app/realdata"
)

// browserParts inflates the entries as web/worker.js has the browser
// inflate them (craft.Inflate): an entry whose CRC-32 or size is not the
// directory's is left out.
func browserParts(data []byte, entries []Entry) Parts {
	parts := Parts{}
	for _, e := range entries {
		if b, ok := craft.Inflate(data, e.Offset, e.Compressed, e.Size, e.CRC32); ok {
			parts[e.Offset] = bytes.NewReader(b)
		}
	}
	return parts
}

// firstSheet is Entries' pick of the first sheet.
func firstSheet(sheets []string) string {
	if len(sheets) == 0 {
		return ""
	}
	return sheets[0]
}

// outcome is what reading a workbook gives: the error of Open, or each
// sheet's rows (a digest of them, row numbers included) and the error
// that ended them.
func outcome(data []byte, parts Parts, l limits.Limits) string {
	wb, err := OpenInflated(data, parts, l)
	if err != nil {
		return "open: " + err.Error()
	}
	var out bytes.Buffer
	for _, s := range wb.Sheets() {
		h := sha256.New()
		n := 0
		err := wb.Rows(s, func(row int, cells []string) error {
			n++
			fmt.Fprintf(h, "%d\x00%q\n", row, cells)
			return nil
		})
		fmt.Fprintf(&out, "%s: %d rows %x, %v\n", s, n, h.Sum(nil)[:8], err)
	}
	return out.String()
}

// TestPartsSameRows checks that a workbook read from parts inflated as
// the browser inflates them gives the rows of a workbook read from its
// zip alone, sheet by sheet, and that the parts Entries lists (the shared
// strings and the sheet picked) are read from the parts: each deleted
// once read to its end.
func TestPartsSameRows(t *testing.T) {
	for _, tc := range workbooks(t) {
		t.Run(tc.Name, func(t *testing.T) {
			want := outcome(tc.Data, nil, limits.CLI)
			wb, err := Open(tc.Data)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range wb.Sheets() {
				entries := Entries(tc.Data, limits.CLI, func([]string) string { return s })
				if len(entries) == 0 {
					t.Fatalf("sheet %q: no entries listed", s)
				}
				parts := browserParts(tc.Data, entries)
				if len(parts) != len(entries) {
					t.Fatalf("sheet %q: %d of %d entries inflated", s, len(parts), len(entries))
				}
				if got := outcome(tc.Data, parts, limits.CLI); got != want {
					t.Errorf("sheet %q picked: from parts\n%s\nfrom the zip\n%s", s, got, want)
				}
				if len(parts) != 0 {
					t.Errorf("sheet %q picked: %d parts not read to their end", s, len(parts))
				}
			}
		})
	}
}

// TestPartsOnlineRetail is TestPartsSameRows on Online Retail: its shared
// strings and its one sheet of 248 MB are listed and read from parts.
func TestPartsOnlineRetail(t *testing.T) {
	if testing.Short() {
		t.Skip("reads Online Retail twice")
	}
	data := realdata.Read(t, "online_retail.xlsx")
	entries := Entries(data, limits.CLI, firstSheet)
	if len(entries) != 2 || entries[1].Size < 200<<20 {
		t.Fatalf("entries %+v, want the shared strings and the sheet", entries)
	}
	want := outcome(data, nil, limits.CLI)
	parts := browserParts(data, entries)
	if len(parts) != 2 {
		t.Fatalf("%d of 2 entries inflated", len(parts))
	}
	if got := outcome(data, parts, limits.CLI); got != want {
		t.Errorf("from parts\n%s\nfrom the zip\n%s", got, want)
	}
	if len(parts) != 0 {
		t.Errorf("%d parts not read to their end", len(parts))
	}
}

// closingPart is a part that counts its closes.
type closingPart struct {
	*bytes.Reader
	closed int
}

func (p *closingPart) Close() error { p.closed++; return nil }

// TestPartsClosed checks that a part that is an io.Closer is closed once
// read to its end, and not when a read stops before (a sheet probed for
// data).
func TestPartsClosed(t *testing.T) {
	data := craft.Workbook(craft.SheetRows(20000), craft.SharedStrings(20, 8))
	entries := Entries(data, limits.CLI, firstSheet)
	var closers []*closingPart
	parts := Parts{}
	for _, e := range entries {
		b, ok := craft.Inflate(data, e.Offset, e.Compressed, e.Size, e.CRC32)
		if !ok {
			t.Fatal("an entry does not inflate")
		}
		c := &closingPart{Reader: bytes.NewReader(b)}
		closers = append(closers, c)
		parts[e.Offset] = c
	}
	wb, err := OpenInflated(data, parts, limits.CLI)
	if err != nil {
		t.Fatal(err)
	}
	if len(closers) != 2 || closers[0].closed != 1 || closers[1].closed != 0 {
		t.Fatalf("after Open: %d parts, the shared strings closed %d times, the sheet %d", len(closers), closers[0].closed, closers[1].closed)
	}
	wb.Rows("Orders", func(int, []string) error { return errors.New("stop") })
	if closers[1].closed != 0 || len(parts) != 1 {
		t.Fatalf("a read stopped at the first row: the sheet closed %d times, %d parts left", closers[1].closed, len(parts))
	}
	if err := wb.Rows("Orders", func(int, []string) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if closers[1].closed != 1 || len(parts) != 0 {
		t.Errorf("a read to the end: the sheet closed %d times, %d parts left", closers[1].closed, len(parts))
	}
}

// forgettingPart is a part that keeps what it is told it may forget.
type forgettingPart struct {
	*bytes.Reader
	forgot []int64
}

func (p *forgettingPart) Forget(n int64) { p.forgot = append(p.forgot, n) }

// TestPartsLastRead checks that RowsProgress, the last read of a sheet,
// takes the sheet's part from the parts as it begins and tells a
// Forgetter how far it has read, rising to the sheet's size; that Rows
// before it (a look at the first rows) tells it nothing; and that the
// sheet read again, from the zip, gives the same rows.
func TestPartsLastRead(t *testing.T) {
	data := craft.Workbook(craft.SheetRows(20000), nil)
	entries := Entries(data, limits.CLI, firstSheet)
	if len(entries) != 1 {
		t.Fatalf("entries %+v, want the sheet's", entries)
	}
	e := entries[0]
	b, ok := craft.Inflate(data, e.Offset, e.Compressed, e.Size, e.CRC32)
	if !ok {
		t.Fatal("the sheet does not inflate")
	}
	part := &forgettingPart{Reader: bytes.NewReader(b)}
	parts := Parts{e.Offset: part}
	wb, err := OpenInflated(data, parts, limits.CLI)
	if err != nil {
		t.Fatal(err)
	}
	wb.Rows("Orders", func(int, []string) error { return errors.New("stop") })
	if len(part.forgot) != 0 || len(parts) != 1 {
		t.Fatalf("a look at the first row: told %v, %d parts left", part.forgot, len(parts))
	}
	digest := func(read func(string, func(int, []string) error) error) string {
		h := sha256.New()
		if err := read("Orders", func(row int, cells []string) error {
			fmt.Fprintf(h, "%d %q\n", row, cells)
			if row == 2 && len(parts) != 0 {
				t.Errorf("the sheet's part is still in the parts as its last read goes")
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%x", h.Sum(nil))
	}
	last := digest(func(s string, fn func(int, []string) error) error { return wb.RowsProgress(s, fn, nil) })
	n := len(part.forgot)
	if n < 2 || part.forgot[n-1] != e.Size {
		t.Fatalf("told %d times, the last %v; want the sheet's %d bytes", n, part.forgot[max(0, n-1):], e.Size)
	}
	for i := 1; i < n; i++ {
		if part.forgot[i] <= part.forgot[i-1] {
			t.Fatalf("told %v: not rising", part.forgot)
		}
	}
	if again := digest(wb.Rows); again != last {
		t.Error("the sheet read again from the zip gives other rows")
	}
	if len(part.forgot) != n {
		t.Error("the part was read again")
	}
}

// rawEntry is a zip entry written as it is (zip.Writer.CreateRaw): its
// content, how it is stored and what its headers state.
type rawEntry struct {
	name    string
	content string
	method  uint16 // zip.Deflate or zip.Store
	flags   uint16 // 0x8: a data descriptor follows the data
	crc     func(real uint32) uint32
	size    func(real int) uint64
	cut     int // bytes cut from the end of the deflate data
}

// rawZip writes entries: each deflated (or stored), with the CRC-32 and
// size its fields make of the real ones.
func rawZip(t *testing.T, entries ...rawEntry) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		body := []byte(e.content)
		if e.method == zip.Deflate {
			var d bytes.Buffer
			fw, _ := flate.NewWriter(&d, flate.BestSpeed)
			fw.Write(body)
			fw.Close()
			body = d.Bytes()[:d.Len()-e.cut]
		}
		crc, size := crc32.ChecksumIEEE([]byte(e.content)), uint64(len(e.content))
		if e.crc != nil {
			crc = e.crc(crc)
		}
		if e.size != nil {
			size = e.size(len(e.content))
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: e.method, Flags: e.flags, CRC32: crc,
			CompressedSize64: uint64(len(body)), UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// smallBook is a workbook of one sheet of shared strings and numbers:
// its entries deflated with data descriptors, as Go's zip writer and
// excelize write them, the sheet stored and stated as sheet says.
func smallBook(t *testing.T, sheet rawEntry) []byte {
	t.Helper()
	sheet.name = "xl/worksheets/sheet1.xml"
	sheet.content = `<worksheet><sheetData><row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>` +
		`<row r="2"><c t="s"><v>2</v></c><c><v>12.5</v></c></row></sheetData></worksheet>`
	part := func(name, content string) rawEntry {
		return rawEntry{name: name, content: content, method: zip.Deflate, flags: 0x8}
	}
	return rawZip(t,
		part("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
		part("xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>`),
		part("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`+
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
		part("xl/sharedStrings.xml", `<sst><si><t>Order ID</t></si><si><t>Total</t></si><si><t>A-1</t></si></sst>`),
		sheet,
	)
}

// descriptorCRCOf sets the CRC-32 of the data descriptor after the sheet's
// data (Go's zip writer writes it with a signature).
func descriptorCRCOf(t *testing.T, data []byte, crc uint32) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			off, _ := f.DataOffset()
			at := off + int64(f.CompressedSize64)
			out := bytes.Clone(data)
			binary.LittleEndian.PutUint32(out[at+4:], crc)
			return out
		}
	}
	t.Fatal("no sheet")
	return nil
}

// TestPartsDamaged checks that a damaged or odd workbook read with the
// parts the browser gives (Entries, then browserParts) gives what it
// gives read from its zip alone, the same rows or the same error: an
// entry that Go's zip reader would refuse is not listed, or its inflating
// fails and Go inflates it, and words the damage, itself.
func TestPartsDamaged(t *testing.T) {
	flip := func(c uint32) uint32 { return c ^ 1 }
	sound := rawEntry{method: zip.Deflate, flags: 0x8}
	tests := []struct {
		name   string
		data   []byte
		listed int    // the entries Entries lists
		parts  int    // of which the browser inflates
		says   string // in what reading from the zip gives
	}{
		{"sound", smallBook(t, sound), 2, 2, "2 rows"},
		{"sheet's CRC-32 wrong in the directory and the descriptor", smallBook(t, rawEntry{method: zip.Deflate, flags: 0x8, crc: flip}), 2, 1, "zip: checksum error"},
		{"sheet's CRC-32 wrong, no descriptor", smallBook(t, rawEntry{method: zip.Deflate, crc: flip}), 2, 1, "zip: checksum error"},
		{"sheet's CRC-32 0, no descriptor: not checked by Go", smallBook(t, rawEntry{method: zip.Deflate, crc: func(uint32) uint32 { return 0 }}), 1, 1, "2 rows"},
		{"sheet stored", smallBook(t, rawEntry{method: zip.Store}), 1, 1, "2 rows"},
		{"sheet says it is smaller", smallBook(t, rawEntry{method: zip.Deflate, flags: 0x8, size: func(n int) uint64 { return uint64(n - 1) }}), 2, 1, "zip: not a valid zip file"},
		// Go's zip reader ends a sheet that says it is larger, or whose
		// data is cut, with io.ErrUnexpectedEOF, which the sheet's
		// scanner takes for the end of its input (io.ReadFull's word
		// for a short read): such a sheet reads as what it holds.
		{"sheet says it is larger", smallBook(t, rawEntry{method: zip.Deflate, flags: 0x8, size: func(n int) uint64 { return uint64(n + 1) }}), 2, 1, "0 rows"},
		{"sheet's deflate data cut", smallBook(t, rawEntry{method: zip.Deflate, flags: 0x8, cut: 30}), 2, 1, "0 rows"},
		{"sheet encrypted", smallBook(t, rawEntry{method: zip.Deflate, flags: 0x8 | 0x1}), 1, 1, "2 rows"},
	}
	tests = append(tests, struct {
		name   string
		data   []byte
		listed int
		parts  int
		says   string
	}{"descriptor's CRC-32 not the directory's", descriptorCRCOf(t, smallBook(t, sound), 7), 1, 1, "zip: checksum error"})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			entries := Entries(tc.data, limits.CLI, firstSheet)
			parts := browserParts(tc.data, entries)
			if len(entries) != tc.listed || len(parts) != tc.parts {
				t.Errorf("%d entries listed, %d inflated; want %d, %d", len(entries), len(parts), tc.listed, tc.parts)
			}
			want := outcome(tc.data, nil, limits.CLI)
			if got := outcome(tc.data, parts, limits.CLI); got != want {
				t.Errorf("from parts\n%s\nfrom the zip\n%s", got, want)
			}
			if !bytes.Contains([]byte(want), []byte(tc.says)) {
				t.Errorf("from the zip\n%s\nwant %q in it", want, tc.says)
			}
		})
	}
}

// TestPartsRefused checks that a part is read only for an entry Entries
// would list and only when it is of the entry's size: a part handed for
// another entry, of another size, or of an entry whose check Go would
// make otherwise (its descriptor's CRC-32 not the directory's) is not
// read, and the entry is inflated from the zip.
func TestPartsRefused(t *testing.T) {
	sound := smallBook(t, rawEntry{method: zip.Deflate, flags: 0x8})
	badDescriptor := descriptorCRCOf(t, sound, 7)
	sheetAt := func(data []byte) (int64, int) {
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		for _, f := range zr.File {
			if f.Name == "xl/worksheets/sheet1.xml" {
				off, _ := f.DataOffset()
				return off, int(f.UncompressedSize64)
			}
		}
		return 0, 0
	}
	at, size := sheetAt(sound)
	lie := []byte(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>lie</t></is></c></row></sheetData></worksheet>`)
	padded := append(bytes.Repeat([]byte(" "), size-len(lie)), lie...)
	tests := []struct {
		name  string
		data  []byte
		parts Parts
	}{
		{"a part of another size", sound, Parts{at: bytes.NewReader(lie)}},
		{"a part at no entry's data", sound, Parts{at + 1: bytes.NewReader(padded)}},
		{"a part of an entry whose descriptor Go refuses", badDescriptor, Parts{at: bytes.NewReader(padded)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := outcome(tc.data, nil, limits.CLI)
			if got := outcome(tc.data, tc.parts, limits.CLI); got != want {
				t.Errorf("with the part\n%s\nfrom the zip\n%s", got, want)
			}
			if len(tc.parts) != 1 {
				t.Error("the part was read")
			}
		})
	}
	// The control: a part of the size, at the sheet's data, is read.
	parts := Parts{at: bytes.NewReader(padded)}
	if got := outcome(sound, parts, limits.CLI); !bytes.Contains([]byte(got), []byte("1 rows")) || len(parts) != 0 {
		t.Errorf("a part of the sheet's size was not read: %s", got)
	}
}

// TestEntriesBounds checks that Entries leaves out what would hold more
// memory than the file's bytes justify: an entry that inflates more than
// maxPartRatio times, entries past l.Inflated together, and every entry
// of a workbook that Open refuses (overlapping entries, too many).
func TestEntriesBounds(t *testing.T) {
	bomb := craft.Workbook(craft.CellOfRuns(64, 64<<10), nil) // 4 MiB of one letter
	if got := Entries(bomb, limits.CLI, firstSheet); len(got) != 0 {
		t.Errorf("a sheet inflating %d times: listed %+v", 4<<20/len(bomb), got)
	}
	rows := craft.Workbook(craft.SheetRows(20000), craft.SharedStrings(100, 10))
	all := Entries(rows, limits.CLI, firstSheet)
	if len(all) != 2 {
		t.Fatalf("entries %+v, want the shared strings and the sheet", all)
	}
	if got := Entries(rows, limits.Limits{Inflated: all[0].Size + all[1].Size - 1}, firstSheet); !reflect.DeepEqual(got, all[:1]) {
		t.Errorf("within %d bytes: %+v, want the shared strings alone", all[0].Size+all[1].Size-1, got)
	}
	for name, data := range map[string][]byte{
		"overlapping": craft.Overlapping(5, 1<<20),
		"too many":    craft.ZipEntries(200),
	} {
		if got := Entries(data, limits.Limits{ZipEntries: 100}, firstSheet); got != nil {
			t.Errorf("%s: %+v", name, got)
		}
	}
}

// FuzzParts checks that any workbook gives, read with the parts the
// browser gives, what it gives read from its zip alone.
func FuzzParts(f *testing.F) {
	for _, tc := range workbooks(f) {
		f.Add(tc.Data)
	}
	f.Add(craft.Workbook(craft.SheetRows(50), craft.SharedStrings(20, 5)))
	f.Fuzz(func(t *testing.T, data []byte) {
		l := craft.FuzzLimits(len(data))
		entries := Entries(data, l, firstSheet)
		parts := browserParts(data, entries)
		// The engine's read of the parts (their bytes are the browser's,
		// inflated before) within the readers' budget.
		read := browserParts(data, entries)
		alloc := craft.Allocated(func() {
			if wb, err := OpenInflated(data, read, l); err == nil {
				for _, s := range wb.Sheets() {
					wb.Rows(s, func(int, []string) error { return nil })
				}
			}
		})
		if alloc > craft.Budget(len(data)) {
			t.Fatalf("%d bytes allocated %d, over the budget of %d", len(data), alloc, craft.Budget(len(data)))
		}
		if got, want := outcome(data, parts, l), outcome(data, nil, l); got != want {
			t.Errorf("from parts\n%s\nfrom the zip\n%s", got, want)
		}
	})
}

// BenchmarkRowsOnlineRetailParts is BenchmarkRowsOnlineRetail from
// parts: the read without inflating (each op hands the parts again).
func BenchmarkRowsOnlineRetailParts(b *testing.B) {
	data := onlineRetail(b)
	entries := Entries(data, limits.CLI, firstSheet)
	inflated := map[int64][]byte{}
	for _, e := range entries {
		p, ok := craft.Inflate(data, e.Offset, e.Compressed, e.Size, e.CRC32)
		if !ok {
			b.Fatal("Online Retail's entries do not inflate")
		}
		inflated[e.Offset] = p
	}
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		parts := Parts{}
		for at, p := range inflated {
			parts[at] = bytes.NewReader(p)
		}
		wb, err := OpenInflated(data, parts, limits.CLI)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		if err := wb.Rows(wb.Sheets()[0], func(int, []string) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		if n != 541910 || len(parts) != 0 {
			b.Fatalf("%d rows, %d parts left", n, len(parts))
		}
	}
}
