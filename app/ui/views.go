package ui

import (
	"cmp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/charts"
	"retention/app/report"
)

// zones offered for reporting, besides the browser's own.
var zones = []string{"UTC", "Europe/London", "Europe/Berlin", "Europe/Copenhagen", "Europe/Oslo", "Europe/Stockholm", "Asia/Manila", "America/New_York", "America/Chicago", "America/Los_Angeles", "Australia/Sydney"}

func (w *Workbench) controls() app.UI {
	s := w.m.Settings
	d := w.m.Doc
	zs := zones
	if !contains(zs, s.TZ) {
		zs = append([]string{s.TZ}, zs...)
	}
	ws, window := w.windows(d.ActiveWindowDays)
	// Each control shows on the tabs whose figures it changes: periods on
	// the overview and the survey's, the active window on the overview's
	// retention; dates and time zone wherever figures are computed, not
	// on the data tab (what was read).
	periods := w.tab == TabOverview || w.tab == TabVoice
	dated := w.tab != TabData
	// From and To show the data's range when none is set: the first and
	// the last order's day.
	from, to := s.From, s.To
	if from == "" {
		from = d.FirstOrder
	}
	if to == "" {
		to = d.LastOrder
	}
	return app.Form().Class("controls").OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).Body(
		app.If(periods, func() app.UI {
			return field(w.t("Period"), app.Select().ID("grain").OnChange(func(ctx app.Context, e app.Event) {
				w.m.Settings.Grain = ctx.JSSrc().Get("value").String()
				w.apply()
			}).Body(
				option("month", w.t("Month"), s.Grain),
				option("quarter", w.t("Quarter"), s.Grain),
				option("year", w.t("Year"), s.Grain),
			))
		}),
		app.If(w.tab == TabOverview, func() app.UI {
			return field(w.t("Active window"), app.Select().ID("active-window").Title(w.t("How long a customer stays in the customer base after an order")).
				OnChange(func(ctx app.Context, e app.Event) {
					w.m.Settings.ActiveWindow = ctx.JSSrc().Get("value").String()
					w.apply()
				}).Body(app.Range(ws).Slice(func(i int) app.UI { return option(ws[i].value, ws[i].label, window) })))
		}),
		app.If(dated, func() app.UI {
			return field(w.t("From"), app.Input().Type("date").ID("from").Value(from).Min(d.FirstOrder).Max(d.LastOrder).
				OnChange(w.setDate(func(v string) { w.m.Settings.From = v })))
		}),
		app.If(dated, func() app.UI {
			return field(w.t("To"), app.Input().Type("date").ID("to").Value(to).Min(d.FirstOrder).Max(d.LastOrder).
				OnChange(w.setDate(func(v string) { w.m.Settings.To = v })))
		}),
		app.If(dated, func() app.UI {
			return field(w.t("Time zone"), app.Select().ID("tz").OnChange(func(ctx app.Context, e app.Event) {
				w.m.Settings.TZ = ctx.JSSrc().Get("value").String()
				w.apply()
			}).Body(app.Range(zs).Slice(func(i int) app.UI { return option(zs[i], zs[i], s.TZ) })))
		}),
		app.If(len(d.Sheets) > 1, func() app.UI {
			return field(w.t("Sheet"), app.Select().ID("sheet").OnChange(func(ctx app.Context, e app.Event) {
				w.m.Settings.Sheet = ctx.JSSrc().Get("value").String()
				w.apply()
			}).Body(app.Range(d.Sheets).Slice(func(i int) app.UI { return option(d.Sheets[i], d.Sheets[i], d.Sheet) })))
		}),
		app.If(len(d.Ingest.Currencies) > 1, func() app.UI {
			cs := d.Ingest.Currencies
			return field(w.t("Currency"), app.Select().ID("currency").OnChange(func(ctx app.Context, e app.Event) {
				w.m.Settings.Currency = ctx.JSSrc().Get("value").String()
				w.apply()
			}).Body(app.Range(cs).Slice(func(i int) app.UI { return option(cs[i].Name, cs[i].Name, d.Currency) })))
		}),
		app.If(d.CurrencyStated(), func() app.UI { return w.currencyField() }),
		w.printButton(),
	)
}

// windowDays are the active windows offered besides one period, in days:
// a month, two, a quarter, half a year and a year.
var windowDays = []int{30, 60, 90, 180, 365}

