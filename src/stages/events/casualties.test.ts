import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc.js';
import { annotate, STAGES } from '../../pipeline.js';
import { casualtiesIn, casualtyMentions, combine } from './casualties.js';

// The layers casualty counts read: tokens, and entities for nationalities and names.
const LAYERS = STAGES.filter((s) => s.name !== 'events');

function doc(text: string) {
  return annotate(new Doc(text), LAYERS);
}

function read(text: string) {
  const d = doc(text);
  return casualtiesIn(d, 0, d.tokens.length);
}

/** [killed, injured] totals, null where none is stated. */
function kv(text: string): [number | null, number | null] {
  const c = read(text);
  return [c.fatalities?.total ?? null, c.injuries?.total ?? null];
}

/** Counts of a whole report, each sentence read alone and all combined as one event's. */
function report(text: string) {
  const d = doc(text);
  return combine(d, d.sentences.flatMap((s) => casualtyMentions(d, s.first, s.last)));
}

test('"killed two civilians": two civilian deaths', () => {
  const c = read('The incident killed two civilians and inflicted some material damage.');
  assert.deepEqual([c.fatalities?.total, c.fatalities?.civilians, c.fatalities?.military], [2, 2, null]);
  assert.equal(c.injuries, null);
});

test('"three soldiers were wounded": military injuries, no deaths', () => {
  const c = read('Three soldiers were wounded in the clashes.');
  assert.equal(c.fatalities, null);
  assert.deepEqual([c.injuries?.total, c.injuries?.military], [3, 3]);
});

test('"people" count toward the total only', () => {
  const c = read('At least 12 people were killed when the market was shelled.');
  assert.deepEqual([c.fatalities?.total, c.fatalities?.civilians], [12, null]);
});

test('only people are counted: tonnes, vehicles, houses, rockets are not casualties', () => {
  assert.deepEqual(kv('The strike set fire to a depot, destroying about 40,000 tonnes of wheat.'), [null, null]);
  assert.deepEqual(kv('The raid killed 300 head of cattle and destroyed 12 houses.'), [null, null]);
  assert.deepEqual(kv('Militants fired 20 rockets, killing four.'), [4, null]);
  assert.deepEqual(kv('The drones, 15 of them shot down, killed nobody.'), [0, null]);
  assert.deepEqual(kv('The missile has a range of 300 kilometers.'), [null, null]);
  // a noun known as neither a person nor a unit counts nothing either
  assert.deepEqual(kv('The flood killed 200 sheep.'), [null, null]);
});

test('money is no count of people: a currency after the figure or its sign before it', () => {
  assert.deepEqual(kv('The blasts caused 45 million pesos in damage and left 9 people injured.'), [null, 9]);
  assert.deepEqual(kv('The fire did $3 million in damage and two guards were hurt.'), [null, 2]);
  assert.deepEqual(kv('Losses reached 800,000 dinars; one shopkeeper was killed.'), [1, null]);
});

test('a person is read from the noun: nationalities, "-men", ages', () => {
  assert.deepEqual(kv('Three Afghans were killed at the border crossing.'), [3, null]);
  assert.deepEqual(kv('Clashes left four tribesmen dead.'), [4, null]);
  assert.deepEqual(kv('A 12-year-old was wounded by the blast.'), [null, 1]);
});

test('killed and injured stay apart: "Five people were killed and 18 injured" is never 23 killed', () => {
  assert.deepEqual(kv('Officials said nine people were killed and 14 injured in the blast.'), [9, 14]);
  assert.deepEqual(kv('A car bomb exploded in the square, killing 5 and injuring 11.'), [5, 11]);
  assert.deepEqual(kv('The rocket hit a bus, killing two and wounding three.'), [2, 3]);
  assert.deepEqual(kv('Five were killed and 12 were hospitalised.'), [5, 12]);
  assert.deepEqual(kv('Two guards were killed and four others wounded.'), [2, 4]);
  assert.deepEqual(kv('A roadside bomb hit the truck, killing one elder and wounding three others.'), [1, 3]);
});

