package engine

import (
	"fmt"
	"strings"
	"time"

	"retention/app/ingest"
	"retention/app/report"
	"retention/app/survey"
	"retention/metrics"
)

// Survey reads a survey export and scores it overall and per period (o's
// grain and time zone); with the orders' result and report it joins the
// answers to the customers. The survey's own settings are o's Survey
// fields and QuietDays.
func Survey(name string, data []byte, o report.Settings, orders *ingest.Result, doc *report.Document) (*report.Survey, error) {
	o.Defaults()
	loc, err := location(o.TZ)
	if err != nil {
		return nil, err
	}
	grain, err := grain(o.Grain)
	if err != nil {
		return nil, err
	}
	res, err := survey.Read(name, data, survey.Options{Sheet: o.SurveySheet, Map: o.SurveyMap, Scale: o.SurveyScale, Location: loc, Limits: o.Limits, Gunzipped: o.SurveyGunzipped})
	if err != nil {
		return nil, err
	}
	why, df := res.ScaleWhy, res.DateFormat
	out := &report.Survey{File: name, Format: res.Format, Sheet: res.Sheet, Scale: res.ScaleName, Kind: res.Scale.Kind, ScaleWhy: &why,
		Grain: grain.String(), TimeZone: loc.String(), Rows: res.Rows, DateFormat: &df, Notes: res.Notes, Header: res.Header}
	for _, m := range res.Mapping {
		out.Mapping = append(out.Mapping, report.MappingEntry{Role: string(m.Role), Column: m.Column, Header: m.Header, Confidence: r6(m.Confidence), Reason: &m.Why})
	}
	for _, s := range res.Skipped {
		out.Skipped = append(out.Skipped, report.Skip{Code: string(s.Code), Reason: s.Reason, Column: s.Column, Rows: s.Rows, Examples: s.Examples, Values: s.Values})
	}
	values := make([]float64, len(res.Answers))
	for i, a := range res.Answers {
		values[i] = a.Score
	}
	out.Overall = surveyScore(res.Scale.ScoreOf(values))
	for _, p := range metrics.ScoreByPeriod(res.Answers, res.Scale, grain) {
		out.Periods = append(out.Periods, report.SurveyPeriod{Period: p.Period.Key, Start: p.Period.Start.Format(dateLayout),
			End: p.Period.End.AddDate(0, 0, -1).Format(dateLayout), Score: surveyScore(p.Score)})
	}
	if orders == nil || doc == nil {
		return out, nil
	}
	out.Join = joinSurvey(res, orders, doc, grain, loc, o.QuietDays)
	return out, nil
}

func surveyScore(s metrics.Score) report.SurveyScore {
	return report.SurveyScore{Answers: s.Answers, Positive: s.Positive, Neutral: s.Neutral, Negative: s.Negative,
		Value: r6(s.Value), Low: r6(s.Low), High: r6(s.High), Mean: r6(s.Mean)}
}

