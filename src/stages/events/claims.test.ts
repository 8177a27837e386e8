import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc, type EntityAnn } from '../../doc.js';
import { tokens } from '../tokens/index.js';
import { attributionOf } from './claims.js';
import { data } from '../../data/index.js';
import { weekdayNames } from '../../data/time.js';

/** A doc with its tokens, and ORG entities for the given names (as the entities stage would give). */
function docWith(text: string, orgs: string[] = []) {
  const d = new Doc(text, { outlet: 'Mehr News Agency' });
  tokens.run(d);
  orgs.forEach((name, k) => {
    const start = text.indexOf(name);
    const first = d.tokenAt(start);
    const last = d.tokenAt(start + name.length - 1) + 1;
    const e: EntityAnn = { id: `e${k + 1}`, name, type: 'ORG', country: null, role: null, mentions: [d.mention(first, last)], place: null };
    d.entities.push(e);
  });
  return d;
}
const at = (d: Doc, word: string) => d.tokens.findIndex((t) => t.text === word);

test('"X told Y that …": X claims, Y relays', () => {
  const d = docWith('An anonymous military source told Syria’s official news agency SANA that the Israeli regime has launched another missile attack against Syria.', ['SANA']);
  const a = attributionOf(d, 0, at(d, 'attack'));
  assert.equal(a.claimant, 'An anonymous military source');
  assert.deepEqual(a.via, ['SANA']);
  assert.equal(a.stance, 'reported');
});

test('"according to X"', () => {
  const d = docWith('According to the military source, the Syrian air defenses intercepted Israeli missiles.');
  const a = attributionOf(d, 0, at(d, 'intercepted'));
  assert.equal(a.claimant, 'the military source');
  assert.equal(a.stance, 'reported');
});

test('a trailing "…, officials said"', () => {
  const d = docWith('Three soldiers were killed in the ambush, local officials said.');
  assert.equal(attributionOf(d, 0, at(d, 'ambush')).claimant, 'local officials');
});

test('the outlet in its own voice: no claimant, asserted', () => {
  const d = docWith('Israeli warplanes struck targets near Damascus on Tuesday.');
  const a = attributionOf(d, 0, at(d, 'struck'));
  assert.equal(a.claimant, null);
  assert.equal(a.stance, 'asserted');
});

test('hedges and verbs set the stance', () => {
  const d1 = docWith('The group reportedly shelled the village.');
  assert.equal(attributionOf(d1, 0, at(d1, 'shelled')).stance, 'uncertain');
  const d2 = docWith('The army claimed that rebels attacked the convoy.');
  assert.equal(attributionOf(d2, 0, at(d2, 'attacked')).stance, 'alleged');
  const d3 = docWith('The ministry denied that its forces shelled the market.');
  const a3 = attributionOf(d3, 0, at(d3, 'shelled'));
  assert.equal(a3.stance, 'denied');
  assert.equal(a3.claimant, 'The ministry');
});

test('"SANA reported, citing a military source": the chain runs source → SANA', () => {
  const d = docWith('Israeli missiles hit a base near Homs, SANA reported, citing a military source.', ['SANA']);
  const a = attributionOf(d, 0, at(d, 'hit'));
  assert.equal(a.claimant, 'a military source');
  assert.deepEqual(a.via, ['SANA']);
});

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

test('every leading word of data/events/attribution.yaml is left out of the claimant', () => {
  for (const w of data('events/attribution.yaml').leading_words) {
    const d = docWith(`${cap(w)} the ministry said that the army shelled the village.`);
    assert.equal(attributionOf(d, 0, at(d, 'shelled')).claimant, 'the ministry', w);
  }
});

test('a pronoun claimant is the last quoted speaker, for every pronoun in the data', () => {
  for (const w of data('events/attribution.yaml').pronouns) {
    const d = docWith(`"We will respond." According to ${w}, the army shelled the village.`);
    d.quotes.push({ id: 'q1', speaker: { name: 'Ali Ahmadi', entity: null, role: null, affiliation: null }, span: d.span(1, 16), verb: null, sent: 0 });
    const shelled = at(d, 'shelled');
    assert.equal(attributionOf(d, d.tokens[shelled].sent, shelled).claimant, 'Ali Ahmadi', w);
  }
});

test('days and the other words that are no claimant leave a sentence without one', () => {
  assert.equal(attributionOf(docWith('Officials said that the army shelled the village.'), 0, 5).claimant, 'Officials');
  for (const w of [...weekdayNames(false), ...data('events/attribution.yaml').not_claimants]) {
    const d = docWith(`${cap(w)} said that the army shelled the village.`);
    assert.equal(attributionOf(d, 0, at(d, 'shelled')).claimant, null, w);
  }
});

/** The claimant of the first event of a kind, read by the whole pipeline. */
async function claimantOf(text: string, kind: string): Promise<string | null | undefined> {
  const { extract } = await import('../../pipeline.js');
  const d = extract({ source: 'test', text, published: '2021-06-07', outlet: 'Test Wire' });
  const e = d.events.find((x) => x.kind === kind);
  assert.ok(e, `an event of kind ${kind} in ${JSON.stringify(d.events.map((x) => x.kind))}`);
  return e.claims[0]?.claimant;
}

test('"…, said X": the clause before the comma is what was said, X says it', async () => {
  assert.equal(await claimantOf('Gunmen shot dead two traders in a market in Kano on Friday, said the state police.', 'attack_on_civilians'), 'the state police');
});

test('"X rejected …, stating that": the participle\'s speaker is the subject of the clause before it', async () => {
  assert.equal(await claimantOf('In a short reply, the interior ministry rejected the report, stating that its officers had never raided the camp.', 'denial'), 'the interior ministry');
});

test('a short name in brackets is part of the speaker; a person named in full before is named in full', async () => {
  assert.equal(await claimantOf('The Sudan People\'s Liberation Movement-North (SPLM-N) said on Monday its fighters had captured the town of Kadugli.', 'nonstate_overtakes_territory'), "The Sudan People's Liberation Movement-North (SPLM-N)");
  const text = 'Army spokesman Gen. Moussa Diarra said on Monday that the army had arrested two suspects in Gao. Four soldiers were killed in an ambush near Menaka on Tuesday, Diarra said.';
  assert.equal(await claimantOf(text, 'armed_clash'), 'Moussa Diarra');
});

test('"X, which …, has denied … and says": the second verb\'s speaker is the first\'s', () => {
  const d = docWith('The Chadian army, which took control of the border post last year, has repeatedly denied targeting civilians and says its operations are aimed at rebels.');
  assert.equal(attributionOf(d, 0, at(d, 'aimed')).claimant, 'The Chadian army');
});

test('a speaker named with where they are keeps the place; "…, but adds that" is no speaker of its own', () => {
  const d = docWith('Two residents in the town of Kidal told the radio that drones had struck a market.');
  assert.equal(attributionOf(d, 0, at(d, 'struck')).claimant, 'Two residents in the town of Kidal');
  const e = docWith('The ministry says no shells hit the town, but adds that mortars could strike the camp again.');
  assert.equal(attributionOf(e, 0, at(e, 'strike')).claimant, 'The ministry');
});

test('a dateline is no part of the speaker', async () => {
  const c = await claimantOf('NAIROBI - Amina Odhiambo, Kenya\'s interior minister, has rejected the report, stating that police had never raided the camp.', 'denial');
  assert.equal(c, 'Amina Odhiambo');
});
