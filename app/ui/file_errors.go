package ui

import (
	"strings"

	"retention/app/report"
)

// fileText words a file or a survey export that cannot be read (the
// report's file and survey codes); "" for another code. What to do names
// what the user can do on the page: export again, save in another format,
// add another export.
func (w *Workbench) fileText(e *report.Error) string {
	switch e.Code {
	case report.FileEmpty:
		return w.t("%s is empty: no row holds values.", e.File)
	case report.SheetEmpty:
		return w.t("The sheet “%s” of %s is empty.", e.Value, e.File)
	case report.NoSuchSheet:
		return w.t("%s has no sheet “%s”; its sheets are %s.", e.File, e.Value, strings.Join(e.Values, ", "))
	case report.NotSpreadsheet:
		return w.t("%s is not a spreadsheet: export the orders as CSV or Excel.", e.File)
	case report.OtherSpreadsheet:
		return w.t("%s is another program's spreadsheet: save it as Excel (.xlsx) or CSV, and open that.", e.File)
	case report.Encrypted:
		return w.t("%s is password-protected or an old .xls workbook: save it in Excel as .xlsx without a password, or as CSV.", e.File)
	case report.Damaged:
		switch {
		case e.Value == "gzip":
			return w.t("%s is a damaged gzip file: %s.", e.File, e.Detail)
		case e.Detail != "":
			return w.t("%s is a damaged Excel file: %s.", e.File, e.Detail)
		}
		return w.t("%s is a damaged Excel file.", e.File)
	case report.NoHeaderRow:
		return w.t("%s has no header row: its first row holds values (%s), not column names.", e.File, strings.Join(e.Values, ", "))
	case report.SurveyNoAnswers:
		return w.t("%s has no answer with both a score and a date.", e.File)
	case report.SurveyOrders:
		return w.t("%s looks like an orders export, not a survey: no column is named like a score (“%s” only holds small numbers). Add the export of the survey's answers instead.", e.File, e.Value)
	case report.SurveyNoScore:
		return w.t("%s has no column of scores (answers from 0 to 10 or 1 to 5).", e.File)
	case report.SurveyNoDate:
		return w.t("%s has no column with the dates of the answers.", e.File)
	case report.SurveyBadDates:
		return w.t("The column “%s” taken for the answers' dates in %s holds no dates that can be read.", e.Value, e.File)
	case report.SurveyNoScale:
		return w.t("The score column “%s” of %s holds no whole numbers from 0 to 10.", e.Value, e.File)
	}
	return ""
}
