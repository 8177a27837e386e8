import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberWord, readNumber } from './numbers.js';

test('digits, words and hyphenated tens', () => {
  assert.equal(numberWord('12'), 12);
  assert.equal(numberWord('1,200'), 1200);
  assert.equal(numberWord('two'), 2);
  assert.equal(numberWord('Twenty-three'), 23);
  assert.equal(numberWord('several'), null);
  assert.equal(numberWord('a'), null);
});

test('words that name properties of every object are no numbers', () => {
  for (const w of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) assert.equal(numberWord(w), null, w);
  assert.equal(readNumber(['a', 'constructor'], 0), null);
});

test('scales and dozens', () => {
  assert.deepEqual(readNumber(['two', 'hundred', 'people'], 0), { value: 200, used: 2 });
  assert.deepEqual(readNumber(['a', 'dozen', 'soldiers'], 0), { value: 12, used: 2 });
  assert.deepEqual(readNumber(['1.5', 'million'], 0), { value: 1500000, used: 2 });
  assert.equal(readNumber(['a', 'soldier'], 0), null);
});
