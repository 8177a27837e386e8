import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mucTypes, typeSources } from './eval-muc4.js';

const ev = (kind: string, text: string) => ({ kind, evidence: [{ text }] });

test('a looting is MUC-4 arson when the property was burned, robbery when it was taken, not both', () => {
  assert.deepEqual(mucTypes(ev('looting', 'Guerrillas burned down the town hall of San Miguel on Tuesday.')), ['arson']);
  assert.deepEqual(mucTypes(ev('looting', 'Armed men looted two pharmacies in the market on Tuesday.')), ['robbery']);
  assert.deepEqual(mucTypes(ev('looting', 'The rebels ransacked the cooperative and then set it ablaze.')), ['arson', 'robbery']);
  // demolition is neither
  assert.deepEqual(mucTypes(ev('looting', 'Soldiers demolished three houses in the village on Tuesday.')), []);
  // a crowd that burned property committed arson; one that hurt people, an attack
  assert.deepEqual(mucTypes(ev('mob_violence', 'Villagers set fire to the police post in Chalatenango.')), ['arson']);
  assert.deepEqual(mucTypes(ev('mob_violence', 'A mob beat two suspected thieves to death in the market.')), ['attack']);
  // kinds under one type keep it whatever the sentence says
  assert.deepEqual(mucTypes(ev('abduction', 'Gunmen kidnapped a judge on Tuesday.')), ['kidnapping']);
});

test('the error listing names, for each MUC-4 type, the occurred events that report it', () => {
  const e = (kind: string, mode: string, text: string) => ({ kind, mode, evidence: [{ text }] });
  const clash = e('armed_clash', 'actual', 'Troops fought rebels near Usulutan on Monday.');
  const bomb = e('ied_explosion', 'actual', 'A bomb exploded at the bank in Lima.');
  const planned = e('abduction', 'future', 'The group will kidnap judges.');
  const src = typeSources([clash, bomb, planned, e('arrest', 'actual', 'Police arrested two men.')]);
  assert.deepEqual([...src.keys()].sort(), ['attack', 'bombing']);
  assert.deepEqual(src.get('attack'), [clash]);
  assert.deepEqual(src.get('bombing'), [bomb]);
});
