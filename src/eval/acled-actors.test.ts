import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAcledActor, sameActor } from './acled-actors.js';
import type { Actor } from '../contract.js';

const actor = (name: string, country: string | null, kind: Actor['kind']): Actor => ({ name, country, kind, entity: null });

test('ACLED names say the side and the country', () => {
  assert.deepEqual(parseAcledActor('Military Forces of Sudan (2019-)'), { name: 'Military Forces of Sudan (2019-)', side: 'state', country: 'SDN' });
  assert.equal(parseAcledActor('Police Forces of Kenya (2013-) Prison Guards').country, 'KEN');
  assert.equal(parseAcledActor('Government of Mali (2021-)').side, 'state');
  assert.deepEqual(parseAcledActor('Protesters (Chile)'), { name: 'Protesters (Chile)', side: 'civilians', country: 'CHL' });
  assert.equal(parseAcledActor('Civilians (Myanmar)').side, 'civilians');
  assert.deepEqual(parseAcledActor('Unidentified Armed Group (Nigeria)'), { name: 'Unidentified Armed Group (Nigeria)', side: 'unnamed_armed', country: 'NGA' });
  assert.equal(parseAcledActor('Fulani Ethnic Militia (Mali)').side, 'unnamed_armed');
  assert.equal(parseAcledActor('Militia (Pro-Government)').side, 'unnamed_armed');
  assert.deepEqual(parseAcledActor('Al Shabaab'), { name: 'Al Shabaab', side: 'named', country: null });
  assert.equal(parseAcledActor('Islamic State (Iraq)').country, 'IRQ');
  assert.equal(parseAcledActor('Unidentified Military Forces').country, null);
});

test('state forces match a state, military or government actor of their country', () => {
  assert.ok(sameActor('Military Forces of Sudan (2019-)', actor('Sudanese army', 'SDN', 'military')));
  assert.ok(sameActor('Police Forces of Sudan (2019-)', actor('Government of Sudan', 'SDN', 'government')));
  assert.ok(!sameActor('Military Forces of Sudan (2019-)', actor('Chadian army', 'TCD', 'military')));
  assert.ok(!sameActor('Military Forces of Sudan (2019-)', actor('Protesters (Sudan)', 'SDN', 'civilians')));
  assert.ok(!sameActor('Military Forces of Sudan (2019-)', null));
  // No country named: any state's forces.
  assert.ok(sameActor('Unidentified Military Forces', actor('unidentified warplanes', 'LBY', 'military')));
});

test('protesters and civilians match unarmed people of their country or of none stated', () => {
  assert.ok(sameActor('Protesters (Chile)', actor('Protesters (Chile)', 'CHL', 'civilians')));
  assert.ok(sameActor('Civilians (Chile)', actor('residents', null, 'civilians')));
  assert.ok(!sameActor('Protesters (Chile)', actor('Protesters (Peru)', 'PER', 'civilians')));
  assert.ok(!sameActor('Protesters (Chile)', actor('Chile', 'CHL', 'state')));
});

test('an unidentified armed group matches unnamed gunmen; a named group needs a shared distinctive word', () => {
  assert.ok(sameActor('Unidentified Armed Group (Nigeria)', actor('gunmen', null, 'armed_group')));
  assert.ok(sameActor('Unidentified Armed Group (Nigeria)', actor('assailants', 'NGA', 'unknown')));
  assert.ok(!sameActor('Unidentified Armed Group (Nigeria)', actor('Nigerian army', 'NGA', 'military')));
  assert.ok(sameActor('Islamic State (Iraq)', actor('Islamic State', null, 'armed_group')));
  assert.ok(sameActor('JNIM: Group for Support of Islam and Muslims', actor('JNIM', 'MLI', 'armed_group')));
  // Generic words and country names are not enough.
  assert.ok(!sameActor('Islamic State (Iraq)', actor('Islamic Jihad', null, 'armed_group')));
  assert.ok(!sameActor('NDF: National Defence Forces', actor('Syrian Democratic Forces', 'SYR', 'armed_group')));
});

test('known names: an operation or a de facto authority coded under another name', () => {
  assert.ok(sameActor('Military Forces of Yemen (2016-) Supreme Political Council', actor('Houthis', 'YEM', 'armed_group')));
  assert.ok(!sameActor('Military Forces of Yemen (2016-) Supreme Political Council', actor('Yemeni army', 'YEM', 'military')));
  assert.ok(sameActor('Operation Restoring Hope', actor('the Saudi-led coalition', null, 'military')));
  assert.ok(sameActor('Operation Restoring Hope', actor('Saudi warplanes', 'SAU', 'military')));
  assert.ok(!sameActor('Operation Restoring Hope', actor('Houthis', 'YEM', 'armed_group')));
  // a unit coded under the state's forces is that unit by its own name
  assert.ok(sameActor('Military Forces of Iraq (2018-) Popular Mobilization Forces', actor('Popular Mobilization Forces', 'IRQ', 'armed_group')));
  assert.ok(!sameActor('Military Forces of Iraq (2018-)', actor('Popular Mobilization Forces', 'IRQ', 'armed_group')));
});
