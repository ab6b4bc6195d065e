// The kiosk cycles its slides, and keeps its data with a stale badge when
// the server goes away.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  openPage,
  PHONE,
  saveScreenshot,
  startServer,
  waitForChart,
} from "./harness.mjs";

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Records the kiosk's `data-view` each 250 ms for `ms` milliseconds. */
async function watchSlides(page, ms) {
  const seen = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const view = await page
      .getByTestId("kiosk-view")
      .getAttribute("data-view", { timeout: 1_000 })
      .catch(() => null);
    if (view && seen.at(-1) !== view) seen.push(view);
    await page.waitForTimeout(250);
  }
  return seen;
}

test("kiosk shows slides in turn", async () => {
  const server = await startServer();
  const page = await openPage(browser, DESKTOP);
  try {
    await page.goto(`${server.url}/kiosk?interval=2`);
    await page.getByTestId("kiosk-view").waitFor({ timeout: 20_000 });
    const seen = await watchSlides(page, 7_000);
    assert.ok(seen.length >= 2, `saw only ${JSON.stringify(seen)}`);
    assert.match(seen[0], /^ranking-1$/, "the playlist starts with ranking");
    assert.equal(await page.getByTestId("kiosk-stale").count(), 0);
    assert.match(
      await page.getByTestId("kiosk-refreshed").innerText(),
      /刷新于 \d\d:\d\d:\d\d/,
    );
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
    await server.stop();
  }
});

for (const viewport of [DESKTOP, PHONE]) {
  test(`kiosk slides render at ${viewport.width}px`, async () => {
    const server = await startServer();
    const page = await openPage(browser, viewport);
    try {
      // Waits for each slide as the playlist brings it up, then saves a
      // screenshot of it.
      await page.goto(`${server.url}/kiosk?interval=3`);
      await page.getByTestId("kiosk-view").waitFor({ timeout: 20_000 });
      const shot = new Set();
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && !shot.has("ledger")) {
        const view = await page
          .getByTestId("kiosk-view")
          .getAttribute("data-view");
        if (!shot.has(view)) {
          if (view === "charts") {
            await waitForChart(page, "kiosk-trend-chart");
            await waitForChart(page, "kiosk-peers-chart");
          }
          await saveScreenshot(page, `kiosk-${view}`);
          shot.add(view);
        }
        await page.waitForTimeout(200);
      }
      for (const view of ["ranking-1", "red", "charts", "ledger"]) {
        assert.ok(shot.has(view), `slide ${view} never appeared`);
      }
      assert.equal(await horizontalOverflow(page), 0, "kiosk scrolls sideways");
      assert.deepEqual(page.problems, []);
    } finally {
      await page.context().close();
      await server.stop();
    }
  });
}

test("kiosk marks stale data when server stops", async () => {
  const server = await startServer();
  const page = await openPage(browser, DESKTOP);
  try {
    await page.goto(`${server.url}/kiosk?interval=2&refresh=5`);
    await page.getByTestId("kiosk-view").waitFor({ timeout: 20_000 });
    await page.getByText(/刷新于/).waitFor();
    await server.stop();

    await page.getByTestId("kiosk-stale").waitFor({ timeout: 15_000 });
    assert.match(await page.getByTestId("kiosk-stale").innerText(), /数据未更新/);
    // The last data stays on screen and keeps cycling.
    const seen = await watchSlides(page, 5_000);
    assert.ok(seen.length >= 2, `saw only ${JSON.stringify(seen)}`);
    await saveScreenshot(page, "kiosk-stale");
  } finally {
    await page.context().close();
    await server.stop();
  }
});
