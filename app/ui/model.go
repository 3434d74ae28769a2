// Package ui is the workbench's page: go-app components that send the
// user's file to the engine worker and show its report as cards, charts and
// lists. The page's WebAssembly imports no engine code: it only reads the
// report (package report) the worker sends.
package ui

import (
	"encoding/json"
	"fmt"
	"math"

	"retention/app/i18n"
	"retention/app/report"
)

// Phase is where the workbench is.
type Phase int

// The phases.
const (
	Start   Phase = iota // nothing loaded: the drop zone
	Loading              // the worker reads a file or recomputes
	Ready                // a report is shown
)

// model is the page's state; the component renders it. Its methods hold
// the logic, without a browser, so they are tested natively.
type model struct {
	Phase     Phase
	File      string // the loaded file's name
	Size      int    // its size in bytes
	Settings  report.Settings
	Doc       *report.Document
	Progress  report.Progress
	Err       string          // the last error, shown until the next request
	Problem   *report.Problem // why the loaded file gave no report, until it does
	List      string          // the list the user views ("" for none)
	Rows      *report.Rows    // its first rows, once the worker sent them
	rowsAsked bool            // they are asked for
	reqID     int             // the last request sent; older answers are ignored
	docGen    int             // counts reports, so charts are drawn once per report
}

// message is what the worker sends (see cmd/worker).
type message struct {
	Type     string          `json:"type"`
	ID       int             `json:"id"`
	Message  string          `json:"message"`
	Report   string          `json:"report"`
	Progress report.Progress `json:"progress"`
	Rows     *report.Rows    `json:"rows"`
	Problem  *report.Problem `json:"problem"`
	File     struct {
		Name string `json:"name"`
		Type string `json:"type"`
		Rows int    `json:"rows"`
	} `json:"file"`
}

// request makes the next request to the worker.
func (m *model) request(typ string) report.Request {
	m.reqID++
	r := report.Request{Type: typ, ID: m.reqID, Name: m.File, Settings: m.Settings}
	switch typ {
	case report.MsgLoad, report.MsgSettings:
		m.Phase, m.Err, m.Progress = Loading, "", report.Progress{Stage: "start"}
	}
	return r
}

// load starts reading a new file.
func (m *model) load(name string, size int) report.Request {
	m.File, m.Size, m.Problem = name, size, nil
	// A new file: its own sheet, mapping and currency.
	m.Settings.Sheet, m.Settings.Map, m.Settings.Currency, m.Settings.NoHeader = "", nil, "", false
	return m.request(report.MsgLoad)
}

// addSurvey sends a survey export to join to the loaded orders.
func (m *model) addSurvey(name string) report.Request {
	m.Settings.SurveyScale, m.Settings.SurveyMap = "", nil
	r := m.request(report.MsgSurvey)
	r.Name = name
	return r
}

// handle applies a message of the worker; it returns the message when it
// carries a file to download.
func (m *model) handle(raw string) (*message, error) {
	var msg message
	if err := json.Unmarshal([]byte(raw), &msg); err != nil {
		return nil, fmt.Errorf("bad message from the engine: %w", err)
	}
	if msg.ID != 0 && msg.ID < m.reqID && msg.Type != report.MsgFile && msg.Type != report.MsgRows {
		return nil, nil // superseded
	}
	switch msg.Type {
	case report.MsgProgress:
		if m.Phase == Loading {
			m.Progress = msg.Progress
		}
	case report.MsgReport:
		var d report.Document
		if err := json.Unmarshal([]byte(msg.Report), &d); err != nil {
			m.fail(fmt.Sprintf("bad report from the engine: %v", err))
			return nil, nil
		}
		m.Doc, m.Phase, m.Err, m.Problem = &d, Ready, "", nil
		m.docGen++
		m.Rows, m.rowsAsked = nil, false // the list's rows are asked for again
	case report.MsgRows:
		if msg.Rows != nil && msg.Rows.List != "" {
			m.Rows = msg.Rows
		}
	case report.MsgError:
		if msg.Problem != nil {
			// The file needs the user's word: its problem replaces the
			// report of the file before (the engine has let it go).
			m.Problem, m.Doc, m.Err, m.Phase = msg.Problem, nil, "", Start
			m.docGen++
			break
		}
		m.fail(msg.Message)
	case report.MsgFile:
		return &msg, nil
	}
	return nil, nil
}

