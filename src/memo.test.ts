import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memo, memoOf } from './memo.js';

test('an answer is computed once, null answers included, until the table is full or cleared', () => {
  let calls = 0;
  const f = memo((n: number) => (calls++, n % 2 ? null : n * 2), 2);
  assert.equal(f(2), 4);
  assert.equal(f(2), 4);
  assert.equal(f(1), null);
  assert.equal(f(1), null);
  assert.equal(calls, 2);
  f(4);
  f(6); // past the limit: the table starts again
  f(2);
  assert.equal(calls, 5);
  f.clear();
  f(6);
  assert.equal(calls, 6);
});

test('an answer about an object is computed once per object, not per equal object', () => {
  let calls = 0;
  const f = memoOf((o: { n: number }) => (calls++, [o.n]));
  const a = { n: 1 };
  assert.equal(f(a), f(a));
  assert.equal(calls, 1);
  assert.deepEqual(f({ n: 1 }), [1]);
  assert.equal(calls, 2);
});
