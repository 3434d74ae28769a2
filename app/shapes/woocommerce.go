package shapes

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// WooCommerce core has no orders file beyond its Analytics report
// (woocommerce_analytics.go); shops export orders with a plugin.
// The most used one is AlgolPlus' "Advanced Order Export For WooCommerce"
// (woo-order-export-lite on wordpress.org), whose shapes are written here
// from its source: the fields it ticks by default, its default format
// (XLS, written as .xlsx) and options, and its CSV options for the
// German shop.

func init() {
	register(
		Shape{
			Platform: "WooCommerce", Export: "Orders export", File: "orders-2025-10-31-21-04-12.xlsx",
			Doc: "wordpress.org plugin woo-order-export-lite (Advanced Order Export For WooCommerce): default fields " +
				"(WC_Order_Export_Data_Extractor_UI::get_order_fields, checked => 1), default format XLS, " +
				"products as rows, \"Populate other columns if products exported as rows\" on, sorted by order id DESC",
			Kind: Orders, Identity: ByEmail, Amount: Total,
			// "Order Refund Amount" is what went back on a partially
			// refunded order.
			Refunds: true,
			Write:   writeWooOrders,
		},
		Shape{
			Platform: "WooCommerce", Export: "Orders export (German shop, CSV)", File: "bestellungen-2025-10-31.csv",
			Doc: "wordpress.org plugin woo-order-export-lite, German labels, CSV with the plugin's options " +
				"delimiter \";\", \"Output UTF-8 BOM\", date format d.m.Y H:i, \"Format numbers\" with the shop's " +
				"German separators (1.234,56) and the euro sign",
			Kind: Orders, Identity: ByEmail, Currency: "EUR", Amount: Total,
			// "Erstatteter Betrag" is what went back on a partially
			// refunded order.
			Refunds: true,
			Write:   writeWooGerman,
		},
	)
}

// wooFields are the plugin's default order fields, in its order; the
// product fields (Item # to Item Cost) and the coupon fields (Coupon Code
// to Discount Amount Tax) stand where the plugin's "Products" and
// "Coupons" groups stand, one product per row.
var wooFields = []string{
	"Order Number", "Order Status", "Order Date", "Customer Note",
	"First Name (Billing)", "Last Name (Billing)", "Company (Billing)", "Address 1&2 (Billing)", "City (Billing)",
	"State Code (Billing)", "Postcode (Billing)", "Country Code (Billing)", "Email (Billing)", "Phone (Billing)",
	"First Name (Shipping)", "Last Name (Shipping)", "Address 1&2 (Shipping)", "City (Shipping)",
	"State Code (Shipping)", "Postcode (Shipping)", "Country Code (Shipping)",
	"Item #", "SKU", "Item Name", "Quantity", "Item Cost",
	"Coupon Code", "Discount Amount", "Discount Amount Tax",
	"Shipping Method Title", "Payment Method Title", "Cart Discount Amount", "Order Subtotal Amount",
	"Order Shipping Amount", "Order Refund Amount", "Order Total Amount", "Order Total Tax Amount",
}

// wooGerman are German labels of wooFields, as a German shop names the
// columns in the plugin's field list (every label there can be renamed).
// They are ours: the plugin's published de_DE translation was not at hand
// to copy its wording.
var wooGerman = map[string]string{
	"Order Number": "Bestellnummer", "Order Status": "Bestellstatus", "Order Date": "Bestelldatum",
	"Customer Note":        "Kundenhinweis",
	"First Name (Billing)": "Vorname (Rechnung)", "Last Name (Billing)": "Nachname (Rechnung)",
	"Company (Billing)": "Firma (Rechnung)", "Address 1&2 (Billing)": "Adresse 1&2 (Rechnung)",
	"City (Billing)": "Stadt (Rechnung)", "State Code (Billing)": "Bundesland (Rechnung)",
	"Postcode (Billing)": "Postleitzahl (Rechnung)", "Country Code (Billing)": "Ländercode (Rechnung)",
	"Email (Billing)": "E-Mail (Rechnung)", "Phone (Billing)": "Telefon (Rechnung)",
	"First Name (Shipping)": "Vorname (Lieferung)", "Last Name (Shipping)": "Nachname (Lieferung)",
	"Address 1&2 (Shipping)": "Adresse 1&2 (Lieferung)", "City (Shipping)": "Stadt (Lieferung)",
	"State Code (Shipping)": "Bundesland (Lieferung)", "Postcode (Shipping)": "Postleitzahl (Lieferung)",
	"Country Code (Shipping)": "Ländercode (Lieferung)",
	"Item #":                  "Pos.", "SKU": "Artikelnummer", "Item Name": "Artikelname", "Quantity": "Menge",
	"Item Cost":   "Einzelpreis",
	"Coupon Code": "Gutscheincode", "Discount Amount": "Rabattbetrag", "Discount Amount Tax": "MwSt. auf Rabatt",
	"Shipping Method Title": "Versandart", "Payment Method Title": "Zahlungsart",
	"Cart Discount Amount": "Warenkorbrabatt", "Order Subtotal Amount": "Zwischensumme",
	"Order Shipping Amount": "Versandkosten", "Order Refund Amount": "Erstatteter Betrag",
	"Order Total Amount": "Gesamtbetrag", "Order Total Tax Amount": "MwSt. gesamt",
}

