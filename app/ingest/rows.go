package ingest

import (
	"math"
	"strconv"
	"strings"
	"time"

	"retention/app/columns"
	"retention/app/parse"
	"retention/app/report"
	"retention/app/sheet"
	"retention/app/wordwise"
)

// orders are the orders a table's rows make as they are read, and what
// reading them needs: build's loop over the rows (run), kept apart so
// that the two parts of a file split by byte ranges run the same code
// (see Tail).
type orders struct {
	// How the rows are read, set before them.
	c           cols
	hdr         func(int) string
	loc         *time.Location
	opt         Options
	df, rdf     parse.DateFormat
	nf          parse.NumberFormat
	byName      bool
	amountMarks bool // the amounts' currency marks are read row by row

	// Each distinct date and number read once (newOrders): a row's is
	// looked up by its number (values.at).
	orderDates                                 *dates
	totals, prices, qtys, refundeds, adjusteds *numbers

	sk         skips
	orderIDs   wordwise.Index // the orders' ids, numbered as seq (not a tail's merged: merge)
	seq        []*agg         // orders in order of first appearance
	aggs       []agg          // the block seq's next orders are made in
	prev       *agg           // the order of the row before
	products   distinctLists
	cats       distinctLists
	names      wordwise.Index // the products' and categories' names
	numericIDs int            // orders whose id is a number
	creditIDs  int            // orders whose id is C and a number

	// A tail's (Tail): the lines of the file before its table's, and the
	// order of each row, as its index in seq, or -1 for a row skipped.
	lines  int
	rowAgg []int32
}

// newOrders readies the reading of rows in the formats decided, their
// distinct values (vals, as build's distinctOf gives them) read once.
func newOrders(c cols, hdr func(int) string, opt Options, df, rdf parse.DateFormat, nf parse.NumberFormat, byName, amountMarks bool, vals []values) *orders {
	o := &orders{c: c, hdr: hdr, opt: opt, loc: opt.Location, df: df, rdf: rdf, nf: nf, byName: byName, amountMarks: amountMarks}
	if o.loc == nil {
		o.loc = time.UTC
	}
	// The products' and categories' names, the first MiB of them copied
	// together (see wordwise.Index.CopyUpTo): Online Retail's 4,000-odd
	// product names, looked up for each of its 541,909 lines.
	o.names = wordwise.Index{CopyUpTo: 1 << 20}
	o.orderDates = readDates(vals[0], df, o.loc, opt.Latest)
	o.totals, o.prices, o.qtys = readNumbers(vals[1], nf), readNumbers(vals[2], nf), readNumbers(vals[3], nf)
	o.refundeds, o.adjusteds = readNumbers(vals[4], nf), readNumbers(vals[5], nf)
	return o
}

// newAgg makes the order of id, next in seq.
func (o *orders) newAgg(id string) *agg {
	if len(o.aggs) == cap(o.aggs) {
		o.aggs = make([]agg, 0, aggBlock)
	}
	o.aggs = o.aggs[:len(o.aggs)+1]
	a := &o.aggs[len(o.aggs)-1]
	a.id = id
	a.n = int32(len(o.seq))
	o.seq = append(o.seq, a)
	if o.c.order >= 0 && id != "" {
		if isDigits(id) {
			o.numericIDs++
		} else if len(id) > 1 && (id[0] == 'C' || id[0] == 'c') && isDigits(id[1:]) {
			o.creditIDs++
			a.creditID = true
		}
	}
	return a
}

