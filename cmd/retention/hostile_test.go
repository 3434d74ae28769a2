package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
		rss   int64  // the peak RSS allowed, if not maxRSS
	}{
		{"one order on 9999-12-31", "far.csv", craft.Orders(300, "9999,C1,Customer 1,9999-12-31,10.00"), nil, true, "order date out of range", 0},
		{"one order in 2500", "far.csv", craft.Orders(300, "9999,C1,Customer 1,2500-01-01,10.00"), nil, true, "order date out of range", 0},
		{"Excel serial 2958465", "far.xlsx", craft.SerialDates(300, 2958465), nil, true, "order date out of range", 0},
		{"gzip in gzip", "bomb.csv.gz", craft.Gzip(craft.GzipZeros(256 * mib)), nil, false, "bomb.csv.gz: the file is compressed twice", 0},
		{"gzip past the bound of --max-size", "big.csv.gz", craft.GzipZeros(64 * mib), []string{"--max-size", "8MiB"}, false, "unpacks to more than 16 MiB", 0},
		{"1,000 sheets on one 256 MiB entry", "overlap.xlsx", craft.Overlapping(1000, 256*mib), nil, false, "entries that share their bytes", 0},
		{"a cell of 16 MiB text runs", "cell.xlsx", craft.Workbook(craft.CellOfRuns(8, 16*mib), nil), nil, false, "a cell holds more than", 0},
		{"a row past Excel's last", "rows.xlsx", craft.Workbook(craft.RowPastExcel, nil), nil, false, "more than 1,048,576 rows (at least 1,048,577). Excel's last row is 1,048,576 and no spreadsheet program writes a row past it", 0},
		{"escape sequences in the file name", "o\x1b]52;c;SGk=\a\x1b[2J.csv", craft.Orders(20), nil, true, `o\x1b]52;c;SGk=\a\x1b[2J.csv`, 0},
		// A value the report prints (a skipped row's): a clipboard write.
		{"escape sequences in a value", "o.csv", craft.Orders(300, "9999,C1,Customer 1,\x1b]52;c;SGk=\a,10.00"), nil, true, `values "\x1b]52;c;SGk=\a"`, 0},
		// The 16.7 MB workbook: 25 million rows, 4 GiB of sheet
		// (within the command's 4 GiB of unpacked bytes and 100 million
		// rows), refused at Excel's last row; with --max-size 32MiB (64
		// MiB unpacked), before a byte of the sheet is unpacked.
		// Its table holds Excel's 1,048,576 rows when they are refused:
		// as much as a whole sheet's, 130 MiB.
		{"25 million rows in 4 GiB of sheet", "rows.xlsx", craft.ManyRows(25_000_000, 171), nil, false, "rows.xlsx: the sheet has more than 1,048,576 rows (at least 1,048,577)", 256 << 20},
		{"25 million rows in 4 GiB of sheet, --max-size", "rows.xlsx", craft.ManyRows(25_000_000, 171), []string{"--max-size", "32MiB"}, false, "rows.xlsx: the file unpacks to more than 64 MiB (at least 4 GiB)", 0},
		// The 9.4 MB workbook of 3 GiB of shared strings: past
		// the command's 2 GiB of a workbook's text, read up to it (see
		// README, Limits); with --max-size 32MiB, not unpacked.
		{"3 GiB of shared strings, --max-size", "text.xlsx", craft.ManySharedStrings(3_000_000, 1060), []string{"--max-size", "32MiB"}, false, "text.xlsx: the file unpacks to more than 64 MiB (at least 3 GiB)", 0},
		// Item 11's files: each told what it is and what to do.
		{"a Word document renamed .xlsx", "orders.xlsx", craft.Docx(), nil, false, "orders.xlsx is not a spreadsheet: it is a Word document (perhaps renamed)", 0},
		{"an OpenDocument spreadsheet", "orders.ods", craft.ODS(), nil, false, "orders.ods is an OpenDocument spreadsheet (.ods): save it as Excel (.xlsx) or CSV", 0},
		{"a Numbers spreadsheet", "orders.numbers", craft.Numbers(), nil, false, "orders.numbers is an Apple Numbers spreadsheet: export it as Excel (.xlsx) or CSV", 0},
		{"a password-protected workbook", "orders.xlsx", craft.OLE("EncryptedPackage"), nil, false, "orders.xlsx is a password-protected workbook: save it in Excel without a password, or as CSV.", 0},
		{"an old .xls workbook", "orders.xls", craft.OLE("Workbook"), nil, false, "orders.xls is an old Excel workbook (.xls, Excel 97-2003): save it in Excel as .xlsx", 0},
		{"a sheet that is a zip", "orders.xlsx", craft.SheetIsZip(), nil, false, "orders.xlsx is a damaged Excel file: its sheets hold zip archives, not cells.", 0},
		{"an empty .csv.gz", "orders.csv.gz", craft.Gzip(nil), nil, false, "orders.csv.gz is empty", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.file)
			if err := os.WriteFile(p, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			stdout, stderr, rss, err := runBin(bin, append(append([]string{"report"}, tc.flags...), p)...)
			bound := tc.rss
			if bound == 0 {
				bound = maxRSS
			}
			checkRun(t, tc.ok, tc.out, stdout, stderr, rss, bound, err)
		})
	}
	// Numbers past float64 in every spelling, and amounts whose total
	// would overflow: skipped with one reason; the text and the JSON hold
	// no Inf or NaN (the JSON failed on them).
	notFinite := []string{"1e308", "1e308", "1e309", "-1e309", "NaN", "Infinity", "-inf"}
	var rows []string
	for i, v := range notFinite {
		rows = append(rows, fmt.Sprintf("%d,C1,Customer 1,2024-06-01,%s", 9000+i, v))
	}
	big := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(big, craft.Orders(300, rows...), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, flags := range [][]string{nil, {"--json"}} {
		t.Run("numbers past float64 "+strings.Join(flags, " "), func(t *testing.T) {
			stdout, stderr, rss, err := runBin(bin, append(append([]string{"report"}, flags...), big)...)
			want := fmt.Sprintf("skipped %d rows: order total is too large or not finite", len(notFinite))
			if flags != nil {
				want = `"code": "number_not_finite"`
			}
			checkRun(t, true, want, stdout, stderr, rss, maxRSS, err)
			// The file's values, quoted where the skipped rows are
			// told, aside.
			figures := regexp.MustCompile(`"[^"]*"`).ReplaceAllString(stdout, "")
			for _, bad := range []string{"Inf", "NaN"} {
				if strings.Contains(figures, bad) {
					t.Errorf("%s in the report's figures", bad)
				}
			}
		})
	}
	// A file past the command's 2 GiB (sparse: it takes no disk), refused
	// by its size before it is read.
	t.Run("a file over 2 GiB", func(t *testing.T) {
		huge := filepath.Join(dir, "huge.csv")
		if err := os.WriteFile(huge, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(huge, limits.CLI.Input+1); err != nil {
			t.Fatal(err)
		}
		stdout, stderr, rss, err := runBin(bin, "report", huge)
		checkRun(t, false, "huge.csv: the file is 2,147,483,649 bytes, more than the 2 GiB this can read. Split the file", stdout, stderr, rss, maxRSS, err)
	})
	// An endless input: refused after --max-size bytes, with the bound.
	t.Run("/dev/zero", func(t *testing.T) {
		stdout, stderr, rss, err := runBin(bin, "report", "--max-size", "16MiB", "/dev/zero")
		checkRun(t, false, "zero: the file is more than the 16 MiB this can read. Split the file", stdout, stderr, rss, maxRSS, err)
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

// checkRun checks a run's exit (ok: 0, else 1), that want is in its
// stdout (ok) or stderr, that no escape character reached the terminal,
// and that its peak RSS is within bound.
func checkRun(t *testing.T, ok bool, want, stdout, stderr string, rss, bound int64, err error) {
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
	if rss > bound {
		t.Errorf("peak RSS %s, over %s", limits.Bytes(rss), limits.Bytes(bound))
	}
	t.Logf("peak RSS %s", limits.Bytes(rss))
}
