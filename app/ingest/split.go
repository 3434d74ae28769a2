package ingest

import (
	"fmt"
	"strings"
	"time"

	"retention/app/columns"
	"retention/app/parse"
	"retention/app/sheet"
	"retention/app/wordwise"
)

// A large text file is read by two workers at once, each its own part of
// the bytes: the engine the header and the rows of the file's first part
// (t), a worker of its own (the tail's) the rows after them (Tail). The
// engine asks the tail for what it needs of those rows: a sample of them
// to tell the columns apart, their distinct dates and numbers to decide
// the formats, and then the orders they make, which both build at once
// with the same code (orders.run). FromParts gives exactly what FromTable
// gives for the whole table:
//
//   - the columns are told apart from the rows Detect reads of the whole
//     table, the tail's among them;
//   - the formats are decided from each column's distinct values in the
//     order the whole table holds them: the first part's, then the
//     tail's not among them;
//   - the tail's first rows may continue the first part's last order
//     (lines with no order id): the tail gives them to an order of its
//     own that stands for that one (the sentinel, whose id no cell has);
//   - the tail's orders new to the engine come after its own, in the
//     order the tail first met them; their products and categories are
//     numbered again in the engine's names, the tail's names new to it
//     after its own;
//   - an order with rows in both parts (the sentinel's, or an id both
//     have) is not added up from two sums, which would add its amounts in
//     another order than one pass: the engine sends the tail that order
//     as it stands after its own rows, and the tail reads its rows of it
//     again into that (replay), as one pass would read them after the
//     engine's.
//   - the rows the tail skipped come after the engine's.

// Link is how the engine asks the tail's worker: it sends a request, and
// the function it returns waits for the answer. A nil request tells the
// tail that the engine needs it no more (its memory can go): its answer
// is not waited for.
type Link func(req []byte) (wait func() ([]byte, error))

// The requests of the engine to a tail.
const (
	opSample = iota + 1 // the rows Detect reads: {first part's rows} → {rows, cells of each}
	opFacts             // {columns to look for a value in, columns' distinct values} → {found, values}
	opOrders            // {how to read the rows} → {names, orders, skipped rows}
	opReplay            // {orders to read again into} → {those orders}
)

// sentinelID is the id of the tail's order that stands for the first
// part's last one: no cell's, since a cell is trimmed.
const sentinelID = " "

// Tail is the rows of the second part of a file read by two workers: its
// rows from a line break on, read with the file's delimiter and no
// header, their lines counted from 1 (the engine gives the lines before).
type Tail struct {
	t    *sheet.Table
	vals []values
	o    *orders
}

// NewTail is the tail of the rows of t.
func NewTail(t *sheet.Table) *Tail { return &Tail{t: t} }

// Handle answers a request of the engine (FromParts).
func (p *Tail) Handle(req []byte) ([]byte, error) {
	r := &win{b: req}
	w := &wout{}
	switch op := r.u8(); op {
	case opSample:
		first := r.int()
		if err := r.done(); err != nil {
			return nil, err
		}
		n := p.t.Len()
		step := columns.SampleStep(first + n)
		w.int(n)
		var rows [][]string
		for i := (first + step - 1) / step * step; i < first+n; i += step {
			rows = append(rows, p.t.Row(i-first))
		}
		w.u32(uint32(len(rows)))
		for _, row := range rows {
			w.strs(row)
		}
	case opFacts:
		filledCols, cols := r.ints(), r.ints()
		if err := r.done(); err != nil {
			return nil, err
		}
		for _, c := range filledCols {
			w.bool(c >= 0 && filled(p.t, c))
		}
		p.vals = distinctOf(p.t, cols...)
		for _, v := range p.vals {
			w.strs(v.vals)
		}
	case opOrders:
		if p.vals == nil {
			return nil, fmt.Errorf("%w: the tail was asked for its orders before its values", ErrSplit)
		}
		if err := p.orders(r, w); err != nil {
			return nil, err
		}
	case opReplay:
		if p.o == nil {
			return nil, fmt.Errorf("%w: the tail was asked to read orders again before it read them", ErrSplit)
		}
		if err := p.replay(r, w); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%w: no request %d of a tail", ErrSplit, op)
	}
	return w.bytes(), nil
}

// plan is how the engine tells the tail to read its rows: as it reads its
// own.
type plan struct {
	header      []string
	c           cols
	byName      bool
	amountMarks bool
	df, rdf     parse.DateFormat
	nf          parse.NumberFormat
	lines       int  // the lines before the tail's
	prev        bool // the first part has rows: the tail's first may continue its last order
	loc         string
	latest      time.Time
}

