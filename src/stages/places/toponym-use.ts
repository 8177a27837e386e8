// Is a place name used as a location or as a metonym for the state/government behind it?
// The cues are in data/gazetteer/toponym-use.yaml (its header gives the order of decision); this
// file only walks the tokens around a mention. Constant work per mention: a few Set look-ups.
import type { Doc, Mention, Token, ToponymUse } from '../../doc.js';
import { data } from '../../data/index.js';

interface Cues {
  locPrep: Set<string>;
  locFrames: Set<string>;
  geoNouns: Set<string>;
  epithets: Set<string>;
  attributes: Set<string>;
  compounds: Set<string>;
  placeHeads: Set<string>;
  skippable: Set<string>;
  relNouns: Set<string>;
  relPreps: Set<string>;
  /** metonymic frames keyed by their last word */
  frames: Map<string, string[][]>;
  locSubjVerbs: Set<string>;
  passiveMetonym: Set<string>;
  copulas: Set<string>;
  locPredicates: Set<string>;
  /** direction word → compass (n, se, c …) */
  directions: Map<string, string>;
}

let C: Cues | null = null;

export function cues(): Cues {
  if (C) return C;
  const y = data('gazetteer/toponym-use.yaml');
  const set = (k: Exclude<keyof typeof y, 'metonymic_frames'>) => new Set(y[k].map((w) => w.toLowerCase()));
  const frames = new Map<string, string[][]>();
  for (const f of y.metonymic_frames as string[][]) {
    const last = f[f.length - 1];
    frames.set(last, [...(frames.get(last) ?? []), f]);
  }
  C = {
    locPrep: set('locative_prepositions'),
    locFrames: set('locative_frames'),
    geoNouns: set('geographic_nouns'),
    epithets: set('epithet_heads'),
    attributes: set('attribute_heads'),
    compounds: set('compound_heads'),
    placeHeads: set('place_heads'),
    skippable: set('skippable_modifiers'),
    relNouns: set('relational_nouns'),
    relPreps: set('relational_prepositions'),
    frames,
    locSubjVerbs: set('locative_subject_verbs'),
    passiveMetonym: set('passive_metonym_verbs'),
    copulas: set('copula_verbs'),
    locPredicates: set('locative_predicate_nouns'),
    directions: new Map(data('gazetteer/directions.tsv').map((r) => [r.word.toLowerCase(), r.compass])),
  };
  return C;
}

export interface UseContext {
  /** the mention is the dateline's place */
  dateline?: boolean;
  /** the toponym mention starting or ending at a token, for coordination ("Iran and Syria agreed") */
  toponymStartingAt?: (tok: number) => Mention | undefined;
  toponymEndingAt?: (tok: number) => Mention | undefined;
}

export interface UseDecision {
  use: ToponymUse;
  /** which cue decided (for tests and debugging) … */
  cue: string;
  /** … and the word that triggered it, if any */
  word?: string;
}

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const HYPHENS = new Set(['-', '–', '‐']);
const COORD = new Set(['and', 'or', ',', '&']);

/** Where the walk is: the mention, its sentence's token bounds, the cues. */
interface At {
  T: Token[];
  lo: number;
  hi: number;
  m: Mention;
  c: Cues;
  ctx: UseContext;
}

const tok = (s: At, i: number): Token | undefined => (i >= s.lo && i < s.hi ? s.T[i] : undefined);

/** Decides how one toponym mention is used. */
export function toponymUse(doc: Doc, m: Mention, ctx: UseContext = {}): UseDecision {
  if (ctx.dateline) return { use: 'location', cue: 'dateline' };
  const sent = doc.sentences[m.sent];
  const s: At = { T: doc.tokens, lo: sent ? sent.first : 0, hi: sent ? sent.last : doc.tokens.length, m, c: cues(), ctx };
  const c = s.c;

  // 2. right context
  const r = tok(s, m.last);
  if (r) {
    if (POSSESSIVE.has(r.lower) && r.pos !== 'PUNCT') return possessive(s, m.last + 1);
    const h = tok(s, m.last + 1);
    if (HYPHENS.has(r.text) && h && r.end === h.start && r.start === s.T[m.last - 1].end) {
      if (c.compounds.has(h.lower)) return { use: 'metonym', cue: 'compound', word: h.lower };
      if (c.placeHeads.has(h.lower)) return { use: 'location', cue: 'compound-place', word: h.lower };
    }
    if (c.epithets.has(r.lower) && r.pos !== 'VERB') return { use: 'metonym', cue: 'epithet', word: r.lower };
    if (c.attributes.has(r.lower)) return { use: 'metonym', cue: 'attribute', word: r.lower };
    if (c.placeHeads.has(r.lower)) return { use: 'location', cue: 'place-head', word: r.lower };
  }
  // 3. left context (through coordinated names: "between Iran and Syria")
  // 4. subject of a verb
  return leftDecision(s, m.first) ?? subject(s) ?? { use: 'location', cue: 'default' };
}

