// Draws the app icons (public/icons/icon-192.png and icon-512.png) in
// headless Chromium: the character 督 in white on the theme red. Run it
// again only when the design changes; the PNGs are committed.
//
//   node tools/make-icons.mjs
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "public", "icons");
const THEME_RED = "#b71c1c";

// The glyph stays inside the central 80% circle, the safe zone of a
// maskable icon, so launchers may crop the square to any shape.
function iconHtml(size) {
  return `<!doctype html><html><head><style>
    html, body { margin: 0; width: ${size}px; height: ${size}px; }
    body {
      background: ${THEME_RED};
      display: flex; align-items: center; justify-content: center;
      color: #fff;
      font-family: "Noto Sans CJK SC", sans-serif;
      font-weight: 700;
      font-size: ${Math.round(size * 0.5)}px;
      line-height: 1;
    }
  </style></head><body>督</body></html>`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
try {
  await mkdir(outDir, { recursive: true });
  for (const size of [192, 512]) {
    const page = await browser.newPage({
      viewport: { width: size, height: size },
    });
    await page.setContent(iconHtml(size));
    await page.evaluate(() => document.fonts.ready);
    const path = join(outDir, `icon-${size}.png`);
    await page.screenshot({ path, omitBackground: false });
    await page.close();
    console.log(`wrote ${path}`);
  }
} finally {
  await browser.close();
}
