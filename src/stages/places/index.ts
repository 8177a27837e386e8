// Places: which toponyms (GPE/LOC/FAC entity mentions and the dateline) are used as locations, and
// where they are. Each mention gets `use` (src/stages/places/toponym-use.ts); each distinct place with a
// locative mention becomes a PlaceAnn, resolved against the offline gazetteer (src/stages/places/resolve.ts).
//
// A name's head word (data/gazetteer/heads.tsv, src/stages/places/heads.ts) limits its readings:
// "Kupiansk district" is the district named after the town (precision 'district'), "Hodeidah
// province" the province the town is in, "Kaplan Street" never a town called Kaplan abroad: a street,
// square, camp or airport is read through the town in its name only when that town is in the
// article's countries ("Damascus International Airport"), and the place keeps no GeoNames id of its own.
//
// A toponym the gazetteer cannot place — a village, a quarter, a street — is placed at the place the
// text anchors it to ("the Kafouri district in Khartoum North", "Huwara, south of Nablus", "Sanaa's
// Sabeen Square", src/stages/places/anchor.ts), as event coders do: the anchor's point and country, no
// GeoNames id, and the anchor's precision (or the cue's, when coarser).
//
// Directional phrases ("southern Syria", "the southern part of Syria", "Syria's south") become their
// own place: a curated region when data/gazetteer/regions.tsv has one, otherwise the compass part of
// the named country computed from its towns (precision 'region'); for a province or a town, the
// province or town itself ("western Anbar province" is Anbar: both evaluation corpora code it so,
// and a province's part is no better known than the province).
import type { Doc, EntityAnn, EntityMention, Mention, PlaceAnn, PlacePrecision, Stage } from '../../doc.js';
import { match, matchSpelled, matchExact, compassPoint, countryByAlpha2, countryByAlpha3, countryByDemonym, countryEntry, distanceKm, key, type GazEntry, type Match } from '../../gazetteer/index.js';
import { data } from '../../data/index.js';
import { worldCountries } from '../../data/countries.js';
import { toponymUse, regionFrame, cues, type RegionFrame } from './toponym-use.js';
import { resolve, liesIn, type Group, type Context } from './resolve.js';
import { divisionHeadBefore, headOfName, headAfter, heads, type Head } from './heads.js';
import { anchorsOf, type AnchorCtx } from './anchor.js';
import { pushAll } from '../../arrays.js';

const TOPONYM_TYPES = new Set(['GPE', 'LOC', 'FAC']);

export interface PlacesOptions {
  /** make a place for every toponym, metonyms too (evaluation against gold toponyms) */
  allUses?: boolean;
}

interface Item {
  entity: EntityAnn | null;
  mention: EntityMention;
  dateline: boolean;
  region: RegionFrame | null;
}

/** Where a group ends up: a gazetteer entry, or the place of another group it is anchored to. */
interface Spot {
  lat: number;
  lon: number;
  country: string | null;
  admin1: string | null;
  precision: PlacePrecision;
  geonameid: number | null;
}

interface TGroup extends Group {
  items: Item[];
  name: string;
  entity: EntityAnn | null;
  region: RegionFrame | null;
  /** the mention is the entity's own name, not a directional part of it */
  ownName: boolean;
  head: Head | null;
  /** how its readings relate to the place: the place itself, the district named after a town, or something inside a town */
  reading: 'self' | 'district' | 'inside';
  /** set when placed at another place the text anchors it to */
  anchored: { to: TGroup; spot: Spot } | null;
}

const PRECISION_RANK: Record<PlacePrecision, number> = { point: 0, city: 1, district: 2, admin1: 3, region: 4, country: 5 };
const coarser = (a: PlacePrecision, b: PlacePrecision | null) => (b && PRECISION_RANK[b] > PRECISION_RANK[a] ? b : a);

let radii: Map<string, number> | null = null;
/** The radius of a disc of the country's area (km). */
function countryRadius(a2: string): number {
  radii ??= new Map(worldCountries().map((c) => [c.cca2, Math.sqrt(c.area / Math.PI)]));
  return radii.get(a2) ?? 0;
}

let borders: Map<string, string[]> | null = null;
/** The states (alpha-2) a state borders. */
function countryBorders(a2: string): string[] {
  if (!borders) {
    const a2of = new Map(worldCountries().map((c) => [c.cca3, c.cca2]));
    borders = new Map(worldCountries().map((c) => [c.cca2, (c.borders ?? []).map((b) => a2of.get(b)).filter((b): b is string => !!b)]));
  }
  return borders.get(a2) ?? [];
}

