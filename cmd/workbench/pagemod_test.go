//go:build !(js && wasm)

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// goApp returns go-app's module directory.
func goApp(t *testing.T) string { return moduleDir(t, goAppModule) }

// moduleDir returns a module's directory in the module cache.
func moduleDir(t *testing.T, module string) string {
	out, err := exec.Command(goCmd(), "list", "-m", "-f", "{{.Dir}}", module).Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	return strings.TrimSpace(string(out))
}

func goCmd() string { return filepath.Join(runtime.GOROOT(), "bin", "go") }

// TestPageModule: the page's browser build with the module pagemod writes
// links neither net/http nor crypto/tls, and the plain build does.
func TestPageModule(t *testing.T) {
	dir := t.TempDir()
	mod, err := writePageModule(goApp(t), moduleDir(t, echartsModule), "../../go.mod", dir)
	if err != nil {
		t.Fatal(err)
	}
	deps := func(args ...string) string {
		cmd := exec.Command(goCmd(), append(append([]string{"list"}, args...), "-deps", ".")...)
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list %q: %v\n%s", args, err, out)
		}
		return "\n" + string(out)
	}
	plain, page := deps(), deps("-modfile="+mod)
	for _, p := range []string{"net/http", "crypto/tls", "crypto/aes", "github.com/google/uuid", "html/template", "text/template"} {
		if !strings.Contains(plain, "\n"+p+"\n") {
			t.Errorf("the plain browser build does not link %s: the test checks nothing", p)
		}
		if strings.Contains(page, "\n"+p+"\n") {
			t.Errorf("the page's browser build links %s", p)
		}
	}
	if !strings.Contains(page, "\n"+goAppModule+"/pkg/app\n") {
		t.Error("the page's build does not link go-app")
	}
	if !strings.Contains(page, "\n"+echartsModule+"/charts\n") {
		t.Error("the page's build does not link go-echarts")
	}
	// That it compiles, with every name go-app's browser files use, is
	// checked by every make static.
}

// TestWithoutHTTP: each edit must match exactly once, so a go-app release
// that changes resource.go stops the build.
func TestWithoutHTTP(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(goApp(t), "pkg", "app", "resource.go"))
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	got, err := withoutHTTP(src)
	if err != nil {
		t.Fatalf("go-app's own resource.go: %v", err)
	}
	if strings.Contains(got, "net/http") || !strings.Contains(got, "func PrefixedLocation(") {
		t.Errorf("the edited resource.go:\n%s", got)
	}
	for _, tc := range []struct{ name, src string }{
		{"an edit missing", strings.Replace(src, resourceEdits[1], "", 1)},
		{"an edit twice", strings.Replace(src, resourceEdits[2], resourceEdits[2]+resourceEdits[2], 1)},
		{"another use of net/http", src + "\nfunc serve() http.Handler { return nil }\n"},
		{"not Go after the edits", src + "\nfunc {\n"},
	} {
		if _, err := withoutHTTP(tc.src); !errors.Is(err, errModuleChanged) {
			t.Errorf("%s: err = %v, want errModuleChanged", tc.name, err)
		}
	}
}
