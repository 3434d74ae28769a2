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
// so a reload, or the update banner's Reload, opens it again. forget()
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
        if (!self.indexedDB) return reject(new Error("unavailable"));
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
      Promise.resolve(fn({ ws: t.objectStore("workspaces"), files: t.objectStore("files") })).then((v) => (out = v), (e) => {
        try {
          t.abort();
        } catch (_) {}
        reject(e);
      });
    });
  },

  req(r) {
    return new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  },

  // code is what the page words: quota (the browser refused the write for
  // want of space), unavailable (no IndexedDB: a private window, a
  // policy), or the error's own text.
  code(err) {
    if (err && (err.name === "QuotaExceededError" || /quota/i.test(String(err.message)))) return "quota";
    if (err && err.message === "unavailable") return "unavailable";
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

  list(done) {
    this.call(this.tx("readonly", ({ ws }) => this.req(ws.getAll())).then((all) => all.sort((a, b) => b.opened - a.opened)), done);
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
      const all = await this.tx("readonly", ({ ws }) => this.req(ws.getAll()));
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
        const all = await this.tx("readonly", ({ ws }) => this.req(ws.getAll()));
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
};
