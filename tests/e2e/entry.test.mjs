// 填报: a reporter types figures for its unit's indicators. The projected
// score shows while typing, bad figures get Chinese errors beside them,
// and a submitted figure is stored. Leaving with typed figures that were
// not submitted brings up the browser's leave-page dialog first.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  fetchDocuments,
  launchBrowser,
  logIn,
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

function logInAsReporter(page) {
  return logIn(page, server.url, "reporter", "demo-reporter");
}

/** Returns the home's stored open-period figure of `indicator`. */
async function storedFigure(indicator) {
  const { scheme, figures } = await fetchDocuments(server.url);
  const series = figures.peers.find(
    (s) => s.indicator === indicator && s.entity === scheme.home,
  );
  if (!series) return null;
  const [fromYear, fromMonth] = series.from.split("-").map(Number);
  const [year, month] = figures.open_period.split("-").map(Number);
  return series.values[(year - fromYear) * 12 + month - fromMonth] ?? null;
}

test("reporter enters a figure", async () => {
  const page = await openPage(browser, PHONE);
  try {
    await logInAsReporter(page);
    await page.goto(`${server.url}/entry`);
    await waitForContent(page);

    const input = page.locator('[data-testid^="entry-input-"]').first();
    const testId = await input.getAttribute("data-testid");
    const indicator = testId.replace("entry-input-", "");
    const row = page.locator("li.whatif-row", { has: page.getByTestId(testId) });

    // A decimal comma is rejected beside the field, not read as 125.
    await input.fill("12,5");
    await row
      .locator(".field-error", { hasText: "“12,5”中的逗号位置不对" })
      .waitFor();
    assert.equal(await input.getAttribute("aria-invalid"), "true");
    // Submitting names the count and moves the focus to the bad field.
    await page.getByRole("button", { name: "提交" }).focus();
    await page.getByRole("button", { name: "提交" }).click();
    await page.locator(".field-error", { hasText: "1 项数值有误" }).waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.dataset.testid),
      testId,
    );

    const before = await storedFigure(indicator);
    const value = Math.round(((before ?? 1) + 0.3) * 10) / 10;
    await input.fill(String(value));
    await row.locator(".whatif-result", { hasText: "预估得分" }).waitFor();
    assert.equal(await row.locator(".field-error").innerText(), "");
    await saveScreenshot(page, "entry-typed");

    await page.getByRole("button", { name: "提交" }).click();
    await page.locator(".notice-banner", { hasText: "已提交 1 项数据" }).waitFor();
    assert.equal(await storedFigure(indicator), value);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test("unsaved figures ask before reload", async () => {
  const page = await openPage(browser, PHONE);
  try {
    await logInAsReporter(page);
    await page.goto(`${server.url}/entry`);
    await waitForContent(page);
    const input = page.locator('[data-testid^="entry-input-"]').first();
    await input.fill("7.5");

    const dialogs = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.type());
      await dialog.dismiss();
    });
    // Dismissing the question keeps the page and the typed figure.
    await page.reload({ timeout: 3_000 }).catch(() => {});
    assert.deepEqual(dialogs, ["beforeunload"]);
    assert.equal(await input.inputValue(), "7.5");
  } finally {
    await page.context().close();
  }
});
