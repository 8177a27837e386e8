// Toponym resolution: picks one gazetteer entry per toponym group from its candidates.
//
// score = prior (log population, feature: country > curated region > capital > admin seat > town,
//         minus a penalty for names reached only through an alternate spelling)
//       + country context (3 × the country's share of the article's country evidence, +1 if present
//         at all): countries named (as locations or metonyms), demonyms via entity.country, the
//         dateline's country, countries of places already resolved
//       + admin1 context (+1.5 when the article names the candidate's province/state)
//       + proximity (+1.5 × e^(−d/250 km) to the nearest place already resolved)
// Groups with one candidate, and "City, State" pairs, are fixed first; the rest are resolved most
// confident first, each adding to the context of the next. So "Damascus" in an article about Syria
// is Damascus, SY, and "Georgia" is the country unless the article is about the United States.
import type { GazEntry, Match } from './index.js';

export interface Group {
  /** the candidates, most populous first */
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
const MAX_CANDIDATES = 40;

export function prior(m: Match): number {
  const e = m.entry;
  let s = Math.log10(e.population + 10) / 7 + (FEATURE_BONUS[e.feature] ?? 0);
  if (m.alternate) s -= e.feature === 'PCLI' ? 3 : ALT_PENALTY;
  return s;
}

/** A division and the town that is its seat share a name ("Idlib", "Tehran"): news means the town. */
function seatAdjust(g: Group, m: Match): number {
  const e = m.entry;
  if (e.feature === 'ADM1') {
    const hasSeat = g.matches.some((o) => o.entry.precision === 'city' && o.entry.admin1 === e.name && o.entry.country === e.country);
    if (g.adminCue) return 2;
    return hasSeat ? -1.5 : 0;
  }
  if (g.adminCue && e.precision === 'city') return -2;
  return 0;
}

/** Cheap distance (equirectangular, km): enough to rank nearness. */
function km(a: GazEntry, b: GazEntry): number {
  const x = (b.lon - a.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  const y = b.lat - a.lat;
  return Math.sqrt(x * x + y * y) * 111.2;
}

export function resolve(groups: Group[], ctx: Context): void {
  const countries = new Map(ctx.countries);
  const admin1 = new Set<string>();
  const fixed: Group[] = [];
  const fix = (g: Group, e: GazEntry) => {
    g.chosen = e;
    fixed.push(g);
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
    const country = top.entry.feature === 'PCLI' && !top.alternate;
    if (only || country) fix(g, top.entry);
  }

  // 3. the rest, most confident first (ordered once; each is rescored with what came before it)
  const rest = groups
    .filter((g) => !g.chosen && g.matches.length > 0)
    .map((g) => {
      const sc = scoreAll(g);
      return { g, margin: sc.length > 1 ? sc[0][1] - sc[1][1] : Infinity };
    })
    .sort((a, b) => b.margin - a.margin);
  for (const { g } of rest) fix(g, scoreAll(g)[0][0]);

  function scoreAll(g: Group): [GazEntry, number][] {
    let total = 0;
    for (const w of countries.values()) total += w;
    const out: [GazEntry, number][] = [];
    const ms = g.matches.length > MAX_CANDIDATES ? g.matches.filter((m, i) => i < MAX_CANDIDATES || countries.has(m.entry.country ?? '')) : g.matches;
    for (const m of ms) {
      const e = m.entry;
      let s = prior(m) + seatAdjust(g, m);
      const cw = e.country ? countries.get(e.country) ?? 0 : 0;
      if (cw > 0) s += 1 + (3 * cw) / total;
      if (e.country && e.admin1 && admin1.has(`${e.country}|${e.admin1}`)) s += 1.5;
      let near = 0;
      for (const f of fixed) {
        if (f === g || !f.chosen || f.chosen.feature === 'PCLI') continue;
        near = Math.max(near, Math.exp(-km(e, f.chosen) / 250));
      }
      s += 1.5 * near;
      out.push([e, s]);
    }
    return out.sort((a, b) => b[1] - a[1]);
  }
}
