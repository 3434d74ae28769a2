package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// productFile writes a small orders export with products, one row per
// line item:
//
//	a: 2024-01-05 Mug; 2024-03-01 Tea
//	b: 2024-01-20 Mug and Tea
//	c: 2024-02-03 Tea
//	d: 2024-02-20 Mug; 2024-03-10 Mug
//
// Mug is in the category Kitchen, Tea in Pantry.
// The reference date is the day after the last order, 2024-03-11.
func productFile(t *testing.T) string {
	t.Helper()
	rows := [][]string{{"Order ID", "Email", "Order Date", "Product", "Category", "Quantity", "Total"},
		{"1", "a@example.com", "2024-01-05", "Mug", "Kitchen", "1", "10.00"},
		{"2", "b@example.com", "2024-01-20", "Mug", "Kitchen", "1", "30.00"},
		{"2", "b@example.com", "2024-01-20", "Tea", "Pantry", "1", "30.00"},
		{"3", "c@example.com", "2024-02-03", "Tea", "Pantry", "1", "20.00"},
		{"4", "d@example.com", "2024-02-20", "Mug", "Kitchen", "1", "10.00"},
		{"5", "a@example.com", "2024-03-01", "Tea", "Pantry", "1", "20.00"},
		{"6", "d@example.com", "2024-03-10", "Mug", "Kitchen", "2", "20.00"},
	}
	p := filepath.Join(t.TempDir(), "products.csv")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.WriteAll(rows)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestList(t *testing.T) {
	file := productFile(t)
	tests := []struct {
		name string
		args []string
		list string
		want []string // e-mails, sorted
	}{
		{"bought", []string{"--bought", "Mug"}, "Bought Mug", []string{"a@example.com", "b@example.com", "d@example.com"}},
		{"bought, any case", []string{"--bought", "tea"}, "Bought tea", []string{"a@example.com", "b@example.com", "c@example.com"}},
		{"but not", []string{"--bought", "Mug", "--not-bought", "Tea"}, "Bought Mug, not Tea", []string{"d@example.com"}},
		// Last Mug: a 66 days before 2024-03-11, b 51, d 1.
		{"not again in 60 days", []string{"--bought", "Mug", "--not-again-days", "60"}, "Bought Mug, not again in 60 days", []string{"a@example.com"}},
		{"not again in 50 days", []string{"--bought", "Mug", "--not-again-days", "50"}, "Bought Mug, not again in 50 days", []string{"a@example.com", "b@example.com"}},
		{"as of an earlier day", []string{"--bought", "Tea", "--as-of", "2024-02-01"}, "Bought Tea", []string{"b@example.com"}},
		{"nobody", []string{"--bought", "Kettle"}, "Bought Kettle", nil},
		{"in a category", []string{"--bought", "Kitchen", "--category"}, "Bought in category Kitchen", []string{"a@example.com", "b@example.com", "d@example.com"}},
		{"in a category, not another", []string{"--bought", "Pantry", "--not-bought", "Kitchen", "--category"}, "Bought in category Pantry, not Kitchen", []string{"c@example.com"}},
		{"a category is no product", []string{"--bought", "Kitchen"}, "Bought Kitchen", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run(append([]string{"list", file, "--json"}, tt.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			var got productList
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			var emails []string
			for _, r := range got.Rows {
				emails = append(emails, r.Email)
			}
			sort.Strings(emails)
			if got.List != tt.list || got.Customers != len(got.Rows) || !reflect.DeepEqual(emails, tt.want) {
				t.Errorf("list %q, %d customers %v; want %q %v", got.List, got.Customers, emails, tt.list, tt.want)
			}
		})
	}
}

func TestListOut(t *testing.T) {
	file := productFile(t)
	out := filepath.Join(t.TempDir(), "mug.csv")
	_, stderr, err := run("list", file, "--bought", "Mug", "--not-bought", "Tea", "--out", out)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(mustRead(t, out))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[1][1] != "d@example.com" || recs[0][len(recs[0])-1] != "next_order_date" {
		t.Errorf("wrote %q", recs)
	}
	if !strings.Contains(stderr, `wrote 1 customers of "Bought Mug, not Tea"`) {
		t.Errorf("stderr %q", stderr)
	}
	// Printed, the list names itself and its customers.
	text, _, err := run("list", file, "--bought", "Mug", "--not-again-days", "60")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(text, "Bought Mug, not again in 60 days (as of 2024-03-11): 1 customers\n") || !strings.Contains(text, "a@example.com") {
		t.Errorf("text:\n%s", text)
	}
}

func TestListErrors(t *testing.T) {
	file := productFile(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"list", file}, "--bought is required"},
		{[]string{"list", file, "--bought", " "}, "--bought is required"},
		{[]string{"list", file, "--bought", "Mug", "--not-again-days", "-1"}, "--not-again-days must be 0 or more"},
		{[]string{"list", file, "--bought", "Mug", "--out", "x.pdf"}, "--out must end in .csv or .xlsx"},
	}
	for _, tt := range tests {
		if _, _, err := run(tt.args...); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.args, err, tt.want)
		}
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
