// The browser tests' harness: headless Debian chromium (playwright-core)
// against the static site in dist/ (served at /) and dist-sub/ (served at
// /retention/), both built by `make static`; test() runs one test, finish()
// closes everything and reports. Imported by test/browser.test.mjs and by
// the test files in test/browser/.
import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import assert from "node:assert/strict";
import { serveWorkbench } from "./bench/serve.mjs";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
// The real data (app/realdata): RETENTION_DATA, else ../shared/data beside
// the repository. The browser tests need it.
export const data = process.env.RETENTION_DATA || path.join(root, "..", "shared", "data");
if (!fs.existsSync(path.join(data, "online_retail.csv.gz"))) {
  console.error(`real data not found in ${data} (set RETENTION_DATA to its directory)`);
  process.exit(1);
}
export const artifacts = path.join(root, "testdata", "artifacts");
fs.mkdirSync(artifacts, { recursive: true });
export const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

let failures = 0;
export const results = {};
// ONLY="a|b" runs the tests whose names contain a or b.
export const only = process.env.ONLY || "";
const onlyAny = only.split("|").filter(Boolean);
// slowWorkbook returns online_retail.xlsx gzipped (written once into the
// artifacts): the longest load of the real files, for the tests that act
// while a file loads. The browser inflates a plain workbook's sheet itself
// and the engine reads it in two seconds or so, too short for the time
// left to be estimated; a workbook inside a .gz is inflated by the engine
// (after the browser's gzip decoder), as every workbook was before.
export function slowWorkbook() {
  const file = path.join(artifacts, "online_retail.xlsx.gz");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(file + ".part", zlib.gzipSync(fs.readFileSync(path.join(data, "online_retail.xlsx")), { level: 1 }));
    fs.renameSync(file + ".part", file);
  }
  return file;
}

export async function test(name, fn) {
  if (onlyAny.length && !onlyAny.some((o) => name.includes(o))) return;
  const t0 = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failures++;
    if (process.env.STACK) console.log(err.stack);
    const lines = String(err.message || err).split("\n").filter((l) => !l.includes("[pid=")).slice(0, 12);
    console.log(`FAIL ${name}\n     ${lines.join("\n     ")}`);
  }
}

// serve starts `workbench serve` on a free port and returns its base URL.
export const serve = serveWorkbench;

