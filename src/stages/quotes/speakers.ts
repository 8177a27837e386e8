// Reading speaker phrases: the subject of a speech verb, and who a phrase refers to.
//
// A phrase names a speaker in one of four ways: an entity ("Hamzeh Qalandari", "the Syrian army"),
// a definite description of someone already in the text ("the deputy defense minister" → the
// person whose role that is), a pronoun ("he" → the last person speaking or acting), or an
// unnamed source ("a military source"), which is reported as the phrase itself.
import type { Doc, EntityAnn, Speaker, Token } from '../../doc.js';
import type { Lexicon, ReferenceClass } from './lexicon.js';

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

/** Someone who spoke or acted earlier, for resolving pronouns and descriptions. */
interface Referent {
  /** token index where the referent was last seen */
  at: number;
  speaker: Speaker;
  kind: 'person' | 'group' | 'unknown';
  /** lower-case words of the name or role it is matched by, computed on first use */
  words?: Set<string>;
}

export class Speakers {
  /** token index → entity covering it */
  private tokenEntity: (EntityAnn | undefined)[];
  /** subject-like entity mentions and earlier speakers, in text order */
  private referents: Referent[] = [];
  private firstToken: number;

  constructor(
    private doc: Doc,
    private lex: Lexicon,
    /** token index → 1 + index of the quotation covering it, or 0 */
    private inQuote: Int32Array,
  ) {
    const toks = doc.tokens;
    this.tokenEntity = new Array(toks.length);
    // where mentions overlap ("Iran" inside "Iran’s Defense Ministry"), the longest one owns the token
    const span = new Int32Array(toks.length);
    const mentions: { at: number; e: EntityAnn }[] = [];
    for (const e of doc.entities) {
      for (const m of e.mentions) {
        const len = m.last - m.first;
        for (let i = m.first; i < m.last && i < toks.length; i++) {
          if (span[i] >= len) continue;
          span[i] = len;
          this.tokenEntity[i] = e;
        }
        if (this.isSubjectLike(m.first, m.last)) mentions.push({ at: m.last - 1, e });
      }
    }
    mentions.sort((a, b) => a.at - b.at);
    for (const { at, e } of mentions) this.referents.push({ at, speaker: this.fromEntity(e, null), kind: kindOf(e) });
    this.firstToken = doc.dateline ? doc.tokenAt(doc.dateline.span.end) : 0;
  }

  /** Remember a resolved speaker so later pronouns and descriptions can find it. */
  remember(at: number, speaker: Speaker) {
    const e = this.doc.entity(speaker.entity);
    const r: Referent = { at, speaker, kind: e ? kindOf(e) : 'unknown' };
    let k = this.referents.length;
    while (k > 0 && this.referents[k - 1].at > at) k--;
    this.referents.splice(k, 0, r);
  }

  /**
   * The speaker of the speech verb at token v, read from the words before it:
   * "X said", "X, the minister, said", "he has said", "…, stating that" (the clause's subject).
   */
  subjectOf(v: number, lo: number, depth = 0): Speaker | null {
    const toks = this.doc.tokens;
    lo = Math.max(lo, this.firstToken, this.doc.sentences[toks[v].sent].first);
    let j = v - 1;
    // "X was quoted as saying": the subject is the one quoted
    if (j - 1 >= lo && toks[j].lower === 'as' && /^(quoted|cited)$/.test(toks[j - 1].lower)) j -= 2;
    while (j >= lo && !this.inQuote[j] && (toks[j].pos === 'AUX' || toks[j].pos === 'ADV' || toks[j].lower === 'not')) j--;
    if (j < lo || this.inQuote[j]) return null;
    const t = toks[j];
    // "X called for calm and warned of …": a coordinated verb shares the first verb's subject
    const coordinated = t.pos === 'CCONJ';
    if (t.text === ',' || coordinated) {
      // "…, stating that": a participle shares the subject of the clause it hangs from
      if (coordinated || toks[v].lower.endsWith('ing')) {
        if (depth > 1) return null;
        for (let k = j - 1; k >= lo; k--) {
          if (this.inQuote[k]) continue;
          const p = toks[k];
          if ((p.pos === 'VERB' || p.pos === 'AUX') && !p.lower.endsWith('ing')) return this.subjectOf(k, lo, depth + 1);
        }
        return null;
      }
      return this.apposition(j, lo);
    }
    if (t.pos === 'PRON') return this.pronoun(t);
    const a = this.phraseStart(j, lo);
    return a < 0 ? null : this.resolve(a, j + 1, null);
  }

