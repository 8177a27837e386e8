// Reads on SQLite: pages of events and incidents (their SQL from ./filters.ts), single items,
// articles with their revisions, counts. Rows become the Store's records here.
import type Database from 'better-sqlite3';
import type { Document } from '../../contract.js';
import type { ArticleDetail, Filter, IncidentDetail, Page, Rejection, Stats, StoredEvent, StoredIncident } from '../types.js';
import { storedEvent, storedEventJson, storedIncident } from '../records.js';
import { encodeCursor } from '../filter.js';
import { eventsPage, incidentsPage, type Counter } from './filters.js';

type Row = Record<string, any>;
/** A compiled statement for a SQL text, kept for reuse (./store.ts). */
export type Sql = (text: string, raw?: boolean) => Database.Statement;

const EVENT_SELECT = `SELECT e.id, d.json, e.family, e.date, e.country2, e.country3, e.incident_id, e.superseded,
  e.article_id, r.n AS revision, a.url, a.outlet, a.title, a.published, i.corroboration, i.grade
  FROM events e JOIN event_docs d ON d.id = e.id JOIN articles a ON a.id = e.article_id JOIN revisions r ON r.id = e.revision_id
  LEFT JOIN incidents i ON i.id = e.incident_id`;

/** Events a full-text match is counted among, on a store larger than that, to estimate its matches for a plan. */
export const FTS_SAMPLE = 65_536;

/** How long a table's counted size stands for it: plans need its order of magnitude, not the last row. */
const SIZE_TTL_MS = 60_000;
/** Counts kept at most (each filter asked makes its own): past it, all are counted again. */
const KEPT_MAX = 2_000;

export class Reads {
  private readonly sizes = new Map<string, { n: number; at: number }>();

  /** `ftsSample`: FTS_SAMPLE but in tests, which need a store larger than it */
  constructor(
    private readonly sql: Sql,
    private readonly ftsSample = FTS_SAMPLE,
  ) {}

  /** The Counter the filter builders ask. */
  counter(): Counter {
    // Kept a while too: they only choose a plan (either gives the same rows), and a server is
    // asked the same filter again and again (a page, the next, its facets). A common word's
    // count was a third of its page's time (1M events, q=hospital: 20,000 matches read to count).
    const countUpTo = (sql: string, params: unknown[], cap = 20_000) =>
      this.kept(`${cap} ${sql} ${JSON.stringify(params)}`, () => (this.sql(`SELECT count(*) AS n FROM (${sql} LIMIT ?)`).get(...params, cap) as Row).n as number);
    // Counted, and kept a while: ids are hashes (../ids.ts), so max(id) says nothing of how many
    // rows there are (it made every table look 2^52 rows large, and plans count every match of
    // a common word); count(*) reads a whole index (≈ 8 ms for a million events), too dear per query.
    const size = (table: 'events' | 'incidents') => this.kept(table, () => Math.max(1, (this.sql(`SELECT count(*) AS n FROM ${table}`).get() as Row).n));
    return {
      countUpTo,
      ftsMatches: (m, cap) => {
        const fts = 'SELECT rowid FROM events_fts WHERE events_fts MATCH ?';
        const total = size('events');
        const sample = this.ftsSample;
        if (total <= sample) return countUpTo(fts, [m], cap);
        // The matches among the `sample` events of lowest id, scaled: ids are hashes (../ids.ts),
        // so those are a fair sample, and a term's list is read from its start up to the bound
        // (1M events, q=hospital: 84,000 matches read to choose the probes → 5,500). The lowest,
        // not the highest: FTS5 took longer to seek to a lower bound than to count all 84,000.
        const upTo = this.kept('fts-sample', () => (this.sql('SELECT id FROM events ORDER BY id LIMIT 1 OFFSET ?').get(sample - 1) as Row).id as number);
        const seen = countUpTo(`${fts} AND rowid <= ?`, [m, upTo], Math.ceil((cap * sample) / total));
        return Math.min(cap, Math.round((seen * total) / sample));
      },
      probeRatio: () => 35 * (1 + this.kept('fts-segments', () => (this.sql('SELECT count(DISTINCT segid) AS n FROM events_fts_idx').get() as Row).n)),
      size,
    };
  }

  /** A figure for plans (a size, a count), kept SIZE_TTL_MS. */
  private kept(key: string, count: () => number): number {
    const now = Date.now();
    const had = this.sizes.get(key);
    if (had && now - had.at < SIZE_TTL_MS) return had.n;
    const n = count();
    if (this.sizes.size >= KEPT_MAX) this.sizes.clear();
    this.sizes.set(key, { n, at: now });
    return n;
  }

