// Extraction for the server, off its main thread: the ingest worker pool (../ingest/pool.ts) with
// this folder's worker script, started at the first request. Each request has a time budget: a
// request that finds the pool full is refused at once (503, try again later); one whose article
// takes longer than the budget is stopped (413: too large for this server to extract in time).
import { availableParallelism } from 'node:os';
import type { Document } from '../contract.js';
import type { Extracted } from '../ingest/extract-item.js';
import { Pool, PoolTimeout } from '../ingest/pool.js';
import type { Item } from '../ingest/sources.js';
import type { RawInput } from '../normalise/index.js';
import { HttpError } from './http.js';

export type ExtractJob = { kind: 'extract'; input: RawInput } | { kind: 'ingest'; item: Item };
export type ExtractResult = { ok: true; value: Document | Extracted } | { ok: false; reason: string; input: boolean };

export interface ExtractPoolOptions {
  /** worker threads (default: half the cores, at least one) */
  workers?: number;
  /** time one request may take, queueing included (default 60 s: a 2 MB article, the largest body, takes 30–50 s on one busy core) */
  budgetMs?: number;
  /** jobs waiting or running at most; beyond, 503 (default: 4 per worker) */
  maxPending?: number;
}

export const DEFAULT_EXTRACT_BUDGET_MS = 60_000;

export class ExtractPool {
  private pool: Pool<ExtractJob, ExtractResult> | null = null;
  readonly workers: number;
  readonly budgetMs: number;
  private readonly maxPending: number;

  constructor(o: ExtractPoolOptions = {}) {
    this.workers = o.workers ?? Math.max(1, Math.floor(availableParallelism() / 2));
    this.budgetMs = o.budgetMs ?? DEFAULT_EXTRACT_BUDGET_MS;
    this.maxPending = o.maxPending ?? 4 * this.workers;
  }

  private get(): Pool<ExtractJob, ExtractResult> {
    this.pool ??= new Pool<ExtractJob, ExtractResult>(this.workers, new URL('./extract-worker.js', import.meta.url), (reason) => ({ ok: false, reason, input: false }));
    return this.pool;
  }

  /** Refuses (503) when `jobs` more would not fit. */
  admit(jobs = 1): void {
    const pending = this.pool?.pending ?? 0;
    if (pending + jobs > this.maxPending)
      throw new HttpError(503, `busy: ${pending} extraction${pending === 1 ? '' : 's'} waiting or running; try again shortly`, { 'Retry-After': '5' });
  }

  /** Runs jobs together within one budget; their results in order, or the HttpError of the first that timed out. */
  async run(jobs: ExtractJob[]): Promise<ExtractResult[]> {
    this.admit(jobs.length);
    const pool = this.get();
    const settled = await Promise.allSettled(jobs.map((j) => pool.run(j, this.budgetMs)));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      const e = failed.reason;
      if (e instanceof PoolTimeout)
        throw e.started
          ? new HttpError(413, `extraction ${e.message}, the limit for one request: send a shorter article`)
          : new HttpError(503, `busy: ${e.message}; try again shortly`, { 'Retry-After': '5' });
      throw e;
    }
    return settled.map((s) => (s as PromiseFulfilledResult<ExtractResult>).value);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
