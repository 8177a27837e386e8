// PLOVER's auxiliary modes from cue words before a trigger (data/events/modes.yaml).
import type { Doc } from '../../doc.js';
import { data } from '../../data/index.js';

type Mode = 'actual' | 'future' | 'hypothetical' | 'negated' | 'threatened';

let lex: { window: number; byLast: Map<string, { words: string[]; mode: Mode }[]>; governing: Map<string, Mode> } | null = null;

function lexicon() {
  if (lex) return lex;
  const raw = data('events/modes.yaml');
  const cues: { words: string[]; mode: Mode }[] = [];
  for (const mode of ['negated', 'future', 'hypothetical'] as const) for (const c of raw[mode]) cues.push({ words: c.toLowerCase().split(' '), mode });
  // Indexed by a cue's last word: a token is checked against the few cues that can end on it.
  const byLast = new Map<string, { words: string[]; mode: Mode }[]>();
  for (const c of cues) {
    const last = c.words[c.words.length - 1];
    for (const w of last === "n't" ? ["n't", 'not'] : [last]) byLast.set(w, [...(byLast.get(w) ?? []), c]);
  }
  lex = { window: raw.window, byLast, governing: new Map(Object.entries(raw.governing)) };
  return lex;
}

const CLAUSE_END = new Set([',', ';', ':', '.', '“', '”', '"', 'that', 'which', 'who', 'while', 'but', 'and']);

/** The mode a trigger at token index `t` is stated in, from the words just before it in its clause. */
export function modeBefore(doc: Doc, first: number, t: number): Mode {
  const L = lexicon();
  const toks = doc.tokens;
  let found: Mode = 'actual';
  for (let i = t - 1; i >= Math.max(first, t - L.window); i--) {
    if (CLAUSE_END.has(toks[i].lower)) break;
    for (const c of L.byLast.get(toks[i].lower) ?? []) {
      const a = i - c.words.length + 1;
      if (a < first) continue;
      if (c.words.every((w, k) => toks[a + k].lower === w || (w === "n't" && toks[a + k].lower === 'not'))) {
        // Negation outranks the rest: "will not strike" is negated, not future.
        if (c.mode === 'negated') return 'negated';
        if (found === 'actual') found = c.mode;
      }
    }
  }
  // "if" opens a condition anywhere earlier in the sentence ("if Israel strikes, …").
  if (found === 'actual') {
    for (let i = t - 1; i >= first; i--) if (toks[i].lower === 'if' || toks[i].lower === 'unless') return 'hypothetical';
  }
  return found;
}

/** The mode a governing kind gives the event in its complement ("threatened to strike"). */
export function governedMode(kind: string): Mode | null {
  return lexicon().governing.get(kind) ?? null;
}
