package btyd

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"gonum.org/v1/gonum/integrate/quad"
	"gonum.org/v1/gonum/mat"
)

func near(got, want, rel float64) bool {
	return math.Abs(got-want) <= rel*math.Max(1, math.Abs(want))
}

func TestBGNBDLogLikelihoodByHand(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    BGNBD
		c    Customer
		want float64 // the likelihood L, not its logarithm
	}{
		// r = alpha = a = b = 1, x = 0, T = 1: B(1,1)/B(1,1) * G(1) 1^1 / (G(1) 2^1) = 1/2.
		{"no repeat", BGNBD{R: 1, Alpha: 1, A: 1, B: 1}, Customer{0, 0, 1}, 0.5},
		// x = 1, t_x = 1, T = 2: B(1,2)/B(1,1) * G(2)/(G(1) 3^2) = 1/2 * 1/9 = 1/18,
		// plus B(2,1)/B(1,1) * G(2)/(G(1) 2^2) = 1/2 * 1/4 = 1/8; 1/18 + 1/8 = 13/72.
		{"one repeat", BGNBD{R: 1, Alpha: 1, A: 1, B: 1}, Customer{1, 1, 2}, 13.0 / 72},
		// r = 2, alpha = 3, a = 2, b = 3, x = 2, t_x = 4, T = 6:
		// B(2,5)/B(2,3) = (1/30)/(1/12) = 0.4; G(4) 3^2 / (G(2) 9^4) = 54/6561; 0.4 * 54/6561 = 4/1215.
		// B(3,4)/B(2,3) = (1/60)/(1/12) = 0.2; G(4) 3^2 / (G(2) 7^4) = 54/2401; 0.2 * 54/2401 = 10.8/2401.
		{"two repeats", BGNBD{R: 2, Alpha: 3, A: 2, B: 3}, Customer{2, 4, 6}, 4.0/1215 + 10.8/2401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.m.LogLikelihood([]Customer{tc.c})
			if !near(got, math.Log(tc.want), 1e-12) {
				t.Errorf("LL = %.15g, want ln(%.15g) = %.15g", got, tc.want, math.Log(tc.want))
			}
		})
	}
	// The log-likelihood of several customers is the sum of theirs.
	m := BGNBD{R: 2, Alpha: 3, A: 2, B: 3}
	cs := []Customer{{0, 0, 1}, {1, 1, 2}, {2, 4, 6}, {2, 4, 6}}
	var sum float64
	for _, c := range cs {
		sum += m.LogLikelihood([]Customer{c})
	}
	if got := m.LogLikelihood(cs); !near(got, sum, 1e-12) {
		t.Errorf("LL of four = %v, sum of each = %v", got, sum)
	}
}

func TestGammaGammaLogLikelihoodByHand(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    GammaGamma
		x, m float64
		want float64 // the density of the mean, not its logarithm
	}{
		// One transaction: the marginal of z is G(p+q)/(G(p)G(q)) v^q z^(p-1) / (v+z)^(p+q)
		// = G(3)/(G(1)G(2)) 3^2 2^0 / 5^3 = 18/125.
		{"one", GammaGamma{P: 1, Q: 2, V: 3}, 1, 2, 18.0 / 125},
		// x = 2, m = 1.5, p = 2, q = 3, v = 4: G(7)/(G(4)G(3)) 4^3 1.5^3 2^4 / 7^7
		// = 60 * 64 * 3.375 * 16 / 823543 = 207360/823543.
		{"two", GammaGamma{P: 2, Q: 3, V: 4}, 2, 1.5, 207360.0 / 823543},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.g.LogLikelihood([]float64{tc.x}, []float64{tc.m})
			if !near(got, math.Log(tc.want), 1e-12) {
				t.Errorf("LL = %.15g, want %.15g", got, math.Log(tc.want))
			}
		})
	}
}

