// `sitrep worker`: takes jobs from the queue in a PostgreSQL store, extracts (on worker threads,
// with the ingest pipeline's own extraction, ../ingest/extract-item.ts), writes and links. Any
// number of workers on any number of machines can share one database.
//
// Each of the `concurrency` slots has its own connection: it claims a job there (holding the
// job's lock, ./jobs.ts), extracts off-thread, then stores the article and completes the job in
// one transaction on that connection. Killed at any moment, a worker leaves each of its jobs
// either done (article stored, job gone) or back in the queue once its connections drop.
import { hostname } from 'node:os';
import pg from 'pg';
import type { FetchOptions } from '../ingest/fetch.js';
import { extractItem, type Extracted } from '../ingest/extract-item.js';
import { Pool } from '../ingest/pool.js';
import { rawOf } from '../ingest/run.js';
import { produce, type Item, type Produced } from '../ingest/sources.js';
import { parsePgUrl } from '../store/postgres/connect.js';
import { hasRaw } from '../store/postgres/queries.js';
import type { PgStore } from '../store/postgres/store.js';
import { clearRejected, putRejected } from '../store/postgres/writes.js';
import { claim, complete, enqueue, fail, listenChannel, pending, reclaim, release, type Job, type JobInput } from './jobs.js';
import { itemJob, jobItem } from './enqueue.js';

export interface WorkerOptions {
  /** jobs worked on at once, each extracted on a thread of its own (default 1) */
  concurrency?: number;
  /** stop once no job is left (none waiting, retrying or running) instead of waiting for more */
  drain?: boolean;
  /** wait before the first retry of a failed job; then 4×, … (default 2 s) */
  retryDelayMs?: number;
  /** how often an idle worker looks for jobs without being told of new ones (default 1 s) */
  pollMs?: number;
  fetch?: FetchOptions;
  /** progress and the final report (stderr) */
  log?: (s: string) => void;
  /** how often a running worker logs its counts (default 30 s; 0: never) */
  logEveryMs?: number;
  /** aborting stops claiming; jobs in hand are finished */
  signal?: AbortSignal;
  /** extraction in this thread, not worker threads (tests) */
  inline?: boolean;
}

export interface WorkerReport {
  worker: string;
  /** jobs done: articles stored (new, revision, duplicate), inputs rejected, feeds fanned out, inputs the store had */
  new: number;
  revision: number;
  duplicate: number;
  rejected: number;
  fannedOut: number;
  skipped: number;
  /** failed attempts (each retried or buried) and jobs buried in the dead-letter table */
  failed: number;
  dead: number;
  /** from the first job claimed to the last finished */
  seconds: number;
}

/** The claim was lost (the job was given to another worker): the transaction must not commit. */
class LostClaim extends Error {}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function runWorker(store: PgStore, url: string, opts: WorkerOptions = {}): Promise<WorkerReport> {
  const concurrency = opts.concurrency ?? 1;
  const target = parsePgUrl(url);
  if (typeof target === 'string') throw new Error(target);
  const name = `${hostname()}:${process.pid}`;
  const log = opts.log ?? ((s: string) => process.stderr.write(s));
  const rep: WorkerReport = { worker: name, new: 0, revision: 0, duplicate: 0, rejected: 0, fannedOut: 0, skipped: 0, failed: 0, dead: 0, seconds: 0 };
  let first = 0;
  let last = 0;
  const extract: { run: (it: Item) => Promise<Extracted>; close: () => Promise<void> } = opts.inline
    ? { run: async (it) => extractItem(it), close: async () => {} }
    : new Pool(concurrency);

  // Idle slots sleep until a new job is announced (NOTIFY from enqueue), a poll interval passes, or the worker stops.
  const listener = new pg.Client(target.config);
  await listener.connect();
  let wake: (() => void)[] = [];
  const wakeAll = () => {
    const w = wake;
    wake = [];
    for (const f of w) f();
  };
  listener.on('notification', wakeAll);
  await listener.query(`LISTEN "${await listenChannel(listener)}"`);
  opts.signal?.addEventListener('abort', wakeAll);
  const stopping = () => !!opts.signal?.aborted;
  let reclaimed = 0;

