package columns

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"retention/app/report"
)

// rows splits lines of cells separated by "|".
func rows(lines ...string) (header []string, out Rows) {
	for i, l := range lines {
		c := strings.Split(l, "|")
		if i == 0 {
			header = c
		} else {
			out = append(out, c)
		}
	}
	return header, out
}

func TestDetect(t *testing.T) {
	tests := []struct {
		Name  string
		Lines []string
		Want  map[Role]string // role -> header; "" means no column
	}{{
		Name: "UCI Online Retail",
		Lines: []string{
			"InvoiceNo|StockCode|Description|Quantity|InvoiceDate|UnitPrice|CustomerID|Country",
			"536365|85123A|WHITE HANGING HEART T-LIGHT HOLDER|6|2010-12-01 08:26:00|2.55|17850|United Kingdom",
			"536365|71053|WHITE METAL LANTERN|6|2010-12-01 08:26:00|3.39|17850|United Kingdom",
			"C536379|D|Discount|-1|2010-12-01 09:41:00|27.5|14527|United Kingdom",
		},
		Want: map[Role]string{OrderID: "InvoiceNo", Product: "Description", Quantity: "Quantity", Date: "InvoiceDate",
			UnitPrice: "UnitPrice", CustomerID: "CustomerID", Country: "Country", Total: ""},
	}, {
		Name: "Shopify orders export",
		Lines: []string{
			"Name|Email|Financial Status|Paid at|Fulfillment Status|Currency|Subtotal|Shipping|Taxes|Total|Created at|Lineitem quantity|Lineitem name|Lineitem price|Billing Name|Billing Country|Id",
			"#1001|anna@example.com|paid|2023-01-15 10:23:45 -0500|fulfilled|USD|50.00|5.00|4.00|59.00|2023-01-15 10:23:45 -0500|1|Mug|20.00|Anna A|US|5012",
			"#1001|||||||||||1|Cap|30.00|||",
			"#1002|bo@example.com|refunded|2023-01-16 09:00:00 -0500|unfulfilled|USD|10.00|0.00|0.00|10.00|2023-01-16 09:00:00 -0500|1|Pin|10.00|Bo B|DK|5013",
		},
		Want: map[Role]string{OrderID: "Name", Email: "Email", Status: "Financial Status", Currency: "Currency",
			Total: "Total", Date: "Created at", Quantity: "Lineitem quantity", Product: "Lineitem name",
			UnitPrice: "Lineitem price", Name: "Billing Name", Country: "Billing Country", CustomerID: ""},
	}, {
		Name: "WooCommerce",
		Lines: []string{
			"Order ID|Order Date|Order Status|Customer User ID|Billing Email Address|Order Total|Order Currency|Item Name|Quantity|Item Cost|Category|Billing Country",
			"812|2024-03-01 10:00|wc-completed|17|a@b.dk|299.00|DKK|Tee|2|149.50|Shirts|DK",
		},
		Want: map[Role]string{OrderID: "Order ID", Date: "Order Date", Status: "Order Status", CustomerID: "Customer User ID",
			Email: "Billing Email Address", Total: "Order Total", Currency: "Order Currency", Product: "Item Name",
			Quantity: "Quantity", UnitPrice: "Item Cost", Category: "Category", Country: "Billing Country"},
	}, {
		Name: "Ecwid",
		Lines: []string{
			"Order Number|Order Date|Customer Email|Customer Name|Order Total|Payment Status|Fulfillment Status|Product Name",
			"1201|2024-02-02 12:00:00|x@y.no|Kari Nordmann|450|PAID|SHIPPED|Genser",
		},
		Want: map[Role]string{OrderID: "Order Number", Date: "Order Date", Email: "Customer Email", Name: "Customer Name",
			Total: "Order Total", Status: "Payment Status", Product: "Product Name"},
	}, {
		Name: "Magento",
		Lines: []string{
			"ID|Purchase Date|Bill-to Name|Ship-to Name|Grand Total (Base)|Grand Total (Purchased)|Status|Customer Email",
			"000000012|Mar 3, 2024 10:11:12 AM|Ann|Ann|€120.00|€120.00|complete|ann@example.de",
		},
		Want: map[Role]string{OrderID: "ID", Date: "Purchase Date", Name: "Bill-to Name", Total: "Grand Total (Base)",
			Status: "Status", Email: "Customer Email"},
	}, {
		Name: "German",
		Lines: []string{
			"Bestellnummer|Bestelldatum|Kundennummer|Betrag|Währung|Artikel|Warengruppe",
			"A-1|03.02.2024|K1|1.234,56|EUR|Tasse|Küche",
			"A-2|13.02.2024|K2|99,90|EUR|Teller|Küche",
		},
		Want: map[Role]string{OrderID: "Bestellnummer", Date: "Bestelldatum", CustomerID: "Kundennummer", Total: "Betrag",
			Currency: "Währung", Product: "Artikel", Category: "Warengruppe"},
	}, {
		Name: "Danish",
		Lines: []string{
			"Ordrenummer;Ordredato;Kundenummer;Beløb;Antal;Stykpris;Produkt",
			"1|03-02-2024|77|1.234,50|2|617,25|Kop",
		},
		Want: map[Role]string{OrderID: "Ordrenummer", Date: "Ordredato", CustomerID: "Kundenummer", Total: "Beløb",
			Quantity: "Antal", UnitPrice: "Stykpris", Product: "Produkt"},
	}, {
		Name: "Norwegian",
		Lines: []string{
			"Ordre-ID|Dato|Kunde-ID|E-post|Totalbeløb|Antall|Enhetspris|Vare|Land",
			"9|03.02.2024|5|k@n.no|500|1|500|Sokker|Norge",
		},
		Want: map[Role]string{OrderID: "Ordre-ID", Date: "Dato", CustomerID: "Kunde-ID", Email: "E-post", Total: "Totalbeløb",
			Quantity: "Antall", UnitPrice: "Enhetspris", Product: "Vare", Country: "Land"},
	}, {
		Name: "Swedish",
		Lines: []string{
			"Ordernummer|Orderdatum|Kundnummer|Belopp|Antal|Styckpris|Artikel|Kategori",
			"1|2024-02-03|K9|299,00|1|299,00|Mössa|Accessoarer",
		},
		Want: map[Role]string{OrderID: "Ordernummer", Date: "Orderdatum", CustomerID: "Kundnummer", Total: "Belopp",
			Quantity: "Antal", UnitPrice: "Styckpris", Product: "Artikel", Category: "Kategori"},
	}, {
		Name: "Filipino",
		Lines: []string{
			"Numero ng Order|Petsa|Numero ng Customer|Kabuuang Halaga|Dami|Presyo|Produkto|Kategorya|Katayuan",
			"PH-1|2024-02-03|C1|₱1,250.00|1|₱1,250.00|Bag|Fashion|Bayad",
		},
		Want: map[Role]string{OrderID: "Numero ng Order", Date: "Petsa", CustomerID: "Numero ng Customer", Total: "Kabuuang Halaga",
			Quantity: "Dami", UnitPrice: "Presyo", Product: "Produkto", Category: "Kategorya", Status: "Katayuan"},
	}, {
		Name: "CDNOW",
		Lines: []string{
			"customer_id|date|number_of_cds|dollar_value",
			"1|19970101|1|11.77", "2|19970112|1|12.00", "2|19970112|5|77.00", "3|19970102|2|20.76",
		},
		Want: map[Role]string{CustomerID: "customer_id", Date: "date", Quantity: "number_of_cds", Total: "dollar_value", OrderID: ""},
	}, {
		Name: "Shopify: whole-number shipping and zero discounts are money, never the customer",
		Lines: []string{
			"Name|Email|Financial Status|Subtotal|Shipping|Taxes|Total|Discount Amount|Created at|Lineitem quantity|Lineitem price|Outstanding Balance",
			"#1001|a@x.dk|paid|50.00|5|10.00|55.00|0.00|2024-01-15 10:23:45 +0100|1|50.00|0.00",
			"#1001|||||||||1|20.00|",
			"#1002|b@x.dk|paid|20.00|5|4.00|25.00|0.00|2024-01-16 10:23:45 +0100|1|20.00|0.00",
			"#1003|a@x.dk|paid|20.00|9|4.00|29.00|0.00|2024-02-16 10:23:45 +0100|1|20.00|0.00",
			"#1004|c@x.dk|paid|20.00|0|4.00|20.00|0.00|2024-02-17 10:23:45 +0100|1|20.00|0.00",
		},
		Want: map[Role]string{OrderID: "Name", Email: "Email", CustomerID: "", Total: "Total", Date: "Created at"},
	}, {
		Name: "Shopee: the buyer's username, not amounts paid by the buyer; the creation date, not the ship-out date",
		Lines: []string{
			"Order ID|Order Status|Estimated Ship Out Date|Ship Time|Order Creation Date|Order Paid Time|Product Name|Quantity|Products' Price Paid by Buyer (PHP)|Buyer Paid Shipping Fee|Grand Total|Username (Buyer)|Receiver Name|Remark from buyer",
			"2401015ABC|Completed|2024-01-03 23:59|2024-01-02 10:00|2024-01-01 12:00|2024-01-01 12:05|Bag|1|450|45|495|juan.cruz|Juan Cruz|",
			"2401025ABD|Completed|2024-01-04 23:59|2024-01-03 10:00|2024-01-02 12:00|2024-01-02 12:05|Hat|2|300|45|345|ana_r|Ana Reyes|pls wrap",
			"2401035ABE|Completed|2024-01-05 23:59|2024-01-04 10:00|2024-01-03 12:00|2024-01-03 12:05|Bag|1|450|45|495|juan.cruz|Juan Cruz|",
		},
		Want: map[Role]string{OrderID: "Order ID", CustomerID: "Username (Buyer)", Date: "Order Creation Date",
			Total: "Grand Total", Quantity: "Quantity", Name: "Receiver Name", Status: "Order Status"},
	}, {
		Name: "PayPal: the payer's e-mail, not the shop's",
		Lines: []string{
			"Date|Time|TimeZone|Name|Type|Status|Currency|Gross|Fee|Net|From Email Address|To Email Address|Transaction ID",
			"01/02/2024|10:00:00|CET|Anna Berg|Website Payment|Completed|EUR|50,00|-1,60|48,40|anna@x.dk|shop@nordic.dk|1AB",
			"02/02/2024|11:00:00|CET|Ole Dahl|Website Payment|Completed|EUR|20,00|-0,90|19,10|ole@x.no|shop@nordic.dk|2AB",
		},
		Want: map[Role]string{Email: "From Email Address", Total: "Gross", OrderID: "Transaction ID", Date: "Date"},
	}, {
		Name: "Stripe payments: the amount refunded and its date are the refund's, never the order's",
		Lines: []string{
			"id|Created date (UTC)|Amount|Amount Refunded|Currency|Converted Amount Refunded|Refunded date (UTC)|Status|Customer ID|Customer Email",
			"ch_3Nq1|2024-03-01 10:00:00|101.90|35.00|eur|35.00|2024-03-16 09:00:00|Paid|cus_OaB1|anna@x.dk",
			"ch_3Nq2|2024-03-02 11:00:00|92.21|0.00|eur|0.00||Paid|cus_OaB2|ole@x.no",
			"ch_3Nq3|2024-03-03 12:00:00|64.50|64.50|eur|64.50|2024-03-20 08:00:00|Refunded|cus_OaB1|anna@x.dk",
		},
		Want: map[Role]string{OrderID: "id", Date: "Created date (UTC)", Total: "Amount", Refunded: "Amount Refunded",
			RefundDate: "Refunded date (UTC)", CustomerID: "Customer ID", Email: "Customer Email", Status: "Status"},
	}, {
		Name: "German: Erstatteter Betrag is the refund, Gesamtbetrag the order",
		Lines: []string{
			"Bestellnummer;Bestelldatum;E-Mail (Rechnung);Gesamtbetrag;Erstatteter Betrag",
			"1001;01.03.2024 10:00;anna@x.de;101,90 €;35,00 €",
			"1002;02.03.2024 11:00;ole@x.de;92,21 €;0,00 €",
		},
		Want: map[Role]string{OrderID: "Bestellnummer", Total: "Gesamtbetrag", Refunded: "Erstatteter Betrag"},
	}, {
		Name: "Danish: refunderet beløb",
		Lines: []string{
			"Ordrenummer|Dato|Kundenummer|Beløb|Refunderet beløb",
			"1001|01-03-2024|501|101,90|35,00", "1002|02-03-2024|502|92,21|0,00",
		},
		Want: map[Role]string{Total: "Beløb", Refunded: "Refunderet beløb", CustomerID: "Kundenummer"},
	}, {
		Name: "Norwegian: refundert beløp",
		Lines: []string{
			"Ordrenummer|Dato|E-post|Totalt|Refundert beløp",
			"1001|01.03.2024|kari@x.no|101,90|35,00", "1002|02.03.2024|ola@x.no|92,21|0,00",
		},
		Want: map[Role]string{Total: "Totalt", Refunded: "Refundert beløp", Email: "E-post"},
	}, {
		Name: "Swedish: återbetalt belopp",
		Lines: []string{
			"Ordernummer|Datum|E-post|Totalt|Återbetalt belopp",
			"1001|2024-03-01|eva@x.se|101,90|35,00", "1002|2024-03-02|sven@x.se|92,21|0,00",
		},
		Want: map[Role]string{Total: "Totalt", Refunded: "Återbetalt belopp", Email: "E-post"},
	}, {
		Name: "Filipino: halagang ibinalik",
		Lines: []string{
			"Numero ng Order|Petsa|Email|Kabuuan|Halagang ibinalik",
			"1001|2024-03-01|juan@x.ph|1019.00|350.00", "1002|2024-03-02|ana@x.ph|922.00|0.00",
		},
		Want: map[Role]string{Total: "Kabuuan", Refunded: "Halagang ibinalik", Email: "Email"},
	}, {
		Name: "Wix: the units refunded are returned units, the refunded amount the refund",
		Lines: []string{
			"Order number|Date created|Contact email|Qty|Quantity refunded|Price|Total|Refunded amount|Net amount",
			"10001|Mar 1, 2024|anna@x.dk|2|0|45.00|95.00|35.00|60.00",
			"10002|Mar 2, 2024|ole@x.no|1|1|20.00|25.00|25.00|0.00",
		},
		Want: map[Role]string{Quantity: "Qty", Returned: "Quantity refunded", UnitPrice: "Price", Total: "Total",
			Refunded: "Refunded amount"},
	}, {
		Name: "Customer name and address only",
		Lines: []string{
			"Order|Date|Customer Name|Billing Address|Shipping Address|Total",
			"1|2024-01-01|Anna Berg|Nørregade 12|Søndergade 4|10.00",
		},
		Want: map[Role]string{OrderID: "Order", Name: "Customer Name", Address: "Billing Address", Total: "Total", CustomerID: ""},
	}, {
		Name: "CDNOW sample without a header: values decide",
		Lines: []string{
			"Column 1|Column 2|Column 3|Column 4|Column 5",
			"4|1|19970101|2|29.33", "4|1|19970118|2|29.73", "4|1|19970802|1|14.96", "18|2|19970101|2|26.48",
			"21|3|19970101|3|63.34", "21|3|19970113|1|11.77", "50|4|19970101|1|6.79",
		},
		Want: map[Role]string{CustomerID: "Column 1", Date: "Column 3", Quantity: "Column 4", Total: "Column 5"},
	}}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			lines := tc.Lines
			if strings.Contains(lines[0], ";") {
				for i := range lines {
					lines[i] = strings.ReplaceAll(lines[i], ";", "|")
				}
			}
			h, r := rows(lines...)
			m := Detect(h, r)
			for role, want := range tc.Want {
				i, ok := m.Column(role)
				got := ""
				if ok {
					got = h[i]
				}
				if got != want {
					t.Errorf("%s = %q, want %q (mapping %+v)", role, got, want, m.Matches)
				}
			}
			seen := map[int]bool{}
			for _, x := range m.Matches {
				if seen[x.Column] {
					t.Errorf("column %d has two roles", x.Column)
				}
				seen[x.Column] = true
				if x.Confidence <= 0 || x.Confidence > 1 || x.Why == (report.Why{}) {
					t.Errorf("match %+v: confidence and reason needed", x)
				}
			}
		})
	}
}

