package shapes

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The shapes' bytes checked without the workbench's reader: the header as
// the platform documents it, one row per order, line item, unit or
// transaction, a date and an amount as the platform writes them, the
// separator, the quoting, the line ends and the byte order mark.

var utf8BOM = []byte("\uFEFF")

// fileTable is a written export read back: its header and its rows.
type fileTable struct {
	header []string
	rows   [][]string
}

// col is the column of name, or -1.
func (ft fileTable) col(name string) int {
	for i, h := range ft.header {
		if h == name {
			return i
		}
	}
	return -1
}

// readDelimited reads CSV or TSV bytes (after any byte order mark).
func readDelimited(t *testing.T, data []byte, sep rune) fileTable {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM)))
	r.Comma = sep
	r.LazyQuotes = sep == '\t'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return fileTable{recs[0], recs[1:]}
}

// readSheet reads the first sheet of an .xlsx file: every row's cells for
// the first sheetRows rows, and the number of the others (as empty rows).
func readSheet(t *testing.T, data []byte) fileTable {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		var cells []string
		if len(out) <= sheetRows {
			if cells, err = rows.Columns(); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, cells)
	}
	return fileTable{out[0], out[1:]}
}

// sheetRows is how many rows of a workbook the tests read cell by cell.
const sheetRows = 200

// sheets are the workbook exports written and read back once for the
// tests (reading a workbook of ten thousand rows takes a second or two).
var sheets = map[string]struct {
	data []byte
	ft   fileTable
}{}

// sheetOf writes the export of platform's shape and reads it back.
func sheetOf(t *testing.T, platform, export string) ([]byte, fileTable) {
	t.Helper()
	key := platform + "/" + export
	if s, ok := sheets[key]; ok {
		return s.data, s.ft
	}
	data := mustShape(t, platform, export).Write(Source())
	ft := readSheet(t, data)
	sheets[key] = struct {
		data []byte
		ft   fileTable
	}{data, ft}
	return data, ft
}

// sheetXML is the XML of the first worksheet of an .xlsx file.
func sheetXML(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	xml, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return xml
}

// numericCell tells whether cell ref (A1 style) of a worksheet's XML holds
// a number: a cell without a type attribute, or with t="n" (ECMA-376 Part
// 1, 18.3.1.4: the type defaults to number).
func numericCell(t *testing.T, xml []byte, ref string) bool {
	t.Helper()
	m := regexp.MustCompile(`<c r="` + ref + `"([^>]*)>`).FindSubmatch(xml)
	if m == nil {
		t.Fatalf("no cell %s", ref)
	}
	attrs := string(m[1])
	return !strings.Contains(attrs, ` t="`) || strings.Contains(attrs, ` t="n"`)
}

// parseCents reads an amount written with dec as the decimal separator and
// any other of '.' and ',' between thousands: parseCents("-1.234,56", ',')
// = -123456.
func parseCents(t *testing.T, s string, dec rune) int64 {
	t.Helper()
	group := "."
	if dec == '.' {
		group = ","
	}
	whole, frac, _ := strings.Cut(strings.ReplaceAll(s, group, ""), string(dec))
	v, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || len(frac) != 2 {
		t.Fatalf("amount %q: %v", s, err)
	}
	return v
}

func mustShape(t *testing.T, platform, export string) Shape {
	t.Helper()
	s, ok := Find(platform, export)
	if !ok {
		t.Fatalf("no shape %s %s", platform, export)
	}
	return s
}

// countLines is the number of line items of the orders that keep.
func countLines(orders []Order, keep func(Order) bool) int {
	n := 0
	for _, o := range orders {
		if keep(o) {
			n += len(o.Lines)
		}
	}
	return n
}

func countOrders(orders []Order, keep func(Order) bool) int {
	n := 0
	for _, o := range orders {
		if keep(o) {
			n++
		}
	}
	return n
}

func keepAll(Order) bool { return true }