function possessive(s: At, k: number): UseDecision {
  for (let n = 0; n < 4; n++, k++) {
    const t = tok(s, k);
    if (!t) break;
    if (s.c.geoNouns.has(t.lower) || s.c.directions.has(t.lower)) return { use: 'location', cue: 'possessive-geo', word: t.lower };
    if (t.pos === 'PROPN' && s.ctx.toponymStartingAt?.(k)) return { use: 'location', cue: 'possessive-place' };
    if (t.pos === 'NOUN' || t.pos === 'PROPN') return { use: 'metonym', cue: 'possessive', word: t.lower };
    if (t.pos !== 'ADJ' && t.pos !== 'ADV' && t.pos !== 'NUM' && !HYPHENS.has(t.text)) break;
  }
  return { use: 'metonym', cue: 'possessive' };
}

function leftDecision(s: At, first: number): UseDecision | null {
  const c = s.c;
  let p = first - 1;
  // skip "the occupied", "the city of" … but stop at "of" when a frame noun precedes it
  for (let t = tok(s, p); t && c.skippable.has(t.lower); t = tok(s, --p)) {
    const before = tok(s, p - 1);
    if (t.lower === 'of' && before && !c.skippable.has(before.lower)) break;
  }
  const t = tok(s, p);
  if (!t) return null;
  const w = t.lower;
  for (const f of c.frames.get(w) ?? []) {
    let ok = true;
    for (let q = 0; q < f.length && ok; q++) ok = tok(s, p - f.length + 1 + q)?.lower === f[q];
    if (ok) return { use: 'metonym', cue: 'frame', word: f.join(' ') };
  }
  if (c.relPreps.has(w)) {
    let q = p - 1;
    while (tok(s, q) && (tok(s, q)!.pos === 'ADJ' || tok(s, q)!.lower === 'the')) q--;
    const n = tok(s, q);
    if (n && c.relNouns.has(n.lower)) return { use: 'metonym', cue: 'relation', word: n.lower };
  }
  if (w === 'of') {
    const n = tok(s, p - 1);
    if (n && c.locFrames.has(n.lower)) return { use: 'location', cue: 'frame-of', word: n.lower };
    if (n && c.epithets.has(n.lower)) return { use: 'metonym', cue: 'epithet-of', word: n.lower };
    return null;
  }
  if (c.locPrep.has(w)) return { use: 'location', cue: 'prep', word: w };
  if (COORD.has(w)) {
    const prev = s.ctx.toponymEndingAt?.(p - 1);
    if (prev) return leftDecision(s, prev.first);
  }
  return null;
}

/** A verb after the name (past adverbs, auxiliaries and coordinated names) makes it a subject. */
function subject(s: At): UseDecision | null {
  const c = s.c;
  // the object of a verb or a preposition is not a subject
  const before = tok(s, s.m.first - 1);
  if (before && (before.pos === 'VERB' || before.pos === 'ADP')) return null;
  let k = s.m.last;
  // coordinated names: "Iran and Saudi Arabia reconciled"
  // and other names: "Israel and Hamas agreed"
  for (let t = tok(s, k); t && COORD.has(t.lower); t = tok(s, k)) {
    let q = k + 1;
    if (tok(s, q)?.lower === 'and') q++;
    const next = s.ctx.toponymStartingAt?.(q);
    if (next) {
      k = next.last;
      continue;
    }
    let r = q;
    while (tok(s, r)?.pos === 'PROPN') r++;
    if (r === q) break;
    k = r;
  }
  let be = false;
  for (;;) {
    const t = tok(s, k);
    if (!t) return null;
    if (t.pos === 'ADV' || t.lower === 'not') {
      k++;
      continue;
    }
    if (t.pos === 'AUX') {
      if (t.lemma.toLowerCase() === 'be' || t.lower === 'been' || t.lower === 'being') be = true;
      k++;
      continue;
    }
    if (t.pos !== 'VERB' && !looksVerbal(s, k)) {
      // a copula with no verb after it: "Iran has been a pioneer", "Damascus is the capital"
      return be ? predicate(s, k) : null;
    }
    const lemma = t.pos === 'VERB' ? t.lemma.toLowerCase() : t.lower;
    if (be && !t.lower.endsWith('ing')) {
      return c.passiveMetonym.has(lemma)
        ? { use: 'metonym', cue: 'passive', word: lemma }
        : { use: 'location', cue: 'passive-locative', word: lemma };
    }
    if (c.copulas.has(lemma)) return predicate(s, k + 1);
    if (c.locSubjVerbs.has(lemma)) return { use: 'location', cue: 'subject-locative', word: lemma };
    return { use: 'metonym', cue: 'subject', word: lemma };
  }
}

