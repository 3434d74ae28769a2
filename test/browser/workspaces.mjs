// Saved workspaces (issue 14): the open file comes back after a reload and
// after an update, a saved workspace opens offline, two of them compare as
// `retention compare A B --json` does, "Forget my data" leaves no byte of
// the user's file in any store, and a file that does not fit says so
// without losing a workspace.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { root, artifacts, test, serve, plainServe, cli, started, ready, controlled, kpis, compare, expected, rootSite, subSite, newPage, axeWidths, watch, chromiumPath } from "../harness.mjs";

// Two exports of one shop: A, January to August 2024, and B, March to
// December; customer CUST-7Q3K-0007 (zq-0007@example.org) orders in both.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "retention-workspaces-"));
const knownID = "CUST-7Q3K-0007";
const knownEmail = "zq-0007@example.org";
function shop(name, fromMonth, toMonth, orders) {
  const rows = ["Order ID,Customer ID,Email,Date,Total"];
  let seed = 7;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < orders; i++) {
    const m = fromMonth + Math.floor(rnd() * (toMonth - fromMonth + 1));
    const c = 1 + Math.floor(rnd() * rnd() * 60);
    const id = `CUST-7Q3K-${String(c).padStart(4, "0")}`;
    const day = 1 + Math.floor(rnd() * 28);
    rows.push(`${name}-${1000 + i},${id},zq-${String(c).padStart(4, "0")}@example.org,2024-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")},${(15 + rnd() * 120).toFixed(2)}`);
  }
  rows.push(`${name}-9999,${knownID},${knownEmail},2024-${String(toMonth).padStart(2, "0")}-15,42.00`);
  const file = path.join(dir, `shop-${name}.csv`);
  fs.writeFileSync(file, rows.join("\n") + "\n");
  return file;
}
const fileA = shop("a", 1, 8, 500);
const fileB = shop("b", 3, 12, 700);
const fileC = shop("c", 1, 12, 1500);

// pick opens a file through the drop zone's picker, or the header's once
// a report is shown.
async function pick(page, file) {
  const input = (await page.$("#file-input")) || (await page.$(".file input[type=file]"));
  await input.setInputFiles(file);
}

// saved waits until the open workspace is written (its id in this tab's
// sessionStorage) and names its workspaces.
async function saved(page, n) {
  await page.waitForFunction((n) => sessionStorage.getItem("retention-open") &&
    new Promise((r) => rwStore.list((v) => r(JSON.parse(v || "[]").length >= n))), n, { timeout: 30000 });
}

async function showList(page) {
  if (!(await page.$("#workspaces"))) await page.click("#workspaces-toggle");
  await page.waitForSelector("#workspaces .ws-open");
}

// withFileA opens the site in a fresh context and loads fileA, which is
// then the one saved workspace.
async function withFileA() {
  const p = await newPage(rootSite.url);
  await p.page.goto(rootSite.url);
  await started(p.page);
  await pick(p.page, fileA);
  await ready(p.page);
  await saved(p.page, 1);
  return p;
}

await test("workspaces: load → reload → the same dashboard and settings, the file not dropped again", async () => {
  const { context, page, w } = await newPage(rootSite.url);
  await page.goto(rootSite.url);
  await started(page);
  await pick(page, fileA);
  await ready(page);
  await page.selectOption("#grain", "quarter");
  await page.waitForFunction(() => [...document.querySelectorAll('[data-kpi="retention"] .note')].some((n) => n.textContent.includes("Q")), null, { timeout: 60000 });
  await ready(page);
  const before = await kpis(page);
  compare(before, expected(cli([fileA, "--tz", "UTC", "--grain", "quarter"])), "before the reload");
  await saved(page, 1);
  await page.waitForTimeout(500); // the settings' update is written
  await page.reload();
  await started(page);
  await ready(page);
  assert.deepEqual(await kpis(page), before, "the dashboard after the reload");
  assert.equal(await page.innerText(".file-name"), path.basename(fileA));
  assert.equal(await page.$eval("#grain", (s) => s.value), "quarter", "the grain after the reload");
  assert.deepEqual(w.errors, []);
  await context.close();
});

