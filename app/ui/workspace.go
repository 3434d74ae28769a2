package ui

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/i18n"
	"retention/app/report"
)

// A workspace is a file the user opened, kept on this device (web/store.js,
// IndexedDB) with what they chose for it, so that it opens again after a
// reload, an update or next month, offline too. Every file that gives a
// report (or a problem to answer) is saved; its settings and survey follow
// the user's changes.
type workspace struct {
	ID       string          `json:"id,omitempty"`
	Name     string          `json:"name"`
	Size     int             `json:"size"`
	URL      string          `json:"url,omitempty"`  // a file of ours (the sample store), kept as its URL
	From     string          `json:"from,omitempty"` // the orders' first day
	To       string          `json:"to,omitempty"`   // and last
	Settings report.Settings `json:"settings"`
	Survey   *savedSurvey    `json:"survey,omitempty"`
	Opened   int64           `json:"opened,omitempty"` // when last opened, ms since 1970 (the store's clock)
}

// savedSurvey is the survey export attached to a workspace.
type savedSurvey struct {
	Name string `json:"name"`
	Size int    `json:"size"`
	URL  string `json:"url,omitempty"`
}

// workspacePatch is what changes of an open workspace as the user works.
type workspacePatch struct {
	Settings report.Settings `json:"settings"`
	From     string          `json:"from,omitempty"`
	To       string          `json:"to,omitempty"`
	Opened   int64           `json:"opened,omitempty"`
}

// forgotten is what "Forget my data" removed (web/store.js forget).
type forgotten struct {
	Workspaces int   `json:"workspaces"`
	Bytes      int64 `json:"bytes"`
	Databases  int   `json:"databases"`
	Files      int   `json:"files"`
	Caches     int   `json:"caches"`
	Keys       int   `json:"keys"`
}

// workspaces is the page's view of the saved workspaces.
type workspaces struct {
	open string // the open workspace's id, "" for none
	// A workspace being opened again: its load request, and the step
	// that follows the report of the request awaited (its survey, then
	// the survey's settings). Nothing is saved meanwhile.
	openReq   int
	await     int
	then      func()
	restoring bool
	// note is the last word on saving ("" for none), code its kind.
	note, code string
	forgot     *forgotten
	shown      bool // the list is shown above a report
}

// storeCall calls rwStore[fn](args..., done) of web/store.js; done hears
// its result (JSON, or a Blob record for get) and its error code ("" for
// none) on the component's context, which renders the page again unless
// done says it changed nothing of it (ctx.PreventUpdate).
func storeCall(ctx app.Context, fn string, done func(ctx app.Context, v app.Value, err string), args ...any) {
	if !app.IsClient {
		return
	}
	s := app.Window().Get("rwStore")
	if !s.Truthy() {
		return
	}
	var f app.Func
	f = app.FuncOf(func(this app.Value, a []app.Value) any {
		f.Release()
		v, e := a[0], errText(a[1])
		ctx.Dispatch(func(ctx app.Context) {
			if done != nil {
				done(ctx, v, e)
			}
		})
		return nil
	})
	s.Call(fn, append(args, f)...)
}

// storeDo calls a function of web/store.js that answers at once.
func storeDo(fn string, args ...any) app.Value {
	if !app.IsClient {
		return nil
	}
	s := app.Window().Get("rwStore")
	if !s.Truthy() {
		return nil
	}
	return s.Call(fn, args...)
}

