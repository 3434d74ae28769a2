// A workbook's sheet and shared strings are inflated by the browser's
// decoder in the engine worker (web/worker.js inflateParts) and read by
// the engine without inflating them again: the cards are the command
// line's. An entry the browser refuses (its CRC-32 not the directory's)
// is inflated by the engine, which words the damage as the command line
// does; an entry it cannot inflate (stored) is read from the zip.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { test, root, data, rootSite, newPage, started, engineReady, ready, kpis, reportMark, shown, compare, expected, cli } from "../harness.mjs";

// watchEngine counts, in the engine worker, the gzip decoders made, and
// keeps what the engine said of the parts it was sent (retentionHandle's
// answer: {parts, read}, or undefined without parts).
async function watchEngine(page) {
  await engineReady(page);
  const engine = page.workers().find((wk) => wk.url().startsWith("blob:"));
  await engine.evaluate(() => {
    const D = DecompressionStream;
    self.__gzip = 0;
    self.DecompressionStream = class extends D {
      constructor(f) {
        super(f);
        if (f === "gzip") self.__gzip++;
      }
    };
    const handle = self.retentionHandle;
    self.retentionHandle = (...args) => (self.__parts = handle(...args));
  });
  return {
    said: () => engine.evaluate(() => ({ gzip: self.__gzip, parts: self.__parts || null })),
    // The engine's memory (it never shrinks) and the parts the worker keeps.
    memory: () => engine.evaluate(() => instance.exports.mem.buffer.byteLength),
    kept: () => engine.evaluate(() => parts.size),
    reset: () => engine.evaluate(() => { self.__gzip = 0; self.__parts = undefined; }),
  };
}

async function pick(page, file) {
  const input = (await page.$("#file-input")) || (await page.$(".file input[type=file]"));
  await input.setInputFiles(file);
}

// loaded picks the file and waits for its report's cards (harness shown):
// the page mounts them a few frames after it shows the file as ready,
// and until then shows none, or the cards of the report before.
async function loaded(page, file) {
  const mark = await reportMark(page);
  await pick(page, file);
  await shown(page, path.basename(file), mark);
}

await test("online_retail.xlsx: its sheet and shared strings inflated by the browser, read by the engine as they are; KPI cards = CLI", async () => {
  const file = path.join(data, "online_retail.xlsx");
  const { context, page, w } = await newPage(rootSite.url);
  await page.goto(rootSite.url);
  await started(page);
  const engine = await watchEngine(page);
  const before = await engine.memory();
  await pick(page, file);
  await ready(page);
  assert.deepEqual(await engine.said(), { gzip: 2, parts: { parts: 2, read: 2 } }, "the shared strings and the sheet");
  // The sheet's 248 MB stayed in the worker's memory, out of the engine's,
  // and are let go once read.
  const grown = (await engine.memory()) - before;
  assert.ok(grown < 200e6, `the engine's memory grew by ${grown} bytes`);
  assert.equal(await engine.kept(), 0, "parts kept after the load");
  compare(await kpis(page), expected(cli([file, "--tz", "UTC"])), "online_retail.xlsx");
  assert.deepEqual(w.foreign, []);
  assert.deepEqual(w.errors, []);
  await context.close();
});

