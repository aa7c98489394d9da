// Export checks: plan -> `export --format json` (the reference resolved shifts) and
// `export --format <vendor>` -> this suite's own reading of the vendor's semantics ->
// instant-by-instant comparison over the plan's span. Plus the loss report, the natural
// shape ("what a person would have typed"), the escalation references and the schemas.
import { evaluate as pdEval } from '../vendors/pagerduty.mjs';
import { evaluate as ogEval } from '../vendors/opsgenie.mjs';
import { evaluate as gfEval } from '../vendors/grafana.mjs';
import { evaluate as gaEval } from '../vendors/goalert.mjs';
import { ShapeError } from '../vendors/common.mjs';
import { differences, describe, uncovered, valueAt } from '../lib/timeline.mjs';
import { exportTimelines, handoffAt, resolve, spanOf, weekSpans } from '../lib/plan.mjs';
import { addDays, fmtInstant, parseDate, toLocal } from '../lib/tz.mjs';
import { resolver } from '../lib/users.mjs';
import { usersFile } from '../lib/gen.mjs';
import { readFileSync } from 'node:fs';
import { run, runOk, writeTemp } from '../lib/cli.mjs';
import { assert, assertEq, checkLosses } from './common.mjs';

export const VENDORS = ['pagerduty', 'opsgenie', 'grafana-oncall', 'goalert'];
const EVAL = { pagerduty: pdEval, opsgenie: ogEval, 'grafana-oncall': gfEval, goalert: gaEval };

export function planRoles(plan) {
  const roles = ['primary', 'secondary'];
  if (plan.weeks.some((w) => w.shadow)) roles.push('shadow');
  return roles;
}

function scheduleName(vendor, s) {
  if (vendor === 'pagerduty') return s.body?.schedule?.name;
  if (vendor === 'goalert') return s.createSchedule?.name;
  return s.body?.name;
}

/** Counts native rotations and overrides of one role's schedule. */
export function shape(vendor, s) {
  if (vendor === 'pagerduty') {
    const layers = s.body.schedule.schedule_layers;
    return { rotations: layers.length, overrides: s.overrides.overrides.length, cycle: layers[0]?.users.map((u) => u.user) };
  }
  if (vendor === 'opsgenie') {
    return { rotations: s.body.rotations.length, overrides: s.overrides.length, cycle: s.body.rotations[0]?.participants };
  }
  if (vendor === 'grafana-oncall') {
    const rolling = s.shifts.filter((x) => x.type === 'rolling_users');
    const first = rolling[0];
    let cycle;
    if (first) {
      const n = first.rolling_users.length;
      const k = first.start_rotation_from_user_index % n;
      cycle = [...first.rolling_users.slice(k), ...first.rolling_users.slice(0, k)].map((g) => g[0]);
    }
    return { rotations: rolling.length, overrides: s.shifts.filter((x) => x.type === 'override').length, cycle };
  }
  const targets = s.createSchedule.targets;
  return { rotations: targets.length, overrides: (s.createSchedule.newUserOverrides || []).length, cycle: targets[0]?.newRotation?.userIDs };
}

function isCyclicShift(a, b) {
  if (a.length !== b.length) return false;
  const n = a.length;
  for (let k = 0; k < n; k++) if (a.every((x, i) => x === b[(i + k) % n])) return true;
  return false;
}

/** The base cycle's timeline for a role over its weeks and `extra` weeks after them. */
function baseTimeline(plan, meta, role, extra) {
  const cycle = role === 'primary' ? meta.cycleP : meta.cycleS;
  const first = parseDate(plan.weeks[0].start);
  const out = [];
  for (let i = 0; i < plan.weeks.length + extra; i++) {
    const d = addDays(first, 7 * i);
    out.push({ s: handoffAt(plan, d), e: handoffAt(plan, addDays(d, 7)), who: [cycle[(i + meta.offP) % cycle.length]] });
  }
  return out;
}

