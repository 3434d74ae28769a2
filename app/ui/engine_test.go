package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"retention/app/i18n"
	"retention/app/report"
)

// shown loads shop.csv with a survey into a model, as the worker answers.
func shownModel(t *testing.T) *model {
	t.Helper()
	m := &model{Settings: report.Settings{Grain: "month"}}
	m.good = m.Settings
	r := m.load(source{Name: "shop.csv", Size: 120, URL: "/web/shop.csv"})
	m.handle(reportMsg(t, r.ID, docOf(t, shop)))
	r = m.addSurvey(source{Name: "nps.csv", URL: "/web/nps.csv"})
	m.handle(reportMsg(t, r.ID, docOf(t, shop)))
	m.Settings.Grain = "quarter"
	r = m.request(report.MsgSettings)
	m.handle(reportMsg(t, r.ID, docOf(t, shop)))
	if m.File != "shop.csv" || m.survey.Name != "nps.csv" || m.good.Grain != "quarter" || m.Phase != Ready {
		t.Fatalf("shown: file %q survey %q settings %+v phase %v", m.File, m.survey.Name, m.good, m.Phase)
	}
	return m
}

// TestLoadLost: whatever ends a load (a failure, the user's cancel, an
// engine that exited, ran out of memory or stalled), the page shows what
// it showed before, with its file and settings, and says what happened
// to which file.
func TestLoadLost(t *testing.T) {
	tests := []struct {
		name   string
		answer func(m *model, id int)
		reason string // the lost engine's, "" for a failed load
	}{
		{"the engine says the file cannot be read", func(m *model, id int) {
			m.handle(fmt.Sprintf(`{"type":"error","id":%d,"message":"big.xlsx is a damaged Excel file."}`, id))
		}, ""},
		{"cancelled", func(m *model, id int) { m.cancel() }, "cancel"},
		{"the Go program exited", func(m *model, id int) {
			m.handle(`{"type":"engine","engine":{"reason":"exit","code":2,"detail":"panic: boom"}}`)
		}, "exit"},
		{"out of memory", func(m *model, id int) {
			m.handle(`{"type":"engine","engine":{"reason":"memory","code":2,"memory":4294967296,"detail":"fatal error: out of memory"}}`)
		}, "memory"},
		{"stalled", func(m *model, id int) {
			m.handle(`{"type":"engine","engine":{"reason":"stalled","detail":"60"}}`)
		}, "stalled"},
	}
	w := &Workbench{loc: i18n.New("en-US")}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := shownModel(t)
			doc, gen := m.Doc, m.docGen
			r := m.load(source{Name: "big.xlsx", Size: 1 << 30})
			m.handle(fmt.Sprintf(`{"type":"progress","id":%d,"progress":{"stage":"read","done":5,"total":10}}`, r.ID))
			tc.answer(m, r.ID)
			if m.Phase != Ready || m.Doc != doc || m.docGen != gen || m.File != "shop.csv" || m.Size != 120 {
				t.Errorf("phase %v, same report %v, file %q (%d bytes)", m.Phase, m.Doc == doc, m.File, m.Size)
			}
			if m.Settings.Grain != "quarter" || m.busy != 0 {
				t.Errorf("settings %+v, still waiting for %d", m.Settings, m.busy)
			}
			if tc.reason == "" {
				if m.Failed != "big.xlsx" || !strings.Contains(m.Err, "damaged") || m.Lost != nil {
					t.Errorf("failed %q err %q lost %+v", m.Failed, m.Err, m.Lost)
				}
				return
			}
			l := m.Lost
			if l == nil || l.Reason != tc.reason || l.Task != report.MsgLoad || l.File != "big.xlsx" || l.Kept != "shop.csv" {
				t.Fatalf("lost %+v", l)
			}
			// An answer of the lost work that comes late changes nothing.
			m.handle(reportMsg(t, r.ID, docOf(t, shop)))
			if m.File != "shop.csv" || m.docGen != gen || m.Lost != l {
				t.Errorf("a late answer of the lost work shows %q", m.File)
			}
			text := w.lostText(l)
			if !strings.Contains(text, "big.xlsx") || !strings.Contains(text, "The report of shop.csv stays.") {
				t.Errorf("words: %q", text)
			}
		})
	}
}