// centralDiff is the gradient of f at p by central differences.
func centralDiff(f func(p []float64) float64, p []float64) []float64 {
	g := make([]float64, len(p))
	for i := range p {
		h := 1e-5 * math.Max(1, math.Abs(p[i]))
		q := append([]float64(nil), p...)
		q[i] = p[i] + h
		up := f(q)
		q[i] = p[i] - h
		g[i] = (up - f(q)) / (2 * h)
	}
	return g
}

func TestGradientsMatchFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cs := SimulateBGNBD(rng, BGNBD{R: 0.5, Alpha: 6, A: 0.8, B: 2.5}, 300, 20, 60)
	for _, p := range [][]float64{{0.5, 6, 0.8, 2.5}, {1.3, 2, 2.2, 0.7}, {0.05, 40, 0.1, 9}} {
		m := BGNBD{R: p[0], Alpha: p[1], A: p[2], B: p[3]}
		got := m.Gradient(cs)
		want := centralDiff(func(q []float64) float64 {
			return BGNBD{R: q[0], Alpha: q[1], A: q[2], B: q[3]}.LogLikelihood(cs)
		}, p)
		for i := range want {
			if !near(got[i], want[i], 1e-5) {
				t.Errorf("BG/NBD at %v: d/d%s = %.10g, finite differences %.10g", p, []string{"r", "alpha", "a", "b"}[i], got[i], want[i])
			}
		}
	}
	x, m := SimulateGammaGamma(rng, GammaGamma{P: 6, Q: 4, V: 15}, 300, 1.5)
	for _, p := range [][]float64{{6, 4, 15}, {1, 2, 50}, {20, 1.5, 3}} {
		g := GammaGamma{P: p[0], Q: p[1], V: p[2]}
		got := g.Gradient(x, m)
		want := centralDiff(func(q []float64) float64 {
			return GammaGamma{P: q[0], Q: q[1], V: q[2]}.LogLikelihood(x, m)
		}, p)
		for i := range want {
			if !near(got[i], want[i], 1e-5) {
				t.Errorf("Gamma-Gamma at %v: d/d%s = %.10g, finite differences %.10g", p, []string{"p", "q", "gamma"}[i], got[i], want[i])
			}
		}
	}
}

// standardErrors are the asymptotic standard errors of the estimates p:
// the square roots of the diagonal of the inverse observed information,
// the Hessian of -LL taken by differencing the analytic gradient.
func standardErrors(t *testing.T, grad func(p []float64) []float64, p []float64) []float64 {
	t.Helper()
	k := len(p)
	h := mat.NewSymDense(k, nil)
	for i := range p {
		step := 1e-5 * p[i]
		q := append([]float64(nil), p...)
		q[i] = p[i] + step
		up := grad(q)
		q[i] = p[i] - step
		down := grad(q)
		for j := 0; j < k; j++ {
			v := -(up[j] - down[j]) / (2 * step)
			if j < i {
				v = (v + h.At(j, i)) / 2
			}
			h.SetSym(i, j, v)
		}
	}
	var inv mat.Dense
	if err := inv.Inverse(h); err != nil {
		t.Fatalf("information matrix is singular: %v", err)
	}
	se := make([]float64, k)
	for i := range se {
		se[i] = math.Sqrt(inv.At(i, i))
	}
	return se
}

