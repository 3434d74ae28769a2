package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"retention/app/engine"
	"retention/app/report"
)

func (m *Main) survey(args []string) error {
	fs := newFlagSet(m, "survey")
	d := report.DefaultSettings()
	var opt report.Settings
	var orders, list, out string
	var asJSON bool
	opt.SurveyMap = map[string]string{}
	opt.Map = map[string]string{}
	fs.StringVar(&orders, "orders", "", "the orders file to join the answers to (by customer id or e-mail)")
	fs.StringVar(&opt.SurveyScale, "scale", "", "the answers' scale: nps, csat5, csat7 or csat10 (default: detected)")
	fs.StringVar(&opt.SurveySheet, "sheet", "", "the survey workbook's sheet (default: the first with data)")
	fs.Var(mapFlag(opt.SurveyMap), "map", "set a survey column's role: score, date, customer_id, email or comment =Column (repeatable)")
	fs.Var(mapFlag(opt.Map), "orders-map", "set a column's role in the orders file: role=Column (repeatable)")
	opt.Today = time.Now()
	fs.Var((*sizeFlag)(&opt.Limits), "max-size", "the largest file to read (default 2GiB); the bounds on unpacked bytes, rows and cells follow it")
	fs.StringVar(&opt.Grain, "grain", d.Grain, "period length: month, quarter or year")
	fs.StringVar(&opt.TZ, "tz", d.TZ, "reporting time zone, e.g. Europe/Berlin")
	fs.StringVar(&opt.AsOf, "as-of", "", "reference date of the orders (default: the day after the last order)")
	fs.IntVar(&opt.QuietDays, "quiet-days", d.QuietDays, "days without an order that make a promoter a quiet fan")
	fs.StringVar(&opt.Currency, "currency", "", "the orders' currency: the one to report when they have several; for orders that name none, the one their amounts are in")
	fs.StringVar(&opt.Locale, "locale", "", "your locale (da-DK, en-GB): tells kr apart and guesses the currency of orders that name none")
	fs.StringVar(&list, "list", "", `write a list: "Unhappy VIPs" or "Quiet fans" (needs --orders and --out)`)
	fs.StringVar(&out, "out", "", "the list's file: .csv or .xlsx")
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	file, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if (list == "") != (out == "") {
		return fmt.Errorf("--list and --out go together")
	}
	data, err := readInput(file, opt.Limits)
	if err != nil {
		return err
	}
	s, currency, err := m.surveyReport(file, data, orders, opt)
	if err != nil {
		return err
	}
	if list != "" {
		rows, name, err := engine.SurveyList(s, list)
		if err != nil {
			return err
		}
		return writeList(out, rows, name, currency)
	}
	s.Word(words)
	if asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	writeSurvey(m, s)
	return nil
}

// surveyReport reads a survey and joins it to the orders, if given; it
// returns the orders' currency too, that of the lists' amounts.
func (m *Main) surveyReport(file string, data []byte, orders string, opt report.Settings) (*report.Survey, string, error) {
	if orders == "" {
		s, err := engine.Survey(filepath.Base(file), data, opt, nil, nil)
		return s, "", err
	}
	od, err := readInput(orders, opt.Limits)
	if err != nil {
		return nil, "", err
	}
	res, err := engine.Load(filepath.Base(orders), od, opt)
	if err != nil {
		return nil, "", ordersError(err)
	}
	doc, err := engine.Build(res, opt)
	if err != nil {
		return nil, "", ordersError(err)
	}
	s, err := engine.Survey(filepath.Base(file), data, opt, res, doc)
	return s, doc.Currency, err
}

// ordersError says that err is the orders file's; a setting the engine
// cannot use is worded here, as explain cannot see past the prefix.
func ordersError(err error) error {
	var se *report.Error
	if errors.As(err, &se) && explainSetting(se) != "" {
		return fmt.Errorf("orders: %s", explainSetting(se))
	}
	return fmt.Errorf("orders: %w", err)
}

func writeSurvey(m *Main, s *report.Survey) {
	w := m.Stdout
	score := func(sc report.SurveyScore) string {
		if s.Kind == "nps" {
			return fmt.Sprintf("NPS %+.0f (95%% interval %+.0f to %+.0f; %d promoters, %d passives, %d detractors of %d)",
				sc.Value, sc.Low, sc.High, sc.Positive, sc.Neutral, sc.Negative, sc.Answers)
		}
		return fmt.Sprintf("CSAT %.1f%% (95%% interval %.1f%% to %.1f%%; %d satisfied of %d, mean %.2f)",
			sc.Value*100, sc.Low*100, sc.High*100, sc.Positive, sc.Answers, sc.Mean)
	}
	fmt.Fprintf(w, "Survey: %s (%s), %d rows; scale %s (%s); dates %s.\n", s.File, s.Format, s.Rows, s.Scale, s.ScaleText, s.DateText)
	for _, n := range s.NoteText {
		fmt.Fprintln(w, "Note:", n)
	}
	for _, k := range s.Skipped {
		fmt.Fprintf(w, "Skipped %d rows: %s (column %q; rows %s).\n", k.Rows, k.Reason, k.Column, k.ExampleRows())
	}
	fmt.Fprintf(w, "\nOverall: %s\n\n", score(s.Overall))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  period\tanswers\tscore\t95% interval\t")
	for _, p := range s.Periods {
		if p.Score.Answers == 0 {
			fmt.Fprintf(tw, "  %s\t0\t-\t-\t\n", p.Period)
			continue
		}
		if s.Kind == "nps" {
			fmt.Fprintf(tw, "  %s\t%d\t%+.0f\t%+.0f to %+.0f\t\n", p.Period, p.Score.Answers, p.Score.Value, p.Score.Low, p.Score.High)
		} else {
			fmt.Fprintf(tw, "  %s\t%d\t%.1f%%\t%.1f%% to %.1f%%\t\n", p.Period, p.Score.Answers, p.Score.Value*100, p.Score.Low*100, p.Score.High*100)
		}
	}
	tw.Flush()
	j := s.Join
	if j == nil {
		return
	}
	fmt.Fprintf(w, "\nJoined to %s: %d answers from %d customers matched, %d not found in the orders, %d anonymous.\n", j.Orders, j.Matched, j.Customers, j.Unmatched, j.Anonymous)
	if len(j.Examples) > 0 {
		fmt.Fprintf(w, "  Not found: %s\n", strings.Join(j.Examples, ", "))
	}
	fmt.Fprintln(w, "By RFM segment (each customer's latest answer):")
	for _, g := range j.BySegment {
		fmt.Fprintf(w, "  %-20s %s\n", g.Name, score(g.Score))
	}
	pos, neg := "promoters", "detractors"
	if s.Kind == "csat" {
		pos, neg = "satisfied customers", "dissatisfied customers"
	}
	fmt.Fprintf(w, "Repeat purchase rate: %s %.1f%% (%d of %d), %s %.1f%% (%d of %d).\n", pos, j.RepeatPositive.Rate*100, j.RepeatPositive.Repeaters, j.RepeatPositive.Customers,
		neg, j.RepeatNegative.Rate*100, j.RepeatNegative.Repeaters, j.RepeatNegative.Customers)
	fmt.Fprintf(w, "Lists: %q %d customers; %q (no order in %d days) %d customers.\n", report.ListUnhappyVIPs, len(j.UnhappyVIPs), report.ListQuietFans, j.QuietDays, len(j.QuietFans))
}
