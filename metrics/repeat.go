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
// units. A purchase's value is what its day's orders brought.
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
	var out []Repeat
	for ci, idx := range d.byCustomer {
		if len(idx) == 0 {
			continue
		}
		first := dayOf(d.Orders[idx[0]].Time)
		if first > last {
			continue
		}
		r := Repeat{Customer: ci, T: float64(last-first) / unitDays, First: time.Unix(first*86400, 0).UTC()}
		prev := first
		var sum, day float64
		var cur int64 = first
		flush := func() {
			if cur != first && cur <= last {
				sum += day
			}
		}
		for _, oi := range idx {
			o := &d.Orders[oi]
			k := dayOf(o.Time)
			if k != cur {
				flush()
				cur, day = k, 0
				switch {
				case k <= last:
					r.X++
					prev = k
				case k <= endDay:
					r.Holdout++
				}
				if k <= endDay {
					r.Times = append(r.Times, float64(k-first)/unitDays)
				}
			}
			day += o.Amount
		}
		flush()
		r.TX = float64(prev-first) / unitDays
		if r.X > 0 {
			r.Mean = sum / r.X
		}
		out = append(out, r)
	}
	return out, math.Max(0, float64(endDay-last)/unitDays)
}
