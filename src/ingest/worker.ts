// A worker thread of `sitrep ingest`: items in, extracted documents out. The main thread owns the
// database; workers never touch it.
import { parentPort } from 'node:worker_threads';
import { extractItem } from './extract-item.js';
import type { Item } from './sources.js';

parentPort!.on('message', (job: { k: number; item: Item }) => {
  parentPort!.postMessage({ k: job.k, result: extractItem(job.item) });
});
