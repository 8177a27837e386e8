// `npm run fuzz -- --seconds N [--seed S] [--max-bytes B] [--no-ingest]`: generated inputs (the
// adversarial shapes of adversarial.ts, mixed, cut and wrapped in odd HTML, plus random Unicode)
// through extract, and now and then a handful of them through ingest into a temporary store.
// Properties: no crash (every failure is an InputError naming the input), every document passes
// checkDocument, no article overruns its time budget by more than a stage, ingest stores or
// rejects every input once and leaves an intact database, also after a run killed with SIGKILL at a
// random moment (every other ingest round). Prints a summary; exit 1 on a finding.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { extract } from '../pipeline.js';
import { checkDocument } from '../contract.js';
import { InputError } from '../errors.js';
import { TimeLimitError } from '../budget.js';
import { rng } from './corpus.js';
import { SHAPES } from './adversarial.js';

export interface FuzzOptions {
  seconds: number;
  seed: number;
  maxBytes: number;
  /** seconds each article may take */
  timeLimit: number;
  ingest: boolean;
  log?: (s: string) => void;
}

export interface Finding {
  seed: number;
  input: string;
  problem: string;
}

export interface FuzzSummary {
  runs: number;
  documents: number;
  rejected: Map<string, number>;
  overBudget: number;
  slowest: { what: string; ms: number };
  ingests: number;
  /** ingest rounds whose first run was killed with SIGKILL */
  kills: number;
  findings: Finding[];
}

const JUNK = ['\ufeff', '\u200b', '\u202e', '\ud800', '\udfff', '\r', '\t', '\u00a0', '\u2028', '<', '>', '&amp;', '"', '“', '’', '—', '-', '.', '…', '\n\n', 'é', 'ﷺ', '𝔄', '👩🏽‍🚒'];

/** One generated input for a case seed: what it is (to report it) and its text. */
export function generate(seed: number, maxBytes: number): { what: string; text: string; isHtml: boolean } {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  // Sizes spread evenly over orders of magnitude: most inputs small, some near the limit.
  const bytes = Math.max(1, Math.floor(Math.exp(r() * Math.log(maxBytes))));
  const kind = r();
  if (kind < 0.1) {
    // Random characters from everywhere, junk included.
    const parts: string[] = [];
    for (let n = 0; n < bytes; ) {
      const p = r() < 0.5 ? pick(JUNK) : String.fromCodePoint(Math.floor(r() * 0x2ffff));
      parts.push(p);
      n += p.length;
    }
    return { what: `random ${bytes}`, text: parts.join(''), isHtml: r() < 0.2 };
  }
  const a = pick(SHAPES);
  if (kind < 0.6) return { what: `${a.name} ${bytes}`, text: a.make(bytes, seed), isHtml: !!a.html };
  // Two shapes mixed, with junk sprinkled in, sometimes cut mid-character or wrapped in HTML.
  const b = pick(SHAPES);
  let text = a.make(bytes / 2, seed) + pick(JUNK) + b.make(bytes / 2, seed + 1);
  const chars = [...text];
  for (let k = Math.floor(r() * 20); k > 0; k--) chars.splice(Math.floor(r() * chars.length), 0, pick(JUNK));
  text = chars.join('');
  if (r() < 0.2) text = text.slice(0, Math.floor(r() * text.length) + 1);
  let isHtml = !!(a.html || b.html);
  if (r() < 0.25) {
    const tag = pick(['p', 'div', 'li', 'td', 'span', 'blockquote']);
    const depth = Math.floor(r() * 200);
    text = `<html><head><title>${pick(JUNK)}</title></head><body>${`<${tag}>`.repeat(depth)}${text}${r() < 0.5 ? `</${tag}>`.repeat(depth) : ''}`;
    isHtml = true;
  }
  return { what: `${a.name}+${b.name} ${bytes}${isHtml ? ' html' : ''}`, text, isHtml };
}

