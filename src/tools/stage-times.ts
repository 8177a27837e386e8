// Where one input's time goes: `node dist/tools/stage-times.js SHAPE BYTES` (a generated
// adversarial input, see adversarial.ts) or `node dist/tools/stage-times.js --file PATH [--html]`.
// Prints wall milliseconds per stage and the peak RSS, one line per stage as it finishes, so a
// run killed by `timeout` still shows which stage it was in.
import { readFileSync, writeFileSync } from 'node:fs';
import { normalise } from '../normalise/index.js';
import { STAGES } from '../pipeline.js';
import { toDocument } from '../output.js';
import { shape } from './adversarial.js';

const args = process.argv.slice(2);
let text: string;
let isHtml = args.includes('--html');
if (args[0] === '--file') text = readFileSync(args[1], 'utf8');
else {
  const s = shape(args[0]);
  text = s.make(Number(args[1]), Number(args[2] ?? 1));
  isHtml ||= !!s.html;
  const out = args[args.indexOf('--write') + 1];
  if (args.includes('--write')) {
    writeFileSync(out, text);
    process.exit(0);
  }
}
const log = (name: string, ms: number) => process.stdout.write(`${name.padEnd(10)} ${ms.toFixed(0).padStart(7)} ms  rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB\n`);
// Warm up first: loading the model and the gazetteer is no stage's cost.
const warm = normalise({ source: 'warm-up', text: 'Two people were killed in Aleppo on Monday, the army said.', published: '2024-03-05' });
for (const s of STAGES) s.run(warm);
let t = performance.now();
const doc = normalise({ source: 'input', text, isHtml, published: '2024-03-05' });
log('normalise', performance.now() - t);
for (const s of STAGES) {
  t = performance.now();
  s.run(doc);
  log(s.name, performance.now() - t);
}
t = performance.now();
toDocument(doc);
log('output', performance.now() - t);
