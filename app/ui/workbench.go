package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"

	"golang.org/x/text/language"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/charts"
	"retention/app/i18n"
	"retention/app/report"
)

// SampleFile is the built-in sample store, served beside the page.
const SampleFile = "sample-store.csv"

// SampleSurvey is the sample store's NPS survey, served beside it.
const SampleSurvey = "sample-nps.csv"

// Tabs of the report.
const (
	TabOverview  = "overview"
	TabCustomers = "customers"
	TabPredict   = "predict"
	TabVoice     = "voice"
	TabData      = "data"
)

// Workbench is the page: the drop zone, then the report.
type Workbench struct {
	app.Compo

	// Privacy shows the privacy page in place of the workbench (the route
	// /privacy).
	Privacy bool

	m        model
	loc      *i18n.Locale
	lang     language.Tag // the page's language, one of i18n.Languages
	loading  language.Tag // a language whose messages are being fetched
	tab      string
	update   bool // a new version is ready
	started  bool // the worker runs
	drawnGen int  // the report whose charts are drawn
	drawnFc  int  // and the forecast (model.fc.gen) whose charts are
	drag     bool // a file is dragged over the page
	// cohorts is what the cohort heatmap shows and how it is coloured.
	cohorts cohortView
	// tables are the charts shown as tables too, by chart id.
	tables map[string]bool
	// readGen counts cancels: a file read before one is not sent.
	readGen int
	// While the shown file is read again for a new engine, the page's
	// requests wait in held, so that they reach the engine after it.
	holding bool
	held    []heldPost
	// lostGen counts engines lost (ended or cancelled): a restore during
	// which another is lost starts again for the newest engine.
	lostGen int
	// charts are the chart options of the tab shown, built once per
	// report, tab and language (not at each render); chartsLater holds
	// them back while a new report's first render is painted.
	chartSet    chartCache
	chartsLater bool
	cardSet     cardsCache // the overview's cards
	// part is how much of the report view the page renders while a view
	// not in the page yet is mounted over several frames (showReport);
	// showSeq counts showReport's calls, the last one's steps taken.
	part    part
	showSeq int
	// warming is the report warmUp lays out, nil when none.
	warming *report.Document
	drawSeq int     // drawCharts' calls, the last one's charts drawn
	printed printed // the report as printed last (print.go)
	// ctx is the component's own context. Answers that arrive later (a
	// read file, the worker's messages) are dispatched through it, not
	// through the context of the element that started them: that element
	// (the drop zone's file input) may be gone by then, and go-app drops
	// updates whose element is no longer mounted.
	ctx app.Context
	// ws is the workspaces saved on this device, cmp a comparison of two
	// (workspace.go, wscompare.go).
	ws  workspaces
	cmp wsCompare
}

// heldPost is a request waiting for the engine's restore.
type heldPost struct {
	req report.Request
	buf app.Value
}

// OnMount keeps the component's context and starts the engine worker, so
// that it is fetched, compiled and started while the user chooses a file.
func (w *Workbench) OnMount(ctx app.Context) {
	w.ctx = ctx
	if !i18n.Loaded(w.lang) {
		w.speak(ctx, w.lang, false)
	}
	w.wsMount(ctx)
	if w.Privacy {
		return
	}
	w.worker(ctx)
	afterPaint(func() { _ = warmDecoder() })
	whenIdle(func() { w.ctx.Dispatch(w.warmUp) })
}

// warmDecoder has encoding/json encode and decode a message with a
// made-up report (warmDoc) while the page waits for a file: encoding it
// builds the encoder of every type a report holds, and with it the fields
// the decoder uses too, and decoding it runs the decoder's own code once,
// so that the first report pays for neither (the browser compiles the
// page's WebAssembly a function at a time, at its first call: the first
// report's frames compiled some 300 functions of encoding/json and of the
// collector, 35 to 55 ms of them; chromium's trace, issue 11). It returns
// an error when the report does not come back.
func warmDecoder() error {
	b, err := json.Marshal(message{Reply: report.Reply{Type: report.MsgReport, Report: warmDoc()}})
	if err != nil {
		return err
	}
	var m message
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	if m.Report == nil || m.Report.Revenue != warmDoc().Revenue {
		return errors.New("the made-up report did not come back")
	}
	return nil
}

