package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/i18n"
	"retention/app/report"
)

// markup writes HTML for a part of the page that has no event handlers
// (the KPI cards), to be mounted as one piece (app.Raw): the browser
// parses it in one call, where go-app makes every element and every text
// of it with calls of their own (createElement, setAttribute,
// createTextNode, appendChild), each JavaScript object held by a
// js.Value with a finalizer. Online Retail's ten cards are some 130 such
// nodes, half of those of the report's first render, which took 143 ms
// on a loaded 2-core machine (issue 11). Every text and attribute value
// is escaped.
type markup struct{ strings.Builder }

// open writes a start tag; attrs are its attributes as name, value pairs.
func (m *markup) open(tag string, attrs ...string) {
	m.WriteByte('<')
	m.WriteString(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		m.WriteByte(' ')
		m.WriteString(attrs[i])
		m.WriteString(`="`)
		m.text(attrs[i+1])
		m.WriteByte('"')
	}
	m.WriteByte('>')
}

// close writes an end tag.
func (m *markup) close(tag string) {
	m.WriteString("</")
	m.WriteString(tag)
	m.WriteByte('>')
}

// text writes a text (or an attribute's value) escaped: the five
// characters html.EscapeString escapes, as it does. (The html package's
// own brings strings.Replacer into the page: 10 KB of gzip.)
func (m *markup) text(s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		default:
			continue
		}
		m.WriteString(s[start:i])
		m.WriteString(esc)
		start = i + 1
	}
	m.WriteString(s[start:])
}

// elem writes an element holding a text.
func (m *markup) elem(tag, text string, attrs ...string) {
	m.open(tag, attrs...)
	m.text(text)
	m.close(tag)
}

// cards are KPI cards in their grid, mounted as one piece.
func (w *Workbench) cards(ks []KPI) app.UI { return app.Raw(w.cardsHTML(ks)) }

// cardsHTML is the HTML of KPI cards in their grid; attrs are more
// attributes of the grid.
func (w *Workbench) cardsHTML(ks []KPI, attrs ...string) string {
	var m markup
	m.open("div", append([]string{"class", "kpis"}, attrs...)...)
	for _, k := range ks {
		w.card(&m, k)
	}
	m.close("div")
	return m.String()
}

// cardsCache is the overview's cards as HTML, written once per report and
// language, not at each render of the page: kpis words and formats some
// forty figures, 5 of the 10 ms of Go of a render of Online Retail's
// overview (profiled in chromium, issue 11).
type cardsCache struct {
	doc  *report.Document
	gen  int
	loc  *i18n.Locale
	html string
}

// overviewCards are the overview's cards as HTML (cardsCache). Their grid
// carries the report's number (data-report: the model's docGen), which
// tells the cards of a report from those of the report before (the
// browser tests wait for a new one after a load over a report).
func (w *Workbench) overviewCards() string {
	c := &w.cardSet
	if c.doc != w.m.Doc || c.gen != w.m.docGen || c.loc != w.loc || c.html == "" {
		*c = cardsCache{doc: w.m.Doc, gen: w.m.docGen, loc: w.loc,
			html: w.cardsHTML(kpis(w.m.Doc, w.loc), "data-report", strconv.Itoa(w.m.docGen))}
	}
	return c.html
}

// card is a KPI card: its name, its figure as shown (data-value holds the
// number), a note, its change since the previous range, a verdict, and
// under "How is this computed?" its formula with the shop's numbers and a
// related figure's (Detail).
func (w *Workbench) card(m *markup, k KPI) {
	attrs := []string{"class", "card", "data-kpi", k.Name, "data-value", number(k.Value), "data-missing", boolText(k.Missing)}
	if k.Currency != "" {
		attrs = append(attrs, "data-currency", k.Currency)
	}
	m.open("div", attrs...)
	m.elem("h3", k.Label)
	m.elem("p", k.Text, "class", valueClass(k.Text))
	if k.Note != "" {
		m.elem("p", k.Note, "class", "note")
	}
	w.delta(m, k.Name)
	if k.Verdict != "" {
		m.elem("p", k.Verdict, "class", "verdict")
	}
	m.open("details")
	m.elem("summary", w.t("How is this computed?"))
	m.elem("p", k.Formula, "class", "formula")
	if x := k.Detail; x != nil && !x.Missing {
		m.elem("p", x.Formula, "class", "formula", "data-kpi", x.Name, "data-value", number(x.Value), "data-missing", boolText(x.Missing))
	}
	m.close("details")
	m.close("div")
}

// number is a figure as data-value holds it: the shortest text that reads
// back as the same float64.
func number(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
