// Retention reads a shop's orders export (CSV, TSV, Excel) and prints the
// retention figures the Retention Workbench shows: retention and churn per
// period, repeat purchase rate, cohorts, RFM segments and campaign lists.
// It runs the same code as the workbench, natively.
//
// Usage:
//
//	retention report [flags] FILE
//	retention segments [flags] FILE --segment NAME --out FILE.csv|FILE.xlsx
//	retention predict [flags] FILE --until DATE --unit week|day [--horizon 12m] [--discount 0.01]
//	retention survey [flags] FILE [--orders ORDERS] [--json]
//	retention compare [flags] A B [--json]
//	retention segments [flags] FILE --moved-since DATE [--json]
//	retention list [flags] FILE --bought PRODUCT [--not-bought PRODUCT] [--not-again-days N] [--category] [--out FILE] [--json]
//
// Report flags:
//
//	--grain month|quarter|year   period length (default month)
//	--from DATE, --to DATE       the date range (default: all orders)
//	--as-of DATE                 reference date for recency and lists (default: the day after the last order)
//	--tz ZONE                    reporting time zone, e.g. Europe/Berlin (default UTC)
//	--active-window period|90d   how long a customer stays in the customer base after an order (default one period)
//	--sheet NAME                 the workbook sheet to read
//	--currency CODE              the currency to report when the file has several; for a file that names none, the one its amounts are in
//	--locale TAG                 your locale (da-DK): tells kr apart, guesses the currency of a file that names none
//	--map role=Column            set a column's role (repeatable)
//	--no-header                  the file's first row holds values
//	--lapsed-days N              days without an order that make a regular lapsed (default 180)
//	--unit week|day              time unit of the prediction models (default week)
//	--horizon 12m                how far predicted purchases and CLV look ahead
//	--discount 0.01              monthly discount rate of the predicted CLV
//	--check-until DATE           calibration end of the prediction's check (default: mid-history)
//	--max-size 4GiB              the largest file to read (default 2 GiB); the bounds on unpacked bytes, rows and cells follow it
//	--json                       print JSON instead of text
//	--compare-to previous        (report) each figure beside the same over the previous range of the same length
//	--moved-since DATE           (segments) the customers' moves between RFM segments from DATE to the reference date
//
// Compare reads two files with the same flags (no forecast) and prints each
// KPI of both with its change, retention and churn per period side by side
// and the customers who moved between RFM segments.
//
// Errors go to standard error, with exit code 1.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"retention/app/ingest"
	"retention/app/limits"
	"retention/app/report"
)

func main() {
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr}
	if err := m.Run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "retention:", explain(err))
		os.Exit(1)
	}
}

// explain words an error for the command line: a file that gives no
// orders gets what to do about it, in terms of this command's flags.
func explain(err error) string {
	var le *limits.Error
	if errors.As(err, &le) {
		return explainLimit(le)
	}
	var se *report.Error
	if errors.As(err, &se) {
		if s := explainSetting(se); s != "" {
			return s
		}
	}
	var p *ingest.Problem
	if !errors.As(err, &p) {
		return err.Error()
	}
	s := p.Error()
	role := string(p.Role)
	switch p.Code {
	case ingest.NoDate, ingest.NoAmount, ingest.BadDates:
		s += fmt.Sprintf(" Choose the column with --map %s=COLUMN.", role)
	case ingest.NoCustomer:
		s += " Choose the column with --map customer_id=COLUMN, --map email=COLUMN, or --map name=COLUMN with --map address=COLUMN."
		if h := ingest.OrdersExportHint(p.Platform); h != "" {
			s += " " + p.Platform + ": " + h + "."
		}
	case ingest.Unclear:
		s += fmt.Sprintf(" Say which with --map %s=COLUMN.", role)
	case ingest.NotOrders:
		s += " Export the orders instead"
		if h := ingest.OrdersExportHint(p.Platform); h != "" {
			s += " (" + p.Platform + ": " + h + ")"
		}
		s += ", or name the columns with --map if it does hold orders."
	}
	return s
}

// flags are the command's flags for the settings' fields (their JSON
// names).
var flags = map[string]string{
	"grain": "--grain", "from": "--from", "to": "--to", "as_of": "--as-of", "tz": "--tz", "map": "--map",
	"active_window": "--active-window", "season_from": "--season-from", "season_to": "--season-to",
	"until": "--until", "predict_unit": "--unit", "horizon": "--horizon", "discount": "--discount", "validate": "--check-until",
	"currency": "--currency", "moved_since": "--moved-since",
}

