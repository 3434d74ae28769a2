// Package metrics computes the figures a retention marketer reads from a
// shop's orders: retention per period, cohorts, RFM segments, campaign lists
// and benchmarks.
//
// The package is pure: no I/O and no clock. Every function that depends on
// "now" takes the reference date (asOf) as an argument. Callers' slices are
// never modified.
package metrics

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Order is one order of one customer, after the line items of an export
// were grouped by order id. Refunds and cancellations are not orders; they
// are Refunds.
type Order struct {
	ID       string
	Customer string    // customer key: the customer id, or the e-mail address of a guest
	Time     time.Time // when the order was placed, in the reporting time zone
	Amount   float64   // order value (sum of its lines), in Currency
	Quantity float64   // items in the order (0 when unknown)
	Currency string    // ISO code or symbol as found in the file; "" when the file has none

	// Products and Categories are the distinct products and categories of
	// the order's lines, when the file has such columns, as indices in the
	// dataset's Names: 4 bytes each instead of a string's 16 (Online
	// Retail x10's orders hold 3.9 million products).
	Products   []int32
	Categories []int32
}

// Refund is money returned to a customer: a cancelled or refunded order,
// a credit note, or a line with a negative quantity or amount.
type Refund struct {
	OrderID  string
	Customer string // "" when the refund cannot be attributed to a customer
	Time     time.Time
	Amount   float64 // money returned, as a positive number
	Currency string
}

// Names numbers names, each once, in order of first appearance: an
// order's products and categories are indices in List.
type Names struct {
	List  []string
	index map[string]int32
}

// ID returns the index of name in List, adding it the first time.
func (n *Names) ID(name string) int32 {
	if i, ok := n.index[name]; ok {
		return i
	}
	if n.index == nil {
		n.index = map[string]int32{}
	}
	i := int32(len(n.List))
	n.index[name] = i
	n.List = append(n.List, name)
	return i
}

// IDs returns the indices of names (ID of each).
func (n *Names) IDs(names ...string) []int32 {
	var out []int32
	for _, s := range names {
		out = append(out, n.ID(s))
	}
	return out
}

// Customer holds what is known of a customer besides their orders.
type Customer struct {
	ID      string // the customer key used by Order.Customer
	Email   string
	Name    string
	Country string
}

// Dataset is a shop's orders, refunds and customers, ready for the metrics.
// Build it with NewDataset.
type Dataset struct {
	// Orders sorted by Time (then ID).
	Orders []Order
	// Refunds sorted by Time.
	Refunds []Refund
	// Customers sorted by ID, one per distinct Order.Customer (entries
	// given to NewDataset fill in Email, Name and Country).
	Customers []Customer
	// Names are the products' and categories' names that Order.Products
	// and Order.Categories index (Names.List of the Names that numbered
	// them), each once.
	Names []string

	// byCustomer[i] lists the indexes in Orders of customer i's orders, in time order.
	byCustomer [][]int
	// customerOf[i] is the index in Customers of Orders[i]'s customer.
	customerOf []int32
	// times[i] is Orders[i].Time as an instant: the loops over each
	// customer's orders compare these, not time.Time values.
	times []instant
	// refundCustomer[i] is the index in Customers of Refunds[i]'s
	// customer, -1 for none of them.
	refundCustomer []int32
	refundsBy      []float64 // refunded amount per customer index

	// stats are the customers' figures (customerStats) as of asOf, and
	// their order by net revenue (byNet), once worked out.
	stats struct {
		sync.Mutex
		asOf  time.Time
		of    []CustomerStats
		byNet []int32
	}
	// figures are the last keptFigures results of Summarize and of
	// Periods, the latest first, with the range and options they are of:
	// the report's figures and its comparison with the range before both
	// need those of the range shown, and the comparison those of the
	// range before (Online Retail x10: some 0.1 s each).
	figures struct {
		sync.Mutex
		summaries kept[Summary]
		periods   kept[[]PeriodStats]
	}
}

// keptFigures is how many results of Summarize and of Periods a dataset
// keeps: the range shown and the one before it.
const keptFigures = 2

// kept holds the last keptFigures results of a computation, the latest
// first, each with what it was computed for.
type kept[T any] [keptFigures]struct {
	of figuresKey
	ok bool
	v  T
}

