// The workbench beside its peers in one headless Debian chromium
// (playwright-core): the same files, the same way in (a file set on the
// page's file input), a fresh browser context for every run, the tools
// alternating within each run. Run by `make bench-browser` (not part of
// `make test`); prints a markdown report and writes it, with the raw runs
// as JSON, to testdata/artifacts/.
//
//	RUNS=3      runs of every tool on every file (the fastest is reported)
//	X20=1       also the workbench on Online Retail x20 (once)
//	ONLY=x10    only the files whose label contains this (a|b: either)
//	TOOLS=workbench  only these tools (a|b: either; workbench, duckdb, papa,
//	            sheetjs, floor), for a comparison of two trees
//	SETTLE_MS   pause between a page being ready and the file (default 1000)
//	QUIET_MS    then the most to wait for the cores to be idle (default 5000)
//	TIMEOUT_S   the longest one run may take (default 900); a run whose
//	            renderers stop working for a minute without finishing fails sooner
//
// What the timers cover, from the file input's change event (a capturing
// listener, before the page's own) to:
//   workbench  the first KPI card in the DOM (a MutationObserver): the page
//              reads the file, starts its engine worker if not started,
//              the worker reads, builds orders and figures and sends the
//              report (the forecast follows it), the page renders it;
//   peers      the peer's own end (test/bench/peer.mjs): file.arrayBuffer()
//              and the peer's work. DuckDB-WASM's instantiation (worker and
//              wasm) happens before the file and is reported apart.
// Memory: the page's renderer process (which also runs its dedicated
// workers) read from /proc: peak = VmHWM at the end (a fresh renderer for
// each context); growth = that peak minus VmRSS just before the file.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { renderers, memory } from "./bench/procs.mjs";
import { serveWorkbench } from "./bench/serve.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const data = path.resolve(root, process.env.RETENTION_DATA || path.join("..", "shared", "data"));
const artifacts = path.join(root, "testdata", "artifacts");
const work = path.join(artifacts, "bench-data"); // generated files, ignored by git
fs.mkdirSync(work, { recursive: true });
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const RUNS = Math.max(1, Number(process.env.RUNS || 3));
const X20 = process.env.X20 === "1";
const ONLY = process.env.ONLY || "";
const TOOLS = process.env.TOOLS || "";
const SETTLE_MS = Number(process.env.SETTLE_MS || 1000);
const QUIET_MS = Number(process.env.QUIET_MS || 5000);
const TIMEOUT_MS = Number(process.env.TIMEOUT_S || 900) * 1000;
// A run whose renderers use less than stallCPU of a core for STALL_MS has
// stopped working without finishing (a worker that died, say).
const STALL_MS = 60000, stallCPU = 0.05;
const clockTicks = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux

// Units: MB = 10^6 bytes, GB = 10^9 bytes, as the page writes sizes.
const MB = 1e6, GB = 1e9;

// The targets ("As fast as the machine allows").
const target = {
  xlsxSpeedup: 8, // SheetJS read + sheet_to_json ÷ workbench, at least
  xlsxGrowth: 0.5, // workbench growth ÷ SheetJS growth, at most
  x10Renderer: 1.5 * GB, // renderer peak on Online Retail x10, at most
  frameGapMs: 100, // longest frame gap while a file loads, at most
  // The first load's bounds (the page ≤ 2.0 MB gzip, the worker ≤ 3 MB)
  // are app/site/budget.go's, read with its files (budgets).
};

// --- the files ------------------------------------------------------------

const log = (...a) => console.error(...a);

// retail returns the decompressed Online Retail CSV (header, then lines).
function retail() {
  return zlib.gunzipSync(fs.readFileSync(path.join(data, "online_retail.csv.gz")));
}

function writeOnce(file, make) {
  if (fs.existsSync(file)) return file;
  const tmp = file + ".part";
  make(tmp);
  fs.renameSync(tmp, file);
  return file;
}

