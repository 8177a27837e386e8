// Opening the store named by --db (or SITREP_DB): a path means SQLite, a postgres:// URL the
// PostgreSQL store (loaded only then). Callers get the Store interface, never a backend's class.
import { existsSync } from 'node:fs';
import { StoreError } from './errors.js';
import { SqliteStore } from './sqlite/store.js';
import type { Store } from './types.js';

/** --db when not given: $SITREP_DB (a path or a postgres:// URL), else sitrep.db here. */
export const DEFAULT_DB = process.env.SITREP_DB || 'sitrep.db';

export interface OpenOptions {
  /** reads only: a missing store is an error rather than created */
  readonly?: boolean;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Opens (creating and migrating when writable) the store; a problem is a StoreError naming it. */
export async function openStore(url: string = DEFAULT_DB, opts: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(url)) return (await import('./postgres/store.js')).PgStore.open(url, opts);
  if (opts.readonly && !existsSync(url)) throw new StoreError('unavailable', url, 'no such database (run `sitrep ingest` first)');
  return new SqliteStore(url, opts);
}
