// PLOVER's auxiliary modes: a cue before a trigger makes its event negated, future or hypothetical
// only where the syntax lets the cue reach the trigger (data/events/modes.yaml explains how).
import type { Doc, Token } from '../../doc.js';
import { data } from '../../data/index.js';

type Mode = 'actual' | 'future' | 'hypothetical' | 'negated' | 'threatened';
type Reach = 'verb' | 'phrase' | 'clause';

interface Cue {
  words: string[];
  mode: Mode;
  reach: Reach;
  would: boolean;
}

interface Lexicon {
  window: number;
  infinitive: Set<string>;
  implicative: Set<string>;
  byLast: Map<string, Cue[]>;
  reported: Set<string>;
  content: Set<string>;
  governing: Map<string, Mode>;
  nonspecific: string[][];
  reportNouns: Set<string>;
}

let lex: Lexicon | null = null;

function lexicon(): Lexicon {
  if (lex) return lex;
  const raw = data('events/modes.yaml');
  const cues: Cue[] = [];
  const add = (phrases: string[] | undefined, mode: Mode, reach: Reach, would = false) => {
    for (const c of phrases ?? []) cues.push({ words: c.toLowerCase().split(' '), mode, reach, would });
  };
  for (const mode of ['negated', 'future', 'hypothetical'] as const) {
    const m = raw[mode];
    add(m.verb, mode, 'verb');
    add(m.phrase, mode, 'phrase');
    add(m.clause, mode, 'clause');
  }
  add(raw.would, 'hypothetical', 'verb', true);
  // Indexed by a cue's last word: a token is checked against the few cues that can end on it.
  const byLast = new Map<string, Cue[]>();
  for (const c of cues) {
    const last = c.words[c.words.length - 1];
    for (const w of last === "n't" ? ["n't", 'not'] : [last]) byLast.set(w, [...(byLast.get(w) ?? []), c]);
  }
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  lex = { window: raw.window, infinitive: lower(raw.infinitive), implicative: lower(raw.implicative), byLast, reported: lower(raw.reported), content: lower(raw.content_verbs), governing: new Map(Object.entries(raw.governing)), nonspecific: raw.negated.nonspecific.map((c) => c.toLowerCase().split(' ')), reportNouns: lower(raw.negated.report_nouns) };
  return lex;
}

const CLAUSE_END = new Set([',', ';', ':', '.', '“', '”', '"', 'that', 'which', 'who', 'while', 'but', 'and']);
const CHAIN = new Set(['not', "n't", 'also', 'be', 'been', 'being', 'have', 'has', 'had', 'to', 'yet', 'still', 'then']);
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'X']);

const isContent = (t: Token) => lexicon().content.has(t.lemma) || lexicon().content.has(t.lower);

/** Where the noun phrase starting at `k` ends, at the trigger `t` at the latest. */
function phraseEnd(toks: Token[], k: number, t: number): number {
  let m = k;
  while (m < t && (NP_POS.has(toks[m].pos) || toks[m].text === '-' || toks[m].text === "'s" || toks[m].text === '’s')) m++;
  return m;
}

/** Whether the noun phrase starting at `k` runs up to the trigger at `t`. */
const phraseReaches = (toks: Token[], k: number, t: number) => phraseEnd(toks, k, t) === t;

/** Whether a phrase of non-specific words ("any", "a single") starts at `k` and runs up to the trigger at `t`. */
function nonSpecificPhrase(toks: Token[], k: number, t: number): boolean {
  // (a preposition of the verb may come first: "did not comment on any attacks")
  if (toks[k]?.pos === 'ADP') k++;
  for (const w of lexicon().nonspecific) {
    if (w.every((x, i) => toks[k + i]?.lower === x) && phraseReaches(toks, k + w.length, t)) return true;
  }
  return false;
}

/** Whether a cue ending before token `k` reaches the trigger at `t`. */
function reaches(toks: Token[], k: number, t: number, reach: Reach): boolean {
  if (reach === 'clause') return true;
  if (reach === 'phrase') {
    let m = phraseEnd(toks, k, t);
    if (m === t) return true;
    // "no reports of shelling": what is not told of is not told to have happened
    if (m > k && toks[m].lower === 'of' && lexicon().reportNouns.has(toks[m - 1].lower)) return phraseReaches(toks, m + 1, t);
    // "no one was detained": the phrase is the subject of the trigger's verb
    if (m === k) return false;
    while (m < t && (toks[m].pos === 'AUX' || toks[m].pos === 'ADV' || toks[m].lower === 'not')) m++;
    return m === t && toks[t].pos === 'VERB';
  }
  // verb: the chain right after the cue leads to a verb, and that verb's phrase holds the trigger
  let m = k;
  while (m < t && (toks[m].pos === 'ADV' || toks[m].pos === 'AUX' || toks[m].pos === 'PART' || CHAIN.has(toks[m].lower))) m++;
  if (m === t) return true;
  if (toks[m].pos !== 'VERB') return false;
  // "did not report any strikes": a denied report of no particular strike tells of none
  if (isContent(toks[m])) return nonSpecificPhrase(toks, m + 1, t);
  for (let x = m + 1; x < t; x++) if (CLAUSE_END.has(toks[x].lower) || (toks[x].pos === 'VERB' && isContent(toks[x]))) return false;
  return true;
}

