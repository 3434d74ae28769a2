// Package report holds the report of a shop's orders as plain data: what
// `retention report --json` prints and what the workbench's engine worker
// sends to the page. It imports nothing heavy, so the page's WebAssembly
// stays small; package engine fills it.
package report

// Document is the whole report of one file.
type Document struct {
	File     string   `json:"file"`
	Format   string   `json:"format"`
	Sheet    string   `json:"sheet,omitempty"`
	Sheets   []string `json:"sheets,omitempty"`
	Currency string   `json:"currency,omitempty"`
	Grain    string   `json:"grain"`     // month, quarter or year
	From     string   `json:"from"`      // first day of the range, 2006-01-02
	To       string   `json:"to"`        // last day of the range
	AsOf     string   `json:"as_of"`     // reference date of recency and lists
	TimeZone string   `json:"time_zone"` // reporting time zone
	// ActiveWindowDays is how long a customer stays in the customer base
	// after an order, in days; 0 means one period (see Period).
	ActiveWindowDays int `json:"active_window_days"`

	// Overall figures over the range.
	Customers             int     `json:"customers"`
	Orders                int     `json:"orders"`
	Revenue               float64 `json:"revenue"`
	NetRevenue            float64 `json:"net_revenue"`
	Refunds               float64 `json:"refunds"`
	RefundCount           int     `json:"refund_count"`
	AOV                   float64 `json:"aov"`
	RepeatRate            float64 `json:"repeat_rate"`
	PurchaseFrequency     float64 `json:"purchase_frequency"`
	MeanDaysBetween       float64 `json:"mean_days_between"`
	MedianDaysBetween     float64 `json:"median_days_between"`
	ReturningRevenueShare float64 `json:"returning_revenue_share"`
	HistoricalCLV         float64 `json:"historical_clv"`
	RepeatVsOneTime       float64 `json:"repeat_vs_one_time"`
	FirstOrder            string  `json:"first_order"`
	LastOrder             string  `json:"last_order"`

	// LastFull is the index in Periods of the last complete period with a
	// CRR, or -1.
	LastFull  int       `json:"last_full"`
	Periods   []Period  `json:"periods"`
	Cohorts   []Cohort  `json:"cohorts"`
	Segments  []Segment `json:"segments"`
	RFMEdges  RFMEdges  `json:"rfm_edges"`
	Benchmark Benchmark `json:"benchmark"`

	VIPs     VIPList      `json:"vips"`
	Lapsed   LapsedList   `json:"lapsed"`
	Seasonal SeasonalList `json:"seasonal"`
	Interest []Interest   `json:"interest"`
	// InterestBy is what Interest counts the customers of: InterestCategories
	// or, when the orders name no categories, InterestProducts.
	InterestBy        string   `json:"interest_by,omitempty"`
	Pareto            Pareto   `json:"pareto"`
	OrdersPerCustomer []Bucket `json:"orders_per_customer"`
	DaysBetween       []Bucket `json:"days_between"`

	// Products are the names of the products bought by the most
	// customers, most first (at most MaxProducts): the suggestions of a
	// product list. Empty when the orders name no products.
	Products []string `json:"products,omitempty"`

	// Forecast is what the BTYD models predict (nil when not asked for).
	Forecast *Forecast `json:"forecast,omitempty"`
	// Previous is the same figures over the range of the same length just
	// before this one, with their change (nil when not asked for).
	Previous *Previous `json:"previous,omitempty"`
	// Movement is the customers who moved between RFM segments from the
	// previous range's reference date to this one's (nil when not asked
	// for).
	Movement *Movement `json:"movement,omitempty"`
	// Survey is a survey export joined to these orders (nil without one).
	Survey *Survey `json:"survey,omitempty"`
	// SurveyError says why the survey could not be read, in English;
	// SurveyErrorCode is its code, for the page to word (nil without one).
	SurveyError     string `json:"survey_error,omitempty"`
	SurveyErrorCode *Error `json:"survey_error_code,omitempty"`

	// Customers lists every customer with their RFM segment: the rows of
	// every exported list.
	CustomerRows []Customer `json:"customer_rows"`

	Ingest  Ingest         `json:"ingest"`
	Skipped []Skip         `json:"skipped"`
	Mapping []MappingEntry `json:"mapping"`
	// NoteText is Notes in words, written by an edge before it prints
	// (the command line's English); the engine leaves it empty.
	NoteText []string `json:"notes,omitempty"`
	// Notes are what the engine did that the user may want to know.
	Notes   []Note  `json:"note_codes,omitempty"`
	Preview Preview `json:"preview"`

	// CurrencyFrom says where Currency comes from: CurrencyFile,
	// CurrencyLanguage, CurrencyLocale or CurrencyOption; "" when the
	// amounts have no known currency.
	CurrencyFrom string `json:"currency_from,omitempty"`
	// CurrencyLanguage is the language of the column names (da, nb, sv)
	// that told which crowns kr is, when CurrencyFrom is CurrencyLanguage.
	CurrencyLanguage string `json:"currency_language,omitempty"`
	// CurrencyChoices are the currencies the user may state when the file
	// does not name its own: the crowns (DKK, NOK, SEK, ISK) when the
	// amounts say kr; empty when any ISO code will do, or when the file
	// names its currencies (Ingest.Currencies are then the choices).
	CurrencyChoices []string `json:"currency_choices,omitempty"`
}

