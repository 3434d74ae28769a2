// Package demo makes the workbench's sample store: a deterministic,
// generated Shopify-style orders export of a home-and-garden shop with
// seasonality, one-time and loyal buyers, customers who drift away,
// refunds and six product categories over twenty months.
package demo

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"time"
)

// FileName is the sample's file name.
const FileName = "sample-store.csv"

// Header is the sample's header row (Shopify's orders export names).
var Header = []string{"Name", "Email", "Financial Status", "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Product Category", "Total", "Billing Country"}

// The history the sample covers.
var (
	First = time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	Last  = time.Date(2025, 10, 31, 23, 59, 59, 0, time.UTC)
)

type product struct {
	name     string
	category string
	cents    int
}

var catalogue = func() []product {
	cats := []struct {
		name  string
		items []string
		cents []int
	}{
		{"Garden", []string{"Seed Collection", "Pruning Shears", "Raised Bed Kit", "Watering Can", "Herb Planter"}, []int{1495, 2990, 8900, 2450, 3200}},
		{"Kitchen", []string{"Linen Apron", "Oak Cutting Board", "Stoneware Bowl Set", "Copper Kettle", "Spice Jars (6)"}, []int{2900, 3900, 4800, 7900, 1990}},
		{"Lighting", []string{"Paper Lantern", "Brass Table Lamp", "Candle Holder", "String Lights", "Floor Lamp"}, []int{2400, 11900, 1800, 2200, 18900}},
		{"Textiles", []string{"Wool Throw", "Cushion Cover", "Linen Tablecloth", "Bath Towel Set", "Knitted Blanket"}, []int{6900, 2500, 4500, 3900, 8900}},
		{"Decor", []string{"Ceramic Vase", "Wall Mirror", "Photo Frame", "Wreath", "Woven Basket"}, []int{3400, 9900, 1590, 4200, 2800}},
		{"Gifts", []string{"Gift Card", "Scented Candle", "Tea Sampler", "Notebook Set", "Advent Calendar"}, []int{5000, 1950, 1700, 1450, 3500}},
	}
	var out []product
	for _, c := range cats {
		for i, n := range c.items {
			out = append(out, product{n, c.name, c.cents[i]})
		}
	}
	return out
}()

var (
	firstNames = []string{"anna", "lars", "mette", "jonas", "sofie", "erik", "ingrid", "mikkel", "freja", "ole", "maria", "juan", "grace", "paolo", "lena", "tobias", "emma", "noah", "ida", "karin", "nils", "astrid", "ben", "clara"}
	lastNames  = []string{"berg", "hansen", "nielsen", "larsen", "schmidt", "meyer", "johansson", "lindqvist", "santos", "reyes", "dahl", "koch", "weber", "holm", "strand", "cruz"}
	countries  = []string{"DK", "DK", "DK", "DE", "DE", "SE", "SE", "NO", "NO", "PH"}
)

// seasonal weights new customers and orders by month (1 = January): a
// garden peak in spring and early summer, the gift peak in November and
// December.
var seasonal = [13]float64{0, 0.8, 0.7, 1.0, 1.3, 1.5, 1.3, 0.9, 0.8, 0.9, 1.0, 1.7, 2.1}

type order struct {
	at       time.Time
	email    string
	country  string
	lines    []line
	refunded bool
}

type line struct {
	p   product
	qty int
}

// CSV returns the sample store's orders export; the same bytes every time.
func CSV() []byte {
	orders := makeOrders()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(Header)
	for i, o := range orders {
		name := "#" + strconv.Itoa(1001+i)
		status := "paid"
		if o.refunded {
			status = "refunded"
		}
		total := 0
		for _, l := range o.lines {
			total += l.qty * l.p.cents
		}
		for j, l := range o.lines {
			rec := []string{name, "", "", "", strconv.Itoa(l.qty), l.p.name, cents(l.p.cents), l.p.category, "", ""}
			if j == 0 {
				// Shopify writes the order's fields on its first line only.
				rec[1], rec[2], rec[3], rec[8], rec[9] = o.email, status, shopTime(o.at), cents(total), o.country
			}
			w.Write(rec)
		}
	}
	w.Flush()
	return b.Bytes()
}

