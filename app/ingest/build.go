package ingest

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"strings"
	"time"

	"retention/app/columns"
	"retention/app/parse"
	"retention/app/report"
	"retention/app/sheet"
	"retention/app/wordwise"
	"retention/metrics"
)

// Errors returned by Load and FromTable when a file cannot give orders.
var (
	// ErrNoDate is returned when no column holds order dates.
	ErrNoDate = errors.New("no date column")
	// ErrNoCustomer is returned when no column identifies customers.
	ErrNoCustomer = errors.New("no customer column")
	// ErrNoAmount is returned when no column gives order values.
	ErrNoAmount = errors.New("no amount column")
	// ErrNoRows is returned when the file has a header but no data rows,
	// or no row gives an order.
	ErrNoRows = errors.New("no data rows")
	// ErrUnclear is returned when two columns fit a needed role equally
	// well.
	ErrUnclear = errors.New("unclear column")
	// ErrNotOrders is returned for another kind of export (customers,
	// products, payouts, stock).
	ErrNotOrders = errors.New("not an orders export")
)

// cols holds the column index of each role, or -1.
type cols struct {
	order, customer, email, date, total, qty, price, status, currency, product, category, country, name, address int
	txnType, returned, refunded, refundDate                                                                      int
	adjusted                                                                                                     int // the total after refunds (adjustedTotal)
}

func resolve(m columns.Mapping) cols {
	get := func(r columns.Role) int {
		if i, ok := m.Column(r); ok {
			return i
		}
		return -1
	}
	return cols{
		order: get(columns.OrderID), customer: get(columns.CustomerID), email: get(columns.Email),
		date: get(columns.Date), total: get(columns.Total), qty: get(columns.Quantity),
		price: get(columns.UnitPrice), status: get(columns.Status), currency: get(columns.Currency),
		product: get(columns.Product), category: get(columns.Category), country: get(columns.Country),
		name: get(columns.Name), address: get(columns.Address),
		txnType: get(columns.Type), returned: get(columns.Returned),
		refunded: get(columns.Refunded), refundDate: get(columns.RefundDate),
	}
}

// agg is an order being assembled from its lines. Its flags are kept
// together, after its other fields, and its counts are int32 (a table's
// lines are): Online Retail x10 has 259,000 orders.
type agg struct {
	id       string
	customer string
	email    string
	name     string
	country  string
	status   string
	currency string
	time     time.Time
	total    float64 // order-level total: the first line's
	lineSum  float64 // sum of line totals or of quantity x price
	qty      float64
	products listRef // in the dataset's names
	cats     listRef
	n        int32 // its index in seq (orders)
	rows     int32
	nLines   int32              // the lines in lines
	lines    [maxExamples]int32 // first few lines, for examples

	// Refunds within the order: rows a transaction type calls refunds,
	// and units returned.
	saleRows      int32     // rows that are the sale (all but refund rows)
	refundRows    int32     // rows that are refunds
	refund        float64   // refund rows' money, as a positive amount
	refundTime    time.Time // the first refund row's date
	refundKey     string    // who a refund row names, for a refund without its sale
	returned      float64   // units returned
	returnedValue float64   // returned units x unit price

	// The platform's own sum of what went back on the order: a refunded
	// amount column, on the order's first row or on each line's.
	refundedFirst float64   // the first sale row's refunded amount
	refundedSum   float64   // the sale rows' refunded amounts
	refundedAt    time.Time // the refund date column's first date

	hasTime       bool
	hasTotal      bool
	totalDiff     bool // lines disagree on the total: totals are per line
	hasStatus     bool // a sale row has a status
	live          bool // a sale row's status is not a cancellation
	creditID      bool // the id marks a credit note (C123456)
	returnedPrice bool // every row with units returned had a unit price
	hasRefunded   bool // a sale row gives a refunded amount
	refundedDiff  bool // rows disagree: the amounts are per line
}

// aggBlock is the number of orders made in one allocation.
const aggBlock = 1024

