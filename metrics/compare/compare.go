// Package compare puts two sets of a shop's figures side by side: two
// exports (last month's file and this month's, or two shops), or two date
// ranges of one file. It gives each KPI of both with its change, retention
// and churn per period aligned by period, and the customers who moved
// between RFM segments.
//
// Like package metrics it is pure: no I/O and no clock; the dates it needs
// are passed in, and callers' values are never modified.
package compare

import (
	"sort"
	"time"

	"retention/metrics"
)

// The KPIs' names: stable machine names, the report's JSON names of the
// same figures.
const (
	Customers             = "customers"
	Orders                = "orders"
	Revenue               = "revenue"
	Refunds               = "refunds"
	NetRevenue            = "net_revenue"
	AOV                   = "aov"
	RepeatRate            = "repeat_rate"
	PurchaseFrequency     = "purchase_frequency"
	MeanDaysBetween       = "mean_days_between"
	MedianDaysBetween     = "median_days_between"
	ReturningRevenueShare = "returning_revenue_share"
	HistoricalCLV         = "historical_clv"
	RepeatVsOneTime       = "repeat_vs_one_time"
	Retention             = "retention"
	Churn                 = "churn"
	CRR                   = "crr"
)

// Unit says what a KPI counts, so that it is rounded and written right.
type Unit string

// The units.
const (
	Count  Unit = "count"  // customers, orders: whole numbers
	Money  Unit = "money"  // in the report's currency
	Ratio  Unit = "ratio"  // a share, 0.25 for 25%; its delta is in points (0.01 = 1 point)
	Number Unit = "number" // a plain number: orders per customer, times the revenue
	Days   Unit = "days"
)

// KPI is one figure of A and of B. HasA and HasB are false where the
// figure is not defined: a rate without a complete period with customers
// at its start, days between orders without a customer with two orders,
// the repeat/one-time ratio without customers of both kinds.
type KPI struct {
	Name       string
	Unit       Unit
	A, B       float64
	HasA, HasB bool
	// APeriod and BPeriod name the period of a rate (retention, churn,
	// CRR): the last complete period with a base, as the report's headline
	// shows it; "" for the other KPIs.
	APeriod, BPeriod string
}

// Delta is the absolute change B − A; ok is false when either is missing.
func (k KPI) Delta() (d float64, ok bool) {
	if !k.HasA || !k.HasB {
		return 0, false
	}
	return k.B - k.A, true
}

// Relative is the relative change (B − A) / |A|; ok is false when either
// is missing or A is 0.
func (k KPI) Relative() (r float64, ok bool) {
	d, ok := k.Delta()
	if !ok || k.A == 0 {
		return 0, false
	}
	a := k.A
	if a < 0 {
		a = -a
	}
	return d / a, true
}

// Figures are what a report shows of one side: the overall figures of the
// range and its periods.
type Figures struct {
	Summary metrics.Summary
	Periods []metrics.PeriodStats
}

