package ingest

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"retention/app/columns"
	"retention/app/report"
	"retention/app/sheet"
)

// table builds a sheet.Table from CSV-ish lines separated by "|" cells;
// the first line is the header. Line numbers start at 2 as in a file.
func table(lines ...string) *sheet.Table {
	t := &sheet.Table{Name: "test.csv", Format: "csv", HeaderLine: 1}
	for i, l := range lines {
		cells := strings.Split(l, "|")
		if i == 0 {
			t.Header = cells
			continue
		}
		t.AppendRow(i+1, cells)
	}
	return t
}

type orderWant struct {
	id, customer, day string
	amount            float64
}

func TestFromTable(t *testing.T) {
	tests := []struct {
		Name      string
		Table     *sheet.Table
		Opt       Options
		Orders    []orderWant
		Refunds   []float64
		Skipped   map[string]int // reason -> rows
		Cancelled int
		Currency  string
		Err       error
	}{{
		Name: "UCI line items: quantity x price, C invoices are refunds, no customer skipped",
		Table: table(
			"InvoiceNo|StockCode|Description|Quantity|InvoiceDate|UnitPrice|CustomerID|Country",
			"536365|85123A|HEART|6|2010-12-01 08:26:00|2.55|17850|United Kingdom",
			"536365|71053|LANTERN|6|2010-12-01 08:26:00|3.39|17850|United Kingdom",
			"536366|22633|HAND WARMER|6|2010-12-01 08:28:00|1.85|17850|United Kingdom",
			"C536379|D|Discount|-1|2010-12-01 09:41:00|27.50|14527|United Kingdom",
			"536367|84879|BIRD|32|2010-12-01 08:34:00|1.69|13047|United Kingdom",
			"536414|22139|RETROSPOT|56|2010-12-01 11:52:00|0|||United Kingdom",
			"536544|21773|BATHROOM|1|2010-12-01 14:32:00|2.51||United Kingdom",
		),
		// 6*2.55 + 6*3.39 = 15.30 + 20.34 = 35.64; 6*1.85 = 11.10; 32*1.69 = 54.08
		Orders: []orderWant{
			{"536365", "17850", "2010-12-01", 35.64},
			{"536366", "17850", "2010-12-01", 11.10},
			{"536367", "13047", "2010-12-01", 54.08},
		},
		Refunds: []float64{27.50},
		Skipped: map[string]int{"no customer id or e-mail": 2},
	}, {
		Name: "Shopify: order fields only on the first line; guests by e-mail; refunded status",
		Table: table(
			"Name|Email|Financial Status|Created at|Currency|Total|Lineitem quantity|Lineitem name|Lineitem price",
			"#1001|Anna@Example.com|paid|2023-01-15 10:23:45 -0500|USD|59.00|1|Mug|20.00",
			"#1001||||||1|Cap|39.00",
			"#1002|bo@example.com|refunded|2023-01-16 09:00:00 -0500|USD|10.00|1|Pin|10.00",
			"#1003|anna@example.com|paid|2023-02-01 23:30:00 -0500|USD|25.50|1|Tee|25.50",
		),
		// #1001: Total 59.00 on its first line (order-level column); #1003 is
		// 2023-02-02 04:30 UTC, so it falls on 2 February in UTC.
		Orders: []orderWant{
			{"#1001", "anna@example.com", "2023-01-15", 59.00},
			{"#1003", "anna@example.com", "2023-02-02", 25.50},
		},
		Cancelled: 1,
		Currency:  "USD",
	}, {
		Name: "reporting time zone decides the day",
		Table: table(
			"Name|Email|Created at|Total",
			"#1003|anna@example.com|2023-02-01 23:30:00 -0500|25.50",
		),
		Opt:    Options{Location: mustLoc("America/New_York")},
		Orders: []orderWant{{"#1003", "anna@example.com", "2023-02-01", 25.50}},
	}, {
		Name: "German export: semicolon numbers and dd.mm.yyyy",
		Table: table(
			"Bestellnummer|Kundennummer|Bestelldatum|Betrag",
			"1|K1|03.02.2024|1.234,56",
			"2|K2|13.02.2024|99,90",
			"3|K1|01.03.2024|-12,00",
			"4|K3|kein Datum|5,00",
		),
		Orders: []orderWant{
			{"1", "K1", "2024-02-03", 1234.56},
			{"2", "K2", "2024-02-13", 99.90},
		},
		Refunds: []float64{12},
		Skipped: map[string]int{"date cannot be read": 1},
	}, {
		Name: "two currencies: the larger is reported, the other skipped",
		Table: table(
			"Order ID|Customer ID|Order Date|Order Total|Currency",
			"1|a|2024-01-01|10|EUR",
			"2|b|2024-01-02|20|EUR",
			"3|c|2024-01-03|30|DKK",
		),
		Orders: []orderWant{
			{"1", "a", "2024-01-01", 10},
			{"2", "b", "2024-01-02", 20},
		},
		Skipped:  map[string]int{"in another currency (DKK)": 1},
		Currency: "EUR",
	}, {
		Name: "the caller picks the currency",
		Table: table(
			"Order ID|Customer ID|Order Date|Order Total|Currency",
			"1|a|2024-01-01|10|EUR",
			"2|b|2024-01-02|20|EUR",
			"3|c|2024-01-03|30|DKK",
		),
		Opt:      Options{Currency: "dkk"},
		Orders:   []orderWant{{"3", "c", "2024-01-03", 30}},
		Skipped:  map[string]int{"in another currency (EUR)": 2},
		Currency: "DKK",
	}, {
		Name: "a line-level total column is summed per order",
		Table: table(
			"Order ID|Customer ID|Order Date|Line Total",
			"1|a|2024-01-01|10",
			"1|a|2024-01-01|15",
		),
		Opt:    Options{Map: map[columns.Role]string{columns.Total: "Line Total"}},
		Orders: []orderWant{{"1", "a", "2024-01-01", 25}},
	}, {
		Name: "bad number names the column",
		Table: table(
			"Order ID|Customer ID|Order Date|Order Total",
			"1|a|2024-01-01|10",
			"2|a|2024-01-05|12,3,4",
		),
		Orders:  []orderWant{{"1", "a", "2024-01-01", 10}},
		Skipped: map[string]int{"order total is not a number": 1},
	}, {
		// Etsy's orders download: the total as paid, and beside it the
		// total after a partial refund (empty without one).
		Name: "an adjusted total below the total is a refund",
		Table: table(
			"Order ID|Buyer User ID|Sale Date|Order Total|Status|Adjusted Order Total|Adjusted Net Order Amount",
			"1|a|2024-01-01|40.00|Completed||",
			"2|a|2024-01-05|50.00|Partially Refunded|35.50|33.80",
			"3|b|2024-01-06|20.00|Completed|20.00|19.10",
		),
		Orders:  []orderWant{{"1", "a", "2024-01-01", 40}, {"2", "a", "2024-01-05", 50}, {"3", "b", "2024-01-06", 20}},
		Refunds: []float64{14.5},
	}, {
		Name: "a refunded amount comes before an adjusted total",
		Table: table(
			"Order ID|Customer ID|Order Date|Total|Refunded Amount|Adjusted Total",
			"1|a|2024-01-01|50|5|35",
		),
		Orders:  []orderWant{{"1", "a", "2024-01-01", 50}},
		Refunds: []float64{5},
	}, {
		Name:  "no date column",
		Table: table("Order ID|Customer ID|Order Total", "1|a|10"),
		Err:   ErrNoDate,
	}, {
		Name:  "no customer column",
		Table: table("Order ID|Order Date|Order Total", "1|2024-01-01|10"),
		Err:   ErrNoCustomer,
	}, {
		Name:  "header only",
		Table: table("Order ID|Customer ID|Order Date|Order Total"),
		Err:   ErrNoRows,
	}}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			res, err := FromTable(tc.Table, tc.Opt)
			if tc.Err != nil {
				if !errors.Is(err, tc.Err) {
					t.Fatalf("err = %v, want %v", err, tc.Err)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("error is not one sentence: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []orderWant
			for _, o := range res.Dataset.Orders {
				got = append(got, orderWant{o.ID, o.Customer, o.Time.Format("2006-01-02"), o.Amount})
			}
			if !reflect.DeepEqual(got, tc.Orders) {
				t.Errorf("orders:\n got %v\nwant %v", got, tc.Orders)
			}
			var refunds []float64
			for _, r := range res.Dataset.Refunds {
				refunds = append(refunds, r.Amount)
			}
			if !reflect.DeepEqual(refunds, tc.Refunds) {
				t.Errorf("refunds = %v, want %v", refunds, tc.Refunds)
			}
			skipped := map[string]int{}
			for _, s := range res.Report.Skipped {
				skipped[s.Reason] += s.Rows
				if len(s.Examples) == 0 {
					t.Errorf("skip %q has no example rows", s.Reason)
				}
				if s.Code == "" {
					t.Errorf("skip %q has no code", s.Reason)
				}
			}
			if len(skipped) == 0 {
				skipped = nil
			}
			if !reflect.DeepEqual(skipped, tc.Skipped) {
				t.Errorf("skipped = %v, want %v", skipped, tc.Skipped)
			}
			if res.Report.Cancelled != tc.Cancelled {
				t.Errorf("cancelled = %d, want %d", res.Report.Cancelled, tc.Cancelled)
			}
			if res.Report.Currency != tc.Currency {
				t.Errorf("currency = %q, want %q", res.Report.Currency, tc.Currency)
			}
			// Every row is accounted for.
			r := res.Report
			if n := r.OrderRows + r.RefundRows + r.CancelledRows + r.SkippedRows(); n != r.Rows {
				t.Errorf("rows accounted for = %d (orders %d + refunds %d + cancelled %d + skipped %d), want %d",
					n, r.OrderRows, r.RefundRows, r.CancelledRows, r.SkippedRows(), r.Rows)
			}
		})
	}
}

