// Writes on PostgreSQL: one article per transaction (identity, revision, mentions, events, claims,
// incident links and summaries), as the SQLite store writes it, with what several writers at once
// need: advisory locks, taken in one order, on the article's identity (its key and text) and on
// the linking neighbourhood of its events (their family), so that two workers storing two reports
// of one story serialise their linking and make one incident, never two.
import type pg from 'pg';
import { conflictBetween, groupIncidents, sameIncident, summarise, type CorroborationEvent } from '../../corroborate/index.js';
import { country } from '../countries.js';
import { canonicalUrl, withoutTracking } from '../hash.js';
import { articleKey, assignGroups, candidateParams, candidateQuery, incidentColumns, LONG_SPAN_DAYS, REGROUP_LIMIT, VERY_LONG_SPAN_DAYS, type IncidentColumns } from '../link.js';
import { corroborationJson, soloSummaryJson, type PreparedArticle, type PreparedClaim, type PreparedEntity, type PreparedEvent, type PreparedPlace } from '../prepare.js';
import { dayNumber } from '../rows.js';
import type { PutResult, RawMeta, Rejection } from '../types.js';
import { Params } from './filters.js';
import { TEXT_CONFIG } from './migrations.js';

type Row = Record<string, any>;
type Q = pg.ClientBase;

/** Candidate events fetched per new event when linking (newest first), as in SQLite. */
const MAX_CANDIDATES = 1000;
/** Parsed corroboration records kept in memory (they never change once written). */
const CORR_CACHE = 50_000;

/** Advisory lock classes of a write transaction (two-key form), in the order they are taken. */
const LOCK_ARTICLE = 0x5e7a0010;
const LOCK_TEXT = 0x5e7a0011;
const LOCK_FAMILY = 0x5e7a0012;

