import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSearch, SearchSyntaxError, toFts5, withAliases } from './search.js';
import { fts5Search, placeAliases } from './aliases.js';

const fts = (q: string) => toFts5(parseSearch(q));

describe('search syntax', () => {
  it('reads words (all must occur), phrases and prefixes', () => {
    assert.equal(fts('air strike'), '"air" AND "strike"');
    assert.equal(fts('"air strike" damas*'), '"air strike" AND "damas"*');
    assert.equal(fts('Air  STRIKE'), '"air" AND "strike"');
  });

  it('keeps the parts of one hyphenated or apostrophised word together, as a phrase', () => {
    assert.equal(fts('al-Bab'), '"al bab"');
    assert.equal(fts("Ma'arrat"), '"ma arrat"');
  });

  it('refuses what looks like an operator it does not support, saying what to do instead', () => {
    for (const [q, msg] of [
      ['*', /\* only ends a word/],
      ['*strike', /\* only ends a word/],
      ['st*rike', /\* only ends a word/],
      ['s*', /at least 2 letters/],
      ['"', /not closed/],
      ['"air strike', /not closed/],
      ['air"strike', /quotes go around/],
      ['Israel OR Iran', /OR is not supported/],
      ['NOT Iran', /NOT is not supported/],
      ['(Iran)', /parentheses/],
      ['-Iran', /leading -/],
      ['actors:Iran', /field filters/],
      ['%', /no words/],
      ['_', /no words/],
      ['  ', /no words/],
    ] as const)
      assert.throws(() => parseSearch(q), (e: unknown) => e instanceof SearchSyntaxError && msg.test(e.message), q);
  });

  it('treats lower-case "or" and "and" as words', () => {
    assert.equal(fts('killed and wounded'), '"killed" AND "and" AND "wounded"');
  });
});

describe('names with their other spellings', () => {
  const aliases = (n: string) => (n.toLowerCase() === 'kiev' ? ['Kyiv', 'KIEV'] : n.toLowerCase() === 'deir al balah' ? ['Dayr al Balah'] : []);

  it('widens a name to its other spellings, and runs of words that form a name', () => {
    assert.equal(toFts5(withAliases(parseSearch('Kiev strike'), aliases)), '("kiev" OR "kyiv") AND "strike"');
    assert.equal(toFts5(withAliases(parseSearch('shelling Deir al-Balah'), aliases)), '"shelling" AND ("deir al balah" OR "dayr al balah")');
  });

  it('does not look up prefixes', () => {
    assert.equal(toFts5(withAliases(parseSearch('Kiev*'), aliases)), '"kiev"*');
  });

  it('finds a place under its other names in the gazetteer', () => {
    const kiev = (placeAliases('Kiev') ?? []).map((s) => s.toLowerCase());
    assert.ok(kiev.includes('kyiv'), kiev.join(', '));
    const kyiv = (placeAliases('Kyiv') ?? []).map((s) => s.toLowerCase());
    assert.ok(kyiv.includes('kiev'), kyiv.join(', '));
    assert.equal(placeAliases('xqzzy'), null);
  });

  it('finds an actor under its name in the lexicon, and a city as a city', () => {
    assert.match(fts5Search('IDF', 'actor'), /"israel defense forces"/);
    assert.match(fts5Search('Kiev'), /"kyiv"/);
    assert.doesNotMatch(fts5Search('Kiev'), /government/);
  });
});
