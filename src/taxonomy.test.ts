import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kinds, kind, acledFor, ploverFor, ploverCodeFor, familyOf, PLOVER_EVENTS } from './taxonomy.js';

// ACLED's 25 sub-event types, by event type (ACLED Codebook).
const ACLED: Record<string, string[]> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
};

// PLOVER modes: the values in the v0.5 gold-standard records plus the PLOVER manual's mode tables.
const PLOVER_MODES: Record<string, string[]> = {
  FIGHT: ['firearms', 'heavy-weapons', 'explosives', 'assassinate', 'other'],
  ASSAULT: ['abduct', 'beat', 'torture', 'execute', 'sexual', 'assassinate', 'primitive', 'firearms', 'explosives', 'suicide-attack', 'heavy-weapons'],
  PROTEST: ['demo', 'demo-org', 'demo-spon', 'riot', 'riot-spon', 'strike-gen', 'strike-lim', 'strike-hun', 'boycott', 'obstruct'],
  COERCE: ['confiscate', 'destroy', 'restrict', 'ban', 'censor', 'curfew', 'martial-law', 'arrest', 'detain', 'deport'],
  MOBILIZE: ['troops', 'weapons', 'police'],
  AID: ['economic', 'military', 'humanitarian', 'asylum'],
  RETREAT: ['withdraw', 'release', 'return', 'disarm', 'ceasefire', 'access', 'resign'],
  THREATEN: ['restrict', 'ban', 'arrest', 'relations', 'political', 'expel', 'territory', 'violence'],
  CONSULT: ['visit', 'host', 'third-party', 'multilateral', 'phone'],
};

test('there are exactly 25 ACLED sub-event types in the list above', () => {
  assert.equal(Object.values(ACLED).flat().length, 25);
});

test("every one of ACLED's 25 sub-event types is reachable from some kind", () => {
  const reached = new Set(kinds().map((k) => (k.acled ? `${k.acled.event_type} / ${k.acled.sub_event_type}` : '')));
  for (const [type, subs] of Object.entries(ACLED))
    for (const sub of subs) assert.ok(reached.has(`${type} / ${sub}`), `${type} / ${sub} has no kind`);
});

test("every ACLED code used is one of ACLED's own pairs", () => {
  for (const k of kinds()) if (k.acled) assert.ok(ACLED[k.acled.event_type]?.includes(k.acled.sub_event_type), k.name);
});

test('every kind has a label and a one-sentence description', () => {
  for (const k of kinds()) {
    assert.ok(k.label.length > 2, k.name);
    assert.match(k.description, /^[A-Z].+\.$/, k.name);
    assert.equal(k.description.split(/\.\s/).length, 1, `${k.name}: one sentence`);
  }
});

test('PLOVER event names and modes come from the allowed set', () => {
  const events = new Set<string>(PLOVER_EVENTS);
  for (const k of kinds()) {
    if (!k.plover) continue;
    assert.ok(events.has(k.plover.event), `${k.name}: ${k.plover.event}`);
    if (k.plover.mode) assert.ok(PLOVER_MODES[k.plover.event]?.includes(k.plover.mode), `${k.name}: ${k.plover.mode}`);
  }
});

test('the kinds fixed in notes/kinds.md are all present', () => {
  const names = [
    'armed_clash', 'government_regains_territory', 'nonstate_overtakes_territory', 'chemical_attack', 'air_strike',
    'drone_strike', 'suicide_bombing', 'shelling', 'missile_attack', 'ied_explosion', 'grenade_attack', 'sexual_violence',
    'attack_on_civilians', 'abduction', 'protest', 'protest_with_intervention', 'excessive_force_against_protesters',
    'violent_demonstration', 'mob_violence', 'agreement', 'arrest', 'change_to_group', 'interception', 'base_established',
    'looting', 'territory_transfer', 'other_development', 'weapons_test', 'arms_transfer', 'military_aid', 'statement',
    'threat', 'accusation', 'denial', 'appeal', 'sanction', 'consultation', 'cooperation', 'reconciliation',
  ];
  assert.deepEqual(kinds().map((k) => k.name).sort(), [...names].sort());
});

test('look-ups return the codes the event stage writes into the contract', () => {
  assert.deepEqual(acledFor('missile_attack'), {
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Shelling/artillery/missile attack',
  });
  assert.equal(ploverFor('missile_attack'), 'FIGHT');
  assert.equal(acledFor('statement'), null);
  assert.equal(ploverFor('statement'), null);
  assert.equal(ploverFor('accusation'), 'DISAPPROVE');
  assert.deepEqual(ploverCodeFor('chemical_attack'), { event: 'FIGHT', mode: null, context: 'cbrn' });
  // both of ACLED's riots are PLOVER's violent protest: PLOVER does not ask whether a demonstration was told
  assert.deepEqual(ploverCodeFor('mob_violence'), ploverCodeFor('violent_demonstration'));
  assert.equal(kind('no_such_kind'), undefined);
  assert.throws(() => acledFor('no_such_kind'), /unknown event kind/);
});

test('a strike and its interception share a family, so reports of one incident can be linked', () => {
  assert.equal(familyOf('missile_attack'), familyOf('interception'));
  assert.equal(familyOf('air_strike'), familyOf('drone_strike'));
  assert.equal(familyOf('protest'), familyOf('violent_demonstration'));
  assert.notEqual(familyOf('air_strike'), familyOf('statement'));
});

test('violent marks the use of force, not its interception or words', () => {
  assert.equal(kind('air_strike')!.violent, true);
  assert.equal(kind('interception')!.violent, false);
  assert.equal(kind('threat')!.violent, false);
  assert.equal(kind('excessive_force_against_protesters')!.violent, true);
});

test('loading is cached: the same objects come back', () => {
  assert.equal(kind('air_strike'), kind('air_strike'));
});
