// Package charts turns a report into ECharts 5 option objects, as JSON,
// built with go-echarts. The page hands each option to
// echarts.init(el).setOption(JSON.parse(option)).
//
// The options are plain JSON: no JavaScript functions (formatters are
// ECharts string templates such as "{value}%") and no URL. go-echarts'
// AssetsHost and page settings serve its HTML rendering only; they are not
// part of the option object (their fields are tagged json:"-"), and nothing
// here renders HTML or fetches anything.
//
// The charts draw no toolbox: the page puts a "Save as PNG" button, which
// the keyboard reaches, under each chart, and a toolbox icon over its
// corner would sit on a long title.
//
// go-echarts lacks a few option fields (tooltip.confine,
// yAxis.nameTextStyle, treemap breadcrumb and nodeClick);
// a ConfigurationVisitor, go-echarts' hook for options it does not model,
// adds them.
package charts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"retention/app/report"
)

// Labels holds every piece of text a chart shows, so the caller can
// translate them. Names from the report itself (bucket labels) are shown
// as they are, except segment names, which SegmentNames may translate,
// and periods and cohorts, which Period may write.
type Labels struct {
	// Period writes a period's key (2011-01, 2011-Q1, 2011: a period or a
	// cohort) as the axes, legends and tooltips show it; nil shows it as
	// it is.
	Period func(key string) string

	// [retention] Retention and churn per period.
	RetentionTitle string
	RetentionRate  string // series name
	Churn          string // series name

	// [base] The customer base at each period's end: retained,
	// reactivated and new customers, stacked.
	BaseTitle   string
	Retained    string // series name
	Reactivated string // series name
	New         string // series name

	// [revenue] New vs returning revenue per period.
	RevenueTitle     string
	NewRevenue       string // series name
	ReturningRevenue string // series name

	// [aov] Average order value per period.
	AOVTitle string
	AOV      string // series name

	// [cohorts] Cohort heatmap: what CohortMeasure says each cell holds,
	// coloured as CohortColours says.
	CohortsTitle  string
	PeriodsSince  string // x axis name: periods since the first order
	Retention     string // series name (values in %, or as CohortMeasure says)
	CohortMeasure string // CohortRetention, CohortRevenue or CohortAOV
	CohortColours string // ColoursAcross or ColoursWithin
	// The ends of the colour scale when each cohort is coloured on its
	// own (ColoursWithin): its highest value and its lowest.
	CohortHighest, CohortLowest string

	// [ltv] Cumulative revenue per customer by cohort (the series are named
	// after the cohorts).
	LTVTitle string

	// [segments] RFM segments by customers.
	SegmentsTitle string
	Customers     string // series name of segments and orders_per_customer
	// SegmentNames translates segment names (Champions, ...); a name
	// missing from it is shown as it is.
	SegmentNames map[string]string

	// [orders_per_customer] Customers by their number of orders.
	OrdersTitle string
	Orders      string // x axis name

	// [pareto] Revenue concentration.
	ParetoTitle  string
	TopCustomers string // x axis name: the top x% of customers
	RevenueShare string // series name: their share of net revenue, %

	// [days_between] Gaps between consecutive orders of a customer.
	DaysTitle string
	Days      string // x axis name
	Gaps      string // series name: the number of gaps (repeat orders)
}

// DefaultLabels returns the English labels.
func DefaultLabels() Labels {
	return Labels{
		RetentionTitle:   "Retention and churn",
		RetentionRate:    "Retention",
		Churn:            "Churn",
		BaseTitle:        "Customer base at each period's end",
		Retained:         "Retained",
		Reactivated:      "Reactivated",
		New:              "New",
		RevenueTitle:     "New vs returning revenue",
		NewRevenue:       "New customers",
		ReturningRevenue: "Returning customers",
		AOVTitle:         "Average order value",
		AOV:              "AOV",
		CohortsTitle:     "Cohort retention, %",
		PeriodsSince:     "Periods since first order",
		Retention:        "Retention, %",
		LTVTitle:         "Revenue per customer (LTV)",
		SegmentsTitle:    "RFM segments",
		Customers:        "Customers",
		OrdersTitle:      "Orders per customer",
		Orders:           "Orders",
		ParetoTitle:      "Revenue concentration",
		TopCustomers:     "Top customers, %",
		RevenueShare:     "Share of revenue, %",
		DaysTitle:        "Days between orders",
		Days:             "Days",
		Gaps:             "Repeat orders",
	}
}

