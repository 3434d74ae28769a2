package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/charts"
	"retention/app/report"
)

// The cards' comparison with the previous range of the same length
// (report.Previous, the engine's `--compare-to previous`), and the
// customers' moves between RFM segments from one day to another
// (report.Movement, `segments --moved-since`).

// deltaNames maps a card (KPI.Name) to the KPI of report.Previous it
// compares; cards without one show no change.
var deltaNames = map[string]string{
	"retention": "retention", "churn": "churn", "customers": "customers", "orders": "orders", "revenue": "revenue",
	"aov": "aov", "repeat_rate": "repeat_rate", "purchase_frequency": "purchase_frequency",
	"clv": "historical_clv", "days_between": "median_days_between",
}

// worseUp are the KPIs for which a rise is bad news.
var worseUp = map[string]bool{"churn": true, "median_days_between": true}

// previousKPI is the change of a card's figure since the previous range,
// or nil when the report has none for it (no previous range in the file,
// or a figure one side does not define).
func previousKPI(d *report.Document, card string) *report.KPIChange {
	p := d.Previous
	name, ok := deltaNames[card]
	if p == nil || !p.Covered || !ok {
		return nil
	}
	for i := range p.KPIs {
		if k := &p.KPIs[i]; k.Name == name && k.Delta != nil {
			return k
		}
	}
	return nil
}

// delta writes a card's change since the previous range: an arrow, the
// change in words (up, down, no change) with its size, and the colour of
// good or bad news; data-delta holds the change as the report has it.
func (w *Workbench) delta(m *markup, card string) {
	k := previousKPI(w.m.Doc, card)
	if k == nil {
		return
	}
	days := w.m.Doc.Previous.Days
	d := *k.Delta
	size := w.deltaSize(k)
	arrow, text, tone := "=", w.t("no change vs the previous %s days", days), "same"
	switch {
	case d > 0:
		arrow, text, tone = "▲", w.t("up %s vs the previous %s days", size, days), "good"
		if worseUp[k.Name] {
			tone = "bad"
		}
	case d < 0:
		arrow, text, tone = "▼", w.t("down %s vs the previous %s days", size, days), "bad"
		if worseUp[k.Name] {
			tone = "good"
		}
	}
	was := w.t("%s in the previous %s days", w.deltaValue(k, *k.A), days)
	m.open("p", "class", "delta "+tone, "data-kpi-delta", k.Name, "data-delta", number(d), "title", was)
	m.elem("span", arrow+" ", "class", "arrow", "aria-hidden", "true")
	m.text(text)
	m.close("p")
}

// deltaSize words the size of a change: points for a rate, the amount and
// the relative change for the others.
func (w *Workbench) deltaSize(k *report.KPIChange) string {
	d := *k.Delta
	if d < 0 {
		d = -d
	}
	if k.Unit == "ratio" {
		return w.t("%s pts", w.loc.Num(d*100, 1))
	}
	s := w.deltaValue(k, d)
	if k.Relative != nil {
		r := *k.Relative
		if r < 0 {
			r = -r
		}
		s += " (" + w.loc.Percent(r) + ")"
	}
	return s
}

// deltaValue writes a value of a KPI in its unit.
func (w *Workbench) deltaValue(k *report.KPIChange, v float64) string {
	switch k.Unit {
	case "count":
		return w.loc.Int(int(v))
	case "money":
		return w.loc.Money(v, w.m.Doc.Currency)
	case "ratio":
		return w.loc.Percent(v)
	case "days":
		return w.t("%s days", w.loc.Num(v, 0))
	}
	return w.loc.Num(v, 2)
}

// previousNote says what the cards are compared with, or how to get a
// comparison when the file holds no previous range.
func (w *Workbench) previousNote() app.UI {
	p := w.m.Doc.Previous
	if p == nil {
		return app.Text("")
	}
	if !p.Covered {
		return app.P().Class("hint").ID("previous-note").DataSet("covered", "false").
			Text(w.t("Choose From and To to compare each figure with the days just before: the previous %s days, %s to %s, start before the first order, on %s.",
				p.Days, w.loc.Date(p.From), w.loc.Date(p.To), w.loc.Date(w.m.Doc.FirstOrder)))
	}
	return app.P().Class("hint").ID("previous-note").DataSet("covered", "true").DataSet("from", p.From).
		Text(w.t("Changes are against the previous %s days, %s to %s.", p.Days, w.loc.Date(p.From), w.loc.Date(p.To)))
}

