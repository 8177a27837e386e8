// Places: which toponyms (GPE/LOC/FAC entity mentions and the dateline) are used as locations, and
// where they are. Each mention gets `use` (src/gazetteer/toponym-use.ts); each distinct place with a
// locative mention becomes a PlaceAnn, resolved against the offline gazetteer (src/gazetteer/resolve.ts).
//
// Directional phrases ("southern Syria", "the southern part of Syria", "Syria's south") become their
// own place: a curated region when data/gazetteer/regions.tsv has one, otherwise the compass part of
// the named country or division computed from its towns (precision 'region'); for a town, the town.
import { join } from 'node:path';
import type { Doc, EntityAnn, EntityMention, Mention, PlaceAnn, PlacePrecision, Stage } from '../doc.js';
import { match, compassPoint, countryByAlpha2, countryByAlpha3, countryByDemonym, countryEntry, key, type GazEntry, type Match } from '../gazetteer/index.js';
import { DATA_DIR, readTsv } from '../gazetteer/build.js';
import { toponymUse, regionFrame, cues, type RegionFrame } from '../gazetteer/toponym-use.js';
import { resolve, type Group, type Context } from '../gazetteer/resolve.js';

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

interface TGroup extends Group {
  items: Item[];
  name: string;
  entity: EntityAnn | null;
  region: RegionFrame | null;
  /** the mention is the entity's own name, not a directional part of it */
  ownName: boolean;
}

let qualifiers: Map<string, { country: string; admin1: string }> | null = null;
let adminTerms: Set<string> | null = null;
function lexicon() {
  if (!qualifiers) {
    qualifiers = new Map(readTsv(join(DATA_DIR, 'qualifiers.tsv')).map((r) => [r.abbreviation, { country: r.country, admin1: r.admin1 }]));
    adminTerms = new Set(readTsv(join(DATA_DIR, 'admin-terms.tsv')).map((r) => r.term.toLowerCase()));
  }
  return { qualifiers, adminTerms: adminTerms! };
}

export function runPlaces(doc: Doc, opts: PlacesOptions = {}): void {
  const items = collect(doc);
  if (items.length === 0) {
    doc.places = [];
    return;
  }
  const byStart = new Map<number, Mention>();
  const byEnd = new Map<number, Mention>();
  for (const it of items) {
    byStart.set(it.mention.first, it.mention);
    byEnd.set(it.mention.last - 1, it.mention);
  }
  const useCtx = { dateline: false, toponymStartingAt: (t: number) => byStart.get(t), toponymEndingAt: (t: number) => byEnd.get(t) };
  for (const it of items) {
    useCtx.dateline = it.dateline;
    it.mention.use = toponymUse(doc, it.mention, useCtx).use;
    if (it.mention.use === 'location') it.region = regionFrame(doc, it.mention);
  }

  // group mentions that name the same thing the same way
  const groups = new Map<string, TGroup>();
  for (const it of items) {
    const text = doc.text.slice(it.mention.start, it.mention.end);
    const k = `${it.entity?.id ?? ''}|${it.region ? it.region.compass + ' ' : ''}${key(text)}`;
    let g = groups.get(k);
    if (!g) {
      g = newGroup(doc, it, text);
      groups.set(k, g);
    }
    g.items.push(it);
    g.weight++;
    g.dateline ||= it.dateline;
  }
  const list = [...groups.values()];
  resolve(list, context(doc, list, byStart));

  // places, one per distinct resolved place with a locative mention
  const places = new Map<string, PlaceAnn & { order: number }>();
  const entityPlace = new Map<EntityAnn, { place: PlaceAnn; own: boolean }>();
  for (const g of list) {
    const e = g.chosen;
    if (e && g.entity && !g.entity.country && e.country) {
      g.entity.country = countryByAlpha2(e.country)?.alpha3 ?? null;
    }
    const loc = g.items.filter((it) => it.mention.use === 'location');
    if (!e || (loc.length === 0 && !opts.allUses)) continue;
    const spot = where(e, g.region);
    const id = `${e.geonameid ?? `${e.feature}:${e.name}:${e.country}`}|${spot.compass}`;
    const ms = (opts.allUses ? g.items : loc).map((it) => (it.region ? doc.mention(it.region.first, it.region.last) : plain(it.mention)));
    let p = places.get(id);
    if (!p) {
      p = {
        id: '',
        name: g.name,
        country: e.country,
        admin1: e.feature === 'PCLI' ? null : e.admin1,
        lat: spot.lat,
        lon: spot.lon,
        precision: spot.precision,
        geonameid: spot.compass ? null : e.geonameid,
        mentions: [],
        entity: g.entity?.id ?? null,
        order: Infinity,
      };
      places.set(id, p);
    }
    p.mentions.push(...ms);
    p.order = Math.min(p.order, ...ms.map((m) => m.start));
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
  run(doc: Doc) {
    runPlaces(doc);
  },
};

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
  return items.sort((a, b) => a.mention.start - b.mention.start);
}

