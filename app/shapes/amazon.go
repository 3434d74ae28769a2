package shapes

import (
	"fmt"
	"time"
)

// amazonAllOrdersHeader is the All Orders report (Seller Central > Reports
// > Fulfillment > All Orders; GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL),
// its attributes in the order the Selling Partner API documentation lists
// them ("Order Tracking reports attributes"). The report has carried no
// buyer name or e-mail since Amazon removed them from order reports; cpf is
// the Brazilian tax number, empty elsewhere.
var amazonAllOrdersHeader = []string{
	"amazon-order-id", "merchant-order-id", "purchase-date", "last-updated-date", "order-status",
	"fulfillment-channel", "sales-channel", "order-channel", "ship-service-level", "product-name", "sku", "asin",
	"item-status", "quantity", "currency", "item-price", "item-tax", "shipping-price", "shipping-tax",
	"gift-wrap-price", "gift-wrap-tax", "item-promotion-discount", "ship-promotion-discount", "ship-city",
	"ship-state", "ship-postal-code", "ship-country", "promotion-ids", "cpf", "is-business-order",
	"purchase-order-number", "price-designation",
}

func init() {
	register(Shape{
		Platform: "Amazon", Export: "All Orders report", File: "All-Orders-Report.txt",
		Doc:  "developer-docs.amazon.com/sp-api: Order Tracking reports attributes, GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL; tab-separated, one row per order item",
		Kind: Orders, Identity: NoIdentity, Amount: Gross,
		// Refunds are not in the orders report (they are in the returns
		// and settlement reports): a refunded order is a shipped order
		// here. Cancelled orders are listed with status Cancelled.
		Counts: func(o Order) bool { return o.Status != Cancelled },
		Write:  writeAmazonAllOrders,
	})
}

// amazonTime writes t as the report does: ISO 8601 with the offset.
func amazonTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05+00:00") }

// amazonOrderID is an Amazon order number in its 3-7-7 format.
func amazonOrderID(o Order) string {
	n := int64(o.Number)
	return fmt.Sprintf("302-%07d-%07d", (n*7919)%10000000, (n*104729)%10000000)
}

// writeAmazonAllOrders writes the All Orders report: tab-separated UTF-8
// (the Selling Partner API's reports are UTF-8), one row per order item,
// purchase dates in ISO 8601. item-price is the line's price (quantity x
// unit price) with VAT, item-tax the VAT in it (25% VAT included: a fifth
// of the price); the order's shipping and its promotion discount (written
// negative) are on its first item's row. Amazon sells to the source's
// customers on Amazon.de, fulfilled by the merchant.
func writeAmazonAllOrders(orders []Order) []byte {
	col := columnIndex(amazonAllOrdersHeader)
	recs := [][]string{amazonAllOrdersHeader}
	for _, o := range orders {
		status, updated := "Shipped", o.Shipped
		if o.Status == Cancelled {
			status, updated = "Cancelled", o.Created.Add(2*time.Hour)
		}
		for j, l := range o.Lines {
			rec := make([]string, len(amazonAllOrdersHeader))
			set := func(h, v string) { rec[col[h]] = v }
			line := int64(l.Quantity) * l.UnitPrice
			shipping, discount := int64(0), int64(0)
			if j == 0 {
				shipping, discount = o.Shipping, o.Discount
			}
			set("amazon-order-id", amazonOrderID(o))
			set("merchant-order-id", fmt.Sprint(o.Number))
			set("purchase-date", amazonTime(o.Created))
			set("last-updated-date", amazonTime(updated))
			set("order-status", status)
			set("fulfillment-channel", "Merchant")
			set("sales-channel", "Amazon.de")
			set("ship-service-level", "Standard")
			set("product-name", l.Product)
			set("sku", l.SKU)
			set("asin", "B0"+stableID(uint64(len(l.Product))<<20^uint64(l.UnitPrice), 8, alnumUpper))
			set("item-status", status)
			set("quantity", fmt.Sprint(l.Quantity))
			set("currency", o.Currency)
			set("item-price", money(line, '.', 0))
			set("item-tax", money((line+2)/5, '.', 0))
			set("shipping-price", money(shipping, '.', 0))
			set("shipping-tax", money((shipping+2)/5, '.', 0))
			set("gift-wrap-price", "0.00")
			set("gift-wrap-tax", "0.00")
			set("item-promotion-discount", money(-discount, '.', 0))
			set("ship-promotion-discount", "0.00")
			set("ship-city", o.City)
			set("ship-postal-code", o.Zip)
			set("ship-country", o.Country)
			if discount > 0 {
				set("promotion-ids", "WELCOME10-"+stableID(uint64(o.Number), 6, alnumUpper))
			}
			set("is-business-order", "false")
			recs = append(recs, rec)
		}
	}
	return writeTSV(recs)
}
