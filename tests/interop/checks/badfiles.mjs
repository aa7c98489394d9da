// Bad vendor files (interop.md "Bad input"): exit 2 and one stderr line naming the file and
// the JSON pointer (or the ICS line); the -o file is left as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, writeTemp } from '../lib/cli.mjs';
import { assert, assertEq } from './common.mjs';

// "Not the vendor's shape" may be reported at the document itself: the root's pointer is the
// empty string, so "(line 1, column 1)", "/" or "(root)" right after the file name count.
const ROOT = Symbol('root');

// [file under tests/data/interop/bad, vendor, accepted pointers (prefixes) | {lines: [...]}]
const CASES = [
  ['pagerduty-end-before-start.json', 'pagerduty', ['/schedule/final_schedule/rendered_schedule_entries/3']],
  ['pagerduty-unknown-zone.json', 'pagerduty', ['/schedule/time_zone']],
  ['pagerduty-bad-date.json', 'pagerduty', ['/schedule/final_schedule/rendered_schedule_entries/1/start']],
  ['pagerduty-not-a-schedule.json', 'pagerduty', ['/schedule', '/oncalls', ROOT]],
  ['pagerduty-override-post-response.json', 'pagerduty', [ROOT]],
  ['opsgenie-end-before-start.json', 'opsgenie', ['/data/finalTimeline/rotations/0/periods/2']],
  ['opsgenie-not-a-timeline.json', 'opsgenie', ['/data/finalTimeline', ROOT]],
  ['grafana-pages-end-before-start.json', 'grafana-oncall', ['/1/results/2']],
  ['grafana-not-final-shifts.json', 'grafana-oncall', ['/results', ROOT]],
  ['goalert-unknown-zone.json', 'goalert', ['/data/schedule/timeZone']],
  ['goalert-end-before-start.json', 'goalert', ['/data/schedule/shifts/1']],
  ['ics-bad-dtstart.ics', 'ics', { lines: [17] }],
  ['ics-end-before-start.ics', 'ics', { lines: [25, 21, 24] }],
  ['ics-unterminated-event.ics', 'ics', { lines: [7, 13] }],
  ['ics-not-a-calendar.ics', 'ics', { lines: [1] }],
];

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function oneLine(res) {
  const lines = res.stderr.split('\n').filter((l) => l.length);
  assertEq(lines.length, 1, `one stderr line (got ${JSON.stringify(res.stderr)})`);
  return lines[0];
}

export function badFileTests(t, root) {
  const dir = join(root, 'tests/data/interop/bad');
  const good = {
    pagerduty: join(root, 'tests/data/interop/pagerduty/get-schedule-berlin-secondary.json'),
    opsgenie: join(root, 'tests/data/interop/opsgenie/timeline-secondary.json'),
    'grafana-oncall': join(root, 'tests/data/interop/grafana-oncall/final-shifts.json'),
    goalert: join(root, 'tests/data/interop/goalert/shifts.json'),
    ics: join(root, 'tests/data/interop/ics/oncall-primary.ics'),
  };
  for (const [name, vendor, want] of CASES) {
    // As the primary file, and (JSON cases) as the secondary beside a good primary.
    for (const as of vendor === 'ics' || name.includes('override-post') ? ['primary'] : ['primary', 'secondary']) {
      t(`bad file ${vendor} ${name} as --${as}`, () => {
        const file = join(dir, name);
        const out = writeTemp('untouched.json', 'SENTINEL');
        const args = ['import', '--from', vendor];
        if (as === 'primary') args.push('--primary', file);
        else args.push('--primary', good[vendor], '--secondary', file);
        if (vendor !== 'pagerduty' && vendor !== 'goalert') args.push('--timezone', 'Europe/Berlin');
        args.push('-o', out);
        const res = run(args);
        assertEq(res.code, 2, `exit status (stderr: ${res.stderr.trim()})`);
        const line = oneLine(res);
        assert(line.includes(file), `the line names the file ${file}: ${line}`);
        // The place comes right after "FILE: ", as for plans ("plan.json: /weeks/3/start …").
        const rest = line.slice(line.indexOf(file) + file.length).replace(/^:\s*/, '');
        if (Array.isArray(want)) {
          const ok = want.some((p) => (p === ROOT
            ? /^(\(line 1, column 1\)|\/(?=[\s:])|\(root\))/.test(rest)
            : new RegExp(`^${esc(p)}(?=$|[^0-9A-Za-z_])`).test(rest)));
          assert(ok, `the line names the JSON pointer ${want.map((p) => (p === ROOT ? '(root)' : p)).join(' or ')} after the file: ${line}`);
        } else if (want && want.lines) {
          assert(want.lines.some((n) => new RegExp(`^line ${n}\\b`, 'i').test(rest)), `the line names ICS line ${want.lines.join(' or ')} after the file: ${line}`);
        }
        assertEq(readFileSync(out, 'utf8'), 'SENTINEL', 'the -o file is left as it was');
      });
    }
  }
  t('bad input: a truncated JSON file names the file', () => {
    const text = readFileSync(good.pagerduty, 'utf8');
    const file = writeTemp('truncated.json', text.slice(0, Math.floor(text.length / 2)));
    const res = run(['import', '--from', 'pagerduty', '--primary', file]);
    assertEq(res.code, 2, 'exit status');
    assert(oneLine(res).includes(file), 'names the file');
    assertEq(res.stdout, '', 'nothing on standard output');
  });
  t('bad input: an unknown --timezone, an unknown --from, a bad --handoff, no --primary', () => {
    for (const args of [
      ['--from', 'opsgenie', '--primary', good.opsgenie, '--timezone', 'Europe/Atlantis'],
      ['--from', 'victorops', '--primary', good.opsgenie],
      ['--from', 'goalert', '--primary', good.goalert, '--handoff', 'someday@25:00'],
      ['--from', 'goalert'],
    ]) {
      const res = run(['import', ...args]);
      assertEq(res.code, 2, `rotaplan import ${args.join(' ')}: exit status`);
      oneLine(res);
    }
  });
  t('bad input: export --users with a file that is no user map names it', () => {
    const plan = join(root, 'tests/data/example.json');
    for (const [vendor, content] of [['pagerduty', '{"users": ['], ['opsgenie', '[1, 2, 3]'], ['grafana-oncall', '{"results": {"id": "UALICE00001"}}'], ['goalert', '{"alice": 42}']]) {
      const users = writeTemp('bad-users.json', content);
      const res = run(['export', plan, '--format', vendor, '--users', users]);
      assertEq(res.code, 2, `export --format ${vendor} --users ${content}: exit status`);
      assert(oneLine(res).includes(users), `names the users file: ${res.stderr.trim()}`);
      assertEq(res.stdout, '', 'nothing on standard output');
    }
  });
  t('bad input: a missing file names it', () => {
    const file = join(dir, 'no-such-file.json');
    const res = run(['import', '--from', 'goalert', '--primary', file]);
    assertEq(res.code, 2, 'exit status');
    assert(oneLine(res).includes(file), 'names the file');
  });
  void writeFileSync;
}
