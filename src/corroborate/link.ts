// Reports → incidents. Events that are sameIncident are joined (connected components), then each
// component is checked as a whole: every two of its members must be compatible (complete linkage),
// so that A~B and B~C cannot chain a Damascus strike (A) and a Homs strike (C) through a vague
// "strikes in Syria" (B). A component that fails is split around its best-connected member.
// Everything is ordered by event id, so the result depends only on the set of events, never on
// the order they arrive in; the incident id is derived from the smallest member id.
import { createHash } from 'node:crypto';
import { familyRule } from './config.js';
import type { CorroborationEvent } from './event.js';
import { conflictBetween, dayRange, sameIncident, windowOf } from './same.js';
import type { Family } from '../events/taxonomy.js';

/** "inc-" and 12 hex digits of the SHA-1 of the smallest member event id. */
export function incidentIdOf(eventIds: readonly string[]): string {
  if (!eventIds.length) throw new Error('an incident has at least one event');
  let min = eventIds[0];
  for (const id of eventIds) if (id < min) min = id;
  return 'inc-' + createHash('sha1').update(min).digest('hex').slice(0, 12);
}

const byId = (a: CorroborationEvent, b: CorroborationEvent) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Pairs worth comparing: same linkable family, day ranges (widened) overlapping. Adjacency by index. */
function edges(events: CorroborationEvent[]): number[][] {
  const adj: number[][] = events.map(() => []);
  const byFamily = new Map<string, number[]>();
  events.forEach((e, i) => {
    if (!familyRule(e.family as Family).link) return;
    byFamily.set(e.family, [...(byFamily.get(e.family) ?? []), i]);
  });
  const link = (i: number, j: number) => {
    if (sameIncident(events[i], events[j])) {
      adj[i].push(j);
      adj[j].push(i);
    }
  };
  for (const members of byFamily.values()) {
    const timeless: number[] = [];
    const timed: { i: number; lo: number; hi: number }[] = [];
    for (const i of members) {
      const r = dayRange(events[i]);
      if (!r) timeless.push(i);
      else {
        const w = windowOf(r);
        timed.push({ i, lo: r.lo - w, hi: r.hi + w });
      }
    }
    // Sweep over ranges sorted by start: compare each with the earlier ones still open.
    timed.sort((x, y) => x.lo - y.lo || x.i - y.i);
    let open: typeof timed = [];
    for (const t of timed) {
      open = open.filter((o) => o.hi >= t.lo);
      for (const o of open) link(o.i, t.i);
      open.push(t);
    }
    for (let k = 0; k < timeless.length; k++) {
      for (let m = k + 1; m < timeless.length; m++) link(timeless[k], timeless[m]);
      for (const t of timed) link(timeless[k], t.i);
    }
  }
  for (const a of adj) a.sort((x, y) => x - y);
  return adj;
}

/** Connected components of `members` (indices) using only edges inside it; each sorted, in order of their smallest member. */
function components(members: number[], adj: number[][]): number[][] {
  const inside = new Set(members);
  const seen = new Set<number>();
  const out: number[][] = [];
  for (const start of [...members].sort((a, b) => a - b)) {
    if (seen.has(start)) continue;
    const comp: number[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const i = stack.pop()!;
      comp.push(i);
      for (const j of adj[i]) if (inside.has(j) && !seen.has(j)) {
        seen.add(j);
        stack.push(j);
      }
    }
    out.push(comp.sort((a, b) => a - b));
  }
  return out;
}

/**
 * Splits a component until every two members are compatible: keep the member with most links
 * inside (the medoid; ties to the smallest id) and grow a core around it, adding members linked to
 * the core and compatible with all of it; the rest is split again.
 */
function split(comp: number[], adj: number[][], events: CorroborationEvent[]): number[][] {
  const ok = (i: number, j: number) => conflictBetween(events[i], events[j]) === null;
  const out: number[][] = [];
  const queue = [comp];
  while (queue.length) {
    const c = queue.pop()!;
    let whole = true;
    for (let x = 0; x < c.length && whole; x++) for (let y = x + 1; y < c.length && whole; y++) whole = ok(c[x], c[y]);
    if (whole) {
      out.push(c);
      continue;
    }
    const inside = new Set(c);
    const degree = new Map(c.map((i) => [i, adj[i].filter((j) => inside.has(j)).length]));
    let medoid = c[0];
    for (const i of c) if (degree.get(i)! > degree.get(medoid)!) medoid = i;
    const core = [medoid];
    const inCore = new Set(core);
    const rest = c.filter((i) => i !== medoid).sort((x, y) => degree.get(y)! - degree.get(x)! || x - y);
    for (let grew = true; grew; ) {
      grew = false;
      for (const i of rest) {
        if (inCore.has(i) || !adj[i].some((j) => inCore.has(j)) || !core.every((j) => ok(i, j))) continue;
        core.push(i);
        inCore.add(i);
        grew = true;
      }
    }
    out.push(core.sort((a, b) => a - b));
    queue.push(...components(c.filter((i) => !inCore.has(i)), adj));
  }
  return out;
}

export interface Incident {
  id: string;
  /** member events, sorted by id */
  events: CorroborationEvent[];
}

/** The incidents the events form, each with its members; sorted by incident id. */
export function groupIncidents(events: readonly CorroborationEvent[]): Incident[] {
  const sorted = [...events].sort(byId);
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i].id === sorted[i - 1].id) throw new Error(`event id "${sorted[i].id}" appears twice`);
  const adj = edges(sorted);
  const all = sorted.map((_, i) => i);
  const groups = components(all, adj).flatMap((c) => split(c, adj, sorted));
  return groups
    .map((g) => {
      const members = g.map((i) => sorted[i]);
      return { id: incidentIdOf(members.map((e) => e.id)), events: members };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Event id → incident id, for every event given (an unlinked event is an incident of its own). */
export function linkIncidents(events: readonly CorroborationEvent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const inc of groupIncidents(events)) for (const e of inc.events) out.set(e.id, inc.id);
  return out;
}
