// Scoring extract output against gold annotations. Pure functions: gold and predicted documents
// in, counts out. The matching rules are the ones test/gold/README.md tells annotators.
import type { Document, Event, Place } from '../contract.js';
import { distanceKm } from '../geo.js';

export interface GoldEntity {
  name: string;
  type: string;
  role?: string | null;
}
export interface GoldPlace {
  name: string;
  country?: string | null;
  lat: number;
  lon: number;
}
export interface GoldQuote {
  text: string;
  speaker: string | null;
}
export interface GoldEvent {
  kind: string;
  initiator?: string | null;
  target?: string | null;
  location?: { name?: string; lat: number; lon: number } | null;
  date?: string | null;
  date_precision?: string;
  historical?: boolean;
  mode?: string;
  fatalities?: number | null;
  civilians?: number | null;
  injuries?: number | null;
  claimant?: string | null;
}
export interface GoldDoc {
  id: string;
  text: string;
  published?: string | null;
  outlet?: string | null;
  url?: string | null;
  title?: string | null;
  source?: string;
  license?: string;
  entities?: GoldEntity[];
  places?: GoldPlace[];
  quotes?: GoldQuote[];
  events?: GoldEvent[];
}

/** True/false positives and negatives for one field. */
export class Tally {
  tp = 0;
  fp = 0;
  fn = 0;
  add(o: Tally): void {
    this.tp += o.tp;
    this.fp += o.fp;
    this.fn += o.fn;
  }
  get precision(): number {
    return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp);
  }
  get recall(): number {
    return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn);
  }
  get f1(): number {
    const p = this.precision;
    const r = this.recall;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
}

export type Scores = Record<string, Tally>;

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/^the\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

function tally(): Tally {
  return new Tally();
}

/**
 * Greedy one-to-one matching: the highest-scoring pairs first. `score` returns null for pairs
 * that may not be matched at all.
 */
