// Spreadsheet import and export through the spreadsheet worker, which the
// app loads only on first use: the office uploads a CSV of the districts'
// figures, confirms the preview and finds the new figure on the
// indicator's page; the ranking page exports the bulletin as .xlsx.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";

import {
  DESKTOP,
  fetchDocuments,
  horizontalOverflow,
  launchBrowser,
  logIn,
  openPage,
  PHONE,
  ROOT,
  saveScreenshot,
  startServer,
  waitForContent,
} from "./harness.mjs";

const INDICATOR = "gdp_growth";
const CHANGED_PEER = "shanghe";

let server;
let browser;
let documents;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  documents = await fetchDocuments(server.url);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Counts months from `from` ("2021-01") to `to`. */
function monthIndex(from, to) {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

/** The stored figure of a peer on an indicator in a month, or null. */
function storedFigure(indicator, peer, period) {
  const series = documents.figures.peers.find(
    (s) => s.indicator === indicator && s.entity === peer,
  );
  if (!series) return null;
  const value = series.values[monthIndex(series.from, period)];
  return value ?? null;
}

/**
 * Writes the city's bulletin for the open period as CSV, districts as
 * rows: every peer's stored figure of the indicator, except one peer's
 * figure raised by 1.7.
 */
function bulletinCsv() {
  const period = documents.figures.open_period;
  const indicator = documents.scheme.indicators.find(
    (i) => i.id === INDICATOR,
  );
  assert.ok(indicator, `the demo scheme has no indicator ${INDICATOR}`);
  const [year, month] = period.split("-").map(Number);
  const lines = [
    `${year}年${month}月各区县主要经济指标`,
    `地区,${indicator.name}（${indicator.measure}）`,
  ];
  let newValue;
  for (const peer of documents.scheme.peers) {
    let value = storedFigure(INDICATOR, peer.id, period);
    if (peer.id === CHANGED_PEER) {
      newValue = Math.round(((value ?? 5) + 1.7) * 10) / 10;
      value = newValue;
    }
    lines.push(`${peer.name},${value ?? ""}`);
  }
  lines.push("全市,");
  return { csv: lines.join("\n") + "\n", newValue, indicator };
}

function logInAsOffice(page) {
  return logIn(page, server.url, "office", "demo-office");
}

test("import link shows on a fresh home screen", async () => {
  const page = await openPage(browser, DESKTOP);
  try {
    await page.goto(server.url + "/");
    await page.waitForSelector('[data-testid="nav-import"]');
  } finally {
    await page.context().close();
  }
});

test("office imports a CSV and sees the figure", async () => {
  const page = await openPage(browser, DESKTOP);
  try {
    const workerRequests = [];
    page.on("request", (request) => {
      if (/dukao-sheets-worker/.test(request.url())) {
        workerRequests.push(request.url());
      }
    });
    await logInAsOffice(page);
    assert.deepEqual(workerRequests, [], "the worker loaded before import");
    await page.click('[data-testid="nav-import"]');
    await page.waitForSelector('[data-testid="import-file"]');

    const { csv, newValue, indicator } = bulletinCsv();
    await page.setInputFiles('[data-testid="import-file"]', {
      name: "市级通报.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    await page.waitForSelector('[data-testid="import-preview"]', {
      timeout: 60_000,
    });
    assert.ok(workerRequests.length > 0, "the worker was never fetched");

    const preview = await page.textContent('[data-testid="import-preview"]');
    assert.match(preview, /修改 1 项/);
    assert.match(preview, /商河县/);
    assert.ok(preview.includes(newValue.toFixed(indicator.decimals)));
    assert.equal(await page.locator('[data-testid="import-errors"]').count(), 0);

    const send = page.locator('[data-testid="import-send"]');
    assert.equal(await send.isEnabled(), true, "send is disabled");
    await send.click();
    await page.waitForSelector(".notice-banner");
    assert.match(await page.textContent(".notice-banner"), /已导入/);

    await page.goto(`${server.url}/indicators/${INDICATOR}`);
    await waitForContent(page);
    const row = page.locator("tr", { hasText: "商河县" }).first();
    const rowText = await row.textContent();
    assert.ok(
      rowText.includes(newValue.toFixed(indicator.decimals)),
      `the 商河县 row reads ${rowText}, expected ${newValue}`,
    );
    const stored = await fetchDocuments(server.url);
    const series = stored.figures.peers.find(
      (s) => s.indicator === INDICATOR && s.entity === CHANGED_PEER,
    );
    const index = monthIndex(series.from, stored.figures.open_period);
    assert.equal(series.values[index], newValue);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test("import names rejected cells", async () => {
  const page = await openPage(browser, DESKTOP);
  try {
    await page.goto(`${server.url}/import`);
    await waitForContent(page);
    const csv = "地区,地区生产总值增速（%）\n历下区,3.2\n市中区,abc\n";
    await page.setInputFiles('[data-testid="import-file"]', {
      name: "bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    await page.waitForSelector('[data-testid="import-errors"]', {
      timeout: 60_000,
    });
    const errors = await page.textContent('[data-testid="import-errors"]');
    assert.match(errors, /B3/);
    assert.match(errors, /abc/);
    const send = page.locator('[data-testid="import-send"]');
    assert.equal(await send.isEnabled(), false, "send is enabled");
  } finally {
    await page.context().close();
  }
});

test("import recovers from a failed worker", async () => {
  const page = await openPage(browser, DESKTOP);
  try {
    await page.goto(`${server.url}/import`);
    await waitForContent(page);
    const blocked = /\/dukao-sheets-worker\.js$/;
    await page.route(blocked, (route) => route.abort());
    const file = {
      name: "通报.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(bulletinCsv().csv, "utf8"),
    };
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="import-failure"]', {
      timeout: 60_000,
    });
    const failure = await page.textContent('[data-testid="import-failure"]');
    assert.match(failure, /加载失败/);

    await page.unroute(blocked);
    await page.setInputFiles('[data-testid="import-file"]', []);
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="import-preview"]', {
      timeout: 60_000,
    });
    assert.equal(
      await page.locator('[data-testid="import-failure"]').count(),
      0,
    );
  } finally {
    await page.context().close();
  }
});

