// Offline reading: after one visit, the service worker serves the app and
// the last data it saw, so a reload with the server stopped still shows
// the scores, and the kiosk marks its data stale.
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

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Waits until a service worker controls the page and has precached. */
async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => {
        navigator.serviceWorker.addEventListener("controllerchange", resolve, {
          once: true,
        });
      });
    }
  });
}

test("reload offline shows the last data", async () => {
  const server = await startServer();
  const page = await openPage(browser, PHONE, { serviceWorkers: "allow" });
  try {
    await page.goto(server.url + "/");
    await waitForContent(page);
    await waitForServiceWorker(page);
    const total = await page.getByTestId("home-projected-total").innerText();
    const rank = await page.getByTestId("home-group-rank").innerText();

    await server.stop();
    await page.reload();
    await waitForContent(page);
    assert.equal(await page.getByTestId("home-projected-total").innerText(), total);
    assert.equal(await page.getByTestId("home-group-rank").innerText(), rank);

    // A deep link opens offline too: the worker serves navigations from
    // the cached index page.
    await page.goto(server.url + "/ranking");
    await waitForContent(page);
    assert.equal(await page.getByTestId("error-message").count(), 0);
    await saveScreenshot(page, "offline-ranking");
  } finally {
    await page.context().close();
    await server.stop();
  }
});

test("offline kiosk shows cached data as stale", async () => {
  const server = await startServer();
  const page = await openPage(browser, PHONE, { serviceWorkers: "allow" });
  try {
    await page.goto(server.url + "/kiosk?interval=2");
    await page.getByTestId("kiosk-view").waitFor({ timeout: 20_000 });
    await waitForServiceWorker(page);
    // Let the worker see the kiosk's data requests once.
    await page.reload();
    await page.getByTestId("kiosk-view").waitFor({ timeout: 20_000 });

    await server.stop();
    await page.reload();
    await page.getByTestId("kiosk-view").waitFor({ timeout: 20_000 });
    await page.getByTestId("kiosk-stale").waitFor({ timeout: 10_000 });
    await saveScreenshot(page, "offline-kiosk");
  } finally {
    await page.context().close();
    await server.stop();
  }
});
