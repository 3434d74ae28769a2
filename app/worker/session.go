// Package worker is the engine side of the workbench: it keeps the file a
// user dropped, runs the engine on it with the user's settings and writes
// the lists they export. cmd/worker wires it to a browser Web Worker; it
// has no browser code itself, so it is tested natively.
package worker

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"time"
	"unicode"
	"unsafe"

	"retention/app/engine"
	"retention/app/export"
	"retention/app/ingest"
	"retention/app/limits"
	"retention/app/report"
	"retention/metrics"
)

// Session holds one loaded file and its last report.
type Session struct {
	name   string
	data   []byte
	gz     bool            // data is a .gz file's content, inflated by the browser
	loaded report.Settings // the reading settings res was made with
	res    *ingest.Result
	doc    *report.Document
	// fit is the forecast's fitted models for fitFor; settings that do not
	// change them (grain, range, lists) reuse them.
	fit    *engine.Fit
	fitFor fitKey
	// pending is what doc's forecast is fitted from, nil when doc has its
	// forecast (see Forecast).
	pending *pendingForecast
	// The survey export joined to the orders, if one was added.
	surveyName string
	survey     []byte
	surveyGz   bool
}

// ProblemError is a file that gives no report, with what the page needs
// to let the user fix it (the columns to choose from, the first rows).
type ProblemError struct {
	Problem *report.Problem
	Err     error
}

func (e *ProblemError) Error() string { return e.Err.Error() }
func (e *ProblemError) Unwrap() error { return e.Err }

// engineSettings are the page's settings with what the browser's engine
// adds: it is a 32-bit WebAssembly program, with its bounds, and the
// browser's clock gives the latest order date.
func engineSettings(s report.Settings) report.Settings {
	s.Limits = limits.Browser
	s.Today = time.Now()
	return s
}

// readingSettings keeps the settings that change how the file is read;
// the others only change the figures.
func readingSettings(s report.Settings) report.Settings {
	return report.Settings{TZ: s.TZ, Sheet: s.Sheet, Currency: s.Currency, Map: s.Map, NoHeader: s.NoHeader, Locale: s.Locale}
}

// read reads the file with the reading settings rs, unless they are those
// of the last read. A new currency for a file that names none only
// relabels the last read (engine.Relabel): its orders do not change.
func (s *Session) read(rs report.Settings, o report.Settings) error {
	if s.res != nil && reflect.DeepEqual(rs, s.loaded) {
		return nil
	}
	if s.res != nil {
		was := s.loaded
		was.Currency = rs.Currency
		if reflect.DeepEqual(rs, was) {
			res, ok, err := engine.Relabel(s.res, o)
			if err != nil {
				return err
			}
			if ok {
				s.res, s.loaded = res, rs
				return nil
			}
		}
	}
	o.Gunzipped = s.gz
	res, err := engine.Load(s.name, s.data, o)
	if err != nil {
		if p := engine.ProblemOf(err, res); p != nil {
			// The file as read with these settings gives no report: the
			// page shows why and lets the user choose columns.
			s.res, s.doc, s.pending = nil, nil, nil
			return &ProblemError{Problem: p, Err: err}
		}
		return err
	}
	// Of the table, the report shows its first rows (engine.PreviewRows);
	// once its orders are read, the session keeps the file's bytes (to
	// read them again with other settings) and the orders, not the whole
	// table as well: at ten times Online Retail's rows it is 300 MB of
	// offsets.
	res.Table = res.Table.Head(engine.PreviewRows)
	s.res, s.loaded = res, rs
	// The table and the orders' working lists are garbage now; collected
	// before the figures, their memory serves the figures and the
	// forecast, which would otherwise grow the heap past them (in
	// WebAssembly the memory the heap reached is never given back): at
	// ten times Online Retail, 1.33 GB of memory taken instead of 1.22.
	runtime.GC()
	return nil
}

// Load reads a new file and reports on it: the report of its figures,
// which Forecast completes (see Apply). progress, if not nil, hears how
// far reading has come. A file that cannot be read changes nothing: the
// file before, its report, lists and exports stay. A file that needs the
// user's word (a *ProblemError) is kept, so that the next settings can
// answer it.
func (s *Session) Load(name string, data []byte, set report.Settings, progress func(report.Progress)) (*report.Document, error) {
	return s.load(name, data, false, set, progress)
}

