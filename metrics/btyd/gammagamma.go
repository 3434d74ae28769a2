package btyd

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// GammaGamma is a fitted Gamma-Gamma spend model: the value of each
// transaction is gamma distributed with shape P around a customer's own
// scale, whose rate is in turn gamma distributed with shape Q and rate V
// (the note's gamma). LL is the log-likelihood of the fit.
type GammaGamma struct {
	P, Q, V    float64
	LL         float64
	Iterations int
}

// MaxSpendCorrelation is the largest correlation between repeat purchases
// and mean spend with which the Gamma-Gamma model is fitted: it assumes
// the two are independent, and past this its order values are biased.
const MaxSpendCorrelation = 0.3

type ggData struct {
	x, m []float64
	// lnX and lnM are the logarithms of x and m, computed once.
	lnX, lnM []float64
}

func prepareGG(x, m []float64) (*ggData, error) {
	if len(x) != len(m) {
		return nil, fmt.Errorf("%w: %d frequencies and %d spends", ErrNoFit, len(x), len(m))
	}
	d := &ggData{}
	for i := range x {
		if !(x[i] >= 1) || !(m[i] > 0) || math.IsInf(m[i], 0) || math.IsInf(x[i], 0) {
			return nil, fmt.Errorf("%w: customer %d has %v repeat purchases with mean value %v (need 1 or more, and a positive value)", ErrNoFit, i+1, x[i], m[i])
		}
		d.x, d.m = append(d.x, x[i]), append(d.m, m[i])
		d.lnX, d.lnM = append(d.lnX, math.Log(x[i])), append(d.lnM, math.Log(m[i]))
	}
	if len(d.x) < MinRepeaters {
		return nil, &FitError{Reason: TooFewRepeaters, N: len(d.x), Need: MinRepeaters}
	}
	if c := FreqSpendCorrelation(d.x, d.m); math.Abs(c) >= MaxSpendCorrelation {
		return nil, &FitError{Reason: SpendCorrelated, Value: c}
	}
	return d, nil
}

// ll is the Gamma-Gamma log-likelihood of (p, q, v) (equation (3) of the
// note, for the mean m of a customer's x transactions):
//
//	lnG(px+q) - lnG(px) - lnG(q) + q ln v + (px-1) ln m + px ln x - (px+q) ln(v + m x)
func (d *ggData) ll(par []float64, grad []float64) float64 {
	p, q, v := par[0], par[1], par[2]
	lgQ, lnV := lgamma(q), math.Log(v)
	var psiQ float64
	if grad != nil {
		psiQ = mathext.Digamma(q)
	}
	var sum, gp, gq, gv float64
	for i, x := range d.x {
		px := p * x
		lnVMX := math.Log(v + d.m[i]*x)
		sum += lgamma(px+q) - lgamma(px) - lgQ + q*lnV + (px-1)*d.lnM[i] + px*d.lnX[i] - (px+q)*lnVMX
		if grad != nil {
			psiPXQ := mathext.Digamma(px + q)
			gp += x * (psiPXQ - mathext.Digamma(px) + d.lnM[i] + d.lnX[i] - lnVMX)
			gq += psiPXQ - psiQ + lnV - lnVMX
			gv += q/v - (px+q)/(v+d.m[i]*x)
		}
	}
	if grad != nil {
		grad[0], grad[1], grad[2] = gp, gq, gv
	}
	return sum
}

// LogLikelihood is the Gamma-Gamma log-likelihood of customers with x[i]
// transactions of mean value m[i] under the model's parameters.
func (g GammaGamma) LogLikelihood(x, m []float64) float64 {
	d := &ggData{x: x, m: m}
	for i := range x {
		d.lnX, d.lnM = append(d.lnX, math.Log(x[i])), append(d.lnM, math.Log(m[i]))
	}
	return d.ll([]float64{g.P, g.Q, g.V}, nil)
}

// Gradient is the log-likelihood's gradient with respect to (p, q, v).
func (g GammaGamma) Gradient(x, m []float64) []float64 {
	d := &ggData{x: x, m: m}
	for i := range x {
		d.lnX, d.lnM = append(d.lnX, math.Log(x[i])), append(d.lnM, math.Log(m[i]))
	}
	out := make([]float64, 3)
	d.ll([]float64{g.P, g.Q, g.V}, out)
	return out
}

// FitGammaGamma fits the spend model to customers with x[i] >= 1 repeat
// transactions of mean value m[i]. It refuses too few customers
// (MinRepeaters), spend correlated with frequency (MaxSpendCorrelation), a
// fit that does not converge, parameters at a boundary, and q <= 1, for
// which the expected spend is infinite.
func FitGammaGamma(x, m []float64) (GammaGamma, error) {
	d, err := prepareGG(x, m)
	if err != nil {
		return GammaGamma{}, err
	}
	var mean float64
	for _, v := range d.m {
		mean += v
	}
	mean /= float64(len(d.m))
	// Start at a model whose population mean spend, p v / (q - 1), is the
	// customers' mean.
	p, ll, iters, err := fitLog(float64(len(d.x)), d.ll, []float64{1, 2, mean})
	if err != nil {
		return GammaGamma{}, err
	}
	if err := checkParams("Gamma-Gamma", []string{"p", "q", "gamma"}, p); err != nil {
		return GammaGamma{}, err
	}
	if p[1] <= 1 {
		return GammaGamma{}, &FitError{Reason: HeavyTail, Value: p[1]}
	}
	return GammaGamma{P: p[0], Q: p[1], V: p[2], LL: ll, Iterations: iters}, nil
}

// ExpectedAOV is the expected value of a customer's future transactions
// given x repeat transactions of mean value m (equation (5) of the note):
// a weighted mean of the population's mean, p v / (q - 1), and the
// customer's own m. With x = 0 it is the population's mean.
func (g GammaGamma) ExpectedAOV(x, m float64) float64 {
	if x <= 0 {
		return g.P * g.V / (g.Q - 1)
	}
	return g.P * (g.V + m*x) / (g.P*x + g.Q - 1)
}

// FreqSpendCorrelation is Pearson's correlation between repeat purchases
// and mean spend; Gamma-Gamma assumes the two are independent. NaN when it
// is not defined (fewer than two customers or no variation).
func FreqSpendCorrelation(x, m []float64) float64 {
	n := float64(len(x))
	if len(x) < 2 || len(x) != len(m) {
		return math.NaN()
	}
	var mx, mm float64
	for i := range x {
		mx += x[i]
		mm += m[i]
	}
	mx /= n
	mm /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, m[i]-mm
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// CLV is the customer's lifetime value over the next months, discounted
// monthly, as lifetimes computes it: for each month, the purchases BG/NBD
// expects in it times the value Gamma-Gamma expects of each, divided by
// (1 + discount)^month. unitsPerMonth converts months into the unit of c
// (30.4375 for days, 4.348 for weeks); x and mean are the customer's
// repeat purchases and their mean value.
func CLV(bg BGNBD, gg GammaGamma, c Customer, x, mean float64, months int, unitsPerMonth, discount float64) float64 {
	value := gg.ExpectedAOV(x, mean)
	var clv, prev float64
	for i := 1; i <= months; i++ {
		cum := bg.ExpectedPurchases(c, float64(i)*unitsPerMonth)
		clv += value * (cum - prev) / math.Pow(1+discount, float64(i))
		prev = cum
	}
	return clv
}
