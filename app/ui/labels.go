package ui

import "retention/app/charts"

// chartLabels is every text of the charts, through the catalogue.
func (w *Workbench) chartLabels() charts.Labels {
	l := charts.Labels{
		RetentionTitle:   w.t("Retention and churn"),
		RetentionRate:    w.t("Retention"),
		Churn:            w.t("Churn"),
		BaseTitle:        w.t("Customer base at each period's end"),
		Retained:         w.t("Retained"),
		Reactivated:      w.t("Reactivated"),
		New:              w.t("New"),
		RevenueTitle:     w.t("New vs returning revenue"),
		NewRevenue:       w.t("New customers"),
		ReturningRevenue: w.t("Returning customers"),
		AOVTitle:         w.t("Average order value"),
		AOV:              w.t("AOV"),
		CohortsTitle:     w.t("Cohort retention, %%"),
		PeriodsSince:     w.t("Periods since first order"),
		Retention:        w.t("Retention, %%"),
		LTVTitle:         w.t("Revenue per customer (LTV)"),
		SegmentsTitle:    w.t("RFM segments"),
		Customers:        w.t("Customers"),
		OrdersTitle:      w.t("Orders per customer"),
		Orders:           w.t("Orders"),
		ParetoTitle:      w.t("Revenue concentration"),
		TopCustomers:     w.t("Top customers, %%"),
		RevenueShare:     w.t("Share of revenue, %%"),
		DaysTitle:        w.t("Days between orders"),
		Days:             w.t("Days"),
		Gaps:             w.t("Repeat orders"),
		SegmentNames:     w.segmentNameMap(),
		Period:           w.loc.Period,
	}
	switch w.cohorts.measure {
	case charts.CohortRevenue:
		l.CohortsTitle, l.Retention = w.t("Cohort revenue per customer"), w.t("Revenue per customer")
	case charts.CohortAOV:
		l.CohortsTitle, l.Retention = w.t("Cohort average order value"), w.t("AOV")
	}
	l.CohortMeasure, l.CohortColours = w.cohorts.measure, w.cohorts.colours
	l.CohortHighest, l.CohortLowest = w.t("Highest"), w.t("Lowest")
	return l
}