// explainSetting words a setting the engine cannot use, or orders that
// give nothing with it, naming this command's flags; "" for a code whose
// error says it in its own sentence (report.Said: a file or a survey that
// cannot be read).
func explainSetting(e *report.Error) string {
	flag := flags[e.Field]
	switch e.Code {
	case report.BadDate:
		return fmt.Sprintf("%s must be a date like 2024-01-31, got %q", flag, e.Value)
	case report.BadTimeZone:
		return fmt.Sprintf("unknown time zone %q; use a name such as Europe/Berlin or UTC", e.Value)
	case report.BadGrain:
		return fmt.Sprintf("grain must be month, quarter or year, got %q", e.Value)
	case report.BadActiveWindow:
		return fmt.Sprintf("--active-window must be %s or a number of days such as 90d, got %q", report.WindowPeriod, e.Value)
	case report.UnknownRole:
		return fmt.Sprintf("unknown role %q; the roles are: %s", e.Value, e.Bound)
	case report.BeforeEarliest:
		return fmt.Sprintf("%s (%s) is before %s: orders are read from that day on", flag, e.Value, e.Bound)
	case report.AfterTomorrow:
		return fmt.Sprintf("%s (%s) is after tomorrow: orders are read up to today", flag, e.Value)
	case report.EndBeforeStart:
		start := map[string]string{"to": "--from", "season_to": "--season-from"}[e.Field]
		return fmt.Sprintf("%s (%s) is before %s (%s)", flag, e.Value, start, e.Bound)
	case report.BadUnit:
		return fmt.Sprintf("--unit must be week or day, got %q", e.Value)
	case report.BadHorizon:
		return fmt.Sprintf("--horizon must be 1 to %s months, got %s", e.Bound, e.Value)
	case report.BadDiscount:
		return fmt.Sprintf("--discount is a monthly rate from 0 to below 1 (0.01 = 1%%), got %s", e.Value)
	case report.NoOrdersToPredict:
		return fmt.Sprintf("%s has no orders to predict from", e.Value)
	case report.NoCustomerBy:
		return fmt.Sprintf("no customer bought on or before %s; choose a later --until", e.Value)
	case report.CurrencyNotInFile, report.CurrencyNotCrowns, report.CurrencyNotHeader, report.BadCurrency:
		return currencyText(e)
	case report.Unreadable, report.BadDelimiter, report.FileEmpty, report.SheetEmpty, report.NoSuchSheet, report.NotSpreadsheet,
		report.OtherSpreadsheet, report.Encrypted, report.Damaged, report.NoHeaderRow, report.SurveyNoAnswers, report.SurveyOrders,
		report.SurveyNoScore, report.SurveyNoDate, report.SurveyBadDates, report.SurveyNoScale:
		return ""
	}
	return e.Error()
}

// explainLimit words a file past a bound, with what to do about it:
// --max-size for the bounds that follow from memory, never for the ones
// that follow from the formats (a row past Excel's last row is a file no
// spreadsheet program writes, whatever the memory).
func explainLimit(e *limits.Error) string {
	s := e.Error() + "."
	switch {
	case e.Code == limits.Rows && e.Limit == limits.ExcelRows:
		s += fmt.Sprintf(" Excel's last row is %s and no spreadsheet program writes a row past it: export the orders again as CSV or Excel.", limits.Count(limits.ExcelRows))
	case e.Code == limits.Cell:
		s += " No orders export holds such a cell: export the orders again."
	case e.Code == limits.ZipEntries, e.Code == limits.Overlapping, e.Code == limits.Nested:
		s += " No spreadsheet program writes such a file: export the orders again as CSV or Excel."
	case e.Code == limits.Input, e.Code == limits.Inflated, e.Code == limits.SharedStrings, e.Code == limits.Rows, e.Code == limits.Cells:
		s += " Split the file or export fewer columns, or raise the bound with --max-size (as large as the machine's memory allows)."
	}
	return s
}

// Main is the program, with its output streams, so tests run it whole.
type Main struct {
	Stdout io.Writer
	Stderr io.Writer
}

const usage = `usage:
  retention report [flags] FILE
  retention segments [flags] FILE --segment NAME --out FILE.csv|FILE.xlsx
  retention predict [flags] FILE [--until DATE] [--unit week|day] [--horizon 12m] [--discount 0.01]
  retention survey [flags] FILE [--orders ORDERS] [--scale nps|csat5|csat7|csat10] [--json]
  retention compare [flags] A B [--json]
  retention segments [flags] FILE --moved-since DATE [--json]
  retention list [flags] FILE --bought PRODUCT [--not-bought PRODUCT] [--not-again-days N] [--category] [--out FILE.csv|FILE.xlsx] [--json]
Run "retention report -h" for the flags.`

// Run runs the command line args (without the program name).
func (m *Main) Run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("no command given\n%s", usage)
	}
	switch args[0] {
	case "report":
		return m.report(args[1:])
	case "segments":
		return m.segments(args[1:])
	case "predict":
		return m.predict(args[1:])
	case "survey":
		return m.survey(args[1:])
	case "compare":
		return m.compare(args[1:])
	case "list":
		return m.list(args[1:])
	case "help", "-h", "--help":
		fmt.Fprintln(m.Stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown command %q\n%s", args[0], usage)
}
