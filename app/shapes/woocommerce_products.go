package shapes

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// wooProductsHeader is WooCommerce's product export (Products > Export,
// all columns, all product types): the default columns of core's
// WC_Product_CSV_Exporter::get_default_column_names, in its order, with the
// shop's units (kg, cm) in the weight and size headers, followed by the
// first attribute's four columns that the exporter appends for products
// with attributes.
var wooProductsHeader = []string{
	"ID", "Type", "SKU", "GTIN, UPC, EAN, or ISBN", "Name", "Published", "Is featured?", "Visibility in catalog",
	"Short description", "Description", "Date sale price starts", "Date sale price ends", "Tax status",
	"Tax class", "In stock?", "Stock", "Low stock amount", "Backorders allowed?", "Sold individually?",
	"Weight (kg)", "Length (cm)", "Width (cm)", "Height (cm)", "Allow customer reviews?", "Purchase note",
	"Sale price", "Regular price", "Categories", "Tags", "Shipping class", "Images", "Download limit",
	"Download expiry days", "Parent", "Grouped products", "Upsells", "Cross-sells", "External URL",
	"Button text", "Position", "Attribute 1 name", "Attribute 1 value(s)", "Attribute 1 visible",
	"Attribute 1 global",
}

// Every wooSaleEvery-th product of the catalogue is on sale, at
// wooSalePercent off, over the Black Friday week of the last year of the
// source's orders.
const (
	wooSaleEvery   = 4
	wooSalePercent = 20
)

func init() {
	register(Shape{
		Platform: "WooCommerce", Export: "Product export", File: "wc-product-export-1-11-2025-1730000000000.csv",
		Doc:   "woocommerce.com: Product CSV Importer and Exporter; core WC_Product_CSV_Exporter default columns",
		Kind:  Products,
		Write: writeWooProducts,
	})
}

// wooProduct is one product of the catalogue, as the orders sold it.
type wooProduct struct {
	name, category, sku string
	price               int64
	sold                int
	first               time.Time
}

// writeWooProducts writes the shop's catalogue as WooCommerce exports it:
// one row per product sold in the source orders, comma-separated UTF-8
// with a byte order mark (WC_CSV_Exporter writes one for Excel), prices
// plain with a point, sale dates as 2006-01-02, booleans as 1 and 0,
// categories by name. A catalogue, not orders: no customers, no order
// numbers, no order dates.
func writeWooProducts(orders []Order) []byte {
	byName := map[string]*wooProduct{}
	var names []string
	for _, o := range orders {
		for _, l := range o.Lines {
			p, ok := byName[l.Product]
			if !ok {
				p = &wooProduct{name: l.Product, category: l.Category, sku: l.SKU, price: l.UnitPrice, first: o.Created}
				byName[l.Product] = p
				names = append(names, l.Product)
			}
			p.sold += l.Quantity
		}
	}
	sort.Strings(names)
	last := orders[len(orders)-1].Created.Year()
	saleFrom := blackFriday(last)
	col := columnIndex(wooProductsHeader)
	recs := [][]string{wooProductsHeader}
	for i, n := range names {
		p := byName[n]
		rec := make([]string, len(wooProductsHeader))
		set := func(h, v string) { rec[col[h]] = v }
		slug := strings.ToLower(strings.NewReplacer(" ", "-", "(", "", ")", "").Replace(p.name))
		set("ID", fmt.Sprint(120+i*3))
		set("Type", "simple")
		set("SKU", p.sku)
		set("GTIN, UPC, EAN, or ISBN", fmt.Sprintf("57%011d", 100000+i*7919))
		set("Name", p.name)
		set("Published", "1")
		set("Is featured?", map[bool]string{true: "1", false: "0"}[i%10 == 0])
		set("Visibility in catalog", "visible")
		set("Short description", fmt.Sprintf("%s from our %s collection.", p.name, strings.ToLower(p.category)))
		set("Description", fmt.Sprintf("<p>%s, designed in Copenhagen. First sold %s.</p>", p.name, p.first.Format("January 2006")))
		if i%wooSaleEvery == 0 {
			set("Date sale price starts", saleFrom.Format("2006-01-02"))
			set("Date sale price ends", saleFrom.AddDate(0, 0, 6).Format("2006-01-02"))
			set("Sale price", money(p.price-percentOf(p.price, wooSalePercent*100), '.', 0))
		}
		set("Tax status", "taxable")
		set("In stock?", "1")
		set("Stock", fmt.Sprint(p.sold%97+3))
		set("Low stock amount", "2")
		set("Backorders allowed?", "0")
		set("Sold individually?", "0")
		set("Weight (kg)", fmt.Sprintf("%.1f", float64(p.price%50+5)/10))
		set("Allow customer reviews?", "1")
		set("Regular price", money(p.price, '.', 0))
		set("Categories", p.category)
		set("Tags", strings.ToLower(p.category)+", nordic")
		set("Images", "https://nordichome.example/wp-content/uploads/"+slug+".jpg")
		set("Position", "0")
		set("Attribute 1 name", "Material")
		set("Attribute 1 value(s)", wooMaterial(p.category))
		set("Attribute 1 visible", "1")
		set("Attribute 1 global", "1")
		recs = append(recs, rec)
	}
	return writeCSV(recs, ',', false, true)
}

// wooMaterial is the material attribute of a category's products.
func wooMaterial(category string) string {
	switch category {
	case "Textiles":
		return "Linen, Wool"
	case "Kitchen":
		return "Stoneware, Oak"
	case "Lighting":
		return "Brass, Paper"
	case "Garden":
		return "Steel, Wood"
	}
	return "Mixed"
}

// blackFriday is the day after the fourth Thursday of November of year.
func blackFriday(year int) time.Time {
	d := time.Date(year, time.November, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Thursday {
		d = d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 22)
}
