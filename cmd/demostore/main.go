// Command demostore writes the workbench's sample store (package demo),
// or one of its surveys, or its orders in the shapes of every platform's
// exports (package shapes) into a folder, with an index.json that lists
// them:
//
//	demostore [-survey nps|csat] [-o FILE]
//	demostore -shapes DIR
//	demostore -crafted DIR
//
// -crafted writes the hostile and odd files of issue 15 (package craft)
// that the browser tests load after a report: bombs past the browser's
// bounds, a file over its size (sparse: it takes no disk), orders with
// far-off dates and numbers past the cents' bound, and other programs'
// files named as spreadsheets.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"retention/app/demo"
	"retention/app/limits"
	"retention/app/limits/craft"
	"retention/app/report"
	"retention/app/shapes"
)

func main() {
	out := flag.String("o", "", "file to write (default: standard output)")
	survey := flag.String("survey", "", "write the sample's survey instead of its orders: nps (an NPS tool's CSV) or csat (a German help desk's CSAT export)")
	dir := flag.String("shapes", "", "write every platform's export of the sample's orders into this folder")
	crafted := flag.String("crafted", "", "write hostile and odd files (decompression bombs, far-off dates) into this folder")
	flag.Parse()
	if *crafted != "" {
		if err := writeCrafted(*crafted); err != nil {
			fmt.Fprintln(os.Stderr, "demostore:", err)
			os.Exit(1)
		}
		return
	}
	if *dir != "" {
		if err := writeShapes(*dir); err != nil {
			fmt.Fprintln(os.Stderr, "demostore:", err)
			os.Exit(1)
		}
		return
	}
	var data []byte
	switch *survey {
	case "":
		data = demo.CSV()
	case "nps":
		data = demo.NPSCSV()
	case "csat":
		data = demo.CSATCSV()
	default:
		fmt.Fprintf(os.Stderr, "demostore: -survey is nps or csat, got %q\n", *survey)
		os.Exit(2)
	}
	var err error
	if *out == "" {
		_, err = os.Stdout.Write(data)
	} else {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "demostore:", err)
		os.Exit(1)
	}
}

// shapeFile is one written export, as index.json lists it.
type shapeFile struct {
	Slug     string `json:"slug"`
	Platform string `json:"platform"`
	Export   string `json:"export"`
	Kind     string `json:"kind"`          // orders, customers, products, payouts, inventory
	Identity string `json:"identity"`      // customer_id, email, name, none
	Path     string `json:"path"`          // relative to the folder
	Gap      string `json:"gap,omitempty"` // what is not read right yet
}

// writeShapes writes each shape as DIR/SLUG/FILE (the platform's own file
// name) and DIR/index.json.
func writeShapes(dir string) error {
	src := shapes.Source()
	var index []shapeFile
	for _, s := range shapes.All() {
		slug := slugOf(s.Platform + " " + s.Export)
		rel := filepath.Join(slug, s.File)
		if err := os.MkdirAll(filepath.Join(dir, slug), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, rel), s.Write(src), 0o644); err != nil {
			return err
		}
		index = append(index, shapeFile{Slug: slug, Platform: s.Platform, Export: s.Export, Kind: s.Kind.String(), Identity: s.Identity.String(), Path: rel, Gap: s.Gap})
	}
	b, err := json.MarshalIndent(index, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.json"), b, 0o644)
}

// craftedFile is one written crafted file, as index.json lists it: the
// bound the browser refuses it for, the code of the error it cannot be
// read for, or the skip codes of the rows it loads without.
type craftedFile struct {
	Path    string      `json:"path"`
	What    string      `json:"what"`
	Limit   limits.Code `json:"limit,omitempty"`
	Refused report.Code `json:"refused,omitempty"`
	Size    int64       `json:"size"`
	Skips   []string    `json:"skips,omitempty"`
}

