import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorsOf } from './anchor.js';
import { docWith } from './testing.js';
import type { Mention } from '../../doc.js';
import { data } from '../../data/index.js';

/** The anchors of the first mention of `name`, as [how, anchor text]. */
function anchors(text: string, name: string, others: string[], insideTown = false): [string, string | null][] {
  const d = docWith(text, [name, ...others].map((n) => [n, 'GPE'] as [string, 'GPE']));
  const all: Mention[] = d.entities.flatMap((e) => e.mentions);
  const ctx = { toponymStartingAt: (t: number) => all.find((m) => m.first === t), toponymEndingAt: (t: number) => all.find((m) => m.last - 1 === t) };
  return anchorsOf(d, d.entities[0].mentions[0], ctx, insideTown).map((a) => [a.how, a.mention ? text.slice(a.mention.start, a.mention.end) : null]);
}

test('a place in or of another: "X in Y", "X district of Y", "X neighbourhoods of Y"', () => {
  assert.deepEqual(anchors('Troops retook the Kafouri district in Khartoum North.', 'Kafouri', ['Khartoum North']), [['in', 'Khartoum North']]);
  assert.deepEqual(anchors('A school in the Shevchenkivskyi district of Kyiv was hit.', 'Shevchenkivskyi', ['Kyiv']), [['in', 'Kyiv']]);
  // through coordinated names and a plural head
  assert.deepEqual(anchors('Strikes on the Haret Hreik and Ghobeiry neighbourhoods of Beirut.', 'Haret Hreik', ['Ghobeiry', 'Beirut']), [['in', 'Beirut']]);
  // the innermost place of a possessive chain
  assert.deepEqual(anchors('a police station in the town of Saravena in Colombia’s eastern Arauca province', 'Saravena', ['Colombia', 'Arauca province']), [
    ['in', 'Arauca province'],
  ]);
});

test('a place beside another: direction, distance, outskirts, apposition', () => {
  assert.deepEqual(anchors('Settlers raided Huwara, south of Nablus, at night.', 'Huwara', ['Nablus']), [['direction', 'Nablus']]);
  assert.deepEqual(anchors('Clashes in the Cal Miskaad mountains, about 80 km southeast of Bosaso.', 'Cal Miskaad', ['Bosaso']), [['direction', 'Bosaso']]);
  assert.deepEqual(anchors('The base in Ardamata, on the outskirts of El Geneina, fell.', 'Ardamata', ['El Geneina']), [['in', 'El Geneina']]);
  assert.deepEqual(anchors('Fighters attacked near Oicha, Beni territory, on Monday.', 'Oicha', ['Beni territory']), [['apposition', 'Beni territory']]);
  // a list is no apposition the caller would take, but it is offered as one
  assert.deepEqual(anchors('Shells hit Jbaa, Nabatieh and Tyre.', 'Jbaa', ['Nabatieh', 'Tyre']), []);
});

test('a possessive before, the city the sentence is in, and "of the city"', () => {
  assert.deepEqual(anchors("Crowds filled Sanaa's Sabeen Square.", 'Sabeen Square', ['Sanaa']), [['possessive', 'Sanaa']]);
  assert.deepEqual(anchors("A rocket hit Baghdad's heavily fortified Green Zone.", 'Green Zone', ['Baghdad']), [['possessive', 'Baghdad']]);
  assert.deepEqual(anchors('In Tel Aviv, thousands rallied on Kaplan Street.', 'Kaplan Street', ['Tel Aviv'], true), [['sentence', 'Tel Aviv']]);
  assert.deepEqual(anchors('In Tel Aviv, thousands rallied on Kaplan Street.', 'Kaplan Street', ['Tel Aviv'], false), []);
  assert.deepEqual(anchors('Police arrested three men in the Karte Naw area of the city.', 'Karte Naw', []), [['the-city', null]]);
});

test('every word and phrase of data/gazetteer/anchors.yaml anchors a place', () => {
  const a = data('gazetteer/anchors.yaml');
  for (const r of a.relations) {
    const got = anchors(`Troops entered Kafr Nabl ${r} Maarat al-Numan on Monday.`, 'Kafr Nabl', ['Maarat al-Numan']);
    assert.deepEqual(got, [['in', 'Maarat al-Numan']], r);
  }
  for (const w of a.approximately) assert.deepEqual(anchors(`Clashes in Kafr Nabl, ${w} 30 km south of Idlib.`, 'Kafr Nabl', ['Idlib']), [['direction', 'Idlib']], w);
  for (const u of a.distance_units) assert.deepEqual(anchors(`Clashes in Kafr Nabl, 30 ${u} south of Idlib.`, 'Kafr Nabl', ['Idlib']), [['direction', 'Idlib']], u);
  for (const w of a.frame_words) assert.deepEqual(anchors(`Shelling hit Kafr Nabl in the ${w} of Idlib.`, 'Kafr Nabl', ['Idlib']), [['in', 'Idlib']], w);
  for (const w of a.city_words) assert.deepEqual(anchors(`Police raided the Karte Naw area of the ${w}.`, 'Karte Naw', []), [['the-city', null]], w);
  for (const w of a.locative) {
    const text = `${w[0].toUpperCase()}${w.slice(1)} Tel Aviv, thousands rallied on Kaplan Street.`;
    assert.deepEqual(anchors(text, 'Kaplan Street', ['Tel Aviv'], true), [['sentence', 'Tel Aviv']], w);
  }
});
