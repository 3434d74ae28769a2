package sheet

import (
	"testing"

	"retention/app/limits/craft"
)

// TestWorkbookProgress checks that a workbook's read reports the bytes
// of its sheet's XML out of their total, so that the page can show a
// share and the time left, ending at the whole sheet.
func TestWorkbookProgress(t *testing.T) {
	data := craft.Workbook(craft.SheetRows(30000), nil) // about 3 MiB of sheet XML
	var done, total []int64
	tb, err := Read("o.xlsx", data, Options{Progress: func(d, t int64) { done, total = append(done, d), append(total, t) }})
	if err != nil {
		t.Fatal(err)
	}
	if tb.Len() < 30000 || len(done) < 3 {
		t.Fatalf("%d rows, %d reports", tb.Len(), len(done))
	}
	last := len(done) - 1
	for i := range done {
		if total[i] != total[last] || total[i] <= 0 || done[i] > total[i] || (i > 0 && done[i] < done[i-1]) {
			t.Fatalf("report %d: %d of %d (the last: %d of %d)", i, done[i], total[i], done[last], total[last])
		}
	}
	if done[last] != total[last] {
		t.Errorf("the last report: %d of %d", done[last], total[last])
	}
}
