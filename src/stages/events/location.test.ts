import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../pipeline.js';
import type { Document, Event } from '../../contract.js';

function read(text: string): Document {
  return extract({ source: 'test', text, published: '2024-03-06', outlet: 'Test Wire' });
}
const placeName = (d: Document, e: Event | undefined) => d.places.find((p) => p.id === e?.location?.place)?.name;

test('an event whose sentence names no place is placed at the most specific place named before it', () => {
  const d = read('Protesters gathered in Kirkuk on Monday.\n\nOn Tuesday, police arrested twelve activists, witnesses said.');
  assert.equal(placeName(d, d.events.find((e) => e.kind === 'arrest')), 'Kirkuk');
  const two = read('Fighting raged in Daraa province, in the town of Nawa, on Sunday. On Monday, gunmen killed a farmer.');
  const killing = d.events.length && two.events.find((e) => e.fatalities?.total === 1);
  assert.equal(placeName(two, killing || undefined), 'Nawa');
});

test('no place named before the event: no location, and the dateline is not used', () => {
  const d = read('BEIRUT — Gunmen killed a farmer on Monday, residents said. Later, talks were held in Doha.');
  const killing = d.events.find((e) => e.fatalities?.total === 1);
  assert.ok(killing);
  assert.equal(killing.location, null);
});