// warmUp has the page render a report's first frames once, unseen, while
// it waits for a file (warmView), the browser lay them out (warmLayout),
// and the page take them away at its next render: the first report's
// render then runs Go the browser has compiled before (it compiles the
// page's WebAssembly a function at a time, at its first call) and lays
// out fonts and controls laid out before. Cold, on a loaded 2-core
// machine, the Go of Online Retail's first render took 22 ms (warm: 3)
// and its first layout 100 ms (warm: 10) (issue 11).
func (w *Workbench) warmUp(ctx app.Context) {
	if w.m.Doc != nil || w.m.Phase != Start {
		ctx.PreventUpdate()
		return // a file came first: it is not held up for this
	}
	w.warming = warmDoc()
	ctx.Defer(func(app.Context) {
		warmLayout()
		w.ctx.Dispatch(func(ctx app.Context) {
			w.warming = nil
			// The first collection of the page's heap, and the first
			// call of the collector's code, now rather than in the
			// first report's frames.
			ctx.Defer(func(app.Context) { runtime.GC() })
		})
	})
}

// warmView is what a report's first frames show, of the report warmUp
// lays out: the file's bar, the status of its forecast and the report
// view down to its cards (partTop), out of sight. The page's state stays
// as it is.
func (w *Workbench) warmView() app.UI {
	doc, part := w.m.Doc, w.part
	defer func() { w.m.Doc, w.part = doc, part }()
	w.m.Doc, w.part = w.warming, partTop
	return app.Div().Class("warm-up").
		Style("position", "absolute").Style("left", "-10000px").Style("top", "0").Style("width", "100%").Style("visibility", "hidden").
		Body(w.fileBar(), w.forecastStatus(), w.reportView())
}

// warmDoc is the report laid out unseen before a file (warmUp), made up
// and never shown: no orders, but one of each kind of line the view's top
// shows (a note, rows skipped, a change since the range before, the
// benchmark with its source, a figure long enough to be set smaller), so
// that the browser has made each size and weight of font they are set
// in. Each new one cost the first report's layout 2 to 5 ms, a call to
// the browser's process among them (chromium's trace, issue 11).
func warmDoc() *report.Document {
	one := 1.0
	return &report.Document{
		LastFull: -1, Orders: 1, Revenue: 1e7,
		Notes:     []report.Note{{Code: report.NoteCreditInvoices, N: 1}},
		Ingest:    report.Ingest{Rows: 1, SkippedRows: 1},
		Skipped:   []report.Skip{{Code: report.SkipNoCustomerKey, Rows: 1}},
		Previous:  &report.Previous{Covered: true, Days: 1, KPIs: []report.KPIChange{{Name: "orders", Unit: "count", A: &one, B: &one, Delta: &one}}},
		Benchmark: report.Benchmark{YearlyRetention: &one, Diff: &one},
	}
}

// OnInit prepares the state before the first render.
func (w *Workbench) OnInit() {
	w.setLanguage(pageLanguage())
	if w.tab == "" {
		w.tab = TabOverview
	}
	if w.m.Settings.Grain == "" {
		w.m.Settings = report.DefaultSettings()
		w.m.Settings.TZ, w.m.Settings.Locale = browserTimeZone(), browserLocale()
		w.m.good = w.m.Settings
	}
}

// OnAppUpdate shows that a new version is ready.
func (w *Workbench) OnAppUpdate(ctx app.Context) {
	// go-app also reports the first install of the service worker as an
	// update when the worker claims the page before the check; a page that
	// had no worker when it loaded is already the newest version.
	w.update = ctx.AppUpdateAvailable() && hadServiceWorker()
}

func (w *Workbench) t(key string, args ...any) string { return w.loc.T(key, args...) }

// worker starts the engine worker (web/glue.js starts it when the browser
// is idle).
func (w *Workbench) worker(ctx app.Context) {
	if w.started {
		return
	}
	w.started = true
	startWorker(ctx.ResolveStaticResource("/web/worker.js"), func(msg string, bytes app.Value) {
		w.ctx.Dispatch(func(ctx app.Context) { w.onMessage(ctx, msg, bytes) })
	})
}

