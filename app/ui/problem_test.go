package ui

import (
	"encoding/json"
	"strings"
	"testing"

	"retention/app/engine"
	"retention/app/i18n"
	"retention/app/report"
)

// problemMsg is the worker's answer for a file that gives no report.
func problemMsg(t *testing.T, id int, name, csv string) string {
	t.Helper()
	res, err := engine.Load(name, []byte(csv), report.Settings{})
	p := engine.ProblemOf(err, res)
	if p == nil {
		t.Fatalf("%s: err = %v, want a problem", name, err)
	}
	b, _ := json.Marshal(report.Reply{Type: report.MsgError, ID: id, Message: err.Error(), Problem: p})
	return string(b)
}

// TestProblem: a file that gives no report replaces the report before it
// with the page's own words, the column choices and its first rows; the
// answer asks the engine again with the chosen column.
func TestProblem(t *testing.T) {
	for _, tc := range []struct {
		name, csv, code string
		want            []string
	}{
		{"customers.csv", "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Total Spent,Total Orders\n1,A,B,a@x.dk,yes,10.00,1\n",
			"not_orders", []string{"looks like a customers export (Shopify), not an orders export", "Orders &gt; Export", `data-role="date"`}},
		{"two-dates.csv", "Order ID,Created (UTC),Created (local),Customer ID,Total\n1,2024-01-01 23:30,2024-01-02 00:30,7,10.00\n",
			"unclear_column", []string{"Which column is the order date? Created (UTC) / Created (local) fit equally well.", `data-role="date"`}},
		{"no-customer.csv", "Order,Date,Total\n1,2024-01-01,10.00\n",
			"no_customer", []string{"no customer id or e-mail, and no name together with an address", `data-role="customer_id"`, `data-role="email"`}},
		{"far-dates.csv", "Order,Customer,Order date,Total\n1,a,1901-01-01,10.00\n2,b,1902-01-01,12.00\n",
			"no_orders", []string{"No row of far-dates.csv could be used as an order: 2 rows: order date out of range"}},
	} {
		t.Run(tc.code, func(t *testing.T) {
			w := &Workbench{tab: TabOverview}
			w.m.handle(reportMsg(t, 0, docOf(t, shop)))
			req := w.m.load(source{Name: tc.name, Size: len(tc.csv)})
			w.m.handle(problemMsg(t, req.ID, tc.name, tc.csv))
			if w.m.Doc != nil || w.m.Problem == nil || w.m.Err != "" {
				t.Fatalf("doc %v, problem %v, err %q: the problem replaces the report, with no raw error", w.m.Doc != nil, w.m.Problem, w.m.Err)
			}
			html := renderHTML(t, w)
			for _, want := range append(tc.want, `id="problem"`, `data-code="`+tc.code+`"`, `id="preview"`, `id="file-input"`) {
				if !strings.Contains(html, want) {
					t.Errorf("page lacks %s", want)
				}
			}
			if strings.Contains(html, "--map") {
				t.Error("the page names a command-line flag")
			}
			r := w.m.setMap("date", "Created (local)")
			if r.Type != report.MsgSettings || r.Settings.Map["date"] != "Created (local)" {
				t.Errorf("answer request %+v", r)
			}
		})
	}
}

// TestDataTabMapping: the Data tab says where each column came from, what
// else could play the role, and which question is open.
func TestDataTabMapping(t *testing.T) {
	d := docOf(t, "Order ID,Created,Customer ID,Subtotal,Total,Product,Lineitem sku\n1,2024-01-01,7,8.00,10.00,Mug,M-1\n2,2024-02-01,8,8.00,10.00,Cup,C-1\n")
	w := &Workbench{tab: TabData}
	w.m.handle(reportMsg(t, 0, d))
	html := renderHTML(t, w)
	for _, want := range []string{"from the column&#39;s name", "also possible: Subtotal"} {
		if !strings.Contains(html, want) {
			t.Errorf("data tab lacks %q", want)
		}
	}
	d.Mapping[0].Source = "user"
	d.Mapping[1].Question = []string{"A", "B"}
	w = &Workbench{tab: TabData}
	w.m.handle(reportMsg(t, 0, d))
	html = renderHTML(t, w)
	for _, want := range []string{"chosen by you", "Which column is it? A / B fit equally well."} {
		if !strings.Contains(html, want) {
			t.Errorf("data tab lacks %q", want)
		}
	}
}

// TestProblemDetail: what a date column holds instead of dates, and why
// every row was skipped, in the page's words.
func TestProblemDetail(t *testing.T) {
	w := &Workbench{loc: i18n.New("de-DE")}
	for _, tc := range []struct {
		p    report.Problem
		want string
	}{
		{report.Problem{Code: "bad_dates", File: "o.csv", Values: []string{"13/01/2024", "01/13/2024"}},
			"Die als Bestelldatum verwendete Spalte in o.csv enthält keine lesbaren Datumsangaben (13/01/2024, 01/13/2024). Wählen Sie eine andere Spalte."},
		{report.Problem{Code: "bad_dates", File: "o.csv"}, "Die als Bestelldatum verwendete Spalte in o.csv enthält keine Datumsangaben. Wählen Sie eine andere Spalte."},
		{report.Problem{Code: "no_orders", File: "o.csv", Detail: "2 rows no customer id or e-mail.", Skipped: []report.Skip{{Code: report.SkipNoCustomerKey, Rows: 2}, {Code: report.SkipNoOrderDate, Rows: 1}}},
			"Keine Zeile von o.csv konnte als Bestellung verwendet werden: 2 Zeilen: weder Kundennummer noch E-Mail-Adresse; 1 Zeile: Bestelldatum fehlt."},
	} {
		if got := w.problemText(&tc.p); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.p.Code, got, tc.want)
		}
	}
}
