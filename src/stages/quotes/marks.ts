// Pairs quotation marks into quoted stretches of text, one paragraph at a time.
//
// Curly marks say which side they are on; straight marks and ’ do not, so the characters
// around a mark decide: an opening mark follows a space or an opening bracket and precedes a word,
// a closing mark follows a word. ’ between letters ("Iran’s") is an apostrophe, and so is ’
// that closes no open ‘. Only the outermost quotation is kept: a ‘…’ inside “…” is part of it.
import type { Paragraph } from '../../doc.js';

export interface Quoted {
  /** offset of the opening mark */
  open: number;
  /** the words inside the marks, trimmed: [start, end) */
  start: number;
  end: number;
  /** offset of the closing mark, or -1 when the quotation runs to the end of its paragraph */
  close: number;
  /** index of the quotation this one continues from the previous paragraph, or -1 */
  prev: number;
}

type Kind = 'curly' | 'straight' | 'single';

interface Open {
  mark: number;
  kind: Kind;
  /** the piece this one continues (an opening mark at the start of a paragraph), or -1 */
  prev: number;
}

const LDQ = 0x201c; // “
const RDQ = 0x201d; // ”
const LSQ = 0x2018; // ‘
const RSQ = 0x2019; // ’
const DQ = 0x22; // "
const SQ = 0x27; // '

const isMark = (c: number) => c === DQ || c === SQ || c === LDQ || c === RDQ || c === LSQ || c === RSQ;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0 || c === 0x2009;
const isWordChar = (ch: string) => /[\p{L}\p{N}]/u.test(ch);
/** characters after which a mark opens a quotation */
const OPENERS = new Set(['(', '[', '{', '—', '–', '-', '/', '“', '‘', '"', ':']);

export function findQuotations(text: string, paragraphs: Paragraph[]): Quoted[] {
  const out: (Quoted & { dropped: boolean; straight: boolean })[] = [];
  // an unclosed double quotation at the end of the previous paragraph, which the next may continue
  let pending = -1;

  for (const para of paragraphs) {
    const stack: Open[] = [];
    const startsWithOpen = text.charCodeAt(para.start) === LDQ || text.charCodeAt(para.start) === DQ;
    const carry = pending >= 0 && startsWithOpen ? pending : -1;
    // A straight mark left open with nothing continuing it is more likely a stray inch mark or typo.
    if (pending >= 0 && carry < 0 && out[pending].straight) out[pending].dropped = true;
    pending = -1;

    const emit = (o: Open, close: number, end: number) => {
      let a = o.mark + 1;
      let b = end;
      while (a < b && isSpace(text.charCodeAt(a))) a++;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      if (b <= a) return -1;
      out.push({ open: o.mark, start: a, end: b, close, prev: o.prev, straight: o.kind === 'straight', dropped: false });
      return out.length - 1;
    };
    const push = (i: number, kind: Kind) => stack.push({ mark: i, kind, prev: i === para.start ? carry : -1 });
    /** innermost open double quotation */
    const openDouble = () => {
      for (let k = stack.length - 1; k >= 0; k--) if (stack[k].kind !== 'single') return k;
      return -1;
    };
    const closeAt = (k: number, i: number) => {
      const o = stack[k];
      stack.length = k;
      if (k === 0) emit(o, i, i);
    };

    // Within the paragraph only: a search running on to the next mark would cross every
    // paragraph after it, once per paragraph.
    for (let i = para.start; i < para.end; i++) {
      const c = text.charCodeAt(i);
      if (!isMark(c)) continue;
      const before = i > para.start ? text[i - 1] : ' ';
      const after = i + 1 < para.end ? text[i + 1] : ' ';
      const spaceBefore = isSpace(before.charCodeAt(0));
      const spaceAfter = isSpace(after.charCodeAt(0));
      const canOpen = (spaceBefore || OPENERS.has(before)) && !spaceAfter;
      const canClose = !spaceBefore && (spaceAfter || !isWordChar(after));

      if (c === LDQ) {
        // A second “ while one is open means the first lost its closing mark: start over.
        const k = openDouble();
        if (k >= 0 && stack[k].kind === 'curly') stack.length = k;
        push(i, 'curly');
      } else if (c === RDQ) {
        const k = openDouble();
        if (k >= 0) closeAt(k, i);
        else if (canOpen && isWordChar(after)) push(i, 'curly'); // ”…” typed with the wrong mark
      } else if (c === DQ) {
        const k = openDouble();
        if (k >= 0 && stack[k].kind === 'straight' && (canClose || !canOpen)) closeAt(k, i);
        else if (canOpen) {
          if (k >= 0 && stack[k].kind === 'straight') stack.length = k;
          push(i, 'straight');
        }
      } else {
        // ‘ opens, ’ closes, a straight ' may do either; inside a word all three are apostrophes.
        const top = stack[stack.length - 1];
        if (c !== LSQ && top?.kind === 'single' && canClose) closeAt(stack.length - 1, i);
        // ‘90s and ‘em are elisions, not quotations.
        else if (c !== RSQ && canOpen && isWordChar(after) && !/^\d\ds?\b|^em\b/.test(text.slice(i + 1, i + 4))) push(i, 'single');
      }
    }

    // A double quotation still open at the paragraph's end may continue in the next paragraph.
    const k = stack.findIndex((o) => o.kind !== 'single');
    if (k === 0) pending = emit(stack[0], -1, para.end);
  }
  if (pending >= 0 && out[pending].straight) out[pending].dropped = true;

  // Drop the stray pieces and renumber the links between the rest.
  const index = new Map<number, number>();
  const kept: Quoted[] = [];
  out.forEach((q, i) => {
    if (q.dropped) return;
    index.set(i, kept.length);
    kept.push({ open: q.open, start: q.start, end: q.end, close: q.close, prev: q.prev >= 0 ? (index.get(q.prev) ?? -1) : -1 });
  });
  return kept;
}