// multiply writes n copies of Online Retail's lines under one header, each
// copy its own customers and invoices: copy k adds k*10^6 to the invoice
// number (after its C or A prefix; the file's numbers have 6 digits) and
// k*10^5 to the customer id (5 digits), so the file holds n times the
// customers and the orders, not the same ones n times.
function multiply(n, out) {
  const text = retail().toString("latin1");
  const lines = text.split("\n");
  const header = lines.shift();
  if (lines[lines.length - 1] === "") lines.pop();
  const parts = lines.map((l, i) => {
    const c1 = l.indexOf(",");
    const last = l.lastIndexOf(",");
    const prev = l.lastIndexOf(",", last - 1);
    const inv = /^([A-Z]?)(\d{6})$/.exec(l.slice(0, c1));
    const cust = l.slice(prev + 1, last);
    if (!inv || !/^(\d{5})?$/.test(cust)) throw new Error(`online_retail line ${i + 2}: unexpected invoice or customer: ${l}`);
    return [inv[1], Number(inv[2]), l.slice(c1, prev + 1), cust === "" ? null : Number(cust), l.slice(last)];
  });
  const fd = fs.openSync(out, "w");
  fs.writeSync(fd, header + "\n", null, "latin1");
  for (let k = 0; k < n; k++) {
    const chunk = [];
    for (const [pre, inv, mid, cust, tail] of parts) {
      chunk.push(pre + (inv + k * 1e6) + mid + (cust === null ? "" : cust + k * 1e5) + tail);
    }
    fs.writeSync(fd, chunk.join("\n") + "\n", null, "latin1");
  }
  fs.closeSync(fd);
}

const files = [
  { label: "Online Retail CSV", path: () => writeOnce(path.join(work, "online_retail.csv"), (f) => fs.writeFileSync(f, retail())), peers: ["duckdb", "papa"] },
  { label: "online_retail.csv.gz", path: () => path.join(data, "online_retail.csv.gz"), peers: ["duckdb"] },
  { label: "online_retail.xlsx", path: () => path.join(data, "online_retail.xlsx"), peers: ["sheetjs"] },
  { label: "Online Retail x10 CSV", path: () => writeOnce(path.join(work, "online_retail_x10.csv"), (f) => multiply(10, f)), peers: ["duckdb"], x: 10 },
];
if (X20) files.push({ label: "Online Retail x20 CSV", path: () => writeOnce(path.join(work, "online_retail_x20.csv"), (f) => multiply(20, f)), peers: [], x: 20, once: true });

const peerNames = {
  workbench: "Workbench, drop → KPI cards",
  duckdb: "DuckDB-WASM: registerFileBuffer + CREATE TABLE from read_csv + cohort query",
  papa: "Papa Parse: TextDecoder + Papa.parse (worker: false)",
  sheetjs: "SheetJS: XLSX.read + sheet_to_json",
  floor: "floor",
};
const floorNames = { csv: "read + count newlines", gz: "DecompressionStream(gzip) + count newlines", xlsx: "read + DecompressionStream(deflate-raw) of the sheet + one scan" };

// --- processes and memory ---------------------------------------------------

// cpu is a process's CPU time so far, in clock ticks (utime + stime).
function cpu(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(f[11]) + Number(f[12]);
  } catch {
    return null;
  }
}

// idleTicks is the machine's idle time (idle and iowait) and all its
// time, in clock ticks, from /proc/stat's first line (all cores).
function idleTicks() {
  const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: f[3] + (f[4] || 0), total: f.reduce((a, b) => a + b, 0) };
}

// quiet waits, at most QUIET_MS, until the machine's cores are idle
// (over 90% of their time in a 200 ms window, /proc/stat): the context of
// the run before is still being torn down a while after it is closed
// (DuckDB-WASM's and SheetJS's leave 1-2 GB), and a page's own start-up
// work (the workbench warming its engine) may still run. Every tool's run
// waits alike. It returns the milliseconds waited.
async function quiet() {
  const start = Date.now();
  let a = idleTicks();
  while (Date.now() - start < QUIET_MS) {
    await new Promise((r) => setTimeout(r, 200));
    const b = idleTicks();
    const idle = (b.idle - a.idle) / Math.max(1, b.total - a.total);
    a = b;
    if (idle > 0.9) break;
  }
  return Date.now() - start;
}

