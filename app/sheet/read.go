package sheet

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"

	"retention/app/limits"
	"retention/app/report"
)

// Errors of Read, wrapped in a sentence that names the file.
var (
	// ErrEmpty is returned for a file with no bytes, or only blank lines.
	ErrEmpty = errors.New("empty file")
	// ErrNotSpreadsheet is returned for files that are neither text nor a
	// workbook: images, PDFs, archives of other things.
	ErrNotSpreadsheet = errors.New("not a spreadsheet")
	// ErrEncrypted is returned for password-protected workbooks (and for
	// OLE compound files that are neither those nor old workbooks).
	ErrEncrypted = errors.New("password-protected or old .xls workbook")
	// ErrOldExcel is returned for old binary .xls workbooks.
	ErrOldExcel = errors.New("old .xls workbook")
	// ErrNoHeader is returned when no row looks like column names.
	ErrNoHeader = errors.New("no header row")
	// ErrCorrupt is returned for damaged gzip or zip files.
	ErrCorrupt = errors.New("damaged file")
)

// errorf is an error with one sentence for the user, the report's code
// for the page to word (report.Said), and its sentinel.
func errorf(sentinel error, code report.Error, format string, args ...any) error {
	return &report.Said{Text: fmt.Sprintf(format, args...), Code: &code, Sentinel: sentinel}
}

// Read reads a spreadsheet export from its bytes: CSV and its relatives
// (the delimiter is sniffed), in UTF-8 with or without a byte order mark,
// UTF-16 (Excel's "Unicode text") or Windows-1252, optionally gzipped;
// or an Excel workbook (XLSX, XLSM). Title lines above the header are
// skipped. The name is used in messages and notes only. The table may
// share memory with data: do not modify data while the table is in use.
//
// Reading stays within opt.Limits: a file past one of them gives a
// *limits.Error (with the file's name), never a table of part of the file.
func Read(name string, data []byte, opt Options) (*Table, error) {
	l := opt.Limits.OrCLI()
	var t *Table
	var err error
	if opt.Gunzipped {
		t, err = readGunzipped(name, data, opt, l)
	} else if err = l.CheckInput(int64(len(data))); err == nil {
		t, err = read(name, data, opt, l)
	}
	var le *limits.Error
	if errors.As(err, &le) && le.File == "" {
		le.File = name
	}
	return t, err
}

// read is Read within l, whose Inflated is what is left of the budget.
func read(name string, data []byte, opt Options, l limits.Limits) (*Table, error) {
	k, bom := kindOf(data)
	switch k {
	case gzipFile:
		out, err := gunzip(name, data, l)
		if err != nil {
			return nil, err
		}
		return readGunzipped(name, out, opt, l)
	case blankFile:
		return nil, errorf(ErrEmpty, report.Error{Code: report.FileEmpty, File: name}, "%s is empty.", name)
	case zipFile:
		return readWorkbook(name, data, opt, l)
	case oleFile:
		return nil, oleError(name, data)
	case pdfFile:
		return nil, errorf(ErrNotSpreadsheet, report.Error{Code: report.NotSpreadsheet, File: name, Value: "pdf"}, "%s is not a spreadsheet: it is a PDF; export the orders as CSV or Excel.", name)
	}
	if t, comma, err := opt.Stream.table(data, opt.Comma, l, opt.Progress); t != nil || err != nil {
		if err != nil {
			return nil, err
		}
		if err := t.named(name, comma, opt.NoHeader); err != nil {
			return nil, err
		}
		return t, nil
	}
	text, note, err := decode(name, data, k, bom)
	if err != nil {
		return nil, err
	}
	t, err := readText(name, text, opt, l)
	if err != nil {
		return nil, err
	}
	if note.Code != "" {
		t.Notes = append([]report.Note{note}, t.Notes...)
	}
	return t, nil
}

// fileKind is what read makes of a file (kindOf).
type fileKind int

