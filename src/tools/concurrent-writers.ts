// Concurrent writers on one SQLite store, as a user meets them (issue 15, item 2):
//   ingest: two `sitrep ingest` runs of PER distinct reports each into one new store, at once:
//           both exit 0, the store holds 2 × PER articles, integrity_check ok; RUNS times.
//   serve:  `sitrep serve` (ingest enabled) holds the store while a CLI ingest writes PER reports
//           and POSTS concurrent POST /api/ingest requests arrive: no 500, every article stored.
// Usage: node dist/tools/concurrent-writers.js [--runs 10] [--per 500] [--posts 100] [--only ingest|serve]
//        [--pg postgres://…]: the ingest runs into PostgreSQL instead, a new schema each (dropped after)
// Prints one line per run and a summary; exit 1 when any run failed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { article, rng } from './corpus.js';
import { dropSchema, parsePgUrl, withSchema } from '../store/postgres/connect.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'sitrep.js');

interface Ran {
  code: number | null;
  out: string;
  err: string;
}

export function runSitrep(args: string[], env: NodeJS.ProcessEnv = {}): { done: Promise<Ran>; child: ReturnType<typeof spawn> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (err += c));
  const done = new Promise<Ran>((res) => child.on('close', (code) => res({ code, out, err })));
  return { done, child };
}

