// trace-worker drops one file on the workbench in headless chromium and
// times the steps inside the engine worker, from the moment the worker
// starts putting the File into the engine (retentionReserve): the entries
// of a workbook the browser inflated (retentionParts, then each part
// done), the engine's call (retentionHandle) and the first progress of
// each stage, to the end of the call; with the engine's memory (its
// WebAssembly memory, which never shrinks) and the renderers' resident
// memory every 250 ms (the most any renderer grew since before the file).
// The page must be built (make static). Each run is a fresh browser
// context.
//
// Usage: node test/trace-worker.mjs FILE [RUNS]   (DIST=dir, default dist;
// WAIT=ms waits that long after the page is ready before the file)
import { chromium } from "playwright-core";
import { serveWorkbench } from "./bench/serve.mjs";
import { renderers, memory } from "./bench/procs.mjs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const file = process.argv[2];
if (!file) {
  console.error("usage: node test/trace-worker.mjs FILE [RUNS]");
  process.exit(2);
}
const runs = Number(process.argv[3] || 1);
const dist = process.env.DIST || path.join(root, "dist");
const MB = 1e6;
const wait = Number(process.env.WAIT || 0); // ms between the page's ready and the file

const rss = (pid) => (memory(pid) || { rss: 0 }).rss;

const srv = await serveWorkbench(dist);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
for (let run = 1; run <= runs; run++) {
  const context = await browser.newContext({ timezoneId: "UTC", locale: "en-US" });
  const page = await context.newPage();
  await page.goto(srv.url);
  await page.waitForSelector("#app-wasm-loader", { state: "detached", timeout: 60000 });
  await page.waitForFunction(() => window.rw && rw.worker && rw.ready, null, { timeout: 60000 });
  // The engine, not its parser (both are started from blob: URLs).
  let engine = null;
  for (const w of page.workers()) if ((await w.evaluate(() => self.name)) === "engine") engine = w;
  if (wait) await new Promise((r) => setTimeout(r, wait));
  await engine.evaluate(() => {
    const t = (self.__trace = {});
    const now = () => performance.now();
    const wrap = (name, before, after) => {
      const f = self[name];
      if (!f) return;
      self[name] = (...args) => {
        if (before) before();
        const r = f(...args);
        if (after) after();
        return r;
      };
    };
    wrap("retentionReserve", () => { if (!t.reserve) t.reserve = now(); });
    wrap("retentionParts", () => { t.parts = now(); });
    // The pieces handed over while the page feeds the file: how long the
    // engine spent in them, and when the first and the last came.
    t.appends = 0;
    t.appendMs = 0;
    let from = 0;
    wrap("retentionAppend", () => {
      from = now();
      if (!t.firstAppend) t.firstAppend = from;
    }, () => {
      t.lastAppend = now();
      t.appendMs += t.lastAppend - from;
      t.appends++;
    });
    wrap("retentionHandle", () => { t.handle = now(); }, () => { t.end = now(); });
    const post = self.postMessage.bind(self);
    self.postMessage = (m, ...rest) => {
      if (m && m.msg) {
        const reply = JSON.parse(m.msg);
        if (reply.type === "progress" && !t[reply.progress.stage]) t[reply.progress.stage] = now();
      }
      return post(m, ...rest);
    };
    t.memory = instance.exports.mem.buffer.byteLength;
  });
  const pids = renderers();
  const base = Object.fromEntries(pids.map((p) => [p, rss(p)]));
  const t0 = Date.now();
  const samples = [];
  const timer = setInterval(() => samples.push([(Date.now() - t0) / 1000, Math.max(...pids.map((p) => rss(p) - base[p]))]), 250);
  await page.setInputFiles("#file-input", file);
  await page.waitForFunction(() => document.querySelector(".wb")?.dataset.phase === "ready" && document.querySelectorAll("[data-kpi]").length > 0, null, { timeout: 600000 });
  clearInterval(timer);
  const t = await engine.evaluate(() => ({ ...self.__trace, after: instance.exports.mem.buffer.byteLength }));
  const at = (x) => (x === undefined ? "-" : ((x - t.reserve) / 1000).toFixed(2) + " s");
  console.log(`run ${run}: parts listed ${at(t.parts)} · ${t.appends} pieces from ${at(t.firstAppend)} to ${at(t.lastAppend)}, ${(t.appendMs / 1000).toFixed(2)} s in the engine · engine called ${at(t.handle)} · read ${at(t.read)} · orders ${at(t.orders)} · figures ${at(t.figures)} · forecast ${at(t.forecast)} · answered ${at(t.end)}`);
  console.log(`  engine memory ${(t.memory / MB).toFixed(0)} → ${(t.after / MB).toFixed(0)} MB; renderer growth ${samples.map(([s, g]) => `${s.toFixed(2)}s ${(g / MB).toFixed(0)}`).join(", ")} MB; peak ${(Math.max(...samples.map((s) => s[1])) / MB).toFixed(0)} MB`);
  await context.close();
}
await browser.close();
srv.proc.kill();
