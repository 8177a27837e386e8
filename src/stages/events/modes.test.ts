import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc.js';
import { tokens } from '../tokens/index.js';
import { modeBefore, governedMode } from './modes.js';
import { extract } from '../../pipeline.js';

/** The mode of the trigger word; with `pattern`, of a pattern match spanning the words it names. */
function mode(text: string, trigger: string, pattern?: string[]) {
  const d = new Doc(text);
  tokens.run(d);
  const t = d.tokens.findIndex((x) => x.text === trigger);
  if (!pattern) return modeBefore(d, 0, t);
  const own = pattern.map((w) => d.tokens.findIndex((x, i) => i >= t && x.text === w));
  return modeBefore(d, 0, t, Math.max(...own) + 1, own);
}

test('negation, future and condition before a trigger', () => {
  assert.equal(mode('Israel did not strike the base.', 'strike'), 'negated');
  assert.equal(mode('Russia will deliver the missiles next month.', 'deliver'), 'future');
  assert.equal(mode('The army will not shell the town.', 'shell'), 'negated');
  assert.equal(mode('Iran could retaliate against the base.', 'retaliate'), 'hypothetical');
  assert.equal(mode('If Israel strikes again, the response will be swift.', 'strikes'), 'hypothetical');
  assert.equal(mode('Israeli jets struck the base.', 'struck'), 'actual');
});

test('a cue outside the trigger\'s clause does not count', () => {
  assert.equal(mode('Officials would not comment, but jets struck the depot.', 'struck'), 'actual');
});

test('a month is never a modal: datelines and dates', () => {
  assert.equal(mode('KHARKIV, May 7 - Russian drones struck an energy facility overnight.', 'struck'), 'actual');
  assert.equal(mode('In May rebels attacked the garrison twice.', 'attacked'), 'actual');
  assert.equal(mode('On 3 May militants shelled the airport.', 'shelled'), 'actual');
  // the modal itself still counts
  assert.equal(mode('Rebels may attack the garrison again.', 'attack'), 'hypothetical');
});

test('"may", "might", "could", "can" make an event hypothetical only as modals governing its trigger', () => {
  assert.equal(mode('The militia might have carried out the bombing.', 'bombing'), 'hypothetical');
  assert.equal(mode('Russia could launch more drones at the ports.', 'drones'), 'hypothetical');
  // what a weapon can do is a capability, not a use of it
  assert.equal(mode('The new drone can carry four guided bombs.', 'bombs'), 'hypothetical');
  // the modal governs another verb: "could not be confirmed" says nothing of whether jets struck
  assert.equal(mode('It could not be confirmed whether the raid took place; jets struck the depot.', 'struck'), 'actual');
  assert.equal(mode('The army could not confirm the attack on the convoy.', 'attack'), 'actual');
  // a noun "will" is no future
  assert.equal(mode('Against the will of the residents, troops stormed the camp.', 'stormed'), 'actual');
});

test('"would": future in reported speech, a condition otherwise', () => {
  assert.equal(mode('The army said its troops would retake the town within hours.', 'retake'), 'future');
  assert.equal(mode('Tehran would strike the base within minutes.', 'strike'), 'hypothetical');
  assert.equal(mode('If attacked, Tehran would strike back at once.', 'strike'), 'hypothetical');
  assert.equal(mode('Analysts said the group would have attacked the convoy without the warning.', 'attacked'), 'hypothetical');
});

test('negation is scoped to the trigger\'s clause and phrase', () => {
  assert.equal(mode('The air force did not carry out any strikes on the city.', 'strikes'), 'negated');
  assert.equal(mode('No air strikes hit the city overnight.', 'strikes'), 'negated');
  assert.equal(mode('No one was arrested after the rally.', 'arrested'), 'negated');
  assert.equal(mode('The militia failed to capture the bridge.', 'capture'), 'negated');
  // a zero count is no negated attack: the shelling happened
  assert.equal(mode('No casualties were reported after the shelling.', 'shelling'), 'actual');
  assert.equal(mode('No one was killed when rockets hit the depot.', 'hit'), 'actual');
  // not reporting, not commenting on an event does not negate it
  assert.equal(mode('The police did not comment on the arrests.', 'arrests'), 'actual');
  assert.equal(mode('Officials could not confirm the attack on the convoy.', 'attack'), 'actual');
});