func TestSkipExamples(t *testing.T) {
	lines := []string{"Order ID|Customer ID|Order Date|Order Total"}
	for i := 0; i < 9; i++ { // rows 2-10
		lines = append(lines, fmt.Sprintf("%d|a|2024-01-%02d|1", i, i+1))
	}
	for i := 0; i < 7; i++ { // rows 11-17
		lines = append(lines, "x|b|not a date|1")
	}
	res, err := FromTable(table(lines...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Report.Skipped
	if len(s) != 1 || s[0].Rows != 7 || s[0].Column != "Order Date" {
		t.Fatalf("skipped = %+v", s)
	}
	// The first five bad rows.
	if want := []int{11, 12, 13, 14, 15}; !reflect.DeepEqual(s[0].Examples, want) {
		t.Errorf("examples = %v, want %v", s[0].Examples, want)
	}
}

func TestMapOverrideErrors(t *testing.T) {
	tb := table("Order ID|Customer ID|Order Date|Order Total", "1|a|2024-01-01|10")
	_, err := FromTable(tb, Options{Map: map[columns.Role]string{columns.Total: "Nope"}})
	if err == nil || !strings.Contains(err.Error(), `"Nope"`) {
		t.Fatalf("err = %v, want it to name the missing column", err)
	}
	res, err := FromTable(tb, Options{Map: map[columns.Role]string{columns.Total: "4"}})
	if err != nil {
		t.Fatal(err)
	}
	if i, _ := res.Mapping.Column(columns.Total); i != 3 {
		t.Errorf("total column = %d, want 3 (set by number)", i)
	}
}

func mustLoc(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

func TestHeaderless(t *testing.T) {
	// CDNOW's layout: id, date, count, value, without a header row.
	res, err := Load("cdnow.txt", []byte("00001 19970101 1 11.77\n00002 19970112 1 12.00\n00002 19970112 5 77.00\n00003 19970102 2 20.76\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Dataset == nil || len(res.Dataset.Customers) != 3 || !hasNote(res.Report.Notes, report.NoteNoHeader) {
		t.Errorf("customers %v, notes %+v", res.Dataset, res.Report.Notes)
	}
	// Values that say nothing of a date: the sentence about the header.
	_, err = Load("numbers.csv", []byte("1,2,3\n4,5,6\n7,8,9\n"), Options{})
	if err == nil || !strings.Contains(err.Error(), "no header row") {
		t.Errorf("err = %v, want the no-header sentence", err)
	}
}

// TestRefundedAmount: a refunded-amount column is the order's refund,
// read once (on the first row or summed over the lines), dated by a refund
// date column or else at the order; it is never added to the refund rows
// or returned units it already counts, and an order refunded in full is
// no order and no refund.
func TestRefundedAmount(t *testing.T) {
	type refundWant struct {
		id, day string
		amount  float64
	}
	tests := []struct {
		Name      string
		Table     *sheet.Table
		Orders    []orderWant
		Refunds   []refundWant
		Cancelled int
	}{{
		Name: "on the order's first row (Shopify); a refunded order is none",
		Table: table(
			"Name|Email|Financial Status|Created at|Total|Lineitem quantity|Lineitem price|Refunded Amount",
			"#1001|anna@x.dk|partially_refunded|2024-03-01 10:00:00 +0100|59.00|1|20.00|20.00",
			"#1001|||||1|39.00|",
			"#1002|bo@x.dk|refunded|2024-03-02 10:00:00 +0100|10.00|1|10.00|10.00",
			"#1003|anna@x.dk|paid|2024-03-05 10:00:00 +0100|25.50|1|25.50|0.00",
		),
		Orders: []orderWant{
			{"#1001", "anna@x.dk", "2024-03-01", 59},
			{"#1003", "anna@x.dk", "2024-03-05", 25.50},
		},
		Refunds:   []refundWant{{"#1001", "2024-03-01", 20}},
		Cancelled: 1,
	}, {
		Name: "on each unit's row (Lazada): summed; every unit returned is no order",
		Table: table(
			"orderNumber|createTime|customerName|shippingAddress|paidPrice|status|refundAmount",
			"501|01 Mar 2024 10:00|Juan Cruz|123 Rizal Ave|100.00|delivered|0.00",
			"501|01 Mar 2024 10:00|Juan Cruz|123 Rizal Ave|100.00|returned|100.00",
			"501|01 Mar 2024 10:00|Juan Cruz|123 Rizal Ave|50.00|delivered|0.00",
			"502|02 Mar 2024 10:00|Ana Reyes|45 Mango Ave|80.00|returned|80.00",
		),
		// 100 + 100 + 50 = 250, of which the returned unit's 100 went back.
		Orders:    []orderWant{{"501", "juan cruz | 123 rizal ave", "2024-03-01", 250}},
		Refunds:   []refundWant{{"501", "2024-03-01", 100}},
		Cancelled: 1,
	}, {
		Name: "dated by a refund date column (Stripe)",
		Table: table(
			"id|Created date (UTC)|Amount|Amount Refunded|Refunded date (UTC)|Status|Customer ID",
			"ch_1|2024-03-01 10:00:00|101.90|35.00|2024-03-16 09:00:00|Paid|cus_1",
			"ch_2|2024-03-02 11:00:00|92.21|0.00||Paid|cus_2",
		),
		Orders: []orderWant{
			{"ch_1", "cus_1", "2024-03-01", 101.90},
			{"ch_2", "cus_2", "2024-03-02", 92.21},
		},
		Refunds: []refundWant{{"ch_1", "2024-03-16", 35}},
	}, {
		Name: "with returned units: the refunded amount, which counts them, only",
		Table: table(
			"Order ID|Customer ID|Order Date|Quantity|Unit Price|Returned quantity|Order Total|Refunded Amount",
			"7|c1|2024-03-01|2|20.00|1|36.00|18.00",
		),
		// Not 18 + 1 x 20: the refunded 18 (the unit after a 10% discount)
		// is the return.
		Orders:  []orderWant{{"7", "c1", "2024-03-01", 36}},
		Refunds: []refundWant{{"7", "2024-03-01", 18}},
	}, {
		Name: "no refunded amount given: the refund rows",
		Table: table(
			"Transaction ID|Type|Date|From Email Address|Gross|Amount Refunded",
			"T1|Express Checkout Payment|2024-03-01|anna@x.dk|50.00|0.00",
			"T1|Payment Refund|2024-03-10|anna@x.dk|-15.00|",
		),
		Orders:  []orderWant{{"T1", "anna@x.dk", "2024-03-01", 50}},
		Refunds: []refundWant{{"T1", "2024-03-10", 15}},
	}}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			res, err := FromTable(tc.Table, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := res.Mapping.Column(columns.Refunded); !ok {
				t.Fatalf("no refunded column: %+v", res.Mapping.Matches)
			}
			var orders []orderWant
			for _, o := range res.Dataset.Orders {
				orders = append(orders, orderWant{o.ID, o.Customer, o.Time.Format("2006-01-02"), o.Amount})
			}
			if !reflect.DeepEqual(orders, tc.Orders) {
				t.Errorf("orders:\n got %v\nwant %v", orders, tc.Orders)
			}
			var refunds []refundWant
			for _, r := range res.Dataset.Refunds {
				refunds = append(refunds, refundWant{r.OrderID, r.Time.Format("2006-01-02"), r.Amount})
			}
			if !reflect.DeepEqual(refunds, tc.Refunds) {
				t.Errorf("refunds:\n got %v\nwant %v", refunds, tc.Refunds)
			}
			if res.Report.Cancelled != tc.Cancelled {
				t.Errorf("cancelled = %d, want %d", res.Report.Cancelled, tc.Cancelled)
			}
		})
	}
}
