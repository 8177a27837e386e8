// The advisory locks a PostgreSQL write takes for linking: few per article (PostgreSQL's shared lock
// table holds max_locks_per_transaction × connections, 6,400 by default, for every writer at once),
// and shared by any two events that may be one incident. No server needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockKeys, lockKeyOf } from './writes.js';
import { probeKeys, registerKeys } from '../link-plan.js';
import { ev, AT } from '../../corroborate/testing.js';
import { familyOf } from '../../taxonomy.js';

test('an event takes a few dozen locks, not one per blocking key', () => {
  const e = ev('a:e1', { ...AT.damascus });
  const keys = new Set([...probeKeys(e), ...registerKeys(e)]);
  const locks = new Set(blockKeys(e));
  assert.ok(keys.size > 100, `${keys.size} blocking keys`);
  assert.ok(locks.size <= 40, `${locks.size} locks`);
});

test('two events that may link share a lock: whatever an event probes, the other registered under it', () => {
  const strike = ev('a:e1', { ...AT.damascus });
  for (const other of [ev('b:e1', { ...AT.damascusAirport }), ev('b:e1', { ...AT.rifDimashq }), ev('b:e1', { ...AT.damascus, kind: 'armed_clash', family: familyOf('armed_clash') })]) {
    const shared = probeKeys(strike).filter((k) => registerKeys(other).includes(k));
    assert.ok(shared.length > 0);
    const mine = new Set(blockKeys(strike));
    assert.ok(registerKeys(other).map(lockKeyOf).some((k) => mine.has(k)));
  }
});