// fail shows an error; the last good report stays.
func (m *model) fail(text string) {
	m.Err = text
	if m.Doc != nil {
		m.Phase = Ready
	} else {
		m.Phase = Start
	}
}

// view asks for the rows of a list.
func (m *model) view(list string) report.Request {
	m.List, m.Rows, m.rowsAsked = list, nil, true
	m.reqID++
	return report.Request{Type: report.MsgRows, ID: m.reqID, List: list}
}

// needRows tells whether the viewed list's rows must be asked for (after a
// new report).
func (m *model) needRows() bool {
	return m.List != "" && m.Rows == nil && !m.rowsAsked && m.Doc != nil && m.Phase == Ready
}

// setMap sets the column of a role ("" for none) and asks again.
func (m *model) setMap(role, column string) report.Request {
	m.Settings.Map = withRole(m.Settings.Map, role, column)
	return m.request(report.MsgSettings)
}

// setSurveyMap sets the survey column of a role ("" for none) and asks
// again.
func (m *model) setSurveyMap(role, column string) report.Request {
	m.Settings.SurveyMap = withRole(m.Settings.SurveyMap, role, column)
	return m.request(report.MsgSettings)
}

// withRole returns a copy of a role -> column mapping with one role set
// (a copy: the settings of a request already sent are not changed).
func withRole(mp map[string]string, role, column string) map[string]string {
	out := make(map[string]string, len(mp)+1)
	for k, v := range mp {
		out[k] = v
	}
	out[role] = column
	return out
}

// KPI is one card of the dashboard.
type KPI struct {
	Name    string  // data-kpi
	Label   string  // the card's title
	Value   float64 // data-value: the raw number
	Text    string  // the number as shown
	Formula string  // how it is computed, with the shop's numbers
	Note    string  // a line under the number
	Missing bool    // no value (e.g. no complete period for retention)
	// Detail is a related figure explained under the formula, with its
	// own data-kpi (the seed CRR under retention).
	Detail *KPI
	// Currency is the ISO code of a card of money (data-currency), "" for
	// other cards and for amounts of no known currency.
	Currency string
}

// kpis lists the dashboard's cards, retention and churn first.
func kpis(d *report.Document, l *i18n.Locale) []KPI {
	cur := d.Currency
	money := func(v float64) string { return l.Money(v, cur) }
	out := retentionKPIs(d, l)
	out = append(out,
		KPI{Name: "customers", Label: l.T("Customers"), Value: float64(d.Customers), Text: l.Int(d.Customers),
			Formula: l.T("Distinct customers with at least one order (customer id, or e-mail for guests)."),
			Note:    l.T("%s to %s", d.FirstOrder, d.LastOrder)},
		KPI{Name: "orders", Label: l.T("Orders"), Value: float64(d.Orders), Text: l.Int(d.Orders),
			Formula: l.T("Line items grouped by order id; refunds and cancelled orders are not orders (%s refunds).", l.Int(d.RefundCount))},
		KPI{Name: "revenue", Label: l.T("Revenue"), Value: d.Revenue, Text: money(d.Revenue), Currency: cur,
			Formula: l.T("Sum of order values. Net revenue = revenue − refunds = %s − %s = %s.", money(d.Revenue), money(d.Refunds), money(d.NetRevenue)),
			Note:    l.T("net %s", money(d.NetRevenue))},
		KPI{Name: "aov", Label: l.T("Average order value"), Value: d.AOV, Text: money(d.AOV), Currency: cur,
			Formula: l.T("AOV = revenue ÷ orders = %s ÷ %s = %s.", money(d.Revenue), l.Int(d.Orders), money(d.AOV))},
		KPI{Name: "repeat_rate", Label: l.T("Repeat purchase rate"), Value: d.RepeatRate, Text: l.Percent(d.RepeatRate),
			Formula: l.T("Customers with 2 or more orders ÷ customers = %s ÷ %s = %s.", l.Int(repeaters(d)), l.Int(d.Customers), l.Percent(d.RepeatRate))},
		KPI{Name: "purchase_frequency", Label: l.T("Purchase frequency"), Value: d.PurchaseFrequency, Text: l.Num(d.PurchaseFrequency, 2),
			Formula: l.T("Orders ÷ customers = %s ÷ %s = %s.", l.Int(d.Orders), l.Int(d.Customers), l.Num(d.PurchaseFrequency, 2))},
		KPI{Name: "clv", Label: l.T("Historical CLV"), Value: d.HistoricalCLV, Text: money(d.HistoricalCLV), Currency: cur,
			Formula: l.T("Net revenue ÷ customers = %s ÷ %s = %s. A returning customer spends %s× what a one-time customer does.", money(d.NetRevenue), l.Int(d.Customers), money(d.HistoricalCLV), l.Num(d.RepeatVsOneTime, 1))},
		KPI{Name: "days_between", Label: l.T("Days between orders"), Value: d.MedianDaysBetween, Text: l.Num(d.MedianDaysBetween, 0),
			Note:    l.T("median; mean %s", l.Num(d.MeanDaysBetween, 1)),
			Formula: l.T("The gaps between consecutive orders of the same customer: median %s days, mean %s days.", l.Num(d.MedianDaysBetween, 0), l.Num(d.MeanDaysBetween, 1))},
	)
	return out
}

