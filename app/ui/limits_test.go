package ui

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"retention/app/engine"
	"retention/app/i18n"
	"retention/app/ingest"
	"retention/app/limits"
	"retention/app/limits/craft"
	"retention/app/report"
	"retention/app/survey"
)

// TestLimitWords: each bound is said with its figures in the page's
// numbers and what to do, without a flag of the command line.
func TestLimitWords(t *testing.T) {
	b := limits.Browser
	tests := []struct {
		Locale string
		E      report.LimitError
		What   []string // in the words of what the file is past
		Todo   string   // in the words of what to do
	}{
		{"en-US", report.LimitError{Code: limits.Input, Limit: b.Input, Figure: 1 << 30}, []string{"1 GiB", "900 MiB"}, "command line reads files of up to 2 GiB"},
		{"en-US", report.LimitError{Code: limits.Input, Limit: b.Input, Figure: 1610612736}, []string{"1.5 GiB"}, "shorter date range or fewer columns"},
		{"de-DE", report.LimitError{Code: limits.Input, Limit: b.Input, Figure: 1610612736}, []string{"1,5 GiB"}, "2 GiB"},
		{"en-US", report.LimitError{Code: limits.Inflated, Limit: b.Inflated, Figure: b.Inflated + 1<<20}, []string{"901 MiB", "900 MiB"}, "unpack to up to 4 GiB"},
		{"en-US", report.LimitError{Code: limits.SharedStrings, Limit: b.SharedStrings, Figure: b.SharedStrings + 1}, []string{"text", "900 MiB"}, "2 GiB of text"},
		// Sizes a little over the bound in exact bytes, never "900.0 MiB"
		// beside "900 MiB"; a decimal only where it is not 0.
		{"en-US", report.LimitError{Code: limits.Input, Limit: b.Input, Figure: b.Input + 40<<10}, []string{"is 943,759,360 bytes, more than the 900 MiB"}, "2 GiB"},
		{"de-DE", report.LimitError{Code: limits.Inflated, Limit: b.Inflated, Figure: b.Inflated + 1}, []string{"943.718.401", "900 MiB"}, "4 GiB"},
		{"en-US", report.LimitError{Code: limits.Input, Limit: b.Input, Figure: b.Input + 100<<10}, []string{"is 900.1 MiB, more than the 900 MiB"}, "2 GiB"},
		{"en-US", report.LimitError{Code: limits.Input, Limit: b.Input, Figure: 2<<30 + 40<<20}, []string{"is 2 GiB, more than the 900 MiB"}, "2 GiB"},
		{"en-US", report.LimitError{Code: limits.Rows, Limit: b.Rows, Figure: b.Rows + 1}, []string{"10,000,001 rows", "10,000,000"}, "up to 100,000,000 rows"},
		{"de-DE", report.LimitError{Code: limits.Rows, Limit: b.Rows, Figure: b.Rows + 1}, []string{"10.000.001"}, "100.000.000"},
		{"en-US", report.LimitError{Code: limits.Rows, Limit: limits.ExcelRows, Figure: 2000000}, []string{"2,000,000", "1,048,576", "Excel's last row"}, "Export the orders again"},
		{"en-US", report.LimitError{Code: limits.Cells, Limit: b.Cells, Figure: b.Cells + 8}, []string{"80,000,008 cells"}, "up to 800,000,000 cells"},
		{"en-US", report.LimitError{Code: limits.Cell, Limit: b.Cell, Figure: 163840}, []string{"163,840 bytes", "131,068 bytes", "32,767 characters"}, "Export the orders again"},
		{"en-US", report.LimitError{Code: limits.ZipEntries, Limit: b.ZipEntries, Figure: 10001}, []string{"10,001 entries", "10,000"}, "Export the orders again"},
		{"en-US", report.LimitError{Code: limits.Overlapping}, []string{"share their bytes"}, "Export the orders again"},
		{"en-US", report.LimitError{Code: limits.Nested, Limit: 1, Figure: 2}, []string{"gzip file inside a gzip file"}, "Unpack it once"},
	}
	for _, tc := range tests {
		w := &Workbench{loc: i18n.New(tc.Locale)}
		what, todo := w.limitWords(&tc.E)
		for _, s := range tc.What {
			if !strings.Contains(what, s) {
				t.Errorf("%s %s: %q lacks %q", tc.Locale, tc.E.Code, what, s)
			}
		}
		if !strings.Contains(todo, tc.Todo) {
			t.Errorf("%s %s: %q lacks %q", tc.Locale, tc.E.Code, todo, tc.Todo)
		}
		if strings.Contains(what+todo, "--") {
			t.Errorf("%s: a flag on the page: %q %q", tc.E.Code, what, todo)
		}
	}
}

