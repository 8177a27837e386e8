// The Store on PostgreSQL (node-postgres): one database shared by any number of processes,
// ingest workers writing and servers reading at once. This file opens the connection pool and
// holds the transactions; the SQL lives beside it, one file per concern, as for SQLite:
// ./migrations.ts (schema), ./filters.ts (filters → SQL), ./writes.ts (articles, linking,
// summaries), ./queries.ts (reads).
import pg from 'pg';
import type { Document } from '../../contract.js';
import { prepareArticle, type PreparedArticle } from '../prepare.js';
import type { ArticleDetail, Filter, IncidentDetail, Page, PutResult, RawMeta, Rejection, Stats, Store, StoredEvent, StoredIncident } from '../types.js';
import { displayName, StoreError } from '../errors.js';
import { parsePgUrl } from './connect.js';
import { pgMapped, pgStoreErrorOf } from './errors.js';
import { migrate } from './migrations.js';
import * as reads from './queries.js';
import { storedEventJson } from '../records.js';
import { clearRejected, putRejected, Writes } from './writes.js';

export interface PgOptions {
  readonly?: boolean;
  /** connections kept open (default 4): a server answering several requests at once wants more */
  connections?: number;
}

/** SQLSTATEs after which a transaction is tried again: serialisation failure, deadlock (./writes.ts takes locks in order; kept as a safety net). */
const RETRY = new Set(['40001', '40P01']);
const TRIES = 5;

