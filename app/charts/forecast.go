package charts

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"retention/app/report"
)

// ForecastLabels holds the texts of the prediction charts.
type ForecastLabels struct {
	// [p_alive] Repeat buyers by P(alive).
	PAliveTitle string
	PAlive      string // x axis name
	Customers   string // series name

	// [clv_segments] Mean predicted CLV per RFM segment.
	CLVTitle     string
	PredictedCLV string // series name
	SegmentNames map[string]string

	// [holdout_by_x] Purchases per customer in the check period, by
	// purchases before it: actual and predicted.
	ByXTitle  string
	ByXAxis   string // x axis name: repeat purchases before the check
	Actual    string // series name
	Predicted string // series name

	// [holdout_cumulative] Cumulative repeat purchases, actual and
	// predicted, with the calibration end marked.
	CumulativeTitle string
	Units           string // x axis name: weeks or days since the first purchase
	CalibrationEnd  string // the mark's label
}

// DefaultForecastLabels returns the English labels.
func DefaultForecastLabels() ForecastLabels {
	return ForecastLabels{
		PAliveTitle:     "Repeat buyers by P(alive)",
		PAlive:          "P(alive)",
		Customers:       "Customers",
		CLVTitle:        "Predicted CLV per customer by segment",
		PredictedCLV:    "Predicted CLV",
		ByXTitle:        "Check: purchases per customer after calibration",
		ByXAxis:         "Repeat purchases during calibration",
		Actual:          "Actual",
		Predicted:       "Predicted",
		CumulativeTitle: "Check: cumulative repeat purchases",
		Units:           "Weeks",
		CalibrationEnd:  "End of calibration",
	}
}

// The prediction chart IDs.
const (
	IDPAlive            = "p_alive"
	IDCLVSegments       = "clv_segments"
	IDHoldoutByX        = "holdout_by_x"
	IDHoldoutCumulative = "holdout_cumulative"
)

// Forecast returns the prediction charts that have data, in the order
// p_alive, clv_segments, holdout_by_x, holdout_cumulative.
func Forecast(d *report.Document, l ForecastLabels) []Chart {
	if d == nil || d.Forecast == nil {
		return nil
	}
	f := d.Forecast
	return build([]builder{
		{IDPAlive, l.PAliveTitle, func() echart { return pAliveChart(f, l) }},
		{IDCLVSegments, l.CLVTitle, func() echart { return clvChart(d, f, l) }},
		{IDHoldoutByX, l.ByXTitle, func() echart { return byXChart(f, l) }},
		{IDHoldoutCumulative, l.CumulativeTitle, func() echart { return cumulativeChart(f, l) }},
	})
}

func pAliveChart(f *report.Forecast, l ForecastLabels) echart {
	if f.BGNBD == nil || f.BGNBD.NoDropout {
		return nil // every P(alive) is 1: nothing to draw
	}
	return bucketChart(f.PAlive, layout{id: IDPAlive, title: l.PAliveTitle}, l.PAlive, l.Customers)
}

func clvChart(d *report.Document, f *report.Forecast, l ForecastLabels) echart {
	var names []string
	var data []opts.BarData
	for _, s := range f.Segments {
		if s.MeanCLV == nil || s.Customers == 0 {
			continue
		}
		name := s.Name
		if t, ok := l.SegmentNames[name]; ok && t != "" {
			name = t
		}
		names = append(names, name)
		data = append(data, opts.BarData{Value: num(*s.MeanCLV, 2)})
	}
	if len(data) == 0 {
		return nil
	}
	// Bars across, the segments down the y axis (the first at the top),
	// so that every segment's name is written whole and level: ten names
	// side by side on a phone's x axis overlap at any angle.
	x := opts.XAxis{Type: "value", Name: d.Currency, NameLocation: "middle", NameGap: 28}
	y := opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}
	c := newBar(layout{id: IDCLVSegments, title: l.CLVTitle, trigger: "axis", xName: d.Currency != "", edge: true, tooltip: moneyTooltip(d.Currency, 1)}, x, y)
	c.AddSeries(l.PredictedCLV, data)
	return c
}

func byXChart(f *report.Forecast, l ForecastLabels) echart {
	h := f.Validation.Holdout
	if h == nil || len(h.ByX) == 0 {
		return nil
	}
	names := make([]string, len(h.ByX))
	act := make([]opts.BarData, len(h.ByX))
	pred := make([]opts.BarData, len(h.ByX))
	for i, g := range h.ByX {
		names[i] = g.X
		act[i] = opts.BarData{Value: num(g.Actual, 3)}
		pred[i] = opts.BarData{Value: num(g.Predicted, 3)}
	}
	c := newBar(layout{id: IDHoldoutByX, title: l.ByXTitle, trigger: "axis", legend: true, xName: true},
		categoryAxis(l.ByXAxis), opts.YAxis{Type: "value"})
	c.SetXAxis(names)
	c.AddSeries(l.Actual, act)
	c.AddSeries(l.Predicted, pred, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#91cc75"}))
	return c
}

func cumulativeChart(f *report.Forecast, l ForecastLabels) echart {
	h := f.Validation.Holdout
	if h == nil || len(h.Cumulative) == 0 {
		return nil
	}
	act := make([]opts.LineData, len(h.Cumulative))
	pred := make([]opts.LineData, len(h.Cumulative))
	for i, p := range h.Cumulative {
		act[i] = opts.LineData{Value: [2]float64{float64(p.Unit), float64(p.Actual)}}
		pred[i] = opts.LineData{Value: [2]float64{float64(p.Unit), round(p.Predicted, 1)}}
	}
	last := float64(h.Cumulative[len(h.Cumulative)-1].Unit)
	x := opts.XAxis{Type: "value", Min: 0, Max: last, Name: l.Units, NameLocation: "middle", NameGap: 28}
	c := newLine(layout{id: IDHoldoutCumulative, title: l.CumulativeTitle, trigger: "axis", legend: true, xName: true},
		x, opts.YAxis{Type: "value"})
	// The calibration ends where the holdout's length runs back from the
	// last unit.
	end := round(last-h.Length, 1)
	c.AddSeries(l.Actual, act,
		charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)}),
		charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: l.CalibrationEnd, XAxis: end}),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			LineStyle: &opts.LineStyle{Type: "dashed", Color: "#888888"},
			Label:     &opts.Label{Show: opts.Bool(true), Position: "insideEndTop", Formatter: "{b}", FontSize: 10},
		}))
	c.AddSeries(l.Predicted, pred,
		charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)}),
		charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed", Color: "#91cc75"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: "#91cc75"}))
	return c
}
