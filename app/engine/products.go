package engine

import (
	"errors"
	"strings"

	"retention/app/ingest"
	"retention/app/report"
	"retention/metrics"
)

// products lists the names of the products bought by the most customers,
// most first, at most report.MaxProducts, from all the products'
// interests (metrics.Interests by product).
func products(all []metrics.Interest) []string {
	out := make([]string, 0, min(len(all), report.MaxProducts))
	for _, it := range all {
		if len(out) == report.MaxProducts {
			break
		}
		out = append(out, it.Name)
	}
	return out
}

// ErrNoProduct is a product list asked for without the product bought.
var ErrNoProduct = errors.New("a product list needs the product bought")

// ProductList returns the customers of doc, the report Build made of res,
// who bought q.Bought, a product or a category (metrics.ProductList, as
// of the report's reference date): their rows of the report, with the
// forecast's predictions when doc has them, in the report's order, and
// the list's name.
func ProductList(res *ingest.Result, doc *report.Document, q report.ProductQuery) ([]report.Customer, string, error) {
	if strings.TrimSpace(q.Bought) == "" {
		return nil, "", ErrNoProduct
	}
	loc, err := location(doc.TimeZone)
	if err != nil {
		return nil, "", err
	}
	asOf, err := day("as_of", doc.AsOf, loc)
	if err != nil {
		return nil, "", err
	}
	ds := res.Dataset
	keep := map[string]bool{}
	for _, b := range metrics.ProductList(ds, metrics.ProductQuery{Bought: q.Bought, NotBought: q.NotBought, NotAgainDays: q.NotAgainDays, Category: q.Category}, asOf) {
		keep[ds.Customers[b.Index].ID] = true
	}
	out := []report.Customer{}
	for _, c := range doc.CustomerRows {
		if keep[c.ID] {
			out = append(out, c)
		}
	}
	return out, q.Name(), nil
}
