import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { read, said, type E } from './testkit.js';
import { PACKAGE_URL } from '../../paths.js';

const QALANDARI: E = {
  name: 'Hamzeh Qalandari',
  type: 'PERSON',
  role: 'deputy defense minister for international affairs',
  country: 'IRN',
  mentions: ['Hamzeh Qalandari', 'Qalandari'],
};

test('“…,” X said', () => {
  assert.deepEqual(said('“We will respond,” Qalandari said.', [QALANDARI]), [['We will respond,', 'Hamzeh Qalandari', 'say']]);
});

test('straight double quotes work like curly ones', () => {
  assert.deepEqual(said('"We will respond," Qalandari said.', [QALANDARI]), [['We will respond,', 'Hamzeh Qalandari', 'say']]);
});

test('“…,” said X', () => {
  assert.deepEqual(said('“We will respond,” said the army spokesman.'), [['We will respond,', 'the army spokesman', 'say']]);
});

test('X said, “…” and X said: “…”', () => {
  assert.deepEqual(said('Qalandari said, “We are ready.” Later Qalandari warned: “Leave now.”', [QALANDARI]), [
    ['We are ready.', 'Hamzeh Qalandari', 'say'],
    ['Leave now.', 'Hamzeh Qalandari', 'warn'],
  ]);
});

test('X added that “…”', () => {
  assert.deepEqual(said('The ministry added that “all options remain open.”'), [['all options remain open.', 'the ministry', 'add']]);
});

test('“…” he added: a pronoun is the last speaker', () => {
  const doc = read('“We are ready,” Qalandari said. “We will win,” he added.', [QALANDARI]);
  assert.deepEqual(
    doc.quotes.map((q) => [q.speaker?.name, q.verb]),
    [
      ['Hamzeh Qalandari', 'say'],
      ['Hamzeh Qalandari', 'add'],
    ],
  );
});

test('a pronoun with no earlier speaker is the most recent person acting', () => {
  const text = 'Qalandari attended a ceremony in Tehran. Referring to arms exports, he stated, “We find ourselves dedicated.”';
  assert.deepEqual(said(text, [QALANDARI]), [['We find ourselves dedicated.', 'Hamzeh Qalandari', 'state']]);
});

test('he prefers a person, it an organisation', () => {
  const ents: E[] = [QALANDARI, { name: 'Defense Ministry', type: 'ORG', country: 'IRN' }];
  const text = 'The Defense Ministry issued a statement. Qalandari spoke later. “We are ready,” it said. “So am I,” he said.';
  assert.deepEqual(
    said(text, ents).map(([, who]) => who),
    ['Defense Ministry', 'Hamzeh Qalandari'],
  );
});

test('according to X, “…” and “…,” according to X', () => {
  assert.deepEqual(said('According to the military source, “the missiles were intercepted.”'), [
    ['the missiles were intercepted.', 'the military source', 'according to'],
  ]);
  assert.deepEqual(said('“Most missiles were intercepted,” according to a military source.'), [
    ['Most missiles were intercepted,', 'a military source', 'according to'],
  ]);
});

test('X told Y, “…”: the speaker is the one telling', () => {
  assert.deepEqual(said('Qalandari told reporters on Tuesday, “We will respond.”', [QALANDARI]), [
    ['We will respond.', 'Hamzeh Qalandari', 'tell'],
  ]);
});

test('quoted words inside reported speech belong to the one reporting', () => {
  const text = 'Qalandari said that while Syria had been “defenseless” against air attacks, it now fends them off.';
  assert.deepEqual(said(text, [QALANDARI]), [['defenseless', 'Hamzeh Qalandari', 'say']]);
});

test('a participle shares the subject of its clause: “…, stating that … “obligation””', () => {
  const text =
    'Hamzeh Qalandari, Iran’s deputy defense minister, has reiterated Tehran’s support, stating that Tehran sees it as its “obligation” to help.';
  const [q] = read(text).quotes;
  assert.equal(q.span.text, 'obligation');
  assert.equal(q.verb, 'state');
  // no entities here: the apposition supplies the role
  assert.deepEqual(q.speaker, { name: 'Hamzeh Qalandari', entity: null, role: 'deputy defense minister', affiliation: null });
});

test('an apposition either side of the name gives the role', () => {
  const doc = read('The spokesman, Ali Bahadori, told reporters: “We will not yield.”');
  assert.deepEqual(doc.quotes[0].speaker, { name: 'Ali Bahadori', entity: null, role: 'spokesman', affiliation: null });
});

