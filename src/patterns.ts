// Token patterns for lexicons written as data ("launch|fire * missile|rocket"). Compiled once into
// slots and indexed by the words a pattern can start with, so matching a sentence costs one Map
// look-up per token, not one scan per pattern. Plain phrases ("on the outskirts of", "could not be
// verified") are patterns of words only (`phrases()`): the one matcher every stage looks words up with.
import type { Token } from './doc.js';
import { pushAll } from './arrays.js';

interface Slot {
  words: Set<string> | null;
  pos: string | null;
  optional: boolean;
  gap: boolean;
}

export interface Pattern<T> {
  source: string;
  slots: Slot[];
  value: T;
  order: number;
}

export interface PatternMatch<T> {
  pattern: Pattern<T>;
  /** first token (inclusive) */
  first: number;
  /** last token (exclusive) */
  last: number;
  /** index of each matched (non-gap) slot's token, in order */
  tokens: number[];
}

const GAP = 3;
/** A gap never crosses these: they end the clause the trigger belongs to. */
const STOP = new Set(['.', ';', '“', '”', '"', '?', '!', ':']);

export function compile<T>(source: string, value: T, order = 0): Pattern<T> {
  const slots = source
    .trim()
    .split(/\s+/)
    .map((raw): Slot => {
      if (raw === '*') return { words: null, pos: null, optional: false, gap: true };
      const optional = raw.endsWith('?');
      const body = optional ? raw.slice(0, -1) : raw;
      if (/^[A-Z]+$/.test(body)) return { words: null, pos: body, optional, gap: false };
      return { words: new Set(body.toLowerCase().split('|')), pos: null, optional, gap: false };
    });
  if (slots.length === 0 || slots[0].gap || slots[0].optional || !slots[0].words)
    throw new Error(`pattern "${source}" must start with a word slot`);
  return { source, slots, value, order };
}

/**
 * Which tokens may match a word by their lemma as well as their lower-cased text: in every slot
 * (the default: "fired" matches "fire"), in phrases of one word only, or nowhere.
 */
export type LemmaUse = 'all' | 'single' | 'none';

export class PatternSet<T> {
  private byFirst = new Map<string, Pattern<T>[]>();
  private byLast: Map<string, Pattern<T>[]> | null = null;
  readonly size: number;

  constructor(
    private readonly patterns: Pattern<T>[],
    private readonly lemma: LemmaUse = 'all',
  ) {
    for (const p of patterns)
      for (const w of p.slots[0].words!) {
        const list = this.byFirst.get(w);
        if (list) list.push(p);
        else this.byFirst.set(w, [p]);
      }
    this.size = patterns.length;
  }

