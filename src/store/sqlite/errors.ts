// SQLite's faults as StoreErrors: the result code decides the StoreError code, never the message.
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

/**
 * Why SQLite could not open the file at `path`, found by asking the file system: SQLite says only
 * "unable to open database file" whether the file is missing, unreadable, or in a read-only folder
 * (a WAL store needs its -wal and -shm files beside it, even to be read).
 */
function cantOpen(path: string): { code: StoreErrorCode; problem: string } {
  const dir = dirname(resolve(path));
  const can = (p: string, mode: number) => {
    try {
      accessSync(p, mode);
      return true;
    } catch {
      return false;
    }
  };
  if (!existsSync(dir)) return { code: 'unavailable', problem: `cannot be opened: there is no folder ${dir}` };
  if (!existsSync(path)) {
    if (!can(dir, constants.W_OK)) return { code: 'read_only', problem: `cannot be created: the folder ${dir} is read-only; choose a writable place for the store` };
    return { code: 'unavailable', problem: BY_CODE.SQLITE_CANTOPEN.problem(path) };
  }
  if (!can(path, constants.R_OK)) return { code: 'unavailable', problem: 'cannot be opened: no permission to read it' };
  if (!can(dir, constants.W_OK))
    return {
      code: 'read_only',
      problem: `cannot be opened: its folder ${dir} is read-only, and SQLite keeps a -wal and a -shm file beside the store even to read it; copy the store to a writable folder`,
    };
  return { code: 'unavailable', problem: BY_CODE.SQLITE_CANTOPEN.problem(path) };
}

/**
 * A StoreError for any error thrown while using the database at `db` (a StoreError passes through;
 * other errors are returned as they are). The message is the plain cause and what to do; SQLite's
 * own code and message stay in `cause` (shown with --debug).
 */
export function storeErrorOf(e: unknown, db: string): unknown {
  if (e instanceof StoreError) return e;
  if (e instanceof SchemaTooNew) return new StoreError('unavailable', db, `${e.message}: upgrade sitrep to read it`, e);
  const c = sqliteCode(e);
  if (c === 'SQLITE_CANTOPEN') {
    const why = cantOpen(db);
    return new StoreError(why.code, db, why.problem, e);
  }
  const known = c ? BY_CODE[c] : undefined;
  if (!known) return e;
  return new StoreError(known.code, db, known.problem(db), e);
}

/** Runs fn, turning SQLite's faults into StoreErrors. */
export function mapped<T>(db: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw storeErrorOf(e, db);
  }
}
