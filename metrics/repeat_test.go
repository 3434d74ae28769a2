package metrics

import (
	"testing"
	"time"
)

func TestRepeats(t *testing.T) {
	orders, refunds := shopOrders()
	// A second order on a's first day is the same purchase; one on
	// b's 2024-03-02 too.
	orders = append(orders, ord("a", "2024-01-05", 20), ord("b", "2024-03-02", 10))
	d := NewDataset(orders, refunds, nil)
	// Calibration to 2024-02-29, holdout to 2024-03-31, in weeks.
	rs, holdout := Repeats(d, day("2024-02-29"), day("2024-03-31"), 7)
	// 2024-02-29 .. 2024-03-31 is 31 days.
	if !near(holdout, 31.0/7) {
		t.Errorf("holdout %v weeks, want 31/7", holdout)
	}
	got := map[string]Repeat{}
	for _, r := range rs {
		got[d.Customers[r.Customer].ID] = r
	}
	want := map[string]Repeat{
		// a: first 2024-01-05, repeat 2024-02-10 (36 days, 50), T = 55 days; 2024-03-15 in the holdout.
		"a": {X: 1, TX: 36.0 / 7, T: 55.0 / 7, Mean: 50, Holdout: 1},
		// b: first 2024-01-20, no repeat by 02-29 (T = 40 days); 2024-03-02 (100 + 10) in the holdout.
		"b": {X: 0, TX: 0, T: 40.0 / 7, Mean: 0, Holdout: 1},
		// c: first 2024-02-03, T = 26 days.
		"c": {X: 0, TX: 0, T: 26.0 / 7},
		// d's first purchase is after calibration: not a calibration customer.
	}
	if len(got) != len(want) {
		t.Fatalf("%d customers, want %d: %+v", len(got), len(want), rs)
	}
	for id, w := range want {
		g := got[id]
		if !near(g.X, w.X) || !near(g.TX, w.TX) || !near(g.T, w.T) || !near(g.Mean, w.Mean) || g.Holdout != w.Holdout || len(g.Times) != int(w.X)+w.Holdout {
			t.Errorf("%s: got %+v, want %+v", id, g, w)
		}
	}
	// a's repeat purchases: 2024-02-10 and 2024-03-15, 36 and 70 days after 01-05.
	if a := got["a"]; len(a.Times) != 2 || !near(a.Times[0], 36.0/7) || !near(a.Times[1], 10) || !a.First.Equal(day("2024-01-05")) {
		t.Errorf("a's times %v, first %v", a.Times, a.First)
	}
	// Days, no holdout.
	rs, holdout = Repeats(d, day("2024-03-15"), day("2024-03-15"), 1)
	for _, r := range rs {
		if d.Customers[r.Customer].ID == "b" && (r.X != 1 || r.TX != 42 || r.T != 55 || r.Mean != 110) {
			t.Errorf("b by day: %+v (want x 1, tx 42, T 55, mean 110)", r)
		}
	}
	if holdout != 0 {
		t.Errorf("holdout %v, want 0", holdout)
	}
}

func TestRepeatsRefunds(t *testing.T) {
	orders := []Order{
		// e: first 2024-01-01 (80); 2024-01-10 (500) cancelled that day
		// under its own credit-note number; 2024-01-20 (60) of which 20
		// are refunded on 2024-02-01 naming the order; 2024-01-25 (30).
		ord("e", "2024-01-01", 80), ord("e", "2024-01-10", 500), ord("e", "2024-01-20", 60), ord("e", "2024-01-25", 30),
		// f's only purchase is cancelled in full: f is no customer here.
		ord("f", "2024-01-05", 40),
		// g: a free order (0) is still a purchase; a refund on a day
		// without a purchase (2024-01-15) says nothing of which one it returns.
		ord("g", "2024-01-02", 50), ord("g", "2024-01-12", 0), ord("g", "2024-01-22", 70),
	}
	refunds := []Refund{
		{OrderID: "C1", Customer: "e", Time: day("2024-01-10"), Amount: 500},
		{OrderID: "e2024-01-20", Customer: "e", Time: day("2024-02-01"), Amount: 20},
		{OrderID: "C2", Customer: "f", Time: day("2024-01-05"), Amount: 40},
		{OrderID: "C3", Customer: "g", Time: day("2024-01-15"), Amount: 15},
	}
	d := NewDataset(orders, refunds, nil)
	rs, _ := Repeats(d, day("2024-01-31"), time.Time{}, 1)
	got := map[string]Repeat{}
	for _, r := range rs {
		got[d.Customers[r.Customer].ID] = r
	}
	if _, ok := got["f"]; ok || len(got) != 2 {
		t.Fatalf("customers %v, want e and g only", got)
	}
	// e: repeats 2024-01-20 (60 - 20 = 40, day 19) and 2024-01-25 (30, day 24): mean 35.
	if e := got["e"]; e.X != 2 || e.TX != 24 || e.T != 30 || !near(e.Mean, 35) {
		t.Errorf("e: %+v, want x 2, t_x 24, T 30, mean 35", e)
	}
	// g: repeats 2024-01-12 (0) and 2024-01-22 (70): mean 35.
	if g := got["g"]; g.X != 2 || g.TX != 20 || !near(g.Mean, 35) {
		t.Errorf("g: %+v, want x 2, t_x 20, mean 35", g)
	}
}
