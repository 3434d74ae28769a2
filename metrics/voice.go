package metrics

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// Scale is how a survey question is answered: NPS ("how likely are you to
// recommend us", 0 to 10) or CSAT ("how satisfied were you", 1 to 5, 1 to
// 7 or 1 to 10).
type Scale struct {
	Kind     string // "nps" or "csat"
	Min, Max int
}

// The scales a survey can use.
var (
	NPSScale = Scale{Kind: "nps", Min: 0, Max: 10}
	CSAT5    = Scale{Kind: "csat", Min: 1, Max: 5}
	CSAT7    = Scale{Kind: "csat", Min: 1, Max: 7}
	CSAT10   = Scale{Kind: "csat", Min: 1, Max: 10}
)

func (s Scale) String() string {
	if s.Kind == "nps" {
		return "NPS (0-10)"
	}
	return fmt.Sprintf("CSAT (%d-%d)", s.Min, s.Max)
}

// Valid reports whether v is an answer on the scale: a whole number from
// Min to Max.
func (s Scale) Valid(v float64) bool {
	return v == math.Trunc(v) && v >= float64(s.Min) && v <= float64(s.Max)
}

// Class is what an answer says: +1 for a promoter (NPS 9-10) or a
// satisfied customer (CSAT: the top two answers of the scale), -1 for a
// detractor (NPS 0-6) or a dissatisfied customer (CSAT: the bottom two),
// 0 otherwise.
func (s Scale) Class(v float64) int {
	if s.Kind == "nps" {
		switch {
		case v >= 9:
			return 1
		case v <= 6:
			return -1
		}
		return 0
	}
	switch {
	case v >= float64(s.Max-1):
		return 1
	case v <= float64(s.Min+1):
		return -1
	}
	return 0
}

// Answer is one survey answer.
type Answer struct {
	// Customer is the customer's key as in the orders' Dataset (customer
	// id, or e-mail for guests); "" for an anonymous answer.
	Customer string
	Time     time.Time
	Score    float64
	Comment  string
	Line     int // where it is in the file
}

// Score is a survey score over some answers with its 95% interval. For
// NPS, Value is % promoters - % detractors in points (-100 to 100); for
// CSAT it is the share of satisfied answers (0 to 1).
type Score struct {
	Answers  int     `json:"answers"`
	Positive int     `json:"positive"` // promoters or satisfied
	Neutral  int     `json:"neutral"`  // passives
	Negative int     `json:"negative"` // detractors or dissatisfied
	Value    float64 `json:"value"`
	Low      float64 `json:"low"`  // the 95% confidence interval
	High     float64 `json:"high"` //
	Mean     float64 `json:"mean"` // mean answer
}

// z95 is the normal quantile of a two-sided 95% interval.
const z95 = 1.959963984540054

// ScoreOf computes the scale's score of the answers' values. The NPS
// interval is Wald's on the answers scored +1/0/-1 (the usual one; its
// variance is p+ + p- - (p+ - p-)^2), clipped to -100..100; the CSAT
// interval is Wilson's score interval, sound for small samples and shares
// near 0 or 1.
func (s Scale) ScoreOf(values []float64) Score {
	var sc Score
	var sum float64
	for _, v := range values {
		sc.Answers++
		sum += v
		switch s.Class(v) {
		case 1:
			sc.Positive++
		case -1:
			sc.Negative++
		default:
			sc.Neutral++
		}
	}
	if sc.Answers == 0 {
		return sc
	}
	n := float64(sc.Answers)
	sc.Mean = sum / n
	pp, pn := float64(sc.Positive)/n, float64(sc.Negative)/n
	if s.Kind == "nps" {
		nps := pp - pn
		se := math.Sqrt(math.Max(0, pp+pn-nps*nps) / n)
		sc.Value = 100 * nps
		sc.Low, sc.High = math.Max(-100, 100*(nps-z95*se)), math.Min(100, 100*(nps+z95*se))
		return sc
	}
	sc.Value = pp
	sc.Low, sc.High = wilson(pp, n)
	return sc
}

// wilson is the Wilson score interval of a share p of n at 95%.
func wilson(p, n float64) (float64, float64) {
	z2 := z95 * z95
	centre := (p + z2/(2*n)) / (1 + z2/n)
	half := z95 / (1 + z2/n) * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	return math.Max(0, centre-half), math.Min(1, centre+half)
}

// PeriodScore is the score of the answers given in one period.
type PeriodScore struct {
	Period Period
	Score  Score
}

// ScoreByPeriod scores the answers of each period from the first answer's
// to the last's (periods without answers included, with none), in the
// answers' location.
func ScoreByPeriod(answers []Answer, s Scale, g Grain) []PeriodScore {
	if len(answers) == 0 {
		return nil
	}
	first, last := answers[0].Time, answers[0].Time
	for _, a := range answers {
		if a.Time.Before(first) {
			first = a.Time
		}
		if a.Time.After(last) {
			last = a.Time
		}
	}
	lo, hi := g.index(first), g.index(last)
	values := make([][]float64, hi-lo+1)
	for _, a := range answers {
		i := g.index(a.Time) - lo
		values[i] = append(values[i], a.Score)
	}
	out := make([]PeriodScore, len(values))
	for i, v := range values {
		out[i] = PeriodScore{Period: g.period(lo+i, first.Location()), Score: s.ScoreOf(v)}
	}
	return out
}

