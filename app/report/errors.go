package report

import (
	"errors"
	"fmt"
	"strings"
)

// Code names a setting the engine cannot use, orders it cannot work on
// with the settings given (nothing to predict from, a model that cannot
// be fitted, a check that cannot be made), or a file it cannot read. The
// edges word each code: the command line in English with its flags, the
// page in the user's language with its controls.
type Code string

// The codes of Error, with the fields each one sets.
const (
	// BadDate: Field is not a date like 2024-01-31 (Value).
	BadDate Code = "bad_date"
	// BadTimeZone: Value is not an IANA time zone name.
	BadTimeZone Code = "bad_time_zone"
	// BadGrain: Value is not month, quarter or year.
	BadGrain Code = "bad_grain"
	// BadActiveWindow: Value is neither WindowPeriod nor a number of days.
	BadActiveWindow Code = "bad_active_window"
	// UnknownRole: Value is not a column role; Bound lists the roles,
	// comma-separated.
	UnknownRole Code = "unknown_role"
	// BeforeEarliest: the day Value of Field is before Bound, the first
	// day orders are read from (limits.EarliestOrder).
	BeforeEarliest Code = "before_earliest"
	// AfterTomorrow: the day Value of Field is after tomorrow.
	AfterTomorrow Code = "after_tomorrow"
	// EndBeforeStart: the last day Value of Field (to, season_to) is
	// before the first day Bound of its range (from, season_from).
	EndBeforeStart Code = "end_before_start"
	// BadUnit: Value is not week or day.
	BadUnit Code = "bad_unit"
	// BadHorizon: Value is not 1 to Bound months.
	BadHorizon Code = "bad_horizon"
	// BadDiscount: Value is not a monthly rate from 0 to below 1.
	BadDiscount Code = "bad_discount"
	// NoOrdersToPredict: the file Value has no orders to predict from.
	NoOrdersToPredict Code = "no_orders_to_predict"
	// NoCustomerBy: no customer bought on or before Value, the
	// calibration end (Field until).
	NoCustomerBy Code = "no_customer_by"
	// Unreadable: the browser could not read the file Field; Value is
	// its reason (the file moved or changed since it was chosen).
	Unreadable Code = "unreadable"

	// A model that cannot be fitted (Forecast.Errors, Prediction.Errors,
	// Validation.Error); Model names it: ModelBGNBD or ModelGammaGamma.
	// The edges word these codes; nothing tells them apart by text.

	// FitFewCustomers: N customers, fewer than Need, the fewest the model
	// is fitted on.
	FitFewCustomers Code = "fit_few_customers"
	// FitFewRepeaters: N customers bought again (of Of; 0 for the spend
	// model, which is given the repeat buyers alone), fewer than Need.
	FitFewRepeaters Code = "fit_few_repeaters"
	// FitNoTime: every customer was observed for no time (they all first
	// bought on the calibration end).
	FitNoTime Code = "fit_no_time"
	// FitNotConverged: the likelihood's maximum was not found; Value is
	// the optimiser's reason, for logs.
	FitNotConverged Code = "fit_not_converged"
	// FitUnbounded: the model's parameter Field ran off to Figure: the
	// orders do not pin the model down. Value names the model the
	// parameter is of (the NBD limit of BG/NBD has its own).
	FitUnbounded Code = "fit_unbounded"
	// FitSpendCorrelated: the repeat buyers' mean spend and repeat
	// purchases correlate by Figure (Pearson's r), too much for the spend
	// model, which assumes them independent.
	FitSpendCorrelated Code = "fit_spend_correlated"
	// FitHeavyTail: spend is so heavy-tailed that the spend model's
	// expected order value is infinite: q = Figure, not above 1.
	FitHeavyTail Code = "fit_heavy_tail"
	// FitBadInput: the model was handed histories it does not take (a
	// fault of the engine, not of the orders); Value is the model's own
	// words, for logs.
	FitBadInput Code = "fit_bad_input"

	// The forecast's check cannot be made (Validation.Error).

	// CheckNoOrders: there are no orders to check the models on.
	CheckNoOrders Code = "check_no_orders"
	// CheckTooLate: the check's calibration end Value (Field validate) is
	// not before Bound, the forecast's calibration end.
	CheckTooLate Code = "check_too_late"
	// CheckShortHistory: the orders span N days, fewer than Need: half to
	// fit on and half to compare with.
	CheckShortHistory Code = "check_short_history"
	// CheckNoHoldout: no order after Value, the check's calibration end,
	// to compare with.
	CheckNoHoldout Code = "check_no_holdout"

	// A currency stated (Field currency; Value in upper case, as given for
	// BadCurrency) that does not fit the file File.

	// CurrencyNotInFile: the file names its currencies, Values, with
	// Counts orders each; Value is not one of them.
	CurrencyNotInFile Code = "currency_not_in_file"
	// CurrencyNotCrowns: the amounts say kr, which is one of Values (the
	// crowns), not Value.
	CurrencyNotCrowns Code = "currency_not_crowns"
	// CurrencyNotHeader: the column names say the amounts are in Bound,
	// not Value.
	CurrencyNotHeader Code = "currency_not_header"
	// BadCurrency: Value is not an ISO 4217 currency code.
	BadCurrency Code = "bad_currency"

	// A file (File) that cannot be read, by its reader's look at its
	// bytes. The reader's own sentence goes with the code (its Error);
	// the command line prints that, the page words the code.

	// BadDelimiter: Value is not a delimiter a text file is read with (the
	// command line's choice; the page has none).
	BadDelimiter Code = "bad_delimiter"
	// FileEmpty: no row holds a value.
	FileEmpty Code = "file_empty"
	// SheetEmpty: the workbook's sheet Value holds nothing.
	SheetEmpty Code = "sheet_empty"
	// NoSuchSheet: the workbook has no sheet Value; Values are its sheets.
	NoSuchSheet Code = "no_such_sheet"
	// NotSpreadsheet: the file is no spreadsheet; Value says what it is:
	// pdf, word, powerpoint, zip (without a workbook), binary, or
	// encoding (text in no known encoding).
	NotSpreadsheet Code = "not_spreadsheet"
	// OtherSpreadsheet: another program's spreadsheet, Value ods or
	// numbers (Apple Numbers), to save as Excel or CSV.
	OtherSpreadsheet Code = "other_spreadsheet"
	// Encrypted: a password-protected workbook (Value password), an old
	// .xls one (xls), or one of the two (either).
	Encrypted Code = "encrypted"
	// Damaged: a damaged gzip (Value gzip) or Excel file (excel); Detail
	// is the reader's words ("" when it has none).
	Damaged Code = "damaged"
	// NoHeaderRow: no row looks like column names; Values are the first
	// row's.
	NoHeaderRow Code = "no_header_row"

	// A survey export (File) that gives no answers; its sentence goes
	// with the code, as a file's does.

	// SurveyNoAnswers: no row with a score and a date (N rows read; 0
	// for a header without rows).
	SurveyNoAnswers Code = "survey_no_answers"
	// SurveyOrders: an orders export, not a survey: no column is named
	// like a score, and Value only holds small numbers.
	SurveyOrders Code = "survey_orders"
	// SurveyNoScore: no column of scores.
	SurveyNoScore Code = "survey_no_score"
	// SurveyNoDate: no column of answer dates.
	SurveyNoDate Code = "survey_no_date"
	// SurveyBadDates: the column Value taken for the dates does not hold
	// dates that can be read.
	SurveyBadDates Code = "survey_bad_dates"
	// SurveyNoScale: the score column (Value) holds no whole numbers from
	// 0 to 10.
	SurveyNoScale Code = "survey_no_scale"
)