// Whole gives the session the whole file whose first part it loaded (a
// file read in two parts, report.Settings.Split): data, the file's bytes
// in the same array, for its reads with other settings. It tells whether
// data begins with the session's bytes there. Whole(nil), for a rest that
// could not be read, leaves the session no bytes: its report stays, and
// a read with other settings fails as with no file.
func (s *Session) Whole(data []byte) bool {
	if data == nil {
		s.data = nil
		return false
	}
	if s.data == nil || len(data) < len(s.data) || len(s.data) > 0 && unsafe.SliceData(data) != unsafe.SliceData(s.data) {
		return false
	}
	s.data = data
	return true
}

// LoadGunzipped is Load for a .gz file whose content the browser
// inflated: data is that content, name the .gz file's (see
// sheet.Options.Gunzipped).
func (s *Session) LoadGunzipped(name string, data []byte, set report.Settings, progress func(report.Progress)) (*report.Document, error) {
	return s.load(name, data, true, set, progress)
}

func (s *Session) load(name string, data []byte, gz bool, set report.Settings, progress func(report.Progress)) (*report.Document, error) {
	before := *s
	s.name, s.data, s.gz, s.res, s.doc, s.pending = name, data, gz, nil, nil, nil
	s.surveyName, s.survey, s.surveyGz = "", nil, false
	doc, err := s.Apply(set, progress)
	var p *ProblemError
	if err != nil && !errors.As(err, &p) {
		*s = before
	}
	return doc, err
}

// Apply reports on the loaded file with new settings: the file is read
// again only when a reading setting changed. The report it returns has
// every figure but the forecast's, unless the forecast's fitted models
// serve it as they are (settings that change neither the orders, the
// reference date nor the forecast's own): then it is whole. Pending tells
// which; Forecast completes it, and the lists and exports of the report
// complete it before they are written. A report that fails leaves the
// last one, and its forecast to come, as they were.
func (s *Session) Apply(set report.Settings, progress func(report.Progress)) (*report.Document, error) {
	if s.data == nil {
		return nil, errors.New("no file is loaded")
	}
	o := engineSettings(set)
	if progress != nil {
		o.Progress = func(stage report.Stage, done, total int64) {
			progress(report.Progress{Stage: stage, Done: done, Total: total})
		}
	}
	if err := s.read(readingSettings(set), o); err != nil {
		return nil, err
	}
	if progress != nil {
		progress(report.Progress{Stage: report.StageFigures})
	}
	doc, err := engine.Build(s.res, o)
	if err != nil {
		return nil, err
	}
	o.Progress = nil // the forecast's progress is Forecast's
	p := &pendingForecast{res: s.res, doc: doc, o: o, key: newFitKey(s.res.Dataset, doc.AsOf, o)}
	if s.fit != nil && p.key.same(s.fitFor) {
		s.fit.Attach(doc)
		p = nil
	}
	// The cards' comparison with the previous range of the same length.
	if err := engine.Previous(s.res, doc, o); err != nil {
		return nil, err
	}
	if s.survey != nil {
		// A survey that cannot be read leaves the orders' report standing.
		o.SurveyGunzipped = s.surveyGz
		sv, err := engine.Survey(s.surveyName, s.survey, o, s.res, doc)
		if err != nil {
			doc.SurveyError, doc.SurveyErrorCode = err.Error(), report.CodeOf(err)
		} else {
			doc.Survey = sv
		}
	}
	s.doc, s.pending = doc, p
	return doc, nil
}

// pendingForecast is what a report's forecast is fitted from: the orders
// and settings the report was computed with, kept as they were (a later
// request that fails may have read the file again).
type pendingForecast struct {
	res *ingest.Result
	doc *report.Document
	o   report.Settings
	key fitKey
}

// Pending tells whether the last report awaits its forecast (Forecast).
func (s *Session) Pending() bool { return s.pending != nil }

// Forecast completes the last report with its forecast: it fits the
// forecast's models (or reuses those fitted for the same orders,
// reference date and forecast settings) and adds what they predict to the
// report, its customer rows and its survey's lists, as one Load, Apply or
// Survey that waited for it would have (engine.Forecast). It returns the
// report's forecast, or nil when the report has it already. progress, if
// not nil, hears the stage. A forecast that fails (a setting of its own
// the engine cannot use) is not tried again: the report stays without
// one.
func (s *Session) Forecast(progress func(report.Progress)) (*report.Forecast, error) {
	p := s.pending
	if p == nil {
		return nil, nil
	}
	s.pending = nil
	if progress != nil {
		progress(report.Progress{Stage: report.StageForecast})
	}
	if s.fit == nil || !p.key.same(s.fitFor) {
		fit, err := engine.FitForecast(p.res, p.doc.AsOf, p.o)
		if err != nil {
			return nil, err
		}
		s.fit, s.fitFor = fit, p.key
	}
	s.fit.Attach(p.doc)
	if sv := p.doc.Survey; sv != nil && sv.Join != nil {
		withPredictions(sv.Join.UnhappyVIPs, p.doc.CustomerRows)
		withPredictions(sv.Join.QuietFans, p.doc.CustomerRows)
	}
	return p.doc.Forecast, nil
}

