//go:build !(js && wasm)

package main

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The browser build of the page leaves out go-app's HTTP server half.
//
// go-app's package app holds both the browser app and the http.Handler
// that serves it (http.go), so every program that imports it links
// net/http, and with it crypto/tls, crypto/x509 and the rest of the TLS
// stack: 600 KB of gzip in a WebAssembly binary (a program of one
// fmt.Println is 0.74 MB gzip, 1.34 MB with net/http imported), none of
// which runs in a browser. `workbench pagemod` writes a copy of go-app's
// module in which
//
//   - http.go is the Handler type alone (go-app's wasm.go names it in
//     GenerateStaticWebsite, which panics in a browser);
//   - resource.go is itself less its one use of net/http: LocalDir's file
//     server, which only Handler.ServeHTTP calls;
//   - crypto.go's AES-GCM (Context.Encrypt and encrypted states, which the
//     page never uses) refuses, and the device and broadcast ids are made
//     without github.com/google/uuid: the AES, GCM, SHA and MD5 code they
//     link is 0.18 MB of the page's WebAssembly (about 60 KB gzip);
//
// and a copy of go-echarts' module in which
//
//   - render, which writes charts as HTML pages through html/template,
//     is its types and constructors alone, rendering nothing (the page
//     only marshals options to JSON);
//   - charts/base.go's JSONNotEscaped returns a string, not a
//     template.HTML: the one use of html/template left, which linked it
//     and text/template (their package initialisation: 21 KB of gzip);
//
// and a go.mod, the project's plus a replace of each by its copy, for
// `go build -modfile` of the page (go build -overlay cannot replace files
// of the module cache). The copy is made from go-app's own files at build
// time, and each edit must match exactly once, so a go-app release that
// moves them fails the build instead of building something else. The
// native workbench (static, serve), the worker and the tests build go-app
// unchanged.

// goAppHandlerStub stands in for go-app's http.go in the browser build.
const goAppHandlerStub = `//go:build wasm

package app

// Handler is go-app's HTTP handler. The workbench's browser build leaves
// out go-app's server half (see retention/cmd/workbench/pagemod.go); the
// type remains for GenerateStaticWebsite's signature.
type Handler struct{}
`

// goAppCryptoStub stands in for go-app's crypto.go in the browser build:
// encrypt and decrypt refuse, and newID replaces uuid.NewString for the
// ids go-app makes (the device id in local storage, a state broadcast's
// store id), which only need to differ from one another.
const goAppCryptoStub = `//go:build wasm

package app

import (
	"fmt"
	"math/rand/v2"

	"github.com/maxence-charriere/go-app/v10/pkg/errors"
)

// errNoCrypto: the workbench's page is built without go-app's encryption
// (see retention/cmd/workbench/pagemod.go).
var errNoCrypto = errors.New("encryption is left out of this page's build")

func encrypt(key string, v []byte) ([]byte, error) { return nil, errNoCrypto }

func decrypt(key string, v []byte) ([]byte, error) { return nil, errNoCrypto }

// newID returns a random version 4 UUID in its text form.
func newID() string {
	a, b := rand.Uint64(), rand.Uint64()
	a = a&^0xf000 | 0x4000     // version 4
	b = b&^(0xc<<60) | 0x8<<60 // RFC 9562 variant
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", a>>32, a>>16&0xffff, a&0xffff, b>>48, b&0xffffffffffff)
}
`

// appEdits are exact edits of go-app's pkg/app files, each of which must
// match once: the uses of github.com/google/uuid.
var appEdits = []struct{ file, old, new string }{
	{"context.go", "\t\"github.com/google/uuid\"\n", ""},
	{"context.go", "uuid.NewString()", "newID()"},
	{"state.go", "\t\"github.com/google/uuid\"\n", ""},
	{"state.go", "uuid.NewString()", "newID()"},
}

