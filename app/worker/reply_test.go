package worker

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"retention/app/limits"
	"retention/app/limits/craft"
	"retention/app/report"
)

// TestFailure: a failed request's reply carries the English words, and
// the problem or the bound typed for the page to word.
func TestFailure(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		problem    bool
		limit      limits.Code
	}{
		{"unreadable", "x.pdf", []byte("%PDF-1.4 ..."), false, ""},
		{"needs the user's word", "no-customer.csv", []byte("Order,Date,Total\n1,2025-01-05,10\n2,2025-02-05,20\n"), true, ""},
		{"past a bound", "bomb.csv.gz", craft.Gzip(craft.GzipZeros(64 << 20)), false, limits.Nested},
	}
	for _, tc := range tests {
		var s Session
		_, err := s.Load(tc.file, tc.data, report.Settings{}, nil)
		if err == nil {
			t.Fatalf("%s: no error", tc.name)
		}
		req := report.Request{Type: report.MsgLoad, ID: 7, Name: tc.file}
		r := Failure(req, err)
		if r.Type != report.MsgError || r.ID != 7 || r.Message != err.Error() {
			t.Errorf("%s: reply %+v", tc.name, r)
		}
		if (r.Problem != nil) != tc.problem {
			t.Errorf("%s: problem %+v, want one: %v", tc.name, r.Problem, tc.problem)
		}
		var got limits.Code
		if r.Limit != nil {
			got = r.Limit.Code
		}
		if got != tc.limit {
			t.Errorf("%s: limit %q, want %q", tc.name, got, tc.limit)
		}
	}
	if r := Failure(report.Request{ID: 3}, errors.New("no file is loaded")); r.Problem != nil || r.Limit != nil || r.Message != "no file is loaded" {
		t.Errorf("plain error: %+v", r)
	}
}

// TestReplyRoundTrip: the report travels as a value, and comes back
// equal.
func TestReplyRoundTrip(t *testing.T) {
	var s Session
	doc, err := s.Load("shop.csv", []byte(shop), report.Settings{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := report.Reply{Type: report.MsgReport, ID: 2, Report: ForPage(doc)}
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var got report.Reply
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	// Compare as JSON: nil and empty slices read back alike.
	a, _ := json.Marshal(got)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("round trip:\n%s\nwant\n%s", a, b)
	}
	var raw map[string]json.RawMessage
	json.Unmarshal(b, &raw)
	if r := raw["report"]; len(r) == 0 || r[0] != '{' {
		t.Errorf("the report travels as %.20s…, want an object", r)
	}
}
