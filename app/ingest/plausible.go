package ingest

import (
	"errors"
	"math"
	"strings"
	"time"

	"retention/app/limits"
	"retention/app/parse"
)

// latestSlack is how far after Options.Latest an order may be dated: one
// day, for a shop whose time zone is ahead of the machine's clock.
const latestSlack = 24 * time.Hour

// plausibleDate tells whether t can be an order's date: not before
// limits.EarliestOrder and, when latest is set, not past it by more than a day.
func plausibleDate(t, latest time.Time) bool {
	if t.Before(limits.EarliestOrder) {
		return false
	}
	return latest.IsZero() || !t.After(latest.Add(latestSlack))
}

// excelSerial60 is the text of Excel's serial 60 (package xlsx): the
// 29 February 1900 that never was, kept from Lotus 1-2-3's bug; no order
// is dated on it, it is a placeholder like the serials 0 to 59.
const excelSerial60 = "1900-02-29"

// placeholderText tells whether a date that cannot be read is a
// placeholder date, out of range rather than unreadable.
func placeholderText(s string) bool { return strings.HasPrefix(s, excelSerial60) }

// finite tells whether a parsed amount or quantity can be summed: v is
// within ±limits.MaxAmount, and err is not parse.ErrNotFinite.
func finite(v float64, err error) bool {
	if errors.Is(err, parse.ErrNotFinite) {
		return false
	}
	return err != nil || math.Abs(v) <= limits.MaxAmount
}
