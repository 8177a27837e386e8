import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from './doc.js';
import { tokens } from './stages/tokens/index.js';
import { compile, PatternSet } from './patterns.js';

function toks(text: string) {
  const d = new Doc(text);
  tokens.run(d);
  return d.tokens;
}

test('alternatives match word forms and lemmas', () => {
  const set = new PatternSet([compile('launch|fire * missile|rocket', 'missile')]);
  const t = toks('The army fired two rockets at the town.');
  const m = set.matchAll(t, 0, t.length);
  assert.equal(m.length, 1);
  assert.deepEqual(m[0].tokens.map((i) => t[i].text), ['fired', 'rockets']);
});

test('a gap never crosses the end of a clause', () => {
  const set = new PatternSet([compile('launch * missile', 'x')]);
  const t = toks('They launched. Missile debris fell.');
  assert.equal(set.matchAll(t, 0, t.length).length, 0);
});

test('optional slots and parts of speech', () => {
  const set = new PatternSet([compile('shot down? NOUN', 'x')]);
  const t = toks('They shot drones.');
  assert.equal(set.matchAll(t, 0, t.length).length, 1);
});

test('the longest of overlapping matches wins', () => {
  const set = new PatternSet([compile('strike', 'generic', 0), compile('air strike', 'air', 1)]);
  const t = toks('An air strike hit the base.');
  const best = set.matchBest(t, 0, t.length);
  assert.deepEqual(best.map((m) => m.pattern.value), ['air']);
});

test('patterns must start with a word', () => {
  assert.throws(() => compile('* missile', 'x'));
});
