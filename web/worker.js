// The engine worker: runs worker.wasm (cmd/worker) off the page's thread.
//
// The page (web/glue.js) starts it from a blob: URL that sets self.rwBase
// (the URL of web/) and imports this script: a worker made from a blob:
// URL inherits the page's Content-Security-Policy, so the browser itself
// refuses any request to another origin and any eval from here, on every
// static host. A worker loaded from its own URL would get only the CSP of
// its response headers, which plain static servers do not send.
//
// Messages from the page: first {module} (worker.wasm, compiled once by
// the page and shared by every engine it starts), then requests
// {req: JSON string, blob?: Blob} (a file: the File itself, read here in
// chunks; bytes?: ArrayBuffer is read the same way); a .gz file is
// inflated by the browser's gzip decoder as it reaches the engine (an
// orders file's on the page, as it reads it; a workbook's sheet and shared
// strings here; see receive). Answers:
// {msg: JSON string, bytes?: Uint8Array}, a report's forecast after the
// report (see handle); {idle: true} when a request has been answered (and
// the forecast it left, if it was run);
// {ended: {reason, code, memory, detail}} when the Go program exits or
// fails with a JavaScript error (reason: exit, crash or memory), or
// cannot start (start).
"use strict";
const base = self.rwBase || self.location.href;
importScripts(new URL("wasm_exec.js", base).href);

// No request out of the engine, whatever its origin: it gets the file's
// bytes from the page and needs nothing else. This locks what a script
// could call (the CSP above is what the browser enforces); the names are
// made read-only so that nothing restores them.
(() => {
  const refuse = (what) =>
    function () {
      throw new DOMException(what + " is refused: the engine makes no requests", "SecurityError");
    };
  const lock = (name, value) => {
    Object.defineProperty(self, name, { value, writable: false, configurable: false, enumerable: false });
  };
  lock("fetch", () => Promise.reject(new TypeError("fetch is refused: the engine makes no requests")));
  lock("importScripts", refuse("importScripts"));
  for (const name of ["XMLHttpRequest", "WebSocket", "WebSocketStream", "EventSource", "WebTransport", "Worker", "SharedWorker", "RTCPeerConnection", "caches"]) {
    if (name in self) lock(name, refuse(name));
  }
})();

// The Go program's output (its stderr and stdout): its first fatal line
// ("fatal error: out of memory", "panic: ...") tells why it exited; a
// stack trace follows it.
const decoder = new TextDecoder();
let line = "";
let fatal = "";
let last = "";
const write = globalThis.fs.writeSync.bind(globalThis.fs);
globalThis.fs.writeSync = (fd, buf) => {
  const lines = (line + decoder.decode(buf)).split("\n");
  line = lines.pop().slice(-4096);
  for (const l of lines) {
    if (!fatal && /^(panic: |fatal error: |runtime: out of memory)/.test(l)) fatal = l;
    if (l.trim()) last = l;
  }
  return write(fd, buf);
};

// Memory the engine could not get, in the words of Go's runtime ("fatal
// error: out of memory") and of V8 ("Array buffer allocation failed",
// "WebAssembly.Memory.grow(): Maximum memory size exceeded").
const noMemory = /out of memory|allocation failed|memory size exceeded/i;
let instance = null;

// ended tells the page that the engine cannot go on, and ends it.
function ended(reason, code, detail) {
  if (reason !== "start" && noMemory.test(detail)) reason = "memory";
  const memory = instance ? instance.exports.mem.buffer.byteLength : 0;
  self.postMessage({ ended: { reason, code, memory, detail } });
  self.close();
}

self.retentionPost = (msg, bytes) => {
  if (bytes) {
    self.postMessage({ msg, bytes }, [bytes.buffer]);
  } else {
    self.postMessage({ msg });
  }
};

// maxDeflateRatio is the most deflate inflates one byte to: 1032 (zlib's
// technical details: a 258-byte match coded in about 2 bits). It bounds
// the first buffer a .gz file's trailer may ask for.
const maxDeflateRatio = 1032;

// gzipMin is the smallest gzip file: a 10-byte header and an 8-byte
// trailer (RFC 1952); a shorter one goes to Go's inflate, which words it.
const gzipMin = 18;

