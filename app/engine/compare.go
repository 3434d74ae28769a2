package engine

import (
	"fmt"
	"time"

	"retention/app/ingest"
	"retention/app/report"
	"retention/metrics"
	"retention/metrics/compare"
)

// Compare puts two loaded files side by side (`retention compare A B`),
// each reported with the same options o as Build reports it: each KPI of A
// and B with its change, the periods of either aligned by period, and the
// customers who moved between RFM segments, each file scored as of its own
// reference date on its orders before it.
func Compare(a, b *ingest.Result, o report.Settings) (*report.Comparison, error) {
	mo, _, err := resolved(o)
	if err != nil {
		return nil, err
	}
	sa, sb := newSide(a.Dataset, mo), newSide(b.Dataset, mo)
	c := &report.Comparison{A: sa.header(a, o), B: sb.header(b, o)}
	c.KPIs = kpiChanges(compare.KPIs(sa.fig, sb.fig))
	for _, p := range compare.Align(sa.fig.Periods, sb.fig.Periods) {
		rp := report.PeriodPair{Period: p.Key}
		if p.A != nil {
			rp.A = ptrPeriod(reportPeriod(*p.A))
		}
		if p.B != nil {
			rp.B = ptrPeriod(reportPeriod(*p.B))
		}
		if p.A != nil && p.B != nil && p.A.HasBase && p.B.HasBase {
			rp.RetentionDelta = ptr(r6(p.B.Retention - p.A.Retention))
			rp.ChurnDelta = ptr(r6(p.B.Churn - p.A.Churn))
			rp.CRRDelta = ptr(r6(p.B.CRR - p.A.CRR))
		}
		c.Periods = append(c.Periods, rp)
	}
	if c.Periods == nil {
		c.Periods = []report.PeriodPair{}
	}
	c.Movement = movement(sa.segments(), sb.segments(), sa.asOf, sb.asOf)
	return c, nil
}

// ComparePrevious sets doc.Previous, the report's figures over the range
// of the same length just before its range (compare.Previous: n days back,
// its reference date n days before the report's), and doc.Movement, the
// customers' moves between RFM segments from the previous reference date
// to the report's. doc is the report Build made of res with o.
func ComparePrevious(res *ingest.Result, doc *report.Document, o report.Settings) error {
	prev, cur, err := previous(res, doc, o)
	if err != nil || prev == nil {
		return err
	}
	m := movement(prev.segments(), cur.segments(), prev.asOf, cur.asOf)
	doc.Movement = &m
	return nil
}

// Previous sets doc.Previous alone (ComparePrevious without the
// movement): the KPIs the workbench's cards compare.
func Previous(res *ingest.Result, doc *report.Document, o report.Settings) error {
	_, _, err := previous(res, doc, o)
	return err
}

// previous sets doc.Previous and returns both sides; nil sides for a file
// without orders.
func previous(res *ingest.Result, doc *report.Document, o report.Settings) (prev, cur *side, err error) {
	mo, _, err := resolved(o)
	if err != nil {
		return nil, nil, err
	}
	ds := res.Dataset
	if len(ds.Orders) == 0 {
		return nil, nil, nil
	}
	from, to, asOf := mo.Bounds(ds)
	pFrom, pTo, pAsOf, n := compare.Previous(from, to, asOf)
	pmo := mo
	pmo.From, pmo.To, pmo.AsOf = pFrom, pTo.AddDate(0, 0, -1), pAsOf
	p, c := newSide(ds, pmo), newSide(ds, mo)
	first := ds.Orders[0].Time
	firstDay := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, first.Location())
	doc.Previous = &report.Previous{From: pFrom.Format(dateLayout), To: pmo.To.Format(dateLayout), AsOf: pAsOf.Format(dateLayout),
		Days: n, Covered: !firstDay.After(pFrom), KPIs: kpiChanges(compare.KPIs(p.fig, c.fig))}
	return &p, &c, nil
}

// Movement returns the customers of res by their RFM segment as of since
// (a 2006-01-02 date, scored on the orders before it) and as of the
// reference date of o: where the customers of one date went by the other.
func Movement(res *ingest.Result, o report.Settings, since string) (*report.Movement, error) {
	mo, loc, err := resolved(o)
	if err != nil {
		return nil, err
	}
	t, err := day("moved_since", since, loc)
	if err != nil {
		return nil, err
	}
	if t.IsZero() {
		return nil, &report.Error{Code: report.BadDate, Field: "moved_since"}
	}
	cur := newSide(res.Dataset, mo)
	if t.After(cur.asOf) {
		return nil, fmt.Errorf("--moved-since (%s) is after the reference date (%s)", t.Format(dateLayout), cur.asOf.Format(dateLayout))
	}
	smo := mo
	smo.AsOf = t.In(cur.asOf.Location())
	m := movement(newSide(res.Dataset, smo).segments(), cur.segments(), smo.AsOf, cur.asOf)
	return &m, nil
}

