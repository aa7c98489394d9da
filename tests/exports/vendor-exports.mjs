// The vendor export documents (docs/interop.md) against their JSON Schemas
// (schemas/*-export.schema.json, draft 2020-12) with ajv, an independent validator:
// every plan of the corpus, each vendor, with and without --users; byte-stable; and the
// schemas refuse documents that break them (so they are not vacuous).
// Used by tests/exports/check-exports.mjs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const VENDORS = ['pagerduty', 'opsgenie', 'grafana-oncall', 'goalert'];

export function vendorValidators(ajv, root) {
  const out = {};
  for (const v of VENDORS) {
    const schema = JSON.parse(readFileSync(join(root, `schemas/${v}-export.schema.json`), 'utf8'));
    out[v] = ajv.compile(schema);
  }
  return out;
}

// A users file mapping every person of the plan (by e-mail where known) for `vendor`.
function usersFile(dir, vendor, plan) {
  const people = plan.people ?? [];
  let doc;
  if (vendor === 'pagerduty') doc = { users: people.filter((p) => p.email).map((p, i) => ({ id: `P${i}`, email: p.email })) };
  else if (vendor === 'opsgenie') doc = { data: people.filter((p) => p.email).map((p, i) => ({ id: `og-${i}`, username: p.email })) };
  else if (vendor === 'grafana-oncall') doc = { results: people.filter((p) => p.email).map((p, i) => ({ id: `U${i}`, email: p.email, username: p.id })) };
  else doc = Object.fromEntries(people.map((p, i) => [p.id, `uuid-${i}`]));
  const file = join(dir, `${vendor}-users.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

export function checkVendorExports({ file, label, plan, run, test, assert, ajv, validators }) {
  const dir = mkdtempSync(join(tmpdir(), 'rotaplan-vendor-'));
  try {
    for (const v of VENDORS) {
      for (const withUsers of [false, true]) {
        const args = ['export', file, '--format', v];
        if (withUsers) args.push('--users', usersFile(dir, v, plan));
        test(`${label}: ${v} export${withUsers ? ' with --users' : ''} matches ${v}-export.schema.json and is stable`, () => {
          const text = run(args);
          assert(text.endsWith('}\n'), 'no trailing newline');
          assert(text === run(args), 'the document differs between two runs');
          const doc = JSON.parse(text);
          if (!validators[v](doc)) throw new Error(ajv.errorsText(validators[v].errors));
          if (withUsers) {
            const mapped = new Set((plan.people ?? []).filter((p) => v === 'goalert' || p.email).map((p) => p.id));
            for (const l of doc.losses) assert(!(l.kind === 'unmapped-person' && mapped.has(l.person)), `${l.person} is mapped but reported`);
          }
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Each schema refuses documents that are not what it describes.
export function checkVendorSchemasRefuse({ file, run, test, assert, validators }) {
  const docs = Object.fromEntries(VENDORS.map((v) => [v, JSON.parse(run(['export', file, '--format', v]))]));
  const cases = [
    ['pagerduty', 'no losses', (d) => { delete d.losses; }],
    ['pagerduty', 'an unknown loss kind', (d) => { d.losses.push({ kind: 'lost', role: null, week: null, person: null, detail: 'x' }); }],
    ['pagerduty', 'a layer without users', (d) => { d.schedules[0].body.schedule.schedule_layers[0].users = []; }],
    ['pagerduty', 'a time without offset', (d) => { d.schedules[0].body.schedule.schedule_layers[0].start = '2026-11-30T09:00:00'; }],
    ['pagerduty', 'an unknown target type', (d) => { d.escalation_policy.escalation_policy.escalation_rules[0].targets[0].type = 'team'; }],
    ['opsgenie', 'a rotation at :15', (d) => { d.schedules[0].body.rotations[0].startDate = '2026-11-30T09:15:00-05:00'; }],
    ['opsgenie', 'no rotation', (d) => { d.schedules[0].body.rotations = []; }],
    ['opsgenie', 'an alias of another shape', (d) => { d.schedules[0].overrides[0].alias = 'x1'; }],
    ['grafana-oncall', 'a start with an offset', (d) => { d.schedules[0].shifts[0].start = '2026-11-30T09:00:00-05:00'; }],
    ['grafana-oncall', 'a wait under a minute', (d) => { d.escalation_policies[1].duration = 30; }],
    ['grafana-oncall', 'a schedule of type web', (d) => { d.schedules[0].body.type = 'web'; }],
    ['goalert', 'a weekday filter of six days', (d) => { d.schedules[0].createSchedule.targets[0].rules[0].weekdayFilter.pop(); }],
    ['goalert', 'a step without actions', (d) => { d.escalationPolicy.steps[0].actions = []; }],
    ['goalert', 'an extra member', (d) => { d.schedules[0].temporarySchedule.clearStart = true; }],
  ];
  for (const [v, name, mutate] of cases) {
    test(`${v}-export.schema.json refuses ${name}`, () => {
      const d = JSON.parse(JSON.stringify(docs[v]));
      assert(validators[v](d), 'the unchanged document does not validate');
      mutate(d);
      assert(!validators[v](d), 'the schema accepts it');
    });
  }
}