// zip writes a zip of entries {name, text, store?, crc?}: deflated (or
// stored), without data descriptors; crc, if given, is the CRC-32 its
// headers state.
function zip(entries) {
  const locals = [], centrals = [];
  let at = 0;
  for (const e of entries) {
    const content = Buffer.from(e.text);
    const body = e.store ? content : zlib.deflateRawSync(content);
    const name = Buffer.from(e.name);
    const crc = e.crc ?? zlib.crc32(content);
    const head = (sig, size) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const local = head(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = head(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(at, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    at += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([...locals, dir, end]);
}

// sampleWorkbook is the sample store's orders as a workbook: the header's
// cells shared strings, the others inline strings, the dates without
// their UTC offset (as a workbook's cells hold them); sheet is what the
// sheet's entry is made with ({store}, {crc}).
function sampleWorkbook(sheet = {}) {
  const lines = fs.readFileSync(path.join(root, "dist", "web", "sample-store.csv"), "utf8").trim().split("\n").map((l) => l.replace(/ [+-]\d{4},/, ",").split(","));
  const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const header = lines[0];
  let x = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  x += `<row r="1">${header.map((_, i) => `<c t="s"><v>${i}</v></c>`).join("")}</row>`;
  lines.slice(1).forEach((cells, r) => {
    const at = (i) => String.fromCharCode(65 + i) + (r + 2); // A2, B2, ...: empty cells are left out
    x += `<row r="${r + 2}">${cells.map((c, i) => (c === "" ? "" : `<c r="${at(i)}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`)).join("")}</row>`;
  });
  x += `</sheetData></worksheet>`;
  const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${header.map((h) => `<si><t>${esc(h)}</t></si>`).join("")}</sst>`;
  const rel = (id, type, target) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return zip([
    { name: "_rels/.rels", text: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>` },
    { name: "xl/workbook.xml", text: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", text: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "worksheet", "worksheets/sheet1.xml")}${rel("rId2", "sharedStrings", "sharedStrings.xml")}</Relationships>` },
    { name: "xl/sharedStrings.xml", text: sst },
    { name: "xl/worksheets/sheet1.xml", text: x, ...sheet },
  ]);
}

// retentionError is what the command line says of a file it refuses.
function retentionError(file) {
  try {
    execFileSync(path.join(root, "bin", "retention"), ["report", file, "--json"], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (err) {
    return String(err.stderr).trim().replace(/^retention: /, "");
  }
  throw new Error(`the command line read ${file}`);
}

await test("a workbook whose sheet the browser cannot inflate (stored) or refuses (its CRC-32 not the directory's): the cards or the message of the command line", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "retention-parts-"));
  const good = path.join(dir, "sample.xlsx");
  const stored = path.join(dir, "stored.xlsx");
  const damaged = path.join(dir, "damaged.xlsx");
  fs.writeFileSync(good, sampleWorkbook());
  fs.writeFileSync(stored, sampleWorkbook({ store: true }));
  fs.writeFileSync(damaged, sampleWorkbook({ crc: 12345 }));
  const { context, page, w } = await newPage(rootSite.url);
  await page.goto(rootSite.url);
  await started(page);
  const engine = await watchEngine(page);

  await loaded(page, good);
  assert.deepEqual(await engine.said(), { gzip: 2, parts: { parts: 2, read: 2 } }, "sample.xlsx");
  const cards = await kpis(page);
  compare(cards, expected(cli([good, "--tz", "UTC"])), "sample.xlsx");

  // The stored sheet is read from the zip; the shared strings from their part.
  await engine.reset();
  await loaded(page, stored);
  assert.deepEqual(await engine.said(), { gzip: 1, parts: { parts: 1, read: 1 } }, "stored.xlsx");
  assert.deepEqual(await kpis(page), cards, "stored.xlsx: the cards of sample.xlsx");

  // The browser's decoder refuses the sheet (its CRC-32): the engine
  // inflates it and says what the command line says.
  await engine.reset();
  await pick(page, damaged);
  await page.waitForSelector('.alert[data-failed="damaged.xlsx"]', { timeout: 60000 });
  assert.deepEqual(await engine.said(), { gzip: 2, parts: { parts: 1, read: 1 } }, "damaged.xlsx");
  const said = retentionError(damaged);
  assert.match(said, /^damaged\.xlsx is a damaged Excel file: sheet "Orders" cannot be read: zip: checksum error\.$/);
  const alert = await page.innerText(".alert");
  // The page words the engine's code in its own language (the command
  // line's sentence above is the same code in English with the sheet's name).
  assert.ok(alert.includes("damaged.xlsx was not loaded. The report of stored.xlsx stays.") && alert.includes("damaged.xlsx is a damaged Excel file") && alert.includes("checksum error"), alert);
  assert.deepEqual(await kpis(page), cards, "the report of stored.xlsx stays");
  assert.deepEqual(w.foreign, []);
  assert.deepEqual(w.errors, []);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
