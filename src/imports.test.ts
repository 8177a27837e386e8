// The shape of the code: data flows one way (ingest → normalise → annotate → store → serve), so the
// extraction modules never import the corpus, store, server or tool modules, and no module imports
// itself through others. Read from the TypeScript sources, type-only imports included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { packagePath } from './paths.js';

const SRC = packagePath('src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f);
    if (statSync(full).isDirectory()) return sources(full);
    return f.endsWith('.ts') && !f.endsWith('.d.ts') ? [full] : [];
  });
}

// import … from '…', import type … from '…', export … from '…', import '…', import('…')
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The project modules a source file imports (relative specifiers only), as paths relative to src/. */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const out = new Set<string>();
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
    const found = [target, target.replace(/\.ts$/, '/index.ts'), `${target}.ts`, join(target, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
    assert.ok(found, `${relative(SRC, file)} imports ${spec}, which is no module`);
    out.add(relative(SRC, found));
  }
  return [...out];
}

function graph(): Map<string, string[]> {
  return new Map(sources(SRC).map((f) => [relative(SRC, f), importsOf(f)]));
}

const under = (file: string, dirs: string[]) => dirs.some((d) => file.startsWith(`${d}/`));

test('extraction modules import nothing from ingest, the store, the server or the tools', () => {
  // the stages, what they read (data, gazetteer) and the shared modules beside the document model
  const extraction = ['stages', 'gazetteer', 'normalise', 'data'];
  const shared = ['doc.ts', 'contract.ts', 'taxonomy.ts', 'patterns.ts', 'days.ts', 'geo.ts', 'paths.ts', 'pipeline.ts', 'output.ts'];
  const outside = ['tools', 'store', 'serve', 'ingest'];
  const wrong: string[] = [];
  for (const [file, deps] of graph()) {
    if (!(under(file, extraction) || shared.includes(file)) || file.endsWith('.test.ts')) continue;
    for (const d of deps) if (under(d, outside)) wrong.push(`${file} → ${d}`);
  }
  assert.deepEqual(wrong, []);
});

/** Import cycles, each as the modules around it (a strongly connected component of two or more, or a module importing itself). */
export function cycles(g: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative so that deep graphs do not overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const root of g.keys()) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    while (work.length) {
      const top = work[work.length - 1];
      const [v, i] = top;
      if (i === 0) {
        index.set(v, next);
        low.set(v, next++);
        stack.push(v);
        onStack.add(v);
      }
      const deps = g.get(v) ?? [];
      if (i < deps.length) {
        top[1]++;
        const w = deps[i];
        if (!index.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const u = work[work.length - 1][0];
        low.set(u, Math.min(low.get(u)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1 || deps.includes(v)) out.push(scc.sort());
      }
    }
  }
  return out;
}

/**
 * Cycles that are known and owned elsewhere, to be removed here when fixed there. Each must still be
 * a cycle (the test says when it is gone); no other cycle may appear.
 */
const KNOWN: string[][] = [
  // type-only: types.ts takes PreparedArticle from prepare.ts, which reads rows.ts, which takes
  // StoredPlace from types.ts (src/store is the store engineer's; moving one type breaks it)
  ['store/prepare.ts', 'store/rows.ts', 'store/types.ts'],
];

test('no module imports itself through others (type imports included)', () => {
  const found = cycles(graph()).map((c) => c.join(' → '));
  const known = KNOWN.map((c) => c.join(' → '));
  assert.deepEqual(
    found.filter((c) => !known.includes(c)),
    [],
  );
  assert.deepEqual(
    known.filter((c) => !found.includes(c)),
    [],
    'a known cycle is gone: take it off KNOWN',
  );
});

test('the graph reader finds every kind of import, and cycles of any length', () => {
  // (the keywords are spelt apart, so that this file's own imports are read without these)
  const imp = 'imp' + 'ort';
  const exp = 'exp' + 'ort';
  const text = [
    `${imp} { a } from './a.js';`,
    `${imp} type { B } from '../b.js';`,
    `${exp} { c } from './c.js';`,
    `${imp} './d.js';`,
    `const e = await ${imp}('./e.js');`,
    `// ${imp} { f } from './f.js';`,
    `${imp} { z } from 'zod';`,
  ].join('\n');
  const specs = [...text.replace(/^\s*\/\/.*$/gm, '').matchAll(SPECIFIER)].map((m) => m[1] ?? m[2]);
  assert.deepEqual(specs, ['./a.js', '../b.js', './c.js', './d.js', './e.js', 'zod']);
  const g = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['d']],
    ['e', ['a']],
  ]);
  assert.deepEqual(cycles(g), [['a', 'b', 'c'], ['d']]);
});