  /** Nothing to claim: gives back jobs of dead workers; true when the worker should stop. */
  const idle = async (c: pg.Client): Promise<boolean> => {
    if (Date.now() - reclaimed > 1000) {
      reclaimed = Date.now();
      await reclaim(c);
    }
    if (stopping()) return true;
    if (opts.drain && (await pending(c)) === 0) return true;
    await new Promise<void>((res) => {
      const t = setTimeout(res, opts.pollMs ?? 1000);
      wake.push(() => {
        clearTimeout(t);
        res();
      });
    });
    return stopping();
  };

  const done = async (t: pg.ClientBase, job: Job) => {
    if (!(await complete(t, job))) throw new LostClaim(`job ${job.id} was given to another worker meanwhile`);
  };

  const handleItem = async (c: pg.Client, job: Job) => {
    if (job.rawHash && (await hasRaw(c, job.rawHash))) {
      await store.tx((t) => done(t, job), c);
      rep.skipped++;
      return;
    }
    const item = jobItem(job.body ?? Buffer.alloc(0), job.meta);
    const r = await extract.run(item);
    if (!r.ok) {
      await store.tx(async (t) => {
        await putRejected(t, { source: item.source, reason: r.reason });
        await done(t, job);
      }, c);
      rep.rejected++;
      return;
    }
    const raw = { source: item.source, url: item.url ?? r.prepared.article.url, key: item.key, rawHash: job.rawHash };
    const { put } = await store.putPreparedWith(c, r.prepared, raw, (t) => done(t, job));
    rep[put.status]++;
  };

  // A URL: fetched here; what it holds (a page, or a feed's items) becomes jobs, in the transaction that completes this one.
  const handleUrl = async (c: pg.Client, job: Job) => {
    const url = String(job.meta.url);
    const got: Produced[] = [];
    for await (const x of produce([url], { fetch: opts.fetch })) got.push(x);
    const whole = got.find((x) => 'reject' in x && x.reject.source === url);
    // The URL itself could not be read (network, server, not a page or feed): worth another try.
    if (whole && 'reject' in whole) throw new Error(whole.reject.reason);
    await store.tx(async (t) => {
      const jobs: JobInput[] = [];
      for (const x of got) {
        if ('item' in x) {
          const raw = rawOf(x.item);
          if (!(await hasRaw(t, raw))) jobs.push(itemJob(x.item, raw));
        } else if ('reject' in x) await putRejected(t, { source: x.reject.source, reason: x.reject.reason });
        else if ('read' in x) await clearRejected(t, x.read);
      }
      await enqueue(t, jobs);
      await done(t, job);
    }, c);
    rep.fannedOut++;
  };

  const slot = async () => {
    const c = new pg.Client(target.config);
    await c.connect();
    try {
      while (!stopping()) {
        const job = await claim(c, name);
        if (!job) {
          if (await idle(c)) break;
          continue;
        }
        first ||= Date.now();
        try {
          if (job.kind === 'url') await handleUrl(c, job);
          else await handleItem(c, job);
        } catch (e) {
          rep.failed++;
          if ((await fail(c, job, message(e), opts.retryDelayMs ?? 2000)) === 'dead') rep.dead++;
        } finally {
          await release(c, job);
          last = Date.now();
        }
      }
    } finally {
      await c.end().catch(() => {});
    }
  };

  const every = opts.logEveryMs ?? 30_000;
  const ticker = every > 0 ? setInterval(() => log(formatWorkerReport({ ...rep, seconds: (last - first) / 1000 })), every) : null;
  try {
    await Promise.all(Array.from({ length: concurrency }, slot));
  } finally {
    if (ticker) clearInterval(ticker);
    await extract.close();
    await listener.end().catch(() => {});
  }
  rep.seconds = first ? (last - first) / 1000 : 0;
  return rep;
}

export function formatWorkerReport(r: WorkerReport): string {
  const stored = r.new + r.revision + r.duplicate;
  const jobs = stored + r.rejected + r.fannedOut + r.skipped;
  return (
    `worker ${r.worker}: ${jobs} jobs in ${r.seconds.toFixed(1)} s (${(jobs / Math.max(0.001, r.seconds)).toFixed(1)}/s): ` +
    `${stored} articles stored (${r.new} new, ${r.revision} revised, ${r.duplicate} duplicates), ${r.rejected} rejected, ` +
    `${r.fannedOut} URLs fetched, ${r.skipped} stored before; ${r.failed} failed attempts, ${r.dead} jobs given up (dead letters)\n`
  );
}
