// File > Import... and the vendor exports as a person uses them (docs/interop.md): import
// a Grafana OnCall final-shifts file through the dialog, read its loss report, replace
// the plan, undo; export PagerDuty in the Export window and compare the download with
// the CLI's bytes. Screenshots (1280×800): import-dialog.png, export-pagerduty.png.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { openSample, assert, assertEqual, rect, frames, click } from './harness.mjs';

// The sample's resolved shifts of one role as Grafana OnCall's final_shifts gives them
// (two pages), with the week of 2026-12-14 missing from the primary: a hole.
function grafanaPages(cli, samplePath, role) {
  const exp = JSON.parse(execFileSync(cli, ['export', samplePath, '--format', 'json']).toString());
  const people = new Map(exp.people.map((p) => [p.id, p]));
  const utc = (s) => new Date(s).toISOString().replace('.000Z', 'Z');
  const results = [];
  for (const s of exp.shifts) {
    if (s.role !== role || (role === 'primary' && s.week === '2026-12-14')) continue;
    const last = results[results.length - 1];
    if (last && last.user_pk === 'U' + s.person && last.shift_end === utc(s.start)) { last.shift_end = utc(s.end); continue; }
    results.push({ user_pk: 'U' + s.person, user_email: people.get(s.person).email ?? `${s.person}@example.com`,
      user_username: s.person, shift_start: utc(s.start), shift_end: utc(s.end) });
  }
  const half = Math.ceil(results.length / 2);
  return JSON.stringify([{ count: results.length, next: 'p2', results: results.slice(0, half) },
    { count: results.length, next: null, results: results.slice(half) }], null, 1);
}

async function waitFor(page, fn, what, timeoutMs = 5000) {
  const t0 = Date.now();
  for (;;) {
    const v = await page.evaluate(fn);
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await frames(page, 2);
  }
}

