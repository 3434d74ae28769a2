package metrics

import (
	"strings"
	"time"
)

// ProductQuery chooses the customers of a list by what they bought.
// Products (or categories) are matched by name without regard to case or
// surrounding spaces.
type ProductQuery struct {
	// Bought is the product every customer of the list bought.
	Bought string
	// NotBought, if not "", leaves out the customers who ever bought it.
	NotBought string
	// NotAgainDays, if more than 0, keeps only the customers whose last
	// order of Bought is more than NotAgainDays whole days before the
	// reference date: they bought it and not again in that time.
	NotAgainDays int
	// Category, if true, has Bought and NotBought name categories (an
	// order holds a category when one of its line items is in it), not
	// products.
	Category bool
}

// ProductBuyer is a customer of a product list with their orders of the
// product (or the category).
type ProductBuyer struct {
	Index  int       // in Dataset.Customers
	Orders int       // orders holding the product
	First  time.Time // the first of them
	Last   time.Time // the last of them
}

// ProductList returns the customers who bought q.Bought in an order before
// asOf, without those who bought q.NotBought before asOf, and, with
// q.NotAgainDays = N > 0, only those whose last order of q.Bought is more
// than N days before asOf:
//
//	days(last order of Bought, asOf) > N
//
// (whole calendar days, as recency counts them). They come in
// Dataset.Customers order; an empty Bought gives none.
func ProductList(d *Dataset, q ProductQuery, asOf time.Time) []ProductBuyer {
	want, not := strings.TrimSpace(q.Bought), strings.TrimSpace(q.NotBought)
	if want == "" {
		return nil
	}
	isWant, isNot := matching(d.Names, want), matching(d.Names, not)
	bought := func(o *Order) []int32 { return o.Products }
	if q.Category {
		bought = func(o *Order) []int32 { return o.Categories }
	}
	var out []ProductBuyer
	for ci, idx := range d.byCustomer {
		b := ProductBuyer{Index: ci}
		excluded := false
		for _, oi := range idx {
			o := &d.Orders[oi]
			if !o.Time.Before(asOf) {
				break // orders are in time order
			}
			if not != "" && holds(bought(o), isNot) {
				excluded = true
				break
			}
			if holds(bought(o), isWant) {
				if b.Orders == 0 {
					b.First = o.Time
				}
				b.Orders++
				b.Last = o.Time
			}
		}
		if excluded || b.Orders == 0 {
			continue
		}
		if q.NotAgainDays > 0 && daysBetween(b.Last, asOf) <= q.NotAgainDays {
			continue
		}
		out = append(out, b)
	}
	return out
}

// matching tells, for each of names, whether it is name without regard
// to case or surrounding spaces (all false for an empty name).
func matching(names []string, name string) []bool {
	out := make([]bool, len(names))
	if name == "" {
		return out
	}
	for i, n := range names {
		out[i] = strings.EqualFold(strings.TrimSpace(n), name)
	}
	return out
}

// holds tells whether the names ids (an order's products or categories)
// hold one that match tells.
func holds(ids []int32, match []bool) bool {
	for _, id := range ids {
		if match[id] {
			return true
		}
	}
	return false
}