// TestLimitKeepsReport: a file past a bound, said by the engine or found
// by its size before it is read, leaves the report shown, its file and
// settings; the page names the file and the bound. A problem, unlike
// it, replaces the report.
func TestLimitKeepsReport(t *testing.T) {
	m := shownModel(t)
	doc, gen := m.Doc, m.docGen

	r := m.load(source{Name: "bomb.csv.gz", Size: 26 << 10})
	msg, _ := json.Marshal(map[string]any{"type": report.MsgError, "id": r.ID, "message": "bomb.csv.gz: the file is compressed twice",
		"limit": report.LimitError{Code: limits.Nested, File: "bomb.csv.gz", Limit: 1, Figure: 2}})
	m.handle(string(msg))
	if m.Phase != Ready || m.Doc != doc || m.docGen != gen || m.File != "shop.csv" || m.Problem != nil || m.busy != 0 || m.Settings.Grain != "quarter" {
		t.Fatalf("after a limit: phase %v, same report %v, file %q, problem %v", m.Phase, m.Doc == doc, m.File, m.Problem)
	}
	if m.Failed != "bomb.csv.gz" || m.Limit == nil || m.Limit.Code != limits.Nested {
		t.Fatalf("failed %q limit %+v", m.Failed, m.Limit)
	}
	html := renderHTML(t, &Workbench{m: *m})
	for _, want := range []string{`data-limit="nested_compression"`, `data-failed="bomb.csv.gz"`, "bomb.csv.gz was not loaded. The report of shop.csv stays.", "gzip file inside a gzip file", `data-kpi="retention"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %s", want)
		}
	}

	// Too large to read: refused before a byte is read, no request made.
	id := m.reqID
	e := checkSize("huge.csv", int(limits.Browser.Input)+1)
	if e == nil || e.Code != limits.Input || e.File != "huge.csv" || e.Figure != limits.Browser.Input+1 {
		t.Fatalf("checkSize: %+v", e)
	}
	if checkSize("fits.csv", int(limits.Browser.Input)) != nil {
		t.Error("a file of the bound's size is refused")
	}
	m.refuse(e)
	if m.reqID != id || m.Phase != Ready || m.Doc != doc || m.Failed != "huge.csv" || m.Limit != e {
		t.Errorf("refused: requests %d→%d, phase %v, failed %q", id, m.reqID, m.Phase, m.Failed)
	}
	if html := renderHTML(t, &Workbench{m: *m}); !strings.Contains(html, "The file is 943,718,401 bytes, more than the 900 MiB") {
		t.Errorf("the size is not said: %s", html[strings.Index(html, "alert"):][:400])
	}
	// The shown file read again with other settings (another sheet) past
	// a bound: the report stays, and no file is said to have failed.
	r = m.request(report.MsgSettings)
	m.handle(`{"type":"error","id":` + itoa(r.ID) + `,"message":"shop.csv: too many rows","limit":{"code":"too_many_rows","file":"shop.csv","limit":10000000,"figure":10000001}}`)
	if m.Phase != Ready || m.Doc != doc || m.Failed != "" || m.Limit == nil || m.Limit.Code != limits.Rows {
		t.Errorf("settings past a bound: phase %v, failed %q, limit %+v", m.Phase, m.Failed, m.Limit)
	}
	if html := renderHTML(t, &Workbench{m: *m}); !strings.Contains(html, `<p class="alert-head">The report of shop.csv stays.</p>`) {
		t.Errorf("settings past a bound: %s", html[strings.Index(html, "alert"):][:300])
	}
	// The next request clears it; a later failure without a bound is said
	// in its own words.
	r = m.load(source{Name: "x.pdf", Size: 10})
	if m.Limit != nil || m.Failed != "" {
		t.Errorf("a new load keeps the refusal: %+v", m.Limit)
	}
	m.handle(`{"type":"error","id":` + itoa(r.ID) + `,"message":"x.pdf is a PDF"}`)
	if m.Limit != nil || m.Err != "x.pdf is a PDF" || m.Doc != doc {
		t.Errorf("after a plain failure: limit %+v err %q", m.Limit, m.Err)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestSkipWords: the page's bounds of a plausible order are the engine's;
// the rows skipped for a far-off date or a number past them are worded by
// the page on the Data tab, and said on the Overview when they are a
// notable share.
func TestSkipWords(t *testing.T) {
	if earliestOrder != limits.EarliestOrder.Format(time.DateOnly) || maxAmount != limits.MaxAmount {
		t.Fatalf("the page's bounds %s, %v are not the engine's %s, %v", earliestOrder, maxAmount, limits.EarliestOrder.Format(time.DateOnly), limits.MaxAmount)
	}
	for _, c := range []struct {
		page   string
		engine ingest.SkipCode
	}{
		{report.SkipDateOutOfRange, ingest.DateOutOfRange}, {report.SkipDateUnreadable, ingest.DateUnreadable},
		{report.SkipNumberNotFinite, ingest.NumberNotFinite}, {report.SkipNotANumber, ingest.NotANumber},
		{report.SkipNotSaleOrRefund, ingest.NotSaleOrRefund}, {report.SkipNoCustomerKey, ingest.NoCustomerKey},
		{report.SkipNoOrderDate, ingest.NoOrderDate}, {report.SkipOtherCurrency, ingest.OtherCurrency},
		{report.SkipNoScore, ingest.SkipCode(survey.NoScore)}, {report.SkipBadScore, ingest.SkipCode(survey.BadScore)},
		{report.SkipNoDate, ingest.SkipCode(survey.NoDate)}, {report.SkipBadDate, ingest.SkipCode(survey.BadDate)},
	} {
		if c.page != string(c.engine) {
			t.Errorf("report's skip code %q is not ingest's %q", c.page, c.engine)
		}
		// Each is the page's own words, not the engine's English.
		w := &Workbench{loc: i18n.New("en-US")}
		if got := w.skipReason(report.Skip{Code: c.page, Reason: "ENGLISH", Column: "Total", Values: []string{"DKK"}}); got == "ENGLISH" || got == "" {
			t.Errorf("skip code %s: %q", c.page, got)
		}
	}
	// 40 orders and two rows skipped: 2 in 42 rows is notable.
	data := craft.Orders(40, "9999,C1,Customer 1,9999-12-31,10.00", "9998,C2,Customer 2,2024-03-01,1e309")
	d, err := engine.Run("far-off.csv", data, report.Settings{Today: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	render := func(d *report.Document, tab string) string {
		w := &Workbench{tab: tab}
		w.m.handle(reportMsg(t, 0, d))
		return renderHTML(t, w)
	}
	html := render(d, TabData)
	for _, want := range []string{`data-code="date_out_of_range"`, "before 1990-01-01 or later than tomorrow", `data-code="number_not_finite"`, "past 90,071,992,547,410, infinite"} {
		if !strings.Contains(html, want) {
			t.Errorf("the Data tab lacks %s", want)
		}
	}
	html = render(d, TabOverview)
	for _, want := range []string{`id="skipped-note"`, "2 of the file&#39;s 42 rows (4.8%) were skipped", "1 row: order date out of range", `id="see-skipped"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the Overview lacks %s", want)
		}
	}
	// One row in 101 skipped is under the notable share: no note.
	d, err = engine.Run("o.csv", craft.Orders(100, "9999,C1,Customer 1,9999-12-31,10.00"), report.Settings{Today: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if d.Ingest.SkippedRows != 1 || strings.Contains(render(d, TabOverview), "skipped-note") {
		t.Errorf("1 row skipped of %d: a note on the Overview", d.Ingest.Rows)
	}
}