// Sampler watches every renderer while a file loads and, at the end,
// names the page's: the one that worked (took the most CPU time), not a
// spare renderer chromium keeps ready for the next page.
class Sampler {
  constructor() {
    this.procs = renderers().map((pid) => ({ pid, base: memory(pid), cpu: cpu(pid), max: 0 })).filter((p) => p.base);
    this.timer = setInterval(() => this.sample(), 50);
  }
  sample() {
    for (const p of this.procs) {
      const m = memory(p.pid);
      if (m) p.max = Math.max(p.max, m.rss);
    }
  }
  // cpu is the CPU time the renderers have used, in clock ticks.
  cpu() {
    return this.procs.reduce((n, p) => n + (cpu(p.pid) || 0), 0);
  }
  // stop returns the page renderer's peak (VmHWM) and growth: the peak
  // during the load less VmRSS before it.
  stop() {
    clearInterval(this.timer);
    let page = null;
    for (const p of this.procs) {
      const c = cpu(p.pid);
      p.end = memory(p.pid);
      if (c !== null && p.end && (!page || c - p.cpu > page.used)) page = { ...p, used: c - p.cpu };
    }
    if (!page) return {};
    const during = page.end.hwm > page.base.hwm ? page.end.hwm : Math.max(page.max, page.end.rss);
    return { pid: page.pid, peak: page.end.hwm, growth: during - page.base.rss };
  }
}

// --- servers ----------------------------------------------------------------

// The peer pages: test/bench/ at /bench/, and the few packages they load
// from node_modules at /nm/, on their own origin (no CSP of the workbench).
const peerPackages = ["@duckdb/duckdb-wasm", "apache-arrow", "flatbuffers", "tslib", "papaparse", "xlsx"];
const types = { ".html": "text/html", ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".map": "application/json" };

