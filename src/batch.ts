// Batch mode: JSONL in, one contract document per line out, in input order, on every core.
// The input is streamed: read line by line (a limit per line, none on the file), handed to a pool
// of workers, and printed in input order. Memory stays bounded whatever the input's length: at most
// a window of lines is read ahead of the first one not printed yet.
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { ERROR_SCHEMA_ID } from './contract.js';
import { checkBinary, firstInvalidUtf8, MAX_INPUT_BYTES } from './normalise/text.js';
import { InputError, statFile } from './errors.js';
import { DEFAULT_TIME_LIMIT_S } from './budget.js';
import { Pool, PoolTimeout } from './ingest/pool.js';

/** One input line handed to a worker (batch-worker.ts). */
export interface BatchJob {
  line: number;
  text: string;
}

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

export interface BatchDefaults {
  published?: string;
  outlet?: string;
  url?: string;
  title?: string;
}

export interface BatchOptions {
  includeText: boolean;
  workers?: number;
  /** seconds one line may take to extract; past it, its worker is stopped and the line is an error */
  timeLimit?: number;
  defaults: BatchDefaults;
  out: (s: string) => void;
  /** lines read ahead of the first one not printed yet (default: 64 per worker) */
  window?: number;
  /** longest line accepted, in bytes (default: the limit of one article) */
  maxLineBytes?: number;
}

export { DEFAULT_TIME_LIMIT_S };

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

/** One line of the input: its text, or why it cannot be read. */
export type InputLine = { line: number; text: string } | { line: number; error: string };

const UTF16: [number[], string][] = [
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * The non-blank lines of a stream of bytes, numbered from 1. UTF-8 (a BOM is skipped) or UTF-16
 * with its BOM; a file that is not text at all is refused at its first bytes. A line longer than
 * `maxLineBytes` is not kept in memory: it is skipped and reported in its place.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>, source: string, maxLineBytes = MAX_INPUT_BYTES): AsyncGenerator<InputLine> {
  let n = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let first = true;
  let utf16: TextDecoder | null = null;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const end = (): InputLine | null => {
    n++;
    const over = size > maxLineBytes;
    let bytes = over ? null : parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
    if (bytes && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    const length = size;
    parts = [];
    size = 0;
    if (over) return { line: n, error: `line too long: ${(length / 1048576).toFixed(1)} MB (limit ${(maxLineBytes / 1048576).toFixed(0)} MB per line)` };
    // Blank lines (a trailing one, a paragraph break between records) are not records.
    let k = 0;
    while (k < bytes!.length && (bytes![k] === 0x20 || bytes![k] === 0x09 || bytes![k] === 0x0d)) k++;
    if (k === bytes!.length) return null;
    try {
      return { line: n, text: utf8.decode(bytes!) };
    } catch {
      return { line: n, error: `invalid UTF-8 at byte ${firstInvalidUtf8(bytes!)} of the line (convert the file to UTF-8)` };
    }
  };
  for await (const raw of stream) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (first) {
      first = false;
      const bom = UTF16.find(([sig]) => chunk[0] === sig[0] && chunk[1] === sig[1]);
      if (bom) utf16 = new TextDecoder(bom[1]);
      else {
        checkBinary(source, chunk.subarray(0, 65536));
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
    }
    // UTF-16 is read as the UTF-8 it decodes to: line ends are then single bytes again.
    if (utf16) chunk = Buffer.from(utf16.decode(chunk, { stream: true }));
    let at = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, at)) {
      add(chunk.subarray(at, nl));
      at = nl + 1;
      const l = end();
      if (l) yield l;
    }
    add(chunk.subarray(at));
  }
  if (utf16) add(Buffer.from(utf16.decode()));
  if (size > 0) {
    const l = end();
    if (l) yield l;
  }

  function add(b: Buffer): void {
    if (b.length === 0) return;
    // Past the limit the line's bytes are only counted.
    if (size + b.length <= maxLineBytes) parts.push(b);
    else parts = [];
    size += b.length;
  }
}