// resourceEdits are the lines of go-app's resource.go that use net/http,
// each removed: the import, LocalDir's file server and the resolver's
// embedded http.Handler.
var resourceEdits = []string{
	"\t\"net/http\"\n",
	"\t\tHandler:   http.FileServer(http.Dir(directory)),\n",
	"\thttp.Handler\n",
}

// echartsRenderStub stands in for go-echarts' render package in the
// browser build: the Renderer every chart holds renders nothing.
const echartsRenderStub = `//go:build wasm

// Package render is go-echarts' render package without its HTML
// templates, for the workbench's page (see
// retention/cmd/workbench/pagemod.go): the page marshals options to JSON
// and never renders a chart as HTML.
package render

import (
	"errors"
	"io"
)

// ChartSnippet is a chart's HTML element, script and option.
type ChartSnippet struct {
	Element string
	Script  string
	Option  string
}

// Renderer renders a chart or a page as HTML.
type Renderer interface {
	Render(w io.Writer) error
	RenderContent() []byte
	RenderSnippet() ChartSnippet
}

var errNoHTML = errors.New("go-echarts' HTML rendering is left out of this page's build")

type none struct{}

func (none) Render(w io.Writer) error    { return errNoHTML }
func (none) RenderContent() []byte       { return nil }
func (none) RenderSnippet() ChartSnippet { return ChartSnippet{} }

// NewChartRender returns a Renderer that renders nothing.
func NewChartRender(c interface{}, before ...func()) Renderer { return none{} }

// NewPageRender returns a Renderer that renders nothing.
func NewPageRender(c interface{}, before ...func()) Renderer { return none{} }
`

// echartsEdits are the edits of go-echarts' charts/base.go, each of which
// must match as many times as it says.
var echartsEdits = []struct {
	old, new string
	n        int
}{
	{"\t\"html/template\"\n", "", 1},
	{"template.HTML", "string", 2},
}

// echartsModule is go-echarts' module path.
const echartsModule = "github.com/go-echarts/go-echarts/v2"

// writeEchartsCopy writes the patched copy of go-echarts' module in src to
// dst.
func writeEchartsCopy(src, dst string) error {
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	if err := copyModule(src, dst, ""); err != nil {
		return err
	}
	render := filepath.Join(dst, "render")
	olds, err := filepath.Glob(filepath.Join(render, "*.go"))
	if err != nil || len(olds) == 0 {
		return fmt.Errorf("%w: no render package in %s", errModuleChanged, src)
	}
	for _, f := range olds {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(render, "render.go"), []byte(echartsRenderStub), 0o644); err != nil {
		return err
	}
	name := filepath.Join(dst, "charts", "base.go")
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	base := string(b)
	for _, e := range echartsEdits {
		if n := strings.Count(base, e.old); n != e.n {
			return fmt.Errorf("%w: go-echarts' charts/base.go has %q %d times, not %d", errModuleChanged, strings.TrimSpace(e.old), n, e.n)
		}
		base = strings.ReplaceAll(base, e.old, e.new)
	}
	return os.WriteFile(name, []byte(base), 0o644)
}

// errModuleChanged is returned when go-app's or go-echarts' files are not
// as the page's build expects.
var errModuleChanged = errors.New("go-app or go-echarts is not as the page's build expects (see cmd/workbench/pagemod.go)")

// goAppModule is go-app's module path.
const goAppModule = "github.com/maxence-charriere/go-app/v10"

