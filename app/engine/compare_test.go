package engine

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"

	"retention/app/demo"
	"retention/app/ingest"
	"retention/app/realdata"
	"retention/app/report"
)

// cut returns the export a shop would have made at t: the header and the
// rows of the orders placed before t (a row without a date belongs to the
// order of its order column's last dated row). date and order name the
// columns.
func cut(tb testing.TB, data []byte, t time.Time, order, date string) []byte {
	tb.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	oc, dc := col(tb, rows[0], order), col(tb, rows[0], date)
	placed := map[string]time.Time{}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(rows[0])
	for _, row := range rows[1:] {
		if s := row[dc]; s != "" {
			at, err := time.Parse("2006-01-02 15:04:05 -0700", s)
			if err != nil {
				at, err = time.Parse("2006-01-02 15:04:05", s)
			}
			if err != nil {
				tb.Fatalf("date %q: %v", s, err)
			}
			placed[row[oc]] = at
		}
		if placed[row[oc]].Before(t) {
			w.Write(row)
		}
	}
	w.Flush()
	return buf.Bytes()
}

func col(tb testing.TB, header []string, name string) int {
	for i, h := range header {
		if h == name {
			return i
		}
	}
	tb.Fatalf("no column %q in %v", name, header)
	return -1
}

// figure is a KPI of a report as the report itself shows it: its JSON field
// of that name, or for a rate the headline's period.
func figure(tb testing.TB, d *report.Document, name string) (*float64, string) {
	tb.Helper()
	switch name {
	case "retention", "churn", "crr":
		if d.LastFull < 0 {
			return nil, ""
		}
		p := d.Periods[d.LastFull]
		return map[string]*float64{"retention": p.Retention, "churn": p.Churn, "crr": p.CRR}[name], p.Period
	}
	b, err := json.Marshal(d)
	if err != nil {
		tb.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		tb.Fatal(err)
	}
	v, ok := m[name].(float64)
	if !ok {
		tb.Fatalf("the report has no figure %q", name)
	}
	switch {
	case name == "repeat_vs_one_time" && v == 0, // the report's 0 for "needs customers of both kinds"
		(name == "mean_days_between" || name == "median_days_between") && d.RepeatRate == 0:
		return nil, ""
	}
	return &v, ""
}

