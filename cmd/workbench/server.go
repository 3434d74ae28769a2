//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"retention/app/site"
)

func serverMain() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "workbench:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  workbench static -out DIR [-prefix /path]   write the static site (DIR/web holds the assets)
  workbench serve -dir DIR [-addr HOST:PORT] [-prefix /path]   serve it
  workbench pagemod -goapp DIR -echarts DIR -out DIR   write the go.mod of the page's browser build (go-app without its HTTP server, go-echarts without its HTML templates)`

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("no command\n%s", usage)
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	dir := fs.String("out", "dist", "the site's directory")
	fs.StringVar(dir, "dir", "dist", "the site's directory")
	prefix := fs.String("prefix", "", "the path the site is served under, e.g. /retention")
	addr := fs.String("addr", "localhost:8000", "address to serve on")
	goApp := fs.String("goapp", "", "go-app's module directory (go list -m -f {{.Dir}} github.com/maxence-charriere/go-app/v10)")
	echarts := fs.String("echarts", "", "go-echarts' module directory (go list -m -f {{.Dir}} github.com/go-echarts/go-echarts/v2)")
	esbuild := fs.String("esbuild", "", "static: minify go-app's scripts and the style sheets with this esbuild")
	gzipWith := fs.String("gzip", "", "static: write the .gz files with this command (stdin to stdout), e.g. \"node web/build/gzip.mjs\" (Zopfli); else Go's gzip")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	p := "/" + strings.Trim(*prefix, "/")
	switch args[0] {
	case "static":
		if err := site.Generate(*dir, p); err != nil {
			return err
		}
		if *esbuild != "" {
			if err := minify(*esbuild, *dir); err != nil {
				return err
			}
		}
		var gz site.Gzipper
		if f := strings.Fields(*gzipWith); len(f) > 0 {
			gz = site.GzipCommand(f[0], f[1:]...)
		}
		assets, err := site.Precompress(*dir, gz)
		if err != nil {
			return err
		}
		fmt.Printf("wrote the site to %s (served at %s), with .gz and .br beside each file worth compressing\n", *dir, p)
		return site.CheckBudgets(os.Stdout, assets, site.Budgets)
	case "serve":
		return serve(*dir, *addr, p)
	case "pagemod":
		if *goApp == "" || *echarts == "" {
			return fmt.Errorf("pagemod needs -goapp and -echarts\n%s", usage)
		}
		name, err := writePageModule(*goApp, *echarts, "go.mod", *dir)
		if err == nil {
			fmt.Println(name)
		}
		return err
	}
	return fmt.Errorf("unknown command %q\n%s", args[0], usage)
}

// serve serves dir as a plain static file server would: under prefix,
// with the usual redirect of a directory without its slash, a page's
// address without its .html (/privacy is privacy.html, as hosts with
// "pretty URLs" answer it), and the precompressed variants of files to
// clients that accept them.
func serve(dir, addr, prefix string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Printf("Retention Workbench: http://%s%s\n", displayAddr(l.Addr().String()), strings.TrimRight(prefix, "/")+"/")
	srv := &http.Server{Handler: handler(dir, prefix), ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(l)
}

// handler serves the site in dir under prefix; every answer is to be
// revalidated (Cache-Control: no-cache), so a new build shows at once.
func handler(dir, prefix string) http.Handler {
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
	files := precompressed{root: dir, files: http.FileServer(http.Dir(dir))}
	h := http.Handler(files)
	if prefix != "/" {
		mux := http.NewServeMux()
		mux.Handle(prefix+"/", http.StripPrefix(prefix, files))
		mux.Handle(prefix, http.RedirectHandler(prefix+"/", http.StatusMovedPermanently))
		h = mux
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		h.ServeHTTP(w, r)
	})
}

// precompressed serves a file's precompressed variant (name.br, name.gz,
// written by site.Precompress) when the request accepts its encoding, with
// Content-Encoding set and the Content-Type of the file itself; anything
// else goes to files.
type precompressed struct {
	root  string
	files http.Handler
}

func (p precompressed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Accept-Encoding")
	r = p.page(r)
	name := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if (r.Method != http.MethodGet && r.Method != http.MethodHead) || ctype == "" {
		p.files.ServeHTTP(w, r)
		return
	}
	for _, e := range site.Encodings {
		if !accepts(r.Header.Get("Accept-Encoding"), e.Token) {
			continue
		}
		f, err := os.Open(filepath.Join(p.root, filepath.FromSlash(name+e.Ext)))
		if err != nil {
			continue
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil || info.IsDir() {
			continue
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Content-Encoding", e.Token)
		http.ServeContent(w, r, name, info.ModTime(), f)
		return
	}
	p.files.ServeHTTP(w, r)
}

// page gives a request for /NAME, without an extension or a final slash,
// the address of the page NAME.html when the site has that file (app/site
// writes one for each route but the root): a first visit to /privacy gets
// the privacy page, not a 404 or a redirect to the folder privacy/.
func (p precompressed) page(r *http.Request) *http.Request {
	name := path.Clean("/" + r.URL.Path)
	if name == "/" || strings.HasSuffix(r.URL.Path, "/") || path.Ext(name) != "" {
		return r
	}
	info, err := os.Stat(filepath.Join(p.root, filepath.FromSlash(name+".html")))
	if err != nil || !info.Mode().IsRegular() {
		return r
	}
	u := *r.URL
	u.Path, u.RawPath = name+".html", ""
	r2 := r.Clone(r.Context())
	r2.URL = &u
	return r2
}

// accepts reports whether an Accept-Encoding header value accepts the
// content coding token: listed, or covered by "*", with a q-value above 0
// (RFC 9110, section 12.5.3).
func accepts(header, token string) bool {
	star := false
	for _, item := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(item, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		ok := true
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				ok = err == nil && q > 0
			}
		}
		switch name {
		case token:
			return ok
		case "*":
			star = ok
		}
	}
	return star
}

func displayAddr(a string) string {
	host, port, err := net.SplitHostPort(a)
	if err != nil {
		return a
	}
	if host == "127.0.0.1" || host == "::1" || host == "" || host == "::" || host == "0.0.0.0" {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// minified are the files of the site that static minifies with esbuild:
// go-app's scripts as it writes them (with their comments and white
// space) and the style sheets; web/glue.js and web/store.js are minified
// when the Makefile copies them: 3.8 KB less gzip on the first load.
var minified = []string{"app.js", "app-worker.js", "wasm_exec.js", "web/style.css"}

// minify rewrites the minified files of the site in dir with esbuild's
// --minify. A plain script keeps its top-level names (go-app's page calls
// them by name), as esbuild renames them only in a bundle or a module.
func minify(esbuild, dir string) error {
	for _, f := range minified {
		file := filepath.Join(dir, filepath.FromSlash(f))
		if _, err := os.Stat(file); err != nil {
			return err
		}
		cmd := exec.Command(esbuild, file, "--minify", "--target=es2020", "--log-level=warning", "--allow-overwrite", "--outfile="+file)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("minify %s: %w", f, err)
		}
	}
	return nil
}