// Chart is one chart: an id (stable, used as DOM id and PNG file name),
// its title and its ECharts option.
type Chart struct {
	ID, Title string
	// Option returns the option as JSON, encoded at its first call and
	// kept. Encoding is most of what building a chart costs in the
	// browser (issue 11: Online Retail's overview, 55 of 98 ms), so the
	// page encodes each chart in the task that hands it to ECharts
	// instead of all of them in the one that lays the charts out.
	Option func() []byte
}

// encoder returns c's Option: c's JSON, encoded once. An option that
// cannot be encoded (no chart puts a NaN in one, see finite) is drawn as
// its title and the reason, not left out.
func encoder(c echart, title string) func() []byte {
	return sync.OnceValue(func() []byte {
		b, err := marshal(c)
		if err != nil {
			b, _ = json.Marshal(map[string]any{"title": map[string]any{"text": title, "subtext": err.Error()}})
		}
		return b
	})
}

// fixed returns an Option of JSON already encoded.
func fixed(b []byte) func() []byte { return func() []byte { return b } }

// The chart IDs.
const (
	IDRetention         = "retention"
	IDBase              = "base"
	IDRevenue           = "revenue"
	IDAOV               = "aov"
	IDCohorts           = "cohorts"
	IDLTV               = "ltv"
	IDSegments          = "segments"
	IDOrdersPerCustomer = "orders_per_customer"
	IDPareto            = "pareto"
	IDDaysBetween       = "days_between"
)

// MaxLTVCohorts is how many of the most recent cohorts the LTV chart shows.
const MaxLTVCohorts = 12

// All returns every chart that has data, in a fixed order: retention,
// base, revenue, aov, cohorts, ltv, segments, orders_per_customer, pareto,
// days_between.
func All(d *report.Document, l Labels) []Chart {
	if d == nil {
		return nil
	}
	builders := []struct {
		id, title string
		build     func(*report.Document, Labels) echart
	}{
		{IDRetention, l.RetentionTitle, retentionChart},
		{IDBase, l.BaseTitle, baseChart},
		{IDRevenue, l.RevenueTitle, revenueChart},
		{IDAOV, l.AOVTitle, aovChart},
		{IDCohorts, l.CohortsTitle, cohortsChart},
		{IDLTV, l.LTVTitle, ltvChart},
		{IDSegments, l.SegmentsTitle, segmentsChart},
		{IDOrdersPerCustomer, l.OrdersTitle, ordersChart},
		{IDPareto, l.ParetoTitle, paretoChart},
		{IDDaysBetween, l.DaysTitle, daysChart},
	}
	bs := make([]builder, len(builders))
	for i, b := range builders {
		bs[i] = builder{b.id, b.title, func() echart { return b.build(d, l) }}
	}
	return build(bs)
}

// builder makes one chart, or nil when it has no data.
type builder struct {
	id, title string
	make      func() echart
}

// build makes the charts that have data, in order.
func build(bs []builder) []Chart {
	var out []Chart
	for _, b := range bs {
		c := b.make()
		if c == nil {
			continue
		}
		out = append(out, Chart{ID: b.id, Title: b.title, Option: encoder(c, b.title)})
	}
	return out
}

// echart is what every go-echarts chart has.
type echart interface {
	Validate()
	JSON() map[string]interface{}
	Accept(charts.ConfigurationVisitor)
}

// marshal assembles the option (Validate puts the x axis data in place)
// and encodes it.
func marshal(c echart) ([]byte, error) {
	c.Validate()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c.JSON()); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// layout says how a chart is laid out.
type layout struct {
	id, title string
	trigger   string // tooltip trigger: axis or item
	legend    bool   // several series: a scrolling legend at the bottom
	names     bool   // the legend's many names (cohorts) page by whole names: see nameIcon
	tooltip   string // the tooltip's formatter template; "" for ECharts' own
	xName     bool   // an x axis name below the labels
	visualMap bool   // a visualMap below the chart
	edge      bool   // room at the right edge: a dataZoom slider, or a value x axis's last label centred on it
}

// global returns the options every chart shares: title, tooltip, legend
// and a grid that holds its labels, in pixels from the edges and
// percentages, so the chart fits a 360px-wide phone.
func global(lo layout) []charts.GlobalOpts {
	legend := opts.Legend{Show: opts.Bool(false)}
	if lo.legend {
		legend = opts.Legend{Show: opts.Bool(true), Type: "scroll", Bottom: "0", Left: "center"}
	}
	if lo.legend && lo.names {
		legend.Icon, legend.ItemWidth, legend.ItemHeight = nameIcon, nameIconWidth, nameIconHeight
	}
	bottom := gridBottom(lo)
	right := "4%"
	if lo.edge {
		right = "24"
	}
	return []charts.GlobalOpts{
		charts.WithTitleOpts(opts.Title{Title: lo.title, Left: "8", Top: "4",
			TitleStyle: &opts.TextStyle{FontSize: 14}}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: lo.trigger, Formatter: types.FuncStr(lo.tooltip)}),
		charts.WithLegendOpts(legend),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: right, Top: strconv.Itoa(gridTop), Bottom: strconv.Itoa(bottom),
			ContainLabel: opts.Bool(true)}),
	}
}

