package charts

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"retention/app/engine"
	"retention/app/realdata"
	"retention/app/report"
)

func f(v float64) *float64 { return &v }

func bk(label string, n int) report.Bucket { return report.Bucket{Label: label, Count: n} }

// sample is a small hand-made report.
func sample() *report.Document {
	return &report.Document{
		Currency: "GBP",
		Periods: []report.Period{
			{Period: "2011-01", E: 4, New: 4, NewRevenue: 100.456, ReturningRevenue: 0, AOV: 50.123},
			{Period: "2011-02", S: 4, E: 5, New: 2, Retained: 2, Lost: 2, Reactivated: 1, Retention: f(0.5), Churn: f(0.5), CRR: f(0.75),
				NewRevenue: 80, ReturningRevenue: 120.5, AOV: 60},
			{Period: "2011-03", S: 5, E: 3, New: 1, Retained: 2, Lost: 3, Reactivated: 0, Retention: f(0.4), Churn: f(0.6), CRR: f(0.4),
				NewRevenue: 10, ReturningRevenue: 30, AOV: 40},
		},
		Cohorts: []report.Cohort{
			{Cohort: "2011-01", Size: 10, Retention: []float64{1, 0.4, 0.25}, LTV: []float64{50, 70.5, 80.25}},
			{Cohort: "2011-02", Size: 5, Retention: []float64{1, 0.2}, LTV: []float64{40, 44}},
		},
		Segments: []report.Segment{
			{Name: "Champions", Customers: 3, Revenue: 900},
			{Name: "Hibernating", Customers: 7, Revenue: 100},
			{Name: "At Risk", Customers: 0},
		},
		Benchmark:         report.Benchmark{Name: "E-commerce average", Value: 0.38, Source: "see https://example.com"},
		Pareto:            report.Pareto{Curve: []float64{0.3, 0.5, 0.65, 0.8, 1}},
		OrdersPerCustomer: []report.Bucket{bk("1", 6), bk("2", 3), bk("10+", 1)},
		DaysBetween:       []report.Bucket{bk("0-7", 2), bk("8-14", 0), bk("366+", 1)},
	}
}

// option parses a chart's option.
func option(t *testing.T, c Chart) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(c.Option(), &m); err != nil {
		t.Fatalf("%s: %v\n%s", c.ID, err, c.Option())
	}
	return m
}

func byID(t *testing.T, cs []Chart, id string) map[string]any {
	t.Helper()
	for _, c := range cs {
		if c.ID == id {
			return option(t, c)
		}
	}
	t.Fatalf("no chart %s", id)
	return nil
}

// series returns the option's series, checking their count.
func series(t *testing.T, m map[string]any, n int) []map[string]any {
	t.Helper()
	ss, ok := m["series"].([]any)
	if !ok || len(ss) != n {
		t.Fatalf("series = %v, want %d", m["series"], n)
	}
	out := make([]map[string]any, n)
	for i, s := range ss {
		out[i] = s.(map[string]any)
	}
	return out
}

// values returns the values of a series' data items ({"value": v} or v).
func values(s map[string]any) []any {
	var out []any
	for _, d := range s["data"].([]any) {
		if o, ok := d.(map[string]any); ok {
			out = append(out, o["value"])
		} else {
			out = append(out, d)
		}
	}
	return out
}

// isEmpty reports whether v is ECharts' missing value.
func isEmpty(v any) bool { return v == nil || v == "-" }

func xData(t *testing.T, m map[string]any) []any {
	t.Helper()
	xs := m["xAxis"].([]any)
	return xs[0].(map[string]any)["data"].([]any)
}

func TestAllOrderAndIDs(t *testing.T) {
	cs := All(sample(), DefaultLabels())
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
		if c.Title == "" {
			t.Errorf("%s: no title", c.ID)
		}
	}
	want := []string{"retention", "base", "revenue", "aov", "cohorts", "ltv", "segments", "orders_per_customer", "pareto", "days_between"}
	if !reflect.DeepEqual(ids, want) {
		t.Fatalf("ids = %v, want %v", ids, want)
	}
	checkCommon(t, cs)
}

