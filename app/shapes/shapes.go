// Package shapes writes a shop's orders in the shapes of real platforms'
// exports: Shopify's orders export, WooCommerce's, Shopee's, a Stripe
// payments export, and files that are not orders exports at all (a
// customers export, a product catalogue). Each shape is written from the
// platform's own documentation of the export: its columns and their order,
// one row per order or per line item, its date, number and currency
// formats, its encoding. The tests read every shape without flags and
// check the figures against the source orders, so a platform's export is
// read right however its columns are ordered or named.
//
// The source orders are the built-in sample store's (package demo), given
// the identities, addresses, shipping, taxes, discounts and statuses that
// real exports carry (Source).
package shapes

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Kind tells an orders export from the other exports a shop can make.
type Kind int

// The kinds of export.
const (
	// Orders is an export with one row per order, line item or payment:
	// what the workbench reads.
	Orders Kind = iota
	// Customers is a list of customers (no orders).
	Customers
	// Products is a product catalogue.
	Products
	// Payouts is a payouts or settlement summary (money paid to the shop,
	// no customers).
	Payouts
	// Inventory is a stock list.
	Inventory
)

func (k Kind) String() string {
	switch k {
	case Customers:
		return "customers"
	case Products:
		return "products"
	case Payouts:
		return "payouts"
	case Inventory:
		return "inventory"
	}
	return "orders"
}

// Identity is how an export tells customers apart.
type Identity int

// The identities, strongest first.
const (
	ByCustomerID Identity = iota // a customer or buyer id or username
	ByEmail                      // the customer's e-mail address
	ByName                       // name and address only: a last resort
	NoIdentity                   // nothing that tells customers apart
)

func (i Identity) String() string {
	switch i {
	case ByCustomerID:
		return "customer_id"
	case ByEmail:
		return "email"
	case ByName:
		return "name"
	}
	return "none"
}

// Amount is what an export's order value is made of.
type Amount int

// The amounts.
const (
	// Total is what the customer paid: items - discount + shipping + tax.
	Total Amount = iota
	// Items is the items' value after discount, without shipping and tax.
	Items
	// Gross is the items' value before discount (sum of quantity x unit
	// price), as line-item exports without an order total give it.
	Gross
	// NetSales is the items' value after discount less the VAT in it,
	// without shipping: WooCommerce Analytics' "Net Sales" (an order's
	// total less its taxes and shipping).
	NetSales
)

// Shape is one platform's export.
type Shape struct {
	Platform string // "Shopify"
	Export   string // which export, as the platform's menus name it
	File     string // the file name the platform gives it
	Doc      string // where the layout is documented
	Kind     Kind
	// Identity and Amount say what the workbench can read from an orders
	// export: who the customers are and what an order is worth.
	Identity Identity
	Amount   Amount
	// Currency is the currency the file names (a column, the amounts'
	// signs, the column names' "(PHP)"); "" when it names none, and the
	// page asks.
	Currency string
	// Counts says which orders the export holds and the workbench counts:
	// nil counts every order whose status is not cancelled or refunded in
	// full.
	Counts func(o Order) bool
	// Refunds says that the export records the counted orders' refunds
	// (a refund row, units returned) and the workbench reads them as
	// refunds: net revenue is revenue less Order.Refund of the counted
	// orders. False when the export gives no refunds of counted orders,
	// or the workbench does not read them yet.
	Refunds bool
	// RefundAt, when set, is when the export dates order o's refund (a
	// refund date column, a refund row); nil dates it at the order's. The
	// report covers the days from the first order to the last, so a
	// refund dated after the last order's day is not in its net revenue.
	RefundAt func(o Order) time.Time
	// Write writes the orders in the shape.
	Write func(orders []Order) []byte
	// Gap, when set, says what the workbench does not read right in this
	// shape yet: its test reports the gap instead of failing, and fails
	// once the figures come out right (so the gap is struck off).
	Gap string
}

var all []Shape

// register adds shapes; each platform's file calls it from init.
func register(s ...Shape) { all = append(all, s...) }

// All returns every shape, sorted by platform and export.
func All() []Shape {
	out := append([]Shape(nil), all...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Platform != out[j].Platform {
			return out[i].Platform < out[j].Platform
		}
		return out[i].Export < out[j].Export
	})
	return out
}

// Find returns the shape of a platform whose export name contains export
// (case-insensitive).
func Find(platform, export string) (Shape, bool) {
	for _, s := range All() {
		if strings.EqualFold(s.Platform, platform) && strings.Contains(strings.ToLower(s.Export), strings.ToLower(export)) {
			return s, true
		}
	}
	return Shape{}, false
}

// Counted tells whether the workbench counts o as an order of shape s.
func (s Shape) Counted(o Order) bool {
	if s.Counts != nil {
		return s.Counts(o)
	}
	return o.Status != Cancelled && o.Status != Refunded
}

// Value is what order o is worth in shape s, in cents.
func (s Shape) Value(o Order) int64 {
	switch s.Amount {
	case Items:
		return o.Subtotal() - o.Discount
	case Gross:
		return o.Subtotal()
	case NetSales:
		return netOfVAT(o.Subtotal() - o.Discount)
	}
	return o.Total()
}

// writeCSV writes records with sep as the separator ("," or ";" or "\t"),
// CRLF line ends when crlf, and a UTF-8 byte order mark when bom.
func writeCSV(records [][]string, sep rune, crlf, bom bool) []byte {
	var b bytes.Buffer
	if bom {
		b.WriteString("\uFEFF")
	}
	w := csv.NewWriter(&b)
	w.Comma = sep
	w.UseCRLF = crlf
	w.WriteAll(records)
	return b.Bytes()
}

// money writes cents with a decimal separator and an optional thousands
// separator: money(123456, '.', 0) = "1234.56", money(123456, ',', '.') =
// "1.234,56".
func money(cents int64, dec, group rune) string {
	neg := cents < 0
	if neg {
		cents = -cents
	}
	whole := fmt.Sprint(cents / 100)
	if group != 0 && len(whole) > 3 {
		var parts []string
		for len(whole) > 3 {
			parts = append([]string{whole[len(whole)-3:]}, parts...)
			whole = whole[:len(whole)-3]
		}
		whole = whole + string(group) + strings.Join(parts, string(group))
	}
	s := fmt.Sprintf("%s%c%02d", whole, dec, cents%100)
	if neg {
		s = "-" + s
	}
	return s
}
