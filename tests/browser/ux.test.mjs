// Guidance and the smaller forms (issue 12 items 6–12, 16) as a person meets them: real
// mouse and keyboard events on the canvas, located through widgetRect(label) and read
// back through widgetText(label) (docs/page.md lists both). Each check fails on the page
// as it was before its fix.
import path from 'node:path';
import fs from 'node:fs';
import { launch, openPage, openSample, assert, assertEqual, rect, centre, frames, click } from './harness.mjs';

const planOf = async (page) => JSON.parse(await page.evaluate(() => window.rotaplan.planJson()));
const drawn = (page, label) => page.evaluate((l) => window.rotaplanTest.widgetRect(l) !== null, label);
const text = (page, label) => page.evaluate((l) => window.rotaplanTest.widgetText(l), label);
async function waitText(page, label, timeoutMs = 5000) {
  const t0 = Date.now();
  for (;;) {
    const t = await text(page, label);
    if (t !== null) return t;
    if (Date.now() - t0 > timeoutMs) throw new Error(`no text for ${label}`);
    await frames(page, 2);
  }
}
// Polls fn (frames apart) until it returns something truthy, and returns that.
async function until(page, fn, timeoutMs = 5000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out waiting');
    await frames(page, 2);
  }
}
// Clicks into a text field, selects all, types, then leaves it with `leave` (a key).
async function typeInto(page, label, value, leave = 'Enter') {
  const r = await rect(page, label);
  const p = { x: r.x + Math.min(24, r.w / 4), y: r.y + r.h / 2 };
  await page.mouse.click(p.x, p.y);
  await frames(page, 2);
  await page.keyboard.press('Control+a');
  await frames(page, 1);
  await page.keyboard.type(value);
  // ImGui takes a repeated key's next press in the next frame, so the page may still be
  // typing when this returns: events keep their order, and checks poll for the outcome.
  if (leave) await page.keyboard.press(leave);
  await frames(page, 3);
}
async function openView(page, item) {
  await click(page, 'menu:View');
  await click(page, 'menu:View/' + item);
}
async function closeView(page, item) { await openView(page, item); }
async function newPlan(page) {
  await click(page, 'menu:File');
  await click(page, 'menu:New plan');
  await click(page, 'modal:confirm/OK');
  await frames(page, 4);
}
// The date (YYYY-MM-DD) of the next Monday 09:00 handoff in `zone`, as the page computes it.
function nextHandoff(zone, now = new Date()) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short' })
    .formatToParts(now).map((p) => [p.type, p.value]));
  const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday);
  let add = (1 - wd + 7) % 7;
  if (add === 0 && Number(parts.hour) * 60 + Number(parts.minute) >= 9 * 60) add = 7;
  const d = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day) + add));
  return d.toISOString().slice(0, 10);
}

