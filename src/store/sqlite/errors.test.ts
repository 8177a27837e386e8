// The store's faults as the user reads them: the store's path, a plain cause and what to do;
// never SQLite's raw message, and nothing left behind by a store that could not be created.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStoreError, StoreError } from '../errors.js';
import { makeDoc, DAMASCUS } from '../testing.js';
import { storeErrorOf } from './errors.js';
import { SqliteStore } from './store.js';

const doc = (n: number) =>
  makeDoc({
    url: `https://errors.example/${n}`,
    outlet: 'Example News',
    published: '2024-03-05T08:00:00Z',
    lead: `Report ${n}. ${'Residents described the damage to the market and the roads around it. '.repeat(40)}`,
    events: [{ kind: 'air_strike', sentence: `Warplanes struck a depot in Damascus on Monday, killing ${n + 2} people.`, place: DAMASCUS }],
  });

function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-errors-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

describe('SQLite store errors', () => {
  it('a full disk is "disk_full", named by its path and in plain words, and stops nothing committed', () =>
    withDir(async (dir) => {
      const path = join(dir, 'full.db');
      const s = new SqliteStore(path);
      await s.putArticle(doc(0), { source: 'first' });
      // The file may not grow past its size now: as on a full disk, SQLite answers SQLITE_FULL.
      const pages = s.db.pragma('page_count', { simple: true }) as number;
      s.db.pragma(`max_page_count = ${pages}`);
      let err: unknown;
      for (let n = 1; n < 200 && !err; n++) await s.putArticle(doc(n), { source: `n${n}` }).catch((e) => (err = e));
      assert.ok(isStoreError(err, 'disk_full'), String(err));
      const e = err as StoreError;
      assert.equal(e.message, `${path}: the disk is full: free some space and run the command again (everything committed before is kept)`);
      assert.doesNotMatch(e.message, /SQLITE_|database or disk/);
      assert.ok(e.fatal);
      s.db.pragma('max_page_count = 1073741823');
      assert.ok((await s.stats()).articles >= 1);
      await s.close();
    }));

  it('a store that cannot be created says where and why, and leaves no file behind', () =>
    withDir(async (dir) => {
      const path = join(dir, 'no-such-folder', 'x.db');
      assert.throws(
        () => new SqliteStore(path),
        (e: unknown) => isStoreError(e, 'unavailable') && (e as Error).message === `${path}: cannot be opened: there is no folder ${join(dir, 'no-such-folder')}`,
      );
      // A file that is not a database: "corrupt", pointing at doctor; it is not the store's to delete.
      const bad = join(dir, 'notes.db');
      writeFileSync(bad, 'these are my notes, not a database\n'.repeat(200));
      assert.throws(() => new SqliteStore(bad), (e: unknown) => isStoreError(e, 'corrupt') && /not a sitrep database.*sitrep doctor --db/.test((e as Error).message));
      assert.deepEqual(readdirSync(dir).sort(), ['notes.db']);
    }));

  it('reading leaves no -wal or -shm file behind', () =>
    withDir(async (dir) => {
      const path = join(dir, 'r.db');
      const w = new SqliteStore(path);
      await w.putArticle(doc(1), { source: 'one' });
      await w.close();
      const r = new SqliteStore(path, { readonly: true });
      assert.equal((await r.stats()).articles, 1);
      await assert.rejects(r.putArticle(doc(2), { source: 'two' }), (e: unknown) => isStoreError(e, 'read_only'));
      await r.close();
      assert.deepEqual(readdirSync(dir), ['r.db']);
      assert.ok(!existsSync(`${path}-wal`));
    }));

  it('maps by result code, keeping SQLite\'s own message only as the cause', () => {
    const raw = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT_INDEX' });
    const e = storeErrorOf(raw, 'corpus.db') as StoreError;
    assert.equal(e.code, 'corrupt');
    assert.equal(e.message, 'corpus.db: the database file is damaged; run `sitrep doctor --db corpus.db`');
    assert.equal(e.cause, raw);
    const other = new Error('not from SQLite');
    assert.equal(storeErrorOf(other, 'corpus.db'), other);
  });
});