// nameIcon is the mark of each name in a legend of many names, in a box
// of nameIconWidth × nameIconHeight px (ECharts' default legend item
// size): its first 10 px empty (ECharts' default gap between items), then
// a line 2 px thick through a dot of radius 4, as a line series' own mark.
// The legend puts no gap between its items (visitor's VisitLegendOpt): the
// empty room is the gap before each name. The path's first two points,
// moves only, are the box's corners, so that ECharts, which scales an
// icon's path to fill the box, draws it as written.
//
// ECharts starts a scrolling legend's next page with the last item that
// reaches into the page (ECharts 5.6, ScrollableLegendView._getPageInfo):
// with gaps between the items, a page that ends in a gap would start the
// next with its own last name, shown twice. Touching items always reach
// the page's end; one that reaches in by its empty room only shows nothing
// there, and one that shows in part the page glue hides (web/glue.js,
// wholeLegend): each name is on one page, whole.
const (
	nameIcon       = "path://M0,0M25,14" + "M10,6H25V8H10Z" + "M21.5,7A4,4,0,1,1,13.5,7A4,4,0,1,1,21.5,7Z"
	nameIconWidth  = 25
	nameIconHeight = 14
)

// gridTop is the room above the grid for the title, in px.
const gridTop = 56

// gridBottom is the room below the grid for what the layout puts there,
// in px: a legend, an x axis name, a visualMap.
func gridBottom(lo layout) int {
	bottom := 8
	if lo.legend {
		bottom += 28
	}
	if lo.xName {
		bottom += 22
	}
	if lo.visualMap {
		bottom += 56
	}
	return bottom
}

// visitor adds to the option what go-echarts does not model.
type visitor struct {
	charts.BaseConfigurationVisitor
	names   bool // a legend of many names: no gap between its items (nameIcon)
	treemap bool
	heatmap *heatmapScale // the heatmap's colour scale, if a heatmap
	zooms   []window      // the heatmap's windows, if any
}

// VisitDataZooms puts the heatmap's windows in place of go-echarts' zoom
// options, which cannot say startValue and endValue.
func (v visitor) VisitDataZooms(zs []opts.DataZoom) interface{} {
	if v.zooms != nil {
		return v.zooms
	}
	return zs
}

// window is a dataZoom over one axis, by index: from startValue to
// endValue; a slider (at the right edge) or inside (the wheel, a drag).
type window struct {
	Type       string `json:"type"`
	XAxisIndex *int   `json:"xAxisIndex,omitempty"`
	YAxisIndex *int   `json:"yAxisIndex,omitempty"`
	StartValue int    `json:"startValue"`
	EndValue   int    `json:"endValue"`
	Width      int    `json:"width,omitempty"`
	Right      int    `json:"right,omitempty"`
	Top        int    `json:"top,omitempty"`
	Bottom     int    `json:"bottom,omitempty"`
	ShowDetail bool   `json:"showDetail"`
	ZoomLock   bool   `json:"zoomLock"`
}

// cohortWindows shows the latest CohortRows of rows cohorts (a slider and
// the wheel on the y axis) and the periods they have, cols (the wheel on
// the x axis); the grid's top and bottom margins place the slider.
func cohortWindows(rows, cols, top, bottom int) []window {
	zero := 0
	y := window{YAxisIndex: &zero, StartValue: rows - CohortRows, EndValue: rows - 1, ZoomLock: true}
	slider, inside := y, y
	slider.Type, slider.Width, slider.Right, slider.Top, slider.Bottom = "slider", 14, 2, top, bottom
	inside.Type = "inside"
	x := window{Type: "inside", XAxisIndex: &zero, StartValue: 0, EndValue: cols - 1, ZoomLock: true}
	return []window{slider, inside, x}
}

// heatmapScale is how the heatmap's cells are coloured: by the data's
// dimension colourDim (a cell without a value there is out of the scale,
// in the neutral colour), its scale's numbers written by format ("" for
// the page's own numbers), or, without numbers, its ends named by text
// (high, low).
type heatmapScale struct {
	format string
	text   []string
}

// The heatmap's cells: [period, cohort row, value, label, colour].
const (
	labelDim  = 3 // the value as the cell shows it (web/glue.js writes it)
	colourDim = 4 // the value coloured, or "-" for the neutral colour
)

// neutral is the colour of the cells outside the scale (period +0).
const neutral = "#e4e7e3"

