// The Store on SQLite (better-sqlite3): one file, WAL mode, one writer. Every SQL statement of the
// corpus lives here; what the rows mean is decided in ./rows.ts and ./link.ts.
import Database from 'better-sqlite3';
import type { Document } from '../contract.js';
import { kinds as taxonomyKinds, FAMILIES } from '../taxonomy.js';
import { country } from './countries.js';
import { canonicalUrl } from './hash.js';
import { MIGRATIONS } from './migrations.js';
import { conflictBetween, groupIncidents, sameIncident, summarise, type CorroborationEvent } from '../corroborate/index.js';
import { articleKey, assignGroups, candidateParams, candidateQuery, incidentColumns, LONG_SPAN_DAYS, REGROUP_LIMIT, VERY_LONG_SPAN_DAYS } from './link.js';
import { corroborationJson, prepareArticle, soloSummaryJson, type PreparedArticle, type PreparedEvent } from './prepare.js';
import { dayNumber } from './rows.js';
import { fts5Search } from '../query/aliases.js';
import type {
  ArticleDetail,
  Filter,
  IncidentDetail,
  Page,
  PutResult,
  RawMeta,
  Rejection,
  Stats,
  Store,
  StoredEvent,
  StoredIncident,
} from './types.js';

type DB = Database.Database;
type Row = Record<string, any>;

export interface SqliteOptions {
  readonly?: boolean;
}

const MAX_LIMIT = 10_000;
/** Matches counted before choosing how to read a text or box filter (sqlite.ts eventsSync). */
const COUNT_CAP = 20_000;
/** How much dearer a full-text probe per row walked is than reading one entry of the match list (measured: ~0.13 ms vs ~0.2 µs). */
const PROBE_RATIO = 500;

interface Special {
  /** the filter as a set of ids from its own index */
  drive: string;
  /** the filter as a check on one event */
  check: string;
  /** when nearly every event matches, a cheaper check (see eventsSync), and whether to use it given how many match */
  checkMany?: { sql: string; when: (counted: number, threshold: number) => boolean };
  params: unknown[];
  count: () => number;
}
/** Candidate events fetched per new event when linking (newest first): bounds the work in a crowded day and place. */
const MAX_CANDIDATES = 1000;
/** Parsed corroboration records kept in memory (they never change once written). */
const CORR_CACHE = 50_000;
/** Incident summaries recomputed per transaction when flushing. */
const FLUSH_BATCH = 200;
/** Read statements kept compiled (sqlite.ts sql()). */
const STATEMENTS_KEPT = 256;

/** Applies the migrations a database lacks; returns the versions applied. */
export function migrate(db: DB): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const have = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const applied: number[] = [];
  for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    if (have.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.run?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
    applied.push(m.version);
  }
  const newest = Math.max(...MIGRATIONS.map((m) => m.version));
  const top = Math.max(0, ...have);
  if (top > newest) throw new Error(`the database has schema version ${top}, newer than this sitrep knows (${newest})`);
  return applied;
}

/** FTS5 query from what a user typed (../query/search.ts: words, "phrases", prefix*; names with their other spellings). Throws on unsupported syntax. */
export function ftsQuery(q: string, mode: 'text' | 'actor' = 'text'): string {
  return fts5Search(q, mode);
}

