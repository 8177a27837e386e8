import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../pipeline.js';
import type { Document, Event } from '../../contract.js';

function read(text: string): Document {
  return extract({ source: 'test', text, published: '2024-03-06', outlet: 'Test Wire' });
}
const placeName = (d: Document, e: Event | undefined) => d.places.find((p) => p.id === e?.location?.place)?.name;

test('an event whose sentence names no place is placed at the most specific place named before it in its paragraph', () => {
  const d = read('Protesters gathered in Kirkuk on Monday. On Tuesday, police arrested twelve activists, witnesses said.');
  assert.equal(placeName(d, d.events.find((e) => e.kind === 'arrest')), 'Kirkuk');
  const two = read('Fighting raged in Daraa province, in the town of Nawa, on Sunday. On Monday, gunmen killed a farmer.');
  assert.equal(placeName(two, two.events.find((e) => e.fatalities?.total === 1)), 'Nawa');
});

test('no place before the event in its paragraph: no location (not another paragraph\'s, nor the dateline\'s)', () => {
  const d = read('BEIRUT — Protesters gathered in Kirkuk on Monday.\n\nOn Tuesday, police arrested twelve activists, witnesses said.');
  const arrest = d.events.find((e) => e.kind === 'arrest');
  assert.ok(arrest);
  assert.equal(arrest.location, null);
});

test('words and diplomacy take no place from an earlier sentence', () => {
  const d = read('Gunmen killed a farmer in Daraa on Sunday. The foreign minister condemned the killing on Monday.');
  assert.equal(placeName(d, d.events.find((e) => e.fatalities?.total === 1)), 'Daraa');
  const said = d.events.find((e) => e.kind === 'accusation');
  assert.ok(said, JSON.stringify(d.events.map((e) => e.kind)));
  assert.equal(said.location, null);
});

test('"in the town", "the city\'s outskirts": the report\'s town, the first of that size it named, across paragraphs (data/events/arguments.yaml place_anaphora)', () => {
  const d = read(
    'Rebels seized the town of Nawa in Daraa province on Monday.\n\nThree families who fled to Izraa described looting.\n\nAt least four civilians were killed in the town, doctors said.',
  );
  assert.equal(placeName(d, d.events.find((e) => e.fatalities?.civilians === 4)), 'Nawa');
  // "the town of X" names a place of its own: nothing to refer back to
  const named = read('Rebels seized Nawa on Monday.\n\nOn Tuesday, gunmen killed two farmers near the town of Jasim.');
  assert.equal(placeName(named, named.events.find((e) => e.fatalities?.total === 2)), 'Jasim');
});

test('a place the gazetteer does not know still pins an event down: it is reported, without a location', () => {
  const d = read('Israeli artillery shells hit the outskirts of Kfar Zibdiyya.');
  const e = d.events.find((x) => x.kind === 'shelling');
  assert.ok(e, JSON.stringify(d.events.map((x) => x.kind)));
  assert.equal(e.initiator?.country, 'ISR');
  // a country named as a side is no such place: nothing pins "Israeli jets struck targets" down
  assert.deepEqual(read('Israeli jets struck targets, Israel said.').events.filter((x) => x.kind === 'air_strike'), []);
});

test('"the Britain-based observatory", "Czech-made launchers": a place that says where a thing is from is not where the event happened (place_attributes)', () => {
  const d = read('The Britain-based observatory said two soldiers were killed in a drone strike on Monday.');
  assert.equal(placeName(d, d.events.find((e) => e.kind === 'drone_strike')), undefined);
  const made = read('Russian forces shelled Kupiansk with Czech-made rockets on Monday.');
  assert.equal(placeName(made, made.events.find((e) => e.kind === 'shelling' || e.kind === 'missile_attack')), 'Kupiansk');
});

test('a place the weapon came from, even as a bearing ("from the direction of north-east Beirut"), is not where the event was', () => {
  const d = read('Israeli jets launched an aerial attack from the direction of north-east Beirut on Tuesday, targeting sites near Homs.');
  assert.equal(placeName(d, d.events.find((e) => e.kind === 'air_strike')), 'Homs');
  // A bearing with no "from" before it still places the event near the town.
  const near = read('Israeli jets struck sites north-east of Homs on Tuesday.');
  assert.equal(placeName(near, near.events.find((e) => e.kind === 'air_strike')), 'Homs');
});

test('"from X toward Y": the event is at Y, the "from" belongs to X alone', () => {
  const d = read('Some 30 rockets were fired from Lebanon toward Kiryat Shmona on Sunday, the military said.');
  assert.equal(placeName(d, d.events.find((e) => e.kind === 'missile_attack')), 'Kiryat Shmona');
});

test('an attack on several places named together is one event for each place, with the same sides and day', () => {
  const d = read('Army artillery shelled the villages of Kafr Nabl and Ariha in Idlib province on Sunday, residents said.');
  const shelling = d.events.filter((e) => e.kind === 'shelling');
  assert.deepEqual(shelling.map((e) => placeName(d, e)), ['Kafr Nabl', 'Ariha']);
  assert.equal(shelling[0].initiator?.name, shelling[1].initiator?.name);
  assert.equal(shelling[0].time?.start, shelling[1].time?.start);
  const objects = read('Drones struck a fuel depot in Kafr Nabl and an army post on the edge of Saraqib late on Monday, the observatory said.');
  assert.equal(objects.events.filter((e) => e.kind === 'drone_strike').length, 2);
});

test('places that are one location stay one event: a stretch between two towns, neighbourhoods of one city', () => {
  const road = read('A roadside bomb exploded on the road between Kafr Nabl and Ariha on Sunday, killing a soldier.');
  assert.equal(road.events.length, 1);
  const city = read('Airstrikes hit the Karm al-Jabal and Bustan al-Qasr neighbourhoods of Aleppo on Sunday, killing four people.');
  assert.equal(city.events.length, 1);
});
