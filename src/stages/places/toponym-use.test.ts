import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from '../../doc.js';
import { toponymUse, regionFrame, type UseDecision } from './toponym-use.js';
import { docWith } from './testing.js';
import { data } from '../../data/index.js';

/** How the nth occurrence of `name` is used, the other capitalised names given being toponyms too. */
function useOf(text: string, name: string, others: string[] = [], nth = 0): UseDecision {
  const d = docWith(text, [name, ...others].map((n) => [n, 'GPE'] as [string, 'GPE']));
  const all: Mention[] = d.entities.flatMap((e) => e.mentions);
  const starting = new Map(all.map((m) => [m.first, m]));
  const ending = new Map(all.map((m) => [m.last - 1, m]));
  const m = d.entities[0].mentions[nth];
  assert.ok(m, `no mention of ${name}`);
  return toponymUse(d, m, { toponymStartingAt: (t) => starting.get(t), toponymEndingAt: (t) => ending.get(t) });
}

function expect(text: string, name: string, use: 'location' | 'metonym', cue: string, others: string[] = []) {
  const got = useOf(text, name, others);
  assert.equal(got.use, use, `${text} → ${JSON.stringify(got)}`);
  assert.equal(got.cue, cue, `${text} → ${JSON.stringify(got)}`);
}

test('the cue lists exist, are non-empty and lower case', () => {
  const y = data('gazetteer/toponym-use.yaml');
  for (const [k, v] of Object.entries(y)) {
    assert.ok(Array.isArray(v) && v.length > 0, k);
    for (const w of v.flat()) assert.equal(String(w), String(w).toLowerCase(), `${k}: ${w}`);
  }
});

test('dateline → location', () => {
  const d = docWith('DAMASCUS - Syria said on Monday.', [['DAMASCUS', 'GPE']]);
  assert.equal(toponymUse(d, d.entities[0].mentions[0], { dateline: true }).use, 'location');
});

test('locative_prepositions', () => {
  expect('Missiles struck targets near Damascus on Tuesday.', 'Damascus', 'location', 'prep');
  expect('The ceremony was held in Tehran on Tuesday.', 'Tehran', 'location', 'prep');
  expect('Recent Israeli airstrikes on Syria have killed civilians.', 'Syria', 'location', 'prep');
});

test('skippable_modifiers keep the preposition in force', () => {
  expect('The missile came from the occupied Golan Heights.', 'Golan Heights', 'location', 'prep');
  expect('Fighting continued in the besieged city of Aleppo.', 'Aleppo', 'location', 'prep');
});

test('locative_frames: "<frame> of X"', () => {
  expect('It was launched from the direction of the occupied Golan Heights.', 'Golan Heights', 'location', 'frame-of');
  expect('Other locations in the southern part of Syria were hit.', 'Syria', 'location', 'frame-of');
  expect('The outskirts of Kharkiv were shelled.', 'Kharkiv', 'location', 'frame-of');
});

test('geographic_nouns after a possessive keep the place a location', () => {
  expect("Syria's north has seen heavy fighting.", 'Syria', 'location', 'possessive-geo');
  expect("Rockets fell on Israel's border towns.", 'Israel', 'location', 'possessive-geo');
});

test('a possessive before any other noun makes the place an actor', () => {
  expect('The minister reiterated Tehran’s dedication to its allies.', 'Tehran', 'metonym', 'possessive');
  expect('The council was asked to stop Tel Aviv’s atrocities.', 'Tel Aviv', 'metonym', 'possessive');
  expect("A source told Syria's official news agency SANA.", 'Syria', 'metonym', 'possessive');
});

test('a possessive before another place name stays locative', () => {
  expect("Troops entered Syria's Idlib province.", 'Syria', 'location', 'possessive-place', ['Idlib']);
});

test('epithet_heads: "the Tel Aviv regime", "Kyiv authorities"', () => {
  expect('Since 2011, the Tel Aviv regime has sponsored terrorists.', 'Tel Aviv', 'metonym', 'epithet');
  expect('Kyiv authorities said the attack failed.', 'Kyiv', 'metonym', 'epithet');
  expect('The government of Iraq denied it.', 'Iraq', 'metonym', 'epithet-of');
});

test('attribute_heads: "the US dollar" is no place', () => {
  expect('Protesters in the city denounced the rise of the US dollar against the pound.', 'US', 'metonym', 'attribute');
  expect('Shops priced goods in Turkish lira and Syria pounds.', 'Syria', 'metonym', 'attribute');
});

test('compound_heads: "Tehran-backed"', () => {
  expect('Tehran-backed militias fired rockets.', 'Tehran', 'metonym', 'compound');
});

