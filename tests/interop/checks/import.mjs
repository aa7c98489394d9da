// Import checks: a plan's resolved shifts (export --format json) become the timelines a
// vendor gives back (written here, in the vendor's read shapes) -> `rotaplan import` ->
// `export --format json` of the imported plan -> the same timelines instant by instant.
// Also the timeline-to-weeks algorithm of interop.md (weeks, the holder of each week,
// holes in the report), the detected zone and handoff, and the people read from the files.
import { readFileSync } from 'node:fs';
import { differences, describe, fromPieces, uncovered, unionPieces, valueAt } from '../lib/timeline.mjs';
import { exportTimelines, handoffAt } from '../lib/plan.mjs';
import { addDays, fmtDate, fmtInstant, toLocal, weekdayOf, WEEKDAYS } from '../lib/tz.mjs';
import {
  grafanaFinalShifts, goalertShifts, icsFeed, opsgenieTimeline, pagerdutyOncalls, pagerdutySchedule, splitPieces,
} from '../lib/responses.mjs';
import { rng } from '../lib/gen.mjs';
import { run, runOk, writeTemp } from '../lib/cli.mjs';
import { assert, assertEq, checkLosses } from './common.mjs';
import { planRoles } from './export.mjs';

export const SOURCES = ['pagerduty', 'opsgenie', 'grafana-oncall', 'goalert', 'ics'];

