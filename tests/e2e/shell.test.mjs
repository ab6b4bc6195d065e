// The static shell in index.html: real Chinese text on screen before the
// wasm app arrives, a Chinese message when the app cannot start, and
// which build of the app js/boot.js starts for which path.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  launchBrowser,
  openPage,
  PHONE,
  saveScreenshot,
  startServer,
  waitForContent,
} from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("shell shows text before wasm", async () => {
  const page = await openPage(browser, PHONE);
  try {
    // Hold the wasm module back, as a slow link would.
    let releaseWasm;
    const wasmHeld = new Promise((resolve) => {
      releaseWasm = resolve;
    });
    await page.route(/_bg\.wasm$/, async (route) => {
      await wasmHeld;
      await route.continue();
    });

    await page.goto(server.url + "/", { waitUntil: "domcontentloaded" });
    const shell = page.locator("#app-shell");
    assert.match(await shell.innerText(), /督考/);
    assert.match(await shell.innerText(), /正在加载…/);
    await saveScreenshot(page, "shell-loading");

    releaseWasm();
    await shell.waitFor({ state: "detached", timeout: 20_000 });
    await page.getByTestId("home-projected-total").waitFor();
  } finally {
    await page.context().close();
  }
});

test("shell reports a failed start", async () => {
  const page = await openPage(browser, PHONE);
  try {
    await page.route(/_bg\.wasm$/, (route) => route.abort("failed"));
    await page.goto(server.url + "/");
    await page
      .locator("#app-shell-message")
      .filter({ hasText: "加载失败" })
      .waitFor({ timeout: 20_000 });
    assert.match(
      await page.locator("#app-shell-message").innerText(),
      /督考加载失败：请检查网络连接后刷新页面。/,
    );
  } finally {
    await page.context().close();
  }
});

/** Records the file names of the wasm modules the page requests. */
function recordWasm(page) {
  const names = [];
  page.on("request", (request) => {
    const name = new URL(request.url()).pathname.slice(1);
    if (name.endsWith("_bg.wasm")) names.push(name);
  });
  return names;
}

const HOME_BUILD = /^dukao-home-[0-9a-f]{16}_bg\.wasm$/;
const WHOLE_APP = /^dukao-[0-9a-f]{16}_bg\.wasm$/;

test("home loads the home build", async () => {
  const page = await openPage(browser, PHONE);
  try {
    const wasm = recordWasm(page);
    await page.goto(server.url + "/");
    await waitForContent(page);
    await page.getByTestId("home-projected-total").waitFor();
    assert.equal(wasm.length, 1, `wasm requested: ${wasm.join(", ")}`);
    assert.match(wasm[0], HOME_BUILD);

    // The total's tile leads to the ranking board, in the whole app.
    await page.locator("a.tile-total").click();
    await page.waitForURL(server.url + "/ranking");
    await waitForContent(page);
    await page.locator("h1", { hasText: "排名" }).first().waitFor();
    assert.ok(
      wasm.some((name) => WHOLE_APP.test(name)),
      `the ranking board did not start the whole app: ${wasm.join(", ")}`,
    );

    // Back to 首页 inside the whole app: the router shows it, no load.
    const loaded = wasm.length;
    await page.getByTestId("nav-toggle").click();
    await page.getByTestId("nav").getByRole("link", { name: "首页" }).click();
    await page.getByTestId("home-projected-total").waitFor();
    assert.equal(wasm.length, loaded);
  } finally {
    await page.context().close();
  }
});

test("deep link loads whole app", async () => {
  const page = await openPage(browser, PHONE);
  try {
    const wasm = recordWasm(page);
    await page.goto(server.url + "/tasks");
    await waitForContent(page);
    assert.equal(wasm.length, 1, `wasm requested: ${wasm.join(", ")}`);
    assert.match(wasm[0], WHOLE_APP);
  } finally {
    await page.context().close();
  }
});

test("back to home keeps scroll", async () => {
  const page = await openPage(browser, PHONE);
  try {
    await page.goto(server.url + "/");
    await waitForContent(page);
    await page.getByTestId("home-projected-total").waitFor();
    await page.evaluate(() => window.scrollTo(0, 400));
    await page.locator("a.tile-ledger").click();
    await page.waitForURL(server.url + "/tasks");
    await waitForContent(page);

    await page.goBack();
    await page.getByTestId("home-projected-total").waitFor();
    await page.waitForFunction(() => Math.abs(window.scrollY - 400) < 2, null, {
      timeout: 10_000,
    });
  } finally {
    await page.context().close();
  }
});
