package metrics

import (
	"math"
	"slices"
	"sort"
	"time"
)

// CustomerStats are one customer's figures over the whole history.
type CustomerStats struct {
	Index   int // in Dataset.Customers
	Orders  int
	Gross   float64 // sum of order amounts
	Refunds float64 // refunds attributed to the customer
	Net     float64 // Gross − Refunds
	First   time.Time
	Last    time.Time
	Recency int     // whole days from the last order to asOf
	AOV     float64 // Gross / Orders
}

// Customers returns every customer's figures, in Dataset.Customers order,
// with recency measured to asOf. The slice is the caller's.
func Customers(d *Dataset, asOf time.Time) []CustomerStats {
	return slices.Clone(d.customerStats(asOf))
}

// customerStats returns Customers(d, asOf), worked out once for the last
// asOf asked (the report's lists, segments and shares each read them):
// shared, not to be modified.
func (d *Dataset) customerStats(asOf time.Time) []CustomerStats {
	d.stats.Lock()
	defer d.stats.Unlock()
	return d.statsAt(asOf)
}

// statsAt is customerStats with d.stats locked.
func (d *Dataset) statsAt(asOf time.Time) []CustomerStats {
	if d.stats.of != nil && d.stats.asOf.Equal(asOf) {
		return d.stats.of
	}
	out := make([]CustomerStats, len(d.Customers))
	for ci, idx := range d.byCustomer {
		s := &out[ci]
		s.Index = ci
		s.Orders = len(idx)
		for _, oi := range idx {
			s.Gross += d.Orders[oi].Amount
		}
		s.Refunds = d.refundsBy[ci]
		s.Net = s.Gross - s.Refunds
		s.First = d.Orders[idx[0]].Time
		s.Last = d.Orders[idx[len(idx)-1]].Time
		s.Recency = daysBetween(s.Last, asOf)
		s.AOV = ratio(s.Gross, float64(s.Orders))
	}
	d.stats.of, d.stats.asOf, d.stats.byNet = out, asOf, nil
	return out
}

// daysBetween counts whole calendar days from a to b (0 if b is before a).
func daysBetween(a, b time.Time) int {
	b = b.In(a.Location())
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	da := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC)
	n := int(math.Round(db.Sub(da).Hours() / 24))
	if n < 0 {
		return 0
	}
	return n
}

// Grid names the RFM segments: Grid[R-1][F-1] is the segment of customers
// with recency score R and frequency score F.
type Grid [5][5]string

// The standard segments.
const (
	Champions          = "Champions"
	LoyalCustomers     = "Loyal Customers"
	PotentialLoyalists = "Potential Loyalists"
	NewCustomers       = "New Customers"
	Promising          = "Promising"
	NeedAttention      = "Need Attention"
	AboutToSleep       = "About to Sleep"
	AtRisk             = "At Risk"
	CantLoseThem       = "Can't Lose Them"
	Hibernating        = "Hibernating"
)

// SegmentOrder lists the standard segments from the best customers to the
// ones most gone.
var SegmentOrder = []string{Champions, LoyalCustomers, PotentialLoyalists, NewCustomers, Promising,
	NeedAttention, AboutToSleep, AtRisk, CantLoseThem, Hibernating}

// DefaultGrid is the common R x F segmentation: rows are R 1..5, columns F 1..5.
var DefaultGrid = Grid{
	{Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem},                            // R1
	{Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem},                            // R2
	{AboutToSleep, AboutToSleep, NeedAttention, LoyalCustomers, LoyalCustomers},         // R3
	{Promising, PotentialLoyalists, PotentialLoyalists, LoyalCustomers, LoyalCustomers}, // R4
	{NewCustomers, PotentialLoyalists, PotentialLoyalists, Champions, Champions},        // R5
}

// RFMCustomer is one customer's RFM scores and segment.
type RFMCustomer struct {
	CustomerStats
	R, F, M int
	Segment string
}

