package ingest

import (
	"testing"
	"time"

	"retention/app/realdata"
	"retention/app/sheet"
)

func TestEncTmp(t *testing.T) {
	data := realdata.Gunzipped(t, "online_retail.csv.gz")
	tb, _ := sheet.Read("online_retail.csv", data, sheet.Options{})
	head, tail, lines := cut(tb, tb.Len()/2)
	var times []time.Duration
	Trace = func(s string) { t.Log(time.Now().Format("05.000"), s) }
	defer func() { Trace = nil }()
	_, err := FromParts(head, lines, linkTo(NewTail(tail)), Options{})
	t.Log(err, times)
}
