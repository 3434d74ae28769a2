package ingest

import (
	"encoding/binary"
	"fmt"
	"math"
	"time"
	"unsafe"
)

// The messages between the engine and a tail's worker (FromParts, Tail)
// are bytes: numbers little-endian, a string or a list after its length.

// errCut is a message that ends before what it should hold. It, and
// every message between the parts that does not read, is ErrSplit: the
// engine then reads the whole file itself.
var errCut = fmt.Errorf("%w: a message between the parts of a file is cut short", ErrSplit)

// wout writes a message into b, whose length is its room: n bytes are
// written. (In WebAssembly an append of a few bytes at a time was most of
// the tail's answer's time: 0.6 s for x10's 92,000 orders.)
type wout struct {
	b []byte
	n int
}

// room makes room for k more bytes.
func (w *wout) room(k int) {
	if w.n+k > len(w.b) {
		b := make([]byte, max(2*len(w.b), w.n+k, 256))
		copy(b, w.b[:w.n])
		w.b = b
	}
}

// bytes is the message written.
func (w *wout) bytes() []byte { return w.b[:w.n] }

func (w *wout) u8(v uint8) {
	w.room(1)
	w.b[w.n] = v
	w.n++
}
func (w *wout) u32(v uint32) {
	w.room(4)
	binary.LittleEndian.PutUint32(w.b[w.n:], v)
	w.n += 4
}
func (w *wout) i32(v int32) { w.u32(uint32(v)) }
func (w *wout) u64(v uint64) {
	w.room(8)
	binary.LittleEndian.PutUint64(w.b[w.n:], v)
	w.n += 8
}
func (w *wout) int(v int)     { w.u64(uint64(int64(v))) }
func (w *wout) f64(v float64) { w.u64(math.Float64bits(v)) }
func (w *wout) bool(v bool) {
	if v {
		w.u8(1)
	} else {
		w.u8(0)
	}
}
func (w *wout) str(s string) {
	w.room(4 + len(s))
	binary.LittleEndian.PutUint32(w.b[w.n:], uint32(len(s)))
	w.n += 4 + copy(w.b[w.n+4:], s)
}
func (w *wout) strs(ss []string) {
	w.u32(uint32(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}
func (w *wout) ints(vs []int) {
	w.u32(uint32(len(vs)))
	for _, v := range vs {
		w.int(v)
	}
}
func (w *wout) i32s(vs []int32) {
	w.room(4 + 4*len(vs))
	binary.LittleEndian.PutUint32(w.b[w.n:], uint32(len(vs)))
	w.n += 4
	for _, v := range vs {
		binary.LittleEndian.PutUint32(w.b[w.n:], uint32(v))
		w.n += 4
	}
}

// time writes t as its instant: the reader gives it in its location.
func (w *wout) time(t time.Time) {
	if t.IsZero() {
		w.u8(0)
		return
	}
	w.u8(1)
	w.int(int(t.Unix()))
	w.i32(int32(t.Nanosecond()))
}

type win struct {
	b   []byte
	err error
}

func (r *win) take(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.err = errCut
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *win) u8() uint8 {
	if b := r.take(1); b != nil {
		return b[0]
	}
	return 0
}
func (r *win) u32() uint32 {
	if b := r.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}
func (r *win) i32() int32 { return int32(r.u32()) }
func (r *win) int() int {
	if b := r.take(8); b != nil {
		return int(int64(binary.LittleEndian.Uint64(b)))
	}
	return 0
}
func (r *win) f64() float64 {
	if b := r.take(8); b != nil {
		return math.Float64frombits(binary.LittleEndian.Uint64(b))
	}
	return 0
}
func (r *win) bool() bool { return r.u8() != 0 }

// n is a list's length, at most what the message can still hold of
// items of at least size bytes each.
func (r *win) n(size int) int {
	n := int(r.u32())
	if r.err == nil && n*size > len(r.b) {
		r.err = errCut
		return 0
	}
	return n
}

// str is a string of the message's bytes, not a copy: a message is
// never written to once it has come, and its strings keep it.
func (r *win) str() string {
	n := r.n(1)
	b := r.take(n)
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// words is a list of int32 as its bytes, 4 each (see word).
func (r *win) words() []byte {
	n := r.n(4)
	return r.take(4 * n)
}

// word is the k-th int32 of a list of words.
func word(b []byte, k int) int32 { return int32(binary.LittleEndian.Uint32(b[4*k:])) }
func (r *win) strs() []string {
	n := r.n(4)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}
func (r *win) ints() []int {
	n := r.n(8)
	if n == 0 {
		return nil
	}
	out := make([]int, n)
	for i := range out {
		out[i] = r.int()
	}
	return out
}
func (r *win) i32s() []int32 {
	n := r.n(4)
	if n == 0 {
		return nil
	}
	out := make([]int32, n)
	for i := range out {
		out[i] = r.i32()
	}
	return out
}
func (r *win) time(loc *time.Location) time.Time {
	if r.u8() == 0 {
		return time.Time{}
	}
	sec := r.int()
	nsec := r.i32()
	return time.Unix(int64(sec), int64(nsec)).In(loc)
}

// done is the error of a message read whole, nil when it held what it
// should, no less and no more.
func (r *win) done() error {
	if r.err == nil && len(r.b) > 0 {
		return fmt.Errorf("%w: a message between the parts of a file is longer than it should be", ErrSplit)
	}
	return r.err
}

// The flags of an order, one bit each.
const (
	flagHasTime = 1 << iota
	flagHasTotal
	flagTotalDiff
	flagHasStatus
	flagLive
	flagCreditID
	flagReturnedPrice
	flagHasRefunded
	flagRefundedDiff
)

// aggSize is about how many bytes wout.agg writes of a: the room made
// for a message of many, so that it is not grown (and the heap collected)
// as it is written.
func aggSize(a *agg, products, cats int) int {
	return 160 + len(a.id) + len(a.customer) + len(a.email) + len(a.name) + len(a.country) + len(a.status) +
		len(a.currency) + len(a.refundKey) + 4*(products+cats+int(a.nLines))
}

// agg writes an order and its lists of names (as ids of the names of
// its side).
func (w *wout) agg(a *agg, products, cats []int32) {
	w.str(a.id)
	w.str(a.customer)
	w.str(a.email)
	w.str(a.name)
	w.str(a.country)
	w.str(a.status)
	w.str(a.currency)
	w.time(a.time)
	w.f64(a.total)
	w.f64(a.lineSum)
	w.f64(a.qty)
	w.i32s(products)
	w.i32s(cats)
	w.i32(a.rows)
	w.i32s(a.lines[:a.nLines])
	w.i32(a.saleRows)
	w.i32(a.refundRows)
	w.f64(a.refund)
	w.time(a.refundTime)
	w.str(a.refundKey)
	w.f64(a.returned)
	w.f64(a.returnedValue)
	w.f64(a.refundedFirst)
	w.f64(a.refundedSum)
	w.time(a.refundedAt)
	f := bit(a.hasTime, flagHasTime) | bit(a.hasTotal, flagHasTotal) | bit(a.totalDiff, flagTotalDiff) |
		bit(a.hasStatus, flagHasStatus) | bit(a.live, flagLive) | bit(a.creditID, flagCreditID) |
		bit(a.returnedPrice, flagReturnedPrice) | bit(a.hasRefunded, flagHasRefunded) | bit(a.refundedDiff, flagRefundedDiff)
	w.u32(f)
}

// bit is f when on, else 0.
func bit(on bool, f uint32) uint32 {
	if on {
		return f
	}
	return 0
}

// agg reads an order as wout.agg wrote it, into a, with its lists as
// words.
func (r *win) agg(a *agg, loc *time.Location) (products, cats []byte) {
	a.id = r.str()
	a.customer = r.str()
	a.email = r.str()
	a.name = r.str()
	a.country = r.str()
	a.status = r.str()
	a.currency = r.str()
	a.time = r.time(loc)
	a.total = r.f64()
	a.lineSum = r.f64()
	a.qty = r.f64()
	products = r.words()
	cats = r.words()
	a.rows = r.i32()
	lines := r.i32s()
	if len(lines) > maxExamples {
		r.err = errCut
		lines = nil
	}
	a.nLines = int32(copy(a.lines[:], lines))
	a.saleRows = r.i32()
	a.refundRows = r.i32()
	a.refund = r.f64()
	a.refundTime = r.time(loc)
	a.refundKey = r.str()
	a.returned = r.f64()
	a.returnedValue = r.f64()
	a.refundedFirst = r.f64()
	a.refundedSum = r.f64()
	a.refundedAt = r.time(loc)
	f := r.u32()
	a.hasTime, a.hasTotal, a.totalDiff = f&flagHasTime != 0, f&flagHasTotal != 0, f&flagTotalDiff != 0
	a.hasStatus, a.live, a.creditID = f&flagHasStatus != 0, f&flagLive != 0, f&flagCreditID != 0
	a.returnedPrice, a.hasRefunded, a.refundedDiff = f&flagReturnedPrice != 0, f&flagHasRefunded != 0, f&flagRefundedDiff != 0
	return products, cats
}
