// Load test of `sitrep serve`: a store of generated events (built once, then reused), the server
// started as `sitrep serve` in a child process on a loopback port, and autocannon sending a mix of
// filtered /api/events requests for a bounded time. Prints requests/s and latency percentiles,
// overall and per query.
//
//   node dist/tools/load-test.js [--events 1000000] [--seconds 20] [--connections 8] [--db PATH|postgres://…] [--writers N] [--rebuild] [--skip REGEX]
//
// --db postgres://…?schema=NAME runs it on PostgreSQL: the store is built by a bulk load (./pg-bulk.ts,
// no linking), or with --writers N by the store's own writes, N at a time.
// Loopback only; the run stops by itself after --seconds (at most 120).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kinds as taxonomyKinds } from '../taxonomy.js';
import { isPostgresUrl, openStore } from '../store/open.js';
import { isStoreError } from '../store/errors.js';
import { dropPgStore } from '../store/postgres/store.js';
import { bulkLoad } from './pg-bulk.js';
import { makeDoc, type EventSpec, type PlaceSpec } from '../store/testing.js';
import type { Store } from '../store/types.js';
import { rng } from './corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Places events happen at (GeoNames coordinates, rounded).
const PLACES: PlaceSpec[] = [
  ['Damascus', 'SY', 33.51, 36.29], ['Aleppo', 'SY', 36.2, 37.16], ['Idlib', 'SY', 35.93, 36.63], ['Homs', 'SY', 34.73, 36.72],
  ['Deir ez-Zor', 'SY', 35.34, 40.14], ['Kharkiv', 'UA', 49.98, 36.25], ['Odesa', 'UA', 46.48, 30.73], ['Kherson', 'UA', 46.64, 32.61],
  ['Zaporizhzhia', 'UA', 47.82, 35.19], ['Dnipro', 'UA', 48.45, 34.98], ['Kyiv', 'UA', 50.45, 30.52], ['Belgorod', 'RU', 50.6, 36.6],
  ['Gaza', 'PS', 31.5, 34.47], ['Khan Younis', 'PS', 31.34, 34.31], ['Rafah', 'PS', 31.3, 34.25], ['Jenin', 'PS', 32.46, 35.3],
  ['Tyre', 'LB', 33.27, 35.2], ['Nabatieh', 'LB', 33.38, 35.48], ['Sanaa', 'YE', 15.35, 44.21], ['Hodeidah', 'YE', 14.8, 42.95],
  ['Marib', 'YE', 15.46, 45.33], ['Khartoum', 'SD', 15.55, 32.53], ['El Fasher', 'SD', 13.63, 25.35], ['Nyala', 'SD', 12.05, 24.88],
  ['Mogadishu', 'SO', 2.04, 45.34], ['Beledweyne', 'SO', 4.74, 45.2], ['Bamako', 'ML', 12.65, -8.0], ['Gao', 'ML', 16.27, -0.04],
  ['Ouagadougou', 'BF', 12.37, -1.53], ['Djibo', 'BF', 14.1, -1.63], ['Maiduguri', 'NG', 11.85, 13.16], ['Goma', 'CD', -1.68, 29.23],
  ['Bunia', 'CD', 1.56, 30.25], ['Mandalay', 'MM', 21.97, 96.08], ['Myitkyina', 'MM', 25.38, 97.4], ['Kabul', 'AF', 34.53, 69.17],
  ['Baghdad', 'IQ', 33.34, 44.4], ['Mosul', 'IQ', 36.34, 43.13], ['Tripoli', 'LY', 32.89, 13.19], ['Benghazi', 'LY', 32.12, 20.07],
  ['Port-au-Prince', 'HT', 18.54, -72.34], ['Arauca', 'CO', 7.08, -70.76], ['Gondar', 'ET', 12.6, 37.47], ['Mekelle', 'ET', 13.5, 39.47],
  ['Quetta', 'PK', 30.18, 66.98], ['Peshawar', 'PK', 34.01, 71.58], ['Stepanakert', 'AZ', 39.82, 46.75], ['Tel Aviv', 'IL', 32.08, 34.78],
].map(([name, country, lat, lon]) => ({ name: name as string, country: country as string, lat: lat as number, lon: lon as number }));