  /** "said X", "according to X": the speaker phrase starting at token k. */
  subjectAfter(k: number): Speaker | null {
    const toks = this.doc.tokens;
    if (k >= toks.length || this.inQuote[k]) return null;
    if (toks[k].pos === 'PRON') return this.pronoun(toks[k]);
    const b = this.phraseEnd(k);
    if (b <= k) return null;
    let role: string | null = null;
    // "said Hamzeh Qalandari, the deputy minister," — the apposition gives the role
    if (b < toks.length && toks[b].text === ',' && toks[b].sent === toks[k].sent) {
      const c = this.phraseEnd(b + 1);
      if (c > b + 1) role = this.roleText(b + 1, c);
    }
    return this.resolve(k, b, role);
  }

  /** "X, <apposition>, said": one side names the speaker, the other gives the role. */
  private apposition(comma: number, lo: number): Speaker | null {
    const toks = this.doc.tokens;
    let open = -1;
    for (let k = comma - 1; k >= lo && k >= comma - 25; k--) {
      if (this.inQuote[k]) break;
      if (toks[k].text === ',') {
        open = k;
        break;
      }
    }
    const inner0 = open + 1;
    if (open < 0 || inner0 >= comma) {
      const a = this.phraseStart(comma - 1, lo);
      return a < 0 ? null : this.resolve(a, comma, null);
    }
    const a = this.phraseStart(open - 1, lo);
    const outer = a >= 0 ? ([a, open] as const) : null;
    const innerStart = this.phraseStart(comma - 1, inner0);
    const inner = innerStart === inner0 ? ([inner0, comma] as const) : null;
    if (outer && this.isNamed(outer[0], outer[1])) return this.resolve(outer[0], outer[1], inner ? this.roleText(...inner) : null);
    if (inner && this.isNamed(inner[0], inner[1])) return this.resolve(inner[0], inner[1], outer ? this.roleText(...outer) : null);
    return outer ? this.resolve(outer[0], outer[1], null) : null;
  }

  /** The phrase [a, b) names someone: an entity or a proper name heads it. */
  private isNamed(a: number, b: number): boolean {
    const h = this.head(a, b);
    return !!this.tokenEntity[h] || this.doc.tokens[h].pos === 'PROPN';
  }

  /** Who the phrase [a, b) refers to. `role` is a description found beside it. */
  resolve(a: number, b: number, role: string | null): Speaker | null {
    const toks = this.doc.tokens;
    if (b === a + 1 && toks[a].pos === 'PRON') return this.pronoun(toks[a]);
    const h = this.head(a, b);
    const e = this.tokenEntity[h];
    if (e && e.type !== 'EQUIPMENT') return this.fromEntity(e, role, a, b);
    const first = toks[a];
    const indefinite = this.lex.reference.get(first.lower) === 'indefinite' || first.pos === 'NUM';
    if (!indefinite) {
      // "General Qalandari" → the person already named Qalandari
      if (toks[h].pos === 'PROPN') {
        const r = this.byName(toks[h].lower, a);
        if (r) return r;
      } else {
        const r = this.byDescription(a, b);
        if (r) return r;
      }
    }
    return {
      name: this.phraseName(a, b),
      entity: null,
      role: toks[h].pos === 'PROPN' ? role : null,
      affiliation: this.affiliationIn(a, b),
    };
  }

