package shapes

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// stripePaymentsHeader is the Dashboard's payments export (Payments >
// Export, file unified_payments.csv) with its default columns, in the
// order Stripe writes them (as exported files quoted in public code show
// them; the older payments.csv began "id,Description,Created (UTC)").
var stripePaymentsHeader = []string{
	"id", "Created date (UTC)", "Amount", "Amount Refunded", "Currency", "Captured", "Converted Amount",
	"Converted Amount Refunded", "Converted Currency", "Decline Reason", "Description", "Fee", "Is Link",
	"Link Funding", "Mode", "PaymentIntent ID", "Payment Source Type", "Refunded date (UTC)",
	"Statement Descriptor", "Status", "Seller Message", "Taxes On Fee", "Card ID", "Customer ID",
	"Customer Description", "Customer Email",
}

// stripePayoutsHeader is the Dashboard's payouts export (Balances >
// Payouts > Export, file payouts.csv): the columns of a real export quoted
// in public test code, which may have left some of the defaults out.
var stripePayoutsHeader = []string{
	"id", "Amount", "Created (UTC)", "Currency", "Livemode", "Arrival Date (UTC)", "Source Type", "Destination",
	"Status", "Type", "Method", "Description", "Balance Transaction", "Failure Balance Transaction",
	"Failure Message", "Failure Code", "Statement Descriptor", "Trace ID", "Trace ID Status", "Destination Name",
	"Destination Country", "Destination Last 4",
}

// Stripe's fee for a standard card issued in the EEA (stripe.com/pricing,
// Europe: 1.5% + EUR 0.25 per successful charge).
const (
	stripeFeeBasisPoints = 150
	stripeFeeFixedCents  = 25
)

// stripeStatementDescriptor is what the shop's customers and its bank see
// on their statements.
const stripeStatementDescriptor = "NORDIC HOME"

// The shop has Stripe pay out weekly (a payout schedule Stripe offers): on
// the Monday after a week, the week's charges less fees and refunds. A
// payout reaches its bank stripeArrivalDays after it is created.
const stripeArrivalDays = 2

func init() {
	register(Shape{
		Platform: "Stripe", Export: "Payments export", File: "unified_payments.csv",
		Doc:  "Stripe Dashboard > Payments > Export (unified_payments.csv), default columns as exported files in public code show them; one row per charge",
		Kind: Orders, Identity: ByCustomerID, Currency: "EUR", Amount: Total,
		// The shop takes cards through Stripe: only card orders are in the
		// file. An order whose card was declined is a Failed charge; a
		// charge refunded in full has status Refunded.
		Counts: func(o Order) bool {
			return o.Payment == "Credit Card" && o.Status != Cancelled && o.Status != Refunded
		},
		// "Amount Refunded" is what went back on a charge that stays
		// Paid, dated by "Refunded date (UTC)".
		Refunds:  true,
		RefundAt: stripeRefundedAt,
		Write:    writeStripePayments,
	}, Shape{
		Platform: "Stripe", Export: "Payouts export", File: "payouts.csv",
		Doc:   "Stripe Dashboard > Balances > Payouts > Export (payouts.csv), columns of a real export quoted in public test code; one row per payout",
		Kind:  Payouts,
		Write: writeStripePayouts,
	})
}

