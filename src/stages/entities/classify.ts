// Typing a candidate name. The order of the tests is the policy: what the lexicon knows as a
// whole, then titles (which split "Israeli Prime Minister Benjamin Netanyahu" into a NORP and a
// PERSON), then the shape of the name (cue words), then the words around it, then the gazetteer.
import type { Doc, EntityType } from '../../doc.js';
import { getLexicon, nameKey, type CueType, type Known, type Lexicon, type Nationality } from './lexicon.js';
import { equipmentNear, EZAFE, isAllCaps, isUpperStart, PARTICLES, type Chunk } from './chunks.js';
import { better, possessiveBefore, roleAfter, roleBefore, stateOf, type Role } from './roles.js';
import { placeOf, type Place } from './gaz.js';
import { matchExact } from '../../gazetteer/index.js';
import { pushAll } from '../../arrays.js';
import { data } from '../../data/index.js';

export interface Seg {
  first: number;
  /** exclusive */
  last: number;
  /** null: a capitalised word nothing vouches for; it may still be the surname of a person */
  type: EntityType | null;
  country: string | null;
  /** false for guesses that a person's surname may overturn (a small town, a given name alone) */
  strong: boolean;
  known?: Known;
  role?: Role | null;
  /** a place's possible states, most likely first (the article's own states decide) */
  countries?: string[];
  /** the place's country comes from a small town of that name somewhere, not a city or region */
  minor?: boolean;
  /** its text, once asked for */
  text?: string;
  /** a place named inside a longer name ("Lafayette" in "Lafayette Police Department") */
  nested?: boolean;
}

/**
 * Every Seg is made here, its optional fields present from the start: the code that reads segs
 * then sees one shape (segs whose fields were added in different orders had V8 recompile
 * buildEntities again and again).
 */
function newSeg(first: number, last: number, type: EntityType | null, country: string | null, strong: boolean, role?: Role | null, known?: Known): Seg {
  return { first, last, type, country, strong, known, role, countries: undefined, minor: undefined, text: undefined, nested: undefined };
}

/** A place named inside a longer name (the seg is new: changed in place). */
function nestedSeg(s: Seg, strong = s.strong): Seg {
  s.strong = strong;
  s.nested = true;
  return s;
}

function withCountry(s: Seg, country: string | null): Seg {
  s.country = country;
  return s;
}

let qualifiers: Set<string> | null = null;
let directions: Set<string> | null = null;
const isDirection = (word: string) => (directions ??= new Set(data('gazetteer/directions.tsv').map((r) => r.word.toLowerCase()))).has(word);
const DESIGNATION = /^[A-Z][A-Za-z]{0,5}-\d{1,4}[A-Za-z0-9]*$/;
const ACRONYM = /^\p{Lu}{2,8}(-\p{Lu}{2,8})*$/u;
// Small words inside a name, skipped when spelling its initials.
const INNER = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'to', '&', 'al', 'el', 'de']);
/** Population from which a place named inside an organisation's name is read as that place even
 * when the article names it nowhere else (a division counts as 100,000: see gaz.ts). */
const NAMESAKE_STANDING = 100_000;
// Where a name's parts meet: "University of Aleppo", "Nebraska-Lincoln".
const NAME_BREAKS = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'at', '&', '-', '–', "'s", '’s']);

export class Classifier {
  readonly lex: Lexicon = getLexicon();
  /** nameKey of each token, computed when first needed */
  private keys: (string | undefined)[];
  /** where the last place name read ended, for "X and Y" */
  private placeEnd = -1;
  constructor(readonly doc: Doc) {
    this.keys = new Array(doc.tokens.length);
  }

  private key(i: number): string {
    return (this.keys[i] ??= nameKey(this.doc.tokens[i].text));
  }
  private text(a: number, b: number): string {
    const t = this.doc.tokens;
    return b - a === 1 ? t[a].text : this.doc.text.slice(t[a].start, t[b - 1].end);
  }
  /** nameKey of tokens [a, b), built from the tokens' keys (the same as nameKey of the text). */
  private lower(a: number, b: number): string {
    const toks = this.doc.tokens;
    let k = this.key(a);
    for (let i = a + 1; i < b; i++) k += (toks[i - 1].end === toks[i].start ? '' : ' ') + this.key(i);
    return k;
  }

