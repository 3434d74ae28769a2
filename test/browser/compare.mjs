// Comparisons on the page equal the command line's: the KPI cards'
// changes against the previous range of the same length (`report
// --compare-to previous`), the segment movement between two days
// (`segments --moved-since`), and a list by product or category (`list
// --bought`, `--category`).
import assert from "node:assert/strict";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { test, root, artifacts, sampleStore, ready, cli, axeWidths } from "../harness.mjs";

const sample = path.join(root, "dist", "web", "sample-store.csv");
const retention = (args) => JSON.parse(execFileSync(path.join(root, "bin", "retention"), args, { maxBuffer: 1 << 30 }).toString());
const near = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const dayAfter = (d) => new Date(Date.parse(d + "T00:00:00Z") + 86400000).toISOString().slice(0, 10);

// setDay types a day into a date input and lets the page hear its change.
async function setDay(page, sel, day) {
  await page.fill(sel, day);
  await page.dispatchEvent(sel, "change");
}

// us writes a day as the page in en-US does: 3/1/2024.
const us = (day) => { const [y, m, d] = day.split("-"); return `${Number(m)}/${Number(d)}/${y}`; };

await test("compare: KPI deltas equal the CLI's --compare-to previous on two ranges", async () => {
  const { context, page, w } = await sampleStore();
  // The whole file: the days before it are not in it, which the page says.
  const whole = cli([sample, "--tz", "UTC", "--compare-to", "previous"]);
  assert.equal(whole.previous.covered, false);
  assert.equal(await page.getAttribute("#previous-note", "data-covered"), "false");
  assert.equal(await page.innerText("#previous-note"), `Choose From and To to compare each figure with the days just before: the previous ${whole.previous.days} days, ${us(whole.previous.from)} to ${us(whole.previous.to)}, start before the first order, on ${us(whole.first_order)}.`);
  for (const [from, to] of [["2025-08-03", "2025-10-31"], ["2025-04-01", "2025-06-30"]]) {
    const want = cli([sample, "--tz", "UTC", "--from", from, "--to", to, "--compare-to", "previous"]).previous;
    assert.equal(want.covered, true, `${from}..${to}: the CLI's previous range is in the file`);
    await setDay(page, "#from", from);
    await setDay(page, "#to", to);
    await ready(page);
    await page.waitForFunction((p) => {
      const n = document.querySelector("#previous-note");
      return n && n.dataset.covered === "true" && n.dataset.from === p;
    }, want.from, { timeout: 60000 });
    const got = await page.$$eval("[data-kpi-delta]", (els) => els.map((e) => [e.dataset.kpiDelta, Number(e.dataset.delta), e.className, e.textContent]));
    const names = got.map((g) => g[0]);
    // Every card's figure (app/ui/compare.go deltaNames).
    for (const n of ["customers", "orders", "revenue", "aov", "repeat_rate", "purchase_frequency", "historical_clv", "median_days_between", "retention", "churn"]) {
      assert.ok(names.includes(n), `${from}..${to}: no change shown for ${n} (${names})`);
    }
    for (const [name, delta, cls, text] of got) {
      const k = want.kpis.find((k) => k.name === name);
      assert.ok(k && k.delta !== null, `${name}: the CLI has no change`);
      assert.ok(near(delta, k.delta), `${from}..${to}: ${name} changes by ${delta} on the page, ${k.delta} in the CLI`);
      // Arrow and words, not colour alone.
      const dir = k.delta > 0 ? /▲ up / : k.delta < 0 ? /▼ down / : /= no change/;
      assert.match(text, dir, `${name}: ${text}`);
      assert.match(text, new RegExp(`the previous ${want.days} days`), `${name}: ${text}`);
      assert.match(cls, /delta (good|bad|same)/);
    }
  }
  await page.screenshot({ path: path.join(artifacts, "compare-kpi-deltas.png"), fullPage: false });
  await axeWidths(page, "the KPI deltas");
  assert.deepEqual(w.foreign, []);
  await context.close();
});

