// Typing a candidate name. The order of the tests is the policy: what the lexicon knows as a
// whole, then titles (which split "Israeli Prime Minister Benjamin Netanyahu" into a NORP and a
// PERSON), then the shape of the name (cue words), then the words around it, then the gazetteer.
import type { Doc, EntityType } from '../../doc.js';
import { candidates } from '../../gazetteer/index.js';
import { getLexicon, nameKey, type CueType, type Known, type Lexicon } from './lexicon.js';
import { equipmentNear, isAllCaps, isUpperStart, PARTICLES, type Chunk } from './chunks.js';
import { better, possessiveBefore, roleAfter, roleBefore, stateOf, type Role } from './roles.js';

export interface Seg {
  first: number;
  /** exclusive */
  last: number;
  /** null: a capitalised word nothing vouches for; it may still be the surname of a person */
  type: EntityType | null;
  country: string | null;
  /** false for guesses that a later, better reading may overturn (a small town, "X said") */
  strong: boolean;
  known?: Known;
  /** NORP: forms with one key are one entity ("Israeli", "Israelis") */
  group?: string;
  role?: Role | null;
}

interface Place {
  type: 'GPE' | 'LOC';
  country: string | null;
  /** a state, capital, first-level division or town of 15,000 or more */
  strong: boolean;
  population: number;
}

const DESIGNATION = /^[A-Z][A-Za-z]{0,5}-\d{1,4}[A-Za-z0-9]*$/;
const STRONG_FEATURE = /^(PCL|PPLC|PPLA$|ADM1|REGION)/;
const placeCache = new Map<string, Place | null>();

export class Classifier {
  readonly lex: Lexicon = getLexicon();
  constructor(readonly doc: Doc) {}

  private text(a: number, b: number): string {
    const t = this.doc.tokens;
    return this.doc.text.slice(t[a].start, t[b - 1].end);
  }
  private lower(a: number, b: number): string {
    return nameKey(this.text(a, b));
  }

  classify(ch: Chunk): Seg[] {
    const toks = this.doc.tokens;
    const lex = this.lex;
    let a = ch.first;
    let b = ch.last;
    // Days, months and discourse words at the edges ("Tuesday", "Additionally") are not names,
    // but "Theresa May" keeps her surname.
    while (a < b && lex.notNames.has(toks[a].lower)) a++;
    while (b > a && lex.notNames.has(toks[b - 1].lower) && !(b - 1 > a && lex.givenNames.has(toks[b - 2].lower))) b--;
    if (a >= b) return [];
    let segs = this.core(a, b);
    // A sentence's first word is capitalised anyway: keep it only inside a name it helped to type.
    if (ch.weakStart && a === ch.first && b - a > 1 && !segs.some((s) => s.first === a && s.type && s.strong)) segs = this.core(a + 1, b);
    return this.after(segs, b);
  }

  /** Lower-case words after the name: "Hmeimim air base", "Kornet missiles", "Syrian army". */
  private after(segs: Seg[], b: number): Seg[] {
    const last = segs[segs.length - 1];
    if (!last || last.last !== b) return segs;
    const toks = this.doc.tokens;
    const sent = toks[b - 1].sent;
    for (let m = Math.min(this.lex.cueMaxTokens, toks.length - b); m >= 1; m--) {
      if (toks[b + m - 1].sent !== sent || isUpperStart(toks[b])) continue;
      const key = this.lower(b, b + m);
      const state = this.lex.cues.state.get(key);
      // The cue must head its phrase: "the Syrian army said", not "Iranian military advisers".
      const head = toks[b + m - 1];
      const next = toks[b + m];
      const heads = (head.pos === 'NOUN' || head.pos === 'PROPN') && !(next && next.sent === sent && (next.pos === 'NOUN' || next.pos === 'PROPN'));
      if (state && heads && (last.type === 'NORP' || (last.type === 'GPE' && last.known?.id.startsWith('gpe:'))) && last.country) {
        const known = this.knownAt(last.first, b + m);
        return [...segs.slice(0, -1), known ? this.knownSeg(last.first, b + m, known) : { first: last.first, last: b + m, type: 'ORG', country: last.country, strong: true }];
      }
      const cue = this.lex.cues.after.get(key);
      if (!cue) continue;
      if (cue === 'FAC' && (last.type === null || ((last.type === 'GPE' || last.type === 'LOC') && !last.known))) {
        last.last = b + m;
        last.type = 'FAC';
        last.strong = true;
      } else if (last.type === null && cue !== 'SKIP') {
        if (cue === 'PERSON' && !this.nameLike(last.first, last.last)) break;
        last.type = cue;
        last.strong = cue !== 'PERSON';
      }
      break;
    }
    return segs;
  }

