package site

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// Encodings of the precompressed variants written beside a file: name.gz
// and name.br. A server that finds one sends it with Content-Encoding set
// to the encoding's token.
var Encodings = []Encoding{
	{Token: "br", Ext: ".br"},
	{Token: "gzip", Ext: ".gz"},
}

// Encoding is a content coding with the file extension of its variant.
type Encoding struct {
	Token string // the Content-Encoding / Accept-Encoding token
	Ext   string // the variant's extension
}

// minCompress is the smallest file that gets precompressed variants: a
// response under 1 KiB fits in one TCP segment (1460 bytes on Ethernet)
// with its headers either way, so compressing it saves no round trip.
const minCompress = 1024

// brotliQuality and brotliWindow are Brotli's densest settings (RFC 7932:
// quality 0-11; a window of 2^24 - 16 bytes, the largest).
const (
	brotliQuality = 11
	brotliWindow  = 24
)

// compressible reports whether files named so are worth compressing:
// text and WebAssembly are; PNG images are already deflated.
func compressible(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".wasm", ".js", ".css", ".html", ".svg", ".json", ".webmanifest", ".csv", ".txt":
		return true
	}
	return false
}

// isVariant reports whether name is a precompressed variant of another
// file: any .gz or .br file of the site is taken for one.
func isVariant(name string) bool {
	for _, e := range Encodings {
		if strings.HasSuffix(name, e.Ext) {
			return true
		}
	}
	return false
}

// Asset is one file of the site with the sizes it is sent at.
type Asset struct {
	Path   string // slash-separated, relative to the site's directory
	Size   int64  // bytes as stored
	Gzip   int64  // bytes of its gzip variant; Size when it has none
	Brotli int64  // bytes of its Brotli variant; Size when it has none
}

// Gzipper returns the gzip member of src (RFC 1952), from a denser
// deflate than compress/gzip's (see GzipCommand).
type Gzipper func(src []byte) ([]byte, error)

// GzipCommand is a Gzipper that runs a command (its name and arguments)
// with src on its standard input and takes its standard output, e.g.
// node web/build/gzip.mjs (Zopfli). What it writes is inflated again and
// must give src back, or the site is not written.
func GzipCommand(name string, args ...string) Gzipper {
	return func(src []byte) ([]byte, error) {
		cmd := exec.Command(name, args...)
		cmd.Stdin = bytes.NewReader(src)
		var out, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("site: %s: %v: %s", name, err, strings.TrimSpace(stderr.String()))
		}
		zr, err := gzip.NewReader(bytes.NewReader(out.Bytes()))
		if err != nil {
			return nil, fmt.Errorf("site: %s wrote no gzip: %v", name, err)
		}
		back, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(back, src) {
			return nil, fmt.Errorf("site: what %s wrote does not inflate to its input (%v)", name, err)
		}
		return out.Bytes(), nil
	}
}

// Precompress writes a gzip (best compression, or gz's when it is not
// nil) and a Brotli (quality 11) variant beside every file of dir that is
// compressible and at least minCompress bytes, and keeps a variant only
// when it is smaller than the file. It returns every file of dir with the
// sizes it is sent at, sorted by path. Variants left by an earlier run
// (every .gz and .br file in dir) are removed first, and one that still
// decodes to its file is written again as it was.
func Precompress(dir string, gz Gzipper) ([]Asset, error) {
	var assets []Asset
	before := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if isVariant(p) {
			// Kept to be taken again for a file it still decodes to (a
			// site written anew, most of its files unchanged).
			if b, err := os.ReadFile(p); err == nil {
				before[p] = b
			}
			return os.Remove(p)
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		assets = append(assets, Asset{Path: filepath.ToSlash(rel), Size: info.Size(), Gzip: info.Size(), Brotli: info.Size()})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(assets, func(i, j int) bool { return assets[i].Path < assets[j].Path })
	// The files are compressed on every core, largest first, so the two
	// wasm files do not finish one after the other.
	order := make([]int, len(assets))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return assets[order[i]].Size > assets[order[j]].Size })
	var wg sync.WaitGroup
	errs := make([]error, len(assets)*len(Encodings))
	slots := make(chan struct{}, runtime.NumCPU())
	for _, i := range order {
		a := &assets[i]
		if !compressible(a.Path) || a.Size < minCompress {
			continue
		}
		for k, e := range Encodings {
			wg.Add(1)
			slots <- struct{}{}
			go func() {
				defer func() { <-slots; wg.Done() }()
				name := filepath.Join(dir, filepath.FromSlash(a.Path))
				n, err := writeVariant(name, e, a.Size, gz, before[name+e.Ext])
				if err != nil {
					errs[i*len(Encodings)+k] = err
					return
				}
				if e.Ext == ".gz" {
					a.Gzip = n
				} else {
					a.Brotli = n
				}
			}()
		}
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return assets, nil
}

// writeVariant compresses the file name with e (gzip with gz when it is
// not nil) and writes name+e.Ext if it is smaller than size, the file's
// own. old, the variant of an earlier run, is taken as it is when it
// still decodes to the file (Zopfli or Brotli 11 take half a minute on a
// wasm file). It returns the bytes sent for the file under e: the
// variant's size, or size when no variant was kept.
func writeVariant(name string, e Encoding, size int64, gz Gzipper, old []byte) (int64, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return 0, err
	}
	var out []byte
	if old != nil && decodesTo(e, old, src) {
		out = old
	} else if e.Ext == ".gz" && gz != nil {
		if out, err = gz(src); err != nil {
			return 0, err
		}
	} else {
		var b bytes.Buffer
		var w io.WriteCloser
		switch e.Ext {
		case ".gz":
			w, err = gzip.NewWriterLevel(&b, gzip.BestCompression)
		case ".br":
			w = brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: brotliQuality, LGWin: brotliWindow})
		default:
			err = fmt.Errorf("site: no compressor for %s", e.Ext)
		}
		if err != nil {
			return 0, err
		}
		if _, err := w.Write(src); err != nil {
			return 0, err
		}
		if err := w.Close(); err != nil {
			return 0, err
		}
		out = b.Bytes()
	}
	if int64(len(out)) >= size {
		return size, nil
	}
	return int64(len(out)), os.WriteFile(name+e.Ext, out, 0o644)
}

// decodesTo reports whether v, a variant under e, decodes to src.
func decodesTo(e Encoding, v, src []byte) bool {
	var r io.Reader
	switch e.Ext {
	case ".gz":
		zr, err := gzip.NewReader(bytes.NewReader(v))
		if err != nil {
			return false
		}
		r = zr
	case ".br":
		r = brotli.NewReader(bytes.NewReader(v))
	default:
		return false
	}
	back, err := io.ReadAll(io.LimitReader(r, int64(len(src))+1))
	return err == nil && bytes.Equal(back, src)
}
