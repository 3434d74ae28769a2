package metrics

import "time"

// Bounds resolves the options against the dataset as every figure of a
// report does: the range [from, to) (from the first day's start to the
// start of the day after the last day; the first and last order's days when
// From or To is zero) and the reference date, in the orders' location.
func (o Options) Bounds(d *Dataset) (from, to, asOf time.Time) { return o.bounds(d) }
