// `node dist/tools/queue-kill.js [--reports 3000] [--per-story 3] [--db postgres://…] [--kill-at 0.4] [--keep]`:
// the job queue at scale, on three fresh schemas of one PostgreSQL database, with a generated
// corpus of stories each told by several outlets (src/queue/stories.ts):
//   1. one `sitrep worker` drains the queue: throughput, and the incidents a single writer makes;
//   2. two workers drain it: throughput (on a 2-core machine, nearly double, when it is idle);
//   3. two workers, one killed with SIGKILL once a share of the reports is stored, then restarted:
//      every report stored once, no job lost or buried, the same incidents as run 1.
// Prints the figures and the machine's load (other users of the cores make them noisy); exits 1
// when run 3 does not match. Figures, not a unit test (a small version runs in npm test:
// src/queue/kill.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { storyReports } from '../queue/stories.js';
import { connect, enqueueFiles, figures, startWorker, waitFor, type RunningWorker, type StoreFigures } from '../queue/testing.js';
import { withSchema } from '../store/postgres/connect.js';
import { PG_TEST_URL } from '../store/postgres/testing.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const REPORTS = Number(arg('--reports', '3000'));
const PER_STORY = Number(arg('--per-story', '3'));
const DB = arg('--db', process.env.SITREP_TEST_PG ?? PG_TEST_URL);
const KILL_AT = Number(arg('--kill-at', '0.4'));
const KEEP = process.argv.includes('--keep');

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

async function run(name: string, input: string, workers: number, kill: boolean): Promise<{ f: StoreFigures; seconds: number; url: string }> {
  const schema = `sitrep_queuekill_${name}_${Date.now().toString(36)}`;
  const url = withSchema(DB, schema);
  enqueueFiles(url, [input]);
  const c = await connect(url);
  try {
    const before = load();
    const t0 = Date.now();
    const running: RunningWorker[] = Array.from({ length: workers }, () => startWorker(url));
    if (kill) {
      const victim = running[0];
      await waitFor(async () => Number((await c.query('SELECT count(*) AS n FROM articles')).rows[0].n) >= REPORTS * KILL_AT, 3_600_000, 100);
      const held = (await c.query(`SELECT id, source FROM jobs WHERE state = 'running' AND claimed_by LIKE '%:' || $1`, [String(victim.child.pid)])).rows;
      const stored = Number((await c.query('SELECT count(*) AS n FROM articles')).rows[0].n);
      victim.child.kill('SIGKILL');
      const gone = await victim.exited;
      console.log(`  killed worker ${victim.child.pid} (${gone.signal}) with ${stored} of ${REPORTS} reports stored, holding ${held.length ? held.map((h) => `job ${h.id} (${h.source})`).join(', ') : 'no job'}; restarting it`);
      running[0] = startWorker(url);
    }
    for (const w of running) {
      const r = await w.exited;
      if (r.code !== 0) throw new Error(`a worker failed (${r.code ?? r.signal}): ${r.stderr}`);
    }
    const seconds = (Date.now() - t0) / 1000;
    const f = await figures(c);
    console.log(
      `${name}: ${workers} worker${workers > 1 ? 's' : ''}${kill ? ', one killed and restarted' : ''}: ${f.articles} reports stored in ${seconds.toFixed(1)} s ` +
        `(${(f.articles / seconds).toFixed(1)} reports/s incl. start-up), ${f.incidents} incidents; load average before ${before}, after ${load()}`,
    );
    return { f, seconds, url };
  } finally {
    await c.end();
  }
}

async function drop(url: string): Promise<void> {
  const schema = new URL(url).searchParams.get('schema')!;
  const c = await connect(DB);
  try {
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await c.end();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-kill-'));
const urls: string[] = [];
let ok = false;
try {
  const input = join(dir, 'stories.jsonl');
  writeFileSync(input, storyReports(Math.ceil(REPORTS / PER_STORY), PER_STORY).slice(0, REPORTS).map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`queue-kill: ${REPORTS} reports (${PER_STORY} per story), ${availableParallelism()} cores, PostgreSQL at ${DB}`);
  const one = await run('one', input, 1, false);
  urls.push(one.url);
  const two = await run('two', input, 2, false);
  urls.push(two.url);
  const killed = await run('kill', input, 2, true);
  urls.push(killed.url);
  console.log(`throughput: 1 worker ${(REPORTS / one.seconds).toFixed(1)} reports/s, 2 workers ${(REPORTS / two.seconds).toFixed(1)} reports/s (×${(one.seconds / two.seconds).toFixed(2)})`);
  const f = killed.f;
  const checks: [string, boolean][] = [
    [`every report stored once (${f.articles} articles, ${f.revisions} revisions, ${f.rawInputs} raw inputs, ${f.repeated} texts stored twice)`,
      f.articles === REPORTS && f.revisions === REPORTS && f.rawInputs === REPORTS && f.repeated === 0],
    [`no job lost or buried (${f.jobsLeft} left in the queue, ${f.dead} dead letters)`, f.jobsLeft === 0 && f.dead === 0],
    [`incidents as with one worker (${f.incidents} vs ${one.f.incidents})`, f.incidents === one.f.incidents],
    [`the same reports in each incident as with one worker`, JSON.stringify(f.groups) === JSON.stringify(one.f.groups)],
    [`two workers without a kill: the same incidents too (${two.f.incidents})`, JSON.stringify(two.f.groups) === JSON.stringify(one.f.groups)],
  ];
  for (const [what, pass] of checks) console.log(`  ${pass ? 'ok  ' : 'FAIL'} ${what}`);
  ok = checks.every(([, pass]) => pass);
} finally {
  if (!KEEP) for (const u of urls) await drop(u);
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