func (w *Workbench) onMessage(ctx app.Context, raw string, bytes app.Value) {
	if w.compareReply(ctx, raw) {
		return
	}
	if typ, _ := replyHead(raw); typ == report.MsgWarm {
		ctx.PreventUpdate()
		w.warm(raw)
		return
	} else if typ == report.MsgProgress && w.m.Phase != Loading {
		// The stage of the forecast that follows the report shown (or of
		// a restore): nothing to show, and no render of the report while
		// it is being drawn.
		ctx.PreventUpdate()
		return
	}
	gen, fcGen, before, shown := w.m.docGen, w.m.fc.gen, w.wsBefore(), w.m.Doc != nil
	f, err := w.m.handle(raw)
	if err != nil {
		w.m.fail(err.Error())
		return
	}
	w.wsAfter(before)
	if w.m.docGen != gen && w.m.Doc != nil {
		w.showReport(ctx, shown)
	}
	if w.m.fc.gen != fcGen && w.chartSet.tab == TabPredict {
		w.chartSet = chartCache{} // the predictions' charts, now with their forecast
	}
	if f != nil && f.Type == msgEngine {
		w.lostGen++
		w.restoreEngine()
	}
	if f != nil && f.Type == report.MsgFile && bytes != nil {
		download(f.File.Name, f.File.Type, bytes)
	}
	if w.m.needRows(w.tab) {
		w.post(w.m.ask(w.tab), nil)
	}
	w.askMovement()
	if w.m.Move != nil && w.m.moveDrawn != w.m.moveID {
		w.drawMovement(ctx)
	}
	w.drawLater(ctx)
}

// warm decodes the engine's warm-up report and, when the browser is idle
// again, builds its charts, and forgets both: the code that shows a
// file's first report has run once before it (report.MsgWarm). Cold, in
// chromium, decoding Online Retail's report took 117 ms, warm 3 to 8.
func (w *Workbench) warm(raw string) {
	if w.m.Phase == Loading {
		return // a file came first: it is not held up for this
	}
	var msg message
	if json.Unmarshal([]byte(raw), &msg) != nil || msg.Report == nil {
		return
	}
	whenIdle(func() {
		if w.m.Phase != Loading {
			charts.Warm(msg.Report, w.chartLabels())
		}
	})
}

// part is how much of the report view the page renders. A view not in
// the page yet is mounted in parts, each in a task of its own after a
// paint: the controls and tabs, then what the panel shows down to the
// cards, then the rest. Mounted in one task, Online Retail's view (some
// 150 elements and 110 texts, each made by its own calls from Go to the
// browser, and laid out for the first time) held the page for 150 to 250
// ms on a loaded 2-core machine (issue 11).
type part int

// The parts, each with those before it.
const (
	partAll   part = iota // the whole view
	partFrame             // the controls and the tabs; the panel empty
	partTop               // the panel down to the cards and the benchmark
)

// showReport shows a new report over several frames, each its own task,
// so that the page keeps painting: this one decoded it (and renders
// nothing); when the page holds no report view (mounted false), the next
// ones mount its parts (part); the one after renders it with the charts
// of the report before (or none), and the last builds the new charts and
// hands them to ECharts, one per task (drawCharts). In one task,
// decoding, rendering and building the charts of Online Retail's report
// held the page for 150 to 330 ms on a loaded 2-core machine (issue 11).
func (w *Workbench) showReport(ctx app.Context, mounted bool) {
	ctx.PreventUpdate()
	w.chartsLater = true
	w.showSeq++
	seq := w.showSeq
	// A step of an earlier call, superseded by a newer report, does
	// nothing.
	step := func(f func(ctx app.Context)) func(ctx app.Context) {
		return func(ctx app.Context) {
			if seq != w.showSeq {
				ctx.PreventUpdate()
				return
			}
			f(ctx)
		}
	}
	var steps []func(ctx app.Context)
	if !mounted {
		w.part = partFrame
		steps = append(steps, step(func(app.Context) {}), step(func(app.Context) {
			w.part = partTop
			w.overviewCards() // written in this task, mounted in the render's
		}))
	} else {
		steps = append(steps, step(func(app.Context) {})) // the report, but its charts
	}
	steps = append(steps, step(func(ctx app.Context) {
		// The cards are painted: the engine may start the forecast,
		// which waited so as not to share the cores with their mounting
		// (web/worker.js).
		rwCall("painted")
		w.part = partAll
		w.chartsLater = false
		w.drawLater(ctx)
	}))
	w.inFrames(steps...)
}

