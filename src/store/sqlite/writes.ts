// Writes on SQLite: an article with its revision, mentions and events, the incidents its events
// are linked into (decisions from ../link.ts), incident summaries brought up to date (flush), and
// rejected inputs. The caller (./store.ts) holds the transaction: one per article or per batch.
import type Database from 'better-sqlite3';
import { country } from '../countries.js';
import { canonicalUrl, withoutTracking } from '../hash.js';
import { conflictBetween, groupIncidents, sameIncident, summarise, type CorroborationEvent } from '../../corroborate/index.js';
import { articleKey, assignGroups, candidateParams, candidateQuery, incidentColumns, LONG_SPAN_DAYS, REGROUP_LIMIT, VERY_LONG_SPAN_DAYS } from '../link.js';
import { corroborationJson, soloSummaryJson, type PreparedArticle, type PreparedEvent } from '../prepare.js';
import { dayNumber } from '../rows.js';
import type { PutResult, RawMeta, Rejection } from '../types.js';

type Row = Record<string, any>;

/** Candidate events fetched per new event when linking (newest first): bounds the work in a crowded day and place. */
const MAX_CANDIDATES = 1000;
/** Parsed corroboration records kept in memory (they never change once written). */
const CORR_CACHE = 50_000;
/** Incident summaries recomputed per transaction when flushing. */
const FLUSH_BATCH = 200;

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

export class Writes {
  private readonly s: Record<string, Database.Statement>;
  private readonly corrCache = new Map<number, CorroborationEvent>();
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
      addArticle: p(
        'INSERT INTO articles (key, url, outlet, title, published, language, license, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      updArticle: p(
        'UPDATE articles SET url = coalesce(url, ?), outlet = coalesce(?, outlet), title = coalesce(?, title), published = coalesce(?, published), language = ?, license = coalesce(?, license), current_revision = ? WHERE id = ?',
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
      addEntity: p(
        'INSERT INTO entities (revision_id, local_id, name, type, country, role, mentions) VALUES (@revisionId, @localId, @name, @type, @country, @role, @mentions)',
      ),
      addPlace: p(`INSERT INTO places (revision_id, local_id, name, country, admin1, lat, lon, precision, geonameid, mentions)
        VALUES (@revisionId, @localId, @name, @country, @admin1, @lat, @lon, @precision, @geonameid, @mentions)`),
      addEvent: p(`INSERT INTO events (revision_id, article_id, local_id, kind, family, event_type, sub_event_type, date, date_end, day,
        time_precision, country2, country3, admin1, location, lat, lon, geo_precision, initiator, initiator_country, target,
        target_country, fatalities, mode, historical, confidence, outlet, incident_id, day_lo, day_hi, geo_class)
        VALUES (@revisionId, @articleId, @localId, @kind, @family, @eventType, @subEventType, @date, @dateEnd, @day,
        @timePrecision, @country2, @country3, @admin1, @location, @lat, @lon, @geoPrecision, @initiator, @initiatorCountry, @target,
        @targetCountry, @fatalities, @mode, @historical, @confidence, @outlet, @incidentId, @dayLo, @dayHi, @geoClass)`),
      addEventDoc: p('INSERT INTO event_docs (id, json, corr) VALUES (?, ?, ?)'),
      addClaim: p('INSERT INTO claims (event_id, n, claimant, via, outlet, stance, quote, evidence) VALUES (@eventId, @n, @claimant, @via, @outlet, @stance, @quote, @evidence)'),
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
    this.dirty = this.s.anyDirty.get() !== undefined;
  }

  /** Forgets what was cached about rows a rolled-back transaction wrote (their rowids are handed out again). */
  rolledBack(): void {
    this.corrCache.clear();
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
    for (const e of p.entities) s.addEntity.run({ revisionId, ...e });
    for (const pl of p.places) s.addPlace.run({ revisionId, ...pl });
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
    const { place, fts, dayLo, dayHi, geoClass, ...flat } = r;
    const id = Number(
      s.addEvent.run({
        ...flat,
        revisionId,
        articleId,
        admin1: place?.admin1 ?? null,
        location: place?.name ?? null,
        lat: place?.lat ?? null,
        lon: place?.lon ?? null,
        geoPrecision: place?.precision ?? null,
        historical: r.historical ? 1 : 0,
        incidentId,
        dayLo,
        dayHi,
        geoClass,
      }).lastInsertRowid,
    );
    s.addEventDoc.run(id, e.json, corr);
    e.claims.forEach((c, n) => s.addClaim.run({ eventId: id, n, ...c }));
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
