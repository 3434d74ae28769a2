# Retention Workbench. `make run` builds and serves the workbench;
# `make test` runs every test, browser tests included. See README.md.

GO      ?= go
# The real data of the tests and benchmarks (app/realdata): make's tests
# require it, so a missing directory fails them instead of skipping.
DATA    ?= $(or $(RETENTION_DATA),../shared/data)
export RETENTION_DATA := $(abspath $(DATA))
BIN     := bin
DIST    ?= dist
PREFIX  ?= /
ADDR    ?= localhost:8000
WASMEXEC := $(shell $(GO) env GOROOT)/lib/wasm/wasm_exec.js

.PHONY: all build test vet unit bench fuzz clean static run browser-test wasm bench-browser

all: build

build:
	$(GO) build -o $(BIN)/retention ./cmd/retention

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./cmd/workbench ./cmd/worker ./app/ui
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi

unit:
	RETENTION_REQUIRE_DATA=1 $(GO) test -count=1 ./...

test: vet unit browser-test

node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch node_modules

# The static site: $(DIST) served at $(PREFIX) ("/" or a sub-path such as
# /retention). Any static file server can serve it. The page's own scripts
# (glue.js, store.js) are minified (half their gzip). ECharts is bundled from
# the modules the charts use (web/echarts/index.js); the page is built
# without go-app's HTTP server and go-echarts' HTML templates
# (cmd/workbench/pagemod.go); the last step
# writes .gz and .br beside the files and fails when the page or the
# worker is over its first-load budget (app/site/budget.go). The .gz and
# .br files of the site before are kept until then: the last step takes
# each one that still decodes to its file as it is (site.Precompress;
# Zopfli and Brotli 11 take a minute over the site) and removes the rest.
# The page is compiled without inlining: 0.18 MB less gzip, for a page
# whose Go only decodes the report and renders (BENCHMARKS.md); the worker,
# which computes, keeps it.
PAGEGCFLAGS ?= -gcflags=all=-l
static: node_modules
	if [ -d $(DIST) ]; then find $(DIST) -mindepth 1 ! -type d ! -name '*.gz' ! -name '*.br' -delete; fi
	mkdir -p $(DIST)/web
	cp web/*.js web/*.css web/*.svg $(DIST)/web/
	for f in glue store; do node_modules/.bin/esbuild web/$$f.js --minify --target=es2020 --log-level=warning --outfile=$(DIST)/web/$$f.js || exit 1; done
	cp $(WASMEXEC) $(DIST)/web/wasm_exec.js
	node_modules/.bin/esbuild web/echarts/index.js --bundle --minify --format=iife --global-name=echarts \
	  --define:process.env.NODE_ENV='"production"' --target=es2020 --legal-comments=inline --log-level=warning \
	  --outfile=$(DIST)/web/echarts.min.js
	$(GO) mod download github.com/maxence-charriere/go-app/v10
	$(GO) run ./cmd/workbench pagemod -out $(BIN)/page -goapp "$$($(GO) list -m -f '{{.Dir}}' github.com/maxence-charriere/go-app/v10)" \
	  -echarts "$$($(GO) list -m -f '{{.Dir}}' github.com/go-echarts/go-echarts/v2)"
	GOOS=js GOARCH=wasm $(GO) build -modfile=$(BIN)/page/go.mod -trimpath -ldflags=-s $(PAGEGCFLAGS) -o $(DIST)/web/app.wasm ./cmd/workbench
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags=-s -o $(DIST)/web/worker.wasm ./cmd/worker
	$(GO) run ./cmd/demostore -o $(DIST)/web/sample-store.csv
	$(GO) run ./cmd/demostore -survey nps -o $(DIST)/web/sample-nps.csv
	$(GO) run ./cmd/workbench static -out $(DIST) -prefix $(PREFIX) -esbuild node_modules/.bin/esbuild -gzip "node web/build/gzip.mjs"

run: static
	$(GO) run ./cmd/workbench serve -dir $(DIST) -addr $(ADDR) -prefix $(PREFIX)

# Browser tests: headless Debian chromium against the site built for / and
# for /retention/ (screenshots in testdata/artifacts/).
browser-test: node_modules
	$(MAKE) static DIST=dist PREFIX=/
	$(MAKE) static DIST=dist-sub PREFIX=/retention
	$(GO) build -o $(BIN)/workbench ./cmd/workbench
	$(GO) build -o $(BIN)/retention ./cmd/retention
	$(GO) build -o $(BIN)/demostore ./cmd/demostore
	node test/browser.test.mjs

# Benchmarks on the real files in $(DATA); results are recorded in BENCHMARKS.md.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 5x ./...

# The workbench beside DuckDB-WASM, SheetJS and Papa Parse on the same files
# in one headless chromium run (not part of `make test`): prints the table
# and writes it to testdata/artifacts/bench-browser.md. RUNS=1 for a quick
# look (default 3), X20=1 adds Online Retail x20, ONLY=xlsx one file.
bench-browser: node_modules
	$(MAKE) static DIST=dist PREFIX=/
	$(GO) build -o $(BIN)/workbench ./cmd/workbench
	DATA=$(DATA) GO=$(GO) node test/bench-browser.mjs

# A short run of every fuzz target (go test -fuzz takes one target at a time).
FUZZTIME ?= 20s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf $(BIN) dist dist-sub testdata/artifacts