  classify(ch: Chunk): Seg[] {
    const toks = this.doc.tokens;
    const lex = this.lex;
    let a = ch.first;
    let b = ch.last;
    let segs: Seg[];
    let cues = true;
    if (this.knownAt(a, b)) segs = this.core(a, b);
    else {
      // Days, months and discourse words at the edges ("Tuesday", "Additionally") are not names,
      // but "Theresa May" keeps her surname.
      while (a < b && lex.notNames.has(toks[a].lower)) a++;
      while (b > a && lex.notNames.has(toks[b - 1].lower) && !(b - 1 > a && lex.givenNames.has(toks[b - 2].lower))) b--;
      if (a >= b) return [];
      // "33rd Front", "507th Maintenance Group": an ordinal opens only an organisation's name.
      if (ch.ordinal && a === ch.first && this.cueType(a, b) !== 'ORG') a++;
      segs = this.core(a, b);
      const weak = ch.weakStart && a === ch.first;
      // A sentence's first word is capitalised anyway: keep it only inside a name it helped to type.
      // A town the gazetteer knows by all its words is one name there too: "South Charleston, W.Va.",
      // "TEGA CAY --" (a dateline opens its sentence).
      const town = segs.length === 1 && segs[0].first === a && segs[0].last === b && (segs[0].type === 'GPE' || segs[0].type === 'LOC') && this.wholeTown(a, b);
      if (weak && b - a > 1 && !town && this.titleEnd(a, b) < 0 && !segs.some((s) => s.first === a && s.type && s.strong)) segs = this.core(a + 1, b);
      if (weak && b - a === 1 && segs.length) {
        // "Security forces fired": a first word before a cue is no name; nor is "Part of the city"
        // because Part is an old name of Perth.
        const s0 = segs[0];
        if ((s0.type === 'GPE' || s0.type === 'LOC') && !s0.known && (this.place(a, b)?.population ?? 0) < 50000) s0.type = null;
        cues = s0.type !== null;
      }
    }
    if (cues) segs = this.after(segs, b);
    const last = segs[segs.length - 1];
    if (last && (last.type === 'GPE' || last.type === 'LOC')) this.placeEnd = last.last;
    return segs;
  }

  /** Lower-case words after the name: "Hmeimim air base", "Balkh province", "Kornet missiles",
   * also across a second name: "the Haret Hreik and Ghobeiry neighbourhoods". */
  private after(segs: Seg[], b: number): Seg[] {
    const toks = this.doc.tokens;
    const last = segs[segs.length - 1];
    if (!last || last.last !== b || b >= toks.length) return segs;
    if (last.type === null && segs.length === 1 && (toks[b].lower === 'and' || toks[b].lower === 'or')) {
      let e = b + 1;
      while (e < toks.length && toks[e].sent === toks[b].sent && (isUpperStart(toks[e]) || toks[e].text === '-' || PARTICLES.has(toks[e].lower))) e++;
      const cue = e > b + 1 && e < toks.length && this.lex.afterFirst.has(this.key(e)) ? this.cueAt(e) : null;
      if (cue && cue !== 'SKIP' && cue !== 'FAC') {
        last.type = cue;
        last.strong = true;
      }
      return segs;
    }
    if (!this.lex.afterFirst.has(this.key(b))) return segs;
    const sent = toks[b - 1].sent;
    for (let m = Math.min(this.lex.cueMaxTokens, toks.length - b); m >= 1; m--) {
      if (toks[b + m - 1].sent !== sent) continue;
      const key = this.lower(b, b + m);
      const suffix = this.lex.cues.suffix.get(key);
      // A suffix joins one name, not a compound: "the Gusau-Sokoto highway" stays two towns.
      // Places other than states take a suffix, and so do names read as people only from their
      // shape ("the Abu Shouk camp") and, for roads, model numbers ("the M4 highway").
      const open =
        last.type === null ||
        ((last.type === 'GPE' || last.type === 'LOC') && !last.known?.id.startsWith('gpe:')) ||
        (last.type === 'PERSON' && !last.role && !last.known) ||
        (last.type === 'EQUIPMENT' && suffix === 'FAC');
      // A people without a state names its land: "the Amhara region".
      const people = last.type === 'NORP' && !last.country && suffix !== 'FAC';
      if (suffix && segs.length === 1 && (open || people)) {
        last.last = b + m;
        // "Molotov cocktails": a thing named after a place is of no state for it
        if (suffix === 'EQUIPMENT') last.country = null;
        last.type = suffix as EntityType;
        last.strong = true;
        delete last.known;
        return segs;
      }
      const cue = this.lex.cues.after.get(key);
      // A name read as a person only from its shape yields to its noun: "the Jaysh al-Izza group".
      const guess = last.type === null || (last.type === 'PERSON' && !last.role && !last.known);
      if (cue && cue !== 'SKIP' && guess && segs.length === 1) {
        last.type = cue;
        last.strong = true;
        return segs;
      }
    }
    return segs;
  }