test('coordinated counts under one verb add up, by status', () => {
  const c = read('The strike killed four soldiers and three civilians.');
  assert.deepEqual([c.fatalities?.total, c.fatalities?.military, c.fatalities?.civilians], [7, 4, 3]);
  const d = read('Two policemen and a civilian were killed at the checkpoint.');
  assert.deepEqual([d.fatalities?.total, d.fatalities?.military, d.fatalities?.civilians], [3, 2, 1]);
  assert.deepEqual(kv('Shrapnel wounded a farmer and his two sons.'), [null, 3]);
  assert.deepEqual(kv('Six people were killed in the north and three in the south.'), [9, null]);
  assert.equal(read('Four soldiers and two members of a civilian defence militia were killed when their vehicle struck a bomb.').fatalities?.total, 6);
});

test('"including" names a part, not more people', () => {
  const c = read('The shelling killed 10 people, including 4 children.');
  assert.deepEqual([c.fatalities?.total, c.fatalities?.civilians], [10, 4]);
  const d = read('Gunmen killed nine villagers, including two women and three children.');
  assert.deepEqual([d.fatalities?.total, d.fatalities?.civilians], [9, 9]);
  const e = read('Three other Syrians, including a teenage boy, were killed in the exchange of fire.');
  assert.deepEqual([e.fatalities?.total, e.fatalities?.civilians], [3, 1]);
  // a part closed by a comma: what follows "and" is more people
  assert.equal(read('The raid killed 12 fighters, including two commanders, and a bystander.').fatalities?.total, 13);
});

test('a list after a comma that sums to the count before it is its breakdown', () => {
  assert.equal(read('Eleven villagers were killed, six from one family and five from another.').fatalities?.total, 11);
  // not a breakdown: the counts add up to something else
  assert.equal(read('The attack killed two soldiers, a policeman and a driver.').fatalities?.total, 4);
});

test('bounds and ranges take the most conservative figure', () => {
  assert.deepEqual(kv('More than 40 people were injured.'), [null, 40]);
  assert.deepEqual(kv('Between 8 and 20 migrants drowned when the boat capsized.'), [8, null]);
  assert.deepEqual(kv('The strike killed 10 to 15 fighters.'), [10, null]);
  assert.deepEqual(kv('Rescuers said 30-35 people died.'), [30, null]);
  assert.deepEqual(kv('The bombing killed some 20 worshippers.'), [20, null]);
  assert.deepEqual(kv('Up to 7 civilians may have died, a monitor said.'), [7, null]);
});

test('numbers as words', () => {
  assert.deepEqual(kv('Twenty-three soldiers were killed and a dozen wounded.'), [23, 12]);
  assert.deepEqual(kv('The explosion killed two hundred people.'), [200, null]);
});

test('vague quantities: no stated total; `coded` follows ACLED (several 10, dozens 12, hundreds 100)', () => {
  const c = read('The raid killed several villagers.');
  assert.deepEqual([c.fatalities?.total, c.fatalities?.coded], [null, 10]);
  assert.equal(read('Dozens of fighters were killed in the offensive.').fatalities?.coded, 12);
  assert.equal(read('Hundreds of people were injured in the stampede.').injuries?.coded, 100);
  assert.equal(read('The army said it killed a number of insurgents.').fatalities?.coded, 10);
  const d = read('Recent strikes have killed several civilians as well as two Iranian military advisers.');
  assert.deepEqual([d.fatalities?.total, d.fatalities?.coded, d.fatalities?.civilians, d.fatalities?.military], [2, 12, null, 2]);
  // a figure after a vague word is the figure
  assert.deepEqual([read('Soldiers killed a group of 6 smugglers.').fatalities?.total], [6]);
  // deaths reported with no quantity at all
  const e = read('The two sides exchanged fire, with fatalities on both sides.');
  assert.deepEqual([e.fatalities?.total, e.fatalities?.coded], [null, 10]);
  // "killing and injuring": one vague figure for both
  const f = read('Troops repelled the assault, killing and injuring several attackers.');
  assert.deepEqual([f.fatalities?.coded, f.injuries?.coded], [10, 10]);
});