/** "would": future after a verb of saying, a condition otherwise. */
function wouldMode(toks: Token[], first: number, cue: number, t: number): Mode {
  const L = lexicon();
  if (toks[cue + 1]?.lower === 'have') return 'hypothetical';
  for (let i = first; i < t; i++) if (toks[i].lower === 'if' || toks[i].lower === 'unless') return 'hypothetical';
  for (let i = first; i < cue; i++) if (L.reported.has(toks[i].lower)) return 'future';
  return 'hypothetical';
}

/**
 * The mode a trigger is stated in, from the cues before it in its clause that reach it. `t` is the
 * trigger's first token; `end` (exclusive) its last, when a pattern spans words ("troops could
 * kill militants": the cue inside the match reaches its verb); `own`, the tokens the pattern itself
 * names ("will not go unpunished" is a threat, not a negated one).
 */
export function modeBefore(doc: Doc, first: number, t: number, end = t + 1, own: number[] = []): Mode {
  const L = lexicon();
  const toks = doc.tokens;
  let found: Mode = 'actual';
  const consider = (i: number, target: number) => {
    for (const c of L.byLast.get(toks[i].lower) ?? []) {
      const a = i - c.words.length + 1;
      if (a < first || (target !== t && own.some((x) => x >= a && x <= i))) continue;
      if (!c.words.every((w, k) => toks[a + k].lower === w || (w === "n't" && toks[a + k].lower === 'not'))) continue;
      // A cue word used as a name or a noun is no cue ("May 7", "the will of the people").
      if (c.reach === 'verb' && c.words.length === 1 && ['NOUN', 'PROPN', 'NUM'].includes(toks[i].pos)) continue;
      if (!reaches(toks, i + 1, target, c.reach)) continue;
      const mode = c.would ? wouldMode(toks, first, i, target) : c.mode;
      // Negation outranks the rest: "will not strike" is negated, not future.
      if (mode === 'negated') return 'negated';
      if (found === 'actual') found = mode;
    }
    return null;
  };
  for (let i = t - 1; i >= Math.max(first, t - L.window); i--) {
    if (CLAUSE_END.has(toks[i].lower)) break;
    if (consider(i, t) === 'negated') return 'negated';
  }
  // Inside a pattern that spans words, a cue reaches the pattern's last word.
  for (let i = t + 1; i < end - 1; i++) if (!own.includes(i) && consider(i, end - 1) === 'negated') return 'negated';
  // A condition opens anywhere earlier in the sentence ("if Israel strikes, …"), up to a semicolon.
  if (found === 'actual') {
    for (let i = t - 1; i >= first && toks[i].text !== ';'; i--) {
      const cs = L.byLast.get(toks[i].lower)?.filter((c) => c.reach === 'clause' && c.words.length === 1) ?? [];
      if (cs.length) return cs[0].mode;
    }
  }
  return found;
}

/**
 * Whether the verb at `t` is in the infinitive of an aim ("came to assassinate", "ordered them to take
 * hostages"), not after a word saying it was done or tried ("went on to kill", "tried to kidnap").
 */
export function infinitiveAim(doc: Doc, first: number, t: number): boolean {
  const L = lexicon();
  const toks = doc.tokens;
  if (toks[t].pos !== 'VERB') return false;
  let k = t - 1;
  while (k > first && toks[k].pos === 'ADV') k--;
  if (k < first || !L.infinitive.has(toks[k].lower)) return false;
  // The word that governs "to": the nearest verb before it, or an implicative word on the way ("went on to
  // kill", "an attempt by the group to kidnap").
  for (let j = k - 1; j >= Math.max(first, k - 8); j--) {
    if (L.implicative.has(toks[j].lower)) return false;
    if (toks[j].pos === 'VERB' || toks[j].pos === 'AUX') break;
  }
  return true;
}

/**
 * Whether a negated trigger is negated only as what was not reported ("did not report any strikes",
 * "no reports of clashes"): no one says it did not happen, so it is no event at all, not a denied one.
 */
export function reportOfNone(doc: Doc, first: number, t: number): boolean {
  const toks = doc.tokens;
  for (let i = t - 1; i >= Math.max(first, t - lexicon().window); i--) {
    if (CLAUSE_END.has(toks[i].lower)) break;
    if (toks[i].pos === 'VERB' && isContent(toks[i]) && nonSpecificPhrase(toks, i + 1, t)) return true;
    if (toks[i].lower === 'of' && lexicon().reportNouns.has(toks[i - 1]?.lower) && phraseReaches(toks, i + 1, t)) return true;
  }
  return false;
}

/** The mode a governing kind gives the event in its complement ("threatened to strike"). */
export function governedMode(kind: string): Mode | null {
  return lexicon().governing.get(kind) ?? null;
}
