// Incident linking for every backend: which incidents a new article's events are compared with
// (blocking keys), what an incident is compared as (its link summary), and the decisions (joins,
// new incidents, merges, moves). One planner, no SQL: a backend answers two questions — the live
// incidents registered under some blocking keys, and the current members of some incidents — and
// applies the plan it returns. The planner is a generator that yields those questions, so SQLite
// answers them synchronously inside its transaction and PostgreSQL asynchronously under its
// advisory locks (one per blocking key: two writers of one story wait for each other).
//
// Blocking keys: family × day bucket × place. An incident is registered under the keys of its
// members; a new event looks up only the keys where something it could match can be, so the work
// per event grows with the number of incidents near it in family, days and place — with the
// story, not with the store. Places: a grid cell (≈ 156 km) for located events, "v:<country>" for
// members placed only as a province, region, country or nowhere, "c:<country>" for every member in
// a country, "*" for every member (what an event placed nowhere may match).
//
// The link summary stands for the members in comparisons: the member count and the members'
// distinct comparison signatures (exemplars, at most EXEMPLARS). Two events with one signature
// compare alike with everything, so matching against the exemplars — one must say "same", none
// may conflict — is exactly complete linkage over the members while the distinct signatures fit.
import { maxOf, minOf } from '../arrays.js';
import { memoOf } from '../memo.js';
import { compareEvents, conflictBetween, groupIncidents, linkedFamilies, sameIncident, type CorroborationEvent } from '../corroborate/index.js';
import { config } from '../corroborate/config.js';
import { boxAround } from './geo.js';
import { incidentIdOf } from './ids.js';
import { assignGroups, daySpan, geoClass, linkable, REGROUP_LIMIT } from './link.js';

/** Distinct signatures an incident's link summary keeps. */
export const EXEMPLARS = 16;
/** Days per blocking bucket. */
export const BUCKET_DAYS = 4;
/** Day ranges spanning more buckets than this are registered in the family's long bucket ("L") instead. */
export const MAX_BUCKETS = 128;
/** Grid cell side in degrees (2^-8 of the circle in longitude: ≈ 156 km of latitude). */
export const CELL_DEG = 1.40625;

export interface LinkSummary {
  /** current members */
  n: number;
  /** the smallest member's event id: the incident's id is made from it (./ids.ts) */
  min: number;
  /** members with distinct signatures, ascending by id */
  ex: CorroborationEvent[];
}

// Events are never modified once made, and the same records come back article after article (the
// exemplars of an incident many reports join, the members the writer keeps parsed): what is
// derived from one is derived once. The answers are shared: never modify them.

/** What judge() in ../corroborate/same.ts reads of an event: events with one signature compare alike. */
export const signature = memoOf(signatureOf);

function signatureOf(ce: CorroborationEvent): string {
  const denied = ce.claims
    .filter((c) => c.stance === 'denied')
    .map((c) => c.actor?.country ?? '')
    .sort();
  return JSON.stringify([
    ce.family, ce.kind, ce.mode, denied, ce.historical, ce.date ?? null, ce.dateEnd ?? null, ce.datePrecision ?? null,
    ce.date ? null : (ce.published ?? '').slice(0, 10), ce.place ?? null, ce.lat ?? null, ce.lon ?? null, ce.country ?? null,
    ce.admin1 ?? null, ce.precision ?? null, ce.initiator?.country ?? null, ce.target?.country ?? null, ce.toponyms ?? [],
  ]);
}

const byId = (a: CorroborationEvent, b: CorroborationEvent) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The link summary of a set of members. */
export function linkSummaryOf(members: Member[]): LinkSummary {
  const seen = new Set<string>();
  const ex: CorroborationEvent[] = [];
  let min = Infinity;
  for (const { id } of members) if (id < min) min = id;
  for (const m of members.map((x) => x.ce).sort(byId)) {
    const s = signature(m);
    if (seen.has(s)) continue;
    seen.add(s);
    if (ex.length < EXEMPLARS) ex.push(m);
  }
  return { n: members.length, min: members.length ? min : 0, ex };
}

