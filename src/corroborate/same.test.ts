import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareEvents, sameIncident, dayRange } from './same.js';
import { distanceKm } from '../geo.js';
import { AT, ISR, RUS, UKR, USA, SYR, claim, ev } from './testing.js';
import { familyOf } from '../taxonomy.js';

test('two reports of one strike on one town on one day are one incident', () => {
  const c = compareEvents(ev('a:e1'), ev('b:e1', { outlet: 'SANA' }));
  assert.equal(c.same, true);
  assert.equal(c.conflict, null);
  assert.deepEqual(c.agreed, ['precise places 0 km apart', 'same day', 'same initiator', 'same target']);
});

test('kinds of one family match: a missile attack and an air strike', () => {
  assert.equal(sameIncident(ev('a:e1', { kind: 'missile_attack' }), ev('b:e1', { kind: 'air_strike' })), true);
});

test('kinds of violence read differently link on strong evidence: one town, one day, one attacker', () => {
  // "Gunmen attacked the village" (a clash) and "gunmen massacred villagers" (an attack on civilians).
  const clash = ev('a:e1', { kind: 'armed_clash', family: familyOf('armed_clash') });
  const massacre = ev('b:e1', { kind: 'attack_on_civilians', family: familyOf('attack_on_civilians') });
  const c = compareEvents(clash, massacre);
  assert.equal(c.same, true);
  assert.ok(c.agreed.includes('kinds of families battle and civilian_targeting'));
  // A suicide bombing in a restaurant is also an attack on the diners.
  assert.equal(sameIncident(ev('a:e1', { kind: 'suicide_bombing' }), massacre), true);
});

test('…but not on what would link two reports of one kind: a province, "this week", the next day, no attacker', () => {
  const massacre = { kind: 'attack_on_civilians', family: familyOf('attack_on_civilians') };
  assert.equal(sameIncident(ev('a:e1', { ...AT.rifDimashq }), ev('b:e1', { ...massacre, ...AT.damascusAirport })), false);
  assert.equal(sameIncident(ev('a:e1', { date: '2023-04-03', dateEnd: '2023-04-09', datePrecision: 'week' }), ev('b:e1', massacre)), false);
  assert.equal(sameIncident(ev('a:e1', { initiator: null }), ev('b:e1', massacre)), false);
  // The day after is another day here (no overnight window): at one spot, two incidents. And an
  // abduction is no reading of a strike.
  assert.match(compareEvents(ev('a:e1', { date: '2023-04-03', dateEnd: '2023-04-03' }), ev('b:e1', massacre)).conflict!, /different days/);
  assert.match(compareEvents(ev('a:e1'), ev('b:e1', { kind: 'abduction', family: familyOf('abduction') })).conflict!, /families/);
  // Nor is an armed group nobody identified, named after the country, the same attacker.
  const nobody = { country: 'SYR', name: 'Unidentified Armed Group (Syria)', kind: 'armed_group', unidentified: true };
  assert.equal(sameIncident(ev('a:e1', { kind: 'ied_explosion', initiator: nobody }), ev('b:e1', { ...massacre, initiator: nobody })), false);
  // Weaker evidence is no conflict: a third report may still join them.
  assert.equal(compareEvents(ev('a:e1', { initiator: null }), ev('b:e1', massacre)).conflict, null);
  // The smaller radius of the two families holds (strikes 25 km, battles 50 km).
  const clash = { kind: 'armed_clash', family: familyOf('armed_clash'), initiator: RUS, target: UKR };
  assert.match(compareEvents(ev('a:e1', { ...clash, ...AT.bakhmut }), ev('b:e1', { ...AT.kramatorsk, initiator: RUS, target: UKR })).conflict!, /limit 25/);
});

test('kinds of different families never match: an air strike and a protest', () => {
  assert.match(compareEvents(ev('a:e1'), ev('b:e1', { kind: 'protest', family: familyOf('protest') })).conflict!, /families/);
});

test('two events of one article are never matched', () => {
  assert.equal(compareEvents(ev('a:e1'), ev('a:e2')).conflict, 'the same article');
});