/** 32-bit FNV-1a of a string, as a signed int (an advisory lock key). */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** INSERT … VALUES of several rows at once, each value a parameter unless the column says how to render it. */
export function insertRows(p: Params, table: string, columns: string[], rows: unknown[][], render: Record<string, (ph: string) => string> = {}): string {
  const values = rows.map((r) => `(${r.map((v, k) => (render[columns[k]] ?? ((x: string) => x))(p.add(v))).join(', ')})`);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`;
}

/** A linking candidate query (as ../sqlite's), one per day condition, all three in one statement. */
function candidatesSql(p: Params, q: ReturnType<typeof candidateParams>): string {
  const v = (k: keyof typeof q) => p.add(q[k]);
  const [family, articleId, cls, country2] = [v('family'), v('articleId'), `${v('cls')}::int`, `${v('country2')}::text`];
  const near = `e.lat BETWEEN ${v('nMinLat')} AND ${v('nMaxLat')} AND e.lon BETWEEN ${v('nMinLon')} AND ${v('nMaxLon')}`;
  const coarse = `e.lat BETWEEN ${v('cMinLat')} AND ${v('cMaxLat')} AND e.lon BETWEEN ${v('cMinLon')} AND ${v('cMaxLon')}`;
  const sameCountry = `(e.country2 IS NULL OR ${country2} IS NULL OR e.country2 = ${country2})`;
  const [lo, hi] = [`${v('lo')}::int`, `${v('hi')}::int`];
  const one = (days: string) => `(SELECT e.id, e.incident_id FROM events e
    WHERE e.family = ${family} AND ${days}
      AND NOT e.superseded AND e.incident_id IS NOT NULL AND e.article_id <> ${articleId}
      AND (${cls} = 0 OR (${cls} = 1 AND ${sameCountry})
        OR (${cls} >= 2 AND (e.geo_class = 0 OR (e.geo_class = 1 AND ${sameCountry}) OR (e.geo_class = 3 AND ${near}) OR (e.geo_class = 2 AND ${coarse}))))
    ORDER BY e.id DESC LIMIT ${MAX_CANDIDATES})`;
  return [
    one(`e.day_lo BETWEEN ${v('loFrom')} AND ${v('loTo')} AND e.day_hi >= ${lo}`),
    one(`e.day_hi - e.day_lo > ${LONG_SPAN_DAYS} AND e.day_hi - e.day_lo <= ${VERY_LONG_SPAN_DAYS} AND e.day_hi BETWEEN ${lo} AND ${v('hiLong')} AND e.day_lo <= ${hi}`),
    one(`e.day_hi - e.day_lo > ${VERY_LONG_SPAN_DAYS} AND e.day_hi >= ${lo} AND e.day_lo <= ${hi}`),
  ].join(' UNION ALL ');
}

/** Parameters in one statement, below PostgreSQL's limit of 65,535. */
const MAX_PARAMS = 60_000;

/** Rows inserted in as many statements as the parameter limit needs. */
export async function insertAll(c: Pick<Q, 'query'>, table: string, columns: string[], rows: unknown[][], render?: Record<string, (ph: string) => string>): Promise<void> {
  const per = Math.floor(MAX_PARAMS / columns.length);
  for (let k = 0; k < rows.length; k += per) {
    const p = new Params();
    await c.query(insertRows(p, table, columns, rows.slice(k, k + per), render), p.values);
  }
}

/** The columns of an events row, in the order of eventValues. */
export const EVENT_COLUMNS = ['id', 'revision_id', 'article_id', 'local_id', 'kind', 'family', 'event_type', 'sub_event_type', 'date', 'date_end', 'day',
  'time_precision', 'country2', 'country3', 'admin1', 'location', 'lat', 'lon', 'geo_precision', 'initiator', 'initiator_country', 'target',
  'target_country', 'fatalities', 'mode', 'historical', 'confidence', 'outlet', 'incident_id', 'day_lo', 'day_hi', 'geo_class', 'fts'];

/** The text index: evidence (A), actors (B), place (C), from one JSON array parameter. */
export const EVENT_RENDER = {
  fts: (ph: string) =>
    `setweight(to_tsvector('${TEXT_CONFIG}', (${ph}::jsonb)->>0), 'A') || setweight(to_tsvector('${TEXT_CONFIG}', (${ph}::jsonb)->>1), 'B') || setweight(to_tsvector('${TEXT_CONFIG}', (${ph}::jsonb)->>2), 'C')`,
};

export const ENTITY_COLUMNS = ['revision_id', 'local_id', 'name', 'type', 'country', 'role', 'mentions'];
export const entityValues = (revisionId: number, e: PreparedEntity) => [revisionId, e.localId, e.name, e.type, e.country, e.role, e.mentions];
export const PLACE_COLUMNS = ['revision_id', 'local_id', 'name', 'country', 'admin1', 'lat', 'lon', 'precision', 'geonameid', 'mentions'];
export const placeValues = (revisionId: number, p: PreparedPlace) => [revisionId, p.localId, p.name, p.country, p.admin1, p.lat, p.lon, p.precision, p.geonameid, p.mentions];
export const CLAIM_COLUMNS = ['event_id', 'n', 'claimant', 'via', 'outlet', 'stance', 'quote', 'evidence'];
export const claimValues = (eventId: number, n: number, c: PreparedClaim) => [eventId, n, c.claimant, c.via, c.outlet, c.stance, c.quote, c.evidence];
export const INCIDENT_COLUMNS = ['family', 'kind', 'date_start', 'date_end', 'day_start', 'day_end', 'country2', 'country3', 'location', 'admin1', 'lat', 'lon',
  'events', 'articles', 'outlets', 'corroboration', 'grade', 'fatalities', 'summary', 'dirty', 'updated_at'];

/** An incident's columns (INCIDENT_COLUMNS) from its flat columns and summary. */
export function incidentValues(col: IncidentColumns, summary: string, now: string): unknown[] {
  return [col.family, col.kind, col.dateStart, col.dateEnd, dayNumber(col.dateStart), dayNumber(col.dateEnd), col.country2, country(col.country2)?.alpha3 ?? null,
    col.location, col.admin1, col.lat, col.lon, col.events, col.articles, col.outlets, col.corroboration, col.grade, col.fatalities, summary, false, now];
}

/** A prepared event as the values of its events row (EVENT_COLUMNS). */
export function eventValues(id: number, revisionId: number, articleId: number, e: PreparedEvent, incidentId: number | null): unknown[] {
  const r = e.row;
  const pl = r.place;
  return [id, revisionId, articleId, r.localId, r.kind, r.family, r.eventType, r.subEventType, r.date, r.dateEnd, r.day, r.timePrecision,
    r.country2, r.country3, pl?.admin1 ?? null, pl?.name ?? null, pl?.lat ?? null, pl?.lon ?? null, pl?.precision ?? null, r.initiator,
    r.initiatorCountry, r.target, r.targetCountry, r.fatalities, r.mode, r.historical, r.confidence, r.outlet, incidentId,
    r.dayLo, r.dayHi, r.geoClass, JSON.stringify([r.fts.evidence, r.fts.actors, r.fts.place])];
}

/** Records an input that could not be stored (replacing an earlier rejection of the same source). */
export async function putRejected(c: Pick<Q, 'query'>, r: Rejection): Promise<void> {
  await c.query('INSERT INTO rejected (source, reason, at) VALUES ($1, $2, $3) ON CONFLICT (source) DO UPDATE SET reason = excluded.reason, at = excluded.at', [
    r.source,
    r.reason,
    new Date().toISOString(),
  ]);
}

/** Forgets the rejection of a source that has now been read. */
export async function clearRejected(c: Pick<Q, 'query'>, source: string): Promise<void> {
  await c.query('DELETE FROM rejected WHERE source = $1', [source]);
}

export class Writes {
  private readonly corrCache = new Map<number, CorroborationEvent>();

  constructor(
    /** the store's schema: lock keys are per schema, so that stores sharing a database never wait on each other */
    private readonly schema: string,
  ) {}

  /** Stores one article inside the caller's transaction (../postgres/store.ts tx). */
  async put(c: Q, p: PreparedArticle, raw: RawMeta): Promise<PutResult> {
    const th = raw.textHash ?? p.textHash;
    const canon = canonicalUrl(raw.url ?? p.article.url);
    const key = canon ?? raw.key ?? `text:${th}`;
    const now = new Date().toISOString();
    await this.lock(c, [
      [LOCK_ARTICLE, key],
      [LOCK_TEXT, th],
      ...p.events.filter((e) => e.link && e.row.family).map((e) => [LOCK_FAMILY, e.row.family!] as [number, string]),
    ]);
    const one = async (sql: string, params: unknown[]) => (await c.query(sql, params)).rows[0] as Row | undefined;
    // What is stored already, in one round trip: the raw input, the article at this URL or key, and an article whose current text is this one.
    const known = (await one(
      `SELECT (SELECT revision_id FROM raw_inputs WHERE raw_hash = $1) AS seen,
        CASE WHEN $2::text IS NOT NULL THEN (SELECT article_id FROM article_urls WHERE url = $2) ELSE (SELECT id FROM articles WHERE key = $3) END AS existing,
        s.id AS same_id, s.article_id AS same_article
      FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT r.id, r.article_id FROM revisions r WHERE r.text_hash = $4
        AND r.id = (SELECT a.current_revision FROM articles a WHERE a.id = r.article_id) ORDER BY r.id LIMIT 1) s ON true`,
      [raw.rawHash ?? null, canon, key, th],
    ))!;
    if (known.seen !== null) return this.duplicate(c, Number(known.seen));
    const existingId = known.existing === null ? undefined : Number(known.existing);
    const same = known.same_id === null ? undefined : { id: Number(known.same_id), article_id: Number(known.same_article) };
    if (same) {
      if (canon && existingId === undefined) await c.query('INSERT INTO article_urls (url, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [canon, same.article_id]);
      if (raw.rawHash) await this.rawAdd(c, raw.rawHash, same.id);
      await clearRejected(c, raw.source);
      return this.duplicate(c, Number(same.id));
    }
    const a = p.article;
    const url = withoutTracking(a.url ?? raw.url);
    const touched = new Set<number>();
    let articleId: number;
    let n = 1;
    let status: PutResult['status'] = 'new';
    let previous: number | null = null;
    let revisionId: number;
    let eventIds: number[];
    if (existingId !== undefined) {
      articleId = existingId;
      status = 'revision';
      previous = Number((await one('SELECT current_revision FROM articles WHERE id = $1', [articleId]))!.current_revision);
      // Its old events leave their incidents, whose summaries change: their families' locks too
      // (taken out of order: a deadlock this makes is resolved by PostgreSQL and the retry in store.ts tx).
      const families = (await c.query('SELECT DISTINCT family FROM events WHERE revision_id = $1 AND incident_id IS NOT NULL AND family IS NOT NULL', [previous])).rows;
      await this.lock(c, families.map((r) => [LOCK_FAMILY, r.family as string]));
      n = (await one('SELECT coalesce(max(n), 0) + 1 AS n FROM revisions WHERE article_id = $1', [articleId]))!.n;
      revisionId = Number(
        (await one(
          'INSERT INTO revisions (article_id, n, text_hash, source, title, text, document, ingested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
          [articleId, n, th, raw.source, a.title, p.text, p.document, now],
        ))!.id,
      );
      await c.query(
        'UPDATE articles SET url = coalesce(url, $1), outlet = coalesce($2, outlet), title = coalesce($3, title), published = coalesce($4, published), language = $5, license = coalesce($6, license), current_revision = $7 WHERE id = $8',
        [url, a.outlet, a.title, a.published, a.language, a.license, revisionId, articleId],
      );
      eventIds = await this.nextIds(c, 'events', p.events.length);
    } else {
      // A new article: its row, URL and first revision in one statement, with the ids of its events
      // (taken now, in order: the k-th event gets the k-th, whatever order an INSERT returns rows in).
      const r = (await one(
        `WITH ids AS (SELECT nextval(pg_get_serial_sequence('articles', 'id')) AS aid, nextval(pg_get_serial_sequence('revisions', 'id')) AS rid),
          ev AS (SELECT coalesce(array_agg(x ORDER BY x), '{}') AS eids FROM (SELECT nextval(pg_get_serial_sequence('events', 'id')) AS x FROM generate_series(1, $13::int)) g),
          a AS (INSERT INTO articles (id, key, url, outlet, title, published, language, license, current_revision, created_at)
            SELECT aid, $1, $2, $3, $4, $5, $6, $7, rid, $8 FROM ids),
          u AS (INSERT INTO article_urls (url, article_id) SELECT $9, aid FROM ids WHERE $9::text IS NOT NULL ON CONFLICT DO NOTHING),
          r AS (INSERT INTO revisions (id, article_id, n, text_hash, source, title, text, document, ingested_at) SELECT rid, aid, 1, $10, $11, $4, $12, $14, $8 FROM ids)
        SELECT aid, rid, eids FROM ids, ev`,
        [key, url, a.outlet, a.title, a.published, a.language, a.license, now, canon, th, raw.source, p.text, p.events.length, p.document],
      ))!;
      articleId = Number(r.aid);
      revisionId = Number(r.rid);
      eventIds = (r.eids as (string | number)[]).map(Number);
    }
    if (previous !== null) {
      await c.query('UPDATE revisions SET superseded_by = $1 WHERE id = $2', [revisionId, previous]);
      for (const r of (await c.query('SELECT DISTINCT incident_id FROM events WHERE revision_id = $1 AND incident_id IS NOT NULL', [previous])).rows) touched.add(Number(r.incident_id));
      await c.query('UPDATE events SET superseded = true WHERE revision_id = $1', [previous]);
    }
    if (p.entities.length) {
      const q = new Params();
      await c.query(insertRows(q, 'entities', ENTITY_COLUMNS, p.entities.map((e) => entityValues(revisionId, e))), q.values);
    }
    if (p.places.length) {
      const q = new Params();
      await c.query(insertRows(q, 'places', PLACE_COLUMNS, p.places.map((pl) => placeValues(revisionId, pl))), q.values);
    }
    // Incidents are decided before the events are written, so each is written once, with its incident.
    const ak = articleKey(articleId);
    const corr = p.events.map((e) => corroborationJson(e, ak));
    const ces = p.events.map((e, k) => (e.link ? (JSON.parse(corr[k]!) as CorroborationEvent) : null));
    const { incidentOf, landed, created } = await this.link(c, articleId, ces, p.events, touched, now);
    await this.insertEvents(c, revisionId, articleId, p.events, eventIds, corr, incidentOf, created, raw);
    eventIds.forEach((id, k) => ces[k] && this.remember(id, ces[k]!));
    await this.recompute(c, [...touched], now);
    return { status, articleId, revisionId, eventIds, incidentIds: landed };
  }

  /** Rowids of a rolled-back transaction are never handed out again in PostgreSQL; the cache stays right. Kept for symmetry with SQLite. */
  rolledBack(): void {}

  /** Takes the transaction's advisory locks, sorted, so that two writers never wait on each other in a cycle. */
  private async lock(c: Q, keys: [number, string][]): Promise<void> {
    const pairs = [...new Map(keys.map(([cls, k]) => [`${cls}:${k}`, [cls, hash32(`${this.schema}:${k}`)] as [number, number]])).values()].sort(
      (x, y) => x[0] - y[0] || x[1] - y[1],
    );
    await c.query('SELECT pg_advisory_xact_lock(k.cls, k.key) FROM (SELECT * FROM unnest($1::int[], $2::int[]) AS u(cls, key) ORDER BY cls, key) k', [
      pairs.map((x) => x[0]),
      pairs.map((x) => x[1]),
    ]);
  }

  private async rawAdd(c: Q, rawHash: string, revisionId: number): Promise<void> {
    await c.query('INSERT INTO raw_inputs (raw_hash, revision_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [rawHash, revisionId]);
  }

  private async duplicate(c: Q, revisionId: number): Promise<PutResult> {
    const r = (await c.query('SELECT article_id FROM revisions WHERE id = $1', [revisionId])).rows[0];
    return { status: 'duplicate', articleId: Number(r.article_id), revisionId, eventIds: [], incidentIds: [] };
  }

  /** Ids from a table's sequence, ascending. */
  private async nextIds(c: Q, table: string, n: number): Promise<number[]> {
    if (!n) return [];
    const r = await c.query(`SELECT nextval(pg_get_serial_sequence('${table}', 'id')) AS id FROM generate_series(1, $1)`, [n]);
    return r.rows.map((x) => Number(x.id)).sort((x, y) => x - y);
  }

  /**
   * The article's events, their documents and claims, the new incidents they alone make (rows
   * with ids taken), its raw input marked handled and its rejection forgotten: one statement.
   */
  private async insertEvents(
    c: Q,
    revisionId: number,
    articleId: number,
    events: PreparedEvent[],
    ids: number[],
    corr: (string | null)[],
    incidentOf: Map<number, number>,
    created: unknown[][],
    raw: RawMeta,
  ): Promise<void> {
    const eventRows = events.map((e, k) => eventValues(ids[k], revisionId, articleId, e, incidentOf.get(k) ?? null));
    const docs = events.map((e, k) => [ids[k], e.json, corr[k]]);
    const claims = events.flatMap((e, k) => e.claims.map((cl, n) => claimValues(ids[k], n, cl)));
    const tables: [string, string[], unknown[][], Parameters<typeof insertRows>[4]?][] = [
      ['incidents', ['id', ...INCIDENT_COLUMNS], created],
      ['events', EVENT_COLUMNS, eventRows, EVENT_RENDER],
      ['event_docs', ['id', 'json', 'corr'], docs],
      ['claims', CLAIM_COLUMNS, claims],
    ];
    const p = new Params();
    const parts: string[] = [];
    const add = (sql: string) => parts.push(`w${parts.length} AS (${sql})`);
    // PostgreSQL takes 65,535 parameters a statement: a very long article goes in several.
    if (tables.reduce((n, [, cols, rows]) => n + cols.length * rows.length, 0) > MAX_PARAMS) for (const [t, cols, rows, render] of tables) await insertAll(c, t, cols, rows, render);
    else for (const [t, cols, rows, render] of tables) if (rows.length) add(insertRows(p, t, cols, rows, render));
    if (raw.rawHash) add(`INSERT INTO raw_inputs (raw_hash, revision_id) VALUES (${p.add(raw.rawHash)}, ${p.add(revisionId)}) ON CONFLICT DO NOTHING`);
    const last = `DELETE FROM rejected WHERE source = ${p.add(raw.source)}`;
    await c.query(parts.length ? `WITH ${parts.join(', ')} ${last}` : last, p.values);
  }

  private remember(id: number, ce: CorroborationEvent): void {
    if (this.corrCache.size >= CORR_CACHE) this.corrCache.delete(this.corrCache.keys().next().value!);
    this.corrCache.set(id, ce);
  }

  /** The corroboration records of stored events, read once while they are among the most recently used. */
  private async corrOf(c: Q, ids: number[]): Promise<CorroborationEvent[]> {
    const missing = [...new Set(ids.filter((id) => !this.corrCache.has(id)))];
    if (missing.length)
      for (const r of (await c.query('SELECT id, corr FROM event_docs WHERE id = ANY($1::bigint[])', [missing])).rows) this.remember(Number(r.id), JSON.parse(r.corr));
    return ids.map((id) => {
      const ce = this.corrCache.get(id)!;
      // Most recently used last: what remember() evicts first is what linking asked for least lately.
      this.corrCache.delete(id);
      this.corrCache.set(id, ce);
      return ce;
    });
  }

  /**
   * Decides the incidents of an article's new events (by their index in the article), as the
   * SQLite store does (../sqlite.ts link): candidates from an indexed query, incidents matched
   * with the corroboration module, a small neighbourhood regrouped whole (the result does not
   * depend on arrival order), a large one joined incrementally.
   */
  private async link(
    c: Q,
    articleId: number,
    ces: (CorroborationEvent | null)[],
    prepared: PreparedEvent[],
    touched: Set<number>,
    now: string,
  ): Promise<{ incidentOf: Map<number, number>; landed: number[]; created: unknown[][] }> {
    const incidentOf = new Map<number, number>();
    const mine: { tmp: number; k: number; ce: CorroborationEvent }[] = [];
    ces.forEach((ce, k) => ce && mine.push({ tmp: -(k + 1), k, ce }));
    if (!mine.length) return { incidentOf, landed: [], created: [] };
    const hits = new Map<number, number[]>();
    const asked = new Map<string, Map<number, number[]>>();
    for (const { tmp, ce } of mine) {
      const q = candidateQuery(ce);
      const matched: number[] = [];
      hits.set(tmp, matched);
      if (!q) continue;
      const params = candidateParams(q, articleId);
      const key = Object.values(params).join('|');
      let byIncident = asked.get(key);
      if (!byIncident) {
        byIncident = new Map();
        const p = new Params();
        const rows = (await c.query(candidatesSql(p, params), p.values)).rows;
        for (const r of rows) {
          const [id, inc] = [Number(r.id), Number(r.incident_id)];
          const l = byIncident.get(inc);
          if (!l) byIncident.set(inc, [id]);
          else if (!l.includes(id)) l.push(id);
        }
        await this.corrOf(c, rows.map((r) => Number(r.id)));
        asked.set(key, byIncident);
      }
      for (const inc of [...byIncident.keys()].sort((x, y) => x - y))
        if ((await this.corrOf(c, byIncident.get(inc)!)).some((m) => sameIncident(ce, m))) matched.push(inc);
    }
    const hit = [...new Set([...hits.values()].flat())].sort((x, y) => x - y);
    const newIncident = async (family: string) =>
      Number((await c.query('INSERT INTO incidents (family, updated_at) VALUES ($1, $2) RETURNING id', [family, now])).rows[0].id);
    // A new event alone in a new incident: its summary came prepared, nothing to recompute.
    const solo = async (m: { k: number; ce: CorroborationEvent }): Promise<number | null> => {
      const e = prepared[m.k];
      const summary = soloSummaryJson(e, articleKey(articleId), m.ce.id);
      if (!e.solo || summary === null) return null;
      const q = new Params();
      const r = await c.query(`${insertRows(q, 'incidents', INCIDENT_COLUMNS, [incidentValues(e.solo.columns, summary, now)])} RETURNING id`, q.values);
      return Number(r.rows[0].id);
    };
    if (!hit.length) {
      // Nothing matched (most articles): each event alone in a new incident with its prepared summary,
      // written with the events (insertEvents); ids taken now, in the events' order.
      const summaries = mine.map((m) => soloSummaryJson(prepared[m.k], articleKey(articleId), m.ce.id));
      if (summaries.every((x) => x !== null)) {
        const ids = await this.nextIds(c, 'incidents', mine.length);
        mine.forEach((m, j) => incidentOf.set(m.k, ids[j]));
        const created = mine.map((m, j) => [ids[j], ...incidentValues(prepared[m.k].solo!.columns, summaries[j]!, now)]);
        return { incidentOf, landed: ids, created };
      }
      for (const m of mine) {
        let inc = await solo(m);
        if (inc === null) touched.add((inc = await newIncident(m.ce.family)));
        incidentOf.set(m.k, inc);
      }
      return { incidentOf, landed: [...new Set(incidentOf.values())].sort((x, y) => x - y), created: [] };
    }
    const members = new Map<number, number[]>(hit.map((inc) => [inc, []]));
    for (const r of (await c.query('SELECT id, incident_id FROM events WHERE incident_id = ANY($1::bigint[]) AND NOT superseded ORDER BY id', [hit])).rows)
      members.get(Number(r.incident_id))!.push(Number(r.id));
    const size = mine.length + [...members.values()].reduce((n, m) => n + m.length, 0);
    const landed = new Set<number>();
    const byTmp = new Map(mine.map((m) => [m.tmp, m]));
    const place = async (id: number, inc: number) => {
      const m = byTmp.get(id);
      if (m) {
        incidentOf.set(m.k, inc);
        landed.add(inc);
      } else await c.query('UPDATE events SET incident_id = $1 WHERE id = $2', [inc, id]);
    };
    if (size <= REGROUP_LIMIT) {
      const current = new Map<number, number | null>();
      const byCe = new Map<string, number>();
      const all: CorroborationEvent[] = [];
      for (const { tmp, ce } of mine) {
        current.set(tmp, null);
        byCe.set(ce.id, tmp);
        all.push(ce);
      }
      for (const [inc, ids] of members)
        (await this.corrOf(c, ids)).forEach((ce, k) => {
          current.set(ids[k], inc);
          byCe.set(ce.id, ids[k]);
          all.push(ce);
        });
      const plan = assignGroups(groupIncidents(all).map((g) => g.events.map((e) => byCe.get(e.id)!)), current);
      const clean = new Set<number>();
      const ids: number[] = [];
      for (const g of plan.groups) {
        if (g.incidentId !== null) {
          ids.push(g.incidentId);
          continue;
        }
        const alone = g.members.length === 1 ? byTmp.get(g.members[0]) : undefined;
        const inc = alone ? await solo(alone) : null;
        if (inc !== null) clean.add(inc);
        ids.push(inc ?? (await newIncident(all[0].family)));
      }
      for (const [k, g] of plan.groups.entries()) {
        for (const m of g.members) if (current.get(m) !== ids[k]) await place(m, ids[k]);
        if (!clean.has(ids[k])) touched.add(ids[k]);
      }
      for (const m of plan.merged) {
        // Superseded events follow their incident, so that history still points somewhere live.
        await c.query('UPDATE events SET incident_id = $1 WHERE incident_id = $2 AND superseded', [ids[m.into], m.from]);
        await c.query('UPDATE incidents SET merged_into = $1, updated_at = $2 WHERE id = $3', [ids[m.into], now, m.from]);
        touched.add(m.from);
      }
    } else {
      const local = new Map<number, CorroborationEvent>();
      for (const { tmp, ce } of mine) {
        let target: number | undefined;
        for (const inc of hits.get(tmp)!) {
          const ms = members.get(inc)!;
          const them = [...(await this.corrOf(c, ms.filter((id) => id >= 0))), ...ms.filter((id) => id < 0).map((id) => local.get(id)!)];
          if (them.every((m) => conflictBetween(ce, m) === null)) {
            target = inc;
            break;
          }
        }
        const alone = target === undefined ? await solo(byTmp.get(tmp)!) : null;
        const inc = target ?? alone ?? (await newIncident(ce.family));
        await place(tmp, inc);
        local.set(tmp, ce);
        members.set(inc, [...(members.get(inc) ?? []), tmp]);
        if (alone === null) touched.add(inc);
      }
    }
    return { incidentOf, landed: [...landed].sort((x, y) => x - y), created: [] };
  }

  /**
   * Recomputes the summaries of incidents whose members changed, in the article's transaction:
   * with several writers and read-only servers there is no later moment at which one process
   * could bring them up to date for all (SQLite defers this to flush()).
   */
  private async recompute(c: Q, incidents: number[], now: string): Promise<void> {
    if (!incidents.length) return;
    const members = new Map<number, number[]>(incidents.map((id) => [id, []]));
    for (const r of (await c.query('SELECT id, incident_id FROM events WHERE incident_id = ANY($1::bigint[]) AND NOT superseded ORDER BY id', [incidents])).rows)
      members.get(Number(r.incident_id))!.push(Number(r.id));
    for (const id of [...incidents].sort((x, y) => x - y)) {
      const ids = members.get(id)!;
      if (!ids.length) {
        await c.query(
          `UPDATE incidents SET kind = NULL, date_start = NULL, date_end = NULL, day_start = NULL, day_end = NULL, country2 = NULL, country3 = NULL,
            location = NULL, admin1 = NULL, lat = NULL, lon = NULL, events = 0, articles = 0, outlets = 0, corroboration = 0, grade = NULL,
            fatalities = NULL, summary = NULL, dirty = false, updated_at = $2 WHERE id = $1`,
          [id, now],
        );
        continue;
      }
      const ms = await this.corrOf(c, ids);
      const sum = summarise(ms);
      const col = incidentColumns(ms, sum);
      await c.query(
        `UPDATE incidents SET kind = $2, date_start = $3, date_end = $4, day_start = $5, day_end = $6, country2 = $7, country3 = $8, location = $9,
          admin1 = $10, lat = $11, lon = $12, events = $13, articles = $14, outlets = $15, corroboration = $16, grade = $17, fatalities = $18,
          summary = $19, dirty = false, updated_at = $20 WHERE id = $1`,
        [id, col.kind, col.dateStart, col.dateEnd, dayNumber(col.dateStart), dayNumber(col.dateEnd), col.country2, country(col.country2)?.alpha3 ?? null,
          col.location, col.admin1, col.lat, col.lon, col.events, col.articles, col.outlets, col.corroboration, col.grade, col.fatalities, JSON.stringify(sum), now],
      );
    }
  }
}
