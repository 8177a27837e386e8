import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc.js';
import { tokens, paragraphs } from './index.js';

test('token offsets are exact slices of the text, including curly quotes and odd spacing', () => {
  const text = 'TEHRAN-  Hamzeh said, “We  find ourselves”.\n\nMr. Smith’s U.S.-made F-16s hit 3.5km away.';
  const doc = new Doc(text);
  tokens.run(doc);
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.ok(doc.tokens.some((t) => t.text === '“'));
  assert.ok(doc.tokens.every((t) => t.text.trim() !== ''));
});

test('sentences never cross a paragraph break', () => {
  const doc = new Doc('A headline without a full stop\n\nThe body starts here. It goes on.');
  tokens.run(doc);
  assert.deepEqual(
    doc.sentences.map((s) => doc.sentenceText(s.i)),
    ['A headline without a full stop', 'The body starts here.', 'It goes on.'],
  );
  assert.deepEqual(doc.sentences.map((s) => s.paragraph), [0, 1, 1]);
});

test('parts of speech mark proper nouns', () => {
  const doc = new Doc('Bashar al-Assad met officials in Damascus.');
  tokens.run(doc);
  const damascus = doc.tokens.find((t) => t.text === 'Damascus')!;
  assert.equal(damascus.pos, 'PROPN');
});

test('paragraphs split on blank lines and single line breaks', () => {
  assert.deepEqual(paragraphs('a\n\nb\nc'), [
    { start: 0, end: 1 },
    { start: 3, end: 4 },
    { start: 5, end: 6 },
  ]);
});

test('text ending in spaces keeps exact offsets', () => {
  const doc = new Doc('Qalandari said, "We win." ');
  tokens.run(doc);
  assert.equal(doc.tokens[doc.tokens.length - 1].text, '"');
  for (const t of doc.tokens) assert.equal(doc.text.slice(t.start, t.end), t.text);
});
