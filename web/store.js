// Saved workspaces, on this device only (called from app/ui/workspace.go).
//
// One IndexedDB database, "retention-workspaces", with two object stores:
// "workspaces" holds each workspace's description (its file's name and
// size, its orders' date range, the settings as the page's report.Settings
// JSON, the survey's name, when it was saved and last opened) and "files"
// its bytes: the File or Blob itself, which the browser writes to its disk
// as it streams it, so a large file is never held a second time in memory
// (nor read by this script). A file of our own origin (the sample store)
// is kept as its URL, not its bytes. A workspace's description and bytes
// are written in one transaction: a write that does not fit (a quota
// error) changes nothing, and the workspaces saved before stay.
//
// The tab's open workspace is its id in sessionStorage (retention-open),
// so a reload, or the update banner's Reload, opens it again (a page
// opened afresh starts from the list). forget()
// removes all of it, and anything else of the user's this origin holds.
"use strict";
window.rwStore = {
  db: "retention-workspaces",
  openKey: "retention-open",
  // The language choice (a tag, nothing of the user's data) is the one
  // key forget() leaves in localStorage.
  keep: ["retention-language"],
  conn: null,

  open() {
    if (!this.conn) {
      this.conn = new Promise((resolve, reject) => {
        if (!self.indexedDB) return reject(Object.assign(new Error("no IndexedDB"), { code: "unavailable" }));
        const r = indexedDB.open(this.db, 1);
        r.onupgradeneeded = () => {
          r.result.createObjectStore("workspaces", { keyPath: "id" });
          r.result.createObjectStore("files");
        };
        r.onsuccess = () => {
          // Another tab's forget() deletes the database: let it.
          r.result.onversionchange = () => {
            r.result.close();
            this.conn = null;
          };
          resolve(r.result);
        };
        r.onerror = () => reject(r.error);
        r.onblocked = () => reject(new Error("blocked"));
      });
      this.conn.catch(() => (this.conn = null));
    }
    return this.conn;
  },

  // tx runs fn(stores) in one transaction over both stores and resolves
  // with fn's result once the transaction is committed.
  async tx(mode, fn) {
    const db = await this.open();
    return new Promise((resolve, reject) => {
      const t = db.transaction(["workspaces", "files"], mode);
      let out;
      t.oncomplete = () => resolve(out);
      t.onabort = t.onerror = () => reject(t.error || new Error("aborted"));
      // A step that fails (a write the browser refuses at once) undoes
      // the transaction's other writes.
      const undo = (e) => {
        try {
          t.abort();
        } catch (_) {}
        reject(e);
      };
      try {
        Promise.resolve(fn({ ws: t.objectStore("workspaces"), files: t.objectStore("files") })).then((v) => (out = v), undo);
      } catch (e) {
        undo(e);
      }
    });
  },

  req(r) {
    return new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  },

  // code is what the page words: quota (the browser refused the write for
  // want of space: the DOMException's name, Firefox's older one, or its
  // legacy code 22), unavailable (no IndexedDB: a private window, a
  // policy), or the error's own text. Errors are told apart by name and
  // code, never by their text.
  code(err) {
    if (err && (err.name === "QuotaExceededError" || err.name === "NS_ERROR_DOM_QUOTA_REACHED" || err.code === 22)) return "quota";
    if (err && err.code === "unavailable") return "unavailable";
    return String((err && err.message) || err);
  },

  // call runs a promise and hands its result (as JSON unless raw) or its
  // error code to done(value, err).
  call(p, done, raw) {
    p.then((v) => done(raw ? v : JSON.stringify(v === undefined ? null : v), null), (e) => done(null, this.code(e)));
  },

  // space: what the browser says of this origin's storage.
  async space() {
    const s = navigator.storage;
    const e = s && s.estimate ? await s.estimate() : {};
    const persisted = s && s.persisted ? await s.persisted() : false;
    return { usage: e.usage || 0, quota: e.quota || 0, persisted };
  },

  // persist asks once for storage the browser does not clear on its own.
  persist() {
    const s = navigator.storage;
    if (s && s.persist) s.persist().catch(() => {});
  },

  // fits rejects with "nospace need free" when bytes do not fit in what
  // the browser says is left (before anything is written).
  async fits(bytes) {
    const { usage, quota } = await this.space();
    if (quota > 0 && bytes > quota - usage) throw new Error("nospace " + bytes + " " + Math.max(0, quota - usage));
  },

  // all resolves with every workspace's description; a database that
  // is not there (none saved yet, or forgotten) is not made by asking.
  async all() {
    if (!this.conn && indexedDB.databases && !(await indexedDB.databases()).some((d) => d.name === this.db)) return [];
    return this.tx("readonly", ({ ws }) => this.req(ws.getAll()));
  },

  list(done) {
    this.call(this.all().then((all) => all.sort((a, b) => b.opened - a.opened)), done);
  },

  spaceOf(done) {
    this.call(this.space(), done);
  },

  // save stores a new workspace (meta: the description as JSON; file: the
  // File, or null for a file of ours named by meta's url) and resolves
  // with its id. The same file (name, size and modification time, or
  // URL) saved before is that workspace again: opened now, its bytes
  // kept.
  save(meta, file, done) {
    const m = JSON.parse(meta);
    const p = (async () => {
      const stamp = file && file.lastModified ? file.lastModified : 0;
      const all = await this.all();
      const same = all.find((w) => w.name === m.name && w.size === m.size && (m.url ? w.url === m.url : !w.url && w.modified === stamp));
      if (same) {
        await this.tx("readwrite", ({ ws }) => this.req(ws.put(Object.assign(same, m, { id: same.id, opened: Date.now() }))));
        return same.id;
      }
      if (file) await this.fits(file.size);
      const id = "w" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
      const now = Date.now();
      const w = Object.assign(m, { id, saved: now, opened: now, modified: stamp });
      await this.tx("readwrite", ({ ws, files }) => {
        ws.put(w);
        if (file) files.put(file, id + "/file");
      });
      return id;
    })();
    this.call(p, done);
  },

  // update merges fields (JSON) into a workspace's description.
  update(id, patch, done) {
    const p = this.tx("readwrite", async ({ ws }) => {
      const w = await this.req(ws.get(id));
      if (!w) throw new Error("gone");
      await this.req(ws.put(Object.assign(w, JSON.parse(patch), { id })));
    });
    this.call(p, done || (() => {}));
  },

  // survey attaches a survey export (a File or Blob; null for a file of
  // ours named by url) to a workspace, in place of its survey before.
  survey(id, name, size, url, file, done) {
    const p = (async () => {
      if (file) await this.fits(file.size);
      await this.tx("readwrite", async ({ ws, files }) => {
        const w = await this.req(ws.get(id));
        if (!w) throw new Error("gone");
        w.survey = { name, size, url: url || "" };
        ws.put(w);
        if (file) files.put(file, id + "/survey");
        else files.delete(id + "/survey");
      });
    })();
    this.call(p, done);
  },

  // get resolves with {meta: JSON, file: Blob|null, survey: Blob|null}.
  get(id, done) {
    const p = this.tx("readonly", async ({ ws, files }) => {
      const [w, file, survey] = await Promise.all([this.req(ws.get(id)), this.req(files.get(id + "/file")), this.req(files.get(id + "/survey"))]);
      if (!w) throw new Error("gone");
      return { meta: JSON.stringify(w), file: file || null, survey: survey || null };
    });
    this.call(p, done, true);
  },

  remove(id, done) {
    const p = this.tx("readwrite", ({ ws, files }) => {
      ws.delete(id);
      files.delete(IDBKeyRange.bound(id + "/", id + "/\uffff"));
    });
    if (this.opened() === id) this.setOpened("");
    this.call(p, done);
  },

  opened() {
    try {
      return sessionStorage.getItem(this.openKey) || "";
    } catch (e) {
      return "";
    }
  },

  // reopen is the workspace to open as the page starts: the tab's, when
  // this load is a reload (the browser's, or the update banner's) or a
  // step back to the page; a page opened afresh starts from the list.
  reopen() {
    const nav = performance.getEntriesByType("navigation")[0];
    return nav && (nav.type === "reload" || nav.type === "back_forward") ? this.opened() : "";
  },

  setOpened(id) {
    try {
      if (id) sessionStorage.setItem(this.openKey, id);
      else sessionStorage.removeItem(this.openKey);
    } catch (e) {
      // storage refused: a reload starts from the list
    }
  },

  // forget removes every workspace and everything else of the user's this
  // origin stores: every IndexedDB database, the Origin Private File
  // System, Cache Storage but the app's own cache (the page's files, none
  // of the user's), localStorage but the language choice, and this tab's
  // sessionStorage. It resolves with what it removed.
  forget(done) {
    const p = (async () => {
      const out = { workspaces: 0, bytes: 0, databases: 0, files: 0, caches: 0, keys: 0 };
      try {
        const all = await this.all();
        out.workspaces = all.length;
        out.bytes = all.reduce((n, w) => n + (w.url ? 0 : w.size || 0) + (w.survey && !w.survey.url ? w.survey.size || 0 : 0), 0);
      } catch (e) {
        // no database: nothing of it to count
      }
      if (this.conn) {
        (await this.conn.catch(() => null))?.close();
        this.conn = null;
      }
      const names = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [this.db];
      for (const name of names) {
        await new Promise((resolve, reject) => {
          const r = indexedDB.deleteDatabase(name);
          r.onsuccess = resolve;
          r.onerror = () => reject(r.error);
          r.onblocked = resolve; // deleted once the other tabs close it
        });
        out.databases++;
      }
      if (navigator.storage && navigator.storage.getDirectory) {
        const dir = await navigator.storage.getDirectory();
        for await (const name of dir.keys()) {
          await dir.removeEntry(name, { recursive: true });
          out.files++;
        }
      }
      if (self.caches) {
        for (const name of await caches.keys()) {
          if (name.startsWith("retention-")) continue; // the app's own files (app/site/worker.js.tmpl)
          await caches.delete(name);
          out.caches++;
        }
      }
      for (const st of [localStorage, sessionStorage]) {
        for (const k of Object.keys(st)) {
          if (st === localStorage && this.keep.includes(k)) continue;
          st.removeItem(k);
          out.keys++;
        }
      }
      return out;
    })();
    this.call(p, done);
  },
  // comparison writes a comparison (raw: the engine's reply, report.Reply
  // with `retention compare --json`'s comparison) into the element id as
  // tables, numbers as locale writes them; words are the page's (a
  // template's %s are filled in order).
  comparison(id, raw, locale, words) {
    const box = document.getElementById(id);
    const c = JSON.parse(raw).comparison;
    if (!box || !c) return;
    const fill = (t, ...a) => t.replace(/%s/g, () => String(a.shift()));
    const nf = (o) => {
      try {
        return new Intl.NumberFormat(locale, o);
      } catch (e) {
        return new Intl.NumberFormat("en-US", o);
      }
    };
    const money = (v, cur) => (cur ? nf({ style: "currency", currency: cur }) : nf({ minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(v);
    const dec = (d) => nf({ minimumFractionDigits: d, maximumFractionDigits: d });
    const pct = nf({ style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const sign = (v, s) => (v > 0 ? "+" + s : s);
    const value = (unit, v, cur) => {
      if (v == null) return "–";
      if (unit === "count") return dec(0).format(v);
      if (unit === "money") return money(v, cur);
      if (unit === "ratio") return pct.format(v);
      return dec(unit === "days" ? 1 : 2).format(v);
    };
    const delta = (unit, d, cur) => {
      if (d == null) return "–";
      if (unit === "ratio") return fill(words.points, sign(d, dec(1).format(d * 100)));
      return sign(d, value(unit, d, cur));
    };
    const el = (tag, text, cls) => {
      const e = document.createElement(tag);
      if (text != null) e.textContent = text;
      if (cls) e.className = cls;
      return e;
    };
    // A table scrolls sideways in a wrapper that takes the focus, so that
    // the keyboard can scroll it, named by the heading with the id named.
    const table = (tid, head, rows, named) => {
      const t = el("table", null, "table");
      t.id = tid;
      const tr = t.createTHead().insertRow();
      head.forEach((h, i) => {
        const th = el("th", h, i > 0 ? "num" : "");
        th.scope = "col";
        tr.appendChild(th);
      });
      const body = t.createTBody();
      for (const [cells, data] of rows) {
        const r = body.insertRow();
        Object.assign(r.dataset, data);
        cells.forEach((v, i) => {
          const cell = el(i === 0 ? "th" : "td", v, i > 0 ? "num" : "");
          if (i === 0) cell.scope = "row";
          r.appendChild(cell);
        });
      }
      const wrap = el("div", null, "table-wrap");
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-labelledby", named);
      wrap.appendChild(t);
      return wrap;
    };
    const raw1 = (v) => (v == null ? "" : String(v));
    const kpis = c.kpis.map((k) => [
      [words.kpis[k.name] || k.name, value(k.unit, k.a, c.a.currency), value(k.unit, k.b, c.b.currency), delta(k.unit, k.delta, c.b.currency), k.relative == null ? "–" : sign(k.relative, pct.format(k.relative))],
      { kpiDelta: k.name, a: raw1(k.a), b: raw1(k.b), delta: raw1(k.delta), relative: raw1(k.relative) },
    ]);
    const rate = (p, f) => (p ? value("ratio", p[f]) : "–");
    const name = (s) => (words.names && words.names[s]) || s; // a period's or a segment's, in the page's language
    const periods = c.periods.map((p) => [
      [name(p.period), rate(p.a, "retention"), rate(p.b, "retention"), delta("ratio", p.retention_delta), rate(p.a, "churn"), rate(p.b, "churn"), delta("ratio", p.churn_delta)],
      { period: p.period, retentionDelta: raw1(p.retention_delta) },
    ]);
    const m = c.movement;
    const seg = (s) => (s === "none" ? words.absent : name(s));
    const moves = m.moves.slice(0, 10).map((mv) => [
      [seg(mv.from), seg(mv.to), dec(0).format(mv.customers), pct.format(mv.share)],
      { from: mv.from, to: mv.to, customers: String(mv.customers) },
    ]);
    const n = dec(0);
    const moved = el("div");
    moved.id = "compare-movement";
    Object.assign(moved.dataset, { moved: String(m.moved), stayed: String(m.stayed) });
    const heading = (tag, text, hid) => {
      const h = el(tag, text);
      h.id = hid;
      return h;
    };
    moved.append(heading("h3", words.moved, "compare-moves-title"), el("p", fill(words.summary, n.format(m.both), n.format(m.stayed), n.format(m.moved), n.format(m.only_a), n.format(m.only_b))), table("compare-moves", words.moveHead, moves, "compare-moves-title"));
    box.replaceChildren(
      el("p", fill(words.range, c.a.first_order, c.a.last_order, c.b.first_order, c.b.last_order), "hint"),
      table("compare-kpis", words.kpiHead, kpis, "compare-title"),
      heading("h3", words.periods, "compare-periods-title"),
      table("compare-periods", words.periodHead, periods, "compare-periods-title"),
      moved
    );
  },
  // The saved workspaces' list, drawn here from the store (the page's
  // WebAssembly carries no code for it). handler(action, ...args) is the
  // page's (app/ui/workspace.go): open id, compare a b, forget, removed
  // id, renamed id name.
  handler: null,
  tell(...args) {
    if (this.handler) this.handler(...args);
  },

  fill(t, ...a) {
    return t.replace(/%s/g, () => String(a.length ? a.shift() : ""));
  },

  // draw writes the list into the element id with the page's words (w,
  // templates filled in order) in locale; the open workspace's button is
  // off. Unless refresh, a list already drawn is kept.
  draw(id, w, locale, openId, refresh) {
    const box = document.getElementById(id);
    if (!box || (!refresh && box.childElementCount)) return;
    const mb = (n) => this.fill(w.mb, new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n / 1e6));
    const el = (tag, text, cls, on) => {
      const e = document.createElement(tag);
      if (text != null) e.textContent = text;
      if (cls) e.className = cls;
      if (on) e.addEventListener(tag === "input" || tag === "select" ? "change" : "click", on);
      return e;
    };
    const redraw = () => this.draw(id, w, locale, this.opened(), true);
    Promise.all([this.all().catch(() => []), this.space().catch(() => ({}))]).then(([all, sp]) => {
      all.sort((a, b) => b.opened - a.opened);
      const out = [el("h2", w.title), el("p", w.intro, "hint")];
      if (sp.quota > 0) {
        const p = el("p", this.fill(w.space, mb(sp.usage), mb(sp.quota)) + (sp.persisted ? " " + w.persisted : ""), "hint");
        p.id = "storage-space";
        out.push(p);
      }
      const ul = el("ul", null, "ws-list");
      for (const ws of all) {
        const li = el("li", null, "ws");
        Object.assign(li.dataset, { workspace: ws.id, name: ws.name });
        const open = el("button", ws.name, "ws-open", () => this.tell("open", ws.id));
        open.disabled = ws.id === openId;
        const meta = [mb(ws.size)];
        if (ws.from) meta.unshift(this.fill(w.range, ws.from, ws.to));
        if (ws.opened) meta.push(this.fill(w.lastOpened, new Date(ws.opened).toISOString().slice(0, 10)));
        if (ws.survey) meta.push(this.fill(w.survey, ws.survey.name));
        const rename = el("button", w.rename, "btn btn-small ws-rename-btn", () => {
          const input = el("input", null, "ws-rename", () => {
            const name = input.value.trim();
            if (!name) return redraw();
            this.update(ws.id, JSON.stringify({ name }), () => {
              this.tell("renamed", ws.id, name);
              redraw();
            });
          });
          input.type = "text";
          input.value = ws.name;
          input.setAttribute("aria-label", this.fill(w.newName, ws.name));
          open.replaceWith(input);
          input.focus();
        });
        const del = el("button", w.del, "btn btn-small ws-delete", () =>
          this.remove(ws.id, () => {
            this.tell("removed", ws.id);
            redraw();
          })
        );
        del.setAttribute("aria-label", this.fill(w.deleteOf, ws.name));
        li.append(open, el("span", meta.join(" · "), "ws-meta"), rename, del);
        ul.appendChild(li);
      }
      if (all.length) out.push(ul);
      if (all.length > 1) {
        const pick = (sid, label, chosen) => {
          const sel = el("select");
          sel.id = sid;
          for (const ws of all) {
            const o = el("option", ws.name);
            o.value = ws.id;
            o.selected = ws.id === chosen;
            sel.appendChild(o);
          }
          const l = el("label", label + " ");
          l.appendChild(sel);
          return [l, sel];
        };
        const [la, a] = pick("compare-a", w.a, all[1].id);
        const [lb, b] = pick("compare-b", w.b, all[0].id);
        const go = el("button", w.compare, "btn btn-small", () => this.tell("compare", a.value, b.value));
        go.id = "compare";
        const same = () => (go.disabled = a.value === b.value);
        a.addEventListener("change", same);
        b.addEventListener("change", same);
        const div = el("div", null, "ws-compare");
        div.append(el("h3", w.compareTitle), la, lb, go);
        out.push(div);
      }
      const forget = el("button", w.forget, "btn btn-small", () => this.tell("forget"));
      forget.id = "forget";
      const link = el("a", w.privacy, "privacy-link");
      link.href = "privacy";
      const foot = el("div", null, "ws-foot");
      foot.append(forget, link);
      out.push(foot);
      box.replaceChildren(...out);
    });
  },

  // prose writes the privacy page's text into the element id: items are
  // [tag, text] (h2, h3, p), [li, label, text] (a list's item; items in a
  // row make one list), [step, text] (a numbered list's) and [forget,
  // button]: the button that forgets it all (the page's forget).
  prose(id, items) {
    const box = document.getElementById(id);
    if (!box) return;
    const out = [];
    let list = null;
    for (const [tag, a, b] of items) {
      const kind = tag === "li" ? "ul" : tag === "step" ? "ol" : "";
      if (!kind) list = null;
      else if (!list || list.tagName.toLowerCase() !== kind) out.push((list = document.createElement(kind)));
      if (tag === "li") {
        const li = document.createElement("li");
        const s = document.createElement("strong");
        s.textContent = a;
        li.append(s, " " + b);
        list.appendChild(li);
      } else if (tag === "step") {
        const li = document.createElement("li");
        li.textContent = a;
        list.appendChild(li);
      } else if (tag === "forget") {
        const btn = document.createElement("button");
        btn.id = "forget";
        btn.className = "btn";
        btn.textContent = a;
        btn.addEventListener("click", () => this.tell("forget"));
        out.push(btn);
      } else {
        const e = document.createElement(tag);
        e.textContent = a;
        out.push(e);
      }
    }
    box.replaceChildren(...out);
  },
};
