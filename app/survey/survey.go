// Package survey reads survey exports (NPS and CSAT answers from e-mail,
// review and help-desk tools) into answers: the score column and its
// scale, the date, the customer id or e-mail and the comment, found from
// the header names in English, German, Danish, Norwegian, Swedish and
// Filipino and from the values. Every row that does not become an answer
// is counted by reason, with its row numbers.
package survey

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"retention/app/columns"
	"retention/app/limits"
	"retention/app/parse"
	"retention/app/report"
	"retention/app/sheet"
	"retention/metrics"
)

// Role is what a survey column means.
type Role string

// The roles of a survey column.
const (
	Score      Role = "score"
	Date       Role = "date"
	CustomerID Role = "customer_id"
	Email      Role = "email"
	Comment    Role = "comment"
)

// Roles lists every role in the order a report shows them.
func Roles() []Role { return []Role{Score, Date, CustomerID, Email, Comment} }

// names are header names per role, folded (see columns.Fold): equal scores 1,
// containing (4 letters and more) 0.7.
var names = map[Role][]string{
	Score: {
		"score", "npsscore", "csatscore", "nps", "csat", "rating", "ratingscore", "surveyscore", "likelihoodtorecommend",
		"howlikelyareyoutorecommendus", "recommend", "satisfaction", "satisfactionscore", "satisfactionrating", "answerscore",
		"bewertung", "punktzahl", "punkte", "wertung", "zufriedenheit", "weiterempfehlung", "empfehlung",
		"vurdering", "karakter", "bedommelse", "tilfredshed", "tilfredshet", "anbefaling", "point",
		"betyg", "omdome", "nojdhet", "rekommendation", "poang",
		"iskor", "marka", "grado", "antasngkasiyahan", "kasiyahan",
	},
	Date: {
		"date", "surveydate", "responsedate", "answerdate", "submittedat", "submitted", "submissiondate", "createdat", "created",
		"respondedat", "respondeddate", "ratedat", "timestamp", "time", "updatedat", "completedat",
		"datum", "antwortdatum", "erstelltam", "eingereichtam", "zeitstempel",
		"dato", "svardato", "besvaret", "oprettet", "opprettet", "tidspunkt",
		"svarsdatum", "skapad", "tidpunkt",
		"petsa", "petsangsagot", "orasngsagot",
	},
	CustomerID: {
		"customerid", "customernumber", "customerno", "customer", "clientid", "userid", "personid", "contactid", "memberid", "accountid",
		"kundennummer", "kundennr", "kundenid", "kunde", "kundenummer", "kundenr", "kundeid", "kundnummer", "kundnr", "kundid", "kund",
		"numerongcustomer", "idngcustomer", "kostumer", "mamimili",
	},
	Email: {
		"email", "emailaddress", "customeremail", "personemail", "respondentemail", "contactemail", "useremail", "recipient",
		"mail", "emailadresse", "epost", "epostadresse", "epostadress", "mejl", "mejladress", "emailngcustomer",
	},
	Comment: {
		"comment", "comments", "feedback", "reason", "whyscore", "text", "answertext", "openanswer", "verbatim", "remarks", "note", "notes",
		"kommentar", "kommentare", "begrundung", "anmerkung", "anmerkungen", "ruckmeldung", "tilbagemelding", "tilbakemelding",
		"aterkoppling", "synpunkter", "synpunkt", "komento", "puna", "paliwanag", "mensahe",
	},
}

// Kinds of scale named by a header: NPS questions ask about recommending,
// CSAT ones about satisfaction.
var npsWords = []string{"nps", "recommend", "empfehl", "anbefal", "rekommend", "irekomenda", "promoter"}
var csatWords = []string{"csat", "satisf", "zufrieden", "tilfreds", "nojd", "kasiyahan", "happiness"}

// Options control Read. The zero value detects everything.
type Options struct {
	Sheet string
	// Map sets a role's column by header or 1-based number; "" unsets it.
	Map map[string]string
	// Scale is "nps", "csat5", "csat7", "csat10" or "" to detect it.
	Scale    string
	Location *time.Location // the reporting time zone (nil for UTC), as ingest.Options.Location
	// Progress, if set, hears how far reading has come.
	Progress func(done, total int64)
	// Limits bound what reading the file may take (package limits); a
	// zero field takes the command line's bound.
	Limits limits.Limits
	// Gunzipped tells that the file's bytes are a .gz file's content,
	// inflated by the caller (sheet.Options.Gunzipped).
	Gunzipped bool
}

