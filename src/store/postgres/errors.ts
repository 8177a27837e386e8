// PostgreSQL's faults as StoreErrors: the SQLSTATE (or the socket's error code) decides the
// StoreError code, never the message.
import { StoreError, type StoreErrorCode } from '../errors.js';
import { SchemaTooNew } from './migrations.js';

/** SQLSTATE classes (first two characters) and codes, most specific first. */
const BY_STATE: [RegExp, StoreErrorCode, string][] = [
  [/^(40001|40P01|55P03|57014)$/, 'busy', 'other writers kept the rows it needed locked for too long; try again'],
  [/^53100$/, 'disk_full', "the database server's disk is full: free some space and run the command again (everything committed before is kept)"],
  [/^(25006|42501)$/, 'read_only', 'the database cannot be written with these credentials (read-only server or user without the right); connect as a user who may write'],
  [/^XX00[12]$/, 'corrupt', 'the database server reports damaged data; see its log'],
  [/^23/, 'conflict', 'the write collides with something already stored'],
  [/^(08|28|3D|57P0[1-3]|53)/, 'unavailable', 'the database server cannot be reached or refused the connection; check that it is running and the URL (user, host, port, database)'],
];

/** Socket errors of a server that cannot be reached. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** A StoreError for an error thrown while using the store named `db` (StoreErrors pass through; errors it cannot place are returned as they are). */
export function pgStoreErrorOf(e: unknown, db: string): unknown {
  if (e instanceof StoreError) return e;
  if (e instanceof SchemaTooNew) return new StoreError('unavailable', db, `${e.message}: upgrade sitrep to read it`, e);
  const code = (e as { code?: unknown } | null)?.code;
  const detail = (e as Error)?.message ?? String(e);
  if (typeof code === 'string' && UNREACHABLE.has(code)) return new StoreError('unavailable', db, `the database server cannot be reached (${code}); check that it is running and the URL`, e);
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return e;
  const hit = BY_STATE.find(([re]) => re.test(code));
  return hit ? new StoreError(hit[1], db, `${hit[2]} (SQLSTATE ${code}: ${detail})`, e) : e;
}

/** Runs fn, turning PostgreSQL's faults into StoreErrors. */
export async function pgMapped<T>(db: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw pgStoreErrorOf(e, db);
  }
}
