// Runs the worker module in headless Chromium as the app would. It
// builds the module with the wasm-release profile and wasm-bindgen
// --target no-modules, and writes the loader shim that Trunk's
// data-loader-shim writes. It then serves it on a loopback port, imports
// a fixture and exports the bulletin through the worker's messages, and
// prints the timings.
//
// Run from the repository root after `npm ci`:
//   node crates/sheets-worker/browser/check.mjs
// Exits non-zero when a check fails. Needs /usr/bin/chromium (or
// CHROMIUM_PATH) and wasm-bindgen on PATH.

import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, extname } from "node:path";
import { chromium } from "playwright-core";

const root = process.cwd();
const name = "dukao-sheets-worker";
const out = mkdtempSync(join(tmpdir(), "sheets-worker-"));

execFileSync(
  "cargo",
  [
    "build", "--target", "wasm32-unknown-unknown",
    "--profile", "wasm-release", "-p", name,
  ],
  { stdio: "inherit" },
);
execFileSync(
  "wasm-bindgen",
  [
    "--target", "no-modules", "--out-dir", out, "--out-name", name,
    join(root, "target/wasm32-unknown-unknown/wasm-release/dukao_sheets_worker.wasm"),
  ],
  { stdio: "inherit" },
);
writeFileSync(
  join(out, `${name}_loader.js`),
  `importScripts("./${name}.js");wasm_bindgen("./${name}_bg.wasm");`,
);
for (const doc of ["scheme", "figures", "ledger", "supervision"]) {
  copyFileSync(join(root, `data/demo/${doc}.json`), join(out, `${doc}.json`));
}
copyFileSync(
  join(root, "crates/sheets/tests/fixtures/merged-header.xlsx"),
  join(out, "fixture.xlsx"),
);
writeFileSync(
  join(out, "index.html"),
  `<!doctype html><meta charset="utf-8"><script type="module">
  const text = (p) => fetch(p).then((r) => r.text());
  const [scheme, figures, ledger, supervision] = await Promise.all(
    ["scheme", "figures", "ledger", "supervision"].map((d) => text(d + ".json")));
  const bytes = await fetch("fixture.xlsx").then((r) => r.arrayBuffer());
  const started = performance.now();
  const worker = new Worker("${name}_loader.js");
  const replies = [];
  const waiters = new Map();
  worker.onmessage = ({ data }) => {
    replies.push({ type: data.type, stage: data.stage, at: performance.now() - started });
    const waiter = waiters.get(data.type === "ready" ? "ready" : data.id);
    if (waiter && data.type !== "progress") waiter(data);
  };
  const wait = (key) => new Promise((resolve) => waiters.set(key, resolve));
  await wait("ready");
  const loaded = performance.now() - started;
  const matchStart = performance.now();
  worker.postMessage({ id: 1, op: "match", fileName: "fixture.xlsx", bytes,
    scheme, figures, period: "2022-12" }, [bytes]);
  const matched = await wait(1);
  const matchMs = performance.now() - matchStart;
  worker.postMessage({ id: 2, op: "export", kind: "bulletin", format: "xlsx",
    scheme, figures, ledger, supervision, period: "2022-12" });
  const exported = await wait(2);
  const result = JSON.parse(matched.json);
  window.done = {
    loaded, matchMs, replies,
    ok: result.ok, ready: result.ready,
    entries: result.request ? result.request.entries.length : 0,
    exportType: exported.type,
    exportBytes: exported.bytes ? exported.bytes.length : 0,
    exportMagic: exported.bytes ? Array.from(exported.bytes.slice(0, 2)) : [],
  };
</script>`,
);

const types = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
};
const server = createServer((req, res) => {
  const { pathname } = new URL(req.url, "http://127.0.0.1");
  const path = join(out, decodeURIComponent(pathname));
  try {
    const body = readFileSync(path);
    const type = types[extname(path)] || "application/octet-stream";
    res.writeHead(200, { "content-type": type });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/index.html`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
let failed = false;
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.done, null, { timeout: 60_000 });
  const done = await page.evaluate(() => window.done);
  console.log(JSON.stringify(done, null, 2));
  const checks = [
    ["match ok", done.ok === true],
    ["match ready", done.ready === true],
    ["75 entries", done.entries === 75],
    ["progress stages", ["reading", "matching", "preview"].every(
      (s) => done.replies.some((r) => r.stage === s))],
    ["export result", done.exportType === "result"],
    ["xlsx bytes", done.exportMagic[0] === 0x50 && done.exportMagic[1] === 0x4b],
  ];
  for (const [label, passed] of checks) {
    console.log(`${passed ? "ok" : "FAILED"}: ${label}`);
    failed ||= !passed;
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
