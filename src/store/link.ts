// Linking stored events into incidents with the corroboration module (../corroborate/): which
// stored events a new one is compared with, how a regrouped neighbourhood maps onto the store's
// incident ids, and the incident's flat columns from the module's summary. No SQL here: each
// Store implementation fetches and writes; the decisions are the same for all.
//
// Deterministic. The module groups a set of events the same whatever order they come in; the
// store regroups only the neighbourhood a new article touches (its events and every incident one
// of them matches), and maps each resulting group to the existing incident most of its members
// were in (ties: the lower id), so ids stay put when nothing changes.
import { dayRange, type CorroborationEvent, type IncidentSummary } from '../corroborate/index.js';
import { config, familyRule } from '../corroborate/config.js';
import { FAMILIES, type Family } from '../taxonomy.js';
import { boxAround } from './geo.js';
import { maxOf } from '../arrays.js';

/** Store ids written into the module's string ids, padded so that string order is numeric order. */
export function articleKey(articleId: number): string {
  return String(articleId).padStart(10, '0');
}

/** True when events of this family are ever linked across reports (verbal ones are not). */
export function linkable(ce: CorroborationEvent | undefined): ce is CorroborationEvent {
  return !!ce && (FAMILIES as readonly string[]).includes(ce.family) && familyRule(ce.family as Family).link;
}

/** An event's day range as the module compares it: [lo, hi], or null when it has no date at all. */
export function daySpan(ce: CorroborationEvent): { lo: number; hi: number } | null {
  const r = dayRange(ce);
  return r ? { lo: r.lo, hi: r.hi } : null;
}

/** Neighbourhoods (new events plus the members of the incidents they match) up to this size are regrouped whole. */
export const REGROUP_LIMIT = 64;

/** Reports whose day ranges are longer than this are fetched by a second query (they are few). Matches the partial index events_link_long. */
export const LONG_SPAN_DAYS = 7;

/**
 * Longer still (beyond a year: "between 2015 and 2018"), by a third query: rare, so that the
 * second can be bounded by it. Matches the partial index events_link_vlong.
 */
export const VERY_LONG_SPAN_DAYS = 400;

/** Where the module places an event, as its location comparison classes it: 0 nowhere, 1 a country, 2 a province or region, 3 a town or point. */
export function geoClass(ce: CorroborationEvent): 0 | 1 | 2 | 3 {
  // Mirrors placeClass in ../corroborate/same.ts: candidates must be a superset of what it can match.
  const point = typeof ce.lat === 'number' && typeof ce.lon === 'number';
  if (!point) return ce.country ? 1 : 0;
  const p = ce.precision ?? 'city';
  if (p === 'point' || p === 'city' || p === 'district') return 3;
  if (p === 'admin1' || p === 'region') return 2;
  return 1;
}

type Box = { minLat: number; maxLat: number; minLon: number; maxLon: number };

export interface CandidateQuery {
  family: string;
  /** candidate ranges start within [loFrom, loTo] (short ranges) … */
  loFrom: number;
  loTo: number;
  /** … or are long and overlap [lo, hi] (this one's range, widened) */
  lo: number;
  hi: number;
  /** the latest a long (not very long) range overlapping [lo, hi] can end */
  hiLong: number;
  /** this event's geoClass */
  cls: number;
  /** alpha-2; null matches any country */
  country2: string | null;
  /** where a town-level candidate may lie (this one's family radius, or the coarse radius when this one is coarse) */
  near: Box | null;
  /** where a province- or region-level candidate may lie */
  coarse: Box | null;
}

/**
 * Bounds within which every event the module could call the same incident must lie: same family,
 * day ranges within the widest date window, and a place the location comparison allows: for a
 * town-level event, towns within its family's radius, provinces within the coarse radius,
 * country-level places in its country, events placed nowhere; for vaguer events, more.
 */
export function candidateQuery(ce: CorroborationEvent): CandidateQuery | null {
  const span = daySpan(ce);
  if (!span || !linkable(ce)) return null;
  const lk = config().linking;
  const w = maxOf(Object.values(lk.dateWindowDays));
  const coarseKm = Math.max(lk.coarseRadiusKm.admin1, lk.coarseRadiusKm.region);
  const cls = geoClass(ce);
  const point = cls >= 2;
  const nearKm = cls === 3 ? familyRule(ce.family as Family).radiusKm : coarseKm;
  return {
    family: ce.family,
    loFrom: span.lo - w - LONG_SPAN_DAYS,
    loTo: span.hi + w,
    lo: span.lo - w,
    hi: span.hi + w,
    hiLong: span.hi + w + VERY_LONG_SPAN_DAYS,
    cls,
    country2: ce.country ?? null,
    near: point ? boxAround(ce.lat!, ce.lon!, nearKm) : null,
    coarse: point ? boxAround(ce.lat!, ce.lon!, coarseKm) : null,
  };
}

