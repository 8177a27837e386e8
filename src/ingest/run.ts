// `sitrep ingest`: inputs → worker threads (extraction, every core) → the main thread, which owns
// the single SQLite writer and stores the articles in batches (one transaction each, every
// article in a savepoint of its own), in input order.
//
// Resumable: an input whose raw hash the store has seen is skipped before extraction, and a kill
// at any moment leaves every committed article whole and nothing half-written (WAL; an article
// is whole or absent in its batch). Bad inputs are counted, kept in the `rejected` table and listed at the end;
// they never stop the batch.
import { availableParallelism } from 'node:os';
import { InputError } from '../errors.js';
import { StoreError } from '../store/errors.js';
import { openStore } from '../store/open.js';
import { rawHash } from '../store/hash.js';
import type { PutResult } from '../store/types.js';
import { extractItem, type Extracted } from './extract-item.js';
import type { FetchOptions } from './fetch.js';
import { Pool } from './pool.js';
import { Progress, type Counts, type ProgressMode } from './progress.js';
import { planInputs, produce, type Item } from './sources.js';

export interface IngestOptions {
  db: string;
  workers?: number;
  quiet?: boolean;
  allowPrivate?: boolean;
  fetch?: Omit<FetchOptions, 'allowPrivate'>;
  /** where the final report goes (stdout) */
  out: (s: string) => void;
  /** where progress goes (stderr) */
  err?: (s: string) => void;
  /** draw a progress bar (default: stderr is a terminal) */
  tty?: boolean;
  /** seconds one article may take before it is rejected (default 10; 0: no limit) */
  timeLimit?: number;
}

export interface IngestReport extends Counts {
  inputs: number;
  ignored: number;
  /** the ignored, by why */
  ignoredWhy: Record<string, number>;
  events: number;
  seconds: number;
  perSecond: number;
  /** the first rejections (all are in the store's rejected table) */
  rejections: { source: string; reason: string }[];
}

/**
 * Inputs in flight (being extracted or waiting to be written), per worker: the queue of prepared
 * articles that keeps this thread writing while a slow article holds a worker, and keeps the
 * workers extracting while this thread writes (pool.ts also hands each worker its next job early).
 */
const IN_FLIGHT_PER_WORKER = 32;
/**
 * When the window is full, its first half is written, in one transaction (each article whole or
 * not at all). Writing only the results ready at its head made batches of 1.6 articles on 2
 * cores (extraction is the slower side): each commit then wrote ~1 MB of WAL per article (events
 * have hashed ids, so every row lands on a page of its own), against ~0.36 MB in batches of 32.
 * The other half goes on being extracted meanwhile.
 */
const WRITE_FRACTION = 0.5;
/**
 * Jobs each worker is handed ahead (pool.ts). This thread writes half the window in one
 * synchronous transaction (4–6 ms of CPU per article of a much-reported story, 32 articles), and
 * takes results and hands out jobs only between batches: with 2 jobs ahead, each worker ran dry
 * after ~20 ms and waited out the rest of the batch (on 2 cores, each worker idle 40 % of a run).
 * Half the window per worker: as much work ahead as the batch being written.
 */
const WORKER_DEPTH = IN_FLIGHT_PER_WORKER / 2;
/** Rejections kept for the report; the rejected table has them all. */
const REPORT_REJECTIONS = 100;
/** How often a long run brings incident summaries up to date for readers in other processes. */
const FLUSH_EVERY_MS = 30_000;

type Extract = { kind: 'extract'; item: Item; raw: string; result: Promise<Extracted>; done: boolean };
type Entry = { kind: 'reject'; source: string; reason: string; size: number } | { kind: 'skip'; size: number } | Extract;

/** True when the entry can be written without waiting. */
const settled = (e: Entry) => e.kind !== 'extract' || e.done;

/** The raw hash of an item: what it is and the metadata given with it (a re-run, or the queue, skips what the store has). */
export function rawOf(it: Item): string {
  return rawHash(
    it.bytes ?? it.text,
    it.isHtml ? 'html' : 'text',
    it.url,
    it.title,
    it.outlet,
    it.published,
    it.license,
    it.fallback.published,
    it.fallback.outlet,
    it.fallback.license,
  );
}