// VisitVisualMaps colours the heatmap by its colour dimension, writes its
// scale, and greys the cells outside it.
func (v visitor) VisitVisualMaps(vs []opts.VisualMap) interface{} {
	if v.heatmap == nil {
		return vs
	}
	type outOfRange struct {
		Color []string `json:"color"`
	}
	type visualMap struct {
		opts.VisualMap
		Dimension  int        `json:"dimension"`
		Formatter  string     `json:"formatter,omitempty"`
		OutOfRange outOfRange `json:"outOfRange"`
	}
	out := make([]visualMap, len(vs))
	for i, m := range vs {
		if v.heatmap.text != nil {
			m.Text, m.Calculable = v.heatmap.text, opts.Bool(false)
		}
		out[i] = visualMap{m, colourDim, v.heatmap.format, outOfRange{[]string{neutral}}}
	}
	return out
}

// VisitLegendOpt puts a legend of many names' items side by side, no
// gap between them: nameIcon's empty room is the gap.
func (v visitor) VisitLegendOpt(l opts.Legend) interface{} {
	if !v.names {
		return l
	}
	return struct {
		opts.Legend
		ItemGap int `json:"itemGap"`
	}{l, 0}
}

// VisitTooltipOpt keeps the tooltip inside the chart: on a phone it would
// otherwise run off the screen.
func (visitor) VisitTooltipOpt(t opts.Tooltip) interface{} {
	return struct {
		opts.Tooltip
		Confine bool `json:"confine"`
	}{t, true}
}

// VisitYAxis left-aligns the y axis names at the axis, so a name never runs
// off the chart's left edge.
func (visitor) VisitYAxis(ys []opts.YAxis) interface{} {
	type nameStyle struct {
		Align string `json:"align"`
	}
	type yAxis struct {
		opts.YAxis
		NameTextStyle nameStyle `json:"nameTextStyle"`
	}
	out := make([]yAxis, len(ys))
	for i, y := range ys {
		out[i] = yAxis{y, nameStyle{"left"}}
	}
	return out
}

// VisitSeriesOpt turns off the treemap's breadcrumb and zoom on click (the
// segments are one flat level) and wraps its labels by words within their
// rectangles (page glue hides a label that still does not fit whole; the
// tooltip and the table have every name and count).
func (v visitor) VisitSeriesOpt(ms charts.MultiSeries) interface{} {
	if v.heatmap != nil {
		return heatmapSeries(ms)
	}
	if !v.treemap {
		return ms
	}
	type show struct {
		Show bool `json:"show"`
	}
	type label struct {
		*opts.Label
		Overflow string `json:"overflow"`
	}
	type treemap struct {
		charts.SingleSeries
		Label      label `json:"label"`
		Breadcrumb show  `json:"breadcrumb"`
		NodeClick  bool  `json:"nodeClick"`
	}
	out := make([]treemap, len(ms))
	for i, s := range ms {
		out[i] = treemap{SingleSeries: s, Label: label{s.Label, "break"}}
	}
	return out
}

// labelGap is the least room between two of the heatmap's numbers, in px:
// a number closer to the one before it is hidden (ECharts' label layout)
// rather than reading as one with it.
const labelGap = 4

// heatmapSeries keeps labelGap between the heatmap's numbers and has the
// tooltip show a cell's value (not its label or colour dimensions).
func heatmapSeries(ms charts.MultiSeries) interface{} {
	type label struct {
		*opts.Label
		MinMargin int `json:"minMargin"`
	}
	type encode struct {
		X       int   `json:"x"`
		Y       int   `json:"y"`
		Tooltip []int `json:"tooltip"`
	}
	type heatmap struct {
		charts.SingleSeries
		Label  label  `json:"label"`
		Encode encode `json:"encode"`
	}
	out := make([]heatmap, len(ms))
	for i, s := range ms {
		out[i] = heatmap{s, label{s.Label, labelGap}, encode{0, 1, []int{2}}}
	}
	return out
}

// round rounds v to digits decimals.
func round(v float64, digits int) float64 {
	p := math.Pow10(digits)
	return math.Round(v*p) / p
}

// empty is ECharts' missing value.
const empty = "-"

// num is v rounded for the chart, or "-" when it is not a number.
func num(v float64, digits int) interface{} {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return empty
	}
	return round(v, digits)
}

// pct is a share (0.42) as a percentage with one decimal (42), or "-".
func pct(p *float64) interface{} {
	if p == nil {
		return empty
	}
	return num(*p*100, 1)
}

// finite reports whether v is a number JSON can hold.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// sinceLabels returns "+0", "+1", ... "+(n-1)".
func sinceLabels(n int) []string {
	out := make([]string, n)
	for k := range out {
		out[k] = "+" + strconv.Itoa(k)
	}
	return out
}