  private core(a: number, b: number): Seg[] {
    if (a >= b) return [];
    const lex = this.lex;
    const toks = this.doc.tokens;
    const n = b - a;

    const known = this.knownAt(a, b);
    if (known) return [this.knownSeg(a, b, known)];
    const nat = lex.nationalities.get(this.lower(a, b));
    if (nat) return [{ first: a, last: b, type: 'NORP', country: nat.country, strong: true, group: nat.key }];

    const titled = this.titleSplit(a, b);
    if (titled) return titled;

    const cue = this.cueType(a, b);
    if (cue === 'SKIP') return [];
    if (cue) return [this.cueSeg(a, b, cue)];
    // A lone capitalised cue or title ("Army", "Ministry", "President") is a common noun.
    if (n === 1 && (lex.titles.has(toks[a].lower) || lex.cues.head.has(toks[a].lower))) return [];

    const role = better(roleBefore(this.doc, lex, a), roleAfter(this.doc, lex, b));
    if (role && this.nameLike(a, b)) return [{ first: a, last: b, type: 'PERSON', country: role.country, strong: true, role }];

    if (n > 1) {
      const place = this.place(a, b);
      if (place && place.population >= 20000) return [this.placeSeg(a, b, place)];
      const start = this.startCue(a, b);
      if (start) return [this.cueSeg(a, b, start)];
      if (this.nameLike(a, b) && (lex.givenNames.has(toks[a].lower) || this.hasParticle(a, b))) {
        return [{ first: a, last: b, type: 'PERSON', country: null, strong: true }];
      }
      if (place) return [this.placeSeg(a, b, place)];
      // "Israeli Prime Minister …", "Russian Su-24": a leading nationality or state stands apart.
      for (let m = Math.min(2, n - 1); m >= 1; m--) {
        const k = this.knownAt(a, a + m);
        const lead = lex.nationalities.get(this.lower(a, a + m));
        if (lead) return [{ first: a, last: a + m, type: 'NORP', country: lead.country, strong: true, group: lead.key }, ...this.core(a + m, b)];
        if (k?.type === 'GPE') return [this.knownSeg(a, a + m, k), ...this.core(a + m, b)];
      }
    }
    for (let k = a; k < b; k++) {
      if (DESIGNATION.test(toks[k].text) || /^\d/.test(toks[k].text)) {
        return [{ first: a, last: b, type: 'EQUIPMENT', country: null, strong: true }];
      }
    }
    if (n > 1) {
      const split = this.knownInside(a, b);
      if (split) return split;
    }
    if (n === 1) {
      const t = toks[a];
      const place = this.place(a, b);
      const locative = a > 0 && lex.cues.before.has(toks[a - 1].lower);
      if (place && (place.strong || locative)) return [this.placeSeg(a, b, place)];
      if (lex.givenNames.has(t.lower)) return [{ first: a, last: b, type: 'PERSON', country: null, strong: false }];
      if (locative && t.pos === 'PROPN' && !isAllCaps(t.text)) return [{ first: a, last: b, type: 'GPE', country: null, strong: false }];
      if (isAllCaps(t.text) && t.text.length <= 6 && /^[A-Z]+$/.test(t.text)) return [{ first: a, last: b, type: 'ORG', country: null, strong: false }];
    }
    return [{ first: a, last: b, type: null, country: null, strong: false }];
  }

  /** Words that could be a person's name: capitalised words and name particles, no digits. */
  private nameLike(a: number, b: number): boolean {
    const toks = this.doc.tokens;
    if (b - a > 5) return false;
    for (let k = a; k < b; k++) {
      const t = toks[k];
      if (/\d/.test(t.text)) return false;
      if (!isUpperStart(t) && t.text !== '-' && t.text !== "'" && !PARTICLES.has(t.lower)) return false;
    }
    return true;
  }

  private hasParticle(a: number, b: number): boolean {
    const toks = this.doc.tokens;
    for (let k = a + 1; k < b - 1; k++) if (PARTICLES.has(toks[k].lower)) return true;
    return false;
  }

  knownAt(a: number, b: number): Known | undefined {
    const text = this.text(a, b);
    const key = nameKey(text);
    const k = this.lex.acronyms.get(text) ?? this.lex.known.get(key);
    if (!k) return undefined;
    if (k.type === 'EQUIPMENT' && this.lex.contextual.has(key) && !equipmentNear(this.doc, this.lex, b - 1, 4)) return undefined;
    return k;
  }

  knownSeg(a: number, b: number, k: Known): Seg {
    let country = k.country;
    // A state body without a state of its own takes the possessor: "Iran's Defense Ministry".
    if (!country && k.type === 'ORG') country = possessiveBefore(this.doc, this.lex, a);
    return { first: a, last: b, type: k.type, country, strong: true, known: k };
  }