/** The summary with one more member. */
export function withMember(s: LinkSummary, id: number, ce: CorroborationEvent): LinkSummary {
  const sig = signature(ce);
  const min = s.n ? Math.min(s.min, id) : id;
  if (s.ex.length >= EXEMPLARS || s.ex.some((x) => signature(x) === sig)) return { n: s.n + 1, min, ex: s.ex };
  return { n: s.n + 1, min, ex: [...s.ex, ce].sort(byId) };
}

/** Two summaries joined. */
export function joined(a: LinkSummary, b: LinkSummary): LinkSummary {
  const s = linkSummaryOf([...a.ex, ...b.ex].map((ce) => ({ id: 0, ce })));
  return { n: a.n + b.n, min: Math.min(a.min, b.min), ex: s.ex };
}

/**
 * Incidents' link summaries as last read or written, by their stored text: an incident many
 * reports join is rewritten by each and read back by the next, which then takes the records it
 * holds (their keys and signatures already derived) instead of parsing them again. A text that
 * differs from the one kept (another writer, a rolled-back write) is parsed.
 */
export class LinkCache {
  private readonly m = new Map<number, { raw: string; link: LinkSummary }>();

  constructor(private readonly limit: number) {}

  /** The summary stored as `raw` for incident `id`. */
  read(id: number, raw: string | null): LinkSummary {
    if (raw === null) return { n: 0, min: 0, ex: [] };
    const hit = this.m.get(id);
    if (hit && hit.raw === raw) return hit.link;
    const link = JSON.parse(raw) as LinkSummary;
    this.keep(id, raw, link);
    return link;
  }

  /** The text to store for the incident's new summary, kept. */
  write(id: number, link: LinkSummary): string {
    const raw = JSON.stringify(link);
    this.m.delete(id);
    this.keep(id, raw, link);
    return raw;
  }

  clear(): void {
    this.m.clear();
  }

  private keep(id: number, raw: string, link: LinkSummary): void {
    if (this.m.size >= this.limit) this.m.delete(this.m.keys().next().value!);
    this.m.set(id, { raw, link });
  }
}

function buckets(lo: number, hi: number): string[] {
  const a = Math.floor(lo / BUCKET_DAYS);
  const b = Math.floor(hi / BUCKET_DAYS);
  if (b - a >= MAX_BUCKETS) return ['L'];
  const out: string[] = [];
  for (let k = a; k <= b; k++) out.push(String(k));
  return out;
}

const wrap = (j: number, n: number) => ((j % n) + n) % n;
const LON_CELLS = Math.round(360 / CELL_DEG);

function cellOf(lat: number, lon: number): string {
  return `g:${Math.floor((lat + 90) / CELL_DEG)},${wrap(Math.floor((lon + 180) / CELL_DEG), LON_CELLS)}`;
}

/** Cells that cover every point within km of (lat, lon). */
function cellsAround(lat: number, lon: number, km: number): string[] {
  const b = boxAround(lat, lon, km);
  const out: string[] = [];
  const i0 = Math.floor((Math.max(-90, b.minLat) + 90) / CELL_DEG);
  const i1 = Math.floor((Math.min(90, b.maxLat) + 90) / CELL_DEG);
  const j0 = Math.floor((b.minLon + 180) / CELL_DEG);
  const j1 = Math.min(j0 + LON_CELLS - 1, Math.floor((b.maxLon + 180) / CELL_DEG));
  for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) out.push(`g:${i},${wrap(j, LON_CELLS)}`);
  return out;
}

const cross = (family: string, bs: string[], places: string[]) => bs.flatMap((b) => places.map((p) => `${family}|${b}|${p}`));

/** The keys an incident with this member is registered under (empty: never linked). */
export const registerKeys: (ce: CorroborationEvent) => readonly string[] = memoOf(registerKeysOf);

function registerKeysOf(ce: CorroborationEvent): string[] {
  const span = daySpan(ce);
  if (!span || !linkable(ce)) return [];
  const cls = geoClass(ce);
  const places = ['*'];
  if (ce.country) places.push(`c:${ce.country}`);
  if (cls <= 2) places.push(`v:${ce.country ?? '-'}`);
  if (cls >= 2) places.push(cellOf(ce.lat!, ce.lon!));
  return cross(ce.family, buckets(span.lo, span.hi), places);
}

