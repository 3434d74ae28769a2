package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/charts"
	"retention/app/i18n"
	"retention/app/report"
)

// forecastKPIs lists the cards of the predictions tab; none without a
// fitted purchase model.
func forecastKPIs(d *report.Document, l *i18n.Locale) []KPI {
	f := d.Forecast
	if f == nil || f.BGNBD == nil {
		return nil
	}
	cur := d.Currency
	money := func(v float64) string { return l.Money(v, cur) }
	unit := l.T("weeks")
	if f.Unit == "day" {
		unit = l.T("days")
	}
	b := f.BGNBD
	v := checkVerdict(f)
	model := l.T("BG/NBD with r = %s, α = %s, a = %s, b = %s", l.Num(b.R, 3), l.Num(b.Alpha, 3), l.Num(b.A, 3), l.Num(b.B, 3))
	if b.NoDropout {
		model = l.T("BG/NBD without drop-out (NBD) with r = %s, α = %s", l.Num(b.R, 3), l.Num(b.Alpha, 3))
	}
	out := []KPI{{
		Name: "expected_purchases", Label: l.T("Expected purchases"), Value: f.ExpectedPurchases, Text: l.Num(f.ExpectedPurchases, 0),
		Note: l.T("next %s months", l.Int(f.Horizon)), Verdict: verdictText(l, v, f, false),
		Formula: l.T("%s, fitted in %s on the orders to %s of %s customers (%s bought again), gives each customer's expected purchases in the next %s months from their repeat purchases (x), the time of the last (tₓ) and their age (T); summed: %s.",
			model, unit, l.Date(f.Until), l.Int(f.Customers), l.Int(f.Repeaters), l.Int(f.Horizon), l.Num(f.ExpectedPurchases, 1)),
	}}
	if f.CLV != nil && f.GammaGamma != nil {
		g := f.GammaGamma
		out = append(out, KPI{
			Name: "predicted_clv", Label: l.T("Predicted customer value"), Value: *f.CLV, Text: money(*f.CLV), Currency: cur,
			Note: l.T("next %s months, all customers", l.Int(f.Horizon)), Verdict: verdictText(l, v, f, false),
			Formula: l.T("CLV = Σ over the next %s months of expected purchases in the month × expected order value ÷ (1 + %s)^month, summed over customers: %s. The order value is Gamma-Gamma's (p = %s, q = %s, γ = %s): each customer's own mean pulled toward the shop's.",
				l.Int(f.Horizon), l.Percent(f.Discount), money(*f.CLV), l.Num(g.P, 3), l.Num(g.Q, 3), l.Num(g.Gamma, 3)),
		})
	}
	if !b.NoDropout {
		s := f.Slipping
		out = append(out, KPI{
			Name: "slipping", Label: l.T("Slipping away"), Value: float64(s.Customers), Text: l.Int(s.Customers),
			Note: l.T("brought %s so far", money(s.Revenue)), Verdict: verdictText(l, v, f, true),
			Formula: l.T("Customers in the top 20%% by net revenue (%s or more) whose P(alive) is below %s: %s customers who brought %s. P(alive) falls the longer a customer stays away, measured against their own rhythm.",
				money(s.MinRevenue), l.Percent(s.MaxPAlive), l.Int(s.Customers), money(s.Revenue)),
		})
	}
	if h := f.Validation.Holdout; h != nil {
		out = append(out, KPI{
			Name: "check_error", Label: l.T("Prediction error in the test"), Value: h.Error, Text: l.Percent(h.Error),
			Note: l.T("%s to %s", l.Date(f.Validation.Until), l.Date(f.Validation.End)), Verdict: verdictText(l, v, f, false),
			Formula: l.T("Fitted only on the orders to %s, the models expected %s purchases from %s to %s; there were %s. Error = |%s − %s| ÷ %s = %s; per customer the mean absolute error is %s.",
				l.Date(f.Validation.Until), l.Num(h.Predicted, 0), l.Date(f.Validation.Until), l.Date(f.Validation.End), l.Int(h.Actual),
				l.Num(h.Predicted, 0), l.Int(h.Actual), l.Int(h.Actual), l.Percent(h.Error), l.Num(h.MAE, 2)),
		})
	}
	return out
}

// forecastCharts builds the prediction charts, labels translated.
func (w *Workbench) forecastCharts() []charts.Chart {
	if w.m.Doc == nil {
		return nil
	}
	return w.cached(TabPredict, func() []charts.Chart { return charts.Forecast(w.m.Doc, w.forecastLabels()) })
}

