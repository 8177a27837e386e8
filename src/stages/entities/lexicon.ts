// The language knowledge of the entities stage, read once from data/entities/ and world-countries
// into maps keyed by lower-cased text, so that typing a name costs a few look-ups.
import type { EntityType } from '../../doc.js';
import { data } from '../../data/index.js';
import { countryAliases, worldCountries } from '../../data/countries.js';

export type CueType = EntityType | 'SKIP';
export type CuePosition = 'head' | 'of' | 'start' | 'suffix' | 'after' | 'before' | 'near' | 'number';

/** A name the lexicon knows as a whole: an organisation, a piece of equipment, a state, a region. */
export interface Known {
  /** groups all aliases of one entry ("known:org:Islamic State") */
  id: string;
  name: string;
  type: EntityType;
  /** alpha-3 */
  country: string | null;
  /** the aliases in capitals, for "Name (ACRONYM)" canonical names */
  acronyms: string[];
}

export interface Nationality {
  country: string | null;
}

export interface Lexicon {
  /** lower-cased title → kind */
  titles: Map<string, string>;
  /** last word of every title */
  titleHeads: Set<string>;
  titleMaxTokens: number;
  cues: Record<CuePosition, Map<string, CueType>>;
  cueMaxTokens: number;
  /** first words of titles, last words of head cues, first words of of-cues and of after/state
   * cues: one look-up rejects most tokens before any phrase is built */
  titleFirst: Set<string>;
  /** last words of ORG head cues: "of" and "for" may continue such a name ("Observatory for …") */
  orgHeads: Set<string>;
  headLast: Set<string>;
  ofFirst: Set<string>;
  afterFirst: Set<string>;
  /** case-folded name (see nameKey) → entry; all-capital aliases live in `acronyms` instead */
  known: Map<string, Known>;
  /** beginnings of known names up to a small word inside them ("economic community of"), so that
   * the chunker may join "of", "for", "and", "in" and "the" where a known name goes on */
  knownPrefixes: Set<string>;
  /** exact all-capital aliases ("SANA", "IS") → entry */
  acronyms: Map<string, Known>;
  /** keys of one-word equipment names without digits ("patriot", "reaper"): a weapon only when a
   * word nearby speaks of weapons */
  contextual: Set<string>;
  /** lower-cased demonym or group word → nationality */
  nationalities: Map<string, Nationality>;
  givenNames: Set<string>;
  /** words trimmed from the edges of a name ("Tuesday") */
  notNames: Set<string>;
  /** words that are no name on their own ("West"), though they may begin one ("West Darfur") */
  notAlone: Set<string>;
  /** alpha-2 → alpha-3 */
  alpha3: Map<string, string>;
  /** alpha-3 → common name */
  countryName: Map<string, string>;
}

