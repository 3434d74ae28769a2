package metrics

import (
	"slices"
	"sort"
	"time"
)

// PeriodStats are the figures of one period [Start, End).
//
// The customer base at an instant t is the customers with an order in the
// active window before t, [w(t), t), where for an active window of W days
// (Options.ActiveWindow)
//
//	w(t) = min(t − W days, start of the period that ends at t)
//
// and W = 0 means one period: the base is the customers of the period that
// ends at t. The window is never shorter than that period, so everyone who
// ordered in a period is in the base at its end (a 90-day window with
// 92-day quarters is the quarter). Then, for a period:
//
//	S            the base at Start
//	E            the base at End
//	N            customers whose first order ever is in the period: in E, not in S
//	Retained     in S and in E
//	Lost         in S, not in E
//	Reactivated  in E, not in S, not new: they ordered before, left the base
//	             and ordered again in the period
//	Retention    Retained / S
//	Churn        Lost / S                    so Retention + Churn = 1
//	CRR          (E − N) / S                 = Retention + Reactivated / S
//
// and S = Retained + Lost, E − N = Retained + Reactivated exactly. (The
// window at End starts no earlier than the window at Start, since both
// terms of w grow with t; so a customer in E but not in S ordered in the
// period.) When S is 0 the rates are 0 and HasBase is false.
type PeriodStats struct {
	Period
	Complete bool // the period ends at or before the reference date

	S, E, N     int
	Retained    int
	Lost        int
	Reactivated int
	Returning   int // E − N = Retained + Reactivated
	Retention   float64
	Churn       float64
	CRR         float64
	HasBase     bool // S > 0: the rates are defined

	Orders           int
	Revenue          float64 // sum of order amounts
	NewRevenue       float64 // of orders by customers whose first period this is
	ReturningRevenue float64
	AOV              float64 // Revenue / Orders (0 without orders)
	Refunds          float64 // refunds dated in the period
	NetRevenue       float64 // Revenue − Refunds
}

// windowStart is w(t) of PeriodStats for t the start of period i: the
// first instant of the active window of days days (0: one period) that
// ends at t.
func windowStart(g Grain, i int, loc *time.Location, days int) time.Time {
	t := g.period(i, loc).Start
	prev := g.period(i-1, loc).Start
	if w := t.AddDate(0, 0, -days); w.Before(prev) {
		return w
	}
	return prev
}

// Periods returns the figures of each period that overlaps the range of o.
// N counts first orders over the whole history, not only the range, and
// the base at the range's start counts the orders before it.
func Periods(d *Dataset, o Options) []PeriodStats {
	if len(d.Orders) == 0 {
		return nil
	}
	from, to, asOf := o.bounds(d)
	k := figuresKey{from: from, to: to, asOf: asOf, grain: o.Grain, window: o.ActiveWindow}
	d.figures.Lock()
	defer d.figures.Unlock()
	return slices.Clone(d.figures.periods.get(k, func() []PeriodStats { return periods(d, o, from, to, asOf) }))
}

// periods is Periods of the range [from, to) and the reference date asOf.
func periods(d *Dataset, o Options, from, to, asOf time.Time) []PeriodStats {
	loc := from.Location()
	g := o.Grain
	p0, p1 := g.index(from), g.index(to.Add(-time.Nanosecond))
	if p1 < p0 {
		return nil
	}
	n := p1 - p0 + 1
	out := make([]PeriodStats, n)
	for i := range out {
		out[i].Period = g.period(p0+i, loc)
		out[i].Complete = !out[i].End.After(asOf)
	}
	// The base is looked at the start of each period and at the end of
	// the last: instant j is the start of period p0+j, its window starts
	// at ws[j].
	at := make([]instant, n+1)
	ws := make([]instant, n+1)
	for j := range at {
		at[j] = instantOf(g.period(p0+j, loc).Start)
		ws[j] = instantOf(windowStart(g, p0+j, loc, o.ActiveWindow))
	}
	in := make([]bool, n+1)
	firstPeriod := make([]int, len(d.Customers))
	for ci, idx := range d.byCustomer {
		firstPeriod[ci] = g.index(d.Orders[idx[0]].Time)
		baseAt(d, idx, at, ws, in)
		for i := range out {
			s := &out[i]
			isNew := firstPeriod[ci] == p0+i
			switch {
			case in[i] && in[i+1]:
				s.Retained++
			case in[i]:
				s.Lost++
			case in[i+1] && !isNew:
				s.Reactivated++
			}
			if in[i] {
				s.S++
			}
			if in[i+1] {
				s.E++
			}
			if isNew {
				s.N++
			}
		}
	}
	for i, ord := range d.Orders {
		p := g.index(ord.Time)
		if p < p0 || p > p1 {
			continue
		}
		s := &out[p-p0]
		s.Orders++
		s.Revenue += ord.Amount
		if firstPeriod[d.customerOf[i]] == p {
			s.NewRevenue += ord.Amount
		} else {
			s.ReturningRevenue += ord.Amount
		}
	}
	for _, r := range d.Refunds {
		if p := g.index(r.Time.In(loc)); p >= p0 && p <= p1 {
			out[p-p0].Refunds += r.Amount
		}
	}
	for i := range out {
		s := &out[i]
		s.Returning = s.E - s.N
		if s.S > 0 {
			s.HasBase = true
			s.Retention = float64(s.Retained) / float64(s.S)
			s.Churn = float64(s.Lost) / float64(s.S)
			s.CRR = float64(s.Returning) / float64(s.S)
		}
		s.AOV = ratio(s.Revenue, float64(s.Orders))
		s.NetRevenue = s.Revenue - s.Refunds
	}
	return out
}

