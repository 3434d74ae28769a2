// The browser at the edge of its bounds (issue "Hostile, huge and odd
// files", item 9): Online Retail copied over and over into the longest
// file the browser reads (LINES unset: 9.99 million lines, 895 MB, the
// most lines whose cells stay within the browser's 80,000,000), loaded
// in the workbench, then its All list exported as CSV and as Excel.
// Prints the time to the KPI cards, the customers, each export's time,
// rows and size, the engine's WebAssembly memory (which never shrinks:
// the most it held) and the page renderer's peak memory (VmHWM) after
// each step, and fails when an export's rows are not the customers, the
// engine stopped, or the page has an error.
//
//	make static DIST=dist PREFIX=/ && go build -o bin/ ./cmd/...
//	node test/bench-export.mjs           # the longest file the browser reads
//	LINES=5000000 node test/bench-export.mjs
//	COPIES=18 node test/bench-export.mjs # whole copies (9.75 million lines)
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
const work = path.join(root, "testdata", "artifacts", "bench-data");

// The browser's bounds on a text file (app/limits, Browser): its lines
// and its cells, counted as app/sheet counts them before parsing (every
// line break and delimiter, the text's last line break starting one more
// line), and its bytes.
const browserRows = 10_000_000;
const browserCells = 80_000_000;
const browserInput = 900 * 2 ** 20;

// lines: the lines to write, header included; 0 writes whole copies.
const copies = Number(process.env.COPIES || 0);
const lines = copies ? 0 : Number(process.env.LINES || 0) || Infinity;
const file = path.join(work, copies ? `online_retail_x${copies}.csv` : `online_retail_${lines === Infinity ? "max" : lines}-lines.csv`);

// The copies as test/bench-browser.mjs writes them: copy k adds k·10^6 to
// the invoice number and k·10^5 to the customer id. Without COPIES, the
// copies go on until the next line would pass lines, or the rows or
// cells bound.
if (!fs.existsSync(file)) {
  fs.mkdirSync(work, { recursive: true });
  const text = zlib.gunzipSync(fs.readFileSync(path.join(data, "online_retail.csv.gz"))).toString("latin1");
  const all = text.split("\n");
  const header = all.shift();
  if (all[all.length - 1] === "") all.pop();
  const commas = (l) => l.split(",").length - 1;
  const parts = all.map((l) => {
    const c1 = l.indexOf(",");
    const last = l.lastIndexOf(",");
    const prev = l.lastIndexOf(",", last - 1);
    const inv = /^([A-Z]?)(\d{6})$/.exec(l.slice(0, c1));
    const cust = l.slice(prev + 1, last);
    return [inv[1], Number(inv[2]), l.slice(c1, prev + 1), cust === "" ? null : Number(cust), l.slice(last), commas(l)];
  });
  const fd = fs.openSync(file + ".part", "w");
  fs.writeSync(fd, header + "\n", null, "latin1");
  let nl = 1, delims = commas(header), bytes = header.length + 1;
  let full = false;
  for (let k = 0; !full && (copies === 0 || k < copies); k++) {
    const chunk = [];
    for (const [p, i, m, c, t, d] of parts) {
      const line = p + (i + k * 1e6) + m + (c === null ? "" : c + k * 1e5) + t;
      // After this line: nl+1 line breaks, nl+2 lines as counted.
      if (copies === 0 && (nl + 1 > lines || nl + 2 > browserRows || delims + d + nl + 2 > browserCells || bytes + line.length + 1 > browserInput)) {
        full = true;
        break;
      }
      chunk.push(line);
      nl++;
      delims += d;
      bytes += line.length + 1;
    }
    if (chunk.length) fs.writeSync(fd, chunk.join("\n") + "\n", null, "latin1");
  }
  fs.closeSync(fd);
  fs.renameSync(file + ".part", file);
}