// Match is the column found for a role.
type Match struct {
	Role       Role       `json:"role"`
	Column     int        `json:"column"` // -1 for none
	Header     string     `json:"header,omitempty"`
	Confidence float64    `json:"confidence"`
	Why        report.Why `json:"why,omitempty"`
}

// Skip counts rows that did not become answers for one reason.
type Skip struct {
	Code     SkipCode `json:"code"`   // the reason, for the edges to word
	Reason   string   `json:"reason"` // the English the command prints
	Column   string   `json:"column,omitempty"`
	Rows     int      `json:"rows"`
	Examples []int    `json:"examples"` // first row numbers
	Values   []string `json:"values,omitempty"`
}

// SkipCode names why a survey row was skipped; Skip.Column, Examples and
// Values are its parameters.
type SkipCode string

// The survey's skip codes.
const (
	NoScore  SkipCode = "no_score"  // the score cell is empty
	BadScore SkipCode = "bad_score" // the score is not on the scale (Result.Scale)
	NoDate   SkipCode = "no_date"   // the date cell is empty
	BadDate  SkipCode = "bad_date"  // the date cannot be read
)

// Result is a read survey.
type Result struct {
	File       string            `json:"file"`
	Format     string            `json:"format"`
	Sheet      string            `json:"sheet,omitempty"`
	Scale      metrics.Scale     `json:"-"`
	ScaleName  string            `json:"scale"`
	ScaleWhy   report.ScaleWhy   `json:"scale_why"`
	Rows       int               `json:"rows"`
	Answers    []metrics.Answer  `json:"-"`
	Emails     map[int]string    `json:"-"` // answer index -> e-mail, when the answer has a customer id too
	Mapping    []Match           `json:"mapping"`
	Header     []string          `json:"header"`
	Skipped    []Skip            `json:"skipped"`
	DateFormat report.DateFormat `json:"date_format"`
	Notes      []report.Note     `json:"notes,omitempty"`
}

const sampleRows = 2000

// errNoWholeScores is scaleOf's: the score column holds no whole numbers
// from 0 to 10.
var errNoWholeScores = errors.New("the score column holds no whole numbers from 0 to 10")

// said is a survey that gives no answers: its sentence, naming the
// command line's --map, and its code for the page (report.Said).
func said(code report.Error, format string, args ...any) error {
	return &report.Said{Text: fmt.Sprintf(format, args...), Code: &code}
}