function servePeers() {
  const srv = http.createServer((req, res) => {
    const u = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = null;
    if (u.startsWith("/bench/")) file = path.join(root, "test", "bench", u.slice("/bench/".length));
    else if (u.startsWith("/nm/") && peerPackages.some((p) => u.startsWith(`/nm/${p}/`))) file = path.join(root, "node_modules", u.slice("/nm/".length));
    if (!file || file.includes("..") || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-cache" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => srv.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${srv.address().port}/bench/peer.html`, srv })));
}

// --- one run ---------------------------------------------------------------

// hookWorker (an init script of the workbench's contexts) notes when the
// engine worker's messages first arrive: ready, each progress stage, the
// report (of the figures), the forecast that follows it (predictions);
// and when the page sends it the file.
function hookWorker() {
  const W = window.Worker;
  const ev = (window.__events = []);
  const note = (k) => {
    if (!ev.some((e) => e[0] === k)) ev.push([k, performance.now()]);
  };
  function Hooked(url, opts) {
    const w = new W(url, opts);
    const post = w.postMessage.bind(w);
    w.postMessage = (d, t) => {
      if (d && d.bytes) note("sent");
      return post(d, t);
    };
    w.addEventListener("message", (e) => {
      const m = e.data && e.data.msg;
      if (typeof m !== "string") return;
      if (m.length < 1000) {
        try {
          const o = JSON.parse(m);
          note(o.type === "progress" ? o.progress.stage : o.type === "forecast" ? "predictions" : o.type);
        } catch {}
      } else if (m.startsWith('{"type":"report"')) {
        note("report");
      } else if (m.startsWith('{"type":"forecast"')) {
        note("predictions");
      }
    });
    return w;
  }
  Hooked.prototype = W.prototype;
  window.Worker = Hooked;
}

// instrument starts the timer at the file input's change event and
// records the longest gap between animation frames from then on.
function instrument(workbench) {
  const b = (window.__b = { t0: 0, done: 0, gap: 0, gapAfter: 0, how: "", text: "", stopped: false });
  document.addEventListener("change", () => { if (!b.t0) b.t0 = performance.now(); }, true);
  let last = performance.now();
  const tick = (t) => {
    if (b.t0 && !b.stopped) {
      // Up to the frame that paints the cards: the file loads (gap);
      // after it, until the charts are drawn (gapAfter).
      const g = t - Math.max(last, b.t0);
      if (!b.done || last < b.done) { if (g > b.gap) b.gapAt = Math.max(last, b.t0) - b.t0; b.gap = Math.max(b.gap, g); }
      else b.gapAfter = Math.max(b.gapAfter, g);
    }
    last = t;
    if (!b.stopped) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  if (workbench) {
    const mo = new MutationObserver(() => {
      if (b.done || !b.t0) return;
      const problem = document.querySelector(".alert, #problem");
      if (document.querySelector("[data-kpi]")) b.how = "kpi";
      else if (problem) [b.how, b.text] = ["refused", problem.innerText];
      else return;
      b.done = performance.now();
      mo.disconnect();
    });
    mo.observe(document.body, { childList: true, subtree: true });
  }
}

function withTimeout(p, ms, what) {
  let t;
  return Promise.race([p, new Promise((_, reject) => { t = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms); })]).finally(() => clearTimeout(t));
}

let browser, wb, peers;

async function once(tool, file) {
  const context = await browser.newContext({ timezoneId: "UTC", locale: "en-US", viewport: { width: 1280, height: 900 } });
  const r = { tool, file: file.label, ok: false };
  let sampler = null, page = null;
  const errors = [], logged = []; // console errors; the last console lines
  let fatal = "";
  try {
    if (tool === "workbench") await context.addInitScript(hookWorker);
    page = await context.newPage();
    let crashed = false;
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
      // Go's runtime writes its fatal errors to the console line by line.
      if (!fatal && /^(fatal error|panic|runtime: out of memory)/.test(m.text())) fatal = m.text();
      logged.push(m.text());
      if (logged.length > 5) logged.shift();
    });
    page.on("crash", () => { crashed = true; });
    if (tool === "workbench") {
      await page.goto(wb.url);
      await page.waitForSelector("#app-wasm-loader", { state: "detached", timeout: 120000 });
      // The service worker's install caches the site; let it finish.
      await page.evaluate(() => Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 30000))]));
    } else {
      await page.goto(`${peers.url}?peer=${tool}`);
      await page.waitForFunction(() => window.bench.ready || window.bench.error, null, { timeout: 120000 });
      const setup = await page.evaluate(() => ({ error: window.bench.error, ...window.bench.setup, version: window.bench.version }));
      if (setup.error) throw new Error(setup.error);
      r.setup = setup;
    }
    await page.waitForTimeout(SETTLE_MS);
    r.quietMs = await quiet();
    await page.evaluate(instrument, tool === "workbench");
    sampler = new Sampler();
    await page.setInputFiles("#file-input", file.file);
    const finished = tool === "workbench" ? () => window.__b.done > 0 : () => window.bench.done > 0;
    // Wait for the end (the time is taken in the page; this only looks),
    // unless the tab crashes, the run passes TIMEOUT_S, or the renderers
    // have stopped working without finishing (a worker that died).
    const start = Date.now();
    const busy = [[start, sampler.cpu()]];
    for (;;) {
      if (crashed) throw new Error("the tab crashed");
      if (await withTimeout(page.evaluate(finished), 2000, "the page").catch(() => false)) break;
      const now = Date.now();
      if (now - start > TIMEOUT_MS) throw new Error(`not finished after ${TIMEOUT_MS / 1000} s`);
      busy.push([now, sampler.cpu()]);
      while (busy.length > 1 && now - busy[0][0] > STALL_MS) {
        const [t, c] = busy.shift();
        if ((busy[busy.length - 1][1] - c) / clockTicks / ((now - t) / 1000) < stallCPU) {
          throw new Error(`stalled: the renderers used less than ${stallCPU * 100}% of a core for ${Math.round((now - t) / 1000)} s without finishing`);
        }
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    // One more frame: a main thread blocked until the end shows as a gap.
    const b = await page.evaluate(async (workbench) => {
      await new Promise((r) => requestAnimationFrame(() => r()));
      const b = window.__b;
      b.stopped = !workbench; // the workbench's after its charts (gapAfter)
      if (!workbench) b.done = window.bench.done;
      return { ...b };
    }, tool === "workbench");
    Object.assign(r, sampler.stop());
    r.ms = b.done - b.t0;
    r.gap = b.gap; r.gapAt = b.gapAt;
    if (tool === "workbench") {
      if (b.how !== "kpi") throw new Error(`the page refused the file: ${b.text}`);
      const k = await page.$$eval("[data-kpi]", (els) => Object.fromEntries(els.map((e) => [e.dataset.kpi, Number(e.dataset.value)])));
      r.check = { customers: k.customers, orders: k.orders };
      // The charts, after the cards (not in the timer).
      r.charts = await page.waitForFunction(() => {
        const cs = [...document.querySelectorAll(".chart-canvas")];
        return cs.length > 0 && cs.every((c) => c.dataset.drawn === "true") && performance.now();
      }, null, { timeout: 60000, polling: 50 }).then(async (h) => (await h.jsonValue()) - b.t0, () => null);
      r.gapAfter = await page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => r()));
        window.__b.stopped = true;
        return window.__b.gapAfter;
      });
      // The forecast that follows the report (its stage comes after the
      // report), if it has not come yet.
      await page.waitForFunction(() => {
        const at = (k) => (window.__events || []).findIndex((e) => e[0] === k);
        return !(at("forecast") > at("report")) || at("predictions") >= 0;
      }, null, { timeout: 60000, polling: 50 }).catch(() => {});
      r.events = await page.evaluate((t0) => (window.__events || []).map(([k, t]) => [k, t - t0]), b.t0);
    } else {
      const p = await page.evaluate(() => ({ error: window.bench.error, check: window.bench.check, stages: window.bench.stages }));
      if (p.error) throw new Error(p.error);
      r.check = p.check;
      r.stages = p.stages;
    }
    if (crashed) throw new Error("the tab crashed");
    if (errors.length > 0) r.errors = errors.slice(0, 5);
    r.ok = true;
  } catch (err) {
    r.error = String(err.message || err).split("\n").filter((l) => !l.includes("[pid=")).slice(0, 3).join(" ");
    if (sampler) Object.assign(r, sampler.stop());
    // What the page shows when it did not finish.
    if (page && tool === "workbench") {
      r.shown = await withTimeout(page.evaluate(() => {
        const wb = document.querySelector(".wb");
        const el = document.querySelector(".alert, #problem, #progress-label");
        return `phase ${wb && wb.dataset.phase}: ${el ? el.innerText : ""}`;
      }), 5000, "the page").catch((e) => String(e.message || e));
      r.events = await withTimeout(page.evaluate(() => window.__events || []), 5000, "the page").catch(() => null);
    }
    if (errors.length > 0) r.errors = errors.slice(0, 5);
    if (logged.length > 0) r.console = fatal ? [fatal] : logged;
  } finally {
    await context.close().catch(() => {});
  }
  return r;
}