// Period holds the figures of one month, quarter or year.
//
// The customer base at an instant is the customers with an order in the
// active window before it: the active_window_days days before it, or the
// period that ends there when that is longer (always, with 0). S is the
// base at the period's start and E at its end; New are the customers whose
// first order is in the period (all in E). Retained are in S and E, Lost
// in S only, Reactivated in E but not S and not new (back after leaving
// the base); Returning = E − New = Retained + Reactivated. Retention =
// Retained / S and Churn = Lost / S add up to 1; CRR = (E − New) / S =
// Retention + Reactivated / S. When S is 0 (the first period, or after a
// window without orders) the rates are null.
type Period struct {
	Period           string   `json:"period"` // 2011-01, 2011-Q1, 2011
	Start            string   `json:"start"`  // first day
	End              string   `json:"end"`    // last day
	Complete         bool     `json:"complete"`
	S                int      `json:"s"`
	E                int      `json:"e"`
	New              int      `json:"new"`
	Returning        int      `json:"returning"`
	Retained         int      `json:"retained"`
	Reactivated      int      `json:"reactivated"`
	Lost             int      `json:"lost"`
	Retention        *float64 `json:"retention"`
	Churn            *float64 `json:"churn"`
	CRR              *float64 `json:"crr"`
	Revenue          float64  `json:"revenue"`
	NewRevenue       float64  `json:"new_revenue"`
	ReturningRevenue float64  `json:"returning_revenue"`
	Refunds          float64  `json:"refunds"`
	NetRevenue       float64  `json:"net_revenue"`
	Orders           int      `json:"orders"`
	AOV              float64  `json:"aov"`
}

// Cohort is the customers whose first order is in one period.
// Retention[k] is the share of them who ordered k periods later;
// Revenue[k] their revenue then; LTV[k] the cumulative revenue per
// customer up to k.
type Cohort struct {
	Cohort    string    `json:"cohort"`
	Size      int       `json:"size"`
	Active    []int     `json:"active"`
	Retention []float64 `json:"retention"`
	Revenue   []float64 `json:"revenue"`
	LTV       []float64 `json:"ltv"`
	Orders    []int     `json:"orders"` // the cohort's orders in each period
}

// Segment is one RFM segment.
type Segment struct {
	Name          string  `json:"name"`
	Customers     int     `json:"customers"`
	CustomerShare float64 `json:"customer_share"`
	Revenue       float64 `json:"revenue"`
	RevenueShare  float64 `json:"revenue_share"`
	Orders        int     `json:"orders"`
	AOV           float64 `json:"aov"`
}

// RFMEdges are the quantile edges that split R (days), F (orders) and M
// (money) into the scores 1-5.
type RFMEdges struct {
	Recency   []float64 `json:"recency"`
	Frequency []float64 `json:"frequency"`
	Monetary  []float64 `json:"monetary"`
}

// Benchmark puts the shop's yearly retention beside an industry figure
// for a year. The shop's figure: of the Customers with an order in the
// first year (From to the day before Mid), the share who ordered in the
// second (Mid to To, the day before the reference date).
type Benchmark struct {
	Name      string  `json:"name"`
	Value     float64 `json:"value"`
	Source    string  `json:"source"`
	From      string  `json:"from"` // the reference date − 2 years
	Mid       string  `json:"mid"`  // the reference date − 1 year
	To        string  `json:"to"`   // the day before the reference date
	Customers int     `json:"customers"`
	Retained  int     `json:"retained"`
	// YearlyRetention = Retained / Customers; null when the orders start
	// after From or nobody ordered in the first year (Missing says which).
	YearlyRetention *float64 `json:"yearly_retention"`
	Diff            *float64 `json:"diff"` // yearly_retention − value, in points (0.05 = 5 points)
	Missing         string   `json:"missing,omitempty"`
}

// Why a benchmark has no shop figure.
const (
	BenchmarkShortHistory = "short_history" // the orders start after Benchmark.From
	BenchmarkNoCustomers  = "no_customers"  // nobody ordered in the first year
)

