// Package ui is the workbench's page: go-app components that send the
// user's file to the engine worker and show its report as cards, charts and
// lists. The page's WebAssembly imports no engine code: it only reads the
// report (package report) the worker sends.
package ui

import (
	"encoding/json"
	"fmt"
	"math"
	"time"

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
	Phase    Phase
	File     string // the name of the file whose report is shown
	Size     int    // its size in bytes
	Settings report.Settings
	Doc      *report.Document
	Progress report.Progress
	Err      string // the last error, shown until the next request
	Failed   string // the file whose load failed (Err or Limit says why), "" for none
	// Limit is the bound the file that failed is past, in place of Err:
	// the page words it (limitView).
	Limit *report.LimitError
	// Setting is the setting the engine could not use, beside Err: the
	// page words it (settingWords).
	Setting *report.Error
	Problem *report.Problem // why the loaded file gave no report, until it does
	// Lost is the engine that ended (crashed, exited, stuck) or was
	// stopped by the user, and what it was doing; nil once the page has
	// made another request.
	Lost *lost
	// fc is the forecast of the report shown, when the report came
	// without it.
	fc forecastWait
	// lists are the lists open, one a tab, by tab (lists.go).
	lists  map[string]*listView
	reqID  int // the last request sent; older answers are ignored
	docGen int // counts reports, so charts are drawn once per report

	// product is the product list viewed (List is its name), nil for
	// another list.
	product *report.ProductQuery
	// productForm is what the product list's form holds.
	productForm report.ProductQuery
	// Move is the segment movement between the days of moveRange, asked
	// for by request moveID for the report of docGen moveFor.
	Move      *report.Movement
	moveRange report.MovementRange
	moveID    int
	moveFor   int
	moveDrawn int // the moveID whose chart is drawn

	// The work the page waits for: the request (a load, settings, a
	// survey), and for a load the file it reads. Until its report comes,
	// File, Doc and good are those of the report shown.
	busy    int
	busyFor string // the request's type
	pending source
	reading string          // the file read for a request not yet sent
	good    report.Settings // the settings of the report shown
	src     source          // where the shown file comes from, to read it again
	survey  source          // the survey joined to it, "" for none
	// restore is the requests that put the shown file back into a new
	// engine, first and last ID; their answers change nothing.
	restore [2]int
	// dropped is the last request sent to an engine that is gone: its
	// answers, if any come, are not the page's any more.
	dropped int
	stage   stageClock
	now     func() time.Time // time.Now unless a test sets it
}

// source is where a file comes from, so that it can be read again for a
// new engine: a File the user gave (a JavaScript File) or a URL of ours.
type source struct {
	Name string
	Size int
	File any // app.Value of a File, nil for a URL
	URL  string
}

// forecastWait is the forecast of the report shown when the report came
// without it (report.Reply.ForecastFollows): awaited, or why it did not
// come.
type forecastWait struct {
	// ID is the request whose report awaits its forecast: a MsgForecast
	// of another ID is not the shown report's. 0 when none is awaited.
	ID int
	// Err is the engine's words for a forecast it could not compute,
	// Setting the setting it could not use.
	Err     string
	Setting *report.Error
	Lost    bool // the engine was stopped, or ended, while it computed it
	gen     int  // counts the forecasts that came, so their charts are drawn
}

// lost is an engine that ended while the page waited for it (or was
// idle), as web/glue.js tells it (reason and detail), or that the user
// stopped (Reason "cancel").
type lost struct {
	Reason string // exit, memory, crash, stalled, start, cancel
	Code   int    // the Go program's exit code
	Memory int64  // the engine's memory when it ended, in bytes
	Detail string // the program's last words, the error or the watchdog's seconds
	Task   string // the request it was doing (report.MsgLoad...), "" when idle
	File   string // the file of that request
	Kept   string // the file whose report stays, "" for none
	// Error is the restore's error when the engine sent its code, for
	// the page to word in place of Detail.
	Error *report.Error
}

// engineEvent is what web/glue.js says of an engine that ended.
type engineEvent struct {
	Reason string `json:"reason"`
	Code   int    `json:"code"`
	Memory int64  `json:"memory"`
	Detail string `json:"detail"`
}

// msgEngine is the message web/glue.js makes of an engine that ended (the
// worker itself cannot say it).
const msgEngine = "engine"

// message is what the page hears: a reply of the worker, or the news of
// web/glue.js that the engine ended.
type message struct {
	report.Reply
	Engine *engineEvent `json:"engine"`
}

func (m *model) clock() time.Time {
	if m.now != nil {
		return m.now()
	}
	return time.Now()
}