const (
	gzipFile  fileKind = iota
	blankFile          // white space only
	zipFile            // a workbook, or another program's document
	oleFile            // an old .xls, or a password-protected workbook
	pdfFile
	utf16LE // with or without a byte order mark
	utf16BE
	binaryFile
	textFile // UTF-8, or Windows-1252 where it is not valid UTF-8
)

// kindOf tells what read makes of data, and for text and UTF-16 the
// length of its byte order mark. It looks at data's first bytes only (no
// more than sampleBytes) but for a blank file: of a part of a file that
// is no blankFile it tells what it tells of the whole (a Stream decides
// from the first bytes that have come).
func kindOf(data []byte) (k fileKind, bom int) {
	switch {
	case isGzip(data):
		return gzipFile, 0
	case len(bytes.TrimSpace(data)) == 0 && !isUTF16(data):
		return blankFile, 0
	case isZip(data):
		return zipFile, 0
	case bytes.HasPrefix(data, oleMagic):
		return oleFile, 0
	case bytes.HasPrefix(data, []byte("%PDF")):
		return pdfFile, 0
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		bom = 3
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return utf16LE, 2
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return utf16BE, 2
	case isUTF16(data):
		if data[0] == 0 {
			return utf16BE, 0
		}
		return utf16LE, 0
	}
	if binary(data[bom:]) {
		return binaryFile, bom
	}
	return textFile, bom
}

func isGzip(data []byte) bool { return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b }

// isZip tells a zip (a workbook, or another program's document) by its
// first record: a local file header, or the end of an empty zip's
// central directory.
func isZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06"))
}

// gunzip inflates a .gz file, up to l.Inflated bytes: a larger one is
// refused whole, never cut.
func gunzip(name string, data []byte, l limits.Limits) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, errorf(ErrCorrupt, report.Error{Code: report.Damaged, File: name, Value: "gzip", Detail: err.Error()}, "%s is a damaged gzip file: %v.", name, err)
	}
	out, err := readAll(io.LimitReader(zr, l.Inflated+1), gzipSize(data, l))
	if err != nil {
		return nil, errorf(ErrCorrupt, report.Error{Code: report.Damaged, File: name, Value: "gzip", Detail: err.Error()}, "%s is a damaged gzip file: %v.", name, err)
	}
	if int64(len(out)) > l.Inflated {
		return nil, &limits.Error{Code: limits.Inflated, Limit: l.Inflated, Figure: int64(len(out))}
	}
	return out, nil
}

// maxDeflateRatio is the most deflate inflates one byte to: 1032 (zlib's
// technical details: a 258-byte match coded in about 2 bits).
const maxDeflateRatio = 1032

// gzipSize is the size a gzip file says it inflates to, for the buffer it
// is inflated into, or 0 when it says nothing to trust: the trailer's
// ISIZE (RFC 1952, 2.3.1) is the size of the last member mod 2^32, so a
// file of several members or of 4 GiB or more inflates to more, and a
// crafted one may claim anything. A claim past l.Inflated, or past what
// deflate can give from the file's bytes, is not trusted: the buffer never
// starts larger than the file may inflate to.
func gzipSize(data []byte, l limits.Limits) int64 {
	const trailer = 8 // CRC32 and ISIZE, 4 bytes each
	if len(data) < trailer {
		return 0
	}
	t := data[len(data)-4:]
	size := int64(t[0]) | int64(t[1])<<8 | int64(t[2])<<16 | int64(t[3])<<24 // little-endian
	if size > l.Inflated || size > maxDeflateRatio*int64(len(data)) {
		return 0
	}
	return size
}

