import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from './doc.js';
import { tokens } from './stages/tokens/index.js';
import { compile, PatternSet, Phrases } from './patterns.js';

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

test('phrases: the longest that starts at a token, word for word', () => {
  const p = new Phrases([
    ['on the outskirts of', 'outskirts'],
    ['on', 'on'],
    ['near', 'near'],
  ]);
  const t = toks('Shelling hit homes on the outskirts of Idlib and on a road near it.');
  const at = (w: string, n = 0) => p.at(t, t.findIndex((x, i) => x.lower === w && n-- === 0));
  assert.deepEqual(at('on'), { used: 4, value: 'outskirts' });
  assert.deepEqual(at('on', 1), { used: 1, value: 'on' });
  assert.equal(p.at(t, t.findIndex((x) => x.lower === 'homes')), null);
  // a phrase never runs past the end given
  assert.deepEqual(p.at(t, 3, 5), { used: 1, value: 'on' });
});

test('phrases: one-word phrases also match a lemma, unless told not to', () => {
  const t = toks('Two soldiers were killed.');
  const killed = t.findIndex((x) => x.lower === 'killed');
  assert.deepEqual(new Phrases([['kill', 'k']]).at(t, killed), { used: 1, value: 'k' });
  assert.ok(new Phrases([['kill', 'k']]).has(t[killed]));
  assert.equal(new Phrases([['kill', 'k']], 'none').at(t, killed), null);
  // in a phrase of several words, every word is read as written
  assert.equal(new Phrases([['kill soldiers', 'k']]).at(toks('They killed soldiers.'), 1), null);
});

test('phrases: the longest that ends at a token, read back from it', () => {
  const p = Phrases.of(['so - called', 'called', 'known as'], 'none');
  const t = toks('the so-called “buffer zone”, known as the strip');
  const called = t.findIndex((x) => x.lower === 'called');
  assert.deepEqual(p.endingAt(t, called), { used: 3, value: true });
  assert.deepEqual(p.endingAt(t, called, called), { used: 1, value: true });
  assert.deepEqual(p.endingAt(t, t.findIndex((x) => x.lower === 'as')), { used: 2, value: true });
  assert.equal(p.endingAt(t, t.findIndex((x) => x.lower === 'strip')), null);
});

test('phrases: starts() says what mayStart() reads, and at() finds a one-word phrase through its lemma', () => {
  const t = toks('Gunmen killed three people and wounded others near the border on Monday.');
  for (const lemma of ['single', 'none'] as const) {
    const p = Phrases.of(['kill', 'wound', 'near the border', 'three people'], lemma);
    const s = p.starts();
    const text = new Set(s.text);
    const lemmas = new Set(s.lemma);
    for (const x of t) assert.equal(p.mayStart(x), text.has(x.lower) || (x.lemma !== x.lower && lemmas.has(x.lemma)), `${lemma}: ${x.text}`);
    const killed = t.findIndex((x) => x.text === 'killed');
    assert.deepEqual(p.at(t, killed), lemma === 'single' ? { used: 1, value: true } : null);
  }
});