// Customer is one customer with what the lists and exports need.
type Customer struct {
	ID        string  `json:"id"`
	Email     string  `json:"email,omitempty"`
	Name      string  `json:"name,omitempty"`
	Country   string  `json:"country,omitempty"`
	Segment   string  `json:"segment"`
	R         int     `json:"r"`
	F         int     `json:"f"`
	M         int     `json:"m"`
	Orders    int     `json:"orders"`
	Revenue   float64 `json:"revenue"` // net
	First     string  `json:"first_order"`
	Last      string  `json:"last_order"`
	Recency   int     `json:"recency_days"`
	VIP       bool    `json:"vip,omitempty"`
	Lapsed    bool    `json:"lapsed,omitempty"`
	Seasonal  bool    `json:"seasonal,omitempty"`
	Interests string  `json:"interests,omitempty"` // categories, "; "-separated
	// The models' predictions (see Forecast); nil where there is none.
	PAlive             *float64 `json:"p_alive,omitempty"`
	PredictedPurchases *float64 `json:"predicted_purchases,omitempty"`
	PredictedCLV       *float64 `json:"predicted_clv,omitempty"`
	Slipping           bool     `json:"slipping,omitempty"`
	// NextOrder is the expected next order date (Predicted.NextOrder);
	// "" where there is none.
	NextOrder string `json:"next_order_date,omitempty"`
	// The customer's latest survey answer, in the survey's lists only:
	// its score on the survey's scale and its comment.
	Score   *float64 `json:"survey_score,omitempty"`
	Comment string   `json:"survey_comment,omitempty"`
}

// VIPList is the top share of customers by revenue.
type VIPList struct {
	Share        float64 `json:"share"` // 0.01
	Customers    int     `json:"customers"`
	Revenue      float64 `json:"revenue"`
	RevenueShare float64 `json:"revenue_share"`
}

// LapsedList is customers with MinOrders+ orders and none in Days days.
type LapsedList struct {
	Days      int     `json:"days"`
	MinOrders int     `json:"min_orders"`
	Customers int     `json:"customers"`
	Revenue   float64 `json:"revenue"`
}

// SeasonalList is the customers who ordered in the window From..To one
// year before (LastFrom..LastTo): the people to remind before this year's
// season.
type SeasonalList struct {
	From      string  `json:"from"`
	To        string  `json:"to"`
	LastFrom  string  `json:"last_from"`
	LastTo    string  `json:"last_to"`
	Customers int     `json:"customers"`
	Orders    int     `json:"orders"`  // their orders in last year's window
	Revenue   float64 `json:"revenue"` // and what those orders brought
	// OrderedSince is how many of them have ordered after last year's window.
	OrderedSince int `json:"ordered_since"`
}

// What Document.Interest counts the customers of (its InterestBy, and
// the Value of a NoteInterests).
const (
	InterestCategories = "categories"
	InterestProducts   = "products"
)

// Interest is the customers of one category or product.
type Interest struct {
	Name          string  `json:"name"`
	Customers     int     `json:"customers"`
	CustomerShare float64 `json:"customer_share"`
	Orders        int     `json:"orders"`
	Revenue       float64 `json:"revenue"`
}

// Pareto is how concentrated revenue is among customers. Curve[i] is the
// share of net revenue brought by the top (i+1)% of customers.
type Pareto struct {
	Top1  float64   `json:"top1"`
	Top10 float64   `json:"top10"`
	Top20 float64   `json:"top20"`
	Curve []float64 `json:"curve"`
}

// Bucket is one bar of a histogram.
type Bucket struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

// Ingest says what became of the file's rows.
type Ingest struct {
	Rows            int     `json:"rows"`
	OrderRows       int     `json:"order_rows"`
	RefundRows      int     `json:"refund_rows"`
	CancelledRows   int     `json:"cancelled_rows"`
	SkippedRows     int     `json:"skipped_rows"`
	Cancelled       int     `json:"cancelled_orders"`
	CancelledAmount float64 `json:"cancelled_amount"`
	// DateText and NumberText are DateFormat and NumberFormat in words,
	// written by an edge before it prints (the command line's English);
	// the engine leaves them empty.
	DateText    string  `json:"date_format"`
	NumberText  string  `json:"number_format"`
	TotalFrom   string  `json:"total_from"`
	Currencies  []Count `json:"currencies,omitempty"`
	CrownOrders int     `json:"crown_orders,omitempty"` // orders whose amounts say kr
	// DateFormat and NumberFormat are how the file writes dates and
	// amounts (nil once an edge has worded them).
	DateFormat   *DateFormat   `json:"date_format_code,omitempty"`
	NumberFormat *NumberFormat `json:"number_format_code,omitempty"`
}

// Count is a named count with an amount.
type Count struct {
	Name   string  `json:"name"`
	Count  int     `json:"count"`
	Amount float64 `json:"amount"`
}