// sheetRows counts the rows of every sheet of an .xlsx (a zip read from
// its central directory), header rows included.
function sheetRows(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  const rows = {};
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const method = buf.readUInt16LE(p + 10), csize = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28), xlen = buf.readUInt16LE(p + 30), clen = buf.readUInt16LE(p + 32);
    const off = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nlen);
    if (name.startsWith("xl/worksheets/sheet")) {
      const at = off + 30 + buf.readUInt16LE(off + 26) + buf.readUInt16LE(off + 28);
      const raw = buf.subarray(at, at + csize);
      rows[name] = ((method === 8 ? zlib.inflateRawSync(raw) : raw).toString().match(/<row[ >]/g) || []).length;
    }
    p += 46 + nlen + xlen + clen;
  }
  return rows;
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
  await page.waitForFunction(() => window.rw && rw.worker && rw.ready, null, { timeout: 60000 });
  await page.waitForTimeout(3000);
  const pids = renderers();
  const peak = () => Math.max(...pids.map(hwm));
  // The engine's memory: the worker is restarted after a crash, so it is
  // looked up each time.
  const engine = async () => {
    const wk = page.workers().find((w) => w.url().startsWith("blob:"));
    return wk ? wk.evaluate(() => instance.exports.mem.buffer.byteLength) : 0;
  };
  const size = fs.statSync(file).size;
  let fileLines = 0;
  for (let buf = fs.readFileSync(file), i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) fileLines++;
  console.log(`${path.basename(file)}: ${fileLines.toLocaleString("en")} lines, ${(size / 1e6).toFixed(0)} MB`);
  console.log(`before: engine ${gb(await engine())}`);
  const t0 = Date.now();
  await page.setInputFiles("#file-input", file);
  await page.waitForSelector("[data-kpi], .problem, [role=alert]", { timeout: 900000 });
  if (!(await page.$("[data-kpi]"))) throw new Error("not loaded: " + (await page.innerText("main")).slice(0, 400));
  const loaded = (Date.now() - t0) / 1000;
  const customers = Number(await page.$eval('[data-kpi="customers"]', (e) => e.dataset.value));
  console.log(`load: ${loaded.toFixed(1)} s to the KPI cards, ${customers} customers, engine ${gb(await engine())}, renderer peak ${gb(peak())}`);
  // An export waits for the forecast, whose figures it carries: the
  // exports' memory is measured after it.
  await page.waitForSelector("#forecast-status", { state: "detached", timeout: 900000 });
  console.log(`forecast: ${((Date.now() - t0) / 1000).toFixed(1)} s after the drop, engine ${gb(await engine())}, renderer peak ${gb(peak())}`);
  // The Customers tab asks the engine for its segments and lists' first
  // pages.
  await page.click("#tab-customers");
  await page.waitForSelector('[data-export="All"]');
  await page.waitForTimeout(3000);
  console.log(`the Customers tab: engine ${gb(await engine())}, renderer peak ${gb(peak())}`);
  for (const format of ["csv", "xlsx"]) {
    const button = `[data-export="All"][data-format="${format}"]`;
    const t1 = Date.now();
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 900000 }), page.click(button)]);
    const out = path.join(work, `all-export.${format}`);
    await download.saveAs(out);
    const took = (Date.now() - t1) / 1000;
    let rows;
    if (format === "csv") rows = fs.readFileSync(out, "utf8").split("\n").filter(Boolean).length - 1;
    else rows = Object.values(sheetRows(fs.readFileSync(out))).reduce((a, n) => a + n - 1, 0);
    console.log(`All list as ${format}: ${took.toFixed(1)} s, ${rows} rows, ${(fs.statSync(out).size / 1e6).toFixed(1)} MB, engine ${gb(await engine())}, renderer peak ${gb(peak())}`);
    if (rows !== customers) throw new Error(`${rows} rows exported as ${format} for ${customers} customers`);
    const note = await page.$("#engine-note");
    if (note) throw new Error(`the engine stopped: ${await note.innerText()}`);
  }
  if (errors.length) throw new Error("page errors: " + errors.join(" / "));
} finally {
  await browser.close();
  server.kill();
}