let qualifiers: Map<string, { country: string; admin1: string }> | null = null;
let theatres: Map<string, string[]> | null = null;
function lexicon() {
  qualifiers ??= new Map(data('gazetteer/qualifiers.tsv').map((r) => [r.abbreviation, { country: r.country, admin1: r.admin1 }]));
  // armed groups by each of their names → the countries (alpha-2) they fight in
  if (!theatres) {
    theatres = new Map();
    for (const g of data('actors/armed-groups.yaml').groups) {
      const cs = g.countries.map((c) => countryByAlpha3(c)?.alpha2).filter((c): c is string => !!c);
      for (const n of [g.name, ...g.aliases]) theatres.set(key(n), cs);
    }
  }
  return { qualifiers, theatres };
}

export function runPlaces(doc: Doc, opts: PlacesOptions = {}): void {
  const items = collect(doc);
  if (items.length === 0) {
    doc.places = [];
    return;
  }
  const byStart = new Map<number, Mention>();
  const byEnd = new Map<number, Mention>();
  // (a place named inside a longer toponym leaves the longer one there: "Damascus International Airport")
  for (const it of items) {
    const m = it.mention;
    if ((byStart.get(m.first)?.last ?? 0) < m.last) byStart.set(m.first, m);
    if ((byEnd.get(m.last - 1)?.first ?? Infinity) > m.first) byEnd.set(m.last - 1, m);
  }
  const within = insideLongerName(doc);
  const useCtx = { dateline: false, toponymStartingAt: (t: number) => byStart.get(t), toponymEndingAt: (t: number) => byEnd.get(t) };
  // "the US dollar": a name that only qualifies a thing is no place and no evidence of one
  const attributes = new Set<Item>();
  for (const it of items) {
    useCtx.dateline = it.dateline;
    const u = within(it.mention) ? { use: 'part' as const, cue: 'inside-name' } : toponymUse(doc, it.mention, useCtx);
    it.mention.use = u.use;
    if (u.cue === 'attribute') attributes.add(it);
    if (it.mention.use === 'location') it.region = regionFrame(doc, it.mention);
  }

  // group mentions that name the same thing the same way
  const groups = new Map<string, TGroup>();
  const groupOf = new Map<Mention, TGroup>();
  for (const it of items) {
    if (attributes.has(it)) continue;
    const text = doc.text.slice(it.mention.start, it.mention.end);
    const k = `${it.entity?.id ?? ''}|${it.region ? it.region.compass + ' ' : ''}${key(text)}`;
    let g = groups.get(k);
    if (!g) {
      g = newGroup(doc, it, text, useCtx.toponymStartingAt);
      groups.set(k, g);
    }
    g.items.push(it);
    g.weight++;
    g.dateline ||= it.dateline;
    groupOf.set(it.mention, g);
  }
  const list = [...groups.values()];
  const ctx = context(doc, list, byStart, groupOf);
  resolve(list, ctx);
  outside(ctx.qualified as Qualified[]);
  anchor(doc, list, groupOf, useCtx);

  // places, one per distinct resolved place with a locative mention
  const places = new Map<string, PlaceAnn & { order: number }>();
  const entityPlace = new Map<EntityAnn, { place: PlaceAnn; own: boolean }>();
  for (const g of list) {
    const e = g.chosen;
    const spot = spotOf(g);
    if (spot && g.entity && !g.entity.country && spot.country) {
      g.entity.country = countryByAlpha2(spot.country)?.alpha3 ?? null;
    }
    const loc = g.items.filter((it) => it.mention.use === 'location');
    if (!spot || (loc.length === 0 && !opts.allUses)) continue;
    // a compass part only of what has parts: "northern Beirut" is Beirut
    const part = e && g.region && e.feature === 'PCLI' ? compassPoint(e, g.region.compass) : null;
    const region = part ? g.region : null;
    const id = g.anchored
      ? `at:${key(g.name)}|${spot.lat},${spot.lon}`
      : g.reading !== 'self'
        ? `${g.reading}:${key(g.name)}|${e!.geonameid ?? e!.name}`
        : `${e!.geonameid ?? `${e!.feature}:${e!.name}:${e!.country}`}|${region ? region.compass : ''}`;
    const carvedNot = !!g.region && !part;
    const ms = (opts.allUses ? g.items : loc).map((it) => (it.region && !carvedNot ? doc.mention(it.region.first, it.region.last) : plain(it.mention)));
    let p = places.get(id);
    if (!p) {
      p = {
        id: '',
        name: region || !g.region ? g.name : g.anchored ? tidy(doc.text.slice(g.items[0].mention.start, g.items[0].mention.end)) : baseName(g),
        country: spot.country,
        admin1: spot.admin1,
        lat: part ? part.lat : spot.lat,
        lon: part ? part.lon : spot.lon,
        precision: part ? 'region' : spot.precision,
        geonameid: part ? null : spot.geonameid,
        mentions: [],
        entity: g.entity?.id ?? null,
        order: Infinity,
      };
      places.set(id, p);
    }
    pushAll(p.mentions, ms);
    // (a loop, not minOf over a mapped array: an empty array's map differs from a full one's, and
    // each new one had V8 recompile this whole stage)
    for (const m of ms) if (m.start < p.order || Number.isNaN(m.start)) p.order = m.start;
    // the entity's place is the one its own name resolves to, else the first it is part of
    const had = g.entity ? entityPlace.get(g.entity) : undefined;
    if (g.entity && (!had || (g.ownName && !had.own))) entityPlace.set(g.entity, { place: p, own: g.ownName });
  }
  const sorted = [...places.values()].sort((a, b) => a.order - b.order);
  sorted.forEach((p, i) => {
    p.id = `p${i + 1}`;
    p.mentions.sort((a, b) => a.start - b.start);
  });
  for (const [e, p] of entityPlace) if (!e.place) e.place = p.place.id;
  doc.places = sorted.map(({ order: _o, ...p }) => p);
}

