// Kiosk soak benchmark: runs /kiosk against the real server for many
// hours of kiosk time in minutes of real time. It prints the page's live
// JS heap, wasm memory, DOM nodes and event listeners each kiosk hour, to
// show whether a kiosk left on for months keeps growing.
//
// Chromium's clock is taken over (Playwright's page.clock), so the slide
// and refresh timers fire as fast as the page can render. Each step still
// waits for real fetches and rendering. Every kiosk hour the office
// changes a home figure through the API, so refreshes also bring new data
// and a recompute, not only 304 responses.
//
//   node tools/kiosk-soak.mjs [hours of kiosk time, default 6]
//
// Needs a release build in dist/ and target/release/dukao (scripts/test.sh
// makes both). Prints one line per kiosk hour, then the growth per hour
// over the second half of the run, after the caches have settled.
import {
  DESKTOP,
  launchBrowser,
  openPage,
  startServer,
} from "../tests/e2e/harness.mjs";

const HOURS = Number(process.argv[2] || 6);
if (!Number.isFinite(HOURS) || HOURS < 1) {
  console.error(
    `kiosk-soak: invalid hours "${process.argv[2]}": give a number of at ` +
      "least 1, e.g. `node tools/kiosk-soak.mjs 6`",
  );
  process.exit(2);
}

// Slides change every 20 s and data refreshes every 60 s: the defaults.
const STEP_MS = 5_000;
const STEPS_PER_HOUR = 3_600_000 / STEP_MS;

/** Logs in as the demo office and returns its session cookie. */
async function logInAsOffice(url) {
  const response = await fetch(`${url}/api/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ account: "office", passcode: "demo-office" }),
  });
  if (!response.ok) {
    throw new Error(`login as office failed: HTTP ${response.status}`);
  }
  return response.headers.get("set-cookie").split(";")[0];
}

/**
 * Changes the home's open-period figure of the first monthly indicator,
 * up by 0.1 on odd hours and back down on even ones.
 */
async function changeFigure(url, cookie, hour) {
  const read = async (name) =>
    (await fetch(`${url}/data/${name}.json`, { headers: { cookie } })).json();
  const [scheme, figures] = await Promise.all([read("scheme"), read("figures")]);
  const indicator = scheme.indicators.find((i) => i.monthly).id;
  const home = scheme.home;
  const series = figures.peers.find(
    (s) => s.indicator === indicator && s.entity === home,
  );
  const [fromYear, fromMonth] = series.from.split("-").map(Number);
  const [openYear, openMonth] = figures.open_period.split("-").map(Number);
  const index = (openYear - fromYear) * 12 + openMonth - fromMonth;
  const previous = series.values[index] ?? null;
  const value = Math.round(((previous ?? 0) + (hour % 2 ? 0.1 : -0.1)) * 10) / 10;
  const response = await fetch(`${url}/api/figures`, {
    method: "PUT",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({
      period: figures.open_period,
      entries: [{ indicator, value, previous }],
    }),
  });
  if (!response.ok) {
    throw new Error(
      `changing ${indicator} failed: HTTP ${response.status} ` +
        (await response.text()),
    );
  }
}

async function measure(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const dom = await cdp.send("Memory.getDOMCounters");
  const wasmBytes = await page.evaluate(
    () => window.dukaoWasmMemory?.buffer.byteLength ?? 0,
  );
  const view = await page
    .getByTestId("kiosk-view")
    .getAttribute("data-view", { timeout: 5_000 })
    .catch(() => "none");
  return {
    heapKiB: Math.round(heap.usedSize / 1024),
    wasmKiB: Math.round(wasmBytes / 1024),
    nodes: dom.nodes,
    listeners: dom.jsEventListeners,
    view,
  };
}

function row(hour, m) {
  return (
    `${String(hour).padStart(5)} h  heap ${String(m.heapKiB).padStart(7)} KiB` +
    `  wasm ${String(m.wasmKiB).padStart(7)} KiB` +
    `  nodes ${String(m.nodes).padStart(6)}` +
    `  listeners ${String(m.listeners).padStart(5)}  slide ${m.view}`
  );
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await openPage(browser, DESKTOP);
  await page.clock.install();
  await page.goto(`${server.url}/kiosk`);
  await page.getByTestId("kiosk-view").waitFor({ timeout: 30_000 });
  const cdp = await page.context().newCDPSession(page);
  const cookie = await logInAsOffice(server.url);

  // The first hour loads ECharts and fills the caches, so growth after it
  // is what a months-long run would accumulate.
  const rows = [];
  for (let hour = 1; hour <= HOURS; hour++) {
    await changeFigure(server.url, cookie, hour);
    for (let step = 0; step < STEPS_PER_HOUR; step++) {
      await page.clock.runFor(STEP_MS);
      // Real time for the refresh's fetch and the slide's render.
      await page.waitForTimeout(15);
    }
    const m = await measure(page, cdp);
    rows.push(m);
    console.log(row(hour, m));
  }
  const half = Math.floor((rows.length - 1) / 2);
  const [first, last] = [rows[half], rows.at(-1)];
  const hours = Math.max(1, rows.length - 1 - half);
  console.log(
    `growth per kiosk hour from hour ${half + 1} to ${rows.length}: heap ` +
      `${((last.heapKiB - first.heapKiB) / hours).toFixed(1)} KiB, wasm ` +
      `${((last.wasmKiB - first.wasmKiB) / hours).toFixed(1)} KiB, nodes ` +
      `${((last.nodes - first.nodes) / hours).toFixed(1)}, listeners ` +
      `${((last.listeners - first.listeners) / hours).toFixed(1)}`,
  );
  if (page.problems.length > 0) {
    console.log(`console problems: ${page.problems.slice(0, 5).join("; ")}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
