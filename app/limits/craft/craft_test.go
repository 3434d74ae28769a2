package craft

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestRepeated checks that a part written by repeating one compressed
// block inflates to its head, the block n times and its tail, with the
// CRC-32 and size its directory states (the zip reader checks both).
func TestRepeated(t *testing.T) {
	block := strings.Repeat("<b>xyz</b>", 1000)
	data := Zip(Repeated("p.xml", "<a>", block, 70, "</a>"))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	want := "<a>" + strings.Repeat(block, 70) + "</a>"
	if string(got) != want {
		t.Errorf("%d bytes inflated, want %d", len(got), len(want))
	}
	// Deflate's best is about 1,000 to 1: a block repeated comes near it.
	if len(data) > len(want)/50 {
		t.Errorf("%d bytes for %d of one block repeated", len(data), len(want))
	}
}

// TestManyRows checks the rows' workbook: its sheet's stated size is the
// rows' and each row is rowBytes long.
func TestManyRows(t *testing.T) {
	data := ManyRows(20_000, 171)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		rc, _ := f.Open()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(b), "<row>"); n != 20_001 {
			t.Errorf("%d rows, want the header and 20,000", n)
		}
		if size := len(b); size < 20_000*171 || size > 20_000*171+1000 {
			t.Errorf("sheet of %d bytes, want 20,000 rows of 171", size)
		}
		return
	}
	t.Fatal("no sheet")
}
