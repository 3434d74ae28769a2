package worker

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"retention/app/engine"
	"retention/app/ingest"
	"retention/app/realdata"
	"retention/app/report"
	"retention/app/sheet"
)

// BenchmarkLoadOnlineRetail loads Online Retail as the workbench's engine
// does (Session.Load with the page's default settings: read, orders,
// figures; then Session.Forecast), once as it is and once ten times over,
// and reports the memory the Go runtime took for it from the system
// (runtime.MemStats Sys, in MB = 10^6 bytes): the heap's high-water mark,
// which in WebAssembly is the engine's linear memory, never given back.
// Run it with -benchtime 1x: further runs add nothing to a high-water
// mark, and one sub-benchmark per process (-bench 'LoadOnlineRetail/x10$'),
// as the first leaves its heap behind.
func BenchmarkLoadOnlineRetail(b *testing.B) {
	for _, tc := range []struct {
		copies, customers int
	}{{1, 4339}, {10, 43390}} {
		b.Run("x"+strconv.Itoa(tc.copies), func(b *testing.B) {
			data := onlineRetailTimes(b, tc.copies)
			runtime.GC()
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for range b.N {
				var s Session
				doc, err := s.Load("online_retail.csv", data, report.Settings{}, nil)
				if err != nil {
					b.Fatal(err)
				}
				if doc.Customers != tc.customers {
					b.Fatalf("%d customers, want %d", doc.Customers, tc.customers)
				}
				if _, err := s.Forecast(nil); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.Sys)/1e6, "sys-MB")
			b.ReportMetric(float64(len(data))/1e6, "file-MB")
		})
	}
}

// BenchmarkLoadStages times the stages of BenchmarkLoadOnlineRetail's
// load one by one, as Session.Load runs them with the engine's settings:
// read (sheet.Read: bytes to table), orders (ingest.FromTable: the
// columns' roles, the formats, the orders and the dataset), collect (the
// table dropped and the heap collected, as Session.read does), figures
// (engine.Build), previous (engine.Previous: the cards' comparison) and
// forecast (engine.Forecast, which the page shows after the cards). Each
// stage's time per load is reported (ms), and cards-ms, the time up to
// the report the page shows its KPI cards from (all but the forecast).
//
// COPIES=n loads Online Retail n times over (onlineRetailTimes) instead,
// and WARM=1 loads Online Retail once before the timing, WARM=demo runs
// worker.Warm (the sample store) as the browser's engine does before a
// file comes: in WebAssembly a first run of a function is slower. Run with GOOS=js
// GOARCH=wasm and Go's go_js_wasm_exec to time the engine as the browser
// runs it (in Node.js's V8). STREAM=1 reads the file as the browser's
// engine does, through a sheet.Stream fed pieces of 4 MiB (the page's
// feed); read then includes the pieces' parse.
func BenchmarkLoadStages(b *testing.B) {
	copies := 1
	if v := os.Getenv("COPIES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("COPIES=%q: want a count of copies", v)
		}
		copies = n
	}
	data := onlineRetailTimes(b, copies)
	o := engineSettings(report.Settings{})
	o.Defaults()
	if os.Getenv("WARM") == "demo" {
		if _, err := Warm(nil); err != nil {
			b.Fatal(err)
		}
	} else if os.Getenv("WARM") != "" {
		var s Session
		if _, err := s.Load("online_retail.csv", onlineRetailTimes(b, 1), report.Settings{}, nil); err != nil {
			b.Fatal(err)
		}
	}
	names := []string{"read", "orders", "collect", "figures", "previous", "forecast"}
	spent := make([]time.Duration, len(names))
	runtime.GC()
	b.ResetTimer()
	for range b.N {
		at := time.Now()
		lap := func(stage int) {
			now := time.Now()
			spent[stage] += now.Sub(at)
			at = now
		}
		sopt := sheet.Options{Limits: o.Limits}
		in := data
		if os.Getenv("STREAM") != "" {
			buf := make([]byte, 0, len(data))
			st := sheet.NewStream(buf, o.Limits)
			for len(buf) < len(data) {
				buf = append(buf, data[len(buf):min(len(data), len(buf)+4<<20)]...)
				st.Fed(buf)
			}
			sopt.Stream, in = st, buf
		}
		t, err := sheet.Read("online_retail.csv", in, sopt)
		if err != nil {
			b.Fatal(err)
		}
		lap(0)
		res, err := ingest.FromTable(t, ingest.Options{Location: time.UTC, Latest: o.Today, Limits: o.Limits})
		if err != nil {
			b.Fatal(err)
		}
		lap(1)
		res.Table = res.Table.Head(engine.PreviewRows)
		runtime.GC()
		lap(2)
		doc, err := engine.Build(res, o)
		if err != nil {
			b.Fatal(err)
		}
		lap(3)
		if err := engine.Previous(res, doc, o); err != nil {
			b.Fatal(err)
		}
		lap(4)
		if err := engine.Forecast(res, doc, o); err != nil {
			b.Fatal(err)
		}
		lap(5)
		if want := 4339 * copies; doc.Customers != want {
			b.Fatalf("%d customers, want %d", doc.Customers, want)
		}
	}
	b.StopTimer()
	var cards time.Duration
	for i, name := range names {
		b.ReportMetric(spent[i].Seconds()*1000/float64(b.N), name+"-ms")
		if name != "forecast" {
			cards += spent[i]
		}
	}
	b.ReportMetric(cards.Seconds()*1000/float64(b.N), "cards-ms")
}

// onlineRetailTimes is Online Retail's CSV with its lines n times, as
// test/bench-browser.mjs writes Online Retail x10: copy k adds k·10^6 to
// the invoice number (after its C or A prefix) and k·10^5 to the customer
// id, so the file holds n times the customers and orders. The text is
// written into one buffer of its final size.
func onlineRetailTimes(b *testing.B, n int) []byte {
	text := realdata.Gunzipped(b, "online_retail.csv.gz")
	nl := bytes.IndexByte(text, '\n')
	header, body := text[:nl+1], text[nl+1:]
	lines := bytes.Count(body, []byte{'\n'})
	const grown = 2 // digits an invoice number and a customer id gain
	out := make([]byte, 0, len(header)+n*(len(body)+grown*lines))
	out = append(out, header...)
	for k := range n {
		for rest := body; len(rest) > 0; {
			end := bytes.IndexByte(rest, '\n')
			if end < 0 {
				end = len(rest)
			}
			line := rest[:end]
			rest = rest[min(end+1, len(rest)):]
			c1 := bytes.IndexByte(line, ',')
			last := bytes.LastIndexByte(line, ',')
			prev := bytes.LastIndexByte(line[:last], ',')
			inv, cust := line[:c1], line[prev+1:last]
			pre := inv[:len(inv)-6] // "", or the C or A before the six digits
			num, err1 := strconv.Atoi(string(inv[len(pre):]))
			if err1 != nil || len(pre) > 1 || (len(cust) != 0 && len(cust) != 5) {
				b.Fatalf("online_retail: unexpected invoice or customer: %s", line)
			}
			out = append(out, pre...)
			out = strconv.AppendInt(out, int64(num+k*1_000_000), 10)
			out = append(out, line[c1:prev+1]...)
			if len(cust) > 0 {
				id, err := strconv.Atoi(string(cust))
				if err != nil {
					b.Fatal(fmt.Errorf("online_retail: customer %q: %w", cust, err))
				}
				out = strconv.AppendInt(out, int64(id+k*100_000), 10)
			}
			out = append(out, line[last:]...)
			out = append(out, '\n')
		}
	}
	return out
}
