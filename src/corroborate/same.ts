// Are two reported events one incident? A pair is compared on family, mode, place, date and actors.
// Each dimension either conflicts (the pair cannot be one incident), agrees (points of evidence) or
// is silent (one report does not say). A pair is the same incident when nothing conflicts and the
// evidence reaches the threshold: agreeing on nothing is not enough. Thresholds and points are in
// data/corroboration.yaml; the rules are written out in README.md beside this file.
import { config, familyRule } from './config.js';
import { dayNumber } from '../days.js';
import { distanceKm } from '../geo.js';
import type { ActorRef, CorroborationEvent, DatePrecision } from './event.js';
import { textSimilarity } from './sources.js';
import { worldCountries } from '../data/countries.js';

export interface Comparison {
  same: boolean;
  /** the first reason the pair cannot be one incident, or null */
  conflict: string | null;
  /** points of agreement (see data/corroboration.yaml, linking.evidence) */
  score: number;
  /** what agreed, for explanations: "places 3 km apart", "same day", "initiator ISR" */
  agreed: string[];
  /** linked although the reports name different initiators (a competing claim) */
  contested: boolean;
}

type LocLevel = 'precise' | 'coarse' | 'country' | 'none';
const PRECISE = new Set(['point', 'city', 'district']);

function hasPoint(e: CorroborationEvent): boolean {
  return typeof e.lat === 'number' && typeof e.lon === 'number';
}

function placeClass(e: CorroborationEvent): LocLevel {
  if (!e.place && !hasPoint(e) && !e.country) return 'none';
  const p = e.precision ?? (hasPoint(e) ? 'city' : 'country');
  if (!hasPoint(e)) return e.country ? 'country' : 'none';
  if (PRECISE.has(p)) return 'precise';
  if (p === 'admin1' || p === 'region') return 'coarse';
  return 'country';
}

function km(a: CorroborationEvent, b: CorroborationEvent): number {
  return distanceKm(a.lat!, a.lon!, b.lat!, b.lon!);
}

interface LocResult {
  level: LocLevel;
  conflict?: string;
  km?: number;
  /** the local place both reports name, when that is what makes the places agree precisely */
  named?: string;
}

/**
 * Two reports naming one town, village or quarter agree on place as precisely as two points, even
 * when the gazetteer knows it in neither or one of them ("a village in Mangu" and "Kwahaslalek
 * village"): places the gazetteer lacks are small ones. Never lifts a conflict.
 */
function sharedToponym(a: CorroborationEvent, b: CorroborationEvent, loc: LocResult): LocResult {
  if (loc.conflict || loc.level === 'precise' || !a.toponyms?.length || !b.toponyms?.length) return loc;
  const named = a.toponyms.find((t) => b.toponyms!.includes(t));
  return named ? { level: 'precise', named } : loc;
}

let alpha3Of: Map<string, string> | null = null;

/**
 * A fight between two states reported by each side on its own soil ("Armenian forces fired on our
 * positions in Kalbajar" / "Azerbaijani forces fired on our positions near Sotk"): the two places'
 * countries are the two sides the reports name. Their places are then compared by distance, as two
 * points across a border are, not vetoed for lying in two countries.
 */
function acrossBorder(a: CorroborationEvent, b: CorroborationEvent): boolean {
  alpha3Of ??= new Map(worldCountries().map((c) => [c.cca2, c.cca3]));
  const pa = alpha3Of.get(a.country ?? '');
  const pb = alpha3Of.get(b.country ?? '');
  if (!pa || !pb || pa === pb) return false;
  const sides = (e: CorroborationEvent) => new Set([e.initiator?.country, e.target?.country].filter((c): c is string => !!c));
  const sa = sides(a);
  const sb = sides(b);
  return sa.has(pa) && sa.has(pb) && sb.has(pa) && sb.has(pb);
}