// plainServe serves dir with Python's http.server, a plain static file
// server (files as they are: no rewrite of a path, no precompressed
// variant; a folder without its slash is redirected), on a free port, and
// returns its base URL.
export function plainServe(dir) {
  return new Promise((resolve, reject) => {
    const p = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", dir], { stdio: ["ignore", "pipe", "ignore"] });
    p.stdout.on("data", (b) => {
      const m = String(b).match(/ port (\d+) /);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}/`, proc: p });
    });
    p.on("error", reject);
    p.on("exit", (code) => reject(new Error("python3 -m http.server exited " + code)));
  });
}

export function cli(args) {
  return JSON.parse(execFileSync(path.join(root, "bin", "retention"), ["report", ...args, "--json"], { maxBuffer: 1 << 30 }).toString());
}

// expected are the KPI values the page must show for a CLI report: the
// headline retention and churn of the last complete period, the CRR
// explained under retention, the yearly retention beside the benchmark.
export function expected(doc) {
  const p = doc.last_full >= 0 ? doc.periods[doc.last_full] : null;
  return {
    customers: doc.customers, orders: doc.orders, revenue: doc.revenue, aov: doc.aov, repeat_rate: doc.repeat_rate,
    retention: p ? p.retention : null, churn: p ? p.churn : null, crr: p ? p.crr : null,
    yearly_retention: doc.benchmark.yearly_retention,
  };
}

// watch records requests that leave the origin and console errors.
export function watch(page, origin) {
  const w = { foreign: [], errors: [] };
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["data:", "blob:"].includes(u.protocol) && u.origin !== origin) w.foreign.push(r.url());
  });
  page.on("console", (m) => { if (m.type() === "error") w.errors.push(m.text()); });
  page.on("pageerror", (e) => w.errors.push(String(e)));
  return w;
}

export async function started(page) {
  await page.waitForSelector("#app-wasm-loader", { state: "detached", timeout: 60000 });
}

export async function ready(page, timeout = 180000) {
  try {
    await page.waitForFunction(() => {
      const wb = document.querySelector(".wb");
      return wb && wb.dataset.phase === "ready" && document.querySelectorAll("[data-kpi]").length > 0;
    }, null, { timeout });
  } catch (e) {
    // Say what the page shows: the phase, its progress and any message.
    const shows = await page.evaluate(() => {
      const wb = document.querySelector(".wb");
      const text = (sel) => { const el = document.querySelector(sel); return el ? el.innerText.slice(0, 300) : null; };
      return { phase: wb && wb.dataset.phase, progress: text("#progress-box"), alert: text(".alert"), engine: text("#engine-note"), kpis: document.querySelectorAll("[data-kpi]").length };
    }).catch((err) => ({ evaluate: String(err) }));
    throw new Error(`${e.message}\nthe page shows: ${JSON.stringify(shows)}`);
  }
  const alert = await page.$(".alert");
  if (alert) throw new Error("the page shows an error: " + (await alert.innerText()));
}

// controlled waits until the service worker controls the page.
export async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
}

// reportMark is the number of the report whose cards the page shows
// (the cards' grid's data-report), or null before any.
export async function reportMark(page) {
  return page.evaluate(() => document.querySelector(".kpis[data-report]")?.dataset.report ?? null);
}

// shown waits for the cards of a report newer than the one of mark
// (reportMark before the load) for the file name: after a load over a
// report, the page shows the cards of the report before until it mounts
// the new ones, and cards read then would be the old report's.
export async function shown(page, name, mark, timeout = 180000) {
  await page.waitForFunction(
    ([n, m]) => {
      const grid = document.querySelector(".kpis[data-report]");
      return document.querySelector(".file-name")?.textContent === n && document.querySelector(".wb").dataset.phase === "ready" && grid && grid.dataset.report !== m && grid.querySelector("[data-kpi]");
    },
    [name, mark],
    { timeout }
  );
}

export async function kpis(page) {
  return page.$$eval("[data-kpi]", (els) => Object.fromEntries(els.map((e) => [e.dataset.kpi, e.dataset.missing === "true" ? null : Number(e.dataset.value)])));
}

// compare checks the page's numbers against the CLI's: the same to the
// last digit, or within rel relatively (fitted models: WebAssembly's math
// library is pure Go, amd64's has assembly, and the last bits differ).
export function compare(got, want, what, rel = 1e-9) {
  for (const [k, v] of Object.entries(want)) {
    if (v === null) {
      assert.equal(got[k], null, `${what}: ${k} should be missing`);
      continue;
    }
    assert.ok(Math.abs(got[k] - v) <= rel * Math.max(1, Math.abs(v)), `${what}: ${k} = ${got[k]}, CLI says ${v}`);
  }
}

// chartsDrawn checks that every chart has a canvas with a drawing on it.
export async function chartsDrawn(page) {
  await page.waitForFunction(() => {
    const cs = [...document.querySelectorAll(".chart-canvas")];
    return cs.length > 0 && cs.every((c) => c.dataset.drawn === "true");
  }, null, { timeout: 30000 });
  await page.waitForTimeout(1200); // ECharts animates in
  const inked = await page.$$eval(".chart-canvas", (cs) => cs.map((c) => {
    const cv = c.querySelector("canvas");
    if (!cv || cv.width === 0) return [c.dataset.chart, 0];
    const ctx = cv.getContext("2d");
    const px = ctx.getImageData(0, 0, cv.width, cv.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) n++;
    return [c.dataset.chart, n / (px.length / 4)];
  }));
  for (const [id, share] of inked) assert.ok(share > 0.01, `chart ${id} is blank (${(share * 100).toFixed(2)}% painted)`);
  return inked.map(([id]) => id);
}

// xlsxRows reads an .xlsx (a zip) and counts the rows of its first sheet.
export function xlsxRows(buf) {
  return xlsx(buf).rows;
}

// xlsx reads an .xlsx (a zip): the rows of its first sheet and the text of
// that sheet and its shared strings.
export function xlsx(buf) {
  assert.equal(buf.readUInt32LE(0), 0x04034b50, "not a zip file");
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, "zip without a central directory");
  const n = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = {};
  for (let i = 0; i < n; i++) {
    const method = buf.readUInt16LE(p + 10), csize = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28), xlen = buf.readUInt16LE(p + 30), clen = buf.readUInt16LE(p + 32);
    const off = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nlen);
    const lnlen = buf.readUInt16LE(off + 26), lxlen = buf.readUInt16LE(off + 28);
    const raw = buf.subarray(off + 30 + lnlen + lxlen, off + 30 + lnlen + lxlen + csize);
    files[name] = method === 8 ? zlib.inflateRawSync(raw) : raw;
    p += 46 + nlen + xlen + clen;
  }
  assert.ok(files["xl/workbook.xml"], "no xl/workbook.xml");
  const sheet = files["xl/worksheets/sheet1.xml"];
  assert.ok(sheet, "no first sheet");
  const text = sheet.toString() + (files["xl/sharedStrings.xml"] || "").toString();
  return { rows: (sheet.toString().match(/<row[ >]/g) || []).length, text };
}

export const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
export const rootSite = await serve(path.join(root, "dist"), "/");
export const subSite = await serve(path.join(root, "dist-sub"), "/retention");
export const origin = new URL(rootSite.url).origin;

export async function newPage(base, opts = {}) {
  const context = await browser.newContext({ timezoneId: "UTC", locale: "en-US", acceptDownloads: true, viewport: { width: 1280, height: 900 }, ...opts });
  const page = await context.newPage();
  const w = watch(page, new URL(base).origin);
  return { context, page, w };
}

// sampleStore opens the site at / in a fresh context (opts as newPage's)
// and loads the built-in sample store.
export async function sampleStore(opts = {}) {
  const p = await newPage(rootSite.url, opts);
  await p.page.goto(rootSite.url);
  await started(p.page);
  await p.page.click("#sample");
  await ready(p.page);
  return p;
}

// engineReady waits until the engine worker runs (web/glue.js heard it).
export async function engineReady(page, timeout = 60000) {
  await page.waitForFunction(() => window.rw && rw.worker && rw.ready, null, { timeout });
}

// engineOf is the page's engine worker (glue.js starts it from a blob: URL,
// named "engine"; its parser is another, named "parser"), or undefined.
export async function engineOf(page, name = "engine") {
  for (const wk of page.workers()) {
    if (wk.url().startsWith("blob:") && (await wk.evaluate(() => self.name).catch(() => "")) === name) return wk;
  }
  return undefined;
}

// wasmFetches counts the fetches of worker.wasm.
export function wasmFetches(page) {
  return page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/worker.wasm")).length);
}


// axe-core from node_modules (package.json pins it), evaluated in the page
// over the DevTools protocol: no CDN, and the page's CSP stays as it is.
const axeSource = fs.readFileSync(path.join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");

// axe runs axe-core on the page as it is and fails on any violation; with
// found, the violations are gathered instead, to be told for every view
// at once.
export async function axe(page, view, found = null) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(" | ")}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ""}`));
  if (found) found.push(...violations.map((v) => `${view}: ${v}`));
  else assert.deepEqual(violations, [], `axe on ${view}`);
}

// phone is the viewport of the tests at a phone's width (390 CSS px, the
// iPhone 12 to 15's).
export const phone = { width: 390, height: 844 };

// axeWidths runs axe on a view at the page's own width and again at the
// phone's, then gives the page its width back.
export async function axeWidths(page, view, found = null) {
  const own = page.viewportSize();
  await axe(page, `${view} at ${own.width} px`, found);
  if (own.width === phone.width) return;
  await page.setViewportSize(phone);
  try {
    await axe(page, `${view} at ${phone.width} px`, found);
  } finally {
    await page.setViewportSize(own);
  }
}

// finish closes the browser and the sites, writes the results and exits
// with the number of failed tests.
export async function finish() {
  await browser.close();
  rootSite.proc.kill();
  subSite.proc.kill();
  fs.writeFileSync(path.join(artifacts, "browser-results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(JSON.stringify(results));
  if (failures > 0) {
    console.log(`${failures} browser test(s) failed`);
    process.exit(1);
  }
  console.log("browser tests passed");
}

