//go:build js && wasm

// Command worker is the workbench's engine, compiled to WebAssembly and run
// in a Web Worker (web/worker.js starts it), so that reading a large file
// never freezes the page. It answers the page's requests (see
// report.Request) with the same engine the retention command runs.
package main

import (
	"encoding/json"
	"errors"
	"runtime"
	"syscall/js"

	"retention/app/limits"
	"retention/app/report"
	"retention/app/worker"
)

var session worker.Session

func main() {
	self := js.Global()
	// web/worker.js inflates a .gz file with the browser's gzip decoder
	// before it reaches the engine, and stops past this bound.
	self.Set("retentionInflateBound", limits.Browser.Inflated)
	// retentionHandle(req, bytes, gz): gz, when given, says what
	// web/worker.js made of a .gz file: {inflated: true} (bytes are its
	// content) or {past: n} (it unpacks to more than the bound, at least n
	// bytes; no bytes).
	self.Set("retentionHandle", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) == 0 {
			return nil
		}
		var req report.Request
		if err := json.Unmarshal([]byte(args[0].String()), &req); err != nil {
			post(map[string]any{"type": report.MsgError, "message": "bad request: " + err.Error()}, js.Undefined())
			return nil
		}
		var data []byte
		if len(args) > 1 && args[1].Truthy() {
			data = make([]byte, args[1].Get("byteLength").Int())
			js.CopyBytesToGo(data, args[1])
		}
		gunzipped := false
		if len(args) > 2 && args[2].Truthy() {
			if past := args[2].Get("past"); past.Truthy() {
				fail(req, &limits.Error{Code: limits.Inflated, File: req.Name, Limit: limits.Browser.Inflated, Figure: int64(past.Float())})
				return nil
			}
			gunzipped = args[2].Get("inflated").Truthy()
		}
		handle(req, data, gunzipped)
		return nil
	}))
	post(map[string]any{"type": report.MsgReady}, js.Undefined())
	// Requests that arrive meanwhile wait in web/worker.js.
	if err := worker.Warm(); err != nil {
		println("the engine's warm-up failed:", err.Error())
	}
	runtime.GC()
	select {}
}

// handle answers a request; gunzipped tells that data is a .gz file's
// content, inflated by web/worker.js.
func handle(req report.Request, data []byte, gunzipped bool) {
	progress := func(p report.Progress) {
		post(map[string]any{"type": report.MsgProgress, "id": req.ID, "progress": p}, js.Undefined())
	}
	var (
		doc *report.Document
		err error
	)
	switch req.Type {
	case report.MsgLoad:
		load := session.Load
		if gunzipped {
			load = session.LoadGunzipped
		}
		doc, err = load(req.Name, data, req.Settings, progress)
	case report.MsgSettings:
		doc, err = session.Apply(req.Settings, progress)
	case report.MsgSurvey:
		survey := session.Survey
		if gunzipped {
			survey = session.SurveyGunzipped
		}
		doc, err = survey(req.Name, data, req.Settings, progress)
	case report.MsgRows:
		r, err := session.Rows(req.List)
		if err != nil {
			fail(req, err)
			return
		}
		post(map[string]any{"type": report.MsgRows, "id": req.ID, "rows": r}, js.Undefined())
		return
	case report.MsgExport:
		f, err := session.Export(req.List, req.Format)
		if err != nil {
			fail(req, err)
			return
		}
		buf := js.Global().Get("Uint8Array").New(len(f.Data))
		js.CopyBytesToJS(buf, f.Data)
		post(map[string]any{"type": report.MsgFile, "id": req.ID, "file": f}, buf)
		return
	default:
		post(map[string]any{"type": report.MsgError, "id": req.ID, "message": "unknown request " + req.Type}, js.Undefined())
		return
	}
	if err != nil {
		fail(req, err)
		return
	}
	b, err := json.Marshal(worker.ForPage(doc))
	if err != nil {
		fail(req, err)
		return
	}
	post(map[string]any{"type": report.MsgReport, "id": req.ID, "report": string(b)}, js.Undefined())
}

// fail answers a request with its error: the English words, and what the
// page words itself: the problem of a file that needs the user's word, or
// the bound a file is past (typed, so that the page keeps the report it
// shows and says what to do).
func fail(req report.Request, err error) {
	msg := map[string]any{"type": report.MsgError, "id": req.ID, "message": err.Error()}
	var p *worker.ProblemError
	if errors.As(err, &p) {
		msg["problem"] = p.Problem
	}
	if l := report.LimitOf(err, req.Name); l != nil {
		msg["limit"] = l
	}
	post(msg, js.Undefined())
}

// post sends a JSON message, and bytes beside it when given, to the page.
func post(msg map[string]any, bytes js.Value) {
	b, _ := json.Marshal(msg)
	js.Global().Call("retentionPost", string(b), bytes)
}