function compareLocation(a: CorroborationEvent, b: CorroborationEvent, radiusKm: number): LocResult {
  const ca = placeClass(a);
  const cb = placeClass(b);
  const countriesDiffer = !!a.country && !!b.country && a.country !== b.country && !acrossBorder(a, b);
  if (ca === 'none' || cb === 'none') return countriesDiffer ? { level: 'none', conflict: `countries ${a.country} and ${b.country}` } : { level: 'none' };
  if (ca === 'precise' && cb === 'precise') {
    // Distance alone: a border town and the strike "across the border" can lie in two countries.
    const d = km(a, b);
    return d <= radiusKm ? { level: 'precise', km: d } : { level: 'precise', km: d, conflict: `places ${Math.round(d)} km apart (limit ${radiusKm})` };
  }
  if (ca === 'country' || cb === 'country') {
    // A country-level place says only "somewhere in X": it matches anything inside X.
    return countriesDiffer ? { level: 'country', conflict: `countries ${a.country} and ${b.country}` } : { level: 'country' };
  }
  // At least one province or region.
  const radii = config().linking.coarseRadiusKm;
  const radiusOf = (e: CorroborationEvent) => (PRECISE.has(e.precision ?? '') ? 0 : e.precision === 'region' ? radii.region : radii.admin1);
  const aAdmin = a.precision === 'admin1';
  const bAdmin = b.precision === 'admin1';
  if ((aAdmin || bAdmin) && countriesDiffer) return { level: 'coarse', conflict: `countries ${a.country} and ${b.country}` };
  if (aAdmin && b.admin1 && a.country === b.country && sameName(a.place ?? a.admin1, b.admin1)) return { level: 'coarse' };
  if (bAdmin && a.admin1 && a.country === b.country && sameName(b.place ?? b.admin1, a.admin1)) return { level: 'coarse' };
  const d = km(a, b);
  const limit = Math.max(radiusOf(a), radiusOf(b));
  return d <= limit ? { level: 'coarse', km: d } : { level: 'coarse', km: d, conflict: `places ${Math.round(d)} km apart (limit ${limit} for a ${limit === radii.region ? 'region' : 'province'})` };
}

function sameName(x: string | null | undefined, y: string | null | undefined): boolean {
  return !!x && !!y && x.toLowerCase() === y.toLowerCase();
}

/** The day range an event is placed in, and whether it is the event's own date. */
export interface DayRange {
  lo: number;
  hi: number;
  precision: DatePrecision;
  /** false: no date of its own, placed in the days before publication */
  dated: boolean;
}

export function dayRange(e: CorroborationEvent): DayRange | null {
  const s = dayNumber(e.date);
  if (s !== null) {
    const end = dayNumber(e.dateEnd) ?? s;
    const precision = e.datePrecision && e.datePrecision !== 'unknown' ? e.datePrecision : end === s ? 'day' : end - s <= 7 ? 'week' : end - s <= 31 ? 'month' : 'year';
    return { lo: Math.min(s, end), hi: Math.max(s, end), precision, dated: true };
  }
  const p = dayNumber(e.published);
  if (p === null) return null;
  return { lo: p - config().linking.undatedLookbackDays, hi: p, precision: 'unknown', dated: false };
}

/** Widening of a range before ranges are compared (data: linking.dateWindowDays). */
export function windowOf(r: DayRange): number {
  const w = config().linking.dateWindowDays;
  return r.precision === 'unknown' ? 0 : w[r.precision];
}

const ORDER: DatePrecision[] = ['day', 'week', 'month', 'year', 'unknown'];

interface DateResult {
  conflict?: string;
  /** the coarser precision of two own dates, or null when either is undated */
  level: DatePrecision | null;
  /** both dated to the day and within the window */
  sameDay: boolean;
}

function compareDates(a: CorroborationEvent, b: CorroborationEvent): DateResult {
  const ra = dayRange(a);
  const rb = dayRange(b);
  if (!ra || !rb) return { level: null, sameDay: false };
  const w = Math.max(windowOf(ra), windowOf(rb));
  if (ra.lo > rb.hi + w || rb.lo > ra.hi + w) {
    const gap = Math.max(ra.lo - rb.hi, rb.lo - ra.hi);
    return { level: null, sameDay: false, conflict: `dates ${gap} days apart (window ${w})` };
  }
  if (!ra.dated || !rb.dated) return { level: null, sameDay: false };
  const level = ORDER[Math.max(ORDER.indexOf(ra.precision), ORDER.indexOf(rb.precision))];
  return { level, sameDay: level === 'day' };
}

/**
 * A denial: a negated event with a claim denying it ("the RSF denied shelling the market"). It is
 * about the incident it denies, so it links like an actual report (its claims carry the denial).
 */
export function isDenial(e: CorroborationEvent): boolean {
  return e.mode === 'negated' && e.claims.some((c) => c.stance === 'denied');
}