// --- first load ---------------------------------------------------------------

// gzipSize is what `make static` counts a file of dist as sent in (app/site
// Asset.Gzip): its precompressed .gz beside it if there is one, else the
// file as it is (too small to be worth compressing, or already compressed).
function gzipSize(rel) {
  const f = path.join(root, "dist", rel);
  if (fs.existsSync(f + ".gz")) return { bytes: fs.statSync(f + ".gz").size, from: ".gz" };
  return { bytes: fs.statSync(f).size, from: "as is" };
}

// budgets are the site's first-load groups as `make static` checks them
// (app/site Budgets, printed by test/bench/budgets): the page (the HTML,
// app.wasm, scripts, styles, icons and the largest translation), the
// engine worker, the charts (ECharts, fetched after the page), each with
// its files and gzip bound.
function budgets() {
  const out = execFileSync(process.env.GO || "go", ["run", "./test/bench/budgets"], { cwd: root }).toString();
  return JSON.parse(out).map((b) => ({ name: b.Name, files: b.Files, max: b.Max }));
}

// firstLoad lists each budget's files with their sizes, and whether the
// page fetched each before it was ready for a file (not the service
// worker's caching); files it fetched that no budget counts are listed
// apart ("other").
async function firstLoad() {
  const groups = budgets();
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = new Set();
  page.on("request", (q) => {
    const u = new URL(q.url());
    if (u.origin === new URL(wb.url).origin) seen.add(u.pathname === "/" ? "index.html" : u.pathname.slice(1));
  });
  await page.goto(wb.url);
  await page.waitForSelector("#app-wasm-loader", { state: "detached", timeout: 120000 });
  await page.evaluate(() => Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 30000))]));
  await page.waitForTimeout(SETTLE_MS);
  await context.close();
  const counted = new Set(groups.flatMap((g) => g.files));
  const other = [...seen].filter((f) => !counted.has(f) && fs.existsSync(path.join(root, "dist", f)) && fs.statSync(path.join(root, "dist", f)).isFile()).sort();
  const size = (list) => list.map((f) => ({ file: f, raw: fs.statSync(path.join(root, "dist", f)).size, fetched: seen.has(f), ...gzipSize(f) }));
  return [...groups.map((g) => ({ ...g, files: size(g.files) })), { name: "other", files: size(other), max: null }];
}

// --- the report ---------------------------------------------------------------

const s = (ms) => (ms == null ? "–" : (ms / 1000).toFixed(2) + " s");
const mb = (b) => (b == null ? "–" : b >= GB ? (b / GB).toFixed(2) + " GB" : Math.round(b / MB) + " MB");
const ratio = (a, b) => (a == null || b == null ? "–" : (a / b).toFixed(2) + "×");
const plain = (t) => String(t).replace(/[\t\n|]+/g, " ");
const pass = (ok) => (ok == null ? "–" : ok ? "pass" : "**FAIL**");

