// `node dist/tools/bench-store.js [--quick] [--articles N] [--events N] [--queries N] [--no-ingest] [--no-queries]
//   [--corpus generated|dev|both] [--profile DIR] [--keep]`: figures for the corpus store. Figures, not pass/fail
// (targets: ≥ 500 articles/s ingest, p95 < 50 ms).
//
//   1. ingest throughput: `sitrep ingest` on two JSONL corpora, every core, process start-up included;
//      and the store's own share, writing prepared articles on one thread (what the single writer
//      thread costs per article). The corpora: "generated" (src/tools/corpus.ts) and "dev" (the
//      dev-set reports of test/gold, ~1.7 KB and ~6 events each, repeated with shifted years, other
//      outlets and a line of their own, so that each copy is a new article and about half of them
//      corroborate another copy).
//   2. query latency on a store of N generated events (default 1,000,000) written straight into the
//      tables (indexes built after the load, as a bulk load would), then ~200 filtered queries of
//      three shapes through the Store API: country + kind + 90 days, a 2° box, and full text.
//
// --profile DIR writes CPU profiles (.cpuprofile, for Chrome DevTools) of the writer's share and
// of extraction on this thread into DIR. --keep leaves the databases made in a temporary folder
// (its path is printed), to look at their query plans.
import { mkdtempSync, writeFileSync, rmSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { worldCountries } from '../data/countries.js';
import { Session } from 'node:inspector';
import { generatedReports as generated, rng } from './corpus.js';
import { SqliteStore } from '../store/sqlite.js';
import { extractItem } from '../ingest/extract-item.js';
import { ingest } from '../ingest/run.js';
import type { PreparedArticle } from '../store/prepare.js';
import { kinds } from '../taxonomy.js';
import { MIGRATIONS } from '../store/sqlite/migrations.js';
import type { Filter } from '../store/types.js';
import { PACKAGE_URL } from '../paths.js';
import { maxOf, pushAll } from '../arrays.js';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
function num(flag: string, dflt: number): number {
  const i = argv.indexOf(flag);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
}
function str(flag: string, dflt: string | null): string | null {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : dflt;
}
const ARTICLES = num('--articles', QUICK ? 300 : 1000);
const EVENTS = num('--events', QUICK ? 100_000 : 1_000_000);
const QUERIES = num('--queries', 200);
const CORPUS = str('--corpus', 'both')!;
const PROFILE = str('--profile', null);

function line(label: string, value: string): void {
  console.log(`${label.padEnd(58)} ${value}`);
}

const GOLD = fileURLToPath(new URL('test/gold/', PACKAGE_URL));
const OTHER_OUTLETS = ['Harbour Gazette', 'Evening Courier', 'Frontier Post', 'Daily Ledger', 'Coastal Tribune', 'Capital Observer'];

/**
 * The dev-set reports, repeated to n articles. Copies 2j and 2j+1 of a report are moved j years
 * back (publication date and every year in the text), so that each pair tells of one incident:
 * the odd copy under another outlet, as a second source. Each copy ends with a line of its own, so
 * that no two texts are the same article.
 */
function dev(n: number): string[] {
  const docs = readdirSync(GOLD)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(GOLD, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string; text: string; published: string; outlet: string }));
  const letters = (k: number) => (k + 26).toString(26).split('').map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('');
  return Array.from({ length: n }, (_, i) => {
    const d = docs[i % docs.length];
    const copy = Math.floor(i / docs.length);
    const back = Math.floor(copy / 2);
    const year = (s: string) => s.replace(/\b(19[5-9]\d|20[0-4]\d)\b/g, (y) => String(Number(y) - back));
    const outlet = copy % 2 ? OTHER_OUTLETS[(i + copy) % OTHER_OUTLETS.length] : d.outlet;
    const text = `${year(d.text)}\n\nFiled as story ${letters(i)}.`;
    return JSON.stringify({ id: `${d.id}-${copy}`, url: `https://dev.example/${d.id}/${copy}`, published: year(d.published), outlet, text });
  });
}

