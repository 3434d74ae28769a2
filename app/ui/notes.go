package ui

import (
	"strings"

	"retention/app/report"
)

// noteText words a note of the engine in the page's language, naming the
// page's controls (Currency, Columns) where the command line names its
// flags.
func (w *Workbench) noteText(n report.Note) string {
	switch n.Code {
	case report.NoteUTF16:
		return w.t("Decoded from UTF-16 %s.", n.Value)
	case report.NoteWindows1252:
		return w.t("Decoded from Windows-1252 (the file is not UTF-8).")
	case report.NoteTitleLines:
		if n.N == 1 {
			return w.t("Skipped 1 title line above the header.")
		}
		return w.t("Skipped %s title lines above the header.", w.loc.Int(n.N))
	case report.NoteNoHeader:
		return w.t("The file has no header row: its columns were recognised from their values; correct one under Columns if it is wrong.")
	case report.NoteByNameAddress:
		return w.t("The file has no customer id or e-mail: customers are told apart by name and address, so two customers of the same name at the same address count as one, and one who moved counts twice.")
	case report.NoteCreditInvoices:
		return w.t("%s invoices whose number starts with C are read as cancellations.", w.loc.Int(n.N))
	case report.NoteCurrencies:
		parts := make([]string, len(n.Values))
		for i, c := range n.Values {
			parts[i] = w.t("%s: %s orders", c, w.loc.Int(n.Counts[i]))
		}
		return w.t("The file has orders in %s currencies (%s); the figures are for %s only, the other orders are listed as skipped. Choose another under Currency.", w.loc.Int(n.N), strings.Join(parts, ", "), n.Value)
	case report.NoteCrowns:
		return w.t("%s orders are in kr, which the column names and the locale do not tell apart (%s); they are counted in %s. State their currency under Currency.", w.loc.Int(n.N), strings.Join(n.Values, ", "), n.Value)
	case report.NoteCancelled:
		return w.t("%s orders have a cancelled, refunded or failed status (%s): they are not counted as orders or revenue.", w.loc.Int(n.N), w.loc.Money(n.Amount, n.Value))
	case report.NoteInterests:
		if n.Value == report.InterestProducts {
			return w.t("Interests list the %s products bought by the most customers, of %s.", w.loc.Int(n.N), w.loc.Int(n.Of))
		}
		return w.t("Interests list the %s categories bought by the most customers, of %s.", w.loc.Int(n.N), w.loc.Int(n.Of))
	case report.NoteLeftOut:
		return w.t("%s customers are left out: every purchase they made by %s was refunded in full the day it was made.", w.loc.Int(n.N), n.Value)
	case report.NoteNoDropout:
		return w.t("These orders show no sign of customers leaving: the best BG/NBD fit lets nobody drop out, so every P(alive) is 1 and expected purchases follow each customer's purchase rate. A later calibration date or a longer history may show drop-out.")
	case report.NoteSurveyNoKey:
		return w.t("The survey has no customer id or e-mail column: its answers cannot be joined to orders.")
	}
	return string(n.Code) // a code this page does not know yet
}

// whyText words why a column has its role, or "" without a reason.
func (w *Workbench) whyText(r *report.Why) string {
	if r == nil {
		return ""
	}
	values := w.valuesText(*r)
	switch r.Header {
	case report.SetByUser:
		return w.t("chosen by you")
	case report.HeaderNamesCustomer:
		return w.t("the header “%s” names the customer and the values are names", r.Column)
	case report.HeaderNames:
		if values == "" {
			return w.t("the header “%s” says so", r.Column)
		}
		return w.t("the header “%s” says so; %s", r.Column, values)
	case report.HeaderSilent:
		return w.t("the header says nothing, but %s", values)
	case report.HeaderIs:
		return w.t("the header “%s” says so", r.Column)
	}
	return values
}

// valuesText words what a column's values say of its role.
func (w *Workbench) valuesText(r report.Why) string {
	p := w.loc.Percent(r.Share)
	switch r.Values {
	case report.ShareDates:
		return w.t("%s of sampled values are dates", p)
	case report.ShareNumbers:
		return w.t("%s of sampled values are numbers", p)
	case report.ShareWhole:
		return w.t("%s of sampled values are whole numbers", p)
	case report.ShareEmails:
		return w.t("%s of sampled values are e-mail addresses", p)
	case report.ShareTypes:
		return w.t("%s of sampled values are transaction types", p)
	case report.ShareText:
		return w.t("%s of sampled values are text", p)
	case report.AreDates, report.SurveyDates:
		return w.t("values are dates")
	case report.AreCurrencies:
		return w.t("values are currency codes")
	case report.NotCurrencies:
		return w.t("values are not currency codes")
	case report.AreTypes:
		return w.t("values are transaction types")
	case report.AreEmails:
		return w.t("values are e-mail addresses")
	case report.AreIdentifiers:
		return w.t("values are identifiers")
	case report.AreScores:
		return w.t("values are whole numbers from 0 to 10")
	case report.EmptySample:
		return w.t("the column is empty in the rows sampled")
	}
	return ""
}

// datesText words how a file writes its dates, with the pattern's letters
// as the page's language writes them (TT.MM.JJJJ, dd.mm.åååå).
func (w *Workbench) datesText(f *report.DateFormat) string {
	if f == nil {
		return ""
	}
	var s string
	switch {
	case f.Serial:
		return w.t("Excel serial numbers")
	case f.Compact:
		s = w.t("yyyymmdd")
	case f.Order == report.DayFirst:
		s = w.t("day before month (dd.mm.yyyy)")
	case f.Order == report.MonthFirst:
		s = w.t("month before day (mm/dd/yyyy)")
	default:
		s = w.t("yyyy-mm-dd")
	}
	if f.Time {
		s = w.t("%s with time", s)
	}
	if f.Ambiguous {
		s = w.t("%s; assumed, as no day was above 12", s)
	}
	return s
}

// numberExample writes 1234.56 as a file of format f writes it
// ("1.234,56"), a space kept to its digits.
func numberExample(f *report.NumberFormat) string {
	if f == nil {
		return ""
	}
	g := f.Group
	if g == " " {
		g = "\u00a0"
	}
	return "1" + g + "234" + f.Decimal + "56"
}

// scaleText words why a survey's scale was chosen.
func (w *Workbench) scaleText(r *report.ScaleWhy) string {
	if r == nil {
		return ""
	}
	switch r.Code {
	case report.ScaleChosen:
		return w.t("chosen by you")
	case report.ScaleRecommends:
		return w.t("the header “%s” asks about recommending", r.Column)
	case report.ScaleSatisfaction:
		return w.t("the header “%s” asks about satisfaction; answers 1 to %s", r.Column, w.loc.Int(r.Max))
	case report.ScaleAnswers:
		return w.t("answers run from %s to %s", w.loc.Int(r.Min), w.loc.Int(r.Max))
	}
	return string(r.Code) // a code this page does not know yet
}
