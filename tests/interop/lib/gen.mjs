// Seeded, deterministic plan generator for the interop round trips.
//
// Every plan says what it is meant to exercise in `meta`: its base cycles (so the natural
// checks know the rotation a person would have typed), the number of resolved pieces that
// differ from it, unknown ids, holes, a :15 handoff, an override outside the span.
import {
  addDays, fmtDate, fmtHM, fromLocal, parseDate, toLocal, transitions, weekdayOf, WEEKDAYS,
} from './tz.mjs';

export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    shuffle: (arr) => {
      const a2 = [...arr];
      for (let i = a2.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a2[i], a2[j]] = [a2[j], a2[i]];
      }
      return a2;
    },
  };
}

// DST in both hemispheres, half-hour and 45-minute offsets, a 30-minute DST (Lord Howe).
export const ZONES = [
  'America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'America/St_Johns',
  'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/Santiago', 'UTC',
  'Europe/London', 'America/Los_Angeles',
];
const NAMES = [
  ['alice', 'Alice Ng'], ['bob', 'Bob Osei'], ['carol', 'Carol Diaz'], ['dev', 'Dev Rao'],
  ['erin', 'Erin Cho'], ['farid', 'Farid Haddad'], ['gus', 'Gus Lindqvist'], ['hana', 'Hana Sato'],
  ['ivo', 'Ivo Petrov'], ['june', 'June Park'], ['kemal', 'Kemal Aydın'], ['lena', 'Léna Dubois'],
];
const TIMES = ['09:00', '09:00', '10:00', '17:30', '00:00', '08:30', '13:00', '23:30', '09:15', '18:45'];

/** A handoff date (the weekday) a few weeks before one of the zone's transitions. */
function startDate(r, zone, weekday) {
  const from = Date.UTC(2026, 0, 1);
  const to = Date.UTC(2028, 0, 1);
  const tr = transitions(zone, from, to);
  let base;
  if (tr.length && r.chance(0.9)) {
    const t = r.pick(tr);
    const l = toLocal(zone, t);
    base = addDays({ y: l.y, mo: l.mo, d: l.d }, -7 * r.int(1, 5));
  } else {
    base = addDays({ y: 2026, mo: 1, d: 5 }, r.int(0, 600));
  }
  const wd = WEEKDAYS.indexOf(weekday);
  while (weekdayOf(base) !== wd) base = addDays(base, 1);
  return base;
}

function localStr(date, h, mi) {
  return `${fmtDate(date)}T${fmtHM(h, mi)}`;
}

/**
 * kinds: 'plain' | 'deviating' | 'overrides' | 'holes' | 'unknown' | 'mixed'.
 * Options: {zone, weekday, time, weeks, people, shadow, outside, usersForm}.
 */