test('a denied report of no particular event tells of none', () => {
  assert.equal(mode('The governor did not mention any shelling of the villages.', 'shelling'), 'negated');
  assert.equal(mode('Monitors have not recorded a single air strike in the province.', 'air'), 'negated');
  assert.equal(mode('The spokesman did not comment on any raids.', 'raids'), 'negated');
});

test('"no" reaches through a noun of telling and "of"', () => {
  assert.equal(mode('There were no reports of clashes in the capital.', 'clashes'), 'negated');
  assert.equal(mode('Witnesses saw no sign of fighting near the dam.', 'fighting'), 'negated');
  assert.equal(mode('No reports reached the capital after the bombing.', 'bombing'), 'actual');
});

test('future and purpose cues reach the verb phrase they govern', () => {
  assert.equal(mode('The envoy is expected to arrive in Amman on Monday for talks.', 'talks'), 'future');
  assert.equal(mode('The rebels are preparing to stage an offensive on the city.', 'offensive'), 'future');
  // "due to" as a cause is no future
  assert.equal(mode('The road was closed due to the shelling.', 'shelling'), 'actual');
});

test('phrase cues reach only the phrase after them', () => {
  assert.equal(mode('Officials warned of possible attacks on the pipeline.', 'attacks'), 'hypothetical');
  assert.equal(mode('The quick response made it possible to repel the assault.', 'repel'), 'actual');
});

test('a cue a pattern names is part of the trigger', () => {
  // "will not go unpunished" is itself a threat pattern: its "not" negates nothing
  assert.equal(mode('Any aggression will not go unpunished.', 'will', ['will', 'not', 'go', 'unpunished']), 'actual');
  // a cue inside a pattern's span reaches its verb ("troops * kill")
  assert.equal(mode('Troops could kill the militants.', 'Troops', ['Troops', 'kill']), 'hypothetical');
});

test('threats and denials govern the events in their complement', () => {
  assert.equal(governedMode('threat'), 'threatened');
  assert.equal(governedMode('denial'), 'negated');
  assert.equal(governedMode('air_strike'), null);
});

test('attacks to be prevented are not actual attacks', () => {
  assert.equal(mode('Iran helps Syria enhance its air defenses and ward off aerial attacks.', 'attacks'), 'hypothetical');
  assert.equal(mode('The aid is meant to deter strikes on the port.', 'strikes'), 'hypothetical');
});

test('a month in any casing or position is never a modal', () => {
  assert.equal(mode('SUMY, MAY 7 – Russian drones struck an energy facility.', 'struck'), 'actual');
  assert.equal(mode('SUMY, May 7 (Reuters) – Russian drones struck an energy facility.', 'struck'), 'actual');
  assert.equal(mode('Since May rebels have attacked the garrison twice.', 'attacked'), 'actual');
  assert.equal(mode('By mid-May rebels attacked the garrison twice.', 'attacked'), 'actual');
});

test('a modal governs its own verb, not a trigger outside its clause', () => {
  // "may" governs "number", inside the relative clause
  assert.equal(mode('Rebels, who may number 300, attacked the garrison.', 'attacked'), 'actual');
  assert.equal(mode('The strike, which may have killed 10, hit the market.', 'hit'), 'actual');
  // … and the trigger when it governs it, past adverbs and "have"
  assert.equal(mode('The rebels may well attack the garrison.', 'attack'), 'hypothetical');
  assert.equal(mode('Jets could have struck the depot.', 'struck'), 'hypothetical');
});