test('a named speaker carries the entity, its role and its country', () => {
  const doc = read('“We are ready,” Qalandari said.', [QALANDARI]);
  assert.deepEqual(doc.quotes[0].speaker, {
    name: 'Hamzeh Qalandari',
    entity: 'e1',
    role: 'deputy defense minister for international affairs',
    affiliation: 'IRN',
  });
});

test('a title or description is the person whose role it is', () => {
  const text = 'Hamzeh Qalandari spoke in Tehran. The deputy defense minister said, “We help friendly nations.”';
  assert.deepEqual(said(text, [QALANDARI]), [['We help friendly nations.', 'Hamzeh Qalandari', 'say']]);
});

test('a description nobody in the text fits stays the phrase', () => {
  assert.deepEqual(said('The deputy defense minister said, “We help friendly nations.”'), [
    ['We help friendly nations.', 'the deputy defense minister', 'say'],
  ]);
});

test('a title before a surname is the person of that name', () => {
  const text = 'Hamzeh Qalandari spoke in Tehran. General Qalandari said, “We help friendly nations.”';
  // no entities at all: the earlier speaker's name is the only clue
  const doc = read(`${text} “More will come,” Qalandari added.`);
  assert.deepEqual(
    doc.quotes.map((q) => q.speaker?.name),
    ['General Qalandari', 'General Qalandari'],
  );
  assert.deepEqual(said(text, [QALANDARI]), [['We help friendly nations.', 'Hamzeh Qalandari', 'say']]);
});

test('an unnamed source is the phrase itself, with the affiliation it names', () => {
  const ents: E[] = [
    { name: 'Iranian', type: 'NORP', country: 'IRN' },
    { name: 'Hezbollah', type: 'ORG' },
  ];
  const doc = read('“The strike failed,” an Iranian official said. “We hold the line,” a spokesman for Hezbollah said.', ents);
  assert.deepEqual(
    doc.quotes.map((q) => q.speaker),
    [
      { name: 'an Iranian official', entity: null, role: null, affiliation: 'IRN' },
      { name: 'a spokesman for Hezbollah', entity: null, role: null, affiliation: 'Hezbollah' },
    ],
  );
});

test('an indefinite speaker is never an earlier entity with that role', () => {
  const ents: E[] = [{ name: 'Ali Bahadori', type: 'PERSON', role: 'official' }];
  assert.deepEqual(said('Ali Bahadori arrived. “It is over,” an official said.', ents), [['It is over,', 'an official', 'say']]);
});

test('a quoted name after a naming cue is not a quote', () => {
  assert.deepEqual(said('The missile, called “Sayyad 4B”, is paired with the Bavar-373 system.'), []);
  assert.deepEqual(said('The minister said the so-called “security zone” had failed.'), []);
  assert.deepEqual(said('He said the group, known as “The Lions”, had fled.'), []);
  assert.deepEqual(said('The minister said the book “War and Peace” was banned.'), []);
});

test('a scare quote with no speech verb attached is not a quote', () => {
  assert.deepEqual(said('The “peace process” stalled again in March.'), []);
});

test('a title-cased name inside reported speech is not a quote', () => {
  assert.deepEqual(said('Qalandari said the “Axis of Resistance” would respond.', [QALANDARI]), []);
});

test('paraphrase without quotation marks is never a quote', () => {
  assert.deepEqual(said('An anonymous military source told SANA that Israel had launched another attack.'), []);
});

test('a multi-sentence quotation is one quote', () => {
  assert.deepEqual(said('“We are ready. We will respond,” Qalandari said.', [QALANDARI]), [
    ['We are ready. We will respond,', 'Hamzeh Qalandari', 'say'],
  ]);
});

test('a quotation continued in the next paragraph keeps its speaker', () => {
  const text = 'Qalandari said: “We are ready to act.\n\n“We will respond to any attack. Nobody should doubt it.”\n\nThe talks end today.';
  assert.deepEqual(said(text, [QALANDARI]), [
    ['We are ready to act.', 'Hamzeh Qalandari', 'say'],
    ['We will respond to any attack. Nobody should doubt it.', 'Hamzeh Qalandari', 'say'],
  ]);
});