func (c *cols) list() []*int {
	return []*int{&c.order, &c.customer, &c.email, &c.date, &c.total, &c.qty, &c.price, &c.status, &c.currency,
		&c.product, &c.category, &c.country, &c.name, &c.address, &c.txnType, &c.returned, &c.refunded, &c.refundDate, &c.adjusted}
}

func (pl *plan) write(w *wout) {
	w.strs(pl.header)
	for _, v := range pl.c.list() {
		w.int(*v)
	}
	w.bool(pl.byName)
	w.bool(pl.amountMarks)
	w.u32(pl.df.Pack())
	w.u32(pl.rdf.Pack())
	w.u32(uint32(pl.nf.Decimal))
	w.u32(uint32(pl.nf.Group))
	w.int(pl.lines)
	w.bool(pl.prev)
	w.str(pl.loc)
	w.time(pl.latest)
}

func (pl *plan) read(r *win) error {
	pl.header = r.strs()
	for _, v := range pl.c.list() {
		*v = r.int()
	}
	pl.byName = r.bool()
	pl.amountMarks = r.bool()
	pl.df = parse.UnpackDateFormat(r.u32())
	pl.rdf = parse.UnpackDateFormat(r.u32())
	pl.nf = parse.NumberFormat{Decimal: rune(r.u32()), Group: rune(r.u32())}
	pl.lines = r.int()
	pl.prev = r.bool()
	pl.loc = r.str()
	pl.latest = r.time(time.UTC)
	return r.done()
}

// orders reads the tail's rows as the plan says, and writes its names,
// its orders (the sentinel first, if any) and the rows it skipped.
func (p *Tail) orders(r *win, w *wout) error {
	var pl plan
	if err := pl.read(r); err != nil {
		return err
	}
	loc, err := time.LoadLocation(pl.loc)
	if err != nil {
		return err
	}
	hdr := func(i int) string {
		if i < 0 || i >= len(pl.header) {
			return ""
		}
		return pl.header[i]
	}
	o := newOrders(pl.c, hdr, Options{Location: loc, Latest: pl.latest}, pl.df, pl.rdf, pl.nf, pl.byName, pl.amountMarks, p.vals)
	p.o = o
	o.lines = pl.lines
	o.rowAgg = make([]int32, p.t.Len())
	for i := range o.rowAgg {
		o.rowAgg[i] = -1
	}
	if pl.prev {
		o.orderIDs.ID(sentinelID)
		o.prev = o.newAgg(sentinelID)
	}
	o.run(p.t, nil)
	size := 64
	for _, s := range o.names.List {
		size += 4 + len(s)
	}
	for _, a := range o.seq {
		size += aggSize(a, int(a.products.n), int(a.cats.n))
	}
	w.room(size)
	w.bool(pl.prev)
	w.strs(o.names.List)
	w.u32(uint32(len(o.seq)))
	for _, a := range o.seq {
		w.agg(a, o.products.values(&a.products), o.cats.values(&a.cats))
	}
	w.u32(uint32(len(o.sk.list)))
	for i, k := range o.sk.list {
		w.str(string(k.Code))
		w.str(k.Reason)
		w.str(k.Column)
		w.int(k.Rows)
		w.ints(k.Examples)
		w.strs(o.sk.values[i])
	}
	return nil
}

// replay reads the rows of the orders the engine gives again, into the
// orders as the engine has them: {k, j} pairs (the tail's order k is the
// engine's j), then the engine's orders j. It writes those orders back.
func (p *Tail) replay(r *win, w *wout) error {
	o := p.o
	pairs := r.ints()
	n := r.n(1)
	into := make(map[int]*agg, n)
	var js []int
	for range n {
		j := r.int()
		a := new(agg)
		r.agg(a, o.loc)
		a.products, a.cats = listRef{}, listRef{}
		into[j] = a
		js = append(js, j)
	}
	if err := r.done(); err != nil {
		return err
	}
	if len(pairs)%2 != 0 {
		return errCut
	}
	fixed := make([]*agg, len(o.seq))
	for i := 0; i < len(pairs); i += 2 {
		k, j := pairs[i], pairs[i+1]
		if k < 0 || k >= len(fixed) || into[j] == nil {
			return fmt.Errorf("%w: the tail has no order %d to read into the engine's %d", ErrSplit, k, j)
		}
		fixed[k] = into[j]
	}
	o.run(p.t, fixed)
	w.u32(uint32(len(js)))
	for _, j := range js {
		a := into[j]
		w.int(j)
		w.agg(a, o.products.values(&a.products), o.cats.values(&a.cats))
	}
	return nil
}

