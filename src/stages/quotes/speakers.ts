// Reading speaker phrases: the subject of a speech verb, and who a phrase refers to.
//
// A phrase names a speaker in one of five ways: an entity ("Hamzeh Qalandari", "the Syrian army"),
// a definite description of someone already in the text ("the deputy defense minister" → the
// person whose role that is), a pronoun ("he" → the last person speaking or acting), a document
// ("the statement said" → whoever last spoke), or an unnamed source ("a military source"), which
// is reported as the phrase itself.
import type { Doc, EntityAnn, Speaker, Token } from '../../doc.js';
import type { Lexicon, ReferenceClass, SpeechForm } from './lexicon.js';

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
/** "X was quoted as saying", "SANA quoted a military source as saying" */
const QUOTING = /^(quoted|cited|quoting|citing)$/;
/** the last word of a subject, and the first of a clause, around a speech verb the tagger read as a noun */
const SUBJECT_END = new Set(['NOUN', 'PROPN', 'PRON']);
const CLAUSE_START = new Set(['PRON', 'SCONJ', 'DET', 'PUNCT']);
/** entity types that can speak or act as a subject */
const SPEAKING = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
/** how many sentences back a pronoun or a document looks for the last one who spoke */
const LOOKBACK = 3;
const ALPHA3 = /^[A-Z]{3}$/;
const RELATIVE = new Set(['who', 'which', 'that']);

/** Someone who spoke or acted earlier, for resolving pronouns and descriptions. */
interface Referent {
  /** token index where the referent was last seen */
  at: number;
  speaker: Speaker;
  kind: 'person' | 'group' | 'unknown';
}

type Range = readonly [number, number];

