package metrics

import (
	"math"
	"reflect"
	"testing"
)

func TestScoreOf(t *testing.T) {
	for _, tc := range []struct {
		name                   string
		scale                  Scale
		values                 []float64
		pos, neu, neg          int
		value, low, high, mean float64
	}{
		// 4 promoters (10, 9, 9, 10), 2 passives (8, 7), 4 detractors (6, 3, 0, 5):
		// NPS = 40% - 40% = 0; variance 0.4 + 0.4 - 0 = 0.8, SE = sqrt(0.8/10);
		// 1.96 SE = 55.436 points.
		{"nps balanced", NPSScale, []float64{10, 9, 9, 8, 7, 6, 3, 0, 10, 5}, 4, 2, 4, 0, -55.43615297398711, 55.43615297398711, 6.7},
		// 4 promoters, 1 passive: NPS 80; variance 0.8 - 0.64 = 0.16, SE = sqrt(0.032);
		// 80 - 35.06 = 44.94, and 80 + 35.06 clipped to 100.
		{"nps high", NPSScale, []float64{10, 10, 10, 9, 8}, 4, 1, 0, 80, 44.93909837693674, 100, 9.4},
		// 5 satisfied (4-5), 1 neutral (3), 2 dissatisfied (1-2): CSAT 5/8;
		// Wilson: centre (0.625 + z²/16)/(1 + z²/8), half-width z/(1 + z²/8) sqrt(0.625·0.375/8 + z²/256).
		{"csat 1-5", CSAT5, []float64{5, 4, 4, 3, 2, 1, 5, 5}, 5, 1, 2, 0.625, 0.3057423946026273, 0.8631557141764027, 3.625},
		// All satisfied: Wilson's interval still says 3 answers are few.
		{"csat all top", CSAT10, []float64{10, 9, 10}, 3, 0, 0, 1, 0.43850296824495455, 1, 29.0 / 3},
		{"none", CSAT5, nil, 0, 0, 0, 0, 0, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.scale.ScoreOf(tc.values)
			if s.Answers != len(tc.values) || s.Positive != tc.pos || s.Neutral != tc.neu || s.Negative != tc.neg {
				t.Errorf("counts %+v", s)
			}
			for _, c := range [][2]float64{{s.Value, tc.value}, {s.Low, tc.low}, {s.High, tc.high}, {s.Mean, tc.mean}} {
				if math.Abs(c[0]-c[1]) > 1e-9 {
					t.Errorf("score %+v, want value %v in [%v, %v], mean %v", s, tc.value, tc.low, tc.high, tc.mean)
					break
				}
			}
		})
	}
}

func TestScaleClass(t *testing.T) {
	for _, tc := range []struct {
		s    Scale
		want []int // class of Min..Max
	}{
		{NPSScale, []int{-1, -1, -1, -1, -1, -1, -1, 0, 0, 1, 1}},
		{CSAT5, []int{-1, -1, 0, 1, 1}},
		{CSAT7, []int{-1, -1, 0, 0, 0, 1, 1}},
	} {
		var got []int
		for v := tc.s.Min; v <= tc.s.Max; v++ {
			got = append(got, tc.s.Class(float64(v)))
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v: classes %v, want %v", tc.s, got, tc.want)
		}
	}
	if CSAT5.Valid(6) || CSAT5.Valid(3.5) || !NPSScale.Valid(0) {
		t.Error("Valid")
	}
}

// voiceAnswers are answers to the shop (see shop()):
//
//	a: 2024-01-10 3 (detractor), 2024-03-20 10 (promoter: the latest)
//	b: 2024-03-05 5 (detractor)
//	c: 2024-02-10 8 (passive)
//	zed, not a customer: 2024-03-25 9; anonymous: 2024-03-26 0
func voiceAnswers() []Answer {
	return []Answer{
		{Customer: "a", Time: day("2024-01-10"), Score: 3},
		{Customer: "a", Time: day("2024-03-20"), Score: 10},
		{Customer: "b", Time: day("2024-03-05"), Score: 5},
		{Customer: "c", Time: day("2024-02-10"), Score: 8},
		{Customer: "zed", Time: day("2024-03-25"), Score: 9},
		{Time: day("2024-03-26"), Score: 0},
	}
}

