// Load test of `sitrep serve`: a store of generated events (built once, then reused), the server
// started as `sitrep serve` in a child process on a loopback port, and autocannon sending a mix of
// filtered /api/events requests for a bounded time. Prints requests/s and latency percentiles,
// overall and per query.
//
//   node dist/tools/load-test.js [--events 1000000] [--seconds 20] [--connections 8] [--db PATH|postgres://…] [--writers N] [--rebuild] [--skip REGEX]
//
// The store is built by a bulk load (./sqlite-bulk.ts, or ./pg-bulk.ts for --db postgres://…?schema=NAME;
// no linking: each event its own incident), or with --writers N by the store's own writes, N at a time
// (linked; over an hour for a million events). On a bulk-loaded store no incident is corroborated
// twice: "min corroboration 2" answers an empty page there, and says nothing of its cost on a linked
// store (1M events, 0.5–10 % of incidents set corroborated in a transaction then rolled back:
// 16–73 ms CPU for a page's ids on SQLite, 6–584 ms on PostgreSQL, against ~1 ms here).
// Loopback only; the run stops by itself after --seconds (at most 120).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { isPostgresUrl, openStore } from '../store/open.js';
import { isStoreError } from '../store/errors.js';
import { dropPgStore } from '../store/postgres/store.js';
import { bulkLoad as pgBulkLoad } from './pg-bulk.js';
import { bulkLoad as sqliteBulkLoad } from './sqlite-bulk.js';
import type { Store } from '../store/types.js';
import { loadArticles } from './load-corpus.js';
import { queries, ROOT, startServer } from './serve-probe.js';

/**
 * The generated articles (./load-corpus.ts) straight into a fresh store's tables, by a bulk load
 * (./pg-bulk.ts, ./sqlite-bulk.ts): the store's own writes, one article per transaction and linked,
 * would take hours for a million events.
 */