export class Speakers {
  /** token index → entity covering it */
  private tokenEntity: (EntityAnn | undefined)[];
  /** tokens inside a time expression ("on Thursday"), which never name a speaker */
  private timeTok: Uint8Array;
  /** speakers found so far, in text order */
  private said: Referent[] = [];
  /** subject-like entity mentions in text order; built on first need (most quotes name their speaker) */
  private mentioned: Referent[] | null = null;
  private firstToken: number;
  /** lower-case words of the name or role a speaker is matched by, computed on first use */
  private words = new Map<Speaker, Set<string>>();
  /** set while looking back for an earlier speaker, so that search does not recurse */
  private lookingBack = false;

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
    for (const e of doc.entities) {
      for (const m of e.mentions) {
        const len = m.last - m.first;
        for (let i = m.first; i < m.last && i < toks.length; i++) {
          if (span[i] >= len) continue;
          span[i] = len;
          this.tokenEntity[i] = e;
        }
      }
    }
    this.timeTok = new Uint8Array(toks.length);
    for (const t of doc.times) for (let i = t.mention.first; i < t.mention.last && i < toks.length; i++) this.timeTok[i] = 1;
    this.firstToken = doc.dateline ? doc.tokenAt(doc.dateline.span.end) : 0;
  }

  /** The speech-verb reading of token i, if it has one. */
  speechAt(i: number): SpeechForm | null {
    const toks = this.doc.tokens;
    const t = toks[i];
    if (!t || this.inQuote[i]) return null;
    const forms = this.lex.speech.get(t.lower);
    if (!forms) return null;
    for (const f of forms) {
      if (f.next) {
        // "called for calm", but not "the call for calm"
        if (toks[i + 1]?.lower === f.next && toks[i - 1]?.pos !== 'DET') return f;
      } else if (t.pos === 'VERB' || t.pos === 'AUX') return f;
      // a past tense the tagger took for a noun or adjective ("noted", "stressed"), but not "the said"
      else if (!f.nounLike && toks[i - 1]?.pos !== 'DET') return f;
      // "the ministry claims it …": a present tense taken for a plural noun, told apart by a
      // subject before it and a clause after it ("the claims that …" has no subject)
      else if (t.lower.endsWith('s') && SUBJECT_END.has(toks[i - 1]?.pos) && CLAUSE_START.has(toks[i + 1]?.pos ?? '')) return f;
    }
    return null;
  }

  /** The entity covering token i, if any. */
  entityOn(i: number): EntityAnn | undefined {
    return this.tokenEntity[i];
  }

  /** Remember a resolved speaker so later pronouns and descriptions can find it. */
  remember(at: number, speaker: Speaker) {
    const e = this.doc.entity(speaker.entity);
    const r: Referent = { at, speaker, kind: e ? kindOf(e) : 'unknown' };
    let k = this.said.length;
    while (k > 0 && this.said[k - 1].at > at) k--;
    this.said.splice(k, 0, r);
  }

  /**
   * The speaker of the speech verb at token v, read from the words before it:
   * "X said", "X, the minister, said", "he has said", "…, stating that" (the clause's subject).
   */
  subjectOf(v: number, lo: number, depth = 0): Speaker | null {
    const toks = this.doc.tokens;
    lo = Math.max(lo, this.firstToken, this.doc.sentences[toks[v].sent].first);
    let j = v - 1;
    if (j - 1 >= lo && toks[j].lower === 'as') {
      // "X was quoted as saying": the subject is the one quoted
      if (QUOTING.test(toks[j - 1].lower)) j -= 2;
      else {
        // "SANA quoted a military source as saying": the object is
        const a = this.phraseStart(j - 1, lo);
        if (a > lo && QUOTING.test(toks[a - 1].lower)) return this.resolve(a, j, null);
      }
    }
    j = this.skipBack(j, lo);
    if (j < lo || this.inQuote[j]) return null;
    const t = toks[j];
    // "X called for calm and warned of …": a coordinated verb shares the first verb's subject;
    // "…, stating that": so does a participle hanging from a clause
    if (t.pos === 'CCONJ' || (t.text === ',' && toks[v].lower.endsWith('ing'))) return this.clauseSubject(j, lo, depth);
    if (t.text === ',') return this.apposition(j, lo);
    // "placards that read …", "the group, which said …": the relative pronoun stands for the phrase before it
    if (RELATIVE.has(t.lower)) {
      let k = j - 1;
      if (k >= lo && toks[k].text === ',') k--;
      const a = this.phraseStart(k, lo);
      return a < 0 ? null : this.resolve(a, k + 1, null);
    }
    if (t.pos === 'PRON') return this.pronoun(t);
    const a = this.phraseStart(j, lo);
    return a < 0 ? null : this.resolve(a, j + 1, null);
  }

  /** "said X", "“…,” X, the minister, said", "according to X": the speaker phrase starting at token k. */
  subjectAfter(k: number, limit = this.doc.tokens.length): Speaker | null {
    const toks = this.doc.tokens;
    if (k >= limit || this.inQuote[k]) return null;
    if (toks[k].pos === 'PRON') return this.pronoun(toks[k]);
    const b = this.phraseEnd(k, limit);
    if (b <= k) return null;
    let other: Range | null = null;
    if (b < limit && toks[b].text === ',' && toks[b].sent === toks[k].sent) {
      const c = this.phraseEnd(b + 1, limit);
      if (c > b + 1) other = [b + 1, c];
    }
    return this.pick([k, b], other);
  }

  /** "SANA quoted a military source as saying": the one quoted, when the verb at m is "quoted". */
  quotedAs(m: number): Speaker | null {
    const toks = this.doc.tokens;
    if (!QUOTING.test(toks[m].lower)) return null;
    const b = this.phraseEnd(m + 1);
    if (b <= m + 1 || toks[b]?.lower !== 'as' || !this.speechAt(b + 1)) return null;
    return this.resolve(m + 1, b, null);
  }

  /** Step left over what stands between a verb and its subject: auxiliaries, adverbs, times, "(SAF)". */
  private skipBack(j: number, lo: number): number {
    const toks = this.doc.tokens;
    while (j >= lo && !this.inQuote[j]) {
      const t = toks[j];
      if (t.pos === 'AUX' || t.pos === 'ADV' || t.lower === 'not') j--;
      else if (this.timeTok[j]) {
        while (j >= lo && this.timeTok[j]) j--;
        if (j >= lo && toks[j].pos === 'ADP') j--;
      } else if (t.text === ')') {
        let k = j - 1;
        while (k >= lo && k > j - 10 && toks[k].text !== '(') k--;
        if (k < lo || toks[k].text !== '(') break;
        j = k - 1;
      } else break;
    }
    return j;
  }

  /** Step right over auxiliaries and adverbs ("the statement has also said"). */
  private skipForward(k: number): number {
    const toks = this.doc.tokens;
    while (k < toks.length && (toks[k].pos === 'AUX' || toks[k].pos === 'ADV')) k++;
    return k;
  }

  /** The subject of the clause a participle or a coordinated verb at j hangs from. */
  private clauseSubject(j: number, lo: number, depth: number): Speaker | null {
    if (depth > 1) return null;
    const toks = this.doc.tokens;
    // another speech verb is the likeliest head ("She said …, and accused …")
    for (let k = j - 1; k >= lo; k--) if (this.speechAt(k)) return this.subjectOf(k, lo, depth + 1);
    let tries = 0;
    for (let k = j - 1; k >= lo && tries < 3; k--) {
      if (this.inQuote[k]) continue;
      const p = toks[k];
      if ((p.pos === 'VERB' || p.pos === 'AUX') && !p.lower.endsWith('ing')) {
        tries++;
        const s = this.subjectOf(k, lo, depth + 1);
        if (s) return s;
      }
    }
    return null;
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
    if (open < 0 || open + 1 >= comma) {
      const a = this.phraseStart(comma - 1, lo);
      return a < 0 ? null : this.resolve(a, comma, null);
    }
    const a = this.phraseStart(open - 1, lo);
    // "…, known as Islamic State Khorasan (ISKP), claimed": the name after the cue, without its acronym
    const start = open + 1 + this.cueLength(open + 1, comma);
    const end = this.skipBack(comma - 1, start) + 1;
    const inner = end > start && this.phraseStart(end - 1, start) === start ? ([start, end] as const) : null;
    return this.pick(a >= 0 ? [a, open] : null, inner);
  }

  /** How many words of a naming cue ("known as", "called") open the stretch [a, b). */
  private cueLength(a: number, b: number): number {
    return this.lex.naming.at(this.doc.tokens, a, b)?.used ?? 0;
  }

  /** Of a phrase and its apposition, the one that names the speaker; the other gives the role. */
  private pick(first: Range | null, second: Range | null): Speaker | null {
    if (second && this.nameRank(second) > (first ? this.nameRank(first) : 0))
      return this.resolve(second[0], second[1], first ? this.roleText(first) : null);
    if (!first) return null;
    return this.resolve(first[0], first[1], second ? this.roleText(second) : null);
  }

  /** 3: an entity heads it; 2: a proper name does ("Ali Bahadori", not "The Commissioner"); 1: a description. */
  private nameRank([a, b]: Range): number {
    const h = this.head(a, b);
    const e = this.tokenEntity[h];
    if (e && e.type !== 'EQUIPMENT') return 3;
    return this.doc.tokens[h].pos === 'PROPN' && this.doc.tokens[a].pos !== 'DET' ? 2 : 1;
  }

  /** Who the phrase [a, b) refers to. `role` is a description found beside it. */
  resolve(a: number, b: number, role: string | null): Speaker | null {
    const toks = this.doc.tokens;
    if (b === a + 1 && toks[a].pos === 'PRON') return this.pronoun(toks[a]);
    const h = this.head(a, b);
    const e = this.tokenEntity[h];
    if (e && e.type !== 'EQUIPMENT') return this.fromEntity(e, role, a, b);
    const cls = this.lex.reference.get(toks[a].lower);
    const indefinite = cls === 'indefinite' || toks[a].pos === 'NUM';
    if (!indefinite) {
      // "the statement said" speaks for whoever issued it
      if (this.lex.reference.get(toks[h].lower) === 'document') {
        const r = this.issuerOf(toks[h].lower, a) ?? this.lastSpeaker(a, 'any');
        if (r) return r;
      } else if (toks[h].pos === 'PROPN') {
        // "General Qalandari" → the person already named Qalandari
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

  /**
   * A person belongs first to an organisation named beside them ("UN Secretary-General Antonio
   * Guterres" → UN, not his nationality), then to their country; an organisation to its country.
   */
  private fromEntity(e: EntityAnn, role: string | null, a = -1, b = -1): Speaker {
    const around = a >= 0 ? this.affiliationIn(a, b, e) : null;
    const org = e.type === 'PERSON' && around && !ALPHA3.test(around) ? around : null;
    return {
      name: e.name,
      entity: e.id,
      role: e.role ?? role,
      affiliation: org ?? e.country ?? around ?? (e.type === 'ORG' ? e.name : null),
    };
  }

  /** The organisation or state named inside a phrase: "a spokesman for Hezbollah", "an Iranian official". */
  private affiliationIn(a: number, b: number, except?: EntityAnn): string | null {
    let country: string | null = null;
    for (let i = a; i < b; i++) {
      const e = this.tokenEntity[i];
      if (!e || e === except) continue;
      if (e.type === 'ORG') return e.name;
      if ((e.type === 'GPE' || e.type === 'NORP') && e.country) country ??= e.country;
    }
    return country;
  }

  private pronoun(t: Token): Speaker | null {
    const cls = this.lex.reference.get(t.lower);
    if (!cls || cls === 'indefinite' || cls === 'document') return null;
    // "it was announced": an expletive subject of a passive names nobody
    if (t.lower === 'it' && this.doc.tokens[t.i + 1]?.lemma === 'be') return null;
    return this.lastSpeaker(t.i, cls);
  }

  /**
   * The last one before token `before` who spoke (with or without quotation marks) or acted as a
   * subject, and fits the pronoun class.
   */
  private lastSpeaker(before: number, cls: ReferenceClass): Speaker | null {
    const best = this.latest(before, (r) => fits(cls, r.kind));
    if (this.lookingBack) return best?.speaker ?? null;
    // "A local official … said residents had seen helicopters. “…,” he said."
    const toks = this.doc.tokens;
    const sent = toks[Math.min(before, toks.length - 1)].sent;
    const stop = Math.max(best ? best.at + 1 : 0, this.doc.sentences[Math.max(0, sent - LOOKBACK)].first);
    this.lookingBack = true;
    try {
      for (let k = before - 1; k >= stop; k--) {
        const f = this.speechAt(k);
        if (!f) continue;
        const s = f.order === 'after' ? this.subjectAfter(k + 2) : this.subjectOf(k, 0);
        if (!s || this.isDocument(s)) continue;
        const e = this.doc.entity(s.entity);
        if (fits(cls, e ? kindOf(e) : 'unknown')) return s;
      }
    } finally {
      this.lookingBack = false;
    }
    return best?.speaker ?? null;
  }

  /**
   * Who issued the document last named by `noun` before token `before`: "The ministry issued a
   * statement", "the IRGC said in a statement", "In a statement, the ministry said".
   */
  private issuerOf(noun: string, before: number): Speaker | null {
    if (this.lookingBack) return null;
    const toks = this.doc.tokens;
    const sents = this.doc.sentences;
    for (let k = before - 1; k >= this.firstToken; k--) {
      if (toks[k].lower !== noun || this.inQuote[k]) continue;
      // an earlier "the statement said" is no help; the sentence that introduced it is
      const next = this.skipForward(k + 1);
      if (this.speechAt(next) && !toks[next].lower.endsWith('ing')) continue;
      const s = sents[toks[k].sent];
      this.lookingBack = true;
      try {
        // the verb the noun hangs from, before it in its sentence, else the speech verb after it
        for (let v = k - 1; v >= s.first; v--) {
          const t = toks[v];
          if (this.inQuote[v] || t.pos !== 'VERB' || t.lower.endsWith('ing')) continue;
          const sp = this.subjectOf(v, s.first);
          if (sp) return sp;
          break;
        }
        for (let v = k + 1; v < s.last && v < before; v++) {
          if (!this.speechAt(v)) continue;
          const sp = this.subjectOf(v, s.first);
          if (sp) return sp;
          break;
        }
      } finally {
        this.lookingBack = false;
      }
      return null;
    }
    return null;
  }

  private isDocument(s: Speaker): boolean {
    if (s.entity) return false;
    const last = s.name.slice(s.name.lastIndexOf(' ') + 1).toLowerCase();
    return this.lex.reference.get(last) === 'document';
  }

  /** The latest earlier speaker or subject-like mention before token `before` that `test` accepts. */
  private latest(before: number, test: (r: Referent) => boolean): Referent | null {
    if (!this.mentioned) {
      const list: Referent[] = [];
      const cache = new Map<EntityAnn, Speaker>();
      for (const e of this.doc.entities) {
        if (!SPEAKING.has(e.type)) continue;
        for (const m of e.mentions) {
          if (!this.isSubjectLike(m.first, m.last)) continue;
          let sp = cache.get(e);
          if (!sp) cache.set(e, (sp = this.fromEntity(e, null)));
          list.push({ at: m.last - 1, speaker: sp, kind: kindOf(e) });
        }
      }
      this.mentioned = list.sort((a, b) => a.at - b.at);
    }
    let i = this.said.length - 1;
    let j = this.mentioned.length - 1;
    while (i >= 0 && this.said[i].at >= before) i--;
    while (j >= 0 && this.mentioned[j].at >= before) j--;
    while (i >= 0 || j >= 0) {
      const r = j < 0 || (i >= 0 && this.said[i].at >= this.mentioned[j].at) ? this.said[i--] : this.mentioned[j--];
      if (test(r)) return r;
    }
    return null;
  }

  /** An earlier speaker or person whose name ends with this word. */
  private byName(word: string, before: number): Speaker | null {
    const r = this.latest(before, (r) => {
      if (r.kind === 'group') return false;
      const name = r.speaker.name;
      const space = name.lastIndexOf(' ');
      return space > 0 && name.length - space - 1 === word.length && name.slice(space + 1).toLowerCase() === word;
    });
    return r?.speaker ?? null;
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
    // "Russia's defence ministry" is not "the German defence ministry"
    const affiliation = this.affiliationIn(a, b);
    const r = this.latest(a, (r) => {
      const theirs = r.speaker.affiliation;
      if (affiliation && theirs && ALPHA3.test(affiliation) && ALPHA3.test(theirs) && theirs !== affiliation) return false;
      let have = this.words.get(r.speaker);
      if (!have) {
        // an organisation by its name, a person by their role, an unnamed source by its phrase
        const sp = r.speaker;
        const hay = r.kind === 'group' ? sp.name : sp.entity ? sp.role : (sp.role ?? sp.name);
        have = new Set(hay ? hay.toLowerCase().split(/[^\p{L}\p{N}]+/u) : []);
        this.words.set(sp, have);
      }
      return words.every((w) => have.has(w));
    });
    return r?.speaker ?? null;
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
  phraseEnd(k: number, limit = this.doc.tokens.length): number {
    const toks = this.doc.tokens;
    const sent = toks[k]?.sent;
    let b = k;
    if (b < limit && toks[b].pos === 'DET') b++;
    while (b < limit && toks[b].sent === sent && !this.inQuote[b]) {
      const t = toks[b];
      if (NOMINAL.has(t.pos) || (t.pos === 'PART' && POSSESSIVE.has(t.lower))) b++;
      else if (b > k && this.isLink(b) && b + 1 < toks.length && (NOMINAL.has(toks[b + 1].pos) || toks[b + 1].pos === 'DET')) b++;
      else if (b > k && t.pos === 'DET' && this.isLink(b - 1)) b++;
      else if (t.pos === 'CCONJ' && b > k && toks[b - 1].pos === 'PROPN' && toks[b + 1]?.pos === 'PROPN') b++;
      else if (t.text === '-' && this.glued(b)) b++;
      else break;
    }
    // a phrase ends on a noun, not on a dangling preposition or article
    while (b > k && (toks[b - 1].pos === 'ADP' || toks[b - 1].pos === 'DET' || toks[b - 1].pos === 'CCONJ')) b--;
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

  /**
   * A mention is subject-like when a verb (or an apposition) follows it and no preposition or verb
   * governs it: "Qalandari said", "The Defense Ministry issued", not "met Qalandari", "the Kakhovka reservoir".
   */
  private isSubjectLike(first: number, last: number): boolean {
    const toks = this.doc.tokens;
    const prev = toks[first - 1];
    const next = toks[last];
    if (this.inQuote[first] || !next) return false;
    if (prev && (prev.pos === 'ADP' || prev.pos === 'VERB')) return false;
    return next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV' || next.text === ',';
  }

  private phraseName(a: number, b: number): string {
    const toks = this.doc.tokens;
    const text = this.doc.text.slice(toks[a].start, toks[b - 1].end);
    // "An anonymous military source said" → "an anonymous military source"
    return toks[a].pos === 'DET' ? text[0].toLowerCase() + text.slice(1) : text;
  }

  /** A role phrase without its article or possessor: "Iran’s deputy defense minister" → "deputy defense minister". */
  private roleText([a, b]: Range): string {
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
  if (cls === 'any' || cls === 'document') return true;
  if (kind === 'unknown') return true;
  return cls === kind;
}