/**
 * One export check of generated plan `g` for `vendor`; `usersForm`: null | 'flat' | 'list'.
 * `natural`: run the "what a person would have typed" checks (plain or deviating plans).
 */
export function checkVendorExport(t, g, vendor, usersForm, schemas, { natural = false } = {}) {
  const { plan, meta } = g;
  const label = `export ${vendor}${usersForm ? ` --users ${usersForm}` : ''} seed ${meta.seed} ${meta.kind} ${meta.zone} ${meta.weekday}@${meta.time}`;
  let ctx = null;
  t(`${label}: runs, byte-stable, one schedule per role`, () => {
    const file = writeTemp(`plan-${meta.seed}.json`, plan);
    const expText = runOk(['export', file, '--format', 'json']).stdout;
    const exp = JSON.parse(expText);
    const want = exportTimelines(exp);
    // The reference itself agrees with this suite's own resolution of the plan.
    const mine = resolve(plan);
    const span = spanOf(plan);
    for (const role of ['primary', 'secondary', 'shadow']) {
      const d = differences(want[role], mine[role], span.s, span.e);
      assert(!d.length, `export --format json ${role} differs from rules.md resolution: ${d.slice(0, 2).map((x) => describe(x)).join('; ')}`);
    }
    let ids = {};
    const args = ['export', file, '--format', vendor];
    if (usersForm) {
      const u = usersFile(vendor, plan, usersForm);
      ids = u.ids;
      args.push('--users', writeTemp(`users-${vendor}.json`, u.file));
    }
    const out1 = runOk(args).stdout;
    const outFile = writeTemp(`export-${vendor}.json`, '');
    runOk([...args, '-o', outFile]);
    assert(readFileSync(outFile, 'utf8') === out1, 'two runs differ (byte-stable export), or -o differs from standard output');
    const doc = JSON.parse(out1);
    assert(doc && Array.isArray(doc.schedules), 'a document with schedules');
    const roles = planRoles(plan);
    const byRole = new Map(doc.schedules.map((s) => [s.role, s]));
    ctx = { exp, want, span, ids, doc, roles, byRole };
    for (const role of roles) assert(byRole.has(role), `no schedule for role ${role}`);
    assertEq(doc.schedules.length, new Set(doc.schedules.map((s) => s.role)).size, 'one schedule per role');
    if (byRole.has('shadow')) {
      assert(/ shadow$/.test(scheduleName(vendor, byRole.get('shadow')) || ''), `the shadow schedule is named "… shadow": ${scheduleName(vendor, byRole.get('shadow'))}`);
    }
  });
  if (!ctx) return null;
  const { want, span, ids, doc, roles, byRole } = ctx;
  let exactTimelines = null;
  t(`${label}: schema`, () => {
    const v = schemas.validator(vendor);
    assert(v, `no JSON Schema for the ${vendor} export under schemas/`);
    assert(v(doc), `schema: ${schemas.errors(v)}`);
  });
  const rs = resolver(vendor, plan, ids);
  let evaluated = null;
  let roundedSeen = false;
  t(`${label}: exact`, () => {
    checkLosses(doc.losses, '/losses');
    // Readings the vendor may take: Opsgenie's :15 rounding either way; Grafana's `until`.
    const rounds = vendor === 'opsgenie' ? ['down', 'up'] : vendor === 'grafana-oncall' ? ['until-cuts', 'rrule-until'] : [null];
    const weeks = weekSpans(plan);
    const weekOf = (ms) => (weeks.find((w) => w.s <= ms && ms < w.e) || {}).week ?? null;
    const fmt = (ms) => fmtInstant(plan.team.timezone, ms);
    const problems = [];
    for (const round of rounds) {
      let ev0;
      try {
        ev0 = EVAL[vendor](doc, span.s, span.e, rs.resolve, round);
      } catch (e) {
        if (e instanceof ShapeError) throw new Error(`not what the vendor accepts: ${e.message}`);
        throw e;
      }
      if (!evaluated) evaluated = ev0;
      for (const role of roles) {
        const ev = ev0[role];
        assertEq(ev.zone, plan.team.timezone, `${role}: the schedule carries the team's IANA zone`);
        if (ev.rounded && ev.rounded.length) roundedSeen = true;
        if (round === 'up' && !(ev.rounded && ev.rounded.length)) continue;
        for (const d of differences(ev.timeline, want[role], span.s, span.e)) {
          const week = weekOf(d.s);
          const text = `${role}${vendor === 'grafana-oncall' ? ` (reading ${round})` : round && roundedSeen ? ` (rounding ${round})` : ''}: ${describe(d, fmt)}`;
          if (!d.want.length) { problems.push(`${text} — a plan hole must be a hole (interop.md "never a guess")`); continue; }
          // A loss about the escalation (role null) cannot excuse a schedule.
          const why = doc.losses.find((l) => ((l.kind === 'unsupported' && l.role === role && l.week === week)
              || (l.kind === 'rounded-time' && (l.role === role || l.role === null) && vendor === 'opsgenie' && d.e - d.s <= 30 * 60000)));
          if (!why) problems.push(`${text} (no loss explains it)`);
        }
      }
    }
    problems.push(...rs.problems);
    assert(!problems.length, `not exact: ${problems.slice(0, 4).join('; ')}${problems.length > 4 ? ` … (${problems.length})` : ''}`);
    exactTimelines = Object.fromEntries(roles.map((role) => [role, evaluated[role].timeline]));
  });
  t(`${label}: losses`, () => {
    // Losses the plan calls for, and none it does not.
    if (!evaluated) {
      try { evaluated = EVAL[vendor](doc, span.s, span.e, rs.resolve, 'down'); } catch { /* reported by "exact" */ }
    }
    const lossesOf = (kind) => doc.losses.filter((l) => l.kind === kind);
    for (const [id, how] of rs.used) {
      if (how === 'plain') {
        assert(lossesOf('unmapped-person').some((l) => l.person === id), `${id} is written with its plan id but no unmapped-person loss names it`);
      }
    }
    for (const l of lossesOf('unmapped-person')) {
      assert(rs.used.get(l.person) !== 'mapped' && rs.used.get(l.person) !== 'email', `unmapped-person ${l.person}, but the export maps that person`);
    }
    for (const id of meta.unknown) {
      assert(lossesOf('unmapped-person').some((l) => l.person === id) || lossesOf('unsupported').some((l) => l.person === id),
        `unknown id ${id} (not in people) is not in the loss report`);
    }
    if (meta.outside) assert(lossesOf('outside-span').length > 0, 'an override reaches past the span but no outside-span loss');
    else assert(!lossesOf('outside-span').length, `outside-span loss for a plan without one: ${JSON.stringify(lossesOf('outside-span')[0])}`);
    if (vendor !== 'opsgenie' || !meta.quarter) {
      assert(!lossesOf('rounded-time').length, `rounded-time loss without a :15/:45 handoff: ${JSON.stringify(lossesOf('rounded-time')[0])}`);
    }
  });
  t(`${label}: escalation`, () => checkEscalation(vendor, doc, byRole, plan, meta, rs));
  t(`${label}: vendor specifics`, () => checkSpecifics(vendor, doc, plan, span));
  if (natural) t(`${label}: natural`, () => checkNatural(vendor, g, doc, byRole, want, rs, span, roundedSeen));
  return exactTimelines;
}

