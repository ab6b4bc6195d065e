// The task ledger's writes with a picked date. A milestone is marked done
// and a task signed off on the dates chosen in their pickers. Dates out
// of range or before the last milestone are rejected on screen with
// nothing sent, and an undo needs a second tap. Also, the header names the
// logged-in account on the home screen.
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

function logInAsOffice(page) {
  return logIn(page, server.url, "office", "demo-office");
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
      /完成日期 2022年12月25日 超出范围：请选择 2022年1月1日 至 2022年12月20日 之间的日期。/,
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

    // Undoing takes a second tap, which names the date it clears. A double
    // tap only shows the question.
    const card2 = await openCard(page, task);
    await card2.locator("details > summary").click();
    const row2 = card2.locator(".milestones li").nth(index);
    await row2.getByRole("button", { name: "撤销完成" }).dblclick();
    const confirm = row2.getByRole("button", {
      name: "确认撤销？将清除完成日期 2022年11月3日",
    });
    await confirm.waitFor();
    assert.equal((await storedTask(task.id)).milestones[index].done, "2022-11-03");
    await confirm.click();
    await page.locator(".notice-banner", { hasText: "已撤销节点完成" }).waitFor();
    assert.equal((await storedTask(task.id)).milestones[index].done ?? null, null);
  } finally {
    await page.context().close();
  }
});

test("sign-off needs every milestone", async () => {
  const { ledger } = await fetchDocuments(server.url);
  const task = ledger.tasks.find(
    (t) => !t.signed_off && t.milestones.filter((m) => !m.done).length >= 2,
  );
  assert.ok(task, "the demo ledger has no task with two open milestones");
  const open = task.milestones
    .map((m, index) => (m.done ? null : index))
    .filter((index) => index !== null);
  const last = open.pop();

  const page = await openPage(browser, PHONE);
  try {
    await logInAsOffice(page);
    // All but one open milestone done through the API, with the session.
    for (const index of open) {
      const response = await page.request.post(`${server.url}/api/milestones`, {
        data: { task: task.id, milestone: index, done: "2022-12-01" },
      });
      assert.equal(response.status(), 200);
    }
    let card = await openCard(page, task);
    assert.match(
      await card.getByTestId("sign-off-blocked").innerText(),
      /尚有 1 个节点未完成/,
    );
    assert.equal(await card.getByTestId("sign-off-date").count(), 0);

    await card.locator("details > summary").click();
    const row = card.locator(".milestones li").nth(last);
    await row.getByTestId("milestone-date").fill("2022-12-05");
    await row.getByRole("button", { name: "标记完成" }).click();
    await page.locator(".notice-banner", { hasText: "已标记节点完成" }).waitFor();

    card = await openCard(page, task);
    const picker = card.getByTestId("sign-off-date");
    const signOff = card.getByRole("button", { name: "销号", exact: true });
    await picker.fill("");
    await signOff.click();
    await card.locator(".field-error", { hasText: "请选择销号日期。" }).waitFor();
    await picker.fill("2022-12-04");
    await signOff.click();
    await card
      .locator(".field-error", { hasText: "不能早于最后一个节点的完成日期（2022年12月5日）" })
      .waitFor();
    assert.equal((await storedTask(task.id)).signed_off ?? null, null);

    await picker.fill("2022-12-10");
    await signOff.click();
    await page.locator(".notice-banner", { hasText: "已销号" }).waitFor();
    assert.equal((await storedTask(task.id)).signed_off, "2022-12-10");
    await saveScreenshot(page, "tasks-signed-off");

    // Withdrawing takes a second tap.
    card = await openCard(page, task);
    const withdraw = card.getByRole("button", { name: "撤销销号" });
    await withdraw.click();
    const confirm = card.getByRole("button", {
      name: "确认撤销？将清除销号日期 2022年12月10日",
    });
    await confirm.waitFor();
    assert.equal((await storedTask(task.id)).signed_off, "2022-12-10");
    await confirm.click();
    await page.locator(".notice-banner", { hasText: "已撤销销号" }).waitFor();
    assert.equal((await storedTask(task.id)).signed_off ?? null, null);
  } finally {
    await page.context().close();
  }
});

test("home names the logged-in account", async () => {
  const page = await openPage(browser, PHONE);
  try {
    await logInAsOffice(page);
    await page.goto(server.url + "/");
    await waitForContent(page);
    const account = page.locator(".topbar-account");
    await page.waitForFunction(
      () => document.querySelector(".topbar-account")?.textContent !== "",
    );
    assert.match(await account.textContent(), /^office · /);
  } finally {
    await page.context().close();
  }
});