// writeCrafted writes the crafted files into dir and DIR/index.json. The
// bombs are those of issue 15, made smaller where generating them takes
// long (the gzip in a gzip unpacks to 1 GiB, the cell is 64 MiB), each
// still past the browser's bounds.
func writeCrafted(dir string) error {
	const mib, gib = 1 << 20, 1 << 30
	farOff := []string{
		"9999,C1,Customer 1,9999-12-31,10.00", "9998,C2,Customer 2,1900-01-01,12.00", "9996,C4,Customer 4,2500-01-01,14.00",
		"9997,C3,Customer 3,2024-03-01,1e309", "9995,C5,Customer 5,2024-03-02,1e308", "9994,C6,Customer 6,2024-03-03,1e308",
		"9993,C7,Customer 7,2024-03-04,NaN", "9992,C8,Customer 8,2024-03-05,Infinity",
	}
	files := []struct {
		f    craftedFile
		data func() []byte
	}{
		{craftedFile{Path: "gzip-in-gzip.csv.gz", What: "a gzip file inside a gzip file that unpacks to 1 GiB", Limit: limits.Nested}, func() []byte { return craft.Gzip(craft.GzipZeros(gib)) }},
		// Inflated by the browser's gzip decoder in the engine worker,
		// which stops past the bound (web/worker.js).
		{craftedFile{Path: "gzip-bomb.csv.gz", What: "a gzip file that unpacks to 1 GiB", Limit: limits.Inflated}, func() []byte { return craft.GzipZeros(gib) }},
		{craftedFile{Path: "overlapping.xlsx", What: "1,000 sheets sharing one zip entry of 256 MiB", Limit: limits.Overlapping}, func() []byte { return craft.Overlapping(1000, 256*mib) }},
		{craftedFile{Path: "cell.xlsx", What: "one cell of 64 text runs of 1 MiB", Limit: limits.Cell}, func() []byte { return craft.Workbook(craft.CellOfRuns(64, mib), nil) }},
		{craftedFile{Path: "zip-entries.xlsx", What: "a zip of more entries than a workbook has", Limit: limits.ZipEntries}, func() []byte { return craft.ZipEntries(int(limits.Browser.ZipEntries) + 1) }},
		{craftedFile{Path: "row-past-excel.xlsx", What: "a row numbered past Excel's last", Limit: limits.Rows}, func() []byte { return craft.Workbook(craft.RowPastExcel, nil) }},
		// Issue 15's workbooks as they were: 16.8 MB of 25 million rows in
		// 4 GiB of sheet, 7.2 MB of 3 GiB of shared strings.
		{craftedFile{Path: "many-rows.xlsx", What: "25 million rows in 4 GiB of sheet", Limit: limits.Inflated}, func() []byte { return craft.ManyRows(25_000_000, 171) }},
		{craftedFile{Path: "shared-strings.xlsx", What: "3 GiB of shared strings", Limit: limits.Inflated}, func() []byte { return craft.ManySharedStrings(3_000_000, 1060) }},
		{craftedFile{Path: "far-off.csv", What: "orders dated 9999-12-31, 1900-01-01 and 2500-01-01, and of 1e309, 1e308 twice, NaN and Infinity", Skips: []string{"date_out_of_range", "number_not_finite"}}, func() []byte { return craft.Orders(200, farOff...) }},
		{craftedFile{Path: "serial-9999.xlsx", What: "a workbook with an order at Excel's serial 2958465 (9999-12-31)", Skips: []string{"date_out_of_range"}}, func() []byte { return craft.SerialDates(300, 2958465) }},
		// Item 11's files: what each is, and what to do.
		{craftedFile{Path: "word.xlsx", What: "a Word document renamed .xlsx", Refused: report.NotSpreadsheet}, craft.Docx},
		{craftedFile{Path: "calc.ods", What: "an OpenDocument spreadsheet", Refused: report.OtherSpreadsheet}, craft.ODS},
		{craftedFile{Path: "sheet.numbers", What: "an Apple Numbers spreadsheet", Refused: report.OtherSpreadsheet}, craft.Numbers},
		{craftedFile{Path: "locked.xlsx", What: "a password-protected workbook", Refused: report.Encrypted}, func() []byte { return craft.OLE("EncryptedPackage") }},
		{craftedFile{Path: "old.xls", What: "an old .xls workbook", Refused: report.Encrypted}, func() []byte { return craft.OLE("Workbook") }},
		{craftedFile{Path: "zip-sheet.xlsx", What: "a workbook whose sheet is a zip", Refused: report.Damaged}, craft.SheetIsZip},
		{craftedFile{Path: "empty.csv.gz", What: "an empty .csv.gz", Refused: report.FileEmpty}, func() []byte { return craft.Gzip(nil) }},
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var index []craftedFile
	for _, c := range files {
		b := c.data()
		if err := os.WriteFile(filepath.Join(dir, c.f.Path), b, 0o644); err != nil {
			return err
		}
		c.f.Size = int64(len(b))
		index = append(index, c.f)
	}
	// One byte over the browser's bound, sparse: the page refuses it by
	// its size and never reads it.
	huge := craftedFile{Path: "huge.csv", What: "a file one byte over the browser's bound", Limit: limits.Input, Size: limits.Browser.Input + 1}
	f, err := os.Create(filepath.Join(dir, huge.Path))
	if err != nil {
		return err
	}
	if err := f.Truncate(huge.Size); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	index = append(index, huge)
	b, err := json.MarshalIndent(index, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.json"), b, 0o644)
}

func slugOf(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