func TestBGNBDRecoversParameters(t *testing.T) {
	for i, truth := range []BGNBD{
		{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}, // CDNOW, weeks
		{R: 1.2, Alpha: 30, A: 0.4, B: 1.5},          // frequent buyers who leave fast
		{R: 0.6, Alpha: 2, A: 2.5, B: 8},             // loyal customers
	} {
		rng := rand.New(rand.NewPCG(uint64(7+i), 99))
		cs := SimulateBGNBD(rng, truth, 8000, 26, 78)
		fit, err := FitBGNBD(cs)
		if err != nil {
			t.Fatalf("set %d: %v", i, err)
		}
		est := fit.params()
		se := standardErrors(t, func(p []float64) []float64 {
			return BGNBD{R: p[0], Alpha: p[1], A: p[2], B: p[3]}.Gradient(cs)
		}, est)
		// At the maximum the gradient vanishes.
		for j, g := range fit.Gradient(cs) {
			if math.Abs(g*est[j]) > 1e-3 {
				t.Errorf("set %d: gradient %d = %g at the fit", i, j, g)
			}
		}
		for j, want := range truth.params() {
			if math.Abs(est[j]-want) > 4*se[j] {
				t.Errorf("set %d: %s = %.4f ± %.4f, truth %.4f", i, []string{"r", "alpha", "a", "b"}[j], est[j], se[j], want)
			}
		}
		if fit.LL < truth.LogLikelihood(cs) {
			t.Errorf("set %d: fitted LL %.3f below the truth's %.3f", i, fit.LL, truth.LogLikelihood(cs))
		}
		t.Logf("set %d: r %.4f±%.4f alpha %.4f±%.4f a %.4f±%.4f b %.4f±%.4f in %d iterations", i, est[0], se[0], est[1], se[1], est[2], se[2], est[3], se[3], fit.Iterations)
	}
}

func TestGammaGammaRecoversParameters(t *testing.T) {
	for i, truth := range []GammaGamma{
		{P: 6.25, Q: 3.74, V: 15.44}, // CDNOW
		{P: 2, Q: 5, V: 200},
		{P: 12, Q: 2.5, V: 4},
	} {
		rng := rand.New(rand.NewPCG(uint64(30+i), 5))
		x, m := SimulateGammaGamma(rng, truth, 4000, 2)
		fit, err := FitGammaGamma(x, m)
		if err != nil {
			t.Fatalf("set %d: %v", i, err)
		}
		est := []float64{fit.P, fit.Q, fit.V}
		se := standardErrors(t, func(p []float64) []float64 {
			return GammaGamma{P: p[0], Q: p[1], V: p[2]}.Gradient(x, m)
		}, est)
		for j, want := range []float64{truth.P, truth.Q, truth.V} {
			if math.Abs(est[j]-want) > 4*se[j] {
				t.Errorf("set %d: %s = %.4f ± %.4f, truth %.4f", i, []string{"p", "q", "gamma"}[j], est[j], se[j], want)
			}
		}
		t.Logf("set %d: p %.4f±%.4f q %.4f±%.4f gamma %.4f±%.4f", i, est[0], se[0], est[1], se[1], est[2], se[2])
	}
}

func TestHyp2F1(t *testing.T) {
	for _, tc := range []struct {
		a, b, c, z, want float64
	}{
		{1, 1, 2, 0.5, -math.Log(0.5) / 0.5},                      // -ln(1-z)/z
		{1, 1, 2, 0.999, -math.Log(0.001) / 0.999},                // slow series: the Cephes fallback
		{2.5, 3, 3, 0.7, math.Pow(0.3, -2.5)},                     // (1-z)^-a
		{0.5, 0.5, 1.5, 0.25, math.Asin(0.5) / 0.5},               // arcsin(sqrt z)/sqrt z
		{40.2, 42.4, 42.2, 0.6, hypSeries(40.2, 42.4, 42.2, 0.6)}, // large parameters
	} {
		if got := hyp2f1(tc.a, tc.b, tc.c, tc.z); !near(got, tc.want, 1e-9*math.Max(1, tc.want)) {
			t.Errorf("2F1(%v,%v;%v;%v) = %.15g, want %.15g", tc.a, tc.b, tc.c, tc.z, got, tc.want)
		}
	}
}

// hypSeries sums the series to the end in long steps (reference only).
func hypSeries(a, b, c, z float64) float64 {
	term, sum := 1.0, 1.0
	for k := 0.0; k < 100000; k++ {
		term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
		sum += term
	}
	return sum
}

