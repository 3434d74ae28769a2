package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/report"
)

// Lists by product (report.ProductQuery, `retention list`): who bought a
// product, and not another, or not again in a number of days; and, from
// the Interest table, who bought a category or a product.

// viewProduct opens a product list on a tab, at a place of it (under the
// product form, "products", or the Interest table, "interest"), and asks
// for its first page.
func (m *model) viewProduct(tab, at string, q report.ProductQuery) report.Request {
	r := m.view(tab, at, q.Name())
	m.lists[tab].Product = &q
	r.Product = &q
	return r
}

// productQuery is the product form's query; ok is false without a product
// bought.
func (w *Workbench) productQuery() (report.ProductQuery, bool) {
	q := w.m.productForm
	q.Bought, q.NotBought = strings.TrimSpace(q.Bought), strings.TrimSpace(q.NotBought)
	return q, q.Bought != ""
}

// productWords says in the page's language which customers a query
// chooses. The page asks for a category's buyers alone (the Interest
// table's rows), without the other conditions.
func (w *Workbench) productWords(q report.ProductQuery) string {
	switch {
	case q.Category:
		return w.t("Customers who bought in the category %s.", q.Bought)
	case q.NotBought != "" && q.NotAgainDays > 0:
		return w.t("Customers who bought %s, never %s, and not %s again in the last %s days.", q.Bought, q.NotBought, q.Bought, q.NotAgainDays)
	case q.NotBought != "":
		return w.t("Customers who bought %s but never %s.", q.Bought, q.NotBought)
	case q.NotAgainDays > 0:
		return w.t("Customers who bought %s and not again in the last %s days.", q.Bought, q.NotAgainDays)
	}
	return w.t("Customers who bought %s.", q.Bought)
}

// productsView is the form of a product list: the product bought, the
// product not bought, the days without buying it again, and the list's
// buttons; the file's products are suggested as the user types.
func (w *Workbench) productsView() app.UI {
	d := w.m.Doc
	q, ok := w.productQuery()
	text := func(set func(v string)) app.EventHandler {
		return func(ctx app.Context, e app.Event) { set(ctx.JSSrc().Get("value").String()) }
	}
	name := w.t("the product list")
	if ok {
		name = w.productWords(q)
	}
	return app.Section().ID("products").Body(
		app.H2().Text(w.t("Lists by product")),
		app.P().Class("hint").Text(w.t("Who bought a product: to sell them what goes with it, or remind them to buy it again. Products are named as in your file.")),
		app.DataList().ID("product-names").Body(app.Range(d.Products).Slice(func(i int) app.UI { return app.Option().Value(d.Products[i]) })),
		app.Form().Class("controls").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			if q, ok := w.productQuery(); ok {
				w.post(w.m.viewProduct(w.tab, "products", q), nil)
			}
		}).Body(
			field(w.t("Bought"), app.Input().Type("text").ID("product-bought").List("product-names").Value(w.m.productForm.Bought).
				Required(true).AutoComplete(false).OnInput(text(func(v string) { w.m.productForm.Bought = v }))),
			field(w.t("But never"), app.Input().Type("text").ID("product-not").List("product-names").Value(w.m.productForm.NotBought).
				AutoComplete(false).OnInput(text(func(v string) { w.m.productForm.NotBought = v }))),
			field(w.t("Not again in (days)"), app.Input().Type("number").ID("product-days").Min(0).Max(3650).
				Value(w.m.productForm.NotAgainDays).OnInput(text(func(v string) {
				n, err := strconv.Atoi(strings.TrimSpace(v))
				if err != nil || n < 0 {
					n = 0
				}
				w.m.productForm.NotAgainDays = n
			}))),
			app.Span().Class("actions").Body(
				app.Button().Type("submit").Class("btn btn-small").ID("product-view").Disabled(!ok).
					Aria("label", w.t("View %s", name)).Text(w.t("View")),
				app.Button().Type("button").Class("btn btn-small").DataSet("export", "product").DataSet("format", "csv").Disabled(!ok).
					Aria("label", w.t("Export %s as CSV", name)).Text("CSV").OnClick(w.exportProduct("csv")),
				app.Button().Type("button").Class("btn btn-small").DataSet("export", "product").DataSet("format", "xlsx").Disabled(!ok).
					Aria("label", w.t("Export %s as Excel", name)).Text("Excel").OnClick(w.exportProduct("xlsx")),
			),
		),
		app.If(ok, func() app.UI { return app.P().ID("product-words").Text(name) }),
	)
}

// exportProduct exports the product list of the form as format.
func (w *Workbench) exportProduct(format string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if q, ok := w.productQuery(); ok {
			w.exportQuery(q, format)
		}
	}
}

// exportQuery exports the list of a query as format.
func (w *Workbench) exportQuery(q report.ProductQuery, format string) {
	r := w.m.request(report.MsgExport)
	r.Product, r.Format = &q, format
	w.post(r, nil)
}

// interestView is the share of customers who bought each category (or
// each product, when the orders name no categories), each row with the
// list of those customers: its buttons first, named with the list.
func (w *Workbench) interestView() app.UI {
	d := w.m.Doc
	money := func(v float64) string { return w.loc.Money(v, d.Currency) }
	return app.Section().ID("interests").Body(
		app.H2().Text(w.t("Interest")),
		app.P().Class("hint").Text(w.t("Share of customers who bought each category or product.")),
		scroller(w.t("Interest")).Body(app.Table().Class("table").ID("interest").Body(
			app.THead().Body(app.Tr().Body(app.Th().Text(w.t("Lists")), app.Th().Text(w.t("Category or product")), app.Th().Class("num").Text(w.t("Customers")),
				app.Th().Class("num").Text(w.t("Share")), app.Th().Class("num").Text(w.t("Revenue")))),
			app.TBody().Body(app.Range(d.Interest).Slice(func(i int) app.UI {
				it := d.Interest[i]
				q := report.ProductQuery{Bought: it.Name, Category: d.InterestBy == report.InterestCategories}
				return app.Tr().DataSet("interest", it.Name).Body(app.Td().Class("row-actions").Body(w.queryActions(q)), app.Td().Text(it.Name),
					app.Td().Class("num").Text(w.loc.Int(it.Customers)), app.Td().Class("num").Text(w.loc.Percent(it.CustomerShare)), app.Td().Class("num").Text(money(it.Revenue)))
			})),
		)),
	)
}

// queryActions are the buttons of a query's list, opened under the
// Interest table (actions).
func (w *Workbench) queryActions(q report.ProductQuery) app.UI {
	return w.actions(q.Name(), w.productWords(q), func() { w.post(w.m.viewProduct(w.tab, "interest", q), nil) },
		func(format string) { w.exportQuery(q, format) })
}
