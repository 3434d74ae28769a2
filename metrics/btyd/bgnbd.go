// Package btyd fits the "buy till you die" models of customer-base
// analysis and predicts with them: BG/NBD (Fader, Hardie and Lee 2005,
// "Counting your customers the easy way") for who is still a customer and
// how often each will buy, Gamma-Gamma (Fader and Hardie 2013, "The
// Gamma-Gamma model of monetary value") for what each spends, and the
// customer lifetime value the two give together, as the BTYD literature
// and Python's lifetimes compute it.
//
// Everything here is pure: a customer is (x, t_x, T) in a time unit the
// caller chose, and parameters are fitted by maximum likelihood with
// analytic gradients on the logarithms of the parameters.
package btyd

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/optimize"
)

// Customer is one customer's calibration history: X repeat purchases, the
// last of them at TX, observed for T since the first purchase (TX = 0 when
// X = 0; 0 <= TX <= T).
type Customer struct {
	X, TX, T float64
}

// BGNBD is a fitted BG/NBD model. Purchase rates are gamma distributed
// with shape R and rate Alpha (in the caller's time unit); after each
// repeat purchase a customer drops out with a probability that is beta
// distributed with A and B. LL is the log-likelihood of the fit.
//
// When the data show no sign of customers leaving, the likelihood is
// highest as a goes to 0: every drop-out probability is then 0 and BG/NBD
// becomes the NBD model (Ehrenberg's), with purchase rates alone. FitBGNBD
// returns that limit with NoDropout set, A and B zero: P(alive) is 1 for
// everyone and expected purchases follow the purchase rate.
type BGNBD struct {
	R, Alpha, A, B float64
	LL             float64
	NoDropout      bool
	Iterations     int
}

// Minimum amounts of evidence for a fit. Below them the estimates are
// noise, and a shop is better told so than shown numbers.
const (
	MinCustomers = 50
	MinRepeaters = 20
)

// ErrNoFit wraps every reason a model cannot be fitted.
var ErrNoFit = errors.New("cannot fit")

// limits within which a fitted parameter is taken as a real estimate; one
// outside them means the likelihood kept improving toward a boundary, so
// the data do not identify the model.
const (
	minParam = 1e-5
	maxParam = 1e5
)

// bgData is the customers grouped by identical histories, with the
// distinct repeat counts listed once (the gamma-function terms depend on
// x only).
type bgData struct {
	xs       []float64 // distinct x
	xi       []int     // per group: index in xs
	x, tx, t []float64 // per group
	w        []float64 // customers in the group
	n        float64
	maxT     float64
}

// group groups the customers by identical histories.
func group(cs []Customer) *bgData {
	type key struct{ x, tx, t float64 }
	groups := map[key]int{}
	xIndex := map[float64]int{}
	d := &bgData{}
	for _, c := range cs {
		k := key{c.X, c.TX, c.T}
		g, ok := groups[k]
		if !ok {
			g = len(d.x)
			groups[k] = g
			xi, ok := xIndex[c.X]
			if !ok {
				xi = len(d.xs)
				xIndex[c.X] = xi
				d.xs = append(d.xs, c.X)
			}
			d.xi = append(d.xi, xi)
			d.x, d.tx, d.t, d.w = append(d.x, c.X), append(d.tx, c.TX), append(d.t, c.T), append(d.w, 0)
		}
		d.w[g]++
		d.n++
		d.maxT = math.Max(d.maxT, c.T)
	}
	return d
}