func TestSetUnset(t *testing.T) {
	h, r := rows("Order ID|Order Date|Customer ID|Order Total|Line Total", "1|2024-01-01|a|10|10")
	m := Detect(h, r)
	m.Set(Total, 4, "Line Total")
	if i, _ := m.Column(Total); i != 4 {
		t.Fatalf("total = %d, want 4", i)
	}
	for _, x := range m.Matches {
		if x.Role == Total && (x.Confidence != 1 || x.Why != (report.Why{Header: report.SetByUser})) {
			t.Errorf("override = %+v", x)
		}
	}
	m.Set(CustomerID, 0, "Order ID") // takes column 0 from OrderID
	if _, ok := m.Column(OrderID); ok {
		t.Error("order id still mapped after its column was given to customer id")
	}
	m.Unset(CustomerID)
	if _, ok := m.Column(CustomerID); ok {
		t.Error("customer id still mapped after Unset")
	}
}

// TestQuestion: two columns that fit the order date equally well and hold
// different dates are a question, never a choice by column order; the
// same dates twice are no question.
func TestQuestion(t *testing.T) {
	h, r := rows(
		"Order ID|Created (UTC)|Created (local)|Customer ID|Total",
		"1|2024-01-01 23:30|2024-01-02 00:30|7|10.00",
		"2|2024-01-05 10:00|2024-01-05 11:00|8|12.00",
	)
	m := Detect(h, r)
	if _, ok := m.Column(Date); ok {
		t.Fatalf("date chosen: %+v", m.Matches)
	}
	q, ok := m.Question(Date)
	if !ok || len(q.Columns) != 2 || q.Headers[0] != "Created (UTC)" || q.Headers[1] != "Created (local)" {
		t.Fatalf("question = %+v, %v", q, ok)
	}
	m.Set(Date, 2, "Created (local)")
	if _, ok := m.Question(Date); ok {
		t.Error("question stays after the user chose")
	}
	if i, _ := m.Column(Date); i != 2 {
		t.Errorf("date = %d", i)
	}

	h, r = rows(
		"Order ID|Created|Created|Customer ID|Total",
		"1|2024-01-01 23:30|2024-01-01 23:30|7|10.00",
	)
	m = Detect(h, r)
	if _, ok := m.Column(Date); !ok || len(m.Questions) > 0 {
		t.Errorf("identical columns asked about: %+v %+v", m.Matches, m.Questions)
	}
}