export const places: Stage = {
  name: 'places',
  reads: ['text', 'tokens', 'sentences', 'dateline', 'entities'],
  writes: ['places', 'entities.place', 'entities.use'],
  adds: 'toponym use (location or metonym), gazetteer resolution',
  run(doc: Doc) {
    runPlaces(doc);
  },
};

/**
 * Whether a mention lies inside a longer name ("Gaza" in "Gaza Health Ministry", "Aleppo" in
 * "University of Aleppo"): it names the place, but as part of the name of something else.
 */
function insideLongerName(doc: Doc): (m: Mention) => boolean {
  // per token, the longest entity mention over it
  const outer: (Mention | undefined)[] = new Array(doc.tokens.length);
  for (const e of doc.entities)
    for (const m of e.mentions)
      for (let t = m.first; t < m.last; t++) {
        const o = outer[t];
        if (!o || o.last - o.first < m.last - m.first) outer[t] = m;
      }
  return (m) => {
    const o = outer[m.first];
    return !!o && o.first <= m.first && o.last >= m.last && o.last - o.first > m.last - m.first;
  };
}

function collect(doc: Doc): Item[] {
  const items: Item[] = [];
  const dl = doc.dateline?.mention;
  let datelineSeen = false;
  for (const e of doc.entities) {
    if (!TOPONYM_TYPES.has(e.type)) continue;
    for (const m of e.mentions) {
      const isDl = !!dl && m.start < dl.end && dl.start < m.end;
      datelineSeen ||= isDl;
      items.push({ entity: e, mention: m, dateline: isDl, region: null });
    }
  }
  // the dateline's place even when no entity covers it
  if (dl && !datelineSeen) items.push({ entity: null, mention: { ...dl }, dateline: true, region: null });
  pushAll(items, bracketed(doc, items));
  return items.sort((a, b) => a.mention.start - b.mention.start);
}

/**
 * Divisions named in brackets after a toponym that no entity covers: "Tripoli (North)", "Zahleh
 * (Bekaa)". Words that name nothing alone (a direction) name a division there, and the bracket says
 * where the place before it is; each becomes a toponym mention of its own.
 */
function bracketed(doc: Doc, items: Item[]): Item[] {
  const T = doc.tokens;
  const starts = new Set(items.map((it) => it.mention.first));
  const out: Item[] = [];
  for (const it of items) {
    let k = it.mention.last;
    if (T[k]?.text !== '(' || T[k].sent !== it.mention.sent) continue;
    for (let seg = 0; seg < 3; seg++) {
      const a = k + 1;
      let b = a;
      while (b < T.length && b - a < 4 && T[b].sent === it.mention.sent && T[b].text !== ',' && T[b].text !== ')') b++;
      if (b === a || (T[b]?.text !== ',' && T[b]?.text !== ')')) break;
      if (!starts.has(a) && /^\p{Lu}/u.test(T[a].text) && bracketDivision(doc.text.slice(T[a].start, T[b - 1].end))) {
        out.push({ entity: null, mention: doc.mention(a, b), dateline: false, region: null });
        starts.add(a);
      }
      if (T[b].text === ')') break;
      k = b;
    }
  }
  return out;
}

/** A bracketed name that is a division, as itself or with a division word after it. */
function bracketDivision(name: string): boolean {
  const div = (ms: Match[]) => ms.some((m) => m.entry.feature === 'ADM1' || m.entry.feature === 'REGION' || m.entry.feature === 'ADM2');
  return div(matchSpelled(name)) || DIVISION_TERMS.some((t) => div(matchSpelled(`${name} ${t}`)));
}

