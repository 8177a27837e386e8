// Reads in worker threads: each worker opens the store read-only and answers list, item and facet
// requests with the JSON text of the answer. A slow query then holds up neither the other cores
// nor the main thread (static files, /health, ingest keep answering), and the serialisation is
// done off the main thread too. Any store `openStore` can open read-only works.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { storeErrorCode, type StoreErrorCode } from '../store/errors.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { safeJson, safeJsonText } from './http.js';
import { RENDERERS, renderItems, type Listing } from '../query/format.js';
import type { Format } from '../query/filter.js';
import { countMatches, listEvents, listEventsJson, listFullIncidents, listIncidents, type Query } from '../query/list.js';
import { computeFacets } from './query.js';
import { publicArticle } from './redact.js';

export type ReadOp =
  | { op: 'events' | 'incidents'; q: Query }
  /** one page of an export, rendered: `n` items were written before it */
  | { op: 'export'; what: Listing; format: Format; q: Query; n: number }
  | { op: 'facets'; q: Query; scan: number }
  | { op: 'count'; what: Listing; q: Query }
  | { op: 'event' | 'incident' | 'article'; id: number };

/**
 * A reply: the answer as JSON text in UTF-8 (null: not found), or the error's message. Bytes, moved
 * to the main thread rather than copied, and ready to send: it neither copies nor encodes a page.
 */
type Reply = { k: number; json: Uint8Array | null } | { k: number; error: string; code: StoreErrorCode | null };

/** Runs one read against a store; shared by the workers and by tests. */
export async function read(store: Store, r: ReadOp): Promise<unknown> {
  switch (r.op) {
    case 'events':
      return listEvents(store, r.q);
    case 'incidents':
      return listIncidents(store, r.q);
    case 'export': {
      const p = await (r.what === 'events' ? listEvents(store, r.q) : listFullIncidents(store, r.q));
      const out = renderItems<any>(RENDERERS[r.what][r.format], p.items, r.n);
      return { text: out.text, n: out.n, items: p.items.length, next: p.next } satisfies ExportPage;
    }
    case 'facets':
      return computeFacets(store, r.q, r.scan);
    case 'count':
      return countMatches(store, r.what, r.q);
    case 'event':
      return store.getEvent(r.id);
    case 'incident':
      return store.getIncident(r.id);
    case 'article': {
      const a = await store.getArticle(r.id);
      return a && publicArticle(a);
    }
  }
}

/**
 * safeJson(await read(store, r)): a page of events from the events' JSON texts (Store.eventsJson),
 * not parsed into objects only to be written out again.
 */
export async function readJson(store: Store, r: ReadOp): Promise<string | null> {
  if (r.op === 'events') return safeJsonText(await listEventsJson(store, r.q));
  const value = await read(store, r);
  return value === null ? null : safeJson(value);
}

/** A page of an export as text (`n`: items written so far, `items`: read in this page). */
export interface ExportPage {
  text: string;
  n: number;
  items: number;
  next: string | null;
}

/** A read that failed in a reader thread: its message, and the store error code it carried (../store/errors.ts). */
export class ReadError extends Error {
  constructor(
    message: string,
    readonly code: StoreErrorCode | null = null,
  ) {
    super(message);
  }
}

export class Readers {
  private readonly workers: Worker[] = [];
  private readonly load = new Map<Worker, number>();
  private readonly waiting = new Map<number, { resolve: (json: Buffer | null) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(
    readonly db: string,
    count = Math.min(4, availableParallelism()),
  ) {
    for (let i = 0; i < count; i++) this.spawn();
  }

  private spawn(): void {
    const w = new Worker(new URL(import.meta.url), { workerData: { db: this.db } });
    this.load.set(w, 0);
    w.on('message', (m: Reply) => {
      this.load.set(w, (this.load.get(w) ?? 1) - 1);
      const p = this.waiting.get(m.k);
      this.waiting.delete(m.k);
      if ('error' in m) p?.reject(new ReadError(m.error, m.code));
      else p?.resolve(m.json && Buffer.from(m.json.buffer, m.json.byteOffset, m.json.byteLength));
    });
    w.on('error', (e) => {
      // Requests this worker held fail; a new worker takes its place.
      process.stderr.write(`sitrep serve: reader thread failed: ${e.message}\n`);
      this.workers.splice(this.workers.indexOf(w), 1);
      this.load.delete(w);
      this.spawn();
    });
    this.workers.push(w);
  }

  /** The answer as JSON text in UTF-8, or null when the item does not exist. */
  run(r: ReadOp): Promise<Buffer | null> {
    // The least busy worker: one slow query does not queue the quick ones behind it.
    const w = this.workers.reduce((a, b) => ((this.load.get(b) ?? 0) < (this.load.get(a) ?? 0) ? b : a));
    const k = this.next++;
    this.load.set(w, (this.load.get(w) ?? 0) + 1);
    return new Promise((resolve, reject) => {
      this.waiting.set(k, { resolve, reject });
      w.postMessage({ k, r });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    for (const p of this.waiting.values()) p.reject(new ReadError('the server is closing'));
    this.waiting.clear();
  }
}

if (!isMainThread && parentPort && (workerData as { db?: string })?.db) {
  const store = openStore((workerData as { db: string }).db, { readonly: true });
  const port = parentPort;
  port.on('message', async ({ k, r }: { k: number; r: ReadOp }) => {
    try {
      const json = await readJson(await store, r);
      // Encoded into a buffer of its own (not Buffer.from's shared pool), so that it can be moved.
      const bytes = json === null ? null : new TextEncoder().encode(json);
      port.postMessage({ k, json: bytes } satisfies Reply, bytes ? [bytes.buffer] : []);
    } catch (e) {
      port.postMessage({ k, error: (e as Error).message, code: storeErrorCode(e) } satisfies Reply);
    }
  });
}
