// Direct quotations and who said them.
//
// Quotation marks are paired first (quotes/marks.ts); then each quotation looks for a speech verb
// (data/quotes/speech-verbs.tsv) that attributes it, in this order:
//   after it    “…,” X said / “…,” said X / “…” he added / “…,” according to X
//   before it   X said, “…” / X said: “…” / X added that “…” / X told Y, “…” / according to X, “…”
//   around it   X said that Syria had been “defenseless” (quoted words inside X's reported speech)
//   at the end  the “obligation” is ours, X said.
// A quotation with none of these is somebody's only when it continues an attributed one (the next
// paragraph re-opening the quote, or a whole sentence in quotes right after one). Quoted names and
// scare quotes have no speech verb of their own, and quoted words right after a naming cue
// (data/quotes/naming-cues.tsv: "called", "so-called", "the book") are never quotations.
import type { Doc, QuoteAnn, Speaker, Stage } from '../../doc.js';
import { findQuotations, type Quoted } from './marks.js';
import { lexicon, type Lexicon } from './lexicon.js';
import { Speakers } from './speakers.js';

interface Piece extends Quoted {
  openTok: number;
  firstTok: number;
  /** exclusive */
  lastTok: number;
  /** first token after the closing mark */
  afterTok: number;
}

interface Attribution {
  /** token index of the speech verb */
  verb: number;
  lemma: string;
  speaker: Speaker | null;
  how: 'after' | 'before' | 'around' | 'end' | 'continued';
}

/** Punctuation that ends the clause an attribution can sit in. */
const CLAUSE_END = new Set(['.', '!', '?', ';', ':']);
const DASHES = new Set([',', '—', '–', '-']);
/** punctuation that closes an utterance inside its quotation marks: “…,” he said */
const CLOSING = /[,!?…—–-]/;
const NOUNISH = new Set(['NOUN', 'PROPN', 'PRON', 'DET', 'ADJ']);
const RELATIVE = new Set(['who', 'which', 'whose']);

export const quotes: Stage = {
  name: 'quotes',
  reads: ['text', 'paragraphs', 'tokens', 'sentences', 'dateline', 'entities', 'times'],
  writes: ['quotes'],
  adds: 'quotations and their speakers',
  run(doc: Doc) {
    doc.quotes = [];
    const found = findQuotations(doc.text, doc.paragraphs);
    if (!found.length || !doc.tokens.length) return;
    const lex = lexicon();
    const toks = doc.tokens;
    const inQuote = new Int32Array(toks.length);
    const pieces: Piece[] = found.map((q, i) => {
      const openTok = doc.tokenAt(q.open);
      const lastTok = doc.tokenAt(q.end - 1) + 1;
      const closeTok = q.close >= 0 ? doc.tokenAt(q.close) : lastTok - 1;
      for (let k = openTok; k <= closeTok && k < toks.length; k++) inQuote[k] ||= i + 1;
      // built field by field: spreading `q` measured several times slower than the whole stage
      const piece: Piece = {
        open: q.open,
        start: q.start,
        end: q.end,
        close: q.close,
        prev: q.prev,
        openTok,
        firstTok: doc.tokenAt(q.start),
        lastTok,
        afterTok: q.close >= 0 ? closeTok + 1 : toks.length,
      };
      return piece;
    });
    const q = new Reader(doc, lex, inQuote);

    const atts: (Attribution | null)[] = pieces.map(() => null);
    const named = pieces.map((p) => q.namingCue(p));
    pieces.forEach((p, i) => {
      if (named[i]) return;
      const a = q.attribute(p);
      if (a?.speaker) q.speakers.remember(a.verb, a.speaker);
      atts[i] = a;
    });

    // A quotation re-opened at the start of the next paragraph keeps its speaker, either way round.
    pieces.forEach((p, i) => {
      if (p.prev >= 0 && !atts[i] && atts[p.prev]) atts[i] = continued(atts[p.prev]!);
    });
    for (let i = pieces.length - 1; i >= 0; i--) {
      const p = pieces[i];
      if (p.prev >= 0 && atts[i] && !atts[p.prev]) atts[p.prev] = continued(atts[i]!);
    }
    // “…,” he said. “Whole sentences that follow in quotes are his too.”
    pieces.forEach((p, i) => {
      if (atts[i] || named[i] || !q.isWholeSentence(p)) return;
      const k = i - 1;
      if (k < 0 || !atts[k]) return;
      const prev = pieces[k];
      const sentGap = toks[p.firstTok].sent - toks[prev.lastTok - 1].sent;
      const paraGap = doc.sentences[toks[p.firstTok].sent].paragraph - doc.sentences[toks[prev.firstTok].sent].paragraph;
      if (sentGap <= 3 && paraGap <= 1) atts[i] = continued(atts[k]!);
    });

    pieces.forEach((p, i) => {
      const a = atts[i];
      if (!a) return;
      doc.quotes.push({
        id: `q${doc.quotes.length + 1}`,
        speaker: a.speaker,
        span: doc.span(p.start, p.end),
        verb: a.lemma,
        sent: toks[p.firstTok].sent,
      } satisfies QuoteAnn);
    });
  },
};

