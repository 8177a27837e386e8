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
