// Package site makes the workbench's static website: go-app's handler set
// up for a private, offline-capable PWA (local icons, our service worker,
// a Content-Security-Policy that allows our own origin only), written to a
// directory that any static file server can serve, at / or under a prefix.
package site

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"retention/app/i18n"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

//go:embed worker.js.tmpl
var serviceWorker string

// CSP is the page's Content-Security-Policy: everything from our own origin
// only. The page can fetch its own assets and nothing else, so no byte of a
// user's file can leave the browser. WebAssembly needs 'wasm-unsafe-eval';
// ECharts and go-app set inline styles. The engine worker is started from
// a blob: URL (web/glue.js) because such a worker inherits this policy;
// one loaded from its own URL gets only its response's headers.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; " +
	"img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'none'; manifest-src 'self'"

// Name and description of the app.
const (
	Name        = "Retention Workbench"
	ShortName   = "Retention"
	Description = "Customer retention figures for online shops, computed in your browser: your orders file never leaves your device."
)

// Handler returns go-app's handler for the workbench. prefix is the path
// the site is served under ("" or "/" for the root, "/retention" for a
// sub-path); assets lists the files under web/ to cache for offline use
// ("/web/worker.wasm", ...); version names this build.
func Handler(prefix string, assets []string, version string) *app.Handler {
	h := &app.Handler{
		Name:            Name,
		ShortName:       ShortName,
		Title:           Name,
		Description:     Description,
		Lang:            "en",
		BackgroundColor: "#f7f7f4",
		ThemeColor:      "#1f5f5b",
		LoadingLabel:    "Retention Workbench {progress}%",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles:                  []string{"/web/style.css"},
		Scripts:                 []string{"/web/glue.js", "/web/store.js"}, // glue.js loads web/echarts.min.js after the page
		CacheableResources:      assets,
		ServiceWorkerTemplate:   serviceWorker,
		Version:                 version,
		WasmContentLengthHeader: "",
	}
	if p := strings.TrimRight(prefix, "/"); p != "" {
		h.Resources = app.PrefixedLocation(p)
	}
	return h
}

// Generate writes the static site to dir (the caller has registered the
// page's route with app.Route), whose web/ folder already holds
// the assets (app.wasm, worker.wasm, scripts, styles, icons). The version
// is a hash of those assets, so a new build is a new service worker.
func Generate(dir, prefix string) error {
	web := filepath.Join(dir, "web")
	for _, f := range []string{"app.wasm", "worker.wasm", "worker.js", "wasm_exec.js", "glue.js", "store.js", "echarts.min.js", "style.css", "icon.svg"} {
		if _, err := os.Stat(filepath.Join(web, f)); err != nil {
			return fmt.Errorf("the site needs web/%s first: %w", f, err)
		}
	}
	if err := writeIcons(web); err != nil {
		return err
	}
	if err := writeLanguages(web); err != nil {
		return err
	}
	assets, version, err := listAssets(web)
	if err != nil {
		return err
	}
	h := Handler(prefix, assets, version)
	if err := app.GenerateStaticWebsite(dir, h); err != nil {
		return err
	}
	// go-app writes its own copy of Go's wasm_exec.js; the one of the Go
	// that compiled app.wasm (in web/) is the one that matches it.
	exec, err := os.ReadFile(filepath.Join(web, "wasm_exec.js"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), exec, 0o644); err != nil {
		return err
	}
	if err := writePages(dir); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "_headers"), []byte(Headers()), 0o644)
}

// writeLanguages writes each translation of the page's messages to
// web/i18n-LANG.json (i18n.Messages): the page's WebAssembly carries
// English only and loads the user's language from there (app/i18n).
func writeLanguages(web string) error {
	for _, lang := range i18n.Languages[1:] {
		m, ok := i18n.MessagesOf(lang)
		if !ok {
			return fmt.Errorf("the site has no %v messages compiled in", lang)
		}
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(web, i18n.File(lang)), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Headers is the _headers file of hosts that read one (Netlify,
// Cloudflare Pages): the CSP as a response header on every file, so that
// it also governs the scripts of the service worker and of a worker loaded
// from its own URL, which a <meta> tag in the page does not.
func Headers() string {
	return "/*\n" +
		"  Content-Security-Policy: " + CSP + "\n" +
		"  X-Content-Type-Options: nosniff\n" +
		"  Referrer-Policy: no-referrer\n"
}

// listAssets lists web/'s files as /web/... paths and hashes their bytes;
// precompressed variants (name.gz, name.br) are not listed.
func listAssets(web string) ([]string, string, error) {
	var paths []string
	err := filepath.WalkDir(web, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || isVariant(p) {
			return err // precompressed variants are the same assets
		}
		rel, err := filepath.Rel(web, p)
		if err != nil {
			return err
		}
		paths = append(paths, "/web/"+filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		b, err := os.ReadFile(filepath.Join(web, strings.TrimPrefix(p, "/web/")))
		if err != nil {
			return nil, "", err
		}
		fmt.Fprintf(h, "%s %d\n", p, len(b))
		h.Write(b)
	}
	fmt.Fprintf(h, "%s", serviceWorker)
	return paths, hex.EncodeToString(h.Sum(nil))[:16], nil
}

// writePages puts the CSP in each page go-app wrote (index.html for the
// root, NAME.html for the route /NAME) and writes every page but the root
// again as NAME/index.html. A static server that maps paths to files
// answers /NAME.html and /NAME/ with the page, and /NAME too when it
// redirects a folder without its slash (as Python's http.server does);
// hosts that drop .html (and `workbench serve`) answer /NAME with
// NAME.html. Without it a first visit to /NAME, before the service worker
// that answers every address with the app, would be a 404.
func writePages(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		if err := addCSP(p); err != nil {
			return err
		}
		if filepath.Base(p) == "index.html" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		folder := strings.TrimSuffix(p, ".html")
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(folder, "index.html"), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// addCSP puts the Content-Security-Policy first in the page's head, before
// any script or style it governs.
func addCSP(page string) error {
	b, err := os.ReadFile(page)
	if err != nil {
		return err
	}
	i := bytes.Index(b, []byte("<head>"))
	if i < 0 {
		return fmt.Errorf("site: %s has no <head>", filepath.Base(page))
	}
	i += len("<head>")
	meta := `<meta http-equiv="Content-Security-Policy" content="` + CSP + `">`
	out := append(append(append([]byte{}, b[:i]...), meta...), b[i:]...)
	return os.WriteFile(page, out, 0o644)
}
