package report

// DateOrder is the order of day, month and year in a date written with
// numbers.
type DateOrder string

// The orders of DateFormat.
const (
	YearFirst  DateOrder = "ymd" // 2024-01-31
	DayFirst   DateOrder = "dmy" // 31.01.2024, 31/01/2024
	MonthFirst DateOrder = "mdy" // 01/31/2024
)

// DateFormat is how a file writes its dates, as the reader decided from
// the whole column: the edges word it (the command line "day before month
// (dd.mm.yyyy) with time", the page in its language).
type DateFormat struct {
	Order DateOrder `json:"order,omitempty"`
	// Serial: Excel serial day numbers (the 1900 date system); Order
	// says nothing then.
	Serial bool `json:"serial,omitempty"`
	// Compact: yyyymmdd, digits alone.
	Compact bool `json:"compact,omitempty"`
	// Time: some values have a time of day.
	Time bool `json:"time,omitempty"`
	// Ambiguous: no day was above 12, so day and month could not be told
	// apart from the values; Order was assumed.
	Ambiguous bool `json:"ambiguous,omitempty"`
}

// NumberFormat is how a file writes its amounts: the decimal separator,
// and the thousands separator seen ("" when none was; " " for a space of
// any width).
type NumberFormat struct {
	Decimal string `json:"decimal"`
	Group   string `json:"group,omitempty"`
}

// ScaleCode says why a survey's scale is the one it is.
type ScaleCode string

// The reasons of ScaleWhy, with the fields each one sets.
const (
	// ScaleChosen: the user chose the scale.
	ScaleChosen ScaleCode = "chosen"
	// ScaleRecommends: the score column's header (Column) asks about
	// recommending: NPS.
	ScaleRecommends ScaleCode = "header_recommends"
	// ScaleSatisfaction: the header (Column) asks about satisfaction, and
	// the answers run from 1 to at most Max, the scale's top (5, 7 or
	// 10): CSAT.
	ScaleSatisfaction ScaleCode = "header_satisfaction"
	// ScaleAnswers: the header says neither; the answers run from Min to
	// Max.
	ScaleAnswers ScaleCode = "answers"
)

// ScaleWhy says why a survey's scale was chosen: a code with the header
// and the answers' range it is about.
type ScaleWhy struct {
	Code   ScaleCode `json:"code"`
	Column string    `json:"column,omitempty"`
	Min    int       `json:"min,omitempty"`
	Max    int       `json:"max,omitempty"`
}
