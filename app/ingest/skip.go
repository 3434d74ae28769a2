package ingest

// SkipCode names why rows were skipped, for the page and the command line
// to word themselves; Skip.Reason holds the English.
type SkipCode string

// The skip codes. Skip.Column (the column at fault), Examples and Values
// are their parameters.
const (
	// DateOutOfRange: the order date is before limits.EarliestOrder or after
	// Options.Latest (a placeholder such as 9999-12-31 or 1900-01-01, an
	// Excel serial 0–60, a typo).
	DateOutOfRange SkipCode = "date_out_of_range"
	// DateUnreadable: the order date cannot be read in the file's date
	// format.
	DateUnreadable SkipCode = "date_unreadable"
	// NumberNotFinite: an amount or quantity is infinite, NaN, or larger
	// than limits.MaxAmount.
	NumberNotFinite SkipCode = "number_not_finite"
	// NotANumber: an amount or quantity cannot be read as a number.
	NotANumber SkipCode = "not_a_number"
	// NotSaleOrRefund: the transaction type is neither a sale nor a
	// refund (a transfer, a withdrawal, a fee, a conversion, a hold);
	// Values hold the types.
	NotSaleOrRefund SkipCode = "not_sale_or_refund"
	// NoCustomerKey: the order has no customer id or e-mail (nor a name
	// with an address, when those are the key).
	NoCustomerKey SkipCode = "no_customer_key"
	// NoOrderDate: no line of the order has a date.
	NoOrderDate SkipCode = "no_order_date"
	// OtherCurrency: the order is in a currency other than the one
	// reported; Values hold the currency.
	OtherCurrency SkipCode = "other_currency"
)
