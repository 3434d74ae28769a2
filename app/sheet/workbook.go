package sheet

import (
	"errors"
	"strings"

	"retention/app/limits"
	"retention/app/report"
	"retention/app/xlsx"
)

// errStop ends a scan of a sheet early.
var errStop = errors.New("stop")

// readWorkbook reads one sheet of an Excel workbook.
func readWorkbook(name string, data []byte, opt Options, l limits.Limits) (*Table, error) {
	wb, err := xlsx.OpenInflated(data, opt.Parts, l)
	var le *limits.Error
	switch {
	case errors.As(err, &le):
		return nil, le
	case errors.Is(err, xlsx.ErrEncrypted):
		return nil, errorf(ErrEncrypted, report.Error{Code: report.Encrypted, File: name, Value: "password"}, "%s is a password-protected workbook: save it in Excel without a password, or as CSV.", name)
	case err != nil || len(wb.Sheets()) == 0:
		if err := otherZip(name, data); err != nil {
			return nil, err
		}
	}
	switch {
	case errors.Is(err, xlsx.ErrNotWorkbook):
		return nil, errorf(ErrNotSpreadsheet, report.Error{Code: report.NotSpreadsheet, File: name, Value: "zip"}, "%s is not a spreadsheet: it is a zip archive without an Excel workbook inside.", name)
	case err != nil:
		return nil, errorf(ErrCorrupt, report.Error{Code: report.Damaged, File: name, Value: "excel", Detail: err.Error()}, "%s is a damaged Excel file: %v.", name, err)
	}
	sheets := wb.Sheets()
	if len(sheets) == 0 {
		return nil, errorf(ErrEmpty, report.Error{Code: report.FileEmpty, File: name}, "%s is an Excel workbook without worksheets.", name)
	}
	sheet := ""
	if opt.Sheet != "" {
		if sheet = named(sheets, opt.Sheet); sheet == "" {
			return nil, errorf(ErrEmpty, report.Error{Code: report.NoSuchSheet, File: name, Value: opt.Sheet, Values: sheets}, "%s has no sheet %q; its sheets are %s.", name, opt.Sheet, quoteJoin(sheets))
		}
	} else {
		// The first sheet that holds data.
		for _, s := range sheets {
			has := false
			err := wb.Rows(s, func(int, []string) error { has = true; return errStop })
			if errors.As(err, &le) {
				return nil, le
			}
			if err != nil && !errors.Is(err, errStop) {
				return nil, errorf(ErrCorrupt, report.Error{Code: report.Damaged, File: name, Value: "excel", Detail: err.Error()}, "%s is a damaged Excel file: sheet %q cannot be read: %v.", name, s, err)
			}
			if has {
				sheet = s
				break
			}
		}
		if sheet == "" {
			if wb.ZipSheet() {
				return nil, errorf(ErrCorrupt, report.Error{Code: report.Damaged, File: name, Value: "excel"}, "%s is a damaged Excel file: its sheets hold zip archives, not cells.", name)
			}
			return nil, errorf(ErrEmpty, report.Error{Code: report.FileEmpty, File: name}, "%s is empty: none of its sheets (%s) holds data.", name, quoteJoin(sheets))
		}
	}
	t := &Table{Name: name, Format: "xlsx", Sheet: sheet, Sheets: sheets}
	var ncells int64
	// Progress is the sheet's XML inflated out of its size in the zip's
	// header; a sheet of unknown size counts its rows (total 0).
	sized := wb.SheetSize(sheet) > 0
	err = wb.RowsProgress(sheet, func(row int, cells []string) error {
		if ncells += int64(len(cells)); ncells > l.Cells {
			return &limits.Error{Code: limits.Cells, Limit: l.Cells, Figure: ncells}
		}
		if int64(t.Len()) >= l.Rows {
			return &limits.Error{Code: limits.Rows, Limit: l.Rows, Figure: int64(t.Len()) + 1}
		}
		t.AppendRow(row, cells)
		if opt.Progress != nil && !sized && t.Len()%16384 == 0 {
			opt.Progress(int64(t.Len()), 0)
		}
		return nil
	}, opt.Progress)
	if errors.As(err, &le) {
		return nil, le
	}
	if err != nil {
		return nil, errorf(ErrCorrupt, report.Error{Code: report.Damaged, File: name, Value: "excel", Detail: err.Error()}, "%s is a damaged Excel file: sheet %q cannot be read: %v.", name, sheet, err)
	}
	if t.Len() == 0 {
		return nil, errorf(ErrEmpty, report.Error{Code: report.SheetEmpty, File: name, Value: sheet}, "Sheet %q of %s is empty.", sheet, name)
	}
	if err := t.setHeader(opt.NoHeader); err != nil {
		return nil, err
	}
	return t, nil
}

// named returns the sheet named name: the last so named, else the first
// whose name is name in another case; "" when there is none.
func named(sheets []string, name string) string {
	sheet := ""
	for _, s := range sheets {
		if s == name || (sheet == "" && strings.EqualFold(s, name)) {
			sheet = s
		}
	}
	return sheet
}

// Parts are entries of a workbook's zip inflated by the caller, by the
// offset of their compressed data (xlsx.Parts).
type Parts = xlsx.Parts

// Entries lists the entries of a workbook's zip that Read inflates whole
// and that the caller may inflate itself and give Read as opt.Parts (the
// browser's engine, with the browser's decoder): the shared strings and
// the sheet opt.Sheet names, or else the first sheet (the one Read takes
// when it holds data, as it mostly does). It lists none for a file that
// is no workbook, is opt.Gunzipped, or that Read refuses before reading
// them (see xlsx.Entries).
func Entries(data []byte, opt Options) []xlsx.Entry {
	l := opt.Limits.OrCLI()
	if opt.Gunzipped || !isZip(data) || l.CheckInput(int64(len(data))) != nil {
		return nil
	}
	return xlsx.Entries(data, l, func(sheets []string) string {
		if opt.Sheet != "" {
			return named(sheets, opt.Sheet)
		}
		if len(sheets) == 0 {
			return ""
		}
		return sheets[0]
	})
}

// otherZip words a zip that is another program's document: a Word or
// PowerPoint file renamed .xlsx, a LibreOffice or Numbers spreadsheet.
// It returns nil for any other zip.
func otherZip(name string, data []byte) error {
	switch xlsx.Kind(data) {
	case "docx":
		return errorf(ErrNotSpreadsheet, report.Error{Code: report.NotSpreadsheet, File: name, Value: "word"}, "%s is not a spreadsheet: it is a Word document (perhaps renamed); export the orders as CSV or Excel.", name)
	case "pptx":
		return errorf(ErrNotSpreadsheet, report.Error{Code: report.NotSpreadsheet, File: name, Value: "powerpoint"}, "%s is not a spreadsheet: it is a PowerPoint presentation (perhaps renamed); export the orders as CSV or Excel.", name)
	case "ods":
		return errorf(ErrNotSpreadsheet, report.Error{Code: report.OtherSpreadsheet, File: name, Value: "ods"}, "%s is an OpenDocument spreadsheet (.ods): save it as Excel (.xlsx) or CSV, and read that.", name)
	case "numbers":
		return errorf(ErrNotSpreadsheet, report.Error{Code: report.OtherSpreadsheet, File: name, Value: "numbers"}, "%s is an Apple Numbers spreadsheet: export it as Excel (.xlsx) or CSV (File > Export To), and read that.", name)
	}
	return nil
}

func quoteJoin(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "\"" + s + "\""
	}
	return strings.Join(q, ", ")
}
