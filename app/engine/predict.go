package engine

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"retention/app/ingest"
	"retention/app/report"
	"retention/metrics"
	"retention/metrics/btyd"
)

// MaxHorizon is the longest horizon in months: ten years, past which a
// model fitted on a shop's history says little.
const MaxHorizon = 120

// daysPerMonth is a mean month (365.25 / 12), as the BTYD literature
// converts months to days.
const daysPerMonth = 30.4375

// Predict fits BG/NBD and Gamma-Gamma on the orders up to o.Until (the
// last order's day when blank), in units of o.PredictUnit, and
// predicts each customer's P(alive), purchases and CLV; with orders after
// Until it compares prediction with what happened. A model that cannot be
// fitted gives its reason in Errors and no numbers.
func Predict(res *ingest.Result, o report.Settings) (*report.Prediction, error) {
	o.Defaults()
	p := o
	loc, err := location(o.TZ)
	if err != nil {
		return nil, err
	}
	ds := res.Dataset
	if len(ds.Orders) == 0 {
		return nil, &report.Error{Code: report.NoOrdersToPredict, Value: res.Report.File}
	}
	unitDays := 7.0
	switch strings.ToLower(strings.TrimSpace(p.PredictUnit)) {
	case "week", "weeks", "w":
		p.PredictUnit = "week"
	case "day", "days", "d":
		p.PredictUnit, unitDays = "day", 1
	default:
		return nil, &report.Error{Code: report.BadUnit, Field: "predict_unit", Value: p.PredictUnit}
	}
	if p.Horizon < 0 || p.Horizon > MaxHorizon {
		return nil, &report.Error{Code: report.BadHorizon, Field: "horizon", Value: fmt.Sprint(p.Horizon), Bound: fmt.Sprint(MaxHorizon)}
	}
	discount := *p.Discount
	if discount < 0 || discount >= 1 || math.IsNaN(discount) {
		return nil, &report.Error{Code: report.BadDiscount, Field: "discount", Value: fmt.Sprint(discount)}
	}
	lastOrder := ds.Orders[len(ds.Orders)-1].Time.In(loc) // orders are sorted by time
	end := time.Date(lastOrder.Year(), lastOrder.Month(), lastOrder.Day(), 0, 0, 0, 0, loc)
	until := end
	if strings.TrimSpace(p.Until) != "" {
		if until, err = day("until", p.Until, loc); err != nil {
			return nil, err
		}
	}
	pr := &report.Prediction{File: res.Report.File, Until: until.Format(dateLayout), Unit: p.PredictUnit, Horizon: p.Horizon, Discount: discount}
	if end.After(until) {
		pr.End = end.Format(dateLayout)
	} else {
		end = until
	}
	reps, holdLen := metrics.Repeats(ds, until, end, unitDays)
	if len(reps) == 0 {
		return nil, &report.Error{Code: report.NoCustomerBy, Field: "until", Value: pr.Until}
	}
	started := 0
	for ci := range ds.Customers {
		if idx := ds.CustomerOrders(ci); len(idx) > 0 && ds.Orders[idx[0]].Time.Before(until.AddDate(0, 0, 1)) {
			started++
		}
	}
	if lost := started - len(reps); lost > 0 {
		pr.Notes = append(pr.Notes, report.Note{Code: report.NoteLeftOut, N: lost, Value: pr.Until})
	}
	cs := make([]btyd.Customer, len(reps))
	var xs, ms []float64
	for i, r := range reps {
		cs[i] = btyd.Customer{X: r.X, TX: r.TX, T: r.T}
		if r.X > 0 {
			pr.Repeaters++
			if r.Mean > 0 {
				xs, ms = append(xs, r.X), append(ms, r.Mean)
			}
		}
	}
	pr.Customers = len(reps)

	bg, err := btyd.FitBGNBD(cs)
	if err != nil {
		pr.Errors = append(pr.Errors, fitError(report.ModelBGNBD, err))
		return pr, nil
	}
	pr.BGNBD = &report.BGNBDParams{R: r6(bg.R), Alpha: r6(bg.Alpha), A: r6(bg.A), B: r6(bg.B), LL: r6(bg.LL), NoDropout: bg.NoDropout}
	if bg.NoDropout {
		pr.Notes = append(pr.Notes, report.Note{Code: report.NoteNoDropout})
	}
	gg, ggErr := btyd.FitGammaGamma(xs, ms)
	if ggErr != nil {
		pr.Errors = append(pr.Errors, fitError(report.ModelGammaGamma, ggErr))
	} else {
		pr.GammaGamma = &report.GGParams{P: r6(gg.P), Q: r6(gg.Q), Gamma: r6(gg.V), LL: r6(gg.LL)}
	}
	if len(xs) > 2 {
		c := btyd.FreqSpendCorrelation(xs, ms)
		if !math.IsNaN(c) {
			pr.SpendFrequencyCorrelation = ptr(r6(c))
		}
	}

	unitsPerMonth := daysPerMonth / unitDays
	horizon := float64(p.Horizon) * unitsPerMonth
	pr.Rows = make([]report.Predicted, len(reps))
	for i, r := range reps {
		info := ds.Customers[r.Customer]
		row := report.Predicted{ID: info.ID, Email: info.Email, X: r6(r.X), TX: r6(r.TX), T: r6(r.T),
			PAlive: r6(bg.PAlive(cs[i])), ExpectedPurchases: r6(bg.ExpectedPurchases(cs[i], horizon))}
		if ggErr == nil {
			row.ExpectedAOV = ptr(r2(gg.ExpectedAOV(r.X, r.Mean)))
			row.CLV = ptr(r2(btyd.CLV(bg, gg, cs[i], r.X, r.Mean, p.Horizon, unitsPerMonth, discount)))
		}
		if pr.End != "" {
			h := r.Holdout
			row.Holdout = &h
		}
		if next, ok := nextOrder(bg, cs[i], until, unitDays); ok {
			row.NextOrder = next.Format(dateLayout)
		}
		pr.Rows[i] = row
	}
	if pr.End != "" && holdLen > 0 {
		pr.Holdout = holdout(bg, cs, reps, holdLen, unitDays)
	}
	return pr, nil
}

