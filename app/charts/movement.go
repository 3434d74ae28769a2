package charts

import (
	"encoding/json"

	"retention/app/report"
)

// IDMovement is the chart of the customers' moves between RFM segments.
const IDMovement = "movement"

// MovementLabels is the text of the movement chart, for the caller to
// translate.
type MovementLabels struct {
	Title string
	// SegmentNames translates segment names; a name missing from it is
	// shown as it is.
	SegmentNames map[string]string
	// NotInA names report.MovementAbsent on the left (customers not yet
	// customers on the first day), NotInB on the right.
	NotInA, NotInB string
}

// sameRight follows a segment's name on the right side: ECharts' Sankey
// needs distinct node names, and the same segment is a node on each side.
// A zero-width space shows nothing.
const sameRight = "\u200b"

// Movement is a Sankey chart of m: a node per segment on each side (the
// segment as of m.AAsOf on the left, as of m.BAsOf on the right), a link
// per cell of m.Counts with customers, as wide as their number. Segments
// with no customer on a side have no node there. It is a plain ECharts
// option (series type "sankey"), built without go-echarts.
func Movement(m *report.Movement, l MovementLabels) Chart {
	name := func(s string, right bool) string {
		switch {
		case s == report.MovementAbsent && right:
			return l.NotInB
		case s == report.MovementAbsent:
			return l.NotInA
		}
		if t, ok := l.SegmentNames[s]; ok && t != "" {
			s = t
		}
		if right {
			s += sameRight
		}
		return s
	}
	type node struct {
		Name  string `json:"name"`
		Depth int    `json:"depth"`
	}
	type link struct {
		Source string `json:"source"`
		Target string `json:"target"`
		Value  int    `json:"value"`
	}
	var nodes []node
	var links []link
	rowSum, colSum := make([]int, len(m.Segments)), make([]int, len(m.Segments))
	for i, row := range m.Counts {
		for j, n := range row {
			if n > 0 {
				rowSum[i] += n
				colSum[j] += n
				links = append(links, link{name(m.Segments[i], false), name(m.Segments[j], true), n})
			}
		}
	}
	for i, s := range m.Segments {
		if rowSum[i] > 0 {
			nodes = append(nodes, node{name(s, false), 0})
		}
	}
	for j, s := range m.Segments {
		if colSum[j] > 0 {
			nodes = append(nodes, node{name(s, true), 1})
		}
	}
	opt := map[string]any{
		"title":   map[string]any{"text": l.Title, "left": "center", "textStyle": map[string]any{"fontSize": 14}},
		"tooltip": map[string]any{"trigger": "item", "confine": true},
		"series": []any{map[string]any{
			"type": "sankey", "top": 40, "bottom": 10, "left": 10, "right": 110,
			"nodeAlign": "justify", "layoutIterations": 32, "draggable": false,
			"emphasis":    map[string]any{"focus": "adjacency"},
			"lineStyle":   map[string]any{"color": "gradient", "opacity": 0.4, "curveness": 0.5},
			"label":       map[string]any{"fontSize": 12, "overflow": "break", "width": 100, "lineHeight": 14},
			"labelLayout": map[string]any{"hideOverlap": true},
			"data":        nodes, "links": links,
		}},
	}
	b, _ := json.Marshal(opt)
	return Chart{ID: IDMovement, Title: l.Title, Option: fixed(b)}
}
