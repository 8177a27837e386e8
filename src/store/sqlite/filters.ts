// Filters → SQL for SQLite: the WHERE clauses, parameters and read strategy of an events or
// incidents page. Which index serves a text, box or actor filter depends on how many rows match
// (counted, capped), so the builders ask a `Counter`; everything else is plain string building.
import { actorCountry, countryCodes, dayBounds, decodeCursor, expandKinds, kindValues, pageLimit, searchQuery } from '../filter.js';
import { toFts5 } from '../../query/search.js';
import type { Filter } from '../types.js';
import { pushAll } from '../../arrays.js';

/** Matches counted before choosing how to read a text or box filter. */
export const COUNT_CAP = 20_000;

/** What the builders ask the database: how many rows a query gives (up to a cap), and how large a table is. */
export interface Counter {
  countUpTo(sql: string, params: unknown[], cap?: number): number;
  /**
   * How many events a full-text match (events_fts MATCH) gives, up to `cap`, to choose between
   * reading its list and probing the index per row: estimated from a sample on a large store
   * (counting a common word's 84,000 matches cost as much as the page it chose).
   */
  ftsMatches(match: string, cap: number): number;
  /** how many rows `events` or `incidents` holds (at least 1), lately counted: the table's size, as far as plans go */
  size(table: 'events' | 'incidents'): number;
  /**
   * How much dearer a full-text probe for one row walked is than reading one entry of a match
   * list: FTS5 seeks the word in each segment of its index, so ≈ 35 × (segments + 1), lately
   * counted (measured: 1 segment, 10.6 µs vs 0.135 µs; 8 segments, 48 µs vs 0.18 µs; a store
   * built article by article, tens of segments, ~0.13 ms).
   */
  probeRatio(): number;
}

export interface PageQuery {
  sql: string;
  params: unknown[];
  limit: number;
  /** the page's rows without a day, read when the first query leaves room for them (after a cursor with a day) */
  undated?: { sql: string; params: unknown[] };
}

/** FTS5 query from what a user typed (../filter.ts searchQuery): clauses ANDed, a name's spellings ORed. */
export function ftsQuery(q: string, mode: 'text' | 'actor' = 'text'): string {
  return toFts5(searchQuery(q, mode));
}

/**
 * The keyset condition of a page after `cursor`, ordered by (day DESC NULLS LAST, id DESC), added to
 * where/params. After a cursor with a day, the dated rows below it are one range of the day indexes,
 * which a row value seeks to (an OR with the undated rows walked every row above it: 27 ms for a
 * page deep in a million events, 0.2 ms seeking); the undated rows, last, are then asked apart:
 * `undated` makes that query from the page's (its conditions, the cursor's replaced).
 */
function keyset(dayCol: string, idCol: string, cursor: string | null | undefined, where: string[], params: unknown[]): { undated: (q: PageQuery, page: (w: string[]) => string) => PageQuery['undated'] } {
  const none = { undated: () => undefined };
  if (!cursor) return none;
  const c = decodeCursor(cursor);
  if (c.day === null) {
    where.push(`(${dayCol} IS NULL AND ${idCol} < ?)`);
    params.push(c.id);
    return none;
  }
  const [at, from] = [where.length, params.length];
  where.push(`(${dayCol}, ${idCol}) < (?, ?)`);
  params.push(c.day, c.id);
  return {
    undated: (q, page) => ({ sql: page(where.map((w, k) => (k === at ? `${dayCol} IS NULL` : w))), params: q.params.filter((_p, k) => k !== from && k !== from + 1) }),
  };
}

/** The conditions events and incidents share (dates, country, outlet), each in the table's own terms. */
function dayCountryOutlet(f: Filter, sql: { base: string; from: string; to: string; country: string; outlet: string }): { where: string[]; params: unknown[] } {
  const where = [sql.base];
  const params: unknown[] = [];
  const { from, to } = dayBounds(f);
  if (from !== null) where.push(sql.from), params.push(from);
  if (to !== null) where.push(sql.to), params.push(to);
  if (f.country) {
    const c = countryCodes(f.country);
    where.push(`${sql.country}.${c.col} = ?`);
    params.push(c.value);
  }
  if (f.outlet) {
    where.push(sql.outlet);
    params.push(f.outlet.trim());
  }
  return { where, params };
}

