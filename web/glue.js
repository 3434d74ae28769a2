// The page's browser glue, called from the page's Go (app/ui/browser.go).
// It keeps JavaScript to what Go cannot do well: starting the worker,
// reading files, drawing ECharts charts and saving downloads.
"use strict";
window.rw = {
  // Whether a service worker served this page: if not, this is the first
  // visit and no update can be pending.
  hadController: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
  worker: null,
  charts: new Map(),

  start(url, onMsg) {
    if (this.worker) return;
    this.loadCharts().catch((err) => console.error(err)); // the page runs: ECharts now, before any report
    this.worker = new Worker(url);
    this.worker.onmessage = (e) => onMsg(e.data.msg, e.data.bytes || null);
    this.worker.onerror = (e) => {
      e.preventDefault();
      onMsg(JSON.stringify({ type: "error", id: 0, message: "The engine stopped: " + (e.message || "unknown error") }), null);
    };
  },

  send(req, buf) {
    if (buf) {
      this.worker.postMessage({ req, bytes: buf }, [buf]);
    } else {
      this.worker.postMessage({ req });
    }
  },

  readFile(file, done) {
    file.arrayBuffer().then((b) => done(b, null), (err) => done(null, String(err)));
  },

  fetchBytes(url, done) {
    fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(url + ": " + r.status + " " + r.statusText);
        return r.arrayBuffer();
      })
      .then((b) => done(b, null), (err) => done(null, String(err)));
  },

  timeZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    } catch (e) {
      return "UTC";
    }
  },

  // ECharts is not part of the page's first load: it is fetched when the
  // page's Go starts the worker (or at the first chart, if that comes
  // sooner), from beside this script.
  echartsURL: document.currentScript ? new URL("echarts.min.js", document.currentScript.src).href : "",
  echartsLoading: null,
  loadCharts() {
    if (!this.echartsLoading) {
      this.echartsLoading = new Promise((resolve, reject) => {
        const s = document.createElement("script");
        s.src = this.echartsURL;
        s.onload = resolve;
        s.onerror = () => {
          this.echartsLoading = null; // the next chart tries again
          reject(new Error("could not load " + this.echartsURL));
        };
        document.head.appendChild(s);
      });
    }
    return this.echartsLoading;
  },

  // Charts are drawn one per task, so the page keeps painting between them.
  queue: [],
  chart(id, option, pngName) {
    this.queue = this.queue.filter((q) => q[0] !== id);
    this.queue.push([id, option]);
    if (this.queue.length === 1) {
      this.loadCharts().then(
        () => setTimeout(() => this.drawNext(), 0),
        (err) => {
          this.queue = [];
          console.error(err);
        }
      );
    }
  },

  drawNext() {
    const next = this.queue.shift();
    if (!next) return;
    try {
      this.draw(next[0], next[1]);
    } finally {
      if (this.queue.length > 0) setTimeout(() => this.drawNext(), 0);
    }
  },

  draw(id, option) {
    const el = document.getElementById(id);
    if (!el || !window.echarts) return;
    for (const [key, c] of this.charts) {
      if (!c.getDom().isConnected) {
        c.dispose();
        this.charts.delete(key);
      }
    }
    let c = this.charts.get(id);
    if (c && c.getDom() !== el) {
      c.dispose();
      c = null;
    }
    if (!c) {
      c = echarts.init(el, null, { renderer: "canvas" });
      this.charts.set(id, c);
      new ResizeObserver(() => c.resize()).observe(el);
    }
    const opt = JSON.parse(option);
    c.setOption(opt, true);
    el.dataset.drawn = "true";
  },

  download(name, type, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  },
};
