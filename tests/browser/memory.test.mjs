// The page's memory under a large plan, as a lead edits it: each edit's undo step holds
// the lines it changed, not another copy of the plan, so the heap stays flat while the
// steps still undo exactly.
import { openSample, assert, assertEqual, frames, click } from './harness.mjs';

const heap = (p) => p.evaluate(() => window.rotaplanTest.heap());
const state = (p) => p.evaluate(() => window.rotaplanTest.storageState());

export default async function ({ url, context, root, runner }) {
  const { page, errors, sample } = await openSample(context, url, root);

  await runner.test('memory: edits of a 6 MB plan keep the heap flat, and undo all of them exactly', async () => {
    const plan = JSON.parse(sample);
    for (let i = 0; i < 24000; i++) {
      plan.requests.push({ id: 'h' + i, type: 'cover', submitted: '2026-01-05', by: 'alice', week: '2026-11-30',
        role: 'primary', with: 'bob', status: 'rejected', note: 'an old request, number ' + i });
    }
    const r = await page.evaluate((t) => window.rotaplan.loadPlan(t), JSON.stringify(plan));
    assert(r.ok, 'load: ' + r.error);
    await page.evaluate(() => window.rotaplanTest.saved(60000));
    const loaded = await page.evaluate(() => window.rotaplan.planJson());
    assert(loaded.length > 6e6, 'plan size ' + loaded.length);
    const used = [];
    for (let i = 0; i < 4; i++) {
      await click(page, 'cell:2026-12-21:primary');
      await click(page, 'pick:' + (i % 2 ? 'dev' : 'carol'));
      await page.evaluate(() => window.rotaplanTest.saved(60000));
      used.push((await heap(page)).used);
    }
    // A copy of this plan is more than 10 MB of heap; four steps hold a few hundred bytes.
    const growth = used[used.length - 1] - used[0];
    assert(growth < 2 * 1024 * 1024, `heap grew by ${growth} bytes over three edits: ${JSON.stringify(used)}`);
    const s = await state(page);
    assert(s.history_bytes < 16 * 1024, 'history bytes ' + s.history_bytes);
    for (let i = 0; i < 4; i++) await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
    assertEqual(await page.evaluate(() => window.rotaplan.planJson()), loaded, 'plan after four undos');
    await page.evaluate((t) => window.rotaplan.loadPlan(t), sample);
    await page.evaluate(() => window.rotaplanTest.saved(60000));
  });

  await runner.test('memory: no page errors', async () => {
    assertEqual(errors, [], 'console errors');
  });
  await page.close();
}
