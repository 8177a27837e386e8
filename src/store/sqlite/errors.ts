// SQLite's faults as StoreErrors: the result code decides the StoreError code, never the message.
import { StoreError, type StoreErrorCode } from '../errors.js';
import { SchemaTooNew } from './migrations.js';

/** The primary result code of a better-sqlite3 error ("SQLITE_IOERR_WRITE" → "SQLITE_IOERR"), or null. */
export function sqliteCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const m = /^SQLITE_[A-Z]+/.exec(code);
  return m ? m[0] : code;
}

const BY_CODE: Record<string, { code: StoreErrorCode; problem: (db: string) => string }> = {
  SQLITE_BUSY: { code: 'busy', problem: () => 'another process kept it locked for writing too long (another `sitrep ingest` or `sitrep serve` writing?); try again' },
  SQLITE_LOCKED: { code: 'busy', problem: () => 'a table is locked by another statement; try again' },
  SQLITE_READONLY: {
    code: 'read_only',
    problem: () => 'cannot be written: the file or its folder is read-only (sitrep writes the file and, beside it, its -wal and -shm files); check the permissions or copy it somewhere writable',
  },
  SQLITE_PERM: { code: 'read_only', problem: () => 'cannot be written: permission denied; check the permissions of the file and its folder' },
  SQLITE_FULL: { code: 'disk_full', problem: () => 'the disk is full: free some space and run the command again (everything committed before is kept)' },
  SQLITE_CORRUPT: { code: 'corrupt', problem: (db) => `the database file is damaged; run \`sitrep doctor --db ${db}\`` },
  SQLITE_NOTADB: { code: 'corrupt', problem: (db) => `not a sitrep database (or its first page is damaged); run \`sitrep doctor --db ${db}\`` },
  SQLITE_CANTOPEN: { code: 'unavailable', problem: () => 'cannot be opened: no such file or folder, or no permission to read it' },
  SQLITE_IOERR: { code: 'unavailable', problem: () => 'the disk reported an error reading or writing it; check the disk and its free space' },
  SQLITE_CONSTRAINT: { code: 'conflict', problem: () => 'the write collides with something already stored' },
};

/** A StoreError for any error thrown while using the database at `db` (a StoreError passes through; other errors are returned as they are). */
export function storeErrorOf(e: unknown, db: string): unknown {
  if (e instanceof StoreError) return e;
  if (e instanceof SchemaTooNew) return new StoreError('unavailable', db, `${e.message}: upgrade sitrep to read it`, e);
  const c = sqliteCode(e);
  const known = c ? BY_CODE[c] : undefined;
  if (!known) return e;
  const detail = (e as Error).message;
  return new StoreError(known.code, db, `${known.problem(db)} (${(e as { code: string }).code}: ${detail})`, e);
}

/** Runs fn, turning SQLite's faults into StoreErrors. */
export function mapped<T>(db: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw storeErrorOf(e, db);
  }
}
