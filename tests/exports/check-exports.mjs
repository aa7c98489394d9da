#!/usr/bin/env node
// Independent checks of `rotaplan export` (interfaces.md "Exports").
//
//   node tests/exports/check-exports.mjs ROTAPLAN_CLI [PLAN_DIR_OR_FILE ...]
//
// Without plan arguments it checks tests/data/exports/*.json and tests/data/example.json.
// For every plan:
//   - the plan validates against schemas/plan.schema.json (ajv, draft 2020-12);
//   - the JSON export validates against schemas/export.schema.json, is byte-identical on a
//     second run, has shifts sorted by start then role, no overlapping pieces of one role,
//     and every RFC 3339 offset equals the team zone's offset at that instant (Intl/ICU);
//   - the ICS export (TZID + VTIMEZONE, --utc, and --person for each person with shifts)
//     is parsed with ical.js: the VTIMEZONE is registered with ICAL.TimezoneService and
//     every event's start/end instants must equal the JSON shifts; SUMMARY must round-trip
//     the names (no injection); raw text must be CRLF, folded at 75 octets;
//   - the CSV export is parsed with an RFC 4180 parser and compared row by row with the
//     JSON shifts (formula, TAB and CR cells defused with a leading '; bidi controls and
//     line separators stripped);
//   - the Markdown export has the table header and one row per week, then the contacts;
//   - the vendor documents (pagerduty, opsgenie, grafana-oncall, goalert) validate against
//     schemas/*-export.schema.json, with and without --users (tests/exports/vendor-exports.mjs).
// Prints "N passed, N failed"; exits 1 on any failure.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import ICAL from 'ical.js';
import { checkVendorExports, checkVendorSchemasRefuse, vendorValidators } from './vendor-exports.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const STAMP = '2026-11-27T00:00:00Z';

const cli = process.argv[2];
if (!cli || cli === '--help' || cli === '-h') {
  console.error('usage: node tests/exports/check-exports.mjs ROTAPLAN_CLI [PLAN_DIR_OR_FILE ...]');
  process.exit(2);
}

function planFiles(args) {
  const inputs = args.length
    ? args
    : [join(root, 'tests/data/exports'), join(root, 'tests/data/example.json')];
  const files = [];
  for (const p of inputs) {
    if (!existsSync(p)) continue;
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) if (f.endsWith('.json')) files.push(join(p, f));
    } else {
      files.push(p);
    }
  }
  return files;
}