// plausibleRatio is the most a .gz file's trailer is believed to grow its
// file by: text exports compress 5 to 20 times (Online Retail's CSV 6
// times); a file that states more is counted before the engine gets room.
const plausibleRatio = 64;

// stageBytes is how much of a stream is collected before it is handed to
// the engine: the browser hands a stream over in chunks of tens of KB, and
// a call into the engine for each would cost more than the copy.
const stageBytes = 4 << 20;

// pour reads a stream of Uint8Arrays into the engine (retentionAppend, in
// pieces of stageBytes), after giving it room for room bytes; it stops at
// the chunk that would pass room, with {over: the bytes read so far}; else
// it returns {n}.
async function pour(stream, room) {
  self.retentionReserve(room);
  const reader = stream.getReader();
  const stage = new Uint8Array(Math.min(stageBytes, Math.max(room, 1)));
  let n = 0;
  let staged = 0;
  const flush = () => {
    if (staged > 0) self.retentionAppend(stage.subarray(0, staged));
    staged = 0;
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      flush();
      return { n };
    }
    if (n + value.length > room) {
      reader.cancel().catch(() => {});
      return { over: n + value.length };
    }
    n += value.length;
    if (staged + value.length > stage.length) flush();
    if (value.length >= stage.length) {
      self.retentionAppend(value);
    } else {
      stage.set(value, staged);
      staged += value.length;
    }
  }
}

// load reads a Blob into the engine through pour: the stream's chunks
// (tens of KB) are copied into one staging buffer that is handed over
// whenever full, so that the worker holds no more than that beside the
// engine's copy. Two other ways were measured on Online Retail x10 (470
// MB; renderer growth at its peak, test/trace-worker.mjs): a slice of 16
// MiB at a time read whole (Blob.arrayBuffer), 1.47 GB even with each
// slice's buffer detached once handed over, against 1.04 GB this way;
// and a BYOB reader refilling one buffer, 1.02 GB, but in Chromium 156 a
// read of it now and then never settled (3 loads of online_retail.xlsx
// in 8 on a loaded machine, mid-file or at its end), which this reader's
// never did (0 in 20).
async function load(blob) {
  const r = await pour(blob.stream(), blob.size);
  if (r.over) throw new Error("the file grew while it was read");
}

// fed reads a Blob into the engine as load does, but the page reads it
// (glue.js feed) and sends it here in pieces of stageBytes, while the
// engine parses the text that has come (retentionReserve with id): a
// worker's own read of a File does not go on while its thread computes,
// so the reading and the parsing could not overlap here. At most a few
// pieces are on their way at a time (the page waits for each one's
// acknowledgement, {fedAck}, which brings the piece's buffer back for
// the next one), so that the page never reads far ahead of the engine. It
// returns once the whole file has come.
//
// Where the page started a parser beside the engine (glue.js parser), it
// also sends it some of the pieces (those marked p), and the parser sends
// what it made of each here through port ({parsed: id, k, piece:
// Uint8Array or null}): the engine takes the pieces in order, each with
// the parser's rows when it has them (retentionAppend), waiting for them
// while the parser is at work, and parsing a piece itself once the parser
// is gone ({parserGone}) or the engine's parse has given up.
//
// A large text file is read in two parts (cmd/worker split.go): the page
// tells, before the first piece ({fed: id, start: {cut}}), that it feeds
// the engine the file's first cut bytes and the parser the rest (its
// tail), which the parser parses and keeps. Once both have their part,
// the engine reads the file, asking the tail through port for what it
// needs of its rows; then the page feeds the engine the rest of the bytes
// (fed with rest), for its reads with other settings.
let feeding = null;
let feeds = 0;
let port = null; // to the parser
let parserLive = false;
// splitting is the file being read in two parts: {cut, tail: a Promise
// of the tail's counts, or null when it has none}, and tailDone its
// resolve, which only the tail of that feed (tailFor) settles.
let splitting = null;
let tailDone = null;
let tailFor = 0; // the feed whose tail tailDone waits for
const asking = new Set(); // the engine's questions to the tail, unanswered

