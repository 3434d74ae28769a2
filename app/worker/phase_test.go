package worker

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"retention/app/demo"
	"retention/app/engine"
	"retention/app/export"
	"retention/app/realdata"
	"retention/app/report"
)

// onePhase is the report as the worker made it in one piece, before the
// forecast followed the figures: read, figures, the forecast attached,
// the previous range, the survey joined.
func onePhase(t *testing.T, name string, data []byte, set report.Settings, survey []byte) *report.Document {
	t.Helper()
	o := engineSettings(set)
	res, err := engine.Load(name, data, o)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := engine.Build(res, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := engine.Forecast(res, doc, o); err != nil {
		t.Fatal(err)
	}
	if err := engine.Previous(res, doc, o); err != nil {
		t.Fatal(err)
	}
	if survey != nil {
		sv, err := engine.Survey("nps.csv", survey, o, res, doc)
		if err != nil {
			t.Fatal(err)
		}
		doc.Survey = sv
	}
	return doc
}

// jsonOf is v as JSON, the form both phases travel in.
func jsonOf(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPhases: the report of the figures and the forecast that follows it
// give, put together as the page puts them (the forecast into the
// report), exactly the report of one piece; the session's report, its
// customer rows and survey lists included, is that report; and a list
// exported before the forecast was asked for holds the forecast's
// figures.
func TestPhases(t *testing.T) {
	retail := realdata.Read(t, "online_retail.csv.gz")
	tests := []struct {
		name   string
		file   string
		data   []byte
		set    report.Settings
		survey []byte
	}{
		{"sample store", demo.FileName, demo.CSV(), report.Settings{}, nil},
		{"sample store by quarter, 6 months ahead, in days", demo.FileName, demo.CSV(), report.Settings{Grain: "quarter", Horizon: 6, PredictUnit: "day"}, nil},
		{"sample store with its survey", demo.FileName, demo.CSV(), report.Settings{QuietDays: 60}, demo.NPSCSV()},
		{"Online Retail", "online_retail.csv.gz", retail, report.Settings{TZ: "Europe/London"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := onePhase(t, tc.file, tc.data, tc.set, tc.survey)
			var s Session
			doc, err := s.Load(tc.file, tc.data, tc.set, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tc.survey != nil {
				// The survey comes before the orders' forecast: its
				// report's forecast gives its lists their predictions.
				if doc, err = s.Survey("nps.csv", tc.survey, tc.set, nil); err != nil {
					t.Fatal(err)
				}
			}
			if !s.Pending() || doc.Forecast != nil {
				t.Fatalf("the report of the figures: pending %v, forecast %+v", s.Pending(), doc.Forecast)
			}
			first := jsonOf(t, report.Reply{Type: report.MsgReport, ID: 3, Report: ForPage(doc), ForecastFollows: true})
			var page report.Reply
			if err := json.Unmarshal(first, &page); err != nil {
				t.Fatal(err)
			}
			f, err := s.Forecast(nil)
			reply := ForecastReply(3, f, err)
			if reply.Type != report.MsgForecast || reply.ID != 3 || reply.Forecast == nil || reply.Message != "" {
				t.Fatalf("the second reply: %+v", reply)
			}
			var second report.Reply
			if err := json.Unmarshal(jsonOf(t, reply), &second); err != nil {
				t.Fatal(err)
			}
			page.Report.Forecast = second.Forecast
			if got, want := jsonOf(t, page.Report), jsonOf(t, ForPage(want)); !bytes.Equal(got, want) {
				t.Errorf("the page's report differs from the one-piece report:\n%.600s\nwant\n%.600s", got, want)
			}
			if !reflect.DeepEqual(s.doc, want) {
				t.Error("the session's report (customer rows, survey lists) differs from the one-piece report")
			}
		})
	}

	// A list exported while the forecast is still to come: the session
	// completes the report first, and the file is the one-piece report's.
	want := onePhase(t, demo.FileName, demo.CSV(), report.Settings{}, nil)
	var s Session
	if _, err := s.Load(demo.FileName, demo.CSV(), report.Settings{}, nil); err != nil || !s.Pending() {
		t.Fatalf("load: %v, pending %v", err, s.Pending())
	}
	f, err := s.Export(report.ListAll, "csv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(f.Data, export.CSV(want.CustomerRows, want.Currency)) {
		t.Error("the All list exported before the forecast lacks its figures (next_order_date, p_alive)")
	}
	rows, err := s.Rows(report.ListSlipping, "", 0)
	if err != nil || rows.Total != want.Forecast.Slipping.Customers || rows.Total == 0 {
		t.Errorf("slipping away: %+v, %v; want %d customers", rows, err, want.Forecast.Slipping.Customers)
	}
	if s.Pending() {
		t.Error("the forecast is still to come after the lists")
	}
}

// TestForecastFailure: a forecast that cannot be computed comes as a
// MsgForecast with the error's words and codes; the report of the figures
// stands, and is not tried again.
func TestForecastFailure(t *testing.T) {
	var s Session
	set := report.Settings{Horizon: engine.MaxHorizon + 1}
	doc, err := s.Load(demo.FileName, demo.CSV(), set, nil)
	if err != nil || !s.Pending() || doc.Customers == 0 {
		t.Fatalf("the figures: %v, pending %v", err, s.Pending())
	}
	f, err := s.Forecast(nil)
	r := ForecastReply(5, f, err)
	if err == nil || r.Type != report.MsgForecast || r.ID != 5 || r.Forecast != nil || r.Error == nil || r.Error.Code != report.BadHorizon || r.Message != err.Error() {
		t.Fatalf("reply %+v (error %v)", r, err)
	}
	if s.Pending() || s.doc != doc || doc.Forecast != nil {
		t.Errorf("after the failure: pending %v, the report kept %v", s.Pending(), s.doc == doc)
	}
	if _, err := s.Export(report.ListAll, "csv"); err != nil {
		t.Errorf("the lists of a report without its forecast: %v", err)
	}
}
