package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// privacyView is the page that says what the workbench stores on the
// device and where, that nothing is sent, and how to check both; its
// button forgets it all (the route /privacy: a Workbench with Privacy
// set). Its text is written by web/store.js (prose) after the update,
// from the words here: the page's WebAssembly stays small.
func (w *Workbench) privacyView() app.UI {
	w.writePrivacy()
	return app.Div().Class("wb privacy-page").Body(
		app.Header().Class("top").Body(
			app.Div().Class("brand").Body(
				app.Img().Src("/web/icon.svg").Attr("role", "presentation").Width(28).Height(28),
				app.H1().Text(w.t("Retention Workbench")),
			),
			app.A().ID("back").Class("btn btn-small").Href(home()).Text(w.t("Back to the workbench")),
			w.languagePicker(),
		),
		app.Main().ID("main").Class("prose"),
		app.If(w.ws.forgot != nil, func() app.UI {
			return app.P().ID("forgot").Class("notice").Attr("role", "status").Text(forgotText(w.loc, w.ws.forgot))
		}),
	)
}

// home is the workbench's address, the site's root under its prefix ("/"
// or "/retention/"): the way back from each of the privacy page's
// addresses (/privacy, /privacy/, /privacy.html).
func home() string {
	return strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/") + "/"
}

// writePrivacy has web/store.js write the privacy page's text after this
// update.
func (w *Workbench) writePrivacy() {
	if !app.IsClient || w.ctx.Context == nil {
		return
	}
	items := []any{
		[]any{"h2", w.t("Your data stays on this device")},
		[]any{"p", w.t("The workbench reads your files in this browser. Nothing is sent: the page has no server to send to, and its security policy and service worker refuse every request to another site.")},
		[]any{"h3", w.t("What is stored, and where")},
		[]any{"li", w.t("Saved workspaces:"), w.t("each file you opened, its name, size and dates, your column choices, currency and settings, and the survey you attached, in this browser's IndexedDB (the database “retention-workspaces”).")},
		[]any{"li", w.t("The open workspace:"), w.t("which one this tab shows, in its sessionStorage (“retention-open”), until the tab is closed.")},
		[]any{"li", w.t("Your language:"), w.t("if you chose one, in localStorage (“retention-language”).")},
		[]any{"li", w.t("The workbench itself:"), w.t("its page, engine and sample store, in Cache Storage (“retention-…”), so that it opens offline. They hold nothing of yours.")},
		[]any{"h3", w.t("How to check it")},
		[]any{"step", w.t("Open the browser's developer tools: F12, or Ctrl+Shift+I (Cmd+Option+I on a Mac).")},
		[]any{"step", w.t("In the Application tab (Storage in Firefox), look at IndexedDB, Local storage, Session storage and Cache storage: only what is listed above is there.")},
		[]any{"step", w.t("In the Network tab, open a file and watch: no request leaves this site.")},
		[]any{"h3", w.t("Forget my data")},
		[]any{"p", w.t("One click removes every saved workspace and everything else the workbench stored about your data on this device. Your language choice stays.")},
		[]any{"forget", w.t("Forget my data")},
	}
	w.ctx.Defer(func(app.Context) { storeDo("prose", "main", items) })
}
