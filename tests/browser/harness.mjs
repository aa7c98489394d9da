// Browser test harness: serves the built page from a local server it starts and
// stops itself, drives Debian's Chromium headless through playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.data': 'application/octet-stream', '.json': 'application/json', '.css': 'text/css',
  '.png': 'image/png', '.ttf': 'font/ttf' };

export function findChromium() {
  for (const p of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && fs.existsSync(p)) return p;
  }
  throw new Error('Chromium not found: run scripts/setup (Debian package chromium)');
}

export async function startServer(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(root))) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-store' });
      res.end(data);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rotaplan-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic', '--no-first-run'],
  });
  return { context, close: async () => { await context.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); } };
}

// Opens the page, collects console errors and page errors, waits for rotaplanReady.
// The first-open welcome (a modal over the sample) is marked as seen unless
// `{ welcome: true }` is given, so tests start on the planner itself.
export async function openPage(context, url, { welcome = false } = {}) {
  const page = await context.newPage();
  if (!welcome) await page.addInitScript(() => { try { localStorage.setItem('rotaplan.welcomed', '1'); } catch {} });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text() + (m.location().url ? ' [' + m.location().url + ']' : '')); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const t0 = Date.now();
  await page.goto(url);
  await page.evaluate(() => window.rotaplanReady.then(() => true));
  const readyMs = Date.now() - t0;
  return { page, errors, readyMs };
}

// A page with the sample plan (assets/sample-plan.json) loaded through the JS API and drawn.
export async function openSample(context, url, root) {
  const opened = await openPage(context, url);
  const samplePath = path.join(root, 'assets', 'sample-plan.json');
  const sample = fs.readFileSync(samplePath, 'utf8');
  await opened.page.evaluate((t) => window.rotaplan.loadPlan(t), sample);
  await frames(opened.page, 4);
  return { ...opened, samplePath, sample };
}

// Counts distinct colours in a PNG screenshot by decoding it in the browser.
export async function distinctColours(page, png) {
  return page.evaluate(async (b64) => {
    const blob = await (await fetch('data:image/png;base64,' + b64)).blob();
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  }, png.toString('base64'));
}

// A minimal test runner: named async checks, one line each, "N passed, N failed".
export class Runner {
  constructor() { this.passed = 0; this.failed = 0; }
  async test(name, fn) {
    try {
      await fn();
      this.passed++;
      console.log(`ok   ${name}`);
    } catch (e) {
      this.failed++;
      console.log(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').slice(0, 6).join('\n     ')}`);
    }
  }
  summary() { console.log(`${this.passed} passed, ${this.failed} failed`); return this.failed === 0 ? 0 : 1; }
}

export function assert(cond, message) { if (!cond) throw new Error(message); }
export function assertEqual(actual, expected, message) {
  const a = typeof actual === 'string' ? actual : JSON.stringify(actual);
  const e = typeof expected === 'string' ? expected : JSON.stringify(expected);
  if (a !== e) {
    let i = 0; while (i < a.length && a[i] === e[i]) i++;
    throw new Error(`${message}: differs at offset ${i}\n  actual:   ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 60))}\n  expected: ${JSON.stringify(e.slice(Math.max(0, i - 40), i + 60))}`);
  }
}

// UI helpers for tests that act as a person: widgets are found through the test hook's
// widgetRect(label) (docs/page.md lists the labels), polled until drawn.
export async function rect(page, label, timeoutMs = 5000) {
  const t0 = Date.now();
  for (;;) {
    const r = await page.evaluate((l) => window.rotaplanTest.widgetRect(l), label);
    if (r) return r;
    if (Date.now() - t0 > timeoutMs) throw new Error(`widget ${label} is not drawn`);
    await page.evaluate(() => window.rotaplanTest.frames(2));
  }
}
export const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
export async function frames(page, n = 3) { await page.evaluate((k) => window.rotaplanTest.frames(k), n); }
export async function click(page, label, button = 'left') {
  const c = centre(await rect(page, label));
  await page.mouse.move(c.x, c.y);
  await frames(page, 2);
  await page.mouse.down({ button });
  await frames(page, 2);
  await page.mouse.up({ button });
  await frames(page, 3);
}
