package report

// Prediction is what the BTYD models say of a shop's customers: who is
// still a customer (P(alive)), how much each will buy, and what each is
// worth, fitted on the orders up to a calibration date (Until) and checked
// against the orders after it when the file has them.
type Prediction struct {
	File     string  `json:"file"`
	Until    string  `json:"until"`    // last day of calibration
	End      string  `json:"end"`      // last day of the holdout ("" without one)
	Unit     string  `json:"unit"`     // day or week
	Horizon  int     `json:"horizon"`  // months the CLV and expected purchases look ahead
	Discount float64 `json:"discount"` // monthly discount rate
	// Customers counts the calibration customers; Repeaters those with a
	// repeat purchase by Until.
	Customers int `json:"n_customers"`
	Repeaters int `json:"n_repeaters"`

	BGNBD      *BGNBDParams `json:"bgnbd"`       // nil when it could not be fitted (see Errors)
	GammaGamma *GGParams    `json:"gamma_gamma"` // nil when it could not be fitted
	// SpendFrequencyCorrelation is Pearson's r between repeat purchases
	// and mean spend; the Gamma-Gamma model assumes they are independent.
	SpendFrequencyCorrelation *float64 `json:"spend_frequency_correlation"`

	Rows    []Predicted `json:"customers"`
	Holdout *Holdout    `json:"holdout"`
	// ErrorText is Errors in words, written by an edge before it prints.
	ErrorText []string `json:"errors,omitempty"`
	// Errors say why a model gave no numbers (its fit codes).
	Errors   []Error  `json:"error_codes,omitempty"`
	NoteText []string `json:"notes,omitempty"` // Notes in an edge's words
	Notes    []Note   `json:"note_codes,omitempty"`
}

// BGNBDParams are the fitted BG/NBD parameters and the log-likelihood.
// NoDropout says the data showed no sign of customers leaving: the fit is
// the model's limit as a goes to 0 (the NBD model), A and B are 0 and
// every P(alive) is 1.
type BGNBDParams struct {
	R         float64 `json:"r"`
	Alpha     float64 `json:"alpha"`
	A         float64 `json:"a"`
	B         float64 `json:"b"`
	LL        float64 `json:"ll"`
	NoDropout bool    `json:"no_dropout,omitempty"`
}

// GGParams are the fitted Gamma-Gamma parameters.
type GGParams struct {
	P     float64 `json:"p"`
	Q     float64 `json:"q"`
	Gamma float64 `json:"gamma"`
	LL    float64 `json:"ll"`
}

// Predicted is one customer's figures.
type Predicted struct {
	ID                string   `json:"id"`
	Email             string   `json:"email,omitempty"`
	X                 float64  `json:"x"`
	TX                float64  `json:"t_x"`
	T                 float64  `json:"T"`
	PAlive            float64  `json:"p_alive"`
	ExpectedPurchases float64  `json:"expected_purchases"` // over the horizon
	ExpectedAOV       *float64 `json:"expected_aov"`       // nil without a Gamma-Gamma fit
	CLV               *float64 `json:"clv"`                // likewise
	Holdout           *int     `json:"holdout_purchases,omitempty"`
	// NextOrder is the expected next order date (2006-01-02): the first
	// day after Until by which the customer's expected purchases reach
	// one; "" for a customer not expected to order again within ten
	// years (likely gone).
	NextOrder string `json:"next_order_date,omitempty"`
}

// Holdout compares predicted with actual purchases after Until.
type Holdout struct {
	Length float64 `json:"length"` // in units
	// ByX groups calibration customers by their repeat purchases (the last
	// group is "7+"): mean purchases in the holdout, actual and predicted.
	ByX []HoldoutGroup `json:"by_x"`
	// Cumulative is repeat purchases of all calibration customers, from
	// the first purchase on, unit by unit: actual and predicted.
	Cumulative []CumulativePoint `json:"cumulative"`
	Actual     int               `json:"actual"`    // holdout purchases
	Predicted  float64           `json:"predicted"` // what the model expected
	// Error is |predicted - actual| / actual over the holdout; MAE the mean
	// absolute error per customer.
	Error float64 `json:"error"`
	MAE   float64 `json:"mae"`
}

