//go:build js && wasm

// Command worker is the workbench's engine, compiled to WebAssembly and run
// in a Web Worker (web/worker.js starts it), so that reading a large file
// never freezes the page. It answers the page's requests (see
// report.Request) with the same engine the retention command runs.
package main

import (
	"encoding/json"
	"runtime"
	"syscall/js"
	"time"
	"unsafe"

	"retention/app/limits"
	"retention/app/report"
	"retention/app/sheet"
	"retention/app/worker"
)

var (
	session  worker.Session
	comparer worker.Comparer
	// forecastFor is the request whose report awaits its forecast, when
	// the session has one pending.
	forecastFor int
	// received is the file's bytes as they come; stream parses them as
	// they come, for a request that loads an orders file.
	received []byte
	stream   *sheet.Stream
)

func main() {
	self := js.Global()
	if self.Get("rwParser").Truthy() {
		parser(self)
		return
	}
	// web/worker.js inflates a .gz file with the browser's gzip decoder
	// before it reaches the engine, and stops past this bound.
	self.Set("retentionInflateBound", limits.Browser.Inflated)
	// A file comes in chunks, as web/worker.js reads it from the File
	// the page was given (never whole in the worker's JavaScript memory
	// beside this copy): retentionReserve(n) readies a buffer for about n
	// bytes, retentionAppend(chunk) adds a Uint8Array to it.
	//
	// retentionReserve(n, id), given the id of a request that loads an
	// orders file, parses its text as its chunks come (sheet.Stream):
	// the page reads the File meanwhile (web/worker.js), and the parse of
	// what has come overlaps the reading of the rest. Its progress is the
	// request's. retentionReserve(n, id, cut) readies the first cut bytes
	// of a file read in two parts (split.go).
	registerSplit(self)
	self.Set("retentionReserve", js.FuncOf(func(this js.Value, args []js.Value) any {
		received = worker.Room(max(0, args[0].Int()))
		stream, splitRoom, splitCut = nil, nil, 0
		if len(args) > 2 && args[2].Type() == js.TypeNumber && args[2].Int() > 0 && args[2].Int() < cap(received) {
			splitCut, splitRoom = args[2].Int(), received
		}
		if len(args) > 1 && args[1].Type() == js.TypeNumber {
			id := args[1].Int()
			paced := progressOf(id)
			if splitCut > 0 {
				stream = sheet.NewHeadStream(received[:0:splitCut], limits.Browser)
			} else {
				stream = sheet.NewStream(received, limits.Browser)
			}
			stream.Progress = func(done, total int64) {
				paced(report.Progress{Stage: report.StageRead, Done: done, Total: total})
			}
		}
		return nil
	}))
	registerParts(self, &received)
	self.Set("retentionAppend", js.FuncOf(func(this js.Value, args []js.Value) any {
		n := args[0].Get("byteLength").Int()
		if len(received)+n > cap(received) {
			// More than the room reserved (web/worker.js stops at it, so
			// only a caller that does not): grown by doubling, as append
			// does.
			grown := make([]byte, len(received), max(2*cap(received), len(received)+n))
			copy(grown, received)
			received = grown
		}
		at := len(received)
		received = received[:at+n]
		js.CopyBytesToGo(received[at:], args[0])
		if stream == nil {
			return nil
		}
		if splitCut > 0 {
			// The first part's stream sees its bytes alone.
			if len(received) <= splitCut {
				stream.Fed(received[:len(received):splitCut])
			}
			return false
		}
		// retentionAppend(chunk, piece): the rows of the chunk that the
		// parser made (retentionParsePiece), when it has; it tells
		// whether the stream took them.
		if len(args) > 1 && args[1].Truthy() {
			// Words, so that the piece's lists are its bytes as they
			// came (sheet.PieceFrom).
			n := args[1].Get("byteLength").Int()
			b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(make([]uint32, (n+3)/4)))), n)
			js.CopyBytesToGo(b, args[1])
			if pc, err := sheet.PieceFrom(b); err == nil {
				return stream.FedParsed(received, at, pc)
			}
		}
		stream.Fed(received)
		return false
	}))
	// retentionComma() is the delimiter the stream parses with, for the
	// parser: 0 before it begins, without a stream, or once it gave up.
	self.Set("retentionComma", js.FuncOf(func(this js.Value, args []js.Value) any {
		return int(stream.Comma())
	}))
	// retentionHandle(req, bytes, gz): bytes is a Uint8Array, true for
	// the bytes received in chunks, or nothing. gz, when given, says what
	// web/worker.js made of the file: {inflated: true} (bytes are a .gz
	// file's content), {parts: [{at, size}]} (bytes are a workbook, these
	// of whose entries the browser inflated and keeps: see registerParts
	// and jsPart), {past: n} (it unpacks to more than the bound, at least
	// n bytes; no bytes) or {unreadable: reason} (the browser could not
	// read the File; no bytes). For a workbook sent with parts it returns
	// {parts: n, read: m}: m of the n parts were read by the engine (none
	// inflated again); else nothing.
	self.Set("retentionHandle", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) == 0 {
			return nil
		}
		defer js.Global().Call("retentionPartDrop") // the parts web/worker.js kept, read or not
		var req report.Request
		if err := json.Unmarshal([]byte(args[0].String()), &req); err != nil {
			post(report.Reply{Type: report.MsgError, Message: "bad request: " + err.Error()}, js.Undefined())
			return nil
		}
		// retentionHandle(req, true, null, counts): a load of the first
		// part of a file read in two parts, counts what the tail's parse
		// counted (split.go): it returns a Promise.
		if len(args) > 3 && args[3].Truthy() && req.Type == report.MsgLoad && splitCut > 0 && stream != nil && len(received) == splitCut {
			return splitHandle(req, countsOf(args[3]))
		}
		var data []byte
		switch {
		case len(args) > 1 && args[1].Type() == js.TypeBoolean && args[1].Bool():
			data, received = received, nil
			splitRoom, splitCut = nil, 0 // a file read whole after all
			if stream != nil && req.Type == report.MsgLoad {
				req.Settings.Stream = stream
			}
		case len(args) > 1 && args[1].Truthy():
			data = make([]byte, args[1].Get("byteLength").Int())
			js.CopyBytesToGo(data, args[1])
		}
		gunzipped := false
		if len(args) > 2 && args[2].Truthy() {
			if past := args[2].Get("past"); past.Truthy() {
				post(worker.Failure(req, &limits.Error{Code: limits.Inflated, File: req.Name, Limit: limits.Browser.Inflated, Figure: int64(past.Float())}), js.Undefined())
				return nil
			}
			if why := args[2].Get("unreadable"); why.Truthy() {
				post(worker.Failure(req, &report.Error{Code: report.Unreadable, Field: req.Name, Value: why.String()}), js.Undefined())
				return nil
			}
			gunzipped = args[2].Get("inflated").Truthy()
		}
		// A workbook's parts, for the requests that read an orders file
		// (worker.Entries lists parts for no other).
		var parts sheet.Parts
		if len(args) > 2 && args[2].Truthy() && args[2].Get("parts").Truthy() && (req.Type == report.MsgLoad || req.Type == report.MsgCompare) {
			parts = partsOf(args[2].Get("parts"))
			req.Settings.Parts = parts
		}
		n := len(parts)
		stream = nil // used by this request's read, or not at all
		handle(req, data, gunzipped)
		if n == 0 {
			return nil
		}
		return map[string]any{"parts": n, "read": n - len(parts)}
	}))
	// retentionPending() tells whether a report awaits its forecast;
	// retentionForecast() computes it and posts it (web/worker.js calls
	// it when no request waits, so that a newer one is not held up by a
	// forecast it makes useless).
	self.Set("retentionPending", js.FuncOf(func(this js.Value, args []js.Value) any {
		return session.Pending()
	}))
	self.Set("retentionForecast", js.FuncOf(func(this js.Value, args []js.Value) any {
		forecast()
		return nil
	}))
	post(report.Reply{Type: report.MsgReady}, js.Undefined())
	go func() {
		if doc := warm(self, "engine"); doc != nil && !self.Get("retentionAsked").Truthy() {
			post(report.Reply{Type: report.MsgWarm, Report: worker.ForPage(doc)}, js.Undefined())
		}
	}()
	select {}
}