// prepareBG checks the customers and groups them for fitting.
func prepareBG(cs []Customer) (*bgData, error) {
	repeaters := 0
	for i, c := range cs {
		if !(c.X >= 0 && c.TX >= 0 && c.T >= c.TX) || math.IsInf(c.T, 0) || c.X != math.Trunc(c.X) || (c.X == 0 && c.TX != 0) {
			return nil, fmt.Errorf("%w: customer %d has x=%v, t_x=%v, T=%v (need whole x >= 0, 0 <= t_x <= T, t_x = 0 when x = 0)", ErrNoFit, i+1, c.X, c.TX, c.T)
		}
		if c.X > 0 {
			repeaters++
		}
	}
	if len(cs) < MinCustomers {
		return nil, &FitError{Reason: TooFewCustomers, N: len(cs), Need: MinCustomers}
	}
	if repeaters < MinRepeaters {
		return nil, &FitError{Reason: TooFewRepeaters, N: repeaters, Of: len(cs), Need: MinRepeaters}
	}
	d := group(cs)
	if d.maxT <= 0 {
		return nil, &FitError{Reason: NoTime}
	}
	return d, nil
}

// ll returns the log-likelihood of the BG/NBD parameters p = (r, alpha,
// a, b) and, when grad is not nil, its gradient with respect to p. This is
// equation (6) of Fader, Hardie and Lee, written as
//
//	LL = A1 + A2 + log(exp(A3) + [x>0] exp(A4))
//	A1 = lnG(r+x) - lnG(r) + r ln(alpha)
//	A2 = lnG(a+b) + lnG(b+x) - lnG(b) - lnG(a+b+x)
//	A3 = -(r+x) ln(alpha+T)
//	A4 = ln(a) - ln(b+x-1) - (r+x) ln(alpha+t_x)
func (d *bgData) ll(p []float64, grad []float64) float64 {
	r, alpha, a, b := p[0], p[1], p[2], p[3]
	nx := len(d.xs)
	// Per distinct x: A1 + A2 without r ln(alpha), and their derivatives.
	base := make([]float64, nx)
	dr := make([]float64, nx)
	da := make([]float64, nx)
	db := make([]float64, nx)
	lgR, lgB, lgAB := lgamma(r), lgamma(b), lgamma(a+b)
	var psiR, psiB, psiAB float64
	if grad != nil {
		psiR, psiB, psiAB = mathext.Digamma(r), mathext.Digamma(b), mathext.Digamma(a+b)
	}
	for k, x := range d.xs {
		base[k] = lgamma(r+x) - lgR + lgAB + lgamma(b+x) - lgB - lgamma(a+b+x)
		if grad != nil {
			psiABX := mathext.Digamma(a + b + x)
			dr[k] = mathext.Digamma(r+x) - psiR
			da[k] = psiAB - psiABX
			db[k] = psiAB + mathext.Digamma(b+x) - psiB - psiABX
		}
	}
	lnAlpha, lnA := math.Log(alpha), math.Log(a)
	var sum, gr, gal, ga, gb float64
	for g, x := range d.x {
		k, w := d.xi[g], d.w[g]
		lnT := math.Log(alpha + d.t[g])
		a3 := -(r + x) * lnT
		l := base[k] + r*lnAlpha
		var w3, w4, lnTx float64 = 1, 0, 0
		if x > 0 {
			lnTx = math.Log(alpha + d.tx[g])
			a4 := lnA - math.Log(b+x-1) - (r+x)*lnTx
			m := math.Max(a3, a4)
			e3, e4 := math.Exp(a3-m), math.Exp(a4-m)
			l += m + math.Log(e3+e4)
			w3, w4 = e3/(e3+e4), e4/(e3+e4)
		} else {
			l += a3
		}
		sum += w * l
		if grad != nil {
			gr += w * (dr[k] + lnAlpha - w3*lnT - w4*lnTx)
			gal += w * (r/alpha - w3*(r+x)/(alpha+d.t[g]))
			ga += w * da[k]
			gb += w * db[k]
			if x > 0 {
				gal -= w * w4 * (r + x) / (alpha + d.tx[g])
				ga += w * w4 / a
				gb -= w * w4 / (b + x - 1)
			}
		}
	}
	if grad != nil {
		grad[0], grad[1], grad[2], grad[3] = gr, gal, ga, gb
	}
	return sum
}

func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// LogLikelihood is the BG/NBD log-likelihood of the customers under the
// model's parameters (LL is ignored).
func (m BGNBD) LogLikelihood(cs []Customer) float64 {
	if m.NoDropout {
		return group(cs).llNBD([]float64{m.R, m.Alpha}, nil)
	}
	return group(cs).ll(m.params(), nil)
}

