package shapes

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Shopify's other exports: the customers, products, inventory and payouts
// files a shop makes from the same admin as its orders export. None of
// them holds orders; each is a trap that an orders reader must refuse.

func init() {
	register(
		Shape{
			Platform: "Shopify", Export: "Customers export", File: "customers_export.csv",
			Doc:   "help.shopify.com: Customers > Importing and exporting customers > Customer CSV file format",
			Kind:  Customers,
			Write: writeShopifyCustomers,
		},
		Shape{
			Platform: "Shopify", Export: "Products export", File: "products_export_1.csv",
			Doc:   "help.shopify.com: Products > Importing and exporting products > Product CSV file format",
			Kind:  Products,
			Write: writeShopifyProducts,
		},
		Shape{
			Platform: "Shopify", Export: "Inventory export", File: "inventory_export_1.csv",
			Doc:   "help.shopify.com: Products > Inventory > Exporting or importing inventory with a CSV file (All quantity types)",
			Kind:  Inventory,
			Write: writeShopifyInventory,
		},
		Shape{
			Platform: "Shopify", Export: "Payouts export", File: "payouts.csv",
			Doc:   "help.shopify.com: Shopify Payments > Viewing and exporting your payout details (Export payouts)",
			Kind:  Payouts,
			Write: writeShopifyPayouts,
		},
	)
}

// shopifyCustomersHeader is the customer CSV's header as Shopify's help
// centre lists it (since 2023 the file opens with the customer's id).
var shopifyCustomersHeader = []string{
	"Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing", "Default Address Company",
	"Default Address Address1", "Default Address Address2", "Default Address City", "Default Address Province Code",
	"Default Address Country Code", "Default Address Zip", "Default Address Phone", "Phone", "Accepts SMS Marketing",
	"Total Spent", "Total Orders", "Note", "Tax Exempt", "Tags",
}

// customerSummary is one customer of the source orders, as a customers
// export sums them up.
type customerSummary struct {
	first     Order // the customer's first order: name, address, e-mail
	spent     int64 // paid totals less refunds, in cents
	orders    int   // orders not cancelled
	firstSeen time.Time
	lastSeen  time.Time
}

// customers sums the source orders up per customer number, in the order
// the customers first ordered.
func customers(orders []Order) []*customerSummary {
	by := map[int]*customerSummary{}
	var out []*customerSummary
	for _, o := range orders {
		c := by[o.CustomerID]
		if c == nil {
			c = &customerSummary{first: o, firstSeen: o.Created}
			by[o.CustomerID] = c
			out = append(out, c)
		}
		c.lastSeen = o.Created
		if o.Status == Cancelled {
			continue
		}
		c.orders++
		// A partial refund of the first line's price can exceed what a
		// discounted one-line order cost; no shop refunds more than was
		// paid.
		c.spent += o.Total() - min(o.Refund, o.Total())
	}
	return out
}

// writeShopifyCustomers writes Shopify's customers export: one row per
// customer, comma-separated UTF-8 without a byte order mark. The customer
// id carries a leading apostrophe so that spreadsheets keep all its
// digits; "Total Spent" is a plain decimal with a point; "Total Orders" a
// count. There is no order, no order date and no order number.
func writeShopifyCustomers(orders []Order) []byte {
	recs := [][]string{shopifyCustomersHeader}
	for _, c := range customers(orders) {
		o := c.first
		recs = append(recs, []string{
			fmt.Sprintf("'%d", 7100000000000+int64(o.CustomerID)*53),
			o.FirstName, o.LastName, o.Email,
			[]string{"yes", "no"}[o.CustomerID%2], "",
			o.Street, "", o.City, "", o.Country, o.Zip, o.Phone,
			o.Phone, "no",
			money(c.spent, '.', 0), fmt.Sprint(c.orders),
			"", "no", "",
		})
	}
	return writeCSV(recs, ',', false, false)
}

// shopifyProductsHeader is the product CSV's header as Shopify's help
// centre lists it.
var shopifyProductsHeader = []string{
	"Handle", "Title", "Body (HTML)", "Vendor", "Product Category", "Type", "Tags", "Published",
	"Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name", "Option3 Value",
	"Variant SKU", "Variant Grams", "Variant Inventory Tracker", "Variant Inventory Qty", "Variant Inventory Policy",
	"Variant Fulfillment Service", "Variant Price", "Variant Compare At Price", "Variant Requires Shipping",
	"Variant Taxable", "Variant Barcode", "Image Src", "Image Position", "Image Alt Text", "Gift Card",
	"SEO Title", "SEO Description", "Variant Image", "Variant Weight Unit", "Variant Tax Code", "Cost per item",
	"Status",
}

// product is one product of the source orders' lines.
type product struct {
	Line
	sold int // units sold, for stock figures
}

