// The home screen's scores, and the what-if estimate: typing a figure
// changes the projected score and rank on screen, and a reload drops it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  DESKTOP,
  fetchDocuments,
  launchBrowser,
  openPage,
  startServer,
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

/** Parses the first number in a text, e.g. "第 3 名" → 3. */
function firstNumber(text) {
  const match = text.replace(/,/g, "").match(/-?\d+(\.\d+)?/);
  return match ? Number(match[0]) : null;
}

test("home shows projected total and rank", async () => {
  const page = await openPage(browser, DESKTOP);
  try {
    await page.goto(server.url + "/");
    await waitForContent(page);
    const total = await page.getByTestId("home-projected-total").innerText();
    const rank = await page.getByTestId("home-group-rank").innerText();
    assert.ok(Number.isFinite(firstNumber(total)), `total is ${JSON.stringify(total)}`);
    assert.ok(firstNumber(rank) >= 1, `group rank is ${JSON.stringify(rank)}`);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

/**
 * Returns the figure to type so that the home's projected rank moves: far
 * above every peer for higher-is-better, far below for lower-is-better.
 */
function winningFigure(indicator) {
  return indicator.direction === "lower" ? "-1000000" : "1000000000";
}

/**
 * Finds an indicator on the what-if screen whose projected rank is not
 * first yet, so that an unbeatable figure must change its rank and score.
 */
async function pickMovableIndicator(page) {
  for (const indicator of documents.scheme.indicators) {
    const rank = page.getByTestId(`whatif-projected-rank-${indicator.id}`);
    if ((await rank.count()) === 0) continue;
    const before = firstNumber(await rank.innerText());
    if (before !== null && before > 1) return { indicator, before };
  }
  assert.fail("no indicator with a projected rank below first");
}

test("what-if figure moves score and rank", async () => {
  const page = await openPage(browser, DESKTOP);
  try {
    await page.goto(server.url + "/what-if");
    await waitForContent(page);

    const chosen = await pickMovableIndicator(page);
    const id = chosen.indicator.id;
    const score = page.getByTestId(`whatif-projected-score-${id}`);
    const rank = page.getByTestId(`whatif-projected-rank-${id}`);
    const total = page.getByTestId("whatif-total");
    const rankBefore = await rank.innerText();
    const scoreBefore = await score.innerText();
    const totalBefore = await total.innerText();

    await page
      .getByTestId(`whatif-input-${id}`)
      .fill(winningFigure(chosen.indicator));

    await page.waitForFunction(
      ([testId, old]) =>
        document.querySelector(`[data-testid="${testId}"]`)?.innerText !== old,
      [`whatif-projected-rank-${id}`, rankBefore],
    );
    assert.equal(firstNumber(await rank.innerText()), 1, "rank after typing");
    assert.notEqual(await score.innerText(), scoreBefore, "score after typing");
    assert.notEqual(await total.innerText(), totalBefore, "total after typing");
    assert.ok(await page.getByTestId("whatif-badge").isVisible(), "badge");

    await page.reload();
    await waitForContent(page);
    assert.equal(await page.getByTestId("whatif-badge").count(), 0, "badge after reload");
    assert.equal(await page.getByTestId(`whatif-input-${id}`).inputValue(), "");
    assert.equal(firstNumber(await rank.innerText()), chosen.before, "rank after reload");
    assert.equal(await score.innerText(), scoreBefore, "score after reload");
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test("what-if reset restores the scores", async () => {
  const page = await openPage(browser, DESKTOP);
  try {
    await page.goto(server.url + "/what-if");
    await waitForContent(page);
    const input = page.locator('[data-testid^="whatif-input-"]').first();
    const id = (await input.getAttribute("data-testid")).slice("whatif-input-".length);
    const indicator = documents.scheme.indicators.find((i) => i.id === id);
    const score = page.getByTestId(`whatif-projected-score-${id}`);
    const scoreBefore = await score.innerText();

    await input.fill(winningFigure(indicator));
    await page.getByTestId("whatif-badge").waitFor();
    await page.getByTestId("whatif-reset").click();

    assert.equal(await page.getByTestId("whatif-badge").count(), 0);
    assert.equal(await input.inputValue(), "");
    assert.equal(await score.innerText(), scoreBefore);
  } finally {
    await page.context().close();
  }
});

test("what-if updates before the next frame", async () => {
  const page = await openPage(browser, DESKTOP);
  try {
    await page.goto(server.url + "/what-if");
    await waitForContent(page);
    const { indicator } = await pickMovableIndicator(page);
    const id = indicator.id;

    // Types the figure as one input event, then reads the projected score
    // in the next requestAnimationFrame callback, which runs before the
    // browser paints that frame.
    const [before, after] = await page.evaluate(
      ([id, figure]) => {
        const field = document.querySelector(`[data-testid="whatif-input-${id}"]`);
        const score = () =>
          document.querySelector(`[data-testid="whatif-projected-score-${id}"]`)
            .innerText;
        const before = score();
        field.value = figure;
        field.dispatchEvent(new Event("input", { bubbles: true }));
        return new Promise((resolve) =>
          requestAnimationFrame(() => resolve([before, score()])),
        );
      },
      [id, winningFigure(indicator)],
    );
    assert.notEqual(after, before, "score unchanged in the frame after typing");
  } finally {
    await page.context().close();
  }
});
