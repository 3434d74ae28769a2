package shapes

import "fmt"

func init() {
	register(Shape{
		Platform: "Wix", Export: "Store orders export", File: "orders.csv",
		Doc:  "support.wix.com: Wix Stores: Exporting Your Store Orders (Sales > Orders > Export to CSV)",
		Kind: Orders, Identity: ByEmail, Currency: "EUR", Amount: Total,
		// "Refunded amount" is what went back on a partially refunded
		// order; "Quantity refunded", the units, is counted in it.
		Refunds: true,
		Write:   writeWix,
	})
}

var wixHeader = []string{
	"Order number", "Date created", "Time", "Fulfill by", "Total order quantity", "Contact email",
	"Note from customer", "Additional checkout info", "Item", "Variant", "SKU", "Qty", "Quantity refunded", "Price",
	"Weight", "Custom text", "Deposit amount", "Delivery method", "Delivery time", "Recipient name",
	"Recipient phone", "Recipient company name", "Delivery country", "Delivery state", "Delivery city",
	"Delivery address", "Delivery zip/postal code", "Billing name", "Billing phone", "Billing company name",
	"Billing country", "Billing state", "Billing city", "Billing address", "Billing zip/postal code",
	"Payment status", "Payment method", "Coupon code", "Gift card amount", "Shipping rate", "Total tax", "Total",
	"Currency", "Refunded amount", "Net amount", "Additional fees", "Fulfillment status", "Tracking number",
	"Fulfillment service", "Shipping label",
}

// wixStatus is the order's payment and fulfillment status in Wix's words.
func wixStatus(s Status) (payment, fulfillment string) {
	switch s {
	case PartiallyRefunded:
		return "Partially refunded", "Fulfilled"
	case Refunded:
		return "Refunded", "Fulfilled"
	case Cancelled:
		return "Canceled", "Canceled"
	}
	return "Paid", "Fulfilled"
}

// writeWix writes Wix Stores' orders export: one row per item, the
// order's columns repeated on each of its rows, comma-separated UTF-8.
// The date and the time of day stand in two columns, "Mar 5, 2024" and
// "2:02 PM", in the site's time zone; money is a plain decimal with a
// point. "Total" is what the customer paid, "Refunded amount" what went
// back and "Net amount" the difference.
func writeWix(orders []Order) []byte {
	recs := [][]string{wixHeader}
	for _, o := range orders {
		pay, ful := wixStatus(o.Status)
		qty := 0
		for _, l := range o.Lines {
			qty += l.Quantity
		}
		coupon := ""
		if o.Discount > 0 {
			coupon = "WELCOME10"
		}
		local := o.Created.In(copenhagen)
		for _, l := range o.Lines {
			refundedQty := "0"
			if o.Status == Refunded {
				refundedQty = fmt.Sprint(l.Quantity)
			}
			country := countryNames[o.Country]
			recs = append(recs, []string{
				fmt.Sprint(10000 + o.Seq), local.Format("Jan 2, 2006"), local.Format("3:04 PM"), "", fmt.Sprint(qty),
				o.Email, "", "", l.Product, "", l.SKU, fmt.Sprint(l.Quantity), refundedQty, money(l.UnitPrice, '.', 0),
				"0.5", "", "", "Standard Shipping", "", o.Name(),
				o.Phone, "", country, "", o.City,
				o.Street, o.Zip, o.Name(), o.Phone, "",
				country, "", o.City, o.Street, o.Zip,
				pay, o.Payment, coupon, "", money(o.Shipping, '.', 0), money(o.Tax, '.', 0), money(o.Total(), '.', 0),
				o.Currency, money(o.Refund, '.', 0), money(o.Total()-o.Refund, '.', 0), "0.00", ful, "",
				"", "",
			})
		}
	}
	return writeCSV(recs, ',', false, false)
}
