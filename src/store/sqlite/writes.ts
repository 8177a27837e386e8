// Writes on SQLite: an article with its revision, mentions and events, the incidents its events
// are linked into (decisions from ../link.ts), incident summaries brought up to date (flush), and
// rejected inputs. The caller (./store.ts) holds the transaction: one per article or per batch.
import type Database from 'better-sqlite3';
import { country } from '../countries.js';
import { canonicalUrl, withoutTracking } from '../hash.js';
import { summarise, type CorroborationEvent } from '../../corroborate/index.js';
import { articleKey, incidentColumns, type IncidentColumns } from '../link.js';
import { LinkCache, linkSummaryOf, planSync, type Candidate, type LinkSummary, type Member, type NewEvent } from '../link-plan.js';
import { articleIdOf, eventIdOf, freeId, incidentIdOf } from '../ids.js';
import { corroborationJson, soloSummaryJson, type PreparedArticle, type PreparedEvent } from '../prepare.js';
import { dayNumber } from '../rows.js';
import type { PutResult, RawMeta, Rejection } from '../types.js';

type Row = Record<string, any>;

/** Parsed corroboration records kept in memory (they never change once written). */
const CORR_CACHE = 50_000;
/** Incident summaries recomputed per transaction when flushing. */
const FLUSH_BATCH = 200;