// readAll reads r to its end into a buffer of size bytes to start with
// (one more, for the read that finds the end), growing it only when r
// gives more; size 0 is io.ReadAll. io.ReadAll grows from 512 bytes by doubling, copying the
// text some twenty times for a large file and holding two copies at the
// last growth.
func readAll(r io.Reader, size int64) ([]byte, error) {
	if size == 0 {
		return io.ReadAll(r)
	}
	b := make([]byte, 0, size+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// oleMagic starts an OLE compound file: an old binary .xls workbook, or a
// password-protected .xlsx (its encrypted package inside one).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// oleError tells an encrypted workbook from an old .xls one by the names
// of their streams (UTF-16 in the compound file's directory): an
// encrypted package has "EncryptedPackage" (MS-OFFCRYPTO), an old
// workbook "Workbook" (Excel 97-2003) or "Book" (Excel 5).
func oleError(name string, data []byte) error {
	switch {
	case bytes.Contains(data, utf16Name("EncryptedPackage")):
		return errorf(ErrEncrypted, report.Error{Code: report.Encrypted, File: name, Value: "password"}, "%s is a password-protected workbook: save it in Excel without a password, or as CSV.", name)
	case bytes.Contains(data, utf16Name("Workbook")) || bytes.Contains(data, utf16Name("Book")):
		return errorf(ErrOldExcel, report.Error{Code: report.Encrypted, File: name, Value: "xls"}, "%s is an old Excel workbook (.xls, Excel 97-2003): save it in Excel as .xlsx (Excel Workbook) or as CSV.", name)
	}
	return errorf(ErrEncrypted, report.Error{Code: report.Encrypted, File: name, Value: "either"}, "%s is a password-protected workbook or an old .xls file: save it in Excel as .xlsx without a password, or as CSV.", name)
}

// utf16Name is s in UTF-16 LE, as a compound file's directory names it.
func utf16Name(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// decode turns text bytes into a UTF-8 string: data of kind k (a
// textFile, UTF-16 or binary) with a byte order mark of bom bytes
// (kindOf).
func decode(name string, data []byte, k fileKind, bom int) (string, report.Note, error) {
	switch k {
	case utf16LE, utf16BE:
		be := k == utf16BE
		note := report.Note{Code: report.NoteUTF16, Value: "LE"}
		if be {
			note.Value = "BE"
		}
		return decodeUTF16(data[bom:], be), note, nil
	case binaryFile:
		return "", report.Note{}, errorf(ErrNotSpreadsheet, report.Error{Code: report.NotSpreadsheet, File: name, Value: "binary"}, "%s is not a spreadsheet: it holds binary data, not text or an Excel workbook.", name)
	}
	data = data[bom:]
	if utf8.Valid(data) {
		// The table's cells are substrings of the file: no copy of it.
		return unsafe.String(unsafe.SliceData(data), len(data)), report.Note{}, nil
	}
	s, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", report.Note{}, errorf(ErrNotSpreadsheet, report.Error{Code: report.NotSpreadsheet, File: name, Value: "encoding"}, "%s is not a spreadsheet: its text is in no known encoding.", name)
	}
	return string(s), report.Note{Code: report.NoteWindows1252}, nil
}

// isUTF16 tells UTF-16 without a byte order mark from its NUL pattern: in
// mostly-ASCII text every other byte is zero.
func isUTF16(data []byte) bool {
	n := len(data)
	if n > 4096 {
		n = 4096
	}
	if n < 4 {
		return false
	}
	var even, odd int
	for i := 0; i+1 < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	return (odd*10 > pairs*6 && even*10 < pairs) || (even*10 > pairs*6 && odd*10 < pairs)
}

func decodeUTF16(data []byte, be bool) string {
	u := make([]uint16, len(data)/2)
	for i := range u {
		if be {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	if len(u) > 0 && u[0] == 0xFEFF {
		u = u[1:]
	}
	return string(utf16.Decode(u))
}

// binary tells whether the start of data looks like a binary file.
func binary(data []byte) bool {
	n := len(data)
	if n > 8192 {
		n = 8192
	}
	ctrl := 0
	for _, c := range data[:n] {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1a {
			ctrl++
		}
	}
	return ctrl > n/20+1
}
