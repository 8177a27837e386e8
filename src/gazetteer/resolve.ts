// Toponym resolution: picks one gazetteer entry per toponym group from its candidates.
//
// score = prior (log population, feature: country > curated region > capital > admin seat > town,
//         minus a penalty for names reached only through an alternate spelling)
//       + country context (+1.5 when the article gives any evidence for the candidate's country, and
//         1.5 × that country's share of all its country evidence): countries named (as locations
//         or metonyms), demonyms and organisations via entity.country, the dateline's country
//         (double), countries of places already resolved
//       + admin1 context (+1.5 when the article names the candidate's province/state)
//       + proximity (+1.5 × e^(−d/250 km) to the nearest place already resolved)
// Groups with one candidate, and "City, State" pairs, are fixed first; the rest are resolved most
// confident first, each adding to the context of the next. So "Damascus" in an article about Syria
// is Damascus, SY, and "Georgia" is the country unless the article is about the United States.
import { prior, type GazEntry, type Match } from './index.js';

export interface Group {
  /** the candidates, most likely first */
  matches: Match[];
  /** how many mentions (all uses) the group has, as weight of its evidence */
  weight: number;
  /** the mention carries an admin-division word ("Idlib province"): prefer divisions to their seats */
  adminCue: boolean;
  /** the dateline names it */
  dateline: boolean;
  /** resolution */
  chosen: GazEntry | null;
}

export interface Context {
  /** alpha-2 → weight of evidence, from entities that are not toponyms (NORP, ORG … with a country) */
  countries: Map<string, number>;
  /** qualifier pairs "Alexandria, La.": [group of the town, group of the state/country or null, admin1/country constraint] */
  qualified: { town: Group; by: Group | null; country: string | null; admin1: string | null }[];
}

const MAX_CANDIDATES = 40;

const rival = (e: GazEntry) => e.feature === 'ADM1' || e.feature === 'REGION' || e.feature === 'PPLC' || e.population >= 100000;

/** Cheap distance (equirectangular, km): enough to rank nearness. */
function km(a: GazEntry, b: GazEntry): number {
  const x = (b.lon - a.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  const y = b.lat - a.lat;
  return Math.sqrt(x * x + y * y) * 111.2;
}

/** A group's candidates with their context-free score (prior and seat), capped, computed once. */
interface Scored {
  entries: GazEntry[];
  base: Float64Array;
}

function baseScores(g: Group, countries: Map<string, number>): Scored {
  // the likeliest, and any in a country the article is about ("Springfield" has 60 namesakes)
  const ms = g.matches.length > MAX_CANDIDATES ? g.matches.filter((m, i) => i < MAX_CANDIDATES || countries.has(m.entry.country ?? '')) : g.matches;
  // towns that seat a division of the same name ("Idlib" the town, seat of Idlib Governorate)
  const seats = new Set<string>();
  for (const m of ms) if (m.entry.feature === 'PPLA' || m.entry.feature === 'PPLC') seats.add(`${m.entry.country}|${m.entry.admin1}`);
  const base = new Float64Array(ms.length);
  ms.forEach((m, i) => {
    const e = m.entry;
    let s = prior(m);
    if (e.feature === 'ADM1') s += g.adminCue ? 2 : seats.has(`${e.country}|${e.name}`) ? -1.5 : 0;
    else if (g.adminCue && e.precision === 'city') s -= 2;
    base[i] = s;
  });
  return { entries: ms.map((m) => m.entry), base };
}

export function resolve(groups: Group[], ctx: Context): void {
  const countries = new Map(ctx.countries);
  const admin1 = new Set<string>();
  const fixed: GazEntry[] = [];
  const fix = (g: Group, e: GazEntry) => {
    g.chosen = e;
    if (e.feature !== 'PCLI') fixed.push(e);
    if (e.country) countries.set(e.country, (countries.get(e.country) ?? 0) + g.weight * (g.dateline ? 2 : 1));
    if (e.feature === 'ADM1' && e.country) admin1.add(`${e.country}|${e.name}`);
  };

  // 1. "Town, State" pairs: the only reading in which both fit
  for (const q of ctx.qualified) {
    let best: [Match, Match | null] | null = null;
    let bs = -Infinity;
    const quals = q.by ? q.by.matches : [null];
    for (const t of q.town.matches) {
      for (const b of quals) {
        const country = b ? b.entry.country : q.country;
        const a1 = b ? (b.entry.feature === 'ADM1' ? b.entry.name : null) : q.admin1;
        if (!country || t.entry.country !== country) continue;
        if (b && b.entry.feature !== 'PCLI' && b.entry.feature !== 'ADM1') continue;
        if (a1 && t.entry.admin1 !== a1) continue;
        const s = prior(t) + (b ? prior(b) : 0);
        if (s > bs) (bs = s), (best = [t, b]);
      }
    }
    if (!best) continue;
    if (!q.town.chosen) fix(q.town, best[0].entry);
    if (q.by && best[1] && !q.by.chosen) fix(q.by, best[1].entry);
  }

  // 2. unambiguous names, and countries named outright, are evidence for the rest
  for (const g of groups) {
    if (g.chosen || g.matches.length === 0) continue;
    const top = g.matches[0];
    const only = g.matches.length === 1;
    // a country with no rival of standing ("Syria", "Jordan" against a few small towns); "Georgia"
    // has a US state for a rival and waits for context
    const country = top.entry.feature === 'PCLI' && !top.alternate && !g.matches.some((m, i) => i > 0 && !m.alternate && rival(m.entry));
    if (only || country) fix(g, top.entry);
  }

  // 3. the rest, most confident first (ordered once; each is rescored with what came before it)
  const rest = groups
    .filter((g) => !g.chosen && g.matches.length > 0)
    .map((g) => {
      const sc = baseScores(g, countries);
      return { g, sc, margin: best(sc).margin };
    })
    .sort((a, b) => b.margin - a.margin);
  for (const { g, sc } of rest) fix(g, best(sc).entry);

  function best(sc: Scored): { entry: GazEntry; margin: number } {
    let total = 0;
    for (const w of countries.values()) total += w;
    let b1 = -Infinity;
    let b2 = -Infinity;
    let bi = 0;
    for (let i = 0; i < sc.entries.length; i++) {
      const e = sc.entries[i];
      let s = sc.base[i];
      const cw = e.country ? (countries.get(e.country) ?? 0) : 0;
      if (cw > 0) s += 1.5 + (1.5 * cw) / total;
      if (e.admin1 && admin1.has(`${e.country}|${e.admin1}`)) s += 1.5;
      let near = Infinity;
      for (const f of fixed) {
        const d = km(e, f);
        if (d < near) near = d;
      }
      if (near < Infinity) s += 1.5 * Math.exp(-near / 250);
      if (s > b1) (b2 = b1), (b1 = s), (bi = i);
      else if (s > b2) b2 = s;
    }
    return { entry: sc.entries[bi], margin: b1 - b2 };
  }
}