// best is the fastest successful run; the memory and frame gap are the
// largest of the successful runs.
function best(runs) {
  const ok = runs.filter((r) => r.ok);
  if (ok.length === 0) return { ok: false, error: runs.map((r) => r.error).find(Boolean) || "not run", peak: runs[0] && runs[0].peak, growth: runs[0] && runs[0].growth, n: 0 };
  const fastest = ok.reduce((a, r) => (r.ms < a.ms ? r : a));
  const max = (k) => (ok.some((r) => r[k] != null) ? Math.max(...ok.filter((r) => r[k] != null).map((r) => r[k])) : null);
  return { ...fastest, peak: max("peak"), growth: max("growth"), gap: max("gap"), gapAfter: max("gapAfter"), n: ok.length, failed: runs.length - ok.length };
}

function cell(b) {
  if (!b.ok) return plain(`failed: ${b.error}`);
  return s(b.ms);
}

function report(results, sizes, meta) {
  const out = [];
  const p = (...l) => out.push(...l);
  p(`Run ${meta.date} on ${meta.cpu}, ${meta.cores} cores, load average ${meta.loadStart} at the start and ${meta.loadEnd} at the end; ${meta.chromium}; ${meta.peers}; commit ${meta.commit}; ${RUNS} run(s) of each tool on each file, alternating, a fresh browser context each.`, "");
  p(`Each run: a fresh browser context; its page ready, then ${SETTLE_MS / 1000} s, then until the machine's cores are idle (over 90% in 200 ms, at most ${QUIET_MS / 1000} s: the context before is still torn down for a while, and each page's start-up work may still run), then the file.`, "");
  p("Times: the fastest run, from the file input's change event to the end (below). Memory: the page's renderer process (its workers included), the largest of the runs: peak = VmHWM, growth = peak − VmRSS before the file. Frame gap: the longest gap between animation frames while the file loads (from the change event to the frame that paints the KPI cards, included), the largest of the runs. MB = 10^6 bytes, GB = 10^9 bytes.", "");
  p("| file | tool | time | renderer peak | growth | frame gap | workbench ÷ tool | check |", "|---|---|---|---|---|---|---|---|");
  for (const f of files) {
    const rs = results[f.label];
    if (!rs) continue;
    const w = best(rs.workbench);
    for (const tool of Object.keys(rs)) {
      const b = best(rs[tool]);
      let name = tool === "floor" ? `floor: ${floorNames[f.kind]}` : peerNames[tool];
      if (tool === "duckdb" && b.setup) name += ` (instantiation apart: ${s(b.setup.instantiate_ms)})`;
      const check = b.ok ? Object.entries(b.check || {}).map(([k, v]) => `${k} ${v}`).join(", ") : "";
      p(`| ${f.label} | ${name} | ${cell(b)} | ${mb(b.peak)} | ${mb(b.growth)} | ${b.ok ? Math.round(b.gap) + " ms" : "–"} | ${tool === "workbench" ? "" : w.ok && b.ok ? ratio(w.ms, b.ms) : "–"} | ${check} |`);
    }
  }
  p("");
  p("Inside the timers (seconds since the file input's change, fastest run). Workbench: when the page sent the file to the worker (sent), the worker's messages (ready, then the first progress of each stage, the report of the figures, the forecast that follows it: predictions), the KPI cards in the DOM, and all charts drawn (after the timer), in the order they came. Peers: the duration of each step.", "");
  p("| file | tool | steps |", "|---|---|---|");
  for (const f of files) {
    const rs = results[f.label];
    if (!rs) continue;
    for (const tool of Object.keys(rs)) {
      const b = best(rs[tool]);
      if (!b.ok) continue;
      const steps = tool === "workbench"
        ? [...(b.events || []), ["kpi", b.ms], ["charts", b.charts]].sort((x, y) => (x[1] ?? Infinity) - (y[1] ?? Infinity)).map(([k, t]) => `${k} ${t == null ? "–" : (t / 1000).toFixed(2)}`).join(" · ")
        : Object.entries(b.stages || {}).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`).join(" · ");
      p(`| ${f.label} | ${tool} | ${steps} |`);
    }
  }
  p("");
  const get = (label, tool) => (results[label] && results[label][tool] ? best(results[label][tool]) : null);
  const rows = [];
  for (const label of ["Online Retail CSV", "online_retail.csv.gz"]) {
    const w = get(label, "workbench"), d = get(label, "duckdb");
    if (w && d) rows.push([`${label}: drop → KPI cards ≤ DuckDB-WASM load + query`, `${cell(w)} vs ${cell(d)}`, pass(w.ok && d.ok ? w.ms <= d.ms : w.ok ? null : false)]);
  }
  const wx = get("online_retail.xlsx", "workbench"), sx = get("online_retail.xlsx", "sheetjs");
  if (wx && sx) {
    rows.push([`online_retail.xlsx: ≥ ${target.xlsxSpeedup}× faster than SheetJS read + sheet_to_json`, wx.ok && sx.ok ? `${(sx.ms / wx.ms).toFixed(2)}× (${cell(wx)} vs ${cell(sx)})` : `${cell(wx)} vs ${cell(sx)}`, pass(wx.ok && sx.ok ? sx.ms >= target.xlsxSpeedup * wx.ms : wx.ok ? null : false)]);
    rows.push([`online_retail.xlsx: memory growth ≤ ${target.xlsxGrowth} × SheetJS's`, `${mb(wx.growth)} vs ${mb(sx.growth)}`, pass(wx.ok && sx.ok && wx.growth != null && sx.growth != null ? wx.growth <= target.xlsxGrowth * sx.growth : wx.ok ? null : false)]);
  }
  const w10 = get("Online Retail x10 CSV", "workbench"), d10 = get("Online Retail x10 CSV", "duckdb");
  if (w10 && d10) {
    rows.push(["Online Retail x10: drop → KPI cards ≤ DuckDB-WASM", `${cell(w10)} vs ${cell(d10)}`, pass(w10.ok && d10.ok ? w10.ms <= d10.ms : w10.ok ? null : false)]);
    rows.push([`Online Retail x10: renderer ≤ ${mb(target.x10Renderer)}`, mb(w10.peak), pass(w10.ok && w10.peak != null ? w10.peak <= target.x10Renderer : false)]);
  }
  const w20 = get("Online Retail x20 CSV", "workbench");
  if (w20) {
    const r20 = results["Online Retail x20 CSV"].workbench[0];
    const refused = /refused/.test(r20.error || "");
    rows.push(["Online Retail x20: completes, or is refused with a message naming the limit; the tab never dies", w20.ok ? `completed in ${s(w20.ms)}, renderer ${mb(w20.peak)}` : plain(`${r20.error}${r20.shown ? "; the page showed " + r20.shown : ""}${r20.errors || r20.console ? "; console: " + (r20.errors || r20.console).join(" / ") : ""}; renderer ${mb(r20.peak)}`), w20.ok ? "pass" : refused ? "pass if the message names the limit (read it)" : "**FAIL**"]);
  }
  const gaps = files.map((f) => get(f.label, "workbench")).filter((b) => b && b.ok);
  if (gaps.length > 0) {
    const worst = Math.max(...gaps.map((b) => b.gap));
    rows.push([`longest frame gap while a file loads ≤ ${target.frameGapMs} ms (workbench, every file)`, gaps.map((b) => `${Math.round(b.gap)} ms`).join(", "), pass(worst <= target.frameGapMs)]);
    // Not a target of the issue: the charts drawn after the cards.
    rows.push(["longest frame gap after the cards, until every chart is drawn (workbench, every file; not a target)", gaps.map((b) => (b.gapAfter != null ? `${Math.round(b.gapAfter)} ms` : "–")).join(", "), ""]);
  }
  if (sizes) {
    const sum = (l) => l.reduce((n, f) => n + f.bytes, 0);
    const when = (g) => (g.files.every((f) => f.fetched) ? " (fetched before a file)" : g.files.some((f) => f.fetched) ? " (partly fetched before a file)" : " (not fetched before a file)");
    for (const g of sizes.filter((g) => g.max != null)) {
      rows.push([`first load, the ${g.name} ≤ ${(g.max / MB).toFixed(2)} MB gzip`, `${(sum(g.files) / MB).toFixed(3)} MB${g.name === "page" ? "" : when(g)}`, pass(sum(g.files) <= g.max)]);
    }
  }
  p("Targets of the issue \"As fast as the machine allows\":", "", "| target | measured | |", "|---|---|---|");
  for (const r of rows) p(`| ${r.join(" | ")} |`);
  p("");
  if (sizes) {
    p("First load: the files of each budget of `make static` (app/site/budget.go: the page, the engine worker, the charts), and any other file the page fetched until it was ready for a file; gzip sizes as the budget counts them (the precompressed .gz in dist/, else the file as it is); fetched: whether the page fetched it before a file (a visit in English fetches no translation).", "");
    p("| part | file | bytes | gzip | fetched |", "|---|---|---|---|---|");
    for (const g of sizes) {
      for (const f of g.files) p(`| ${g.name} | ${f.file} | ${f.raw.toLocaleString("en-US")} | ${f.bytes.toLocaleString("en-US")} (${f.from}) | ${f.fetched ? "yes" : "no"} |`);
    }
    p("");
  }
  p("Every run:", "", "| file | tool | run | time | renderer peak | growth | frame gap |", "|---|---|---|---|---|---|---|");
  for (const f of files) {
    const rs = results[f.label];
    if (!rs) continue;
    for (const tool of Object.keys(rs)) {
      rs[tool].forEach((r, i) => p(`| ${f.label} | ${tool} | ${i + 1} | ${r.ok ? s(r.ms) : plain("failed: " + r.error + (r.shown ? "; the page showed " + r.shown : "") + (r.errors || r.console ? "; console: " + (r.errors || r.console).join(" / ") : ""))} | ${mb(r.peak)} | ${mb(r.growth)} | ${r.gap != null ? Math.round(r.gap) + " ms" : "–"} |`));
    }
  }
  return out.join("\n") + "\n";
}

// --- main ---------------------------------------------------------------------

const meta = {
  date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  cpu: ((fs.readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) || [])[1] || "unknown CPU").trim(),
  cores: os.cpus().length,
  peers: ["@duckdb/duckdb-wasm", "xlsx", "papaparse"].map((p) => `${p} ${JSON.parse(fs.readFileSync(path.join(root, "node_modules", p, "package.json"))).version}`).join(", "),
  loadStart: os.loadavg().map((x) => x.toFixed(1)).join(" "),
  commit: (() => {
    try {
      const c = execFileSync("git", ["-C", root, "rev-parse", "--short", "HEAD"]).toString().trim();
      const dirty = execFileSync("git", ["-C", root, "status", "--porcelain", "--untracked-files=no"]).toString().trim() !== "";
      return c + (dirty ? " (with uncommitted changes)" : "");
    } catch {
      return "unknown";
    }
  })(),
};