// TestDelimitedLayouts checks each text export's bytes: its documented
// column count and first and last columns, its separator, quoting, line
// ends and byte order mark, its number of rows, and one date and one
// amount column in the platform's format.
func TestDelimitedLayouts(t *testing.T) {
	src := Source()
	for _, c := range []struct {
		platform, export    string
		sep                 rune
		bom, crlf, quoteAll bool
		columns             int // the documented number of columns
		first, last         string
		rows                int
		date, dateRE        string
		amount, amountRE    string
	}{
		{
			platform: "Etsy", export: "EtsySoldOrders", sep: ',', columns: 36,
			first: "Sale Date", last: "SKU", rows: len(src),
			date: "Sale Date", dateRE: `^\d\d/\d\d/\d\d$`, // MM/DD/YY
			amount: "Order Total", amountRE: `^\d+\.\d\d$`,
		},
		{
			platform: "Etsy", export: "EtsySoldOrderItems", sep: ',', columns: 33,
			first: "Sale Date", last: "SKU", rows: countLines(src, func(o Order) bool { return o.Status != Cancelled }),
			date: "Date Paid", dateRE: `^\d\d/\d\d/\d\d$`,
			amount: "Item Total", amountRE: `^\d+\.\d\d$`,
		},
		{
			platform: "Amazon", export: "All Orders", sep: '\t', columns: 32,
			first: "amazon-order-id", last: "price-designation", rows: countLines(src, keepAll),
			date: "purchase-date", dateRE: `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$`,
			amount: "item-price", amountRE: `^\d+\.\d\d$`,
		},
		{
			platform: "SmartWeb (DanDomain Webshop)", export: "Ordrer", sep: ';', crlf: true, quoteAll: true, columns: 37,
			first: "ORDER_ID", last: "USERNAME", rows: countLines(src, keepAll),
			date: "ORDER_DATE", dateRE: `^\d\d-\d\d-\d{4} \d\d:\d\d:\d\d$`,
			amount: "ORDER_TOTAL", amountRE: `^\d{1,3}(\.\d{3})*,\d\d$`, // 1.234,56
		},
		{
			platform: "Stripe", export: "Payments", sep: ',', columns: 26,
			first: "id", last: "Customer Email", rows: countOrders(src, func(o Order) bool { return o.Payment == "Credit Card" }),
			date: "Created date (UTC)", dateRE: `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`,
			amount: "Amount", amountRE: `^\d+\.\d\d$`,
		},
		{
			platform: "Stripe", export: "Payouts", sep: ',', columns: 22,
			first: "id", last: "Destination Last 4", rows: -1,
			date: "Created (UTC)", dateRE: `^\d{4}-\d\d-\d\d \d\d:\d\d$`,
			amount: "Amount", amountRE: `^-?\d+\.\d\d$`,
		},
		{
			platform: "PayPal", export: "Activity", sep: ',', bom: true, crlf: true, quoteAll: true, columns: 41,
			first: "Date", last: "Balance Impact", rows: -1,
			date: "Date", dateRE: `^\d\d/\d\d/\d{4}$`, // dd/mm/yyyy
			amount: "Gross", amountRE: `^-?\d{1,3}(\.\d{3})*,\d\d$`,
		},
		{
			platform: "Klarna", export: "Settlement", sep: ',', columns: 27,
			first: "amount", last: "reversal_reference", rows: -1,
			date: "sale_date", dateRE: `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`,
			amount: "amount", amountRE: `^-?\d+$`, // minor units
		},
		{
			platform: "WooCommerce", export: "Analytics > Orders", sep: ',', columns: 11,
			first: "Date", last: "Attribution",
			rows: countOrders(src, func(o Order) bool { return o.Status != Cancelled }) + countOrders(src, func(o Order) bool { return o.Refund > 0 }),
			date: "Date", dateRE: `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`,
			amount: "N. Revenue (formatted)", amountRE: `^-?€\d{1,3}(,\d{3})*\.\d\d$`,
		},
		{
			platform: "WooCommerce", export: "Product export", sep: ',', bom: true, columns: 44,
			first: "ID", last: "Attribute 1 global", rows: -1,
			date: "Date sale price starts", dateRE: `^(\d{4}-\d\d-\d\d)?$`,
			amount: "Regular price", amountRE: `^\d+\.\d\d$`,
		},
	} {
		t.Run(c.platform+"/"+c.export, func(t *testing.T) {
			s := mustShape(t, c.platform, c.export)
			data := s.Write(src)
			if !utf8.Valid(data) {
				t.Error("not UTF-8")
			}
			if got := bytes.HasPrefix(data, utf8BOM); got != c.bom {
				t.Errorf("byte order mark %v, want %v", got, c.bom)
			}
			if got := bytes.Contains(data, []byte("\r\n")); got != c.crlf {
				t.Errorf("CRLF line ends %v, want %v", got, c.crlf)
			}
			ft := readDelimited(t, data, c.sep)
			if len(ft.header) != c.columns || ft.header[0] != c.first || ft.header[len(ft.header)-1] != c.last {
				t.Errorf("header has %d columns %q ... %q; want %d, %q ... %q", len(ft.header), ft.header[0], ft.header[len(ft.header)-1], c.columns, c.first, c.last)
			}
			firstLine, _, _ := bytes.Cut(bytes.TrimPrefix(data, utf8BOM), []byte("\n"))
			firstLine = bytes.TrimSuffix(firstLine, []byte("\r"))
			if c.quoteAll {
				want := `"` + strings.Join(ft.header, `"`+string(c.sep)+`"`) + `"`
				if string(firstLine) != want {
					t.Errorf("header line %q, want every field quoted", firstLine)
				}
			} else if !bytes.HasPrefix(firstLine, []byte(ft.header[0]+string(c.sep))) {
				t.Errorf("header line %q is not %q-separated", firstLine, c.sep)
			}
			if c.rows >= 0 && len(ft.rows) != c.rows {
				t.Errorf("%d rows, want %d", len(ft.rows), c.rows)
			}
			if len(ft.rows) == 0 {
				t.Fatal("no rows")
			}
			for name, re := range map[string]string{c.date: c.dateRE, c.amount: c.amountRE} {
				i := ft.col(name)
				if i < 0 {
					t.Fatalf("no column %q", name)
				}
				rx := regexp.MustCompile(re)
				for r, row := range ft.rows {
					if !rx.MatchString(row[i]) {
						t.Fatalf("row %d, %s = %q; want %s", r+2, name, row[i], re)
					}
				}
			}
		})
	}
}

