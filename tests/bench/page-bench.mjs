// Page figures in headless Chromium (software WebGL): time to the first drawn frame (the
// page marks "rotaplan:first-frame" on the performance timeline once the first frame is
// submitted; rotaplanReady resolves a few frames later, when the test hook has the layout),
// with the sample plan and with a 520-week x 200-person plan restored from the browser's
// storage; UI CPU time per frame with that plan open (the page's own measure of ImGui
// build + draw lists). The server sends no-store, so every load fetches everything.
//
// The first WebGL context a freshly launched browser makes also starts its GPU process
// (0.5-2 s with software rendering here); that is the browser's start-up, not the page's,
// so it is printed on its own row and the other rows are measured in new tabs after it.
import path from 'node:path';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { startServer, launch } from '../browser/harness.mjs';

const pageDir = path.resolve(process.argv[2] || 'build/wasm/page');
const benchExe = path.resolve(process.argv[3] || 'build/native/rotaplan_bench');
const server = await startServer(pageDir);
const browser = await launch();
const row = (name, value, unit, target) =>
  console.log(`${name.padEnd(48)} ${String(value).padStart(10)} ${unit.padEnd(6)}${target ? '  (target ' + target + ')' : ''}`);
const readyAt = (page) => page.evaluate(async () => { await window.rotaplanReady; return performance.now(); });
const firstFrameAt = (page) => page.evaluate(async () => {
  await window.rotaplanReady;
  const m = performance.getEntriesByName('rotaplan:first-frame');
  return m.length ? m[0].startTime : NaN;
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function frameStats(page, n) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    await page.evaluate(() => window.rotaplanTest.frames(1));
    samples.push(await page.evaluate(() => window.rotaplanTest.frameMs()));
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(n / 2)], p90: samples[Math.floor(n * 0.9)] };
}

// ---- idle cost and transfer (issue 12 item 19, issue 13) ----------------------------------
// CPU time of every process of the browser the harness launched (the descendants of this
// node process: the browser, its GPU, renderer and utility processes), in seconds; Linux /proc.
function browserCpuSeconds() {
  const procs = new Map();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(pid, { ppid: f[1], cpu: (Number(f[11]) + Number(f[12])) / 100 });
    } catch (e) { /* gone */ }
  }
  const ours = new Set([String(process.pid)]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs) if (!ours.has(pid) && ours.has(p.ppid)) { ours.add(pid); grew = true; }
  }
  let cpu = 0;
  for (const pid of ours) if (pid !== String(process.pid)) cpu += procs.get(pid).cpu;
  return cpu;
}

