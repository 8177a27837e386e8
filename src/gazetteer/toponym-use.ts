// Is a place name used as a location or as a metonym for the state/government behind it?
// The cues are in data/gazetteer/toponym-use.yaml (its header gives the order of decision); this
// file only walks the tokens around a mention. Constant work per mention: a few Set look-ups.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import type { Doc, Mention, Token, ToponymUse } from '../doc.js';
import { DATA_DIR, readTsv } from './build.js';

interface Cues {
  locPrep: Set<string>;
  locFrames: Set<string>;
  geoNouns: Set<string>;
  epithets: Set<string>;
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
  const y = YAML.parse(readFileSync(join(DATA_DIR, 'toponym-use.yaml'), 'utf8')) as Record<string, unknown>;
  const set = (k: string) => {
    const v = y[k];
    if (!Array.isArray(v)) throw new Error(`toponym-use.yaml: ${k} missing`);
    return new Set((v as string[]).map((w) => String(w).toLowerCase()));
  };
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
    directions: new Map(readTsv(join(DATA_DIR, 'directions.tsv')).map((r) => [r.word.toLowerCase(), r.compass])),
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
  /** which cue decided, for tests and debugging */
  cue: string;
}

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const HYPHENS = new Set(['-', '–', '‐']);
const COORD = new Set(['and', 'or', ',', '&']);

