// Writes on PostgreSQL: one article per transaction (identity, revision, mentions, events, claims,
// incident links and summaries), as the SQLite store writes it, with what several writers at once
// need: advisory locks, taken in one order, on the article's identity (its key and text) and on
// the linking neighbourhood of its events (their family), so that two workers storing two reports
// of one story serialise their linking and make one incident, never two.
import type pg from 'pg';
import { summarise, type CorroborationEvent } from '../../corroborate/index.js';
import { country } from '../countries.js';
import { canonicalUrl, withoutTracking } from '../hash.js';
import { articleKey, incidentColumns, type IncidentColumns } from '../link.js';
import { LinkCache, linkSummaryOf, planAsync, probeKeys, registerKeys, type Candidate, type LinkSummary, type Member, type NewEvent } from '../link-plan.js';
import { articleIdOf, eventIdOf, incidentIdOf } from '../ids.js';
import { corroborationJson, soloSummaryJson, type PreparedArticle, type PreparedClaim, type PreparedEntity, type PreparedEvent, type PreparedPlace } from '../prepare.js';
import { dayNumber } from '../rows.js';
import type { PutResult, RawMeta, Rejection } from '../types.js';
import { Params } from './filters.js';
import { TEXT_CONFIG } from './migrations.js';

type Row = Record<string, any>;
type Q = pg.ClientBase;

/** Parsed corroboration records kept in memory (they never change once written). */
const CORR_CACHE = 50_000;

/** Advisory lock classes of a write transaction (two-key form), in the order they are taken. */
const LOCK_ARTICLE = 0x5e7a0010;
const LOCK_TEXT = 0x5e7a0011;
/** a blocking key of linking (../link-plan.ts): two writers of one story serialise their linking */
const LOCK_BLOCK = 0x5e7a0012;

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

/** The locks (by key) guarding the blocking keys an event's linking reads and writes (../link-plan.ts), taken for the transaction. */
export function blockKeys(ce: CorroborationEvent): string[] {
  return [...probeKeys(ce), ...registerKeys(ce)].map(lockKeyOf);
}

/**
 * The lock a blocking key (family|days|place, ../link-plan.ts) is guarded by: its place part alone.
 * Two events that may link share a blocking key, so they share its place: serialised still. An
 * event probes families × day buckets × cells (a generated 4 KB report: 1,102 keys); locking each
 * one filled PostgreSQL's shared lock table (max_locks_per_transaction × connections, 6,400 by
 * default) with a few writers at once. By place, cells taken two by two: 40 or so.
 */
export function lockKeyOf(key: string): string {
  const place = key.slice(key.lastIndexOf('|') + 1);
  // (cells two by two: "g:12,40" and "g:13,41" share one lock)
  const cell = /^g:(\d+),(\d+)$/.exec(place);
  return cell ? `G:${Number(cell[1]) >> 1},${Number(cell[2]) >> 1}` : place;
}

