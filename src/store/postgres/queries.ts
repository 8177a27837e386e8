// Reads on PostgreSQL: pages of events and incidents (their SQL from ./filters.ts), single items,
// articles with their revisions, counts. Rows become the Store's records in ../records.ts, as
// SQLite's do, so both backends answer alike.
import type pg from 'pg';
import type { Document } from '../../contract.js';
import { encodeCursor } from '../filter.js';
import { storedEvent, storedIncident } from '../records.js';
import type { ArticleDetail, Filter, IncidentDetail, Page, Rejection, Stats, StoredEvent, StoredIncident } from '../types.js';
import { eventsPage, incidentsPage } from './filters.js';

type Row = Record<string, any>;
type Q = Pick<pg.ClientBase, 'query'>;

const EVENT_SELECT = `SELECT e.id, d.json, e.family, e.date, e.country2, e.country3, e.incident_id, e.superseded,
  e.article_id, r.n AS revision, a.url, a.outlet, a.title, a.published, i.corroboration, i.grade
  FROM events e JOIN event_docs d ON d.id = e.id JOIN articles a ON a.id = e.article_id JOIN revisions r ON r.id = e.revision_id
  LEFT JOIN incidents i ON i.id = e.incident_id`;

/**
 * Statements of a fixed shape, prepared once per connection: planning the six-table join of an
 * event page (several ms on a busy machine) costs more than running it.
 */
const byIds = { name: 'sitrep_events_by_id', text: `${EVENT_SELECT} WHERE e.id = ANY($1::bigint[])` };
const byId = { name: 'sitrep_event', text: `${EVENT_SELECT} WHERE e.id = $1` };
const byIncident = { name: 'sitrep_incident_members', text: `${EVENT_SELECT} WHERE e.incident_id = $1 AND NOT e.superseded ORDER BY e.id` };

/** A page of events, each made from its row by `as` (../records.ts: storedEvent, or storedEventJson for its JSON text). */
export async function events<T = StoredEvent>(c: Q, f: Filter, as: (r: Row) => T = storedEvent as (r: Row) => T): Promise<Page<T>> {
  const q = eventsPage(f);
  let page = (await c.query(q.sql, q.params)).rows as { id: number; day: number | null }[];
  if (q.undated && page.length <= q.limit) page = page.concat((await c.query(q.undated.sql, q.undated.params)).rows);
  const more = page.length > q.limit;
  const ids = page.slice(0, q.limit);
  // The documents of the page only, in the page's order.
  const rows = ids.length ? (await c.query({ ...byIds, values: [ids.map((x) => x.id)] })).rows : [];
  const found = new Map(rows.map((r) => [r.id as number, r]));
  const last = ids[ids.length - 1];
  return { items: ids.map(({ id }) => as(found.get(id)!)), cursor: more && last ? encodeCursor(last.day, last.id) : null };
}

export async function incidents(c: Q, f: Filter): Promise<Page<StoredIncident>> {
  const q = incidentsPage(f);
  let rows = (await c.query(q.sql, q.params)).rows;
  if (q.undated && rows.length <= q.limit) rows = rows.concat((await c.query(q.undated.sql, q.undated.params)).rows);
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items: items.map(storedIncident), cursor: more && last ? encodeCursor(last.day_start, last.id) : null };
}

export async function getEvent(c: Q, id: number): Promise<StoredEvent | null> {
  const r = (await c.query({ ...byId, values: [id] })).rows[0];
  return r ? storedEvent(r) : null;
}

export async function getIncident(c: Q, id: number): Promise<IncidentDetail | null> {
  const one = async (x: number) => (await c.query('SELECT * FROM incidents WHERE id = $1', [x])).rows[0] as Row | undefined;
  let r = await one(id);
  // An incident merged into another is answered by the one it became.
  for (let hops = 0; r?.merged_into && hops < 100; hops++) r = await one(r.merged_into);
  if (!r) return null;
  const members = (await c.query({ ...byIncident, values: [r.id] })).rows.map(storedEvent);
  return { ...storedIncident(r), members };
}

