// Published rotations in the page, as a lead uses them (docs/changes.md, docs/page.md):
// publish, change next week's primary, see the error and the changed cell, copy the
// announcement to the system clipboard, undo; readiness and next duties in the Team
// panel; the monthly review from an incident log file. Real mouse and keyboard events at
// the test hook's widgetRect(label); outputs compared with the CLI's.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { openPage, assert, assertEqual, rect, frames, click } from './harness.mjs';

const TODAY = '2026-12-01';

function cliOut(cli, args) {
  try {
    return execFileSync(cli, args, { encoding: 'utf8' });
  } catch (e) {
    if (e.status === 1) return e.stdout.toString();   // diff: 1 = something changed
    throw e;
  }
}

// Scrolls the panel holding the point `at` with the mouse wheel (dy per step) until
// `label` is drawn.
async function scrollTo(page, at, label, dy = 120) {
  for (let k = 0; k < 25; ++k) {
    const r = await page.evaluate((l) => window.rotaplanTest.widgetRect(l), label);
    if (r && r.h > 4) return r;
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, dy);
    await frames(page, 3);
  }
  return rect(page, label);
}

export default async function ({ url, context, cli, root, shots, runner }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rotaplan-changes-'));
  // The test team: tests/data/changes/team.json from 2026-11-30 on, not yet published, with
  // one more engineer (hank) who can take next week's primary without another rule firing.
  const team = JSON.parse(fs.readFileSync(path.join(root, 'tests/data/changes/team.json'), 'utf8'));
  delete team.published;
  team.weeks = team.weeks.filter((w) => w.start >= '2026-11-30');
  team.people.splice(4, 0, { id: 'hank', name: 'Hank Moss', slack: 'U07HANK' });
  const { page, errors } = await openPage(context, url);
  await page.evaluate((t) => window.rotaplan.loadPlan(t), JSON.stringify(team));
  await page.evaluate((d) => window.rotaplanTest.setToday(d), TODAY);
  await frames(page, 4);
  const planOf = async () => JSON.parse(await page.evaluate(() => window.rotaplan.planJson()));
  const savePlan = async (name) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, await page.evaluate(() => window.rotaplan.planJson()));
    return file;
  };

  await runner.test('changes: Publish records the rotation as announced today, one undo step', async () => {
    const report = await page.evaluate(() => window.rotaplan.check());
    assertEqual(report.errors, 0, 'errors before publishing');
    await click(page, 'button:publish');
    await frames(page, 4);
    const plan = await planOf();
    assert(plan.published, 'the plan has a published snapshot');
    assertEqual(plan.published.at, TODAY, 'published.at');
    assertEqual(plan.published.weeks.map((w) => [w.start, w.primary, w.secondary]),
      plan.weeks.map((w) => [w.start, w.primary, w.secondary]), 'snapshot weeks');
    assertEqual(await page.evaluate(() => window.rotaplanTest.undoDescription()), `Publish the rotation (${TODAY})`, 'undo step');
    // The same as the CLI's publish of the plan before it.
    const before = path.join(tmp, 'before.json');
    const p0 = JSON.parse(JSON.stringify(plan)); delete p0.published;
    fs.writeFileSync(before, JSON.stringify(p0));
    const cliPlan = JSON.parse(cliOut(cli, ['publish', before, '--today', TODAY]));
    assertEqual(plan.published, cliPlan.published, 'snapshot, page vs CLI');
    await click(page, 'button:changes');
    await rect(page, 'window:changes');
    await rect(page, 'changes:none');
    await page.screenshot({ path: path.join(shots, 'changes-published.png') });
  });

  await runner.test('changes: next week\'s primary changed: a late-change error and the cell is marked', async () => {
    assert(!(await page.evaluate(() => window.rotaplanTest.widgetRect('changed:2026-12-07:primary'))), 'no mark before');
    await click(page, 'cell:2026-12-07:primary');
    const item = await rect(page, 'pick:hank');
    await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
    await frames(page, 5);
    const plan = await planOf();
    assertEqual(plan.weeks.find((w) => w.start === '2026-12-07').primary, 'hank', 'primary of 2026-12-07');
    const report = await page.evaluate(() => window.rotaplan.check());
    const late = report.violations.filter((v) => v.rule === 'late-change');
    assertEqual(late.map((v) => [v.week, v.severity, v.people]), [['2026-12-07', 'error', ['dev', 'hank']]], 'late-change');
    assertEqual(late[0].message, 'The week of 2026-12-07 is inside the 14-day notice window but differs from the rotation ' +
      `published on ${TODAY}: primary Dev Rao -> Hank Moss`, 'message');
    // The page's report is the CLI's for the same plan and day.
    const file = await savePlan('edited.json');
    assertEqual(report, JSON.parse(cliOut(cli, ['check', file, '--today', TODAY, '--json'])), 'report, page vs CLI');
    await rect(page, 'changed:2026-12-07:primary');
    await rect(page, 'violation:late-change:2026-12-07');
    await rect(page, 'changes:row:2026-12-07:primary');
    await rect(page, 'changes:verdict:2026-12-07:primary');
    await rect(page, 'calendar:notice-window');
    assertEqual(await page.evaluate(() => window.rotaplan.diff()), JSON.parse(cliOut(cli, ['diff', file, '--today', TODAY, '--json'])),
      'diff, page vs CLI');
    await page.screenshot({ path: path.join(shots, 'changes-late-change.png') });
  });

  await runner.test('changes: Copy puts the announcement on the system clipboard, Slack and Markdown', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const file = await savePlan('edited.json');
    await click(page, 'changes:copy');
    await frames(page, 3);
    const slack = await page.evaluate(() => navigator.clipboard.readText());
    assertEqual(slack, cliOut(cli, ['announce', file, '--today', TODAY]), 'Slack text, clipboard vs CLI');
    assert(slack.includes('<@U07HANK>') && slack.includes(`*Changes since ${TODAY}*`), 'mentions and the changes');
    assert(!/^\s*\|.*\|\s*$/m.test(slack), 'no Markdown table in the Slack text');
    await click(page, 'changes:format:md');
    await click(page, 'changes:copy');
    await frames(page, 3);
    const md = await page.evaluate(() => navigator.clipboard.readText());
    assertEqual(md, cliOut(cli, ['announce', file, '--today', TODAY, '--format', 'md']), 'Markdown, clipboard vs CLI');
    assertEqual(md, await page.evaluate((d) => window.rotaplan.announce({ format: 'md', today: d }), TODAY), 'Markdown, API');
    await page.screenshot({ path: path.join(shots, 'changes-announcement.png') });
    await click(page, 'changes:format:slack');
  });

  await runner.test('changes: Ctrl+Z undoes the change: no error, no mark', async () => {
    await click(page, 'cell:2026-11-30:dates');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await frames(page, 5);
    const plan = await planOf();
    assertEqual(plan.weeks.find((w) => w.start === '2026-12-07').primary, 'dev', 'primary after undo');
    assert(plan.published, 'still published');
    const report = await page.evaluate(() => window.rotaplan.check());
    assertEqual(report.violations.filter((v) => v.rule === 'late-change'), [], 'late changes after undo');
    assert(!(await page.evaluate(() => window.rotaplanTest.widgetRect('changed:2026-12-07:primary'))), 'no mark after undo');
    await rect(page, 'changes:none');
  });

  await runner.test('changes: readiness in the Team panel: turn on, tick a checklist item; next duties listed', async () => {
    const hank = await rect(page, 'person:hank');
    const teamPoint = { x: hank.x + 20, y: hank.y + 150 };   // inside the Team panel, below its list
    await click(page, 'person:hank');
    await scrollTo(page, teamPoint, 'team:readiness:on');
    await click(page, 'team:readiness:on');
    await frames(page, 3);
    let plan = await planOf();
    assertEqual(plan.policy.readiness.shadow_weeks, 1, 'readiness on, defaults');
    await scrollTo(page, teamPoint, 'team:ready:github');
    await click(page, 'team:ready:github');
    await frames(page, 3);
    plan = await planOf();
    assertEqual(plan.people.find((p) => p.id === 'hank').ready, ['github'], 'hank has ticked github');
    await scrollTo(page, teamPoint, 'team:readiness:status');
    await page.screenshot({ path: path.join(shots, 'changes-team-readiness.png') });
    await page.evaluate(() => window.rotaplanTest.undo());   // readiness off again: bob's editor is shorter
    await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
    const bobItem = await scrollTo(page, teamPoint, 'person:bob', -240);
    await page.mouse.click(bobItem.x + bobItem.w / 2, bobItem.y + bobItem.h / 2);
    await frames(page, 3);
    await scrollTo(page, teamPoint, 'team:next:0');
    await rect(page, 'status:oncall');
    await page.screenshot({ path: path.join(shots, 'changes-team-next.png') });
    const whois = await page.evaluate(() => window.rotaplan.whois({ at: '2026-12-02T20:00' }));
    assertEqual([whois.primary, whois.secondary], ['carol', 'bob'], 'whois through the API');
    const next = await page.evaluate(() => window.rotaplan.next({ person: 'bob', count: 2, at: '2026-12-01T00:00' }));
    const file = await savePlan('ready.json');
    assertEqual(next, JSON.parse(cliOut(cli, ['next', file, '--person', 'bob', '--count', '2', '--at', '2026-12-01T00:00', '--json'])),
      'next, page vs CLI');
  });

  await runner.test('review: open an incident log file, pick the month, charts, download as Markdown', async () => {
    const log = path.join(root, 'tests/data/changes/review-log.csv');
    await click(page, 'menu:View');
    await click(page, 'menu:View/Monthly review');
    await rect(page, 'window:review');
    const chooser = page.waitForEvent('filechooser');
    await click(page, 'review:open');
    await (await chooser).setFiles(log);
    await rect(page, 'review:count');
    await click(page, 'review:month');
    await click(page, 'review:month:2026-12');
    const chart = await rect(page, 'review:chart:severity');
    await page.screenshot({ path: path.join(shots, 'changes-review-top.png') });
    const reviewPoint = { x: chart.x + chart.w / 2, y: chart.y + chart.h / 2 };
    await scrollTo(page, reviewPoint, 'review:chart:ack');
    await scrollTo(page, reviewPoint, 'review:chart:people');
    await scrollTo(page, reviewPoint, 'review:misses');
    const file = await savePlan('review.json');
    const want = cliOut(cli, ['review', file, '--incidents', log, '--month', '2026-12']);
    const download = page.waitForEvent('download');
    await click(page, 'review:download');
    const got = fs.readFileSync(await (await download).path(), 'utf8');
    assertEqual(got, want, 'downloaded review vs CLI');
    const text = fs.readFileSync(log, 'utf8');
    assertEqual(await page.evaluate((t) => window.rotaplan.review({ incidents: t, month: '2026-12' }), text),
      JSON.parse(cliOut(cli, ['review', file, '--incidents', log, '--month', '2026-12', '--json'])), 'review JSON, API vs CLI');
    await page.screenshot({ path: path.join(shots, 'changes-review.png') });
  });

  await runner.test('changes: no console errors', async () => {
    assertEqual(errors, [], 'console errors');
  });
  await page.close();
}
