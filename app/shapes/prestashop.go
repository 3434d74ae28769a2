package shapes

import (
	"fmt"
	"strings"
)

func init() {
	register(Shape{
		Platform: "PrestaShop", Export: "Orders export", File: "order_2025-10-31_210412.csv",
		Doc: "PrestaShop/PrestaShop 1.7.7-8.x: OrderController::exportAction (headers ID, Reference, New client, " +
			"Delivery, Customer, Total, Payment, Status, Date; file order_<Y-m-d_His>.csv) and CsvResponse (\";\"); " +
			"the order grid's query (customer as first initial and last name); Sell > Orders > Export",
		Kind: Orders,
		// The export names the customer as the order list shows it, the
		// first name's initial and the last name ("A. Berg"), next to the
		// delivery country: no id, no e-mail, no address. That does not
		// tell customers apart (the sample store's 1,882 customers come to
		// 255 such names). The reader must say it cannot tell customers
		// apart.
		Identity: NoIdentity, Amount: Total,
		Write: writePrestaShop,
	})
}

var prestaShopHeader = []string{"ID", "Reference", "New client", "Delivery", "Customer", "Total", "Payment", "Status", "Date"}

// prestaShopStatus is the order state's name in the default English
// installation.
func prestaShopStatus(s Status) string {
	switch s {
	case Refunded:
		return "Refunded"
	case Cancelled:
		return "Canceled"
	}
	return "Delivered"
}

func prestaShopPayment(p string) string {
	switch p {
	case "Credit Card":
		return "Payments by card"
	case "Klarna":
		return "Klarna Payments"
	}
	return p
}

// reference is PrestaShop's order reference: nine upper-case letters.
func reference(n int) string {
	var b strings.Builder
	x := uint32(n)*2654435761 + 12345
	for i := 0; i < 9; i++ {
		b.WriteByte(byte('A' + x%26))
		x = x/26 + uint32(i+1)*7919*uint32(n)
	}
	return b.String()
}

// writePrestaShop writes Sell > Orders > Export: one row per order, newest
// first as the order list sorts, ";" between fields, quoted as PHP's
// fputcsv quotes, UTF-8 without a byte order mark. "New client" is 1 on a
// customer's first order, else 0; "Total" is the total paid with tax,
// formatted in the back office's locale with the currency sign
// ("€1,234.56"); "Date" is the order's date_add as MySQL stores it, in the
// shop's time zone: "2006-01-02 15:04:05".
func writePrestaShop(orders []Order) []byte {
	first := map[int]int{}
	for _, o := range orders {
		if _, ok := first[o.CustomerID]; !ok {
			first[o.CustomerID] = o.Number
		}
	}
	recs := [][]string{prestaShopHeader}
	for i := len(orders) - 1; i >= 0; i-- {
		o := orders[i]
		isNew := "0"
		if first[o.CustomerID] == o.Number {
			isNew = "1"
		}
		recs = append(recs, []string{
			fmt.Sprint(o.Seq + 1), reference(o.Number), isNew, countryNames[o.Country],
			o.FirstName[:1] + ". " + o.LastName,
			"€" + money(o.Total(), '.', ','), prestaShopPayment(o.Payment), prestaShopStatus(o.Status),
			o.Created.In(copenhagen).Format("2006-01-02 15:04:05"),
		})
	}
	return writePHPCSV(recs, ';', "\n", false)
}