func (a *agg) addLine(line int) {
	a.rows++
	if a.nLines < maxExamples {
		a.lines[a.nLines] = int32(line)
		a.nLines++
	}
}

// distinctLists keeps lists of distinct numbers (an order's products,
// its categories, as indices in the dataset's names) in order of first
// appearance. Whether a list holds a number is one look in a table
// indexed by the numbers (mark), not a scan of the list nor a hash: mark[v]
// is gen while the list last added to (owner) holds v. A list other than
// the owner takes the next gen and marks its numbers: an order's lines
// mostly follow each other, so that happens once an order. (Online
// Retail's orders of up to 1,110 products would otherwise compare each
// line with every product before it, 29 million comparisons over the
// file; a set per long list hashed each number.)
//
// The lists' values are kept in shared blocks, not a backing array per
// list grown by doubling: a list whose last value is the last block's
// last grows in place (an order's lines mostly follow each other);
// another one moves to the block's end with room for as many values
// again, so that the lists of orders whose lines alternate grow by
// doubling, as with append. A list's room is its own. A list is a
// listRef, four numbers: adding to it writes no pointer into the order
// (a slice in it was a write barrier for every line while the garbage
// collector marked).
type distinctLists struct {
	owner  *listRef // the list mark holds
	gen    uint32
	mark   []uint32  // per number: gen when owner holds it
	blocks [][]int32 // each whole: the last one's first used values are taken
	used   int
}

// listRef is a list of distinctLists: blocks[block][at:at+n], with room
// for room values from at.
type listRef struct{ block, at, n, room int32 }

// arenaBlock is the number of values of a block of distinctLists.
const arenaBlock = 1 << 14

// values returns the list's values, nil for an empty list.
func (d *distinctLists) values(l *listRef) []int32 {
	if l.n == 0 {
		return nil
	}
	return d.blocks[l.block][l.at : l.at+l.n : l.at+l.n]
}

// push appends v to the list.
func (d *distinctLists) push(l *listRef, v int32) {
	last := len(d.blocks) - 1
	switch {
	case l.n < l.room:
	case l.n > 0 && int(l.block) == last && int(l.at+l.n) == d.used && d.used < len(d.blocks[last]):
		// The list ends where the last block's values do: it grows in
		// place.
		d.used++
		l.room++
	default:
		room := int32(1)
		if l.n > 0 {
			room = 2 * (l.n + 1)
		}
		block, at := d.reserve(int(room))
		copy(d.blocks[block][at:], d.values(l))
		*l = listRef{block: block, at: at, n: l.n, room: room}
	}
	d.blocks[l.block][l.at+l.n] = v
	l.n++
}

// fill makes the empty list l a list of n values, known distinct, and
// returns them for the caller to write: in one place, without the marks
// of add.
func (d *distinctLists) fill(l *listRef, n int) []int32 {
	if n == 0 {
		return nil
	}
	block, at := d.reserve(n)
	*l = listRef{block: block, at: at, n: int32(n), room: int32(n)}
	return d.blocks[block][at : at+int32(n)]
}

// reserve takes room values at the end of the last block, or of a new one
// when the last has no room: where they are.
func (d *distinctLists) reserve(room int) (block, at int32) {
	last := len(d.blocks) - 1
	if last < 0 || len(d.blocks[last])-d.used < room {
		d.blocks = append(d.blocks, make([]int32, max(arenaBlock, room)))
		last++
		d.used = 0
	}
	at = int32(d.used)
	d.used += room
	return int32(last), at
}

// add appends v (0 or more) to the list unless the list holds it already.
func (d *distinctLists) add(l *listRef, v int32) {
	if d.owner != l {
		if d.gen++; d.gen == 0 { // after 2^32 owners: every mark is stale
			clear(d.mark)
			d.gen = 1
		}
		d.owner = l
		for _, x := range d.values(l) {
			d.mark[x] = d.gen
		}
	}
	if int(v) >= len(d.mark) {
		d.mark = append(d.mark, make([]uint32, int(v)+1-len(d.mark))...)
	}
	if d.mark[v] == d.gen {
		return
	}
	d.mark[v] = d.gen
	d.push(l, v)
}

