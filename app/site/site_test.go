package site

import (
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// page stands in for the workbench's page (cmd/workbench routes the real one).
type page struct{ app.Compo }

func (*page) Render() app.UI { return app.Div().ID("page").Text("the page") }

func init() {
	app.Route("/", func() app.Composer { return &page{} })
	app.Route("/privacy", func() app.Composer { return &page{} })
}

// fakeWeb makes a site directory whose web/ holds stand-ins for the built
// assets.
func fakeWeb(t *testing.T) string {
	dir := t.TempDir()
	web := filepath.Join(dir, "web")
	os.MkdirAll(web, 0o755)
	for _, f := range []string{"app.wasm", "worker.wasm", "worker.js", "wasm_exec.js", "glue.js", "store.js", "echarts.min.js", "style.css", "icon.svg", "sample-store.csv"} {
		if err := os.WriteFile(filepath.Join(web, f), []byte("// "+f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func read(t *testing.T, name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestGenerate(t *testing.T) {
	for _, tc := range []struct{ prefix, base string }{{"/", "/"}, {"/retention", "/retention/"}} {
		t.Run(tc.prefix, func(t *testing.T) {
			dir := fakeWeb(t)
			if err := Generate(dir, tc.prefix); err != nil {
				b, _ := os.ReadFile(filepath.Join(dir, "index.html"))
				t.Fatalf("%v\n%.600s", err, b)
			}
			p := strings.TrimSuffix(tc.base, "/")
			index := read(t, filepath.Join(dir, "index.html"))
			if !strings.Contains(index, `<div id="page">the page</div>`) {
				t.Error("index.html does not hold the pre-rendered page")
			}
			// The policy comes first in the head, before what it governs.
			if !strings.HasPrefix(index[strings.Index(index, "<head>")+6:], `<meta http-equiv="Content-Security-Policy" content="`+CSP+`">`) {
				t.Errorf("index.html does not start its head with the CSP")
			}
			for _, want := range []string{p + "/web/glue.js", p + "/web/store.js", p + "/web/style.css", p + "/app.js", p + "/manifest.webmanifest"} {
				if !strings.Contains(index, `"`+want+`"`) {
					t.Errorf("index.html does not load %s", want)
				}
			}
			// A route's page, as NAME.html and NAME/index.html for plain
			// static servers, each with the policy first.
			for _, name := range []string{"privacy.html", "privacy/index.html"} {
				p := read(t, filepath.Join(dir, filepath.FromSlash(name)))
				if !strings.Contains(p, `<div id="page">the page</div>`) {
					t.Errorf("%s does not hold the pre-rendered page", name)
				}
				if !strings.HasPrefix(p[strings.Index(p, "<head>")+6:], `<meta http-equiv="Content-Security-Policy" content="`+CSP+`">`) {
					t.Errorf("%s does not start its head with the CSP", name)
				}
			}
			// ECharts is not part of the first load: glue.js fetches it after.
			if strings.Contains(index, "echarts") {
				t.Errorf("index.html loads ECharts")
			}
			// No address outside the origin is loaded: every src and href is a path.
			for _, m := range regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(index, -1) {
				if !strings.HasPrefix(m[1], "/") {
					t.Errorf("index.html loads %s", m[1])
				}
			}
			// Hosts that read _headers send the policy with every file.
			if h := read(t, filepath.Join(dir, "_headers")); !strings.HasPrefix(h, "/*\n") || !strings.Contains(h, "  Content-Security-Policy: "+CSP+"\n") {
				t.Errorf("_headers does not give every file the CSP:\n%s", h)
			}
			sw := read(t, filepath.Join(dir, "app-worker.js"))
			if !strings.Contains(sw, "retention-") || !strings.Contains(sw, `req.mode === "navigate"`) {
				t.Error("app-worker.js is not our service worker")
			}
			for _, want := range []string{"/web/app.wasm", "/web/worker.wasm", "/web/worker.js", "/web/wasm_exec.js", "/web/echarts.min.js", "/web/sample-store.csv", "/web/icon-192.png", "/app.js", "/wasm_exec.js"} {
				if !strings.Contains(sw, `"`+p+want+`"`) {
					t.Errorf("the service worker does not cache %s", p+want)
				}
			}
			if strings.Contains(sw, "http") && !strings.Contains(sw, "self.location.origin") {
				t.Error("the service worker names a remote address")
			}
			var man struct {
				StartURL string `json:"start_url"`
				Icons    []struct {
					Src string `json:"src"`
				} `json:"icons"`
			}
			if err := json.Unmarshal([]byte(read(t, filepath.Join(dir, "manifest.webmanifest"))), &man); err != nil {
				t.Fatal(err)
			}
			for _, ic := range man.Icons {
				if !strings.HasPrefix(ic.Src, p+"/web/icon") {
					t.Errorf("manifest icon %s is not ours", ic.Src)
				}
			}
			if read(t, filepath.Join(dir, "wasm_exec.js")) != "// wasm_exec.js" {
				t.Error("wasm_exec.js is go-app's copy, not the one of the Go that built the wasm")
			}
			for _, ic := range []struct {
				name string
				size int
			}{{"icon-192.png", 192}, {"icon-512.png", 512}} {
				f, err := os.Open(filepath.Join(dir, "web", ic.name))
				if err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(f)
				f.Close()
				if err != nil || img.Bounds().Dx() != ic.size || img.Bounds().Dy() != ic.size {
					t.Errorf("%s: %v %v", ic.name, err, img.Bounds())
				}
			}
		})
	}
}

func TestVersion(t *testing.T) {
	dir := fakeWeb(t)
	web := filepath.Join(dir, "web")
	if err := writeIcons(web); err != nil {
		t.Fatal(err)
	}
	_, v1, err := listAssets(web)
	if err != nil {
		t.Fatal(err)
	}
	_, again, _ := listAssets(web)
	os.WriteFile(filepath.Join(web, "app.wasm"), []byte("new build"), 0o644)
	_, v2, _ := listAssets(web)
	if v1 != again || v1 == v2 {
		t.Errorf("versions %s %s %s: the same assets must give the same version, a change a new one", v1, again, v2)
	}
}

func TestMissingAsset(t *testing.T) {
	dir := fakeWeb(t)
	os.Remove(filepath.Join(dir, "web", "worker.wasm"))
	if err := Generate(dir, "/"); err == nil || !strings.Contains(err.Error(), "worker.wasm") {
		t.Errorf("err = %v, want it to name worker.wasm", err)
	}
}

// TestREADMEPolicy: the nginx and Apache snippets of the README send the
// policy the site has.
func TestREADMEPolicy(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`add_header Content-Security-Policy "` + CSP + `" always;`,
		`Header always set Content-Security-Policy "` + CSP + `"`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("README.md lacks %s", want)
		}
	}
}