  /** A title inside the name splits it: "[Israeli] [Prime Minister] [Benjamin Netanyahu]". */
  private titleSplit(a: number, b: number): Seg[] | null {
    const toks = this.doc.tokens;
    const lex = this.lex;
    for (let i = a; i < b; i++) {
      let j = this.titleEnd(i, b);
      if (j < 0) continue;
      let kind = lex.titles.get(this.lower(i, j));
      for (let next = this.titleEnd(j, b); next > 0; next = this.titleEnd(j, b)) {
        kind = lex.titles.get(this.lower(j, next));
        j = next;
      }
      const prefix = i > a ? this.core(a, i) : [];
      if (prefix.some((s) => s.type === null)) continue;
      if (j >= b) return prefix;
      let nameStart = j;
      if (toks[j].lower === 'of' || toks[j].lower === 'for') {
        // "Minister of Foreign Affairs Hossein Amir-Abdollahian": the name starts at a given name.
        nameStart = -1;
        for (let k = j + 1; k < b; k++) if (lex.givenNames.has(toks[k].lower)) { nameStart = k; break; }
        if (nameStart < 0 && b - j - 1 >= 3) nameStart = b - 2;
        if (nameStart < 0) return prefix;
      }
      if (this.cueType(nameStart, b) || this.knownAt(nameStart, b) || !this.nameLike(nameStart, b)) continue;
      const country = prefix.find((s) => s.country)?.country ?? possessiveBefore(this.doc, lex, a);
      const role: Role | null = kind === 'honorific' ? null : { text: this.text(i, nameStart), country, rank: 1 };
      const context = better(roleBefore(this.doc, lex, a), roleAfter(this.doc, lex, b));
      const best = better(role, context);
      return [...prefix, { first: nameStart, last: b, type: 'PERSON', country: best?.country ?? country, strong: true, role: best }];
    }
    return null;
  }

  /** End of the longest title starting at token i (within [i, b)), or -1. */
  private titleEnd(i: number, b: number): number {
    for (let m = Math.min(this.lex.titleMaxTokens, b - i); m >= 1; m--) {
      if (this.lex.titles.has(this.lower(i, i + m))) return i + m;
    }
    return -1;
  }

  private cueType(a: number, b: number): CueType | null {
    const n = b - a;
    if (n < 2) return null;
    for (let m = Math.min(this.lex.cueMaxTokens, n - 1); m >= 1; m--) {
      const t = this.lex.cues.head.get(this.lower(b - m, b));
      if (t) return t;
    }
    const toks = this.doc.tokens;
    let of = false;
    for (let k = a + 1; k < b - 1 && !of; k++) of = toks[k].lower === 'of' || toks[k].lower === 'for';
    if (of) {
      for (let m = 1; m <= 3 && a + m < b; m++) {
        const t = this.lex.cues.of.get(this.lower(a, a + m));
        if (t) return t;
      }
    }
    return null;
  }

  private startCue(a: number, b: number): CueType | null {
    return this.lex.cues.start.get(this.doc.tokens[a].lower) ?? null;
  }

  private cueSeg(a: number, b: number, type: CueType): Seg {
    const lex = this.lex;
    let country = stateOf(this.doc, lex, a, a + 1) ?? (b - a > 2 ? stateOf(this.doc, lex, a, a + 2) : null);
    if (!country && type !== 'ORG') {
      const p = this.place(a, a + 1);
      if (p?.strong) country = p.country;
    }
    country ??= possessiveBefore(this.doc, lex, a);
    return { first: a, last: b, type: type as EntityType, country, strong: true };
  }

  /** "Daesh Takfiri": a known name or nationality inside an unknown run splits it. */
  private knownInside(a: number, b: number): Seg[] | null {
    const lex = this.lex;
    for (let m = Math.min(b - a - 1, 5); m >= 1; m--) {
      for (let x = a; x + m <= b; x++) {
        const k = this.knownAt(x, x + m);
        const nat = k ? undefined : lex.nationalities.get(this.lower(x, x + m));
        if (!k && !nat) continue;
        const seg: Seg = k ? this.knownSeg(x, x + m, k) : { first: x, last: x + m, type: 'NORP', country: nat!.country, strong: true, group: nat!.key };
        return [...this.core(a, x), seg, ...this.core(x + m, b)];
      }
    }
    return null;
  }

  place(a: number, b: number): Place | null {
    const name = this.text(a, b);
    let p = placeCache.get(name);
    if (p !== undefined) return p;
    const list = candidates(name);
    if (!list.length) p = null;
    else {
      const top = list[0];
      p = {
        type: top.precision === 'region' || top.feature === 'REGION' ? 'LOC' : 'GPE',
        country: top.country ? (this.lex.alpha3.get(top.country) ?? null) : null,
        strong: STRONG_FEATURE.test(top.feature) || top.population >= 15000,
        population: top.population,
      };
    }
    if (placeCache.size > 100_000) placeCache.clear();
    placeCache.set(name, p);
    return p;
  }

  private placeSeg(a: number, b: number, p: Place): Seg {
    return { first: a, last: b, type: p.type, country: p.country, strong: p.strong };
  }
}
