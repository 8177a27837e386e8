import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLexicon, nameKey } from './lexicon.js';
import { worldCountries } from '../../data/countries.js';

const STATES = new Set(worldCountries().map((c) => c.cca3));

test('every state named in the entity data is a real ISO 3166-1 alpha-3 code', () => {
  const lex = getLexicon();
  for (const k of [...lex.known.values(), ...lex.acronyms.values()]) if (k.country) assert.ok(STATES.has(k.country), `${k.name}: ${k.country}`);
  for (const [form, n] of lex.nationalities) if (n.country) assert.ok(STATES.has(n.country), `${form}: ${n.country}`);
});

test('aliases in capitals are matched exactly, other names by their case-folded form', () => {
  const lex = getLexicon();
  assert.equal(lex.acronyms.get('SANA')?.name, 'Syrian Arab News Agency');
  assert.equal(lex.known.get(nameKey('Syrian Arab News Agency'))?.country, 'SYR');
  assert.equal(lex.known.get(nameKey('Hay’at Tahrir al-Sham'))?.name, 'Hayat Tahrir al-Sham');
  assert.equal(lex.acronyms.get('US')?.country, 'USA');
  assert.equal(lex.known.get('turkey')?.country, 'TUR');
  assert.equal(lex.nationalities.get('iranians')?.country, 'IRN');
  assert.equal(lex.nationalities.get('french')?.country, 'FRA');
});

test('armed groups come from data/actors/armed-groups.yaml, into the entity that holds another of their names', () => {
  const lex = getLexicon();
  assert.equal(lex.known.get(nameKey('Tren de Aragua'))?.type, 'ORG');
  assert.equal(lex.known.get(nameKey('Tren de Aragua'))?.country, 'VEN');
  assert.equal(lex.known.get(nameKey('Katiba Macina'))?.country, 'MLI');
  assert.equal(lex.acronyms.get('FDLR')?.name, 'Democratic Forces for the Liberation of Rwanda');
  // "Hizballah" is in the entity data, "Islamic Resistance in Lebanon" only in the actor data: one entity.
  assert.equal(lex.known.get(nameKey('Islamic Resistance in Lebanon')), lex.known.get(nameKey('Hizballah')));
});

test('titles of the form "X of Y" are headed by X; abbreviations work without dots', () => {
  const lex = getLexicon();
  assert.ok(lex.titleHeads.has('secretary'));
  assert.ok(!lex.titleHeads.has('state'));
  assert.equal(lex.titles.get('lt gen'), 'military');
});

test('known names that go on after a small word are prefixes the chunker may follow', () => {
  const lex = getLexicon();
  assert.ok(lex.knownPrefixes.has('economic community of'));
  assert.ok(lex.knownPrefixes.has('islamic state of iraq and'));
});