// inFrames runs each step in a task of its own once the browser has
// painted the page as the step before left it (go-app renders at its
// next frame, which may come after the browser's: the next step waits
// for that render).
func (w *Workbench) inFrames(steps ...func(ctx app.Context)) {
	if len(steps) == 0 {
		return
	}
	afterPaint(func() {
		w.ctx.Dispatch(func(ctx app.Context) {
			steps[0](ctx)
			ctx.Defer(func(app.Context) { w.inFrames(steps[1:]...) })
		})
	})
}

// drawLater draws the charts of the tab after this update, once per
// report.
func (w *Workbench) drawLater(ctx app.Context) {
	drawn := w.drawnGen == w.m.docGen && (w.tab != TabPredict || w.drawnFc == w.m.fc.gen)
	if w.m.Doc == nil || !chartTab(w.tab) || drawn || w.chartsLater {
		return
	}
	w.ctx.Defer(func(ctx app.Context) {
		w.drawnGen, w.drawnFc = w.m.docGen, w.m.fc.gen
		w.drawCharts(w.tabCharts()) // and fills their shown tables
	})
}

// drawCharts hands the charts to ECharts one per task, after a paint
// each: a chart's option is encoded in its own task (Chart.Option) and
// web/glue.js draws it in the next, so that no task holds the page for
// all of them (issue 11: the overview's ten in one task took 100 to
// 230 ms). A later call drops what an earlier one has not drawn yet.
func (w *Workbench) drawCharts(cs []charts.Chart) {
	w.drawSeq++
	seq := w.drawSeq
	var next func(i int)
	next = func(i int) {
		if i >= len(cs) || seq != w.drawSeq {
			return
		}
		c := cs[i]
		drawChart("chart-"+c.ID, c.Option(), c.ID)
		if w.tables[c.ID] {
			chartTable("table-"+c.ID, "chart-"+c.ID, w.tableHeads())
		}
		afterPaint(func() {
			w.ctx.Dispatch(func(ctx app.Context) {
				ctx.PreventUpdate()
				next(i + 1)
			})
		})
	}
	next(0)
}

// chartCache is the charts of one tab of one report in one language.
type chartCache struct {
	doc     *report.Document
	loc     *i18n.Locale
	tab     string
	cohorts cohortView // the cohort heatmap's
	charts  []charts.Chart
}

// cached returns the charts of a tab of the report shown, built once
// (build makes each chart's ECharts option as JSON: a third of the
// report's first render in the browser, issue 11). While a new report's
// first render is painted (chartsLater), it builds nothing: the tab keeps
// the charts of the report before, until the next frame builds and draws
// the new ones.
func (w *Workbench) cached(tab string, build func() []charts.Chart) []charts.Chart {
	c := w.chartSet
	switch {
	case c.doc == w.m.Doc && c.loc == w.loc && c.tab == tab && c.cohorts == w.cohorts:
		return c.charts
	case w.chartsLater && c.tab == tab:
		return c.charts
	case w.chartsLater:
		return nil
	}
	w.chartSet = chartCache{doc: w.m.Doc, loc: w.loc, tab: tab, cohorts: w.cohorts, charts: build()}
	return w.chartSet.charts
}

// chartTab tells whether a tab shows charts.
func chartTab(tab string) bool { return tab == TabOverview || tab == TabPredict || tab == TabVoice }

// tabCharts are the charts of the tab shown.
func (w *Workbench) tabCharts() []charts.Chart {
	switch w.tab {
	case TabPredict:
		return w.forecastCharts()
	case TabVoice:
		return w.surveyCharts()
	}
	return w.charts()
}

// post sends a request to the engine, or holds it while the engine gets
// the shown file back.
func (w *Workbench) post(req report.Request, buf app.Value) {
	if w.holding {
		w.held = append(w.held, heldPost{req, buf})
		return
	}
	w.send(req, buf)
}

func (w *Workbench) send(req report.Request, buf app.Value) {
	b, _ := json.Marshal(req)
	send(string(b), buf)
}

