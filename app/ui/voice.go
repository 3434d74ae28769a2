package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/charts"
	"retention/app/i18n"
	"retention/app/report"
)

// surveyText shows a score: NPS in points, CSAT in %.
func surveyText(l *i18n.Locale, kind string, v float64) string {
	if kind == "nps" {
		return l.Num(v, 0)
	}
	return l.Percent(v)
}

// surveyKPI is the survey's card: its overall NPS or CSAT.
func surveyKPI(s *report.Survey, l *i18n.Locale) KPI {
	o := s.Overall
	text := func(v float64) string { return surveyText(l, s.Kind, v) }
	if s.Kind == "nps" {
		return KPI{Name: "nps", Label: l.T("Net promoter score"), Value: o.Value, Text: text(o.Value),
			Note: l.T("%s answers; 95%% interval %s to %s", l.Int(o.Answers), text(o.Low), text(o.High)),
			Formula: l.T("NPS = %% promoters (9-10) − %% detractors (0-6) = (%s − %s) ÷ %s × 100 = %s. The interval is where the score of all your customers most likely lies: the fewer the answers, the wider.",
				l.Int(o.Positive), l.Int(o.Negative), l.Int(o.Answers), text(o.Value))}
	}
	return KPI{Name: "csat", Label: l.T("Customer satisfaction"), Value: o.Value, Text: text(o.Value),
		Note: l.T("%s answers; 95%% interval %s to %s", l.Int(o.Answers), text(o.Low), text(o.High)),
		Formula: l.T("CSAT = satisfied answers (the top two of %s) ÷ answers = %s ÷ %s = %s; the mean answer is %s.",
			s.Scale, l.Int(o.Positive), l.Int(o.Answers), text(o.Value), l.Num(o.Mean, 2))}
}

func (w *Workbench) surveyCharts() []charts.Chart {
	if w.m.Doc == nil || w.m.Doc.Survey == nil {
		return nil
	}
	title := w.t("NPS per period")
	if w.m.Doc.Survey.Kind == "csat" {
		title = w.t("CSAT per period, %%")
	}
	return w.cached(TabVoice, func() []charts.Chart {
		return charts.Survey(w.m.Doc, charts.SurveyLabels{Title: title,
			Score: w.t("Score"), Low: w.t("95%% interval, low"), High: w.t("95%% interval, high"), Period: w.loc.Period})
	})
}

func (w *Workbench) surveyPicker(label string) app.UI {
	return app.Div().Class("survey-pick").Body(
		app.Label().Class("btn").Body(
			app.Text(label),
			app.Input().Type("file").ID("survey-input").Class("visually-hidden").Accept(accept).OnChange(func(ctx app.Context, e app.Event) {
				files := ctx.JSSrc().Get("files")
				if files.Truthy() && files.Length() > 0 {
					w.openSurvey(ctx, files.Index(0))
				}
				ctx.JSSrc().Set("value", "")
			}),
		),
		app.If(w.m.File == SampleFile, func() app.UI {
			return app.Button().ID("sample-survey").Class("btn").Text(w.t("Try the sample store's survey")).OnClick(w.sampleSurvey)
		}),
	)
}

