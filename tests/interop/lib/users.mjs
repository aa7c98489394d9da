// Reading vendor user references in an export back to plan person ids (interop.md
// "Common model": a person with no mapping is written with the plan id itself; Opsgenie
// accepts the e-mail as `username`).

/**
 * `ids`: plan id -> vendor id for every person the `--users` file maps (empty without one).
 * Returns {resolve(ref, where), used: Map(planId -> 'mapped'|'plain'|'email')}.
 */
export function resolver(vendor, plan, ids) {
  const byVendor = new Map(Object.entries(ids).map(([p, v]) => [v, p]));
  const byEmail = new Map(plan.people.filter((p) => p.email).map((p) => [p.email.toLowerCase(), p.id]));
  const used = new Map();
  const problems = [];
  const note = (id, how) => {
    if (!used.has(id)) used.set(id, how);
  };
  const resolve = (ref, where) => {
    let key;
    if (vendor === 'pagerduty') key = ref?.id;
    else if (vendor === 'opsgenie') {
      if (typeof ref?.username === 'string' && ref.username) {
        const e = byEmail.get(ref.username.toLowerCase());
        if (e) { note(e, 'email'); return e; }
        key = ref.username;
      } else key = ref?.id;
    } else key = ref;
    if (typeof key !== 'string' || !key) {
      problems.push(`${where}: no user id`);
      return '?';
    }
    if (byVendor.has(key)) {
      const p = byVendor.get(key);
      note(p, 'mapped');
      return p;
    }
    if (Object.prototype.hasOwnProperty.call(ids, key)) {
      problems.push(`${where}: ${key} is mapped by --users to ${ids[key]} but written with its plan id`);
    }
    note(key, 'plain');
    return key;
  };
  return { resolve, used, problems };
}
