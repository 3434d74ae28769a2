package ui

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/text/language"

	"retention/app/demo"
	"retention/app/engine"
	"retention/app/export"
	"retention/app/i18n"
	"retention/app/report"
	"retention/metrics"
)

// TestCatalogue checks that every text the page shows goes through the
// catalogue: each call of t or T has a literal message that is in
// i18n.English.
func TestCatalogue(t *testing.T) {
	known := map[string]bool{}
	for _, k := range i18n.English {
		if known[k] {
			t.Errorf("message %q is in the catalogue twice", k)
		}
		known[k] = true
	}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	used := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			// A message chosen before the call that passes it on: a
			// literal assigned to key (key = "...", key, x = "...", y).
			if as, ok := n.(*ast.AssignStmt); ok {
				for i, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name == "key" && i < len(as.Rhs) {
						if lit, ok := as.Rhs[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							s, _ := strconv.Unquote(lit.Value)
							used[s] = true
							if !known[s] {
								t.Errorf("%s: message %q is not in i18n.English", fset.Position(lit.Pos()), s)
							}
						}
					}
				}
				return true
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "t" && sel.Sel.Name != "T") || len(call.Args) == 0 {
				return true
			}
			if id, ok := call.Args[0].(*ast.Ident); ok && id.Name == "key" {
				return true // the wrapper that passes its key on
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: a message that is not a literal cannot be in the catalogue", fset.Position(call.Pos()))
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			used[s] = true
			if !known[s] {
				t.Errorf("%s: message %q is not in i18n.English", fset.Position(call.Pos()), s)
			}
			return true
		})
	}
	for _, k := range i18n.English {
		if !used[k] {
			t.Errorf("catalogue message %q is not used", k)
		}
	}
}

const shop = `Order,Customer,Date,Total
1,a,2025-01-05,10
2,b,2025-01-20,20
3,a,2025-02-01,30
4,c,2025-02-10,40
5,b,2025-03-03,50
6,c,2025-04-10,60
`

