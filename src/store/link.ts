// Linking stored events into incidents with the corroboration module (../corroborate/): what the
// planner (./link-plan.ts) needs of an event (linkable, day span, place class), how a regrouped
// neighbourhood maps onto the store's incident ids, and the incident's flat columns from the
// module's summary. No SQL here: each Store implementation fetches and writes.
//
// Deterministic. The module groups a set of events the same whatever order they come in, and each
// connected component of linked events on its own; the store regroups the component a new article
// touches (./link-plan.ts), and maps each resulting group to the incident of its founding member
// (the smallest), else the existing incident most of its members were in (ties: the lower id).
import { dayRange, type CorroborationEvent, type IncidentSummary } from '../corroborate/index.js';
import { familyRule } from '../corroborate/config.js';
import { FAMILIES, type Family } from '../taxonomy.js';

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

/**
 * Neighbourhoods (the new events' connected component, ../store/link-plan.ts) up to this size are
 * regrouped whole. 512: the largest component of 400 crowded generated reports is 326 events
 * (`node dist/tools/link-order.js`); larger ones are joined through link summaries, order-dependent.
 */
export const REGROUP_LIMIT = 512;

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
  wanted?: (members: number[]) => number,
): { groups: GroupAssignment[]; merged: { from: number; into: number }[] } {
  const sorted = groups.map((g) => [...g].sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
  const taken = new Set<number>();
  const out: GroupAssignment[] = [];
  // A group whose founder's incident (the id made from its smallest member) is among the current
  // ones keeps that one first: the id then depends on the members, not on who came first.
  const live = new Set([...current.values()].filter((x): x is number => x !== null && x !== undefined));
  const founded = new Map<number[], number>();
  if (wanted)
    for (const members of sorted) {
      const w = wanted(members);
      if (live.has(w) && !taken.has(w)) taken.add(w), founded.set(members, w);
    }
  for (const members of sorted) {
    if (founded.has(members)) {
      out.push({ incidentId: founded.get(members)!, members });
      continue;
    }
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
