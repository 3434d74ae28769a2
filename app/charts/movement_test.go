package charts

import (
	"encoding/json"
	"testing"

	"retention/app/report"
)

func TestMovementChart(t *testing.T) {
	m := &report.Movement{
		Segments: []string{"Champions", "At Risk", report.MovementAbsent},
		Counts: [][]int{
			{5, 2, 0},
			{1, 3, 0},
			{4, 0, 0},
		},
	}
	c := Movement(m, MovementLabels{Title: "Moves", SegmentNames: map[string]string{"Champions": "Champions DE"}, NotInA: "New", NotInB: "Gone"})
	var opt struct {
		Series []struct {
			Type string `json:"type"`
			Data []struct {
				Name  string `json:"name"`
				Depth int    `json:"depth"`
			} `json:"data"`
			Links []struct {
				Source, Target string
				Value          int
			} `json:"links"`
		} `json:"series"`
	}
	if err := json.Unmarshal(c.Option(), &opt); err != nil {
		t.Fatal(err)
	}
	s := opt.Series[0]
	if s.Type != "sankey" || c.ID != IDMovement {
		t.Fatalf("series %q, id %q", s.Type, c.ID)
	}
	// Left: the three rows with customers; right: the two columns with
	// customers ("Gone" has none).
	want := []string{"Champions DE", "At Risk", "New", "Champions DE" + sameRight, "At Risk" + sameRight}
	if len(s.Data) != len(want) {
		t.Fatalf("nodes %+v", s.Data)
	}
	for i, n := range s.Data {
		if n.Name != want[i] || n.Depth != map[bool]int{true: 0, false: 1}[i < 3] {
			t.Errorf("node %d = %+v, want %q", i, n, want[i])
		}
	}
	// A link per cell with customers, summing to all customers.
	total := 0
	for _, l := range s.Links {
		total += l.Value
	}
	if len(s.Links) != 5 || total != 15 || s.Links[0].Source != "Champions DE" || s.Links[0].Target != "Champions DE"+sameRight {
		t.Errorf("links %+v", s.Links)
	}
}
