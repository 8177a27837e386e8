// Scores extracted body text against gold plain text: token-level precision, recall and F1 over
// bags of lower-cased words (tools/eval-html.ts; normalise/html.test.ts holds each page to it).

export interface Score {
  p: number;
  r: number;
  f: number;
  /** overlap, predicted and gold token counts, for micro-averaging */
  tp: number;
  np: number;
  ng: number;
}

export function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

export function score(predicted: string, gold: string): Score {
  const a = bag(predicted);
  const b = bag(gold);
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (const n of a.values()) np += n;
  for (const [w, n] of b) {
    ng += n;
    tp += Math.min(n, a.get(w) ?? 0);
  }
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, tp, np, ng };
}
