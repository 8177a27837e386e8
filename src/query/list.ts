// Reading pages of events and incidents for a parsed filter, shared by the CLI and the API, and
// the walk over pages that an export makes.
import type { Filter, Store, StoredEvent, StoredIncident } from '../store/types.js';
import { maxOf, minOf } from '../arrays.js';

/** A query: the store's filter (with its page size and cursor) and the outlet to keep. */
export interface Query {
  filter: Filter;
  outlet: string | null;
}

export interface ListPage<T> {
  items: T[];
  /** pass as `cursor` for the next page; null after the last */
  next: string | null;
}

/** The store's filter for a query: the outlet is one of the store's filters. */
function storeFilter(q: Query): Filter {
  return q.outlet ? { ...q.filter, outlet: q.outlet } : q.filter;
}

export async function listEvents(store: Store, q: Query): Promise<ListPage<StoredEvent>> {
  const p = await store.events(storeFilter(q));
  return { items: p.items, next: p.cursor };
}

/** JSON.stringify(await listEvents(store, q)), from the events' JSON texts (Store.eventsJson). */
export async function listEventsJson(store: Store, q: Query): Promise<string> {
  const p = await store.eventsJson(storeFilter(q));
  return `{"items":[${p.items.join(',')}],"next":${JSON.stringify(p.cursor)}}`;
}

/**
 * An incident in a list: without its summary (what each source reports, which only the incident's
 * own page needs), but with what a map needs from it: how precise its place is, the range of
 * death tolls its reports give, and whether they differ widely (`outlier`: the highest is at
 * least ten times the lowest, so one of them is likely misread or inflated).
 */
export type ListedIncident = Omit<StoredIncident, 'summary'> & {
  precision: string | null;
  fatalitiesReported: [number, number] | null;
  outlier: boolean;
};

/** Reported tolls this many times apart are flagged. */
export const OUTLIER_RATIO = 10;

interface SummaryShape {
  fatalities?: { reported?: { value?: unknown }[] };
  location?: { consensus?: { precision?: unknown } | null };
}

export function listedIncident(i: StoredIncident): ListedIncident {
  const { summary, ...rest } = i;
  const s = (summary ?? {}) as SummaryShape;
  const tolls = (s.fatalities?.reported ?? []).map((r) => r.value).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const range: [number, number] | null = tolls.length ? [minOf(tolls), maxOf(tolls)] : null;
  const precision = s.location?.consensus?.precision;
  return {
    ...rest,
    precision: typeof precision === 'string' ? precision : null,
    fatalitiesReported: range,
    outlier: !!range && range[1] >= OUTLIER_RATIO * Math.max(1, range[0]),
  };
}

/** Incidents with their summaries (exports need them). */
export async function listFullIncidents(store: Store, q: Query): Promise<ListPage<StoredIncident>> {
  const p = await store.incidents(storeFilter(q));
  return { items: p.items, next: p.cursor };
}

export async function listIncidents(store: Store, q: Query): Promise<ListPage<ListedIncident>> {
  const page = await listFullIncidents(store, q);
  return { items: page.items.map(listedIncident), next: page.next };
}

/** Time and items a count may take before it says "at least". */
const COUNT_BUDGET_MS = 1500;
const COUNT_SCAN = 200_000;

/** How many events or incidents match: exact, or a lower bound (`complete: false`) when counting took too long. */
export async function countMatches(store: Store, what: 'events' | 'incidents', q: Query): Promise<{ count: number; complete: boolean }> {
  const started = Date.now();
  let count = 0;
  let cursor: string | null = null;
  do {
    const f: Filter = { ...storeFilter(q), cursor, limit: 10_000 };
    const p: { items: unknown[]; cursor: string | null } = what === 'events' ? await store.events(f) : await store.incidents(f);
    count += p.items.length;
    cursor = p.cursor;
    if (cursor && (count >= COUNT_SCAN || Date.now() - started > COUNT_BUDGET_MS)) return { count, complete: false };
  } while (cursor);
  return { count, complete: true };
}

/** Items fetched per page by an export. */
export const EXPORT_PAGE = 1000;

/**
 * The pages of an export: every match (or the first `limit`), following cursors. `more.left` says
 * afterwards whether matches were left out by the limit.
 */
export async function* exportPages<T>(
  list: (q: Query) => Promise<ListPage<T>>,
  q: Query,
  limit: number | undefined,
  more: { left: boolean } = { left: false },
): AsyncIterable<T[]> {
  let cursor: string | null = q.filter.cursor ?? null;
  let left = limit ?? Infinity;
  do {
    const p = await list({ filter: { ...q.filter, cursor, limit: Math.min(EXPORT_PAGE, left) }, outlet: q.outlet });
    left -= p.items.length;
    cursor = p.next;
    yield p.items;
  } while (cursor && left > 0);
  more.left = cursor !== null;
}
