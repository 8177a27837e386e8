// Tokens, sentences and parts of speech from wink-nlp. Its tokenisation is lossless (each token
// carries its preceding whitespace), so character offsets are recovered by walking the text.
import { createRequire } from 'node:module';
import type { Doc, Stage, Token, Sentence, Paragraph } from '../../doc.js';

const require = createRequire(import.meta.url);
// wink-nlp ships CommonJS without types; load once per process (the model takes ~100 ms).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let nlp: any = null;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let its: any = null;
function load() {
  if (!nlp) {
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    nlp = winkNLP(model, ['sbd', 'pos']);
    its = nlp.its;
  }
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

export const tokens: Stage = {
  name: 'tokens',
  reads: ['text'],
  writes: ['paragraphs', 'tokens', 'sentences'],
  adds: 'tokens, sentences, paragraphs, parts of speech (wink-nlp)',
  run(doc: Doc) {
    load();
    const text = doc.text;
    doc.paragraphs = paragraphs(text);
    const wd = nlp.readDoc(text);
    const values: string[] = wd.tokens().out();
    const spaces: string[] = wd.tokens().out(its.precedingSpaces);
    const pos: string[] = wd.tokens().out(its.pos);
    const lemma: string[] = wd.tokens().out(its.lemma);
    const spans: [number, number][] = wd.sentences().out(its.span);

    // Map wink token index -> sentence; sentences are also split at paragraph breaks.
    const sentOf = new Int32Array(values.length);
    for (let s = 0; s < spans.length; s++) for (let k = spans[s][0]; k <= spans[s][1]; k++) sentOf[k] = s;
    const paras = doc.paragraphs;
    const toks: Token[] = [];
    const sentences: Sentence[] = [];
    let at = 0;
    let p = 0;
    let prevSent = -1;
    let prevPara = -1;
    for (let k = 0; k < values.length; k++) {
      at += spaces[k].length;
      const v = values[k];
      const start = at;
      at += v.length;
      // Whitespace tokens (line breaks) carry no meaning for the stages after this one.
      if (v.trim() === '') continue;
      while (p < paras.length - 1 && start >= paras[p + 1].start) p++;
      if (sentOf[k] !== prevSent || p !== prevPara) {
        sentences.push({ i: sentences.length, start, end: at, first: toks.length, last: toks.length, paragraph: p });
        prevSent = sentOf[k];
        prevPara = p;
      }
      const s = sentences[sentences.length - 1];
      toks.push({ i: toks.length, start, end: at, text: v, lower: v.toLowerCase(), pos: pos[k], lemma: lemma[k], sent: s.i });
      s.end = at;
      s.last = toks.length;
    }
    // Trailing whitespace belongs to no token; anything else left over would break every offset.
    if (at > text.length || text.slice(at).trim() !== '') throw new Error(`tokeniser lost text: ${at} of ${text.length} characters`);
    doc.tokens = toks;
    doc.sentences = sentences;
  },
};