// TestHeaderBeatsValues: a role a header names is never taken by a
// column guessed from its values; value guesses are for headerless files.
func TestHeaderBeatsValues(t *testing.T) {
	h, r := rows(
		"Order|Kunde|Dato|Beløb|Fragt",
		"1|K1|2024-01-01|100,00|5",
		"2|K2|2024-01-02|50,00|5",
		"3|K1|2024-01-03|70,00|9",
	)
	m := Detect(h, r)
	for _, x := range m.Matches {
		if x.Source != FromHeader {
			t.Errorf("%s from %s in a file with a header", x.Role, x.Source)
		}
	}
	if i, _ := m.Column(CustomerID); h[i] != "Kunde" {
		t.Errorf("customer = %q", h[i])
	}
}

func TestMoneyShaped(t *testing.T) {
	for v, want := range map[string]bool{"5.00": true, "1.234,56": true, "€5": true, "12 kr": true, "-0,50": true,
		"12346": false, "12346.0": false, "1001": false, "2024-01-01": false, ".50": false} {
		if got := moneyShaped(v); got != want {
			t.Errorf("moneyShaped(%q) = %v", v, got)
		}
	}
}

func TestTransactionKind(t *testing.T) {
	for _, c := range []struct {
		value string
		want  TxnKind
	}{
		{"Express Checkout Payment", TxnSale},
		{"Website Payment", TxnSale},
		{"SALE", TxnSale},
		{"charge", TxnSale},
		{"Payment Refund", TxnRefund},
		{"payment_refund", TxnRefund},
		{"RETURN", TxnRefund},
		{"Chargeback", TxnRefund},
		{"Rückerstattung", TxnRefund},
		{"General Withdrawal", TxnOther},
		{"General Currency Conversion", TxnOther},
		{"Reversal of General Account Hold", TxnOther},
		{"FEE", TxnOther},
		{"Fee Reversal", TxnOther},
		{"payout", TxnOther},
		{"Coffee", TxnUnknown}, // a product type: "fee" only begins a word
		{"Home & Living", TxnUnknown},
		{"", TxnUnknown},
	} {
		if got := TransactionKind(c.value); got != c.want {
			t.Errorf("TransactionKind(%q) = %d, want %d", c.value, got, c.want)
		}
	}
}