// tailLink is the engine's side of a tail: how to ask it, its rows, and
// the lines of the file before its first.
type tailLink struct {
	link  Link
	rows  int
	lines int
}

// ask sends a request and waits for its answer.
func (tl *tailLink) ask(w *wout) (*win, error) {
	b, err := tl.link(w.bytes())()
	if err != nil {
		return nil, err
	}
	return &win{b: b}, nil
}

// facts asks the tail whether each column of filledCols has a value in
// one of its rows, and for the distinct values of cols; the function it
// returns waits for the answer.
func (tl *tailLink) facts(filledCols, cols []int) func() ([]bool, [][]string, error) {
	w := &wout{}
	w.u8(opFacts)
	w.ints(filledCols)
	w.ints(cols)
	wait := tl.link(w.bytes())
	return func() ([]bool, [][]string, error) {
		b, err := wait()
		if err != nil {
			return nil, nil, err
		}
		return readFacts(&win{b: b}, len(filledCols), len(cols))
	}
}

// readFacts reads the tail's answer to opFacts.
func readFacts(r *win, filledCols, cols int) ([]bool, [][]string, error) {
	found := make([]bool, filledCols)
	for i := range found {
		found[i] = r.bool()
	}
	vals := make([][]string, cols)
	for i := range vals {
		vals[i] = r.strs()
	}
	return found, vals, r.done()
}

// joinValues is a column's distinct values over both parts: the first
// part's, then the tail's not among them, as one pass numbers them. The
// first part's rows keep their numbers.
func joinValues(v values, tail []string) values {
	if len(tail) == 0 {
		return v
	}
	var seen wordwise.Index
	for _, s := range v.vals {
		seen.ID(s)
	}
	out := v.vals[:len(v.vals):len(v.vals)]
	for _, s := range tail {
		if _, isNew := seen.ID(s); isNew {
			out = append(out, s)
		}
	}
	v.vals = out
	return v
}

// merge reads the tail's orders (its answer to opOrders) into o, which
// holds the first part's: see FromParts.
func (o *orders) merge(tl *tailLink, r *win) error {
	sentinel := r.bool()
	names := r.strs()
	remap := make([]int32, len(names))
	for i, s := range names {
		remap[i], _ = o.names.ID(s)
	}
	list := func(d *distinctLists, l *listRef, ids []byte) error {
		for k := range len(ids) / 4 {
			v := word(ids, k)
			if v < 0 || int(v) >= len(remap) {
				return errCut
			}
			d.add(l, remap[v])
		}
		return nil
	}
	// An order new here: its lists, distinct there, are distinct here.
	fill := func(d *distinctLists, l *listRef, ids []byte) error {
		out := d.fill(l, len(ids)/4)
		for k := range out {
			v := word(ids, k)
			if v < 0 || int(v) >= len(remap) {
				return errCut
			}
			out[k] = remap[v]
		}
		return nil
	}
	n := r.n(1)
	var pairs []int            // the tail's order k, the engine's j
	var targets []int          // the engine's orders j, each once
	isTarget := map[int]bool{} // of targets
	for k := range n {
		var a agg
		products, cats := r.agg(&a, o.loc)
		if r.err != nil {
			return r.err
		}
		var into *agg
		switch {
		case k == 0 && sentinel:
			if a.rows == 0 {
				continue // its rows were skipped, or it has none
			}
			into = o.prev
		default:
			// The ids are looked up, not numbered: the index serves no
			// row after the merge, and the tail's ids are each once.
			if j, ok := o.orderIDs.Find(a.id); ok {
				into = o.seq[j]
				break
			}
			b := o.newAgg(a.id)
			at := b.n
			*b = a
			b.n, b.products, b.cats = at, listRef{}, listRef{}
			if err := fill(&o.products, &b.products, products); err != nil {
				return err
			}
			if err := fill(&o.cats, &b.cats, cats); err != nil {
				return err
			}
			continue
		}
		if into == nil {
			return fmt.Errorf("%w: the tail continues an order the first part does not have", ErrSplit)
		}
		pairs = append(pairs, k, int(into.n))
		if !isTarget[int(into.n)] {
			isTarget[int(into.n)] = true
			targets = append(targets, int(into.n))
		}
	}
	// The rows the tail skipped, after the engine's, as if skipped here.
	for i, m := 0, r.n(1); i < m; i++ {
		code, reason, column := SkipCode(r.str()), r.str(), r.str()
		e := o.sk.entry(code, reason, column)
		o.sk.list[e].Rows += r.int()
		ex, vals := r.ints(), r.strs()
		if len(vals) != len(ex) || len(ex) > maxExamples {
			return errCut
		}
		for x, line := range ex {
			o.sk.example(e, int32(line), vals[x])
		}
	}
	if err := r.done(); err != nil {
		return err
	}
	if len(pairs) == 0 {
		return nil
	}

	// The orders with rows in both parts: the tail reads its rows of them
	// again, into them as they are here.
	w := &wout{}
	w.u8(opReplay)
	w.ints(pairs)
	w.u32(uint32(len(targets)))
	for _, j := range targets {
		w.int(j)
		w.agg(o.seq[j], nil, nil)
	}
	r, err := tl.ask(w)
	if err != nil {
		return err
	}
	for range r.n(1) {
		j := r.int()
		if !isTarget[j] {
			return fmt.Errorf("%w: the tail gave back order %d, not asked for", ErrSplit, j)
		}
		var a agg
		products, cats := r.agg(&a, o.loc)
		if r.err != nil {
			return r.err
		}
		b := o.seq[j]
		at, ps, cs := b.n, b.products, b.cats
		*b = a
		b.n, b.products, b.cats = at, ps, cs
		if err := list(&o.products, &b.products, products); err != nil {
			return err
		}
		if err := list(&o.cats, &b.cats, cats); err != nil {
			return err
		}
	}
	return r.done()
}

