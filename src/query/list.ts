// Reading pages of events and incidents for a parsed filter, shared by the CLI and the API, and
// the walk over pages that an export makes.
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

/** The store's filter for a query: the outlet is one of the store's filters. */
function storeFilter(q: Query): Filter {
  return q.outlet ? { ...q.filter, outlet: q.outlet } : q.filter;
}

export async function listEvents(store: Store, q: Query): Promise<ListPage<StoredEvent>> {
  const p = await store.events(storeFilter(q));
  return { items: p.items, next: p.cursor };
}

/** An incident in a list: without its summary (what each source reports), which only the incident's own page needs. */
export type ListedIncident = Omit<StoredIncident, 'summary'>;

/** Incidents with their summaries (exports need them). */
export async function listFullIncidents(store: Store, q: Query): Promise<ListPage<StoredIncident>> {
  const p = await store.incidents(storeFilter(q));
  return { items: p.items, next: p.cursor };
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