/**
 * The keys under which every incident this event could match is registered: its widened days
 * (and the long bucket), and by its place class: nearby cells (within the coarse radius, the
 * farthest a province's centre can match a town) and vague members of its country or of none for
 * a located event; everything in its country for a country-level one; everything for one placed
 * nowhere.
 */
export const probeKeys: (ce: CorroborationEvent) => readonly string[] = memoOf(probeKeysOf);

/** Probe keys by what they are made of: the reports of one story, and the events of one report, mostly share their place and days. */
const PROBES_KEPT = 4096;
const probesAt = new Map<string, readonly string[]>();

function probeKeysOf(ce: CorroborationEvent): readonly string[] {
  const span = daySpan(ce);
  if (!span || !linkable(ce)) return [];
  const cls = geoClass(ce);
  // Incidents stay registered under their own family: an event that may be one incident with
  // another family's looks there too.
  const families = linkedFamilies(ce);
  const at = `${families.join(',')}|${span.lo}|${span.hi}|${cls}|${cls >= 2 ? `${ce.lat},${ce.lon}` : ''}|${ce.country ?? ''}`;
  let keys = probesAt.get(at);
  if (keys) return keys;
  const lk = config().linking;
  const w = maxOf(Object.values(lk.dateWindowDays));
  const bs = buckets(span.lo - w, span.hi + w);
  if (!bs.includes('L')) bs.push('L');
  let places: string[];
  if (cls >= 2) {
    const coarseKm = Math.max(lk.coarseRadiusKm.admin1, lk.coarseRadiusKm.region);
    places = [...cellsAround(ce.lat!, ce.lon!, coarseKm), 'v:-'];
    if (ce.country) places.push(`v:${ce.country}`);
  } else if (cls === 1) places = [`c:${ce.country}`, 'v:-'];
  else places = ['*'];
  keys = families.flatMap((f) => cross(f, bs, places));
  if (probesAt.size >= PROBES_KEPT) probesAt.clear();
  probesAt.set(at, keys);
  return keys;
}

/** The keys of these lists, each once (lists shared between events are read once). */
function union(lists: readonly (readonly string[])[]): string[] {
  const out = new Set<string>();
  for (const l of new Set(lists)) for (const k of l) out.add(k);
  return [...out];
}

/** The keys a link summary's exemplars are registered under, each once (a summary kept by LinkCache comes back article after article). */
const linkKeys = memoOf((link: LinkSummary) => union(link.ex.map(registerKeys)));

/** True when the event matches an incident as its link summary stands for it. */
export function matches(ce: CorroborationEvent, s: LinkSummary): boolean {
  return s.ex.some((x) => sameIncident(ce, x)) && s.ex.every((x) => conflictBetween(ce, x) === null);
}

/**
 * Whether some member of the incident is linked with the event, as far as its exemplars tell:
 * they stand for every member (two members of one signature compare alike) except for the article
 * they come from (an exemplar of the event's own article may stand for a member of another) and
 * for the words (a pair compatible but short of evidence may still be one sentence reprinted):
 * then only the members themselves tell ("maybe"), as they do for a summary holding EXEMPLARS
 * signatures, which may not stand for all of them. Never "no" for a linked pair.
 */
function mayLink(ce: CorroborationEvent, s: LinkSummary): 'yes' | 'maybe' | 'no' {
  let out: 'maybe' | 'no' = s.ex.length >= EXEMPLARS ? 'maybe' : 'no';
  for (const x of s.ex) {
    if (x.id === ce.id) continue;
    const own = x.articleId === ce.articleId;
    const c = compareEvents(ce, own ? { ...x, articleId: `${x.articleId}~` } : x);
    if (c.same && !own) return 'yes';
    if (c.same || (c.conflict === null && x.kind === ce.kind && !!ce.evidence)) out = 'maybe';
  }
  return out;
}

/** True when some member of these is linked with the event. */
function linksWith(ce: CorroborationEvent, ms: Member[]): boolean {
  return ms.some(({ ce: x }) => sameIncident(ce, x));
}

function compatible(a: LinkSummary, b: LinkSummary): boolean {
  return a.ex.every((x) => b.ex.every((y) => conflictBetween(x, y) === null));
}

