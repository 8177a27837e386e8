import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AT, ev } from '../corroborate/testing.js';
import type { CorroborationEvent } from '../corroborate/index.js';
import { LinkCache, linkSummaryOf, planSync, probeKeys, registerKeys, type Candidate, type LinkRequest, type LinkSummary, type Member } from './link-plan.js';

const shares = (a: readonly string[], b: readonly string[]) => a.some((k) => b.includes(k));

test('an event looks where any incident it could match is registered: a nearby town, the country, nowhere in particular', () => {
  const probe = probeKeys(ev('a:e1'));
  assert.ok(shares(probe, registerKeys(ev('b:e1', AT.damascusAirport))), 'a town 20 km away');
  assert.ok(shares(probe, registerKeys(ev('b:e1', AT.rifDimashq))), 'the province around it');
  assert.ok(shares(probe, registerKeys(ev('b:e1', { ...AT.syria, lat: null, lon: null }))), 'its country, no point');
  assert.ok(shares(probe, registerKeys(ev('b:e1', { place: null, lat: null, lon: null, country: null, precision: null }))), 'no place at all');
  assert.ok(shares(probeKeys(ev('b:e1', { ...AT.syria, lat: null, lon: null })), registerKeys(ev('a:e1'))), 'a country-level report finds the town');
});

test('…and not where it could not: another family, another month, a town 700 km away', () => {
  const probe = probeKeys(ev('a:e1'));
  assert.ok(!shares(probe, registerKeys(ev('b:e1', { kind: 'protest', family: 'demonstration' }))));
  assert.ok(!shares(probe, registerKeys(ev('b:e1', { date: '2023-05-20', dateEnd: '2023-05-20' }))));
  assert.ok(!shares(probe, registerKeys(ev('b:e1', { place: 'Mosul', lat: 36.34, lon: 43.13, country: 'IQ', admin1: 'Nineveh' }))));
});

test('a violent event also looks where incidents of the other violent families are (a clash may be the strike)', () => {
  const probe = probeKeys(ev('a:e1'));
  assert.ok(shares(probe, registerKeys(ev('b:e1', { kind: 'armed_clash', family: 'battle' }))));
  assert.ok(shares(probe, registerKeys(ev('b:e1', { kind: 'attack_on_civilians', family: 'civilian_targeting' }))));
});

test('a report spanning years is registered once, in the long bucket every event also looks in', () => {
  const long = registerKeys(ev('b:e1', { date: '2015-01-01', dateEnd: '2018-12-31', datePrecision: 'year' }));
  assert.ok(long.every((k) => k.split('|')[1] === 'L'));
  assert.ok(shares(probeKeys(ev('a:e1')), long));
});

test('the link summary keeps one member per comparison signature', () => {
  const s = linkSummaryOf([1, 2, 3].map((n) => ({ id: 100 - n, ce: ev(`a${n}:e1`) })).concat([{ id: 5, ce: ev('a9:e1', AT.damascusAirport) }]));
  assert.deepEqual([s.n, s.ex.length, s.min], [4, 2, 5]);
});

/** A planner run against incidents held in memory. */
function plan(newEvents: CorroborationEvent[], incidents: Map<number, Member[]>, link: (ms: Member[]) => LinkSummary = linkSummaryOf) {
  return planSync(
    newEvents.map((ce, k) => ({ k, id: 1000 + k, ce })),
    (r: LinkRequest) =>
      r.op === 'candidates'
        ? [...incidents].filter(([, ms]) => ms.some((m) => shares(registerKeys(m.ce), r.keys))).map(([id, ms]): Candidate => ({ id, link: link(ms) }))
        : new Map(r.incidents.map((id) => [id, incidents.get(id)!])),
  );
}

test('a report joins the incident it matches; one matching nothing makes its own', () => {
  const incidents = new Map([[7, [{ id: 1, ce: ev('a:e1') }]]]);
  const p = plan([ev('b:e1'), ev('b:e2', AT.homs)], incidents);
  assert.equal(p.incidentOf.get(0), 7);
  assert.equal(p.incidentOf.get(1), -1);
  assert.deepEqual(p.created, [{ family: 'remote_violence', solo: 1 }]);
});

test('a report matching two incidents that agree with each other merges them, whatever their size', () => {
  // vague: Syria, ISR; near: Damascus, no initiator; the new report (Damascus, ISR) matches both.
  const vague = ev('a:e1', { ...AT.syria, lat: null, lon: null, target: null });
  const near = ev('b:e1', { initiator: null, target: null });
  const small = new Map([[3, [{ id: 1, ce: vague }]], [4, [{ id: 2, ce: near }]]]);
  const regrouped = plan([ev('c:e1', { target: null })], small);
  assert.deepEqual(regrouped.merged, [{ from: 4, into: 3 }]);
  // The same when the incidents are too large to regroup: joined through their summaries.
  const big = (ce: CorroborationEvent, id: number) => Array.from({ length: 40 }, (_, n) => ({ id: id + n, ce: { ...ce, id: `${ce.articleId}${n}:e1`, articleId: `${ce.articleId}${n}` } }));
  const large = new Map([[3, big(vague, 100)], [4, big(near, 200)]]);
  const joined = plan([ev('c:e1', { target: null })], large);
  assert.equal(joined.merged.length, 1);
  assert.equal(joined.incidentOf.get(0), joined.merged[0].into);
});

test('a report that conflicts with a member of an incident does not join it, though it matches another member', () => {
  // Members: the airport struck by ISR, Damascus by an unknown initiator. A report of Damascus naming
  // the USA matches the second, and names another initiator than the first, 20 km away.
  const members = Array.from({ length: 40 }, (_, n) => ({ id: n + 1, ce: ev(`m${n}:e1`, n % 2 ? { initiator: null } : AT.damascusAirport) }));
  const p = plan([ev('z:e1', { initiator: { country: 'USA', name: 'US jets' } })], new Map([[9, members]]));
  assert.notEqual(p.incidentOf.get(0), 9);
});

test('a link summary read back as it was written is the one kept; any other text is parsed', () => {
  const cache = new LinkCache(2);
  const link = linkSummaryOf([{ id: 5, ce: ev('a:e1') }]);
  const raw = cache.write(7, link);
  assert.equal(cache.read(7, raw), link, 'the same records, not a parse of them');
  const other = JSON.stringify({ ...link, n: 2 });
  assert.equal(cache.read(7, other).n, 2, 'another writer changed it');
  assert.notEqual(cache.read(7, raw), link, 'the text it replaced is parsed anew');
  assert.deepEqual(cache.read(8, null), { n: 0, min: 0, ex: [] });
});
