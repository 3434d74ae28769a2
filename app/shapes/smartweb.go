package shapes

import (
	"fmt"
	"time"
)

// smartwebOrdersHeader is the order export of the Danish webshop platform
// SmartWeb (HostedShop, now DanDomain Webshop): Moduler > Eksport >
// Ordrer. Its help page ("5.4.5. Ordrer") lists the export's data names,
// which are the file's headers: the order, its payment and delivery, and
// each product line. The page goes on after PRODUCT_DELIVERY_ID with
// fields the copy read here does not show; the customer's are taken from
// the platform's customer data fields ("Datafelter: Kunder": USER_ID, and
// USERNAME, which is the customer's e-mail address).
var smartwebOrdersHeader = []string{
	"ORDER_ID", "ORDER_DATE", "ORDER_DATE_SEND", "ORDER_DATE_UPDATED", "ORDER_CURRENCY", "ORDER_STATUS",
	"ORDER_REFERENCE_NR", "ORDER_VAT", "ORDER_TOTAL", "ORDER_COMMENT", "ORDER_COMMENT_EXTERNAL",
	"ORDER_COMMENT_CUSTOMER", "ORDER_ORIGIN", "ORDER_SITE_ID", "ORDER_LANGUAGE_ID", "ORDER_TRACKING_CODE",
	"PAYMENT_TITLE", "PAYMENT_PRICE", "PAYMENT_TRANSACTION", "PAYMENT_CARD_TYPE", "DELIVERY_TITLE",
	"DELIVERY_PRICE", "PRODUCT_ID", "PRODUCT_NUMBER", "PRODUCT_TITLE1", "PRODUCT_TITLE2", "PRODUCT_TITLE3",
	"PRODUCT_AMOUNT", "PRODUCT_PRICE", "PRODUCT_DISCOUNT", "PRODUCT_BUY_PRICE", "PRODUCT_STOCK_STATUS",
	"PRODUCT_WEIGHT", "PRODUCT_UNIT_ID", "PRODUCT_DELIVERY_ID", "USER_ID", "USERNAME",
}

// smartwebStatus are the ids of the shop's order statuses: ORDER_STATUS is
// the status's id ("Status for ordren (ID)"), and what an id means is the
// shop's own list (Ordre modtaget, Afsendt, ...), not in the file.
var smartwebStatus = map[Status]string{Paid: "3", PartiallyRefunded: "6", Refunded: "5", Cancelled: "4"}

// smartwebVAT is the VAT rate of the delivery country (ORDER_VAT), in
// percent: Denmark, Germany, Sweden, Norway and the Philippines.
var smartwebVAT = map[string]string{"DK": "25", "DE": "19", "SE": "25", "NO": "25", "PH": "12"}

// smartwebBuyPricePercent is what the shop pays for its goods, in percent
// of the sales price (PRODUCT_BUY_PRICE).
const smartwebBuyPricePercent = 45

func init() {
	register(Shape{
		Platform: "SmartWeb (DanDomain Webshop)", Export: "Eksport > Ordrer", File: "ordrer.csv",
		Doc:  "smart-web.dk help 5.4.5 Ordrer (Moduler > Eksport); customer names from help.hostedshop.dk Datafelter: Kunder",
		Kind: Orders, Identity: ByCustomerID, Currency: "DKK", Amount: Total,
		// ORDER_STATUS is an id of the shop's own statuses and nothing in
		// the file says which id is a cancelled or refunded order: a
		// reader counts every order of the export.
		Counts: func(Order) bool { return true },
		Write:  writeSmartwebOrders,
	})
}

// smartwebTime writes t in Danish order (dd-mm-yyyy) in the shop's zone.
func smartwebTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(copenhagen).Format("02-01-2006 15:04:05")
}

// smartwebKroner writes cents with a decimal comma and a dot between
// thousands, as Danish shops write amounts.
func smartwebKroner(cents int64) string { return money(cents, ',', '.') }

