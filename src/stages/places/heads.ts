// Head words of place names (data/gazetteer/heads.tsv): "Kaplan Street" is a street, "Kupiansk
// district" a division named after a town, "the Atalaya neighbourhood" part of a town, "River Nile" a
// river. The head decides which gazetteer readings a name may take (src/stages/places/index.ts).
import type { Doc, Mention, PlacePrecision } from '../../doc.js';
import { data } from '../../data/index.js';
import { memo } from '../../memo.js';

export type HeadKind = 'facility' | 'quarter' | 'admin' | 'water' | 'terrain';

export interface Head {
  kind: HeadKind;
  /** for admin heads, the level the cue names */
  precision: PlacePrecision | null;
  /** the head as written, lower case ("local government area") */
  words: string;
  /** inside the name (at its end or start) or outside it: in the lower-case words after it, or a division's before it with "of" ("the department of Arauca") */
  where: 'end' | 'lead' | 'after';
  /** the name without the head ("Kupiansk" of "Kupiansk district"); the whole name when the head follows it */
  base: string;
}

interface Heads {
  suffix: Map<string, { kind: HeadKind; precision: PlacePrecision | null }>;
  lead: Map<string, { kind: HeadKind; precision: PlacePrecision | null }>;
  maxWords: number;
}

let H: Heads | null = null;

export function heads(): Heads {
  if (H) return H;
  const suffix = new Map<string, { kind: HeadKind; precision: PlacePrecision | null }>();
  const lead = new Map<string, { kind: HeadKind; precision: PlacePrecision | null }>();
  let maxWords = 1;
  for (const r of data('gazetteer/heads.tsv')) {
    const v = { kind: r.kind, precision: r.precision || null };
    (r.position === 'lead' ? lead : suffix).set(r.head, v);
    maxWords = Math.max(maxWords, r.head.split(' ').length);
  }
  H = { suffix, lead, maxWords };
  return H;
}

/** True when the lower-case word (or words) is a head word ("district", "neighbourhoods"). */
export function isHeadWord(words: string): boolean {
  return heads().suffix.has(words);
}

/**
 * The head of a toponym's text ("Sara Square", "River Nile", "Beni territory"), or null. The name
 * keeps at least one word of its own: "Square" alone is no head.
 */
export const headOfName: (text: string) => Head | null = memo(headOfNameUncached, 20000);

function headOfNameUncached(text: string): Head | null {
  const h = heads();
  const words = text.replace(/^the\s+/i, '').split(/\s+/);
  const low = words.map((w) => w.toLowerCase());
  for (let m = Math.min(h.maxWords, words.length - 1); m >= 1; m--) {
    const w = low.slice(words.length - m).join(' ');
    const v = h.suffix.get(w) ?? h.suffix.get(w.replace(/\.$/, ''));
    if (v) return { ...v, words: w, where: 'end', base: words.slice(0, words.length - m).join(' ') };
  }
  for (let m = Math.min(h.maxWords, words.length - 1); m >= 1; m--) {
    const w = low.slice(0, m).join(' ');
    const v = h.lead.get(w);
    if (v) return { ...v, words: w, where: 'lead', base: words.slice(m).join(' ') };
  }
  return null;
}

/**
 * A head in the lower-case words right after a mention ("the Atalaya neighbourhood", "Idlib
 * province"), also across coordinated names ("the Haret Hreik and Ghobeiry neighbourhoods", "River
 * Nile and Red Sea states"). `nextToponym` gives the toponym mention starting at a token.
 */
export function headAfter(doc: Doc, m: Mention, nextToponym: (tok: number) => Mention | undefined): Head | null {
  const h = heads();
  const T = doc.tokens;
  let k = m.last;
  for (let hop = 0; hop < 4; hop++) {
    // the longest run of lower-case words that is a head ("local government area" before "local")
    let w = '';
    let found: { w: string; v: { kind: HeadKind; precision: PlacePrecision | null } } | null = null;
    for (let n = 0; n < h.maxWords; n++) {
      const t = T[k + n];
      if (!t || t.sent !== m.sent || t.text[0] !== t.lower[0]) break;
      w = n ? `${w} ${t.lower}` : t.lower;
      const v = h.suffix.get(w);
      if (v) found = { w, v };
    }
    // across coordinated names only a plural head is shared: "Raqqa and Idlib province" is one province
    if (found && (hop === 0 || found.w.endsWith('s'))) return { ...found.v, words: found.w, where: 'after', base: doc.text.slice(m.start, m.end) };
    const t = T[k];
    if (!t || t.sent !== m.sent || (t.lower !== 'and' && t.lower !== ',' && t.lower !== 'or')) return null;
    const next = nextToponym(k + 1);
    if (!next) return null;
    k = next.last;
  }
  return null;
}

/**
 * A division's head in the lower-case words before a mention, joined by "of": "the eastern
 * department of Arauca", "the province of Idlib". Only division heads: "the city of X" names the
 * town, which is read anyway.
 */
export function divisionHeadBefore(doc: Doc, m: Mention): Head | null {
  const T = doc.tokens;
  const of = T[m.first - 1];
  const t = T[m.first - 2];
  if (!of || !t || of.lower !== 'of' || t.sent !== m.sent || t.text !== t.lower) return null;
  const v = heads().suffix.get(t.lower);
  if (!v || v.kind !== 'admin' || v.precision !== 'admin1') return null;
  return { ...v, words: t.lower, where: 'after', base: doc.text.slice(m.start, m.end) };
}
