package engine

import (
	"math"
	"strconv"
	"strings"
	"time"

	"retention/app/ingest"
	"retention/app/limits"
	"retention/app/report"
	"retention/metrics"
)

// Share of customers that are VIPs.
const vipShare = 0.01

// Build computes the report of a loaded file.
func Build(res *ingest.Result, o report.Settings) (*report.Document, error) {
	o.Defaults()
	mo, loc, err := resolved(o)
	if err != nil {
		return nil, err
	}
	g := mo.Grain
	lapsedDays := o.LapsedDays
	ds := res.Dataset
	doc := &report.Document{
		File: res.Report.File, Format: res.Report.Format, Sheet: res.Report.Sheet, Sheets: res.Report.Sheets,
		Currency: res.Report.Currency, Grain: g.String(), TimeZone: loc.String(), ActiveWindowDays: mo.ActiveWindow,
		Notes: res.Report.Notes, Mapping: mapping(res), Preview: preview(res),
	}
	doc.Ingest, doc.Skipped = ingestReport(&res.Report)
	setCurrency(doc, &res.Report)

	sum := metrics.Summarize(ds, mo)
	asOf := sum.AsOf
	doc.AsOf = asOf.Format(dateLayout)
	if !mo.From.IsZero() {
		doc.From = mo.From.Format(dateLayout)
	}
	if !mo.To.IsZero() {
		doc.To = mo.To.Format(dateLayout)
	}
	doc.Customers, doc.Orders = sum.Customers, sum.Orders
	doc.Revenue, doc.NetRevenue, doc.Refunds, doc.RefundCount = r2(sum.Revenue), r2(sum.NetRevenue), r2(sum.Refunds), sum.RefundCount
	doc.AOV, doc.RepeatRate, doc.PurchaseFrequency = r6(sum.AOV), r6(sum.RepeatRate), r6(sum.PurchaseFrequency)
	doc.MeanDaysBetween, doc.MedianDaysBetween = r6(sum.MeanDaysBetween), r6(sum.MedianDaysBetween)
	doc.ReturningRevenueShare, doc.HistoricalCLV, doc.RepeatVsOneTime = r6(sum.ReturningRevenueShare), r6(sum.HistoricalCLV), r6(sum.RepeatVsOneTime)
	if !sum.From.IsZero() {
		doc.FirstOrder, doc.LastOrder = sum.From.Format(dateLayout), sum.To.Format(dateLayout)
	}

	ps := metrics.Periods(ds, mo)
	doc.Periods = make([]report.Period, len(ps))
	for i, p := range ps {
		doc.Periods[i] = reportPeriod(p)
	}
	doc.LastFull = metrics.LastComplete(ps)

	for _, c := range metrics.Cohorts(ds, mo) {
		rc := report.Cohort{Cohort: c.Key, Size: c.Size, Active: c.Active, Orders: c.Orders}
		for k := range c.Active {
			rc.Retention = append(rc.Retention, r6(c.ActiveShare[k]))
			rc.Revenue = append(rc.Revenue, r2(c.Revenue[k]))
			rc.LTV = append(rc.LTV, r2(c.LTV[k]))
		}
		doc.Cohorts = append(doc.Cohorts, rc)
	}

	rfm := metrics.RFM(ds, asOf, metrics.DefaultGrid)
	doc.RFMEdges = report.RFMEdges{Recency: rfm.RecencyEdges[:], Frequency: rfm.FrequencyEdges[:], Monetary: rfm.MonetaryEdges[:]}
	for _, s := range rfm.Segments {
		doc.Segments = append(doc.Segments, report.Segment{Name: s.Name, Customers: s.Customers, CustomerShare: r6(s.CustomerShare),
			Revenue: r2(s.Revenue), RevenueShare: r6(s.RevenueShare), Orders: s.Orders, AOV: r6(s.AOV)})
	}

	doc.Benchmark = benchmark(metrics.EcommerceCRR, metrics.YearlyRetention(ds, asOf))

	vips := metrics.VIPs(ds, asOf, vipShare)
	doc.VIPs = report.VIPList{Share: vipShare, Customers: len(vips.Customers), Revenue: r2(vips.Revenue), RevenueShare: r6(vips.RevenueShare)}
	lapsed := metrics.Lapsed(ds, asOf, lapsedDays, 2)
	doc.Lapsed = report.LapsedList{Days: lapsedDays, MinOrders: 2, Customers: len(lapsed.Customers), Revenue: r2(lapsed.Revenue)}
	seasonFrom, seasonTo, err := season(o, asOf, loc)
	if err != nil {
		return nil, err
	}
	seasonal := metrics.Seasonal(ds, asOf, seasonFrom, seasonTo)
	doc.Seasonal = report.SeasonalList{From: seasonFrom.Format(dateLayout), To: seasonTo.Format(dateLayout),
		LastFrom: seasonFrom.AddDate(-1, 0, 0).Format(dateLayout), LastTo: seasonTo.AddDate(-1, 0, 0).Format(dateLayout),
		Customers: len(seasonal)}
	for _, s := range seasonal {
		doc.Seasonal.Orders += s.WindowOrders
		doc.Seasonal.Revenue += s.WindowRevenue
		if s.OrderedSince {
			doc.Seasonal.OrderedSince++
		}
	}
	doc.Seasonal.Revenue = r2(doc.Seasonal.Revenue)
	key := metrics.ByCategory
	if !hasCategories(ds) {
		key = metrics.ByProduct
	}
	doc.Interest = []report.Interest{}
	all := metrics.Interests(ds, key)
	if len(all) > 0 {
		doc.InterestBy = keyName(key)
	}
	byProduct := all // the products' interests, counted once
	if key != metrics.ByProduct {
		byProduct = metrics.Interests(ds, metrics.ByProduct)
	}
	doc.Products = products(byProduct)
	if len(all) > MaxInterests {
		doc.Notes = append(doc.Notes, report.Note{Code: report.NoteInterests, N: MaxInterests, Value: keyName(key), Of: len(all)})
		all = all[:MaxInterests]
	}
	for _, it := range all {
		doc.Interest = append(doc.Interest, report.Interest{Name: it.Name, Customers: it.Customers, CustomerShare: r6(it.CustomerShare), Orders: it.Orders, Revenue: r2(it.Revenue)})
	}
	par := metrics.Pareto(ds, asOf)
	doc.Pareto = report.Pareto{Top1: r6(par.Top1), Top10: r6(par.Top10), Top20: r6(par.Top20), Curve: make([]float64, len(par.Curve))}
	for i, v := range par.Curve {
		doc.Pareto.Curve[i] = r6(v)
	}
	for _, bk := range metrics.OrdersPerCustomer(ds) {
		doc.OrdersPerCustomer = append(doc.OrdersPerCustomer, report.Bucket{Label: bk.Label, Count: bk.Count})
	}
	for _, bk := range metrics.DaysBetweenHistogram(ds) {
		doc.DaysBetween = append(doc.DaysBetween, report.Bucket{Label: bk.Label, Count: bk.Count})
	}

	// The rows of every list.
	vip := make([]bool, len(ds.Customers))
	for _, c := range vips.Customers {
		vip[c.Index] = true
	}
	lap := make([]bool, len(ds.Customers))
	for _, c := range lapsed.Customers {
		lap[c.Index] = true
	}
	sea := make([]bool, len(ds.Customers))
	for _, c := range seasonal {
		sea[c.Index] = true
	}
	interests := customerInterests(ds, key)
	doc.CustomerRows = make([]report.Customer, len(rfm.Customers))
	for i, c := range rfm.Customers {
		info := ds.Customers[c.Index]
		doc.CustomerRows[i] = report.Customer{
			ID: info.ID, Email: info.Email, Name: info.Name, Country: info.Country, Segment: c.Segment,
			R: c.R, F: c.F, M: c.M, Orders: c.Orders, Revenue: r2(c.Net), First: isoDate(c.First),
			Last: isoDate(c.Last), Recency: c.Recency, VIP: vip[c.Index], Lapsed: lap[c.Index],
			Seasonal:  sea[c.Index],
			Interests: interests[c.Index],
		}
	}
	if doc.Skipped == nil {
		doc.Skipped = []report.Skip{}
	}
	return doc, nil
}

