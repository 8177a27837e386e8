// Actor phrases → Actors. "the Syrian air defenses" is Syria's military, "Tehran" (as a speaker)
// Iran's government, "the Tel Aviv regime" Israel's government, "Hezbollah" an armed group.
//
// Knowledge lives in data/actors/ (aliases, armed groups, organisations, head nouns); countries come
// from the world-countries package at load time. A phrase is read in two parts: the head noun at
// its end says what kind of actor it is ("air defenses" → military), a name before it says whose
// ("Syrian" → SYR). Everything is looked up in Maps keyed by lower-cased words, built once.
import type { Actor } from '../../contract.js';
import type { Doc, EntityAnn } from '../../doc.js';
import { data, type Content } from '../../data/index.js';
import { worldCountries } from '../../data/countries.js';
import { memo } from '../../memo.js';

type Kind = Actor['kind'];

export interface ResolveContext {
  /** alpha-3 codes of the countries mentioned so far, in order of mention (last = most recent) */
  recentCountries?: string[];
  /** alpha-3 code of the country the report is about (its dateline's, else the one its places name most) */
  homeCountry?: string | null;
}

/** What a known name stands for. */
interface Entry {
  /** canonical name, or null to derive one from country and kind */
  name: string | null;
  country: string | null;
  kind: Kind;
  source: 'country' | 'demonym' | 'capital' | 'alias' | 'group' | 'organization' | 'person';
  /** for "the Arab nation": the countries it can stand for (null = any) */
  context?: { among: Set<string> | null };
}

interface Phrase {
  toks: string[];
  entry: Entry;
  /** "the country", "the junta": refers back only with the definite article right before it */
  definite: boolean;
}

interface Head {
  toks: string[];
  kind: Kind;
}

interface Tables {
  /** multi- and single-word names, by first word; longest first */
  names: Map<string, Phrase[]>;
  /** short capitalised names that only match in capitals ("IS", "U.S.") */
  acronyms: Map<string, Entry>;
  /** head nouns, by last word; longest first */
  heads: Map<string, Head[]>;
  modifiable: Set<string>;
  modifiers: Map<string, Kind>;
  governing: Set<string>;
  /** lower-case words inside personal names ("al", "bin", "de") */
  particles: Set<string>;
  /** titles held abroad or in international bodies: of no country the report implies ("Secretary-General", "envoy") */
  abroad: Set<string>;
  /** words after which a complement follows, not the head ("rebels in Darfur") */
  prepositions: Set<string>;
  /** prefixes that make a name a stance, not an owner ("anti-Syria journalist", "pro-Russian separatists") */
  stance: Set<string>;
  stanceAfter: Set<string>;
  /** stance words after a country only when hyphenated to it ("Iran-armed", not "Turkish armed drones") */
  stanceJoined: Set<string>;
  /** after a people's name, hyphenated: its civilians' property ("Palestinian-owned land") */
  owned: Set<string>;
  /** alpha-3 → common English name */
  countryName: Map<string, string>;
  /** data problems found while loading (duplicate names with different meanings) */
  problems: string[];
}

// --- text folding ----------------------------------------------------------------------------------

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their']);

/** Lower-case, strip diacritics and apostrophes. Remembered: every actor phrase folds its words. */
const fold = memo(foldWord, 50_000);

