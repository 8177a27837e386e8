// Facet counts for the API, computed from `Store.events` pages so that any Store serves them. A
// store that offers an exact `facets(filter)` of its own (e.g. SQL GROUP BY) is used instead.
// Pages of events and incidents are read by ../query/list.ts, shared with the CLI.
import { country } from '../store/countries.js';
import type { Filter, Store, StoredEvent } from '../store/types.js';
import type { Query } from '../query/list.js';
import { filterKey } from './params.js';

export interface FacetValue {
  value: string;
  /** a readable name where the value is a code */
  label: string;
  count: number;
}

export interface Facets {
  /** events counted */
  total: number;
  /** false when the scan stopped at its bound (a count or a time): counts are of the newest events only */
  complete: boolean;
  country: FacetValue[];
  kind: FacetValue[];
  family: FacetValue[];
  actor: FacetValue[];
  outlet: FacetValue[];
  /** events per day, oldest first (events without a day are not counted here) */
  day: FacetValue[];
}

/** Facet values listed at most (days excepted). */
const TOP = 50;

class Counter {
  private m = new Map<string, { label: string; count: number }>();
  add(value: string | null | undefined, label?: string): void {
    if (!value) return;
    const r = this.m.get(value);
    if (r) r.count++;
    else this.m.set(value, { label: label ?? value, count: 1 });
  }
  top(n = TOP): FacetValue[] {
    return [...this.m.entries()]
      .map(([value, r]) => ({ value, label: r.label, count: r.count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, n);
  }
  byValue(): FacetValue[] {
    return [...this.m.entries()].map(([value, r]) => ({ value, label: r.label, count: r.count })).sort((a, b) => (a.value < b.value ? -1 : 1));
  }
}

function actorFacet(a: StoredEvent['event']['initiator']): [string, string] | null {
  if (!a) return null;
  // A country-coded actor is filtered by its code (initiator or target country); others by name.
  if (a.country) return [a.country, country(a.country)?.name ?? a.country];
  const name = a.name.trim();
  return name ? [name, name] : null;
}

type FacetingStore = Store & { facets?: (f: Filter & { outlet?: string | null }) => Promise<Facets> };

/** Time a facet count may take before it stops at what it has counted (the newest events). */
const FACET_BUDGET_MS = 1500;

/** Counts facets over the events matching the query: the newest `scanLimit` at most, within a time budget. */
export async function computeFacets(store: Store, q: Query, scanLimit: number, opts: { budgetMs?: number; pageSize?: number } = {}): Promise<Facets> {
  const budgetMs = opts.budgetMs ?? FACET_BUDGET_MS;
  const pageSize = opts.pageSize ?? 1000;
  const started = Date.now();
  const own = (store as FacetingStore).facets;
  if (own) return own.call(store, { ...q.filter, outlet: q.outlet ?? undefined });
  const c = { country: new Counter(), kind: new Counter(), family: new Counter(), actor: new Counter(), outlet: new Counter(), day: new Counter() };
  let total = 0;
  let scanned = 0;
  let cursor: string | null = null;
  let complete = true;
  do {
    const page: { items: StoredEvent[]; cursor: string | null } = await store.events({ ...q.filter, ...(q.outlet ? { outlet: q.outlet } : {}), limit: Math.min(pageSize, scanLimit - scanned), cursor });
    scanned += page.items.length;
    for (const e of page.items) {
      total++;
      c.country.add(e.country3 ?? e.country2, country(e.country3 ?? e.country2)?.name);
      c.kind.add(e.event.kind);
      c.family.add(e.family);
      const seen = new Set<string>();
      for (const a of [e.event.initiator, e.event.target]) {
        const f = actorFacet(a);
        if (f && !seen.has(f[0])) c.actor.add(...f), seen.add(f[0]);
      }
      c.outlet.add(e.article.outlet);
      c.day.add(e.date);
    }
    cursor = page.cursor;
    if (cursor && (scanned >= scanLimit || Date.now() - started > budgetMs)) complete = false;
  } while (cursor && complete);
  return {
    total,
    complete,
    country: c.country.top(),
    kind: c.kind.top(),
    family: c.family.top(),
    actor: c.actor.top(),
    outlet: c.outlet.top(),
    day: c.day.byValue(),
  };
}

/**
 * Facet results per filter, for a short while: the map, timeline and table ask for the same ones.
 * `count` computes them (on a reader thread, or here).
 */
export class FacetCache {
  private m = new Map<string, { at: number; value: Promise<unknown> }>();
  constructor(
    private readonly count: (q: Query) => Promise<unknown>,
    private readonly ttlMs = 30_000,
    private readonly size = 200,
  ) {}

  get(q: Query): Promise<unknown> {
    const key = filterKey(q);
    const hit = this.m.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) {
      // Refresh its place: the map is kept in least-recently-used order.
      this.m.delete(key);
      this.m.set(key, hit);
      return hit.value;
    }
    const f: Filter = { ...q.filter, cursor: null };
    delete f.limit;
    const value = this.count({ filter: f, outlet: q.outlet });
    value.catch(() => this.m.delete(key));
    this.m.set(key, { at: Date.now(), value });
    while (this.m.size > this.size) this.m.delete(this.m.keys().next().value!);
    return value;
  }

  clear(): void {
    this.m.clear();
  }
}
