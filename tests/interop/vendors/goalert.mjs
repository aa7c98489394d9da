// GoAlert (GraphQL): who is on call, read from a `rotaplan_goalert` document, by
// interop.md and interop-research.md §4:
//   - inside a temporary schedule's [start, end) only its shifts count ("temporary schedule
//     config takes precedence over anything else", calcupdates.go); gaps are nobody;
//     overlapping shifts all page;
//   - outside it, the schedule's rotation: handoffs at `start` + k × shiftLength units on
//     the wall clock of `timeZone` (timeutil.ClockDiff). Who is active there is stored state
//     (`activeUserIndex`), not derived from `start`, so outside the temporary schedule this
//     reader gives userIDs[k mod n] counted from `start` and marks the result `stateful`:
//     the checks only use it for the order of the cycle, never for exactness;
//   - user overrides apply to the rules' union outside the temporary schedule: remove
//     `removeUserID`, add `addUserID`; an override whose removeUserID is not on call is
//     skipped whole;
//   - vendor acceptance: times truncate to the minute (so every time must have zero
//     seconds), shiftLength 1–9000, ClockTime "HH:MM", weekdayFilter of 7 booleans.
import { addWallSeconds, fromLocal, isZone, parseInstant, toLocal } from '../lib/tz.mjs';
import { sample } from '../lib/timeline.mjs';
import { lastAtOrBefore, need } from './common.mjs';

const UNIT = { hourly: 3600, daily: 86400, weekly: 604800 };

function instant(s, w) {
  let ms;
  try {
    ms = parseInstant(s);
  } catch (e) {
    need(false, `${w}: ${e.message}`);
  }
  need(ms % 60000 === 0, `${w}: GoAlert truncates to the minute; seconds must be zero`);
  return ms;
}

export function evaluateSchedule(entry, from, to, user, where) {
  const cs = entry?.createSchedule;
  need(cs && typeof cs === 'object', `${where}/createSchedule`);
  need(typeof cs.name === 'string' && cs.name, `${where}/createSchedule/name`);
  need(typeof cs.timeZone === 'string' && isZone(cs.timeZone), `${where}/createSchedule/timeZone: IANA zone`);
  need(Array.isArray(cs.targets) && cs.targets.length, `${where}/createSchedule/targets`);
  const boundaries = [];
  const rotations = cs.targets.map((tg, i) => {
    const w = `${where}/createSchedule/targets/${i}`;
    const r = tg.newRotation;
    need(r && typeof r === 'object', `${w}/newRotation`);
    need(typeof r.name === 'string' && r.name, `${w}/newRotation/name`);
    need(typeof r.timeZone === 'string' && isZone(r.timeZone), `${w}/newRotation/timeZone`);
    need(UNIT[r.type], `${w}/newRotation/type: hourly|daily|weekly`);
    const len = r.shiftLength ?? 1;
    need(Number.isInteger(len) && len >= 1 && len <= 9000, `${w}/newRotation/shiftLength 1–9000`);
    const start = instant(r.start, `${w}/newRotation/start`);
    need(Array.isArray(r.userIDs) && r.userIDs.length, `${w}/newRotation/userIDs`);
    const users = r.userIDs.map((u, j) => user(u, `${w}/newRotation/userIDs/${j}`));
    need(Array.isArray(tg.rules), `${w}/rules`);
    tg.rules.forEach((ru, j) => {
      const rw = `${w}/rules/${j}`;
      for (const k of ['start', 'end']) {
        if (ru[k] !== undefined) need(/^([01]\d|2[0-3]):[0-5]\d$/.test(ru[k]), `${rw}/${k}: ClockTime HH:MM`);
      }
      if (ru.weekdayFilter !== undefined) {
        need(Array.isArray(ru.weekdayFilter) && ru.weekdayFilter.length === 7
          && ru.weekdayFilter.every((b) => typeof b === 'boolean'), `${rw}/weekdayFilter: 7 booleans`);
      }
    });
    const anchor = toLocal(r.timeZone, start);
    const step = UNIT[r.type] * len;
    const turns = [];
    for (let k = 0; ; k++) {
      const t = fromLocal(r.timeZone, addWallSeconds(anchor, k * step));
      turns.push({ k, t });
      if (t >= to) break;
      if (t >= from || k === 0) boundaries.push(t);
    }
    return { users, turns, start, cycle: r.userIDs };
  });
  const tmp = entry.temporarySchedule;
  need(tmp && typeof tmp === 'object', `${where}/temporarySchedule`);
  const ts = instant(tmp.start, `${where}/temporarySchedule/start`);
  const te = instant(tmp.end, `${where}/temporarySchedule/end`);
  need(te > ts, `${where}/temporarySchedule: end after start`);
  need(Array.isArray(tmp.shifts), `${where}/temporarySchedule/shifts`);
  const shifts = tmp.shifts.map((s, i) => {
    const w = `${where}/temporarySchedule/shifts/${i}`;
    const a = instant(s.start, `${w}/start`);
    const b = instant(s.end, `${w}/end`);
    need(b > a, `${w}: end after start`);
    need(a >= ts && b <= te, `${w}: inside the temporary schedule`);
    boundaries.push(a, b);
    return { s: a, e: b, who: user(s.userID, `${w}/userID`) };
  });
  boundaries.push(ts, te);
  const overrides = (cs.newUserOverrides || []).map((o, i) => {
    const w = `${where}/createSchedule/newUserOverrides/${i}`;
    const s = instant(o.start, `${w}/start`);
    const e = instant(o.end, `${w}/end`);
    boundaries.push(s, e);
    return {
      s, e,
      add: o.addUserID ? user(o.addUserID, `${w}/addUserID`) : null,
      remove: o.removeUserID ? user(o.removeUserID, `${w}/removeUserID`) : null,
    };
  });
  let stateful = false;
  const at = (t) => {
    if (ts <= t && t < te) return shifts.filter((x) => x.s <= t && t < x.e).map((x) => x.who);
    stateful = true;
    let on = new Set();
    for (const r of rotations) {
      const j = lastAtOrBefore(r.turns, t);
      if (j < 0 || t < r.start) continue;
      on.add(r.users[r.turns[j].k % r.users.length]);
    }
    for (const o of overrides) {
      if (!(o.s <= t && t < o.e)) continue;
      if (o.remove) {
        if (!on.has(o.remove)) continue;
        on.delete(o.remove);
      }
      if (o.add) on.add(o.add);
    }
    return [...on];
  };
  const timeline = sample(boundaries, at, from, to);
  return { zone: cs.timeZone, timeline, temporary: { s: ts, e: te }, stateful, rotations };
}

export function evaluate(doc, from, to, user) {
  need(doc && doc.rotaplan_goalert === 1, '/rotaplan_goalert must be 1');
  need(Array.isArray(doc.schedules), '/schedules');
  need(Array.isArray(doc.losses), '/losses');
  const roles = {};
  doc.schedules.forEach((s, i) => {
    need(typeof s.role === 'string', `/schedules/${i}/role`);
    roles[s.role] = evaluateSchedule(s, from, to, user, `/schedules/${i}`);
  });
  return roles;
}
