import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc.js';
import { tokens } from '../tokens/index.js';
import { modeBefore, governedMode } from './modes.js';

function mode(text: string, trigger: string) {
  const d = new Doc(text);
  tokens.run(d);
  return modeBefore(d, 0, d.tokens.findIndex((t) => t.text === trigger));
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

test('threats and denials govern the events in their complement', () => {
  assert.equal(governedMode('threat'), 'threatened');
  assert.equal(governedMode('denial'), 'negated');
  assert.equal(governedMode('air_strike'), null);
});

test('attacks to be prevented are not actual attacks', () => {
  assert.equal(mode('Iran helps Syria enhance its air defenses and ward off aerial attacks.', 'attacks'), 'hypothetical');
  assert.equal(mode('The aid is meant to deter strikes on the port.', 'strikes'), 'hypothetical');
});
