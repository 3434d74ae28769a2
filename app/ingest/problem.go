package ingest

import (
	"fmt"
	"strings"

	"retention/app/columns"
)

// Code names what stops a file from giving orders. The engine returns
// codes with their details (Problem); the command line and the page word
// them, each in its own terms.
type Code string

// The problems.
const (
	// NoRows: the file has a header but no data rows.
	NoRows Code = "no_rows"
	// NoOrders: every row was skipped (Problem.Detail sums up why).
	NoOrders Code = "no_orders"
	// NoDate: no column holds order dates.
	NoDate Code = "no_date"
	// BadDates: the date column's values cannot be read as dates.
	BadDates Code = "bad_dates"
	// NoCustomer: no column tells customers apart (no customer id or
	// e-mail, and no name with an address).
	NoCustomer Code = "no_customer"
	// NoAmount: no column gives order values or prices.
	NoAmount Code = "no_amount"
	// Unclear: two or more columns fit a role equally well (Problem.Role,
	// Problem.Columns); the user must say which.
	Unclear Code = "unclear_column"
	// NotOrders: the file is another kind of export (Problem.Kind): a
	// customers export, a product catalogue, a payouts summary, a stock
	// list.
	NotOrders Code = "not_orders"
)

// The kinds of export a file can be recognised as, besides orders.
const (
	KindCustomers = "customers"
	KindProducts  = "products"
	KindPayouts   = "payouts"
	KindInventory = "inventory"
)

// Problem is why a file gives no orders, with what the user needs to fix
// it. It wraps the sentinel of its code (ErrNoDate, ...), so errors.Is
// works on it.
type Problem struct {
	Code Code
	File string
	// Role is the role that is missing or unclear.
	Role columns.Role
	// Columns are the columns that fit Role equally well (Unclear), or
	// the file's columns (the others).
	Columns []string
	// Kind is what the file looks like (NotOrders).
	Kind string
	// Platform is the shop platform the file's columns are recognised as
	// ("Shopify", ...), or "".
	Platform string
	// Detail is the reader's own words for BadDates and NoOrders.
	Detail string
	// Values are what the date column holds instead of dates (BadDates:
	// parse.DateError's); Skipped why every row was skipped (NoOrders).
	Values  []string
	Skipped []Skip
	err     error
}

// Error words the problem in English, without naming any control of the
// command line or the page: they add how to fix it.
func (p *Problem) Error() string {
	switch p.Code {
	case NoRows:
		return fmt.Sprintf("%s has a header row but no data rows.", p.File)
	case NoOrders:
		return fmt.Sprintf("%s has no orders that can be used: %s", p.File, p.Detail)
	case NoDate:
		return fmt.Sprintf("%s has no column with order dates (columns: %s).", p.File, quoteList(p.Columns))
	case BadDates:
		return fmt.Sprintf("Column %q does not hold dates that can be read: %s.", firstOf(p.Columns), strings.TrimSuffix(p.Detail, "."))
	case NoCustomer:
		return fmt.Sprintf("%s has no column that tells customers apart: no customer id or e-mail, and no name with an address (columns: %s).", p.File, quoteList(p.Columns))
	case NoAmount:
		return fmt.Sprintf("%s has no column with order totals or prices (columns: %s).", p.File, quoteList(p.Columns))
	case Unclear:
		return fmt.Sprintf("In %s, the columns %s fit %s equally well.", p.File, quoteList(p.Columns), RoleDescription(p.Role))
	case NotOrders:
		return fmt.Sprintf("%s looks like %s, not an orders export.", p.File, KindDescription(p.Kind, p.Platform))
	}
	return string(p.Code)
}

func (p *Problem) Unwrap() error { return p.err }

func firstOf(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

// RoleDescription names a role in a sentence: "the order date".
func RoleDescription(r columns.Role) string {
	switch r {
	case columns.OrderID:
		return "the order number"
	case columns.CustomerID:
		return "the customer id"
	case columns.Email:
		return "the customer's e-mail"
	case columns.Date:
		return "the order date"
	case columns.Total:
		return "the order total"
	case columns.Quantity:
		return "the quantity"
	case columns.UnitPrice:
		return "the unit price"
	}
	return "the " + strings.ReplaceAll(string(r), "_", " ")
}

// KindDescription names an export kind in a sentence: "a Shopify
// customers export".
func KindDescription(kind, platform string) string {
	what := map[string]string{
		KindCustomers: "customers export", KindProducts: "product catalogue",
		KindPayouts: "payouts summary", KindInventory: "stock list",
	}[kind]
	if what == "" {
		what = "export"
	}
	if platform != "" {
		return "a " + platform + " " + what
	}
	return "a " + what
}

// OrdersExportHint says where a platform's orders export is, in its own
// menus' words; "" for an unknown platform.
func OrdersExportHint(platform string) string {
	return ordersExportHints[platform]
}

var ordersExportHints = map[string]string{
	"Shopify":     "Orders > Export > All orders, CSV for Excel",
	"WooCommerce": "WooCommerce > Orders > Export, with an order export plugin and the billing e-mail (Analytics > Orders > Download names customers by name only)",
	"Stripe":      "Payments > Export, with the Customer Email column",
	"Amazon":      "Amazon's order reports carry no buyer; export the orders from your own shop instead",
	"Etsy":        "Shop Manager > Settings > Options > Download Data > Orders",
	"Shopware":    "Orders > Export",
	"Magento":     "Sales > Orders > Export to CSV",
	"BigCommerce": "Orders > Export",
	"PrestaShop":  "Orders > Orders > Export",
	"Ecwid":       "My Sales > Orders > Export",
}
