// PagerDuty (REST v2, layer-based schedules): who is on call, read from the request bodies
// of a `rotaplan_pagerduty` document, by the semantics in interop.md and
// interop-research.md §1.4:
//   - overrides beat layers; of overlapping overrides the later one in the array wins
//     ("the last created override will have priority", PD-OAS createScheduleOverride);
//   - of layers, the last in the array wins (write order: Layer 1 first);
//   - a layer covers [start, end) (end null: forever);
//   - turn k starts at the wall clock of rotation_virtual_start plus k turn lengths, in the
//     schedule's time_zone; user = users[k mod n] (k may be negative before the anchor);
//   - restrictions mask the layer (the turn counter does not pause), read in time_zone:
//     daily_restriction = every day from start_time_of_day for duration_seconds;
//     weekly_restriction = from start_day_of_week (ISO, 1 = Monday) at start_time_of_day.
import {
  addDays, addWallSeconds, fromLocal, isZone, parseInstant, toLocal, weekdayOf,
} from '../lib/tz.mjs';
import { sample } from '../lib/timeline.mjs';
import { fail, lastAtOrBefore, need } from './common.mjs';

function turnStarts(zone, anchorMs, len, from, to) {
  // Turn starts from the last one at or before `from` to the first one at or after `to`.
  const anchor = toLocal(zone, anchorMs);
  const at = (k) => fromLocal(zone, addWallSeconds(anchor, k * len));
  let k = Math.floor((from - anchorMs) / (len * 1000)) - 1;
  while (at(k) > from) k -= 1;
  while (at(k + 1) <= from) k += 1;
  const out = [];
  for (;; k++) {
    const t = at(k);
    out.push({ k, t });
    if (t >= to) break;
  }
  return out;
}

function restrictionWindows(zone, rs, from, to, where) {
  // Windows [s, e) from every restriction that could touch [from, to).
  const out = [];
  const first = toLocal(zone, from - 8 * 86400000);
  const last = toLocal(zone, to + 86400000);
  const days = [];
  for (let d = { y: first.y, mo: first.mo, d: first.d }; ; d = addDays(d, 1)) {
    days.push(d);
    if (d.y === last.y && d.mo === last.mo && d.d === last.d) break;
    if (days.length > 100000) fail(`${where}: window too long`);
  }
  rs.forEach((r, i) => {
    const w = `${where}/restrictions/${i}`;
    const m = /^(\d{2}):(\d{2}):(\d{2})$/.exec(r.start_time_of_day || '');
    if (!m) fail(`${w}/start_time_of_day: not HH:mm:ss`);
    need(Number.isInteger(r.duration_seconds) && r.duration_seconds > 0, `${w}/duration_seconds`);
    for (const d of days) {
      if (r.type === 'weekly_restriction') {
        const iso = weekdayOf(d) === 0 ? 7 : weekdayOf(d);
        need(Number.isInteger(r.start_day_of_week), `${w}/start_day_of_week`);
        if (iso !== r.start_day_of_week) continue;
      } else if (r.type !== 'daily_restriction') {
        fail(`${w}/type: ${r.type}`);
      }
      const s = fromLocal(zone, { ...d, h: +m[1], mi: +m[2], s: +m[3] });
      out.push({ s, e: s + r.duration_seconds * 1000 });
    }
  });
  return out;
}

/**
 * Evaluates one schedule entry of the document: {role, body: {schedule}, overrides: {overrides}}.
 * `user(ref, pointer)` turns a `{id, type}` reference into a person id.
 * Returns {zone, timeline} over [from, to).
 */
export function evaluateSchedule(entry, from, to, user, where) {
  const sch = entry?.body?.schedule;
  need(sch && typeof sch === 'object', `${where}/body/schedule`);
  need(sch.type === 'schedule', `${where}/body/schedule/type must be "schedule"`);
  const zone = sch.time_zone;
  need(typeof zone === 'string' && isZone(zone), `${where}/body/schedule/time_zone: IANA zone`);
  const layers = sch.schedule_layers;
  need(Array.isArray(layers), `${where}/body/schedule/schedule_layers`);
  const ovs = entry.overrides?.overrides;
  need(Array.isArray(ovs), `${where}/overrides/overrides`);

  const boundaries = [];
  const L = layers.map((ly, i) => {
    const w = `${where}/body/schedule/schedule_layers/${i}`;
    const start = parseInstant(ly.start);
    const end = ly.end == null ? Infinity : parseInstant(ly.end);
    need(end > start, `${w}: end after start`);
    const rvs = parseInstant(ly.rotation_virtual_start);
    const len = ly.rotation_turn_length_seconds;
    need(Number.isInteger(len) && len > 0, `${w}/rotation_turn_length_seconds`);
    need(Array.isArray(ly.users) && ly.users.length > 0, `${w}/users`);
    const users = ly.users.map((u, j) => {
      need(u?.user?.type === 'user_reference', `${w}/users/${j}/user/type must be user_reference`);
      return user(u.user, `${w}/users/${j}/user`);
    });
    const lo = Math.max(from, start);
    const hi = Math.min(to, end);
    const turns = lo < hi ? turnStarts(zone, rvs, len, lo, hi) : [];
    const rs = ly.restrictions || [];
    need(Array.isArray(rs), `${w}/restrictions`);
    const windows = rs.length && lo < hi ? restrictionWindows(zone, rs, lo, hi, w) : null;
    boundaries.push(start, end);
    for (const t of turns) boundaries.push(t.t);
    if (windows) for (const x of windows) boundaries.push(x.s, x.e);
    return { start, end, users, turns, windows };
  });
  const O = ovs.map((o, i) => {
    const w = `${where}/overrides/overrides/${i}`;
    const s = parseInstant(o.start);
    const e = parseInstant(o.end);
    need(e > s, `${w}: end after start`);
    need(o.user?.type === 'user_reference', `${w}/user/type must be user_reference`);
    boundaries.push(s, e);
    return { s, e, who: user(o.user, `${w}/user`) };
  });

  const at = (t) => {
    for (let i = O.length - 1; i >= 0; i--) if (O[i].s <= t && t < O[i].e) return [O[i].who];
    for (let i = L.length - 1; i >= 0; i--) {
      const ly = L[i];
      if (t < ly.start || t >= ly.end) continue;
      if (ly.windows && !ly.windows.some((x) => x.s <= t && t < x.e)) continue;
      const j = lastAtOrBefore(ly.turns, t);
      if (j < 0) continue;
      const k = ly.turns[j].k;
      const n = ly.users.length;
      return [ly.users[((k % n) + n) % n]];
    }
    return [];
  };
  return { zone, timeline: sample(boundaries, at, from, to) };
}

/** Checks the document's shape and evaluates every role. */
export function evaluate(doc, from, to, user) {
  need(doc && doc.rotaplan_pagerduty === 1, '/rotaplan_pagerduty must be 1');
  need(Array.isArray(doc.schedules), '/schedules');
  need(Array.isArray(doc.losses), '/losses');
  const roles = {};
  doc.schedules.forEach((s, i) => {
    need(typeof s.role === 'string', `/schedules/${i}/role`);
    roles[s.role] = evaluateSchedule(s, from, to, user, `/schedules/${i}`);
  });
  return roles;
}

/** Counts for the "what a person would have typed" checks. */
export function shapeOf(entry) {
  const sch = entry.body.schedule;
  return {
    rotations: sch.schedule_layers.length,
    overrides: entry.overrides.overrides.length,
    cycle: (layer = sch.schedule_layers[0]) => layer.users.map((u) => u.user),
  };
}
