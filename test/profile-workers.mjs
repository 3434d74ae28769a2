// profile-workers drops one file on the workbench in headless chromium
// with a CPU profile of each of its workers running (the engine and, where
// started, its parser), and writes each profile as a .cpuprofile (Chrome
// DevTools' and Node.js's format) for the time from the file to the KPI
// cards, so that the engine's time in the browser can be read function by
// function. Names of Go functions need a worker built without -ldflags=-s:
//
//	GOOS=js GOARCH=wasm go build -modfile=bin/page/go.mod -trimpath -o dist/web/worker.wasm ./cmd/worker
//	rm dist/web/worker.wasm.gz dist/web/worker.wasm.br
//
// Usage: node test/profile-workers.mjs FILE [OUTDIR]   (DIST=dir, default
// dist; WAIT=ms waits that long after the page is ready before the file;
// INTERVAL=µs the sampling interval, default 200)
import { chromium } from "playwright-core";
import { serveWorkbench } from "./bench/serve.mjs";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const file = process.argv[2];
if (!file) {
  console.error("usage: node test/profile-workers.mjs FILE [OUTDIR]");
  process.exit(2);
}
const outDir = process.argv[3] || path.join(root, "testdata", "artifacts", "profiles");
const dist = process.env.DIST || path.join(root, "dist");
const wait = Number(process.env.WAIT || 0);
const interval = Number(process.env.INTERVAL || 200);

const srv = await serveWorkbench(dist);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({ timezoneId: "UTC", locale: "en-US" });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);

// The workers are the page's child targets: each is attached in a session
// of its own, spoken to through Target.sendMessageToTarget.
const workers = new Map(); // sessionId -> {name, next, calls}
cdp.on("Target.receivedMessageFromTarget", ({ sessionId, message }) => {
  const w = workers.get(sessionId);
  const m = JSON.parse(message);
  if (w && m.id && w.calls.has(m.id)) {
    const { resolve, reject } = w.calls.get(m.id);
    w.calls.delete(m.id);
    if (m.error) reject(new Error(m.error.message));
    else resolve(m.result);
  }
});
const send = (sessionId, method, params = {}) => {
  const w = workers.get(sessionId);
  const id = ++w.next;
  return new Promise((resolve, reject) => {
    w.calls.set(id, { resolve, reject });
    cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
};
cdp.on("Target.attachedToTarget", ({ sessionId, targetInfo }) => {
  if (targetInfo.type !== "worker") return;
  workers.set(sessionId, { name: targetInfo.title || targetInfo.url, next: 0, calls: new Map() });
  send(sessionId, "Runtime.runIfWaitingForDebugger").catch(() => {});
});
await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

await page.goto(srv.url);
if (process.env.VERBOSE) console.log("page loaded");
await page.waitForSelector("#app-wasm-loader", { state: "detached", timeout: 60000 });
await page.waitForFunction(() => window.rw && rw.worker && rw.ready, null, { timeout: 60000 });
if (wait) await new Promise((r) => setTimeout(r, wait));
for (const [sid, w] of workers) {
  try {
    const r = await send(sid, "Runtime.evaluate", { expression: "self.name", returnByValue: true });
    w.name = r.result.value || w.name;
    await send(sid, "Profiler.enable");
    await send(sid, "Profiler.setSamplingInterval", { interval });
    await send(sid, "Profiler.start");
    w.on = true;
    if (process.env.VERBOSE) console.log(`profiling ${w.name}`);
  } catch (err) {
    console.error(`worker ${w.name}: ${err.message}`);
  }
}
const t0 = Date.now();
await page.setInputFiles("#file-input", file);
await page.waitForFunction(() => document.querySelector(".wb")?.dataset.phase === "ready" && document.querySelectorAll("[data-kpi]").length > 0, null, { timeout: 600000 });
console.log(`cards after ${((Date.now() - t0) / 1000).toFixed(2)} s`);
fs.mkdirSync(outDir, { recursive: true });
for (const [sid, w] of workers) {
  if (!w.on) continue;
  let profile;
  try {
    ({ profile } = await send(sid, "Profiler.stop"));
  } catch (err) {
    console.log(`${w.name}: ended before its profile was taken (${err.message})`);
    continue;
  }
  const out = path.join(outDir, `${w.name}.cpuprofile`);
  fs.writeFileSync(out, JSON.stringify(profile));
  console.log(`${w.name}: ${out}`);
}
await browser.close();
srv.proc.kill();