// ------------------------------------------------------------------ bookkeeping
let passed = 0;
let failed = 0;
function test(name, fn) {
  try {
    fn();
    passed++;
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.message ? e.message : e}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
function assertEq(actual, expected, msg) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${msg}: got ${a}, expected ${b}`);
}

function run(args) {
  return execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

// ------------------------------------------------------------------ time helpers (ICU)
const fmtCache = new Map();
function zoneOffsetMinutes(zone, ms) {
  let f = fmtCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    fmtCache.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60000);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2}))$/;
function parseRfc3339(s) {
  const m = RFC3339.exec(s);
  if (!m) throw new Error(`not RFC 3339: ${s}`);
  const local = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  const off = m[7] === 'Z' ? 0 : (m[8] === '-' ? -1 : 1) * (+m[9] * 60 + +m[10]);
  return { ms: local - off * 60000, offset: off };
}

const ROLE_ORDER = { primary: 0, secondary: 1, shadow: 2 };

// ------------------------------------------------------------------ CSV (RFC 4180)
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += c; i++; continue;
    }
    if (c === '"' && !fieldStarted) { quoted = true; fieldStarted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; fieldStarted = false; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; fieldStarted = false; i += 2; continue;
    }
    if (c === '"' || c === '\r' || c === '\n') throw new Error(`bad CSV character at offset ${i}`);
    field += c; fieldStarted = true; i++;
  }
  if (quoted) throw new Error('unterminated quoted CSV field');
  if (fieldStarted || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}
// Bidirectional controls dropped, line separators made spaces (Trojan Source); then a
// leading formula character, TAB or CR defused (OWASP).
function unspoofed(s) {
  return s.replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '').replace(/[\u2028\u2029\u0085]/g, ' ');
}
function defuse(s) {
  const t = unspoofed(s);
  return /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
}

// The TZID a calendar gets for a team zone: "EST" is America/New_York (plan-format.md), a
// legacy link its zone (the system's tzdata.zi "L TARGET NAME" lines).
const zoneLinks = new Map();
try {
  for (const line of readFileSync('/usr/share/zoneinfo/tzdata.zi', 'utf8').split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length === 3 && parts[0] === 'L') zoneLinks.set(parts[2], parts[1]);
  }
} catch { /* no tzdata.zi: names as written */ }
function tzidOf(zone) {
  return zone === 'EST' ? 'America/New_York' : zoneLinks.get(zone) ?? zone;
}

// ------------------------------------------------------------------ ICS raw checks
function checkIcsRaw(text) {
  assert(text.endsWith('\r\n'), 'ICS does not end with CRLF');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') assert(i > 0 && text[i - 1] === '\r', `bare LF at ${i}`);
    if (text[i] === '\r') assert(text[i + 1] === '\n', `bare CR at ${i}`);
  }
  const lines = text.slice(0, -2).split('\r\n');
  for (const l of lines) {
    const octets = Buffer.byteLength(l, 'utf8');
    assert(octets <= 75, `line longer than 75 octets (${octets}): ${l}`);
    assert(!l.includes('\uFFFD'), `line with a broken UTF-8 sequence: ${l}`);
  }
  // Each physical line must be valid UTF-8 on its own (no split sequence).
  const buf = Buffer.from(text, 'utf8');
  let start = 0;
  for (let i = 0; i + 1 < buf.length; i++) {
    if (buf[i] === 0x0d && buf[i + 1] === 0x0a) {
      const piece = buf.subarray(start, i);
      assert(Buffer.from(piece.toString('utf8'), 'utf8').equals(piece), 'a folded line splits a UTF-8 sequence');
      start = i + 2;
    }
  }
  return lines;
}

// The name as iCalendar TEXT can carry it: CR and other control characters (except TAB
// and LF) dropped.
function icsTextOf(s) {
  // eslint-disable-next-line no-control-regex
  return unspoofed(s).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

// ------------------------------------------------------------------ checks per plan
const ajv = new Ajv2020({ allErrors: true, strict: true });
const planSchema = JSON.parse(readFileSync(join(root, 'schemas/plan.schema.json'), 'utf8'));
const exportSchema = JSON.parse(readFileSync(join(root, 'schemas/export.schema.json'), 'utf8'));
const validatePlan = ajv.compile(planSchema);
const validateExport = ajv.compile(exportSchema);
const validateVendor = vendorValidators(ajv, root);   // schemas/*-export.schema.json (docs/interop.md)

function checkIcs(file, plan, exp, opts) {
  const args = ['export', file, '--format', 'ics', '--stamp', STAMP];
  if (opts.utc) args.push('--utc');
  if (opts.person) args.push('--person', opts.person);
  const text = run(args);
  assert(text === run(args), 'ICS differs between two runs');
  const lines = checkIcsRaw(text);
  const teamZone = exp.team.timezone;
  const names = new Map(exp.people.map((p) => [p.id, p.name]));
  const want = exp.shifts.filter((s) => !opts.person || s.person === opts.person);

  assertEq(lines.filter((l) => l === 'BEGIN:VEVENT').length, want.length, 'BEGIN:VEVENT lines');
  assertEq(lines.filter((l) => l === 'END:VEVENT').length, want.length, 'END:VEVENT lines');

  ICAL.TimezoneService.reset();
  const cal = new ICAL.Component(ICAL.parse(text));
  assertEq(cal.name, 'vcalendar', 'root component');
  assertEq(cal.getFirstPropertyValue('version'), '2.0', 'VERSION');
  assertEq(cal.getFirstPropertyValue('prodid'), '-//Rotaplan//Rotaplan 0.1//EN', 'PRODID');
  const zones = cal.getAllSubcomponents('vtimezone');
  const tzids = new Set();
  for (const vtz of zones) {
    const tz = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(tz, tz.tzid);
    tzids.add(tz.tzid);
  }
  const utcOnly = opts.utc || /^(Etc\/)?(UTC|UCT|Universal|Zulu|GMT|GMT0|GMT\+0|GMT-0|Greenwich)$/.test(teamZone);
  if (utcOnly) assertEq(zones.length, 0, 'VTIMEZONE count with UTC times');
  else if (want.length) assertEq([...tzids], [tzidOf(teamZone)], 'VTIMEZONE TZIDs');

  const events = cal.getAllSubcomponents('vevent');
  assertEq(events.length, want.length, 'VEVENT count');
  const uids = new Set();
  events.forEach((ve, i) => {
    const ev = new ICAL.Event(ve);
    const s = want[i];
    const where = `event ${i} (${s.week} ${s.role} ${s.person})`;
    assert(ev.uid && !uids.has(ev.uid), `${where}: UID missing or repeated: ${ev.uid}`);
    uids.add(ev.uid);
    for (const prop of ['dtstart', 'dtend']) {
      const p = ve.getFirstProperty(prop);
      const tzid = p.getParameter('tzid');
      if (tzid) {
        assert(!utcOnly, `${where}: ${prop} has TZID in UTC mode`);
        assert(tzids.has(tzid), `${where}: ${prop} TZID ${tzid} has no VTIMEZONE`);
      } else {
        assert(p.getFirstValue().zone === ICAL.Timezone.utcTimezone, `${where}: ${prop} is floating`);
      }
    }
    assertEq(ev.startDate.toUnixTime(), parseRfc3339(s.start).ms / 1000, `${where}: start instant`);
    assertEq(ev.endDate.toUnixTime(), parseRfc3339(s.end).ms / 1000, `${where}: end instant`);
    const name = names.has(s.person) ? names.get(s.person) : s.person;
    assertEq(ev.summary, icsTextOf(`${exp.team.name} on-call: ${s.role} (${name})`), `${where}: SUMMARY`);
    assertEq(ve.getFirstPropertyValue('dtstamp').toString(), '2026-11-27T00:00:00Z', `${where}: DTSTAMP`);
  });
  return uids;
}

function checkPlan(file) {
  const label = basename(file);
  let plan;
  test(`${label}: plan is JSON`, () => {
    plan = JSON.parse(readFileSync(file, 'utf8'));
  });
  if (!plan) return;

  test(`${label}: plan matches plan.schema.json`, () => {
    if (!validatePlan(plan)) throw new Error(ajv.errorsText(validatePlan.errors));
  });

  checkVendorExports({ file, label, plan, run, test, assert, ajv, validators: validateVendor });

  let exp;
  test(`${label}: JSON export matches export.schema.json and is stable`, () => {
    const text = run(['export', file, '--format', 'json']);
    assert(text.endsWith('}\n'), 'no trailing newline');
    assert(text === run(['export', file, '--format', 'json']), 'JSON differs between two runs');
    exp = JSON.parse(text);
    if (!validateExport(exp)) throw new Error(ajv.errorsText(validateExport.errors));
  });
  if (!exp) return;

  test(`${label}: JSON shifts sorted, non-overlapping, offsets of the team zone`, () => {
    const zone = exp.team.timezone;
    const check = (t) => {
      const { ms, offset } = parseRfc3339(t);
      assertEq(offset, zoneOffsetMinutes(zone, ms), `offset of ${t} in ${zone}`);
      return ms;
    };
    let prev = null;
    const lastEnd = {};
    for (const s of exp.shifts) {
      const a = check(s.start);
      const b = check(s.end);
      assert(a < b, `shift ${JSON.stringify(s)} is empty`);
      const key = [a, ROLE_ORDER[s.role]];
      if (prev) assert(prev[0] < key[0] || (prev[0] === key[0] && prev[1] <= key[1]), `shifts out of order at ${s.start} ${s.role}`);
      prev = key;
      if (s.role !== 'shadow') {
        assert(!(lastEnd[s.role] > a), `overlapping ${s.role} pieces at ${s.start}`);
        lastEnd[s.role] = Math.max(lastEnd[s.role] ?? -Infinity, b);
      }
    }
    for (const e of exp.escalation) {
      assert(check(e.start) < check(e.end), `escalation week ${e.week} is empty`);
    }
    assertEq(Object.keys(exp.policy.severities).slice(0, 4), ['P0', 'P1', 'P2', 'P3'], 'severities');
    for (const p of plan.people) {
      const q = exp.people.find((x) => x.id === p.id);
      assert(q, `person ${p.id} missing`);
      assertEq(q.timezone, p.timezone ?? plan.team.timezone, `timezone of ${p.id}`);
    }
  });

  test(`${label}: ICS with TZID/VTIMEZONE equals the JSON instants (ical.js)`, () => {
    checkIcs(file, plan, exp, {});
  });
  test(`${label}: ICS in UTC equals the JSON instants (ical.js)`, () => {
    checkIcs(file, plan, exp, { utc: true });
  });
  const withShifts = [...new Set(exp.shifts.map((s) => s.person))].filter((id) => exp.people.some((p) => p.id === id));
  test(`${label}: ICS --person for ${withShifts.length} people, same UIDs as the full calendar`, () => {
    const all = checkIcs(file, plan, exp, {});
    for (const id of withShifts) {
      for (const uid of checkIcs(file, plan, exp, { person: id })) assert(all.has(uid), `UID ${uid} of --person ${id} not in the full calendar`);
    }
  });

  test(`${label}: CSV rows equal the JSON shifts (RFC 4180)`, () => {
    const text = run(['export', file, '--format', 'csv']);
    assert(text === run(['export', file, '--format', 'csv']), 'CSV differs between two runs');
    const rows = parseCsv(text);
    assertEq(rows[0], ['week', 'role', 'person', 'name', 'start', 'end', 'source'], 'header');
    assertEq(rows.length - 1, exp.shifts.length, 'row count');
    const names = new Map(exp.people.map((p) => [p.id, p.name]));
    exp.shifts.forEach((s, i) => {
      const name = names.has(s.person) ? names.get(s.person) : s.person;
      const want = [s.week, s.role, s.person, name, s.start, s.end, s.source].map(defuse);
      assertEq(rows[i + 1], want, `row ${i + 1}`);
    });
    for (const r of rows) for (const c of r) assert(!/^[=+\-@\t\r]/.test(c), `formula cell ${JSON.stringify(c)}`);
    assert(!/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029\u0085]/.test(text), 'a bidi control or line separator in the CSV');
  });

  test(`${label}: Markdown table and contacts`, () => {
    const text = run(['export', file, '--format', 'md']);
    assert(text === run(['export', file, '--format', 'md']), 'Markdown differs between two runs');
    const lines = text.split('\n');
    assert(lines[0].startsWith('# ') && lines[0].endsWith(' on-call rotation'), `heading: ${lines[0]}`);
    const h = lines.indexOf('| Week | Primary On-Call | Secondary On-Call | Escalation |');
    assert(h > 0, 'table header missing');
    assertEq(lines[h + 1], '| --- | --- | --- | --- |', 'table delimiter row');
    const rows = [];
    for (let i = h + 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i]);
    assertEq(rows.length, (plan.weeks ?? []).length, 'table rows');
    for (const r of rows) {
      // Unescaped pipes only as cell borders: 5 per row.
      const borders = r.replace(/\\./g, '').split('|').length - 1;
      assertEq(borders, 5, `cell borders in ${r}`);
    }
    const weeks = [...(plan.weeks ?? [])].map((w) => w.start).sort();
    rows.forEach((r, i) => assert(r.startsWith(`| ${weeks[i]} `), `row ${i} is not the week of ${weeks[i]}: ${r}`));
    assert(lines.includes('## Contacts'), 'contacts section missing');
  });
}

// ------------------------------------------------------------------ schema vs reader
// The plan schema must accept every plan the reader accepts; for plain type, enum and
// pattern mistakes it must refuse what the reader refuses.
function readerAccepts(text) {
  try {
    execFileSync(cli, ['check', '-', '--json'], { input: text, stdio: ['pipe', 'pipe', 'pipe'] });
    return true;
  } catch (e) {
    if (e.status === 1) return true; // read fine, the check found errors
    if (e.status === 2) return false;
    throw e;
  }
}

function allJson(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...allJson(p));
    else if (f.endsWith('.json')) out.push(p);
  }
  return out;
}

function checkSchemaAgainstReader(base) {
  const clone = () => JSON.parse(JSON.stringify(base));
  const accepted = [
    ['unknown fields everywhere', (p) => {
      p.x_tool = { any: [1, 2] }; p.team.x = 1; p.people[0].x = null; p.weeks[0].x = 'y';
      p.policy = p.policy ?? {}; p.policy.x = true; p.policy.handoff = { weekday: 'monday', x: 1 };
      p.policy.severities = { P0: { x: 1 }, P9: 'kept as written' };
      p.contacts = { ...(p.contacts ?? {}), x: 'y' };
    }],
    ['nulls for optional members', (p) => {
      p.contacts = { engineering_lead: null, cto: null, security: null };
      p.people[0].email = null; p.people[0].timezone = null; p.people[0].on_call = null;
      p.weeks[0].secondary = null; p.weeks[0].note = null; p.weeks[0].emergency = null;
      p.compensation = null; p.requests = null; p.time_off = null;
      p.policy = { handoff: null, business_hours: { days: null }, holidays: null,
                   severities: { P2: { escalate_every_minutes: null, ack_minutes: null } } };
    }],
    ['minimal plan', () => ({ rotaplan: 1, team: { name: 'T', timezone: 'UTC' }, people: [{ id: 'a', name: 'A' }] })],
    ['date-times with seconds, Z and offsets', (p) => {
      p.overrides = [
        { role: 'primary', person: p.people[0].id, from: '2026-12-02T18:00:30', to: '2026-12-02T23:30Z' },
        { role: 'secondary', person: p.people[0].id, from: '2026-12-03T01:00+05:30', to: '2026-12-03T02:00:00-05:00' },
      ];
    }],
  ];
  const refused = [
    ['rotaplan 2', (p) => { p.rotaplan = 2; }],
    ['missing team', (p) => { delete p.team; }],
    ['empty people', (p) => { p.people = []; }],
    ['person id with capitals', (p) => { p.people[0].id = 'Alice'; }],
    ['name not a string', (p) => { p.people[0].name = 5; }],
    ['week start not a date', (p) => { p.weeks[0].start = '2026-13-01'; }],
    ['weekday unknown', (p) => { p.policy = { handoff: { weekday: 'funday' } }; }],
    ['handoff time 24:00', (p) => { p.policy = { handoff: { time: '24:00' } }; }],
    ['no_consecutive unknown', (p) => { p.policy = { no_consecutive: 'all' }; }],
    ['coverage unknown', (p) => { p.policy = { severities: { P1: { coverage: 'always' } } }; }],
    ['escalate_every_minutes 0', (p) => { p.policy = { severities: { P0: { escalate_every_minutes: 0 } } }; }],
    ['override role shadow', (p) => { p.overrides = [{ role: 'shadow', person: 'x', from: '2026-12-02T18:00', to: '2026-12-03T09:00' }]; }],
    ['override date-time without time', (p) => { p.overrides = [{ role: 'primary', person: 'x', from: '2026-12-02', to: '2026-12-03T09:00' }]; }],
    ['request type unknown', (p) => { p.requests = [{ id: 'r', type: 'trade', submitted: '2026-11-01', by: 'a', week: '2026-11-30', role: 'primary', with: 'b' }]; }],
    ['request status unknown', (p) => { p.requests = [{ id: 'r', type: 'swap', submitted: '2026-11-01', by: 'a', week: '2026-11-30', role: 'primary', with: 'b', status: 'done' }]; }],
    ['emergency not boolean', (p) => { p.weeks[0].emergency = 'yes'; }],
    ['negative pay', (p) => { p.compensation = { primary_weekly: -1 }; }],
  ];
  for (const [name, mutate] of accepted) {
    test(`plan schema accepts what the reader accepts: ${name}`, () => {
      const p = clone();
      const q = mutate(p) ?? p;
      const text = JSON.stringify(q);
      assert(readerAccepts(text), 'the reader refuses it (test plan is wrong)');
      if (!validatePlan(q)) throw new Error(ajv.errorsText(validatePlan.errors));
    });
  }
  for (const [name, mutate] of refused) {
    test(`plan schema refuses what the reader refuses: ${name}`, () => {
      const p = clone();
      const q = mutate(p) ?? p;
      assert(!readerAccepts(JSON.stringify(q)), 'the reader accepts it (test plan is wrong)');
      assert(!validatePlan(q), 'the schema accepts it');
    });
  }
  const corpus = allJson(join(root, 'tests/data'));
  test(`plan schema accepts every readable plan under tests/data (${corpus.length} files)`, () => {
    const bad = [];
    for (const f of corpus) {
      const text = readFileSync(f, 'utf8');
      let doc;
      try { doc = JSON.parse(text); } catch { continue; }
      if (readerAccepts(text) && !validatePlan(doc)) bad.push(`${f}: ${ajv.errorsText(validatePlan.errors)}`);
    }
    assert(!bad.length, bad.join('\n'));
  });
}

// ------------------------------------------------------------------ calendars that update
// docs/changes.md "Calendars that update": a calendar that imported an earlier file and
// imports a later one (events replaced when their SEQUENCE is higher, removed when
// CANCELLED, as RFC 5546 and the calendar applications do) must hold exactly the plan's
// current shifts: no stale event after a swap, before or after publishing.
function importInto(store, text) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const vtz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  for (const ve of comp.getAllSubcomponents('vevent')) {
    const ev = new ICAL.Event(ve);
    const uid = ev.uid;
    const seq = Number(ve.getFirstPropertyValue('sequence'));
    assert(Number.isInteger(seq) && seq >= 0, `${uid}: SEQUENCE missing or not a number`);
    const status = ve.getFirstPropertyValue('status');
    const old = store.get(uid);
    const item = { seq, summary: ev.summary, start: ev.startDate.toJSDate().getTime(), end: ev.endDate.toJSDate().getTime() };
    if (old) {
      const same = old.summary === item.summary && old.start === item.start && old.end === item.end;
      if (status === 'CANCELLED') assert(seq > old.seq, `${uid}: cancelled with SEQUENCE ${seq}, not above ${old.seq}`);
      else if (!same) assert(seq > old.seq, `${uid}: changed but SEQUENCE ${seq} is not above ${old.seq}`);
      else if (seq < old.seq) throw new Error(`${uid}: SEQUENCE went down`);
    }
    if (status === 'CANCELLED') store.delete(uid);
    else if (!old || seq >= old.seq) store.set(uid, item);
  }
  return store;
}

function checkCalendarUpdates() {
  const tmp = mkdtempSync(join(tmpdir(), 'rotaplan-ics-'));
  const base = join(root, 'tests/data/example.json');
  const pub1 = join(tmp, 'pub1.json');
  run(['publish', base, '--today', '2026-11-20', '-o', pub1]);
  // r1 applied by hand: alice (primary 2026-11-30) and carol (primary 2026-12-07) swap.
  const swapped = JSON.parse(readFileSync(pub1, 'utf8'));
  swapped.weeks[0].primary = 'carol';
  swapped.weeks[1].primary = 'alice';
  swapped.requests.find((r) => r.id === 'r1').status = 'applied';
  const edited = join(tmp, 'edited.json');
  writeFileSync(edited, JSON.stringify(swapped, null, 2));
  const pub2 = join(tmp, 'pub2.json');
  run(['publish', edited, '--today', '2026-11-21', '--force', '-o', pub2]);  // r1 makes alice consecutive: forced
  // ... and swapped back, published again.
  const back = JSON.parse(readFileSync(pub2, 'utf8'));
  back.weeks[0].primary = 'alice';
  back.weeks[1].primary = 'carol';
  const edited3 = join(tmp, 'edited3.json');
  writeFileSync(edited3, JSON.stringify(back, null, 2));
  const ics = (plan, person) => run(['export', plan, '--format', 'ics', '--stamp', STAMP, ...(person ? ['--person', person] : [])]);
  const shiftsOf = (plan, person) => JSON.parse(run(['export', plan, '--format', 'json'])).shifts
    .filter((s) => !person || s.person === person)
    .map((s) => `${Date.parse(s.start)}-${Date.parse(s.end)}`).sort();
  const held = (store) => [...store.values()].map((e) => `${e.start}-${e.end}`).sort();

  for (const person of [null, 'alice', 'carol']) {
    const who = person || 'team';
    test(`calendar update (${who}): export after the swap, before publishing: no stale event`, () => {
      const store = importInto(new Map(), ics(pub1, person));
      importInto(store, ics(edited, person));
      assertEq(held(store), shiftsOf(edited, person), 'events after re-import');
    });
    test(`calendar update (${who}): publish, then export: no stale event`, () => {
      const store = importInto(new Map(), ics(pub1, person));
      importInto(store, ics(pub2, person));
      assertEq(held(store), shiftsOf(pub2, person), 'events after re-import');
    });
    test(`calendar update (${who}): a second publish raises SEQUENCE again`, () => {
      const store = importInto(new Map(), ics(pub1, person));
      importInto(store, ics(pub2, person));
      importInto(store, ics(edited3, person));
      assertEq(held(store), shiftsOf(edited3, person), 'events after the third import');
    });
  }
  test('calendar update: the UID names week, role and piece; the swap keeps UIDs, raises SEQUENCE, cancels for alice', () => {
    const events = (text) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((ve) => ({
      uid: ve.getFirstPropertyValue('uid'), seq: ve.getFirstPropertyValue('sequence'),
      status: ve.getFirstPropertyValue('status'), summary: ve.getFirstPropertyValue('summary') }));
    const before = events(ics(pub1, null));
    const after = events(ics(pub2, null));
    assertEq(after.map((e) => e.uid).sort(), before.map((e) => e.uid).sort(), 'team calendar UIDs');
    for (const e of [...before, ...after]) assert(/^\d{4}-\d\d-\d\d-(primary|secondary|shadow)-\d+\.platform@rotaplan$/.test(e.uid), `UID ${e.uid}`);
    const first = (list) => list.find((e) => e.uid === '2026-11-30-primary-1.platform@rotaplan');
    assertEq([first(before).seq, first(before).summary], [0, 'Platform on-call: primary (Alice Ng)'], 'before');
    assertEq([first(after).seq, first(after).summary], [1, 'Platform on-call: primary (Carol Diaz)'], 'after');
    const alice = events(ics(pub2, 'alice'));
    const cancelled = alice.filter((e) => e.status === 'CANCELLED').map((e) => [e.uid, e.seq]);
    assertEq(cancelled, [['2026-11-30-primary-1.platform@rotaplan', 1], ['2026-11-30-primary-3.platform@rotaplan', 1]], 'alice cancelled');
    const gained = alice.find((e) => e.uid === '2026-12-07-primary-1.platform@rotaplan');
    assert(gained && gained.seq === 1 && gained.status == null, 'alice gains the week of 2026-12-07 with SEQUENCE 1');
    const third = events(ics(edited3, null));
    assertEq(first(third).seq, 2, 'swapped back after the second publish');
  });
  test('calendar update: a published plan still matches plan.schema.json', () => {
    for (const f of [pub1, pub2]) {
      const doc = JSON.parse(readFileSync(f, 'utf8'));
      if (!validatePlan(doc)) throw new Error(`${f}: ${ajv.errorsText(validatePlan.errors)}`);
    }
  });
}

const files = planFiles(process.argv.slice(3));
if (!files.length) {
  console.error('no plan files found');
  process.exit(2);
}
for (const f of files) checkPlan(f);
const example = join(root, 'tests/data/example.json');
checkSchemaAgainstReader(JSON.parse(readFileSync(existsSync(example) ? example : files[0], 'utf8')));
checkVendorSchemasRefuse({ file: existsSync(example) ? example : files[0], run, test, assert, validators: validateVendor });
if (!process.argv[3]) checkCalendarUpdates();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