const todo = files.filter((f) => !ONLY || ONLY.split("|").some((o) => f.label.includes(o)));
for (const f of todo) {
  log(`preparing ${f.label}`);
  f.file = f.path();
  f.kind = f.file.endsWith(".gz") ? "gz" : f.file.endsWith(".xlsx") ? "xlsx" : "csv";
}

wb = await serveWorkbench();
peers = await servePeers();
browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
meta.chromium = "Chromium " + browser.version();
const results = {};
let sizes = null;
try {
  sizes = await firstLoad();
  for (const f of todo) {
    const tools = ["workbench", ...f.peers, ...(f.x === 20 ? [] : ["floor"])].filter((t) => !TOOLS || TOOLS.split("|").includes(t));
    results[f.label] = Object.fromEntries(tools.map((t) => [t, []]));
    for (let run = 1; run <= (f.once ? 1 : RUNS); run++) {
      for (const tool of tools) {
        const r = await once(tool, f);
        results[f.label][tool].push(r);
        log(`${f.label} · ${tool} · run ${run}: ${r.ok ? s(r.ms) + ", renderer " + mb(r.peak) + ", growth " + mb(r.growth) + ", gap " + Math.round(r.gap) + " ms at " + Math.round(r.gapAt) + " ms, quiet after " + r.quietMs + " ms; " + JSON.stringify((r.events || []).map(([k, t]) => k + " " + Math.round(t))) : "failed: " + r.error}`);
      }
    }
  }
} finally {
  await browser.close();
  wb.proc.kill();
  peers.srv.close();
}
meta.loadEnd = os.loadavg().map((x) => x.toFixed(1)).join(" ");
const md = report(results, sizes, meta);
fs.writeFileSync(path.join(artifacts, "bench-browser.md"), md);
fs.writeFileSync(path.join(artifacts, "bench-browser.json"), JSON.stringify({ meta, sizes, results }, null, 2) + "\n");
console.log(md);
