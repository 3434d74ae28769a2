package ui

import (
	"fmt"
	"html"
	"strings"
	"testing"

	"retention/app/i18n"
	"retention/app/report"
)

// TestCardMarkup checks the HTML of a KPI card: its data attributes, the
// parts that show only when set, and every text and attribute escaped.
func TestCardMarkup(t *testing.T) {
	tests := []struct {
		name     string
		kpi      KPI
		want     []string
		wantNone []string
	}{
		{
			name: "a figure with its note",
			kpi:  KPI{Name: "aov", Label: "Average order value", Value: 480.762187, Text: "$480.76", Formula: "AOV = revenue ÷ orders.", Note: "net", Currency: "USD"},
			want: []string{
				`<div class="card" data-kpi="aov" data-value="480.762187" data-missing="false" data-currency="USD">`,
				`<h3>Average order value</h3>`, `<p class="value">$480.76</p>`, `<p class="note">net</p>`,
				`<details><summary>How is this computed?</summary><p class="formula">AOV = revenue ÷ orders.</p></details></div>`,
			},
			wantNone: []string{`class="verdict"`, `class="delta`},
		},
		{
			name:     "a missing figure: no note, no currency, its detail left out",
			kpi:      KPI{Name: "retention", Label: "Retention rate", Missing: true, Text: "–", Formula: "needs a period", Detail: &KPI{Name: "crr", Missing: true}},
			want:     []string{`data-kpi="retention" data-value="0" data-missing="true">`, `<p class="value">–</p>`},
			wantNone: []string{`class="note"`, `data-currency`, `data-kpi="crr"`},
		},
		{
			name: "a detail and a verdict",
			kpi: KPI{Name: "retention", Label: "Retention rate", Value: 0.25, Text: "25.0%", Formula: "f", Verdict: "Trust it.",
				Detail: &KPI{Name: "crr", Value: 1.5, Formula: "CRR = (E − N) ÷ S"}},
			want: []string{`<p class="verdict">Trust it.</p>`, `<p class="formula" data-kpi="crr" data-value="1.5" data-missing="false">CRR = (E − N) ÷ S</p>`},
		},
		{
			name:     "a long value is set smaller",
			kpi:      KPI{Name: "revenue", Label: "Revenue", Value: 8911407.9, Text: "$8,911,407.90", Formula: "f"},
			want:     []string{`<p class="value long">$8,911,407.90</p>`},
			wantNone: []string{`<script`},
		},
		{
			name: "text and attributes escaped",
			kpi:  KPI{Name: `x"><script>`, Label: `<b>A & B</b>`, Text: `'1'`, Formula: `a < b`, Currency: `"EUR"`},
			want: []string{
				`data-kpi="x&#34;&gt;&lt;script&gt;"`, `data-currency="&#34;EUR&#34;"`,
				`<h3>&lt;b&gt;A &amp; B&lt;/b&gt;</h3>`, `>&#39;1&#39;</p>`, `>a &lt; b</p>`,
			},
			wantNone: []string{`<script>`, `<b>`},
		},
	}
	w := &Workbench{m: model{Doc: &report.Document{}}, loc: i18n.In(i18n.Languages[0], "en-US")}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m markup
			w.card(&m, tt.kpi)
			got := m.String()
			for _, s := range tt.want {
				if !strings.Contains(got, s) {
					t.Errorf("lacks %s\nin %s", s, got)
				}
			}
			for _, s := range tt.wantNone {
				if strings.Contains(got, s) {
					t.Errorf("has %s\nin %s", s, got)
				}
			}
		})
	}
}