// get returns the result for key, computing it (compute) unless kept.
func (k *kept[T]) get(key figuresKey, compute func() T) T {
	for i, e := range k {
		if e.ok && e.of.same(key) {
			copy(k[1:i+1], k[:i]) // the latest first
			k[0] = e
			return e.v
		}
	}
	v := compute()
	copy(k[1:], k[:])
	k[0].of, k[0].ok, k[0].v = key, true, v
	return v
}

// figuresKey is what Summarize's and Periods's figures depend on: the
// range [from, to) and the reference date, in the orders' location, and
// for Periods the grain and the active window.
type figuresKey struct {
	from, to, asOf time.Time
	grain          Grain
	window         int
}

func (k figuresKey) same(o figuresKey) bool {
	return k.from.Equal(o.from) && k.to.Equal(o.to) && k.asOf.Equal(o.asOf) && k.grain == o.grain && k.window == o.window
}

// NewDataset copies orders, refunds and customers into a Dataset, sorted
// and indexed. Customers without any order are not part of the dataset's
// customers (their refunds still count in the refund totals).
func NewDataset(orders []Order, refunds []Refund, customers []Customer) *Dataset {
	// The customers numbered by first appearance, then told what the
	// entries given say of them (the last entry of a key wins).
	index := make(map[string]int32, len(customers))
	var list []Customer
	orderCustomer := make([]int32, len(orders))
	for i := range orders {
		key := orders[i].Customer
		k, ok := index[key]
		if !ok {
			k = int32(len(list))
			index[key] = k
			list = append(list, Customer{ID: key})
		}
		orderCustomer[i] = k
	}
	for _, c := range customers {
		if k, ok := index[c.ID]; ok {
			list[k] = c
		}
	}
	refundCustomer := make([]int32, len(refunds))
	for i := range refunds {
		k, ok := index[refunds[i].Customer]
		if !ok {
			k = -1
		}
		refundCustomer[i] = k
	}
	return NewDatasetNumbered(orders, refunds, list, orderCustomer, refundCustomer)
}

// NewDatasetNumbered is NewDataset for orders and refunds whose customers
// the caller has numbered already, as it read them: customers holds each
// customer once (distinct IDs), orders[i]'s customer is
// customers[orderCustomer[i]] and refunds[i]'s is
// customers[refundCustomer[i]], or no customer where that is -1. The
// dataset then looks no customer up by key (a Go map's string hash in
// WebAssembly has no AES instructions: Online Retail x10's 0.26 million
// orders took some 0.2 s of lookups). It panics if orderCustomer or
// refundCustomer is not as long as orders or refunds, or names no entry of
// customers.
func NewDatasetNumbered(orders []Order, refunds []Refund, customers []Customer, orderCustomer, refundCustomer []int32) *Dataset {
	if len(orderCustomer) != len(orders) || len(refundCustomer) != len(refunds) {
		panic("metrics: NewDatasetNumbered: a customer number for each order and refund")
	}
	d := &Dataset{}
	var orderAt, refundAt []int32
	d.Orders, orderAt, d.times = byTime(orders, func(o *Order) (time.Time, string) { return o.Time, o.ID })
	d.Refunds, refundAt, _ = byTime(refunds, func(r *Refund) (time.Time, string) { return r.Time, "" })

	// The customers with an order, in the order of their keys; rank[k] is
	// customer k's index in d.Customers, -1 for one without an order.
	rank := make([]int32, len(customers))
	for _, k := range orderCustomer {
		rank[k] = 1
	}
	// Sorted by their keys' first 8 bytes as a number, and by the keys
	// where those are the same: a comparison of strings costs several
	// times more in WebAssembly (Online Retail x10's 43,390 customers: 0.1
	// s by strings.Compare alone).
	type keyed struct {
		head uint64
		k    int32
	}
	var byKey []keyed
	for k, r := range rank {
		if r != 0 {
			byKey = append(byKey, keyed{keyHead(customers[k].ID), int32(k)})
		}
		rank[k] = -1
	}
	slices.SortFunc(byKey, func(a, b keyed) int {
		if a.head != b.head {
			return cmp.Compare(a.head, b.head)
		}
		return strings.Compare(customers[a.k].ID, customers[b.k].ID)
	})
	d.Customers = make([]Customer, len(byKey))
	for i, e := range byKey {
		rank[e.k] = int32(i)
		d.Customers[i] = customers[e.k]
	}
	// Each customer's orders in one array, in time order: counted first,
	// then placed.
	n := len(d.Customers)
	d.customerOf = make([]int32, len(d.Orders))
	count := make([]int, n+1)
	for i := range d.customerOf {
		j := i
		if orderAt != nil {
			j = int(orderAt[i])
		}
		ci := rank[orderCustomer[j]]
		d.customerOf[i] = ci
		count[ci+1]++
	}
	for i := range n {
		count[i+1] += count[i]
	}
	all := make([]int, len(d.Orders))
	d.byCustomer = make([][]int, n)
	for ci := range d.byCustomer {
		d.byCustomer[ci] = all[count[ci]:count[ci]:count[ci+1]]
	}
	for i, ci := range d.customerOf {
		d.byCustomer[ci] = append(d.byCustomer[ci], i)
	}
	d.refundCustomer = make([]int32, len(d.Refunds))
	d.refundsBy = make([]float64, n)
	for i := range d.refundCustomer {
		j := i
		if refundAt != nil {
			j = int(refundAt[i])
		}
		ci := int32(-1)
		if k := refundCustomer[j]; k >= 0 {
			ci = rank[k]
		}
		d.refundCustomer[i] = ci
		if ci >= 0 {
			d.refundsBy[ci] += d.Refunds[i].Amount
		}
	}
	return d
}