function newGroup(doc: Doc, it: Item, text: string): TGroup {
  const { adminTerms } = lexicon();
  let matches: Match[] = [];
  let region = it.region;
  let base = text;
  let name = it.entity && key(it.entity.name) === key(text) ? it.entity.name : tidy(text);
  // the entity may carry the direction itself ("Northern Yemen") when the whole is no known name
  const lead = /^(\S+)\s+(.+)$/.exec(text);
  const dirs = cues().directions;
  if (!region && lead && dirs.has(lead[1].toLowerCase()) && match(text).length === 0) {
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
  if (matches.length === 0) matches = lookup(doc, it, base);
  const next = doc.tokens[it.mention.last];
  const adminCue = (!!next && next.sent === it.mention.sent && adminTerms.has(next.lower)) || /\b(province|governorate|oblast|region)$/i.test(text);
  const ownName = !it.region && !!it.entity && key(it.entity.name) === key(text);
  return { matches, weight: 0, adminCue, dateline: false, chosen: null, items: [], name, entity: it.entity, region, ownName };
}

/** The candidates of a toponym: its text, then without modifiers ("occupied"), then the entity's name, then a place named inside it ("Damascus International Airport"). */
function lookup(doc: Doc, it: Item, text: string): Match[] {
  // "W.Va.", "Kan.": an abbreviation with its dots is the state before any town spelled alike
  const q = lexicon().qualifiers.get(text);
  let ms: Match[];
  if (q && text.includes('.') && (ms = stateMatches(q)).length) return ms;
  ms = match(text);
  if (ms.length) return ms;
  const skippable = cues().skippable;
  const words = text.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && skippable.has(words[i].toLowerCase())) i++;
  if (i > 0 && (ms = match(words.slice(i).join(' '))).length) return ms;
  if (it.entity && (ms = match(it.entity.name)).length) return ms;
  // "NY", "LA": a postal code on its own, when nothing else is called so
  if (q && (ms = stateMatches(q)).length) return ms;
  // a demonym tagged as a place ("Russian" in "the Russian border") stands for its country
  const c = countryByDemonym(text);
  if (c) return [{ entry: countryEntry(c.alpha2)!, alternate: true }];
  if (it.entity?.type !== 'FAC') return [];
  // a facility named after its place ("Damascus International Airport"): the longest capitalised
  // run inside it that is a place name
  const { first, last } = it.mention;
  for (let len = last - first - 1; len >= 1; len--) {
    for (let a = first; a + len <= last; a++) {
      const toks = doc.tokens.slice(a, a + len);
      if (!/^[A-Z]/.test(toks[0].text) || toks[len - 1].pos === 'PUNCT') continue;
      ms = match(doc.text.slice(toks[0].start, toks[len - 1].end)).filter((m) => !m.alternate);
      if (ms.length) return ms;
    }
  }
  return [];
}

function stateMatches(q: { country: string; admin1: string }): Match[] {
  return match(q.admin1).filter((m) => m.entry.feature === 'ADM1' && m.entry.country === q.country);
}

/** Evidence the article gives about countries, and "Town, State" pairs. */
function context(doc: Doc, groups: TGroup[], byStart: Map<number, Mention>): Context {
  const countries = new Map<string, number>();
  for (const e of doc.entities) {
    if (TOPONYM_TYPES.has(e.type) || !e.country) continue;
    const a2 = countryByAlpha3(e.country)?.alpha2;
    if (a2) countries.set(a2, (countries.get(a2) ?? 0) + 0.5 * e.mentions.length);
  }
  const groupOf = new Map<Mention, TGroup>();
  for (const g of groups) for (const it of g.items) groupOf.set(it.mention, g);
  const { qualifiers } = lexicon();
  const qualified: Context['qualified'] = [];
  const T = doc.tokens;
  for (const g of groups) {
    for (const it of g.items) {
      const c = it.mention.last;
      if (T[c]?.text !== ',' || T[c].sent !== it.mention.sent) continue;
      const nextM = byStart.get(c + 1);
      if (nextM && groupOf.get(nextM) && groupOf.get(nextM) !== g) {
        qualified.push({ town: g, by: groupOf.get(nextM)!, country: null, admin1: null });
        break;
      }
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
  return { countries, qualified };
}

function where(e: GazEntry, region: RegionFrame | null): { lat: number; lon: number; precision: PlacePrecision; compass: string } {
  if (region) {
    const pt = compassPoint(e, region.compass);
    if (pt) return { ...pt, precision: 'region', compass: region.compass };
  }
  return { lat: e.lat, lon: e.lon, precision: e.precision, compass: '' };
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