  private fromEntity(e: EntityAnn, role: string | null, a = -1, b = -1): Speaker {
    return {
      name: e.name,
      entity: e.id,
      role: e.role ?? role,
      affiliation: e.country ?? (a >= 0 ? this.affiliationIn(a, b, e) : null) ?? (e.type === 'ORG' ? e.name : null),
    };
  }

  /** The state or organisation named inside a phrase: "an Iranian official", "a spokesman for Hezbollah". */
  private affiliationIn(a: number, b: number, except?: EntityAnn): string | null {
    let country: string | null = null;
    for (let i = a; i < b; i++) {
      const e = this.tokenEntity[i];
      if (!e || e === except) continue;
      if (e.type === 'ORG') return e.country ?? e.name;
      if ((e.type === 'GPE' || e.type === 'NORP') && e.country) country ??= e.country;
    }
    return country;
  }

  private pronoun(t: Token): Speaker | null {
    const cls = this.lex.reference.get(t.lower);
    if (!cls || cls === 'indefinite') return null;
    // "it was announced": an expletive subject of a passive names nobody
    if (t.lower === 'it' && this.doc.tokens[t.i + 1]?.lemma === 'be') return null;
    for (let k = this.referents.length - 1; k >= 0; k--) {
      const r = this.referents[k];
      if (r.at >= t.i) continue;
      if (fits(cls, r.kind)) return r.speaker;
    }
    return null;
  }

  /** An earlier speaker or person whose name ends with this word. */
  private byName(word: string, before: number): Speaker | null {
    for (let k = this.referents.length - 1; k >= 0; k--) {
      const r = this.referents[k];
      if (r.at >= before || r.kind === 'group') continue;
      const name = r.speaker.name;
      const space = name.lastIndexOf(' ');
      if (space > 0 && name.length - space - 1 === word.length && name.slice(space + 1).toLowerCase() === word) return r.speaker;
    }
    return null;
  }

  /**
   * "the deputy defense minister" → the last person whose role has all these words;
   * "the ministry" → the last organisation whose name has them.
   */
  private byDescription(a: number, b: number): Speaker | null {
    const toks = this.doc.tokens;
    const words: string[] = [];
    for (let i = a; i < b; i++) {
      const t = toks[i];
      if (t.pos === 'DET' || t.pos === 'PART' || t.pos === 'PUNCT' || POSSESSIVE.has(t.lower)) continue;
      if (this.tokenEntity[i]) continue; // "Iran’s" in "Iran’s deputy defense minister"
      words.push(t.lower);
    }
    if (!words.length) return null;
    for (let k = this.referents.length - 1; k >= 0; k--) {
      const r = this.referents[k];
      if (r.at >= a) continue;
      if (!r.words) {
        // an organisation by its name, a person by their role, an unnamed source by its phrase
        const sp = r.speaker;
        const hay = r.kind === 'group' ? sp.name : sp.entity ? sp.role : (sp.role ?? sp.name);
        r.words = new Set(hay ? hay.toLowerCase().split(/[^\p{L}\p{N}]+/u) : []);
      }
      const have = r.words;
      if (words.every((w) => have.has(w))) return r.speaker;
    }
    return null;
  }

  /** The head word of a phrase: before its first linking preposition ("spokesman" in "a spokesman for X"). */
  private head(a: number, b: number): number {
    const toks = this.doc.tokens;
    for (let i = a + 1; i < b; i++) if (toks[i].pos === 'ADP' && this.lex.links.has(toks[i].lower)) return i - 1;
    return b - 1;
  }

