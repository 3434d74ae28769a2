// profile-workers drops one file on the workbench in headless chromium
// with a CPU profile of the page and of each of its workers running (the
// engine and, where started, its parser), and writes each profile as a .cpuprofile (Chrome
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
// profile starts the profile of a worker; once the file is chosen, a
// worker the page starts (the parser of a large file) is profiled from
// its start.
let profiling = false;
async function profile(sid, w) {
  try {
    await send(sid, "Profiler.enable");
    await send(sid, "Profiler.setSamplingInterval", { interval });
    await send(sid, "Profiler.start");
    w.on = true;
    const r = await send(sid, "Runtime.evaluate", { expression: "self.name", returnByValue: true });
    w.name = r.result.value || w.name;
    if (process.env.VERBOSE) console.log(`profiling ${w.name}`);
  } catch (err) {
    console.error(`worker ${w.name}: ${err.message}`);
  }
}
cdp.on("Target.attachedToTarget", ({ sessionId, targetInfo }) => {
  if (targetInfo.type !== "worker") return;
  const w = { name: targetInfo.title || targetInfo.url, next: 0, calls: new Map() };
  workers.set(sessionId, w);
  send(sessionId, "Runtime.runIfWaitingForDebugger").catch(() => {});
  if (profiling) profile(sessionId, w);
});
await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

await page.goto(srv.url);
if (process.env.VERBOSE) console.log("page loaded");
await page.waitForSelector("#app-wasm-loader", { state: "detached", timeout: 60000 });
await page.waitForFunction(() => window.rw && rw.worker && rw.ready, null, { timeout: 60000 });
if (wait) await new Promise((r) => setTimeout(r, wait));
// A worker the page ends (the parser, once a file read in two parts is
// in) ends 30 s later here, so that its profile can still be taken.
await page.evaluate(() => {
  const end = Worker.prototype.terminate;
  Worker.prototype.terminate = function () {
    setTimeout(() => end.call(this), 30000);
  };
});
for (const [sid, w] of workers) await profile(sid, w);
profiling = true;
// The page's own thread too.
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval });
await cdp.send("Profiler.start");
const t0 = Date.now();
await page.setInputFiles("#file-input", file);
await page.waitForFunction(() => document.querySelector(".wb")?.dataset.phase === "ready" && document.querySelectorAll("[data-kpi]").length > 0, null, { timeout: 600000 });
console.log(`cards after ${((Date.now() - t0) / 1000).toFixed(2)} s`);
fs.mkdirSync(outDir, { recursive: true });
{
  const out = path.join(outDir, "page.cpuprofile");
  fs.writeFileSync(out, JSON.stringify((await cdp.send("Profiler.stop")).profile));
  console.log(`page: ${out}`);
}
for (const [sid, w] of workers) {
  if (!w.on) continue;
  let taken;
  try {
    taken = (await send(sid, "Profiler.stop")).profile;
  } catch (err) {
    console.log(`${w.name}: ended before its profile was taken (${err.message})`);
    continue;
  }
  const same = [...workers.values()].filter((x) => x.name === w.name && x.out).length;
  const out = path.join(outDir, `${w.name}${same ? "-" + (same + 1) : ""}.cpuprofile`);
  w.out = out;
  fs.writeFileSync(out, JSON.stringify(taken));
  console.log(`${w.name}: ${out}`);
}
await browser.close();
srv.proc.kill();
