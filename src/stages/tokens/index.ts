// Tokens, sentences and parts of speech from wink-nlp. Its tokenisation is lossless (each token
// carries its preceding whitespace), so character offsets are recovered by walking the text.
import { createRequire } from 'node:module';
import type { Doc, Stage, Token, Sentence, Paragraph } from '../../doc.js';
import { checkBudget } from '../../budget.js';
import { isCaseless, truecase } from './truecase.js';

const require = createRequire(import.meta.url);
// wink-nlp ships CommonJS without types; load once per process (the model takes ~100 ms).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let nlp: any = null;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let its: any = null;
/** A feature table of wink-nlp's model: values by index and indexes by value. */
interface Feature {
  hash: Record<string, number | undefined>;
  list: string[];
}
/** each feature table of the loaded model, and how far its list has been cleared of learned values */
let learned: { f: Feature; base: number; from: number }[] = [];
/** learned values past which the model is loaded afresh (its lists only grow; see `forgetLearned`) */
const RELOAD_AFTER = 200_000;

function load() {
  if (nlp) return;
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  // wink-nlp builds its model by calling `core()`; kept here to reach its feature tables.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let core: any = null;
  nlp = winkNLP({ ...model, core: () => (core = model.core()) }, ['sbd', 'pos']);
  its = nlp.its;
  learned = Object.values(core.features as Record<string, Partial<Feature>>)
    .filter((f): f is Feature => !!f.hash && Array.isArray(f.list))
    .map((f) => ({ f, base: f.list.length, from: f.list.length }));
}

/**
 * Makes wink-nlp read each document as if it were the first. It adds every word it did not know to
 * its lexicon, and its tokeniser splits a word only if it is not in that lexicon: after one
 * article had "yesterday's." (read whole), the next split "yesterday's meeting" no more, and its
 * events changed. So an article's tokens depended on the articles read before it in the process
 * (batch and ingest workers, evaluations). Learned values are taken out of the look-up table (the
 * lists stay, since wink-nlp indexes its packed features by position in them); when the lists
 * have grown by `RELOAD_AFTER` values the model is loaded anew.
 */
function forgetLearned(): void {
  let grown = 0;
  for (const l of learned) {
    const { hash, list } = l.f;
    // Set to undefined rather than deleted: wink-nlp reads these tables (made with
    // Object.create(null)) only as `hash[value]`, compared with undefined, so the two are the same
    // to it. A delete each article left the lexeme table (~100,000 keys) full of deleted slots that
    // its look-ups probe past, and made the word be inserted anew when the next article learned it.
    for (let k = l.from; k < list.length; k++) if (hash[list[k]] === k) hash[list[k]] = undefined;
    l.from = list.length;
    grown = Math.max(grown, list.length - l.base);
  }
  if (grown > RELOAD_AFTER) nlp = null;
}

/** Paragraphs are separated by a blank line (or a line break followed by indentation-free text). */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n[ \t\r\f\v]*\n|\r\n[ \t]*\r\n|\n(?=[ \t]*\S)/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
  function push(a: number, b: number) {
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
  }
}

/**
 * Texts longer than this are tokenised in windows of at most this many characters, cut at
 * paragraph breaks (sentences never cross one, so the cut changes nothing there); a paragraph
 * longer than a window is cut at the last line break or space before the limit. wink-nlp's cost
 * and memory grow faster than the text on long inputs (a 10 MB text held 800 MB); in windows they
 * stay proportional to it. Shorter texts are read whole, exactly as before.
 */
export const WINDOW = 50_000;
/**
 * A run of characters without whitespace longer than this is handed to wink-nlp in pieces of at
 * most PIECE characters (cut after a punctuation mark when one is near): its tokeniser rescans the
 * rest of a run at every punctuation mark ("Al-Al-Al-…" of 30 KB took 21 s, 100 KB minutes).
 * Words and web addresses in news text stay far below it.
 */
export const MAX_RUN = 400;
const PIECE = 100;