func docOf(t *testing.T, csv string) *report.Document {
	t.Helper()
	d, err := engine.Run("shop.csv", []byte(csv), report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// renderHTML mounts the workbench in go-app's test engine and returns its
// HTML.
func renderHTML(t *testing.T, w *Workbench) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(w); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return app.HTMLString(w)
}

// showRows answers the workbench's request for a list's rows as the
// worker would, and returns them.
func showRows(w *Workbench, d *report.Document, list string) []report.Customer {
	rows, name, _ := report.Select(d, list)
	b, _ := json.Marshal(report.Reply{Type: report.MsgRows, ID: w.m.reqID, Rows: report.Page(rows, name, "", 0)})
	w.m.handle(string(b))
	return rows
}

func reportMsg(t *testing.T, id int, d *report.Document) string {
	m, err := json.Marshal(report.Reply{Type: report.MsgReport, ID: id, Report: d})
	if err != nil {
		t.Fatal(err)
	}
	return string(m)
}

func TestModel(t *testing.T) {
	var m model
	r := m.load(source{Name: "shop.csv", Size: 120})
	if r.Type != report.MsgLoad || r.ID != 1 || r.Name != "shop.csv" || m.Phase != Loading {
		t.Fatalf("load: %+v, phase %v", r, m.Phase)
	}
	if _, err := m.handle(`{"type":"progress","id":1,"progress":{"stage":"read","done":5,"total":10}}`); err != nil || m.Progress.Done != 5 {
		t.Fatalf("progress: %v %+v", err, m.Progress)
	}
	d := docOf(t, shop)
	m.handle(reportMsg(t, 1, d))
	if m.Phase != Ready || m.Doc == nil || m.Doc.Customers != 3 || m.docGen != 1 {
		t.Fatalf("report: phase %v doc %v gen %d", m.Phase, m.Doc, m.docGen)
	}
	// A mapping change asks again; an older answer is then ignored.
	r = m.setMap("total", "")
	if r.Type != report.MsgSettings || r.Settings.Map["total"] != "" || len(r.Settings.Map) != 1 {
		t.Fatalf("setMap: %+v", r)
	}
	m.handle(reportMsg(t, 1, d))
	if m.docGen != 1 || m.Phase != Loading {
		t.Errorf("a superseded report was shown")
	}
	// An error keeps the last report.
	m.handle(`{"type":"error","id":2,"message":"the file has no order date column"}`)
	if m.Phase != Ready || m.Err != "the file has no order date column" || m.Doc == nil {
		t.Errorf("error: phase %v err %q", m.Phase, m.Err)
	}
	// A file to download is handed back, whatever its ID.
	f, _ := m.handle(`{"type":"file","id":1,"file":{"name":"retention-vip.csv","type":"text/csv","rows":3}}`)
	if f == nil || f.File.Name != "retention-vip.csv" {
		t.Errorf("file: %+v", f)
	}
	// Viewing a list asks for its rows; a new report asks again.
	r = m.view(TabCustomers, "", "VIP")
	if r.Type != report.MsgRows || r.List != "VIP" || m.needRows(TabCustomers) {
		t.Errorf("view: %+v, needRows %v", r, m.needRows(TabCustomers))
	}
	m.handle(fmt.Sprintf(`{"type":"rows","id":%d,"rows":{"list":"VIP","total":1,"matched":1,"rows":[{"id":"a"}]}}`, r.ID))
	if lv := m.lists[TabCustomers]; lv.Rows == nil || lv.Rows.Total != 1 || m.needRows(TabCustomers) {
		t.Errorf("rows: %+v", lv.Rows)
	}
	// Each tab has its own list: one opened on Predictions leaves the
	// Segments tab's as it is, and a page asked for replaces its own.
	p := m.view(TabPredict, "", report.ListSlipping)
	next := m.page(TabPredict, "ab", 50)
	if next.Query != "ab" || next.Offset != 50 || next.List != report.ListSlipping {
		t.Errorf("page request %+v", next)
	}
	m.handle(fmt.Sprintf(`{"type":"rows","id":%d,"rows":{"list":"Slipping away","total":80,"matched":80,"rows":[{"id":"old"}]}}`, p.ID))
	m.handle(fmt.Sprintf(`{"type":"rows","id":%d,"rows":{"list":"Slipping away","total":80,"matched":2,"offset":0,"query":"ab","rows":[{"id":"ab1"},{"id":"ab2"}]}}`, next.ID))
	if lv := m.lists[TabPredict]; lv.Rows == nil || lv.Rows.Matched != 2 || lv.Offset != 0 || m.lists[TabCustomers].Rows.List != "VIP" {
		t.Errorf("predictions' list %+v, segments' %+v", lv.Rows, m.lists[TabCustomers].Rows)
	}
	m.handle(reportMsg(t, m.reqID, d))
	if m.lists[TabCustomers].Rows != nil || !m.needRows(TabCustomers) || !m.needRows(TabPredict) {
		t.Error("a new report keeps the old list rows")
	}
	// A page that fails closes its list.
	r = m.ask(TabPredict)
	m.handle(fmt.Sprintf(`{"type":"error","id":%d,"message":"no list named \"Slipping away\""}`, r.ID))
	if m.lists[TabPredict] != nil || m.lists[TabCustomers] == nil {
		t.Error("a failed page leaves its list open, or closes another tab's")
	}
	if _, err := m.handle("not json"); err == nil {
		t.Error("bad message: no error")
	}
	// A new file resets the file's own settings.
	m.Settings.Sheet = "Orders"
	m.load(source{Name: "other.xlsx", Size: 1})
	if m.Settings.Map != nil || m.Settings.Sheet != "" {
		t.Errorf("settings kept across files: %+v", m.Settings)
	}
	// An error before any report goes back to the drop zone.
	var m2 model
	m2.load(source{Name: "x.pdf", Size: 1})
	m2.handle(`{"type":"error","id":1,"message":"not a spreadsheet"}`)
	if m2.Phase != Start || m2.Err == "" {
		t.Errorf("first error: phase %v err %q", m2.Phase, m2.Err)
	}
}

func TestKPIs(t *testing.T) {
	d := docOf(t, shop)
	l := i18n.New("en-US")
	ks := kpis(d, l)
	got := map[string]KPI{}
	for _, k := range ks {
		got[k.Name] = k
	}
	if ks[0].Name != "retention" || ks[1].Name != "churn" {
		t.Errorf("the headline is %s and %s, want retention and churn side by side", ks[0].Name, ks[1].Name)
	}
	p := d.Periods[d.LastFull]
	for name, want := range map[string]float64{
		"customers": 3, "orders": 6, "revenue": 210, "aov": 35, "repeat_rate": d.RepeatRate, "retention": *p.Retention, "churn": *p.Churn,
		"purchase_frequency": 2, "clv": 70,
	} {
		if got[name].Value != want || got[name].Missing {
			t.Errorf("%s = %v (missing %v), want %v", name, got[name].Value, got[name].Missing, want)
		}
	}
	// 2025-03 is the last complete period (as of 2025-04-11): S = {a, c}
	// (February), E = {b}, N = {}: nobody retained, a and c lost, b back
	// after leaving the base: retention 0 / 2, churn 2 / 2, CRR = (1 − 0)
	// / 2 = 0% + 1 / 2.
	crr := got["retention"].Detail
	if p.Period != "2025-03" || !strings.Contains(got["retention"].Formula, "0 ÷ 2 = 0.0%") ||
		!strings.Contains(got["retention"].Formula, "ordered in the period before Mar 2025") ||
		!strings.Contains(got["churn"].Formula, "2 ÷ 2 = 100.0%") || crr == nil || crr.Name != "crr" || crr.Value != 0.5 ||
		!strings.Contains(crr.Formula, "(1 − 0) ÷ 2 = 50.0%") || !strings.Contains(crr.Formula, "retention 0.0% + reactivated ÷ S 50.0%") {
		t.Errorf("retention formula %q, CRR %+v, churn formula %q (period %s)", got["retention"].Formula, crr, got["churn"].Formula, p.Period)
	}
	if !strings.Contains(got["aov"].Formula, "210.00 ÷ 6 = 35.00") {
		t.Errorf("AOV formula %q", got["aov"].Formula)
	}
	// A 45-day window: the base at Mar 1 is who ordered from Jan 15, {a,
	// b, c}; at Apr 1 from Feb 15, {b}: retention 1 / 3.
	w45, err := engine.Run("shop.csv", []byte(shop), report.Settings{ActiveWindow: "45d"})
	if err != nil {
		t.Fatal(err)
	}
	r45 := kpis(w45, l)[0]
	if r45.Name != "retention" || !near(r45.Value, 0.333333) || !strings.Contains(r45.Formula, "1 ÷ 3 = 33.3%") || !strings.Contains(r45.Formula, "45 days") {
		t.Errorf("45-day window: %+v", r45)
	}
	// In German the numbers are German.
	de := i18n.New("de-DE")
	d.Revenue = 1234.5
	for _, k := range kpis(d, de) {
		if k.Name == "revenue" && k.Text != "1.234,50" {
			t.Errorf("German revenue %q", k.Text)
		}
	}
	// One month only: no retention, no churn, no CRR.
	one := docOf(t, "Order,Customer,Date,Total\n1,a,2025-01-05,10\n")
	for _, k := range kpis(one, l) {
		if (k.Name == "retention" || k.Name == "churn") && !k.Missing || k.Detail != nil && !k.Detail.Missing {
			t.Errorf("%s without a complete period: %+v", k.Name, k)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestRender renders the workbench natively with go-app's test engine: the
// drop zone first, then, with a report, the cards with their data-kpi and
// data-value attributes, the charts' places and the tabs.
func TestRender(t *testing.T) {
	html := renderHTML(t, &Workbench{})
	for _, want := range []string{`data-phase="start"`, `id="sample"`, `id="file-input"`, "never leaves this device"} {
		if !strings.Contains(html, want) {
			t.Errorf("start page lacks %s", want)
		}
	}
	d := docOf(t, shop)
	render := func(tab, list string) string {
		w := &Workbench{tab: tab}
		w.m.handle(reportMsg(t, 0, d))
		if list != "" {
			w.m.view(tab, "", list)
			showRows(w, d, list)
		}
		return renderHTML(t, w)
	}
	html = render(TabOverview, "")
	for _, k := range []string{"retention", "churn", "crr", "yearly_retention", "customers", "orders", "revenue", "aov", "repeat_rate"} {
		re := regexp.MustCompile(`data-kpi="` + k + `"[^>]*data-value="([^"]*)"|data-value="([^"]*)"[^>]*data-kpi="` + k + `"`)
		if !re.MatchString(html) {
			t.Errorf("no card data-kpi=%q with a data-value", k)
		}
	}
	if !strings.Contains(html, `data-value="210"`) || !strings.Contains(html, `data-phase="ready"`) {
		t.Error("revenue card or ready phase missing")
	}
	if n := strings.Count(html, `class="chart-canvas"`); n < 5 {
		t.Errorf("%d chart places", n)
	}
	for _, want := range []string{`data-chart="retention"`, `data-chart="base"`, `id="active-window"`, `value="90d"`} {
		if !strings.Contains(html, want) {
			t.Errorf("overview lacks %s", want)
		}
	}
	// go-app writes attributes in no fixed order.
	if got := selected(html, "active-window"); got != report.WindowPeriod {
		t.Errorf("active window %q selected, want %q", got, report.WindowPeriod)
	}
	// go-app writes data-missing="true" as a bare attribute.
	if tag := regexp.MustCompile(`<aside[^>]*data-kpi="yearly_retention"[^>]*>`).FindString(html); !strings.Contains(tag, "data-missing") || strings.Contains(tag, `data-missing="false"`) {
		t.Errorf("four months of orders show a yearly retention: %s", tag)
	}
	// Two years and a half of orders: the year from 2023-07-01 had b and c,
	// and c ordered again in the year to 2025-06-30: 50% against 38%.
	d = docOf(t, "Order,Customer,Date,Total\n1,a,2023-01-10,10\n2,b,2023-08-01,20\n3,c,2024-03-15,30\n4,a,2024-09-01,40\n5,c,2025-06-30,60\n")
	html = render(TabOverview, "")
	if tag := regexp.MustCompile(`<aside[^>]*data-kpi="yearly_retention"[^>]*>`).FindString(html); !strings.Contains(tag, `data-value="0.5"`) ||
		!strings.Contains(html, "Yearly retention 50.0%: 1 of the 2 customers of the year from 7/1/2023 ordered again in the year to 6/30/2025; against 38.0%") {
		t.Errorf("yearly retention beside the benchmark: %s", tag)
	}
	d = docOf(t, shop)
	html = render(TabCustomers, report.ListAll)
	for _, want := range []string{`id="segments"`, `data-export="VIP"`, `data-list="Seasonal"`, `id="list-rows"`, `data-rows="3"`} {
		if !strings.Contains(html, want) {
			t.Errorf("segments tab lacks %s", want)
		}
	}
	html = render(TabData, "")
	for _, want := range []string{`id="mapping"`, `data-role="customer_id"`, `id="preview"`, "Every row was used."} {
		if !strings.Contains(html, want) {
			t.Errorf("data tab lacks %s", want)
		}
	}
}

// TestPredictions renders the predictions tab of the sample store and
// checks its cards against the forecast they show.
func TestPredictions(t *testing.T) {
	d, err := engine.Run(SampleFile, demo.CSV(), report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	f := d.Forecast
	if f == nil || f.BGNBD == nil || f.CLV == nil || f.Validation.Holdout == nil {
		t.Fatalf("sample store forecast %+v", f)
	}
	l := i18n.New("en-GB")
	ks := forecastKPIs(d, l)
	got := map[string]KPI{}
	for _, k := range ks {
		got[k.Name] = k
	}
	for name, want := range map[string]float64{
		"expected_purchases": f.ExpectedPurchases, "predicted_clv": *f.CLV,
		"slipping": float64(f.Slipping.Customers), "check_error": f.Validation.Holdout.Error,
	} {
		if k, ok := got[name]; !ok || k.Value != want || k.Formula == "" {
			t.Errorf("card %s: %+v, want value %v", name, k, want)
		}
	}
	if k := got["check_error"]; !strings.Contains(k.Formula, l.Int(f.Validation.Holdout.Actual)) || !strings.Contains(k.Formula, l.Date(f.Validation.Until)) {
		t.Errorf("check formula lacks its numbers: %s", k.Formula)
	}
	// Without drop-out there is nobody slipping away to show.
	nd := *d
	nf := *f
	nb := *f.BGNBD
	nb.NoDropout = true
	nf.BGNBD = &nb
	nd.Forecast = &nf
	for _, k := range forecastKPIs(&nd, l) {
		if k.Name == "slipping" {
			t.Error("a slipping card without drop-out")
		}
	}
	// ... and the page says why, in place of the card.
	w := &Workbench{tab: TabPredict}
	w.m.handle(reportMsg(t, 0, &nd))
	if html := renderHTML(t, w); !strings.Contains(html, `id="no-dropout"`) || strings.Contains(html, `data-list="Slipping away"`) {
		t.Error("no drop-out: no explanation, or a slipping list")
	}
	// Each prediction says how far to trust it: the sample store's test
	// was 48.8% off, with the order of customers kept.
	for _, name := range []string{"expected_purchases", "predicted_clv", "check_error"} {
		if v := got[name].Verdict; !strings.HasPrefix(v, "Good enough to rank customers, not to plan totals") {
			t.Errorf("%s verdict %q", name, v)
		}
	}
	if v := got["slipping"].Verdict; v != "Good enough to rank customers: the order held in the test." {
		t.Errorf("slipping verdict %q", v)
	}

	w = &Workbench{tab: TabPredict}
	w.m.handle(reportMsg(t, 0, d))
	w.m.view(TabPredict, "", report.ListSlipping)
	rows := showRows(w, d, report.ListSlipping)
	html := renderHTML(t, w)
	for _, want := range []string{`data-kpi="predicted_clv"`, `data-kpi="slipping"`, `data-list="Slipping away"`, `data-export="Slipping away"`,
		`id="forecast-segments"`, `id="predict-unit"`, `data-chart="p_alive"`, `data-chart="holdout_cumulative"`, `data-rows="` + strconv.Itoa(len(rows)) + `"`,
		`class="verdict"`, `class="how"`} {
		if !strings.Contains(html, want) {
			t.Errorf("predictions tab lacks %s", want)
		}
	}

	// A shop too small for the models: the reason, no cards.
	w = &Workbench{tab: TabPredict}
	w.m.handle(reportMsg(t, 0, docOf(t, shop)))
	html = renderHTML(t, w)
	if !strings.Contains(html, `id="forecast-errors"`) || !strings.Contains(html, "The purchase model (BG/NBD) needs the orders of at least 50 customers; these have 3.") || strings.Contains(html, `data-kpi=`) {
		t.Errorf("small shop's predictions tab:\n%s", html)
	}
}

// TestVoice renders the voice tab before and after a survey is joined.
func TestVoice(t *testing.T) {
	res, err := engine.Load(SampleFile, demo.CSV(), report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := engine.Build(res, report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	render := func(d *report.Document, file string) string {
		w := &Workbench{tab: TabVoice}
		w.m.File = file
		w.m.handle(reportMsg(t, 0, d))
		return renderHTML(t, w)
	}
	html := render(d, SampleFile)
	for _, want := range []string{`id="survey-input"`, `id="sample-survey"`} {
		if !strings.Contains(html, want) {
			t.Errorf("voice tab without a survey lacks %s", want)
		}
	}
	if strings.Contains(render(d, "mine.csv"), `id="sample-survey"`) {
		t.Error("the sample survey is offered for another shop's orders")
	}
	sv, err := engine.Survey(demo.NPSFileName, demo.NPSCSV(), report.Settings{}, res, d)
	if err != nil {
		t.Fatal(err)
	}
	d.Survey = sv
	k := surveyKPI(sv, i18n.New("en-GB"))
	if k.Name != "nps" || k.Value != sv.Overall.Value || !strings.Contains(k.Formula, strconv.Itoa(sv.Overall.Positive)) {
		t.Errorf("card %+v", k)
	}
	html = render(d, SampleFile)
	for _, want := range []string{`data-kpi="nps"`, `id="survey-segments"`, `id="survey-cohorts"`, `data-list="Unhappy VIPs"`, `data-export="Quiet fans"`, `data-chart="survey_periods"`, `data-group="Champions"`} {
		if !strings.Contains(html, want) {
			t.Errorf("voice tab lacks %s", want)
		}
	}
	d.Survey, d.SurveyError = nil, "no column of scores"
	if html = render(d, SampleFile); !strings.Contains(html, `id="survey-error"`) || !strings.Contains(html, "no column of scores") {
		t.Error("the survey's error is not shown")
	}
}

// TestSegmentGuides checks that the page's English guide of each segment
// is the exports' (export.Guides), word for word.
func TestSegmentGuides(t *testing.T) {
	w := &Workbench{}
	w.OnInit()
	w.setLanguage(language.English)
	for _, name := range metrics.SegmentOrder {
		meaning, action, ok := w.segmentGuide(name)
		g := export.Guides[name]
		if !ok || meaning != g.Meaning || action != g.Action {
			t.Errorf("%s: page %q / %q, exports %q / %q", name, meaning, action, g.Meaning, g.Action)
		}
	}
	if _, _, ok := w.segmentGuide("VIP"); ok {
		t.Error("a guide for a list that is no segment")
	}
}

// TestDashboard checks the segment table (its actions first, named with
// the segment, two distinct share headings, each segment's guide), the
// controls each tab shows, and the tabs' ARIA pattern.
func TestDashboard(t *testing.T) {
	d := docOf(t, shop)
	render := func(tab string) string {
		w := &Workbench{tab: tab}
		w.m.handle(reportMsg(t, 0, d))
		return renderHTML(t, w)
	}
	html := render(TabCustomers)
	seg := d.Segments[0].Name
	meaning := export.Guides[seg].Meaning
	for _, want := range []string{`aria-label="Export ` + seg + ` as CSV"`, `aria-label="Export VIPs as Excel"`, `aria-label="View ` + seg + `"`,
		">Share of customers<", ">Share of revenue<", meaning, `role="tabpanel"`, `<main`, `class="skip"`} {
		if !strings.Contains(html, want) {
			t.Errorf("segments tab lacks %s", want)
		}
	}
	row := regexp.MustCompile(`<tr[^>]*data-segment="[^"]*"[^>]*>\s*<td[^>]*>`).FindString(html)
	if !strings.Contains(row, "row-actions") {
		t.Errorf("a segment row does not start with its actions: %s", row)
	}
	tabs := regexp.MustCompile(`<button[^>]*role="tab"[^>]*>`).FindAllString(html, -1)
	zero := 0
	for _, tag := range tabs {
		if strings.Contains(tag, `tabindex="0"`) {
			zero++
			if !strings.Contains(tag, `id="tab-customers"`) {
				t.Errorf("the tab in the tab order is not the one shown: %s", tag)
			}
		}
	}
	if len(tabs) != 5 || zero != 1 {
		t.Errorf("%d tabs, %d in the tab order", len(tabs), zero)
	}
	// Period and time zone only where they change the figures; From and
	// To show the report's range.
	for _, c := range []struct {
		tab         string
		has, hasNot []string
	}{
		{TabOverview, []string{`id="grain"`, `id="active-window"`, `id="tz"`, `value="` + d.FirstOrder + `"`, `value="` + d.LastOrder + `"`}, nil},
		{TabCustomers, []string{`id="tz"`, `id="from"`}, []string{`id="grain"`, `id="active-window"`}},
		{TabData, nil, []string{`id="grain"`, `id="tz"`, `id="from"`, `id="active-window"`}},
	} {
		holds(t, string(c.tab), render(c.tab), c.has, c.hasNot)
	}
}

// holds checks that the HTML of what holds each of has and none of
// hasNot.
func holds(t *testing.T, what, html string, has, hasNot []string) {
	t.Helper()
	for _, s := range has {
		if !strings.Contains(html, s) {
			t.Errorf("%s lacks %s", what, s)
		}
	}
	for _, s := range hasNot {
		if strings.Contains(html, s) {
			t.Errorf("%s has %s", what, s)
		}
	}
}
