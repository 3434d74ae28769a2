package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// WriteText writes the report as a readable summary for a terminal.
// Control characters from the file (escape sequences, carriage returns)
// are written escaped, so a name in the file cannot drive the terminal.
func WriteText(w io.Writer, d *Document) error {
	p := &printer{w: escaper{w}}
	cur := d.Currency
	money := func(v float64) string { return formatMoney(v, cur) }

	src := d.File
	if d.Sheet != "" {
		src += ", sheet " + strconv.Quote(d.Sheet)
	}
	p.f("Retention report: %s (%s)\n", src, d.Format)
	p.f("Orders from %s to %s; periods by %s; reference date %s; time zone %s.\n", d.FirstOrder, d.LastOrder, d.Grain, d.AsOf, d.TimeZone)
	if d.From != "" || d.To != "" {
		p.f("Range: %s to %s.\n", d.From, d.To)
	}
	p.f("%s\n", currencyLine(d))

	p.h("Columns")
	tw := p.table()
	for _, m := range d.Mapping {
		if m.Column < 0 {
			continue
		}
		fmt.Fprintf(tw, "  %s\t%q\t%.0f%%\t%s\n", m.Role, m.Header, m.Confidence*100, m.Why)
	}
	tw.Flush()
	in := d.Ingest
	p.f("  Dates read as %s; numbers with %s; order totals from %s.\n", in.DateText, in.NumberText, in.TotalFrom)

	p.h("Data quality")
	p.f("  %d rows: %d in orders, %d in refunds, %d in cancelled orders, %d skipped.\n",
		in.Rows, in.OrderRows, in.RefundRows, in.CancelledRows, in.SkippedRows)
	for _, s := range d.Skipped {
		col := ""
		if s.Column != "" {
			col = fmt.Sprintf(" (column %q)", s.Column)
		}
		p.f("  skipped %d rows: %s%s; first rows %s", s.Rows, s.Reason, col, joinInts(s.Examples))
		if len(s.Values) > 0 {
			p.f("; values %s", quoteAll(s.Values))
		}
		p.f("\n")
	}
	for _, n := range d.NoteText {
		p.f("  %s\n", n)
	}

	p.h("Overall")
	tw = p.table()
	row := func(name, value string) { fmt.Fprintf(tw, "  %s\t%s\n", name, value) }
	row("Customers", strconv.Itoa(d.Customers))
	row("Orders", strconv.Itoa(d.Orders))
	row("Revenue", money(d.Revenue))
	row("Refunds", fmt.Sprintf("%s (%d)", money(d.Refunds), d.RefundCount))
	row("Net revenue", money(d.NetRevenue))
	row("Average order value", money(d.AOV))
	row("Repeat purchase rate", pct(d.RepeatRate))
	row("Purchase frequency", fmt.Sprintf("%.2f orders per customer", d.PurchaseFrequency))
	row("Days between orders", fmt.Sprintf("mean %.1f, median %.1f", d.MeanDaysBetween, d.MedianDaysBetween))
	row("Revenue from returning customers", pct(d.ReturningRevenueShare))
	row("Historical CLV", money(d.HistoricalCLV)+" net revenue per customer")
	if d.RepeatVsOneTime > 0 {
		row("Repeat vs one-time customer", fmt.Sprintf("%.1fx the revenue", d.RepeatVsOneTime))
	} else {
		row("Repeat vs one-time customer", "- (needs customers of both kinds)")
	}
	row("Active window", windowText(d.ActiveWindowDays))
	if d.LastFull >= 0 && d.LastFull < len(d.Periods) {
		lp := d.Periods[d.LastFull]
		row("Retention, "+lp.Period, fmt.Sprintf("%s = %d retained / S %d", pctp(lp.Retention), lp.Retained, lp.S))
		row("Churn, "+lp.Period, fmt.Sprintf("%s = %d lost / S %d", pctp(lp.Churn), lp.Lost, lp.S))
		row("CRR, "+lp.Period, fmt.Sprintf("%s = (E %d - N %d) / S %d = retention %s + %d reactivated / S %d (%s)",
			pctp(lp.CRR), lp.E, lp.New, lp.S, pctp(lp.Retention), lp.Reactivated, lp.S, pct(float64(lp.Reactivated)/float64(lp.S))))
	}
	row("Benchmark", benchmarkText(d.Benchmark))
	tw.Flush()

	p.h("Periods")
	tw = p.table()
	fmt.Fprintln(tw, "  period\tS\tE\tN\tretained\treactivated\tlost\tretention\tchurn\tCRR\torders\trevenue\tAOV\t")
	for _, pe := range d.Periods {
		mark := ""
		if !pe.Complete {
			mark = " (partial)"
		}
		fmt.Fprintf(tw, "  %s%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%d\t%s\t%s\t\n", pe.Period, mark, pe.S, pe.E, pe.New,
			pe.Retained, pe.Reactivated, pe.Lost, pctp(pe.Retention), pctp(pe.Churn), pctp(pe.CRR), pe.Orders, money(pe.Revenue), money(pe.AOV))
	}
	tw.Flush()

	p.h("Cohorts (share of each cohort ordering k periods after its first)")
	tw = p.table()
	maxK := 0
	for _, c := range d.Cohorts {
		if len(c.Retention) > maxK {
			maxK = len(c.Retention)
		}
	}
	if maxK > 13 {
		maxK = 13
	}
	hdr := []string{"  cohort", "size"}
	for k := 0; k < maxK; k++ {
		hdr = append(hdr, "+"+strconv.Itoa(k))
	}
	fmt.Fprintln(tw, strings.Join(hdr, "\t")+"\t")
	for _, c := range d.Cohorts {
		cells := []string{"  " + c.Cohort, strconv.Itoa(c.Size)}
		for k := 0; k < maxK && k < len(c.Retention); k++ {
			cells = append(cells, fmt.Sprintf("%.0f%%", c.Retention[k]*100))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	tw.Flush()

	p.h("RFM segments")
	tw = p.table()
	fmt.Fprintln(tw, "  segment\tcustomers\tshare\trevenue\tshare\tAOV\t")
	for _, s := range d.Segments {
		fmt.Fprintf(tw, "  %s\t%d\t%s\t%s\t%s\t%s\t\n", s.Name, s.Customers, pct(s.CustomerShare), money(s.Revenue), pct(s.RevenueShare), money(s.AOV))
	}
	tw.Flush()

	p.h("Lists")
	p.f("  VIPs (top %s by revenue): %d customers bring %s of net revenue (%s).\n", pct(d.VIPs.Share), d.VIPs.Customers, pct(d.VIPs.RevenueShare), money(d.VIPs.Revenue))
	p.f("  Lapsed regulars (%d+ orders, none in %d days): %d customers, %s net revenue to win back.\n", d.Lapsed.MinOrders, d.Lapsed.Days, d.Lapsed.Customers, money(d.Lapsed.Revenue))
	p.f("  Seasonal buyers for %s to %s (ordered %s to %s): %d customers, %d orders, %s; %d of them have ordered since.\n",
		d.Seasonal.From, d.Seasonal.To, d.Seasonal.LastFrom, d.Seasonal.LastTo, d.Seasonal.Customers, d.Seasonal.Orders, money(d.Seasonal.Revenue), d.Seasonal.OrderedSince)
	p.f("  Revenue concentration: top 1%% of customers bring %s, top 10%% %s, top 20%% %s.\n", pct(d.Pareto.Top1), pct(d.Pareto.Top10), pct(d.Pareto.Top20))
	if len(d.Interest) > 0 {
		p.f("  Interest (share of customers who bought):\n")
		for i, it := range d.Interest {
			if i == 10 {
				p.f("    ... and %d more\n", len(d.Interest)-10)
				break
			}
			p.f("    %-30s %6s  %5d customers  %s\n", it.Name, pct(it.CustomerShare), it.Customers, money(it.Revenue))
		}
	}
	if f := d.Forecast; f != nil {
		writeForecast(p, f, money)
	}
	if d.Previous != nil {
		writePrevious(p, d, cur)
	}
	return p.err
}

func writeForecast(p *printer, f *Forecast, money func(float64) string) {
	p.h(fmt.Sprintf("Predictions (BG/NBD and Gamma-Gamma on the orders to %s, in %ss; the next %d months)", f.Until, f.Unit, f.Horizon))
	for _, e := range f.ErrorText {
		p.f("  Not predicted: %s\n", e)
	}
	for _, n := range f.NoteText {
		p.f("  Note: %s\n", n)
	}
	if b := f.BGNBD; b != nil {
		if b.NoDropout {
			p.f("  Purchase model: no drop-out seen (NBD), r %.4f, alpha %.4f.\n", b.R, b.Alpha)
		} else {
			p.f("  Purchase model: r %.4f, alpha %.4f, a %.4f, b %.4f.\n", b.R, b.Alpha, b.A, b.B)
		}
		p.f("  Expected purchases of today's customers: %.0f.\n", f.ExpectedPurchases)
	}
	if f.CLV != nil {
		p.f("  Predicted value of today's customers: %s (discounted %s a month).\n", money(*f.CLV), pct(f.Discount))
	}
	if f.BGNBD != nil && !f.BGNBD.NoDropout {
		p.f("  Slipping away (top %s by revenue, P(alive) under %s): %d customers who brought %s.\n", pct(0.2), pct(f.Slipping.MaxPAlive), f.Slipping.Customers, money(f.Slipping.Revenue))
	}
	if v := f.Validation; v.Holdout != nil {
		p.f("  Check: fitted to %s, the models expected %.0f purchases to %s; there were %d (error %s).\n", v.Until, v.Holdout.Predicted, v.End, v.Holdout.Actual, pct(v.Holdout.Error))
	} else if v.ErrorText != "" {
		p.f("  No check: %s\n", v.ErrorText)
	}
}

// windowText words the active window.
func windowText(days int) string {
	if days == 0 {
		return "one period (the customer base at a period's start is the previous period's customers)"
	}
	return fmt.Sprintf("%d days (the customer base at an instant is who ordered in the %d days before it, or in the period that ends there if longer)", days, days)
}

// benchmarkText words the benchmark beside the shop's yearly retention,
// or why it is not shown.
func benchmarkText(b Benchmark) string {
	switch {
	case b.YearlyRetention != nil && b.Diff != nil:
		return fmt.Sprintf("yearly retention %s (%d of the %d customers of the year from %s ordered again in the year to %s) against %s for %s: %+.1f points. Source: %s.",
			pct(*b.YearlyRetention), b.Retained, b.Customers, b.From, b.To, pct(b.Value), b.Name, *b.Diff*100, b.Source)
	case b.Missing == BenchmarkNoCustomers:
		return fmt.Sprintf("not shown: it is a yearly figure, and nobody ordered in the year from %s, so there is no yearly retention to compare with.", b.From)
	}
	return fmt.Sprintf("not shown: it is a yearly figure, compared with the yearly retention, which needs the orders of the two years from %s to %s; these orders start later.", b.From, b.To)
}

// escaper writes text with its control characters escaped as Go escapes
// them (\x1b, \r, \u009b): C0 controls but line feed and tab, DEL and C1
// controls, which terminals read as commands (ECMA-48).
type escaper struct{ w io.Writer }

func (e escaper) Write(b []byte) (int, error) {
	clean := true
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == 0xc2 {
			clean = false
			break
		}
	}
	if clean {
		return e.w.Write(b)
	}
	var out []byte
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == '\n' || r == '\t':
			out = append(out, b[i])
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			q := strconv.QuoteRune(r)
			out = append(out, q[1:len(q)-1]...)
		default:
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	if _, err := e.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) h(title string) { p.f("\n%s\n", title) }

func (p *printer) table() *tabwriter.Writer {
	return tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
}

func pct(v float64) string { return strconv.FormatFloat(v*100, 'f', 1, 64) + "%" }

func pctp(v *float64) string {
	if v == nil {
		return "-"
	}
	return pct(*v)
}

// formatMoney writes v with two decimals, thousands grouped, and the currency.
func formatMoney(v float64, cur string) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String() + "." + frac
	if neg {
		out = "-" + out
	}
	if cur != "" {
		out += " " + cur
	}
	return out
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}

func quoteAll(v []string) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.Quote(x)
	}
	return strings.Join(s, ", ")
}
