package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/charts"
	"retention/app/i18n"
	"retention/app/report"
)

// The printed report: "Download report (PDF)" lays the report out for
// A4 pages (web/style.css, @media print) and opens the browser's print
// dialog, where a PDF is saved. The layout holds the overview's cards and
// charts, the segment table, and the predictions' cards and charts, in
// the page's language; the charts are drawn as images for it
// (web/glue.js printReport), whichever tab is shown.

// printChartHeight is a printed chart's height in CSS pixels at a width
// of printChartWidth (web/glue.js): the screen's proportions, a cohort
// heatmap taller for its rows (web/style.css).
func printChartHeight(id string) int {
	if id == charts.IDCohorts {
		return 560
	}
	return 400
}

// printed is the report printed, in the language printed in, with its
// charts.
type printed struct {
	doc                *report.Document
	loc                *i18n.Locale
	overview, forecast []charts.Chart
}

// printButton prints the report.
func (w *Workbench) printButton() app.UI {
	// The printed report holds the predictions: it waits for them.
	return app.Button().Type("button").ID("print").Class("btn btn-small").Disabled(w.m.forecasting()).Text(w.t("Download report (PDF)")).OnClick(w.print)
}

// print builds the printed report's charts, renders its layout, and has
// web/glue.js draw them into it and open the print dialog.
func (w *Workbench) print(ctx app.Context, e app.Event) {
	d := w.m.Doc
	w.printed = printed{doc: d, loc: w.loc, overview: charts.All(d, w.chartLabels()), forecast: charts.Forecast(d, w.forecastLabels())}
	var list []any
	for _, c := range append(w.printed.overview, w.printed.forecast...) {
		list = append(list, []any{"print-" + c.ID, string(c.Option()), printChartHeight(c.ID)})
	}
	ctx.Defer(func(app.Context) { rwCall("printReport", list) })
}

// printView is the printed report's layout, hidden on the screen; it is
// there once printed, for the report and language it was printed in.
func (w *Workbench) printView() app.UI {
	p := w.printed
	if p.doc != w.m.Doc || p.loc != w.loc || p.doc == nil {
		return nil
	}
	d := w.m.Doc
	ks, fs := kpis(d, w.loc), forecastKPIs(d, w.loc)
	return app.Div().Class("print-report").ID("print-report").Body(
		app.H1().Text(w.t("Retention report: %s", w.m.File)),
		app.P().Class("hint").Text(w.t("%s to %s", w.loc.Date(d.FirstOrder), w.loc.Date(d.LastOrder))),
		app.H2().Text(w.tabLabel(TabOverview)),
		w.cards(ks),
		w.printCharts(p.overview),
		app.Section().Class("print-page").Body(
			app.H2().Text(w.t("RFM segments")),
			w.segmentTable("print-segment-table", false),
		),
		app.If(len(fs) > 0, func() app.UI {
			return app.Section().Class("print-page").Body(
				app.H2().Text(w.tabLabel(TabPredict)),
				w.cards(fs),
				w.printCharts(p.forecast),
			)
		}),
	)
}

// printCharts are the images of charts, drawn when printed.
func (w *Workbench) printCharts(cs []charts.Chart) app.UI {
	return app.Div().Class("print-charts").Body(app.Range(cs).Slice(func(i int) app.UI {
		return app.Img().ID("print-" + cs[i].ID).Class("print-chart").Alt(cs[i].Title)
	}))
}