// build groups the table's rows into orders and refunds; with a tail (tl,
// see FromParts), the rows of both parts.
func build(t *sheet.Table, m columns.Mapping, tl *tailLink, opt Options) (*metrics.Dataset, Report, error) {
	loc := opt.Location
	if loc == nil {
		loc = time.UTC
	}
	rows := t.Len()
	if tl != nil {
		rows += tl.rows
	}
	rep := Report{File: t.Name, Format: t.Format, Sheet: t.Sheet, Sheets: t.Sheets, Rows: rows,
		TimeZone: loc.String(), Notes: append([]report.Note(nil), t.Notes...)}
	c := resolve(m)
	hdr := func(i int) string {
		if i < 0 || i >= len(t.Header) {
			return ""
		}
		return t.Header[i]
	}
	if err := check(t, rows, m, c); err != nil {
		return nil, rep, err
	}
	c.adjusted = adjustedTotal(t.Header, c)
	// The columns whose distinct values decide the formats.
	distinctCols := []int{c.date, c.total, c.price, c.qty, c.refunded, c.adjusted, c.refundDate}
	// The tail finds its facts while the engine finds its own.
	var tailFacts func() ([]bool, [][]string, error)
	if tl != nil {
		tailFacts = tl.facts([]int{c.customer, c.email}, distinctCols)
	}

	// A collection now, while the heap holds little besides the table,
	// so that none is under way through the loops over the rows below,
	// which allocate less than the heap holds: in WebAssembly the
	// collector marks in the program's own thread, as it allocates, so a
	// collection that starts in a loop lasts for most of it, and every
	// pointer the loop writes meanwhile goes through its write barrier
	// (Online Retail's orders: some 6% faster, the collection's own time
	// counted).
	runtime.GC()

	// Formats are decided from the whole column, never row by row.
	vals := distinctOf(t, distinctCols...)
	tailFilled := []bool{false, false}
	if tl != nil {
		var tailVals [][]string
		var err error
		if tailFilled, tailVals, err = tailFacts(); err != nil {
			return nil, rep, err
		}
		for k := range tailVals {
			vals[k] = joinValues(vals[k], tailVals[k])
		}
	}
	// The strongest identity the rows hold: a customer id, else an
	// e-mail, else a name with an address. A column left empty in every
	// row (Lazada's customerEmail) identifies no one.
	if c.customer >= 0 && !filled(t, c.customer) && !tailFilled[0] {
		c.customer = -1
	}
	if c.email >= 0 && !filled(t, c.email) && !tailFilled[1] && c.name >= 0 && c.address >= 0 {
		c.email = -1
	}
	byName := c.customer < 0 && c.email < 0
	if byName {
		rep.Notes = append(rep.Notes, report.Note{Code: report.NoteByNameAddress})
	}
	df, err := parse.DetectDateFormat(vals[0].vals)
	if err != nil {
		p := &Problem{Code: BadDates, File: t.Name, Role: columns.Date, Columns: []string{hdr(c.date)}, Detail: err.Error(), err: ErrNoDate}
		if de := (*parse.DateError)(nil); errors.As(err, &de) {
			p.Values = de.Values
		}
		return nil, rep, p
	}
	rep.DateFormat = df.Code()
	var numVals []string
	for _, v := range vals[1:6] {
		numVals = append(numVals, v.vals...)
	}
	nf := parse.DetectNumberFormat(numVals)
	rep.NumberFormat = nf.Code()
	// A refund date column in a format of its own, or in none that can be
	// read, is left aside: the refunds are then dated at their orders.
	var rdf parse.DateFormat
	if c.refundDate >= 0 {
		if f, err := parse.DetectDateFormat(vals[6].vals); err == nil {
			rdf = f
		} else {
			c.refundDate = -1
		}
	}

	// The amounts' currency marks are read row by row only where they may
	// be found: in a currency column, or in amounts of which one has a
	// mark (vals holds every one).
	amountMarks := c.currency >= 0 || anyCurrency(vals[1].vals) || anyCurrency(vals[2].vals)
	o := newOrders(c, hdr, opt, df, rdf, nf, byName, amountMarks, vals)
	var tailOrders func() ([]byte, error)
	if tl != nil {
		// The tail reads its rows while the engine reads its own.
		pl := plan{header: t.Header, c: c, byName: byName, amountMarks: amountMarks, df: df, rdf: rdf, nf: nf,
			lines: tl.lines, prev: t.Len() > 0, loc: loc.String(), latest: opt.Latest}
		w := &wout{}
		w.u8(opOrders)
		pl.write(w)
		tailOrders = tl.link(w.bytes())
	}
	o.run(t, nil)
	if tl != nil {
		b, err := tailOrders()
		if err == nil {
			err = o.merge(tl, &win{b: b})
		}
		if err != nil {
			return nil, rep, err
		}
		tl.link(nil) // all its rows are read
	}
	sk, seq, names := &o.sk, o.seq, &o.names
	products, cats := &o.products, &o.cats
	numericIDs, creditIDs := o.numericIDs, o.creditIDs

	// Totals: an order-level column repeats (or leaves blank) the same
	// total on every line of an order; a line-level one differs.
	perLine := false
	multiLine := false
	refundedPerLine := false
	for _, a := range seq {
		if a.rows > 1 {
			multiLine = true
		}
		perLine = perLine || a.totalDiff
		refundedPerLine = refundedPerLine || a.refundedDiff
	}
	switch {
	case c.total < 0 && c.qty >= 0:
		rep.TotalFrom = fmt.Sprintf("sum of %q x %q per order", hdr(c.qty), hdr(c.price))
	case c.total < 0:
		rep.TotalFrom = fmt.Sprintf("sum of %q per order", hdr(c.price))
	case perLine:
		rep.TotalFrom = fmt.Sprintf("sum of %q over each order's lines (the column differs between lines of an order)", hdr(c.total))
	case multiLine:
		rep.TotalFrom = fmt.Sprintf("%q of each order's first line (the column is an order total repeated on its lines)", hdr(c.total))
	default:
		rep.TotalFrom = fmt.Sprintf("%q", hdr(c.total))
	}
	// Credit notes marked by a C before a numeric invoice number (as in
	// many ERPs) count only when numeric ids are the rule.
	creditByID := creditIDs > 0 && numericIDs > creditIDs
	if creditByID {
		rep.Notes = append(rep.Notes, report.Note{Code: report.NoteCreditInvoices, N: creditIDs})
	}

	// Currencies: count orders per currency; report only the chosen one.
	orderAmount := func(a *agg) float64 { return amountOf(a, c.total >= 0, perLine) }
	if err := setCurrency(&rep, t.Name, seq, t.Header, opt, orderAmount); err != nil {
		return nil, rep, err
	}
	if len(rep.Currencies) > 1 {
		rep.Notes = append(rep.Notes, currenciesNote(rep.Currencies, rep.Currency))
	}

	var (
		outOrders  = make([]metrics.Order, 0, len(seq))
		outRefunds []metrics.Refund
		// The customers by their keys, in order of first appearance: a
		// wordwise.Index, not a map (a map's string hash in WebAssembly
		// has no AES instructions).
		custIDs   wordwise.Index
		customers []metrics.Customer
		// Each order's and refund's customer, as its index in customers.
		orderCustomer  = make([]int32, 0, len(seq))
		refundCustomer []int32
	)
	skipOrder := func(a *agg, code SkipCode, reason, column, value string) {
		sk.addRows(code, reason, column, int(a.rows), a.lines[:a.nLines], value)
	}
	for _, a := range seq {
		if a.rows == 0 {
			continue // every line was skipped already
		}
		if a.saleRows == 0 {
			// Refunds of a sale the file does not hold: the refund rows
			// name who and when.
			a.customer, a.time, a.hasTime = a.refundKey, a.refundTime, !a.refundTime.IsZero()
		}
		key := a.customer
		if key == "" {
			key = a.email
		}
		if key == "" {
			col := hdr(c.customer)
			if col == "" {
				col = hdr(c.email)
			}
			skipOrder(a, NoCustomerKey, "no customer id or e-mail", col, "")
			continue
		}
		if !a.hasTime {
			skipOrder(a, NoOrderDate, "no order date", hdr(c.date), "")
			continue
		}
		if a.currency != "" && rep.Currency != "" && a.currency != rep.Currency {
			skipOrder(a, OtherCurrency, "in another currency ("+a.currency+")", hdr(c.currency), a.currency)
			continue
		}
		amount := amountOf(a, c.total >= 0, perLine)
		if a.saleRows == 0 {
			amount = -a.refund
		}
		amount = math.Round(amount*1e6) / 1e6 // float noise of summed lines
		k, isNew := custIDs.ID(key)
		if isNew {
			customers = append(customers, metrics.Customer{ID: key, Email: a.email, Name: a.name, Country: a.country})
		} else {
			ci := &customers[k]
			if ci.Email == "" {
				ci.Email = a.email
			}
			if ci.Name == "" {
				ci.Name = a.name
			}
			if ci.Country == "" {
				ci.Country = a.country
			}
		}
		switch {
		case (creditByID && a.creditID) || amount < 0:
			outRefunds = append(outRefunds, metrics.Refund{OrderID: a.id, Customer: key, Time: a.time, Amount: math.Abs(amount), Currency: a.currency})
			refundCustomer = append(refundCustomer, int32(k))
			rep.RefundRows += int(a.rows)
		case a.hasStatus && !a.live || a.returnedAll():
			// Every row's status says cancelled or refunded, or every
			// unit came back: refunded in full, not an order.
			rep.Cancelled++
			rep.CancelledAmount += amount
			rep.CancelledRows += int(a.rows)
		default:
			outOrders = append(outOrders, metrics.Order{
				ID: a.id, Customer: key, Time: a.time, Amount: amount, Quantity: a.qty,
				Currency: a.currency, Products: products.values(&a.products), Categories: cats.values(&a.cats),
			})
			orderCustomer = append(orderCustomer, int32(k))
			rep.OrderRows += int(a.saleRows)
			if r := a.refunded(amount, refundedPerLine); r > 0 {
				outRefunds = append(outRefunds, metrics.Refund{OrderID: a.id, Customer: key, Time: a.refundAt(), Amount: r, Currency: a.currency})
				refundCustomer = append(refundCustomer, int32(k))
				rep.RefundRows += int(a.refundRows)
			}
		}
	}
	if rep.Cancelled > 0 {
		rep.Notes = append(rep.Notes, cancelledNote(&rep))
	}
	ds := metrics.NewDatasetNumbered(outOrders, outRefunds, customers, orderCustomer, refundCustomer)
	ds.Names = names.List
	rep.Orders = len(ds.Orders)
	rep.Refunds = len(ds.Refunds)
	rep.Customers = len(ds.Customers)
	rep.Skipped = sk.list
	if rep.Skipped == nil {
		rep.Skipped = []Skip{}
	}
	if rep.Orders == 0 {
		return ds, rep, &Problem{Code: NoOrders, File: t.Name, Detail: skipSummary(rep.Skipped), Skipped: rep.Skipped, err: ErrNoRows}
	}
	if opt.Progress != nil {
		opt.Progress(report.StageOrders, int64(t.Len()), int64(t.Len()))
	}
	return ds, rep, nil
}

