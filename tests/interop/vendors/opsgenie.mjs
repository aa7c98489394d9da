// Opsgenie (REST v2): who is on call, read from the request bodies of a
// `rotaplan_opsgenie` document, by interop.md and interop-research.md §2:
//   - a rotation turns at the wall clock of `startDate` plus k × `length` units
//     (hourly/daily/weekly) in the schedule's `timezone`; participant k mod n, the first
//     at startDate; `{"type": "none"}` is nobody; it applies in [startDate, endDate);
//   - rotation `startDate`/`endDate` minutes other than 0 or 30 are "converted to nearest
//     0 or 30 automatically" (OG-OAS scheduleRotation): we round the written minutes to the
//     nearest half hour; a tie (:15, :45) is evaluated both ways (`round: 'down' | 'up'`),
//     and an exact export must be exact under both;
//   - overrides (all rotations when `rotations` is absent, else the named ones) beat
//     rotations; override dates are not rounded (interop.md: "overrides that make it exact");
//     Opsgenie documents no precedence among overlapping overrides, so where two that
//     disagree overlap, both people are reported (an exact export never depends on it);
//   - rotations are cumulative: two rotations active at once page both.
//   - timeRestriction masks a rotation: `time-of-day` (a daily window, wrapping past
//     midnight when the end is not after the start) and `weekday-and-time-of-day`
//     (weekly windows), read in the schedule's timezone.
import {
  addDays, addWallSeconds, fromLocal, isZone, parseInstant, toLocal, weekdayOf, writtenOffset, WEEKDAYS,
} from '../lib/tz.mjs';
import { sample } from '../lib/timeline.mjs';
import { fail, lastAtOrBefore, need } from './common.mjs';

const UNIT = { hourly: 3600, daily: 86400, weekly: 604800 };

/** Applies Opsgenie's :00/:30 rounding to a written date-time. Returns {ms, rounded}. */
export function roundedInstant(s, round) {
  const ms = parseInstant(s);
  const off = writtenOffset(s);
  const wallMs = ms + off * 60000;
  const half = 30 * 60000;
  const r = wallMs % half; // wall minutes+seconds past the last :00/:30
  if (r === 0) return { ms, rounded: false };
  let down = wallMs - r;
  let up = down + half;
  let pick;
  if (r * 2 < half) pick = down;
  else if (r * 2 > half) pick = up;
  else pick = round === 'up' ? up : down;
  return { ms: pick - off * 60000, rounded: true };
}

function days(zone, from, to) {
  const first = toLocal(zone, from - 8 * 86400000);
  const last = toLocal(zone, to + 86400000);
  const out = [];
  for (let d = { y: first.y, mo: first.mo, d: first.d }; ; d = addDays(d, 1)) {
    out.push(d);
    if (d.y === last.y && d.mo === last.mo && d.d === last.d) break;
  }
  return out;
}

function restrictionWindows(zone, tr, from, to, where) {
  const out = [];
  const hm = (h, m, w) => {
    need(Number.isInteger(h) && h >= 0 && h <= 24, `${w}: hour`);
    need(m === 0 || m === 30, `${w}: minutes 0 or 30`);
    return h * 60 + m;
  };
  if (tr.type === 'time-of-day') {
    const r = tr.restriction;
    need(r && typeof r === 'object', `${where}/restriction (an object for time-of-day)`);
    const a = hm(r.startHour, r.startMin, `${where}/restriction`);
    let b = hm(r.endHour, r.endMin, `${where}/restriction`);
    if (b <= a) b += 24 * 60;
    for (const d of days(zone, from, to)) {
      const s = fromLocal(zone, { ...d, h: Math.floor(a / 60), mi: a % 60, s: 0 });
      const ed = addDays(d, Math.floor(b / 1440));
      const e = fromLocal(zone, { ...ed, h: Math.floor((b % 1440) / 60), mi: b % 60, s: 0 });
      out.push({ s, e });
    }
  } else if (tr.type === 'weekday-and-time-of-day') {
    need(Array.isArray(tr.restrictions) && tr.restrictions.length, `${where}/restrictions (an array)`);
    tr.restrictions.forEach((r, i) => {
      const w = `${where}/restrictions/${i}`;
      const sd = WEEKDAYS.indexOf(r.startDay);
      const ed = WEEKDAYS.indexOf(r.endDay);
      need(sd >= 0 && ed >= 0, `${w}: startDay/endDay`);
      const a = ((sd + 6) % 7) * 1440 + hm(r.startHour, r.startMin, w); // minutes from Monday 00:00
      let b = ((ed + 6) % 7) * 1440 + hm(r.endHour, r.endMin, w);
      if (b <= a) b += 7 * 1440;
      for (const d of days(zone, from, to)) {
        if ((weekdayOf(d) + 6) % 7 !== (sd + 6) % 7) continue;
        const s = fromLocal(zone, { ...d, h: Math.floor((a % 1440) / 60), mi: a % 60, s: 0 });
        const endDay = addDays(d, Math.floor(b / 1440) - Math.floor(a / 1440));
        const e = fromLocal(zone, { ...endDay, h: Math.floor((b % 1440) / 60), mi: b % 60, s: 0 });
        out.push({ s, e });
      }
    });
  } else {
    fail(`${where}/type: ${tr.type}`);
  }
  return out;
}

/**
 * `user(recipient, pointer)` maps a `{type: "user", username|id}` recipient to a person id.
 * Returns {zone, timeline, rounded: [pointers of rounded dates]}.
 */
