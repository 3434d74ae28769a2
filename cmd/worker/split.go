//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"runtime"
	"syscall/js"

	"retention/app/ingest"
	"retention/app/limits"
	"retention/app/report"
	"retention/app/sheet"
	"retention/app/worker"
)

// A large text file is read by the engine and the second worker at once,
// each its own part (ingest.FromParts, sheet.NewHeadStream): the page
// feeds the engine the file's first part and the second worker (the
// tail) the rest (web/glue.js feed). The engine asks the tail what it
// needs of its rows through web/worker.js (retentionAsk, its answer
// retentionAnswer). Once the engine has read the file, the page feeds it
// the rest of the bytes (retentionWhole), for reads with other settings.

// The engine's side.
var (
	// splitCut is the size of the first part, while the engine reads a
	// file in two parts (0 otherwise); splitRoom is the room of the whole
	// file, in which the rest comes after the load.
	splitCut  int
	splitRoom []byte
	asks      = map[int]chan answer{}
	lastAsk   int
)

type answer struct {
	b   []byte
	err error
}

// errTailGone wraps ingest.ErrSplit: the tail's worker did not answer,
// and the engine reads the whole file itself.
var errTailGone = fmt.Errorf("%w: the second worker did not answer", ingest.ErrSplit)

// tailLink asks the tail through web/worker.js: retentionAsk(id, bytes),
// answered by retentionAnswer(id, bytes or null, reason).
func tailLink(req []byte) func() ([]byte, error) {
	if req == nil {
		js.Global().Call("retentionTailDone")
		return nil
	}
	lastAsk++
	id := lastAsk
	ch := make(chan answer, 1)
	asks[id] = ch
	u8 := js.Global().Get("Uint8Array").New(len(req))
	js.CopyBytesToJS(u8, req)
	js.Global().Call("retentionAsk", id, u8)
	return func() ([]byte, error) {
		a := <-ch
		return a.b, a.err
	}
}

func registerSplit(self js.Value) {
	self.Set("retentionAnswer", js.FuncOf(func(this js.Value, args []js.Value) any {
		id := args[0].Int()
		ch := asks[id]
		if ch == nil {
			return nil
		}
		delete(asks, id)
		if args[1].Truthy() {
			b := make([]byte, args[1].Get("byteLength").Int())
			js.CopyBytesToGo(b, args[1])
			ch <- answer{b: b}
		} else {
			ch <- answer{err: fmt.Errorf("%w: %s", errTailGone, args[2].String())}
		}
		return nil
	}))
	// retentionWhole() gives the session the whole file once its rest
	// has come after a load in two parts. A rest that did not come whole
	// (the File changed or moved) leaves the session no bytes to read
	// again: a read with other settings then says that no file is loaded,
	// never reads the first part alone.
	self.Set("retentionWhole", js.FuncOf(func(this js.Value, args []js.Value) any {
		ok := splitRoom != nil && len(received) == cap(splitRoom) && session.Whole(received)
		if !ok {
			session.Whole(nil)
		}
		received, splitRoom, splitCut = nil, nil, 0
		return ok
	}))
}

// handleSplit reads a file in two parts: data is the first, counts what
// the tail's parse counted. It answers the request as handle does, and
// returns true when the file cannot be read so (ingest.ErrSplit): then
// nothing is posted, and the engine is to read the whole file.
func handleSplit(req report.Request, data []byte, counts sheet.Counts) bool {
	progress := progressOf(req.ID)
	req.Settings.Split = &ingest.Split{Link: tailLink, Tail: counts}
	doc, err := session.Load(req.Name, data, req.Settings, progress)
	if errors.Is(err, ingest.ErrSplit) {
		clear(asks) // answers to come are not waited for
		return true
	}
	answerLoad(req, doc, err)
	return false
}

// splitHandle is retentionHandle for a load in two parts (see handle): it
// returns a Promise of {whole: true} when the engine is to read the whole
// file instead, once its rest has come.
func splitHandle(req report.Request, counts sheet.Counts) js.Value {
	data := splitRoom[:splitCut]
	req.Settings.Stream = stream
	stream = nil
	return js.Global().Get("Promise").New(js.FuncOf(func(this js.Value, args []js.Value) any {
		resolve := args[0]
		go func() {
			whole := handleSplit(req, data, counts)
			// The rest of the file comes after the first part.
			received = splitRoom[:splitCut]
			resolve.Invoke(map[string]any{"whole": whole})
		}()
		return nil
	}))
}

// countsOf reads {nl, cr, delims, lines}.
func countsOf(v js.Value) sheet.Counts {
	return sheet.Counts{NL: int64(v.Get("nl").Float()), CR: int64(v.Get("cr").Float()), Delims: int64(v.Get("delims").Float()), Lines: v.Get("lines").Int()}
}

// The tail's side (the second worker): retentionTailReserve(n) readies
// room for its part's n bytes, retentionTailAppend(chunk) adds a
// Uint8Array to it, retentionTailComma(c) gives the engine's delimiter;
// retentionTailEnd() parses the rest and returns {nl, cr, delims, lines,
// rows} or {error}; retentionTailHandle(bytes) answers one of the
// engine's requests: a Uint8Array, or {error}.
func registerTail(self js.Value) {
	var room []byte
	var st *sheet.Stream
	var tail *ingest.Tail
	self.Set("retentionTailReserve", js.FuncOf(func(this js.Value, args []js.Value) any {
		room, tail = nil, nil
		runtime.GC()
		room = worker.Room(max(0, args[0].Int()))
		st = sheet.NewTailStream(room, limits.Browser)
		return nil
	}))
	self.Set("retentionTailAppend", js.FuncOf(func(this js.Value, args []js.Value) any {
		n := args[0].Get("byteLength").Int()
		if st == nil || len(room)+n > cap(room) {
			st = nil
			return false
		}
		at := len(room)
		room = room[:at+n]
		js.CopyBytesToGo(room[at:], args[0])
		st.Fed(room)
		return true
	}))
	self.Set("retentionTailComma", js.FuncOf(func(this js.Value, args []js.Value) any {
		if st != nil {
			st.SetComma(byte(args[0].Int()))
		}
		return nil
	}))
	self.Set("retentionTailEnd", js.FuncOf(func(this js.Value, args []js.Value) any {
		if st == nil {
			return map[string]any{"error": "the part did not come whole"}
		}
		t, c, err := st.TailRows()
		st = nil
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		tail = ingest.NewTail(t)
		return map[string]any{"nl": float64(c.NL), "cr": float64(c.CR), "delims": float64(c.Delims), "lines": c.Lines, "rows": t.Len()}
	}))
	self.Set("retentionTailHandle", js.FuncOf(func(this js.Value, args []js.Value) any {
		if tail == nil {
			return map[string]any{"error": "no rows read"}
		}
		req := make([]byte, args[0].Get("byteLength").Int())
		js.CopyBytesToGo(req, args[0])
		b, err := tail.Handle(req)
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		out := js.Global().Get("Uint8Array").New(len(b))
		js.CopyBytesToJS(out, b)
		return out
	}))
}