// check returns the Problem that keeps the table from giving orders: no
// rows, another kind of export, a role two columns fit equally well, or a
// role no column plays.
func check(t *sheet.Table, rows int, m columns.Mapping, c cols) error {
	p := &Problem{File: t.Name, Columns: t.Header}
	if rows == 0 {
		p.Code, p.err = NoRows, ErrNoRows
		return p
	}
	folded := make([]string, len(t.Header))
	for i, h := range t.Header {
		folded[i] = columns.Fold(h)
	}
	p.Kind, p.Platform = recognise(folded)
	if customerList(folded, m) {
		p.Code, p.Kind, p.err = NotOrders, KindCustomers, ErrNotOrders
		return p
	}
	has := func(r columns.Role) bool { _, ok := m.Column(r); return ok }
	for _, need := range []struct {
		found bool
		roles []columns.Role // the roles that would do, to ask about
		code  Code
		err   error
	}{
		{has(columns.Date), []columns.Role{columns.Date}, NoDate, ErrNoDate},
		// A name alone tells too few apart: a name with an address is the
		// last resort.
		{has(columns.CustomerID) || has(columns.Email) || has(columns.Name) && has(columns.Address),
			[]columns.Role{columns.CustomerID, columns.Email, columns.Name}, NoCustomer, ErrNoCustomer},
		{has(columns.Total) || has(columns.UnitPrice), []columns.Role{columns.Total, columns.UnitPrice}, NoAmount, ErrNoAmount},
	} {
		if need.found {
			continue
		}
		for _, r := range need.roles {
			if q, ok := m.Question(r); ok && p.Kind == "" {
				p.Code, p.Role, p.Columns, p.Kind, p.err = Unclear, r, q.Headers, "", ErrUnclear
				return p
			}
		}
		p.Code, p.Role, p.err = need.code, need.roles[0], need.err
		if p.Kind != "" {
			p.Code, p.err = NotOrders, ErrNotOrders
		}
		return p
	}
	return nil
}

