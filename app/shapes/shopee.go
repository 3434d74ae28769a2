package shapes

import (
	"strings"
	"time"
)

// shopeeOrdersHeader is Shopee Philippines' order export (Seller Centre >
// My Orders > Export), its columns in the order of the workbook Shopee
// writes, as public code that parses the Philippine export reads them.
// Amounts are in PHP, named so in the headers that carry "(PHP)". Several
// headers mention the buyer: "Username (Buyer)" is the buyer; "Products'
// Price Paid by Buyer (PHP)" and "Buyer Paid Shipping Fee" are money and
// "Remark from buyer" a note. "Estimated Ship Out Date" and "Ship Time"
// come before "Order Creation Date".
var shopeeOrdersHeader = []string{
	"Order ID", "Order Status", "Cancel reason", "Return / Refund Status", "Tracking Number*", "Shipping Option",
	"Shipment Method", "Estimated Ship Out Date", "Ship Time", "Order Creation Date", "Order Paid Time",
	"Parent SKU Reference No.", "Product Name", "SKU Reference No.", "Variation Name", "Original Price",
	"Deal Price", "Quantity", "Returned quantity", "Product Subtotal", "Total Discount(PHP)",
	"Price Discount(from Seller)(PHP)", "Shopee Rebate(PHP)", "SKU Total Weight", "Number of Items in Order",
	"Order Total Weight", "Seller Voucher(PHP)", "Seller Absorbed Coin Cashback", "Shopee Voucher(PHP)",
	"Bundle Deals Indicator(Y/N)", "Shopee Bundle Discount(PHP)", "Seller Bundle Discount(PHP)",
	"Shopee Coins Offset(PHP)", "Credit Card Discount Total(PHP)", "Products' Price Paid by Buyer (PHP)",
	"Buyer Paid Shipping Fee", "Shipping Rebate Estimate", "Reverse Shipping Fee", "Service Fee", "Grand Total",
	"Estimated Shipping Fee", "Username (Buyer)", "Receiver Name", "Phone Number", "Delivery Address", "Town",
	"District", "Province", "Region", "Country", "Zip Code", "Remark from buyer", "Order Complete Time", "Note",
}

// shopeeDaysToShip is the shop's "days to ship" (a listing setting on
// Shopee, from which the Estimated Ship Out Date follows);
// shopeeDaysComplete is how long its parcels take from shipping to the
// buyer's confirmation that completes the order.
const (
	shopeeDaysToShip   = 2
	shopeeDaysComplete = 3
)

func init() {
	register(Shape{
		Platform: "Shopee", Export: "My Orders export (Philippines)", File: "Order.all.20240301_20251031.xlsx",
		Doc:  "Shopee PH Seller Centre > My Orders > Export (.xlsx); columns as public parsers of the export read them; one row per product, order columns repeated",
		Kind: Orders, Identity: ByCustomerID, Currency: "PHP", Amount: Total,
		// A refund is recorded by the units returned: an order whose
		// every unit came back was refunded in full and is no order (a
		// partial refund of an order of one unit returns that unit); an
		// order of which some units came back counts, and the returned
		// units' value is its refund.
		Counts: func(o Order) bool {
			return o.Status == Paid || o.Status == PartiallyRefunded && orderQuantity(o) > 1
		},
		Write:   writeShopeeOrders,
		Refunds: true,
	})
}

// shopeeTime writes t as the export does: "2006-01-02 15:04" in Manila.
func shopeeTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(manila).Format("2006-01-02 15:04")
}

// shopeeOrderSN is Shopee's order number: the order date (YYMMDD) and
// eight letters and digits.
func shopeeOrderSN(o Order) string {
	return o.Created.In(manila).Format("060102") + stableID(uint64(o.Number), 8, alnumUpper)
}

// shopeePeso is cents as a workbook number in pesos (the source's amounts
// are written as the same numbers in PHP).
func shopeePeso(cents int64) xlsxCell { return float64(cents) / 100 }

