import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rebuild } from './eval-re3d.js';

test('re3d tokens are rebuilt into running text with gold spans on it', () => {
  const words = ['The', 'UN', 'said', 'Ziad', 'al', '-', 'Karbouly', ',', 'an', 'Iraqi', ',', 'fled', 'Da', '’', 'esh', 'with', 'Prime', 'Minister', 'Abadi', '.'];
  const tags = ['B-Organisation', 'I-Organisation', 'O', 'B-Person', 'I-Person', 'I-Person', 'I-Person', 'O', 'O', 'B-Nationality', 'O', 'O', 'B-Organisation', 'I-Organisation', 'I-Organisation', 'O', 'B-Person', 'I-Person', 'I-Person', 'O'];
  const s = rebuild(words, tags);
  assert.equal(s.text, 'The UN said Ziad al-Karbouly, an Iraqi, fled Da’esh with Prime Minister Abadi.');
  const spans = s.gold.map((g) => [g.type, s.text.slice(g.start, g.end), g.bare === undefined ? null : s.text.slice(g.bare, g.end)]);
  assert.deepEqual(spans, [
    ['Organisation', 'The UN', 'UN'],
    ['Person', 'Ziad al-Karbouly', null],
    ['Nationality', 'Iraqi', null],
    ['Organisation', 'Da’esh', null],
    ['Person', 'Prime Minister Abadi', 'Abadi'],
  ]);
});

test('re3d types outside sitrep (Temporal, Quantity) are left out; weapons and platforms are equipment', () => {
  const s = rebuild(['Two', 'F-16', 'jets', 'fired', 'missiles', 'on', 'Monday'], ['B-Quantity', 'B-MilitaryPlatform', 'I-MilitaryPlatform', 'O', 'B-Weapon', 'O', 'B-Temporal']);
  assert.deepEqual(
    s.gold.map((g) => [g.type, s.text.slice(g.start, g.end)]),
    [
      ['Equipment', 'F-16 jets'],
      ['Equipment', 'missiles'],
    ],
  );
});