type choice struct{ value, label string }

// windows lists the active window's choices and the value of the report's
// own (a window set elsewhere, such as the CLI's, is added).
func (w *Workbench) windows(days int) ([]choice, string) {
	cs := []choice{{report.WindowPeriod, w.t("One period")}}
	cur := report.WindowPeriod
	if days > 0 {
		cur = strconv.Itoa(days) + "d"
	}
	for _, n := range windowDays {
		cs = append(cs, choice{strconv.Itoa(n) + "d", w.t("%s days", w.loc.Int(n))})
	}
	for _, c := range cs {
		if c.value == cur {
			return cs, cur
		}
	}
	return append(cs, choice{cur, w.t("%s days", w.loc.Int(days))}), cur
}

func (w *Workbench) setDate(set func(string)) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		set(ctx.JSSrc().Get("value").String())
		w.apply()
	}
}

// scroller holds a table that may be wider than the screen: it scrolls
// sideways, and takes the focus so that the keyboard can scroll it; label
// names it for a screen reader.
func scroller(label string) app.HTMLDiv {
	return app.Div().Class("table-wrap").Attr("tabindex", 0).Attr("role", "region").Aria("label", label)
}

func field(label string, control app.UI) app.UI {
	return app.Label().Class("field").Body(app.Span().Text(label), control)
}

func option(value, label, current string) app.UI {
	return app.Option().Value(value).Selected(value == current).Text(label)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func (w *Workbench) overview() app.UI {
	d := w.m.Doc
	var cs []charts.Chart // their places come after the cards (partTop)
	if w.part == partAll {
		cs = w.charts()
	}
	return app.Div().Class("overview").Body(
		app.If(w.skippedNotable(), func() app.UI { return w.skippedNote() }),
		app.If(len(d.Notes) > 0, func() app.UI {
			return app.Ul().Class("notes").Body(app.Range(d.Notes).Slice(func(i int) app.UI { return app.Li().DataSet("code", d.Notes[i].Code).Text(w.noteText(d.Notes[i])) }))
		}),
		w.previousNote(),
		app.Raw(w.overviewCards()),
		w.benchmark(),
		w.chartGrid(cs),
	)
}

// chartGrid lays out charts, each a figure named by its title with its
// buttons under it: "Show as table" (the chart's data as a table, for a
// screen reader or to read the figures) and "Save as PNG".
func (w *Workbench) chartGrid(cs []charts.Chart) app.UI {
	return app.Div().Class("charts").Body(app.Range(cs).Slice(func(i int) app.UI {
		c := cs[i]
		shown := w.tables[c.ID]
		// The chart draws its own title, so a downloaded PNG has it too.
		return app.Figure().Class("chart").Aria("label", c.Title).Body(
			app.Div().ID("chart-"+c.ID).Class("chart-canvas").DataSet("chart", c.ID).Aria("label", c.Title).Attr("role", "img"),
			app.Div().Class("chart-tools").Body(
				app.If(c.ID == charts.IDCohorts, func() app.UI { return w.cohortControls() }),
				app.Button().Class("btn btn-small").ID("table-toggle-"+c.ID).Aria("expanded", boolText(shown)).Aria("controls", "table-"+c.ID).
					Aria("label", w.t("Show as table: %s", c.Title)).Text(w.t("Show as table")).OnClick(w.toggleTable(c.ID)),
				app.Button().Class("btn btn-small").DataSet("png", c.ID).Aria("label", w.t("Save as PNG: %s", c.Title)).Text(w.t("Save as PNG")).
					OnClick(func(ctx app.Context, e app.Event) { savePNG("chart-"+c.ID, c.ID) }),
			),
			app.If(shown, func() app.UI {
				return app.Div().ID("table-"+c.ID).Class("table-wrap chart-table").Attr("tabindex", 0).Aria("label", c.Title)
			}),
		)
	}))
}

// cohortView is what the cohort heatmap shows (charts.CohortMeasure) and
// how it is coloured (charts.CohortColours); "" for the defaults.
type cohortView struct{ measure, colours string }

// cohortControls choose what the cohort heatmap shows: the share of each
// cohort's customers who ordered in a period, its revenue per customer,
// or its average order value; and whether its colours compare the
// cohorts or each cohort's periods. The chart is drawn again; nothing is
// asked of the engine.
func (w *Workbench) cohortControls() app.UI {
	selector := func(label, id string, shown *string, def string, options ...choice) app.UI {
		cur := cmp.Or(*shown, def)
		return app.Label().Class("field inline").Body(
			app.Span().Text(label),
			app.Select().ID(id).Body(app.Range(options).Slice(func(i int) app.UI { return option(options[i].value, options[i].label, cur) })).
				OnChange(func(ctx app.Context, e app.Event) {
					*shown = ctx.JSSrc().Get("value").String()
					for _, c := range w.tabCharts() {
						if c.ID == charts.IDCohorts {
							ctx.Defer(func(app.Context) { drawChart("chart-"+c.ID, c.Option(), c.ID) })
						}
					}
					w.fillTables(ctx)
				}),
		)
	}
	return app.Span().Class("row").Body(
		selector(w.t("Cohorts by"), "cohort-measure", &w.cohorts.measure, charts.CohortRetention,
			choice{charts.CohortRetention, w.t("Customers")}, choice{charts.CohortRevenue, w.t("Revenue per customer")}, choice{charts.CohortAOV, w.t("AOV")}),
		selector(w.t("Colours"), "cohort-colours", &w.cohorts.colours, charts.ColoursAcross,
			choice{charts.ColoursAcross, w.t("Across cohorts")}, choice{charts.ColoursWithin, w.t("Within each cohort")}),
	)
}

// toggleTable shows or hides a chart's table; the glue fills it from the
// chart's option once it is in the page.
func (w *Workbench) toggleTable(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if w.tables == nil {
			w.tables = map[string]bool{}
		}
		w.tables[id] = !w.tables[id]
		w.fillTables(ctx)
	}
}