const WIDE = '\u0000wide';

export interface Candidate {
  id: number;
  link: LinkSummary;
}

export interface Member {
  id: number;
  ce: CorroborationEvent;
}

/** A new event of the article: its index in the article, its store id, its record. */
export interface NewEvent {
  k: number;
  id: number;
  ce: CorroborationEvent;
}

/** What the planner asks the backend. */
export type LinkRequest =
  /** live (not merged) incidents registered under any of these keys → Candidate[] */
  | { op: 'candidates'; keys: string[] }
  /** current (not superseded) members of these incidents → Map<incident, Member[]> */
  | { op: 'members'; incidents: number[] };

/**
 * Incidents by reference: a positive number is an existing incident's id, −(j+1) the j-th
 * incident the plan creates.
 */
export interface LinkPlan {
  /** the article's event (index k) → incident ref */
  incidentOf: Map<number, number>;
  /** incidents to create: their family and, when the only member is one new event, its index (its prepared summary serves) */
  created: { family: string; solo: number | null }[];
  /** existing events moved to another incident */
  moves: { eventId: number; to: number }[];
  /** incidents absorbed by another: every event of `from` goes to `into` */
  merged: { from: number; into: number }[];
  /** incidents whose link summary changed: the new summary and keys to register (already registered ones may be repeated; those of members that stay need not be) */
  links: Map<number, { link: LinkSummary; keys: readonly string[] }>;
  /** incidents whose full summary must be recomputed */
  touched: Set<number>;
}

/** Incidents created by the plan whose only member is one new event: their summary came prepared. */
export function soloRefs(plan: LinkPlan): Set<number> {
  const out = new Set<number>();
  plan.created.forEach((c, j) => c.solo !== null && out.add(-(j + 1)));
  return out;
}

/**
 * Plans the incidents of an article's new linkable events (k: the event's index in the article).
 * The new events' connected component of linked events (up to REGROUP_LIMIT events) is regrouped
 * whole by the corroboration module, so that the incidents are those of the whole set at once,
 * whatever the order reports come in; larger ones are joined through the link summaries: an
 * event joins the incident it matches, and when it matches several that are compatible with each
 * other they merge (into the largest; ties: the lowest id).
 */
