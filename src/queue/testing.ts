// Workers as real processes, for the kill test and the kill/throughput tool: started with the
// command line a user types, killed with SIGKILL, and the store read back to check that every
// report is stored once and grouped as a single writer groups it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parsePgUrl } from '../store/postgres/connect.js';

export const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'sitrep.js');

export interface RunningWorker {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** `sitrep worker --drain` on the store at url. */
export function startWorker(url: string, args: string[] = []): RunningWorker {
  const child = spawn(process.execPath, [BIN, 'worker', '--db', url, '--drain', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((res) =>
    child.on('exit', (code, signal) => res({ code, signal, stdout, stderr })),
  );
  return { child, exited };
}

/** `sitrep ingest --queue` of the given inputs; throws with its output when it fails. */
export function enqueueFiles(url: string, inputs: string[]): string {
  const r = spawnSync(process.execPath, [BIN, 'ingest', '--queue', ...inputs, '--db', url], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sitrep ingest --queue failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** One connection to the store at url, for the checks below. */
export async function connect(url: string): Promise<pg.Client> {
  const t = parsePgUrl(url);
  if (typeof t === 'string') throw new Error(t);
  const c = new pg.Client(t.config);
  await c.connect();
  return c;
}

export interface StoreFigures {
  articles: number;
  revisions: number;
  rawInputs: number;
  /** articles stored more than once (same URL or text under two articles): must be 0 */
  repeated: number;
  jobsLeft: number;
  dead: number;
  incidents: number;
  /** each incident's member article URLs, sorted; the list sorted: compares groupings across runs, whatever the ids */
  groups: string[];
}

export async function figures(c: pg.ClientBase): Promise<StoreFigures> {
  const one = async (sql: string) => Number((await c.query(sql)).rows[0].n);
  const groups = (
    await c.query(`SELECT string_agg(a.url, ' ' ORDER BY a.url COLLATE "C") AS g FROM events e JOIN articles a ON a.id = e.article_id
      WHERE NOT e.superseded AND e.incident_id IS NOT NULL GROUP BY e.incident_id`)
  ).rows
    .map((r) => r.g as string)
    .sort();
  return {
    articles: await one('SELECT count(*) AS n FROM articles'),
    revisions: await one('SELECT count(*) AS n FROM revisions'),
    rawInputs: await one('SELECT count(*) AS n FROM raw_inputs'),
    repeated: await one(`SELECT count(*) AS n FROM (SELECT text_hash FROM revisions GROUP BY text_hash HAVING count(*) > 1) x`),
    jobsLeft: await one('SELECT count(*) AS n FROM jobs'),
    dead: await one('SELECT count(*) AS n FROM jobs_dead'),
    incidents: await one('SELECT count(*) AS n FROM incidents WHERE events > 0'),
    groups,
  };
}

/** Waits until fn() is true, checking every `everyMs`; false after `timeoutMs`. */
export async function waitFor(fn: () => Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fn()) return true;
    await new Promise((res) => setTimeout(res, everyMs));
  }
  return false;
}
