// Browser tests of the report in two replies (issue 11): the engine sends
// the figures as soon as they are computed, and the forecast after them.
// Run after test/browser.test.mjs.
import fs from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";
import { data, artifacts, results, test, cli, expected, ready, kpis, compare, newPage, rootSite, started, engineReady } from "../harness.mjs";

// holdMs is how long the test holds the engine before it computes the
// forecast (Online Retail's takes 0.3 to 0.7 s): long enough that the
// order of the cards and the forecast's reply does not depend on the
// machine's load, so a page that waited for the forecast fails.
const holdMs = 4000;

await test("the report in two replies: the KPI cards before the forecast's reply, then predictions and exports equal to the CLI's", async () => {
  const file = path.join(data, "online_retail.csv.gz");
  const want = cli([file, "--tz", "UTC"]);
  const { context, page, w } = await newPage(rootSite.url);
  await page.goto(rootSite.url);
  await started(page);
  await engineReady(page);
  // What the page hears from the engine and when, and what the page
  // shows when the cards appear.
  await page.evaluate(() => {
    const log = (window.__phases = { msgs: [], cards: 0 });
    const on = rw.onMsg;
    rw.onMsg = (msg, bytes) => {
      const m = JSON.parse(msg);
      log.msgs.push({ type: m.type, stage: m.progress ? m.progress.stage : "", follows: !!m.forecast_follows, at: performance.now() });
      return on(msg, bytes);
    };
    new MutationObserver((_, mo) => {
      if (!document.querySelector("[data-kpi]")) return;
      mo.disconnect();
      log.cards = performance.now();
      log.statusAtCards = !!document.querySelector("#forecast-status #cancel-forecast");
      log.forecastAtCards = log.msgs.some((m) => m.type === "forecast");
    }).observe(document.body, { childList: true, subtree: true });
  });
  const engine = page.workers().find((wk) => wk.url().startsWith("blob:"));
  await engine.evaluate((ms) => {
    const forecast = self.retentionForecast;
    self.retentionForecast = () => {
      const t = performance.now();
      while (performance.now() - t < ms);
      forecast();
    };
  }, holdMs);
  await page.setInputFiles("#file-input", file);
  await ready(page);
  // The predictions' place says they are coming; the list exported now
  // comes with them.
  await page.click("#tab-predict");
  assert.match(await page.innerText("#forecast-pending", { timeout: 5000 }), /Computing predictions…/);
  let log = await page.evaluate(() => window.__phases);
  assert.ok(log.statusAtCards, "no 'computing predictions' with its Cancel when the cards appeared");
  assert.ok(!log.forecastAtCards, "the forecast's reply came before the cards");
  await page.click("#tab-customers");
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 120000 }), page.click('[data-export="All"][data-format="csv"]')]);
  const csv = fs.readFileSync(await dl.path(), "utf8").trim().split("\n");
  log = await page.evaluate(() => window.__phases);

  // The engine's replies: the report of the figures (its forecast to
  // follow), the forecast's stage, the forecast; the cards between.
  const at = (type, stage = "") => log.msgs.find((m) => m.type === type && m.stage === stage);
  const report = at("report"), stage = at("progress", "forecast"), forecast = at("forecast");
  assert.ok(report && report.follows, "no report of the figures with its forecast to follow");
  assert.ok(stage && forecast, "no forecast stage or reply");
  assert.ok(report.at <= stage.at && stage.at <= forecast.at, "the replies out of order");
  assert.ok(report.at < log.cards && log.cards < forecast.at, `cards at ${log.cards - report.at} ms after the report, the forecast at ${forecast.at - report.at} ms`);
  await page.waitForSelector("#forecast-status", { state: "detached" });
  await page.click("#tab-overview");
  await page.waitForSelector('[data-kpi="customers"]');
  compare(await kpis(page), expected(want), "the cards");

  // The predictions equal the CLI's, and the export's expected next
  // orders too.
  await page.click("#tab-predict");
  await page.waitForSelector('[data-kpi="predicted_clv"]');
  const fitted = {
    expected_purchases: want.forecast.expected_purchases, predicted_clv: want.forecast.clv, check_error: want.forecast.validation.holdout.error,
  };
  // Without drop-out, there is nobody slipping away, and no card says so.
  if (!want.forecast.bgnbd.no_dropout) fitted.slipping = want.forecast.slipping.customers;
  compare(await kpis(page), fitted, "Online Retail forecast", 1e-6);
  assert.equal(csv.length - 1, want.customers);
  assert.match(csv[0], /,p_alive,.*,next_order_date$/);
  const next = new Map(csv.slice(1).map((l) => [l.slice(0, l.indexOf(",")), l.slice(l.lastIndexOf(",") + 1)]));
  let dated = 0;
  for (const c of want.customer_rows) {
    assert.equal(next.get(c.id), c.next_order_date || "", `customer ${c.id}'s next order`);
    if (c.next_order_date) dated++;
  }
  assert.ok(dated > want.customers / 2, `${dated} customers with a next order date`);
  await page.screenshot({ path: path.join(artifacts, "phases-predictions.png") });
  results.phases = {
    hold_ms: holdMs,
    cards_after_report_ms: Math.round(log.cards - report.at),
    forecast_after_report_ms: Math.round(forecast.at - report.at),
  };
  assert.deepEqual(w.foreign, []);
  assert.deepEqual(w.errors, []);
  await context.close();
});