/** interop.md's table: Opsgenie aliases `rotaplan-<role>-<week>-<n>`; GoAlert's temporary schedule covers the span. */
function checkSpecifics(vendor, doc, plan, span) {
  const weeks = weekSpans(plan);
  if (vendor === 'opsgenie') {
    for (const s of doc.schedules) {
      s.overrides.forEach((o, i) => {
        const m = /^rotaplan-(primary|secondary|shadow)-(\d{4}-\d{2}-\d{2})-([1-9]\d*)$/.exec(o.alias || '');
        assert(m, `/schedules/${s.role}/overrides/${i}/alias ${JSON.stringify(o.alias)} is rotaplan-<role>-<week>-<n>`);
        assertEq(m[1], s.role, `alias ${o.alias}: role`);
        const st = Date.parse(o.startDate);
        const w = weeks.find((x) => x.s <= st && st < x.e);
        const byWeek = weeks.some((x) => x.week === m[2]);
        assert(byWeek || (w && w.week === m[2]) || !w, `alias ${o.alias}: ${m[2]} is a week of the plan`);
      });
    }
  }
  if (vendor === 'goalert') {
    for (const s of doc.schedules) {
      const tmp = s.temporarySchedule;
      assert(Date.parse(tmp.start) <= span.s && Date.parse(tmp.end) >= span.e, `${s.role}: the temporary schedule covers the plan's span`);
      for (const tg of s.createSchedule.targets) assertEq(tg.newRotation?.timeZone, plan.team.timezone, `${s.role}: the rotation carries the team's zone`);
    }
  }
}

