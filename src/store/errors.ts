// What can go wrong with a store, as codes that callers map without reading messages: the server
// to an HTTP status, the CLI to a message and an exit code, ingest to "reject this article" or
// "stop the run". Each backend turns its own faults (SQLite result codes, PostgreSQL SQLSTATEs)
// into these; the message names the store and says what to do in plain words.

export type StoreErrorCode =
  /** no such article, event or incident */
  | 'not_found'
  /** the write collides with what is stored (a unique id taken by other content) */
  | 'conflict'
  /** another writer holds the store for longer than we waited */
  | 'busy'
  /** a filter or cursor the store cannot use (the caller's fault) */
  | 'invalid_filter'
  /** the store cannot be reached or opened (no such file, no server, a schema from a newer sitrep) */
  | 'unavailable'
  /** the store (or its folder) cannot be written */
  | 'read_only'
  /** the disk (or quota) is full */
  | 'disk_full'
  /** the store's files are damaged: `sitrep doctor` says more */
  | 'corrupt';

/** Codes after which nothing more can be written in this run: ingest stops instead of rejecting article after article. */
export const FATAL_CODES: readonly StoreErrorCode[] = ['unavailable', 'read_only', 'disk_full', 'corrupt', 'busy'];

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    /** the store as named by the user (a path or a URL without its password) */
    readonly store: string,
    /** what happened, in plain words, and what to do */
    readonly problem: string,
    /** the backend's own error, for --debug */
    readonly cause?: unknown,
  ) {
    // The caller's faults are about what was asked, not about the store: no path in the message.
    super(code === 'invalid_filter' || code === 'not_found' ? problem : `${store}: ${problem}`);
    this.name = 'StoreError';
  }

  get fatal(): boolean {
    return FATAL_CODES.includes(this.code);
  }
}

const CODES = new Set<string>(['not_found', 'conflict', 'busy', 'invalid_filter', 'unavailable', 'read_only', 'disk_full', 'corrupt']);

export function isStoreError(e: unknown, code?: StoreErrorCode): e is StoreError {
  return e instanceof StoreError && (code === undefined || e.code === code);
}

/**
 * The store error code an error carries, or null: a StoreError's, or the `code` of an error
 * rebuilt from one in another thread (a reader thread posts {message, code}).
 */
export function storeErrorCode(e: unknown): StoreErrorCode | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CODES.has(code) ? (code as StoreErrorCode) : null;
}

/** A filter the store cannot use: the caller's fault (HTTP 400, CLI exit 2). */
export function invalidFilter(store: string, problem: string): StoreError {
  return new StoreError('invalid_filter', store, problem);
}

/** A store URL or path as it may be shown: a password in a URL is masked. */
export function displayName(urlOrPath: string): string {
  return urlOrPath.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