// checkCommon checks what every option must have: JSON, unique IDs, no
// URL, no toolbox, a tooltip, a grid holding its labels for charts with
// axes.
func checkCommon(t *testing.T, cs []Chart) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range cs {
		if seen[c.ID] {
			t.Errorf("duplicate id %s", c.ID)
		}
		seen[c.ID] = true
		if s := strings.ToLower(string(c.Option())); strings.Contains(s, "http") || strings.Contains(s, "function") {
			t.Errorf("%s: option has a URL or function: %s", c.ID, c.Option())
		}
		m := option(t, c)
		for _, k := range []string{"title", "tooltip", "legend", "series"} {
			if _, ok := m[k]; !ok {
				t.Errorf("%s: no %s", c.ID, k)
			}
		}
		if title := m["title"].(map[string]any)["text"]; title != c.Title {
			t.Errorf("%s: title %v, want %q", c.ID, title, c.Title)
		}
		// No toolbox over the title's corner: the page's button saves a
		// PNG.
		if tb, ok := m["toolbox"].(map[string]any); ok && tb["feature"] != nil {
			t.Errorf("%s: a toolbox %v", c.ID, tb)
		}
		if tr := m["tooltip"].(map[string]any)["trigger"]; tr != "axis" && tr != "item" {
			t.Errorf("%s: tooltip trigger %v", c.ID, tr)
		}
		if _, ok := m["xAxis"]; ok {
			g := m["grid"].([]any)[0].(map[string]any)
			if g["containLabel"] != true {
				t.Errorf("%s: grid %v", c.ID, g)
			}
		}
		// The legend shows exactly when there are several series.
		n := len(m["series"].([]any))
		if show := m["legend"].(map[string]any)["show"]; (show == true) != (n > 1) {
			t.Errorf("%s: %d series, legend show %v", c.ID, n, show)
		}
	}
}

func TestRetention(t *testing.T) {
	m := byID(t, All(sample(), DefaultLabels()), "retention")
	s := series(t, m, 2)
	if s[0]["name"] != "Retention" || s[1]["name"] != "Churn" || s[0]["type"] != "line" {
		t.Fatalf("series %v %v", s[0]["name"], s[1]["name"])
	}
	ret, churn := values(s[0]), values(s[1])
	if !isEmpty(ret[0]) || ret[1] != 50.0 || ret[2] != 40.0 {
		t.Errorf("retention = %v", ret)
	}
	if !isEmpty(churn[0]) || churn[1] != 50.0 || churn[2] != 60.0 {
		t.Errorf("churn = %v", churn)
	}
	if x := xData(t, m); !reflect.DeepEqual(x, []any{"2011-01", "2011-02", "2011-03"}) {
		t.Errorf("x = %v", x)
	}
	// The yearly benchmark is not drawn beside monthly figures.
	for _, x := range s {
		if _, ok := x["markLine"]; ok {
			t.Errorf("a markLine on %v", x["name"])
		}
	}
}

func TestBase(t *testing.T) {
	m := byID(t, All(sample(), DefaultLabels()), "base")
	s := series(t, m, 3)
	for i, want := range []struct {
		name   string
		values []any
	}{{"Retained", []any{0.0, 2.0, 2.0}}, {"Reactivated", []any{0.0, 1.0, 0.0}}, {"New", []any{4.0, 2.0, 1.0}}} {
		if s[i]["name"] != want.name || s[i]["type"] != "bar" || s[i]["stack"] != "base" || !reflect.DeepEqual(values(s[i]), want.values) {
			t.Errorf("series %d: %v %v %v %v, want %s %v stacked", i, s[i]["name"], s[i]["type"], s[i]["stack"], values(s[i]), want.name, want.values)
		}
	}
}