export async function fuzz(o: FuzzOptions): Promise<FuzzSummary> {
  const log = o.log ?? (() => {});
  const s: FuzzSummary = { runs: 0, documents: 0, rejected: new Map(), overBudget: 0, slowest: { what: '', ms: 0 }, ingests: 0, kills: 0, findings: [] };
  const end = Date.now() + o.seconds * 1000;
  const tmp = mkdtempSync(join(tmpdir(), 'sitrep-fuzz-'));
  // A stage runs whole before the budget is checked: allow one stage's worth past it.
  const slack = Math.max(2000, o.timeLimit * 500);
  // Loading the model and the gazetteer is no article's cost.
  extract({ source: 'warm-up', text: 'Two people were killed in Aleppo on Monday.', published: '2024-03-05' });
  try {
    for (let k = 0; Date.now() < end; k++) {
      const seed = o.seed + k;
      const g = generate(seed, o.maxBytes);
      s.runs++;
      const t0 = performance.now();
      try {
        const doc = extract({ source: `case ${seed}`, text: g.text, isHtml: g.isHtml, published: '2024-03-05' }, { includeText: true, timeLimit: o.timeLimit });
        const problems = checkDocument(doc);
        if (problems.length) s.findings.push({ seed, input: g.what, problem: `invalid document: ${problems.slice(0, 3).join('; ')}` });
        else s.documents++;
      } catch (e) {
        if (e instanceof TimeLimitError) s.overBudget++;
        else if (e instanceof InputError) {
          const why = e.problem.replace(/\d+(\.\d+)?/g, 'N');
          s.rejected.set(why, (s.rejected.get(why) ?? 0) + 1);
        } else s.findings.push({ seed, input: g.what, problem: `crash: ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}` });
      }
      const ms = performance.now() - t0;
      if (ms > s.slowest.ms) s.slowest = { what: `${g.what} (seed ${seed})`, ms };
      if (ms > o.timeLimit * 1000 + slack) s.findings.push({ seed, input: g.what, problem: `took ${(ms / 1000).toFixed(1)} s, over the ${o.timeLimit} s budget` });
      if (o.ingest && k % 25 === 24) await ingestRound(o, seed, tmp, s);
      if (k % 50 === 49) log(`fuzz: ${s.runs} runs, ${s.findings.length} findings\n`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return s;
}

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'sitrep.js');

/** The store's integrity_check, and whether any article has more than one revision; null when it is intact. */
function storeProblem(db: string): string | null {
  const sql = new Database(db, { readonly: true });
  try {
    const ok = sql.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') return `integrity_check: ${String(ok)}`;
    const twice = (sql.prepare('SELECT count(*) AS n FROM (SELECT article_id FROM revisions GROUP BY article_id HAVING count(*) > 1)').get() as { n: number }).n;
    return twice ? `${twice} articles written twice` : null;
  } finally {
    sql.close();
  }
}

/**
 * Ten generated inputs as files through `sitrep ingest` into a new store: each stored or rejected
 * once, the database intact. Every other round first runs `sitrep ingest` in a child process and
 * kills it with SIGKILL at a random moment: the store must be intact, and the run after it must
 * finish the job without writing anything twice.
 */
async function ingestRound(o: FuzzOptions, seed: number, tmp: string, s: FuzzSummary): Promise<void> {
  const { ingest } = await import('../ingest/run.js');
  const dir = mkdtempSync(join(tmp, 'in-'));
  const n = 10;
  for (let i = 0; i < n; i++) {
    const g = generate(seed * 31 + i, Math.min(o.maxBytes, 50_000));
    writeFileSync(join(dir, `${i}.${g.isHtml ? 'html' : 'txt'}`), g.text);
  }
  const db = join(tmp, `store-${seed}.db`);
  s.ingests++;
  const r0 = rng(seed * 7 + 3);
  if (r0() < 0.5) {
    const ms = Math.floor(300 + r0() * 4000);
    const child = spawn(process.execPath, [BIN, 'ingest', dir, '--db', db, '--workers', '1', '--quiet'], { stdio: 'ignore' });
    const exited = new Promise<void>((res) => child.on('exit', () => res()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    await exited;
    clearTimeout(timer);
    s.kills++;
    const bad = existsSync(db) ? storeProblem(db) : null;
    if (bad) s.findings.push({ seed, input: `ingest round ${seed} killed after ${ms} ms`, problem: bad });
  }
  try {
    const r = await ingest([dir], { db, quiet: true, workers: 1, timeLimit: o.timeLimit, out: () => {}, err: () => {} });
    const accounted = r.new + r.revision + r.duplicate + r.skipped + r.rejected;
    if (r.inputs !== n || accounted !== n) s.findings.push({ seed, input: `ingest round ${seed}`, problem: `${n} inputs, ${accounted} accounted for (${JSON.stringify(r)})` });
    const bad = storeProblem(db);
    if (bad) s.findings.push({ seed, input: `ingest round ${seed}`, problem: bad });
  } catch (e) {
    s.findings.push({ seed, input: `ingest round ${seed}`, problem: `ingest failed: ${(e as Error).message}` });
  }
}

export function formatSummary(s: FuzzSummary, o: FuzzOptions): string {
  const lines = [
    `fuzz: seed ${o.seed}, ${s.runs} inputs (up to ${o.maxBytes} characters) in ${o.seconds} s: ${s.documents} documents valid, ` +
      `${[...s.rejected.values()].reduce((a, b) => a + b, 0)} rejected, ${s.overBudget} over the ${o.timeLimit} s budget (rejected), ${s.ingests} ingest rounds (${s.kills} after a run killed with SIGKILL)`,
    `slowest: ${s.slowest.what}, ${(s.slowest.ms / 1000).toFixed(2)} s`,
    ...[...s.rejected].sort((a, b) => b[1] - a[1]).map(([why, n]) => `  rejected ${n}× ${why}`),
    s.findings.length ? `${s.findings.length} findings:` : 'no findings',
    ...s.findings.slice(0, 30).map((f) => `  seed ${f.seed} (${f.input}): ${f.problem}`),
  ];
  return lines.join('\n') + '\n';
}

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return def;
  const n = Number(process.argv[i + 1]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} needs a number, got "${process.argv[i + 1]}"`);
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const o: FuzzOptions = {
    seconds: arg('--seconds', 60),
    seed: arg('--seed', Date.now() % 1_000_000),
    maxBytes: arg('--max-bytes', 300_000),
    timeLimit: arg('--time-limit', 10),
    ingest: !process.argv.includes('--no-ingest'),
    log: (x) => process.stderr.write(x),
  };
  const s = await fuzz(o);
  process.stdout.write(formatSummary(s, o));
  process.exitCode = s.findings.length ? 1 : 0;
}
