package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/report"
)

// listView is a list open on a tab: a tab shows its own list only, under
// what opened it (At: "segments" for the segment table's, "" for the
// tab's list cards), a page of report.PageRows customers at a time.
type listView struct {
	List   string
	At     string
	Query  string       // the search asked for
	Offset int          // the first row of the page asked for
	Rows   *report.Rows // the page, once the worker sent it
	id     int          // the request of the page awaited, 0 for none
	// Product is the query of a product list (List is its name), nil for
	// the report's lists.
	Product *report.ProductQuery
}

// view opens a list on a tab, at its first page, and asks for it.
func (m *model) view(tab, at, list string) report.Request {
	if m.lists == nil {
		m.lists = map[string]*listView{}
	}
	m.lists[tab] = &listView{List: list, At: at}
	return m.ask(tab)
}

// page asks for another page or search of a tab's open list.
func (m *model) page(tab, query string, offset int) report.Request {
	lv := m.lists[tab]
	lv.Query, lv.Offset = query, offset
	return m.ask(tab)
}

// ask asks for the page of a tab's list; the page shown stays until it
// comes.
func (m *model) ask(tab string) report.Request {
	lv := m.lists[tab]
	m.reqID++
	lv.id = m.reqID
	return report.Request{Type: report.MsgRows, ID: m.reqID, List: lv.List, Query: lv.Query, Offset: lv.Offset, Product: lv.Product}
}

// needRows tells whether a tab's open list must be asked for again (after
// a new report).
func (m *model) needRows(tab string) bool {
	lv := m.lists[tab]
	return lv != nil && lv.Rows == nil && lv.id == 0 && m.Doc != nil && m.Phase == Ready
}

// listsStale lets a new report's lists be asked for again, each when its
// tab is shown.
func (m *model) listsStale() {
	for _, lv := range m.lists {
		lv.Rows, lv.id = nil, 0
	}
}

// listRows shows a page where it was asked for; a page asked for before
// the last one is dropped.
func (m *model) listRows(msg message) {
	for _, lv := range m.lists {
		if lv.id == msg.ID && msg.Rows != nil {
			lv.Rows, lv.id, lv.Offset = msg.Rows, 0, msg.Rows.Offset
		}
	}
}

// listFailed closes the list whose page request failed (the error says
// why).
func (m *model) listFailed(id int) {
	for tab, lv := range m.lists {
		if lv.id == id {
			delete(m.lists, tab)
		}
	}
}

// openList is the place of a list at a place of the tab shown, holding
// the tab's list when it belongs there. The place stays when empty, so
// that the elements after it (and the charts drawn in them) are kept when
// a list opens or closes.
func (w *Workbench) openList(at string) app.UI {
	lv := w.m.lists[w.tab]
	return app.Div().Class("list-place").Body(app.If(lv != nil && lv.At == at, func() app.UI { return w.listRows(lv) }))
}

// listPlace is where on the tab shown a list's rows go: under the segment
// table for a segment, else under the tab's list cards.
func (w *Workbench) listPlace(list string) string {
	if w.tab != TabCustomers {
		return ""
	}
	for _, s := range w.m.Doc.Segments {
		if s.Name == list {
			return "segments"
		}
	}
	return ""
}

// showPage asks for a page or a search of the tab's list.
func (w *Workbench) showPage(query string, offset int) {
	w.post(w.m.page(w.tab, query, offset), nil)
}

