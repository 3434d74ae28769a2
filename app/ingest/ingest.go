// Package ingest turns a spreadsheet export of a shop's orders into a
// metrics.Dataset: it reads the file (package sheet), finds which column
// plays which role (package columns), parses numbers and dates as people
// write them (package parse), groups line items into orders, and keeps
// refunds apart. Every row that does not become part of an order is
// counted by reason in the Report: nothing is dropped silently.
package ingest

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"retention/app/columns"
	"retention/app/limits"
	"retention/app/report"
	"retention/app/sheet"
	"retention/metrics"
)

// Options control Load. The zero value detects everything and reports in UTC.
type Options struct {
	// Sheet names the workbook sheet to read; "" reads the first sheet
	// that holds data.
	Sheet string
	// Map sets roles by column: role -> header name (case-insensitive) or
	// 1-based column number. An empty name removes a detected role.
	Map map[columns.Role]string
	// Location is the reporting time zone: it decides which day and month
	// an order falls in. Nil means UTC.
	Location *time.Location
	// Currency picks the currency to report when the file has several; ""
	// picks the one with the most orders (the others are reported as
	// skipped, never summed). For a file that names no currency it states
	// the one its amounts are in (an ISO code); for one whose amounts say
	// only kr, which crowns (DKK, NOK, SEK or ISK).
	Currency string
	// Locale is the user's locale, a BCP 47 tag such as da-DK (a browser's
	// navigator.language). It tells kr apart when the column names do not,
	// and gives the currency of a file that names none, reported as
	// guessed (Report.CurrencyFrom). "" guesses nothing.
	Locale string
	// NoHeader reads a file whose first row holds values, not names.
	NoHeader bool
	// Latest is the last instant an order may be dated (the day the
	// report is made, from the caller's clock): rows dated more than a
	// day after it are skipped (DateOutOfRange), as are rows dated before
	// limits.EarliestOrder. The zero value skips only those.
	Latest time.Time
	// Limits bound what reading the file may take (package limits); a
	// zero field takes the command line's bound.
	Limits limits.Limits
	// Gunzipped tells that the file's bytes are a .gz file's content,
	// inflated by the caller (sheet.Options.Gunzipped).
	Gunzipped bool
	// Parts are entries of a workbook's zip inflated by the caller
	// (sheet.Options.Parts).
	Parts sheet.Parts
	// Stream is the file's text parsed as its bytes came
	// (sheet.Options.Stream).
	Stream *sheet.Stream
	// Split, when set, is a file read in two parts by two workers: the
	// bytes given and Stream (a sheet.NewHeadStream) are its first part,
	// the tail its link reaches holds the rest (FromParts).
	Split *Split
	// Progress, if set, is called now and then with the stage
	// (report.StageRead, report.StageOrders) and how far it is.
	Progress func(stage report.Stage, done, total int64)
}

// Result is what Load produced.
type Result struct {
	Table   *sheet.Table
	Mapping columns.Mapping
	Dataset *metrics.Dataset
	Report  Report
}

// Report says what Load did with every row of the file.
type Report struct {
	File       string   `json:"file"`
	Format     string   `json:"format"`
	Sheet      string   `json:"sheet,omitempty"`
	Sheets     []string `json:"sheets,omitempty"`
	Rows       int      `json:"rows"`       // data rows below the header
	OrderRows  int      `json:"order_rows"` // rows that became part of an order
	RefundRows int      `json:"refund_rows"`
	Orders     int      `json:"orders"`
	Refunds    int      `json:"refunds"`
	// Cancelled counts orders whose status says cancelled or refunded:
	// they are not orders and their value is not revenue.
	Cancelled       int                 `json:"cancelled_orders"`
	CancelledAmount float64             `json:"cancelled_amount"`
	CancelledRows   int                 `json:"cancelled_rows"`
	Customers       int                 `json:"customers"`
	Skipped         []Skip              `json:"skipped"`
	Currency        string              `json:"currency,omitempty"`
	Currencies      []CurrencyCount     `json:"currencies,omitempty"`
	DateFormat      report.DateFormat   `json:"date_format"`
	NumberFormat    report.NumberFormat `json:"number_format"`
	TotalFrom       string              `json:"total_from"` // how order totals were found
	TimeZone        string              `json:"time_zone"`
	Notes           []report.Note       `json:"notes,omitempty"`

	// CurrencyFrom says where Currency (the ISO code of the figures'
	// currency) comes from: CurrencyFromFile, CurrencyFromLanguage,
	// CurrencyFromLocale or CurrencyFromOption; "" when there is none.
	CurrencyFrom string `json:"currency_from,omitempty"`
	// CurrencyLanguage is the language of the column names that told
	// which crowns kr is (when CurrencyFrom is CurrencyFromLanguage).
	CurrencyLanguage string `json:"currency_language,omitempty"`
	// CrownOrders counts the orders whose amounts say kr (or end in ",-"
	// in a Danish, Norwegian or Swedish file).
	CrownOrders int `json:"crown_orders,omitempty"`
}

// SkippedRows returns the number of rows that were skipped for any reason.
func (r *Report) SkippedRows() int {
	n := 0
	for _, s := range r.Skipped {
		n += s.Rows
	}
	return n
}

// Skip counts the rows skipped for one reason.
type Skip struct {
	Code     SkipCode `json:"code"` // the reason, for the edges to word
	Reason   string   `json:"reason"`
	Column   string   `json:"column,omitempty"`
	Rows     int      `json:"rows"`
	Examples []int    `json:"examples"`         // the first row numbers, as in the file
	Values   []string `json:"values,omitempty"` // the first offending values
}

