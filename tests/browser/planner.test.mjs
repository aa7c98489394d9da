// The planner as a person uses it: real mouse and keyboard events on the canvas,
// located through the test hook's widgetRect(label) (docs/page.md lists the labels).
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { openSample, assert, assertEqual, rect, centre, frames, click } from './harness.mjs';

async function drag(page, from, to) {
  const a = centre(await rect(page, from));
  const b = centre(await rect(page, to));
  await page.mouse.move(a.x, a.y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(a.x + ((b.x - a.x) * i) / 8, a.y + ((b.y - a.y) * i) / 8);
    await frames(page, 1);
  }
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 4);
}
const cliText = (cli, args) => execFileSync(cli, args).toString();
const withoutStamp = (ics) => ics.replace(/^DTSTAMP:.*\r\n/gm, '');

export default async function ({ url, context, cli, root, shots, runner }) {
  const { page, sample } = await openSample(context, url, root);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rotaplan-browser-'));

  await runner.test('dragging a person onto a cell assigns them and the violation appears', async () => {
    const before = await page.evaluate(() => window.rotaplan.check());
    assertEqual(before.errors, 0, 'errors before');
    // alice is primary on 2026-11-30 and secondary on 2026-12-14: putting her in 2026-12-07
    // makes three weeks running.
    await drag(page, 'person:alice', 'cell:2026-12-07:secondary');
    const plan = JSON.parse(await page.evaluate(() => window.rotaplan.planJson()));
    assertEqual(plan.weeks[1].secondary, 'alice', 'secondary of 2026-12-07 after the drop');
    const after = await page.evaluate(() => window.rotaplan.check());
    assert(after.violations.some((v) => v.rule === 'consecutive' && v.week === '2026-12-07' && v.severity === 'error'),
      'no consecutive error for 2026-12-07: ' + JSON.stringify(after.violations.map((v) => v.rule + '@' + v.week)));
    await rect(page, 'violation:consecutive:2026-12-07');   // listed in the Violations panel
    await page.screenshot({ path: path.join(shots, 'planner-violation.png') });
  });

  await runner.test('Ctrl+Z undoes the assignment and the violation goes; Ctrl+Shift+Z redoes it', async () => {
    await click(page, 'cell:2026-11-30:dates');     // focus the canvas without editing
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await frames(page, 4);
    let plan = JSON.parse(await page.evaluate(() => window.rotaplan.planJson()));
    assertEqual(plan.weeks[1].secondary, 'dev', 'secondary after undo');
    let report = await page.evaluate(() => window.rotaplan.check());
    assertEqual(report.errors, 0, 'errors after undo');
    await page.keyboard.press('Control+Shift+z');
    await frames(page, 4);
    plan = JSON.parse(await page.evaluate(() => window.rotaplan.planJson()));
    assertEqual(plan.weeks[1].secondary, 'alice', 'secondary after redo');
    await page.keyboard.press('Control+z');
    await frames(page, 4);
  });

  await runner.test('picking from a cell\'s list assigns, and the Edit menu undoes it', async () => {
    await click(page, 'cell:2026-12-21:primary');
    const item = await rect(page, 'pick:carol');
    await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
    await frames(page, 4);
    let plan = JSON.parse(await page.evaluate(() => window.rotaplan.planJson()));
    assertEqual(plan.weeks[3].primary, 'carol', 'primary of 2026-12-21 after picking');
    const report = await page.evaluate(() => window.rotaplan.check());
    assert(report.violations.some((v) => v.rule === 'unavailable' && v.week === '2026-12-21'),
      'carol is on PTO that week: unavailable expected');
    await click(page, 'menu:Edit');
    await click(page, 'menu:Edit/Undo');
    plan = JSON.parse(await page.evaluate(() => window.rotaplan.planJson()));
    assertEqual(plan.weeks[3].primary, 'dev', 'primary after Edit > Undo');
  });

  await runner.test('after a reload the edited plan is restored', async () => {
    await drag(page, 'person:bob', 'cell:2026-12-21:secondary');
    const edited = await page.evaluate(() => window.rotaplan.planJson());
    assert(JSON.parse(edited).weeks[3].secondary === 'bob', 'edit before reload');
    await page.reload();
    await page.evaluate(() => window.rotaplanReady.then(() => true));
    await frames(page, 4);
    const restored = await page.evaluate(() => window.rotaplan.planJson());
    assertEqual(restored, edited, 'plan after reload');
    await rect(page, 'status:notice');
    await page.screenshot({ path: path.join(shots, 'planner-restored.png') });
  });

  await runner.test('dropping a broken file shows the error with the place and keeps the plan', async () => {
    const before = await page.evaluate(() => window.rotaplan.planJson());
    const broken = sample.replace('"2026-12-07"', '"2026-12-77"');
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'broken.json', { type: 'application/json' }));
      const canvas = document.querySelector('canvas');
      for (const type of ['dragenter', 'dragover', 'drop'])
        canvas.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, broken);
    await rect(page, 'modal:error');
    await page.screenshot({ path: path.join(shots, 'planner-error.png') });
    const after = await page.evaluate(() => window.rotaplan.planJson());
    assertEqual(after, before, 'plan after the refused drop');
    await click(page, 'modal:error/OK');
  });

  await runner.test('downloaded JSON and ICS exports equal the CLI\'s for the same plan', async () => {
    const planFile = path.join(tmp, 'open.json');
    fs.writeFileSync(planFile, await page.evaluate(() => window.rotaplan.planJson()));
    for (const [item, args, normalise] of [
      ['menu:Schedule JSON', ['--format', 'json'], (s) => s],
      ['menu:iCalendar (team)', ['--format', 'ics'], withoutStamp],
    ]) {
      await click(page, 'menu:File');
      const [download] = await Promise.all([page.waitForEvent('download'), click(page, item)]);
      const file = path.join(tmp, download.suggestedFilename());
      await download.saveAs(file);
      const got = fs.readFileSync(file, 'utf8');
      assertEqual(normalise(got), normalise(cliText(cli, ['export', planFile, ...args])), `${item} download`);
    }
  });

  await runner.test('keyboard: arrows and Space move through the people list; Tab moves between fields', async () => {
    await click(page, 'person:alice');
    await rect(page, 'team:name');
    assertEqual(await page.evaluate(() => window.rotaplanTest.widgetRect('team:name') !== null), true, 'editor shown');
    // The list has keyboard focus after the click: Down moves it to Bob, Space selects him.
    await page.keyboard.press('ArrowDown');
    await frames(page, 3);
    await page.keyboard.press('Space');
    await frames(page, 4);
    // The editor now shows Bob: type into the Name field, reached from Id with Tab.
    await click(page, 'team:id');
    await page.keyboard.press('Tab');
    await frames(page, 3);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Robert Osei');
    // ImGui takes queued key events a few per frame (its "trickle" input queue), and
    // headless software rendering draws few frames a second: wait for the text to be in.
    for (let i = 0; i < 50; i++) {
      const name = await page.evaluate(() => JSON.parse(window.rotaplan.planJson()).people.find((p) => p.id === 'bob').name);
      if (name === 'Robert Osei') break;
      await frames(page, 2);
    }
    await page.keyboard.press('Enter');
    await frames(page, 4);
    const plan = JSON.parse(await page.evaluate(() => window.rotaplan.planJson()));
    assertEqual(plan.people.find((p) => p.id === 'bob').name, 'Robert Osei', "Bob's name after keyboard edit");
    assertEqual(plan.people.find((p) => p.id === 'alice').name, 'Alice Ng', "Alice's name is untouched");
    assert((await page.evaluate(() => window.rotaplanTest.undoDescription())).length > 0, 'the edit is undoable');
  });

  await runner.test('clipboard: Ctrl+C copies a field to the system clipboard, Ctrl+V pastes from it', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    // Copy: select the team name and press Ctrl+C; the system clipboard holds it.
    await click(page, 'policy:team-name');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await frames(page, 3);
    assertEqual(await page.evaluate(() => navigator.clipboard.readText()), 'Platform', 'clipboard after Ctrl+C');
    // Paste: text put on the system clipboard by another program, pasted over the selection.
    await page.evaluate(() => navigator.clipboard.writeText('Platform — EU'));
    await page.keyboard.press('Control+a');
    // The browser's paste event comes when it has read the clipboard, which a busy machine
    // can take longer for than a few frames: wait for it, then let the page type it.
    await page.evaluate(() => {
      window.__pasted = new Promise((resolve) => document.addEventListener('paste', () => resolve(true), { once: true, capture: true }));
    });
    await page.keyboard.press('Control+v');
    assert(await page.evaluate(() => Promise.race([window.__pasted, new Promise((r) => setTimeout(() => r(false), 10000))])),
      'the browser fired no paste event within 10 s');
    await frames(page, 8);
    await page.keyboard.press('Enter');
    await frames(page, 4);
    const plan = JSON.parse(await page.evaluate(() => window.rotaplan.planJson()));
    assertEqual(plan.team.name, 'Platform — EU', 'team name after Ctrl+V');
  });

  await runner.test('on a 1280 x 800 laptop screen the whole rotation grid is visible without scrolling', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await frames(page, 8);
    for (const column of ['dates', 'primary', 'secondary', 'escalation', 'shadow', 'emergency', 'note']) {
      const r = await rect(page, `cell:2026-11-30:${column}`);
      assert(r.x >= 0 && r.x + r.w <= 1280 && r.w >= 15, `${column} cell at x ${r.x}..${r.x + r.w}`);
    }
    await page.screenshot({ path: path.join(shots, 'planner-1280.png') });
  });

  await runner.test('screenshots of the main views', async () => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await frames(page, 6);
    await page.screenshot({ path: path.join(shots, 'planner-main.png') });
    await click(page, 'menu:View');
    await click(page, 'menu:View/Dark theme');
    await frames(page, 4);
    await page.screenshot({ path: path.join(shots, 'planner-dark.png') });
  });
  await page.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
