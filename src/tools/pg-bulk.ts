// Documents written straight into a fresh PostgreSQL store's tables, many articles per statement,
// secondary indexes built after the load (as a bulk load does, and as bench-store.ts builds its
// SQLite store): for the load test's million events, which the store's own writes (one article per
// transaction, linked, a score of round trips each) would take hours to make on a busy machine.
// No linking: each linkable event is an incident of its own, with the summary prepared for it.
import pg from 'pg';
import type { Document } from '../contract.js';
import { articleKey } from '../store/link.js';
import { corroborationJson, prepareArticle, soloSummaryJson } from '../store/prepare.js';
import { canonicalUrl } from '../store/hash.js';
import { parsePgUrl } from '../store/postgres/connect.js';
import { migrate } from '../store/postgres/migrations.js';
import {
  CLAIM_COLUMNS,
  claimValues,
  EVENT_COLUMNS,
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
      await c.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename IN ('events', 'incidents', 'revisions') AND indexname NOT LIKE '%_pkey' AND indexdef NOT LIKE '%UNIQUE%'`, [
        target.schema,
      ])
    ).rows as { indexname: string; indexdef: string }[];
    for (const x of indexes) await c.query(`DROP INDEX "${x.indexname}"`);
    const now = new Date().toISOString();
    let [article, event, incident] = [0, 0, 0];
    for (let done = false; !done; ) {
      const rows = { articles: [] as unknown[][], urls: [] as unknown[][], revisions: [] as unknown[][], places: [] as unknown[][], events: [] as unknown[][], docs: [] as unknown[][], claims: [] as unknown[][], incidents: [] as unknown[][] };
      for (let k = 0; k < (opts.batch ?? 500); k++) {
        const doc = next();
        if (!doc) {
          done = true;
          break;
        }
        const p = prepareArticle(doc);
        const id = ++article;
        const canon = canonicalUrl(p.article.url);
        const a = p.article;
        rows.articles.push([id, canon ?? `text:${p.textHash}`, a.url, a.outlet, a.title, a.published, a.language, a.license, id, now]);
        if (canon) rows.urls.push([canon, id]);
        rows.revisions.push([id, id, 1, p.textHash, `generated #${id}`, a.title, p.text, p.document, now]);
        pushAll(rows.places, p.places.map((pl) => placeValues(id, pl)));
        for (const e of p.events) {
          const eid = ++event;
          const corr = corroborationJson(e, articleKey(id));
          let inc: number | null = null;
          const summary = corr && e.solo ? soloSummaryJson(e, articleKey(id), JSON.parse(corr).id) : null;
          if (e.solo && summary) {
            inc = ++incident;
            rows.incidents.push([inc, ...incidentValues(e.solo.columns, summary, now)]);
          }
          rows.events.push(eventValues(eid, id, id, e, inc));
          rows.docs.push([eid, e.json, corr]);
          pushAll(rows.claims, e.claims.map((cl, n) => claimValues(eid, n, cl)));
        }
      }
      await c.query('BEGIN');
      await insertAll(c, 'articles', ['id', 'key', 'url', 'outlet', 'title', 'published', 'language', 'license', 'current_revision', 'created_at'], rows.articles);
      await insertAll(c, 'article_urls', ['url', 'article_id'], rows.urls);
      await insertAll(c, 'revisions', ['id', 'article_id', 'n', 'text_hash', 'source', 'title', 'text', 'document', 'ingested_at'], rows.revisions);
      await insertAll(c, 'places', PLACE_COLUMNS, rows.places);
      await insertAll(c, 'incidents', ['id', ...INCIDENT_COLUMNS], rows.incidents);
      await insertAll(c, 'events', EVENT_COLUMNS, rows.events, EVENT_RENDER);
      await insertAll(c, 'event_docs', ['id', 'json', 'corr'], rows.docs);
      await insertAll(c, 'claims', CLAIM_COLUMNS, rows.claims);
      await c.query('COMMIT');
      opts.progress?.(event);
    }
    for (const x of indexes) await c.query(x.indexdef);
    for (const t of ['articles', 'revisions', 'events', 'incidents'])
      await c.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${t}), false)`);
    await c.query('VACUUM ANALYZE articles, revisions, events, event_docs, incidents, claims, places');
    return event;
  } finally {
    await c.end();
  }
}
