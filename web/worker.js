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
// {req: JSON string, bytes?: ArrayBuffer}; a .gz file's bytes are
// inflated here, by the browser's gzip decoder, before they reach the
// engine (see inflated). Answers: {msg: JSON string,
// bytes?: Uint8Array}; {idle: true} when a request has been answered;
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

// gunzip inflates a .gz file with the browser's gzip decoder, as it
// streams, into one buffer: sized first from the size the gzip trailer
// states (ISIZE, RFC 1952, the content's size modulo 2^32; only a hint),
// grown by doubling. It stops past bound bytes: {past: the bytes
// inflated so far}; else {bytes}. A damaged gzip, or one of several
// members (the decoder refuses data after the first), rejects.
async function gunzip(src, bound) {
  const stated = new DataView(src.buffer, src.byteOffset, src.byteLength).getUint32(src.byteLength - 4, true);
  let out = new Uint8Array(Math.max(1 << 16, Math.min(stated, bound, src.byteLength * maxDeflateRatio)));
  let n = 0;
  const reader = new Blob([src]).stream().pipeThrough(new DecompressionStream("gzip")).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (n + value.length > bound) {
      reader.cancel().catch(() => {});
      return { past: n + value.length };
    }
    if (n + value.length > out.length) {
      const grown = new Uint8Array(Math.min(bound, Math.max(2 * out.length, n + value.length)));
      grown.set(out.subarray(0, n));
      out = grown;
    }
    out.set(value, n);
    n += value.length;
  }
  return { bytes: out.subarray(0, n) };
}

// gzipMin is the smallest gzip file: a 10-byte header and an 8-byte
// trailer (RFC 1952); a shorter one goes to Go's inflate, which words it.
const gzipMin = 18;
const isGzip = (b) => b.length >= gzipMin && b[0] === 0x1f && b[1] === 0x8b;

// inflated is what the engine gets for a file's bytes: a .gz file
// inflated here ({bytes, gz: {inflated: true}}, or {gz: {past: n}} past
// the engine's bound, which the engine words as a file past its bound),
// any other file as it is. A .gz file the browser's decoder refuses (or
// a browser without one) goes to the engine as it is: Go's own inflate
// reads it, or words the damage as the command line does.
async function inflated(bytes) {
  const bound = self.retentionInflateBound;
  if (!bytes || !isGzip(bytes) || typeof DecompressionStream !== "function" || !bound) return { bytes };
  try {
    const r = await gunzip(bytes, bound);
    return r.past ? { bytes: null, gz: { past: r.past } } : { bytes: r.bytes, gz: { inflated: true } };
  } catch (err) {
    return { bytes };
  }
}

async function handle(d) {
  if (!self.retentionHandle || exited) return;
  const f = await inflated(d.bytes ? new Uint8Array(d.bytes) : null);
  try {
    self.retentionHandle(d.req, f.bytes, f.gz);
  } catch (err) {
    // A trap in the WebAssembly (memory that cannot grow, a bug): the Go
    // program cannot go on.
    ended("crash", 0, String(err && err.message ? err.message : err));
    return;
  }
  self.postMessage({ idle: true });
}

// Requests are answered one after the other, in the order they came, once
// the Go program has started (a .gz file is inflated before its request
// goes to the engine, and the requests after it wait).
let exited = false;
let goStarted;
const started = new Promise((resolve) => {
  goStarted = resolve;
});
let chain = started;

self.onmessage = (e) => {
  if (e.data.module) {
    start(e.data.module);
    return;
  }
  const d = e.data;
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
