// The page in every language: at 390 px and 1280 px, no card, button, tab
// or table header overflows its box, no chart's label is cut or runs over
// another or out of its chart, on every tab of the sample store
// (with its survey), in English, German, Danish, Norwegian, Swedish,
// Filipino and a pseudo-locale (the English text 40% longer, with
// accented letters); a screenshot per language; and with the page in a
// language other than English, no English word of the catalogue is left
// outside proper names, the file's own contents and the loanwords a
// language's glossary keeps.
import fs from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";
import { root, artifacts, test, sampleStore, chartsDrawn } from "../harness.mjs";
import { readableCharts } from "../layout.mjs";

const languages = ["en", "de", "da", "nb", "sv", "fil"];
const tabs = ["overview", "customers", "predict", "voice", "data"];
const widths = [390, 1280];

// The English catalogue (app/i18n/messages.go: its keys, one a line, are
// the English text) and each language's texts (web/i18n-LANG.json, written
// by make static: i18n.Messages, the texts in the catalogue's order).
const englishKeys = fs.readFileSync(path.join(root, "app", "i18n", "messages.go"), "utf8").split("\n")
  .filter((l) => /^\t".*",$/.test(l)).map((l) => JSON.parse(l.trim().slice(0, -1)));
const catalogue = {};
for (const l of languages.slice(1)) {
  catalogue[l] = JSON.parse(fs.readFileSync(path.join(root, "dist", "web", `i18n-${l}.json`), "utf8")).messages;
  assert.equal(catalogue[l].length, englishKeys.length, `i18n-${l}.json and app/i18n/messages.go have different catalogues`);
}

// words splits text into lower-case words of letters (4 letters or more:
// shorter ones, "a", "to", "kr", are shared by too many languages).
const words = (text) => (text.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}/gu) || []).filter((w) => w.length >= 4);

const english = new Set(englishKeys.flatMap(words));

// What may stay as it is in every language: proper names (the product,
// the models, platforms, formats, time zones' cities and the languages'
// own names in the picker), and the sample store's file (its columns,
// products, categories, e-mail addresses: the user's own contents).
const properNames = new Set(words(
  "Retention Workbench BG/NBD Gamma-Gamma Buy-till-you-die RFM Recency Frequency Monetary P(alive) CSV Excel PNG NPS CSAT " +
  "UTC Europe London Berlin Copenhagen Oslo Stockholm Asia Manila America New_York Chicago Los_Angeles Australia Sydney " +
  "English Deutsch Dansk Norsk bokmål Svenska Filipino " +
  "UTF-16 Windows-1252 yyyy-mm-dd",
));
const sampleFile = new Set(words(fs.readFileSync(path.join(root, "dist", "web", "sample-store.csv"), "utf8")));
for (const f of fs.readdirSync(path.join(root, "dist", "web")).filter((f) => /survey.*\.csv$/.test(f))) {
  for (const w of words(fs.readFileSync(path.join(root, "dist", "web", f), "utf8"))) sampleFile.add(w);
}

// The English words each language keeps, as its glossary says
// (app/i18n/glossary/LANG.md): Filipino writes the shop's trade in its
// English loanwords (customer, order, churn, cohort, ...); the others keep
// a few names of the trade.
const keeps = {
  de: words("Champions Newsletter Bestseller Sale Tracking Upload"),
  da: words("online"),
  nb: words("online"),
  sv: words("online"),
  fil: words(
    "customer customers order orders churn rate retention cohort base value lifetime average revenue refund refunds segment segments " +
    "file files column columns header value values e-mail email currency export list lists chart charts table sample store survey " +
    "score scores browser upload account tracking date dates period periods month months year years quarter week weeks days " +
    "repeat purchase rate promoters detractors passives offer discount newsletter review referral seller sales shipping " +
    "mapping preview locale calibration history fit model models drop-out identifier identifiers invoice invoice",
  ),
};

