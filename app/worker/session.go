// Package worker is the engine side of the workbench: it keeps the file a
// user dropped, runs the engine on it with the user's settings and writes
// the lists they export. cmd/worker wires it to a browser Web Worker; it
// has no browser code itself, so it is tested natively.
package worker

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode"

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

// Options converts the page's settings to the engine's.
func Options(s report.Settings) engine.Options {
	return engine.Options{
		Grain: s.Grain, From: s.From, To: s.To, AsOf: s.AsOf, TZ: s.TZ, Sheet: s.Sheet,
		Currency: s.Currency, Map: s.Map, NoHeader: s.NoHeader, ActiveWindow: s.ActiveWindow, LapsedDays: s.LapsedDays,
		SeasonFrom: s.SeasonFrom, SeasonTo: s.SeasonTo,
		Predict: engine.PredictOptions{Unit: s.PredictUnit, Horizon: s.Horizon, Discount: s.Discount, Validate: s.Validate},
		Locale:  s.Locale,
		// The browser's engine is a 32-bit WebAssembly program: its
		// bounds, and the browser's clock for the latest order date.
		Limits: limits.Browser,
		Today:  time.Now(),
	}
}

// readingSettings keeps the settings that change how the file is read;
// the others only change the figures.
func readingSettings(s report.Settings) report.Settings {
	return report.Settings{TZ: s.TZ, Sheet: s.Sheet, Currency: s.Currency, Map: s.Map, NoHeader: s.NoHeader, Locale: s.Locale}
}

// read reads the file with the reading settings rs, unless they are those
// of the last read. A new currency for a file that names none only
// relabels the last read (engine.Relabel): its orders do not change.
func (s *Session) read(rs report.Settings, o engine.Options) error {
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
			s.res, s.doc = nil, nil
			return &ProblemError{Problem: p, Err: err}
		}
		return err
	}
	s.res, s.loaded = res, rs
	return nil
}

// Load reads a new file and reports on it. progress, if not nil, hears how
// far reading has come. A file that cannot be read changes nothing: the
// file before, its report, lists and exports stay. A file that needs the
// user's word (a *ProblemError) is kept, so that the next settings can
// answer it.
func (s *Session) Load(name string, data []byte, set report.Settings, progress func(report.Progress)) (*report.Document, error) {
	return s.load(name, data, false, set, progress)
}

// LoadGunzipped is Load for a .gz file whose content the browser
// inflated: data is that content, name the .gz file's (see
// sheet.Options.Gunzipped).
func (s *Session) LoadGunzipped(name string, data []byte, set report.Settings, progress func(report.Progress)) (*report.Document, error) {
	return s.load(name, data, true, set, progress)
}

func (s *Session) load(name string, data []byte, gz bool, set report.Settings, progress func(report.Progress)) (*report.Document, error) {
	before := *s
	s.name, s.data, s.gz, s.res, s.doc = name, data, gz, nil, nil
	s.surveyName, s.survey, s.surveyGz = "", nil, false
	doc, err := s.Apply(set, progress)
	var p *ProblemError
	if err != nil && !errors.As(err, &p) {
		*s = before
	}
	return doc, err
}

// Apply reports on the loaded file with new settings: the file is read
// again only when a reading setting changed.
func (s *Session) Apply(set report.Settings, progress func(report.Progress)) (*report.Document, error) {
	if s.data == nil {
		return nil, errors.New("no file is loaded")
	}
	o := Options(set)
	if progress != nil {
		o.Progress = func(stage string, done, total int64) {
			progress(report.Progress{Stage: stage, Done: done, Total: total})
		}
	}
	if err := s.read(readingSettings(set), o); err != nil {
		return nil, err
	}
	if progress != nil {
		progress(report.Progress{Stage: "figures"})
	}
	doc, err := engine.Build(s.res, o)
	if err != nil {
		return nil, err
	}
	if progress != nil {
		progress(report.Progress{Stage: "forecast"})
	}
	key := fitKey{ds: s.res.Dataset, asOf: doc.AsOf, tz: o.TZ, predict: o.Predict}
	if s.fit == nil || !key.same(s.fitFor) {
		fit, err := engine.FitForecast(s.res, doc.AsOf, o)
		if err != nil {
			return nil, err
		}
		s.fit, s.fitFor = fit, key
	}
	s.fit.Attach(doc)
	if s.survey != nil {
		// A survey that cannot be read leaves the orders' report standing.
		sv, err := engine.Survey(s.surveyName, s.survey, o, engine.SurveyOptions{Scale: set.SurveyScale, Map: set.SurveyMap, QuietDays: set.QuietDays, Gunzipped: s.surveyGz}, s.res, doc)
		if err != nil {
			doc.SurveyError = err.Error()
		} else {
			doc.Survey = sv
		}
	}
	s.doc = doc
	return doc, nil
}

// fitKey is what the forecast's fit depends on.
type fitKey struct {
	ds      *metrics.Dataset
	asOf    string
	tz      string
	predict engine.PredictOptions
}

// same compares the keys (the orders by identity, not by content: a
// relabelled file keeps its orders, and its fit).
func (k fitKey) same(o fitKey) bool {
	return k.ds == o.ds && k.asOf == o.asOf && k.tz == o.tz && reflect.DeepEqual(k.predict, o.predict)
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

// MaxRows is how many customers of a list the page is sent; the export
// has them all.
const MaxRows = 200

// Rows returns the first MaxRows customers of a list of the last report.
func (s *Session) Rows(list string) (*report.Rows, error) {
	if s.doc == nil {
		return nil, errors.New("no report yet: load a file first")
	}
	rows, canon, err := report.Select(s.doc, list)
	if err != nil {
		return nil, err
	}
	r := &report.Rows{List: canon, Total: len(rows), Rows: rows}
	if len(rows) > MaxRows {
		r.Rows = rows[:MaxRows]
	}
	return r, nil
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

// File is an exported list.
type File struct {
	Name string `json:"name"`
	Type string `json:"type"` // MIME type
	Rows int    `json:"rows"`
	Data []byte `json:"-"`
}

// Export writes a list of the last report (see report.Select) as "csv" or
// "xlsx".
func (s *Session) Export(list, format string) (*File, error) {
	if s.doc == nil {
		return nil, errors.New("no report yet: load a file first")
	}
	rows, canon, err := report.Select(s.doc, list)
	if err != nil {
		return nil, err
	}
	base := "retention-" + slug(canon)
	if s.doc.AsOf != "" {
		base += "-" + s.doc.AsOf
	}
	switch strings.ToLower(format) {
	case "csv":
		return &File{Name: base + ".csv", Type: "text/csv;charset=utf-8", Rows: len(rows), Data: export.CSV(rows, s.doc.Currency)}, nil
	case "xlsx":
		b, err := export.XLSX(rows, canon, s.doc.Currency)
		if err != nil {
			return nil, err
		}
		return &File{Name: base + ".xlsx", Type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Rows: len(rows), Data: b}, nil
	}
	return nil, fmt.Errorf("unknown export format %q; use csv or xlsx", format)
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
