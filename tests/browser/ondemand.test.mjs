// The vendor formats' code is fetched on demand (docs/page.md "Page size"): a first visit
// and a day of planning never download rotaplan-interop-module.*; the JS API loads it at
// its first vendor call (synchronously) and answers as the CLI does; opening the Import
// dialog fetches it in the background; an unreachable module gives a message in the API
// and in the Export window (with Try again), never a half-made result or a dead page.
import { execFileSync } from 'node:child_process';
import { openPage, openSample, assert, assertEqual, frames, click, rect } from './harness.mjs';

const MODULE = /rotaplan-interop-module\.(js|wasm)$/;

function moduleFetches(page) {
  const seen = [];
  page.on('request', (r) => { if (MODULE.test(new URL(r.url()).pathname)) seen.push(new URL(r.url()).pathname.split('/').pop()); });
  return seen;
}

export default async function ({ url, context, cli, root, runner }) {
  await runner.test('on demand: a first visit fetches no vendor-format code; the API loads it once, as the CLI', async () => {
    const { page, errors, samplePath } = await openSample(context, url, root);
    const seen = moduleFetches(page);
    await page.evaluate(() => window.rotaplan.check());
    await page.evaluate(() => window.rotaplan.exportText('ics', {}));
    await frames(page, 4);
    assertEqual(await page.evaluate(() => window.rotaplanInterop.status()), { loaded: false, fetches: 0, syncFetches: 0 },
      'nothing vendor-related before it is asked for');
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    assert(!resources.some((n) => MODULE.test(new URL(n).pathname)), 'the first visit fetched the interop module: ' + resources.join(' '));
    const pd = await page.evaluate(() => window.rotaplan.exportText('pagerduty', {}));
    assertEqual(typeof pd, 'string', 'exportText answers synchronously with text');
    assertEqual(pd, execFileSync(cli, ['export', samplePath, '--format', 'pagerduty']).toString(), 'the CLI bytes');
    const ga = await page.evaluate(() => window.rotaplan.exportText('goalert', {}));
    assertEqual(ga, execFileSync(cli, ['export', samplePath, '--format', 'goalert']).toString(), 'GoAlert, the CLI bytes');
    assertEqual(await page.evaluate(() => window.rotaplanInterop.status()), { loaded: true, fetches: 0, syncFetches: 2 },
      'loaded once: its script and its code');
    assertEqual(seen.sort(), ['rotaplan-interop-module.js', 'rotaplan-interop-module.wasm'], 'each fetched once');
    assertEqual(errors, [], 'no console errors');
    await page.close();
  });

  await runner.test('on demand: the Import dialog fetches the module in the background', async () => {
    const { page, errors } = await openSample(context, url, root);
    await click(page, 'menu:File');
    await click(page, 'menu:Import');
    await rect(page, 'import:vendor');
    for (let i = 0; i < 100 && !(await page.evaluate(() => window.rotaplanInterop.status().fetches)); i++) await frames(page, 2);
    const r = await page.evaluate(() => window.rotaplan.importText('ics', { primary: 'hello' }, { timezone: 'UTC', replace: false }));
    assertEqual(r.ok, false, 'a file that is no calendar is refused');
    assert(/primary/.test(r.error), 'the error names the file: ' + r.error);
    const s = await page.evaluate(() => window.rotaplanInterop.status());
    assertEqual([s.loaded, s.fetches, s.syncFetches], [true, 1, 0], 'fetched in the background, not on the call');
    assertEqual(errors, [], 'no console errors');
    await page.close();
  });

  await runner.test('on demand: an unreachable module is a message, in the API and the Export window; the plan stays', async () => {
    const { page, errors } = await openPage(context, url);
    await page.route(MODULE, (route) => route.fulfill({ status: 404, body: 'gone' }));
    const before = await page.evaluate(() => window.rotaplan.planJson());
    let thrown = null;
    try { await page.evaluate(() => window.rotaplan.exportText('opsgenie', {})); } catch (e) { thrown = String(e); }
    assert(thrown && /vendor formats could not be loaded/.test(thrown) && /HTTP 404/.test(thrown), 'the API says why: ' + thrown);
    const imp = await page.evaluate(() => window.rotaplan.importText('goalert', { primary: '{}' }, {}));
    assertEqual(imp.ok, false, 'import refused');
    assert(/could not be loaded/.test(imp.error), imp.error);
    assertEqual(await page.evaluate(() => window.rotaplan.planJson()), before, 'the plan is unchanged');
    await click(page, 'menu:File');
    await click(page, 'menu:Export window');
    await click(page, 'export:format:goalert');
    await frames(page, 4);
    await rect(page, 'export:retry');
    await rect(page, 'export:error');
    // Reachable again: Try again gives the document.
    await page.unroute(MODULE);
    await click(page, 'export:retry');
    await frames(page, 4);
    const ga = await page.evaluate(() => window.rotaplan.exportText('goalert', {}));
    assert(ga.startsWith('{'), 'exports once the module is reachable');
    assert(!(await page.evaluate(() => window.rotaplanTest.widgetRect('export:error'))), 'the reason is gone once exported');
    const unexpected = errors.filter((e) => !/404|Failed to load resource/.test(e));
    assertEqual(unexpected, [], 'no console errors beyond the failed fetch');
    await page.close();
  });
}