/** Runs fn under the inspector's CPU profiler and writes DIR/name.cpuprofile (no profile without --profile). */
function profiled<T>(name: string, fn: () => T): T {
  if (!PROFILE) return fn();
  mkdirSync(PROFILE, { recursive: true });
  const s = new Session();
  s.connect();
  let out: T;
  s.post('Profiler.enable');
  s.post('Profiler.setSamplingInterval', { interval: 200 });
  s.post('Profiler.start');
  try {
    out = fn();
  } finally {
    s.post('Profiler.stop', (err, r) => {
      if (!err) writeFileSync(join(PROFILE, `${name}.cpuprofile`), JSON.stringify(r.profile));
      s.disconnect();
    });
  }
  return out;
}

async function benchIngest(dir: string, name: string, lines: string[]): Promise<void> {
  const file = join(dir, `${name}.jsonl`);
  writeFileSync(file, lines.join('\n') + '\n');
  const db = join(dir, `${name}-ingest.db`);
  const bytes = lines.reduce((s, l) => s + (JSON.parse(l).text as string).length, 0) / lines.length;
  // In this process, so that its CPU time counts every thread (cpuUsage covers the workers too).
  const u0 = process.cpuUsage();
  const t0 = Date.now();
  const rep = await ingest([file], { db, quiet: true, out: () => {} });
  const ms = Date.now() - t0;
  const used = process.cpuUsage(u0);
  const n = lines.length;
  const cpuPer = (used.user + used.system) / 1000 / n;
  const cores = availableParallelism();
  // Once the workers have loaded their models: from the first article stored to the last.
  const probe = new SqliteStore(db, { readonly: true });
  const span = probe.db.prepare('SELECT min(created_at) AS a, max(created_at) AS b FROM articles').get() as { a: string; b: string };
  await probe.close();
  const steady = (n - 1) / Math.max(0.001, (Date.parse(span.b) - Date.parse(span.a)) / 1000);
  line(`ingest ${name}: ${n} articles (~${(bytes / 1000).toFixed(1)} KB, ${(rep.events / n).toFixed(1)} events each), ${cores} workers`, `${((n / ms) * 1000).toFixed(0)} articles/s (wall ${(ms / 1000).toFixed(1)} s incl. model loading; ${rep.new} new, ${rep.duplicate} duplicates)`);
  line('  after model loading (first to last article stored)', `${steady.toFixed(0)} articles/s`);
  line('  CPU per article, all threads', `${cpuPer.toFixed(1)} ms → at most ${((cores * 1000) / cpuPer).toFixed(0)} articles/s on ${cores} idle cores`);

  // Extraction alone and the writer's share: prepared articles (extracted beforehand, here) written on one thread.
  const m = Math.min(n, QUICK ? 150 : 300);
  const prepared: PreparedArticle[] = [];
  const e0 = process.cpuUsage();
  profiled(`extract-${name}`, () =>
    lines.slice(0, m).forEach((l, i) => {
      const o = JSON.parse(l);
      const r = extractItem({ source: `b${i}`, key: null, text: o.text, isHtml: false, id: o.id, url: o.url, title: null, outlet: o.outlet, published: o.published, license: null, fallback: { published: null, outlet: null, license: null }, size: 0 });
      if (r.ok) prepared.push(r.prepared);
    }),
  );
  const ex = process.cpuUsage(e0);
  line(`  extraction alone (incl. preparing rows), 1 thread`, `${((ex.user + ex.system) / 1000 / m).toFixed(2)} ms CPU per article (first ${m}, model loaded)`);
  const store = new SqliteStore(join(dir, `${name}-writes.db`));
  const c0 = process.cpuUsage();
  const t1 = process.hrtime.bigint();
  profiled(`write-${name}`, () => prepared.forEach((p, i) => store.putPreparedSync(p, { source: `b${i}`, url: p.article.url })));
  const t2 = process.hrtime.bigint();
  profiled(`flush-${name}`, () => store.flushSync());
  const t3 = process.hrtime.bigint();
  const cpu = process.cpuUsage(c0);
  const perEvents = prepared.reduce((s, p) => s + p.events.length, 0) / prepared.length;
  const wMs = Number(t2 - t1) / 1e6 / prepared.length;
  const fMs = Number(t3 - t2) / 1e6 / prepared.length;
  line(`  store writes only: ${prepared.length} prepared (${perEvents.toFixed(0)} events each), 1 thread`, `${(1000 / (wMs + fMs)).toFixed(0)} articles/s (${wMs.toFixed(2)} ms write + ${fMs.toFixed(2)} ms incident summaries; cpu ${((cpu.user + cpu.system) / 1000 / prepared.length).toFixed(2)} ms)`);
  await store.close();
  // The same, in batches of 32 articles per transaction (Store.putBatch, as `sitrep ingest` writes).
  const batched = new SqliteStore(join(dir, `${name}-batched.db`));
  const b0 = process.cpuUsage();
  const t4 = process.hrtime.bigint();
  for (let k = 0; k < prepared.length; k += 32)
    batched.putBatchSync(prepared.slice(k, k + 32).map((p, j) => ({ prepared: p, raw: { source: `b${k + j}`, url: p.article.url } })));
  batched.flushSync();
  const t5 = process.hrtime.bigint();
  const bcpu = process.cpuUsage(b0);
  const bMs = Number(t5 - t4) / 1e6 / prepared.length;
  const bCpu = (bcpu.user + bcpu.system) / 1000 / prepared.length;
  line(`  store writes only, 32 articles per transaction`, `${(1000 / bMs).toFixed(0)} articles/s (${bMs.toFixed(2)} ms each incl. summaries; cpu ${bCpu.toFixed(2)} ms → ${(1000 / bCpu).toFixed(0)} articles/s on an idle core)`);
  await batched.close();
}

