// Every row of data/quotes/*.tsv, shown at work in a sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lexicon } from './lexicon.js';
import { data } from '../../data/index.js';
import { read, said, type E } from './testkit.js';

const lex = lexicon();

interface Row {
  lemma: string;
  past: string;
  next: string | null;
  order: 'before' | 'either' | 'after';
  near: boolean;
}

/** One row per lemma, with its past form (or its only form, for "according to"). */
function speechRows(): Row[] {
  const rows = new Map<string, Row>();
  for (const [form, list] of lex.speech) {
    for (const f of list) {
      const row = rows.get(f.lemma);
      if (!row || (!f.nounLike && row.past === f.lemma) || (!f.nounLike && form.endsWith('ed')))
        rows.set(f.lemma, { lemma: f.lemma, past: form, next: f.next, order: f.order, near: f.near });
    }
  }
  return [...rows.values()];
}

test('speech-verbs.tsv: every verb attributes a quote after it and before it, reported by its lemma', () => {
  const rows = speechRows();
  assert.ok(rows.length >= 60);
  for (const { lemma, past, next, order } of rows) {
    const verb = next ? `${past} ${next}` : past;
    const [post, pre] =
      order === 'after'
        ? [`“We will respond,” ${verb} the minister.`, `${verb[0].toUpperCase()}${verb.slice(1)} the minister, “We will respond.”`]
        : [`“We will respond,” the minister ${verb}.`, `The minister ${verb}, “We will respond.”`];
    assert.deepEqual(said(post), [['We will respond,', 'the minister', lemma]], post);
    assert.deepEqual(said(pre), [['We will respond.', 'the minister', lemma]], pre);
  }
});

test('speech-verbs.tsv: only verbs marked "either" put the speaker after them (“…,” said X)', () => {
  for (const { lemma, past, next, order } of speechRows()) {
    if (order === 'after') continue;
    const text = `“We will respond,” ${next ? `${past} ${next}` : past} the minister.`;
    assert.deepEqual(said(text), order === 'either' ? [['We will respond,', 'the minister', lemma]] : [], text);
  }
});

test('speech-verbs.tsv: a "near" verb never reaches quoted words deeper in its sentence', () => {
  for (const { lemma, past, next, near } of speechRows()) {
    if (next) continue;
    const text = `The minister ${past} that the army had “no choice” in the matter.`;
    assert.deepEqual(said(text), near ? [] : [['no choice', 'the minister', lemma]], text);
  }
});

test('speech-verbs.tsv: a noun that looks like a speech verb attributes nothing', () => {
  assert.ok(lex.speech.get('claims')?.[0].nounLike);
  assert.deepEqual(said('The “security” claims of the regime were false.'), []);
});

test('speech-verbs.tsv: a multi-word verb needs its second word', () => {
  assert.deepEqual(said('“We are ready,” the minister pointed out.'), [['We are ready,', 'the minister', 'point out']]);
  assert.deepEqual(said('“We are ready,” the minister pointed.'), []);
});

test('naming-cues.tsv: every cue makes the quoted words a name, not a quote', () => {
  const control = 'The minister said that the “red dawn” had spread.';
  assert.equal(said(control).length, 1, control);
  for (const { cue } of data('quotes/naming-cues.tsv')) {
    const text = `The minister said that the ${cue.toLowerCase().split(/\s+/).join(' ')} “red dawn” had spread.`;
    assert.deepEqual(said(text), [], text);
  }
});

test('reference-words.tsv: person and group pronouns find the last person or organisation', () => {
  const ents: E[] = [
    { name: 'Hamzeh Qalandari', type: 'PERSON', mentions: ['Hamzeh Qalandari'] },
    { name: 'Defense Ministry', type: 'ORG' },
  ];
  for (const [word, cls] of lex.reference) {
    if (cls === 'indefinite' || cls === 'document') continue;
    const order = cls === 'person' ? 'The Defense Ministry met. Hamzeh Qalandari spoke.' : 'Hamzeh Qalandari spoke. The Defense Ministry met.';
    const text = `${order} “We are ready,” ${word} said.`;
    const want = cls === 'person' ? 'Hamzeh Qalandari' : 'Defense Ministry';
    assert.deepEqual(said(text, ents).map(([, who]) => who), [want], text);
  }
});

test('reference-words.tsv: an indefinite speaker stays unnamed, never an earlier entity', () => {
  const ents: E[] = [{ name: 'Ali Bahadori', type: 'PERSON', role: 'official' }];
  for (const [word, cls] of lex.reference) {
    if (cls !== 'indefinite') continue;
    const text = `Ali Bahadori arrived. “It is over,” ${word} official said.`;
    assert.deepEqual(said(text, ents).map(([, who]) => who), [`${word} official`], text);
  }
});

test('reference-words.tsv: a document speaks for whoever issued it', () => {
  const ents: E[] = [
    { name: 'Defense Ministry', type: 'ORG' },
    { name: 'Hamzeh Qalandari', type: 'PERSON' },
  ];
  for (const [word, cls] of lex.reference) {
    if (cls !== 'document') continue;
    const text = `The Defense Ministry issued a ${word} on Monday. Hamzeh Qalandari spoke later. “We are ready,” the ${word} said.`;
    assert.deepEqual(said(text, ents).map(([, who]) => who), ['Defense Ministry'], text);
  }
});

test('phrase-words.tsv: a linking preposition continues the speaker phrase', () => {
  for (const word of lex.links) {
    const text = `“We hold the line,” a spokesman ${word} Hezbollah said.`;
    assert.deepEqual(said(text).map(([, who]) => who), [`a spokesman ${word} Hezbollah`], text);
  }
});

test('phrase-words.tsv: minor words keep a title-cased phrase a name', () => {
  const control = 'Qalandari said the “Axis against Resistance” would respond.';
  assert.equal(read(control).quotes.length, 1, control);
  for (const word of lex.minor) {
    const text = `Qalandari said the “Axis ${word} Resistance” would respond.`;
    assert.deepEqual(said(text), [], text);
  }
});