function newGroup(doc: Doc, it: Item, text: string, toponymStartingAt: (t: number) => Mention | undefined): TGroup {
  let matches: Match[] = [];
  let region = it.region;
  let base = text;
  let name = it.entity && key(it.entity.name) === key(text) ? it.entity.name : tidy(text);
  // the entity may carry the direction itself ("Northern Yemen") when the whole is no known name
  const lead = /^(\S+)\s+(.+)$/.exec(text);
  const dirs = cues().directions;
  if (!region && lead && dirs.has(lead[1].toLowerCase()) && matchSpelled(text).length === 0) {
    region = { compass: dirs.get(lead[1].toLowerCase())!, word: lead[1], first: it.mention.first, last: it.mention.last };
    base = lead[2];
  }
  if (region) {
    // a curated region ("southern Syria", "northern Gaza") beats carving one out of the base place
    matches = match(`${region.word} ${base}`).filter((m) => m.entry.feature === 'REGION');
    if (matches.length) {
      region = null;
      name = matches[0].entry.name;
    } else name = `${region.word.toLowerCase()} ${tidy(base)}`;
  }
  const head = headOfName(base) ?? headAfter(doc, it.mention, toponymStartingAt) ?? divisionHeadBefore(doc, it.mention);
  let reading: TGroup['reading'] = 'self';
  let strict = false;
  if (matches.length === 0) {
    const r = lookup(doc, it, base, head);
    matches = r.matches;
    reading = r.reading;
    strict = r.strict;
  }
  const adminCue = head?.kind === 'admin' && head.precision === 'admin1';
  const local = reading === 'district';
  const ownName = !it.region && !!it.entity && key(it.entity.name) === key(text);
  return { matches, weight: 0, adminCue, strict, local, dateline: false, chosen: null, items: [], name, entity: it.entity, region, ownName, head, reading, anchored: null };
}

interface Reading {
  matches: Match[];
  reading: TGroup['reading'];
  strict: boolean;
}

/** The readings of a toponym, as its head allows (see the header comment). */
function lookup(doc: Doc, it: Item, text: string, head: Head | null): Reading {
  const r = lookupSpelled(doc, it, text, head);
  // only when no reading of any exact spelling was found: the folded one ("Qalqiliyah" for Qalqilya)
  if (r.matches.length === 0 && (!head || head.kind === 'admin' || head.where === 'after')) {
    const base = head && head.where !== 'after' ? head.base : text;
    const loose = match(text).length ? match(text) : match(base);
    // "Sirwah district": the district named after a town found by its folded spelling
    if (head?.kind === 'admin' && head.precision !== 'admin1') {
      const towns = loose.filter((m) => m.entry.precision === 'city' || m.entry.precision === 'district');
      return { matches: towns, reading: head.where === 'after' ? 'self' : 'district', strict: false };
    }
    if (loose.length) return { matches: loose, reading: 'self', strict: false };
  }
  return r;
}

function lookupSpelled(doc: Doc, it: Item, text: string, head: Head | null): Reading {
  const self = (matches: Match[]): Reading => ({ matches, reading: 'self', strict: false });
  if (!head) return self(plainLookup(doc, it, text));
  const { kind } = head;
  if (kind === 'admin') {
    const bare = head.where === 'after' ? text : head.base;
    if (head.precision === 'admin1') {
      // "Hodeidah province": the division, by its own name or as the province of the town it is named after
      const whole = head.where === 'after' ? plainLookup(doc, it, text) : matchSpelled(text);
      if (whole.some((m) => m.entry.feature === 'ADM1' || m.entry.feature === 'REGION' || m.entry.feature === 'PCLI')) return self(whole);
      const divisions = divisionsOf(matchSpelled(bare));
      return self(divisions.length ? divisions : whole);
    }
    // "Kupiansk district", "Beni territory", "Maru Local Government Area": the division named
    // after a town, placed at the town; a province of the same name is another level
    const exact = head.where === 'after' ? [] : matchExact(text);
    if (exact.length) return self(exact);
    const towns = matchSpelled(bare).filter((m) => m.entry.precision === 'city' || m.entry.precision === 'district');
    if (towns.length) return { matches: towns, reading: 'district', strict: false };
    return self(head.where === 'after' ? plainLookup(doc, it, text) : []);
  }
  if (head.where === 'after') return self(plainLookup(doc, it, text));
  // a facility, quarter, river or range: the whole name if the gazetteer has it ("Golan Heights",
  // "Red Sea"), else the town in its name when the article is about that town's country
  const whole = matchExact(text);
  if (whole.length) {
    // the sea or hill itself before villages named after it, though a name the gazetteer knows
    // only as towns is a town ("Rock Hill", "Battle Creek")
    const feature = kind === 'water' || kind === 'terrain' ? whole.filter((m) => m.entry.feature !== 'PPL') : whole;
    return self(feature.length ? feature : whole);
  }
  const inner = innerPlace(doc, it, head);
  return { matches: inner, reading: 'inside', strict: true };
}