// HoldoutGroup is the customers with the same calibration purchases.
type HoldoutGroup struct {
	X         string  `json:"x"`
	Customers int     `json:"customers"`
	Actual    float64 `json:"actual"`
	Predicted float64 `json:"predicted"`
}

// CumulativePoint is cumulative repeat purchases at the end of a unit.
type CumulativePoint struct {
	Unit      int     `json:"unit"`
	Actual    int     `json:"actual"`
	Predicted float64 `json:"predicted"`
}

// Forecast is the prediction that goes with a report: the models fitted on
// every order up to the report's reference date, what they say of the
// shop's customers as a whole and by RFM segment, and the same models
// checked on an earlier calibration period against what happened after
// it. Each customer's figures are in the report's customer rows.
type Forecast struct {
	Until     string  `json:"until"` // last day of calibration: the day before the reference date
	Unit      string  `json:"unit"`
	Horizon   int     `json:"horizon"`  // months
	Discount  float64 `json:"discount"` // monthly
	Customers int     `json:"n_customers"`
	Repeaters int     `json:"n_repeaters"`

	BGNBD                     *BGNBDParams `json:"bgnbd"`
	GammaGamma                *GGParams    `json:"gamma_gamma"`
	SpendFrequencyCorrelation *float64     `json:"spend_frequency_correlation"`
	// ErrorText is Errors in words, written by an edge before it prints.
	ErrorText []string `json:"errors,omitempty"`
	// Errors say why a model gave no numbers, or why there is nothing to
	// predict from (NoOrdersToPredict, NoCustomerBy).
	Errors   []Error  `json:"error_codes,omitempty"`
	NoteText []string `json:"notes,omitempty"` // Notes in an edge's words
	Notes    []Note   `json:"note_codes,omitempty"`

	// ExpectedPurchases is the purchases every customer together is
	// expected to make over the horizon; CLV their predicted value (nil
	// without a spend model).
	ExpectedPurchases float64  `json:"expected_purchases"`
	CLV               *float64 `json:"clv"`
	// PAlive is the customers who bought again by P(alive), in tenths
	// ("0-10%" ... "90-100%"); one-time buyers are 1 by the model's
	// definition and not in it.
	PAlive   []Bucket          `json:"p_alive"`
	Segments []SegmentForecast `json:"segments"`
	Slipping SlippingList      `json:"slipping"`

	Validation Validation `json:"validation"`
}

// SegmentForecast is an RFM segment's prediction.
type SegmentForecast struct {
	Name              string   `json:"name"`
	Customers         int      `json:"customers"`
	ExpectedPurchases float64  `json:"expected_purchases"`
	CLV               *float64 `json:"clv"`      // total
	MeanCLV           *float64 `json:"mean_clv"` // per customer
	MeanPAlive        float64  `json:"mean_p_alive"`
}

// SlippingList is the valuable customers the models think are slipping
// away: net revenue in the top 20% (at least MinRevenue) and P(alive)
// below MaxPAlive.
type SlippingList struct {
	MinRevenue float64 `json:"min_revenue"`
	MaxPAlive  float64 `json:"max_p_alive"`
	Customers  int     `json:"customers"`
	Revenue    float64 `json:"revenue"` // what they have brought so far
}

// Validation is the models fitted on the orders up to Until and compared
// with the orders from then to End. Error says why there is none.
type Validation struct {
	Until   string       `json:"until"`
	End     string       `json:"end"`
	BGNBD   *BGNBDParams `json:"bgnbd,omitempty"`
	Holdout *Holdout     `json:"holdout,omitempty"`
	// ErrorText is Error in words, written by an edge before it prints.
	ErrorText string `json:"error,omitempty"`
	Error     *Error `json:"error_code,omitempty"`
}