// TestEtsy checks that the orders download totals each order, that its
// buyer ids name one customer each, and that the items download puts the
// order's shipping on the first item only.
func TestEtsy(t *testing.T) {
	src := Source()
	orders := readDelimited(t, mustShape(t, "Etsy", "EtsySoldOrders").Write(src), ',')
	o := src[0]
	row := orders.rows[0]
	if row[orders.col("Order Total")] != money(o.Total(), '.', 0) || row[orders.col("Order Value")] != money(o.Subtotal(), '.', 0) {
		t.Errorf("first order: total %s, value %s; want %s, %s", row[orders.col("Order Total")], row[orders.col("Order Value")], money(o.Total(), '.', 0), money(o.Subtotal(), '.', 0))
	}
	owner := map[string]string{}
	for _, row := range orders.rows {
		id, name := row[orders.col("Buyer User ID")], row[orders.col("Buyer")]
		if prev, ok := owner[name]; ok && prev != id {
			t.Fatalf("username %s belongs to users %s and %s", name, prev, id)
		}
		owner[name] = id
	}

	items := readDelimited(t, mustShape(t, "Etsy", "EtsySoldOrderItems").Write(src), ',')
	seen := map[string]bool{}
	for _, row := range items.rows {
		id, ship := row[items.col("Order ID")], row[items.col("Order Shipping")]
		if seen[id] && ship != "0.00" {
			t.Fatalf("order %s: shipping %s on a later item", id, ship)
		}
		seen[id] = true
	}
}

// TestAmazonNoBuyer checks that the All Orders report names no buyer.
func TestAmazonNoBuyer(t *testing.T) {
	ft := readDelimited(t, mustShape(t, "Amazon", "All Orders").Write(Source()), '\t')
	for _, h := range ft.header {
		if strings.Contains(h, "buyer") || strings.Contains(h, "email") || strings.Contains(h, "name") && h != "product-name" {
			t.Errorf("column %q names the buyer", h)
		}
	}
}