/** The tagger calls some past tenses adjectives ("Iran and Saudi Arabia reconciled last month"). */
function looksVerbal(s: At, k: number): boolean {
  const t = tok(s, k)!;
  const next = tok(s, k + 1);
  return t.pos === 'ADJ' && t.lower.endsWith('ed') && (!next || (next.pos !== 'NOUN' && next.pos !== 'PROPN'));
}

function predicate(s: At, k: number): UseDecision {
  for (let n = 0; n < 6; n++, k++) {
    const t = tok(s, k);
    if (!t) break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') {
      return s.c.locPredicates.has(t.lower)
        ? { use: 'location', cue: 'predicate-place', word: t.lower }
        : { use: 'metonym', cue: 'predicate', word: t.lower };
    }
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'ADV' && t.pos !== 'NUM' && t.pos !== 'PUNCT') break;
  }
  return { use: 'location', cue: 'copula' };
}

export interface RegionFrame {
  /** compass code (n, s, se, c …) */
  compass: string;
  /** the direction word as written ("southern", "north") */
  word: string;
  /** tokens of the whole phrase ("southern part of Syria", "Syria's south") */
  first: number;
  last: number;
}

const PART_NOUNS = new Set(['part', 'parts', 'region', 'regions', 'areas', 'area', 'half', 'portion', 'reaches', 'section', 'stretches']);

/**
 * A direction that carves a region out of the named place: "southern Syria", "the southern part of
 * Syria", "the north of Gaza", "Syria's south". Not "north of Damascus" (a place outside it).
 */
export function regionFrame(doc: Doc, m: Mention): RegionFrame | null {
  const T = doc.tokens;
  const sent = doc.sentences[m.sent];
  const lo = sent ? sent.first : 0;
  const hi = sent ? sent.last : T.length;
  const low = (i: number) => (i >= lo && i < hi ? T[i].lower : '');
  const f = m.first;
  let d = directionEndingAt(doc, f - 1, lo);
  if (d && T[f - 1].pos !== 'NOUN') return { ...d, last: m.last };
  if (low(f - 1) === 'of') {
    const q = f - 2;
    if (PART_NOUNS.has(low(q)) && (d = directionEndingAt(doc, q - 1, lo))) return { ...d, last: m.last };
    if ((d = directionEndingAt(doc, q, lo)) && low(d.first - 1) === 'the') return { ...d, last: m.last };
  }
  if (POSSESSIVE.has(low(m.last))) {
    const e = directionStartingAt(doc, m.last + 1, hi);
    if (e) return { compass: e.compass, word: e.word, first: f, last: e.last };
  }
  return null;
}

/** A direction word ending at token i: "southern", or "north-eastern" written as three tokens. */
function directionEndingAt(doc: Doc, i: number, lo: number): { compass: string; word: string; first: number } | null {
  const d = cues().directions;
  const T = doc.tokens;
  if (i < lo) return null;
  if (i - 2 >= lo && HYPHENS.has(T[i - 1].text)) {
    const w = `${T[i - 2].lower}-${T[i].lower}`;
    if (d.has(w)) return { compass: d.get(w)!, word: doc.text.slice(T[i - 2].start, T[i].end), first: i - 2 };
  }
  return d.has(T[i].lower) ? { compass: d.get(T[i].lower)!, word: T[i].text, first: i } : null;
}

function directionStartingAt(doc: Doc, i: number, hi: number): { compass: string; word: string; last: number } | null {
  const d = cues().directions;
  const T = doc.tokens;
  if (i >= hi) return null;
  if (i + 2 < hi && HYPHENS.has(T[i + 1].text)) {
    const w = `${T[i].lower}-${T[i + 2].lower}`;
    if (d.has(w)) return { compass: d.get(w)!, word: doc.text.slice(T[i].start, T[i + 2].end), last: i + 3 };
  }
  return d.has(T[i].lower) ? { compass: d.get(T[i].lower)!, word: T[i].text, last: i + 1 } : null;
}