// CurrencyCount is one currency found in the file.
type CurrencyCount struct {
	Currency string  `json:"currency"`
	Orders   int     `json:"orders"`
	Amount   float64 `json:"amount"`
}

// maxExamples is how many row numbers and values a Skip keeps.
const maxExamples = 5

// skips collects skipped rows by reason, in the order reasons first occur.
type skips struct {
	list  []Skip
	index map[skipKey]int
	// The value of each example of list[i], "" for none: a Skip's Values
	// leave those out (the tail's skipped rows are sent with these:
	// FromParts).
	values [][]string
}

// skipKey is a reason and a column: a key without a string built per row.
type skipKey struct{ reason, column string }

// add counts one row skipped for a reason, its code with the English;
// line 0 counts it without keeping an example.
func (s *skips) add(code SkipCode, reason, column string, line int, value string) {
	s.addRows(code, reason, column, 1, []int32{int32(line)}, value)
}

// addRows counts n rows skipped for one reason, as n calls of add would,
// the first of them at lines (at most n), the others without an example:
// the rows of an order skipped whole.
func (s *skips) addRows(code SkipCode, reason, column string, n int, lines []int32, value string) {
	if n == 0 {
		return
	}
	i := s.entry(code, reason, column)
	s.list[i].Rows += n
	for _, line := range lines {
		s.example(i, line, value)
	}
}

// entry is the index in list of the rows skipped for a reason, added if
// none were before.
func (s *skips) entry(code SkipCode, reason, column string) int {
	key := skipKey{reason, column}
	if s.index == nil {
		s.index = map[skipKey]int{}
	}
	i, ok := s.index[key]
	if !ok {
		i = len(s.list)
		s.index[key] = i
		s.list = append(s.list, Skip{Code: code, Reason: reason, Column: column})
		s.values = append(s.values, nil)
	}
	return i
}

// example keeps line and its value (if any) as an example of list[i],
// while it has room.
func (s *skips) example(i int, line int32, value string) {
	k := &s.list[i]
	if line > 0 && len(k.Examples) < maxExamples {
		k.Examples = append(k.Examples, int(line))
		s.values[i] = append(s.values[i], value)
		if value != "" {
			k.Values = append(k.Values, value)
		}
	}
}

// Load reads a file's bytes and returns its orders as a dataset, with the
// column mapping and a report of every row.
func Load(name string, data []byte, opt Options) (*Result, error) {
	if opt.Split != nil {
		return loadParts(name, opt)
	}
	sopt := sheet.Options{Sheet: opt.Sheet, NoHeader: opt.NoHeader, Limits: opt.Limits, Gunzipped: opt.Gunzipped, Parts: opt.Parts, Stream: opt.Stream}
	if opt.Progress != nil {
		sopt.Progress = func(done, total int64) { opt.Progress(report.StageRead, done, total) }
	}
	t, err := sheet.Read(name, data, sopt)
	if errors.Is(err, sheet.ErrNoHeader) && !opt.NoHeader {
		// No row looks like column names: read the file as values only,
		// and go on if the values say which column is which (the CDNOW
		// files of the BTYD literature are like this).
		sopt.NoHeader = true
		if t2, err2 := sheet.Read(name, data, sopt); err2 == nil {
			if res, err2 := FromTable(t2, opt); err2 == nil {
				if _, hasDate := res.Mapping.Column(columns.Date); hasDate {
					res.Report.Notes = append(res.Report.Notes, report.Note{Code: report.NoteNoHeader})
					return res, nil
				}
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return FromTable(t, opt)
}

// Split is a file read in two parts (Options.Split): Link reaches the
// worker that holds the rest, whose parse counted Tail.
type Split struct {
	Link Link
	Tail sheet.Counts
}

// ErrSplit is returned by Load when a file read in two parts cannot be
// read so: its first part ends within a quoted field, or has too few rows
// to choose the header, or the file is past its bounds, or it is read with
// settings the parts cannot follow. Its whole bytes are then read as one.
var ErrSplit = errors.New("the file's two parts cannot be read apart")

// loadParts is Load of a file read in two parts.
func loadParts(name string, opt Options) (*Result, error) {
	if opt.Stream == nil || opt.NoHeader || opt.Sheet != "" || opt.Gunzipped {
		return nil, ErrSplit
	}
	t, counts, err := opt.Stream.Head(name)
	if err != nil || !sheet.Within(counts, opt.Split.Tail, opt.Limits) {
		return nil, ErrSplit
	}
	return FromParts(t, counts.Lines, opt.Split.Link, opt)
}

// FromTable builds the dataset from a table already read, as Load does.
// The UI uses it to recompute after the user changes the mapping. When the
// table gives no orders, the Result still holds the table and the mapping
// (without a Dataset) beside the error.
func FromTable(t *sheet.Table, opt Options) (*Result, error) {
	return fromMapping(t, columns.Detect(t.Header, t), nil, opt)
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// sortedCurrencies returns the currencies by orders, most first.
func sortedCurrencies(m map[string]*CurrencyCount) []CurrencyCount {
	out := make([]CurrencyCount, 0, len(m))
	for _, c := range m {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Orders != out[j].Orders {
			return out[i].Orders > out[j].Orders
		}
		return out[i].Currency < out[j].Currency
	})
	return out
}