func decode(v app.Value, into any) bool {
	if v == nil || !v.Truthy() {
		return false
	}
	return json.Unmarshal([]byte(v.String()), into) == nil
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// wsMount asks for persistent storage, hears the list's buttons (drawn
// by web/store.js), and opens again the workspace this tab had open when
// the page is reloaded (the browser's reload, the update's Reload).
func (w *Workbench) wsMount(ctx app.Context) {
	w.wsHandler()
	if w.Privacy {
		return
	}
	storeDo("persist")
	if v := storeDo("reopen"); v != nil && v.Truthy() && w.m.Doc == nil && w.m.Phase == Start {
		w.openWorkspace(v.String())
	}
}

// wsHandler hears the buttons web/store.js draws.
func (w *Workbench) wsHandler() {
	if app.IsClient {
		if s := app.Window().Get("rwStore"); s.Truthy() {
			s.Set("handler", app.FuncOf(func(this app.Value, args []app.Value) any {
				a := make([]string, 3)
				for i := range args {
					if i < len(a) {
						a[i] = args[i].String()
					}
				}
				w.ctx.Dispatch(func(ctx app.Context) { w.wsAction(ctx, a[0], a[1], a[2]) })
				return nil
			}))
		}
	}
}

// wsAction does what a button of the list asks.
func (w *Workbench) wsAction(ctx app.Context, action, id, arg string) {
	switch action {
	case "open":
		w.openWorkspace(id)
	case "compare":
		w.compare(id, arg)
	case "forget":
		w.forget(ctx, app.Event{})
	case "removed":
		if id == w.ws.open {
			w.ws.open = ""
		}
	case "renamed":
		if id == w.ws.open {
			w.m.File = arg
		}
	}
}

// wsRefresh draws the list again (web/store.js reads it from the store)
// after this update; unless all, only where it is not drawn yet (a list
// just shown).
func (w *Workbench) wsRefresh() { w.drawWorkspaces(true) }

func (w *Workbench) drawWorkspaces(all bool) {
	if !app.IsClient || !w.started {
		return
	}
	v := "%s"
	words := map[string]any{
		"title":        w.t("Saved on this device"),
		"intro":        w.t("Each file you open is kept here, in this browser only, with your choices, to open again later, offline too."),
		"space":        w.t("Using %s of the %s this browser gives the workbench.", v, v),
		"persisted":    w.t("The browser keeps it until you delete it."),
		"mb":           w.t("%s MB", v),
		"range":        w.t("%s to %s", v, v),
		"lastOpened":   w.t("last opened %s", v),
		"survey":       w.t("survey %s", v),
		"rename":       w.t("Rename"),
		"newName":      w.t("New name of %s", v),
		"del":          w.t("Delete"),
		"deleteOf":     w.t("Delete %s", v),
		"compareTitle": w.t("Compare two workspaces"),
		"a":            w.t("A (before)"),
		"b":            w.t("B (after)"),
		"compare":      w.t("Compare"),
		"forget":       w.t("Forget my data"),
		"privacy":      w.t("What is stored, and how to check it"),
	}
	open := ""
	if w.m.Doc != nil {
		open = w.ws.open
	}
	w.ctx.Defer(func(app.Context) { storeDo("draw", "workspaces", words, w.loc.Tag.String(), open, all) })
}

// openWorkspace opens a saved workspace: its file with its settings, then
// its survey and the survey's settings.
func (w *Workbench) openWorkspace(id string) {
	w.worker(w.ctx)
	storeCall(w.ctx, "get", func(_ app.Context, rec app.Value, err string) {
		var ws workspace
		if err != "" || !decode(rec.Get("meta"), &ws) {
			storeDo("setOpened", "")
			w.ws.note, w.ws.code = w.t("The saved workspace could not be opened: %s", err), "open"
			return
		}
		src := source{Name: ws.Name, Size: ws.Size, URL: ws.URL}
		if f := rec.Get("file"); f.Truthy() {
			src.File = f
		}
		var survey source
		if ws.Survey != nil {
			survey = source{Name: ws.Survey.Name, Size: ws.Survey.Size, URL: ws.Survey.URL}
			if f := rec.Get("survey"); f.Truthy() {
				survey.File = f
			}
		}
		set := ws.Settings
		w.ws.note, w.ws.forgot, w.ws.shown, w.ws.restoring = "", nil, false, true
		w.cmp = wsCompare{seq: w.cmp.seq + 2}
		w.read(src, w.whenRead(src.Name, w.unreadable, func(app.Value) report.Request {
			r := w.m.reopen(src, set)
			w.ws.openReq, w.ws.await, w.ws.open = r.ID, r.ID, id
			w.ws.then = func() { w.reopenSurvey(survey, set) }
			return r
		}))
	}, id)
}

// reopenSurvey joins the workspace's survey again, then puts back the
// survey's settings (a new survey starts with its own).
func (w *Workbench) reopenSurvey(src source, set report.Settings) {
	if src.Name == "" || w.m.Doc == nil {
		w.ws.restoring = false
		return
	}
	w.read(src, w.whenRead(src.Name, w.unreadable, func(app.Value) report.Request {
		r := w.m.addSurvey(src)
		w.ws.await = r.ID
		w.ws.then = func() {
			w.m.Settings = set
			r := w.m.request(report.MsgSettings)
			w.ws.await = r.ID
			w.ws.then = func() { w.ws.restoring = false }
			w.post(r, nil)
		}
		return r
	}))
}

// reopen starts reading a saved workspace's file with its settings.
func (m *model) reopen(src source, set report.Settings) report.Request {
	m.Settings = set
	r := m.request(report.MsgLoad)
	m.pending = src
	r.Name = src.Name
	return r
}

// work is the request the page waited for before a message, to tell
// what the message ended.
type work struct {
	gen, busy int
	busyFor   string
}

func (w *Workbench) wsBefore() work { return work{w.m.docGen, w.m.busy, w.m.busyFor} }

// wsAfter keeps the saved workspace up to date with what a message of the
// engine ended: a new file is saved, a survey attached, settings kept; a
// workspace being opened again goes on to its next step.
func (w *Workbench) wsAfter(b work) {
	m := &w.m
	if b.busy == 0 || m.busy != 0 {
		return // nothing ended
	}
	if m.docGen == b.gen {
		// The work failed (or the engine was lost): a workspace being
		// opened again stops there, what it showed stays.
		if b.busy == w.ws.await {
			w.ws.await, w.ws.then, w.ws.restoring = 0, nil, false
		}
		return
	}
	if b.busy == w.ws.await && w.ws.then != nil {
		then := w.ws.then
		w.ws.await, w.ws.then = 0, nil
		defer then()
	}
	switch {
	case b.busyFor == report.MsgLoad && b.busy == w.ws.openReq:
		storeDo("setOpened", w.ws.open)
		w.wsUpdate(time.Now().UnixMilli())
		return
	case w.ws.restoring:
		return
	case b.busyFor == report.MsgLoad:
		w.wsSave()
		return
	case b.busyFor == report.MsgSurvey && w.ws.open != "":
		w.wsSurvey()
	}
	w.wsUpdate(0)
}

// wsSave saves the file just loaded as a new workspace (the store finds
// the same file saved before), and makes it the tab's open one.
func (w *Workbench) wsSave() {
	m := &w.m
	ws := workspace{Name: m.File, Size: m.Size, URL: m.src.URL, Settings: m.good}
	if m.Doc != nil {
		ws.From, ws.To = m.Doc.FirstOrder, m.Doc.LastOrder
	}
	var file any
	if f, ok := m.src.File.(app.Value); ok && f != nil {
		file = f
	}
	w.ws.open, w.ws.note = "", ""
	name := m.File
	storeCall(w.ctx, "save", func(ctx app.Context, v app.Value, err string) {
		if err != "" {
			w.ws.note, w.ws.code = w.notSaved(name, err), err
			w.wsRefresh()
			return
		}
		// Saved: nothing of the page changes but the list (web/store.js
		// draws it). The file's first report may still be being mounted
		// (showReport): a render of the whole page now would hold up its
		// cards.
		ctx.PreventUpdate()
		var id string
		if decode(v, &id) && m.File == name {
			w.ws.open = id
			storeDo("setOpened", id)
			w.wsUpdate(0) // settings changed while it was written
		}
		w.wsRefresh()
	}, jsonText(ws), file)
}

// wsSurvey attaches the survey just joined to the open workspace.
func (w *Workbench) wsSurvey() {
	s := w.m.survey
	var file any
	if f, ok := s.File.(app.Value); ok && f != nil {
		file = f
	}
	storeCall(w.ctx, "survey", func(ctx app.Context, _ app.Value, err string) {
		if err != "" {
			w.ws.note, w.ws.code = w.notSaved(s.Name, err), err
		} else {
			ctx.PreventUpdate() // only the list changes
		}
		w.wsRefresh()
	}, w.ws.open, s.Name, s.Size, s.URL, file)
}

// wsUpdate writes the open workspace's settings and date range (and when
// it was opened, if not 0).
func (w *Workbench) wsUpdate(opened int64) {
	if w.ws.open == "" {
		return
	}
	p := workspacePatch{Settings: w.m.good, Opened: opened}
	if d := w.m.Doc; d != nil {
		p.From, p.To = d.FirstOrder, d.LastOrder
	}
	storeCall(w.ctx, "update", func(ctx app.Context, _ app.Value, _ string) {
		ctx.PreventUpdate() // only the list changes
		w.wsRefresh()
	}, w.ws.open, jsonText(p))
}

// notSaved says why a file was not saved, and that nothing is lost.
func (w *Workbench) notSaved(name, code string) string {
	switch {
	case strings.HasPrefix(code, "nospace "):
		f := strings.Fields(code)
		need, _ := strconv.ParseInt(f[1], 10, 64)
		free, _ := strconv.ParseInt(f[2], 10, 64)
		return w.t("%s is not saved on this device: it needs %s and %s is free. Its report stays open, and your saved workspaces are kept; delete one to make room.", name, mb(w.loc, need), mb(w.loc, free))
	case code == "quota":
		return w.t("%s is not saved on this device: the browser has no room left for it. Its report stays open, and your saved workspaces are kept; delete one to make room.", name)
	case code == "unavailable":
		return w.t("This browser lets the page store nothing (a private window, or a setting), so %s is not saved on this device.", name)
	}
	return w.t("%s is not saved on this device: %s", name, code)
}

// forget removes every workspace and everything the page stored of the
// user's data on this device; the page starts again from the drop zone,
// with a new engine that holds no file.
func (w *Workbench) forget(ctx app.Context, e app.Event) {
	storeCall(w.ctx, "forget", func(_ app.Context, v app.Value, err string) {
		var f forgotten
		if err != "" || !decode(v, &f) {
			w.ws.note, w.ws.code = w.t("Not everything could be removed: %s", err), "forget"
			return
		}
		set := w.m.good
		set.Sheet, set.Map, set.Currency, set.NoHeader, set.SurveyMap, set.SurveyScale = "", nil, "", false, nil, ""
		w.m = model{Settings: set, good: set}
		w.ws = workspaces{forgot: &f}
		w.cmp = wsCompare{}
		w.lostGen++
		restartEngine()
		w.wsRefresh()
	})
}

// forgotText says what "Forget my data" removed.
func forgotText(l *i18n.Locale, f *forgotten) string {
	return l.T("Removed %s saved workspaces (%s), %s databases, %s private files, %s caches and %s stored keys. Nothing of your data is left in this browser's storage.",
		l.Int(f.Workspaces), mb(l, f.Bytes), l.Int(f.Databases), l.Int(f.Files), l.Int(f.Caches), l.Int(f.Keys))
}

// workspacesView is the saved workspaces (drawn by web/store.js: open,
// rename, delete, compare two, the space used, "Forget my data"), and
// what "Forget my data" removed.
func (w *Workbench) workspacesView() app.UI {
	w.drawWorkspaces(false)
	return app.Div().Body(
		app.Section().ID("workspaces").Class("workspaces"),
		app.If(w.ws.forgot != nil, func() app.UI {
			return app.P().ID("forgot").Class("notice").Attr("role", "status").Text(forgotText(w.loc, w.ws.forgot))
		}),
	)
}

// wsNoteView says why a file was not saved.
func (w *Workbench) wsNoteView() app.UI {
	return app.Div().Class("notice").ID("workspace-note").Attr("role", "alert").DataSet("code", strings.Fields(w.ws.code + " x")[0]).Text(w.ws.note)
}

// wsToggle shows or hides the saved workspaces above a report.
func (w *Workbench) wsToggle(ctx app.Context, e app.Event) {
	w.ws.shown = !w.ws.shown
	if w.ws.shown {
		w.wsRefresh()
	}
}
