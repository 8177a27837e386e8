import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc.js';
import { framing, findFraming, lexiconOf, OMIT } from './index.js';
import { data } from '../../data/index.js';
import { tokens } from '../tokens/index.js';

const terms = (text: string) => findFraming(text).map((f) => [f.span.text, f.gloss]);

test('an epithet is reported with its neutral gloss and an exact span', () => {
  const text = 'Syria said the Tel Aviv regime launched missiles.';
  const doc = new Doc(text);
  framing.run(doc);
  assert.deepEqual(doc.framing, [
    { term: 'Tel Aviv regime', gloss: "Israel's government", span: { start: 15, end: 30, text: 'Tel Aviv regime' } },
  ]);
});

test('every span is the exact slice of the text', () => {
  const text = 'The  Zionist\u00a0regime’s “heinous” aggression — so-called martyrs, ORCS and the Kyiv-regime.';
  const found = findFraming(text);
  assert.ok(found.length >= 6);
  for (const f of found) assert.equal(text.slice(f.span.start, f.span.end), f.span.text);
});

test('matching ignores case and treats hyphens and spaces alike', () => {
  assert.deepEqual(terms('THE KIEV REGIME'), [['KIEV REGIME', "Ukraine's government"]]);
  assert.deepEqual(terms('foreign backed terrorists'), [['foreign backed terrorists', 'armed groups']]);
  assert.deepEqual(terms('foreign-backed terrorists'), [['foreign-backed terrorists', 'armed groups']]);
});

test('matches only whole words', () => {
  assert.deepEqual(terms('the regimented troops'), []);
  assert.deepEqual(terms('Martyrsville is a town'), []);
});

test('a term does not run across sentence punctuation', () => {
  assert.deepEqual(terms('They left Tel Aviv. Regime officials stayed.').map((t) => t[0]), ['Regime']);
});

test('the longest term wins over a shorter one inside it', () => {
  assert.deepEqual(terms('the Assad regime'), [['Assad regime', "Syria's government"]]);
  assert.deepEqual(terms('a cowardly attack'), [['cowardly attack', 'attack']]);
});

test('accepted neutral usage is not reported and hides loaded words inside it', () => {
  assert.deepEqual(terms('the occupied Golan Heights and the occupied Palestinian territory'), []);
  assert.deepEqual(terms('the sanctions regime'), []);
  assert.deepEqual(terms('crimes of the Nazi regime'), []);
  assert.deepEqual(terms('the occupation of the West Bank'), []);
  assert.deepEqual(terms('the occupation fired'), [['the occupation', 'the occupying state']]);
});

test('terms from every side are listed', () => {
  // Iranian and Syrian state media
  assert.deepEqual(terms('the Zionist regime'), [['Zionist regime', "Israel's government"]]);
  assert.deepEqual(terms('Takfiri groups'), [['Takfiri', 'Sunni jihadist']]);
  // Russian state media
  assert.deepEqual(terms('the special military operation'), [['special military operation', "Russia's invasion of Ukraine"]]);
  assert.deepEqual(terms('the neo-Nazi regime'), [['neo-Nazi regime', "Ukraine's government"]]);
  // Ukrainian usage
  assert.deepEqual(terms('orcs shelled the city'), [['orcs', 'Russian soldiers']]);
  // Israeli, US and Iranian-opposition usage
  assert.deepEqual(terms("the Mullahs' regime"), [["Mullahs' regime", "Iran's government"]]);
  assert.deepEqual(terms('terror infrastructure'), [['terror infrastructure', 'military infrastructure']]);
  // Syrian opposition and Western usage
  assert.deepEqual(terms('regime forces'), [['regime forces', 'government forces']]);
  // Palestinian and Arab usage
  assert.deepEqual(terms('three martyrs'), [['martyrs', 'people killed']]);
  // military euphemisms
  assert.deepEqual(terms('two gunmen were neutralized'), [['neutralized', 'killed']]);
  assert.deepEqual(terms('collateral damage'), [['collateral damage', 'civilian harm']]);
});

test('an overlapping term wins only when it is longer without its leading "the"', () => {
  assert.deepEqual(terms("the Mullahs' regime"), [["Mullahs' regime", "Iran's government"]]);
  assert.deepEqual(terms('the occupation forces'), [['occupation forces', "the occupying state's forces"]]);
  assert.deepEqual(terms('Israeli regime forces'), [['Israeli regime', "Israel's government"]]);
});

test('a possessive joins the words of a term', () => {
  assert.deepEqual(terms("Russia's new regions"), [["Russia's new regions", 'occupied regions of Ukraine']]);
});

test('"*" in a term stands for one word', () => {
  assert.deepEqual(terms('it infringes upon Syrian sovereignty'), [['infringes upon Syrian sovereignty', 'violates sovereignty']]);
  assert.deepEqual(terms('it infringes upon sovereignty'), [['infringes upon sovereignty', 'violates sovereignty']]);
});

test('a term used of different states by different sides gets a gloss that names neither', () => {
  assert.deepEqual(terms('occupation forces raided Jenin'), [['occupation forces', "the occupying state's forces"]]);
  assert.deepEqual(terms('the occupiers shelled Kherson'), [['occupiers', "the occupying state's forces"]]);
});

test('an evaluative word with no neutral counterpart is reported as to be omitted', () => {
  assert.deepEqual(terms('a heinous crime and a heinous act'), [
    ['heinous crime', 'crime'],
    ['heinous', OMIT],
  ]);
});

test('the stage only adds to doc.framing: the text and other layers are untouched', () => {
  const text = 'Israeli regime forces liberated the village.';
  const doc = new Doc(text);
  doc.warnings.push('kept');
  framing.run(doc);
  assert.equal(doc.text, text);
  assert.deepEqual(doc.warnings, ['kept']);
  assert.deepEqual(
    doc.framing.map((f) => (f as { term: string }).term),
    ['Israeli regime', 'liberated'],
  );
});

test('words read from the tokens stage give the same terms as words read from the text', () => {
  const text =
    "Russia’s new regions, neo-Nazis and so-called Ukrainian militants; the Mullahs’ regime's foreign-backed terrorists. " +
    'An anti-terrorist operation by the Hamas-run health ministry? The Kyiv-regime, the Zionist\u00a0entity.';
  const doc = new Doc(text);
  tokens.run(doc);
  framing.run(doc);
  assert.deepEqual(doc.framing, findFraming(text));
  assert.ok(doc.framing.length >= 9);
});

test('the lexicon reads terms, keeps and omissions, and rejects a term starting with a wildcard', () => {
  const lex = lexiconOf([
    { term: 'foo bar', gloss: 'baz' },
    { term: 'foo', gloss: '=' },
    { term: 'qux', gloss: '-' },
  ]);
  assert.deepEqual(findFraming('foo bar, foo, qux', lex).map((f) => [f.term, f.gloss]), [
    ['foo bar', 'baz'],
    ['qux', OMIT],
  ]);
  assert.throws(() => lexiconOf([{ term: '* regime', gloss: 'government' }]), /must start with a word/);
});

test('every lexicon entry has a gloss and a usage note, and no term is listed twice', () => {
  const rows = data('framing/lexicon.tsv');
  assert.ok(rows.length >= 120, `${rows.length} terms`);
  for (const r of rows) assert.ok(r.gloss.length > 0 && r.usage.length > 5, r.term);
  const keys = rows.map((r) => r.term.toLowerCase());
  assert.equal(new Set(keys).size, keys.length);
});