// TestTransactionKindLetters checks TransactionKind's skip of the words
// whose letters a token lacks against the plain comparison of every token
// with every word: on each word alone, in compounds, cut short, in capitals,
// with letters changed, and on words of Online Retail's descriptions.
func TestTransactionKindLetters(t *testing.T) {
	plain := func(v string) TxnKind {
		tokens := txnTokens(v)
		has := func(l txnList) bool {
			for _, tk := range tokens {
				for _, w := range l.words {
					if strings.HasPrefix(tk, w) || len(w) >= longTxnWord && strings.Contains(tk, w) {
						return true
					}
				}
			}
			return false
		}
		switch {
		case has(otherTxnWords):
			return TxnOther
		case has(refundTxnWords):
			return TxnRefund
		case has(saleTxnWords):
			return TxnSale
		}
		return TxnUnknown
	}
	values := []string{"WHITE HANGING HEART T-LIGHT HOLDER", "CREAM CUPID HEARTS COAT HANGER", "Manual", "POSTAGE", "Discount", "Bank Charges", "Überweisung", "Gebühr", "Återbetalning", "Tilbakebetaling"}
	rng := rand.New(rand.NewSource(11))
	for _, l := range []txnList{otherTxnWords, refundTxnWords, saleTxnWords} {
		for _, w := range l.words {
			values = append(values, w, "x"+w, w+"s", "pre"+w+"post", strings.ToUpper(w), w[:len(w)-1], "a "+w[1:]+" b")
			b := []byte(w)
			b[rng.Intn(len(b))] = byte('a' + rng.Intn(26))
			values = append(values, string(b), "the "+string(b))
		}
	}
	for _, v := range values {
		if got, want := TransactionKind(v), plain(v); got != want {
			t.Errorf("TransactionKind(%q) = %d, the plain comparison %d", v, got, want)
		}
	}
}