// listRows is a list's page: a search box, where the page is in the list,
// the page's customers, and buttons to the pages before and after.
func (w *Workbench) listRows(lv *listView) app.UI {
	r := lv.Rows
	if r == nil {
		// Its rows carry the forecast's predictions: the engine sends
		// them once the forecast is computed.
		loading := w.t("Loading the list…")
		if w.m.forecasting() {
			loading = w.t("Computing predictions…")
		}
		return app.Section().ID("list-rows").Body(app.P().Class("hint").Text(loading))
	}
	cur := w.m.Doc.Currency
	survey := len(r.Rows) > 0 && r.Rows[0].Score != nil
	last := r.Offset + len(r.Rows)
	where := w.t("Rows %s–%s of %s", w.loc.Int(min(r.Offset+1, last)), w.loc.Int(last), w.loc.Int(r.Matched))
	if r.Query != "" {
		where = w.t("Rows %s–%s of the %s that match “%s” (of %s)", w.loc.Int(min(r.Offset+1, last)), w.loc.Int(last), w.loc.Int(r.Matched), r.Query, w.loc.Int(r.Total))
	}
	name := w.listName(r.List)
	if lv.Product != nil {
		name = w.productWords(*lv.Product)
	}
	title := w.t("List: %s", name)
	heads := []app.UI{app.Th().Text(w.t("Customer")), app.Th().Text(w.t("E-mail")), app.Th().Text(w.t("Segment")),
		app.Th().Class("num").Text(w.t("Orders")), app.Th().Class("num").Text(w.t("Revenue")), app.Th().Text(w.t("Last order")),
		app.Th().Class("num").Text(w.t("P(alive)")), app.Th().Class("num").Text(w.t("Predicted CLV")), app.Th().Text(w.t("Expected next order"))}
	if survey {
		heads = append(heads, app.Th().Class("num").Text(w.t("Score")), app.Th().Text(w.t("Comment")))
	}
	return app.Section().ID("list-rows").Class("list-rows").DataSet("list", r.List).DataSet("tab", w.tab).DataSet("rows", r.Total).
		DataSet("matched", r.Matched).DataSet("offset", r.Offset).Body(
		app.H2().Text(title),
		app.Form().Class("list-tools").Attr("role", "search").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			w.showPage(app.Window().GetElementByID("list-search").Get("value").String(), 0)
		}).Body(
			app.Input().Type("search").ID("list-search").Value(r.Query).Aria("label", w.t("Search by customer id, e-mail or name")).
				Placeholder(w.t("Search by customer id, e-mail or name")),
			app.Button().Type("submit").Class("btn btn-small").Text(w.t("Search")),
		),
		app.P().Class("hint").ID("list-range").Aria("live", "polite").Text(where),
		scroller(title).Body(app.Table().Class("table").Body(
			app.THead().Body(app.Tr().Body(heads...)),
			app.TBody().Body(app.Range(r.Rows).Slice(func(i int) app.UI {
				c := r.Rows[i]
				alive, clv := "–", "–"
				if c.PAlive != nil {
					alive = w.loc.Percent(*c.PAlive)
				}
				if c.PredictedCLV != nil {
					clv = w.loc.Money(*c.PredictedCLV, cur)
				}
				cells := []app.UI{app.Td().Text(c.ID), app.Td().Text(c.Email), app.Td().Text(w.segmentName(c.Segment)),
					app.Td().Class("num").Text(w.loc.Int(c.Orders)), app.Td().Class("num").Text(w.loc.Money(c.Revenue, cur)), app.Td().Text(w.loc.Date(c.Last)),
					app.Td().Class("num").Text(alive), app.Td().Class("num").Text(clv), app.Td().Class("next-order").DataSet("day", c.NextOrder).Text(orDash(w.loc.Date(c.NextOrder)))}
				if survey {
					cells = append(cells, app.Td().Class("num").Text(w.loc.Num(*c.Score, 0)), app.Td().Class("text comment").Text(c.Comment))
				}
				return app.Tr().Body(cells...)
			})),
		)),
		w.pager(r, name),
	)
}

// pager is the buttons to the page before and after, and which page this
// is of how many.
func (w *Workbench) pager(r *report.Rows, name string) app.UI {
	pages := max(1, (r.Matched+report.PageRows-1)/report.PageRows)
	n := r.Offset/report.PageRows + 1
	return app.Nav().Class("pager").Aria("label", w.t("Pages of %s", name)).Body(
		app.Button().Type("button").Class("btn btn-small").ID("list-prev").Disabled(n == 1).Text(w.t("Previous page")).
			OnClick(func(ctx app.Context, e app.Event) { w.showPage(r.Query, r.Offset-report.PageRows) }),
		app.Span().ID("list-page").Text(w.t("Page %s of %s", w.loc.Int(n), w.loc.Int(pages))),
		app.Button().Type("button").Class("btn btn-small").ID("list-next").Disabled(n == pages).Text(w.t("Next page")).
			OnClick(func(ctx app.Context, e app.Event) { w.showPage(r.Query, r.Offset+report.PageRows) }),
	)
}