test('"killed N, including M children" is N, never N+M; parts never exceed the whole', () => {
  const c = read('Soldiers executed at least 56 civilians, including 12 children, in the village.');
  assert.deepEqual([c.fatalities?.total, c.fatalities?.civilians], [56, 56]);
});

test('no casualties: zero, not no count', () => {
  assert.deepEqual(kv('No casualties were reported.'), [0, 0]);
  assert.deepEqual(kv('The shell landed in a field without causing any injuries.'), [0, 0]);
  assert.deepEqual(kv('There were no reports of deaths.'), [0, null]);
  assert.deepEqual(kv('Nobody was killed, the mayor said.'), [0, null]);
  assert.deepEqual(kv('The rocket caused only material damage.'), [0, 0]);
  // not a zero: figures withheld
  assert.deepEqual(kv('The army gave no figures, without giving casualty numbers.'), [null, null]);
  // no civilians hurt says nothing of the others
  const c = read('The command said no civilians were injured or killed.');
  assert.deepEqual([c.fatalities?.total, c.fatalities?.civilians, c.injuries?.civilians], [null, 0, 0]);
});

test('one person: "a", "one of", a name, "the driver", "him"', () => {
  assert.equal(read('A soldier was killed in the ambush.').fatalities?.military, 1);
  assert.equal(read('Militants shot dead a police officer at the gate.').fatalities?.total, 1);
  assert.equal(read('The blast killed one of the guards.').fatalities?.total, 1);
  assert.equal(read('Karim Haddad, a local journalist, was killed in the strike.').fatalities?.total, 1);
  assert.equal(read('A bomb under the car exploded, killing a district official and his driver.').fatalities?.total, 2);
  assert.equal(read('Snipers opened fire on a farmer, killing him.').fatalities?.total, 1);
  assert.equal(read('The attack resulted in the death of the commander of the unit.').fatalities?.total, 1);
  // the subject of another verb is no victim
  assert.equal(read('The commander said five soldiers were killed.').fatalities?.total, 5);
  assert.equal(read('Five gunmen killed three soldiers.').fatalities?.total, 3);
});

test('bodies are dead, whatever the verb', () => {
  assert.equal(read('Police said seven bodies had been recovered.').fatalities?.total, 7);
  assert.equal(read('The bodies of three shepherds were found near the river.').fatalities?.civilians, 3);
  assert.equal(read('The body of a soldier with gunshot wounds was dumped on the road.').fatalities?.military, 1);
});

test('"fatally wounded", "shot dead", "beaten to death" are deaths', () => {
  assert.deepEqual(kv('Two gendarmes were fatally wounded in the ambush.'), [2, null]);
  assert.deepEqual(kv('A protester was shot dead and two were beaten to death.'), [3, null]);
});

test('the death toll, and a toll that rose', () => {
  assert.equal(read("The death toll from Monday's strike rose to 12.").fatalities?.total, 12);
  assert.equal(read('The toll now stands at 9.').fatalities?.total, 9);
  const c = report('Missiles hit the city, killing three civilians and wounding 20. Later the death toll rose to five, with 26 injured, after two of the wounded died.');
  assert.deepEqual([c.fatalities?.total, c.injuries?.total], [5, 26]);
  // a live blog puts the revision first
  assert.equal(report('14:00 — Death toll rises to four. 09:00 — Two people were killed in the shelling.').fatalities?.total, 4);
});

