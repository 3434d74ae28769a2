//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"

	"retention/app/report"
	"retention/app/worker"
)

// inflating is a workbook's parts as web/worker.js inflates them, after
// the workbook's bytes (the received buffer): the parts inflated whole,
// and the one on its way.
var inflating *partsIn

type partsIn struct {
	parts map[int64][]byte
	at    int64  // the entry of the part on its way
	part  []byte // its content so far, in room of its size
}

// registerParts gives web/worker.js the functions that hand the engine a
// workbook's parts inflated by the browser (see xlsx.Parts), once the
// workbook's bytes are received:
//
//	retentionParts(req): the entries of the received workbook the browser
//	  may inflate for req (worker.Entries), [{at, compressed, size, crc}],
//	  each the offset of its deflate data in the file, its length, the
//	  content's size and CRC-32 that the zip's directory states;
//	retentionPart(at, size): a part begins, of size bytes;
//	retentionPartAppend(chunk): a Uint8Array of its content (past size,
//	  the part is dropped);
//	retentionPartDone(): the browser checked the part whole (its CRC-32
//	  and size are the entry's); it is kept if it is size bytes (true).
//
// A part not done is dropped when the next begins or the request is
// handled; a new file (retentionReserve) drops them all.
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
		inflating = &partsIn{parts: map[int64][]byte{}}
		return out
	}))
	self.Set("retentionPart", js.FuncOf(func(this js.Value, args []js.Value) any {
		if inflating != nil {
			inflating.at, inflating.part = int64(args[0].Float()), make([]byte, 0, max(0, args[1].Int()))
		}
		return nil
	}))
	self.Set("retentionPartAppend", js.FuncOf(func(this js.Value, args []js.Value) any {
		if inflating == nil || inflating.part == nil {
			return nil
		}
		p := inflating.part
		n := args[0].Get("byteLength").Int()
		if len(p)+n > cap(p) {
			inflating.part = nil
			return nil
		}
		js.CopyBytesToGo(p[len(p):len(p)+n], args[0])
		inflating.part = p[:len(p)+n]
		return nil
	}))
	self.Set("retentionPartDone", js.FuncOf(func(this js.Value, args []js.Value) any {
		if inflating == nil || inflating.part == nil || len(inflating.part) != cap(inflating.part) {
			return false
		}
		inflating.parts[inflating.at] = inflating.part
		inflating.part = nil
		return true
	}))
}