const ACTORS: { name: string; country: string | null }[] = [
  { name: 'the army', country: null }, { name: 'Russian forces', country: 'RUS' }, { name: 'Ukrainian forces', country: 'UKR' },
  { name: 'Israeli warplanes', country: 'ISR' }, { name: 'Hamas', country: 'PSE' }, { name: 'Hezbollah', country: 'LBN' },
  { name: 'the Houthis', country: 'YEM' }, { name: 'the Rapid Support Forces', country: 'SDN' }, { name: 'al-Shabaab', country: 'SOM' },
  { name: 'JNIM militants', country: 'MLI' }, { name: 'M23 rebels', country: 'COD' }, { name: 'the Tatmadaw', country: 'MMR' },
  { name: 'Syrian government forces', country: 'SYR' }, { name: 'Turkish drones', country: 'TUR' }, { name: 'gunmen', country: null },
  { name: 'protesters', country: null }, { name: 'police', country: null }, { name: 'ISWAP fighters', country: 'NGA' },
];
const OUTLETS = Array.from({ length: 30 }, (_v, i) => `Outlet ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''}`);
const CLAIMANTS = [null, 'a military source', 'the health ministry', 'local officials', 'a war monitor', 'residents', 'the governor', 'a spokesman'];
const WORDS = ['convoy', 'checkpoint', 'market', 'hospital', 'bridge', 'depot', 'village', 'airport', 'school', 'port', 'camp', 'mosque', 'station', 'refinery'];


const FIRST_DAY = Date.UTC(2021, 0, 1);
const DAYS = 4 * 365;

/** One generated article: 1–8 events, most of them violent, at a few places on nearby days. */
function article(i: number, r: () => number, kindNames: { violent: string[]; other: string[] }) {
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const day = Math.floor(r() * DAYS);
  const n = 1 + Math.floor(r() * 8);
  const events: EventSpec[] = [];
  for (let k = 0; k < n; k++) {
    const place = pick(PLACES);
    const kind = r() < 0.75 ? pick(kindNames.violent) : pick(kindNames.other);
    const killed = r() < 0.45 ? undefined : Math.floor(-Math.log(1 - r()) * 6);
    const date = new Date(FIRST_DAY + (day - Math.floor(r() * 3)) * 86_400_000).toISOString().slice(0, 10);
    events.push({
      kind,
      sentence: `${pick(ACTORS).name} hit a ${pick(WORDS)} near ${place.name} on ${date}${killed !== undefined ? `, killing ${killed} people` : ''}, ${pick(CLAIMANTS) ?? 'witnesses'} said of the ${pick(WORDS)}.`,
      place: r() < 0.9 ? place : undefined,
      date,
      initiator: pick(ACTORS),
      target: r() < 0.6 ? pick(ACTORS) : undefined,
      fatalities: killed,
      claimant: pick(CLAIMANTS),
      stance: pick(['reported', 'alleged', 'asserted'] as const),
    });
  }
  return makeDoc({
    url: `https://load-test.example/${i}`,
    outlet: pick(OUTLETS),
    title: `Generated report ${i}`,
    published: new Date(FIRST_DAY + (day + 1) * 86_400_000).toISOString().slice(0, 10),
    lead: `Generated report ${i} for the load test.`,
    events,
  });
}

/**
 * The same generated articles straight into a fresh PostgreSQL store's tables (./pg-bulk.ts): its
 * own writes, a score of round trips per article, would take hours for a million events.
 */