test('only actual events match: a threatened or negated strike is not an incident', () => {
  assert.match(compareEvents(ev('a:e1'), ev('b:e1', { mode: 'threatened' })).conflict!, /mode threatened/);
  assert.match(compareEvents(ev('a:e1', { mode: 'negated' }), ev('b:e1')).conflict!, /mode negated/);
});

test('a denial (a negated event with a denied claim) joins the incident it denies', () => {
  const denial = ev('b:e1', { mode: 'negated', claims: [claim('Darfur Wire', { claimant: 'the RSF', stance: 'denied' })] });
  assert.equal(sameIncident(ev('a:e1'), denial), true);
  assert.match(compareEvents(ev('a:e1'), ev('b:e1', { mode: 'negated' })).conflict!, /mode negated/);
});

test('a background mention never matches the news report of a strike', () => {
  assert.match(compareEvents(ev('a:e1'), ev('b:e1', { historical: true })).conflict!, /background/);
});

test('two background mentions match only with the same date', () => {
  const old = { historical: true, date: '2020-07-01', dateEnd: '2020-07-31', datePrecision: 'month' as const };
  assert.equal(sameIncident(ev('a:e1', old), ev('b:e1', old)), true);
  assert.equal(sameIncident(ev('a:e1', old), ev('b:e1', { ...old, date: '2020-08-01', dateEnd: '2020-08-31' })), false);
  assert.equal(sameIncident(ev('a:e1', { ...old, date: null }), ev('b:e1', { ...old, date: null })), false);
});

test('places: the city and its airport 20 km away match for a strike (limit 25 km)', () => {
  assert.ok(distanceKm(AT.damascus.lat, AT.damascus.lon, AT.damascusAirport.lat, AT.damascusAirport.lon) > 15);
  assert.equal(sameIncident(ev('a:e1'), ev('b:e1', AT.damascusAirport)), true);
});

test('places: two towns 150 km apart on the same day are two strikes', () => {
  assert.match(compareEvents(ev('a:e1'), ev('b:e1', AT.homs)).conflict!, /km apart \(limit 25\)/);
});

test('places: battles allow a wider radius (50 km): Bakhmut and Soledar are one front', () => {
  const clash = { kind: 'armed_clash', family: 'battle', initiator: RUS, target: UKR };
  assert.equal(sameIncident(ev('a:e1', { ...clash, ...AT.bakhmut }), ev('b:e1', { ...clash, ...AT.soledar })), true);
  assert.equal(sameIncident(ev('a:e1', { ...AT.bakhmut, initiator: RUS, target: UKR }), ev('b:e1', { ...AT.kramatorsk, initiator: RUS, target: UKR })), false);
});

test('places: a country-level place matches a town in that country only with the same day and initiator', () => {
  assert.equal(sameIncident(ev('a:e1'), ev('b:e1', { ...AT.syria })), true);
  assert.equal(sameIncident(ev('a:e1'), ev('b:e1', { ...AT.syria, initiator: null, target: null })), false);
  assert.match(compareEvents(ev('a:e1'), ev('b:e1', AT.lebanon)).conflict!, /countries SY and LB/);
});

test('places: a province matches a town within it on the same day', () => {
  assert.equal(sameIncident(ev('a:e1', { ...AT.damascusAirport, initiator: null }), ev('b:e1', { ...AT.rifDimashq, initiator: null })), true);
  assert.match(compareEvents(ev('a:e1', AT.beirut), ev('b:e1', AT.rifDimashq)).conflict!, /countries/);
});

test('places: two reports naming one village agree on place, though the gazetteer placed neither there', () => {
  const noPlace = { place: null, lat: null, lon: null, country: null, admin1: null, precision: null, initiator: null };
  const c = compareEvents(ev('a:e1', { ...noPlace, toponyms: ['kwahaslalek'] }), ev('b:e1', { ...AT.rifDimashq, initiator: null, toponyms: ['kwahaslalek', 'mangu'] }));
  assert.equal(c.same, true);
  assert.ok(c.agreed.includes('both name kwahaslalek'));
  assert.equal(sameIncident(ev('a:e1', { ...noPlace, toponyms: ['kwahaslalek'] }), ev('b:e1', { ...noPlace, toponyms: ['mangu'] })), false);
  // A shared name never lifts a conflict: towns 150 km apart stay two strikes.
  assert.match(compareEvents(ev('a:e1', { toponyms: ['airport road'] }), ev('b:e1', { ...AT.homs, toponyms: ['airport road'] })).conflict!, /km apart/);
});

