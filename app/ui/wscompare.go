package ui

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/report"
)

// compareIDs is where the IDs of comparison requests start, apart from the
// model's: a comparison neither supersedes the report's work nor is
// superseded by it.
const compareIDs = 1 << 30

// wsCompare is a comparison of two saved workspaces, made by the engine
// worker as `retention compare A B --json` makes it (worker.Comparer).
type wsCompare struct {
	seq  int
	ids  [2]int // the requests of A and B; B's answer is the comparison
	busy bool
	a, b string // the workspaces' names
	res  *report.Comparison
	err  string
}

// maxMoves is how many of the largest moves between segments are listed.
const maxMoves = 10

// comparePicker chooses two workspaces to compare: A, the earlier, and B.
func (w *Workbench) comparePicker() app.UI {
	a, b := w.comparePair()
	pick := func(id, label, chosen string, set func(string)) app.UI {
		return app.Label().Body(
			app.Text(label+" "),
			app.Select().ID(id).OnChange(func(ctx app.Context, e app.Event) { set(ctx.JSSrc().Get("value").String()) }).Body(
				app.Range(w.ws.list).Slice(func(i int) app.UI {
					ws := w.ws.list[i]
					return app.Option().Value(ws.ID).Selected(ws.ID == chosen).Text(ws.Name)
				}),
			),
		)
	}
	return app.Div().Class("ws-compare").Body(
		app.H3().Text(w.t("Compare two workspaces")),
		pick("compare-a", w.t("A (before)"), a, func(v string) { w.ws.cmpA = v }),
		pick("compare-b", w.t("B (after)"), b, func(v string) { w.ws.cmpB = v }),
		app.Button().ID("compare").Class("btn btn-small").Disabled(a == b || w.cmp.busy).Text(w.t("Compare")).OnClick(func(ctx app.Context, e app.Event) {
			w.compare(w.comparePair())
		}),
	)
}

// comparePair is the workspaces chosen, by default the last opened as B
// and the one before it as A.
func (w *Workbench) comparePair() (a, b string) {
	a, b = w.ws.cmpA, w.ws.cmpB
	known := func(id string) bool {
		for _, ws := range w.ws.list {
			if ws.ID == id {
				return true
			}
		}
		return false
	}
	if (!known(a) || !known(b)) && len(w.ws.list) > 1 {
		a, b = w.ws.list[1].ID, w.ws.list[0].ID
	}
	return a, b
}

// compare sends A's file, then B's, to the engine: each read with its own
// columns, sheet and currency, in B's time zone; the figures with B's
// grain and active window, over each file's whole range.
func (w *Workbench) compare(a, b string) {
	w.worker(w.ctx)
	seq := w.cmp.seq + 2
	w.cmp = wsCompare{seq: seq, ids: [2]int{compareIDs + seq - 1, compareIDs + seq}, busy: true}
	storeCall(w.ctx, "get", func(ra app.Value, err string) {
		var wa workspace
		if err != "" || !decode(ra.Get("meta"), &wa) {
			w.cmp.busy, w.cmp.err = false, w.t("The saved workspace could not be opened: %s", err)
			return
		}
		storeCall(w.ctx, "get", func(rb app.Value, err string) {
			var wb workspace
			if err != "" || !decode(rb.Get("meta"), &wb) {
				w.cmp.busy, w.cmp.err = false, w.t("The saved workspace could not be opened: %s", err)
				return
			}
			w.cmp.a, w.cmp.b = wa.Name, wb.Name
			sb := wb.Settings
			sb.From, sb.To, sb.AsOf, sb.SeasonFrom, sb.SeasonTo, sb.Until, sb.Validate = "", "", "", "", "", "", ""
			sa := report.Settings{TZ: sb.TZ, Sheet: wa.Settings.Sheet, Currency: wa.Settings.Currency, Map: wa.Settings.Map,
				NoHeader: wa.Settings.NoHeader, Locale: wa.Settings.Locale}
			w.compareSide(wa, ra.Get("file"), report.Request{Type: report.MsgCompare, ID: w.cmp.ids[0], Side: report.CompareA, Name: wa.Name, Settings: sa}, func() {
				w.compareSide(wb, rb.Get("file"), report.Request{Type: report.MsgCompare, ID: w.cmp.ids[1], Side: report.CompareB, Name: wb.Name, Settings: sb}, nil)
			})
		}, b)
	}, a)
}

// compareSide reads a workspace's file and sends it, then does next.
func (w *Workbench) compareSide(ws workspace, file app.Value, req report.Request, next func()) {
	src := source{Name: ws.Name, Size: ws.Size, URL: ws.URL}
	if file.Truthy() {
		src.File = file
	}
	seq := w.cmp.seq
	w.read(src, func(buf app.Value, err string) {
		w.ctx.Dispatch(func(ctx app.Context) {
			if seq != w.cmp.seq {
				return
			}
			if err != "" {
				w.cmp.busy, w.cmp.err = false, w.unreadable(err)
				return
			}
			w.post(req, buf)
			if next != nil {
				next()
			}
		})
	})
}