// A .gz file is fed inflated (stated: the size its trailer states): the
// page inflates it with the browser's gzip decoder as it reads it, while
// the engine parses what has come; inflated here, the two would take
// turns on this thread. The feed fails when the content is not of that
// size (receive then inflates it here, and counts it first).
function fed(blob, id, rest, stated) {
  const gz = stated !== undefined;
  return new Promise((resolve, reject) => {
    // pieces: the page's pieces by their number k; parsed: the parser's.
    const size = gz ? stated : blob.size;
    feeding = { id: ++feeds, req: id, rest: !!rest, size, n: 0, room: size, next: 0, pieces: new Map(), parsed: new Map(), end: null, resolve, reject };
    self.postMessage({ feed: blob, id: feeding.id, rest: !!rest, gz });
  });
}

// onFed takes a message of the page's feed: {fed: id, start: {cut}}
// first (cut: the first part's size, or 0 for the whole file), then {fed:
// id, k, p, chunk: ArrayBuffer}, {fed: id, end: true} or {fed: id, error:
// reason}.
function onFed(d) {
  const f = feeding;
  if (!f || f.id !== d.fed) return;
  if (d.start) {
    if (f.rest) return; // into the room the file has
    const cut = d.start.cut > 0 && d.start.cut < f.size ? d.start.cut : 0;
    self.retentionReserve(f.size, f.req, cut);
    splitting = null;
    if (cut) {
      f.room = cut;
      splitting = { cut, tail: new Promise((resolve) => (tailDone = resolve)) };
      tailFor = f.id;
      tailReleased = false;
    }
    return;
  }
  if (d.chunk) {
    f.n += d.chunk.byteLength;
    if (f.n > f.room) {
      feeding = null;
      self.postMessage({ feedStop: d.fed });
      f.reject(new Error("the file grew while it was read"));
      return;
    }
    f.pieces.set(d.k, d);
  } else {
    f.end = d;
  }
  drain(f);
}

// drain hands the pieces that have come to the engine, in order, and ends
// the feed once the page has ended it and every piece is in.
function drain(f) {
  for (let d; (d = f.pieces.get(f.next)); f.next++) {
    let piece = null;
    if (d.p && parserLive && self.retentionComma() !== 0) {
      if (!f.parsed.has(f.next)) return; // the parser is at work on it
      piece = f.parsed.get(f.next);
    }
    f.pieces.delete(f.next);
    f.parsed.delete(f.next);
    if (!call(() => self.retentionAppend(new Uint8Array(d.chunk), piece))) return;
    if (f.next === 0 && port) port.postMessage({ comma: self.retentionComma(), id: f.id });
    // The piece goes back for the page's next one: no garbage piles up
    // here while the engine works (its collector hardly runs then).
    self.postMessage({ fedAck: d.fed, chunk: d.chunk }, [d.chunk]);
  }
  if (!f.end || f.pieces.size > 0 || feeding !== f) return;
  feeding = null;
  if (f.end.error) f.reject(new Error(f.end.error));
  else if (f.n !== f.room) f.reject(new Error("the file changed while it was read"));
  else f.resolve();
}

// The parser's side (self.rwParser): pieces of the engine's feed {parse:
// id, k, chunk} from the page, parsed once the engine has told the
// delimiter ({comma, id} through port; 0 when its parse has given up,
// when the pieces are sent back unparsed), and their rows sent to the
// engine through port.
let comma = { id: 0, c: -1 };
let toParse = [];
function parsePieces() {
  const wait = [];
  for (const d of toParse) {
    if (d.parse !== comma.id) {
      if (d.parse > comma.id) wait.push(d);
      continue;
    }
    let piece = null;
    if (comma.c > 0 && !call(() => (piece = self.retentionParsePiece(new Uint8Array(d.chunk), comma.c)))) return;
    port.postMessage({ parsed: d.parse, k: d.k, piece: piece || null }, piece ? [piece.buffer] : []);
  }
  toParse = wait;
}

// count inflates a stream without keeping it: its size, or {past: the
// bytes so far} once past bound.
async function count(stream, bound) {
  const reader = stream.getReader();
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { n };
    n += value.length;
    if (n > bound) {
      reader.cancel().catch(() => {});
      return { past: n };
    }
  }
}