/** Where to cut `text` into windows of at most `size` characters: the start of each window. */
export function windowStarts(text: string, paras: Paragraph[], size = WINDOW): number[] {
  const starts = [0];
  let from = 0;
  let p = 0;
  while (text.length - from > size) {
    const limit = from + size;
    // The last paragraph that starts after `from` and no later than the limit.
    while (p < paras.length && paras[p].start <= from) p++;
    let cut = -1;
    while (p < paras.length && paras[p].start <= limit) cut = paras[p++].start;
    if (cut < 0) {
      // Searched within the window only: lastIndexOf would go on back to the start of the text.
      const window = text.slice(from, limit);
      const nl = from + window.lastIndexOf('\n');
      const sp = Math.max(nl, from + window.lastIndexOf(' '));
      cut = nl > from + size / 2 ? nl + 1 : sp > from ? sp + 1 : limit;
      // Never between the halves of a surrogate pair.
      if (isLowSurrogate(text.charCodeAt(cut))) cut--;
    }
    starts.push(cut);
    from = cut;
  }
  return starts;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The text wink-nlp reads: `text` with a space inserted inside each run without whitespace longer
 * than MAX_RUN, every PIECE characters or so. `added` lists where (in the returned text), sorted.
 */
export function breakLongRuns(text: string): { text: string; added: number[] } {
  const added: number[] = [];
  let parts: string[] | null = null;
  let from = 0;
  let run = 0; // start of the current run
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !splits(text.charCodeAt(i))) continue;
    if (i - run > MAX_RUN) {
      parts ??= [];
      let a = run;
      while (i - a > PIECE) {
        let cut = a + PIECE;
        // After a punctuation mark in the last fifth of the piece, when there is one.
        for (let k = cut; k > a + (PIECE * 4) / 5; k--)
          if (/[^\p{L}\p{N}\p{M}]/u.test(text[k - 1])) {
            cut = k;
            break;
          }
        if (isLowSurrogate(text.charCodeAt(cut))) cut--;
        parts.push(text.slice(from, cut), ' ');
        added.push(cut + added.length);
        from = a = cut;
      }
    }
    run = i + 1;
  }
  if (!parts) return { text, added };
  parts.push(text.slice(from));
  return { text: parts.join(''), added };
}

/** The characters wink-nlp splits a text at before tokenising each piece (its "splitter"). */
function splits(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || (c >= 0x2002 && c <= 0x2005) || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x205f;
}

export const tokens: Stage = {
  name: 'tokens',
  reads: ['text'],
  writes: ['paragraphs', 'tokens', 'sentences'],
  adds: 'tokens, sentences, paragraphs, parts of speech (wink-nlp)',
  run(doc: Doc) {
    forgetLearned();
    load();
    const text = doc.text;
    doc.paragraphs = paragraphs(text);
    const toks: Token[] = [];
    const sentences: Sentence[] = [];
    const starts = windowStarts(text, doc.paragraphs);
    const state = { p: 0, prevSent: -1, prevPara: -1 };
    // A text without capitals is read through a copy with the names it knows capitalised (same
    // length, same offsets): tokens then carry the capitals the tagger and name finder need.
    const source = isCaseless(text) ? truecase(text) : text;
    for (let w = 0; w < starts.length; w++) {
      if (w > 0) checkBudget(doc, 'tokens');
      const end = w + 1 < starts.length ? starts[w + 1] : text.length;
      read(doc, source, starts[w], end, toks, sentences, state);
    }
    doc.tokens = toks;
    doc.sentences = capSentences(text, toks, sentences);
  },
};

/**
 * No sentence runs longer: a longer one (a text without full stops, a list, a table) is cut into
 * sentences of at most this many tokens, after a comma, semicolon or line break in the last
 * quarter when there is one. The stages after this one look around each word within its
 * sentence, which costs the square of a sentence's length; the longest sentences in the dev sets
 * (MUC-4, LGL, the gold files: 2,195 texts) have about 220 tokens.
 */
export const MAX_SENTENCE_TOKENS = 256;
const CUT_AFTER = new Set([',', ';', ':', '—', '–', ')']);