// The models of the fit codes (Error.Model).
const (
	ModelBGNBD      = "BG/NBD"
	ModelGammaGamma = "Gamma-Gamma"
)

// Error is a code with what it is about: the setting at fault (Field, a
// Settings field's JSON name: from, season_to, horizon), the value given,
// and what it was compared with (Bound). Its Error is the code, the field
// and the value, for logs and tests; users read the edges' words: the
// command line's English naming its flags (cmd/retention), the page's in
// its language naming its controls (app/ui), which keeps English
// sentences out of the page's WebAssembly.
type Error struct {
	Code  Code   `json:"code"`
	Field string `json:"field,omitempty"`
	Value string `json:"value,omitempty"`
	Bound string `json:"bound,omitempty"`
	// Model is the model a fit code is about.
	Model string `json:"model,omitempty"`
	// N, Of, Need and Figure are the counts and the figure a fit or
	// check code is about (see each code).
	N      int     `json:"n,omitempty"`
	Of     int     `json:"of,omitempty"`
	Need   int     `json:"need,omitempty"`
	Figure float64 `json:"figure,omitempty"`
	// File is the file a currency or file code is about; Values and
	// Counts its currencies and their orders, or its sheets.
	File   string   `json:"file,omitempty"`
	Values []string `json:"values,omitempty"`
	Counts []int    `json:"counts,omitempty"`
	// Detail is a reader's own words of a damaged file (a library's).
	Detail string `json:"detail,omitempty"`
}

// CodeOf is the code err carries, nil for none.
func CodeOf(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// Said is an error of a reader: its sentence, for the command line and
// logs, with its code for the page (errors.As finds Code) and the
// reader's sentinel (errors.Is finds Sentinel).
type Said struct {
	Text     string
	Code     *Error
	Sentinel error
}

func (s *Said) Error() string { return s.Text }

// Unwrap gives the code and the sentinel.
func (s *Said) Unwrap() []error {
	if s.Sentinel == nil {
		return []error{s.Code}
	}
	return []error{s.Code, s.Sentinel}
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s %q", e.Code, strings.ReplaceAll(e.Field, "_", " "), e.Value)
}

// IsSetting reports whether the error is a setting the user must change,
// as opposed to orders that give nothing with the settings (no orders to
// predict from, no customer by the calibration end, a model that cannot
// be fitted, a check that cannot be made), which a report says in its
// place and goes on.
func (e *Error) IsSetting() bool {
	switch e.Code {
	case NoOrdersToPredict, NoCustomerBy, Unreadable, CheckNoOrders, CheckShortHistory, CheckNoHoldout,
		FitFewCustomers, FitFewRepeaters, FitNoTime, FitNotConverged, FitUnbounded, FitSpendCorrelated, FitHeavyTail, FitBadInput:
		return false
	}
	return true
}
