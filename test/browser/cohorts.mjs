// The cohort heatmap shows what the user chooses: each cohort's share of
// customers who came back, its revenue per customer or its average order
// value in each period, from the command line's cohorts; each readable at
// a phone's width and a laptop's, its colours from period +1 on, across
// the cohorts or within each, and its scale in the measure's unit.
import assert from "node:assert/strict";
import path from "node:path";
import { test, root, sampleStore, cli, chartsDrawn, phone } from "../harness.mjs";
import { readableCharts } from "../layout.mjs";

const sample = path.join(root, "dist", "web", "sample-store.csv");
const r2 = (v) => Math.round(v * 100) / 100;

await test("cohorts: the heatmap by customers, revenue per customer and AOV equals the CLI's cohorts, coloured across or within cohorts, readable at 390 and 1280 px", async () => {
  const { context, page, w } = await sampleStore({ viewport: phone, isMobile: true, hasTouch: true });
  const doc = cli([sample, "--tz", "UTC"]);
  await chartsDrawn(page);
  // The heatmap as drawn: its title, its cells [period, cohort row,
  // value], the cells' colours by period, and its scale's handles.
  const drawn = () => page.evaluate(() => {
    const c = echarts.getInstanceByDom(document.getElementById("chart-cohorts"));
    const o = c.getOption();
    const data = c.getModel().getSeriesByIndex(0).getData();
    const colours = {};
    for (let i = 0; i < data.count(); i++) {
      const k = data.get("x", i);
      (colours[k] ||= new Set()).add(data.getItemVisual(i, "style").fill);
    }
    const vm = o.visualMap[0];
    return {
      title: o.title[0].text, data: o.series[0].data.map((d) => (Array.isArray(d) ? d : d.value)),
      colours: Object.fromEntries(Object.entries(colours).map(([k, s]) => [k, [...s]])),
      scale: typeof vm.formatter === "function" ? vm.formatter(vm.range[1]) : String(vm.formatter).replace("{value}", vm.range[1]),
    };
  });
  const want = {
    retention: (c, k) => Math.round(c.retention[k] * 1000) / 10,
    revenue: (c, k) => r2(c.revenue[k] / c.size),
    aov: (c, k) => (c.orders[k] > 0 ? r2(c.revenue[k] / c.orders[k]) : null),
  };
  const titles = new Set();
  for (const m of ["revenue", "aov", "retention"]) {
    const before = (await drawn()).title;
    await page.selectOption("#cohort-measure", m);
    await page.waitForFunction((t) => echarts.getInstanceByDom(document.getElementById("chart-cohorts")).getOption().title[0].text !== t, before, { timeout: 10000 });
    const got = await drawn();
    titles.add(got.title);
    let n = 0;
    for (const [k, i, v] of got.data) {
      const c = doc.cohorts[i];
      assert.equal(v, want[m](c, k), `${m}: cohort ${c.cohort} +${k}`);
      n++;
    }
    const expected = doc.cohorts.reduce((s, c) => s + c.retention.filter((_, k) => want[m](c, k) !== null).length, 0);
    assert.equal(n, expected, `${m}: the cells drawn`);
    // Period +0 (every customer's first order) is one neutral colour,
    // out of the scale, which the later periods share.
    assert.equal(got.colours[0].length, 1, `${m}: period +0 in ${got.colours[0].length} colours`);
    assert.ok(!Object.entries(got.colours).some(([k, cs]) => k !== "0" && cs.includes(got.colours[0][0])), `${m}: a later period in period +0's colour`);
    assert.equal(got.scale.endsWith("%"), m === "retention", `${m}: the scale says ${got.scale}`);
    await page.waitForTimeout(1200); // ECharts animates in
    await readableCharts(page, `the heatmap by ${m} at 390 px`);
  }
  assert.equal(titles.size, 3, "each measure has its own title");

  // Each cohort coloured on its own: a cell at (v - lo) / (hi - lo) of its
  // cohort's values from +1 on, the scale's ends named, not numbered.
  await page.selectOption("#cohort-colours", "within");
  await page.waitForFunction(() => echarts.getInstanceByDom(document.getElementById("chart-cohorts")).getOption().visualMap[0].text?.length === 2, null, { timeout: 10000 });
  const within = await page.evaluate(() => {
    const c = echarts.getInstanceByDom(document.getElementById("chart-cohorts"));
    const data = c.getModel().getSeriesByIndex(0).getData();
    const cells = [];
    // The cells in the window (the latest cohorts), each with its option.
    const raw = c.getOption().series[0].data;
    for (let i = 0; i < data.count(); i++) cells.push([data.get("x", i), data.get("y", i), data.getItemVisual(i, "style").fill, raw[data.getRawIndex(i)].value[4]]);
    return { cells, text: c.getOption().visualMap[0].text };
  });
  assert.deepEqual(within.text, ["Highest", "Lowest"]);
  const top = new Set(), bottom = new Set();
  for (const [k, i, fill, colour] of within.cells) {
    if (k === 0) continue;
    const vs = doc.cohorts[i].retention.slice(1).map((r) => Math.round(r * 1000) / 10);
    const lo = Math.min(...vs), hi = Math.max(...vs), v = Math.round(doc.cohorts[i].retention[k] * 1000) / 10;
    assert.equal(colour, hi > lo ? Math.round(((v - lo) / (hi - lo)) * 1000) / 10 : 100, `cohort ${doc.cohorts[i].cohort} +${k}`);
    if (v === hi) top.add(fill);
    if (v === lo && hi > lo) bottom.add(fill);
  }
  assert.equal(top.size, 1, "each cohort's highest cell in the scale's top colour");
  assert.equal(bottom.size, 1, "each cohort's lowest cell in the scale's bottom colour");
  await page.waitForTimeout(1200);
  await readableCharts(page, "the heatmap coloured within each cohort at 390 px");
  await page.selectOption("#cohort-colours", "across");
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const m of ["revenue", "aov", "retention"]) {
    await page.selectOption("#cohort-measure", m);
    await page.waitForTimeout(1500); // drawn again, animated
    await readableCharts(page, `the heatmap by ${m} at 1280 px`);
  }
  assert.deepEqual(w.errors, []);
  await context.close();
});