/** bigint (int8) as a JS number: ids and counts stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export class PgStore implements Store {
  private readonly writes: Writes | null;

  private constructor(
    readonly pool: pg.Pool,
    readonly schema: string,
    /** the store as the user named it (password masked), for messages */
    readonly name: string,
    readonly: boolean,
  ) {
    this.writes = readonly ? null : new Writes(schema);
  }

  /** Connects (creating and migrating the schema unless read-only); a problem is a StoreError naming the store. */
  static async open(url: string, opts: PgOptions = {}): Promise<PgStore> {
    const name = displayName(url);
    const target = parsePgUrl(url);
    if (typeof target === 'string') throw new StoreError('unavailable', name, target);
    const pool = new pg.Pool({ ...target.config, max: opts.connections ?? 4, types });
    // An idle connection that fails (server restarted) must not crash the process: the next query reports it.
    pool.on('error', () => {});
    try {
      const c = await pool.connect();
      try {
        if (!opts.readonly) await migrate(c, target.schema);
        else if (!(await c.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'schema_migrations'`, [target.schema])).rows.length)
          throw new StoreError('unavailable', name, `no sitrep store in schema "${target.schema}" (run \`sitrep ingest --db ${name}\` first)`);
      } finally {
        c.release();
      }
    } catch (e) {
      await pool.end().catch(() => {});
      const mapped = pgStoreErrorOf(e, name);
      // Whatever else stops the first connection (a timeout, a closed socket) means the store cannot be had.
      throw mapped instanceof StoreError ? mapped : new StoreError('unavailable', name, `cannot connect: ${(e as Error).message}`, e);
    }
    return new PgStore(pool, target.schema, name, !!opts.readonly);
  }

  private writer(): Writes {
    if (!this.writes) throw new StoreError('read_only', this.name, 'opened for reading only');
    return this.writes;
  }

  /** A call on the store, PostgreSQL's faults as StoreErrors. */
  private run<T>(fn: () => Promise<T>): Promise<T> {
    return pgMapped(this.name, fn);
  }

  /** Runs fn in one transaction on client c (a pooled one when not given), again when PostgreSQL asks for a retry. */
  async tx<T>(fn: (c: pg.ClientBase) => Promise<T>, client?: pg.ClientBase): Promise<T> {
    return this.run(() => this.txRaw(fn, client));
  }

  private async txRaw<T>(fn: (c: pg.ClientBase) => Promise<T>, client?: pg.ClientBase): Promise<T> {
    const c = client ?? (await this.pool.connect());
    try {
      for (let attempt = 1; ; attempt++) {
        await c.query('BEGIN');
        try {
          const out = await fn(c);
          await c.query('COMMIT');
          return out;
        } catch (e) {
          await c.query('ROLLBACK').catch(() => {});
          if (!RETRY.has((e as { code?: string }).code ?? '') || attempt >= TRIES) throw e;
        }
      }
    } finally {
      if (!client) (c as pg.PoolClient).release();
    }
  }

  async putArticle(doc: Document, raw: RawMeta): Promise<PutResult> {
    return this.putPrepared(prepareArticle(doc), raw);
  }

  /** One transaction per article: several writers share the database, and a long transaction would hold its locks. */
  async putBatch(items: { prepared: PreparedArticle; raw: RawMeta }[]): Promise<(PutResult | Error)[]> {
    const out: (PutResult | Error)[] = [];
    for (const { prepared, raw } of items) {
      try {
        out.push(await this.putPrepared(prepared, raw));
      } catch (e) {
        if (e instanceof StoreError && e.fatal) throw e;
        out.push(e instanceof Error ? e : new Error(String(e)));
      }
    }
    return out;
  }

  async putPrepared(p: PreparedArticle, raw: RawMeta): Promise<PutResult> {
    const w = this.writer();
    return this.tx((c) => w.put(c, p, raw));
  }

  /**
   * Stores an article and runs `also` in the same transaction, on the caller's connection: the
   * queue worker completes its job there (../../queue/worker.ts), so that the article and the
   * job's completion commit together or not at all.
   */
  async putPreparedWith<T>(client: pg.ClientBase, p: PreparedArticle, raw: RawMeta, also: (c: pg.ClientBase, put: PutResult) => Promise<T>): Promise<{ put: PutResult; also: T }> {
    const w = this.writer();
    return this.tx(async (c) => {
      const put = await w.put(c, p, raw);
      return { put, also: await also(c, put) };
    }, client);
  }

  async hasRaw(rawHash: string): Promise<boolean> {
    return this.run(() => reads.hasRaw(this.pool, rawHash));
  }

  async putRejected(r: Rejection): Promise<void> {
    await this.run(() => putRejected(this.pool, r));
  }

  async clearRejected(source: string): Promise<void> {
    await this.run(() => clearRejected(this.pool, source));
  }

  async rejected(limit = 1000): Promise<(Rejection & { at: string })[]> {
    return this.run(() => reads.rejected(this.pool, limit));
  }

  async events(f: Filter = {}): Promise<Page<StoredEvent>> {
    return this.run(() => reads.events(this.pool, f));
  }

  async eventsJson(f: Filter = {}): Promise<Page<string>> {
    return this.run(() => reads.events(this.pool, f, storedEventJson));
  }

  async incidents(f: Filter = {}): Promise<Page<StoredIncident>> {
    return this.run(() => reads.incidents(this.pool, f));
  }

  async getEvent(id: number): Promise<StoredEvent | null> {
    return this.run(() => reads.getEvent(this.pool, id));
  }

  async getIncident(id: number): Promise<IncidentDetail | null> {
    return this.run(() => reads.getIncident(this.pool, id));
  }

  async getArticle(id: number): Promise<ArticleDetail | null> {
    return this.run(() => reads.getArticle(this.pool, id));
  }

  async stats(): Promise<Stats> {
    return this.run(() => reads.stats(this.pool));
  }

  /** Summaries are brought up to date in each article's transaction (./writes.ts recompute): nothing is left to flush. */
  async flush(): Promise<void> {}

  /**
   * What the schema's own constraints cannot say is wrong (foreign keys and uniqueness PostgreSQL
   * enforces itself; damaged pages it reports in its log): articles without their current
   * revision, events without their document, incidents counting members they do not have.
   */
  async check(): Promise<string[]> {
    return this.run(async () => {
      const problems: string[] = [];
      const count = async (sql: string) => Number((await this.pool.query(sql)).rows[0].n);
      const checks: [string, string][] = [
        ['SELECT count(*) AS n FROM articles a WHERE a.current_revision IS NULL OR NOT EXISTS (SELECT 1 FROM revisions r WHERE r.id = a.current_revision AND r.article_id = a.id)', 'articles without their current revision'],
        ['SELECT count(*) AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_docs d WHERE d.id = e.id)', 'events without their document'],
        ['SELECT count(*) AS n FROM incidents i WHERE i.events <> (SELECT count(*) FROM events e WHERE e.incident_id = i.id AND NOT e.superseded)', 'incidents whose member count is stale'],
        ["SELECT count(*) AS n FROM jobs WHERE state NOT IN ('queued', 'running')", 'jobs in an unknown state'],
      ];
      for (const [sql, what] of checks) {
        const n = await count(sql);
        if (n) problems.push(`${n} ${what}`);
      }
      return problems;
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Drops the schema of the PostgreSQL store at url, with everything in it (tools that rebuild a scratch corpus). */
export async function dropPgStore(url: string): Promise<void> {
  const target = parsePgUrl(url);
  if (typeof target === 'string') throw new StoreError('unavailable', displayName(url), target);
  const c = new pg.Client(target.config);
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`);
  } finally {
    await c.end();
  }
}
