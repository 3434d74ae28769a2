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
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
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
	zip      *zip.Reader
	files    map[string]*zip.File
	sheets   []sheetRef
	sst      []string
	dateXF   []uint8 // per cell style index: 0 number, 1 date, 2 date with time, 3 time only
	date1904 bool
}

type sheetRef struct {
	name, path string
}

// Open opens a workbook from its bytes.
func Open(data []byte) (*Workbook, error) {
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) {
		return nil, ErrEncrypted
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a valid zip file (%v)", err)
	}
	w := &Workbook{zip: zr, files: map[string]*zip.File{}}
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
		return nil, ErrNotWorkbook
	}
	var wb workbookXML
	if err := w.decode(wbPath, &wb); err != nil {
		return nil, fmt.Errorf("the workbook part cannot be read (%v)", err)
	}
	w.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	dir := path.Dir(wbPath)
	relsPath := path.Join(dir, "_rels", path.Base(wbPath)+".rels")
	var wbRels relationships
	if err := w.decode(relsPath, &wbRels); err != nil {
		return nil, fmt.Errorf("the workbook's relationships cannot be read (%v)", err)
	}
	targets := map[string]string{}
	sstPath, stylesPath := "", ""
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
	if sstPath != "" && w.files[sstPath] != nil {
		if w.sst, err = w.readSST(sstPath); err != nil {
			return nil, fmt.Errorf("the shared strings cannot be read (%v)", err)
		}
	}
	if stylesPath != "" && w.files[stylesPath] != nil {
		if err := w.readStyles(stylesPath); err != nil {
			return nil, fmt.Errorf("the styles cannot be read (%v)", err)
		}
	}
	return w, nil
}

// Sheets returns the names of the workbook's worksheets in workbook order.
func (w *Workbook) Sheets() []string {
	out := make([]string, len(w.sheets))
	for i, s := range w.sheets {
		out[i] = s.name
	}
	return out
}

// Date1904 tells whether the workbook counts dates from 1904 (old Mac Excel).
func (w *Workbook) Date1904() bool { return w.date1904 }

func (w *Workbook) open(name string) (io.ReadCloser, error) {
	f := w.files[name]
	if f == nil {
		return nil, fmt.Errorf("no part %s", name)
	}
	return f.Open()
}

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
	rc, err := w.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var out []string
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