  events(f: Filter): Page<StoredEvent>;
  /** with `as`, each event made from its row by it (storedEventJson: as JSON text) */
  events<T>(f: Filter, as: (r: Row) => T): Page<T>;
  events(f: Filter, as: (r: Row) => unknown = storedEvent): Page<unknown> {
    const q = eventsPage(f, this.counter());
    let page = this.sql(q.sql, true).all(...q.params) as [number, number | null][];
    if (q.undated && page.length <= q.limit) page = page.concat(this.sql(q.undated.sql, true).all(...q.undated.params) as [number, number | null][]);
    const more = page.length > q.limit;
    const ids = page.slice(0, q.limit);
    // The documents of the page only, in the page's order.
    const byId = new Map<number, Row>();
    for (let k = 0; k < ids.length; k += 500) {
      const chunk = ids.slice(k, k + 500).map((x) => x[0]);
      for (const r of this.sql(`${EVENT_SELECT} WHERE e.id IN (${chunk.map(() => '?').join(', ')})`).all(...chunk) as Row[]) byId.set(r.id, r);
    }
    const last = ids[ids.length - 1];
    return { items: ids.map(([id]) => as(byId.get(id)!)), cursor: more && last ? encodeCursor(last[1], last[0]) : null };
  }

  incidents(f: Filter): Page<StoredIncident> {
    const q = incidentsPage(f, this.counter());
    let rows = this.sql(q.sql).all(...q.params) as Row[];
    if (q.undated && rows.length <= q.limit) rows = rows.concat(this.sql(q.undated.sql).all(...q.undated.params) as Row[]);
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return { items: items.map(storedIncident), cursor: more && last ? encodeCursor(last.day_start, last.id) : null };
  }

  event(id: number): StoredEvent | null {
    const r = this.sql(`${EVENT_SELECT} WHERE e.id = ?`).get(id) as Row | undefined;
    return r ? storedEvent(r) : null;
  }

  incident(id: number): IncidentDetail | null {
    let r = this.sql('SELECT * FROM incidents WHERE id = ?').get(id) as Row | undefined;
    // An incident merged into another is answered by the one it became.
    for (let hops = 0; r?.merged_into && hops < 100; hops++) r = this.sql('SELECT * FROM incidents WHERE id = ?').get(r.merged_into) as Row | undefined;
    if (!r) return null;
    const members = (this.sql(`${EVENT_SELECT} WHERE e.incident_id = ? AND e.superseded = 0 ORDER BY e.id`).all(r.id) as Row[]).map(storedEvent);
    return { ...storedIncident(r), members };
  }

  article(id: number): ArticleDetail | null {
    const a = this.sql('SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined;
    if (!a) return null;
    const cur = this.sql('SELECT text, document FROM revisions WHERE id = ?').get(a.current_revision) as Row;
    const doc = JSON.parse(cur.document) as Document;
    doc.article.text = cur.text;
    // Since schema v4 the events are kept in event_docs only (an article without events reads the same either way).
    if (!doc.events?.length)
      doc.events = (this.sql('SELECT d.json FROM events e JOIN event_docs d ON d.id = e.id WHERE e.revision_id = ? ORDER BY e.id', true).all(a.current_revision) as [string][]).map(
        ([j]) => JSON.parse(j).event,
      );
    const revisions = (
      this.sql(
        'SELECT r.id, r.n, r.source, r.text_hash, r.ingested_at, r.superseded_by, (SELECT count(*) FROM events e WHERE e.revision_id = r.id) AS events FROM revisions r WHERE r.article_id = ? ORDER BY r.n',
      ).all(id) as Row[]
    ).map((r) => ({ id: r.id, n: r.n, source: r.source, textHash: r.text_hash, ingestedAt: r.ingested_at, supersededBy: r.superseded_by, events: r.events }));
    const urls = (this.sql('SELECT url FROM article_urls WHERE article_id = ? ORDER BY url').all(id) as Row[]).map((r) => r.url);
    const eventIds = Object.fromEntries((this.sql('SELECT local_id, id FROM events WHERE revision_id = ?').all(a.current_revision) as Row[]).map((r) => [r.local_id, r.id]));
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

  stats(): Stats {
    const one = (sql: string) => (this.sql(sql).get() as { n: number }).n;
    return {
      articles: one('SELECT count(*) AS n FROM articles'),
      revisions: one('SELECT count(*) AS n FROM revisions'),
      events: one('SELECT count(*) AS n FROM events WHERE superseded = 0'),
      superseded: one('SELECT count(*) AS n FROM events WHERE superseded = 1'),
      incidents: one('SELECT count(*) AS n FROM incidents WHERE events > 0'),
      rejected: one('SELECT count(*) AS n FROM rejected'),
      entities: one('SELECT count(*) AS n FROM entities'),
      places: one('SELECT count(*) AS n FROM places'),
      claims: one('SELECT count(*) AS n FROM claims'),
    };
  }

  rejected(limit: number): (Rejection & { at: string })[] {
    return this.sql('SELECT source, reason, at FROM rejected ORDER BY at DESC, source LIMIT ?').all(limit) as (Rejection & { at: string })[];
  }

  hasRaw(rawHash: string): boolean {
    return this.sql('SELECT 1 FROM raw_inputs WHERE raw_hash = ?').get(rawHash) !== undefined;
  }
}
