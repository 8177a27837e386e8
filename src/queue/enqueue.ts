// `sitrep ingest --queue`: inputs into the job queue instead of through this process. Files and
// folders are read here (workers may run on machines that cannot see them) and each article they
// hold becomes a job carrying its bytes; URLs become jobs that a worker fetches, a feed's items
// then becoming jobs of their own. What the store already has is skipped, as `sitrep ingest` does.
import type { Item } from '../ingest/sources.js';
import { isUrlArg, planInputs, produce } from '../ingest/sources.js';
import { rawOf } from '../ingest/run.js';
import { rawHash } from '../store/hash.js';
import { enqueue, queueCounts, type JobInput, type QueueCounts } from './jobs.js';
import type { PgStore } from '../store/postgres/store.js';

/** Jobs inserted per statement. */
const BATCH = 200;

/** An item as a job: its bytes (or text) as the body, the rest as metadata. */
export function itemJob(it: Item, raw: string): JobInput {
  const { bytes, text, ...meta } = it;
  return { kind: 'item', source: it.source, rawHash: raw, body: bytes ?? Buffer.from(text ?? '', 'utf8'), meta: { ...meta, textual: bytes === undefined } };
}

/** The item a job carries. */
export function jobItem(body: Buffer, meta: Record<string, unknown>): Item {
  const { textual, ...rest } = meta;
  const it = rest as unknown as Item;
  return textual ? { ...it, text: body.toString('utf8') } : { ...it, bytes: body };
}

export function urlJob(url: string): JobInput {
  return { kind: 'url', source: url, rawHash: rawHash('url', url), body: null, meta: { url } };
}

export interface EnqueueReport {
  /** jobs added */
  queued: number;
  /** inputs already waiting in the queue */
  waiting: number;
  /** inputs the store already has */
  skipped: number;
  rejected: number;
  ignored: number;
  queue: QueueCounts;
}

export async function enqueueInputs(paths: string[], store: PgStore): Promise<EnqueueReport> {
  const urls = paths.filter(isUrlArg);
  const local = paths.filter((p) => !isUrlArg(p));
  if (local.length) planInputs(local);
  const rep = { queued: 0, waiting: 0, skipped: 0, rejected: 0, ignored: 0 };
  let batch: JobInput[] = [];
  const send = async () => {
    const added = await enqueue(store.pool, batch);
    rep.queued += added;
    rep.waiting += batch.length - added;
    batch = [];
  };
  for (const u of urls) batch.push(urlJob(u));
  if (local.length)
    for await (const x of produce(local)) {
      if ('ignored' in x) rep.ignored++;
      else if ('read' in x) await store.clearRejected(x.read);
      else if ('reject' in x) {
        rep.rejected++;
        await store.putRejected({ source: x.reject.source, reason: x.reject.reason });
      } else {
        const raw = rawOf(x.item);
        if (await store.hasRaw(raw)) rep.skipped++;
        else batch.push(itemJob(x.item, raw));
      }
      if (batch.length >= BATCH) await send();
    }
  await send();
  return { ...rep, queue: await queueCounts(store.pool) };
}

export function formatEnqueueReport(r: EnqueueReport, db: string): string {
  return (
    `queued ${r.queued} jobs into ${db}` +
    (r.waiting ? ` (${r.waiting} already waiting)` : '') +
    `; ${r.skipped} stored before, ${r.rejected} rejected` +
    (r.ignored ? `, ${r.ignored} files or records ignored (not articles)` : '') +
    `\nqueue: ${r.queue.queued} waiting, ${r.queue.retrying} to retry, ${r.queue.running} running, ${r.queue.dead} failed (dead letters)` +
    `\nrun \`sitrep worker --db ${db}\` (on any machine that reaches the database) to process them\n`
  );
}
