package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"retention/app/engine"
	"retention/app/export"
	"retention/app/limits"
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
	opt  report.Settings
	json bool
}

// register adds the flags of every command that reads a file; a flag's
// default is the settings' (report.Settings.Defaults).
func (c *common) register(fs *flag.FlagSet) {
	d := report.DefaultSettings()
	c.opt.Map = map[string]string{}
	fs.StringVar(&c.opt.Grain, "grain", d.Grain, "period length: month, quarter or year")
	fs.StringVar(&c.opt.From, "from", "", "first day of the range (2006-01-02)")
	fs.StringVar(&c.opt.To, "to", "", "last day of the range (2006-01-02)")
	fs.StringVar(&c.opt.AsOf, "as-of", "", "reference date for recency and lists (default: the day after the last order)")
	fs.StringVar(&c.opt.TZ, "tz", d.TZ, "reporting time zone, e.g. Europe/Berlin")
	fs.StringVar(&c.opt.Sheet, "sheet", "", "the workbook sheet to read (default: the first with data)")
	fs.StringVar(&c.opt.Currency, "currency", "", "the currency to report when the file has several; for a file that names none, the currency its amounts are in (an ISO code: EUR, DKK); for amounts in kr, which crowns")
	fs.StringVar(&c.opt.Locale, "locale", "", "your locale (da-DK, en-GB): tells kr apart when the column names do not, and guesses the currency of a file that names none (default: no guess)")
	fs.Var(mapFlag(c.opt.Map), "map", "set a column's role: role=Column (repeatable)")
	fs.BoolVar(&c.opt.NoHeader, "no-header", false, "the file's first row holds values, not column names")
	fs.StringVar(&c.opt.ActiveWindow, "active-window", d.ActiveWindow, "how long a customer stays in the customer base after an order: period (one period) or a number of days, e.g. 90d")
	fs.IntVar(&c.opt.LapsedDays, "lapsed-days", d.LapsedDays, "days without an order that make a regular lapsed")
	fs.StringVar(&c.opt.SeasonFrom, "season-from", "", "first day of this year's season; the seasonal list is who ordered then a year earlier (default: the reference date)")
	fs.StringVar(&c.opt.SeasonTo, "season-to", "", fmt.Sprintf("last day of this year's season (default: %d days from --season-from)", report.SeasonDays))
	fs.BoolVar(&c.json, "json", false, "print JSON")
	c.opt.Today = time.Now()
	fs.Var((*sizeFlag)(&c.opt.Limits), "max-size", "the largest file to read (default 2GiB); the bounds on unpacked bytes, rows and cells follow it")
}

// sizeFlag sets the limits for files of up to a size: "4GiB", "500MB",
// "3000000000".
type sizeFlag limits.Limits

func (f *sizeFlag) String() string { return limits.Bytes((*limits.Limits)(f).OrCLI().Input) }

func (f *sizeFlag) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*f = sizeFlag(limits.CLI.With(n))
	return nil
}

// parseSize reads a size in bytes with an optional unit: KB, MB, GB (powers
// of 1000) or KiB, MiB, GiB (powers of 1024).
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}} {
		if strings.HasSuffix(strings.ToLower(t), strings.ToLower(u.suffix)) {
			t, mult = strings.TrimSpace(t[:len(t)-len(u.suffix)]), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v <= 0 || v*float64(mult) > 1<<62 {
		return 0, fmt.Errorf("a size is a number of bytes with an optional unit, like 4GiB or 500MB, got %q", s)
	}
	return int64(v * float64(mult)), nil
}

// readInput reads a file of up to l.Input bytes; a larger one (or an
// endless one, such as /dev/zero) is refused with the bound, after
// reading one byte more than it.
func readInput(file string, l limits.Limits) ([]byte, error) {
	l = l.OrCLI()
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		if err := l.CheckInput(st.Size()); err != nil {
			err.(*limits.Error).File = filepath.Base(file)
			return nil, err
		}
		// One allocation of the file's size, as os.ReadFile does.
		data := make([]byte, st.Size())
		if _, err := io.ReadFull(f, data); err != nil {
			return nil, err
		}
		return data, nil
	}
	// A pipe or a device: read up to the bound and one byte more.
	data, err := io.ReadAll(io.LimitReader(f, l.Input+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > l.Input { // how much more is not known
		return nil, &limits.Error{Code: limits.Input, File: filepath.Base(file), Limit: l.Input}
	}
	return data, nil
}

// registerForecast adds the forecast's flags (report and segments; predict
// has its own).
func (c *common) registerForecast(fs *flag.FlagSet) {
	d := report.DefaultSettings()
	p := &c.opt // a horizon left at 0 is the engine's default (report.Settings.Defaults)
	fs.StringVar(&p.PredictUnit, "unit", d.PredictUnit, "time unit of the prediction models: week or day")
	fs.Var((*horizonFlag)(&p.Horizon), "horizon", "how far predicted purchases and CLV look ahead (12m, 2y)")
	fs.Func("discount", fmt.Sprintf("monthly discount rate of the predicted CLV (default %v)", *d.Discount), func(s string) error {
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
	files, err := parseFiles(fs, args)
	if err != nil {
		return "", err
	}
	return oneFile(files)
}

func newFlagSet(m *Main, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	return fs
}

// load reads and reports on a file.
func load(file string, opt report.Settings) (*report.Document, error) {
	data, err := readInput(file, opt.Limits)
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
	var compareTo string
	fs.StringVar(&compareTo, "compare-to", "", "put each figure beside the same over the previous range of the same length as --from..--to, with the change, and the customers' moves between RFM segments since: previous")
	file, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	var doc *report.Document
	if compareTo != "" {
		doc, err = loadPrevious(file, c.opt, compareTo)
	} else {
		doc, err = load(file, c.opt)
	}
	if err != nil {
		return err
	}
	doc.Word(words)
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
	var since string
	fs.StringVar(&since, "moved-since", "", "print how many customers moved between RFM segments from this date (2006-01-02) to the reference date, instead of writing a list")
	file, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if since != "" {
		if segment != "" || out != "" {
			return errors.New("--moved-since prints the movement between segments; give --segment and --out without it")
		}
		return m.movedSince(file, &c, since)
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