export function evaluateSchedule(entry, from, to, user, where, round = 'down') {
  const body = entry?.body;
  need(body && typeof body === 'object', `${where}/body`);
  need(typeof body.name === 'string' && body.name, `${where}/body/name`);
  const zone = body.timezone;
  need(typeof zone === 'string' && isZone(zone), `${where}/body/timezone: IANA zone`);
  need(Array.isArray(body.rotations) && body.rotations.length >= 1, `${where}/body/rotations (minItems 1)`);
  need(Array.isArray(entry.overrides), `${where}/overrides`);
  const boundaries = [];
  const rounded = [];
  const names = new Set();
  const R = body.rotations.map((r, i) => {
    const w = `${where}/body/rotations/${i}`;
    need(UNIT[r.type], `${w}/type: hourly|daily|weekly`);
    const len = r.length === undefined ? 1 : r.length;
    need(Number.isInteger(len) && len >= 1, `${w}/length`);
    need(typeof r.name === 'string' && r.name, `${w}/name`);
    need(!names.has(r.name), `${w}/name: unique`);
    names.add(r.name);
    const sd = roundedInstant(r.startDate, round);
    if (sd.rounded) rounded.push(`${w}/startDate`);
    let end = Infinity;
    if (r.endDate !== undefined && r.endDate !== null) {
      const ed = roundedInstant(r.endDate, round);
      if (ed.rounded) rounded.push(`${w}/endDate`);
      end = ed.ms;
      need(end > sd.ms, `${w}/endDate after startDate`);
    }
    need(Array.isArray(r.participants) && r.participants.length, `${w}/participants`);
    const parts = r.participants.map((p, j) => {
      const pw = `${w}/participants/${j}`;
      if (p?.type === 'none') return null;
      need(p?.type === 'user', `${pw}/type: user or none`);
      need(typeof p.username === 'string' || typeof p.id === 'string', `${pw}: username or id`);
      return user(p, pw);
    });
    const lo = Math.max(from, sd.ms);
    const hi = Math.min(to, end);
    const turns = [];
    if (lo < hi) {
      const anchor = toLocal(zone, sd.ms);
      const step = UNIT[r.type] * len;
      const at = (k) => fromLocal(zone, addWallSeconds(anchor, k * step));
      let k = Math.max(0, Math.floor((lo - sd.ms) / (step * 1000)) - 1);
      while (k > 0 && at(k) > lo) k -= 1;
      for (;; k++) {
        const t = at(k);
        turns.push({ k, t });
        boundaries.push(t);
        if (t >= hi) break;
      }
    }
    const windows = r.timeRestriction && lo < hi
      ? restrictionWindows(zone, r.timeRestriction, lo, hi, `${w}/timeRestriction`) : null;
    if (windows) for (const x of windows) boundaries.push(x.s, x.e);
    boundaries.push(sd.ms, end);
    return { name: r.name, start: sd.ms, end, parts, turns, windows };
  });
  const O = entry.overrides.map((o, i) => {
    const w = `${where}/overrides/${i}`;
    need(typeof o.alias === 'string' && o.alias, `${w}/alias`);
    const s = parseInstant(o.startDate);
    const e = parseInstant(o.endDate);
    need(e > s, `${w}: endDate after startDate`);
    let who;
    if (o.user?.type === 'none') who = null;
    else {
      need(o.user?.type === 'user', `${w}/user/type: user or none`);
      who = user(o.user, `${w}/user`);
    }
    let rots = null;
    if (o.rotations !== undefined) {
      need(Array.isArray(o.rotations) && o.rotations.length, `${w}/rotations`);
      rots = o.rotations.map((x, j) => {
        need(typeof x?.name === 'string' && names.has(x.name), `${w}/rotations/${j}/name: a rotation of the schedule`);
        return x.name;
      });
    }
    boundaries.push(s, e);
    return { alias: o.alias, s, e, who, rots };
  });
  const aliases = new Set();
  O.forEach((o, i) => {
    need(!aliases.has(o.alias), `${where}/overrides/${i}/alias: unique in the schedule`);
    aliases.add(o.alias);
  });

  const overrideUsers = (list) => {
    const set = new Set(list.map((o) => o.who ?? '\u0000none'));
    // Disagreeing overlapping overrides: every candidate is reported.
    return [...set].filter((x) => x !== '\u0000none');
  };
  const at = (t) => {
    const active = O.filter((o) => o.s <= t && t < o.e);
    const all = active.filter((o) => !o.rots);
    if (all.length) return overrideUsers(all);
    const who = [];
    for (const r of R) {
      if (t < r.start || t >= r.end) continue;
      if (r.windows && !r.windows.some((x) => x.s <= t && t < x.e)) continue;
      const mine = active.filter((o) => o.rots.includes(r.name));
      if (mine.length) { who.push(...overrideUsers(mine)); continue; }
      const j = lastAtOrBefore(r.turns, t);
      if (j < 0) continue;
      const p = r.parts[r.turns[j].k % r.parts.length];
      if (p !== null) who.push(p);
    }
    return who;
  };
  return { zone, timeline: sample(boundaries, at, from, to), rounded };
}

export function evaluate(doc, from, to, user, round = 'down') {
  need(doc && doc.rotaplan_opsgenie === 1, '/rotaplan_opsgenie must be 1');
  need(Array.isArray(doc.schedules), '/schedules');
  need(Array.isArray(doc.losses), '/losses');
  const roles = {};
  doc.schedules.forEach((s, i) => {
    need(typeof s.role === 'string', `/schedules/${i}/role`);
    roles[s.role] = evaluateSchedule(s, from, to, user, `/schedules/${i}`, round);
  });
  return roles;
}
