// The Store on SQLite (better-sqlite3): one file, WAL mode, one writer at a time. This file opens
// the database and holds the transactions; the SQL lives beside it, one file per concern:
// ./migrations.ts (schema), ./filters.ts (filters → SQL), ./writes.ts (articles, linking,
// summaries), ./queries.ts (reads), ./errors.ts (SQLite's faults as StoreErrors).
import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Document } from '../../contract.js';
import { displayName, isStoreError, StoreError } from '../errors.js';
import { prepareArticle, type PreparedArticle } from '../prepare.js';
import type { ArticleDetail, Filter, IncidentDetail, Page, PutResult, RawMeta, Rejection, Stats, Store, StoredEvent, StoredIncident } from '../types.js';
import { mapped, sqliteCode, storeErrorOf } from './errors.js';
import { migrate } from './migrations.js';
import { Reads } from './queries.js';
import { storedEventJson } from '../records.js';
import { Writes } from './writes.js';

export interface SqliteOptions {
  readonly?: boolean;
  /** told once when a write waits for another process's write (default: a line on stderr) */
  onWait?: (message: string) => void;
}

/**
 * SQLite waits this long for another connection's lock before answering SQLITE_BUSY; the write
 * transaction is then tried again (saying once that it waits) until WRITE_WAIT_MS have passed.
 * Another `sitrep ingest` or `sitrep serve` holds the lock one article at a time, so a writer
 * waits its turn rather than failing; only a writer stuck for minutes makes a "busy" error.
 */
const BUSY_TIMEOUT_MS = 2000;
const WRITE_WAIT_MS = 180_000;

/** Read statements kept compiled. */
const STATEMENTS_KEPT = 256;

/**
 * A connection for reading. Opened read-write with writes refused (query_only) where the file
 * allows it: the last connection to close then checkpoints and removes the -wal and -shm files,
 * which a read-only connection cannot, leaving them behind after every `sitrep stats`. A file or
 * folder that cannot be written is opened read-only.
 */
function openForReading(path: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (e) {
    if (!['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM'].includes(sqliteCode(e) ?? '')) throw e;
    return new Database(path, { readonly: true, fileMustExist: true });
  }
  db.pragma('query_only = ON');
  return db;
}

