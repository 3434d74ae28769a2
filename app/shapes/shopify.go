package shapes

import (
	"fmt"
	"time"
)

// Shopify's orders export (Admin > Orders > Export > "CSV for Excel,
// Numbers, or other spreadsheet programs"): one row per line item; the
// order's fields (e-mail, statuses, dates, money) on its first row only,
// the line item's on every row. Columns as Shopify's help centre lists
// them ("Exporting orders"), in its order. Dates are "2006-01-02 15:04:05
// -0700" in the shop's time zone; money is plain decimals with a point.
var shopifyOrdersHeader = []string{
	"Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing",
	"Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method",
	"Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price", "Lineitem sku",
	"Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status", "Billing Name", "Billing Street",
	"Billing Address1", "Billing Address2", "Billing Company", "Billing City", "Billing Zip", "Billing Province",
	"Billing Country", "Billing Phone", "Shipping Name", "Shipping Street", "Shipping Address1", "Shipping Address2",
	"Shipping Company", "Shipping City", "Shipping Zip", "Shipping Province", "Shipping Country", "Shipping Phone",
	"Notes", "Note Attributes", "Cancelled at", "Payment Method", "Payment Reference", "Refunded Amount", "Vendor",
	"Outstanding Balance", "Employee", "Location", "Device ID", "Id", "Tags", "Risk Level", "Source",
	"Lineitem discount", "Tax 1 Name", "Tax 1 Value", "Tax 2 Name", "Tax 2 Value", "Tax 3 Name", "Tax 3 Value",
	"Tax 4 Name", "Tax 4 Value", "Tax 5 Name", "Tax 5 Value", "Phone", "Receipt Number", "Duties",
	"Billing Province Name", "Shipping Province Name", "Payment ID", "Payment Terms Name", "Next Payment Due At",
	"Payment References",
}

func init() {
	register(Shape{
		Platform: "Shopify", Export: "Orders export", File: "orders_export_1.csv",
		Doc:  "help.shopify.com: Orders > Exporting orders (CSV for Excel); one row per line item",
		Kind: Orders, Identity: ByEmail, Currency: "EUR", Amount: Total,
		// "Refunded Amount", on the order's first row, is what went back
		// on a partially refunded order; one refunded in full is no order.
		Refunds: true,
		Write:   writeShopifyOrders,
	})
}

// shopifyTime writes t in the shop's time zone (Europe/Copenhagen) as
// Shopify does.
func shopifyTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(copenhagen).Format("2006-01-02 15:04:05 -0700")
}

var copenhagen = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}()

func writeShopifyOrders(orders []Order) []byte {
	col := map[string]int{}
	for i, h := range shopifyOrdersHeader {
		col[h] = i
	}
	recs := [][]string{shopifyOrdersHeader}
	for _, o := range orders {
		fin, fulfil := "paid", "fulfilled"
		switch o.Status {
		case PartiallyRefunded:
			fin = "partially_refunded"
		case Refunded:
			fin = "refunded"
		case Cancelled:
			fin, fulfil = "voided", "unfulfilled"
		}
		for j, l := range o.Lines {
			rec := make([]string, len(shopifyOrdersHeader))
			set := func(h, v string) { rec[col[h]] = v }
			set("Name", fmt.Sprintf("#%d", o.Number))
			set("Email", o.Email)
			set("Created at", shopifyTime(o.Created))
			set("Lineitem quantity", fmt.Sprint(l.Quantity))
			set("Lineitem name", l.Product)
			set("Lineitem price", money(l.UnitPrice, '.', 0))
			set("Lineitem sku", l.SKU)
			set("Lineitem requires shipping", "true")
			set("Lineitem taxable", "true")
			set("Lineitem fulfillment status", fulfil)
			set("Lineitem discount", "0.00")
			set("Vendor", "Nordic Home")
			if j == 0 {
				set("Financial Status", fin)
				set("Paid at", shopifyTime(o.Paid))
				set("Fulfillment Status", fulfil)
				set("Fulfilled at", shopifyTime(o.Shipped))
				set("Accepts Marketing", []string{"yes", "no"}[o.CustomerID%2])
				set("Currency", o.Currency)
				set("Subtotal", money(o.Subtotal()-o.Discount, '.', 0))
				set("Shipping", money(o.Shipping, '.', 0))
				set("Taxes", money(o.Tax, '.', 0))
				set("Total", money(o.Total(), '.', 0))
				if o.Discount > 0 {
					set("Discount Code", "WELCOME10")
				}
				set("Discount Amount", money(o.Discount, '.', 0))
				set("Shipping Method", "Standard")
				set("Billing Name", o.Name())
				set("Billing Street", o.Street)
				set("Billing Address1", o.Street)
				set("Billing City", o.City)
				set("Billing Zip", o.Zip)
				set("Billing Country", o.Country)
				set("Billing Phone", o.Phone)
				set("Shipping Name", o.Name())
				set("Shipping Street", o.Street)
				set("Shipping Address1", o.Street)
				set("Shipping City", o.City)
				set("Shipping Zip", o.Zip)
				set("Shipping Country", o.Country)
				if o.Status == Cancelled {
					set("Cancelled at", shopifyTime(o.Created.Add(2*time.Hour)))
				}
				set("Payment Method", o.Payment)
				set("Payment Reference", fmt.Sprintf("c%d.1", 24000000000+o.Number))
				set("Refunded Amount", money(o.Refund, '.', 0))
				set("Outstanding Balance", "0.00")
				set("Id", fmt.Sprint(5600000000000+int64(o.Number)*37))
				set("Risk Level", "Low")
				set("Source", "web")
				set("Tax 1 Name", "VAT 25%")
				set("Tax 1 Value", money(o.Tax, '.', 0))
				set("Phone", o.Phone)
				set("Payment ID", fmt.Sprintf("c%d.1", 24000000000+o.Number))
				set("Payment References", fmt.Sprintf("c%d.1", 24000000000+o.Number))
			}
			recs = append(recs, rec)
		}
	}
	return writeCSV(recs, ',', false, false)
}
