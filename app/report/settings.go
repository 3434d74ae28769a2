package report

import (
	"io"
	"time"

	"retention/app/limits"
)

// Settings are a user's choices: the command's flags, the workbench's
// controls. The page sends them to the engine worker, which runs the same
// engine as the command with them (see package worker). A zero field
// takes its default (Defaults); the engine applies them itself, so a
// caller sets only what the user chose.
type Settings struct {
	Grain    string            `json:"grain,omitempty"`    // month, quarter or year
	From     string            `json:"from,omitempty"`     // the range's first day, 2006-01-02; "" from the first order
	To       string            `json:"to,omitempty"`       // the range's last day; "" to the last order
	AsOf     string            `json:"as_of,omitempty"`    // reference date for recency and lists; "" for the day after the last order
	TZ       string            `json:"tz,omitempty"`       // reporting time zone, an IANA name (Europe/Berlin)
	Sheet    string            `json:"sheet,omitempty"`    // the orders workbook's sheet; "" for the first with data
	Currency string            `json:"currency,omitempty"` // the currency to report when the file has several; for a file that names none, the one its amounts are in
	Map      map[string]string `json:"map,omitempty"`      // role -> column header or 1-based number; "" unsets
	NoHeader bool              `json:"no_header,omitempty"`
	// ActiveWindow is how long a customer stays in the customer base after
	// an order: WindowPeriod for one period, or days, "90d".
	ActiveWindow string `json:"active_window,omitempty"`
	// LapsedDays is how long a regular has not ordered to be lapsed.
	LapsedDays int `json:"lapsed_days,omitempty"`
	// SeasonFrom and SeasonTo are this year's season window (2006-01-02);
	// the seasonal list is who ordered in it a year earlier. "" means
	// SeasonDays days from the reference date on.
	SeasonFrom string `json:"season_from,omitempty"`
	SeasonTo   string `json:"season_to,omitempty"`

	// The forecast's choices: the last day of calibration (the command's
	// predict; a report's forecast calibrates up to the day before its
	// reference date), time unit (week or day), horizon in months, monthly
	// discount rate and the check's calibration end ("" for the middle of
	// the history).
	Until       string   `json:"until,omitempty"`
	PredictUnit string   `json:"predict_unit,omitempty"`
	Horizon     int      `json:"horizon,omitempty"`
	Discount    *float64 `json:"discount,omitempty"`
	Validate    string   `json:"validate,omitempty"`

	// The survey's choices: its workbook sheet, its scale ("" to detect),
	// its columns, and how long a promoter has not ordered to be a quiet
	// fan.
	SurveySheet string            `json:"survey_sheet,omitempty"`
	SurveyScale string            `json:"survey_scale,omitempty"`
	SurveyMap   map[string]string `json:"survey_map,omitempty"` // role -> column header; "" unsets
	QuietDays   int               `json:"quiet_days,omitempty"`

	// Locale is the user's locale (BCP 47, da-DK; the page's
	// navigator.language): it tells kr apart when the column names do
	// not, and guesses the currency of a file that names none. "" guesses
	// nothing.
	Locale string `json:"locale,omitempty"`

	// The caller's, never sent: the day the report is made, from the
	// caller's clock (rows dated more than a day after it are skipped,
	// and --to may not be after it; the zero value bounds dates from below
	// only); the bounds of reading (limits.CLI, the zero value, on the
	// command line; limits.Browser in the workbench); and, if set, what
	// hears how far reading has come.
	Today    time.Time                            `json:"-"`
	Limits   limits.Limits                        `json:"-"`
	Progress func(stage Stage, done, total int64) `json:"-"`
	// Gunzipped and SurveyGunzipped tell that the orders or the survey
	// file's bytes are a .gz file's content, inflated by the caller (the
	// browser's decoder; sheet.Options.Gunzipped).
	Gunzipped       bool `json:"-"`
	SurveyGunzipped bool `json:"-"`
	// Parts are entries of the orders workbook's zip inflated by the
	// caller (the browser's decoder): sheet.Options.Parts, of type
	// xlsx.Parts, which the page's program does not link. They are read
	// by the first read of the file.
	Parts map[int64]interface {
		io.ReaderAt
		Size() int64
	} `json:"-"`
	// Stream is the orders file's text parsed as its bytes came
	// (sheet.Options.Stream, a *sheet.Stream, which the page's program
	// does not link); used by the first read of the file.
	Stream any `json:"-"`
	// Split is the orders file read in two parts by two workers (an
	// *ingest.Split, which the page's program sets): Stream and the bytes
	// are its first part.
	Split any `json:"-"`
}

// The defaults of Settings, each written here once.
const (
	DefaultGrain       = "month"
	DefaultTZ          = "UTC"
	DefaultLapsedDays  = 180    // days
	DefaultPredictUnit = "week" // the BTYD literature's usual unit
	DefaultHorizon     = 12     // months
	// DefaultDiscount is the monthly discount rate of the CLV, 1% a month
	// (1.01^12 - 1, about 12.7% a year).
	DefaultDiscount  = 0.01
	DefaultQuietDays = 90 // days
	// SeasonDays is the default season window's length.
	SeasonDays = 30
)

// WindowPeriod is the active window of one period, the default: the
// customer base at a period's start is the previous period's customers,
// as in the customer retention rate's S.
const WindowPeriod = "period"

// Defaults sets each field left at its zero value (a blank string, a count
// of 0 or less, a nil discount) to its default. The range, reference date,
// season, sheet, currency, columns, calibration ends, survey scale and
// locale have no default value: blank means what their comments say.
func (s *Settings) Defaults() {
	set := func(f *string, v string) {
		if isBlank(*f) {
			*f = v
		}
	}
	set(&s.Grain, DefaultGrain)
	set(&s.TZ, DefaultTZ)
	set(&s.ActiveWindow, WindowPeriod)
	set(&s.PredictUnit, DefaultPredictUnit)
	if s.LapsedDays <= 0 {
		s.LapsedDays = DefaultLapsedDays
	}
	if s.Horizon == 0 {
		s.Horizon = DefaultHorizon
	}
	if s.Discount == nil {
		d := DefaultDiscount
		s.Discount = &d
	}
	if s.QuietDays <= 0 {
		s.QuietDays = DefaultQuietDays
	}
}

// DefaultSettings is the zero Settings with its defaults.
func DefaultSettings() Settings {
	var s Settings
	s.Defaults()
	return s
}

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}
