// Package xlsx reads the cells of Excel workbooks (XLSX, XLSM) fast and in
// memory that does not grow with the worksheet: the small parts of the
// workbook (sheet list, relationships, shared strings, styles) are read
// with encoding/xml, and the worksheet XML, which holds every cell, is
// streamed through a hand-written tokenizer. excelize is the oracle the
// tests compare it with.
package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"retention/app/limits"
)

// Errors of Open.
var (
	// ErrEncrypted is returned for password-protected workbooks (and old
	// binary .xls files): they are OLE compound files, not zips.
	ErrEncrypted = errors.New("xlsx: password-protected or not an XLSX workbook")
	// ErrNotWorkbook is returned for a zip without a workbook inside.
	ErrNotWorkbook = errors.New("xlsx: the zip holds no Excel workbook")
)

// Workbook is an opened workbook.
type Workbook struct {
	data     []byte
	zip      *zip.Reader
	files    map[string]*zip.File
	parts    Parts // entries inflated before Open, read instead of inflating them
	sheets   []sheetRef
	sst      []string
	dateXF   []uint8 // per cell style index: 0 number, 1 date, 2 date with time, 3 time only
	date1904 bool

	limits   limits.Limits
	inflated int64 // bytes inflated from the zip so far, every part together
}

type sheetRef struct {
	name, path string
}

// Open opens a workbook from its bytes within the command line's limits.
func Open(data []byte) (*Workbook, error) { return OpenWith(data, limits.CLI) }

// OpenWith opens a workbook from its bytes. Reading it stays within l:
// l.Inflated bounds the bytes inflated from every part together (Open and
// Rows), l.ZipEntries the zip's entries, l.SharedStrings the shared
// strings, l.Cell one cell; Excel's last row (limits.ExcelRows) bounds
// the rows. Past a bound, the error is a *limits.Error.
func OpenWith(data []byte, l limits.Limits) (*Workbook, error) {
	return OpenInflated(data, nil, l)
}

// OpenInflated is OpenWith for a workbook some of whose entries were
// inflated before (see Parts): those are read from parts, the others
// inflated from data. Rows, errors and the bytes counted against
// l.Inflated are those of OpenWith.
func OpenInflated(data []byte, parts Parts, l limits.Limits) (*Workbook, error) {
	w, sstPath, stylesPath, err := index(data, parts, l)
	if err != nil {
		return nil, err
	}
	if sstPath != "" {
		if w.sst, err = w.readSST(sstPath); err != nil {
			return nil, fmt.Errorf("the shared strings cannot be read (%w)", err)
		}
	}
	if stylesPath != "" {
		if err := w.readStyles(stylesPath); err != nil {
			return nil, fmt.Errorf("the styles cannot be read (%w)", err)
		}
	}
	return w, nil
}

