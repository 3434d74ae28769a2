package metrics

import (
	"math"
	"time"
)

// Repeat is one customer's purchase history in the form the buy-till-you-
// die models (BG/NBD, Gamma-Gamma) take, as Fader, Hardie and Lee define
// it: purchases are counted by day (orders on the same day are one
// purchase), times are measured in units of unitDays days (1 for days, 7
// for weeks) from the customer's first purchase.
type Repeat struct {
	Customer int     // index in Dataset.Customers
	X        float64 // repeat purchases in the calibration period
	TX       float64 // time of the last calibration purchase
	T        float64 // time from the first purchase to the end of calibration
	// Mean is the mean value of the repeat purchases (what the
	// Gamma-Gamma model takes); 0 without one.
	Mean float64
	// Holdout is the purchases after the calibration period, up to the
	// end of the holdout.
	Holdout int
	// First is the day of the first purchase (midnight UTC of its date);
	// Times the repeat purchases' times in units after it, calibration and
	// holdout.
	First time.Time
	Times []float64
}

// Repeats returns the calibration summary of every customer whose first
// purchase is on or before until (the last day of calibration), and the
// purchases each made in the holdout (the days after until up to end; a
// zero end means no holdout). It also returns the holdout's length in
// units.
//
// A purchase's value is what its day's orders brought less what was
// refunded of them: a refund naming one of the customer's orders counts
// against that order's day, any other against the customer's purchase on
// the refund's own day. A day refunded in full (an order cancelled the day
// it was placed) is no purchase; a refund on a day without one is left to
// the net revenue figures, since nothing says which purchase it returns.
func Repeats(d *Dataset, until, end time.Time, unitDays float64) ([]Repeat, float64) {
	if len(d.Orders) == 0 || unitDays <= 0 {
		return nil, 0
	}
	loc := d.Orders[0].Time.Location()
	dayOf := func(t time.Time) int64 {
		y, m, dd := t.In(loc).Date()
		return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix() / 86400
	}
	last := dayOf(until)
	endDay := last
	if !end.IsZero() {
		endDay = dayOf(end)
	}
	refundsOf := make(map[int][]int)
	for i, ci := range d.refundCustomer {
		if ci >= 0 {
			refundsOf[int(ci)] = append(refundsOf[int(ci)], i)
		}
	}
	type purchase struct {
		day             int64
		value, refunded float64
	}
	var days []purchase
	byID := map[string]int64{}
	var out []Repeat
	for ci, idx := range d.byCustomer {
		if len(idx) == 0 {
			continue
		}
		days = days[:0]
		clear(byID)
		for _, oi := range idx {
			o := &d.Orders[oi]
			k := dayOf(o.Time)
			if n := len(days); n == 0 || days[n-1].day != k {
				days = append(days, purchase{day: k})
			}
			days[len(days)-1].value += o.Amount
			byID[o.ID] = k
		}
		for _, ri := range refundsOf[ci] {
			rf := &d.Refunds[ri]
			k, ok := byID[rf.OrderID]
			if !ok {
				k = dayOf(rf.Time)
			}
			for j := range days {
				if days[j].day == k {
					days[j].refunded += rf.Amount
					break
				}
			}
		}
		kept := days[:0]
		for _, p := range days {
			if p.refunded > 0 && p.refunded >= p.value {
				continue
			}
			kept = append(kept, p)
		}
		if len(kept) == 0 || kept[0].day > last {
			continue
		}
		first := kept[0].day
		r := Repeat{Customer: ci, T: float64(last-first) / unitDays, First: time.Unix(first*86400, 0).UTC()}
		var sum float64
		for _, p := range kept[1:] {
			switch {
			case p.day <= last:
				r.X++
				r.TX = float64(p.day-first) / unitDays
				sum += p.value - p.refunded
			case p.day <= endDay:
				r.Holdout++
			default:
				continue
			}
			r.Times = append(r.Times, float64(p.day-first)/unitDays)
		}
		if r.X > 0 {
			r.Mean = sum / r.X
		}
		out = append(out, r)
	}
	return out, math.Max(0, float64(endDay-last)/unitDays)
}