const dateLayout = "2006-01-02"

// isoDate is t.Format(dateLayout), written digit by digit for a year of
// four digits: the rows of every customer have two dates, and Format,
// which reads its layout each time, was a tenth of the figures' time
// for ten times Online Retail in WebAssembly.
func isoDate(t time.Time) string {
	y, m, d := t.Date()
	if y < 1000 || y > 9999 {
		return t.Format(dateLayout)
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

// benchmark puts the shop's yearly retention beside b, a yearly figure.
func benchmark(b metrics.Benchmark, y metrics.YearRetention) report.Benchmark {
	rb := report.Benchmark{Name: b.Name, Value: b.Value, Source: b.Source,
		From: y.From.Format(dateLayout), Mid: y.Mid.Format(dateLayout), To: y.AsOf.AddDate(0, 0, -1).Format(dateLayout),
		Customers: y.S, Retained: y.Retained}
	switch {
	case !y.Covered:
		rb.Missing = report.BenchmarkShortHistory
	case !y.OK:
		rb.Missing = report.BenchmarkNoCustomers
	default:
		rb.YearlyRetention, rb.Diff = ptr(r6(y.Rate)), ptr(r6(b.Compare(y.Rate)))
	}
	return rb
}

// MaxInterests is how many categories or products the report lists.
const MaxInterests = 100

// keyName is what an interest key counts the customers of, as the report
// says it.
func keyName(k metrics.InterestKey) string {
	if k == metrics.ByProduct {
		return report.InterestProducts
	}
	return report.InterestCategories
}

// resolved checks the settings (their defaults applied) and returns them
// for package metrics, with the reporting time zone.
func resolved(o report.Settings) (metrics.Options, *time.Location, error) {
	o.Defaults()
	loc, err := location(o.TZ)
	if err != nil {
		return metrics.Options{}, nil, err
	}
	mo, err := metricsOptions(o, loc)
	return mo, loc, err
}

// metricsOptions checks and converts the grain and the dates.
func metricsOptions(o report.Settings, loc *time.Location) (metrics.Options, error) {
	var mo metrics.Options
	var err error
	if mo.Grain, err = grain(o.Grain); err != nil {
		return mo, err
	}
	if mo.From, err = day("from", o.From, loc); err != nil {
		return mo, err
	}
	if mo.To, err = day("to", o.To, loc); err != nil {
		return mo, err
	}
	if mo.AsOf, err = day("as_of", o.AsOf, loc); err != nil {
		return mo, err
	}
	if mo.ActiveWindow, err = activeWindow(o.ActiveWindow); err != nil {
		return mo, err
	}
	for _, d := range []struct {
		field string
		t     time.Time
	}{{"from", mo.From}, {"to", mo.To}} {
		if !d.t.IsZero() && d.t.Before(limits.EarliestOrder) {
			return mo, &report.Error{Code: report.BeforeEarliest, Field: d.field, Value: d.t.Format(dateLayout), Bound: limits.EarliestOrder.Format(dateLayout)}
		}
		if !d.t.IsZero() && !o.Today.IsZero() && d.t.After(o.Today.AddDate(0, 0, 1)) {
			return mo, &report.Error{Code: report.AfterTomorrow, Field: d.field, Value: d.t.Format(dateLayout)}
		}
	}
	if !mo.From.IsZero() && !mo.To.IsZero() && mo.To.Before(mo.From) {
		return mo, &report.Error{Code: report.EndBeforeStart, Field: "to", Value: o.To, Bound: o.From}
	}
	return mo, nil
}

// season is this year's season window: the options' dates, or report.SeasonDays
// days from the reference date on.
func season(o report.Settings, asOf time.Time, loc *time.Location) (from, to time.Time, err error) {
	if from, err = day("season_from", o.SeasonFrom, loc); err != nil {
		return
	}
	if to, err = day("season_to", o.SeasonTo, loc); err != nil {
		return
	}
	a := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, loc)
	switch {
	case from.IsZero() && to.IsZero():
		from, to = a, a.AddDate(0, 0, report.SeasonDays-1)
	case from.IsZero():
		from = to.AddDate(0, 0, -(report.SeasonDays - 1))
	case to.IsZero():
		to = from.AddDate(0, 0, report.SeasonDays-1)
	}
	if to.Before(from) {
		err = &report.Error{Code: report.EndBeforeStart, Field: "season_to", Value: to.Format(dateLayout), Bound: from.Format(dateLayout)}
	}
	return
}

// activeWindow reads an active window: "period" (or "") for one period,
// which is 0, or a number of days, "90d" or "90".
func activeWindow(s string) (int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || s == report.WindowPeriod {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSuffix(s, "d"))
	if err != nil || n < 1 {
		return 0, &report.Error{Code: report.BadActiveWindow, Field: "active_window", Value: s}
	}
	return n, nil
}

// grain reads a grain: month, quarter or year.
func grain(s string) (metrics.Grain, error) {
	g, err := metrics.ParseGrain(s)
	if err != nil {
		return g, &report.Error{Code: report.BadGrain, Field: "grain", Value: s}
	}
	return g, nil
}

func ptr(v float64) *float64 { return &v }

// r2 rounds money to cents and r6 ratios to six decimals, so that the
// report does not show float noise and compares equal across file formats.
func r2(v float64) float64 { return math.Round(v*100) / 100 }
func r6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

func hasCategories(ds *metrics.Dataset) bool {
	for i := range ds.Orders {
		if len(ds.Orders[i].Categories) > 0 {
			return true
		}
	}
	return false
}

// customerInterests lists each customer's categories (or products when
// there are no categories), at most ten, "; "-separated.
func customerInterests(ds *metrics.Dataset, key metrics.InterestKey) []string {
	out := make([]string, len(ds.Customers))
	if key == metrics.ByProduct {
		return out // products are too many to list per customer
	}
	for ci := range ds.Customers {
		var names []string
		for _, oi := range ds.CustomerOrders(ci) {
			for _, id := range ds.Orders[oi].Categories {
				if c := ds.Names[id]; len(names) < 10 && !contains(names, c) {
					names = append(names, c)
				}
			}
		}
		out[ci] = strings.Join(names, "; ")
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