export function generate(seed, kind, opts = {}) {
  const r = rng(seed);
  const zone = opts.zone ?? r.pick(ZONES);
  const weekday = opts.weekday ?? r.pick(WEEKDAYS);
  const time = opts.time ?? r.pick(TIMES);
  const [hh, mm] = time.split(':').map(Number);
  const nWeeks = opts.weeks ?? r.int(8, 22);
  const nPeople = opts.people ?? r.int(3, 6);
  const people = r.shuffle(NAMES).slice(0, nPeople).map(([id, name], i) => {
    const p = { id, name };
    if (i !== 1 || r.chance(0.5)) p.email = `${id}@example.com`;
    return p;
  });
  const trainee = { id: 'tess', name: 'Tess Trainee', email: 'tess@example.com', trainee: true };
  const lead = { id: 'lee', name: 'Lee Lead', email: 'lee@example.com', on_call: false };
  const first = opts.start ? parseDate(opts.start) : startDate(r, zone, weekday);
  const cycleP = people.map((p) => p.id);
  const shiftBy = nPeople > 2 ? r.int(1, nPeople - 1) : 1;
  const cycleS = cycleP.map((_, i) => cycleP[(i + shiftBy) % nPeople]);
  const offP = r.int(0, nPeople - 1); // phase of the base cycle at week 0
  const weeks = [];
  for (let i = 0; i < nWeeks; i++) {
    weeks.push({
      start: fmtDate(addDays(first, 7 * i)),
      primary: cycleP[(i + offP) % nPeople],
      secondary: cycleS[(i + offP) % nPeople],
    });
  }
  const overrides = [];
  const meta = {
    seed, kind, zone, weekday, time, cycleP, cycleS, offP, deviating: 0, pieces: 0,
    unknown: [], holes: [], outside: false, quarter: mm % 30 !== 0,
  };
  const weekDate = (i) => addDays(first, 7 * i);
  const other = (not) => r.pick(cycleP.filter((x) => !not.includes(x)));

  const addOverride = (role, person, i, dayFrom, hFrom, dayTo, hTo, reason) => {
    const a = addDays(weekDate(i), dayFrom);
    const b = addDays(weekDate(i), dayTo);
    overrides.push({ role, person, from: localStr(a, hFrom, 0), to: localStr(b, hTo, 0), reason });
  };

  if (kind === 'deviating' || kind === 'mixed') {
    const k = r.int(1, Math.min(3, nWeeks - 2));
    const idx = r.shuffle([...Array(nWeeks).keys()].slice(1, -1)).slice(0, k);
    for (const i of idx) {
      const w = weeks[i];
      if (r.chance(0.6)) w.primary = other([w.primary, w.secondary]);
      else w.secondary = other([w.primary, w.secondary]);
      meta.deviating += 1;
      meta.pieces += 1;
    }
  }
  if (kind === 'overrides' || kind === 'mixed') {
    const i = r.int(0, nWeeks - 1);
    // single, partial: Wednesday-ish evening to the next morning
    addOverride('primary', other([weeks[i].primary]), i, 2, 18, 3, 9, 'school event');
    // several in one week, overlapping: the later wins on the overlap
    const j = r.int(0, nWeeks - 1);
    const x = other([weeks[j].secondary]);
    const y = other([weeks[j].secondary, x]);
    addOverride('secondary', x, j, 1, 8, 3, 20, 'cover');
    addOverride('secondary', y, j, 2, 12, 4, 6, 'second cover, overlaps the first');
    addOverride('secondary', x, j, 5, 0, 5, 12, 'third in the week');
    // across a handoff: from the day before the next week's handoff into that week
    if (nWeeks > 2) {
      const h = r.int(0, nWeeks - 2);
      const d1 = addDays(weekDate(h), 6);
      const d2 = addDays(weekDate(h), 8);
      overrides.push({ role: 'primary', person: other([weeks[h].primary]), from: localStr(d1, 12, 0), to: localStr(d2, 12, 0), reason: 'across a handoff' });
    }
    // one written with an explicit UTC instant
    const u = r.int(0, nWeeks - 1);
    const s = fromLocal(zone, { ...addDays(weekDate(u), 3), h: 14, mi: 0, s: 0 });
    overrides.push({
      role: 'primary', person: other([weeks[u].primary]),
      from: new Date(s).toISOString().slice(0, 16) + 'Z', to: new Date(s + 5 * 3600000).toISOString().slice(0, 16) + 'Z',
      reason: 'UTC-written',
    });
    meta.pieces += 6;
  }
  if (kind === 'holes' || kind === 'mixed') {
    const i = r.int(1, nWeeks - 1);
    delete weeks[i].secondary;
    meta.holes.push({ week: weeks[i].start, role: 'secondary' });
    const j = r.int(0, nWeeks - 1);
    if (j !== i) {
      delete weeks[j].primary;
      meta.holes.push({ week: weeks[j].start, role: 'primary' });
      addOverride('primary', other([]), j, 1, 9, 2, 17, 'partial cover of an empty week');
      meta.pieces += 1;
    }
  }
  if (kind === 'gappy') {
    // A round-robin with one week short of a role and nothing else.
    const i = r.int(1, nWeeks - 2);
    const role = r.chance(0.5) ? 'primary' : 'secondary';
    delete weeks[i][role];
    meta.holes.push({ week: weeks[i].start, role });
  }
  if (kind === 'unknown' || kind === 'mixed') {
    const i = r.int(0, nWeeks - 1);
    weeks[i].primary = 'ghost';
    meta.unknown.push('ghost');
    const j = r.int(0, nWeeks - 1);
    addOverride('secondary', 'x.former-42', j, 2, 9, 2, 21, 'someone who left');
    meta.unknown.push('x.former-42');
    meta.pieces += 2;
  }
  if (opts.shadow) {
    people.push(trainee);
    for (let i = 0; i < nWeeks; i += 2) weeks[i].shadow = 'tess';
  }
  if (opts.gapWeek && nWeeks > 4) {
    const i = r.int(2, nWeeks - 2);
    const [gone] = weeks.splice(i, 1);
    meta.holes.push({ week: gone.start, role: 'primary' }, { week: gone.start, role: 'secondary' });
    meta.gap = gone.start;
  }
  if (opts.outside) {
    const last = weekDate(nWeeks - 1);
    addOverride('primary', cycleP[0], nWeeks - 1, 5, 9, 10, 9, 'past the plan');
    meta.outside = true;
    void last;
  }
  const contacts = { engineering_lead: 'lee' };
  const extra = [];
  if (opts.contacts) {
    // A CTO and a CEO, and two weeks with another escalation contact.
    extra.push({ id: 'cleo', name: 'Cleo CTO', email: 'cleo@example.com', on_call: false },
      { id: 'cass', name: 'Cass CEO', on_call: false });
    contacts.cto = 'cleo';
    contacts.ceo = 'cass';
    const a = r.int(0, nWeeks - 1);
    const b = (a + 1 + r.int(0, nWeeks - 2)) % nWeeks;
    weeks[a].escalation = 'cleo';
    weeks[b].escalation = cycleP[0];
    meta.contactWeeks = [weeks[a].start, weeks[b].start].sort();
  }
  const plan = {
    rotaplan: 1,
    team: { name: `Interop ${seed}`, timezone: zone },
    policy: { handoff: { weekday, time } },
    people: [...people, lead, ...extra],
    contacts,
    weeks,
    overrides,
  };
  if (opts.e) plan.policy.severities = { P0: { escalate_every_minutes: opts.e } };
  return { plan, meta };
}

