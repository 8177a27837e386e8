// Tokens, sentences and parts of speech from wink-nlp. Its tokenisation is lossless (each token
// carries its preceding whitespace), so character offsets are recovered by walking the text.
import { createRequire } from 'node:module';
import type { Doc, Stage, Token, Sentence, Paragraph } from '../doc.js';

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

    const raw: Omit<Token, 'i' | 'sent'>[] = [];
    let at = 0;
    for (let k = 0; k < values.length; k++) {
      at += spaces[k].length;
      const v = values[k];
      // Whitespace tokens (line breaks) carry no meaning for the stages after this one.
      if (/^\s+$/.test(v)) {
        at += v.length;
        continue;
      }
      raw.push({ start: at, end: at + v.length, text: v, lower: v.toLowerCase(), pos: pos[k], lemma: lemma[k] });
      at += v.length;
      (raw[raw.length - 1] as { k?: number }).k = k;
    }
    if (at !== text.length) throw new Error(`tokeniser lost text: ${at} of ${text.length} characters`);

    // Map wink token index -> sentence, then split sentences at paragraph breaks too.
    const sentOf = new Int32Array(values.length);
    spans.forEach(([a, b], s) => {
      for (let k = a; k <= b; k++) sentOf[k] = s;
    });
    const paras = doc.paragraphs;
    let p = 0;
    const sentences: Sentence[] = [];
    const toks: Token[] = [];
    let prevKey = '';
    for (const r of raw) {
      const k = (r as { k?: number }).k!;
      delete (r as { k?: number }).k;
      while (p < paras.length - 1 && r.start >= paras[p + 1].start) p++;
      const key = `${sentOf[k]}:${p}`;
      const t: Token = { ...r, i: toks.length, sent: 0 };
      if (key !== prevKey) {
        sentences.push({ i: sentences.length, start: t.start, end: t.end, first: t.i, last: t.i + 1, paragraph: p });
        prevKey = key;
      }
      const s = sentences[sentences.length - 1];
      t.sent = s.i;
      s.end = t.end;
      s.last = t.i + 1;
      toks.push(t);
    }
    doc.tokens = toks;
    doc.sentences = sentences;
  },
};