// gzipOf frames a zip entry's deflate data (e: an entry of
// retentionParts) as a gzip member (RFC 1952: a 10-byte header, the data,
// then the CRC-32 and the size mod 2^32 of the content), so that the
// browser's gzip decoder, as it inflates the entry, checks the CRC-32 and
// size the zip's directory states, as Go's zip reader would.
function gzipOf(blob, e) {
  const head = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255); // deflate, no flags, no time, unknown OS
  const tail = new DataView(new ArrayBuffer(8));
  tail.setUint32(0, e.crc, true);
  tail.setUint32(4, e.size % 2 ** 32, true);
  return new Blob([head, blob.slice(e.at, e.at + e.compressed), tail]);
}

// parts are the entries of the workbook on its way to the engine that
// inflateParts inflated, by the offset of their deflate data: each in
// pieces of stageBytes (the last one shorter), in this worker's memory,
// not the engine's (which never shrinks, and would hold Online Retail's
// 248 MB of sheet for good). The engine reads them as it reads the
// workbook (retentionPartBytes), lets a sheet's go as its last read goes
// (retentionPartForget), each once read to its end, and the others once it
// has answered (retentionPartDrop). The decoder's own chunks (64 KB) are
// not kept: their memory, freed, stays with the browser's allocator,
// where the pieces' is given back to the system.
const parts = new Map();

self.retentionPartBytes = (at, off, n) => {
  const pieces = parts.get(at);
  const k = Math.floor(off / stageBytes);
  if (!pieces || k >= pieces.length || !pieces[k]) return new Uint8Array(0);
  const from = off - k * stageBytes;
  return pieces[k].subarray(from, from + n);
};

// free gives a piece's memory back at once: its buffer is detached
// (ArrayBuffer.prototype.transfer(0) frees it now; the garbage collector
// does not run while the engine works, and kept the sheet's 248 MB beside
// the engine's growing memory until the report was made).
function free(pieces, k) {
  if (pieces[k] && pieces[k].buffer.transfer) pieces[k].buffer.transfer(0);
  pieces[k] = null;
}

// retentionPartForget(at, n): the engine will not read the part's bytes
// before n again (the last read of a sheet, as it goes).
self.retentionPartForget = (at, n) => {
  const pieces = parts.get(at);
  for (let k = 0; pieces && k < Math.floor(n / stageBytes); k++) free(pieces, k);
};

self.retentionPartDrop = (at) => {
  for (const [k, pieces] of parts) {
    if (at !== undefined && k !== at) continue;
    for (let i = 0; i < pieces.length; i++) free(pieces, i);
    parts.delete(k);
  }
};

// inflatePart inflates an entry (e: one of retentionParts) with the
// browser's gzip decoder (see gzipOf) into pieces of stageBytes; null when
// it inflates to more or fewer bytes than e.size. The decoder throws when
// the CRC-32 or the size mod 2^32 are not the entry's, or when the data
// is not deflate data.
async function inflatePart(blob, e) {
  const reader = gzipOf(blob, e).stream().pipeThrough(new DecompressionStream("gzip")).getReader();
  const pieces = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return n === e.size ? pieces : null;
    if (n + value.length > e.size) {
      reader.cancel().catch(() => {});
      return null;
    }
    for (let at = 0; at < value.length; ) {
      const k = Math.floor(n / stageBytes);
      if (k === pieces.length) pieces.push(new Uint8Array(Math.min(stageBytes, e.size - n)));
      const from = n - k * stageBytes;
      const m = Math.min(value.length - at, stageBytes - from);
      pieces[k].set(value.subarray(at, at + m), from);
      at += m;
      n += m;
    }
  }
}

// inflateParts inflates, with the browser's decoder, the entries of a
// workbook the engine has received (blob) that reading it for req
// inflates whole (retentionParts: its sheet and shared strings), so that
// the engine reads them as they are (parts) and inflates nothing itself.
// An entry whose CRC-32 or size is not the directory's, or that the
// decoder refuses, is left to the engine, which inflates it and words
// what is wrong as the command line does. It returns {parts: [{at,
// size}]} for the entries inflated, or null.
async function inflateParts(blob, req) {
  self.retentionPartDrop();
  if (typeof DecompressionStream !== "function" || !self.retentionParts) return null;
  const done = [];
  for (const e of self.retentionParts(req || "")) {
    try {
      const pieces = await inflatePart(blob, e);
      if (pieces) {
        parts.set(e.at, pieces);
        done.push({ at: e.at, size: e.size });
      }
    } catch (err) {
      // A damaged entry: the engine's own inflate reads it.
    }
  }
  return done.length ? { parts: done } : null;
}

