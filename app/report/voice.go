package report

// Survey is the report of a survey export (NPS or CSAT answers), joined to
// the orders when they are given.
type Survey struct {
	File   string `json:"file"`
	Format string `json:"format"`
	Sheet  string `json:"sheet,omitempty"`
	Scale  string `json:"scale"` // "NPS (0-10)", "CSAT (1-5)", ...
	Kind   string `json:"kind"`  // nps or csat
	// ScaleText is ScaleWhy in words and DateText DateFormat, written
	// by an edge before it prints; the engine leaves them empty.
	ScaleText string `json:"scale_why"`
	Grain     string `json:"grain"`
	TimeZone  string `json:"time_zone"`
	Rows      int    `json:"rows"`
	DateText  string `json:"date_format"`
	// ScaleWhy is why the scale is Scale; DateFormat how the survey
	// writes its dates (nil once an edge has worded them).
	ScaleWhy   *ScaleWhy   `json:"scale_why_code,omitempty"`
	DateFormat *DateFormat `json:"date_format_code,omitempty"`

	// Overall is every answer's score. For NPS, Value is % promoters - %
	// detractors in points; for CSAT the share of satisfied answers.
	Overall SurveyScore    `json:"overall"`
	Periods []SurveyPeriod `json:"periods"`

	Mapping  []MappingEntry `json:"mapping"`
	Header   []string       `json:"header"` // the file's columns, for correcting the mapping
	Skipped  []Skip         `json:"skipped"`
	NoteText []string       `json:"notes,omitempty"` // Notes in an edge's words
	Notes    []Note         `json:"note_codes,omitempty"`

	Join *VoiceJoin `json:"join,omitempty"`
}

// SurveyScore is a score with its answers and 95% interval. Positive are
// promoters (NPS 9-10) or satisfied answers (the top two of the scale),
// Negative detractors (NPS 0-6) or dissatisfied ones (the bottom two).
type SurveyScore struct {
	Answers  int     `json:"answers"`
	Positive int     `json:"positive"`
	Neutral  int     `json:"neutral"`
	Negative int     `json:"negative"`
	Value    float64 `json:"value"`
	Low      float64 `json:"low"`
	High     float64 `json:"high"`
	Mean     float64 `json:"mean"`
}

// SurveyPeriod is the score of one period's answers.
type SurveyPeriod struct {
	Period string      `json:"period"`
	Start  string      `json:"start"`
	End    string      `json:"end"`
	Score  SurveyScore `json:"score"`
}

// GroupSurvey is the score of a group of customers (by each one's latest
// answer).
type GroupSurvey struct {
	Name  string      `json:"name"`
	Score SurveyScore `json:"score"`
}

// RepeatShare is the repeat purchase rate of the customers with one kind
// of answer.
type RepeatShare struct {
	Repeaters int     `json:"repeaters"`
	Customers int     `json:"customers"`
	Rate      float64 `json:"rate"`
}

// VoiceJoin is a survey joined to an orders file: answers matched to
// customers by customer id, or by e-mail.
type VoiceJoin struct {
	Orders    string   `json:"orders"`
	AsOf      string   `json:"as_of"`
	Matched   int      `json:"matched"`   // answers of customers found in the orders
	Unmatched int      `json:"unmatched"` // answers of customers not found
	Anonymous int      `json:"anonymous"` // answers without an id or e-mail
	Examples  []string `json:"unmatched_examples,omitempty"`
	Customers int      `json:"customers"` // distinct customers matched

	BySegment []GroupSurvey `json:"by_segment"`
	ByCohort  []GroupSurvey `json:"by_cohort"`
	// Repeat purchase rates by the customers' latest answer.
	RepeatPositive RepeatShare `json:"repeat_positive"`
	RepeatNeutral  RepeatShare `json:"repeat_neutral"`
	RepeatNegative RepeatShare `json:"repeat_negative"`

	// UnhappyVIPs are VIPs whose latest answer was negative; QuietFans
	// customers whose latest answer was positive and who have not ordered
	// in QuietDays days. The most valuable first.
	UnhappyVIPs []Customer `json:"unhappy_vips"`
	QuietFans   []Customer `json:"quiet_fans"`
	QuietDays   int        `json:"quiet_days"`
	// The lists' sizes (the page gets the sizes, and the rows on demand).
	UnhappyVIPCount int `json:"unhappy_vip_count"`
	QuietFanCount   int `json:"quiet_fan_count"`
}

// The survey's lists.
const (
	ListUnhappyVIPs = "Unhappy VIPs"
	ListQuietFans   = "Quiet fans"
)
