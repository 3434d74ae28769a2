package btyd

import (
	"math"
	"math/rand/v2"
)

// SimulateBGNBD draws n customers from the BG/NBD model m, each observed
// for a time drawn uniformly from [tMin, tMax] after a first purchase at
// 0: a purchase rate lambda ~ Gamma(r, alpha), a drop-out probability p ~
// Beta(a, b); purchases arrive at rate lambda and after each repeat
// purchase the customer leaves with probability p.
func SimulateBGNBD(rng *rand.Rand, m BGNBD, n int, tMin, tMax float64) []Customer {
	cs := make([]Customer, n)
	for i := range cs {
		lambda := gammaRand(rng, m.R) / m.Alpha
		g1, g2 := gammaRand(rng, m.A), gammaRand(rng, m.B)
		p := g1 / (g1 + g2)
		T := tMin + (tMax-tMin)*rng.Float64()
		c := Customer{T: T}
		t := 0.0
		for {
			t += rng.ExpFloat64() / lambda
			if t > T {
				break
			}
			c.X++
			c.TX = t
			if rng.Float64() < p {
				break
			}
		}
		cs[i] = c
	}
	return cs
}

// SimulateGammaGamma draws n customers from the spend model g: a number of
// repeat transactions, geometric with the given mean (at least 1), and the
// mean of that many values drawn as Gamma(p, nu) with the customer's nu ~
// Gamma(q, gamma).
func SimulateGammaGamma(rng *rand.Rand, g GammaGamma, n int, meanRepeats float64) (x, m []float64) {
	x, m = make([]float64, n), make([]float64, n)
	stop := 1 / meanRepeats
	for i := range x {
		k := 1.0
		for rng.Float64() >= stop {
			k++
		}
		nu := gammaRand(rng, g.Q) / g.V
		// The sum of k Gamma(p, nu) values is Gamma(k p, nu).
		x[i], m[i] = k, gammaRand(rng, k*g.P)/nu/k
	}
	return x, m
}

// gammaRand draws from Gamma(shape, 1) by Marsaglia and Tsang's method
// (with the usual boost for shape < 1).
func gammaRand(rng *rand.Rand, shape float64) float64 {
	if shape < 1 {
		return gammaRand(rng, shape+1) * math.Pow(rng.Float64(), 1/shape)
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := rng.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := rng.Float64()
		if u < 1-0.0331*x*x*x*x || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}