/** The input named on the command line as a stream: a file, or standard input for "-". */
export function openInput(path: string): { stream: Readable; source: string } {
  if (path === '-') return { stream: process.stdin, source: 'standard input' };
  statFile(path, 'is a directory, not a file (use `sitrep ingest` for folders)');
  return { stream: createReadStream(path, { highWaterMark: 1 << 20 }), source: path };
}

type Result = { ok: true; out: string } | { ok: false; reason: string };

/** Extracts every line of `stream`, printing one output line per input line in input order. */
export async function runBatch(stream: AsyncIterable<Buffer | string>, source: string, opts: BatchOptions): Promise<void> {
  const workers = opts.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new InputError('--workers', `expected a whole number of at least 1, got "${workers}"`);
  const window = Math.max(1, opts.window ?? 64 * workers);
  // The pipeline stops an article over its budget itself, between stages and windows, and names
  // the stage; the pool's stop (a little later) is for a stage that never returns. 0: no limit.
  const seconds = opts.timeLimit ?? DEFAULT_TIME_LIMIT_S;
  const limitMs = seconds > 0 ? seconds * 1000 + 2000 : undefined;

  // Lines read and not printed yet, by position; `printed`: positions 0 … printed-1 are out.
  const done = new Map<number, string>();
  let read = 0;
  let printed = 0;
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const flush = () => {
    let s = '';
    while (done.has(printed)) {
      s += done.get(printed)! + '\n';
      done.delete(printed++);
    }
    if (s) opts.out(s);
    wake?.();
  };

  // Workers start with the first lines: as many as there are lines, up to `workers`.
  let pool: Pool<BatchJob, Result> | null = null;
  const waiting: { pos: number; job: BatchJob }[] = [];
  const startPool = (size: number) => {
    pool = new Pool<BatchJob, Result>(size, new URL('./batch-worker.js', import.meta.url), (reason) => ({ ok: false, reason }), {
      workerData: { includeText: opts.includeText, timeLimit: seconds, defaults: opts.defaults },
      announcesReady: true,
    });
    for (const w of waiting.splice(0)) submit(w.pos, w.job);
  };
  const submit = (pos: number, job: BatchJob) => {
    if (!pool) {
      waiting.push({ pos, job });
      if (waiting.length >= workers) startPool(workers);
      return;
    }
    pool.run(job, undefined, limitMs).then(
      (r) => {
        done.set(pos, r.ok ? r.out : errorLine(job.line, idOf(job.text), r.reason));
        flush();
      },
      (e: unknown) => {
        if (e instanceof PoolTimeout) done.set(pos, errorLine(job.line, idOf(job.text), `extraction took longer than ${seconds} s (the time limit per article, --time-limit); stopped`));
        else failure ??= e as Error;
        flush();
      },
    );
  };

  try {
    try {
      for await (const l of readLines(stream, source, opts.maxLineBytes)) {
        if (failure) break;
        const pos = read++;
        if ('error' in l) {
          done.set(pos, errorLine(l.line, undefined, l.error));
          flush();
        } else submit(pos, { line: l.line, text: l.text });
        // Bounded memory: read on only when the window has room.
        while (read - printed >= window && !failure) await new Promise<void>((r) => (wake = r));
        wake = null;
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (!(e instanceof InputError) && typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new InputError(source, `cannot be read (${code})`);
      throw e;
    }
    if (read === 0) throw new InputError(source, 'empty input: no JSON lines');
    if (!pool && waiting.length) startPool(waiting.length);
    while (printed < read && !failure) await new Promise<void>((r) => (wake = r));
    if (failure) throw failure;
  } finally {
    await (pool as Pool<BatchJob, Result> | null)?.close();
  }
}

/** The id of a line, for an error object about it; undefined when the line does not give one. */
function idOf(text: string): unknown {
  try {
    const o = JSON.parse(text);
    return o && typeof o === 'object' && !Array.isArray(o) ? o.id : undefined;
  } catch {
    return undefined;
  }
}

export function errorLine(line: number, id: unknown, error: string): string {
  return JSON.stringify({ schema: ERROR_SCHEMA_ID, line, ...(id !== undefined ? { id } : {}), error });
}