// TestRefundedNotOthers: columns that speak of refunds but hold no
// refunded amount (a status, a date, a refund's id, units) are not taken
// for one.
func TestRefundedNotOthers(t *testing.T) {
	h, r := rows(
		"Order ID|Order Date|Customer ID|Total|Refund Status|Refund ID|Refund Reason|Quantity refunded|Refunded date",
		"1|2024-03-01|c1|101.90|Refund Accepted|4711|Damaged|1|2024-03-10",
		"2|2024-03-02|c2|92.21||||0|",
		"3|2024-03-03|c1|64.50|Refund Accepted|4712|Wrong size|2|2024-03-12",
	)
	m := Detect(h, r)
	if i, ok := m.Column(Refunded); ok {
		t.Errorf("refunded = %q, want none", h[i])
	}
	if i, ok := m.Column(Returned); !ok || h[i] != "Quantity refunded" {
		t.Errorf("returned = %d, %v, want Quantity refunded", i, ok)
	}
	if i, ok := m.Column(RefundDate); !ok || h[i] != "Refunded date" {
		t.Errorf("refund date = %d, %v, want Refunded date", i, ok)
	}
}

// TestFoldASCII: an ASCII string folds as any string folds (foldAny), with
// every ASCII byte among them.
func TestFoldASCII(t *testing.T) {
	all := make([]byte, 128)
	for i := range all {
		all[i] = byte(i)
	}
	for _, s := range []string{"", string(all), "Order ID", "Customer_E-Mail", "SALE", "payment_refund", "Total (EUR)", "  x1 "} {
		if got, want := Fold(s), foldAny(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
	if got := Fold("Bestellnr. Ø"); got != "bestellnro" {
		t.Errorf("Fold(non-ASCII) = %q", got)
	}
}

// TestTxnTokens: an ASCII value's words are those FieldsFunc and Fold
// give any value.
func TestTxnTokens(t *testing.T) {
	for _, v := range []string{"", "Express Checkout Payment", "payment_refund", "SALE", "  fee ", "a1b2C3", "General Withdrawal - Bank", "x", "12 34", "Reversal of General Account Hold"} {
		var want []string
		for _, w := range strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) }) {
			want = append(want, Fold(w))
		}
		if got := txnTokens(v); !reflect.DeepEqual(got, want) {
			t.Errorf("txnTokens(%q) = %q, want %q", v, got, want)
		}
	}
}