/** Decides how one toponym mention is used. */
export function toponymUse(doc: Doc, m: Mention, ctx: UseContext = {}): UseDecision {
  if (ctx.dateline) return { use: 'location', cue: 'dateline' };
  const c = cues();
  const T = doc.tokens;
  const sent = doc.sentences[m.sent];
  const lo = sent ? sent.first : 0;
  const hi = sent ? sent.last : T.length;
  const at = (i: number): Token | undefined => (i >= lo && i < hi ? T[i] : undefined);

  // 2. right context
  const r = at(m.last);
  if (r) {
    if (POSSESSIVE.has(r.lower) && r.pos !== 'PUNCT') return possessive(m.last + 1);
    if (HYPHENS.has(r.text) && r.end === at(m.last + 1)?.start && r.start === T[m.last - 1].end) {
      const h = at(m.last + 1)!.lower;
      if (c.compounds.has(h)) return { use: 'metonym', cue: `compound:${h}` };
      if (c.placeHeads.has(h)) return { use: 'location', cue: `compound-place:${h}` };
    }
    if (c.epithets.has(r.lower) && r.pos !== 'VERB') return { use: 'metonym', cue: `epithet:${r.lower}` };
    if (c.placeHeads.has(r.lower)) return { use: 'location', cue: `place-head:${r.lower}` };
  }

  // 3. left context (through coordinated names: "between Iran and Syria")
  const left = leftDecision(m.first);
  if (left) return left;

  // 4. subject of a verb
  return subject(m.last) ?? { use: 'location', cue: 'default' };

  function possessive(k: number): UseDecision {
    for (let n = 0; n < 4; n++, k++) {
      const t = at(k);
      if (!t) break;
      if (c.geoNouns.has(t.lower) || c.directions.has(t.lower)) return { use: 'location', cue: `possessive-geo:${t.lower}` };
      if (t.pos === 'PROPN' && ctx.toponymStartingAt?.(k)) return { use: 'location', cue: 'possessive-place' };
      if (t.pos === 'NOUN' || t.pos === 'PROPN') return { use: 'metonym', cue: `possessive:${t.lower}` };
      if (t.pos !== 'ADJ' && t.pos !== 'ADV' && t.pos !== 'NUM' && !HYPHENS.has(t.text)) break;
    }
    return { use: 'metonym', cue: 'possessive' };
  }

  function leftDecision(first: number): UseDecision | null {
    let p = first - 1;
    while (at(p) && c.skippable.has(at(p)!.lower) && !(at(p)!.lower === 'of' && at(p - 1) && !c.skippable.has(at(p - 1)!.lower))) p--;
    const t = at(p);
    if (!t) return null;
    const w = t.lower;
    for (const f of c.frames.get(w) ?? []) {
      let ok = true;
      for (let q = 0; q < f.length && ok; q++) ok = at(p - f.length + 1 + q)?.lower === f[q];
      if (ok) return { use: 'metonym', cue: `frame:${f.join(' ')}` };
    }
    if (c.relPreps.has(w)) {
      let q = p - 1;
      while (at(q) && (at(q)!.pos === 'ADJ' || at(q)!.lower === 'the')) q--;
      const n = at(q);
      if (n && c.relNouns.has(n.lower)) return { use: 'metonym', cue: `relation:${n.lower} ${w}` };
    }
    if (w === 'of') {
      const n = at(p - 1);
      if (n && c.locFrames.has(n.lower)) return { use: 'location', cue: `frame-of:${n.lower}` };
      if (n && c.epithets.has(n.lower)) return { use: 'metonym', cue: `epithet-of:${n.lower}` };
      return null;
    }
    if (c.locPrep.has(w)) return { use: 'location', cue: `prep:${w}` };
    if (COORD.has(w)) {
      const prev = ctx.toponymEndingAt?.(p);
      if (prev) return leftDecision(prev.first);
    }
    return null;
  }

  function subject(j: number): UseDecision | null {
    // the name must not be the object of something before it
    const before = at(m.first - 1);
    if (before && (before.pos === 'VERB' || before.pos === 'ADP')) return null;
    let k = j;
    // coordinated names: "Iran and Saudi Arabia reconciled"
    for (;;) {
      const t = at(k);
      if (!t || !COORD.has(t.lower)) break;
      let q = k + 1;
      if (at(q)?.lower === 'and') q++;
      const next = ctx.toponymStartingAt?.(q);
      if (!next) break;
      k = next.last;
    }
    let be = false;
    for (;;) {
      const t = at(k);
      if (!t) return null;
      if (t.pos === 'ADV' || t.lower === 'not' || t.lower === "n't") {
        k++;
        continue;
      }
      if (t.pos === 'AUX') {
        if (t.lemma.toLowerCase() === 'be' || t.lower === 'been' || t.lower === 'being') be = true;
        // a copula with no verb after it: "Iran has been a pioneer"
        let q = k + 1;
        while (at(q) && (at(q)!.pos === 'ADV' || at(q)!.pos === 'AUX' || at(q)!.lower === 'not')) q++;
        if (at(q)?.pos !== 'VERB') return be ? predicate(q) : null;
        k++;
        continue;
      }
      if (t.pos !== 'VERB') return null;
      const lemma = t.lemma.toLowerCase();
      if (be && !t.lower.endsWith('ing')) {
        return c.passiveMetonym.has(lemma)
          ? { use: 'metonym', cue: `passive:${lemma}` }
          : { use: 'location', cue: `passive-locative:${lemma}` };
      }
      if (c.copulas.has(lemma)) return predicate(k + 1);
      if (c.locSubjVerbs.has(lemma)) return { use: 'location', cue: `subject-locative:${lemma}` };
      return { use: 'metonym', cue: `subject:${lemma}` };
    }
  }

  function predicate(k: number): UseDecision {
    for (let n = 0; n < 6; n++, k++) {
      const t = at(k);
      if (!t) break;
      if (t.pos === 'NOUN' || t.pos === 'PROPN') {
        return c.locPredicates.has(t.lower)
          ? { use: 'location', cue: `predicate-place:${t.lower}` }
          : { use: 'metonym', cue: `predicate:${t.lower}` };
      }
      if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'ADV' && t.pos !== 'NUM' && t.pos !== 'PUNCT') break;
    }
    return { use: 'location', cue: 'copula' };
  }
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
  const d = cues().directions;
  const T = doc.tokens;
  const sent = doc.sentences[m.sent];
  const lo = sent ? sent.first : 0;
  const hi = sent ? sent.last : T.length;
  const low = (i: number) => (i >= lo && i < hi ? T[i].lower : '');
  const f = m.first;
  if (d.has(low(f - 1)) && T[f - 1].pos !== 'NOUN') return { compass: d.get(low(f - 1))!, word: T[f - 1].text, first: f - 1, last: m.last };
  if (low(f - 1) === 'of') {
    let q = f - 2;
    if (PART_NOUNS.has(low(q)) && d.has(low(q - 1))) return { compass: d.get(low(q - 1))!, word: T[q - 1].text, first: q - 1, last: m.last };
    if (d.has(low(q)) && low(q - 1) === 'the') return { compass: d.get(low(q))!, word: T[q].text, first: q, last: m.last };
  }
  if (POSSESSIVE.has(low(m.last)) && d.has(low(m.last + 1))) {
    return { compass: d.get(low(m.last + 1))!, word: T[m.last + 1].text, first: f, last: m.last + 2 };
  }
  return null;
}
