package metrics

import (
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// testNames numbers the tests' categories and products: a dataset of
// orders made by ord takes its List as Names.
var testNames Names

func ord(customer, date string, amount float64, cats ...string) Order {
	return Order{ID: customer + date, Customer: customer, Time: day(date), Amount: amount, Categories: testNames.IDs(cats...)}
}

// shop is the small store the expected numbers below are computed from:
//
//	a: 2024-01-05 100 (Mugs), 2024-02-10 50, 2024-03-15 30; refund 10 on 2024-02-15
//	b: 2024-01-20 200 (Mugs, Tea), 2024-03-02 100
//	c: 2024-02-03 40 (Tea)
//	d: 2024-03-10 60
//
// The reference date is the day after the last order: 2024-03-16.
func shopOrders() ([]Order, []Refund) {
	return []Order{
			ord("a", "2024-01-05", 100, "Mugs"), ord("a", "2024-02-10", 50), ord("a", "2024-03-15", 30),
			ord("b", "2024-01-20", 200, "Mugs", "Tea"), ord("b", "2024-03-02", 100),
			ord("c", "2024-02-03", 40, "Tea"),
			ord("d", "2024-03-10", 60),
		}, []Refund{
			{OrderID: "r1", Customer: "a", Time: day("2024-02-15"), Amount: 10},
		}
}

func shop() *Dataset {
	o, r := shopOrders()
	d := NewDataset(o, r, []Customer{{ID: "a", Email: "a@example.com"}})
	d.Names = testNames.List
	return d
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// periodWant is what a test expects of one period.
type periodWant struct {
	key                            string
	s, e, n, retained, react, lost int
	retention, churn, crr          float64
	hasBase, complete              bool
	orders                         int
	revenue, newRev, refunds       float64
}

func gotPeriod(p PeriodStats) periodWant {
	return periodWant{p.Key, p.S, p.E, p.N, p.Retained, p.Reactivated, p.Lost, p.Retention, p.Churn, p.CRR,
		p.HasBase, p.Complete, p.Orders, p.Revenue, p.NewRevenue, p.Refunds}
}

// quarterOrders are three customers over three quarters of 2024 (91, 92
// and 92 days), ten each order:
//
//	x: 2024-07-01
//	y: 2024-04-20, 2024-07-02, 2024-10-02
//	z: 2024-04-05, 2024-12-20
func quarterOrders() []Order {
	return []Order{
		ord("x", "2024-07-01", 10),
		ord("y", "2024-04-20", 10), ord("y", "2024-07-02", 10), ord("y", "2024-10-02", 10),
		ord("z", "2024-04-05", 10), ord("z", "2024-12-20", 10),
	}
}

func TestPeriods(t *testing.T) {
	quarters := Options{Grain: Quarter, From: day("2024-04-01"), AsOf: day("2025-01-01")}
	q90, q200 := quarters, quarters
	q90.ActiveWindow, q200.ActiveWindow = 90, 200
	tests := []struct {
		Name   string
		Orders []Order // nil: the shop
		Opt    Options
		Want   []periodWant
	}{{
		Name: "months, one period",
		Want: []periodWant{
			// Jan: E = {a, b}, both new; no base at the start, so no rates.
			{"2024-01", 0, 2, 2, 0, 0, 0, 0, 0, 0, false, true, 2, 300, 300, 0},
			// Feb: S = {a, b} (January), E = {a, c}, N = {c}: a retained, b
			// lost; retention 1 / 2, churn 1 / 2, CRR = (2 − 1) / 2.
			{"2024-02", 2, 2, 1, 1, 0, 1, 0.5, 0.5, 0.5, true, true, 2, 90, 40, 10},
			// Mar: S = {a, c}, E = {a, b, d}, N = {d}: a retained, c lost, b
			// back after leaving the base: CRR = (3 − 1) / 2 = 1 = 1/2 + 1/2.
			// The month ends after 2024-03-16, so it is not complete.
			{"2024-03", 2, 3, 1, 1, 1, 1, 0.5, 0.5, 1.0, true, false, 3, 190, 60, 0},
		},
	}, {
		// The base at Feb 1 is who ordered from Dec 18 (Feb 1 − 45 days):
		// {a, b}; at Mar 1 from Jan 16: {a, b, c}, b's Jan 20 order still
		// counts; at Apr 1 from Feb 16: {a, b, d}, c's Feb 3 order is out.
		Name: "months, 45-day window",
		Opt:  Options{ActiveWindow: 45},
		Want: []periodWant{
			{"2024-01", 0, 2, 2, 0, 0, 0, 0, 0, 0, false, true, 2, 300, 300, 0},
			// Feb: b stays in the base: retained with a; nobody lost.
			{"2024-02", 2, 3, 1, 2, 0, 0, 1, 0, 1, true, true, 2, 90, 40, 10},
			// Mar: a and b retained, c lost; b is no longer reactivated.
			{"2024-03", 3, 3, 1, 2, 0, 1, 2.0 / 3, 1.0 / 3, 2.0 / 3, true, false, 3, 190, 60, 0},
		},
	}, {
		Name: "quarter",
		Opt:  Options{Grain: Quarter},
		// Q1: everyone is new.
		Want: []periodWant{{"2024-Q1", 0, 4, 4, 0, 0, 0, 0, 0, 0, false, false, 7, 580, 580, 10}},
	}, {
		Name: "range from February keeps January as February's S",
		Opt:  Options{From: day("2024-02-01")},
		Want: []periodWant{
			{"2024-02", 2, 2, 1, 1, 0, 1, 0.5, 0.5, 0.5, true, true, 2, 90, 40, 10},
			{"2024-03", 2, 3, 1, 1, 1, 1, 0.5, 0.5, 1.0, true, false, 3, 190, 60, 0},
		},
	}, {
		Name: "range beyond the orders has empty periods",
		Opt:  Options{From: day("2024-03-01"), To: day("2024-04-30"), AsOf: day("2024-05-01")},
		Want: []periodWant{
			{"2024-03", 2, 3, 1, 1, 1, 1, 0.5, 0.5, 1.0, true, true, 3, 190, 60, 0},
			// Apr: S = {a, b, d}, nobody ordered: all lost, churn 1.
			{"2024-04", 3, 0, 0, 0, 0, 3, 0, 1, 0, true, true, 0, 0, 0, 0},
		},
	}, {
		// Quarters with a 90-day window, shorter than Q3 and Q4 (92 days):
		// the window is then the quarter, so x, whose only order is on the
		// first day of Q3, is in the base at its end (Oct 1 − 90 days is
		// Jul 3, after x's order). Bases: Jul 1 {y, z}, Oct 1 {x, y},
		// Jan 1 {y, z}.
		Name:   "quarters, window shorter than the period",
		Orders: quarterOrders(),
		Opt:    q90,
		Want: []periodWant{
			{"2024-Q2", 0, 2, 2, 0, 0, 0, 0, 0, 0, false, true, 2, 20, 20, 0},
			// Q3: y retained, z lost, x new: CRR = (2 − 1) / 2.
			{"2024-Q3", 2, 2, 1, 1, 0, 1, 0.5, 0.5, 0.5, true, true, 2, 20, 10, 0},
			// Q4: y retained, x lost, z back after leaving: CRR = 2 / 2.
			{"2024-Q4", 2, 2, 0, 1, 1, 1, 0.5, 0.5, 1, true, true, 2, 20, 0, 0},
		},
	}, {
		// A 200-day window, longer than a quarter: Jul 1 from Dec 14 {y, z},
		// Oct 1 from Mar 15 {x, y, z}, Jan 1 from Jun 15 {x, y, z}.
		Name:   "quarters, window longer than the period",
		Orders: quarterOrders(),
		Opt:    q200,
		Want: []periodWant{
			{"2024-Q2", 0, 2, 2, 0, 0, 0, 0, 0, 0, false, true, 2, 20, 20, 0},
			{"2024-Q3", 2, 3, 1, 2, 0, 0, 1, 0, 1, true, true, 2, 20, 10, 0},
			{"2024-Q4", 3, 3, 0, 3, 0, 0, 1, 0, 1, true, true, 2, 20, 0, 0},
		},
	}}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			d := shop()
			if tc.Orders != nil {
				d = NewDataset(tc.Orders, nil, nil)
			}
			ps := Periods(d, tc.Opt)
			if len(ps) != len(tc.Want) {
				t.Fatalf("got %d periods, want %d", len(ps), len(tc.Want))
			}
			for i, w := range tc.Want {
				if got := gotPeriod(ps[i]); !reflect.DeepEqual(got, w) {
					t.Errorf("period %d:\n got %+v\nwant %+v", i, got, w)
				}
			}
			checkIdentities(t, ps)
		})
	}
	if i := LastComplete(Periods(shop(), Options{})); i != 1 {
		t.Errorf("LastComplete = %d, want 1 (February)", i)
	}
}

