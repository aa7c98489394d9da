// Writers of what each vendor gives back for one schedule (the files `rotaplan import`
// reads), from a timeline, in the shapes interop-research.md quotes:
//   PagerDuty GET /schedules/{id} (final_schedule.rendered_schedule_entries) and GET /oncalls,
//   Opsgenie GET /v2/schedules/{id}/timeline (data.finalTimeline.rotations[].periods[]),
//   Grafana OnCall GET /api/v1/schedules/{id}/final_shifts (one page, or an array of pages),
//   GoAlert's schedule shifts GraphQL response, and an iCalendar feed.
//
// `tl` is a timeline ({s, e, who: [key]}); `users` maps a key to {vid, name, email} as the
// vendor knows that person. `style` varies the writing (split entries, UTC or zone offsets).
import { fmtIcsUtc, fmtInstant, fmtUtc } from './tz.mjs';

/** Splits pieces at extra instants (the reader must merge them again). */
export function splitPieces(tl, r, every = 0.3) {
  const out = [];
  for (const p of tl) {
    if (p.e - p.s > 4 * 3600000 && r.chance(every)) {
      const mid = p.s + Math.floor((p.e - p.s) / 3600000 * r.next()) * 3600000;
      if (mid > p.s && mid < p.e) {
        out.push({ ...p, e: mid }, { ...p, s: mid });
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

const pdRef = (u) => ({
  id: u.vid, type: 'user_reference', summary: u.name,
  self: `https://api.pagerduty.com/users/${u.vid}`, html_url: `https://example.pagerduty.com/users/${u.vid}`,
});

export function pagerdutySchedule({ id, name, zone, tl, users, style = {}, omitUser = null }) {
  const fmt = style.utc ? fmtUtc : (ms) => fmtInstant(zone, ms);
  const entries = tl.map((p) => ({ start: fmt(p.s), end: fmt(p.e), user: pdRef(users(p.who[0])) }));
  const seen = new Map();
  for (const p of tl) for (const k of p.who) if (k !== omitUser) seen.set(k, users(k));
  const span = tl.length ? tl[tl.length - 1].e - tl[0].s : 1;
  const covered = tl.reduce((a, p) => a + (p.e - p.s), 0);
  return {
    schedule: {
      id, type: 'schedule', summary: name, self: `https://api.pagerduty.com/schedules/${id}`,
      html_url: `https://example.pagerduty.com/schedules/${id}`, name, time_zone: style.zoneName ?? zone,
      description: 'Rendered for a Rotaplan import',
      schedule_layers: [],
      overrides_subschedule: { name: 'Overrides', rendered_schedule_entries: [], rendered_coverage_percentage: 0 },
      final_schedule: {
        name: 'Final Schedule', rendered_schedule_entries: entries,
        rendered_coverage_percentage: Math.round((covered / span) * 1000) / 10,
      },
      users: [...seen.values()].map(pdRef),
      escalation_policies: [], teams: [],
    },
  };
}

export function pagerdutyOncalls({ id, name, zone, tl, users }) {
  return {
    oncalls: tl.map((p) => ({
      escalation_policy: { id: 'PEPOL01', type: 'escalation_policy_reference', summary: 'Interop' },
      escalation_level: 1,
      schedule: { id, type: 'schedule_reference', summary: name },
      user: pdRef(users(p.who[0])),
      start: fmtInstant(zone, p.s), end: fmtInstant(zone, p.e),
    })),
    limit: 100, offset: 0, more: false, total: null,
  };
}

/** Opsgenie timeline; `rotations` > 1 spreads the periods over several rotations. */
export function opsgenieTimeline({ id, name, tl, users, rotations = 1, r }) {
  const rots = [];
  for (let i = 0; i < rotations; i++) {
    rots.push({ id: `rot-${i + 1}-${id}`, name: i === 0 ? 'weekly' : `part-${i + 1}`, order: i + 1, periods: [] });
  }
  tl.forEach((p, i) => {
    const rot = rotations === 1 ? rots[0] : rots[r ? r.int(0, rotations - 1) : i % rotations];
    const u = users(p.who[0]);
    rot.periods.push({
      startDate: fmtUtc(p.s), endDate: fmtUtc(p.e), type: i % 5 === 3 ? 'override' : 'default',
      recipient: { id: u.vid, type: 'user', name: u.email },
    });
  });
  const s = tl.length ? tl[0].s : Date.UTC(2026, 0, 1);
  const e = tl.length ? tl[tl.length - 1].e : s + 7 * 86400000;
  return {
    data: {
      _parent: { id, name, enabled: true },
      startDate: fmtUtc(s), endDate: fmtUtc(e),
      finalTimeline: { rotations: rots.filter((x) => x.periods.length || rotations === 1) },
    },
    took: 0.051, requestId: `req-${id}`,
  };
}

export function grafanaFinalShifts({ id, tl, users, pageSize = 0 }) {
  const results = tl.map((p) => {
    const u = users(p.who[0]);
    return { user_pk: u.vid, user_email: u.email, user_username: u.username, shift_start: fmtUtc(p.s), shift_end: fmtUtc(p.e) };
  });
  if (!pageSize) return { count: results.length, next: null, previous: null, results };
  const pages = [];
  for (let i = 0; i < results.length || i === 0; i += pageSize) {
    const n = pages.length + 1;
    pages.push({
      count: results.length,
      next: i + pageSize < results.length ? `https://oncall.example.com/api/v1/schedules/${id}/final_shifts?page=${n + 1}` : null,
      previous: n > 1 ? `https://oncall.example.com/api/v1/schedules/${id}/final_shifts?page=${n - 1}` : null,
      results: results.slice(i, i + pageSize),
    });
  }
  return pages;
}

export function goalertShifts({ id, name, zone, tl, users }) {
  return {
    data: {
      schedule: {
        id, name, timeZone: zone,
        shifts: tl.map((p) => {
          const u = users(p.who[0]);
          const user = { id: u.vid, name: u.name };
          if (u.email) user.email = u.email;
          return { userID: u.vid, start: fmtInstant(zone, p.s), end: fmtInstant(zone, p.e), truncated: false, user };
        }),
      },
    },
  };
}

function icsText(s) {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}
function fold(line) {
  const out = [];
  let cur = '';
  for (const ch of line) {
    if (Buffer.byteLength(cur + ch, 'utf8') > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/** iCalendar feed; `how` per event: 'level' ([L1] prefix), 'plain', 'attendee'. */
export function icsFeed({ id, tl, users, how = () => 'plain', extra = [] }) {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Interop tests//OnCall-style feed//EN',
    'CALSCALE:GREGORIAN', `X-WR-CALNAME:${icsText(id)}`];
  tl.forEach((p, i) => {
    const u = users(p.who[0]);
    const kind = how(i);
    lines.push('BEGIN:VEVENT', `UID:oncall-${id}-PK${i + 1}-U1-E${i + 1}-S1@example.com`,
      'DTSTAMP:20260101T000000Z', `DTSTART:${fmtIcsUtc(p.s)}`, `DTEND:${fmtIcsUtc(p.e)}`);
    if (kind === 'attendee') {
      lines.push(`ATTENDEE;CN="${u.name.replace(/"/g, '')}":mailto:${u.email}`);
    } else if (kind === 'level') {
      lines.push(`SUMMARY:[L1] ${u.email}`);
    } else {
      lines.push(`SUMMARY:${u.email}`);
    }
    lines.push('END:VEVENT');
  });
  lines.push(...extra, 'END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
