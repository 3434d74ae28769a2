package worker

import (
	"errors"
	"reflect"
	"testing"

	"retention/app/engine"
	"retention/app/report"
)

// shopLater is shop three months on, its columns named otherwise: a and c
// ordered again, d is new.
const shopLater = `Bestellung,Kunde,Datum,Summe
5,a,2025-05-02,15
6,c,2025-05-20,25
7,d,2025-06-01,35
8,a,2025-06-15,45
`

// TestComparer: the page's comparison is the command's (engine.Compare on
// the same files and settings), each file read with its own columns; B
// without A, and a file that needs the user's word, are errors.
func TestComparer(t *testing.T) {
	var c Comparer
	if _, err := c.B("b.csv", []byte(shop), false, report.Settings{}, nil); err == nil {
		t.Error("B without A: no error")
	}
	aSet := report.Settings{Map: map[string]string{"total": "Total"}}
	bSet := report.Settings{Grain: "quarter"}
	if err := c.A("a.csv", []byte(shop), false, aSet, nil); err != nil {
		t.Fatal(err)
	}
	got, err := c.B("b.csv", []byte(shopLater), false, bSet, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := engine.Load("a.csv", []byte(shop), engineSettings(aSet))
	if err != nil {
		t.Fatal(err)
	}
	b, err := engine.Load("b.csv", []byte(shopLater), engineSettings(bSet))
	if err != nil {
		t.Fatal(err)
	}
	want, err := engine.Compare(a, b, engineSettings(bSet))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("comparison\n%+v\nwant\n%+v", got, want)
	}
	// 10 + 20 + 30 + 40 in A, 15 + 25 + 35 + 45 in B; a and c in both.
	if k := got.KPIs[2]; k.Name != "revenue" || *k.A != 100 || *k.B != 120 || *k.Delta != 20 {
		t.Errorf("revenue %+v", k)
	}
	if got.Movement.Both != 2 || got.Movement.OnlyA != 1 || got.Movement.OnlyB != 1 {
		t.Errorf("movement both %d only A %d only B %d, want 2, 1, 1", got.Movement.Both, got.Movement.OnlyA, got.Movement.OnlyB)
	}
	if _, err := c.B("b.csv", []byte(shopLater), false, bSet, nil); err == nil {
		t.Error("a second B without its A: no error")
	}
	err = c.A("x.csv", []byte("Order,Date,Total\n1,2025-01-05,10\n"), false, report.Settings{}, nil)
	var p *ProblemError
	if !errors.As(err, &p) {
		t.Errorf("a file without customers: %v, want a ProblemError", err)
	}
}