// joinSurvey matches the answers to the orders' customers: by the
// customer key (customer id, or e-mail for guests), else by e-mail.
func joinSurvey(res *survey.Result, orders *ingest.Result, doc *report.Document, grain metrics.Grain, loc *time.Location, quietDays int) *report.VoiceJoin {
	ds := orders.Dataset
	byEmail := map[string]string{}
	for _, c := range ds.Customers {
		if e := strings.ToLower(strings.TrimSpace(c.Email)); e != "" {
			if _, dup := byEmail[e]; !dup {
				byEmail[e] = c.ID
			}
		}
	}
	answers := make([]metrics.Answer, len(res.Answers))
	for i, a := range res.Answers {
		if a.Customer != "" {
			if _, ok := ds.CustomerIndex(a.Customer); !ok {
				email := res.Emails[i]
				if email == "" && strings.Contains(a.Customer, "@") {
					email = strings.ToLower(a.Customer)
				}
				if key, ok := byEmail[email]; ok {
					a.Customer = key
				}
			}
		}
		answers[i] = a
	}
	rows := map[string]*report.Customer{}
	for i := range doc.CustomerRows {
		rows[doc.CustomerRows[i].ID] = &doc.CustomerRows[i]
	}
	row := func(ci int) *report.Customer { return rows[ds.Customers[ci].ID] }
	segment := func(ci int) string {
		if r := row(ci); r != nil {
			return r.Segment
		}
		return ""
	}
	vip := func(ci int) bool { r := row(ci); return r != nil && r.VIP }
	cohort := func(ci int) string {
		idx := ds.CustomerOrders(ci)
		if len(idx) == 0 {
			return ""
		}
		return grain.PeriodOf(ds.Orders[idx[0]].Time.In(loc)).Key
	}
	// A report always has its reference date; without one, the day
	// after the last order is the default it stands for.
	asOf, err := time.ParseInLocation(dateLayout, doc.AsOf, loc)
	if err != nil && len(ds.Orders) > 0 {
		asOf = ds.Orders[len(ds.Orders)-1].Time.AddDate(0, 0, 1)
	}
	v := metrics.JoinVoice(ds, answers, res.Scale, segment, vip, cohort, asOf, quietDays)
	j := &report.VoiceJoin{Orders: doc.File, AsOf: doc.AsOf, Matched: v.Matched, Unmatched: v.Unmatched, Anonymous: v.Anonymous,
		Examples: v.UnmatchedKeys, Customers: v.Customers, QuietDays: v.QuietDays,
		UnhappyVIPs: []report.Customer{}, QuietFans: []report.Customer{}}
	// Segments in the report's order.
	seg := map[string]report.SurveyScore{}
	for _, g := range v.BySegment {
		seg[g.Name] = surveyScore(g.Score)
	}
	for _, s := range doc.Segments {
		if sc, ok := seg[s.Name]; ok {
			j.BySegment = append(j.BySegment, report.GroupSurvey{Name: s.Name, Score: sc})
		}
	}
	for _, g := range v.ByCohort {
		j.ByCohort = append(j.ByCohort, report.GroupSurvey{Name: g.Name, Score: surveyScore(g.Score)})
	}
	rep := func(s metrics.Share) report.RepeatShare {
		return report.RepeatShare{Repeaters: s.Count, Customers: s.Of, Rate: r6(s.Value)}
	}
	j.RepeatPositive, j.RepeatNeutral, j.RepeatNegative = rep(v.RepeatPositive), rep(v.RepeatNeutral), rep(v.RepeatNegative)
	// The lists' rows carry the answer that put each customer there.
	answered := func(ci int) report.Customer {
		c, a := *row(ci), v.Latest[ci]
		c.Score, c.Comment = &a.Score, a.Comment
		return c
	}
	for _, ci := range v.NegativeVIPs {
		if row(ci) != nil {
			j.UnhappyVIPs = append(j.UnhappyVIPs, answered(ci))
		}
	}
	for _, ci := range v.QuietPositive {
		if row(ci) != nil {
			j.QuietFans = append(j.QuietFans, answered(ci))
		}
	}
	j.UnhappyVIPCount, j.QuietFanCount = len(j.UnhappyVIPs), len(j.QuietFans)
	return j
}

// SurveyList returns a survey list's customers by name.
func SurveyList(s *report.Survey, name string) ([]report.Customer, string, error) {
	if s.Join == nil {
		return nil, "", fmt.Errorf("the survey lists need the orders: give them with --orders")
	}
	switch {
	case strings.EqualFold(strings.TrimSpace(name), report.ListUnhappyVIPs):
		return s.Join.UnhappyVIPs, report.ListUnhappyVIPs, nil
	case strings.EqualFold(strings.TrimSpace(name), report.ListQuietFans):
		return s.Join.QuietFans, report.ListQuietFans, nil
	}
	return nil, "", fmt.Errorf("no survey list named %q; the lists are %q and %q", name, report.ListUnhappyVIPs, report.ListQuietFans)
}