// Skip counts rows skipped for one reason, with the first row numbers.
type Skip struct {
	// Code names the reason (ingest.SkipCode), for the page to word;
	// Reason is the English the command prints.
	Code     string   `json:"code,omitempty"`
	Reason   string   `json:"reason"`
	Column   string   `json:"column,omitempty"`
	Rows     int      `json:"rows"`
	Examples []int    `json:"examples"`
	Values   []string `json:"values,omitempty"`
}

// The skip codes (ingest.SkipCode's and survey.SkipCode's values;
// TestSkipWords in package ui checks them equal), for the page to word.
const (
	// SkipDateOutOfRange: the order date is before 1990 or more than a
	// day after the reference date (ingest.DateOutOfRange).
	SkipDateOutOfRange = "date_out_of_range"
	// SkipDateUnreadable: the order date cannot be read.
	SkipDateUnreadable = "date_unreadable"
	// SkipNumberNotFinite: an amount or quantity is infinite, NaN or too
	// large to add up in cents (ingest.NumberNotFinite).
	SkipNumberNotFinite = "number_not_finite"
	// SkipNotANumber: an amount or quantity (in Column) is not a number.
	SkipNotANumber = "not_a_number"
	// SkipNotSaleOrRefund: the transaction type (Values) is neither a
	// sale nor a refund.
	SkipNotSaleOrRefund = "not_sale_or_refund"
	// SkipNoCustomerKey: the order has no customer id or e-mail.
	SkipNoCustomerKey = "no_customer_key"
	// SkipNoOrderDate: no line of the order has a date.
	SkipNoOrderDate = "no_order_date"
	// SkipOtherCurrency: the order is in another currency (Values).
	SkipOtherCurrency = "other_currency"

	// A survey's (survey.SkipCode's values): no score, a score not on
	// the survey's scale, no date, a date that cannot be read.
	SkipNoScore  = "no_score"
	SkipBadScore = "bad_score"
	SkipNoDate   = "no_date"
	SkipBadDate  = "bad_date"
)

// ExampleRows lists the first row numbers, "2, 5, 9".
func (s Skip) ExampleRows() string { return joinInts(s.Examples) }

// MappingEntry is the column found for one role.
type MappingEntry struct {
	Role       string  `json:"role"`
	Column     int     `json:"column"` // 0-based; -1 when no column has the role
	Header     string  `json:"header"`
	Confidence float64 `json:"confidence"`
	// Why is Reason in words, written by an edge before it prints.
	Why string `json:"why"`
	// Reason is why the column was given the role.
	Reason *Why `json:"reason,omitempty"`
	// Source is how the column was found: "header" (its name), "values"
	// (their shape, in a file without a header row) or "user".
	Source string `json:"source,omitempty"`
	// Alternatives are other columns that could play the role, best
	// first.
	Alternatives []Alternative `json:"alternatives,omitempty"`
	// Question lists the columns that fit the role equally well when the
	// user must choose (the role then has no column).
	Question []string `json:"question,omitempty"`
}

// Alternative is another column that could play a role.
type Alternative struct {
	Column     int     `json:"column"`
	Header     string  `json:"header"`
	Confidence float64 `json:"confidence"`
}

// Problem is why a file gives no report, with what the page needs to let
// the user fix it: the code and its details (the page words them), the
// file's columns and the mapping found so far.
type Problem struct {
	// Code is one of ingest's codes: no_rows, no_orders, no_date,
	// bad_dates, no_customer, no_amount, unclear_column, not_orders.
	Code     string   `json:"code"`
	File     string   `json:"file"`
	Role     string   `json:"role,omitempty"`     // the role missing or unclear
	Columns  []string `json:"columns,omitempty"`  // the columns that fit the role equally well (unclear_column)
	Kind     string   `json:"kind,omitempty"`     // what the file looks like: customers, products, payouts, inventory
	Platform string   `json:"platform,omitempty"` // the platform recognised, or ""
	Hint     string   `json:"hint,omitempty"`     // where that platform's orders export is
	Detail   string   `json:"detail,omitempty"`   // the reader's words (bad_dates, no_orders)
	// Values are what the date column holds instead of dates (bad_dates:
	// none for an empty column, or examples); Skipped why each row was
	// skipped (no_orders), for the page to word.
	Values  []string `json:"values,omitempty"`
	Skipped []Skip   `json:"skipped,omitempty"`
	// Mapping and Preview show what was read, for the Data tab.
	Mapping []MappingEntry `json:"mapping,omitempty"`
	Preview Preview        `json:"preview"`
}

// Preview is the header and first rows of the file, as read.
type Preview struct {
	Header []string   `json:"header"`
	Rows   [][]string `json:"rows"`
	Lines  []int      `json:"lines"`
}