func periodNames(d *report.Document, l Labels) []string {
	out := make([]string, len(d.Periods))
	for i, p := range d.Periods {
		out[i] = l.period(p.Period)
	}
	return out
}

// period writes a period's key as l says.
func (l Labels) period(key string) string { return periodName(l.Period, key) }

func periodName(f func(string) string, key string) string {
	if f == nil {
		return key
	}
	return f(key)
}

// percentAxis is a value axis labelled in %.
func percentAxis() opts.YAxis {
	return opts.YAxis{Type: "value", AxisLabel: &opts.AxisLabel{Formatter: "{value}%"}}
}

// moneyAxis is a value axis named after the currency, if known.
func moneyAxis(d *report.Document) opts.YAxis {
	return opts.YAxis{Type: "value", Name: d.Currency}
}

// moneyTooltip is the tooltip template of an axis chart whose n series
// are amounts in currency: each value is followed by the currency's code
// ("{b}<br/>{a0}: {c0} GBP"), so that no amount shows without it. Every
// series must have a value (or "-") at every category, for {a<i>} and
// {c<i>} to be series i's. "" (ECharts' own tooltip) when the currency
// is unknown.
func moneyTooltip(currency string, n int) string {
	if currency == "" || n == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("{b}")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<br/>{a%d}: {c%d} %s", i, i, currency)
	}
	return b.String()
}

// categoryAxis is a category x axis, with a name below the labels if name
// is not "".
func categoryAxis(name string) opts.XAxis {
	x := opts.XAxis{Type: "category"}
	if name != "" {
		x.Name, x.NameLocation, x.NameGap = name, "middle", 28
	}
	return x
}

// periodAxis is the category x axis of the periods, its last label (the
// latest period, "Dec 2011") ending at its tick rather than centred on
// it, so that a period's name longer than its band stays on the canvas.
func periodAxis() opts.XAxis {
	x := categoryAxis("")
	x.AxisLabel = &opts.AxisLabel{AlignMaxLabel: "right"}
	return x
}

func newLine(lo layout, x opts.XAxis, y opts.YAxis) *charts.Line {
	c := charts.NewLine()
	c.SetGlobalOptions(global(lo)...)
	c.SetGlobalOptions(charts.WithXAxisOpts(x), charts.WithYAxisOpts(y))
	c.Accept(visitor{names: lo.legend && lo.names})
	return c
}

func newBar(lo layout, x opts.XAxis, y opts.YAxis) *charts.Bar {
	c := charts.NewBar()
	c.SetGlobalOptions(global(lo)...)
	c.SetGlobalOptions(charts.WithXAxisOpts(x), charts.WithYAxisOpts(y))
	c.Accept(visitor{names: lo.legend && lo.names})
	return c
}

// retentionChart is retention and churn per period in %. No benchmark is
// drawn on it: the e-commerce benchmark is a yearly figure, and these are
// figures of a month, quarter or year with the report's active window.
func retentionChart(d *report.Document, l Labels) echart {
	has := false
	ret := make([]opts.LineData, len(d.Periods))
	churn := make([]opts.LineData, len(d.Periods))
	for i, p := range d.Periods {
		ret[i] = opts.LineData{Value: pct(p.Retention)}
		churn[i] = opts.LineData{Value: pct(p.Churn)}
		has = has || p.Retention != nil || p.Churn != nil
	}
	if !has {
		return nil
	}
	c := newLine(layout{id: IDRetention, title: l.RetentionTitle, trigger: "axis", legend: true},
		periodAxis(), percentAxis())
	c.SetXAxis(periodNames(d, l))
	c.AddSeries(l.RetentionRate, ret)
	c.AddSeries(l.Churn, churn, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#ee6666"}),
		charts.WithLineStyleOpts(opts.LineStyle{Color: "#ee6666"}))
	return c
}

// baseChart is the customer base at each period's end, E, stacked:
// retained (in the base at the start too), reactivated (back after leaving
// it) and new customers.
func baseChart(d *report.Document, l Labels) echart {
	has := false
	ret := make([]opts.BarData, len(d.Periods))
	back := make([]opts.BarData, len(d.Periods))
	nw := make([]opts.BarData, len(d.Periods))
	for i, p := range d.Periods {
		ret[i] = opts.BarData{Value: p.Retained}
		back[i] = opts.BarData{Value: p.Reactivated}
		nw[i] = opts.BarData{Value: p.New}
		has = has || p.E > 0
	}
	if !has {
		return nil
	}
	c := newBar(layout{id: IDBase, title: l.BaseTitle, trigger: "axis", legend: true},
		periodAxis(), opts.YAxis{Type: "value", MinInterval: 1})
	c.SetXAxis(periodNames(d, l))
	stack := charts.WithBarChartOpts(opts.BarChart{Stack: "base"})
	c.AddSeries(l.Retained, ret, stack)
	c.AddSeries(l.Reactivated, back, stack)
	c.AddSeries(l.New, nw, stack)
	return c
}