// request makes the next request to the worker.
func (m *model) request(typ string) report.Request {
	m.reqID++
	r := report.Request{Type: typ, ID: m.reqID, Name: m.File, Settings: m.Settings}
	switch typ {
	case report.MsgLoad, report.MsgSettings, report.MsgSurvey:
		m.Phase, m.Err, m.Failed, m.Limit, m.Lost, m.reading = Loading, "", "", nil, nil, ""
		m.Progress = report.Progress{Stage: report.StageStart}
		m.stage = stageClock{}
		m.busy, m.busyFor = m.reqID, typ
	}
	return r
}

// load starts reading a new file.
func (m *model) load(src source) report.Request {
	// A new file: its own sheet, mapping and currency.
	m.Settings.Sheet, m.Settings.Map, m.Settings.Currency, m.Settings.NoHeader = "", nil, "", false
	r := m.request(report.MsgLoad)
	m.pending = src
	r.Name = src.Name
	return r
}

// addSurvey sends a survey export to join to the loaded orders.
func (m *model) addSurvey(src source) report.Request {
	m.Settings.SurveyScale, m.Settings.SurveyMap = "", nil
	r := m.request(report.MsgSurvey)
	m.pending = src
	r.Name = src.Name
	return r
}

// handle applies a message of the worker; it returns the message when it
// carries a file to download, or says that the engine was restarted.
func (m *model) handle(raw string) (*message, error) {
	var msg message
	if err := json.Unmarshal([]byte(raw), &msg); err != nil {
		return nil, fmt.Errorf("bad message from the engine: %w", err)
	}
	if msg.Type == msgEngine && msg.Engine != nil {
		m.down(*msg.Engine)
		return &msg, nil // the page puts its file back into the new engine
	}
	if m.restoring(msg.ID) {
		m.restored(msg)
		return nil, nil
	}
	if msg.ID != 0 && msg.ID <= m.dropped {
		return nil, nil // work of an engine that is gone
	}
	if msg.Type == report.MsgForecast {
		m.forecast(msg)
		return nil, nil
	}
	if msg.Type == report.MsgMovement || (msg.Type == report.MsgError && msg.ID != 0 && msg.ID == m.moveID) {
		m.moved(msg)
		return nil, nil
	}
	if msg.ID != 0 && msg.ID < m.reqID && msg.Type != report.MsgFile && msg.Type != report.MsgRows {
		return nil, nil // superseded
	}
	switch msg.Type {
	case report.MsgProgress:
		if m.Phase == Loading && msg.Progress != nil {
			m.progress(*msg.Progress)
		}
	case report.MsgReport:
		if msg.Report == nil {
			m.fail("the engine sent no report")
			return nil, nil
		}
		m.commit()
		m.Doc, m.Phase, m.Err, m.Limit, m.Problem = msg.Report, Ready, "", nil, nil
		m.docGen++
		m.fc = forecastWait{gen: m.fc.gen}
		if msg.ForecastFollows {
			m.fc.ID = msg.ID
		}
		m.listsStale()
	case report.MsgRows:
		m.listRows(msg)
	case report.MsgError:
		m.listFailed(msg.ID)
		if msg.Problem != nil {
			// The file needs the user's word: its problem replaces the
			// report of the file before (the engine has let it go).
			m.commit()
			m.Problem, m.Doc, m.Err, m.Limit, m.Phase = msg.Problem, nil, "", nil, Start
			m.docGen++
			m.fc = forecastWait{gen: m.fc.gen}
			break
		}
		m.fail(msg.Message)
		// A file past a bound is not a problem to answer: the report
		// before stays, and the page says the bound and what to do.
		m.Limit, m.Setting = msg.Limit, msg.Error
	case report.MsgFile:
		return &msg, nil
	}
	return nil, nil
}

// forecast completes the report shown with the forecast that followed
// it, or keeps why it could not be computed; the forecast of another
// report (one shown before, or of an engine gone) is dropped.
func (m *model) forecast(msg message) {
	if msg.ID == 0 || msg.ID != m.fc.ID || m.Doc == nil {
		return
	}
	m.fc = forecastWait{gen: m.fc.gen + 1}
	if msg.Forecast == nil {
		m.fc.Err, m.fc.Setting = msg.Message, msg.Error
		if m.fc.Err == "" {
			m.fc.Err = "the engine sent no forecast"
		}
		return
	}
	m.Doc.Forecast = msg.Forecast
}

// forecasting tells whether the report shown awaits its forecast.
func (m *model) forecasting() bool { return m.fc.ID != 0 }

