// Filters → SQL for PostgreSQL: the WHERE clauses and parameters of an events or incidents page.
// What each filter means is decided once for every backend (../filter.ts); here it becomes
// PostgreSQL's terms: text search as a tsquery over the events' tsvector (GIN), boxes as latitude
// and longitude ranges (btree), pages newest first with undated rows last (as SQLite orders NULLs).
// PostgreSQL's planner picks between an index's set and a walk in page order from its statistics,
// which SQLite's store has to do by counting (../sqlite/filters.ts).
import { actorCountry, countryCodes, dayBounds, decodeCursor, expandKinds, kindValues, pageLimit, searchQuery, type Search } from '../filter.js';
import type { Filter } from '../types.js';
import { TEXT_CONFIG } from './migrations.js';

/** Parameters of one statement, numbered as they are added ($1, $2, …). */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

export interface PageQuery {
  sql: string;
  params: unknown[];
  limit: number;
  /** the page's rows without a day, read when the first query leaves room for them (after a cursor with a day) */
  undated?: { sql: string; params: unknown[] };
}

/**
 * tsquery text for search terms (every term must occur), in the syntax to_tsquery reads: words
 * are letters and digits only (../../query/search.ts), so quoting them is safe; a name's other spellings are ORed. `weight` limits
 * the match to one part of the event's tsvector (B: its actors).
 */
export function tsQuery(search: Search, weight?: 'B'): string {
  const word = (w: string, prefix: boolean) => `'${w.toLowerCase()}'${prefix || weight ? `:${prefix ? '*' : ''}${weight ?? ''}` : ''}`;
  const term = (t: Search[number]['any'][number]) =>
    t.words.length > 1 ? `(${t.words.map((w, k) => word(w, t.prefix && k === t.words.length - 1)).join(' <-> ')})` : word(t.words[0], t.prefix);
  return search.map((c) => (c.any.length === 1 ? term(c.any[0]) : `(${c.any.map(term).join(' | ')})`)).join(' & ');
}

/** The text a filter searches (its q, and an actor given by name), as one tsquery; null when none. */
function textQuery(f: Filter): string | null {
  const parts: string[] = [];
  if (f.actor && !actorCountry(f.actor)) {
    parts.push(`(${tsQuery(searchQuery(f.actor, 'actor'), 'B')})`);
  }
  if (f.q) {
    parts.push(`(${tsQuery(searchQuery(f.q))})`);
  }
  return parts.length ? parts.join(' & ') : null;
}

/** Where a page starts: after a cursor's dated row (the dated rows below it), or among the undated rows (below an id, or all of them). */
type After = { dated: { day: number; id: number } } | { undated: number | null } | null;

/**
 * A page after f's cursor, ordered by (day DESC NULLS LAST, id DESC), `page` building its statement.
 * After a cursor with a day, the dated rows below it are one range of the day indexes, which a row
 * value seeks to; an OR with the undated rows was a filter on a walk from the newest row instead
 * (1M events, a page 300,000 deep: 49 ms; with q=hospital, 846 ms; seeking, 0.03 and 0.3 ms). The
 * undated rows, last in the order, are asked apart (as ../sqlite/filters.ts does).
 */
function keysetPage(f: Filter, page: (after: After) => PageQuery): PageQuery {
  const c = f.cursor ? decodeCursor(f.cursor) : null;
  if (!c) return page(null);
  if (c.day === null) return page({ undated: c.id });
  const q = page({ dated: { day: c.day, id: c.id } });
  q.undated = page({ undated: null });
  return q;
}

/** The WHERE condition of `after` (keysetPage), or null for a first page. */
function afterCond(dayCol: string, idCol: string, after: After, p: Params): string | null {
  if (!after) return null;
  if ('dated' in after) return `(${dayCol}, ${idCol}) < (${p.add(after.dated.day)}, ${p.add(after.dated.id)})`;
  return after.undated === null ? `${dayCol} IS NULL` : `(${dayCol} IS NULL AND ${idCol} < ${p.add(after.undated)})`;
}

/** Point in a [minLon, minLat, maxLon, maxLat] box; across the antimeridian (minLon > maxLon) it is two boxes. */
function inBox(lon: string, lat: string, bbox: NonNullable<Filter['bbox']>, p: Params): string {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const lons = minLon <= maxLon ? `${lon} BETWEEN ${p.add(minLon)} AND ${p.add(maxLon)}` : `(${lon} >= ${p.add(minLon)} OR ${lon} <= ${p.add(maxLon)})`;
  return `${lat} BETWEEN ${p.add(minLat)} AND ${p.add(maxLat)} AND ${lons}`;
}

/** The ids and days of one page of events (`SELECT e.id, e.day … LIMIT limit + 1`). */
export function eventsPage(f: Filter): PageQuery {
  return keysetPage(f, (after) => eventsSql(f, pageLimit(f), after));
}