// stripeTime writes t as Stripe's exports do: UTC, "2006-01-02 15:04:05".
func stripeTime(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05") }

// stripeFee is Stripe's fee on a charge of cents.
func stripeFee(cents int64) int64 {
	return percentOf(cents, stripeFeeBasisPoints) + stripeFeeFixedCents
}

// stripeCustomer is the Stripe customer id of o's customer.
func stripeCustomer(o Order) string { return "cus_" + stableID(uint64(o.CustomerID), 14, alnumMixed) }

// stripeDeclines are decline codes Stripe reports for a card the bank
// refused (docs.stripe.com, "Decline codes").
var stripeDeclines = []string{"insufficient_funds", "card_declined", "expired_card", "do_not_honor"}

// writeStripePayments writes unified_payments.csv: one row per charge of a
// card order, comma-separated UTF-8, times in UTC, amounts in the charge's
// currency with a point, currencies lowercase as Stripe writes them. The
// amount is the order total; Amount Refunded is what was refunded. A charge
// refunded in full has status Refunded, one refunded in part stays Paid
// with its Amount Refunded; an order never paid is a Failed, uncaptured
// charge with the bank's decline reason.
func writeStripePayments(orders []Order) []byte {
	col := columnIndex(stripePaymentsHeader)
	recs := [][]string{stripePaymentsHeader}
	for _, o := range orders {
		if o.Payment != "Credit Card" {
			continue
		}
		rec := make([]string, len(stripePaymentsHeader))
		set := func(h, v string) { rec[col[h]] = v }
		cur := strings.ToLower(o.Currency)
		status, captured, fee, message := "Paid", "true", stripeFee(o.Total()), "Payment complete."
		if o.Status == Cancelled {
			decline := stripeDeclines[o.Number%len(stripeDeclines)]
			status, captured, fee = "Failed", "false", 0
			message = fmt.Sprintf("The bank returned the decline code `%s`.", decline)
			set("Decline Reason", decline)
		}
		if o.Status == Refunded {
			status = "Refunded"
		}
		set("id", "ch_"+stableID(uint64(o.Number), 24, alnumMixed))
		set("Created date (UTC)", stripeTime(o.Created))
		set("Amount", money(o.Total(), '.', 0))
		set("Amount Refunded", money(o.Refund, '.', 0))
		set("Currency", cur)
		set("Captured", captured)
		set("Converted Amount", money(o.Total(), '.', 0))
		set("Converted Amount Refunded", money(o.Refund, '.', 0))
		set("Converted Currency", cur)
		set("Description", fmt.Sprintf("Order #%d", o.Number))
		set("Fee", money(fee, '.', 0))
		set("Is Link", "false")
		set("Mode", "Live")
		set("PaymentIntent ID", "pi_"+stableID(uint64(o.Number)<<1, 24, alnumMixed))
		set("Payment Source Type", "card")
		if o.Refund > 0 {
			set("Refunded date (UTC)", stripeTime(stripeRefundedAt(o)))
		}
		set("Statement Descriptor", stripeStatementDescriptor)
		set("Status", status)
		set("Seller Message", message)
		set("Taxes On Fee", "0.00")
		set("Card ID", "pm_"+stableID(uint64(o.CustomerID)<<1, 24, alnumMixed))
		set("Customer ID", stripeCustomer(o))
		set("Customer Description", o.Name())
		set("Customer Email", o.Email)
		recs = append(recs, rec)
	}
	return writeCSV(recs, ',', false, false)
}

// stripeRefundDays is how long after shipping this shop refunds a return.
const stripeRefundDays = 14

// stripeRefundedAt is when o's refund was made.
func stripeRefundedAt(o Order) time.Time { return o.Shipped.AddDate(0, 0, stripeRefundDays) }

// writeStripePayouts writes payouts.csv: one row per weekly payout to the
// shop's bank account, each the week's card charges less Stripe's fees and
// less the refunds made that week. No customers, no orders.
func writeStripePayouts(orders []Order) []byte {
	week := func(t time.Time) time.Time {
		d := t.UTC().Truncate(24 * time.Hour)
		return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7)) // back to Monday
	}
	net := map[time.Time]int64{}
	for _, o := range orders {
		if o.Payment != "Credit Card" || o.Status == Cancelled {
			continue
		}
		net[week(o.Created)] += o.Total() - stripeFee(o.Total())
		if o.Refund > 0 {
			net[week(stripeRefundedAt(o))] -= o.Refund
		}
	}
	var weeks []time.Time
	for w := range net {
		weeks = append(weeks, w)
	}
	sort.Slice(weeks, func(i, j int) bool { return weeks[i].Before(weeks[j]) })
	col := columnIndex(stripePayoutsHeader)
	recs := [][]string{stripePayoutsHeader}
	for i, w := range weeks {
		rec := make([]string, len(stripePayoutsHeader))
		set := func(h, v string) { rec[col[h]] = v }
		created := w.AddDate(0, 0, 7).Add(18 * time.Minute)
		set("id", "po_"+stableID(uint64(i+1), 24, alnumMixed))
		set("Amount", money(net[w], '.', 0))
		set("Created (UTC)", created.Format("2006-01-02 15:04"))
		set("Currency", "eur")
		set("Livemode", "true")
		set("Arrival Date (UTC)", created.AddDate(0, 0, stripeArrivalDays).Truncate(24*time.Hour).Format("2006-01-02 15:04"))
		set("Source Type", "card")
		set("Destination", "ba_"+stableID(7, 24, alnumMixed))
		set("Status", "paid")
		set("Type", "bank_account")
		set("Method", "standard")
		set("Description", "STRIPE PAYOUT")
		set("Balance Transaction", "txn_"+stableID(uint64(i+1)<<8, 24, alnumMixed))
		set("Statement Descriptor", stripeStatementDescriptor)
		set("Destination Name", "DANSKE BANK")
		set("Destination Country", "DK")
		set("Destination Last 4", "4721")
		recs = append(recs, rec)
	}
	return writeCSV(recs, ',', false, false)
}
