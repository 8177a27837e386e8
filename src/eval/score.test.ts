import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tally, match, scoreEntities, scorePlaces, scoreQuotes, scoreEvents, sameSpeaker } from './score.js';
import type { Document } from '../contract.js';

const span = (text: string, start = 0) => ({ start, end: start + text.length, text });

function doc(parts: Partial<Document>): Document {
  return {
    schema: 'sitrep/extract@1',
    article: { id: 'a', title: null, outlet: null, url: null, published: null, language: 'en', license: null },
    entities: [],
    places: [],
    quotes: [],
    events: [],
    framing: [],
    warnings: [],
    ...parts,
  };
}

test('a tally with nothing predicted and nothing expected is perfect, not a division by zero', () => {
  const t = new Tally();
  assert.equal(t.f1, 1);
  t.fn = 2;
  assert.equal(t.recall, 0);
  assert.equal(t.f1, 0);
});

test('matching is one-to-one, best pairs first', () => {
  assert.deepEqual(
    match([1, 2], [2, 1, 3], (g, p) => (g === p ? 1 : null)),
    [
      [0, 1],
      [1, 0],
    ],
  );
});

test('an entity matches by any mention and counts only when typed right', () => {
  const d = doc({
    entities: [
      { id: 'e1', name: 'Hamzeh Qalandari', type: 'PERSON', country: 'IRN', role: null, mentions: [span('Qalandari')] },
      { id: 'e2', name: 'SANA', type: 'PERSON', country: null, role: null, mentions: [span('SANA')] },
      { id: 'e3', name: 'Additionally', type: 'ORG', country: null, role: null, mentions: [span('Additionally')] },
    ],
  });
  const s = scoreEntities(
    [
      { name: 'Qalandari', type: 'PERSON' },
      { name: 'SANA', type: 'ORG' },
      { name: 'Hezbollah', type: 'ORG' },
    ],
    d,
  );
  assert.deepEqual([s.entities.tp, s.entities.fp, s.entities.fn], [1, 2, 2]);
  assert.deepEqual([s['entities.untyped'].tp, s['entities.untyped'].fp, s['entities.untyped'].fn], [2, 1, 1]);
});

test('a place is right only within 161 km of the gold coordinates', () => {
  const place = (name: string, lat: number, lon: number) => ({
    id: name,
    name,
    country: null,
    admin1: null,
    lat,
    lon,
    precision: 'city' as const,
    geonameid: null,
    mentions: [span(name)],
  });
  const d = doc({ places: [place('Damascus', 39.29, -77.2), place('Tehran', 35.69, 51.42)] });
  const s = scorePlaces(
    [
      { name: 'Damascus', lat: 33.51, lon: 36.29 },
      { name: 'Tehran', lat: 35.7, lon: 51.4 },
    ],
    d,
  );
  assert.deepEqual([s.places.tp, s.places.fp, s.places.fn], [1, 1, 1]);
  assert.equal(s['places.found'].tp, 2);
});

test('quotes match on overlapping text and speakers on contained names', () => {
  const d = doc({
    quotes: [{ id: 'q1', speaker: { name: 'Qalandari', entity: null, role: null, affiliation: null }, text: 'We find ourselves', span: span('We find ourselves'), verb: 'state' }],
  });
  const s = scoreQuotes([{ text: 'We find ourselves dedicated', speaker: 'Hamzeh Qalandari' }], d);
  assert.equal(s.quotes.tp, 1);
  assert.equal(s['quotes.speaker'].tp, 1);
  assert.ok(sameSpeaker('a military source', 'An anonymous military source'));
  assert.ok(!sameSpeaker('Hamzeh Qalandari', 'Benjamin Netanyahu'));
  assert.ok(!sameSpeaker('Hamzeh Qalandari', null));
});

test('event fields are scored on matched pairs; a wrong value is both a false positive and a false negative', () => {
  const ev = {
    id: 'ev1',
    kind: 'missile_attack',
    acled: { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' },
    plover: 'FIGHT',
    initiator: { name: 'Israel', country: 'ISR', kind: 'state' as const, entity: null },
    target: { name: 'Syria', country: 'IRN', kind: 'state' as const, entity: null },
    location: null,
    time: { start: '2023-04-04', end: '2023-04-04', precision: 'day' as const, text: 'Tuesday' },
    fatalities: { total: 2, civilians: 2, military: null, evidence: span('two civilians') },
    injuries: null,
    claims: [{ claimant: 'An anonymous military source', via: ['SANA'], outlet: null, stance: 'reported' as const, quote: null, evidence: span('x') }],
    evidence: [span('x')],
    historical: false,
    mode: 'actual' as const,
    confidence: 0.8,
  };
  const ctx = { familyOf: (k: string) => (k.includes('attack') || k.includes('strike') ? 'remote' : k), acledOf: () => 'Shelling/artillery/missile attack' };
  const s = scoreEvents(
    [{ kind: 'air_strike', initiator: 'ISR', target: 'SYR', date: '2023-04-04', fatalities: 2, civilians: 2, claimant: 'military source' }],
    doc({ events: [ev] }),
    ctx,
  );
  assert.equal(s.events.tp, 1);
  assert.deepEqual([s['events.kind'].tp, s['events.kind'].fp, s['events.kind'].fn], [0, 1, 1]);
  assert.equal(s['events.initiator'].tp, 1);
  assert.deepEqual([s['events.target'].fp, s['events.target'].fn], [1, 1]);
  assert.equal(s['events.fatalities'].tp, 1);
  assert.equal(s['events.claimant'].tp, 1);
});

test('matched-event scores leave out events that were never found', () => {
  const ctx = { familyOf: (k: string) => k, acledOf: () => null };
  const s = scoreEvents([{ kind: 'protest', date: '2024-01-01' }, { kind: 'arrest', date: '2024-01-02' }], doc({}), ctx);
  assert.equal(s['events.date'].fn, 2);
  assert.equal(s['events.matched.date'].fn, 0);
});
