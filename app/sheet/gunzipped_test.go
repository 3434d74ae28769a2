package sheet

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"reflect"
	"testing"

	"retention/app/limits"
	"retention/app/limits/craft"
)

// TestGunzipped checks that a .gz file's content inflated by the caller
// (the browser's engine) reads as the .gz file itself does: the same
// table, named by the .gz name, or the same error: a gzip inside refused,
// the inflated bound, and a workbook inside inflating its parts from what
// is left of it.
func TestGunzipped(t *testing.T) {
	const mib = 1 << 20
	book := craft.Workbook(craft.SheetRows(3000), nil) // about 300 KiB of sheet XML
	tests := []struct {
		Name   string
		Gz     []byte // the .gz file
		Limits limits.Limits
		Code   limits.Code // the bound it is past, "" for none
	}{
		{"orders", craft.Gzip(craft.Orders(500)), limits.Limits{}, ""},
		{"a workbook", craft.Gzip(book), limits.Limits{}, ""},
		{"gzip in gzip", craft.Gzip(craft.GzipZeros(4 * mib)), limits.Limits{}, limits.Nested},
		{"past the inflated bound", craft.GzipZeros(9 * mib), limits.Limits{Inflated: 8 * mib}, limits.Inflated},
		// The workbook fits the bound; its sheet does not fit what is left.
		{"a workbook past what is left", craft.Gzip(book), limits.Limits{Inflated: int64(len(book)) + 64<<10}, limits.Inflated},
	}
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			zr, err := gzip.NewReader(bytes.NewReader(tc.Gz))
			if err != nil {
				t.Fatal(err)
			}
			out, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			want, wantErr := Read("o.csv.gz", tc.Gz, Options{Limits: tc.Limits})
			got, gotErr := Read("o.csv.gz", out, Options{Limits: tc.Limits, Gunzipped: true})
			if tc.Code == "" {
				if wantErr != nil || gotErr != nil {
					t.Fatalf("errors: %v (the .gz), %v (inflated)", wantErr, gotErr)
				}
				if got.Name != "o.csv.gz" || !reflect.DeepEqual(got, want) {
					t.Fatalf("inflated: %s %q, the .gz: %s %q", got.Name, got.Cell(0, 0), want.Name, want.Cell(0, 0))
				}
				return
			}
			var we, ge *limits.Error
			if !errors.As(wantErr, &we) || !errors.As(gotErr, &ge) {
				t.Fatalf("errors: %v (the .gz), %v (inflated); want %s", wantErr, gotErr, tc.Code)
			}
			// The .gz path stops one byte past the bound; the inflated
			// content is all there: the figures may differ, not the bound.
			if ge.Code != tc.Code || we.Code != tc.Code || ge.Limit != we.Limit || ge.File != "o.csv.gz" {
				t.Fatalf("inflated: %+v, the .gz: %+v; want %s", ge, we, tc.Code)
			}
		})
	}
}