// products lists the products sold in the source orders, by SKU.
func products(orders []Order) []*product {
	by := map[string]*product{}
	for _, o := range orders {
		for _, l := range o.Lines {
			p := by[l.SKU+"|"+l.Product]
			if p == nil {
				p = &product{Line: l}
				by[l.SKU+"|"+l.Product] = p
			}
			p.sold += l.Quantity
		}
	}
	out := make([]*product, 0, len(by))
	for _, p := range by {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Product < out[j].Product })
	return out
}

// handle is Shopify's URL handle of a product title: lower case, words
// joined by hyphens.
func handle(title string) string {
	return strings.Join(strings.Fields(strings.ToLower(title)), "-")
}

// writeShopifyProducts writes Shopify's products export: one row per
// variant (one variant per product here, "Title" / "Default Title"),
// comma-separated UTF-8. Prices are plain decimals; there are no
// customers and no order dates.
func writeShopifyProducts(orders []Order) []byte {
	recs := [][]string{shopifyProductsHeader}
	for i, p := range products(orders) {
		h := handle(p.Product)
		recs = append(recs, []string{
			h, p.Product, "<p>" + p.Product + "</p>", "Nordic Home", "Home & Garden", p.Category, p.Category, "true",
			"Title", "Default Title", "", "", "", "",
			p.SKU, fmt.Sprint(200 + 50*(i%7)), "shopify", fmt.Sprint(40 + p.sold%60), "deny",
			"manual", money(p.UnitPrice, '.', 0), "", "true",
			"true", fmt.Sprintf("57%011d", 1000+i), "https://cdn.shopify.com/s/files/1/0000/0001/products/" + h + ".jpg", "1", p.Product, "false",
			"", "", "", "kg", "", money(p.UnitPrice*2/5, '.', 0),
			"active",
		})
	}
	return writeCSV(recs, ',', false, false)
}

// shopifyInventoryHeader is the inventory CSV's header with "All quantity
// types" chosen, as Shopify's help centre lists it.
var shopifyInventoryHeader = []string{
	"Handle", "Title", "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name",
	"Option3 Value", "SKU", "HS Code", "COO", "Location", "Incoming", "Unavailable", "Committed", "Available",
	"On hand",
}

// writeShopifyInventory writes Shopify's inventory export: one row per
// variant and location, comma-separated UTF-8, whole-number quantities.
func writeShopifyInventory(orders []Order) []byte {
	recs := [][]string{shopifyInventoryHeader}
	for i, p := range products(orders) {
		committed := i % 3
		available := 40 + p.sold%60
		recs = append(recs, []string{
			handle(p.Product), p.Product, "Title", "Default Title", "", "", "", "",
			p.SKU, "9403.60", "DK", "Nordic Home Warehouse",
			fmt.Sprint(10 * (i % 4)), "0", fmt.Sprint(committed), fmt.Sprint(available), fmt.Sprint(available + committed),
		})
	}
	return writeCSV(recs, ',', false, false)
}

// shopifyPayoutsHeader is the payouts list's export header.
var shopifyPayoutsHeader = []string{
	"Payout Date", "Status", "Charges", "Refunds", "Adjustments", "Reserved Funds", "Fees", "Retried Amount",
	"Total", "Currency",
}

// Shopify Payments' card fee as this sample charges it: a percentage of
// the charge plus a fixed part. It is an illustrative rate; a payouts
// export carries whatever the shop's plan and country charge.
const (
	payoutFeePerMille = 19 // 1.9%
	payoutFeeFixed    = 25 // cents
)

// writeShopifyPayouts writes the payouts list of Shopify Payments: one row
// per daily payout (the charges of a day, paid out two days later),
// newest first, comma-separated UTF-8. Dates are "2006-01-02"; money is a
// plain decimal, refunds and fees negative. There are no customers and no
// orders, only sums.
func writeShopifyPayouts(orders []Order) []byte {
	type payout struct {
		day                    time.Time
		charges, refunds, fees int64
	}
	var days []*payout
	by := map[string]*payout{}
	for _, o := range orders {
		if o.Status == Cancelled {
			continue
		}
		local := o.Paid.In(copenhagen)
		key := local.Format("2006-01-02")
		p := by[key]
		if p == nil {
			p = &payout{day: time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, copenhagen)}
			by[key] = p
			days = append(days, p)
		}
		p.charges += o.Total()
		p.refunds -= o.Refund
		p.fees -= (o.Total()*payoutFeePerMille+500)/1000 + payoutFeeFixed
	}
	recs := [][]string{shopifyPayoutsHeader}
	for i := len(days) - 1; i >= 0; i-- {
		p := days[i]
		total := p.charges + p.refunds + p.fees
		recs = append(recs, []string{
			p.day.AddDate(0, 0, 2).Format("2006-01-02"), "paid",
			money(p.charges, '.', 0), money(p.refunds, '.', 0), "0.00", "0.00", money(p.fees, '.', 0), "0.00",
			money(total, '.', 0), "EUR",
		})
	}
	return writeCSV(recs, ',', false, false)
}
