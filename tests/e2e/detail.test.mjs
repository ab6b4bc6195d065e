// An indicator's detail page draws its two charts with ECharts, which
// the app loads only when the first chart appears.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  DESKTOP,
  fetchDocuments,
  launchBrowser,
  openPage,
  PHONE,
  startServer,
  waitForChart,
  waitForContent,
} from "./harness.mjs";

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

function monthlyIndicator() {
  return documents.scheme.indicators.find((i) => i.monthly);
}

for (const viewport of [PHONE, DESKTOP]) {
  test(`detail draws charts at ${viewport.width}px`, async () => {
    const page = await openPage(browser, viewport);
    try {
      const indicator = monthlyIndicator();
      assert.ok(indicator, "the scheme has no monthly-ranked indicator");
      await page.goto(
        `${server.url}/indicators/${encodeURIComponent(indicator.id)}`,
      );
      await waitForContent(page);
      for (const testId of ["detail-trend-chart", "detail-peers-chart"]) {
        const chart = await waitForChart(page, testId);
        assert.ok(chart.width > 100, `${testId} is ${chart.width} px wide`);
        assert.ok(chart.painted > 0.001, `${testId} is nearly blank`);
      }
      assert.deepEqual(page.problems, []);
    } finally {
      await page.context().close();
    }
  });
}

test("home screen loads no ECharts", async () => {
  const page = await openPage(browser, DESKTOP);
  try {
    const scripts = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    await page.goto(server.url + "/");
    await waitForContent(page);
    await page.waitForTimeout(500);
    const echarts = scripts.filter((url) => /\/echarts-[0-9a-f]+\.js$/.test(url));
    assert.deepEqual(echarts, [], "home fetched ECharts");
  } finally {
    await page.context().close();
  }
});

test("chart container keeps one ECharts instance", async () => {
  const page = await openPage(browser, DESKTOP);
  try {
    const indicator = monthlyIndicator();
    await page.goto(
      `${server.url}/indicators/${encodeURIComponent(indicator.id)}`,
    );
    await waitForContent(page);
    await waitForChart(page, "detail-trend-chart");
    // Resizing the window resizes the chart in place: still one canvas,
    // with the container's new width.
    await page.setViewportSize({ width: 900, height: 900 });
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-testid="detail-trend-chart"]');
      const canvas = box?.querySelector("canvas");
      return canvas && Math.abs(canvas.clientWidth - box.clientWidth) <= 1;
    });
    const canvases = await page
      .locator('[data-testid="detail-trend-chart"] canvas')
      .count();
    assert.equal(canvases, 1);
    const instances = await page.evaluate(() => {
      const box = document.querySelector('[data-testid="detail-trend-chart"]');
      return box.getAttribute("_echarts_instance_") ? 1 : 0;
    });
    assert.equal(instances, 1, "container has no ECharts instance id");
  } finally {
    await page.context().close();
  }
});

test("leaving detail disposes its charts", async () => {
  const page = await openPage(browser, DESKTOP);
  try {
    const indicator = monthlyIndicator();
    await page.goto(
      `${server.url}/indicators/${encodeURIComponent(indicator.id)}`,
    );
    await waitForContent(page);
    await waitForChart(page, "detail-trend-chart");
    await page.evaluate(() => {
      window.keptChartBox = document.querySelector(
        '[data-testid="detail-trend-chart"]',
      );
    });
    assert.ok(
      await page.evaluate(() => !!echarts.getInstanceByDom(window.keptChartBox)),
      "chart has an instance before leaving",
    );

    // Client-side navigation, so that the page and its globals stay.
    await page.getByTestId("nav").locator('a[href="/"]').click();
    await page.getByTestId("home-projected-total").waitFor();
    const disposed = await page.evaluate(
      () => !echarts.getInstanceByDom(window.keptChartBox),
    );
    assert.ok(disposed, "chart instance still alive after leaving");
  } finally {
    await page.context().close();
  }
});
