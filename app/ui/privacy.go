package ui

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/i18n"
)

// Privacy is the page that says what the workbench stores on the device
// and where, that nothing is sent, and how to check both; its button
// forgets it all (the route /privacy).
type Privacy struct {
	app.Compo

	loc    *i18n.Locale
	forgot *forgotten
	err    string
}

// OnInit speaks the workbench's language.
func (p *Privacy) OnInit() {
	p.loc = i18n.In(pageLanguage(), browserLocale())
}

// OnMount loads the page's language when the workbench has not yet.
func (p *Privacy) OnMount(ctx app.Context) {
	lang := pageLanguage()
	setDocumentLanguage(lang.String())
	if i18n.Loaded(lang) {
		return
	}
	loadMessages(lang.String(), func(text, errText string) {
		ctx.Dispatch(func(ctx app.Context) {
			var m map[string]string
			if errText == "" && json.Unmarshal([]byte(text), &m) == nil && i18n.Register(lang, m) == nil {
				p.loc = i18n.In(lang, browserLocale())
			}
		})
	})
}

func (p *Privacy) t(key string, args ...any) string { return p.loc.T(key, args...) }

func (p *Privacy) forget(ctx app.Context, e app.Event) {
	storeCall(ctx, "forget", func(v app.Value, err string) {
		var f forgotten
		if err != "" || !decode(v, &f) {
			p.err = p.t("Not everything could be removed: %s", err)
			return
		}
		p.forgot, p.err = &f, ""
	})
}

// Render draws the page.
func (p *Privacy) Render() app.UI {
	item := func(what, where string) app.UI {
		return app.Li().Body(app.Strong().Text(what), app.Text(" "+where))
	}
	return app.Div().Class("wb privacy-page").Body(
		app.Header().Class("top").Body(
			app.Div().Class("brand").Body(
				app.Img().Src("/web/icon.svg").Attr("role", "presentation").Width(28).Height(28),
				app.H1().Text(p.t("Retention Workbench")),
			),
			app.A().ID("back").Class("btn btn-small").Href("./").Text(p.t("Back to the workbench")),
		),
		app.Main().ID("main").Class("prose").Body(
			app.H2().Text(p.t("Your data stays on this device")),
			app.P().Text(p.t("The workbench reads your files in this browser. Nothing is sent: the page has no server to send to, and its security policy and service worker refuse every request to another site.")),
			app.H3().Text(p.t("What is stored, and where")),
			app.Ul().ID("stored").Body(
				item(p.t("Saved workspaces:"), p.t("each file you opened, its name, size and dates, your column choices, currency and settings, and the survey you attached, in this browser's IndexedDB (the database “retention-workspaces”).")),
				item(p.t("The open workspace:"), p.t("which one this tab shows, in its sessionStorage (“retention-open”), until the tab is closed.")),
				item(p.t("Your language:"), p.t("if you chose one, in localStorage (“retention-language”).")),
				item(p.t("The workbench itself:"), p.t("its page, engine and sample store, in Cache Storage (“retention-…”), so that it opens offline. They hold nothing of yours.")),
			),
			app.H3().Text(p.t("How to check it")),
			app.Ol().ID("check").Body(
				app.Li().Text(p.t("Open the browser's developer tools: F12, or Ctrl+Shift+I (Cmd+Option+I on a Mac).")),
				app.Li().Text(p.t("In the Application tab (Storage in Firefox), look at IndexedDB, Local storage, Session storage and Cache storage: only what is listed above is there.")),
				app.Li().Text(p.t("In the Network tab, open a file and watch: no request leaves this site.")),
			),
			app.H3().Text(p.t("Forget my data")),
			app.P().Text(p.t("One click removes every saved workspace and everything else the workbench stored about your data on this device. Your language choice stays.")),
			app.Button().ID("forget").Class("btn").Text(p.t("Forget my data")).OnClick(p.forget),
			app.If(p.forgot != nil, func() app.UI {
				return app.P().ID("forgot").Attr("role", "status").Text(forgotText(p.loc, p.forgot))
			}),
			app.If(p.err != "", func() app.UI { return app.Div().Class("alert").Attr("role", "alert").Text(p.err) }),
		),
	)
}
