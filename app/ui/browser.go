package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page's browser glue is web/glue.js (window.rw); these wrappers are
// its only callers. Natively (tests, the static site generator) they do
// nothing.

func rwCall(fn string, args ...any) app.Value {
	if !app.IsClient {
		return nil
	}
	rw := app.Window().Get("rw")
	if !rw.Truthy() {
		return nil
	}
	return rw.Call(fn, args...)
}

// startWorker prepares the engine worker (url is web/worker.js) and starts
// it when the browser is idle; onMsg hears its messages (a JSON string
// and, for a file, its bytes) and web/glue.js's word of an engine that
// ended.
func startWorker(url string, onMsg func(msg string, bytes app.Value)) {
	if !app.IsClient {
		return
	}
	rwCall("start", url, app.FuncOf(func(this app.Value, args []app.Value) any {
		var b app.Value
		if len(args) > 1 {
			b = args[1]
		}
		onMsg(args[0].String(), b)
		return nil
	}))
}

// restartEngine stops the engine worker, whatever it does, and starts
// another.
func restartEngine() {
	rwCall("restart")
}

// send passes a request, and a file's bytes (an ArrayBuffer, moved, not
// copied) when given, to the worker.
func send(req string, buf app.Value) {
	if buf == nil {
		rwCall("send", req, nil)
		return
	}
	rwCall("send", req, buf)
}

// readFile hands over a File (from a drop or the picker) to be sent to
// the engine as it is: the engine's worker reads it in chunks (web/worker.js),
// so the page never holds the file's bytes. A File the browser cannot
// read is worded from the engine's reply (report.Unreadable).
func readFile(file app.Value, done func(buf app.Value, err string)) {
	if !app.IsClient {
		return
	}
	done(file, "")
}

// fetchBytes fetches a file of our own origin into a Blob.
func fetchBytes(url string, done func(buf app.Value, err string)) {
	if !app.IsClient {
		return
	}
	rwCall("fetchBytes", url, app.FuncOf(func(this app.Value, args []app.Value) any {
		done(args[0], errText(args[1]))
		return nil
	}))
}

func errText(v app.Value) string {
	if v == nil || !v.Truthy() {
		return ""
	}
	return v.String()
}

// afterPaint calls fn once the browser has painted the next frame, so
// that work done in fn does not hold back that frame. Natively it calls
// fn at once.
func afterPaint(fn func()) { callBack("afterPaint", fn) }

// whenIdle calls fn once the browser is idle (within five seconds).
// Natively it calls fn at once.
func whenIdle(fn func()) { callBack("whenIdle", fn, 5000) }

// callBack calls web/glue.js's method with a function that calls fn once
// (and is released then), followed by args. Natively it calls fn at once.
func callBack(method string, fn func(), args ...any) {
	if !app.IsClient {
		fn()
		return
	}
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, _ []app.Value) any {
		cb.Release()
		fn()
		return nil
	})
	rwCall(method, append([]any{cb}, args...)...)
}

// drawChart draws (or redraws) an ECharts option in the element id.
func drawChart(id string, option []byte, pngName string) {
	rwCall("chart", id, string(option), pngName)
}

// warmLayout has the browser lay out the page's unseen warm-up (warmView)
// at once; its ids and data-kpi go first (web/glue.js).
func warmLayout() { rwCall("warmLayout") }

// chartTable writes the data of the chart drawn in chart into the element
// id as a table; heads names the first column where the chart's axis has
// no name (period, cohort, segment).
func chartTable(id, chart string, heads map[string]any) {
	rwCall("table", id, chart, heads)
}

// savePNG downloads the chart drawn in chart as name.png.
func savePNG(chart, name string) {
	rwCall("png", chart, name)
}

// focusLater moves the keyboard focus to the element id after this
// update is rendered.
func focusLater(ctx app.Context, id string) {
	ctx.Defer(func(app.Context) {
		if !app.IsClient {
			return
		}
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

// download saves bytes as a file.
func download(name, typ string, bytes app.Value) {
	rwCall("download", name, typ, bytes)
}

// browserLocale is the user's locale (navigator.language).
func browserLocale() string {
	if !app.IsClient {
		return "en-US"
	}
	return app.Window().Get("navigator").Get("language").String()
}

// browserTimeZone is the user's IANA time zone.
func browserTimeZone() string {
	v := rwCall("timeZone")
	if v == nil || !v.Truthy() {
		return "UTC"
	}
	return v.String()
}

// hadServiceWorker tells whether a service worker served the page when it
// loaded (web/glue.js notes it before go-app starts).
func hadServiceWorker() bool {
	if !app.IsClient {
		return false
	}
	return app.Window().Get("rw").Get("hadController").Truthy()
}

// languageKey is where the page remembers the language the user chose:
// localStorage, on this device only. It holds a language tag, nothing of
// the user's data.
const languageKey = "retention-language"

// storedLanguage is the language the user chose on this device before, or "".
func storedLanguage() string {
	v := rwCall("storedLanguage", languageKey)
	if v == nil || !v.Truthy() {
		return ""
	}
	return v.String()
}

// storeLanguage remembers the user's language on this device; a browser
// that refuses storage just forgets it.
func storeLanguage(tag string) { rwCall("storeLanguage", languageKey, tag) }

// browserLanguages are the user's languages, most wanted first
// (navigator.languages).
func browserLanguages() []string {
	if !app.IsClient {
		return []string{"en-US"}
	}
	nav := app.Window().Get("navigator")
	ls := nav.Get("languages")
	var out []string
	if ls.Truthy() {
		for i := 0; i < ls.Length(); i++ {
			out = append(out, ls.Index(i).String())
		}
	}
	return append(out, nav.Get("language").String())
}

// setDocumentLanguage makes <html lang> follow the page's language, so
// screen readers, hyphenation and spell checkers use it.
func setDocumentLanguage(tag string) {
	if !app.IsClient {
		return
	}
	app.Window().Get("document").Get("documentElement").Set("lang", tag)
}

// loadMessages fetches the page's messages in lang (web/i18n-LANG.json,
// which web/glue.js may have fetched already) and hands over their JSON
// text, or what went wrong.
func loadMessages(lang string, done func(text, err string)) {
	if !app.IsClient {
		return
	}
	var f app.Func
	f = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer f.Release()
		text := ""
		if args[0].Truthy() {
			text = args[0].String()
		}
		done(text, errText(args[1]))
		return nil
	})
	rwCall("messages", lang, f)
}

// setChartLocale makes the charts' axes and tooltips write numbers as the
// page's locale does (web/glue.js puts the formatters in).
func setChartLocale(tag string) { rwCall("setLocale", tag) }
