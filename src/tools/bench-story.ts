// `node dist/tools/bench-story.js [--reports N] [--db postgres://…] [--keep]`: one story told N times
// (default 1,500): the seed article (examples/seed.txt) with a closing sentence and a URL of its
// own in each copy, one outlet — the moment a big attack is reported by hundreds of outlets.
// Prints the time of `sitrep extract --jsonl` and of `sitrep ingest` on the same file (each a
// process of its own, start-up included), and how many incidents the store ends with for the
// story's events (issue 11: at most twice the events of one report; ingest ≤ 1.5× extraction).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_URL } from '../paths.js';
import { openStore } from '../store/open.js';

const argv = process.argv.slice(2);
const arg = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const N = Number(arg('--reports') ?? 1500);
const DB = arg('--db');
const KEEP = argv.includes('--keep');
const CLI = fileURLToPath(new URL('bin/sitrep.js', PACKAGE_URL));

const seed = readFileSync(new URL('examples/seed.txt', PACKAGE_URL), 'utf8').trim();
const dir = mkdtempSync(join(tmpdir(), 'sitrep-story-'));
const file = join(dir, 'story.jsonl');
writeFileSync(
  file,
  Array.from({ length: N }, (_, i) =>
    JSON.stringify({
      id: `copy-${i}`,
      url: `https://story.example/${i}`,
      outlet: 'Mehr News Agency',
      published: '2023-04-05',
      text: `${seed}\n\nThis report was filed as copy number ${i + 1} of the story.`,
    }),
  ).join('\n') + '\n',
);

function timed(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`sitrep ${args.join(' ')}: exit ${r.status}: ${r.stderr.toString().slice(-2000)}`);
  return (performance.now() - t0) / 1000;
}

try {
  const db = DB ?? join(dir, 'story.db');
  const ext = timed(['extract', '--jsonl', file]);
  const ing = timed(['ingest', file, '--db', db]);
  const store = await openStore(db);
  const s = await store.stats();
  const perReport = s.events / Math.max(1, s.articles);
  await store.close();
  console.log(`story: ${N} reports of the seed article, ${s.articles} stored, ${s.events} events (${perReport.toFixed(1)} per report)`);
  console.log(`incidents: ${s.incidents} (target ≤ ${Math.round(2 * perReport)})`);
  console.log(`extract --jsonl: ${ext.toFixed(1)} s (${(N / ext).toFixed(0)} reports/s); ingest: ${ing.toFixed(1)} s (${(N / ing).toFixed(0)} reports/s); ingest/extract ${(ing / ext).toFixed(2)}`);
} finally {
  if (KEEP) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
