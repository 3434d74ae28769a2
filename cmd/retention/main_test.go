package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"retention/app/realdata"
	"retention/app/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func needData(t *testing.T, name string) string {
	t.Helper()
	return realdata.Path(t, name)
}

// run runs the command and returns stdout, stderr and the error.
func run(args ...string) (string, string, error) {
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	err := m.Run(args)
	return out.String(), errb.String(), err
}

func reportJSON(t *testing.T, args ...string) *report.Document {
	t.Helper()
	out, _, err := run(append([]string{"report", "--json"}, args...)...)
	if err != nil {
		t.Fatal(err)
	}
	var d report.Document
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	return &d
}

// golden compares the report, without the per-customer rows and the
// preview, with testdata/NAME, or rewrites it with -update.
func golden(t *testing.T, name string, d *report.Document) {
	t.Helper()
	c := *d
	c.CustomerRows = nil
	c.Preview = report.Preview{}
	got, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	goldenBytes(t, name, append(got, '\n'))
}

// goldenBytes compares got with testdata/NAME, or rewrites it with -update.
func goldenBytes(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got %s\nwant %s\n(run go test -update if the change is right)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs in length: got %d lines, want %d", path, len(gl), len(wl))
	}
}

// TestOnlineRetail checks the report of the UCI Online Retail file against
// facts counted on the file itself (../shared/data/README.md) and a golden
// file, and that the CSV and the Excel workbook give identical figures.
func TestOnlineRetail(t *testing.T) {
	csvPath := needData(t, "online_retail.csv.gz")
	d := reportJSON(t, csvPath)

	// 541,909 lines in the file.
	if d.Ingest.Rows != 541909 {
		t.Errorf("rows = %d, want 541909", d.Ingest.Rows)
	}
	// 135,080 lines have no CustomerID.
	noCust := 0
	for _, s := range d.Skipped {
		if s.Reason == "no customer id or e-mail" {
			noCust = s.Rows
		}
	}
	if noCust != 135080 {
		t.Errorf("rows skipped for no customer = %d, want 135080", noCust)
	}
	// Every row is accounted for.
	in := d.Ingest
	if n := in.OrderRows + in.RefundRows + in.CancelledRows + in.SkippedRows; n != in.Rows {
		t.Errorf("rows accounted for = %d, want %d", n, in.Rows)
	}
	// 4,372 distinct CustomerIDs, of which some only ever cancelled: the
	// customers with an order are fewer.
	if d.Customers < 4300 || d.Customers > 4372 {
		t.Errorf("customers = %d, want between 4300 and 4372", d.Customers)
	}
	golden(t, "online_retail.golden.json", d)

	if testing.Short() {
		return
	}
	x := reportJSON(t, needData(t, "online_retail.xlsx"))
	x.File, x.Format, x.Sheet, x.Sheets = d.File, d.Format, d.Sheet, d.Sheets
	x.Preview, d.Preview = report.Preview{}, report.Preview{}
	x.Notes, d.Notes = nil, nil
	x.Ingest.DateText, d.Ingest.DateText = "", ""
	x.Ingest.NumberText, d.Ingest.NumberText = "", ""
	a, _ := json.Marshal(d)
	b, _ := json.Marshal(x)
	if !bytes.Equal(a, b) {
		as, bs := string(a), string(b)
		i := 0
		for i < len(as) && i < len(bs) && as[i] == bs[i] {
			i++
		}
		lo := max(0, i-200)
		t.Errorf("the workbook's report differs from the CSV's at byte %d:\ncsv  ...%s\nxlsx ...%s", i, as[lo:min(len(as), i+200)], bs[lo:min(len(bs), i+200)])
	}
}

// TestCDNOW reads the whitespace-separated CDNOW master file: 23,570
// customers and 69,659 purchases totalling $2,500,315.63 (../shared/data/README.md).
func TestCDNOW(t *testing.T) {
	d := reportJSON(t, "--grain", "quarter", needData(t, "cdnow_master.txt"))
	if d.Customers != 23570 {
		t.Errorf("customers = %d, want 23570", d.Customers)
	}
	if d.Ingest.Rows != 69659 {
		t.Errorf("rows = %d, want 69659", d.Ingest.Rows)
	}
	// Purchases of one customer on one day are separate rows, hence orders;
	// rows with a zero dollar value are skipped, so revenue is the file's total.
	if got := d.Revenue - d.Refunds; got < 2500315.63-0.005 || got > 2500315.63+0.005 {
		t.Errorf("revenue - refunds = %.2f, want 2500315.63", got)
	}
	golden(t, "cdnow_master.golden.json", d)
}

