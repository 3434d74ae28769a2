// serveWorkbench starts `workbench serve` on a free port for a built site
// (dir, as make static writes it, served at prefix), for the browser
// tests and benchmarks; it resolves to {url, proc} once the server says
// its address (localhost written 127.0.0.1, the address chromium reaches).
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

export function serveWorkbench(dir = path.join(root, "dist"), prefix = "/") {
  return new Promise((resolve, reject) => {
    const p = spawn(path.join(root, "bin", "workbench"), ["serve", "-dir", dir, "-addr", "127.0.0.1:0", "-prefix", prefix], { stdio: ["ignore", "pipe", "inherit"] });
    p.stdout.on("data", (b) => {
      const m = String(b).match(/http:\/\/\S+/);
      if (m) resolve({ url: m[0].replace("localhost", "127.0.0.1"), proc: p });
    });
    p.on("exit", (code) => reject(new Error("workbench serve exited " + code)));
  });
}
