// Change requests, "Who can cover?" and "Draft weeks" as a person uses them: real mouse
// events on the canvas at the test hook's widgetRect(label) (docs/page.md lists the labels).
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { openSample, assert, assertEqual, rect, centre, frames, click } from './harness.mjs';

const planOf = async (page) => JSON.parse(await page.evaluate(() => window.rotaplan.planJson()));

export default async function ({ url, context, cli, root, shots, runner }) {
  const { page, errors, samplePath, sample } = await openSample(context, url, root);

  await runner.test('requests: the window lists the requests; simulating r1 says reject, as the CLI does', async () => {
    await click(page, 'button:requests');
    await rect(page, 'requests:new');
    await rect(page, 'request:r1');
    await rect(page, 'request:r2');
    await click(page, 'request:r1');
    await click(page, 'requests:simulate');
    await rect(page, 'requests:verdict:reject');
    let cliSim;
    try {
      cliSim = JSON.parse(execFileSync(cli, ['simulate', samplePath, 'r1', '--json']).toString());
    } catch (e) {
      cliSim = JSON.parse(e.stdout.toString());   // exit code 1 for a rejection
    }
    assertEqual(cliSim.verdict, 'reject', 'CLI verdict');
    const pageSim = await page.evaluate(() => window.rotaplan.simulate('r1'));
    assertEqual(pageSim, cliSim, 'simulation of r1, page vs CLI');
    await page.screenshot({ path: path.join(shots, 'requests-r1.png') });
  });

  await runner.test('requests: Approve on a reject verdict asks first, naming the reasons; Cancel changes nothing', async () => {
    const before = await planOf(page);
    await click(page, 'request:r2');
    await rect(page, 'requests:verdict:reject');
    const sim = await page.evaluate(() => window.rotaplan.simulate('r2'));
    assertEqual(sim.verdict, 'reject', 'r2 verdict');
    await click(page, 'requests:approve');
    await rect(page, 'modal:approve-anyway');
    // Every reason of the simulation is in the question, and nothing else.
    for (let i = 0; i < sim.reasons.length; i++) await rect(page, 'requests:approve-anyway:reason:' + i);
    assertEqual(await page.evaluate((n) => window.rotaplanTest.widgetRect('requests:approve-anyway:reason:' + n), sim.reasons.length), null, 'extra reason line');
    assertEqual(await planOf(page), before, 'plan while asking');
    await page.screenshot({ path: path.join(shots, 'requests-approve-anyway.png') });
    await click(page, 'requests:approve-cancel');
    assertEqual(await page.evaluate(() => window.rotaplanTest.widgetRect('modal:approve-anyway')), null, 'question closed');
    assertEqual(await planOf(page), before, 'plan after Cancel');
  });

  await runner.test('requests: approving anyway applies r2 as one step; it then shows what was done and when', async () => {
    const before = await planOf(page);
    const sim = await page.evaluate(() => window.rotaplan.simulate('r2'));
    const t0 = Date.now();
    await click(page, 'requests:approve');
    await click(page, 'requests:approve-anyway');
    await frames(page, 3);
    const after = await planOf(page);
    const wk = after.weeks.find((w) => w.start === '2026-12-14');
    assertEqual(wk.primary, 'carol', 'primary of 2026-12-14 after approving r2');
    const r2 = after.requests.find((r) => r.id === 'r2');
    assertEqual(r2.status, 'applied', 'status of r2');
    for (const c of sim.changes) {
      const w = after.weeks.find((x) => x.start === c.week);
      assertEqual(w[c.role] ?? null, c.to, `change ${c.week} ${c.role}`);
    }
    // What was done and when, kept with the request.
    assertEqual(r2.applied_changes, sim.changes, 'applied_changes');
    assertEqual(r2.approved_over, sim.reasons, 'approved_over');
    const at = Date.parse(r2.decided_at);
    assert(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(r2.decided_at) && at >= t0 - 2000 && at <= Date.now() + 2000, 'decided_at ' + r2.decided_at);
    assertEqual(await page.evaluate(() => window.rotaplanTest.undoDescription()), 'Approve request r2 over its reject verdict', 'undo description');
    // No re-simulated red "reject": the record of the decision instead.
    await rect(page, 'requests:done');
    await rect(page, 'requests:done:overridden');
    assertEqual(await page.evaluate(() => window.rotaplanTest.widgetRect('requests:verdict')), null, 'a verdict is shown for an applied request');
    await page.screenshot({ path: path.join(shots, 'requests-r2-applied.png') });
    await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
    assertEqual(await planOf(page), before, 'plan after undo');
  });

  await runner.test('requests: Reject records when; the request then shows the decision', async () => {
    await click(page, 'request:r1');
    await click(page, 'requests:reject');
    const r1 = (await planOf(page)).requests.find((r) => r.id === 'r1');
    assertEqual(r1.status, 'rejected', 'status');
    assert(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(r1.decided_at), 'decided_at ' + r1.decided_at);
    await rect(page, 'requests:done');
    assertEqual(await page.evaluate(() => window.rotaplanTest.widgetRect('requests:verdict')), null, 'verdict of a rejected request');
    await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
  });

  await runner.test("requests: the form lists the person's own duties only, fills the role, and adds a swap", async () => {
    await click(page, 'requests:new');
    const form = await rect(page, 'window:Request a change');
    const today = new Date().toISOString().slice(0, 10);
    if (today > '2026-12-13') await click(page, 'requests:form:past');   // the sample's weeks are over
    await click(page, 'requests:form:swap');
    await click(page, 'requests:form:by');
    await click(page, 'pick:bob');
    await click(page, 'requests:form:week');
    // Bob's duties from today on (2026-11-30 secondary is still running, 2026-12-14 primary),
    // not every week.
    await rect(page, 'pick:duty:2026-12-14:primary');
    const listed = await page.evaluate(() => ['2026-11-30:secondary', '2026-12-07:primary', '2026-12-07:secondary',
      '2026-12-21:primary', '2026-12-21:secondary'].filter((d) => window.rotaplanTest.widgetRect('pick:duty:' + d)));
    assertEqual(listed, today < '2026-12-07' || today > '2026-12-13' ? ['2026-11-30:secondary'] : [], "duties listed that are not Bob's");
    await page.screenshot({ path: path.join(shots, 'requests-form-duties.png') });
    await click(page, 'pick:duty:2026-12-14:primary');
    await click(page, 'requests:form:with');
    await click(page, 'pick:dev');
    await click(page, 'requests:form:with-week');
    await rect(page, 'pick:duty:2026-12-21:primary');
    assertEqual(await page.evaluate(() => window.rotaplanTest.widgetRect('pick:duty:2026-12-14:primary')), null, "Bob's duty in Dev's list");
    await click(page, 'pick:duty:2026-12-21:primary');
    await page.screenshot({ path: path.join(shots, 'requests-form.png') });
    await click(page, 'requests:form:create');
    const plan = await planOf(page);
    const r3 = plan.requests.find((r) => r.id === 'r3');
    assert(r3, 'no r3: ' + JSON.stringify(plan.requests.map((r) => r.id)));
    assertEqual([r3.type, r3.by, r3.week, r3.role, r3.with, r3.with_week, r3.with_role ?? null, r3.status],
      ['swap', 'bob', '2026-12-14', 'primary', 'dev', '2026-12-21', null, 'pending'], 'r3');
    assert(/^\d{4}-\d\d-\d\d$/.test(r3.submitted), 'submitted ' + r3.submitted);
    assert(form.w < 420, 'form width ' + form.w);
    await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
    assertEqual((await planOf(page)).requests.length, 2, 'requests after undo');
  });

  await runner.test('requests: "Request swap / cover…" from a cell opens the form for that duty, beside the row', async () => {
    await page.evaluate((t) => window.rotaplan.loadPlan(t), sample);
    await frames(page, 3);
    await click(page, 'menu:View');
    await click(page, 'menu:Requests');   // closes the Requests window
    await click(page, 'cell:2026-12-21:secondary', 'right');
    await click(page, 'menu:Request swap / cover');
    const form = await rect(page, 'window:Request a change');
    for (const col of ['dates', 'primary', 'secondary', 'escalation', 'shadow']) {
      const c = await rect(page, 'cell:2026-12-21:' + col);
      const overlap = form.x < c.x + c.w && c.x < form.x + form.w && form.y < c.y + c.h && c.y < form.y + form.h;
      assert(!overlap, `the form covers the ${col} cell of its row`);
    }
    await page.screenshot({ path: path.join(shots, 'requests-form-from-cell.png') });
    // Alice holds that duty: it is filled in; a cover by Bob, an emergency.
    await click(page, 'requests:form:cover');
    await click(page, 'requests:form:with');
    await click(page, 'pick:bob');
    await click(page, 'requests:form:emergency');
    await click(page, 'requests:form:create');
    const plan = await planOf(page);
    const r3 = plan.requests.find((r) => r.id === 'r3');
    assert(r3, 'no r3');
    assertEqual([r3.type, r3.by, r3.week, r3.role, r3.with, r3.emergency], ['cover', 'alice', '2026-12-21', 'secondary', 'bob', true], 'r3');
    // Its verdict is approve: Approve applies it at once, without a question.
    const sim = await page.evaluate(() => window.rotaplan.simulate('r3'));
    assertEqual(sim.verdict, 'approve', 'verdict of r3: ' + JSON.stringify(sim.reasons));
    await click(page, 'requests:approve');
    await frames(page, 3);
    assertEqual(await page.evaluate(() => window.rotaplanTest.widgetRect('modal:approve-anyway')), null, 'asked about an approve verdict');
    const after = await planOf(page);
    assertEqual(after.weeks.find((w) => w.start === '2026-12-21').secondary, 'bob', 'secondary after approving r3');
    assertEqual(after.requests.find((r) => r.id === 'r3').approved_over, undefined, 'approved_over on an approve verdict');
    await rect(page, 'requests:done');
  });

  await runner.test('who can cover: right-click a cell, assign the first candidate', async () => {
    // Close the Requests window so it hides nothing.
    await page.evaluate((t) => window.rotaplan.loadPlan(t), sample);
    await frames(page, 3);
    await click(page, 'menu:View');
    await click(page, 'menu:Requests');   // closes it
    await click(page, 'cell:2026-12-21:secondary', 'right');
    await click(page, 'menu:Who can cover?');
    await rect(page, 'cover:assign-first');
    const list = JSON.parse(execFileSync(cli, ['candidates', samplePath, '--week', '2026-12-21', '--role', 'secondary', '--json']).toString());
    const first = list.candidates.find((c) => !c.current);
    assert(first, 'no candidate');
    for (const c of list.candidates) await rect(page, 'cover:candidate:' + c.person);
    for (const e of list.excluded) await rect(page, 'cover:excluded:' + e.person);
    await page.screenshot({ path: path.join(shots, 'cover.png') });
    await click(page, 'cover:assign:' + first.person);
    const plan = await planOf(page);
    assertEqual(plan.weeks.find((w) => w.start === '2026-12-21').secondary, first.person, 'secondary after Assign');
    assert((await page.evaluate(() => window.rotaplanTest.undoDescription())).startsWith('Set secondary of 2026-12-21'), 'undo description');
  });

  await runner.test("who can cover: from a cell's pick list, for that week and role", async () => {
    await page.evaluate((t) => window.rotaplan.loadPlan(t), sample);
    await frames(page, 3);
    const cell = await rect(page, 'cell:2026-12-14:primary');
    await click(page, 'cell:2026-12-14:primary');
    await click(page, 'pick:action');
    const heading = await rect(page, 'cover:for:2026-12-14:primary');
    // The window opens beside the row it is about (below it here), not on top of it.
    assert(heading.y > cell.y + cell.h, `the window covers the cell: heading at ${heading.y}, cell ${cell.y}..${cell.y + cell.h}`);
    await page.screenshot({ path: path.join(shots, 'cover-from-list.png') });
    const list = JSON.parse(execFileSync(cli, ['candidates', samplePath, '--week', '2026-12-14', '--role', 'primary', '--json']).toString());
    assert(list.candidates.length > 0, 'no candidates from the CLI');
    for (const c of list.candidates) await rect(page, 'cover:candidate:' + c.person);
    for (const e of list.excluded) await rect(page, 'cover:excluded:' + e.person);
    assertEqual((await planOf(page)).weeks.find((w) => w.start === '2026-12-14').primary, JSON.parse(sample).weeks.find((w) => w.start === '2026-12-14').primary, 'the cell is unchanged by opening the list');
    await click(page, 'cover:close');
    assertEqual(await page.evaluate(() => window.rotaplanTest.widgetRect('cover:close')), null, 'the window closes');
  });

  await runner.test('draft weeks: adds 4 weeks as one step and the check has no errors', async () => {
    const plan = JSON.parse(sample);
    for (const t of plan.time_off) if (t.person === 'carol') t.to = '2026-12-23';
    await page.evaluate((t) => window.rotaplan.loadPlan(t), JSON.stringify(plan));
    await frames(page, 3);
    const weeks0 = (await planOf(page)).weeks.length;
    const rev0 = await page.evaluate(() => window.rotaplanTest.revision());
    await click(page, 'button:draft-weeks');
    await rect(page, 'draft:run');
    await click(page, 'draft:run');
    await rect(page, 'draft:summary', 10000);
    await frames(page, 3);
    const after = await planOf(page);
    assertEqual(after.weeks.length, weeks0 + 4, 'weeks after the draft');
    assert(after.weeks.every((w) => w.primary && w.secondary), 'unfilled week');
    const report = await page.evaluate(() => window.rotaplan.check());
    assertEqual(report.errors, 0, 'errors after the draft: ' + JSON.stringify(report.violations));
    assert((await page.evaluate(() => window.rotaplanTest.undoDescription())).startsWith('Draft weeks'), 'undo description');
    await page.screenshot({ path: path.join(shots, 'draft-done.png') });
    await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
    assertEqual((await planOf(page)).weeks.length, weeks0, 'weeks after one undo');
    assert(await page.evaluate(() => window.rotaplanTest.revision()) !== rev0, 'revision moved');
  });

  await runner.test('draft weeks: an infeasible draft names the week and the rule and changes nothing', async () => {
    await page.evaluate((t) => window.rotaplan.loadPlan(t), sample);
    await frames(page, 3);
    const before = await page.evaluate(() => window.rotaplan.planJson());
    await click(page, 'draft:run');
    await rect(page, 'draft:failure', 10000);
    await frames(page, 3);
    assertEqual(await page.evaluate(() => window.rotaplan.planJson()), before, 'plan after a failed draft');
    await page.screenshot({ path: path.join(shots, 'draft-failure.png') });
  });

  await runner.test('requests: no page errors', async () => {
    assertEqual(errors, [], 'console errors');
  });
  await page.close();
}
