// Renders the app's install icons (public/pwa-*.png) from public/favicon.svg with the same headless
// Chromium the tests use, so the PNGs can never drift from the SVG by hand. Run after changing the
// favicon: `node scripts/make-icons.mjs`. The maskable icon draws the mark inside the central 80%
// safe zone on a full-bleed background, as launchers crop it to a circle or squircle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium-args.mjs';

const root = join(import.meta.dirname, '..');
const cache = join(root, 'node_modules', '.cache', 'creditlab-chromium-path');
const executablePath =
  process.env.CHROMIUM_PATH ??
  (() => {
    try {
      return readFileSync(cache, 'utf8').trim();
    } catch {
      return '/usr/bin/chromium';
    }
  })();
const svg = readFileSync(join(root, 'public', 'favicon.svg'), 'utf8');
// The favicon's own background colour, for the maskable icon's bleed.
const background = /<rect[^>]*fill="([^"]+)"/.exec(svg)?.[1] ?? '#1f4e79';

const ICONS = [
  { file: 'pwa-192.png', size: 192, maskable: false },
  { file: 'pwa-512.png', size: 512, maskable: false },
  { file: 'pwa-maskable-512.png', size: 512, maskable: true },
];

const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
  for (const { file, size, maskable } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = maskable ? Math.round(size * 0.8) : size;
    const body = `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? background : 'transparent'}">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</body>`;
    await page.setContent(body);
    await page.screenshot({ path: join(root, 'public', file), omitBackground: !maskable });
    await page.close();
    console.log(`public/${file}: ${size}×${size}${maskable ? ' (maskable)' : ''}`);
  }
} finally {
  await browser.close();
}
