// Command demostore writes the workbench's sample store (package demo),
// or one of its surveys, or its orders in the shapes of every platform's
// exports (package shapes) into a folder, with an index.json that lists
// them:
//
//	demostore [-survey nps|csat] [-o FILE]
//	demostore -shapes DIR
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"retention/app/demo"
	"retention/app/shapes"
)

func main() {
	out := flag.String("o", "", "file to write (default: standard output)")
	survey := flag.String("survey", "", "write the sample's survey instead of its orders: nps (an NPS tool's CSV) or csat (a German help desk's CSAT export)")
	dir := flag.String("shapes", "", "write every platform's export of the sample's orders into this folder")
	flag.Parse()
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