interface Special {
  /** the filter as a set of ids from its own index */
  drive: string;
  /** the filter as a check on one event */
  check: string;
  /** when nearly every event matches, a cheaper check, and whether to use it given how many match */
  checkMany?: { sql: string; when: (counted: number, threshold: number) => boolean };
  params: unknown[];
  count: () => number;
}

/** The ids and days of one page of events (`SELECT e.id, e.day … LIMIT limit + 1`). */
export function eventsPage(f: Filter, db: Counter): PageQuery {
  const limit = pageLimit(f);
  const { where, params } = dayCountryOutlet(f, {
    base: 'e.superseded = 0',
    from: 'e.day >= ?',
    to: 'e.day <= ?',
    country: 'e',
    outlet: 'e.outlet = ? COLLATE NOCASE',
  });
  const kv = kindValues(f.kind);
  if (kv) {
    const ks = expandKinds(kv);
    where.push(`e.kind IN (${ks.map(() => '?').join(', ') || 'NULL'})`);
    pushAll(params, ks);
  }
  const match: string[] = [];
  if (f.actor) {
    const c = actorCountry(f.actor);
    if (c) {
      // Read through the actor indexes, all of them, then sorted; or, when many events name the
      // country, by walking all events newest first and checking each ("+": not through the
      // indexes) until the page is full (ISR: 85 ms → a few ms on a million events). The same
      // rule as the text and box filters below.
      // Counted up to where the walk wins: capped lower (COUNT_CAP), a million events never
      // reached it, and RUS's 86,000 were read and sorted (0.4 s).
      const threshold = Math.ceil(Math.sqrt((limit + 1) * db.size('events') * 4)) + 1;
      const n = db.countUpTo('SELECT id FROM events WHERE initiator_country = ? OR target_country = ?', [c, c], threshold);
      where.push(n >= threshold ? '(+e.initiator_country = ? OR +e.target_country = ?)' : '(e.initiator_country = ? OR e.target_country = ?)');
      params.push(c, c);
    } else {
      match.push(`actors : (${ftsQuery(f.actor, 'actor')})`);
    }
  }
  if (f.q) {
    match.push(`(${ftsQuery(f.q)})`);
  }
  const after = keyset('e.day', 'e.id', f.cursor, where, params);

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
        when: (n, threshold) => n >= COUNT_CAP && db.ftsMatches(m, threshold) >= threshold,
      },
      params: [m],
      count: () => db.countUpTo('SELECT rowid FROM events_fts WHERE events_fts MATCH ?', [m]),
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
      count: () => db.countUpTo(`SELECT id FROM events_rtree WHERE ${box}`, [minLon, maxLon, minLat, maxLat]),
    });
  }
  if (f.minCorroboration !== undefined && f.minCorroboration > 0) {
    // The members of the incidents corroborated enough (incidents_corroboration, events_incident):
    // when few are, the page is read from them, not from a walk over every event that checks
    // each one's incident (a million walked when none qualifies: seconds).
    const members = 'SELECT k.id FROM incidents mi JOIN events k ON k.incident_id = mi.id WHERE mi.corroboration >= ?';
    specials.push({
      drive: `e.id IN (${members})`,
      check: 'EXISTS (SELECT 1 FROM incidents mi WHERE mi.id = e.incident_id AND mi.corroboration >= ?)',
      params: [f.minCorroboration],
      count: () => db.countUpTo(members, [f.minCorroboration]),
    });
  }
  let from_ = 'events e';
  if (specials.length) {
    const total = db.size('events');
    const counted = specials.map((sp) => ({ sp, n: sp.count() })).sort((a, b) => a.n - b.n);
    const best = counted[0];
    const drive = best.n < COUNT_CAP && best.n * best.n <= (limit + 1) * total * 4;
    // A check reading a list of n once beats a probe per row walked (≈ (limit + 1) × total / n rows,
    // each db.probeRatio() times dearer than a list entry) while n² < (limit + 1) × total × ratio.
    const many = Math.ceil(Math.sqrt((limit + 1) * total * db.probeRatio()));
    for (const { sp, n } of counted) {
      if (drive && sp === best.sp) where.push(sp.drive);
      else where.push(sp.checkMany?.when(n, many) ? sp.checkMany.sql : sp.check);
      pushAll(params, sp.params);
    }
    // Driven by a small set: rowid look-ups, not another index's walk.
    if (drive) from_ = 'events e NOT INDEXED';
  }
  const page = (w: string[]) => `SELECT e.id, e.day FROM ${from_} WHERE ${w.join(' AND ')} ORDER BY e.day DESC, e.id DESC LIMIT ?`;
  const q: PageQuery = { sql: page(where), params: [...params, limit + 1], limit };
  q.undated = after.undated(q, page);
  return q;
}

