package shapes

import (
	"fmt"
	"strings"
)

func init() {
	register(Shape{
		Platform: "BigCommerce", Export: "Orders export (Default template)", File: "orders-2025-10-31.csv",
		Doc:  "support.bigcommerce.com: Exporting Orders (Orders > Export, export template \"Default\", CSV)",
		Kind: Orders, Identity: ByCustomerID, Currency: "EUR", Amount: Total,
		// "Refund Amount" is what went back on a partially refunded order.
		Refunds: true,
		Write:   writeBigCommerce,
	})
}

var bigCommerceHeader = []string{
	"Order ID", "Customer ID", "Customer Name", "Customer Email", "Customer Phone", "Order Date", "Order Status",
	"Subtotal (inc tax)", "Subtotal (ex tax)", "Tax Total", "Shipping Cost (inc tax)", "Shipping Cost (ex tax)",
	"Ship Method", "Handling Cost (inc tax)", "Handling Cost (ex tax)", "Store Credit Redeemed",
	"Gift Certificate Amount Redeemed", "Gift Certificate Code", "Gift Certificate Expiration Date", "Coupon Details",
	"Order Total (inc tax)", "Order Total (ex tax)", "Payment Method", "Total Quantity", "Total Shipped",
	"Date Shipped", "Order Currency Code", "Exchange Rate", "Order Notes", "Customer Message",
	"Billing First Name", "Billing Last Name", "Billing Company", "Billing Street 1", "Billing Street 2",
	"Billing Suburb", "Billing State", "Billing Zip", "Billing Country", "Billing Phone", "Billing Email",
	"Shipping First Name", "Shipping Last Name", "Shipping Company", "Shipping Street 1", "Shipping Street 2",
	"Shipping Suburb", "Shipping State", "Shipping Zip", "Shipping Country", "Shipping Phone", "Shipping Email",
	"Product Details", "Refund Amount",
}

// bigCommerceStatus is BigCommerce's order status name.
func bigCommerceStatus(s Status) string {
	switch s {
	case PartiallyRefunded:
		return "Partially Refunded"
	case Refunded:
		return "Refunded"
	case Cancelled:
		return "Cancelled"
	}
	return "Completed"
}

// bigCommerceProducts is the "Product Details" cell: each product as
// "Product ID: ..., Product Qty: ..., ..." and products joined by "|".
func bigCommerceProducts(o Order) string {
	parts := make([]string, len(o.Lines))
	for i, l := range o.Lines {
		parts[i] = fmt.Sprintf("Product ID: %d, Product Qty: %d, Product SKU: %s, Product Name: %s, "+
			"Product Weight: 0.5000, Product Variation Details: , Product Unit Price: %s, Product Total Price: %s",
			100+len(l.Product)*7+int(l.UnitPrice%97), l.Quantity, l.SKU, l.Product,
			money(l.UnitPrice, '.', 0), money(int64(l.Quantity)*l.UnitPrice, '.', 0))
	}
	return strings.Join(parts, "|")
}

// writeBigCommerce writes Orders > Export with the "Default" template as
// CSV: one row per order, comma-separated UTF-8, the order's products in
// one "Product Details" cell. "Customer ID" is the store's customer
// number (every order here is a registered customer's); "Order Date" and
// "Date Shipped" are "02/01/2006" (the store's date format); money is a
// plain decimal with a point; "Order Total (inc tax)" is what the
// customer paid, "Refund Amount" what went back.
func writeBigCommerce(orders []Order) []byte {
	recs := [][]string{bigCommerceHeader}
	for _, o := range orders {
		shipped, qty := "", 0
		for _, l := range o.Lines {
			qty += l.Quantity
		}
		totalShipped := 0
		if o.Status != Cancelled {
			shipped = o.Shipped.In(copenhagen).Format("02/01/2006")
			totalShipped = qty
		}
		coupon := ""
		if o.Discount > 0 {
			coupon = fmt.Sprintf("Coupon ID: 1, Coupon Code: WELCOME10, Coupon Value: %s", money(o.Discount, '.', 0))
		}
		recs = append(recs, []string{
			fmt.Sprint(100 + o.Seq), fmt.Sprint(o.CustomerID - 500), o.Name(), o.Email, o.Phone,
			o.Created.In(copenhagen).Format("02/01/2006"), bigCommerceStatus(o.Status),
			money(o.Subtotal(), '.', 0), money(net(o.Subtotal()), '.', 0), money(o.Tax, '.', 0),
			money(o.Shipping, '.', 0), money(net(o.Shipping), '.', 0),
			"Flat Rate", "0.00", "0.00", "0.00",
			"0.00", "", "", coupon,
			money(o.Total(), '.', 0), money(o.Total()-o.Tax, '.', 0), o.Payment, fmt.Sprint(qty), fmt.Sprint(totalShipped),
			shipped, o.Currency, "1.0000000000", "", "",
			o.FirstName, o.LastName, "", o.Street, "",
			o.City, "", o.Zip, countryNames[o.Country], o.Phone, o.Email,
			o.FirstName, o.LastName, "", o.Street, "",
			o.City, "", o.Zip, countryNames[o.Country], o.Phone, o.Email,
			bigCommerceProducts(o), money(o.Refund, '.', 0),
		})
	}
	return writeCSV(recs, ',', false, false)
}