/** The week contact most weeks have (interop.md: "then the week's escalation contact"). */
function usualContact(plan) {
  const n = new Map();
  for (const w of plan.weeks) {
    const c = w.escalation ?? plan.contacts?.engineering_lead;
    if (c) n.set(c, (n.get(c) || 0) + 1);
  }
  let best = null;
  for (const [c, k] of n) if (!best || k > best[1]) best = [c, k];
  return best?.[0] ?? null;
}

function checkEscalation(vendor, doc, byRole, plan, meta, rs) {
  const E = plan.policy?.severities?.P0?.escalate_every_minutes ?? 30;
  const contact = usualContact(plan);
  // Weeks with another contact, and a CEO for P0 only, are losses, not silent choices.
  for (const wk of meta.contactWeeks || []) {
    if (plan.weeks.find((w) => w.start === wk)?.escalation === contact) continue;
    assert(doc.losses.some((l) => l.kind === 'unsupported' && l.role === null && l.week === wk),
      `the week of ${wk} has another escalation contact but no loss names that week`);
  }
  if (plan.contacts?.ceo) {
    assert(doc.losses.some((l) => l.kind === 'unsupported' && l.role === null && l.person === plan.contacts.ceo),
      'the CEO is paged for P0 only: an unsupported loss must say so');
  }
  const userOf = (ref, w) => rs.resolve(ref, w);
  const pri = scheduleName(vendor, byRole.get('primary'));
  const sec = scheduleName(vendor, byRole.get('secondary'));
  const sha = byRole.has('shadow') ? scheduleName(vendor, byRole.get('shadow')) : null;
  if (vendor === 'pagerduty') {
    const ep = doc.escalation_policy?.escalation_policy;
    assert(ep && ep.type === 'escalation_policy' && typeof ep.name === 'string', 'escalation_policy.escalation_policy {type, name}');
    assert(typeof ep.description === 'string' && ep.description.length > 0, 'escalation policy description says the schedule ids are placeholders');
    const refs = ep.escalation_rules.map((r) => r.targets.filter((x) => x.type === 'schedule_reference').map((x) => x.id));
    assert(refs[0]?.includes(pri), `rule 1 targets the primary schedule {"id": ${JSON.stringify(pri)}, "type": "schedule_reference"}: ${JSON.stringify(ep.escalation_rules[0])}`);
    assert(refs[1]?.includes(sec), `rule 2 targets the secondary schedule: ${JSON.stringify(ep.escalation_rules[1])}`);
    if (sha) assert(!refs.flat().includes(sha), 'no escalation rule pages the shadow schedule');
    assertEq(ep.escalation_rules.map((r) => r.escalation_delay_in_minutes), ep.escalation_rules.map(() => E), `every rule escalates after P0's ${E} minutes`);
    const third = ep.escalation_rules[2]?.targets.find((x) => x.type === 'user_reference');
    assert(third && userOf({ id: third.id }, 'rule 3') === contact, `rule 3 pages the week's escalation contact ${contact}: ${JSON.stringify(ep.escalation_rules[2])}`);
  } else if (vendor === 'opsgenie') {
    const rules = doc.escalation?.rules;
    assert(Array.isArray(rules) && typeof doc.escalation.name === 'string', 'escalation {name, rules}');
    const names = rules.map((r) => (r.recipient?.type === 'schedule' ? r.recipient.name ?? r.recipient.id : null));
    assertEq(names.filter(Boolean).slice(0, 2), [pri, sec], 'escalation rules: primary schedule, then secondary');
    if (sha) assert(!names.includes(sha), 'no escalation rule pages the shadow schedule');
    // Delays: per rule (E each), or from alert creation (research §2.4: k × E).
    const delays = rules.map((r) => (r.delay?.timeUnit ?? 'minutes') === 'minutes' ? r.delay?.timeAmount : r.delay?.timeUnit === 'hours' ? r.delay.timeAmount * 60 : NaN);
    const cumulative = delays.every((d, i) => d === i * E);
    const each = delays.every((d, i) => d === (i === 0 ? 0 : E));
    assert(cumulative || each, `escalation delays ${JSON.stringify(delays)} are neither k × ${E} nor ${E} each`);
    const third = rules[2]?.recipient;
    assert(third?.type === 'user' && userOf(third, 'rule 3') === contact, `rule 3 pages the week's escalation contact ${contact}: ${JSON.stringify(third)}`);
  } else if (vendor === 'grafana-oncall') {
    assert(typeof doc.escalation_chain?.name === 'string', 'escalation_chain {name}');
    const steps = doc.escalation_policies;
    assert(Array.isArray(steps) && steps.length >= 2, 'escalation_policies: step bodies');
    const sched = steps.filter((s) => s.type === 'notify_on_call_from_schedule');
    assert(sched.length >= 2, 'two notify_on_call_from_schedule steps (primary, then secondary)');
    for (const s of steps.filter((x) => x.type === 'wait')) {
      assert(Number.isInteger(s.duration) && s.duration >= 60 && s.duration <= 86400, `wait duration 60–86400 s: ${s.duration}`);
      assertEq(s.duration, E * 60, 'wait = P0 escalate_every_minutes');
    }
    const types = steps.map((s) => s.type);
    assertEq(types.slice(0, 5), ['notify_on_call_from_schedule', 'wait', 'notify_on_call_from_schedule', 'wait', 'notify_persons'], 'steps: primary, wait, secondary, wait, contact');
    assertEq(steps.map((s) => s.position), steps.map((_, i) => i), 'positions 0…n−1');
    const persons = steps[4].persons_to_notify.map((u, i) => userOf(u, `persons_to_notify/${i}`));
    assertEq(persons, [contact], 'the contact step pages the week\'s escalation contact');
  } else {
    const ep = doc.escalationPolicy;
    assert(ep && typeof ep.name === 'string' && Array.isArray(ep.steps) && ep.steps.length >= 2, 'escalationPolicy {name, steps}');
    for (const [i, s] of ep.steps.entries()) assertEq(s.delayMinutes, E, `steps/${i}/delayMinutes = P0 escalate_every_minutes`);
    const acts = ep.steps.map((s) => s.actions?.[0]);
    assertEq(acts.slice(0, 2).map((a) => a?.type), ['builtin-schedule', 'builtin-schedule'], 'steps 1–2 page the schedules');
    assertEq(acts.slice(0, 2).map((a) => a.args?.schedule_id), [pri, sec], 'steps 1–2: primary, then secondary');
    assert(acts[2]?.type === 'builtin-user' && userOf(acts[2].args.user_id, 'step 3') === contact, `step 3 pages the week's escalation contact ${contact}`);
    if (sha) assert(!acts.some((a) => a?.args?.schedule_id === sha), 'no step pages the shadow schedule');
  }
}

