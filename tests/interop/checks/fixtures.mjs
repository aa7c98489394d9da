// Fixtures from the vendors' documented examples (tests/data/interop/cases.json): each is
// imported, and the imported plan must be exactly the expected one (zone, handoff, people,
// weeks, overrides), resolve to the same shifts as the expected plan does by this suite's own
// resolution, and come with exactly the expected report. The output is deterministic and the
// same on standard output as with -o.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, runOk, writeTemp } from '../lib/cli.mjs';
import { exportTimelines, planInstant, resolve, spanOf } from '../lib/plan.mjs';
import { differences, describe } from '../lib/timeline.mjs';
import { parseInstant } from '../lib/tz.mjs';
import { assert, assertEq, checkLosses } from './common.mjs';

function projectWeeks(weeks) {
  return weeks.map((w) => {
    const o = { start: w.start };
    for (const r of ['primary', 'secondary', 'shadow']) if (w[r] !== undefined && w[r] !== null) o[r] = w[r];
    return o;
  });
}

function mergeOverrides(list) {
  const sorted = [...list].sort((a, b) => a.role.localeCompare(b.role) || a.from - b.from);
  const out = [];
  for (const o of sorted) {
    const last = out[out.length - 1];
    if (last && last.role === o.role && last.person === o.person && last.to === o.from) last.to = o.to;
    else out.push({ ...o });
  }
  return out;
}

export function fixtureTests(t, root) {
  const dir = join(root, 'tests/data/interop');
  const { cases } = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8'));
  for (const c of cases) {
    t(`fixture ${c.name}`, () => {
      const args = ['import', '--from', c.from, '--primary', join(dir, c.primary)];
      if (c.secondary) args.push('--secondary', join(dir, c.secondary));
      args.push(...c.options);
      const out = writeTemp('fixture-plan.json', '');
      const rep = writeTemp('fixture-report.json', '');
      const res = run([...args, '--report', rep, '-o', out]);
      assert(res.code === 0, `exit ${res.code}: ${res.stderr.trim()}`);
      const text = readFileSync(out, 'utf8');
      const again = runOk(args).stdout;
      assert(again === text, 'standard output differs from the -o file (or between runs)');
      const plan = JSON.parse(text);
      assertEq(plan.rotaplan, 1, 'rotaplan version');
      const e = c.plan;
      assertEq(plan.team?.timezone, e.timezone, 'team zone');
      assertEq(`${plan.policy?.handoff?.weekday ?? 'monday'}@${plan.policy?.handoff?.time ?? '09:00'}`, e.handoff, 'handoff');
      assertEq(plan.people.map((p) => p.id).sort(), e.people.map((p) => p.id).sort(), 'people ids');
      for (const p of e.people) {
        const q = plan.people.find((x) => x.id === p.id);
        if (p.name) assertEq(q.name, p.name, `${p.id}: name`);
        assert(typeof q.name === 'string' && q.name.length > 0, `${p.id}: has a name`);
        if (p.email) assertEq((q.email || '').toLowerCase(), p.email.toLowerCase(), `${p.id}: email`);
        else assert(q.email === undefined || q.email === null, `${p.id}: no e-mail was given, got ${q.email}`);
      }
      assertEq(projectWeeks(plan.weeks), e.weeks, 'weeks');
      // Overrides as instants; one person's overrides that touch are one (either form is the same plan).
      const ov = mergeOverrides((plan.overrides || []).map((o) => ({ role: o.role, person: o.person, from: planInstant(plan, o.from), to: planInstant(plan, o.to) })));
      const eov = mergeOverrides(e.overrides.map((o) => ({ role: o.role, person: o.person, from: parseInstant(o.from), to: parseInstant(o.to) })));
      assertEq(ov, eov, 'overrides (as instants)');

      const report = JSON.parse(readFileSync(rep, 'utf8'));
      checkLosses(report, 'report');
      const key = (l) => `${l.kind}|${l.role}|${l.week}`;
      assertEq(report.map(key).sort(), c.report.map(key).sort(), 'report entries (kind, role, week)');

      // The imported plan resolves like the expected plan.
      const expected = {
        rotaplan: 1, team: { name: 'x', timezone: e.timezone },
        policy: { handoff: { weekday: e.handoff.split('@')[0], time: e.handoff.split('@')[1] } },
        people: e.people, weeks: e.weeks,
        overrides: e.overrides.map((o) => ({ role: o.role, person: o.person, from: o.from.slice(0, 16) + o.from.slice(19), to: o.to.slice(0, 16) + o.to.slice(19) })),
      };
      const mine = resolve(expected);
      const got = exportTimelines(JSON.parse(runOk(['export', out, '--format', 'json']).stdout));
      const span = spanOf(expected);
      for (const role of ['primary', 'secondary', 'shadow']) {
        const d = differences(got[role], mine[role], span.s - 7 * 86400000, span.e + 7 * 86400000);
        if (d.length) throw new Error(`${role}: imported plan resolves differently from the expected plan: ${describe(d[0])}`);
      }
      const chk = run(['check', out, '--json']);
      assert(chk.code === 0 || chk.code === 1, `rotaplan check reads the imported plan (exit ${chk.code}: ${chk.stderr.trim()})`);
    });
  }
}
