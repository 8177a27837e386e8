// Where the text puts a place the gazetteer cannot: "the Kafouri district in Khartoum North", "Huwara,
// south of Nablus", "Sanaa's Sabeen Square", "the Karte Naw area of the city", "In Tel Aviv, …
// on Kaplan Street". Coders of event data (ACLED) place such a village, quarter or street at the
// nearest named place, with a coarser precision; src/stages/places/index.ts does the same with the anchor
// found here. Token look-ups within the sentence only: constant work per mention.
import type { Doc, Mention, Token } from '../../doc.js';
import { cues } from './toponym-use.js';
import { heads } from './heads.js';
import { data } from '../../data/index.js';

export interface AnchorCtx {
  toponymStartingAt(tok: number): Mention | undefined;
  toponymEndingAt(tok: number): Mention | undefined;
}

export type AnchorHow = 'in' | 'direction' | 'apposition' | 'possessive' | 'sentence' | 'the-city';

/** A candidate anchor: a toponym mention, or "the city" (the town the article is in at that point). */
export interface Anchor {
  mention: Mention | null;
  how: AnchorHow;
}

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const COORD = new Set(['and', 'or', ',']);

interface Words {
  approx: Set<string>;
  units: Set<string>;
  /** relation phrases (data/gazetteer/anchors.yaml) by their first word, longest first */
  relations: Map<string, string[][]>;
  frame: Set<string>;
  city: Set<string>;
  locative: Set<string>;
}

let W: Words | null = null;

function words(): Words {
  if (W) return W;
  const a = data('gazetteer/anchors.yaml');
  const relations = new Map<string, string[][]>();
  for (const r of a.relations.map((p) => p.split(' '))) relations.set(r[0], [...(relations.get(r[0]) ?? []), r].sort((x, y) => y.length - x.length));
  W = {
    approx: new Set(a.approximately),
    units: new Set(a.distance_units),
    relations,
    frame: new Set(a.frame_words),
    city: new Set(a.city_words),
    locative: new Set(a.locative),
  };
  return W;
}

/**
 * Anchors the text gives for a mention, best first: a relation after it ("in Y", ", south of Y",
 * ", Y"), then a possessive before it ("Y's"), then, for places inside a town, the town the sentence
 * is in ("In Y, … at X"). The caller keeps the first that resolved to a place coarse enough.
 */
export function anchorsOf(doc: Doc, m: Mention, ctx: AnchorCtx, insideTown: boolean): Anchor[] {
  const out: Anchor[] = [];
  const sent = doc.sentences[m.sent];
  const lo = sent ? sent.first : 0;
  const hi = sent ? sent.last : doc.tokens.length;
  const T = doc.tokens;
  const at = (i: number): Token | undefined => (i >= lo && i < hi ? T[i] : undefined);
  const low = (i: number) => at(i)?.lower ?? '';
  const { suffix, maxWords } = heads();
  const dirs = cues().directions;
  const W = words();

  // --- after the name: its head words and any names coordinated with it
  let k = m.last;
  for (let hop = 0; hop < 4; hop++) {
    let w = '';
    let skip = 0;
    for (let n = 0; n < maxWords && low(k + n); n++) {
      w = n ? `${w} ${low(k + n)}` : low(k + n);
      if (suffix.has(w)) skip = n + 1;
    }
    k += skip;
    if (!COORD.has(low(k))) break;
    const next = ctx.toponymStartingAt(k + 1) ?? (low(k + 1) === 'and' ? ctx.toponymStartingAt(k + 2) : undefined);
    if (!next) break;
    // "Oicha, Beni territory" is a name and where it is, not a list: a comma joins names only when
    // more of the list follows
    const more = low(next.last) === 'and' || low(next.last) === 'or' || (low(next.last) === ',' && !!ctx.toponymStartingAt(next.last + 1));
    if (low(k) === ',' && !more && !suffix.has(low(next.last))) break;
    k = next.last;
  }
  const comma = low(k) === ',' || low(k) === '(';
  let q = comma ? k + 1 : k;
  if (W.approx.has(low(q))) q++;
  if (at(q)?.pos === 'NUM') {
    q++;
    while (W.units.has(low(q))) q++;
  }
  let how: AnchorHow | null = null;
  const d = directionAt(doc, q, hi, dirs);
  if (d !== null && low(d) === 'of') {
    how = 'direction';
    q = d + 1;
  } else {
    for (const r of W.relations.get(low(q)) ?? []) {
      if (r.every((w, i) => low(q + i) === w)) {
        how = 'in';
        q += r.length;
        break;
      }
    }
    if (!how && comma) how = 'apposition';
  }
  if (how) {
    // "south of the city of Hama", "in the southern countryside of Idlib", "of the city"
    let sawCity = false;
    for (let n = 0; n < 5; n++) {
      const w = low(q);
      if (w === 'the' || w === 'of' || dirs.has(w) || W.frame.has(w)) q++;
      else if (W.city.has(w)) {
        sawCity = true;
        q++;
      } else break;
    }
    let y = ctx.toponymStartingAt(q);
    // "in Colombia's eastern Arauca province": the innermost place of the chain
    for (let n = 0; y && n < 3; n++) {
      let r = y.last;
      if (!POSSESSIVE.has(low(r)) || at(r)?.pos === 'PUNCT') break;
      r++;
      while (dirs.has(low(r)) || at(r)?.pos === 'ADJ') r++;
      const z = ctx.toponymStartingAt(r);
      if (!z) break;
      y = z;
    }
    if (y) out.push({ mention: y, how });
    else if (sawCity && how !== 'apposition' && (!at(q) || at(q)!.pos !== 'PROPN')) out.push({ mention: null, how: 'the-city' });
  }

  // --- "Y's X", "Y's heavily fortified X"
  let p = m.first - 1;
  const modifier = (t: Token | undefined) => !!t && (t.pos === 'ADJ' || t.pos === 'ADV' || (t.pos === 'VERB' && t.lower.endsWith('ed')));
  for (let n = 0; n < 3 && modifier(at(p)); n++) p--;
  if (at(p) && POSSESSIVE.has(at(p)!.lower) && at(p)!.pos !== 'PUNCT') {
    const y = ctx.toponymEndingAt(p - 1);
    if (y) out.push({ mention: y, how: 'possessive' });
  }

  // --- a street, square or quarter lies in the town the sentence is in: "In Tel Aviv, … on Kaplan Street"
  if (insideTown) {
    for (let i = m.first - 1; i > lo; i--) {
      const y = ctx.toponymEndingAt(i);
      if (!y) continue;
      if (W.locative.has(low(y.first - 1))) out.push({ mention: y, how: 'sentence' });
      i = y.first;
    }
  }
  return out;
}

/** The token after a direction word at i ("south", "north-east" as one or three tokens), or null. */
function directionAt(doc: Doc, i: number, hi: number, dirs: Map<string, string>): number | null {
  const T = doc.tokens;
  if (i >= hi) return null;
  if (i + 2 < hi && (T[i + 1].text === '-' || T[i + 1].text === '–') && dirs.has(`${T[i].lower}-${T[i + 2].lower}`)) return i + 3;
  return dirs.has(T[i].lower) ? i + 1 : null;
}