// pseudo makes a text 40% longer with accented letters, as a
// translation that runs long would: the pseudo-locale.
function pseudoScript() {
  const accent = { a: "á", e: "é", i: "í", o: "ö", u: "ü", c: "ç", n: "ñ", y: "ý", A: "Å", E: "É", I: "Î", O: "Ö", U: "Ü", C: "Ç", N: "Ñ" };
  const done = (window.pseudoDone ||= new WeakSet());
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node.nodeValue;
      if (t.trim() === "" || done.has(node)) return;
      // 40% more, in syllables of at most 4 letters a line can break
      // between, as a longer translation's words.
      const pad = "ŝőmé ŵőŕð ĺőñĝ ţéẋţ ".repeat(Math.ceil(t.trim().length * 0.4 / 20) + 1).slice(0, Math.ceil(t.trim().length * 0.4)).trim();
      node.nodeValue = "[" + t.replace(/[a-zA-Z]/g, (c) => accent[c] || c) + (pad ? " " + pad : "") + "]";
      done.add(node);
      return;
    }
    if (node.nodeName === "SCRIPT" || node.nodeName === "STYLE" || node.nodeName === "OPTION") return;
    for (const c of node.childNodes) walk(c);
  };
  walk(document.body);
}

// overflows lists the cards, buttons, tabs, table headers and labels
// whose content is wider or taller than their box, and whatever makes the
// page wider than the window.
function overflows() {
  const out = [];
  const sel = ".card, .card *, button, .tab, th, label, .btn, h1, h2, h3";
  for (const el of document.querySelectorAll(sel)) {
    if (!el.checkVisibility() || el.closest(".visually-hidden")) continue; // hidden, or read by screen readers alone
    const cs = getComputedStyle(el);
    if (cs.overflowX === "auto" || cs.overflowX === "scroll") continue;
    if (el.closest(".table-scroll, [role=region], .chart-canvas, select")) {
      if (el.tagName !== "TH") continue;
    }
    const over = el.scrollWidth - el.clientWidth;
    if (el.clientWidth > 0 && over > 2) out.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${el.className} “${el.innerText.slice(0, 40)}” ${over} px wider than its box`);
  }
  const page = document.documentElement.scrollWidth - window.innerWidth;
  if (page > 1) out.push(`the page is ${page} px wider than the window`);
  return out;
}

// The first cohort of the sample store's LTV chart (October 2025 and the
// eleven months before it), as each language writes a month on the axes
// (CLDR's abbreviated month and yMMM, app/i18n/period.go): not the
// report's key, 2024-11. The pseudo-locale is the English page.
const firstCohort = { en: "Nov 2024", de: "Nov. 2024", da: "nov. 2024", nb: "nov. 2024", sv: "nov. 2024", fil: "Nob 2024", qps: "Nov 2024" };

// ltvLegendPage reads the LTV chart's legend as ECharts draws it: the
// items on its page (the names it shows whole, and those its edge cuts),
// the page's number ("2/4", "" without pages) and, when there is a next
// page, where its arrow is on the screen.
function ltvLegendPage() {
  const c = echarts.getInstanceByDom(document.getElementById("chart-ltv"));
  const box = c.getDom().getBoundingClientRect();
  const out = { whole: [], cut: [], page: "", next: null };
  const global = (el) => {
    const r = el.getBoundingRect().clone();
    if (el.transform) r.applyTransform(el.transform);
    return r;
  };
  for (const root of c.getZr().storage.getRoots()) {
    if (!root.__ecComponentInfo || root.__ecComponentInfo.mainType !== "legend") continue;
    root.traverse((el) => {
      if (el.name === "pageText" && !el.invisible) out.page = el.style.text;
      if (el.name === "pageNext" && !el.invisible && el.cursor === "pointer") {
        const r = global(el);
        out.next = { x: box.left + r.x + r.width / 2, y: box.top + r.y + r.height / 2 };
      }
      if (el.__legendDataIndex == null || el.ignore || el.invisible) return;
      const text = el.childrenRef().find((t) => t.type === "text");
      const name = { index: el.__legendDataIndex, text: text ? text.style.text : "" };
      // The page: the clip of the items' row, without pages the canvas.
      const row = el.parent.parent;
      const clip = row.getClipPath();
      let page = { x: 0, y: 0, width: c.getWidth(), height: c.getHeight() };
      if (clip) {
        page = clip.getBoundingRect().clone();
        if (row.transform) page.applyTransform(row.transform);
      }
      const r = global(el);
      const ox = Math.min(r.x + r.width, page.x + page.width) - Math.max(r.x, page.x);
      const oy = Math.min(r.y + r.height, page.y + page.height) - Math.max(r.y, page.y);
      if (ox <= 0 || oy <= 0) return; // on another page
      if (ox < r.width - 0.5 || oy < r.height - 0.5) out.cut.push({ ...name, shown: `${Math.round(ox)} of ${Math.round(r.width)} px` });
      else out.whole.push(name);
    });
  }
  return out;
}

// ltvSettled does what act does to the LTV chart (a legend page turned)
// and waits until the chart has drawn it, its animations done.
async function ltvSettled(page, act) {
  await page.evaluate(() => {
    const c = echarts.getInstanceByDom(document.getElementById("chart-ltv"));
    window.ltvSettled = false;
    const done = () => {
      c.off("finished", done);
      window.ltvSettled = true;
    };
    c.on("finished", done);
  });
  await act();
  await page.waitForFunction(() => window.ltvSettled, null, { timeout: 10000 });
}

// ltvNames checks the LTV chart's cohorts in the page's language: its
// series are the cohort heatmap's last rows, as the axes write them (the
// first as firstCohort says); each page of its legend, turned with its
// arrow, shows whole names, none cut, and every cohort is whole on one
// page, and one only; its tooltip names each cohort so. It leaves the
// legend on its first page, and returns the pages seen.
async function ltvNames(page, lang, width, problems) {
  const where = `${lang} ${width} px LTV`;
  await page.locator("#chart-ltv").scrollIntoViewIfNeeded();
  const { series, rows } = await page.evaluate(() => ({
    series: echarts.getInstanceByDom(document.getElementById("chart-ltv")).getOption().series.map((s) => s.name),
    rows: echarts.getInstanceByDom(document.getElementById("chart-cohorts")).getOption().yAxis[0].data,
  }));
  const want = rows.slice(-series.length);
  assert.deepEqual(series, want, `${where}: the series are not the heatmap's cohorts`);
  assert.equal(want[0], firstCohort[lang], `${where}: the first cohort`);
  const pages = [];
  const shown = new Map(); // item → the page it is whole on
  for (let turns = 0; ; turns++) {
    const p = await page.evaluate(ltvLegendPage);
    pages.push(p);
    for (const c of p.cut) problems.push(`${where} page ${p.page || 1}: “${c.text}” cut (${c.shown})`);
    for (const n of p.whole) {
      if (n.text !== want[n.index]) problems.push(`${where} page ${p.page || 1}: item ${n.index} reads “${n.text}”, not “${want[n.index]}”`);
      if (shown.has(n.index)) problems.push(`${where}: “${n.text}” on page ${shown.get(n.index)} and page ${p.page}`);
      shown.set(n.index, p.page);
    }
    if (width === 390) await page.locator("#chart-ltv").screenshot({ path: path.join(artifacts, `languages-${lang}-${width}-ltv-${turns + 1}.png`) });
    if (!p.next || turns >= want.length) break;
    await ltvSettled(page, () => page.mouse.click(p.next.x, p.next.y));
  }
  if (pages.length > 1) {
    await ltvSettled(page, () => page.evaluate(() => echarts.getInstanceByDom(document.getElementById("chart-ltv")).dispatchAction({ type: "legendScroll", scrollDataIndex: 0 })));
  }
  const missing = want.filter((_, i) => !shown.has(i));
  if (missing.length) problems.push(`${where}: never shown whole: ${missing.join(", ")}`);
  const tip = await page.evaluate(() => {
    const c = echarts.getInstanceByDom(document.getElementById("chart-ltv"));
    c.dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex: 0 });
    const el = [...c.getDom().children].find((d) => !d.querySelector("canvas"));
    const text = el ? el.innerText : "";
    c.dispatchAction({ type: "hideTip" });
    return text;
  });
  const lines = tip.split("\n").slice(1).map((l) => l.slice(0, l.lastIndexOf(":")));
  assert.deepEqual(lines, want, `${where}: the tooltip's cohorts`);
  return pages;
}

