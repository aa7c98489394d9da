// Time-zone arithmetic for the interop checks, on Node's built-in Intl (full ICU), so that
// nothing here shares code with the C++ date/tz library the exporters use.
//
// Instants are integer milliseconds since the epoch (UTC). A "local" value is a plain
// object {y, mo, d, h, mi, s} read on a zone's wall clock.
//
// Reading of local times that do not exist or exist twice (rules.md "Time"): a skipped
// local time means the first instant after the gap; a repeated one means the earlier.

const fmtCache = new Map();
function formatter(zone) {
  let f = fmtCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
    fmtCache.set(zone, f);
  }
  return f;
}

export function isZone(zone) {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

const localCache = new Map();
/** The wall clock of `zone` at instant `ms`. */
export function toLocal(zone, ms) {
  const key = zone + '|' + ms;
  const hit = localCache.get(key);
  if (hit) return hit;
  const parts = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  let y = +parts.year;
  if (parts.era === 'BC' || parts.era === 'B') y = 1 - y;
  const r = { y, mo: +parts.month, d: +parts.day, h: +parts.hour, mi: +parts.minute, s: +parts.second };
  if (localCache.size > 200000) localCache.clear();
  localCache.set(key, r);
  return r;
}

/** Offset of `zone` from UTC at `ms`, in minutes (east positive). */
export function offsetMinutes(zone, ms) {
  const l = toLocal(zone, ms);
  const wall = Date.UTC(l.y, l.mo - 1, l.d, l.h, l.mi, l.s);
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wall - whole) / 60000);
}

function wallMs(l) {
  return Date.UTC(l.y, l.mo - 1, l.d, l.h, l.mi, l.s || 0);
}

/** The instant at which `zone`'s wall clock reads `l` (gap: first instant after; twice: earlier). */
export function fromLocal(zone, l) {
  const w = wallMs(l);
  const offs = new Set();
  for (const probe of [w - 2 * 86400000, w - 86400000, w, w + 86400000, w + 2 * 86400000]) {
    offs.add(offsetMinutes(zone, probe));
  }
  const hits = [];
  for (const o of offs) {
    const t = w - o * 60000;
    if (offsetMinutes(zone, t) === o) hits.push(t);
  }
  if (hits.length) return Math.min(...hits);
  // In a gap: find the transition instant, the first instant after the gap.
  const sorted = [...offs].sort((a, b) => a - b);
  let lo = w - sorted[sorted.length - 1] * 60000; // earliest candidate
  let hi = w - sorted[0] * 60000;
  const offLo = offsetMinutes(zone, lo);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (offsetMinutes(zone, mid) === offLo) lo = mid; else hi = mid;
  }
  return hi;
}

/** Civil date arithmetic (proleptic Gregorian) on {y, mo, d}. */
export function addDays(date, n) {
  const t = new Date(Date.UTC(date.y, date.mo - 1, date.d + n));
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date) {
  return new Date(Date.UTC(date.y, date.mo - 1, date.d)).getUTCDay();
}
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function parseDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`not a date: ${s}`);
  return { y: +m[1], mo: +m[2], d: +m[3] };
}
const p2 = (n) => String(n).padStart(2, '0');
export function fmtDate(d) {
  return `${String(d.y).padStart(4, '0')}-${p2(d.mo)}-${p2(d.d)}`;
}
export function dayNumber(d) {
  return Math.round(Date.UTC(d.y, d.mo - 1, d.d) / 86400000);
}

/** Adds `seconds` to a wall-clock value as a wall clock would (no zone involved). */
export function addWallSeconds(l, seconds) {
  const t = new Date(wallMs(l) + seconds * 1000);
  return {
    y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(),
    h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(),
  };
}
export function compareLocal(a, b) {
  return wallMs(a) - wallMs(b);
}

// RFC 3339 with an offset or Z; fractional seconds allowed (dropped only when zero).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|([+-])(\d{2}):?(\d{2}))$/;
export function parseInstant(s) {
  const m = typeof s === 'string' ? RFC3339.exec(s) : null;
  if (!m) throw new Error(`not an RFC 3339 date-time with offset: ${JSON.stringify(s)}`);
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
  const frac = m[7] ? Math.round(parseFloat(m[7]) * 1000) : 0;
  const off = /^[Zz]$/.test(m[8]) ? 0 : (m[9] === '-' ? -1 : 1) * (+m[10] * 60 + +m[11]);
  return wall + frac - off * 60000;
}
/** Offset (minutes) written in an RFC 3339 string. */
export function writtenOffset(s) {
  const m = RFC3339.exec(s);
  if (!m) throw new Error(`not RFC 3339: ${s}`);
  return /^[Zz]$/.test(m[8]) ? 0 : (m[9] === '-' ? -1 : 1) * (+m[10] * 60 + +m[11]);
}
/** Naive "YYYY-MM-DDTHH:MM:SS" (Grafana OnCall) to a local value. */
export function parseNaive(s) {
  const m = typeof s === 'string' ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(s) : null;
  if (!m) throw new Error(`not a naive yyyy-mm-ddThh:mm:ss date-time: ${JSON.stringify(s)}`);
  return { y: +m[1], mo: +m[2], d: +m[3], h: +m[4], mi: +m[5], s: +m[6] };
}
export function fmtNaive(l) {
  return `${fmtDate(l)}T${p2(l.h)}:${p2(l.mi)}:${p2(l.s || 0)}`;
}
/** RFC 3339 of `ms` with `zone`'s offset at that instant. */
export function fmtInstant(zone, ms) {
  const l = toLocal(zone, ms);
  const o = offsetMinutes(zone, ms);
  const sign = o < 0 ? '-' : '+';
  const a = Math.abs(o);
  return `${fmtNaive(l)}${sign}${p2(Math.floor(a / 60))}:${p2(a % 60)}`;
}
export function fmtUtc(ms) {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
/** iCalendar UTC form 20250106T080000Z. */
export function fmtIcsUtc(ms) {
  return fmtUtc(ms).replace(/[-:]/g, '');
}
export function fmtIcsLocal(l) {
  return `${String(l.y).padStart(4, '0')}${p2(l.mo)}${p2(l.d)}T${p2(l.h)}${p2(l.mi)}${p2(l.s || 0)}`;
}

/** Every instant in [from, to) at which `zone`'s offset changes (to the second). */
export function transitions(zone, from, to) {
  const out = [];
  const step = 6 * 3600 * 1000;
  let prev = offsetMinutes(zone, from);
  for (let t = from + step; t < to + step; t += step) {
    const o = offsetMinutes(zone, t);
    if (o !== prev) {
      let lo = t - step;
      let hi = t;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (offsetMinutes(zone, mid) === prev) lo = mid; else hi = mid;
      }
      if (hi >= from && hi < to) out.push(hi);
      prev = o;
    }
  }
  return out;
}

export function fmtHM(h, mi) {
  return `${p2(h)}:${p2(mi)}`;
}
