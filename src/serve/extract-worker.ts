// A worker thread of the server's extraction pool (./extract-pool.ts): POST /api/extract and
// POST /api/ingest extract here, so that a long article holds up neither /health nor the reads.
import { parentPort } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { extractItem } from '../ingest/extract-item.js';
import { extract } from '../pipeline.js';
import { DEFAULT_TIME_LIMIT_S } from '../budget.js';
import type { ExtractJob, ExtractResult } from './extract-pool.js';

function run(job: ExtractJob): ExtractResult {
  try {
    if (job.kind === 'ingest') return { ok: true, value: extractItem(job.item) };
    return { ok: true, value: extract(job.input, { includeText: true, timeLimit: DEFAULT_TIME_LIMIT_S }) };
  } catch (e) {
    return { ok: false, reason: e instanceof InputError ? e.message : `extraction failed: ${(e as Error).message}`, input: e instanceof InputError };
  }
}

parentPort!.on('message', ({ k, item }: { k: number; item: ExtractJob }) => {
  parentPort!.postMessage({ k, result: run(item) });
});
