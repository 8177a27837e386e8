// A report tells one occurrence again paragraphs after it first told it (a toll, a group's claim, a
// detail of where), and tells other occurrences beside it (a round-up, "separately", another weapon):
// the first become one event with the first telling (data/events/restatement.yaml), the others stay
// events of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../pipeline.js';
import { checkDocument, type Document } from '../../contract.js';

function read(text: string, published = '2024-03-06'): Document {
  const doc = extract({ source: 'test', text, published, outlet: 'Test Wire' }, { includeText: true });
  assert.deepEqual(checkDocument(doc), []);
  return doc;
}
const kinds = (d: Document) => d.events.map((e) => e.kind);
// Sentences that tell no event: they put three sentences between a telling and its restatement, beyond
// the window within which drafts merge as they are read.
const between = 'The town lies on the main road to the coast. Traders said the market had reopened by the evening. Many families have returned to their homes.';

test('a toll told paragraphs after a town was retaken is the toll of its fighting', () => {
  const d = read(`Government troops recaptured the town of Bulo Burde from al-Shabaab on Monday after heavy fighting, the army said. ${between} Three soldiers died in the fighting, a local official said.`);
  assert.deepEqual(kinds(d), ['government_regains_territory']);
  assert.equal(d.events[0].fatalities?.total, 3);
  assert.equal(d.events[0].evidence.length, 2);
});

test("a group's claim told later is the attack told first: the group did it, and the lower figure stands", () => {
  const d = read(`A suicide bomber blew himself up at a police station in Baidoa on Friday, killing eight officers, police said. ${between} Al-Shabaab said its fighters had attacked the police and killed 20 officers.`);
  assert.deepEqual(kinds(d), ['suicide_bombing']);
  assert.equal(d.events[0].initiator?.name, 'Al-Shabaab');
  assert.equal(d.events[0].fatalities?.total, 8);
});

test('"the missiles" hitting a district of the city struck is the strike told first; another town is another strike', () => {
  const first = 'Russian forces struck Kharkiv with missiles on Tuesday morning, killing two people, the governor said.';
  const part = read(`${first} ${between} The missiles hit a power plant and a warehouse in the Kholodnohirskyi district of the city, he said.`);
  assert.deepEqual(kinds(part), ['missile_attack']);
  assert.equal(part.events[0].evidence.length, 2);
  const other = read(`${first} ${between} Missiles hit a power plant in Chuhuiv, he said.`);
  assert.deepEqual(kinds(other), ['missile_attack', 'missile_attack']);
});

test('a later telling that adds the day and the village joins the first telling, placed in the region', () => {
  const d = read(`A military air strike on a school in Sagaing Region killed nine children in February, the rights group said. ${between} On 12 February 2024, a military jet dropped a bomb on the school in Shwebo.`);
  assert.deepEqual(kinds(d), ['air_strike']);
  assert.equal(d.places.find((p) => p.id === d.events[0].location?.place)?.name, 'Shwebo');
  assert.equal(d.events[0].time?.start, '2024-02-12');
});

test('"Separately", "in another attack", "also": another occurrence', () => {
  const first = 'A roadside bomb killed four soldiers near Kismayo on Monday, officials said.';
  for (const later of ['Separately, a roadside bomb killed two soldiers, officials said.', 'In another attack, a roadside bomb killed two soldiers, officials said.', 'Militants also detonated a roadside bomb that killed two soldiers, officials said.'])
    assert.deepEqual(kinds(read(`${first} ${between} ${later}`)), ['ied_explosion', 'ied_explosion'], later);
});

test('a round-up of attacks in two towns is two events', () => {
  const d = read(`Gunmen killed five villagers in Zurmi on Sunday, police said. ${between} Gunmen killed three farmers in Anka, police said.`);
  assert.deepEqual(kinds(d), ['attack_on_civilians', 'attack_on_civilians']);
});

test('another weapon is another occurrence: an air strike on a town, then tanks shelling it', () => {
  const d = read(`Israeli warplanes struck Khan Younis on Monday, killing four people, medics said. ${between} Israeli tanks shelled Khan Younis, medics said.`);
  assert.deepEqual(kinds(d), ['air_strike', 'shelling']);
});

test("a period's tally tells many strikes, not the one told first", () => {
  const d = read(`A Russian missile struck a shopping centre in Kramatorsk on Wednesday, killing six people, officials said. ${between} Over the past day, Russian forces struck a fuel depot near Druzhkivka with missiles, the ministry said.`);
  assert.equal(kinds(d).filter((k) => k === 'missile_attack').length, 2);
});

test('"after the rally": a definite occurrence after a preposition of time dates something else, told before', () => {
  const d = read(`Thousands of teachers rallied in Lima on Saturday to demand higher pay. ${between} Union leaders said after the march that they would meet the minister in Cusco next week.`);
  assert.equal(d.events.filter((e) => e.kind === 'protest').length, 1, JSON.stringify(d.events.map((e) => [e.kind, e.mode])));
  // told first, it is an occurrence of its own
  assert.ok(kinds(read('Police in Lima arrested two teachers after the march on Monday.')).includes('protest'));
});

test('"a proposal for a truce" names a truce not yet agreed', () => {
  const d = read('Rebel negotiators will travel to Doha on Friday to discuss a proposal for a 30-day truce with Qatari mediators.');
  assert.ok(!kinds(d).includes('agreement'), JSON.stringify(kinds(d)));
  // agreed, it is told
  assert.ok(kinds(read('The rebels and the army agreed to a 30-day truce in Doha on Friday.')).includes('agreement'));
});

test('talks named under another noun ("support for the peace talks") are the talks told before', () => {
  const first = "Sudan's army and the RSF held peace talks in Jeddah on Monday.";
  for (const later of ['Qatar pledged on Wednesday its full support for the peace talks.', "Ethiopia's foreign minister on Wednesday praised the progress of the peace talks."]) {
    const d = read(`${first} ${between} ${later}`);
    assert.equal(d.events.filter((e) => e.kind === 'consultation').length, 1, JSON.stringify(d.events.map((e) => [e.kind, e.evidence[0].text])));
  }
  // the next round is talks of their own
  const d = read(`${first} ${between} Kenya will host the next round of the peace talks, its foreign minister said on Wednesday.`);
  assert.equal(d.events.filter((e) => e.kind === 'consultation').length, 2);
});
