// Bundles tools/echarts-entry.js into target/web/echarts.min.js, a classic
// script that defines the global `echarts`. Trunk runs this as a pre-build
// hook (Trunk.toml), and index.html copies the output into dist/.
//
// The bundle is rebuilt only when it is older than the entry file, this
// script or package-lock.json, so repeated Trunk builds stay fast.
import { mkdir, readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "tools", "echarts-entry.js");
const output = join(root, "target", "web", "echarts.min.js");
const inputs = [
  entry,
  fileURLToPath(import.meta.url),
  join(root, "package-lock.json"),
];

async function modifiedTime(path) {
  try {
    return (await stat(path)).mtimeMs;
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}

async function isUpToDate() {
  const built = await modifiedTime(output);
  if (built === null) return false;
  for (const input of inputs) {
    const changed = await modifiedTime(input);
    if (changed === null || changed > built) return false;
  }
  return true;
}

if (await isUpToDate()) {
  console.log(`echarts: ${output} is up to date`);
} else {
  await mkdir(dirname(output), { recursive: true });
  const manifest = join(root, "node_modules", "echarts", "package.json");
  const { version } = JSON.parse(await readFile(manifest, "utf8"));
  const result = await build({
    entryPoints: [entry],
    outfile: output,
    bundle: true,
    minify: true,
    format: "iife",
    globalName: "echarts",
    target: ["es2017"],
    legalComments: "eof",
    banner: {
      js: `/*! Apache ECharts ${version} (custom build: line, bar, gauge), Apache-2.0 */`,
    },
    define: { "process.env.NODE_ENV": '"production"' },
    metafile: true,
    logLevel: "warning",
  });
  const bytes = Object.values(result.metafile.outputs)[0].bytes;
  console.log(`echarts: wrote ${output} (${bytes} bytes)`);
}
