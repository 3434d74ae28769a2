// The page's browser glue, called from the page's Go (app/ui/browser.go).
// It keeps JavaScript to what Go cannot do well: starting the worker,
// reading files, drawing ECharts charts and saving downloads.
"use strict";
window.rw = {
  // Whether a service worker served this page: if not, this is the first
  // visit and no update can be pending.
  hadController: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
  charts: new Map(),

  // The engine worker's life. worker.wasm is fetched and compiled once,
  // while the user chooses a file (compileStreaming compiles as the bytes
  // arrive); every engine the page starts instantiates that module. The
  // page hears of an engine that exited, crashed or stopped answering as a
  // message {type: "engine", engine: {reason, code, memory, detail}}
  // (reason: exit, memory, crash, stalled, start); the engine is then
  // started again, and the page puts its previous file back in it.
  worker: null,
  // parser is the engine's second, started with it where the browser
  // tells of parserCores cores or more: it parses some of the pieces of a
  // text file the page feeds the engine (feed), and hands them to the
  // engine through a MessageChannel of their own (web/worker.js). With
  // fewer, the page's read, the engine and the parser share too few cores
  // for it to pay: on 2 cores, Online Retail x10 was parsed no sooner
  // (2.07–2.29 s against 2.08–2.10 s without it; BENCHMARKS.md), every
  // core busy and each thread slowed by the others.
  parser: null,
  parserDown: false, // the parser failed: not started again (spawnParser)
  parserCores: 4,
  // A text file of splitBytes or more is read in two parts, where the
  // browser tells of splitCores cores or more: the engine reads its first
  // half, the parser the rest, both at once (feed; web/worker.js, fed).
  // With fewer than parserCores cores the parser is started for such a
  // file only, and ended once it is read (its memory holds the rest).
  splitCores: 2,
  splitBytes: 64 << 20,
  feeding: null, // the file being read for the engine (feed)
  tailFeeding: null, // its rest, read for the parser (feed)
  // splits are the last files read in two parts: {cut, whole} (whole:
  // the parts could not be read apart, and the engine read the file).
  splits: [],
  cut: 0,
  warmed: false, // the engine has warmed up: the parser may (spawnParser)
  module: null,
  base: "",
  onMsg: null,
  pending: 0, // requests sent and not yet answered
  failures: 0, // engines that ended in a row without answering a request
  ready: false, // the engine has started (its first message came)
  alive: 0, // when the engine last showed a sign of life (performance.now)
  // watchdogMs is how long work may go without a sign of life before the
  // engine counts as stuck. The engine posts progress every 16,384 rows;
  // its stages without progress, the figures and the forecast, took 0.4 s
  // and 0.5 s for Online Retail in the browser (issue 11's measurements),
  // so under 10 s each for ten times that file (twenty times its orders);
  // six times that margin.
  watchdogMs: 60000,

  // start prepares the engine: script is the URL of web/worker.js, onMsg
  // hears its messages (a JSON string and, for a file, its bytes). The
  // worker is started when the browser is idle, or by the first request.
  start(script, onMsg) {
    this.base = new URL(".", new URL(script, location.href)).href;
    this.onMsg = onMsg;
    this.whenIdle(() => this.spawn(), 1000);
    // The page runs: ECharts now, before any report, and one small chart
    // drawn unseen when the browser is idle, so that a report's first
    // chart does not pay for ECharts' first run.
    this.loadCharts().then(() => this.whenIdle(() => this.warmCharts(), 5000), (err) => console.error(err));
    setInterval(() => this.watch(), 1000);
  },

  // whenIdle calls fn when the browser is idle (within timeoutMs).
  whenIdle(fn, timeoutMs) {
    if (window.requestIdleCallback) window.requestIdleCallback(() => fn(), { timeout: timeoutMs });
    else setTimeout(fn, 0);
  },

  compile() {
    if (!this.module) {
      const url = this.base + "worker.wasm";
      this.module = WebAssembly.compileStreaming(fetch(url)).catch(() =>
        // A server that sends another MIME type than application/wasm.
        fetch(url).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b))
      );
      this.module.catch(() => {
        this.module = null; // tried again with the next engine
      });
    }
    return this.module;
  },

  spawn() {
    if (this.worker || !this.onMsg) return;
    this.warmed = false;
    // A worker made from a blob: URL inherits the page's CSP (see
    // web/worker.js); it imports the real script from our origin.
    const src = "self.rwBase = " + JSON.stringify(this.base) + "; importScripts(" + JSON.stringify(this.base + "worker.js") + ");";
    const url = URL.createObjectURL(new Blob([src], { type: "text/javascript" }));
    const w = new Worker(url, { name: "engine" });
    this.worker = w;
    this.ready = false;
    w.onmessage = (e) => {
      if (this.worker !== w) return;
      URL.revokeObjectURL(url);
      this.ready = true;
      this.alive = performance.now();
      const d = e.data;
      if (d.feed) {
        this.feed(w, d.feed, d.id, d.rest, d.gz);
      } else if (d.splitEnd) {
        this.splits = [...this.splits.slice(-9), { cut: this.cut, whole: d.splitEnd.whole }];
      } else if (d.splitDone) {
        // The parser's memory holds the tail of the file just read: a
        // fresh one serves the next file.
        if (this.worker === w && this.parser) {
          this.parser.terminate();
          this.parser = null;
          if (navigator.hardwareConcurrency >= this.parserCores) {
            this.whenIdle(() => {
              if (this.worker === w && !this.parser && !this.parserDown) this.spawnParser(w, true);
            }, 2000);
          }
        }
      } else if (d.fedAck !== undefined) {
        this.acked(this.feeding, w, d.fedAck, d.chunk);
      } else if (d.feedStop !== undefined) {
        const f = this.feeding;
        if (f && f.w === w && f.id === d.feedStop) {
          f.stopped = true;
          if (f.wake) f.wake();
        }
      } else if (d.idle) {
        this.pending = Math.max(0, this.pending - 1);
        this.failures = 0;
        if (this.pending === 0 && this.warmed && this.parser) this.parser.postMessage({ warm: true });
      } else if (d.ended) {
        this.down(d.ended);
      } else {
        // The parser warms up once the engine has (cmd/worker parser).
        if (typeof d.msg === "string" && d.msg.startsWith('{"type":"warm"')) {
          this.warmed = true;
          if (this.parser) this.parser.postMessage({ warm: true });
        }
        this.onMsg(d.msg, d.bytes || null);
      }
    };
    w.onerror = (e) => {
      e.preventDefault();
      if (this.worker === w) this.down({ reason: "crash", detail: e.message || "" });
    };
    this.src = src;
    this.parserDown = false;
    if (navigator.hardwareConcurrency >= this.parserCores) this.spawnParser(w, true);
    this.compile().then(
      (m) => {
        w.postMessage({ module: m });
      },
      (err) => {
        if (this.worker !== w) return;
        this.stop();
        this.onMsg(JSON.stringify({ type: "engine", engine: { reason: "start", detail: String(err) } }), null);
      }
    );
  },

  // spawnParser starts the engine w's parser (see parser), from the
  // engine's script with self.rwParser set; warm: it warms up once the
  // engine has. A parser that ends or fails is not started again
  // (parserDown) until the engine is: the engine then parses every piece
  // and every file itself.
  spawnParser(w, warm) {
    const url = URL.createObjectURL(new Blob(["self.rwParser = true; " + this.src], { type: "text/javascript" }));
    const p = new Worker(url, { name: "parser" });
    this.parser = p;
    const ch = new MessageChannel();
    w.postMessage({ port: ch.port1 }, [ch.port1]);
    p.postMessage({ port: ch.port2 }, [ch.port2]);
    const gone = () => {
      if (this.parser !== p) return;
      this.parser = null;
      this.parserDown = true;
      p.terminate();
      if (this.worker === w) w.postMessage({ parserGone: true });
    };
    p.onmessage = (e) => {
      URL.revokeObjectURL(url);
      const d = e.data;
      if (d.ended) gone();
      else if (d.tailAck !== undefined) this.acked(this.tailFeeding, p, d.tailAck, d.chunk);
    };
    this.compile().then((m) => {
      p.postMessage({ module: m });
      if (warm && this.warmed) p.postMessage({ warm: true });
    }, () => {});
    p.onerror = (e) => {
      e.preventDefault();
      gone();
    };
  },

  // parses tells whether the parser parses piece k of a file: two of
  // every five, from the second on (the engine parses the first, which
  // tells the delimiter, and merges the parser's rows as it comes to them).
  parses(k) {
    return k % 5 === 1 || k % 5 === 3;
  },

  // feedAhead is how many pieces of a file the page sends the engine
  // before the first is acknowledged, and feedBytes their size: the engine
  // parses a piece while the page reads the next ones, and the page never
  // reads more than these ahead of it.
  feedAhead: 4,
  feedBytes: 4 << 20,

  // acked takes a worker's acknowledgement of a piece of the feed f,
  // with the piece's buffer for the next one.
  acked(f, w, id, chunk) {
    if (!f || f.w !== w || f.id !== id) return;
    f.acked++;
    if (chunk && chunk.byteLength === this.feedBytes) f.free.push(chunk);
    if (f.wake) f.wake();
  },

  // feed reads a File for the engine w, which asked for it ({feed: blob,
  // id}), and sends it in pieces ({fed: id, start: {cut}} first, then
  // {fed: id, chunk}, then {fed: id, end} or {fed: id, error}): in the
  // engine's worker a read of the File would wait while the engine parses
  // what has come (web/worker.js, fed). It stops once w is no longer the
  // engine (a Cancel, a new engine).
  //
  // A text file of splitBytes or more, with a parser at hand, is read in
  // two parts at once: the engine gets its bytes up to just past the
  // first line break after the middle (cut), the parser the rest
  // ({tail: id, size}, then {tailFed: id, chunk}, then {tailFed: id,
  // end} or {tailFed: id, error}). rest: the engine asks for the rest of
  // such a file after it was read, into the room it has. gz: the file is
  // gzipped, and the engine gets its content, inflated here by the
  // browser's gzip decoder as it is read (never in two parts).
  async feed(w, blob, id, rest, gz) {
    let cut = 0;
    if (!rest && !gz && navigator.hardwareConcurrency >= this.splitCores && blob.size >= this.splitBytes && this.worker === w && !this.parserDown) {
      const started = !this.parser;
      if (started) this.spawnParser(w, false);
      const p = this.parser;
      cut = await this.cutAt(blob).catch(() => 0);
      if (this.worker !== w || this.parser !== p) cut = 0;
      if (!cut && started && this.parser === p) {
        // Started for this file, which is read whole after all.
        p.terminate();
        this.parser = null;
      }
    }
    const p = this.parser;
    if (!rest) this.cut = cut;
    w.postMessage({ fed: id, start: { cut } });
    const f = { w, id, sent: 0, acked: 0, stopped: false, wake: null, free: [] };
    this.feeding = f;
    const toEngine = {
      live: () => this.worker === w && this.feeding === f && !f.stopped,
      post: (m, transfer) => w.postMessage({ fed: id, ...m }, transfer),
      // Some pieces of a file read whole go to the parser too (parses).
      parser: !cut && !rest && navigator.hardwareConcurrency >= this.parserCores ? p : null,
    };
    if (gz) {
      // The file's chunks go to the decoder in slices of inflateBytes: a
      // chunk of a File the system holds in memory is as large as a MiB,
      // whose inflate alone held a frame back 50-67 ms.
      const step = this.inflateBytes;
      const inflated = () => {
        const slices = new TransformStream({
          transform(chunk, out) {
            for (let at = 0; at < chunk.length; at += step) out.enqueue(chunk.subarray(at, at + step));
          },
        });
        return blob.stream().pipeThrough(slices).pipeThrough(new DecompressionStream("gzip"));
      };
      return this.pump(f, inflated, toEngine);
    }
    if (!cut) return this.pump(f, blob, toEngine);
    const t = { w: p, id, sent: 0, acked: 0, stopped: false, wake: null, free: [] };
    this.tailFeeding = t;
    p.postMessage({ tail: id, size: blob.size - cut });
    const toParser = {
      live: () => this.worker === w && this.parser === p && this.tailFeeding === t,
      post: (m, transfer) => p.postMessage({ tailFed: id, ...m }, transfer),
      parser: null,
    };
    await Promise.all([this.pump(f, blob.slice(0, cut), toEngine), this.pump(t, blob.slice(cut), toParser)]);
    if (this.tailFeeding === t) this.tailFeeding = null;
  },

  // sliceMs is how long the page's reading of a file works before it
  // lets the page paint (pump).
  sliceMs: 8,
  // inflateBytes is the most of a .gz file the page's gzip decoder is
  // given at a time (feed): its inflate takes a few milliseconds.
  inflateBytes: 64 << 10,

  // nextTask settles in a task of its own (a message to itself, which
  // no timer clamps), once the page has had its turn to paint.
  nextTask() {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(0);
    });
  },

  // cutAt is where a file is cut in two (feed): just past the first line
  // break after its middle, or 0 when none comes within a MiB.
  async cutAt(blob) {
    const mid = Math.floor(blob.size / 2);
    const b = new Uint8Array(await blob.slice(mid, mid + (1 << 20)).arrayBuffer());
    const i = b.indexOf(10);
    return i < 0 ? 0 : mid + i + 1;
  },

  // pump reads blob (a Blob, or a function that makes a stream of
  // Uint8Arrays: a .gz file's content as the browser's gzip decoder gives
  // it) in pieces of feedBytes and sends them (to.post), at
  // most feedAhead of them unacknowledged (f, see acked), while to.live().
  // It lets the page paint every sliceMs of its work: a read of a File
  // the system has in memory settles at once, and its chunks, copied in
  // one chain of promises up to the pieces the engines have room for,
  // held a frame back 70-100 ms at the start of a large file.
  async pump(f, blob, to) {
    let reader = null;
    try {
      reader = (blob instanceof Blob ? blob.stream() : blob()).getReader();
      let piece = new Uint8Array(this.feedBytes);
      let filled = 0;
      let slice = performance.now();
      const send = async (last) => {
        while (to.live() && f.sent - f.acked >= this.feedAhead) {
          await new Promise((resolve) => {
            f.wake = resolve;
          });
          f.wake = null;
        }
        if (!to.live()) return false;
        const buf = filled === piece.length ? piece.buffer : piece.buffer.slice(0, filled);
        const k = f.sent;
        const p = to.parser && this.parser === to.parser && this.parses(k) ? to.parser : null;
        if (p) {
          const copy = buf.slice(0);
          p.postMessage({ parse: f.id, k, chunk: copy }, [copy]);
        }
        to.post({ k, p: !!p, chunk: buf }, [buf]);
        f.sent++;
        piece = last ? null : new Uint8Array(f.free.pop() || this.feedBytes);
        filled = 0;
        return true;
      };
      for (;;) {
        const { done, value } = await reader.read();
        if (!to.live()) {
          reader.cancel().catch(() => {});
          return;
        }
        if (done) break;
        for (let at = 0; at < value.length; ) {
          const m = Math.min(value.length - at, piece.length - filled);
          piece.set(value.subarray(at, at + m), filled);
          filled += m;
          at += m;
          if (filled === piece.length && !(await send(false))) {
            reader.cancel().catch(() => {});
            return;
          }
        }
        if (performance.now() - slice > this.sliceMs) {
          await this.nextTask();
          slice = performance.now();
        }
      }
      if (filled > 0 && !(await send(true))) return;
      to.post({ end: true });
    } catch (err) {
      if (to.live()) to.post({ error: String(err && err.message ? err.message : err) });
    } finally {
      if (this.feeding === f) this.feeding = null;
    }
  },

  // stop ends the engine, whatever it is doing.
  stop() {
    if (this.worker) this.worker.terminate();
    if (this.parser) this.parser.terminate();
    this.worker = null;
    this.parser = null;
    this.pending = 0;
  },

  // restart ends the engine and starts a fresh one: how the page cancels
  // work, since Go's WebAssembly cannot be interrupted.
  restart() {
    this.stop();
    this.spawn();
  },

  // maxFailures is how many engines may end in a row, none of them
  // answering a request, before the page stops starting new ones: an
  // engine that ends the same way each time it starts (or each time it
  // gets the shown file back) would otherwise be started for ever.
  maxFailures: 3,

  // down tells the page that the engine ended, and starts another.
  down(ev) {
    this.failures++;
    if (ev.reason === "start" || this.failures >= this.maxFailures) {
      this.stop();
      if (ev.reason !== "start") ev = { reason: "start", detail: ev.detail || ev.reason };
    } else {
      this.restart();
    }
    this.onMsg(JSON.stringify({ type: "engine", engine: ev }), null);
  },

  // watch is the watchdog: work without a sign of life for watchdogMs.
  watch() {
    if (this.worker && this.ready && this.pending > 0 && performance.now() - this.alive > this.watchdogMs) {
      this.down({ reason: "stalled", detail: String(Math.round(this.watchdogMs / 1000)) });
    }
  },

  send(req, buf) {
    this.spawn();
    // The parser's warm-up gives the engine the cores (cmd/worker parser).
    if (this.parser) this.parser.postMessage({ warm: false });
    if (this.pending === 0) this.alive = performance.now();
    this.pending++;
    if (buf instanceof Blob) {
      // The engine reads it, or asks the page to (feed; web/worker.js).
      this.worker.postMessage({ req, blob: buf, feed: true });
    } else if (buf) {
      this.worker.postMessage({ req, bytes: buf }, [buf]);
    } else {
      this.worker.postMessage({ req });
    }
  },

  fetchBytes(url, done) {
    fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(url + ": " + r.status + " " + r.statusText);
        return r.blob();
      })
      .then((b) => done(b, null), (err) => done(null, String(err)));
  },

  // The page's messages in the user's language (web/i18n-LANG.json; the
  // page's WebAssembly carries English only). The file of the language the
  // page will speak is fetched as this script loads, beside app.wasm, so
  // the page usually has it when it first draws; messages(tag, done) hands
  // the page a language's file as text.
  i18nBase: document.currentScript ? new URL(".", document.currentScript.src).href : "",
  i18nLoads: {},
  // guessLanguage mirrors the page's choice (app/ui pageLanguage): the
  // stored one, else the first of the browser's languages it speaks.
  guessLanguage() {
    const speaks = { de: "de", da: "da", nb: "nb", no: "nb", nn: "nb", sv: "sv", fil: "fil", tl: "fil", en: "en" };
    const stored = this.storedLanguage("retention-language");
    if (stored) return stored;
    for (const l of navigator.languages || [navigator.language || "en"]) {
      const s = speaks[String(l).toLowerCase().split("-")[0]];
      if (s) return s;
    }
    return "en";
  },

  messages(tag, done) {
    if (!this.i18nLoads[tag]) {
      this.i18nLoads[tag] = fetch(new URL("i18n-" + tag + ".json", this.i18nBase)).then((r) => {
        if (!r.ok) throw new Error("i18n-" + tag + ".json: " + r.status + " " + r.statusText);
        return r.text();
      });
      this.i18nLoads[tag].catch(() => delete this.i18nLoads[tag]); // the next asks again
    }
    if (done) this.i18nLoads[tag].then((t) => done(t, null), (err) => done(null, String(err)));
  },

  // The language the user chose, remembered on this device (a tag, none
  // of the user's data); storage a browser refuses is simply forgotten.
  storedLanguage(key) {
    try {
      return localStorage.getItem(key) || "";
    } catch (e) {
      return "";
    }
  },

  storeLanguage(key, tag) {
    try {
      localStorage.setItem(key, tag);
    } catch (e) {
      // private mode or a policy: the choice lasts this visit
    }
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

  // painted tells the engine that the page has painted the cards of the
  // report it sent last: its forecast waited for it (web/worker.js).
  painted() {
    if (this.worker) this.worker.postMessage({ painted: true });
  },

  // afterPaint calls fn in a task after the next frame is painted (a
  // frame callback runs before the paint; a task queued from it runs
  // after). A hidden page paints no frames: fn runs after afterPaintMs
  // at the latest.
  afterPaintMs: 100,
  afterPaint(fn) {
    let done = false;
    const once = () => {
      if (!done) {
        done = true;
        fn();
      }
    };
    requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, this.afterPaintMs);
  },

  // warmCharts draws a line and a bar chart of a few points, with the
  // axes, legend, tooltip and title a report's charts have, in an
  // element outside the page's view, and disposes of it.
  warmCharts() {
    if (!window.echarts || this.charts.size > 0) return;
    const el = document.createElement("div");
    el.style.cssText = "position:absolute;left:-10000px;top:0;width:480px;height:320px";
    document.body.appendChild(el);
    try {
      const c = echarts.init(el, null, { renderer: "canvas" });
      c.setOption({
        animation: false,
        title: { text: "warm" },
        legend: {},
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: ["a", "b", "c"] },
        yAxis: { type: "value" },
        series: [
          { name: "x", type: "line", data: [1, 3, 2] },
          { name: "y", type: "bar", stack: "s", data: [2, 1, 3] },
        ],
      });
      c.dispose();
    } finally {
      el.remove();
    }
  },

  // warmLayout lays out the page's warm-up (app/ui warmView: a report's
  // first frames, out of sight) at once, in the task that mounted it, so
  // that the first report's layout finds the fonts and the kinds of
  // controls it uses laid out before. Its ids and data-kpi attributes go
  // first: nothing that looks for the page's elements or cards ever sees
  // these (the page takes the warm-up away at its next render).
  warmLayout() {
    const box = document.querySelector(".warm-up");
    if (!box) return;
    for (const el of box.querySelectorAll("[id], [data-kpi]")) {
      el.removeAttribute("id");
      el.removeAttribute("data-kpi");
    }
    box.getBoundingClientRect();
  },

  // Charts are drawn one per task, so the page keeps painting between them.
  queue: [],
  options: new Map(), // each chart's last option (JSON), for its table
  chart(id, option, pngName) {
    this.options.set(id, option);
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
      // A chart disposed elsewhere has no element any more.
      const dom = c.isDisposed() ? null : c.getDom();
      if (!dom || !dom.isConnected) {
        if (dom) c.dispose();
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
      c.on("updated", () => this.wholeLegend(c));
      this.charts.set(id, c);
      new ResizeObserver(() => this.resizeLater(c)).observe(el);
    }
    const opt = this.fitTitles(c, this.localize(JSON.parse(option)));
    c.setOption(opt, true);
    c.off("finished");
    if ((opt.series || []).some((s) => s.type === "treemap")) c.on("finished", () => this.fitLabels(c));
    el.dataset.drawn = "true";
  },

  // fitLabels hides a treemap label that does not fit its rectangle whole:
  // ECharts would cut it ("Promi…", or the count's line dropped). The
  // name and count stay in the tooltip and in the chart's table.
  fitLabels(c) {
    let hid = false;
    c.getZr().storage.getRoots().forEach(function walk(el) {
      const t = el.getTextContent && el.getTextContent();
      if (t && !t.ignore && t.childrenRef) {
        const whole = String(t.style.text == null ? "" : t.style.text).replace(/\s/g, "");
        const shown = t.childrenRef().map((s) => s.style.text || "").join("").replace(/\s/g, "");
        if (shown !== whole) {
          t.ignore = true;
          hid = true;
        }
      }
      if (el.childrenRef && !el.getTextContent()) el.childrenRef().forEach(walk);
    });
    if (hid) c.getZr().refresh();
  },

  // wholeLegend hides the item that a scrolling legend's page cuts at its
  // right edge: ECharts draws part of it there ("Nov. 20") and starts the
  // next page with it, so each page shows whole names only, and every name
  // is whole on some page (on one page only when the items touch, as the
  // LTV chart's do: app/charts nameIcon). A page's first item stays, even
  // when it is wider than the page: hiding it would leave the page empty.
  // It runs after each update of chart c (an option set, a resize, a page
  // turned, a series switched off), each of which lays the legend out
  // anew, before the frame is painted. A page turned slides to its place,
  // and ECharts puts the items at that place when it starts the slide (its
  // animations' setToFinal), which is the place measured here. The
  // legends are rows (horizontal); a column's items all start at the
  // page's edge, and none is hidden.
  wholeLegend(c) {
    let hid = false;
    for (const root of c.getZr().storage.getRoots()) {
      if (!root.__ecComponentInfo || root.__ecComponentInfo.mainType !== "legend") continue;
      root.traverse((item) => {
        if (item.__legendDataIndex == null || item.ignore) return;
        const content = item.parent;
        const page = content && content.parent && content.parent.getClipPath();
        if (!page) return; // the legend fits: no pages
        // The item and the page in the coordinates of the page's clip.
        const r = item.getBoundingRect();
        const start = r.x + item.x + content.x;
        const end = start + r.width;
        const { x, width } = page.shape;
        const seen = start < x + width && end > x;
        const cut = start < x - 0.5 || end > x + width + 0.5;
        const first = Math.abs(start - x) <= 0.5;
        if (seen && cut && !first) {
          item.ignore = true;
          hid = true;
        }
      });
    }
    if (hid) c.getZr().refresh();
  },

  // table writes chart id's data into the element tableId as an HTML
  // table (a chart's "Show as table"), from the option drawn, so it holds
  // exactly what the chart shows. heads names the first column of charts
  // whose axis has no name: {period, cohort, segment}.
  table(tableId, id, heads) {
    const box = document.getElementById(tableId);
    const option = this.options.get(id);
    if (!box || !option) return;
    const opt = JSON.parse(option);
    const lang = document.documentElement.lang || undefined;
    const fmt = (v) => (typeof v === "number" ? v.toLocaleString(lang) : v == null || v === "-" ? "–" : String(v));
    const val = (d) => (d !== null && typeof d === "object" && !Array.isArray(d) ? d.value : d);
    const series = opt.series || [];
    const x = [].concat(opt.xAxis || [])[0] || {};
    const y = [].concat(opt.yAxis || [])[0] || {};
    let head = [];
    let rows = [];
    if (series[0] && series[0].type === "treemap") {
      head = [heads.segment, series[0].name];
      rows = series[0].data.map((d) => [d.name, d.value]);
    } else if (series[0] && series[0].type === "heatmap") {
      head = [heads.cohort].concat(x.data);
      rows = y.data.map((name) => [name].concat(x.data.map(() => "-")));
      for (const d of series[0].data) rows[val(d)[1]][val(d)[0] + 1] = val(d)[2];
    } else if (y.type === "category") {
      head = [y.name || heads.segment].concat(series.map((s) => s.name));
      rows = (y.data || []).map((name, i) => [name].concat(series.map((s) => val(s.data[i]))));
    } else if (x.type === "category") {
      head = [x.name || heads.period].concat(series.map((s) => s.name));
      rows = (x.data || []).map((name, i) => [name].concat(series.map((s) => val(s.data[i]))));
    } else if (series[0]) {
      head = [x.name, series[0].name];
      rows = series[0].data.map((d) => val(d));
    }
    const table = document.createElement("table");
    table.className = "table";
    const cap = table.createCaption();
    cap.textContent = opt.title && [].concat(opt.title)[0] ? [].concat(opt.title)[0].text : "";
    const tr = table.createTHead().insertRow();
    head.forEach((h, i) => {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = h == null ? "" : String(h);
      if (i > 0) th.className = "num";
      tr.appendChild(th);
    });
    const body = table.createTBody();
    for (const r of rows) {
      const row = body.insertRow();
      r.forEach((v, i) => {
        const cell = document.createElement(i === 0 ? "th" : "td");
        if (i === 0) cell.scope = "row";
        else cell.className = "num";
        cell.textContent = i === 0 ? String(v) : fmt(v);
        row.appendChild(cell);
      });
    }
    box.replaceChildren(table);
  },

  // printReport draws each chart [imgId, option, height] of the printed
  // report (app/ui/print.go) as an image, off the page at the printed
  // width, into its <img>; once they are decoded it marks the page
  // (data-print="ready" on <html>) and opens the print dialog.
  printWidth: 800,
  printReport(list) {
    document.documentElement.dataset.print = "drawing";
    this.loadCharts()
      .then(() => {
        const el = document.createElement("div");
        el.style.cssText = "position:absolute;left:-10000px;top:0";
        document.body.appendChild(el);
        const waits = [];
        try {
          for (const [imgId, option, height] of list) {
            const img = document.getElementById(imgId);
            if (!img) continue;
            const c = echarts.init(el, null, { renderer: "canvas", width: this.printWidth, height });
            c.on("updated", () => this.wholeLegend(c));
            const opt = this.fitTitles(c, this.localize(JSON.parse(option)));
            opt.animation = false;
            c.setOption(opt);
            if ((opt.series || []).some((s) => s.type === "treemap")) this.fitLabels(c);
            img.src = c.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
            c.dispose();
            waits.push(img.decode().catch(() => {}));
          }
        } finally {
          el.remove();
        }
        return Promise.all(waits);
      })
      .then(() => {
        document.documentElement.dataset.print = "ready";
        window.print();
      }, (err) => console.error(err));
  },

  // png saves chart id as a PNG (twice the pixels, on white) named name.
  png(id, name) {
    const c = this.charts.get(id);
    if (!c) return;
    const url = c.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    const bin = atob(url.slice(url.indexOf(",") + 1));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    this.download(name + ".png", "image/png", bytes);
  },

  // The page's locale (a BCP 47 tag such as de-DE): chart axes, tooltips,
  // scales and heatmap cells write numbers as it does (40.000 in German,
  // 40,000 in English).
  // The options are JSON, so the formatters are put in here.
  locale: "en-US",
  setLocale(tag) {
    this.locale = tag || "en-US";
  },

  localize(opt) {
    let nf;
    try {
      nf = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 });
    } catch (e) {
      nf = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
    }
    const num = (v) => (typeof v === "number" ? nf.format(v) : v);
    for (const key of ["xAxis", "yAxis"]) {
      const axes = opt[key] == null ? [] : Array.isArray(opt[key]) ? opt[key] : [opt[key]];
      for (const ax of axes) {
        if (ax.type !== "value" && ax.type !== "log") continue;
        ax.axisLabel = ax.axisLabel || {};
        const f = ax.axisLabel.formatter;
        if (f == null) ax.axisLabel.formatter = num;
        else if (typeof f === "string" && f.includes("{value}")) ax.axisLabel.formatter = (v) => f.split("{value}").join(num(v));
      }
    }
    const tips = opt.tooltip == null ? [] : Array.isArray(opt.tooltip) ? opt.tooltip : [opt.tooltip];
    for (const t of tips) {
      if (t.formatter == null && t.valueFormatter == null) t.valueFormatter = (v) => (Array.isArray(v) ? v.map(num).join(", ") : num(v));
    }
    const maps = opt.visualMap == null ? [] : Array.isArray(opt.visualMap) ? opt.visualMap : [opt.visualMap];
    for (const m of maps) {
      const f = m.formatter;
      if (f == null) m.formatter = (a, b) => (b === undefined ? num(a) : num(a) + " – " + num(b));
      else if (typeof f === "string" && f.includes("{value}")) m.formatter = (v) => f.split("{value}").join(num(v));
    }
    // A heatmap cell shows its label dimension (app/charts: the value, or
    // money in whole units).
    for (const s of [].concat(opt.series || [])) {
      if (s.type === "heatmap" && s.label && s.label.formatter == null) s.label.formatter = (p) => num(p.value[3]);
    }
    return opt;
  },

  // resizeLater redraws a chart at its element's new size in a task of
  // its own: a new report that moves the page's layout resizes every
  // chart at once, which in one task held the page for 80 ms and more.
  resizing: new Set(),
  resizeLater(c) {
    if (this.resizing.has(c)) return;
    this.resizing.add(c);
    setTimeout(() => {
      this.resizing.delete(c);
      if (c.isDisposed()) return;
      c.resize();
      // The titles broken anew at the new width, and what lies under
      // them moved to suit.
      const id = [...this.charts].find(([, ch]) => ch === c)?.[0];
      const option = id && this.options.get(id);
      if (!option) return;
      const opt = this.fitTitles(c, JSON.parse(option));
      const tops = (list, f) => [].concat(list || []).map((o) => (f(o) ? { top: o.top } : {}));
      c.setOption({
        title: [].concat(opt.title || []).map((t) => ({ textStyle: t.textStyle })),
        grid: tops(opt.grid, () => true),
        dataZoom: tops(opt.dataZoom, (z) => z.type === "slider"),
        series: tops(opt.series, (s) => s.top != null),
      });
    }, 0);
  },

  // fitTitles breaks the titles of option opt within chart c's width, less
  // their margins (ECharts breaks a text only at a width in pixels, which
  // the chart knows once it is in the page; resizeLater follows its
  // size): a long title, as German's, ran off a phone's chart. What lies
  // under the titles (a grid, a cohort slider, a Sankey's or a treemap's
  // top, in px) moves down by the lines a title takes beyond its first.
  // A title's lines are set apart by its line height, which it must be
  // given: without one, ECharts set a title's two lines 5 px apart, over
  // each other. It returns opt.
  titleMargins: 16, // 8 px each side (app/charts: the title's left)
  titleLineHeight: 1.25, // × the font's size
  titleWidth(c) {
    return Math.max(0, c.getWidth() - this.titleMargins);
  },
  fitTitles(c, opt) {
    const width = this.titleWidth(c);
    let extra = 0;
    for (const t of [].concat(opt.title || [])) {
      // ECharts' title is bold, 18 px, in sans-serif unless told.
      const ts = Object.assign({ fontSize: 18, fontWeight: "bold", fontFamily: "sans-serif" }, t.textStyle);
      const lh = Math.ceil(ts.fontSize * this.titleLineHeight);
      t.textStyle = Object.assign(ts, { width, overflow: "break", lineHeight: lh });
      extra = Math.max(extra, (this.lineCount(String(t.text || ""), `${ts.fontWeight} ${ts.fontSize}px ${ts.fontFamily}`, width) - 1) * lh);
    }
    if (extra > 0) {
      const down = (o) => {
        if (/^\d+(\.\d+)?$/.test(String(o.top))) o.top = parseFloat(o.top) + extra;
      };
      [].concat(opt.grid || []).forEach(down);
      [].concat(opt.dataZoom || []).filter((z) => z.type === "slider").forEach(down);
      [].concat(opt.series || []).filter((s) => s.type === "sankey" || s.type === "treemap").forEach(down);
    }
    return opt;
  },

  // lineCount is how many lines text takes at width px in font, broken as
  // ECharts breaks it: after the last word that fits, or in a word wider
  // than the line.
  lineCount(text, font, width) {
    const ctx = (this.measure ||= document.createElement("canvas").getContext("2d"));
    ctx.font = font;
    let lines = 1;
    let line = "";
    for (const word of text.split(/(?<=\s)/)) {
      if (ctx.measureText((line + word).trimEnd()).width <= width) {
        line += word;
        continue;
      }
      if (line !== "") lines++;
      line = "";
      for (const ch of word) {
        if (line !== "" && ctx.measureText((line + ch).trimEnd()).width > width) {
          lines++;
          line = "";
        }
        line += ch;
      }
    }
    return lines;
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

{
  const lang = rw.guessLanguage();
  if (lang !== "en") rw.messages(lang);
}