// forecastLabels are the prediction charts' words.
func (w *Workbench) forecastLabels() charts.ForecastLabels {
	units := w.t("Weeks since the first purchase")
	if f := w.m.Doc.Forecast; f != nil && f.Unit == "day" {
		units = w.t("Days since the first purchase")
	}
	return charts.ForecastLabels{
		PAliveTitle:     w.t("Repeat buyers by chance of staying"),
		PAlive:          w.t("P(alive)"),
		Customers:       w.t("Customers"),
		CLVTitle:        w.t("Predicted CLV per customer by segment"),
		PredictedCLV:    w.t("Predicted CLV"),
		ByXTitle:        w.t("Test: purchases per customer after the test date"),
		ByXAxis:         w.t("Repeat purchases before the test date"),
		Actual:          w.t("Actual"),
		Predicted:       w.t("Predicted"),
		CumulativeTitle: w.t("Test: repeat purchases, predicted and actual"),
		Units:           units,
		CalibrationEnd:  w.t("Test date"),
	}
}

func (w *Workbench) predictControls() app.UI {
	s := w.m.Settings
	f := w.m.Doc.Forecast
	unit, horizon, discount, validate := "week", 12, 0.01, ""
	if f != nil {
		if f.Unit != "" {
			unit, horizon, discount = f.Unit, f.Horizon, f.Discount
		}
		validate = f.Validation.Until
	}
	if s.Validate != "" {
		validate = s.Validate
	}
	return app.Form().Class("controls").ID("predict-controls").OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).Body(
		field(w.t("Time unit"), app.Select().ID("predict-unit").OnChange(func(ctx app.Context, e app.Event) {
			w.m.Settings.PredictUnit = ctx.JSSrc().Get("value").String()
			w.apply()
		}).Body(
			option("week", w.t("Weeks"), unit),
			option("day", w.t("Days"), unit),
		)),
		field(w.t("Months ahead"), app.Input().Type("number").ID("horizon").Min(1).Max(120).Value(horizon).
			OnChange(func(ctx app.Context, e app.Event) {
				if n, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil && n >= 1 && n <= 120 {
					w.m.Settings.Horizon = n
					w.apply()
				}
			})),
		field(w.t("Future sales count less by (%% a month)"), app.Input().Type("number").ID("discount").Min(0).Max(50).Step(0.1).Value(strconv.FormatFloat(discount*100, 'f', -1, 64)).
			OnChange(func(ctx app.Context, e app.Event) {
				v, err := strconv.ParseFloat(strings.ReplaceAll(ctx.JSSrc().Get("value").String(), ",", "."), 64)
				if err == nil && v >= 0 && v < 100 {
					r := v / 100
					w.m.Settings.Discount = &r
					w.apply()
				}
			})),
		field(w.t("Test on the orders after"), app.Input().Type("date").ID("validate").Value(validate).Min(w.m.Doc.FirstOrder).Max(w.m.Doc.LastOrder).
			OnChange(w.setDate(func(v string) { w.m.Settings.Validate = v }))),
	)
}