// movementDays are the default days of the movement: the data's last day
// and movementBack days before it.
const movementBack = 90

// defaultMovement is the movement's days before the user picks any.
func defaultMovement(d *report.Document) report.MovementRange {
	to, err := time.Parse(time.DateOnly, d.LastOrder)
	if err != nil {
		return report.MovementRange{}
	}
	return report.MovementRange{From: to.AddDate(0, 0, -movementBack).Format(time.DateOnly), To: d.LastOrder}
}

// movementRequest asks for the movement between the chosen days (the
// default ones when none is chosen), or returns false when they are not
// two days in order.
func (m *model) movementRequest() (report.Request, bool) {
	r := m.moveRange
	if r.From == "" || r.To == "" {
		r = defaultMovement(m.Doc)
		m.moveRange = r
	}
	if r.From == "" || r.To == "" || r.From >= r.To {
		return report.Request{}, false
	}
	m.reqID++
	m.moveID, m.moveFor, m.Move = m.reqID, m.docGen, nil
	return report.Request{Type: report.MsgMovement, ID: m.reqID, Settings: m.Settings, Movement: &r}, true
}

// needMovement tells whether the movement must be asked for: the report
// shown has none yet.
func (m *model) needMovement() bool {
	return m.Doc != nil && m.Phase == Ready && m.moveFor != m.docGen
}

// askMovement asks for the movement when the segments tab shows and the
// report has none.
func (w *Workbench) askMovement() {
	if w.tab != TabCustomers || !w.m.needMovement() {
		return
	}
	if r, ok := w.m.movementRequest(); ok {
		w.post(r, nil)
	}
}

// setMovementDay sets one of the movement's days and asks again.
func (w *Workbench) setMovementDay(set func(r *report.MovementRange, v string)) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		set(&w.m.moveRange, ctx.JSSrc().Get("value").String())
		w.m.moveFor = -1
		w.askMovement()
	}
}

// movementChart is the Sankey chart of the movement shown.
func (w *Workbench) movementChart() charts.Chart {
	return charts.Movement(w.m.Move, charts.MovementLabels{Title: w.t("Where the customers of %s were on %s", w.loc.Date(w.m.moveRange.From), w.loc.Date(w.m.moveRange.To)),
		NotInA: w.t("Not yet a customer"), NotInB: w.t("No longer in the file"), SegmentNames: w.segmentNameMap()})
}

// drawMovement draws the movement's chart after this update.
func (w *Workbench) drawMovement(ctx app.Context) {
	if w.m.Move == nil || w.tab != TabCustomers {
		return
	}
	c := w.movementChart()
	w.m.moveDrawn = w.m.moveID
	ctx.Defer(func(app.Context) { drawChart("chart-"+c.ID, c.Option(), c.ID) })
}

// movementView is the segment movement: the two days, a table of the
// customers by their segment on each, and its Sankey chart.
func (w *Workbench) movementView() app.UI {
	d, r, m := w.m.Doc, w.m.moveRange, w.m.Move
	if r.From == "" {
		r = defaultMovement(d)
	}
	ordered := r.From < r.To
	return app.Section().ID("movement").Body(
		app.H2().Text(w.t("Segment movement")),
		app.P().Class("hint").Text(w.t("Each customer's RFM segment at the end of one day and at the end of another: where last quarter's Champions went, and where this quarter's came from.")),
		app.Div().Class("controls").Body(
			field(w.t("From"), app.Input().Type("date").ID("movement-from").Value(r.From).Min(d.FirstOrder).Max(d.LastOrder).
				OnChange(w.setMovementDay(func(r *report.MovementRange, v string) { r.From = v }))),
			field(w.t("To"), app.Input().Type("date").ID("movement-to").Value(r.To).Min(d.FirstOrder).Max(d.LastOrder).
				OnChange(w.setMovementDay(func(r *report.MovementRange, v string) { r.To = v }))),
		),
		app.If(!ordered, func() app.UI { return app.P().Class("alert").Text(w.t("The first day must be before the second.")) }),
		app.If(ordered && m == nil, func() app.UI { return app.P().Class("hint").Text(w.t("Loading the movement…")) }),
		app.If(ordered && m != nil, func() app.UI { return w.movementTable(m) }),
		app.If(ordered && m != nil, func() app.UI {
			c := w.movementChart()
			return app.Figure().Class("chart").Aria("label", c.Title).Body(
				app.Div().ID("chart-"+c.ID).Class("chart-canvas chart-tall").DataSet("chart", c.ID).Aria("label", c.Title).Attr("role", "img").
					Aria("describedby", "movement-table"),
				app.Div().Class("chart-tools").Body(
					app.Button().Class("btn btn-small").DataSet("png", c.ID).Aria("label", w.t("Save as PNG: %s", c.Title)).Text(w.t("Save as PNG")).
						OnClick(func(ctx app.Context, e app.Event) { savePNG("chart-"+c.ID, c.ID) }),
				),
			)
		}),
	)
}