// complete completes the last report before its lists are written, which
// carry the forecast's predictions. A forecast that fails leaves the rows
// without them, as a model that cannot be fitted does; its error is for
// the caller of Forecast to tell (the worker posts it before the list).
func (s *Session) complete() {
	_, _ = s.Forecast(nil)
}

// withPredictions gives a survey list's customers their rows of the
// report as they are now, predictions included, keeping the survey's
// answer on each (as engine.Survey makes them).
func withPredictions(list, rows []report.Customer) {
	byID := make(map[string]int, len(rows))
	for i := range rows {
		byID[rows[i].ID] = i
	}
	for i := range list {
		if j, ok := byID[list[i].ID]; ok {
			c := rows[j]
			c.Score, c.Comment = list[i].Score, list[i].Comment
			list[i] = c
		}
	}
}

// fitKey is what the forecast's fit depends on: the orders, the reference
// date, and the settings of the forecast.
type fitKey struct {
	ds      *metrics.Dataset
	asOf    string
	predict report.Settings
}

func newFitKey(ds *metrics.Dataset, asOf string, o report.Settings) fitKey {
	o.Defaults()
	return fitKey{ds: ds, asOf: asOf, predict: report.Settings{TZ: o.TZ, PredictUnit: o.PredictUnit, Horizon: o.Horizon, Discount: o.Discount, Validate: o.Validate}}
}

// same compares the keys (the orders by identity, not by content: a
// relabelled file keeps its orders, and its fit).
func (k fitKey) same(o fitKey) bool {
	return k.ds == o.ds && k.asOf == o.asOf && reflect.DeepEqual(k.predict, o.predict)
}

// Survey adds a survey export to the loaded orders and reports on both.
func (s *Session) Survey(name string, data []byte, set report.Settings, progress func(report.Progress)) (*report.Document, error) {
	return s.addSurvey(name, data, false, set, progress)
}

// SurveyGunzipped is Survey for a .gz survey export whose content the
// browser inflated (see LoadGunzipped).
func (s *Session) SurveyGunzipped(name string, data []byte, set report.Settings, progress func(report.Progress)) (*report.Document, error) {
	return s.addSurvey(name, data, true, set, progress)
}

func (s *Session) addSurvey(name string, data []byte, gz bool, set report.Settings, progress func(report.Progress)) (*report.Document, error) {
	if s.data == nil {
		return nil, errors.New("load the orders first, then the survey")
	}
	before := *s
	s.surveyName, s.survey, s.surveyGz = name, data, gz
	set.SurveyScale, set.SurveyMap = "", nil // a new survey: its own columns and scale
	doc, err := s.Apply(set, progress)
	if err != nil {
		*s = before
	}
	return doc, err
}

// Rows returns a page of a list of the last report: the customers whose
// id, e-mail or name holds query, report.PageRows of them from offset on
// (report.Page).
func (s *Session) Rows(list, query string, offset int) (*report.Rows, error) {
	return s.RowsOf(report.Request{List: list, Query: query, Offset: offset})
}

// RowsOf returns the page of the list a MsgRows request asks for:
// req.Product's list, else the list named req.List, searched by req.Query
// from req.Offset on (report.Page).
func (s *Session) RowsOf(req report.Request) (*report.Rows, error) {
	rows, canon, err := s.list(req)
	if err != nil {
		return nil, err
	}
	return report.Page(rows, canon, req.Query, req.Offset), nil
}

// Failure is the reply to a request that failed with err: its English
// words, and what the page words itself: the problem of a file that
// needs the user's word, or the bound a file is past (typed, so that the
// page keeps the report it shows and says what to do).
func Failure(req report.Request, err error) report.Reply {
	r := report.Reply{Type: report.MsgError, ID: req.ID, Message: err.Error(), Limit: report.LimitOf(err, req.Name)}
	var p *ProblemError
	if errors.As(err, &p) {
		r.Problem = p.Problem
	}
	var e *report.Error
	if errors.As(err, &e) {
		r.Error = e
	}
	return r
}

