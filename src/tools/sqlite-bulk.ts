// Documents written straight into a fresh SQLite store's tables, many articles per transaction,
// with the store's own statements (../store/sqlite/writes.ts SQL) and the ids and solo incidents a
// bulk load makes (../store/bulk.ts, as ./pg-bulk.ts does for PostgreSQL); secondary indexes, the
// R*Tree and the text indexes built after the load, each in one pass. For the load test's million
// events, which the store's own writes (one article per transaction, linked) take over an hour to
// make. No linking: each linkable event is an incident of its own, with the summary prepared for it.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Document } from '../contract.js';
import { BulkIds } from '../store/bulk.js';
import { prepareArticle } from '../store/prepare.js';
import { migrate } from '../store/sqlite/migrations.js';
import { eventParams, soloParams, SQL } from '../store/sqlite/writes.js';

/**
 * Writes the documents `next()` gives (until it returns null) into a new store at path, `batch`
 * articles per transaction; returns the number of events written. The file must not exist: a bulk
 * load stops at nothing half-way, and a store it did not finish is no store.
 */
export function bulkLoad(path: string, next: () => Document | null, opts: { batch?: number; progress?: (events: number) => void } = {}): number {
  if (existsSync(path)) throw new Error(`${path} exists: a bulk load makes a new store`);
  const db = new Database(path);
  try {
    // Nothing to roll back to: a load that fails leaves a file to delete, not a store.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    // Event ids are hashes (../store/ids.ts): rows land all over the tables; a cache that holds them saves re-reading pages.
    db.pragma('cache_size = -2000000');
    db.pragma('temp_store = MEMORY');
    migrate(db);
    const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
    for (const x of indexes) db.exec(`DROP INDEX "${x.name}"`);
    // events_fts keeps no content: its text waits here, and goes in in rowid order (FTS5 writes a
    // segment whenever a rowid comes lower than the one before, which hashed ids always do).
    db.exec('CREATE TEMP TABLE bulk_fts (id INTEGER PRIMARY KEY, evidence TEXT, actors TEXT, place TEXT)');
    const p = (sql: string) => db.prepare(sql);
    const s = {
      article: p(SQL.addArticle),
      current: p('UPDATE articles SET current_revision = ? WHERE id = ?'),
      url: p('INSERT INTO article_urls (url, article_id) VALUES (?, ?)'),
      revision: p(SQL.addRevision),
      entity: p(SQL.addEntity),
      place: p(SQL.addPlace),
      incident: p(SQL.newSolo),
      link: p('UPDATE incidents SET link = ? WHERE id = ?'),
      block: p(SQL.addBlock),
      event: p(SQL.addEvent),
      doc: p(SQL.addEventDoc),
      claim: p(SQL.addClaim),
      fts: p('INSERT INTO temp.bulk_fts (id, evidence, actors, place) VALUES (?, ?, ?, ?)'),
    };
    const ids = new BulkIds();
    const now = new Date().toISOString();
    let [articles, events] = [0, 0];
    for (let done = false; !done; ) {
      db.transaction(() => {
        for (let k = 0; k < (opts.batch ?? 500); k++) {
          const doc = next();
          if (!doc) {
            done = true;
            return;
          }
          const a = ids.article(prepareArticle(doc));
          const pa = a.p.article;
          s.article.run(a.id, a.key, a.url, pa.outlet, pa.title, pa.published, pa.language, pa.license, now);
          if (a.canon) s.url.run(a.canon, a.id);
          const revisionId = Number(s.revision.run(a.id, 1, a.p.textHash, `generated #${articles++}`, pa.title, a.p.text, a.p.document, now).lastInsertRowid);
          if (revisionId !== a.revisionId) throw new Error(`revision ${revisionId} where ${a.revisionId} was expected`);
          s.current.run(revisionId, a.id);
          for (const e of a.p.entities) s.entity.run({ revisionId, ...e });
          for (const pl of a.p.places) s.place.run({ revisionId, ...pl });
          for (const { id, e, corr, incident } of a.events) {
            if (incident) {
              s.incident.run(soloParams(incident.id, incident.columns, incident.summary, now));
              s.link.run(incident.link, incident.id);
              for (const key of incident.keys) s.block.run(key, incident.id);
            }
            s.event.run(eventParams(id, revisionId, a.id, e, incident?.id ?? null));
            s.doc.run(id, e.json, corr);
            e.claims.forEach((c, n) => s.claim.run({ eventId: id, n, ...c }));
            s.fts.run(id, e.row.fts.evidence, e.row.fts.actors, e.row.fts.place);
            events++;
          }
        }
      })();
      opts.progress?.(events);
    }
    db.transaction(() => {
      for (const x of indexes) db.exec(x.sql);
      // As the store's writes add them (./writes.ts insertEvent): events placed at a point.
      db.exec('INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) SELECT id, lon, lon, lat, lat FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL');
      db.exec('INSERT INTO events_fts (rowid, evidence, actors, place) SELECT id, evidence, actors, place FROM temp.bulk_fts ORDER BY id');
      db.exec("INSERT INTO revisions_fts (revisions_fts) VALUES ('rebuild')");
    })();
    db.exec('DROP TABLE temp.bulk_fts');
    db.exec('ANALYZE');
    db.pragma('journal_mode = WAL');
    return events;
  } finally {
    db.close();
  }
}