function hash(s) {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** How a vendor knows each plan person (ids, names, e-mails as the vendor has them). */
export function identities(vendor, plan, keys) {
  const people = new Map(plan.people.map((p) => [p.id, p]));
  const out = new Map();
  for (const k of keys) {
    const p = people.get(k);
    const name = p ? p.name : `Unknown ${k}`;
    const realEmail = p?.email;
    const email = realEmail ?? `${k}@nomail.example.net`;
    const h = hash(vendor + k).toUpperCase();
    const u = { key: k, name };
    if (vendor === 'pagerduty') Object.assign(u, { vid: `P${h.slice(0, 6)}`, email: null });
    else if (vendor === 'opsgenie') Object.assign(u, { vid: `${hash(k)}-4d2a-4c1e-9f00-${hash('og' + k)}0000`, email });
    else if (vendor === 'grafana-oncall') Object.assign(u, { vid: `U${h}Q`, email, username: k });
    else if (vendor === 'goalert') Object.assign(u, { vid: `${hash(k)}-0000-4000-8000-${hash('ga' + k)}abcd`, email: realEmail ?? null });
    else Object.assign(u, { vid: null, email });
    out.set(k, u);
  }
  return out;
}

/** The vendor file for one role's timeline. */
export function vendorFile(vendor, role, zone, tl, ids, r, style) {
  const users = (k) => ids.get(k);
  const id = `S${role.toUpperCase().slice(0, 3)}${hash(role + zone).slice(0, 4).toUpperCase()}`;
  const name = `Interop ${role}`;
  if (vendor === 'pagerduty') {
    if (style.oncalls) return pagerdutyOncalls({ id, name, zone, tl, users });
    return pagerdutySchedule({ id, name, zone, tl, users, style, omitUser: style.omitUser ?? null });
  }
  if (vendor === 'opsgenie') return opsgenieTimeline({ id, name, tl, users, rotations: style.rotations ?? 1, r });
  if (vendor === 'grafana-oncall') return grafanaFinalShifts({ id, tl, users, pageSize: style.pageSize ?? 0 });
  if (vendor === 'goalert') return goalertShifts({ id, name, zone, tl, users });
  return icsFeed({ id: `${name} ${zone}`, tl, users, how: (i) => (['level', 'plain', 'attendee'][(i + (style.icsShift ?? 0)) % 3]) });
}

/** Maps imported people back to the keys the vendor files used (by e-mail, then name). */
export function backMap(imported, ids) {
  const byEmail = new Map();
  const byName = new Map();
  const byVid = new Map();
  for (const u of ids.values()) {
    if (u.email) byEmail.set(u.email.toLowerCase(), u.key);
    byName.set(u.name, u.key);
    if (u.vid) byVid.set(u.vid.toLowerCase(), u.key);
  }
  const m = new Map();
  for (const p of imported.people) {
    const k = (p.email && byEmail.get(p.email.toLowerCase())) ?? byName.get(p.name) ?? byVid.get(p.id.toLowerCase());
    if (k !== undefined) m.set(p.id, k);
  }
  return m;
}

/** interop.md "the team zone … the handoff is … the local weekday and time at which most turns of the primary timeline start". */
export function detectHandoff(zone, tl) {
  const count = new Map();
  for (let i = 0; i < tl.length; i++) {
    if (i > 0 && tl[i - 1].e === tl[i].s && tl[i - 1].who[0] === tl[i].who[0]) continue;
    const l = toLocal(zone, tl[i].s);
    const key = `${WEEKDAYS[weekdayOf(l)]}@${String(l.h).padStart(2, '0')}:${String(l.mi).padStart(2, '0')}`;
    count.set(key, (count.get(key) || 0) + 1);
  }
  let best = null;
  for (const [k, n] of count) if (!best || n > best[1]) best = [k, n];
  return { best: best?.[0], ties: [...count].filter(([, n]) => best && n === best[1]).map(([k]) => k) };
}

/** Expected weeks (interop.md): from the handoff at or before the earliest entry to the one at or after the latest. */
export function expectedWeeks(zone, handoff, all) {
  const [wd, hm] = handoff.split('@');
  const [h, mi] = hm.split(':').map(Number);
  const plan = { team: { timezone: zone }, policy: { handoff: { weekday: wd, time: hm } } };
  const s = Math.min(...all.map((p) => p.s));
  const e = Math.max(...all.map((p) => p.e));
  const l = toLocal(zone, s);
  let d = { y: l.y, mo: l.mo, d: l.d };
  while (weekdayOf(d) !== WEEKDAYS.indexOf(wd)) d = addDays(d, -1);
  if (handoffAt(plan, d) > s) d = addDays(d, -7);
  const out = [];
  for (;;) {
    const ws = handoffAt(plan, d);
    if (ws >= e) break;
    out.push({ week: fmtDate(d), s: ws, e: handoffAt(plan, addDays(d, 7)) });
    d = addDays(d, 7);
    void h; void mi;
  }
  return out;
}

/** The week's holder: on call for the largest part (ties: the one on call at its handoff). */
export function holder(tl, w) {
  const total = new Map();
  for (const p of tl) {
    const a = Math.max(p.s, w.s);
    const b = Math.min(p.e, w.e);
    if (a < b) total.set(p.who[0], (total.get(p.who[0]) || 0) + (b - a));
  }
  let best = null;
  let bestN = -1;
  const atHandoff = valueAt(tl, w.s)[0];
  for (const [k, n] of total) {
    if (n > bestN || (n === bestN && k === atHandoff)) { best = k; bestN = n; }
  }
  return best;
}

/**
 * Round trip of generated plan `g` through `vendor`'s read files.
 * variant: {giveZone, giveHandoff, style}; `edit(role, tl)` may change the input timeline
 * (overlaps, unnamed people) and returns {tl, expect: {overlap, unnamed}}.
 */
export function checkVendorImport(t, g, vendor, variant, seed) {
  const { plan, meta } = g;
  const label = `import ${vendor} seed ${meta.seed} ${meta.kind} ${meta.zone} ${meta.weekday}@${meta.time}${variant.name ? ` (${variant.name})` : ''}`;
  t(label, () => {
    const r = rng(seed);
    // The input: what the vendor would show, i.e. the reader's timelines of an export when
    // given (export -> reader -> timeline -> import), else the plan's resolved shifts.
    const tls = variant.timelines
      ?? exportTimelines(JSON.parse(runOk(['export', writeTemp(`plan-${meta.seed}.json`, plan), '--format', 'json']).stdout));
    const zone = plan.team.timezone;
    const roles = planRoles(plan);
    const keys = new Set();
    for (const role of roles) for (const p of tls[role]) keys.add(p.who[0]);
    const ids = identities(vendor, plan, keys);
    const args = ['import', '--from', vendor];
    const input = {};
    const expects = {};
    for (const role of roles) {
      let tl = tls[role];
      let ex = {};
      if (variant.edit) ({ tl, expect: ex } = variant.edit(role, tl, ids, r));
      input[role] = tl;
      expects[role] = ex;
      const written = variant.style?.split ? splitPieces(tl, r) : tl;
      const style = { ...(variant.style || {}), ...(ex.style || {}) };
      const body = vendorFile(vendor, role, zone, written, ids, r, style);
      args.push(`--${role}`, writeTemp(`${vendor}-${role}.${vendor === 'ics' ? 'ics' : 'json'}`, body));
    }
    if (variant.giveZone) args.push('--timezone', zone);
    if (variant.giveHandoff) args.push('--handoff', `${meta.weekday}@${meta.time}`);
    const outFile = writeTemp('imported.json', '');
    const repFile = writeTemp('report.json', '');
    args.push('--report', repFile, '-o', outFile);
    const res = run(args);
    assert(res.code === 0, `import exited ${res.code}: ${res.stderr.trim().split('\n')[0]}`);
    const report = JSON.parse(readFileSync(repFile, 'utf8'));
    checkLosses(report, 'report');
    const kinds = new Set(report.map((l) => l.kind));
    const errLines = res.stderr.split('\n').filter((l) => l.trim());
    assertEq(errLines.length, kinds.size, `stderr summarises the report in one line per kind (${[...kinds].join(', ')}): ${JSON.stringify(errLines)}`);
    const imported = JSON.parse(readFileSync(outFile, 'utf8'));
    assertEq(imported.team?.timezone, zone, 'team zone (given, or the vendor schedule\'s)');
    const handoff = `${imported.policy?.handoff?.weekday ?? 'monday'}@${imported.policy?.handoff?.time ?? '09:00'}`;
    if (variant.giveHandoff) assertEq(handoff, `${meta.weekday}@${meta.time}`, 'handoff as given');
    else {
      const det = detectHandoff(zone, input.primary);
      if (det.ties.length === 1) assertEq(handoff, det.best, 'detected handoff (most primary turns start there)');
    }

    // Exactness: the imported plan's resolved shifts are the input timelines.
    const exp2 = JSON.parse(runOk(['export', outFile, '--format', 'json']).stdout);
    const back = backMap(imported, ids);
    for (const p of imported.people) {
      const k = back.get(p.id);
      assert(k !== undefined, `imported person ${p.id} (${p.name}) is none of the file's users`);
      const u = ids.get(k);
      assert(/^[a-z0-9._-]{1,64}$/.test(p.id), `person id ${JSON.stringify(p.id)} is a valid plan id`);
      if (u.email) {
        assertEq(p.id, u.email.split('@')[0].toLowerCase(), 'person id from the e-mail\'s local part');
        assertEq((p.email || '').toLowerCase(), u.email.toLowerCase(), `${p.id}: e-mail as given`);
      }
      if (vendor === 'pagerduty' || vendor === 'goalert') assertEq(p.name, u.name, `${p.id}: name as given`);
    }
    const got = exportTimelines(exp2);
    const all = roles.flatMap((role) => input[role]);
    const from = Math.min(...all.map((p) => p.s), ...exp2.shifts.map((x) => Date.parse(x.start)));
    const to = Math.max(...all.map((p) => p.e), ...exp2.shifts.map((x) => Date.parse(x.end)));
    const fmt = (ms) => fmtInstant(zone, ms);
    const problems = [];
    for (const role of ['primary', 'secondary', 'shadow']) {
      const mine = roles.includes(role) ? input[role] : [];
      const theirs = got[role].map((p) => ({ ...p, who: p.who.map((x) => back.get(x) ?? `?${x}`) }));
      const skip = expects[role]?.overlap ?? [];
      for (const d of differences(theirs, unionPieces(mine), from, to)) {
        if (skip.some((o) => o.s <= d.s && d.e <= o.e)) continue;
        problems.push(`${role}: ${describe(d, fmt)}`);
      }
    }
    assert(!problems.length, `imported plan is not the input timeline: ${problems.slice(0, 3).join('; ')}`);

    // Weeks, holders and overrides, by interop.md's timeline-to-weeks algorithm.
    if (handoff === `${meta.weekday}@${meta.time}`) {
      const weeks = expectedWeeks(zone, handoff, all);
      assertEq(imported.weeks.map((w) => w.start), weeks.map((w) => w.week), 'weeks from the handoff at or before the earliest entry to the one at or after the latest');
      let others = 0; // per week
      let merged = 0; // an entry across handoffs counted once
      for (const role of roles) {
        const tl = input[role];
        if (expects[role]?.overlap?.length) continue;
        weeks.forEach((w, i) => {
          const iw = imported.weeks[i];
          const full = uncovered(tl, w.s, w.e).length === 0;
          const want = holder(tl, w);
          if (full) {
            const gotP = iw[role] === undefined || iw[role] === null ? null : back.get(iw[role]);
            assertEq(gotP ?? null, want, `week ${w.week} ${role}: the person on call for the largest part`);
            for (const p of tl) {
              if (p.s < w.e && w.s < p.e && p.who[0] !== want) {
                others += 1;
                if (p.s >= w.s || i === 0) merged += 1;
              }
            }
          }
        });
      }
      const nOverrides = (imported.overrides || []).length;
      const holes = roles.some((role) => uncovered(input[role], weeks[0].s, weeks[weeks.length - 1].e).length);
      if (!holes && !Object.values(expects).some((x) => x.overlap?.length)) {
        assert(nOverrides >= merged && nOverrides <= others, `every other piece of a week becomes one override: ${nOverrides} overrides for ${others} pieces (${merged} when an entry across a handoff is one)`);
      }
    }

    // The report: holes, and what the edit asked for.
    const weeksOf = (s, e) => imported.weeks.filter((w) => {
      const ws = handoffAt(imported, w.start);
      const we = handoffAt(imported, addDays(parseDateStr(w.start), 7));
      return ws < e && s < we;
    }).map((w) => w.start);
    const spanS = handoffAt(imported, imported.weeks[0].start);
    const spanE = handoffAt(imported, addDays(parseDateStr(imported.weeks[imported.weeks.length - 1].start), 7));
    for (const role of ['primary', 'secondary']) {
      const holes = uncovered(got[role], spanS, spanE);
      const listed = report.filter((l) => l.kind === 'hole' && (l.role === role));
      for (const h of holes) {
        const ws = weeksOf(h.s, h.e);
        assert(listed.some((l) => ws.includes(l.week)), `${role}: nobody on call ${fmt(h.s)} .. ${fmt(h.e)} but no hole in the report for weeks ${ws.join(', ')}`);
      }
      for (const l of listed) {
        assert(holes.some((h) => weeksOf(h.s, h.e).includes(l.week)), `hole reported for ${role} week ${l.week} that has none`);
      }
    }
    for (const role of roles) {
      const ex = expects[role] || {};
      if (ex.overlap?.length) {
        assert(report.some((l) => l.kind === 'unsupported' && l.role === role), `${role}: two people at once must be reported as unsupported`);
      }
      if (ex.unnamed) {
        assert(report.some((l) => l.kind !== 'hole' && l.role === role), `${role}: an entry of a person the file does not name must be reported`);
      }
    }
    void fromPieces;
  });
}

function parseDateStr(s) {
  const [y, mo, d] = s.split('-').map(Number);
  return { y, mo, d };
}
