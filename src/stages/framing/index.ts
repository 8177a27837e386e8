// Loaded language: reports the evaluative or partisan terms of data/framing/lexicon.tsv found in
// the text ("the Tel Aviv regime" → "Israel's government"), with exact spans. It only adds to
// doc.framing; no fact is changed because of a term.
//
// Words come from the tokens stage (or, without tokens, one pass over the characters); a Map from
// a term's first word to the terms starting with it keeps the cost to one look-up per word,
// whatever the size of the lexicon.
import type { Doc, Stage } from '../../doc.js';
import type { Framing } from '../../contract.js';
import { data } from '../../data/index.js';

/** What a term with no neutral counterpart reports as its gloss. */
export const OMIT = '(omit)';

export interface Term {
  term: string;
  /** lower-cased words; "*" stands for any one word */
  words: string[];
  /** null: accepted neutral usage, matched only so that loaded words inside it are not reported */
  gloss: string | null;
}

let index: Lexicon | null = null;

// Letters and digits of any script are word characters; ASCII punctuation, Latin-1 symbols and the
// General Punctuation block (curly quotes, dashes) are not.
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x206f) return false;
  if (c >= 0x2e00 && c <= 0x2e7f) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  return c !== 0xfeff;
}

/** Between two words of one term: spaces, hyphens or apostrophes only ("so-called", "Mullahs' regime"). */
function joins(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const ok =
      c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x27 || c === 0x2019;
    if (!ok) return false;
  }
  return true;
}

/** Words found in a text: offsets and lower-cased forms. */
interface Words {
  n: number;
  starts: Int32Array;
  ends: Int32Array;
  lows: string[];
}

/** The words of text[from, to), appended to w; `lower` is text lower-cased when that kept its length. */
function scan(text: string, lower: string | null, from: number, to: number, w: Words): void {
  let i = from;
  while (i < to) {
    while (i < to && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const s = i;
    while (i < to && isWordChar(text.charCodeAt(i))) i++;
    w.starts[w.n] = s;
    w.ends[w.n] = i;
    w.lows[w.n++] = lower ? lower.slice(s, i) : text.slice(s, i).toLowerCase();
  }
}

function wordsOfText(text: string): Words {
  const size = (text.length >> 1) + 1; // a word and its separator take two characters at least
  const w: Words = { n: 0, starts: new Int32Array(size), ends: new Int32Array(size), lows: [] };
  // One lower-casing for the whole text keeps positions unless a letter lengthens ("İ").
  const lower = text.toLowerCase();
  scan(text, lower.length === text.length ? lower : null, 0, text.length, w);
  return w;
}

/**
 * The same words, read from the tokens stage: its tokens are already lower-cased, so most become
 * words as they are; the few holding punctuation ("’s", "anti-Israel", "U.S.") are re-split.
 */
function wordsOfTokens(doc: Doc): Words {
  const toks = doc.tokens;
  const size = (doc.text.length >> 1) + 1; // no more words than that fit in the text
  const w: Words = { n: 0, starts: new Int32Array(size), ends: new Int32Array(size), lows: [] };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    const low = t.lower;
    let plain = low.length === t.end - t.start;
    for (let i = 0; plain && i < low.length; i++) plain = isWordChar(low.charCodeAt(i));
    if (plain) {
      w.starts[w.n] = t.start;
      w.ends[w.n] = t.end;
      w.lows[w.n++] = low;
    } else scan(doc.text, null, t.start, t.end, w);
  }
  return w;
}

/** Terms by their first word, longest first. */
export type Lexicon = Map<string, Term[]>;

/** The lexicon's look-up from its rows (data/framing/lexicon.tsv: term, gloss, usage). */
export function lexiconOf(rows: { term: string; gloss: string }[]): Lexicon {
  const map = new Map<string, Term[]>();
  for (const { term, gloss } of rows) {
    // Split as the text is split, keeping "*" (not a word character) as a wildcard.
    const full = term.split(/[\s\-‐‑'’]+/).flatMap((part) => (part === '*' ? ['*'] : wordsOf(part)));
    if (!full.length || full[0] === '*') throw new Error(`data/framing/lexicon.tsv: term "${term}" must start with a word`);
    const t: Term = { term, words: full, gloss: gloss === '=' ? null : gloss === '-' ? OMIT : gloss };
    const bucket = map.get(full[0]) ?? [];
    bucket.push(t);
    map.set(full[0], bucket);
  }
  for (const b of map.values()) b.sort((a, b) => b.words.length - a.words.length);
  return map;
}

function wordsOf(s: string): string[] {
  return wordsOfText(s).lows;
}

function load(): Lexicon {
  return (index ??= lexiconOf(data('framing/lexicon.tsv')));
}

/** The loaded terms in a text: longest reading first, not overlapping, in text order. */
export function findFraming(text: string, lexicon: Lexicon = load()): Framing[] {
  return match(text, wordsOfText(text), lexicon);
}

const weight = (t: Term) => t.words.length - (t.words[0] === 'the' ? 1 : 0);

function match(text: string, words: Words, lexicon: Lexicon): Framing[] {
  const { n, starts, ends, lows } = words;
  const out: Framing[] = [];

  // The longest term starting at word k, or null.
  const at = (k: number): Term | null => {
    const candidates = lexicon.get(lows[k]);
    if (!candidates) return null;
    for (const t of candidates) {
      const len = t.words.length;
      if (k + len > n) continue;
      let ok = true;
      for (let j = 1; j < len && ok; j++) {
        ok = joins(text, ends[k + j - 1], starts[k + j]) && (t.words[j] === '*' || t.words[j] === lows[k + j]);
      }
      if (ok) return t;
    }
    return null;
  };

  let k = 0;
  while (k < n) {
    let hit = at(k);
    if (!hit) {
      k++;
      continue;
    }
    // A term starting inside this one that reaches further and has more words (a leading "the" not
    // counted) is the better reading: "the Mullahs' regime" is "Mullahs' regime", not "the
    // Mullahs"; but "Israeli regime forces" stays "Israeli regime", not "regime forces".
    let first = k;
    let last = k + hit.words.length - 1;
    for (let j = first + 1; j <= last; j++) {
      const other = at(j);
      if (other && j + other.words.length - 1 > last && weight(other) > weight(hit)) {
        hit = other;
        first = j;
        last = j + other.words.length - 1;
      }
    }
    if (hit.gloss !== null) {
      const start = starts[first];
      const end = ends[last];
      out.push({ term: hit.term, gloss: hit.gloss, span: { start, end, text: text.slice(start, end) } });
    }
    k = last + 1;
  }
  return out;
}

export const framing: Stage = {
  name: 'framing',
  reads: ['text', 'tokens'],
  writes: ['framing'],
  adds: 'loaded language',
  run(doc: Doc) {
    const words = doc.tokens.length ? wordsOfTokens(doc) : wordsOfText(doc.text);
    for (const f of match(doc.text, words, load())) doc.framing.push(f);
  },
};