  /** Every word some pattern starts with. */
  firstWords(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  /** The patterns that may start with a word (its lower-cased text or lemma), in the order listed. */
  startingWith(word: string): readonly Pattern<T>[] {
    return this.byFirst.get(word) ?? NONE;
  }

  /**
   * The matches starting at token i and ending by `to`: those of the token's text, longest first,
   * then in the order listed; then those of its lemma (see LemmaUse), likewise.
   */
  at(tokens: Token[], i: number, to = tokens.length): PatternMatch<T>[] {
    const t = tokens[i];
    if (!t || i >= to) return [];
    // Most tokens start no pattern: asked for every token of a sentence, they cost one look-up each.
    if (!this.byFirst.has(t.lower) && (this.lemma === 'none' || !this.byFirst.has(t.lemma))) return [];
    const out: PatternMatch<T>[] = [];
    const longest = (a: PatternMatch<T>, b: PatternMatch<T>) => b.last - a.last || a.pattern.order - b.pattern.order;
    for (const key of this.lemma !== 'none' && t.lemma !== t.lower ? [t.lower, t.lemma] : [t.lower]) {
      const found: PatternMatch<T>[] = [];
      for (const p of this.byFirst.get(key) ?? []) {
        if (key !== t.lower && this.lemma === 'single' && p.slots.length > 1) continue;
        const m = this.lemma === 'all' ? matchAt(p, tokens, i, to) : wordsAt(p, tokens, i, to);
        if (m && !out.some((x) => x.pattern === p)) found.push(m);
      }
      pushAll(out, found.sort(longest));
    }
    return out;
  }

  /** The phrases (patterns of words only) whose last word is token i, starting at or after `from`; longest first. */
  endingAt(tokens: Token[], i: number, from = 0): PatternMatch<T>[] {
    if (!this.byLast) {
      this.byLast = new Map();
      for (const p of this.patterns) {
        if (p.slots.some((s) => !s.words || s.optional || s.gap)) continue;
        for (const w of p.slots[p.slots.length - 1].words!) this.byLast.set(w, [...(this.byLast.get(w) ?? []), p]);
      }
    }
    const out: PatternMatch<T>[] = [];
    for (const p of this.byLast.get(tokens[i]?.lower) ?? []) {
      const start = i - p.slots.length + 1;
      const m = start >= from ? wordsAt(p, tokens, start, i + 1, 0) : null;
      if (m) out.push(m);
    }
    return out.sort((a, b) => b.last - b.first - (a.last - a.first) || a.pattern.order - b.pattern.order);
  }

  /** Every match starting in [from, to), longest first where they overlap at one start. */
  matchAll(tokens: Token[], from: number, to: number): PatternMatch<T>[] {
    const out: PatternMatch<T>[] = [];
    for (let i = from; i < to; i++) {
      const t = tokens[i];
      const cands = this.byFirst.get(t.lower) ?? (t.lemma !== t.lower ? this.byFirst.get(t.lemma) : undefined);
      if (!cands) continue;
      for (const p of cands) {
        const m = matchAt(p, tokens, i, to);
        if (m) out.push(m);
      }
    }
    return out;
  }

  /**
   * Non-overlapping matches: longer spans win, then patterns listed earlier.
   */
  matchBest(tokens: Token[], from: number, to: number): PatternMatch<T>[] {
    const all = this.matchAll(tokens, from, to);
    all.sort((a, b) => b.last - b.first - (a.last - a.first) || a.pattern.order - b.pattern.order || a.first - b.first);
    const taken = new Uint8Array(to - from);
    const out: PatternMatch<T>[] = [];
    for (const m of all) {
      if (m.tokens.some((k) => taken[k - from])) continue;
      for (const k of m.tokens) taken[k - from] = 1;
      out.push(m);
    }
    return out.sort((a, b) => a.first - b.first);
  }
}

const NONE: readonly never[] = [];

/** Whether a pattern of words only fits the tokens' lower-cased text at `start`, from slot `from` on. */
function wordsFit(p: Pattern<unknown>, tokens: Token[], start: number, end: number, from: number): boolean {
  const n = p.slots.length;
  if (start + n > end) return false;
  for (let k = from; k < n; k++) if (!p.slots[k].words?.has(tokens[start + k].lower)) return false;
  return true;
}

/** A pattern of words only, matched on the tokens' lower-cased text from slot `from` on (a phrase). */
function wordsAt<T>(p: Pattern<T>, tokens: Token[], start: number, end: number, from = 1): PatternMatch<T> | null {
  if (!wordsFit(p, tokens, start, end, from)) return null;
  const n = p.slots.length;
  return { pattern: p, first: start, last: start + n, tokens: Array.from({ length: n }, (_, k) => start + k) };
}

/**
 * Plain phrases: runs of lower-case words matched word for word ("so-called", "on the outskirts
 * of"), kept as patterns of words (no slot syntax is read) in one PatternSet. A word matches a
 * token's lower-cased text, and its lemma as `lemma` says (default: only in one-word phrases, so
 * "killed" finds "kill" but "death toll" is read as written).
 */
export class Phrases<T> {
  private readonly set: PatternSet<T>;
  /** the phrases of one word: has() and mayStart() are asked of most tokens, and most are none */
  private readonly single = new Set<string>();
  constructor(
    entries: Iterable<[string, T]>,
    private readonly lemma: Exclude<LemmaUse, 'all'> = 'single',
  ) {
    const list: Pattern<T>[] = [];
    for (const [phrase, value] of entries) {
      const words = phrase.toLowerCase().split(' ');
      if (words.length === 1) this.single.add(words[0]);
      list.push({ source: phrase, slots: words.map((w) => ({ words: new Set([w]), pos: null, optional: false, gap: false })), value, order: list.length });
    }
    this.set = new PatternSet(list, lemma);
  }
  static of(xs: Iterable<string>, lemma: Exclude<LemmaUse, 'all'> = 'single'): Phrases<true> {
    return new Phrases([...xs].map((x) => [x, true as const]), lemma);
  }
  /**
   * The longest phrase starting at token i and ending by `to` (the text's before the lemma's): the
   * first of set.at(), found without building the list, as casualty counts ask at most tokens.
   */
  at(toks: Token[], i: number, to = toks.length): { used: number; value: T } | null {
    const t = toks[i];
    if (!t || i >= to) return null;
    // (through its lemma only a phrase of one word can start here: `single` says whether one does)
    const p = this.longest(t.lower, toks, i, to, false) ?? (this.lemma !== 'none' && t.lemma !== t.lower && this.single.has(t.lemma) ? this.longest(t.lemma, toks, i, to, true) : null);
    return p ? { used: p.slots.length, value: p.value } : null;
  }
  private longest(word: string, toks: Token[], i: number, to: number, viaLemma: boolean): Pattern<T> | null {
    let best: Pattern<T> | null = null;
    for (const p of this.set.startingWith(word)) {
      if (viaLemma && this.lemma === 'single' && p.slots.length > 1) continue;
      if (best && (p.slots.length < best.slots.length || (p.slots.length === best.slots.length && p.order > best.order))) continue;
      if (wordsFit(p, toks, i, to, 1)) best = p;
    }
    return best;
  }
  /** Every phrase starting at token i, as at() orders them. */
  allAt(toks: Token[], i: number, to = toks.length): { used: number; value: T }[] {
    return this.set.at(toks, i, to).map((m) => ({ used: m.last - m.first, value: m.pattern.value }));
  }
  /** The longest phrase whose last word is token i, starting at or after `from`. */
  endingAt(toks: Token[], i: number, from = 0): { used: number; value: T } | null {
    const m = this.set.endingAt(toks, i, from)[0];
    return m ? { used: m.last - m.first, value: m.pattern.value } : null;
  }
  /** Whether any phrase may start at the token: at() can find one only where this says yes. */
  mayStart(t: Token): boolean {
    if (this.set.startingWith(t.lower).length) return true;
    return this.lemma !== 'none' && t.lemma !== t.lower && this.single.has(t.lemma);
  }
  /**
   * What mayStart() reads, for a caller that asks it of several sets for every token and would
   * rather ask one Set: mayStart(t) is `text.has(t.lower) || (t.lemma !== t.lower && lemma.has(t.lemma))`.
   */
  starts(): { text: Iterable<string>; lemma: Iterable<string> } {
    return { text: this.set.firstWords(), lemma: this.lemma === 'none' ? [] : this.single };
  }
  /** A one-word phrase is the token (its text, or its lemma as `lemma` allows). */
  has(t: Token | undefined): boolean {
    if (!t) return false;
    return this.single.has(t.lower) || (this.lemma !== 'none' && this.single.has(t.lemma));
  }
}

function slotMatches(s: Slot, t: Token): boolean {
  if (s.pos) return t.pos === s.pos;
  return s.words!.has(t.lower) || s.words!.has(t.lemma);
}

function matchAt<T>(p: Pattern<T>, tokens: Token[], start: number, end: number): PatternMatch<T> | null {
  const got: number[] = [];
  const last = go(p.slots, tokens, end, got, 0, start);
  return last < 0 ? null : { pattern: p, first: start, last, tokens: got };
}

/** Matches slots[si…] from token ti, pushing the matched tokens on `got`: the end reached, or -1. */
function go(slots: Slot[], tokens: Token[], end: number, got: number[], si: number, ti: number): number {
  if (si === slots.length) return ti;
  const s = slots[si];
  if (s.gap) {
    for (let k = 0; k <= GAP && ti + k <= end; k++) {
      if (k > 0 && STOP.has(tokens[ti + k - 1].text)) break;
      const r = go(slots, tokens, end, got, si + 1, ti + k);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (ti < end && slotMatches(s, tokens[ti])) {
    got.push(ti);
    const r = go(slots, tokens, end, got, si + 1, ti + 1);
    if (r >= 0) return r;
    got.pop();
  }
  return s.optional ? go(slots, tokens, end, got, si + 1, ti) : -1;
}
