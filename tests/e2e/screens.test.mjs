// Every screen at a phone (390×844) and a desktop (1920×1080) viewport:
// it renders without console errors, the phone layout does not scroll
// sideways, and a screenshot of each lands in tests/e2e/artifacts/.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import {
  DESKTOP,
  fetchDocuments,
  horizontalOverflow,
  launchBrowser,
  openPage,
  PHONE,
  saveScreenshot,
  screenPaths,
  startServer,
  waitForContent,
} from "./harness.mjs";

let server;
let browser;
let screens;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  screens = screenPaths(await fetchDocuments(server.url));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const [viewportName, viewport] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
]) {
  describe(`screens at ${viewportName} size`, () => {
    test("each screen renders cleanly", async (t) => {
      for (const [name, path] of screens) {
        await t.test(name, async () => {
          const page = await openPage(browser, viewport);
          try {
            await page.goto(server.url + path);
            await waitForContent(page);
            // Let charts and late effects run before judging the page.
            await page.waitForTimeout(500);
            await saveScreenshot(page, name);

            const errorShown = await page
              .getByTestId("error-message")
              .count();
            assert.equal(errorShown, 0, `${path} shows an error message`);
            if (viewport === PHONE) {
              const overflow = await horizontalOverflow(page);
              assert.equal(overflow, 0, `${path} scrolls ${overflow} px sideways`);
            }
            assert.deepEqual(page.problems, [], `${path} logged problems`);
          } finally {
            await page.context().close();
          }
        });
      }
    });
  });
}
