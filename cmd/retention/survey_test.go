package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"retention/app/demo"
	"retention/app/report"
)

// A small shop and its survey, joined by hand:
//
//	orders: a (17850) 3 orders 100+50+30, b 2 orders 200+100, c 1 order 40, d 1 order 60
//	survey: a 3 then 10 (latest: promoter), b 5 (detractor), c 8 (passive),
//	        "x@y.com" not a customer, one anonymous 0; a is found by its id,
//	        b by its e-mail though the survey gives another id.
const joinOrders = `Order,Customer,Email,Date,Total
1,a,a@shop.com,2024-01-05,100
2,b,b@shop.com,2024-01-20,200
3,c,c@shop.com,2024-02-03,40
4,a,a@shop.com,2024-02-10,50
5,b,b@shop.com,2024-03-02,100
6,d,d@shop.com,2024-03-10,60
7,a,a@shop.com,2024-03-15,30
`

const joinSurvey = `Submitted At,Customer ID,Email,Score,Comment
2024-01-10,a,,3,slow
2024-03-20,a,,10,great
2024-03-05,B-77,B@Shop.com,5,meh
2024-02-10,c,,8,
2024-03-25,,x@y.com,9,
2024-03-26,,,0,who am I
`

func TestSurveyJoinedByHand(t *testing.T) {
	dir := t.TempDir()
	orders, survey := filepath.Join(dir, "orders.csv"), filepath.Join(dir, "survey.csv")
	os.WriteFile(orders, []byte(joinOrders), 0o644)
	os.WriteFile(survey, []byte(joinSurvey), 0o644)
	out, _, err := run("survey", survey, "--orders", orders, "--as-of", "2024-06-30", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var s report.Survey
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	// Six answers: promoters 10, 9; passive 8; detractors 3, 5, 0. NPS = (2 - 3)/6 = -16.67.
	if s.Kind != "nps" || s.Overall.Answers != 6 || s.Overall.Positive != 2 || s.Overall.Negative != 3 || math.Abs(s.Overall.Value-(-100.0/6)) > 1e-4 {
		t.Errorf("overall %+v (%s)", s.Overall, s.Kind)
	}
	// January [3]; February [8]; March [10, 5, 9, 0].
	if len(s.Periods) != 3 || s.Periods[0].Score.Value != -100 || s.Periods[1].Score.Value != 0 || s.Periods[2].Score.Answers != 4 {
		t.Errorf("periods %+v", s.Periods)
	}
	j := s.Join
	if j == nil || j.Matched != 4 || j.Unmatched != 1 || j.Anonymous != 1 || j.Customers != 3 || len(j.Examples) != 1 || j.Examples[0] != "x@y.com" {
		t.Fatalf("join %+v", j)
	}
	// Latest answers: a promoter (3 orders: a repeater), b detractor (2
	// orders), c passive (1 order).
	if j.RepeatPositive != (report.RepeatShare{Repeaters: 1, Customers: 1, Rate: 1}) || j.RepeatNegative != (report.RepeatShare{Repeaters: 1, Customers: 1, Rate: 1}) ||
		j.RepeatNeutral != (report.RepeatShare{Repeaters: 0, Customers: 1, Rate: 0}) {
		t.Errorf("repeat rates %+v %+v %+v", j.RepeatPositive, j.RepeatNeutral, j.RepeatNegative)
	}
	var answered int
	for _, g := range j.BySegment {
		answered += g.Score.Answers
	}
	if answered != 3 || len(j.ByCohort) != 2 || j.ByCohort[0].Name != "2024-01" || j.ByCohort[0].Score.Answers != 2 || j.ByCohort[0].Score.Value != 0 {
		t.Errorf("by segment %+v, by cohort %+v", j.BySegment, j.ByCohort)
	}
	// a: promoter, last order 2024-03-15, 107 days before 2024-06-30: a quiet fan.
	// The VIP is the top 1% by revenue: b (300), a detractor.
	if len(j.QuietFans) != 1 || j.QuietFans[0].ID != "a" || len(j.UnhappyVIPs) != 1 || j.UnhappyVIPs[0].ID != "b" {
		t.Errorf("lists: quiet %+v, unhappy VIPs %+v", j.QuietFans, j.UnhappyVIPs)
	}
	// The lists are written like every other.
	list := filepath.Join(dir, "fans.csv")
	if _, _, err := run("survey", survey, "--orders", orders, "--as-of", "2024-06-30", "--list", "quiet fans", "--out", list); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(list)
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "a,a@shop.com") {
		t.Errorf("quiet fans file:\n%s", b)
	}
	// Text.
	text, _, err := run("survey", survey, "--orders", orders, "--as-of", "2024-06-30")
	if err != nil || !strings.Contains(text, "Overall: NPS -17") || !strings.Contains(text, "4 answers from 3 customers matched, 1 not found in the orders, 1 anonymous") {
		t.Errorf("text (%v):\n%s", err, text)
	}
}

func TestSurveyGenerated(t *testing.T) {
	dir := t.TempDir()
	orders, nps, csat := filepath.Join(dir, "store.csv"), filepath.Join(dir, "nps.csv"), filepath.Join(dir, "csat.csv")
	os.WriteFile(orders, demo.CSV(), 0o644)
	os.WriteFile(nps, demo.NPSCSV(), 0o644)
	os.WriteFile(csat, demo.CSATCSV(), 0o644)
	for _, tc := range []struct {
		file, kind string
	}{{nps, "nps"}, {csat, "csat"}} {
		out, _, err := run("survey", tc.file, "--orders", orders, "--json")
		if err != nil {
			t.Fatal(err)
		}
		var s report.Survey
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatal(err)
		}
		j := s.Join
		if s.Kind != tc.kind || j == nil || j.Matched < s.Overall.Answers*9/10 || len(j.BySegment) < 5 {
			t.Fatalf("%s: kind %s, %d answers, join %+v", tc.file, s.Kind, s.Overall.Answers, j)
		}
		// The generator makes repeat buyers happier: promoters repeat more.
		if j.RepeatPositive.Rate <= j.RepeatNegative.Rate {
			t.Errorf("%s: promoters repeat %v, detractors %v", tc.file, j.RepeatPositive.Rate, j.RepeatNegative.Rate)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"survey", nps, "--list", "Quiet fans", "--out", filepath.Join(dir, "x.csv")}, "need the orders"},
		{[]string{"survey", nps, "--orders", orders, "--list", "Fans", "--out", filepath.Join(dir, "x.csv")}, "no survey list"},
		{[]string{"survey", nps, "--list", "Quiet fans"}, "--list and --out go together"},
		{[]string{"survey", orders}, "looks like an orders export, not a survey"},
		{[]string{"survey", nps, "--orders", nps}, "orders:"},
		{[]string{"survey", nps, "--orders", orders, "--tz", "Mars/X"}, `orders: unknown time zone "Mars/X"`},
	} {
		if _, _, err := run(tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v, want %q", tc.args, err, tc.want)
		}
	}
}