// receive reads a file (a Blob: the File the user chose, or a fetched
// sample) into the engine in chunks, so that its bytes are never whole in
// this worker's memory beside the engine's copy (Online Retail x10 is
// 470 MB). A .gz file is inflated as it streams, by the browser's gzip
// decoder, into room of the size its trailer states (ISIZE, RFC 1952, the
// content's size modulo 2^32): an orders file's by the page as it reads it
// (fed), whose pieces the engine parses as they come, any other here; a
// trailer that states more than the engine's bound or an implausible
// ratio, or that the content passes or falls short of, is not believed:
// the content is then counted here without being kept, and a file past
// the bound never reaches the engine's memory. A workbook's entries
// that the engine would inflate whole are inflated here too, after the
// workbook (see inflateParts). It returns what the engine gets beside the
// bytes: null, {inflated: true}, {parts: [{at, size}]}, {past: n}
// (worded by the engine as a file past its bound) or {unreadable: reason}
// (the File moved or changed since it was chosen). A .gz file the
// browser's decoder refuses (or a browser without one) goes to the engine
// as it is: Go's own inflate reads it, or words the damage as the command
// line does.
async function receive(blob, req, feed) {
  const bound = self.retentionInflateBound;
  const inflate = () => blob.stream().pipeThrough(new DecompressionStream("gzip"));
  try {
    let gz = false;
    let stated = 0;
    if (blob.size >= gzipMin && typeof DecompressionStream === "function" && bound) {
      const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
      if (head[0] === 0x1f && head[1] === 0x8b) {
        gz = true;
        stated = new DataView(await blob.slice(blob.size - 4).arrayBuffer()).getUint32(0, true);
      }
    }
    if (gz) {
      try {
        if (stated <= bound && stated <= blob.size * plausibleRatio) {
          if (feed !== undefined && stated > 0) {
            // Inflated by the page as the engine parses it (fed); a
            // content of another size, or one the page's decoder refused,
            // is inflated here after all.
            if (await fed(blob, feed, false, stated).then(() => true, () => false)) return { inflated: true };
          } else {
            const r = await pour(inflate(), stated);
            if (!r.over) return { inflated: true };
          }
        }
        const c = await count(inflate(), bound);
        if (c.past) return { past: c.past };
        const r = await pour(inflate(), c.n);
        if (!r.over) return { inflated: true };
      } catch (err) {
        // A damaged gzip, or one of several members (the decoder refuses
        // data after the first): Go's inflate reads or words it.
      }
    }
    if (feed !== undefined) {
      // An orders file that is no workbook: the page reads it while the
      // engine parses it (fed). A workbook (a zip: PK and a local file
      // header, or an empty zip's directory end, as the engine tells it)
      // is read here, its entries inflated after it (inflateParts).
      const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
      const zip = head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
      if (!zip) {
        await fed(blob, feed);
        return null;
      }
    }
    await load(blob);
    return await inflateParts(blob, req).catch(() => null);
  } catch (err) {
    return { unreadable: String(err && err.message ? err.message : err) };
  }
}

// call calls into the engine; a trap in the WebAssembly (memory that
// cannot grow, a bug) ends it, as the Go program cannot go on.
function call(fn) {
  try {
    fn();
    return true;
  } catch (err) {
    ended("crash", 0, String(err && err.message ? err.message : err));
    return false;
  }
}

// A report is answered as soon as its figures are computed; its forecast
// follows (the engine posts it) once no other request waits: a newer
// report makes it useless, and a list or an export that needs it
// computes it first. The requests that came while the engine worked are
// queued by a task of their own, so the worker yields one first.
const yieldTask = () => new Promise((resolve) => setTimeout(resolve, 0));

