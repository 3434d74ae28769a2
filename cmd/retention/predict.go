package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"retention/app/engine"
	"retention/app/report"
)

// horizonFlag reads a horizon in months: "12", "12m" or "1y".
type horizonFlag int

func (h *horizonFlag) String() string { return strconv.Itoa(int(*h)) + "m" }

func (h *horizonFlag) Set(s string) error {
	s = strings.ToLower(strings.TrimSpace(s))
	mult := 1
	switch {
	case strings.HasSuffix(s, "m"):
		s = strings.TrimSuffix(s, "m")
	case strings.HasSuffix(s, "y"):
		s, mult = strings.TrimSuffix(s, "y"), 12
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return errors.New("a horizon is months, like 12m, or years, like 1y")
	}
	*h = horizonFlag(n * mult)
	return nil
}

func (m *Main) predict(args []string) error {
	var c common
	fs := newFlagSet(m, "predict")
	c.register(fs)
	d := report.DefaultSettings()
	c.opt.Horizon = d.Horizon
	fs.StringVar(&c.opt.Until, "until", "", "last day of the calibration period (default: the last order's day); later orders check the prediction")
	fs.StringVar(&c.opt.PredictUnit, "unit", d.PredictUnit, "time unit of the models: week or day")
	fs.Var((*horizonFlag)(&c.opt.Horizon), "horizon", "how far expected purchases and CLV look ahead (12m, 2y)")
	c.opt.Discount = fs.Float64("discount", *d.Discount, "monthly discount rate of the CLV")
	file, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	data, err := readInput(file, c.opt.Limits)
	if err != nil {
		return err
	}
	res, err := engine.Load(filepath.Base(file), data, c.opt)
	if err != nil {
		return err
	}
	pr, err := engine.Predict(res, c.opt)
	if err != nil {
		return err
	}
	pr.Word(words)
	if c.json {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(pr); err != nil {
			return err
		}
	} else {
		writePrediction(m, pr, res.Report.Currency)
	}
	if pr.BGNBD == nil {
		return errors.New(strings.Join(pr.ErrorText, "; "))
	}
	return nil
}

// writePrediction prints a prediction; its amounts are in currency ("" when
// unknown).
func writePrediction(m *Main, pr *report.Prediction, currency string) {
	w := m.Stdout
	fmt.Fprintf(w, "Prediction: %s, calibrated on orders to %s, in %ss; %d customers, %d with a repeat purchase.\n", pr.File, pr.Until, pr.Unit, pr.Customers, pr.Repeaters)
	for _, e := range pr.ErrorText {
		fmt.Fprintln(w, "  cannot:", e)
	}
	if b := pr.BGNBD; b != nil && b.NoDropout {
		fmt.Fprintf(w, "\nBG/NBD without drop-out (NBD): r %.4f, alpha %.4f (log-likelihood %.2f)\n", b.R, b.Alpha, b.LL)
	} else if b != nil {
		fmt.Fprintf(w, "\nBG/NBD: r %.4f, alpha %.4f, a %.4f, b %.4f (log-likelihood %.2f)\n", b.R, b.Alpha, b.A, b.B, b.LL)
	}
	if g := pr.GammaGamma; g != nil {
		fmt.Fprintf(w, "Gamma-Gamma: p %.4f, q %.4f, gamma %.4f (log-likelihood %.2f)\n", g.P, g.Q, g.Gamma, g.LL)
	}
	if c := pr.SpendFrequencyCorrelation; c != nil {
		fmt.Fprintf(w, "Correlation of spend and frequency: %.3f\n", *c)
	}
	for _, n := range pr.NoteText {
		fmt.Fprintln(w, "Note:", n)
	}
	if h := pr.Holdout; h != nil {
		fmt.Fprintf(w, "\nHoldout to %s (%.1f %ss): %d purchases, %.1f predicted (error %.1f%%; mean absolute error per customer %.3f)\n", pr.End, h.Length, pr.Unit, h.Actual, h.Predicted, h.Error*100, h.MAE)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  repeat purchases\tcustomers\tactual per customer\tpredicted\t")
		for _, g := range h.ByX {
			fmt.Fprintf(tw, "  %s\t%d\t%.3f\t%.3f\t\n", g.X, g.Customers, g.Actual, g.Predicted)
		}
		tw.Flush()
	}
	if pr.BGNBD == nil {
		return
	}
	// The ten most valuable: by CLV, or by expected purchases without a
	// spend model.
	rows := slices.Clone(pr.Rows)
	value := func(r report.Predicted) float64 {
		if r.CLV != nil {
			return *r.CLV
		}
		return r.ExpectedPurchases
	}
	sort.SliceStable(rows, func(i, j int) bool { return value(rows[i]) > value(rows[j]) })
	by := "CLV"
	if pr.GammaGamma == nil {
		by = "expected purchases"
	}
	fmt.Fprintf(w, "\nThe 10 customers with the highest %s of %d (--json lists all):\n", by, len(rows))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	in := ""
	if currency != "" {
		in = " (" + currency + ")"
	}
	fmt.Fprintf(tw, "  id\tx\tt_x\tT\tP(alive)\tpurchases in %dm\texpected AOV%s\tCLV%s\t\n", pr.Horizon, in, in)
	for i, r := range rows {
		if i == 10 {
			break
		}
		aov, clv := "-", "-"
		if r.ExpectedAOV != nil {
			aov, clv = fmt.Sprintf("%.2f", *r.ExpectedAOV), fmt.Sprintf("%.2f", *r.CLV)
		}
		fmt.Fprintf(tw, "  %s\t%.0f\t%.2f\t%.2f\t%.3f\t%.3f\t%s\t%s\t\n", r.ID, r.X, r.TX, r.T, r.PAlive, r.ExpectedPurchases, aov, clv)
	}
	tw.Flush()
}