/** The candidates of a toponym: its text, then without modifiers ("occupied"), then the entity's name. */
function plainLookup(doc: Doc, it: Item, text: string): Match[] {
  // "W.Va.", "Kan.": an abbreviation with its dots is the state before any town spelled alike
  const q = lexicon().qualifiers.get(text);
  let ms: Match[];
  if (q && text.includes('.') && (ms = stateMatches(q)).length) return ms;
  ms = matchSpelled(text);
  if (ms.length) return ms;
  const skippable = cues().skippable;
  const words = text.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && skippable.has(words[i].toLowerCase())) i++;
  if (i > 0 && (ms = matchSpelled(words.slice(i).join(' '))).length) return ms;
  if (it.entity && it.entity.name !== text && (ms = matchSpelled(it.entity.name)).length) return ms;
  // "NY", "LA": a postal code on its own, when nothing else is called so
  if (q && (ms = stateMatches(q)).length) return ms;
  // a demonym tagged as a place ("Russian" in "the Russian border") stands for its country
  const c = countryByDemonym(text);
  if (c) return [{ entry: countryEntry(c.alpha2)!, alternate: true }];
  return [];
}

/** A facility named after its place ("Damascus International Airport"): the longest capitalised run inside the name that is a place name. */
function innerPlace(doc: Doc, it: Item, head: Head): Match[] {
  const { first } = it.mention;
  // the head's own words are not part of the run ("Sara Square" → "Sara")
  let last = it.mention.last;
  if (head.where === 'end') last -= head.words.split(' ').length;
  let from = first;
  if (head.where === 'lead') from += head.words.split(' ').length;
  for (let len = last - from; len >= 1; len--) {
    for (let a = from; a + len <= last; a++) {
      const toks = doc.tokens.slice(a, a + len);
      if (!/^[A-Z]/.test(toks[0].text) || toks[len - 1].pos === 'PUNCT') continue;
      const ms = matchSpelled(doc.text.slice(toks[0].start, toks[len - 1].end)).filter((m) => m.entry.feature !== 'ADM1');
      if (ms.length) return ms;
    }
  }
  return [];
}

/** The first-order divisions among a name's readings, or those its towns lie in. */
function divisionsOf(ms: Match[]): Match[] {
  const out: Match[] = [];
  const seen = new Set<GazEntry>();
  for (const m of ms) {
    let d: Match | undefined = m;
    if (m.entry.feature !== 'ADM1' && m.entry.feature !== 'REGION') {
      const a1 = m.entry.admin1;
      d = a1 ? match(a1).find((x) => x.entry.feature === 'ADM1' && x.entry.country === m.entry.country) : undefined;
      if (d) d = { entry: d.entry, alternate: m.alternate };
    }
    if (d && !seen.has(d.entry)) {
      seen.add(d.entry);
      out.push(d);
    }
  }
  return out;
}

function stateMatches(q: { country: string; admin1: string }): Match[] {
  return match(q.admin1).filter((m) => m.entry.feature === 'ADM1' && m.entry.country === q.country);
}

/** Evidence the article gives about countries, and "Town, State" pairs. */
function context(doc: Doc, groups: TGroup[], byStart: Map<number, Mention>, groupOf: Map<Mention, TGroup>): Context {
  const countries = new Map<string, number>();
  const { qualifiers, theatres } = lexicon();
  const fought = new Set<string>();
  for (const e of doc.entities) {
    if (TOPONYM_TYPES.has(e.type)) continue;
    // an armed group says roughly where the article is: "JNIM fighters near Tera" is in the Sahel,
    // not in Iran (no more than roughly: Islamic State fights in a score of countries)
    let cs = theatres.get(key(e.name));
    for (let i = 0; !cs && i < e.mentions.length; i++) cs = theatres.get(key(doc.text.slice(e.mentions[i].start, e.mentions[i].end)));
    for (const c of cs ?? []) fought.add(c);
    if (!e.country) continue;
    const a2 = countryByAlpha3(e.country)?.alpha2;
    if (a2) countries.set(a2, (countries.get(a2) ?? 0) + 0.5 * e.mentions.length);
  }
  const qualified: Context['qualified'] = [];
  const T = doc.tokens;
  for (const g of groups) {
    for (const it of g.items) {
      const qa = qualifiersAfter(doc, it.mention, byStart);
      const chain = (qa?.chain ?? []).map((m) => groupOf.get(m)).filter((x): x is TGroup => !!x && x !== g);
      if (qa && chain.length) {
        if (qa.link === 'paren') {
          for (const by of chain) divisionReadings(by);
          // the last name in brackets is the widest: "(Marib)", "(Hidaybu, Suqutra)" name provinces
          chain[chain.length - 1].adminCue = true;
        }
        // "X (Y, Z)": Y in Z first, then X in Y and X in Z
        for (let i = chain.length - 1; i > 0; i--) qualified.push({ town: chain[i - 1], by: chain[i], country: null, admin1: null, link: qa.link });
        for (const by of chain) qualified.push({ town: g, by, country: null, admin1: null, link: qa.link });
        break;
      }
      const c = it.mention.last;
      if (T[c]?.text !== ',' || T[c].sent !== it.mention.sent) continue;
      // "La.", "N.H.", "LA": up to four tokens written without spaces
      let s = '';
      for (let k = c + 1; k < c + 5 && T[k] && T[k].sent === it.mention.sent; k++) {
        if (k > c + 1 && T[k].start !== T[k - 1].end) break;
        s += T[k].text;
        const q = qualifiers.get(s);
        if (q) {
          qualified.push({ town: g, by: null, country: q.country, admin1: q.admin1 });
          break;
        }
      }
    }
  }
  return { countries, qualified, theatres: fought, countryPoint: countryEntry, countryRadius, countryBorders };
}

