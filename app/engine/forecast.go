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
)

// Slipping-away thresholds: customers in the top SlippingTop of net
// revenue whose P(alive) is below SlippingPAlive.
const (
	SlippingTop    = 0.20
	SlippingPAlive = 0.5
	// minValidationDays is the shortest history the check splits in two.
	minValidationDays = 8 * 7 * 2
)

// Forecast fits the BTYD models on the orders up to the day before the
// report's reference date and adds what they predict to the report: each
// customer row's P(alive), purchases and CLV over the horizon, the shop's
// and each segment's totals, the valuable customers slipping away (the
// list report.ListSlipping), and a check of the same models calibrated on
// the first half of the history (or up to o.Validate) against the
// rest. A model that cannot be fitted leaves its reason in the forecast's
// Errors and no numbers; only bad options are an error.
func Forecast(res *ingest.Result, doc *report.Document, o report.Settings) error {
	fit, err := FitForecast(res, doc.AsOf, o)
	if err != nil {
		return err
	}
	fit.Attach(doc)
	return nil
}

// Fit is the forecast's models fitted for one reference date: the costly
// part of Forecast, which a caller can keep while only the report's other
// settings change.
type Fit struct {
	until string
	pr    *report.Prediction // nil when there is nothing to predict from (why)
	why   report.Error
	check report.Validation
}

// FitForecast fits the forecast's models on the orders up to the day
// before asOf (2006-01-02) and checks them (see Forecast).
func FitForecast(res *ingest.Result, asOf string, o report.Settings) (*Fit, error) {
	o.Defaults()
	loc, err := location(o.TZ)
	if err != nil {
		return nil, err
	}
	ref, err := time.ParseInLocation(dateLayout, asOf, loc)
	if err != nil {
		return nil, fmt.Errorf("report has no reference date: %w", err)
	}
	o.Until = ref.AddDate(0, 0, -1).Format(dateLayout)
	fit := &Fit{until: o.Until}
	pr, err := Predict(res, o)
	if err != nil {
		var e *report.Error
		if !errors.As(err, &e) || e.IsSetting() {
			return nil, err
		}
		// No customer before the reference date, no orders: nothing to
		// predict from, said like a model that cannot be fitted.
		fit.why = *e
		return fit, nil
	}
	fit.pr = pr
	fit.check = validate(res, o)
	return fit, nil
}

// Attach adds the fitted forecast to a report of the same orders and
// reference date: the forecast's summary, and each customer row's
// predictions. The fit itself is not changed.
func (fit *Fit) Attach(doc *report.Document) {
	pr := fit.pr
	if pr == nil {
		doc.Forecast = &report.Forecast{Until: fit.until, Errors: []report.Error{fit.why}}
		return
	}
	f := &report.Forecast{
		Until: pr.Until, Unit: pr.Unit, Horizon: pr.Horizon, Discount: pr.Discount,
		Customers: pr.Customers, Repeaters: pr.Repeaters,
		BGNBD: pr.BGNBD, GammaGamma: pr.GammaGamma, SpendFrequencyCorrelation: pr.SpendFrequencyCorrelation,
		Errors: pr.Errors, Notes: pr.Notes, Validation: fit.check,
	}
	doc.Forecast = f
	if pr.BGNBD == nil {
		return
	}

	byID := make(map[string]*report.Predicted, len(pr.Rows))
	for i := range pr.Rows {
		byID[pr.Rows[i].ID] = &pr.Rows[i]
	}
	f.PAlive = make([]report.Bucket, 10)
	for i := range f.PAlive {
		f.PAlive[i].Label = fmt.Sprintf("%d-%d%%", i*10, i*10+10)
	}
	var clv float64
	segs := map[string]*report.SegmentForecast{}
	var order []string
	for _, s := range doc.Segments {
		segs[s.Name] = &report.SegmentForecast{Name: s.Name}
		order = append(order, s.Name)
	}
	revenues := make([]float64, 0, len(doc.CustomerRows))
	for i := range doc.CustomerRows {
		revenues = append(revenues, doc.CustomerRows[i].Revenue)
	}
	sort.Float64s(revenues)
	minRevenue := math.Inf(1)
	if n := len(revenues); n > 0 {
		// The smallest revenue of the top 20%: ceil(20% of n) customers.
		top := int(math.Ceil(SlippingTop * float64(n)))
		minRevenue = revenues[n-top]
	}
	f.Slipping = report.SlippingList{MinRevenue: r2(minRevenue), MaxPAlive: SlippingPAlive}
	for i := range doc.CustomerRows {
		c := &doc.CustomerRows[i]
		pc, ok := byID[c.ID]
		if !ok {
			continue
		}
		c.PAlive, c.PredictedPurchases, c.PredictedCLV = ptr(pc.PAlive), ptr(pc.ExpectedPurchases), pc.CLV
		c.NextOrder = pc.NextOrder
		s := segs[c.Segment]
		if s == nil {
			s = &report.SegmentForecast{Name: c.Segment}
			segs[c.Segment] = s
			order = append(order, c.Segment)
		}
		s.Customers++
		s.ExpectedPurchases += pc.ExpectedPurchases
		s.MeanPAlive += pc.PAlive
		if pc.CLV != nil {
			clv += *pc.CLV
			if s.CLV == nil {
				s.CLV = ptr(0)
			}
			*s.CLV += *pc.CLV
		}
		f.ExpectedPurchases += pc.ExpectedPurchases
		if pc.X > 0 {
			k := min(int(pc.PAlive*10), 9)
			f.PAlive[k].Count++
		}
		if c.Revenue >= minRevenue && c.Revenue > 0 && pc.PAlive < SlippingPAlive {
			c.Slipping = true
			f.Slipping.Customers++
			f.Slipping.Revenue += c.Revenue
		}
	}
	f.ExpectedPurchases = r2(f.ExpectedPurchases)
	f.Slipping.Revenue = r2(f.Slipping.Revenue)
	if pr.GammaGamma != nil {
		f.CLV = ptr(r2(clv))
	}
	for _, name := range order {
		s := segs[name]
		if s.Customers == 0 {
			continue
		}
		n := float64(s.Customers)
		s.MeanPAlive = r6(s.MeanPAlive / n)
		s.ExpectedPurchases = r2(s.ExpectedPurchases)
		if s.CLV != nil {
			s.MeanCLV = ptr(r2(*s.CLV / n))
			*s.CLV = r2(*s.CLV)
		}
		f.Segments = append(f.Segments, *s)
	}
}

