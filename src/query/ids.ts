// Ids as the CLI, the API and the UI take them: opaque strings. Stores give each article, event
// and incident an id; links and scripts keep them. What an id looks like is the store's business
// (today SQLite's row numbers; content-derived strings once the store makes ids stable), so only
// its characters are checked here: letters, digits, "-", "_" and ".", at most 128.
//
// A store rebuilt or migrated may give an item a new id. `MovedIds` is how the server and the CLI
// ask the store where an old id now points, to redirect old links (`sitrep serve` answers 301).

export type ItemKind = 'event' | 'incident' | 'article';

/** Where an old id now points: the item's current id, or null when the store knows none. */
export interface MovedIds {
  moved(kind: ItemKind, id: string): Promise<string | null>;
}

const ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The id as given, or null when it cannot be an id of any store (a 400, not a 404). */
export function parseId(s: string): string | null {
  return ID.test(s) ? s : null;
}

/**
 * The id in the form the store's methods take. Stores with numeric ids (SQLite's rows today)
 * know no other: an id that is not a positive whole number is simply not theirs (null).
 */
export function storeId(id: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(id)) return null;
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : null;
}

/** The store's own look-up of moved ids, when it has one (duck-typed: no store has to). */
export function movedIdsOf(store: object): MovedIds | null {
  const m = (store as Partial<MovedIds>).moved;
  return typeof m === 'function' ? { moved: (kind, id) => m.call(store, kind, id) } : null;
}
