package worker

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"retention/app/demo"
	"retention/app/engine"
	"retention/app/limits"
	"retention/app/limits/craft"
	"retention/app/realdata"
	"retention/app/report"
	"retention/app/sheet"
)

const shop = `Order,Customer,Date,Total,Spent
1,a,2025-01-05,10,11
2,b,2025-01-20,20,21
3,a,2025-02-01,30,31
4,c,2025-04-10,40,41
`

func TestSession(t *testing.T) {
	var s Session
	if _, err := s.Apply(report.Settings{}, nil); err == nil {
		t.Error("Apply before Load: no error")
	}
	if _, err := s.Export("All", "csv"); err == nil {
		t.Error("Export before Load: no error")
	}
	var stages []report.Stage
	doc, err := s.Load("shop.csv", []byte(shop), report.Settings{}, func(p report.Progress) {
		if n := len(stages); n == 0 || stages[n-1] != p.Stage {
			stages = append(stages, p.Stage)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	// 10 + 20 + 30 + 40 from the Total column.
	if doc.Customers != 3 || doc.Orders != 4 || doc.Revenue != 100 || doc.Grain != "month" {
		t.Fatalf("customers %d orders %d revenue %v grain %s", doc.Customers, doc.Orders, doc.Revenue, doc.Grain)
	}
	// A text file this small is read before reading reports progress.
	if len(stages) > 0 && stages[0] == report.StageRead {
		stages = stages[1:]
	}
	if want := []report.Stage{report.StageOrders, report.StageFigures}; !reflect.DeepEqual(stages, want) {
		t.Errorf("progress stages %v, want %v", stages, want)
	}
	// The forecast follows, with a stage of its own.
	stages = nil
	if !s.Pending() || doc.Forecast != nil {
		t.Fatalf("the report of the figures: pending %v, forecast %+v", s.Pending(), doc.Forecast)
	}
	if f, err := s.Forecast(func(p report.Progress) { stages = append(stages, p.Stage) }); err != nil || f == nil || f != doc.Forecast || s.Pending() {
		t.Fatalf("forecast %+v, %v; pending %v", f, err, s.Pending())
	}
	if want := []report.Stage{report.StageForecast}; !reflect.DeepEqual(stages, want) {
		t.Errorf("forecast stages %v, want %v", stages, want)
	}
	if f, err := s.Forecast(nil); f != nil || err != nil {
		t.Errorf("a second Forecast: %+v, %v", f, err)
	}
	res := s.res

	// A figure setting: the file is not read again.
	doc, err = s.Apply(report.Settings{Grain: "quarter"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Grain != "quarter" || s.res != res {
		t.Errorf("grain %s, read again %v", doc.Grain, s.res != res)
	}
	// The active window too. With 60 days the base at Mar 1 is who
	// ordered from Dec 31, {a, b}; at Apr 1 from Jan 31, {a}: in March a
	// is retained and b lost, where one period (February's {a}) lost a.
	doc, err = s.Apply(report.Settings{ActiveWindow: "60d"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p := doc.Periods[2]; doc.ActiveWindowDays != 60 || s.res != res || p.Period != "2025-03" || p.S != 2 || p.Retained != 1 || p.Lost != 1 {
		t.Errorf("60-day window: %d days, read again %v, %+v", doc.ActiveWindowDays, s.res != res, p)
	}
	// A reading setting: it is. 11 + 21 + 31 + 41 from Spent.
	doc, err = s.Apply(report.Settings{Map: map[string]string{"total": "Spent"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Revenue != 104 || s.res == res {
		t.Errorf("revenue %v with total=Spent, read again %v", doc.Revenue, s.res != res)
	}
	// A bad setting leaves the last good report in place.
	if _, err := s.Apply(report.Settings{Grain: "fortnight"}, nil); err == nil || !strings.Contains(err.Error(), "fortnight") {
		t.Errorf("bad grain: err = %v", err)
	}

	f, err := s.Export("all", "csv")
	if err != nil {
		t.Fatal(err)
	}
	// As of the day after the last order, 2025-04-11.
	if f.Name != "retention-all-2025-04-11.csv" || f.Rows != 3 || !bytes.HasPrefix(f.Data, []byte("customer_id,")) {
		t.Errorf("csv export %s, %d rows, %q", f.Name, f.Rows, f.Data)
	}
	f, err = s.Export("VIP", "XLSX")
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(f.Data))
	if err != nil {
		t.Fatalf("xlsx export does not open: %v", err)
	}
	rows, _ := x.GetRows(x.GetSheetList()[0])
	if f.Name != "retention-vip-2025-04-11.xlsx" || len(rows) != f.Rows+1 || f.Rows != 1 {
		t.Errorf("xlsx export %s: %d rows for %d customers", f.Name, len(rows), f.Rows)
	}
	r, err := s.Rows("all", "", 0)
	if err != nil || r.List != report.ListAll || r.Total != 3 || len(r.Rows) != 3 {
		t.Errorf("Rows(all) = %+v, %v", r, err)
	}
	if p := ForPage(s.doc); p.CustomerRows != nil || p.Customers != 3 || s.doc.CustomerRows == nil {
		t.Error("ForPage must drop the customer rows from a copy only")
	}
	if _, err := s.Export("Nobody", "csv"); err == nil || !strings.Contains(err.Error(), "All, VIP, Lapsed, Seasonal") {
		t.Errorf("unknown list: err = %v, want the list names", err)
	}
	if _, err := s.Export("All", "pdf"); err == nil {
		t.Error("pdf export: no error")
	}

	// A file the engine cannot read gives its sentence.
	if _, err := s.Load("x.pdf", []byte("%PDF-1.4 ..."), report.Settings{}, nil); err == nil {
		t.Error("pdf file: no error")
	}
}

// TestFailedLoadChangesNothing: a file that cannot be read leaves the
// session as it was (the file, its report, lists and exports); a file that
// needs the user's word replaces it, so that the answer reaches it. A
// file past a bound is said with the bound (report.LimitOf), never as a
// problem to ask about.
func TestFailedLoadChangesNothing(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		kept       bool
		limit      limits.Code // the bound the file is past, "" for none
	}{
		{"a pdf", "x.pdf", []byte("%PDF-1.4 ..."), true, ""},
		{"an empty file", "empty.csv", nil, true, ""},
		{"a truncated gzip", "orders.csv.gz", []byte{0x1f, 0x8b, 8, 0, 0, 0}, true, ""},
		{"no customer column: asked", "no-customer.csv", []byte("Order,Date,Total\n1,2025-01-05,10\n2,2025-02-05,20\n"), false, ""},
		{"a gzip in a gzip", "bomb.csv.gz", craft.Gzip(craft.GzipZeros(64 << 20)), true, limits.Nested},
		{"overlapping zip entries", "bomb.xlsx", craft.Overlapping(100, 64<<20), true, limits.Overlapping},
		{"a cell of many text runs", "cell.xlsx", craft.Workbook(craft.CellOfRuns(40, 4096), nil), true, limits.Cell},
		{"a row past Excel's last", "rows.xlsx", craft.Workbook(craft.RowPastExcel, nil), true, limits.Rows},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s Session
			doc, err := s.Load("shop.csv", []byte(shop), report.Settings{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			want, err := s.Export("All", "csv")
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.Load(tc.file, tc.data, report.Settings{Grain: "year"}, nil)
			if err == nil {
				t.Fatalf("%s: no error", tc.file)
			}
			var p *ProblemError
			if l := report.LimitOf(err, tc.file); tc.limit != "" && (l == nil || l.Code != tc.limit || l.File != tc.file || errors.As(err, &p)) {
				t.Errorf("%s: limit %+v (problem %v), want %s", tc.file, l, p != nil, tc.limit)
			} else if tc.limit == "" && l != nil {
				t.Errorf("%s: limit %+v, want none", tc.file, l)
			}
			f, ferr := s.Export("All", "csv")
			if !tc.kept {
				if !errors.As(err, &p) && s.name != tc.file {
					t.Errorf("a file to ask about is not kept: session holds %q", s.name)
				}
				if ferr == nil {
					t.Error("the report of the file before is still exported after a file that replaced it")
				}
				return
			}
			if s.name != "shop.csv" || s.doc != doc || ferr != nil || !bytes.Equal(f.Data, want.Data) {
				t.Errorf("after %s: file %q, same report %v, export %v", tc.file, s.name, s.doc == doc, ferr)
			}
			if r, err := s.Rows("All", "", 0); err != nil || r.Total != 3 {
				t.Errorf("Rows after %s: %+v, %v", tc.file, r, err)
			}
			if d, err := s.Apply(report.Settings{Grain: "quarter"}, nil); err != nil || d.Customers != 3 {
				t.Errorf("settings after %s: %v", tc.file, err)
			}
		})
	}
}

// TestRowsPaged: a list comes a page at a time, searched by id, e-mail or
// name; an offset out of range gives the first or the last page.
func TestRowsPaged(t *testing.T) {
	const n = 2*report.PageRows + 20 // two full pages and a part
	var b strings.Builder
	b.WriteString("Order,Customer,Email,Date,Total\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%d,c%03d,shop%03d@example.com,2025-01-%02d,%d\n", i, i, n-1-i, 1+i%28, 10+i)
	}
	var s Session
	if _, err := s.Load("many.csv", []byte(b.String()), report.Settings{}, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name          string
		query         string
		offset        int
		matched, from int
		rows          int
	}{
		{"first page", "", 0, n, 0, report.PageRows},
		{"second page", "", report.PageRows, n, report.PageRows, report.PageRows},
		{"last page, part full", "", 2 * report.PageRows, n, 2 * report.PageRows, 20},
		{"inside a page: that page", "", report.PageRows + 7, n, report.PageRows, report.PageRows},
		{"past the end: the last page", "", 10 * n, n, 2 * report.PageRows, 20},
		{"before the start: the first", "", -5, n, 0, report.PageRows},
		{"by id", "C01", 0, 10, 0, 10},        // c010..c019, any case
		{"by e-mail", "shop119@", 0, 1, 0, 1}, // c000's
		{"none found", "nobody", 3, 0, 0, 0},
	}
	for _, tc := range tests {
		r, err := s.Rows("All", tc.query, tc.offset)
		if err != nil || r.Total != n || r.Matched != tc.matched || r.Offset != tc.from || len(r.Rows) != tc.rows || r.Query != tc.query {
			t.Errorf("%s: total %d, matched %d, offset %d, rows %d, err %v", tc.name, r.Total, r.Matched, r.Offset, len(r.Rows), err)
		}
	}
	if r, _ := s.Rows("All", "shop119@", 0); len(r.Rows) != 1 || r.Rows[0].ID != "c000" {
		t.Errorf("e-mail search found %+v", r.Rows)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Can't Lose Them": "cant-lose-them", "About to Sleep": "about-to-sleep", "VIP": "vip", "***": "list", "Ældre kunder": "ældre-kunder"} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestForecastSettings: the page's forecast choices reach the engine, and
// exports carry each customer's prediction.
func TestForecastSettings(t *testing.T) {
	data := realdata.Read(t, "cdnow_sample.txt")
	var s Session
	zero := 0.0
	doc, err := s.Load("cdnow_sample.txt", data, report.Settings{AsOf: "1997-10-01", PredictUnit: "day", Horizon: 6, Discount: &zero, Validate: "1997-06-30"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Forecast(nil); err != nil {
		t.Fatal(err)
	}
	f := doc.Forecast
	if f == nil || f.Unit != "day" || f.Horizon != 6 || f.Discount != 0 || f.Validation.Until != "1997-06-30" || f.Validation.Holdout == nil {
		t.Fatalf("forecast %+v", f)
	}
	if ForPage(doc).Forecast == nil {
		t.Error("the page gets no forecast")
	}
	file, err := s.Export(report.ListSlipping, "csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(file.Data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if file.Name != "retention-slipping-away-1997-10-01.csv" || len(recs) != f.Slipping.Customers+1 || recs[0][10] != "p_alive" || recs[0][12] != "predicted_clv" {
		t.Fatalf("%s: %d rows, header %v; want %d customers", file.Name, len(recs), recs[0], f.Slipping.Customers)
	}
	for _, r := range recs[1:] {
		if p, err := strconv.ParseFloat(r[10], 64); err != nil || p >= 0.5 {
			t.Errorf("slipping customer %s has P(alive) %q", r[0], r[10])
		}
	}
}

// TestSurvey: a survey added to the loaded orders is joined to them; its
// lists are viewed and exported like the others; a new orders file drops
// it; a survey that cannot be read leaves the orders' report standing.
func TestSurvey(t *testing.T) {
	var s Session
	if _, err := s.Survey("nps.csv", demo.NPSCSV(), report.Settings{}, nil); err == nil || !strings.Contains(err.Error(), "load the orders first") {
		t.Errorf("survey before orders: %v", err)
	}
	if _, err := s.Load(demo.FileName, demo.CSV(), report.Settings{}, nil); err != nil {
		t.Fatal(err)
	}
	doc, err := s.Survey("nps.csv", demo.NPSCSV(), report.Settings{QuietDays: 60}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sv := doc.Survey
	if sv == nil || sv.Join == nil || sv.Kind != "nps" || sv.Join.QuietDays != 60 || sv.Join.QuietFanCount != len(sv.Join.QuietFans) || sv.Join.QuietFanCount == 0 {
		t.Fatalf("survey %+v", sv)
	}
	page := ForPage(doc)
	if page.Survey.Join.QuietFans != nil || page.Survey.Join.QuietFanCount != sv.Join.QuietFanCount || doc.Survey.Join.QuietFans == nil {
		t.Error("the page should get the list sizes without their rows, and the session keep them")
	}
	rows, err := s.Rows(report.ListQuietFans, "", 0)
	if err != nil || rows.Total != sv.Join.QuietFanCount || rows.List != report.ListQuietFans {
		t.Errorf("quiet fans rows %+v, %v", rows, err)
	}
	for _, c := range rows.Rows {
		if c.Score == nil || *c.Score < 9 { // a fan's latest answer is a promoter's, 9-10
			t.Errorf("quiet fan %s: score %v", c.ID, c.Score)
		}
	}
	f, err := s.Export(report.ListUnhappyVIPs, "xlsx")
	if err != nil || f.Rows != sv.Join.UnhappyVIPCount || !strings.HasPrefix(f.Name, "retention-unhappy-vips-") {
		t.Errorf("unhappy VIPs export %+v, %v", f, err)
	}
	// The page corrects the survey's scale and columns.
	doc, err = s.Apply(report.Settings{SurveyScale: "csat10", SurveyMap: map[string]string{"comment": ""}}, nil)
	if err != nil || doc.Survey == nil || doc.Survey.Kind != "csat" || doc.Survey.Mapping[4].Column != -1 || len(doc.Survey.Header) != 9 {
		t.Fatalf("corrected survey: %v %+v", err, doc.Survey)
	}
	// Settings keep the survey.
	if doc, err = s.Apply(report.Settings{Grain: "quarter"}, nil); err != nil || doc.Survey == nil || doc.Survey.Grain != "quarter" {
		t.Errorf("after a grain change: %v, %+v", err, doc.Survey)
	}
	// A file that is no survey: the report stands, with the reason.
	if doc, err = s.Survey("store.csv", demo.CSV(), report.Settings{}, nil); err != nil || doc.Survey != nil || !strings.Contains(doc.SurveyError, "looks like an orders export") {
		t.Errorf("orders as a survey: %v, %q", err, doc.SurveyError)
	}
	// A new orders file: no survey.
	if doc, err = s.Load("shop.csv", []byte(shop), report.Settings{}, nil); err != nil || doc.Survey != nil || doc.SurveyError != "" {
		t.Errorf("new orders: %v %+v", err, doc.Survey)
	}
	if _, err := s.Rows(report.ListQuietFans, "", 0); err == nil || !strings.Contains(err.Error(), "add a survey export first") {
		t.Errorf("survey list without a survey: %v", err)
	}
}

// TestForecastFitReused: settings that do not bear on the forecast reuse
// its fitted models, with the same result as fitting again; the
// forecast's own settings fit again.
func TestForecastFitReused(t *testing.T) {
	var s Session
	if _, err := s.Load(demo.FileName, demo.CSV(), report.Settings{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Forecast(nil); err != nil {
		t.Fatal(err)
	}
	fit := s.fit
	doc, err := s.Apply(report.Settings{Grain: "quarter", LapsedDays: 90}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The report comes whole: its forecast does not follow.
	if s.fit != fit || s.Pending() || doc.Forecast == nil {
		t.Errorf("a grain change fitted the models again (%v) or left the forecast to follow (%v)", s.fit != fit, s.Pending())
	}
	fresh := *doc
	fresh.Forecast = nil
	fresh.CustomerRows = append([]report.Customer(nil), doc.CustomerRows...)
	for i := range fresh.CustomerRows {
		c := &fresh.CustomerRows[i]
		c.PAlive, c.PredictedPurchases, c.PredictedCLV, c.Slipping = nil, nil, nil, false
	}
	if err := engine.Forecast(s.res, &fresh, engineSettings(report.Settings{Grain: "quarter", LapsedDays: 90})); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fresh.Forecast, doc.Forecast) || !reflect.DeepEqual(fresh.CustomerRows, doc.CustomerRows) {
		t.Error("the reused fit gives another forecast than fitting again")
	}
	if _, err := s.Apply(report.Settings{Horizon: 6}, nil); err != nil || !s.Pending() {
		t.Fatalf("a horizon change: %v; its forecast follows: %v", err, s.Pending())
	}
	if _, err := s.Forecast(nil); err != nil || s.fit == fit {
		t.Errorf("a horizon change kept the old fit (%v)", err)
	}
}

// TestWarm: the warm-up reads every format without an error, and leaves
// no file behind (a session starts empty after it).
func TestWarm(t *testing.T) {
	doc, err := Warm(nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc == nil || len(doc.Periods) == 0 || len(doc.Cohorts) == 0 || len(doc.Segments) == 0 {
		t.Fatalf("the warm-up's report has no figures: %+v", doc)
	}
}

// TestWarmStops: Warm asks before each of its steps and stops at the
// first no, wherever it comes.
func TestWarmStops(t *testing.T) {
	asked := 0
	if _, err := Warm(func() bool { asked++; return true }); err != nil {
		t.Fatal(err)
	}
	steps := asked
	if steps < 3 {
		t.Fatalf("Warm asked %d times; want one before each of its steps", steps)
	}
	for stop := 1; stop <= steps; stop++ {
		n := 0
		doc, err := Warm(func() bool { n++; return n < stop })
		if err != nil {
			t.Fatal(err)
		}
		if doc != nil {
			t.Errorf("stopped at step %d, Warm returned a report", stop)
		}
		if n != stop {
			t.Errorf("told to stop at step %d, Warm asked %d times", stop, n)
		}
	}
}

func BenchmarkWarm(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Warm(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSessionKeepsTableHead checks that a loaded session keeps the table's
// first rows for the report's preview, not the whole table, and that the
// preview is the one of the whole table.
func TestSessionKeepsTableHead(t *testing.T) {
	var b strings.Builder
	b.WriteString("Order,Customer,Date,Total\n")
	for i := range 3 * engine.PreviewRows {
		fmt.Fprintf(&b, "%d,c%d,2025-01-%02d,%d\n", i+1, i%7, i%28+1, 10+i)
	}
	data := []byte(b.String())
	var s Session
	doc, err := s.Load("shop.csv", data, report.Settings{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := engine.Run("shop.csv", data, report.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if n := s.res.Table.Len(); n != engine.PreviewRows {
		t.Errorf("the session keeps %d rows of the table, want %d", n, engine.PreviewRows)
	}
	if !reflect.DeepEqual(doc.Preview, whole.Preview) || len(doc.Preview.Rows) != engine.PreviewRows {
		t.Errorf("preview %v, from the whole table %v", doc.Preview, whole.Preview)
	}
	again, err := s.Apply(report.Settings{Grain: "quarter"}, nil)
	if err != nil || !reflect.DeepEqual(again.Preview, whole.Preview) {
		t.Errorf("preview after a figure setting %v (%v), want %v", again.Preview, err, whole.Preview)
	}
}

// TestLoadGunzipped checks that a .gz file inflated by the browser gives
// the report of the .gz file read whole, and of its content as a plain
// file, and that a survey does too.
func TestLoadGunzipped(t *testing.T) {
	data := realdata.Read(t, "online_retail.csv.gz")
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	set := report.Settings{TZ: "UTC", AsOf: "2011-12-10"}
	var gz, inflated, plain Session
	want, err := gz.Load("online_retail.csv.gz", data, set, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := inflated.LoadGunzipped("online_retail.csv.gz", out, set, nil)
	if err != nil {
		t.Fatal(err)
	}
	asCSV, err := plain.Load("online_retail.csv", out, set, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the inflated .gz's report differs from the .gz's")
	}
	asCSV.File = want.File
	if !reflect.DeepEqual(asCSV, want) {
		t.Error("the content's report as a plain file differs from the .gz's")
	}
	// A survey sent inflated: the figures of the survey sent as a .gz.
	nps := demo.NPSCSV()
	var s1, s2 Session
	for _, s := range []*Session{&s1, &s2} {
		if _, err := s.Load(demo.FileName, demo.CSV(), report.Settings{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	a, err := s1.Survey("nps.csv.gz", craft.Gzip(nps), report.Settings{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s2.SurveyGunzipped("nps.csv.gz", nps, report.Settings{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Survey == nil || !reflect.DeepEqual(a, b) {
		t.Errorf("survey: inflated %+v, as a .gz %+v", b.Survey, a.Survey)
	}
	// Reading again (a reading setting changed) keeps to the inflated bytes.
	set.TZ = "Europe/Berlin"
	again, err := inflated.Apply(set, nil)
	if err != nil || again.Customers != want.Customers {
		t.Fatalf("again: %v, %d customers, want %d", err, again.Customers, want.Customers)
	}
}

// TestLoadStreamed checks that Online Retail's CSV parsed as it came, in
// the pieces the page sends the engine (sheet.Stream, Settings.Stream),
// gives the report of the file read whole, and that reading it again
// with another reading setting gives the report the whole file gives.
func TestLoadStreamed(t *testing.T) {
	data := realdata.Gunzipped(t, "online_retail.csv.gz")
	set := report.Settings{TZ: "UTC", AsOf: "2011-12-10"}
	var plain, streamed Session
	want, err := plain.Load("online_retail.csv", data, set, nil)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, len(data))
	st := sheet.NewStream(buf, limits.Browser)
	var told []report.Progress
	st.Progress = func(done, total int64) { told = append(told, report.Progress{Done: done, Total: total}) }
	for len(buf) < len(data) {
		k := min(4<<20, len(data)-len(buf))
		buf = append(buf, data[len(buf):len(buf)+k]...)
		st.Fed(buf)
	}
	if len(told) == 0 || told[len(told)-1].Total != int64(len(data)) || told[len(told)-1].Done < int64(len(data))/2 {
		t.Fatalf("the stream told %v: it did not parse as the file came", told)
	}
	withStream := set
	withStream.Stream = st
	got, err := streamed.Load("online_retail.csv", buf, withStream, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the streamed file's report differs from the whole file's")
	}
	sameReadAgain(t, &plain, &streamed, set, "the whole file's")
}
