package ui

import (
	"strings"

	"retention/app/report"
)

// fileText words a file or a survey export that cannot be read (the
// report's file and survey codes); "" for another code. What to do names
// what the user can do on the page: export again, save in another format,
// add another export. The messages are chosen by code and filled by the
// arguments they share, the file's name first or after what it is about
// (one call each, the page's WebAssembly smaller for it).
func (w *Workbench) fileText(e *report.Error) string {
	var key string
	switch e.Code {
	case report.FileEmpty:
		key = "%s is empty: no row holds values."
	case report.NotSpreadsheet:
		key = "%s is not a spreadsheet: export the orders as CSV or Excel."
	case report.OtherSpreadsheet:
		key = "%s is another program's spreadsheet: save it as Excel (.xlsx) or CSV, and open that."
	case report.Encrypted:
		// The workbook's stream tells which (app/sheet): "password",
		// "xls", or "either" when it names neither.
		switch e.Value {
		case "password":
			key = "%s is a password-protected workbook: save it in Excel without a password, or as CSV."
		case "xls":
			key = "%s is an old Excel workbook (.xls, Excel 97-2003): save it in Excel as .xlsx (Excel Workbook) or as CSV."
		default:
			key = "%s is password-protected or an old .xls workbook: save it in Excel as .xlsx without a password, or as CSV."
		}
	case report.SurveyNoAnswers:
		key = "%s has no answer with both a score and a date."
	case report.SurveyNoScore:
		key = "%s has no column of scores (answers from 0 to 10 or 1 to 5)."
	case report.SurveyNoDate:
		key = "%s has no column with the dates of the answers."
	case report.Damaged:
		if e.Value != "gzip" && e.Detail == "" {
			key = "%s is a damaged Excel file."
		}
	}
	if key != "" {
		return w.t(key, e.File)
	}
	// The file, then what it is about.
	about := e.Value
	switch e.Code {
	case report.Damaged:
		key, about = "%s is a damaged Excel file: %s.", e.Detail
		if e.Value == "gzip" {
			key = "%s is a damaged gzip file: %s."
		}
	case report.NoHeaderRow:
		key, about = "%s has no header row: its first row holds values (%s), not column names.", strings.Join(e.Values, ", ")
	case report.SurveyOrders:
		key = "%s looks like an orders export, not a survey: no column is named like a score (“%s” only holds small numbers). Add the export of the survey's answers instead."
	case report.NoSuchSheet:
		return w.t("%s has no sheet “%s”; its sheets are %s.", e.File, e.Value, strings.Join(e.Values, ", "))
	}
	if key != "" {
		return w.t(key, e.File, about)
	}
	// What it is about, then the file.
	switch e.Code {
	case report.SheetEmpty:
		key = "The sheet “%s” of %s is empty."
	case report.SurveyBadDates:
		key = "The column “%s” taken for the answers' dates in %s holds no dates that can be read."
	case report.SurveyNoScale:
		key = "The score column “%s” of %s holds no whole numbers from 0 to 10."
	default:
		return ""
	}
	return w.t(key, e.Value, e.File)
}
