// The store suite on SQLite, plus what only SQLite has: migrations and the file on disk.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storeSuite } from '../store-suite.js';
import { SqliteStore } from './store.js';
import { ftsQuery } from './filters.js';
import { Reads } from './queries.js';
import { MIGRATIONS, migrate } from './migrations.js';
import { makeDoc, ALEPPO, DAMASCUS, KHARKIV } from '../testing.js';

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

  it('upgrades a store linked before blocking keys: its incidents get their keys and summaries, and a new report joins them', async () => {
    const t = tempDb();
    try {
      const report = (n: number, sentence: string) =>
        makeDoc({ url: `https://old.example/${n}`, outlet: `Outlet ${n}`, events: [{ kind: 'air_strike', sentence, place: DAMASCUS, date: '2024-03-04', initiator: { name: 'Israeli jets', country: 'ISR' } }] });
      const s = new SqliteStore(t.path);
      await s.putArticle(report(1, 'Israeli jets struck Damascus on Monday.'), { source: '1' });
      await s.putArticle(report(2, 'Israeli warplanes hit a building in Damascus on Monday.'), { source: '2' });
      await s.close();
      // As version 7 left it: no keys, no summaries, the event indexes linking read.
      const db = new Database(t.path);
      db.exec(`DROP TABLE incident_blocks; ALTER TABLE incidents DROP COLUMN link; DELETE FROM schema_migrations WHERE version = 8;
        CREATE INDEX events_link ON events(family, day_lo); CREATE INDEX events_link_long ON events(family, day_hi); CREATE INDEX events_link_vlong ON events(family, day_hi);`);
      db.close();
      const again = new SqliteStore(t.path);
      const live = again.db.prepare('SELECT id, link FROM incidents WHERE merged_into IS NULL AND events > 0').all() as { id: number; link: string }[];
      assert.equal(live.length, 1);
      assert.equal(JSON.parse(live[0].link).n, 2);
      assert.ok((again.db.prepare('SELECT count(*) FROM incident_blocks WHERE incident_id = ?').pluck().get(live[0].id) as number) > 0);
      const third = await again.putArticle(report(3, 'Jets of the Israeli air force bombed Damascus on Monday.'), { source: '3' });
      assert.equal((await again.getIncident(third.incidentIds[0]))!.members.length, 3);
      await again.close();
    } finally {
      await t.cleanup();
    }
  });

  it('stores each event once: a revision document without its events, read back whole, older documents as they were', async () => {
    const t = tempDb();
    try {
      const s = new SqliteStore(t.path);
      const doc = makeDoc({ url: 'https://x.example/1', events: [{ kind: 'air_strike', sentence: 'Jets hit Damascus.', place: DAMASCUS, date: '2024-01-01' }] });
      const r = s.putArticleSync(doc, { source: 'a' });
      const stored = s.db.prepare('SELECT document FROM revisions WHERE id = ?').get(r.revisionId) as { document: string };
      assert.deepEqual(JSON.parse(stored.document).events, []);
      assert.deepEqual((await s.getArticle(r.articleId))?.document.events, doc.events);
      // A document written before schema v4 carries its events: they are what is read.
      const older = { ...JSON.parse(stored.document), events: [{ ...doc.events[0], id: 'ev9' }] };
      s.db.prepare('UPDATE revisions SET document = ? WHERE id = ?').run(JSON.stringify(older), r.revisionId);
      assert.deepEqual((await s.getArticle(r.articleId))?.document.events.map((e) => e.id), ['ev9']);
      // What no query read is gone.
      const names = (s.db.prepare('SELECT name FROM sqlite_master').all() as { name: string }[]).map((x) => x.name);
      for (const gone of ['entities_name', 'claims_claimant', 'places_geonameid']) assert.ok(!names.includes(gone), gone);
      // Article text stays searchable (FTS5), as the corpus promises.
      assert.ok(names.includes('revisions_fts'));
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

  it('answers a filter alike whichever way it reads it: a set of matches, or a check on each row walked', async () => {
    // Small pages make the store walk and check (many matches for the page size); one large page
    // makes it read the matches as a set. Both must list the same events and incidents, in order.
    const t = tempDb();
    try {
      const s = new SqliteStore(t.path);
      const places = [DAMASCUS, ALEPPO, KHARKIV];
      for (let i = 0; i < 20; i++) {
        const day = new Date(Date.UTC(2024, 0, 1 + i * 2)).toISOString().slice(0, 10);
        const events = [
          { kind: 'air_strike', sentence: `Israeli jets struck a depot in ${places[i % 3].name} (raid ${i}).`, place: places[i % 3], date: day, initiator: { name: 'Israeli jets', country: 'ISR' } },
          { kind: 'shelling', sentence: `Army guns shelled a village near ${places[i % 3].name} (salvo ${i}).`, place: places[i % 3], date: day, initiator: { name: 'the army', country: 'SYR' } },
        ];
        s.putArticleSync(makeDoc({ url: `https://x.example/${i}`, outlet: `Outlet ${i}`, published: day, events }), { source: String(i) });
      }
      const walk = async (list: (c: string | null) => Promise<{ ids: number[]; cursor: string | null }>) => {
        const ids: number[] = [];
        let cursor: string | null = null;
        do {
          const page = await list(cursor);
          ids.push(...page.ids);
          cursor = page.cursor;
        } while (cursor);
        return ids;
      };
      const filters = [{ q: 'a' }, { q: 'jets' }, { q: 'village' }, { actor: 'ISR' }, { actor: 'army' }, { kind: 'air_strike' }, { q: 'depot', country: 'SY' }];
      for (const f of filters) {
        const events = async (limit: number) => walk(async (cursor) => ((p) => ({ ids: p.items.map((e) => e.id), cursor: p.cursor }))(await s.events({ ...f, limit, cursor })));
        const incidents = async (limit: number) => walk(async (cursor) => ((p) => ({ ids: p.items.map((e) => e.id), cursor: p.cursor }))(await s.incidents({ ...f, limit, cursor })));
        const all = await events(1000);
        assert.ok(all.length >= 4, JSON.stringify(f));
        assert.deepEqual(await events(1), all, `events ${JSON.stringify(f)}`);
        assert.deepEqual(await incidents(1), await incidents(1000), `incidents ${JSON.stringify(f)}`);
      }
      await s.close();
    } finally {
      await t.cleanup();
    }
  });

  it('estimates a text match from a sample of the events on a large store, close to its count', async () => {
    const t = tempDb();
    try {
      const s = new SqliteStore(t.path);
      for (let i = 0; i < 60; i++) {
        const events = [0, 1, 2, 3].map((k) => ({ kind: 'air_strike', sentence: `Jets struck a ${(i + k) % 4 === 0 ? 'depot' : 'bridge'} near Aleppo (raid ${i}-${k}).`, place: ALEPPO }));
        s.putArticleSync(makeDoc({ url: `https://x.example/${i}`, published: '2024-01-02', events }), { source: String(i) });
      }
      const sql = (text: string, raw?: boolean) => s.db.prepare(text).raw(raw ?? false);
      const exact = new Reads(sql).counter();
      const sampled = new Reads(sql, 120).counter();
      for (const [m, want] of [['"depot"', 60], ['"bridge"', 180], ['"jets"', 240], ['"nowhere"', 0]] as const) {
        assert.equal(exact.ftsMatches(m, 1000), want);
        const n = sampled.ftsMatches(m, 1000);
        assert.ok(Math.abs(n - want) <= 0.4 * want, `${m}: ${n} estimated, ${want} match`);
      }
      assert.equal(sampled.ftsMatches('"jets"', 100), 100, 'capped');
      await s.close();
    } finally {
      await t.cleanup();
    }
  });

  it('turns what a user types into a safe full-text query', () => {
    assert.equal(ftsQuery('air strike'), '"air" AND "strike"');
    assert.equal(ftsQuery('"air strike" damas*'), '"air strike" AND "damas"*');
    // Operators it does not support are refused, not read as words (../query/search.test.ts).
    assert.throws(() => ftsQuery('NOT ( OR'), /NOT is not supported/);
    assert.throws(() => ftsQuery(' ,; '), /no words/);
  });
});