// net is an amount without its 25% VAT: WooCommerce keeps prices, shipping
// and discounts without tax (and the tax apart) even when the shop enters
// them with tax.
//
//	net(c) = round(c / 1.25) = round(4c / 5)
func net(cents int64) int64 { return (cents*4 + 2) / 5 }

// wooRow is one product row of an order in the plugin's terms: the values
// of wooFields, money in cents and the date as a time.
type wooRow struct {
	text  map[string]string
	money map[string]int64
	date  time.Time
}

// wooRows lays the orders out as the plugin does: newest order first, one
// row per product; with "Populate other columns" on, the order's fields
// repeat on every product row, while the coupon fields stay on its first
// row only (the plugin treats them as a second repeating group).
func wooRows(orders []Order, status func(Status) string, payment func(string) string, shipping func(Order) string) []wooRow {
	var rows []wooRow
	for i := len(orders) - 1; i >= 0; i-- {
		o := orders[i]
		for j, l := range o.Lines {
			r := wooRow{text: map[string]string{}, money: map[string]int64{}, date: o.Created}
			r.text["Order Number"] = fmt.Sprint(o.Number)
			r.text["Order Status"] = status(o.Status)
			r.text["First Name (Billing)"], r.text["Last Name (Billing)"] = o.FirstName, o.LastName
			r.text["Address 1&2 (Billing)"], r.text["City (Billing)"] = o.Street, o.City
			r.text["Postcode (Billing)"], r.text["Country Code (Billing)"] = o.Zip, o.Country
			r.text["Email (Billing)"], r.text["Phone (Billing)"] = o.Email, o.Phone
			r.text["First Name (Shipping)"], r.text["Last Name (Shipping)"] = o.FirstName, o.LastName
			r.text["Address 1&2 (Shipping)"], r.text["City (Shipping)"] = o.Street, o.City
			r.text["Postcode (Shipping)"], r.text["Country Code (Shipping)"] = o.Zip, o.Country
			r.text["Item #"] = fmt.Sprint(j + 1)
			r.text["SKU"], r.text["Item Name"], r.text["Quantity"] = l.SKU, l.Product, fmt.Sprint(l.Quantity)
			r.money["Item Cost"] = net(l.UnitPrice)
			if j == 0 && o.Discount > 0 {
				r.text["Coupon Code"] = "welcome10"
				r.money["Discount Amount"] = net(o.Discount)
				r.money["Discount Amount Tax"] = o.Discount - net(o.Discount)
			}
			r.text["Shipping Method Title"] = shipping(o)
			r.text["Payment Method Title"] = payment(o.Payment)
			r.money["Cart Discount Amount"] = net(o.Discount)
			r.money["Order Subtotal Amount"] = net(o.Subtotal())
			r.money["Order Shipping Amount"] = net(o.Shipping)
			r.money["Order Refund Amount"] = o.Refund
			r.money["Order Total Amount"] = o.Total()
			r.money["Order Total Tax Amount"] = o.Tax
			rows = append(rows, r)
		}
	}
	return rows
}

// wooStatus is WooCommerce's order status name (wc_get_order_status_name).
// A partial refund leaves an order "Completed".
func wooStatus(s Status) string {
	switch s {
	case Refunded:
		return "Refunded"
	case Cancelled:
		return "Cancelled"
	}
	return "Completed"
}

func wooShipping(o Order) string {
	if o.Shipping == 0 {
		return "Free shipping"
	}
	return "Flat rate"
}