// Read reads a survey export.
func Read(name string, data []byte, o Options) (*Result, error) {
	t, err := sheet.Read(name, data, sheet.Options{Sheet: o.Sheet, Progress: o.Progress, Limits: o.Limits, Gunzipped: o.Gunzipped})
	if err != nil {
		return nil, err
	}
	if t.Len() == 0 {
		return nil, said(report.Error{Code: report.SurveyNoAnswers, File: name}, "%s has a header but no answers", name)
	}
	loc := o.Location
	if loc == nil {
		loc = time.UTC
	}
	res := &Result{File: name, Format: t.Format, Sheet: t.Sheet, Rows: t.Len(), Notes: t.Notes, Header: t.Header}
	m := detect(t)
	for role, col := range o.Map {
		r := Role(role)
		if _, ok := names[r]; !ok {
			return nil, fmt.Errorf("unknown role %q; the roles are score, date, customer_id, email, comment", role)
		}
		if col == "" {
			delete(m, r)
			continue
		}
		i, err := columns.FindColumn(t.Header, col)
		if err != nil {
			return nil, err
		}
		for k, v := range m {
			if v.Column == i {
				delete(m, k)
			}
		}
		m[r] = Match{Role: r, Column: i, Header: t.Header[i], Confidence: 1, Why: report.Why{Header: report.SetByUser}}
	}
	if sc, ok := m[Score]; ok && sc.Why.Header != report.SetByUser && sc.Confidence < 0.7 {
		// Scores found by their values alone: an orders export has small
		// whole numbers too (quantities).
		om := columns.Detect(t.Header, firstRows{t, min(t.Len(), sampleRows)})
		_, hasOrder := om.Column(columns.OrderID)
		_, hasTotal := om.Column(columns.Total)
		_, hasPrice := om.Column(columns.UnitPrice)
		if hasOrder && (hasTotal || hasPrice) {
			return nil, said(report.Error{Code: report.SurveyOrders, File: name, Value: sc.Header},
				"%s looks like an orders export, not a survey: no column is named like a score (%q only holds small numbers); name it with --map score=COLUMN", name, sc.Header)
		}
	}
	sc, ok := m[Score]
	if !ok {
		return nil, said(report.Error{Code: report.SurveyNoScore, File: name}, "%s has no column of scores (0-10 or 1-5 answers); name it with --map score=COLUMN", name)
	}
	dc, ok := m[Date]
	if !ok {
		return nil, said(report.Error{Code: report.SurveyNoDate, File: name}, "%s has no column with answer dates; name it with --map date=COLUMN", name)
	}
	for _, r := range Roles() {
		if x, ok := m[r]; ok {
			res.Mapping = append(res.Mapping, x)
		} else {
			res.Mapping = append(res.Mapping, Match{Role: r, Column: -1})
		}
	}

	col := func(r Role) int {
		if x, ok := m[r]; ok {
			return x.Column
		}
		return -1
	}
	cell := func(row, c int) string {
		if c < 0 {
			return ""
		}
		return t.Trim(row, c)
	}
	dates := make([]string, 0, sampleRows)
	scores := make([]string, 0, t.Len())
	for i := range t.Len() {
		if v := cell(i, dc.Column); v != "" && len(dates) < cap(dates) {
			dates = append(dates, v)
		}
		scores = append(scores, cell(i, sc.Column))
	}
	df, err := parse.DetectDateFormat(dates)
	if err != nil {
		return nil, &report.Said{Text: fmt.Sprintf("column %q: %v", dc.Header, err), Code: &report.Error{Code: report.SurveyBadDates, File: name, Value: dc.Header}, Sentinel: err}
	}
	res.DateFormat = df.Code()
	nf := parse.DetectNumberFormat(scores)
	values := make([]float64, t.Len())
	okScore := make([]bool, t.Len())
	for i, s := range scores {
		if v, err := nf.Parse(s); err == nil && s != "" {
			values[i], okScore[i] = v, true
		}
	}
	res.Scale, res.ScaleWhy, err = scaleOf(o.Scale, sc.Header, values, okScore)
	if errors.Is(err, errNoWholeScores) {
		return nil, said(report.Error{Code: report.SurveyNoScale, File: name, Value: sc.Header}, "%v", err)
	}
	if err != nil {
		return nil, err
	}
	res.ScaleName = res.Scale.String()

	skips := map[string]*Skip{}
	var order []string
	skip := func(code SkipCode, reason, column string, line int, value string) {
		k := reason + "\x00" + column
		s := skips[k]
		if s == nil {
			s = &Skip{Code: code, Reason: reason, Column: column}
			skips[k] = s
			order = append(order, k)
		}
		s.Rows++
		if len(s.Examples) < 5 {
			s.Examples = append(s.Examples, line)
			if value != "" {
				s.Values = append(s.Values, value)
			}
		}
	}
	res.Emails = map[int]string{}
	for i := range t.Len() {
		line := int(t.Lines[i])
		raw := scores[i]
		switch {
		case raw == "":
			skip(NoScore, "no score", sc.Header, line, "")
			continue
		case !okScore[i] || !res.Scale.Valid(values[i]):
			skip(BadScore, fmt.Sprintf("not a score on the %s scale", res.Scale), sc.Header, line, raw)
			continue
		}
		ds := cell(i, dc.Column)
		if ds == "" {
			skip(NoDate, "no date", dc.Header, line, "")
			continue
		}
		when, err := df.Parse(ds, loc)
		if err != nil {
			skip(BadDate, "not a date", dc.Header, line, ds)
			continue
		}
		a := metrics.Answer{Time: when, Score: values[i], Comment: cell(i, col(Comment)), Line: line}
		id, email := cell(i, col(CustomerID)), strings.ToLower(cell(i, col(Email)))
		a.Customer = id
		if id == "" {
			a.Customer = email
		} else if email != "" {
			res.Emails[len(res.Answers)] = email
		}
		res.Answers = append(res.Answers, a)
	}
	for _, k := range order {
		res.Skipped = append(res.Skipped, *skips[k])
	}
	if len(res.Answers) == 0 {
		return nil, said(report.Error{Code: report.SurveyNoAnswers, File: name, N: t.Len()}, "%s has no answer with a score and a date (%d rows read)", name, t.Len())
	}
	if col(CustomerID) < 0 && col(Email) < 0 {
		res.Notes = append(res.Notes, report.Note{Code: report.NoteSurveyNoKey})
	}
	return res, nil
}