// posterior integrates over the drop-out probability p (the purchase rate
// integrates in closed form) to give P(alive) and E[Y(t)] by quadrature,
// independently of the closed forms: given (lambda, p) an alive customer
// buys 1/p (1 - exp(-lambda p t)) times in the next t.
func posterior(m BGNBD, c Customer, t float64) (alive, expected float64) {
	r, al, a, b, x := m.R, m.Alpha, m.A, m.B, c.X
	lb := -lgamma(a) - lgamma(b) + lgamma(a+b)
	beta := func(p float64) float64 { return math.Exp(lb + (a-1)*math.Log(p) + (b-1)*math.Log1p(-p)) }
	// Integrals over lambda of lambda^x exp(-lambda s) Gamma(lambda; r, al),
	// up to the common factor G(r+x) al^r / G(r).
	lam := func(s float64) float64 { return math.Pow(al+s, -(r + x)) }
	var like, aliveMass, future float64
	f := func(p float64) (float64, float64, float64) {
		alivePart := math.Pow(1-p, x) * lam(c.T)
		dead := 0.0
		if x > 0 {
			dead = p * math.Pow(1-p, x-1) * lam(c.TX)
		}
		fut := math.Pow(1-p, x) * (lam(c.T) - math.Pow(al+c.T+p*t, -(r+x))) / p
		w := beta(p)
		return w * (alivePart + dead), w * alivePart, w * fut
	}
	// Substitute p = u^k so the beta density's end points are smooth.
	const k = 4
	like = quad.Fixed(func(u float64) float64 { l, _, _ := f(math.Pow(u, k)); return l * k * math.Pow(u, k-1) }, 0, 1, 400, nil, 0)
	aliveMass = quad.Fixed(func(u float64) float64 { _, v, _ := f(math.Pow(u, k)); return v * k * math.Pow(u, k-1) }, 0, 1, 400, nil, 0)
	future = quad.Fixed(func(u float64) float64 { _, _, v := f(math.Pow(u, k)); return v * k * math.Pow(u, k-1) }, 0, 1, 400, nil, 0)
	return aliveMass / like, future / like
}

func TestPredictionsAgainstQuadrature(t *testing.T) {
	for _, m := range []BGNBD{
		{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426},
		{R: 1.5, Alpha: 10, A: 2.2, B: 4},
	} {
		for _, c := range []Customer{{0, 0, 30}, {1, 5, 30}, {2, 30.43, 38.86}, {7, 20, 39}, {15, 38, 39}} {
			for _, h := range []float64{1, 39, 260} {
				alive, want := posterior(m, c, h)
				if got := m.PAlive(c); !near(got, alive, 1e-6) {
					t.Errorf("%+v %+v: P(alive) = %.8f, quadrature %.8f", m, c, got, alive)
				}
				if got := m.ExpectedPurchases(c, h); !near(got, want, 1e-6) {
					t.Errorf("%+v %+v: E[Y(%v)] = %.8f, quadrature %.8f", m, c, h, got, want)
				}
			}
		}
	}
}

func TestExpectedPurchasesNewBySimulation(t *testing.T) {
	m := BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 200000
	for _, h := range []float64{10, 78} {
		cs := SimulateBGNBD(rng, m, n, h, h)
		var sum, sq float64
		for _, c := range cs {
			sum += c.X
			sq += c.X * c.X
		}
		mean := sum / n
		se := math.Sqrt((sq/n - mean*mean) / n)
		if got := m.ExpectedPurchasesNew(h); math.Abs(got-mean) > 4*se {
			t.Errorf("E[X(%v)] = %.4f, simulated %.4f ± %.4f", h, got, mean, se)
		}
		// A customer without repeats observed for no time is a new one.
		if a, b := m.ExpectedPurchases(Customer{0, 0, 0}, h), m.ExpectedPurchasesNew(h); !near(a, b, 1e-12) {
			t.Errorf("E[Y(%v) | 0,0,0] = %v, E[X(%v)] = %v", h, a, h, b)
		}
	}
}