const QUALIFIER_LINKS = new Set(['of', 'in']);
const DIVISION_TERMS = ['governorate', 'province', 'region', 'state', 'district', 'county', 'oblast'];

/**
 * A name in brackets after a place names a division: "(North)" is also North Governorate, though
 * "North" alone names nothing. Adds the divisions the name has with a division word after it.
 */
function divisionReadings(g: TGroup): void {
  if (g.region) return;
  const seen = new Set(g.matches.map((m) => m.entry));
  const more: Match[] = [];
  for (const t of DIVISION_TERMS) {
    for (const m of matchSpelled(`${g.name} ${t}`)) {
      if ((m.entry.feature === 'ADM1' || m.entry.feature === 'REGION' || m.entry.feature === 'ADM2') && !seen.has(m.entry)) {
        seen.add(m.entry);
        more.push({ entry: m.entry, alternate: true });
      }
    }
  }
  if (more.length) g.matches = [...g.matches, ...more];
}
export type QualifierLink = 'paren' | 'comma' | 'of' | 'in';

/**
 * The places the text puts a mention in, innermost first: "X, Y", "X (Y)", "X (Y, Z)", "X district
 * of Y province", "the X area of Y", "X in Y". Head words after the mention ("district", "areas")
 * are passed over; a parenthesis must close after its places.
 */
export function qualifiersAfter(doc: Doc, m: Mention, byStart: Map<number, Mention>): { chain: Mention[]; link: QualifierLink } | null {
  const T = doc.tokens;
  const low = (i: number) => (T[i] && T[i].sent === m.sent ? T[i].lower : '');
  const { suffix, maxWords } = heads();
  let k = m.last;
  const next = low(k);
  if (next !== '(' && next !== ',' && !QUALIFIER_LINKS.has(next)) {
    // head words first: the longest run of lower-case words that is a head ("district", "local government area")
    let w = '';
    let skip = 0;
    for (let n = 0; n < maxWords && low(k + n); n++) {
      w = n ? `${w} ${low(k + n)}` : low(k + n);
      if (suffix.has(w)) skip = n + 1;
    }
    if (!skip) return null;
    k += skip;
  }
  const out: Mention[] = [];
  const paren = low(k) === '(';
  if (paren || low(k) === ',') {
    let y = byStart.get(k + 1);
    while (y && out.length < 3) {
      out.push(y);
      if (low(y.last) !== ',') break;
      y = byStart.get(y.last + 1);
    }
    if (out.length === 0 || (paren && low(out[out.length - 1].last) !== ')')) return null;
    // "X, Y" only as one pair (a longer comma run is a list)
    if (!paren && out.length > 1) return null;
    return { chain: out, link: paren ? 'paren' : 'comma' };
  }
  if (QUALIFIER_LINKS.has(low(k))) {
    let q = k + 1;
    if (low(q) === 'the') q++;
    const y = byStart.get(q);
    if (y) return { chain: [y], link: low(k) as 'of' | 'in' };
  }
  return null;
}

/** How far (km) a quarter the text puts in another place may lie from it, by the other's precision. */
const WITHIN_KM: Record<PlacePrecision, number> = { point: 100, city: 100, district: 100, admin1: 500, region: 1000, country: 2000 };

/**
 * Places what the gazetteer could not (or, for a facility, would only have read as a namesake town):
 * at the place the text anchors it to, or at the place of a sibling name ("Kafouri" after "the
 * Kafouri district"). A street or quarter with no anchor in its sentence lies in the town last named
 * a few sentences before, or the dateline's. Rounds repeat so that anchors can chain ("a mosque in
 * Kafouri"). First, a reading the text contradicts ("Baghdad's Green Zone" read as a Green in Ohio,
 * "the East Nile area of Khartoum" as the river) gives way to one near the anchor, or to the anchor.
 */
