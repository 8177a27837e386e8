// One incident, as its reports tell it: per field, every value reported and who reported it
// (claimant → via → outlet), a consensus value, and how well the incident is corroborated.
//
// Consensus
//   kind        the kind reported by most source groups (an interception only when nothing else is)
//   initiator   the actor (by country) most source groups name; none on a tie
//   target      likewise
//   location    the most precise place reported; among equals, the most reported
//   date        the narrowest date range reported; among equals, the most reported, then the earliest
//   fatalities, civilians, injuries
//               ACLED's most conservative figure: each source group's latest figure (a revised toll
//               supersedes the same source's earlier one), then the lowest of those
//
// Grade (the first rule that holds; Airwars' names, sitrep's rules)
//   discounted  every source group that reported the incident later retracted it: its latest report
//               carries only denials in the outlet's own voice
//   confirmed   the initiator accepts responsibility: a claim on an event, not a denial, by that
//               event's initiator's own side (its state, military or government; for an armed
//               group, an armed group of its country), or by its state media in its own voice
//   contested   competing claims of responsibility: reports name different initiators, or the named
//               initiator denies it
//   fair        two or more independent sources, at least one not the state media of a party
//               (initiator or target)
//   weak        otherwise: a single source, or only the state media of parties
import { config, outletNamed } from './config.js';
import { dayNumber } from '../days.js';
import type { ActorRef, ClaimRef, CorroborationEvent, DatePrecision, PlacePrecision } from './event.js';
import { incidentIdOf } from './link.js';
import { rolesOf } from './same.js';
import { claimChain, sourceGroups, type SourceGroup } from './sources.js';
import { minOf } from '../arrays.js';

export type Grade = 'confirmed' | 'fair' | 'weak' | 'contested' | 'discounted';

export interface Reported<T> {
  value: T;
  /** who reports it, as claim chains ("an anonymous military source via SANA via Mehr News Agency") */
  claims: string[];
  /** the events reporting it */
  events: string[];
  /** how many independent source groups report it */
  sources: number;
}

export interface Field<T> {
  reported: Reported<T>[];
  consensus: T | null;
}

export interface LocationValue {
  name: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  precision: PlacePrecision | null;
}

export interface DateValue {
  start: string;
  end: string;
  precision: DatePrecision | null;
}