// whenRead shows the progress bar and returns what to do with a file's
// bytes once they are read: post the request made for them, or show the
// failure (failed words the reading error). A read that the user
// cancelled is dropped.
func (w *Workbench) whenRead(name string, failed func(err string) string, req func(buf app.Value) report.Request) func(app.Value, string) {
	w.m.Phase, w.m.Err, w.m.Failed, w.m.Limit, w.m.Lost, w.m.Progress = Loading, "", "", nil, nil, report.Progress{Stage: report.StageStart}
	w.m.reading = name
	gen := w.readGen
	return func(buf app.Value, err string) {
		w.ctx.Dispatch(func(ctx app.Context) {
			if gen != w.readGen {
				return
			}
			if err != "" {
				w.m.fail(failed(err))
				return
			}
			w.post(req(buf), buf)
		})
	}
}

// read reads a source's bytes: the File again, or the URL.
func (w *Workbench) read(src source, done func(app.Value, string)) {
	if f, ok := src.File.(app.Value); ok && f != nil {
		readFile(f, done)
		return
	}
	fetchBytes(w.ctx.ResolveStaticResource(src.URL), done)
}

// cancel stops the work under way: the engine is stopped and another
// started, which gets the shown file back.
func (w *Workbench) cancel(ctx app.Context, e app.Event) {
	w.readGen++
	if w.m.cancel() {
		w.lostGen++
		restartEngine()
		w.restoreEngine()
	}
}

// restoreEngine puts the shown file (and its survey) back into a new
// engine, so that its lists and exports work; requests made meanwhile
// wait until the file's bytes are read and sent.
func (w *Workbench) restoreEngine() {
	if w.holding {
		return // the restore under way starts again when it ends
	}
	reqs := w.m.restoreRequests()
	if len(reqs) == 0 {
		return
	}
	w.holding = true
	gen := w.lostGen
	srcs := []source{w.m.src, w.m.survey}
	var next func(i int)
	next = func(i int) {
		if i >= len(reqs) {
			w.holding = false
			if gen != w.lostGen {
				// The engine was lost again meanwhile: the new one gets
				// the file, and then the requests held.
				w.restoreEngine()
				return
			}
			held := w.held
			w.held = nil
			for _, h := range held {
				w.post(h.req, h.buf)
			}
			return
		}
		if reqs[i].Type == report.MsgSettings {
			w.send(reqs[i], nil)
			next(i + 1)
			return
		}
		w.read(srcs[min(i, 1)], func(buf app.Value, err string) {
			w.ctx.Dispatch(func(ctx app.Context) {
				if err != "" {
					w.m.restored(message{Reply: report.Reply{Type: report.MsgError, ID: reqs[i].ID, Message: err}})
					next(len(reqs))
					return
				}
				w.send(reqs[i], buf)
				next(i + 1)
			})
		})
	}
	next(0)
}

func (w *Workbench) unreadable(err string) string { return w.t("The file could not be read: %s", err) }

// open reads a File the user chose or dropped; a file larger than the
// browser's engine can hold is refused before it is read.
func (w *Workbench) open(ctx app.Context, file app.Value) {
	if file == nil || !file.Truthy() {
		return
	}
	w.worker(ctx)
	src := source{Name: file.Get("name").String(), Size: file.Get("size").Int(), File: file}
	if e := checkSize(src.Name, src.Size); e != nil {
		w.m.refuse(e)
		return
	}
	readFile(file, w.whenRead(src.Name, w.unreadable, func(app.Value) report.Request { return w.m.load(src) }))
}

// openSurvey reads a survey export the user chose and joins it to the
// loaded orders (refused unread, as a file, when too large).
func (w *Workbench) openSurvey(ctx app.Context, file app.Value) {
	if file == nil || !file.Truthy() {
		return
	}
	src := source{Name: file.Get("name").String(), Size: file.Get("size").Int(), File: file}
	if e := checkSize(src.Name, src.Size); e != nil {
		w.m.refuse(e)
		return
	}
	readFile(file, w.whenRead(src.Name, w.unreadable, func(app.Value) report.Request { return w.m.addSurvey(src) }))
}