/** Actual events, and denials of them, are about something that was reported to happen. */
function reportsOccurrence(e: CorroborationEvent): boolean {
  return e.mode === 'actual' || isDenial(e);
}

/** Initiator and target as the attack sees them: an interception's roles are swapped. */
export function rolesOf(e: CorroborationEvent): { initiator: ActorRef | null; target: ActorRef | null } {
  const reversed = config().linking.reversedRoles.includes(e.kind);
  const i = e.initiator ?? null;
  const t = e.target ?? null;
  return reversed ? { initiator: t, target: i } : { initiator: i, target: t };
}

// A side nobody identified is named after the event's country: no evidence, for or against.
const countryOf = (a: ActorRef | null) => (a?.unidentified ? null : (a?.country ?? null));

/** Does `e` carry a denial by someone of `country`'s side? ("Israel denied carrying out the strike") */
export function deniedBy(e: CorroborationEvent, country: string): boolean {
  return e.claims.some((c) => c.stance === 'denied' && c.actor?.country === country);
}

interface ActorResult {
  conflict?: string;
  initiator: boolean;
  target: boolean;
  contested: boolean;
}

function compareActors(a: CorroborationEvent, b: CorroborationEvent, loc: LocResult, date: DateResult): ActorResult {
  const A = rolesOf(a);
  const B = rolesOf(b);
  const ai = countryOf(A.initiator);
  const bi = countryOf(B.initiator);
  const at = countryOf(A.target);
  const bt = countryOf(B.target);
  const lk = config().linking;
  const symmetric = lk.symmetricFamilies as string[];
  // A clash read against a one-sided attack: who "initiated" a fight is not reported, so sides.
  if (symmetric.includes(a.family) || symmetric.includes(b.family)) {
    // Sides of a fight: {ai, at} and {bi, bt} compared as sets.
    const sa = [ai, at].filter((c): c is string => !!c);
    const sb = [bi, bt].filter((c): c is string => !!c);
    const shared = sa.filter((c) => sb.includes(c));
    if (sa.length === 2 && sb.length === 2 && shared.length === 0)
      return { conflict: `sides ${sa.join('/')} and ${sb.join('/')}`, initiator: false, target: false, contested: false };
    return { initiator: shared.length > 0, target: shared.length > 1, contested: false };
  }
  const target = !!at && at === bt;
  if (!ai || !bi) return { initiator: false, target, contested: false };
  if (ai === bi) return { initiator: true, target, contested: false };
  // Two named initiators: one incident with competing claims, or two incidents?
  if (ai === bt && bi === at) return { conflict: `an exchange: ${ai} on ${at}, ${bi} on ${bt}`, initiator: false, target: false, contested: false };
  if (deniedBy(a, bi) || deniedBy(b, ai)) return { initiator: false, target, contested: true };
  const close = loc.level === 'precise' && loc.km !== undefined && loc.km <= lk.contestedRadiusKm && date.sameDay;
  if (close && !(at && bt && at !== bt)) return { initiator: false, target, contested: true };
  return { conflict: `initiators ${ai} and ${bi}`, initiator: false, target, contested: false };
}

/**
 * The reasons two events cannot be one incident, ignoring which article they come from (two events
 * of one article may sit in one incident when a third report joins them). Null: compatible.
 */
export function conflictBetween(a: CorroborationEvent, b: CorroborationEvent): string | null {
  return judge(a, b).conflict;
}

/** Dated to one day, without the overnight window: an attack one day and a clash the next are two. */
function sameDate(a: CorroborationEvent, b: CorroborationEvent): boolean {
  const ra = dayRange(a);
  const rb = dayRange(b);
  return !!ra && !!rb && ra.lo <= rb.hi && rb.lo <= ra.hi;
}

/** Events of two families that may be one incident read as different kinds of violence (data: linking.crossFamilies). */
export function crossFamily(a: CorroborationEvent, b: CorroborationEvent): boolean {
  const k = config().linking.crossFamilies.kinds;
  return a.family !== b.family && k.includes(a.kind) && k.includes(b.kind);
}

type FamilyName = Parameters<typeof familyRule>[0];

/** The rule a pair is held to: its family's, or across two families the stricter of theirs. */
function pairRule(a: CorroborationEvent, b: CorroborationEvent): ReturnType<typeof familyRule> {
  const ra = familyRule(a.family as FamilyName);
  if (a.family === b.family) return ra;
  const rb = familyRule(b.family as FamilyName);
  return { link: ra.link && rb.link, radiusKm: Math.min(ra.radiusKm, rb.radiusKm), requireActors: !!(ra.requireActors || rb.requireActors) };
}

