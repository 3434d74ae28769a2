package compare

import (
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"retention/metrics"
)

var day0 = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

func at(day int) time.Time { return day0.AddDate(0, 0, day) }

// shop builds a dataset from customer → order days (one order of 10 a day).
func shop(orders map[string][]int) *metrics.Dataset {
	var os []metrics.Order
	for c, days := range orders {
		for i, d := range days {
			os = append(os, metrics.Order{ID: fmt.Sprintf("%s-%d", c, i), Customer: c, Time: at(d), Amount: 10})
		}
	}
	return metrics.NewDataset(os, nil, nil)
}

// The movement of a hand-made shop between day 100 and day 200. The
// segments are worked out by hand from metrics.RFM's rule (edge k =
// v[ceil(k·n/5) − 1], a value scores by the edges strictly below it) and
// metrics.DefaultGrid:
//
// Day 100, five customers, frequencies 5 4 1 2 3 and recencies 1 5 10 40
// 90 all distinct, so each score is the rank:
//
//	A  5 orders, last day 99   F5 R5  Champions
//	B  4 orders, last day 95   F4 R4  Loyal Customers
//	C  1 order,  day 90        F1 R3  About to Sleep
//	D  2 orders, last day 60   F2 R2  Hibernating
//	E  3 orders, last day 10   F3 R1  At Risk
//
// Day 200, after C ordered on days 150 and 190 and F first on day 199:
// frequencies 5 4 3 2 3 1 (edges 2 3 3 4) and recencies 101 105 10 140 190
// 1 (edges 10 101 105 140):
//
//	A  F5 R4  Loyal Customers       B  F4 R3  Loyal Customers
//	C  F2 R5  Potential Loyalists   D  F1 R2  Hibernating
//	E  F2 R1  Hibernating           F  F1 R5  New Customers
func TestMovesHandMade(t *testing.T) {
	d := shop(map[string][]int{
		"A": {20, 40, 60, 80, 99},
		"B": {30, 50, 70, 95},
		"C": {90, 150, 190},
		"D": {30, 60},
		"E": {1, 5, 10},
		"F": {199},
	})
	segs := func(t0 time.Time) map[string]string {
		b := Before(d, t0)
		return Segments(b, metrics.RFM(b, t0, metrics.DefaultGrid))
	}
	a, b := segs(at(100)), segs(at(200))
	wantA := map[string]string{"A": metrics.Champions, "B": metrics.LoyalCustomers, "C": metrics.AboutToSleep,
		"D": metrics.Hibernating, "E": metrics.AtRisk}
	wantB := map[string]string{"A": metrics.LoyalCustomers, "B": metrics.LoyalCustomers, "C": metrics.PotentialLoyalists,
		"D": metrics.Hibernating, "E": metrics.Hibernating, "F": metrics.NewCustomers}
	if !reflect.DeepEqual(a, wantA) {
		t.Fatalf("day 100 segments = %v, want %v", a, wantA)
	}
	if !reflect.DeepEqual(b, wantB) {
		t.Fatalf("day 200 segments = %v, want %v", b, wantB)
	}
	m := Moves(a, b)
	if m.Both != 5 || m.Stayed != 2 || m.Moved != 3 || m.OnlyA != 0 || m.OnlyB != 1 {
		t.Errorf("both %d stayed %d moved %d onlyA %d onlyB %d, want 5 2 3 0 1", m.Both, m.Stayed, m.Moved, m.OnlyA, m.OnlyB)
	}
	cells := map[[2]string]int{
		{metrics.Champions, metrics.LoyalCustomers}:        1,
		{metrics.LoyalCustomers, metrics.LoyalCustomers}:   1,
		{metrics.AboutToSleep, metrics.PotentialLoyalists}: 1,
		{metrics.Hibernating, metrics.Hibernating}:         1,
		{metrics.AtRisk, metrics.Hibernating}:              1,
		{Absent, metrics.NewCustomers}:                     1,
	}
	checkCells(t, m, cells)
	if len(m.Moves) != 4 {
		t.Errorf("moves = %+v, want the 4 off-diagonal cells", m.Moves)
	}
	for _, mv := range m.Moves {
		if mv.Share != 1 { // each row holds one customer
			t.Errorf("move %+v: share %v, want 1", mv, mv.Share)
		}
	}
}

// checkCells checks every cell of m against want (absent cells are 0).
func checkCells(t *testing.T, m Movement, want map[[2]string]int) {
	t.Helper()
	if len(m.Counts) != len(m.Segments) {
		t.Fatalf("%d rows for %d segments", len(m.Counts), len(m.Segments))
	}
	for i, row := range m.Counts {
		for j, c := range row {
			if w := want[[2]string{m.Segments[i], m.Segments[j]}]; c != w {
				t.Errorf("%s -> %s = %d, want %d", m.Segments[i], m.Segments[j], c, w)
			}
		}
	}
}