// The worked example of Fader, Hardie and Lee (2005), section 5: with the
// CDNOW parameters, a customer with x = 2, t_x = 30.43, T = 38.86 (weeks)
// is expected to make 1.226 purchases in the next 39 weeks.
func TestPaperExample(t *testing.T) {
	m := BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	if got := m.ExpectedPurchases(Customer{2, 30.43, 38.86}, 39); math.Abs(got-1.226) > 5e-4 {
		t.Errorf("E[Y(39) | 2, 30.43, 38.86] = %.4f, the paper says 1.226", got)
	}
}

func TestPredictionLimits(t *testing.T) {
	m := BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	if p := m.PAlive(Customer{0, 0, 50}); p != 1 {
		t.Errorf("P(alive) without repeats = %v, want 1", p)
	}
	if e := m.ExpectedPurchases(Customer{3, 10, 30}, 0); e != 0 {
		t.Errorf("E[Y(0)] = %v", e)
	}
	// The longer since the last purchase, the less likely alive.
	prev := 1.0
	for _, tx := range []float64{39, 30, 20, 10, 1} {
		p := m.PAlive(Customer{3, tx, 39})
		if !(p < prev) {
			t.Errorf("P(alive) at t_x = %v is %v, not below %v", tx, p, prev)
		}
		prev = p
	}
	// a = 1 exactly divides 0 by 0 in the closed form; the value is the limit.
	one := BGNBD{R: 0.5, Alpha: 5, A: 1, B: 3}
	got := one.ExpectedPurchases(Customer{2, 10, 20}, 20)
	lo := BGNBD{R: 0.5, Alpha: 5, A: 1 - 1e-3, B: 3}.ExpectedPurchases(Customer{2, 10, 20}, 20)
	hi := BGNBD{R: 0.5, Alpha: 5, A: 1 + 1e-3, B: 3}.ExpectedPurchases(Customer{2, 10, 20}, 20)
	if math.IsNaN(got) || got < math.Min(lo, hi) || got > math.Max(lo, hi) {
		t.Errorf("E[Y] at a = 1 is %v, outside its neighbours %v and %v", got, lo, hi)
	}
}

