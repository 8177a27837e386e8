import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from './doc.js';
import { InputError } from './errors.js';
import { checkBudget, parseTimeLimit, setBudget, TimeLimitError } from './budget.js';
import { extract } from './pipeline.js';
import { shape } from './tools/adversarial.js';

test('an article over its time budget is rejected naming the input and the stage', () => {
  const doc = new Doc('text');
  setBudget(doc, 'report.txt', 1, performance.now() - 2000);
  assert.throws(
    () => checkBudget(doc, 'events'),
    (e: unknown) => e instanceof TimeLimitError && e instanceof InputError && /^report\.txt: took longer than the time limit of 1 s \(stopped in stage "events"\)/.test((e as Error).message),
  );
});

test('a budget of 0 is no limit, and a doc without a budget is never stopped', () => {
  const doc = new Doc('text');
  setBudget(doc, 'x', 0, performance.now() - 1e9);
  checkBudget(doc, 'tokens');
  checkBudget(new Doc('other'), 'tokens');
});

test('extract stops a long input at its time limit with an InputError, between windows of the text', () => {
  const text = shape('news').make(300_000);
  assert.throws(() => extract({ source: 'long.txt', text }, { timeLimit: 0.001 }), (e: unknown) => e instanceof TimeLimitError && (e as Error).message.startsWith('long.txt: took longer'));
});

test('--time-limit takes seconds; default 10', () => {
  assert.equal(parseTimeLimit(undefined), 10);
  assert.equal(parseTimeLimit('2.5'), 2.5);
  assert.equal(parseTimeLimit('0'), 0);
  assert.throws(() => parseTimeLimit('-1'), InputError);
  assert.throws(() => parseTimeLimit('soon'), InputError);
});
