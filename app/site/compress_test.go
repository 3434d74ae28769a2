package site

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestPrecompress checks which files get variants, that each variant
// decompresses to its file, and that a second run replaces them.
func TestPrecompress(t *testing.T) {
	dir := fakeWeb(t)
	big := bytes.Repeat([]byte("function draw() { return 42; }\n"), 400)
	web := filepath.Join(dir, "web")
	os.WriteFile(filepath.Join(web, "echarts.min.js"), big, 0o644)
	os.WriteFile(filepath.Join(web, "app.wasm"), append([]byte("\x00asm"), big...), 0o644)
	os.WriteFile(filepath.Join(web, "photo.png"), big, 0o644) // as big, but a PNG
	if err := Generate(dir, "/"); err != nil {
		t.Fatal(err)
	}
	for run := 1; run <= 2; run++ {
		assets, err := Precompress(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]Asset{}
		for _, a := range assets {
			if isVariant(a.Path) {
				t.Errorf("run %d lists the variant %s as a file", run, a.Path)
			}
			got[a.Path] = a
		}
		for _, tc := range []struct {
			path     string
			variants bool
		}{
			{"web/echarts.min.js", true},
			{"web/app.wasm", true},
			{"index.html", true},
			{"app.js", true},
			{"web/photo.png", false},    // already compressed
			{"web/icon-512.png", false}, // already compressed
			{"web/glue.js", false},      // under minCompress
		} {
			a, ok := got[tc.path]
			if !ok {
				t.Fatalf("Precompress does not list %s", tc.path)
			}
			src, _ := os.ReadFile(filepath.Join(dir, tc.path))
			for _, e := range Encodings {
				v, err := os.ReadFile(filepath.Join(dir, tc.path+e.Ext))
				if has := err == nil; has != tc.variants {
					t.Errorf("run %d: %s%s exists: %v, want %v", run, tc.path, e.Ext, has, tc.variants)
				}
				sent := map[string]int64{"gzip": a.Gzip, "br": a.Brotli}[e.Token]
				if !tc.variants {
					if sent != a.Size {
						t.Errorf("%s without a variant is sent in %d bytes by %s, want its size %d", tc.path, sent, e.Token, a.Size)
					}
					continue
				}
				if sent != int64(len(v)) || sent >= a.Size {
					t.Errorf("%s%s: %d bytes listed, %d written, file %d", tc.path, e.Ext, sent, len(v), a.Size)
				}
				if back := decompress(t, e.Token, v); !bytes.Equal(back, src) {
					t.Errorf("%s%s does not decompress to the file", tc.path, e.Ext)
				}
			}
		}
	}
	// The service worker caches the files, not their variants.
	if sw := read(t, filepath.Join(dir, "app-worker.js")); strings.Contains(sw, ".gz\"") || strings.Contains(sw, ".br\"") {
		t.Error("the service worker caches precompressed variants")
	}
	paths, _, err := listAssets(web)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if isVariant(p) {
			t.Errorf("listAssets lists %s", p)
		}
	}
}

func decompress(t *testing.T, token string, b []byte) []byte {
	var r io.Reader
	switch token {
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	case "br":
		r = brotli.NewReader(bytes.NewReader(b))
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCheckBudgets(t *testing.T) {
	assets := []Asset{
		{Path: "index.html", Size: 3000, Gzip: 1200, Brotli: 1000},
		{Path: "web/app.wasm", Size: 9000, Gzip: 2500, Brotli: 2000},
		{Path: "web/worker.wasm", Size: 16000, Gzip: 4000, Brotli: 3000},
	}
	page := Budget{Name: "page", Files: []string{"index.html", "web/app.wasm"}, Max: 3700}
	worker := Budget{Name: "worker", Files: []string{"web/worker.wasm"}, Max: 3999}
	tests := []struct {
		name    string
		budgets []Budget
		err     error
		report  []string
	}{
		{"within, to the byte", []Budget{page}, nil, []string{"page (2 files)", "12000", "3700", "3000", "within its budget of 0.004 MB gzip"}},
		{"one over", []Budget{page, worker}, ErrOverBudget, []string{"worker (1 files)", "OVER", "worker 0.004 MB gzip > 0.004 MB"}},
		{"a missing file", []Budget{{Name: "page", Files: []string{"app.js"}, Max: 1}}, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var w bytes.Buffer
			err := CheckBudgets(&w, assets, tc.budgets)
			if tc.report == nil {
				if err == nil || !strings.Contains(err.Error(), "app.js") {
					t.Errorf("err = %v, want it to name the missing app.js", err)
				}
				return
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("err = %v, want %v", err, tc.err)
			}
			out := w.String()
			if err != nil {
				out += err.Error()
			}
			for _, want := range tc.report {
				if !strings.Contains(out, want) {
					t.Errorf("report lacks %q:\n%s", want, out)
				}
			}
		})
	}
}

// TestBudgetFilesBuilt: every file a budget counts is one the static site
// has (the Makefile's static target writes the web/ files; Generate the
// rest), so a renamed asset cannot drop out of its budget unnoticed.
func TestBudgetFilesBuilt(t *testing.T) {
	dir := fakeWeb(t)
	if err := Generate(dir, "/"); err != nil {
		t.Fatal(err)
	}
	for _, b := range Budgets {
		for _, f := range b.Files {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
				t.Errorf("the %s budget counts %s, which the site lacks", b.Name, f)
			}
		}
	}
}

