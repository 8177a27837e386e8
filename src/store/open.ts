// Opening the store named by --db. Today a path means SQLite; a postgres:// URL is where a
// PostgreSQL store would plug in.
import { InputError } from '../errors.js';
import { SqliteStore } from './sqlite.js';

export const DEFAULT_DB = 'sitrep.db';

/** Opens (creating and migrating when writable) the store; a problem is a usage error naming --db. */
export function openStore(path: string = DEFAULT_DB, opts: { readonly?: boolean } = {}): SqliteStore {
  if (/^postgres(ql)?:\/\//i.test(path)) throw new InputError(`--db ${path}`, 'PostgreSQL is not supported yet: give a file path for SQLite');
  try {
    return new SqliteStore(path, opts);
  } catch (e) {
    const msg = (e as Error).message;
    if (opts.readonly && /unable to open|does not exist/i.test(msg)) throw new InputError(`--db ${path}`, 'no such database (run `sitrep ingest` first)');
    throw new InputError(`--db ${path}`, `cannot open the database (${msg})`);
  }
}
