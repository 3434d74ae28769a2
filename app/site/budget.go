package site

import (
	"slices"

	"errors"
	"fmt"
	"io"
	"retention/app/i18n"
	"strings"
)

// Budget limits the bytes a group of the site's files is sent in with
// gzip, the encoding every browser and server has.
type Budget struct {
	Name  string
	Files []string // paths relative to the site's directory
	Max   int64    // bytes, gzip
}

// PageFiles are the files a browser fetches to show the page on a first
// visit and take a file: the HTML with its styles and scripts, icons and
// manifest, go-app's service worker and app.wasm. ECharts is not among
// them: glue.js fetches it once the page has loaded (ChartFiles).
var PageFiles = []string{
	"index.html", "app.css", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest",
	"web/style.css", "web/glue.js", "web/store.js", "web/app.wasm",
	"web/icon.svg", "web/icon-192.png", "web/icon-512.png",
}

// LargestLanguage is the file of the translation with the most text: a
// first visit in that language loads it with the page, so the page's
// budget counts it (a visit in English loads none).
func LargestLanguage() string {
	largest, size := "", -1
	for _, lang := range i18n.Languages[1:] {
		n := 0
		for _, v := range i18n.Translation(lang) {
			n += len(v) // the file holds the texts (i18n.Messages)
		}
		if n > size {
			largest, size = i18n.File(lang), n
		}
	}
	return largest
}

// ChartFiles are the files of the charts, fetched after the page.
var ChartFiles = []string{"web/echarts.min.js"}

// WorkerFiles are the files of the engine worker.
var WorkerFiles = []string{"web/worker.js", "web/wasm_exec.js", "web/worker.wasm"}

// Budgets are the first-load targets of issue 11 ("As fast as the machine
// allows"): the page ≤ 2.0 MB gzip, the worker ≤ 3 MB gzip. A MB is 10^6
// bytes. The charts' budget is ECharts' size as bundled from the modules
// the charts use (0.219 MB gzip with ECharts 5.6.0; the full build is
// 0.337 MB), so a bundle that grows by more than a chart type shows.
var Budgets = []Budget{
	{Name: "page", Files: append(slices.Clip(PageFiles), "web/"+LargestLanguage()), Max: 2_000_000},
	{Name: "worker", Files: WorkerFiles, Max: 3_000_000},
	{Name: "charts", Files: ChartFiles, Max: 250_000},
}

// ErrOverBudget is returned by CheckBudgets when a group of files is sent
// in more bytes than its budget allows.
var ErrOverBudget = errors.New("site: over budget")

// CheckBudgets writes the sizes of the site's files and of each budget's
// group to w, and returns an error wrapping ErrOverBudget that names every
// group over its budget (or a missing file).
func CheckBudgets(w io.Writer, assets []Asset, budgets []Budget) error {
	byPath := map[string]Asset{}
	fmt.Fprintf(w, "%-28s %11s %11s %11s\n", "file", "bytes", "gzip", "brotli")
	for _, a := range assets {
		byPath[a.Path] = a
		fmt.Fprintf(w, "%-28s %11d %11d %11d\n", a.Path, a.Size, a.Gzip, a.Brotli)
	}
	var over []string
	for _, b := range budgets {
		var sum Asset
		for _, f := range b.Files {
			a, ok := byPath[f]
			if !ok {
				return fmt.Errorf("site: the %s budget counts %s, which the site lacks", b.Name, f)
			}
			sum.Size += a.Size
			sum.Gzip += a.Gzip
			sum.Brotli += a.Brotli
		}
		verdict := "within"
		if sum.Gzip > b.Max {
			verdict = "OVER"
			over = append(over, fmt.Sprintf("%s %s gzip > %s", b.Name, mb(sum.Gzip), mb(b.Max)))
		}
		fmt.Fprintf(w, "%-28s %11d %11d %11d  %s its budget of %s gzip\n", b.Name+" ("+fmt.Sprint(len(b.Files))+" files)",
			sum.Size, sum.Gzip, sum.Brotli, verdict, mb(b.Max))
	}
	if len(over) > 0 {
		return fmt.Errorf("%w: %s", ErrOverBudget, strings.Join(over, "; "))
	}
	return nil
}

// mb is n bytes in MB (10^6 bytes), to three decimals.
func mb(n int64) string {
	return fmt.Sprintf("%.3f MB", float64(n)/1e6)
}