// checkIdentities checks what holds of every period by definition:
// S = retained + lost, E − N = retained + reactivated, the rates, and that
// the base at a period's end is the base at the next one's start.
func checkIdentities(t *testing.T, ps []PeriodStats) {
	t.Helper()
	for i, p := range ps {
		if p.Retained+p.Lost != p.S {
			t.Errorf("%s: retained %d + lost %d != S %d", p.Key, p.Retained, p.Lost, p.S)
		}
		if p.E-p.N != p.Retained+p.Reactivated || p.Returning != p.E-p.N {
			t.Errorf("%s: E %d − N %d != retained %d + reactivated %d (returning %d)", p.Key, p.E, p.N, p.Retained, p.Reactivated, p.Returning)
		}
		if p.HasBase != (p.S > 0) {
			t.Errorf("%s: HasBase %v with S %d", p.Key, p.HasBase, p.S)
		}
		if p.HasBase && (!near(p.Retention+p.Churn, 1) || !near(p.CRR, p.Retention+float64(p.Reactivated)/float64(p.S))) {
			t.Errorf("%s: retention %v + churn %v, CRR %v", p.Key, p.Retention, p.Churn, p.CRR)
		}
		if i > 0 && ps[i-1].E != p.S {
			t.Errorf("%s: S %d, but the base at the end of %s is %d", p.Key, p.S, ps[i-1].Key, ps[i-1].E)
		}
	}
}

// TestPeriodsByDefinition compares the bases of a synthetic shop with
// their definition, customer by customer (an order in [w(t), t)), for
// every grain and a few windows, and checks the identities.
func TestPeriodsByDefinition(t *testing.T) {
	d := synthetic(300, 1500)
	for _, g := range []Grain{Month, Quarter, Year} {
		for _, w := range []int{0, 1, 30, 90, 91, 92, 180, 365, 400} {
			o := Options{Grain: g, ActiveWindow: w}
			ps := Periods(d, o)
			checkIdentities(t, ps)
			for _, p := range ps {
				s, e, n := 0, 0, 0
				for ci := range d.Customers {
					orders := d.CustomerOrders(ci)
					s += b2i(hasOrder(d, orders, activeFrom(g, p.Start, w), p.Start))
					e += b2i(hasOrder(d, orders, activeFrom(g, p.End, w), p.End))
					n += b2i(g.index(d.Orders[orders[0]].Time) == g.index(p.Start))
				}
				if p.S != s || p.E != e || p.N != n {
					t.Errorf("%v, %d days, %s: S %d E %d N %d, by definition %d %d %d", g, w, p.Key, p.S, p.E, p.N, s, e, n)
				}
			}
		}
	}
}

