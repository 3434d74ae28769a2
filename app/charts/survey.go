package charts

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"retention/app/report"
)

// SurveyLabels holds the texts of the survey chart.
type SurveyLabels struct {
	Title     string // [survey_periods] the score per period
	Score     string // series name
	Low, High string // series names of the 95% interval's bounds
	// Period writes a period's key as the axis shows it (Labels.Period).
	Period func(key string) string
}

// IDSurveyPeriods is the survey chart's ID.
const IDSurveyPeriods = "survey_periods"

// Survey returns the survey's chart: the score per period with its 95%
// interval (NPS in points, CSAT in %); periods without answers are gaps.
func Survey(d *report.Document, l SurveyLabels) []Chart {
	if d == nil || d.Survey == nil || len(d.Survey.Periods) == 0 {
		return nil
	}
	s := d.Survey
	scale := 1.0
	if s.Kind == "csat" {
		scale = 100
	}
	names := make([]string, len(s.Periods))
	val := make([]opts.LineData, len(s.Periods))
	lo := make([]opts.LineData, len(s.Periods))
	hi := make([]opts.LineData, len(s.Periods))
	for i, p := range s.Periods {
		names[i] = periodName(l.Period, p.Period)
		if p.Score.Answers == 0 {
			val[i], lo[i], hi[i] = opts.LineData{Value: "-"}, opts.LineData{Value: "-"}, opts.LineData{Value: "-"}
			continue
		}
		val[i] = opts.LineData{Value: round(p.Score.Value*scale, 1)}
		lo[i] = opts.LineData{Value: round(p.Score.Low*scale, 1)}
		hi[i] = opts.LineData{Value: round(p.Score.High*scale, 1)}
	}
	y := opts.YAxis{Type: "value"}
	if s.Kind == "csat" {
		y = percentAxis()
	}
	c := newLine(layout{id: IDSurveyPeriods, title: l.Title, trigger: "axis", legend: true}, periodAxis(), y)
	c.SetXAxis(names)
	dashed := charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed", Color: "#9aa5b1"})
	grey := charts.WithItemStyleOpts(opts.ItemStyle{Color: "#9aa5b1"})
	noSymbol := charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)})
	c.AddSeries(l.Score, val)
	c.AddSeries(l.Low, lo, dashed, grey, noSymbol)
	c.AddSeries(l.High, hi, dashed, grey, noSymbol)
	return build([]builder{{IDSurveyPeriods, l.Title, func() echart { return c }}})
}
