package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"retention/app/report"
)

// halves writes Online Retail's rows dated before 2011-06-01 and the rest
// to two files in a temporary directory: two exports of one shop, one per
// half-year.
func halves(t *testing.T) (string, string) {
	t.Helper()
	f, err := os.Open(needData(t, "online_retail.csv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(zr)
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	wa, wb := csv.NewWriter(&a), csv.NewWriter(&b)
	wa.Write(rows[0])
	wb.Write(rows[0])
	for _, row := range rows[1:] {
		if row[4] < "2011-06-01" { // InvoiceDate, 2010-12-01 08:26:00
			wa.Write(row)
		} else {
			wb.Write(row)
		}
	}
	wa.Flush()
	wb.Flush()
	dir := t.TempDir()
	pa, pb := filepath.Join(dir, "online_retail_h1.csv"), filepath.Join(dir, "online_retail_h2.csv")
	if err := os.WriteFile(pa, a.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pb, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return pa, pb
}

// docFigure is a report's figure by its JSON name, as the report prints it.
func docFigure(t *testing.T, d *report.Document, name string) float64 {
	t.Helper()
	b, _ := json.Marshal(d)
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	v, ok := m[name].(float64)
	if !ok {
		t.Fatalf("no figure %q in the report", name)
	}
	return v
}

// TestCompareHalves compares Online Retail's two half-years as two files,
// checks the figures against each file's own report, and the JSON against
// a golden file.
func TestCompareHalves(t *testing.T) {
	pa, pb := halves(t)
	out, _, err := run("compare", "--json", pa, pb)
	if err != nil {
		t.Fatal(err)
	}
	goldenBytes(t, "online_retail_halves.compare.golden.json", []byte(out))
	var c report.Comparison
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	da, db := reportJSON(t, pa), reportJSON(t, pb)
	for _, k := range c.KPIs {
		switch k.Name {
		case "retention", "churn", "crr":
			pa, pb := da.Periods[da.LastFull], db.Periods[db.LastFull]
			if k.APeriod != pa.Period || k.BPeriod != pb.Period {
				t.Errorf("%s of %s and %s, want %s and %s", k.Name, k.APeriod, k.BPeriod, pa.Period, pb.Period)
			}
			continue
		}
		a, b := docFigure(t, da, k.Name), docFigure(t, db, k.Name)
		if *k.A != a || *k.B != b || math.Abs(*k.Delta-(b-a)) > 0.01+1e-9 {
			t.Errorf("%s: %v %v %v, want %v %v %v", k.Name, *k.A, *k.B, *k.Delta, a, b, b-a)
		}
	}
	// The movement, counted from each file's customer rows.
	seg := map[string]string{}
	for _, r := range da.CustomerRows {
		seg[r.ID] = r.Segment
	}
	stayed, both := 0, 0
	for _, r := range db.CustomerRows {
		if s, ok := seg[r.ID]; ok {
			both++
			if s == r.Segment {
				stayed++
			}
		}
	}
	m := c.Movement
	if m.Both != both || m.Stayed != stayed || m.OnlyA != len(da.CustomerRows)-both || m.OnlyB != len(db.CustomerRows)-both {
		t.Errorf("movement both %d stayed %d only %d %d, want %d %d %d %d", m.Both, m.Stayed, m.OnlyA, m.OnlyB,
			both, stayed, len(da.CustomerRows)-both, len(db.CustomerRows)-both)
	}

	txt, _, err := run("compare", pa, pb)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"A: online_retail_h1.csv", "Retention (2011-05, 2011-11)", "Segment movement", "The largest moves:"} {
		if !strings.Contains(txt, s) {
			t.Errorf("the text has no %q", s)
		}
	}
}

// TestComparePrevious checks --compare-to previous on Online Retail's
// November 2011 against the report of the 30 days before it.
func TestComparePrevious(t *testing.T) {
	file := needData(t, "online_retail.csv.gz")
	d := reportJSON(t, "--from", "2011-11-01", "--to", "2011-11-30", "--compare-to", "previous", file)
	p := d.Previous
	if p == nil || d.Movement == nil {
		t.Fatal("no previous range or movement")
	}
	// 30 days back; the reference date, the day after the last order
	// (2011-12-10), goes back 30 days too.
	if p.From != "2011-10-02" || p.To != "2011-10-31" || p.AsOf != "2011-11-10" || p.Days != 30 || !p.Covered {
		t.Errorf("previous %+v", p)
	}
	prev := reportJSON(t, "--from", p.From, "--to", p.To, "--as-of", p.AsOf, file)
	for _, k := range p.KPIs {
		if k.Name == "retention" || k.Name == "churn" || k.Name == "crr" {
			if k.APeriod != prev.Periods[prev.LastFull].Period || k.BPeriod != d.Periods[d.LastFull].Period {
				t.Errorf("%s of %s and %s", k.Name, k.APeriod, k.BPeriod)
			}
			continue
		}
		if a, b := docFigure(t, prev, k.Name), docFigure(t, d, k.Name); *k.A != a || *k.B != b {
			t.Errorf("%s: %v %v, want %v %v", k.Name, *k.A, *k.B, a, b)
		}
	}
	if d.Movement.AAsOf != "2011-11-10" || d.Movement.BAsOf != "2011-12-10" {
		t.Errorf("movement from %s to %s", d.Movement.AAsOf, d.Movement.BAsOf)
	}
	// The same movement as segments --moved-since.
	out, _, err := run("segments", "--json", "--moved-since", "2011-11-10", file)
	if err != nil {
		t.Fatal(err)
	}
	var m report.Movement
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	if got, want := mustJSON(t, m), mustJSON(t, *d.Movement); got != want {
		t.Errorf("segments --moved-since differs from report --compare-to previous")
	}
	txt, _, err := run("report", "--from", "2011-11-01", "--to", "2011-11-30", "--compare-to", "previous", file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(txt, "Against the previous 30 days (2011-10-02 to 2011-10-31") {
		t.Errorf("the text report has no previous range")
	}
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCompareErrors(t *testing.T) {
	store := filepath.Join(t.TempDir(), "store.csv")
	if err := os.WriteFile(store, []byte("order_id,customer_id,date,total\n1,a,2024-01-05,10\n2,b,2024-02-05,20\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		err  string
	}{
		{[]string{"compare", store}, "compare takes two files, got 1"},
		{[]string{"compare", store, store, store}, "compare takes two files, got 3"},
		{[]string{"compare"}, "no file given"},
		{[]string{"report", "--compare-to", "last-year", store}, `--compare-to must be previous, got "last-year"`},
		{[]string{"segments", "--moved-since", "2024-02-01", "--segment", "All", store}, "--moved-since prints the movement between segments; give --segment and --out without it"},
		{[]string{"segments", "--moved-since", "2024-03-01", store}, "--moved-since (2024-03-01) is after the reference date (2024-02-06)"},
		{[]string{"segments", "--moved-since", "1.2.2024", store}, `--moved-since must be a date like 2024-01-31, got "1.2.2024"`},
	} {
		_, _, err := run(tt.args...)
		if err == nil || explain(err) != tt.err {
			t.Errorf("%v: %v, want %s", tt.args, err, tt.err)
		}
	}
}
