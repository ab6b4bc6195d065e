// The static shell in index.html: real Chinese text on screen before the
// wasm app arrives, and a Chinese message when the app cannot start.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  launchBrowser,
  openPage,
  PHONE,
  saveScreenshot,
  startServer,
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