// Gradient is the log-likelihood's gradient with respect to (r, alpha, a,
// b).
func (m BGNBD) Gradient(cs []Customer) []float64 {
	g := make([]float64, 4)
	group(cs).ll(m.params(), g)
	return g
}

func (m BGNBD) params() []float64 { return []float64{m.R, m.Alpha, m.A, m.B} }

// fitLog maximises ll over the logarithms of its parameters from start,
// first with BFGS and, when that stops early, with Nelder-Mead from where
// it stopped. It returns the parameters, the log-likelihood and the
// iterations taken.
func fitLog(n float64, ll func(p, grad []float64) float64, start []float64) ([]float64, float64, int, error) {
	k := len(start)
	p := make([]float64, k)
	g := make([]float64, k)
	exp := func(theta []float64) bool {
		for i, t := range theta {
			if t > 700 || t < -700 || math.IsNaN(t) {
				return false
			}
			p[i] = math.Exp(t)
		}
		return true
	}
	// Func and Grad are mostly asked at the same point in turn: evaluate
	// both at once and keep the last point's answers.
	lastTheta := make([]float64, k)
	var lastF float64
	lastG := make([]float64, k)
	have := false
	eval := func(theta []float64) {
		if have && equal(theta, lastTheta) {
			return
		}
		copy(lastTheta, theta)
		have = true
		if !exp(theta) {
			lastF = math.Inf(1)
			for i := range lastG {
				lastG[i] = math.NaN()
			}
			return
		}
		lastF = -ll(p, g) / n
		if math.IsNaN(lastF) {
			lastF = math.Inf(1)
		}
		for i := range lastG {
			lastG[i] = -g[i] * p[i] / n
		}
	}
	problem := optimize.Problem{
		Func: func(theta []float64) float64 {
			eval(theta)
			return lastF
		},
		Grad: func(grad, theta []float64) {
			eval(theta)
			copy(grad, lastG)
		},
	}
	theta := make([]float64, k)
	for i, s := range start {
		theta[i] = math.Log(s)
	}
	settings := &optimize.Settings{GradientThreshold: 1e-9, MajorIterations: 1000,
		Converger: &optimize.FunctionConverge{Absolute: 1e-13, Relative: 1e-13, Iterations: 5}}
	res, err := optimize.Minimize(problem, theta, settings, &optimize.BFGS{})
	iters := 0
	if res != nil {
		iters = res.MajorIterations
	}
	// A line search that fails at a point where the gradient is already
	// negligible has only met rounding: that is a maximum.
	if err != nil && res != nil && finite(res.X) && len(res.Gradient) == k && maxAbs(res.Gradient) < 1e-6 {
		err, res.Status = nil, optimize.GradientThreshold
	}
	if err != nil || res == nil || !converged(res.Status) || !finite(res.X) {
		from := theta
		if res != nil && finite(res.X) {
			from = res.X
		}
		nm, nmErr := optimize.Minimize(optimize.Problem{Func: problem.Func}, from,
			&optimize.Settings{MajorIterations: 20000, Converger: &optimize.FunctionConverge{Absolute: 1e-12, Iterations: 200}},
			&optimize.NelderMead{})
		if nmErr != nil || nm == nil || !converged(nm.Status) || !finite(nm.X) {
			why := "the optimiser stopped early"
			if nmErr != nil {
				why = nmErr.Error()
			} else if nm != nil {
				why = nm.Status.String()
			}
			return nil, 0, iters, &FitError{Reason: NotConverged, Status: why}
		}
		res = nm
		iters += nm.MajorIterations
	}
	out := make([]float64, k)
	for i, t := range res.X {
		out[i] = math.Exp(t)
	}
	return out, ll(out, nil), iters, nil
}

func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

