// Trunk post-build hook: finishes the staged dist/ before Trunk moves it
// into place.
//
// 1. Renames echarts.min.js and the two builds of the app (dukao-home and
//    dukao) to content-hashed names, so that servers can give them the
//    long cache lifetime of hashed assets, and points index.html's meta
//    tags at them. Trunk leaves the builds unhashed because js/boot.js,
//    not Trunk's loader, starts them.
// 2. Writes the service worker's precache manifest (every file of the
//    build but the spreadsheet worker, and a version derived from their
//    contents) into sw.js.
// 3. Writes brotli (.br) and gzip (.gz) copies of compressible files for
//    servers that serve precompressed files.
import { createHash } from "node:crypto";
import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error(
    "post-build: TRUNK_STAGING_DIR is not set; run this through " +
      "`trunk build`, which sets it for hooks",
  );
  process.exit(1);
}

const PLACEHOLDER = "self.__DUKAO_PRECACHE__";
// The spreadsheet import and export worker (over 500 KB brotli) loads
// only when someone imports or exports, so installing the app must not
// fetch it. The service worker caches it at runtime after first use.
const LAZY = /^dukao-sheets-worker[^/]*$/;
// public/api/session is the response to the app's session check on a
// static host (plain text, which the app reads as "no backend"). The
// service worker must not cache it, so the server's own handler responds.
const NOT_CACHED = /^api\//;
const COMPRESSIBLE = /\.(html|js|css|wasm|json|webmanifest|svg|txt)$/;

function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .map((path) => relative(dir, path).split(sep).join("/"))
    .filter((path) => !path.endsWith(".br") && !path.endsWith(".gz"))
    .sort();
}

async function hashECharts() {
  const source = join(staging, "echarts.min.js");
  const bytes = await readFile(source);
  const name = `echarts-${sha256(bytes).slice(0, 16)}.js`;
  await rename(source, join(staging, name));

  const indexPath = join(staging, "index.html");
  const html = await readFile(indexPath, "utf8");
  if (!html.includes("echarts.min.js")) {
    throw new Error(
      "post-build: index.html has no reference to echarts.min.js; " +
        'keep the <meta name="dukao-echarts"> tag in index.html',
    );
  }
  await writeFile(indexPath, html.replaceAll("echarts.min.js", name));
  return name;
}

// Renames `${name}.js` and `${name}_bg.wasm` to names with the hash of
// both, and rewrites the meta tag `<meta name="${meta}">` to the script's.
async function hashModule(name, meta) {
  const script = join(staging, `${name}.js`);
  const wasm = join(staging, `${name}_bg.wasm`);
  const digest = createHash("sha256");
  digest.update(await readFile(script));
  digest.update(await readFile(wasm));
  const hashed = `${name}-${digest.digest("hex").slice(0, 16)}`;
  await rename(script, join(staging, `${hashed}.js`));
  await rename(wasm, join(staging, `${hashed}_bg.wasm`));

  // The minified index.html has `content=dukao.js` without quotes, and
  // the name appears nowhere else.
  const indexPath = join(staging, "index.html");
  const html = await readFile(indexPath, "utf8");
  const reference = new RegExp(`(?<![\\w.-])${name}\\.js(?![\\w.-])`, "g");
  if (!reference.test(html)) {
    throw new Error(
      `post-build: index.html has no reference to ${name}.js; keep the ` +
        `<meta name="${meta}"> tag that js/boot.js finds the build by`,
    );
  }
  await writeFile(indexPath, html.replace(reference, `${hashed}.js`));
  return `${hashed}.js`;
}

async function writePrecacheManifest() {
  const files = (await listFiles(staging)).filter(
    (f) => f !== "sw.js" && !LAZY.test(f) && !NOT_CACHED.test(f),
  );
  const digest = createHash("sha256");
  for (const file of files) {
    digest.update(file);
    digest.update(await readFile(join(staging, file)));
  }
  const manifest = {
    version: digest.digest("hex").slice(0, 16),
    shell: files.filter((f) => !f.startsWith("data/")),
    data: files.filter((f) => f.startsWith("data/")),
  };

  const swPath = join(staging, "sw.js");
  const sw = await readFile(swPath, "utf8");
  if (!sw.includes(PLACEHOLDER)) {
    throw new Error(`post-build: sw.js lacks the ${PLACEHOLDER} placeholder`);
  }
  await writeFile(swPath, sw.replace(PLACEHOLDER, JSON.stringify(manifest)));
  return manifest;
}

async function precompress() {
  let count = 0;
  for (const file of await listFiles(staging)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const path = join(staging, file);
    const bytes = await readFile(path);
    const br = await brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    const gz = await gzipAsync(bytes, { level: 9 });
    // A copy no smaller than the original only costs the server a lookup.
    if (br.length < bytes.length) await writeFile(`${path}.br`, br);
    if (gz.length < bytes.length) await writeFile(`${path}.gz`, gz);
    count += 1;
  }
  return count;
}

const echarts = await hashECharts();
const home = await hashModule("dukao-home", "dukao-home");
const app = await hashModule("dukao", "dukao-app");
const manifest = await writePrecacheManifest();
const compressed = await precompress();
console.log(
  `post-build: ${echarts}, ${home}, ${app}; ` +
    `service worker ${manifest.version} precaches ` +
    `${manifest.shell.length} app files and ${manifest.data.length} data ` +
    `files; compressed ${compressed} files`,
);
