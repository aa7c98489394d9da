// Screenshots of every view at 1280 x 800 and 1920 x 1080, light and dark, into
// build/screenshots/view-<view>-<width>x<height>-<theme>.png, for a person to look at
// (scripts/screenshots; a few minutes with software rendering, so not part of scripts/test).
// Each view is opened as a person would (menus, a right-click) and closed with Escape.
// usage: node tests/browser/screenshots.mjs PAGE_DIR
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, launch, Runner, openSample, distinctColours, assert, rect, frames, click } from './harness.mjs';

const menu = (top, item) => async (page) => { await click(page, top); await click(page, item); };
const VIEWS = [
  ['export', menu('menu:File', 'menu:Export window'), 'export:download'],
  ['requests', menu('menu:View', 'menu:Requests'), 'requests:new'],
  ['draft', menu('menu:Edit', 'menu:Draft weeks'), 'draft:run'],
  ['cover', async (page) => { await click(page, 'cell:2026-12-07:primary', 'right'); await click(page, 'menu:Who can cover?'); }, 'cover:close'],
  ['escalation', menu('menu:View', 'menu:View/Escalation'), 'esc:date'],
  ['gaps', menu('menu:View', 'menu:View/Coverage gaps'), null],
  ['incidents', menu('menu:View', 'menu:View/Incidents'), 'incidents:run'],
  ['pay', menu('menu:View', 'menu:View/Pay'), null],
  ['handoff', menu('menu:View', 'menu:View/Handoff notes'), 'handoff:week'],
  ['about', menu('menu:Help', 'menu:About Rotaplan'), null],
];

async function main({ url, context, root, shots, runner }) {
  const { page } = await openSample(context, url, root);
  const shot = async (name) => {
    const vp = page.viewportSize();
    await page.mouse.move(vp.width - 4, vp.height - 4);   // no tooltip of the last click in the picture
    await frames(page, 3);
    const png = await page.screenshot({ path: path.join(shots, name + '.png') });
    const colours = await distinctColours(page, png);
    assert(colours > 20, `${name}: only ${colours} colours (blank?)`);
  };
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await menu('menu:View', 'menu:View/Dark theme')(page);
    for (const [w, h] of [[1280, 800], [1920, 1080]]) {
      const size = `${w}x${h}-${theme}`;
      await runner.test(`screenshots at ${size}: the main views, the calendar's overrides and every window`, async () => {
        await page.setViewportSize({ width: w, height: h });
        await frames(page, 4);
        await shot(`view-main-${size}`);
        await click(page, 'tab:Overrides');
        await shot(`view-overrides-${size}`);
        await click(page, 'tab:Shifts');
        for (const [name, open, label] of VIEWS) {
          await open(page);
          if (label) await rect(page, label);
          await frames(page, 3);
          await shot(`view-${name}-${size}`);
          await page.keyboard.press('Escape');
          await frames(page, 3);
          if (label) assert(!(await page.evaluate((l) => window.rotaplanTest.widgetRect(l), label)), `${name}: Escape closes it`);
        }
      });
    }
  }
  await menu('menu:View', 'menu:View/Dark theme')(page);
  await page.close();
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const shots = path.join(root, 'build', 'screenshots');
fs.mkdirSync(shots, { recursive: true });
const server = await startServer(path.resolve(process.argv[2] || path.join(root, 'build/wasm/page')));
const browser = await launch();
const runner = new Runner();
try {
  await main({ url: server.url, context: browser.context, root, shots, runner });
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${path.relative(process.cwd(), shots) || shots}`);
process.exit(runner.summary());
