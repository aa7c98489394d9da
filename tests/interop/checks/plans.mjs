// The generated plans and which checks each one gets.
import { generate, ZONES } from '../lib/gen.mjs';
import { checkVendorExport, VENDORS } from './export.mjs';
import { checkVendorImport, SOURCES } from './import.mjs';

const KINDS = ['plain', 'deviating', 'overrides', 'holes', 'unknown', 'mixed', 'gappy'];

/** The export plan set: every kind in every zone family, plus the edge cases by name. */
export function exportPlans() {
  const out = [];
  for (let i = 0; i < 28; i++) {
    const seed = 1000 + i;
    const kind = KINDS[i % KINDS.length];
    const zone = ZONES[i % ZONES.length];
    const natural = kind === 'plain' || kind === 'deviating' || kind === 'gappy' || kind === 'holes';
    const opts = { zone };
    if (natural) {
      opts.people = 3 + (i % 3);
      opts.weeks = 2 * opts.people + 5 + (i % 4);
    } else {
      opts.shadow = i % 4 === 2;
      opts.outside = i % 5 === 3;
      opts.gapWeek = i % 7 === 4;
      opts.contacts = i % 3 === 2;
    }
    if (i % 6 === 1) opts.e = 15;
    if (i % 8 === 5) opts.time = '09:15';
    out.push({ g: generate(seed, kind, opts), natural });
  }
  // Named edge cases.
  const named = [
    // A handoff that does not exist on spring-forward Sunday and occurs twice on fall-back Sunday.
    [2001, 'plain', { zone: 'America/New_York', weekday: 'sunday', time: '02:30', weeks: 40, people: 4 }, true],
    [2002, 'plain', { zone: 'America/New_York', weekday: 'sunday', time: '01:30', weeks: 40, people: 3 }, true],
    // Lord Howe's half-hour DST: 02:15 is skipped in October.
    [2003, 'deviating', { zone: 'Australia/Lord_Howe', weekday: 'sunday', time: '02:15', weeks: 30, people: 4 }, true],
    // :15 handoffs in a :45 zone and a :30 zone.
    [2004, 'plain', { zone: 'Asia/Kathmandu', weekday: 'monday', time: '09:15', weeks: 12, people: 3 }, true],
    [2005, 'plain', { zone: 'America/St_Johns', weekday: 'wednesday', time: '09:15', weeks: 14, people: 4 }, true],
    [2006, 'plain', { zone: 'Europe/Berlin', weekday: 'monday', time: '09:00', weeks: 60, people: 5 }, true],
    [2007, 'mixed', { zone: 'Australia/Sydney', weekday: 'friday', time: '17:30', weeks: 30, shadow: true, outside: true }, false],
    [2008, 'holes', { zone: 'Pacific/Chatham', weekday: 'tuesday', time: '00:00', weeks: 16, gapWeek: true }, false],
    // The first handoff itself skipped by DST (02:30 on 2026-03-29 reads 03:00), or repeated (2026-10-25).
    [2009, 'plain', { zone: 'Europe/Berlin', weekday: 'sunday', time: '02:30', start: '2026-03-29', weeks: 12, people: 3 }, true],
    [2010, 'deviating', { zone: 'Europe/Berlin', weekday: 'sunday', time: '02:30', start: '2026-10-25', weeks: 12, people: 4 }, true],
    [2011, 'gappy', { zone: 'America/New_York', weekday: 'sunday', time: '02:15', start: '2027-03-14', weeks: 11, people: 3 }, true],
  ];
  for (const [seed, kind, opts, natural] of named) out.push({ g: generate(seed, kind, opts), natural });
  return out;
}

export function generatedExports(t, schemas) {
  const forms = [null, 'flat', 'list'];
  exportPlans().forEach(({ g, natural }, i) => {
    VENDORS.forEach((vendor, j) => {
      const timelines = checkVendorExport(t, g, vendor, forms[(i + j) % 3], schemas, { natural });
      // The whole chain for one vendor a plan: export -> reader -> that vendor's read file -> import.
      if (j === i % VENDORS.length) {
        const v = { name: 'round trip from its export', giveZone: vendor === 'opsgenie' || vendor === 'grafana-oncall', timelines };
        if (timelines) checkVendorImport(t, g, vendor, v, 5000 + i);
        else t(`import ${vendor} seed ${g.meta.seed} (round trip from its export)`, () => { throw new Error('the export is not exact, so the round trip cannot start'); });
      }
    });
  });
}