for (const viewport of [PHONE, DESKTOP]) {
  test(`import screen at ${viewport.width}px`, async () => {
    const page = await openPage(browser, viewport);
    try {
      await page.goto(`${server.url}/import`);
      await waitForContent(page);
      const fixture = await readFile(
        join(ROOT, "crates/sheets/tests/fixtures/merged-header.xlsx"),
      );
      await page.setInputFiles('[data-testid="import-file"]', {
        name: "merged-header.xlsx",
        mimeType:
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: fixture,
      });
      await page.waitForSelector('[data-testid="import-preview"]', {
        timeout: 60_000,
      });
      assert.equal(await horizontalOverflow(page), 0);
      await saveScreenshot(page, "import");
      assert.deepEqual(page.problems, []);
    } finally {
      await page.context().close();
    }
  });
}

test("ranking exports the bulletin as xlsx", async () => {
  const page = await openPage(browser, DESKTOP);
  try {
    await page.goto(`${server.url}/ranking`);
    await waitForContent(page);
    const button = page.locator(
      '[data-testid="export-bulletin"] [data-testid="export-xlsx"]',
    );
    const box = await button.boundingBox();
    assert.ok(box.height >= 44, `the button is ${box.height} px tall`);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      button.click(),
    ]);
    const [year, month] = documents.figures.open_period
      .split("-")
      .map(Number);
    assert.equal(
      download.suggestedFilename(),
      `济阳区-${year}年${month}月-排名通报.xlsx`,
    );
    const path = await download.path();
    const bytes = await readFile(path);
    assert.ok(bytes.length > 0, "the download is empty");
    assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK");
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});
