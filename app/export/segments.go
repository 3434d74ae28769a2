package export

// Guide is what an RFM segment means and what to do with it, in English:
// the exports' segment_meaning and segment_action columns, text for an
// e-mail tool's filters and for people reading the file. The page shows
// the same words through its message catalogue (app/ui/segments.go, keys
// in app/i18n/messages.go), so they can be translated there; a test keeps
// the two the same in English.
type Guide struct {
	Meaning string // one line: who these customers are
	Action  string // one line: what to send them, and when
}

// Guides holds the guide of each segment of metrics.DefaultGrid, by name.
// The meanings restate the grid's recency (R) and frequency (F) scores;
// the actions are the usual playbook for each RFM segment.
var Guides = map[string]Guide{
	"Champions": {"Ordered recently, order often and spend the most.",
		"Reward them: early access and a thank-you within a week of their next order; ask for a review or a referral."},
	"Loyal Customers": {"Order often and still order.",
		"Offer membership or a loyalty programme and your higher-value products in the monthly newsletter."},
	"Potential Loyalists": {"Recent customers with a few orders.",
		"Within two weeks of their last order, send recommendations from what they bought and a loyalty offer."},
	"New Customers": {"Ordered once, very recently.",
		"A welcome series in their first month: how to get the most of what they bought, then a second-order offer."},
	"Promising": {"Ordered once, recently.",
		"Within a month of their order, a free-shipping or small discount on a second order to build the habit."},
	"Need Attention": {"Middling recency and frequency: could go either way.",
		"In the next two weeks, a limited-time offer chosen from their past purchases."},
	"About to Sleep": {"Few orders, and none for a while.",
		"Now: your best sellers with a discount, and a reminder a week later."},
	"At Risk": {"Ordered often, but not for a long time.",
		"This week: a personal win-back e-mail with a strong offer, asking what kept them away."},
	"Can't Lose Them": {"Your most frequent customers, gone quiet for a long time.",
		"At once: a personal message or call with your best offer and what is new since their last order."},
	"Hibernating": {"Few orders, long ago.",
		"Only your seasonal sale; stop mailing those who never open, to keep your sender reputation."},
}