// adjustedPrefix begins the header of an order total after refunds.
const adjustedPrefix = "adjusted "

// adjustedTotal is the column of the order total after refunds, or -1:
// the column named as the total with "Adjusted" before it. Etsy's orders
// download (EtsySoldOrders) keeps "Order Total" as the buyer paid it and
// writes "Adjusted Order Total" beside it for an order refunded in part,
// empty for the others; Etsy's help defines its adjusted amounts as the
// order's "after any refund issued" (Etsy Payments Sales CSV: "Adjusted
// Gross"). A refunded-amount column, the platform's own sum, comes first:
// with one the adjusted total is not read.
func adjustedTotal(header []string, c cols) int {
	if c.total < 0 || c.total >= len(header) || c.refunded >= 0 {
		return -1
	}
	want := adjustedPrefix + strings.TrimSpace(header[c.total])
	for i, h := range header {
		if i != c.total && strings.EqualFold(strings.TrimSpace(h), want) {
			return i
		}
	}
	return -1
}

// refundKey is who a refund row names: its customer id, else its e-mail,
// else (in a file of names) its name and address.
func refundKey(customer, email string, byName bool, name, address string) string {
	switch {
	case customer != "":
		return customer
	case email != "":
		return email
	case byName:
		return nameKey(name, address)
	}
	return ""
}

