// The page itself: loads cleanly, draws, exposes its API; screenshot for a person to look at.
import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { openPage, distinctColours, assert, assertEqual } from './harness.mjs';

export default async function ({ url, context, cli, root, shots, runner }) {
  const { page, errors, readyMs } = await openPage(context, url);
  console.log(`     (page ready in ${readyMs} ms)`);

  await runner.test('page loads with no console error', async () => {
    await page.waitForTimeout(500);
    assert(errors.length === 0, 'console errors: ' + errors.join(' | '));
  });

  await runner.test('window.rotaplanReady resolves to the API', async () => {
    const names = await page.evaluate(async () => Object.keys(await window.rotaplanReady).sort());
    for (const fn of ['check', 'exportText', 'loadPlan', 'planJson'])
      assert(names.includes(fn), `window.rotaplan lacks ${fn}: ${names}`);
  });

  await runner.test('canvas is drawn (not blank) and a screenshot is written', async () => {
    const png = await page.screenshot({ path: path.join(shots, 'page.png') });
    const colours = await distinctColours(page, png);
    assert(colours > 20, `the page shows only ${colours} colours: blank?`);
    const canvas = await page.$('canvas');
    assert(canvas, 'no canvas element');
    const box = await canvas.boundingBox();
    assert(box.width > 600 && box.height > 400, `canvas too small: ${JSON.stringify(box)}`);
  });

  const sample = fs.readFileSync(path.join(root, 'assets', 'sample-plan.json'), 'utf8');

  await runner.test('the sample plan is open: its JSON matches the CLI reading of the same file', async () => {
    const weeks = await page.evaluate(() => JSON.parse(window.rotaplan.planJson()).weeks.length);
    assertEqual(weeks, JSON.parse(sample).weeks.length, 'weeks of the open plan');
  });

  await runner.test('check() gives the same report as rotaplan check --json', async () => {
    let cliOut;
    try { cliOut = execFileSync(cli, ['check', path.join(root, 'assets', 'sample-plan.json'), '--json']).toString(); }
    catch (e) { cliOut = e.stdout.toString(); }
    const pageReport = await page.evaluate((t) => { window.rotaplan.loadPlan(t); return window.rotaplan.check(); }, sample);
    assertEqual(JSON.stringify(pageReport), JSON.stringify(JSON.parse(cliOut)), 'check report');
  });

  await runner.test('loadPlan refuses a broken plan with the place and keeps the open plan', async () => {
    const before = await page.evaluate(() => window.rotaplan.planJson());
    const r = await page.evaluate(() => window.rotaplan.loadPlan('{"rotaplan": 1, "team": {"name": "X", "timezone": "Mars/Base"}, "people": []}'));
    assertEqual(r.ok, false, 'ok flag');
    assert(/\/team\/timezone/.test(r.error), 'error names the place: ' + r.error);
    const after = await page.evaluate(() => window.rotaplan.planJson());
    assertEqual(after, before, 'open plan after a refused load');
  });
  for (const [format, args, opts] of [
    ['json', [], {}], ['csv', [], {}], ['md', [], {}],
    ['ics', ['--stamp', '2026-11-27T00:00:00Z'], { stamp: '2026-11-27T00:00:00Z' }],
    ['ics', ['--stamp', '2026-11-27T00:00:00Z', '--person', 'alice', '--utc'],
      { stamp: '2026-11-27T00:00:00Z', person: 'alice', utc: true }],
  ]) {
    await runner.test(`exportText('${format}', ${JSON.stringify(opts)}) equals the CLI export`, async () => {
      const cliOut = execFileSync(cli, ['export', path.join(root, 'assets', 'sample-plan.json'),
        '--format', format, ...args]).toString();
      const pageOut = await page.evaluate(([f, o]) => window.rotaplan.exportText(f, o), [format, opts]);
      assertEqual(pageOut, cliOut, `${format} export`);
    });
  }
  await runner.test('exportText reads a stamp like the CLI and refuses an unknown person', async () => {
    const a = await page.evaluate(() => window.rotaplan.exportText('ics', { stamp: '2026-11-27T00:00' }));
    const b = execFileSync(cli, ['export', path.join(root, 'assets', 'sample-plan.json'), '--format', 'ics',
      '--stamp', '2026-11-27T00:00']).toString();
    assertEqual(a, b, 'ics with a stamp without an offset');
    const err = await page.evaluate(() => { try { window.rotaplan.exportText('ics', { person: 'zed' }); return null; }
      catch (e) { return String(e.message); } });
    assert(err && /zed/.test(err), 'unknown person error: ' + err);
    // A wrongly typed option is refused with its name, not ignored.
    for (const [options, name] of [[{ person: 5 }, 'options.person'], [{ utc: 'yes' }, 'options.utc'], [{ stamp: 7 }, 'options.stamp']]) {
      const e = await page.evaluate((o) => { try { window.rotaplan.exportText('ics', o); return null; }
        catch (x) { return String(x.message); } }, options);
      assert(e && e.startsWith(name + ':'), JSON.stringify(options) + ' error: ' + e);
    }
  });
  await page.close();
}