function foldWord(w: string): string {
  return w
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['.]/g, '');
}

/** Whether a name is a short capitalised token that must match case-sensitively. */
function isAcronym(name: string): boolean {
  if (/\s/.test(name) || name.length > 7) return false;
  return (name.match(/[A-Z]/g)?.length ?? 0) >= 2 && /^[A-Za-z0-9.&'-]+$/.test(name);
}

interface Tok {
  /** as written, possessive removed */
  orig: string;
  low: string;
  /** offsets in the phrase */
  start: number;
  end: number;
  /** joined to the word before by a hyphen ("Iran-armed") */
  joined?: boolean;
}

/** Words of a phrase: possessives dropped, hyphenated words split unless they are a known acronym. */
function tokenize(phrase: string, acronyms?: Map<string, Entry>): Tok[] {
  const out: Tok[] = [];
  const text = phrase.replace(/[’‘`´]/g, "'");
  for (const m of text.matchAll(/[^\s,;:()[\]"“”/]+/g)) {
    let w = m[0].replace(/'s$|'$/i, '');
    if (!/^([A-Za-z]\.)+$/.test(w)) w = w.replace(/[.!?]+$/, '');
    if (!w) continue;
    if (acronyms?.has(w)) {
      out.push({ orig: w, low: fold(w), start: m.index, end: m.index + w.length });
      continue;
    }
    for (const part of w.matchAll(/[^-‐‑–—]+/g)) {
      const low = fold(part[0]);
      const start = m.index + part.index;
      if (low) out.push({ orig: part[0], low, start, end: start + part[0].length, joined: part.index > 0 });
    }
  }
  return out;
}

function keyOf(name: string): string[] {
  const toks = tokenize(name).map((t) => t.low);
  while (toks.length > 1 && DETERMINERS.has(toks[0])) toks.shift();
  return toks;
}

// --- loading -----------------------------------------------------------------------------------------

let tables: Tables | null = null;

function load(): Tables {
  if (tables) return tables;
  const t: Tables = {
    names: new Map(),
    acronyms: new Map(),
    heads: new Map(),
    modifiable: new Set(),
    modifiers: new Map(),
    governing: new Set(),
    particles: new Set(),
    abroad: new Set(),
    stance: new Set(),
    stanceAfter: new Set(),
    stanceJoined: new Set(),
    owned: new Set(),
    prepositions: new Set(),
    countryName: new Map(),
    problems: [],
  };
  const sameMeaning = (a: Entry, b: Entry) => a.country === b.country && a.kind === b.kind && a.name === b.name;

  // `generated` entries (from world-countries) give way to curated ones and, among themselves, to
  // the independent, larger state ("American" is the USA, not the Northern Mariana Islands).
  const rank = new Map<Entry, number>();
  const add = (name: string, e: Entry, generated = false) => {
    const bare = name.replace(/^the\s+/i, '');
    if (isAcronym(bare)) {
      const old = t.acronyms.get(bare);
      if (old && !better(e, old, generated)) return;
      t.acronyms.set(bare, e);
      return;
    }
    const toks = keyOf(name);
    if (!toks.length) return;
    const definite = !!e.context && bare !== name;
    const list = t.names.get(toks[0]) ?? [];
    const at = list.findIndex((p) => p.toks.join(' ') === toks.join(' '));
    if (at >= 0) {
      if (list[at].entry === e) list[at].definite &&= definite;
      else if (better(e, list[at].entry, generated)) list[at] = { toks, entry: e, definite };
    } else list.push({ toks, entry: e, definite });
    t.names.set(toks[0], list);
  };
  const better = (e: Entry, old: Entry, generated: boolean): boolean => {
    if (sameMeaning(e, old)) return false;
    if (generated) return rank.has(old) && rank.get(e)! > rank.get(old)!;
    if (!rank.has(old)) t.problems.push(`"${old.name ?? old.country}" and "${e.name ?? e.country}" share a name`);
    return true;
  };

  const al = data('actors/aliases.yaml');
  const ignore = new Set(al.ignore.map((n) => keyOf(n).join(' ')));
  const generate = (name: string, e: Entry) => {
    if (name.length > 2 && !ignore.has(keyOf(name).join(' '))) add(name, e, true);
  };
  const countries = worldCountries();
  for (const c of countries) {
    t.countryName.set(c.cca3, c.name.common);
    const score = (c.independent ? 1e12 : 0) + (c.area > 0 ? c.area : 0);
    const mk = (kind: Kind, source: Entry['source'], name: string | null): Entry => {
      const e: Entry = { name, country: c.cca3, kind, source };
      rank.set(e, score);
      return e;
    };
    const state = mk('state', 'country', c.name.common);
    // Two-letter codes ("IL", "IR") are left out: in text they are words or initials far more often.
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) generate(n, state);
    const dem = c.demonyms?.eng;
    if (dem) {
      const demonym = mk('state', 'demonym', c.name.common);
      const people = mk('civilians', 'demonym', null);
      for (const d of new Set([dem.m, dem.f])) {
        if (!d) continue;
        generate(d, demonym);
        // "Palestinians", "Israelis": the people, not the state. "Swiss", "Chinese" have no plural.
        if (!/(s|sh|ch|se)$/i.test(d)) generate(`${d}s`, people);
      }
    }
    // Capitals of dependencies ("Douglas", "Hamilton") are personal names more often than metonyms.
    const gov = mk('government', 'capital', null);
    if (c.independent !== false) for (const cap of c.capital ?? []) generate(cap, gov);
  }

  for (const a of al.aliases) {
    let context: Entry['context'];
    if (a.resolve === 'context') {
      const among = a.among === undefined ? null : typeof a.among === 'string' ? al.groups[a.among] : a.among;
      if (among === undefined) throw new Error(`data/actors/aliases.yaml: unknown group "${a.among}"`);
      context = { among: among && new Set(among) };
    } else if (!a.country) throw new Error(`data/actors/aliases.yaml: "${a.names[0]}" needs a country or resolve: context`);
    const e: Entry = { name: a.name ?? null, country: a.country ?? null, kind: a.kind, source: 'alias', context };
    for (const n of a.names) add(n, e);
  }
  for (const [name, country] of Object.entries(al.people)) add(name, { name, country, kind: 'person', source: 'person' });

  for (const g of data('actors/armed-groups.yaml').groups) {
    const e: Entry = { name: g.name, country: g.home, kind: 'armed_group', source: 'group' };
    for (const n of [g.name, ...g.aliases]) add(n, e);
  }
  for (const o of data('actors/organizations.yaml').organizations) {
    const e: Entry = { name: o.name, country: o.country, kind: o.kind, source: 'organization' };
    for (const n of [o.name, ...o.aliases]) add(n, e);
  }
  for (const list of t.names.values()) list.sort((a, b) => b.toks.length - a.toks.length);

  const nouns = data('actors/nouns.yaml');
  for (const [kind, words] of Object.entries(nouns.nouns) as [Kind, string[]][]) {
    for (const w of words) {
      const toks = keyOf(w);
      const last = toks[toks.length - 1];
      const list = t.heads.get(last) ?? [];
      list.push({ toks, kind });
      t.heads.set(last, list);
    }
  }
  for (const w of nouns.modifiable.nouns) {
    t.modifiable.add(fold(w));
    const list = t.heads.get(fold(w)) ?? [];
    list.push({ toks: [fold(w)], kind: nouns.modifiable.default });
    t.heads.set(fold(w), list);
  }
  for (const list of t.heads.values()) list.sort((a, b) => b.toks.length - a.toks.length);
  t.modifiers.set('', nouns.modifiable.default);
  for (const [w, k] of Object.entries(nouns.modifiable.modifiers)) t.modifiers.set(fold(w), k);
  for (const w of nouns.governing) t.governing.add(fold(w));
  for (const w of nouns.particles) t.particles.add(fold(w));
  for (const w of nouns.abroad) t.abroad.add(keyOf(w).join(' '));
  for (const w of nouns.stance) t.stance.add(fold(w));
  for (const w of nouns.stance_after) t.stanceAfter.add(fold(w));
  for (const w of nouns.stance_after_joined) t.stanceJoined.add(fold(w));
  for (const w of nouns.owned) t.owned.add(fold(w));
  for (const w of nouns.prepositions) t.prepositions.add(fold(w));
  tables = t;
  return t;
}

/** Duplicate names in the curated data files (should be empty). */
export function actorDataProblems(): string[] {
  return [...load().problems];
}

// --- resolution --------------------------------------------------------------------------------------

interface Match {
  start: number;
  end: number;
  entry: Entry;
}

/** Known names in the phrase, left to right, longest first, not overlapping. */
function scan(toks: Tok[], t: Tables): Match[] {
  const out: Match[] = [];
  let i = 0;
  while (i < toks.length) {
    let best: Match | null = null;
    for (const p of t.names.get(toks[i].low) ?? []) {
      const n = p.toks.length;
      if (i + n > toks.length) continue;
      let ok = !p.definite || toks[i - 1]?.low === 'the';
      for (let k = 1; k < n && ok; k++) ok = toks[i + k].low === p.toks[k];
      if (ok) {
        best = { start: i, end: i + n, entry: p.entry };
        break;
      }
    }
    const acr = t.acronyms.get(toks[i].orig);
    if (acr && (!best || best.end - best.start === 1)) best = { start: i, end: i + 1, entry: acr };
    if (best) {
      out.push(best);
      i = best.end;
    } else i++;
  }
  return out;
}

/** The word and its possible singulars ("defenses" → "defense", "militias" → "militia", "bodies" → "body"). */
function forms(w: string): string[] {
  if (!w.endsWith('s') || w.endsWith('ss')) return [w];
  const out = [w, w.slice(0, -1)];
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  return out;
}

/** The head noun ending at token `end`, longest compound first. */
function headEndingAt(toks: Tok[], end: number, t: Tables): { start: number; end: number; kind: Kind; last: string } | null {
  for (const last of forms(toks[end].low)) {
    for (const h of t.heads.get(last) ?? []) {
      const n = h.toks.length;
      const start = end - n + 1;
      if (start < 0) continue;
      let ok = true;
      for (let k = 0; k < n - 1 && ok; k++) ok = toks[start + k].low === h.toks[k];
      if (ok) return { start, end: end + 1, kind: h.kind, last };
    }
  }
  return null;
}

function countryOf(e: Entry, ctx?: ResolveContext): string | null {
  if (!e.context) return e.country;
  const recent = ctx?.recentCountries ?? [];
  for (let i = recent.length - 1; i >= 0; i--) if (!e.context.among || e.context.among.has(recent[i])) return recent[i];
  return null;
}

function nameFor(kind: Kind, country: string | null, t: Tables): string | null {
  const c = country && t.countryName.get(country);
  if (!c) return null;
  if (kind === 'state') return c;
  // "Government of the United States", "… of the Philippines"
  const the = /^(United|Central African|Czech|Dominican|DR |Republic of)|(Islands|Netherlands|Philippines|Gambia|Bahamas|Comoros|Maldives)$/.test(c) ? 'the ' : '';
  if (kind === 'government') return `Government of ${the}${c}`;
  if (kind === 'military') return roleTables().names.military.replace('{country}', `${the}${c}`);
  return null;
}

function actorOf(e: Entry, display: string, ctx: ResolveContext | undefined, t: Tables): Actor {
  const country = countryOf(e, ctx);
  const name = e.name ?? nameFor(e.kind, country, t) ?? display;
  return { name, country, kind: e.kind, entity: null };
}

/**
 * A copy of an actor, some fields changed: built by one literal in the order every actor is made
 * (name, country, kind, entity), so that actors keep one shape (a spread copy has a shape of its
 * own, and the events stage was recompiled for each one it met).
 */
export function copyActor(a: Actor, name = a.name, country = a.country, kind = a.kind, entity = a.entity): Actor {
  return { name, country, kind, entity };
}

/**
 * The actor a noun phrase names, or null when it names none ("Israeli airstrikes", "the capital").
 * Epithets and metonyms resolve to what they stand for; context-dependent phrases ("the Arab
 * nation", "the junta") take the most recently mentioned fitting country from ctx.recentCountries.
 */
export function resolveActor(phrase: string, ctx?: ResolveContext): Actor | null {
  const known = contextFree.get(phrase);
  if (known !== undefined) return known && copyActor(known);
  // Most phrases read the same whatever came before ("Russian forces"): those are remembered
  // across documents. A phrase that looks at the countries mentioned before it is not.
  const watched = new Watched(ctx);
  const actor = readPhrase(phrase, watched);
  if (!watched.asked && phrase.length <= 200) {
    if (contextFree.size >= 20_000) contextFree.clear();
    contextFree.set(phrase, actor && copyActor(actor));
  }
  return actor;
}

const contextFree = new Map<string, Actor | null>();

/** A context that notes whether it was read (a class: an object literal's getter is made anew each time). */
class Watched implements ResolveContext {
  asked = false;
  constructor(private readonly ctx: ResolveContext | undefined) {}
  get recentCountries(): string[] | undefined {
    this.asked = true;
    return this.ctx?.recentCountries;
  }
  get homeCountry(): string | null | undefined {
    this.asked = true;
    return this.ctx?.homeCountry;
  }
}

/**
 * A context with the countries a phrase names itself put last, read only when asked for: most
 * phrases that name a country ("Syrian forces") never look at the countries named before them,
 * and reading those at once marked every such phrase as depending on its context (resolveActor
 * then remembered none of them). It gives no homeCountry, as the object spread it replaces did
 * (a spread copies no getter of a class instance).
 */
class WithOwn implements ResolveContext {
  private all: string[] | undefined;
  constructor(
    private readonly outer: ResolveContext,
    private readonly own: string[],
  ) {}
  get recentCountries(): string[] {
    return (this.all ??= [...(this.outer.recentCountries ?? []), ...this.own]);
  }
}

function readPhrase(phrase: string, ctx: ResolveContext): Actor | null {
  const t = load();
  // Determiners are kept: "the" is what makes "the country" refer back to a country named before.
  const toks = tokenize(phrase, t.acronyms);
  let first = 0;
  while (first < toks.length - 1 && DETERMINERS.has(toks[first].low)) first++;
  if (first >= toks.length) return null;
  const display = displayOf(phrase);
  const matches = scan(toks, t);
  const n = toks.length;
  // A country named inside the phrase is the nearest context of all: "the Russian occupiers".
  // (arrays built by loops in this function, not by map/filter/find: an empty array's map differs
  // from a full one's, and each new one had V8 recompile readPhrase)
  const own: string[] = [];
  for (const m of matches) if (m.entry.source === 'country' || m.entry.source === 'demonym') own.push(m.entry.country!);
  if (own.length) ctx = new WithOwn(ctx, own);

  // "a Palestinian-owned farm": property of that people's civilians.
  const owner = matches.find((m) => (m.entry.source === 'demonym' || m.entry.source === 'country') && !!toks[m.end]?.joined && t.owned.has(toks[m.end].low));
  if (owner) return { name: display, country: owner.entry.country, kind: 'civilians', entity: null };

  // A known name that is the whole phrase.
  if (matches.length === 1 && matches[0].start === first && matches[0].end === n) {
    // "a Palestinian", "an Iraqi": one person of that people, not the state.
    const one = matches[0].entry.source === 'demonym' && first > 0 && (toks[first - 1].low === 'a' || toks[first - 1].low === 'an');
    if (one) return { name: display, country: matches[0].entry.country, kind: 'civilians', entity: null };
    return actorOf(matches[0].entry, display, ctx, t);
  }
  // "a pro-Houthi incursion", "pro-Houthi shelling": a group's name behind a stance that takes its
  // side is the group, as "pro-Houthi forces" are (a country behind one is no side: "pro-Russian").
  const sided = matches.length === 1 ? matches[0] : null;
  if (sided && sided.end === n && sided.start === first + 1 && (sided.entry.source === 'group' || sided.entry.source === 'organization')) {
    const w = toks[first].low;
    if (t.stance.has(w) && !roleTables().opposing.has(w)) return actorOf(sided.entry, display, ctx, t);
  }

  // The head: before a preposition ("Ministry of Foreign Affairs", "rebels in Darfur"), else at the end.
  const of = toks.findIndex((w, k) => k > first && t.prepositions.has(w.low));
  const coveredAt = (i: number) => matches.find((m) => m.start <= i && i < m.end);
  // (A participle may stand between: "prisoners held in Israel".)
  let head: ReturnType<typeof headEndingAt> = null;
  for (let i = of - 1; of > 0 && i >= first && i >= of - 2 && !head; i--) if (!coveredAt(i)) head = headEndingAt(toks, i, t);
  if (!head && !coveredAt(n - 1)) head = headEndingAt(toks, n - 1, t);
  // A title before a name outranks a head before "of": "U.S. Secretary of State Warren Christopher".
  if (head && head.end < n) {
    const person = titled(toks, matches, phrase, ctx, t);
    if (person) return person;
  }

  if (!head) {
    // The phrase ends in a name after a title or another name: "Iran's IRGC", "President Bashar
    // al-Assad" (but not "Latin America": an unknown word before the name makes it another name).
    const last = coveredAt(n - 1);
    if (last && last.entry.source !== 'country' && last.entry.source !== 'demonym' && last.entry.source !== 'capital') {
      let ok = true;
      for (let i = first; i < last.start && ok; i++) ok = !!coveredAt(i) || !!headEndingAt(toks, i, t);
      if (ok) return actorOf(last.entry, display, ctx, t);
    }
    // "Hezbollah sites", "Syrian army positions": what a side holds stands for the side (a
    // country's positions are its forces').
    // ("Iran's nuclear facilities": the owner before lower-case words that say what kind of holding)
    for (let k = n - 1; n - 1 > first && k > first && roleTables().holdings.has(toks[n - 1].low); k--) {
      if (k < n - 1 && /^\p{Lu}/u.test(toks[k].orig)) break;
      const a = resolveActor(phrase.slice(0, toks[k - 1].end), ctx);
      if (a && a.kind === 'state') return copyActor(a, nameFor('military', a.country, t) ?? a.name, a.country, 'military');
      if (a && a.kind !== 'civilians' && a.kind !== 'person') return a;
      if (a) break;
    }
    const person = titled(toks, matches, phrase, ctx, t);
    if (person) return person;
    // "Mai-Mai Yakutumba", "NSCN Khaplang": a group's name, then its faction's or leader's name.
    const lead = matches[0];
    if (lead?.start === first && lead.entry.source === 'group' && toks.slice(lead.end).every((w, k) => /^\p{Lu}/u.test(w.orig) && !coveredAt(lead.end + k)))
      return actorOf(lead.entry, display, ctx, t);
    return null;
  }

  const mods = matches.filter((m) => m.end <= head!.start || m.start >= head!.end);
  // "anti-Houthi forces" fight the Houthis; "pro-Houthi forces" are theirs, as news writes of them.
  const named = mods.find((m) => (m.entry.source === 'group' || m.entry.source === 'organization') && !roleTables().opposing.has(toks[m.start - 1]?.low));
  const owners = mods.filter((m) => owns(m, toks, t));
  // (every owner is asked, not only up to the first with a country: asking may read the context,
  // which decides whether the phrase's reading is remembered)
  let country: string | null = null;
  for (const m of owners) {
    const c = countryOf(m.entry, ctx);
    if (!country && c) country = c;
  }

  if (named?.entry.kind === 'armed_group') {
    // "the Houthi-run health ministry" is a government; "Hezbollah fighters" are the group.
    if (head.kind === 'government' && t.governing.has(head.last))
      return { name: display, country: named.entry.country, kind: 'government', entity: null };
    if (head.kind !== 'civilians') return actorOf(named.entry, display, ctx, t);
  }
  if (named?.entry.kind === 'organization' && head.kind !== 'civilians') return actorOf(named.entry, display, ctx, t);

  let kind = head.kind;
  if (t.modifiable.has(head.last) || t.modifiable.has(toks[head.end - 1].low)) {
    let fromWord: ReturnType<typeof t.modifiers.get>;
    for (let i = 0; i < Math.min(head.start, toks.length); i++) {
      const k = t.modifiers.get(toks[i].low);
      if (k) {
        fromWord = k;
        break;
      }
    }
    const institution = mods.find((m) => m.entry.kind === 'military' || m.entry.kind === 'government');
    kind = fromWord ?? institution?.entry.kind ?? t.modifiers.get('')!;
  }
  return { name: display, country, kind, entity: null };
}

/** Whether a name before the head says whose the actor is, rather than whom it is for or against. */
function owns(m: Match, toks: Tok[], t: Tables): boolean {
  const after = toks[m.end];
  const stanceAfter = !!after && t.stanceAfter.has(after.low) && (!!after.joined || !t.stanceJoined.has(after.low));
  return !t.stance.has(toks[m.start - 1]?.low) && !stanceAfter;
}

/**
 * A title followed by a personal name: "Serbian President Vojislav Kostunica", "Planning Minister
 * Tran Xuan Gia" → a person, of the country named before the title.
 */
function titled(toks: Tok[], matches: Match[], phrase: string, ctx: ResolveContext | undefined, t: Tables): Actor | null {
  const n = toks.length;
  const named = (i: number) => matches.find((m) => m.start <= i && i < m.end);
  let nameStart = n;
  // The name: capitalised words (and particles such as "al", "bin") back from the end; a known
  // person's name may be part of it, a country or group may not.
  while (nameStart > 0) {
    const w = toks[nameStart - 1];
    const c = w.orig.charCodeAt(0);
    const capital = c >= 65 && c <= 90 ? true : c > 127 && w.orig[0] !== w.orig[0].toLowerCase();
    if (!capital && !t.particles.has(w.low)) break;
    const m = named(nameStart - 1);
    if (m && m.entry.source !== 'person') break;
    nameStart--;
  }
  // "Syrian Air Defense Forces" ends in a noun, not a name.
  if (headEndingAt(toks, n - 1, t)) return null;
  // The title ends right before the name, possibly itself capitalised ("President"): the rightmost
  // title wins ("Lt. Gen. Prosper Avril").
  for (let end = n - 2; end >= Math.max(nameStart - 1, 0); end--) {
    const title = headEndingAt(toks, end, t);
    if (!title || title.kind === 'state' || title.kind === 'organization' || t.particles.has(toks[end + 1].low)) continue;
    const before = matches.filter((m) => m.end <= title.start && owns(m, toks, t));
    const within = matches.filter((m) => m.start > end && m.entry.source === 'person');
    const country = [...before, ...within].map((m) => countryOf(m.entry, ctx)).find((c) => c) ?? homeOffice(toks, title, matches, ctx, t);
    return { name: phrase.slice(toks[end + 1].start, toks[n - 1].end), country, kind: 'person', entity: null };
  }
  return null;
}

/**
 * The country of a state office whose country goes unsaid: "Communication Minister Issa Ouedraogo",
 * "Government spokesman X" in a report about one country hold that country's offices, as a reader
 * takes them to. Not when anything is named before the title ("UN", "Houthi": theirs, or not a
 * state's), nor for offices held abroad or in international bodies (data/actors/nouns.yaml `abroad`).
 */
function homeOffice(toks: Tok[], title: { start: number; end: number; kind: Kind }, matches: Match[], ctx: ResolveContext | undefined, t: Tables): string | null {
  if (title.kind !== 'government' && title.kind !== 'military') return null;
  if (matches.some((m) => m.start < title.start)) return null;
  const words = toks.slice(title.start, title.end).map((w) => w.low);
  for (let k = 0; k < words.length; k++) if (t.abroad.has(words.slice(k).join(' '))) return null;
  return ctx?.homeCountry ?? null;
}

/** The phrase as written, without a leading article or surrounding punctuation. */
function displayOf(phrase: string): string {
  return phrase
    .trim()
    .replace(/^(the|a|an)\s+/i, '')
    // a count is no part of the name: "8 Saudi-led coalition (airstrikes)", "4 citizens"
    .replace(/^\d[\d,.]*\s+(?=\D)/, '')
    .replace(/[\s.,;:]+$/, '');
}

// Facts read from all of an entity's mentions, once per entity: an entity named in every row of a
// long table is asked for by every event, and scanning its mentions each time made the stage
// quadratic in the text's length.
const metonymic = new WeakMap<EntityAnn, boolean>();
const norpPhrase = new WeakMap<EntityAnn, Actor | null>();

/** A NORP entity's first mention that opens a longer actor phrase ("Houthi rebels"), as that actor. */
function actorPhraseOf(e: EntityAnn, doc: Doc): Actor | null {
  let found = norpPhrase.get(e);
  if (found !== undefined) return found;
  found = null;
  for (const m of e.mentions) {
    let last = m.last;
    while (last < doc.tokens.length && last - m.last < 4 && /^(NOUN|PROPN|ADJ)$/.test(doc.tokens[last].pos)) last++;
    if (last === m.last) continue;
    const a = resolveActor(doc.text.slice(m.start, doc.tokens[last - 1].end));
    if (a && a.kind !== 'state') {
      found = a;
      break;
    }
  }
  norpPhrase.set(e, found);
  return found;
}

/**
 * The actor an annotated entity stands for. GPE → the state (a country) or its government (a
 * capital, or any toponym used as a metonym); NORP → by the noun it modifies in the text when `doc`
 * is given ("Israeli warplanes" → Israel's military), else the state; ORG → a known group, agency or
 * organisation; PERSON → a person of the entity's country. Other types are not actors.
 */
export function actorForEntity(e: EntityAnn, doc?: Doc): Actor | null {
  const t = load();
  const withId = (a: Actor | null): Actor | null => (a ? copyActor(a, a.name, a.country, a.kind, e.id) : null);
  switch (e.type) {
    case 'PERSON': {
      const known = resolveActor(e.name);
      const country = e.country ?? (known?.kind === 'person' ? known.country : null);
      return withId({ name: e.name, country, kind: 'person', entity: null });
    }
    case 'GPE': {
      const r = resolveActor(e.name);
      const country = e.country ?? r?.country ?? null;
      if (!country) return null;
      let metonym = metonymic.get(e);
      if (metonym === undefined) metonymic.set(e, (metonym = e.mentions.some((m) => m.use === 'metonym')));
      const kind: Kind = r?.kind === 'government' || (r?.kind !== 'state' && metonym) ? 'government' : 'state';
      return withId({ name: nameFor(kind, country, t) ?? e.name, country, kind, entity: null });
    }
    case 'NORP': {
      const phrase = doc ? actorPhraseOf(e, doc) : null;
      if (phrase) return withId(phrase);
      const r = resolveActor(e.name);
      if (r) return withId(e.country && !r.country ? copyActor(r, r.name, e.country) : r);
      return e.country ? withId({ name: nameFor('state', e.country, t) ?? e.name, country: e.country, kind: 'state', entity: null }) : null;
    }
    case 'ORG': {
      const r = resolveActor(e.name);
      if (r && r.kind !== 'unknown') return withId(e.country && !r.country ? copyActor(r, r.name, e.country) : r);
      return withId({ name: e.name, country: e.country, kind: 'organization', entity: null });
    }
    default:
      return null;
  }
}

// --- roles: names for the sides a report does not name ------------------------------------------------

interface RoleTables {
  ofComplement: Set<string>;
  holdings: Set<string>;
  belonging: string[][];
  opposing: Set<string>;
  repelling: Set<string>;
  between: Set<string>;
  betweenJoins: Set<string>;
  firstSide: string[][];
  auxiliary: string[][];
  groupAnaphora: Set<string>;
  markers: Set<string>;
  unidentified: string[][];
  police: string[][];
  names: Content<'actors/roles.yaml'>['names'];
  demonstrators: Map<string, 'protesters' | 'rioters'>;
  repellerActs: Set<string>;
  unattributed: Set<string>;
  multinational: string[][];
  means: Set<string>;
  speakerPronouns: Set<string>;
  speakingSubjects: Set<string>;
  firstPerson: Set<string>;
}
let roles: RoleTables | null = null;

function roleTables(): RoleTables {
  if (roles) return roles;
  const r = data('actors/roles.yaml');
  const set = (xs: string[]) => new Set(xs.map(fold));
  const seqs = (xs: string[]) => xs.map((x) => keyOf(x));
  roles = {
    ofComplement: new Set([...r.of_complement, ...r.holdings].map(fold)),
    holdings: set(r.holdings),
    belonging: seqs(r.belonging),
    opposing: set(r.opposing),
    repelling: set(r.repelling),
    between: set(r.between),
    betweenJoins: set(r.between_joins),
    firstSide: seqs(r.first_side),
    auxiliary: seqs(r.auxiliary),
    groupAnaphora: set(r.group_anaphora),
    markers: set(r.unidentified.markers),
    unidentified: seqs(r.unidentified.nouns),
    police: seqs(r.police),
    names: r.names,
    demonstrators: new Map(Object.entries(r.demonstrators)),
    repellerActs: new Set(r.repeller_acts),
    unattributed: new Set(r.unattributed),
    multinational: seqs(r.multinational),
    means: set(r.means),
    speakerPronouns: set(r.speaker_pronouns),
    speakingSubjects: set(r.speaking_subjects),
    firstPerson: set(r.first_person),
  };
  return roles;
}

/** An armed side the report does not name: "militants", "unidentified gunmen", "gunmen" (roles.yaml `unidentified`). */
export function isUnnamedArmed(actor: Actor): boolean {
  if (actor.kind !== 'unknown' && actor.kind !== 'armed_group') return false;
  if (!commonName(actor.name) || isMultinational(actor.name)) return false;
  return unnamedWords(nameWords(actor.name), actor.kind);
}

/**
 * The words of an actor's name, kept: asked of every event's sides (nameSide), whose names recur.
 * Shared between callers: read them, never modify them.
 */
const nameWords = memo((name: string) => tokenize(name, load().acronyms), 20_000);

/** The words of a common name that make it a side nobody identified: "militants" alone, "unidentified gunmen", "gunmen". */
function unnamedWords(toks: Tok[], kind: Kind): boolean {
  const R = roleTables();
  return R.unidentified.some((seq) => endsWith(toks, seq)) || (kind === 'unknown' && toks.some((w) => R.markers.has(w.low)));
}

/**
 * Whether a phrase names forces of several states ("the coalition"): no one country's, wherever
 * they act. Kept: asked of every event's sides, whose names recur.
 */
export const isMultinational: (phrase: string) => boolean = memo((phrase: string) => {
  const toks = tokenize(phrase);
  // (or its forces, named after it: "coalition jets", "the coalition's air force")
  let first = 0;
  while (first < toks.length - 1 && DETERMINERS.has(toks[first].low)) first++;
  const opens = (seq: string[]) => seq.length < toks.length - first && seq.every((w, k) => forms(toks[first + k].low).includes(w));
  return roleTables().multinational.some((seq) => endsWith(toks, seq) || opens(seq));
}, 20_000);

let unidentifiedName: RegExp | null = null;
/** Whether a name is the one given to a side nobody identified ("Unidentified Armed Group (Syria)"). */
export function isUnidentified(name: string): boolean {
  unidentifiedName ??= new RegExp(`^${roleTables().names.unidentified.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{country}', '.+')}$`);
  return unidentifiedName.test(name);
}

/** Whether the initiator of events of this kind is the crowd itself (protests, riots). */
export function isCrowdKind(kind: string): boolean {
  return roleTables().demonstrators.has(kind);
}

/** Word lists the events stage reads arguments with (data/actors/roles.yaml). */
export function roleWords(): Pick<RoleTables, 'ofComplement' | 'belonging' | 'repelling' | 'between' | 'betweenJoins' | 'firstSide' | 'auxiliary' | 'groupAnaphora' | 'repellerActs' | 'means' | 'speakerPronouns' | 'speakingSubjects' | 'firstPerson' | 'holdings'> {
  return roleTables();
}

const endsWith = (toks: Tok[], seq: string[]) =>
  seq.length <= toks.length && seq.every((w, k) => forms(toks[toks.length - seq.length + k].low).includes(w));

/**
 * Whether a phrase is a common noun phrase, owned at most by a country: "Syrian government forces",
 * "the army", "unidentified gunmen", "a shepherd" — not "Hezbollah fighters", "National Resistance
 * forces" or "Yahya Sinwar", whose names are kept.
 */
function isCommon(phrase: string, t: Tables): boolean {
  const toks = tokenize(phrase, t.acronyms);
  if (!toks.length) return false;
  const matches = scan(toks, t);
  if (matches.some((m) => m.entry.source !== 'country' && m.entry.source !== 'demonym')) return false;
  const covered = (i: number) => matches.some((m) => m.start <= i && i < m.end);
  const R = roleTables();
  return toks.every((w, i) => {
    if (covered(i) || !/^\p{Lu}/u.test(w.orig)) return true;
    // the first word may be capitalised by the sentence: "Security forces", "Unknown gunmen"
    return i === 0 && (!!headEndingAt(toks, 0, t) || t.modifiers.has(w.low) || R.markers.has(w.low) || DETERMINERS.has(w.low));
  });
}

/** isCommon of the loaded tables, kept: asked of every event's sides, whose names recur. */
const commonName = memo((phrase: string) => isCommon(phrase, load()), 20_000);

/**
 * The actor under the name analysts give a side the report does not name, in the event's country
 * (alpha-3 `here`): "regime forces" in Syria are the Military Forces of Syria, "unidentified gunmen"
 * an Unidentified Armed Group (Syria), "a shepherd" the Civilians (Syria); whoever protests is
 * Protesters (<Country>), whoever riots Rioters. Named actors keep their names.
 * Returns the actor to use (possibly unchanged) and, for a demonstration whose initiator was read
 * as the state's forces ("a protest … was dispersed by police"), those forces as the target.
 */
export function nameSide(
  actor: Actor | null,
  role: 'initiator' | 'target',
  eventKind: string,
  here: string | null,
): { actor: Actor | null; displaced?: Actor } {
  const t = load();
  const R = roleTables();
  const countryName = (c: string | null) => (c ? t.countryName.get(c) ?? null : null);
  const named = (template: string, country: string | null, kind: Kind): Actor | null => {
    const c = countryName(country);
    return c ? { name: template.replace('{country}', c), country, kind, entity: actor?.entity ?? null } : null;
  };
  const crowd = role === 'initiator' ? R.demonstrators.get(eventKind) : undefined;
  if (crowd) {
    // Whoever the report says protested is the crowd; a named party or group keeps its name.
    if (actor && (actor.kind === 'organization' || actor.kind === 'armed_group') && !commonName(actor.name)) return { actor };
    const crowdActor = named(R.names[crowd], here ?? actor?.country ?? null, 'civilians');
    if (!crowdActor) return { actor };
    const displaced = actor && (actor.kind === 'military' || actor.kind === 'government') ? actor : undefined;
    return { actor: crowdActor, displaced };
  }
  // Nobody named for a bombing or a killing: an armed group nobody identified.
  if (!actor && role === 'initiator' && R.unattributed.has(eventKind)) return { actor: named(R.names.unidentified, here, 'armed_group') };
  if (!actor || !commonName(actor.name) || isMultinational(actor.name)) return { actor };
  const toks = nameWords(actor.name);
  const country = actor.country ?? here;
  if (actor.kind === 'unknown' || actor.kind === 'armed_group') {
    // (its name is common and names no coalition: checked above)
    if (unnamedWords(toks, actor.kind)) return { actor: named(R.names.unidentified, country, 'armed_group') ?? actor };
    return { actor };
  }
  if (actor.kind === 'civilians') return { actor: named(R.names.civilians, country, 'civilians') ?? actor };
  if (actor.kind === 'military') {
    const police = R.police.some((seq) => endsWith(toks, seq));
    return { actor: named(police ? R.names.police : R.names.military, country, 'military') ?? actor };
  }
  return { actor };
}
