// The cohort heatmap shows what the user chooses: each cohort's share of
// customers who came back, its revenue per customer or its average order
// value in each period, from the command line's cohorts.
import assert from "node:assert/strict";
import path from "node:path";
import { test, root, sampleStore, cli, chartsDrawn } from "../harness.mjs";

const sample = path.join(root, "dist", "web", "sample-store.csv");
const r2 = (v) => Math.round(v * 100) / 100;

await test("cohorts: the heatmap by customers, revenue per customer and AOV equals the CLI's cohorts", async () => {
  const { context, page, w } = await sampleStore();
  const doc = cli([sample, "--tz", "UTC"]);
  await chartsDrawn(page);
  // The heatmap's cells as drawn: [period, cohort row, value].
  const cells = () => page.evaluate(() => {
    const c = echarts.getInstanceByDom(document.getElementById("chart-cohorts"));
    return { title: c.getOption().title[0].text, data: c.getOption().series[0].data.map((d) => (Array.isArray(d) ? d : d.value)) };
  });
  const want = {
    retention: (c, k) => Math.round(c.retention[k] * 1000) / 10,
    revenue: (c, k) => r2(c.revenue[k] / c.size),
    aov: (c, k) => (c.orders[k] > 0 ? r2(c.revenue[k] / c.orders[k]) : null),
  };
  const titles = new Set();
  for (const m of ["revenue", "aov", "retention"]) {
    const before = (await cells()).title;
    await page.selectOption("#cohort-measure", m);
    await page.waitForFunction((t) => echarts.getInstanceByDom(document.getElementById("chart-cohorts")).getOption().title[0].text !== t, before, { timeout: 10000 });
    const got = await cells();
    titles.add(got.title);
    let n = 0;
    for (const [k, i, v] of got.data) {
      const c = doc.cohorts[i];
      assert.equal(v, want[m](c, k), `${m}: cohort ${c.cohort} +${k}`);
      n++;
    }
    const expected = doc.cohorts.reduce((s, c) => s + c.retention.filter((_, k) => want[m](c, k) !== null).length, 0);
    assert.equal(n, expected, `${m}: the cells drawn`);
  }
  assert.equal(titles.size, 3, "each measure has its own title");
  assert.deepEqual(w.errors, []);
  await context.close();
});
