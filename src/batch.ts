// Batch mode: JSONL in, one contract document per line out, in input order, on every core.
// Lines are parsed here (so a bad line is reported with its number) and extracted in workers.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { ERROR_SCHEMA_ID } from './contract.js';
import { decode } from './normalise/index.js';
import { InputError } from './errors.js';

export interface BatchItem {
  line: number;
  id?: unknown;
  text?: string;
  html?: string;
  url?: string;
  title?: string;
  outlet?: string;
  published?: string;
}

export interface BatchOptions {
  includeText: boolean;
  /** seconds each article may take (see extract) */
  timeLimit?: number;
  workers?: number;
  defaults: { published?: string; outlet?: string; url?: string; title?: string };
  out: (s: string) => void;
}

const FIELDS = ['id', 'text', 'html', 'url', 'title', 'outlet', 'published'];

/** Parses one input line; returns an error message instead of throwing. */
export function parseLine(line: string, n: number): BatchItem | { line: number; id?: unknown; error: string } {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch (e) {
    return { line: n, error: `not valid JSON (${(e as Error).message})` };
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return { line: n, error: 'expected a JSON object' };
  const r = o as Record<string, unknown>;
  for (const k of FIELDS.slice(1))
    if (r[k] !== undefined && r[k] !== null && typeof r[k] !== 'string')
      return { line: n, id: r.id, error: `field "${k}" must be a string` };
  if (typeof r.text !== 'string' && typeof r.html !== 'string')
    return { line: n, id: r.id, error: 'needs a "text" or an "html" field' };
  return { line: n, ...(r as Omit<BatchItem, 'line'>) };
}

export async function runBatch(source: string, bytes: Buffer, opts: BatchOptions): Promise<void> {
  const text = decode(source === '-' ? 'standard input' : source, bytes);
  const lines = text.split(/\r?\n/);
  const items: (BatchItem | { line: number; id?: unknown; error: string })[] = [];
  lines.forEach((l, i) => {
    if (l.trim()) items.push(parseLine(l, i + 1));
  });
  if (items.length === 0) throw new InputError(source === '-' ? 'standard input' : source, 'empty input: no JSON lines');

  const results: (string | undefined)[] = new Array(items.length);
  let next = 0; // next result to print
  const flush = () => {
    while (next < results.length && results[next] !== undefined) {
      opts.out(results[next]! + '\n');
      results[next] = '';
      next++;
    }
  };
  const todo: number[] = [];
  items.forEach((it, k) => {
    if ('error' in it) results[k] = errorLine(it.line, it.id, it.error);
    else todo.push(k);
  });
  flush();

  const n = Math.max(1, Math.min(opts.workers ?? availableParallelism(), todo.length));
  const CHUNK = 16;
  let cursor = 0;
  await Promise.all(
    Array.from({ length: n }, () =>
      new Promise<void>((resolve, reject) => {
        const w = new Worker(new URL('./batch-worker.js', import.meta.url), {
          workerData: { includeText: opts.includeText, timeLimit: opts.timeLimit, defaults: opts.defaults },
        });
        const send = () => {
          if (cursor >= todo.length) {
            void w.terminate().then(() => resolve());
            return;
          }
          const ks = todo.slice(cursor, cursor + CHUNK);
          cursor += CHUNK;
          w.postMessage(ks.map((k) => ({ k, item: items[k] })));
        };
        w.on('message', (done: { k: number; out: string }[]) => {
          for (const d of done) results[d.k] = d.out;
          flush();
          send();
        });
        w.on('error', reject);
        send();
      }),
    ),
  );
  flush();
}

export function errorLine(line: number, id: unknown, error: string): string {
  return JSON.stringify({ schema: ERROR_SCHEMA_ID, line, ...(id !== undefined ? { id } : {}), error });
}