// index opens a workbook's zip, within l, and reads its list of sheets
// (the package's relationships, the workbook part and its relationships);
// it returns the paths of the shared strings and the styles, "" for
// none, without reading them.
func index(data []byte, parts Parts, l limits.Limits) (w *Workbook, sstPath, stylesPath string, err error) {
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) {
		return nil, "", "", ErrEncrypted
	}
	l = l.OrCLI()
	if n := zipEntryCount(data); n > l.ZipEntries {
		return nil, "", "", &limits.Error{Code: limits.ZipEntries, Limit: l.ZipEntries, Figure: n}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, "", "", fmt.Errorf("not a valid zip file (%v)", err)
	}
	if int64(len(zr.File)) > l.ZipEntries {
		return nil, "", "", &limits.Error{Code: limits.ZipEntries, Limit: l.ZipEntries, Figure: int64(len(zr.File))}
	}
	if overlapping(zr.File) {
		return nil, "", "", &limits.Error{Code: limits.Overlapping}
	}
	w = &Workbook{data: data, zip: zr, files: map[string]*zip.File{}, parts: parts, limits: l}
	for _, f := range zr.File {
		w.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	// The workbook part, from the package relationships.
	wbPath := "xl/workbook.xml"
	var rels relationships
	if err := w.decode("_rels/.rels", &rels); err == nil {
		for _, r := range rels.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = strings.TrimPrefix(r.Target, "/")
			}
		}
	}
	if w.files[wbPath] == nil {
		return nil, "", "", ErrNotWorkbook
	}
	var wb workbookXML
	if err := w.decode(wbPath, &wb); err != nil {
		return nil, "", "", fmt.Errorf("the workbook part cannot be read (%w)", err)
	}
	w.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	dir := path.Dir(wbPath)
	relsPath := path.Join(dir, "_rels", path.Base(wbPath)+".rels")
	var wbRels relationships
	if err := w.decode(relsPath, &wbRels); err != nil {
		return nil, "", "", fmt.Errorf("the workbook's relationships cannot be read (%w)", err)
	}
	targets := map[string]string{}
	for _, r := range wbRels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		targets[r.ID] = t
		switch {
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			sstPath = t
		case strings.HasSuffix(r.Type, "/styles"):
			stylesPath = t
		}
	}
	for _, s := range wb.Sheets {
		p, ok := targets[s.RID]
		if !ok || w.files[p] == nil {
			continue // chart sheets and dangling references hold no cells
		}
		w.sheets = append(w.sheets, sheetRef{name: s.Name, path: p})
	}
	if w.files[sstPath] == nil {
		sstPath = ""
	}
	if w.files[stylesPath] == nil {
		stylesPath = ""
	}
	return w, sstPath, stylesPath, nil
}

// Sheets returns the names of the workbook's worksheets in workbook order.
func (w *Workbook) Sheets() []string {
	out := make([]string, len(w.sheets))
	for i, s := range w.sheets {
		out[i] = s.name
	}
	return out
}

// ZipSheet tells whether a worksheet part is itself a zip archive (a
// workbook or another document stored as a sheet), which holds no cells.
func (w *Workbook) ZipSheet() bool {
	for _, s := range w.sheets {
		rc, err := w.open(s.path)
		if err != nil {
			continue
		}
		var head [4]byte
		n, _ := io.ReadFull(rc, head[:])
		rc.Close()
		if n == 4 && string(head[:]) == "PK\x03\x04" {
			return true
		}
	}
	return false
}

// Date1904 tells whether the workbook counts dates from 1904 (old Mac Excel).
func (w *Workbook) Date1904() bool { return w.date1904 }

// Kind tells what a zip that is no workbook holds, from its parts: "docx"
// (a Word document), "pptx", "ods" (OpenDocument), "numbers" (Apple
// Numbers), or "" for anything else. ErrNotWorkbook's callers word it.
func Kind(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	for _, f := range zr.File {
		switch {
		case f.Name == "word/document.xml":
			return "docx"
		case f.Name == "ppt/presentation.xml":
			return "pptx"
		case f.Name == "Index/Document.iwa", strings.HasPrefix(f.Name, "Index/") && strings.HasSuffix(f.Name, ".iwa"):
			return "numbers"
		case f.Name == "mimetype" && f.Method == zip.Store && f.UncompressedSize64 < 100:
			rc, err := f.Open()
			if err != nil {
				continue
			}
			b, _ := io.ReadAll(io.LimitReader(rc, 100))
			rc.Close()
			if strings.HasPrefix(string(b), "application/vnd.oasis.opendocument") {
				return "ods"
			}
		}
	}
	return ""
}