export async function ingest(paths: string[], opts: IngestOptions): Promise<IngestReport> {
  // One worker per core although this thread writes too: writing an article costs a fifth to a
  // third of extracting it, so this thread is idle most of the time and the cores stay full. One
  // more worker than cores was measured slower on 2 cores (start-up ~1.4 s of CPU each, and threads
  // taking turns); one fewer leaves a core mostly idle whenever the machine is not busy otherwise.
  const workers = opts.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 0 || workers > 256) throw new InputError('--workers', `expected a whole number from 0 to 256, got ${opts.workers}`);
  const plan = planInputs(paths);
  const store = await openStore(opts.db);
  const err = opts.err ?? ((s: string) => process.stderr.write(s));
  const mode: ProgressMode = opts.quiet ? 'quiet' : (opts.tty ?? process.stderr.isTTY) ? 'tty' : 'log';
  const progress = new Progress(mode, plan.totalBytes, err);
  const counts: Counts = { new: 0, revision: 0, duplicate: 0, skipped: 0, rejected: 0 };
  const rep = { inputs: 0, ignored: 0, ignoredWhy: {} as Record<string, number>, events: 0, rejections: [] as { source: string; reason: string }[] };
  // workers 0: extract on this thread (tests, tiny inputs: no thread start-up, one model load).
  const pool = workers > 0 ? new Pool(workers, undefined, undefined, { depth: WORKER_DEPTH }) : { run: async (it: Item) => extractItem(it), close: async () => {} };

  const reject = async (source: string, reason: string) => {
    counts.rejected++;
    if (rep.rejections.length < REPORT_REJECTIONS) rep.rejections.push({ source, reason });
    await store.putRejected({ source, reason });
  };

  /**
   * Writes entries in order: extracted articles in batches (one transaction, each article whole
   * or not at all: Store.putBatch), rejections and skips as they come.
   */
  const write = async (entries: Entry[]) => {
    let batch: { e: Extract; prepared: Extracted & { ok: true } }[] = [];
    const flushBatch = async () => {
      if (!batch.length) return;
      const items = batch;
      batch = [];
      // The store itself in trouble (full disk, read-only, damaged) throws: stop, rather than reject every article.
      const results = await store.putBatch(
        items.map(({ e, prepared: r }) => ({ prepared: r.prepared, raw: { source: e.item.source, url: e.item.url ?? r.prepared.article.url, key: e.item.key, rawHash: e.raw } })),
      );
      for (const [k, put] of results.entries()) {
        if (put instanceof Error) await reject(items[k].e.item.source, `could not be stored: ${put.message}`);
        else {
          counts[put.status]++;
          rep.events += put.eventIds.length;
        }
        progress.tick(items[k].e.item.size, counts);
      }
    };
    for (const e of entries) {
      rep.inputs++;
      if (e.kind === 'extract') {
        const r = await e.result;
        if (r.ok) {
          batch.push({ e, prepared: r });
          continue;
        }
        await flushBatch();
        await reject(e.item.source, r.reason);
        progress.tick(e.item.size, counts);
        continue;
      }
      await flushBatch();
      if (e.kind === 'reject') await reject(e.source, e.reason);
      else counts.skipped++;
      progress.tick(e.size, counts);
    }
    await flushBatch();
  };

  let flushed = Date.now();
  let failed = false;
  const window: Entry[] = [];
  const max = Math.max(1, workers) * IN_FLIGHT_PER_WORKER;
  try {
    for await (const x of produce(paths, { fetch: { ...opts.fetch, allowPrivate: !!opts.allowPrivate } })) {
      if ('ignored' in x) {
        rep.ignored++;
        rep.ignoredWhy[x.why] = (rep.ignoredWhy[x.why] ?? 0) + 1;
      }
      else if ('read' in x) await store.clearRejected(x.read);
      else if ('reject' in x) window.push({ kind: 'reject', ...x.reject });
      else {
        const raw = rawOf(x.item);
        if (await store.hasRaw(raw)) window.push({ kind: 'skip', size: x.item.size });
        else {
          const job = opts.timeLimit === undefined ? x.item : { ...x.item, timeLimit: opts.timeLimit };
          const entry: Extract = { kind: 'extract', item: x.item, raw, result: pool.run(job), done: false };
          void entry.result.then(
            () => (entry.done = true),
            () => (entry.done = true),
          );
          window.push(entry);
        }
      }
      if (window.length >= max) {
        // The first half, waited for in order, in one batch; and whatever else is ready behind it.
        let n = Math.max(1, Math.floor(max * WRITE_FRACTION));
        while (n < window.length && settled(window[n])) n++;
        await write(window.splice(0, n));
      }
      if (Date.now() - flushed > FLUSH_EVERY_MS) {
        // A batch at a time (sqlite.ts flush): the workers' results keep being taken meanwhile.
        await store.flush();
        flushed = Date.now();
      }
    }
    while (window.length) await write(window.splice(0, max));
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    progress.finish();
    await pool.close();
    try {
      await store.close();
    } catch (e) {
      // The store's fault that stopped the run (a full disk, say) fails its close too: the first
      // error is the one to report, not a second one hiding it.
      if (!failed) throw e;
    }
  }
  const seconds = progress.seconds;
  const report: IngestReport = { ...counts, ...rep, seconds, perSecond: rep.inputs / Math.max(0.001, seconds) };
  if (!opts.quiet) opts.out(formatReport(report, opts.db));
  return report;
}

export function formatReport(r: IngestReport, db: string): string {
  const lines = [
    `ingest: ${r.inputs} inputs in ${r.seconds.toFixed(1)} s (${r.perSecond.toFixed(0)} articles/s) into ${db}: ` +
      `${r.new} new, ${r.revision} revised, ${r.duplicate} duplicates, ${r.skipped} stored before, ${r.rejected} rejected` +
      (r.ignored
        ? `; ${r.ignored} ignored (${Object.entries(r.ignoredWhy ?? {})
            .sort((a, b) => b[1] - a[1])
            .map(([why, n]) => `${n} ${why}`)
            .join(', ')})`
        : ''),
    `events stored: ${r.events}`,
  ];
  if (r.rejected) {
    lines.push(`rejected (${r.rejected}):`);
    for (const x of r.rejections) lines.push(`  ${x.source}: ${x.reason}`);
    if (r.rejected > r.rejections.length) lines.push(`  … and ${r.rejected - r.rejections.length} more (all are in the database's rejected table)`);
  }
  return lines.join('\n') + '\n';
}
