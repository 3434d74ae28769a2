package ui

import "retention/app/report"

// segmentGuide is what an RFM segment means and what to do with it, in
// the page's language; ok is false for a segment without a guide. The
// English words are export.Guides' (TestSegmentGuides keeps them the
// same), so the page says what the exported lists' columns say.
func (w *Workbench) segmentGuide(name string) (meaning, action string, ok bool) {
	switch name {
	case "Champions":
		return w.t("Ordered recently, order often and spend the most."),
			w.t("Reward them: early access and a thank-you within a week of their next order; ask for a review or a referral."), true
	case "Loyal Customers":
		return w.t("Order often and still order."),
			w.t("Offer membership or a loyalty programme and your higher-value products in the monthly newsletter."), true
	case "Potential Loyalists":
		return w.t("Recent customers with a few orders."),
			w.t("Within two weeks of their last order, send recommendations from what they bought and a loyalty offer."), true
	case "New Customers":
		return w.t("Ordered once, very recently."),
			w.t("A welcome series in their first month: how to get the most of what they bought, then a second-order offer."), true
	case "Promising":
		return w.t("Ordered once, recently."),
			w.t("Within a month of their order, a free-shipping or small discount on a second order to build the habit."), true
	case "Need Attention":
		return w.t("Middling recency and frequency: could go either way."),
			w.t("In the next two weeks, a limited-time offer chosen from their past purchases."), true
	case "About to Sleep":
		return w.t("Few orders, and none for a while."),
			w.t("Now: your best sellers with a discount, and a reminder a week later."), true
	case "At Risk":
		return w.t("Ordered often, but not for a long time."),
			w.t("This week: a personal win-back e-mail with a strong offer, asking what kept them away."), true
	case "Can't Lose Them":
		return w.t("Your most frequent customers, gone quiet for a long time."),
			w.t("At once: a personal message or call with your best offer and what is new since their last order."), true
	case "Hibernating":
		return w.t("Few orders, long ago."),
			w.t("Only your seasonal sale; stop mailing those who never open, to keep your sender reputation."), true
	}
	return "", "", false
}

// segmentNames are the RFM segments' machine names (metrics.Segment's,
// the exported files' segment column), in the Segments table's order.
var segmentNames = []string{"Champions", "Loyal Customers", "Potential Loyalists", "New Customers", "Promising", "Need Attention", "About to Sleep", "At Risk", "Can't Lose Them", "Hibernating"}

// segmentName is an RFM segment's name in the page's language; a name
// that is not a segment is shown as it is.
func (w *Workbench) segmentName(name string) string {
	switch name {
	case "Champions":
		return w.t("Champions")
	case "Loyal Customers":
		return w.t("Loyal Customers")
	case "Potential Loyalists":
		return w.t("Potential Loyalists")
	case "New Customers":
		return w.t("New Customers")
	case "Promising":
		return w.t("Promising")
	case "Need Attention":
		return w.t("Need Attention")
	case "About to Sleep":
		return w.t("About to Sleep")
	case "At Risk":
		return w.t("At Risk")
	case "Can't Lose Them":
		return w.t("Can't Lose Them")
	case "Hibernating":
		return w.t("Hibernating")
	}
	return name
}

// segmentNameMap is every segment's name in the page's language, for the
// charts.
func (w *Workbench) segmentNameMap() map[string]string {
	m := make(map[string]string, len(segmentNames))
	for _, s := range segmentNames {
		m[s] = w.segmentName(s)
	}
	return m
}

// listName is a list's name in the page's language: an RFM segment's, or
// the title of the card of one of the report's lists; a product list's
// name (the products as the file names them) as it is.
func (w *Workbench) listName(list string) string {
	switch list {
	case report.ListAll:
		return w.t("All customers")
	case report.ListVIP:
		return w.t("VIPs")
	case report.ListLapsed:
		return w.t("Lapsed regulars")
	case report.ListSeasonal:
		return w.t("Seasonal buyers")
	case report.ListSlipping:
		return w.t("Valuable customers slipping away")
	case report.ListUnhappyVIPs:
		return w.t("Unhappy VIPs")
	case report.ListQuietFans:
		return w.t("Quiet fans")
	}
	return w.segmentName(list)
}
