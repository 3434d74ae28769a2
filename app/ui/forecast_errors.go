package ui

import "retention/app/report"

// forecastError words why a model gave no numbers, or why the forecast's
// check could not be made (report.Error's fit and check codes), naming
// the models by what they do and the Predictions tab's own controls.
// Nothing to predict from and a date the check cannot use are worded as
// settingWords words them.
func (w *Workbench) forecastError(e report.Error) string {
	spend := e.Model == report.ModelGammaGamma
	l := w.loc
	switch e.Code {
	case report.FitFewCustomers:
		return w.t("The purchase model (BG/NBD) needs the orders of at least %s customers; these have %s.", l.Int(e.Need), l.Int(e.N))
	case report.FitFewRepeaters:
		if spend {
			return w.t("The spend model (Gamma-Gamma) needs at least %s customers who bought again; %s did.", l.Int(e.Need), l.Int(e.N))
		}
		return w.t("The purchase model (BG/NBD) needs at least %s customers who bought again; %s of %s did.", l.Int(e.Need), l.Int(e.N), l.Int(e.Of))
	case report.FitNoTime:
		return w.t("The purchase model (BG/NBD) has no history to learn from: every customer's first order is on the last day it learns from.")
	case report.FitNotConverged:
		if spend {
			return w.t("The spend model (Gamma-Gamma) could not be fitted to these orders: the search for its best fit did not settle.")
		}
		return w.t("The purchase model (BG/NBD) could not be fitted to these orders: the search for its best fit did not settle.")
	case report.FitUnbounded:
		if spend {
			return w.t("The spend model (Gamma-Gamma) could not be fitted: these orders do not pin it down.")
		}
		return w.t("The purchase model (BG/NBD) could not be fitted: these orders do not pin it down. A longer history may.")
	case report.FitSpendCorrelated:
		if e.Figure < 0 {
			return w.t("The spend model (Gamma-Gamma) is left out: customers who buy more often spend less per order (correlation %s), and the model assumes that order value does not depend on how often a customer buys, so its order values and CLV would be wrong.", l.Num(e.Figure, 2))
		}
		return w.t("The spend model (Gamma-Gamma) is left out: customers who buy more often spend more per order (correlation %s), and the model assumes that order value does not depend on how often a customer buys, so its order values and CLV would be wrong.", l.Num(e.Figure, 2))
	case report.FitHeavyTail:
		return w.t("The spend model (Gamma-Gamma) is left out: a few very large orders make its expected order value infinite (q = %s, where it must be above 1).", l.Num(e.Figure, 2))
	case report.FitBadInput:
		if spend {
			return w.t("The spend model (Gamma-Gamma) could not be fitted to these orders.")
		}
		return w.t("The purchase model (BG/NBD) could not be fitted to these orders.")
	case report.CheckNoOrders:
		return w.t("There are no orders to test the models on.")
	case report.CheckTooLate:
		return w.t("%s (%s) must be before %s, the last day the models learn from.", w.control(e.Field), e.Value, e.Bound)
	case report.CheckShortHistory:
		return w.t("Your orders span %s days; the test needs at least %s, half to learn from and half to compare with.", l.Int(e.N), l.Int(e.Need))
	case report.CheckNoHoldout:
		return w.t("There are no orders after %s to compare with.", e.Value)
	case report.NoOrdersToPredict, report.NoCustomerBy, report.BadDate:
		return w.settingWords(&e)
	}
	return string(e.Code) // a code this page does not know yet
}
