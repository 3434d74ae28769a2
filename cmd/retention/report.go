package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"retention/app/engine"
	"retention/app/export"
	"retention/app/report"
)

// mapFlag collects repeated --map role=Column flags.
type mapFlag map[string]string

func (m mapFlag) String() string { return fmt.Sprint(map[string]string(m)) }

func (m mapFlag) Set(s string) error {
	role, col, ok := strings.Cut(s, "=")
	if !ok || strings.TrimSpace(role) == "" {
		return fmt.Errorf("want role=Column, got %q", s)
	}
	m[strings.TrimSpace(role)] = col
	return nil
}

// common holds the flags of every command that reads a file.
type common struct {
	opt  engine.Options
	json bool
}

func (c *common) register(fs *flag.FlagSet) {
	c.opt.Map = map[string]string{}
	fs.StringVar(&c.opt.Grain, "grain", "month", "period length: month, quarter or year")
	fs.StringVar(&c.opt.From, "from", "", "first day of the range (2006-01-02)")
	fs.StringVar(&c.opt.To, "to", "", "last day of the range (2006-01-02)")
	fs.StringVar(&c.opt.AsOf, "as-of", "", "reference date for recency and lists (default: the day after the last order)")
	fs.StringVar(&c.opt.TZ, "tz", "UTC", "reporting time zone, e.g. Europe/Berlin")
	fs.StringVar(&c.opt.Sheet, "sheet", "", "the workbook sheet to read (default: the first with data)")
	fs.StringVar(&c.opt.Currency, "currency", "", "the currency to report when the file has several; for a file that names none, the currency its amounts are in (an ISO code: EUR, DKK); for amounts in kr, which crowns")
	fs.StringVar(&c.opt.Locale, "locale", "", "your locale (da-DK, en-GB): tells kr apart when the column names do not, and guesses the currency of a file that names none (default: no guess)")
	fs.Var(mapFlag(c.opt.Map), "map", "set a column's role: role=Column (repeatable)")
	fs.BoolVar(&c.opt.NoHeader, "no-header", false, "the file's first row holds values, not column names")
	fs.StringVar(&c.opt.ActiveWindow, "active-window", report.WindowPeriod, "how long a customer stays in the customer base after an order: period (one period) or a number of days, e.g. 90d")
	fs.IntVar(&c.opt.LapsedDays, "lapsed-days", 180, "days without an order that make a regular lapsed")
	fs.StringVar(&c.opt.SeasonFrom, "season-from", "", "first day of this year's season; the seasonal list is who ordered then a year earlier (default: the reference date)")
	fs.StringVar(&c.opt.SeasonTo, "season-to", "", "last day of this year's season (default: 30 days from --season-from)")
	fs.BoolVar(&c.json, "json", false, "print JSON")
}

// registerForecast adds the forecast's flags (report and segments; predict
// has its own).
func (c *common) registerForecast(fs *flag.FlagSet) {
	p := &c.opt.Predict
	fs.StringVar(&p.Unit, "unit", "week", "time unit of the prediction models: week or day")
	fs.Var((*horizonFlag)(&p.Horizon), "horizon", "how far predicted purchases and CLV look ahead (12m, 2y)")
	fs.Func("discount", "monthly discount rate of the predicted CLV (default 0.01)", func(s string) error {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return errors.New("a discount is a number, like 0.01 for 1% a month")
		}
		p.Discount = &v
		return nil
	})
	fs.StringVar(&p.Validate, "check-until", "", "last day of calibration of the prediction's check (default: the middle of the history)")
}

// parseArgs parses flags that may come before or after the file name and
// returns the file name.
func parseArgs(fs *flag.FlagSet, args []string) (string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return "", err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch len(pos) {
	case 0:
		return "", errors.New("no file given")
	case 1:
		return pos[0], nil
	}
	return "", fmt.Errorf("one file at a time, got %d: %s", len(pos), strings.Join(pos, ", "))
}

func newFlagSet(m *Main, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	return fs
}

// load reads and reports on a file.
func load(file string, opt engine.Options) (*report.Document, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return engine.Run(filepath.Base(file), data, opt)
}

func (m *Main) report(args []string) error {
	var c common
	fs := newFlagSet(m, "report")
	c.register(fs)
	c.registerForecast(fs)
	file, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	doc, err := load(file, c.opt)
	if err != nil {
		return err
	}
	if c.json {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	return report.WriteText(m.Stdout, doc)
}

func (m *Main) segments(args []string) error {
	var c common
	var segment, out string
	fs := newFlagSet(m, "segments")
	c.register(fs)
	c.registerForecast(fs)
	fs.StringVar(&segment, "segment", "", `the list to write: an RFM segment ("At Risk"), "VIP", "Lapsed", "Seasonal", "Slipping away" or "All"`)
	fs.StringVar(&out, "out", "", "the file to write: .csv or .xlsx")
	file, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if segment == "" {
		return errors.New("--segment is required")
	}
	if out == "" {
		return errors.New("--out is required (a .csv or .xlsx file)")
	}
	ext := strings.ToLower(filepath.Ext(out))
	if ext != ".csv" && ext != ".xlsx" {
		return fmt.Errorf("--out must end in .csv or .xlsx, got %q", out)
	}
	doc, err := load(file, c.opt)
	if err != nil {
		return err
	}
	rows, segment, err := report.Select(doc, segment)
	if err != nil {
		return err
	}
	if err := writeList(out, rows, segment, doc.Currency); err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "wrote %d customers of %q to %s\n", len(rows), segment, out)
	return nil
}

// writeList writes customers to a .csv or .xlsx file, their amounts in
// currency.
func writeList(out string, rows []report.Customer, name, currency string) error {
	var b []byte
	var err error
	switch strings.ToLower(filepath.Ext(out)) {
	case ".csv":
		b = export.CSV(rows, currency)
	case ".xlsx":
		if b, err = export.XLSX(rows, name, currency); err != nil {
			return err
		}
	default:
		return fmt.Errorf("--out must end in .csv or .xlsx, got %q", out)
	}
	return os.WriteFile(out, b, 0o644)
}