// sampleSurvey joins the sample store's NPS survey.
func (w *Workbench) sampleSurvey(ctx app.Context, e app.Event) {
	fetchBytes(ctx.ResolveStaticResource("/web/"+SampleSurvey), w.whenRead(SampleSurvey,
		func(err string) string { return w.t("The sample survey could not be loaded: %s", err) },
		func(buf app.Value) report.Request {
			return w.m.addSurvey(source{Name: SampleSurvey, Size: buf.Get("size").Int(), URL: "/web/" + SampleSurvey})
		}))
}

// sample loads the built-in sample store.
func (w *Workbench) sample(ctx app.Context, e app.Event) {
	w.worker(ctx)
	fetchBytes(ctx.ResolveStaticResource("/web/"+SampleFile), w.whenRead(SampleFile,
		func(err string) string { return w.t("The sample store could not be loaded: %s", err) },
		func(buf app.Value) report.Request {
			return w.m.load(source{Name: SampleFile, Size: buf.Get("size").Int(), URL: "/web/" + SampleFile})
		}))
}

// apply sends changed settings.
func (w *Workbench) apply() {
	w.post(w.m.request(report.MsgSettings), nil)
}

func (w *Workbench) exportList(list, format string) {
	r := w.m.request(report.MsgExport)
	r.List, r.Format = list, format
	w.post(r, nil)
}

func (w *Workbench) onPick(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if files.Truthy() && files.Length() > 0 {
		w.open(ctx, files.Index(0))
	}
	ctx.JSSrc().Set("value", "")
}

func (w *Workbench) onDragOver(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if !w.drag {
		w.drag = true
	}
}

func (w *Workbench) onDragLeave(ctx app.Context, e app.Event) {
	w.drag = false
}

func (w *Workbench) onDrop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	w.drag = false
	files := e.Get("dataTransfer").Get("files")
	if files.Truthy() && files.Length() > 0 {
		w.open(ctx, files.Index(0))
	}
}

// pageLanguage is the language the user chose on this device, else the
// first of the browser's languages the workbench speaks.
func pageLanguage() language.Tag {
	if s := storedLanguage(); s != "" {
		for _, l := range i18n.Languages {
			if l.String() == s {
				return l
			}
		}
	}
	return i18n.Match(browserLanguages()...)
}

// setLanguage speaks lang from now on: messages in it, numbers as the
// browser's locale writes them when it is a variant of lang (else as
// lang's own region does), and <html lang> saying so.
func (w *Workbench) setLanguage(lang language.Tag) {
	w.lang = lang
	w.loc = i18n.In(lang, browserLocale())
	setDocumentLanguage(lang.String())
	setChartLocale(w.loc.Tag.String())
}

// onLanguage switches the page's language: everything is worded again and
// the charts redrawn with their new labels; the report is not computed
// again. The choice is remembered on this device.
func (w *Workbench) onLanguage(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	for _, l := range i18n.Languages {
		if l.String() == v {
			storeLanguage(v)
			w.speak(ctx, l, true)
			return
		}
	}
}

// speak makes lang the page's language, first loading its messages when
// the page does not have them (the page's WebAssembly carries English
// only). Until they arrive the page stays as it is; if they cannot be
// loaded (offline before the first visit cached them), it says so in
// English and stays in the language it speaks.
func (w *Workbench) speak(ctx app.Context, lang language.Tag, chosen bool) {
	switch {
	case i18n.Loaded(lang):
		w.setLanguage(lang)
		w.drawnGen = 0
		w.drawLater(ctx)
		return
	case w.loading == lang:
		return
	}
	w.loading = lang
	loadMessages(lang.String(), func(text, errText string) {
		ctx.Dispatch(func(ctx app.Context) {
			w.loading = language.Und
			err := errors.New(errText)
			if errText == "" {
				err = i18n.RegisterFile(lang, []byte(text))
			}
			if err != nil {
				if chosen {
					w.m.Err = fmt.Sprintf("The page's %s messages could not be loaded: %v", i18n.Name(lang), err)
				}
				return
			}
			if w.lang == lang || chosen {
				w.speak(ctx, lang, chosen)
			}
		})
	})
}

