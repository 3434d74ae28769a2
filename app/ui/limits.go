package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/i18n"
	"retention/app/limits"
	"retention/app/report"
)

// limitView says that a file was refused for a bound: which file, the
// report that stays, what the file is past (the bound and its figure)
// and what to do.
func (w *Workbench) limitView() app.UI {
	m, e := w.m, w.m.Limit
	what, todo := w.limitWords(e)
	var head []string
	if m.Failed != "" { // else the shown file, read again with other settings
		head = append(head, w.t("%s was not loaded.", m.Failed))
	}
	if m.Doc != nil {
		head = append(head, w.t("The report of %s stays.", m.File))
	}
	return app.Div().Class("alert").ID("limit").Attr("role", "alert").
		DataSet("failed", m.Failed).DataSet("limit", string(e.Code)).Body(
		app.P().Class("alert-head").Text(strings.Join(head, " ")),
		app.P().ID("limit-what").Text(what),
		app.P().ID("limit-todo").Text(todo),
	)
}

// limitWords words a file past a bound: what it is past, with the bound
// and the file's figure in the page's numbers, and what to do about it.
// The bounds that follow from memory get the command line's (higher)
// bound; those that follow from the formats are files no spreadsheet
// program writes.
func (w *Workbench) limitWords(e *report.LimitError) (what, todo string) {
	l := w.loc
	smaller := w.t("Export a shorter date range or fewer columns, or split the file into parts.")
	again := w.t("Export the orders again from the shop, as CSV or Excel.")
	switch e.Code {
	case limits.Input:
		return w.t("The file is %s, more than the %s this browser tab can hold.", sizeBeside(l, e.Figure, e.Limit), size(l, e.Limit)),
			smaller + " " + w.t("The retention command line reads files of up to %s, and larger ones on a machine with the memory.", size(l, limits.CLI.Input))
	case limits.Inflated:
		return w.t("The file unpacks to at least %s, more than the %s this browser tab can hold.", sizeBeside(l, e.Figure, e.Limit), size(l, e.Limit)),
			smaller + " " + w.t("The retention command line reads files that unpack to up to %s.", size(l, limits.CLI.Inflated))
	case limits.SharedStrings:
		return w.t("The workbook's text is at least %s, more than the %s this browser tab can hold.", sizeBeside(l, e.Figure, e.Limit), size(l, e.Limit)),
			smaller + " " + w.t("The retention command line reads workbooks of up to %s of text.", size(l, limits.CLI.SharedStrings))
	case limits.Rows:
		if e.Limit == limits.ExcelRows {
			return w.t("The workbook has a row numbered %s, past Excel's last row, %s: no spreadsheet program writes such a file.", count(l, e.Figure), count(l, e.Limit)), again
		}
		return w.t("The sheet has at least %s rows, more than the %s this browser tab can read.", count(l, e.Figure), count(l, e.Limit)),
			smaller + " " + w.t("The retention command line reads up to %s rows.", count(l, limits.CLI.Rows))
	case limits.Cells:
		return w.t("The sheet has at least %s cells, more than the %s this browser tab can read.", count(l, e.Figure), count(l, e.Limit)),
			smaller + " " + w.t("The retention command line reads up to %s cells.", count(l, limits.CLI.Cells))
	case limits.Cell:
		return w.t("A cell of the workbook holds at least %s, more than the %s of Excel's largest cell (%s characters): no orders export has such a cell.",
			size(l, e.Figure), size(l, e.Limit), count(l, limits.ExcelCellChars)), again
	case limits.ZipEntries:
		return w.t("The workbook's zip has %s entries, more than %s: a workbook has a few for each sheet, and no spreadsheet program writes so many.", count(l, e.Figure), count(l, e.Limit)), again
	case limits.Overlapping:
		return w.t("The workbook's zip has entries that share their bytes, a trick of files made to exhaust memory: no spreadsheet program writes it."), again
	case limits.Nested:
		return w.t("The file is compressed twice, a gzip file inside a gzip file; the workbench unpacks one layer."),
			w.t("Unpack it once and open the file inside, or export the orders again.")
	}
	return w.t("The file is past a bound of this browser tab (%s).", string(e.Code)), again
}

// size words bytes in the units of package limits (limits.Size), in the
// page's numbers: "900 MiB", "1.5 GiB", "131,068 bytes"; a decimal only
// where it is not 0.
func size(l *i18n.Locale, n int64) string {
	v, unit, digits := limits.Size(n)
	switch unit {
	case "GiB":
		return l.T("%s GiB", l.Num(v, digits))
	case "MiB":
		return l.T("%s MiB", l.Num(v, digits))
	}
	return l.T("%s bytes", count(l, n))
}

// sizeBeside words a file's figure beside the bound it is past
// (limits.Beside): in its exact bytes where size would word the two
// alike, so that a file a little over a bound does not read as the bound
// ("900 MiB, more than the 900 MiB").
func sizeBeside(l *i18n.Locale, figure, bound int64) string {
	if _, exact := limits.Beside(figure, bound); exact {
		return l.T("%s bytes", count(l, figure))
	}
	return size(l, figure)
}

// count words a count in the page's numbers: "1,048,576".
func count(l *i18n.Locale, n int64) string { return l.Int(int(n)) }

// checkSize refuses a file over the browser's bound before a byte of it is
// read (its size is the File's size, from the picker or the drop): nil
// for a file the engine can take.
func checkSize(name string, n int) *report.LimitError {
	return report.LimitOf(limits.Browser.CheckInput(int64(n)), name)
}
