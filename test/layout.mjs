// The layout checks of the dashboard's browser tests (issue 13): labels
// of the charts that neither overlap nor are cut, nothing wider than its
// card or the window, cards apart. Imported by test/browser.test.mjs and
// the test files in test/browser/.
import assert from "node:assert/strict";
import { chartsDrawn } from "./harness.mjs";

// chartLabels lists, for every chart drawn, each text ECharts shows (or
// cut) with its box on the canvas, from ECharts' own elements after its
// label layout, and each toolbox icon, as "[its title icon]": {chart,
// text (whole), shown, x, y, w, h, font, W, H}.
export async function chartLabels(page) {
  return page.evaluate(() => {
    const out = [];
    for (const [id, c] of rw.charts) {
      if (!c.getDom().isConnected) continue;
      const W = c.getWidth(), H = c.getHeight();
      // clip is the box the element is drawn in (a scrolling legend's
      // page, a series' grid), on the canvas: a text wholly outside it is
      // not seen, one partly outside is cut.
      const text = (t, clip) => {
        if (t.ignore || t.invisible || t.style.opacity === 0) return;
        const whole = String(t.style.text == null ? "" : t.style.text).replace(/\s/g, "");
        if (!whole) return;
        let shown = (t.childrenRef ? t.childrenRef() : []).map((s) => s.style.text || "").join("").replace(/\s/g, "");
        const r = t.getBoundingRect().clone();
        if (t.transform) r.applyTransform(t.transform);
        // A text broken into lines (children at several heights) needs
        // a font's size for each: ECharts draws them over each other
        // when its line height is less.
        const font = t.style.fontSize || 12;
        const lines = new Set((t.childrenRef ? t.childrenRef() : []).filter((s) => s.type === "tspan").map((s) => s.style.y)).size;
        if (lines > 1 && r.height < lines * font - 1) shown += ` (${lines} lines in ${Math.round(r.height)} px)`;
        // A label given a box (a heatmap cell's) reports that box's
        // height: the glyphs are the font's size, centred on it.
        if (r.height < font) {
          r.y -= (font - r.height) / 2;
          r.height = font;
        }
        if (clip) {
          const ox = Math.min(r.x + r.width, clip.x + clip.width) - Math.max(r.x, clip.x);
          const oy = Math.min(r.y + r.height, clip.y + clip.height) - Math.max(r.y, clip.y);
          if (ox <= 0 || oy <= 0) return;
          if (ox < r.width - 1 || oy < r.height - 1) shown += " (clipped)";
        }
        out.push({ chart: id, text: whole, shown, x: r.x, y: r.y, w: r.width, h: r.height, font, W, H });
      };
      const walk = (el, clip) => {
        if (el.ignore || el.invisible) return;
        const cp = el.getClipPath && el.getClipPath();
        if (cp) {
          const r = cp.getBoundingRect().clone();
          const m = cp.transform || el.transform;
          if (m) r.applyTransform(m);
          clip = r; // nested clips are the legend's and a grid's: apart
        }
        // A toolbox icon (its title is its tooltip): a text must not run
        // under it.
        if (el.__title !== undefined && el.getBoundingRect) {
          const r = el.getBoundingRect().clone();
          if (el.transform) r.applyTransform(el.transform);
          const name = `[${el.__title} icon]`;
          out.push({ chart: id, text: name, shown: name, x: r.x, y: r.y, w: r.width, h: r.height, font: 0, W, H });
        }
        const tc = el.getTextContent && el.getTextContent();
        if (tc) text(tc, clip);
        if (el.type === "text") text(el, clip);
        else if (el.childrenRef) el.childrenRef().forEach((c) => walk(c, clip));
      };
      c.getZr().storage.getRoots().forEach((el) => walk(el, null));
    }
    return out;
  });
}

// readableCharts checks that no two labels of a chart overlap, none is
// cut ("Promi…", a line dropped) and each lies inside its canvas.
export async function readableCharts(page, what) {
  const ls = await chartLabels(page);
  assert.ok(ls.length > 0, `${what}: no labels found`);
  const bad = [];
  for (const l of ls) {
    if (l.shown !== l.text) bad.push(`${l.chart}: "${l.text}" shown as "${l.shown}"`);
    if (l.x < -1 || l.y < -1 || l.x + l.w > l.W + 1 || l.y + l.h > l.H + 1) bad.push(`${l.chart}: "${l.text}" outside the canvas at ${Math.round(l.x)},${Math.round(l.y)} ${Math.round(l.w)}×${Math.round(l.h)} of ${l.W}×${l.H}`);
  }
  for (let i = 0; i < ls.length; i++) {
    for (let j = i + 1; j < ls.length; j++) {
      const a = ls[i], b = ls[j];
      if (a.chart !== b.chart) continue;
      const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      // Boxes hold the glyphs' side bearings and line gap: 2 px is touching.
      if (ox > 2 && oy > 2) bad.push(`${a.chart}: "${a.text}" and "${b.text}" overlap by ${Math.round(ox)}×${Math.round(oy)} px`);
    }
  }
  assert.deepEqual(bad, [], what);
  return ls.length;
}

// fits checks that nothing is wider than the viewport or runs out of its
// card (a KPI, chart, list or segment card); what scrolls inside a
// scroller (the tab bar, a wide table) is the scroller's, which must fit.
export async function fits(page, what) {
  const bad = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > vw) out.push(`the page is ${document.documentElement.scrollWidth} px wide in ${vw}`);
    const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).position === "absolute") continue;
      let p = el.parentElement, inScroller = false;
      for (; p && p !== document.body; p = p.parentElement) if (scrolls(p)) { inScroller = true; break; }
      if (inScroller) continue;
      if (r.right > vw + 0.5 || r.left < -0.5) out.push(`${name(el)}: ${Math.round(r.left)}..${Math.round(r.right)} in ${vw}`);
      const card = el.parentElement && el.parentElement.closest(".card, .chart, .list-card, .table.cards tr, .benchmark");
      if (card) {
        const c = card.getBoundingClientRect();
        if (r.right > c.right + 0.5 || r.left < c.left - 0.5) out.push(`${name(el)} runs out of ${name(card)}: ${Math.round(r.left)}..${Math.round(r.right)} in ${Math.round(c.left)}..${Math.round(c.right)}`);
      }
    }
    return out.slice(0, 12);
  });
  assert.deepEqual(bad, [], what);
}

// cardsApart checks that no two cards touch.
export async function cardsApart(page, what) {
  const touching = await page.$$eval(".card, .chart, .list-card", (els) => {
    const rs = els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
    let n = 0;
    for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) {
      const a = rs[i], b = rs[j];
      if (a.left < b.right + 2 && b.left < a.right + 2 && a.top < b.bottom + 2 && b.top < a.bottom + 2) n++;
    }
    return n;
  });
  assert.equal(touching, 0, `${what}: cards touch`);
}

// showTab opens a tab and waits for its charts.
export async function showTab(page, id) {
  await page.click(`#tab-${id}`);
  await page.waitForSelector(`#tab-${id}[aria-selected="true"]`);
  if ((await page.$$(".chart-canvas")).length > 0) await chartsDrawn(page);
}