func equal(a, b []float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func converged(s optimize.Status) bool {
	return s == optimize.GradientThreshold || s == optimize.FunctionConvergence || s == optimize.StepConvergence || s == optimize.Success
}

func finite(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// checkParams refuses a fit with a parameter at the edge of what the data
// can say (see minParam, maxParam).
func checkParams(model string, names []string, p []float64) error {
	for i, v := range p {
		if !(v >= minParam && v <= maxParam) || math.IsNaN(v) {
			return &FitError{Reason: Unbounded, Model: model, Param: names[i], Value: v}
		}
	}
	return nil
}

// FitBGNBD fits BG/NBD to the customers by maximum likelihood. It refuses
// too little data (MinCustomers, MinRepeaters), a likelihood that does not
// converge, and parameters that run off to a boundary.
func FitBGNBD(cs []Customer) (BGNBD, error) {
	d, err := prepareBG(cs)
	if err != nil {
		return BGNBD{}, err
	}
	// Start where the customers' own scale suggests: a purchase rate of
	// about one per tenth of the longest observation.
	scale := d.maxT / 10
	var best []float64
	var bestLL float64
	var iters int
	var lastErr error
	// A second start only when the first does not converge.
	for _, start := range [][]float64{{1, scale, 1, 1}, {0.5, scale * 3, 0.5, 2}} {
		p, ll, it, err := fitLog(d.n, d.ll, start)
		iters += it
		if err != nil {
			lastErr = err
			continue
		}
		best, bestLL = p, ll
		break
	}
	if best == nil {
		return BGNBD{}, lastErr
	}
	if best[2] < minParam {
		// a ran off to 0: fit the NBD limit, which has no a and b.
		p, ll, it, err := fitLog(d.n, d.llNBD, []float64{best[0], best[1]})
		if err != nil {
			return BGNBD{}, err
		}
		if err := checkParams("NBD", []string{"r", "alpha"}, p); err != nil {
			return BGNBD{}, err
		}
		return BGNBD{R: p[0], Alpha: p[1], LL: ll, NoDropout: true, Iterations: iters + it}, nil
	}
	if err := checkParams("BG/NBD", []string{"r", "alpha", "a", "b"}, best); err != nil {
		return BGNBD{}, err
	}
	return BGNBD{R: best[0], Alpha: best[1], A: best[2], B: best[3], LL: bestLL, Iterations: iters}, nil
}

// llNBD is the log-likelihood of the NBD model, BG/NBD's limit as a goes
// to 0, for p = (r, alpha), and its gradient:
//
//	LL = lnG(r+x) - lnG(r) + r ln(alpha) - (r+x) ln(alpha+T)
func (d *bgData) llNBD(p []float64, grad []float64) float64 {
	r, alpha := p[0], p[1]
	lgR, lnAlpha := lgamma(r), math.Log(alpha)
	base := make([]float64, len(d.xs))
	dr := make([]float64, len(d.xs))
	psiR := mathext.Digamma(r)
	for k, x := range d.xs {
		base[k] = lgamma(r+x) - lgR
		if grad != nil {
			dr[k] = mathext.Digamma(r+x) - psiR
		}
	}
	var sum, gr, gal float64
	for g, x := range d.x {
		k, w := d.xi[g], d.w[g]
		lnT := math.Log(alpha + d.t[g])
		sum += w * (base[k] + r*lnAlpha - (r+x)*lnT)
		if grad != nil {
			gr += w * (dr[k] + lnAlpha - lnT)
			gal += w * (r/alpha - (r+x)/(alpha+d.t[g]))
		}
	}
	if grad != nil {
		grad[0], grad[1] = gr, gal
	}
	return sum
}

// PAlive is the probability that the customer is still a customer at T
// (equation (A10) of the BG/NBD note): 1 for a customer without a repeat
// purchase, since BG/NBD lets customers drop out only after one.
func (m BGNBD) PAlive(c Customer) float64 {
	if c.X == 0 || m.NoDropout {
		return 1
	}
	lr := (m.R + c.X) * (math.Log(m.Alpha+c.T) - math.Log(m.Alpha+c.TX))
	return 1 / (1 + math.Exp(math.Log(m.A)-math.Log(m.B+c.X-1)+lr))
}

// ExpectedPurchasesNew is E[X(t)], the purchases a new customer makes in
// t units after the first (equation (9)).
func (m BGNBD) ExpectedPurchasesNew(t float64) float64 {
	if t <= 0 {
		return 0
	}
	if m.NoDropout {
		return m.R / m.Alpha * t
	}
	return nearOne(m.A, func(a float64) float64 {
		z := t / (m.Alpha + t)
		h := hyp2f1(m.R, m.B, a+m.B-1, z)
		return (a + m.B - 1) / (a - 1) * (1 - math.Exp(m.R*math.Log(m.Alpha/(m.Alpha+t)))*h)
	})
}

// ExpectedPurchases is E[Y(t) | x, t_x, T], the purchases the customer is
// expected to make in the t units after T (equation (10)).
func (m BGNBD) ExpectedPurchases(c Customer, t float64) float64 {
	if t <= 0 {
		return 0
	}
	if m.NoDropout {
		// The posterior mean purchase rate, (r+x)/(alpha+T), for t.
		return (m.R + c.X) / (m.Alpha + c.T) * t
	}
	return nearOne(m.A, func(a float64) float64 {
		r, al, b, x := m.R, m.Alpha, m.B, c.X
		z := t / (al + c.T + t)
		h := hyp2f1(r+x, b+x, a+b+x-1, z)
		num := (a + b + x - 1) / (a - 1) * (1 - math.Exp((r+x)*math.Log((al+c.T)/(al+c.T+t)))*h)
		den := 1.0
		if x > 0 {
			den += a / (b + x - 1) * math.Exp((r+x)*(math.Log(al+c.T)-math.Log(al+c.TX)))
		}
		return num / den
	})
}

// nearOne evaluates f at a, or, where the closed forms divide 0 by 0
// (a = 1), as the mean of f just either side of 1.
func nearOne(a float64, f func(a float64) float64) float64 {
	const eps = 1e-4
	if math.Abs(a-1) >= eps {
		return f(a)
	}
	return (f(1-eps) + f(1+eps)) / 2
}

// hyp2f1 is Gauss's hypergeometric function 2F1(a, b; c; z) for 0 <= z
// < 1 and positive a, b, c, summed as its series (all terms positive, so
// no cancellation) while that converges quickly, and from gonum's Cephes
// port otherwise.
func hyp2f1(a, b, c, z float64) float64 {
	if z == 0 {
		return 1
	}
	term, sum := 1.0, 1.0
	for k := 0.0; k < 5000; k++ {
		term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
		sum += term
		if term <= 1e-15*sum && k > 2 {
			return sum
		}
		if math.IsInf(sum, 0) {
			break
		}
	}
	return mathext.Hypergeo(a, b, c, z)
}

// TimeToPurchases is the time t after T at which the customer's expected
// purchases reach n, the first t with
//
//	E[Y(t) | x, t_x, T] >= n
//
// looked for up to max and found to within tol (both in the model's time
// unit); ok is false when the customer is not expected to make n purchases
// by max. E[Y(t)] grows with t, so t is found by bisection. With drop-out
// it grows toward a finite limit (the customer may be gone), which a
// customer likely gone never reaches. Without drop-out (NoDropout, the NBD
// model) it is the posterior mean purchase rate times t, so
//
//	t = n (alpha + T) / (r + x)
//
// the mean time between purchases at the customer's posterior rate.
func (m BGNBD) TimeToPurchases(c Customer, n, max, tol float64) (t float64, ok bool) {
	if n <= 0 {
		return 0, true
	}
	if m.NoDropout {
		t = n * (m.Alpha + c.T) / (m.R + c.X)
		return t, t <= max
	}
	if m.ExpectedPurchases(c, max) < n {
		return 0, false
	}
	lo, hi := 0.0, max
	for hi-lo > tol {
		mid := (lo + hi) / 2
		if m.ExpectedPurchases(c, mid) >= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, true
}
