package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// kpiLabels are the KPIs' names as the text report words them.
var kpiLabels = map[string]string{
	"customers":               "Customers",
	"orders":                  "Orders",
	"revenue":                 "Revenue",
	"refunds":                 "Refunds",
	"net_revenue":             "Net revenue",
	"aov":                     "Average order value",
	"repeat_rate":             "Repeat purchase rate",
	"purchase_frequency":      "Purchase frequency",
	"mean_days_between":       "Days between orders, mean",
	"median_days_between":     "Days between orders, median",
	"returning_revenue_share": "Revenue from returning customers",
	"historical_clv":          "Historical CLV",
	"repeat_vs_one_time":      "Repeat vs one-time customer",
	"retention":               "Retention",
	"churn":                   "Churn",
	"crr":                     "CRR",
}

// MovesShown is how many of the largest moves the text names.
const MovesShown = 10

// WriteComparisonText writes a comparison as a readable summary for a
// terminal, escaped as WriteText escapes.
func WriteComparisonText(w io.Writer, c *Comparison) error {
	p := &printer{w: escaper{w}}
	for _, s := range []struct {
		label string
		side  CompareSide
	}{{"A", c.A}, {"B", c.B}} {
		src := s.side.File
		if s.side.Sheet != "" {
			src += ", sheet " + strconv.Quote(s.side.Sheet)
		}
		p.f("%s: %s (%s): %d customers, orders from %s to %s, reference date %s", s.label, src, s.side.Format,
			s.side.Customers, s.side.FirstOrder, s.side.LastOrder, s.side.AsOf)
		if s.side.Currency != "" {
			p.f(", in %s", s.side.Currency)
		}
		p.f(".\n")
	}
	if c.A.From != "" || c.A.To != "" {
		p.f("Range of both: %s to %s.\n", c.A.From, c.A.To)
	}
	cur := c.B.Currency
	if c.A.Currency != c.B.Currency {
		p.f("A and B are in different currencies (%s, %s): the changes of money compare unlike amounts.\n", orDash(c.A.Currency), orDash(c.B.Currency))
		cur = ""
	}

	p.h("KPIs (change = B - A; a rate's change in points)")
	writeKPIs(p, c.KPIs, "A", "B", cur)

	p.h("Retention and churn per period")
	tw := p.table()
	fmt.Fprintln(tw, "  period\tS A\tretention A\tchurn A\tS B\tretention B\tchurn B\tretention change\tchurn change\t")
	for _, pp := range c.Periods {
		cells := []string{"  " + pp.Period}
		for _, side := range []*Period{pp.A, pp.B} {
			if side == nil {
				cells = append(cells, "-", "-", "-")
				continue
			}
			mark := ""
			if !side.Complete {
				mark = " (partial)"
			}
			cells = append(cells, strconv.Itoa(side.S), pctp(side.Retention)+mark, pctp(side.Churn))
		}
		cells = append(cells, points(pp.RetentionDelta), points(pp.ChurnDelta))
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	tw.Flush()

	writeMovement(p, &c.Movement, movementWords{row: "(not in A)", col: "(not in B)", onlyA: "only in A", onlyB: "only in B"})
	return p.err
}

// WriteMovementText writes the customers' moves between RFM segments from
// one date to another.
func WriteMovementText(w io.Writer, m *Movement) error {
	p := &printer{w: escaper{w}}
	writeMovement(p, m, sinceWords(m))
	return p.err
}

// writePrevious writes the report's figures beside the previous range's.
func writePrevious(p *printer, d *Document, money string) {
	pr := d.Previous
	p.h(fmt.Sprintf("Against the previous %d days (%s to %s, reference date %s; change = this range - previous; a rate's change in points)",
		pr.Days, pr.From, pr.To, pr.AsOf))
	if !pr.Covered {
		p.f("  The orders start after %s: the previous range holds only part of what happened in it.\n", pr.From)
	}
	writeKPIs(p, pr.KPIs, "previous", "this range", money)
	if d.Movement != nil {
		writeMovement(p, d.Movement, sinceWords(d.Movement))
	}
}

func writeKPIs(p *printer, ks []KPIChange, a, b, cur string) {
	tw := p.table()
	fmt.Fprintf(tw, "  \t%s\t%s\tchange\tchange %%\t\n", a, b)
	for _, k := range ks {
		label := kpiLabels[k.Name]
		if label == "" {
			label = k.Name
		}
		if k.APeriod != "" || k.BPeriod != "" {
			label += fmt.Sprintf(" (%s, %s)", orDash(k.APeriod), orDash(k.BPeriod))
		}
		rel := "-"
		if k.Relative != nil {
			rel = signed(strconv.FormatFloat(*k.Relative*100, 'f', 1, 64)) + "%"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t\n", label, kpiValue(k.Unit, k.A, cur, false), kpiValue(k.Unit, k.B, cur, false),
			kpiValue(k.Unit, k.Delta, cur, true), rel)
	}
	tw.Flush()
}

// kpiValue writes a KPI's value, or its change with a sign.
func kpiValue(unit string, v *float64, cur string, change bool) string {
	if v == nil {
		return "-"
	}
	var s string
	switch unit {
	case "count":
		s = strconv.FormatFloat(*v, 'f', 0, 64)
	case "money":
		s = formatMoney(*v, cur)
	case "ratio":
		if change {
			return points(v)
		}
		s = pct(*v)
	case "days":
		s = strconv.FormatFloat(*v, 'f', 1, 64)
	default:
		s = strconv.FormatFloat(*v, 'f', 2, 64)
	}
	if change {
		return signed(s)
	}
	return s
}

// points writes a change of a rate in percentage points.
func points(v *float64) string {
	if v == nil {
		return "-"
	}
	return signed(strconv.FormatFloat(*v*100, 'f', 1, 64)) + " pts"
}

func signed(s string) string {
	if strings.HasPrefix(s, "-") || strings.Trim(s, "0.,") == "" {
		return s
	}
	return "+" + s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// movementWords word the customers of one side only: the absent row and
// column, and the summary's words for them.
type movementWords struct{ row, col, onlyA, onlyB string }

// sinceWords are the words of a movement between two dates of one file:
// the customers only in B are new since A's date.
func sinceWords(m *Movement) movementWords {
	return movementWords{row: "(new since " + m.AAsOf + ")", col: "(no order before " + m.BAsOf + ")",
		onlyA: "with no order before " + m.BAsOf, onlyB: "new since " + m.AAsOf}
}

// writeMovement writes the movement matrix, its rows and columns numbered,
// and the largest moves.
func writeMovement(p *printer, m *Movement, w movementWords) {
	p.h(fmt.Sprintf("Segment movement (RFM as of %s, rows, to RFM as of %s, columns)", m.AAsOf, m.BAsOf))
	p.f("  %d customers in both: %d in the same segment, %d moved; %d %s, %d %s.\n",
		m.Both, m.Stayed, m.Moved, m.OnlyA, w.onlyA, m.OnlyB, w.onlyB)
	name := func(s string, absent string) string {
		if s == MovementAbsent {
			return absent
		}
		return s
	}
	tw := p.table()
	hdr := []string{"  "}
	for j := range m.Segments {
		hdr = append(hdr, strconv.Itoa(j+1))
	}
	fmt.Fprintln(tw, strings.Join(hdr, "\t")+"\t")
	for i, s := range m.Segments {
		cells := []string{fmt.Sprintf("  %d %s", i+1, name(s, w.row))}
		for _, n := range m.Counts[i] {
			cells = append(cells, strconv.Itoa(n))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	tw.Flush()
	if len(m.Segments) > 0 {
		p.f("  Columns: the same segments as the rows; %d is %s.\n", len(m.Segments), w.col)
	}
	if len(m.Moves) == 0 {
		return
	}
	p.f("  The largest moves:\n")
	tw = p.table()
	for i, mv := range m.Moves {
		if i == MovesShown {
			break
		}
		fmt.Fprintf(tw, "    %s -> %s\t%d\t%s of %s\t\n", name(mv.From, w.row), name(mv.To, w.col), mv.Customers, pct(mv.Share), name(mv.From, w.row))
	}
	tw.Flush()
}
