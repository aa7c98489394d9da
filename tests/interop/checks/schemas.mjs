// The vendor-document schemas are not vacuous: real exports validate (checked per export),
// and each of these breakages of a real export, all against interop.md or the vendor's
// documented shape (interop-research.md), must be rejected.
import { join } from 'node:path';
import { runOk } from '../lib/cli.mjs';
import { assert } from './common.mjs';

const MUTATIONS = {
  pagerduty: [
    ['wrong version', (d) => { d.rotaplan_pagerduty = 2; }],
    ['no losses', (d) => { delete d.losses; }],
    ['a loss without detail', (d) => { d.losses.push({ kind: 'hole', role: null, week: null, person: null }); }],
    ['a role that is none of primary/secondary/shadow', (d) => { d.schedules[0].role = 'tertiary'; }],
    ['schedule without time_zone', (d) => { delete d.schedules[0].body.schedule.time_zone; }],
    ['layer without rotation_virtual_start', (d) => { delete d.schedules[0].body.schedule.schedule_layers[0].rotation_virtual_start; }],
    ['user reference of another type', (d) => { d.schedules[0].body.schedule.schedule_layers[0].users[0].user.type = 'team_reference'; }],
    ['overrides not wrapped', (d) => { d.schedules[0].overrides = []; }],
  ],
  opsgenie: [
    ['wrong version', (d) => { d.rotaplan_opsgenie = 0; }],
    ['timeZone instead of timezone', (d) => { const b = d.schedules[0].body; b.timeZone = b.timezone; delete b.timezone; }],
    ['no rotations', (d) => { d.schedules[0].body.rotations = []; }],
    ['rotation type monthly', (d) => { d.schedules[0].body.rotations[0].type = 'monthly'; }],
    ['rotation without startDate', (d) => { delete d.schedules[0].body.rotations[0].startDate; }],
    ['a loss with a bad week', (d) => { d.losses.push({ kind: 'hole', role: null, week: 'next week', person: null, detail: 'A sentence a lead can act on.' }); }],
  ],
  'grafana-oncall': [
    ['wrong version', (d) => { d.rotaplan_grafana_oncall = 'one'; }],
    ['schedule type ical', (d) => { d.schedules[0].body.type = 'ical'; }],
    ['a shift start with an offset', (d) => { d.schedules[0].shifts[0].start += '+01:00'; }],
    ['a shift of type single_day', (d) => { d.schedules[0].shifts[0].type = 'single_day'; }],
    ['rolling_users not a list of lists', (d) => { const s = d.schedules[0].shifts.find((x) => x.type === 'rolling_users'); s.rolling_users = s.rolling_users.flat(); }],
    ['no escalation_chain', (d) => { delete d.escalation_chain; }],
  ],
  goalert: [
    ['wrong version', (d) => { d.rotaplan_goalert = 2; }],
    ['no temporarySchedule', (d) => { delete d.schedules[0].temporarySchedule; }],
    ['createSchedule without timeZone', (d) => { delete d.schedules[0].createSchedule.timeZone; }],
    ['rotation type yearly', (d) => { d.schedules[0].createSchedule.targets[0].newRotation.type = 'yearly'; }],
    ['a temporary shift without userID', (d) => { delete d.schedules[0].temporarySchedule.shifts[0].userID; }],
  ],
};

export function schemaTests(t, root, schemas) {
  const plan = join(root, 'tests/data/example.json');
  for (const [vendor, list] of Object.entries(MUTATIONS)) {
    t(`schema ${vendor}: rejects broken documents`, () => {
      const v = schemas.validator(vendor);
      assert(v, `no schema for ${vendor}`);
      const text = runOk(['export', plan, '--format', vendor]).stdout;
      assert(v(JSON.parse(text)), `the example plan's export is valid: ${schemas.errors(v)}`);
      const accepted = [];
      for (const [what, f] of list) {
        const d = JSON.parse(text);
        f(d);
        if (v(d)) accepted.push(what);
      }
      assert(!accepted.length, `accepted: ${accepted.join('; ')}`);
    });
  }
}