func TestRevenueAndAOV(t *testing.T) {
	cs := All(sample(), DefaultLabels())
	m := byID(t, cs, "revenue")
	s := series(t, m, 2)
	for _, x := range s {
		if x["type"] != "bar" || x["stack"] != "revenue" {
			t.Errorf("series %v is not a stacked bar", x["name"])
		}
	}
	if v := values(s[0]); !reflect.DeepEqual(v, []any{100.46, 80.0, 10.0}) {
		t.Errorf("new = %v", v)
	}
	if v := values(s[1]); !reflect.DeepEqual(v, []any{0.0, 120.5, 30.0}) {
		t.Errorf("returning = %v", v)
	}
	if y := m["yAxis"].([]any)[0].(map[string]any); y["name"] != "GBP" {
		t.Errorf("y axis %v", y)
	}

	m = byID(t, cs, "aov")
	s = series(t, m, 1)
	if v := values(s[0]); s[0]["type"] != "line" || !reflect.DeepEqual(v, []any{50.12, 60.0, 40.0}) {
		t.Errorf("aov %v = %v", s[0]["type"], v)
	}
}

func TestCohorts(t *testing.T) {
	m := byID(t, All(sample(), DefaultLabels()), "cohorts")
	s := series(t, m, 1)
	if s[0]["type"] != "heatmap" {
		t.Fatalf("type %v", s[0]["type"])
	}
	// [period, cohort, value, label, colour]: +0 out of the colours.
	want := []any{
		[]any{0.0, 0.0, 100.0, 100.0, "-"}, []any{1.0, 0.0, 40.0, 40.0, 40.0}, []any{2.0, 0.0, 25.0, 25.0, 25.0},
		[]any{0.0, 1.0, 100.0, 100.0, "-"}, []any{1.0, 1.0, 20.0, 20.0, 20.0},
	}
	if v := values(s[0]); !reflect.DeepEqual(v, want) {
		t.Errorf("heatmap data = %v, want %v", v, want)
	}
	if x := xData(t, m); !reflect.DeepEqual(x, []any{"+0", "+1", "+2"}) {
		t.Errorf("x = %v", x)
	}
	y := m["yAxis"].([]any)[0].(map[string]any)
	if !reflect.DeepEqual(y["data"], []any{"2011-01", "2011-02"}) || y["inverse"] != true || y["type"] != "category" {
		t.Errorf("y axis %v", y)
	}
	// The scale, on the colour dimension, runs to the highest value from
	// +1 on (40), rounded up to 10; +0 (always 100) has no colour value,
	// in the out-of-range colour.
	vm := m["visualMap"].([]any)[0].(map[string]any)
	if vm["max"] != 40.1 || !reflect.DeepEqual(vm["range"], []any{0.0, 40.0}) || (vm["min"] != nil && vm["min"] != 0.0) || vm["calculable"] != true ||
		vm["orient"] != "horizontal" || vm["bottom"] == nil || vm["formatter"] != "{value}%" || vm["outOfRange"] == nil || vm["dimension"] != float64(colourDim) {
		t.Errorf("visualMap %v", vm)
	}
	if e := s[0]["encode"].(map[string]any); !reflect.DeepEqual(e["tooltip"], []any{2.0}) {
		t.Errorf("the tooltip shows %v, not the value", e)
	}
	if l := s[0]["label"].(map[string]any); l["show"] != true || l["minMargin"] != float64(labelGap) || s[0]["labelLayout"].(map[string]any)["hideOverlap"] != true {
		t.Errorf("cell labels hidden, or allowed to overlap: %v %v", s[0]["label"], s[0]["labelLayout"])
	}
	if _, ok := m["dataZoom"]; ok {
		t.Errorf("a window over 2 cohorts: %v", m["dataZoom"])
	}

	// 15 cohorts: all in the data, the latest CohortRows in the window.
	d := sample()
	d.Cohorts = nil
	for i := range 15 {
		d.Cohorts = append(d.Cohorts, report.Cohort{Cohort: string(rune('a' + i)), Retention: []float64{1, 0.05}})
	}
	m = byID(t, All(d, DefaultLabels()), "cohorts")
	if n := len(values(series(t, m, 1)[0])); n != 30 {
		t.Errorf("%d cells, want 30", n)
	}
	zs := m["dataZoom"].([]any)
	for _, z := range zs[:2] {
		z := z.(map[string]any)
		if z["yAxisIndex"] != 0.0 || z["startValue"] != 3.0 || z["endValue"] != 14.0 {
			t.Errorf("window %v, want rows 3 to 14", z)
		}
	}
	if x := zs[2].(map[string]any); x["xAxisIndex"] != 0.0 || x["startValue"] != 0.0 || x["endValue"] != 1.0 {
		t.Errorf("x window %v, want periods 0 to 1", x)
	}
	if len(zs) != 3 || m["visualMap"].([]any)[0].(map[string]any)["max"] != 10.1 {
		t.Errorf("zoom %v, scale %v", zs, m["visualMap"])
	}
}