// baseAt sets in[j] to whether the customer whose orders are idx (in time
// order) is in the base at instant at[j]: whether they have an order in
// [ws[j], at[j]). Both at and ws grow with j, so one pass over the orders
// finds, for each instant, the last order before it.
func baseAt(d *Dataset, idx []int, at, ws []instant, in []bool) {
	k := 0 // orders before at[j]
	for j := range at {
		for k < len(idx) && d.times[idx[k]].before(at[j]) {
			k++
		}
		in[j] = k > 0 && !d.times[idx[k-1]].before(ws[j])
	}
}

// LastComplete returns the index of the last complete period with a
// customer base at its start (rates defined), or -1.
func LastComplete(ps []PeriodStats) int {
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].Complete && ps[i].HasBase {
			return i
		}
	}
	return -1
}

// YearRetention is the share of one year's customers who ordered again in
// the next year, the year that ends at the reference date:
//
//	From = AsOf − 2 years,  Mid = AsOf − 1 year
//	S         customers with an order in [From, Mid)
//	Retained  those of S with an order in [Mid, AsOf)
//	Rate      Retained / S
//
// It is Retention of PeriodStats for a year-long period with a one-year
// active window, on the two years before the reference date instead of
// calendar years: the yearly figure that published e-commerce retention
// rates describe (see EcommerceCRR). Covered is false when the first order
// is after From's day, so the orders cannot tell who the first year's
// customers were; OK is Covered with S > 0.
type YearRetention struct {
	From, Mid, AsOf time.Time
	S, Retained     int
	Rate            float64
	Covered, OK     bool
}

