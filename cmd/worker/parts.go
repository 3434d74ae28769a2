//go:build js && wasm

package main

import (
	"encoding/json"
	"errors"
	"io"
	"syscall/js"

	"retention/app/report"
	"retention/app/sheet"
	"retention/app/worker"
)

// registerParts gives web/worker.js retentionParts(req): the entries of
// the received workbook (received) that the browser may inflate for req
// (worker.Entries), [{at, compressed, size, crc}]: each the offset of its
// deflate data in the file, its length, and the size and CRC-32 of the
// content that the zip's directory states.
func registerParts(self js.Value, received *[]byte) {
	self.Set("retentionParts", js.FuncOf(func(this js.Value, args []js.Value) any {
		out := []any{}
		var req report.Request
		if len(args) == 0 || json.Unmarshal([]byte(args[0].String()), &req) != nil {
			return out
		}
		for _, e := range worker.Entries(req, *received) {
			out = append(out, map[string]any{"at": float64(e.Offset), "compressed": float64(e.Compressed), "size": float64(e.Size), "crc": float64(e.CRC32)})
		}
		return out
	}))
}

// partsOf makes the parts web/worker.js inflated ([{at, size}], kept in
// its memory) the engine's (sheet.Parts).
func partsOf(list js.Value) sheet.Parts {
	parts := sheet.Parts{}
	for i := 0; i < list.Length(); i++ {
		p := &jsPart{at: int64(list.Index(i).Get("at").Float()), size: int64(list.Index(i).Get("size").Float())}
		parts[p.at] = p
	}
	return parts
}

// jsPart is an entry's content in web/worker.js's memory (an xlsx.Part):
// read with retentionPartBytes(at, off, n), which gives at most n bytes
// from off as a Uint8Array, let go of up to n with
// retentionPartForget(at, n) as its last read goes (xlsx.Forgetter), and
// whole with retentionPartDrop(at) once read to its end.
type jsPart struct {
	at, size int64
	forgot   int64 // what retentionPartForget was last told
}

// forgetStep is how much more a jsPart reads before it tells
// web/worker.js again what it may forget: the worker frees its pieces of
// 4 MiB (its stageBytes) whole, and a call for each block the sheet's
// scanner reads (256 KiB) would be 16 calls for one piece.
const forgetStep = 4 << 20

func (p *jsPart) Forget(n int64) {
	if n-p.forgot >= forgetStep {
		js.Global().Call("retentionPartForget", float64(p.at), float64(n))
		p.forgot = n
	}
}

var errPartGone = errors.New("the inflated part is no longer in the worker")

func (p *jsPart) Size() int64 { return p.size }

func (p *jsPart) ReadAt(b []byte, off int64) (int, error) {
	n := 0
	for n < len(b) && off < p.size {
		v := js.Global().Call("retentionPartBytes", float64(p.at), float64(off), min(len(b)-n, int(p.size-off)))
		m := js.CopyBytesToGo(b[n:], v)
		if m == 0 {
			return n, errPartGone
		}
		n += m
		off += int64(m)
	}
	if n < len(b) {
		return n, io.EOF
	}
	return n, nil
}

func (p *jsPart) Close() error {
	js.Global().Call("retentionPartDrop", float64(p.at))
	return nil
}
