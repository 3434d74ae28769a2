package report

import (
	"fmt"
	"strings"
)

// Code names a setting the engine cannot use, or orders it cannot work on
// with the settings given. The edges word each code: the command line in
// English with its flags, the page in the user's language with its
// controls.
type Code string

// The codes of Error, with the fields each one sets.
const (
	// BadDate: Field is not a date like 2024-01-31 (Value).
	BadDate Code = "bad_date"
	// BadTimeZone: Value is not an IANA time zone name.
	BadTimeZone Code = "bad_time_zone"
	// BadGrain: Value is not month, quarter or year.
	BadGrain Code = "bad_grain"
	// BadActiveWindow: Value is neither WindowPeriod nor a number of days.
	BadActiveWindow Code = "bad_active_window"
	// UnknownRole: Value is not a column role; Bound lists the roles,
	// comma-separated.
	UnknownRole Code = "unknown_role"
	// BeforeEarliest: the day Value of Field is before Bound, the first
	// day orders are read from (limits.EarliestOrder).
	BeforeEarliest Code = "before_earliest"
	// AfterTomorrow: the day Value of Field is after tomorrow.
	AfterTomorrow Code = "after_tomorrow"
	// EndBeforeStart: the last day Value of Field (to, season_to) is
	// before the first day Bound of its range (from, season_from).
	EndBeforeStart Code = "end_before_start"
	// BadUnit: Value is not week or day.
	BadUnit Code = "bad_unit"
	// BadHorizon: Value is not 1 to Bound months.
	BadHorizon Code = "bad_horizon"
	// BadDiscount: Value is not a monthly rate from 0 to below 1.
	BadDiscount Code = "bad_discount"
	// NoOrdersToPredict: the file Value has no orders to predict from.
	NoOrdersToPredict Code = "no_orders_to_predict"
	// NoCustomerBy: no customer bought on or before Value, the
	// calibration end (Field until).
	NoCustomerBy Code = "no_customer_by"
	// Unreadable: the browser could not read the file Field; Value is
	// its reason (the file moved or changed since it was chosen).
	Unreadable Code = "unreadable"
)

// Error is a code with what it is about: the setting at fault (Field, a
// Settings field's JSON name: from, season_to, horizon), the value given,
// and what it was compared with (Bound). Its Error is plain English for
// logs and tests; users read the edges' words.
type Error struct {
	Code  Code   `json:"code"`
	Field string `json:"field,omitempty"`
	Value string `json:"value,omitempty"`
	Bound string `json:"bound,omitempty"`
}

func (e *Error) Error() string {
	field := strings.ReplaceAll(e.Field, "_", " ")
	switch e.Code {
	case BadDate:
		return fmt.Sprintf("%s must be a date like 2024-01-31, got %q", field, e.Value)
	case BadTimeZone:
		return fmt.Sprintf("unknown time zone %q; use a name such as Europe/Berlin or UTC", e.Value)
	case BadGrain:
		return fmt.Sprintf("grain must be month, quarter or year, got %q", e.Value)
	case BadActiveWindow:
		return fmt.Sprintf("the active window must be %s or a number of days such as 90d, got %q", WindowPeriod, e.Value)
	case UnknownRole:
		return fmt.Sprintf("unknown role %q; the roles are: %s", e.Value, e.Bound)
	case BeforeEarliest:
		return fmt.Sprintf("%s (%s) is before %s: orders are read from that day on", field, e.Value, e.Bound)
	case AfterTomorrow:
		return fmt.Sprintf("%s (%s) is after tomorrow: orders are read up to today", field, e.Value)
	case EndBeforeStart:
		return fmt.Sprintf("%s (%s) is before the range's first day (%s)", field, e.Value, e.Bound)
	case BadUnit:
		return fmt.Sprintf("the unit must be week or day, got %q", e.Value)
	case BadHorizon:
		return fmt.Sprintf("the horizon must be 1 to %s months, got %s", e.Bound, e.Value)
	case BadDiscount:
		return fmt.Sprintf("the discount is a monthly rate from 0 to below 1 (0.01 = 1%%), got %s", e.Value)
	case NoOrdersToPredict:
		return fmt.Sprintf("%s has no orders to predict from", e.Value)
	case NoCustomerBy:
		return fmt.Sprintf("no customer bought on or before %s", e.Value)
	case Unreadable:
		return fmt.Sprintf("%s could not be read: %s", e.Field, e.Value)
	}
	return fmt.Sprintf("%s: %s %q", e.Code, field, e.Value)
}

// IsSetting reports whether the error is a setting the user must change,
// as opposed to orders that give nothing with the settings (no orders to
// predict from, no customer by the calibration end), which a report says
// in its place and goes on.
func (e *Error) IsSetting() bool {
	return e.Code != NoOrdersToPredict && e.Code != NoCustomerBy && e.Code != Unreadable
}
