package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"retention/app/engine"
	"retention/app/report"
)

// productList is what `retention list --json` prints.
type productList struct {
	List      string              `json:"list"`
	AsOf      string              `json:"as_of"`
	Query     report.ProductQuery `json:"query"`
	Customers int                 `json:"customers"`
	Rows      []report.Customer   `json:"rows"`
}

// list runs `retention list FILE --bought X [--not-bought Y]
// [--not-again-days N] [--category]`: the customers who bought a product
// (and not another, or not again in N days), or with --category a
// product of a category, written to --out or printed.
func (m *Main) list(args []string) error {
	var c common
	var q report.ProductQuery
	var out string
	fs := newFlagSet(m, "list")
	c.register(fs)
	c.registerForecast(fs)
	fs.StringVar(&q.Bought, "bought", "", "the product the customers bought (its name as in the file)")
	fs.StringVar(&q.NotBought, "not-bought", "", "leave out the customers who ever bought this product")
	fs.IntVar(&q.NotAgainDays, "not-again-days", 0, "keep only the customers whose last order of --bought is more than this many days before the reference date")
	fs.BoolVar(&q.Category, "category", false, "--bought and --not-bought name categories (the file's category column), not products")
	fs.StringVar(&out, "out", "", "the file to write: .csv or .xlsx (default: print the list)")
	file, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if strings.TrimSpace(q.Bought) == "" {
		return errors.New("--bought is required: the product the customers bought")
	}
	if q.NotAgainDays < 0 {
		return fmt.Errorf("--not-again-days must be 0 or more, got %d", q.NotAgainDays)
	}
	if ext := strings.ToLower(filepath.Ext(out)); out != "" && ext != ".csv" && ext != ".xlsx" {
		return fmt.Errorf("--out must end in .csv or .xlsx, got %q", out)
	}
	res, err := loadResult(file, c.opt)
	if err != nil {
		return err
	}
	doc, err := engine.Build(res, c.opt)
	if err != nil {
		return err
	}
	if err := engine.Forecast(res, doc, c.opt); err != nil {
		return err
	}
	rows, name, err := engine.ProductList(res, doc, q)
	if err != nil {
		return err
	}
	if out != "" {
		if err := writeList(out, rows, name, doc.Currency); err != nil {
			return err
		}
		fmt.Fprintf(m.Stderr, "wrote %d customers of %q to %s\n", len(rows), name, out)
		return nil
	}
	if c.json {
		return writeJSON(m, productList{List: name, AsOf: doc.AsOf, Query: q, Customers: len(rows), Rows: rows})
	}
	w := report.Escaping(m.Stdout)
	fmt.Fprintf(w, "%s (as of %s): %d customers\n", name, doc.AsOf, len(rows))
	if len(rows) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "customer\temail\tsegment\torders\trevenue\tlast order\tnext order")
	for _, r := range rows {
		next := r.NextOrder
		if next == "" {
			next = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%.2f\t%s\t%s\n", r.ID, r.Email, r.Segment, r.Orders, r.Revenue, r.Last, next)
	}
	return tw.Flush()
}