func TestScoreByPeriod(t *testing.T) {
	ps := ScoreByPeriod(voiceAnswers(), NPSScale, Month)
	// January [3]: -100; February [8]: 0; March [10, 5, 9, 0]: 2 promoters, 2 detractors, 0.
	want := []struct {
		key   string
		n     int
		value float64
	}{{"2024-01", 1, -100}, {"2024-02", 1, 0}, {"2024-03", 4, 0}}
	if len(ps) != len(want) {
		t.Fatalf("%d periods", len(ps))
	}
	for i, w := range want {
		if ps[i].Period.Key != w.key || ps[i].Score.Answers != w.n || ps[i].Score.Value != w.value {
			t.Errorf("period %d: %s %+v, want %+v", i, ps[i].Period.Key, ps[i].Score, w)
		}
	}
}

func TestJoinVoice(t *testing.T) {
	d := shop()
	idx := func(k string) int { i, _ := d.CustomerIndex(k); return i }
	segment := func(ci int) string {
		return map[string]string{"a": "Champions", "b": "At Risk", "c": "New Customers"}[d.Customers[ci].ID]
	}
	vip := func(ci int) bool { id := d.Customers[ci].ID; return id == "a" || id == "b" }
	cohort := func(ci int) string { return Month.PeriodOf(d.Orders[d.CustomerOrders(ci)[0]].Time).Key }
	v := JoinVoice(d, voiceAnswers(), NPSScale, segment, vip, cohort, day("2024-06-30"), 90)
	if v.Answers != 6 || v.Anonymous != 1 || v.Matched != 4 || v.Unmatched != 1 || !reflect.DeepEqual(v.UnmatchedKeys, []string{"zed"}) || v.Customers != 3 {
		t.Errorf("counts %+v", v)
	}
	// Each customer by the latest answer: a 10, b 5, c 8.
	seg := map[string]float64{}
	for _, g := range v.BySegment {
		seg[g.Name] = g.Score.Value
		if g.Score.Answers != 1 {
			t.Errorf("%s: %d answers", g.Name, g.Score.Answers)
		}
	}
	if !reflect.DeepEqual(seg, map[string]float64{"Champions": 100, "At Risk": -100, "New Customers": 0}) {
		t.Errorf("by segment %v", seg)
	}
	// Cohort 2024-01 (a, b): one promoter, one detractor; 2024-02 (c): a passive.
	if len(v.ByCohort) != 2 || v.ByCohort[0].Name != "2024-01" || v.ByCohort[0].Score.Answers != 2 || v.ByCohort[0].Score.Value != 0 ||
		v.ByCohort[1].Name != "2024-02" || v.ByCohort[1].Score.Neutral != 1 {
		t.Errorf("by cohort %+v", v.ByCohort)
	}
	// a (promoter) has 3 orders, b (detractor) 2, c (passive) 1.
	if v.RepeatPositive != (Share{1, 1, 1}) || v.RepeatNegative != (Share{1, 1, 1}) || v.RepeatNeutral != (Share{0, 1, 0}) {
		t.Errorf("repeat rates %+v %+v %+v", v.RepeatPositive, v.RepeatNeutral, v.RepeatNegative)
	}
	// b is a VIP detractor; a a promoter whose last order (2024-03-15) is 107 days before 2024-06-30.
	if !reflect.DeepEqual(v.NegativeVIPs, []int{idx("b")}) || !reflect.DeepEqual(v.QuietPositive, []int{idx("a")}) {
		t.Errorf("lists %v %v", v.NegativeVIPs, v.QuietPositive)
	}
	// With 120 quiet days a is not quiet.
	if v := JoinVoice(d, voiceAnswers(), NPSScale, segment, vip, cohort, day("2024-06-30"), 120); len(v.QuietPositive) != 0 {
		t.Errorf("quiet for 120 days: %v", v.QuietPositive)
	}
}
