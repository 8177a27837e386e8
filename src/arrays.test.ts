import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findLast, findLastOf, maxOf, minOf, pushAll } from './arrays.js';

test('minOf, maxOf and pushAll take arrays far longer than a call can spread', () => {
  const big = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
  assert.throws(() => Math.min(...big), RangeError);
  assert.equal(minOf(big), 0);
  assert.equal(maxOf(big), 499_999);
  assert.equal(minOf([], 5), 5);
  assert.equal(maxOf([]), -Infinity);
  assert.equal(minOf([3, 1, 2]), Math.min(3, 1, 2));
  const into = [1];
  assert.equal(pushAll(into, big).length, 500_001);
});

test('findLast gives the last item accepted; findLastOf looks only at the last n', () => {
  const xs = [{ k: 1, ok: true }, { k: 2, ok: false }, { k: 3, ok: true }, { k: 4, ok: false }];
  assert.equal(findLast(xs, (x) => x.ok)?.k, 3);
  assert.equal(findLast(xs, (x) => x.k > 9), undefined);
  assert.equal(findLastOf(xs, 2, (x) => x.ok)?.k, 3);
  assert.equal(findLastOf(xs, 1, (x) => x.ok), undefined);
  assert.equal(findLastOf(xs, 10, (x) => x.k === 1)?.k, 1);
});

test('no spread of an array into Math.min, Math.max or push anywhere in src/', () => {
  const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
        readFileSync(p, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            // A spread as an argument itself (not inside an object or array literal argument).
            const spread = /(Math\.(min|max)|\.(push|unshift))\((\.\.\.|[^(){}[\]]*,\s*\.\.\.)/;
            if (spread.test(line) && !/^\s*\/\//.test(line) && !line.includes('bounded:')) found.push(`${p}:${i + 1}: ${line.trim()}`);
          });
    }
  };
  walk(src);
  assert.deepEqual(found, []);
});
