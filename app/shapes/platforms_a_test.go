package shapes

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// fileShape is what a platform's documentation says of its file, checked
// on the written bytes without the workbench's reader.
type fileShape struct {
	platform, export string
	xlsx             bool // a workbook with one sheet "Orders" (else CSV)
	sep              rune
	bom, crlf        bool
	head             []string // the header's first columns, as documented
	columns          int      // how many columns the header has
	perLine          bool     // one row per line item (else per order)
	newestFirst      bool
	dateCol          string
	dateRe           string
	date             func(o Order) string // the date cell of o's first row
	amountCol        string
	amountRe         string
	amount           func(o Order) string // the amount cell of o's first row
}

var fileShapes = []fileShape{
	{
		platform: "WooCommerce", export: "Orders export", xlsx: true,
		head:    []string{"Order Number", "Order Status", "Order Date", "Customer Note", "First Name (Billing)"},
		columns: 37, perLine: true, newestFirst: true,
		dateCol: "Order Date", dateRe: `^\d{4}-\d\d-\d\d \d\d:\d\d$`,
		date:      func(o Order) string { return o.Created.In(copenhagen).Format("2006-01-02 15:04") },
		amountCol: "Order Total Amount", amountRe: `^\d+\.\d\d$`,
		amount: func(o Order) string { return money(o.Total(), '.', 0) },
	},
	{
		platform: "WooCommerce", export: "German shop", sep: ';', bom: true, crlf: true,
		head:    []string{"Bestellnummer", "Bestellstatus", "Bestelldatum", "Kundenhinweis", "Vorname (Rechnung)"},
		columns: 37, perLine: true, newestFirst: true,
		dateCol: "Bestelldatum", dateRe: `^\d\d\.\d\d\.\d{4} \d\d:\d\d$`,
		date:      func(o Order) string { return o.Created.In(berlin).Format("02.01.2006 15:04") },
		amountCol: "Gesamtbetrag", amountRe: `^\d{1,3}(\.\d{3})*,\d\d €$`,
		amount: func(o Order) string { return money(o.Total(), ',', '.') + " €" },
	},
	{
		platform: "Shopware 6", export: "Default orders", sep: ';',
		head:    []string{"id", "order_number", "sales_channel_id", "customer_firstname", "customer_lastname", "customer_email"},
		columns: 24,
		dateCol: "order_date_time", dateRe: `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.000$`,
		date:      func(o Order) string { return o.Created.UTC().Format("2006-01-02 15:04:05.000") },
		amountCol: "amount_total", amountRe: `^\d+(\.\d{1,2})?$`,
		amount: func(o Order) string { return phpFloat(o.Total()) },
	},
	{
		platform: "Magento 2", export: "Orders grid", sep: ',',
		head:    []string{"ID", "Purchase Point", "Purchase Date", "Bill-to Name", "Ship-to Name", "Grand Total (Base)"},
		columns: 8, newestFirst: true,
		dateCol: "Purchase Date", dateRe: `^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d\d:\d\d [AP]M$`,
		date:      func(o Order) string { return o.Created.In(copenhagen).Format("Jan 2, 2006 3:04:05 PM") },
		amountCol: "Grand Total (Purchased)", amountRe: `^€\d{1,3}(,\d{3})*\.\d\d$`,
		amount: func(o Order) string { return "€" + money(o.Total(), '.', ',') },
	},
	{
		platform: "PrestaShop", export: "Orders export", sep: ';',
		head:    []string{"ID", "Reference", "New client", "Delivery", "Customer", "Total", "Payment", "Status", "Date"},
		columns: 9, newestFirst: true,
		dateCol: "Date", dateRe: `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`,
		date:      func(o Order) string { return o.Created.In(copenhagen).Format("2006-01-02 15:04:05") },
		amountCol: "Total", amountRe: `^€\d{1,3}(,\d{3})*\.\d\d$`,
		amount: func(o Order) string { return "€" + money(o.Total(), '.', ',') },
	},
	{
		platform: "BigCommerce", export: "Default template", sep: ',',
		head:    []string{"Order ID", "Customer ID", "Customer Name", "Customer Email", "Customer Phone", "Order Date"},
		columns: 54,
		dateCol: "Order Date", dateRe: `^\d\d/\d\d/\d{4}$`,
		date:      func(o Order) string { return o.Created.In(copenhagen).Format("02/01/2006") },
		amountCol: "Order Total (inc tax)", amountRe: `^\d+\.\d\d$`,
		amount: func(o Order) string { return money(o.Total(), '.', 0) },
	},
	{
		platform: "Squarespace", export: "Orders CSV", sep: ',',
		head:    []string{"Order ID", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at"},
		columns: 46, perLine: true,
		dateCol: "Created at", dateRe: `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}$`,
		date:      func(o Order) string { return o.Created.In(copenhagen).Format("2006-01-02 15:04:05 -0700") },
		amountCol: "Total", amountRe: `^(\d+\.\d\d)?$`,
		amount: func(o Order) string { return money(o.Total(), '.', 0) },
	},
	{
		platform: "Wix", export: "Store orders", sep: ',',
		head:    []string{"Order number", "Date created", "Time", "Fulfill by", "Total order quantity", "Contact email"},
		columns: 50, perLine: true,
		dateCol: "Date created", dateRe: `^[A-Z][a-z]{2} \d{1,2}, \d{4}$`,
		date:      func(o Order) string { return o.Created.In(copenhagen).Format("Jan 2, 2006") },
		amountCol: "Total", amountRe: `^\d+\.\d\d$`,
		amount: func(o Order) string { return money(o.Total(), '.', 0) },
	},
}

// rowsOf reads a written file as rows of cells, checking the byte order
// mark, the line ends and that every row has the header's width.
func rowsOf(t *testing.T, c fileShape, data []byte) [][]string {
	t.Helper()
	if c.xlsx {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if got := f.GetSheetList(); len(got) != 1 || got[0] != "Orders" {
			t.Fatalf("sheets %q, want [Orders]", got)
		}
		rows, err := f.GetRows("Orders")
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	if got := bytes.HasPrefix(data, []byte("\uFEFF")); got != c.bom {
		t.Errorf("byte order mark %v, want %v", got, c.bom)
	}
	if got := bytes.Contains(data, []byte("\r\n")); got != c.crlf {
		t.Errorf("CRLF line ends %v, want %v", got, c.crlf)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comma = c.sep
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestFileShapes(t *testing.T) {
	src := Source()
	for _, c := range fileShapes {
		t.Run(c.platform+"/"+c.export, func(t *testing.T) {
			s, ok := Find(c.platform, c.export)
			if !ok {
				t.Fatal("no such shape")
			}
			rows := rowsOf(t, c, s.Write(src))
			header := rows[0]
			if len(header) != c.columns {
				t.Errorf("%d columns, want %d", len(header), c.columns)
			}
			if !equalPrefix(header, c.head) {
				t.Errorf("header starts %q, want %q", header[:min(len(header), len(c.head))], c.head)
			}
			want := 0
			for _, o := range src {
				if c.perLine {
					want += len(o.Lines)
				} else {
					want++
				}
			}
			if got := len(rows) - 1; got != want {
				t.Errorf("%d rows, want %d", got, want)
			}
			dc, ac := indexOf(header, c.dateCol), indexOf(header, c.amountCol)
			if dc < 0 || ac < 0 {
				t.Fatalf("no column %q or %q", c.dateCol, c.amountCol)
			}
			dateRe, amountRe := regexp.MustCompile(c.dateRe), regexp.MustCompile(c.amountRe)
			for i, row := range rows[1:] {
				if len(row) > dc && !dateRe.MatchString(row[dc]) {
					t.Fatalf("row %d: date %q does not match %s", i+1, row[dc], c.dateRe)
				}
				if len(row) > ac && !amountRe.MatchString(row[ac]) {
					t.Fatalf("row %d: amount %q does not match %s", i+1, row[ac], c.amountRe)
				}
			}
			first := src[0]
			if c.newestFirst {
				first = src[len(src)-1]
			}
			if got, want := rows[1][dc], c.date(first); got != want {
				t.Errorf("first row's date %q, want %q", got, want)
			}
			if got, want := rows[1][ac], c.amount(first); got != want {
				t.Errorf("first row's amount %q, want %q", got, want)
			}
		})
	}
}

// TestOtherFileShapes checks the non-orders exports' headers and one
// value of each.
func TestOtherFileShapes(t *testing.T) {
	src := Source()
	for _, c := range []struct {
		export string
		head   []string
		col    string
		re     string
	}{
		{"Customers", []string{"Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing"}, "Total Spent", `^\d+\.\d\d$`},
		{"Products", []string{"Handle", "Title", "Body (HTML)", "Vendor", "Product Category", "Type"}, "Variant Price", `^\d+\.\d\d$`},
		{"Inventory", []string{"Handle", "Title", "Option1 Name", "Option1 Value"}, "On hand", `^\d+$`},
		{"Payouts", []string{"Payout Date", "Status", "Charges", "Refunds", "Adjustments", "Reserved Funds", "Fees"}, "Payout Date", `^\d{4}-\d\d-\d\d$`},
	} {
		t.Run(c.export, func(t *testing.T) {
			s, ok := Find("Shopify", c.export)
			if !ok {
				t.Fatal("no such shape")
			}
			rows := rowsOf(t, fileShape{sep: ','}, s.Write(src))
			if !equalPrefix(rows[0], c.head) {
				t.Errorf("header starts %q, want %q", rows[0][:len(c.head)], c.head)
			}
			if len(rows) < 10 {
				t.Fatalf("%d rows", len(rows))
			}
			col := indexOf(rows[0], c.col)
			for _, row := range rows[1:] {
				if !regexp.MustCompile(c.re).MatchString(row[col]) {
					t.Fatalf("%s %q does not match %s", c.col, row[col], c.re)
				}
			}
		})
	}
	// The customers export sums the orders: the number of customers and
	// the orders they placed, cancelled ones left out.
	rows := rowsOf(t, fileShape{sep: ','}, writeShopifyCustomers(src))
	ids, orders := map[int]bool{}, 0
	for _, o := range src {
		ids[o.CustomerID] = true
		if o.Status != Cancelled {
			orders++
		}
	}
	sum := 0
	for _, row := range rows[1:] {
		var n int
		fmt.Sscan(row[indexOf(rows[0], "Total Orders")], &n)
		sum += n
	}
	if len(rows)-1 != len(ids) || sum != orders {
		t.Errorf("%d customers with %d orders, want %d with %d", len(rows)-1, sum, len(ids), orders)
	}
}

func TestWritePHPCSV(t *testing.T) {
	for _, c := range []struct {
		name string
		rec  []string
		sep  rune
		want string
	}{
		{"plain", []string{"80331", "a@b.de"}, ';', "80331;a@b.de\n"},
		{"space is quoted", []string{"Hauptstraße 5", "x"}, ';', "\"Hauptstraße 5\";x\n"},
		{"separator is quoted", []string{"a;b"}, ';', "\"a;b\"\n"},
		{"comma is not the separator", []string{"a,b"}, ';', "a,b\n"},
		{"quote doubled", []string{`say "hi"`}, ',', "\"say \"\"hi\"\"\"\n"},
		{"line break", []string{"a\nb"}, ',', "\"a\nb\"\n"},
	} {
		if got := string(writePHPCSV([][]string{c.rec}, c.sep, "\n", false)); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestAmountHelpers(t *testing.T) {
	for _, c := range []struct {
		cents     int64
		net, php  string
		euro, mag string
	}{
		// net = round(c / 1.25): 125 cents with 25% VAT are 100 without.
		{125, "1.00", "1.25", "1,25 €", "1.25"},
		{10000, "80.00", "100", "100,00 €", "100.00"},
		{123450, "987.60", "1234.5", "1.234,50 €", "1,234.50"},
	} {
		if got := money(net(c.cents), '.', 0); got != c.net {
			t.Errorf("net(%d) = %s, want %s", c.cents, got, c.net)
		}
		if got := phpFloat(c.cents); got != c.php {
			t.Errorf("phpFloat(%d) = %s, want %s", c.cents, got, c.php)
		}
		if got := euro(c.cents); got != c.euro {
			t.Errorf("euro(%d) = %s, want %s", c.cents, got, c.euro)
		}
		if got := money(c.cents, '.', ','); got != c.mag {
			t.Errorf("money(%d) = %s, want %s", c.cents, got, c.mag)
		}
	}
}

func TestExcelSerial(t *testing.T) {
	// 2024-03-05 12:00 in Copenhagen (UTC+1) is Excel day 45356.5: Excel
	// shows serial 45356 as 2024-03-05.
	at, err := time.Parse(time.RFC3339, "2024-03-05T11:00:00Z")
	if err != nil {
		t.Fatal(err)
	}
	if got := excelSerial(at, copenhagen); got != 45356.5 {
		t.Errorf("excelSerial = %v, want 45356.5", got)
	}
}

func equalPrefix(a, prefix []string) bool {
	if len(a) < len(prefix) {
		return false
	}
	for i := range prefix {
		if a[i] != prefix[i] {
			return false
		}
	}
	return true
}

func indexOf(header []string, name string) int {
	for i, h := range header {
		if strings.TrimSpace(h) == name {
			return i
		}
	}
	return -1
}
