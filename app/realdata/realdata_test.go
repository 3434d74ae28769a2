package realdata

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDir: the variable wins; without it, ../shared/data beside the
// directory that holds go.mod.
func TestDir(t *testing.T) {
	t.Setenv(DirEnv, "/somewhere/data")
	if got := Dir(); got != "/somewhere/data" {
		t.Errorf("Dir() = %q with %s set", got, DirEnv)
	}
	t.Setenv(DirEnv, "")
	wd, _ := os.Getwd()
	repo := filepath.Dir(filepath.Dir(wd)) // app/realdata -> the repository
	if got, want := Dir(), filepath.Join(filepath.Dir(repo), "shared", "data"); got != want {
		t.Errorf("Dir() = %q, want %q", got, want)
	}
}

// TestMissing: a missing file skips the test, or fails it when the data is
// required.
func TestMissing(t *testing.T) {
	t.Setenv(DirEnv, t.TempDir())
	for _, required := range []bool{false, true} {
		t.Setenv(RequireEnv, map[bool]string{true: "1"}[required])
		rec := &recorder{TB: t}
		func() {
			defer func() { recover() }() // Skip and Fatal end the goroutine's test with runtime.Goexit in real use
			Read(rec, "none.csv")
		}()
		if rec.skipped == required || rec.failed != required {
			t.Errorf("required=%v: skipped %v, failed %v", required, rec.skipped, rec.failed)
		}
	}
	if Have("none.csv") {
		t.Error("Have(none.csv) in an empty directory")
	}
}

// recorder notes Skip and Fatal instead of ending the test.
type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper()          {}
func (r *recorder) Skip(args ...any) { r.skipped = true; panic("skip") }
func (r *recorder) Fatal(args ...any) {
	r.failed = true
	panic("fatal")
}
