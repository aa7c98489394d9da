// The page's memory under a large plan, as a lead edits it: each edit's undo step holds
// the lines it changed, not another copy of the plan, so the heap stays flat while the
// steps still undo exactly.
import path from 'node:path';
import { openSample, assert, assertEqual, rect, frames, click } from './harness.mjs';

async function until(fn, what, timeoutMs = 120000) {
  const t0 = Date.now();
  while (!(await fn())) {
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const heap = (p) => p.evaluate(() => window.rotaplanTest.heap());
const state = (p) => p.evaluate(() => window.rotaplanTest.storageState());

export default async function ({ url, context, root, shots, runner }) {
  const { page, errors, sample } = await openSample(context, url, root);

  await runner.test('memory: edits of a 5 MB plan keep the heap flat, and undo all of them exactly', async () => {
    const plan = JSON.parse(sample);
    for (let i = 0; i < 20000; i++) {
      plan.requests.push({ id: 'h' + i, type: 'cover', submitted: '2026-01-05', by: 'alice', week: '2026-11-30',
        role: 'primary', with: 'bob', status: 'rejected', note: 'an old request, number ' + i });
    }
    const r = await page.evaluate((t) => window.rotaplan.loadPlan(t), JSON.stringify(plan));
    assert(r.ok, 'load: ' + r.error);
    await page.evaluate(() => window.rotaplanTest.saved(60000));
    const loaded = await page.evaluate(() => window.rotaplan.planJson());
    assert(loaded.length > 5e6, 'plan size ' + loaded.length);
    const used = [];
    for (let i = 0; i < 3; i++) {
      await click(page, 'cell:2026-12-21:primary');
      await click(page, 'pick:' + (i % 2 ? 'dev' : 'carol'));
      await page.evaluate(() => window.rotaplanTest.saved(60000));
      used.push((await heap(page)).used);
    }
    // A copy of this plan is about 5 MB of heap; three steps hold a few hundred bytes.
    const growth = used[used.length - 1] - used[0];
    assert(growth < 2 * 1024 * 1024, `heap grew by ${growth} bytes over two edits: ${JSON.stringify(used)}`);
    const s = await state(page);
    assert(s.history_bytes < 16 * 1024, 'history bytes ' + s.history_bytes);
    for (let i = 0; i < 3; i++) await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
    assertEqual(await page.evaluate(() => window.rotaplan.planJson()), loaded, 'plan after three undos');
    await page.evaluate((t) => window.rotaplan.loadPlan(t), sample);
    await page.evaluate(() => window.rotaplanTest.saved(60000));
  });

  await runner.test('memory: a 300,000-incident run keeps the heap small, and Pay counts all of it', async () => {
    await click(page, 'menu:View');
    await click(page, 'menu:View/Incidents');
    const field = await rect(page, 'incidents:count');
    await page.mouse.click(field.x + 15, field.y + field.h / 2);
    await frames(page, 4);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('300000');
    await frames(page, 14);   // ImGui takes typed characters one a frame
    await page.keyboard.press('Enter');
    await frames(page, 6);
    await click(page, 'incidents:run');
    await rect(page, 'incidents:summary', 120000);
    await until(async () => !(await page.evaluate(() => window.rotaplanTest.widgetRect('incidents:progress'))), 'the run to end');
    // Each kept outcome is a few hundred bytes: 300,000 of them would be tens of MB.
    assert((await heap(page)).used < 24 * 1024 * 1024, 'heap after the run ' + JSON.stringify(await heap(page)));
    await click(page, 'menu:View');
    await click(page, 'menu:View/Pay');
    // Pay is counted as the run goes (per month and person), so it covers every incident.
    await rect(page, 'pay:summary');
    const summary = await page.evaluate(() => window.rotaplanTest.widgetText('pay:summary'));
    const m = /^([\d,]+) incidents from the last run/.exec(summary || '');
    assert(m && Number(m[1].replace(/,/g, '')) === 300000, 'pay summary: ' + summary);
    await page.screenshot({ path: path.join(shots, 'memory-pay-large-run.png') });
  });

  await runner.test('memory: no page errors', async () => {
    assertEqual(errors, [], 'console errors');
  });
  await page.close();
}
