import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storedEvent, storedEventJson } from './records.js';

const place = { name: 'Kharkiv', country: 'UA', admin1: 'Kharkivska', lat: 49.98, lon: 36.25, precision: 'city', geonameid: 706483, relation: 'in' };
const event = {
  id: 'ev1',
  kind: 'air_strike',
  location: { place: 'p1', relation: 'in' },
  // Text that looks like the document's own keys, and characters a server escapes.
  evidence: [{ start: 0, end: 40, text: 'a strike, "place": {near} the <school> & [the] market \u2028 — Харків' }],
  claims: [{ claimant: 'the ministry', via: [], place: null }],
};

function row(json: string, over: Record<string, unknown> = {}) {
  return {
    id: 4501959723458151,
    json,
    family: 'explosions',
    date: '2024-05-01',
    country2: 'UA',
    country3: 'UKR',
    incident_id: 3186432538469479,
    superseded: 0,
    article_id: 4002291223601966,
    revision: 2,
    url: 'https://example.org/a?b=1&c=<2>',
    outlet: 'Outlet "K"',
    title: null,
    published: '2024-05-02',
    corroboration: 3,
    grade: 'strong',
    ...over,
  };
}

test('an event row as JSON text is JSON.stringify of the stored event, whatever the document holds', () => {
  const docs = [
    JSON.stringify({ event, place }),
    JSON.stringify({ event, place: null }),
    JSON.stringify({ event, place: { ...place, name: 'Camp {7} [north]' } }),
    JSON.stringify({ event: { ...event, location: { relation: 'in', place: 'p1' } }, place: { ...place, admin1: undefined } }),
    // shapes a writer of this code never made: each still the same text
    JSON.stringify({ event }),
    JSON.stringify({ place, event }),
    JSON.stringify({ event: { ...event, extra: { a: 1, place: null } } }),
    JSON.stringify({ event: { ...event, extra: { a: 1, place: { x: 1 } } } }),
    JSON.stringify({ event, place: { name: 'x', place: null } }),
    JSON.stringify({ event: null, place: null }),
  ];
  for (const json of docs)
    for (const over of [{}, { incident_id: null }, { incident_id: null, corroboration: null, grade: null }, { superseded: 1, title: 'T', url: null }])
      assert.equal(storedEventJson(row(json, over)), JSON.stringify(storedEvent(row(json, over))), `${json} ${JSON.stringify(over)}`);
});

test('an event row as JSON text passes the stored document on as it is, unparsed', () => {
  // 1.50 would be written 1.5 by a parse and a stringify: kept, the document was not parsed.
  const json = '{"event":{"id":"ev1","kind":"air_strike","confidence":1.50},"place":null}';
  assert.match(storedEventJson(row(json)), /"confidence":1\.50\}/);
});