/** PER distinct short reports as JSON lines, at URLs under `prefix`. */
export function reports(dir: string, name: string, per: number, seed: number, prefix: string): string {
  const r = rng(seed);
  const lines = Array.from({ length: per }, (_, i) => JSON.stringify({ url: `https://${prefix}.example/${i}`, published: '2024-03-05', outlet: `Outlet ${prefix}`, text: article(r, 500) }));
  const p = join(dir, name);
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

export function storeFacts(db: string): { articles: number; integrity: string } {
  const c = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const articles = (c.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const integrity = (c.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    return { articles, integrity };
  } finally {
    c.close();
  }
}

/**
 * A PostgreSQL store's article count, and as its integrity check whether any article was left
 * half-written (no current revision) or any URL counted twice (keys and references are the
 * database's own constraints).
 */
async function pgFacts(url: string): Promise<{ articles: number; integrity: string }> {
  const target = parsePgUrl(url);
  if (typeof target === 'string') throw new Error(`${url}: ${target}`);
  const c = new pg.Client(target.config);
  await c.connect();
  try {
    const q = async (sql: string) => Number((await c.query(sql)).rows[0].n);
    const articles = await q('SELECT count(*) AS n FROM articles');
    const half = await q('SELECT count(*) AS n FROM articles WHERE current_revision IS NULL');
    const twice = await q('SELECT count(*) - count(DISTINCT url) AS n FROM articles');
    const problems = [half ? `${half} articles without a revision` : '', twice ? `${twice} URLs stored twice` : ''].filter(Boolean);
    return { articles, integrity: problems.join('; ') || 'ok' };
  } finally {
    await c.end();
  }
}

/**
 * Two ingests at once into one new store; the problems found (empty: all as it should be). The
 * store is a new SQLite file, or `pgUrl` (a PostgreSQL store, new and empty).
 */
export async function twoIngests(per: number, seed: number, workers = 1, pgUrl?: string): Promise<{ problems: string[]; seconds: number; waited: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-writers-'));
  const t0 = Date.now();
  try {
    const a = reports(dir, 'a.jsonl', per, seed, `a${seed}`);
    const b = reports(dir, 'b.jsonl', per, seed + 1000, `b${seed}`);
    const db = pgUrl ?? join(dir, 'store.db');
    const [x, y] = await Promise.all([runSitrep(['ingest', a, '--db', db, '--workers', String(workers)]).done, runSitrep(['ingest', b, '--db', db, '--workers', String(workers)]).done]);
    const problems: string[] = [];
    for (const [name, r] of [['first', x], ['second', y]] as const) {
      if (r.code !== 0) problems.push(`${name} ingest exit ${r.code}: ${r.err.trim().split('\n').slice(-2).join(' | ')}`);
      if (/internal error|SQLITE_BUSY/.test(r.err)) problems.push(`${name} ingest said: ${r.err.trim().split('\n').slice(-1)[0]}`);
    }
    const f = pgUrl ? await pgFacts(pgUrl) : storeFacts(db);
    if (f.articles !== 2 * per) problems.push(`${f.articles} articles stored, expected ${2 * per}`);
    if (f.integrity !== 'ok') problems.push(`integrity_check: ${f.integrity}`);
    return { problems, seconds: (Date.now() - t0) / 1000, waited: /waiting for/.test(x.err + y.err) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** serve holding the store (ingest enabled) while a CLI ingest writes and `posts` POST /api/ingest arrive at once. */
export async function serveAndIngest(per: number, posts: number, seed: number): Promise<{ problems: string[]; seconds: number; statuses: Record<number, number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-writers-'));
  const t0 = Date.now();
  const token = 'concurrent-writers-test';
  const problems: string[] = [];
  const statuses: Record<number, number> = {};
  try {
    const db = join(dir, 'store.db');
    // A store to serve: one article first.
    const first = reports(dir, 'first.jsonl', 1, seed + 7, `first${seed}`);
    const made = await runSitrep(['ingest', first, '--db', db, '--workers', '0', '--quiet']).done;
    if (made.code !== 0) throw new Error(`could not make the store: ${made.err}`);
    const serve = runSitrep(['serve', '--db', db, '--port', '0', '--readers', '1'], { SITREP_TOKEN: token });
    const url = await new Promise<string>((res, rej) => {
      setTimeout(() => rej(new Error('serve did not say where it listens within 120 s')), 120_000).unref();
      let seen = '';
      serve.child.stdout!.on('data', (c) => {
        seen += c;
        const m = /(http:\/\/[^\s/]+)\//.exec(seen);
        if (m) res(m[1]);
      });
      serve.done.then((r) => rej(new Error(`serve stopped: ${r.err}`)));
    });
    try {
      const cli = reports(dir, 'cli.jsonl', per, seed, `cli${seed}`);
      const ingest = runSitrep(['ingest', cli, '--db', db, '--workers', '1', '--quiet']).done;
      const r = rng(seed + 99);
      const bodies = Array.from({ length: posts }, (_, i) => ({ url: `https://post${seed}.example/${i}`, published: '2024-03-05', outlet: 'Post Wire', text: article(r, 400) }));
      let busyAnswers = 0;
      let connectionResets = 0;
      const answers = await Promise.all(
        bodies.map(async (b) => {
          // 503 is the server's back-pressure ("busy: try again shortly"): a client tries again, as
          // told by Retry-After; what must never come is a 500.
          let busy = 0;
          let resets = 0;
          for (;;) {
            try {
              const res = await fetch(`${url}/api/ingest`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(b) });
              const text = await res.text();
              if (res.status === 503 && busy++ < 600) {
                busyAnswers++;
                await new Promise((res2) => setTimeout(res2, 100 + Math.random() * 400));
                continue;
              }
              return { status: res.status, text };
            } catch (e) {
              const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
              // A kept-alive connection the server closed as the request went out (its idle timer
              // fired while its event loop was busy): ingest is idempotent, so a client sends it again.
              if ((cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET') && resets < 600) {
                resets++;
                connectionResets++;
                continue;
              }
              return { status: 0, text: `${(e as Error).message} (${cause?.code ?? ''} ${cause?.message ?? ''})` };
            }
          }
        }),
      );
      statuses[503] = busyAnswers;
      statuses[0] = connectionResets;
      for (const a of answers) {
        statuses[a.status] = (statuses[a.status] ?? 0) + 1;
        if (a.status !== 200) problems.push(`POST /api/ingest → ${a.status}: ${a.text.slice(0, 200)}`);
      }
      const done = await ingest;
      if (done.code !== 0) problems.push(`CLI ingest exit ${done.code}: ${done.err.trim().split('\n').slice(-2).join(' | ')}`);
    } finally {
      serve.child.kill('SIGTERM');
      // A server that does not stop is a finding, not a reason for this check to hang.
      const stopped = await Promise.race([serve.done.then(() => true), new Promise<boolean>((res) => setTimeout(() => res(false), 30_000).unref())]);
      if (!stopped) {
        problems.push('serve did not stop within 30 s of SIGTERM');
        serve.child.kill('SIGKILL');
        await serve.done;
      }
    }
    const f = storeFacts(db);
    const expected = 1 + per + (statuses[200] ?? 0);
    if (f.articles !== expected) problems.push(`${f.articles} articles stored, expected ${expected}`);
    if (f.integrity !== 'ok') problems.push(`integrity_check: ${f.integrity}`);
    return { problems: [...new Set(problems)], seconds: (Date.now() - t0) / 1000, statuses };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string, dflt: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : dflt;
  };
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
  const runs = arg('--runs', 10);
  const per = arg('--per', 500);
  const posts = arg('--posts', 100);
  const pgBase = argv.includes('--pg') ? argv[argv.indexOf('--pg') + 1] : null;
  let failed = 0;
  if (only !== 'serve') {
    let ok = 0;
    for (let i = 0; i < runs; i++) {
      const schema = pgBase ? `sitrep_writers_${Date.now().toString(36)}_${i}` : '';
      const r = await twoIngests(per, 1000 + i, 1, pgBase ? withSchema(pgBase, schema) : undefined);
      if (pgBase) await dropSchema(pgBase, schema);
      if (r.problems.length) failed++;
      else ok++;
      console.log(`ingest run ${i + 1}: ${r.problems.length ? 'FAILED ' + r.problems.join('; ') : `ok: ${2 * per} articles, both exit 0`} (${r.seconds.toFixed(1)} s${r.waited ? ', one waited for the other' : ''})`);
    }
    console.log(`two concurrent ingests of ${per} reports: ${ok}/${runs} runs ok`);
  }
  if (only !== 'ingest') {
    let ok = 0;
    const serveRuns = Math.max(1, Math.ceil(runs / 5));
    for (let i = 0; i < serveRuns; i++) {
      const r = await serveAndIngest(per, posts, 5000 + i);
      if (r.problems.length) failed++;
      else ok++;
      console.log(`serve run ${i + 1}: ${r.problems.length ? 'FAILED ' + r.problems.slice(0, 5).join('; ') : 'ok'} (final statuses ${JSON.stringify(r.statuses)}; 503: busy answers retried, 0: connections reset and retried, ${r.seconds.toFixed(1)} s)`);
    }
    console.log(`serve + CLI ingest of ${per} + ${posts} concurrent POST /api/ingest: ${ok}/${serveRuns} runs ok`);
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