// TestActiveWindow: --active-window changes the customer base as the
// README says. Four customers: a orders on Jan 5, Feb 10 and Mar 15, b on
// Jan 20 and Mar 2, c on Feb 3, d on Mar 10 (2024).
func TestActiveWindow(t *testing.T) {
	file := filepath.Join(t.TempDir(), "shop.csv")
	os.WriteFile(file, []byte("Order,Customer,Date,Total\n1,a,2024-01-05,100\n2,a,2024-02-10,50\n3,a,2024-03-15,30\n"+
		"4,b,2024-01-20,200\n5,b,2024-03-02,100\n6,c,2024-02-03,40\n7,d,2024-03-10,60\n"), 0o644)
	type fig struct{ s, e, n, retained, reactivated, lost int }
	for _, tc := range []struct {
		flag string
		days int
		want []fig // January, February, March
	}{
		// One period: the base at a month's start is the previous month's
		// customers. March: S = {a, c}, E = {a, b, d}, N = {d}: a retained,
		// c lost, b back after leaving the base.
		{"period", 0, []fig{{0, 2, 2, 0, 0, 0}, {2, 2, 1, 1, 0, 1}, {2, 3, 1, 1, 1, 1}}},
		// 45 days: Mar 1's base is who ordered from Jan 16, {a, b, c}; Apr
		// 1's from Feb 16, {a, b, d}. b is retained in February and March.
		{"45d", 45, []fig{{0, 2, 2, 0, 0, 0}, {2, 3, 1, 2, 0, 0}, {3, 3, 1, 2, 0, 1}}},
		// 20 days is shorter than a month: the window is the month.
		{"20d", 20, []fig{{0, 2, 2, 0, 0, 0}, {2, 2, 1, 1, 0, 1}, {2, 3, 1, 1, 1, 1}}},
	} {
		d := reportJSON(t, file, "--active-window", tc.flag)
		if d.ActiveWindowDays != tc.days || len(d.Periods) != 3 {
			t.Fatalf("--active-window %s: active_window_days %d, %d periods", tc.flag, d.ActiveWindowDays, len(d.Periods))
		}
		for i, w := range tc.want {
			p := d.Periods[i]
			if got := (fig{p.S, p.E, p.New, p.Retained, p.Reactivated, p.Lost}); got != w {
				t.Errorf("--active-window %s, %s: got %+v, want %+v", tc.flag, p.Period, got, w)
			}
		}
		// February is the last complete month (as of 2024-03-16).
		if p := d.Periods[d.LastFull]; p.Period != "2024-02" || *p.Retention != float64(p.Retained)/float64(p.S) || *p.Churn != float64(p.Lost)/float64(p.S) {
			t.Errorf("--active-window %s: last full %s, retention %v churn %v", tc.flag, p.Period, *p.Retention, *p.Churn)
		}
	}
	out, _, err := run("report", file, "--active-window", "45d")
	if err != nil || !strings.Contains(out, "Active window") || !strings.Contains(out, "45 days") {
		t.Errorf("text report: %v\n%s", err, out)
	}
}

func TestSegmentsExport(t *testing.T) {
	csvPath := needData(t, "online_retail.csv.gz")
	dir := t.TempDir()
	out := filepath.Join(dir, "champions.xlsx")
	_, stderr, err := run("segments", csvPath, "--segment", "champions", "--out", out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "Champions") {
		t.Errorf("stderr = %q", stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || rows[0][0] != "customer_id" {
		t.Fatalf("rows = %q", rows[:min(3, len(rows))])
	}
	for _, r := range rows[1:] {
		if r[4] != "Champions" {
			t.Fatalf("row %q is not a Champion", r)
		}
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "photo.csv")
	os.WriteFile(bad, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 0o644)
	noDate := filepath.Join(dir, "nodate.csv")
	os.WriteFile(noDate, []byte("Order ID,Customer ID,Total\n1,a,10\n"), 0o644)
	tests := []struct {
		Name string
		Args []string
		Want string // in the error
	}{
		{"no command", nil, "no command"},
		{"unknown command", []string{"frobnicate"}, "unknown command"},
		{"no file", []string{"report"}, "no file given"},
		{"missing file", []string{"report", filepath.Join(dir, "nope.csv")}, "no such file"},
		{"not a spreadsheet", []string{"report", bad}, "not a spreadsheet"},
		{"no date column", []string{"report", noDate}, "no column with order dates"},
		{"bad grain", []string{"report", "--grain", "week", noDate}, "grain"},
		{"bad tz", []string{"report", "--tz", "Mars/Olympus", noDate}, "time zone"},
		{"bad role", []string{"report", "--map", "colour=Total", noDate}, "unknown role"},
		{"bad window", []string{"report", "--active-window", "3 months", noDate}, "--active-window"},
		{"segments without out", []string{"segments", noDate, "--segment", "VIP"}, "--out"},
	}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			_, _, err := run(tc.Args...)
			// explain(err) is what the command prints.
			if err == nil || !strings.Contains(explain(err), tc.Want) {
				t.Fatalf("err = %v, want it to say %q", explain(err), tc.Want)
			}
		})
	}
}

