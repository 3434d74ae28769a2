package shapes

import (
	"fmt"
	"strings"
	"time"
)

// Etsy's two order downloads (Shop Manager > Settings > Options > Download
// Data, CSV type "Orders" or "Order Items"), comma-separated UTF-8 without
// a byte order mark, dates written MM/DD/YY in the shop's time zone, money
// as plain decimals with a point and no currency sign (the currency has its
// own column). The column lists are those of the files Etsy writes, as
// public code that parses EtsySoldOrders*.csv and EtsySoldOrderItems*.csv
// reads them.

// etsyOrdersHeader is EtsySoldOrders: one row per order (Etsy calls it a
// receipt).
var etsyOrdersHeader = []string{
	"Sale Date", "Order ID", "Buyer User ID", "Full Name", "First Name", "Last Name", "Number of Items",
	"Payment Method", "Date Shipped", "Street 1", "Street 2", "Ship City", "Ship State", "Ship Zipcode",
	"Ship Country", "Currency", "Order Value", "Coupon Code", "Coupon Details", "Discount Amount",
	"Shipping Discount", "Shipping", "Sales Tax", "Order Total", "Status", "Card Processing Fees", "Order Net",
	"Adjusted Order Total", "Adjusted Card Processing Fees", "Adjusted Net Order Amount", "Buyer", "Order Type",
	"Payment Type", "InPerson Discount", "InPerson Location", "SKU",
}

// etsyItemsHeader is EtsySoldOrderItems: one row per line item (Etsy calls
// it a transaction).
var etsyItemsHeader = []string{
	"Sale Date", "Item Name", "Buyer", "Quantity", "Price", "Coupon Code", "Coupon Details", "Discount Amount",
	"Shipping Discount", "Order Shipping", "Order Sales Tax", "Item Total", "Currency", "Transaction ID",
	"Listing ID", "Date Paid", "Date Shipped", "Ship Name", "Ship Address1", "Ship Address2", "Ship City",
	"Ship State", "Ship Zipcode", "Ship Country", "Order ID", "Variations", "Order Type", "Listings Type",
	"Payment Type", "InPerson Discount", "InPerson Location", "VAT Paid by Buyer", "SKU",
}

// Etsy Payments' processing fee for a shop in the euro area (Etsy's "Fees &
// Payments Policy", Etsy Payments table: 4% + EUR 0.30 per order).
const (
	etsyFeeBasisPoints = 400
	etsyFeeFixedCents  = 30
)

func init() {
	register(Shape{
		Platform: "Etsy", Export: "Orders (EtsySoldOrders)", File: "EtsySoldOrders2025.csv",
		Doc:  "help.etsy.com: Shop Manager > Settings > Options > Download Data, CSV type Orders; columns as public parsers of EtsySoldOrders*.csv read them; one row per order",
		Kind: Orders, Identity: ByCustomerID, Currency: "EUR", Amount: Total,
		// A partial refund leaves the order total as it was and lowers
		// the "Adjusted Order Total" (Etsy's help, Etsy Payments Sales
		// CSV: the adjusted amounts are the order's "after any refund
		// issued"); the download has no refund date, so the refund is
		// dated at its order.
		Refunds: true,
		Write:   writeEtsyOrders,
	}, Shape{
		Platform: "Etsy", Export: "Order Items (EtsySoldOrderItems)", File: "EtsySoldOrderItems2025.csv",
		Doc:  "help.etsy.com: Shop Manager > Settings > Options > Download Data, CSV type Order Items; columns as public parsers of EtsySoldOrderItems*.csv read them; one row per item",
		Kind: Orders, Identity: ByCustomerID, Currency: "EUR", Amount: Gross,
		// The items download lists what was sold and paid for: an order
		// cancelled before payment is not in it. It has no status or
		// refund column, so an order refunded later is still a sale here.
		Counts: func(o Order) bool { return o.Status != Cancelled },
		Write:  writeEtsyItems,
	})
}

// etsyDate writes t as Etsy's downloads do: MM/DD/YY in the shop's zone.
func etsyDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(copenhagen).Format("01/02/06")
}

// etsyReceipt is the receipt (order) number Etsy gives order o.
func etsyReceipt(o Order) string { return fmt.Sprint(3100000000 + int64(o.Number)*7919) }

// etsyUserID is the numeric Etsy user id of o's customer.
func etsyUserID(o Order) string { return fmt.Sprint(480000000 + int64(o.CustomerID)*104729) }

// etsyPayment is the payment method and type Etsy records for o.
func etsyPayment(o Order) (method, typ string) {
	switch o.Payment {
	case "PayPal":
		return "PayPal", "paypal"
	case "Klarna":
		return "Klarna", "online_cc"
	case "MobilePay":
		return "Apple Pay", "online_cc"
	}
	return "Credit Card", "online_cc"
}

// etsyStatus is the receipt's status in the words of Etsy's receipt
// statuses (Open API ShopReceipt.status: completed, canceled, fully
// refunded, partially refunded), capitalised as the download shows them.
func etsyStatus(s Status) string {
	switch s {
	case PartiallyRefunded:
		return "Partially Refunded"
	case Refunded:
		return "Fully Refunded"
	case Cancelled:
		return "Canceled"
	}
	return "Completed"
}

// etsyFee is Etsy Payments' processing fee on cents.
func etsyFee(cents int64) int64 {
	if cents <= 0 {
		return 0
	}
	return percentOf(cents, etsyFeeBasisPoints) + etsyFeeFixedCents
}

