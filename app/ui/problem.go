package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/report"
)

// problemRoles are the roles the problem panel offers to set: the ones an
// orders report needs, and those that tell customers apart.
var problemRoles = []string{"date", "customer_id", "email", "name", "address", "order_id", "total", "unit_price", "quantity"}

// problemText words why the file gave no report, in the page's words.
func (w *Workbench) problemText(p *report.Problem) string {
	switch p.Code {
	case "no_rows":
		return w.t("%s has column names but no rows below them.", p.File)
	case "no_orders":
		return w.t("No row of %s could be used as an order: %s", p.File, w.skipsText(p))
	case "no_date":
		return w.t("%s has no column with order dates. Choose the column that holds the date of each order.", p.File)
	case "bad_dates":
		if len(p.Values) == 0 {
			return w.t("The column taken for the order date in %s holds no dates. Choose another column.", p.File)
		}
		return w.t("The column taken for the order date in %s does not hold dates that can be read (%s). Choose another column.", p.File, strings.Join(p.Values, ", "))
	case "no_customer":
		return w.t("%s has no column that tells customers apart: no customer id or e-mail, and no name together with an address. Choose one, or export the orders with the customer's e-mail.", p.File)
	case "no_amount":
		return w.t("%s has no column with order totals or prices. Choose the column with each order's value.", p.File)
	case "unclear_column":
		return w.t("Which column is the %s? %s fit equally well. Choose one to see the figures.", strings.ToLower(roleName(w, p.Role)), strings.Join(p.Columns, " / "))
	case "not_orders":
		return w.t("%s looks like %s, not an orders export. Retention needs every order with its date, customer and value.", p.File, w.kindText(p))
	}
	return w.t("%s could not be read as orders.", p.File)
}

// skipsText says why every row of a file was skipped, in the page's
// words; the reader's own when the engine sent no reasons.
func (w *Workbench) skipsText(p *report.Problem) string {
	if len(p.Skipped) == 0 {
		return p.Detail
	}
	parts := make([]string, len(p.Skipped))
	for i, s := range p.Skipped {
		parts[i] = w.t("%s rows: %s", w.loc.Int(s.Rows), w.skipReason(s))
		if s.Rows == 1 {
			parts[i] = w.t("1 row: %s", w.skipReason(s))
		}
	}
	return strings.Join(parts, "; ") + "."
}

// kindText names what the file looks like.
func (w *Workbench) kindText(p *report.Problem) string {
	var s string
	switch p.Kind {
	case "customers":
		s = w.t("a customers export")
	case "products":
		s = w.t("a product catalogue")
	case "payouts":
		s = w.t("a payouts summary")
	case "inventory":
		s = w.t("a stock list")
	default:
		s = w.t("another kind of export")
	}
	if p.Platform != "" {
		s = w.t("%s (%s)", s, p.Platform)
	}
	return s
}

// problemView is the panel of a file that gave no report: why, where the
// right export is, and the columns to choose, over the file's first rows.
func (w *Workbench) problemView() app.UI {
	p := w.m.Problem
	byRole := map[string]report.MappingEntry{}
	for _, e := range p.Mapping {
		byRole[e.Role] = e
	}
	var fields []app.UI
	for _, r := range problemRoles {
		e, ok := byRole[r]
		if !ok {
			continue
		}
		if p.Code == "unclear_column" && r != p.Role {
			continue
		}
		fields = append(fields, w.roleField(roleName(w, r), "role", e, p.Preview.Header, w.m.setMap))
	}
	return app.Section().Class("problem").ID("problem").DataSet("code", p.Code).Body(
		app.H2().Text(w.t("This file needs a word from you")),
		app.P().ID("problem-text").Text(w.problemText(p)),
		app.If(p.Code == "not_orders" || p.Code == "no_customer", func() app.UI {
			if p.Hint != "" {
				return app.P().ID("problem-hint").Text(w.t("Where to find the orders export: %s.", p.Hint))
			}
			return app.P().ID("problem-hint").Text(w.t("Export the orders (one row per order or per item, with the order date, the customer's e-mail or number and the amount) and drop that file here."))
		}),
		app.If(len(fields) > 0, func() app.UI {
			return app.Div().Class("mapping").ID("problem-mapping").Body(fields...)
		}),
		app.If(len(p.Preview.Header) > 0, func() app.UI { return w.previewTable(p.Preview) }),
	)
}

// previewTable shows the file's first rows as read, with their row
// numbers.
func (w *Workbench) previewTable(pv report.Preview) app.UI {
	header := pv.Header
	return scroller(w.t("First rows")).Body(app.Table().Class("table preview").ID("preview").Body(
		app.THead().Body(app.Tr().Body(
			app.Th().Text(w.t("Row")),
			app.Range(header).Slice(func(i int) app.UI { return app.Th().Text(header[i]) }),
		)),
		app.TBody().Body(app.Range(pv.Rows).Slice(func(i int) app.UI {
			r := pv.Rows[i]
			return app.Tr().Body(
				app.Td().Class("num").Text(strconv.Itoa(pv.Lines[i])),
				app.Range(r).Slice(func(j int) app.UI { return app.Td().Text(r[j]) }),
			)
		})),
	))
}