function hex(s) {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** `--users` files: a flat map, or a vendor's user-list response keyed by e-mail. */
export function usersFile(vendor, plan, form) {
  const vid = (p) => ({
    pagerduty: 'P' + p.id.toUpperCase().replace(/[^A-Z0-9]/g, '') + '7',
    opsgenie: `og-${p.id}-uuid`,
    'grafana-oncall': 'U' + p.id.toUpperCase().replace(/[^A-Z0-9]/g, '') + 'X',
    goalert: `${hex(p.id)}-0000-4000-8000-${hex('u' + p.id)}0000`,
  }[vendor]);
  const people = plan.people;
  if (form === 'flat') {
    const o = {};
    for (const p of people) o[p.id] = vid(p);
    return { file: o, ids: Object.fromEntries(people.map((p) => [p.id, vid(p)])) };
  }
  const withMail = people.filter((p) => p.email);
  const ids = Object.fromEntries(withMail.map((p) => [p.id, vid(p)]));
  const mixCase = (e) => e.replace(/^./, (c) => c.toUpperCase());
  let file;
  if (vendor === 'pagerduty') file = { users: withMail.map((p) => ({ id: vid(p), type: 'user', email: mixCase(p.email), name: p.name })) };
  else if (vendor === 'opsgenie') file = { data: withMail.map((p) => ({ id: vid(p), username: mixCase(p.email), fullName: p.name })) };
  else if (vendor === 'grafana-oncall') file = { count: withMail.length, next: null, previous: null, results: withMail.map((p) => ({ id: vid(p), email: p.email, username: p.id })) };
  else file = { data: { users: { nodes: withMail.map((p) => ({ id: vid(p), name: p.name, email: mixCase(p.email) })) } } };
  return { file, ids };
}

export { parseDate };