// compareReply takes the engine's answers to a comparison (and hears an
// engine lost while it compared); it tells whether the message was one.
func (w *Workbench) compareReply(raw string) bool {
	if w.cmp.busy && strings.HasPrefix(raw, `{"type":"engine"`) {
		w.cmp.busy, w.cmp.err = false, w.t("The engine stopped while comparing. Try again.")
		return false // the page hears it too
	}
	id := replyID(raw)
	if id < compareIDs {
		return false
	}
	if id != w.cmp.ids[0] && id != w.cmp.ids[1] {
		return true // an older comparison's
	}
	var r report.Reply
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		w.cmp.busy, w.cmp.err = false, err.Error()
		return true
	}
	switch r.Type {
	case report.MsgComparison:
		w.cmp.busy, w.cmp.res = false, r.Comparison
	case report.MsgError:
		name := w.cmp.b
		if id == w.cmp.ids[0] {
			name = w.cmp.a
		}
		w.cmp.busy, w.cmp.err = false, w.t("%s could not be compared: %s", name, r.Message)
		if r.Problem != nil {
			w.cmp.err = w.t("%s needs a column chosen first: open it, answer the question, then compare.", name)
		}
	}
	return true
}

// replyID reads a reply's ID from its beginning ({"type":...,"id":n,...},
// the order of report.Reply's fields), without decoding the rest.
func replyID(raw string) int {
	d := json.NewDecoder(strings.NewReader(raw))
	d.UseNumber()
	for i := 0; i < 5; i++ {
		t, err := d.Token()
		if err != nil {
			return 0
		}
		if i == 3 && t != "id" {
			return 0
		}
		if i == 4 {
			n, ok := t.(json.Number)
			if !ok {
				return 0
			}
			v, _ := strconv.Atoi(string(n))
			return v
		}
	}
	return 0
}

// compareView shows a comparison: each KPI of A and B with its change,
// retention and churn per period side by side, and the customers who
// moved between segments.
func (w *Workbench) compareView() app.UI {
	c := w.cmp
	return app.Section().ID("comparison").Class("comparison").DataSet("busy", boolText(c.busy)).Body(
		app.Div().Class("section-head").Body(
			app.H2().Text(w.t("%s (A) and %s (B)", c.a, c.b)),
			app.Button().ID("compare-close").Class("btn btn-small").Text(w.t("Close")).OnClick(func(ctx app.Context, e app.Event) {
				w.cmp = wsCompare{seq: w.cmp.seq + 2}
			}),
		),
		app.If(c.busy, func() app.UI { return app.P().Attr("role", "status").Text(w.t("Comparing…")) }),
		app.If(c.err != "", func() app.UI { return app.Div().Class("alert").Attr("role", "alert").Text(c.err) }),
		app.If(c.res != nil, func() app.UI { return w.comparison(c.res) }),
	)
}

func (w *Workbench) comparison(c *report.Comparison) app.UI {
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'g', -1, 64)
	}
	return app.Div().Body(
		app.P().Class("hint").Text(w.t("A: %s to %s. B: %s to %s. Change = B − A; rates change in points.",
			c.A.FirstOrder, c.A.LastOrder, c.B.FirstOrder, c.B.LastOrder)),
		app.Table().ID("compare-kpis").Class("table").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(w.t("Figure")), app.Th().Scope("col").Class("num").Text("A"), app.Th().Scope("col").Class("num").Text("B"),
				app.Th().Scope("col").Class("num").Text(w.t("Change")), app.Th().Scope("col").Class("num").Text(w.t("Relative change")),
			)),
			app.TBody().Body(app.Range(c.KPIs).Slice(func(i int) app.UI {
				k := c.KPIs[i]
				return app.Tr().DataSet("kpi-delta", k.Name).DataSet("a", num(k.A)).DataSet("b", num(k.B)).
					DataSet("delta", num(k.Delta)).DataSet("relative", num(k.Relative)).Body(
					app.Th().Scope("row").Text(w.kpiName(k.Name)),
					app.Td().Class("num").Text(w.kpiValue(k.Unit, k.A, c.A.Currency)),
					app.Td().Class("num").Text(w.kpiValue(k.Unit, k.B, c.B.Currency)),
					app.Td().Class("num").Text(w.kpiDelta(k.Unit, k.Delta, c.B.Currency)),
					app.Td().Class("num").Text(w.signedPercent(k.Relative)),
				)
			})),
		),
		app.H3().Text(w.t("Retention and churn per period")),
		app.Table().ID("compare-periods").Class("table").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(w.t("Period")),
				app.Th().Scope("col").Class("num").Text(w.t("Retention")+" A"), app.Th().Scope("col").Class("num").Text(w.t("Retention")+" B"),
				app.Th().Scope("col").Class("num").Text(w.t("Change")),
				app.Th().Scope("col").Class("num").Text(w.t("Churn")+" A"), app.Th().Scope("col").Class("num").Text(w.t("Churn")+" B"),
				app.Th().Scope("col").Class("num").Text(w.t("Change")),
			)),
			app.TBody().Body(app.Range(c.Periods).Slice(func(i int) app.UI {
				p := c.Periods[i]
				rate := func(pp *report.Period, churn bool) string {
					if pp == nil {
						return "–"
					}
					if churn {
						return w.kpiValue("ratio", pp.Churn, "")
					}
					return w.kpiValue("ratio", pp.Retention, "")
				}
				return app.Tr().DataSet("period", p.Period).DataSet("retention-delta", num(p.RetentionDelta)).Body(
					app.Th().Scope("row").Text(p.Period),
					app.Td().Class("num").Text(rate(p.A, false)), app.Td().Class("num").Text(rate(p.B, false)),
					app.Td().Class("num").Text(w.kpiDelta("ratio", p.RetentionDelta, "")),
					app.Td().Class("num").Text(rate(p.A, true)), app.Td().Class("num").Text(rate(p.B, true)),
					app.Td().Class("num").Text(w.kpiDelta("ratio", p.ChurnDelta, "")),
				)
			})),
		),
		w.movementView(&c.Movement),
	)
}