// GroupScore is the score of a group of customers (an RFM segment, a
// cohort) from each one's latest answer.
type GroupScore struct {
	Name  string
	Score Score
}

// Voice is a survey joined to the orders: every answer with a customer key
// found in the dataset is matched; a customer who answered more than once
// is counted by their latest answer.
type Voice struct {
	Answers   int // all answers
	Anonymous int // answers without a customer id or e-mail
	Matched   int // answers of customers found in the orders
	Unmatched int // answers of customers not found (the keys: UnmatchedKeys, first 20)
	// UnmatchedKeys are the first keys that matched no customer.
	UnmatchedKeys []string
	Customers     int // distinct matched customers

	BySegment []GroupScore
	ByCohort  []GroupScore
	// Repeat purchase rate (share with 2+ orders) of the customers whose
	// latest answer was positive, neutral or negative.
	RepeatPositive, RepeatNeutral, RepeatNegative Share
	// NegativeVIPs are the VIP customers (see VIPs) whose latest answer
	// was negative; QuietPositive the customers whose latest answer was
	// positive and who have not ordered in the last quietDays days. Both
	// are indexes in Dataset.Customers, the most valuable first.
	NegativeVIPs  []int
	QuietPositive []int
	QuietDays     int
	// Latest is each matched customer's latest answer, by index in
	// Dataset.Customers: the score and comment the lists carry.
	Latest map[int]Answer
}

// Share is a count out of a total.
type Share struct {
	Count, Of int
	Value     float64 // Count / Of; 0 when Of is 0
}

func share(c, of int) Share {
	s := Share{Count: c, Of: of}
	if of > 0 {
		s.Value = float64(c) / float64(of)
	}
	return s
}

// JoinVoice joins survey answers to the orders. segment gives each
// customer's RFM segment by index in d.Customers ("" for none), vip says
// which are VIPs, cohortOf names a customer's acquisition cohort; asOf is
// the reference date of "not ordered in quietDays days".
func JoinVoice(d *Dataset, answers []Answer, s Scale, segment func(int) string, vip func(int) bool, cohortOf func(int) string, asOf time.Time, quietDays int) Voice {
	v := Voice{Answers: len(answers), QuietDays: quietDays}
	latest := map[int]Answer{}
	for _, a := range answers {
		if a.Customer == "" {
			v.Anonymous++
			continue
		}
		ci, ok := d.CustomerIndex(a.Customer)
		if !ok {
			v.Unmatched++
			if len(v.UnmatchedKeys) < 20 {
				v.UnmatchedKeys = append(v.UnmatchedKeys, a.Customer)
			}
			continue
		}
		v.Matched++
		if prev, ok := latest[ci]; !ok || !a.Time.Before(prev.Time) {
			latest[ci] = a
		}
	}
	v.Customers, v.Latest = len(latest), latest
	customers := make([]int, 0, len(latest))
	for ci := range latest {
		customers = append(customers, ci)
	}
	sort.Ints(customers)

	group := func(name func(int) string) []GroupScore {
		values := map[string][]float64{}
		var order []string
		for _, ci := range customers {
			n := name(ci)
			if n == "" {
				continue
			}
			if _, ok := values[n]; !ok {
				order = append(order, n)
			}
			values[n] = append(values[n], latest[ci].Score)
		}
		out := make([]GroupScore, len(order))
		for i, n := range order {
			out[i] = GroupScore{Name: n, Score: s.ScoreOf(values[n])}
		}
		return out
	}
	v.BySegment = group(segment)
	v.ByCohort = group(cohortOf)
	sort.SliceStable(v.ByCohort, func(i, j int) bool { return v.ByCohort[i].Name < v.ByCohort[j].Name })

	var rep, of [3]int
	net := make(map[int]float64, len(customers))
	for _, ci := range customers {
		idx := d.CustomerOrders(ci)
		k := s.Class(latest[ci].Score) + 1
		of[k]++
		if len(idx) >= 2 {
			rep[k]++
		}
		var sum float64
		for _, oi := range idx {
			sum += d.Orders[oi].Amount
		}
		net[ci] = sum - d.CustomerRefunds(ci)
		switch k {
		case 0:
			if vip(ci) {
				v.NegativeVIPs = append(v.NegativeVIPs, ci)
			}
		case 2:
			if len(idx) > 0 && asOf.Sub(d.Orders[idx[len(idx)-1]].Time) >= time.Duration(quietDays)*24*time.Hour {
				v.QuietPositive = append(v.QuietPositive, ci)
			}
		}
	}
	v.RepeatNegative, v.RepeatNeutral, v.RepeatPositive = share(rep[0], of[0]), share(rep[1], of[1]), share(rep[2], of[2])
	byValue := func(list []int) {
		sort.SliceStable(list, func(i, j int) bool { return net[list[i]] > net[list[j]] })
	}
	byValue(v.NegativeVIPs)
	byValue(v.QuietPositive)
	return v
}