// warm warms the worker's code up (worker.Warm) and returns its report,
// or nil when it stopped or failed. It runs in steps with the worker's
// JavaScript between them (a goroutine that sleeps lets the Go program
// return to the event loop), and stops once the page has sent a request
// (web/worker.js sets retentionAsked): a file dropped meanwhile waits for
// one step, not for the whole warm-up.
func warm(self js.Value, who string) *report.Document {
	doc, err := worker.Warm(func() bool {
		time.Sleep(time.Millisecond)
		return !self.Get("retentionAsked").Truthy()
	})
	if err != nil {
		println("the " + who + "'s warm-up failed: " + err.Error())
	}
	runtime.GC()
	return doc
}

// parser is the program of the engine's parser (web/worker.js, with
// self.rwParser set): retentionParsePiece(chunk, comma) parses a piece of
// the file the engine streams (sheet.ParsePiece) and gives its rows as a
// Uint8Array (sheet.Piece.Bytes), or null when it cannot.
func parser(self js.Value) {
	registerTail(self)
	var buf []byte
	var pp sheet.PieceParser
	self.Set("retentionParsePiece", js.FuncOf(func(this js.Value, args []js.Value) any {
		n := args[0].Get("byteLength").Int()
		if cap(buf) < n {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		js.CopyBytesToGo(buf, args[0])
		b := pp.Parse(buf, byte(args[1].Int()))
		if b == nil {
			return nil
		}
		out := js.Global().Get("Uint8Array").New(len(b))
		js.CopyBytesToJS(out, b)
		return out
	}))
	// retentionWarmUp() warms the parser as the engine is warmed (see
	// main), for the rows of a tail: once the engine's own warm-up is
	// done (the page says when), so that the two do not share the cores.
	// A warm-up stops at its next step once the engine is asked for
	// something (web/worker.js sets retentionAsked), and starts again the
	// next time the engine is idle, until one has run to its end.
	warmed, warming := false, false
	self.Set("retentionWarmUp", js.FuncOf(func(this js.Value, args []js.Value) any {
		if warmed || warming {
			return nil
		}
		warming = true
		go func() {
			// A warm-up that failed is not tried again.
			warmed, warming = warm(self, "parser") != nil || !self.Get("retentionAsked").Truthy(), false
		}()
		return nil
	}))
	select {}
}

// handle answers a request; gunzipped tells that data is a .gz file's
// content, inflated by web/worker.js.
func handle(req report.Request, data []byte, gunzipped bool) {
	progress := progressOf(req.ID)
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
	case report.MsgCompare:
		compareSide(req, data, gunzipped, progress)
		return
	case report.MsgRows:
		forecast() // the list's rows carry the forecast's predictions
		r, err := session.RowsOf(req)
		if err != nil {
			post(worker.Failure(req, err), js.Undefined())
			return
		}
		post(report.Reply{Type: report.MsgRows, ID: req.ID, Rows: r}, js.Undefined())
		return
	case report.MsgExport:
		forecast() // as MsgRows
		f, err := session.ExportOf(req)
		if err != nil {
			post(worker.Failure(req, err), js.Undefined())
			return
		}
		buf := js.Global().Get("Uint8Array").New(len(f.Data))
		js.CopyBytesToJS(buf, f.Data)
		post(report.Reply{Type: report.MsgFile, ID: req.ID, File: f}, buf)
		return
	case report.MsgMovement:
		if req.Movement == nil {
			post(report.Reply{Type: report.MsgError, ID: req.ID, Message: "a movement request without its days"}, js.Undefined())
			return
		}
		m, err := session.Movement(*req.Movement, req.Settings)
		if err != nil {
			post(worker.Failure(req, err), js.Undefined())
			return
		}
		post(report.Reply{Type: report.MsgMovement, ID: req.ID, Movement: m}, js.Undefined())
		return
	default:
		post(report.Reply{Type: report.MsgError, ID: req.ID, Message: "unknown request " + req.Type}, js.Undefined())
		return
	}
	answerLoad(req, doc, err)
}