// TestDeltaMarkup checks a card's change since the previous range: up,
// down or the same, good or bad news, the change as data-delta.
func TestDeltaMarkup(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	doc := &report.Document{Previous: &report.Previous{Covered: true, Days: 30, KPIs: []report.KPIChange{
		{Name: "orders", Unit: "count", A: f(10), B: f(12), Delta: f(2), Relative: f(0.2)},
		{Name: "churn", Unit: "ratio", A: f(0.5), B: f(0.6), Delta: f(0.1)},
		{Name: "customers", Unit: "count", A: f(10), B: f(10), Delta: f(0)},
	}}}
	w := &Workbench{m: model{Doc: doc}, loc: i18n.In(i18n.Languages[0], "en-US")}
	tests := []struct{ card, want string }{
		{"orders", `<p class="delta good" data-kpi-delta="orders" data-delta="2" title="10 in the previous 30 days"><span class="arrow" aria-hidden="true">▲ </span>up 2 (20.0%) vs the previous 30 days</p>`},
		{"churn", `<p class="delta bad" data-kpi-delta="churn" data-delta="0.1" title="50.0% in the previous 30 days"><span class="arrow" aria-hidden="true">▲ </span>up 10.0 pts vs the previous 30 days</p>`},
		{"customers", `<p class="delta same" data-kpi-delta="customers" data-delta="0" title="10 in the previous 30 days"><span class="arrow" aria-hidden="true">= </span>no change vs the previous 30 days</p>`},
		{"aov", ``}, // no change known
	}
	for _, tt := range tests {
		var m markup
		w.delta(&m, tt.card)
		if got := m.String(); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.card, got, tt.want)
		}
	}
}

// TestParts renders a report view part by part (showReport): the
// controls and tabs first, then the panel down to the cards and the
// benchmark, then the charts' places.
func TestParts(t *testing.T) {
	d := docOf(t, shop)
	tests := []struct {
		part     part
		want     []string
		wantNone []string
	}{
		{partFrame, []string{`id="grain"`, `id="tab-overview"`, `id="panel"`}, []string{`class="kpis"`, `data-kpi=`, `class="charts"`}},
		{partTop, []string{`id="grain"`, `data-kpi="customers"`, `data-kpi="yearly_retention"`, `class="charts"`}, []string{`chart-canvas`}},
		{partAll, []string{`data-kpi="customers"`, `data-chart="retention"`}, nil},
	}
	for _, tt := range tests {
		w := &Workbench{}
		w.m.handle(reportMsg(t, 0, d))
		w.part = tt.part
		holds(t, fmt.Sprintf("part %d", tt.part), renderHTML(t, w), tt.want, tt.wantNone)
	}
}

// TestWarmView checks what is laid out unseen before a file: the file's
// bar, the forecast's status, the controls and the panel down to the
// cards, each kind of line of it once, out of sight; and the page's state
// as it was.
func TestWarmView(t *testing.T) {
	w := &Workbench{warming: warmDoc()}
	html := renderHTML(t, w)
	at := strings.Index(html, `class="warm-up"`)
	if at < 0 {
		t.Fatal("no warm-up")
	}
	warm := html[strings.LastIndex(html[:at], "<"):] // from its element's start tag, whose style may come before its class
	for _, s := range []string{`visibility:hidden`, `position:absolute`, `id="grain"`, `type="date"`, `id="currency"`, `id="tab-overview"`, `class="kpis"`,
		`data-kpi="customers"`, `class="benchmark"`, `class="source"`, `class="value long"`, `class="delta`, `id="skipped-note"`, `class="notes"`,
		`id="previous-note"`, `class="file-name"`, `id="forecast-status"`} {
		if !strings.Contains(warm, s) {
			t.Errorf("lacks %s", s)
		}
	}
	if strings.Contains(warm, "chart-canvas") {
		t.Error("has the charts' places")
	}
	if w.m.Doc != nil || w.part != partAll {
		t.Errorf("state changed: doc %v, part %d", w.m.Doc, w.part)
	}
	if !strings.Contains(html, `id="file-input"`) || strings.Count(html, `class="kpis"`) != 1 {
		t.Error("the page does not show the drop zone and the warm-up alone")
	}
	if html := renderHTML(t, &Workbench{}); strings.Contains(html, `warm-up`) || strings.Contains(html, `class="kpis"`) {
		t.Error("a warm-up without warmUp")
	}
}

// TestEscape checks that markup escapes as html.EscapeString does.
func TestEscape(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">'b' & c</a>`, "&&", "ü ÷ – ▲", `"`, "<<>>"} {
		var m markup
		m.text(s)
		if got, want := m.String(), html.EscapeString(s); got != want {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	}
}

// TestWarmDecode checks that the page's warm-up decodes a report (the
// decoder's code runs before the first file's), not an error.
func TestWarmDecode(t *testing.T) {
	if err := warmDecoder(); err != nil {
		t.Fatal(err)
	}
}
