package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"retention/app/limits"
	"retention/app/limits/craft"
)

// maxRSS is the peak resident memory the command may reach on any crafted
// file below: the Go runtime, the program and the file's bounded share.
// Issue 15 measured the same files at 1.3 to 12 GB and more.
const maxRSS = 128 << 20

// TestHostileFiles runs the built command on each crafted file of issue
// 15 and checks its exit, the words of its message and its peak RSS.
func TestHostileFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and writes crafted files")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "retention")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const mib = 1 << 20
	tests := []struct {
		name  string
		file  string
		data  []byte
		flags []string
		ok    bool   // exit 0
		out   string // in stdout (ok) or stderr
	}{
		{"one order on 9999-12-31", "far.csv", craft.Orders(300, "9999,C1,Customer 1,9999-12-31,10.00"), nil, true, "order date out of range"},
		{"one order in 2500", "far.csv", craft.Orders(300, "9999,C1,Customer 1,2500-01-01,10.00"), nil, true, "order date out of range"},
		{"Excel serial 2958465", "far.xlsx", craft.SerialDates(300, 2958465), nil, true, "order date out of range"},
		{"gzip in gzip", "bomb.csv.gz", craft.Gzip(craft.GzipZeros(256 * mib)), nil, false, "bomb.csv.gz: the file is compressed twice"},
		{"gzip past the bound of --max-size", "big.csv.gz", craft.GzipZeros(64 * mib), []string{"--max-size", "8MiB"}, false, "unpacks to more than 16 MiB"},
		{"1,000 sheets on one 256 MiB entry", "overlap.xlsx", craft.Overlapping(1000, 256*mib), nil, false, "entries that share their bytes"},
		{"a cell of 16 MiB text runs", "cell.xlsx", craft.Workbook(craft.CellOfRuns(8, 16*mib), nil), nil, false, "a cell holds more than"},
		{"a row past Excel's last", "rows.xlsx", craft.Workbook(craft.RowPastExcel, nil), nil, false, "more than 1,048,576 rows (at least 1,048,577). Excel's last row is 1,048,576 and no spreadsheet program writes a row past it"},
		{"escape sequences in the file name", "o\x1b]52;c;SGk=\a\x1b[2J.csv", craft.Orders(20), nil, true, `o\x1b]52;c;SGk=\a\x1b[2J.csv`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.file)
			if err := os.WriteFile(p, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			stdout, stderr, rss, err := runBin(bin, append(append([]string{"report"}, tc.flags...), p)...)
			checkRun(t, tc.ok, tc.out, stdout, stderr, rss, err)
		})
	}
	// An endless input: refused after --max-size bytes, with the bound.
	t.Run("/dev/zero", func(t *testing.T) {
		stdout, stderr, rss, err := runBin(bin, "report", "--max-size", "16MiB", "/dev/zero")
		checkRun(t, false, "zero: the file is more than the 16 MiB this can read. Split the file", stdout, stderr, rss, err)
	})
}

// runBin runs the command through this test binary started again as a
// launcher (TestMain): Linux keeps a process's peak RSS across exec, so
// a command started by the test process, which holds the crafted files,
// would report the test's peak; the launcher is small, and its child's
// peak is the command's own.
func runBin(bin string, args ...string) (string, string, int64, error) {
	cmd := exec.Command(os.Args[0], append([]string{bin}, args...)...)
	cmd.Env = append(os.Environ(), launcherEnv+"=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	stderr := errb.String()
	var rss int64
	if i := strings.LastIndex(stderr, rssLine); i >= 0 {
		rss, _ = strconv.ParseInt(strings.TrimSpace(stderr[i+len(rssLine):]), 10, 64)
		stderr = stderr[:i]
	}
	return out.String(), stderr, rss, err
}

const (
	launcherEnv = "RETENTION_TEST_LAUNCHER"
	rssLine     = "\npeak RSS bytes: "
)

// TestMain is the launcher of runBin when launcherEnv is set: it runs its
// arguments, passes their output and exit code on, and writes the child's
// peak RSS last on stderr.
func TestMain(m *testing.M) {
	if os.Getenv(launcherEnv) == "" {
		os.Exit(m.Run())
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err := cmd.Run()
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss << 10 // Linux reports KiB
	}
	fmt.Fprintf(os.Stderr, "%s%d\n", rssLine, rss)
	if err != nil {
		os.Exit(1)
	}
	os.Exit(0)
}

func checkRun(t *testing.T, ok bool, want, stdout, stderr string, rss int64, err error) {
	t.Helper()
	var exit *exec.ExitError
	switch {
	case ok && err != nil:
		t.Fatalf("exit %v: %s", err, stderr)
	case !ok && !errors.As(err, &exit):
		t.Fatalf("exit %v, want 1; stdout %.200s", err, stdout)
	}
	text := stderr
	if ok {
		text = stdout
	}
	if !strings.Contains(text, want) {
		t.Errorf("want %q in:\n%.2000s", want, text)
	}
	if strings.ContainsRune(stdout+stderr, 0x1b) {
		t.Errorf("an escape character reached the terminal")
	}
	if rss > maxRSS {
		t.Errorf("peak RSS %s, over %s", limits.Bytes(rss), limits.Bytes(maxRSS))
	}
	t.Logf("peak RSS %s", limits.Bytes(rss))
}