func TestMoves(t *testing.T) {
	tests := []struct {
		name       string
		a, b       map[string]string
		cells      map[[2]string]int
		moves      []Move
		onlyA, onB int
	}{
		{name: "empty", cells: map[[2]string]int{}},
		{
			name: "two shops",
			a:    map[string]string{"x": "Champions", "y": "Champions", "z": "Champions", "w": "At Risk"},
			b:    map[string]string{"x": "Champions", "y": "At Risk", "v": "New Customers"},
			cells: map[[2]string]int{{"Champions", "Champions"}: 1, {"Champions", "At Risk"}: 1,
				{"Champions", Absent}: 1, {"At Risk", Absent}: 1, {Absent, "New Customers"}: 1},
			// Champions' row holds 3 customers, so each of its moves is a third.
			moves: []Move{{"Champions", "At Risk", 1, 1.0 / 3}, {"Champions", Absent, 1, 1.0 / 3},
				{"At Risk", Absent, 1, 1}, {Absent, "New Customers", 1, 1}},
			onlyA: 2, onB: 1,
		},
		{
			name:  "a segment of another grid",
			a:     map[string]string{"x": "Sleepers", "y": "Sleepers"},
			b:     map[string]string{"x": "Champions", "y": "Champions"},
			cells: map[[2]string]int{{"Sleepers", "Champions"}: 2},
			moves: []Move{{"Sleepers", "Champions", 2, 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Moves(tt.a, tt.b)
			checkCells(t, m, tt.cells)
			if m.Segments[len(m.Segments)-1] != Absent || !reflect.DeepEqual(m.Segments[:len(metrics.SegmentOrder)], metrics.SegmentOrder) {
				t.Errorf("segments = %v", m.Segments)
			}
			if !reflect.DeepEqual(m.Moves, tt.moves) {
				t.Errorf("moves = %+v, want %+v", m.Moves, tt.moves)
			}
			if m.OnlyA != tt.onlyA || m.OnlyB != tt.onB {
				t.Errorf("only A %d, only B %d, want %d, %d", m.OnlyA, m.OnlyB, tt.onlyA, tt.onB)
			}
		})
	}
}

func TestKPIDelta(t *testing.T) {
	tests := []struct {
		k          KPI
		delta      float64
		rel        float64
		hasD, hasR bool
	}{
		{KPI{A: 200, B: 250, HasA: true, HasB: true}, 50, 0.25, true, true},
		{KPI{A: 0.4, B: 0.3, HasA: true, HasB: true}, -0.1, -0.25, true, true},
		{KPI{A: 0, B: 7, HasA: true, HasB: true}, 7, 0, true, false},
		{KPI{A: -20, B: -10, HasA: true, HasB: true}, 10, 0.5, true, true}, // net revenue below 0: the change is relative to its size
		{KPI{B: 0.5, HasB: true}, 0, 0, false, false},
	}
	for _, tt := range tests {
		d, ok := tt.k.Delta()
		if ok != tt.hasD || math.Abs(d-tt.delta) > 1e-12 {
			t.Errorf("%+v: delta %v %v, want %v %v", tt.k, d, ok, tt.delta, tt.hasD)
		}
		r, ok := tt.k.Relative()
		if ok != tt.hasR || math.Abs(r-tt.rel) > 1e-12 {
			t.Errorf("%+v: relative %v %v, want %v %v", tt.k, r, ok, tt.rel, tt.hasR)
		}
	}
}

func TestKPIs(t *testing.T) {
	// A: customers x (orders days 0, 10) and y (day 20) over January and
	// February; B: one customer with one order. Figures by hand.
	a := shop(map[string][]int{"x": {0, 10}, "y": {20}})
	b := shop(map[string][]int{"z": {40}})
	fig := func(d *metrics.Dataset) Figures {
		o := metrics.Options{Grain: metrics.Month}
		return Figures{Summary: metrics.Summarize(d, o), Periods: metrics.Periods(d, o)}
	}
	ks := KPIs(fig(a), fig(b))
	by := map[string]KPI{}
	for _, k := range ks {
		by[k.Name] = k
	}
	want := []struct {
		name       string
		a, b       float64
		hasA, hasB bool
	}{
		{Customers, 2, 1, true, true},
		{Orders, 3, 1, true, true},
		{Revenue, 30, 10, true, true},
		{AOV, 10, 10, true, true},
		{RepeatRate, 0.5, 0, true, true},
		{PurchaseFrequency, 1.5, 1, true, true},
		{MeanDaysBetween, 10, 0, true, false}, // B has nobody with two orders
		{RepeatVsOneTime, 2, 0, true, false},  // x brought 20, y 10
		// A's only period is January 2024 (complete as of Jan 22), with no
		// base at its start: no rate; B's February likewise.
		{Retention, 0, 0, false, false},
	}
	for _, w := range want {
		k := by[w.name]
		if k.A != w.a || k.B != w.b || k.HasA != w.hasA || k.HasB != w.hasB {
			t.Errorf("%s = %+v, want a %v b %v (%v %v)", w.name, k, w.a, w.b, w.hasA, w.hasB)
		}
	}
	if len(ks) != 16 {
		t.Errorf("%d KPIs, want 16", len(ks))
	}

	// With a base: x orders in January and February, y in January only:
	// February's S = 2, retained 1, lost 1, and z's order on March 1 makes
	// February complete.
	c := shop(map[string][]int{"x": {0, 40}, "y": {5}, "z": {60}})
	k := KPIs(fig(c), fig(c))
	for _, r := range k[13:] {
		if !r.HasA || r.APeriod != "2024-02" {
			t.Errorf("%s = %+v, want February's rate", r.Name, r)
		}
	}
	if k[13].A != 0.5 || k[14].A != 0.5 || k[15].A != 0.5 {
		t.Errorf("retention, churn, CRR = %v %v %v, want 0.5 each", k[13].A, k[14].A, k[15].A)
	}
}

func TestAlign(t *testing.T) {
	d := shop(map[string][]int{"x": {0, 40, 70}})
	a := metrics.Periods(d, metrics.Options{Grain: metrics.Month, To: at(40)})   // Jan, Feb
	b := metrics.Periods(d, metrics.Options{Grain: metrics.Month, From: at(40)}) // Feb, Mar
	ps := Align(a, b)
	var keys []string
	for _, p := range ps {
		keys = append(keys, fmt.Sprintf("%s %v %v", p.Key, p.A != nil, p.B != nil))
	}
	want := []string{"2024-01 true false", "2024-02 true true", "2024-03 false true"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("aligned = %v, want %v", keys, want)
	}
	if ps[1].A.Key != "2024-02" || ps[1].B.Key != "2024-02" {
		t.Errorf("February pairs %v with %v", ps[1].A.Key, ps[1].B.Key)
	}
}

func TestPrevious(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip(err)
	}
	tests := []struct {
		name              string
		from, to, asOf    time.Time
		pFrom, pTo, pAsOf time.Time
		days              int
	}{
		{"November", time.Date(2011, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2011, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC),
			time.Date(2011, 10, 2, 0, 0, 0, 0, time.UTC), time.Date(2011, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2011, 11, 10, 0, 0, 0, 0, time.UTC), 30},
		// The clocks go back on 2011-10-30 in Berlin: 30 days, not 30 × 24 hours.
		{"over a clock change", time.Date(2011, 11, 1, 0, 0, 0, 0, berlin), time.Date(2011, 12, 1, 0, 0, 0, 0, berlin), time.Date(2011, 12, 1, 0, 0, 0, 0, berlin),
			time.Date(2011, 10, 2, 0, 0, 0, 0, berlin), time.Date(2011, 11, 1, 0, 0, 0, 0, berlin), time.Date(2011, 11, 1, 0, 0, 0, 0, berlin), 30},
		{"one day", at(10), at(11), at(11), at(9), at(10), at(10), 1},
	}
	for _, tt := range tests {
		pf, pt, pa, n := Previous(tt.from, tt.to, tt.asOf)
		if !pf.Equal(tt.pFrom) || !pt.Equal(tt.pTo) || !pa.Equal(tt.pAsOf) || n != tt.days {
			t.Errorf("%s: %v %v %v %d, want %v %v %v %d", tt.name, pf, pt, pa, n, tt.pFrom, tt.pTo, tt.pAsOf, tt.days)
		}
	}
}