test('violence in the infinitive is aimed at, unless the word before "to" says it was done or tried', () => {
  const modes = (text: string) => extract({ source: 'test', text, published: '2024-03-06' }).events.filter((e) => e.kind === 'attack_on_civilians' || e.kind === 'abduction').map((e) => e.mode);
  assert.deepEqual(modes('Two mercenaries came to Bogota on Monday to assassinate the judge.'), ['hypothetical']);
  assert.deepEqual(modes('On Monday the cartel ordered its cells in Medellin to kidnap businessmen.'), ['hypothetical']);
  assert.deepEqual(modes('On Monday gunmen in Cali tried to kidnap a rancher.'), ['actual']);
  assert.deepEqual(modes('On Monday the gunmen in Cali went on to kill the driver.'), ['actual']);
  // not for what is not violence: "intervened to disperse" tells how a protest was met
  const demo = extract({ source: 'test', text: 'Police in Quito intervened on Monday to disperse the protesters.', published: '2024-03-06' }).events;
  assert.ok(demo.some((e) => e.mode === 'actual'), JSON.stringify(demo.map((e) => [e.kind, e.mode])));
});

test('a claim nobody made is no event; a denial someone made is', () => {
  const kinds = (text: string) => extract({ source: 'test', text, published: '2022-05-02', outlet: 'Test Wire' }).events.map((e) => `${e.kind}/${e.mode}`);
  const silent = kinds('A car bomb exploded outside a police station in Kirkuk on Sunday, wounding three officers. No group has claimed responsibility for the blast.');
  assert.ok(silent.includes('ied_explosion/actual'), JSON.stringify(silent));
  assert.ok(!silent.some((k) => k.endsWith('/negated')), JSON.stringify(silent));
  // the speaker who did not claim it is someone: that negation stays
  const named = kinds('The Islamic State said on Sunday that it had not claimed the bombing in Kirkuk.');
  assert.ok(named.some((k) => k.endsWith('/negated') || k.startsWith('denial')), JSON.stringify(named));
});

const kindsOf = (text: string) => extract({ source: 'test', text, published: '2024-03-06' }).events.map((e) => `${e.kind}/${e.mode}`);

test('a denial of an act the report tells as the denier\'s is a denial, not the act told again negated', () => {
  const told = 'Army shells hit the central market in Kafr Nabl on Monday, killing three people, residents said.';
  assert.deepEqual(kindsOf(`${told} The army denied that its forces had shelled the market.`), ['shelling/actual', 'denial/actual']);
  // (said in other words: "had not carried out any attack")
  const raid = 'Rebels attacked a police post in Saravena on Sunday, wounding two officers.';
  assert.deepEqual(kindsOf(`${raid} The rebel command said on Monday that its fighters had not attacked the police post.`), ['armed_clash/actual', 'denial/actual']);
});

test('a denial that is the only account of what it denies tells that act, negated; one no one was said to have done stays negated', () => {
  assert.deepEqual(kindsOf('The defence minister denied on Tuesday that the government had sent armed drones to the rebels in the north.'), ['arms_transfer/negated']);
  const unclaimed = 'Shells hit the central market in Kafr Nabl on Monday, killing three people, residents said. The air force said its aircraft had not carried out any strikes in Kafr Nabl.';
  assert.deepEqual(kindsOf(unclaimed), ['attack_on_civilians/actual', 'air_strike/negated']);
});

test("a warning of what the speaker's own side could do is that act, in its mode; of what another side could do, a statement", () => {
  assert.deepEqual(kindsOf("Iran's defence minister warned on Monday that Iranian missiles could hit the bases if the attacks continued."), ['missile_attack/hypothetical']);
  assert.deepEqual(kindsOf("Ukraine's air force warned on Monday that Russia could launch more drones at the ports in the coming days."), ['statement/actual']);
});