// movementTable counts the customers by their segment on the first day
// (rows) and on the second (columns); rows and columns without customers
// are left out.
func (w *Workbench) movementTable(m *report.Movement) app.UI {
	n := len(m.Segments)
	rows, cols := make([]int, 0, n), make([]int, 0, n)
	for i := 0; i < n; i++ {
		rs, cs := 0, 0
		for j := 0; j < n; j++ {
			rs += m.Counts[i][j]
			cs += m.Counts[j][i]
		}
		if rs > 0 {
			rows = append(rows, i)
		}
		if cs > 0 {
			cols = append(cols, i)
		}
	}
	label := func(s string, col bool) string {
		switch {
		case s == report.MovementAbsent && col:
			return w.t("No longer in the file")
		case s == report.MovementAbsent:
			return w.t("Not yet a customer")
		}
		return w.segmentName(s)
	}
	caption := w.t("Customers by segment on %s (rows) and on %s (columns)", w.loc.Date(w.m.moveRange.From), w.loc.Date(w.m.moveRange.To))
	return app.Div().Body(
		app.P().ID("movement-summary").DataSet("both", m.Both).DataSet("stayed", m.Stayed).DataSet("moved", m.Moved).DataSet("only-b", m.OnlyB).
			Text(w.t("%s customers on both days: %s stayed in their segment, %s moved; %s became customers in between.", w.loc.Int(m.Both), w.loc.Int(m.Stayed), w.loc.Int(m.Moved), w.loc.Int(m.OnlyB))),
		scroller(caption).Body(app.Table().Class("table").ID("movement-table").Body(
			app.Caption().Class("visually-hidden").Text(caption),
			app.THead().Body(app.Tr().Body(
				app.Th().Attr("scope", "col").Text(w.t("First day ↓, second day →")),
				app.Range(cols).Slice(func(k int) app.UI {
					return app.Th().Attr("scope", "col").Class("num").DataSet("to", m.Segments[cols[k]]).Text(label(m.Segments[cols[k]], true))
				}),
			)),
			app.TBody().Body(app.Range(rows).Slice(func(k int) app.UI {
				i := rows[k]
				return app.Tr().DataSet("from", m.Segments[i]).Body(
					app.Th().Attr("scope", "row").Text(label(m.Segments[i], false)),
					app.Range(cols).Slice(func(l int) app.UI {
						j := cols[l]
						cell := app.Td().Class("num").DataSet("to", m.Segments[j]).DataSet("count", m.Counts[i][j])
						if i == j {
							cell = cell.Class("stayed")
						}
						return cell.Text(w.loc.Int(m.Counts[i][j]))
					}),
				)
			})),
		)),
	)
}

// moved hears the answer to the movement request: the movement, or the
// error that says why there is none (shown like any other).
func (m *model) moved(msg message) {
	if msg.ID != m.moveID {
		return // an older request's
	}
	if msg.Type == report.MsgError {
		// Not asked again until the days change; the page words a coded
		// error (errorView).
		m.moveFor = m.docGen
		m.Err, m.Setting = msg.Message, msg.Error
		return
	}
	m.Move = msg.Movement
}

// orDash is s, or a dash for "".
func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