function anchor(doc: Doc, groups: TGroup[], groupOf: Map<Mention, TGroup>, ctx: AnchorCtx): void {
  const place = (g: TGroup, to: TGroup, s: Spot) => {
    const cue = g.head?.kind === 'admin' ? g.head.precision : null;
    g.anchored = { to, spot: { ...s, geonameid: null, precision: coarser(s.precision, cue) } };
  };
  for (const g of groups) {
    const e = g.chosen;
    if (!e || e.feature === 'PCLI' || g.region || (g.head?.where === 'after' && g.head.kind !== 'quarter')) continue;
    const part = g.head?.where === 'after' && g.head.kind === 'quarter';
    for (const it of g.items) {
      if (it.mention.use !== 'location' || g.anchored) continue;
      for (const a of anchorsOf(doc, it.mention, ctx, false)) {
        if (a.how !== 'in' && a.how !== 'possessive' && a.how !== 'direction') continue;
        const y = a.mention ? groupOf.get(a.mention) : undefined;
        const s = y && y !== g ? spotOf(y) : null;
        if (!y || !s) continue;
        // "X in Y" may say where the event was rather than where X is ("talks on Idlib in Sochi"):
        // only a quarter of Y, or a small town abroad, is read against Y
        const fits = (x: GazEntry) => {
          if (part) return PRECISION_RANK[x.precision] <= PRECISION_RANK[s.precision] && distanceKm(x.lat, x.lon, s.lat, s.lon) < WITHIN_KM[s.precision];
          const weak = x.population < 100_000 && !['PPLC', 'PPLA', 'ADM1', 'REGION', 'PCLI'].includes(x.feature);
          return !weak || !s.country || x.country === s.country;
        };
        if (fits(e)) break;
        // what replaces it must lie where the text puts it: not a bigger namesake in a third
        // country ("Kafraya in Idleb" read by folding as a Palestinian village is no town in Libya)
        const near = g.matches.find((m) => fits(m.entry) && (!s.country || m.entry.country === s.country));
        if (near) g.chosen = near.entry;
        else place(g, y, s);
        break;
      }
    }
  }

  const open = groups.filter((g) => !g.chosen && !g.anchored && g.items.some((it) => it.entity && TOPONYM_TYPES.has(it.entity.type)));
  if (open.length === 0) return;
  // "the Kafouri district" … "a mosque in Kafouri": one place under two names
  const byBase = new Map<string, TGroup>();
  for (const g of groups) if (g.head && g.head.where !== 'after' && !g.region) byBase.set(key(g.head.base), g);
  /**
   * The town the text is in at a mention: the last scene a sentence opened with ("In Tel Aviv, …")
   * within a few sentences before, else the town most recently named as a location there.
   */
  const cityBefore = (m: Mention): TGroup | undefined => {
    let best: TGroup | undefined;
    let bestStart = -1;
    let scene: TGroup | undefined;
    let sceneStart = -1;
    for (const g of groups) {
      const s = spotOf(g);
      if (!s || s.precision !== 'city') continue;
      for (const it of g.items) {
        const n = it.mention;
        if (n.use !== 'location' || n.start >= m.start || m.sent - n.sent > 4) continue;
        if (n.start > bestStart) (best = g), (bestStart = n.start);
        if (n.start > sceneStart && opensScene(doc, n)) (scene = g), (sceneStart = n.start);
      }
    }
    return scene ?? best;
  };
  const dateline = groups.find((g) => g.dateline && spotOf(g)?.precision === 'city');
  // the town the article is mostly about: its most named (dateline counting double), of two named
  // as often the one named first as a location (a group's first mention may be part of a name)
  let main: TGroup | undefined;
  let mainN = 0;
  let mainAt = Infinity;
  for (const g of groups) {
    if (spotOf(g)?.precision !== 'city') continue;
    const loc = g.items.filter((it) => it.mention.use === 'location');
    const n = loc.length + (g.dateline ? 1 : 0);
    const at = g.dateline ? -1 : (loc[0]?.mention.start ?? Infinity);
    if (n > mainN || (n === mainN && at < mainAt)) (main = g), (mainN = n), (mainAt = at);
  }
  /** a town named as a location in the same sentence */
  const sentenceCity = (m: Mention): TGroup | undefined =>
    groups.find((g) => spotOf(g)?.precision === 'city' && g.items.some((it) => it.mention.sent === m.sent && it.mention.use === 'location'));
  for (let round = 0; round < 3; round++) {
    let placed = 0;
    for (const g of open) {
      if (g.anchored) continue;
      const inside = g.head?.kind === 'facility' || g.head?.kind === 'quarter';
      let to: TGroup | undefined;
      const sibling = byBase.get(key(g.name));
      if (sibling && sibling !== g && spotOf(sibling)) to = sibling;
      // the finest anchor any of its mentions gives, locative mentions first
      let rank = Infinity;
      const items = [...g.items].sort((a, b) => (a.mention.use === 'location' ? 0 : 1) - (b.mention.use === 'location' ? 0 : 1));
      for (const it of to ? [] : items) {
        for (const a of anchorsOf(doc, it.mention, ctx, inside)) {
          const y = a.mention ? groupOf.get(a.mention) : (cityBefore(it.mention) ?? dateline);
          const s = y && y !== g ? spotOf(y) : null;
          if (!s) continue;
          // a list of towns is no anchor ("Jbaa, Nabatieh"): only a wider place in apposition is
          if (a.how === 'apposition' && PRECISION_RANK[s.precision] <= PRECISION_RANK.city) continue;
          if (a.how === 'sentence' && s.precision !== 'city' && s.precision !== 'district') continue;
          if (PRECISION_RANK[s.precision] < rank) (to = y), (rank = PRECISION_RANK[s.precision]);
          break;
        }
      }
      if (!to && inside) to = cityBefore(g.items[0].mention) ?? dateline;
      // a district or county with no anchor: the town of its sentence, else the article's town
      if (!to && g.head?.kind === 'admin' && g.head.precision === 'district') to = sentenceCity(g.items[0].mention) ?? main;
      const s = to && to !== g ? spotOf(to) : null;
      if (!to || !s) continue;
      place(g, to, s);
      placed++;
    }
    if (!placed) break;
  }
}