// TestCohortScales: each measure and colouring's cells (value, label,
// colour) and scale.
func TestCohortScales(t *testing.T) {
	d := sample()
	// Revenue per customer: 100, 30, 15 and 80, 10.5; AOV: 100, 75, 50
	// and 80, 52.5.
	d.Cohorts = []report.Cohort{
		{Cohort: "2011-01", Size: 10, Retention: []float64{1, 0.4, 0.25}, Revenue: []float64{1000, 300, 150}, Orders: []int{10, 4, 3}},
		{Cohort: "2011-02", Size: 5, Retention: []float64{1, 0.2}, Revenue: []float64{400, 52.5}, Orders: []int{5, 1}},
	}
	for _, c := range []struct {
		measure, colours string
		cells            [][]any // per cell: value, label, colour
		from, to         float64
		format           any // the scale's numbers, nil for the page's own
		text             []any
	}{
		{CohortRetention, ColoursAcross, [][]any{{100.0, 100.0, "-"}, {40.0, 40.0, 40.0}, {25.0, 25.0, 25.0}, {100.0, 100.0, "-"}, {20.0, 20.0, 20.0}},
			0, 40, "{value}%", nil},
		// Money in whole units on the cells (10.5 → 11), from 0.
		{CohortRevenue, ColoursAcross, [][]any{{100.0, 100.0, "-"}, {30.0, 30.0, 30.0}, {15.0, 15.0, 15.0}, {80.0, 80.0, "-"}, {10.5, 11.0, 10.5}},
			0, 30, nil, nil},
		// AOV from its lowest value from +1 on (50) to its highest (75 → 80).
		{CohortAOV, ColoursAcross, [][]any{{100.0, 100.0, "-"}, {75.0, 75.0, 75.0}, {50.0, 50.0, 50.0}, {80.0, 80.0, "-"}, {52.5, 53.0, 52.5}},
			50, 80, nil, nil},
		// Each cohort from its lowest (0) to its highest (100); one value
		// is its own highest.
		{CohortRetention, ColoursWithin, [][]any{{100.0, 100.0, "-"}, {40.0, 40.0, 100.0}, {25.0, 25.0, 0.0}, {100.0, 100.0, "-"}, {20.0, 20.0, 100.0}},
			0, 100, nil, []any{"Highest", "Lowest"}},
	} {
		l := DefaultLabels()
		l.CohortMeasure, l.CohortColours, l.CohortHighest, l.CohortLowest = c.measure, c.colours, "Highest", "Lowest"
		m := byID(t, All(d, l), "cohorts")
		var cells [][]any
		for _, v := range values(series(t, m, 1)[0]) {
			cells = append(cells, v.([]any)[2:])
		}
		if !reflect.DeepEqual(cells, c.cells) {
			t.Errorf("%s %s: cells %v, want %v", c.measure, c.colours, cells, c.cells)
		}
		vm := m["visualMap"].([]any)[0].(map[string]any)
		from, _ := vm["min"].(float64) // 0 is left out
		if r := vm["range"].([]any); from != c.from || r[0] != c.from || r[1] != c.to || vm["max"] != c.to+0.1 {
			t.Errorf("%s %s: scale %v..%v (range %v), want %v..%v", c.measure, c.colours, vm["min"], vm["max"], r, c.from, c.to)
		}
		text, _ := vm["text"].([]any)
		if vm["formatter"] != c.format || !reflect.DeepEqual(text, c.text) || (vm["calculable"] == true) != (c.text == nil) {
			t.Errorf("%s %s: scale written %v, ends %v, calculable %v", c.measure, c.colours, vm["formatter"], vm["text"], vm["calculable"])
		}
	}
}