export default async function ({ url, context, cli, root, shots, runner }) {
  const { page, errors, samplePath } = await openSample(context, url, root);
  // A common laptop screen: the dialog and the Export window must fit it whole.
  await page.setViewportSize({ width: 1280, height: 800 });
  await frames(page, 4);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rotaplan-interop-'));
  const primary = path.join(tmp, 'primary-final-shifts.json');
  const secondary = path.join(tmp, 'secondary-final-shifts.json');
  fs.writeFileSync(primary, grafanaPages(cli, samplePath, 'primary'));
  fs.writeFileSync(secondary, grafanaPages(cli, samplePath, 'secondary'));
  const planText = () => page.evaluate(() => window.rotaplan.planJson());

  try {
    await runner.test('import: a Grafana OnCall file through File > Import..., the report, replace, undo', async () => {
      const before = await planText();
      await click(page, 'menu:File');
      await click(page, 'menu:Import');
      await rect(page, 'import:vendor');
      await click(page, 'import:vendor');
      await click(page, 'import:vendor:grafana-oncall');
      for (const [role, file] of [['primary', primary], ['secondary', secondary]]) {
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, `import:choose:${role}`)]);
        await chooser.setFiles(file);
        await rect(page, `import:file:${role}`);
      }
      const preview = await waitFor(page, () => { const p = window.rotaplanTest.importPreview(); return p.ok && p.files.secondary ? p : null; }, 'the preview');
      assertEqual(preview.vendor, 'grafana-oncall', 'vendor');
      // The CLI's import of the same files: the same loss report and, once replaced, the same plan.
      const reportPath = path.join(tmp, 'report.json');
      const cliPlan = execFileSync(cli, ['import', '--from', 'grafana-oncall', '--primary', primary, '--secondary', secondary,
        '--report', reportPath], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
      const cliReport = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
      assertEqual(preview.losses, cliReport, 'loss report in the dialog vs the CLI');
      assert(cliReport.some((l) => l.kind === 'hole' && l.role === 'primary'), 'the missing week is a hole');
      await rect(page, 'import:summary');
      await rect(page, 'import:report');
      await rect(page, 'import:loss:0');
      assertEqual(await planText(), before, 'the open plan is untouched before replacing');
      await page.screenshot({ path: path.join(shots, 'import-dialog.png') });
      await click(page, 'import:replace');
      await frames(page, 3);
      assertEqual(await planText(), cliPlan, 'the plan after replacing, vs the CLI import');
      assert(!(await page.evaluate(() => window.rotaplanTest.importPreview().show)), 'the dialog closed');
      assertEqual(await page.evaluate(() => window.rotaplanTest.undoDescription()), 'Import from Grafana OnCall', 'undo step');
      await click(page, 'menu:Edit');
      await click(page, 'menu:Edit/Undo');
      await frames(page, 3);
      assertEqual(await planText(), before, 'the plan after Edit > Undo');
    });

    await runner.test('import: a bad file shows its place and replaces nothing', async () => {
      const bad = path.join(tmp, 'bad.json');
      fs.writeFileSync(bad, '{"results": [{"user_pk": "U1", "shift_start": "2026-12-01T09:00:00Z", "shift_end": "2026-11-30T09:00:00Z"}]}');
      await click(page, 'menu:File');
      await click(page, 'menu:Import');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'import:choose:primary')]);
      await chooser.setFiles(bad);
      const preview = await waitFor(page, () => { const p = window.rotaplanTest.importPreview(); return p.error ? p : null; }, 'the error');
      assertEqual(preview.error, 'bad.json: /results/0/shift_end (line 1, column 84): the entry ends (2026-11-30T09:00:00+00:00) before it starts (2026-12-01T09:00:00+00:00)', 'error');
      await rect(page, 'import:error');
      await click(page, 'import:cancel');
      assert(!(await page.evaluate(() => window.rotaplanTest.importPreview().show)), 'the dialog closed');
    });

    await runner.test('export: PagerDuty in the Export window, with its loss report, is the CLI\'s bytes', async () => {
      const planPath = path.join(tmp, 'open-plan.json');
      fs.writeFileSync(planPath, await planText());
      const cliDoc = execFileSync(cli, ['export', planPath, '--format', 'pagerduty']).toString();
      await click(page, 'menu:File');
      await click(page, 'menu:Export window');
      await click(page, 'export:format:pagerduty');
      await rect(page, 'export:losses');
      await rect(page, 'export:loss:0');
      await page.screenshot({ path: path.join(shots, 'export-pagerduty.png') });
      const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'export:download')]);
      assertEqual(download.suggestedFilename(), 'platform-pagerduty.json', 'file name');
      const saved = path.join(tmp, 'download.json');
      await download.saveAs(saved);
      assertEqual(fs.readFileSync(saved, 'utf8'), cliDoc, 'downloaded document vs the CLI');
      assertEqual(await page.evaluate(() => window.rotaplan.exportText('pagerduty')), cliDoc, 'exportText vs the CLI');
    });

    await runner.test('JS API: importText and exportText with users, as the CLI', async () => {
      const before = await planText();
      const files = { primary: fs.readFileSync(primary, 'utf8'), secondary: fs.readFileSync(secondary, 'utf8') };
      const dry = await page.evaluate((f) => window.rotaplan.importText('grafana-oncall', f, { timezone: 'America/New_York', replace: false }), files);
      assert(dry.ok, dry.error);
      assertEqual(await planText(), before, 'replace: false leaves the plan');
      const cliPlan = execFileSync(cli, ['import', '--from', 'grafana-oncall', '--primary', primary, '--secondary', secondary,
        '--timezone', 'America/New_York'], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
      assertEqual(dry.plan, cliPlan, 'importText plan vs the CLI');
      const r = await page.evaluate((f) => window.rotaplan.importText('grafana-oncall', f, { timezone: 'America/New_York' }), files);
      assertEqual(await planText(), cliPlan, 'the plan after importText');
      assertEqual(r.losses, dry.losses, 'losses');
      await page.evaluate(() => window.rotaplanTest.undo());
      await frames(page, 2);
      assertEqual(await planText(), before, 'undo');
      const bad = await page.evaluate(() => window.rotaplan.importText('grafana-oncall', { primary: '{"results": 5}' }));
      assertEqual(bad, { ok: false, error: 'primary: /results (line 1, column 13): expected a list of final shifts, found 5' }, 'a bad file');
      const users = { users: [{ id: 'PALICE', email: 'alice@example.com' }] };
      const usersPath = path.join(tmp, 'users.json');
      fs.writeFileSync(usersPath, JSON.stringify(users));
      const planPath = path.join(tmp, 'open-plan.json');
      fs.writeFileSync(planPath, before);
      const cliDoc = execFileSync(cli, ['export', planPath, '--format', 'opsgenie', '--users', usersPath]).toString();
      assertEqual(await page.evaluate((u) => window.rotaplan.exportText('opsgenie', { users: u }), users), cliDoc, 'exportText with users');
    });

    await runner.test('interop: no console errors', async () => {
      assertEqual(errors, [], 'console errors');
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    // Back to the harness's size: later test files share this browser.
    await page.setViewportSize({ width: 1400, height: 900 }).catch(() => {});
    await page.close();
  }
}
