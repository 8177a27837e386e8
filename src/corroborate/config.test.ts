import { test } from 'node:test';
import assert from 'node:assert/strict';
import { config, outletIn, outletNamed, wireCredits } from './config.js';
import { FAMILIES, kind } from '../taxonomy.js';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

test('every taxonomy family has a linking rule, and statements are not linked', () => {
  for (const f of FAMILIES) assert.ok(config().linking.families[f], f);
  assert.equal(config().linking.families.verbal?.link, false);
});

test('kinds named in the data are taxonomy kinds', () => {
  const g = config();
  for (const k of [...g.linking.reversedRoles, ...g.grading.secondaryKinds, ...g.linking.crossFamilies.kinds]) assert.ok(kind(k), k);
});

test('the wire services of the brief are listed as wires', () => {
  for (const name of ['Reuters', 'AP', 'AFP', 'ANSA', 'dpa', 'Xinhua', 'TASS', 'IRNA', 'SANA']) assert.equal(outletNamed(name)?.wire, true, name);
  assert.equal(outletNamed('Agence France-Presse')?.id, 'afp');
  assert.equal(outletNamed('SANA')?.state, 'SYR');
  assert.equal(outletNamed('Reuters')?.state, null);
});

test('an outlet named inside a phrase: "Syria’s official news agency SANA"', () => {
  assert.equal(outletIn('Syria’s official news agency SANA')?.id, 'sana');
  assert.equal(outletIn('the Syrian Observatory for Human Rights')?.id, 'sohr');
  assert.equal(outletIn('the Syrian army'), undefined);
});

test('credits: a dateline credit', () => {
  assert.deepEqual(ids(wireCredits(null, 'BEIRUT (Reuters) -')), ['reuters']);
  assert.deepEqual(ids(wireCredits(null, 'Damascus, SANA-')), ['sana']);
});

test('credits: a credit in the opening line when no dateline was read', () => {
  assert.deepEqual(ids(wireCredits('KYIV, Ukraine (AP) — Russian drones struck the capital overnight.')), ['ap']);
});

test('credits: a sign-off line', () => {
  assert.deepEqual(ids(wireCredits('Two people were killed in the strike.\n\n— AFP')), ['afp']);
  assert.deepEqual(ids(wireCredits('Two people were killed in the strike. (dpa)')), ['dpa']);
});

test('credits: a wire named in running text is a source, not a credit', () => {
  assert.deepEqual(wireCredits('Officials told AFP that two people were killed, according to the Syrian Arab News Agency (SANA).'), []);
});

test('credits: two wires together are both found', () => {
  assert.deepEqual(ids(wireCredits(null, 'GAZA (Reuters/AFP) -')), ['afp', 'reuters']);
});

test('credits: an unlisted agency credited in a dateline is kept under its own name', () => {
  assert.deepEqual(ids(wireCredits(null, 'ODESA, Nov 19 (Northwire) -')), ['outlet:northwire']);
  assert.deepEqual(ids(wireCredits('ODESA, Nov 19 (Northwire) - Russian forces attacked Odesa overnight.')), ['outlet:northwire']);
  assert.deepEqual(wireCredits(null, 'KHARKIV, September 13 (local time) -').length, 0);
  assert.deepEqual(wireCredits(null, 'GAZA (Nov 19) -'), []);
});
