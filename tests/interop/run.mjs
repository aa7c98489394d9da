#!/usr/bin/env node
// Independent checks of `rotaplan export --format pagerduty|opsgenie|grafana-oncall|goalert`
// and `rotaplan import --from …` (interop.md).
//
//   node tests/interop/run.mjs ROTAPLAN_CLI        (ROTAPLAN_INTEROP_ONLY=<part of a name> to filter)
//
// What is checked:
//   - readers: this suite's own reading of each vendor's semantics (tests/interop/vendors/,
//     written from interop.md and interop-research.md, never from the exporters' code),
//     first tested on hand-made documents in the vendors' documented shapes;
//   - exports of seeded generated plans (DST weeks in both hemispheres, :30/:45 offsets,
//     overrides single/several/overlapping, holes, unknown ids, shadows, :15 handoffs,
//     overrides past the span): `export --format json` is the reference (and is itself
//     compared with this suite's resolution of the plan), every vendor document is read
//     back by the reader and must put the plan's person on call at every instant of the
//     span, unless a listed loss explains it; the loss report (unmapped people, outside-span,
//     rounded-time); byte-stable output; the JSON Schemas under schemas/ (ajv, draft 2020-12);
//     escalation references; the natural shape (a plain round-robin is one rotation and no
//     override, deviating weeks cost at most their differing pieces, the rotation goes on
//     after the plan);
//   - imports: the same resolved shifts written as each vendor's read responses (PagerDuty
//     GET /schedules/{id} and /oncalls, Opsgenie timeline, Grafana final_shifts in one or
//     several pages, GoAlert shifts, iCalendar) -> `rotaplan import` -> `export --format json`
//     must give the same timelines instant by instant; weeks, holders and overrides by the
//     contract's timeline-to-weeks algorithm; holes, two-at-once and unnamed people reported;
//   - fixtures built from the vendors' documented examples (tests/data/interop/), with exact
//     expected plans;
//   - bad vendor files: exit 2 and one stderr line naming the file and the JSON pointer or
//     the ICS line.
// Why independent: the time-zone arithmetic is Node's Intl (ICU), not the C++ date/tz
// library; the readers, the response writers and the expected results are written here from
// the contract and the research notes, so a misunderstanding shared with the exporters'
// code cannot pass unnoticed.
//
// Prints "N passed, M failed"; exits 1 on any failure.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { setCli } from './lib/cli.mjs';
import { loadSchemas } from './checks/common.mjs';
import { selfTests } from './checks/selftest.mjs';
import { generatedExports } from './checks/plans.mjs';
import { generatedImports } from './checks/plans.mjs';
import { fixtureTests } from './checks/fixtures.mjs';
import { badFileTests } from './checks/badfiles.mjs';
import { schemaTests } from './checks/schemas.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const cli = process.argv[2];
if (!cli || cli === '--help' || cli === '-h' || !existsSync(cli)) {
  console.error('usage: node tests/interop/run.mjs ROTAPLAN_CLI');
  process.exit(2);
}
setCli(resolve(cli));

let passed = 0;
let failed = 0;
const only = process.env.ROTAPLAN_INTEROP_ONLY;
const started = Date.now();
function t(name, fn) {
  if (only && !name.includes(only)) return;
  try {
    fn();
    passed++;
    if (process.env.ROTAPLAN_INTEROP_VERBOSE) console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.message ? e.message : e}`);
    if (process.env.ROTAPLAN_INTEROP_VERBOSE && e?.stack) console.log(e.stack);
  }
}

let schemas;
t('schemas: one JSON Schema per vendor export under schemas/, compiled by ajv (draft 2020-12)', () => {
  schemas = loadSchemas(root);
  const missing = ['pagerduty', 'opsgenie', 'grafana-oncall', 'goalert'].filter((v) => !schemas.found[v]);
  if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
});
if (!schemas) schemas = loadSchemas(root);

selfTests(t);
schemaTests(t, root, schemas);
fixtureTests(t, root, schemas);
badFileTests(t, root);
generatedExports(t, schemas);
generatedImports(t);

console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