// writePageModule writes to out the patched copies of go-app's module in
// goApp and go-echarts' in echarts (their directories, as `go list -m -f
// {{.Dir}}` prints them) in out/go-app and out/go-echarts, and out/go.mod
// and out/go.sum: the project's (goMod and its go.sum) with both replaced
// by the copies. It returns out/go.mod's path.
func writePageModule(goApp, echarts, goMod, out string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	dst := filepath.Join(abs, "go-app")
	if err := os.RemoveAll(dst); err != nil {
		return "", err
	}
	if err := copyModule(goApp, dst, "pkg"); err != nil {
		return "", err
	}
	pkg := filepath.Join(dst, "pkg", "app")
	src, err := os.ReadFile(filepath.Join(pkg, "resource.go"))
	if err != nil {
		return "", err
	}
	resource, err := withoutHTTP(string(src))
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(pkg, "http.go")); err != nil {
		return "", fmt.Errorf("%w: %v", errModuleChanged, err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "http.go"), []byte(goAppHandlerStub), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(pkg, "resource.go"), []byte(resource), 0o644); err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(pkg, "crypto.go")); err != nil {
		return "", fmt.Errorf("%w: %v", errModuleChanged, err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "crypto.go"), []byte(goAppCryptoStub), 0o644); err != nil {
		return "", err
	}
	for _, e := range appEdits {
		name := filepath.Join(pkg, e.file)
		b, err := os.ReadFile(name)
		if err != nil {
			return "", err
		}
		if n := strings.Count(string(b), e.old); n != 1 {
			return "", fmt.Errorf("%w: %s has %q %d times", errModuleChanged, e.file, strings.TrimSpace(e.old), n)
		}
		if err := os.WriteFile(name, []byte(strings.Replace(string(b), e.old, e.new, 1)), 0o644); err != nil {
			return "", err
		}
	}
	mod, err := os.ReadFile(goMod)
	if err != nil {
		return "", err
	}
	sum, err := os.ReadFile(strings.TrimSuffix(goMod, ".mod") + ".sum")
	if err != nil {
		return "", err
	}
	ec := filepath.Join(abs, "go-echarts")
	if err := writeEchartsCopy(echarts, ec); err != nil {
		return "", err
	}
	mod = fmt.Appendf(mod, "\n// The page's browser build: go-app without its HTTP server, go-echarts without its HTML templates (cmd/workbench/pagemod.go).\nreplace %s => %s\n\nreplace %s => %s\n", goAppModule, dst, echartsModule, ec)
	name := filepath.Join(abs, "go.mod")
	if err := os.WriteFile(name, mod, 0o644); err != nil {
		return "", err
	}
	return name, os.WriteFile(filepath.Join(abs, "go.sum"), sum, 0o644)
}

// copyModule copies the module in src to dst: its go.mod, LICENSE and the
// Go files of its packages (tests, docs, examples and other files are
// left): those under the folder under when it is not "" (go-app's pkg),
// else those of every folder but hidden ones, testdata and examples.
func copyModule(src, dst, under string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			switch {
			case rel == ".":
			case under != "" && rel != under && !strings.HasPrefix(rel, under+string(filepath.Separator)):
				return filepath.SkipDir
			case strings.HasPrefix(name, ".") || name == "testdata" || name == "example" || name == "examples":
				return filepath.SkipDir
			}
			return nil
		}
		keep := rel == "go.mod" || rel == "LICENSE" || (strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go"))
		if !keep {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
}

// withoutHTTP returns go-app's resource.go less its uses of net/http, and
// checks that what remains is Go that names net/http nowhere.
func withoutHTTP(src string) (string, error) {
	for _, e := range resourceEdits {
		if n := strings.Count(src, e); n != 1 {
			return "", fmt.Errorf("%w: resource.go has %q %d times", errModuleChanged, strings.TrimSpace(e), n)
		}
		src = strings.Replace(src, e, "", 1)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "resource.go", src, 0)
	if err != nil {
		return "", fmt.Errorf("%w: %v", errModuleChanged, err)
	}
	uses := false
	for _, imp := range f.Imports {
		uses = uses || imp.Path.Value == `"net/http"`
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "http" {
				uses = true
			}
		}
		return true
	})
	if uses {
		return "", fmt.Errorf("%w: resource.go still uses net/http", errModuleChanged)
	}
	return src, nil
}
