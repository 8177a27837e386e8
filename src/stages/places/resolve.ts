// Toponym resolution: picks one gazetteer entry per toponym group from its candidates.
//
// score = prior (log population, feature: country > curated region > capital > admin seat > town,
//         minus a penalty for names reached only through an alternate spelling; a seat's bonus
//         only against towns of like size, not against a namesake ten times bigger)
//       + country context (+1.5 when the article gives any evidence for the candidate's country, and
//         1.5 × that country's share of all its country evidence): countries named (as locations
//         or metonyms), demonyms and organisations via entity.country, the dateline's country
//         (double), countries of places already resolved
//       + shared country (+1.5, when the country has no evidence yet, for a reading in a country at
//         least half the article's toponyms could be in: a local report names towns, not its country)
//       + admin1 context (+1.5 when the article names the candidate's province/state)
//       + proximity (+1.5 × e^(−d/250 km) to the nearest place already resolved)
//       + neighbours (+1 for a town or district with a reading of another toponym within 40 km:
//         names told together lie together)
// "City, State" pairs, countries named outright and groups with one candidate are fixed first; the
// rest are resolved most confident first, each adding to the context of the next. So "Damascus" in
// an article about Syria is Damascus, SY, and "Georgia" is the country unless the article is about
// the United States. A country whose name a town in a shared country also bears ("Palestine",
// Texas) is not fixed first but waits for context.
//
// Out-of-context namesakes: once the article has given evidence for some country, a candidate in a
// country it never mentions (nor shares, as above), and over 300 km from every place resolved, must
// be a country, curated region, capital, city of 100,000 or province of a million; a small town there
// ("Arbat", Armenia, in a report on Iraqi Kurdistan) is no reading at all, and a toponym with only
// such readings stays unresolved — unless no place in the article is resolved at all: then its best
// reading by spelling (not by folding) stands, as nothing contradicts it, unless an armed group the
// text names fights only elsewhere (data/actors/armed-groups.yaml `countries`: a reading in one of
// them is supported like one in a country the article names). A strict group (a facility read through the town in its name,
// "Independence Monument") admits only supported readings and capitals or cities of a million. A
// local group (a county named after a town, "Henry County") must also lie in a province the
// article's other places lie in, when they lie in any of its country, and, once any is resolved,
// lie in one of their provinces or within 150 km of one of them.
import { featureBonus, prior, type GazEntry, type Match } from '../../gazetteer/index.js';

export interface Group {
  /** the candidates, most likely first */
  matches: Match[];
  /** how many mentions (all uses) the group has, as weight of its evidence */
  weight: number;
  /** the mention carries an admin-division word ("Idlib province"): prefer divisions to their seats */
  adminCue: boolean;
  /** the dateline names it */
  dateline: boolean;
  /** only readings in the article's countries (or capitals and cities of a million) will do */
  strict?: boolean;
  /** a division named after a town ("Henry County"): the town must lie in a province or state the article is about, when it is about any */
  local?: boolean;
  /** resolution */
  chosen: GazEntry | null;
}

export interface Context {
  /** alpha-2 → weight of evidence, from entities that are not toponyms (NORP, ORG … with a country) */
  countries: Map<string, number>;
  /** qualifier pairs "Alexandria, La.": [group of the town, group of the state/country or null, admin1/country constraint] */
  qualified: { town: Group; by: Group | null; country: string | null; admin1: string | null; link?: 'paren' | 'comma' | 'of' | 'in' }[];
  /** alpha-2 codes of the countries the armed groups the text names fight in: where the article is likely to be */
  theatres?: Set<string>;
  /** a country's point (its gazetteer entry), by alpha-2 */
  countryPoint?: (alpha2: string) => GazEntry | undefined;
  /** a country's rough radius (km), by alpha-2 */
  countryRadius?: (alpha2: string) => number;
  /** the states a state borders, by alpha-2 */
  countryBorders?: (alpha2: string) => string[];
}