// returnedAll tells whether every unit of the order came back: it was
// refunded in full.
func (a *agg) returnedAll() bool { return a.returned > 0 && a.returned >= a.qty }

// addRefunded adds a sale row's refunded amount v.
func (a *agg) addRefunded(v float64) {
	if !a.hasRefunded {
		a.refundedFirst, a.hasRefunded = v, true
	} else if v != a.refundedFirst {
		a.refundedDiff = true
	}
	a.refundedSum += v
}

// refunded is the money returned on a counted order worth amount. The
// rule, once for every export:
//
//   - A refunded-amount column (Shopify's "Refunded Amount", Stripe's
//     "Amount Refunded", Lazada's refundAmount) is the platform's own sum
//     of what went back on the order, refund rows and returned units
//     included: when it gives the order a refund, that is the refund, and
//     nothing else is added to it. It is the first row's value when the
//     column repeats the order's amount on its lines (or leaves them
//     blank), the sum over the lines when it differs between the lines of
//     an order anywhere in the file (perLine), as order totals are read.
//
//   - An adjusted total beside the order total (Etsy's "Adjusted Order
//     Total", see adjustedTotal) is the order's amount after its refunds:
//     where it is given, the refund is the difference, read as a
//     refunded amount:
//
//     refunded = total - adjusted total
//
//   - Otherwise the order's refund rows, and its returned units at their
//     unit price, or at the order's average price per unit when the file
//     gives no unit price:
//
//     refund rows + returned x unit price
//     refund rows + amount x returned / quantity
//
// An order refunded in full (every row's status cancelled or refunded,
// every unit returned) is no order: build leaves it out of revenue, so
// what went back on it is no refund either, and refunded is never asked.
func (a *agg) refunded(amount float64, perLine bool) float64 {
	if v := a.refundedFirst; a.hasRefunded {
		if perLine {
			v = a.refundedSum
		}
		if v > 0 {
			return math.Round(v*1e6) / 1e6
		}
	}
	r := a.refund
	switch {
	case a.returned == 0:
	case a.returnedPrice:
		r += a.returnedValue
	case a.qty > 0:
		r += amount * a.returned / a.qty
	}
	return math.Round(r*1e6) / 1e6
}

