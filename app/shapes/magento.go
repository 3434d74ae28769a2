package shapes

import "fmt"

func init() {
	register(Shape{
		Platform: "Magento 2", Export: "Orders grid Export to CSV", File: "export.csv",
		Doc: "magento/magento2: Magento_Sales view/adminhtml/ui_component/sales_order_grid.xml (the columns " +
			"visible by default) and Magento\\Ui\\Model\\Export\\ConvertToCsv / MetadataProvider (dates in the " +
			"admin locale and time zone); Adobe Commerce docs: Sales > Orders > Export",
		Kind: Orders,
		// The grid's default columns name the customer only by the names
		// on the bill and on the parcel; e-mail, customer group and the
		// addresses are columns the merchant must first switch on. A name
		// is not an identity: the sample store's 1,882 customers share 381
		// names. The reader must say it cannot tell customers apart.
		Identity: NoIdentity, Amount: Total,
		Write: writeMagento,
	})
}

// magentoHeader is the orders grid's default visible columns (the
// "Action" column is not exported).
var magentoHeader = []string{
	"ID", "Purchase Point", "Purchase Date", "Bill-to Name", "Ship-to Name", "Grand Total (Base)",
	"Grand Total (Purchased)", "Status",
}

// magentoStatus is the order status label: a refund in full closes the
// order, a partial one leaves it complete.
func magentoStatus(s Status) string {
	switch s {
	case Refunded:
		return "Closed"
	case Cancelled:
		return "Canceled"
	}
	return "Complete"
}

// writeMagento writes the Sales > Orders grid's "Export to CSV": one row
// per order, newest first as the grid sorts by default, comma-separated,
// quoted as PHP's fputcsv quotes, UTF-8 without a byte order mark.
// "ID" is the increment id ("000001234"); "Purchase Point" lists website,
// store and store view on three lines; "Purchase Date" is in the admin's
// locale (en_US) and time zone: "Mar 5, 2024 2:02:11 PM"; grand totals are
// formatted prices with the currency sign: "€1,234.56".
func writeMagento(orders []Order) []byte {
	recs := [][]string{magentoHeader}
	for i := len(orders) - 1; i >= 0; i-- {
		o := orders[i]
		total := "€" + money(o.Total(), '.', ',')
		recs = append(recs, []string{
			fmt.Sprintf("%09d", o.Number),
			"Main Website\nMain Website Store\nDefault Store View",
			o.Created.In(copenhagen).Format("Jan 2, 2006 3:04:05 PM"),
			o.Name(), o.Name(), total, total, magentoStatus(o.Status),
		})
	}
	return writePHPCSV(recs, ',', "\n", false)
}