// excelEpoch is day 0 of Excel's 1900 date system as Excel counts it
// (1899-12-30, which absorbs Excel's phantom 1900-02-29).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelSerial is t's wall-clock time in loc as an Excel date serial: days
// since excelEpoch, the time of day as the fraction.
func excelSerial(t time.Time, loc *time.Location) float64 {
	w := t.In(loc)
	wall := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, time.UTC)
	return wall.Sub(excelEpoch).Hours() / 24
}

// writeWooOrders writes the plugin's default export: an .xlsx workbook
// with one sheet "Orders", the column titles on the first row, one row per
// product. As the plugin's XLS formatter does, "Order Date" is an Excel
// date shown as "yyyy-mm-dd hh:mm" (the plugin's default date and time
// formats Y-m-d and H:i), money columns are numbers shown "0.00", and
// "Item #" and "Quantity" are numbers. "Order Total Amount" is the order's
// total with VAT and shipping, repeated on each of its product rows;
// "Order Refund Amount" is what was refunded of it.
func writeWooOrders(orders []Order) []byte {
	rows := wooRows(orders, wooStatus, func(p string) string { return p }, wooShipping)
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Orders"
	f.SetSheetName("Sheet1", sheet)
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		panic(err)
	}
	dateFmt := "yyyy-mm-dd hh:mm"
	dateStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	moneyStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	header := make([]any, len(wooFields))
	for i, h := range wooFields {
		header[i] = h
	}
	sw.SetRow("A1", header)
	for n, r := range rows {
		cells := make([]any, len(wooFields))
		for i, h := range wooFields {
			switch {
			case h == "Order Date":
				cells[i] = excelize.Cell{StyleID: dateStyle, Value: excelSerial(r.date, copenhagen)}
			case h == "Item #" || h == "Quantity":
				var v int
				fmt.Sscan(r.text[h], &v)
				cells[i] = v
			default:
				if c, ok := r.money[h]; ok {
					cells[i] = excelize.Cell{StyleID: moneyStyle, Value: float64(c) / 100}
				} else {
					cells[i] = r.text[h]
				}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		sw.SetRow(cell, cells)
	}
	if err := sw.Flush(); err != nil {
		panic(err)
	}
	b, err := f.WriteToBuffer()
	if err != nil {
		panic(err)
	}
	return b.Bytes()
}

// berlin is the German shop's time zone.
var berlin = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}()

// wooStatusDE is WooCommerce's German order status name.
func wooStatusDE(s Status) string {
	switch s {
	case Refunded:
		return "Rückerstattet"
	case Cancelled:
		return "Storniert"
	}
	return "Abgeschlossen"
}

func wooPaymentDE(p string) string {
	if p == "Credit Card" {
		return "Kreditkarte"
	}
	return p
}

func wooShippingDE(o Order) string {
	if o.Shipping == 0 {
		return "Kostenloser Versand"
	}
	return "DHL Paket"
}

// euro writes cents as a German shop shows euros, with WooCommerce's
// currency position "right with space": "1.234,56 €".
func euro(cents int64) string { return money(cents, ',', '.') + " €" }

// writeWooGerman writes what a German WooCommerce shop gets from the same
// plugin with its CSV options: the German labels, ";" between fields,
// quoted as PHP's fputcsv quotes (the plugin writes with it), CRLF line
// ends (the plugin's default line break), a UTF-8 byte order
// mark so that Excel reads the umlauts, dates as "02.01.2006 15:04" in
// the shop's time zone, amounts as "1.234,56 €". One row per product as
// in writeWooOrders, newest order first.
func writeWooGerman(orders []Order) []byte {
	rows := wooRows(orders, wooStatusDE, wooPaymentDE, wooShippingDE)
	header := make([]string, len(wooFields))
	for i, h := range wooFields {
		header[i] = wooGerman[h]
	}
	recs := [][]string{header}
	for _, r := range rows {
		rec := make([]string, len(wooFields))
		for i, h := range wooFields {
			switch {
			case h == "Order Date":
				rec[i] = r.date.In(berlin).Format("02.01.2006 15:04")
			default:
				if c, ok := r.money[h]; ok {
					rec[i] = euro(c)
				} else {
					rec[i] = r.text[h]
				}
			}
		}
		recs = append(recs, rec)
	}
	return writePHPCSV(recs, ';', "\r\n", true)
}
