package shapes

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"retention/app/engine"
	"retention/app/ingest"
	"retention/app/report"
)

// expected are the figures of an orders export, computed from the source
// orders without the workbench's reader.
type expected struct {
	customers, orders int
	revenue, aov      float64
	refunds           float64 // of the counted orders, when the shape reads them
	repeatRate        float64
}

// customerKey is who placed o, as shape s identifies customers.
func customerKey(s Shape, o Order) string {
	switch s.Identity {
	case ByCustomerID:
		return fmt.Sprint(o.CustomerID)
	case ByEmail:
		return o.Email
	case ByName:
		return o.Name() + "|" + o.Street + "|" + o.City
	}
	return ""
}

func expect(s Shape, src []Order) expected {
	var e expected
	per := map[string]int{}
	var cents, refunds int64
	var last time.Time // the last counted order's
	for _, o := range src {
		if s.Counted(o) && o.Created.After(last) {
			last = o.Created
		}
	}
	// The report's range ends with the last order's day (UTC, the
	// engine's zone by default).
	end := last.UTC().Truncate(24*time.Hour).AddDate(0, 0, 1)
	for _, o := range src {
		if !s.Counted(o) {
			continue
		}
		e.orders++
		per[customerKey(s, o)]++
		cents += s.Value(o)
		if s.Refunds && (s.RefundAt == nil || s.RefundAt(o).Before(end)) {
			refunds += o.Refund
		}
	}
	e.refunds = float64(refunds) / 100
	e.customers = len(per)
	e.revenue = float64(cents) / 100
	e.aov = e.revenue / float64(e.orders)
	repeat := 0
	for _, n := range per {
		if n >= 2 {
			repeat++
		}
	}
	e.repeatRate = float64(repeat) / float64(e.customers)
	return e
}

func TestSource(t *testing.T) {
	src := Source()
	if len(src) < 1000 {
		t.Fatalf("%d orders", len(src))
	}
	var st [4]int
	for _, o := range src {
		st[o.Status]++
		if o.Total() <= 0 || o.Tax <= 0 || o.Email == "" || o.Created.IsZero() {
			t.Fatalf("order %d incomplete: %+v", o.Number, o)
		}
	}
	for s, n := range st {
		if n == 0 {
			t.Errorf("no order with status %d", s)
		}
	}
}

// TestOrdersExports reads every orders export without flags and checks
// its figures against the source orders.
func TestOrdersExports(t *testing.T) {
	src := Source()
	for _, s := range All() {
		if s.Kind != Orders {
			continue
		}
		t.Run(s.Platform+"/"+s.Export, func(t *testing.T) {
			wrong := check(s, src)
			switch {
			case s.Gap != "" && len(wrong) == 0:
				t.Errorf("read right, but marked with the gap %q: strike it off", s.Gap)
			case s.Gap != "":
				t.Skipf("known gap: %s (%s)", s.Gap, strings.Join(wrong, "; "))
			}
			for _, w := range wrong {
				t.Error(w)
			}
		})
	}
}

// check reads shape s of the source orders without flags and says what
// differs from the figures computed from the orders themselves.
func check(s Shape, src []Order) []string {
	doc, err := engine.Run(s.File, s.Write(src), report.Settings{})
	if s.Identity == NoIdentity {
		if !errors.Is(err, ingest.ErrNoCustomer) {
			return []string{fmt.Sprintf("err = %v, want one that says the file has no customers", err)}
		}
		return nil
	}
	if err != nil {
		return []string{err.Error()}
	}
	var wrong []string
	if doc.Currency != s.Currency {
		wrong = append(wrong, fmt.Sprintf("currency %q, want %q", doc.Currency, s.Currency))
	}
	e := expect(s, src)
	if doc.Customers != e.customers || doc.Orders != e.orders {
		wrong = append(wrong, fmt.Sprintf("customers %d, orders %d; want %d, %d\nmapping: %+v", doc.Customers, doc.Orders, e.customers, e.orders, doc.Mapping))
	}
	if math.Abs(doc.Revenue-e.revenue) > 0.005 || math.Abs(doc.AOV-e.aov) > 1e-6 || math.Abs(doc.RepeatRate-e.repeatRate) > 1e-6 {
		wrong = append(wrong, fmt.Sprintf("revenue %.2f, AOV %.6f, repeat rate %.6f; want %.2f, %.6f, %.6f\ntotal from %s", doc.Revenue, doc.AOV, doc.RepeatRate, e.revenue, e.aov, e.repeatRate, doc.Ingest.TotalFrom))
	}
	if net := e.revenue - e.refunds; math.Abs(doc.NetRevenue-net) > 0.005 {
		wrong = append(wrong, fmt.Sprintf("net revenue %.2f, want %.2f (refunds %.2f)", doc.NetRevenue, net, e.refunds))
	}
	return wrong
}

// TestOtherExports checks that an export that holds no orders is not
// read as one.
func TestOtherExports(t *testing.T) {
	src := Source()
	for _, s := range All() {
		if s.Kind == Orders {
			continue
		}
		t.Run(s.Platform+"/"+s.Export, func(t *testing.T) {
			_, err := engine.Run(s.File, s.Write(src), report.Settings{})
			var p *ingest.Problem
			if !errors.As(err, &p) || p.Code != ingest.NotOrders {
				t.Fatalf("err = %v, want one that says it is not an orders export", err)
			}
			want := map[Kind]string{Customers: ingest.KindCustomers, Products: ingest.KindProducts, Payouts: ingest.KindPayouts, Inventory: ingest.KindInventory}[s.Kind]
			if p.Kind != want {
				t.Errorf("recognised as %q, want %q", p.Kind, want)
			}
		})
	}
}

func TestMoney(t *testing.T) {
	for _, c := range []struct {
		cents      int64
		dec, group rune
		want       string
	}{
		{123456, '.', 0, "1234.56"},
		{123456, ',', '.', "1.234,56"},
		{-5, '.', 0, "-0.05"},
		{100000000, '.', ',', "1,000,000.00"},
	} {
		if got := money(c.cents, c.dec, c.group); got != c.want {
			t.Errorf("money(%d) = %q, want %q", c.cents, got, c.want)
		}
	}
}

// TestREADME: the README's table of supported exports lists every shape.
func TestREADME(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range All() {
		if !strings.Contains(string(b), "| "+s.Platform+" | "+s.Export+" |") {
			t.Errorf("README.md has no row for %s %s", s.Platform, s.Export)
		}
	}
}
