// Token patterns for lexicons written as data ("launch|fire * missile|rocket"). Compiled once into
// slots and indexed by the words a pattern can start with, so matching a sentence costs one Map
// look-up per token, not one scan per pattern.
import type { Token } from './doc.js';

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

export class PatternSet<T> {
  private byFirst = new Map<string, Pattern<T>[]>();
  readonly size: number;

  constructor(patterns: Pattern<T>[]) {
    for (const p of patterns)
      for (const w of p.slots[0].words!) {
        const list = this.byFirst.get(w);
        if (list) list.push(p);
        else this.byFirst.set(w, [p]);
      }
    this.size = patterns.length;
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

function slotMatches(s: Slot, t: Token): boolean {
  if (s.pos) return t.pos === s.pos;
  return s.words!.has(t.lower) || s.words!.has(t.lemma);
}

function matchAt<T>(p: Pattern<T>, tokens: Token[], start: number, end: number): PatternMatch<T> | null {
  const got: number[] = [];
  const go = (si: number, ti: number): number => {
    if (si === p.slots.length) return ti;
    const s = p.slots[si];
    if (s.gap) {
      for (let k = 0; k <= GAP && ti + k <= end; k++) {
        if (k > 0 && STOP.has(tokens[ti + k - 1].text)) break;
        const r = go(si + 1, ti + k);
        if (r >= 0) return r;
      }
      return -1;
    }
    if (ti < end && slotMatches(s, tokens[ti])) {
      got.push(ti);
      const r = go(si + 1, ti + 1);
      if (r >= 0) return r;
      got.pop();
    }
    return s.optional ? go(si + 1, ti) : -1;
  };
  const last = go(0, start);
  return last < 0 ? null : { pattern: p, first: start, last, tokens: [...got] };
}