test('places: a report with no place is silent, not a conflict', () => {
  const noPlace = { place: null, lat: null, lon: null, country: null, admin1: null, precision: null };
  assert.equal(sameIncident(ev('a:e1'), ev('b:e1', noPlace)), true); // same day, initiator and target
  assert.equal(sameIncident(ev('a:e1'), ev('b:e1', { ...noPlace, initiator: null })), false); // only the day agrees
});

test('dates: day precision allows ±1 day (an overnight strike), not 2', () => {
  assert.equal(sameIncident(ev('a:e1'), ev('b:e1', { date: '2023-04-05', dateEnd: '2023-04-05' })), true);
  assert.match(compareEvents(ev('a:e1'), ev('b:e1', { date: '2023-04-06', dateEnd: '2023-04-06' })).conflict!, /dates 2 days apart/);
});

test('dates: a month-precision report covers a day inside that month', () => {
  const march = { date: '2023-04-01', dateEnd: '2023-04-30', datePrecision: 'month' as const };
  assert.equal(sameIncident(ev('a:e1'), ev('b:e1', march)), true);
  assert.equal(sameIncident(ev('a:e1'), ev('b:e1', { ...march, date: '2023-05-01', dateEnd: '2023-05-31' })), false);
});

test('dates: an undated report is placed in the days before its publication', () => {
  const undated = { date: null, dateEnd: null, datePrecision: null };
  assert.deepEqual(dayRange(ev('b:e1', { ...undated, published: '2023-04-06' })), { lo: 19450, hi: 19453, precision: 'unknown', dated: false });
  assert.equal(sameIncident(ev('a:e1'), ev('b:e1', { ...undated, published: '2023-04-06' })), true);
  assert.match(compareEvents(ev('a:e1'), ev('b:e1', { ...undated, published: '2023-04-20' })).conflict!, /dates/);
});

test('actors: different named initiators are different incidents unless the reports agree closely', () => {
  // 20 km apart: near enough for one strike, too far to call two initiators competing claims (10 km).
  assert.match(compareEvents(ev('a:e1'), ev('b:e1', { ...AT.damascusAirport, initiator: USA })).conflict!, /initiators ISR and USA/);
});

test('actors: an armed group nobody identified is no initiator, for or against', () => {
  const nobody = (country: string) => ({ country, name: `Unidentified Armed Group (${country})`, kind: 'armed_group', unidentified: true });
  const c = compareEvents(ev('a:e1', { initiator: nobody('SYR') }), ev('b:e1', { initiator: nobody('SYR') }));
  assert.ok(!c.agreed.includes('same initiator'));
  assert.equal(compareEvents(ev('a:e1'), ev('b:e1', { initiator: nobody('SYR') })).conflict, null);
});

test('actors: one unknown initiator is compatible', () => {
  assert.equal(sameIncident(ev('a:e1'), ev('b:e1', { initiator: null })), true);
});

test('actors: a denial by the accused initiator is compatible, and marks the pair contested', () => {
  const denied = ev('b:e1', {
    ...AT.homs,
    initiator: USA,
    claims: [claim('Reuters', { claimant: 'an Israeli military spokesman', stance: 'denied', actor: { country: 'ISR', name: 'Israeli military', kind: 'military' } })],
  });
  const c = compareEvents(ev('a:e1', AT.homs), denied);
  assert.equal(c.same, true);
  assert.equal(c.contested, true);
});

test('actors: different initiators at the same spot on the same day are competing claims', () => {
  const c = compareEvents(ev('a:e1'), ev('b:e1', { initiator: USA }));
  assert.equal(c.same, true);
  assert.equal(c.contested, true);
});

test('actors: an exchange of fire (A on B, B on A) is two incidents', () => {
  assert.match(compareEvents(ev('a:e1'), ev('b:e1', { initiator: SYR, target: ISR })).conflict!, /exchange/);
});

test("actors: an interception's roles are reversed before comparing with the attack", () => {
  const interception = ev('b:e1', { kind: 'interception', initiator: { country: 'SYR', name: 'Syrian air defences', kind: 'military' }, target: ISR });
  assert.equal(familyOf('interception'), 'remote_violence');
  assert.equal(sameIncident(ev('a:e1', { kind: 'missile_attack' }), interception), true);
});