func TestScaleMax(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{{0, 10}, {4.5, 10}, {10, 10}, {10.1, 20}, {38.2, 40}, {100, 100}} {
		if got := scaleMax(c.in); got != c.want {
			t.Errorf("scaleMax(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestLTV(t *testing.T) {
	m := byID(t, All(sample(), DefaultLabels()), "ltv")
	s := series(t, m, 2)
	if s[0]["name"] != "2011-01" || s[1]["name"] != "2011-02" {
		t.Errorf("names %v %v", s[0]["name"], s[1]["name"])
	}
	if v := values(s[0]); !reflect.DeepEqual(v, []any{50.0, 70.5, 80.25}) {
		t.Errorf("ltv = %v", v)
	}
	if x := xData(t, m); !reflect.DeepEqual(x, []any{"+0", "+1", "+2"}) {
		t.Errorf("x = %v", x)
	}

	// A row of whole names (nameIcon): the icon's box is the items' size,
	// and no gap between them; the other legends keep ECharts' own.
	lg := m["legend"].(map[string]any)
	if lg["type"] != "scroll" || lg["icon"] != nameIcon || lg["itemGap"] != 0.0 ||
		lg["itemWidth"] != float64(nameIconWidth) || lg["itemHeight"] != float64(nameIconHeight) {
		t.Errorf("legend %v", lg)
	}
	if box := fmt.Sprintf("path://M0,0M%d,%d", nameIconWidth, nameIconHeight); !strings.HasPrefix(nameIcon, box+"M") {
		t.Errorf("nameIcon %s does not start with its box, %s", nameIcon, box)
	}
	other := byID(t, All(sample(), DefaultLabels()), "retention")["legend"].(map[string]any)
	if _, ok := other["itemGap"]; ok || other["icon"] != nil {
		t.Errorf("retention's legend %v", other)
	}

	// At most the 12 most recent cohorts.
	d := sample()
	d.Cohorts = nil
	for i := range 15 {
		d.Cohorts = append(d.Cohorts, report.Cohort{Cohort: string(rune('a' + i)), LTV: []float64{1}})
	}
	s = series(t, byID(t, All(d, DefaultLabels()), "ltv"), 12)
	if s[0]["name"] != "d" || s[11]["name"] != "o" {
		t.Errorf("ltv cohorts %v .. %v", s[0]["name"], s[11]["name"])
	}
}

func TestSegments(t *testing.T) {
	l := DefaultLabels()
	l.SegmentNames = map[string]string{"Champions": "Champions (fr)"}
	cs := All(sample(), l)
	m := byID(t, cs, "segments")
	s := series(t, m, 1)
	if s[0]["type"] != "treemap" {
		t.Fatalf("type %v", s[0]["type"])
	}
	var names []any
	for _, d := range s[0]["data"].([]any) {
		names = append(names, d.(map[string]any)["name"])
	}
	if want := []any{"Champions (fr)", "Hibernating"}; !reflect.DeepEqual(names, want) || !reflect.DeepEqual(values(s[0]), []any{3.0, 7.0}) {
		t.Errorf("segments = %v %v", names, values(s[0]))
	}
	if l := s[0]["label"].(map[string]any); l["overflow"] != "break" || l["formatter"] != "{b}\n{c}" {
		t.Errorf("treemap label %v", l)
	}
	if b := s[0]["breadcrumb"].(map[string]any); b["show"] != false || s[0]["nodeClick"] != false {
		t.Errorf("breadcrumb %v nodeClick %v", b, s[0]["nodeClick"])
	}
	for _, c := range cs {
		if c.ID == "segments" && strings.Contains(string(c.Option()), ":null") {
			t.Errorf("segments option has nulls: %s", c.Option())
		}
	}
}

func TestBuckets(t *testing.T) {
	cs := All(sample(), DefaultLabels())
	for _, c := range []struct {
		id     string
		labels []any
		counts []any
	}{
		{"orders_per_customer", []any{"1", "2", "10+"}, []any{6.0, 3.0, 1.0}},
		{"days_between", []any{"0-7", "8-14", "366+"}, []any{2.0, 0.0, 1.0}},
	} {
		m := byID(t, cs, c.id)
		s := series(t, m, 1)
		if s[0]["type"] != "bar" || !reflect.DeepEqual(values(s[0]), c.counts) || !reflect.DeepEqual(xData(t, m), c.labels) {
			t.Errorf("%s: %v %v over %v", c.id, s[0]["type"], values(s[0]), xData(t, m))
		}
	}
}

func TestPareto(t *testing.T) {
	m := byID(t, All(sample(), DefaultLabels()), "pareto")
	s := series(t, m, 1)
	want := []any{
		[]any{0.0, 0.0}, []any{20.0, 30.0}, []any{40.0, 50.0}, []any{60.0, 65.0}, []any{80.0, 80.0}, []any{100.0, 100.0},
	}
	if v := values(s[0]); !reflect.DeepEqual(v, want) {
		t.Errorf("pareto = %v, want %v", v, want)
	}
	x := m["xAxis"].([]any)[0].(map[string]any)
	if x["type"] != "value" || x["min"] != 0.0 || x["max"] != 100.0 || x["name"] != "Top customers, %" {
		t.Errorf("x axis %v", x)
	}

	// The usual 100 points: Curve[i] is the top (i+1)%.
	d := sample()
	d.Pareto.Curve = make([]float64, 100)
	for i := range d.Pareto.Curve {
		d.Pareto.Curve[i] = float64(i+1) / 100
	}
	v := values(series(t, byID(t, All(d, DefaultLabels()), "pareto"), 1)[0])
	if len(v) != 101 || !reflect.DeepEqual(v[1], []any{1.0, 1.0}) || !reflect.DeepEqual(v[20], []any{20.0, 20.0}) {
		t.Errorf("pareto points %d: %v %v", len(v), v[1], v[20])
	}
}

func TestSkipsEmpty(t *testing.T) {
	ids := func(d *report.Document) []string {
		var out []string
		for _, c := range All(d, DefaultLabels()) {
			out = append(out, c.ID)
		}
		return out
	}
	d := sample()
	d.Periods = nil
	if got, want := ids(d), []string{"cohorts", "ltv", "segments", "orders_per_customer", "pareto", "days_between"}; !reflect.DeepEqual(got, want) {
		t.Errorf("no periods: %v, want %v", got, want)
	}

	// No rates anywhere: no retention chart, but the base, revenue and AOV.
	d = sample()
	d.Periods = d.Periods[:1]
	if got := ids(d); len(got) < 2 || got[0] != "base" || got[1] != "revenue" {
		t.Errorf("no rates: %v", got)
	}

	// No repeat orders, no customers.
	d = sample()
	d.DaysBetween = []report.Bucket{bk("0-7", 0), bk("8-14", 0)}
	d.Cohorts, d.Segments, d.OrdersPerCustomer, d.Pareto.Curve = nil, nil, nil, make([]float64, 100)
	if got, want := ids(d), []string{"retention", "base", "revenue", "aov"}; !reflect.DeepEqual(got, want) {
		t.Errorf("empty lists: %v, want %v", got, want)
	}

	if got := All(&report.Document{}, DefaultLabels()); len(got) != 0 {
		t.Errorf("empty report: %d charts", len(got))
	}
	if got := All(nil, DefaultLabels()); got != nil {
		t.Errorf("nil report: %d charts", len(got))
	}
}

func TestRealReport(t *testing.T) {
	data := realdata.Read(t, "online_retail.csv.gz")
	d, err := engine.Run("online_retail.csv.gz", data, report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	cs := All(d, DefaultLabels())
	if len(cs) != 10 {
		var ids []string
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
		t.Fatalf("charts %v, want all 10", ids)
	}
	checkCommon(t, cs)
	for _, c := range cs {
		m := option(t, c)
		for _, s := range m["series"].([]any) {
			if len(s.(map[string]any)["data"].([]any)) == 0 {
				t.Errorf("%s: a series without data", c.ID)
			}
		}
	}
	// Each period's stack is its customer base at the end, E.
	base := series(t, byID(t, cs, "base"), 3)
	for i, p := range d.Periods {
		sum := 0.0
		for _, s := range base {
			sum += values(s)[i].(float64)
		}
		if sum != float64(p.E) {
			t.Errorf("base %s: the stack is %v, E is %d", p.Period, sum, p.E)
		}
	}
	if n := len(byID(t, cs, "ltv")["series"].([]any)); n != min(len(d.Cohorts), MaxLTVCohorts) {
		t.Errorf("ltv: %d series for %d cohorts", n, len(d.Cohorts))
	}
}

// TestPeriodLabels: with Labels.Period the periods and cohorts on the
// axes and in the heatmap's cells are written by it, the last period's
// label ending at its tick; the LTV chart's series (its legend and
// tooltip) are named by it, in the cohorts' order; the figures stay as
// they are.
func TestPeriodLabels(t *testing.T) {
	l := DefaultLabels()
	l.Period = func(key string) string { return "<" + key + ">" }
	cs := All(sample(), l)
	for _, id := range []string{"retention", "base", "revenue", "aov"} {
		if x := xData(t, byID(t, cs, id)); !reflect.DeepEqual(x, []any{"<2011-01>", "<2011-02>", "<2011-03>"}) {
			t.Errorf("%s: x = %v", id, x)
		}
	}
	m := byID(t, cs, "cohorts")
	if y := m["yAxis"].([]any)[0].(map[string]any); !reflect.DeepEqual(y["data"], []any{"<2011-01>", "<2011-02>"}) {
		t.Errorf("cohorts: y = %v", y["data"])
	}
	cell := series(t, m, 1)[0]["data"].([]any)[1].(map[string]any)
	if cell["name"] != "<2011-01> +1" || !reflect.DeepEqual(cell["value"], []any{1.0, 0.0, 40.0, 40.0, 40.0}) {
		t.Errorf("cohorts: cell %v", cell)
	}
	ltv := series(t, byID(t, cs, "ltv"), 2)
	if ltv[0]["name"] != "<2011-01>" || ltv[1]["name"] != "<2011-02>" {
		t.Errorf("ltv: names %v %v", ltv[0]["name"], ltv[1]["name"])
	}
	plain := series(t, byID(t, All(sample(), DefaultLabels()), "ltv"), 2)
	for i := range ltv {
		if !reflect.DeepEqual(values(ltv[i]), values(plain[i])) {
			t.Errorf("ltv %s: figures %v with the labels, %v without", ltv[i]["name"], values(ltv[i]), values(plain[i]))
		}
	}
	for _, id := range []string{"retention", "revenue"} {
		x := byID(t, cs, id)["xAxis"].([]any)[0].(map[string]any)
		if l, _ := x["axisLabel"].(map[string]any); l["alignMaxLabel"] != "right" {
			t.Errorf("%s: x axis label %v", id, x["axisLabel"])
		}
	}
	if !reflect.DeepEqual(values(series(t, byID(t, cs, "retention"), 2)[0]), values(series(t, byID(t, All(sample(), DefaultLabels()), "retention"), 2)[0])) {
		t.Errorf("retention's figures changed with the labels")
	}

	d := sample()
	d.Survey = &report.Survey{Kind: "nps", Periods: []report.SurveyPeriod{{Period: "2011-Q1", Score: report.SurveyScore{Answers: 3, Value: 10}}}}
	if x := xData(t, byID(t, Survey(d, SurveyLabels{Period: l.Period}), IDSurveyPeriods)); !reflect.DeepEqual(x, []any{"<2011-Q1>"}) {
		t.Errorf("survey: x = %v", x)
	}
}