/** Statements the bulk loader (../../tools/sqlite-bulk.ts) writes with too, so that its rows are these rows. */
export const SQL = {
  addArticle: 'INSERT INTO articles (id, key, url, outlet, title, published, language, license, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  addRevision: 'INSERT INTO revisions (article_id, n, text_hash, source, title, text, document, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  addEntity: 'INSERT INTO entities (revision_id, local_id, name, type, country, role, mentions) VALUES (@revisionId, @localId, @name, @type, @country, @role, @mentions)',
  addPlace: `INSERT INTO places (revision_id, local_id, name, country, admin1, lat, lon, precision, geonameid, mentions)
        VALUES (@revisionId, @localId, @name, @country, @admin1, @lat, @lon, @precision, @geonameid, @mentions)`,
  // Positional: named parameters cost an object of 32 properties per event, and a lookup of each.
  addEvent: `INSERT INTO events (id, revision_id, article_id, local_id, kind, family, event_type, sub_event_type, date, date_end, day,
        time_precision, country2, country3, admin1, location, lat, lon, geo_precision, initiator, initiator_country, target,
        target_country, fatalities, mode, historical, confidence, outlet, incident_id, day_lo, day_hi, geo_class)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  addEventDoc: 'INSERT INTO event_docs (id, json, corr) VALUES (?, ?, ?)',
  addClaim: 'INSERT INTO claims (event_id, n, claimant, via, outlet, stance, quote, evidence) VALUES (@eventId, @n, @claimant, @via, @outlet, @stance, @quote, @evidence)',
  addBlock: 'INSERT OR IGNORE INTO incident_blocks (key, incident_id) VALUES (?, ?)',
  newSolo: `INSERT INTO incidents (id, family, kind, date_start, date_end, day_start, day_end, country2, country3, location, admin1, lat, lon,
        events, articles, outlets, corroboration, grade, fatalities, summary, dirty, updated_at)
        VALUES (@id, @family, @kind, @dateStart, @dateEnd, @dayStart, @dayEnd, @country2, @country3, @location, @admin1, @lat, @lon,
        @events, @articles, @outlets, @corroboration, @grade, @fatalities, @summary, 0, @at)`,
};

/** The parameters of SQL.addEvent for a prepared event, in its columns' order. */
export function eventParams(id: number, revisionId: number, articleId: number, e: PreparedEvent, incidentId: number | null): unknown[] {
  const r = e.row;
  const place = r.place;
  return [
    id, revisionId, articleId, r.localId, r.kind, r.family, r.eventType, r.subEventType, r.date, r.dateEnd, r.day,
    r.timePrecision, r.country2, r.country3, place?.admin1 ?? null, place?.name ?? null, place?.lat ?? null, place?.lon ?? null,
    place?.precision ?? null, r.initiator, r.initiatorCountry, r.target, r.targetCountry, r.fatalities, r.mode, r.historical ? 1 : 0,
    r.confidence, r.outlet, incidentId, r.dayLo, r.dayHi, r.geoClass,
  ];
}

/** The parameters of SQL.newSolo: an incident whose one member's summary came prepared. */
export function soloParams(id: number, col: IncidentColumns, summary: string, now: string): Record<string, unknown> {
  return { id, ...col, dayStart: dayNumber(col.dateStart), dayEnd: dayNumber(col.dateEnd), country3: country(col.country2)?.alpha3 ?? null, summary, at: now };
}

export class Writes {
  private readonly s: Record<string, Database.Statement>;
  private readonly corrCache = new Map<number, CorroborationEvent>();
  private readonly linkCache = new LinkCache(CORR_CACHE);
  /** incidents whose summary is stale (also marked in the table, for a crash) */
  private dirty = false;

  constructor(private readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
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
      addArticle: p(SQL.addArticle),
      updArticle: p(
        'UPDATE articles SET url = coalesce(url, ?), outlet = coalesce(?, outlet), title = coalesce(?, title), published = coalesce(?, published), language = ?, license = coalesce(?, license), current_revision = ? WHERE id = ?',
      ),
      current: p('SELECT current_revision FROM articles WHERE id = ?'),
      nextN: p('SELECT coalesce(max(n), 0) + 1 AS n FROM revisions WHERE article_id = ?'),
      addRevision: p(SQL.addRevision),
      supersedeRevision: p('UPDATE revisions SET superseded_by = ? WHERE id = ?'),
      supersededIncidents: p('SELECT DISTINCT incident_id FROM events WHERE revision_id = ? AND incident_id IS NOT NULL'),
      supersedeEvents: p('UPDATE events SET superseded = 1 WHERE revision_id = ?'),
      addRevisionFts: p('INSERT INTO revisions_fts (rowid, title, text) VALUES (?, ?, ?)'),
      addEntity: p(SQL.addEntity),
      addPlace: p(SQL.addPlace),
      addEvent: p(SQL.addEvent),
      addEventDoc: p(SQL.addEventDoc),
      addClaim: p(SQL.addClaim),
      addRtree: p('INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)'),
      addEventFts: p('INSERT INTO events_fts (rowid, evidence, actors, place) VALUES (?, ?, ?, ?)'),
      candidates: p(
        'SELECT DISTINCT i.id, i.link FROM incident_blocks b JOIN incidents i ON i.id = b.incident_id WHERE b.key IN (SELECT value FROM json_each(?)) AND i.merged_into IS NULL',
      ),
      setLink: p('UPDATE incidents SET link = ? WHERE id = ?'),
      addBlock: p(SQL.addBlock),
      articleExists: p('SELECT 1 FROM articles WHERE id = ?').pluck(),
      eventExists: p('SELECT 1 FROM events WHERE id = ?').pluck(),
      incidentExists: p('SELECT 1 FROM incidents WHERE id = ?').pluck(),
      familyOf: p('SELECT family FROM incidents WHERE id = ?').pluck(),
      incidentRetired: p('SELECT 1 FROM incidents WHERE id = ? AND merged_into IS NOT NULL').pluck(),
      // A retired incident taken back by the group its founding member is in again (../ids.ts): the
      // id is the founder's whatever happened before; rows that pointed to it point to it live.
      revive: p('UPDATE incidents SET merged_into = NULL, family = ?, link = NULL, dirty = 1, updated_at = ? WHERE id = ?'),
      newIncident: p('INSERT INTO incidents (id, family, updated_at) VALUES (?, ?, ?)'),
      // An incident under its new id (its smallest member changed, ./ids.ts): the old row stays, pointing to it.
      renameIncident: p(`INSERT INTO incidents (id, family, kind, date_start, date_end, day_start, day_end, country2, country3, location, admin1, lat, lon,
        events, articles, outlets, corroboration, grade, fatalities, summary, link, dirty, updated_at)
        SELECT @to, family, kind, date_start, date_end, day_start, day_end, country2, country3, location, admin1, lat, lon,
        events, articles, outlets, corroboration, grade, fatalities, summary, link, 1, @at FROM incidents WHERE id = @from`),
      renameBlocks: p('INSERT OR IGNORE INTO incident_blocks (key, incident_id) SELECT key, ? FROM incident_blocks WHERE incident_id = ?'),
      dropBlocks: p('DELETE FROM incident_blocks WHERE incident_id = ?'),
      retire: p('UPDATE incidents SET merged_into = ?, link = NULL, dirty = 1, updated_at = ? WHERE id = ?'),
      newSolo: p(SQL.newSolo),
      setIncident: p('UPDATE events SET incident_id = ? WHERE id = ?'),
      moveIncident: p('UPDATE events SET incident_id = ? WHERE incident_id = ?'),
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
    this.dirty = this.s.anyDirty.get() !== undefined;
  }

  /** Forgets what was cached about rows a rolled-back transaction wrote (their rowids are handed out again). */
  rolledBack(): void {
    this.corrCache.clear();
    this.linkCache.clear();
  }

  /** Stores one prepared article; the caller holds the transaction. */
  put(p: PreparedArticle, raw: RawMeta): PutResult {
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
    const url = withoutTracking(a.url ?? raw.url);
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
      articleId = freeId(articleIdOf(canon, th), (id) => !!s.articleExists.get(id));
      s.addArticle.run(articleId, key, url, a.outlet, a.title, a.published, a.language, a.license, now);
      if (canon) s.addUrl.run(canon, articleId);
    }
    const revisionId = Number(s.addRevision.run(articleId, n, th, raw.source, a.title, p.text, p.document, now).lastInsertRowid);
    s.updArticle.run(url, a.outlet, a.title, a.published, a.language, a.license, revisionId, articleId);
    if (previous !== null) {
      s.supersedeRevision.run(revisionId, previous);
      for (const r of s.supersededIncidents.all(previous) as Row[]) touched.add(r.incident_id);
      s.supersedeEvents.run(previous);
      this.relink(touched);
    }
    // Full-text search over article text, as the corpus promises (issue: FTS5 over text and evidence).
    s.addRevisionFts.run(revisionId, a.title ?? '', p.text);
    // One single-row statement per row: measured, multi-row INSERTs were slower here (SQLite
    // copies bound VALUES rows through a temporary table), and the indexes' work is the same.
    for (const e of p.entities) s.addEntity.run({ revisionId, ...e });
    for (const pl of p.places) s.addPlace.run({ revisionId, ...pl });
    // Incidents are decided before the events are written, so each is written once, with its incident.
    const ak = articleKey(articleId);
    const corr = p.events.map((e) => corroborationJson(e, ak));
    const ces = p.events.map((e, k) => (e.link ? (JSON.parse(corr[k]!) as CorroborationEvent) : null));
    const taken = new Set<number>();
    const eventIds = p.events.map((e) => {
      const id = freeId(eventIdOf(articleId, th, e.idKey), (x) => taken.has(x) || !!s.eventExists.get(x));
      taken.add(id);
      return id;
    });
    const { incidentOf, landed } = this.link(articleId, ces, p.events, eventIds, touched, now);
    p.events.forEach((e, k) => {
      const id = eventIds[k];
      this.insertEvent(id, revisionId, articleId, e, corr[k], incidentOf.get(k) ?? null);
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

  private insertEvent(id: number, revisionId: number, articleId: number, e: PreparedEvent, corr: string | null, incidentId: number | null): void {
    const s = this.s;
    const r = e.row;
    s.addEvent.run(eventParams(id, revisionId, articleId, e, incidentId));
    s.addEventDoc.run(id, e.json, corr);
    e.claims.forEach((c, n) => s.addClaim.run({ eventId: id, n, ...c }));
    if (r.place && r.place.lat !== null && r.place.lon !== null) s.addRtree.run(id, r.place.lon, r.place.lon, r.place.lat, r.place.lat);
    s.addEventFts.run(id, r.fts.evidence, r.fts.actors, r.fts.place);
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

  /** Live incidents registered under these blocking keys, with their link summaries (parsed once per version). */
  private candidatesAt(keys: string[]): Candidate[] {
    return (this.s.candidates.all(JSON.stringify(keys)) as Row[]).map((r) => ({ id: r.id as number, link: this.linkCache.read(r.id, r.link) }));
  }

  private setLink(id: number, link: LinkSummary): void {
    this.s.setLink.run(this.linkCache.write(id, link), id);
  }

  private membersOf(incidents: number[]): Map<number, Member[]> {
    return new Map(
      incidents.map((inc) => {
        const ids = (this.s.members.all(inc) as Row[]).map((r) => r.id as number);
        return [inc, this.corrOf(ids).map((ce, k) => ({ id: ids[k], ce }))];
      }),
    );
  }

  /** Brings the link summaries of incidents whose members left (a revision superseded them) up to date. */
  private relink(incidents: Iterable<number>): void {
    for (const [inc, ms] of this.membersOf([...incidents])) this.setLink(inc, linkSummaryOf(ms));
  }

  /**
   * Decides the incidents of an article's new events (by their index in the article) with the
   * backend-neutral planner (../link-plan.ts) and applies its plan.
   */
  private link(
    articleId: number,
    ces: (CorroborationEvent | null)[],
    prepared: PreparedEvent[],
    eventIds: number[],
    touched: Set<number>,
    now: string,
  ): { incidentOf: Map<number, number>; landed: number[] } {
    const s = this.s;
    const mine: NewEvent[] = [];
    ces.forEach((ce, k) => ce && mine.push({ k, id: eventIds[k], ce }));
    const incidentOf = new Map<number, number>();
    if (!mine.length) return { incidentOf, landed: [] };
    const plan = planSync(mine, (r) => (r.op === 'candidates' ? this.candidatesAt(r.keys) : this.membersOf(r.incidents)));
    const exists = (id: number) => !!s.incidentExists.get(id);
    const retired = (id: number) => !!s.incidentRetired.get(id);
    const ids = plan.created.map((c, j) => {
      const founded = incidentIdOf(plan.links.get(-(j + 1))!.link.min);
      if (retired(founded)) {
        s.revive.run(c.family, now, founded);
        touched.add(founded);
        return founded;
      }
      const newId = freeId(founded, exists);
      if (c.solo !== null) {
        // A new event alone in a new incident: its summary came prepared, nothing to recompute.
        const e = prepared[c.solo];
        const summary = soloSummaryJson(e, articleKey(articleId), ces[c.solo]!.id);
        if (e.solo && summary !== null) {
          s.newSolo.run(soloParams(newId, e.solo.columns, summary, now));
          return newId;
        }
      }
      s.newIncident.run(newId, c.family, now);
      touched.add(newId);
      return newId;
    });
    const id = (ref: number) => (ref < 0 ? ids[-ref - 1] : ref);
    for (const [k, ref] of plan.incidentOf) incidentOf.set(k, id(ref));
    for (const m of plan.moves) s.setIncident.run(id(m.to), m.eventId);
    for (const m of plan.merged) {
      // Superseded events follow their incident, so that history still points somewhere live.
      s.moveIncident.run(id(m.into), m.from);
      s.mergeIncident.run(id(m.into), now, m.from);
    }
    for (const [ref, { link, keys }] of plan.links) {
      const inc = id(ref);
      this.setLink(inc, link);
      for (const key of keys) s.addBlock.run(key, inc);
    }
    // An incident whose smallest member changed takes the id made from the new one (./ids.ts).
    const renamed = new Map<number, number>();
    for (const [ref, { link }] of plan.links) {
      if (ref < 0 || !link.n) continue;
      const want = incidentIdOf(link.min);
      if (want === ref) continue;
      const there = exists(want);
      if (there && !retired(want)) continue;
      if (there) {
        s.revive.run(s.familyOf.get(ref), now, want);
        this.setLink(want, link);
      } else s.renameIncident.run({ to: want, from: ref, at: now });
      s.moveIncident.run(want, ref);
      s.renameBlocks.run(want, ref);
      s.dropBlocks.run(ref);
      s.retire.run(want, now, ref);
      renamed.set(ref, want);
      touched.add(ref);
      touched.add(want);
    }
    const final = (inc: number) => renamed.get(inc) ?? inc;
    for (const [k, inc] of incidentOf) incidentOf.set(k, final(inc));
    for (const ref of plan.touched) touched.add(final(id(ref)));
    return { incidentOf, landed: [...new Set(incidentOf.values())].sort((x, y) => x - y) };
  }

  /** A batch of incidents whose summaries are stale (empty when none is left). */
  staleBatch(): number[] {
    if (!this.dirty) return [];
    const ids = (this.s.dirtyIds.all() as Row[]).map((r) => r.id as number);
    if (!ids.length) this.dirty = false;
    return ids;
  }

  /** Recomputes the summaries of these incidents; the caller holds the transaction. */
  recomputeAll(ids: number[]): void {
    const now = new Date().toISOString();
    for (const id of ids) this.recompute(id, now);
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


  putRejected(r: Rejection): void {
    this.s.reject.run(r.source, r.reason, new Date().toISOString());
  }

  clearRejected(source: string): void {
    this.s.unreject.run(source);
  }
}