/** An events page's statement, starting `after` (keysetPage). */
function eventsSql(f: Filter, limit: number, after: After): PageQuery {
  const p = new Params();
  const where = ['NOT e.superseded'];
  const { from, to } = dayBounds(f);
  if (from !== null) where.push(`e.day >= ${p.add(from)}`);
  if (to !== null) where.push(`e.day <= ${p.add(to)}`);
  if (f.country) {
    const c = countryCodes(f.country);
    where.push(`e.${c.col} = ${p.add(c.value)}`);
  }
  // The outlet as typed, in any case (events_outlet_day).
  if (f.outlet) where.push(`lower(e.outlet) = lower(${p.add(f.outlet.trim())})`);
  const kv = kindValues(f.kind);
  if (kv) {
    const ks = expandKinds(kv);
    // One kind as an equality: PostgreSQL reads = ANY(array) from an index in no useful order, so a
    // page of one kind walked every event newest first (events_day) rather than its own index in
    // page order (events_kind_day): 1M events, kind=air_strike, 0.99 → 0.12 ms.
    where.push(ks.length === 1 ? `e.kind = ${p.add(ks[0])}` : `e.kind = ANY(${p.add(ks)}::text[])`);
  }
  const ac = f.actor ? actorCountry(f.actor) : undefined;
  if (ac) {
    const c = p.add(ac);
    where.push(`(e.initiator_country = ${c} OR e.target_country = ${c})`);
  }
  const tq = textQuery(f);
  if (tq) where.push(`e.fts @@ to_tsquery('${TEXT_CONFIG}', ${p.add(tq)})`);
  if (f.bbox) where.push(inBox('e.lon', 'e.lat', f.bbox, p));
  if (f.minCorroboration !== undefined && f.minCorroboration > 0)
    // A set the planner can start from when few incidents qualify (incidents_corroboration), or check while walking when many do.
    where.push(`e.incident_id IN (SELECT mi.id FROM incidents mi WHERE mi.events > 0 AND mi.corroboration >= ${p.add(f.minCorroboration)})`);
  const cursor = afterCond('e.day', 'e.id', after, p);
  if (cursor) where.push(cursor);
  const sql = `SELECT e.id, e.day FROM events e WHERE ${where.join(' AND ')} ORDER BY e.day DESC NULLS LAST, e.id DESC LIMIT ${p.add(limit + 1)}`;
  return { sql, params: p.values, limit };
}

/** One page of incidents (`SELECT i.* … LIMIT limit + 1`). */
export function incidentsPage(f: Filter): PageQuery {
  return keysetPage(f, (after) => incidentsSql(f, pageLimit(f), after));
}

/** An incidents page's statement, starting `after` (keysetPage). */
function incidentsSql(f: Filter, limit: number, after: After): PageQuery {
  const p = new Params();
  const where = ['i.events > 0'];
  // A condition on an incident's current members.
  const member = (cond: string) => `EXISTS (SELECT 1 FROM events k WHERE k.incident_id = i.id AND NOT k.superseded AND ${cond})`;
  const { from, to } = dayBounds(f);
  if (from !== null) where.push(`i.day_end >= ${p.add(from)}`);
  if (to !== null) where.push(`i.day_start <= ${p.add(to)}`);
  if (f.country) {
    const c = countryCodes(f.country);
    where.push(`i.${c.col} = ${p.add(c.value)}`);
  }
  if (f.outlet) where.push(member(`lower(k.outlet) = lower(${p.add(f.outlet.trim())})`));
  const kv = kindValues(f.kind);
  if (kv) {
    const alts: string[] = [];
    if (kv.families.length) alts.push(`i.family = ANY(${p.add(kv.families)}::text[])`);
    if (kv.kinds.length) alts.push(member(`k.kind = ANY(${p.add(kv.kinds)}::text[])`));
    where.push(`(${alts.join(' OR ')})`);
  }
  const ac = f.actor ? actorCountry(f.actor) : undefined;
  if (ac) {
    const c = p.add(ac);
    where.push(member(`(k.initiator_country = ${c} OR k.target_country = ${c})`));
  }
  const tq = textQuery(f);
  if (tq) where.push(member(`k.fts @@ to_tsquery('${TEXT_CONFIG}', ${p.add(tq)})`));
  if (f.bbox) where.push(inBox('i.lon', 'i.lat', f.bbox, p));
  if (f.minCorroboration !== undefined && f.minCorroboration > 0) where.push(`i.corroboration >= ${p.add(f.minCorroboration)}`);
  const cursor = afterCond('i.day_start', 'i.id', after, p);
  if (cursor) where.push(cursor);
  const sql = `SELECT i.* FROM incidents i WHERE ${where.join(' AND ')} ORDER BY i.day_start DESC NULLS LAST, i.id DESC LIMIT ${p.add(limit + 1)}`;
  return { sql, params: p.values, limit };
}
