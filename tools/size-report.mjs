// Prints the brotli size (quality 11, as tools/post-build.mjs writes the
// .br files) of each file the home screen loads from dist/, and their sum
// against the first-screen budget of 350 KB.
//
// The home screen loads index.html, the stylesheet, js/boot.js, the
// home screen's build (dukao-home: its wasm-bindgen script and wasm
// module), plus the four data documents. The whole app (dukao), which
// every other path starts, and ECharts, which js/boot.js loads only when
// a chart appears, are listed apart.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const BUDGET_BYTES = 350 * 1024;
const dist = process.argv[2] || "dist";

function brotliSize(bytes) {
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
}

async function measure(file) {
  const bytes = await readFile(join(dist, file));
  return { file, raw: bytes.length, brotli: brotliSize(bytes) };
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`.padStart(10);
}

function printRow(row) {
  console.log(`${kib(row.raw)} ${kib(row.brotli)}  ${row.file}`);
}

const names = await readdir(dist);
const pick = (pattern) => names.filter((name) => pattern.test(name));
const firstLoad = [
  "index.html",
  ...pick(/^main-[0-9a-f]+\.css$/),
  ...pick(/^boot-[0-9a-f]+\.js$/),
  ...pick(/^dukao-home-[0-9a-f]+\.js$/),
  ...pick(/^dukao-home-[0-9a-f]+_bg\.wasm$/),
];
const wholeApp = [
  ...pick(/^dukao-[0-9a-f]+\.js$/),
  ...pick(/^dukao-[0-9a-f]+_bg\.wasm$/),
];
let dataFiles = [];
try {
  dataFiles = (await readdir(join(dist, "data")))
    .filter((name) => name.endsWith(".json"))
    .map((name) => `data/${name}`);
} catch (error) {
  if (error.code !== "ENOENT") throw error;
}
const echarts = pick(/^echarts-[0-9a-f]+\.js$/);

const rows = await Promise.all([...firstLoad, ...dataFiles].map(measure));
const appRows = await Promise.all(wholeApp.map(measure));
const chartRows = await Promise.all(echarts.map(measure));
if (rows.length < 9 || appRows.length < 2) {
  console.error(
    "size-report: dist/ lacks a build of the home screen or of the app",
  );
  process.exit(1);
}

console.log(`${"raw".padStart(10)} ${"brotli".padStart(10)}  file`);
rows.forEach(printRow);
const total = rows.reduce((sum, row) => sum + row.brotli, 0);
console.log(`${"".padStart(10)} ${kib(total)}  home screen, total`);
console.log(
  `${"".padStart(10)} ${kib(BUDGET_BYTES)}  budget ` +
    `(${total <= BUDGET_BYTES ? "within" : "OVER"})`,
);
console.log("other screens also load:");
appRows.forEach(printRow);
chartRows.forEach(printRow);
