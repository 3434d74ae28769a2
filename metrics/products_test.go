package metrics

import (
	"reflect"
	"strings"
	"testing"
)

// productShop is a small store for the product lists:
//
//	a: 2024-01-05 Mug; 2024-03-01 Tea
//	b: 2024-01-20 Mug, Tea
//	c: 2024-02-03 Tea
//	d: 2024-02-20 mug (another spelling); 2024-03-10 Mug
//	e: 2024-03-20 Mug (on the reference date: not counted)
//
// Mug is in the category Kitchen, Tea in Pantry.
//
// The reference date is 2024-03-20.
func productShop() *Dataset {
	// Mug is Kitchen, Tea is Pantry.
	category := map[string]string{"mug": "Kitchen", "tea": "Pantry"}
	o := func(customer, date string, products ...string) Order {
		var cats []string
		for _, p := range products {
			cats = append(cats, category[strings.ToLower(strings.TrimSpace(p))])
		}
		return Order{ID: customer + date, Customer: customer, Time: day(date), Amount: 10, Products: testNames.IDs(products...), Categories: testNames.IDs(cats...)}
	}
	d := NewDataset([]Order{
		o("a", "2024-01-05", "Mug"), o("a", "2024-03-01", "Tea"),
		o("b", "2024-01-20", "Mug", "Tea"),
		o("c", "2024-02-03", "Tea"),
		o("d", "2024-02-20", " mug "), o("d", "2024-03-10", "Mug"),
		o("e", "2024-03-20", "Mug"),
	}, nil, nil)
	d.Names = testNames.List
	return d
}

func TestProductList(t *testing.T) {
	d := productShop()
	asOf := day("2024-03-20")
	// Customer indexes: a 0, b 1, c 2, d 3, e 4.
	tests := []struct {
		name string
		q    ProductQuery
		want []int
	}{
		{name: "bought Mug", q: ProductQuery{Bought: "Mug"}, want: []int{0, 1, 3}},
		{name: "case and spaces", q: ProductQuery{Bought: "  MUG"}, want: []int{0, 1, 3}},
		{name: "bought Tea", q: ProductQuery{Bought: "Tea"}, want: []int{0, 1, 2}},
		// a bought Tea after the Mug, b in the same order: both left out.
		{name: "Mug but not Tea", q: ProductQuery{Bought: "Mug", NotBought: "Tea"}, want: []int{3}},
		{name: "Tea but not Mug", q: ProductQuery{Bought: "Tea", NotBought: "Mug"}, want: []int{2}},
		// Last Mug: a 2024-01-05 (75 days before), b 2024-01-20 (60), d
		// 2024-03-10 (10).
		{name: "Mug, not again in 60 days", q: ProductQuery{Bought: "Mug", NotAgainDays: 60}, want: []int{0}},
		{name: "Mug, not again in 59 days", q: ProductQuery{Bought: "Mug", NotAgainDays: 59}, want: []int{0, 1}},
		{name: "Mug, not again in 9 days", q: ProductQuery{Bought: "Mug", NotAgainDays: 9}, want: []int{0, 1, 3}},
		{name: "all three", q: ProductQuery{Bought: "Mug", NotBought: "Tea", NotAgainDays: 9}, want: []int{3}},
		{name: "unknown product", q: ProductQuery{Bought: "Kettle"}, want: nil},
		{name: "no product", q: ProductQuery{Bought: " "}, want: nil},
		// Categories: Kitchen is the mugs', Pantry the teas'.
		{name: "bought in Kitchen", q: ProductQuery{Bought: "kitchen", Category: true}, want: []int{0, 1, 3}},
		{name: "Pantry but not Kitchen", q: ProductQuery{Bought: "Pantry", NotBought: "Kitchen", Category: true}, want: []int{2}},
		{name: "Kitchen, not again in 60 days", q: ProductQuery{Bought: "Kitchen", NotAgainDays: 60, Category: true}, want: []int{0}},
		{name: "a category is no product", q: ProductQuery{Bought: "Kitchen"}, want: nil},
		{name: "a product is no category", q: ProductQuery{Bought: "Mug", Category: true}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int
			for _, b := range ProductList(d, tt.q, asOf) {
				got = append(got, b.Index)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("customers %v, want %v", got, tt.want)
			}
		})
	}
}

func TestProductListOrders(t *testing.T) {
	d := productShop()
	got := ProductList(d, ProductQuery{Bought: "mug"}, day("2024-03-20"))
	// d bought it twice (two spellings), first on 2024-02-20, last on 2024-03-10.
	b := got[len(got)-1]
	if d.Customers[b.Index].ID != "d" || b.Orders != 2 || !b.First.Equal(day("2024-02-20")) || !b.Last.Equal(day("2024-03-10")) {
		t.Errorf("d: %+v", b)
	}
	before := len(d.Orders)
	_ = ProductList(d, ProductQuery{Bought: "Tea", NotBought: "Mug"}, day("2024-03-20"))
	if len(d.Orders) != before || d.Names[d.Orders[0].Products[0]] != "Mug" {
		t.Error("the dataset was changed")
	}
}