// Segment is the figures of one RFM segment.
type Segment struct {
	Name          string
	Customers     int
	CustomerShare float64
	Revenue       float64 // net revenue of its customers
	RevenueShare  float64
	Orders        int
	AOV           float64 // gross order value / orders
}

// RFMResult is the RFM analysis of a dataset.
type RFMResult struct {
	AsOf time.Time
	// Edges are the four quantile edges of each measure: a value above k
	// edges scores k+1 for F and M, 5−k for R (recent is better).
	RecencyEdges, FrequencyEdges, MonetaryEdges [4]float64
	Customers                                   []RFMCustomer // in Dataset.Customers order
	Segments                                    []Segment     // in SegmentOrder, then others by name; only non-empty ones
}

// RFM scores every customer 1-5 on recency (days since the last order, as
// of asOf), frequency (orders) and monetary value (net revenue), and names
// their segment from grid (DefaultGrid if grid is the zero Grid).
//
// Scores come from quantiles that stay sound with ties: the values are
// sorted, the edges are the values at the 20th, 40th, 60th and 80th
// percentiles (edge k = v[ceil(k·n/5) − 1]), and a value scores by how
// many edges are strictly below it. Equal values always get equal scores,
// scores rise with the value (fall, for recency), and with distinct values
// each score holds a fifth of the customers.
func RFM(d *Dataset, asOf time.Time, grid Grid) RFMResult {
	if grid == (Grid{}) {
		grid = DefaultGrid
	}
	cs := d.customerStats(asOf)
	res := RFMResult{AsOf: asOf, Customers: make([]RFMCustomer, len(cs))}
	n := len(cs)
	if n == 0 {
		return res
	}
	rv, fv, mv := make([]float64, n), make([]float64, n), make([]float64, n)
	for i, c := range cs {
		rv[i], fv[i], mv[i] = float64(c.Recency), float64(c.Orders), c.Net
	}
	res.RecencyEdges, res.FrequencyEdges, res.MonetaryEdges = edges(rv), edges(fv), edges(mv)
	byName := map[string]*Segment{}
	var totalRev float64
	for i, c := range cs {
		r := 5 - below(res.RecencyEdges, rv[i])
		f := 1 + below(res.FrequencyEdges, fv[i])
		m := 1 + below(res.MonetaryEdges, mv[i])
		seg := grid[r-1][f-1]
		res.Customers[i] = RFMCustomer{CustomerStats: c, R: r, F: f, M: m, Segment: seg}
		s := byName[seg]
		if s == nil {
			s = &Segment{Name: seg}
			byName[seg] = s
		}
		s.Customers++
		s.Revenue += c.Net
		s.Orders += c.Orders
		s.AOV += c.Gross // summed here, divided below
		totalRev += c.Net
	}
	for _, name := range SegmentOrder {
		if s := byName[name]; s != nil {
			res.Segments = append(res.Segments, *s)
			delete(byName, name)
		}
	}
	var rest []string
	for name := range byName {
		rest = append(rest, name)
	}
	sort.Strings(rest)
	for _, name := range rest {
		res.Segments = append(res.Segments, *byName[name])
	}
	for i := range res.Segments {
		s := &res.Segments[i]
		s.AOV = ratio(s.AOV, float64(s.Orders))
		s.CustomerShare = ratio(float64(s.Customers), float64(n))
		s.RevenueShare = ratio(s.Revenue, totalRev)
	}
	return res
}

// edges returns the 20/40/60/80% quantile edges of values (copied, not
// reordered in place).
func edges(values []float64) [4]float64 {
	v := append([]float64(nil), values...)
	sort.Float64s(v)
	n := len(v)
	var e [4]float64
	for k := 1; k <= 4; k++ {
		i := (k*n+4)/5 - 1
		if i < 0 {
			i = 0
		}
		e[k-1] = v[i]
	}
	return e
}

// below counts the edges strictly below x.
func below(e [4]float64, x float64) int {
	n := 0
	for _, v := range e {
		if v < x {
			n++
		}
	}
	return n
}
