// The engine worker: runs worker.wasm (cmd/worker) off the page's thread.
// Messages from the page are {req: JSON string, bytes?: ArrayBuffer}; the
// answers are {msg: JSON string, bytes?: Uint8Array}.
importScripts("wasm_exec.js");

const queue = [];
self.retentionPost = (msg, bytes) => {
  if (bytes) {
    self.postMessage({ msg, bytes }, [bytes.buffer]);
  } else {
    self.postMessage({ msg });
  }
};

self.onmessage = (e) => {
  if (self.retentionHandle) {
    self.retentionHandle(e.data.req, e.data.bytes ? new Uint8Array(e.data.bytes) : null);
  } else {
    queue.push(e.data);
  }
};

(async () => {
  const go = new Go();
  try {
    const url = new URL("worker.wasm", self.location.href);
    const { instance } = await WebAssembly.instantiateStreaming(fetch(url), go.importObject);
    go.run(instance);
    while (queue.length > 0) {
      const d = queue.shift();
      self.retentionHandle(d.req, d.bytes ? new Uint8Array(d.bytes) : null);
    }
  } catch (err) {
    self.postMessage({ msg: JSON.stringify({ type: "error", id: 0, message: "The engine could not start: " + err }) });
  }
})();
