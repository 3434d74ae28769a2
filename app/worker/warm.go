package worker

import (
	"bytes"
	"compress/gzip"

	"retention/app/demo"
	"retention/app/engine"
	"retention/app/export"
	"retention/app/report"
)

// Warm runs the engine's reading and figures once on the sample store
// (app/demo), as CSV, as gzip and as a workbook (its customers, written
// by the export), and forgets the results. The browser compiles
// WebAssembly with a baseline compiler first and optimises a function
// once it has run enough; an engine that runs one large file is otherwise
// cold for all of it (issue 11 measured 5.5× native cold, 2.2–3.4× warm).
// The worker calls it when it starts, while the user chooses a file.
//
// next is called before each step (nil: none); when it returns false
// Warm stops there and returns nil: a file that arrives while the engine
// warms is not kept waiting for the rest (it warms the code it needs
// itself), and the worker's JavaScript runs between the steps. Warm
// returns the sample store's report when it ran every step (the worker
// sends it to the page as MsgWarm), else nil.
func Warm(next func() bool) (*report.Document, error) {
	more := func() bool { return next == nil || next() }
	csv := demo.CSV()
	o := engineSettings(report.Settings{})
	if !more() {
		return nil, nil
	}
	res, err := engine.Load("sample.csv", csv, o)
	if err != nil {
		return nil, err
	}
	if !more() {
		return nil, nil
	}
	doc, err := engine.Build(res, o)
	if err != nil {
		return nil, err
	}
	if !more() {
		return nil, nil
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write(csv); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if _, err := engine.Load("sample.csv.gz", gz.Bytes(), o); err != nil {
		return nil, err
	}
	if !more() {
		return nil, nil
	}
	book, err := export.XLSX(doc.CustomerRows, report.ListAll, doc.Currency)
	if err != nil {
		return nil, err
	}
	if !more() {
		return nil, nil
	}
	// A list of customers is not orders: the engine says so, after
	// reading the whole workbook, which is what warms.
	engine.Load("customers.xlsx", book, o)
	return doc, nil
}