// untilPainted settles once the page has painted the cards of the report
// just posted ({painted}), or after paintedMs: on two cores a forecast
// begun at once shared them with the page while it mounted the cards
// (some 0.1 s from the report to the cards of Online Retail). A {painted}
// that came before the wait began ends it after one task (yieldTask), as
// the requests queued meanwhile must be counted first.
const paintedMs = 400;
let paintedEnd = null;
let paintedEarly = false;
function untilPainted() {
  if (paintedEarly) {
    paintedEarly = false;
    return yieldTask();
  }
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      paintedEnd = null;
      resolve();
    };
    const timer = setTimeout(done, paintedMs);
    paintedEnd = done;
  });
}
function onPainted() {
  if (paintedEnd) paintedEnd();
  else paintedEarly = true;
}

async function handle(d) {
  waiting--;
  paintedEarly = false; // of a report before this request's
  if (!self.retentionHandle || exited) return;
  const blob = d.blob || (d.bytes ? new Blob([d.bytes]) : null);
  // A File the page can read for the engine (d.feed), for a request that
  // loads it: feed is the request's id (see fed).
  let feed;
  if (d.blob && d.feed) {
    try {
      const r = JSON.parse(d.req);
      if (r.type === "load" && Number.isInteger(r.id)) feed = r.id;
    } catch (err) {
      // The engine words a request it cannot read.
    }
  }
  const gz = blob ? await receive(blob, d.req, feed) : null;
  const sp = splitting;
  splitting = null;
  if (sp) {
    // The first part of a file read in two parts: once the tail has its
    // part, the engine reads both; else, or when the parts cannot be
    // read apart, it reads the whole file once its rest has come.
    const counts = await sp.tail;
    let r = null;
    if (counts && !call(() => (r = self.retentionHandle(d.req, true, null, counts)))) return;
    r = r ? await r : { whole: true };
    self.retentionTailDone();
    self.postMessage({ splitEnd: { whole: !!r.whole } });
    let unreadable = null;
    try {
      await fed(blob.slice(sp.cut), feed, true);
    } catch (err) {
      unreadable = { unreadable: String(err && err.message ? err.message : err) };
    }
    if (r.whole) {
      if (!call(() => self.retentionHandle(d.req, !unreadable, unreadable))) return;
    } else if (!call(() => self.retentionWhole())) return;
  } else if (!call(() => self.retentionHandle(d.req, !!blob, gz))) return;
  if (self.retentionPending()) {
    await untilPainted();
    if (waiting === 0 && !exited && !call(() => self.retentionForecast())) return;
  }
  self.postMessage({ idle: true });
}

// retentionAsk sends the tail one of the engine's questions (see fed);
// the answer comes back through port to retentionAnswer.
self.retentionAsk = (id, bytes) => {
  if (!port || !parserLive) {
    setTimeout(() => self.retentionAnswer(id, null, "no second worker"), 0);
    return;
  }
  asking.add(id);
  port.postMessage({ ask: id, req: bytes }, [bytes.buffer]);
};

// retentionTailDone tells the page that the tail is needed no more: the
// engine has read its rows (or reads the whole file itself). Once.
let tailReleased = true;
self.retentionTailDone = () => {
  if (tailReleased) return;
  tailReleased = true;
  self.postMessage({ splitDone: true });
};

// tailGone answers the engine's questions to a tail that is gone.
function tailGone(why) {
  if (tailDone) tailDone(null);
  tailDone = null;
  for (const id of asking) self.retentionAnswer(id, null, why);
  asking.clear();
}

// The tail's side (the parser): its part of the file from the page
// ({tail: id, size}, then {tailFed: id, chunk}, {tailFed: id, end: true}
// or {tailFed: id, error}), each piece acknowledged to the page ({tailAck:
// id, chunk}); the delimiter from the engine ({comma, id} through port);
// then the engine's questions ({ask: id, req} through port).
let tail = null; // {id} of the part being read
let tailChain = Promise.resolve();
function onTail(d) {
  self.retentionAsked = true; // the warm-up stops
  tailChain = tailChain.then(() => started).then(() => {
    if (exited) return;
    if (d.tail !== undefined) {
      tail = { id: d.tail };
      call(() => self.retentionTailReserve(d.size));
      if (comma.id === tail.id && comma.c >= 0) call(() => self.retentionTailComma(comma.c));
      return;
    }
    if (!tail || tail.id !== d.tailFed) return;
    if (d.chunk) {
      call(() => self.retentionTailAppend(new Uint8Array(d.chunk)));
      self.postMessage({ tailAck: d.tailFed, chunk: d.chunk }, [d.chunk]);
      return;
    }
    let r = { error: d.error || "" };
    if (d.end && !call(() => (r = self.retentionTailEnd()))) return;
    if (port) port.postMessage(r.error !== undefined ? { tailFailed: d.tailFed, why: r.error } : { tailReady: d.tailFed, counts: r });
  });
}

