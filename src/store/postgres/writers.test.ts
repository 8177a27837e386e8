// Concurrent writers on one PostgreSQL store, as src/store/sqlite/writers.test.ts checks for
// SQLite: two `sitrep ingest` runs into one new store at once both exit 0, every article stored
// once, none half-written. Skipped, with the reason, when no server answers at SITREP_TEST_PG.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { twoIngests } from '../../tools/concurrent-writers.js';
import { pgDescribe, tempSchema } from './testing.js';

await pgDescribe('PostgreSQL store with two writers', () => {
  it('two `sitrep ingest` runs into one new store at once: both exit 0, every article stored once', { timeout: 300_000 }, async () => {
    const t = tempSchema();
    try {
      const r = await twoIngests(40, 23, 1, t.url);
      assert.deepEqual(r.problems, []);
    } finally {
      await t.cleanup();
    }
  });
});
