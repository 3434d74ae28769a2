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
// {req: JSON string, bytes?: ArrayBuffer}. Answers: {msg: JSON string,
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

const queue = [];
self.retentionPost = (msg, bytes) => {
  if (bytes) {
    self.postMessage({ msg, bytes }, [bytes.buffer]);
  } else {
    self.postMessage({ msg });
  }
};

function handle(d) {
  try {
    self.retentionHandle(d.req, d.bytes ? new Uint8Array(d.bytes) : null);
  } catch (err) {
    // A trap in the WebAssembly (memory that cannot grow, a bug): the Go
    // program cannot go on.
    ended("crash", 0, String(err && err.message ? err.message : err));
    return;
  }
  self.postMessage({ idle: true });
}

self.onmessage = (e) => {
  if (e.data.module) {
    start(e.data.module);
  } else if (self.retentionHandle) {
    handle(e.data);
  } else {
    queue.push(e.data);
  }
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
  const exited = go.run(instance);
  while (queue.length > 0 && !go.exited) {
    handle(queue.shift());
  }
  await exited;
  ended("exit", code, fatal || last || line);
}
