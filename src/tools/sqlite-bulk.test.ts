import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../store/sqlite/store.js';
import type { Filter, StoredEvent } from '../store/types.js';
import { bulkLoad } from './sqlite-bulk.js';
import { loadArticles } from './load-corpus.js';

/** An event as far as linking does not decide it (its incident does). */
const unlinked = ({ incidentId: _i, corroboration: _c, grade: _g, ...rest }: StoredEvent) => rest;

test('a bulk-loaded store answers as one built by the store’s writes, and passes its checks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bulk-'));
  try {
    const written = new SqliteStore(join(dir, 'written.db'));
    const gen = loadArticles(300);
    for (let doc = gen.next(), i = 0; doc; doc = gen.next(), i++) written.putArticleSync(doc, { source: `generated #${i}` });
    await written.flush();
    const n = bulkLoad(join(dir, 'bulk.db'), loadArticles(300).next, { batch: 7 });
    assert.throws(() => bulkLoad(join(dir, 'bulk.db'), loadArticles(10).next), /exists/);
    const bulk = new SqliteStore(join(dir, 'bulk.db'));
    assert.deepEqual(bulk.checkSync(), []);
    const [ws, bs] = [await written.stats(), await bulk.stats()];
    assert.equal(bs.events, n);
    assert.ok(n >= 300);
    assert.deepEqual({ ...bs, incidents: 0 }, { ...ws, incidents: 0 });

    const filters: Filter[] = [
      {}, { country: 'UA' }, { country: 'SYR' }, { kind: 'air_strike' }, { kind: 'battle' }, { from: '2022-01-01', to: '2022-12-31' },
      { country: 'PS', from: '2023-01-01' }, { q: 'hospital' }, { q: 'convoy', country: 'YE' }, { actor: 'RUS' }, { actor: 'Houthis' },
      { bbox: [34, 29, 37, 34] }, { limit: 7 }, { limit: 5, country: 'SY' },
    ];
    for (const f of filters) {
      const [a, b] = [written.eventsSync(f), bulk.eventsSync(f)];
      assert.ok(a.items.length > 0, JSON.stringify(f));
      assert.deepEqual(b.items.map(unlinked), a.items.map(unlinked), JSON.stringify(f));
      assert.equal(b.cursor, a.cursor, JSON.stringify(f));
      if (a.cursor) assert.deepEqual(bulk.eventsSync({ ...f, cursor: b.cursor! }).items.map(unlinked), written.eventsSync({ ...f, cursor: a.cursor }).items.map(unlinked));
    }

    // Incidents the writes left with one member (nearly all here) are the bulk load's, row for row:
    // the same id, summary, link summary and blocking keys.
    const rows = (s: SqliteStore, sql: string, ...p: unknown[]) => s.db.prepare(sql).all(...p) as Record<string, unknown>[];
    const solo = rows(written, 'SELECT id FROM incidents WHERE events = 1 ORDER BY id').map((r) => r.id as number);
    assert.ok(solo.length > 0.9 * ws.incidents);
    const cols = 'id, family, kind, date_start, date_end, day_start, day_end, country2, country3, location, admin1, lat, lon, events, articles, outlets, corroboration, grade, fatalities, summary, link, merged_into, dirty';
    for (const id of solo) {
      assert.deepEqual(rows(bulk, `SELECT ${cols} FROM incidents WHERE id = ?`, id), rows(written, `SELECT ${cols} FROM incidents WHERE id = ?`, id));
      assert.deepEqual(rows(bulk, 'SELECT key FROM incident_blocks WHERE incident_id = ? ORDER BY key', id), rows(written, 'SELECT key FROM incident_blocks WHERE incident_id = ? ORDER BY key', id));
    }
    // Article text search (revisions_fts, rebuilt after the load) finds the same articles.
    const byText = (s: SqliteStore) => rows(s, "SELECT rowid FROM revisions_fts WHERE revisions_fts MATCH 'generated AND report' ORDER BY rowid").length;
    assert.equal(byText(bulk), byText(written));
    // A bulk-loaded store takes the store's own writes afterwards, linking against what was loaded.
    const more = loadArticles(Infinity, 10_000);
    const put = bulk.putArticleSync(more.next()!, { source: 'after' });
    assert.equal(put.status, 'new');
    await bulk.flush();
    assert.deepEqual(bulk.checkSync(), []);
    await written.close();
    await bulk.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
