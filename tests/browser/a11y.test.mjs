// Reading, keyboard, zoom, screen readers and idle cost (issue 12 items 13-15, 17-19), the
// calendar's drag to create an override (item 10), zone files on demand (issue 13).
// Real mouse and keyboard events on the canvas; the DOM mirror through Chromium's
// accessibility tree (getByRole, ariaSnapshot).
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { openPage, openSample, assert, assertEqual, rect, centre, frames, click } from './harness.mjs';

const drawn = (page, label) => page.evaluate((l) => window.rotaplanTest.widgetRect(l) !== null, label);
const planOf = async (page) => JSON.parse(await page.evaluate(() => window.rotaplan.planJson()));
const framesDrawn = (page) => page.evaluate(() => window.rotaplanTest.framesDrawn());
const logLines = (page) => page.getByRole('log', { name: 'Changes' }).locator('p').allTextContents();

async function waitFor(fn, what, timeoutMs = 5000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// WCAG 2 relative luminance and contrast ratio.
function luminance([r, g, b]) {
  const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// "Thu 10 Dec 21:00" read as a UTC-free wall clock in 2026 (the sample's year).
function wallClock(text) {
  const m = /^\w{3} (\d+) (\w{3}) (\d\d):(\d\d)/.exec(text);
  if (!m) return NaN;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(m[2]);
  return Date.UTC(2026, month, +m[1], +m[3], +m[4]);
}

export default async function ({ url, context, cli, root, shots, runner }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rotaplan-a11y-'));

  // ---- idle ----------------------------------------------------------------------
  {
    const { page, errors } = await openPage(context, url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await runner.test('idle: no frame is drawn while nothing happens, and no spinner turns', async () => {
      // The page settles (the start-up frames and the tail after the last input end)...
      let settled = false;
      for (let t0 = Date.now(); !settled && Date.now() - t0 < 10000;) {
        const f = await framesDrawn(page);
        await page.waitForTimeout(700);
        settled = (await framesDrawn(page)) === f;
      }
      assert(settled, 'the page kept drawing for 10 s without input');
      // ...and then draws nothing at all.
      const before = await framesDrawn(page);
      await page.waitForTimeout(2000);
      const after = await framesDrawn(page);
      assertEqual(after - before, 0, 'frames drawn in 2 idle seconds');
      const running = await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);
      assertEqual(running, 0, 'running CSS animations (the loading spinner)');
      assertEqual(await page.evaluate(() => getComputedStyle(document.getElementById('loading')).display), 'none',
        'the loading indicator after start-up');
    });
    await runner.test('idle: input, the JS API and the test hook wake the page', async () => {
      let before = await framesDrawn(page);
      await page.mouse.move(600, 300);
      await page.mouse.move(620, 320);
      await waitFor(async () => (await framesDrawn(page)) > before, 'a frame after a mouse move');
      await page.waitForTimeout(1200);
      before = await framesDrawn(page);
      // A plan loaded through the API while the page sleeps is drawn.
      const sample = fs.readFileSync(path.join(root, 'assets', 'sample-plan.json'), 'utf8');
      const changed = sample.replace('"primary": "carol"', '"primary": "erin"');
      const r = await page.evaluate((t) => window.rotaplan.loadPlan(t), changed);
      assertEqual(r.ok, true, 'loadPlan while idle');
      await page.evaluate(() => window.rotaplanTest.frames(3));
      assert((await framesDrawn(page)) >= before + 3, 'frames(3) resolved after three drawn frames');
      assertEqual((await planOf(page)).weeks[1].primary, 'erin', 'the loaded plan');
      await rect(page, 'cell:2026-12-07:primary');
      assertEqual(errors.length, 0, 'console errors: ' + errors.join(' | '));
    });
    await page.close();
  }

  const { page, errors, sample, samplePath } = await openSample(context, url, root);

  // ---- the accessible mirror -------------------------------------------------------
  await runner.test('mirror: the rotation is an HTML table and the violations a list, in the accessibility tree', async () => {
    const table = page.getByRole('table', { name: 'Rotation' });
    await waitFor(async () => (await table.getByRole('row').count()) === 5, 'a header row and four weeks');
    const row = table.getByRole('row', { name: /^7 Dec 2026/ });
    assertEqual(await row.getByRole('rowheader').textContent(), '7 Dec 2026', 'row header');
    assertEqual(await row.getByRole('cell').allTextContents(), ['Carol Diaz', 'Dev Rao', 'Dana Li'],
      'primary, secondary, escalation of 7 Dec');
    const report = await page.evaluate(() => window.rotaplan.check());
    const items = await page.getByRole('list', { name: 'Violations' }).getByRole('listitem').allTextContents();
    assertEqual(items.length, report.violations.length, 'one list item per violation');
    for (let i = 0; i < items.length; i++)
      assert(items[i].endsWith(report.violations[i].message), `item ${i}: ${items[i]}`);
    const snapshot = await page.locator('#a11y-mirror').ariaSnapshot();
    assert(snapshot.includes('table "Rotation"') && snapshot.includes('list "Violations"'), snapshot);
  });

  await runner.test('mirror: a change made with the mouse is announced and the table follows; undo too', async () => {
    await click(page, 'cell:2026-12-21:primary');
    await click(page, 'pick:carol');
    const desc = await page.evaluate(() => window.rotaplanTest.undoDescription());
    assert(/2026-12-21|21 Dec/.test(desc) && desc.includes('Carol Diaz'), 'the step: ' + desc);
    const said = await waitFor(async () => (await logLines(page)).find((l) => l.startsWith(desc)), 'the announcement');
    const report = await page.evaluate(() => window.rotaplan.check());
    const counts = (report.errors ? `${report.errors} error${report.errors === 1 ? '' : 's'}` : 'No errors') +
      (report.warnings ? `, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}` : '');
    assertEqual(said, `${desc}. ${counts}`, 'the announcement (carol is away that week: one more error)');
    const cells = page.getByRole('table', { name: 'Rotation' }).getByRole('row', { name: /^21 Dec 2026/ }).getByRole('cell');
    assertEqual(await cells.first().textContent(), 'Carol Diaz', 'the mirror after the change');
    assertEqual(await page.getByRole('list', { name: 'Violations' }).getByRole('listitem').count(),
      report.violations.length, 'violations after the change');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await waitFor(async () => (await logLines(page)).some((l) => l.startsWith('Undid ' + desc)), 'the undo announced');
    assertEqual(await cells.first().textContent(), 'Dev Rao', 'the mirror after undo');
  });

  await runner.test('mirror: not rebuilt per frame (only when the plan changes)', async () => {
    const count = await page.evaluate(async () => {
      let n = 0;
      const obs = new MutationObserver((m) => { n += m.length; });
      obs.observe(document.getElementById('a11y-mirror'), { subtree: true, childList: true, characterData: true });
      await window.rotaplanTest.frames(20);
      obs.disconnect();
      return n;
    });
    assertEqual(count, 0, 'DOM changes over 20 frames without a plan change');
  });

  // ---- keyboard ----------------------------------------------------------------------
  await runner.test('keys: focus starts in the rotation grid (Space opens the first cell), F6 / Shift+F6 move between panels', async () => {
    const fresh = (await openPage(context, url)).page;
    await fresh.setViewportSize({ width: 1400, height: 900 });
    await frames(fresh, 4);
    assertEqual(await fresh.evaluate(() => window.rotaplanTest.focusedPanel()), 'Rotation panel', 'first focus');
    await fresh.keyboard.press('Space');
    await rect(fresh, 'pick:alice');   // the first week's primary list is open
    await fresh.keyboard.press('Escape');
    await frames(fresh, 3);
    assert(!(await drawn(fresh, 'pick:alice')), 'Escape closes the list');
    await fresh.keyboard.press('F6');
    await frames(fresh, 3);
    assertEqual(await fresh.evaluate(() => window.rotaplanTest.focusedPanel()), 'Calendar panel', 'after F6');
    await waitFor(async () => (await logLines(fresh)).includes('Calendar panel'), 'F6 announced');
    await fresh.keyboard.press('F6');
    await frames(fresh, 3);
    assertEqual(await fresh.evaluate(() => window.rotaplanTest.focusedPanel()), 'Violations panel', 'after F6 twice');
    for (let i = 0; i < 3; i++) {
      await fresh.keyboard.press('Shift+F6');
      await frames(fresh, 3);
    }
    assertEqual(await fresh.evaluate(() => window.rotaplanTest.focusedPanel()), 'Policy panel', 'after Shift+F6 three times');
    await fresh.close();
  });

  await runner.test('keys: Escape closes the focused floating window', async () => {
    await click(page, 'cell:2026-11-30:dates');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+e');
    await rect(page, 'export:download');
    await page.keyboard.press('Escape');
    await frames(page, 4);
    assert(!(await drawn(page, 'export:download')), 'the Export window is closed');
  });

  await runner.test('keys: Ctrl+= / Ctrl+- / Ctrl+0 are left to the browser (zoom), Ctrl+Z is not', async () => {
    const p = await context.newPage();
    await p.addInitScript(() => {
      window.seenKeys = [];
      window.addEventListener('keydown', (e) => { window.seenKeys.push(e); }, true);
    });
    await p.goto(url);
    await p.evaluate(() => window.rotaplanReady);
    await p.mouse.click(700, 400);
    for (const key of ['Control+Equal', 'Control+Minus', 'Control+0', 'Control+z']) await p.keyboard.press(key);
    await frames(p, 2);
    const seen = await p.evaluate(() => window.seenKeys.filter((e) => e.ctrlKey && e.key !== 'Control')
      .map((e) => [e.key, e.defaultPrevented]));
    assertEqual(seen, [['=', false], ['-', false], ['0', false], ['z', true]], 'keys and whether the page kept them');
    await p.close();
  });

  await runner.test('zoom: at 200 % the page lays out again at the new ratio (sharp fonts, tabs, whole names)', async () => {
    const p = (await openPage(context, url)).page;
    await p.setViewportSize({ width: 1280, height: 800 });
    await frames(p, 4);
    const cdp = await context.newCDPSession(p);
    // Browser zoom to 200 %: half the CSS pixels, twice the device pixels per CSS pixel.
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 400, deviceScaleFactor: 2, mobile: false });
    await waitFor(() => p.evaluate(() => window.rotaplanTest.fontPixelRatio() === 2), 'fonts rebuilt for ratio 2');
    await frames(p, 6);
    assertEqual(await p.evaluate(() => [window.innerWidth, document.getElementById('canvas').width]), [640, 1280],
      'CSS width and the canvas backing store');
    await rect(p, 'layout:tab:Rotation');
    // Every name fits its cell: the grid scrolls sideways rather than cut "Carol Diaz".
    const nameWidth = await p.evaluate(() => {
      // The page's 14 px font is 14 px from ascender to descender (stb_truetype's pixel
      // height), which is DejaVu Sans at a CSS font-size of 14 * 2048 / (1901 + 483).
      const g = document.createElement('canvas').getContext('2d');
      g.font = `${(14 * 2048) / (1901 + 483)}px "DejaVu Sans"`;
      return g.measureText('Carol Diaz').width;
    });
    const cell = await rect(p, 'cell:2026-12-07:primary');
    assert(cell.w >= nameWidth + 10, `primary cell ${cell.w} px for a ${nameWidth} px name`);
    const png = Buffer.from((await cdp.send('Page.captureScreenshot', { format: 'png' })).data, 'base64');
    fs.writeFileSync(path.join(shots, 'a11y-zoom-200.png'), png);
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await cdp.detach();
    await p.close();
  });

  // ---- layout ------------------------------------------------------------------------
  await runner.test('layout: at 1280 x 800 violation messages wrap inside their panel', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await frames(page, 6);
    const report = await page.evaluate(() => window.rotaplan.check());
    let longest = 0;
    report.violations.forEach((v, i) => { if (v.message.length > report.violations[longest].message.length) longest = i; });
    const row = await rect(page, `violation:${longest}`);
    const text = await rect(page, `violation:${longest}:text`);
    assert(text.x >= row.x && text.x + text.w <= 1280, `message from ${text.x} to ${text.x + text.w}`);
    assert(text.h > 30, `a ${report.violations[longest].message.length}-character message on one line (${text.h} px)`);
  });

  await runner.test('layout: below 1100 px one panel at a time, chosen by tabs', async () => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await frames(page, 6);
    await rect(page, 'cell:2026-11-30:primary');   // the rotation comes first
    assert(!(await drawn(page, 'violation:0')), 'violations behind their tab');
    await click(page, 'layout:tab:Violations');
    await rect(page, 'violation:0');
    assert(!(await drawn(page, 'cell:2026-11-30:primary')), 'the grid behind its tab');
    await page.screenshot({ path: path.join(shots, 'a11y-tabs-1000.png') });
    await click(page, 'layout:tab:Rotation');
    await rect(page, 'cell:2026-11-30:primary');
  });

  // ---- calendar ------------------------------------------------------------------------
  await runner.test('calendar: day numbers at every width, weekday names or initials where they fit', async () => {
    const weekdayWidth = {};
    for (const [w, h] of [[1920, 1080], [1280, 800], [1000, 700]]) {
      await page.setViewportSize({ width: w, height: h });
      await frames(page, 4);
      if (w < 1100) await click(page, 'layout:tab:Calendar');
      await frames(page, 4);
      for (let d = 0; d < 28; d++) {
        const day = new Date(Date.UTC(2026, 10, 30 + d)).toISOString().slice(0, 10);
        assert(await drawn(page, `calendar:day:${day}`), `${w} px: no day number for ${day}`);
        const wd = await page.evaluate((l) => window.rotaplanTest.widgetRect(l), `calendar:weekday:${day}`);
        assert(wd, `${w} px: no weekday for ${day}`);
        weekdayWidth[w + ':' + day] = wd.w;
      }
    }
    // Names ("Wed") where the days are wide, initials ("W") where they are narrow.
    for (let d = 0; d < 28; d++) {
      const day = new Date(Date.UTC(2026, 10, 30 + d)).toISOString().slice(0, 10);
      assert(weekdayWidth['1920:' + day] > weekdayWidth['1280:' + day] * 1.4, `weekday of ${day}: a name at 1920 px, an initial at 1280 px`);
    }
    await click(page, 'layout:tab:Rotation');
  });

  await runner.test('calendar: the readout shows the instant under the pointer in the team zone and the viewer\'s', async () => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await frames(page, 4);
    const bar = await rect(page, 'calendar:shift:2026-12-14:primary');   // Bob, Mon 14 Dec 09:00 to Mon 21 Dec 09:00 EST
    const x = bar.x + bar.w * 0.5, y = bar.y + bar.h / 2;
    await page.mouse.move(x, y);
    await frames(page, 3);
    const text = await page.evaluate(() => window.rotaplanTest.calendarReadout());
    const m = /^(.*) EST team time · (.*) UTC your time$/.exec(text);
    assert(m, 'readout: ' + text);
    const team = wallClock(m[1]), viewer = wallClock(m[2]);
    const expected = Date.UTC(2026, 11, 14, 9) + 0.5 * 7 * 24 * 3600e3;   // the bar's middle, wall clock
    assert(Math.abs(team - expected) <= 2 * 3600e3, `team time ${m[1]} for the middle of the week`);
    assertEqual(viewer - team, 5 * 3600e3, 'UTC is five hours ahead of EST');
    await page.screenshot({ path: path.join(shots, 'a11y-calendar-readout.png') });
  });

  await runner.test('calendar: dragging across the secondary row creates an override (snapped), then the person; one undo step', async () => {
    const before = (await planOf(page)).overrides.length;
    const bar = await rect(page, 'calendar:shift:2026-12-14:secondary');
    const y = bar.y + bar.h / 2, x0 = bar.x + bar.w * 0.2, x1 = bar.x + bar.w * 0.45;
    await page.mouse.move(x0, y);
    await frames(page, 2);
    await page.mouse.down();
    await frames(page, 2);
    for (let i = 1; i <= 8; i++) {
      await page.mouse.move(x0 + ((x1 - x0) * i) / 8, y);
      await frames(page, 1);
    }
    const during = await page.evaluate(() => window.rotaplanTest.calendarReadout());
    assert(/^New secondary override: .* → .* EST \(\d+ h\); release to pick who$/.test(during), 'readout while dragging: ' + during);
    await page.mouse.up();
    await rect(page, 'override:new');
    await page.screenshot({ path: path.join(shots, 'a11y-drag-override.png') });
    await click(page, 'pick:erin');
    const plan = await planOf(page);
    assertEqual(plan.overrides.length, before + 1, 'overrides after the drag');
    const o = plan.overrides[plan.overrides.length - 1];
    assertEqual([o.role, o.person], ['secondary', 'erin'], 'role and person');
    assert(/^2026-12-1\dT\d\d:00$/.test(o.from) && /^2026-12-1\dT\d\d:00$/.test(o.to) && o.from < o.to,
      `snapped times ${o.from} .. ${o.to}`);
    assert(during.includes(` (${(Date.parse(o.to + 'Z') - Date.parse(o.from + 'Z')) / 3600e3} h)`), 'the readout named the same span');
    const desc = await page.evaluate(() => window.rotaplanTest.undoDescription());
    assert(desc.startsWith('Add a secondary override for Erin Cho'), 'undo description: ' + desc);
    await page.keyboard.press('Control+z');
    await frames(page, 3);
    assertEqual((await planOf(page)).overrides.length, before, 'one undo removes it');
    // Escape in the middle of a drag cancels it: no list, no override.
    await page.mouse.move(x0, y);
    await frames(page, 2);
    await page.mouse.down();
    for (let i = 1; i <= 4; i++) {
      await page.mouse.move(x0 + ((x1 - x0) * i) / 4, y);
      await frames(page, 1);
    }
    await page.keyboard.press('Escape');
    await frames(page, 2);
    await page.mouse.up();
    await frames(page, 4);
    assert(!(await drawn(page, 'override:new')), 'no person list after Escape');
    assertEqual((await planOf(page)).overrides.length, before, 'overrides after a cancelled drag');
  });

  // ---- contrast ----------------------------------------------------------------------------
  await runner.test('contrast: every text colour pair of both themes is at least 4.5:1 (WCAG AA)', async () => {
    for (const dark of [false, true]) {
      const pairs = await page.evaluate((d) => window.rotaplanTest.contrastPairs(d), dark);
      assert(pairs.some((p) => p.what === 'bar text on primary bar') && pairs.length > 30, 'the pairs list');
      const low = pairs.filter((p) => contrast(p.text, p.background) < 4.5)
        .map((p) => `${p.what} ${contrast(p.text, p.background).toFixed(2)}:1`);
      assertEqual(low, [], `${dark ? 'dark' : 'light'} theme pairs under 4.5:1`);
    }
  });

  // ---- zone files on demand ----------------------------------------------------------------------
  await runner.test('zones: the page fetched only the zones it needs; a plan naming others loads and matches the CLI', async () => {
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/zones/') && p !== '/zones/index.txt'));
    assert(fetched.length <= 6, 'zone files fetched at start-up: ' + fetched.join(', '));
    const plan = JSON.parse(sample);
    plan.team.timezone = 'Pacific/Auckland';
    plan.people[0].timezone = 'US/Eastern';
    plan.people[1].timezone = 'Asia/Kathmandu';
    const text = JSON.stringify(plan, null, 2);
    const file = path.join(tmp, 'auckland.json');
    fs.writeFileSync(file, text);
    const r = await page.evaluate((t) => window.rotaplan.loadPlan(t), text);
    assertEqual(r, { ok: true }, 'loadPlan with zones not fetched yet');
    let cliCheck;
    try { cliCheck = execFileSync(cli, ['check', file, '--json']).toString(); } catch (e) { cliCheck = e.stdout.toString(); }
    assertEqual(JSON.stringify(await page.evaluate(() => window.rotaplan.check())), JSON.stringify(JSON.parse(cliCheck)), 'check');
    const ics = execFileSync(cli, ['export', file, '--format', 'ics', '--stamp', '2026-11-27T00:00:00Z']).toString();
    assertEqual(await page.evaluate(() => window.rotaplan.exportText('ics', { stamp: '2026-11-27T00:00:00Z' })), ics, 'ics');
    await page.evaluate((t) => window.rotaplan.loadPlan(t), sample);
  });

  await runner.test('zones: a dropped plan waits for its zone files, then opens', async () => {
    const plan = JSON.parse(sample);
    plan.team.timezone = 'Asia/Tokyo';
    const zoneRequests = [];
    const listener = (req) => { if (req.url().includes('/zones/Asia/Tokyo')) zoneRequests.push(req.url()); };
    page.on('request', listener);
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'tokyo.json', { type: 'application/json' }));
      const canvas = document.querySelector('canvas');
      for (const type of ['dragenter', 'dragover', 'drop'])
        canvas.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, JSON.stringify(plan));
    await waitFor(async () => (await planOf(page)).team.timezone === 'Asia/Tokyo', 'the dropped plan');
    page.off('request', listener);
    assertEqual(zoneRequests.length, 1, 'Asia/Tokyo fetched once');
    const timing = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/zones/Asia/Tokyo')).initiatorType);
    assertEqual(timing, 'fetch', 'fetched ahead (not by the synchronous fallback)');
    await rect(page, 'cell:2026-11-30:primary');
    await page.evaluate((t) => window.rotaplan.loadPlan(t), sample);
  });

  await runner.test('no console errors', async () => {
    assertEqual(errors.length, 0, 'console errors: ' + errors.join(' | '));
  });
  await page.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