interface CountryPoint {
  a2: string;
  a3: string;
  lat: number;
  lon: number;
}

function countries(): CountryPoint[] {
  const rows = worldCountries();
  const wanted = ['SYR', 'UKR', 'RUS', 'ISR', 'PSE', 'LBN', 'YEM', 'SDN', 'SOM', 'COD', 'IRQ', 'MLI', 'NGA', 'AFG', 'MMR', 'ETH', 'BFA', 'NER', 'LBY', 'IRN', 'PAK', 'COL', 'MEX', 'HTI', 'CAF', 'MOZ', 'CMR', 'TCD', 'SSD', 'IND'];
  return wanted.map((a3) => rows.find((r) => r.cca3 === a3)!).map((r) => ({ a2: r.cca2, a3: r.cca3, lat: r.latlng[0], lon: r.latlng[1] }));
}

/** Writes N events straight into a fresh store's tables; returns the vocabulary used for evidence. */
function build(path: string, n: number): { words: string[]; ms: number } {
  const t0 = Date.now();
  const store = new SqliteStore(path);
  const db = store.db;
  // Secondary indexes are built after the load, as a bulk load does (the store's own writes keep them up to date one row at a time).
  const indexSql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('events', 'incidents') AND sql IS NOT NULL").all() as { sql: string }[]).map((r) => r.sql);
  for (const s of indexSql) db.exec(`DROP INDEX ${/CREATE INDEX (\S+)/.exec(s)![1]}`);
  db.pragma('synchronous = OFF');
  const r = rng(3);
  const cs = countries();
  const ks = kinds();
  const vocab = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
  const zipf = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(r() * Math.log(vocab.length))) - 1)];
  const perArticle = 20;
  const articles = Math.ceil(n / perArticle);
  const incidents = Math.ceil(n / 3);
  const now = new Date().toISOString();
  const insA = db.prepare('INSERT INTO articles (id, key, url, outlet, title, published, language, current_revision, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insR = db.prepare("INSERT INTO revisions (id, article_id, n, text_hash, source, text, document, ingested_at) VALUES (?, ?, 1, ?, 'bench', '', '{}', ?)");
  const insI = db.prepare('INSERT INTO incidents (id, family, kind, date_start, date_end, day_start, day_end, country2, country3, lat, lon, events, articles, outlets, corroboration, grade, dirty, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, 3, 2, ?, ?, 0, ?)');
  const insE = db.prepare(`INSERT INTO events (id, revision_id, article_id, local_id, kind, family, event_type, sub_event_type, date, date_end, day, time_precision,
    country2, country3, location, lat, lon, geo_precision, initiator, initiator_country, target, target_country, fatalities, mode, historical, confidence,
    outlet, incident_id, day_lo, day_hi, geo_class) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'day', ?, ?, ?, ?, ?, 'city', ?, ?, ?, ?, ?, 'actual', 0, 0.8, ?, ?, ?, ?, 3)`);
  const insD = db.prepare('INSERT INTO event_docs (id, json) VALUES (?, ?)');
  const insT = db.prepare('INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)');
  const insF = db.prepare('INSERT INTO events_fts (rowid, evidence, actors, place) VALUES (?, ?, ?, ?)');
  const day0 = Date.UTC(2019, 0, 1) / 86_400_000;
  db.transaction(() => {
    for (let a = 1; a <= articles; a++) {
      const pub = new Date((day0 + Math.floor(r() * 1826)) * 86_400_000).toISOString().slice(0, 10);
      insA.run(a, `https://bench.example/${a}`, `https://bench.example/${a}`, `Outlet ${a % 40}`, null, pub, 'en', a, now);
      insR.run(a, a, `h${a}`, now);
    }
    for (let i = 1; i <= incidents; i++) {
      const c = cs[Math.floor(r() * cs.length)];
      const d = day0 + Math.floor(r() * 1826);
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      const k = ks[Math.floor(r() * ks.length)];
      insI.run(i, k.family, k.name, iso, iso, d, d, c.a2, c.a3, c.lat, c.lon, 1 + Math.floor(r() * 4), ['weak', 'fair', 'confirmed', 'contested'][Math.floor(r() * 4)], now);
    }
    for (let id = 1; id <= n; id++) {
      const c = cs[Math.floor(r() * cs.length)];
      const k = ks[Math.floor(r() * ks.length)];
      const d = day0 + Math.floor(r() * 1826);
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      const lat = c.lat + (r() - 0.5) * 6;
      const lon = c.lon + (r() - 0.5) * 6;
      const place = `Town ${Math.floor(r() * 500)}`;
      const words = Array.from({ length: 18 }, zipf).join(' ');
      const evidence = `${place} ${words}.`;
      const art = 1 + Math.floor((id - 1) / perArticle);
      const event = {
        id: `ev${id}`,
        kind: k.name,
        acled: k.acled,
        plover: k.plover?.event ?? null,
        initiator: { name: `${c.a3} forces`, country: c.a3, kind: 'military', entity: null },
        target: null,
        location: { place: 'p1', relation: 'in' },
        time: { start: iso, end: iso, precision: 'day', text: 'on Monday' },
        fatalities: null,
        injuries: null,
        claims: [{ claimant: null, via: [], outlet: `Outlet ${art % 40}`, stance: 'reported', quote: null, evidence: { start: 0, end: evidence.length, text: evidence } }],
        evidence: [{ start: 0, end: evidence.length, text: evidence }],
        historical: false,
        mode: 'actual',
        confidence: 0.8,
      };
      const pl = { name: place, country: c.a2, admin1: null, lat, lon, precision: 'city', geonameid: null, relation: 'in' };
      insE.run(id, art, art, `ev${id}`, k.name, k.family, k.acled?.event_type ?? null, k.acled?.sub_event_type ?? null, iso, iso, d, c.a2, c.a3, place, lat, lon,
        `${c.a3} forces`, c.a3, null, null, r() < 0.3 ? Math.floor(r() * 20) : null, `Outlet ${art % 40}`, 1 + Math.floor(r() * incidents), d, d);
      insD.run(id, JSON.stringify({ event, place: pl }));
      insT.run(id, lon, lon, lat, lat);
      insF.run(id, evidence, `${c.a3} forces`, place);
    }
  })();
  for (const s of indexSql) db.exec(s);
  db.exec('ANALYZE');
  db.pragma('synchronous = NORMAL');
  db.close();
  return { words: vocab, ms: Date.now() - t0 };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

function benchQueries(path: string, words: string[]): void {
  const store = new SqliteStore(path, { readonly: true });
  const r = rng(5);
  const cs = countries();
  const ks = kinds();
  const families = [...new Set(ks.map((k) => k.family))];
  const shapes: [string, () => Filter][] = [
    [
      'country + kind + 90 days',
      () => {
        const c = cs[Math.floor(r() * cs.length)];
        const d = Date.UTC(2019, 0, 1) + Math.floor(r() * 1700) * 86_400_000;
        const kind = r() < 0.5 ? ks[Math.floor(r() * ks.length)].name : families[Math.floor(r() * families.length)];
        return { country: r() < 0.5 ? c.a2 : c.a3, kind, from: new Date(d).toISOString().slice(0, 10), to: new Date(d + 90 * 86_400_000).toISOString().slice(0, 10) };
      },
    ],
    [
      'bbox (2° × 2°)',
      () => {
        const c = cs[Math.floor(r() * cs.length)];
        const lon = c.lon + (r() - 0.5) * 4;
        const lat = c.lat + (r() - 0.5) * 4;
        return { bbox: [lon - 1, lat - 1, lon + 1, lat + 1] };
      },
    ],
    [
      'full text (one or two words)',
      () => {
        const w = () => words[10 + Math.floor(r() * 2000)];
        return { q: r() < 0.5 ? w() : `${w()} ${words[Math.floor(r() * 200)]}` };
      },
    ],
  ];
  const all: number[] = [];
  const per = Math.ceil(QUERIES / shapes.length);
  for (const [name, make] of shapes) {
    const ms: number[] = [];
    let rows = 0;
    for (let i = 0; i < 5; i++) store.eventsSync({ ...make(), limit: 50 }); // warm-up
    for (let i = 0; i < per; i++) {
      const f = { ...make(), limit: 50 };
      const t = process.hrtime.bigint();
      rows += store.eventsSync(f).items.length;
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    pushAll(all, ms);
    line(`  ${name} (${per} queries, limit 50, ${(rows / per).toFixed(0)} rows avg)`, `p50 ${pct(ms, 50).toFixed(1)} ms, p95 ${pct(ms, 95).toFixed(1)} ms, max ${maxOf(ms).toFixed(1)} ms`);
  }
  line(`query latency, all ${all.length} queries`, `p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms`);
  const ti: number[] = [];
  for (let i = 0; i < 50; i++) {
    const c = cs[Math.floor(r() * cs.length)];
    const t = process.hrtime.bigint();
    store.incidentsSync({ country: c.a3, minCorroboration: 2, limit: 50 });
    ti.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  line('  incidents: country + min corroboration 2 (50 queries)', `p50 ${pct(ti, 50).toFixed(1)} ms, p95 ${pct(ti, 95).toFixed(1)} ms`);
  void store.close();
}

async function main(): Promise<void> {
  console.log(`sitrep bench-store — node ${process.version}, ${availableParallelism()} cores, schema v${MIGRATIONS.length}${QUICK ? ', quick run' : ''}`);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-store-'));
  try {
    if (!argv.includes('--no-ingest')) {
      if (CORPUS !== 'dev') await benchIngest(dir, 'generated', generated(ARTICLES, 11));
      if (CORPUS !== 'generated') await benchIngest(dir, 'dev', dev(ARTICLES));
    }
    if (argv.includes('--no-queries')) return;
    const path = join(dir, 'big.db');
    const { words, ms } = build(path, EVENTS);
    line(`store of ${EVENTS.toLocaleString('en')} generated events: bulk build`, `${(ms / 1000).toFixed(1)} s`);
    benchQueries(path, words);
  } finally {
    if (argv.includes('--keep')) console.log(`kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
