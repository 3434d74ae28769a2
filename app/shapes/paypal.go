package shapes

import (
	"fmt"
	"sort"
	"time"
)

// paypalActivityHeader is PayPal's activity download (Activity > Download,
// "Completed payments", CSV) for a business account: its columns in
// PayPal's order, in English, as public parsers of Download.CSV match the
// whole header row.
var paypalActivityHeader = []string{
	"Date", "Time", "TimeZone", "Name", "Type", "Status", "Currency", "Gross", "Fee", "Net",
	"From Email Address", "To Email Address", "Transaction ID", "Shipping Address", "Address Status",
	"Item Title", "Item ID", "Shipping and Handling Amount", "Insurance Amount", "Sales Tax", "Option 1 Name",
	"Option 1 Value", "Option 2 Name", "Option 2 Value", "Reference Txn ID", "Invoice Number", "Custom Number",
	"Quantity", "Receipt ID", "Balance", "Address Line 1", "Address Line 2/District/Neighborhood", "Town/City",
	"State/Province/Region/County/Territory/Prefecture/Republic", "Zip/Postal Code", "Country",
	"Contact Phone Number", "Subject", "Note", "Country Code", "Balance Impact",
}

// PayPal's fee on a domestic commercial payment in the euro area
// (paypal.com, Merchant Fees, Germany: 2.49% + EUR 0.35); refunds return
// no fee.
const (
	paypalFeeBasisPoints = 249
	paypalFeeFixedCents  = 35
)

// paypalShopEmail is the shop's PayPal account.
const paypalShopEmail = "paypal@nordichome.example"

// The shop refunds a return paypalRefundDays after shipping, and withdraws
// its PayPal balance to its bank every Monday at paypalWithdrawHour.
const (
	paypalRefundDays   = 14
	paypalWithdrawHour = 9
)

func init() {
	register(Shape{
		Platform: "PayPal", Export: "Activity download (Completed payments)", File: "Download.CSV",
		Doc:  "PayPal business account: Activity > Download, Completed payments, CSV; columns as public parsers of Download.CSV read them; one row per transaction",
		Kind: Orders, Identity: ByEmail, Currency: "EUR", Amount: Total,
		// Only PayPal orders are in PayPal's activity, and only money that
		// moved: no order cancelled before payment. A refund is its own
		// row (Payment Refund, negative, referring to the payment), so an
		// order refunded in full was still paid: it counts as an order,
		// and its refund as a refund.
		Counts: func(o Order) bool {
			return o.Payment == "PayPal" && o.Status != Cancelled
		},
		Write:   writePayPalActivity,
		Refunds: true,
	})
}

// paypalTxn is one row of the activity download.
type paypalTxn struct {
	at    time.Time
	order *Order // nil for a withdrawal
	typ   string
	gross int64
	fee   int64
	ref   string // Reference Txn ID
	id    string
}

// paypalTxnID is a PayPal transaction id: 17 capital letters and digits.
func paypalTxnID(key uint64) string { return stableID(key, 17, alnumUpper) }

