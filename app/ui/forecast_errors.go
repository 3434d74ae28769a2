package ui

import "retention/app/report"

// forecastError words why a model gave no numbers, or why the forecast's
// check could not be made (report.Error's fit and check codes), naming
// the models by what they do and the Predictions tab's own controls.
// Nothing to predict from and a date the check cannot use are worded as
// settingWords words them. Counts and figures go to the catalogue as they
// are, which writes them in the locale's way (Locale.T).
func (w *Workbench) forecastError(e report.Error) string {
	spend := e.Model == report.ModelGammaGamma
	switch e.Code {
	case report.FitFewCustomers:
		return w.t("The purchase model (BG/NBD) needs the orders of at least %s customers; these have %s.", e.Need, e.N)
	case report.FitFewRepeaters:
		if spend {
			return w.t("The spend model (Gamma-Gamma) needs at least %s customers who bought again; %s did.", e.Need, e.N)
		}
		return w.t("The purchase model (BG/NBD) needs at least %s customers who bought again; %s of %s did.", e.Need, e.N, e.Of)
	case report.FitSpendCorrelated:
		if e.Figure < 0 {
			return w.t("The spend model (Gamma-Gamma) is left out: customers who buy more often spend less per order (correlation %s), which the model assumes they do not.", e.Figure)
		}
		return w.t("The spend model (Gamma-Gamma) is left out: customers who buy more often spend more per order (correlation %s), which the model assumes they do not.", e.Figure)
	case report.FitHeavyTail:
		return w.t("The spend model (Gamma-Gamma) is left out: a few very large orders make its expected order value infinite.")
	case report.FitNoTime, report.FitNotConverged, report.FitUnbounded, report.FitBadInput:
		// What the orders do not give the model: said alike, as a
		// marketer can do the same about each (more orders, a longer
		// history).
		if spend {
			return w.t("The spend model (Gamma-Gamma) could not be fitted to these orders.")
		}
		return w.t("The purchase model (BG/NBD) could not be fitted to these orders.")
	case report.CheckNoOrders:
		return w.t("There are no orders to test the models on.")
	case report.CheckTooLate:
		return w.t("%s (%s) must be before %s, the last day the models learn from.", w.control(e.Field), e.Value, e.Bound)
	case report.CheckShortHistory:
		return w.t("Your orders span %s days; the test needs at least %s, half to learn from and half to compare with.", e.N, e.Need)
	case report.CheckNoHoldout:
		return w.t("There are no orders after %s to compare with.", e.Value)
	case report.NoOrdersToPredict, report.NoCustomerBy, report.BadDate:
		return w.settingWords(&e)
	}
	return string(e.Code) // a code this page does not know yet
}
