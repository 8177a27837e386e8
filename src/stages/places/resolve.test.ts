import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, type Group } from './resolve.js';
import { match } from '../../gazetteer/index.js';

const group = (name: string, more: Partial<Group> = {}): Group => ({ matches: match(name), weight: 1, adminCue: false, dateline: false, chosen: null, ...more });
const run = (groups: Group[], countries: Record<string, number> = {}) => resolve(groups, { countries: new Map(Object.entries(countries)), qualified: [] });

test('a small namesake in a country the article never mentions is no reading', () => {
  // Arbat, Armenia, in a report on Iraqi Kurdistan: left unresolved rather than put in the Caucasus
  const arbat = group('Arbat');
  assert.ok(arbat.matches.every((m) => m.entry.country !== 'IQ'));
  run([arbat, group('Erbil'), group('Iraq')], { IQ: 2 });
  assert.equal(arbat.chosen, null);
  // with no country evidence at all, the only reading stands
  const alone = group('Arbat');
  run([alone]);
  assert.equal(alone.chosen?.country, 'AM');
  // a capital or a big city stands without the article's support
  const paris = group('Paris');
  run([paris, group('Erbil')], { IQ: 2 });
  assert.equal(paris.chosen?.country, 'FR');
});

test('a reading in the article’s country wins even when it is smaller', () => {
  const beni = group('Beni');
  run([beni, group('Goma')], { CD: 1 });
  assert.equal(beni.chosen?.country, 'CD');
});

test('a strict group (a facility read through a town) takes only supported readings or cities of a million', () => {
  const independence = group('Independence', { strict: true });
  run([independence, group('Bamako')], { ML: 1 });
  assert.equal(independence.chosen, null);
  const damascus = group('Damascus', { strict: true });
  run([damascus], { IL: 1 });
  assert.equal(damascus.chosen?.country, 'SY');
});

test('a local report naming only towns is about their country, even when it names another once', () => {
  const towns = ['Danbury', 'New Milford', 'Litchfield'].map((n) => group(n));
  const mexico = group('Mexico');
  run([mexico, ...towns]);
  assert.equal(mexico.chosen?.country, 'MX');
  for (const t of towns) assert.equal(t.chosen?.country, 'US', JSON.stringify(t.chosen));
});

test('a country with a namesake town in the article’s country waits for context', () => {
  // "Palestine" in a report on East Texas towns is Palestine, Texas
  const palestine = group('Palestine');
  const towns = ['Tyler', 'Jacksonville', 'Athens, Texas'].map((n) => group(n.replace(', Texas', '')));
  const texas = group('Texas');
  run([palestine, texas, ...towns]);
  assert.equal(texas.chosen?.feature, 'ADM1');
  assert.equal(palestine.chosen?.country, 'US', JSON.stringify(palestine.chosen));
  assert.equal(palestine.chosen?.admin1, 'Texas');
});

test('a district named after a town takes the town in the article’s state, if the article has one', () => {
  const henry = group('Henry', { local: true });
  run([henry, group('Frankfort'), group('Kentucky')], {});
  // the only Henry in the gazetteer is in Illinois: no reading, rather than the wrong state
  assert.equal(henry.chosen, null, JSON.stringify(henry.chosen));
});

test('among local names, the state beats the country of the same name', () => {
  // "Georgia" among county names that are all American namesakes, before any is resolved: the US state
  const georgia = group('Georgia');
  run([georgia, ...['Clarke', 'Oconee', 'Jackson', 'Barrow'].map((n) => group(n, { local: true }))]);
  assert.deepEqual([georgia.chosen?.country, georgia.chosen?.feature], ['US', 'ADM1']);
  // with Tbilisi beside it, the country
  const country = group('Georgia');
  run([country, group('Tbilisi'), group('Gori')]);
  assert.equal(country.chosen?.country, 'GE');
});

test('towns named together lie together: namesakes that are neighbours support each other', () => {
  // Alexandria and Pineville face each other across the Red River in Louisiana; alone, each name
  // is bigger elsewhere (Virginia, Kentucky).
  const alexandria = group('Alexandria');
  const pineville = group('Pineville');
  run([alexandria, pineville], { US: 1 });
  assert.equal(alexandria.chosen?.admin1, 'Louisiana');
  assert.equal(pineville.chosen?.admin1, 'Louisiana');
  const alone = group('Pineville');
  run([alone], { US: 1 });
  assert.notEqual(alone.chosen?.admin1, 'Louisiana');
});

test('a seat does not beat a city many times its size: being a seat only tells towns of like size apart', () => {
  // "San Francisco" alone: the Californian city, not the small seat of Morazán in El Salvador
  const sf = group('San Francisco');
  run([sf]);
  assert.deepEqual([sf.chosen?.country, sf.chosen?.admin1], ['US', 'California']);
  // context still wins: with El Salvador named, the seat there
  const there = group('San Francisco');
  run([there, group('El Salvador')]);
  assert.equal(there.chosen?.country, 'SV');
});

test('the countries an armed group fights in say where the article is', () => {
  // "JNIM fighters attacked a post in Tera": Téra in Niger, not Tehran by an old spelling
  const tera = group('Tera');
  resolve([tera], { countries: new Map(), qualified: [], theatres: new Set(['ML', 'BF', 'NE']) });
  assert.equal(tera.chosen?.country, 'NE');
  // a name with no reading in those countries stays unresolved rather than land in Germany
  const boni = group('Boni');
  resolve([boni], { countries: new Map(), qualified: [], theatres: new Set(['ML', 'BF', 'NE']) });
  assert.equal(boni.chosen, null, JSON.stringify(boni.chosen));
});