export class Writes {
  private readonly corrCache = new Map<number, CorroborationEvent>();
  private readonly linkCache = new LinkCache(CORR_CACHE);

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
      ...p.events.filter((e) => e.link && e.ceJson).flatMap((e) => blockKeys(JSON.parse(e.ceJson!) as CorroborationEvent).map((k) => [LOCK_BLOCK, k] as [number, string])),
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
    if (existingId !== undefined) {
      articleId = existingId;
      status = 'revision';
      previous = Number((await one('SELECT current_revision FROM articles WHERE id = $1', [articleId]))!.current_revision);
      // Its old events leave their incidents, whose summaries change: their blocks' locks too
      // (taken out of order: a deadlock this makes is resolved by PostgreSQL and the retry in store.ts tx).
      const old = (await c.query('SELECT d.corr FROM events e JOIN event_docs d ON d.id = e.id WHERE e.revision_id = $1 AND e.incident_id IS NOT NULL AND d.corr IS NOT NULL', [previous])).rows;
      await this.lock(c, old.flatMap((r) => registerKeys(JSON.parse(r.corr) as CorroborationEvent).map((k) => [LOCK_BLOCK, lockKeyOf(k)] as [number, string])));
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
    } else {
      // A new article: its row, URL and first revision in one statement, with the ids of its events
      // (taken now, in order: the k-th event gets the k-th, whatever order an INSERT returns rows in).
      const [aid] = await this.freeIds(c, 'articles', [articleIdOf(canon, th)]);
      const r = (await one(
        `WITH ids AS (SELECT $13::bigint AS aid, nextval(pg_get_serial_sequence('revisions', 'id')) AS rid),
          a AS (INSERT INTO articles (id, key, url, outlet, title, published, language, license, current_revision, created_at)
            SELECT aid, $1, $2, $3, $4, $5, $6, $7, rid, $8 FROM ids),
          u AS (INSERT INTO article_urls (url, article_id) SELECT $9, aid FROM ids WHERE $9::text IS NOT NULL ON CONFLICT DO NOTHING),
          r AS (INSERT INTO revisions (id, article_id, n, text_hash, source, title, text, document, ingested_at) SELECT rid, aid, 1, $10, $11, $4, $12, $14, $8 FROM ids)
        SELECT aid, rid FROM ids`,
        [key, url, a.outlet, a.title, a.published, a.language, a.license, now, canon, th, raw.source, p.text, aid, p.document],
      ))!;
      articleId = Number(r.aid);
      revisionId = Number(r.rid);
    }
    const eventIds = await this.freeIds(c, 'events', p.events.map((e) => eventIdOf(articleId, th, e.idKey)));
    if (previous !== null) {
      await c.query('UPDATE revisions SET superseded_by = $1 WHERE id = $2', [revisionId, previous]);
      for (const r of (await c.query('SELECT DISTINCT incident_id FROM events WHERE revision_id = $1 AND incident_id IS NOT NULL', [previous])).rows) touched.add(Number(r.incident_id));
      await c.query('UPDATE events SET superseded = true WHERE revision_id = $1', [previous]);
      await this.relink(c, [...touched]);
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
    const { incidentOf, landed, created } = await this.link(c, articleId, ces, p.events, eventIds, touched, now);
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

  /** The ids wanted, each the first free one from it (./ids.ts freeId): not in the table, not taken by an earlier one. */
  private async freeIds(c: Q, table: string, wants: number[]): Promise<number[]> {
    if (!wants.length) return [];
    const used = new Set((await c.query(`SELECT id FROM ${table} WHERE id = ANY($1::bigint[])`, [wants])).rows.map((r) => Number(r.id)));
    const out: number[] = [];
    for (const want of wants) {
      let id = want;
      // Rare: a collision, or one id wanted twice (the same evidence in one article).
      while (used.has(id) || (id !== want && (await c.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).rowCount)) id++;
      used.add(id);
      out.push(id);
    }
    return out;
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
      ['incidents', ['id', ...INCIDENT_COLUMNS, 'link'], created],
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

  private async membersOf(c: Q, incidents: number[]): Promise<Map<number, Member[]>> {
    const ids = new Map<number, number[]>(incidents.map((inc) => [inc, []]));
    for (const r of (await c.query('SELECT id, incident_id FROM events WHERE incident_id = ANY($1::bigint[]) AND NOT superseded ORDER BY id', [incidents])).rows)
      ids.get(Number(r.incident_id))!.push(Number(r.id));
    const out = new Map<number, Member[]>();
    for (const [inc, ms] of ids) out.set(inc, (await this.corrOf(c, ms)).map((ce, k) => ({ id: ms[k], ce })));
    return out;
  }

  /** Brings the link summaries of incidents whose members left (a revision superseded them) up to date. */
  private async relink(c: Q, incidents: number[]): Promise<void> {
    for (const [inc, ms] of await this.membersOf(c, incidents))
      await c.query('UPDATE incidents SET link = $1 WHERE id = $2', [JSON.stringify(linkSummaryOf(ms)), inc]);
  }

  /**
   * Decides the incidents of an article's new events (by their index in the article) with the
   * backend-neutral planner (../link-plan.ts), under the advisory locks of their blocking keys
   * (taken in put), and applies its plan. New incidents of one new event each come back as rows
   * (`created`, ids taken) for insertEvents to write with the events.
   */
  private async link(
    c: Q,
    articleId: number,
    ces: (CorroborationEvent | null)[],
    prepared: PreparedEvent[],
    eventIds: number[],
    touched: Set<number>,
    now: string,
  ): Promise<{ incidentOf: Map<number, number>; landed: number[]; created: unknown[][] }> {
    const incidentOf = new Map<number, number>();
    const mine: NewEvent[] = [];
    ces.forEach((ce, k) => ce && mine.push({ k, id: eventIds[k], ce }));
    if (!mine.length) return { incidentOf, landed: [], created: [] };
    const plan = await planAsync(mine, async (r) => {
      if (r.op === 'members') return this.membersOf(c, r.incidents);
      const rows = (await c.query('SELECT DISTINCT i.id, i.link FROM incident_blocks b JOIN incidents i ON i.id = b.incident_id WHERE b.key = ANY($1::text[]) AND i.merged_into IS NULL', [r.keys])).rows;
      return rows.map((x): Candidate => ({ id: Number(x.id), link: this.linkCache.read(Number(x.id), x.link) }));
    });
    const created: unknown[][] = [];
    const inRow = new Set<number>();
    const soloSummaries = plan.created.map((cr) => (cr.solo === null || !prepared[cr.solo].solo ? null : soloSummaryJson(prepared[cr.solo], articleKey(articleId), ces[cr.solo]!.id)));
    // A retired incident is taken back by the group its founding member is in again (../ids.ts).
    const founded = plan.created.map((_, j) => incidentIdOf(plan.links.get(-(j + 1))!.link.min));
    const retired = new Set(
      (await c.query('SELECT id FROM incidents WHERE id = ANY($1::bigint[]) AND merged_into IS NOT NULL', [founded])).rows.map((r) => Number(r.id)),
    );
    const taken = await this.freeIds(c, 'incidents', founded.filter((f) => !retired.has(f)));
    const ids: number[] = [];
    for (const [j, cr] of plan.created.entries()) {
      if (retired.has(founded[j])) {
        await c.query('UPDATE incidents SET merged_into = NULL, family = $1, link = NULL, dirty = true, updated_at = $2 WHERE id = $3', [cr.family, now, founded[j]]);
        touched.add(founded[j]);
        ids.push(founded[j]);
        continue;
      }
      const summary = soloSummaries[j];
      const id = taken.shift()!;
      if (summary !== null) {
        // A new event alone in a new incident: its summary came prepared, nothing to recompute.
        created.push([id, ...incidentValues(prepared[cr.solo!].solo!.columns, summary, now), this.linkCache.write(id, plan.links.get(-(j + 1))!.link)]);
        inRow.add(id);
        ids.push(id);
      } else {
        await c.query('INSERT INTO incidents (id, family, updated_at) VALUES ($1, $2, $3)', [id, cr.family, now]);
        touched.add(id);
        ids.push(id);
      }
    }
    const id = (ref: number) => (ref < 0 ? ids[-ref - 1] : ref);
    for (const [k, ref] of plan.incidentOf) incidentOf.set(k, id(ref));
    for (const m of plan.moves) await c.query('UPDATE events SET incident_id = $1 WHERE id = $2', [id(m.to), m.eventId]);
    for (const m of plan.merged) {
      // Superseded events follow their incident, so that history still points somewhere live.
      await c.query('UPDATE events SET incident_id = $1 WHERE incident_id = $2', [id(m.into), m.from]);
      await c.query('UPDATE incidents SET merged_into = $1, updated_at = $2 WHERE id = $3', [id(m.into), now, m.from]);
    }
    const blockKeys: string[] = [];
    const blockIds: number[] = [];
    for (const [ref, { link, keys }] of plan.links) {
      const inc = id(ref);
      if (!inRow.has(inc)) await c.query('UPDATE incidents SET link = $1 WHERE id = $2', [this.linkCache.write(inc, link), inc]);
      for (const key of keys) blockKeys.push(key), blockIds.push(inc);
    }
    if (blockKeys.length)
      await c.query('INSERT INTO incident_blocks (key, incident_id) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING', [blockKeys, blockIds]);
    // An incident whose smallest member changed takes the id made from the new one (../ids.ts); the old row points to it.
    const renamed = new Map<number, number>();
    for (const [ref, { link }] of plan.links) {
      if (ref < 0 || !link.n) continue;
      const want = incidentIdOf(link.min);
      if (want === ref) continue;
      const there = (await c.query('SELECT merged_into FROM incidents WHERE id = $1', [want])).rows[0];
      if (there && there.merged_into === null) continue;
      if (there) {
        await c.query('DELETE FROM incident_blocks WHERE incident_id = $1', [want]);
        await c.query(
          'UPDATE incidents SET merged_into = NULL, family = (SELECT family FROM incidents WHERE id = $2), link = $3, dirty = true, updated_at = $4 WHERE id = $1',
          [want, ref, JSON.stringify(link), now],
        );
      } else
        await c.query(
        `INSERT INTO incidents (id, family, kind, date_start, date_end, day_start, day_end, country2, country3, location, admin1, lat, lon,
          events, articles, outlets, corroboration, grade, fatalities, summary, link, dirty, updated_at)
        SELECT $1, family, kind, date_start, date_end, day_start, day_end, country2, country3, location, admin1, lat, lon,
          events, articles, outlets, corroboration, grade, fatalities, summary, link, true, $3 FROM incidents WHERE id = $2`,
        [want, ref, now],
      );
      await c.query('UPDATE events SET incident_id = $1 WHERE incident_id = $2', [want, ref]);
      await c.query('UPDATE incident_blocks SET incident_id = $1 WHERE incident_id = $2', [want, ref]);
      await c.query('UPDATE incidents SET merged_into = $1, link = NULL, updated_at = $2 WHERE id = $3', [want, now, ref]);
      renamed.set(ref, want);
      touched.add(ref);
      touched.add(want);
    }
    const final = (inc: number) => renamed.get(inc) ?? inc;
    for (const [k, inc] of incidentOf) incidentOf.set(k, final(inc));
    for (const ref of plan.touched) touched.add(final(id(ref)));
    return { incidentOf, landed: [...new Set(incidentOf.values())].sort((x, y) => x - y), created };
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