// fitError is why model cannot be fitted, as the report's code: a
// btyd.FitError's reason and figures; FitBadInput, with its words, for
// histories the model does not take (a fault of the engine).
func fitError(model string, err error) report.Error {
	e := report.Error{Model: model}
	var fe *btyd.FitError
	if !errors.As(err, &fe) {
		e.Code, e.Value = report.FitBadInput, err.Error()
		return e
	}
	e.N, e.Of, e.Need = fe.N, fe.Of, fe.Need
	switch fe.Reason {
	case btyd.TooFewCustomers:
		e.Code = report.FitFewCustomers
	case btyd.TooFewRepeaters:
		e.Code = report.FitFewRepeaters
	case btyd.NoTime:
		e.Code = report.FitNoTime
	case btyd.NotConverged:
		e.Code, e.Value = report.FitNotConverged, fe.Status
	case btyd.Unbounded:
		e.Code, e.Field, e.Value, e.Figure = report.FitUnbounded, fe.Param, fe.Model, fe.Value
	case btyd.SpendCorrelated:
		e.Code, e.Figure = report.FitSpendCorrelated, fe.Value
	case btyd.HeavyTail:
		e.Code, e.Figure = report.FitHeavyTail, fe.Value
	default:
		e.Code, e.Value = report.FitBadInput, fe.Error()
	}
	return e
}

// holdout compares the purchases predicted for the holdout with those
// made: by calibration purchases, over time, and in total.
func holdout(bg btyd.BGNBD, cs []btyd.Customer, reps []metrics.Repeat, length, unitDays float64) *report.Holdout {
	h := &report.Holdout{Length: r6(length)}
	const top = 7
	groups := make([]report.HoldoutGroup, top+1)
	var absErr float64
	for i, r := range reps {
		pred := bg.ExpectedPurchases(cs[i], length)
		g := int(math.Min(r.X, top))
		groups[g].Customers++
		groups[g].Actual += float64(r.Holdout)
		groups[g].Predicted += pred
		h.Actual += r.Holdout
		h.Predicted += pred
		absErr += math.Abs(pred - float64(r.Holdout))
	}
	for g := range groups {
		groups[g].X = fmt.Sprint(g)
		if g == top {
			groups[g].X = fmt.Sprintf("%d+", top)
		}
		if n := float64(groups[g].Customers); n > 0 {
			groups[g].Actual, groups[g].Predicted = r6(groups[g].Actual/n), r6(groups[g].Predicted/n)
			h.ByX = append(h.ByX, groups[g])
		}
	}
	if h.Actual > 0 {
		h.Error = r6(math.Abs(h.Predicted-float64(h.Actual)) / float64(h.Actual))
	}
	h.MAE = r6(absErr / float64(len(reps)))
	h.Predicted = r6(h.Predicted)

	// Cumulative repeat purchases unit by unit from the first purchase of
	// any customer: actual, and predicted for a new customer from each
	// one's first purchase (customers who started the same day share it).
	start := reps[0].First
	for _, r := range reps {
		if r.First.Before(start) {
			start = r.First
		}
	}
	offset := func(t time.Time) float64 { return t.Sub(start).Hours() / 24 / unitDays }
	byStart := map[float64]int{}
	var actual []float64
	last := 0.0
	for _, r := range reps {
		s := offset(r.First)
		byStart[s]++
		last = math.Max(last, s+r.T+length)
		for _, t := range r.Times {
			actual = append(actual, s+t)
		}
	}
	sort.Float64s(actual)
	starts := make([]float64, 0, len(byStart))
	for s := range byStart {
		starts = append(starts, s)
	}
	sort.Float64s(starts)
	n := int(math.Ceil(last - 1e-9))
	k := 0
	for u := 1; u <= n; u++ {
		for k < len(actual) && actual[k] <= float64(u) {
			k++
		}
		pred := 0.0
		for _, s := range starts {
			if float64(u) > s {
				pred += float64(byStart[s]) * bg.ExpectedPurchasesNew(float64(u)-s)
			}
		}
		h.Cumulative = append(h.Cumulative, report.CumulativePoint{Unit: u, Actual: k, Predicted: r2(pred)})
	}
	return h
}

// nextOrder is the customer's expected next order date: the first day
// after the calibration end until at which BG/NBD's expected purchases
// reach one,
//
//	next = until + ceil(t × unitDays) days, t = min{t : E[Y(t) | x, t_x, T] >= 1}
//
// (btyd.TimeToPurchases; t in the model's unit, found to within a day).
// Without drop-out that is until + (alpha + T) / (r + x) units, the mean
// time between purchases at the customer's posterior purchase rate. ok is
// false for a customer not expected to order once more within MaxHorizon
// months (with drop-out the expected purchases stay below one for a
// customer likely gone).
func nextOrder(bg btyd.BGNBD, c btyd.Customer, until time.Time, unitDays float64) (time.Time, bool) {
	t, ok := bg.TimeToPurchases(c, 1, MaxHorizon*daysPerMonth/unitDays, 1/unitDays)
	if !ok {
		return time.Time{}, false
	}
	days := max(1, int(math.Ceil(t*unitDays-1e-9)))
	return until.AddDate(0, 0, days), true
}