// activeFrom is w(t) written out: t − days, or the start of the period
// that ends at t when that is earlier.
func activeFrom(g Grain, t time.Time, days int) time.Time {
	prev := g.PeriodOf(t.Add(-time.Nanosecond)).Start
	if w := t.AddDate(0, 0, -days); w.Before(prev) {
		return w
	}
	return prev
}

func hasOrder(d *Dataset, orders []int, from, to time.Time) bool {
	for _, oi := range orders {
		if inRange(d.Orders[oi].Time, from, to) {
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestYearlyRetention(t *testing.T) {
	// p: 2022-03-01, 2023-05-01; q: 2022-06-01; r: 2021-12-01, 2023-02-01;
	// s: 2023-04-01 (new in the last year).
	d := NewDataset([]Order{
		ord("p", "2022-03-01", 1), ord("p", "2023-05-01", 1), ord("q", "2022-06-01", 1),
		ord("r", "2021-12-01", 1), ord("r", "2023-02-01", 1), ord("s", "2023-04-01", 1),
	}, nil, nil)
	tests := []struct {
		Name          string
		AsOf          string
		S, Retained   int
		Rate          float64
		Covered, OK   bool
		From, Through string
	}{
		// 2021-12-01..2022-11-30: p, q, r; of them p and r ordered in
		// 2022-12-01..2023-11-30: 2 / 3. The first order is on From.
		{"two whole years", "2023-12-01", 3, 2, 2.0 / 3, true, true, "2021-12-01", "2022-12-01"},
		// 2022-01-01..2022-12-31: p, q; p ordered again: 1 / 2.
		{"a later reference date", "2024-01-01", 2, 1, 0.5, true, true, "2022-01-01", "2023-01-01"},
		// 2021-06-01..2022-05-31: p and r (q's order is on Mid, in the
		// second year), both back: 2 / 2; but From is before the first
		// order, so the first year is not whole: not covered.
		{"orders too short", "2023-06-01", 2, 2, 1, false, false, "2021-06-01", "2022-06-01"},
	}
	for _, tc := range tests {
		y := YearlyRetention(d, day(tc.AsOf))
		if y.S != tc.S || y.Retained != tc.Retained || !near(y.Rate, tc.Rate) || y.Covered != tc.Covered || y.OK != tc.OK ||
			!y.From.Equal(day(tc.From)) || !y.Mid.Equal(day(tc.Through)) {
			t.Errorf("%s: %+v", tc.Name, y)
		}
	}
	if y := YearlyRetention(NewDataset(nil, nil, nil), day("2024-01-01")); y.OK || y.S != 0 {
		t.Errorf("no orders: %+v", y)
	}
}

func TestSummarize(t *testing.T) {
	s := Summarize(shop(), Options{})
	checks := []struct {
		name      string
		got, want float64
	}{
		{"customers", float64(s.Customers), 4},
		{"orders", float64(s.Orders), 7},
		{"revenue", s.Revenue, 580},        // 180 + 300 + 40 + 60
		{"refunds", s.Refunds, 10},         // a's refund
		{"net revenue", s.NetRevenue, 570}, // 580 − 10
		{"AOV", s.AOV, 580.0 / 7},
		{"repeat rate", s.RepeatRate, 0.5},                // a and b of 4
		{"purchase frequency", s.PurchaseFrequency, 1.75}, // 7 / 4
		// gaps: a 36 and 34 days, b 42 days
		{"mean days between", s.MeanDaysBetween, 112.0 / 3},
		{"median days between", s.MedianDaysBetween, 36},
		{"returning revenue share", s.ReturningRevenueShare, 480.0 / 580}, // (180 + 300) / 580
		{"historical CLV", s.HistoricalCLV, 142.5},                        // 570 / 4
		{"repeat vs one-time", s.RepeatVsOneTime, 4.8},                    // (480 / 2) / (100 / 2)
	}
	for _, c := range checks {
		if !near(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if !s.AsOf.Equal(day("2024-03-16")) {
		t.Errorf("as of = %v, want the day after the last order", s.AsOf)
	}
	// From February: a (2 orders), b (1), c (1), d (1): 50+30+100+40+60.
	f := Summarize(shop(), Options{From: day("2024-02-01")})
	if f.Customers != 4 || f.Orders != 5 || !near(f.Revenue, 280) || f.RefundCount != 1 {
		t.Errorf("from February: %+v", f)
	}
	if e := Summarize(NewDataset(nil, nil, nil), Options{}); e.Customers != 0 || e.AOV != 0 || e.RepeatRate != 0 {
		t.Errorf("empty: %+v", e)
	}
}

func TestCohorts(t *testing.T) {
	cs := Cohorts(shop(), Options{})
	type want struct {
		key    string
		size   int
		active []int
		rev    []float64
		ltv    []float64
	}
	wants := []want{
		// Jan {a, b}: Feb a (50), Mar a and b (30 + 100); LTV 300/2, 350/2, 480/2.
		{"2024-01", 2, []int{2, 1, 2}, []float64{300, 50, 130}, []float64{150, 175, 240}},
		// Feb {c}: gone in March.
		{"2024-02", 1, []int{1, 0}, []float64{40, 0}, []float64{40, 40}},
		{"2024-03", 1, []int{1}, []float64{60}, []float64{60}},
	}
	if len(cs) != len(wants) {
		t.Fatalf("got %d cohorts", len(cs))
	}
	for i, w := range wants {
		c := cs[i]
		got := want{c.Key, c.Size, c.Active, c.Revenue, c.LTV}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("cohort %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	if !near(cs[0].ActiveShare[1], 0.5) {
		t.Errorf("Jan +1 share = %v, want 0.5", cs[0].ActiveShare[1])
	}
}

func TestRFM(t *testing.T) {
	res := RFM(shop(), day("2024-03-16"), Grid{})
	// Recency a 1, b 14, c 42, d 6 days; with four customers the edges are
	// the sorted values themselves.
	if res.RecencyEdges != [4]float64{1, 6, 14, 42} || res.FrequencyEdges != [4]float64{1, 1, 2, 3} || res.MonetaryEdges != [4]float64{40, 60, 170, 300} {
		t.Errorf("edges R %v F %v M %v", res.RecencyEdges, res.FrequencyEdges, res.MonetaryEdges)
	}
	want := map[string]struct {
		r, f, m int
		seg     string
	}{
		"a": {5, 4, 3, Champions},     // 0 edges below 1 day; 3 orders above 1, 1, 2; 170 above 40, 60
		"b": {3, 3, 4, NeedAttention}, // 14 days above 1, 6; 2 orders above 1, 1
		"c": {2, 1, 1, Hibernating},
		"d": {4, 1, 2, Promising},
	}
	d := shop()
	for _, c := range res.Customers {
		id := d.Customers[c.Index].ID
		w := want[id]
		if c.R != w.r || c.F != w.f || c.M != w.m || c.Segment != w.seg {
			t.Errorf("%s: R%d F%d M%d %s, want R%d F%d M%d %s", id, c.R, c.F, c.M, c.Segment, w.r, w.f, w.m, w.seg)
		}
	}
	var names []string
	for _, s := range res.Segments {
		names = append(names, s.Name)
	}
	if !reflect.DeepEqual(names, []string{Champions, Promising, NeedAttention, Hibernating}) {
		t.Errorf("segments = %v", names)
	}
	// Champions: a alone, net 170 of 570, 3 orders of gross 180.
	ch := res.Segments[0]
	if ch.Customers != 1 || !near(ch.Revenue, 170) || !near(ch.RevenueShare, 170.0/570) || !near(ch.AOV, 60) || !near(ch.CustomerShare, 0.25) {
		t.Errorf("champions = %+v", ch)
	}
}

func TestRFMTies(t *testing.T) {
	// Ten customers with one order each on distinct days, and one who
	// ordered twice: equal frequencies must score alike.
	var os []Order
	for i := 0; i < 10; i++ {
		os = append(os, ord(fmt.Sprint("c", i), fmt.Sprintf("2024-01-%02d", i+1), float64(10*(i+1))))
	}
	os = append(os, ord("c0", "2024-01-20", 5))
	res := RFM(NewDataset(os, nil, nil), day("2024-02-01"), DefaultGrid)
	counts := map[int]int{}
	for _, c := range res.Customers {
		if c.Orders == 1 && c.F != 1 {
			t.Errorf("one-order customer scored F%d", c.F)
		}
		counts[c.M]++
	}
	// Monetary values 15 (c0: 10 + 5), 20, ..., 100 are distinct: two per score.
	for m := 1; m <= 5; m++ {
		if counts[m] != 2 {
			t.Errorf("M%d holds %d customers, want 2 (%v)", m, counts[m], counts)
		}
	}
	// One customer: all scores exist and are within 1..5.
	one := RFM(NewDataset([]Order{ord("x", "2024-01-01", 1)}, nil, nil), day("2024-01-02"), DefaultGrid)
	if c := one.Customers[0]; c.R < 1 || c.R > 5 || c.F != 1 || c.M != 1 {
		t.Errorf("single customer = %+v", c)
	}
}

func TestLists(t *testing.T) {
	d := shop()
	asOf := day("2024-03-16")
	v := VIPs(d, asOf, 0.01)
	// ceil(1% of 4) = 1 customer: b, 300 of 570 net.
	if len(v.Customers) != 1 || d.Customers[v.Customers[0].Index].ID != "b" || !near(v.RevenueShare, 300.0/570) {
		t.Errorf("VIPs = %+v", v)
	}
	if l := Lapsed(d, asOf, 30, 2); len(l.Customers) != 0 {
		t.Errorf("lapsed 30 days = %+v, want none", l.Customers)
	}
	// b: 2 orders, last 14 days ago.
	if l := Lapsed(d, asOf, 10, 2); len(l.Customers) != 1 || d.Customers[l.Customers[0].Index].ID != "b" || !near(l.Revenue, 300) {
		t.Errorf("lapsed 10 days = %+v", l)
	}
	// January 2025's window a year earlier: a (100) and b (200), both back since.
	s := Seasonal(d, asOf, day("2025-01-01"), day("2025-01-31"))
	if len(s) != 2 || d.Customers[s[0].Index].ID != "b" || !near(s[0].WindowRevenue, 200) || !s[0].OrderedSince || !s[1].OrderedSince {
		t.Errorf("seasonal = %+v", s)
	}
	in := Interests(d, ByCategory)
	want := []Interest{{"Mugs", 2, 0.5, 2, 300}, {"Tea", 2, 0.5, 2, 240}}
	if !reflect.DeepEqual(in, want) {
		t.Errorf("interests = %+v, want %+v", in, want)
	}
	if p := Interests(d, ByProduct); len(p) != 0 {
		t.Errorf("products = %+v, want none (the orders name none)", p)
	}
	p := Pareto(d, asOf)
	// Net revenue 300, 170, 60, 40 of 570: the top customer brings 300.
	if !near(p.Top1, 300.0/570) || !near(p.Top20, 300.0/570) || !near(p.Curve[49], 470.0/570) || !near(p.Curve[99], 1) {
		t.Errorf("pareto = %v %v %v %v", p.Top1, p.Top20, p.Curve[49], p.Curve[99])
	}
	opc := OrdersPerCustomer(d)
	if opc[0].Count != 2 || opc[1].Count != 1 || opc[2].Count != 1 || opc[9].Label != "10+" {
		t.Errorf("orders per customer = %+v", opc)
	}
	db := DaysBetweenHistogram(d)
	if db[3].Label != "31-60" || db[3].Count != 3 {
		t.Errorf("days between = %+v (gaps 36, 34, 42)", db)
	}
	if b := EcommerceCRR.Compare(0.5); !near(b, 0.12) { // 0.5 − 0.38
		t.Errorf("compare = %v", b)
	}
}

func TestGrain(t *testing.T) {
	for in, want := range map[string]Grain{"": Month, "month": Month, "Quarter": Quarter, "year": Year} {
		if g, err := ParseGrain(in); err != nil || g != want {
			t.Errorf("ParseGrain(%q) = %v, %v", in, g, err)
		}
	}
	if _, err := ParseGrain("week"); err == nil {
		t.Error("ParseGrain(week) did not fail")
	}
	p := Quarter.PeriodOf(day("2024-11-30"))
	if p.Key != "2024-Q4" || !p.Start.Equal(day("2024-10-01")) || !p.End.Equal(day("2025-01-01")) {
		t.Errorf("quarter = %+v", p)
	}
}

func TestInputsNotModified(t *testing.T) {
	o, r := shopOrders()
	o2, r2 := shopOrders()
	// Reverse the input so NewDataset has to sort.
	for i, j := 0, len(o)-1; i < j; i, j = i+1, j-1 {
		o[i], o[j] = o[j], o[i]
		o2[i], o2[j] = o2[j], o2[i]
	}
	d := NewDataset(o, r, nil)
	Periods(d, Options{})
	RFM(d, day("2024-03-16"), DefaultGrid)
	Pareto(d, day("2024-03-16"))
	if !reflect.DeepEqual(o, o2) || !reflect.DeepEqual(r, r2) {
		t.Error("NewDataset or a metric modified its input")
	}
	before := append([]Order(nil), d.Orders...)
	Summarize(d, Options{})
	Cohorts(d, Options{})
	VIPs(d, day("2024-03-16"), 0.5)
	if !reflect.DeepEqual(before, d.Orders) {
		t.Error("a metric modified the dataset's orders")
	}
}

func TestEmpty(t *testing.T) {
	d := NewDataset(nil, nil, nil)
	if Periods(d, Options{}) != nil || Cohorts(d, Options{}) != nil || len(RFM(d, day("2024-01-01"), DefaultGrid).Customers) != 0 {
		t.Error("an empty dataset gave figures")
	}
	if v := VIPs(d, day("2024-01-01"), 0.01); len(v.Customers) != 0 {
		t.Error("VIPs of nobody")
	}
}

func ExamplePeriods() {
	d := NewDataset([]Order{
		ord("ann", "2024-01-03", 40), ord("bob", "2024-01-09", 25), ord("cat", "2024-01-15", 30),
		ord("ann", "2024-02-11", 35), ord("dan", "2024-02-20", 60),
		ord("bob", "2024-03-02", 20), ord("dan", "2024-03-05", 45),
	}, nil, nil)
	for _, p := range Periods(d, Options{Grain: Month}) {
		if !p.HasBase {
			fmt.Printf("%s: %d new customers\n", p.Key, p.N)
			continue
		}
		fmt.Printf("%s: retention %d/%d = %.0f%%, churn %d/%d = %.0f%%, CRR = (%d - %d)/%d = %.0f%% (%d reactivated)\n",
			p.Key, p.Retained, p.S, p.Retention*100, p.Lost, p.S, p.Churn*100, p.E, p.N, p.S, p.CRR*100, p.Reactivated)
	}
	// Output:
	// 2024-01: 3 new customers
	// 2024-02: retention 1/3 = 33%, churn 2/3 = 67%, CRR = (2 - 1)/3 = 33% (0 reactivated)
	// 2024-03: retention 1/2 = 50%, churn 1/2 = 50%, CRR = (2 - 0)/2 = 100% (1 reactivated)
}

func ExampleSummarize() {
	d := NewDataset([]Order{
		ord("ann", "2024-01-03", 40), ord("bob", "2024-01-09", 25), ord("ann", "2024-02-11", 35),
	}, []Refund{{Customer: "bob", Time: day("2024-01-10"), Amount: 5}}, nil)
	s := Summarize(d, Options{})
	fmt.Printf("customers %d, orders %d, AOV %.2f, repeat rate %.0f%%, net revenue %.2f\n",
		s.Customers, s.Orders, s.AOV, s.RepeatRate*100, s.NetRevenue)
	// Output:
	// customers 2, orders 3, AOV 33.33, repeat rate 50%, net revenue 95.00
}

func ExampleRFM() {
	// Five customers: with distinct values each score holds one of them.
	d := NewDataset([]Order{
		ord("ann", "2024-01-03", 40), ord("ann", "2024-02-11", 35), ord("ann", "2024-02-20", 30),
		ord("ann", "2024-03-01", 50), ord("ann", "2024-02-25", 45),
		ord("bob", "2023-06-09", 25),
		ord("cat", "2024-02-01", 80), ord("cat", "2024-02-14", 20), ord("cat", "2024-02-15", 20), ord("cat", "2024-02-16", 20),
		ord("dan", "2023-11-05", 60), ord("dan", "2023-12-05", 60),
		ord("eve", "2023-09-01", 30), ord("eve", "2023-09-02", 30), ord("eve", "2023-09-03", 30),
	}, nil, nil)
	res := RFM(d, day("2024-03-02"), DefaultGrid)
	for _, c := range res.Customers {
		fmt.Printf("%s R%d F%d M%d %s\n", d.Customers[c.Index].ID, c.R, c.F, c.M, c.Segment)
	}
	// Output:
	// ann R5 F5 M5 Champions
	// bob R1 F1 M1 Hibernating
	// cat R4 F4 M4 Loyal Customers
	// dan R3 F2 M3 About to Sleep
	// eve R2 F3 M2 At Risk
}

// BenchmarkAll computes every figure of a synthetic shop the size of UCI
// Online Retail (4,339 customers, about 18,500 orders, 13 months).
func BenchmarkAll(b *testing.B) {
	d := synthetic(4339, 18500)
	asOf := d.Orders[len(d.Orders)-1].Time.AddDate(0, 0, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		all(d, asOf)
	}
}

// all computes what a report shows.
func all(d *Dataset, asOf time.Time) {
	o := Options{Grain: Month}
	Summarize(d, o)
	Periods(d, o)
	Cohorts(d, o)
	RFM(d, asOf, DefaultGrid)
	VIPs(d, asOf, 0.01)
	Lapsed(d, asOf, 180, 2)
	Interests(d, ByProduct)
	Pareto(d, asOf)
	OrdersPerCustomer(d)
	DaysBetweenHistogram(d)
}

// synthetic makes a deterministic dataset.
func synthetic(customers, orders int) *Dataset {
	start := day("2010-12-01")
	var os []Order
	seed := uint64(42)
	rnd := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int((seed >> 33) % uint64(n))
	}
	for i := 0; i < orders; i++ {
		c := rnd(customers)
		if i < customers {
			c = i
		}
		os = append(os, Order{ID: fmt.Sprint(i), Customer: fmt.Sprint("c", c), Time: start.Add(time.Duration(rnd(374*24)) * time.Hour),
			Amount: float64(10 + rnd(500)), Products: testNames.IDs(fmt.Sprint("p", rnd(3000)))})
	}
	d := NewDataset(os, nil, nil)
	d.Names = testNames.List
	return d
}

// TestByTime checks that byTime gives the order of sort.SliceStable by
// time (Before, Equal) and then id, ties included, with each element's
// index in the input and its time as an instant, and leaves its input as it was: times that are the
// same instant in other time zones, times a nanosecond apart, and times
// before 1970, in a random order and already in order; few and many
// (sorted by the seconds' digits from radixFrom), within 60 and 300 years
// (beyond the digits' span: sorted by comparisons).
func TestByTime(t *testing.T) {
	base := time.Date(2011, 3, 1, 9, 30, 0, 0, time.UTC)
	zones := []*time.Location{time.UTC, time.FixedZone("CET", 3600), time.FixedZone("NST", -12600)}
	rng := rand.New(rand.NewSource(4))
	for _, tc := range []struct{ n, years int }{
		{0, 60}, {1, 60}, {2, 60}, {19, 60}, {20, 60}, {21, 60}, {1000, 60}, {5000, 60},
		{radixFrom - 1, 60}, {radixFrom, 60}, {radixFrom, 0}, {30000, 1}, {5000, 300},
	} {
		n := tc.n
		in := make([]Order, n)
		for i := range in {
			at := base.Add(time.Duration(rng.Intn(7)) * time.Hour).Add(time.Duration(rng.Intn(3)))
			if tc.years > 1 && rng.Intn(10) == 0 {
				at = at.AddDate(-tc.years, 0, 0)
			} else if tc.years == 1 {
				at = at.Add(time.Duration(rng.Intn(365*86400)) * time.Second)
			}
			in[i] = Order{ID: fmt.Sprint("o", rng.Intn(5)), Amount: float64(i), Time: at.In(zones[rng.Intn(len(zones))])}
		}
		less := func(a, b *Order) bool {
			if !a.Time.Equal(b.Time) {
				return a.Time.Before(b.Time)
			}
			return a.ID < b.ID
		}
		want := append([]Order(nil), in...)
		sort.SliceStable(want, func(i, j int) bool { return less(&want[i], &want[j]) })
		for _, what := range []string{"random", "in order"} {
			if what == "in order" {
				in = append([]Order(nil), want...)
			}
			orig := append([]Order(nil), in...)
			got, at, times := byTime(in, func(o *Order) (time.Time, string) { return o.Time, o.ID })
			for i := range got {
				if times[i] != instantOf(got[i].Time) {
					t.Fatalf("n=%d, %d years, %s: time %d is %v, not its element's %v", n, tc.years, what, i, times[i], got[i].Time)
				}
			}
			if !slices.EqualFunc(got, want, func(a, b Order) bool { return a.Amount == b.Amount }) {
				t.Errorf("n=%d, %d years, %s: byTime differs from sort.SliceStable", n, tc.years, what)
			}
			if !slices.EqualFunc(in, orig, func(a, b Order) bool { return a.Amount == b.Amount }) {
				t.Errorf("n=%d, %d years, %s: the input changed", n, tc.years, what)
			}
			switch {
			case what == "in order" && at != nil:
				t.Errorf("n=%d, %d years, in order: indexes %v, want none", n, tc.years, at[:min(len(at), 5)])
			case what == "random" && at == nil && !slices.EqualFunc(orig, want, func(a, b Order) bool { return a.Amount == b.Amount }):
				t.Errorf("n=%d, %d years, random: no indexes", n, tc.years)
			case at != nil:
				for i, k := range at {
					if in[k].Amount != got[i].Amount {
						t.Fatalf("n=%d, %d years, %s: element %d is input %d, not %d", n, tc.years, what, i, int(got[i].Amount), k)
					}
				}
			}
		}
	}
}

// TestCustomersOnce checks the customers' figures worked out once per
// reference date: Customers and byNet as of one date, another and the
// first again equal those of a fresh dataset, and a caller's changes to
// the slices returned reach no later call.
func TestCustomersOnce(t *testing.T) {
	d := shop()
	dates := []time.Time{day("2024-03-16"), day("2024-06-01"), day("2024-03-16")}
	for _, asOf := range dates {
		fresh := shop()
		want, wantNet := Customers(fresh, asOf), byNet(fresh, asOf)
		got, gotNet := Customers(d, asOf), byNet(d, asOf)
		if !slices.Equal(got, want) || !slices.Equal(gotNet, wantNet) {
			t.Fatalf("as of %v: %+v and %+v, want %+v and %+v", asOf, got, gotNet, want, wantNet)
		}
		for i := 1; i < len(gotNet); i++ {
			if gotNet[i-1].Net < gotNet[i].Net {
				t.Fatalf("as of %v: byNet not highest first: %+v", asOf, gotNet)
			}
		}
		got[0].Net, gotNet[0].Net = -1, -1
	}
}

// TestFiguresOnce checks Summarize's and Periods's figures kept for the
// last range and options: each of several ranges, grains and active
// windows, and the first again, equals a fresh dataset's, and a caller's
// change to the periods returned reaches no later call.
func TestFiguresOnce(t *testing.T) {
	d := shop()
	opts := []Options{
		{Grain: Month},
		{Grain: Month, ActiveWindow: 90},
		{Grain: Quarter},
		{Grain: Month, From: day("2024-02-01"), To: day("2024-05-31")},
		{Grain: Month, AsOf: day("2024-06-01")},
		{Grain: Month},
		{Grain: Month, AsOf: day("2024-06-01")},
		{Grain: Month},
		{Grain: Quarter},
	}
	for _, o := range opts {
		fresh := shop()
		if got, want := Summarize(d, o), Summarize(fresh, o); got != want {
			t.Fatalf("%+v: summary %+v, want %+v", o, got, want)
		}
		got, want := Periods(d, o), Periods(fresh, o)
		if !slices.Equal(got, want) {
			t.Fatalf("%+v: periods %+v, want %+v", o, got, want)
		}
		got[0].S = -1
		if again := Periods(d, o); !slices.Equal(again, want) {
			t.Fatalf("%+v: a caller's change reached the next call: %+v", o, again)
		}
	}
}

// TestNewDataset checks the dataset's index of customers against what it
// means, on random orders and refunds (refunds of customers without
// orders and of no customer among them, entries for customers without
// orders and for the same key twice; keys with the same first 8 bytes):
// the customers are the orders'
// customers, once each, by key, with the last entry given for each;
// CustomerIndex finds each of them and no other key; each customer's
// orders are those naming them, in time order; the refunds count for
// their customers. NewDatasetNumbered, given the customers in another
// order with their numbers, gives the same dataset; Before gives that of
// the orders and refunds before a time.
func TestNewDataset(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	base := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range []int{0, 1, 50, 3000} {
		var orders []Order
		var refunds []Refund
		var entries []Customer
		for i := range n {
			// Keys told apart in their first 8 bytes, and keys past
			// them only.
			c := fmt.Sprint([]string{"c", "customer", "customer-"}[rng.Intn(3)], rng.Intn(n/3+1))
			orders = append(orders, Order{ID: fmt.Sprint(i), Customer: c, Time: base.Add(time.Duration(rng.Intn(400*24)) * time.Hour), Amount: float64(i)})
			if rng.Intn(4) == 0 {
				r := Refund{OrderID: fmt.Sprint(i), Customer: c, Time: base.Add(time.Duration(rng.Intn(400*24)) * time.Hour), Amount: float64(rng.Intn(50))}
				switch rng.Intn(5) {
				case 0:
					r.Customer = "" // no customer
				case 1:
					r.Customer = fmt.Sprint("r", i) // no orders
				}
				refunds = append(refunds, r)
			}
			if rng.Intn(3) == 0 {
				entries = append(entries, Customer{ID: c, Name: fmt.Sprint("name", i)})
			}
			if rng.Intn(20) == 0 {
				entries = append(entries, Customer{ID: fmt.Sprint("x", i), Name: "no orders"})
			}
		}
		d := NewDataset(orders, refunds, entries)

		last := map[string]Customer{}
		for _, c := range entries {
			last[c.ID] = c
		}
		var keys []string
		for _, o := range orders {
			keys = append(keys, o.Customer)
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		if len(d.Customers) != len(keys) {
			t.Fatalf("n=%d: %d customers, want %d", n, len(d.Customers), len(keys))
		}
		for i, k := range keys {
			want := last[k]
			want.ID = k
			if d.Customers[i] != want {
				t.Fatalf("n=%d: customer %d is %+v, want %+v", n, i, d.Customers[i], want)
			}
			if ci, ok := d.CustomerIndex(k); !ok || ci != i {
				t.Fatalf("n=%d: CustomerIndex(%q) = %d, %v; want %d", n, k, ci, ok, i)
			}
			var mine []int
			for oi, o := range d.Orders {
				if o.Customer == k {
					mine = append(mine, oi)
				}
			}
			if got := d.CustomerOrders(i); !slices.Equal(got, mine) {
				t.Fatalf("n=%d: %s's orders %v, want %v", n, k, got, mine)
			}
			var refunded float64
			for _, r := range d.Refunds {
				if r.Customer == k {
					refunded += r.Amount
				}
			}
			if got := d.CustomerRefunds(i); got != refunded {
				t.Fatalf("n=%d: %s's refunds %v, want %v", n, k, got, refunded)
			}
		}
		for _, k := range []string{"", "c", "r1", "x0", "zz"} {
			if _, ok := d.CustomerIndex(k); ok {
				t.Fatalf("n=%d: CustomerIndex(%q) found a customer", n, k)
			}
		}
		for oi, o := range d.Orders {
			if d.Customers[d.customerOf[oi]].ID != o.Customer {
				t.Fatalf("n=%d: order %d's customer %d, not %s", n, oi, d.customerOf[oi], o.Customer)
			}
		}

		// The same customers, numbered in reverse key order, with the
		// entries' details and those without orders.
		var numbered []Customer
		for _, c := range last {
			numbered = append(numbered, c)
		}
		for _, k := range keys {
			if _, ok := last[k]; !ok {
				numbered = append(numbered, Customer{ID: k})
			}
		}
		slices.SortFunc(numbered, func(a, b Customer) int { return strings.Compare(b.ID, a.ID) })
		num := map[string]int32{}
		for i, c := range numbered {
			num[c.ID] = int32(i)
		}
		oc, rc := make([]int32, len(orders)), make([]int32, len(refunds))
		for i, o := range orders {
			oc[i] = num[o.Customer]
		}
		for i, r := range refunds {
			if k, ok := num[r.Customer]; ok {
				rc[i] = k
			} else {
				rc[i] = -1
			}
		}
		e := NewDatasetNumbered(orders, refunds, numbered, oc, rc)
		if !sameDataset(d, e) {
			t.Fatalf("n=%d: NewDatasetNumbered differs from NewDataset", n)
		}

		// Before: as NewDataset of the orders and refunds before the
		// time, with the customers' entries.
		d.Names = []string{"a name"}
		for _, cut := range []time.Time{base, base.Add(100 * 24 * time.Hour), base.Add(1000 * 24 * time.Hour)} {
			var os []Order
			var rs []Refund
			for _, o := range orders {
				if o.Time.Before(cut) {
					os = append(os, o)
				}
			}
			for _, r := range refunds {
				if r.Time.Before(cut) {
					rs = append(rs, r)
				}
			}
			want, got := NewDataset(os, rs, d.Customers), d.Before(cut)
			if !sameDataset(want, got) || !slices.Equal(got.Names, d.Names) {
				t.Fatalf("n=%d: Before(%v) differs from NewDataset of what is before it", n, cut)
			}
		}
	}
}

// sameDataset tells whether two datasets hold the same orders, refunds
// and customers, indexed alike (an empty slice as a nil one).
func sameDataset(a, b *Dataset) bool {
	same := func(x, y any) bool {
		vx, vy := reflect.ValueOf(x), reflect.ValueOf(y)
		return vx.Len() == 0 && vy.Len() == 0 || reflect.DeepEqual(x, y)
	}
	return same(a.Orders, b.Orders) && same(a.Refunds, b.Refunds) && same(a.Customers, b.Customers) &&
		same(a.byCustomer, b.byCustomer) && same(a.customerOf, b.customerOf) &&
		same(a.refundCustomer, b.refundCustomer) && same(a.refundsBy, b.refundsBy)
}

// TestInstant checks instant's comparisons and differences against
// time.Time's (Before, Equal, Sub, inRange) on times a nanosecond, a
// second and years apart, in other zones and before 1970.
func TestInstant(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	zones := []*time.Location{time.UTC, time.FixedZone("CET", 3600), time.FixedZone("NST", -12600)}
	base := time.Date(2011, 3, 1, 9, 30, 0, 0, time.UTC)
	at := func() time.Time {
		d := time.Duration(rng.Intn(5)) * time.Second
		if rng.Intn(2) == 0 {
			d += time.Duration(rng.Intn(3)) // nanoseconds
		}
		if rng.Intn(4) == 0 {
			d -= time.Duration(rng.Intn(60*365)) * 24 * time.Hour
		}
		return base.Add(d).In(zones[rng.Intn(len(zones))])
	}
	for range 20000 {
		a, b, c := at(), at(), at()
		ia, ib, ic := instantOf(a), instantOf(b), instantOf(c)
		if ia.before(ib) != a.Before(b) || (ia == ib) != a.Equal(b) {
			t.Fatalf("%v and %v: before %v, equal %v", a, b, ia.before(ib), ia == ib)
		}
		if ia.sub(ib) != a.Sub(b) {
			t.Fatalf("%v − %v: %v, want %v", a, b, ia.sub(ib), a.Sub(b))
		}
		if ia.in(ib, ic) != inRange(a, b, c) {
			t.Fatalf("%v in [%v, %v): %v", a, b, c, ia.in(ib, ic))
		}
	}
}