await test("workspaces: the update banner's Reload keeps the open file", async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "retention-site-"));
  fs.cpSync(path.join(root, "dist"), site, { recursive: true });
  const srv = await serve(site, "/");
  try {
    const { context, page, w } = await newPage(srv.url);
    await page.goto(srv.url);
    await started(page);
    await controlled(page);
    await page.reload(); // a page its service worker served: one that hears of updates
    await started(page);
    await pick(page, fileB);
    await ready(page);
    const before = await kpis(page);
    await saved(page, 1);
    fs.appendFileSync(path.join(site, "web", "style.css"), "\n.new-version { color: red; }\n");
    execFileSync(path.join(root, "bin", "workbench"), ["static", "-out", site, "-prefix", "/", "-esbuild", path.join(root, "node_modules", ".bin", "esbuild"), "-gzip", `node ${path.join(root, "web", "build", "gzip.mjs")}`], { stdio: "ignore" });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector(".banner button", { timeout: 120000 });
    await axeWidths(page, "the update banner over a report");
    await Promise.all([page.waitForEvent("load"), page.click(".banner button")]);
    await started(page);
    await ready(page);
    assert.deepEqual(await kpis(page), before, "the dashboard after the update");
    assert.equal(await page.innerText(".file-name"), path.basename(fileB));
    assert.match(await page.evaluate(() => fetch("web/style.css").then((r) => r.text())), /new-version/);
    assert.deepEqual(w.errors, []);
    await context.close();
  } finally {
    srv.proc.kill();
    fs.rmSync(site, { recursive: true, force: true });
  }
});