export function* planLink(mine: NewEvent[]): Generator<LinkRequest, LinkPlan, any> {
  const plan: LinkPlan = { incidentOf: new Map(), created: [], moves: [], merged: [], links: new Map(), touched: new Set() };
  if (!mine.length) return plan;
  const create = (family: string, solo: number | null) => -(plan.created.push({ family, solo }));
  // Keys in no particular order: the backend's answer is sorted (by incident id) below.
  const keys = union(mine.map((m) => probeKeys(m.ce)));
  const cands: Candidate[] = keys.length ? ((yield { op: 'candidates', keys }) as Candidate[]) : [];
  cands.sort((a, b) => a.id - b.id);
  const linkOf = new Map(cands.map((c) => [c.id, c.link]));
  const alone = (m: NewEvent) => {
    const ref = create(m.ce.family, m.k);
    plan.incidentOf.set(m.k, ref);
    plan.links.set(ref, { link: { n: 1, min: m.id, ex: [m.ce] }, keys: registerKeys(m.ce) });
  };
  // The neighbourhood regrouped: every event linked to a new one, to those, and so on (the new
  // events' connected component of the "same incident" relation, as whole incidents). The module
  // groups each component on its own whatever else is in the set, so regrouping whole components
  // makes the store's incidents those of the whole set at once: independent of the order reports
  // come in, and of which report came last.
  const members = new Map<number, Member[]>();
  let size = mine.length;
  let closed = true;
  const probed = new Set(keys);
  const seen = new Map(linkOf);
  // Where each candidate is registered, as its exemplars tell (they stand for its members' keys):
  // an event is compared only with the candidates in its blocks.
  const at = new Map<string, number[]>();
  // Incidents whose exemplars may not stand for all their members: tried with every event.
  const wide: number[] = [];
  const place = (id: number, link: LinkSummary) => {
    if (link.ex.length >= EXEMPLARS) wide.push(id);
    for (const k of linkKeys(link)) {
      const list = at.get(k);
      if (list) list.push(id);
      else at.set(k, [id]);
    }
  };
  for (const [id, link] of seen) place(id, link);
  // Members of one signature and evidence compare alike with every candidate: each is looked at once.
  const alike = (ce: CorroborationEvent) => `${signature(ce)}\u0000${ce.evidence ?? ''}`;
  const done = new Set(mine.map((m) => alike(m.ce)));
  const first = mine.map((m) => m.ce);
  let frontier = first;
  for (;;) {
    const probes = frontier.map(probeKeys);
    // (The new events' own keys, the first time round, were all probed above.)
    const more = frontier === first ? [] : union(probes).filter((k) => !probed.has(k));
    for (const k of more) probed.add(k);
    if (more.length)
      for (const c of (yield { op: 'candidates', keys: more }) as Candidate[])
        if (!seen.has(c.id)) {
          seen.set(c.id, c.link);
          place(c.id, c.link);
        }
    const next = new Set<number>();
    const maybe = new Map<number, CorroborationEvent[]>();
    frontier.forEach((e, i) => {
      const tried = new Set<number>();
      for (const k of [...probes[i], WIDE])
        for (const id of k === WIDE ? wide : (at.get(k) ?? [])) {
          if (members.has(id) || next.has(id) || tried.has(id)) continue;
          tried.add(id);
          const m = mayLink(e, seen.get(id)!);
          if (m === 'yes') next.add(id);
          else if (m === 'maybe') maybe.set(id, [...(maybe.get(id) ?? []), e]);
        }
    });
    const unsure = [...maybe.keys()].filter((id) => !next.has(id)).sort((a, b) => a - b);
    const most = size + [...next, ...unsure].reduce((n, id) => n + seen.get(id)!.n, 0);
    if (unsure.length && most > REGROUP_LIMIT) {
      // Possibly too large: a much-reported incident's members are never read.
      closed = false;
      break;
    }
    if (unsure.length) {
      // Read the members only of incidents the exemplars cannot decide.
      const ms = (yield { op: 'members', incidents: unsure }) as Map<number, Member[]>;
      for (const id of unsure) if (maybe.get(id)!.some((e) => linksWith(e, ms.get(id) ?? []))) next.add(id);
    }
    const found = [...next].sort((a, b) => a - b);
    if (!found.length) break;
    size += found.reduce((n, id) => n + seen.get(id)!.n, 0);
    if (size > REGROUP_LIMIT) {
      closed = false;
      break;
    }
    const got = (yield { op: 'members', incidents: found }) as Map<number, Member[]>;
    frontier = [];
    for (const id of found) {
      const ms = got.get(id) ?? [];
      members.set(id, ms);
      for (const m of ms) {
        const sig = alike(m.ce);
        if (done.has(sig)) continue;
        done.add(sig);
        frontier.push(m.ce);
      }
    }
  }
  if (closed && !members.size) {
    // Nothing matched (most articles): events of one article are never one incident, so each stands alone.
    for (const m of mine) alone(m);
    return plan;
  }
  if (closed) {
    const hitAll = [...members.keys()].sort((a, b) => a - b);
    const current = new Map<number, number | null>();
    const byCe = new Map<string, number>();
    const ceOf = new Map<number, CorroborationEvent>();
    const all: CorroborationEvent[] = [];
    const tmp = (k: number) => -(k + 1);
    const storeId = new Map<number, number>();
    for (const { k, id, ce } of mine) {
      storeId.set(tmp(k), id);
      current.set(tmp(k), null);
      byCe.set(ce.id, tmp(k));
      ceOf.set(tmp(k), ce);
      all.push(ce);
    }
    for (const inc of hitAll)
      for (const { id, ce } of members.get(inc) ?? []) {
        current.set(id, inc);
        byCe.set(ce.id, id);
        ceOf.set(id, ce);
        all.push(ce);
      }
    const founder = (ms: number[]) => incidentIdOf(minOf(ms.map((m) => (m < 0 ? storeId.get(m)! : m))));
    const grouped = assignGroups(groupIncidents(all).map((g) => g.events.map((e) => byCe.get(e.id)!)), current, founder);
    const refs = grouped.groups.map((g) => {
      if (g.incidentId !== null) return g.incidentId;
      const only = g.members.length === 1 && g.members[0] < 0 ? -g.members[0] - 1 : null;
      return create(ceOf.get(g.members[0])!.family, only);
    });
    grouped.groups.forEach((g, j) => {
      const ref = refs[j];
      const ces = g.members.map((m) => ceOf.get(m)!);
      const ms = g.members.map((m, i) => ({ id: m < 0 ? storeId.get(m)! : m, ce: ces[i] }));
      for (const m of g.members) {
        if (m < 0) plan.incidentOf.set(-m - 1, ref);
        else if (current.get(m) !== ref) plan.moves.push({ eventId: m, to: ref });
      }
      // An incident is registered under its members' keys already (blocks are only ever added, or
      // copied to an incident's new id): only members new to it bring keys (regrouping a story's
      // neighbourhood otherwise wrote every key of every member again with each report).
      const joining = ref < 0 ? ces : ces.filter((_, i) => current.get(g.members[i]) !== ref);
      plan.links.set(ref, { link: linkSummaryOf(ms), keys: union(joining.map(registerKeys)) });
      if (!(ref < 0 && plan.created[-ref - 1].solo !== null)) plan.touched.add(ref);
    });
    for (const m of grouped.merged) {
      plan.merged.push({ from: m.from, into: refs[m.into] });
      plan.touched.add(m.from);
    }
    return plan;
  }
  // A much-reported incident: joined through link summaries, never through its members.
  const hits = new Map<number, number[]>();
  for (const m of mine) hits.set(m.k, cands.filter((c) => c.link.ex.some((x) => sameIncident(m.ce, x))).map((c) => c.id));
  const hit = [...new Set([...hits.values()].flat())].sort((a, b) => a - b);
  const state = new Map<number, LinkSummary>(hit.map((id) => [id, linkOf.get(id)!]));
  const absorbed = new Map<number, number>();
  const live = (id: number): number => (absorbed.has(id) ? live(absorbed.get(id)!) : id);
  const newKeys = new Map<number, Set<string>>();
  const addKeys = (ref: number, ks: readonly string[]) => {
    const s = newKeys.get(ref) ?? new Set<string>();
    for (const k of ks) s.add(k);
    newKeys.set(ref, s);
  };
  for (const m of mine) {
    const ids = [...new Set(hits.get(m.k)!.map(live))].filter((id) => matches(m.ce, state.get(id)!));
    if (!ids.length) {
      alone(m);
      continue;
    }
    ids.sort((a, b) => state.get(b)!.n - state.get(a)!.n || a - b);
    const into = ids[0];
    for (const other of ids.slice(1)) {
      if (!compatible(state.get(into)!, state.get(other)!)) continue;
      const o = state.get(other)!;
      state.set(into, joined(state.get(into)!, o));
      absorbed.set(other, into);
      plan.merged.push({ from: other, into });
      plan.touched.add(other);
      // The absorbed incident's blocks, as far as its exemplars tell them.
      addKeys(into, o.ex.flatMap(registerKeys));
    }
    // A member like one already summarised is registered under the same keys: nothing to add.
    const sig = signature(m.ce);
    const known = state.get(into)!.ex.some((x) => signature(x) === sig);
    state.set(into, withMember(state.get(into)!, m.id, m.ce));
    plan.incidentOf.set(m.k, into);
    plan.touched.add(into);
    addKeys(into, known ? [] : registerKeys(m.ce));
  }
  for (const [ref, ks] of newKeys) if (!absorbed.has(ref)) plan.links.set(ref, { link: state.get(ref)!, keys: [...ks] });
  return plan;
}

/** Runs the planner with a synchronous backend. */
export function planSync(mine: NewEvent[], answer: (r: LinkRequest) => unknown): LinkPlan {
  const g = planLink(mine);
  let r = g.next();
  while (!r.done) r = g.next(answer(r.value));
  return r.value;
}

/** Runs the planner with an asynchronous backend. */
export async function planAsync(mine: NewEvent[], answer: (r: LinkRequest) => Promise<unknown>): Promise<LinkPlan> {
  const g = planLink(mine);
  let r = g.next();
  while (!r.done) r = g.next(await answer(r.value));
  return r.value;
}
