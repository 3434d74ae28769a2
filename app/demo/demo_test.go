package demo

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"math"
	"strconv"
	"testing"
	"time"

	"retention/app/engine"
	"retention/app/report"
)

// sum pins the sample's bytes: a change to the generator changes the
// workbench's sample store, so it must be deliberate. Refresh it from the
// failure message.
const sum = "dddd95ec3c086c924544b08891bcfc9925dbc02830daeccbfc08c61ed163c807"

func TestDeterministic(t *testing.T) {
	a, b := CSV(), CSV()
	if !bytes.Equal(a, b) {
		t.Fatal("two runs differ")
	}
	h := sha256.Sum256(a)
	if got := hex.EncodeToString(h[:]); got != sum {
		t.Errorf("sample sha256 = %s, pinned %s", got, sum)
	}
}

func TestShape(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(CSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := recs[0]; len(got) != len(Header) {
		t.Fatalf("header %v", got)
	}
	type ord struct {
		total, lines float64
		email        string
		at           time.Time
		refunded     bool
	}
	var orders []*ord
	byName := map[string]*ord{}
	for i, r := range recs[1:] {
		o := byName[r[0]]
		if o == nil {
			if r[1] == "" || r[3] == "" || r[8] == "" {
				t.Fatalf("line %d: an order's first line lacks its fields: %v", i+2, r)
			}
			at, err := time.Parse("2006-01-02 15:04:05 -0700", r[3])
			if err != nil {
				t.Fatal(err)
			}
			total, _ := strconv.ParseFloat(r[8], 64)
			o = &ord{total: total, email: r[1], at: at, refunded: r[2] == "refunded"}
			byName[r[0]] = o
			orders = append(orders, o)
		} else if r[1] != "" || r[3] != "" || r[8] != "" {
			t.Fatalf("line %d: a later line repeats the order's fields", i+2)
		}
		q, _ := strconv.Atoi(r[4])
		p, _ := strconv.ParseFloat(r[6], 64)
		o.lines += float64(q) * p
	}
	perCustomer := map[string]int{}
	refunded := 0
	perMonth := map[time.Month]int{}
	for i, o := range orders {
		if math.Abs(o.total-o.lines) > 0.005 {
			t.Errorf("order %d: total %.2f, lines %.2f", i, o.total, o.lines)
		}
		if i > 0 && o.at.Before(orders[i-1].at) {
			t.Errorf("order %d is out of date order", i)
		}
		perCustomer[o.email]++
		if o.refunded {
			refunded++
		}
		if o.at.Year() == 2024 {
			perMonth[o.at.Month()]++
		}
	}
	span := orders[len(orders)-1].at.Sub(orders[0].at).Hours() / 24
	if span < 18*30 {
		t.Errorf("history of %.0f days, want 18 months or more", span)
	}
	repeat := 0
	for _, n := range perCustomer {
		if n >= 2 {
			repeat++
		}
	}
	if share := float64(repeat) / float64(len(perCustomer)); share < 0.2 || share > 0.5 {
		t.Errorf("repeat customers %.1f%%, want 20-50%%", share*100)
	}
	if share := float64(refunded) / float64(len(orders)); share < 0.01 || share > 0.06 {
		t.Errorf("refunded orders %.1f%%, want 1-6%%", share*100)
	}
	avg := 0.0
	for m := time.March; m <= time.October; m++ {
		avg += float64(perMonth[m]) / 8
	}
	if float64(perMonth[time.December]) < 1.3*avg {
		t.Errorf("December 2024 has %d orders, March-October %.0f a month: no Christmas peak", perMonth[time.December], avg)
	}
}

// TestEngine reads the sample as the workbench does.
func TestEngine(t *testing.T) {
	d, err := engine.Run(FileName, CSV(), report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Customers < 1000 || d.Orders < 3000 || d.Ingest.SkippedRows != 0 || d.Ingest.Cancelled == 0 {
		t.Errorf("customers %d, orders %d, skipped rows %d, refunded orders %d", d.Customers, d.Orders, d.Ingest.SkippedRows, d.Ingest.Cancelled)
	}
	if len(d.Interest) != 6 {
		t.Errorf("%d categories, want 6", len(d.Interest))
	}
	if d.LastFull < 0 || d.Lapsed.Customers == 0 || d.VIPs.Customers == 0 || d.Seasonal.Customers == 0 {
		t.Errorf("last full %d, lapsed %d, VIPs %d, seasonal %d", d.LastFull, d.Lapsed.Customers, d.VIPs.Customers, d.Seasonal.Customers)
	}
	for _, m := range d.Mapping {
		if m.Role == "customer_id" && m.Column >= 0 {
			t.Errorf("customer_id mapped to %q: the sample keys customers by e-mail", m.Header)
		}
	}
}
