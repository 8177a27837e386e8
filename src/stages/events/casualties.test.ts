import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc.js';
import { tokens } from '../tokens/index.js';
import { casualtiesIn } from './casualties.js';

function read(text: string) {
  const d = new Doc(text);
  tokens.run(d);
  return casualtiesIn(d, 0, d.tokens.length);
}

test('"killed two civilians": two civilian deaths', () => {
  const c = read('The incident killed two civilians and inflicted some material damage.');
  assert.equal(c.fatalities?.total, 2);
  assert.equal(c.fatalities?.civilians, 2);
  assert.equal(c.fatalities?.military, null);
  assert.equal(c.injuries, null);
});

test('"three soldiers were wounded": military injuries, no deaths', () => {
  const c = read('Three soldiers were wounded in the clashes.');
  assert.equal(c.fatalities, null);
  assert.equal(c.injuries?.military, 3);
  assert.equal(c.injuries?.total, 3);
});

test('"at least 12 people": people count toward the total only', () => {
  const c = read('At least 12 people were killed when the market was shelled.');
  assert.equal(c.fatalities?.total, 12);
  assert.equal(c.fatalities?.civilians, null);
});

test('"killing 5 and injuring 11": each verb takes its own count', () => {
  const c = read('A car bomb exploded in the square, killing 5 and injuring 11.');
  assert.equal(c.fatalities?.total, 5);
  assert.equal(c.injuries?.total, 11);
});

test('civilian and military deaths add up; "including" names a part, not more', () => {
  const c = read('The strike killed four soldiers and three civilians.');
  assert.deepEqual([c.fatalities?.total, c.fatalities?.military, c.fatalities?.civilians], [7, 4, 3]);
  const d = read('The shelling killed 10 people, including 4 children.');
  assert.deepEqual([d.fatalities?.total, d.fatalities?.civilians], [10, 4]);
});

test('vague quantities leave the count unknown', () => {
  const c = read('Recent strikes have killed several civilians as well as two Iranian military advisers.');
  assert.equal(c.fatalities?.total, null);
  assert.equal(c.fatalities?.civilians, null);
  assert.equal(c.fatalities?.military, 2);
});

test('years and distances are not counts', () => {
  assert.equal(read('He was killed in 2020 in a raid.').fatalities?.total ?? null, null);
  assert.equal(read('The missile has a range of 300 kilometers.').fatalities, null);
});

test('evidence is an exact slice of the text', () => {
  const text = 'Nonetheless, the incident killed two civilians.';
  const d = new Doc(text);
  tokens.run(d);
  const c = casualtiesIn(d, 0, d.tokens.length);
  assert.equal(text.slice(c.fatalities!.evidence.start, c.fatalities!.evidence.end), c.fatalities!.evidence.text);
});

test('a part given twice ("56 civilians, including 12 children") is not added to itself', () => {
  const c = read('Soldiers executed at least 56 civilians, including 12 children, in the village.');
  assert.deepEqual([c.fatalities?.total, c.fatalities?.civilians], [56, 56]);
});

test('a day of the month is not a count', () => {
  const c = read('An Israeli drone strike on 18 April killed two members of an armed group.');
  assert.equal(c.fatalities?.total, 2);
});

test('the verb may come after a long subject', () => {
  const c = read('Four soldiers and two members of a civilian defence militia were killed when their vehicle struck a bomb.');
  assert.equal(c.fatalities?.total, 6);
  assert.equal(c.fatalities?.military, 4);
});

test('"a soldier was killed" is one death; each count takes its own verb', () => {
  assert.equal(read('A soldier was killed in the ambush.').fatalities?.military, 1);
  const c = read('Five were killed and 12 were hospitalised.');
  assert.deepEqual([c.fatalities?.total, c.injuries?.total], [5, 12]);
  assert.equal(read('The death toll from Monday\'s strike rose to 12.').fatalities?.total, 12);
});
