import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromDocument } from './from-document.js';
import { SCHEMA_ID, type Document, type Event } from '../contract.js';

const TEXT = 'BEIRUT (Reuters) - Israeli jets struck near Damascus on Tuesday, killing two soldiers, the Israeli military said.';
const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });

function doc(events: Event[], over: Partial<Document['article']> = {}): Document {
  return {
    schema: SCHEMA_ID,
    article: { id: 'r-001', title: null, outlet: 'Yahoo News', url: null, published: '2023-04-05', language: 'en', license: null, dateline: span('BEIRUT (Reuters) -'), ...over },
    entities: [],
    places: [{ id: 'p1', name: 'Damascus', country: 'SY', admin1: 'Damascus', lat: 33.51, lon: 36.29, precision: 'city', geonameid: 170654, mentions: [span('Damascus')] }],
    quotes: [],
    events,
    framing: [],
    warnings: [],
  };
}

const strike: Event = {
  id: 'e1',
  kind: 'air_strike',
  acled: null,
  plover: null,
  initiator: { name: 'Israeli jets', country: 'ISR', kind: 'military', entity: null },
  target: null,
  location: { place: 'p1', relation: 'near' },
  time: { start: '2023-04-04', end: '2023-04-04', precision: 'day', text: 'on Tuesday' },
  fatalities: { total: 2, civilians: null, military: 2, evidence: span('killing two soldiers') },
  injuries: null,
  claims: [{ claimant: 'the Israeli military', via: [], outlet: 'Yahoo News', stance: 'reported', quote: null, evidence: span('the Israeli military said') }],
  evidence: [span(TEXT.slice(19))],
  historical: false,
  mode: 'actual',
  confidence: 0.8,
};

test('fromDocument: one CorroborationEvent per event, with its place, date, toll and claims', () => {
  const [e] = fromDocument(doc([strike]));
  assert.equal(e.id, 'r-001:e1');
  assert.equal(e.articleId, 'r-001');
  assert.equal(e.family, 'remote_violence');
  assert.deepEqual([e.place, e.country, e.lat, e.lon, e.precision], ['Damascus', 'SY', 33.51, 36.29, 'city']);
  assert.deepEqual([e.date, e.dateEnd, e.datePrecision], ['2023-04-04', '2023-04-04', 'day']);
  assert.deepEqual([e.fatalities, e.civilians, e.injuries], [2, null, null]);
  assert.deepEqual(e.initiator, { country: 'ISR', name: 'Israeli jets', kind: 'military' });
  assert.equal(e.evidence, TEXT.slice(19));
});

test('fromDocument: the local places the evidence names, known or not; not the dateline, a country or a province', () => {
  const text = 'JOS - Gunmen attacked Kwahaslalek village in Mangu, Plateau state, Nigeria, on Monday.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const ent = (id: string, name: string) => ({ id, name, type: 'GPE' as const, country: null, role: null, mentions: [at(name)] });
  const place = (id: string, name: string, precision: 'city' | 'admin1' | 'country') => ({ id, name, country: 'NG', admin1: null, lat: 9, lon: 9, precision, geonameid: null, mentions: [at(name)] });
  const d = doc([{ ...strike, location: { place: 'p2', relation: 'in' }, evidence: [at(text)] }], { dateline: at('JOS -') });
  d.entities = [ent('n1', 'JOS'), ent('n2', 'Kwahaslalek'), ent('n3', 'Mangu'), ent('n4', 'Plateau state'), ent('n5', 'Nigeria')];
  d.places = [place('p1', 'JOS', 'city'), place('p2', 'Mangu', 'city'), place('p3', 'Plateau state', 'admin1'), place('p4', 'Nigeria', 'country')];
  assert.deepEqual(fromDocument(d)[0].toponyms, ['kwahaslalek', 'mangu']);
});

test('fromDocument: a side nobody identified is marked so', () => {
  const [e] = fromDocument(doc([{ ...strike, kind: 'ied_explosion', initiator: { name: 'Unidentified Armed Group (Syria)', country: 'SYR', kind: 'armed_group', entity: null } }]));
  assert.equal(e.initiator?.unidentified, true);
  assert.equal(fromDocument(doc([strike]))[0].initiator?.unidentified, undefined);
});

test('fromDocument: a claimant resolves to the side it speaks for', () => {
  const [e] = fromDocument(doc([strike]));
  assert.deepEqual(e.claims[0].actor, { country: 'ISR', name: 'Israeli military', kind: 'military' });
});

test('fromDocument: the wire credited in the dateline becomes the outlet group', () => {
  assert.equal(fromDocument(doc([strike]))[0].outletGroup, 'reuters');
  assert.equal(fromDocument(doc([strike], { dateline: null }))[0].outletGroup, undefined);
});

test('fromDocument: the store may give its own article id', () => {
  assert.equal(fromDocument(doc([strike]), { articleId: '42' })[0].id, '42:e1');
});

test('fromDocument: an event of a kind outside the taxonomy is skipped', () => {
  assert.deepEqual(fromDocument(doc([{ ...strike, kind: 'no_such_kind' }])), []);
});

test("fromDocument: an outlet's own credit (its name or initials) is not a reprint", () => {
  assert.equal(fromDocument(doc([strike], { outlet: 'Reuters' }))[0].outletGroup, undefined);
  const gda = { outlet: 'Global Dispatch Agency', dateline: { start: 0, end: 0, text: 'DUBAI, Feb 13 (GDA) -' } };
  assert.equal(fromDocument(doc([strike], gda))[0].outletGroup, undefined);
});

test('markBackground: an old strike recalled in an article about recent news is background', () => {
  const letters: Event = { ...strike, id: 'e2', kind: 'appeal', time: { start: '2023-07-10', end: '2023-07-10', precision: 'day', text: 'on Monday' }, location: null, fatalities: null };
  const old: Event = { ...strike, id: 'e1', time: { start: '2023-06-14', end: '2023-06-14', precision: 'day', text: 'on June 14' } };
  const events = fromDocument(doc([old, letters], { published: '2023-07-10' }));
  assert.deepEqual(events.map((e) => [e.kind, e.historical]), [['air_strike', true], ['appeal', false]]);
});

test('markBackground: an article all about an older event (a later investigation) keeps it as news', () => {
  const old: Event = { ...strike, time: { start: '2023-06-14', end: '2023-06-14', precision: 'day', text: 'on 14 June' } };
  assert.equal(fromDocument(doc([old], { published: '2023-07-10' }))[0].historical, false);
});
