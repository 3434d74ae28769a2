// Command workbench is the Retention Workbench web app. Compiled to
// WebAssembly it is the page (web/app.wasm); natively it writes the static
// site and serves it:
//
//	workbench static -out dist [-prefix /retention]
//	workbench serve -dir dist [-addr localhost:8000] [-prefix /retention]
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/ui"
)

func main() {
	app.Route("/", func() app.Composer { return &ui.Workbench{} })
	app.RunWhenOnBrowser()
	serverMain()
}
