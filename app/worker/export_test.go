package worker

import (
	"bytes"
	"reflect"
	"runtime"
	"strconv"
	"testing"

	"retention/app/demo"
	"retention/app/export"
	"retention/app/report"
)

// BenchmarkExportAll exports the All list of Online Retail, as it is and
// 18 times over (9.75 million lines, 883 MB: issue 15's "10 M-line" file
// whose All export stopped the browser's engine), as CSV and as Excel,
// and reports what one export costs: the file's size (out-MB), the bytes
// it allocated (alloc-MB, runtime.MemStats TotalAlloc) and how much the
// runtime took from the system for it (sys-MB, the growth of Sys: in
// WebAssembly the engine's linear memory, which never shrinks), all in
// MB = 10^6 bytes. Run one size per process (-bench 'ExportAll/x18/'),
// -benchtime 1x.
func BenchmarkExportAll(b *testing.B) {
	for _, copies := range []int{1, 18} {
		b.Run("x"+strconv.Itoa(copies), func(b *testing.B) {
			data := onlineRetailTimes(b, copies)
			var s Session
			if _, err := s.Load("online_retail.csv", data, report.Settings{}, nil); err != nil {
				b.Fatal(err)
			}
			for _, format := range []string{"csv", "xlsx"} {
				b.Run(format, func(b *testing.B) {
					var before, after runtime.MemStats
					runtime.GC()
					runtime.ReadMemStats(&before)
					var f *report.File
					for range b.N {
						var err error
						if f, err = s.Export(report.ListAll, format); err != nil {
							b.Fatal(err)
						}
					}
					runtime.ReadMemStats(&after)
					n := float64(b.N)
					b.ReportMetric(float64(len(f.Data))/1e6, "out-MB")
					b.ReportMetric(float64(f.Rows), "rows")
					b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n/1e6, "alloc-MB")
					b.ReportMetric(float64(after.Sys-before.Sys)/1e6, "sys-MB")
				})
			}
		})
	}
}

// TestExportAllIsSelect: the All list an export reads (the report's own
// rows) is report.Select's, whatever the name's case and spaces, and the
// file the same; the report's rows are not changed by it.
func TestExportAllIsSelect(t *testing.T) {
	var s Session
	if _, err := s.Load("sample.csv", demo.CSV(), report.Settings{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Forecast(nil); err != nil {
		t.Fatal(err)
	}
	before := append([]report.Customer(nil), s.doc.CustomerRows...)
	sel, canon, err := report.Select(s.doc, report.ListAll)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{report.ListAll, " all ", "ALL"} {
		for _, format := range []string{"csv", "xlsx"} {
			f, err := s.Export(name, format)
			if err != nil {
				t.Fatal(err)
			}
			var want []byte
			if format == "csv" {
				want = export.CSV(sel, s.doc.Currency)
			} else if want, err = export.XLSX(sel, canon, s.doc.Currency); err != nil {
				t.Fatal(err)
			}
			if f.Rows != len(sel) || !bytes.Equal(f.Data, want) {
				t.Errorf("%q as %s: %d rows, same file %v; Select: %d rows", name, format, f.Rows, bytes.Equal(f.Data, want), len(sel))
			}
		}
	}
	if !reflect.DeepEqual(s.doc.CustomerRows, before) {
		t.Error("the export changed the report's rows")
	}
}
