package engine

import (
	"fmt"
	"math"
	"testing"

	"retention/app/demo"
	"retention/app/ingest"
	"retention/app/report"
)

// TestRetentionAddsUp checks, on every test file, every grain, a few
// active windows and every period, that the figures add up: S = retained +
// lost, E − new = retained + reactivated, retention + churn = 1, CRR =
// retention + reactivated / S, and the base at a period's end is the base
// at the next one's start. A longer window holds everyone a shorter one
// does (the window is never shorter than the period), so S and E grow with
// it while new customers stay the same.
func TestRetentionAddsUp(t *testing.T) {
	files := []struct {
		name string
		data func(testing.TB) []byte
	}{
		{"online_retail.csv.gz", func(tb testing.TB) []byte { return sharedData(tb, "online_retail.csv.gz") }},
		{"cdnow_master.txt", func(tb testing.TB) []byte { return sharedData(tb, "cdnow_master.txt") }},
		{"sample-store.csv", func(testing.TB) []byte { return demo.CSV() }},
	}
	windows := []struct {
		flag string
		days int
	}{{"period", 0}, {"30d", 30}, {"90d", 90}, {"365", 365}}
	for _, f := range files {
		res, err := ingest.Load(f.name, f.data(t), ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, grain := range []string{"month", "quarter", "year"} {
			var prev *report.Document
			for _, w := range windows {
				name := fmt.Sprintf("%s/%s/%s", f.name, grain, w.flag)
				d, err := Build(res, report.Settings{Grain: grain, ActiveWindow: w.flag})
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if d.ActiveWindowDays != w.days {
					t.Errorf("%s: active_window_days %d, want %d", name, d.ActiveWindowDays, w.days)
				}
				if len(d.Periods) < 2 {
					t.Fatalf("%s: %d periods", name, len(d.Periods))
				}
				checkPeriods(t, name, d.Periods)
				if prev != nil {
					for i, p := range d.Periods {
						q := prev.Periods[i]
						if p.S < q.S || p.E < q.E || p.New != q.New {
							t.Errorf("%s %s: S %d E %d new %d with a shorter window: %d %d %d", name, p.Period, p.S, p.E, p.New, q.S, q.E, q.New)
						}
					}
				}
				prev = d
			}
		}
	}
}

func checkPeriods(t *testing.T, name string, ps []report.Period) {
	t.Helper()
	const tol = 2e-6 // the rates are rounded to six decimals
	for i, p := range ps {
		if p.Retained+p.Lost != p.S {
			t.Errorf("%s %s: retained %d + lost %d != s %d", name, p.Period, p.Retained, p.Lost, p.S)
		}
		if p.E-p.New != p.Retained+p.Reactivated || p.Returning != p.E-p.New {
			t.Errorf("%s %s: e %d − new %d != retained %d + reactivated %d (returning %d)", name, p.Period, p.E, p.New, p.Retained, p.Reactivated, p.Returning)
		}
		if i > 0 && ps[i-1].E != p.S {
			t.Errorf("%s %s: s %d != the previous period's e %d", name, p.Period, p.S, ps[i-1].E)
		}
		if (p.S > 0) != (p.Retention != nil && p.Churn != nil && p.CRR != nil) {
			t.Errorf("%s %s: s %d with rates %v %v %v", name, p.Period, p.S, p.Retention, p.Churn, p.CRR)
			continue
		}
		if p.S == 0 {
			continue
		}
		s := float64(p.S)
		if math.Abs(*p.Retention+*p.Churn-1) > tol || math.Abs(*p.Retention-float64(p.Retained)/s) > tol ||
			math.Abs(*p.CRR-float64(p.E-p.New)/s) > tol || math.Abs(*p.CRR-*p.Retention-float64(p.Reactivated)/s) > tol {
			t.Errorf("%s %s: retention %v churn %v crr %v with s %d retained %d reactivated %d", name, p.Period, *p.Retention, *p.Churn, *p.CRR, p.S, p.Retained, p.Reactivated)
		}
	}
}

// yearsShop has orders over two years and a half: the yearly retention of
// the two years before the reference date 2025-07-01 is known.
const yearsShop = `Order,Customer,Date,Total
1,a,2023-01-10,10
2,b,2023-08-01,20
3,c,2024-03-15,30
4,a,2024-09-01,40
5,d,2024-10-01,50
6,c,2025-06-30,60
`

func TestBenchmark(t *testing.T) {
	for _, tc := range []struct {
		name      string
		asOf      string
		customers int
		retained  int
		rate      *float64
		missing   string
	}{
		// 2023-07-01..2024-06-30: b and c; from 2024-07-01 to 2025-06-30
		// c ordered again: 1 / 2 = 50%, 12 points above 38%.
		{"two years", "2025-07-01", 2, 1, ptr(0.5), ""},
		// 2022-07-01 is before the first order (2023-01-10).
		{"too short", "2024-07-01", 1, 0, nil, report.BenchmarkShortHistory},
		// 2023-01-01 is nine days before the first order.
		{"nine days too short", "2025-01-01", 2, 1, nil, report.BenchmarkShortHistory},
		// 2023-01-10..2024-01-09: a and b; a ordered on 2024-09-01: 1 / 2.
		{"from the first order's day", "2025-01-10", 2, 1, ptr(0.5), ""},
		// 2024-10-02..2025-10-01 holds c (d ordered the day before); from
		// 2025-10-02 nobody ordered: 0 / 1.
		{"nobody came back", "2026-10-02", 1, 0, ptr(0), ""},
		// 2025-07-01..2026-06-30 holds no order.
		{"no customers", "2027-07-01", 0, 0, nil, report.BenchmarkNoCustomers},
	} {
		d, err := Run("years.csv", []byte(yearsShop), report.Settings{AsOf: tc.asOf})
		if err != nil {
			t.Fatal(err)
		}
		b := d.Benchmark
		if b.Customers != tc.customers || b.Retained != tc.retained || b.Missing != tc.missing ||
			(b.YearlyRetention == nil) != (tc.rate == nil) || (tc.rate != nil && (*b.YearlyRetention != *tc.rate || *b.Diff != r6(*tc.rate-b.Value))) {
			t.Errorf("%s: %+v", tc.name, b)
		}
	}
}

func TestActiveWindowErrors(t *testing.T) {
	for _, w := range []string{"3w", "0d", "-5", "ninety"} {
		if _, err := Run("shop.csv", []byte(shop), report.Settings{ActiveWindow: w}); err == nil {
			t.Errorf("--active-window %s: no error", w)
		}
	}
	for w, days := range map[string]int{"": 0, "period": 0, " Period ": 0, "90d": 90, "90": 90, "7D": 7} {
		d, err := Run("shop.csv", []byte(shop), report.Settings{ActiveWindow: w})
		if err != nil || d.ActiveWindowDays != days {
			t.Errorf("--active-window %q: %v, %d days", w, err, d.ActiveWindowDays)
		}
	}
}