// partCells are the rows Detect reads of a table in two parts: the first
// part's own, the tail's sampled ones as the tail gave them.
type partCells struct {
	t     *sheet.Table
	n     int        // the rows of both parts
	first int        // the index of the first of tail
	step  int        // between the rows of tail
	tail  [][]string // the tail's rows Detect reads
}

func (p *partCells) Len() int { return p.n }

func (p *partCells) Cell(r, c int) string {
	if r < p.t.Len() {
		return p.t.Cell(r, c)
	}
	if (r-p.first)%p.step != 0 {
		panic(fmt.Sprintf("ingest: row %d of a table in two parts is not among those sampled", r))
	}
	row := p.tail[(r-p.first)/p.step]
	if c < 0 || c >= len(row) {
		return ""
	}
	return row[c]
}

// FromParts builds the dataset of a file read in two parts: t, the
// header and the first part's rows, and the rows of the tail its link
// reaches, which come after lines lines of the file. It gives what
// FromTable gives for the whole table; the Result's Table is t.
func FromParts(t *sheet.Table, lines int, link Link, opt Options) (*Result, error) {
	tl := &tailLink{link: link, lines: lines}
	w := &wout{}
	w.u8(opSample)
	w.int(t.Len())
	r, err := tl.ask(w)
	if err != nil {
		return nil, err
	}
	tl.rows = r.int()
	cells := &partCells{t: t, n: t.Len() + tl.rows, step: columns.SampleStep(t.Len() + tl.rows)}
	cells.first = (t.Len() + cells.step - 1) / cells.step * cells.step
	for range r.n(4) {
		cells.tail = append(cells.tail, r.strs())
	}
	if err := r.done(); err != nil {
		return nil, err
	}
	if want := (cells.n - cells.first + cells.step - 1) / cells.step; cells.first < cells.n && len(cells.tail) != want {
		return nil, fmt.Errorf("%w: the tail gave %d sampled rows, not %d", ErrSplit, len(cells.tail), want)
	}
	m := columns.Detect(t.Header, cells)
	return fromMapping(t, m, tl, opt)
}

// fromMapping is FromTable's and FromParts's end: the mapping as the
// options set it, and the orders.
func fromMapping(t *sheet.Table, m columns.Mapping, tl *tailLink, opt Options) (*Result, error) {
	for role, col := range opt.Map {
		if strings.TrimSpace(col) == "" {
			m.Unset(role)
			continue
		}
		i, err := columns.FindColumn(t.Header, col)
		if err != nil {
			return nil, fmt.Errorf("Cannot set %s: %w", role, err)
		}
		m.Set(role, i, t.Header[i])
	}
	res := &Result{Table: t, Mapping: m}
	ds, rep, err := build(t, m, tl, opt)
	res.Report = rep
	if err != nil {
		// The table and mapping stay, so the user can be shown what was
		// read and choose the columns.
		return res, err
	}
	res.Dataset = ds
	return res, nil
}
