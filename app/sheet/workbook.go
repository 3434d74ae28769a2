package sheet

import (
	"errors"
	"strings"

	"retention/app/xlsx"
)

// errStop ends a scan of a sheet early.
var errStop = errors.New("stop")

// readWorkbook reads one sheet of an Excel workbook.
func readWorkbook(name string, data []byte, opt Options) (*Table, error) {
	wb, err := xlsx.Open(data)
	switch {
	case errors.Is(err, xlsx.ErrEncrypted):
		return nil, errorf(ErrEncrypted, "%s is a password-protected workbook: save it in Excel without a password, or as CSV.", name)
	case errors.Is(err, xlsx.ErrNotWorkbook):
		return nil, errorf(ErrNotSpreadsheet, "%s is not a spreadsheet: it is a zip archive without an Excel workbook inside.", name)
	case err != nil:
		return nil, errorf(ErrCorrupt, "%s is a damaged Excel file: %v.", name, err)
	}
	sheets := wb.Sheets()
	if len(sheets) == 0 {
		return nil, errorf(ErrEmpty, "%s is an Excel workbook without worksheets.", name)
	}
	sheet := ""
	if opt.Sheet != "" {
		for _, s := range sheets {
			if s == opt.Sheet || (sheet == "" && strings.EqualFold(s, opt.Sheet)) {
				sheet = s
			}
		}
		if sheet == "" {
			return nil, errorf(ErrEmpty, "%s has no sheet %q; its sheets are %s.", name, opt.Sheet, quoteJoin(sheets))
		}
	} else {
		// The first sheet that holds data.
		for _, s := range sheets {
			has := false
			err := wb.Rows(s, func(int, []string) error { has = true; return errStop })
			if err != nil && !errors.Is(err, errStop) {
				return nil, errorf(ErrCorrupt, "%s is a damaged Excel file: sheet %q cannot be read: %v.", name, s, err)
			}
			if has {
				sheet = s
				break
			}
		}
		if sheet == "" {
			return nil, errorf(ErrEmpty, "%s is empty: none of its sheets (%s) holds data.", name, quoteJoin(sheets))
		}
	}
	var rows [][]string
	var lines []int
	arena := make([]string, 0, chunk)
	err = wb.Rows(sheet, func(row int, cells []string) error {
		if cap(arena)-len(arena) < len(cells) {
			arena = make([]string, 0, max(chunk, len(cells)))
		}
		start := len(arena)
		arena = append(arena, cells...)
		rows = append(rows, arena[start:len(arena):len(arena)])
		lines = append(lines, row)
		if opt.Progress != nil && len(rows)%16384 == 0 {
			opt.Progress(int64(len(rows)), 0)
		}
		return nil
	})
	if err != nil {
		return nil, errorf(ErrCorrupt, "%s is a damaged Excel file: sheet %q cannot be read: %v.", name, sheet, err)
	}
	t := &Table{Name: name, Format: "xlsx", Sheet: sheet, Sheets: sheets}
	if len(rows) == 0 {
		return nil, errorf(ErrEmpty, "Sheet %q of %s is empty.", sheet, name)
	}
	if err := t.setRows(rows, lines, opt.NoHeader); err != nil {
		return nil, err
	}
	return t, nil
}

func quoteJoin(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "\"" + s + "\""
	}
	return strings.Join(q, ", ")
}