test('repeated figures are not summed; alternative figures give the lowest', () => {
  assert.equal(report('Bandits kill 9 in raid on village. Bandits killed nine people in a raid on the village on Sunday, police said.').fatalities?.total, 9);
  assert.equal(report('Residents said 15 people were killed. Police said they had recovered 11 bodies.').fatalities?.total, 11);
  assert.equal(read('At least 6 people died; local sources said up to 20 people were killed.').fatalities?.total, 6);
  assert.equal(read('The ministry said four people were killed, while the militia said 30 died.').fatalities?.total, 4);
});

test('separate reports of other people add up', () => {
  assert.equal(report('Two soldiers were killed in the ambush. A civilian also died in the crossfire.').fatalities?.total, 3);
  assert.equal(report('Four people died in the attack. A fifth victim later died of his wounds.').fatalities?.total, 5);
  assert.equal(read('Three guards were killed by gunfire and two were killed by a mine.').fatalities?.total, 5);
  // other status, no cue: soldiers and civilians are different people
  assert.equal(report('Five soldiers were killed. Two civilians were killed.').fatalities?.total, 7);
});

test('a running total is no event\'s toll', () => {
  assert.equal(read('The war has since killed more than 500,000 people.').fatalities, null);
  assert.equal(read('During the same period, 40 civilians have been killed in the province.').fatalities, null);
  assert.equal(read('Six people were killed on Monday, the deadliest day since the truce.').fatalities?.total, 6);
});

test('dates, times and years are not counts', () => {
  assert.equal(read('He was killed in 2020 in a raid.').fatalities, null);
  assert.equal(read('An Israeli drone strike on 18 April killed two members of an armed group.').fatalities?.total, 2);
  assert.equal(read('The bomb went off at 10:30, killing 4.').fatalities?.total, 4);
});

test('evidence is an exact slice of the text', () => {
  const text = 'Nonetheless, the incident killed two civilians.';
  const d = doc(text);
  const c = casualtiesIn(d, 0, d.tokens.length);
  assert.equal(text.slice(c.fatalities!.evidence.start, c.fatalities!.evidence.end), c.fatalities!.evidence.text);
  assert.equal(c.fatalities!.evidence.text, 'killed two civilians');
});

test('a death named as the object of another act is no toll of this event', () => {
  assert.equal(read('Students marched against the killing of a teacher last month.').fatalities, null);
  assert.equal(read('Mourners lit candles to honour a driver who died in the riots.').fatalities, null);
  assert.equal(read('The raid, in retaliation for the killing of two soldiers, killed five militants.').fatalities?.total, 5);
});

test('two casualty words of one form share their count; of two forms, each keeps its own', () => {
  const c = read('The militia withdrew after having killed and injured a number of guards.');
  assert.deepEqual([c.fatalities?.coded, c.injuries?.coded], [10, 10]);
  assert.deepEqual(kv('The bomb left him dead and injuring four bystanders.'), [1, 4]);
});

test('"killed them": as many as the people last counted', () => {
  assert.equal(report('Gunmen seized 4 engineers at the site. They later killed them and left their bodies on the road.').fatalities?.total, 4);
  assert.equal(read('Police cornered three suspects in a house and shot them dead.').fatalities?.total, 3);
  assert.equal(read('Police cornered three suspects in a house and killed them.').fatalities?.total, 3);
});

test('the casualty word as the second of two verbs: "was shot and killed", "were ambushed and wounded"', () => {
  assert.deepEqual(kv('One fighter was shot and killed by snipers near the river.'), [1, null]);
  assert.deepEqual(kv('Two soldiers were ambushed and wounded on the road.'), [null, 2]);
  // Right after the count, the two verbs are the count's own acts: the gunmen killed, they did not die.
  assert.deepEqual(kv('Five gunmen attacked and killed three soldiers.'), [3, null]);
});

test('"between 2 to 4", as notes written in haste say it: the lower figure', () => {
  assert.deepEqual(kv('Gunmen opened fire on a patrol, killing between 2 to 4 fighters.'), [2, null]);
});