// zipEntryCount reads the number of entries from the zip's end of central
// directory record (or its zip64 record), before the zip reader builds a
// File for each: 0 when there is no such record (the zip reader then
// says the zip is damaged).
func zipEntryCount(data []byte) int64 {
	const eocdLen, maxComment = 22, 1<<16 - 1
	from := max(0, len(data)-eocdLen-maxComment)
	i := bytes.LastIndex(data[from:], []byte("PK\x05\x06"))
	if i < 0 || from+i+eocdLen > len(data) {
		return 0
	}
	e := data[from+i:]
	n := int64(binary.LittleEndian.Uint16(e[10:12]))
	if n != 0xFFFF {
		return n
	}
	// Zip64: the locator, just before the record, points at the zip64 record.
	loc := from + i - 20
	if loc < 0 || !bytes.HasPrefix(data[loc:], []byte("PK\x06\x07")) {
		return n
	}
	off := binary.LittleEndian.Uint64(data[loc+8 : loc+16])
	if off > uint64(len(data)-56) || !bytes.HasPrefix(data[off:], []byte("PK\x06\x06")) {
		return n
	}
	return int64(min(binary.LittleEndian.Uint64(data[off+32:off+40]), 1<<62))
}

// overlapping tells whether two entries' compressed bytes overlap: a zip
// bomb's way to make many parts (1,000 sheets) inflate one entry. Zips
// that spreadsheet programs write never share bytes between entries.
func overlapping(files []*zip.File) bool {
	type span struct{ from, to int64 }
	spans := make([]span, 0, len(files))
	for _, f := range files {
		off, err := f.DataOffset()
		if err != nil {
			continue // the zip reader says so when the part is read
		}
		spans = append(spans, span{off, off + int64(f.CompressedSize64)})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	for i := 1; i < len(spans); i++ {
		if spans[i].from < spans[i-1].to {
			return true
		}
	}
	return false
}

func (w *Workbook) open(name string) (io.ReadCloser, error) { return w.openPart(name, false) }

// openLast opens a part for its last read: from a part, taken from the
// parts and let go of as it is read (see partReader).
func (w *Workbook) openLast(name string) (io.ReadCloser, error) { return w.openPart(name, true) }

func (w *Workbook) openPart(name string, last bool) (io.ReadCloser, error) {
	f := w.files[name]
	if f == nil {
		return nil, fmt.Errorf("no part %s", name)
	}
	// A part inflates to the size its directory entry states or fails
	// (Go's zip reader refuses a byte more or less, as the browser's
	// inflater does for a part of Parts), so one past what is left of
	// l.Inflated is refused before a byte of it is inflated (issue 15:
	// 3 GiB of shared strings in 9.4 MB were held up to the bound first).
	if size := f.UncompressedSize64; size > uint64(max(0, w.limits.Inflated-w.inflated)) {
		return nil, &limits.Error{Code: limits.Inflated, Limit: w.limits.Inflated, Figure: w.inflated + int64(min(size, 1<<62))}
	}
	if rc := w.part(f, last); rc != nil {
		return &counted{rc: rc, w: w}, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &counted{rc: rc, w: w}, nil
}

// counted charges the bytes read from a part to the workbook's inflated
// bytes, and fails past l.Inflated.
type counted struct {
	rc io.ReadCloser
	w  *Workbook
}

func (c *counted) Read(p []byte) (int, error) {
	n, err := c.rc.Read(p)
	c.w.inflated += int64(n)
	if c.w.inflated > c.w.limits.Inflated {
		return n, &limits.Error{Code: limits.Inflated, Limit: c.w.limits.Inflated, Figure: c.w.inflated}
	}
	return n, err
}

func (c *counted) Close() error { return c.rc.Close() }

func (w *Workbook) decode(name string, v any) error {
	rc, err := w.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(v)
}

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type workbookXML struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name string `xml:"name,attr"`
		RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"sheets>sheet"`
}

// readSST reads the shared strings: each <si> is a <t> or rich text runs
// <r><t>, without the phonetic runs <rPh>.
func (w *Workbook) readSST(name string) ([]string, error) {
	rc, err := w.openLast(name) // the shared strings are read once
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var out []string
	var total int64 // bytes of the strings so far
	sc := newScanner(rc)
	var cur []byte
	inSI, inT, skip := false, false, 0
	for {
		tok, err := sc.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok.kind {
		case tokStart:
			switch string(tok.local()) {
			case "si":
				inSI, cur = true, cur[:0]
			case "t":
				inT = !tok.selfClosing
			case "rPh":
				if !tok.selfClosing {
					skip++
				}
			}
		case tokEnd:
			switch string(tok.local()) {
			case "si":
				if total += int64(len(cur)); total > w.limits.SharedStrings {
					return nil, &limits.Error{Code: limits.SharedStrings, Limit: w.limits.SharedStrings, Figure: total}
				}
				out = append(out, string(cur))
				inSI = false
			case "t":
				inT = false
			case "rPh":
				skip--
			}
		case tokText:
			if inSI && inT && skip == 0 {
				if tok.cdata {
					cur = append(cur, tok.text...)
				} else {
					cur = appendText(cur, tok.text)
				}
				if int64(len(cur)) > w.limits.Cell {
					return nil, &limits.Error{Code: limits.Cell, Limit: w.limits.Cell, Figure: int64(len(cur))}
				}
			}
		}
	}
	return out, nil
}

type stylesXML struct {
	NumFmts []struct {
		ID   int    `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	XFs []struct {
		NumFmtID int `xml:"numFmtId,attr"`
	} `xml:"cellXfs>xf"`
}

func (w *Workbook) readStyles(name string) error {
	var st stylesXML
	if err := w.decode(name, &st); err != nil {
		return err
	}
	custom := map[int]string{}
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	w.dateXF = make([]uint8, len(st.XFs))
	for i, xf := range st.XFs {
		if code, ok := custom[xf.NumFmtID]; ok {
			w.dateXF[i] = dateKind(code)
		} else {
			w.dateXF[i] = builtinDateKind(xf.NumFmtID)
		}
	}
	return nil
}

// Kinds of number formats.
const (
	kindNumber   = 0
	kindDate     = 1
	kindDateTime = 2
	kindTime     = 3
)

// builtinDateKind classifies Excel's built-in number formats.
func builtinDateKind(id int) uint8 {
	switch {
	case id >= 14 && id <= 17, id >= 27 && id <= 31, id >= 34 && id <= 36, id >= 50 && id <= 58:
		return kindDate
	case id == 22:
		return kindDateTime
	case id >= 18 && id <= 21, id == 32, id == 33, id >= 45 && id <= 47:
		return kindTime
	}
	return kindNumber
}

// dateKind classifies a custom number format code: quoted text, escaped
// characters and bracketed parts ([Red], [$-407]) are ignored; y, d or m
// mean a date, h or s a time ("mm" next to h or s is minutes).
func dateKind(code string) uint8 {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i] // the positive section decides
	}
	var yd, month, tm bool
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return kindNumber
			}
			i += j + 1
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return kindNumber
			}
			inner := strings.ToLower(code[i+1 : i+j])
			if inner == "h" || inner == "hh" || inner == "m" || inner == "mm" || inner == "s" || inner == "ss" {
				tm = true
			}
			i += j
		case 'y', 'Y', 'd', 'D':
			yd = true
		case 'm', 'M':
			month = true
		case 'h', 'H', 's', 'S':
			tm = true
		case 'e', 'E':
			// "e" is a year in some locales' codes, but also scientific "0.00E+00"
			if i+1 < len(code) && (code[i+1] == '+' || code[i+1] == '-') {
				return kindNumber
			}
		case 'G', 'g':
			if strings.HasPrefix(strings.ToLower(code[i:]), "general") {
				return kindNumber
			}
		}
	}
	date := yd || (month && !tm) // "h:mm" is minutes, "mmm yyyy" a month
	switch {
	case date && tm:
		return kindDateTime
	case date:
		return kindDate
	case tm:
		return kindTime
	}
	return kindNumber
}
