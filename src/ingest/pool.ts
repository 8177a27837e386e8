// A fixed set of worker threads taking jobs from one queue. A worker that dies fails only the job
// it was running and is replaced, so one poisonous input cannot stop a batch.
import { Worker } from 'node:worker_threads';
import type { Extracted } from './extract-item.js';
import type { Item } from './sources.js';

interface Job {
  k: number;
  item: Item;
  resolve: (r: Extracted) => void;
}

/**
 * Jobs handed to a worker before it finishes the one it is running. A worker's next job then
 * waits in its own message queue: it goes on extracting while the main thread is busy writing
 * (a message posted back is only read, and a new job only sent, when that thread is free).
 */
const DEPTH = 2;

export class Pool {
  private readonly queue: Job[] = [];
  /** each live worker's jobs, in the order sent: the first is the one it is running */
  private readonly held = new Map<Worker, Job[]>();
  private next = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly script: URL = new URL('./worker.js', import.meta.url),
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const w = new Worker(this.script);
    this.held.set(w, []);
    w.on('message', (m: { k: number; result: Extracted }) => {
      const jobs = this.held.get(w);
      const i = jobs ? jobs.findIndex((j) => j.k === m.k) : -1;
      if (i < 0) return;
      const [job] = jobs!.splice(i, 1);
      job.resolve(m.result);
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
      // The first job left is the one it died on; the others never started: they go back in front.
      jobs[0]?.resolve({ ok: false, reason: `extraction crashed: ${error ?? `worker exited with code ${code}`}` });
      this.queue.unshift(...jobs.slice(1));
      this.spawn();
      this.pump();
    });
  }

  private pump(): void {
    for (let depth = 1; depth <= DEPTH && this.queue.length; depth++)
      for (const [w, jobs] of this.held) {
        if (!this.queue.length) break;
        if (jobs.length >= depth) continue;
        const job = this.queue.shift()!;
        jobs.push(job);
        w.postMessage({ k: job.k, item: job.item });
      }
  }

  run(item: Item): Promise<Extracted> {
    return new Promise((resolve) => {
      this.queue.push({ k: this.next++, item, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.held.keys()].map((w) => w.terminate()));
  }
}