async function idleFigures(page) {
  // Wait until the page stops drawing (the tail after the last input), then 10 s idle.
  for (let i = 0; i < 20; i++) {
    const f = await page.evaluate(() => window.rotaplanTest.framesDrawn());
    await page.waitForTimeout(600);
    if ((await page.evaluate(() => window.rotaplanTest.framesDrawn())) === f) break;
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const f0 = await page.evaluate(() => window.rotaplanTest.framesDrawn());
  const t0 = await task(), c0 = browserCpuSeconds(), w0 = Date.now();
  await page.waitForTimeout(10000);
  const t1 = await task(), c1 = browserCpuSeconds(), secs = (Date.now() - w0) / 1000;
  const f1 = await page.evaluate(() => window.rotaplanTest.framesDrawn());
  await cdp.detach();
  row('idle page: frames drawn in 10 s', f1 - f0, 'frames', '0 but timers');
  row('idle page: CPU of the page (main thread)', (100 * (t1 - t0) / secs).toFixed(2), '% core', '<= 2 %');
  row('idle page: CPU of the whole browser', (100 * (c1 - c0) / secs).toFixed(2), '% core', '<= 2 %');
}

// Bytes a first visit transfers, each response gzipped at level 9 (what a server that
// compresses would send), in a tab with an empty cache.
async function transfer(context, url) {
  const tab = await context.newPage();
  const sizes = new Map();
  tab.on('response', async (r) => {
    try { const body = await r.body(); sizes.set(new URL(r.url()).pathname, zlib.gzipSync(body, { level: 9 }).length); } catch (e) {}
  });
  await tab.goto(url);
  await tab.evaluate(() => window.rotaplanReady);
  await tab.waitForTimeout(500);
  await tab.close();
  let total = 0, zones = 0, zoneFiles = 0;
  for (const [p, n] of sizes) { total += n; if (p.startsWith('/zones/')) { zones += n; zoneFiles++; } }
  row('transfer, first visit (gzip -9, all requests)', (total / 1e6).toFixed(3), 'MB', '<= 0.9 MB');
  row(`  of which zone index and ${zoneFiles - 1} zone files`, (zones / 1e3).toFixed(1), 'KB');
  row('  wasm', ((sizes.get('/rotaplan.wasm') || 0) / 1e3).toFixed(1), 'KB');
}

try {
  await transfer(browser.context, server.url);
  {
    const first = await browser.context.newPage();
    await first.goto(server.url);
    row('first frame, first page of a just-launched browser', (await firstFrameAt(first)).toFixed(0), 'ms');
    await first.close();
  }
  const frames = [], readies = [];
  for (let i = 0; i < 5; i++) {
    const tab = await browser.context.newPage();
    await tab.goto(server.url);
    frames.push(await firstFrameAt(tab));
    readies.push(await readyAt(tab));
    await tab.close();
  }
  row('first frame, sample plan, new tab (median of 5)', median(frames).toFixed(0), 'ms', '<= 1000 ms');
  row('  page ready (3 frames, API live) (median of 5)', median(readies).toFixed(0), 'ms');
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await readyAt(page);
  let s = await frameStats(page, 60);
  row('UI CPU per frame, sample plan (median / p90)', `${s.median.toFixed(2)} / ${s.p90.toFixed(2)}`, 'ms');
  await idleFigures(page);

  const big = path.join(path.dirname(pageDir), 'bench-plan.json');
  execFileSync(benchExe, ['--write-plan', big]);
  const text = fs.readFileSync(big, 'utf8');
  const loadMs = await page.evaluate((t) => {
    const a = performance.now();
    const r = window.rotaplan.loadPlan(t);
    if (!r.ok) throw new Error(r.error);
    return performance.now() - a;
  }, text);
  row('loadPlan, 520 weeks x 200 people (read + check)', loadMs.toFixed(1), 'ms');
  s = await frameStats(page, 60);
  row('UI CPU per frame, 520x200 plan (median / p90)', `${s.median.toFixed(2)} / ${s.p90.toFixed(2)}`, 'ms', 'p90 <= 8 ms');
  await page.evaluate(() => window.rotaplanTest.frames(5));
  await page.evaluate(() => window.rotaplanTest.saved && window.rotaplanTest.saved(60000));   // saving is asynchronous
  await page.reload();   // the plan was saved in the browser; it is restored on load
  row('first frame, 520x200 plan restored on reload', (await firstFrameAt(page)).toFixed(0), 'ms');
  const weeks = await page.evaluate(() => JSON.parse(window.rotaplan.planJson()).weeks.length);
  if (weeks !== 520) console.log(`(warning: restored plan has ${weeks} weeks)`);

  // ---- page-safety: the heap under a 22 MB plan edited 100 times (issue 13 item 9) ----
  // The plan: the sample with 86,000 old (rejected) requests, about 22 MB as the page writes
  // it. Each edit goes the page's own way (queued, one undo step, checked, saved); undo
  // keeps differences, so the heap should stay near what the plan itself needs.
  {
    const edits = Number(process.env.BENCH_PAGE_EDITS || 100);
    const mb = (b) => (b / (1024 * 1024)).toFixed(1);
    const sample = JSON.parse(fs.readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../assets/sample-plan.json'), 'utf8'));
    for (let i = 0; i < 86000; i++) {
      sample.requests.push({ id: 'h' + i, type: 'cover', submitted: '2026-01-05', by: 'alice', week: '2026-11-30',
        role: 'primary', with: 'bob', status: 'rejected', note: 'an old request, number ' + i });
    }
    const loaded = await page.evaluate((t) => {
      const r = window.rotaplan.loadPlan(t);
      if (!r.ok) throw new Error(r.error);
      return window.rotaplan.planJson().length;
    }, JSON.stringify(sample));
    await page.evaluate(() => window.rotaplanTest.saved(120000));
    let h = await page.evaluate(() => window.rotaplanTest.heap());
    row(`page heap, ${mb(loaded)} MB plan loaded (used / total)`, `${mb(h.used)} / ${mb(h.total)}`, 'MB');
    const times = [];
    for (let i = 0; i < edits; i++) {
      const ms = await page.evaluate(async (i) => {
        const t0 = performance.now();
        const rev = window.rotaplanTest.revision();
        window.rotaplanTest.editNote(i % 4, 'edit ' + i);
        while (window.rotaplanTest.revision() === rev) await window.rotaplanTest.frames(1);
        await window.rotaplanTest.saved(120000);
        return performance.now() - t0;
      }, i);
      times.push(ms);
    }
    h = await page.evaluate(() => window.rotaplanTest.heap());
    const st = await page.evaluate(() => window.rotaplanTest.storageState());
    row(`page heap after ${edits} edits of it (used / total)`, `${mb(h.used)} / ${mb(h.total)}`, 'MB');
    row(`  undo history after ${edits} edits (${st.undo_steps} steps)`, (st.history_bytes / 1024).toFixed(1), 'KB');
    row('  one edit of it: apply, check, save (median)', median(times).toFixed(0), 'ms');
  }
} finally {
  await browser.close();
  await server.close();
}
