package ingest

import (
	"strings"

	"retention/app/columns"
)

// kindSignals are header names, folded (columns.Fold), that only one kind
// of export other than orders carries. A header counts for a kind when it
// equals one of the names or contains one of 5 letters or more.
var kindSignals = map[string][]string{
	// A customers export sums each customer's orders up.
	KindCustomers: {"totalspent", "amountspent", "totalorders", "orderscount", "numberoforders", "ordercount",
		"acceptsmarketing", "acceptsemailmarketing", "acceptssmsmarketing", "defaultaddress", "lifetimevalue",
		"customersince", "lastorderdate", "lastorder", "newslettersubscriber", "anzahlbestellungen", "gesamtumsatz",
		"antalordrer", "antallordrer", "antalordrar", "kundeseit", "kundesiden", "kundsedan", "totalgastos"},
	// A product catalogue describes what is sold.
	KindProducts: {"handle", "variantsku", "variantprice", "compareatprice", "variantcompareatprice", "barcode",
		"imagesrc", "imageurl", "images", "published", "regularprice", "saleprice", "producttype", "vendor",
		"variantgrams", "weight", "bodyhtml", "seotitle", "metatitle", "shortdescription", "ean", "gtin", "upc",
		"taxclass", "instock", "visibility", "artikelnummer", "varenummer", "artikelnr", "gewicht", "vaegt", "vekt", "vikt"},
	// A stock list counts what is on the shelf.
	KindInventory: {"onhand", "available", "committed", "incoming", "unavailable", "stock", "stocklevel", "inventory",
		"inventoryquantity", "reorder", "lagerbestand", "bestand", "lager", "lagerbeholdning", "lagersaldo", "beholdning",
		"imbentaryo"},
	// A payouts summary says what the platform paid the shop.
	KindPayouts: {"payout", "payoutdate", "payoutid", "settlement", "transfer", "arrival", "arrivaldate",
		"deposit", "bankaccount", "charges", "adjustments", "reservedfunds", "retriedamount", "auszahlung",
		"udbetaling", "utbetaling", "utbetalning", "netamount", "destination", "balancetransaction"},
}

// platformSignals recognise a platform by a header only its exports carry.
var platformSignals = []struct{ platform, name string }{
	{"Shopify", "acceptsemailmarketing"}, {"Shopify", "acceptsmarketing"}, {"Shopify", "lineitemname"},
	{"Shopify", "variantsku"}, {"Shopify", "variantcompareatprice"}, {"Shopify", "handle"},
	{"Shopify", "financialstatus"}, {"Shopify", "defaultaddressaddress1"},
	{"Amazon", "amazonorderid"}, {"Amazon", "asin"}, {"Amazon", "fulfillmentchannel"},
	{"Stripe", "automaticpayoutid"}, {"Stripe", "customerdescription"}, {"Stripe", "sellermessage"},
	{"Etsy", "saledate"}, {"Etsy", "listingid"},
	{"WooCommerce", "regularprice"}, {"WooCommerce", "taxclass"}, {"WooCommerce", "billingemail"}, {"WooCommerce", "nrevenueformatted"},
	{"Ecwid", "productsku"}, {"Magento", "purchasepoint"}, {"Shopware", "ordernumber"},
}

// recognise says what kind of export a header (folded by columns.Fold)
// belongs to, besides orders ("" when it may well be orders), and the
// platform it comes from ("" when unknown). It reads the header only, so
// it is cheap; it decides when a file lacks what orders need.
func recognise(folded []string) (kind, platform string) {
	for _, p := range platformSignals {
		if hasSignal(folded, []string{p.name}) > 0 {
			platform = p.platform
			break
		}
	}
	best, bestN := "", 0
	for _, k := range []string{KindCustomers, KindProducts, KindInventory, KindPayouts} {
		if n := hasSignal(folded, kindSignals[k]); n > bestN {
			best, bestN = k, n
		}
	}
	if bestN < 2 {
		return "", platform
	}
	return best, platform
}

// hasSignal counts the headers that are, or contain, one of the names.
func hasSignal(folded, names []string) int {
	n := 0
	for _, f := range folded {
		for _, s := range names {
			if f == s || len(s) >= 5 && strings.Contains(f, s) {
				n++
				break
			}
		}
	}
	return n
}

// customerList tells a customers export from an orders export that also
// has customer columns: its header (folded) sums each customer's orders up
// (total spent, orders count) and the mapping has no products. It is asked
// before anything, for a customers export has e-mails, dates and money
// like orders.
func customerList(folded []string, m columns.Mapping) bool {
	for _, r := range []columns.Role{columns.Product, columns.Quantity, columns.UnitPrice} {
		if _, ok := m.Column(r); ok {
			return false
		}
	}
	return hasSignal(folded, kindSignals[KindCustomers]) >= 2
}