/** One page of incidents (`SELECT i.* … LIMIT limit + 1`). */
export function incidentsPage(f: Filter, db: Counter): PageQuery {
  const limit = pageLimit(f);
  const incidents = () => db.size('incidents');
  const { where, params } = dayCountryOutlet(f, {
    base: 'i.events > 0',
    from: 'i.day_end >= ?',
    to: 'i.day_start <= ?',
    country: 'i',
    outlet: 'EXISTS (SELECT 1 FROM events k WHERE k.incident_id = i.id AND k.superseded = 0 AND k.outlet = ? COLLATE NOCASE)',
  });
  const kv = kindValues(f.kind);
  if (kv) {
    const alts: string[] = [];
    if (kv.families.length) {
      alts.push(`i.family IN (${kv.families.map(() => '?').join(', ')})`);
      pushAll(params, kv.families);
    }
    if (kv.kinds.length) {
      // Few events of these kinds: their incidents as a set; many: a check on each incident walked (see the actor filter below).
      const list = kv.kinds.map(() => '?').join(', ');
      const n = db.countUpTo(`SELECT id FROM events WHERE kind IN (${list})`, kv.kinds);
      alts.push(
        n < COUNT_CAP && n * n <= (limit + 1) * incidents() * 4
          ? `i.id IN (SELECT k.incident_id FROM events k WHERE k.kind IN (${list}) AND k.superseded = 0)`
          : `EXISTS (SELECT 1 FROM events k WHERE k.incident_id = i.id AND k.superseded = 0 AND k.kind IN (${list}))`,
      );
      pushAll(params, kv.kinds);
    }
    where.push(`(${alts.join(' OR ')})`);
  }
  const match: string[] = [];
  if (f.actor) {
    const c = actorCountry(f.actor);
    if (c) {
      // Few events naming the country: their incidents as a set, through the actor indexes (a walk
      // over the incidents checking each would cross them all: seconds). Many: that walk, which
      // fills a page soon, rather than a large set. The same rule as eventsPage's text filter.
      const n = db.countUpTo('SELECT id FROM events WHERE initiator_country = ? OR target_country = ?', [c, c]);
      const few = n < COUNT_CAP && n * n <= (limit + 1) * incidents() * 4;
      where.push(
        few
          ? 'i.id IN (SELECT k.incident_id FROM events k WHERE (k.initiator_country = ? OR k.target_country = ?) AND k.superseded = 0)'
          : 'EXISTS (SELECT 1 FROM events k WHERE k.incident_id = i.id AND k.superseded = 0 AND (k.initiator_country = ? OR k.target_country = ?))',
      );
      params.push(c, c);
    } else {
      match.push(`actors : (${ftsQuery(f.actor, 'actor')})`);
    }
  }
  if (f.q) {
    match.push(`(${ftsQuery(f.q)})`);
  }
  if (match.length) {
    // As for events (eventsPage): few matches, their incidents as a set; more, a check on the
    // members of each incident walked, against the list of matches read once; nearly all, a
    // full-text probe per member rather than the whole list.
    const m = match.join(' AND ');
    const fts = 'SELECT rowid FROM events_fts WHERE events_fts MATCH ?';
    const n = db.countUpTo(fts, [m]);
    const many = Math.ceil(Math.sqrt((limit + 1) * db.size('events') * db.probeRatio()));
    if (n < COUNT_CAP && n * n <= (limit + 1) * incidents() * 4) where.push(`i.id IN (SELECT k.incident_id FROM events k WHERE k.superseded = 0 AND k.id IN (${fts}))`);
    else if (n < COUNT_CAP || db.ftsMatches(m, many) < many)
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
  // As for events (eventsPage): a page deep in 900,000 incidents, 17 → 1.2 ms.
  const after = keyset('i.day_start', 'i.id', f.cursor, where, params);
  const page = (w: string[]) => `SELECT i.* FROM incidents i WHERE ${w.join(' AND ')} ORDER BY i.day_start DESC, i.id DESC LIMIT ?`;
  const q: PageQuery = { sql: page(where), params: [...params, limit + 1], limit };
  q.undated = after.undated(q, page);
  return q;
}