// validate fits the models on the orders up to o.Validate (by default the
// middle day between the first order and o.Until, the day before the
// reference date) and compares them with the orders after it, up to
// o.Until.
func validate(res *ingest.Result, o report.Settings) report.Validation {
	p := o
	loc, _ := location(o.TZ)
	last, _ := time.ParseInLocation(dateLayout, p.Until, loc)
	v := report.Validation{End: p.Until}
	ds := res.Dataset
	if len(ds.Orders) == 0 {
		v.Error = &report.Error{Code: report.CheckNoOrders}
		return v
	}
	first := ds.Orders[0].Time.In(loc)
	first = time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, loc)
	var until time.Time
	if strings.TrimSpace(p.Validate) != "" {
		var err error
		if until, err = day("validate", p.Validate, loc); err != nil {
			v.Error = errorOf(err)
			return v
		}
		if !until.Before(last) {
			v.Error = &report.Error{Code: report.CheckTooLate, Field: "validate", Value: until.Format(dateLayout), Bound: p.Until}
			return v
		}
	} else {
		days := int(last.Sub(first).Hours()/24 + 0.5)
		if days < minValidationDays {
			v.Error = &report.Error{Code: report.CheckShortHistory, N: days, Need: minValidationDays}
			return v
		}
		until = first.AddDate(0, 0, days/2)
	}
	v.Until = until.Format(dateLayout)
	// Predict's holdout runs to the last order's day; stop it at the
	// forecast's calibration end by cutting the dataset there.
	cut := *res
	cut.Dataset = datasetUntil(ds, last.AddDate(0, 0, 1))
	q := o
	q.Until = v.Until
	pr, err := Predict(&cut, q)
	switch {
	case err != nil:
		v.Error = errorOf(err)
	case pr.BGNBD == nil:
		v.Error = &pr.Errors[0] // BG/NBD's, the one fit tried without it
	case pr.Holdout == nil:
		v.Error = &report.Error{Code: report.CheckNoHoldout, Value: v.Until}
	default:
		v.BGNBD, v.Holdout = pr.BGNBD, pr.Holdout
		v.End = pr.End
	}
	return v
}

// errorOf is err as the report gives it: its code, or FitBadInput with its
// words for an error the engine has no code for (a fault of its own).
func errorOf(err error) *report.Error {
	var e *report.Error
	if errors.As(err, &e) {
		c := *e
		return &c
	}
	return &report.Error{Code: report.FitBadInput, Value: err.Error()}
}

// datasetUntil is the dataset without the orders and refunds from end on.
func datasetUntil(ds *metrics.Dataset, end time.Time) *metrics.Dataset {
	if n := len(ds.Orders); n == 0 || ds.Orders[n-1].Time.Before(end) {
		return ds
	}
	return ds.Before(end)
}
