package shapes

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"retention/app/demo"
)

// Status is an order's payment state.
type Status int

// The statuses.
const (
	Paid Status = iota
	PartiallyRefunded
	Refunded  // refunded in full: not an order
	Cancelled // never paid: not an order
)

// Order is one order in platform-neutral terms. Money is in cents.
type Order struct {
	Seq        int    // 0, 1, 2, ... in time order
	Number     int    // the shop's order number: 1001, 1002, ...
	CustomerID int    // the shop's customer number: 501, 502, ...
	Username   string // a marketplace buyer name: "anna.berg_42"
	Email      string
	FirstName  string
	LastName   string
	Phone      string
	Street     string
	City       string
	Zip        string
	Country    string // ISO 3166-1 alpha-2

	Created time.Time // when the order was placed, UTC
	Paid    time.Time // when it was paid (zero when cancelled)
	Shipped time.Time // when it was shipped (zero when cancelled)

	Lines    []Line
	Shipping int64 // whole euros more often than not: 0, 4.90, 5, 9
	Tax      int64 // VAT included in the prices, as shops in Europe show it
	Discount int64 // off the items
	Refund   int64 // money returned (the whole total when Refunded)
	Currency string
	Status   Status
	Payment  string // "Credit Card", "PayPal", "Klarna", ...
}

// Line is one line item.
type Line struct {
	SKU       string
	Product   string
	Category  string
	Quantity  int
	UnitPrice int64 // cents
}

// Name is the customer's full name.
func (o Order) Name() string { return o.FirstName + " " + o.LastName }

// Subtotal is the items' value before discount: sum of quantity x unit
// price.
func (o Order) Subtotal() int64 {
	var s int64
	for _, l := range o.Lines {
		s += int64(l.Quantity) * l.UnitPrice
	}
	return s
}

// Total is what the customer paid: subtotal - discount + shipping (tax is
// included in the prices).
func (o Order) Total() int64 { return o.Subtotal() - o.Discount + o.Shipping }

var cities = map[string][][3]string{
	"DK": {{"Nørregade 12", "København K", "1165"}, {"Søndergade 4", "Aarhus C", "8000"}, {"Vestergade 30", "Odense C", "5000"}},
	"DE": {{"Hauptstraße 5", "München", "80331"}, {"Bahnhofstraße 17", "Köln", "50667"}, {"Gartenweg 2", "Hamburg", "20095"}},
	"SE": {{"Storgatan 8", "Stockholm", "111 22"}, {"Kungsgatan 44", "Göteborg", "411 19"}, {"Drottninggatan 3", "Malmö", "211 43"}},
	"NO": {{"Storgata 10", "Oslo", "0155"}, {"Bryggen 7", "Bergen", "5003"}, {"Kongens gate 22", "Trondheim", "7011"}},
	"PH": {{"123 Rizal Ave", "Manila", "1003"}, {"45 Mango Ave", "Cebu City", "6000"}, {"8 Roxas Blvd", "Pasay", "1300"}},
}

// Source returns the sample store's orders with everything a platform's
// export carries: order and customer numbers, names, addresses, phone,
// shipping, VAT, discounts, partial and full refunds, cancellations, the
// payment method, the ship date. The same orders every time.
func Source() []Order {
	r := rand.New(rand.NewPCG(10, 2026))
	src := demo.Orders()
	out := make([]Order, len(src))
	custID := map[string]int{}
	for i, d := range src {
		id, ok := custID[d.Email]
		if !ok {
			id = 501 + len(custID)
			custID[d.Email] = id
		}
		local := strings.SplitN(d.Email, "@", 2)[0]
		first, last, _ := strings.Cut(strings.TrimRight(local, "0123456789"), ".")
		place := cities[d.Country][id%3]
		o := Order{
			Seq: i, Number: 1001 + i, CustomerID: id,
			Username:  fmt.Sprintf("%s.%s_%d", first, last, id%97),
			Email:     d.Email,
			FirstName: title(first), LastName: title(last),
			Phone:  fmt.Sprintf("+45 %02d %02d %02d %02d", 20+id%60, id%100, (id*7)%100, (id*13)%100),
			Street: place[0], City: place[1], Zip: place[2], Country: d.Country,
			Created:  d.At,
			Currency: "EUR",
		}
		for j, l := range d.Lines {
			o.Lines = append(o.Lines, Line{
				SKU:     fmt.Sprintf("%s-%03d", strings.ToUpper(l.Category[:3]), 100+j+len(l.Product)),
				Product: l.Product, Category: l.Category, Quantity: l.Quantity, UnitPrice: int64(l.Cents),
			})
		}
		switch u := r.Float64(); {
		case u < 0.35:
			o.Shipping = 0
		case u < 0.6:
			o.Shipping = 500
		case u < 0.8:
			o.Shipping = 490
		default:
			o.Shipping = 900
		}
		if r.Float64() < 0.15 {
			o.Discount = o.Subtotal() / 10 // a 10% code
		}
		// 25% VAT included in the prices.
		o.Tax = vatIn(o.Total())
		o.Payment = []string{"Credit Card", "PayPal", "Klarna", "MobilePay"}[r.IntN(4)]
		switch {
		case d.Refunded:
			o.Status, o.Refund = Refunded, o.Total()
		case r.Float64() < 0.02:
			o.Status = Cancelled
		case r.Float64() < 0.03:
			// The first line's price back, never more than was paid.
			o.Status, o.Refund = PartiallyRefunded, min(o.Lines[0].UnitPrice, o.Total())
		}
		if o.Status != Cancelled {
			o.Paid = o.Created.Add(time.Duration(1+r.IntN(30)) * time.Minute)
			o.Shipped = o.Created.Add(time.Duration(20+r.IntN(60)) * time.Hour)
		}
		out[i] = o
	}
	return out
}

// vatSharePercent is the VAT in a price that includes the source's 25%
// VAT, in percent of the price: 25 / 125 = 20%.
const vatSharePercent = 20

// vatIn is the VAT in a price of cents that includes it, rounded half up.
func vatIn(cents int64) int64 { return (cents*vatSharePercent + 50) / 100 }

// netOfVAT is a price of cents without the VAT it includes.
func netOfVAT(cents int64) int64 { return cents - vatIn(cents) }

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
