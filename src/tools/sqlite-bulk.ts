// Documents written into a fresh SQLite store, many articles per transaction, with the store's own
// statements (../store/sqlite/writes.ts SQL) and the ids and solo incidents a bulk load makes
// (../store/bulk.ts, as ./pg-bulk.ts does for PostgreSQL): staged in arrival order, then copied
// into the tables in key order; secondary indexes, the R*Tree and the text indexes built after the
// load, each in one pass. For the load test's million
// events, which the store's own writes (one article per transaction, linked) take over an hour to
// make. No linking: each linkable event is an incident of its own, with the summary prepared for it.
import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
  const staging = `${path}.staging`;
  rmSync(staging, { force: true });
  // The sorts of the final copy spill to temporary files: beside the store, not in /tmp.
  process.env.SQLITE_TMPDIR ??= dirname(resolve(path));
  try {
    // Nothing to roll back to: a load that fails leaves a file to delete, not a store. (OFF is
    // refused in better-sqlite3's defensive mode; MEMORY keeps the journal off the disk.)
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    // Rows come before the rows they point to (staged articles, events); the store's check reads them all after.
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -500000');
    db.pragma('temp_store = FILE');
    migrate(db);
    const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
    for (const x of indexes) db.exec(`DROP INDEX "${x.name}"`);
    // Ids are hashes (../store/ids.ts): rows written straight into these tables land all over them,
    // and every batch rewrote most of their pages (43 GB written for the first half of a million
    // events, slower with each batch). They are staged in arrival order instead, then copied in
    // key order: appends, once. events_fts keeps no content: its text is staged too, to go in in
    // rowid order (FTS5 writes a segment whenever a rowid comes lower than the one before).
    db.prepare('ATTACH DATABASE ? AS staging').run(staging);
    db.pragma('staging.journal_mode = MEMORY');
    db.pragma('staging.synchronous = OFF');
    for (const t of STAGED) db.exec(`CREATE TABLE staging.${t} AS SELECT * FROM main.${t} WHERE 0`);
    db.exec('CREATE TABLE staging.fts (id INTEGER, evidence TEXT, actors TEXT, place TEXT)');
    const p = (sql: string) => db.prepare(sql);
    const staged = (sql: string) => p(sql.replace(/^INSERT (OR IGNORE )?INTO (\w+)/, (_m, _o, t: string) => `INSERT INTO staging.${t}`));
    const s = {
      article: p('INSERT INTO staging.articles (id, key, url, outlet, title, published, language, license, current_revision, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      url: p('INSERT INTO staging.article_urls (url, article_id) VALUES (?, ?)'),
      revision: p(SQL.addRevision),
      entity: p(SQL.addEntity),
      place: p(SQL.addPlace),
      incident: staged(SQL.newSolo),
      link: p('UPDATE staging.incidents SET link = ? WHERE rowid = ?'),
      block: staged(SQL.addBlock),
      event: staged(SQL.addEvent),
      doc: staged(SQL.addEventDoc),
      claim: staged(SQL.addClaim),
      fts: p('INSERT INTO staging.fts (id, evidence, actors, place) VALUES (?, ?, ?, ?)'),
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
          const revisionId = Number(s.revision.run(a.id, 1, a.p.textHash, `generated #${articles++}`, pa.title, a.p.text, a.p.document, now).lastInsertRowid);
          if (revisionId !== a.revisionId) throw new Error(`revision ${revisionId} where ${a.revisionId} was expected`);
          s.article.run(a.id, a.key, a.url, pa.outlet, pa.title, pa.published, pa.language, pa.license, revisionId, now);
          if (a.canon) s.url.run(a.canon, a.id);
          for (const e of a.p.entities) s.entity.run({ revisionId, ...e });
          for (const pl of a.p.places) s.place.run({ revisionId, ...pl });
          for (const { id, e, corr, incident } of a.events) {
            if (incident) {
              const row = s.incident.run(soloParams(incident.id, incident.columns, incident.summary, now)).lastInsertRowid;
              s.link.run(incident.link, row);
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
      for (const [t, order] of Object.entries(KEY_ORDER)) {
        // A staged table has the columns but not their defaults (CREATE TABLE … AS): a column the
        // store's statement leaves out (events.superseded) takes its default here.
        const cols = db.prepare(`PRAGMA main.table_info(${t})`).all() as { name: string; dflt_value: string | null }[];
        const values = cols.map((c) => (c.dflt_value === null ? c.name : `coalesce(${c.name}, ${c.dflt_value})`));
        db.exec(`INSERT INTO main.${t} (${cols.map((c) => c.name).join(', ')}) SELECT ${values.join(', ')} FROM staging.${t} ORDER BY ${order}`);
      }
      for (const x of indexes) db.exec(x.sql);
      // As the store's writes add them (../store/sqlite/writes.ts insertEvent): events placed at a point.
      db.exec('INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) SELECT id, lon, lon, lat, lat FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL');
      db.exec('INSERT INTO events_fts (rowid, evidence, actors, place) SELECT id, evidence, actors, place FROM staging.fts ORDER BY id');
      db.exec("INSERT INTO revisions_fts (revisions_fts) VALUES ('rebuild')");
      // Each index as one segment, as a store read more than written is best kept: a look-up of
      // one event in a common word's list (the text filter's check while walking pages) costs a
      // seek per segment (100k events: 34.9 → 7.2 ms for the 730 of q=hospital's first page).
      db.exec("INSERT INTO events_fts (events_fts) VALUES ('optimize')");
      db.exec("INSERT INTO revisions_fts (revisions_fts) VALUES ('optimize')");
    })();
    db.exec('DETACH DATABASE staging');
    db.exec('ANALYZE');
    db.pragma('journal_mode = WAL');
    return events;
  } finally {
    db.close();
    rmSync(staging, { force: true });
  }
}

/** The tables staged, each with the order of its key. */
const KEY_ORDER: Record<string, string> = {
  articles: 'id',
  article_urls: 'url',
  incidents: 'id',
  incident_blocks: 'key, incident_id',
  events: 'id',
  event_docs: 'id',
  claims: 'event_id, n',
};
const STAGED = Object.keys(KEY_ORDER);