func (w *Workbench) predictions() app.UI {
	d := w.m.Doc
	f := d.Forecast
	if f == nil {
		return app.Div().Class("predictions").Body(w.noForecast())
	}
	cur := d.Currency
	money := func(v *float64) string {
		if v == nil {
			return "–"
		}
		return w.loc.Money(*v, cur)
	}
	ks := forecastKPIs(d, w.loc)
	cs := w.forecastCharts()
	return app.Div().Class("predictions").Body(
		app.P().Class("hint").Text(w.t("Who is likely to buy again, how much, and what each customer is worth in the coming months, learned from your orders in this browser. Each figure says how far to trust it, from a test on your own past orders.")),
		app.Details().Class("how").Body(
			app.Summary().Text(w.t("How is this computed?")),
			app.P().Text(w.t("Two models of customer-base analysis (Fader, Hardie and Lee, 2005): BG/NBD for how often each customer buys and whether they have stopped (P(alive), the chance that they are still a customer), Gamma-Gamma for how much they spend an order. The test fits them again on the orders up to an earlier date and compares what they predict with what happened after it.")),
		),
		w.predictControls(),
		app.If(len(f.Errors) > 0, func() app.UI {
			return app.Div().Class("alert").ID("forecast-errors").Attr("role", "alert").Body(
				app.P().Text(w.t("Not predicted:")),
				app.Ul().Body(app.Range(f.Errors).Slice(func(i int) app.UI {
					return app.Li().DataSet("code", string(f.Errors[i].Code)).Text(w.forecastError(f.Errors[i]))
				})),
			)
		}),
		app.If(len(f.Notes) > 0, func() app.UI {
			return app.Ul().Class("notes").Body(app.Range(f.Notes).Slice(func(i int) app.UI { return app.Li().Text(w.noteText(f.Notes[i])) }))
		}),
		w.cards(ks),
		app.If(f.BGNBD != nil && f.BGNBD.NoDropout, func() app.UI { return w.noDropout(f) }),
		app.If(f.BGNBD != nil && !f.BGNBD.NoDropout, func() app.UI {
			return app.Div().Class("lists").Body(
				w.listCard(report.ListSlipping, w.t("Valuable customers slipping away"),
					w.t("%s of your top customers by revenue are less likely than not still to be customers (P(alive) under %s). Win them back first.",
						w.loc.Int(f.Slipping.Customers), w.loc.Percent(f.Slipping.MaxPAlive)), nil, w.listActions(report.ListSlipping, w.t("Valuable customers slipping away"))),
			)
		}),
		w.openList(""),
		app.If(f.Validation.Error != nil, func() app.UI {
			e := f.Validation.Error
			return app.P().Class("hint").ID("check-error").DataSet("code", string(e.Code)).Text(w.t("No test: %s", w.forecastError(*e)))
		}),
		w.chartGrid(cs),
		app.If(len(f.Segments) > 0, func() app.UI {
			return app.Section().Body(
				app.H2().Text(w.t("Predicted value by segment")),
				app.P().Class("hint").Text(w.t("A customer who bought once counts as still a customer (100%%): the models see someone stop only after a repeat purchase. What they are expected to buy stays low, because they buy rarely.")),
				scroller(w.t("Predicted value by segment")).Body(app.Table().Class("table").ID("forecast-segments").Body(
					app.THead().Body(app.Tr().Body(
						app.Th().Text(w.t("Segment")), app.Th().Class("num").Text(w.t("Customers")), app.Th().Class("num").Text(w.t("Chance of still being a customer, mean")),
						app.Th().Class("num").Text(w.t("Expected purchases")), app.Th().Class("num").Text(w.t("Predicted CLV")), app.Th().Class("num").Text(w.t("Per customer")),
					)),
					app.TBody().Body(app.Range(f.Segments).Slice(func(i int) app.UI {
						s := f.Segments[i]
						return app.Tr().DataSet("segment", s.Name).Body(
							app.Td().Text(w.segmentName(s.Name)), app.Td().Class("num").Text(w.loc.Int(s.Customers)), app.Td().Class("num").Text(w.loc.Percent(s.MeanPAlive)),
							app.Td().Class("num").Text(w.loc.Num(s.ExpectedPurchases, 0)), app.Td().Class("num").Text(money(s.CLV)), app.Td().Class("num").Text(money(s.MeanCLV)),
						)
					})),
				)),
			)
		}),
	)
}

// noForecast is the place of the predictions of a report without its
// forecast: computing it, why it could not be, or that it was stopped.
func (w *Workbench) noForecast() app.UI {
	fc := w.m.fc
	switch {
	case w.m.forecasting():
		return app.P().Class("hint").ID("forecast-pending").Text(w.t("Computing predictions…"))
	case fc.Err != "":
		why := fc.Err
		if fc.Setting != nil {
			why = w.settingWords(fc.Setting)
		}
		return app.Div().Class("alert").ID("forecast-failed").Attr("role", "alert").DataSet("code", settingCode(fc.Setting)).
			Text(w.t("The predictions could not be computed: %s", why))
	case fc.Lost:
		return app.Div().ID("forecast-lost").Body(
			app.P().Class("hint").Text(w.t("The predictions were not computed.")),
			app.Button().Type("button").ID("forecast-again").Class("btn").Text(w.t("Compute predictions")).
				OnClick(func(ctx app.Context, e app.Event) { w.apply() }),
		)
	}
	return app.P().Class("hint").Text(w.t("No prediction for this report."))
}

// forecastStatus says, above every tab, that the report's forecast is
// being computed, with a button that stops it (cancel).
func (w *Workbench) forecastStatus() app.UI {
	return app.Div().Class("notice forecast-status").ID("forecast-status").Attr("role", "status").Body(
		app.Span().Text(w.t("Computing predictions…")),
		app.Button().Type("button").ID("cancel-forecast").Class("btn btn-small").Text(w.t("Cancel")).OnClick(w.cancel),
	)
}

// noDropout says what a fit without drop-out means for the shop, in place
// of the "Slipping away" card and list it leaves out.
func (w *Workbench) noDropout(f *report.Forecast) app.UI {
	return app.Div().Class("notice").ID("no-dropout").Body(
		app.H3().Text(w.t("Nobody seems to leave for good")),
		app.P().Text(w.t("In these orders, customers who paused came back at their usual pace: the models found no sign that anyone stops buying for good. So all %s customers count as still customers (100%%), nobody is slipping away, and there is no “Slipping away” list. Expected purchases follow each customer's own pace. For the customers who have gone quiet, see the Lapsed regulars list on Segments and lists.", w.loc.Int(f.Customers))),
	)
}
