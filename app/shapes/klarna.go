package shapes

import (
	"fmt"
	"sort"
	"time"
)

// klarnaSettlementHeader is Klarna's settlement report in CSV (Merchant
// portal > Settlements > download CSV; the Settlements API's CSV report):
// one row per transaction, the fields of Klarna's Transaction object in
// the order its Settlements API reference lists them. Klarna documents the
// CSV as carrying the transactions; that its headers are the fields' names
// is this shape's reading, the reference's CSV example not being at hand.
var klarnaSettlementHeader = []string{
	"amount", "capture_id", "merchant_reference1", "sale_date", "type", "capture_date", "payment_reference",
	"order_id", "payout", "refund_id", "short_order_id", "merchant_reference2", "currency_code",
	"purchase_country", "vat_rate", "vat_amount", "shipping_country", "initial_payment_method_type",
	"initial_number_of_installments", "initial_payment_method_monthly_downpayments",
	"merchant_capture_reference", "merchant_refund_reference", "detailed_type",
	"tax_in_currency_of_registration_country", "currency_code_of_registration_country", "klarna_comment",
	"reversal_reference",
}

// Klarna's fee per purchase for Pay later in the euro area (klarna.com,
// Pricing for businesses: 2.99% + EUR 0.35), charged as two fee rows.
const (
	klarnaFeeBasisPoints = 299
	klarnaFeeFixedCents  = 35
)

// klarnaRefundDays is how long after shipping the shop refunds a return.
const klarnaRefundDays = 14

func init() {
	register(Shape{
		Platform: "Klarna", Export: "Settlement report (CSV)", File: "klarna_settlement_report.csv",
		Doc:  "docs.klarna.com: Settlement reports (Merchant portal, CSV); fields of the Settlements API Transaction object, in its order; one row per transaction",
		Kind: Orders, Identity: NoIdentity, Amount: Total,
		// Klarna settles captured Klarna orders: a SALE when the order
		// ships, fees, a RETURN for a refund. Nothing in it names the
		// customer.
		Counts: func(o Order) bool {
			return o.Payment == "Klarna" && (o.Status == Paid || o.Status == PartiallyRefunded)
		},
		Write: writeKlarnaSettlement,
	})
}

// klarnaTime writes t as Klarna does: ISO 8601 in UTC.
func klarnaTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// klarnaTxn is one row of the settlement report.
type klarnaTxn struct {
	at       time.Time
	o        Order
	typ      string // SALE, FEE, RETURN
	detailed string
	amount   int64 // minor units
}

// writeKlarnaSettlement writes the settlement report: comma-separated
// UTF-8, one row per transaction, amounts in minor units (cents) as the
// Transaction object defines them, dates in ISO 8601 UTC. A Klarna order
// is captured when it ships: a SALE of its total, then two FEE rows
// (Klarna's percentage and fixed purchase fees, negative, with the VAT
// rate on fees); a refund is a RETURN (negative). Rows are grouped into
// weekly payouts, each with its payment reference.
func writeKlarnaSettlement(orders []Order) []byte {
	var txns []klarnaTxn
	for _, o := range orders {
		if o.Payment != "Klarna" || o.Status == Cancelled {
			continue
		}
		txns = append(txns,
			klarnaTxn{o.Shipped, o, "SALE", "PURCHASE", o.Total()},
			klarnaTxn{o.Shipped, o, "FEE", "PURCHASE_FEE_PERCENTAGE", -percentOf(o.Total(), klarnaFeeBasisPoints)},
			klarnaTxn{o.Shipped, o, "FEE", "PURCHASE_FEE_FIXED", -klarnaFeeFixedCents})
		if o.Refund > 0 {
			txns = append(txns, klarnaTxn{o.Shipped.AddDate(0, 0, klarnaRefundDays), o, "RETURN", "PURCHASE_RETURN", -o.Refund})
		}
	}
	sort.SliceStable(txns, func(i, j int) bool { return txns[i].at.Before(txns[j].at) })

	col := columnIndex(klarnaSettlementHeader)
	recs := [][]string{klarnaSettlementHeader}
	for _, t := range txns {
		rec := make([]string, len(klarnaSettlementHeader))
		set := func(h, v string) { rec[col[h]] = v }
		o := t.o
		y, w := t.at.ISOWeek()
		ref := stableID(uint64(y*100+w), 8, alnumUpper)
		set("amount", fmt.Sprint(t.amount))
		if t.typ != "RETURN" {
			set("capture_id", uuidFor(uint64(o.Number)<<2))
			set("capture_date", klarnaTime(o.Shipped))
		} else {
			set("refund_id", uuidFor(uint64(o.Number)<<3))
			set("merchant_refund_reference", fmt.Sprintf("R%d", o.Number))
		}
		set("merchant_reference1", fmt.Sprint(o.Number))
		set("sale_date", klarnaTime(o.Created))
		set("type", t.typ)
		set("payment_reference", ref)
		set("order_id", uuidFor(uint64(o.Number)))
		set("payout", "https://api.klarna.com/settlements/v1/payouts/"+ref)
		set("short_order_id", stableID(uint64(o.Number)<<4, 8, alnumUpper))
		set("currency_code", o.Currency)
		set("purchase_country", o.Country)
		set("shipping_country", o.Country)
		if t.typ == "FEE" {
			// VAT on Klarna's fees: reverse charge for a merchant in
			// another EU country than Klarna's, so 0.
			set("vat_rate", "0")
			set("vat_amount", "0")
		}
		set("initial_payment_method_type", "invoice")
		set("merchant_capture_reference", fmt.Sprintf("C%d", o.Number))
		set("detailed_type", t.detailed)
		set("currency_code_of_registration_country", "EUR")
		recs = append(recs, rec)
	}
	return writeCSV(recs, ',', false, false)
}
