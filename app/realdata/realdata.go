// Package realdata finds the real data files the tests and benchmarks read
// (Online Retail, CDNOW; see their README): the directory named by the
// environment variable RETENTION_DATA, else ../shared/data beside the
// repository. It is the one place that knows where they are.
//
// A test that needs a file skips, with one line saying which file and
// where it was looked for, when the file is not there, so a fresh clone
// without the data passes the rest of its tests; when RETENTION_REQUIRE_DATA
// is set (make test and CI set it), a missing file fails the test instead.
package realdata

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// The environment variables that place the data and make it required.
const (
	DirEnv     = "RETENTION_DATA"
	RequireEnv = "RETENTION_REQUIRE_DATA"
)

// Dir is the data's directory: $RETENTION_DATA, or ../shared/data beside
// the repository (the directory holding go.mod, found from the working
// directory up), or "" when neither can be told.
func Dir() string {
	if d := os.Getenv(DirEnv); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(d), "shared", "data")
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Required tells whether a missing file fails the test instead of
// skipping it.
func Required() bool { return os.Getenv(RequireEnv) != "" }

// Path is the path of the data file name. When it is not there, the test
// skips (or fails when the data is required).
func Path(tb testing.TB, name string) string {
	tb.Helper()
	p := filepath.Join(Dir(), name)
	if _, err := os.Stat(p); err != nil {
		missing(tb, name)
	}
	return p
}

// Read returns the data file name's bytes, skipping the test (or failing
// it when the data is required) when it is not there.
func Read(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(Dir(), name))
	if err != nil {
		missing(tb, name)
	}
	return b
}

// Gunzipped is the real data file name (a .gz file) inflated, for the
// tests and benchmarks that read a file's text as the browser's engine
// gets it (inflated by the browser). A file not there is missing as for
// Read; one that does not inflate fails tb.
func Gunzipped(tb testing.TB, name string) []byte {
	tb.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(Read(tb, name)))
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return out
}

// Have tells whether the data file name is there, for tests that only add
// it to their cases when it is.
func Have(name string) bool {
	_, err := os.Stat(filepath.Join(Dir(), name))
	return err == nil
}

func missing(tb testing.TB, name string) {
	tb.Helper()
	msg := "real data " + name + " not found in " + Dir() + " (set " + DirEnv + " to its directory)"
	if Required() {
		tb.Fatal(msg)
	}
	tb.Skip(msg)
}