/** Two at once: an extra entry of another person overlapping the middle of one piece. */
function overlapEdit(role, tl) {
  if (role !== 'primary' || tl.length < 3) return { tl, expect: {} };
  const p = tl[Math.floor(tl.length / 2)];
  const other = tl.find((x) => x.who[0] !== p.who[0]);
  const s = p.s + 24 * 3600000;
  const e = s + 6 * 3600000;
  return { tl: [...tl, { s, e, who: other.who }].sort((a, b) => a.s - b.s), expect: { overlap: [{ s, e }] } };
}
/** PagerDuty: an entry whose user the schedule's `users` does not list. */
function unnamedEdit(role, tl) {
  if (role !== 'secondary' || !tl.length) return { tl, expect: {} };
  return { tl, expect: { unnamed: true, style: { omitUser: tl[0].who[0] } } };
}

export function importCases() {
  const cases = [];
  for (let i = 0; i < 10; i++) {
    const seed = 3000 + i;
    const kind = KINDS[i % KINDS.length];
    const zone = ZONES[(i * 5) % ZONES.length];
    const g = generate(seed, kind, { zone, shadow: i % 3 === 1, weeks: 8 + (i % 5) * 2 });
    for (const vendor of SOURCES) {
      const v = { name: '' };
      if (vendor === 'pagerduty') Object.assign(v, i % 3 === 0 ? { style: { oncalls: true }, giveZone: true, name: 'oncalls' } : { style: { split: true, utc: i % 2 === 0 }, name: i % 2 ? 'split' : 'split, UTC' });
      if (vendor === 'opsgenie') Object.assign(v, { giveZone: true, style: { rotations: 1 + (i % 2) }, name: `${1 + (i % 2)} rotations` });
      if (vendor === 'grafana-oncall') Object.assign(v, { giveZone: true, style: { pageSize: i % 2 ? 4 : 0 }, name: i % 2 ? 'pages' : 'one page' });
      if (vendor === 'goalert') Object.assign(v, { giveHandoff: i % 4 === 3, name: i % 4 === 3 ? 'handoff given' : '' });
      if (vendor === 'ics') Object.assign(v, { giveZone: true, style: { icsShift: i } });
      cases.push({ g, vendor, v, seed: seed * 7 + vendor.length });
    }
  }
  const g = generate(3100, 'overrides', { zone: 'Europe/Berlin', weekday: 'monday', time: '09:00', weeks: 10 });
  for (const vendor of SOURCES) {
    cases.push({ g, vendor, v: { name: 'two at once', giveZone: true, edit: overlapEdit }, seed: 91 });
  }
  // PagerDuty's UI zone names (activesupport-time-zone, research §1.5 pitfall 4) are read as IANA.
  const rails = [['America/New_York', 'Eastern Time (US & Canada)'], ['Europe/Berlin', 'Berlin'],
    ['America/St_Johns', 'Newfoundland'], ['Asia/Kolkata', 'New Delhi'], ['Australia/Sydney', 'Sydney']];
  rails.forEach(([zone, zoneName], k) => {
    const gr = generate(3200 + k, 'plain', { zone, weekday: 'monday', time: '09:00', weeks: 9 });
    cases.push({ g: gr, vendor: 'pagerduty', v: { name: `time_zone "${zoneName}"`, style: { zoneName } }, seed: 93 + k });
  });
  const g2 = generate(3101, 'plain', { zone: 'America/Los_Angeles', weekday: 'thursday', time: '10:00', weeks: 10 });
  cases.push({ g: g2, vendor: 'pagerduty', v: { name: 'unnamed user', edit: unnamedEdit }, seed: 92 });
  return cases;
}

export function generatedImports(t) {
  for (const c of importCases()) checkVendorImport(t, c.g, c.vendor, c.v, c.seed);
}
