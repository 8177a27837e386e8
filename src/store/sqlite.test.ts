// The store suite on SQLite, plus what only SQLite has: migrations and the file on disk.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storeSuite } from './store-suite.js';
import { SqliteStore, ftsQuery, migrate } from './sqlite.js';
import { MIGRATIONS } from './migrations.js';
import { makeDoc, DAMASCUS } from './testing.js';

function tempDb(): { path: string; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
  return { path: join(dir, 'test.db'), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

storeSuite('SQLite', async () => {
  const t = tempDb();
  return { store: new SqliteStore(t.path), cleanup: t.cleanup };
});

describe('SQLite store', () => {
  it('applies each migration once and records it', async () => {
    const t = tempDb();
    try {
      const s = new SqliteStore(t.path);
      await s.close();
      const db = new Database(t.path);
      assert.deepEqual(migrate(db), [], 'nothing left to apply on a second open');
      const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
      assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      db.close();
    } finally {
      await t.cleanup();
    }
  });

  it('upgrades a version 1 database, moving event documents out and placing events for linking', async () => {
    const t = tempDb();
    try {
      const db = new Database(t.path);
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      db.exec(MIGRATIONS[0].sql);
      db.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', 'x')").run();
      db.exec(`INSERT INTO articles (id, key, created_at, current_revision) VALUES (1, 'k', 'x', 1);
        INSERT INTO revisions (id, article_id, n, text_hash, text, document, ingested_at) VALUES (1, 1, 1, 'h', 't', '{}', 'x');`);
      const ins = db.prepare(`INSERT INTO events (id, revision_id, article_id, local_id, kind, time_precision, mode, historical, confidence, json, corr)
        VALUES (?, 1, 1, ?, 'air_strike', 'day', 'actual', 0, 0.8, ?, ?)`);
      const json = JSON.stringify({ event: { id: 'ev1', kind: 'air_strike' }, place: null });
      ins.run(1, 'ev1', json, JSON.stringify({ lat: 33.5, lon: 36.3, precision: 'city', country: 'SY' }));
      ins.run(2, 'ev2', json, JSON.stringify({ lat: 35, lon: 38, precision: 'country', country: 'SY' }));
      ins.run(3, 'ev3', json, JSON.stringify({ country: 'SY' }));
      ins.run(4, 'ev4', json, JSON.stringify({}));
      ins.run(5, 'ev5', json, null);
      db.close();
      const s = new SqliteStore(t.path);
      const rows = s.db.prepare('SELECT e.geo_class, d.json FROM events e JOIN event_docs d ON d.id = e.id ORDER BY e.id').all() as { geo_class: number | null; json: string }[];
      assert.deepEqual(rows.map((r) => r.geo_class), [3, 1, 1, 0, null]);
      assert.equal(rows[0].json, json);
      assert.equal((await s.getEvent(1))?.event.kind, 'air_strike');
      await s.close();
    } finally {
      await t.cleanup();
    }
  });

  it('refuses a database from a newer sitrep', async () => {
    const t = tempDb();
    try {
      await new SqliteStore(t.path).close();
      const db = new Database(t.path);
      db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x')").run();
      db.close();
      assert.throws(() => new SqliteStore(t.path), /schema version 999/);
    } finally {
      await t.cleanup();
    }
  });

  it('keeps what was committed when the process dies between articles (WAL, one transaction each)', async () => {
    const t = tempDb();
    try {
      const s = new SqliteStore(t.path);
      s.putArticleSync(makeDoc({ url: 'https://x.example/1', events: [{ kind: 'air_strike', sentence: 'Jets hit Damascus.', place: DAMASCUS, date: '2024-01-01' }] }), { source: 'a' });
      // No close: another connection sees the committed article, and the file is sound.
      const other = new SqliteStore(t.path, { readonly: true });
      assert.equal((await other.stats()).articles, 1);
      assert.equal(other.integrityCheck(), 'ok');
      await other.close();
      await s.close();
    } finally {
      await t.cleanup();
    }
  });

  it('turns what a user types into a safe full-text query', () => {
    assert.equal(ftsQuery('air strike'), '"air" "strike"');
    assert.equal(ftsQuery('"air strike" damas*'), '"air strike" "damas"*');
    assert.equal(ftsQuery('NOT ( OR'), '"NOT" "OR"');
    assert.equal(ftsQuery(' ,; '), null);
  });
});