export async function getArticle(c: Q, id: number): Promise<ArticleDetail | null> {
  const a = (await c.query('SELECT * FROM articles WHERE id = $1', [id])).rows[0];
  if (!a) return null;
  const cur = (await c.query('SELECT text, document FROM revisions WHERE id = $1', [a.current_revision])).rows[0];
  const doc = JSON.parse(cur.document) as Document;
  doc.article.text = cur.text;
  // The events are kept apart (event_docs), as in SQLite since its schema v4.
  if (!doc.events?.length)
    doc.events = (await c.query('SELECT d.json FROM events e JOIN event_docs d ON d.id = e.id WHERE e.revision_id = $1 ORDER BY e.id', [a.current_revision])).rows.map(
      (r) => JSON.parse(r.json).event,
    );
  const revisions = (
    await c.query(
      'SELECT r.id, r.n, r.source, r.text_hash, r.ingested_at, r.superseded_by, (SELECT count(*) FROM events e WHERE e.revision_id = r.id) AS events FROM revisions r WHERE r.article_id = $1 ORDER BY r.n',
      [id],
    )
  ).rows.map((r) => ({ id: r.id, n: r.n, source: r.source, textHash: r.text_hash, ingestedAt: r.ingested_at, supersededBy: r.superseded_by, events: r.events }));
  const urls = (await c.query('SELECT url FROM article_urls WHERE article_id = $1 ORDER BY url COLLATE "C"', [id])).rows.map((r) => r.url);
  const eventIds = Object.fromEntries((await c.query('SELECT local_id, id FROM events WHERE revision_id = $1', [a.current_revision])).rows.map((r) => [r.local_id, r.id]));
  return {
    id: a.id,
    key: a.key,
    url: a.url,
    urls,
    outlet: a.outlet,
    title: a.title,
    published: a.published,
    language: a.language,
    license: a.license,
    text: cur.text,
    document: doc,
    revisions,
    eventIds,
  };
}

/** The latest dead letters shown by `sitrep stats`. */
const DEAD_SHOWN = 10;

export async function stats(c: Q): Promise<Stats> {
  const r = (
    await c.query(`SELECT
      (SELECT count(*) FROM articles) AS articles,
      (SELECT count(*) FROM revisions) AS revisions,
      (SELECT count(*) FROM events WHERE NOT superseded) AS events,
      (SELECT count(*) FROM events WHERE superseded) AS superseded,
      (SELECT count(*) FROM incidents WHERE events > 0) AS incidents,
      (SELECT count(*) FROM rejected) AS rejected,
      (SELECT count(*) FROM entities) AS entities,
      (SELECT count(*) FROM places) AS places,
      (SELECT count(*) FROM claims) AS claims,
      (SELECT count(*) FROM jobs WHERE state = 'queued') AS queued,
      (SELECT count(*) FROM jobs WHERE state = 'running') AS running,
      (SELECT count(*) FROM jobs_dead) AS dead`)
  ).rows[0];
  const deadLetters = (
    await c.query(
      `SELECT source, attempts, last_error, to_char(died_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at FROM jobs_dead ORDER BY died_at DESC, id DESC LIMIT $1`,
      [DEAD_SHOWN],
    )
  ).rows.map((x) => ({ source: x.source, attempts: x.attempts, error: x.last_error, at: x.at }));
  return {
    articles: r.articles,
    revisions: r.revisions,
    events: r.events,
    superseded: r.superseded,
    incidents: r.incidents,
    rejected: r.rejected,
    entities: r.entities,
    places: r.places,
    claims: r.claims,
    queue: { queued: r.queued, running: r.running, dead: r.dead, deadLetters },
  };
}

export async function hasRaw(c: Q, rawHash: string): Promise<boolean> {
  return (await c.query('SELECT 1 FROM raw_inputs WHERE raw_hash = $1', [rawHash])).rows.length > 0;
}

export async function rejected(c: Q, limit: number): Promise<(Rejection & { at: string })[]> {
  return (await c.query('SELECT source, reason, at FROM rejected ORDER BY at DESC, source COLLATE "C" LIMIT $1', [limit])).rows;
}