export interface IncidentSummary {
  id: string;
  events: string[];
  articles: string[];
  /** earliest publication among the reports */
  firstReported: string | null;
  kind: Field<string>;
  initiator: Field<ActorRef>;
  target: Field<ActorRef>;
  location: Field<LocationValue>;
  date: Field<DateValue>;
  fatalities: Field<number>;
  civilians: Field<number>;
  injuries: Field<number>;
  corroboration: {
    /** distinct outlets carrying a report */
    outlets: string[];
    sources: SourceGroup[];
    /** number of independent source groups */
    independentSources: number;
    /** denials, as claim chains */
    denials: string[];
    grade: Grade;
    /** the rule that gave the grade, in words */
    reason: string;
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Claims that report the event (denials excluded; all claims when there are only denials). */
function supporting(e: CorroborationEvent): ClaimRef[] {
  const s = e.claims.filter((c) => c.stance !== 'denied');
  return s.length ? s : e.claims;
}

class Tally<T> {
  // Sets, listed in the order first seen: a value a story's thousand reports share is tallied
  // in time proportional to them, not to their square.
  private m = new Map<string, { value: T; claims: Set<string>; events: Set<string>; groups: Set<string> }>();
  add(key: string, value: T, e: CorroborationEvent, group: string) {
    let r = this.m.get(key);
    if (!r) this.m.set(key, (r = { value, claims: new Set(), events: new Set(), groups: new Set() }));
    for (const c of supporting(e)) r.claims.add(claimChain(c));
    r.events.add(e.id);
    r.groups.add(group);
  }
  list(): Reported<T>[] {
    return [...this.m.entries()]
      .sort(([ka], [kb]) => cmp(ka, kb))
      .map(([, r]) => ({ value: r.value, claims: [...r.claims], events: [...r.events], sources: r.groups.size }));
  }
}

/** The entry with most sources; null on a tie for first place. */
function mostSupported<T>(list: Reported<T>[], eligible: (v: T) => boolean = () => true): T | null {
  const l = list.filter((r) => eligible(r.value)).sort((a, b) => b.sources - a.sources || b.events.length - a.events.length);
  if (!l.length) return null;
  if (l.length > 1 && l[0].sources === l[1].sources && l[0].events.length === l[1].events.length) return null;
  return l[0].value;
}

const PRECISION_RANK: Record<string, number> = { point: 6, district: 5, city: 5, admin1: 3, region: 2, country: 1 };

function actorKey(a: ActorRef): string {
  return a.country ? `c:${a.country}` : `n:${a.name.toLowerCase()}`;
}

/** Can a claim by `by` speak for `initiator`'s side? */
function sameSide(by: ActorRef | null | undefined, initiator: ActorRef): boolean {
  if (!by?.country || by.country !== initiator.country) return false;
  // Group names vary between outlets ("the Houthis", "Ansar Allah"): an armed group of the
  // initiator's country speaks for an armed-group initiator, a state organ for a state one.
  if (initiator.kind === 'armed_group') return by.kind === 'armed_group';
  return config().grading.stateSideKinds.includes(by.kind ?? '');
}

/** The state a claim speaks for when an outlet speaks in its own voice: a state-run outlet's state. */
function claimActor(c: ClaimRef): ActorRef | null {
  if (c.actor) return c.actor;
  if (c.claimant || c.via.length) return null;
  const o = outletNamed(c.outlet);
  return o?.state ? { country: o.state, name: o.name, kind: 'government' } : null;
}

function numberField(events: CorroborationEvent[], pick: (e: CorroborationEvent) => number | null | undefined, groupOf: Map<string, string>): Field<number> {
  const t = new Tally<number>();
  // Per source group, its latest figure: a revised toll replaces the same source's earlier one.
  // Publication times compare as ISO strings; two figures published together keep the lower.
  const latest = new Map<string, { when: string; value: number }>();
  for (const e of events) {
    const v = pick(e);
    if (v === null || v === undefined) continue;
    const g = groupOf.get(e.articleId)!;
    t.add(String(v).padStart(12, '0'), v, e, g);
    const when = e.published ?? '';
    const prev = latest.get(g);
    if (!prev || when > prev.when || (when === prev.when && v < prev.value)) latest.set(g, { when, value: v });
  }
  const values = [...latest.values()].map((x) => x.value);
  return { reported: t.list(), consensus: values.length ? minOf(values) : null };
}

/**
 * Summarises the events of one incident (as grouped by linkIncidents). Deterministic: the order of
 * `events` does not matter. `id` stands in for the incident's id when the caller has its own (a
 * store writes a placeholder into the summaries it prepares: hashing the id would be wasted).
 */
export function summarise(input: readonly CorroborationEvent[], id?: string): IncidentSummary {
  if (!input.length) throw new Error('summarise: an incident has at least one event');
  const events = [...input].sort((a, b) => cmp(a.id, b.id));
  const { groups, groupOf } = sourceGroups(events);
  const g = (e: CorroborationEvent) => groupOf.get(e.articleId)!;
  const grading = config().grading;

  const kinds = new Tally<string>();
  const initiators = new Tally<ActorRef>();
  const targets = new Tally<ActorRef>();
  const places = new Tally<LocationValue>();
  const dates = new Tally<DateValue>();
  for (const e of events) {
    kinds.add(e.kind, e.kind, e, g(e));
    const { initiator, target } = rolesOf(e);
    if (initiator) initiators.add(actorKey(initiator), initiator, e, g(e));
    if (target) targets.add(actorKey(target), target, e, g(e));
    if (e.place || typeof e.lat === 'number' || e.country) {
      const v: LocationValue = { name: e.place ?? null, country: e.country ?? null, lat: e.lat ?? null, lon: e.lon ?? null, precision: e.precision ?? null };
      places.add(`${(v.name ?? '').toLowerCase()}|${v.country ?? ''}`, v, e, g(e));
    }
    if (e.date) {
      const v: DateValue = { start: e.date, end: e.dateEnd ?? e.date, precision: e.datePrecision ?? null };
      dates.add(`${v.start}|${v.end}`, v, e, g(e));
    }
  }

  const kindList = kinds.list();
  const secondary = new Set(grading.secondaryKinds);
  const kindConsensus =
    [...kindList]
      .filter((r) => !secondary.has(r.value) || kindList.every((k) => secondary.has(k.value)))
      .sort((a, b) => b.sources - a.sources || b.events.length - a.events.length || cmp(a.value, b.value))[0]?.value ?? null;

  const initiatorList = initiators.list();
  const targetList = targets.list();
  const placeList = places.list();
  const placeConsensus =
    [...placeList].sort(
      (a, b) =>
        (PRECISION_RANK[b.value.precision ?? ''] ?? 0) - (PRECISION_RANK[a.value.precision ?? ''] ?? 0) ||
        b.sources - a.sources ||
        cmp(a.value.name ?? '', b.value.name ?? ''),
    )[0]?.value ?? null;
  const dateList = dates.list();
  const span = (d: DateValue) => (dayNumber(d.end) ?? 0) - (dayNumber(d.start) ?? 0);
  const dateConsensus = [...dateList].sort((a, b) => span(a.value) - span(b.value) || b.sources - a.sources || cmp(a.value.start, b.value.start))[0]?.value ?? null;

  // Corroboration.
  const named = initiatorList.filter((r) => r.value.country).map((r) => r.value);
  const parties = new Set([...named, ...targetList.map((r) => r.value)].map((a) => a.country).filter((c): c is string => !!c));
  const allClaims = events.flatMap((e) => e.claims.map((c) => ({ e, c })));
  const denials = [...new Set(allClaims.filter(({ c }) => c.stance === 'denied').map(({ c }) => claimChain(c)))];
  const initiatorDenies = allClaims.filter(({ c }) => c.stance === 'denied' && named.some((i) => sameSide(claimActor(c), i)));
  // Acceptance is read per event: the claimant speaks for the initiator of the event it reports
  // (a target's officials reporting the attack accept nothing). A defender's interception is no
  // one's acceptance of the attack.
  const reversed = new Set(config().linking.reversedRoles);
  const accepts = allClaims.filter(
    ({ e, c }) => !reversed.has(e.kind) && e.initiator?.country && (c.stance === 'asserted' || c.stance === 'reported') && sameSide(claimActor(c), e.initiator),
  );
  const credible = groups.filter((s) => !s.state || !parties.has(s.state));

  const retracted = (s: SourceGroup) => {
    const articles = new Set(s.articles);
    const mine = events.filter((e) => articles.has(e.articleId));
    const latest = mine.reduce((m, e) => ((e.published ?? '') > m ? (e.published ?? '') : m), '');
    const last = mine.filter((e) => (e.published ?? '') === latest);
    const earlier = mine.filter((e) => (e.published ?? '') < latest);
    const retracts = (e: CorroborationEvent) => e.claims.length > 0 && e.claims.every((c) => c.stance === 'denied' && !c.claimant && !c.via.length);
    return earlier.some((e) => !retracts(e)) && last.every(retracts);
  };

  let grade: Grade;
  let reason: string;
  const names = (l: SourceGroup[]) => l.map((s) => s.name).join(', ');
  if (groups.every(retracted)) {
    grade = 'discounted';
    reason = `every source later retracted its report (${names(groups)})`;
  } else if (accepts.length) {
    grade = 'confirmed';
    reason = `the initiator's side accepts it: ${claimChain(accepts[0].c)}`;
  } else if (named.length > 1) {
    grade = 'contested';
    reason = `reports name different initiators: ${named.map((a) => a.country).join(', ')}`;
  } else if (initiatorDenies.length) {
    grade = 'contested';
    reason = `the named initiator denies it: ${claimChain(initiatorDenies[0].c)}`;
  } else if (groups.length >= 2 && credible.length >= 1) {
    grade = 'fair';
    reason = `${groups.length} independent sources (${names(groups)})`;
  } else {
    grade = 'weak';
    reason = groups.length >= 2 ? `${groups.length} sources, all state media of a party (${names(groups)})` : `a single source (${names(groups)})`;
  }

  const published = events.map((e) => e.published).filter((p): p is string => !!p).sort();
  return {
    id: id ?? incidentIdOf(events.map((e) => e.id)),
    events: events.map((e) => e.id),
    articles: [...new Set(events.map((e) => e.articleId))].sort(),
    firstReported: published[0] ?? null,
    kind: { reported: kindList, consensus: kindConsensus },
    initiator: { reported: initiatorList, consensus: mostSupported(initiatorList, (a) => !!a.country) },
    target: { reported: targetList, consensus: mostSupported(targetList, (a) => !!a.country) },
    location: { reported: placeList, consensus: placeConsensus },
    date: { reported: dateList, consensus: dateConsensus },
    fatalities: numberField(events, (e) => e.fatalities, groupOf),
    civilians: numberField(events, (e) => e.civilians, groupOf),
    injuries: numberField(events, (e) => e.injuries, groupOf),
    corroboration: {
      outlets: [...new Set(events.map((e) => e.outlet).filter((o): o is string => !!o))].sort(),
      sources: groups,
      independentSources: groups.length,
      denials,
      grade,
      reason,
    },
  };
}