// languagePicker offers the workbench's languages, each named in itself.
func (w *Workbench) languagePicker() app.UI {
	return app.Select().ID("language").Class("language").Aria("label", w.t("Language")).OnChange(w.onLanguage).Body(
		app.Range(i18n.Languages).Slice(func(i int) app.UI {
			l := i18n.Languages[i]
			return app.Option().Value(l.String()).Lang(l.String()).Selected(l == w.lang).Text(i18n.Name(l))
		}),
	)
}

func (w *Workbench) setTab(tab string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		w.tab = tab
		if w.m.needRows(tab) {
			w.post(w.m.ask(tab), nil)
		}
		w.askMovement()
		w.m.moveDrawn = 0
		w.drawMovement(ctx)
		if chartTab(tab) {
			w.drawnGen = 0
			w.drawLater(ctx)
		}
	}
}

// Render draws the page.
func (w *Workbench) Render() app.UI {
	if w.Privacy {
		return w.privacyView()
	}
	phase := map[Phase]string{Start: "start", Loading: "loading", Ready: "ready"}[w.m.Phase]
	cls := "wb"
	if w.drag {
		cls += " wb-drag"
	}
	return app.Div().Class(cls).DataSet("phase", phase).
		OnDragOver(w.onDragOver).OnDragLeave(w.onDragLeave).OnDrop(w.onDrop).
		Body(
			app.A().Class("skip").Href("#main").Text(w.t("Skip to the content")).OnClick(func(ctx app.Context, e app.Event) {
				e.PreventDefault()
				focusLater(ctx, "main")
			}),
			w.header(),
			app.Main().ID("main").Attr("tabindex", -1).Body(
				// What comes and goes above the report stays in one element,
				// so that the report's elements (and the charts drawn in
				// them) are kept, not made anew, when a message or the
				// progress appears.
				app.Div().Class("status").Body(
					app.If(w.update, func() app.UI {
						return app.Div().Class("banner").Aria("live", "polite").Body(
							app.Span().Text(w.t("A new version of the workbench is ready.")),
							app.Button().Class("btn").Text(w.t("Reload")).OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
						)
					}),
					app.If(w.m.Limit != nil, func() app.UI { return w.limitView() }),
					app.If(w.m.Limit == nil && w.m.Err != "", func() app.UI { return w.errorView() }),
					app.If(w.m.Lost != nil, func() app.UI { return w.lostView() }),
					app.If(w.ws.note != "", func() app.UI { return w.wsNoteView() }),
					app.If(w.m.Phase == Loading, func() app.UI { return w.progress() }),
					app.If(w.m.forecasting() && w.m.Phase != Loading, func() app.UI { return w.forecastStatus() }),
				),
				app.If(w.m.Problem != nil && w.m.Phase != Loading, func() app.UI { return w.problemView() }),
				app.If(w.m.Doc == nil && w.m.Phase != Loading, func() app.UI { return w.dropZone() }),
				app.If(w.cmp.busy || w.cmp.raw != "" || w.cmp.err != "", func() app.UI { return w.compareView() }),
				app.If(w.ws.shown || (w.m.Doc == nil && w.m.Phase != Loading), func() app.UI { return w.workspacesView() }),
				app.If(w.m.Doc != nil, func() app.UI { return w.reportView() }),
			),
			app.Footer().Class("foot").Body(
				app.P().Text(w.t("Retention Workbench runs entirely in your browser: your file never leaves this device. No upload, no account, no tracking.")),
				app.P().Body(app.A().ID("privacy-link").Href("privacy").Text(w.t("Privacy: what is stored on this device"))),
			),
			app.If(w.warming != nil && w.m.Doc == nil && w.m.Phase == Start, func() app.UI { return w.warmView() }),
		)
}

func (w *Workbench) header() app.UI {
	return app.Header().Class("top").Body(
		app.Div().Class("brand").Body(
			// Decoration beside the name: go-app drops an empty alt, so
			// the role says it.
			app.Img().Src("/web/icon.svg").Attr("role", "presentation").Width(28).Height(28),
			app.H1().Text(w.t("Retention Workbench")),
		),
		app.If(w.m.Doc != nil, func() app.UI { return w.fileBar() }),
		w.languagePicker(),
	)
}

