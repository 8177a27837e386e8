import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotations } from './marks.js';
import { paragraphs } from '../tokens/index.js';

/** The quoted texts found in `text`. */
function quoted(text: string): string[] {
  return findQuotations(text, paragraphs(text)).map((q) => text.slice(q.start, q.end));
}

test('curly and straight double quotes are paired, without their marks', () => {
  assert.deepEqual(quoted('He said, “We are ready.” She said, "So are we."'), ['We are ready.', 'So are we.']);
});

test('an apostrophe inside or after a word is not a closing single quote', () => {
  assert.deepEqual(quoted('Iran’s minister said ‘we won’t retreat’ in the nations’ talks.'), ['we won’t retreat']);
  assert.deepEqual(quoted('Tehran’s view of Syria’s defence.'), []);
});

test('single quotes inside double quotes are part of the outer quotation', () => {
  assert.deepEqual(quoted('“They called it ‘a crime’, and it was,” he said.'), ['They called it ‘a crime’, and it was,']);
});

test('a quotation can span several sentences', () => {
  assert.deepEqual(quoted('“We are ready. We will respond. Nobody doubts it,” he said.'), [
    'We are ready. We will respond. Nobody doubts it,',
  ]);
});

test('a quotation left open at a paragraph end continues where the next paragraph re-opens it', () => {
  const text = '“We are ready to act.\n\n“We will respond to any attack,” he said.';
  const found = findQuotations(text, paragraphs(text));
  assert.deepEqual(
    found.map((q) => text.slice(q.start, q.end)),
    ['We are ready to act.', 'We will respond to any attack,'],
  );
  assert.equal(found[0].close, -1);
  assert.equal(found[1].prev, 0);
});

test('a stray straight mark (inches) opens nothing', () => {
  assert.deepEqual(quoted('The 12" gun fired twice.'), []);
  assert.deepEqual(quoted('A 12" gun fired.\n\nThen "quiet" returned.'), ['quiet']);
});

test('‘90s is an elision, not an opening quote', () => {
  assert.deepEqual(quoted('Since the ‘90s the group said ‘never again’ often.'), ['never again']);
});

test('a second opening mark before any closing one starts a new quotation', () => {
  assert.deepEqual(quoted('“We are ready, he said. “We will win,” he added.'), ['We will win,']);
});

test('straight single quotes pair like curly ones, apostrophes aside', () => {
  assert.deepEqual(quoted("'We won't surrender,' the rebels' commander said."), ["We won't surrender,"]);
  assert.deepEqual(quoted("Russia's army and the rebels' positions since the '90s."), []);
});