func TestFitRefusals(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	cs := SimulateBGNBD(rng, BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}, 2000, 30, 39)
	var few []Customer
	for _, c := range cs {
		if c.X == 0 || len(few) < 200 && c.X > 0 && countRepeaters(few) < 10 {
			few = append(few, c)
		}
	}
	// No customer bought again: BG/NBD learns nothing of drop-out.
	steady := make([]Customer, 200)
	for i := range steady {
		steady[i] = Customer{X: 10, TX: 39, T: 39}
	}
	for _, tc := range []struct {
		name   string
		cs     []Customer
		want   string
		reason FitReason // 0: not a FitError
	}{
		{"too few customers", cs[:30], "30 customers; the model needs at least 50", TooFewCustomers},
		{"too few repeat buyers", few, "only 10 of", TooFewRepeaters},
		{"bad history", []Customer{{2, 5, 3}}, "customer 1 has x=2, t_x=5, T=3", 0},
		{"no one leaves", steady, "ran off to", Unbounded},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := FitBGNBD(tc.cs)
			if err == nil {
				t.Fatalf("fitted %+v, want an error", m)
			}
			if !errors.Is(err, ErrNoFit) || !contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to say %q", err, tc.want)
			}
			var fe *FitError
			if got := errors.As(err, &fe); got != (tc.reason != 0) || got && fe.Reason != tc.reason {
				t.Errorf("error %#v, want reason %d", err, tc.reason)
			}
		})
	}
	if _, err := FitBGNBD(cs[:30]); !reflect.DeepEqual(err, &FitError{Reason: TooFewCustomers, N: 30, Need: MinCustomers}) {
		t.Errorf("too few customers: %#v", err)
	}
	if _, err := FitBGNBD(few); !reflect.DeepEqual(err, &FitError{Reason: TooFewRepeaters, N: 10, Of: len(few), Need: MinRepeaters}) {
		t.Errorf("too few repeat buyers: %#v", err)
	}
	// Every customer spends the same: no heterogeneity for q to measure.
	x := make([]float64, 100)
	m := make([]float64, 100)
	for i := range x {
		x[i], m[i] = float64(1+i%5), 25
	}
	if g, err := FitGammaGamma(x, m); err == nil || !contains(err.Error(), "ran off to") {
		t.Errorf("constant spend: %+v, %v; want a refusal", g, err)
	}
	if g, err := FitGammaGamma(x[:10], m[:10]); err == nil || !contains(err.Error(), "only 10 customers") ||
		!reflect.DeepEqual(err, &FitError{Reason: TooFewRepeaters, N: 10, Need: MinRepeaters}) {
		t.Errorf("ten customers: %+v, %v; want a refusal", g, err)
	}
	if g, err := FitGammaGamma([]float64{1, 0}, []float64{5, 5}); err == nil || !contains(err.Error(), "customer 2 has 0 repeat purchases") {
		t.Errorf("x = 0: %+v, %v; want a refusal", g, err)
	}
	// Frequent buyers spend more per order: the model's assumption fails.
	cx, cm := SimulateGammaGamma(rand.New(rand.NewPCG(7, 8)), GammaGamma{P: 6, Q: 4, V: 15}, 500, 3)
	for i := range cm {
		cm[i] *= cx[i]
	}
	if r := FreqSpendCorrelation(cx, cm); r < 0.3 {
		t.Fatalf("correlation %v of the made-up spend", r)
	}
	var fe *FitError
	if g, err := FitGammaGamma(cx, cm); err == nil || !contains(err.Error(), "buy more often spend more per order (correlation 0.") ||
		!errors.As(err, &fe) || fe.Reason != SpendCorrelated || fe.Value < MaxSpendCorrelation {
		t.Errorf("correlated spend: %+v, %v; want a refusal", g, err)
	}
	// Spend with a tail so heavy that the mean does not exist (q < 1).
	hx, hm := SimulateGammaGamma(rand.New(rand.NewPCG(5, 6)), GammaGamma{P: 3, Q: 0.6, V: 20}, 3000, 1.5)
	if g, err := FitGammaGamma(hx, hm); err == nil || !contains(err.Error(), "q = ") || !errors.As(err, &fe) || fe.Reason != HeavyTail || fe.Value > 1 {
		t.Errorf("heavy tail: %+v, %v; want a refusal naming q", g, err)
	}
}

func countRepeaters(cs []Customer) int {
	n := 0
	for _, c := range cs {
		if c.X > 0 {
			n++
		}
	}
	return n
}

func contains(s, sub string) bool {
	return len(sub) == 0 || len(s) >= len(sub) && (func() bool {
		for i := 0; i+len(sub) <= len(s); i++ {
			if s[i:i+len(sub)] == sub {
				return true
			}
		}
		return false
	})()
}

func TestCLV(t *testing.T) {
	bg := BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	gg := GammaGamma{P: 6.25, Q: 3.74, V: 15.44}
	c := Customer{2, 30.43, 38.86}
	const upm = 30.4375 / 7
	// Undiscounted, CLV is the expected value times the purchases of the
	// whole horizon.
	want := gg.ExpectedAOV(2, 40) * bg.ExpectedPurchases(c, 12*upm)
	if got := CLV(bg, gg, c, 2, 40, 12, upm, 0); !near(got, want, 1e-12) {
		t.Errorf("undiscounted CLV = %v, want %v", got, want)
	}
	// One month at 1%: that month's purchases / 1.01.
	want = gg.ExpectedAOV(2, 40) * bg.ExpectedPurchases(c, upm) / 1.01
	if got := CLV(bg, gg, c, 2, 40, 1, upm, 0.01); !near(got, want, 1e-12) {
		t.Errorf("one month CLV = %v, want %v", got, want)
	}
	if a, b := CLV(bg, gg, c, 2, 40, 12, upm, 0.01), CLV(bg, gg, c, 2, 40, 12, upm, 0); !(a < b) {
		t.Errorf("discounting raised CLV: %v vs %v", a, b)
	}
	// Expected AOV: the population mean p v / (q - 1) without repeats, a
	// weighted mean of it and the customer's own mean with them.
	pop := 6.25 * 15.44 / 2.74
	if got := gg.ExpectedAOV(0, 0); !near(got, pop, 1e-12) {
		t.Errorf("E[AOV | x=0] = %v, want %v", got, pop)
	}
	w := 6.25 * 2 / (6.25*2 + 2.74) // weight of the customer's own mean
	if got := gg.ExpectedAOV(2, 40); !near(got, w*40+(1-w)*pop, 1e-12) {
		t.Errorf("E[AOV | x=2, m=40] = %v, want %v", got, w*40+(1-w)*pop)
	}
}

