// Reports → incidents, by agglomerative clustering with complete linkage. Linked pairs
// (sameIncident) are taken strongest first; each joins two clusters only when every member of one
// is compatible with every member of the other. So A~B and B~C cannot chain a Damascus strike (A)
// and a Homs strike (C) through a vague "strikes in Syria" report (B).
// Everything is ordered by event id and score, so the result depends only on the set of events,
// never on the order they arrive in; the incident id is derived from the smallest member id.
import { createHash } from 'node:crypto';
import { config, familyRule } from './config.js';
import type { CorroborationEvent } from './event.js';
import { compareEvents, conflictBetween, dayRange, windowOf } from './same.js';
import { familyOf, type Family } from '../taxonomy.js';

/** "inc-" and 12 hex digits of the SHA-1 of the smallest member event id. */
export function incidentIdOf(eventIds: readonly string[]): string {
  if (!eventIds.length) throw new Error('an incident has at least one event');
  let min = eventIds[0];
  for (const id of eventIds) if (id < min) min = id;
  return 'inc-' + createHash('sha1').update(min).digest('hex').slice(0, 12);
}

const byId = (a: CorroborationEvent, b: CorroborationEvent) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface Edge {
  i: number;
  j: number;
  score: number;
}

let crossFamilies: string[] | null = null;

/** The families an event may be one incident with: its own, and for a kind read across families (data: linking.crossFamilies) theirs. */
export function linkedFamilies(e: Pick<CorroborationEvent, 'family' | 'kind'>): string[] {
  const kinds = config().linking.crossFamilies.kinds;
  crossFamilies ??= [...new Set(kinds.map((k) => familyOf(k)))].sort();
  return kinds.includes(e.kind) ? crossFamilies : [e.family];
}

// Speed: the store regroups a report's whole neighbourhood each time a report joins it, comparing
// the same pairs again. A comparison depends only on the two records, so it is kept while both
// records are (keyed by the objects themselves: a record read anew is compared anew).
const comparedPairs = new WeakMap<CorroborationEvent, WeakMap<CorroborationEvent, number>>();
const conflictPairs = new WeakMap<CorroborationEvent, WeakMap<CorroborationEvent, boolean>>();

function cached<V>(cache: WeakMap<CorroborationEvent, WeakMap<CorroborationEvent, V>>, a: CorroborationEvent, b: CorroborationEvent, make: () => V): V {
  let inner = cache.get(a);
  if (!inner) cache.set(a, (inner = new WeakMap()));
  let v = inner.get(b);
  if (v === undefined) inner.set(b, (v = make()));
  return v;
}

/** The pair's score when it is linked (sameIncident), else -1. */
function linkedScore(a: CorroborationEvent, b: CorroborationEvent): number {
  return cached(comparedPairs, a, b, () => {
    const c = compareEvents(a, b);
    return c.same ? c.score : -1;
  });
}

function compatiblePair(a: CorroborationEvent, b: CorroborationEvent): boolean {
  return cached(conflictPairs, a, b, () => conflictBetween(a, b) === null);
}

/** Linked pairs (i < j, indices into the id-sorted events): same linkable family (or two read across families), day ranges (widened) overlapping, sameIncident. */
function edges(events: CorroborationEvent[]): Edge[] {
  const out: Edge[] = [];
  // Each family is one group; the kinds read across families form one more, where only pairs of
  // two families are compared (pairs of one family are compared in their family's group).
  const CROSS = '';
  const byFamily = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = byFamily.get(key);
    if (list) list.push(i);
    else byFamily.set(key, [i]);
  };
  events.forEach((e, i) => {
    if (!familyRule(e.family as Family).link) return;
    add(e.family, i);
    if (linkedFamilies(e).length > 1) add(CROSS, i);
  });
  let group = '';
  const link = (x: number, y: number) => {
    const [i, j] = x < y ? [x, y] : [y, x];
    if (group === CROSS && events[i].family === events[j].family) return;
    const score = linkedScore(events[i], events[j]);
    if (score >= 0) out.push({ i, j, score });
  };
  for (const [key, members] of byFamily) {
    group = key;
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
  return out;
}

/**
 * Clusters by complete linkage: edges strongest first (ties by the members' ids); an edge joins its
 * two clusters when no member of one conflicts with any member of the other. Returns clusters of
 * indices.
 */
function cluster(events: CorroborationEvent[], links: Edge[]): number[][] {
  links.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  const members = events.map((_, i) => [i]);
  const owner = events.map((_, i) => i);
  for (const { i, j } of links) {
    const a = owner[i];
    const b = owner[j];
    if (a === b) continue;
    const A = members[a];
    const B = members[b];
    if (!A.every((x) => B.every((y) => compatiblePair(events[x], events[y])))) continue;
    const [keep, drop] = A.length >= B.length ? [a, b] : [b, a];
    for (const x of members[drop]) {
      owner[x] = keep;
      members[keep].push(x);
    }
    members[drop] = [];
  }
  return members.filter((m) => m.length).map((m) => m.sort((x, y) => x - y));
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
  return cluster(sorted, edges(sorted))
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