// movementView says how many customers moved between RFM segments, and
// the largest moves.
func (w *Workbench) movementView(m *report.Movement) app.UI {
	moves := m.Moves
	if len(moves) > maxMoves {
		moves = moves[:maxMoves]
	}
	seg := func(s string) string {
		if s == report.MovementAbsent {
			return w.t("not in the file")
		}
		return s
	}
	return app.Div().ID("compare-movement").DataSet("moved", m.Moved).DataSet("stayed", m.Stayed).Body(
		app.H3().Text(w.t("Customers who moved between segments")),
		app.P().Text(w.t("%s customers are in both files: %s stayed in their segment and %s moved. %s are only in A, %s only in B.",
			w.loc.Int(m.Both), w.loc.Int(m.Stayed), w.loc.Int(m.Moved), w.loc.Int(m.OnlyA), w.loc.Int(m.OnlyB))),
		app.Table().ID("compare-moves").Class("table").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(w.t("Segment in A")), app.Th().Scope("col").Text(w.t("Segment in B")),
				app.Th().Scope("col").Class("num").Text(w.t("Customers")), app.Th().Scope("col").Class("num").Text(w.t("Share of the segment in A")),
			)),
			app.TBody().Body(app.Range(moves).Slice(func(i int) app.UI {
				mv := moves[i]
				return app.Tr().DataSet("from", mv.From).DataSet("to", mv.To).DataSet("customers", mv.Customers).Body(
					app.Td().Text(seg(mv.From)), app.Td().Text(seg(mv.To)),
					app.Td().Class("num").Text(w.loc.Int(mv.Customers)), app.Td().Class("num").Text(w.loc.Percent(mv.Share)),
				)
			})),
		),
	)
}

// kpiName is a compared figure's name (report.KPIChange's).
func (w *Workbench) kpiName(name string) string {
	switch name {
	case "customers":
		return w.t("Customers")
	case "orders":
		return w.t("Orders")
	case "revenue":
		return w.t("Revenue")
	case "refunds":
		return w.t("Refunds")
	case "net_revenue":
		return w.t("Net revenue")
	case "aov":
		return w.t("Average order value")
	case "repeat_rate":
		return w.t("Repeat purchase rate")
	case "purchase_frequency":
		return w.t("Purchase frequency")
	case "mean_days_between":
		return w.t("Days between orders, mean")
	case "median_days_between":
		return w.t("Days between orders, median")
	case "returning_revenue_share":
		return w.t("Share of revenue from returning customers")
	case "historical_clv":
		return w.t("Historical CLV")
	case "repeat_vs_one_time":
		return w.t("Spend of a returning customer ÷ a one-time customer's")
	case "retention":
		return w.t("Retention rate")
	case "churn":
		return w.t("Churn rate")
	case "crr":
		return "CRR"
	}
	return name
}

// kpiValue writes a figure by its unit; "–" where it is not defined.
func (w *Workbench) kpiValue(unit string, v *float64, cur string) string {
	if v == nil {
		return "–"
	}
	switch unit {
	case "count":
		return w.loc.Int(int(*v))
	case "money":
		return w.loc.Money(*v, cur)
	case "ratio":
		return w.loc.Percent(*v)
	case "days":
		return w.loc.Num(*v, 1)
	}
	return w.loc.Num(*v, 2)
}

// kpiDelta writes a change by its unit, signed; a rate's in points.
func (w *Workbench) kpiDelta(unit string, d *float64, cur string) string {
	if d == nil {
		return "–"
	}
	if unit == "ratio" {
		return w.t("%s points", w.loc.Points(*d))
	}
	s := w.kpiValue(unit, d, cur)
	if *d > 0 {
		s = "+" + s
	}
	return s
}

func (w *Workbench) signedPercent(r *float64) string {
	if r == nil {
		return "–"
	}
	s := w.loc.Percent(*r)
	if *r > 0 {
		s = "+" + s
	}
	return s
}