func TestFreqSpendCorrelation(t *testing.T) {
	// x = 1,2,3 and m = 2,4,6: perfectly correlated.
	if r := FreqSpendCorrelation([]float64{1, 2, 3}, []float64{2, 4, 6}); !near(r, 1, 1e-12) {
		t.Errorf("r = %v, want 1", r)
	}
	// x = 1,2,3,4 and m = 1,3,3,1: covariance 0.
	if r := FreqSpendCorrelation([]float64{1, 2, 3, 4}, []float64{1, 3, 3, 1}); !near(r, 0, 1e-12) {
		t.Errorf("r = %v, want 0", r)
	}
	if r := FreqSpendCorrelation([]float64{1, 1}, []float64{2, 3}); !math.IsNaN(r) {
		t.Errorf("r without variation = %v, want NaN", r)
	}
}

func BenchmarkFitBGNBD(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	cs := SimulateBGNBD(rng, BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}, 23570, 0, 78)
	for b.Loop() {
		if _, err := FitBGNBD(cs); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNoDropoutLimit: customers drawn with no drop-out at all fit as
// BG/NBD's NBD limit, which recovers r and alpha.
func TestNoDropoutLimit(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	truth := BGNBD{R: 0.8, Alpha: 10, NoDropout: true}
	cs := make([]Customer, 6000)
	for i := range cs {
		lambda := gammaRand(rng, truth.R) / truth.Alpha
		c := Customer{T: 20 + 40*rng.Float64()}
		for s := rng.ExpFloat64() / lambda; s <= c.T; s += rng.ExpFloat64() / lambda {
			c.X++
			c.TX = s
		}
		cs[i] = c
	}
	fit, err := FitBGNBD(cs)
	if err != nil {
		t.Fatal(err)
	}
	if !fit.NoDropout || fit.A != 0 || fit.B != 0 {
		t.Fatalf("fit %+v, want the no-drop-out limit", fit)
	}
	nbd := func(p []float64) []float64 {
		g := make([]float64, 2)
		group(cs).llNBD(p, g)
		return g
	}
	est := []float64{fit.R, fit.Alpha}
	se := standardErrors(t, nbd, est)
	for j, want := range []float64{truth.R, truth.Alpha} {
		if math.Abs(est[j]-want) > 4*se[j] {
			t.Errorf("%s = %.4f ± %.4f, truth %.4f", []string{"r", "alpha"}[j], est[j], se[j], want)
		}
	}
	if got, want := fit.LogLikelihood(cs), fit.LL; !near(got, want, 1e-9) {
		t.Errorf("LL %v, fit says %v", got, want)
	}
	// The NBD limit is where BG/NBD's likelihood goes as a shrinks.
	lim := BGNBD{R: fit.R, Alpha: fit.Alpha, A: 1e-9, B: 3}.LogLikelihood(cs)
	if !near(lim, fit.LL, 1e-6) {
		t.Errorf("BG/NBD at a = 1e-9: %v, NBD %v", lim, fit.LL)
	}
	if p := fit.PAlive(Customer{3, 5, 50}); p != 1 {
		t.Errorf("P(alive) = %v", p)
	}
}
