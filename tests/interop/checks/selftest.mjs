// The readers' own tests: hand-made documents in the vendors' documented shapes (the
// research file's examples), with the answers worked out by hand from the semantics, so a
// reader that is wrong fails here before it judges an exporter.
import { evaluateSchedule as pd } from '../vendors/pagerduty.mjs';
import { evaluateSchedule as og } from '../vendors/opsgenie.mjs';
import { evaluateSchedule as gf } from '../vendors/grafana.mjs';
import { evaluateSchedule as ga } from '../vendors/goalert.mjs';
import { ShapeError } from '../vendors/common.mjs';
import { valueAt } from '../lib/timeline.mjs';
import { parseInstant } from '../lib/tz.mjs';
import { assert, assertEq } from './common.mjs';

const W = (s) => parseInstant(s);
const FROM = W('2024-12-01T00:00:00Z');
const TO = W('2025-12-01T00:00:00Z');
const pdUser = (ref) => ref.id;
const ogUser = (ref) => ref.username ?? ref.id;
const plain = (x) => x;

function expectAt(tl, when, who, what) {
  assertEq(valueAt(tl, W(when)), who, `${what} at ${when}`);
}
function throwsShape(fn, what) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ShapeError) return;
    throw e;
  }
  throw new Error(`${what}: accepted`);
}

const ref = (id) => ({ user: { id, type: 'user_reference' } });
function pdLayer(extra = {}) {
  return {
    name: 'Layer 1', start: '2025-01-06T09:00:00+01:00', end: null,
    rotation_virtual_start: '2025-01-06T09:00:00+01:00', rotation_turn_length_seconds: 604800,
    users: [ref('PALICE1'), ref('PBOB002'), ref('PCAROL3')], restrictions: [], ...extra,
  };
}
function pdDoc(layers, overrides = []) {
  return { role: 'primary', body: { schedule: { type: 'schedule', name: 'payments – primary', time_zone: 'Europe/Berlin', schedule_layers: layers } }, overrides: { overrides } };
}

