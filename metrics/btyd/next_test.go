package btyd

import (
	"math"
	"testing"
)

func TestTimeToPurchases(t *testing.T) {
	// The CDNOW parameters of Fader, Hardie and Lee (2005), in weeks.
	cdnow := BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	nbd := BGNBD{R: 0.8, Alpha: 10, NoDropout: true}
	const max, tol = 520.0, 1.0 / 7 // ten years, a day
	tests := []struct {
		name   string
		m      BGNBD
		c      Customer
		n      float64
		ok     bool
		closed float64 // the closed form's t without drop-out; 0 to check by E[Y]
	}{
		// The paper's customer expects 1.226 purchases in 39 weeks, so
		// one comes before 39 weeks.
		{name: "paper's customer", m: cdnow, c: Customer{2, 30.43, 38.86}, n: 1, ok: true},
		{name: "a frequent recent buyer", m: cdnow, c: Customer{10, 38, 39}, n: 1, ok: true},
		// Two purchases early on, none for 70 weeks: likely gone, never
		// expected to buy once more.
		{name: "likely gone", m: cdnow, c: Customer{2, 2, 72}, n: 1, ok: false},
		{name: "zero purchases asked", m: cdnow, c: Customer{2, 2, 72}, n: 0, ok: true},
		// Without drop-out, t = n (alpha + T) / (r + x) = (10 + 30) / (0.8 + 3).
		{name: "no drop-out", m: nbd, c: Customer{3, 20, 30}, n: 1, ok: true, closed: 40 / 3.8},
		{name: "no drop-out, two purchases", m: nbd, c: Customer{3, 20, 30}, n: 2, ok: true, closed: 80 / 3.8},
		// (10 + 500) / 0.8 = 637.5 weeks, past ten years.
		{name: "no drop-out, past the search", m: nbd, c: Customer{0, 0, 500}, n: 1, ok: false, closed: 637.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.m.TimeToPurchases(tt.c, tt.n, max, tol)
			if ok != tt.ok {
				t.Fatalf("ok = %v (t = %v), want %v", ok, got, tt.ok)
			}
			switch {
			case tt.closed > 0:
				if math.Abs(got-tt.closed) > 1e-9 {
					t.Errorf("t = %v, want %v", got, tt.closed)
				}
			case ok && tt.n > 0:
				// E[Y] reaches n at t and not a day before.
				if e := tt.m.ExpectedPurchases(tt.c, got); e < tt.n {
					t.Errorf("E[Y(%v)] = %v, below %v", got, e, tt.n)
				}
				if e := tt.m.ExpectedPurchases(tt.c, got-tol); e >= tt.n {
					t.Errorf("E[Y(%v)] = %v already reaches %v", got-tol, e, tt.n)
				}
			case !ok:
				if e := tt.m.ExpectedPurchases(tt.c, max); e >= tt.n {
					t.Errorf("E[Y(max)] = %v reaches %v", e, tt.n)
				}
			}
		})
	}
	// The paper's customer: before 39 weeks, since E[Y(39)] = 1.226.
	if got, _ := cdnow.TimeToPurchases(Customer{2, 30.43, 38.86}, 1, max, tol); got >= 39 {
		t.Errorf("paper's customer: t = %v, want before 39 weeks", got)
	}
}
