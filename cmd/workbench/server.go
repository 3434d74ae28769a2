//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
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
  workbench serve -dir DIR [-addr HOST:PORT] [-prefix /path]   serve it`

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("no command\n%s", usage)
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	dir := fs.String("out", "dist", "the site's directory")
	fs.StringVar(dir, "dir", "dist", "the site's directory")
	prefix := fs.String("prefix", "", "the path the site is served under, e.g. /retention")
	addr := fs.String("addr", "localhost:8000", "address to serve on")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	p := "/" + strings.Trim(*prefix, "/")
	switch args[0] {
	case "static":
		if err := site.Generate(*dir, p); err != nil {
			return err
		}
		fmt.Printf("wrote the site to %s (served at %s)\n", *dir, p)
		return nil
	case "serve":
		return serve(*dir, *addr, p)
	}
	return fmt.Errorf("unknown command %q\n%s", args[0], usage)
}

// serve serves dir as a plain static file server would: under prefix,
// with the usual redirect of a directory without its slash.
func serve(dir, addr, prefix string) error {
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
	files := http.FileServer(http.Dir(dir))
	h := http.Handler(files)
	if prefix != "/" {
		mux := http.NewServeMux()
		mux.Handle(prefix+"/", http.StripPrefix(prefix, files))
		mux.Handle(prefix, http.RedirectHandler(prefix+"/", http.StatusMovedPermanently))
		h = mux
	}
	nocache := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		h.ServeHTTP(w, r)
	})
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Printf("Retention Workbench: http://%s%s\n", displayAddr(l.Addr().String()), strings.TrimRight(prefix, "/")+"/")
	srv := &http.Server{Handler: nocache, ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(l)
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
