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

	index map[string]int // customer key -> index in Customers
	// byCustomer[i] lists the indexes in Orders of customer i's orders, in time order.
	byCustomer [][]int
	// customerOf[i] is the index in Customers of Orders[i]'s customer:
	// index's lookup without hashing the key (no AES hash in WebAssembly).
	customerOf []int32
	refundsBy  []float64 // refunded amount per customer index

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
	d := &Dataset{
		Orders:  byTime(orders, func(o *Order) (time.Time, string) { return o.Time, o.ID }),
		Refunds: byTime(refunds, func(r *Refund) (time.Time, string) { return r.Time, "" }),
	}

	info := make(map[string]Customer, len(customers))
	for _, c := range customers {
		info[c.ID] = c
	}
	// The customers are numbered in order of first appearance (one map
	// lookup an order), then put in the order of their keys: an order's
	// customer index is then its number's rank, not a second lookup (a
	// map lookup by a string costs several times more in WebAssembly,
	// which has no AES hash).
	d.index = make(map[string]int)
	var keys []string
	seen := make([]int32, len(d.Orders)) // each order's customer by first appearance
	for i, o := range d.Orders {
		k, ok := d.index[o.Customer]
		if !ok {
			k = len(keys)
			d.index[o.Customer] = k
			keys = append(keys, o.Customer)
		}
		seen[i] = int32(k)
	}
	byKey := make([]int, len(keys)) // the first-appearance numbers in key order
	for i := range byKey {
		byKey[i] = i
	}
	slices.SortFunc(byKey, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	rank := make([]int32, len(keys))
	d.Customers = make([]Customer, len(keys))
	for i, k := range byKey {
		rank[k] = int32(i)
		key := keys[k]
		d.index[key] = i
		c := info[key]
		c.ID = key
		d.Customers[i] = c
	}
	// Each customer's orders in one array, in time order: counted first,
	// then placed.
	d.customerOf = make([]int32, len(d.Orders))
	count := make([]int, len(keys)+1)
	for i, k := range seen {
		ci := rank[k]
		d.customerOf[i] = ci
		count[ci+1]++
	}
	for i := range keys {
		count[i+1] += count[i]
	}
	all := make([]int, len(d.Orders))
	d.byCustomer = make([][]int, len(keys))
	for ci := range d.byCustomer {
		d.byCustomer[ci] = all[count[ci]:count[ci]:count[ci+1]]
	}
	for i, ci := range d.customerOf {
		d.byCustomer[ci] = append(d.byCustomer[ci], i)
	}
	d.refundsBy = make([]float64, len(keys))
	for _, r := range d.Refunds {
		if ci, ok := d.index[r.Customer]; ok {
			d.refundsBy[ci] += r.Amount
		}
	}
	return d
}

// CustomerIndex returns the index in d.Customers of the customer with the
// given key, and whether there is one.
func (d *Dataset) CustomerIndex(key string) (int, bool) {
	i, ok := d.index[key]
	return i, ok
}

// CustomerOrders returns customer i's orders in time order. The slice is
// shared; do not modify it.
func (d *Dataset) CustomerOrders(i int) []int { return d.byCustomer[i] }

// CustomerRefunds returns the money refunded to customer i.
func (d *Dataset) CustomerRefunds(i int) float64 { return d.refundsBy[i] }

// byTime returns the elements of s by their times (key's), those of the
// same time by their ids, and those of the same time and id in their
// order in s: a stable sort by time and id. It leaves s as it is. Each
// time is read once, as its second and nanosecond of Unix time (which
// order times as Before does, and tell them equal as Equal does), not
// compared through time.Time's methods in each comparison; a slice
// already in that order (an export in time order) is copied, not
// sorted.
func byTime[T any](s []T, key func(*T) (time.Time, string)) []T {
	type when struct {
		sec  int64
		nsec int32
		id   string
	}
	keys := make([]when, len(s))
	sorted := true
	for i := range s {
		t, id := key(&s[i])
		keys[i] = when{t.Unix(), int32(t.Nanosecond()), id}
		if i > 0 && sorted {
			a, b := &keys[i-1], &keys[i]
			sorted = a.sec < b.sec || a.sec == b.sec && (a.nsec < b.nsec || a.nsec == b.nsec && a.id <= b.id)
		}
	}
	if sorted {
		return slices.Clone(s)
	}
	idx := make([]int32, len(s))
	for i := range idx {
		idx[i] = int32(i)
	}
	// Equal keys keep their order by their indices: the order is that
	// of a stable sort, with the faster unstable one (pattern-defeating
	// quicksort, n log n, where a stable sort merges in place in
	// n log² n: the orders of ten times Online Retail took a third less).
	slices.SortFunc(idx, func(i, j int32) int {
		a, b := &keys[i], &keys[j]
		switch {
		case a.sec != b.sec:
			return cmp.Compare(a.sec, b.sec)
		case a.nsec != b.nsec:
			return cmp.Compare(a.nsec, b.nsec)
		}
		if c := strings.Compare(a.id, b.id); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	out := make([]T, len(s))
	for i, k := range idx {
		out[i] = s[k]
	}
	return out
}
