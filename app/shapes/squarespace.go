package shapes

import (
	"fmt"
	"time"
)

func init() {
	register(Shape{
		Platform: "Squarespace", Export: "Orders CSV", File: "orders.csv",
		Doc: "support.squarespace.com: Exporting orders (Commerce > Orders > Download CSV, all order types); " +
			"column names as in public readers of the file (Order ID, Email, Lineitem variant, Product Form: ...)",
		Kind: Orders, Identity: ByEmail, Currency: "EUR", Amount: Total,
		// "Amount Refunded" is what went back on a partially refunded
		// order.
		Refunds: true,
		Write:   writeSquarespace,
	})
}

var squarespaceHeader = []string{
	"Order ID", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Currency",
	"Subtotal", "Shipping", "Discount Code", "Discount Amount", "Shipping Method", "Taxes", "Amount Refunded",
	"Total", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku", "Lineitem variant",
	"Lineitem requires shipping", "Lineitem weight", "Lineitem type", "Billing Name", "Billing Address1",
	"Billing Address2", "Billing City", "Billing Zip", "Billing Province", "Billing Country", "Billing Phone",
	"Shipping Name", "Shipping Address1", "Shipping Address2", "Shipping City", "Shipping Zip",
	"Shipping Province", "Shipping Country", "Shipping Phone", "Cancelled at", "Private Notes", "Payment Method",
	"Payment Reference", "Created at", "Channel Type", "Channel Name",
}

// cancelDelay is how long after being placed a cancelled order is
// cancelled in the sample, as in the Shopify shape.
const cancelDelay = 2 * time.Hour

// squarespaceStatus is the order's financial and fulfillment status as the
// file writes them, in capitals.
func squarespaceStatus(s Status) (financial, fulfillment string) {
	switch s {
	case PartiallyRefunded:
		return "PARTIALLY_REFUNDED", "FULFILLED"
	case Refunded:
		return "REFUNDED", "FULFILLED"
	case Cancelled:
		return "VOIDED", "CANCELED"
	}
	return "PAID", "FULFILLED"
}

// writeSquarespace writes Squarespace's orders CSV: one row per line item,
// comma-separated UTF-8. As in Shopify's file, from which its columns
// descend, the order id, e-mail and "Created at" stand on every row and
// the line item's columns too, while the order's money, statuses and
// addresses stand on its first row only. Times are "2006-01-02 15:04:05
// -0700" in the site's time zone; money is a plain decimal with a point;
// "Total" is what the customer paid, "Amount Refunded" what went back.
func writeSquarespace(orders []Order) []byte {
	recs := [][]string{squarespaceHeader}
	col := map[string]int{}
	for i, h := range squarespaceHeader {
		col[h] = i
	}
	for _, o := range orders {
		fin, ful := squarespaceStatus(o.Status)
		for j, l := range o.Lines {
			rec := make([]string, len(squarespaceHeader))
			set := func(h, v string) { rec[col[h]] = v }
			set("Order ID", fmt.Sprintf("%05d", o.Seq+1))
			set("Email", o.Email)
			set("Created at", shopifyTime(o.Created))
			set("Lineitem quantity", fmt.Sprint(l.Quantity))
			set("Lineitem name", l.Product)
			set("Lineitem price", money(l.UnitPrice, '.', 0))
			set("Lineitem sku", l.SKU)
			set("Lineitem requires shipping", "true")
			set("Lineitem weight", "0.5")
			set("Lineitem type", "PHYSICAL")
			if j == 0 {
				set("Financial Status", fin)
				set("Paid at", shopifyTime(o.Paid))
				set("Fulfillment Status", ful)
				set("Fulfilled at", shopifyTime(o.Shipped))
				set("Currency", o.Currency)
				set("Subtotal", money(o.Subtotal(), '.', 0))
				set("Shipping", money(o.Shipping, '.', 0))
				if o.Discount > 0 {
					set("Discount Code", "WELCOME10")
				}
				set("Discount Amount", money(o.Discount, '.', 0))
				set("Shipping Method", "Standard")
				set("Taxes", money(o.Tax, '.', 0))
				set("Amount Refunded", money(o.Refund, '.', 0))
				set("Total", money(o.Total(), '.', 0))
				for _, side := range []string{"Billing", "Shipping"} {
					set(side+" Name", o.Name())
					set(side+" Address1", o.Street)
					set(side+" City", o.City)
					set(side+" Zip", o.Zip)
					set(side+" Country", o.Country)
					set(side+" Phone", o.Phone)
				}
				if o.Status == Cancelled {
					set("Cancelled at", shopifyTime(o.Created.Add(cancelDelay)))
				}
				set("Payment Method", o.Payment)
				set("Payment Reference", fmt.Sprintf("ch_%016x", 0x3f1a000000+o.Number*7919))
				set("Channel Type", "Squarespace")
				set("Channel Name", "Nordic Home")
			}
			recs = append(recs, rec)
		}
	}
	return writeCSV(recs, ',', false, false)
}