test('a whole sentence in quotes right after an attributed quote is the same speaker’s', () => {
  const text = '“We are ready,” Qalandari said. “Our forces have been on alert for weeks.”';
  assert.deepEqual(
    said(text, [QALANDARI]).map(([, who]) => who),
    ['Hamzeh Qalandari', 'Hamzeh Qalandari'],
  );
});

test('single curly quotes are quotes, apostrophes are not', () => {
  assert.deepEqual(said('Iran’s minister said, ‘We won’t retreat from Syria’s side.’'), [
    ['We won’t retreat from Syria’s side.', 'Iran’s minister', 'say'],
  ]);
});

test('X was quoted as saying “…”', () => {
  assert.deepEqual(said('Qalandari was quoted as saying “the embargo is over.”', [QALANDARI]), [
    ['the embargo is over.', 'Hamzeh Qalandari', 'say'],
  ]);
});

test('a quote mid-sentence attributed at the sentence end: “…”, X said.', () => {
  assert.deepEqual(said('Supporting Syria is an “obligation” for Tehran, Qalandari said.', [QALANDARI]), [
    ['obligation', 'Hamzeh Qalandari', 'say'],
  ]);
});

test('a full stop inside the quote and a capital after it start a new sentence, not an attribution', () => {
  assert.deepEqual(said('He arrived. “We are ready.” Qalandari said the talks would go on.', [QALANDARI]), []);
});

test('an expletive “it” in a passive names no speaker', () => {
  assert.deepEqual(said('It was announced that the “enemy” had fled.'), []);
});

test('the seed article: Qalandari’s quotations are his, “Sayyad 4B” is not a quote', () => {
  const text = readFileSync(new URL('examples/seed.txt', PACKAGE_URL), 'utf8');
  const doc = read(text, [
    { ...QALANDARI, mentions: ['Hamzeh Qalandari', 'Qalandari'] },
    { name: 'Iran', type: 'GPE', country: 'IRN' },
    { name: 'Syria', type: 'GPE', country: 'SYR' },
  ]);
  const his = doc.quotes.filter((q) => q.speaker?.entity === 'e1').map((q) => q.span.text);
  assert.ok(his.some((t) => t.startsWith('We find ourselves dedicated')));
  assert.ok(his.some((t) => t.startsWith('not just in terms of equipment')));
  assert.ok(his.some((t) => t.startsWith('Once the UN arms embargo')));
  assert.ok(his.includes('defenseless'));
  assert.equal(doc.quotes.find((q) => q.span.text.startsWith('Once'))?.verb, 'add');
  assert.ok(!doc.quotes.some((q) => q.span.text.includes('Sayyad')));
});

test('a speech verb inside an apposition does not attribute the quote', () => {
  assert.deepEqual(said('“I saw the missile hit,” a witness, who asked not to be named, told AFP.'), [
    ['I saw the missile hit,', 'a witness', 'tell'],
  ]);
});

test('a coordinated speech verb shares the first verb’s subject', () => {
  const text = 'Guterres called for “maximum restraint” and warned of “catastrophic consequences” for the region.';
  const ents: E[] = [{ name: 'Antonio Guterres', type: 'PERSON', mentions: ['Guterres'] }];
  assert.deepEqual(said(text, ents), [
    ['maximum restraint', 'Antonio Guterres', 'call for'],
    ['catastrophic consequences', 'Antonio Guterres', 'warn'],
  ]);
});

test('a definite description can be an earlier unnamed speaker', () => {
  const text = 'A senior Iranian official said Tehran was “closely monitoring” events. “We will not stand by,” the official said.';
  assert.deepEqual(
    said(text).map(([, who]) => who),
    ['a senior Iranian official', 'a senior Iranian official'],
  );
});

test('two speakers joined by “and” still attribute the quote', () => {
  assert.deepEqual(said('“We stand together,” Iran and Syria said.'), [['We stand together,', 'Iran and Syria', 'say']]);
});

test('where entity mentions overlap, the longest decides the speaker', () => {
  const ents: E[] = [
    { name: 'Iran', type: 'GPE', country: 'IRN' },
    { name: 'Iran’s Defense Ministry', type: 'ORG', country: 'IRN' },
  ];
  const doc = read('“The test succeeded,” Iran’s Defense Ministry said.', ents);
  assert.deepEqual(doc.quotes[0].speaker, { name: 'Iran’s Defense Ministry', entity: 'e2', role: null, affiliation: 'IRN' });
});