// retentionKPIs are the headline: retention and churn of the last complete
// period, side by side, which add up to 100%; the seed CRR and its
// decomposition are explained under retention's formula.
func retentionKPIs(d *report.Document, l *i18n.Locale) []KPI {
	ret := KPI{Name: "retention", Label: l.T("Retention rate"), Missing: true, Text: "–",
		Formula: l.T("Retention = retained ÷ S needs a complete period with a customer base at its start.")}
	churn := KPI{Name: "churn", Label: l.T("Churn rate"), Missing: true, Text: "–",
		Formula: l.T("Churn = lost ÷ S needs a complete period with a customer base at its start.")}
	ret.Detail = &KPI{Name: "crr", Missing: true}
	if d.LastFull < 0 || d.LastFull >= len(d.Periods) {
		return []KPI{ret, churn}
	}
	p := d.Periods[d.LastFull]
	if p.Retention == nil || p.Churn == nil || p.CRR == nil {
		return []KPI{ret, churn}
	}
	note := l.T("%s, last complete period", p.Period)
	base := l.T("S: the customers who ordered in the period before %s; retained: those of them who ordered in %s too.", p.Period, p.Period)
	if days := d.ActiveWindowDays; days > 0 {
		base = l.T("S: the customer base when %s began, the customers with an order in the %s days before (at least the period before); retained: those of them still in the base when it ended.", p.Period, l.Int(days))
	}
	s := float64(p.S)
	ret = KPI{Name: "retention", Label: l.T("Retention rate"), Value: *p.Retention, Text: l.Percent(*p.Retention), Note: note,
		Formula: l.T("Retention = retained ÷ S = %s ÷ %s = %s.", l.Int(p.Retained), l.Int(p.S), l.Percent(*p.Retention)) + " " + base + " " +
			l.T("Retention + churn = 100%%."),
		Detail: &KPI{Name: "crr", Value: *p.CRR, Text: l.Percent(*p.CRR),
			Formula: l.T("The customer retention rate CRR = (E − N) ÷ S = (%s − %s) ÷ %s = %s, with E the customer base at the end of %s and N its new customers, counts the %s customers back after leaving the base with the %s retained: CRR = retention %s + reactivated ÷ S %s. So it can pass 100%% and does not add up with churn.",
				l.Int(p.E), l.Int(p.New), l.Int(p.S), l.Percent(*p.CRR), p.Period, l.Int(p.Reactivated), l.Int(p.Retained),
				l.Percent(*p.Retention), l.Percent(float64(p.Reactivated)/s))}}
	churn = KPI{Name: "churn", Label: l.T("Churn rate"), Value: *p.Churn, Text: l.Percent(*p.Churn), Note: note,
		Formula: l.T("Churn = lost ÷ S = %s ÷ %s = %s: the customers of S who had left the customer base by the end of %s. Retention + churn = 100%%.",
			l.Int(p.Lost), l.Int(p.S), l.Percent(*p.Churn), p.Period)}
	return []KPI{ret, churn}
}

// repeaters is the number of customers with 2+ orders: all but those in
// the one-order bucket.
func repeaters(d *report.Document) int {
	for _, b := range d.OrdersPerCustomer {
		if b.Label == "1" {
			return d.Customers - b.Count
		}
	}
	return int(math.Round(d.RepeatRate * float64(d.Customers)))
}