// fileBar names the file shown, with the buttons of the workspaces and
// of another file.
func (w *Workbench) fileBar() app.UI {
	return app.Div().Class("file").Body(
		app.Span().Class("file-name").Title(w.m.File).Text(w.m.File),
		app.Button().ID("workspaces-toggle").Class("btn btn-small").Aria("expanded", boolText(w.ws.shown)).
			Text(w.t("Saved workspaces")).OnClick(w.wsToggle),
		app.Label().Class("btn btn-small").Body(
			app.Text(w.t("Open another file")),
			app.Input().Type("file").Class("visually-hidden").Accept(accept).OnChange(w.onPick),
		),
	)
}

const accept = ".csv,.tsv,.txt,.gz,.xlsx,.xlsm,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func (w *Workbench) dropZone() app.UI {
	return app.Section().Class("drop").Body(
		app.H2().Text(w.t("See how well your shop keeps its customers")),
		app.P().Text(w.t("Drop an orders export from Shopify, WooCommerce, Ecwid, Magento or your ERP (CSV or Excel), or choose it:")),
		app.Label().Class("btn btn-primary").Body(
			app.Text(w.t("Choose a file")),
			app.Input().Type("file").ID("file-input").Class("visually-hidden").Accept(accept).OnChange(w.onPick),
		),
		app.P().Class("or").Text(w.t("or")),
		app.Button().ID("sample").Class("btn").Text(w.t("Try a sample store")).OnClick(w.sample),
		app.P().Class("privacy").Body(
			app.Strong().Text(w.t("Your file never leaves this device.")),
			app.Text(" "+w.t("It is read by this page, in your browser; nothing is uploaded.")),
		),
	)
}

func mb(l *i18n.Locale, n int64) string {
	return l.T("%s MB", l.Num(float64(n)/1e6, 1))
}

// tabs are the report's tabs, in order.
var tabs = []string{TabOverview, TabCustomers, TabPredict, TabVoice, TabData}

// tabLabel is a tab's name.
func (w *Workbench) tabLabel(id string) string {
	switch id {
	case TabCustomers:
		return w.t("Segments and lists")
	case TabPredict:
		return w.t("Predictions")
	case TabVoice:
		return w.t("Voice of the customer")
	case TabData:
		return w.t("Data and columns")
	}
	return w.t("Overview")
}

// onTabKey moves between tabs with the arrow keys, Home and End (the ARIA
// tabs pattern: the tab that gets the focus is shown).
func (w *Workbench) onTabKey(ctx app.Context, e app.Event) {
	i := 0
	for k, t := range tabs {
		if t == w.tab {
			i = k
		}
	}
	switch e.Get("key").String() {
	case "ArrowRight":
		i = (i + 1) % len(tabs)
	case "ArrowLeft":
		i = (i + len(tabs) - 1) % len(tabs)
	case "Home":
		i = 0
	case "End":
		i = len(tabs) - 1
	default:
		return
	}
	e.PreventDefault()
	w.setTab(tabs[i])(ctx, e)
	focusLater(ctx, "tab-"+tabs[i])
}

func (w *Workbench) reportView() app.UI {
	return app.Div().Class("report").Body(
		w.controls(),
		app.Div().Class("tabs").Attr("role", "tablist").Aria("label", w.t("Report")).OnKeyDown(w.onTabKey).Body(
			app.Range(tabs).Slice(func(i int) app.UI {
				id := tabs[i]
				on := w.tab == id
				tabindex := -1
				if on {
					tabindex = 0
				}
				return app.Button().Type("button").Class("tab").ID("tab-"+id).Attr("role", "tab").Attr("tabindex", tabindex).
					Aria("selected", boolText(on)).Aria("controls", "panel").Text(w.tabLabel(id)).OnClick(w.setTab(id))
			}),
		),
		app.Div().ID("panel").Attr("role", "tabpanel").Aria("labelledby", "tab-"+w.tab).Body(
			app.H2().Class("visually-hidden").Text(w.tabLabel(w.tab)),
			app.If(w.part != partFrame, func() app.UI { return w.tabView() }),
		),
		w.printView(),
	)
}

// tabView is what the panel shows of the tab shown.
func (w *Workbench) tabView() app.UI {
	switch w.tab {
	case TabCustomers:
		return w.customers()
	case TabPredict:
		return w.predictions()
	case TabVoice:
		return w.voice()
	case TabData:
		return w.data()
	}
	return w.overview()
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
