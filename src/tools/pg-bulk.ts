// Documents written straight into a fresh PostgreSQL store's tables, many articles per statement,
// with the ids and solo incidents a bulk load makes (../store/bulk.ts, as ./sqlite-bulk.ts does for
// SQLite); secondary indexes built after the load: for the load test's million events, which the
// store's own writes (one article per transaction, linked, a score of round trips each) would take
// hours to make on a busy machine. No linking: each linkable event is an incident of its own, with
// the summary prepared for it.
import pg from 'pg';
import type { Document } from '../contract.js';
import { BulkIds } from '../store/bulk.js';
import { prepareArticle } from '../store/prepare.js';
import { parsePgUrl } from '../store/postgres/connect.js';
import { migrate } from '../store/postgres/migrations.js';
import {
  CLAIM_COLUMNS,
  claimValues,
  EVENT_COLUMNS,
  ENTITY_COLUMNS,
  entityValues,
  EVENT_RENDER,
  eventValues,
  INCIDENT_COLUMNS,
  incidentValues,
  insertAll,
  PLACE_COLUMNS,
  placeValues,
} from '../store/postgres/writes.js';
import { pushAll } from '../arrays.js';

/**
 * Writes the documents `next()` gives (until it returns null) into the empty store at url, `batch`
 * articles per transaction; returns the number of events written.
 */
export async function bulkLoad(url: string, next: () => Document | null, opts: { batch?: number; progress?: (events: number) => void } = {}): Promise<number> {
  const target = parsePgUrl(url);
  if (typeof target === 'string') throw new Error(target);
  const c = new pg.Client(target.config);
  await c.connect();
  try {
    await migrate(c, target.schema);
    if (Number((await c.query('SELECT count(*) AS n FROM articles')).rows[0].n)) throw new Error(`${url} is not empty: a bulk load needs a fresh store`);
    const indexes = (
      await c.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename IN ('events', 'incidents', 'revisions', 'incident_blocks') AND indexname NOT LIKE '%_pkey' AND indexdef NOT LIKE '%UNIQUE%'`, [
        target.schema,
      ])
    ).rows as { indexname: string; indexdef: string }[];
    for (const x of indexes) await c.query(`DROP INDEX "${x.indexname}"`);
    const now = new Date().toISOString();
    const ids = new BulkIds();
    let [articles, events] = [0, 0];
    for (let done = false; !done; ) {
      const rows = { articles: [] as unknown[][], urls: [] as unknown[][], revisions: [] as unknown[][], entities: [] as unknown[][], places: [] as unknown[][], events: [] as unknown[][], docs: [] as unknown[][], claims: [] as unknown[][], incidents: [] as unknown[][], blocks: [] as unknown[][] };
      for (let k = 0; k < (opts.batch ?? 500); k++) {
        const doc = next();
        if (!doc) {
          done = true;
          break;
        }
        const b = ids.article(prepareArticle(doc));
        const [id, rid, a] = [b.id, b.revisionId, b.p.article];
        rows.articles.push([id, b.key, b.url, a.outlet, a.title, a.published, a.language, a.license, rid, now]);
        if (b.canon) rows.urls.push([b.canon, id]);
        rows.revisions.push([rid, id, 1, b.p.textHash, `generated #${articles++}`, a.title, b.p.text, b.p.document, now]);
        pushAll(rows.entities, b.p.entities.map((e) => entityValues(rid, e)));
        pushAll(rows.places, b.p.places.map((pl) => placeValues(rid, pl)));
        for (const { id: eid, e, corr, incident } of b.events) {
          if (incident) {
            rows.incidents.push([incident.id, ...incidentValues(incident.columns, incident.summary, now), incident.link]);
            pushAll(rows.blocks, incident.keys.map((key) => [key, incident.id]));
          }
          rows.events.push(eventValues(eid, rid, id, e, incident?.id ?? null));
          rows.docs.push([eid, e.json, corr]);
          pushAll(rows.claims, e.claims.map((cl, n) => claimValues(eid, n, cl)));
          events++;
        }
      }
      await c.query('BEGIN');
      await insertAll(c, 'articles', ['id', 'key', 'url', 'outlet', 'title', 'published', 'language', 'license', 'current_revision', 'created_at'], rows.articles);
      await insertAll(c, 'article_urls', ['url', 'article_id'], rows.urls);
      await insertAll(c, 'revisions', ['id', 'article_id', 'n', 'text_hash', 'source', 'title', 'text', 'document', 'ingested_at'], rows.revisions);
      await insertAll(c, 'entities', ENTITY_COLUMNS, rows.entities);
      await insertAll(c, 'places', PLACE_COLUMNS, rows.places);
      await insertAll(c, 'incidents', ['id', ...INCIDENT_COLUMNS, 'link'], rows.incidents);
      await insertAll(c, 'incident_blocks', ['key', 'incident_id'], rows.blocks);
      await insertAll(c, 'events', EVENT_COLUMNS, rows.events, EVENT_RENDER);
      await insertAll(c, 'event_docs', ['id', 'json', 'corr'], rows.docs);
      await insertAll(c, 'claims', CLAIM_COLUMNS, rows.claims);
      await c.query('COMMIT');
      opts.progress?.(events);
    }
    for (const x of indexes) await c.query(x.indexdef);
    for (const t of ['articles', 'revisions', 'events', 'incidents'])
      await c.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${t}), false)`);
    await c.query('VACUUM ANALYZE articles, revisions, events, event_docs, incidents, incident_blocks, claims, entities, places');
    return events;
  } finally {
    await c.end();
  }
}