// fillTables writes the shown charts' tables after this update.
func (w *Workbench) fillTables(ctx app.Context) {
	heads := w.tableHeads()
	ctx.Defer(func(app.Context) {
		for id, on := range w.tables {
			if on {
				chartTable("table-"+id, "chart-"+id, heads)
			}
		}
	})
}

// tableHeads name a chart table's first column where the chart's axis
// has no name.
func (w *Workbench) tableHeads() map[string]any {
	return map[string]any{"period": w.t("Period"), "cohort": w.t("Cohort"), "segment": w.t("Segment")}
}

// longValue is how many characters a card's value holds at its full size
// ("$ 1,912.90"); a longer one ("$ 8,911,407.90") is set smaller, so that
// it fits its card on one line (web/style.css).
const longValue = 10

// valueClass is the class of a card's value: "value", or "value long".
func valueClass(text string) string {
	if utf8.RuneCountInString(text) > longValue {
		return "value long"
	}
	return "value"
}

// benchmark puts the shop's yearly retention beside the e-commerce
// benchmark, a yearly figure, or says why it is not shown.
func (w *Workbench) benchmark() app.UI {
	b := w.m.Doc.Benchmark
	aside := app.Aside().Class("benchmark").DataSet("kpi", "yearly_retention")
	if b.YearlyRetention == nil || b.Diff == nil {
		text := w.t("The e-commerce benchmark is a yearly figure, so it is compared with your yearly retention, the share of one year's customers who ordered again the next year: that needs the orders of the two years from %s to %s, and yours start later.", w.loc.Date(b.From), w.loc.Date(b.To))
		if b.Missing == report.BenchmarkNoCustomers {
			text = w.t("The e-commerce benchmark is a yearly figure, compared with your yearly retention; nobody ordered in the year from %s, so there is none.", w.loc.Date(b.From))
		}
		return aside.DataSet("value", "0").DataSet("missing", "true").Body(app.P().Text(text))
	}
	return aside.DataSet("value", strconv.FormatFloat(*b.YearlyRetention, 'g', -1, 64)).DataSet("missing", "false").Body(
		app.P().Text(w.t("Yearly retention %s: %s of the %s customers of the year from %s ordered again in the year to %s; against %s for %s: %s points.",
			w.loc.Percent(*b.YearlyRetention), w.loc.Int(b.Retained), w.loc.Int(b.Customers), w.loc.Date(b.From), w.loc.Date(b.To),
			w.loc.Percent(b.Value), b.Name, w.loc.Points(*b.Diff))),
		app.P().Class("source").Text(b.Source),
	)
}

