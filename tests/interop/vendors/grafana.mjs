// Grafana OnCall (public API v1): who is on call, read from the shift bodies of a
// `rotaplan_grafana_oncall` document, by interop.md and interop-research.md §3:
//   - datetimes are naive wall times in the shift's `time_zone`, else the schedule's;
//   - a `rolling_users` shift starts occurrence i at `start` + i × `interval` units
//     (weekly: weeks; daily: days; hourly: hours) on the wall clock, lasting `duration`
//     seconds of absolute time, with user group (start_rotation_from_user_index + i) mod n;
//     occurrences that start before `rotation_start` are skipped (they still advance i);
//     `until` ends the shift: by interop.md nothing of it counts at or after `until`
//     (reading 'until-cuts'); OnCall's own code keeps every occurrence that starts at or before
//     `until` whole (CustomOnCallShift.get_next_start_date stops only when the next start is
//     > until, and each group's event carries RRULE UNTIL, inclusive in RFC 5545): reading
//     'rrule-until'. An exact export must be exact under both;
//   - higher `level` wins; overlapping events of one level all page (research §3.4,
//     "equal-level overlaps all stay");
//   - `override` shifts beat every level; overlapping overrides all page; an override
//     with no users produces no event (OnCall writes one event per user,
//     CustomOnCallShift.generate_ical) and so takes no time;
//   - vendor acceptance (research §3.1, §3.6): naive datetimes, `week_start` required for
//     weekly and equal to the weekday of `start` (research §3.5: the next group starts on
//     the next `week_start` day), `start_rotation_from_user_index` required for rolling_users,
//     shift names unique.
import { addWallSeconds, fromLocal, isZone, parseNaive, weekdayOf } from '../lib/tz.mjs';
import { sample } from '../lib/timeline.mjs';
import { fail, need } from './common.mjs';

const UNIT = { hourly: 3600, daily: 86400, weekly: 604800 };
const ICAL_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export function evaluateSchedule(entry, from, to, user, where, names = new Set(), reading = 'until-cuts') {
  const body = entry?.body;
  need(body && typeof body === 'object', `${where}/body`);
  need(body.type === 'calendar', `${where}/body/type must be "calendar"`);
  need(typeof body.name === 'string' && body.name, `${where}/body/name`);
  need(typeof body.time_zone === 'string' && isZone(body.time_zone), `${where}/body/time_zone: IANA zone`);
  need(Array.isArray(entry.shifts), `${where}/shifts`);
  const boundaries = [];
  const occ = []; // {s, e, who: [...], level, override}
  entry.shifts.forEach((sh, i) => {
    const w = `${where}/shifts/${i}`;
    need(typeof sh.name === 'string' && sh.name, `${w}/name`);
    need(!names.has(sh.name), `${w}/name: unique (GO-DOC "Unique: Yes")`);
    names.add(sh.name);
    const zone = sh.time_zone ?? body.time_zone;
    need(typeof zone === 'string' && isZone(zone), `${w}/time_zone: IANA zone`);
    const local = (s, p) => {
      try {
        return parseNaive(s);
      } catch (e) {
        fail(`${w}/${p}: ${e.message}`);
      }
      return null;
    };
    need(Number.isInteger(sh.duration) && sh.duration > 0, `${w}/duration: positive integer seconds`);
    const dur = sh.duration * 1000;
    if (sh.type === 'override') {
      const s = fromLocal(zone, local(sh.start, 'start'));
      need(Array.isArray(sh.users), `${w}/users`);
      const who = sh.users.map((u, j) => user(u, `${w}/users/${j}`));
      boundaries.push(s, s + dur);
      if (who.length) occ.push({ s, e: s + dur, who, level: Infinity });
      return;
    }
    need(sh.type === 'rolling_users', `${w}/type: rolling_users or override`);
    need(UNIT[sh.frequency], `${w}/frequency: hourly|daily|weekly`);
    need(sh.by_day == null && sh.by_month == null && sh.by_monthday == null, `${w}: by_day/by_month/by_monthday not read here`);
    const interval = sh.interval ?? 1;
    need(Number.isInteger(interval) && interval >= 1, `${w}/interval`);
    const level = sh.level ?? 0;
    need(Number.isInteger(level), `${w}/level`);
    const start = local(sh.start, 'start');
    if (sh.frequency === 'weekly') {
      need(ICAL_DAYS.includes(sh.week_start), `${w}/week_start: required for weekly (MO…SU)`);
      need(sh.week_start === ICAL_DAYS[weekdayOf(start)], `${w}/week_start ${sh.week_start} must be the weekday of start (${ICAL_DAYS[weekdayOf(start)]})`);
    }
    need(Number.isInteger(sh.start_rotation_from_user_index) && sh.start_rotation_from_user_index >= 0,
      `${w}/start_rotation_from_user_index: required for rolling_users`);
    need(Array.isArray(sh.rolling_users) && sh.rolling_users.length, `${w}/rolling_users`);
    const groups = sh.rolling_users.map((g, j) => {
      need(Array.isArray(g) && g.length, `${w}/rolling_users/${j}: a non-empty list`);
      return g.map((u, k) => user(u, `${w}/rolling_users/${j}/${k}`));
    });
    const rotStart = sh.rotation_start == null ? fromLocal(zone, start) : fromLocal(zone, local(sh.rotation_start, 'rotation_start'));
    const until = sh.until == null ? Infinity : fromLocal(zone, local(sh.until, 'until'));
    const step = UNIT[sh.frequency] * interval;
    const at = (i) => fromLocal(zone, addWallSeconds(start, i * step));
    // First occurrence that may still be running at `from`.
    let n = Math.max(0, Math.floor((from - dur - at(0)) / (step * 1000)) - 1);
    for (;; n++) {
      const s = at(n);
      if (s >= to || (reading === 'rrule-until' ? s > until : s >= until)) break;
      const e = reading === 'rrule-until' ? s + dur : Math.min(s + dur, until);
      if (s < rotStart || e <= from) continue;
      const g = groups[(sh.start_rotation_from_user_index + n) % groups.length];
      boundaries.push(s, e);
      occ.push({ s, e, who: g, level });
    }
  });
  occ.sort((a, b) => a.s - b.s);
  const timelineAt = (t) => {
    let best = -Infinity;
    let who = [];
    for (const o of occ) {
      if (o.s > t) break;
      if (t >= o.e) continue;
      if (o.level > best) { best = o.level; who = [...o.who]; } else if (o.level === best) who.push(...o.who);
    }
    return who;
  };
  return { zone: body.time_zone, timeline: sample(boundaries, timelineAt, from, to) };
}

export function evaluate(doc, from, to, user, reading = 'until-cuts') {
  need(doc && doc.rotaplan_grafana_oncall === 1, '/rotaplan_grafana_oncall must be 1');
  need(Array.isArray(doc.schedules), '/schedules');
  need(Array.isArray(doc.losses), '/losses');
  const names = new Set();
  const roles = {};
  doc.schedules.forEach((s, i) => {
    need(typeof s.role === 'string', `/schedules/${i}/role`);
    roles[s.role] = evaluateSchedule(s, from, to, user, `/schedules/${i}`, names, reading);
  });
  return roles;
}