// writeSmartwebOrders writes the export: semicolon-separated with every
// value in double quotes (the CSV layout DanDomain documents for its
// import/export module), CRLF line ends, one row per
// product line with the order's fields repeated. The shop sells in
// Danish kroner (the source's amounts are written as the same numbers in
// DKK). ORDER_TOTAL is what the customer paid; PRODUCT_AMOUNT is the line's
// quantity and PRODUCT_PRICE its unit price before PRODUCT_DISCOUNT (the
// order's 10% code, on its first line). Dates are dd-mm-yyyy hh:mm:ss. The
// help page does not say how dates, amounts and the encoding are written;
// those here are the Danish conventions (decimal comma, UTF-8).
func writeSmartwebOrders(orders []Order) []byte {
	col := columnIndex(smartwebOrdersHeader)
	recs := [][]string{smartwebOrdersHeader}
	for _, o := range orders {
		for j, l := range o.Lines {
			rec := make([]string, len(smartwebOrdersHeader))
			set := func(h, v string) { rec[col[h]] = v }
			set("ORDER_ID", fmt.Sprint(o.Number))
			set("ORDER_DATE", smartwebTime(o.Created))
			set("ORDER_DATE_SEND", smartwebTime(o.Shipped))
			updated := o.Shipped
			if updated.IsZero() {
				updated = o.Created
			}
			set("ORDER_DATE_UPDATED", smartwebTime(updated))
			set("ORDER_CURRENCY", "DKK")
			set("ORDER_STATUS", smartwebStatus[o.Status])
			set("ORDER_VAT", smartwebVAT[o.Country])
			set("ORDER_TOTAL", smartwebKroner(o.Total()))
			set("ORDER_ORIGIN", "webshop")
			set("ORDER_SITE_ID", "1")
			set("ORDER_LANGUAGE_ID", "DK")
			if !o.Shipped.IsZero() {
				set("ORDER_TRACKING_CODE", "57"+stableID(uint64(o.Number), 16, "0123456789"))
			}
			set("PAYMENT_TITLE", o.Payment)
			set("PAYMENT_PRICE", smartwebKroner(0))
			if o.Status != Cancelled {
				set("PAYMENT_TRANSACTION", fmt.Sprint(310000000+int64(o.Number)*7))
			}
			if o.Payment == "Credit Card" {
				set("PAYMENT_CARD_TYPE", []string{"Dankort", "VISA", "MasterCard"}[o.Number%3])
			}
			set("DELIVERY_TITLE", map[bool]string{true: "Afhentning i butik", false: "PostNord pakke"}[o.Shipping == 0])
			set("DELIVERY_PRICE", smartwebKroner(o.Shipping))
			discount := int64(0)
			if j == 0 {
				discount = o.Discount
			}
			set("PRODUCT_ID", fmt.Sprint(100+len(l.Product)*7+int(l.UnitPrice%97)))
			set("PRODUCT_NUMBER", l.SKU)
			set("PRODUCT_TITLE1", l.Product)
			set("PRODUCT_AMOUNT", fmt.Sprint(l.Quantity))
			set("PRODUCT_PRICE", smartwebKroner(l.UnitPrice))
			set("PRODUCT_DISCOUNT", smartwebKroner(discount))
			set("PRODUCT_BUY_PRICE", smartwebKroner(percentOf(l.UnitPrice, smartwebBuyPricePercent*100)))
			set("PRODUCT_STOCK_STATUS", "1-2 hverdage")
			set("PRODUCT_WEIGHT", "0")
			set("PRODUCT_UNIT_ID", "1")
			set("PRODUCT_DELIVERY_ID", "1")
			set("USER_ID", fmt.Sprint(o.CustomerID))
			set("USERNAME", o.Email)
			recs = append(recs, rec)
		}
	}
	return writeQuoted(recs, ';', true, false)
}
