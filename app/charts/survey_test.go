package charts

import (
	"reflect"
	"testing"

	"retention/app/report"
)

func TestSurveyChart(t *testing.T) {
	d := sample()
	d.Survey = &report.Survey{Kind: "csat", Periods: []report.SurveyPeriod{
		{Period: "2025-01", Score: report.SurveyScore{Answers: 8, Value: 0.625, Low: 0.30574, High: 0.86316}},
		{Period: "2025-02"}, // no answers: a gap
		{Period: "2025-03", Score: report.SurveyScore{Answers: 3, Value: 1, Low: 0.4385, High: 1}},
	}}
	cs := Survey(d, SurveyLabels{Title: "CSAT", Score: "Score", Low: "Low", High: "High"})
	if len(cs) != 1 || cs[0].ID != "survey_periods" {
		t.Fatalf("charts %v", cs)
	}
	m := option(t, cs[0])
	s := series(t, m, 3)
	if !reflect.DeepEqual(values(s[0]), []any{62.5, "-", 100.0}) || !reflect.DeepEqual(values(s[1]), []any{30.6, "-", 43.9}) || !reflect.DeepEqual(xData(t, m), []any{"2025-01", "2025-02", "2025-03"}) {
		t.Errorf("series %v %v", values(s[0]), values(s[1]))
	}
	d.Survey.Kind = "nps"
	d.Survey.Periods[0].Score.Value = -12.5
	if v := values(series(t, option(t, Survey(d, SurveyLabels{})[0]), 3)[0]); v[0] != -12.5 {
		t.Errorf("NPS is in points: %v", v)
	}
	if cs := Survey(sample(), SurveyLabels{}); cs != nil {
		t.Error("a chart without a survey")
	}
}
