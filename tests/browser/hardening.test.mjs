// Issue 13 in the page: loadPlan reads the whole text (a NUL byte is refused, not the end),
// the page takes the same zones as the command line (legacy links, not localtime) and
// writes the same canonical TZID, and integers beyond 64 bits survive a load and save.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openPage, assert, assertEqual } from './harness.mjs';

export default async function ({ url, context, cli, root, runner }) {
  const { page, errors } = await openPage(context, url);
  const sample = fs.readFileSync(path.join(root, 'assets', 'sample-plan.json'), 'utf8');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rotaplan-hardening-'));
  const withZone = (zone) => { const p = JSON.parse(sample); p.team.timezone = zone; return JSON.stringify(p, null, 2); };
  const cliRun = (args) => {
    try { return { code: 0, out: execFileSync(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString() }; }
    catch (e) { return { code: e.status, out: e.stdout.toString(), err: e.stderr.toString() }; }
  };

  await runner.test('loadPlan refuses a plan followed by a NUL byte and garbage, and keeps the open plan', async () => {
    await page.evaluate((t) => window.rotaplan.loadPlan(t), sample);
    const before = await page.evaluate(() => window.rotaplan.planJson());
    const r = await page.evaluate((t) => window.rotaplan.loadPlan(t + '\u0000{"rotaplan": 9}'), sample);
    assertEqual(r.ok, false, 'ok flag');
    assert(/\(line \d+, column 1\): not valid JSON: a NUL byte \(byte \d+ of the file\)/.test(r.error), 'error: ' + r.error);
    assertEqual(await page.evaluate(() => window.rotaplan.planJson()), before, 'open plan after the refusal');
  });

  for (const zone of ['US/Eastern', 'Asia/Calcutta', 'GMT', 'EST']) {
    await runner.test(`team zone ${zone}: the page reads it as the CLI does, and the ICS is the CLI's`, async () => {
      const text = withZone(zone);
      const r = await page.evaluate((t) => window.rotaplan.loadPlan(t), text);
      assertEqual(r.ok, true, `loadPlan ${zone}: ${r.error}`);
      const file = path.join(tmp, 'zone.json');
      fs.writeFileSync(file, text);
      const cliIcs = cliRun(['export', file, '--format', 'ics', '--stamp', '2026-11-27T00:00:00Z']);
      assertEqual(cliIcs.code, 0, 'CLI export');
      const pageIcs = await page.evaluate(() => window.rotaplan.exportText('ics', { stamp: '2026-11-27T00:00:00Z' }));
      assertEqual(pageIcs, cliIcs.out, 'ICS');
      if (zone === 'US/Eastern' || zone === 'EST')
        assert(pageIcs.includes('\r\nTZID:America/New_York\r\n') && !pageIcs.includes(`TZID:${zone}\r\n`), 'TZID America/New_York');
    });
  }

  await runner.test('team zone localtime is refused in the page as on the command line', async () => {
    const r = await page.evaluate((t) => window.rotaplan.loadPlan(t), withZone('localtime'));
    assertEqual(r.ok, false, 'ok flag');
    assert(/\/team\/timezone .*found "localtime"/.test(r.error), 'error: ' + r.error);
  });

  await runner.test('an unknown member holding an integer beyond 64 bits is saved as it was written', async () => {
    const p = JSON.parse(sample);
    const text = JSON.stringify(p, null, 2).replace(/\n}\s*$/, ',\n  "x-id": 123456789012345678901234567890\n}\n');
    const r = await page.evaluate((t) => window.rotaplan.loadPlan(t), text);
    assertEqual(r.ok, true, 'loadPlan: ' + r.error);
    const saved = await page.evaluate(() => window.rotaplan.planJson());
    assert(saved.includes('"x-id": 123456789012345678901234567890\n'), 'the number as written: ' + saved.slice(-80));
    await page.evaluate((t) => window.rotaplan.loadPlan(t), sample);
  });

  await runner.test('no console error on the way', async () => {
    assert(errors.length === 0, 'console errors: ' + errors.join(' | '));
  });
  fs.rmSync(tmp, { recursive: true, force: true });
  await page.close();
}