async function bulkBuild(db: string, events: number, err: (s: string) => void): Promise<void> {
  const t0 = Date.now();
  let step = 0;
  const progress = (n: number) => {
    if (n < ((step + 1) * events) / 20) return;
    step = Math.floor((n * 20) / events);
    err(`  ${n.toLocaleString('en')} events, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  };
  const { next } = loadArticles(events);
  if (isPostgresUrl(db)) await pgBulkLoad(db, next, { progress });
  else {
    mkdirSync(dirname(db), { recursive: true });
    sqliteBulkLoad(db, next, { progress });
  }
  err(`  indexes built, analysed: ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}

/**
 * Adds generated articles to the store at `path` until it holds `events` events, `writers` at a
 * time. A build that was stopped goes on from the articles it has (a run takes a while at a million).
 */
async function build(path: string, events: number, writers: number, err: (s: string) => void): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const store: Store = await openStore(path);
  const stats = await store.stats();
  const first = stats.articles;
  const gen = loadArticles(Infinity, first);
  const t0 = Date.now();
  let written = stats.events;
  let step = Math.floor((written * 20) / events);
  if (first) err(`  going on from ${first.toLocaleString('en')} articles, ${written.toLocaleString('en')} events\n`);
  const inFlight = new Set<Promise<void>>();
  while (written < events) {
    const i = gen.index();
    const p: Promise<void> = store.putArticle(gen.next()!, { source: `generated #${i}` }).then((put) => {
      inFlight.delete(p);
      written += put.eventIds.length;
      if (written >= ((step + 1) * events) / 20) {
        step = Math.floor((written * 20) / events);
        const s = (Date.now() - t0) / 1000;
        err(`  ${written.toLocaleString('en')} events, ${s.toFixed(0)} s\n`);
      }
    });
    inFlight.add(p);
    if (inFlight.size >= writers) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await store.flush();
  await store.close();
}

/**
 * CPU time a process's threads have used, in ms (Linux /proc: each thread's schedstat, in ns; null
 * elsewhere). On a shared machine the latencies say how busy it was as much as how fast the server
 * is; its CPU per request does not.
 */
function cpuMs(pid: number | undefined): number | null {
  try {
    let ns = 0;
    for (const t of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function timed(url: string): Promise<{ ms: number; status: number; items: number; next: string | null }> {
  const t = performance.now();
  const res = await fetch(url);
  const body = (await res.json()) as { items?: unknown[]; next?: string | null };
  return { ms: performance.now() - t, status: res.status, items: body.items?.length ?? 0, next: body.next ?? null };
}

type Autocannon = (opts: object) => { on(ev: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void } & Promise<AutocannonResult>;
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

async function main(): Promise<void> {
  const { values: o } = parseArgs({
    options: {
      events: { type: 'string', default: '1000000' },
      seconds: { type: 'string', default: '20' },
      connections: { type: 'string', default: '8' },
      db: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      writers: { type: 'string' },
      skip: { type: 'string' },
    },
  });
  const events = Number(o.events);
  const seconds = Math.min(120, Math.max(1, Number(o.seconds)));
  const connections = Math.min(64, Math.max(1, Number(o.connections)));
  if (!Number.isInteger(events) || events < 1) throw new Error('--events: a positive whole number');
  const db = o.db ?? join(ROOT, '.scratch', `load-test-${events}.db`);
  const err = (s: string) => process.stderr.write(s);

  const pg = isPostgresUrl(db);
  const writers = Math.max(1, Number(o.writers ?? 1));
  if (o.rebuild) {
    if (pg) await dropPgStore(db);
    else for (const x of ['', '-wal', '-shm']) rmSync(db + x, { force: true });
  }
  let have = 0;
  if (pg || existsSync(db)) {
    try {
      const s = await openStore(db, { readonly: true });
      have = (await s.stats()).events;
      await s.close();
    } catch (e) {
      if (!isStoreError(e, 'unavailable')) throw e;
    }
  }
  if (have < events) {
    err(`building ${db} with ${events.toLocaleString('en')} generated events (once; later runs reuse it)\n`);
    if (!o.writers) {
      if (have && pg) await dropPgStore(db);
      else if (!pg) for (const x of ['', '-wal', '-shm']) rmSync(db + x, { force: true });
      await bulkBuild(db, events, err);
    } else await build(db, events, writers, err);
  } else err(`reusing ${db} (${have.toLocaleString('en')} events)\n`);

  const { url, child } = await startServer(db);
  try {
    // Second pages need cursors from first pages.
    const cursors: Record<string, string> = {};
    for (const [name, path] of [
      ['no filter', '/api/events'],
      ['country', '/api/events?country=UA'],
    ]) {
      const r = await timed(url + path);
      if (r.next) cursors[name] = r.next;
    }
    // --skip 'actor code|min corr': leave queries out of the mix by name (a regular expression).
    const skip = o.skip ? new RegExp(o.skip, 'i') : null;
    const mix = queries(cursors).filter((q) => !skip?.test(q.name));
    err('\nper query, one at a time (5 runs each after a warm-up; milliseconds):\n');
    const rows: string[] = [];
    for (const q of mix) {
      await timed(url + q.path);
      const ms: number[] = [];
      let last = { status: 0, items: 0 };
      const cpu0 = cpuMs(child.pid);
      for (let k = 0; k < 5; k++) {
        const r = await timed(url + q.path);
        ms.push(r.ms);
        last = r;
      }
      const cpu1 = cpuMs(child.pid);
      ms.sort((a, b) => a - b);
      const cpu = cpu0 !== null && cpu1 !== null ? `  server CPU ${((cpu1 - cpu0) / 5).toFixed(1).padStart(5)}` : '';
      rows.push(`  ${q.name.padEnd(28)} median ${ms[2].toFixed(1).padStart(7)}  max ${ms[4].toFixed(1).padStart(7)}${cpu}  (${last.status}, ${last.items} items)`);
    }
    err(rows.join('\n') + '\n');

    const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
    err(`\nautocannon: ${connections} connections, ${seconds} s, ${mix.length} queries in turn\n`);
    const times: number[] = [];
    const cpu0 = cpuMs(child.pid);
    const run = autocannon({ url, connections, duration: seconds, requests: mix.map((q) => ({ method: 'GET', path: q.path })) });
    run.on('response', (_c, _s, _b, ms) => times.push(ms));
    const result = await run;
    const cpu1 = cpuMs(child.pid);
    times.sort((a, b) => a - b);
    const line = [
      `requests: ${result.requests.total.toLocaleString('en')} in ${result.duration} s = ${result.requests.average.toFixed(0)} requests/s`,
      `latency (ms): p50 ${percentile(times, 50).toFixed(1)}, p95 ${percentile(times, 95).toFixed(1)}, p99 ${percentile(times, 99).toFixed(1)}, max ${result.latency.max.toFixed(1)}`,
      `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
    ];
    if (cpu0 !== null && cpu1 !== null && result.requests.total)
      line.push(`server CPU: ${((cpu1 - cpu0) / result.requests.total).toFixed(2)} ms a request (all its threads; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
    process.stdout.write(`${line.join('\n')}\n`);
    if (percentile(times, 95) >= 50) process.stdout.write('p95 is over the 50 ms goal\n');
  } finally {
    child.kill('SIGTERM');
  }
}

// `node --test dist/` takes any *-test.js file for a test file, this one included: under the test
// runner it reports itself as skipped rather than building a million events.
if (process.env.NODE_TEST_CONTEXT) {
  const { test } = await import('node:test');
  test('load test of sitrep serve (a tool: run `node dist/tools/load-test.js`)', { skip: 'not a unit test' }, () => {});
} else
  main().catch((e) => {
    process.stderr.write(`load-test: ${(e as Error).message}\n`);
    process.exitCode = 1;
  });