// TestGzipCommand checks that a command's gzip is taken only when it
// inflates to its input, and that Precompress writes its .gz files with
// the Gzipper it is given.
func TestGzipCommand(t *testing.T) {
	src := bytes.Repeat([]byte("function draw() { return 42; }\n"), 400)
	for _, tc := range []struct {
		name string
		args []string
		ok   bool
	}{
		{"gzip", []string{"-9", "-c"}, true},
		{"cat", nil, false}, // not gzip
		{"sh", []string{"-c", "cat >/dev/null; echo other | gzip -c"}, false}, // another content
		{"false", nil, false}, // fails
	} {
		if _, err := exec.LookPath(tc.name); err != nil {
			t.Fatalf("%s is not installed: %v", tc.name, err)
		}
		out, err := GzipCommand(tc.name, tc.args...)(src)
		if (err == nil) != tc.ok {
			t.Errorf("%s %v: error %v, want ok %v", tc.name, tc.args, err, tc.ok)
			continue
		}
		if tc.ok {
			zr, err := gzip.NewReader(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if back, _ := io.ReadAll(zr); !bytes.Equal(back, src) {
				t.Errorf("%s: the gzip does not give the input back", tc.name)
			}
		}
	}

	dir := fakeWeb(t)
	os.WriteFile(filepath.Join(dir, "web", "app.wasm"), append([]byte("\x00asm"), src...), 0o644)
	if err := Generate(dir, "/"); err != nil {
		t.Fatal(err)
	}
	var called []int
	var mu sync.Mutex
	marked := func(b []byte) ([]byte, error) {
		mu.Lock()
		called = append(called, len(b))
		mu.Unlock()
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
		zw.Comment = "from the Gzipper"
		zw.Write(b)
		zw.Close()
		return buf.Bytes(), nil
	}
	if _, err := Precompress(dir, marked); err != nil {
		t.Fatal(err)
	}
	v, err := os.ReadFile(filepath.Join(dir, "web", "app.wasm.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(v))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Comment != "from the Gzipper" {
		t.Errorf("app.wasm.gz was not written by the Gzipper (comment %q)", zr.Comment)
	}
	if len(called) == 0 {
		t.Error("the Gzipper was never called")
	}
	// A second run takes the .gz files that still inflate to their file
	// as they are, and calls the Gzipper for a changed file only.
	called = nil
	os.WriteFile(filepath.Join(dir, "web", "echarts.min.js"), append(src, "// changed\n"...), 0o644)
	if _, err := Precompress(dir, marked); err != nil {
		t.Fatal(err)
	}
	if len(called) != 1 || called[0] != len(src)+len("// changed\n") {
		t.Errorf("the second run gzipped files of %v bytes, want the changed one's only", called)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "web", "app.wasm.gz")); !bytes.Equal(again, v) {
		t.Error("app.wasm.gz, its file unchanged, was written anew")
	}
	os.WriteFile(filepath.Join(dir, "web", "app.wasm"), append([]byte("\x00asm"), append(src, 1)...), 0o644)
	if _, err := Precompress(dir, func([]byte) ([]byte, error) { return nil, errors.New("refused") }); err == nil {
		t.Error("a Gzipper's error did not stop Precompress")
	}
}