// writeShopeeOrders writes the export workbook: one row per product line;
// the order's status, dates, vouchers, totals, buyer and address repeat on
// each of its rows. Dates are text ("2006-01-02 15:04", Manila time),
// amounts numbers. The shop's 10% code is a seller voucher. Grand Total is
// what the buyer paid: products after vouchers plus shipping. A refund is
// recorded in "Return / Refund Status" and "Returned quantity" while the
// order stays "Completed"; an order never paid is "Cancelled".
func writeShopeeOrders(orders []Order) []byte {
	col := columnIndex(shopeeOrdersHeader)
	var rows [][]xlsxCell
	for _, o := range orders {
		status, refund := "Completed", ""
		switch o.Status {
		case Cancelled:
			status = "Cancelled"
		case Refunded, PartiallyRefunded:
			refund = "Refund Accepted"
		}
		address := strings.Join([]string{o.Street, o.City, o.Zip, countryName(o.Country)}, ", ")
		for j, l := range o.Lines {
			row := make([]xlsxCell, len(shopeeOrdersHeader))
			set := func(h string, v xlsxCell) { row[col[h]] = v }
			returned := 0
			switch {
			case o.Status == Refunded:
				returned = l.Quantity
			case o.Status == PartiallyRefunded && j == 0:
				returned = 1
			}
			set("Order ID", shopeeOrderSN(o))
			set("Order Status", status)
			if o.Status == Cancelled {
				set("Cancel reason", "Canceled automatically by system. Reason: Order Unpaid")
			} else {
				set("Tracking Number*", "PH"+stableID(uint64(o.Number), 12, alnumUpper))
				set("Estimated Ship Out Date", shopeeTime(o.Created.AddDate(0, 0, shopeeDaysToShip)))
			}
			set("Return / Refund Status", refund)
			set("Shipping Option", "Standard Local")
			set("Shipment Method", "Standard Local")
			set("Ship Time", shopeeTime(o.Shipped))
			set("Order Creation Date", shopeeTime(o.Created))
			set("Order Paid Time", shopeeTime(o.Paid))
			set("Parent SKU Reference No.", l.SKU)
			set("Product Name", l.Product)
			set("SKU Reference No.", l.SKU)
			set("Original Price", shopeePeso(l.UnitPrice))
			set("Deal Price", shopeePeso(l.UnitPrice))
			set("Quantity", l.Quantity)
			set("Returned quantity", returned)
			set("Product Subtotal", shopeePeso(int64(l.Quantity)*l.UnitPrice))
			set("Total Discount(PHP)", shopeePeso(o.Discount))
			set("Price Discount(from Seller)(PHP)", shopeePeso(0))
			set("Shopee Rebate(PHP)", shopeePeso(0))
			set("Number of Items in Order", orderQuantity(o))
			set("Seller Voucher(PHP)", shopeePeso(o.Discount))
			set("Seller Absorbed Coin Cashback", shopeePeso(0))
			set("Shopee Voucher(PHP)", shopeePeso(0))
			set("Bundle Deals Indicator(Y/N)", "N")
			set("Shopee Bundle Discount(PHP)", shopeePeso(0))
			set("Seller Bundle Discount(PHP)", shopeePeso(0))
			set("Shopee Coins Offset(PHP)", shopeePeso(0))
			set("Credit Card Discount Total(PHP)", shopeePeso(0))
			set("Products' Price Paid by Buyer (PHP)", shopeePeso(o.Subtotal()-o.Discount))
			set("Buyer Paid Shipping Fee", shopeePeso(o.Shipping))
			set("Shipping Rebate Estimate", shopeePeso(0))
			set("Reverse Shipping Fee", shopeePeso(0))
			set("Service Fee", shopeePeso(0))
			set("Grand Total", shopeePeso(o.Total()))
			set("Estimated Shipping Fee", shopeePeso(o.Shipping))
			set("Username (Buyer)", buyerUsername(o))
			set("Receiver Name", o.Name())
			set("Phone Number", o.Phone)
			set("Delivery Address", address)
			set("Town", o.City)
			set("Country", countryName(o.Country))
			set("Zip Code", o.Zip)
			if !o.Shipped.IsZero() {
				set("Order Complete Time", shopeeTime(o.Shipped.AddDate(0, 0, shopeeDaysComplete)))
			}
			rows = append(rows, row)
		}
	}
	return writeWorkbook("orders", shopeeOrdersHeader, rows)
}
