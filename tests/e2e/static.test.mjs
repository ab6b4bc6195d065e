// The release build on a plain static host with no Dukao server and no
// fallback to index.html (like `python3 -m http.server`). The home
// screen's links reach every screen on the embedded demo data, the write
// screens show the no-backend notice, and no screen logs a console error.
import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { after, before, test } from "node:test";

import {
  launchBrowser,
  openPage,
  PHONE,
  ROOT,
  saveScreenshot,
  waitForContent,
} from "./harness.mjs";

const DIST = process.env.DUKAO_APP || join(ROOT, "dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
};

/** Returns whether `path` names a regular file. */
async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves `DIST` on a loopback port as a plain static host: existing files
 * by extension (octet-stream without one), 404 for every other path.
 */
function startStaticHost() {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    let file = normalize(join(DIST, path));
    if (path.endsWith("/")) file = join(file, "index.html");
    if (!file.startsWith(DIST) || !(await isFile(file))) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found\n");
      return;
    }
    const type = TYPES[extname(file)] || "application/octet-stream";
    response.writeHead(200, { "content-type": type });
    response.end(await readFile(file));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

let host;
let browser;

before(async () => {
  host = await startStaticHost();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

// The menu's screens, as [name, link text, path].
const SCREENS = [
  ["indicators", "指标", "/indicators"],
  ["ranking", "排名", "/ranking"],
  ["entry", "填报", "/entry"],
  ["tasks", "任务", "/tasks"],
  ["supervision", "督办", "/supervision"],
  ["login", "账号", "/login"],
  ["import", "导入", "/import"],
];

test("static host screens load from home", async (t) => {
  for (const [name, text, path] of SCREENS) {
    await t.test(name, async () => {
      const page = await openPage(browser, PHONE);
      try {
        await page.goto(host.url + "/");
        await waitForContent(page);
        await page.getByTestId("home-projected-total").waitFor();

        await page.getByTestId("nav-toggle").click();
        await page.getByTestId("nav").getByRole("link", { name: text }).click();
        await page.waitForURL(host.url + path);
        await waitForContent(page);
        await page.waitForLoadState("networkidle");
        assert.equal(await page.locator(".state.error").count(), 0);
        assert.deepEqual(page.problems, [], `${path}: ${page.problems}`);
      } finally {
        await page.context().close();
      }
    });
  }
});

test("static host write screen says no backend", async () => {
  const page = await openPage(browser, PHONE);
  try {
    await page.goto(host.url + "/?open=%2Ftasks");
    await waitForContent(page);
    assert.equal(new URL(page.url()).pathname, "/tasks");
    await page.locator(".state.notice", { hasText: "查看、筛选和预估功能照常可用" }).waitFor();
    assert.equal(await page.locator(".topbar-account").innerText(), "离线演示");
    await page.waitForLoadState("networkidle");
    assert.deepEqual(page.problems, []);
    await saveScreenshot(page, "static-tasks");
  } finally {
    await page.context().close();
  }
});

test("open parameter ignores other origins", async () => {
  const page = await openPage(browser, PHONE);
  try {
    await page.goto(host.url + "/?open=" + encodeURIComponent("//example.invalid/x"));
    await waitForContent(page);
    await page.getByTestId("home-projected-total").waitFor();
    assert.equal(new URL(page.url()).host, new URL(host.url).host);
  } finally {
    await page.context().close();
  }
});
