// `node dist/tools/bench-serve.js [--mb 1.9] [--budget-s 120]`: figures for the server, not pass/fail.
//   1. POST /api/extract of a ~2 MB article (generated report paragraphs), on the server's
//      extraction pool: how long it takes, and how fast GET /health and GET /api/events answer
//      meanwhile (target: /health < 100 ms: the extraction is off the main thread).
//   2. GET /api/events.csv of the whole fixture store: the export path, for reference.
// The server runs in this process over a small fixture store (src/serve/testing.ts), with one
// extraction worker; requests are made with fetch from this process.
import { listen } from '../serve/server.js';
import { fixtureStore } from '../serve/testing.js';
import { maxOf } from '../arrays.js';

const argv = process.argv.slice(2);
const num = (flag: string, dflt: number) => (argv.includes(flag) ? Number(argv[argv.indexOf(flag) + 1]) : dflt);
const MB = num('--mb', 1.9);
const BUDGET_S = num('--budget-s', 120);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const row = (label: string, value: string) => process.stdout.write(`${label.padEnd(58)} ${value}\n`);

function report(mb: number): string {
  const para = (i: number) =>
    `Shelling hit the village of Kafr ${i} on Monday, killing ${i % 9} civilians and wounding ${i % 13}, a local official said. "We heard ${i} explosions," a resident said. `;
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 1048576; i++) {
    out.push(para(i));
    size += out[out.length - 1].length + 2;
  }
  return out.join('\n\n').slice(0, Math.floor(mb * 1048576));
}

async function main(): Promise<void> {
  const fx = await fixtureStore();
  const srv = await listen({ store: fx.store, port: 0, host: '127.0.0.1', extract: { workers: 1, budgetMs: BUDGET_S * 1000 }, maxBody: Math.ceil((MB + 0.5) * 1048576) });
  try {
    process.stdout.write(`sitrep bench-serve — node ${process.version}\n`);
    const post = (text: string) => fetch(`${srv.url}/api/extract`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) });
    await (await post('Shelling hit Aleppo on Monday, killing three people, a monitor said.')).arrayBuffer(); // the worker loads the pipeline
    const text = report(MB);
    const health: number[] = [];
    const reads: number[] = [];
    const t0 = performance.now();
    let done = false;
    const slow = post(text).then(async (r) => {
      await r.arrayBuffer();
      done = true;
      return r.status;
    });
    while (!done) {
      let t = performance.now();
      await (await fetch(`${srv.url}/health`)).arrayBuffer();
      health.push(performance.now() - t);
      t = performance.now();
      await (await fetch(`${srv.url}/api/events?country=SY`)).arrayBuffer();
      reads.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    const status = await slow;
    row(`POST /api/extract, ${(text.length / 1048576).toFixed(2)} MB of text (1 worker)`, `${status} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${maxOf(xs).toFixed(1)} ms (${xs.length} requests)`;
    row('  GET /health meanwhile', fmt(health));
    row('  GET /api/events?country=SY meanwhile', fmt(reads));
    const e0 = performance.now();
    const csv = await (await fetch(`${srv.url}/api/events.csv`)).text();
    row('GET /api/events.csv (fixture store)', `${csv.length} bytes in ${(performance.now() - e0).toFixed(1)} ms`);
  } finally {
    await srv.close();
    await fx.cleanup();
  }
}

await main();
