// The peers of the workbench in test/bench-browser.mjs: one page, the peer
// named by ?peer=. Each reads the file the benchmark sets on #file-input,
// as the workbench does: the timer (started by the benchmark at the input's
// change event) covers file.arrayBuffer() and the peer's own work.
// Instantiation (DuckDB-WASM's worker and wasm) happens before the file is
// set and is reported apart, in bench.setup.
//
//   duckdb   DuckDB-WASM 1.32.0 (eh bundle): registerFileBuffer, CREATE TABLE
//            from read_csv (gzip by the .gz name), then the cohort query.
//   papa     Papa Parse 5.7.1: TextDecoder, then Papa.parse(text), worker:false.
//   sheetjs  SheetJS 0.18.5: XLSX.read(bytes), then sheet_to_json of the first sheet.
//   floor    what the browser alone needs: read + count newlines; a .gz through
//            DecompressionStream("gzip") + count; an .xlsx's first sheet entry
//            through DecompressionStream("deflate-raw") + one scan counting rows.
"use strict";

const peer = new URLSearchParams(location.search).get("peer");
const bench = (window.bench = { peer, ready: false, setup: {}, result: null, error: null, done: 0 });
const status = document.getElementById("status");

// cohortSQL: each customer's first-order month (the cohort), and how many
// of a cohort's customers ordered in each month, the retention matrix.
const cohortSQL = `
WITH o AS (SELECT CustomerID AS c, date_trunc('month', InvoiceDate) AS m FROM t WHERE CustomerID IS NOT NULL),
     f AS (SELECT c, min(m) AS cohort FROM o GROUP BY c)
SELECT f.cohort, o.m AS month, count(DISTINCT o.c) AS customers
FROM o JOIN f USING (c) GROUP BY f.cohort, o.m ORDER BY f.cohort, o.m`;

function script(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error("cannot load " + src));
    document.head.appendChild(s);
  });
}

// countByte counts b in u8 (indexOf is the browser's own scan).
function countByte(u8, b) {
  let n = 0;
  for (let i = u8.indexOf(b); i !== -1; i = u8.indexOf(b, i + 1)) n++;
  return n;
}

// countStream counts newlines in a stream of Uint8Array chunks.
async function countStream(stream) {
  const r = stream.getReader();
  let n = 0;
  for (;;) {
    const { done, value } = await r.read();
    if (done) return n;
    n += countByte(value, 10);
  }
}

// sheetEntry finds the first worksheet of an .xlsx (a zip) through its
// central directory and returns its deflated bytes.
function sheetEntry(buf) {
  const dv = new DataView(buf);
  let eocd = buf.byteLength - 22;
  while (eocd >= 0 && dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip file");
  const n = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const dec = new TextDecoder();
  let first = null;
  for (let i = 0; i < n; i++) {
    const method = dv.getUint16(p + 10, true), csize = dv.getUint32(p + 20, true);
    const nlen = dv.getUint16(p + 28, true), xlen = dv.getUint16(p + 30, true), clen = dv.getUint16(p + 32, true);
    const off = dv.getUint32(p + 42, true);
    const name = dec.decode(new Uint8Array(buf, p + 46, nlen));
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name) && (!first || name < first.name)) {
      const lnlen = dv.getUint16(off + 26, true), lxlen = dv.getUint16(off + 28, true);
      first = { name, method, data: new Uint8Array(buf, off + 30 + lnlen + lxlen, csize) };
    }
    p += 46 + nlen + xlen + clen;
  }
  if (!first) throw new Error("no worksheet in the workbook");
  if (first.method !== 8) throw new Error("the worksheet is not deflated");
  return first.data;
}

