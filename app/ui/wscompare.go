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
	// raw is the engine's reply with the comparison (report.Reply's
	// JSON): web/store.js draws its tables, so the page's WebAssembly
	// carries no code for them.
	raw string
	err string
}

// compare sends A's file, then B's, to the engine: each read with its own
// columns, sheet and currency, in B's time zone; the figures with B's
// grain and active window, over each file's whole range.
func (w *Workbench) compare(a, b string) {
	w.worker(w.ctx)
	seq := w.cmp.seq + 2
	w.cmp = wsCompare{seq: seq, ids: [2]int{compareIDs + seq - 1, compareIDs + seq}, busy: true}
	storeCall(w.ctx, "get", func(_ app.Context, ra app.Value, err string) {
		var wa workspace
		if err != "" || !decode(ra.Get("meta"), &wa) {
			w.cmp.busy, w.cmp.err = false, w.t("The saved workspace could not be opened: %s", err)
			return
		}
		storeCall(w.ctx, "get", func(_ app.Context, rb app.Value, err string) {
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
func (w *Workbench) compareReply(ctx app.Context, raw string) bool {
	typ, id := replyHead(raw)
	if w.cmp.busy && typ == msgEngine {
		w.cmp.busy, w.cmp.err = false, w.t("The engine stopped while comparing. Try again.")
		return false // the page hears it too
	}
	if id < compareIDs {
		return false
	}
	if id != w.cmp.ids[0] && id != w.cmp.ids[1] {
		return true // an older comparison's
	}
	switch typ {
	case report.MsgComparison:
		w.cmp.busy, w.cmp.raw = false, raw
		w.drawComparison(ctx)
	case report.MsgError:
		var r struct {
			Message string          `json:"message"`
			Problem json.RawMessage `json:"problem"`
			Error   *report.Error   `json:"error"`
		}
		_ = json.Unmarshal([]byte(raw), &r)
		name := w.cmp.b
		if id == w.cmp.ids[0] {
			name = w.cmp.a
		}
		why := r.Message
		if r.Error != nil && w.settingText(r.Error) != "" {
			why = w.settingText(r.Error) // a setting of the workspace's, such as its currency
		}
		w.cmp.busy, w.cmp.err = false, w.t("%s could not be compared: %s", name, why)
		if len(r.Problem) > 0 {
			w.cmp.err = w.t("%s needs a column chosen first: open it, answer the question, then compare.", name)
		}
	}
	return true
}

// replyHead reads a reply's type and ID from its beginning, without
// decoding the rest: report.Reply's JSON starts {"type":"T","id":N (its
// first fields, in order; no id for MsgReady), web/glue.js's news of an
// engine {"type":"engine".
func replyHead(raw string) (typ string, id int) {
	const t = `{"type":"`
	if !strings.HasPrefix(raw, t) {
		return "", 0
	}
	rest := raw[len(t):]
	end := strings.IndexByte(rest, '"')
	if end < 0 {
		return "", 0
	}
	typ, rest = rest[:end], rest[end+1:]
	if !strings.HasPrefix(rest, `,"id":`) {
		return typ, 0
	}
	rest = rest[len(`,"id":`):]
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	id, _ = strconv.Atoi(rest[:n])
	return typ, id
}

// drawComparison has web/store.js write the comparison's tables into the
// view after this update, with the page's words.
func (w *Workbench) drawComparison(ctx app.Context) {
	if w.cmp.raw == "" || !app.IsClient {
		return
	}
	kpis := map[string]any{}
	for _, k := range []string{"customers", "orders", "revenue", "refunds", "net_revenue", "aov", "repeat_rate", "purchase_frequency",
		"mean_days_between", "median_days_between", "returning_revenue_share", "historical_clv", "repeat_vs_one_time", "retention", "churn", "crr"} {
		kpis[k] = w.kpiName(k)
	}
	// The templates keep their verbs for web/store.js to fill, in order.
	v := "%s"
	words := map[string]any{
		"kpis":       kpis,
		"range":      w.t("A: %s to %s. B: %s to %s. Change = B − A; rates change in points.", v, v, v, v),
		"kpiHead":    []any{w.t("Figure"), "A", "B", w.t("Change"), w.t("Relative change")},
		"periods":    w.t("Retention and churn per period"),
		"periodHead": []any{w.t("Period"), w.t("Retention") + " A", w.t("Retention") + " B", w.t("Change"), w.t("Churn") + " A", w.t("Churn") + " B", w.t("Change")},
		"points":     w.t("%s points", v),
		"moved":      w.t("Customers who moved between segments"),
		"summary":    w.t("%s customers are in both files: %s stayed in their segment and %s moved. %s are only in A, %s only in B.", v, v, v, v, v),
		"moveHead":   []any{w.t("Segment in A"), w.t("Segment in B"), w.t("Customers"), w.t("Share of the segment in A")},
		"absent":     w.t("not in the file"),
	}
	// The names the tables show: the segments' and the periods' in the
	// page's language.
	var c struct {
		Comparison struct {
			Periods []struct {
				Period string `json:"period"`
			} `json:"periods"`
		} `json:"comparison"`
	}
	_ = json.Unmarshal([]byte(w.cmp.raw), &c)
	names := map[string]any{}
	for k, v := range w.segmentNameMap() {
		names[k] = v
	}
	for _, p := range c.Comparison.Periods {
		names[p.Period] = w.loc.Period(p.Period)
	}
	words["names"] = names
	raw := w.cmp.raw
	ctx.Defer(func(app.Context) { storeDo("comparison", "compare-body", raw, w.loc.Tag.String(), words) })
}

// compareView shows a comparison: each KPI of A and B with its change,
// retention and churn per period side by side, and the customers who
// moved between segments (drawn by web/store.js into #compare-body).
func (w *Workbench) compareView() app.UI {
	c := w.cmp
	return app.Section().ID("comparison").Class("comparison").DataSet("busy", boolText(c.busy)).Body(
		app.Div().Class("section-head").Body(
			app.H2().ID("compare-title").Text(w.t("%s (A) and %s (B)", c.a, c.b)),
			app.Button().ID("compare-close").Class("btn btn-small").Text(w.t("Close")).OnClick(func(ctx app.Context, e app.Event) {
				w.cmp = wsCompare{seq: w.cmp.seq + 2}
			}),
		),
		app.If(c.busy, func() app.UI { return app.P().Attr("role", "status").Text(w.t("Comparing…")) }),
		app.If(c.err != "", func() app.UI { return app.Div().Class("alert").Attr("role", "alert").Text(c.err) }),
		app.Div().ID("compare-body"),
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
	}
	return strings.ToUpper(name) // CRR
}