// TestWorkbookLayouts checks the .xlsx exports: the documented header, one
// row per product line (Shopee) or per unit (Lazada), text dates in the
// platform's format and numeric amounts.
func TestWorkbookLayouts(t *testing.T) {
	src := Source()
	units := 0
	for _, o := range src {
		units += orderQuantity(o)
	}
	for _, c := range []struct {
		platform, export string
		columns          int
		first, last      string
		rows             int
		date, dateRE     string
		amount           string
	}{
		{"Shopee", "Philippines", 54, "Order ID", "Note", countLines(src, keepAll),
			"Order Creation Date", `^\d{4}-\d\d-\d\d \d\d:\d\d$`, "Grand Total"},
		{"Lazada", "Philippines", 74, "orderItemId", "sellerNote", units,
			"createTime", `^\d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d$`, "paidPrice"},
	} {
		t.Run(c.platform, func(t *testing.T) {
			data, ft := sheetOf(t, c.platform, c.export)
			if !bytes.HasPrefix(data, []byte("PK")) {
				t.Fatal("not a zip (xlsx) file")
			}
			if len(ft.header) != c.columns || ft.header[0] != c.first || ft.header[len(ft.header)-1] != c.last {
				t.Errorf("header has %d columns %q ... %q; want %d, %q ... %q", len(ft.header), ft.header[0], ft.header[len(ft.header)-1], c.columns, c.first, c.last)
			}
			if len(ft.rows) != c.rows {
				t.Errorf("%d rows, want %d", len(ft.rows), c.rows)
			}
			di, ai := ft.col(c.date), ft.col(c.amount)
			xml := sheetXML(t, data)
			rx := regexp.MustCompile(c.dateRE)
			for r, row := range ft.rows[:sheetRows] {
				if !rx.MatchString(row[di]) {
					t.Fatalf("row %d, %s = %q; want %s", r+2, c.date, row[di], c.dateRE)
				}
				ref, _ := excelize.CoordinatesToCellName(ai+1, r+2)
				if _, err := strconv.ParseFloat(row[ai], 64); err != nil || r < 10 && !numericCell(t, xml, ref) {
					t.Fatalf("%s = %q is not a number", ref, row[ai])
				}
			}
		})
	}
}

// TestShopeeBuyerColumns checks the traps the Shopee export sets: four
// headers mention the buyer and only one is the buyer, and two ship-out
// dates come before the order's creation date.
func TestShopeeBuyerColumns(t *testing.T) {
	_, ft := sheetOf(t, "Shopee", "Philippines")
	var buyer []string
	for _, h := range ft.header {
		if strings.Contains(strings.ToLower(h), "buyer") {
			buyer = append(buyer, h)
		}
	}
	want := []string{"Products' Price Paid by Buyer (PHP)", "Buyer Paid Shipping Fee", "Username (Buyer)", "Remark from buyer"}
	if strings.Join(buyer, "|") != strings.Join(want, "|") {
		t.Errorf("buyer columns %q, want %q", buyer, want)
	}
	if !(ft.col("Estimated Ship Out Date") < ft.col("Order Creation Date") && ft.col("Ship Time") < ft.col("Order Creation Date")) {
		t.Error("ship-out dates do not precede the creation date")
	}
}

// TestLazadaUnits checks Lazada's layout as public parsers of the export
// read it: the platform status in column 66 and no buyer e-mail.
func TestLazadaUnits(t *testing.T) {
	_, ft := sheetOf(t, "Lazada", "Philippines")
	if got := ft.col("status") + 1; got != 66 {
		t.Errorf("status in column %d, want 66", got)
	}
	e := ft.col("customerEmail")
	for _, row := range ft.rows[:sheetRows] {
		if e < len(row) && row[e] != "" {
			t.Fatalf("customerEmail %q", row[e])
		}
	}
}

// TestPayPalRows checks the activity download's rows: payments, refunds
// that refer to a payment of the file, weekly withdrawals, and a balance
// that is the running sum of the nets.
func TestPayPalRows(t *testing.T) {
	src := Source()
	ft := readDelimited(t, mustShape(t, "PayPal", "Activity").Write(src), ',')
	amount := func(s string) int64 { return parseCents(t, s, ',') }
	ids := map[string]bool{}
	types := map[string]int{}
	var balance int64
	for r, row := range ft.rows {
		typ := row[ft.col("Type")]
		types[typ]++
		ids[row[ft.col("Transaction ID")]] = true
		if ref := row[ft.col("Reference Txn ID")]; typ == "Payment Refund" && !ids[ref] {
			t.Errorf("row %d: refund of %q, not an earlier payment", r+2, ref)
		}
		if tz := row[ft.col("TimeZone")]; tz != "CET" && tz != "CEST" {
			t.Errorf("row %d: time zone %q", r+2, tz)
		}
		balance += amount(row[ft.col("Net")])
		if got := amount(row[ft.col("Balance")]); got != balance {
			t.Fatalf("row %d: balance %d, want %d", r+2, got, balance)
		}
	}
	payments := countOrders(src, func(o Order) bool { return o.Payment == "PayPal" && o.Status != Cancelled })
	refunds := countOrders(src, func(o Order) bool { return o.Payment == "PayPal" && o.Refund > 0 })
	if types["Express Checkout Payment"] != payments || types["Payment Refund"] != refunds || types["General Withdrawal"] == 0 {
		t.Errorf("rows by type %v; want %d payments, %d refunds and withdrawals", types, payments, refunds)
	}
}