// writeEtsyOrders writes EtsySoldOrders: one row per order with the buyer's
// Etsy user id and username, the ship-to address, the order value (items
// before discount), discount, shipping, sales tax (0: the shop's prices
// include VAT), the order total, the status, Etsy's processing fee and the
// net. A refunded order keeps its order total; the "Adjusted" columns give
// the total, fee and net after the refund and are empty for an order
// without one. SKU lists the order's SKUs, comma-separated.
func writeEtsyOrders(orders []Order) []byte {
	col := columnIndex(etsyOrdersHeader)
	recs := [][]string{etsyOrdersHeader}
	for _, o := range orders {
		rec := make([]string, len(etsyOrdersHeader))
		set := func(h, v string) { rec[col[h]] = v }
		method, typ := etsyPayment(o)
		var skus []string
		for _, l := range o.Lines {
			skus = append(skus, l.SKU)
		}
		fee := etsyFee(o.Total())
		if o.Status == Cancelled {
			fee = 0
		}
		set("Sale Date", etsyDate(o.Created))
		set("Order ID", etsyReceipt(o))
		set("Buyer User ID", etsyUserID(o))
		set("Full Name", o.Name())
		set("First Name", o.FirstName)
		set("Last Name", o.LastName)
		set("Number of Items", fmt.Sprint(orderQuantity(o)))
		set("Payment Method", method)
		set("Date Shipped", etsyDate(o.Shipped))
		set("Street 1", o.Street)
		set("Ship City", o.City)
		set("Ship Zipcode", o.Zip)
		set("Ship Country", countryName(o.Country))
		set("Currency", o.Currency)
		set("Order Value", money(o.Subtotal(), '.', 0))
		if o.Discount > 0 {
			set("Coupon Code", "WELCOME10")
			set("Coupon Details", "% off - 10%")
		}
		set("Discount Amount", money(o.Discount, '.', 0))
		set("Shipping Discount", "0.00")
		set("Shipping", money(o.Shipping, '.', 0))
		set("Sales Tax", "0.00")
		set("Order Total", money(o.Total(), '.', 0))
		set("Status", etsyStatus(o.Status))
		set("Card Processing Fees", money(fee, '.', 0))
		set("Order Net", money(o.Total()-fee, '.', 0))
		if o.Refund > 0 || o.Status == Cancelled {
			adj := o.Total() - o.Refund
			if o.Status == Cancelled {
				adj = 0
			}
			adjFee := etsyFee(adj)
			set("Adjusted Order Total", money(adj, '.', 0))
			set("Adjusted Card Processing Fees", money(adjFee, '.', 0))
			set("Adjusted Net Order Amount", money(adj-adjFee, '.', 0))
		}
		set("Buyer", buyerUsername(o))
		set("Order Type", "online")
		set("Payment Type", typ)
		set("SKU", strings.Join(skus, ","))
		recs = append(recs, rec)
	}
	return writeCSV(recs, ',', false, false)
}

// writeEtsyItems writes EtsySoldOrderItems: one row per line item of every
// paid order, with the buyer's username, quantity, unit price and item
// total (quantity x price, before the order's discount). The order's
// coupon, discount, shipping and sales tax are on its first item's row and
// 0 on the others; ship-to, dates and the order id repeat on every row.
// There is no order total and no status.
func writeEtsyItems(orders []Order) []byte {
	col := columnIndex(etsyItemsHeader)
	recs := [][]string{etsyItemsHeader}
	for _, o := range orders {
		if o.Status == Cancelled {
			continue
		}
		_, typ := etsyPayment(o)
		for j, l := range o.Lines {
			rec := make([]string, len(etsyItemsHeader))
			set := func(h, v string) { rec[col[h]] = v }
			set("Sale Date", etsyDate(o.Created))
			set("Item Name", l.Product)
			set("Buyer", buyerUsername(o))
			set("Quantity", fmt.Sprint(l.Quantity))
			set("Price", money(l.UnitPrice, '.', 0))
			discount, shipping := int64(0), int64(0)
			if j == 0 {
				discount, shipping = o.Discount, o.Shipping
				if o.Discount > 0 {
					set("Coupon Code", "WELCOME10")
					set("Coupon Details", "% off - 10%")
				}
			}
			set("Discount Amount", money(discount, '.', 0))
			set("Shipping Discount", "0.00")
			set("Order Shipping", money(shipping, '.', 0))
			set("Order Sales Tax", "0.00")
			set("Item Total", money(int64(l.Quantity)*l.UnitPrice, '.', 0))
			set("Currency", o.Currency)
			set("Transaction ID", fmt.Sprint(4200000000+int64(o.Number)*31+int64(j)))
			set("Listing ID", fmt.Sprint(1500000000+int64(len(l.Product))*1009+int64(l.UnitPrice)))
			set("Date Paid", etsyDate(o.Paid))
			set("Date Shipped", etsyDate(o.Shipped))
			set("Ship Name", o.Name())
			set("Ship Address1", o.Street)
			set("Ship City", o.City)
			set("Ship Zipcode", o.Zip)
			set("Ship Country", countryName(o.Country))
			set("Order ID", etsyReceipt(o))
			set("Order Type", "online")
			set("Listings Type", "listing")
			set("Payment Type", typ)
			set("SKU", l.SKU)
			recs = append(recs, rec)
		}
	}
	return writeCSV(recs, ',', false, false)
}