export function capSentences(text: string, toks: Token[], sentences: Sentence[]): Sentence[] {
  if (!sentences.some((s) => s.last - s.first > MAX_SENTENCE_TOKENS)) return sentences;
  const out: Sentence[] = [];
  const push = (s: Sentence, first: number, last: number) => {
    const i = out.length;
    out.push({ i, start: toks[first].start, end: toks[last - 1].end, first, last, paragraph: s.paragraph });
    for (let k = first; k < last; k++) toks[k].sent = i;
  };
  for (const s of sentences) {
    let a = s.first;
    while (s.last - a > MAX_SENTENCE_TOKENS) {
      let cut = a + MAX_SENTENCE_TOKENS;
      for (let k = cut - 1; k > a + (MAX_SENTENCE_TOKENS * 3) / 4; k--) {
        if (CUT_AFTER.has(toks[k].text) || text.slice(toks[k].end, toks[k + 1].start).includes('\n')) {
          cut = k + 1;
          break;
        }
      }
      push(s, a, cut);
      a = cut;
    }
    push(s, a, s.last);
  }
  return out;
}

/** Tokenises text[from, to) with wink-nlp, appending to `toks` and `sentences`; `text` is the document's text or its truecased copy. */
function read(doc: Doc, text: string, from: number, to: number, toks: Token[], sentences: Sentence[], state: { p: number; prevSent: number; prevPara: number }): void {
  const { text: winkText, added } = breakLongRuns(from === 0 && to === text.length ? text : text.slice(from, to));
  const wd = nlp.readDoc(winkText);
  const values: string[] = wd.tokens().out();
  const spaces: string[] = wd.tokens().out(its.precedingSpaces);
  const pos: string[] = wd.tokens().out(its.pos);
  const lemma: string[] = wd.tokens().out(its.lemma);
  const spans: [number, number][] = wd.sentences().out(its.span);

  // Map wink token index -> sentence; sentences are also split at paragraph breaks. Sentence
  // numbers of earlier windows are below this window's (offset by the count so far).
  const base = state.prevSent + 1;
  const sentOf = new Int32Array(values.length);
  for (let s = 0; s < spans.length; s++) for (let k = spans[s][0]; k <= spans[s][1]; k++) sentOf[k] = base + s;
  const paras = doc.paragraphs;
  // `at` walks wink's text; `at - gap` is the same place in the window (spaces inserted before it).
  let at = 0;
  let gap = 0;
  let q = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    at += spaces[k].length;
    // wink-nlp drops some invisible characters (a byte-order mark before a quotation mark) without
    // counting them as spaces: find the token past them, never inside another token.
    if (!winkText.startsWith(v, at)) {
      const found = winkText.indexOf(v, at - spaces[k].length);
      if (found < 0 || !/^[\s\p{Cf}]*$/u.test(winkText.slice(at - spaces[k].length, found)))
        throw new Error(`tokeniser lost text at ${from + at}: "${winkText.slice(at, at + 20)}"`);
      at = found;
    }
    while (q < added.length && added[q] < at) {
      q++;
      gap++;
    }
    const start = from + at - gap;
    at += v.length;
    // Whitespace tokens (line breaks) carry no meaning for the stages after this one.
    if (v.trim() === '') continue;
    while (state.p < paras.length - 1 && start >= paras[state.p + 1].start) state.p++;
    if (sentOf[k] !== state.prevSent || state.p !== state.prevPara) {
      sentences.push({ i: sentences.length, start, end: start + v.length, first: toks.length, last: toks.length, paragraph: state.p });
      state.prevSent = sentOf[k];
      state.prevPara = state.p;
    }
    const s = sentences[sentences.length - 1];
    toks.push({ i: toks.length, start, end: start + v.length, text: v, lower: v.toLowerCase(), pos: pos[k], lemma: lemma[k], sent: s.i });
    s.end = start + v.length;
    s.last = toks.length;
  }
  // Trailing whitespace belongs to no token; anything else left over would break every offset.
  const length = to - from;
  if (at - gap > length || !/^[\s\p{Cf}]*$/u.test(text.slice(from + at - gap, to))) throw new Error(`tokeniser lost text: ${from + at - gap} of ${to} characters`);
}