export function selfTests(t) {
  t('reader pagerduty: research example layer, wall-clock turns across DST', () => {
    const { timeline } = pd(pdDoc([pdLayer()]), FROM, TO, pdUser, '');
    expectAt(timeline, '2025-01-06T08:59:00+01:00', [], 'before the layer');
    expectAt(timeline, '2025-01-06T09:00:00+01:00', ['PALICE1'], 'turn 0');
    expectAt(timeline, '2025-01-13T09:00:00+01:00', ['PBOB002'], 'turn 1');
    expectAt(timeline, '2025-03-31T08:59:00+02:00', ['PCAROL3'], 'turn 11 until 09:00 local');
    expectAt(timeline, '2025-03-31T09:30:00+02:00', ['PALICE1'], 'turn 12 from 09:00 local (not 10:00)');
    expectAt(timeline, '2025-10-27T08:30:00+01:00', ['PCAROL3'], 'turn 41 until 09:00 local after fall-back');
    expectAt(timeline, '2025-10-27T09:00:00+01:00', ['PALICE1'], 'turn 42');
  });
  t('reader pagerduty: later layer wins, layer end, negative turns, overrides later wins', () => {
    const l2 = pdLayer({ name: 'Layer 2', start: '2025-02-03T09:00:00+01:00', end: '2025-02-10T09:00:00+01:00', users: [ref('PDAVE04')] });
    const early = pdLayer({ start: '2025-01-06T09:00:00+01:00', rotation_virtual_start: '2025-01-20T09:00:00+01:00' });
    const ovs = [
      { start: '2025-03-03T09:00:00+01:00', end: '2025-03-10T09:00:00+01:00', user: { id: 'PBOB002', type: 'user_reference' } },
      { start: '2025-03-05T00:00:00+01:00', end: '2025-03-06T00:00:00+01:00', user: { id: 'PERIN05', type: 'user_reference' } },
    ];
    const { timeline } = pd(pdDoc([pdLayer(), l2], ovs), FROM, TO, pdUser, '');
    expectAt(timeline, '2025-02-05T12:00:00+01:00', ['PDAVE04'], 'layer 2 over layer 1');
    expectAt(timeline, '2025-02-10T09:00:00+01:00', ['PCAROL3'], 'after layer 2 (turn 5)');
    expectAt(timeline, '2025-03-04T12:00:00+01:00', ['PBOB002'], 'override');
    expectAt(timeline, '2025-03-05T12:00:00+01:00', ['PERIN05'], 'the later override wins');
    expectAt(timeline, '2025-03-10T09:00:00+01:00', ['PALICE1'], 'after the overrides');
    const neg = pd(pdDoc([early]), FROM, TO, pdUser, '').timeline;
    expectAt(neg, '2025-01-08T12:00:00+01:00', ['PBOB002'], 'turn -2 before the virtual start');
    expectAt(neg, '2025-01-20T09:00:00+01:00', ['PALICE1'], 'turn 0 at the virtual start');
  });
  t('reader pagerduty: restrictions mask the layer', () => {
    const daily = pdLayer({ restrictions: [{ type: 'daily_restriction', start_time_of_day: '08:00:00', duration_seconds: 32400 }] });
    const { timeline } = pd(pdDoc([daily]), FROM, TO, pdUser, '');
    expectAt(timeline, '2025-01-07T07:59:00+01:00', [], 'before the window');
    expectAt(timeline, '2025-01-07T12:00:00+01:00', ['PALICE1'], 'inside');
    expectAt(timeline, '2025-01-07T17:00:00+01:00', [], 'after 9 hours');
    const weekly = pdLayer({ restrictions: [{ type: 'weekly_restriction', start_day_of_week: 1, start_time_of_day: '09:00:00', duration_seconds: 32400 }] });
    const w = pd(pdDoc([weekly]), FROM, TO, pdUser, '').timeline;
    expectAt(w, '2025-01-13T10:00:00+01:00', ['PBOB002'], 'Monday inside');
    expectAt(w, '2025-01-14T10:00:00+01:00', [], 'Tuesday outside');
  });

  const ogSchedule = {
    name: 'payments_primary', timezone: 'Europe/Berlin', enabled: true,
    rotations: [
      { name: 'weekly', startDate: '2025-01-06T09:00:00+01:00', type: 'weekly', length: 1,
        participants: [{ type: 'user', username: 'alice@example.com' }, { type: 'user', username: 'bob@example.com' }, { type: 'user', username: 'carol@example.com' }] },
      { name: 'weekend-days', startDate: '2025-01-04T00:00:00+01:00', type: 'daily', length: 1,
        participants: [{ type: 'user', username: 'dave@example.com' }, { type: 'none' }],
        timeRestriction: { type: 'weekday-and-time-of-day', restrictions: [{ startDay: 'saturday', startHour: 8, startMin: 0, endDay: 'sunday', endHour: 20, endMin: 0 }] } },
    ],
  };
  t('reader opsgenie: research example schedule (cumulative rotations, none, restrictions, DST)', () => {
    const { timeline } = og({ role: 'primary', body: ogSchedule, overrides: [] }, FROM, TO, ogUser, '');
    expectAt(timeline, '2025-01-11T10:00:00+01:00', ['alice@example.com'], 'Saturday: day 7 is none');
    expectAt(timeline, '2025-01-12T10:00:00+01:00', ['alice@example.com', 'dave@example.com'], 'Sunday: both rotations page');
    expectAt(timeline, '2025-01-12T20:00:00+01:00', ['alice@example.com'], 'restriction over');
    expectAt(timeline, '2025-01-13T10:00:00+01:00', ['bob@example.com'], 'week 1');
    expectAt(timeline, '2025-03-31T08:59:00+02:00', ['carol@example.com'], 'week 11 until 09:00 local');
    expectAt(timeline, '2025-03-31T09:00:00+02:00', ['alice@example.com'], 'week 12 from 09:00 local');
  });
  t('reader opsgenie: overrides (rotation-specific, all, none), rounding both ways', () => {
    const overrides = [
      { alias: 'plan-2025w10-alice-off', user: { type: 'user', username: 'bob@example.com' }, startDate: '2025-03-03T09:00:00+01:00', endDate: '2025-03-10T09:00:00+01:00', rotations: [{ name: 'weekly' }] },
      { alias: 'gap', user: { type: 'none' }, startDate: '2025-03-12T00:00:00+01:00', endDate: '2025-03-13T00:00:00+01:00' },
    ];
    const { timeline } = og({ role: 'primary', body: ogSchedule, overrides }, FROM, TO, ogUser, '');
    expectAt(timeline, '2025-03-04T12:00:00+01:00', ['bob@example.com'], 'override of the weekly rotation (carol otherwise)');
    expectAt(timeline, '2025-03-12T12:00:00+01:00', [], 'override by nobody');
    expectAt(timeline, '2025-03-13T12:00:00+01:00', ['alice@example.com'], 'after it');
    const q = { ...ogSchedule, rotations: [{ ...ogSchedule.rotations[0], startDate: '2025-01-06T09:15:00+01:00' }] };
    const down = og({ role: 'primary', body: q, overrides: [] }, FROM, TO, ogUser, '', 'down');
    const up = og({ role: 'primary', body: q, overrides: [] }, FROM, TO, ogUser, '', 'up');
    assertEq(down.rounded, ['/body/rotations/0/startDate'], 'rounding reported');
    expectAt(down.timeline, '2025-01-13T09:10:00+01:00', ['bob@example.com'], 'rounded down to 09:00');
    expectAt(up.timeline, '2025-01-13T09:10:00+01:00', ['alice@example.com'], 'rounded up to 09:30');
    const q2 = { ...ogSchedule, rotations: [{ ...ogSchedule.rotations[0], startDate: '2025-01-06T09:10:00+01:00' }] };
    expectAt(og({ role: 'primary', body: q2, overrides: [] }, FROM, TO, ogUser, '', 'up').timeline, '2025-01-06T09:05:00+01:00', ['alice@example.com'], '09:10 rounds to 09:00 either way');
  });

  const gfShift = {
    name: 'payments-primary-weekly', type: 'rolling_users', time_zone: 'Europe/Berlin', level: 1,
    start: '2025-01-06T09:00:00', rotation_start: '2025-01-06T09:00:00', duration: 604800,
    frequency: 'weekly', interval: 1, week_start: 'MO',
    rolling_users: [['UALICE00001'], ['UBOB0000002'], ['UCAROL00003']], start_rotation_from_user_index: 0,
  };
  const gfDoc = (shifts) => ({ role: 'primary', body: { name: 'payments-primary', type: 'calendar', time_zone: 'Europe/Berlin' }, shifts });
  t('reader grafana-oncall: research example shift; absolute duration across DST', () => {
    const { timeline } = gf(gfDoc([gfShift]), FROM, TO, plain, '');
    expectAt(timeline, '2025-01-13T09:00:00+01:00', ['UBOB0000002'], 'occurrence 1');
    expectAt(timeline, '2025-03-31T09:30:00+02:00', ['UALICE00001', 'UCAROL00003'], 'spring: 604800 s overlaps the next occurrence by an hour');
    expectAt(timeline, '2025-03-31T10:00:00+02:00', ['UALICE00001'], 'overlap over');
    expectAt(timeline, '2025-10-27T08:30:00+01:00', [], 'autumn: an hour with nobody');
    expectAt(timeline, '2025-10-27T09:00:00+01:00', ['UALICE00001'], 'occurrence 42');
  });
  t('reader grafana-oncall: override, level, rotation_start, until, start index, vendor rules', () => {
    const ov = { name: 'plan-2025w10-alice-off', type: 'override', time_zone: 'Europe/Berlin', start: '2025-03-03T09:00:00', duration: 604800, users: ['UBOB0000002'] };
    const l2 = { ...gfShift, name: 'l2', level: 2, start: '2025-02-04T00:00:00', rotation_start: '2025-02-04T00:00:00', week_start: 'TU', duration: 86400, until: '2025-02-05T00:00:00', rolling_users: [['UDAVE000004']] };
    const empty = { name: 'empty', type: 'override', start: '2025-04-01T00:00:00', duration: 3600, users: [] };
    const { timeline } = gf(gfDoc([gfShift, ov, l2, empty]), FROM, TO, plain, '');
    expectAt(timeline, '2025-03-04T12:00:00+01:00', ['UBOB0000002'], 'override beats level 1');
    expectAt(timeline, '2025-02-04T12:00:00+01:00', ['UDAVE000004'], 'level 2 beats level 1');
    expectAt(timeline, '2025-02-05T12:00:00+01:00', ['UBOB0000002'], 'level 2 lasts a day (week 4 = bob)');
    expectAt(timeline, '2025-04-01T00:30:00+02:00', ['UALICE00001'], 'an override with no users takes no time');
    const rs = gf(gfDoc([{ ...gfShift, rotation_start: '2025-01-20T09:00:00' }]), FROM, TO, plain, '').timeline;
    expectAt(rs, '2025-01-15T12:00:00+01:00', [], 'skipped before rotation_start');
    expectAt(rs, '2025-01-20T09:00:00+01:00', ['UCAROL00003'], 'occurrence 2 (skipped ones advance the index)');
    const un = gf(gfDoc([{ ...gfShift, until: '2025-02-03T09:00:00' }]), FROM, TO, plain, '').timeline;
    expectAt(un, '2025-02-03T08:00:00+01:00', ['UALICE00001'], 'before until (occurrence 3)');
    expectAt(un, '2025-02-03T10:00:00+01:00', [], 'until ends it');
    const rr = gf(gfDoc([{ ...gfShift, until: '2025-02-03T09:00:00' }]), FROM, TO, plain, '', new Set(), 'rrule-until').timeline;
    expectAt(rr, '2025-02-03T10:00:00+01:00', ['UBOB0000002'], 'RRULE reading: the occurrence starting at until is kept');
    expectAt(rr, '2025-02-10T10:00:00+01:00', [], 'RRULE reading: nothing after it');
    const rr2 = gf(gfDoc([{ ...gfShift, until: '2025-02-03T08:59:00' }]), FROM, TO, plain, '', new Set(), 'rrule-until').timeline;
    expectAt(rr2, '2025-02-03T08:59:30+01:00', ['UALICE00001'], 'RRULE reading: the last occurrence runs its whole duration');
    expectAt(rr2, '2025-02-03T09:00:00+01:00', [], 'RRULE reading: until a minute early stops at the handoff');
    const ix = gf(gfDoc([{ ...gfShift, start_rotation_from_user_index: 1 }]), FROM, TO, plain, '').timeline;
    expectAt(ix, '2025-01-06T10:00:00+01:00', ['UBOB0000002'], 'start_rotation_from_user_index 1');
    throwsShape(() => gf(gfDoc([{ ...gfShift, week_start: 'SU' }]), FROM, TO, plain, ''), 'week_start not the weekday of start');
    throwsShape(() => gf(gfDoc([{ ...gfShift, start: '2025-01-06T09:00:00+01:00' }]), FROM, TO, plain, ''), 'an offset in a Grafana datetime');
    throwsShape(() => gf(gfDoc([{ ...gfShift, start_rotation_from_user_index: undefined }]), FROM, TO, plain, ''), 'no start_rotation_from_user_index');
  });

  const gaDoc = (tmp, extra = {}) => ({
    role: 'primary',
    createSchedule: {
      name: 'payments-primary', timeZone: 'Europe/Berlin',
      targets: [{ newRotation: { name: 'payments-primary', timeZone: 'Europe/Berlin', start: '2025-01-06T09:00:00+01:00', type: 'weekly', shiftLength: 1, userIDs: ['alice', 'bob', 'carol'] },
        rules: [{ start: '00:00', end: '00:00', weekdayFilter: [true, true, true, true, true, true, true] }] }],
      ...extra,
    },
    temporarySchedule: tmp,
  });
  t('reader goalert: research temporary schedule example; only its shifts count inside', () => {
    const tmp = { scheduleID: 'SCHED-UUID', start: '2025-03-03T09:00:00+01:00', end: '2025-03-31T09:00:00+02:00',
      shifts: [{ userID: 'bob', start: '2025-03-03T09:00:00+01:00', end: '2025-03-10T09:00:00+01:00' },
        { userID: 'carol', start: '2025-03-10T09:00:00+01:00', end: '2025-03-24T09:00:00+01:00' }] };
    const r = ga(gaDoc(tmp), FROM, TO, plain, '');
    expectAt(r.timeline, '2025-03-05T12:00:00+01:00', ['bob'], 'temporary shift');
    expectAt(r.timeline, '2025-03-20T12:00:00+01:00', ['carol'], 'temporary shift');
    expectAt(r.timeline, '2025-03-26T12:00:00+01:00', [], 'a gap in the temporary schedule is nobody');
    expectAt(r.timeline, '2025-03-31T09:00:00+02:00', ['alice'], 'the rotation (stateful) after it');
    throwsShape(() => ga(gaDoc({ ...tmp, end: '2025-03-31T09:00:30+02:00' }), FROM, TO, plain, ''), 'seconds (GoAlert truncates to the minute)');
  });
}
