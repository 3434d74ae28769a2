package report

import "strings"

// Message kinds between the page and the engine worker. The page sends a
// Request: MsgLoad (with the file's bytes), MsgSettings, MsgRows and
// MsgExport; the worker answers with a Reply: MsgProgress while it reads,
// then MsgReport (the report without its customer rows, which can be
// many) or MsgError (the English words, and for the page to word itself a
// Problem, or a LimitError for a file past a bound), MsgRows with the
// first rows of a list, and MsgFile for an export. A MsgReport is sent as
// soon as the figures are computed; when it comes without its forecast
// (Reply.ForecastFollows), a MsgForecast of the same ID completes it.
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
	// MsgMovement asks for (and answers with) the customers' moves
	// between RFM segments from one day to another (Request.Movement,
	// Reply.Movement).
	MsgMovement = "movement"
	// MsgCompare puts two files side by side (Request.Side says which
	// this one is: CompareA, kept until its B comes; CompareB, answered
	// with MsgComparison).
	MsgCompare    = "compare"
	MsgComparison = "comparison"
	// MsgForecast completes a MsgReport sent without its forecast (its
	// Reply.ForecastFollows): Reply.Forecast, or the error fields, as a
	// MsgError's, when the forecast could not be computed. Its ID is the
	// report's. The report's lists and exports hold the forecast's
	// figures: the worker answers a MsgRows or MsgExport after it.
	MsgForecast = "forecast"
	// MsgWarm is the report of the sample store the engine computed to
	// warm itself (worker.Warm), sent once, unasked, when the warm-up ran
	// to its end: the page decodes it and builds its charts once while
	// the browser is idle, so that a file's first report does not pay for
	// that code's first run (issue 11). It shows nothing.
	MsgWarm = "warm"
)

// The sides of a MsgCompare request.
const (
	CompareA = "a"
	CompareB = "b"
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
	// MsgRows: the customers whose id, e-mail or name holds Query (any
	// case; "" for all), PageRows of them from Offset on.
	Query  string `json:"query,omitempty"`
	Offset int    `json:"offset,omitempty"`
	// Product, for MsgRows and MsgExport, asks for a product list in
	// place of List.
	Product *ProductQuery `json:"product,omitempty"`
	// Movement is the two days of a MsgMovement.
	Movement *MovementRange `json:"movement,omitempty"`
	Side     string         `json:"side,omitempty"` // MsgCompare: CompareA or CompareB
}

// MovementRange is two days (2006-01-02) whose RFM segments a movement
// compares, each as of the end of the day: scored on the orders up to and
// including it, which is `retention segments --moved-since From+1
// --as-of To+1` (a reference date scores the orders before it).
type MovementRange struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Reply is a message from the worker to the page; its Type says which of
// the other fields it carries. Its bytes, for MsgFile, travel beside it.
type Reply struct {
	Type     string    `json:"type"`
	ID       int       `json:"id,omitempty"`       // the request's; 0 for MsgReady
	Progress *Progress `json:"progress,omitempty"` // MsgProgress
	Report   *Document `json:"report,omitempty"`   // MsgReport, without its customer rows
	Rows     *Rows     `json:"rows,omitempty"`     // MsgRows
	File     *File     `json:"file,omitempty"`     // MsgFile
	Movement *Movement `json:"movement,omitempty"` // MsgMovement
	// ForecastFollows, in a MsgReport, says that the report has no
	// forecast yet: a MsgForecast of the same ID brings it.
	ForecastFollows bool      `json:"forecast_follows,omitempty"`
	Forecast        *Forecast `json:"forecast,omitempty"` // MsgForecast
	// MsgComparison: the two files of a MsgCompare side by side, as
	// `retention compare A B --json` prints them.
	Comparison *Comparison `json:"comparison,omitempty"`
	// MsgError (and a MsgForecast without its forecast): the English
	// words, and what the page words itself: the problem of a file that
	// needs the user's word, the bound a file is past, or the setting the
	// engine cannot use.
	Message string      `json:"message,omitempty"`
	Problem *Problem    `json:"problem,omitempty"`
	Limit   *LimitError `json:"limit,omitempty"`
	Error   *Error      `json:"error,omitempty"`
}

// File is an exported list.
type File struct {
	Name string `json:"name"`
	Type string `json:"type"` // MIME type
	Rows int    `json:"rows"`
	Data []byte `json:"-"`
}

// Progress tells how far the worker has come.
type Progress struct {
	Stage Stage `json:"stage"`
	Done  int64 `json:"done"`  // bytes or rows done, as the stage counts
	Total int64 `json:"total"` // 0 when not known (a workbook's rows)
}

// Stage is a step of the work on a file, in the order they come.
type Stage string

// The stages. StageStart is the page's own, before the worker's first
// progress; the worker reads (bytes of a text file, rows of a workbook),
// builds the orders (rows), then computes the figures and fits the
// forecast (neither counted). StageForecast comes after the report of the
// figures (MsgReport), with its ID, when the forecast follows it.
const (
	StageStart    Stage = "start"
	StageRead     Stage = "read"
	StageOrders   Stage = "orders"
	StageFigures  Stage = "figures"
	StageForecast Stage = "forecast"
)

// Rows is a page of a list's customers, for the page to show.
type Rows struct {
	List  string `json:"list"`  // the list's own name
	Total int    `json:"total"` // customers in the list
	// Query is the search the page asked for, Matched the customers of
	// the list it finds (Total without one); Rows are PageRows of them
	// from Offset on.
	Query   string     `json:"query,omitempty"`
	Matched int        `json:"matched"`
	Offset  int        `json:"offset"`
	Rows    []Customer `json:"rows"`
}

// PageRows is how many customers of a list the page shows at a time: a
// page that a screen scrolls through in a few turns of the wheel; the
// export holds them all.
const PageRows = 50

// Page returns the page of a list's customers (rows, named list) that a
// MsgRows request asks for: those whose id, e-mail or name holds query,
// in any case, PageRows of them from offset on. An offset past the last
// customer found gives the last page; an offset inside a page, that page.
func Page(rows []Customer, list, query string, offset int) *Rows {
	q := strings.ToLower(strings.TrimSpace(query))
	found := rows
	if q != "" {
		found = []Customer{}
		for _, c := range rows {
			if strings.Contains(strings.ToLower(c.ID), q) || strings.Contains(strings.ToLower(c.Email), q) || strings.Contains(strings.ToLower(c.Name), q) {
				found = append(found, c)
			}
		}
	}
	offset = min(max(offset, 0), max(len(found)-1, 0))
	offset -= offset % PageRows
	return &Rows{List: list, Total: len(rows), Query: query, Matched: len(found), Offset: offset, Rows: found[offset:min(offset+PageRows, len(found))]}
}
