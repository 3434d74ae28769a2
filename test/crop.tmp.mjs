import { chromium } from "playwright-core";
import fs from "node:fs";
const [file, y, h, out, w] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: +(w || 390), height: +h } });
const b64 = fs.readFileSync(file).toString("base64");
await page.setContent(`<body style="margin:0"><img src="data:image/png;base64,${b64}" style="display:block;margin-top:-${y}px"></body>`);
await page.screenshot({ path: out });
await browser.close();