// run reads the rows of t into orders. With fixed (a tail's replay, see
// Tail), it reads only the rows whose order (rowAgg) fixed gives another
// one (fixed[k] for the order seq[k]), into that one instead.
func (o *orders) run(t *sheet.Table, fixed []*agg) {
	c, hdr, loc, opt, df, rdf, nf, byName := o.c, o.hdr, o.loc, o.opt, o.df, o.rdf, o.nf, o.byName
	sk := &o.sk
	orderDates, totals, prices, qtys, refundeds, adjusteds := o.orderDates, o.totals, o.prices, o.qtys, o.refundeds, o.adjusteds
	rowAgg := o.rowAgg
	if fixed != nil {
		rowAgg = nil // kept as they are
	}
	var into *agg // the order of row r given (fixed), else nil
	dateCache := map[string]time.Time{}
	var lastDateS string
	var lastDate time.Time
	lastPlausible := false

	// The cells of row r by role, "" for a role no column plays.
	var rec sheet.Record
	// Trim gives "" for a column below 0: a role no column plays.
	cell := func(i int) string { return rec.Trim(i) }
	var line int // of row r
	parseNum := func(i int, what string) (float64, bool, bool) {
		s := cell(i)
		if s == "" {
			return 0, false, true
		}
		v, err := nf.Parse(s)
		if !finite(v, err) {
			sk.add(NumberNotFinite, what+" is too large or not finite", hdr(i), line, s)
			return 0, false, false
		}
		if err != nil {
			sk.add(NotANumber, what+" is not a number", hdr(i), line, s)
			return 0, false, false
		}
		return v, true, true
	}
	var r int // the row read
	// numAt is the number of row r in column i from its distinct values
	// read once (col); a value that is no number skips the row as
	// parseNum does.
	numAt := func(i int, col *numbers, what string) (float64, bool, bool) {
		k := col.at[r]
		if k == 0 {
			return 0, false, true
		}
		k--
		switch col.state[k] {
		case numberOK:
			return col.v[k], true, true
		case numberNotFinite:
			sk.add(NumberNotFinite, what+" is too large or not finite", hdr(i), line, col.vals[k])
		default:
			sk.add(NotANumber, what+" is not a number", hdr(i), line, col.vals[k])
		}
		return 0, false, false
	}
	// num is row r's number of column i: its value, whether it has one,
	// and whether it reads (a row whose number does not is skipped). The
	// usual row's, a number of col read once, is col.quick's, without a
	// call (num is a call of a function value, whose cost in WebAssembly
	// was a tenth of the orders' time).
	num := func(i int, col *numbers, what string) (float64, bool, bool) {
		switch {
		case i < 0: // no column plays the role: no call
			return 0, false, true
		case col != nil:
			return numAt(i, col, what)
		}
		return parseNum(i, what)
	}
	// Row r, in a function of its own, called once a row: in
	// WebAssembly a loop that runs for the whole file inside one large
	// function is slow twice over. The browser compiles a function again,
	// optimised, once it has run a while, but only a call that starts
	// after that runs the optimised code: a loop called once stays in the
	// first, unoptimised code to its end. And of a large function the
	// optimised code is slower too. (Online Retail x10's orders in Node.js:
	// 7.7 s cold and 5.4 s after a warm-up with the loop in build, 4.9
	// and 4.1 s with it here.)
	lines := o.lines
	row := func() {
		line = int(t.Lines[r]) + lines
		if opt.Progress != nil && r%16384 == 0 {
			opt.Progress(report.StageOrders, int64(r), int64(t.Len()))
		}
		rec = t.Record(r)

		// Which order this line belongs to.
		a := into
		if a == nil {
			id := cell(c.order)
			switch {
			case c.order < 0:
				id = "row " + strconv.Itoa(line)
			case id == "":
				// Continuation lines of some exports leave the order id blank.
				if o.prev != nil && cell(c.date) == "" && cell(c.customer) == "" && cell(c.email) == "" {
					a = o.prev
				} else {
					id = "row " + strconv.Itoa(line)
				}
			}
			if a == nil && o.prev != nil && wordwise.Equal(o.prev.id, id) {
				a = o.prev // the line continues the order of the line above
			}
			if a == nil {
				if k, isNew := o.orderIDs.ID(id); !isNew {
					a = o.seq[k]
				} else {
					a = o.newAgg(id)
				}
			}
			o.prev = a
		}

		// Values of the line; invalid ones skip the line with the reason.
		var lt time.Time
		if orderDates != nil {
			if k := orderDates.at[r]; k > 0 {
				switch k--; orderDates.state[k] {
				case dateOutOfRange:
					sk.add(DateOutOfRange, "order date out of range", hdr(c.date), line, orderDates.vals[k])
					return
				case dateUnreadable:
					sk.add(DateUnreadable, "date cannot be read", hdr(c.date), line, orderDates.vals[k])
					return
				}
				lt = orderDates.t[k]
			}
		} else if s := cell(c.date); s != "" {
			// Most lines repeat the date of the line above (their order's):
			// it is read, and judged, once.
			if !wordwise.Equal(s, lastDateS) {
				v, ok := dateCache[s]
				if !ok {
					var err error
					v, err = df.Parse(s, loc)
					if err != nil && placeholderText(s) {
						sk.add(DateOutOfRange, "order date out of range", hdr(c.date), line, s)
						return
					}
					if err != nil {
						sk.add(DateUnreadable, "date cannot be read", hdr(c.date), line, s)
						return
					}
					if len(dateCache) < 1<<16 {
						dateCache[s] = v
					}
				}
				lastDateS, lastDate, lastPlausible = s, v, plausibleDate(v, opt.Latest)
			}
			if !lastPlausible {
				sk.add(DateOutOfRange, "order date out of range", hdr(c.date), line, s)
				return
			}
			lt = lastDate
		}
		total, hasTotal, ok := totals.quick(r, c.total)
		if !ok {
			if total, hasTotal, ok = num(c.total, totals, "order total"); !ok {
				return
			}
		}
		qty, hasQty, ok := qtys.quick(r, c.qty)
		if !ok {
			if qty, hasQty, ok = num(c.qty, qtys, "quantity"); !ok {
				return
			}
		}
		price, hasPrice, ok := prices.quick(r, c.price)
		if !ok {
			if price, hasPrice, ok = num(c.price, prices, "unit price"); !ok {
				return
			}
		}

		kind := columns.TxnSale
		if c.txnType >= 0 {
			kind = columns.TransactionKind(cell(c.txnType))
			if kind != columns.TxnSale && kind != columns.TxnRefund {
				// A transfer, a withdrawal, a fee, a conversion, a hold.
				sk.add(NotSaleOrRefund, "not a sale or a refund", hdr(c.txnType), line, cell(c.txnType))
				return
			}
		}
		returned, hasReturned, ok := num(c.returned, nil, "quantity returned")
		if !ok {
			return
		}
		refunded, hasRefunded, ok := refundeds.quick(r, c.refunded)
		if !ok {
			if refunded, hasRefunded, ok = num(c.refunded, refundeds, "amount refunded"); !ok {
				return
			}
		}
		adjusted, hasAdjusted, ok := adjusteds.quick(r, c.adjusted)
		if !ok {
			if adjusted, hasAdjusted, ok = num(c.adjusted, adjusteds, "adjusted order total"); !ok {
				return
			}
		}

		a.addLine(line)
		if rowAgg != nil {
			rowAgg[r] = a.n
		}
		if kind == columns.TxnRefund {
			// A refund row of a payment export refers to its sale by the
			// order's id and names the shop as the payer: it is the
			// order's refund, never a part of its value or its customer.
			v := total
			if !hasTotal {
				v = price
				if hasQty {
					v *= qty
				}
			}
			a.refundRows++
			a.refund += math.Abs(v)
			if a.refundTime.IsZero() {
				a.refundTime = lt
			}
			if a.refundKey == "" {
				a.refundKey = refundKey(normalizeID(cell(c.customer)), strings.ToLower(cell(c.email)), byName, cell(c.name), cell(c.address))
			}
			return
		}
		a.saleRows++
		if hasRefunded {
			a.addRefunded(math.Abs(refunded))
		} else if hasAdjusted && hasTotal {
			a.addRefunded(max(0, total-adjusted))
		}
		if c.refundDate >= 0 && a.refundedAt.IsZero() {
			if s := cell(c.refundDate); s != "" {
				if v, err := rdf.Parse(s, loc); err == nil {
					a.refundedAt = v
				}
			}
		}
		if hasReturned && returned > 0 {
			if a.returned == 0 {
				a.returnedPrice = true
			}
			a.returned += returned
			a.returnedValue += returned * price
			a.returnedPrice = a.returnedPrice && hasPrice
		}
		if !a.hasTime && !lt.IsZero() {
			a.time, a.hasTime = lt, true
		}
		// An order's customer and e-mail come from its first line that
		// gives them: read only while the order has none.
		if a.customer == "" && c.customer >= 0 {
			a.customer = normalizeID(cell(c.customer))
		}
		if byName && a.customer == "" {
			a.customer = nameKey(cell(c.name), cell(c.address))
		}
		if a.email == "" && c.email >= 0 {
			a.email = strings.ToLower(cell(c.email))
		}
		if a.name == "" && c.name >= 0 {
			a.name = cell(c.name)
		}
		if a.country == "" && c.country >= 0 {
			a.country = cell(c.country)
		}
		if c.status >= 0 {
			if s := cell(c.status); s != "" {
				if a.status == "" {
					a.status = s
				}
				a.hasStatus = true
				a.live = a.live || !isCancelled(s)
			}
		}
		if a.currency == "" && o.amountMarks {
			a.currency = lineCurrency(cell(c.currency), cell(c.total), cell(c.price))
		}
		if s := cell(c.product); s != "" {
			id, _ := o.names.ID(s)
			o.products.add(&a.products, id)
		}
		if c.category >= 0 {
			if s := cell(c.category); s != "" {
				id, _ := o.names.ID(s)
				o.cats.add(&a.cats, id)
			}
		}
		if hasTotal {
			if !a.hasTotal {
				a.total, a.hasTotal = total, true
			} else if total != a.total {
				a.totalDiff = true
			}
			a.lineSum += total
		} else if c.total < 0 && hasPrice {
			if !hasQty {
				qty = 1
			}
			a.lineSum += qty * price
		}
		if hasQty {
			a.qty += qty
		}
	}
	if fixed == nil {
		for r = 0; r < t.Len(); r++ {
			row()
		}
		return
	}
	for r = 0; r < t.Len(); r++ {
		if k := o.rowAgg[r]; k >= 0 && int(k) < len(fixed) {
			if into = fixed[k]; into != nil {
				row()
			}
		}
	}
	into = nil
}
