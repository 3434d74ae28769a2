package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"retention/app/engine"
	"retention/app/ingest"
	"retention/app/report"
)

// comparePrevious is --compare-to's one value: the range of the same
// length just before --from..--to.
const comparePrevious = "previous"

// compare runs `retention compare A B`: two files read with the same
// flags, side by side.
func (m *Main) compare(args []string) error {
	var c common
	fs := newFlagSet(m, "compare")
	c.register(fs)
	files, err := parseFiles(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 2 {
		return fmt.Errorf("compare takes two files, got %d", len(files))
	}
	var res [2]*ingest.Result
	for i, f := range files {
		if res[i], err = loadResult(f, c.opt); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	cmp, err := engine.Compare(res[0], res[1], c.opt)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(m, cmp)
	}
	return report.WriteComparisonText(m.Stdout, cmp)
}

// loadResult reads a file into orders, as load does before its report.
func loadResult(file string, opt report.Settings) (*ingest.Result, error) {
	data, err := readInput(file, opt.Limits)
	if err != nil {
		return nil, err
	}
	return engine.Load(filepath.Base(file), data, opt)
}

// loadPrevious reads and reports on a file, with the previous range of
// the same length beside it (--compare-to previous).
func loadPrevious(file string, opt report.Settings, compareTo string) (*report.Document, error) {
	if compareTo != comparePrevious {
		return nil, fmt.Errorf("--compare-to must be %s, got %q", comparePrevious, compareTo)
	}
	res, err := loadResult(file, opt)
	if err != nil {
		return nil, err
	}
	doc, err := engine.Build(res, opt)
	if err != nil {
		return nil, err
	}
	if err := engine.Forecast(res, doc, opt); err != nil {
		return nil, err
	}
	return doc, engine.ComparePrevious(res, doc, opt)
}

// movedSince runs `retention segments FILE --moved-since DATE`: the
// customers' moves between RFM segments from DATE to the reference date.
func (m *Main) movedSince(file string, c *common, since string) error {
	res, err := loadResult(file, c.opt)
	if err != nil {
		return err
	}
	mv, err := engine.Movement(res, c.opt, since)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(m, mv)
	}
	return report.WriteMovementText(m.Stdout, mv)
}

func writeJSON(m *Main, v any) error {
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// parseFiles parses flags that may come before, between or after the file
// names and returns the file names.
func parseFiles(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) == 0 {
		return nil, errors.New("no file given")
	}
	return pos, nil
}

// oneFile is the file of a command that reads one.
func oneFile(files []string) (string, error) {
	if len(files) > 1 {
		return "", fmt.Errorf("one file at a time, got %d: %s", len(files), strings.Join(files, ", "))
	}
	return files[0], nil
}
