// Assertions, the loss-report shape, and the JSON Schemas of the vendor exports.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

export function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
export function assertEq(actual, expected, msg) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${msg}: got ${a}, expected ${b}`);
}

export const LOSS_KINDS = ['unmapped-person', 'rounded-time', 'unsupported', 'hole', 'outside-span'];
/** interop.md: {kind, role: "primary"|…|null, week: "YYYY-MM-DD"|null, person: id|null, detail}. */
export function checkLosses(losses, where) {
  assert(Array.isArray(losses), `${where}: an array`);
  losses.forEach((l, i) => {
    const w = `${where}/${i}`;
    assert(l && typeof l === 'object' && !Array.isArray(l), `${w}: an object`);
    for (const k of ['kind', 'role', 'week', 'person', 'detail']) assert(k in l, `${w}: has "${k}"`);
    assert(typeof l.kind === 'string' && /^[a-z]+(-[a-z]+)*$/.test(l.kind), `${w}/kind: ${JSON.stringify(l.kind)}`);
    assert(l.role === null || ['primary', 'secondary', 'shadow'].includes(l.role), `${w}/role: ${JSON.stringify(l.role)}`);
    assert(l.week === null || /^\d{4}-\d{2}-\d{2}$/.test(l.week), `${w}/week: ${JSON.stringify(l.week)}`);
    assert(l.person === null || (typeof l.person === 'string' && l.person.length > 0), `${w}/person: ${JSON.stringify(l.person)}`);
    assert(typeof l.detail === 'string' && l.detail.trim().length > 10 && !l.detail.includes('\n'), `${w}/detail: one sentence: ${JSON.stringify(l.detail)}`);
  });
}

/** Finds schemas/*.schema.json files for each vendor export (by the vendor's name in the file name). */
export function loadSchemas(root) {
  const dir = join(root, 'schemas');
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const found = {};
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  const key = { pagerduty: /pagerduty/, opsgenie: /opsgenie/, 'grafana-oncall': /grafana/, goalert: /goalert/ };
  for (const [vendor, re] of Object.entries(key)) {
    const f = names.find((n) => re.test(n));
    if (!f) continue;
    let validate;
    try {
      validate = ajv.compile(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    } catch (e) {
      const msg = `schemas/${f} does not compile: ${e.message}`;
      validate = () => {
        validate.errors = [{ instancePath: '', message: msg }];
        return false;
      };
    }
    found[vendor] = { file: join('schemas', f), validate };
  }
  return {
    found,
    validator: (vendor) => found[vendor]?.validate,
    errors: (v) => (v.errors || []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; '),
  };
}