await test("workspaces: a saved workspace opens again offline, in a new tab, with one click", async () => {
  const { context, page, w } = await newPage(rootSite.url);
  await page.goto(rootSite.url);
  await started(page);
  await controlled(page);
  await pick(page, fileA);
  await ready(page);
  await saved(page, 1);
  await context.setOffline(true);
  const tab = await context.newPage();
  await tab.goto(rootSite.url);
  await started(tab);
  await tab.waitForSelector(`#workspaces li[data-name="${path.basename(fileA)}"] .ws-open`);
  const meta = await tab.innerText("#workspaces .ws-meta");
  assert.match(meta, /2024-01-\d\d to 2024-08-\d\d · 0\.0\d? MB|2024-01-\d\d to 2024-08-\d\d/, "the list names the date range");
  assert.match(await tab.innerText("#storage-space"), /Using .* MB of/);
  await axeWidths(tab, "the start page with a saved workspace");
  await tab.click(`#workspaces li[data-name="${path.basename(fileA)}"] .ws-open`);
  await ready(tab);
  compare(await kpis(tab), expected(cli([fileA, "--tz", "UTC"])), "reopened offline");
  await tab.screenshot({ path: path.join(artifacts, "workspace-offline.png"), fullPage: true });
  assert.deepEqual(w.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

await test("workspaces: two saved files compare as `retention compare A B --json` does", async () => {
  const { context, page, w } = await withFileA();
  await pick(page, fileB);
  await page.waitForFunction((n) => document.querySelector(".file-name")?.textContent === n, path.basename(fileB), { timeout: 60000 });
  await ready(page);
  await saved(page, 2);
  await showList(page);
  const ids = await page.$$eval("#workspaces li", (ls) => Object.fromEntries(ls.map((l) => [l.dataset.name, l.dataset.workspace])));
  await axeWidths(page, "two saved workspaces listed, to compare");
  await page.selectOption("#compare-a", ids[path.basename(fileA)]);
  await page.selectOption("#compare-b", ids[path.basename(fileB)]);
  await page.click("#compare");
  await page.waitForSelector("#compare-kpis tbody tr", { timeout: 60000 });
  const want = JSON.parse(execFileSync(path.join(root, "bin", "retention"), ["compare", fileA, fileB, "--tz", "UTC", "--json"]).toString());
  const got = await page.$$eval("#compare-kpis tbody tr", (rs) => rs.map((r) => ({ ...r.dataset })));
  assert.equal(got.length, want.kpis.length, "the KPIs compared");
  const num = (s) => (s === "" ? null : Number(s));
  for (const [i, k] of want.kpis.entries()) {
    assert.equal(got[i].kpiDelta, k.name);
    for (const f of ["a", "b", "delta", "relative"]) assert.equal(num(got[i][f]), k[f], `${k.name} ${f}`);
  }
  const periods = await page.$$eval("#compare-periods tbody tr", (rs) => rs.map((r) => [r.dataset.period, r.dataset.retentionDelta]));
  assert.deepEqual(periods, want.periods.map((p) => [p.period, p.retention_delta == null ? "" : String(p.retention_delta)]), "retention per period");
  const moved = await page.$eval("#compare-movement", (m) => [Number(m.dataset.moved), Number(m.dataset.stayed)]);
  assert.deepEqual(moved, [want.movement.moved, want.movement.stayed], "customers who moved and stayed");
  assert.match(await page.innerText("#compare-movement"), new RegExp(`${want.movement.both} customers are in both files`));
  await page.screenshot({ path: path.join(artifacts, "workspace-compare.png"), fullPage: true });
  await axeWidths(page, "the workspace compare view");
  assert.deepEqual(w.errors, []);
  await context.close();
});

// holds lists every store the page can write to and says which hold a
// needle: IndexedDB (every database, store and record, Blobs read),
// the Origin Private File System, Cache Storage, localStorage and
// sessionStorage.
async function holds(needles) {
  const found = [];
  const look = (where, text) => {
    for (const n of needles) if (text.includes(n)) found.push(`${where}: ${n}`);
  };
  const flat = async (v) => {
    if (v instanceof Blob) return v.text();
    if (v && typeof v === "object") {
      let s = "";
      for (const x of Object.values(v)) s += " " + (await flat(x));
      return s;
    }
    return String(v);
  };
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    for (const st of db.objectStoreNames) {
      const all = await new Promise((res) => {
        const r = db.transaction(st).objectStore(st).getAll();
        r.onsuccess = () => res(r.result);
      });
      for (const v of all) look(`IndexedDB ${name}/${st}`, await flat(v));
    }
    db.close();
  }
  const walk = async (d, p) => {
    for await (const [n, h] of d.entries()) {
      if (h.kind === "file") look(`OPFS ${p}${n}`, await (await h.getFile()).text());
      else await walk(h, p + n + "/");
    }
  };
  await walk(await navigator.storage.getDirectory(), "/");
  for (const name of await caches.keys()) {
    const c = await caches.open(name);
    for (const req of await c.keys()) {
      const r = await c.match(req);
      if (/\.(wasm|png)$/.test(req.url)) continue; // the app's own binaries
      look(`Cache ${name} ${req.url}`, await r.text());
    }
  }
  for (const [k, v] of Object.entries(localStorage)) look(`localStorage ${k}`, k + v);
  for (const [k, v] of Object.entries(sessionStorage)) look(`sessionStorage ${k}`, k + v);
  return found;
}

await test("workspaces: after Forget my data no store holds a byte of the user's file", async () => {
  const { context, page, w } = await newPage(rootSite.url);
  await page.goto(rootSite.url);
  await started(page);
  await controlled(page);
  await page.selectOption("#language", "en");
  await pick(page, fileA);
  await ready(page);
  await saved(page, 1);
  // A survey naming the customer, and what another version might have
  // left in the private file system and a cache of its own.
  const survey = path.join(dir, "survey.csv");
  fs.writeFileSync(survey, `Response ID,Email,Score,Comment,Created At\n1,${knownEmail},3,slow delivery,2024-08-20\n2,zq-0003@example.org,10,great,2024-08-21\n`);
  await page.click("#tab-voice");
  await page.setInputFiles("#survey-input", survey);
  await page.waitForSelector("#survey-summary", { timeout: 60000 });
  await page.waitForFunction(() => new Promise((r) => rwStore.list((v) => r(JSON.parse(v)[0].survey))), null, { timeout: 30000 });
  await page.evaluate(async ({ id, email }) => {
    const f = await (await navigator.storage.getDirectory()).getFileHandle("left.txt", { create: true });
    const wr = await f.createWritable();
    await wr.write(id + " " + email);
    await wr.close();
    await (await caches.open("user-notes")).put("/notes", new Response(email));
    localStorage.setItem("retention-last", id);
  }, { id: knownID, email: knownEmail });
  const needles = [knownID, knownEmail];
  const before = await page.evaluate(holds, needles);
  for (const where of ["IndexedDB", "OPFS", "Cache user-notes", "localStorage", "sessionStorage"]) {
    if (where === "sessionStorage") continue; // holds the open workspace's id only
    assert.ok(before.some((f) => f.startsWith(where)), `the test finds nothing in ${where} before: ${before}`);
  }
  await showList(page);
  await page.click("#forget");
  await page.waitForSelector("#forgot");
  assert.match(await page.innerText("#forgot"), /Removed 1 saved workspaces .*1 private files, 1 caches/);
  assert.equal(await page.$("#workspaces .ws"), null, "a workspace is still listed");
  assert.equal(await page.$("[data-kpi]"), null, "the report is still shown");
  const after = await page.evaluate(holds, needles);
  assert.deepEqual(after, [], "stores still holding the user's data");
  const kept = await page.evaluate(async () => ({
    language: localStorage.getItem("retention-language"),
    shell: (await caches.keys()).filter((k) => k.startsWith("retention-")).length,
    databases: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(kept, { language: "en", shell: 1, databases: 0 }, "the language and the app's own files stay");
  // After a reload nothing opens again.
  await page.reload();
  await started(page);
  await page.waitForSelector("#sample");
  assert.equal(await page.$("[data-kpi]"), null);
  assert.deepEqual(w.errors, []);
  await context.close();
});

await test("workspaces: the privacy page says what is stored where, and forgets it", async () => {
  const { context, page, w } = await withFileA();
  await page.click("#privacy-link");
  await page.waitForSelector("#main h2");
  assert.match(page.url(), /\/privacy$/);
  const text = await page.innerText("#main");
  for (const want of ["retention-workspaces", "retention-open", "retention-language", "Nothing is sent", "developer tools"]) assert.ok(text.includes(want), `the privacy page does not say ${want}`);
  await axeWidths(page, "the privacy page");
  await page.click("#forget");
  await page.waitForSelector("#forgot");
  assert.match(await page.innerText("#forgot"), /Removed 1 saved workspaces/);
  await axeWidths(page, "the privacy page after Forget my data");
  const left = await page.evaluate(holds, [knownID, knownEmail]);
  assert.deepEqual(left, []);
  await page.click("#back");
  await page.waitForSelector("#sample");
  assert.equal(await page.$("[data-kpi]"), null, "the report forgotten is shown again");
  assert.deepEqual(w.errors, []);
  await context.close();
});

// A first visit to the privacy page, before any service worker (which
// answers every address in its scope with the app): each address form the
// server answers shows the privacy page, with the policy, and its way
// back leads to the workbench. `workbench serve` answers /privacy with
// privacy.html; a plain static server answers privacy/index.html (and
// redirects /privacy to it) and privacy.html, as app/site writes them.
await test("privacy: a first visit to /privacy shows the page, at / and /retention, on workbench serve and a plain static server", async () => {
  // The plain server's root holds dist/ itself and, as retention/, dist-sub/.
  const top = fs.mkdtempSync(path.join(os.tmpdir(), "retention-plain-"));
  const plainRoot = await plainServe(path.join(root, "dist"));
  fs.symlinkSync(path.join(root, "dist-sub"), path.join(top, "retention"));
  const plainTop = await plainServe(top);
  const sites = [
    ["workbench serve", rootSite.url, ["privacy", "privacy/", "privacy.html"]],
    ["workbench serve", subSite.url, ["privacy", "privacy/", "privacy.html"]],
    ["a plain static server", plainRoot.url, ["privacy", "privacy/", "privacy.html"]],
    ["a plain static server", plainTop.url + "retention/", ["privacy", "privacy/", "privacy.html"]],
  ];
  try {
    for (const [server, base, forms] of sites) {
      const { context, page, w } = await newPage(base, { serviceWorkers: "block" });
      for (const form of forms) {
        const what = `${server}: ${new URL(base).pathname}${form}`;
        const res = await page.goto(base + form);
        assert.equal(res.status(), 200, `${what}: status`);
        assert.match(await res.text(), /<meta http-equiv="Content-Security-Policy" content="default-src 'self'/, `${what}: the page has no CSP`);
        await started(page);
        await page.waitForSelector("#main h2", { timeout: 30000 });
        assert.match(await page.innerText("#main"), /Nothing is sent/, what);
        assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null, `${what}: a service worker answered`);
        await page.click("#back");
        await page.waitForSelector("#sample");
        assert.equal(page.url(), base, `${what}: Back leads to ${page.url()}`);
      }
      assert.deepEqual(w.foreign, [], server);
      // go-app says that it could not register the service worker the
      // test blocks.
      assert.deepEqual(w.errors.filter((e) => !e.startsWith("goapp service worker registration failed")), [], server);
      await context.close();
    }
  } finally {
    plainRoot.proc.kill();
    plainTop.proc.kill();
    fs.rmSync(top, { recursive: true, force: true });
  }
});

// overrideQuota gives the page's origin room bytes more than it uses
// now (DevTools' Storage.overrideQuotaForOrigin). The browser enforces
// it on the writes to a database it opens after the override (it keeps
// the quota it read when it opened one), so the tests set it before the
// page saves its first workspace. Chromium as shipped reports usage +
// 10 GiB to pages whatever the real quota (its StaticStorageQuota
// feature, against fingerprinting), as a page sees a quota shared with
// other sites or a disk nearly full; with that feature off, the page's
// estimate reports the quota set.
async function overrideQuota(page, context, room) {
  const { usage } = await page.evaluate(() => navigator.storage.estimate());
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(page.url()).origin, quotaSize: usage + room });
}

await test("workspaces: a file that does not fit says so, and no workspace is lost", async () => {
  // What the browser says is free: the file is told not to fit before
  // anything is written.
  const told = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-features=StaticStorageQuota"] });
  try {
    const context = await told.newContext({ timezoneId: "UTC", locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const w = watch(page, new URL(rootSite.url).origin);
    await page.goto(rootSite.url);
    await started(page);
    await controlled(page); // the app's own files are cached: the room below is what is left
    await pick(page, fileA);
    await ready(page);
    await saved(page, 1);
    await overrideQuota(page, context, 4096);
    const e = await page.evaluate(() => navigator.storage.estimate());
    assert.equal(e.quota - e.usage, 4096, "the estimate reports the quota set");
    await pick(page, fileC);
    await page.waitForSelector('#workspace-note[data-code="nospace"]', { timeout: 60000 });
    assert.match(await page.innerText("#workspace-note"), /shop-c\.csv is not saved on this device: it needs 0\.\d MB and 0\.0 MB is free/);
    assert.equal(await page.innerText(".file-name"), "shop-c.csv", "the file's report is shown");
    await ready(page);
    await showList(page);
    assert.deepEqual(await page.$$eval("#workspaces li", (ls) => ls.map((l) => l.dataset.name)), ["shop-a.csv"], "the workspace saved before");
    assert.deepEqual(w.errors, []);
  } finally {
    await told.close();
  }

  // The browser as shipped says there is room (usage + 10 GiB) and
  // refuses the write itself, with a QuotaExceededError, as a quota
  // shared with other sites or a full disk makes it: the transaction,
  // which held the file's description too, is undone. The room (2 MB)
  // holds the first file (30 KB) and what the page caches later (its
  // charts' script, 0.7 MB), not the second (5 MB).
  const fileD = shop("d", 1, 12, 80000);
  assert.ok(fs.statSync(fileD).size > 4 << 20);
  const { context, page, w } = await newPage(rootSite.url);
  await page.goto(rootSite.url);
  await started(page);
  await controlled(page);
  await overrideQuota(page, context, 2 << 20);
  assert.ok(await page.evaluate(async () => { const e = await navigator.storage.estimate(); return e.quota - e.usage > 1 << 30; }), "the estimate says there is room");
  await pick(page, fileA);
  await ready(page);
  await saved(page, 1);
  await pick(page, fileD);
  await page.waitForFunction((n) => document.querySelector(".file-name")?.textContent === n, "shop-d.csv", { timeout: 60000 });
  await page.waitForSelector('#workspace-note[data-code="quota"]', { timeout: 60000 });
  assert.match(await page.innerText("#workspace-note"), /shop-d\.csv is not saved on this device: the browser has no room left/);
  await ready(page);
  await showList(page);
  assert.deepEqual(await page.$$eval("#workspaces li", (ls) => ls.map((l) => l.dataset.name)), ["shop-a.csv"], "the workspace saved before");
  await page.click(`#workspaces li[data-name="shop-a.csv"] .ws-open`);
  await page.waitForFunction(() => document.querySelector(".file-name")?.textContent === "shop-a.csv", null, { timeout: 60000 });
  await ready(page);
  compare(await kpis(page), expected(cli([fileA, "--tz", "UTC"])), "the workspace saved before");
  assert.deepEqual(w.errors, []);
  await context.close();
});

fs.rmSync(dir, { recursive: true, force: true });