async function bulkBuild(url: string, events: number, err: (s: string) => void): Promise<void> {
  const all = taxonomyKinds();
  const kindNames = { violent: all.filter((k) => k.violent).map((k) => k.name), other: all.filter((k) => !k.violent).map((k) => k.name) };
  const r = rng(20240501);
  const t0 = Date.now();
  let [i, written, step] = [0, 0, 0];
  await bulkLoad(
    url,
    () => {
      if (written >= events) return null;
      const doc = article(i++, r, kindNames);
      written += doc.events.length;
      return doc;
    },
    {
      progress: (n) => {
        if (n < ((step + 1) * events) / 20) return;
        step = Math.floor((n * 20) / events);
        err(`  ${n.toLocaleString('en')} events, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
      },
    },
  );
  err(`  indexes built, analysed: ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}

/**
 * Adds generated articles to the store at `path` until it holds `events` events, `writers` at a
 * time. A build that was stopped goes on from the articles it has (a run takes a while at a million).
 */
async function build(path: string, events: number, writers: number, err: (s: string) => void): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const all = taxonomyKinds();
  const kindNames = { violent: all.filter((k) => k.violent).map((k) => k.name), other: all.filter((k) => !k.violent).map((k) => k.name) };
  const store: Store = await openStore(path);
  const stats = await store.stats();
  const first = stats.articles;
  const r = rng(20240501 + first);
  const t0 = Date.now();
  let written = stats.events;
  let step = Math.floor((written * 20) / events);
  if (first) err(`  going on from ${first.toLocaleString('en')} articles, ${written.toLocaleString('en')} events\n`);
  const inFlight = new Set<Promise<void>>();
  for (let i = first; written < events; i++) {
    const p: Promise<void> = store.putArticle(article(i, r, kindNames), { source: `generated #${i}` }).then((put) => {
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

interface Probe {
  name: string;
  path: string;
}

/** The mix of queries: filters a user of the map and table would send. */
function queries(cursors: Record<string, string>): Probe[] {
  const q: Probe[] = [
    { name: 'no filter', path: '/api/events' },
    { name: 'country', path: '/api/events?country=UA' },
    { name: 'country (alpha-3)', path: '/api/events?country=SYR' },
    { name: 'kind', path: '/api/events?kind=air_strike' },
    { name: 'family', path: '/api/events?kind=battle' },
    { name: 'date range (a month)', path: '/api/events?from=2023-03-01&to=2023-03-31' },
    { name: 'country + kind', path: '/api/events?country=SD&kind=armed_clash' },
    { name: 'country + month', path: '/api/events?country=PS&from=2024-01-01&to=2024-01-31' },
    { name: 'text search', path: '/api/events?q=hospital' },
    { name: 'text + country', path: '/api/events?q=convoy&country=YE' },
    { name: 'actor code', path: '/api/events?actor=RUS' },
    { name: 'actor name', path: '/api/events?actor=Houthis' },
    { name: 'bbox (Levant)', path: '/api/events?bbox=34,29,37,34' },
    { name: 'min corroboration 2', path: '/api/events?min_corroboration=2' },
    { name: 'limit 20', path: '/api/events?limit=20&country=ML' },
  ];
  for (const [name, c] of Object.entries(cursors)) q.push({ name: `${name}, page 2`, path: `/api/events?${name === 'country' ? 'country=UA&' : ''}cursor=${encodeURIComponent(c)}` });
  return q;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function startServer(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SITREP_TOKEN: '' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
    child.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
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
    if (pg && !o.writers) {
      if (have) await dropPgStore(db);
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
      for (let k = 0; k < 5; k++) {
        const r = await timed(url + q.path);
        ms.push(r.ms);
        last = r;
      }
      ms.sort((a, b) => a - b);
      rows.push(`  ${q.name.padEnd(28)} median ${ms[2].toFixed(1).padStart(7)}  max ${ms[4].toFixed(1).padStart(7)}  (${last.status}, ${last.items} items)`);
    }
    err(rows.join('\n') + '\n');

    const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
    err(`\nautocannon: ${connections} connections, ${seconds} s, ${mix.length} queries in turn\n`);
    const times: number[] = [];
    const run = autocannon({ url, connections, duration: seconds, requests: mix.map((q) => ({ method: 'GET', path: q.path })) });
    run.on('response', (_c, _s, _b, ms) => times.push(ms));
    const result = await run;
    times.sort((a, b) => a - b);
    const line = [
      `requests: ${result.requests.total.toLocaleString('en')} in ${result.duration} s = ${result.requests.average.toFixed(0)} requests/s`,
      `latency (ms): p50 ${percentile(times, 50).toFixed(1)}, p95 ${percentile(times, 95).toFixed(1)}, p99 ${percentile(times, 99).toFixed(1)}, max ${result.latency.max.toFixed(1)}`,
      `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
    ];
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