// commit makes the work waited for the shown one: a loaded file is the
// file shown, a joined survey is its survey, the settings are good.
func (m *model) commit() {
	switch m.busyFor {
	case report.MsgLoad:
		m.src, m.survey = m.pending, source{}
		m.File, m.Size = m.pending.Name, m.pending.Size
	case report.MsgSurvey:
		m.survey = m.pending
	}
	m.good = m.Settings
	m.idle()
}

// idle ends the wait.
func (m *model) idle() {
	m.busy, m.busyFor, m.pending = 0, "", source{}
}

// fail shows an error; the last good report, its file and settings stay,
// and a file that failed to load is named.
func (m *model) fail(text string) {
	m.Err, m.Limit, m.Setting = text, nil, nil
	if m.busyFor == report.MsgLoad || m.busyFor == report.MsgSurvey {
		m.Failed = m.pending.Name
		m.Settings = m.good
	}
	m.idle()
	m.shown()
}

// refuse says that a file is past a bound before a byte of it is read
// (checkSize): the report shown, its settings, and any work under way
// stay.
func (m *model) refuse(e *report.LimitError) {
	m.Err, m.Limit, m.Failed, m.Lost = "", e, e.File, nil
	if m.busy == 0 && m.reading == "" {
		m.shown()
	}
}

// shown puts the page back on what it shows: the report, or the drop
// zone (with the problem panel, if a file needs the user's word).
func (m *model) shown() {
	if m.Doc != nil {
		m.Phase = Ready
	} else {
		m.Phase = Start
	}
}

// down hears that the engine ended; web/glue.js has started another. The
// work it did is lost, the report shown stays.
func (m *model) down(e engineEvent) {
	m.Lost = &lost{Reason: e.Reason, Code: e.Code, Memory: e.Memory, Detail: e.Detail}
	m.abandon()
}

// cancel stops the work the page waits for: a report, or the forecast of
// the report shown. It tells whether the engine must be stopped and
// another started (Go's WebAssembly cannot be interrupted): not when the
// file is still being read by the page (a forecast under way goes on).
func (m *model) cancel() bool {
	m.Lost = &lost{Reason: "cancel"}
	if m.busy == 0 && (m.reading != "" || !m.forecasting()) {
		l := m.Lost
		l.Task, l.File = report.MsgLoad, m.reading
		if m.Doc != nil {
			l.Kept = m.File
		}
		m.reading = ""
		m.shown()
		return false
	}
	m.abandon()
	return true
}

// abandon lets the work waited for go: the page shows what it showed
// before it, with the settings of that report.
func (m *model) abandon() {
	l := m.Lost
	l.Task, l.File = m.busyFor, m.File
	if m.busyFor == report.MsgLoad || m.busyFor == report.MsgSurvey {
		l.File = m.pending.Name
	}
	if m.busy == 0 && m.forecasting() {
		l.Task = report.MsgForecast
	}
	if m.forecasting() {
		// The new engine gets the file back, not the forecast: the
		// page offers to compute it again.
		m.fc.ID, m.fc.Lost = 0, true
	}
	if m.Doc != nil {
		l.Kept = m.File
	}
	if m.busy != 0 {
		m.Settings = m.good
	}
	m.restore, m.dropped = [2]int{}, m.reqID
	m.idle()
	m.Err, m.Failed, m.Limit = "", "", nil
	m.shown()
}

// restoreRequests are the requests that put the shown file (and its
// survey) back into a new engine with the shown report's settings, for
// its lists and exports: nil when nothing is shown. Their answers are not
// shown; requests made after them are answered as usual.
func (m *model) restoreRequests() []report.Request {
	if m.src.Name == "" || (m.Doc == nil && m.Problem == nil) || (m.Lost != nil && m.Lost.Reason == "start") {
		return nil
	}
	mk := func(typ, name string, set report.Settings) report.Request {
		m.reqID++
		return report.Request{Type: typ, ID: m.reqID, Name: name, Settings: set}
	}
	rs := []report.Request{mk(report.MsgLoad, m.src.Name, m.good)}
	if m.survey.Name != "" {
		// A survey starts with its own columns and scale; the settings
		// after it put the chosen ones back.
		rs = append(rs, mk(report.MsgSurvey, m.survey.Name, m.good), mk(report.MsgSettings, m.src.Name, m.good))
	}
	m.restore = [2]int{rs[0].ID, rs[len(rs)-1].ID}
	return rs
}

func (m *model) restoring(id int) bool {
	return id != 0 && id >= m.restore[0] && id <= m.restore[1]
}