test('a bare quoted name before a verb is not an utterance', () => {
  assert.deepEqual(said('The group, the “Islamic Resistance”, claimed the attack.'), []);
  assert.deepEqual(said('“Fateh-110” missiles were also displayed, the ministry said.'), []);
});

test('end to end through the pipeline: the seed article’s quotations are Qalandari’s', async () => {
  const { annotate } = await import('../../pipeline.js');
  const { Doc } = await import('../../doc.js');
  const text = readFileSync(new URL('examples/seed.txt', PACKAGE_URL), 'utf8');
  const doc = annotate(new Doc(text, { published: '2023-04-05' }));
  const his = doc.quotes.filter((q) => /Qalandari/.test(q.speaker?.name ?? ''));
  for (const start of ['We find ourselves dedicated', 'not just in terms of equipment', 'Once the UN arms embargo'])
    assert.ok(his.some((q) => q.span.text.startsWith(start)), start);
  assert.ok(!doc.quotes.some((q) => q.span.text.includes('Sayyad')));
  // once the entities stage knows him, the speaker is that PERSON entity
  for (const q of his) if (q.speaker?.entity) assert.equal(doc.entity(q.speaker.entity)?.type, 'PERSON');
});

test('“the statement said” speaks for whoever issued the statement', () => {
  const ministry: E = { name: 'Ministry of Foreign Affairs of Ukraine', type: 'ORG', country: 'UKR' };
  const text =
    'The Ministry of Foreign Affairs of Ukraine has issued a statement condemning the shelling, UNNS reports.\n\n' +
    '“Two civilians were killed,” the statement reads.\n\nThe talks stalled. “We call on the IAEA to act,” the statement says.';
  assert.deepEqual(
    said(text, [ministry, { name: 'UNNS', type: 'ORG' }]).map(([, who]) => who),
    ['Ministry of Foreign Affairs of Ukraine', 'Ministry of Foreign Affairs of Ukraine'],
  );
  assert.deepEqual(
    said('The IRGC said in a statement that the strikes were over. According to the statement, the base was used “to plan attacks.”').map(
      ([, who]) => who,
    ),
    ['the IRGC'],
  );
});

test('“X quoted Y as saying” gives the words to Y', () => {
  assert.deepEqual(said('SANA quoted a military source as saying that “the enemy carried out an aggression.”'), [
    ['the enemy carried out an aggression.', 'a military source', 'say'],
  ]);
  assert.deepEqual(said('“The enemy was repelled,” SANA quoted a military source as saying.'), [
    ['The enemy was repelled,', 'a military source', 'quote'],
  ]);
});

test('a time expression or an acronym between speaker and verb is stepped over', () => {
  const text = 'Russian Foreign Ministry spokeswoman Yelena Voronina on Thursday rejected the accusations, calling them “a cynical provocation”.';
  const voronina: E = { name: 'Yelena Voronina', type: 'PERSON' };
  assert.deepEqual(said(text, [voronina], ['Thursday']), [['a cynical provocation', 'Yelena Voronina', 'call']]);
  assert.deepEqual(said('A spokesman for the Sudanese Armed Forces (SAF) said troops had withdrawn “to reposition”.'), [
    ['to reposition', 'a spokesman for the Sudanese Armed Forces', 'say'],
  ]);
});

test('a name after “known as” in an apposition is the speaker', () => {
  const iskp: E = { name: 'Islamic State Khorasan', type: 'ORG', mentions: ['Islamic State Khorasan', 'ISKP'] };
  const text = 'The Islamic State’s Afghan affiliate, known as Islamic State Khorasan (ISKP), claimed the attack, saying it had targeted “Rafidah”, a slur.';
  assert.deepEqual(said(text, [iskp]), [['Rafidah', 'Islamic State Khorasan', 'say']]);
});

test('a lone capitalised word is a name only when it names an entity', () => {
  const hezbollah: E = { name: 'Hezbollah', type: 'ORG' };
  assert.deepEqual(said('Qalandari said Israel feared “Hezbollah” most.', [QALANDARI, hezbollah]), []);
  assert.deepEqual(said('Qalandari said Israel feared “Rafidah” most.', [QALANDARI]), [['Rafidah', 'Hamzeh Qalandari', 'say']]);
});

