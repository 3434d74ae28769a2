package ui

import (
	"strings"
	"testing"

	"retention/app/demo"
	"retention/app/i18n"
	"retention/app/report"
	"retention/app/worker"
)

// TestFileWords: a file or a survey export that cannot be read is worded
// by the page in its language, never with the command line's flags.
func TestFileWords(t *testing.T) {
	en := &Workbench{loc: i18n.New("en-US")}
	de := &Workbench{loc: i18n.New("de-DE")}
	for _, tc := range []struct {
		w    *Workbench
		e    report.Error
		want string
	}{
		{en, report.Error{Code: report.FileEmpty, File: "o.csv"}, "o.csv is empty: no row holds values."},
		{de, report.Error{Code: report.SheetEmpty, File: "o.xlsx", Value: "Mai"}, "Das Tabellenblatt „Mai“ von o.xlsx ist leer."},
		{en, report.Error{Code: report.NoSuchSheet, File: "o.xlsx", Value: "June", Values: []string{"May", "July"}}, "o.xlsx has no sheet “June”; its sheets are May, July."},
		{en, report.Error{Code: report.NotSpreadsheet, File: "o.pdf", Value: "pdf"}, "o.pdf is not a spreadsheet: export the orders as CSV or Excel."},
		{de, report.Error{Code: report.OtherSpreadsheet, File: "o.ods", Value: "ods"}, "o.ods ist eine Tabelle eines anderen Programms: Speichern Sie sie als Excel (.xlsx) oder CSV und öffnen Sie diese Datei."},
		{en, report.Error{Code: report.Encrypted, File: "o.xls", Value: "xls"}, "o.xls is an old Excel workbook (.xls, Excel 97-2003): save it in Excel as .xlsx (Excel Workbook) or as CSV."},
		{de, report.Error{Code: report.Encrypted, File: "o.xlsx", Value: "password"}, "o.xlsx ist eine passwortgeschützte Arbeitsmappe: Speichern Sie sie in Excel ohne Passwort oder als CSV."},
		{en, report.Error{Code: report.Encrypted, File: "o.xls", Value: "either"}, "o.xls is password-protected or an old .xls workbook: save it in Excel as .xlsx without a password, or as CSV."},
		{en, report.Error{Code: report.Damaged, File: "cut.csv.gz", Value: "gzip", Detail: "unexpected EOF"}, "cut.csv.gz is a damaged gzip file: unexpected EOF."},
		{de, report.Error{Code: report.Damaged, File: "o.xlsx", Value: "excel"}, "o.xlsx ist eine beschädigte Excel-Datei."},
		{en, report.Error{Code: report.NoHeaderRow, File: "o.csv", Values: []string{"1", "2"}}, "o.csv has no header row: its first row holds values (1, 2), not column names."},
		{en, report.Error{Code: report.SurveyOrders, File: "store.csv", Value: "Quantity"}, "store.csv looks like an orders export, not a survey: no column is named like a score (“Quantity” only holds small numbers). Add the export of the survey's answers instead."},
		{de, report.Error{Code: report.SurveyNoScore, File: "s.csv"}, "s.csv hat keine Spalte mit Werten (Antworten von 0 bis 10 oder 1 bis 5)."},
		{en, report.Error{Code: report.SurveyNoDate, File: "s.csv"}, "s.csv has no column with the dates of the answers."},
		{en, report.Error{Code: report.SurveyBadDates, File: "s.csv", Value: "When"}, "The column “When” taken for the answers' dates in s.csv holds no dates that can be read."},
		{de, report.Error{Code: report.SurveyNoScale, File: "s.csv", Value: "Note"}, "Die Wertespalte „Note“ von s.csv enthält keine ganzen Zahlen von 0 bis 10."},
		{en, report.Error{Code: report.SurveyNoAnswers, File: "s.csv", N: 2}, "s.csv has no answer with both a score and a date."},
	} {
		if got := tc.w.settingText(&tc.e); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.w.loc.Tag, tc.e.Code, got, tc.want)
		}
	}
}

// TestSurveyErrorWords: a survey that cannot be read leaves the orders'
// report standing and is said in the page's words, not the command
// line's (which name --map).
func TestSurveyErrorWords(t *testing.T) {
	var s worker.Session
	if _, err := s.Load("store.csv", demo.CSV(), report.Settings{}, nil); err != nil {
		t.Fatal(err)
	}
	doc, err := s.Survey("store.csv", demo.CSV(), report.Settings{}, nil)
	if err != nil || doc.SurveyErrorCode == nil || doc.SurveyErrorCode.Code != report.SurveyOrders {
		t.Fatalf("survey of an orders file: %v, %+v", err, doc)
	}
	w := &Workbench{tab: TabVoice}
	w.m.handle(reportMsg(t, 0, doc))
	html := renderHTML(t, w)
	if !strings.Contains(html, `data-code="survey_orders"`) || !strings.Contains(html, "The survey could not be read: store.csv looks like an orders export, not a survey") ||
		!strings.Contains(html, "Add the export of the survey&#39;s answers instead.") || strings.Contains(html, "--map") {
		t.Errorf("voice tab:\n%s", html)
	}
}