function continued(a: Attribution): Attribution {
  return { verb: a.verb, lemma: a.lemma, speaker: a.speaker, how: 'continued' };
}

class Reader {
  readonly speakers: Speakers;
  constructor(
    private doc: Doc,
    private lex: Lexicon,
    private inQuote: Int32Array,
  ) {
    this.speakers = new Speakers(doc, lex, inQuote);
  }

  attribute(p: Piece): Attribution | null {
    // Prefer the reading that finds a speaker: "“…,” adding that …" has a verb after the quote
    // but its speaker stands before it.
    // "the “Islamic Resistance”, claimed the attack": a bare name before a verb is no utterance
    const bareName = !CLOSING.test(this.doc.text[p.end - 1]) && this.isNameLike(p);
    const after = bareName ? null : this.after(p, p.afterTok, true);
    if (after?.speaker) return after;
    const before = this.before(p);
    if (before?.speaker || (before && before.how === 'before')) return before;
    // with no speaker found, only a quote closed by its own punctuation ("“…,” said on Tuesday")
    // reads as attributed; "the “Axis of Resistance” would respond" does not
    if (after && CLOSING.test(this.doc.text[p.end - 1])) return after;
    if (bareName) return null;
    return this.atEnd(p);
  }

  /**
   * “…,” X said / “…,” said X: a speech verb within a short subject-like stretch from token k.
   * `adjacent` is the reading right after the closing mark, where a full stop inside the quote
   * followed by a capital means a new sentence has begun.
   */
  private after(p: Piece, k: number, adjacent: boolean): Attribution | null {
    const toks = this.doc.tokens;
    while (k < toks.length && !this.inQuote[k] && DASHES.has(toks[k].text)) k++;
    if (k >= toks.length) return null;
    if (adjacent && this.doc.text[p.end - 1] === '.' && /\p{Lu}/u.test(toks[k].text[0])) return null;
    let inApposition = false;
    // "a 34-year-old woman who reached Adré, in Chad, told AFP": a relative clause may hold
    // verbs of its own; the speech verb comes after a comma ends it
    let relative = 0; // 0: none, 1: inside, 2: inside and past a comma
    for (let m = k; m < toks.length && m < k + 15; m++) {
      const t = toks[m];
      if (this.inQuote[m] || CLAUSE_END.has(t.text)) return null;
      const f = inApposition || relative === 1 ? null : this.speakers.speechAt(m);
      if (f) {
        let speaker: Speaker | null;
        if (f.order === 'after') speaker = this.speakers.subjectAfter(m + (f.next ? 2 : 1));
        else if (m === k) {
          // "said X" — but "told X" names the listener, and "“…,” adding that" hangs from the clause before
          if (f.order !== 'either' || t.lower.endsWith('ing')) return null;
          speaker = this.speakers.subjectAfter(m + (f.next ? 2 : 1));
        } else speaker = this.speakers.quotedAs(m) ?? this.speakers.subjectAfter(k, m);
        return { verb: m, lemma: f.lemma, speaker, how: adjacent ? 'after' : 'end' };
      }
      if (relative) {
        if (t.text === ',') relative = 2;
      } else if (t.text === ',') inApposition = !inApposition;
      else if (inApposition) continue;
      else if (RELATIVE.has(t.lower) && m > k) relative = 1;
      // "“…,” he and his deputy said" joins two speakers; "“…” and warned" starts a new clause
      else if (t.pos === 'CCONJ' && m > k && NOUNISH.has(toks[m - 1].pos) && NOUNISH.has(toks[m + 1]?.pos)) continue;
      else if (t.pos === 'VERB' || t.pos === 'CCONJ' || t.pos === 'SCONJ') return null;
    }
    return null;
  }