await test("languages: every tab in every language (and a pseudo-locale) at 390 and 1280 px: nothing overflows, charts readable, no English left", async () => {
  const { context, page, w } = await sampleStore();
  await page.click("#tab-voice");
  await page.click("#sample-survey");
  await page.waitForSelector("#survey-summary", { timeout: 60000 });
  const problems = [];
  const english_left = [];
  const ltvPages = [];
  for (const f of fs.readdirSync(artifacts).filter((f) => /^languages-.*-ltv-\d+\.png$/.test(f))) fs.rmSync(path.join(artifacts, f));
  for (const lang of [...languages, "qps"]) {
    await page.selectOption("#language", lang === "qps" ? "en" : lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang === "qps" ? "en" : lang, { timeout: 10000 });
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      for (const tab of tabs) {
        await page.click("#tab-" + tab);
        await page.waitForFunction((t) => document.querySelector("#tab-" + t).getAttribute("aria-selected") === "true", tab);
        await page.waitForTimeout(150);
        if (tab === "overview") ltvPages.push(`${lang} ${width} px: ${(await ltvNames(page, lang, width, problems)).map((p) => p.whole.map((n) => n.text).join(" · ")).join(" | ")}`);
        // The charts' labels in the language: none cut, out of its chart or
        // over another (English's are the dashboard test's).
        if (!["en", "qps"].includes(lang) && (await page.$(".chart-canvas"))) {
          if (tab === "customers") await page.waitForFunction(() => document.querySelector('[data-chart="movement"]')?.dataset.drawn === "true", null, { timeout: 30000 });
          await chartsDrawn(page);
          try {
            await readableCharts(page, `${lang} ${width} px ${tab}`);
          } catch (e) {
            const lines = e.message.split("\n").filter((l) => /^\+ +'/.test(l)).map((l) => l.replace(/^\+ +'|',?$/g, ""));
            problems.push(...(lines.length ? lines : [e.message.split("\n")[0]]).map((l) => `${lang} ${width} px ${tab} chart: ${l}`));
          }
        }
        if (lang === "qps") await page.evaluate(pseudoScript);
        for (const o of await page.evaluate(overflows)) problems.push(`${lang} ${width} px ${tab}: ${o}`);
        if (lang !== "en" && lang !== "qps" && width === 1280) {
          const text = await page.evaluate(() => document.body.innerText);
          const own = new Set(catalogue[lang].flatMap(words));
          const keep = new Set(keeps[lang]);
          for (const word of new Set(words(text))) {
            if (english.has(word) && !own.has(word) && !keep.has(word) && !properNames.has(word) && !sampleFile.has(word)) {
              english_left.push(`${lang} ${tab}: “${word}” in “${text.split("\n").find((l) => l.toLowerCase().includes(word)).slice(0, 120)}”`);
            }
          }
        }
        if (tab === "overview") {
          await page.screenshot({ path: path.join(artifacts, `languages-${lang}-${width}-${tab}.png`), fullPage: width === 390 });
        }
      }
    }
  }
  for (const line of ltvPages) console.log("     LTV legend " + line);
  for (const line of [...english_left, ...problems]) console.log("     " + line);
  assert.deepEqual({ english_left, overflowing: problems }, { english_left: [], overflowing: [] }, "English words left on the page, or elements overflowing their boxes");
  assert.deepEqual(w.errors, []);
  await context.close();
});
