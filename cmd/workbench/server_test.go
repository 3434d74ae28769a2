//go:build !(js && wasm)

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"retention/app/site"
)

func TestAccepts(t *testing.T) {
	tests := []struct {
		header, token string
		want          bool
	}{
		{"gzip, deflate, br, zstd", "br", true}, // Chromium's
		{"gzip, deflate, br, zstd", "gzip", true},
		{"gzip, deflate", "br", false},
		{"", "gzip", false},
		{"br;q=0, gzip", "br", false},
		{"BR; Q=0.5", "br", true},
		{"*", "br", true},
		{"*;q=0", "gzip", false},
		{"br;q=0, *", "br", false}, // the token's own q wins over *
		{"identity", "gzip", false},
		{"gzipx", "gzip", false},
	}
	for _, tc := range tests {
		if got := accepts(tc.header, tc.token); got != tc.want {
			t.Errorf("accepts(%q, %q) = %v, want %v", tc.header, tc.token, got, tc.want)
		}
	}
}

// site writes a small site with precompressed variants and returns its
// directory and the files' contents.
func testSite(t *testing.T) (string, map[string][]byte) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "web"), 0o755)
	os.MkdirAll(filepath.Join(dir, "privacy"), 0o755)
	files := map[string][]byte{
		"index.html":         []byte("<!DOCTYPE html><html><head></head><body>" + strings.Repeat("<p>the page</p>", 200) + "</body></html>"),
		"privacy.html":       []byte("<!DOCTYPE html><html><head></head><body>" + strings.Repeat("<p>privacy</p>", 200) + "</body></html>"),
		"privacy/index.html": []byte("<!DOCTYPE html><html><head></head><body>" + strings.Repeat("<p>privacy/</p>", 200) + "</body></html>"),
		"web/app.wasm":       append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("wasm code "), 500)...),
		"web/glue.js":        []byte(strings.Repeat("console.log('glue');\n", 100)),
		"web/tiny.css":       []byte("body{margin:0}"),
		"web/icon-192.png":   append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 3000)...),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := site.Precompress(dir, nil); err != nil {
		t.Fatal(err)
	}
	return dir, files
}

func TestServePrecompressed(t *testing.T) {
	dir, files := testSite(t)
	tests := []struct {
		name, prefix, path, accept string
		file, encoding, ctype      string
	}{
		{"wasm as brotli", "/", "/web/app.wasm", "gzip, deflate, br, zstd", "web/app.wasm", "br", "application/wasm"},
		{"wasm as gzip", "/", "/web/app.wasm", "gzip, deflate", "web/app.wasm", "gzip", "application/wasm"},
		{"wasm plain", "/", "/web/app.wasm", "", "web/app.wasm", "", "application/wasm"},
		{"script", "/", "/web/glue.js", "br", "web/glue.js", "br", "text/javascript; charset=utf-8"},
		{"the page at its directory", "/", "/", "gzip", "index.html", "gzip", "text/html; charset=utf-8"},
		{"under a prefix", "/retention", "/retention/web/app.wasm", "br", "web/app.wasm", "br", "application/wasm"},
		{"page under a prefix", "/retention", "/retention/", "br", "index.html", "br", "text/html; charset=utf-8"},
		{"a page without .html", "/", "/privacy", "br", "privacy.html", "br", "text/html; charset=utf-8"},
		{"a page without .html, plain", "/", "/privacy", "", "privacy.html", "", "text/html; charset=utf-8"},
		{"a page without .html under a prefix", "/retention", "/retention/privacy", "gzip", "privacy.html", "gzip", "text/html; charset=utf-8"},
		{"a page with .html", "/", "/privacy.html", "", "privacy.html", "", "text/html; charset=utf-8"},
		{"a page's folder", "/retention", "/retention/privacy/", "br", "privacy/index.html", "br", "text/html; charset=utf-8"},
		{"tiny file has no variant", "/", "/web/tiny.css", "br, gzip", "web/tiny.css", "", "text/css; charset=utf-8"},
		{"PNG has no variant", "/", "/web/icon-192.png", "br, gzip", "web/icon-192.png", "", "image/png"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", tc.path, nil)
			if tc.accept != "" {
				req.Header.Set("Accept-Encoding", tc.accept)
			}
			rec := httptest.NewRecorder()
			handler(dir, tc.prefix).ServeHTTP(rec, req)
			res := rec.Result()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			if got := res.Header.Get("Content-Encoding"); got != tc.encoding {
				t.Errorf("Content-Encoding %q, want %q", got, tc.encoding)
			}
			if got := res.Header.Get("Content-Type"); got != tc.ctype {
				t.Errorf("Content-Type %q, want %q", got, tc.ctype)
			}
			if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("Vary %q lacks Accept-Encoding", res.Header.Get("Vary"))
			}
			var body io.Reader = res.Body
			switch tc.encoding {
			case "gzip":
				zr, err := gzip.NewReader(res.Body)
				if err != nil {
					t.Fatal(err)
				}
				body = zr
			case "br":
				body = brotli.NewReader(res.Body)
			}
			got, err := io.ReadAll(body)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, files[tc.file]) {
				t.Errorf("body (%d bytes) is not %s (%d bytes)", len(got), tc.file, len(files[tc.file]))
			}
		})
	}
}

// TestServeNoVariantPaths: a directory without its slash still redirects,
// a missing file is still 404, and a path cannot climb out of the site.
func TestServeNoVariantPaths(t *testing.T) {
	dir, _ := testSite(t)
	for _, tc := range []struct {
		prefix, path string
		status       int
	}{
		{"/", "/web", http.StatusMovedPermanently},
		{"/retention", "/retention", http.StatusMovedPermanently},
		{"/", "/web/missing.js", http.StatusNotFound},
		{"/", "/web/glue", http.StatusNotFound},     // .html only: web/glue.js is no page
		{"/", "/missing", http.StatusNotFound},      // no missing.html
		{"/", "/privacy/../privacy", http.StatusOK}, // privacy.html
		{"/", "/../privacy", http.StatusOK},         // the site's own privacy.html
		{"/retention", "/retention/privacy", http.StatusOK},
		{"/", "/../index.html", http.StatusOK},                                   // the site's own index.html
		{"/", "/../" + filepath.Base(dir) + "/web/glue.js", http.StatusNotFound}, // no climbing to the parent
	} {
		req := httptest.NewRequest("GET", tc.path, nil)
		req.Header.Set("Accept-Encoding", "br, gzip")
		rec := httptest.NewRecorder()
		handler(dir, tc.prefix).ServeHTTP(rec, req)
		if rec.Code != tc.status {
			t.Errorf("%s%s: status %d, want %d", tc.prefix, tc.path, rec.Code, tc.status)
		}
	}
}