  /** X said, “…” / X said that “…” close before the mark; else a speech verb earlier in the sentence. */
  private before(p: Piece): Attribution | null {
    const toks = this.doc.tokens;
    const sents = this.doc.sentences;
    let lo = sents[toks[p.openTok].sent].first;
    // "He said:" may end a sentence of its own before the quotation
    if (p.openTok === lo && lo > 0 && toks[lo - 1].text === ':') lo = sents[toks[lo - 1].sent].first;
    const j = p.openTok - 1;
    if (j < lo || this.inQuote[j]) return null;
    const t = toks[j];
    const direct = t.text === ',' || t.text === ':' || t.lower === 'that' || !!this.speakers.speechAt(j);
    let far = false;
    for (let m = j; m >= lo && m >= j - 60; m--) {
      if (this.inQuote[m]) {
        far = true;
        continue;
      }
      const f = this.speakers.speechAt(m);
      if (f) {
        const how = direct && !far && j - m <= 12 ? 'before' : 'around';
        // "the right to respond to them “…”": some verbs only ever introduce a quote beside them
        if (how === 'around' && f.near) continue;
        const speaker = f.order === 'after' ? this.speakers.subjectAfter(m + (f.next ? 2 : 1)) : this.speakers.subjectOf(m, lo);
        if (how === 'before') return { verb: m, lemma: f.lemma, speaker, how };
        // words quoted inside someone's reported speech are theirs only when that someone is known
        if (this.isNameLike(p)) return null;
        if (speaker) return { verb: m, lemma: f.lemma, speaker, how };
        far = true;
        continue;
      }
      if (toks[m].pos === 'VERB') far = true;
    }
    return null;
  }

  /** “…” in the middle of a sentence that ends ", X said." */
  private atEnd(p: Piece): Attribution | null {
    const toks = this.doc.tokens;
    if (p.close < 0 || p.afterTok >= toks.length) return null;
    const s = this.doc.sentences[toks[p.afterTok].sent];
    let comma = -1;
    for (let m = p.afterTok; m < s.last; m++) if (!this.inQuote[m] && toks[m].text === ',') comma = m;
    if (comma < 0) return null;
    const a = this.after(p, comma + 1, false);
    return a?.speaker ? a : null;
  }

  /** The quoted words follow a naming cue: called “Sayyad 4B”, the so-called “…”, the book “…”. */
  namingCue(p: Piece): boolean {
    const toks = this.doc.tokens;
    const last = p.openTok - 1;
    if (last < 0) return false;
    for (const words of this.lex.naming.get(toks[last].lower) ?? []) {
      let ok = true;
      for (let w = words.length - 1, k = last; w >= 0; w--, k--) {
        if (k < 0 || toks[k].lower !== words[w]) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
    }
    return false;
  }

  /**
   * A short title-cased stretch with no closing punctuation reads as a name or title, not speech:
   * “Axis of Resistance”, “Sayyad 4B”. A single capitalised word counts only when it names an
   * entity (“Hezbollah”), since a lone word like “Rafidah” is as often a term somebody used.
   */
  isNameLike(p: Piece): boolean {
    if (/[.,!?;:]/.test(this.doc.text[p.end - 1])) return false;
    const toks = this.doc.tokens;
    let words = 0;
    let capitals = 0;
    let named = false;
    for (let i = p.firstTok; i < p.lastTok; i++) {
      const t = toks[i];
      if (t.pos === 'PUNCT') continue;
      if (++words > 6) return false;
      if (this.speakers.entityOn(i) || /\d/.test(t.text)) named = true;
      if (this.lex.minor.has(t.lower)) continue;
      if (!/^[\p{Lu}\p{N}]/u.test(t.text)) return false;
      capitals++;
    }
    return capitals > 1 || (capitals === 1 && named);
  }

  /** The quotation opens a sentence and holds a clause of its own ("“We will respond.”"). */
  isWholeSentence(p: Piece): boolean {
    const text = this.doc.text;
    let i = p.open - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    if (i >= 0 && !/[.!?:”"’]/.test(text[i])) return false;
    let words = 0;
    let verb = false;
    for (let k = p.firstTok; k < p.lastTok; k++) {
      const t = this.doc.tokens[k];
      if (t.pos !== 'PUNCT') words++;
      if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
    }
    return verb && words >= 3;
  }
}
