// Package engine runs the whole pipeline: the bytes of an orders export
// become a report.Document. The `retention` command and the workbench's
// worker both call Run, so the browser shows exactly what the command
// prints.
package engine

import (
	"errors"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // time zones in WebAssembly and on machines without zoneinfo

	"retention/app/columns"
	"retention/app/ingest"
	"retention/app/limits"
	"retention/app/report"
)

// Options are the user's choices. The zero value reports by month over all
// orders, in UTC, with every column detected.
type Options struct {
	Grain    string            // month (default), quarter or year
	From, To string            // the range's first and last day, 2006-01-02; "" for all orders
	AsOf     string            // reference date for recency and lists; "" for the day after the last order
	TZ       string            // reporting time zone (IANA name); "" for UTC
	Sheet    string            // workbook sheet; "" for the first with data
	Currency string            // the currency to report when the file has several; for a file that names none, the one its amounts are in
	Map      map[string]string // role -> column header or 1-based number; "" unsets
	NoHeader bool              // the first row holds values
	// ActiveWindow is how long a customer stays in the customer base after
	// an order: report.WindowPeriod (or "") for one period, or days, "90d".
	ActiveWindow string
	// LapsedDays is how long a regular has not ordered to be lapsed; 0 means 180.
	LapsedDays int
	// SeasonFrom and SeasonTo are this year's season window (2006-01-02);
	// the seasonal list is who ordered in it a year earlier. "" means the
	// SeasonDays days from the reference date on.
	SeasonFrom, SeasonTo string
	// Predict are the choices of the forecast; Predict.Until is ignored
	// (the forecast calibrates up to the reference date).
	Predict PredictOptions
	// Progress, if set, is told how far reading has come.
	Progress func(stage string, done, total int64)
	// Locale is the user's locale (BCP 47, da-DK): it tells kr apart when
	// the column names do not, and guesses the currency of a file that
	// names none. "" guesses nothing.
	Locale string
	// Today is the day the report is made, from the caller's clock: rows
	// dated more than a day after it are skipped as out of range
	// (ingest.Options.Latest), and --to may not be after it. The zero
	// value bounds dates from below only (ingest.EarliestOrder).
	Today time.Time
	// Limits bound what reading the file may take: limits.CLI (the zero
	// value) on the command line, limits.Browser in the workbench.
	Limits limits.Limits
	// Gunzipped tells that the orders file's bytes are a .gz file's
	// content, inflated by the caller (sheet.Options.Gunzipped).
	Gunzipped bool
}

// SeasonDays is the default season window's length.
const SeasonDays = 30

// PreviewRows is how many rows of the file the report shows as read.
const PreviewRows = 20

// Run reads a file and returns its report with its forecast.
func Run(name string, data []byte, o Options) (*report.Document, error) {
	res, err := Load(name, data, o)
	if err != nil {
		return nil, err
	}
	doc, err := Build(res, o)
	if err != nil {
		return nil, err
	}
	if err := Forecast(res, doc, o); err != nil {
		return nil, err
	}
	return doc, nil
}

// Load reads a file into orders with the options that bear on reading
// (sheet, currency, mapping, header, time zone); Build then computes the
// figures and Forecast the predictions. Run is Load, Build and Forecast.
func Load(name string, data []byte, o Options) (*ingest.Result, error) {
	io, err := o.ingestOptions()
	if err != nil {
		return nil, err
	}
	if _, err := o.metricsOptions(io.Location); err != nil {
		return nil, err
	}
	return ingest.Load(name, data, io)
}