// onAsk answers one of the engine's questions to the tail.
function onAsk(x) {
  tailChain = tailChain.then(() => {
    let r = null;
    if (!call(() => (r = self.retentionTailHandle(new Uint8Array(x.req))))) return;
    if (r instanceof Uint8Array) port.postMessage({ answer: x.ask, bytes: r }, [r.buffer]);
    else port.postMessage({ answer: x.ask, error: String(r && r.error) });
  });
}

// Requests are answered one after the other, in the order they came, once
// the Go program has started (a .gz file is inflated before its request
// goes to the engine, and the requests after it wait); waiting counts
// those not begun.
let exited = false;
let goStarted;
const started = new Promise((resolve) => {
  goStarted = resolve;
});
let chain = started;
let waiting = 0;

self.onmessage = (e) => {
  if (e.data.module) {
    start(e.data.module);
    return;
  }
  const d = e.data;
  if (d.fed !== undefined) {
    onFed(d);
    return;
  }
  if (d.port) {
    port = d.port;
    parserLive = true;
    port.onmessage = (m) => {
      const x = m.data;
      if (x.comma !== undefined) {
        // (the parser's side)
        if (x.id >= comma.id) comma = { id: x.id, c: x.comma };
        started.then(parsePieces);
        tailChain = tailChain.then(() => {
          if (tail && tail.id === x.id && !exited) call(() => self.retentionTailComma(x.comma));
        });
      } else if (x.ask !== undefined) {
        onAsk(x); // (the parser's side)
      } else if (x.answer !== undefined) {
        if (asking.delete(x.answer)) self.retentionAnswer(x.answer, x.bytes || null, x.error || "");
      } else if (x.tailReady !== undefined || x.tailFailed !== undefined) {
        // (the engine's side) of the file being read in two parts only
        if (tailDone && (x.tailReady ?? x.tailFailed) === tailFor) {
          tailDone(x.tailReady !== undefined ? x.counts : null);
          tailDone = null;
        }
      } else if (feeding && feeding.id === x.parsed) {
        feeding.parsed.set(x.k, x.piece);
        drain(feeding);
      }
    };
    return;
  }
  if (d.parserGone) {
    parserLive = false;
    tailGone("the second worker ended");
    if (feeding) drain(feeding);
    return;
  }
  if (d.tail !== undefined || d.tailFed !== undefined) {
    onTail(d);
    return;
  }
  if (d.painted) {
    onPainted();
    return;
  }
  if (d.warm !== undefined) {
    // (the parser's side) {warm: true} when the engine is warm and idle,
    // {warm: false} when it is asked for something: see cmd/worker parser.
    self.retentionAsked = !d.warm;
    if (d.warm) {
      started.then(() => {
        if (!exited && !self.retentionAsked && self.retentionWarmUp) self.retentionWarmUp();
      });
    }
    return;
  }
  if (d.parse !== undefined) {
    toParse.push(d);
    started.then(parsePieces);
    return;
  }
  // The engine's warm-up stops at its next step (cmd/worker).
  self.retentionAsked = true;
  waiting++;
  chain = chain.then(() => handle(d)).catch((err) => ended("crash", 0, String(err && err.message ? err.message : err)));
};

async function start(module) {
  const go = new Go();
  let code = 0;
  go.exit = (c) => {
    code = c;
  };
  try {
    instance = await WebAssembly.instantiate(module, go.importObject);
  } catch (err) {
    ended("start", 0, String(err));
    return;
  }
  // run resolves when the Go program exits; main has registered
  // retentionHandle by the time it returns.
  const exit = go.run(instance);
  goStarted();
  await exit;
  exited = true;
  ended("exit", code, fatal || last || line);
}