// countRows counts "<row" in a stream of XML chunks, across chunk edges.
async function countRows(stream) {
  const r = stream.getReader();
  const tag = [0x3c, 0x72, 0x6f, 0x77]; // "<row"
  let n = 0, carry = 0; // carry: bytes of the tag matched at the previous chunk's end
  for (;;) {
    const { done, value } = await r.read();
    if (done) return n;
    let i = 0;
    while (carry > 0 && i < value.length) {
      if (value[i] !== tag[carry]) { carry = 0; break; }
      i++;
      if (++carry === tag.length) { n++; carry = 0; break; }
    }
    for (let j = value.indexOf(0x3c, i); j !== -1; j = value.indexOf(0x3c, j + 1)) {
      let k = 1;
      while (k < tag.length && j + k < value.length && value[j + k] === tag[k]) k++;
      if (k === tag.length) n++;
      else if (j + k === value.length) carry = k;
    }
  }
}

const peers = {
  duckdb: {
    async init() {
      const duckdb = await import("/nm/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs");
      const dist = new URL("/nm/@duckdb/duckdb-wasm/dist/", location.href).href;
      const worker = new Worker(dist + "duckdb-browser-eh.worker.js");
      const db = new duckdb.AsyncDuckDB(new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), worker);
      await db.instantiate(dist + "duckdb-eh.wasm");
      const conn = await db.connect();
      bench.version = await db.getVersion();
      return { db, conn };
    },
    async run(file, { db, conn }, mark) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      mark("read");
      await db.registerFileBuffer(file.name, bytes);
      await conn.query(`CREATE TABLE t AS SELECT * FROM read_csv('${file.name}')`);
      mark("load");
      const res = await conn.query(cohortSQL);
      mark("query");
      // A cohort's customers in its own month, summed: every customer once.
      let customers = 0;
      for (const row of res.toArray()) if (Number(row.cohort) === Number(row.month)) customers += Number(row.customers);
      return { cells: res.numRows, customers };
    },
  },
  papa: {
    async init() {
      await script("/nm/papaparse/papaparse.min.js");
      return {};
    },
    async run(file, _, mark) {
      const text = new TextDecoder().decode(await file.arrayBuffer());
      mark("read");
      const res = Papa.parse(text, { worker: false });
      mark("parse");
      return { rows: res.data.length, errors: res.errors.length };
    },
  },
  sheetjs: {
    async init() {
      await script("/nm/xlsx/dist/xlsx.full.min.js");
      return {};
    },
    async run(file, _, mark) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      mark("read");
      const wb = XLSX.read(bytes, { type: "array" });
      mark("parse");
      const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]]);
      mark("rows");
      return { rows: rows.length };
    },
  },
  floor: {
    async init() {
      return {};
    },
    async run(file, _, mark) {
      if (file.name.endsWith(".gz")) {
        const lines = await countStream(file.stream().pipeThrough(new DecompressionStream("gzip")));
        mark("inflate+count");
        return { lines };
      }
      if (file.name.endsWith(".xlsx")) {
        const entry = sheetEntry(await file.arrayBuffer());
        mark("read");
        const rows = await countRows(new Blob([entry]).stream().pipeThrough(new DecompressionStream("deflate-raw")));
        mark("inflate+scan");
        return { rows };
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      mark("read");
      const lines = countByte(bytes, 10);
      mark("count");
      return { lines };
    },
  },
};

(async () => {
  const p = peers[peer];
  if (!p) throw new Error("no peer " + peer);
  const t = performance.now();
  const state = await p.init();
  bench.setup.instantiate_ms = performance.now() - t;
  const input = document.getElementById("file-input");
  input.addEventListener("change", async () => {
    const t0 = performance.now();
    const stages = {};
    let last = t0;
    const mark = (name) => {
      const now = performance.now();
      stages[name] = now - last;
      last = now;
    };
    status.textContent = "working";
    try {
      bench.check = await p.run(input.files[0], state, mark);
      bench.stages = stages;
      bench.done = performance.now();
      status.textContent = "done";
    } catch (err) {
      bench.error = String(err && err.stack ? err.stack : err);
      bench.done = performance.now();
      status.textContent = "error";
    }
  });
  bench.ready = true;
  status.textContent = "ready";
})().catch((err) => {
  bench.error = String(err && err.stack ? err.stack : err);
  status.textContent = "error";
});