// refundAt is when the order's refund was made: its refund date column's,
// else its first refund row's date, else (a refunded amount or units
// returned, no date of their own) the order's.
func (a *agg) refundAt() time.Time {
	if !a.refundedAt.IsZero() {
		return a.refundedAt
	}
	if !a.refundTime.IsZero() {
		return a.refundTime
	}
	return a.time
}

// nameKey is the customer key of a file that has only names (and
// addresses): folded, so that case and spacing do not make two customers.
func nameKey(name, address string) string {
	if name == "" {
		return ""
	}
	k := strings.Join(strings.Fields(strings.ToLower(name)), " ")
	if a := strings.Join(strings.Fields(strings.ToLower(address)), " "); a != "" {
		k += " | " + a
	}
	return k
}

func amountOf(a *agg, hasTotalCol, perLine bool) float64 {
	if hasTotalCol && !perLine {
		return a.total
	}
	return a.lineSum
}

// filled tells whether column i has a value in any row.
func filled(t *sheet.Table, i int) bool {
	for r := range t.Len() {
		if t.Trim(r, i) != "" {
			return true
		}
	}
	return false
}

// values is a column as distinctOf reads it: its distinct non-blank
// values (trimmed) in order of first appearance, and which of them each
// row holds: data row r holds vals[at[r]-1], or none where at[r] is 0.
// at is nil for a column of more distinct values than maxAt (the rows
// of such a column are read one by one), or for no column.
type values struct {
	vals []string
	at   []uint16
}

// maxAt is the most distinct values of a column whose rows values.at
// numbers: 2 bytes a row, for the columns read as numbers and dates. A
// variable, so that the tests can read every row's cells instead.
var maxAt = 1<<16 - 1

// distinctOf returns, for each column i of cols, its values (nothing for
// a column below 0), numbered by sheet.Table.DistinctColumns. The orders are then
// built with each distinct amount, quantity and date read once, not once
// a row.
func distinctOf(t *sheet.Table, cols ...int) []values {
	out := make([]values, len(cols))
	var read []int // the columns of cols not below 0
	for _, i := range cols {
		if i >= 0 {
			read = append(read, i)
		}
	}
	ds := t.DistinctColumns(read, maxAt)
	for k, i := range cols {
		if i >= 0 {
			out[k].vals, out[k].at = ds[0].Vals, ds[0].At
			ds = ds[1:]
		}
	}
	return out
}

// numbers are a number column's distinct values read once each: v[k]
// is vals[k] read in the file's number format, and state[k] whether it
// could be (numberOK, numberNotFinite, numberNot).
type numbers struct {
	values
	v     []float64
	state []uint8
}

// The states of a number of numbers: read, too large or not finite, not
// a number.
const (
	numberOK = iota
	numberNotFinite
	numberNot
)

// quick is row r's number of column i as num gives it, when it is one
// read once (n is not nil) and it reads (ok); else num reads it. Small
// enough for the compiler to write it in place.
func (n *numbers) quick(r, i int) (v float64, present, ok bool) {
	switch {
	case i < 0:
		return 0, false, true
	case n == nil:
		return 0, false, false
	}
	if k := n.at[r]; k == 0 {
		return 0, false, true
	} else if n.state[k-1] == numberOK {
		return n.v[k-1], true, true
	}
	return 0, false, false
}