export default async function ({ url, context, root, shots, runner }) {
  const { page, errors, sample } = await openSample(context, url, root);
  const samplePlan = JSON.parse(sample);
  const load = async (plan) => {
    const r = await page.evaluate((t) => window.rotaplan.loadPlan(t), JSON.stringify(plan));
    assert(r.ok, 'loadPlan: ' + r.error);
    await frames(page, 4);
  };
  const shot = (name) => page.screenshot({ path: path.join(shots, name) });
  // A failing check leaves a screenshot of what the page showed.
  const test = (name, fn) => runner.test(name, async () => {
    try { await fn(); } catch (e) {
      await shot('ux-FAILED-' + name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40) + '.png').catch(() => {});
      throw e;
    }
  });

  // ---- item 11: the pick list --------------------------------------------------------------
  await test('a cell\'s pick list marks who is away, on call next to the week or already in it, best first', async () => {
    await click(page, 'cell:2026-12-21:primary');
    await rect(page, 'pick:carol');
    // carol has time off from 2026-12-21, alice is that week's secondary, bob was primary the week before.
    await rect(page, 'pick:mark:carol:away');
    await rect(page, 'pick:mark:alice:in-week');
    await rect(page, 'pick:mark:bob:before');
    assertEqual(await text(page, 'pick:carol'), 'Carol Diaz (carol) | away', 'carol\'s line');
    assert(/already secondary this week/.test(await text(page, 'pick:alice')), 'alice: ' + await text(page, 'pick:alice'));
    // The candidates come first, in "who can cover?" order (dev holds the cell, then bob).
    const dev = await rect(page, 'pick:dev'), bob = await rect(page, 'pick:bob'), carol = await rect(page, 'pick:carol');
    assert(dev.y < carol.y && bob.y < carol.y, 'candidates above the excluded');
    // Counts cover the whole plan: "other weeks", not "so far".
    const line = await text(page, 'pick:bob');
    assert(/on call 2 other weeks \(1 primary, 1 secondary\), last on call 1 week before/.test(line), 'bob: ' + line);
    assert(!/so far/.test(line), 'no "so far" wording: ' + line);
    await shot('ux-pick-list.png');
    await page.keyboard.press('Escape');
    await frames(page, 2);
    await page.keyboard.press('Escape');
    await frames(page, 3);
  });

  await test('the pick list filters as you type and Enter picks the first match (one undoable step)', async () => {
    await click(page, 'cell:2026-12-07:primary');
    await rect(page, 'pick:alice');
    await rect(page, 'pick:mark:alice:before');   // primary of 2026-11-30
    await rect(page, 'pick:mark:alice:after');    // secondary of 2026-12-14
    await page.keyboard.type('rao');
    await until(page, async () => !(await drawn(page, 'pick:alice')));   // "rao" leaves only Dev Rao
    await rect(page, 'pick:dev');
    await page.keyboard.press('Enter');
    const plan = await until(page, async () => { const p = await planOf(page); return p.weeks[1].primary !== 'carol' ? p : null; });
    assertEqual(plan.weeks[1].primary, 'dev', 'primary of 2026-12-07 after Enter');
    assertEqual(await page.evaluate(() => window.rotaplanTest.undoDescription()), 'Set primary of 2026-12-07 to Dev Rao', 'undo step');
    await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
    assertEqual((await planOf(page)).weeks[1].primary, 'carol', 'after undo');
  });

  await test('the escalation cell\'s list marks who is away and who is on call that week', async () => {
    await click(page, 'cell:2026-12-14:escalation');
    await rect(page, 'pick:dana');
    await rect(page, 'pick:mark:dana:away');       // conference 2026-12-15..18
    await rect(page, 'pick:mark:bob:in-week');     // primary that week: paged twice
    await page.keyboard.press('Escape');
    await frames(page, 2);
    await page.keyboard.press('Escape');
    await frames(page, 3);
  });

  await test('"Who can cover?" words its counts as other weeks of the plan', async () => {
    await click(page, 'cell:2026-12-21:primary');
    await click(page, 'pick:action');
    const why = await waitText(page, 'cover:candidate:bob');
    assertEqual(why, 'on call 2 other weeks (1 primary, 1 secondary), last on call 1 week before', 'bob\'s reason');
    await click(page, 'cover:close');
  });

  // ---- item 10: typed override times, grid markers -------------------------------------------
  await test('an override typed as "2026-12-08 18:00" is added and its week\'s cell is marked', async () => {
    await rect(page, 'cell:2026-11-30:primary:override');   // the sample's own override
    assert(!(await drawn(page, 'cell:2026-12-07:secondary:override')), 'no mark before');
    await click(page, 'tab:Overrides');
    await click(page, 'override:role');
    await page.keyboard.press('ArrowDown');   // combo open: primary → secondary
    await frames(page, 2);
    await page.keyboard.press('Enter');
    await frames(page, 3);
    await click(page, 'override:person');
    await click(page, 'pick:bob');
    await typeInto(page, 'override:from', '2026-12-08 18:00', 'Tab');
    await typeInto(page, 'override:to', '2026-12-09 09:00', 'Tab');
    await click(page, 'override:add');
    const plan = await until(page, async () => { const p = await planOf(page); return p.overrides.length === 2 ? p : null; });
    const o = plan.overrides[plan.overrides.length - 1];
    assertEqual(JSON.stringify(o), JSON.stringify({ role: 'secondary', person: 'bob', from: '2026-12-08T18:00', to: '2026-12-09T09:00' }),
      'the new override');
    await click(page, 'tab:Shifts');
    await rect(page, 'cell:2026-12-07:secondary:override');
    await shot('ux-override-marker.png');
  });

  await test('an override time that is not a date and time is refused with a clear error', async () => {
    const before = await page.evaluate(() => window.rotaplan.planJson());
    await click(page, 'tab:Overrides');
    await typeInto(page, 'override:from', 'tomorrow 6pm', 'Tab');
    await click(page, 'override:add');
    const err = await waitText(page, 'override:error');
    assert(/^From: "tomorrow 6pm" is not a date and time; type it as 2026-12-08 18:00/.test(err), 'error: ' + err);
    assertEqual(await page.evaluate(() => window.rotaplan.planJson()), before, 'plan after a refused override');
    await click(page, 'tab:Shifts');
  });

  // ---- item 9: coverage gaps by cause ------------------------------------------------------------
  await test('coverage gaps are grouped by cause, someone unreachable first, with a fix that works', async () => {
    const plan = structuredClone(samplePlan);
    delete plan.contacts.cto;
    plan.time_off.push({ person: 'bob', from: '2026-12-16', to: '2026-12-17', reason: 'dentist' });
    await load(plan);
    const gaps = await page.evaluate(() => window.rotaplan.gaps());
    const ctoWeeks = new Set(gaps.gaps.filter((g) => g.kind === 'no-contact' && g.level === 'cto').map((g) => g.week));
    assert(ctoWeeks.size === 4, 'no-CTO gaps in every week: ' + ctoWeeks.size);
    await openView(page, 'Coverage gaps');
    const away = await rect(page, 'gaps:group:time-off:primary:bob');
    const cto = await rect(page, 'gaps:group:no-contact:cto');
    assert(away.y < cto.y, 'the unreachable person is listed before the missing CTO');
    const headline = await text(page, 'gaps:group:no-contact:cto');
    assert(headline.startsWith('No CTO assigned \u2014 4 weeks (30 Nov \u2013 21 Dec)'), 'headline: ' + headline);
    // Opening the group lists its cases with readable team-zone times, no RFC 3339 stamps.
    await click(page, 'gaps:group:time-off:primary:bob');
    const i = gaps.gaps.findIndex((g) => g.kind === 'time-off' && g.person === 'bob');
    const row = await waitText(page, 'gap:' + i);
    const re = new RegExp('^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d\\d Dec 2026 \\d\\d:\\d\\d EST \\| ' + gaps.gaps[i].severity +
      ' \\| The primary is skipped at (Tue|Wed) 1[56] Dec \\d\\d:\\d\\d EST: Bob Osei has time off \\(dentist\\)$');
    assert(re.test(row), 'row: ' + row);
    await shot('ux-gaps-grouped.png');
    // The fix: Set the CTO… → Erin.
    await click(page, 'gaps:fix:no-contact:cto');
    await click(page, 'pick:erin');
    await frames(page, 4);
    assertEqual((await planOf(page)).contacts.cto, 'erin', 'contacts.cto after the fix');
    assert(!(await drawn(page, 'gaps:group:no-contact:cto')), 'the no-CTO cause is gone');
    assertEqual(await page.evaluate(() => window.rotaplanTest.undoDescription()), 'Set the CTO to Erin Cho', 'one undoable step');
    await closeView(page, 'Coverage gaps');
  });

  // ---- item 8: compensation ------------------------------------------------------------------------
  await test('Pay without a compensation section offers the form; each field is one undoable, validated step', async () => {
    const plan = structuredClone(samplePlan);
    delete plan.compensation;
    await load(plan);
    await openView(page, 'Pay');
    await click(page, 'pay:comp:add');
    assertEqual(JSON.stringify((await planOf(page)).compensation), JSON.stringify({ primary_weekly: 0, secondary_weekly: 0,
      per_incident: 0, weekend: 0, p0_rest_hours: 0, weekend_comp_hours: 0 }), 'compensation after Add');
    await typeInto(page, 'pay:comp:currency', 'eur');
    await typeInto(page, 'pay:comp:primary-weekly', '500');
    await typeInto(page, 'pay:comp:weekend', '150.5');
    let c = await until(page, async () => { const x = (await planOf(page)).compensation; return x.weekend ? x : null; });
    assertEqual(c.currency, 'EUR', 'currency (typed in lower case)');
    assertEqual(c.primary_weekly, 500, 'primary_weekly');
    assertEqual(c.weekend, 150.5, 'weekend');
    assertEqual(await page.evaluate(() => window.rotaplanTest.undoDescription()), 'Set the compensation\'s Weekend extra', 'undo step');
    // The report is there without an incident run: base and weekend pay.
    await rect(page, 'pay:table');
    assertEqual(await waitText(page, 'pay:summary'), 'no incidents \u00b7 amounts in EUR \u00b7 rest/comp in hours', 'summary');
    // A bad number: the error names the field; leaving keeps the old value.
    await typeInto(page, 'pay:comp:per-incident', '12,5', null);
    const err = await waitText(page, 'pay:comp:error');
    assert(/^Per incident: type a number from 0 to 1000000000/.test(err), 'error: ' + err);
    await page.keyboard.press('Tab');
    await frames(page, 3);
    assertEqual((await planOf(page)).compensation.per_incident, 0, 'per_incident after a bad entry');
    await typeInto(page, 'pay:comp:currency', 'EURO', null);
    await until(page, async () => /^Currency: three letters/.test(await text(page, 'pay:comp:error') || ''));
    await page.keyboard.press('Escape');
    await frames(page, 3);
    await shot('ux-compensation.png');
    // Undo twice: weekend, then primary weekly.
    await page.evaluate(() => window.rotaplanTest.undo());
    await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
    c = (await planOf(page)).compensation;
    assertEqual([c.weekend, c.primary_weekly, c.currency].join(','), '0,0,EUR', 'after two undos');
    await closeView(page, 'Pay');
  });

  // ---- item 16: the smaller items ----------------------------------------------------------------------
  await test('a person\'s id is renamed everywhere when the field is left, not only on Enter', async () => {
    await load(samplePlan);
    await click(page, 'person:alice');
    await typeInto(page, 'team:id', 'alicia', 'Tab');
    const plan = await until(page, async () => { const p = await planOf(page); return p.people[0].id !== 'alice' ? p : null; });
    assert(plan.people.some((p) => p.id === 'alicia') && !plan.people.some((p) => p.id === 'alice'), 'people ids');
    assertEqual(plan.weeks[0].primary, 'alicia', 'the week follows the rename');
    // A taken id is refused on leaving, and the field shows the id again.
    await typeInto(page, 'team:id', 'bob', 'Tab');
    assert((await planOf(page)).people.filter((p) => p.id === 'bob').length === 1, 'bob stays unique');
    await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
  });

  await test('zone search finds "new york" (words, any case, underscores as spaces); Enter picks it', async () => {
    await click(page, 'person:bob');
    await click(page, 'team:zone');
    await page.keyboard.type('new york');
    await until(page, async () => !(await drawn(page, 'zone:Europe/Berlin')));   // filtered
    await rect(page, 'zone:America/New_York');
    await page.keyboard.press('Enter');
    const bob = await until(page, async () => {
      const b = (await planOf(page)).people.find((p) => p.id === 'bob');
      return b.timezone !== 'Europe/Berlin' ? b : null;
    });
    assertEqual(bob.timezone, 'America/New_York', 'bob\'s zone');
    await page.evaluate(() => window.rotaplanTest.undo());
    await frames(page, 3);
  });

  await test('time-off dates are shown whole in the Time off tab at 1280 x 800', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await frames(page, 6);
    await click(page, 'tab:Time off');
    const from = await rect(page, 'timeoff:0:from');
    const to = await rect(page, 'timeoff:0:to');
    // "2026-12-21" at 14 px DejaVu Sans is about 78 px; the field adds its padding.
    assert(from.w >= 86 && to.w >= 86, `date fields ${from.w} and ${to.w} px wide`);
    await shot('ux-time-off-1280.png');
    await click(page, 'tab:People');
    await page.setViewportSize({ width: 1400, height: 900 });
    await frames(page, 6);
  });

  await test('Policy names the consecutive rule plainly (not "Repeats of")', async () => {
    const label = await waitText(page, 'policy:no-consecutive');
    assertEqual(label, 'No two weeks in a row as: primary or secondary', 'label');
  });

  await test('Save plan downloads under the team\'s name', async () => {
    const plan = structuredClone(samplePlan);
    plan.team.name = 'Platform EU';
    await load(plan);
    await click(page, 'menu:File');
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'menu:Save plan')]);
    assertEqual(download.suggestedFilename(), 'platform-eu.json', 'file name');
  });

  await test('handoff notes can be edited; Copy and Download take the edited text, and it is kept', async () => {
    await openView(page, 'Handoff notes');
    await click(page, 'handoff:week');
    await click(page, 'handoff:week:2026-12-07');
    const generated = await waitText(page, 'handoff:text');
    assert(generated.startsWith('# On-call handoff: Platform EU, week of 2026-12-07'), 'generated: ' + generated.slice(0, 60));
    const r = await rect(page, 'handoff:text');
    await page.mouse.click(r.x + 40, r.y + r.h - 10);
    await frames(page, 2);
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nDB failover test on Tuesday.');
    await click(page, 'handoff:copy');   // leaves the field
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'handoff:download')]);
    const body = fs.readFileSync(await download.path(), 'utf8');
    assert(body.endsWith('DB failover test on Tuesday.'), 'downloaded text ends with the edit: ' + JSON.stringify(body.slice(-60)));
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('rotaplan.handoff-notes') || '{}'));
    assert((kept['Platform EU|2026-12-07'] || {}).text === body, 'edit kept in this browser');
    await rect(page, 'handoff:reset');
    await shot('ux-handoff-edited.png');
    await click(page, 'handoff:reset');
    assertEqual(await waitText(page, 'handoff:text'), generated, 'reset to the plan\'s notes');
    await closeView(page, 'Handoff notes');
  });

  await test('the incident charts have legends', async () => {
    await openView(page, 'Incidents');
    await typeInto(page, 'incidents:count', '200');
    await click(page, 'incidents:run');
    await rect(page, 'incidents:charts', 20000);
    await rect(page, 'incidents:legend:people');
    await shot('ux-incidents.png');
    await closeView(page, 'Incidents');
  });

  await test('escalation lanes: deadline labels, names and markers never overlap', async () => {
    await openView(page, 'Escalation');
    await typeInto(page, 'esc:date', '2026-12-05');
    await typeInto(page, 'esc:time', '02:00');
    await click(page, 'esc:severity:P0');
    // Acknowledged by the primary at once (on the page's own dot) and resolved at minute 6,
    // next to "ack due" at minute 5.
    await click(page, 'esc:ack-add');
    await typeInto(page, 'esc:ack:0:minute', '0');
    await click(page, 'esc:resolve');
    await typeInto(page, 'esc:resolve-minute', '6');
    await until(page, async () => /\|2026-12-05\|02:00\|P0\|\|6\|0@0$/.test(await text(page, 'esc:inputs') || ''), 15000);
    await frames(page, 3);
    const boxes = await text(page, 'esc:boxes');
    assertEqual(boxes.split('|').length, 6, 'boxes (3 labels above, 2 markers, 1 name): ' + boxes);
    const list = boxes.split('|').map((b) => { const [k, x, y, w, h] = b.split(' '); return { k, x: +x, y: +y, w: +w, h: +h }; });
    const overlap = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        assert(!overlap(list[i], list[j]), `overlap: ${JSON.stringify(list[i])} and ${JSON.stringify(list[j])}`);
    await shot('ux-escalation.png');
    await click(page, 'esc:ack:0:remove');
    await click(page, 'esc:resolve');
    await closeView(page, 'Escalation');
  });

  // ---- items 6, 7, 12: a new plan ----------------------------------------------------------------------
  await test('New plan: the lead is the escalation contact and out of the rotation pool', async () => {
    await newPlan(page);
    const plan = await planOf(page);
    assertEqual(JSON.stringify(plan.people), JSON.stringify([{ id: 'lead', name: 'Team lead', on_call: false }]), 'people');
    assertEqual(plan.contacts.engineering_lead, 'lead', 'contacts.engineering_lead');
    await rect(page, 'window:Getting started');
    await rect(page, 'start:step:3:todo');
  });

  await test('Draft on a new plan: From shows the next handoff, and an empty From drafts from it', async () => {
    const zone = (await planOf(page)).team.timezone;
    for (const id of ['ann', 'ben', 'cy', 'dee']) {
      await click(page, 'team:add');
      await page.keyboard.type(id);
      await page.keyboard.press('Enter');
      await until(page, async () => (await planOf(page)).people.some((p) => p.id === id));
      if (id === 'cy') await rect(page, 'start:step:3:todo');   // 3 cannot rotate without repeats
    }
    await rect(page, 'start:step:3:done');
    await click(page, 'button:draft-weeks');
    const expected = nextHandoff(zone);
    assertEqual(await waitText(page, 'draft:from'), expected, 'From as the dialog opens');
    await typeInto(page, 'draft:from', '', 'Tab');   // emptied by the person
    await click(page, 'draft:run');
    await rect(page, 'draft:summary', 10000);
    assert(!(await drawn(page, 'draft:error')) && !(await drawn(page, 'draft:failure')), 'no error: ' + await text(page, 'draft:failure'));
    const plan = await planOf(page);
    assertEqual(plan.weeks.map((w) => w.start)[0], expected, 'first drafted week');
    assertEqual(plan.weeks.length, 4, 'weeks drafted');
    assert(plan.weeks.every((w) => w.primary !== 'lead' && w.secondary !== 'lead'), 'the lead is never on call');
    assertEqual(await waitText(page, 'draft:from'), expected, 'From after the draft');
    await shot('ux-new-plan-drafted.png');
    await click(page, 'menu:Edit');
    await page.keyboard.press('Escape');
    await frames(page, 2);
  });

  await test('Help > Rules explains every rule of the check in a sentence', async () => {
    await click(page, 'menu:Help');
    await click(page, 'menu:Help/Rules');
    for (const rule of ['gap', 'week-order', 'min-engineers', 'not-eligible', 'consecutive', 'unavailable',
      'escalation-contact', 'change-notice', 'request-invalid', 'unknown-person', 'override-outside', 'fairness',
      'late-change', 'history-change', 'not-ready', 'escalation-on-call']) {
      const t = await waitText(page, 'rules:' + rule);
      const sentence = t.split(' | ')[1] || '';
      assert(/^[A-Z].*\.$/.test(sentence) && sentence.length > 30, `${rule}: ${t}`);
    }
    assert(/paged twice/.test(await text(page, 'rules:escalation-on-call')), 'escalation-on-call sentence');
    await shot('ux-rules.png');
    await click(page, 'menu:Help');
    await click(page, 'menu:Help/Rules');
  });

  await test('no console errors', async () => { assert(errors.length === 0, errors.join('\n')); });
  await page.close();

  // ---- item 12: the very first open, in a browser profile of its own ---------------------------------
  await runner.test('first open says the sample is a sample: keep exploring, or start your own plan', async () => {
    const fresh = await launch();
    try {
      const first = await openPage(fresh.context, url, { welcome: true });
      const p = first.page;
      await rect(p, 'welcome', 8000);
      await p.screenshot({ path: path.join(shots, 'ux-welcome.png') });
      await click(p, 'welcome:explore');
      assert(!(await drawn(p, 'welcome')), 'the welcome closes');
      await rect(p, 'sample:banner');
      await p.reload();
      await p.evaluate(() => window.rotaplanReady.then(() => true));
      await frames(p, 8);
      assert(!(await drawn(p, 'welcome')), 'the welcome is shown once');
      await click(p, 'sample:start');
      const plan = await planOf(p);
      assertEqual(plan.team.name, 'New team', 'a new plan');
      await rect(p, 'window:Getting started');
      for (const step of [1, 2, 3, 4, 5]) assert((await drawn(p, `start:step:${step}:todo`)) || (await drawn(p, `start:step:${step}:done`)), 'step ' + step);
      await p.screenshot({ path: path.join(shots, 'ux-getting-started.png') });
      assert(first.errors.length === 0, first.errors.join('\n'));
    } finally {
      await fresh.close();
    }
  });

  await runner.test('status bar: a notice longer than the room is cut with an ellipsis and leaves "On call now" whole', async () => {
    const { page } = await openSample(context, url, root);
    try {
      // The sample's restore notice ("Restored your plan saved in this browser at ..." with
      // Dismiss) and the counts, save state and on-call text do not fit 1024 px together.
      await page.reload();
      await page.evaluate(() => window.rotaplanReady.then(() => true));
      for (const width of [1280, 1024]) {
        await page.setViewportSize({ width, height: 800 });
        await frames(page, 4);
        const notice = await rect(page, 'status:notice');
        const oncall = await rect(page, 'status:oncall');
        assert(notice.x + notice.w <= oncall.x, `${width} px: the notice (right edge ${notice.x + notice.w}) runs into "On call now" (${oncall.x})`);
        assert(oncall.x + oncall.w <= width, `${width} px: "On call now" is cut at the window's edge (right edge ${oncall.x + oncall.w})`);
      }
      await page.screenshot({ path: path.join(shots, 'status-bar-long-notice.png') });
    } finally {
      await page.close();
    }
  });
}
