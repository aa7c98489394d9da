// Escalation timelines, coverage gaps and incident simulation on the page: the API
// agrees with the CLI, and the windows work with real mouse and keyboard events,
// located through the test hook's widgetRect(label) (docs/page.md lists the labels).
import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { deepStrictEqual } from 'node:assert/strict';
import { openSample, assert, rect, centre, frames } from './harness.mjs';

const drawn = (page, label) => page.evaluate((l) => window.rotaplanTest.widgetRect(l) !== null, label);
async function clickAt(page, p) {
  await page.mouse.move(p.x, p.y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
}
async function click(page, label) { await clickAt(page, centre(await rect(page, label))); }
// Replaces a text field's contents by typing.
async function typeInto(page, label, text) {
  const r = await rect(page, label);
  await clickAt(page, { x: r.x + Math.min(20, r.w / 4), y: r.y + r.h / 2 });   // the text part, not +/- buttons
  await page.keyboard.press('Control+a');
  await frames(page, 1);
  await page.keyboard.type(text);
  await frames(page, 1);
  await page.keyboard.press('Enter');
  await frames(page, 3);
}
async function openView(page, item) {
  await click(page, 'menu:View');
  await click(page, 'menu:View/' + item);
}

export default async function ({ url, context, cli, root, shots, runner }) {
  const { page, errors, samplePath, sample } = await openSample(context, url, root);

  await runner.test('escalate() equals rotaplan escalate --json for P0 at 2026-12-05T02:00', async () => {
    const fromPage = await page.evaluate(() => window.rotaplan.escalate({ severity: 'P0', at: '2026-12-05T02:00' }));
    const fromCli = JSON.parse(execFileSync(cli, ['escalate', samplePath, '--severity', 'P0', '--at',
      '2026-12-05T02:00', '--json']).toString());
    deepStrictEqual(fromPage, fromCli);
    assert(fromPage.events.length > 0, 'no events');
    let threw = false;
    try { await page.evaluate(() => window.rotaplan.escalate({ severity: 'P9', at: '2026-12-05T02:00' })); } catch { threw = true; }
    assert(threw, 'escalate with an unknown severity should throw');
  });

  await runner.test('gaps() equals rotaplan gaps --json', async () => {
    const fromPage = await page.evaluate(() => window.rotaplan.gaps());
    let out;
    try { out = execFileSync(cli, ['gaps', samplePath, '--json']).toString(); } catch (e) { out = e.stdout.toString(); }
    deepStrictEqual(fromPage, JSON.parse(out));
  });

  await runner.test('the Escalation window: type the moment, pick severity, draw lanes and events', async () => {
    await openView(page, 'Escalation');
    await typeInto(page, 'esc:date', '2026-12-05');
    await typeInto(page, 'esc:time', '02:00');
    await click(page, 'esc:severity:P0');
    await rect(page, 'esc:lanes');
    await rect(page, 'esc:events');
    await rect(page, 'esc:summary');
    await page.screenshot({ path: path.join(shots, 'escalation-p0.png') });
    // An acknowledgement row and a resolve minute change the timeline.
    await click(page, 'esc:ack-add');
    await rect(page, 'esc:ack:0:minute');
    await click(page, 'esc:resolve');
    await rect(page, 'esc:resolve-minute');
    await page.screenshot({ path: path.join(shots, 'escalation-ack-resolve.png') });
  });

  await runner.test('Pick on calendar: the window steps aside and a click on the calendar picks the moment', async () => {
    await click(page, 'esc:pick');
    await frames(page, 3);
    assert(!(await drawn(page, 'esc:lanes')), 'the escalation window should step aside while picking');
    const tl = await rect(page, 'calendar:timeline');
    await clickAt(page, { x: tl.x + tl.w * 0.6, y: tl.y + tl.h * 0.5 });
    await rect(page, 'esc:lanes');
    await page.screenshot({ path: path.join(shots, 'escalation-picked.png') });
    await click(page, 'menu:View');
    await click(page, 'menu:View/Escalation');   // close it
  });

  await runner.test('the Coverage gaps window lists the gaps and a click jumps to the week', async () => {
    const gaps = await page.evaluate(() => window.rotaplan.gaps());
    await openView(page, 'Coverage gaps');
    if (gaps.count === 0) {
      await rect(page, 'gaps:none');
    } else {
      const g = gaps.gaps[0];   // its cause's group opens to list it
      await click(page, 'gaps:group:' + [g.kind, g.level, g.person].filter((x) => x).join(':'));
      await click(page, 'gap:0');
      await frames(page, 6);
      const week = gaps.gaps[0].week;
      if (week) await rect(page, `cell:${week}:dates`);
    }
    await page.screenshot({ path: path.join(shots, 'gaps.png') });
    await click(page, 'menu:View');
    await click(page, 'menu:View/Coverage gaps');
  });

  await runner.test('an incident run steps across frames and ends with charts', async () => {
    await openView(page, 'Incidents');
    await typeInto(page, 'incidents:count', '300');
    await click(page, 'incidents:run');
    await rect(page, 'incidents:charts', 20000);
    await rect(page, 'incidents:summary');
    const ms = await page.evaluate(() => window.rotaplanTest.frameMs());
    assert(ms < 200, `frame took ${ms} ms`);
    await page.screenshot({ path: path.join(shots, 'incidents.png') });
  });

  await runner.test('the Pay window shows the last run and handoff notes render a week', async () => {
    await openView(page, 'Pay');
    await rect(page, 'pay:table');
    await rect(page, 'pay:download');
    await page.screenshot({ path: path.join(shots, 'pay.png') });
    await click(page, 'menu:View');
    await click(page, 'menu:View/Pay');
    await click(page, 'menu:View');
    await click(page, 'menu:View/Incidents');
    await openView(page, 'Handoff notes');
    await rect(page, 'handoff:text');
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'handoff:download')]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    assert(text.startsWith('#') || text.includes('#'), 'handoff notes are Markdown: ' + text.slice(0, 80));
    await page.screenshot({ path: path.join(shots, 'handoff.png') });
  });

  await runner.test('no console errors', async () => {
    assert(errors.length === 0, errors.join('\n'));
  });
  await page.close();
}
