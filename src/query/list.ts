// Reading pages of events and incidents for a parsed filter, shared by the CLI and the API: the
// store's own filter, plus the outlet filter that the Store interface does not have (applied here,
// over the store's pages), and the walk over pages that an export makes.
import type { Filter, Store, StoredEvent, StoredIncident } from '../store/types.js';

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

/** Events examined at most per request when filtering by outlet. */
const OUTLET_SCAN = 5000;

export function sameOutlet(a: string | null | undefined, want: string): boolean {
  return !!a && a.toLowerCase() === want;
}

function incidentOutlets(i: StoredIncident): string[] {
  const o = (i.summary as { corroboration?: { outlets?: unknown } } | null)?.corroboration?.outlets;
  return Array.isArray(o) ? o.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Pages through the store, keeping what passes `keep`. A page may hold fewer items than asked
 * for (even none) while `next` is not null: the scan per request is bounded.
 */
async function filtered<T>(
  page: (f: Filter) => Promise<{ items: T[]; cursor: string | null }>,
  f: Filter,
  keep: ((x: T) => boolean) | null,
): Promise<ListPage<T>> {
  if (!keep) {
    const p = await page(f);
    return { items: p.items, next: p.cursor };
  }
  const limit = f.limit ?? 100;
  let cursor = f.cursor ?? null;
  for (let scanned = 0; scanned < OUTLET_SCAN; scanned += limit) {
    const p = await page({ ...f, cursor, limit });
    cursor = p.cursor;
    const items = p.items.filter(keep);
    if (items.length || !cursor) return { items, next: cursor };
  }
  return { items: [], next: cursor };
}

export function listEvents(store: Store, q: Query): Promise<ListPage<StoredEvent>> {
  const want = q.outlet?.toLowerCase();
  return filtered((f) => store.events(f), q.filter, want ? (e) => sameOutlet(e.article.outlet, want) : null);
}

/** An incident in a list: without its summary (what each source reports), which only the incident's own page needs. */
export type ListedIncident = Omit<StoredIncident, 'summary'>;

/** Incidents with their summaries (exports need them). */
export function listFullIncidents(store: Store, q: Query): Promise<ListPage<StoredIncident>> {
  const want = q.outlet?.toLowerCase();
  return filtered((f) => store.incidents(f), q.filter, want ? (i) => incidentOutlets(i).some((o) => sameOutlet(o, want)) : null);
}

export async function listIncidents(store: Store, q: Query): Promise<ListPage<ListedIncident>> {
  const page = await listFullIncidents(store, q);
  return { items: page.items.map(({ summary: _s, ...rest }) => rest), next: page.next };
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