// revenueChart is new and returning customers' revenue per period, stacked.
func revenueChart(d *report.Document, l Labels) echart {
	if len(d.Periods) == 0 {
		return nil
	}
	nw := make([]opts.BarData, len(d.Periods))
	ret := make([]opts.BarData, len(d.Periods))
	for i, p := range d.Periods {
		nw[i] = opts.BarData{Value: num(p.NewRevenue, 2)}
		ret[i] = opts.BarData{Value: num(p.ReturningRevenue, 2)}
	}
	c := newBar(layout{id: IDRevenue, title: l.RevenueTitle, trigger: "axis", legend: true, tooltip: moneyTooltip(d.Currency, 2)},
		periodAxis(), moneyAxis(d))
	c.SetXAxis(periodNames(d, l))
	stack := charts.WithBarChartOpts(opts.BarChart{Stack: "revenue"})
	c.AddSeries(l.NewRevenue, nw, stack)
	c.AddSeries(l.ReturningRevenue, ret, stack)
	return c
}

// aovChart is the average order value per period.
func aovChart(d *report.Document, l Labels) echart {
	if len(d.Periods) == 0 {
		return nil
	}
	aov := make([]opts.LineData, len(d.Periods))
	for i, p := range d.Periods {
		aov[i] = opts.LineData{Value: num(p.AOV, 2)}
	}
	c := newLine(layout{id: IDAOV, title: l.AOVTitle, trigger: "axis", tooltip: moneyTooltip(d.Currency, 1)},
		periodAxis(), moneyAxis(d))
	c.SetXAxis(periodNames(d, l))
	c.AddSeries(l.AOV, aov)
	return c
}

// CohortRows is how many cohorts the heatmap shows at once, the latest
// (a year of monthly cohorts); the earlier ones are a scroll away, so that
// a row's label and numbers keep their size on a phone.
const CohortRows = 12

// What the cohort heatmap's cells hold (Labels.CohortMeasure): the share
// of the cohort's customers who ordered in the period (%), the cohort's
// revenue in the period per customer of the cohort (comparable across
// cohorts of different sizes), or its average order value in the period
// (revenue ÷ orders). A Labels without a measure ("") shows retention.
const (
	CohortRetention = "retention"
	CohortRevenue   = "revenue"
	CohortAOV       = "aov"
)

// cohortValue is cohort c's cell for period k as l.CohortMeasure says; ok
// is false for a cell with no value (no orders for an AOV).
func cohortValue(c report.Cohort, k int, measure string) (float64, bool) {
	switch measure {
	case CohortRevenue:
		if k >= len(c.Revenue) || c.Size == 0 {
			return 0, false
		}
		return round(c.Revenue[k]/float64(c.Size), 2), true
	case CohortAOV:
		if k >= len(c.Revenue) || k >= len(c.Orders) || c.Orders[k] == 0 {
			return 0, false
		}
		return round(c.Revenue[k]/float64(c.Orders[k]), 2), true
	}
	if !finite(c.Retention[k]) {
		return 0, false
	}
	return round(c.Retention[k]*100, 1), true
}

// How the cohort heatmap is coloured (Labels.CohortColours): on one
// scale across the cohorts, so that cohorts compare; or each cohort on
// its own, from its lowest value to its highest, so that the shape of
// each cohort's decline shows whatever its level. A Labels without one
// ("") colours across.
const (
	ColoursAcross = "across"
	ColoursWithin = "within"
)

