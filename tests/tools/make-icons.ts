// One-off: draws the toolbar/store icon (a shield holding a gauge whose needle sits near the red end)
// as SVG and rasterises it with headless Chromium at 16/32/48/128 px into public/icon/.
// Run: npx tsx tests/tools/make-icons.ts   (the PNGs are committed; the build does not run this)
// 16 px gets its own simplified drawing: thicker strokes, no tick marks, so it stays legible.
import { chromium } from 'playwright-core';
import path from 'node:path';

const OUT = path.resolve(import.meta.dirname, '../public/icon');
const SHIELD = 'M64 6 L114 24 V60 C114 92 92 114 64 124 C36 114 14 92 14 60 V24 Z';

function svg(size: number): string {
  const small = size <= 16;
  const arc = small ? 16 : 12; // gauge stroke width (in the 128 viewBox)
  const ticks = small
    ? ''
    : [-60, -30, 0, 30, 60]
        .map(
          (deg) =>
            `<line x1="64" y1="36" x2="64" y2="${deg === 0 ? 44 : 42}" stroke="#0d1b2a" stroke-width="3" transform="rotate(${deg} 64 76)"/>`,
        )
        .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#2fbf71"/><stop offset="0.55" stop-color="#f5b100"/><stop offset="1" stop-color="#e5383b"/>
    </linearGradient>
  </defs>
  <path d="${SHIELD}" fill="#12263f" stroke="#e8eef5" stroke-width="${small ? 8 : 6}" stroke-linejoin="round"/>
  <path d="M30 78 A34 34 0 0 1 98 78" fill="none" stroke="url(#g)" stroke-width="${arc}" stroke-linecap="round"/>
  ${ticks}
  <line x1="64" y1="80" x2="90" y2="${small ? 56 : 54}" stroke="#ffffff" stroke-width="${small ? 10 : 7}" stroke-linecap="round"/>
  <circle cx="64" cy="80" r="${small ? 10 : 8}" fill="#ffffff"/>
</svg>`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`,
  );
  await page.screenshot({ path: path.join(OUT, `${size}.png`), omitBackground: true });
  console.log(`wrote public/icon/${size}.png`);
}
await browser.close();