// Before returns the dataset of d's orders and refunds dated before t
// (what an export made at t would hold), with the customers who have such
// an order and d's names. Its customers keep the numbers d gave them, so
// none is looked up by key (NewDatasetNumbered).
func (d *Dataset) Before(t time.Time) *Dataset {
	n := sort.Search(len(d.Orders), func(i int) bool { return !d.Orders[i].Time.Before(t) })
	var refunds []Refund
	var refundCustomer []int32
	for i, r := range d.Refunds {
		if r.Time.Before(t) {
			refunds = append(refunds, r)
			refundCustomer = append(refundCustomer, d.refundCustomer[i])
		}
	}
	b := NewDatasetNumbered(d.Orders[:n], refunds, d.Customers, d.customerOf[:n], refundCustomer)
	b.Names = d.Names
	return b
}

// instant is a time as its Unix second and nanosecond, which order times
// as Before does and tell them equal as Equal does: compared without
// decoding a time.Time's fields at each comparison (in WebAssembly, the
// customers' loops over their orders spent a fifth of their time so).
type instant struct {
	sec  int64
	nsec int32
}

func instantOf(t time.Time) instant { return instant{t.Unix(), int32(t.Nanosecond())} }

// before tells whether a is before b (time.Time's Before).
func (a instant) before(b instant) bool {
	return a.sec < b.sec || a.sec == b.sec && a.nsec < b.nsec
}

// sub is a − b (time.Time's Sub, within 292 years).
func (a instant) sub(b instant) time.Duration {
	return time.Duration(a.sec-b.sec)*time.Second + time.Duration(a.nsec-b.nsec)
}

// in tells whether a is in [from, to) (inRange).
func (a instant) in(from, to instant) bool { return !a.before(from) && a.before(to) }

// keyHead is s's first 8 bytes as a big-endian number, the bytes past
// its end as 0: of two strings, the one with the lower number is the
// lower (strings.Compare), and those with the same number are told apart
// by the rest.
func keyHead(s string) uint64 {
	var h uint64
	for i := range 8 {
		h <<= 8
		if i < len(s) {
			h |= uint64(s[i])
		}
	}
	return h
}

// CustomerIndex returns the index in d.Customers of the customer with the
// given key, and whether there is one.
func (d *Dataset) CustomerIndex(key string) (int, bool) {
	return slices.BinarySearchFunc(d.Customers, key, func(c Customer, key string) int { return strings.Compare(c.ID, key) })
}

// CustomerOrders returns customer i's orders in time order. The slice is
// shared; do not modify it.
func (d *Dataset) CustomerOrders(i int) []int { return d.byCustomer[i] }

