// Reading chromium's processes from /proc, for the browser benchmarks
// (test/bench-browser.mjs, test/bench-export.mjs): the renderers this
// node process started, and their memory.
import fs from "node:fs";

// descendants lists the processes below pid (chromium's browser, zygotes,
// renderers), read from /proc.
export function descendants(pid) {
  const kids = new Map();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
    } catch {
      continue;
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (!kids.has(ppid)) kids.set(ppid, []);
    kids.get(ppid).push(Number(d));
  }
  const out = [];
  const todo = [pid];
  while (todo.length > 0) {
    for (const k of kids.get(todo.pop()) || []) {
      out.push(k);
      todo.push(k);
    }
  }
  return out;
}

// renderers lists the renderer processes of the chromium this process
// started.
export function renderers() {
  return descendants(process.pid).filter((p) => {
    try {
      return fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes("--type=renderer");
    } catch {
      return false;
    }
  });
}

// memory reads a process's resident set now (VmRSS) and its peak (VmHWM).
export function memory(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k) => Number((new RegExp(`^${k}:\\s+(\\d+) kB`, "m").exec(s) || [])[1]) * 1024;
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return null;
  }
}