const MAX_CANDIDATES = 40;
/** a reading this close to a place already resolved is in the article's area whatever its country */
const NEAR_KM = 300;
/** how near the middle of an actor's country a reading may be to count as in the article's area */
const ACTOR_NEAR_KM = 500;
/** how far beyond a big country's rough edge a reading may be to count as near it */
const ACTOR_BEYOND_KM = 100;
/** a town across a border from the article's countries this big is read without more support */
const BORDER_TOWN = 10_000;
/** an unsupported reading below this far down the candidates is not worth scoring */
const UNSUPPORTED_PENALTY = 4;
/** how far from every place the article names a county's namesake town may lie */
const LOCAL_KM = 150;
/** for a reading in a country most of the article's toponyms could be in, before any is resolved there */
const SHARED_BONUS = 1.5;

/** Readings that stand without the article's support: countries, curated regions, capitals, big cities and provinces. */
const standsAlone = (m: Match, strict: boolean) => {
  const e = m.entry;
  if ((m.alternate || m.loose) && e.feature !== 'PCLI' && e.feature !== 'REGION') return false;
  if (strict) return e.feature === 'PPLC' || e.population >= 1_000_000;
  return e.feature === 'PCLI' || e.feature === 'REGION' || e.feature === 'PPLC' || e.population >= (e.feature === 'ADM1' ? 1_000_000 : 100_000) || !e.country;
};

const rival = (e: GazEntry) => e.feature === 'ADM1' || e.feature === 'REGION' || e.feature === 'PPLC' || e.population >= 100000;

