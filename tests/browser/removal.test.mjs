// Taking a person off the team as a lead does it: "Remove from the team" asks what happens
// to their weeks (left empty or redrafted, from a date) and whether they stay inactive or
// go; nobody else's weeks move, and no unknown ids are left behind.
import path from 'node:path';
import { openSample, assert, assertEqual, rect, frames, click } from './harness.mjs';

const planOf = async (page) => JSON.parse(await page.evaluate(() => window.rotaplan.planJson()));
const errorsOf = async (page, rule) => (await page.evaluate(() => window.rotaplan.check())).violations.filter((v) => v.rule === rule);

// Every cell but the listed "DATE:role" ones is as in `before`.
function sameExcept(before, after, changed) {
  assertEqual(after.weeks.length, before.weeks.length, 'weeks');
  for (let i = 0; i < before.weeks.length; i++) {
    for (const role of ['primary', 'secondary', 'shadow', 'escalation']) {
      if (changed.includes(before.weeks[i].start + ':' + role)) continue;
      assertEqual(after.weeks[i][role] ?? null, before.weeks[i][role] ?? null, `${before.weeks[i].start} ${role}`);
    }
  }
}

async function askToRemove(page, id) {
  await click(page, 'person:' + id);
  await click(page, 'team:remove-person');
  await rect(page, 'modal:remove-person');
}

export default async function ({ url, context, root, shots, runner }) {
  const { page, errors, sample } = await openSample(context, url, root);
  const today = new Date().toISOString().slice(0, 10);
  // Tall enough for the whole person editor (its Remove button is at the bottom) and list.
  await page.setViewportSize({ width: 1400, height: 1400 });
  await frames(page, 6);

  await runner.test('removal: asks first; inactive from the next week, their week left empty, nothing else moves', async () => {
    const before = await planOf(page);
    await askToRemove(page, 'bob');
    assertEqual(await planOf(page), before, 'plan while asking');
    await page.screenshot({ path: path.join(shots, 'removal-question.png') });
    // Bob has an earlier week: staying inactive is the default; his duties are left empty.
    await click(page, 'team:remove:apply');
    const after = await planOf(page);
    const bob = after.people.find((p) => p.id === 'bob');
    assert(bob, 'bob was removed');
    const from = today < '2026-12-07' || today > '2026-12-21' ? null : before.weeks.find((w) => w.start >= today).start;
    if (from === '2026-12-07') {
      assertEqual(bob.inactive_from, '2026-12-07', 'inactive_from');
      assertEqual(after.weeks.find((w) => w.start === '2026-12-14').primary ?? null, null, 'his week of 2026-12-14');
      assertEqual(after.weeks.find((w) => w.start === '2026-11-30').secondary, 'bob', 'his earlier week');
      sameExcept(before, after, ['2026-12-14:primary']);
      assertEqual(after.requests.find((r) => r.id === 'r2').status, 'rejected', 'r2, about his week');
    }
    assertEqual(await errorsOf(page, 'unknown-person'), [], 'unknown ids');
    assertEqual(await errorsOf(page, 'request-invalid'), [], 'invalid requests');
    assert((await page.evaluate(() => window.rotaplanTest.undoDescription())).startsWith('Make Bob Osei inactive from '), 'undo description');
    await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
    assertEqual(await planOf(page), before, 'plan after undo');
  });

  await runner.test('removal: removed with every mention, their weeks from a date redrafted by others only', async () => {
    const plan = JSON.parse(sample);
    plan.people.push({ id: 'hana', name: 'Hana Ito' }, { id: 'ivan', name: 'Ivan Petrov' });
    await page.evaluate((t) => window.rotaplan.loadPlan(t), JSON.stringify(plan));
    await frames(page, 3);
    const before = await planOf(page);
    await askToRemove(page, 'alice');
    await click(page, 'team:remove:from');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2026-12-14');
    await frames(page, 24);   // ImGui takes typed characters one a frame
    await click(page, 'team:remove:redraft');
    await click(page, 'team:remove:delete');
    await page.screenshot({ path: path.join(shots, 'removal-redraft.png') });
    await click(page, 'team:remove:apply');
    const after = await planOf(page);
    assertEqual(after.people.some((p) => p.id === 'alice'), false, 'alice still in the plan');
    assertEqual(after.weeks.find((w) => w.start === '2026-11-30').primary ?? null, null, 'her earlier week is cleared');
    for (const start of ['2026-12-14', '2026-12-21']) {
      const w = after.weeks.find((x) => x.start === start);
      assert(w.secondary && w.secondary !== 'alice' && w.secondary !== w.primary, `secondary of ${start}: ${w.secondary}`);
    }
    sameExcept(before, after, ['2026-11-30:primary', '2026-12-14:secondary', '2026-12-21:secondary']);
    assertEqual(JSON.stringify(after).includes('"alice"'), false, 'alice is still named');
    assertEqual(await errorsOf(page, 'unknown-person'), [], 'unknown ids');
    await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
    assertEqual(await planOf(page), before, 'plan after undo');
  });

  await runner.test('removal: a redraft that cannot be done says why and changes nothing', async () => {
    await page.evaluate((t) => window.rotaplan.loadPlan(t), sample);
    await frames(page, 3);
    const before = await planOf(page);
    await askToRemove(page, 'alice');
    await click(page, 'team:remove:from');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2026-12-14');
    await frames(page, 24);   // ImGui takes typed characters one a frame
    await click(page, 'team:remove:redraft');
    await click(page, 'team:remove:apply');
    await rect(page, 'team:remove:error');
    await rect(page, 'modal:remove-person');
    assertEqual(await planOf(page), before, 'plan after the failed redraft');
    await page.screenshot({ path: path.join(shots, 'removal-cannot-redraft.png') });
    await click(page, 'team:remove:cancel');
    assertEqual(await page.evaluate(() => window.rotaplanTest.widgetRect('modal:remove-person')), null, 'question closed');
  });

  await runner.test('removal: a person named nowhere is removed without a question', async () => {
    const plan = JSON.parse(sample);
    plan.people.push({ id: 'zed', name: 'Zed Unused' });
    await page.evaluate((t) => window.rotaplan.loadPlan(t), JSON.stringify(plan));
    await frames(page, 3);
    await click(page, 'person:zed');
    await click(page, 'team:remove-person');
    await frames(page, 3);
    assertEqual(await page.evaluate(() => window.rotaplanTest.widgetRect('modal:remove-person')), null, 'asked');
    assertEqual((await planOf(page)).people.some((p) => p.id === 'zed'), false, 'zed removed');
  });

  await runner.test('removal: no page errors', async () => {
    assertEqual(errors, [], 'console errors');
  });
  await page.close();
}