// TestRestore: a new engine gets the shown file, its survey and the
// settings of the shown report back; the answers change nothing, and the
// page's next requests are answered as usual.
func TestRestore(t *testing.T) {
	m := shownModel(t)
	gen := m.docGen
	if msg, _ := m.handle(`{"type":"engine","engine":{"reason":"crash","detail":"RuntimeError: unreachable"}}`); msg == nil || msg.Type != msgEngine {
		t.Fatal("the page is not told to put its file back into the new engine")
	}
	rs := m.restoreRequests()
	if len(rs) != 3 {
		t.Fatalf("%d restore requests, want load, survey, settings", len(rs))
	}
	for i, want := range []struct{ typ, name string }{{report.MsgLoad, "shop.csv"}, {report.MsgSurvey, "nps.csv"}, {report.MsgSettings, "shop.csv"}} {
		if rs[i].Type != want.typ || rs[i].Name != want.name || rs[i].Settings.Grain != "quarter" {
			t.Errorf("restore %d: %s %s %+v", i, rs[i].Type, rs[i].Name, rs[i].Settings)
		}
	}
	view := m.view(TabCustomers, "", "VIP") // asked meanwhile: answered after the restore
	for _, r := range rs {
		m.handle(fmt.Sprintf(`{"type":"progress","id":%d,"progress":{"stage":"read","done":1,"total":2}}`, r.ID))
		m.handle(reportMsg(t, r.ID, docOf(t, shop)))
	}
	if m.docGen != gen || m.Phase != Ready || m.restore != [2]int{} || m.Lost.Reason != "crash" {
		t.Errorf("the restore showed: gen %d→%d, phase %v, restore %v, lost %+v", gen, m.docGen, m.Phase, m.restore, m.Lost)
	}
	m.handle(fmt.Sprintf(`{"type":"rows","id":%d,"rows":{"list":"VIP","total":1,"rows":[{"id":"a"}]}}`, view.ID))
	if lv := m.lists[TabCustomers]; lv.Rows == nil || lv.Rows.List != "VIP" {
		t.Error("the rows asked during the restore are not shown")
	}

	// A file that cannot be read again: said, and the report still shows.
	m.handle(`{"type":"engine","engine":{"reason":"exit","code":2}}`)
	rs = m.restoreRequests()
	m.handle(fmt.Sprintf(`{"type":"error","id":%d,"message":"NotReadableError"}`, rs[0].ID))
	if m.Lost == nil || m.Lost.Reason != "restore" || m.Doc == nil || m.restore != [2]int{} {
		t.Errorf("restore failed: lost %+v", m.Lost)
	}

	// Nothing shown, nothing to restore.
	var empty model
	empty.load(source{Name: "a.csv"})
	empty.cancel()
	if rs := empty.restoreRequests(); rs != nil || empty.Phase != Start {
		t.Errorf("restore with nothing shown: %v, phase %v", rs, empty.Phase)
	}
}

// TestETA: the share of a stage and its time left at the rate since the
// stage began.
func TestETA(t *testing.T) {
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	now := t0
	m := model{now: func() time.Time { return now }}
	r := m.load(source{Name: "a.csv"})
	prog := func(stage string, done, total int64) {
		m.handle(fmt.Sprintf(`{"type":"progress","id":%d,"progress":{"stage":%q,"done":%d,"total":%d}}`, r.ID, stage, done, total))
	}
	tests := []struct {
		at          time.Duration // since t0
		stage       string
		done, total int64
		share       float64
		left        time.Duration
		known       bool
	}{
		{0, "read", 10, 100, 0.1, 0, true},
		// Too early to tell the rate.
		{500 * time.Millisecond, "read", 20, 100, 0.2, 0, true},
		// 40 bytes in 2 s since 10: 20/s, 50 to go: 2.5 s.
		{2 * time.Second, "read", 50, 100, 0.5, 2500 * time.Millisecond, true},
		// A workbook's rows: no total, no share.
		{3 * time.Second, "read", 7, 0, 0, 0, false},
		// A new stage starts its own clock: 1,000 rows in 4 s, 3,000 to go.
		{4 * time.Second, "orders", 0, 4000, 0, 0, true},
		{8 * time.Second, "orders", 1000, 4000, 0.25, 12 * time.Second, true},
		{9 * time.Second, "figures", 0, 0, 0, 0, false},
	}
	for _, tc := range tests {
		now = t0.Add(tc.at)
		prog(tc.stage, tc.done, tc.total)
		share, left, known := m.eta()
		if share != tc.share || left != tc.left || known != tc.known {
			t.Errorf("%v %s %d/%d: share %v left %v known %v, want %v %v %v", tc.at, tc.stage, tc.done, tc.total, share, left, known, tc.share, tc.left, tc.known)
		}
	}
	w := &Workbench{loc: i18n.New("en-US")}
	// A workbook's sheet XML read out of its size: the label gives the
	// file's size, not the XML's; a settings change reads the file shown.
	m = model{now: func() time.Time { return now }}
	r = m.load(source{Name: "a.xlsx", Size: 19_926_328})
	prog("read", 62_000_000, 248_000_000)
	if got, want := m.readSize(), int64(19_926_328); got != want {
		t.Errorf("readSize = %d, want the file's %d", got, want)
	}
	m.handle(fmt.Sprintf(`{"type":"report","id":%d,"report":{}}`, r.ID))
	r = m.request(report.MsgSettings)
	prog("read", 1, 248_000_000)
	if got, want := m.readSize(), int64(19_926_328); got != want {
		t.Errorf("readSize again = %d, want the file's %d", got, want)
	}
	for d, want := range map[time.Duration]string{0: "estimating the time left…", 2500 * time.Millisecond: "about 3 s left", 5 * time.Minute: "about 5 min left"} {
		if got := w.timeLeft(d); got != want {
			t.Errorf("timeLeft(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestCancelWhileReading: a cancel before the file's bytes reach the
// engine keeps the engine (nothing to stop) and names the file.
func TestCancelWhileReading(t *testing.T) {
	m := shownModel(t)
	m.Phase, m.reading = Loading, "big.csv"
	if m.cancel() {
		t.Error("the engine is stopped while it has no work")
	}
	if l := m.Lost; l == nil || l.File != "big.csv" || l.Kept != "shop.csv" || m.Phase != Ready {
		t.Errorf("lost %+v, phase %v", l, m.Phase)
	}
	// Busy: the engine must go.
	m.load(source{Name: "big.csv"})
	if !m.cancel() {
		t.Error("the engine is kept while it reads a file the user cancelled")
	}
	// An engine that cannot start gets no file back.
	m.handle(`{"type":"engine","engine":{"reason":"start","detail":"CompileError"}}`)
	if rs := m.restoreRequests(); rs != nil {
		t.Errorf("restore into an engine that cannot start: %v", rs)
	}
}
