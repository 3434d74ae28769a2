package metrics

import (
	"sort"
	"time"
)

// PeriodStats are the figures of one period.
//
//	S           customers who ordered in the previous period
//	E           customers who ordered in this period
//	N           customers whose first order ever is in this period
//	CRR         (E − N) / S
//	Retained    |S ∩ E|
//	Churned     S − Retained;  Churn = Churned / S;  StrictRetention = Retained / S
//	Reactivated E − N − Retained: ordered before, not in the previous period, back now
//
// so E − N = Retained + Reactivated. When S is 0, CRR, Churn and
// StrictRetention are 0 and CRROK is false.
type PeriodStats struct {
	Period
	Complete bool // the period ends at or before the reference date

	S, E, N         int
	Retained        int
	Reactivated     int
	Churned         int
	Returning       int // E − N
	CRR             float64
	Churn           float64
	StrictRetention float64
	CRROK           bool

	Orders           int
	Revenue          float64 // sum of order amounts
	NewRevenue       float64 // of orders by customers whose first period this is
	ReturningRevenue float64
	AOV              float64 // Revenue / Orders (0 without orders)
	Refunds          float64 // refunds dated in the period
	NetRevenue       float64 // Revenue − Refunds
}

// customerPeriods returns, for each customer, the sorted distinct period
// indexes in which they ordered (the first is their first order's period).
func customerPeriods(d *Dataset, g Grain) [][]int {
	out := make([][]int, len(d.Customers))
	for ci, idx := range d.byCustomer {
		var ps []int
		for _, oi := range idx {
			p := g.index(d.Orders[oi].Time)
			if len(ps) == 0 || ps[len(ps)-1] != p {
				ps = append(ps, p)
			}
		}
		out[ci] = ps
	}
	return out
}

// Periods returns the figures of each period that overlaps the range of o.
// N counts first orders over the whole history, not only the range.
func Periods(d *Dataset, o Options) []PeriodStats {
	if len(d.Orders) == 0 {
		return nil
	}
	from, to, asOf := o.bounds(d)
	loc := from.Location()
	g := o.Grain
	p0, p1 := g.index(from), g.index(to.Add(-time.Nanosecond))
	if p1 < p0 {
		return nil
	}
	out := make([]PeriodStats, p1-p0+1)
	for i := range out {
		out[i].Period = g.period(p0+i, loc)
		out[i].Complete = !out[i].End.After(asOf)
	}
	at := func(p int) *PeriodStats {
		if p < p0 || p > p1 {
			return nil
		}
		return &out[p-p0]
	}
	cps := customerPeriods(d, g)
	for _, ps := range cps {
		for k, p := range ps {
			if s := at(p); s != nil {
				s.E++
				if k == 0 {
					s.N++
				} else if ps[k-1] == p-1 {
					s.Retained++
				}
			}
			if s := at(p + 1); s != nil {
				s.S++
			}
		}
	}
	for _, ord := range d.Orders {
		s := at(g.index(ord.Time))
		if s == nil {
			continue
		}
		s.Orders++
		s.Revenue += ord.Amount
		ci := d.index[ord.Customer]
		if cps[ci][0] == g.index(ord.Time) {
			s.NewRevenue += ord.Amount
		} else {
			s.ReturningRevenue += ord.Amount
		}
	}
	for _, r := range d.Refunds {
		if s := at(g.index(r.Time.In(loc))); s != nil {
			s.Refunds += r.Amount
		}
	}
	for i := range out {
		s := &out[i]
		s.Returning = s.E - s.N
		s.Reactivated = s.Returning - s.Retained
		s.Churned = s.S - s.Retained
		if s.S > 0 {
			s.CRROK = true
			s.CRR = float64(s.Returning) / float64(s.S)
			s.Churn = float64(s.Churned) / float64(s.S)
			s.StrictRetention = float64(s.Retained) / float64(s.S)
		}
		s.AOV = ratio(s.Revenue, float64(s.Orders))
		s.NetRevenue = s.Revenue - s.Refunds
	}
	return out
}

// LastComplete returns the index of the last complete period with a CRR,
// or -1.
func LastComplete(ps []PeriodStats) int {
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].Complete && ps[i].CRROK {
			return i
		}
	}
	return -1
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
	s := Summary{AsOf: asOf}
	var gaps []float64
	var repeatRev, oneRev float64
	var repeatN, oneN int
	for _, idx := range d.byCustomer {
		n := 0
		rev := 0.0
		var prev time.Time
		for _, oi := range idx {
			ord := &d.Orders[oi]
			if !inRange(ord.Time, from, to) {
				continue
			}
			if s.From.IsZero() || ord.Time.Before(s.From) {
				s.From = ord.Time
			}
			if ord.Time.After(s.To) {
				s.To = ord.Time
			}
			if n > 0 {
				gaps = append(gaps, ord.Time.Sub(prev).Hours()/24)
			}
			prev = ord.Time
			n++
			rev += ord.Amount
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
// of o, each followed up to the period of the reference date's eve or the
// range's end, whichever is first.
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
	out := make([]Cohort, p1-p0+1)
	for i := range out {
		n := p1 - p0 - i + 1
		out[i] = Cohort{Period: g.period(p0+i, loc), Active: make([]int, n), ActiveShare: make([]float64, n),
			Orders: make([]int, n), Revenue: make([]float64, n), LTV: make([]float64, n)}
	}
	for ci, idx := range d.byCustomer {
		_ = ci
		first := g.index(d.Orders[idx[0]].Time)
		if first < p0 || first > p1 {
			continue
		}
		c := &out[first-p0]
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
