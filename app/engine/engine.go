// Package engine runs the whole pipeline: the bytes of an orders export
// become a report.Document. The `retention` command and the workbench's
// worker both call Run, so the browser shows exactly what the command
// prints.
package engine

import (
	"errors"
	"strings"
	"time"
	_ "time/tzdata" // time zones in WebAssembly and on machines without zoneinfo

	"retention/app/columns"
	"retention/app/ingest"
	"retention/app/report"
	"retention/app/sheet"
)

// PreviewRows is how many rows of the file the report shows as read.
const PreviewRows = 20

// Run reads a file and returns its report with its forecast. The engine's
// functions take the user's settings as they are and apply their defaults
// (report.Settings.Defaults) themselves.
func Run(name string, data []byte, o report.Settings) (*report.Document, error) {
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
func Load(name string, data []byte, o report.Settings) (*ingest.Result, error) {
	o.Defaults()
	io, err := ingestOptions(o)
	if err != nil {
		return nil, err
	}
	if _, err := metricsOptions(o, io.Location); err != nil {
		return nil, err
	}
	return ingest.Load(name, data, io)
}

func ingestOptions(o report.Settings) (ingest.Options, error) {
	io := ingest.Options{Sheet: o.Sheet, Currency: o.Currency, Locale: o.Locale, NoHeader: o.NoHeader, Progress: o.Progress,
		Latest: o.Today, Limits: o.Limits, Gunzipped: o.Gunzipped, Parts: o.Parts}
	if st, ok := o.Stream.(*sheet.Stream); ok {
		io.Stream = st
	}
	if sp, ok := o.Split.(*ingest.Split); ok {
		io.Split = sp
	}
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
				return io, &report.Error{Code: report.UnknownRole, Field: "map", Value: role, Bound: strings.Join(names, ", ")}
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
		return nil, &report.Error{Code: report.BadTimeZone, Field: "tz", Value: tz}
	}
	return loc, nil
}

// day parses a 2006-01-02 date in loc, the setting field's (its JSON
// name); "" gives the zero time.
func day(field, s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, loc)
	if err != nil {
		return time.Time{}, &report.Error{Code: report.BadDate, Field: field, Value: s}
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
				why := m.Why
				e.Column, e.Header, e.Confidence, e.Reason, e.Source = m.Column, m.Header, m.Confidence, &why, string(m.Source)
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
		Hint: ingest.OrdersExportHint(p.Platform), Detail: p.Detail, Values: p.Values}
	if len(p.Skipped) > 0 {
		out.Skipped = skipsOf(p.Skipped)
	}
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
	for i := 0; i < t.Len() && i < PreviewRows; i++ {
		p.Rows = append(p.Rows, t.Row(i))
		p.Lines = append(p.Lines, int(t.Lines[i]))
	}
	return p
}

func ingestReport(r *ingest.Report) (report.Ingest, []report.Skip) {
	df, nf := r.DateFormat, r.NumberFormat
	in := report.Ingest{
		Rows: r.Rows, OrderRows: r.OrderRows, RefundRows: r.RefundRows, CancelledRows: r.CancelledRows,
		SkippedRows: r.SkippedRows(), Cancelled: r.Cancelled, CancelledAmount: r.CancelledAmount,
		DateFormat: &df, NumberFormat: &nf, TotalFrom: r.TotalFrom,
	}
	for _, c := range r.Currencies {
		in.Currencies = append(in.Currencies, report.Count{Name: c.Currency, Count: c.Orders, Amount: c.Amount})
	}
	in.CrownOrders = r.CrownOrders
	return in, skipsOf(r.Skipped)
}

// skipsOf is the rows skipped as the report gives them.
func skipsOf(ss []ingest.Skip) []report.Skip {
	skips := make([]report.Skip, 0, len(ss))
	for _, s := range ss {
		skips = append(skips, report.Skip{Code: string(s.Code), Reason: s.Reason, Column: s.Column, Rows: s.Rows, Examples: s.Examples, Values: s.Values})
	}
	return skips
}