// cohortsChart is the cohort heatmap: x the periods since the first
// order, y the cohorts (the first at the top), each cell's value as
// l.CohortMeasure says; money is shown in whole units in a cell, so that
// its number fits the cell on a phone, and to the cent in the tooltip
// and the table.
//
// The colours start at period +1: period +0, every customer's first
// order, is 100% of the cohort by definition and the highest revenue per
// customer; on the scale it would use up the colours (issue 13: every
// later cell the same pale yellow), so it is drawn, with its number, in a
// neutral colour outside the scale. Across cohorts the scale runs from 0
// (retention, revenue per customer) or the lowest value (AOV) to the
// highest value from period +1 on, rounded out to a step of 10
// (scaleMin, scaleMax); within each cohort, cell v of a cohort whose
// values from +1 on run from lo to hi is coloured at
//
//	(v - lo) / (hi - lo) × 100   (100 when hi = lo)
//
// on a scale whose ends are named, not numbered.
func cohortsChart(d *report.Document, l Labels) echart {
	n := 0
	names := make([]string, len(d.Cohorts))
	for i, c := range d.Cohorts {
		names[i] = l.period(c.Cohort)
		n = max(n, len(c.Retention))
	}
	if n == 0 {
		return nil
	}
	since := sinceLabels(n)
	money := l.CohortMeasure == CohortRevenue || l.CohortMeasure == CohortAOV
	within := l.CohortColours == ColoursWithin
	var data []opts.HeatMapData
	top, bottom := 0.0, math.Inf(1)
	for i, c := range d.Cohorts {
		var vs []float64
		var ks []int
		lo, hi := math.Inf(1), math.Inf(-1)
		for k := range c.Retention {
			if v, ok := cohortValue(c, k, l.CohortMeasure); ok {
				vs, ks = append(vs, v), append(ks, k)
				if k > 0 {
					lo, hi = min(lo, v), max(hi, v)
				}
			}
		}
		for j, v := range vs {
			k := ks[j]
			shown, colour := v, interface{}(v)
			if money {
				shown = math.Round(v)
			}
			switch {
			case k == 0:
				colour = empty
			case within && hi > lo:
				colour = round((v-lo)/(hi-lo)*100, 1)
			case within:
				colour = 100.0
			}
			data = append(data, opts.HeatMapData{Name: names[i] + " " + since[k],
				Value: [5]interface{}{k, i, v, shown, colour}})
		}
		if hi >= lo {
			top, bottom = max(top, hi), min(bottom, lo)
		}
	}
	scale := &heatmapScale{format: "{value}%"}
	from, to := 0.0, scaleMax(top)
	switch {
	case within:
		scale, to = &heatmapScale{text: []string{l.CohortHighest, l.CohortLowest}}, 100
	case money:
		scale.format = ""
		if l.CohortMeasure == CohortAOV && !math.IsInf(bottom, 1) {
			from = scaleMin(bottom)
			to = max(to, from+10)
		}
	}
	lo := layout{id: IDCohorts, title: l.CohortsTitle, trigger: "item", xName: true, visualMap: true,
		edge: len(names) > CohortRows}
	c := charts.NewHeatMap()
	c.SetGlobalOptions(global(lo)...)
	x := categoryAxis(l.PeriodsSince)
	x.Data, x.SplitArea = since, &opts.SplitArea{Show: opts.Bool(true)}
	c.SetGlobalOptions(
		charts.WithXAxisOpts(x),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true),
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		// The range is the scale; max lies a tenth above it: ECharts
		// counts a cell as in range when the range reaches max, even
		// one without a colour value (+0), which would then take a
		// colour of the scale.
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Calculable: opts.Bool(true), Min: float32(from), Max: float32(to + 0.1),
			Range: []float32{float32(from), float32(to)}, Orient: "horizontal", Left: "center", Bottom: "0"}),
	)
	v := visitor{heatmap: scale}
	if len(names) > CohortRows {
		// The latest cohorts and the periods they have; go-echarts
		// writes dataZoom only when it has one, which the visitor then
		// replaces.
		cols := 0
		for _, co := range d.Cohorts[len(names)-CohortRows:] {
			cols = max(cols, len(co.Retention))
		}
		c.SetGlobalOptions(charts.WithDataZoomOpts(opts.DataZoom{Type: "inside"}))
		v.zooms = cohortWindows(len(names), cols, gridTop, gridBottom(lo))
	}
	c.Accept(v)
	c.AddSeries(l.Retention, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), FontSize: 11}),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.LabelLayout = &opts.LabelLayout{HideOverlap: opts.Bool(true)} }))
	return c
}

// scaleMax is the top of the heatmap's colour scale: v rounded up to a
// multiple of 10, at least 10 (a scale of 0 to 0 would colour nothing).
func scaleMax(v float64) float64 {
	return max(10, math.Ceil(v/10)*10)
}

// scaleMin is the bottom of the heatmap's colour scale when it does not
// start at 0: v rounded down to a multiple of 10, at least 0.
func scaleMin(v float64) float64 {
	return max(0, math.Floor(v/10)*10)
}

