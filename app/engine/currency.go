package engine

import (
	"retention/app/ingest"
	"retention/app/parse"
	"retention/app/report"
)

// setCurrency says in the report where its currency comes from, and which
// currencies the user may state when the file names none of its own.
func setCurrency(doc *report.Document, r *ingest.Report) {
	doc.CurrencyFrom, doc.CurrencyLanguage = r.CurrencyFrom, r.CurrencyLanguage
	if r.CrownOrders > 0 && doc.CurrencyStated() {
		doc.CurrencyChoices = append([]string(nil), parse.Crowns...)
	}
}

// Relabel returns res reported in the currency o states (or its locale
// guesses) without reading the file again, when the file names no
// currency: its orders count whatever the currency. ok is false for a
// file that names one: read it again with Load.
func Relabel(res *ingest.Result, o report.Settings) (*ingest.Result, bool, error) {
	o.Defaults()
	io, err := ingestOptions(o)
	if err != nil {
		return nil, false, err
	}
	return ingest.Relabel(res, io)
}
