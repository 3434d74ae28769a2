// trace-load drops one file on the workbench in headless chromium and
// tells what held the page's thread while it loaded: every gap between
// animation frames over 50 ms (with the page's phase and stage), the long
// tasks, and for each gap over 100 ms the functions that ran in it (a CPU
// profile of the page, 0.5 ms samples), so that the task that held a
// frame back can be named. The page must be built (make static); names
// of Go functions need a page built without -ldflags=-s, e.g.
//
//	GOOS=js GOARCH=wasm go build -modfile=bin/page/go.mod -trimpath -gcflags=all=-l -o dist/web/app.wasm ./cmd/workbench
//	rm dist/web/app.wasm.gz dist/web/app.wasm.br
//
// Usage: node test/trace-load.mjs FILE [OUT.json]   (DIST=dir, default dist;
// OVER=1 loads the sample store first, so FILE loads over a report)
// OUT.json gets the gaps over 100 ms with the functions in each.
import { chromium } from "playwright-core";
import { serveWorkbench } from "./bench/serve.mjs";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const file = process.argv[2];
if (!file) {
  console.error("usage: node test/trace-load.mjs FILE [OUT.json]");
  process.exit(2);
}
const out = process.argv[3] || path.join(root, "testdata", "artifacts", "trace-load.json");
const dist = process.env.DIST || path.join(root, "dist");
const sampleMs = 0.5;

const srv = await serveWorkbench(dist);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({ timezoneId: "UTC", locale: "en-US", viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.on("console", (m) => {
  if (m.type() === "error") console.log("console:", m.text());
});
await page.goto(srv.url);
await page.waitForSelector("#app-wasm-loader", { state: "detached", timeout: 60000 });
await page.waitForFunction(() => window.rw && rw.worker && rw.ready, null, { timeout: 60000 });
await page.waitForTimeout(1500); // the engine warms up, ECharts loads
if (process.env.OVER === "1") {
  await page.click("#sample");
  await page.waitForFunction(() => document.querySelector(".wb").dataset.phase === "ready" && document.querySelectorAll("[data-kpi]").length > 0, null, { timeout: 60000 });
  await page.waitForTimeout(2000);
}

// Frame gaps and long tasks, in the page's clock; a marker function
// whose samples put the profile on the same clock.
await page.evaluate(() => {
  window.__gaps = [];
  window.__tasks = [];
  window.__phases = [];
  const phase = () => {
    const box = document.querySelector("#progress-box");
    return document.querySelector(".wb").dataset.phase + (box ? ":" + box.dataset.stage : "");
  };
  let last = performance.now();
  let was = "";
  const tick = (t) => {
    const p = phase();
    if (p !== was) window.__phases.push([Math.round(t), (was = p)]);
    if (t - last > 50) window.__gaps.push([Math.round(last), Math.round(t - last), p]);
    last = t;
    if (!window.__stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: "longtask" });
  window.__marker = function __alignMarker() {
    const t = performance.now();
    while (performance.now() - t < 20) {}
    return t;
  };
});
const cdp = await context.newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: sampleMs * 1000 });
await cdp.send("Profiler.start");
const mark = await page.evaluate(() => window.__marker());
const t0 = Math.round(await page.evaluate(() => performance.now()));
const start = Date.now();
await page.setInputFiles((await page.$("#file-input")) ? "#file-input" : ".file input[type=file]", file);
const name = path.basename(file);
await page.waitForFunction((name) => document.querySelector(".wb").dataset.phase === "ready" && document.querySelector(".file-name")?.textContent === name, name, { timeout: 300000 });
const kpiMs = Date.now() - start;
await page
  .waitForFunction(() => {
    const cs = [...document.querySelectorAll(".chart-canvas")];
    return cs.length > 0 && cs.every((c) => c.dataset.drawn === "true");
  }, null, { timeout: 60000 })
  .catch(() => {});
await page.waitForTimeout(1500); // ECharts animates in
const { profile } = await cdp.send("Profiler.stop");
const res = await page.evaluate(() => {
  window.__stop = true;
  return { gaps: window.__gaps, tasks: window.__tasks, phases: window.__phases };
});

const node = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
let ts = profile.startTime;
const times = profile.timeDeltas.map((d) => (ts += d) / 1000);
const at = profile.samples.findIndex((id) => node.get(id).callFrame.functionName === "__alignMarker");
const offset = at >= 0 ? times[at] - mark : 0;
const frames = (id) => {
  const s = [];
  for (; id; id = parent.get(id)) {
    const f = node.get(id).callFrame;
    s.push(f.functionName || "(anonymous)" + (f.url ? " " + path.basename(f.url) + ":" + f.lineNumber : ""));
  }
  return s;
};
// within sums the samples in [a, b]: by the function running (self) and
// by every function on the stack (total).
const within = (a, b) => {
  const self = new Map();
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const t = times[i] - offset;
    if (t < a || t > b) return;
    const s = frames(id);
    self.set(s[0], (self.get(s[0]) || 0) + sampleMs);
    for (const f of new Set(s)) total.set(f, (total.get(f) || 0) + sampleMs);
  });
  const top = (m, n) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1)} ms ${k}`);
  return { self: top(self, 15), total: top(total, 40) };
};
const rel = ([t, ...rest]) => [t - t0, ...rest];
const gaps = res.gaps.filter((g) => g[0] >= t0);
console.log(`${path.basename(file)}: drop → KPI cards ${kpiMs} ms`);
console.log("phases (ms since the drop):", JSON.stringify(res.phases.filter((p) => p[0] >= t0 - 1000).map(rel)));
console.log("frame gaps over 50 ms [at, ms, phase]:", JSON.stringify(gaps.map(rel)));
console.log("long tasks [at, ms]:", JSON.stringify(res.tasks.filter((x) => x[0] >= t0).map(rel)));
const detail = gaps.filter((g) => g[1] > 100).map(([t, d, p]) => ({ at: t - t0, gap: d, phase: p, ...within(t, t + d) }));
fs.writeFileSync(out, JSON.stringify({ file: path.basename(file), kpi_ms: kpiMs, gaps: gaps.map(rel), detail }, null, 1));
console.log("the gaps over 100 ms, with the functions in each:", out);
await browser.close();
srv.proc.kill();