// CustomerRefunds returns the money refunded to customer i.
func (d *Dataset) CustomerRefunds(i int) float64 { return d.refundsBy[i] }

// byTime returns the elements of s by their times (key's), those of the
// same time by their ids, and those of the same time and id in their
// order in s: a stable sort by time and id. It leaves s as it is, and
// returns with the sorted copy the index in s of each of its elements, or
// nil where s was in that order already (an export in time order: then s
// is copied, not sorted), and the elements' times as instants, in the
// sorted order. Each time is read once, as an instant, not compared
// through time.Time's methods in each comparison.
func byTime[T any](s []T, key func(*T) (time.Time, string)) ([]T, []int32, []instant) {
	keys := make([]when, len(s))
	sorted := true
	for i := range s {
		t, id := key(&s[i])
		keys[i] = when{instantOf(t), id}
		if i > 0 && sorted {
			sorted = keys[i-1].compare(&keys[i]) <= 0
		}
	}
	times := make([]instant, len(s))
	if sorted {
		for i := range keys {
			times[i] = keys[i].at
		}
		return slices.Clone(s), nil, times
	}
	idx := timeOrder(keys)
	out := make([]T, len(s))
	for i, k := range idx {
		out[i] = s[k]
		times[i] = keys[k].at
	}
	return out, idx, times
}

// when is what byTime sorts by: a time, then an id.
type when struct {
	at instant
	id string
}

func (a *when) compare(b *when) int {
	switch {
	case a.at.sec != b.at.sec:
		return cmp.Compare(a.at.sec, b.at.sec)
	case a.at.nsec != b.at.nsec:
		return cmp.Compare(a.at.nsec, b.at.nsec)
	}
	return strings.Compare(a.id, b.id)
}

// radixBits is the width of the digits timeOrder sorts the seconds by,
// and radixFrom the count of keys from which it sorts by digits.
const (
	radixBits = 11
	radixFrom = 1 << radixBits
)

// timeOrder returns the indexes of keys, sorted by the keys (when.compare)
// and, among equal keys, by index: a stable sort. Many keys within 272
// years of each other (every shop's) are sorted by their seconds' digits,
// least significant first (a stable sort in three passes over them, with
// no comparison), and then each run of one second by its nanoseconds and
// ids; others by comparisons (pattern-defeating quicksort, n log n, the
// index as the last key). Online Retail x10's 0.26 million orders, in ten
// runs of time order, took some 80 ms of comparisons in WebAssembly.
func timeOrder(keys []when) []int32 {
	idx := make([]int32, len(keys))
	for i := range idx {
		idx[i] = int32(i)
	}
	byKey := func(i, j int32) int {
		if c := keys[i].compare(&keys[j]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	}
	var lo, hi int64
	if len(keys) > 0 {
		lo, hi = keys[0].at.sec, keys[0].at.sec
	}
	for i := range keys {
		lo, hi = min(lo, keys[i].at.sec), max(hi, keys[i].at.sec)
	}
	if len(keys) < radixFrom || uint64(hi-lo) >= 1<<(3*radixBits) {
		slices.SortFunc(idx, byKey)
		return idx
	}
	tmp := make([]int32, len(idx))
	var count [radixFrom + 1]int
	for shift := 0; shift < 3*radixBits; shift += radixBits {
		if (hi-lo)>>shift == 0 {
			break // every key's digits from here on are 0
		}
		count = [radixFrom + 1]int{}
		for _, i := range idx {
			count[1+int(uint64(keys[i].at.sec-lo)>>shift&(radixFrom-1))]++
		}
		for d := 1; d <= radixFrom; d++ {
			count[d] += count[d-1]
		}
		for _, i := range idx {
			d := int(uint64(keys[i].at.sec-lo) >> shift & (radixFrom - 1))
			tmp[count[d]] = i
			count[d]++
		}
		idx, tmp = tmp, idx
	}
	// Within a second, in index order now: by nanosecond and id.
	for a := 0; a < len(idx); {
		b := a + 1
		for b < len(idx) && keys[idx[b]].at.sec == keys[idx[a]].at.sec {
			b++
		}
		if b-a > 1 {
			slices.SortFunc(idx[a:b], byKey)
		}
		a = b
	}
	return idx
}