// scaleOf decides the scale: the caller's, or from the header's words and
// the values' range.
func scaleOf(choice, header string, values []float64, ok []bool) (metrics.Scale, report.ScaleWhy, error) {
	chosen := report.ScaleWhy{Code: report.ScaleChosen}
	switch strings.ToLower(strings.TrimSpace(choice)) {
	case "nps":
		return metrics.NPSScale, chosen, nil
	case "csat5", "csat":
		return metrics.CSAT5, chosen, nil
	case "csat7":
		return metrics.CSAT7, chosen, nil
	case "csat10":
		return metrics.CSAT10, chosen, nil
	case "":
	default:
		return metrics.Scale{}, report.ScaleWhy{}, fmt.Errorf("unknown scale %q; use nps, csat5, csat7 or csat10", choice)
	}
	lo, hi, n := math.Inf(1), math.Inf(-1), 0
	for i, v := range values {
		if ok[i] && v == math.Trunc(v) && v >= 0 && v <= 10 {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
			n++
		}
	}
	if n == 0 {
		return metrics.Scale{}, report.ScaleWhy{}, errNoWholeScores
	}
	h := columns.Fold(header)
	has := func(words []string) bool {
		for _, w := range words {
			if strings.Contains(h, w) {
				return true
			}
		}
		return false
	}
	satisfaction := func(s metrics.Scale) (metrics.Scale, report.ScaleWhy, error) {
		return s, report.ScaleWhy{Code: report.ScaleSatisfaction, Column: header, Max: s.Max}, nil
	}
	answers := report.ScaleWhy{Code: report.ScaleAnswers, Min: int(lo), Max: int(hi)}
	switch {
	case has(npsWords):
		return metrics.NPSScale, report.ScaleWhy{Code: report.ScaleRecommends, Column: header}, nil
	case has(csatWords) && lo >= 1:
		switch {
		case hi <= 5:
			return satisfaction(metrics.CSAT5)
		case hi <= 7:
			return satisfaction(metrics.CSAT7)
		}
		return satisfaction(metrics.CSAT10)
	case lo == 0 || hi > 7:
		return metrics.NPSScale, answers, nil
	case hi <= 5:
		return metrics.CSAT5, answers, nil
	}
	return metrics.CSAT7, answers, nil
}

// detect finds each role's column from the header, then the score and
// date columns from the values when no header names them.
func detect(t *sheet.Table) map[Role]Match {
	m := map[Role]Match{}
	taken := map[int]bool{}
	type cand struct {
		role  Role
		col   int
		score float64
		why   report.Why
	}
	var cs []cand
	for i, h := range t.Header {
		f := columns.Fold(h)
		if f == "" {
			continue
		}
		for _, r := range Roles() {
			best := 0.0
			for _, n := range names[r] {
				switch {
				case f == n:
					best = 1
				case len(n) >= 4 && strings.Contains(f, n) && best < 0.7:
					best = 0.7
				}
			}
			if best > 0 {
				cs = append(cs, cand{r, i, best, report.Why{Header: report.HeaderIs, Column: h}})
			}
		}
	}
	n := min(t.Len(), sampleRows)
	numShare := make([]float64, len(t.Header))
	// Values: a score column holds whole numbers 0-10 in most rows; a date
	// column parses as dates.
	for c := range t.Header {
		var nums, dates, filled int
		var sample []string
		for r := 0; r < n; r++ {
			v := t.Trim(r, c)
			if v == "" {
				continue
			}
			filled++
			if f, err := parse.English.Parse(v); err == nil && f == math.Trunc(f) && f >= 0 && f <= 10 {
				nums++
			}
			sample = append(sample, v)
		}
		if filled == 0 {
			continue
		}
		if _, err := parse.DetectDateFormat(sample); err == nil {
			for _, v := range sample {
				if len(v) >= 6 && strings.ContainsAny(v, "-./") || len(v) == 8 {
					dates++
				}
			}
		}
		numShare[c] = float64(nums) / float64(filled)
		if numShare[c] >= 0.9 {
			cs = append(cs, cand{Score, c, 0.5, report.Why{Values: report.AreScores}})
		}
		if float64(dates) >= 0.9*float64(filled) {
			cs = append(cs, cand{Date, c, 0.5, report.Why{Values: report.SurveyDates}})
		}
	}
	// A header match needs values that fit: most scores must be numbers
	// from 0 to 10 (the rest are reported as skipped).
	valid := func(x cand) bool { return x.role != Score || numShare[x.col] >= 0.5 }
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	for _, x := range cs {
		if _, done := m[x.role]; done || taken[x.col] || !valid(x) {
			continue
		}
		m[x.role] = Match{Role: x.role, Column: x.col, Header: t.Header[x.col], Confidence: x.score, Why: x.why}
		taken[x.col] = true
	}
	return m
}

// firstRows are a table's first n rows, as columns.Detect reads them.
type firstRows struct {
	*sheet.Table
	n int
}

// Len returns the number of rows.
func (f firstRows) Len() int { return f.n }