// TestKlarnaSales checks that the settlement report's sales are the Klarna
// orders' totals in minor units, each with two fee rows.
func TestKlarnaSales(t *testing.T) {
	src := Source()
	ft := readDelimited(t, mustShape(t, "Klarna", "Settlement").Write(src), ',')
	var sales, want int64
	types := map[string]int{}
	for _, row := range ft.rows {
		typ := row[ft.col("type")]
		types[typ]++
		if typ == "SALE" {
			v, _ := strconv.ParseInt(row[ft.col("amount")], 10, 64)
			sales += v
		}
	}
	n := 0
	for _, o := range src {
		if o.Payment == "Klarna" && o.Status != Cancelled {
			want += o.Total()
			n++
		}
	}
	if sales != want || types["SALE"] != n || types["FEE"] != 2*n {
		t.Errorf("sales %d in %d rows, %d fee rows; want %d in %d rows, %d", sales, types["SALE"], types["FEE"], want, n, 2*n)
	}
}

// TestStripePayouts checks that the payouts add up to the card charges
// less fees and refunds.
func TestStripePayouts(t *testing.T) {
	src := Source()
	ft := readDelimited(t, mustShape(t, "Stripe", "Payouts").Write(src), ',')
	var paid, want int64
	for _, row := range ft.rows {
		paid += parseCents(t, row[ft.col("Amount")], '.')
	}
	for _, o := range src {
		if o.Payment == "Credit Card" && o.Status != Cancelled {
			want += o.Total() - stripeFee(o.Total()) - o.Refund
		}
	}
	if paid != want {
		t.Errorf("payouts %d, want %d", paid, want)
	}
}

// TestWooProducts checks the catalogue: one row per product the orders
// sold, a price for each, and nothing that looks like a customer.
func TestWooProducts(t *testing.T) {
	src := Source()
	ft := readDelimited(t, mustShape(t, "WooCommerce", "Product export").Write(src), ',')
	names := map[string]bool{}
	for _, o := range src {
		for _, l := range o.Lines {
			names[l.Product] = true
		}
	}
	if len(ft.rows) != len(names) {
		t.Errorf("%d products, want %d", len(ft.rows), len(names))
	}
	for _, h := range ft.header {
		if h := strings.ToLower(h); strings.Contains(h, "email") || strings.Contains(h, "customer id") || strings.Contains(h, "billing") {
			t.Errorf("column %q", h)
		}
	}
}

func TestStableID(t *testing.T) {
	if a, b := stableID(42, 12, alnumMixed), stableID(42, 12, alnumMixed); a != b || len(a) != 12 {
		t.Errorf("stableID(42, 12) = %q, then %q", a, b)
	}
	seen := map[string]uint64{}
	for k := uint64(0); k < 10000; k++ {
		id := stableID(k, 8, alnumUpper)
		if prev, ok := seen[id]; ok {
			t.Fatalf("keys %d and %d both give %s", prev, k, id)
		}
		seen[id] = k
	}
	if got := uuidFor(7); !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`).MatchString(got) {
		t.Errorf("uuidFor(7) = %q", got)
	}
}

func TestBuyerUsername(t *testing.T) {
	owner := map[string]int{}
	for _, o := range Source() {
		u := buyerUsername(o)
		if prev, ok := owner[u]; ok && prev != o.CustomerID {
			t.Fatalf("%s is customers %d and %d", u, prev, o.CustomerID)
		}
		owner[u] = o.CustomerID
	}
}