// writePayPalActivity writes the activity download: every field in double
// quotes, CRLF line ends, UTF-8 with a byte order mark. The date, the time
// and the time zone are three columns (dd/mm/yyyy, hh:mm:ss, CET or CEST:
// the account is in Europe); money has a decimal comma and a dot between
// thousands, as PayPal writes it for a European account. A payment is an
// Express Checkout Payment with PayPal's fee (negative) and the net; a
// refund is a Payment Refund with a negative gross and the payment's id in
// Reference Txn ID; every Monday a General Withdrawal moves the balance to
// the shop's bank. Balance is the account's balance after the row.
func writePayPalActivity(orders []Order) []byte {
	var txns []paypalTxn
	for i := range orders {
		o := &orders[i]
		if o.Payment != "PayPal" || o.Status == Cancelled {
			continue
		}
		pay := paypalTxn{at: o.Paid, order: o, typ: "Express Checkout Payment", gross: o.Total(),
			fee: -(percentOf(o.Total(), paypalFeeBasisPoints) + paypalFeeFixedCents), id: paypalTxnID(uint64(o.Number))}
		txns = append(txns, pay)
		if o.Refund > 0 {
			txns = append(txns, paypalTxn{at: o.Shipped.AddDate(0, 0, paypalRefundDays), order: o, typ: "Payment Refund",
				gross: -o.Refund, ref: pay.id, id: paypalTxnID(uint64(o.Number) << 20)})
		}
	}
	sort.SliceStable(txns, func(i, j int) bool { return txns[i].at.Before(txns[j].at) })
	txns = withWithdrawals(txns)

	col := columnIndex(paypalActivityHeader)
	recs := [][]string{paypalActivityHeader}
	var balance int64
	for _, t := range txns {
		rec := make([]string, len(paypalActivityHeader))
		set := func(h, v string) { rec[col[h]] = v }
		local := t.at.In(copenhagen)
		net := t.gross + t.fee
		balance += net
		set("Date", local.Format("02/01/2006"))
		set("Time", local.Format("15:04:05"))
		set("TimeZone", local.Format("MST"))
		set("Type", t.typ)
		set("Status", "Completed")
		set("Currency", "EUR")
		set("Gross", money(t.gross, ',', '.'))
		set("Fee", money(t.fee, ',', '.'))
		set("Net", money(net, ',', '.'))
		set("Transaction ID", t.id)
		set("Reference Txn ID", t.ref)
		set("Balance", money(balance, ',', '.'))
		set("Insurance Amount", "0,00")
		set("Sales Tax", "0,00")
		set("Balance Impact", "Credit")
		if t.gross < 0 {
			set("Balance Impact", "Debit")
		}
		if o := t.order; o != nil {
			set("Currency", o.Currency)
			set("Name", o.Name())
			if t.gross > 0 {
				set("From Email Address", o.Email)
				set("To Email Address", paypalShopEmail)
			} else {
				set("From Email Address", paypalShopEmail)
				set("To Email Address", o.Email)
			}
			set("Shipping Address", fmt.Sprintf("%s, %s, %s, %s", o.Street, o.City, o.Zip, countryName(o.Country)))
			set("Address Status", "Confirmed")
			set("Item Title", o.Lines[0].Product)
			set("Item ID", o.Lines[0].SKU)
			set("Shipping and Handling Amount", money(o.Shipping, ',', '.'))
			set("Invoice Number", fmt.Sprint(o.Number))
			set("Quantity", fmt.Sprint(orderQuantity(*o)))
			set("Address Line 1", o.Street)
			set("Town/City", o.City)
			set("Zip/Postal Code", o.Zip)
			set("Country", countryName(o.Country))
			set("Contact Phone Number", o.Phone)
			set("Country Code", o.Country)
		} else {
			set("Name", "Bank Account")
			set("From Email Address", paypalShopEmail)
		}
		recs = append(recs, rec)
	}
	return writeQuoted(recs, ',', true, true)
}

// withWithdrawals inserts, before the first transaction of each week after
// money came in, a General Withdrawal of the balance to the shop's bank on
// that Monday at paypalWithdrawHour (Copenhagen time).
func withWithdrawals(txns []paypalTxn) []paypalTxn {
	var out []paypalTxn
	var balance int64
	next := time.Time{}
	n := uint64(0)
	for _, t := range txns {
		for !next.IsZero() && !t.at.Before(next) {
			if balance > 0 {
				n++
				out = append(out, paypalTxn{at: next, typ: "General Withdrawal", gross: -balance,
					id: paypalTxnID(n<<40 | 0xFF)})
				balance = 0
			}
			next = next.AddDate(0, 0, 7)
		}
		out = append(out, t)
		balance += t.gross + t.fee
		if next.IsZero() {
			next = nextMonday(t.at)
		}
	}
	return out
}

// nextMonday is the first Monday after t at paypalWithdrawHour, Copenhagen
// time.
func nextMonday(t time.Time) time.Time {
	l := t.In(copenhagen)
	days := (8 - int(l.Weekday())) % 7
	if days == 0 {
		days = 7
	}
	d := l.AddDate(0, 0, days)
	return time.Date(d.Year(), d.Month(), d.Day(), paypalWithdrawHour, 0, 0, 0, copenhagen)
}
