// Command workbench is the Retention Workbench web app. Compiled to
// WebAssembly it is the page (web/app.wasm); natively it writes the static
// site, with precompressed .gz and .br files and a check of the first-load
// budgets, and serves it, sending those files to browsers that take them:
//
//	workbench static -out dist [-prefix /retention]
//	workbench serve -dir dist [-addr localhost:8000] [-prefix /retention]
//
// and writes the go.mod the page's own build uses (go-app without its HTTP
// server, go-echarts without its HTML templates; see pagemod.go):
//
//	workbench pagemod -goapp $(go list -m -f '{{.Dir}}' github.com/maxence-charriere/go-app/v10) \
//	  -echarts $(go list -m -f '{{.Dir}}' github.com/go-echarts/go-echarts/v2) -out bin/page
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/ui"
)

func main() {
	app.Route("/", func() app.Composer { return &ui.Workbench{} })
	app.Route("/privacy", func() app.Composer { return &ui.Workbench{Privacy: true} })
	// The privacy page's other addresses: the folder and the file a plain
	// static server answers with it (app/site.Generate).
	app.RouteWithRegexp(`^/privacy(/|\.html)$`, func() app.Composer { return &ui.Workbench{Privacy: true} })
	app.RunWhenOnBrowser()
	serverMain()
}