func (w *Workbench) voice() app.UI {
	d := w.m.Doc
	s := d.Survey
	if s == nil {
		return app.Div().Class("voice").Body(
			app.P().Class("hint").Text(w.t("Add what your customers say to what they do: a survey export (NPS or CSAT answers from your e-mail, review or help-desk tool, CSV or Excel) is joined to these orders by customer id or e-mail, in this browser.")),
			app.If(d.SurveyError != "", func() app.UI {
				why := d.SurveyError // a code this page does not know yet: the engine's words
				if c := d.SurveyErrorCode; c != nil && w.settingText(c) != "" {
					why = w.settingText(c)
				}
				return app.Div().Class("alert").ID("survey-error").Attr("role", "alert").DataSet("code", settingCode(d.SurveyErrorCode)).
					Text(w.t("The survey could not be read: %s", why))
			}),
			w.surveyPicker(w.t("Add a survey export")),
		)
	}
	text := func(v float64) string { return surveyText(w.loc, s.Kind, v) }
	interval := func(sc report.SurveyScore) string { return w.t("%s to %s", text(sc.Low), text(sc.High)) }
	cs := w.surveyCharts()
	k := surveyKPI(s, w.loc)
	// groupTable is the score of each group, its name as name writes it.
	groupTable := func(id, title string, gs []report.GroupSurvey, name func(string) string) app.UI {
		return app.Section().Body(
			app.H2().Text(title),
			scroller(title).Body(app.Table().Class("table").ID(id).Body(
				app.THead().Body(app.Tr().Body(
					app.Th().Text(w.t("Group")), app.Th().Class("num").Text(w.t("Answers")), app.Th().Class("num").Text(w.t("Score")),
					app.Th().Class("num").Text(w.t("95%% interval")), app.Th().Class("num").Text(w.t("Positive")), app.Th().Class("num").Text(w.t("Negative")),
				)),
				app.TBody().Body(app.Range(gs).Slice(func(i int) app.UI {
					g := gs[i]
					return app.Tr().DataSet("group", g.Name).DataSet("value", strconv.FormatFloat(g.Score.Value, 'g', -1, 64)).Body(
						app.Td().Text(name(g.Name)), app.Td().Class("num").Text(w.loc.Int(g.Score.Answers)), app.Td().Class("num").Text(text(g.Score.Value)),
						app.Td().Class("num").Text(interval(g.Score)), app.Td().Class("num").Text(w.loc.Int(g.Score.Positive)), app.Td().Class("num").Text(w.loc.Int(g.Score.Negative)),
					)
				})),
			)),
		)
	}
	j := s.Join
	return app.Div().Class("voice").Body(
		app.P().ID("survey-summary").Text(w.t("%s: %s rows, scale %s (%s), dates %s.", s.File, w.loc.Int(s.Rows), s.Scale, w.scaleText(s.ScaleWhy), w.datesText(s.DateFormat))),
		app.If(len(s.Notes) > 0, func() app.UI {
			return app.Ul().Class("notes").Body(app.Range(s.Notes).Slice(func(i int) app.UI { return app.Li().Text(w.noteText(s.Notes[i])) }))
		}),
		app.If(len(s.Skipped) > 0, func() app.UI {
			return app.Ul().Class("notes").ID("survey-skipped").Body(app.Range(s.Skipped).Slice(func(i int) app.UI {
				k := s.Skipped[i]
				return app.Li().Text(w.t("%s rows skipped: %s (column %s; rows %s).", w.loc.Int(k.Rows), w.skipReason(k), k.Column, k.ExampleRows()))
			}))
		}),
		w.surveyControls(s),
		w.cards([]KPI{k}),
		app.If(j != nil, func() app.UI {
			pos, neg := w.t("Promoters"), w.t("detractors")
			if s.Kind == "csat" {
				pos, neg = w.t("Satisfied customers"), w.t("dissatisfied ones")
			}
			return app.P().ID("survey-join").Text(w.t("%s answers from %s customers matched these orders; %s were not found and %s had no customer id or e-mail. %s buy again %s of the time, %s %s.",
				w.loc.Int(j.Matched), w.loc.Int(j.Customers), w.loc.Int(j.Unmatched), w.loc.Int(j.Anonymous),
				pos, w.loc.Percent(j.RepeatPositive.Rate), neg, w.loc.Percent(j.RepeatNegative.Rate)))
		}),
		w.chartGrid(cs),
		app.If(j != nil, func() app.UI {
			return app.Div().Body(
				app.Div().Class("lists").Body(
					w.listCard(report.ListUnhappyVIPs, w.t("Unhappy VIPs"), w.t("%s of your most valuable customers gave a negative answer last time. Call them before they go.", w.loc.Int(j.UnhappyVIPCount)), nil, w.listActions(report.ListUnhappyVIPs, w.t("Unhappy VIPs"))),
					w.listCard(report.ListQuietFans, w.t("Quiet fans"), w.t("%s customers who answered positively have not ordered in %s days. Ask them back, or for a review.", w.loc.Int(j.QuietFanCount), w.loc.Int(j.QuietDays)),
						field(w.t("Days without an order"), app.Input().Type("number").ID("quiet-days").Min(1).Max(3650).Value(j.QuietDays).
							OnChange(func(ctx app.Context, e app.Event) {
								if n, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil && n > 0 {
									w.m.Settings.QuietDays = n
									w.apply()
								}
							})), w.listActions(report.ListQuietFans, w.t("Quiet fans"))),
				),
				w.openList(""),
				groupTable("survey-segments", w.t("By RFM segment (each customer's latest answer)"), j.BySegment, w.segmentName),
				groupTable("survey-cohorts", w.t("By cohort (the period of the first order)"), j.ByCohort, w.loc.Period),
			)
		}),
		w.surveyPicker(w.t("Add another survey export")),
	)
}

// surveyControls correct how the survey was read: its scale and the
// column of each role.
func (w *Workbench) surveyControls(s *report.Survey) app.UI {
	scale := w.m.Settings.SurveyScale
	return app.Details().Class("survey-columns").Body(
		app.Summary().Text(w.t("Columns and scale of the survey")),
		app.Div().Class("mapping").ID("survey-mapping").Body(
			field(w.t("Scale"), app.Select().ID("survey-scale").OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("value").String()
				if v == "auto" {
					v = "" // detect it again
				}
				w.m.Settings.SurveyScale = v
				w.apply()
			}).Body(
				option("auto", w.t("Detected: %s", s.Scale), scale),
				option("nps", "NPS (0-10)", scale),
				option("csat5", "CSAT (1-5)", scale),
				option("csat7", "CSAT (1-7)", scale),
				option("csat10", "CSAT (1-10)", scale),
			)),
			app.Range(s.Mapping).Slice(func(i int) app.UI {
				e := s.Mapping[i]
				return w.roleField(surveyRoleName(w, e.Role), "survey-role", e, s.Header, w.m.setSurveyMap)
			}),
		),
	)
}

func surveyRoleName(w *Workbench, role string) string {
	switch role {
	case "score":
		return w.t("Score")
	case "date":
		return w.t("Answer date")
	case "customer_id":
		return w.t("Customer id")
	case "email":
		return w.t("E-mail")
	case "comment":
		return w.t("Comment")
	}
	return role
}
