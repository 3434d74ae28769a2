package report

// Comparison is two reports side by side (`retention compare A B`): two
// exports of one shop (last month's file and this month's) or two shops,
// read with the same options.
type Comparison struct {
	A CompareSide `json:"a"`
	B CompareSide `json:"b"`
	// KPIs are the report's overall figures of A and B with their change,
	// in the report's order (see KPIChange for the names).
	KPIs []KPIChange `json:"kpis"`
	// Periods are the periods of either file, each once, in time order,
	// with A's and B's figures of it.
	Periods []PeriodPair `json:"periods"`
	// Movement is the customers of A and B by their RFM segment in each,
	// each file scored as of its own reference date.
	Movement Movement `json:"movement"`
}

// CompareSide says what one side of a comparison was read from.
type CompareSide struct {
	File       string `json:"file"`
	Format     string `json:"format"`
	Sheet      string `json:"sheet,omitempty"`
	Currency   string `json:"currency,omitempty"`
	From       string `json:"from"`  // the range's first day, "" for the first order's
	To         string `json:"to"`    // the range's last day, "" for the last order's
	AsOf       string `json:"as_of"` // the reference date
	FirstOrder string `json:"first_order"`
	LastOrder  string `json:"last_order"`
	// Customers and Rows count the file's customers (over its whole
	// history) and rows read, for a first look at how the files differ.
	Customers int `json:"customers"`
	Rows      int `json:"rows"`
}

// KPIChange is one KPI of A and B (of the previous range and this one, in
// Previous) with its change:
//
//	delta     = b − a
//	relative  = (b − a) / |a|
//
// Name is the report's JSON name of the figure: customers, orders,
// revenue, refunds, net_revenue, aov, repeat_rate, purchase_frequency,
// mean_days_between, median_days_between, returning_revenue_share,
// historical_clv, repeat_vs_one_time, retention, churn, crr. Unit is count,
// money, ratio (0.25 for 25%; its delta is in points, 0.01 = 1 point),
// number or days. A or B is null where the figure is not defined (a rate
// without a complete period with customers at its start, days between
// orders without a customer with two orders); delta then is null, and
// relative is null too when a is 0. Each figure and its delta is rounded
// as the report rounds it (revenue, refunds and net revenue to cents,
// counts whole, the rest to six decimals), relative to six decimals, after
// the change is computed on exact values.
type KPIChange struct {
	Name     string   `json:"name"`
	Unit     string   `json:"unit"`
	A        *float64 `json:"a"`
	B        *float64 `json:"b"`
	Delta    *float64 `json:"delta"`
	Relative *float64 `json:"relative"`
	// APeriod and BPeriod are the periods of a rate (retention, churn,
	// crr): each side's last complete period with a base, as the report's
	// headline shows it.
	APeriod string `json:"a_period,omitempty"`
	BPeriod string `json:"b_period,omitempty"`
}

// PeriodPair is one period in A and in B (nil where a file has no such
// period), with the change of the rates where both have them.
type PeriodPair struct {
	Period         string   `json:"period"`
	A              *Period  `json:"a"`
	B              *Period  `json:"b"`
	RetentionDelta *float64 `json:"retention_delta"`
	ChurnDelta     *float64 `json:"churn_delta"`
	CRRDelta       *float64 `json:"crr_delta"`
}

// Movement is the customers by their RFM segment as of one date (A) and
// as of another (B), customers being the same by their customer key (the
// customer id, else the e-mail, as the file tells customers apart).
//
// Segments are the rows (the segment in A) and the columns (in B), the
// same list: the ten standard segments from Champions to Hibernating, any
// other segment by name, then MovementAbsent, the row of customers not in
// A (new since, or not in A's file) and the column of customers not in B.
// Counts[i][j] is the customers in Segments[i] in A and Segments[j] in B.
// Both = Stayed + Moved (the customers of both sides; Stayed on the
// diagonal); OnlyA and OnlyB the customers of one side only.
type Movement struct {
	AAsOf    string   `json:"a_as_of"`
	BAsOf    string   `json:"b_as_of"`
	Segments []string `json:"segments"`
	Counts   [][]int  `json:"counts"`
	Both     int      `json:"both"`
	Stayed   int      `json:"stayed"`
	Moved    int      `json:"moved"`
	OnlyA    int      `json:"only_a"`
	OnlyB    int      `json:"only_b"`
	// Moves are the cells off the diagonal with customers, the most first.
	Moves []Move `json:"moves"`
}

// MovementAbsent is the segment of a customer on the side that does not
// know them (Movement.Segments' last).
const MovementAbsent = "none"

// Move is the customers who were in From as of A's date and are in To as
// of B's. Share is Customers over all customers of From in A.
type Move struct {
	From      string  `json:"from"`
	To        string  `json:"to"`
	Customers int     `json:"customers"`
	Share     float64 `json:"share"`
}

// Previous is the range of the same length just before the report's
// (`retention report --compare-to previous`): with n = the days from From
// to To, the days from From − n to From − 1, its reference date the
// report's minus n days. KPIs has the previous range as a and the report's
// range as b.
type Previous struct {
	From string `json:"from"`
	To   string `json:"to"`
	AsOf string `json:"as_of"`
	Days int    `json:"days"`
	// Covered tells whether the file's orders start on or before From:
	// when not, the previous range shows only part of what happened in it.
	Covered bool        `json:"covered"`
	KPIs    []KPIChange `json:"kpis"`
}
