package btyd

import "fmt"

// FitReason is why a model cannot be fitted, for a caller to word.
type FitReason int

// The reasons of FitError, with the fields each one sets.
const (
	// TooFewCustomers: N customers, fewer than Need (MinCustomers).
	TooFewCustomers FitReason = iota + 1
	// TooFewRepeaters: N customers bought again, fewer than Need
	// (MinRepeaters); Of is all the customers (BG/NBD), 0 when only
	// repeat buyers were given (Gamma-Gamma).
	TooFewRepeaters
	// NoTime: every customer was observed for no time.
	NoTime
	// NotConverged: the likelihood's maximum was not found; Status is the
	// optimiser's reason.
	NotConverged
	// Unbounded: Model's parameter Param ran off to Value, outside what
	// the data can pin down.
	Unbounded
	// SpendCorrelated: mean spend and repeat purchases correlate by Value
	// (Pearson's r), at least MaxSpendCorrelation in size.
	SpendCorrelated
	// HeavyTail: the fitted q is Value, at most 1: the expected order
	// value is infinite.
	HeavyTail
)

// FitError is why a model cannot be fitted: a reason with the figures it
// is about. It wraps ErrNoFit; histories that are not the model's input
// at all (a negative count) are plain ErrNoFit errors.
type FitError struct {
	Reason      FitReason
	Model       string // Unbounded: "BG/NBD", "NBD" or "Gamma-Gamma"
	N, Of, Need int
	Param       string
	Value       float64
	Status      string
}

func (e *FitError) Error() string {
	var s string
	switch e.Reason {
	case TooFewCustomers:
		s = fmt.Sprintf("%d customers; the model needs at least %d", e.N, e.Need)
	case TooFewRepeaters:
		if e.Of > 0 {
			s = fmt.Sprintf("only %d of %d customers bought again; the model needs at least %d repeat buyers", e.N, e.Of, e.Need)
		} else {
			s = fmt.Sprintf("only %d customers with repeat purchases; the spend model needs at least %d", e.N, e.Need)
		}
	case NoTime:
		s = "every customer was observed for no time"
	case NotConverged:
		s = fmt.Sprintf("the likelihood did not converge (%s)", e.Status)
	case Unbounded:
		s = fmt.Sprintf("%s parameter %s ran off to %.3g; the data do not pin the model down", e.Model, e.Param, e.Value)
	case SpendCorrelated:
		more := "less"
		if e.Value > 0 {
			more = "more"
		}
		s = fmt.Sprintf("customers who buy more often spend %s per order (correlation %.2f); the spend model assumes order value does not depend on frequency, so its order values and CLV would be wrong", more, e.Value)
	case HeavyTail:
		s = fmt.Sprintf("spend is so heavy-tailed that the model's expected order value is infinite (q = %.3g, must be above 1)", e.Value)
	}
	return ErrNoFit.Error() + ": " + s
}

// Unwrap makes every FitError an ErrNoFit.
func (e *FitError) Unwrap() error { return ErrNoFit }