// checkKPIs checks each KPI change against the reports a and b: its sides
// are their figures, its delta b − a within the rounding of both (half a
// cent or half a millionth each) and its relative change delta / |a|.
func checkKPIs(t *testing.T, what string, ks []report.KPIChange, a, b *report.Document) {
	t.Helper()
	if len(ks) != 16 {
		t.Errorf("%s: %d KPIs, want 16", what, len(ks))
	}
	for _, k := range ks {
		fa, pa := figure(t, a, k.Name)
		fb, pb := figure(t, b, k.Name)
		if !reflect.DeepEqual(k.A, fa) || !reflect.DeepEqual(k.B, fb) || k.APeriod != pa || k.BPeriod != pb {
			t.Errorf("%s %s: a %v (%s) b %v (%s), want %v (%s) %v (%s)", what, k.Name, deref(k.A), k.APeriod, deref(k.B), k.BPeriod, deref(fa), pa, deref(fb), pb)
			continue
		}
		if fa == nil || fb == nil {
			if k.Delta != nil || k.Relative != nil {
				t.Errorf("%s %s: a change without both sides", what, k.Name)
			}
			continue
		}
		tol := 1e-6
		if k.Name == "revenue" || k.Name == "refunds" || k.Name == "net_revenue" {
			tol = 0.01
		}
		if k.Delta == nil || math.Abs(*k.Delta-(*fb-*fa)) > tol+1e-9 {
			t.Errorf("%s %s: delta %v, want %v", what, k.Name, deref(k.Delta), *fb-*fa)
		}
		switch {
		case *fa == 0 && k.Relative != nil:
			t.Errorf("%s %s: a relative change of 0", what, k.Name)
		case *fa != 0 && (k.Relative == nil || math.Abs(*k.Relative-(*fb-*fa)/math.Abs(*fa)) > 1e-4*math.Max(1, math.Abs(*k.Relative))):
			t.Errorf("%s %s: relative %v, want %v", what, k.Name, deref(k.Relative), (*fb-*fa)/math.Abs(*fa))
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// checkMovement counts, customer by customer, the segments of the reports
// a and b (their customer rows) and checks m against the count.
func checkMovement(t *testing.T, what string, m report.Movement, a, b *report.Document) {
	t.Helper()
	segA, segB := map[string]string{}, map[string]string{}
	for _, c := range a.CustomerRows {
		segA[c.ID] = c.Segment
	}
	for _, c := range b.CustomerRows {
		segB[c.ID] = c.Segment
	}
	want := map[[2]string]int{}
	var both, stayed, onlyA, onlyB int
	for id, s := range segA {
		to, ok := segB[id]
		if !ok {
			to = report.MovementAbsent
			onlyA++
		} else {
			both++
			if s == to {
				stayed++
			}
		}
		want[[2]string{s, to}]++
	}
	for id, s := range segB {
		if _, ok := segA[id]; !ok {
			want[[2]string{report.MovementAbsent, s}]++
			onlyB++
		}
	}
	if m.Both != both || m.Stayed != stayed || m.Moved != both-stayed || m.OnlyA != onlyA || m.OnlyB != onlyB {
		t.Errorf("%s: both %d stayed %d moved %d only a %d only b %d, want %d %d %d %d %d", what,
			m.Both, m.Stayed, m.Moved, m.OnlyA, m.OnlyB, both, stayed, both-stayed, onlyA, onlyB)
	}
	got := map[[2]string]int{}
	for i, row := range m.Counts {
		for j, n := range row {
			if n > 0 {
				got[[2]string{m.Segments[i], m.Segments[j]}] = n
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: counts %v, want %v", what, got, want)
	}
	moves := 0
	for k := range want {
		if k[0] != k[1] {
			moves++
		}
	}
	if len(m.Moves) != moves {
		t.Errorf("%s: %d moves, want %d", what, len(m.Moves), moves)
	}
	for i := 1; i < len(m.Moves); i++ {
		if m.Moves[i].Customers > m.Moves[i-1].Customers {
			t.Errorf("%s: moves not the most first: %+v", what, m.Moves)
			break
		}
	}
}

func load(tb testing.TB, name string, data []byte, o report.Settings) (*ingest.Result, *report.Document) {
	tb.Helper()
	res, err := Load(name, data, o)
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := Build(res, o)
	if err != nil {
		tb.Fatal(err)
	}
	return res, doc
}

// TestCompareExports compares an export made at a date with the export
// made at the end (the sample store, and Online Retail), each read as its
// own file, and checks every figure against the two files' own reports.
func TestCompareExports(t *testing.T) {
	files := []struct {
		name, order, date string
		data              func(testing.TB) []byte
		at                time.Time
		opt               report.Settings
	}{
		{"sample-store.csv", "Name", "Created at", func(testing.TB) []byte { return demo.CSV() },
			time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), report.Settings{}},
		{"sample-store.csv", "Name", "Created at", func(testing.TB) []byte { return demo.CSV() },
			time.Date(2024, 12, 15, 0, 0, 0, 0, time.UTC), report.Settings{Grain: "quarter", ActiveWindow: "90d"}},
		{"online_retail.csv", "InvoiceNo", "InvoiceDate", func(tb testing.TB) []byte { return realdata.Gunzipped(tb, "online_retail.csv.gz") },
			time.Date(2011, 6, 1, 0, 0, 0, 0, time.UTC), report.Settings{}},
	}
	for _, f := range files {
		t.Run(f.name+"/"+f.at.Format(dateLayout), func(t *testing.T) {
			if f.name == "online_retail.csv" && testing.Short() {
				t.Skip("reads Online Retail three times")
			}
			full := f.data(t)
			resA, docA := load(t, "a.csv", cut(t, full, f.at, f.order, f.date), f.opt)
			resB, docB := load(t, "b.csv", full, f.opt)
			c, err := Compare(resA, resB, f.opt)
			if err != nil {
				t.Fatal(err)
			}
			if c.A.File != "a.csv" || c.B.File != "b.csv" || c.A.AsOf != docA.AsOf || c.B.AsOf != docB.AsOf ||
				c.A.FirstOrder != docA.FirstOrder || c.B.LastOrder != docB.LastOrder {
				t.Errorf("sides %+v %+v", c.A, c.B)
			}
			checkKPIs(t, "compare", c.KPIs, docA, docB)
			checkMovement(t, "compare", c.Movement, docA, docB)
			if c.Movement.OnlyA != 0 {
				t.Errorf("%d customers of the earlier export are not in the later one", c.Movement.OnlyA)
			}
			// Each file's periods, as its report shows them, in both columns.
			var pa, pb []report.Period
			for _, p := range c.Periods {
				if p.A != nil {
					pa = append(pa, *p.A)
				}
				if p.B != nil {
					pb = append(pb, *p.B)
				}
				if (p.A != nil && p.A.Period != p.Period) || (p.B != nil && p.B.Period != p.Period) {
					t.Errorf("period %s pairs %+v with %+v", p.Period, p.A, p.B)
				}
				if p.A != nil && p.B != nil && p.A.Retention != nil && p.B.Retention != nil &&
					math.Abs(*p.RetentionDelta-(*p.B.Retention-*p.A.Retention)) > 1e-6 {
					t.Errorf("period %s: retention delta %v", p.Period, *p.RetentionDelta)
				}
			}
			if !reflect.DeepEqual(pa, docA.Periods) || !reflect.DeepEqual(pb, docB.Periods) {
				t.Errorf("the periods differ from the reports'")
			}
		})
	}
}

// TestCompareSameFile compares a file with itself: no change anywhere,
// every customer where they were.
func TestCompareSameFile(t *testing.T) {
	res, doc := load(t, "sample-store.csv", demo.CSV(), report.Settings{})
	c, err := Compare(res, res, report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	checkKPIs(t, "same", c.KPIs, doc, doc)
	for _, k := range c.KPIs {
		if k.Delta != nil && *k.Delta != 0 {
			t.Errorf("%s changed by %v", k.Name, *k.Delta)
		}
	}
	if m := c.Movement; m.Stayed != doc.Customers || m.Moved != 0 || len(m.Moves) != 0 {
		t.Errorf("movement %+v, want all %d customers stayed", m, doc.Customers)
	}
}

// TestComparePrevious checks the previous range's figures against the
// report of that range, and the movement against the reports of the
// exports made at the two reference dates.
func TestComparePrevious(t *testing.T) {
	data := demo.CSV()
	tests := []struct {
		o              report.Settings
		from, to, asOf string
		days           int
		covered        bool
	}{
		// 30 days back from 2025-09-01; the reference date 2025-10-01 goes
		// back 30 days too.
		{report.Settings{From: "2025-09-01", To: "2025-09-30", AsOf: "2025-10-01"}, "2025-08-02", "2025-08-31", "2025-09-01", 30, true},
		// A quarter of 92 days, by quarter, reference date the day after
		// the last order (2025-11-01).
		{report.Settings{Grain: "quarter", From: "2025-07-01", To: "2025-09-30"}, "2025-03-31", "2025-06-30", "2025-08-01", 92, true},
		// The whole history: the previous range is before the first order.
		{report.Settings{}, "2022-06-30", "2024-02-29", "2024-03-01", 610, false},
	}
	for _, tt := range tests {
		res, doc := load(t, "sample-store.csv", data, tt.o)
		if err := ComparePrevious(res, doc, tt.o); err != nil {
			t.Fatal(err)
		}
		p := doc.Previous
		if p.From != tt.from || p.To != tt.to || p.AsOf != tt.asOf || p.Days != tt.days || p.Covered != tt.covered {
			t.Errorf("previous of %+v = %s..%s as of %s, %d days, covered %v; want %s..%s as of %s, %d, %v", tt.o,
				p.From, p.To, p.AsOf, p.Days, p.Covered, tt.from, tt.to, tt.asOf, tt.days, tt.covered)
			continue
		}
		po := tt.o
		po.From, po.To, po.AsOf = p.From, p.To, p.AsOf
		_, prev := load(t, "sample-store.csv", data, po)
		checkKPIs(t, "previous of "+tt.o.From, p.KPIs, prev, doc)

		// The movement: the exports made at each reference date.
		at := func(s string) time.Time {
			d, _ := time.Parse(dateLayout, s)
			return d
		}
		if doc.Movement.AAsOf != p.AsOf || doc.Movement.BAsOf != doc.AsOf {
			t.Errorf("movement from %s to %s, want %s to %s", doc.Movement.AAsOf, doc.Movement.BAsOf, p.AsOf, doc.AsOf)
		}
		if p.AsOf <= res.Dataset.Orders[0].Time.Format(dateLayout) { // no export before the first order: every customer is new
			if m := doc.Movement; m.Both != 0 || m.OnlyB != len(doc.CustomerRows) {
				t.Errorf("movement from before the first order: %+v", m)
			}
			continue
		}
		_, a := load(t, "a.csv", cut(t, data, at(p.AsOf), "Name", "Created at"), report.Settings{AsOf: p.AsOf})
		_, b := load(t, "b.csv", cut(t, data, at(doc.AsOf), "Name", "Created at"), report.Settings{AsOf: doc.AsOf})
		checkMovement(t, "movement since "+p.AsOf, *doc.Movement, a, b)
	}
}

func TestMovementSince(t *testing.T) {
	data := demo.CSV()
	res, err := Load("sample-store.csv", data, report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Movement(res, report.Settings{AsOf: "2025-07-01"}, "2025-04-01")
	if err != nil {
		t.Fatal(err)
	}
	_, a := load(t, "a.csv", cut(t, data, time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), "Name", "Created at"), report.Settings{AsOf: "2025-04-01"})
	_, b := load(t, "b.csv", cut(t, data, time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), "Name", "Created at"), report.Settings{AsOf: "2025-07-01"})
	checkMovement(t, "since 2025-04-01", *m, a, b)
	if m.OnlyA != 0 || m.OnlyB == 0 {
		t.Errorf("only a %d, only b %d: want nobody lost from one file, new customers since", m.OnlyA, m.OnlyB)
	}

	if _, err := Movement(res, report.Settings{AsOf: "2025-07-01"}, "2025-08-01"); err == nil || err.Error() != "--moved-since (2025-08-01) is after the reference date (2025-07-01)" {
		t.Errorf("since after the reference date: %v", err)
	}
	for _, since := range []string{"1.4.2025", ""} {
		_, err := Movement(res, report.Settings{}, since)
		if e := report.CodeOf(err); e == nil || !reflect.DeepEqual(*e, report.Error{Code: report.BadDate, Field: "moved_since", Value: since}) {
			t.Errorf("since %q: %#v", since, err)
		}
	}
}