  /**
   * "African Union Support and Stabilization Mission in Somalia (AUSSOM)": the capitalised words
   * whose initials spell a bracketed acronym are one name, whatever the chunks made of them.
   */
  definitions(segs: Seg[]): Seg[] {
    const toks = this.doc.tokens;
    for (let at = this.doc.text.indexOf('('); at >= 0; at = this.doc.text.indexOf('(', at + 1)) {
      const p = this.doc.tokenAt(at);
      if (p < 1 || p + 2 >= toks.length || toks[p].text !== '(' || toks[p + 2].text !== ')' || !isAllCaps(toks[p + 1].text)) continue;
      const letters = toks[p + 1].text.replace(/[^\p{Lu}]/gu, '');
      // Initials of the words before the bracket; the last word may lend more than one letter
      // ("… Mission in Somalia (AUSSOM)").
      const lastWord = toks[p - 1].text.toUpperCase();
      let initials = '';
      let start = -1;
      for (let k = p - 2; k >= -1 && p - k <= 15; k--) {
        const rest = letters.slice(initials.length);
        if (initials && letters.startsWith(initials) && rest && lastWord.startsWith(rest) && isUpperStart(toks[k + 1]) && !INNER.has(toks[k + 1].lower)) start = k + 1;
        if (k < 0 || toks[k].sent !== toks[p].sent || initials.length >= letters.length) break;
        const t = toks[k];
        if (t.text === '-' || INNER.has(t.lower)) continue;
        if (!isUpperStart(t)) break;
        initials = (isAllCaps(t.text) ? t.text.replace(/[^\p{Lu}]/gu, '') : t.text[0]) + initials;
      }
      if (!isUpperStart(toks[p - 1])) start = -1;
      if (start < 0 || segs.some((s) => s.first === start && s.last === p)) continue;
      const kept: Seg[] = [];
      for (const s of segs) {
        if (s.last <= start || s.first >= p) kept.push(s);
        else if (s.first < start) {
          let e = start;
          while (e > s.first && INNER.has(toks[e - 1].lower)) e--;
          pushAll(kept, this.core(s.first, e));
        }
      }
      const known = this.knownAt(start, p);
      const cue = this.cueType(start, p);
      kept.push(known ? this.knownSeg(start, p, known) : this.cueSeg(start, p, cue && cue !== 'SKIP' ? cue : 'ORG'));
      segs = kept.sort((x, y) => x.first - y.first);
    }
    return segs;
  }

  /**
   * ACLED-style hierarchy, "Qaryat X (Majzar, Marib)", "Al Yasbil (As Sawadiyah, Al Bayda)": names
   * nothing vouches for become places when brackets right after them hold a list of places, or
   * when they stand in such a list in brackets right after a place.
   */
  bracketPlaces(segs: Seg[]): Seg[] {
    const toks = this.doc.tokens;
    const isPlace = (s: Seg | undefined) => !!s && (s.type === 'GPE' || s.type === 'LOC');
    const at = new Map(segs.map((s) => [s.first, s]));
    const before = new Map(segs.map((s) => [s.last, s]));
    for (let p = this.doc.text.indexOf('('); p >= 0; p = this.doc.text.indexOf('(', p + 1)) {
      const open = this.doc.tokenAt(p);
      if (toks[open]?.text !== '(') continue;
      // the bracket's items: names separated by commas, closed by ")"
      const items: Seg[] = [];
      let k = open + 1;
      let closed = false;
      for (let y = at.get(k); y && items.length < 4; y = at.get(k)) {
        items.push(y);
        k = y.last;
        if (toks[k]?.text === ')') {
          closed = true;
          break;
        }
        if (toks[k]?.text !== ',') break;
        k++;
      }
      if (!closed || items.some((y) => y.type !== null && !isPlace(y))) continue;
      const s = before.get(open);
      const outer = s && toks[s.first].sent === toks[open].sent ? s : undefined;
      // "(district, province)": two or more names, the last (widest) a place, are a hierarchy,
      // whatever stands before them ("the tribal region (At Taffah, Al Bayda)")
      const hierarchy = items.length > 1 && isPlace(items[items.length - 1]);
      const inPlace = isPlace(outer) || hierarchy;
      const named = outer && ((hierarchy && this.guessed(outer)) || (outer.type === null && items.every(isPlace)));
      for (const y of [...(inPlace || named ? items : []), ...(named ? [outer] : [])]) if (!isPlace(y)) Object.assign(y, { type: 'GPE', strong: true, role: null, country: null });
    }
    return segs;
  }

