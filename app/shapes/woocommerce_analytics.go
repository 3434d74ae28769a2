package shapes

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// wooAnalyticsHeader is WooCommerce core's Analytics > Orders report as
// its Download button writes it: the export columns of the report's REST
// controller (Automattic\WooCommerce\Admin\API\Reports\Orders\Controller,
// get_export_columns), in their order.
var wooAnalyticsHeader = []string{
	"Date", "Order #", "N. Revenue (formatted)", "Status", "Customer", "Customer type", "Product(s)",
	"Items sold", "Coupon(s)", "Net Sales", "Attribution",
}

// wooRefundDays is how long after shipping the shop refunds a return.
const wooRefundDays = 14

func init() {
	register(Shape{
		Platform: "WooCommerce", Export: "Analytics > Orders (Download)", File: "orders_2025-10-31.csv",
		Doc: "github.com/woocommerce/woocommerce: plugins/woocommerce/src/Admin/API/Reports/Orders/Controller.php (get_export_columns, prepare_item_for_export); " +
			"woocommerce.com/document/woocommerce-analytics/orders-report/; one row per order and per refund, newest first",
		// Customer is the customer's first and last name only (no e-mail,
		// no address): it tells too few customers apart, so the file
		// gives no retention and the workbench says what to export
		// instead. Net Sales is what the order's items brought without
		// tax and shipping (NetSales); a refund is a row of its own with
		// negative Net Sales.
		Kind: Orders, Identity: NoIdentity, Amount: NetSales,
		// The report leaves out the statuses of Settings > Analytics >
		// Excluded statuses (pending, failed and cancelled by default).
		Counts: func(o Order) bool { return o.Status != Cancelled },
		Write:  writeWooAnalyticsOrders,
	})
}

// wooAnalyticsRow is one row of the report: an order, or a refund of it.
type wooAnalyticsRow struct {
	at     time.Time
	o      Order
	refund bool
}

// writeWooAnalyticsOrders writes the report's download: comma-separated
// UTF-8 as PHP's fputcsv writes it, newest first. Date is the order's (or
// the refund's) creation in the shop's time zone, "2006-01-02 15:04:05";
// Status is the order's without "wc-" (completed, refunded); Customer
// type is new for the customer's first order and returning after;
// Product(s) lists "2× Name"; Coupon(s) the codes; Net Sales is the
// order's net total as a number (a PHP float), N. Revenue (formatted) the
// same with the store's currency sign (wc_price, € before the amount);
// Attribution the order's origin. A refund is its own row dated when it
// was made, with the order's number and negative net sales.
func writeWooAnalyticsOrders(orders []Order) []byte {
	var rows []wooAnalyticsRow
	for _, o := range orders {
		if o.Status == Cancelled {
			continue
		}
		rows = append(rows, wooAnalyticsRow{at: o.Created, o: o})
		if o.Refund > 0 {
			rows = append(rows, wooAnalyticsRow{at: o.Shipped.AddDate(0, 0, wooRefundDays), o: o, refund: true})
		}
	}
	first := map[int]int{} // customer -> number of the first order
	for _, o := range orders {
		if _, ok := first[o.CustomerID]; !ok && o.Status != Cancelled {
			first[o.CustomerID] = o.Number
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].at.After(rows[j].at) })

	col := columnIndex(wooAnalyticsHeader)
	recs := [][]string{wooAnalyticsHeader}
	for _, r := range rows {
		o := r.o
		rec := make([]string, len(wooAnalyticsHeader))
		set := func(h, v string) { rec[col[h]] = v }
		net := netOfVAT(o.Subtotal() - o.Discount)
		status := "completed"
		if o.Status == Refunded {
			status = "refunded"
		}
		if r.refund {
			net = -netOfVAT(o.Refund)
		}
		customerType := "returning"
		if first[o.CustomerID] == o.Number {
			customerType = "new"
		}
		var products []string
		items := 0
		for _, l := range o.Lines {
			products = append(products, fmt.Sprintf("%d× %s", l.Quantity, l.Product))
			items += l.Quantity
		}
		set("Date", r.at.In(copenhagen).Format("2006-01-02 15:04:05"))
		set("Order #", fmt.Sprint(o.Number))
		set("N. Revenue (formatted)", wooPrice(net))
		set("Status", status)
		set("Customer", o.Name())
		set("Customer type", customerType)
		if !r.refund {
			set("Product(s)", strings.Join(products, ", "))
			set("Items sold", fmt.Sprint(items))
		} else {
			set("Items sold", "0")
		}
		if o.Discount > 0 {
			set("Coupon(s)", "welcome10")
		}
		set("Net Sales", phpFloat(net))
		set("Attribution", []string{"Direct", "Organic: Google", "Referral: Facebook"}[o.CustomerID%3])
		recs = append(recs, rec)
	}
	return writePHPCSV(recs, ',', "\n", false)
}

// wooPrice writes cents as wc_price does for a euro store with its
// default settings (sign on the left, "." for decimals, "," between
// thousands), tags stripped: "€1,234.56", "-€5.00".
func wooPrice(cents int64) string {
	if cents < 0 {
		return "-€" + money(-cents, '.', ',')
	}
	return "€" + money(cents, '.', ',')
}