// restored hears the answers to the restore: its last report ends it; an
// error (the file cannot be read again) says that the lists are gone.
func (m *model) restored(msg message) {
	switch msg.Type {
	case report.MsgReport:
		if msg.ID == m.restore[1] {
			m.restore = [2]int{}
		}
	case report.MsgError:
		if msg.Problem == nil {
			m.restore = [2]int{}
			m.Lost = &lost{Reason: "restore", Detail: msg.Message, Error: msg.Error, File: m.src.Name}
		}
	}
}

// stageClock is when the current stage of the work began, and how far it
// was then.
type stageClock struct {
	stage report.Stage
	at    time.Time
	done  int64
}

// etaAfter is how long a stage runs before its time left is estimated:
// the engine reports progress every 16,384 rows (or its share of the
// bytes), and a rate taken over less than a second jumps from one report
// to the next.
const etaAfter = time.Second

// progress records how far the work has come, and when each stage began.
func (m *model) progress(p report.Progress) {
	if p.Stage != m.stage.stage {
		m.stage = stageClock{stage: p.Stage, at: m.clock(), done: p.Done}
	}
	m.Progress = p
}

// eta is how far the current stage is, as a share of its total, and the
// time it has left at the rate since it began:
//
//	left = (total − done) × elapsed ÷ (done − done₀)
//
// known is false for a stage without a total; left is 0 until etaAfter.
func (m *model) eta() (share float64, left time.Duration, known bool) {
	p := m.Progress
	if p.Total <= 0 || p.Stage != m.stage.stage {
		return 0, 0, false
	}
	share = math.Min(1, float64(p.Done)/float64(p.Total))
	elapsed := m.clock().Sub(m.stage.at)
	if elapsed < etaAfter || p.Done <= m.stage.done {
		return share, 0, true
	}
	rate := float64(p.Done-m.stage.done) / elapsed.Seconds()
	left = time.Duration(float64(p.Total-p.Done) / rate * float64(time.Second))
	return share, left, true
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
	// Verdict says in a line how far to trust a prediction (verdicts.go).
	Verdict string
}

// kpis lists the dashboard's cards, retention and churn first.
func kpis(d *report.Document, l *i18n.Locale) []KPI {
	cur := d.Currency
	money := func(v float64) string { return l.Money(v, cur) }
	out := retentionKPIs(d, l)
	out = append(out,
		KPI{Name: "customers", Label: l.T("Customers"), Value: float64(d.Customers), Text: l.Int(d.Customers),
			Formula: l.T("Distinct customers with at least one order (customer id, or e-mail for guests)."),
			Note:    l.T("%s to %s", l.Date(d.FirstOrder), l.Date(d.LastOrder))},
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
	period := l.Period(p.Period)
	note := l.T("%s, last complete period", period)
	base := l.T("S: the customers who ordered in the period before %s; retained: those of them who ordered in %s too.", period, period)
	if days := d.ActiveWindowDays; days > 0 {
		base = l.T("S: the customer base when %s began, the customers with an order in the %s days before (at least the period before); retained: those of them still in the base when it ended.", period, l.Int(days))
	}
	s := float64(p.S)
	ret = KPI{Name: "retention", Label: l.T("Retention rate"), Value: *p.Retention, Text: l.Percent(*p.Retention), Note: note,
		Formula: l.T("Retention = retained ÷ S = %s ÷ %s = %s.", l.Int(p.Retained), l.Int(p.S), l.Percent(*p.Retention)) + " " + base + " " +
			l.T("Retention + churn = 100%%."),
		Detail: &KPI{Name: "crr", Value: *p.CRR, Text: l.Percent(*p.CRR),
			Formula: l.T("The customer retention rate CRR = (E − N) ÷ S = (%s − %s) ÷ %s = %s, with E the customer base at the end of %s and N its new customers, counts the %s customers back after leaving the base with the %s retained: CRR = retention %s + reactivated ÷ S %s. So it can pass 100%% and does not add up with churn.",
				l.Int(p.E), l.Int(p.New), l.Int(p.S), l.Percent(*p.CRR), period, l.Int(p.Reactivated), l.Int(p.Retained),
				l.Percent(*p.Retention), l.Percent(float64(p.Reactivated)/s))}}
	churn = KPI{Name: "churn", Label: l.T("Churn rate"), Value: *p.Churn, Text: l.Percent(*p.Churn), Note: note,
		Formula: l.T("Churn = lost ÷ S = %s ÷ %s = %s: the customers of S who had left the customer base by the end of %s. Retention + churn = 100%%.",
			l.Int(p.Lost), l.Int(p.S), l.Percent(*p.Churn), period)}
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
