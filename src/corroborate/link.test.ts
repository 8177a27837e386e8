import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupIncidents, incidentIdOf, linkIncidents } from './link.js';
import { AT, ev } from './testing.js';
import type { CorroborationEvent } from './event.js';

const members = (events: CorroborationEvent[]) => groupIncidents(events).map((i) => i.events.map((e) => e.id));

test('three reports of one strike are one incident; the same town a week later is another', () => {
  const events = [
    ev('reuters:e1'),
    ev('sana:e1', { outlet: 'SANA', ...AT.damascusAirport }),
    ev('mehr:e3', { outlet: 'Mehr News Agency', kind: 'missile_attack', date: '2023-04-05', dateEnd: '2023-04-05' }),
    ev('ap:e1', { outlet: 'AP', date: '2023-04-11', dateEnd: '2023-04-11', published: '2023-04-11' }),
  ];
  assert.deepEqual(members(events).sort(), [['ap:e1'], ['mehr:e3', 'reuters:e1', 'sana:e1']]);
});

test('an unlinked event is an incident of its own', () => {
  const m = linkIncidents([ev('a:e1'), ev('b:e1', AT.homs)]);
  assert.notEqual(m.get('a:e1'), m.get('b:e1'));
  assert.equal(m.size, 2);
});

test('no chaining: a vague "strikes in Syria" report cannot join a Damascus strike and a Homs strike', () => {
  const vague = ev('b:e1', { ...AT.syria }); // matches both (country-level, same day, same initiator)
  const groups = members([ev('a:e1'), vague, ev('c:e1', AT.homs)]);
  assert.equal(groups.length, 2);
  assert.ok(!groups.some((g) => g.includes('a:e1') && g.includes('c:e1')));
});

test('the strongest link wins: a vague report joins the incident it agrees with most', () => {
  // b (country-level, same day, Israel) could join a (Damascus, Israel on Syria: target agrees too)
  // or c (Homs, unknown target): a and c conflict, and b goes with a, whatever the ids' order.
  const groups = members([ev('z:e1'), ev('b:e1', { ...AT.syria }), ev('a:e1', { ...AT.homs, target: null })]);
  assert.deepEqual(groups.sort(), [['a:e1'], ['b:e1', 'z:e1']]);
});

test('two events of one article may share an incident through a third report', () => {
  // Mehr: the missile attack and its interception; Reuters: the strike. One incident.
  const attack = ev('mehr:e6', { kind: 'missile_attack' });
  const interception = ev('mehr:e7', { kind: 'interception', initiator: { country: 'SYR', name: 'Syrian air defences', kind: 'military' }, target: null });
  assert.deepEqual(members([attack, interception, ev('reuters:e1')]), [['mehr:e6', 'mehr:e7', 'reuters:e1']]);
});

test('the incident id comes from the smallest member id', () => {
  const m = linkIncidents([ev('b:e1'), ev('a:e1')]);
  assert.equal(m.get('b:e1'), incidentIdOf(['a:e1']));
  assert.match(incidentIdOf(['a:e1']), /^inc-[0-9a-f]{12}$/);
});

test('adding a later report keeps the incident id; the order of input never matters', () => {
  const base = [ev('a:e1'), ev('b:e1', { outlet: 'SANA' }), ev('c:e1', AT.homs), ev('d:e1', { ...AT.syria }), ev('e:e1', { ...AT.homs, outlet: 'AFP' })];
  const first = linkIncidents(base);
  const more = linkIncidents([...base, ev('z:e1', { outlet: 'AP' })]);
  assert.equal(more.get('z:e1'), first.get('a:e1'));
  for (const id of first.keys()) assert.equal(more.get(id), first.get(id));

  // A seeded shuffle: the same partition and ids whatever the order.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const expected = [...first.entries()].sort();
  for (let k = 0; k < 20; k++) {
    const shuffled = [...base].sort(() => rand() - 0.5);
    assert.deepEqual([...linkIncidents(shuffled).entries()].sort(), expected);
  }
});

test('an event id given twice is an error', () => {
  assert.throws(() => linkIncidents([ev('a:e1'), ev('a:e1')]), /appears twice/);
});

test('a chain of reports on consecutive days is cut, not linked end to end', () => {
  const many = Array.from({ length: 2000 }, (_, i) => {
    const day = new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return ev(`a${String(i).padStart(4, '0')}:e1`, { date: day, dateEnd: day, published: day });
  });
  const m = linkIncidents(many);
  // Consecutive days are within ±1 day of each other, but the chain is cut: an incident holds at most two days.
  const sizes = new Map<string, number>();
  for (const inc of m.values()) sizes.set(inc, (sizes.get(inc) ?? 0) + 1);
  assert.ok(Math.max(...sizes.values()) <= 2);
});

test('a clash and an attack on civilians reported of one village join, in whatever order they come', () => {
  const clash = { kind: 'armed_clash', family: 'battle' };
  const massacre = { kind: 'attack_on_civilians', family: 'civilian_targeting' };
  const events = [ev('a:e1', clash), ev('b:e1', massacre), ev('c:e1'), ev('d:e1', { ...clash, ...AT.homs })];
  const expected = [['a:e1', 'b:e1', 'c:e1'], ['d:e1']];
  assert.deepEqual(members(events).sort(), expected);
  assert.deepEqual(members([...events].reverse()).sort(), expected);
});