// ltvChart is the cumulative revenue per customer of the most recent
// cohorts, one line each.
func ltvChart(d *report.Document, l Labels) echart {
	cs := d.Cohorts
	if len(cs) > MaxLTVCohorts {
		cs = cs[len(cs)-MaxLTVCohorts:]
	}
	n, series := 0, 0
	for _, c := range cs {
		n = max(n, len(c.LTV))
		if len(c.LTV) > 0 {
			series++
		}
	}
	if n == 0 {
		return nil
	}
	c := newLine(layout{id: IDLTV, title: l.LTVTitle, trigger: "axis", legend: true, names: true, xName: true, tooltip: moneyTooltip(d.Currency, series)},
		categoryAxis(l.PeriodsSince), moneyAxis(d))
	c.SetXAxis(sinceLabels(n))
	for _, co := range cs {
		if len(co.LTV) == 0 {
			continue
		}
		// A value at every category ("-" after the cohort's last), so the
		// tooltip's series are numbered as the series are.
		data := make([]opts.LineData, n)
		for k := range data {
			data[k] = opts.LineData{Value: empty}
			if k < len(co.LTV) {
				data[k] = opts.LineData{Value: num(co.LTV[k], 2)}
			}
		}
		// Named as the axes write the cohort (Nov. 2024), in the legend and
		// the tooltip alike: a scrolling row of up to twelve names of
		// different widths, each page of it whole names (nameIcon).
		c.AddSeries(l.period(co.Cohort), data)
	}
	return c
}

// segmentsChart is the RFM segments as a treemap sized by customers.
func segmentsChart(d *report.Document, l Labels) echart {
	var nodes []opts.TreeMapNode
	for _, s := range d.Segments {
		if s.Customers <= 0 {
			continue
		}
		name := s.Name
		if t, ok := l.SegmentNames[name]; ok && t != "" {
			name = t
		}
		nodes = append(nodes, opts.TreeMapNode{Name: name, Value: s.Customers})
	}
	if len(nodes) == 0 {
		return nil
	}
	c := charts.NewTreeMap()
	c.SetGlobalOptions(global(layout{id: IDSegments, title: l.SegmentsTitle, trigger: "item"})...)
	c.Accept(visitor{treemap: true})
	c.AddSeries(l.Customers, nodes,
		// Not WithTreeMapOpts: it would write "levels": null and
		// "upperLabel": null, which ECharts does not replace by its defaults.
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.Roam = opts.Bool(false)
			s.Left, s.Right, s.Top, s.Bottom = "8", "8", "40", "8"
		}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}\n{c}", FontSize: 12, LineHeight: 15}),
	)
	return c
}

// bucketChart is a bar per bucket, or nil when every count is 0.
func bucketChart(bs []report.Bucket, lo layout, xName, series string) echart {
	has := false
	names := make([]string, len(bs))
	data := make([]opts.BarData, len(bs))
	for i, b := range bs {
		names[i] = b.Label
		data[i] = opts.BarData{Value: b.Count}
		has = has || b.Count != 0
	}
	if !has {
		return nil
	}
	lo.trigger, lo.xName = "axis", xName != ""
	c := newBar(lo, categoryAxis(xName), opts.YAxis{Type: "value", MinInterval: 1})
	c.SetXAxis(names)
	c.AddSeries(series, data)
	return c
}

// ordersChart is the customers by their number of orders.
func ordersChart(d *report.Document, l Labels) echart {
	return bucketChart(d.OrdersPerCustomer, layout{id: IDOrdersPerCustomer, title: l.OrdersTitle},
		l.Orders, l.Customers)
}

// daysChart is the gaps between consecutive orders by length.
func daysChart(d *report.Document, l Labels) echart {
	return bucketChart(d.DaysBetween, layout{id: IDDaysBetween, title: l.DaysTitle},
		l.Days, l.Gaps)
}

// paretoChart is the share of net revenue brought by the top x% of
// customers: Curve[i] is the top (i+1)%'s share (for the usual 100
// points), so the line starts at (0, 0) and x runs to 100.
func paretoChart(d *report.Document, l Labels) echart {
	curve := d.Pareto.Curve
	has := false
	for _, v := range curve {
		has = has || (v != 0 && finite(v))
	}
	if !has {
		return nil
	}
	data := make([]opts.LineData, 0, len(curve)+1)
	data = append(data, opts.LineData{Value: [2]float64{0, 0}})
	for i, v := range curve {
		if !finite(v) {
			continue
		}
		x := round(float64(i+1)*100/float64(len(curve)), 2)
		data = append(data, opts.LineData{Value: [2]float64{x, round(v*100, 1)}})
	}
	x := opts.XAxis{Type: "value", Min: 0, Max: 100, Name: l.TopCustomers, NameLocation: "middle", NameGap: 28,
		AxisLabel: &opts.AxisLabel{Formatter: "{value}%"}}
	c := newLine(layout{id: IDPareto, title: l.ParetoTitle, trigger: "axis", xName: true, edge: true}, x, percentAxis())
	c.AddSeries(l.RevenueShare, data,
		charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)}),
		charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.2)}))
	return c
}