test('a coordinated speech verb prefers an earlier speech verb’s subject', () => {
  const text = 'She said that the Kiev regime was placing weapons in homes, and accused Western countries of “pumping Ukraine with weapons”.';
  const doc = read(`Yelena Voronina spoke on Thursday. ${text}`, [{ name: 'Yelena Voronina', type: 'PERSON' }]);
  assert.deepEqual(doc.quotes.map((q) => q.speaker?.name), ['Yelena Voronina']);
});

test('a relative pronoun stands for the phrase before it', () => {
  assert.deepEqual(said('Residents carried placards that read “Save our town”.'), [['Save our town', 'placards', 'read']]);
  assert.deepEqual(said('“They were shooting at everybody,” a woman who reached Adré, in Chad, told the observers.'), [
    ['They were shooting at everybody,', 'a woman', 'tell'],
  ]);
});

test('a present tense the tagger reads as a plural noun still attributes (“the ministry claims it …”)', () => {
  assert.deepEqual(said('Russia’s defence ministry claims it carried out a “massive strike” on military sites.'), [
    ['massive strike', 'Russia’s defence ministry', 'claim'],
  ]);
  assert.deepEqual(said('The “security” claims of the regime were false.'), []);
});

test('a description with a stated country is not someone of another country', () => {
  const ents: E[] = [
    { name: 'German', type: 'NORP', country: 'DEU' },
    { name: 'Russia', type: 'GPE', country: 'RUS' },
  ];
  const text = 'The German defence ministry said “more air defence” was coming. Russia’s defence ministry said it had hit “all targets”.';
  assert.deepEqual(
    said(text, ents).map(([, who]) => who),
    ['the German defence ministry', 'Russia’s defence ministry'],
  );
});

test('“the call for” is a noun, not the speech verb “call for”', () => {
  const text = 'The UN spokesman renews the call for a ceasefire, saying a million people fled. “This is the largest displacement,” he says.';
  assert.deepEqual(said(text).map(([, who]) => who), ['the UN spokesman']);
});

test('a pronoun can stand for someone who spoke without quotation marks', () => {
  const ents: E[] = [{ name: 'Amadou Diallo', type: 'PERSON' }];
  const text =
    'Amadou Diallo visited the town. A local official in Douentza, who asked not to be named, said residents had seen helicopters. “People are staying indoors,” he said.';
  assert.deepEqual(said(text, ents).map(([, who]) => who), ['a local official in Douentza']);
});

test('only a mention acting as a subject is a candidate for “it”', () => {
  const ents: E[] = [
    { name: 'Defense Ministry', type: 'ORG' },
    { name: 'Kakhovka', type: 'GPE' },
  ];
  const text = 'The Defense Ministry issued a warning about the Kakhovka reservoir. “We are ready,” it said.';
  assert.deepEqual(said(text, ents).map(([, who]) => who), ['Defense Ministry']);
});

test('of a description and a name in apposition, the name is the speaker', () => {
  assert.deepEqual(
    read('The Commissioner for Information, Alhaji Ibrahim Maru, said guards would deploy “in the coming weeks”.').quotes.map((q) => q.speaker),
    [{ name: 'Alhaji Ibrahim Maru', entity: null, role: 'Commissioner for Information', affiliation: null }],
  );
  const ents: E[] = [{ name: 'Sani Ibrahim', type: 'PERSON' }];
  assert.deepEqual(said('“They took my daughters,” one resident, Sani Ibrahim, told the press.', ents), [
    ['They took my daughters,', 'Sani Ibrahim', 'tell'],
  ]);
});

test('foreign words inside a speaker phrase (“de facto”) keep the phrase whole', () => {
  const text = 'The de facto Ministry of Foreign Affairs rejected the findings of this update, stating that “no one has been detained”.';
  assert.deepEqual(said(text), [['no one has been detained', 'the de facto Ministry of Foreign Affairs', 'state']]);
});

test('a person’s affiliation is the organisation named beside them, before their nationality', () => {
  const ents: E[] = [
    { name: 'UN', type: 'ORG' },
    { name: 'Antonio Guterres', type: 'PERSON', country: 'PRT' },
  ];
  const doc = read('UN Secretary-General Antonio Guterres said, “Restraint is needed.”', ents);
  assert.equal(doc.quotes[0].speaker?.affiliation, 'UN');
  assert.equal(read('“Restraint is needed,” Antonio Guterres said.', ents).quotes[0].speaker?.affiliation, 'PRT');
});
