package engine

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"retention/app/columns"
	"retention/app/ingest"
	"retention/app/realdata"
	"retention/app/report"
)

// shop is a small orders file: three customers over two years.
const shop = `Order,Customer,Date,Total
1,a,2024-12-05,10
2,b,2024-12-20,20
3,a,2025-03-01,30
4,c,2025-01-10,40
5,c,2025-12-01,50
`

func TestSeasonWindow(t *testing.T) {
	for _, tc := range []struct {
		name           string
		o              report.Settings
		from, to       string
		customers      []string
		orders         int
		revenue        float64
		orderedSince   int
		lastFrom, last string
	}{
		// The reference date is the day after the last order, 2025-12-02;
		// the window is 30 days from it, 2025-12-02..2025-12-31, and a year
		// earlier 2024-12-02..2024-12-31 holds orders 1 and 2.
		{"default", report.Settings{}, "2025-12-02", "2025-12-31", []string{"a", "b"}, 2, 30, 1, "2024-12-02", "2024-12-31"},
		// 2025-01-01..2025-01-15 holds order 4 (c), who ordered again on 2025-12-01.
		{"chosen", report.Settings{SeasonFrom: "2026-01-01", SeasonTo: "2026-01-15"}, "2026-01-01", "2026-01-15", []string{"c"}, 1, 40, 1, "2025-01-01", "2025-01-15"},
		// 2025-06-01..2025-06-30 holds no order.
		{"empty", report.Settings{SeasonFrom: "2026-06-01", SeasonTo: "2026-06-30"}, "2026-06-01", "2026-06-30", nil, 0, 0, 0, "2025-06-01", "2025-06-30"},
		// Only a start: 30 days from it. 2025-01-01..2025-01-30 holds order 4 (c), and c ordered again since.
		{"from only", report.Settings{SeasonFrom: "2026-01-01"}, "2026-01-01", "2026-01-30", []string{"c"}, 1, 40, 1, "2025-01-01", "2025-01-30"},
		// Only an end: the 30 days up to it. 2024-12-18..2025-01-16 holds orders 2 (b) and 4 (c).
		{"to only", report.Settings{SeasonTo: "2026-01-16"}, "2025-12-18", "2026-01-16", []string{"b", "c"}, 2, 60, 1, "2024-12-18", "2025-01-16"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Run("shop.csv", []byte(shop), tc.o)
			if err != nil {
				t.Fatal(err)
			}
			s := d.Seasonal
			if s.From != tc.from || s.To != tc.to || s.LastFrom != tc.lastFrom || s.LastTo != tc.last {
				t.Errorf("window %s..%s (last year %s..%s), want %s..%s (%s..%s)", s.From, s.To, s.LastFrom, s.LastTo, tc.from, tc.to, tc.lastFrom, tc.last)
			}
			if s.Customers != len(tc.customers) || s.Orders != tc.orders || s.Revenue != tc.revenue || s.OrderedSince != tc.orderedSince {
				t.Errorf("got %+v, want %d customers, %d orders, %v revenue, %d ordered since", s, len(tc.customers), tc.orders, tc.revenue, tc.orderedSince)
			}
			rows, name, err := report.Select(d, "seasonal")
			if err != nil || name != report.ListSeasonal {
				t.Fatalf("Select: %v %q", err, name)
			}
			var ids []string
			for _, r := range rows {
				ids = append(ids, r.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tc.customers, ",") {
				t.Errorf("seasonal rows %v, want %v", ids, tc.customers)
			}
		})
	}
}

// TestOptionErrors: a setting the engine cannot use is an error with its
// code, the setting and the value (report.Error), never words to parse.
func TestOptionErrors(t *testing.T) {
	var names []string
	for _, r := range columns.Roles() {
		names = append(names, string(r))
	}
	roles := strings.Join(names, ", ")
	for _, tc := range []struct {
		o    report.Settings
		want report.Error
	}{
		{report.Settings{Grain: "week"}, report.Error{Code: report.BadGrain, Field: "grain", Value: "week"}},
		{report.Settings{From: "2025-13-01"}, report.Error{Code: report.BadDate, Field: "from", Value: "2025-13-01"}},
		{report.Settings{From: "2025-02-01", To: "2025-01-01"}, report.Error{Code: report.EndBeforeStart, Field: "to", Value: "2025-01-01", Bound: "2025-02-01"}},
		{report.Settings{TZ: "Mars/Olympus"}, report.Error{Code: report.BadTimeZone, Field: "tz", Value: "Mars/Olympus"}},
		{report.Settings{Map: map[string]string{"colour": "Total"}}, report.Error{Code: report.UnknownRole, Field: "map", Value: "colour", Bound: roles}},
		{report.Settings{SeasonFrom: "2026-02-01", SeasonTo: "2026-01-01"}, report.Error{Code: report.EndBeforeStart, Field: "season_to", Value: "2026-01-01", Bound: "2026-02-01"}},
		{report.Settings{SeasonFrom: "1 May"}, report.Error{Code: report.BadDate, Field: "season_from", Value: "1 May"}},
		{report.Settings{ActiveWindow: "3 Months"}, report.Error{Code: report.BadActiveWindow, Field: "active_window", Value: "3 months"}},
	} {
		_, err := Run("shop.csv", []byte(shop), tc.o)
		var e *report.Error
		if !errors.As(err, &e) || !reflect.DeepEqual(*e, tc.want) {
			t.Errorf("%+v: err = %#v, want %#v", tc.o, err, tc.want)
		}
	}
	// A column that is not in the file is the reader's error.
	if _, err := Run("shop.csv", []byte(shop), report.Settings{Map: map[string]string{"total": "Amount"}}); err == nil || !strings.Contains(err.Error(), "Amount") {
		t.Errorf("map total=Amount: %v", err)
	}
}

func onlineRetail(b *testing.B, name string) []byte {
	b.Helper()
	return realdata.Read(b, name)
}

// BenchmarkFiguresOnlineRetail computes every figure of the report for
// Online Retail once the file is parsed: the target is under 150 ms.
func BenchmarkFiguresOnlineRetail(b *testing.B) {
	res, err := ingest.Load("online_retail.csv.gz", onlineRetail(b, "online_retail.csv.gz"), ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := Build(res, report.Settings{})
		if err != nil {
			b.Fatal(err)
		}
		if d.Customers != 4339 {
			b.Fatalf("%d customers", d.Customers)
		}
	}
}

// BenchmarkRunOnlineRetail is the whole pipeline, bytes to report.
func BenchmarkRunOnlineRetail(b *testing.B) {
	for _, name := range []string{"online_retail.csv.gz", "online_retail.xlsx"} {
		b.Run(name, func(b *testing.B) {
			data := onlineRetail(b, name)
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Run(name, data, report.Settings{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestISODate checks isoDate against time.Format, every day of a leap
// year and the years at and past four digits' ends, in a zone of its own.
func TestISODate(t *testing.T) {
	loc := time.FixedZone("UTC-11", -11*3600)
	var days []time.Time
	for d := time.Date(2024, 1, 1, 23, 30, 0, 0, loc); d.Year() == 2024; d = d.AddDate(0, 0, 1) {
		days = append(days, d)
	}
	for _, y := range []int{-1, 0, 1, 999, 1000, 1970, 9999, 10000, 292277026} {
		days = append(days, time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
	}
	for _, d := range days {
		if got, want := isoDate(d), d.Format(dateLayout); got != want {
			t.Fatalf("isoDate(%v) = %q, want %q", d, got, want)
		}
	}
}
