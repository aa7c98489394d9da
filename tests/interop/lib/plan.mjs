// The plan's resolved shifts computed here from the plan itself (rules.md "Time"), used to
// cross-check `rotaplan export --format json` before it serves as the reference, and the
// reading of that export into per-role timelines.
import { addDays, fmtDate, fromLocal, parseDate, parseInstant } from './tz.mjs';
import { fromPieces } from './timeline.mjs';

export const ROLES = ['primary', 'secondary', 'shadow'];

export function handoffOf(plan) {
  const h = plan.policy?.handoff ?? {};
  const [hh, mm] = (h.time ?? '09:00').split(':').map(Number);
  return { weekday: h.weekday ?? 'monday', h: hh, mi: mm };
}

/** Instant of the handoff on date string `d`. */
export function handoffAt(plan, d) {
  const { h, mi } = handoffOf(plan);
  const date = typeof d === 'string' ? parseDate(d) : d;
  return fromLocal(plan.team.timezone, { ...date, h, mi, s: 0 });
}

/** A plan date-time: local "YYYY-MM-DDTHH:MM" in the team zone, or with an offset / Z. */
export function planInstant(plan, s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(s);
  if (m) return fromLocal(plan.team.timezone, { y: +m[1], mo: +m[2], d: +m[3], h: +m[4], mi: +m[5], s: 0 });
  return parseInstant(s.replace(/T(\d{2}):(\d{2})(Z|[+-])/, 'T$1:$2:00$3'));
}

export function weekSpans(plan) {
  return plan.weeks.map((w) => {
    const d = parseDate(w.start);
    return { week: w.start, s: handoffAt(plan, d), e: handoffAt(plan, addDays(d, 7)), w };
  });
}

/** The span: first week's handoff to the last week's end. */
export function spanOf(plan) {
  const ws = weekSpans(plan);
  return { s: ws[0].s, e: ws[ws.length - 1].e };
}

/** Resolved shifts per role: {role: timeline}, restricted to the weeks. */
export function resolve(plan) {
  const ws = weekSpans(plan);
  const out = {};
  for (const role of ROLES) {
    // Paint: week assignments, then overrides in list order (later wins), clipped to weeks.
    let pieces = [];
    for (const w of ws) if (w.w[role]) pieces.push({ s: w.s, e: w.e, who: w.w[role] });
    for (const o of plan.overrides ?? []) {
      if (o.role !== role) continue;
      const s = planInstant(plan, o.from);
      const e = planInstant(plan, o.to);
      const next = [];
      for (const p of pieces) {
        if (p.e <= s || p.s >= e) { next.push(p); continue; }
        if (p.s < s) next.push({ s: p.s, e: s, who: p.who });
        if (p.e > e) next.push({ s: e, e: p.e, who: p.who });
      }
      for (const w of ws) {
        const a = Math.max(w.s, s);
        const b = Math.min(w.e, e);
        if (a < b) next.push({ s: a, e: b, who: o.person });
      }
      pieces = next;
    }
    out[role] = fromPieces(pieces, `resolved ${role}`);
  }
  return out;
}

/** Reads `export --format json` into {role: timeline} (pieces must not overlap). */
export function exportTimelines(exp) {
  const out = {};
  for (const role of ROLES) {
    out[role] = fromPieces(
      exp.shifts.filter((x) => x.role === role)
        .map((x) => ({ s: parseInstant(x.start), e: parseInstant(x.end), who: x.person })),
      `export json ${role}`,
    );
  }
  return out;
}

export { fmtDate };
