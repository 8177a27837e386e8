// Casualty counts and modes through the whole pipeline: which event a count belongs to, and what
// reports of one event say about its toll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../pipeline.js';
import { checkDocument, type Document } from '../../contract.js';

function read(text: string, published = '2024-03-06'): Document {
  const doc = extract({ source: 'test', text, published, outlet: 'Test Wire' }, { includeText: true });
  assert.deepEqual(checkDocument(doc), []);
  return doc;
}
const tolls = (d: Document) => d.events.map((e) => [e.kind, e.fatalities?.total ?? null, e.injuries?.total ?? null]);

test('each count goes to the event whose trigger stands nearest before it', () => {
  const d = read('Militants fired an anti-tank missile at an army post near the border on Monday, wounding two soldiers, and army shelling of a village near Marjayoun killed a shepherd.');
  assert.deepEqual(tolls(d), [
    ['missile_attack', null, 2],
    ['shelling', 1, null],
  ]);
});

test('a toll in the next sentence belongs to the attack before it; repeats are not summed', () => {
  const d = read('A car bomb exploded near a market in Mogadishu on Sunday. Seven people were killed and 15 wounded, police said. The blast killed seven people, a hospital official said.');
  assert.equal(d.events.length, 1);
  assert.deepEqual([d.events[0].fatalities?.total, d.events[0].injuries?.total], [7, 15]);
});

test('"thwarted an attack, killing several fighters": the toll goes to the event in the field', () => {
  const d = read('On 2 March, government forces thwarted a rebel attack near Marib, killing several fighters.');
  const e = d.events.find((x) => x.fatalities);
  assert.ok(e, JSON.stringify(tolls(d)));
  assert.deepEqual([e.fatalities?.total, e.fatalities?.coded], [null, 10]);
});

test('"no one was killed" is a toll of zero, not a negated attack', () => {
  const d = read('Two rockets fired from Gaza hit an open area near Sderot on Monday. No one was killed, the army said.');
  const e = d.events.find((x) => x.kind === 'missile_attack');
  assert.ok(e, JSON.stringify(tolls(d)));
  assert.equal(e.mode, 'actual');
  assert.equal(e.fatalities?.total, 0);
});

test('a dateline month is no modal', () => {
  const d = read('SUMY, May 7 (Test Wire) - Russian drones struck an energy facility in Sumy overnight, killing one worker.', '2024-05-07');
  const e = d.events.find((x) => x.kind === 'drone_strike');
  assert.ok(e, JSON.stringify(tolls(d)));
  assert.equal(e.mode, 'actual');
  assert.equal(e.fatalities?.total, 1);
});

test('a named person killed is one death', () => {
  const d = read('Hassan Nasser, a local commander, was killed in an Israeli drone strike near Tyre on Tuesday.');
  assert.equal(d.events.find((x) => x.kind === 'drone_strike')?.fatalities?.total, 1);
});