func (o Options) ingestOptions() (ingest.Options, error) {
	io := ingest.Options{Sheet: o.Sheet, Currency: o.Currency, Locale: o.Locale, NoHeader: o.NoHeader, Progress: o.Progress,
		Latest: o.Today, Limits: o.Limits, Gunzipped: o.Gunzipped}
	loc, err := location(o.TZ)
	if err != nil {
		return io, err
	}
	io.Location = loc
	if len(o.Map) > 0 {
		io.Map = map[columns.Role]string{}
		known := map[columns.Role]bool{}
		for _, r := range columns.Roles() {
			known[r] = true
		}
		for role, col := range o.Map {
			r := columns.Role(strings.ToLower(strings.TrimSpace(role)))
			if !known[r] {
				names := make([]string, 0, len(known))
				for _, r := range columns.Roles() {
					names = append(names, string(r))
				}
				return io, fmt.Errorf("unknown role %q; the roles are: %s", role, strings.Join(names, ", "))
			}
			io.Map[r] = col
		}
	}
	return io, nil
}

func location(tz string) (*time.Location, error) {
	if strings.TrimSpace(tz) == "" {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(strings.TrimSpace(tz))
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q; use a name such as Europe/Berlin or UTC", tz)
	}
	return loc, nil
}

// day parses a 2006-01-02 date in loc; "" gives the zero time.
func day(what, s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s must be a date like 2024-01-31, got %q", what, s)
	}
	return t, nil
}

// mapping lists every role with its column, detected or not, its
// alternatives, and the columns to choose from when two fit equally well.
func mapping(res *ingest.Result) []report.MappingEntry {
	var out []report.MappingEntry
	for _, r := range columns.Roles() {
		e := report.MappingEntry{Role: string(r), Column: -1}
		for _, m := range res.Mapping.Matches {
			if m.Role == r {
				e.Column, e.Header, e.Confidence, e.Why, e.Source = m.Column, m.Header, m.Confidence, m.Why, string(m.Source)
				for _, a := range m.Alternatives {
					e.Alternatives = append(e.Alternatives, report.Alternative{Column: a.Column, Header: a.Header, Confidence: a.Confidence})
				}
			}
		}
		if q, ok := res.Mapping.Question(r); ok {
			e.Question = q.Headers
		}
		out = append(out, e)
	}
	return out
}

// ProblemOf returns the report of a file that gives no orders: err's
// problem with the columns and mapping read, for the page to ask. It
// returns nil when err is not such a problem.
func ProblemOf(err error, res *ingest.Result) *report.Problem {
	var p *ingest.Problem
	if !errors.As(err, &p) {
		return nil
	}
	out := &report.Problem{Code: string(p.Code), File: p.File, Role: string(p.Role), Kind: p.Kind, Platform: p.Platform,
		Hint: ingest.OrdersExportHint(p.Platform), Detail: p.Detail}
	if p.Code == ingest.Unclear {
		out.Columns = p.Columns
	}
	if res != nil && res.Table != nil {
		out.Mapping, out.Preview = mapping(res), preview(res)
	}
	return out
}

func preview(res *ingest.Result) report.Preview {
	t := res.Table
	p := report.Preview{Header: t.Header, Rows: [][]string{}, Lines: []int{}}
	for i := 0; i < len(t.Rows) && i < PreviewRows; i++ {
		p.Rows = append(p.Rows, t.Rows[i])
		p.Lines = append(p.Lines, t.Lines[i])
	}
	return p
}

func ingestReport(r *ingest.Report) (report.Ingest, []report.Skip) {
	in := report.Ingest{
		Rows: r.Rows, OrderRows: r.OrderRows, RefundRows: r.RefundRows, CancelledRows: r.CancelledRows,
		SkippedRows: r.SkippedRows(), Cancelled: r.Cancelled, CancelledAmount: r.CancelledAmount,
		DateFormat: r.DateFormat, NumberFormat: r.NumberFormat, TotalFrom: r.TotalFrom,
	}
	for _, c := range r.Currencies {
		in.Currencies = append(in.Currencies, report.Count{Name: c.Currency, Count: c.Orders, Amount: c.Amount})
	}
	in.CrownOrders = r.CrownOrders
	skips := make([]report.Skip, 0, len(r.Skipped))
	for _, s := range r.Skipped {
		skips = append(skips, report.Skip{Code: string(s.Code), Reason: s.Reason, Column: s.Column, Rows: s.Rows, Examples: s.Examples, Values: s.Values})
	}
	return in, skips
}