export function match<G, P>(gold: G[], pred: P[], score: (g: G, p: P) => number | null): [number, number][] {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) =>
    pred.forEach((p, j) => {
      const s = score(g, p);
      if (s !== null) pairs.push([s, i, j]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const [, i, j] of pairs) {
    if (usedG.has(i) || usedP.has(j)) continue;
    usedG.add(i);
    usedP.add(j);
    out.push([i, j]);
  }
  return out;
}

export function scoreEntities(gold: GoldEntity[], doc: Document): Scores {
  const t = tally();
  const typed = tally();
  const names = doc.entities.map((e) => new Set([norm(e.name), ...e.mentions.map((m) => norm(m.text))]));
  const pairs = match(gold, doc.entities, (g, p) => {
    const k = doc.entities.indexOf(p);
    return names[k].has(norm(g.name)) ? (g.type === p.type ? 2 : 1) : null;
  });
  let typedOk = 0;
  for (const [i, j] of pairs) if (gold[i].type === doc.entities[j].type) typedOk++;
  // Typed: the entity must be found and typed right (the headline figure).
  typed.tp = typedOk;
  typed.fp = doc.entities.length - typedOk;
  typed.fn = gold.length - typedOk;
  // Untyped: found at all, whatever the type.
  t.tp = pairs.length;
  t.fp = doc.entities.length - pairs.length;
  t.fn = gold.length - pairs.length;
  const perType: Scores = {};
  const types = new Set([...gold.map((g) => g.type), ...doc.entities.map((e) => e.type)]);
  for (const ty of types) {
    const x = tally();
    const ok = pairs.filter(([i, j]) => gold[i].type === ty && doc.entities[j].type === ty).length;
    x.tp = ok;
    x.fp = doc.entities.filter((e) => e.type === ty).length - ok;
    x.fn = gold.filter((g) => g.type === ty).length - ok;
    perType[`entities.${ty}`] = x;
  }
  return { entities: typed, 'entities.untyped': t, ...perType };
}

export function scorePlaces(gold: GoldPlace[], doc: Document): Scores {
  const found = tally();
  const within = tally();
  const names = doc.places.map((p) => new Set([norm(p.name), ...p.mentions.map((m) => norm(m.text))]));
  const pairs = match(gold, doc.places, (g, p) => (names[doc.places.indexOf(p)].has(norm(g.name)) ? 1 : null));
  found.tp = pairs.length;
  found.fp = doc.places.length - pairs.length;
  found.fn = gold.length - pairs.length;
  let ok = 0;
  for (const [i, j] of pairs) {
    const p = doc.places[j];
    if (p.lat !== null && p.lon !== null && distanceKm(gold[i].lat, gold[i].lon, p.lat, p.lon) <= 161) ok++;
  }
  // A place counts when it is found and put within 161 km of the truth (the geoparsing convention).
  within.tp = ok;
  within.fp = doc.places.length - ok;
  within.fn = gold.length - ok;
  return { places: within, 'places.found': found };
}

export function scoreQuotes(gold: GoldQuote[], doc: Document): Scores {
  const found = tally();
  const attributed = tally();
  const overlap = (a: string, b: string) => {
    const x = norm(a);
    const y = norm(b);
    return x === y ? 2 : x.includes(y) || y.includes(x) ? 1 : null;
  };
  const pairs = match(gold, doc.quotes, (g, q) => overlap(g.text, q.text));
  found.tp = pairs.length;
  found.fp = doc.quotes.length - pairs.length;
  found.fn = gold.length - pairs.length;
  let ok = 0;
  for (const [i, j] of pairs) if (sameSpeaker(gold[i].speaker, doc.quotes[j].speaker?.name ?? null)) ok++;
  attributed.tp = ok;
  attributed.fp = doc.quotes.length - ok;
  attributed.fn = gold.length - ok;
  return { quotes: found, 'quotes.speaker': attributed };
}

/** Speakers match when one name contains the other ("Qalandari" vs "Hamzeh Qalandari"). */
export function sameSpeaker(gold: string | null, pred: string | null): boolean {
  if (gold === null || pred === null) return gold === pred;
  const g = norm(gold).replace(/^(an?|the)\s+/, '');
  const p = norm(pred).replace(/^(an?|the)\s+/, '');
  return g === p || g.includes(p) || p.includes(g);
}

export interface EventScoringContext {
  familyOf: (kind: string) => string | null;
  acledOf: (kind: string) => string | null;
}

function placeOf(doc: Document, e: Event): Place | undefined {
  return e.location ? doc.places.find((p) => p.id === e.location!.place) : undefined;
}

/** Per-field agreement on matched event pairs, plus event detection itself. */
export function scoreEvents(gold: GoldEvent[], doc: Document, ctx: EventScoringContext): Scores {
  const pred = doc.events;
  const near = (g: GoldEvent, p: Event) => {
    const pl = placeOf(doc, p);
    return !!(g.location && pl && pl.lat !== null && pl.lon !== null && distanceKm(g.location.lat, g.location.lon, pl.lat, pl.lon) <= 50);
  };
  const pairs = match(gold, pred, (g, p) => {
    const sameFamily = ctx.familyOf(g.kind) !== null && ctx.familyOf(g.kind) === ctx.familyOf(p.kind);
    if (!sameFamily && g.kind !== p.kind) return null;
    let s = g.kind === p.kind ? 4 : 2;
    if (near(g, p)) s += 1;
    if (g.date && p.time?.start === g.date) s += 1;
    if (g.initiator && p.initiator?.country === g.initiator) s += 0.5;
    if (g.target && p.target?.country === g.target) s += 0.5;
    if ((g.historical ?? false) === p.historical) s += 0.25;
    return s;
  });
  const out: Scores = {};
  const detect = tally();
  detect.tp = pairs.length;
  detect.fp = pred.length - pairs.length;
  detect.fn = gold.length - pairs.length;
  out['events'] = detect;

  // A field is scored like a slot in MUC/ACE: a matched pair with equal non-null values is a true
  // positive; a predicted value that is wrong or unmatched is a false positive; a gold value not
  // recovered is a false negative. Nulls on both sides are agreement, not counted.
  const field = (name: string, g: (e: GoldEvent) => unknown, p: (e: Event) => unknown, eq = (a: unknown, b: unknown) => a === b) => {
    const t = tally();
    // The same field on matched events only: how well an event that was found is described.
    const onMatched = tally();
    const matchedP = new Set(pairs.map(([, j]) => j));
    const matchedG = new Set(pairs.map(([i]) => i));
    for (const [i, j] of pairs) {
      const gv = g(gold[i]);
      const pv = p(pred[j]);
      const gNull = gv === null || gv === undefined;
      const pNull = pv === null || pv === undefined;
      if (!gNull && !pNull && eq(gv, pv)) t.tp++;
      else {
        if (!pNull) t.fp++;
        if (!gNull) t.fn++;
      }
    }
    onMatched.tp = t.tp;
    onMatched.fp = t.fp;
    onMatched.fn = t.fn;
    out[`events.matched.${name}`] = onMatched;
    pred.forEach((e, j) => {
      if (!matchedP.has(j) && p(e) !== null && p(e) !== undefined) t.fp++;
    });
    gold.forEach((e, i) => {
      if (!matchedG.has(i) && g(e) !== null && g(e) !== undefined) t.fn++;
    });
    out[`events.${name}`] = t;
  };
  field('kind', (g) => g.kind, (p) => p.kind);
  field('acled', (g) => ctx.acledOf(g.kind), (p) => p.acled?.sub_event_type ?? null);
  field('initiator', (g) => g.initiator, (p) => p.initiator?.country);
  field('target', (g) => g.target, (p) => p.target?.country);
  field(
    'location',
    (g) => g.location,
    (p) => placeOf(doc, p),
    (gv, pv) => {
      const g = gv as { lat: number; lon: number };
      const pl = pv as Place;
      return pl.lat !== null && pl.lon !== null && distanceKm(g.lat, g.lon, pl.lat, pl.lon) <= 50;
    },
  );
  field('date', (g) => g.date, (p) => p.time?.start);
  field('historical', (g) => (g.historical ? true : null), (p) => (p.historical ? true : null));
  field('mode', (g) => (g.mode && g.mode !== 'actual' ? g.mode : null), (p) => (p.mode !== 'actual' ? p.mode : null));
  field('fatalities', (g) => g.fatalities, (p) => p.fatalities?.total);
  field('civilians', (g) => g.civilians, (p) => p.fatalities?.civilians);
  field('injuries', (g) => g.injuries, (p) => p.injuries?.total);
  field(
    'claimant',
    (g) => g.claimant,
    (p) => p.claims.find((c) => c.claimant)?.claimant ?? null,
    (gv, pv) => norm(String(pv)).includes(norm(String(gv))),
  );
  return out;
}

export function scoreDocument(gold: GoldDoc, doc: Document, ctx: EventScoringContext): Scores {
  const s: Scores = {};
  if (gold.entities) Object.assign(s, scoreEntities(gold.entities, doc));
  if (gold.places) Object.assign(s, scorePlaces(gold.places, doc));
  if (gold.quotes) Object.assign(s, scoreQuotes(gold.quotes, doc));
  if (gold.events) Object.assign(s, scoreEvents(gold.events, doc, ctx));
  return s;
}

export function addScores(into: Scores, s: Scores): void {
  for (const [k, t] of Object.entries(s)) {
    if (!into[k]) into[k] = new Tally();
    into[k].add(t);
  }
}