// charts builds the chart options of the report, labels translated.
func (w *Workbench) charts() []charts.Chart {
	if w.m.Doc == nil {
		return nil
	}
	return w.cached(TabOverview, func() []charts.Chart { return charts.All(w.m.Doc, w.chartLabels()) })
}

func (w *Workbench) customers() app.UI {
	d := w.m.Doc
	cur := d.Currency
	money := func(v float64) string { return w.loc.Money(v, cur) }
	actions := w.listActions
	return app.Div().Class("customers").Body(
		app.Section().Body(
			app.H2().Text(w.t("RFM segments")),
			app.P().Class("hint").Text(w.t("Recency, frequency and money scored 1 to 5 against the other customers (as of %s); the recency × frequency grid names the segment.", w.loc.Date(d.AsOf))),
			w.segmentTable("segments", true),
		),
		w.openList("segments"),
		app.Section().Body(
			app.H2().Text(w.t("Campaign lists")),
			app.Div().Class("lists").Body(
				w.listCard(report.ListVIP, w.t("VIPs"), w.t("The top %s of customers by revenue: %s customers bring %s of net revenue (%s).",
					w.loc.Percent(d.VIPs.Share), w.loc.Int(d.VIPs.Customers), w.loc.Percent(d.VIPs.RevenueShare), money(d.VIPs.Revenue)), nil, actions(report.ListVIP, w.t("VIPs"))),
				w.listCard(report.ListLapsed, w.t("Lapsed regulars"), w.t("%s customers with %s or more orders and none in the last %s days: %s of net revenue to win back.",
					w.loc.Int(d.Lapsed.Customers), w.loc.Int(d.Lapsed.MinOrders), w.loc.Int(d.Lapsed.Days), money(d.Lapsed.Revenue)),
					field(w.t("Days without an order"), app.Input().Type("number").ID("lapsed-days").Min(1).Max(3650).Value(d.Lapsed.Days).
						OnChange(func(ctx app.Context, e app.Event) {
							if n, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil && n > 0 {
								w.m.Settings.LapsedDays = n
								w.apply()
							}
						})), actions(report.ListLapsed, w.t("Lapsed regulars"))),
				w.listCard(report.ListSeasonal, w.t("Seasonal buyers"), w.t("%s customers ordered between %s and %s last year (%s orders, %s); %s of them have ordered since. Remind them before %s.",
					w.loc.Int(d.Seasonal.Customers), w.loc.Date(d.Seasonal.LastFrom), w.loc.Date(d.Seasonal.LastTo), w.loc.Int(d.Seasonal.Orders), money(d.Seasonal.Revenue), w.loc.Int(d.Seasonal.OrderedSince), w.loc.Date(d.Seasonal.From)),
					app.Span().Class("row").Body(
						field(w.t("Season from"), app.Input().Type("date").ID("season-from").Value(d.Seasonal.From).OnChange(w.setDate(func(v string) { w.m.Settings.SeasonFrom = v }))),
						field(w.t("to"), app.Input().Type("date").ID("season-to").Value(d.Seasonal.To).OnChange(w.setDate(func(v string) { w.m.Settings.SeasonTo = v }))),
					), actions(report.ListSeasonal, w.t("Seasonal buyers"))),
				w.listCard(report.ListAll, w.t("All customers"), w.t("Every customer with segment, orders, revenue and last order."), nil, actions(report.ListAll, w.t("All customers"))),
			),
		),
		app.If(len(d.Products) > 0, func() app.UI { return w.productsView() }),
		w.openList("products"),
		w.openList(""),
		w.movementView(),
		app.If(len(d.Interest) > 0, func() app.UI { return w.interestView() }),
		w.openList("interest"),
	)
}

