// `npm run bench`: prints throughput and memory figures. Figures, not pass/fail: targets are
// compared by whoever reads them (see the README's performance section).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../pipeline.js';
import { loadStats } from '../gazetteer/index.js';
import { article, page, rng } from './corpus.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');

function line(label: string, value: string): void {
  console.log(`${label.padEnd(44)} ${value}`);
}

function timeExtract(inputs: { text: string; isHtml: boolean }[]): { perSec: number; mbPerSec: number; ms: number } {
  // Warm up: the first call loads the model and the gazetteer.
  extract({ source: 'warm-up', text: inputs[0].text, isHtml: inputs[0].isHtml, published: '2024-03-05' });
  let bytes = 0;
  const t0 = process.hrtime.bigint();
  for (const [k, x] of inputs.entries()) {
    extract({ source: `bench ${k}`, text: x.text, isHtml: x.isHtml, published: '2024-03-05', outlet: 'Bench' });
    bytes += Buffer.byteLength(x.text);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { perSec: (inputs.length / ms) * 1000, mbPerSec: bytes / 1048576 / (ms / 1000), ms };
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
  line(`extract, text (${nText} × ${(avg / 1024).toFixed(1)} KB), 1 core`, `${t.perSec.toFixed(0)} articles/s, ${t.mbPerSec.toFixed(2)} MB/s`);

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
    line(`extract, dev-set reports (${corpus.length} × ${(avgGold / 1024).toFixed(1)} KB), 1 core`, `${g.perSec.toFixed(0)} articles/s, ${g.mbPerSec.toFixed(2)} MB/s`);
  }

  const pages = texts.slice(0, nHtml).map((text, i) => page(r, text, i));
  const avgPage = pages.reduce((s, p) => s + p.length, 0) / pages.length;
  const h = timeExtract(pages.map((text) => ({ text, isHtml: true })));
  line(`extract, HTML (${nHtml} × ${(avgPage / 1024).toFixed(0)} KB pages), 1 core`, `${h.perSec.toFixed(0)} articles/s, ${h.mbPerSec.toFixed(2)} MB/s`);
  line('peak memory (this process, max RSS)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  // Batch mode through the CLI, on every core: includes process start and model loading.
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  try {
    const file = join(dir, 'batch.jsonl');
    writeFileSync(file, texts.map((text, id) => JSON.stringify({ id, text, published: '2024-03-05' })).join('\n') + '\n');
    const t0 = Date.now();
    const res = spawnSync(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), 'extract', '--jsonl', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const ms = Date.now() - t0;
    if (res.status !== 0) throw new Error(`batch run failed: ${res.stderr}`);
    const n = res.stdout.split('\n').filter(Boolean).length;
    line(`extract --jsonl (${n} articles), all cores`, `${((n / ms) * 1000).toFixed(0)} articles/s (wall ${ms} ms incl. start-up)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