/** "In Tel Aviv, …", "Meanwhile in Cúcuta, …": a sentence that opens by saying where it is. */
function opensScene(doc: Doc, m: Mention): boolean {
  const T = doc.tokens;
  const first = doc.sentences[m.sent]?.first ?? 0;
  const p = m.first - 1;
  if (p < first || (T[p].lower !== 'in' && T[p].lower !== 'at') || T[m.last]?.text !== ',') return false;
  // at most one word or comma before the preposition ("Meanwhile in", "Later, in")
  return p - first <= 2;
}

type Qualified = Context['qualified'][number] & { town: TGroup; by: TGroup | null };

/**
 * A place the text puts in a division or town it cannot lie in ("Faryab in Kerman province" read as
 * Afghanistan's Faryab), or one the gazetteer lacks with its district and province in brackets
 * ("Al Yasbil (As Sawadiyah, Al Bayda)"), is placed at that division or town, as event coders do,
 * with a precision no finer than it: the text's hierarchy outweighs a namesake elsewhere. Only
 * brackets, and "of"/"in" a division, are read so ("talks on Idlib in Sochi" says where the talks were).
 */
function outside(qualified: Qualified[]): void {
  for (const q of qualified) {
    const by = q.by;
    if (!by || q.town.anchored || q.town.region) continue;
    const s = spotOf(by);
    if (!s || s.precision === 'country') continue;
    const division = s.precision === 'admin1' || s.precision === 'district' || s.precision === 'region' || by.head?.kind === 'admin';
    const t = q.town.chosen;
    // a town in brackets anchors only a place the gazetteer lacks altogether ("Qaryat X (Majzar)");
    // one it has stays itself rather than follow a namesake of the bracketed town
    const strong = (q.link === 'paren' && (division || q.town.matches.length === 0)) || ((q.link === 'of' || q.link === 'in') && division);
    if (!strong) continue;
    if (t && (t.feature === 'PCLI' || (by.chosen && liesIn(t, by.chosen)) || (by.anchored && distanceKm(t.lat, t.lon, s.lat, s.lon) < 80))) continue;
    if (!t && q.town.matches.length && q.link !== 'paren') continue;
    const cue = q.town.head?.kind === 'admin' ? q.town.head.precision : null;
    q.town.chosen = null;
    q.town.anchored = { to: by, spot: { ...s, geonameid: null, precision: coarser(s.precision, cue) } };
  }
}

/** Where a group is: its reading, or its anchor's place. */
function spotOf(g: TGroup): Spot | null {
  if (g.anchored) return g.anchored.spot;
  const e = g.chosen;
  if (!e) return null;
  const s: Spot = { lat: e.lat, lon: e.lon, country: e.country, admin1: e.feature === 'PCLI' ? null : e.admin1, precision: e.precision, geonameid: e.geonameid };
  // the district named after a town, or a facility in it: the town's point, not the town
  if (g.reading === 'district') return { ...s, precision: coarser(s.precision, 'district'), geonameid: null };
  if (g.reading === 'inside') return { ...s, geonameid: null };
  return s;
}

/** The name of the place a direction could not carve: "northern Beirut" is Beirut. */
function baseName(g: TGroup): string {
  const w = g.region!.word.toLowerCase();
  return g.name.toLowerCase().startsWith(w + ' ') ? g.name.slice(w.length + 1) : g.name;
}

function plain(m: Mention): Mention {
  return { start: m.start, end: m.end, first: m.first, last: m.last, sent: m.sent };
}

/** Datelines shout ("TEHRAN"); a place's name should not. */
function tidy(text: string): string {
  const t = text.replace(/^the\s+/i, '');
  if (t.length > 3 && t === t.toUpperCase()) return t.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a, b) => a + b.toUpperCase());
  return t;
}
