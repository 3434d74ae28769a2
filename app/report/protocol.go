package report

// Settings are the choices a user makes in the workbench; the page sends
// them to the engine worker, which runs the same engine as the CLI with
// them (see package worker).
type Settings struct {
	Grain    string            `json:"grain,omitempty"`
	From     string            `json:"from,omitempty"`
	To       string            `json:"to,omitempty"`
	AsOf     string            `json:"as_of,omitempty"`
	TZ       string            `json:"tz,omitempty"`
	Sheet    string            `json:"sheet,omitempty"`
	Currency string            `json:"currency,omitempty"`
	Map      map[string]string `json:"map,omitempty"` // role -> column header; "" unsets
	NoHeader bool              `json:"no_header,omitempty"`
	// ActiveWindow is how long a customer stays in the customer base after
	// an order: WindowPeriod (or "") for one period, or days, "90d".
	ActiveWindow string `json:"active_window,omitempty"`
	LapsedDays   int    `json:"lapsed_days,omitempty"`
	SeasonFrom   string `json:"season_from,omitempty"`
	SeasonTo     string `json:"season_to,omitempty"`
	// The forecast's choices: time unit (week or day), horizon in months,
	// monthly discount rate (nil for the default) and the check's
	// calibration end.
	PredictUnit string   `json:"predict_unit,omitempty"`
	Horizon     int      `json:"horizon,omitempty"`
	Discount    *float64 `json:"discount,omitempty"`
	Validate    string   `json:"validate,omitempty"`
	// The survey's choices: its scale ("" to detect) and how long a
	// promoter has not ordered to be a quiet fan (0 for 90 days).
	SurveyScale string            `json:"survey_scale,omitempty"`
	SurveyMap   map[string]string `json:"survey_map,omitempty"` // role -> column header; "" unsets
	QuietDays   int               `json:"quiet_days,omitempty"`

	// Locale is the browser's language (navigator.language): it guesses
	// the currency of a file that names none and tells kr apart.
	Locale string `json:"locale,omitempty"`
}

// WindowPeriod is the active window of one period, the default: the
// customer base at a period's start is the previous period's customers,
// as in the customer retention rate's S.
const WindowPeriod = "period"

// Message kinds between the page and the engine worker. The page sends
// MsgLoad (with the file's bytes), MsgSettings, MsgRows and MsgExport; the
// worker answers with MsgProgress while it reads, then MsgReport (the
// report without its customer rows, which can be many) or MsgError (the
// English words, and for the page to word itself a Problem, or a
// LimitError for a file past a bound), MsgRows with the first rows of a
// list, and MsgFile for an export.
const (
	MsgLoad     = "load"
	MsgSurvey   = "survey" // a survey export's bytes, joined to the loaded orders
	MsgSettings = "settings"
	MsgExport   = "export"
	MsgRows     = "rows"
	MsgProgress = "progress"
	MsgReport   = "report"
	MsgError    = "error"
	MsgFile     = "file"
	MsgReady    = "ready"
)

// Request is a message from the page to the worker. The bytes of a file
// travel beside it (as a transferred ArrayBuffer), not in the JSON.
type Request struct {
	Type     string   `json:"type"`
	ID       int      `json:"id"` // echoed in the answers; a newer ID supersedes older work
	Name     string   `json:"name,omitempty"`
	Settings Settings `json:"settings"`
	List     string   `json:"list,omitempty"`   // MsgRows, MsgExport: a name Select knows
	Format   string   `json:"format,omitempty"` // MsgExport: csv or xlsx
}

// Progress tells how far the worker has come.
type Progress struct {
	Stage string `json:"stage"` // "read", "rows", "figures"
	Done  int64  `json:"done"`
	Total int64  `json:"total"`
}

// Rows is the first rows of a list, for the page to show.
type Rows struct {
	List  string     `json:"list"`  // the list's own name
	Total int        `json:"total"` // customers in the list
	Rows  []Customer `json:"rows"`  // the first of them
}
