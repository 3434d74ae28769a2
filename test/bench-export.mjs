// The browser at the edge of its bounds (issue "Hostile, huge and odd
// files", item 9): Online Retail N times over (N=18: 9.75 million lines,
// 874 MB, the most copies under the browser's 10,000,000 rows), loaded in
// the workbench, then its All list exported as CSV. Prints the time to the
// KPI cards, the customers, the export's time and rows, and the page
// renderer's peak memory (VmHWM) after each step.
//
//	make static DIST=dist PREFIX=/ && go build -o bin/ ./cmd/...
//	COPIES=18 node test/bench-export.mjs
//
// The file is written to testdata/artifacts/bench-data/ (once).
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { renderers, memory } from "./bench/procs.mjs";
import { serveWorkbench } from "./bench/serve.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const data = path.resolve(root, process.env.RETENTION_DATA || path.join("..", "shared", "data"));
const copies = Number(process.env.COPIES || 18);
const work = path.join(root, "testdata", "artifacts", "bench-data");
const file = path.join(work, `online_retail_x${copies}.csv`);

// The copies as test/bench-browser.mjs writes them: copy k adds k·10^6 to
// the invoice number and k·10^5 to the customer id.
if (!fs.existsSync(file)) {
  fs.mkdirSync(work, { recursive: true });
  const text = zlib.gunzipSync(fs.readFileSync(path.join(data, "online_retail.csv.gz"))).toString("latin1");
  const lines = text.split("\n");
  const header = lines.shift();
  if (lines[lines.length - 1] === "") lines.pop();
  const parts = lines.map((l) => {
    const c1 = l.indexOf(",");
    const last = l.lastIndexOf(",");
    const prev = l.lastIndexOf(",", last - 1);
    const inv = /^([A-Z]?)(\d{6})$/.exec(l.slice(0, c1));
    const cust = l.slice(prev + 1, last);
    return [inv[1], Number(inv[2]), l.slice(c1, prev + 1), cust === "" ? null : Number(cust), l.slice(last)];
  });
  const fd = fs.openSync(file + ".part", "w");
  fs.writeSync(fd, header + "\n", null, "latin1");
  for (let k = 0; k < copies; k++) {
    const chunk = parts.map(([p, i, m, c, t]) => p + (i + k * 1e6) + m + (c === null ? "" : c + k * 1e5) + t);
    fs.writeSync(fd, chunk.join("\n") + "\n", null, "latin1");
  }
  fs.closeSync(fd);
  fs.renameSync(file + ".part", file);
}

const hwm = (pid) => (memory(pid) || { hwm: 0 }).hwm;
const gb = (b) => (b / 1e9).toFixed(2) + " GB";

const { url, proc: server } = await serveWorkbench();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector("#file-input", { state: "attached" });
  await page.waitForTimeout(3000);
  const pids = renderers();
  const peak = () => Math.max(...pids.map(hwm));
  const size = fs.statSync(file).size;
  const t0 = Date.now();
  await page.setInputFiles("#file-input", file);
  await page.waitForSelector("[data-kpi], .problem, [role=alert]", { timeout: 900000 });
  if (!(await page.$("[data-kpi]"))) throw new Error("not loaded: " + (await page.innerText("main")).slice(0, 400));
  const loaded = (Date.now() - t0) / 1000;
  const customers = await page.$eval('[data-kpi="customers"]', (e) => e.dataset.value);
  const afterLoad = peak();
  await page.click("#tab-customers");
  await page.waitForSelector('[data-export="All"][data-format="csv"]');
  const t1 = Date.now();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 900000 }), page.click('[data-export="All"][data-format="csv"]')]);
  const out = path.join(work, "all-export.csv");
  await download.saveAs(out);
  const exported = (Date.now() - t1) / 1000;
  const rows = fs.readFileSync(out, "utf8").split("\n").filter(Boolean).length - 1;
  console.log(`Online Retail x${copies}: ${(size / 1e6).toFixed(0)} MB`);
  console.log(`load: ${loaded.toFixed(1)} s to the KPI cards, ${customers} customers, renderer peak ${gb(afterLoad)}`);
  console.log(`All list as CSV: ${exported.toFixed(1)} s, ${rows} rows, ${(fs.statSync(out).size / 1e6).toFixed(1)} MB, renderer peak ${gb(peak())}`);
  if (Number(customers) !== rows) throw new Error(`${rows} rows exported for ${customers} customers`);
  if (errors.length) throw new Error("page errors: " + errors.join(" / "));
} finally {
  await browser.close();
  server.kill();
}
