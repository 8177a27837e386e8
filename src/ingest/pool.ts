// A fixed set of worker threads taking jobs from one queue. A worker that dies fails only the job
// it was running and is replaced, so one poisonous input cannot stop a batch. A job may have a
// time budget: past it, the job fails with PoolTimeout (its worker, if it had started it, is
// stopped and replaced), so a slow input cannot hold a worker for ever. The budget counts from
// the call (the server's extract: waiting for a worker included) or, with a run limit, from the
// moment a worker begins the job (batch mode: a long queue is no article's fault).
import { Worker } from 'node:worker_threads';
import type { Extracted } from './extract-item.js';
import type { Item } from './sources.js';

interface Job<In, Out> {
  k: number;
  item: In;
  resolve: (r: Out) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
  /** milliseconds the job may run once its worker begins it */
  runMs?: number;
}

/** A job that did not finish within its budget; `started`: a worker had begun it. */
export class PoolTimeout extends Error {
  constructor(
    readonly started: boolean,
    readonly ms: number,
  ) {
    super(started ? `took longer than ${ms / 1000} s` : `waited longer than ${ms / 1000} s for a free worker`);
  }
}

/**
 * Jobs handed to a worker before it finishes the one it is running (default). A worker's next job
 * then waits in its own message queue: it goes on extracting while the main thread is busy
 * writing (a message posted back is only read, and a new job only sent, when that thread is free).
 */
const DEPTH = 2;
/** Young-generation size of each worker (see `spawn`). */
const YOUNG_GENERATION_MB = 64;

export interface PoolOptions {
  /** data each worker receives as `workerData` */
  workerData?: unknown;
  /**
   * The script posts `{ ready: true }` once loaded (models read, warmed up): a run limit starts
   * counting only then, so that a worker's start-up is not charged to its first job.
   */
  announcesReady?: boolean;
  /**
   * Jobs each worker holds at most, the one it runs included (default DEPTH): enough to keep it
   * busy for as long as the main thread may go without taking results (a batch written in one
   * synchronous transaction), fewer to share slow jobs out evenly.
   */
  depth?: number;
}

/**
 * `script` answers {k, item} messages with {k, result}; `crashed` makes the result of a job whose
 * worker died. The defaults: ingest's worker (items in, prepared articles out).
 */
export class Pool<In = Item, Out = Extracted> {
  private readonly queue: Job<In, Out>[] = [];
  /** each live worker's jobs, in the order sent: the first is the one it is running */
  private readonly held = new Map<Worker, Job<In, Out>[]>();
  /** workers that have not said they are ready yet (only with `announcesReady`) */
  private readonly loading = new Set<Worker>();
  private next = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly script: URL = new URL('./worker.js', import.meta.url),
    private readonly crashed: (reason: string) => Out = (reason) => ({ ok: false, reason }) as Out,
    private readonly options: PoolOptions = {},
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Jobs waiting or running. */
  get pending(): number {
    let n = this.queue.length;
    for (const jobs of this.held.values()) n += jobs.length;
    return n;
  }

  private spawn(): void {
    // Extraction allocates many short-lived objects per article: with V8's default young
    // generation, two workers spend their time in scavenges and contend for memory (8,000
    // articles, 2 workers: 36 s → 30 s with 64 MB; one worker is about the same).
    const w = new Worker(this.script, { workerData: this.options.workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    this.held.set(w, []);
    if (this.options.announcesReady) this.loading.add(w);
    w.on('message', (m: { k: number; result: Out } | { ready: true }) => {
      const jobs = this.held.get(w);
      if ('ready' in m) {
        this.loading.delete(w);
        if (jobs?.[0]) this.begin(jobs[0], w);
        return;
      }
      const i = jobs ? jobs.findIndex((j) => j.k === m.k) : -1;
      if (i < 0) return;
      const [job] = jobs!.splice(i, 1);
      clearTimeout(job.timer);
      job.resolve(m.result);
      // The next job it holds is the one it runs now.
      if (i === 0 && jobs![0]) this.begin(jobs![0], w);
      this.pump();
    });
    // Blamed at 'exit', not at 'error': every message the worker sent before dying is delivered
    // by then, so the jobs it finished are not taken for the one it died on.
    let error: string | null = null;
    w.on('error', (e) => (error ??= e.message));
    w.on('exit', (code) => {
      if (this.closed) return;
      const jobs = this.held.get(w) ?? [];
      this.held.delete(w);
      this.loading.delete(w);
      // The first job left is the one it died on; the others never started: they go back in front.
      if (jobs[0]) clearTimeout(jobs[0].timer);
      jobs[0]?.resolve(this.crashed(`extraction crashed: ${error ?? `worker exited with code ${code}`}`));
      this.queue.unshift(...jobs.slice(1)); // bounded: a worker holds `depth` jobs at most
      this.spawn();
      this.pump();
    });
  }

  private pump(): void {
    const most = this.options.depth ?? DEPTH;
    for (let depth = 1; depth <= most && this.queue.length; depth++)
      for (const [w, jobs] of this.held) {
        if (!this.queue.length) break;
        if (jobs.length >= depth) continue;
        const job = this.queue.shift()!;
        jobs.push(job);
        w.postMessage({ k: job.k, item: job.item });
        if (jobs.length === 1) this.begin(job, w);
      }
  }

  /** A job its worker begins now: its run limit starts (once the worker is ready). */
  private begin(job: Job<In, Out>, w: Worker): void {
    if (job.runMs === undefined || job.timer !== undefined || this.loading.has(w)) return;
    const ms = job.runMs;
    job.timer = setTimeout(() => this.expire(job, ms), ms);
  }

  /**
   * The job's result; with `budgetMs`, a PoolTimeout once that time has passed since the call;
   * with `runMs`, a PoolTimeout once it has run that long (waiting for a worker not counted).
   */
  run(item: In, budgetMs?: number, runMs?: number): Promise<Out> {
    return new Promise((resolve, reject) => {
      const job: Job<In, Out> = { k: this.next++, item, resolve, reject, runMs };
      if (budgetMs !== undefined) job.timer = setTimeout(() => this.expire(job, budgetMs), budgetMs);
      this.queue.push(job);
      this.pump();
    });
  }

  /** Fails a job past its budget: taken out of the queue, or its worker stopped (and replaced). */
  private expire(job: Job<In, Out>, ms: number): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      return job.reject(new PoolTimeout(false, ms));
    }
    for (const [w, jobs] of this.held) {
      const i = jobs.indexOf(job);
      if (i < 0) continue;
      job.reject(new PoolTimeout(i === 0, ms));
      // Running: the worker is stopped; at 'exit' the job (failed already) is dropped, the jobs
      // it held behind it go back in the queue, and another worker starts. Sent but not begun
      // (waiting in the worker's own queue): taken out; its answer, if one comes, is dropped.
      if (i === 0) void w.terminate();
      else jobs.splice(i, 1);
      return;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.held.keys()].map((w) => w.terminate()));
  }
}