await test("compare: segment movement equals the CLI's --moved-since on two ranges", async () => {
  const { context, page, w } = await sampleStore();
  await page.click("#tab-customers");
  // The default: the data's last day and 90 days before.
  const last = await page.inputValue("#movement-to");
  assert.equal(await page.inputValue("#movement-from"), new Date(Date.parse(last + "T00:00:00Z") - 90 * 86400000).toISOString().slice(0, 10));
  for (const [from, to] of [[null, null], ["2025-01-31", "2025-06-30"]]) {
    if (from) {
      await setDay(page, "#movement-from", from);
      await setDay(page, "#movement-to", to);
    }
    const f = await page.inputValue("#movement-from"), t = await page.inputValue("#movement-to");
    const want = retention(["segments", sample, "--tz", "UTC", "--moved-since", dayAfter(f), "--as-of", dayAfter(t), "--json"]);
    await page.waitForFunction((n) => {
      const s = document.querySelector("#movement-summary");
      return s && Number(s.dataset.both) === n;
    }, want.both, { timeout: 60000 });
    const summary = await page.$eval("#movement-summary", (e) => ({ ...e.dataset }));
    assert.deepEqual([+summary.both, +summary.stayed, +summary.moved, +summary.onlyB], [want.both, want.stayed, want.moved, want.only_b]);
    const cells = await page.$$eval("#movement-table tbody tr", (rows) => rows.flatMap((r) =>
      [...r.querySelectorAll("td")].map((c) => [r.dataset.from, c.dataset.to, Number(c.dataset.count)])));
    let sum = 0;
    for (const [a, b, n] of cells) {
      const i = want.segments.indexOf(a), j = want.segments.indexOf(b);
      assert.equal(n, want.counts[i][j], `${f}..${t}: ${a} -> ${b}`);
      sum += n;
    }
    // Every customer of the CLI's matrix is in the page's table.
    assert.equal(sum, want.counts.flat().reduce((a, b) => a + b, 0));
    await page.waitForFunction(() => document.querySelector('[data-chart="movement"]')?.dataset.drawn === "true", null, { timeout: 30000 });
  }
  const opt = await page.evaluate(() => JSON.parse(rw.options.get("chart-movement")));
  assert.equal(opt.series[0].type, "sankey");
  await page.$eval('[data-chart="movement"]', (e) => e.scrollIntoView());
  await page.waitForTimeout(1500); // ECharts animates in
  await page.screenshot({ path: path.join(artifacts, "compare-movement.png") });
  await axeWidths(page, "the segment movement table and Sankey");
  assert.deepEqual(w.foreign, []);
  await context.close();
});

await test("compare: a list by product equals the CLI's list --bought", async () => {
  const { context, page, w } = await sampleStore();
  await page.click("#tab-customers");
  const products = await page.$$eval("#product-names option", (os) => os.map((o) => o.value));
  assert.ok(products.length >= 2, `product suggestions: ${products}`);
  const [x, y] = products;
  await page.fill("#product-bought", x);
  await page.fill("#product-not", y);
  await page.fill("#product-days", "60");
  await page.click("#product-view");
  const want = retention(["list", sample, "--tz", "UTC", "--bought", x, "--not-bought", y, "--not-again-days", "60", "--json"]);
  await page.waitForSelector(`#list-rows[data-list="${want.list}"]`, { timeout: 60000 });
  assert.equal(Number(await page.getAttribute("#list-rows", "data-rows")), want.customers);
  assert.ok(want.customers > 0, "the CLI's list is empty");
  // The rows shown are the CLI's first, with their expected next order
  // (its day, written as en-US writes a date).
  const shown = await page.$$eval("#list-rows tbody tr", (rows) => rows.map((r) => [r.cells[0].textContent, r.querySelector(".next-order").dataset.day || "", r.querySelector(".next-order").textContent]));
  want.rows.slice(0, shown.length).forEach((r, i) => {
    assert.equal(shown[i][0], r.id);
    assert.equal(shown[i][1], r.next_order_date || "");
    assert.equal(shown[i][2], r.next_order_date ? us(r.next_order_date) : "–");
  });
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click('[data-export="product"][data-format="csv"]')]);
  const csv = (await (await import("node:fs")).promises.readFile(await dl.path())).toString().trim().split("\n");
  assert.equal(csv.length - 1, want.customers);
  assert.ok(csv[0].endsWith(",next_order_date"), csv[0]);
  await axeWidths(page, "the lists by product panel and its list");
  assert.deepEqual(w.foreign, []);
  await context.close();
});

await test("compare: each row of the Interest table lists its buyers, as the CLI's list --bought X --category", async () => {
  const { context, page, w } = await sampleStore();
  await page.click("#tab-customers");
  await page.waitForSelector("#interest tbody tr");
  // The sample store's interest is by category: its second row.
  const [name, customers] = await page.$eval("#interest tbody tr:nth-child(2)", (r) => [r.dataset.interest, Number(r.cells[2].textContent.replace(/,/g, ""))]);
  const want = retention(["list", sample, "--tz", "UTC", "--bought", name, "--category", "--json"]);
  assert.equal(want.customers, customers, `the CLI's list of ${name} and the row's customers`);
  const view = `#interest tr[data-interest="${name}"] [data-view]`;
  assert.equal(await page.getAttribute(view, "aria-label"), `View Customers who bought in the category ${name}.`);
  await page.click(view);
  await page.waitForSelector(`#list-rows[data-list="${want.list}"] #list-range`, { timeout: 60000 });
  assert.equal(Number(await page.getAttribute("#list-rows", "data-rows")), want.customers);
  assert.equal(await page.innerText("#list-rows h2"), `List: Customers who bought in the category ${name}.`);
  const ids = await page.$$eval("#list-rows tbody tr", (rows) => rows.map((r) => r.cells[0].textContent));
  assert.deepEqual(ids, want.rows.slice(0, ids.length).map((r) => r.id));
  // Under the Interest table.
  assert.ok(await page.evaluate(() => document.querySelector("#interest").compareDocumentPosition(document.querySelector("#list-rows")) & Node.DOCUMENT_POSITION_FOLLOWING));
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(`#interest tr[data-interest="${name}"] [data-format="csv"]`)]);
  const csv = (await (await import("node:fs")).promises.readFile(await dl.path())).toString().trim().split("\n");
  assert.equal(csv.length - 1, want.customers);
  await axeWidths(page, "the Interest table and its list");
  assert.deepEqual(w.foreign, []);
  assert.deepEqual(w.errors, []);
  await context.close();
});