function judge(a: CorroborationEvent, b: CorroborationEvent): Comparison {
  const no = (conflict: string): Comparison => ({ same: false, conflict, score: 0, agreed: [], contested: false });
  const cross = crossFamily(a, b);
  if (a.family !== b.family && !cross) return no(`families ${a.family} and ${b.family}`);
  const rule = pairRule(a, b);
  if (!rule.link) return no(`${a.family} events are not linked`);
  if (!reportsOccurrence(a) || !reportsOccurrence(b)) return no(`mode ${reportsOccurrence(a) ? b.mode : a.mode}`);
  if (a.historical !== b.historical) return no('one is background, the other news');
  if (a.historical && (!a.date || a.date !== b.date || (a.dateEnd ?? a.date) !== (b.dateEnd ?? b.date)))
    return no('background events with different or no dates');

  const ev = config().linking.evidence;
  const agreed: string[] = [];
  let score = 0;

  const loc = sharedToponym(a, b, compareLocation(a, b, rule.radiusKm));
  if (loc.conflict) return no(loc.conflict);
  if (loc.level !== 'none') {
    score += ev.location[loc.level];
    agreed.push(loc.named ? `both name ${loc.named}` : loc.km !== undefined ? `${loc.level} places ${Math.round(loc.km)} km apart` : `${loc.level}-level places agree`);
  }

  // Background events matched on their exact date above.
  const date: DateResult = a.historical ? { level: 'day', sameDay: true } : compareDates(a, b);
  if (date.conflict) return no(date.conflict);
  if (date.level && date.level !== 'unknown') {
    score += ev.date[date.level];
    agreed.push(date.sameDay ? 'same day' : `same ${date.level}`);
  }

  const actors = compareActors(a, b, loc, date);
  if (actors.conflict) return no(actors.conflict);
  // One sentence reprinted: the same kind told in (nearly) the same words, nothing conflicting.
  // What the reports leave unsaid (place, actors) is then no reason to count two incidents.
  const reprint = () => a.kind === b.kind && !!a.evidence && !!b.evidence && textSimilarity(a.evidence, b.evidence) >= config().linking.reprintSimilarity;
  if (rule.requireActors && !actors.initiator) {
    if (actors.contested || !reprint()) return no('initiators must be known and equal for this family');
    return { same: true, conflict: null, score: ev.threshold, agreed: [...agreed, 'the same sentence reprinted'], contested: false };
  }
  if (actors.initiator) {
    score += ev.initiator;
    agreed.push('same initiator');
  }
  if (actors.target) {
    score += ev.target;
    agreed.push('same target');
  }
  if (cross) {
    // Attacks told of one spot on two days, read as two kinds, are two (front lines see both every
    // day); otherwise weaker evidence is no conflict: a third report may still join them.
    if (loc.level === 'precise' && !loc.named && !sameDate(a, b)) return no(`families ${a.family} and ${b.family} on different days`);
    const strong = loc.level === 'precise' && date.sameDay && sameDate(a, b) && actors.initiator && score >= config().linking.crossFamilies.threshold;
    return { same: strong, conflict: null, score, agreed: [...agreed, `kinds of families ${a.family} and ${b.family}`], contested: actors.contested };
  }
  if (score < ev.threshold && reprint()) {
    agreed.push('the same sentence reprinted');
    score = ev.threshold;
  }
  return { same: score >= ev.threshold, conflict: null, score, agreed, contested: actors.contested };
}

/** The full comparison of two events, with what agreed and what conflicted. */
export function compareEvents(a: CorroborationEvent, b: CorroborationEvent): Comparison {
  if (a.id === b.id) return { same: false, conflict: 'the same event', score: 0, agreed: [], contested: false };
  if (a.articleId === b.articleId) return { same: false, conflict: 'the same article', score: 0, agreed: [], contested: false };
  return judge(a, b);
}

/**
 * True when two events from different articles report one incident: same family, both actual and
 * news (or both background with the same date), places and dates within the family's limits,
 * actors compatible, and enough agreement (README.md, "When two reports are one incident").
 */
export function sameIncident(a: CorroborationEvent, b: CorroborationEvent): boolean {
  return compareEvents(a, b).same;
}