  /**
   * "Charleston, W.Va.", "Salina, Kan.", "Springfield, IL": a state's abbreviation after a place and
   * a comma is a place (data/gazetteer/qualifiers.tsv), though alone it looks like an acronym.
   */
  qualifierPlaces(segs: Seg[]): Seg[] {
    const toks = this.doc.tokens;
    qualifiers ??= new Set(data('gazetteer/qualifiers.tsv').map((r) => r.abbreviation));
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      // "a campus in D.C.", "from Norman to D.C.": written with its dots, after a locative word, the
      // abbreviation is the state, unless a name follows it ("to Miss. Jones")
      const t = toks[s.first];
      if (s.last - s.first === 1 && !s.known && (s.type === null || s.type === 'ORG') && /\p{L}\.$/u.test(t.text) && qualifiers.has(t.text)) {
        const next = toks[s.last];
        if (this.locative(s.first) === 'prep' && !(next && next.sent === t.sent && isUpperStart(next))) {
          Object.assign(s, { type: 'GPE', strong: true, country: null });
          continue;
        }
      }
      const prev = segs[i - 1];
      if (!prev || s.last - s.first !== 1 || prev.last !== s.first - 1 || toks[prev.last].text !== ',') continue;
      if (prev.type !== 'GPE' || toks[s.first].sent !== toks[prev.first].sent) continue;
      if (s.known || (s.type !== null && s.type !== 'ORG') || !qualifiers.has(toks[s.first].text)) continue;
      Object.assign(s, { type: 'GPE', strong: true, country: prev.country });
    }
    return segs;
  }

  /**
   * Places named inside the name of an organisation or a facility: "Lafayette Police Department",
   * "Gaza Health Ministry", "University of Aleppo", "University of Nebraska-Lincoln". Each is a
   * mention of that place with its own span inside the longer name (geoparsing corpora count it so;
   * the places stage reads it as part of a name, never as where something happened). The name is
   * cut at its small words and hyphens, and each part's longest leading place is taken (past a
   * direction word if need be): a state or region the lexicon knows, a division with its head word
   * ("Clarke County"), a place the article names on its own elsewhere, or a town of 100,000 or a
   * division the gazetteer knows. A known organisation names a state only: "Badr Organization" is
   * no town called Badr.
   */
  nestedPlaces(segs: Seg[]): Seg[] {
    const toks = this.doc.tokens;
    const elsewhere = new Set<string>();
    for (const s of segs) if (s.type === 'GPE' || s.type === 'LOC') elsewhere.add(this.lower(s.first, s.last));
    const out: Seg[] = [];
    for (const s of segs) {
      if ((s.type !== 'ORG' && s.type !== 'FAC') || s.last - s.first < 2) continue;
      const found: Seg[] = [];
      let p = s.first;
      while (p < s.last) {
        let q = p;
        while (q < s.last && !NAME_BREAKS.has(toks[q].lower)) q++;
        // a part that is the whole name is the organisation itself, not a place in it
        const longest = p === s.first && q === s.last ? q - 1 : q;
        // "Western Pennsylvania Kennel Association": the place past a direction, if not with it
        const starts = q - p > 1 && isDirection(toks[p].lower) ? [p, p + 1] : [p];
        const inside = s.known ? 'known' : s.type === 'FAC' ? 'facility' : 'org';
        let seg: Seg | null = null;
        for (const x of starts) for (let y = Math.min(longest, x + 4); y > x && !seg; y--) seg = this.placeInName(x, y, inside, elsewhere);
        if (seg) found.push(seg);
        p = q + 1;
      }
      pushAll(out, found);
    }
    // after the names, which later steps read in text order ("Iraqi News Agency (INA)")
    return out.length ? [...segs, ...out] : segs;
  }

  /**
   * The place [a, b) names, as a mention inside a longer name, or null. Inside a facility's name the
   * place must be one the article names on its own too: streets and buildings are named after
   * people and far-off towns ("Washington Avenue", "Kaplan Street").
   */
  private placeInName(a: number, b: number, inside: 'known' | 'facility' | 'org', elsewhere: Set<string>): Seg | null {
    const toks = this.doc.tokens;
    if (!isUpperStart(toks[a]) || toks[b - 1].pos === 'PUNCT') return null;
    // "University of …", "Bank of …": the organisation's own word, though a town bears it too;
    // "North", "Western State": words that name no place alone
    let common = true;
    for (let k = a; k < b && common; k++) common = this.lex.notAlone.has(this.key(k)) || isDirection(this.key(k));
    const first = this.key(a);
    if (common || this.lex.cues.head.has(first) || this.lex.cues.of.has(first) || this.lex.titles.has(first)) return null;
    const k = this.knownAt(a, b);
    if (k) return k.type === 'GPE' || k.type === 'LOC' ? nestedSeg(this.knownSeg(a, b, k), false) : null;
    if (inside === 'known' || this.lex.nationalities.has(this.lower(a, b))) return null;
    // "Lafayette Police" is the organisation again; "Madison County" is a place
    const cue = this.cueType(a, b);
    if (cue && cue !== 'GPE' && cue !== 'LOC') return null;
    const p = this.place(a, b);
    // "Clarke County Superior Court", "Henderson County Jail": a division's name and head word, though
    // not in the gazetteer; not "Canadian Coast" of "Canadian Coast Guard", nor a facility's lake or hill
    const division = cue && !this.lex.notAlone.has(this.key(b - 1)) && !this.lex.nationalities.has(this.lower(a, b - 1));
    if (division && (cue === 'GPE' || inside !== 'facility')) return nestedSeg(this.placeSeg(a, b, p, false));
    if (!p) return null;
    if (elsewhere.has(this.lower(a, b))) return nestedSeg(this.placeSeg(a, b, p, false));
    // alone, only a place of some standing: "Meridian Press" is no paper of Meridian, Mississippi
    if (inside === 'facility' || p.population < NAMESAKE_STANDING) return null;
    // a given name opening a name is its founder's more often than a town's: "Johns Hopkins University"
    if (b - a === 1 && this.lex.givenNames.has(toks[a].lower)) return null;
    // the gazetteer must know the words as a name, not only the place left when one is dropped:
    // "Paris City Council" names Paris, "Ohio State University" Ohio, but "Gaza City" is a city
    if (b - a > 1 && !matchExact(this.text(a, b)).length) return null;
    return nestedSeg(this.placeSeg(a, b, p, false));
  }

  /** Typed by nothing but its shape: unknown, or a person only for looking like a name. */
  private guessed(s: Seg): boolean {
    return s.type === null || (s.type === 'PERSON' && !s.role && !s.known);
  }

  /** The type told by the lower-case words at token e, if any. */
  private cueAt(e: number): CueType | null {
    const toks = this.doc.tokens;
    for (let m = Math.min(this.lex.cueMaxTokens, toks.length - e); m >= 1; m--) {
      const key = this.lower(e, e + m);
      const t = this.lex.cues.after.get(key) ?? this.lex.cues.suffix.get(key);
      if (t) return t;
    }
    return null;
  }

  private core(a: number, b: number): Seg[] {
    const lex = this.lex;
    const toks = this.doc.tokens;
    // Splitting "Syria-Iraq" leaves hyphens at the edges of its parts.
    while (a < b && toks[a].pos === 'PUNCT') a++;
    while (b > a && toks[b - 1].pos === 'PUNCT') b--;
    if (a >= b) return [];
    const n = b - a;

    const known = this.knownAt(a, b);
    if (known) {
      const seg = this.knownSeg(a, b, known);
      if (known.type === 'PERSON') seg.role = better(roleBefore(this.doc, lex, a), roleAfter(this.doc, lex, b));
      return [seg];
    }
    const nat = lex.nationalities.get(this.lower(a, b));
    if (nat) return [this.norp(a, b, nat)];
    // "the West" is no place, but "the North region" is.
    if (n === 1 && lex.notAlone.has(this.key(a))) return [newSeg(a, b, null, null, false)];

    const titled = this.titleSplit(a, b);
    if (titled) return titled;

    const cue = this.cueType(a, b);
    if (cue === 'SKIP') return [];
    if (cue === 'ORG' && n > 2) {
      // A unit of a known organisation is a name of its own: "IRGC Ground Force".
      for (let m = Math.min(n - 2, 5); m >= 1; m--) {
        const k = this.knownAt(a, a + m);
        if (k?.type === 'ORG') return [this.knownSeg(a, a + m, k), withCountry(this.cueSeg(a + m, b, cue), k.country)];
      }
    }
    if (cue) return [this.cueSeg(a, b, cue)];
    // A lone capitalised cue or title ("Army", "Ministry", "President") is a common noun, unless a
    // division's term follows and the gazetteer knows the two as one ("Plateau state", "Lakes State").
    if (n === 1 && (lex.titles.has(this.key(a)) || lex.cues.head.has(this.key(a)))) {
      const division = b < toks.length && adminTerms().has(toks[b].lower) ? this.place(a, b + 1) : null;
      return division?.strong ? [this.placeSeg(a, b, division, true)] : [];
    }

    const role = better(roleBefore(this.doc, lex, a), roleAfter(this.doc, lex, b));
    if (role && this.nameLike(a, b)) return [newSeg(a, b, 'PERSON', role.country, true, role)];

    const compound = this.compound(a, b);
    if (compound) return compound;
    const locative = this.locative(a);
    if (n > 1) {
      const place = this.place(a, b);
      if (place && place.population >= 20000) return [this.placeSeg(a, b, place, true)];
      const start = lex.cues.start.get(this.key(a));
      if (start) return [this.cueSeg(a, b, start)];
      const given = this.hasGivenName(a, b);
      // Not inside a title-case name: "Assistance in Mine Action".
      const inTitle = locative === 'prep' && isUpperStart(toks[a - 2]);
      // "the town of Abu Dis": a settlement word outweighs a given name inside the name
      if (locative && !inTitle && (!given || locative === 'settlement') && this.nameLike(a, b)) return [this.placeSeg(a, b, place, true)];
      if (this.nameLike(a, b) && (given || this.hasParticle(a, b))) return [newSeg(a, b, 'PERSON', null, true)];
      if (place) return [this.placeSeg(a, b, place, false)];
      const split = this.knownInside(a, b);
      if (split) return split;
      // "Israeli Prime Minister …", "Russian Su-24": a leading nationality or state stands apart.
      for (let m = Math.min(2, n - 1); m >= 1; m--) {
        const k = this.knownAt(a, a + m);
        const lead = lex.nationalities.get(this.lower(a, a + m));
        if (lead) return [this.norp(a, a + m, lead), ...this.core(a + m, b)];
        if (k?.type === 'GPE') return [this.knownSeg(a, a + m, k), ...this.core(a + m, b)];
      }
    }
    // "Highway 19", "County Road 109": a number after a road's word names the road
    const numbered = b - a > 1 && /^\d+$/.test(toks[b - 1].text) ? lex.cues.number.get(this.key(b - 2)) : undefined;
    if (numbered && numbered !== 'SKIP') return [this.cueSeg(a, b, numbered)];
    for (let k = a; k < b; k++) {
      if (DESIGNATION.test(toks[k].text) || /^\d/.test(toks[k].text)) return [newSeg(a, b, 'EQUIPMENT', null, true)];
    }
    if (n === 1) {
      const t = toks[a];
      const place = this.place(a, b);
      if (place && (place.strong || locative)) return [this.placeSeg(a, b, place, true)];
      if (lex.givenNames.has(t.lower)) return [newSeg(a, b, 'PERSON', null, false)];
      if (locative && t.pos === 'PROPN' && /^\p{Lu}\p{Ll}+$/u.test(t.text)) return [this.placeSeg(a, b, null, true)];
    }
    // Unknown acronyms in news are mostly organisations ("HRW", "CJTF-OIR"), but not the words of
    // a heading in capitals ("SITUATION OVERVIEW").
    if (ACRONYM.test(this.text(a, b)) && !this.heading(a)) return [newSeg(a, b, 'ORG', null, false)];
    // Nothing knows the whole: its parts may be names of their own ("Iraq and Mine Action").
    for (let k = a + 1; k < b - 1; k++) {
      const w = toks[k].lower;
      if (w === 'and' || w === 'of' || w === 'for' || w === '&') return [...this.core(a, k), ...this.core(k + 1, b)];
    }
    return [newSeg(a, b, null, null, false)];
  }

  /** [a, b) is a name the gazetteer indexes as it stands, opened by a proper noun or a word that only
   * begins names ("South", "New"). */
  private wholeTown(a: number, b: number): boolean {
    const t = this.doc.tokens[a];
    return (t.pos === 'PROPN' || this.lex.notAlone.has(t.lower)) && matchExact(this.text(a, b)).some((m) => !m.alternate);
  }

  /** The sentence of token k has no lower-case word: a heading or a shouted line. */
  private heading(k: number): boolean {
    const s = this.doc.sentences[this.doc.tokens[k].sent];
    for (let i = s.first; i < s.last; i++) if (/\p{Ll}/u.test(this.doc.tokens[i].text)) return false;
    return true;
  }

  private norp(a: number, b: number, nat: Nationality): Seg {
    return newSeg(a, b, 'NORP', nat.country, true);
  }

  /** Words that could be a person's name: capitalised words and name particles, no digits. */
  private nameLike(a: number, b: number): boolean {
    const toks = this.doc.tokens;
    if (b - a > 5) return false;
    for (let k = a; k < b; k++) {
      const t = toks[k];
      if (/\d/.test(t.text)) return false;
      if (!isUpperStart(t) && t.text !== '-' && t.text !== "'" && !PARTICLES.has(t.lower) && !EZAFE.has(t.lower)) return false;
    }
    return true;
  }

  /** "Saddam Hussein", "Tobias Ellwood": any given name makes a run of names a person. */
  private hasGivenName(a: number, b: number): boolean {
    for (let k = a; k < b; k++) if (this.lex.givenNames.has(this.doc.tokens[k].lower)) return true;
    return false;
  }

  private hasParticle(a: number, b: number): boolean {
    const toks = this.doc.tokens;
    for (let k = a + 1; k < b - 1; k++) if (PARTICLES.has(toks[k].lower)) return true;
    return false;
  }

  /** Words before the name that make it a place: "in Karrada", "the town of Jbaa", and a city's
   * possessive ("Kabul's Shar-e Naw"). */
  private locative(a: number): 'prep' | 'settlement' | 'list' | 'possessive' | null {
    const toks = this.doc.tokens;
    if (a < 2 || toks[a - 1].sent !== toks[a].sent) return null;
    if (this.lex.cues.before.has(this.key(a - 1))) return 'prep';
    // "the villages of Aitaroun and Maroun al-Ras": the second of a pair of places is a place.
    if ((toks[a - 1].lower === 'and' || toks[a - 1].lower === 'or') && this.placeEnd === a - 1) return 'list';
    if (toks[a - 2].sent !== toks[a].sent) return null;
    if (this.lex.cues.before.has(this.lower(a - 2, a))) return 'settlement';
    if (!/^['’]s$/.test(toks[a - 1].text) || !isUpperStart(toks[a - 2])) return null;
    const city = this.place(a - 2, a - 1);
    return city?.strong && city.type === 'GPE' && !this.knownAt(a - 2, a - 1) ? 'possessive' : null;
  }

  /** "Gusau-Sokoto", "Iran-Iraq": two places joined by a hyphen are two names. */
  private compound(a: number, b: number): Seg[] | null {
    const toks = this.doc.tokens;
    for (let k = a + 1; k < b - 1; k++) {
      if (toks[k].text !== '-') continue;
      const side = (x: number, y: number) => this.knownAt(x, y)?.type === 'GPE' || this.lex.nationalities.has(this.lower(x, y)) || !!this.place(x, y)?.strong;
      if (side(a, k) && side(k + 1, b)) return [...this.core(a, k), ...this.core(k + 1, b)];
    }
    return null;
  }

  knownAt(a: number, b: number): Known | undefined {
    const text = this.text(a, b);
    const key = this.lower(a, b);
    const k = this.lex.acronyms.get(text) ?? this.lex.known.get(key);
    if (!k) return undefined;
    if (k.type === 'EQUIPMENT' && this.lex.contextual.has(key) && !equipmentNear(this.doc, this.lex, b - 1, 4)) return undefined;
    return k;
  }

  knownSeg(a: number, b: number, k: Known): Seg {
    let country = k.country;
    // A state body without a state of its own takes the possessor: "Iran's Defense Ministry".
    if (!country && k.type === 'ORG') country = possessiveBefore(this.doc, this.lex, a);
    return newSeg(a, b, k.type, country, true, undefined, k);
  }

  /** A title inside the name splits it: "[Israeli] [Prime Minister] [Benjamin Netanyahu]". */
  private titleSplit(a: number, b: number): Seg[] | null {
    const toks = this.doc.tokens;
    const lex = this.lex;
    // A cue that takes in the title word is an organisation's name: "General Staff".
    const cueStart = b - this.headCue(a, b);
    for (let i = a; i < b && i < cueStart; i++) {
      // "Tel al-Sultan": a title word inside a name is no title.
      if (i > a && (toks[i - 1].text === '-' || PARTICLES.has(toks[i - 1].lower))) continue;
      let j = this.titleEnd(i, b);
      if (j < 0) continue;
      let kind = lex.titles.get(this.lower(i, j));
      for (let next = this.titleEnd(j, b); next > 0; next = this.titleEnd(j, b)) {
        kind = lex.titles.get(this.lower(j, next));
        j = next;
      }
      if (kind === 'descriptor') continue;
      let prefix = i > a ? this.core(a, i) : [];
      // "Communication Minister Issa Ouedraogo": unknown words before a title belong to it.
      let roleStart = i;
      if (prefix.some((s) => s.type === null)) {
        prefix = [];
        roleStart = a;
      }
      if (j >= b) return prefix;
      let nameStart = j;
      if (toks[j].lower === 'of' || toks[j].lower === 'for') {
        // "Minister of Foreign Affairs Hossein Amir-Abdollahian": the name starts at a given name.
        nameStart = -1;
        for (let k = j + 1; k < b; k++) {
          if (lex.givenNames.has(toks[k].lower)) {
            nameStart = k;
            break;
          }
        }
        if (nameStart < 0 && b - j - 1 >= 3 && this.nameLike(b - 2, b) && !this.knownAt(b - 2, b)) nameStart = b - 2;
        // "President of the Security Council", "Minister for the Middle East": no person named,
        // but the title's object may be a name of its own.
        if (nameStart < 0) return [...prefix, ...this.core(toks[j + 1].lower === 'the' ? j + 2 : j + 1, b)];
      }
      const known = this.knownAt(nameStart, b);
      if ((known && known.type !== 'PERSON') || this.cueType(nameStart, b) || !this.nameLike(nameStart, b)) continue;
      const country = prefix.find((s) => s.country)?.country ?? possessiveBefore(this.doc, lex, a);
      const role: Role | null = kind === 'honorific' ? null : { text: this.text(roleStart, nameStart), country, rank: 1 };
      const best = better(role, better(roleBefore(this.doc, lex, a), roleAfter(this.doc, lex, b)));
      const person: Seg = newSeg(nameStart, b, 'PERSON', best?.country ?? country ?? known?.country ?? null, true, best);
      if (known) person.known = known;
      return [...prefix, person];
    }
    return null;
  }

  /** End of the longest title starting at token i (within [i, b)), or -1. */
  private titleEnd(i: number, b: number): number {
    if (i >= b || !this.lex.titleFirst.has(this.key(i))) return -1;
    for (let m = Math.min(this.lex.titleMaxTokens, b - i); m >= 1; m--) {
      if (this.lex.titles.has(this.lower(i, i + m))) return i + m;
    }
    return -1;
  }

  /** The type a name's own words give it: its last word ("… News Agency", "… Airport") or the
   * word before its "of" ("Ministry of …", "Palestinian Ministry of Health", "Gulf of Aden"). */
  private cueType(a: number, b: number): CueType | null {
    const n = b - a;
    if (n < 2) return null;
    const m = this.headCue(a, b);
    if (m) return this.lex.cues.head.get(this.lower(b - m, b))!;
    const toks = this.doc.tokens;
    for (let k = a + 1; k < b - 1; k++) {
      if (toks[k].lower !== 'of' && toks[k].lower !== 'for') continue;
      for (let m = Math.min(3, k - a); m >= 1; m--) {
        if (!this.lex.ofFirst.has(this.key(k - m))) continue;
        const t = this.lex.cues.of.get(this.lower(k - m, k));
        if (t) return t;
      }
      break;
    }
    return null;
  }

  /** Length in tokens of the head cue that ends the name [a, b), or 0. A one-word cue needs a name
   * before it ("Army" is no name); a longer one is a name itself ("General Staff", "Air Force"). */
  private headCue(a: number, b: number): number {
    const n = b - a;
    if (n < 2 || !this.lex.headLast.has(this.key(b - 1))) return 0;
    for (let m = Math.min(this.lex.cueMaxTokens, n); m >= 1; m--) {
      if (m === n && !this.lower(b - m, b).includes(' ')) continue;
      if (this.lex.cues.head.has(this.lower(b - m, b))) return m;
    }
    return 0;
  }

  private cueSeg(a: number, b: number, type: CueType): Seg {
    const lex = this.lex;
    let country = stateOf(this.doc, lex, a, a + 1) ?? (b - a > 2 ? stateOf(this.doc, lex, a, a + 2) : null);
    let countries: string[] | undefined;
    if (!country && type !== 'ORG' && type !== 'EQUIPMENT') {
      // the town a facility or division is named after ("Mosul Dam", "Balkh province"); but a name
      // opened by its cue word is read whole: "Khan Younis" is not in Haan, Germany, because "Khan" is
      const p = lex.cues.start.has(this.key(a)) ? this.place(a, b) : this.place(a, a + 1);
      if (p?.strong) {
        country = p.country;
        if (p.countries.length > 1) countries = p.countries;
      }
    }
    country ??= possessiveBefore(this.doc, lex, a);
    const seg: Seg = newSeg(a, b, type as EntityType, country, true);
    if (countries) seg.countries = countries;
    return seg;
  }

  /** "Daesh Takfiri": a known name or nationality inside an unknown run splits it. */
  private knownInside(a: number, b: number): Seg[] | null {
    const lex = this.lex;
    for (let m = Math.min(b - a - 1, 5); m >= 1; m--) {
      for (let x = a; x + m <= b; x++) {
        const k = this.knownAt(x, x + m);
        const nat = k ? undefined : lex.nationalities.get(this.lower(x, x + m));
        if (!k && !nat) continue;
        const seg = k ? this.knownSeg(x, x + m, k) : this.norp(x, x + m, nat!);
        return [...this.core(a, x), seg, ...this.core(x + m, b)];
      }
    }
    return null;
  }

  private place(a: number, b: number): Place | null {
    return placeOf(this.text(a, b));
  }

  private placeSeg(a: number, b: number, p: Place | null, strong: boolean): Seg {
    const seg: Seg = newSeg(a, b, p?.type ?? 'GPE', p?.country ?? null, strong);
    if (p && p.countries.length > 1) seg.countries = p.countries;
    if (p && !p.strong) seg.minor = true;
    return seg;
  }
}

let terms: Set<string> | null = null;
/** Generic heads of division names ("state", "province"), lower case. */
function adminTerms(): Set<string> {
  return (terms ??= new Set(data('gazetteer/admin-terms.tsv').map((r) => r.term.toLowerCase())));
}