/** Case-folded form of a name for look-ups: lower case, one kind of apostrophe, single spaces. */
export function nameKey(s: string): string {
  let k = s.toLowerCase();
  if (k.includes('’') || k.includes('`')) k = k.replace(/[’`]/g, "'");
  if (k.includes('  ') || k.includes('\n') || k.includes('\t')) k = k.replace(/\s+/g, ' ');
  return k;
}

/** The first token of a lexicon phrase as wink-nlp splits it: "secretary-general" → "secretary". */
function firstWord(s: string): string {
  return s.split(/[\s-]|(?=')/)[0];
}

/** Rough token count of a lexicon phrase as wink-nlp splits it (hyphens, dots and apostrophes apart). */
function tokenCount(s: string): number {
  return s.split(/\s+|(?=[-.'])|(?<=[-'])/).filter(Boolean).length;
}

const CONNECTOR_WORDS = new Set(['of', 'for', 'and', 'in', 'the', 'on', '&']);

let lexicon: Lexicon | null = null;

export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const titles = new Map<string, string>();
  const titleHeads = new Set<string>();
  let titleMaxTokens = 1;
  const titleFirst = new Set<string>();
  for (const { title, kind } of data('entities/titles.tsv')) {
    titles.set(title, kind);
    titleFirst.add(firstWord(title));
    titleFirst.add(firstWord(title.replace(/\./g, '')));
    // "Maj Gen", "Lt Col": abbreviations are written without their dots too.
    if (title.includes('.') && !titles.has(title.replace(/\./g, ''))) titles.set(title.replace(/\./g, ''), kind);
    // The head of "secretary of state" is "secretary", not "state".
    titleHeads.add(title.split(/ (?:of|for) /)[0].split(/[\s-]+/).pop()!);
    titleMaxTokens = Math.max(titleMaxTokens, tokenCount(title));
  }

  const cues = { head: new Map(), of: new Map(), start: new Map(), suffix: new Map(), after: new Map(), before: new Map(), near: new Map(), number: new Map() } as Lexicon['cues'];
  let cueMaxTokens = 1;
  const headLast = new Set<string>();
  const orgHeads = new Set<string>();
  const ofFirst = new Set<string>();
  const afterFirst = new Set<string>();
  for (const { cue, type, position } of data('entities/cues.tsv')) {
    const map = cues[position];
    map.set(cue, type);
    cueMaxTokens = Math.max(cueMaxTokens, tokenCount(cue));
    if (position === 'head') headLast.add(cue.split(/[\s-]/).pop()!);
    if (position === 'head' && type === 'ORG') orgHeads.add(cue);
    if (position === 'of') ofFirst.add(firstWord(cue));
    if (position === 'after' || position === 'suffix') afterFirst.add(firstWord(cue));
  }

  const known = new Map<string, Known>();
  const acronyms = new Map<string, Known>();
  const addName = (alias: string, k: Known) => {
    // All capitals ("SANA", "IS"), or a short mixed-case acronym ("LeT", "JeM"): matched as written,
    // so that "Let us …" at a sentence's start is no Lashkar-e-Taiba.
    const mixedAcronym = alias.length <= 7 && !/\s/.test(alias) && /^\p{Lu}.*\p{Lu}/u.test(alias) && /^[\p{L}0-9.&'-]+$/u.test(alias);
    if ((/^\p{Lu}[\p{Lu}0-9.&'-]*$/u.test(alias) && /\p{Lu}.*\p{Lu}/u.test(alias)) || mixedAcronym) {
      if (!acronyms.has(alias)) acronyms.set(alias, k);
      if (!k.acronyms.includes(alias)) k.acronyms.push(alias);
    } else {
      const key = nameKey(alias);
      if (!known.has(key)) known.set(key, k);
    }
  };

  // States first, so that an organisation alias never shadows a country name.
  const countries = worldCountries();
  const alpha3 = new Map<string, string>();
  const countryName = new Map<string, string>();
  const nationalities = new Map<string, Nationality>();
  const states = new Map<string, Known>();
  const stateEntry = (cca3: string): Known => {
    let k = states.get(cca3);
    if (!k) states.set(cca3, (k = { id: `gpe:${cca3}`, name: countryName.get(cca3) ?? cca3, type: 'GPE', country: cca3, acronyms: [] }));
    return k;
  };
  // UN members win shared names and demonyms ("French" is France's, not the Southern Territories').
  const ordered = [...countries].sort((a, b) => Number(b.unMember) - Number(a.unMember));
  for (const c of ordered) {
    alpha3.set(c.cca2, c.cca3);
    countryName.set(c.cca3, c.name.common);
  }
  for (const c of ordered) {
    const entry = stateEntry(c.cca3);
    addName(c.name.common, entry);
    addName(c.name.official, entry);
    // Two-letter codes are not how news names a state ("SY"); longer alternatives are.
    for (const alt of c.altSpellings) if (alt.length > 3 && /^[\p{L} .'-]+$/u.test(alt)) addName(alt, entry);
    const d = c.demonyms?.eng;
    if (d) {
      for (const form of new Set([d.m, d.f])) {
        if (!form) continue;
        const key = form.toLowerCase();
        if (!nationalities.has(key)) nationalities.set(key, { country: c.cca3 });
        // Regular plurals: "Iranians", "Israelis"; not "Lebanese", "British", "French".
        if (!/(ese|ish|ch|ss|s)$/.test(key)) {
          if (!nationalities.has(key + 's')) nationalities.set(key + 's', { country: c.cca3 });
        }
      }
    }
  }
  for (const { alias, alpha3 } of countryAliases()) {
    const entry = stateEntry(alpha3);
    // The data file overrides world-countries: drop a shadowing alias first.
    if (/^[A-Z][A-Z.]*$/.test(alias)) acronyms.delete(alias);
    else known.delete(nameKey(alias));
    addName(alias, entry);
  }
  for (const { form, country } of data('entities/nationalities.tsv')) {
    nationalities.set(form.toLowerCase(), { country: country === '-' ? null : country });
  }
  // "Saudi" is an alternative name of Saudi Arabia, but far more often the adjective.
  for (const form of nationalities.keys()) if (known.get(form)?.id.startsWith('gpe:')) known.delete(form);
  for (const { name, type, country } of data('entities/places.tsv')) {
    const k: Known = { id: `place:${name.toLowerCase()}`, name, type, country: country === '-' ? null : country, acronyms: [] };
    known.set(nameKey(name), k);
  }

  interface Entry { name: string; aliases?: string[]; country?: string | null }
  const contextual = new Set<string>();
  const loadKnown = (list: Entry[], type: EntityType, prefix: string) => {
    for (const e of list) {
      const k: Known = { id: `${prefix}:${e.name}`, name: e.name, type, country: e.country ?? null, acronyms: [] };
      for (const alias of [e.name, ...(e.aliases ?? [])]) {
        addName(alias, k);
        // A word that is also a weapon's name ("Patriot", "Javelin", "Reaper") is only a weapon
        // when the sentence speaks of weapons.
        if (type === 'EQUIPMENT' && !/[\d\s]/.test(alias) && !/^[A-Z]{2,}$/.test(alias)) contextual.add(nameKey(alias));
      }
    }
  };
  loadKnown(data('entities/organisations.yaml'), 'ORG', 'org');
  // Armed groups are listed in data/actors/armed-groups.yaml; the names this lexicon lacks are taken
  // from there, into the entity that already holds another of the group's names if there is one.
  for (const g of data('actors/armed-groups.yaml').groups) {
    const names = [g.name, ...g.aliases];
    const held = names.map((n) => acronyms.get(n) ?? known.get(nameKey(n))).find((k) => k?.id.startsWith('org:'));
    const k: Known = held ?? { id: `org:${g.name}`, name: g.name, type: 'ORG', country: g.home, acronyms: [] };
    for (const n of names) addName(n, k);
  }
  loadKnown(data('entities/equipment.yaml'), 'EQUIPMENT', 'equipment');
  loadKnown(data('entities/people.yaml'), 'PERSON', 'person');

  const knownPrefixes = new Set<string>();
  for (const key of known.keys()) {
    const words = key.split(' ');
    for (let i = 1; i < words.length - 1; i++) if (CONNECTOR_WORDS.has(words[i])) knownPrefixes.add(words.slice(0, i + 1).join(' '));
  }

  const givenNames = new Set(data('entities/given-names.tsv').map((r) => r.name.toLowerCase()));
  const notNames = new Set<string>();
  const notAlone = new Set<string>();
  for (const { word, where } of data('entities/not-names.tsv')) (where === 'alone' ? notAlone : notNames).add(word.toLowerCase());

  lexicon = { titles, titleHeads, titleMaxTokens, cues, cueMaxTokens, titleFirst, orgHeads, headLast, ofFirst, afterFirst, known, knownPrefixes, acronyms, contextual, nationalities, givenNames, notNames, notAlone, alpha3, countryName };
  return lexicon;
}