// makeOrders draws the sample's orders, sorted by time.
func makeOrders() []order {
	r := rand.New(rand.NewPCG(20240301, 20251031))
	var orders []order
	id := 0
	for m := First; m.Before(Last); m = m.AddDate(0, 1, 0) {
		n := int(math.Round(70 * seasonal[m.Month()] * float64(1+float64(0.02*float64(monthsBetween(First, m))))))
		days := m.AddDate(0, 1, 0).Sub(m).Hours() / 24
		for i := 0; i < n; i++ {
			id++
			email := fmt.Sprintf("%s.%s%d@example.com", firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))], id)
			country := countries[r.IntN(len(countries))]
			fav := r.IntN(6)
			// How many orders this customer will make at most, and how often.
			var max int
			var gap float64 // mean days between orders
			switch u := r.Float64(); {
			case u < 0.55:
				max, gap = 1, 0
			case u < 0.85:
				max, gap = 2+r.IntN(3), 75
			case u < 0.97:
				max, gap = 5+r.IntN(8), 40
			default:
				max, gap = 12+r.IntN(14), 21
			}
			// Customers drift away: each may stop after some months.
			stop := Last
			if r.Float64() < 0.5 {
				stop = m.AddDate(0, 2+r.IntN(14), 0)
			}
			at := m.Add(time.Duration(float64(r.Float64()*days)*24) * time.Hour)
			for k := 0; k < max && at.Before(stop) && at.Before(Last); k++ {
				orders = append(orders, makeOrder(r, at, email, country, fav))
				// Explicit conversions keep a platform from fusing the multiply-adds,
				// so the sample is the same bytes everywhere.
				at = at.Add(time.Duration(float64(float64(gap*0.3)+float64(r.ExpFloat64()*gap*0.7))*24) * time.Hour)
				// More orders before Christmas.
				if at.Month() == 10 && r.Float64() < 0.3 {
					at = at.AddDate(0, 1, 0)
				}
			}
		}
	}
	sort.SliceStable(orders, func(i, j int) bool { return orders[i].at.Before(orders[j].at) })
	return orders
}

func makeOrder(r *rand.Rand, at time.Time, email, country string, fav int) order {
	// Opening hours: 07:00-23:00.
	at = time.Date(at.Year(), at.Month(), at.Day(), 7+r.IntN(16), r.IntN(60), r.IntN(60), 0, time.UTC)
	o := order{at: at, email: email, country: country, refunded: r.Float64() < 0.03}
	n := 1 + r.IntN(3)
	if r.Float64() < 0.1 {
		n++
	}
	seen := map[int]bool{}
	for len(o.lines) < n {
		c := fav
		if r.Float64() < 0.35 {
			c = r.IntN(6)
		}
		// Gifts sell in November and December.
		if (at.Month() == 11 || at.Month() == 12) && r.Float64() < 0.4 {
			c = 5
		}
		// Garden in spring and summer.
		if at.Month() >= 4 && at.Month() <= 7 && r.Float64() < 0.3 {
			c = 0
		}
		p := c*5 + r.IntN(5)
		if seen[p] {
			continue
		}
		seen[p] = true
		qty := 1
		if r.Float64() < 0.2 {
			qty = 2 + r.IntN(3)
		}
		o.lines = append(o.lines, line{catalogue[p], qty})
	}
	return o
}

func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()-a.Month())
}

func cents(c int) string {
	return fmt.Sprintf("%d.%02d", c/100, c%100)
}

// shopTime writes a time as Shopify does, with the shop's UTC offset
// (Central European time, summer time from the last Sunday of March to the
// last Sunday of October).
func shopTime(t time.Time) string {
	loc := time.FixedZone("CET", 3600)
	if summer(t) {
		loc = time.FixedZone("CEST", 7200)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc).Format("2006-01-02 15:04:05 -0700")
}

func summer(t time.Time) bool {
	start := lastSunday(t.Year(), time.March)
	end := lastSunday(t.Year(), time.October)
	return !t.Before(start) && t.Before(end)
}

func lastSunday(y int, m time.Month) time.Time {
	d := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Sunday {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// Order is one of the sample store's orders, for writing it in another
// export's shape (package shapes).
type Order struct {
	At       time.Time // UTC
	Email    string
	Country  string // ISO 3166-1 alpha-2
	Lines    []Line
	Refunded bool // refunded in full
}

// Line is one line item of an Order.
type Line struct {
	Product  string
	Category string
	Cents    int // unit price in cents
	Quantity int
}

// Orders returns the sample store's orders in time order: the orders CSV
// writes, the same every time.
func Orders() []Order {
	src := makeOrders()
	out := make([]Order, len(src))
	for i, o := range src {
		ls := make([]Line, len(o.lines))
		for j, l := range o.lines {
			ls[j] = Line{Product: l.p.name, Category: l.p.category, Cents: l.p.cents, Quantity: l.qty}
		}
		out[i] = Order{At: o.at, Email: o.email, Country: o.country, Lines: ls, Refunded: o.refunded}
	}
	return out
}