// TestExplain: a file that gives no orders is told how to fix it with
// this command's flags.
func TestExplain(t *testing.T) {
	for _, tc := range []struct {
		name, file, want string
	}{
		{"no date", "Order,Customer,Amount\n1,a,10.00\n", "--map date=COLUMN"},
		{"unclear", "Order ID,Created (UTC),Created (local),Customer ID,Total\n1,2024-01-01 23:30,2024-01-02 00:30,7,10.00\n", `"Created (UTC)", "Created (local)" fit the order date equally well. Say which with --map date=COLUMN`},
		{"customers export", "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Total Spent,Total Orders\n1,A,B,a@x.dk,yes,10.00,1\n", "looks like a Shopify customers export, not an orders export. Export the orders instead (Shopify: Orders > Export"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.csv")
			if err := os.WriteFile(path, []byte(tc.file), 0o644); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			err := (&Main{Stdout: &out, Stderr: &out}).Run([]string{"report", path})
			if err == nil || !strings.Contains(explain(err), tc.want) {
				t.Errorf("explain(%v) = %q, want it to contain %q", err, explain(err), tc.want)
			}
		})
	}
}

// TestExplainSetting: the engine's setting errors in this command's words,
// naming its flags, as they have always read.
func TestExplainSetting(t *testing.T) {
	for _, tc := range []struct {
		e    report.Error
		want string
	}{
		{report.Error{Code: report.BadDate, Field: "as_of", Value: "1 May"}, `--as-of must be a date like 2024-01-31, got "1 May"`},
		{report.Error{Code: report.BadDate, Field: "validate", Value: "x"}, `--check-until must be a date like 2024-01-31, got "x"`},
		{report.Error{Code: report.BadTimeZone, Field: "tz", Value: "Mars/Olympus"}, `unknown time zone "Mars/Olympus"; use a name such as Europe/Berlin or UTC`},
		{report.Error{Code: report.BadGrain, Field: "grain", Value: "week"}, `grain must be month, quarter or year, got "week"`},
		{report.Error{Code: report.BadActiveWindow, Field: "active_window", Value: "3 months"}, `--active-window must be period or a number of days such as 90d, got "3 months"`},
		{report.Error{Code: report.UnknownRole, Field: "map", Value: "colour", Bound: "date, total"}, `unknown role "colour"; the roles are: date, total`},
		{report.Error{Code: report.BeforeEarliest, Field: "from", Value: "1000-01-01", Bound: "1990-01-01"}, "--from (1000-01-01) is before 1990-01-01: orders are read from that day on"},
		{report.Error{Code: report.AfterTomorrow, Field: "to", Value: "9999-12-31"}, "--to (9999-12-31) is after tomorrow: orders are read up to today"},
		{report.Error{Code: report.EndBeforeStart, Field: "to", Value: "2025-01-01", Bound: "2025-02-01"}, "--to (2025-01-01) is before --from (2025-02-01)"},
		{report.Error{Code: report.EndBeforeStart, Field: "season_to", Value: "2026-01-01", Bound: "2026-02-01"}, "--season-to (2026-01-01) is before --season-from (2026-02-01)"},
		{report.Error{Code: report.BadUnit, Field: "predict_unit", Value: "year"}, `--unit must be week or day, got "year"`},
		{report.Error{Code: report.BadHorizon, Field: "horizon", Value: "-3", Bound: "120"}, "--horizon must be 1 to 120 months, got -3"},
		{report.Error{Code: report.BadDiscount, Field: "discount", Value: "1.5"}, "--discount is a monthly rate from 0 to below 1 (0.01 = 1%), got 1.5"},
		{report.Error{Code: report.NoOrdersToPredict, Value: "x.csv"}, "x.csv has no orders to predict from"},
		{report.Error{Code: report.NoCustomerBy, Field: "until", Value: "2023-12-31"}, "no customer bought on or before 2023-12-31; choose a later --until"},
	} {
		if got := explain(fmt.Errorf("wrapped: %w", &tc.e)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.e.Code, got, tc.want)
		}
	}
}
