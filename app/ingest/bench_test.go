package ingest

import (
	"testing"

	"retention/app/realdata"
	"retention/app/sheet"
)

// BenchmarkOrdersOnlineRetail times FromTable on Online Retail's CSV, read
// once: finding the columns' roles and formats and building the orders
// (the "orders" stage of a load), without reading the file.
func BenchmarkOrdersOnlineRetail(b *testing.B) {
	data := realdata.Gunzipped(b, "online_retail.csv.gz")
	t, err := sheet.Read("online_retail.csv", data, sheet.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		res, err := FromTable(t, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if n := len(res.Dataset.Customers); n != 4339 {
			b.Fatalf("%d customers, want 4339", n)
		}
	}
}