// YearlyRetention returns the year-over-year retention up to asOf.
func YearlyRetention(d *Dataset, asOf time.Time) YearRetention {
	y := YearRetention{From: asOf.AddDate(-2, 0, 0), Mid: asOf.AddDate(-1, 0, 0), AsOf: asOf}
	if len(d.Orders) == 0 {
		return y
	}
	y.Covered = !startOfDay(d.Orders[0].Time, asOf.Location()).After(y.From)
	from, mid, asOfAt := instantOf(y.From), instantOf(y.Mid), instantOf(y.AsOf)
	for _, idx := range d.byCustomer {
		before, after := false, false
		for _, oi := range idx {
			t := d.times[oi]
			before = before || t.in(from, mid)
			after = after || t.in(mid, asOfAt)
		}
		if before {
			y.S++
			if after {
				y.Retained++
			}
		}
	}
	y.Rate = ratio(float64(y.Retained), float64(y.S))
	y.OK = y.Covered && y.S > 0
	return y
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// Summary holds the overall figures of a range.
type Summary struct {
	From, To time.Time // first and last order in the range
	AsOf     time.Time

	Customers   int     // customers with an order in the range
	Orders      int     //
	Revenue     float64 // sum of order amounts
	RefundCount int     // refunds dated in the range
	Refunds     float64 // their amount
	NetRevenue  float64 // Revenue − Refunds
	AOV         float64 // Revenue / Orders

	// RepeatRate = customers with 2+ orders / Customers.
	RepeatRate float64
	// PurchaseFrequency = Orders / Customers.
	PurchaseFrequency float64
	// MeanDaysBetween and MedianDaysBetween are over the gaps between
	// consecutive orders of the same customer, in days.
	MeanDaysBetween   float64
	MedianDaysBetween float64
	// ReturningRevenueShare = revenue of customers with 2+ orders / Revenue.
	ReturningRevenueShare float64
	// HistoricalCLV = NetRevenue / Customers.
	HistoricalCLV float64
	// RepeatVsOneTime = mean revenue of a customer with 2+ orders / mean
	// revenue of a customer with one order (0 when either group is empty).
	RepeatVsOneTime float64
}

// Summarize returns the overall figures of the orders in the range of o.
func Summarize(d *Dataset, o Options) Summary {
	from, to, asOf := o.bounds(d)
	k := figuresKey{from: from, to: to, asOf: asOf}
	d.figures.Lock()
	defer d.figures.Unlock()
	return d.figures.summaries.get(k, func() Summary { return summarize(d, from, to, asOf) })
}

// summarize is Summarize of the range [from, to) and the reference date
// asOf.
func summarize(d *Dataset, from, to, asOf time.Time) Summary {
	s := Summary{AsOf: asOf}
	var gaps []float64
	var repeatRev, oneRev float64
	var repeatN, oneN int
	fromAt, toAt := instantOf(from), instantOf(to)
	first, last := -1, -1 // the orders of s.From and s.To
	for _, idx := range d.byCustomer {
		n := 0
		rev := 0.0
		var prev instant
		for _, oi := range idx {
			at := d.times[oi]
			if !at.in(fromAt, toAt) {
				continue
			}
			if first < 0 || at.before(d.times[first]) {
				first = oi
			}
			if last < 0 || d.times[last].before(at) {
				last = oi
			}
			if n > 0 {
				gaps = append(gaps, at.sub(prev).Hours()/24)
			}
			prev = at
			n++
			rev += d.Orders[oi].Amount
		}
		if n == 0 {
			continue
		}
		s.Customers++
		s.Orders += n
		s.Revenue += rev
		if n >= 2 {
			repeatN++
			repeatRev += rev
		} else {
			oneN++
			oneRev += rev
		}
	}
	if first >= 0 {
		s.From, s.To = d.Orders[first].Time, d.Orders[last].Time
	}
	for _, r := range d.Refunds {
		if inRange(r.Time, from, to) {
			s.RefundCount++
			s.Refunds += r.Amount
		}
	}
	s.NetRevenue = s.Revenue - s.Refunds
	c := float64(s.Customers)
	s.AOV = ratio(s.Revenue, float64(s.Orders))
	s.RepeatRate = ratio(float64(repeatN), c)
	s.PurchaseFrequency = ratio(float64(s.Orders), c)
	s.ReturningRevenueShare = ratio(repeatRev, s.Revenue)
	s.HistoricalCLV = ratio(s.NetRevenue, c)
	if repeatN > 0 && oneN > 0 {
		s.RepeatVsOneTime = ratio(repeatRev/float64(repeatN), oneRev/float64(oneN))
	}
	if len(gaps) > 0 {
		sum := 0.0
		for _, g := range gaps {
			sum += g
		}
		s.MeanDaysBetween = sum / float64(len(gaps))
		sort.Float64s(gaps)
		s.MedianDaysBetween = median(gaps)
	}
	return s
}

// median of sorted values.
func median(sorted []float64) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// Cohort is the customers whose first order falls in one period.
// Active[k] is how many of them ordered k periods later (Active[0] = Size),
// ActiveShare[k] = Active[k] / Size, Revenue[k] their order amounts then,
// and LTV[k] = (Revenue[0] + ... + Revenue[k]) / Size, the cumulative
// revenue per customer.
type Cohort struct {
	Period
	Size        int
	Active      []int
	ActiveShare []float64
	Orders      []int
	Revenue     []float64
	LTV         []float64
}

// Cohorts returns the acquisition cohorts whose period overlaps the range
// of o and holds a customer's first order, in period order, each followed
// up to the period of the reference date's eve or the range's end,
// whichever is first. Periods in which no customer ordered for the first
// time have no cohort: memory grows with the cohorts that have customers,
// not with the span of the dates (at most C × P cells for C cohorts over
// P periods, never P × P).
func Cohorts(d *Dataset, o Options) []Cohort {
	if len(d.Orders) == 0 {
		return nil
	}
	from, to, asOf := o.bounds(d)
	loc := from.Location()
	g := o.Grain
	p0, p1 := g.index(from), g.index(to.Add(-time.Nanosecond))
	if a := g.index(asOf.Add(-time.Nanosecond)); a < p1 {
		p1 = a
	}
	if p1 < p0 {
		return nil
	}
	// The periods that hold a first order, in order.
	var firsts []int
	seen := map[int]bool{}
	firstOf := make([]int, len(d.byCustomer))
	for ci, idx := range d.byCustomer {
		first := g.index(d.Orders[idx[0]].Time)
		firstOf[ci] = first
		if first >= p0 && first <= p1 && !seen[first] {
			seen[first] = true
			firsts = append(firsts, first)
		}
	}
	sort.Ints(firsts)
	out := make([]Cohort, len(firsts))
	at := make(map[int]*Cohort, len(firsts))
	for i, p := range firsts {
		n := p1 - p + 1
		out[i] = Cohort{Period: g.period(p, loc), Active: make([]int, n), ActiveShare: make([]float64, n),
			Orders: make([]int, n), Revenue: make([]float64, n), LTV: make([]float64, n)}
		at[p] = &out[i]
	}
	for ci, idx := range d.byCustomer {
		first := firstOf[ci]
		c := at[first]
		if c == nil {
			continue
		}
		c.Size++
		last := -1
		for _, oi := range idx {
			k := g.index(d.Orders[oi].Time) - first
			if k >= len(c.Active) {
				break
			}
			if k != last {
				c.Active[k]++
				last = k
			}
			c.Orders[k]++
			c.Revenue[k] += d.Orders[oi].Amount
		}
	}
	for i := range out {
		c := &out[i]
		cum := 0.0
		for k := range c.Active {
			c.ActiveShare[k] = ratio(float64(c.Active[k]), float64(c.Size))
			cum += c.Revenue[k]
			c.LTV[k] = ratio(cum, float64(c.Size))
		}
	}
	return out
}
