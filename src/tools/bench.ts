// `npm run bench`: prints throughput and memory figures. Figures, not pass/fail: targets are
// compared by whoever reads them (see the README's performance section).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract, STAGES } from '../pipeline.js';
import { normalise } from '../normalise/index.js';
import { toDocument } from '../output.js';
import { loadStats } from '../gazetteer/index.js';
import { article, page, rng } from './corpus.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');

function line(label: string, value: string): void {
  console.log(`${label.padEnd(44)} ${value}`);
}

/** CPU milliseconds of this process so far (all its threads: the garbage collector's included). */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** CPU milliseconds of the child processes waited for (Linux: /proc/self/stat), NaN elsewhere. */
function childrenCpuMs(): number {
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th, in clock ticks (100/s).
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return NaN;
  }
}

function timeExtract(inputs: { text: string; isHtml: boolean }[]): { perSec: number; mbPerSec: number; ms: number; cpuMs: number } {
  // Warm up: the first call loads the model and the gazetteer.
  extract({ source: 'warm-up', text: inputs[0].text, isHtml: inputs[0].isHtml, published: '2024-03-05' });
  let bytes = 0;
  const c0 = cpuMs();
  const t0 = process.hrtime.bigint();
  for (const [k, x] of inputs.entries()) {
    extract({ source: `bench ${k}`, text: x.text, isHtml: x.isHtml, published: '2024-03-05', outlet: 'Bench' });
    bytes += Buffer.byteLength(x.text);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { perSec: (inputs.length / ms) * 1000, mbPerSec: bytes / 1048576 / (ms / 1000), ms, cpuMs: (cpuMs() - c0) / inputs.length };
}

/**
 * CPU time per article in each stage, the same articles read `rounds` times (the fastest round
 * kept): CPU time, not wall time, so that figures taken on a busy machine still say where time goes.
 */
function stageCosts(texts: string[], rounds: number): { stage: string; ms: number }[] {
  let best: Map<string, number> | null = null;
  let bestTotal = Infinity;
  for (let r = 0; r < rounds; r++) {
    const cost = new Map<string, number>();
    const add = (k: string, ms: number) => cost.set(k, (cost.get(k) ?? 0) + ms);
    for (const [k, text] of texts.entries()) {
      let t = cpuMs();
      const doc = normalise({ source: `bench ${k}`, text, published: '2024-03-05', outlet: 'Bench' });
      let u = cpuMs();
      add('normalise', u - t);
      for (const s of STAGES) {
        s.run(doc);
        t = cpuMs();
        add(s.name, t - u);
        u = t;
      }
      toDocument(doc);
      add('output', cpuMs() - u);
    }
    const total = [...cost.values()].reduce((a, b) => a + b, 0);
    if (total < bestTotal) [best, bestTotal] = [cost, total];
  }
  return [...best!].map(([stage, ms]) => ({ stage, ms: ms / texts.length }));
}

/** Wall-clock throughput, and CPU time per article (which a busy machine inflates far less). */
function throughput(t: ReturnType<typeof timeExtract>): string {
  return `${t.perSec.toFixed(0)} articles/s, ${t.mbPerSec.toFixed(2)} MB/s (CPU ${t.cpuMs.toFixed(2)} ms/article, load ${loadavg()[0].toFixed(1)})`;
}

function main(): void {
  const r = rng(42);
  const nText = QUICK ? 300 : 2000;
  const nHtml = QUICK ? 60 : 300;
  const texts = Array.from({ length: nText }, () => article(r, 4000));
  const avg = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  console.log(`sitrep bench — node ${process.version}, ${QUICK ? 'quick' : 'full'} run`);
  line('gazetteer load (budget 300 ms)', `${loadStats().ms.toFixed(0)} ms`);

  const t = timeExtract(texts.map((text) => ({ text, isHtml: false })));
  line(`extract, text (${nText} × ${(avg / 1024).toFixed(1)} KB), 1 core`, throughput(t));
  const nStage = QUICK ? 100 : 400;
  const costs = stageCosts(texts.slice(0, nStage), 3);
  const total = costs.reduce((a, c) => a + c.ms, 0);
  line(`  CPU per article (${nStage} text, best of 3 rounds)`, `${total.toFixed(2)} ms → ${(1000 / total).toFixed(0)} articles/s/core`);
  for (const c of costs.sort((a, b) => b.ms - a.ms)) line(`    ${c.stage}`, `${c.ms.toFixed(3)} ms  ${((100 * c.ms) / total).toFixed(1).padStart(4)} %`);

  // The dev set's reports (written in several outlets' styles) as a second, less dense corpus.
  const goldDir = join(ROOT, 'test', 'gold');
  if (existsSync(goldDir)) {
    const gold = readdirSync(goldDir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(goldDir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string));
    const reps = Math.max(1, Math.round(nText / gold.length / 2));
    const corpus = Array.from({ length: reps }, () => gold).flat();
    const avgGold = corpus.reduce((s, x) => s + x.length, 0) / corpus.length;
    const g = timeExtract(corpus.map((text) => ({ text, isHtml: false })));
    line(`extract, dev-set reports (${corpus.length} × ${(avgGold / 1024).toFixed(1)} KB), 1 core`, throughput(g));
  }

  const pages = texts.slice(0, nHtml).map((text, i) => page(r, text, i));
  const avgPage = pages.reduce((s, p) => s + p.length, 0) / pages.length;
  const h = timeExtract(pages.map((text) => ({ text, isHtml: true })));
  line(`extract, HTML (${nHtml} × ${(avgPage / 1024).toFixed(0)} KB pages), 1 core`, throughput(h));
  line('peak memory (this process, max RSS)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  // Batch mode through the CLI, on one worker and on every core: includes process start and model loading.
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  try {
    const file = join(dir, 'batch.jsonl');
    writeFileSync(file, texts.map((text, id) => JSON.stringify({ id, text, published: '2024-03-05' })).join('\n') + '\n');
    const rates: number[] = [];
    for (const workers of [...new Set([1, availableParallelism()])]) {
      const cpu0 = childrenCpuMs();
      const t0 = Date.now();
      const res = spawnSync(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), 'extract', '--jsonl', '--workers', String(workers), file], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      const ms = Date.now() - t0;
      if (res.status !== 0) throw new Error(`batch run failed: ${res.stderr}`);
      const n = res.stdout.split('\n').filter(Boolean).length;
      const cpu = childrenCpuMs() - cpu0;
      rates.push((n / ms) * 1000);
      const cpuNote = Number.isNaN(cpu) ? '' : `, CPU ${(cpu / n).toFixed(2)} ms/article all threads`;
      line(`extract --jsonl (${n} articles), ${workers} worker${workers > 1 ? 's' : ''}`, `${rates[rates.length - 1].toFixed(0)} articles/s (wall ${ms} ms incl. start-up${cpuNote}, load ${loadavg()[0].toFixed(1)})`);
    }
    if (rates.length === 2) line('  all workers / one worker', `${(rates[1] / rates[0]).toFixed(2)}×`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