// side is one dataset's figures over a range, as Build computes them.
type side struct {
	ds   *metrics.Dataset
	fig  compare.Figures
	asOf time.Time
}

func newSide(ds *metrics.Dataset, mo metrics.Options) side {
	s := side{ds: ds, fig: compare.Figures{Summary: metrics.Summarize(ds, mo), Periods: metrics.Periods(ds, mo)}}
	_, _, s.asOf = mo.Bounds(ds)
	return s
}

// segments scores the customers as of the side's reference date, on the
// orders before it.
func (s side) segments() map[string]string {
	d := compare.Before(s.ds, s.asOf)
	return compare.Segments(d, metrics.RFM(d, s.asOf, metrics.DefaultGrid))
}

func (s side) header(res *ingest.Result, o report.Settings) report.CompareSide {
	h := report.CompareSide{File: res.Report.File, Format: res.Report.Format, Sheet: res.Report.Sheet,
		Currency: res.Report.Currency, From: o.From, To: o.To, AsOf: s.asOf.Format(dateLayout),
		Customers: len(s.ds.Customers), Rows: res.Report.Rows}
	if sum := s.fig.Summary; !sum.From.IsZero() {
		h.FirstOrder, h.LastOrder = sum.From.Format(dateLayout), sum.To.Format(dateLayout)
	}
	return h
}

// kpiChanges rounds the KPIs as the report rounds the same figures:
// sums of money to cents, counts as they are, the rest (averages, rates)
// to six decimals, each change computed before.
func kpiChanges(ks []compare.KPI) []report.KPIChange {
	out := make([]report.KPIChange, len(ks))
	for i, k := range ks {
		round := r6
		switch {
		case k.Name == compare.Revenue || k.Name == compare.Refunds || k.Name == compare.NetRevenue:
			round = r2
		case k.Unit == compare.Count:
			round = func(v float64) float64 { return v }
		}
		c := report.KPIChange{Name: k.Name, Unit: string(k.Unit), APeriod: k.APeriod, BPeriod: k.BPeriod}
		if k.HasA {
			c.A = ptr(round(k.A))
		}
		if k.HasB {
			c.B = ptr(round(k.B))
		}
		if d, ok := k.Delta(); ok {
			c.Delta = ptr(round(d))
		}
		if r, ok := k.Relative(); ok {
			c.Relative = ptr(r6(r))
		}
		out[i] = c
	}
	return out
}

// movement counts the moves between a's segments as of aAt and b's as of bAt.
func movement(a, b map[string]string, aAt, bAt time.Time) report.Movement {
	m := compare.Moves(a, b)
	rm := report.Movement{AAsOf: aAt.Format(dateLayout), BAsOf: bAt.Format(dateLayout), Segments: m.Segments, Counts: m.Counts,
		Both: m.Both, Stayed: m.Stayed, Moved: m.Moved, OnlyA: m.OnlyA, OnlyB: m.OnlyB, Moves: make([]report.Move, len(m.Moves))}
	for i, mv := range m.Moves {
		rm.Moves[i] = report.Move{From: mv.From, To: mv.To, Customers: mv.Customers, Share: r6(mv.Share)}
	}
	return rm
}

// reportPeriod is a period as the report shows it (Build's Periods).
func reportPeriod(p metrics.PeriodStats) report.Period {
	rp := report.Period{
		Period: p.Key, Start: p.Start.Format(dateLayout), End: p.End.AddDate(0, 0, -1).Format(dateLayout),
		Complete: p.Complete, S: p.S, E: p.E, New: p.N, Returning: p.Returning, Retained: p.Retained,
		Reactivated: p.Reactivated, Lost: p.Lost, Revenue: r2(p.Revenue), NewRevenue: r2(p.NewRevenue),
		ReturningRevenue: r2(p.ReturningRevenue), Refunds: r2(p.Refunds), NetRevenue: r2(p.NetRevenue),
		Orders: p.Orders, AOV: r6(p.AOV),
	}
	if p.HasBase {
		rp.Retention, rp.Churn, rp.CRR = ptr(r6(p.Retention)), ptr(r6(p.Churn)), ptr(r6(p.CRR))
	}
	return rp
}

func ptrPeriod(p report.Period) *report.Period { return &p }
