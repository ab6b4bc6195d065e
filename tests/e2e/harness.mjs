// Shared set-up of the end-to-end tests: the real Dukao server on a free
// loopback port and Debian's Chromium driven by playwright-core.
//
// DUKAO_BIN names the server binary (default target/release/dukao) and
// DUKAO_APP the built app (default dist/); scripts/test.sh builds both.
import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const ARTIFACTS = join(ROOT, "tests", "e2e", "artifacts");

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1920, height: 1080 };

const SERVER_START_TIMEOUT_MS = 60_000;

/**
 * Starts `dukao serve` on 127.0.0.1 with a port the OS picks, and resolves
 * once it logs the address it listens on. `stop()` sends SIGTERM and waits
 * for the process to exit.
 */
export async function startServer() {
  const bin = process.env.DUKAO_BIN || join(ROOT, "target", "release", "dukao");
  const app = process.env.DUKAO_APP || join(ROOT, "dist");
  const child = spawn(
    bin,
    ["serve", "--addr", "127.0.0.1:0", "--app", app],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const exited = new Promise((resolve) => child.once("exit", resolve));

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(
          `server did not report its address within ` +
            `${SERVER_START_TIMEOUT_MS} ms; output so far:\n${output}`,
        ),
      );
    }, SERVER_START_TIMEOUT_MS);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${bin}: ${error.message}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });

  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
      }
      await exited;
    },
  };
}

/** Launches headless Debian Chromium; never downloads a browser. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Opens a page in a fresh context of the given viewport and records its
 * console errors and uncaught exceptions in `page.problems`.
 *
 * The service worker is blocked unless `serviceWorkers` is "allow", so that
 * tests other than the offline one always read from the server.
 */
export async function openPage(browser, viewport, options = {}) {
  const context = await browser.newContext({
    viewport,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    serviceWorkers: options.serviceWorkers || "block",
  });
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") {
      page.problems.push(`console error: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => {
    page.problems.push(`uncaught exception: ${error.message}`);
  });
  return page;
}

/** Saves a full-page screenshot as artifacts/<name>-<width>x<height>.png. */
export async function saveScreenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const { width, height } = page.viewportSize();
  const path = join(ARTIFACTS, `${name}-${width}x${height}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until the wasm app has replaced the static loading shell. */
export async function waitForApp(page) {
  await page.waitForSelector("#app-shell", { state: "detached" });
}

/**
 * Returns how far the page scrolls sideways outside tables: the document's
 * scroll width beyond the viewport, in CSS pixels (0 when none).
 */
export function horizontalOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    return Math.max(0, root.scrollWidth - root.clientWidth);
  });
}

/** Reads the four data documents the server serves. */
export async function fetchDocuments(baseUrl) {
  const names = ["scheme", "figures", "ledger", "supervision"];
  const documents = {};
  for (const name of names) {
    const response = await fetch(`${baseUrl}/data/${name}.json`);
    if (!response.ok) {
      throw new Error(`GET /data/${name}.json returned ${response.status}`);
    }
    documents[name] = await response.json();
  }
  return documents;
}

/**
 * Waits until no loading state is left on the page: the app's own
 * `.state.loading` placeholders and the kiosk's first load.
 */
export async function waitForContent(page) {
  await waitForApp(page);
  await page.waitForFunction(
    () => document.querySelectorAll(".state.loading").length === 0,
    null,
    { timeout: 20_000 },
  );
}

/**
 * Lists the app's screens as [name, path] pairs, with deep links built
 * from the served documents: the first monthly-ranked indicator's detail
 * and the last closed month's bulletin.
 */
export function screenPaths(documents) {
  const indicator =
    documents.scheme.indicators.find((i) => i.monthly) ||
    documents.scheme.indicators[0];
  const [year, month] = documents.figures.open_period.split("-").map(Number);
  const closed =
    month > 1 ? `${year}-${String(month - 1).padStart(2, "0")}` : `${year}-01`;
  return [
    ["home", "/"],
    ["indicators", "/indicators"],
    ["detail", `/indicators/${encodeURIComponent(indicator.id)}`],
    ["ranking", "/ranking"],
    ["bulletin", `/ranking/bulletin/${closed}`],
    ["what-if", "/what-if"],
    ["entry", "/entry"],
    ["tasks", "/tasks"],
    ["supervision", "/supervision"],
    ["annual", "/annual"],
    ["login", "/login"],
    ["kiosk", "/kiosk"],
  ];
}

/**
 * Waits until the chart in the container with this test id has drawn:
 * a canvas of non-zero size with at least one non-transparent pixel.
 * Returns the canvas's size and the share of painted pixels.
 */
export async function waitForChart(page, testId) {
  const handle = await page.waitForFunction(
    (id) => {
      const canvas = document.querySelector(`[data-testid="${id}"] canvas`);
      if (!canvas || canvas.width === 0 || canvas.height === 0) return null;
      const context = canvas.getContext("2d");
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) {
        if (data[i] !== 0) painted += 1;
      }
      if (painted === 0) return null;
      return {
        width: canvas.width,
        height: canvas.height,
        painted: painted / (data.length / 4),
      };
    },
    testId,
    { timeout: 20_000 },
  );
  return handle.jsonValue();
}

/** Logs `page` in through the login screen as `account` with `passcode`. */
export async function logIn(page, baseUrl, account, passcode) {
  await page.goto(`${baseUrl}/login`);
  await waitForContent(page);
  await page.fill('input[autocomplete="username"]', account);
  await page.fill('input[autocomplete="current-password"]', passcode);
  await page.click('button[type="submit"]');
  await page.waitForSelector("text=退出登录");
}
