// A fixed set of worker threads taking jobs from one queue. A worker that dies fails only the job
// it held and is replaced, so one poisonous input cannot stop a batch.
import { Worker } from 'node:worker_threads';
import type { Extracted } from './extract-item.js';
import type { Item } from './sources.js';

interface Job {
  k: number;
  item: Item;
  resolve: (r: Extracted) => void;
}

export class Pool {
  private readonly queue: Job[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
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
    w.on('message', (m: { k: number; result: Extracted }) => {
      const job = this.busy.get(w);
      this.busy.delete(w);
      job?.resolve(m.result);
      this.idle.push(w);
      this.pump();
    });
    let gone = false;
    const lost = (reason: string) => {
      if (gone) return;
      gone = true;
      const job = this.busy.get(w);
      this.busy.delete(w);
      const i = this.idle.indexOf(w);
      if (i >= 0) this.idle.splice(i, 1);
      job?.resolve({ ok: false, reason: `extraction crashed: ${reason}` });
      if (!this.closed) {
        this.spawn();
        this.pump();
      }
    };
    w.on('error', (e) => lost(e.message));
    // A worker that exits by itself (out of memory, process.exit) fails its job the same way.
    w.on('exit', (code) => {
      if (!this.closed) lost(`worker exited with code ${code}`);
    });
    this.idle.push(w);
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(w, job);
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
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }
}
