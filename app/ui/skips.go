package ui

import (
	"time"

	"retention/app/limits"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/report"
)

// The bounds of a plausible order (app/limits), as the page words them.
var (
	earliestOrder = limits.EarliestOrder.Format(time.DateOnly)
	maxAmount     = float64(limits.MaxAmount)
)

// skipReason words why rows were skipped, by the skip's code.
func (w *Workbench) skipReason(s report.Skip) string {
	switch s.Code {
	case report.SkipDateOutOfRange:
		return w.t("order date out of range: before %s or later than tomorrow, a placeholder for no date (such as 9999-12-31 or 1900-01-01) or a typo", earliestOrder)
	case report.SkipNumberNotFinite:
		return w.t("amount or quantity past %s, infinite or not a number: too large to add up to the cent", w.loc.Num(maxAmount, 0))
	case report.SkipDateUnreadable:
		return w.t("order date cannot be read")
	case report.SkipNotANumber:
		return w.t("not a number in column “%s”", s.Column)
	case report.SkipNotSaleOrRefund:
		return w.t("neither a sale nor a refund (a transfer, a fee, a payout)")
	case report.SkipNoCustomerKey:
		return w.t("no customer id or e-mail")
	case report.SkipNoOrderDate:
		return w.t("no order date")
	case report.SkipOtherCurrency:
		if len(s.Values) > 0 {
			return w.t("in another currency (%s)", s.Values[0])
		}
		return w.t("in another currency")
	case report.SkipNoScore:
		return w.t("no score")
	case report.SkipBadScore:
		return w.t("not a score on the survey's scale")
	case report.SkipNoDate:
		return w.t("no date")
	case report.SkipBadDate:
		return w.t("not a date")
	}
	return s.Reason // a code this page does not know yet: the engine's English
}

// skippedNotable is the share of a file's rows skipped from which the
// Overview says so: below 1%, the rows skipped cannot move a share of the
// rows (a repeat rate, a segment's share) by a whole percentage point;
// from it, a marketer acting on the figures should know that a part of
// the file is not in them (issue 13: Online Retail's 25% of rows without
// a customer were said only on the Data tab).
const skippedNotable = 0.01

// skippedNotable tells whether the rows skipped are a notable share of
// the file's.
func (w *Workbench) skippedNotable() bool {
	d := w.m.Doc
	in := d.Ingest
	return in.Rows > 0 && len(d.Skipped) > 0 && float64(in.SkippedRows) >= skippedNotable*float64(in.Rows)
}

// skippedNote tells, on the Overview, how many of the file's rows were
// skipped and why.
func (w *Workbench) skippedNote() app.UI {
	d := w.m.Doc
	in := d.Ingest
	return app.Div().Class("notice").ID("skipped-note").DataSet("skipped", in.SkippedRows).Body(
		app.P().Text(w.t("%s of the file's %s rows (%s) were skipped and are not in these figures:",
			w.loc.Int(in.SkippedRows), w.loc.Int(in.Rows), w.loc.Percent(float64(in.SkippedRows)/float64(in.Rows)))),
		app.Ul().Body(app.Range(d.Skipped).Slice(func(i int) app.UI {
			s := d.Skipped[i]
			text := w.t("%s rows: %s", w.loc.Int(s.Rows), w.skipReason(s))
			if s.Rows == 1 {
				text = w.t("1 row: %s", w.skipReason(s))
			}
			return app.Li().DataSet("code", s.Code).Text(text)
		})),
		app.Button().Class("btn btn-small").ID("see-skipped").Text(w.t("See the rows skipped")).OnClick(w.setTab(TabData)),
	)
}
