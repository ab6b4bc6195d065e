// The task ledger's writes with a picked date: a milestone marked done
// and a task signed off on the dates chosen in their date pickers, and a
// date outside the allowed range rejected on screen with nothing sent.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import {
  fetchDocuments,
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

async function logInAsOffice(page) {
  await page.goto(`${server.url}/login`);
  await waitForContent(page);
  await page.fill('input[autocomplete="username"]', "office");
  await page.fill('input[autocomplete="current-password"]', "demo-office");
  await page.click('button[type="submit"]');
  await page.waitForSelector("text=退出登录");
}

/** Reads the stored ledger's task `id`. */
async function storedTask(id) {
  const { ledger } = await fetchDocuments(server.url);
  return ledger.tasks.find((task) => task.id === id);
}

/** Opens the ledger on `task`'s unit and returns the task's card. */
async function openCard(page, task) {
  await page.goto(`${server.url}/tasks?unit=${task.unit}`);
  await waitForContent(page);
  const card = page.locator("li.task-card", { hasText: task.title }).first();
  await card.waitFor();
  return card;
}

test("milestone done on picked date", async () => {
  const { ledger } = await fetchDocuments(server.url);
  const task = ledger.tasks.find(
    (t) => !t.signed_off && t.milestones.some((m) => !m.done),
  );
  assert.ok(task, "the demo ledger has no open milestone");
  const index = task.milestones.findIndex((m) => !m.done);

  const page = await openPage(browser, PHONE);
  try {
    await logInAsOffice(page);
    const card = await openCard(page, task);
    await card.locator("details > summary").click();
    const row = card.locator(".milestones li").nth(index);
    const picker = row.getByTestId("milestone-date");
    await picker.waitFor();
    assert.equal(await picker.getAttribute("min"), "2022-01-01");
    assert.equal(await picker.getAttribute("max"), "2022-12-20");

    // After the data's date: rejected beside the picker, nothing stored.
    await picker.fill("2022-12-25");
    await row.getByRole("button", { name: "标记完成" }).click();
    const error = row.locator(".field-error");
    await error.filter({ hasText: "超出范围" }).waitFor();
    assert.match(
      await error.innerText(),
      /完成日期 2022-12-25 超出范围：请选择 2022-01-01 至 2022-12-20 之间的日期。/,
    );
    assert.equal((await storedTask(task.id)).milestones[index].done ?? null, null);
    await saveScreenshot(page, "tasks-date-error");

    await picker.fill("2022-11-03");
    await row.getByRole("button", { name: "标记完成" }).click();
    await page.locator(".notice-banner", { hasText: "已标记节点完成" }).waitFor();
    const stored = await storedTask(task.id);
    assert.equal(stored.milestones[index].done, "2022-11-03");
    const others = task.milestones.filter((_, i) => i !== index);
    assert.deepEqual(
      stored.milestones.filter((_, i) => i !== index),
      others,
    );
  } finally {
    await page.context().close();
  }
});

test("sign-off on picked date", async () => {
  const { ledger } = await fetchDocuments(server.url);
  const task = ledger.tasks.find((t) => !t.signed_off);
  assert.ok(task, "the demo ledger has no task left to sign off");

  const page = await openPage(browser, PHONE);
  try {
    await logInAsOffice(page);
    const card = await openCard(page, task);
    const picker = card.getByTestId("sign-off-date");
    await picker.fill("");
    await card.getByRole("button", { name: "销号", exact: true }).click();
    await card.locator(".field-error", { hasText: "请选择销号日期。" }).waitFor();
    assert.equal((await storedTask(task.id)).signed_off ?? null, null);

    await picker.fill("2022-12-01");
    await card.getByRole("button", { name: "销号", exact: true }).click();
    await page.locator(".notice-banner", { hasText: "已销号" }).waitFor();
    assert.equal((await storedTask(task.id)).signed_off, "2022-12-01");
    await saveScreenshot(page, "tasks-signed-off");
  } finally {
    await page.context().close();
  }
});
