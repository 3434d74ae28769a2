package worker

import (
	"bytes"
	"reflect"
	"testing"

	"retention/app/limits"
	"retention/app/limits/craft"
	"retention/app/realdata"
	"retention/app/report"
	"retention/app/sheet"
)

// browserParts inflates the entries sheet.Entries lists for the browser's
// engine as web/worker.js has the browser inflate them (craft.Inflate).
func browserParts(t *testing.T, data []byte, set report.Settings) sheet.Parts {
	t.Helper()
	parts := sheet.Parts{}
	for _, e := range sheet.Entries(data, sheet.Options{Sheet: set.Sheet, Limits: limits.Browser}) {
		if b, ok := craft.Inflate(data, e.Offset, e.Compressed, e.Size, e.CRC32); ok {
			parts[e.Offset] = bytes.NewReader(b)
		}
	}
	if len(parts) == 0 {
		t.Fatal("no parts inflated")
	}
	return parts
}

// TestLoadParts checks that a workbook whose sheet and shared strings the
// browser inflated (Settings.Parts) gives the report of the workbook
// read from its zip alone, that the parts are read (each deleted), and
// that reading it again with another reading setting, from the zip, gives
// the report the zip gives.
func TestLoadParts(t *testing.T) {
	if testing.Short() {
		t.Skip("reads Online Retail four times")
	}
	data := realdata.Read(t, "online_retail.xlsx")
	set := report.Settings{TZ: "UTC", AsOf: "2011-12-10"}
	var plain, inflated Session
	want, err := plain.Load("online_retail.xlsx", data, set, nil)
	if err != nil {
		t.Fatal(err)
	}
	withParts := set
	withParts.Parts = browserParts(t, data, set)
	got, err := inflated.Load("online_retail.xlsx", data, withParts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the report from parts differs from the zip's")
	}
	if len(withParts.Parts) != 0 {
		t.Errorf("%d parts not read", len(withParts.Parts))
	}
	sameReadAgain(t, &plain, &inflated, set, "the zip's")
}

// sameReadAgain checks that the file of other, read again with another
// reading setting (a time zone), gives the report plain's file gives so;
// whose names plain's for the message.
func sameReadAgain(t *testing.T, plain, other *Session, set report.Settings, whose string) {
	t.Helper()
	set.TZ = "Europe/Berlin"
	want, err := plain.Apply(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := other.Apply(set, nil)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("read again: %v, the report differs from %s: %v", err, whose, !reflect.DeepEqual(got, want))
	}
}

// TestCompareParts checks that a comparison of two workbooks sent with
// their parts is the comparison of the workbooks read from their zips.
func TestCompareParts(t *testing.T) {
	a := craft.SerialDates(3000)
	b := craft.SerialDates(4000)
	set := report.Settings{TZ: "UTC", AsOf: "2025-01-01"}
	var plain, inflated Comparer
	if err := plain.A("a.xlsx", a, false, set, nil); err != nil {
		t.Fatal(err)
	}
	want, err := plain.B("b.xlsx", b, false, set, nil)
	if err != nil {
		t.Fatal(err)
	}
	setA, setB := set, set
	setA.Parts, setB.Parts = browserParts(t, a, set), browserParts(t, b, set)
	if err := inflated.A("a.xlsx", a, false, setA, nil); err != nil {
		t.Fatal(err)
	}
	got, err := inflated.B("b.xlsx", b, false, setB, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the comparison from parts differs from the zips'")
	}
	if len(setA.Parts)+len(setB.Parts) != 0 {
		t.Errorf("%d and %d parts not read", len(setA.Parts), len(setB.Parts))
	}
}

// TestEntries checks which requests' files the browser may inflate parts
// of: a load's and a comparison side's, with the request's sheet; not a
// survey's.
func TestEntries(t *testing.T) {
	data := craft.Workbook(craft.SheetRows(100), craft.SharedStrings(20, 8))
	tests := []struct {
		req  report.Request
		want int
	}{
		{report.Request{Type: report.MsgLoad}, 2},
		{report.Request{Type: report.MsgCompare, Side: report.CompareB}, 2},
		{report.Request{Type: report.MsgLoad, Settings: report.Settings{Sheet: "Returns"}}, 1},
		{report.Request{Type: report.MsgSurvey}, 0},
	}
	for _, tc := range tests {
		if got := Entries(tc.req, data); len(got) != tc.want {
			t.Errorf("%s %+v: %d entries, want %d", tc.req.Type, tc.req.Settings.Sheet, len(got), tc.want)
		}
	}
}