/** fn, tried again while the store is busy (each try has waited busy_timeout), WRITE_WAIT_MS at most; `waiting` is called before each new try. */
function inTurn<T>(fn: () => T, waiting: () => void): T {
  const started = Date.now();
  for (;;) {
    try {
      return fn();
    } catch (e) {
      const busy = isStoreError(e, 'busy') || sqliteCode(e) === 'SQLITE_BUSY';
      if (!busy || Date.now() - started > WRITE_WAIT_MS) throw e;
      waiting();
    }
  }
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  /** the store as the user named it, for messages */
  readonly name: string;
  private readonly writes: Writes | null;
  private readonly reads: Reads;
  private readonly stmts = new Map<string, Database.Statement>();
  private readonly onWait: (message: string) => void;
  private waitTold = false;

  constructor(
    readonly path: string,
    opts: SqliteOptions = {},
  ) {
    this.name = displayName(path);
    this.onWait = opts.onWait ?? ((m) => process.stderr.write(`sitrep: ${m}\n`));
    let db: Database.Database | null = null;
    const existed = existsSync(path);
    try {
      db = opts.readonly ? openForReading(path) : new Database(path);
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      if (!opts.readonly) {
        db.pragma('journal_mode = WAL');
        // WAL + NORMAL: a commit survives the process being killed (not a power cut), without an fsync per article.
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
        // Checkpoints copy the WAL into the database and sync it twice: with SQLite's default (every
        // 1000 pages, a few articles) they cost more than the writes. Every 64 MB instead, and on flush.
        db.pragma('wal_autocheckpoint = 16384');
        // Two ingests starting together both migrate a new store: one waits for the other.
        const opened = db;
        inTurn(() => migrate(opened), () => this.waiting());
      }
      db.pragma('cache_size = -65536');
      db.pragma('temp_store = MEMORY');
      this.db = db;
      this.writes = opts.readonly ? null : new Writes(db);
    } catch (e) {
      try {
        db?.close();
      } catch {
        // the open error is the one worth reporting
      }
      // A store this open was creating holds nothing yet: no half-made file or stray -wal/-shm is left.
      if (!existed) for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(f, { force: true });
      // better-sqlite3 refuses a missing folder itself (a TypeError): SQLite's "cannot open" then.
      const missingFolder = e instanceof TypeError && !existsSync(dirname(resolve(path)));
      throw storeErrorOf(missingFolder ? Object.assign(new Error(e.message), { code: 'SQLITE_CANTOPEN' }) : e, this.name);
    }
    this.reads = new Reads((text, raw) => this.sql(text, raw));
  }

  /**
   * A read statement, compiled once: queries are built from the filters given, and a server asks
   * the same few shapes again and again. Bounded, as IN lists make many shapes.
   */
  private sql(text: string, raw = false): Database.Statement {
    let st = this.stmts.get(text);
    if (!st) {
      if (this.stmts.size >= STATEMENTS_KEPT) this.stmts.clear();
      st = this.db.prepare(text);
      this.stmts.set(text, st);
    }
    return st.raw(raw);
  }

  private writer(): Writes {
    if (!this.writes) throw storeErrorOf(Object.assign(new Error('opened read-only'), { code: 'SQLITE_READONLY' }), this.name);
    return this.writes;
  }

  /**
   * Runs fn in one write transaction, with SQLite's faults as StoreErrors. IMMEDIATE: the write lock
   * is taken at the start, so a lock held elsewhere makes BEGIN wait (busy_timeout) instead of a
   * read turning into a write failing halfway; still busy after that, the whole transaction is
   * tried again, for WRITE_WAIT_MS at most.
   */
  private tx<T>(fn: () => T): T {
    return inTurn(() => this.txOnce(fn), () => this.waiting());
  }

  /** One try of a write transaction: committed, or rolled back and thrown (a StoreError for SQLite's faults). */
  private txOnce<T>(fn: () => T): T {
    return mapped(this.name, () => {
      try {
        return this.db.transaction(fn).immediate();
      } catch (e) {
        this.writes?.rolledBack();
        throw e;
      }
    });
  }

  /**
   * tx for the asynchronous write methods: while another process holds the write lock, this
   * thread waits between tries with a timer, not inside SQLite's busy handler, so a server goes
   * on answering (and its keep-alive connections are not dropped by timers that fire late).
   */
  private async txAsync<T>(fn: () => T): Promise<T> {
    const started = Date.now();
    for (;;) {
      mapped(this.name, () => this.db.pragma('busy_timeout = 0'));
      try {
        return this.txOnce(fn);
      } catch (e) {
        if (!isStoreError(e, 'busy') || Date.now() - started > WRITE_WAIT_MS) throw e;
        if (Date.now() - started >= BUSY_TIMEOUT_MS) this.waiting();
      } finally {
        mapped(this.name, () => this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`));
      }
      await new Promise((res) => setTimeout(res, 10 + Math.random() * 40));
    }
  }

  private waiting(): void {
    if (this.waitTold) return;
    this.waitTold = true;
    this.onWait(`${this.name}: another process is writing to this store; waiting for its turn…`);
  }

  async putArticle(doc: Document, raw: RawMeta): Promise<PutResult> {
    return this.putPrepared(prepareArticle(doc), raw);
  }

  async putPrepared(p: PreparedArticle, raw: RawMeta): Promise<PutResult> {
    const w = this.writer();
    return this.txAsync(() => w.put(p, raw));
  }

  /** putArticle without the Promise, for callers that batch on one thread (bench, tests). */
  putArticleSync(doc: Document, raw: RawMeta): PutResult {
    return this.putPreparedSync(prepareArticle(doc), raw);
  }

  putPreparedSync(p: PreparedArticle, raw: RawMeta): PutResult {
    const w = this.writer();
    return this.tx(() => w.put(p, raw));
  }

  async putBatch(items: { prepared: PreparedArticle; raw: RawMeta }[]): Promise<(PutResult | Error)[]> {
    return this.putBatchSync(items);
  }

  putBatchSync(items: { prepared: PreparedArticle; raw: RawMeta }[]): (PutResult | Error)[] {
    const w = this.writer();
    // Written first without a savepoint per article (~8 % of the writer's CPU per article of a
    // much-reported story): the commit keeps the batch whole or absent. An article refused rolls
    // the batch back, and it is written again with savepoints, so that only that article is left out.
    if (items.length > 1) {
      let refused = false;
      try {
        return this.tx(() =>
          items.map(({ prepared, raw }) => {
            try {
              return w.put(prepared, raw);
            } catch (e) {
              refused = true;
              throw e;
            }
          }),
        );
      } catch (e) {
        // The store itself in trouble (or busy past waiting) is no article's fault.
        const err = storeErrorOf(e, this.name);
        if (!refused || (err instanceof StoreError && err.fatal)) throw err;
      }
    }
    return this.tx(() =>
      items.map(({ prepared, raw }) => {
        try {
          // Nested: a savepoint, so that one article refused leaves the others of the batch.
          return this.db.transaction(() => w.put(prepared, raw))();
        } catch (e) {
          w.rolledBack();
          const err = storeErrorOf(e, this.name);
          if (err instanceof StoreError && err.fatal) throw err;
          return err instanceof Error ? err : new Error(String(err));
        }
      }),
    );
  }

  async hasRaw(rawHash: string): Promise<boolean> {
    return this.hasRawSync(rawHash);
  }

  hasRawSync(rawHash: string): boolean {
    return mapped(this.name, () => this.reads.hasRaw(rawHash));
  }

  async putRejected(r: Rejection): Promise<void> {
    const w = this.writer();
    await this.txAsync(() => w.putRejected(r));
  }

  async clearRejected(source: string): Promise<void> {
    const w = this.writer();
    await this.txAsync(() => w.clearRejected(source));
  }

  async rejected(limit = 1000): Promise<(Rejection & { at: string })[]> {
    return mapped(this.name, () => this.reads.rejected(limit));
  }

  /**
   * Brings stale incident summaries up to date, a batch per transaction, letting this thread's
   * other work run between batches: during an ingest, the worker threads' results are taken (and
   * the workers given more) rather than left waiting for a long flush to end.
   */
  async flush(): Promise<void> {
    while (this.flushBatch()) await new Promise((res) => setImmediate(res));
  }

  flushSync(): void {
    while (this.flushBatch());
  }

  /** Recomputes one batch of stale summaries; false when none was left. */
  private flushBatch(): boolean {
    const w = this.writes;
    if (!w) return false;
    const ids = mapped(this.name, () => w.staleBatch());
    if (!ids.length) {
      mapped(this.name, () => this.db.pragma('wal_checkpoint(PASSIVE)'));
      return false;
    }
    this.tx(() => w.recomputeAll(ids));
    return true;
  }

  /** A read: summaries brought up to date first (when writable), faults as StoreErrors. */
  private read<T>(fn: () => T): T {
    this.flushSync();
    return mapped(this.name, fn);
  }

  async events(f: Filter = {}): Promise<Page<StoredEvent>> {
    return this.eventsSync(f);
  }

  eventsSync(f: Filter = {}): Page<StoredEvent> {
    return this.read(() => this.reads.events(f));
  }

  async eventsJson(f: Filter = {}): Promise<Page<string>> {
    return this.read(() => this.reads.events(f, storedEventJson));
  }

  async incidents(f: Filter = {}): Promise<Page<StoredIncident>> {
    return this.incidentsSync(f);
  }

  incidentsSync(f: Filter = {}): Page<StoredIncident> {
    return this.read(() => this.reads.incidents(f));
  }

  async getEvent(id: number): Promise<StoredEvent | null> {
    return this.read(() => this.reads.event(id));
  }

  async getIncident(id: number): Promise<IncidentDetail | null> {
    return this.read(() => this.reads.incident(id));
  }

  async getArticle(id: number): Promise<ArticleDetail | null> {
    return mapped(this.name, () => this.reads.article(id));
  }

  async stats(): Promise<Stats> {
    return this.read(() => this.reads.stats());
  }

  /** "ok", or SQLite's list of problems. */
  integrityCheck(): string {
    const problems = this.checkSync();
    return problems.length ? problems.join('; ') : 'ok';
  }

  async check(): Promise<string[]> {
    return this.checkSync();
  }

  /** SQLite's integrity check and foreign-key check: what they find, empty when sound. */
  checkSync(): string[] {
    try {
      return mapped(this.name, () => {
        const integrity = (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check.replace(/\s*\n\s*/g, ' ')).filter((x) => x !== 'ok');
        const keys = (this.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(
          (r) => `row ${r.rowid} of ${r.table} points to a missing row of ${r.parent}`,
        );
        return [...integrity, ...keys];
      });
    } catch (e) {
      // Damage bad enough to stop the check itself is its finding.
      if (isStoreError(e, 'corrupt')) return [`the check itself stopped: ${(e.cause as Error | undefined)?.message ?? 'the file is damaged'}`];
      throw e;
    }
  }

  /**
   * SQLite's quick check (the b-trees' structure, without matching indexes to tables): the first
   * `max` problems, empty when sound. For reads to warn before showing what a damaged store holds.
   */
  quickCheck(max = 10): string[] {
    try {
      return (this.db.pragma(`quick_check(${Math.max(1, Math.floor(max))})`) as { quick_check: string }[]).map((r) => r.quick_check.replace(/\s*\n\s*/g, ' ')).filter((x) => x !== 'ok');
    } catch (e) {
      const err = storeErrorOf(e, this.name);
      if (isStoreError(err, 'corrupt')) return [`the check itself stopped: ${(e as Error).message}`];
      throw err;
    }
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    try {
      if (this.writes) {
        this.flushSync();
        // Keeps the planner's statistics current (cheap: it analyses only what changed a lot);
        // skipped, not waited for, while another process writes.
        try {
          this.db.pragma('optimize');
        } catch (e) {
          if (sqliteCode(e) !== 'SQLITE_BUSY') throw storeErrorOf(e, this.name);
        }
      }
    } finally {
      this.db.close();
    }
  }
}
