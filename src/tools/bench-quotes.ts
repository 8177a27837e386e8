// Cost of the quotes stage alone: `node dist/tools/bench-quotes.js`. The earlier stages run once
// per article outside the timing; the stage then runs repeatedly, best of 7 rounds.
import { Doc } from '../doc.js';
import { annotate, STAGES } from '../pipeline.js';
import { article, rng } from './corpus.js';
import { quotes } from '../stages/quotes/index.js';

const r = rng(42);
const texts = Array.from({ length: 500 }, () => article(r, 4000));
const docs = texts.map((t) => annotate(new Doc(t, { published: '2024-03-05' }), STAGES));
const kb = texts.reduce((s, t) => s + t.length, 0) / texts.length / 1024;
const n = docs.reduce((s, d) => s + d.quotes.length, 0) / docs.length;
for (let i = 0; i < 3; i++) for (const d of docs) quotes.run(d);
let best = Infinity;
for (let round = 0; round < 7; round++) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 20; i++) for (const d of docs) quotes.run(d);
  best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e3 / (20 * docs.length));
}
console.log(`quotes stage: ${docs.length} articles of ${kb.toFixed(1)} KB, ${n.toFixed(1)} quotes each`);
console.log(`${best.toFixed(1)} µs per article, ${(best / (kb / 4)).toFixed(1)} µs per 4 KB`);