// segmentTable is the RFM segments' table (id), each segment with its
// figures, what it means, what to do, and with actions its list's buttons.
func (w *Workbench) segmentTable(id string, actions bool) app.UI {
	d := w.m.Doc
	money := func(v float64) string { return w.loc.Money(v, d.Currency) }
	return scroller(w.t("RFM segments")).Body(app.Table().Class("table cards").ID(id).Body(
		app.THead().Body(app.Tr().Body(
			app.If(actions, func() app.UI { return app.Th().Text(w.t("Lists")) }), app.Th().Text(w.t("Segment")), app.Th().Class("num").Text(w.t("Customers")), app.Th().Class("num").Text(w.t("Share of customers")),
			app.Th().Class("num").Text(w.t("Revenue")), app.Th().Class("num").Text(w.t("Share of revenue")), app.Th().Class("num").Text(w.t("AOV")),
			app.Th().Text(w.t("What it means")), app.Th().Text(w.t("What to do")),
		)),
		app.TBody().Body(app.Range(d.Segments).Slice(func(i int) app.UI {
			s := d.Segments[i]
			meaning, action, _ := w.segmentGuide(s.Name)
			num := func(label, v string) app.UI { return app.Td().Class("num").DataSet("label", label).Text(v) }
			return app.Tr().DataSet("segment", s.Name).Body(
				app.If(actions, func() app.UI { return app.Td().Class("row-actions").Body(w.listActions(s.Name, w.segmentName(s.Name))) }),
				app.Td().Class("name").Text(w.segmentName(s.Name)),
				num(w.t("Customers"), w.loc.Int(s.Customers)), num(w.t("Share of customers"), w.loc.Percent(s.CustomerShare)),
				num(w.t("Revenue"), money(s.Revenue)), num(w.t("Share of revenue"), w.loc.Percent(s.RevenueShare)), num(w.t("AOV"), money(s.AOV)),
				app.Td().Class("text meaning").Text(meaning), app.Td().Class("text next").DataSet("label", w.t("What to do")).Text(action),
			)
		})),
	))
}

// listActions are a list's buttons: view, CSV, Excel, each named with the
// list it acts on (name, as the page shows it) for a screen reader.
func (w *Workbench) listActions(list, name string) app.UI {
	return w.actions(list, name, func() { w.post(w.m.view(w.tab, w.listPlace(list), list), nil) },
		func(format string) { w.exportList(list, format) })
}

// actions are the buttons of list (named name as the page shows it):
// view, and export as CSV and as Excel.
func (w *Workbench) actions(list, name string, view func(), export func(format string)) app.UI {
	return app.Span().Class("actions").Body(
		app.Button().Type("button").Class("btn btn-small").DataSet("view", list).Aria("label", w.t("View %s", name)).Text(w.t("View")).
			OnClick(func(ctx app.Context, e app.Event) { view() }),
		app.Button().Type("button").Class("btn btn-small").DataSet("export", list).DataSet("format", "csv").Aria("label", w.t("Export %s as CSV", name)).Text("CSV").
			OnClick(func(ctx app.Context, e app.Event) { export("csv") }),
		app.Button().Type("button").Class("btn btn-small").DataSet("export", list).DataSet("format", "xlsx").Aria("label", w.t("Export %s as Excel", name)).Text("Excel").
			OnClick(func(ctx app.Context, e app.Event) { export("xlsx") }),
	)
}

func (w *Workbench) listCard(id, title, text string, control, actions app.UI) app.UI {
	return app.Div().Class("list-card").DataSet("list", id).Body(
		app.H3().Text(title),
		app.P().Text(text),
		app.If(control != nil, func() app.UI { return control }),
		actions,
	)
}