// answerLoad posts the answer to a request that reports: its error, or
// the report, whose forecast follows when it is not in it.
func answerLoad(req report.Request, doc *report.Document, err error) {
	if err != nil {
		post(worker.Failure(req, err), js.Undefined())
		return
	}
	// The report of the figures goes now; its forecast, when it is not
	// in it, follows (forecast).
	follows := session.Pending()
	if follows {
		forecastFor = req.ID
	}
	post(report.Reply{Type: report.MsgReport, ID: req.ID, Report: worker.ForPage(doc), ForecastFollows: follows}, js.Undefined())
}

// forecast completes the last report with its forecast, if it awaits
// one, and posts it (MsgForecast, with the report's ID).
func forecast() {
	if !session.Pending() {
		return
	}
	id := forecastFor
	f, err := session.Forecast(progressOf(id))
	post(worker.ForecastReply(id, f, err), js.Undefined())
}

// compareSide reads one file of a comparison; B's answer is the
// comparison.
func compareSide(req report.Request, data []byte, gunzipped bool, progress func(report.Progress)) {
	if req.Side == report.CompareA {
		if err := comparer.A(req.Name, data, gunzipped, req.Settings, progress); err != nil {
			post(worker.Failure(req, err), js.Undefined())
		}
		return
	}
	c, err := comparer.B(req.Name, data, gunzipped, req.Settings, progress)
	if err != nil {
		post(worker.Failure(req, err), js.Undefined())
		return
	}
	post(report.Reply{Type: report.MsgComparison, ID: req.ID, Comparison: c}, js.Undefined())
}

// progressOf posts the progress of request id to the page, paced
// (worker.Paced).
func progressOf(id int) func(report.Progress) {
	return worker.Paced(func(p report.Progress) {
		post(report.Reply{Type: report.MsgProgress, ID: id, Progress: &p}, js.Undefined())
	}, worker.ProgressPace, time.Now)
}

// post sends a reply as JSON, and bytes beside it when given, to the page.
func post(msg report.Reply, bytes js.Value) {
	b, err := json.Marshal(msg)
	if err != nil {
		// A report that cannot be written (a NaN slipped into it) is
		// the request's error, not silence.
		b, _ = json.Marshal(report.Reply{Type: report.MsgError, ID: msg.ID, Message: err.Error()})
	}
	js.Global().Call("retentionPost", string(b), bytes)
}
