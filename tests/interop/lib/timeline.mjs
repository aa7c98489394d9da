// Timelines: who is on call for one role, as sorted, non-overlapping pieces
// {s, e, who} with s < e in ms. `who` is an array of person ids, sorted, never empty
// (an instant with nobody is simply not covered). Two people at once is a length-2 array.

/** Builds a timeline from boundaries and a point function `at(t) -> array of ids`. */
export function sample(boundaries, at, from, to) {
  const bs = [...new Set(boundaries.filter((b) => b > from && b < to))].sort((a, b) => a - b);
  const cuts = [from, ...bs, to];
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const who = [...new Set(at(cuts[i]))].sort();
    if (who.length) push(out, cuts[i], cuts[i + 1], who);
  }
  return out;
}

function same(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
function push(out, s, e, who) {
  const last = out[out.length - 1];
  if (last && last.e === s && same(last.who, who)) last.e = e;
  else out.push({ s, e, who });
}

/** Normalises pieces {s, e, who|person} that must not overlap; throws on an overlap. */
export function fromPieces(pieces, what = 'pieces') {
  const ps = pieces
    .map((p) => ({ s: p.s, e: p.e, who: Array.isArray(p.who) ? [...p.who].sort() : [p.who ?? p.person] }))
    .filter((p) => p.e > p.s)
    .sort((a, b) => a.s - b.s);
  const out = [];
  for (const p of ps) {
    const last = out[out.length - 1];
    if (last && p.s < last.e) {
      throw new Error(`${what}: overlap at ${new Date(p.s).toISOString()}`);
    }
    push(out, p.s, p.e, p.who);
  }
  return out;
}

/** Union of pieces that may overlap: overlapping people are all on call. */
export function unionPieces(pieces) {
  const bs = [];
  for (const p of pieces) bs.push(p.s, p.e);
  if (!bs.length) return [];
  const from = Math.min(...bs);
  const to = Math.max(...bs);
  const sorted = [...pieces].sort((a, b) => a.s - b.s);
  return sample(bs, (t) => {
    const who = [];
    for (const p of sorted) {
      if (p.s > t) break;
      if (t < p.e) who.push(...(Array.isArray(p.who) ? p.who : [p.who]));
    }
    return who;
  }, from, to);
}

/** Pieces of `tl` clipped to [from, to). */
export function clip(tl, from, to) {
  const out = [];
  for (const p of tl) {
    const s = Math.max(p.s, from);
    const e = Math.min(p.e, to);
    if (s < e) out.push({ s, e, who: p.who });
  }
  return out;
}

/** Value of a timeline at t (array, [] when nobody). */
export function valueAt(tl, t) {
  let lo = 0;
  let hi = tl.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tl[mid].e <= t) lo = mid + 1;
    else if (tl[mid].s > t) hi = mid - 1;
    else return tl[mid].who;
  }
  return [];
}

/** The stretches of [from, to) where the two timelines differ: [{s, e, got, want}]. */
export function differences(got, want, from, to) {
  const bs = [];
  for (const p of got) bs.push(p.s, p.e);
  for (const p of want) bs.push(p.s, p.e);
  const cuts = [...new Set([from, to, ...bs.filter((b) => b > from && b < to)])].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const g = valueAt(got, cuts[i]);
    const w = valueAt(want, cuts[i]);
    if (!same(g, w)) {
      const last = out[out.length - 1];
      if (last && last.e === cuts[i] && same(last.got, g) && same(last.want, w)) last.e = cuts[i + 1];
      else out.push({ s: cuts[i], e: cuts[i + 1], got: g, want: w });
    }
  }
  return out;
}

/** Stretches of [from, to) with nobody on call. */
export function uncovered(tl, from, to) {
  const out = [];
  let t = from;
  for (const p of tl) {
    if (p.e <= from) continue;
    if (p.s >= to) break;
    if (p.s > t) out.push({ s: t, e: Math.min(p.s, to) });
    t = Math.max(t, p.e);
  }
  if (t < to) out.push({ s: t, e: to });
  return out;
}

/** Maps every id through `f` (then merges equal neighbours again). */
export function mapWho(tl, f) {
  const out = [];
  for (const p of tl) push(out, p.s, p.e, [...new Set(p.who.map(f))].sort());
  return out;
}

export function describe(d, zoneFmt) {
  const f = zoneFmt || ((ms) => new Date(ms).toISOString());
  const w = (x) => (x.length ? x.join('+') : 'nobody');
  return `[${f(d.s)} .. ${f(d.e)}) vendor: ${w(d.got)}, plan: ${w(d.want)}`;
}
