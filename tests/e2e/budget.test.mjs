// The first screen's weight over the wire: everything the home page loads
// from the server, compressed as the server sends it. The test checks that
// every file arrives compressed; the total against the 350 KB target is a
// measurement, printed and written to artifacts/first-load.json and
// recorded in docs/benchmarks.md, not a pass/fail check.
import assert from "node:assert/strict";
import { writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";

import {
  ARTIFACTS,
  launchBrowser,
  openPage,
  PHONE,
  startServer,
  waitForContent,
} from "./harness.mjs";

const BUDGET_BYTES = 350 * 1024;

let server;
let browser;

/**
 * Waits until the server sends its background brotli copy of each large
 * document (smaller than the on-the-fly compression it starts with), so
 * the test measures what a phone gets from a server that has been up for
 * a few seconds. Gives up after 30 s and measures whatever is served.
 */
async function waitForPrecompressed(url) {
  const size = async (path) => {
    const response = await fetch(url + path, {
      headers: { "accept-encoding": "br" },
    });
    return (await response.arrayBuffer()).byteLength;
  };
  for (const path of ["/data/figures.json", "/data/ledger.json"]) {
    const first = await size(path);
    for (let tries = 0; tries < 60; tries++) {
      if ((await size(path)) < first) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await waitForPrecompressed(server.url);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("home first load is compressed", async () => {
  const page = await openPage(browser, PHONE);
  try {
    const encodings = new Map();
    page.on("response", (response) => {
      encodings.set(response.url(), response.headers()["content-encoding"] || "");
    });
    await page.goto(server.url + "/");
    await waitForContent(page);
    await page.waitForLoadState("networkidle");

    // encodedBodySize is the body as sent, after compression.
    const entries = await page.evaluate(() =>
      [
        ...performance.getEntriesByType("navigation"),
        ...performance.getEntriesByType("resource"),
      ].map((entry) => ({
        url: entry.name,
        bytes: entry.encodedBodySize,
        decoded: entry.decodedBodySize,
      })),
    );
    const files = entries.map((entry) => ({
      ...entry,
      url: new URL(entry.url).pathname,
      encoding: encodings.get(entry.url) ?? "",
    }));
    const total = files.reduce((sum, file) => sum + file.bytes, 0);
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(
      join(ARTIFACTS, "first-load.json"),
      JSON.stringify({ total, budget: BUDGET_BYTES, files }, null, 2),
    );
    for (const file of files) {
      console.log(
        `first load: ${String(file.bytes).padStart(8)} B ` +
          `(${file.encoding || "identity"}) ${file.url}`,
      );
    }
    console.log(`first load: ${total} B in all`);
    console.log(
      `first load: target ${BUDGET_BYTES} B, ` +
        (total <= BUDGET_BYTES ? "within" : "over") + " it",
    );
    assert.ok(files.length >= 5, "fewer files than the app needs");
    for (const file of files) {
      // Images are compressed formats already, and tiny files gain nothing.
      if (file.decoded < 1024 || /\.(png|jpe?g|webp|ico)$/.test(file.url)) {
        continue;
      }
      assert.match(
        file.encoding,
        /^(br|gzip)$/,
        `${file.url} (${file.decoded} B) was sent uncompressed`,
      );
    }
  } finally {
    await page.context().close();
  }
});