func TestBefore(t *testing.T) {
	orders := []metrics.Order{
		{ID: "1", Customer: "x", Time: at(1), Amount: 5},
		{ID: "2", Customer: "y", Time: at(9), Amount: 7},
		{ID: "3", Customer: "x", Time: at(10), Amount: 11},
	}
	refunds := []metrics.Refund{{OrderID: "1", Customer: "x", Time: at(3), Amount: 2}, {OrderID: "3", Customer: "x", Time: at(12), Amount: 11}}
	d := metrics.NewDataset(orders, refunds, []metrics.Customer{{ID: "y", Email: "y@example.com"}})
	b := Before(d, at(10))
	if len(b.Orders) != 2 || len(b.Refunds) != 1 || len(b.Customers) != 2 {
		t.Fatalf("before day 10: %d orders, %d refunds, %d customers; want 2, 1, 2", len(b.Orders), len(b.Refunds), len(b.Customers))
	}
	if b.Customers[1].Email != "y@example.com" {
		t.Errorf("customer y lost their e-mail: %+v", b.Customers[1])
	}
	if i, _ := b.CustomerIndex("x"); b.CustomerRefunds(i) != 2 {
		t.Errorf("x's refunds before day 10 = %v, want 2", b.CustomerRefunds(i))
	}
	if len(d.Orders) != 3 || len(d.Refunds) != 2 {
		t.Errorf("the dataset was changed")
	}
}