/** The query's values as SQL parameters. */
export function candidateParams(q: CandidateQuery, articleId: number): Record<string, number | string | null> {
  return {
    family: q.family,
    loFrom: q.loFrom,
    loTo: q.loTo,
    lo: q.lo,
    hi: q.hi,
    hiLong: q.hiLong,
    cls: q.cls,
    country2: q.country2,
    articleId,
    nMinLat: q.near?.minLat ?? null,
    nMaxLat: q.near?.maxLat ?? null,
    nMinLon: q.near?.minLon ?? null,
    nMaxLon: q.near?.maxLon ?? null,
    cMinLat: q.coarse?.minLat ?? null,
    cMaxLat: q.coarse?.maxLat ?? null,
    cMinLon: q.coarse?.minLon ?? null,
    cMaxLon: q.coarse?.maxLon ?? null,
  };
}

export interface GroupAssignment {
  /** the existing incident the group keeps, or null for a new one */
  incidentId: number | null;
  /** store event ids, ascending */
  members: number[];
}

/**
 * Maps regrouped events onto incident ids. `groups` are store event ids; `current` is each event's
 * incident before (absent or null: new). Groups are taken in order of their smallest member; each
 * keeps the not-yet-taken incident most of its members were in (ties: the lower id).
 * `merged`: incidents no group kept, with the group (index into `groups`) that took most of their events.
 */
export function assignGroups(
  groups: number[][],
  current: Map<number, number | null>,
): { groups: GroupAssignment[]; merged: { from: number; into: number }[] } {
  const sorted = groups.map((g) => [...g].sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
  const taken = new Set<number>();
  const out: GroupAssignment[] = [];
  for (const members of sorted) {
    const votes = new Map<number, number>();
    for (const m of members) {
      const inc = current.get(m);
      if (inc !== undefined && inc !== null && !taken.has(inc)) votes.set(inc, (votes.get(inc) ?? 0) + 1);
    }
    let best: number | null = null;
    for (const [inc, n] of votes) if (best === null || n > votes.get(best)! || (n === votes.get(best)! && inc < best)) best = inc;
    if (best !== null) taken.add(best);
    out.push({ incidentId: best, members });
  }
  const before = new Set([...current.values()].filter((x): x is number => x !== null && x !== undefined));
  const merged: { from: number; into: number }[] = [];
  for (const inc of [...before].sort((a, b) => a - b)) {
    if (taken.has(inc)) continue;
    // The group holding most of its former members.
    let into = 0;
    let most = -1;
    out.forEach((g, k) => {
      const n = g.members.filter((m) => current.get(m) === inc).length;
      if (n > most) (most = n), (into = k);
    });
    merged.push({ from: inc, into });
  }
  return { groups: out, merged };
}

export interface IncidentColumns {
  family: string;
  kind: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  country2: string | null;
  location: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  events: number;
  articles: number;
  outlets: number;
  corroboration: number;
  grade: string | null;
  fatalities: number | null;
}

/** The flat columns of an incident from its members and the module's summary of them. */
export function incidentColumns(members: CorroborationEvent[], s: IncidentSummary): IncidentColumns {
  const loc = s.location.consensus;
  const dated = members.map((m) => m.date).filter((d): d is string => !!d).sort();
  const ends = members.map((m) => m.dateEnd ?? m.date).filter((d): d is string => !!d).sort();
  const where = loc ? members.find((m) => m.place === loc.name && (m.country ?? null) === loc.country) : undefined;
  return {
    family: members[0].family,
    kind: s.kind.consensus,
    dateStart: s.date.consensus?.start ?? dated[0] ?? null,
    dateEnd: s.date.consensus?.end ?? ends[ends.length - 1] ?? null,
    country2: loc?.country ?? members.find((m) => m.country)?.country ?? null,
    location: loc?.name ?? null,
    admin1: where?.admin1 ?? null,
    lat: loc?.lat ?? null,
    lon: loc?.lon ?? null,
    events: members.length,
    articles: s.articles.length,
    outlets: s.corroboration.outlets.length,
    corroboration: s.corroboration.independentSources,
    grade: s.corroboration.grade,
    fatalities: s.fatalities.consensus,
  };
}
