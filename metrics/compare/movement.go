package compare

import (
	"sort"

	"retention/metrics"
)

// Absent is the segment of a customer on the side that does not know them:
// the row of customers only in B (new in B, or not in A's file) and the
// column of customers only in A.
const Absent = "none"

// Movement counts customers by their RFM segment in A and in B, customers
// being the same when their customer key is (the customer id, else the
// e-mail, as each file tells customers apart).
//
//	Counts[i][j]  customers in Segments[i] in A and Segments[j] in B
//	Both          customers in A and in B = Stayed + Moved
//	Stayed        of them, in the same segment on both sides (the diagonal)
//	OnlyA         customers in A only: the column Absent
//	OnlyB         customers in B only: the row Absent
type Movement struct {
	// Segments are the rows (A) and the columns (B): every standard
	// segment in metrics.SegmentOrder, then any other segment named on
	// either side, by name, then Absent. Their number does not depend on
	// the data, so two movements line up.
	Segments []string
	Counts   [][]int

	Both, Stayed, Moved, OnlyA, OnlyB int

	// Moves are the cells off the diagonal with customers, the most
	// customers first (then in the order of Segments, row then column).
	Moves []Move
}

// Move is the customers who went from one segment in A to another in B.
// Share is Customers over all customers of From in A (the row's total).
type Move struct {
	From, To  string
	Customers int
	Share     float64
}

// Segments returns each customer's segment: customer key → segment name.
// r must be the RFM analysis of d.
func Segments(d *metrics.Dataset, r metrics.RFMResult) map[string]string {
	out := make(map[string]string, len(r.Customers))
	for _, c := range r.Customers {
		out[d.Customers[c.Index].ID] = c.Segment
	}
	return out
}

// Moves counts the customers of a (key → segment in A) and b (key →
// segment in B) by where they were and where they are.
func Moves(a, b map[string]string) Movement {
	var m Movement
	m.Segments = labels(a, b)
	at := make(map[string]int, len(m.Segments))
	for i, s := range m.Segments {
		at[s] = i
	}
	n := len(m.Segments)
	m.Counts = make([][]int, n)
	for i := range m.Counts {
		m.Counts[i] = make([]int, n)
	}
	none := at[Absent]
	for k, sa := range a {
		sb, ok := b[k]
		switch {
		case !ok:
			m.OnlyA++
			m.Counts[at[sa]][none]++
		case sa == sb:
			m.Both++
			m.Stayed++
			m.Counts[at[sa]][at[sb]]++
		default:
			m.Both++
			m.Moved++
			m.Counts[at[sa]][at[sb]]++
		}
	}
	for k, sb := range b {
		if _, ok := a[k]; !ok {
			m.OnlyB++
			m.Counts[none][at[sb]]++
		}
	}
	for i, row := range m.Counts {
		total := 0
		for _, c := range row {
			total += c
		}
		for j, c := range row {
			if i != j && c > 0 {
				m.Moves = append(m.Moves, Move{From: m.Segments[i], To: m.Segments[j], Customers: c,
					Share: float64(c) / float64(total)})
			}
		}
	}
	sort.SliceStable(m.Moves, func(i, j int) bool { return m.Moves[i].Customers > m.Moves[j].Customers })
	return m
}

// labels lists the standard segments, then the others of a and b by name,
// then Absent.
func labels(a, b map[string]string) []string {
	out := append([]string(nil), metrics.SegmentOrder...)
	known := map[string]bool{Absent: true}
	for _, s := range out {
		known[s] = true
	}
	var other []string
	for _, side := range []map[string]string{a, b} {
		for _, s := range side {
			if !known[s] {
				known[s] = true
				other = append(other, s)
			}
		}
	}
	sort.Strings(other)
	return append(append(out, other...), Absent)
}
