package ui

import (
	"encoding/json"
	"strings"
	"testing"

	"retention/app/demo"
	"retention/app/engine"
	"retention/app/i18n"
	"retention/app/report"
)

// figuresMsg is the worker's first reply: the report without its
// forecast, which follows.
func figuresMsg(t *testing.T, id int, d *report.Document) string {
	t.Helper()
	c := *d
	c.Forecast = nil
	b, err := json.Marshal(report.Reply{Type: report.MsgReport, ID: id, Report: &c, ForecastFollows: true})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// forecastMsg is the worker's second reply: the forecast of request id's
// report.
func forecastMsg(t *testing.T, id int, f *report.Forecast) string {
	t.Helper()
	b, err := json.Marshal(report.Reply{Type: report.MsgForecast, ID: id, Forecast: f})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestForecastFollows: the report is shown at its figures, the forecast
// that follows completes it; a forecast of a report no longer shown (a new
// file, new settings) does not land on the report shown; one that fails
// is shown in its place and the report stands.
func TestForecastFollows(t *testing.T) {
	full, err := engine.Run(SampleFile, demo.CSV(), report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	m := &model{Settings: report.Settings{Grain: "month"}}
	r := m.load(source{Name: SampleFile, URL: "/web/" + SampleFile})
	m.handle(figuresMsg(t, r.ID, full))
	if m.Phase != Ready || m.Doc == nil || m.Doc.Forecast != nil || !m.forecasting() || m.File != SampleFile {
		t.Fatalf("at the figures: phase %v, forecast %v, awaited %v", m.Phase, m.Doc.Forecast != nil, m.forecasting())
	}
	doc, gen := m.Doc, m.docGen
	for tab, want := range map[string]string{TabOverview: `id="cancel-forecast"`, TabPredict: `id="forecast-pending"`} {
		if html := renderHTML(t, &Workbench{tab: tab, loc: i18n.New("en-US"), m: *m}); !strings.Contains(html, want) || !strings.Contains(html, "Computing predictions…") {
			t.Errorf("%s tab at the figures lacks %s", tab, want)
		}
	}
	// A list asked for meanwhile (its rows come after the forecast).
	m.view(TabCustomers, "", report.ListVIP)
	m.handle(forecastMsg(t, r.ID, full.Forecast))
	if m.forecasting() || m.Doc != doc || m.docGen != gen || m.Doc.Forecast == nil || m.Doc.Forecast.ExpectedPurchases != full.Forecast.ExpectedPurchases || m.fc.gen != 1 {
		t.Fatalf("after the forecast: awaited %v, same report %v, forecast %+v", m.forecasting(), m.Doc == doc, m.Doc.Forecast)
	}

	// New settings: their report comes; the forecast of the one before,
	// late, does not land on it.
	m.Settings.Grain = "quarter"
	old := m.request(report.MsgSettings)
	m.handle(figuresMsg(t, old.ID, full))
	m.Settings.Grain = "year"
	now := m.request(report.MsgSettings)
	m.handle(figuresMsg(t, now.ID, full))
	m.handle(forecastMsg(t, old.ID, full.Forecast))
	if m.Doc.Forecast != nil || !m.forecasting() || m.fc.ID != now.ID {
		t.Fatalf("the forecast of the report before landed on the new one (awaited %d, want %d)", m.fc.ID, now.ID)
	}
	// While new settings are computed, the report shown still takes its
	// own forecast; a new file's report then awaits its own.
	again := m.request(report.MsgSettings)
	m.handle(forecastMsg(t, now.ID, full.Forecast))
	if m.Doc.Forecast == nil || m.forecasting() {
		t.Fatal("the report shown did not take its forecast while other settings were computed")
	}
	m.handle(figuresMsg(t, again.ID, full))
	nf := m.load(source{Name: "b.csv"})
	m.handle(figuresMsg(t, nf.ID, full))
	m.handle(forecastMsg(t, again.ID, full.Forecast))
	if m.File != "b.csv" || m.Doc.Forecast != nil || m.fc.ID != nf.ID {
		t.Fatalf("the new file's report: %q, forecast %v, awaited %d", m.File, m.Doc.Forecast != nil, m.fc.ID)
	}

	// A forecast that fails: said in its place, the report stands.
	b, _ := json.Marshal(report.Reply{Type: report.MsgForecast, ID: nf.ID, Message: "horizon 121 months", Error: &report.Error{Code: report.BadHorizon, Field: "horizon", Value: "121", Bound: "120"}})
	m.handle(string(b))
	if m.forecasting() || m.Doc == nil || m.Phase != Ready || m.fc.Setting == nil || m.Err != "" {
		t.Fatalf("a failed forecast: %+v, phase %v, err %q", m.fc, m.Phase, m.Err)
	}
	html := renderHTML(t, &Workbench{tab: TabPredict, loc: i18n.New("en-US"), m: *m})
	if !strings.Contains(html, `id="forecast-failed"`) || !strings.Contains(html, "The predictions could not be computed: ") || strings.Contains(html, "forecast-status") {
		t.Errorf("the failed forecast is not said in its place:\n%.2000s", html)
	}
}

// TestForecastCancelled: Cancel while the forecast is computed stops the
// engine (the new one gets the file back), keeps the report of the
// figures, says what was cancelled, and offers to compute the
// predictions again; an engine that ends meanwhile is said the same way.
func TestForecastCancelled(t *testing.T) {
	full, err := engine.Run(SampleFile, demo.CSV(), report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	for _, stop := range []string{"cancel", "crash"} {
		t.Run(stop, func(t *testing.T) {
			m := &model{Settings: report.Settings{Grain: "month"}}
			r := m.load(source{Name: SampleFile, URL: "/web/" + SampleFile})
			m.handle(figuresMsg(t, r.ID, full))
			w := &Workbench{loc: i18n.New("en-US")}
			render := func(tab string) string { return renderHTML(t, &Workbench{tab: tab, loc: w.loc, m: *m}) }
			if html := render(TabOverview); !strings.Contains(html, `id="forecast-status"`) || !strings.Contains(html, `id="cancel-forecast"`) || !strings.Contains(html, `data-kpi="customers"`) {
				t.Fatal("no cards with the forecast's status and its Cancel")
			}
			if stop == "cancel" {
				if !m.cancel() {
					t.Fatal("the engine computing the forecast is kept")
				}
			} else {
				m.handle(`{"type":"engine","engine":{"reason":"crash","detail":"RuntimeError: unreachable"}}`)
			}
			l := m.Lost
			if l == nil || l.Task != report.MsgForecast || l.File != SampleFile || l.Kept != SampleFile || m.forecasting() || !m.fc.Lost || m.Doc == nil || m.Phase != Ready {
				t.Fatalf("lost %+v, forecast %+v, phase %v", l, m.fc, m.Phase)
			}
			if text := w.lostText(l); !strings.Contains(text, "computing the predictions of "+SampleFile) || !strings.Contains(text, "The report of "+SampleFile+" stays.") {
				t.Errorf("words: %q", text)
			}
			// The file goes back into the new engine; its report and
			// forecast do not show.
			rs := m.restoreRequests()
			if len(rs) != 1 || rs[0].Type != report.MsgLoad {
				t.Fatalf("restore %+v", rs)
			}
			m.handle(figuresMsg(t, rs[0].ID, full))
			m.handle(forecastMsg(t, rs[0].ID, full.Forecast))
			m.handle(forecastMsg(t, r.ID, full.Forecast)) // the old engine's, late
			if m.Doc.Forecast != nil || !m.fc.Lost {
				t.Error("a forecast landed after the cancel")
			}
			if html := render(TabPredict); !strings.Contains(html, `id="forecast-again"`) || !strings.Contains(html, "The predictions were not computed.") {
				t.Error("the predictions' place does not offer to compute them again")
			}
			// Computing them again: new settings, as the page sends them.
			again := m.request(report.MsgSettings)
			m.handle(figuresMsg(t, again.ID, full))
			m.handle(forecastMsg(t, again.ID, full.Forecast))
			if m.Doc.Forecast == nil || m.fc.Lost {
				t.Errorf("computed again: forecast %v, %+v", m.Doc.Forecast != nil, m.fc)
			}
		})
	}
	// Cancelling the read of a new file while the forecast is computed
	// stops the read only.
	m := &model{}
	r := m.load(source{Name: SampleFile})
	m.handle(figuresMsg(t, r.ID, full))
	m.Phase, m.reading = Loading, "big.csv"
	if m.cancel() || !m.forecasting() {
		t.Errorf("cancelling a read stopped the forecast (%v)", m.forecasting())
	}
	m.handle(forecastMsg(t, r.ID, full.Forecast))
	if m.Doc.Forecast == nil {
		t.Errorf("the forecast did not land after the read was cancelled: %+v", m.fc)
	}
}
