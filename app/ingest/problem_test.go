package ingest

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"retention/app/columns"
	"retention/app/report"
)

// TestProblems: a table that gives no orders says why, as a code with its
// details, and keeps the table and mapping for the user to fix it.
func TestProblems(t *testing.T) {
	tests := []struct {
		Name     string
		Lines    []string
		Code     Code
		Sentinel error
		Kind     string
		Platform string
		Role     columns.Role
		Columns  []string
	}{{
		Name: "Shopify customers export",
		Lines: []string{
			"Customer ID|First Name|Last Name|Email|Accepts Email Marketing|Default Address Address1|Default Address City|Total Spent|Total Orders|Note|Tax Exempt",
			"7001|Anna|Berg|anna@x.dk|yes|Nørregade 12|København|120.50|3||no",
			"7002|Ole|Dahl|ole@x.no|no|Storgata 10|Oslo|40.00|1||no",
		},
		Code: NotOrders, Sentinel: ErrNotOrders, Kind: KindCustomers, Platform: "Shopify",
	}, {
		Name: "customers export with a sign-up date and money",
		Lines: []string{
			"E-mail|Name|Created|Orders count|Amount spent|Last order date",
			"anna@x.dk|Anna Berg|2024-01-03|3|120,50|2024-05-01",
			"ole@x.no|Ole Dahl|2024-02-03|1|40,00|2024-02-03",
		},
		Code: NotOrders, Sentinel: ErrNotOrders, Kind: KindCustomers,
	}, {
		Name: "Shopify product catalogue",
		Lines: []string{
			"Handle|Title|Body (HTML)|Vendor|Type|Tags|Published|Variant SKU|Variant Grams|Variant Price|Variant Compare At Price|Image Src",
			"wool-throw|Wool Throw|<p>Warm</p>|Nordic Home|Textiles|wool|true|TEX-101|900|69.00|79.00|https://example.com/a.jpg",
		},
		Code: NotOrders, Sentinel: ErrNotOrders, Kind: KindProducts, Platform: "Shopify",
	}, {
		Name: "stock list",
		Lines: []string{
			"SKU|Product|Location|On hand|Available|Committed|Incoming",
			"TEX-101|Wool Throw|Copenhagen|12|10|2|0",
		},
		Code: NotOrders, Sentinel: ErrNotOrders, Kind: KindInventory,
	}, {
		Name: "payouts summary",
		Lines: []string{
			"Payout Date|Status|Charges|Refunds|Adjustments|Fees|Total|Currency|Bank Account",
			"2024-01-05|paid|1200.00|-40.00|0.00|-35.20|1124.80|EUR|****1234",
		},
		Code: NotOrders, Sentinel: ErrNotOrders, Kind: KindPayouts,
	}, {
		Name: "orders without any customer",
		Lines: []string{
			"amazon-order-id|purchase-date|order-status|product-name|quantity|item-price|ship-city|ship-country",
			"302-1|2024-01-05T10:00:00+00:00|Shipped|Wool Throw|1|69.00|Berlin|DE",
		},
		Code: NoCustomer, Sentinel: ErrNoCustomer, Platform: "Amazon", Role: columns.CustomerID,
	}, {
		Name:  "no date",
		Lines: []string{"Order|Customer|Amount", "1|a|10.00"},
		Code:  NoDate, Sentinel: ErrNoDate, Role: columns.Date,
	}, {
		Name:  "two dates that fit equally well",
		Lines: []string{"Order ID|Created (UTC)|Created (local)|Customer ID|Total", "1|2024-01-01 23:30|2024-01-02 00:30|7|10.00"},
		Code:  Unclear, Sentinel: ErrUnclear, Role: columns.Date, Columns: []string{"Created (UTC)", "Created (local)"},
	}, {
		Name:  "header only",
		Lines: []string{"Order|Date|Customer|Total"},
		Code:  NoRows, Sentinel: ErrNoRows,
	}}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			res, err := FromTable(table(tc.Lines...), Options{})
			var p *Problem
			if !errors.As(err, &p) {
				t.Fatalf("err = %v, want a Problem", err)
			}
			if p.Code != tc.Code || !errors.Is(err, tc.Sentinel) || p.Kind != tc.Kind || p.Platform != tc.Platform {
				t.Errorf("problem %+v, want code %s, kind %q, platform %q", p, tc.Code, tc.Kind, tc.Platform)
			}
			if tc.Role != "" && p.Role != tc.Role {
				t.Errorf("role %s, want %s", p.Role, tc.Role)
			}
			if tc.Columns != nil && !reflect.DeepEqual(p.Columns, tc.Columns) {
				t.Errorf("columns %q, want %q", p.Columns, tc.Columns)
			}
			if res == nil || res.Table == nil || res.Dataset != nil {
				t.Fatalf("result %+v: the table without a dataset is kept for the user", res)
			}
			if msg := p.Error(); msg == "" || strings.Contains(msg, "--") {
				t.Errorf("message %q names a flag", msg)
			}
		})
	}
}

// TestIdentityByName: a file without customer ids or e-mails tells
// customers apart by name and address, and says so.
func TestIdentityByName(t *testing.T) {
	res, err := FromTable(table(
		"Order|Date|Customer Name|Billing Address|Total",
		"1|2024-01-01|Anna Berg|Nørregade 12|10.00",
		"2|2024-02-01|anna  berg|Nørregade 12|20.00",
		"3|2024-02-01|Anna Berg|Storgata 10|30.00",
	), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Dataset.Customers); n != 2 {
		t.Errorf("%d customers, want 2 (the same name at two addresses is two people)", n)
	}
	if !hasNote(res.Report.Notes, report.NoteByNameAddress) {
		t.Errorf("notes %+v do not say customers are told apart by name and address", res.Report.Notes)
	}
}

// TestProblemDetails: a date column that holds no dates says what it
// holds instead, and a file whose every row was skipped says why, for the
// page to word.
func TestProblemDetails(t *testing.T) {
	_, err := FromTable(table(
		"Order|Customer|Date|Total",
		"1|a|13/01/2024|10.00",
		"2|b|01/13/2024|12.00",
	), Options{Map: map[columns.Role]string{columns.Date: "Date"}})
	var p *Problem
	if !errors.As(err, &p) || p.Code != BadDates || !reflect.DeepEqual(p.Values, []string{"13/01/2024", "01/13/2024"}) {
		t.Errorf("mixed dates: %#v", err)
	}
	_, err = FromTable(table(
		"Order|Customer|Date|Total",
		"1||2024-01-01|10.00",
		"2||2024-01-02|12.00",
	), Options{Map: map[columns.Role]string{columns.CustomerID: "Customer"}})
	if !errors.As(err, &p) || p.Code != NoOrders || len(p.Skipped) != 1 || p.Skipped[0].Code != NoCustomerKey || p.Skipped[0].Rows != 2 {
		t.Errorf("no customers: %#v", err)
	}
}
