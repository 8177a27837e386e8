// `npm run bench`: prints throughput and memory figures. Figures, not pass/fail: targets are
// compared by whoever reads them (see the README's performance section).
// Flags: --quick (fewer articles, one batch pair), --batch-only (only the batch runs),
// --batch-articles N (articles of the batch runs, default 2000), --batch-pairs N (1-worker and
// all-worker runs alternated N times, default 3).
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
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

async function main(): Promise<void> {
  const r = rng(42);
  const nText = QUICK ? 300 : 2000;
  const nHtml = QUICK ? 60 : 300;
  const texts = Array.from({ length: nText }, () => article(r, 4000));
  const avg = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  console.log(`sitrep bench — node ${process.version}, ${QUICK ? 'quick' : 'full'} run`);
  const batchN = Number(flag('--batch-articles') ?? 2000);
  const pairs = Number(flag('--batch-pairs') ?? (QUICK ? 1 : 3));
  const batchTexts = () => (batchN <= texts.length ? texts.slice(0, batchN) : [...texts, ...Array.from({ length: batchN - texts.length }, () => article(r, 4000))]);
  if (args.has('--batch-only')) return batchFigures(batchTexts(), pairs);
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

  await batchFigures(batchTexts(), pairs);
}

/** The value after `name` on the command line. */
function flag(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

interface BatchRun {
  /** spawn to the first output line: process start, workers loading, the first article */
  startMs: number;
  /** articles per second after the first output line */
  rate: number;
  /** articles per second, start-up included */
  rateAll: number;
  /** CPU ms per article: the process's main thread, its busiest `workers` threads, the rest */
  main: number;
  workers: number[];
  helpers: number;
  all: number;
}

/** CPU milliseconds of each thread of a live process (Linux /proc), by thread id. */
function threadCpu(pid: number, into: Map<string, number>): void {
  try {
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      const f = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime and stime: the 14th and 15th fields, in clock ticks (100/s)
      into.set(t, (Number(f[11]) + Number(f[12])) * 10);
    }
  } catch {
    // the process or one of its threads has ended: its last reading stays
  }
}

/** One `extract --jsonl` run through the CLI, its output counted and timed line by line. */
function batchRun(file: string, n: number, workers: number): Promise<BatchRun> {
  return new Promise((resolve, reject) => {
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const p = spawn(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), 'extract', '--jsonl', '--workers', String(workers), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let first = 0;
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => {
      for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) lines++;
      if (!first && lines) first = performance.now();
    });
    p.stderr.on('data', (b: Buffer) => (stderr += b));
    const threads = new Map<string, number>();
    const poll = setInterval(() => threadCpu(p.pid!, threads), 100);
    p.on('error', reject);
    p.on('close', (code) => {
      const end = performance.now();
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`batch run failed: ${stderr}`));
      if (lines !== n) return reject(new Error(`batch run printed ${lines} lines for ${n}`));
      const all = (childrenCpuMs() - cpu0) / n;
      const main = (threads.get(String(p.pid)) ?? 0) / n;
      // Threads are not named: the busiest ones after the main thread are taken for the workers;
      // the others are V8's (optimising compiler, concurrent garbage collection) and libuv's.
      const others = [...threads].filter(([t]) => t !== String(p.pid)).map(([, ms]) => ms / n).sort((a, b) => b - a);
      resolve({
        startMs: first - t0,
        rate: ((n - 1) / (end - first)) * 1000,
        rateAll: (n / (end - t0)) * 1000,
        main,
        workers: others.slice(0, workers),
        helpers: others.slice(workers).reduce((a, b) => a + b, 0),
        all,
      });
    });
  });
}

/** The same CPU-bound work split over 1 and `threads` threads: what this machine gives them now. */
function pureCpuRatio(threads: number): Promise<number> {
  const code = `const { parentPort, workerData } = require('node:worker_threads');
    let x = 0; for (let u = 0; u < workerData; u++) for (let i = 0; i < 1e6; i++) x = (x * 31 + i) | 0;
    parentPort.postMessage(x);`;
  const run = async (n: number) => {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: n }, () => new Promise((res, rej) => new Worker(code, { eval: true, workerData: 600 / n }).once('message', res).once('error', rej))),
    );
    return performance.now() - t0;
  };
  return run(1).then((one) => run(threads).then((many) => one / many));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * Batch mode through the CLI on one worker and on every core, the two runs alternated `pairs`
 * times (a shared machine's load changes between runs: pairs see the same load), medians printed.
 * Start-up (process, workers loading models and gazetteer, first article) is reported apart from
 * the rate after it, which is what a long batch gets; CPU per article per thread says where the
 * time goes whatever the load.
 */
async function batchFigures(texts: string[], pairs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  try {
    const file = join(dir, 'batch.jsonl');
    const n = texts.length;
    writeFileSync(file, texts.map((text, id) => JSON.stringify({ id, text, published: '2024-03-05' })).join('\n') + '\n');
    const counts = [...new Set([1, availableParallelism()])];
    const runs = new Map<number, BatchRun[]>(counts.map((w) => [w, []]));
    const ceiling: number[] = [];
    for (let k = 0; k < pairs; k++) {
      for (const w of counts) runs.get(w)!.push(await batchRun(file, n, w));
      if (counts.length > 1) ceiling.push(await pureCpuRatio(counts[1]));
    }
    for (const w of counts) {
      const rs = runs.get(w)!;
      const m = (f: (r: BatchRun) => number) => median(rs.map(f));
      const per = rs[0].workers.map((_, i) => m((r) => r.workers[i]).toFixed(2)).join(' + ');
      line(
        `extract --jsonl (${n} articles), ${w} worker${w > 1 ? 's' : ''}`,
        `${m((r) => r.rate).toFixed(0)} articles/s after start-up ${m((r) => r.startMs).toFixed(0)} ms (${m((r) => r.rateAll).toFixed(0)}/s with it; median of ${rs.length}, load ${loadavg()[0].toFixed(1)})`,
      );
      line(
        '  CPU ms/article by thread',
        `main ${m((r) => r.main).toFixed(2)}, worker${w > 1 ? 's' : ''} ${per}, V8/libuv helpers ${m((r) => r.helpers).toFixed(2)}; all ${m((r) => r.all).toFixed(2)}`,
      );
    }
    if (counts.length > 1) {
      const [one, all] = counts.map((w) => runs.get(w)!);
      const ratios = (f: (r: BatchRun) => number) => one.map((r, i) => f(all[i]) / f(r));
      const fmt = (xs: number[]) => `${median(xs).toFixed(2)}× (pairs ${xs.map((x) => x.toFixed(2)).join(' ')})`;
      line(`  ${counts[1]} workers / 1 worker, after start-up`, fmt(ratios((r) => r.rate)));
      line('    with start-up', fmt(ratios((r) => r.rateAll)));
      line(`  the same CPU-bound loop, ${counts[1]} threads / 1`, `${fmt(ceiling)}: what the machine gives ${counts[1]} threads now`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