// readNumbers reads a number column's distinct values in the format nf,
// as a row's cell is read; none when its rows are not numbered.
func readNumbers(vs values, nf parse.NumberFormat) *numbers {
	if vs.at == nil {
		return nil
	}
	n := &numbers{values: vs, v: make([]float64, len(vs.vals)), state: make([]uint8, len(vs.vals))}
	for k, s := range vs.vals {
		v, err := nf.Parse(s)
		switch {
		case !finite(v, err):
			n.state[k] = numberNotFinite
		case err != nil:
			n.state[k] = numberNot
		default:
			n.v[k] = v
		}
	}
	return n
}

// dates are the date column's distinct values read once each: t[k] is
// vals[k] read in the file's date format, and state[k] whether it is an
// order's date (dateOK), or out of range (a placeholder, or outside
// plausibleDate), or unreadable.
type dates struct {
	values
	t     []time.Time
	state []uint8
}

// The states of a date of dates.
const (
	dateOK = iota
	dateOutOfRange
	dateUnreadable
)

// readDates reads the date column's distinct values in the format df and
// the time zone loc, and judges them against latest, as a row's date is
// read; none when its rows are not numbered.
func readDates(vs values, df parse.DateFormat, loc *time.Location, latest time.Time) *dates {
	if vs.at == nil {
		return nil
	}
	d := &dates{values: vs, t: make([]time.Time, len(vs.vals)), state: make([]uint8, len(vs.vals))}
	for k, s := range vs.vals {
		v, err := df.Parse(s, loc)
		switch {
		case err != nil && placeholderText(s):
			d.state[k] = dateOutOfRange
		case err != nil:
			d.state[k] = dateUnreadable
		case !plausibleDate(v, latest):
			d.state[k] = dateOutOfRange
		default:
			d.t[k] = v
		}
	}
	return d
}

// anyCurrency tells whether one of the amounts vs names a currency
// (parse.Currency).
func anyCurrency(vs []string) bool {
	for _, v := range vs {
		if parse.Currency(v) != "" {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// normalizeID trims an id and drops the ".0" that spreadsheet programs add
// to numeric ids ("12346.0" -> "12346").
func normalizeID(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ".0") && isDigits(s[:len(s)-2]) {
		return s[:len(s)-2]
	}
	return s
}

// cancelWords are statuses, in our users' languages, of orders that did
// not lead to revenue. A status that says "partially" is not among them.
var cancelWords = []string{
	"cancel", "refund", "void", "fail", "declin", "reject", "returned",
	"storn", "erstatt", "abgebrochen", "annul", "zurück",
	"refunder", "tilbagebetal", "tilbakebetal", "kansell", "avbrut", "avbröt", "makuler", "återbetal", "kredit",
	"kanselado", "kinansela", "ibinalik", "nabigo",
	"retourniert", "returneret", "returnert", "returnerad",
}

var partialWords = []string{"partial", "teilweise", "delvis", "bahagya"}

func isCancelled(status string) bool {
	if status == "" {
		return false
	}
	s := strings.ToLower(status)
	for _, w := range partialWords {
		if strings.Contains(s, w) {
			return false
		}
	}
	for _, w := range cancelWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// currenciesNote says the file has orders in the currencies cs, and the
// figures are for chosen only.
func currenciesNote(cs []CurrencyCount, chosen string) report.Note {
	n := report.Note{Code: report.NoteCurrencies, N: len(cs), Value: chosen}
	for _, c := range cs {
		n.Values = append(n.Values, c.Currency)
		n.Counts = append(n.Counts, c.Orders)
	}
	return n
}

func formatAmount(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func skipSummary(s []Skip) string {
	if len(s) == 0 {
		return "the file holds no rows with orders."
	}
	parts := make([]string, len(s))
	for i, k := range s {
		parts[i] = fmt.Sprintf("%d rows %s", k.Rows, k.Reason)
	}
	return strings.Join(parts, "; ") + "."
}