// KPIs returns the KPIs of a and b, in the report's order: customers,
// orders, revenue, refunds, net revenue, AOV, repeat purchase rate,
// purchase frequency, mean and median days between orders, returning
// customers' revenue share, historical CLV, repeat vs one-time, then
// retention, churn and CRR of each side's last complete period with a base
// (metrics.LastComplete).
func KPIs(a, b Figures) []KPI {
	sa, sb := a.Summary, b.Summary
	repeatA, repeatB := sa.RepeatRate > 0, sb.RepeatRate > 0
	out := []KPI{
		both(Customers, Count, float64(sa.Customers), float64(sb.Customers)),
		both(Orders, Count, float64(sa.Orders), float64(sb.Orders)),
		both(Revenue, Money, sa.Revenue, sb.Revenue),
		both(Refunds, Money, sa.Refunds, sb.Refunds),
		both(NetRevenue, Money, sa.NetRevenue, sb.NetRevenue),
		both(AOV, Money, sa.AOV, sb.AOV),
		both(RepeatRate, Ratio, sa.RepeatRate, sb.RepeatRate),
		both(PurchaseFrequency, Number, sa.PurchaseFrequency, sb.PurchaseFrequency),
		{Name: MeanDaysBetween, Unit: Days, A: sa.MeanDaysBetween, B: sb.MeanDaysBetween, HasA: repeatA, HasB: repeatB},
		{Name: MedianDaysBetween, Unit: Days, A: sa.MedianDaysBetween, B: sb.MedianDaysBetween, HasA: repeatA, HasB: repeatB},
		both(ReturningRevenueShare, Ratio, sa.ReturningRevenueShare, sb.ReturningRevenueShare),
		both(HistoricalCLV, Money, sa.HistoricalCLV, sb.HistoricalCLV),
		{Name: RepeatVsOneTime, Unit: Number, A: sa.RepeatVsOneTime, B: sb.RepeatVsOneTime,
			HasA: sa.RepeatVsOneTime > 0, HasB: sb.RepeatVsOneTime > 0},
	}
	pa, pb := lastFull(a.Periods), lastFull(b.Periods)
	for _, r := range []struct {
		name string
		of   func(*metrics.PeriodStats) float64
	}{
		{Retention, func(p *metrics.PeriodStats) float64 { return p.Retention }},
		{Churn, func(p *metrics.PeriodStats) float64 { return p.Churn }},
		{CRR, func(p *metrics.PeriodStats) float64 { return p.CRR }},
	} {
		k := KPI{Name: r.name, Unit: Ratio}
		if pa != nil {
			k.A, k.HasA, k.APeriod = r.of(pa), true, pa.Key
		}
		if pb != nil {
			k.B, k.HasB, k.BPeriod = r.of(pb), true, pb.Key
		}
		out = append(out, k)
	}
	return out
}

func both(name string, u Unit, a, b float64) KPI {
	return KPI{Name: name, Unit: u, A: a, B: b, HasA: true, HasB: true}
}

// lastFull is the period whose rates the report's headline shows, or nil.
func lastFull(ps []metrics.PeriodStats) *metrics.PeriodStats {
	if i := metrics.LastComplete(ps); i >= 0 {
		return &ps[i]
	}
	return nil
}

// PeriodPair is one period of A beside the same period of B (the same
// key); A or B is nil when that side has no such period.
type PeriodPair struct {
	Key   string
	Start time.Time
	A, B  *metrics.PeriodStats
}

// Align pairs the periods of a and b by their key, in time order: every
// period of either side once.
func Align(a, b []metrics.PeriodStats) []PeriodPair {
	at := map[string]int{}
	var out []PeriodPair
	for i := range a {
		p := a[i]
		at[p.Key] = len(out)
		out = append(out, PeriodPair{Key: p.Key, Start: p.Start, A: &p})
	}
	for i := range b {
		p := b[i]
		if j, ok := at[p.Key]; ok {
			out[j].B = &p
			continue
		}
		out = append(out, PeriodPair{Key: p.Key, Start: p.Start, B: &p})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

// Previous returns the range of the same length just before [from, to)
// (to exclusive, both at the start of a day): n = the range's length in
// calendar days, the previous range is [from − n days, from), and its
// reference date is asOf − n days, so that the previous range stands to its
// reference date as the range stands to asOf.
func Previous(from, to, asOf time.Time) (pFrom, pTo, pAsOf time.Time, days int) {
	days = calendarDays(from, to)
	return from.AddDate(0, 0, -days), from, asOf.AddDate(0, 0, -days), days
}

// calendarDays counts the days from a's date to b's date (b's location is
// a's), whatever the clock changes between them.
func calendarDays(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.In(a.Location()).Date()
	da := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// Before returns what an export made at t would hold: d's orders and
// refunds dated before t, and the customers with such an order (with their
// e-mail, name and country).
func Before(d *metrics.Dataset, t time.Time) *metrics.Dataset {
	return d.Before(t)
}
