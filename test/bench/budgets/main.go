// Command budgets prints the site's first-load budgets (app/site Budgets:
// each group's name, files and gzip bound) as JSON, so that
// test/bench-browser.mjs groups the files the page fetches as `make
// static` counts them.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"retention/app/site"
)

func main() {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(site.Budgets); err != nil {
		fmt.Fprintln(os.Stderr, "budgets:", err)
		os.Exit(1)
	}
}
