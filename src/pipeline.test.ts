import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import type { Doc, Layer, Stage } from './doc.js';
import { normalise } from './normalise/index.js';
import { checkStages, NORMALISED, STAGES, stageTable } from './pipeline.js';
import { packagePath } from './paths.js';

const stage = (name: string, reads: Layer[], writes: Layer[]): Stage => ({ name, reads, writes, adds: '', run() {} });

test('the stages run in an order their declarations allow', () => {
  assert.equal(checkStages(STAGES), STAGES);
});

test('a stage that reads a layer before any stage writes it stops the pipeline, naming both', () => {
  const tokens = stage('tokens', ['text'], ['tokens']);
  const dates = stage('dates', ['tokens'], ['times']);
  assert.throws(() => checkStages([dates, tokens]), /stage "dates" reads "tokens", which stage "tokens" writes after it/);
  assert.throws(() => checkStages([dates]), /stage "dates" reads "tokens", which no stage writes/);
});

test('a stage may not fill a layer that an earlier stage has already read', () => {
  const a = stage('a', ['text'], ['tokens']);
  const b = stage('b', ['tokens'], ['entities']);
  const c = stage('c', ['text'], ['tokens']);
  assert.throws(() => checkStages([a, b, c]), /stage "c" writes "tokens", which stage "b" before it has already read/);
});

test('a field added to a layer comes after the stage that fills the layer', () => {
  const e = stage('entities', ['text'], ['entities']);
  const p = stage('places', ['text'], ['places', 'entities.place']);
  assert.doesNotThrow(() => checkStages([e, p]));
  assert.throws(() => checkStages([p, e]), /stage "places" adds "entities.place" to "entities", which no stage before it writes/);
});

const LAYERS = new Set<string>([...NORMALISED, 'paragraphs', 'tokens', 'sentences', 'dateline', 'entities', 'places', 'times', 'quotes', 'framing', 'events']);
const whole = (l: string) => l.split('.')[0];

/** The dev articles, the examples corpus and one report without a publication date. */
function articles(): { id: string; text: string; published: string | null }[] {
  const out: { id: string; text: string; published: string | null }[] = [];
  const gold = packagePath('test', 'gold');
  for (const f of readdirSync(gold).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(`${gold}/${f}`, 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line));
  }
  out.push({ id: 'undated', text: 'Three people were killed in Homs on Tuesday, the army said.', published: null });
  return out;
}

test('each stage reads and writes exactly the layers it declares', () => {
  const read = new Map<string, Set<string>>(STAGES.map((s) => [s.name, new Set()]));
  const written = new Map<string, Set<string>>(STAGES.map((s) => [s.name, new Set()]));
  for (const a of articles()) {
    const doc = normalise({ source: a.id, text: a.text, published: a.published ?? null });
    for (const s of STAGES) {
      const before = new Map([...LAYERS].map((l) => [l, JSON.stringify(doc[l as keyof Doc])]));
      // Reads are seen through a proxy; writes by comparing each layer before and after, which also
      // sees fields added inside a layer (an entity's place).
      const seen = read.get(s.name)!;
      const watched = new Proxy(doc, {
        get(target, key, receiver) {
          if (typeof key === 'string' && LAYERS.has(key)) seen.add(key);
          return Reflect.get(target, key, receiver);
        },
      });
      s.run(watched);
      for (const l of LAYERS) if (JSON.stringify(doc[l as keyof Doc]) !== before.get(l)) written.get(s.name)!.add(l);
    }
  }
  for (const s of STAGES) {
    const writes = new Set(s.writes.map(whole));
    const reads = new Set(s.reads.map(whole));
    const didRead = [...read.get(s.name)!].filter((l) => !writes.has(l) || reads.has(l));
    assert.deepEqual(didRead.sort(), [...reads].sort(), `${s.name}: reads`);
    assert.deepEqual([...written.get(s.name)!].sort(), [...writes].sort(), `${s.name}: writes`);
  }
});

test("the README's stage table is the one the declarations make", () => {
  const readme = readFileSync(packagePath('README.md'), 'utf8');
  const table = stageTable();
  assert.ok(readme.includes(`\n${table}\n`), `README.md's stage table differs from the stages' declarations; it should read:\n\n${table}\n`);
});