test('actors: in a battle the sides are interchangeable', () => {
  const clash = { kind: 'armed_clash', family: 'battle', ...AT.bakhmut };
  assert.equal(sameIncident(ev('a:e1', { ...clash, initiator: RUS, target: UKR }), ev('b:e1', { ...clash, initiator: UKR, target: RUS })), true);
  assert.match(compareEvents(ev('a:e1', { ...clash, initiator: RUS, target: UKR }), ev('b:e1', { ...clash, initiator: ISR, target: SYR })).conflict!, /sides/);
});

test('agreements: the parties are compared as a set (A agrees with B = B agrees with A)', () => {
  const deal = { kind: 'agreement', family: 'diplomatic' };
  const COL = { country: 'COL', name: 'Colombian government', kind: 'government' };
  const ELN = { country: null, name: 'National Liberation Army', kind: 'armed_group' };
  assert.equal(sameIncident(ev('a:e1', { ...deal, initiator: ELN, target: COL }), ev('b:e1', { ...deal, initiator: COL, target: ELN })), true);
});

test('families that require actors: two arrests in one city on one day need the same initiator', () => {
  const arrest = { kind: 'arrest', family: 'strategic' };
  assert.equal(sameIncident(ev('a:e1', arrest), ev('b:e1', arrest)), true);
  assert.match(compareEvents(ev('a:e1', arrest), ev('b:e1', { ...arrest, initiator: null })).conflict!, /must be known/);
});

test('verbal events (statements, threats) are never linked', () => {
  const st = { kind: 'statement', family: 'verbal' };
  assert.match(compareEvents(ev('a:e1', st), ev('b:e1', st)).conflict!, /not linked/);
});

test('a sentence reprinted by another report is the same incident, even when it says too little to link otherwise', () => {
  const said = 'The defence ministry said it had successfully tested a new long-range cruise missile on Tuesday.';
  const test = { kind: 'weapons_test', family: familyOf('weapons_test'), initiator: null, target: null, place: null, lat: null, lon: null, country: null, precision: null };
  const a = ev('a:e1', { ...test, evidence: said });
  const c = compareEvents(a, ev('b:e1', { ...test, evidence: said }));
  assert.equal(c.same, true);
  assert.ok(c.agreed.includes('the same sentence reprinted'));
  // Other words about the same kind of event: not enough.
  assert.equal(sameIncident(a, ev('b:e1', { ...test, evidence: 'Engineers fired a prototype rocket from a range in the desert, officials told reporters.' })), false);
  // Reprinted, but at a different time: the dates conflict.
  assert.equal(sameIncident(a, ev('b:e1', { ...test, evidence: said, date: '2021-01-01', dateEnd: null })), false);
});

test('a border fight each side reports on its own soil is one incident when the places are close; any other pair of countries still conflicts', () => {
  const clash = { kind: 'armed_clash', family: familyOf('armed_clash') };
  const arm = { country: 'ARM', name: 'Military Forces of Armenia', kind: 'military' };
  const aze = { country: 'AZE', name: 'Military Forces of Azerbaijan', kind: 'military' };
  // Kalbajar district (Azerbaijan, a province-sized division) and Sotk (Armenia), ~30 km apart
  const kalbajar = { place: 'Kalbajar District', lat: 40.1, lon: 46.04, country: 'AZ', admin1: 'Kalbajar', precision: 'admin1' as const };
  const sotk = { place: 'Sotk', lat: 40.2, lon: 45.6, country: 'AM', admin1: 'Gegharkunik', precision: 'city' as const };
  const baku = ev('a:e1', { ...clash, ...kalbajar, initiator: arm, target: aze });
  const yerevan = ev('b:e1', { ...clash, ...sotk, initiator: aze, target: arm });
  assert.equal(sameIncident(baku, yerevan), true);
  // a third country's place is no such border report
  const elsewhere = ev('b:e1', { ...clash, ...sotk, country: 'GE', initiator: aze, target: arm });
  assert.match(compareEvents(baku, elsewhere).conflict ?? '', /countries/);
});