function kindValues(k: string | string[] | undefined): { kinds: string[]; families: string[] } | null {
  if (k === undefined) return null;
  const values = (Array.isArray(k) ? k : [k]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (!values.length) return null;
  const fams = new Set<string>(FAMILIES);
  return { kinds: values.filter((v) => !fams.has(v)), families: values.filter((v) => fams.has(v)) };
}

/** Kinds of the given families, plus the given kinds: one IN list the kind indexes can use. */
function expandKinds(kv: { kinds: string[]; families: string[] }): string[] {
  const out = new Set(kv.kinds);
  if (kv.families.length) for (const k of taxonomyKinds()) if (kv.families.includes(k.family)) out.add(k.name);
  return [...out];
}

function countryCodes(c: string): { col: 'country3' | 'country2'; value: string } {
  const found = country(c);
  if (found) return { col: 'country3', value: found.alpha3 };
  const v = c.trim().toUpperCase();
  return v.length === 2 ? { col: 'country2', value: v } : { col: 'country3', value: v };
}

function encodeCursor(day: number | null, id: number): string {
  return Buffer.from(`${day ?? 'n'}:${id}`).toString('base64url');
}

function decodeCursor(c: string): { day: number | null; id: number } {
  const m = /^(n|-?\d+):(\d+)$/.exec(Buffer.from(c, 'base64url').toString());
  if (!m) throw new Error(`not a cursor from this store: "${c}"`);
  return { day: m[1] === 'n' ? null : Number(m[1]), id: Number(m[2]) };
}

/** WHERE fragment for keyset pages ordered by (day DESC NULLS LAST, id DESC). */
function afterCursor(dayCol: string, idCol: string, c: { day: number | null; id: number }, params: unknown[]): string {
  if (c.day === null) {
    params.push(c.id);
    return `(${dayCol} IS NULL AND ${idCol} < ?)`;
  }
  params.push(c.day, c.day, c.id);
  return `(${dayCol} < ? OR (${dayCol} = ? AND ${idCol} < ?) OR ${dayCol} IS NULL)`;
}

/** A linking candidate query through one of the events_link indexes, with its day condition. */
function candidateSql(index: string, days: string): string {
  return `SELECT e.id, e.incident_id FROM events e INDEXED BY ${index}
    WHERE e.family = @family AND ${days}
      AND e.superseded = 0 AND e.incident_id IS NOT NULL AND e.article_id != @articleId
      AND (@cls = 0
        OR (@cls = 1 AND (e.country2 IS NULL OR @country2 IS NULL OR e.country2 = @country2))
        OR (@cls >= 2 AND (e.geo_class = 0
          OR (e.geo_class = 1 AND (e.country2 IS NULL OR @country2 IS NULL OR e.country2 = @country2))
          OR (e.geo_class = 3 AND e.lat BETWEEN @nMinLat AND @nMaxLat AND e.lon BETWEEN @nMinLon AND @nMaxLon)
          OR (e.geo_class = 2 AND e.lat BETWEEN @cMinLat AND @cMaxLat AND e.lon BETWEEN @cMinLon AND @cMaxLon))))
    ORDER BY e.id DESC LIMIT ${MAX_CANDIDATES}`;
}

const EVENT_SELECT = `SELECT e.id, d.json, e.family, e.date, e.country2, e.country3, e.incident_id, e.superseded,
  e.article_id, r.n AS revision, a.url, a.outlet, a.title, a.published, i.corroboration, i.grade
  FROM events e JOIN event_docs d ON d.id = e.id JOIN articles a ON a.id = e.article_id JOIN revisions r ON r.id = e.revision_id
  LEFT JOIN incidents i ON i.id = e.incident_id`;

function storedEvent(r: Row): StoredEvent {
  const j = JSON.parse(r.json);
  return {
    id: r.id,
    event: j.event,
    family: r.family,
    date: r.date,
    country2: r.country2,
    country3: r.country3,
    place: j.place,
    article: { id: r.article_id, revision: r.revision, url: r.url, outlet: r.outlet, title: r.title, published: r.published },
    incidentId: r.incident_id,
    corroboration: r.incident_id === null ? null : r.corroboration,
    grade: r.incident_id === null ? null : r.grade,
    superseded: !!r.superseded,
  };
}

function storedIncident(r: Row): StoredIncident {
  return {
    id: r.id,
    family: r.family,
    kind: r.kind,
    dateStart: r.date_start,
    dateEnd: r.date_end,
    country2: r.country2,
    country3: r.country3,
    location: r.location,
    admin1: r.admin1,
    lat: r.lat,
    lon: r.lon,
    events: r.events,
    articles: r.articles,
    outlets: r.outlets,
    corroboration: r.corroboration,
    grade: r.grade,
    fatalities: r.fatalities,
    summary: r.summary ? JSON.parse(r.summary) : null,
  };
}

export class SqliteStore implements Store {
  readonly db: DB;
  private readonly s: Record<string, Database.Statement>;
  private readonly writable: boolean;
  private readonly corrCache = new Map<number, CorroborationEvent>();
  private readonly stmts = new Map<string, Database.Statement>();
  /** incidents whose summary is stale (also marked in the table, for a crash) */
  private dirty = false;

  constructor(
    readonly path: string,
    opts: SqliteOptions = {},
  ) {
    this.writable = !opts.readonly;
    this.db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly });
    this.db.pragma('busy_timeout = 10000');
    if (!opts.readonly) {
      this.db.pragma('journal_mode = WAL');
      // WAL + NORMAL: a commit survives the process being killed (not a power cut), without an fsync per article.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      // Checkpoints copy the WAL into the database and sync it twice: with SQLite's default (every
      // 1000 pages, a few articles) they cost more than the writes. Every 64 MB instead, and on flush.
      this.db.pragma('wal_autocheckpoint = 16384');
      migrate(this.db);
    }
    this.db.pragma('cache_size = -65536');
    this.db.pragma('temp_store = MEMORY');
    const p = (sql: string) => this.db.prepare(sql);
    this.s = opts.readonly
      ? {}
      : {
          rawSeen: p('SELECT revision_id FROM raw_inputs WHERE raw_hash = ?'),
          rawAdd: p('INSERT OR IGNORE INTO raw_inputs (raw_hash, revision_id) VALUES (?, ?)'),
          // Written so that the article is found by its key: a join on current_revision scans articles.
          sameText: p(
            'SELECT r.id, r.article_id FROM revisions r WHERE r.text_hash = ? AND r.id = (SELECT a.current_revision FROM articles a WHERE a.id = r.article_id) ORDER BY r.id LIMIT 1',
          ),
          revisionArticle: p('SELECT article_id FROM revisions WHERE id = ?'),
          byUrl: p('SELECT article_id FROM article_urls WHERE url = ?'),
          byKey: p('SELECT id FROM articles WHERE key = ?'),
          addUrl: p('INSERT OR IGNORE INTO article_urls (url, article_id) VALUES (?, ?)'),
          addArticle: p(
            'INSERT INTO articles (key, url, outlet, title, published, language, license, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          ),
          updArticle: p(
            'UPDATE articles SET url = coalesce(?, url), outlet = coalesce(?, outlet), title = coalesce(?, title), published = coalesce(?, published), language = ?, license = coalesce(?, license), current_revision = ? WHERE id = ?',
          ),
          current: p('SELECT current_revision FROM articles WHERE id = ?'),
          nextN: p('SELECT coalesce(max(n), 0) + 1 AS n FROM revisions WHERE article_id = ?'),
          addRevision: p(
            'INSERT INTO revisions (article_id, n, text_hash, source, title, text, document, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          ),
          supersedeRevision: p('UPDATE revisions SET superseded_by = ? WHERE id = ?'),
          supersededIncidents: p('SELECT DISTINCT incident_id FROM events WHERE revision_id = ? AND incident_id IS NOT NULL'),
          supersedeEvents: p('UPDATE events SET superseded = 1 WHERE revision_id = ?'),
          addRevisionFts: p('INSERT INTO revisions_fts (rowid, title, text) VALUES (?, ?, ?)'),
          addEntity: p('INSERT INTO entities (revision_id, local_id, name, type, country, role, mentions) VALUES (?, ?, ?, ?, ?, ?, ?)'),
          addPlace: p(
            'INSERT INTO places (revision_id, local_id, name, country, admin1, lat, lon, precision, geonameid, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          ),
          addEvent: p(`INSERT INTO events (revision_id, article_id, local_id, kind, family, event_type, sub_event_type, date, date_end, day,
            time_precision, country2, country3, admin1, location, lat, lon, geo_precision, initiator, initiator_country, target,
            target_country, fatalities, mode, historical, confidence, outlet, incident_id, day_lo, day_hi, geo_class)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
          addEventDoc: p('INSERT INTO event_docs (id, json, corr) VALUES (?, ?, ?)'),
          addClaim: p('INSERT INTO claims (event_id, n, claimant, via, outlet, stance, quote, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
          addRtree: p('INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)'),
          addEventFts: p('INSERT INTO events_fts (rowid, evidence, actors, place) VALUES (?, ?, ?, ?)'),
          // Events near this one in family, days and place (link.ts candidateQuery): short day ranges
          // starting near it, and (partial indexes) long and very long ranges overlapping it.
          // INDEXED BY: without statistics the planner may walk another index, one that grows with the table.
          candidates: p(candidateSql('events_link', 'e.day_lo BETWEEN @loFrom AND @loTo AND e.day_hi >= @lo')).raw(),
          // Bounded on both sides (a range that starts by @hi and lasts at most VERY_LONG_SPAN_DAYS ends
          // by @hiLong): open-ended, the walk would cover every later long report of the family, a
          // walk that grows with the corpus and made each article slower than the one before.
          candidatesLong: p(
            candidateSql(
              'events_link_long',
              `e.day_hi - e.day_lo > ${LONG_SPAN_DAYS} AND e.day_hi - e.day_lo <= ${VERY_LONG_SPAN_DAYS} AND e.day_hi BETWEEN @lo AND @hiLong AND e.day_lo <= @hi`,
            ),
          ).raw(),
          candidatesVeryLong: p(candidateSql('events_link_vlong', `e.day_hi - e.day_lo > ${VERY_LONG_SPAN_DAYS} AND e.day_hi >= @lo AND e.day_lo <= @hi`)).raw(),
          newIncident: p('INSERT INTO incidents (family, updated_at) VALUES (?, ?)'),
          newSolo: p(`INSERT INTO incidents (family, kind, date_start, date_end, day_start, day_end, country2, country3, location, admin1, lat, lon,
            events, articles, outlets, corroboration, grade, fatalities, summary, dirty, updated_at)
            VALUES (@family, @kind, @dateStart, @dateEnd, @dayStart, @dayEnd, @country2, @country3, @location, @admin1, @lat, @lon,
            @events, @articles, @outlets, @corroboration, @grade, @fatalities, @summary, 0, @at)`),
          setIncident: p('UPDATE events SET incident_id = ? WHERE id = ?'),
          moveIncident: p('UPDATE events SET incident_id = ? WHERE incident_id = ? AND superseded = 1'),
          mergeIncident: p('UPDATE incidents SET merged_into = ?, updated_at = ? WHERE id = ?'),
          members: p('SELECT e.id FROM events e WHERE e.incident_id = ? AND e.superseded = 0 ORDER BY e.id'),
          corr: p('SELECT corr FROM event_docs WHERE id = ?'),
          markDirty: p('UPDATE incidents SET dirty = 1 WHERE id = ?'),
          dirtyIds: p(`SELECT id FROM incidents WHERE dirty = 1 ORDER BY id LIMIT ${FLUSH_BATCH}`),
          anyDirty: p('SELECT 1 FROM incidents WHERE dirty = 1 LIMIT 1'),
          updIncident: p(`UPDATE incidents SET kind = @kind, date_start = @dateStart, date_end = @dateEnd, day_start = @dayStart,
            day_end = @dayEnd, country2 = @country2, country3 = @country3, location = @location, admin1 = @admin1, lat = @lat, lon = @lon,
            events = @events, articles = @articles, outlets = @outlets, corroboration = @corroboration, grade = @grade,
            fatalities = @fatalities, summary = @summary, dirty = 0, updated_at = @at WHERE id = @id`),
          unreject: p('DELETE FROM rejected WHERE source = ?'),
          reject: p(
            'INSERT INTO rejected (source, reason, at) VALUES (?, ?, ?) ON CONFLICT(source) DO UPDATE SET reason = excluded.reason, at = excluded.at',
          ),
        };
    // Summaries left stale by a run that was killed are brought up to date on the next read.
    if (this.writable) this.dirty = this.s.anyDirty.get() !== undefined;
  }

  /**
   * A read statement, compiled once: queries are built from the filters given, and a server asks
   * the same few shapes again and again. Bounded, as IN lists make many shapes.
   */
  private sql(text: string, raw = false): Database.Statement {
    let st = this.stmts.get(text);
    if (!st) {
      if (this.stmts.size >= STATEMENTS_KEPT) this.stmts.clear();
      st = this.db.prepare(text);
      this.stmts.set(text, st);
    }
    return st.raw(raw);
  }

  async putArticle(doc: Document, raw: RawMeta): Promise<PutResult> {
    return this.putPreparedSync(prepareArticle(doc), raw);
  }

  async putPrepared(p: PreparedArticle, raw: RawMeta): Promise<PutResult> {
    return this.putPreparedSync(p, raw);
  }

  /** putArticle without the Promise, for callers that batch on one thread (bench, tests). */
  putArticleSync(doc: Document, raw: RawMeta): PutResult {
    return this.putPreparedSync(prepareArticle(doc), raw);
  }

  putPreparedSync(p: PreparedArticle, raw: RawMeta): PutResult {
    try {
      return this.db.transaction(() => this.putTx(p, raw))();
    } catch (e) {
      // Rowids of a rolled-back transaction are handed out again: forget what was cached for them.
      this.corrCache.clear();
      throw e;
    }
  }

  private putTx(p: PreparedArticle, raw: RawMeta): PutResult {
    const s = this.s;
    const th = raw.textHash ?? p.textHash;
    const canon = canonicalUrl(raw.url ?? p.article.url);
    const key = canon ?? raw.key ?? `text:${th}`;
    const now = new Date().toISOString();
    if (raw.rawHash) {
      const seen = s.rawSeen.get(raw.rawHash) as Row | undefined;
      if (seen) return this.duplicate(seen.revision_id);
    }
    const existingId: number | undefined = canon ? (s.byUrl.get(canon) as Row | undefined)?.article_id : (s.byKey.get(key) as Row | undefined)?.id;
    const same = s.sameText.get(th) as Row | undefined;
    if (same) {
      if (canon && existingId === undefined) s.addUrl.run(canon, same.article_id);
      if (raw.rawHash) s.rawAdd.run(raw.rawHash, same.id);
      s.unreject.run(raw.source);
      return this.duplicate(same.id);
    }
    const a = p.article;
    const url = a.url ?? raw.url ?? null;
    const touched = new Set<number>();
    let articleId: number;
    let n = 1;
    let status: PutResult['status'] = 'new';
    let previous: number | null = null;
    if (existingId !== undefined) {
      articleId = existingId;
      status = 'revision';
      previous = (s.current.get(articleId) as Row).current_revision;
      n = (s.nextN.get(articleId) as Row).n;
    } else {
      articleId = Number(s.addArticle.run(key, url, a.outlet, a.title, a.published, a.language, a.license, now).lastInsertRowid);
      if (canon) s.addUrl.run(canon, articleId);
    }
    const revisionId = Number(s.addRevision.run(articleId, n, th, raw.source, a.title, p.text, p.document, now).lastInsertRowid);
    s.updArticle.run(url, a.outlet, a.title, a.published, a.language, a.license, revisionId, articleId);
    if (previous !== null) {
      s.supersedeRevision.run(revisionId, previous);
      for (const r of s.supersededIncidents.all(previous) as Row[]) touched.add(r.incident_id);
      s.supersedeEvents.run(previous);
    }
    // Full-text search over article text, as the corpus promises (issue: FTS5 over text and evidence).
    s.addRevisionFts.run(revisionId, a.title ?? '', p.text);
    // One single-row statement per row: measured, multi-row INSERTs were slower here (SQLite
    // copies bound VALUES rows through a temporary table), and the indexes' work is the same.
    for (const e of p.entities) s.addEntity.run(revisionId, ...e);
    for (const pl of p.places) s.addPlace.run(revisionId, ...pl);
    // Incidents are decided before the events are written, so each is written once, with its incident.
    const ak = articleKey(articleId);
    const corr = p.events.map((e) => corroborationJson(e, ak));
    const ces = p.events.map((e, k) => (e.link ? (JSON.parse(corr[k]!) as CorroborationEvent) : null));
    const { incidentOf, landed } = this.link(articleId, ces, p.events, touched, now);
    const eventIds = p.events.map((e, k) => {
      const id = this.insertEvent(revisionId, articleId, e, corr[k], incidentOf.get(k) ?? null);
      // Only linked events are ever read back as candidates or members.
      if (ces[k]) this.remember(id, ces[k]!);
      return id;
    });
    // Summaries are recomputed later, once per incident however many articles join it (flush).
    for (const id of touched) s.markDirty.run(id);
    if (touched.size) this.dirty = true;
    if (raw.rawHash) s.rawAdd.run(raw.rawHash, revisionId);
    s.unreject.run(raw.source);
    return { status, articleId, revisionId, eventIds, incidentIds: landed };
  }

  private duplicate(revisionId: number): PutResult {
    const r = this.s.revisionArticle.get(revisionId) as Row;
    return { status: 'duplicate', articleId: r.article_id, revisionId, eventIds: [], incidentIds: [] };
  }

  private insertEvent(revisionId: number, articleId: number, e: PreparedEvent, corr: string | null, incidentId: number | null): number {
    const s = this.s;
    const r = e.row;
    const id = Number(
      s.addEvent.run(
        revisionId,
        articleId,
        r.localId,
        r.kind,
        r.family,
        r.eventType,
        r.subEventType,
        r.date,
        r.dateEnd,
        r.day,
        r.timePrecision,
        r.country2,
        r.country3,
        r.place?.admin1 ?? null,
        r.place?.name ?? null,
        r.place?.lat ?? null,
        r.place?.lon ?? null,
        r.place?.precision ?? null,
        r.initiator,
        r.initiatorCountry,
        r.target,
        r.targetCountry,
        r.fatalities,
        r.mode,
        r.historical ? 1 : 0,
        r.confidence,
        r.outlet,
        incidentId,
        r.dayLo,
        r.dayHi,
        r.geoClass,
      ).lastInsertRowid,
    );
    s.addEventDoc.run(id, e.json, corr);
    e.claims.forEach((c, n) => s.addClaim.run(id, n, ...c));
    if (r.place && r.place.lat !== null && r.place.lon !== null) s.addRtree.run(id, r.place.lon, r.place.lon, r.place.lat, r.place.lat);
    s.addEventFts.run(id, r.fts.evidence, r.fts.actors, r.fts.place);
    return id;
  }

  private remember(id: number, ce: CorroborationEvent): void {
    if (this.corrCache.size >= CORR_CACHE) this.corrCache.delete(this.corrCache.keys().next().value!);
    this.corrCache.set(id, ce);
  }

  /** The corroboration record of a stored event, parsed once while it is among the most recently used. */
  private corrOne(id: number): CorroborationEvent {
    let ce = this.corrCache.get(id);
    if (ce) {
      // Most recently used last: what remember() evicts first is what linking asked for least lately.
      this.corrCache.delete(id);
      this.corrCache.set(id, ce);
    } else {
      ce = JSON.parse((this.s.corr.get(id) as Row).corr) as CorroborationEvent;
      this.remember(id, ce);
    }
    return ce;
  }

  private corrOf(ids: number[]): CorroborationEvent[] {
    return ids.map((id) => this.corrOne(id));
  }

  /**
   * Decides the incidents of an article's new events (by their index in the article). Finds the
   * incidents each new event matches (../corroborate sameIncident against events from an indexed
   * candidate query). When the neighbourhood (new events and those incidents' members) is small,
   * regroups it with the module's groupIncidents and maps the groups onto incident ids
   * (./link.ts assignGroups), moving existing members where the grouping changed: the result then
   * does not depend on the order articles came in. A larger neighbourhood (a much-reported
   * incident) is joined incrementally: each new event joins the lowest-numbered incident it
   * matches and is compatible with, member by member, else starts one.
   */
  private link(
    articleId: number,
    ces: (CorroborationEvent | null)[],
    prepared: PreparedEvent[],
    touched: Set<number>,
    now: string,
  ): { incidentOf: Map<number, number>; landed: number[] } {
    const s = this.s;
    const incidentOf = new Map<number, number>();
    // New events go by temporary ids -1, -2, … until written. ces holds the linkable ones only (prepare.ts).
    const mine: { tmp: number; k: number; ce: CorroborationEvent }[] = [];
    ces.forEach((ce, k) => ce && mine.push({ tmp: -(k + 1), k, ce }));
    if (!mine.length) return { incidentOf, landed: [] };
    const hits = new Map<number, number[]>(); // tmp id → incidents it matches, ascending
    const asked = new Map<string, Map<number, number[]>>();
    for (const { tmp, ce } of mine) {
      const q = candidateQuery(ce);
      const matched: number[] = [];
      hits.set(tmp, matched);
      if (!q) continue;
      const params = candidateParams(q, articleId);
      // Events of one article often ask the same question.
      const key = Object.values(params).join('|');
      let byIncident = asked.get(key);
      if (!byIncident) {
        byIncident = new Map();
        for (const rows of [s.candidates.all(params), s.candidatesLong.all(params), s.candidatesVeryLong.all(params)] as [number, number][][])
          for (const [id, inc] of rows) {
            const l = byIncident.get(inc);
            if (!l) byIncident.set(inc, [id]);
            else if (!l.includes(id)) l.push(id);
          }
        asked.set(key, byIncident);
      }
      // An incident matches when one of its nearby events does.
      for (const inc of [...byIncident.keys()].sort((x, y) => x - y))
        if (byIncident.get(inc)!.some((id) => sameIncident(ce, this.corrOne(id)))) matched.push(inc);
    }
    const hit = [...new Set([...hits.values()].flat())].sort((x, y) => x - y);
    // A new event alone in a new incident: its summary came prepared, nothing to recompute.
    const solo = (m: { k: number; ce: CorroborationEvent }): number | null => {
      const e = prepared[m.k];
      const summary = soloSummaryJson(e, articleKey(articleId), m.ce.id);
      if (!e.solo || summary === null) return null;
      const c = e.solo.columns;
      return Number(
        s.newSolo.run({
          ...c,
          dayStart: dayNumber(c.dateStart),
          dayEnd: dayNumber(c.dateEnd),
          country3: country(c.country2)?.alpha3 ?? null,
          summary,
          at: now,
        }).lastInsertRowid,
      );
    };
    if (!hit.length) {
      // Nothing matched: events of one article are never one incident, so each stands alone.
      for (const m of mine) {
        let inc = solo(m);
        if (inc === null) touched.add((inc = Number(s.newIncident.run(m.ce.family, now).lastInsertRowid)));
        incidentOf.set(m.k, inc);
      }
      return { incidentOf, landed: [...new Set(incidentOf.values())].sort((x, y) => x - y) };
    }
    const members = new Map<number, number[]>(hit.map((inc) => [inc, (s.members.all(inc) as Row[]).map((r) => r.id as number)]));
    const size = mine.length + [...members.values()].reduce((n, m) => n + m.length, 0);
    const landed = new Set<number>();
    const byTmp = new Map(mine.map((m) => [m.tmp, m]));
    const place = (id: number, inc: number) => {
      const m = byTmp.get(id);
      if (m) {
        incidentOf.set(m.k, inc);
        landed.add(inc);
      } else s.setIncident.run(inc, id);
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
        this.corrOf(ids).forEach((ce, k) => {
          current.set(ids[k], inc);
          byCe.set(ce.id, ids[k]);
          all.push(ce);
        });
      const plan = assignGroups(groupIncidents(all).map((g) => g.events.map((e) => byCe.get(e.id)!)), current);
      const clean = new Set<number>();
      const ids = plan.groups.map((g) => {
        if (g.incidentId !== null) return g.incidentId;
        const alone = g.members.length === 1 ? byTmp.get(g.members[0]) : undefined;
        const inc = alone ? solo(alone) : null;
        if (inc !== null) clean.add(inc);
        return inc ?? Number(s.newIncident.run(all[0].family, now).lastInsertRowid);
      });
      plan.groups.forEach((g, k) => {
        for (const m of g.members) if (current.get(m) !== ids[k]) place(m, ids[k]);
        if (!clean.has(ids[k])) touched.add(ids[k]);
      });
      for (const m of plan.merged) {
        // Superseded events follow their incident, so that history still points somewhere live.
        s.moveIncident.run(ids[m.into], m.from);
        s.mergeIncident.run(ids[m.into], now, m.from);
        touched.add(m.from);
      }
    } else {
      const local = new Map<number, CorroborationEvent>();
      const corr = (ids: number[]) => ids.map((id) => (id < 0 ? local.get(id)! : this.corrOne(id)));
      for (const { tmp, ce } of mine) {
        const target = hits.get(tmp)!.find((inc) => corr(members.get(inc)!).every((m) => conflictBetween(ce, m) === null));
        const alone = target === undefined ? solo(byTmp.get(tmp)!) : null;
        const inc = target ?? alone ?? Number(s.newIncident.run(ce.family, now).lastInsertRowid);
        place(tmp, inc);
        local.set(tmp, ce);
        members.set(inc, [...(members.get(inc) ?? []), tmp]);
        if (alone === null) touched.add(inc);
      }
    }
    return { incidentOf, landed: [...landed].sort((x, y) => x - y) };
  }

  /**
   * Brings stale incident summaries up to date, a batch per transaction, letting this thread's
   * other work run between batches: during an ingest, the worker threads' results are taken (and
   * the workers given more) rather than left waiting for a long flush to end.
   */
  async flush(): Promise<void> {
    while (this.flushBatch()) await new Promise((res) => setImmediate(res));
  }

  flushSync(): void {
    while (this.flushBatch());
  }

  /** Recomputes one batch of stale summaries; false when none was left. */
  private flushBatch(): boolean {
    if (!this.writable || !this.dirty) return false;
    const ids = (this.s.dirtyIds.all() as Row[]).map((r) => r.id as number);
    if (!ids.length) {
      this.dirty = false;
      this.db.pragma('wal_checkpoint(PASSIVE)');
      return false;
    }
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const id of ids) this.recompute(id, now);
    })();
    return true;
  }

  private recompute(incidentId: number, now: string): void {
    const ids = (this.s.members.all(incidentId) as Row[]).map((r) => r.id as number);
    if (!ids.length) {
      this.s.updIncident.run({
        id: incidentId, kind: null, dateStart: null, dateEnd: null, dayStart: null, dayEnd: null, country2: null, country3: null,
        location: null, admin1: null, lat: null, lon: null, events: 0, articles: 0, outlets: 0, corroboration: 0, grade: null,
        fatalities: null, summary: null, at: now,
      });
      return;
    }
    const members = this.corrOf(ids);
    const sum = summarise(members);
    const c = incidentColumns(members, sum);
    this.s.updIncident.run({
      id: incidentId,
      kind: c.kind,
      dateStart: c.dateStart,
      dateEnd: c.dateEnd,
      dayStart: dayNumber(c.dateStart),
      dayEnd: dayNumber(c.dateEnd),
      country2: c.country2,
      country3: country(c.country2)?.alpha3 ?? null,
      location: c.location,
      admin1: c.admin1,
      lat: c.lat,
      lon: c.lon,
      events: c.events,
      articles: c.articles,
      outlets: c.outlets,
      corroboration: c.corroboration,
      grade: c.grade,
      fatalities: c.fatalities,
      summary: JSON.stringify(sum),
      at: now,
    });
  }

  async hasRaw(rawHash: string): Promise<boolean> {
    return this.hasRawSync(rawHash);
  }

  hasRawSync(rawHash: string): boolean {
    return this.s.rawSeen.get(rawHash) !== undefined;
  }

  async putRejected(r: Rejection): Promise<void> {
    this.s.reject.run(r.source, r.reason, new Date().toISOString());
  }

  async clearRejected(source: string): Promise<void> {
    this.s.unreject.run(source);
  }

  async rejected(limit = 1000): Promise<(Rejection & { at: string })[]> {
    return this.sql('SELECT source, reason, at FROM rejected ORDER BY at DESC, source LIMIT ?').all(limit) as (Rejection & { at: string })[];
  }

  async events(f: Filter = {}): Promise<Page<StoredEvent>> {
    return this.eventsSync(f);
  }

  eventsSync(f: Filter = {}): Page<StoredEvent> {
    this.flushSync();
    const limit = Math.max(1, Math.min(MAX_LIMIT, f.limit ?? 100));
    let total: number | undefined;
    const events = () => (total ??= Math.max(1, (this.sql('SELECT max(id) AS n FROM events').get() as Row).n ?? 0));
    const where = ['e.superseded = 0'];
    const params: unknown[] = [];
    const { from, to } = dayBounds(f);
    if (from !== null) where.push('e.day >= ?'), params.push(from);
    if (to !== null) where.push('e.day <= ?'), params.push(to);
    if (f.country) {
      const c = countryCodes(f.country);
      where.push(`e.${c.col} = ?`);
      params.push(c.value);
    }
    const kv = kindValues(f.kind);
    if (kv) {
      const ks = expandKinds(kv);
      where.push(`e.kind IN (${ks.map(() => '?').join(', ') || 'NULL'})`);
      params.push(...ks);
    }
    const match: string[] = [];
    if (f.actor) {
      const c = f.actor.trim().length <= 3 ? country(f.actor) : undefined;
      if (c) {
        // Read through the actor indexes, all of them, then sorted; or, when many events name the
        // country, by walking all events newest first and checking each ("+": not through the
        // indexes) until the page is full (ISR: 85 ms → a few ms on a million events). The same
        // rule as the text and box filters below.
        const n = this.countUpTo('SELECT id FROM events WHERE initiator_country = ? OR target_country = ?', [c.alpha3, c.alpha3]);
        where.push(n * n > (limit + 1) * events() * 4 ? '(+e.initiator_country = ? OR +e.target_country = ?)' : '(e.initiator_country = ? OR e.target_country = ?)');
        params.push(c.alpha3, c.alpha3);
      } else {
        match.push(`actors : (${ftsQuery(f.actor, 'actor')})`);
      }
    }
    if (f.q) {
      match.push(`(${ftsQuery(f.q)})`);
    }
    if (f.minCorroboration !== undefined && f.minCorroboration > 0) {
      where.push('EXISTS (SELECT 1 FROM incidents mi WHERE mi.id = e.incident_id AND mi.corroboration >= ?)');
      params.push(f.minCorroboration);
    }
    if (f.cursor) where.push(afterCursor('e.day', 'e.id', decodeCursor(f.cursor), params));

    // Text and box filters can be read two ways: from their own index (FTS5, R*Tree) to a set of
    // events that is then sorted, or as a check on each event met while walking the others in
    // order. The first is best when few events match, the second when many do (the walk stops at
    // the page's end). Which: the cheaper of (matches) and (rows walked ≈ limit × events / matches).
    const specials: Special[] = [];
    if (match.length) {
      const m = match.join(' AND ');
      specials.push({
        drive: 'e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)',
        // Not EXISTS (… MATCH ? AND rowid = e.id) for each row walked: FTS5 reads the terms' lists
        // again for each, 0.1–0.4 ms a row (seconds for a page of a common word with a country).
        // The IN list is read once (with a Bloom filter); "+" keeps it a check on the walk in page
        // order, not a set to sort. Only when nearly every event matches (a word in every actor
        // name) is reading the whole list dearer than the few rows the page walks.
        check: '+e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)',
        checkMany: {
          sql: 'EXISTS (SELECT 1 FROM events_fts WHERE events_fts MATCH ? AND rowid = e.id)',
          when: (n, threshold) => n >= COUNT_CAP && this.countUpTo('SELECT rowid FROM events_fts WHERE events_fts MATCH ?', [m], threshold) >= threshold,
        },
        params: [m],
        count: () => this.countUpTo('SELECT rowid FROM events_fts WHERE events_fts MATCH ?', [m]),
      });
    }
    if (f.bbox) {
      const [minLon, minLat, maxLon, maxLat] = f.bbox;
      // A box across the antimeridian has minLon > maxLon: it is two boxes.
      const across = minLon > maxLon;
      const box = `${across ? '(min_lon >= ? OR max_lon <= ?)' : 'min_lon >= ? AND max_lon <= ?'} AND min_lat >= ? AND max_lat <= ?`;
      specials.push({
        drive: `e.id IN (SELECT id FROM events_rtree WHERE ${box})`,
        check: `${across ? '(e.lon >= ? OR e.lon <= ?)' : 'e.lon BETWEEN ? AND ?'} AND e.lat BETWEEN ? AND ?`,
        params: [minLon, maxLon, minLat, maxLat],
        count: () => this.countUpTo(`SELECT id FROM events_rtree WHERE ${box}`, [minLon, maxLon, minLat, maxLat]),
      });
    }
    let from_ = 'events e';
    if (specials.length) {
      const total = events();
      const counted = specials.map((sp) => ({ sp, n: sp.count() })).sort((a, b) => a.n - b.n);
      const best = counted[0];
      const drive = best.n < COUNT_CAP && best.n * best.n <= (limit + 1) * total * 4;
      // A check reading a list of n once beats a probe per row walked (≈ (limit + 1) × total / n rows,
      // each PROBE_RATIO times dearer than a list entry) while n² < (limit + 1) × total × PROBE_RATIO.
      const many = Math.ceil(Math.sqrt((limit + 1) * total * PROBE_RATIO));
      for (const { sp, n } of counted) {
        if (drive && sp === best.sp) where.push(sp.drive);
        else where.push(sp.checkMany?.when(n, many) ? sp.checkMany.sql : sp.check);
        params.push(...sp.params);
      }
      // Driven by a small set: rowid look-ups, not another index's walk.
      if (drive) from_ = 'events e NOT INDEXED';
    }
    const page = this.sql(`SELECT e.id, e.day FROM ${from_} WHERE ${where.join(' AND ')} ORDER BY e.day DESC, e.id DESC LIMIT ?`, true)
      .all(...params, limit + 1) as [number, number | null][];
    const more = page.length > limit;
    const ids = page.slice(0, limit);
    // The documents of the page only, in the page's order.
    const byId = new Map<number, Row>();
    for (let k = 0; k < ids.length; k += 500) {
      const chunk = ids.slice(k, k + 500).map((x) => x[0]);
      for (const r of this.sql(`${EVENT_SELECT} WHERE e.id IN (${chunk.map(() => '?').join(', ')})`).all(...chunk) as Row[]) byId.set(r.id, r);
    }
    const last = ids[ids.length - 1];
    return { items: ids.map(([id]) => storedEvent(byId.get(id)!)), cursor: more && last ? encodeCursor(last[1], last[0]) : null };
  }

  /** How many rows a query gives, counting no further than COUNT_CAP. */
  private countUpTo(sql: string, params: unknown[], cap = COUNT_CAP): number {
    return (this.sql(`SELECT count(*) AS n FROM (${sql} LIMIT ?)`).get(...params, cap) as Row).n;
  }

  async incidents(f: Filter = {}): Promise<Page<StoredIncident>> {
    return this.incidentsSync(f);
  }

  incidentsSync(f: Filter = {}): Page<StoredIncident> {
    this.flushSync();
    const limit = Math.max(1, Math.min(MAX_LIMIT, f.limit ?? 100));
    const incidents = () => Math.max(1, (this.sql('SELECT max(id) AS n FROM incidents').get() as Row).n ?? 0);
    const where = ['i.events > 0'];
    const params: unknown[] = [];
    const { from, to } = dayBounds(f);
    if (from !== null) where.push('i.day_end >= ?'), params.push(from);
    if (to !== null) where.push('i.day_start <= ?'), params.push(to);
    if (f.country) {
      const c = countryCodes(f.country);
      where.push(`i.${c.col} = ?`);
      params.push(c.value);
    }
    const kv = kindValues(f.kind);
    if (kv) {
      const alts: string[] = [];
      if (kv.families.length) {
        alts.push(`i.family IN (${kv.families.map(() => '?').join(', ')})`);
        params.push(...kv.families);
      }
      if (kv.kinds.length) {
        // Few events of these kinds: their incidents as a set; many: a check on each incident walked (see the actor filter below).
        const list = kv.kinds.map(() => '?').join(', ');
        const n = this.countUpTo(`SELECT id FROM events WHERE kind IN (${list})`, kv.kinds);
        alts.push(
          n < COUNT_CAP && n * n <= (limit + 1) * incidents() * 4
            ? `i.id IN (SELECT k.incident_id FROM events k WHERE k.kind IN (${list}) AND k.superseded = 0)`
            : `EXISTS (SELECT 1 FROM events k WHERE k.incident_id = i.id AND k.superseded = 0 AND k.kind IN (${list}))`,
        );
        params.push(...kv.kinds);
      }
      where.push(`(${alts.join(' OR ')})`);
    }
    const match: string[] = [];
    if (f.actor) {
      const c = f.actor.trim().length <= 3 ? country(f.actor) : undefined;
      if (c) {
        // Few events naming the country: their incidents as a set, through the actor indexes (a walk
        // over the incidents checking each would cross them all: seconds). Many: that walk, which
        // fills a page soon, rather than a large set. The same rule as eventsSync's text filter.
        const n = this.countUpTo('SELECT id FROM events WHERE initiator_country = ? OR target_country = ?', [c.alpha3, c.alpha3]);
        const few = n < COUNT_CAP && n * n <= (limit + 1) * incidents() * 4;
        where.push(
          few
            ? 'i.id IN (SELECT k.incident_id FROM events k WHERE (k.initiator_country = ? OR k.target_country = ?) AND k.superseded = 0)'
            : 'EXISTS (SELECT 1 FROM events k WHERE k.incident_id = i.id AND k.superseded = 0 AND (k.initiator_country = ? OR k.target_country = ?))',
        );
        params.push(c.alpha3, c.alpha3);
      } else {
        match.push(`actors : (${ftsQuery(f.actor, 'actor')})`);
      }
    }
    if (f.q) {
      match.push(`(${ftsQuery(f.q)})`);
    }
    if (match.length) {
      // As for events (eventsSync): few matches, their incidents as a set; more, a check on the
      // members of each incident walked, against the list of matches read once; nearly all, a
      // full-text probe per member rather than the whole list.
      const m = match.join(' AND ');
      const fts = 'SELECT rowid FROM events_fts WHERE events_fts MATCH ?';
      const n = this.countUpTo(fts, [m]);
      const total = Math.max(1, (this.sql('SELECT max(id) AS n FROM events').get() as Row).n ?? 0);
      const many = Math.ceil(Math.sqrt((limit + 1) * total * PROBE_RATIO));
      if (n < COUNT_CAP && n * n <= (limit + 1) * incidents() * 4) where.push(`i.id IN (SELECT k.incident_id FROM events k WHERE k.superseded = 0 AND k.id IN (${fts}))`);
      else if (n < COUNT_CAP || this.countUpTo(fts, [m], many) < many)
        where.push(`EXISTS (SELECT 1 FROM events k WHERE k.incident_id = i.id AND k.superseded = 0 AND +k.id IN (${fts}))`);
      else where.push('EXISTS (SELECT 1 FROM events k WHERE k.incident_id = i.id AND k.superseded = 0 AND EXISTS (SELECT 1 FROM events_fts WHERE events_fts MATCH ? AND rowid = k.id))');
      params.push(m);
    }
    if (f.bbox) {
      const [minLon, minLat, maxLon, maxLat] = f.bbox;
      where.push(minLon <= maxLon ? 'i.lon BETWEEN ? AND ?' : '(i.lon >= ? OR i.lon <= ?)');
      where.push('i.lat BETWEEN ? AND ?');
      params.push(minLon, maxLon, minLat, maxLat);
    }
    if (f.minCorroboration !== undefined && f.minCorroboration > 0) {
      where.push('i.corroboration >= ?');
      params.push(f.minCorroboration);
    }
    if (f.cursor) where.push(afterCursor('i.day_start', 'i.id', decodeCursor(f.cursor), params));
    const rows = this.sql(`SELECT i.* FROM incidents i WHERE ${where.join(' AND ')} ORDER BY i.day_start DESC, i.id DESC LIMIT ?`)
      .all(...params, limit + 1) as Row[];
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(storedIncident), cursor: more && last ? encodeCursor(last.day_start, last.id) : null };
  }

  async getEvent(id: number): Promise<StoredEvent | null> {
    this.flushSync();
    const r = this.sql(`${EVENT_SELECT} WHERE e.id = ?`).get(id) as Row | undefined;
    return r ? storedEvent(r) : null;
  }

  async getIncident(id: number): Promise<IncidentDetail | null> {
    this.flushSync();
    let r = this.sql('SELECT * FROM incidents WHERE id = ?').get(id) as Row | undefined;
    // An incident merged into another is answered by the one it became.
    for (let hops = 0; r?.merged_into && hops < 100; hops++) r = this.sql('SELECT * FROM incidents WHERE id = ?').get(r.merged_into) as Row | undefined;
    if (!r) return null;
    const members = (this.sql(`${EVENT_SELECT} WHERE e.incident_id = ? AND e.superseded = 0 ORDER BY e.id`).all(r.id) as Row[]).map(storedEvent);
    return { ...storedIncident(r), members };
  }

  async getArticle(id: number): Promise<ArticleDetail | null> {
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
        )
        .all(id) as Row[]
    ).map((r) => ({ id: r.id, n: r.n, source: r.source, textHash: r.text_hash, ingestedAt: r.ingested_at, supersededBy: r.superseded_by, events: r.events }));
    const urls = (this.sql('SELECT url FROM article_urls WHERE article_id = ? ORDER BY url').all(id) as Row[]).map((r) => r.url);
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
    };
  }

  async stats(): Promise<Stats> {
    this.flushSync();
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

  /** "ok", or SQLite's list of problems. */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    if (this.writable) {
      this.flushSync();
      // Keeps the planner's statistics current (cheap: it analyses only what changed a lot).
      this.db.pragma('optimize');
    }
    this.db.close();
  }
}

/** A filter's date bounds as day numbers, checked: events and incidents read them the same way. */
function dayBounds(f: Filter): { from: number | null; to: number | null } {
  const from = dayNumber(f.from);
  const to = dayNumber(f.to);
  if (f.from !== undefined && from === null) throw new Error(`"from" is not an ISO date: ${f.from}`);
  if (f.to !== undefined && to === null) throw new Error(`"to" is not an ISO date: ${f.to}`);
  return { from, to };
}