function checkNatural(vendor, g, doc, byRole, want, rs, span, rounded) {
  const { plan, meta } = g;
  for (const role of ['primary', 'secondary']) {
    const s = byRole.get(role);
    const sh = shape(vendor, s);
    const base = baseTimeline(plan, meta, role, 0);
    // Resolved pieces differing from the base rotation, and holes (one per week touched).
    let differing = 0;
    const pieces = (JSON.parse(runOk(['export', writeTemp('n.json', plan), '--format', 'json']).stdout)).shifts
      .filter((x) => x.role === role);
    for (const p of pieces) {
      const ms = Date.parse(p.start);
      if (valueAt(base, ms)[0] !== p.person) differing += 1;
    }
    for (const u of uncovered(want[role], span.s, span.e)) {
      differing += weekSpans(plan).filter((w) => w.s < u.e && u.s < w.e).length;
    }
    // Weeks a native weekly rotation cannot express without help: Grafana's absolute 604800 s
    // occurrences misalign in every week that is not 168 hours long (DST, or a skipped handoff
    // time); Opsgenie cannot turn at :15/:45 (one fix-up a week).
    let allowance = 0;
    // Grafana also ends each run of weeks with `until` a minute early plus a one-minute override, so
    // that the run ends at its handoff under OnCall's inclusive UNTIL as well as the contract's reading.
    if (vendor === 'grafana-oncall') {
      allowance = weekSpans(plan).filter((w) => w.e - w.s !== 604800000).length
        + s.shifts.filter((x) => x.type === 'rolling_users' && x.until != null).length;
    }
    if (vendor === 'opsgenie' && (rounded || meta.quarter)) allowance = plan.weeks.length;
    // A first handoff that DST skips: its wall clock is not the handoff's, so a rotation anchored
    // on it would turn at the wrong time every week; the first week may cost one override.
    const l0 = toLocal(plan.team.timezone, weekSpans(plan)[0].s);
    if (`${String(l0.h).padStart(2, '0')}:${String(l0.mi).padStart(2, '0')}` !== (plan.policy?.handoff?.time ?? '09:00')) allowance += 1;
    const cost = sh.overrides + Math.max(0, sh.rotations - 1);
    assert(sh.rotations >= 1, `${role}: at least one native rotation`);
    if (differing === 0) {
      assertEq(sh.rotations, 1, `${role}: a plain round-robin is one native rotation`);
      assert(sh.overrides <= allowance, `${role}: a plain round-robin needs no override (${sh.overrides}, allowance ${allowance} for DST or :30 rounding)`);
    } else {
      assert(cost <= differing + allowance, `${role}: ${sh.overrides} overrides + ${sh.rotations - 1} extra rotations for ${differing} differing pieces (+${allowance} allowed)`);
    }
    // The base rotation is the plan's cycle, continuing after the plan.
    const cycle = (role === 'primary' ? meta.cycleP : meta.cycleS);
    const vendorCycle = sh.cycle.map((ref, i) => rs.resolve(ref, `cycle/${i}`));
    assert(isCyclicShift(vendorCycle, cycle), `${role}: base rotation ${JSON.stringify(vendorCycle)} is not the plan's cycle ${JSON.stringify(cycle)}`);
    if (vendor !== 'goalert') {
      const after = baseTimeline(plan, meta, role, 2 * cycle.length).slice(plan.weeks.length);
      const from = after[0].s;
      const to = after[after.length - 1].e;
      const ev = EVAL[vendor]({ ...doc, schedules: [s] }, from, to, rs.resolve, vendor === 'grafana-oncall' ? 'until-cuts' : 'down')[role];
      for (const w of after) {
        const mid = w.s + Math.floor((w.e - w.s) / 2);
        assertEq(valueAt(ev.timeline, mid), w.who, `${role}: after the plan, the week of ${fmtInstant(plan.team.timezone, w.s)} continues the cycle`);
      }
    }
  }
}

/** A plan given as a file: the same checks without generator metadata. */
export function planFromFile(plan, seed, kind) {
  return { plan, meta: { seed, kind, zone: plan.team.timezone, weekday: plan.policy?.handoff?.weekday, time: plan.policy?.handoff?.time, unknown: [], holes: [] } };
}

export { run };