  /** Walk left from j over a noun phrase; returns its first token, or -1 when j ends none. */
  phraseStart(j: number, lo: number): number {
    const toks = this.doc.tokens;
    if (j < lo || this.inQuote[j]) return -1;
    if (!NOMINAL.has(toks[j].pos) && !(toks[j].pos === 'PRON' && this.lex.reference.has(toks[j].lower))) return -1;
    let a = j;
    while (a - 1 >= lo && !this.inQuote[a - 1]) {
      const p = toks[a - 1];
      if (NOMINAL.has(p.pos) || (p.pos === 'PART' && POSSESSIVE.has(p.lower))) a--;
      else if (p.pos === 'DET') {
        a--;
        // "the head of the army": a linking preposition before the article continues the phrase
        if (a - 2 >= lo && this.isLink(a - 1) && NOMINAL.has(toks[a - 2].pos)) a -= 1;
        else break;
      } else if (this.isLink(a - 1) && a - 2 >= lo && NOMINAL.has(toks[a - 2].pos)) a--;
      else if (p.pos === 'CCONJ' && toks[a].pos === 'PROPN' && a - 2 >= lo && toks[a - 2].pos === 'PROPN') a--;
      else if (p.text === '-' && this.glued(a - 1)) a--;
      else break;
    }
    return a;
  }

  /** Walk right from k over a noun phrase; returns the end (exclusive), k when none starts there. */
  phraseEnd(k: number): number {
    const toks = this.doc.tokens;
    const sent = toks[k]?.sent;
    let b = k;
    if (b < toks.length && toks[b].pos === 'DET') b++;
    while (b < toks.length && toks[b].sent === sent && !this.inQuote[b]) {
      const t = toks[b];
      if (NOMINAL.has(t.pos) || (t.pos === 'PART' && POSSESSIVE.has(t.lower))) b++;
      else if (b > k && this.isLink(b) && b + 1 < toks.length && (NOMINAL.has(toks[b + 1].pos) || toks[b + 1].pos === 'DET')) b++;
      else if (b > k && t.pos === 'DET' && this.isLink(b - 1)) b++;
      else if (t.text === '-' && this.glued(b)) b++;
      else break;
    }
    // a phrase ends on a noun, not on a dangling preposition or article
    while (b > k && (toks[b - 1].pos === 'ADP' || toks[b - 1].pos === 'DET')) b--;
    return b;
  }

  private isLink(i: number): boolean {
    const t = this.doc.tokens[i];
    return t.pos === 'ADP' && this.lex.links.has(t.lower) && !this.inQuote[i];
  }

  private glued(i: number): boolean {
    const toks = this.doc.tokens;
    return i > 0 && i + 1 < toks.length && toks[i - 1].end === toks[i].start && toks[i].end === toks[i + 1].start;
  }

  /** A mention is subject-like when it is not the object of a preposition or verb, nor a possessor. */
  private isSubjectLike(first: number, last: number): boolean {
    const toks = this.doc.tokens;
    const prev = toks[first - 1];
    const next = toks[last];
    if (this.inQuote[first]) return false;
    if (prev && (prev.pos === 'ADP' || prev.pos === 'VERB')) return false;
    return !(next && POSSESSIVE.has(next.lower));
  }

  private phraseName(a: number, b: number): string {
    const toks = this.doc.tokens;
    const text = this.doc.text.slice(toks[a].start, toks[b - 1].end);
    // "An anonymous military source said" → "an anonymous military source"
    return toks[a].pos === 'DET' ? text[0].toLowerCase() + text.slice(1) : text;
  }

  /** A role phrase without its article or possessor: "Iran’s deputy defense minister" → "deputy defense minister". */
  private roleText(a: number, b: number): string {
    const toks = this.doc.tokens;
    let s = a;
    for (let i = a; i < Math.min(b - 1, a + 4); i++) if (POSSESSIVE.has(toks[i].lower)) s = i + 1;
    if (s === a && toks[a].pos === 'DET') s++;
    return this.doc.text.slice(toks[s].start, toks[b - 1].end);
  }
}

function kindOf(e: EntityAnn): Referent['kind'] {
  return e.type === 'PERSON' ? 'person' : 'group';
}

function fits(cls: ReferenceClass, kind: Referent['kind']): boolean {
  if (cls === 'any') return true;
  if (kind === 'unknown') return true;
  return cls === kind;
}