/** Cheap distance (equirectangular, km): enough to rank nearness. */
function km(a: GazEntry, b: GazEntry): number {
  const x = (b.lon - a.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  const y = b.lat - a.lat;
  return Math.sqrt(x * x + y * y) * 111.2;
}

/** Kilometres within which a place counts as in a town or district the text puts it in. */
const IN_TOWN_KM = 50;
const IN_DISTRICT_KM = 80;
const IN_PROVINCE_KM = 150;
const IN_REGION_KM = 500;

/**
 * Whether place t can lie in place b: in its country; in its province (by the gazetteer's admin1, or
 * near the province's point when the two sources divide the country differently, unless byName: "Town,
 * State" must match by name, since a list of towns is no qualifier); in its district
 * (by admin2 name when both have one, else by distance); near a town; never in something smaller.
 */
export function liesIn(t: GazEntry, b: GazEntry, byName = false): boolean {
  if (t === b || !t.country || t.country !== b.country) return false;
  if (b.feature === 'PCLI') return t.feature !== 'PCLI';
  const rank = PRECISION_RANK[t.precision] ?? 0;
  const brank = PRECISION_RANK[b.precision] ?? 0;
  if (rank > brank || (rank === brank && b.precision !== 'city')) return false;
  if (b.feature === 'ADM1' || b.precision === 'admin1') return t.admin1 === b.name || (!byName && km(t, b) < IN_PROVINCE_KM);
  if (b.precision === 'region') return km(t, b) < IN_REGION_KM;
  if (b.precision === 'district') return t.admin2 && b.admin2 ? t.admin2 === b.admin2 : km(t, b) < IN_DISTRICT_KM;
  return km(t, b) < IN_TOWN_KM;
}

/**
 * What may qualify a place, by how the text links them: after a comma only a country or province
 * ("Alexandria, Virginia": "Monroe, Trenton" is a list), after "in" no town ("the attack on Idlib in
 * Sochi"); brackets and "of" take anything ("the Tabbaneh area of Tripoli", "Majzar (Marib)").
 */
function qualifies(b: GazEntry, link: Context['qualified'][number]['link']): boolean {
  if (link === 'comma' || link === undefined) return b.feature === 'PCLI' || b.feature === 'ADM1' || b.precision === 'admin1';
  if (link === 'in') return b.precision !== 'city' && b.precision !== 'point';
  return true;
}

const PRECISION_RANK: Record<string, number> = { point: 0, city: 1, district: 2, admin1: 3, region: 4, country: 5 };

/** A group's candidates with their context-free score (prior and seat), capped, computed once. */
interface Scored {
  matches: Match[];
  entries: GazEntry[];
  base: Float64Array;
}

function baseScores(g: Group, countries: Map<string, number>): Scored {
  // the likeliest, and any in a country the article is about ("Springfield" has 60 namesakes)
  const ms = g.matches.length > MAX_CANDIDATES ? g.matches.filter((m, i) => i < MAX_CANDIDATES || countries.has(m.entry.country ?? '')) : g.matches;
  // towns that seat a division of the same name ("Idlib" the town, seat of Idlib Governorate)
  const seats = new Set<string>();
  let biggest = 0;
  for (const m of ms) {
    if (m.entry.feature === 'PPLA' || m.entry.feature === 'PPLC') seats.add(`${m.entry.country}|${m.entry.admin1}`);
    if (!m.alternate && !m.loose && m.entry.precision === 'city' && m.entry.population > biggest) biggest = m.entry.population;
  }
  const base = new Float64Array(ms.length);
  ms.forEach((m, i) => {
    const e = m.entry;
    let s = prior(m);
    // being a seat tells towns of like size apart, not a small seat from a city many times its
    // size: "San Francisco" alone is the Californian city, not the seat of Morazán
    if (e.feature.startsWith('PPLA') && e.population * SEAT_OUTWEIGHED < biggest) s -= featureBonus(e.feature);
    if (e.feature === 'ADM1') s += g.adminCue ? 2 : seats.has(`${e.country}|${e.name}`) ? -1.5 : 0;
    else if (g.adminCue && e.precision === 'city') s -= 2;
    base[i] = s;
  });
  return { matches: ms, entries: ms.map((m) => m.entry), base };
}

/** a town this many times bigger than a seat of the same name outweighs its being a seat */
const SEAT_OUTWEIGHED = 10;

/** How near (km) two toponyms' readings must lie to support each other, and what that is worth. */
const NEIGHBOUR_KM = 40;
const NEIGHBOUR_BONUS = 1;
const CELL_DEG = 0.5;
const LOCAL_PRECISION = new Set(['point', 'city', 'district']);

/**
 * Adds NEIGHBOUR_BONUS to each town or district reading that has a town or district reading of
 * another toponym within NEIGHBOUR_KM. Readings are bucketed in half-degree cells, so the cost is
 * linear in the readings, not quadratic.
 */
function neighbours(scored: Scored[]): void {
  const cells = new Map<string, { owner: number; e: GazEntry }[]>();
  const cell = (deg: number) => Math.floor(deg / CELL_DEG);
  scored.forEach((sc, owner) => {
    for (const e of sc.entries) {
      if (!LOCAL_PRECISION.has(e.precision)) continue;
      const k = `${cell(e.lat)}|${cell(e.lon)}`;
      const list = cells.get(k);
      if (list) list.push({ owner, e });
      else cells.set(k, [{ owner, e }]);
    }
  });
  if (cells.size === 0) return;
  scored.forEach((sc, owner) => {
    sc.entries.forEach((e, i) => {
      if (!LOCAL_PRECISION.has(e.precision)) return;
      const la = cell(e.lat);
      const lo = cell(e.lon);
      for (let a = la - 1; a <= la + 1; a++)
        for (let b = lo - 1; b <= lo + 1; b++)
          for (const o of cells.get(`${a}|${b}`) ?? [])
            if (o.owner !== owner && o.e !== e && km(o.e, e) < NEIGHBOUR_KM) {
              sc.base[i] += NEIGHBOUR_BONUS;
              return;
            }
    });
  });
}

/** Countries at least two and at least half of the named toponyms could be in (non-alternate readings). */
function sharedCountries(groups: Group[], alternates = false): Set<string> {
  const latent = new Map<string, number>();
  let named = 0;
  for (const g of groups) {
    if (g.matches.length === 0) continue;
    named++;
    const seen = new Set<string>();
    for (const m of g.matches) if ((alternates || !m.alternate) && !m.loose && m.entry.country) seen.add(m.entry.country);
    for (const c of seen) latent.set(c, (latent.get(c) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [c, n] of latent) if (n >= 2 && n * 2 >= named) out.add(c);
  return out;
}

export function resolve(groups: Group[], ctx: Context): void {
  const countries = new Map(ctx.countries);
  // countries the article's places are in (named, or of places resolved). Until there is one, the
  // actors' nationalities say roughly where the article is: "Turkish forces shelled Idleb" allows
  // Idlib, Syria (near Turkey), not a small namesake on another continent.
  const placeCountries = new Set<string>();
  const admin1 = new Set<string>();
  const fixed: GazEntry[] = [];
  // provinces the article's resolved places lie in, and the countries they are of
  const areas = new Set<string>();
  const areaCountries = new Set<string>();
  // countries named as places: too wide to measure from like a town, but a town within NEAR_KM of
  // a small country's middle lies by it ("rockets fired from Lebanon toward Kiryat Shmona")
  const fixedCountries: GazEntry[] = [];
  let fixes = 0;
  const fix = (g: Group, e: GazEntry) => {
    fixes++;
    g.chosen = e;
    if (e.feature !== 'PCLI') fixed.push(e);
    else fixedCountries.push(e);
    if (e.country) {
      countries.set(e.country, (countries.get(e.country) ?? 0) + g.weight * (g.dateline ? 2 : 1));
      placeCountries.add(e.country);
    }
    if (e.feature === 'ADM1' && e.country) admin1.add(`${e.country}|${e.name}`);
    if (e.admin1 && e.country && e.feature !== 'PCLI' && !g.local) {
      areas.add(`${e.country}|${e.admin1}`);
      areaCountries.add(e.country);
    }
  };
  const nearest = (e: GazEntry) => {
    let near = Infinity;
    for (const f of fixed) {
      const d = km(e, f);
      if (d < near) near = d;
    }
    return near;
  };
  const nearActorCountry = (e: GazEntry, actorsOnly = false) => {
    for (const c of (actorsOnly ? ctx.countries : countries).keys()) {
      const ce = ctx.countryPoint?.(c);
      // (past the edge of a big country: Ras al-Ain, on the Turkish border, is 500 km from Turkey's middle)
      if (ce && km(e, ce) < Math.max(ACTOR_NEAR_KM, (ctx.countryRadius?.(c) ?? 0) + ACTOR_BEYOND_KM)) return true;
    }
    return false;
  };
  // (asked per candidate: cached per country while the evidence stays the same)
  const across = new Map<string, boolean>();
  let acrossAt = -1;
  const acrossBorder = (c: string) => {
    if (acrossAt !== fixes) (across.clear(), (acrossAt = fixes));
    let v = across.get(c);
    if (v === undefined) across.set(c, (v = !!ctx.countryBorders?.(c).some((b) => (countries.get(b) ?? 0) > 0)));
    return v;
  };
  /** The article supports the reading, or has said nothing about any country yet. */
  // A country most of the article's toponyms could be in is the article's even before any is
  // resolved: a local report names towns and counties, not its country ("Danbury", "New Milford",
  // "Litchfield" and, once, "Mexico").
  let sharedSet: Set<string> | null = null;
  const shared = { has: (c: string) => (sharedSet ??= sharedCountries(groups)).has(c) };
  // the same, counting names read by another spelling ("al-Hasakeh")
  let likely: Set<string> | null = null;
  const allowed = (g: Group, m: Match, near = -1) => {
    const e = m.entry;
    const d = () => (near >= 0 ? near : (near = nearest(e)));
    if (g.local && e.country && areaCountries.has(e.country) && !areas.has(`${e.country}|${e.admin1}`) && d() >= 100) return false;
    // the town a county is named after lies in or beside it: a namesake far from every place the
    // article names, in a province none of them is in, is another county ("Barrow County" in a
    // Georgia report is not Barrow, Alaska)
    if (g.local && fixed.length > 0 && !areas.has(`${e.country}|${e.admin1}`) && d() >= LOCAL_KM) return false;
    // a reading found only by its folded spelling needs the article's support: its country, or a
    // place near it (near the middle of a country an actor is from: "Israeli forces raided Qalqiliyah")
    if (m.loose) return (e.country !== null && (placeCountries.has(e.country) || shared.has(e.country))) || d() < NEAR_KM || nearActorCountry(e);
    // with no evidence yet, any reading will do, unless most of the article's names could lie in
    // one country: then a small namesake elsewhere needs support ("Nadas in rural Ras al Ain in
    // al-Hasakeh" is no village in Romania)
    if (!g.strict && countries.size === 0 && !ctx.theatres?.size && (likely ??= sharedCountries(groups, true)).size === 0) return true;
    if (e.country !== null && ((countries.get(e.country) ?? 0) > 0 || (!g.strict && (shared.has(e.country) || !!ctx.theatres?.has(e.country))))) return true;
    // a seat or a town of some size just across a border from the article's countries, when the
    // name has no reading in any other country: "shelling hit Ras al-Ain" in a report on Israel and
    // Gaza is the Syrian town, Syria being Israel's neighbour ("Maan", also in the Philippines and
    // China, may be a village the gazetteer lacks rather than Ma'an in Jordan)
    if (!g.strict && e.country !== null && !m.alternate && (e.feature.startsWith('PPLA') || e.population >= BORDER_TOWN) && g.matches.every((x) => x.entry.country === e.country) && acrossBorder(e.country)) return true;
    return standsAlone(m, !!g.strict) || d() < NEAR_KM || (!g.strict && nearActorCountry(e, placeCountries.size > 0)) || (!g.strict && fixedCountries.some((c) => km(e, c) < NEAR_KM));
  };

  // 1. "Town, State", "X (Y, Z)", "X district of Y", "the X area of Y": the readings in which X lies
  // in Y (innermost pairs come first, so Y is settled by Z before X is by Y)
  for (const q of ctx.qualified) {
    let best: [Match, Match | null] | null = null;
    let bs = -Infinity;
    const chosen = (g: Group) => (g.chosen ? g.matches.filter((m) => m.entry === g.chosen) : g.matches);
    const quals = q.by ? chosen(q.by).slice(0, MAX_CANDIDATES).filter((b) => qualifies(b.entry, q.link)) : [null];
    if (quals.length === 0) continue;
    for (const t of chosen(q.town).slice(0, MAX_CANDIDATES)) {
      for (const b of quals) {
        // "northern Yemen (Al Jawf)": a country's bracket names a part of it, not what it lies in
        const within = b && q.link === 'paren' && t.entry.feature === 'PCLI' ? liesIn(b.entry, t.entry) : b && liesIn(t.entry, b.entry, q.link === 'comma' || q.link === undefined);
        if (b ? !within : !q.country || t.entry.country !== q.country || (q.admin1 && t.entry.admin1 !== q.admin1)) continue;
        const s = prior(t) + (b ? prior(b) : 0);
        if (s > bs) (bs = s), (best = [t, b]);
      }
    }
    if (!best) continue;
    if (!q.town.chosen) fix(q.town, best[0].entry);
    if (q.by && best[1] && !q.by.chosen) fix(q.by, best[1].entry);
  }

  // 2. countries named outright, then unambiguous names, are evidence for the rest
  for (const g of groups) {
    if (g.chosen || g.matches.length === 0) continue;
    const top = g.matches[0];
    // a country with no rival of standing ("Syria", "Jordan" against a few small towns); "Georgia"
    // has a US state for a rival, and "Palestine" a town in Texas when the article's other names
    // are American towns: they wait for context
    const rivalled = g.matches.some((m, i) => i > 0 && !m.alternate && (rival(m.entry) || (m.entry.country !== top.entry.country && shared.has(m.entry.country ?? ''))));
    if (top.entry.feature === 'PCLI' && !top.alternate && !rivalled) fix(g, top.entry);
  }
  // (a district named after a town waits until the article's provinces are known)
  for (const g of groups) {
    if (g.chosen || g.matches.length !== 1 || g.local || g.matches[0].loose) continue;
    if (allowed(g, g.matches[0])) fix(g, g.matches[0].entry);
  }

  // 3. the rest, most confident first (ordered once; each is rescored with what came before it);
  // a group whose best reading the article does not support is tried once more at the end
  const open = groups.filter((g) => !g.chosen && g.matches.length > 0).map((g) => ({ g, sc: baseScores(g, countries), margin: 0 }));
  // Towns a report names together lie together: a reading with another toponym's reading close by
  // gains ("Alexandria" and "Pineville" are neighbours in Louisiana, not in Egypt and Missouri).
  neighbours(open.map((r) => r.sc));
  for (const r of open) r.margin = best(r.g, r.sc).margin;
  const rest = open.sort((a, b) => b.margin - a.margin);
  const later: typeof rest = [];
  for (const r of rest) {
    const b = best(r.g, r.sc);
    if (b.ok) fix(r.g, b.entry);
    else later.push(r);
  }
  for (const { g, sc } of later) {
    const b = best(g, sc);
    if (b.ok) fix(g, b.entry);
    // An article that has placed nothing else has no place to contradict its one reading by
    // spelling: actors' states say who acts, not where ("Turkish forces shelled al-Hasakeh"), though
    // armed groups' countries say where they fight. A
    // reading found only by folding, and a strict or local group, still needs support.
    else if (placeCountries.size === 0 && !g.strict && !g.local && !g.chosen) {
      // (in a country most of its names could be in, when there is one)
      const i = sc.entries.indexOf(b.entry);
      const lk = (likely ??= sharedCountries(groups, true));
      // An armed group's countries do say where: a namesake outside them is no reading
      const theatre = !ctx.theatres?.size || ctx.theatres.has(b.entry.country ?? '');
      if (i >= 0 && !sc.matches[i].loose && theatre && (lk.size === 0 || lk.has(b.entry.country ?? ''))) fix(g, b.entry);
    }
  }

  function best(g: Group, sc: Scored): { entry: GazEntry; margin: number; ok: boolean } {
    let total = 0;
    for (const w of countries.values()) total += w;
    let b1 = -Infinity;
    let b2 = -Infinity;
    let bi = 0;
    let bok = false;
    for (let i = 0; i < sc.entries.length; i++) {
      const e = sc.entries[i];
      let s = sc.base[i];
      const cw = e.country ? (countries.get(e.country) ?? 0) : 0;
      if (cw > 0) s += 1.5 + (1.5 * cw) / total;
      else if (e.country && !sc.matches[i].alternate && shared.has(e.country)) s += SHARED_BONUS;
      if (e.admin1 && admin1.has(`${e.country}|${e.admin1}`)) s += 1.5;
      const near = nearest(e);
      if (near < Infinity) s += 1.5 * Math.exp(-near / 250);
      const ok = allowed(g, sc.matches[i], near);
      if (!ok) s -= UNSUPPORTED_PENALTY;
      if (s > b1) (b2 = b1), (b1 = s), (bi = i), (bok = ok);
      else if (s > b2) b2 = s;
    }
    return { entry: sc.entries[bi], margin: b1 - b2, ok: bok };
  }
}