func (w *Workbench) data() app.UI {
	d := w.m.Doc
	in := d.Ingest
	header := d.Preview.Header
	return app.Div().Class("data").Body(
		app.Section().Body(
			app.H2().Text(w.t("What was read")),
			app.P().ID("ingest-summary").Text(w.t("%s: %s rows read (%s); %s rows became orders, %s refund rows, %s cancelled rows, %s rows skipped. Dates %s; numbers written like %s.",
				d.File, w.loc.Int(in.Rows), d.Format, w.loc.Int(in.OrderRows), w.loc.Int(in.RefundRows), w.loc.Int(in.CancelledRows), w.loc.Int(in.SkippedRows), w.datesText(in.DateFormat), numberExample(in.NumberFormat))),
			app.If(len(d.Skipped) == 0, func() app.UI { return app.P().Class("ok").Text(w.t("Every row was used.")) }),
			app.If(len(d.Skipped) > 0, func() app.UI {
				return scroller(w.t("Rows skipped")).Body(app.Table().Class("table").ID("skipped").Body(
					app.THead().Body(app.Tr().Body(app.Th().Text(w.t("Rows skipped")), app.Th().Text(w.t("Reason")), app.Th().Text(w.t("Column")), app.Th().Text(w.t("First rows")), app.Th().Text(w.t("Values")))),
					app.TBody().Body(app.Range(d.Skipped).Slice(func(i int) app.UI {
						s := d.Skipped[i]
						return app.Tr().DataSet("code", s.Code).Body(app.Td().Class("num").Text(w.loc.Int(s.Rows)), app.Td().Text(w.skipReason(s)), app.Td().Text(s.Column),
							app.Td().Text(s.ExampleRows()), app.Td().Text(strings.Join(s.Values, ", ")))
					})),
				))
			}),
		),
		app.Section().Body(
			app.H2().Text(w.t("Columns")),
			app.P().Class("hint").Text(w.t("What each column was taken for. Correct a role and the figures are computed again.")),
			app.Div().Class("mapping").ID("mapping").Body(app.Range(d.Mapping).Slice(func(i int) app.UI {
				e := d.Mapping[i]
				return w.roleField(roleName(w, e.Role), "role", e, header, w.m.setMap)
			})),
		),
		app.Section().Body(
			app.H2().Text(w.t("First rows")),
			w.previewTable(d.Preview),
		),
	)
}

// roleField is a role's column choice: a drop-down of the file's columns
// (data-ATTR="role" on it) that sends set's request when changed, and how
// sure the detection was.
func (w *Workbench) roleField(label, attr string, e report.MappingEntry, header []string, set func(role, column string) report.Request) app.UI {
	role := e.Role
	return app.Label().Class("field").DataSet("role", role).Body(
		app.Span().Text(label),
		app.Select().DataSet(attr, role).OnChange(func(ctx app.Context, ev app.Event) {
			col := ctx.JSSrc().Get("value").String()
			if col == noColumn {
				col = ""
			}
			w.post(set(role, col), nil)
		}).Body(
			app.Option().Value(noColumn).Selected(e.Column < 0).Text(w.t("(none)")),
			app.Range(header).Slice(func(j int) app.UI {
				return app.Option().Value(header[j]).Selected(e.Column == j).Text(header[j])
			}),
		),
		app.If(len(e.Question) > 0, func() app.UI {
			return app.Small().Class("question").Text(w.t("Which column is it? %s fit equally well.", strings.Join(e.Question, " / ")))
		}),
		app.If(e.Column >= 0 && e.Source != "user", func() app.UI {
			how := w.t("from the column's name")
			if e.Source == "values" {
				how = w.t("from the column's values")
			}
			return app.Small().Text(w.t("confidence %s, %s: %s", w.loc.Percent(e.Confidence), how, w.whyText(e.Reason)))
		}),
		app.If(e.Source == "user", func() app.UI { return app.Small().Text(w.t("chosen by you")) }),
		app.If(len(e.Alternatives) > 0, func() app.UI {
			alts := make([]string, len(e.Alternatives))
			for i, a := range e.Alternatives {
				alts[i] = a.Header
			}
			return app.Small().Class("alternatives").Text(w.t("also possible: %s", strings.Join(alts, ", ")))
		}),
	)
}

// noColumn is the mapping choice "no column has this role" (go-app leaves
// out an empty value attribute, and an option without one has its text as
// its value).
const noColumn = "-"

// roleName is a role's name for people.
func roleName(w *Workbench, role string) string {
	switch role {
	case "order_id":
		return w.t("Order id")
	case "customer_id":
		return w.t("Customer id")
	case "email":
		return w.t("E-mail")
	case "date":
		return w.t("Order date")
	case "total":
		return w.t("Order total")
	case "quantity":
		return w.t("Quantity")
	case "unit_price":
		return w.t("Unit price")
	case "status":
		return w.t("Status")
	case "currency":
		return w.t("Currency")
	case "product":
		return w.t("Product")
	case "category":
		return w.t("Category")
	case "country":
		return w.t("Country")
	case "name":
		return w.t("Customer name")
	case "address":
		return w.t("Customer address")
	case "transaction_type":
		return w.t("Transaction type")
	case "returned_quantity":
		return w.t("Quantity returned")
	case "refunded":
		return w.t("Amount refunded")
	case "refund_date":
		return w.t("Refund date")
	}
	return role
}
