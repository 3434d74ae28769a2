package metrics

import (
	"fmt"
	"strings"
	"time"
)

// Grain is the length of a reporting period.
type Grain int

// The grains.
const (
	Month Grain = iota
	Quarter
	Year
)

func (g Grain) String() string {
	switch g {
	case Quarter:
		return "quarter"
	case Year:
		return "year"
	}
	return "month"
}

// ParseGrain reads "month", "quarter" or "year".
func ParseGrain(s string) (Grain, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "month", "monthly", "m":
		return Month, nil
	case "quarter", "quarterly", "q":
		return Quarter, nil
	case "year", "yearly", "annual", "y":
		return Year, nil
	}
	return Month, fmt.Errorf("grain must be month, quarter or year, got %q", s)
}

// Period is one month, quarter or year. Start is its first instant and End
// the first instant after it, in the location of the times it was made from.
type Period struct {
	Key        string // 2011-01, 2011-Q1, 2011
	Start, End time.Time
}

// index numbers periods so that consecutive periods differ by one.
func (g Grain) index(t time.Time) int {
	y, m, _ := t.Date()
	switch g {
	case Quarter:
		return y*4 + (int(m)-1)/3
	case Year:
		return y
	}
	return y*12 + int(m) - 1
}

// period returns the period with the given index, in loc.
func (g Grain) period(i int, loc *time.Location) Period {
	var p Period
	switch g {
	case Quarter:
		y, q := floorDiv(i, 4)
		p.Start = time.Date(y, time.Month(q*3+1), 1, 0, 0, 0, 0, loc)
		p.End = p.Start.AddDate(0, 3, 0)
		p.Key = fmt.Sprintf("%04d-Q%d", y, q+1)
	case Year:
		p.Start = time.Date(i, 1, 1, 0, 0, 0, 0, loc)
		p.End = p.Start.AddDate(1, 0, 0)
		p.Key = fmt.Sprintf("%04d", i)
	default:
		y, m := floorDiv(i, 12)
		p.Start = time.Date(y, time.Month(m+1), 1, 0, 0, 0, 0, loc)
		p.End = p.Start.AddDate(0, 1, 0)
		p.Key = fmt.Sprintf("%04d-%02d", y, m+1)
	}
	return p
}

func floorDiv(a, b int) (int, int) {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q, a - q*b
}

// PeriodOf returns the period that holds t.
func (g Grain) PeriodOf(t time.Time) Period { return g.period(g.index(t), t.Location()) }

// Options choose the periods and range of a report.
type Options struct {
	Grain Grain
	// From and To are the first and last day of the range (inclusive, any
	// time of those days). The zero value means the first or last order.
	From, To time.Time
	// AsOf is the reference date: recency is measured to it and a period
	// that ends after it is not complete. The zero value means the start
	// of the day after the last order.
	AsOf time.Time
	// ActiveWindow is how many days a customer stays in the customer base
	// after an order (see PeriodStats). The zero value means one period:
	// the base at a period's start is the previous period's customers, the
	// S of CRR = (E − N) / S as it is usually written, so CRR is that
	// figure unchanged, and the base depends on no number estimated from
	// the orders (the same orders give the same base whatever the range).
	// A shop whose customers come back less often than once a period sees
	// them lost and reactivated in turn; a window near their time between
	// orders counts them as retained.
	ActiveWindow int
}

// bounds resolves the options against the dataset: the range [from, to)
// and the reference date, in the orders' location.
func (o Options) bounds(d *Dataset) (from, to, asOf time.Time) {
	loc := time.UTC
	if len(d.Orders) > 0 {
		loc = d.Orders[0].Time.Location()
	}
	first, last := time.Time{}, time.Time{}
	if len(d.Orders) > 0 {
		first, last = d.Orders[0].Time, d.Orders[len(d.Orders)-1].Time
	}
	from = startOfDay(first, loc)
	if !o.From.IsZero() {
		from = startOfDay(o.From, loc)
	}
	to = startOfDay(last, loc).AddDate(0, 0, 1)
	if !o.To.IsZero() {
		to = startOfDay(o.To, loc).AddDate(0, 0, 1)
	}
	asOf = startOfDay(last, loc).AddDate(0, 0, 1)
	if !o.AsOf.IsZero() {
		asOf = o.AsOf.In(loc)
	}
	return from, to, asOf
}

func startOfDay(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// inRange tells whether t is in [from, to).
func inRange(t, from, to time.Time) bool { return !t.Before(from) && t.Before(to) }