test('place_heads: "Idlib province", "Beirut-based"', () => {
  expect('Shelling hit Idlib province overnight.', 'Idlib', 'location', 'place-head');
  expect('A Beirut-based monitor reported it.', 'Beirut', 'location', 'compound-place');
});

test('relational_nouns with relational_prepositions', () => {
  expect('Once the arms embargo against Iran is lifted, sales will rise.', 'Iran', 'metonym', 'relation');
  expect('Ankara resumed talks with Damascus.', 'Damascus', 'metonym', 'relation');
});

test('metonymic_frames', () => {
  expect('According to Kyiv, the drones were shot down.', 'Kyiv', 'metonym', 'frame');
  expect('The envoy urged Israel to show restraint.', 'Israel', 'metonym', 'frame');
  expect('The strike was condemned by Qatar.', 'Qatar', 'metonym', 'frame');
});

test('subject of a verb → actor ("Tehran sees", "Syria has complained", "Israel generally stays quiet")', () => {
  expect('He said that Tehran sees it as its obligation.', 'Tehran', 'metonym', 'subject');
  expect('Syria has complained about Israeli attacks.', 'Syria', 'metonym', 'subject');
  expect('Israel generally stays quiet about its incursions.', 'Israel', 'metonym', 'subject');
  expect('Damascus is now successfully fending off the strikes.', 'Damascus', 'metonym', 'subject');
});

test('coordinated subjects are actors too', () => {
  assert.equal(useOf('In July 2020, Iran and Syria agreed to expand ties.', 'Iran', ['Syria']).use, 'metonym');
  assert.equal(useOf('In July 2020, Iran and Syria agreed to expand ties.', 'Syria', ['Iran']).use, 'metonym');
  // the tagger reads "reconciled" as an adjective here
  assert.equal(useOf('Attacks rose since Iran and Saudi Arabia reconciled last month.', 'Saudi Arabia', ['Iran']).use, 'metonym');
  // a coordinated organisation or person counts too
  assert.equal(useOf('Israel and Hamas agreed to a truce.', 'Israel').use, 'metonym');
  // and a shared preposition keeps both locative, even before a verb whose subject is elsewhere
  assert.equal(useOf('Clashes broke out in Iraq and Syria.', 'Syria', ['Iraq']).use, 'location');
  const k = useOf('Air strikes on residential areas in Darfur and Kordofan have killed civilians.', 'Kordofan', ['Darfur']);
  assert.deepEqual([k.use, k.cue], ['location', 'prep']);
});

test('locative_subject_verbs: places that undergo', () => {
  expect('Kharkiv came under fire again.', 'Kharkiv', 'location', 'subject-locative');
  expect('Mariupol fell after a long siege.', 'Mariupol', 'location', 'subject-locative');
});

test('passive_metonym_verbs, and other passives', () => {
  expect('Israel has been cautioned against the strikes.', 'Israel', 'metonym', 'passive');
  expect('Aleppo was hit by airstrikes.', 'Aleppo', 'location', 'passive-locative');
});

test('copula_verbs with locative_predicate_nouns', () => {
  expect('Damascus is the capital of Syria.', 'Damascus', 'location', 'predicate-place');
  expect('Over the decades, Iran has been a pioneer in air defense.', 'Iran', 'metonym', 'predicate');
  expect('Gaza became a battleground.', 'Gaza', 'location', 'predicate-place');
});

test('no cue → location', () => {
  expect('The attack against Syria failed.', 'Syria', 'location', 'default');
});

test('regionFrame: directions that carve a region out of a place', () => {
  const frame = (text: string, name: string) => {
    const d = docWith(text, [[name, 'GPE']]);
    const f = regionFrame(d, d.entities[0].mentions[0]);
    return f && { compass: f.compass, text: d.text.slice(d.tokens[f.first].start, d.tokens[f.last - 1].end) };
  };
  assert.deepEqual(frame('Strikes hit southern Syria.', 'Syria'), { compass: 's', text: 'southern Syria' });
  assert.deepEqual(frame('Other locations in the southern part of Syria were hit.', 'Syria'), { compass: 's', text: 'southern part of Syria' });
  assert.deepEqual(frame('Thousands fled the north of Gaza.', 'Gaza'), { compass: 'n', text: 'north of Gaza' });
  assert.deepEqual(frame("Fighting spread across Syria's north-east.", 'Syria'), { compass: 'ne', text: "Syria's north-east" });
  // a place outside the town, not a part of it
  assert.equal(frame('A village north of Damascus was shelled.', 'Damascus'), null);
});