// ForecastReply is the MsgForecast that completes the report of request
// id: its forecast, or err in the words and codes of a MsgError
// (Failure), for the page to show in the forecast's place.
func ForecastReply(id int, f *report.Forecast, err error) report.Reply {
	if err != nil {
		r := Failure(report.Request{ID: id}, err)
		r.Type = report.MsgForecast
		return r
	}
	return report.Reply{Type: report.MsgForecast, ID: id, Forecast: f}
}

// ForPage is the report as the page gets it: without the customer rows,
// which the page asks for a list at a time (Rows).
func ForPage(d *report.Document) *report.Document {
	c := *d
	c.CustomerRows = nil
	if d.Survey != nil && d.Survey.Join != nil {
		// The survey's lists too: the page asks for their rows.
		sv, j := *d.Survey, *d.Survey.Join
		j.UnhappyVIPs, j.QuietFans = nil, nil
		sv.Join = &j
		c.Survey = &sv
	}
	return &c
}

// list returns the customers of the list req asks for, of the last
// report: req.Product's (engine.ProductList), else the list named req.List
// (report.Select).
func (s *Session) list(req report.Request) ([]report.Customer, string, error) {
	if s.doc == nil {
		return nil, "", errors.New("no report yet: load a file first")
	}
	s.complete()
	if req.Product != nil {
		return engine.ProductList(s.res, s.doc, *req.Product)
	}
	return report.Select(s.doc, req.List)
}

// Movement returns the customers' moves between RFM segments from the end
// of one day to the end of another (report.MovementRange), with the
// reading settings of set: `retention segments --moved-since From+1
// --as-of To+1`.
func (s *Session) Movement(r report.MovementRange, set report.Settings) (*report.Movement, error) {
	if s.res == nil {
		return nil, errors.New("no report yet: load a file first")
	}
	o := engineSettings(readingSettings(set))
	loc, err := time.LoadLocation(o.TZ)
	if o.TZ == "" {
		loc, err = time.UTC, nil
	}
	if err != nil {
		return nil, &report.Error{Code: report.BadTimeZone, Field: "tz", Value: o.TZ}
	}
	next := func(field, v string) (string, error) {
		t, err := time.ParseInLocation(time.DateOnly, v, loc)
		if err != nil {
			return "", &report.Error{Code: report.BadDate, Field: field, Value: v}
		}
		return t.AddDate(0, 0, 1).Format(time.DateOnly), nil
	}
	since, err := next("from", r.From)
	if err != nil {
		return nil, err
	}
	if o.AsOf, err = next("to", r.To); err != nil {
		return nil, err
	}
	return engine.Movement(s.res, o, since)
}

// Export writes a list of the last report (see report.Select) as "csv" or
// "xlsx".
func (s *Session) Export(list, format string) (*report.File, error) {
	return s.ExportOf(report.Request{List: list, Format: format})
}

// ExportOf writes the list a MsgExport request asks for (see RowsOf) as
// req.Format, "csv" or "xlsx".
func (s *Session) ExportOf(req report.Request) (*report.File, error) {
	format := req.Format
	rows, canon, err := s.exportList(req)
	if err != nil {
		return nil, err
	}
	base := "retention-" + slug(canon)
	if s.doc.AsOf != "" {
		base += "-" + s.doc.AsOf
	}
	switch strings.ToLower(format) {
	case "csv":
		return &report.File{Name: base + ".csv", Type: "text/csv;charset=utf-8", Rows: len(rows), Data: export.CSV(rows, s.doc.Currency)}, nil
	case "xlsx":
		b, err := export.XLSX(rows, canon, s.doc.Currency)
		if err != nil {
			return nil, err
		}
		return &report.File{Name: base + ".xlsx", Type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Rows: len(rows), Data: b}, nil
	}
	return nil, fmt.Errorf("unknown export format %q; use csv or xlsx", format)
}

// exportList is list for an export. The All list is the report's own
// rows, not report.Select's copy: on a large file that copy, grown an
// append at a time, costs five times the list (issue 15: the All list of
// a 10-million-line file stopped the browser's engine), and the export
// only reads it.
func (s *Session) exportList(req report.Request) ([]report.Customer, string, error) {
	if s.doc != nil && req.Product == nil && strings.EqualFold(strings.TrimSpace(req.List), report.ListAll) {
		s.complete()
		return s.doc.CustomerRows, report.ListAll, nil
	}
	return s.list(req)
}

// slug makes a list name safe in a file name: "Can't Lose Them" becomes
// "cant-lose-them".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r == '\'' || r == '’':
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "list"
	}
	return b.String()
}
