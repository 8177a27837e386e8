// The events stage: who did what to whom, where, when, and who says so.
// Triggers (data/events/triggers.yaml) find what happened; arguments are read from the trigger's
// clause (actors, places, times, casualties) with the layers before this stage; claims from the
// sentence's attribution. Reports of one occurrence spread over several sentences (the strike,
// its location in the next sentence, "the incident killed two civilians") become one event.
import type { Doc, EntityAnn, Mention as TokenSpan, PlaceAnn, Stage, TimeAnn, Token } from '../../doc.js';
import type { Actor, Claim, Event, Time } from '../../contract.js';
import { eventMatches, NO_EVENT, triggers, type TriggerInfo, type TriggerMatch } from './triggers.js';
import { casualtyMentions, combine, isCivilianNoun, type Mention } from './casualties.js';
import { attributionOf, toClaim } from './claims.js';
import { modeBefore, governedMode, infinitiveAim, reportOfNone } from './modes.js';
import { aggregateToll, habitual, inTrend, namesNoOccurrence, speechInPassing, summingUp, toldAsAccident, toldAsHeard } from './occurrence.js';
import { acledFor, familyOf, kind as kindInfo, ploverFor } from '../../taxonomy.js';
import { actorForEntity, copyActor, isCrowdKind, isMultinational, isUnnamedArmed, nameSide, resolveActor, roleWords } from './actors.js';
import { data, type Content } from '../../data/index.js';
import { isMonthName } from '../../data/time.js';
import { datelineTime } from '../dates/index.js';
import { countryByAlpha2, countryByAlpha3 } from '../../gazetteer/index.js';
import { findLast, findLastOf, pushAll } from '../../arrays.js';
import { distanceKm } from '../../geo.js';

type Mode = Event['mode'];

interface Draft {
  kind: string;
  trigger: TriggerMatch;
  sents: number[];
  initiator: Actor | null;
  target: Actor | null;
  place: { id: string; relation: 'at' | 'near' | 'in'; rank: number } | null;
  time: TimeAnn | null;
  /** casualty counts read for this event, combined into its figures at the end */
  casualties: Mention[];
  claims: Claim[];
  historical: boolean;
  mode: Mode;
  grounded: boolean;
  generic: boolean;
  /** how people were hurt, with no attack named: joins one reported beside it (triggers.yaml `weak`) */
  weak: boolean;
  /** aimed at an armed side's post, convoy or patrol (arguments.yaml `armed_targets`) */
  armedTarget: boolean;
  /** told in the perfect with no place or time of its own: a vague toll only sums up */
  cumulative: boolean;
  /** the name of the place it was told at among several attacked together (byPlace): another is another event */
  spot: string | null;
}

let cues: (Content<'events/arguments.yaml'> & { weaponOf: Map<string, string>; genericSet: Set<string> }) | null = null;
function cueData() {
  if (cues) return cues;
  const raw = data('events/arguments.yaml');
  const weaponOf = new Map<string, string>();
  for (const [kind, ws] of Object.entries(raw.weapons)) for (const w of ws) weaponOf.set(w, kind);
  const genericSet = new Set(Object.values(raw.generic).flat());
  cues = { ...raw, weaponOf, genericSet };
  return cues;
}

const PRECISION_RANK: Record<string, number> = { point: 6, city: 5, district: 5, admin1: 3, region: 2, country: 1 };
const CLAUSE = new Set([';', ':', '“', '”', '"', '.', '?', '!']);
// Prepositions of place: the phrase after them is where, not who ("workers in Kermanshah protested").
const LOCATIVE = new Set(['in', 'near', 'at', 'of', 'around', 'outside']);
const NP_POS = new Set(['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM', 'PART']);

/**
 * Per-document look-ups built once: which entity mention covers each token, the countries
 * named so far, and the actors already resolved (the same phrase is read for several triggers).
 */
interface Index {
  mentions: { first: number; last: number; entity: EntityAnn }[];
  cover: Int32Array;
  marks: { start: number; end: number; country: string }[];
  /** by span: a × (number of tokens + 1) + b */
  actors: Map<number, Actor | null>;
  /** per sentence, its place mentions (in the order of doc.places, then of their mentions) */
  placesIn: Map<number, { p: PlaceAnn; m: TokenSpan }[]>;
  /** per sentence, its times (in the order of doc.times) */
  timesIn: Map<number, TimeAnn[]>;
  placeById: Map<string, PlaceAnn>;
  /** the countries of marks [0, CHECKPOINT × j) in the order last mentioned, for each j built so far */
  checkpoints: [string, number][][];
  /** maxEnd[k]: the largest end among marks [0, k) */
  maxEnd: Float64Array;
  /** the first token after the dateline (0 without one) */
  pastDateline: number;
  datelineCountry?: string | null;
  reportCountry?: string | null;
}
const indexes = new WeakMap<Doc, Index>();

/** The document indexOf answered last, and its index: asked for every chunk, a WeakMap look-up each time showed in profiles. */
let lastDoc: Doc | null = null;
let lastIndex: Index | null = null;

function indexOf(doc: Doc): Index {
  if (doc === lastDoc) return lastIndex!;
  let ix = indexes.get(doc);
  if (!ix) ix = makeIndex(doc);
  lastDoc = doc;
  lastIndex = ix;
  return ix;
}

function makeIndex(doc: Doc): Index {
  const mentions: Index['mentions'] = [];
  const cover = new Int32Array(doc.tokens.length).fill(-1);
  const marks: Index['marks'] = [];
  for (const e of doc.entities)
    for (const m of e.mentions) {
      const k = mentions.push({ first: m.first, last: m.last, entity: e }) - 1;
      // a place named inside a longer name ("Gaza" in "Gaza Health Ministry") leaves it the longer name's
      for (let t = m.first; t < m.last; t++) if (cover[t] < 0 || mentions[cover[t]].last - mentions[cover[t]].first < m.last - m.first) cover[t] = k;
      if (e.country && (e.type === 'GPE' || e.type === 'NORP')) marks.push({ start: m.start, end: m.end, country: e.country });
    }
  marks.sort((a, b) => a.start - b.start);
  const placesIn: Index['placesIn'] = new Map();
  const placeById = new Map<string, PlaceAnn>();
  for (const p of doc.places) {
    if (!placeById.has(p.id)) placeById.set(p.id, p);
    for (const m of p.mentions) {
      let xs = placesIn.get(m.sent);
      if (!xs) placesIn.set(m.sent, (xs = []));
      xs.push({ p, m });
    }
  }
  const timesIn: Index['timesIn'] = new Map();
  for (const tm of doc.times) {
    let xs = timesIn.get(tm.mention.sent);
    if (!xs) timesIn.set(tm.mention.sent, (xs = []));
    xs.push(tm);
  }
  const maxEnd = new Float64Array(marks.length + 1);
  for (let k = 0; k < marks.length; k++) maxEnd[k + 1] = Math.max(maxEnd[k], marks[k].end);
  const dl = doc.dateline?.span;
  let pastDateline = 0;
  if (dl) while (pastDateline < doc.tokens.length && doc.tokens[pastDateline].start < dl.end) pastDateline++;
  const ix: Index = { mentions, cover, marks, actors: new Map(), placesIn, timesIn, placeById, checkpoints: [], maxEnd, pastDateline };
  indexes.set(doc, ix);
  return ix;
}

/** Entity mentions lying wholly inside tokens [a, b), in text order. */
function mentionsIn(doc: Doc, a: number, b: number): Index['mentions'] {
  const ix = indexOf(doc);
  const out: Index['mentions'] = [];
  for (let t = a; t < b; t++) {
    const k = ix.cover[t];
    if (k < 0) continue;
    const m = ix.mentions[k];
    if (m.first >= a && m.last <= b && out[out.length - 1] !== m) out.push(m);
  }
  return out;
}

/** Noun-phrase-like chunk [a, b) around token i: the stretch of determiners, adjectives and nouns. */
function chunkAround(doc: Doc, i: number, first: number, last: number): [number, number] {
  const toks = doc.tokens;
  const ix = indexOf(doc);
  // A dateline and the text after it share no phrase: "MOSUL, Iraq - A drone strike" is not Iraq's
  // strike, and "KHARTOUM - The army" is read once, as the body's "The army".
  if (i >= ix.pastDateline) first = Math.max(first, ix.pastDateline);
  else last = Math.min(last, ix.pastDateline);
  let a = i;
  let b = i + 1;
  while (a > first && inNp(toks, a - 1, first)) a--;
  while (b < last && inNp(toks, b, first)) b++;
  // Keep names joined by "of" ("Ministry of Foreign Affairs") whole: entity mentions win. A mention
  // reaching outside the chunk covers one of its end tokens.
  for (const t of [a, b - 1]) {
    const k = ix.cover[t];
    if (k >= 0) {
      a = Math.min(a, ix.mentions[k].first);
      b = Math.max(b, ix.mentions[k].last);
    }
  }
  return [Math.max(a, first), Math.min(b, last)];
}

/** Whether token t belongs in a noun-phrase-like chunk that cannot start before `first`. */
function inNp(toks: Token[], t: number, first: number): boolean {
  // (the second half of a hyphenated compound too: "Saudi - led coalition", "Iran - backed militias")
  // (and a capitalised acronym a tagger read as a verb: "IS" in "IS militants")
  return (
    NP_POS.has(toks[t].pos) ||
    (/^[A-Z]{2,}$/.test(toks[t].text) && /[a-z]/.test(toks[t + 1]?.text ?? '') && /^(NOUN|PROPN)$/.test(toks[t + 1]?.pos ?? '')) ||
    toks[t].text === '’s' ||
    toks[t].text === "'s" ||
    (toks[t].text === '-' && t > first) ||
    (t - 1 > first && toks[t - 1].text === '-' && toks[t - 1].end === toks[t].start)
  );
}

/** The start of a chunk past a time at its beginning: a time is no part of an actor ("On Friday Iraqi forces …"). */
function pastTime(doc: Doc, a: number, b: number): number {
  // (only the times of the chunk's sentence: a long report has hundreds)
  for (const tm of indexOf(doc).timesIn.get(doc.tokens[a].sent) ?? []) if (tm.mention.first <= a && tm.mention.last > a && tm.mention.last < b) return tm.mention.last;
  return a;
}

/** The end of a chunk before a time at its end: "terrorists tonight bombed", "the army yesterday said". */
function beforeTime(doc: Doc, a: number, b: number): number {
  for (const tm of indexOf(doc).timesIn.get(doc.tokens[a].sent) ?? []) if (tm.mention.first > a && tm.mention.first < b && tm.mention.last >= b) return tm.mention.first;
  return b;
}

function actorIn(doc: Doc, a: number, b: number): Actor | null {
  a = pastTime(doc, a, b);
  b = beforeTime(doc, a, b);
  if (b <= a) return null;
  const ix = indexOf(doc);
  // (a number, not a string "a:b": asked for every chunk left and right of every trigger)
  const key = a * (doc.tokens.length + 1) + b;
  const known = ix.actors.get(key);
  if (known !== undefined) return known;
  const actor = readActor(doc, a, b);
  ix.actors.set(key, actor);
  return actor;
}

function readActor(doc: Doc, a: number, b: number): Actor | null {
  const toks = doc.tokens;
  const text = doc.text.slice(toks[a].start, toks[b - 1].end);
  const inside = mentionsIn(doc, a, b);
  const r = resolveActor(text, new CountriesAround(doc, a, b));
  if (!r?.country && !r?.entity && !inside.length) {
    const back = groupReferredTo(doc, a, b);
    if (back) return back;
  }
  if (r) return r.entity || inside.length === 0 ? r : copyActor(r, r.name, r.country, r.kind, inside[0].entity.id);
  // An entity inside the phrase: the last one is its head ("Syria's Ministry of Foreign Affairs").
  // (but of names joined by a hyphen the first leads: "American-British strikes", as "US and UK")
  let best: Actor | null = null;
  for (let k = 0; k < inside.length; k++) {
    const e = inside[k].entity;
    if (e.type === 'EQUIPMENT' || (best && k > 0 && hyphenJoined(toks, inside[k - 1].last, inside[k].first))) continue;
    const act = actorForEntity(e, doc) ?? (e.type === 'ORG' ? { name: e.name, country: e.country, kind: 'organization' as const, entity: e.id } : null);
    if (act) best = act;
  }
  if (best) return best;
  const head = toks[b - 1].lower;
  if (cueData().civilians.includes(head)) return { name: text, country: null, kind: 'civilians', entity: null };
  return null;
}

/** How many sentences back "the group", "the militia" may refer. */
const GROUP_REACH = 4;

/**
 * The armed group "the group", "the militia" or "the group's fighters" refers back to: the one named
 * last before the phrase, within a few sentences (roles.yaml `group_anaphora`).
 */
function groupReferredTo(doc: Doc, a: number, b: number): Actor | null {
  const toks = doc.tokens;
  // "the group" at the phrase's end, or "the group's fighters" ("A day later the group": a time
  // the tagger left in the phrase goes before it; "the" may stand just before a phrase that
  // starts past its article)
  const noun = /^['’]s$/.test(toks[b - 2]?.text ?? '') ? b - 3 : b - 1;
  if (noun < a || toks[noun - 1]?.lower !== 'the' || !roleWords().groupAnaphora.has(toks[noun].lower)) return null;
  const sent = toks[a].sent;
  let best: { at: number; actor: Actor } | null = null;
  for (const e of doc.entities) {
    if (e.type !== 'ORG' && e.type !== 'NORP') continue;
    for (const m of e.mentions) {
      if (m.last > a || m.sent < sent - GROUP_REACH || (best && m.last <= best.at)) continue;
      const actor = actorForEntity(e, doc);
      if (actor?.kind === 'armed_group') best = { at: m.last, actor };
    }
  }
  return best?.actor ?? null;
}

/**
 * The countries named before the phrase [a, b), worked out only for the phrases that need them
 * ("the Arab nation"). A class, not an object literal with a getter: one is made for every actor
 * phrase, and a literal's getter is defined anew (through the runtime) each time.
 */
class CountriesAround {
  private recent: string[] | undefined;
  constructor(
    private readonly doc: Doc,
    private readonly a: number,
    private readonly b: number,
  ) {}
  get recentCountries(): string[] {
    const { doc, a, b } = this;
    const toks = doc.tokens;
    return (this.recent ??= [...laterCountries(doc, toks[b - 1].end, doc.sentences[toks[a].sent].end), ...recentCountries(doc, toks[a].start)]);
  }
  get homeCountry(): string | null {
    return reportCountry(this.doc);
  }
}

/** The index of the first mark starting at or after `pos` (marks are sorted by start). */
function firstMarkFrom(marks: Index['marks'], pos: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function recentCountries(doc: Doc, before: number): string[] {
  // In the order last mentioned, the most recent last (what resolveActor expects for "the Arab nation"):
  // the countries of the marks that start and end before `before`. Asked once per actor phrase, so
  // not read from the start of the text each time: from a remembered order at a checkpoint.
  const ix = indexOf(doc);
  const marks = ix.marks;
  const lo = firstMarkFrom(marks, before);
  // Marks [0, k) all end by `before` (maxEnd never decreases); the few after may straddle it.
  let k = lo;
  while (k > 0 && ix.maxEnd[k] > before) k--;
  const order = countriesBefore(ix, k);
  for (let i = k; i < lo; i++) {
    const m = marks[i];
    if (m.end <= before) {
      order.delete(m.country);
      order.set(m.country, m.start);
    }
  }
  return [...order.keys()];
}

/**
 * The countries named after `from` up to `to` (the end of the sentence), the nearest last: put
 * before the countries named earlier, they count only when none of those fits. A report opening
 * "An IAF jet struck … near Israeli communities" names the air force's country after it.
 */
function laterCountries(doc: Doc, from: number, to: number): string[] {
  const marks = indexOf(doc).marks;
  const out: string[] = [];
  for (let i = firstMarkFrom(marks, from); i < marks.length && marks[i].end <= to; i++) if (!out.includes(marks[i].country)) out.push(marks[i].country);
  return out.reverse();
}

const CHECKPOINT = 256;

/** The countries of marks [0, k) in the order last mentioned, as a Map to go on from. */
function countriesBefore(ix: Index, k: number): Map<string, number> {
  const j = Math.floor(k / CHECKPOINT);
  while (ix.checkpoints.length <= j) {
    const n = ix.checkpoints.length;
    const order = new Map(n ? ix.checkpoints[n - 1] : []);
    for (let i = (n - 1) * CHECKPOINT; n > 0 && i < n * CHECKPOINT && i < ix.marks.length; i++) {
      order.delete(ix.marks[i].country);
      order.set(ix.marks[i].country, ix.marks[i].start);
    }
    ix.checkpoints.push([...order]);
  }
  const order = new Map(ix.checkpoints[j]);
  for (let i = j * CHECKPOINT; i < k; i++) {
    order.delete(ix.marks[i].country);
    order.set(ix.marks[i].country, ix.marks[i].start);
  }
  return order;
}

interface Clause {
  first: number;
  last: number;
}

/** The stretch of the sentence the trigger's arguments live in. */
function clauseOf(doc: Doc, sent: number, t: number, end: number): Clause {
  const s = doc.sentences[sent];
  const toks = doc.tokens;
  let first = t;
  // (a name in scare quotes does not end the clause: 'Russian instructors from the "Africa Corps" had set up …')
  const cut = (k: number, step: 1 | -1) => CLAUSE.has(toks[k].text) && !(QUOTE_MARKS.has(toks[k].text) && scareQuoted(doc, k, step));
  while (first > s.first && !cut(first - 1, -1) && toks[first - 1].lower !== 'that' && toks[first - 1].lower !== 'which') first--;
  let last = end;
  while (last < s.last && !cut(last, 1) && toks[last].lower !== 'which' && toks[last].lower !== 'while') last++;
  return { first, last };
}

const QUOTE_MARKS = new Set(['"', '“', '”']);
/** How many words a name in scare quotes runs to at most. */
const SCARE_WORDS = 4;

/**
 * Whether the quote mark at `k` closes (step -1, read leftwards) or opens (step 1) a few words of
 * nouns quoted inside a clause ("the so-called "White Helmets"", "17 "American-British" strikes"),
 * not a quotation: no verb or clause punctuation within, and the other mark a few words away.
 */
function scareQuoted(doc: Doc, k: number, step: 1 | -1): boolean {
  const toks = doc.tokens;
  const { first, last } = doc.sentences[toks[k].sent];
  for (let j = k + step, n = 0; j >= first && j < last && n <= SCARE_WORDS; j += step, n++) {
    if (QUOTE_MARKS.has(toks[j].text)) return n > 0;
    if (toks[j].pos === 'VERB' || toks[j].pos === 'AUX' || CLAUSE.has(toks[j].text) || toks[j].text === ',') return false;
  }
  return false;
}

/**
 * The comma closing the aside a word stands in, when the aside is a relative clause ("the militia,
 * which officials have blamed for earlier attacks, denied involvement"; "the faction, a group that
 * Washington blames for the attacks, denied it"): what the aside says does not reach the main
 * clause's own verb.
 */
function asideEnd(doc: Doc, clause: Clause, t: number): number | null {
  const toks = doc.tokens;
  const first = doc.sentences[toks[t].sent].first;
  let relative = false;
  let open = -1;
  for (let i = t - 1; i > first && i >= t - 12; i--) {
    if (toks[i].text === ',') {
      open = i;
      break;
    }
    if (RELATIVE.has(toks[i].lower) || toks[i].lower === 'that') relative = true;
  }
  if (open < 0 || !relative) return null;
  for (let i = t + 1; i < clause.last; i++) if (toks[i].text === ',') return i;
  return null;
}

function isPassive(doc: Doc, t: number, first: number): boolean {
  const toks = doc.tokens;
  for (let i = t - 1; i >= Math.max(first, t - 3); i--) {
    if (['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got'].includes(toks[i].lower)) return toks[t].pos === 'VERB';
    if (toks[i].pos !== 'ADV' && toks[i].pos !== 'AUX') break;
  }
  return false;
}

const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', "'s", '’s']);

/** A noun after a definite determiner or a possessive, past its modifiers ("the recent attack", "yesterday's bombing"). */
function definiteNoun(doc: Doc, t: number, first: number): boolean {
  const toks = doc.tokens;
  if (toks[t].pos !== 'NOUN') return false;
  for (let i = t - 1; i >= Math.max(first, t - 4); i--) {
    if (DEFINITE.has(toks[i].lower)) return true;
    if (toks[i].pos !== 'ADJ' && toks[i].pos !== 'NOUN' && toks[i].pos !== 'PROPN') return false;
  }
  return false;
}

/** "the attack that killed ten", "the bombing which occurred": a relative clause in the past right after a noun. */
function toldInThePast(doc: Doc, from: number, last: number): boolean {
  const toks = doc.tokens;
  if (!RELATIVE.has(toks[from]?.lower ?? '') && toks[from]?.lower !== 'that') return false;
  // (a past form: "-ed", or inflected and neither "-s" nor "-ing": "took", "left")
  const past = (w: Token) => w.lower.endsWith('ed') || (w.lower !== w.lemma && !/(s|ing)$/.test(w.lower));
  for (let k = from + 1; k < Math.min(last, from + 4); k++) if (toks[k].pos === 'VERB') return past(toks[k]);
  return false;
}

/** "have killed", "has repeatedly attacked": the perfect, which sums up as readily as it reports. */
function isPerfect(doc: Doc, t: number, first: number): boolean {
  const toks = doc.tokens;
  for (let i = t - 1; i >= Math.max(first, t - 3); i--) {
    if (toks[i].lemma === 'have') return true;
    if (toks[i].pos !== 'ADV' && toks[i].lower !== 'been') break;
  }
  return false;
}

/** Actor phrases left of `t` in the clause, nearest first, skipping those after locative prepositions. */
function actorsLeft(doc: Doc, t: number, first: number, max = 2): { actor: Actor; a: number; held: boolean }[] {
  const out: { actor: Actor; a: number; held: boolean }[] = [];
  const toks = doc.tokens;
  const C = cueData();
  const dl = doc.dateline?.span;
  let i = t - 1;
  while (i >= first) {
    if (!NP_POS.has(toks[i].pos)) {
      i--;
      continue;
    }
    const [a, b] = chunkAround(doc, i, first, t);
    // "MOGADISHU, May 20 (Meridian Press) — A suicide bomber …": the dateline names where the report
    // was filed and by whom, no side; only the dateline is left of it. (No chunk crosses its end.)
    if (dl && doc.tokens[a].start >= dl.start && doc.tokens[a].start < dl.end) break;
    // "On Friday Iraqi forces": the preposition is the time's
    const prep = pastTime(doc, a, b) > a ? undefined : toks[a - 1]?.lower;
    // "troops, backed by militias, retook …": the helpers are not who acted.
    if (phraseEndsAt(toks, a, roleWords().auxiliary)) {
      i = a - 1;
      continue;
    }
    const actor = actorIn(doc, a, b);
    // "members of the regime's 4th Division": the "of" complement of a partitive noun is the actor.
    const owner = prep === 'of' && roleWords().ofComplement.has(toks[a - 2]?.lower ?? '');
    // "government troops, backed by clan militias known as X, retook the town": a side after a
    // participle before the trigger only describes its subject, who acts (it decides whose ground was taken).
    const describes = !!prep && C.describing_prepositions.includes(prep) && toks[a - 2]?.pos === 'VERB';
    if (actor && !describes && (owner || !(prep && (C.target_prepositions.includes(prep) || C.origin_prepositions.includes(prep) || LOCATIVE.has(prep))))) {
      // (what a side holds, "Houthi positions", stands for the side as a target, never as who acts)
      out.push({ actor, a, held: roleWords().holdings.has(toks[b - 1].lower) });
      if (out.length >= max) break;
    }
    i = a - 1;
  }
  return out;
}

/** The word sequence that ends right before token `a` ("belonging to", "backed by"), if one does. */
function phraseEndingAt(toks: Token[], a: number, seqs: string[][]): string[] | undefined {
  // Asked for every chunk left and right of every trigger: only the sequences whose last word is
  // the token before `a` can match, so those are looked up rather than all tried in turn.
  const byLast = lastWordIndex(seqs);
  const cands = byLast ? byLast.get(toks[a - 1]?.lower ?? '') : seqs;
  return cands?.find((seq) => seq.every((w, k) => toks[a - seq.length + k]?.lower === w));
}

/** Word sequences by their last word, in their order (null when one is empty: that one ends anywhere). */
const lastWordIndexes = new WeakMap<string[][], Map<string, string[][]> | null>();

function lastWordIndex(seqs: string[][]): Map<string, string[][]> | null {
  let index = lastWordIndexes.get(seqs);
  if (index === undefined) {
    index = seqs.some((seq) => !seq.length) ? null : new Map();
    for (const seq of index ? seqs : []) {
      const last = seq[seq.length - 1];
      const xs = index!.get(last);
      if (xs) xs.push(seq);
      else index!.set(last, [seq]);
    }
    lastWordIndexes.set(seqs, index);
  }
  return index;
}

/** Whether one of the word sequences ends right before token `a`. */
function phraseEndsAt(toks: Token[], a: number, seqs: string[][]): boolean {
  return !!phraseEndingAt(toks, a, seqs);
}

/**
 * Whether the phrase [a, b) names no side of its own: no actor word reads it (resolveActor) and no
 * entity stands at its end ("the US dollar exchange rate", "the Israeli decision"), so a name
 * inside it only modifies something else.
 */
function grievance(doc: Doc, a: number, b: number): boolean {
  const toks = doc.tokens;
  if (resolveActor(doc.text.slice(toks[a].start, toks[b - 1].end))) return false;
  return !mentionsIn(doc, a, b).some((m) => m.last === b);
}

/** The first actor right of `t` in the clause, with the preposition that introduces it. */
function actorRight(doc: Doc, from: number, last: number, preps: string[] | null, direct = false): Actor | null {
  return actorsRight(doc, from, last, preps, direct, 1)[0]?.actor ?? null;
}

/**
 * Actor phrases right of `from` in the clause, introduced by one of `preps` (any when null), up to
 * `max`. The "of" complement of a noun such as "positions" or "members" counts as introduced by the
 * noun's own preposition ("fired mortars at the positions of government forces"), as does what
 * follows "belonging to".
 */
function actorsRight(doc: Doc, from: number, last: number, preps: string[] | null, direct: boolean, max: number): { actor: Actor; a: number; b: number }[] {
  const toks = doc.tokens;
  const R = roleWords();
  const out: { actor: Actor; a: number; b: number }[] = [];
  let i = from;
  let pending = false;
  while (i < last && out.length < max) {
    if (!NP_POS.has(toks[i].pos)) {
      i++;
      continue;
    }
    const [a, b] = chunkAround(doc, i, from, last);
    const prep = toks[a - 1]?.lower;
    // (what follows "belonging to" owns the thing named right before it, whatever that was:
    // "bulldozers belonging to Turkish forces"; not a gerund's object, "charges of belonging to")
    const owner = phraseEndingAt(toks, a, R.belonging);
    const owned = (pending && prep === 'of') || (!!owner && /^(NOUN|PROPN)$/.test(toks[a - owner.length - 1]?.pos ?? ''));
    pending = false;
    if (owned || preps === null || (prep && (preps.includes(prep) || phraseBefore(doc, a, from, preps))) || (direct && a === from)) {
      const actor = actorIn(doc, a, b);
      if (actor) out.push({ actor, a, b });
      else pending = R.ofComplement.has(toks[b - 1].lower);
    }
    i = b;
  }
  return out;
}

/** Whether one of the several-word prepositions among `preps` ends right before token `a`, after `from` ("at the hands of"). */
function phraseBefore(doc: Doc, a: number, from: number, preps: string[]): boolean {
  const toks = doc.tokens;
  return preps.some((p) => {
    if (!p.includes(' ')) return false;
    const words = prepWords(p);
    const start = a - words.length;
    return start >= from && words.every((w, k) => toks[start + k].lower === w);
  });
}

/** A several-word preposition's words, split once: phraseBefore is asked for every chunk right of a trigger. Read only. */
const splitPreps = new Map<string, string[]>();
function prepWords(p: string): string[] {
  let words = splitPreps.get(p);
  if (!words) splitPreps.set(p, (words = p.split(' ')));
  return words;
}

/**
 * Whose weapon the first one named in [from, last) is: the country of its own phrase ("14 Russian
 * drones") or the side it was launched by or from ("drones launched by the RSF"). A weapon word
 * counts only as its phrase's head ("drones", not "air" of "air defences").
 */
function weaponOwner(doc: Doc, from: number, last: number): Actor | null {
  const toks = doc.tokens;
  const C = cueData();
  for (let w = from; w < last; w++) {
    if (!C.weaponOf.has(toks[w].lower)) continue;
    const [a, b] = chunkAround(doc, w, from, last);
    // ("26 Ukrainian unmanned aerial vehicles": a weapon word that modifies the head, when the phrase names whose)
    if (C.modifier_weapons.includes(toks[w].lower) && b > w + 1) {
      const own = actorIn(doc, a, b);
      if (own?.country && own.kind === 'military') return own;
      continue;
    }
    if (toks[w].pos !== 'NOUN' || b !== w + 1) continue;
    const own = actorIn(doc, a, b);
    if (own?.country) return own;
    const by = actorsRight(doc, b, Math.min(last, b + 8), C.initiator_prepositions, false, 1)[0];
    return by?.actor.country ? by.actor : null;
  }
  return null;
}

/** A weapon of no country, standing for whoever used it: "drones", "artillery". */
function weaponOnly(a: Actor): boolean {
  return !a.country && !a.entity && cueData().weaponOf.has(a.name.toLowerCase().split(/\s+/).pop() ?? '');
}

/** An attacker the report does not name: nobody, "gunmen", or a weapon of no country, "drones". */
function unnamedSide(a: Actor | null): boolean {
  return !a || isUnnamedArmed(a) || weaponOnly(a);
}

/**
 * "Al-Shabaab claimed responsibility for the bombing": the attack is the claimant's when the report
 * names no other perpetrator (ACLED codes a claimed attack to the claimant). The attack claimed is
 * the last actual one told before the claim, or the first told after it in the same sentence.
 */
function attributeClaims(drafts: Draft[]): void {
  // (an attack that pins nothing down is no event of its own: "claimed responsibility …, saying it
  // had targeted officials" names the bombing told before)
  const attack = (d: Draft) => kindInfo(d.kind)?.violent && d.mode === 'actual' && !d.historical && d.grounded;
  for (const c of drafts) {
    if (!c.trigger.pattern.value.claims || c.mode !== 'actual' || c.initiator?.kind !== 'armed_group') continue;
    const at = c.sents[0];
    const after = drafts.find((d) => attack(d) && d.sents[0] === at && d.trigger.first > c.trigger.first);
    const claimed = after ?? findLast(drafts, (d) => d !== c && attack(d) && d.sents[0] <= at && (d.sents[0] < at || d.trigger.first < c.trigger.first));
    if (claimed && unnamedSide(claimed.initiator)) claimed.initiator = c.initiator;
  }
}

/** Where the trigger's own phrase starts ("Israeli airstrikes"), but not at a place before a verb ("workers in Kermanshah protested"). */
function triggerPhraseStart(doc: Doc, t0: number, first: number, last: number): number {
  const toks = doc.tokens;
  const [ca] = chunkAround(doc, t0, first, last);
  return ca < t0 && toks[t0].pos === 'VERB' && LOCATIVE.has(toks[ca - 1]?.lower ?? '') ? t0 : ca;
}

/**
 * "X killed in strikes", "Kyiv hit in a missile barrage": a noun trigger after a passive verb and
 * "in" is how the subject was hit; that subject is the target, not a side of the act.
 */
function hitBy(doc: Doc, t0: number, ca: number): boolean {
  const toks = doc.tokens;
  return /^(NOUN|PROPN)$/.test(toks[t0].pos) && roleWords().means.has(toks[ca - 1]?.lower ?? '') && toks[ca - 2]?.pos === 'VERB' && /ed$|[^e]n$|hit$|shot$/.test(toks[ca - 2].lower);
}

/** The word before `t` past its auxiliaries and adverbs ("It has repeatedly denied" → "It"), not before `first`. */
function beforeAuxiliaries(doc: Doc, t: number, first: number): number {
  const toks = doc.tokens;
  let j = t - 1;
  while (j > first && (toks[j].pos === 'AUX' || toks[j].pos === 'ADV' || toks[j].pos === 'PART')) j--;
  return j;
}

/**
 * The side a comma-opened relative pronoun that is the verb's own subject stands for ("the army,
 * which has retaken the town", "M23, who seized Goma"): the phrase right before the comma. The
 * clause is cut at "which", so its antecedent is otherwise out of reach. (An object relative,
 * "the faction, which Washington blames", has its own subject between the pronoun and the verb.)
 */
function relativeAntecedent(doc: Doc, t: number, first: number): Actor | null {
  const toks = doc.tokens;
  const j = beforeAuxiliaries(doc, t, first);
  if (j - 2 < first || (toks[j].lower !== 'which' && toks[j].lower !== 'who') || toks[j - 1].text !== ',' || !NP_POS.has(toks[j - 2].pos)) return null;
  // (the phrase itself: "an attack on the army general staff on 30 October, which caused …" has none)
  const [a, b] = chunkAround(doc, j - 2, first, j - 1);
  return b === j - 1 ? actorIn(doc, a, b) : null;
}

/**
 * The comma opening a relative aside that closes right before the verb at `t` ("X, a group that
 * Washington blames for the attacks, denied …"): the verb's subject is before it. Null when no
 * such aside ends there.
 */
function asideOpening(doc: Doc, t: number, first: number): number | null {
  const toks = doc.tokens;
  const j = beforeAuxiliaries(doc, t, first);
  if (toks[j]?.text !== ',') return null;
  let relative = false;
  for (let o = j - 1; o > first && o > j - 30; o--) {
    if (toks[o].text === ',') return relative ? o : null;
    if (RELATIVE.has(toks[o].lower) || toks[o].lower === 'that') relative = true;
  }
  return null;
}

const HYPHENS = new Set(['-', '‐', '–']);
/** Whether the tokens `a` and `a + 1` are a hyphen with no space around it, before the token at `b` (= a + 1). */
const hyphenJoined = (toks: Token[], a: number, b: number) => b === a + 1 && HYPHENS.has(toks[a]?.text ?? '') && toks[a - 1]?.end === toks[a].start && toks[a].end === toks[b]?.start;

/**
 * "US and UK forces struck", "RSF fighters and militiamen opened fire": of sides joined by "and"
 * before the verb, the first named leads (as event coders list them); the others are its allies.
 * The actor of the phrase ending right before the "and" that precedes the chunk at `a`, or null.
 */
function firstConjunct(doc: Doc, a: number, first: number, next: Actor): Actor | null {
  const toks = doc.tokens;
  if (a - 2 < first || toks[a - 1].lower !== 'and' || !NP_POS.has(toks[a - 2].pos)) return null;
  let [ca, cb] = chunkAround(doc, a - 2, first, a - 1);
  if (cb !== a - 1) return null;
  let lead = actorIn(doc, ca, cb);
  // ("Iraq, Syria and Jordan accused …": a list's first; a comma after a place or time before the
  // subject, "In Gaza, Israeli and US forces", is no list's)
  while (lead && ca - 2 >= first && toks[ca - 1].text === ',' && NP_POS.has(toks[ca - 2].pos)) {
    const [pa, pb] = chunkAround(doc, ca - 2, first, ca - 1);
    const prev = pb === ca - 1 && toks[pa - 1]?.pos !== 'ADP' ? actorIn(doc, pa, pb) : null;
    if (!prev || prev.kind !== lead.kind) break;
    [ca, cb, lead] = [pa, pb, prev];
  }
  // ("Syrian and Russian jets": a bare country before "and" shares the noun after it)
  if (lead?.kind === 'state' && next.kind !== 'state' && next.kind !== 'civilians') return copyActor(next, lead.name, lead.country);
  return lead;
}

/**
 * "Hezbollah says its fighters ambushed a patrol", "the ministry said their forces shelled …": forces
 * a reported clause gives the speaker by a possessive pronoun are the speaker's side. A named group
 * speaking is itself the side; a state's body lends its country.
 */
function speakersOwn(doc: Doc, sent: number, t0: number, initiator: Actor | null): Actor | null {
  if (!initiator || initiator.country || initiator.entity) return initiator;
  const cue = attributionOf(doc, sent, t0).cue;
  if (cue === null || cue >= t0) return initiator;
  const toks = doc.tokens;
  const end = doc.sentences[sent].last;
  const speaker = actorsLeft(doc, cue, doc.sentences[sent].first, 1)[0]?.actor;
  // "The army said it hit a launch site in Rafah", in a report from Israel: an army the report names by no
  // country, telling what it did itself, is the report's own, not that of the ground it struck
  // across the border.
  if (speaker?.name === initiator.name && STATE_FORCES.has(initiator.kind) && toks.slice(cue + 1, t0).some((x) => roleWords().speakerPronouns.has(x.lower))) {
    const report = reportCountry(doc);
    return report ? copyActor(initiator, initiator.name, report) : initiator;
  }
  const own = toks.slice(cue + 1, t0).some((x, k) => POSSESSIVES.has(x.lower) && actorIn(doc, ...chunkAround(doc, cue + 2 + k, cue + 2 + k, end))?.name === initiator.name);
  if (!own) return initiator;
  if (!speaker?.country && !speaker?.entity) return initiator;
  if (speaker.kind === 'armed_group' || speaker.kind === 'organization') return speaker;
  return copyActor(initiator, initiator.name, speaker.country);
}
const POSSESSIVES = new Set(['its', 'their', 'our']);

/** How far past a quote's end its speaker's role may be told, in characters ("…,” said X, a member of …). */
const ROLE_REACH = 300;

/** How many sentences back the speaker a pronoun stands for is looked for (as the quotes stage does). */
const SPEAKER_REACH = 2;

/**
 * The side a quote's speaker speaks for: the speaker's entity (a person's country, an agency), else
 * the phrase the quotes stage read as the speaker ("the junta's information team"), else the
 * affiliation it found (a country code or a body's name).
 */
function quoteSpeakerSide(doc: Doc, q: Doc['quotes'][number]): Actor | null {
  const sp = q.speaker;
  if (!sp) return null;
  const ent = sp.entity ? doc.entities.find((e) => e.id === sp.entity) : undefined;
  let side = ent ? actorForEntity(ent, doc) : phraseSide(doc, sp.name, q.span.end);
  if (side?.country || (side && side.kind !== 'person' && side.entity)) return side;
  // ("Andrei Petrov, a member of the State Duma defence committee": the body the role is in)
  const role = sp.role ? phraseSide(doc, sp.role, q.span.end + ROLE_REACH) : null;
  if (role?.country) return side?.kind === 'person' ? copyActor(side, side.name, role.country) : role;
  const aff = sp.affiliation;
  if (!aff) return side;
  if (/^[A-Z]{3}$/.test(aff) && countryByAlpha3(aff)) return side ? copyActor(side, side.name, aff) : { name: sp.name, country: aff, kind: 'person', entity: null };
  return resolveActor(aff) ?? side;
}

const lowered = new WeakMap<Doc, string>();

/**
 * The side a speaker's phrase stands for where the text last names it before `end`, read like any
 * other actor phrase (so "the junta" takes its country from around it); a body's part that has no
 * side of its own speaks for its owner ("the junta's information team").
 */
function phraseSide(doc: Doc, phrase: string, end: number): Actor | null {
  let lower = lowered.get(doc);
  if (lower === undefined) lowered.set(doc, (lower = doc.text.toLowerCase()));
  // (the quotes stage gives "the ministry" for "The ministry said")
  const at = lower.lastIndexOf(phrase.toLowerCase(), end);
  if (at < 0) return resolveActor(phrase);
  const toks = doc.tokens;
  const a = doc.tokenAt(at);
  const b = doc.tokenAt(at + phrase.length - 1) + 1;
  if (a < 0 || b <= a) return resolveActor(phrase);
  const own = actorIn(doc, a, b);
  if (own) return own;
  for (let k = b - 1; k > a; k--) if (/^['’]s$/.test(toks[k].text)) return actorIn(doc, a, k);
  return null;
}

/**
 * Whoever makes the speech act at trigger `t0` when its own subject is a pronoun, left out, or the
 * first person of a quote: the speaker of the quote it stands in, else the subject of the sentence's
 * reporting verb before it, else the speaker of a quote in the sentence or the last one before.
 */
function speakerOf(doc: Doc, sent: number, t0: number): Actor | null {
  const toks = doc.tokens;
  const at = toks[t0].start;
  const within = doc.quotes.find((q) => q.span.start <= at && q.span.end >= toks[t0].end);
  if (within) return quoteSpeakerSide(doc, within);
  const cue = attributionOf(doc, sent, t0).cue;
  if (cue !== null && cue !== t0) {
    const { first, last } = doc.sentences[sent];
    // (a reporting verb after the act has its subject after the act's clause: "…, the group said",
    // "…, said the ministry")
    let from = first;
    if (cue > t0) for (from = cue; from > t0 && toks[from - 1].text !== ','; from--);
    const subject = actorsLeft(doc, cue, from, 1)[0]?.actor ?? (cue > t0 && from === cue ? actorRight(doc, cue + 1, last, null, true) : null);
    if (subject) return subject;
    // (a speaker named, of no side the text tells, speaks for none; only a pronoun looks further back)
    const j = beforeAuxiliaries(doc, cue, from);
    if (!(toks[j]?.pos === 'PRON' && roleWords().speakingSubjects.has(toks[j].lower))) return null;
  }
  const here = doc.quotes.find((q) => q.sent === sent && q.speaker);
  if (here) return quoteSpeakerSide(doc, here);
  // (the sentences before, latest first: a quote's speaker, or whoever a reporting verb has speak)
  for (let k = sent - 1; k >= Math.max(0, sent - SPEAKER_REACH); k--) {
    const q = findLast(doc.quotes, (q) => q.sent === k && !!q.speaker);
    if (q) return quoteSpeakerSide(doc, q);
    const { first, last } = doc.sentences[k];
    const said = attributionOf(doc, k, last - 1).cue;
    const subject = said !== null ? actorsLeft(doc, said, first, 1)[0]?.actor : undefined;
    if (subject) return subject;
  }
  // ("Defence Minister Ali Karimi spoke on Monday. He said …": no quote, the person named last)
  let person: { at: number; e: EntityAnn } | null = null;
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions) if (m.end <= at && m.sent >= sent - SPEAKER_REACH && (!person || m.end > person.at)) person = { at: m.end, e };
  }
  return person ? actorForEntity(person.e, doc) : null;
}

const inQuote = (doc: Doc, t: number) => doc.quotes.some((q) => q.span.start <= doc.tokens[t].start && q.span.end >= doc.tokens[t].end);

/**
 * Who makes the speech act at `t0` when it has no subject of its own: a pronoun ("She accused …",
 * "It denied …", "“We call on …”") is the speaker; none after "and" is the subject of the verb
 * before ("the ministry condemned the raid and called on …"), the speaker when that verb reports
 * ("she said the strikes were illegal and called on …", not the side the reported clause names).
 * Undefined when the act has a subject of its own.
 */
function unnamedSpeaker(doc: Doc, sent: number, t0: number): Actor | null | undefined {
  const toks = doc.tokens;
  const first = doc.sentences[sent].first;
  const j = beforeAuxiliaries(doc, t0, first);
  if (j < first) return undefined;
  // (in a quote only the first person is the speaker: "it will pay a price" names another)
  if (toks[j].pos === 'PRON' && roleWords().speakingSubjects.has(toks[j].lower))
    return !inQuote(doc, t0) || roleWords().firstPerson.has(toks[j].lower) ? speakerOf(doc, sent, t0) : undefined;
  if (toks[j].lower !== 'and' || toks[t0].pos !== 'VERB') return undefined;
  const cue = attributionOf(doc, sent, t0).cue;
  if (cue !== null && cue < j) return speakerOf(doc, sent, t0);
  let v = j - 1;
  while (v > first && toks[v].pos !== 'VERB') v--;
  return v > first ? (actorsLeft(doc, v, first, 1)[0]?.actor ?? null) : undefined;
}
const STATE_FORCES = new Set(['military', 'government']);

/** "clashes between X and Y", "fighting between X against Y": the two sides, in order. */
function sidesBetween(doc: Doc, from: number, last: number): [Actor, Actor | null] | null {
  const toks = doc.tokens;
  const R = roleWords();
  let k = from;
  while (k < last && !R.between.has(toks[k].lower)) k++;
  if (k >= last - 1) return null;
  const found = actorsRight(doc, k + 1, last, null, false, 1)[0];
  if (!found) return null;
  // (a side names a side: "rioters demonstrating against the dollar exchange rate and soldiers" is no
  // clash with the United States; the next join is tried)
  let other: { actor: Actor; a: number; b: number } | undefined;
  // ("between the army and tribesmen on one side and the rebels on the other": the other side
  // follows the first side's close)
  let from2 = found.b;
  for (let j = found.b; j < last; j++)
    if (phraseEndsAt(toks, j, R.firstSide)) {
      from2 = j;
      break;
    }
  for (let j = from2; j < last && !other; j++) {
    if (!R.betweenJoins.has(toks[j].lower)) continue;
    const next = actorsRight(doc, j + 1, last, null, false, 1)[0];
    if (next && !grievance(doc, next.a, next.b)) other = next;
    else if (next) j = next.b - 1;
  }
  return [found.actor, other?.actor ?? null];
}

/**
 * Whether the clause names, after a preposition of place, a place (a GPE, LOC or FAC entity) that no
 * resolved place covers: "the outskirts of Kfar Kila". (A country named as a side is no place.)
 */
function unknownPlaceIn(doc: Doc, sent: number, clause: Clause): boolean {
  const ix = indexOf(doc);
  const placed = ix.placesIn.get(sent) ?? [];
  for (const m of mentionsIn(doc, clause.first, clause.last)) {
    const t = m.entity.type;
    if (t !== 'GPE' && t !== 'LOC' && t !== 'FAC') continue;
    const before = doc.tokens[m.first - 1]?.lower ?? '';
    // ("of" only after a place noun: "the outskirts of Kfar Kila", not "the development of Syria's …")
    const placeOf = before === 'of' && cueData().place_of.includes(doc.tokens[m.first - 2]?.lower ?? '');
    if (!placeOf && (before === 'of' || !LOCATIVE.has(before))) continue;
    if (!placed.some(({ m: pm }) => pm.first < m.last && m.first < pm.last)) return true;
  }
  return false;
}

/**
 * Places named as coordinated objects of one trigger ("shelled the villages of A and B", "shells hit
 * A and a house in B"): each a target of its own, so each its own event (ACLED codes one event a
 * location). Null unless two or more distinct places are joined, right after the trigger, by "and"
 * or commas with no verb between. Places of a wider kind (a country, a province, "southern Lebanon"),
 * the two ends of a stretch ("the road between A and B") and modifiers of one areal noun ("the A and
 * B neighbourhoods of the city") are one location.
 */
function placeConjuncts(doc: Doc, sent: number, clause: Clause, after: number): { id: string | null; name: string }[] | null {
  const toks = doc.tokens;
  const L = cueData().place_list;
  const placed = indexOf(doc).placesIn.get(sent) ?? [];
  const dl = doc.dateline?.span;
  const names: { id: string | null; first: number; last: number; name: string }[] = [];
  for (const m of mentionsIn(doc, after, clause.last)) {
    const t = m.entity.type;
    if (t !== 'GPE' && t !== 'LOC' && t !== 'FAC') continue;
    if (dl && toks[m.first].start < dl.end) continue;
    const p = placed.find(({ m: pm }) => pm.first < m.last && m.first < pm.last)?.p;
    if (p && L.wide.includes(p.precision)) continue;
    if (!p && m.entity.country && t === 'GPE' && doc.places.some((q) => q.precision === 'country' && q.name === m.entity.name)) continue;
    names.push({ id: p?.id ?? null, first: m.first, last: m.last, name: m.entity.name.toLowerCase() });
  }
  if (names.length < 2) return null;
  // (no verb between: a place after another verb is that verb's; the verb of a noun trigger may follow
  // it, "shells hit A and B")
  const joined = (a: number, b: number, needAnd: boolean, verbUntil = a) => {
    let and = !needAnd;
    for (let k = a; k < b; k++) {
      if ((toks[k].pos === 'VERB' && k > verbUntil) || CLAUSE.has(toks[k].text)) return false;
      if (L.coordinators.includes(toks[k].lower) || toks[k].text === ',') and = true;
    }
    return and;
  };
  const findAnd = (a: number, b: number) => findWord(doc, a, b, L.coordinators) >= 0;
  const lead = names[0].first;
  if (lead - after > L.reach || !joined(after, lead, false, after + 1) || L.spanning.includes(toks[lead - 1]?.lower ?? '')) return null;
  let n = 1;
  while (n < names.length && joined(names[n - 1].last, names[n].first, true)) n++;
  let chain = names.slice(0, n);
  // (a list ends at its "and": "A, B and C", not "A, 80 km south of B")
  while (chain.length > 1 && !findAnd(chain[chain.length - 2].last, chain[chain.length - 1].first)) chain = chain.slice(0, -1);
  n = chain.length;
  // "a total of 38 shells hit A and B": one tally over the places, no attack on each told apart
  if (n >= 2 && findWord(doc, clause.first, chain[0].first, L.totals) >= 0) return null;
  if (n < 2 || new Set(chain.map((x) => x.name)).size < n) return null;
  if (L.areal_heads.includes(toks[chain[n - 1].last]?.lower ?? '')) return null;
  return chain.map(({ id, name }) => ({ id, name }));
}

function placeIn(doc: Doc, sent: number, clause: Clause | null): Draft['place'] {
  const toks = doc.tokens;
  const C = cueData();
  let best: Draft['place'] = null;
  const dl = doc.dateline?.span;
  for (const { p, m } of indexOf(doc).placesIn.get(sent) ?? []) {
    {
      // The dateline says where the report was filed, not where the event happened.
      if (dl && m.start >= dl.start && m.end <= dl.end) continue;
      if (clause && (m.first < clause.first - 12 || m.first > clause.last + 12)) continue;
      // Look back past modifiers ("near the capital city of Damascus").
      let relation: 'at' | 'near' | 'in' = 'in';
      let origin = false;
      for (let k = m.first - 1; k >= Math.max(doc.sentences[sent].first, m.first - 6); k--) {
        const w = toks[k].lower;
        if (C.near.includes(w)) {
          relation = 'near';
          // "from the direction of north-east Beirut": a bearing from where the weapon came.
          origin = fromBearing(doc, k, Math.max(doc.sentences[sent].first, m.first - 10));
          break;
        }
        if (C.origin_prepositions.includes(w)) {
          origin = true;
          break;
        }
        if (C.at.includes(w)) {
          relation = 'at';
          break;
        }
        // ("fired from Lebanon toward Kiryat Shmona": the "from" is another phrase's)
        if (w === 'in' || w === 'inside' || w === 'within' || C.target_prepositions.includes(w)) break;
        if (CLAUSE.has(w) || toks[k].pos === 'VERB') break;
      }
      if (origin) continue;
      // "the Britain-based observatory", "Czech-made launchers": a place that says where a thing is
      // from, not where the event happened.
      let after = m.last;
      if (toks[after]?.text === '-') after++;
      if (C.place_attributes.includes(toks[after]?.lower ?? '')) continue;
      const rank = PRECISION_RANK[p.precision] ?? 0;
      if (!best || rank > best.rank) best = { id: p.id, relation, rank };
    }
  }
  return best;
}

const BEARING = new Set(['-', 'of', 'the', 'direction', 'side', 'area']);

/** A compass word at `k` read back through "the direction of" to an origin preposition ("from"). */
function fromBearing(doc: Doc, k: number, stop: number): boolean {
  const C = cueData();
  for (let j = k - 1; j >= stop; j--) {
    const w = doc.tokens[j].lower;
    if (C.origin_prepositions.includes(w)) return true;
    if (!BEARING.has(w) && !C.near.includes(w)) return false;
  }
  return false;
}

/**
 * Where an event whose sentences name no place happened: the most specific place of the nearest
 * sentence before it in its paragraph that names one, as event coders place it ("Clashes broke out
 * in Marib. Two soldiers were killed."). Not across paragraphs (a live blog's entries are separate
 * stories), not from the dateline, and not for words and diplomacy, which happen where the speaker is.
 */
function placeBefore(doc: Doc, sent: number): Event['location'] {
  const para = doc.sentences[sent].paragraph;
  let k = sent - 1;
  for (; k >= 0 && doc.sentences[k].paragraph === para; k--) {
    const p = placeIn(doc, k, null);
    if (p) return { place: p.id, relation: 'in' };
  }
  // "killed in the town", "struck the city's outskirts": a definite place noun refers to the report's
  // place of that size, the first one it named (a report is about one town; a town named later in
  // passing, "residents who fled to El Obeid", is not what "the town" means).
  const least = placeAnaphor(doc, sent);
  if (least === null) return null;
  for (let j = 0; j <= k; j++) {
    const p = placeIn(doc, j, null);
    if (p && p.rank >= least) return { place: p.id, relation: 'in' };
  }
  return null;
}

/** The least precision rank a definite place noun in the sentence ("the town", "the province") refers back to, or null. */
function placeAnaphor(doc: Doc, sent: number): number | null {
  const toks = doc.tokens;
  const { first, last } = doc.sentences[sent];
  const nouns = cueData().place_anaphora;
  for (let i = first + 1; i < last; i++) {
    const rank = nouns[toks[i].lower.replace(/['’]s$/, '')];
    if (rank === undefined || toks[i - 1].lower !== 'the') continue;
    // ("the town of Kafr Nabl" names its place; "the town's edge" and "in the town" refer back)
    if (toks[i + 1]?.lower === 'of') continue;
    return PRECISION_RANK[rank] ?? null;
  }
  return null;
}
const SAID = new Set(['verbal', 'diplomatic']);

/**
 * The time of a trigger: the nearest time in its sentence, else one given just before in the same
 * paragraph ("On Saturday, rockets hit Sderot. Police arrested 16 protesters.").
 */
function timeIn(doc: Doc, sent: number, t: number, mode: Mode, said = false): TimeAnn | null {
  const own = timeInSentence(doc, sent, t, mode, said);
  if (own) return own;
  const para = doc.sentences[sent].paragraph;
  for (let k = sent - 1; k >= Math.max(0, sent - 2) && doc.sentences[k].paragraph === para; k--) {
    const prev = timeInSentence(doc, k, doc.sentences[k].last, mode, said);
    if (prev && !prev.background && prev.start) return prev;
  }
  return null;
}

function futureTimeIn(doc: Doc, sent: number, clause: Clause, t: number): boolean {
  // A "that" between the two opens another clause ("the attacks cut the power line and that it will be
  // restored within hours"): its time is not the trigger's.
  const apart = (a: number, b: number) => findWord(doc, Math.min(a, b), Math.max(a, b), ['that']) >= 0;
  return (indexOf(doc).timesIn.get(sent) ?? []).some(
    (tm) => tm.future && tm.mention.first >= clause.first - 12 && tm.mention.first < clause.last + 12 && !apart(t, tm.mention.first),
  );
}

/**
 * The time of a trigger in its sentence. The time of a reporting verb ("the army said on Wednesday
 * that gunmen killed five") dates the report: another event takes it only when its sentence has no
 * time of its own, as the day by which it had happened ("said on Wednesday that an attack on Tuesday
 * killed five" is Tuesday's). `said`: the trigger is itself an act of saying, which that time dates.
 */
function timeInSentence(doc: Doc, sent: number, t: number, mode: Mode, said = false): TimeAnn | null {
  let best: TimeAnn | null = null;
  let bestRank = Infinity;
  const dl = doc.dateline?.span;
  for (const tm of indexOf(doc).timesIn.get(sent) ?? []) {
    if (dl && tm.mention.start >= dl.start && tm.mention.end <= dl.end) continue;
    if (tm.future && mode === 'actual') continue;
    if (datesAttribute(doc, tm.mention.first)) continue;
    // A time in a relative clause the trigger is not in dates that clause ("workers of a company,
    // which closed down a few years ago, held a protest"): any other time of the sentence wins.
    const rank = inRelativeClause(doc, tm.mention.first, t) ? 2 : !said && datesReport(doc, tm.mention, t) ? 1 : 0;
    if (rank < bestRank || (rank === bestRank && Math.abs(tm.mention.first - t) < Math.abs(best!.mention.first - t))) {
      best = tm;
      bestRank = rank;
    }
  }
  return best;
}

let reportingVerbs: Set<string> | null = null;

/**
 * Whether a time modifies a reporting verb next to it ("said on Wednesday", "on Thursday said",
 * "told reporters on Monday") whose complement holds the trigger at `t`: it dates the report.
 */
function datesReport(doc: Doc, m: TokenSpan, t: number): boolean {
  if (!reportingVerbs) {
    const v = data('events/attribution.yaml').verbs as Record<string, string[]>;
    reportingVerbs = new Set(Object.values(v).flat().map((w) => w.toLowerCase()));
  }
  const toks = doc.tokens;
  const s = doc.sentences[m.sent];
  const isVerb = (j: number) => j >= s.first && j < s.last && reportingVerbs!.has(toks[j].lower) && toks[j].pos !== 'NOUN';
  let verb = -1;
  // before the time: the verb, a preposition, and at most one object ("told reporters on Monday")
  let j = m.first - 1;
  if (j >= s.first && toks[j].pos === 'ADP') j--;
  if (isVerb(j)) verb = j;
  else if (isVerb(j - 1) && ['PRON', 'NOUN', 'PROPN'].includes(toks[j]?.pos)) verb = j - 1;
  // after the time: the verb right after it ("Voronina on Thursday said")
  else if (isVerb(m.last)) verb = m.last;
  if (verb < 0) return false;
  // The trigger stands after both, in what was said; a trigger before the verb is what it reports on
  // ("five were killed, the army said on Wednesday").
  return t > verb && t >= m.last;
}

/** Whether the time at token `k` follows "born", "founded" … (and a preposition): it dates a person or thing. */
function datesAttribute(doc: Doc, k: number): boolean {
  const toks = doc.tokens;
  const s = doc.sentences[toks[k].sent];
  let j = k - 1;
  if (j >= s.first && toks[j].pos === 'ADP') j--;
  return j >= s.first && cueData().attribute_participles.includes(toks[j].lower);
}

const RELATIVE = new Set(['which', 'who', 'whom', 'whose']);

/**
 * Whether token `k` lies in a comma-opened relative clause (", which …", ", who …") that token `t`
 * is not in. The clause ends at the next comma, dash or bracket.
 */
function inRelativeClause(doc: Doc, k: number, t: number): boolean {
  const s = doc.sentences[doc.tokens[k].sent];
  let open = -1;
  for (let j = k - 1; j >= s.first && j > k - 30; j--) {
    const w = doc.tokens[j].text;
    if (w === ',' || w === '(' || w === '–' || w === '—') {
      if (RELATIVE.has(doc.tokens[j + 1]?.lower)) open = j;
      break;
    }
  }
  if (open < 0) return false;
  let close = s.last;
  for (let j = k + 1; j < s.last && j < k + 30; j++) {
    const w = doc.tokens[j].text;
    if (w === ',' || w === ')' || w === '–' || w === '—') {
      close = j;
      break;
    }
  }
  return t < open || t > close;
}

function toTime(doc: Doc, tm: TimeAnn): Time {
  return { start: tm.start, end: tm.end, precision: tm.precision, text: doc.text.slice(tm.mention.start, tm.mention.end) };
}

/** Actors that could be the same: one unknown, or of one country, or of one name. */
function sameActor(a: Actor | null, b: Actor | null): boolean {
  return !a || !b || !a.country || !b.country || a.country === b.country || a.name === b.name;
}

const LOCAL_KINDS = new Set(['military', 'government', 'armed_group', 'civilians', 'unknown']);

function datelineCountry(doc: Doc): string | null {
  const ix = indexOf(doc);
  if (ix.datelineCountry !== undefined) return ix.datelineCountry;
  const dl = doc.dateline?.span;
  if (!dl) return (ix.datelineCountry = null);
  return (ix.datelineCountry = doc.places.find((p) => p.mentions.some((m) => m.start >= dl.start && m.end <= dl.end))?.country ?? null);
}

/**
 * The country a report is about (alpha-3): its dateline's when the text also names places of that
 * country (a dateline may only say where the report was filed: "(Dakar) – Burkina Faso soldiers …"),
 * else the one its places name most often (the first named of those tied).
 */
function reportCountry(doc: Doc): string | null {
  const ix = indexOf(doc);
  if (ix.reportCountry !== undefined) return ix.reportCountry;
  const dl = doc.dateline?.span;
  const count = new Map<string, number>();
  for (const p of doc.places) {
    if (!p.country) continue;
    const told = p.mentions.filter((m) => !dl || m.start >= dl.end || m.end <= dl.start).length;
    if (told) count.set(p.country, (count.get(p.country) ?? 0) + told);
  }
  let a2 = datelineCountry(doc);
  if (!a2 || !count.has(a2)) {
    let best = 0;
    for (const [c, n] of count) if (n > best) [a2, best] = [c, n];
  }
  return (ix.reportCountry = countryByAlpha2(a2)?.alpha3 ?? null);
}

const PRECISION_ORDER: Record<string, number> = { unknown: 0, year: 1, month: 2, week: 3, day: 4 };
const within = (a: TimeAnn, b: TimeAnn) => !b.start || !b.end || (!!a.start && a.start >= b.start && a.start <= b.end);
const TERRITORY = new Set(['government_regains_territory', 'nonstate_overtakes_territory']);
// Events that report no casualties of their own: words and diplomacy.
const NO_CASUALTIES = new Set(['verbal', 'diplomatic', 'material_cooperation']);
const ATTACKS = new Set(['air_strike', 'drone_strike', 'missile_attack', 'shelling']);
/** Heavy fire that, told with ground fighting in one sentence, is part of the battle. */
const IN_BATTLE = new Set(['missile_attack', 'shelling']);
const ARMED = new Set(['military', 'armed_group']);
/** Demonstration kinds by how ACLED ranks what happened in one: the worst names the event. */
const DEMO_RANK: Record<string, number> = { protest: 0, protest_with_intervention: 1, excessive_force_against_protesters: 2, violent_demonstration: 3, mob_violence: 3 };
/** What protesters say in their protest. */
const PROTEST_SPEECH = new Set(['appeal', 'accusation', 'statement']);
// What is said with a force of its own, beyond stating: a statement verb telling one is that act.
const SPEECH_ACTS = new Set(['threat', 'appeal', 'accusation', 'denial']);

/**
 * Whether a sentence tells a demonstration: a trigger of that family in it ("demonstrating",
 * "protesters"), or with `only` a trigger it accepts (people protesting, not force used on them).
 */
function toldAsDemonstration(doc: Doc, sent: number, only?: (t: TriggerInfo) => boolean): boolean {
  const s = doc.sentences[sent];
  return triggers()
    .matchAll(doc.tokens, s.first, s.last)
    .some((m) => m.pattern.value.kind !== NO_EVENT && (only ? only(m.pattern.value) : familyOf(m.pattern.value.kind) === 'demonstration' && m.pattern.value.kind !== 'mob_violence'));
}
const protesting = (t: TriggerInfo) => t.kind === 'protest' || t.kind === 'violent_demonstration';
// People told protesting, not only a crowd's violence or force used on a crowd: "set fire", "threw
// stones", "tear gas" tell no demonstration of their own; tyres burned in the street do
// (triggers.yaml `demonstrates`).
const demonstrating = (t: TriggerInfo) => t.kind === 'protest' || t.demonstrates;

/** The first token in [from, to) whose lower-cased text is one of `words`, or -1. */
function findWord(doc: Doc, from: number, to: number, words: readonly string[]): number {
  for (let k = from; k < to; k++) if (words.includes(doc.tokens[k].lower)) return k;
  return -1;
}

/** Whether a sentence names a gathering ("crowds", "mourners"). */
function tellsCrowd(doc: Doc, sent: number): boolean {
  const s = doc.sentences[sent];
  return findWord(doc, s.first, s.last, cueData().crowds) >= 0;
}

/** Civilians hurt and no combatant, or a civilian named right after a one-sided attack's verb. */
function civilianObject(doc: Doc, d: Draft, fatalities: Event['fatalities'], injuries: Event['injuries']): boolean {
  if (fatalities?.military || injuries?.military) return false;
  if (fatalities?.civilians || injuries?.civilians || d.target?.kind === 'civilians') return true;
  const t = d.trigger;
  const sent = doc.sentences[doc.tokens[t.first].sent];
  for (let k = t.last; k < Math.min(sent.last, t.last + 5); k++) {
    const x = doc.tokens[k];
    if (isCivilianNoun(x.lower)) return true;
    if (x.pos === 'VERB' || x.pos === 'ADP' || x.pos === 'PUNCT') break;
  }
  return false;
}

/** "Hours later, …": the sentence tells of something after what was just told. */
function opensSequel(doc: Doc, sent: number): boolean {
  const s = doc.sentences[sent];
  return findWord(doc, s.first, Math.min(s.last, s.first + 4), cueData().sequel) >= 0;
}

/** An armed side's post, convoy or patrol named in tokens [a, b), and no civilians ("a convoy of civilians"). */
function aimedAtArmed(doc: Doc, a: number, b: number): boolean {
  const C = cueData();
  let armed = false;
  for (let k = a; k < b; k++) {
    const w = doc.tokens[k].lower;
    if (C.civilians.includes(w)) return false;
    armed ||= C.armed_targets.includes(w);
  }
  return armed;
}

/**
 * Whether a violent act's object is one thing singled out: a named person ("the murder of judge Ana
 * Ruiz"), one person killed or abducted (`oneVictim`: "the assassination of the minister"), or a struck
 * object with a determiner ("bombed the embassy", "attacks on the brigade headquarters"). The object
 * follows the trigger, a preposition may lead it; in the passive it is the subject ("the bus was attacked").
 */
function specificObject(doc: Doc, t0: number, end: number, passive: boolean, clause: Clause, generic: boolean, oneVictim = false): boolean {
  const C = cueData();
  const toks = doc.tokens;
  let a: number;
  let b: number;
  if (passive) {
    let j = t0 - 1;
    while (j > clause.first && ['AUX', 'ADV', 'PART'].includes(toks[j].pos)) j--;
    if (j < clause.first || !NP_POS.has(toks[j].pos)) return false;
    [a, b] = chunkAround(doc, j, clause.first, j + 1);
  } else {
    let k = end;
    if (k < clause.last && (C.target_prepositions.includes(toks[k].lower) || toks[k].lower === 'of')) k++;
    if (k >= clause.last || !NP_POS.has(toks[k].pos)) return false;
    [a, b] = chunkAround(doc, k, k, clause.last);
  }
  const head = b - 1;
  const names = mentionsIn(doc, a, b).filter((m) => m.entity.type === 'PERSON');
  // (a generic word against a person is often words: "harshly attacked the president")
  if (!generic && names.some((m) => m.first <= head && head < m.last)) return true;
  // "the assassination of the minister", "kidnapped the driver of …": a killing or an abduction of one
  // person is one occurrence ("the killing of protesters" may be many, "the police" is no one person).
  if (oneVictim && !generic && toks[head].pos === 'NOUN' && toks[head].lower === toks[head].lemma && !C.collective_victims.includes(toks[head].lower) && toks[a].lower !== 'no') return true;
  // ("the judge's car", "Ruiz's house": a possessive singles the object out too)
  const owned = names.some((m) => m.first === a && /^['’]s$/.test(toks[m.last]?.text ?? ''));
  return (C.specific_determiners.includes(toks[a].lower) || owned) && C.struck_objects.includes(toks[head].lower);
}

/**
 * A verb told as done by its subject: a past form ("placed", "kidnapped", "taken"), not a base, a present
 * or a gerund ("take", "takes", "in charge of fighting"), nor a participle with its doer after "by" ("men
 * murdered by those who …").
 */
function toldDone(toks: Token[], t: number): boolean {
  const x = toks[t];
  return x.pos === 'VERB' && x.lower !== x.lemma && !(x.lower.endsWith('s') && !x.lower.endsWith('ss')) && !x.lower.endsWith('ing') && toks[t + 1]?.lower !== 'by';
}

/** Whether arms are what was taken: a weapon word within the few tokens after the taking ("stole the policemen's rifles"). */
function armsTaken(doc: Doc, from: number, last: number): boolean {
  const C = cueData();
  for (let k = from; k < Math.min(last, from + 6); k++) if (C.arms.includes(doc.tokens[k].lower) || C.weaponOf.has(doc.tokens[k].lower)) return true;
  return false;
}

// Bombs dropped or planted, shells and rockets: "the bombing" may name any of them.
const EXPLOSIVE = new Set(['air_strike', 'drone_strike', 'missile_attack', 'shelling', 'ied_explosion', 'suicide_bombing', 'grenade_attack']);

/** Whether a generic word read as `kind` may name an event told as `host`: "the attack" any, "the bomb" a bombing. */
function namesAlike(kind: string, host: string): boolean {
  return kind === host || kind === 'armed_clash' || (EXPLOSIVE.has(kind) && EXPLOSIVE.has(host));
}

/** Two of several places attacked together are two occurrences, whatever else they share. */
const sameSpot = (a: Draft, b: Draft) => !a.spot || !b.spot || a.spot === b.spot;

/** Whether a new draft reports the same occurrence as an earlier one. */
function mergeable(prev: Draft, next: Draft, doc: Doc): boolean {
  const sameKind = prev.kind === next.kind || (ATTACKS.has(prev.kind) && ATTACKS.has(next.kind));
  if (!sameKind || prev.mode !== next.mode || !sameSpot(prev, next)) return false;
  // Two attacks of one sentence, each with its own toll, are two occurrences ("fired a missile,
  // wounding two soldiers, and shelling killed a woman").
  // (Sentences asked of the draft's index: one event may have absorbed thousands of them.)
  const together = draftIndex(prev).sentSet.has(next.sents[0]);
  const own = (d: Draft) => d.casualties.some((m) => m.sent === next.sents[0] && m.value > 0);
  if (together && own(prev) && own(next)) return false;
  // "intercepted Israeli missiles, shooting down the majority of them": one sentence, one occurrence
  // (a participle's subject is the main clause's, whatever stands nearer).
  if (prev.kind === next.kind && together && !(prev.place && next.place && prev.place.id !== next.place.id)) return true;
  const gap = next.sents[0] - prev.sents[prev.sents.length - 1];
  if (gap > 2) return false;
  if (!sameActor(prev.initiator, next.initiator) || !sameActor(prev.target, next.target)) return false;
  if (prev.time && next.time && prev.time.start !== next.time.start) return false;
  if (prev.historical !== next.historical && prev.time && next.time) return false;
  if (prev.place && next.place && prev.place.id !== next.place.id) {
    const a = indexOf(doc).placeById.get(prev.place.id)!;
    const b = indexOf(doc).placeById.get(next.place.id)!;
    // A country or region containing the other place is no conflict ("Syria" and "Damascus").
    if (a.country !== b.country) return false;
    // A toll told after an attack names where it was counted, not another attack ("strikes hit the
    // port … the health ministry in Hodeidah said two people were killed").
    if (prev.weak || next.weak) return true;
    if (a.precision !== 'country' && b.precision !== 'country' && a.precision !== 'region' && b.precision !== 'region') return false;
  }
  return true;
}

/**
 * Look-ups over a draft's sentences, tolls and claims, so that merging stays linear when one event
 * absorbs thousands of sentences ("killed 3." repeated through a 1 MB page). Rebuilt whenever code
 * elsewhere has replaced or grown those arrays.
 */
interface DraftIndex {
  sents: number[];
  casualties: Mention[];
  claims: Claim[];
  n: [number, number, number];
  sentSet: Set<number>;
  casualtySet: Set<Mention>;
  claimKeys: Set<string>;
  claimed: boolean;
}
const draftIndexes = new WeakMap<Draft, DraftIndex>();
const claimKey = (c: Claim) => `${c.claimant}\u0000${c.evidence.start}`;
function draftIndex(d: Draft): DraftIndex {
  const x = draftIndexes.get(d);
  if (x && x.sents === d.sents && x.casualties === d.casualties && x.claims === d.claims && x.n[0] === d.sents.length && x.n[1] === d.casualties.length && x.n[2] === d.claims.length) return x;
  const made: DraftIndex = {
    sents: d.sents,
    casualties: d.casualties,
    claims: d.claims,
    n: [d.sents.length, d.casualties.length, d.claims.length],
    sentSet: new Set(d.sents),
    casualtySet: new Set(d.casualties),
    claimKeys: new Set(d.claims.map(claimKey)),
    claimed: d.claims.some((c) => c.claimant !== null),
  };
  draftIndexes.set(d, made);
  return made;
}

function merge(into: Draft, d: Draft): void {
  const ix = draftIndex(into);
  for (const s of d.sents)
    if (!ix.sentSet.has(s)) {
      ix.sentSet.add(s);
      into.sents.push(s);
    }
  into.initiator ??= d.initiator;
  into.target ??= d.target;
  into.spot ??= d.spot;
  if (!into.place || (d.place && d.place.rank > into.place.rank)) into.place = d.place ?? into.place;
  // The more precise time wins when it falls within the other ("in February" / "on 22 February").
  if (!into.time || (d.time && d.time.start && PRECISION_ORDER[d.time.precision] > PRECISION_ORDER[into.time.precision] && within(d.time, into.time)))
    into.time = d.time ?? into.time;
  for (const m of d.casualties)
    if (!ix.casualtySet.has(m)) {
      ix.casualtySet.add(m);
      into.casualties.push(m);
    }
  for (const c of d.claims) {
    // A follow-up sentence in the outlet's voice continues a sourced account; it adds no claimant.
    if (c.claimant === null && c.stance === 'asserted' && ix.claimed) continue;
    const k = claimKey(c);
    if (!ix.claimKeys.has(k)) {
      ix.claimKeys.add(k);
      into.claims.push(c);
      if (c.claimant !== null) ix.claimed = true;
    }
  }
  ix.n = [into.sents.length, into.casualties.length, into.claims.length];
  into.grounded ||= d.grounded;
  // The more specific kind wins: "missile attack" over a generic "strike".
  if (into.generic && !d.generic) {
    into.kind = d.kind;
    into.generic = false;
  }
}

// How many events back "the attack" may name the last one told.
const FAR_BACK = 50;

/**
 * Each casualty statement of a sentence goes to the violent event whose trigger stands nearest
 * before its casualty word ("fired a missile, wounding two soldiers, and shelling killed a woman"),
 * else the nearest after it ("Two civilians were killed when a strike hit"); a sentence with no
 * violent event gives its counts to the last one reported just before (the attack, then its toll; a
 * zero, "no injuries were reported", only to one of the two sentences before).
 */

function attachCasualties(ms: Mention[], sentDrafts: Draft[], drafts: Draft[], sent: number): void {
  if (ms.length === 0) return;
  // Violent events of the sentence first; else another event of the sentence in the field ("thwarted
  // an attack, killing several fighters": a bare "attack" that another event governs yields to it),
  // never a statement or a diplomatic act.
  const hosts = (ds: Draft[]) => {
    const violent = ds.filter((d) => kindInfo(d.kind)?.violent);
    const field = ds.filter((d) => !NO_CASUALTIES.has(familyOf(d.kind)));
    for (const xs of [violent.filter((d) => !d.generic), field, violent]) if (xs.length) return xs;
    return [];
  };
  const violent = hosts(sentDrafts);
  const earlier = findLast(drafts, (d) => kindInfo(d.kind)?.violent && sent - d.sents[d.sents.length - 1] <= 3 && d.mode === 'actual');
  for (const m of ms) {
    let host: Draft | undefined;
    for (const d of violent) if (d.trigger.first <= m.statement && (!host || d.trigger.first > host.trigger.first)) host = d;
    if (!host) for (const d of violent) if (!host || d.trigger.first < host.trigger.first) host = d;
    // "No injuries were reported" speaks of the event just told, not of one further back.
    host ??= m.value === 0 && earlier && earlier.sents[earlier.sents.length - 1] < sent - 2 ? undefined : earlier;
    if (!host) continue;
    host.casualties.push(m);
    host.grounded ||= !(m.vague && host.cumulative);
    if (!host.sents.includes(sent)) host.sents.push(sent);
  }
}

/**
 * "A bomb killed four soldiers near Djibo. Security sources blamed jihadists." Blaming someone, with
 * no wrong named after ("for the delays"), right after an attack told with no known perpetrator,
 * says who carried the attack out: that is the attack's attribution, not a speech act of its own.
 */
function blameAsAttribution(doc: Doc, drafts: Draft[]): void {
  const C = cueData();
  const toks = doc.tokens;
  for (let k = drafts.length - 1; k >= 0; k--) {
    const d = drafts[k];
    if (d.kind !== 'accusation' || d.mode !== 'actual' || !C.blaming.includes(toks[d.trigger.first].lower)) continue;
    if (!d.target || d.target.kind === 'civilians') continue;
    const s = doc.sentences[d.sents[0]];
    if (findWord(doc, d.trigger.last, s.last, C.blamed_for) >= 0) continue;
    const host = findLast(drafts.slice(0, k), (p) => kindInfo(p.kind)?.violent && p.mode === 'actual' && !p.historical && d.sents[0] - p.sents[p.sents.length - 1] <= 2 && d.sents[0] >= p.sents[0]);
    if (!host) continue;
    const unknown = !host.initiator || isUnnamedArmed(host.initiator) || (!host.initiator.country && !host.initiator.entity);
    // ("an attack blamed on al-Shabaab": the attack already read as theirs)
    const same = host.initiator?.name === d.target.name && host.initiator.country === d.target.country;
    if (!unknown && !same) continue;
    host.initiator = d.target;
    host.sents = [...new Set([...host.sents, ...d.sents])];
    pushAll(host.claims, d.claims);
    drafts.splice(k, 1);
  }
}

let restating: Content<'events/restatement.yaml'> | null = null;
const restatement = () => (restating ??= data('events/restatement.yaml'));

/**
 * A later sentence that tells again an occurrence already told, beyond the few sentences within which
 * drafts merge as they are read: a toll given paragraphs on ("two soldiers died in the fighting"), a
 * group's claim ("the group said it had attacked …"), a detail ("the missiles hit a power plant in
 * …"). It joins the nearest earlier event it fits, filling only what that one left unsaid. What marks
 * itself as another occurrence ("Separately, …", "another attack"), or names another place or day,
 * stays apart: a round-up of attacks in several towns is several events.
 */
function foldRestatements(doc: Doc, drafts: Draft[]): void {
  // (a general word with nothing said of who or where is no event, and hosts none)
  const told = (d: Draft) => d.grounded && d.mode === 'actual' && !!kindInfo(d.kind)?.violent && !(d.generic && !d.initiator && !d.target && !d.place);
  const kept: Draft[] = [];
  for (const d of drafts) {
    // (how people were hurt, with no attack named, joins only an attack told beside it: told further on,
    // which attack it counts is a guess — "at least 11 civilians had been killed in the town")
    const restating = told(d) && !d.weak && !toldAsAnother(doc, d);
    const definite = restating && definiteNoun(doc, d.trigger.first, doc.sentences[doc.tokens[d.trigger.first].sent].first);
    const host = restating ? findLastOf(kept, FAR_BACK, (p) => told(p) && p.historical === d.historical && restates(doc, p, d, definite)) : undefined;
    if (!host) {
      kept.push(d);
      continue;
    }
    // Who did it, when the first telling named no one ("gunmen", "a drone"), is whom the later names.
    if (unnamedSide(host.initiator) && d.initiator && !unnamedSide(d.initiator)) host.initiator = d.initiator;
    // The tolls of both tellings are weighed as those of one event are (the lowest of two accounts of
    // the same people stands); a vague one ("inflicted casualties") does not stand against a figure.
    const counted = new Set(host.casualties.filter((m) => !m.vague).map((m) => m.kind));
    // (the day a report was made is no better day for the event than the host's own)
    const time = host.time && byReport(doc, d) ? null : d.time;
    const retold = draftAs(d, host.kind, host.generic);
    retold.time = time;
    retold.casualties = d.casualties.filter((m) => !(m.vague && counted.has(m.kind)));
    merge(host, retold);
  }
  drafts.length = 0;
  pushAll(drafts, kept);
}

/** Whether `later` may be another telling of the occurrence `first`: kind, sides, place and day all fit. */
function restates(doc: Doc, first: Draft, later: Draft, definite: boolean): boolean {
  return restatesKind(first, later) && sidesAgree(first, later) && (timesAgree(doc, first.time, later.time) || reportDates(doc, first, later) || reportDates(doc, later, first)) && placesAgree(doc, first, later, definite);
}

/** Whether `d` is dated only by the report that tells it, on or after the day of `other`. */
function reportDates(doc: Doc, d: Draft, other: Draft): boolean {
  const a = other.time;
  const b = d.time;
  return !!a?.start && !!b?.start && a.start <= (b.end ?? b.start) && byReport(doc, d);
}

/** Whether a draft's time is that of the reporting verb whose complement tells it. */
function byReport(doc: Doc, d: Draft): boolean {
  const t = d.trigger.first;
  return !!d.time && d.time.mention.sent === doc.tokens[t].sent && !SAID.has(familyOf(d.kind) ?? '') && datesReport(doc, d.time.mention, t);
}

/**
 * A kind that may name the kind told first: the same, or a general word for an attack. Two weapons are
 * two occurrences ("rockets were fired from Gaza … its aircraft struck the launcher", "this attack
 * followed two dynamite explosions").
 */
function restatesKind(first: Draft, later: Draft): boolean {
  if (first.kind === later.kind) return true;
  // "died in the fighting" after a town was retaken: the fighting of the capture ("our forces attacked
  // enemy positions" may be an attack of its own).
  if (TERRITORY.has(first.kind)) return later.kind === 'armed_clash' && later.trigger.pattern.value.reciprocal;
  // "the group said it had attacked": a general word, with no weapon of its own, names an attack. A fight
  // of two sides is no strike told again; bombs set off are no air strike ("the bomb" names one only in
  // the sentences right after it); an abduction, a looting or what a crowd did is told in words of its own.
  const general = later.generic && !later.trigger.pattern.value.reciprocal && later.kind === later.trigger.pattern.value.kind;
  const attack = ATTACK_FAMILIES.has(familyOf(first.kind) ?? '') || first.kind === 'attack_on_civilians';
  return general && attack && (later.kind === 'armed_clash' || later.kind === 'attack_on_civilians');
}
const ATTACK_FAMILIES = new Set(['battle', 'remote_violence']);

/**
 * Sides that may be the same: one unstated, or of one country and not two named forces of different
 * kinds or two named groups ("RSF artillery" and "SAF bombardments"); a fight's sides either way round.
 */
function sidesAgree(first: Draft, later: Draft): boolean {
  const same = (a: Actor | null, b: Actor | null) =>
    !a || !b || ((!a.country || !b.country || a.country === b.country) && !(a.entity && b.entity && a.entity !== b.entity && (a.kind !== b.kind || a.kind === 'armed_group')));
  if (same(first.initiator, later.initiator) && same(first.target, later.target)) return true;
  return first.kind === 'armed_clash' && later.kind === 'armed_clash' && same(first.initiator, later.target) && same(first.target, later.initiator);
}

/**
 * Days that overlap, or one untold. Times that cannot be dated (no publication date to count "today"
 * from, no year to "16 June") agree only in the same words.
 */
function timesAgree(doc: Doc, a: TimeAnn | null, b: TimeAnn | null): boolean {
  if (!a || !b) return true;
  if (!a.start || !b.start) {
    const words = (t: TimeAnn) => doc.text.slice(t.mention.start, t.mention.end).toLowerCase();
    return words(a) === words(b);
  }
  return a.start <= (b.end ?? b.start) && b.start <= (a.end ?? a.start);
}

const WIDE = new Set(['country', 'region', 'admin1']);

/**
 * One place, or none told later, or one within the other ("Sagaing region" and a village of it); two
 * towns are two occurrences, unless the later, told with "the" ("the shells fell on …"), names a part
 * of the first within a few kilometres.
 */
function placesAgree(doc: Doc, first: Draft, later: Draft, definite: boolean): boolean {
  if (!sameSpot(first, later)) return false;
  if (!later.place || first.place?.id === later.place.id) return true;
  // A place told only later, with an attack of its own ("over the past day Russian forces struck
  // Druzhkovka"), may be another attack: only a general word fills it in ("the group said it had attacked …").
  if (!first.place) return later.generic;
  const a = indexOf(doc).placeById.get(first.place.id)!;
  const b = indexOf(doc).placeById.get(later.place.id)!;
  if (!a.country || a.country !== b.country) return false;
  const within = (inner: PlaceAnn, outer: PlaceAnn) =>
    WIDE.has(outer.precision) && !WIDE.has(inner.precision) && (outer.precision !== 'admin1' || (!!inner.admin1 && inner.admin1 === outer.admin1));
  if (within(a, b) || within(b, a)) return true;
  if (!definite || a.lat === null || a.lon === null || b.lat === null || b.lon === null) return false;
  return distanceKm(a.lat, a.lon, b.lat, b.lon) <= restatement().part_within_km;
}

/** "Separately, …", "In a related development, …", "another attack", "gunmen also attacked": another occurrence. */
function toldAsAnother(doc: Doc, d: Draft): boolean {
  const R = restatement();
  const t0 = d.trigger.first;
  const s = doc.sentences[doc.tokens[t0].sent];
  if (findWord(doc, s.first, Math.min(s.last, s.first + 4), R.distinct_openers) >= 0) return true;
  if (findWord(doc, Math.max(s.first, t0 - 3), t0, R.distinct_modifiers) >= 0) return true;
  const before = ` ${doc.text.slice(doc.tokens[s.first].start, doc.tokens[t0].start).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return R.distinct_phrases.some((p) => before.includes(` ${p} `));
}

/**
 * Sentences that sum up the report rather than tell it: a headline (a first paragraph, before
 * others, none of whose lines ends as a sentence does) and bulleted key points ("• Two soldiers
 * killed in clash, army says").
 */
function summarySentences(doc: Doc): Set<number> {
  const out = new Set<number>();
  const C = cueData();
  const sents = doc.sentences;
  const line = (k: number) => doc.text.slice(sents[k].start, sents[k].end).trim();
  if (sents.length && sents[sents.length - 1].paragraph !== sents[0].paragraph) {
    const head = sents.filter((x) => x.paragraph === sents[0].paragraph);
    if (head.every((x) => !/[.!?]["'”’)]*$/.test(line(x.i)))) for (const x of head) out.add(x.i);
  }
  for (const x of sents) if (C.summary_marks.some((m) => line(x.i).startsWith(m))) out.add(x.i);
  return out;
}

/**
 * An event told only in a headline or a key point is one the report tells in full below: the two
 * are one occurrence. The summary's event joins the closest match of its kind, mode and sides
 * (its place first, then its toll), filling only what the full telling left unsaid; a summary
 * that matches nothing below stays an event of its own.
 */
/**
 * Headlines drop the auxiliaries that mark the future ("Envoy due in Beirut for talks", "Minister to
 * visit Kyiv"): a summary read as actual may tell what the body says is to come.
 */
function summaryModeFits(summary: Event['mode'], body: Event['mode']): boolean {
  return summary === body || (summary === 'actual' && body === 'future');
}

function foldSummaries(doc: Doc, out: Event[], sentsOf: number[][], firstSent: number[]): void {
  const summary = summarySentences(doc);
  if (!summary.size) return;
  const isSummary = out.map((_, i) => sentsOf[i].every((k) => summary.has(k)));
  const fit = (a: Actor | null, b: Actor | null) => !a?.country || !b?.country || a.country === b.country;
  const drop = new Set<number>();
  out.forEach((e, i) => {
    if (!isSummary[i]) return;
    let best = -1;
    let bestScore = -1;
    out.forEach((b, j) => {
      if (isSummary[j] || b.historical !== e.historical || !summaryModeFits(e.mode, b.mode)) return;
      const sameKind = b.kind === e.kind;
      // A headline's word for a peaceful occurrence is often not the body's ("protest turns violent" for
      // stones thrown at an office, "restore ties" for an agreement to restore them): of one family, it
      // names the body's event where the places do not differ. Violent kinds of one family are often two
      // attacks, and keep their own.
      const kin = !sameKind && !kindInfo(e.kind)?.violent && familyOf(e.kind) === familyOf(b.kind) && (!e.location || !b.location || b.location.place === e.location.place);
      if (!sameKind && !kin) return;
      if (!fit(e.initiator, b.initiator) || !fit(e.target, b.target)) return;
      const score = (sameKind ? 4 : 0) + (e.location && b.location?.place === e.location.place ? 2 : 0) + (e.fatalities && b.fatalities?.total === e.fatalities.total ? 1 : 0);
      if (score > bestScore) [best, bestScore] = [j, score];
    });
    if (best < 0) return;
    const b = out[best];
    if (!b.initiator?.country && e.initiator?.country) b.initiator = e.initiator;
    if (!b.target?.country && e.target?.country) b.target = e.target;
    b.fatalities ??= e.fatalities;
    b.injuries ??= e.injuries;
    b.time ??= e.time;
    b.evidence = [...e.evidence, ...b.evidence];
    drop.add(i);
  });
  if (!drop.size) return;
  const keep = out.map((_, i) => i).filter((i) => !drop.has(i));
  const kept = keep.map((i) => out[i]);
  const keptFirst = keep.map((i) => firstSent[i]);
  const keptSents = keep.map((i) => sentsOf[i]);
  out.length = 0;
  firstSent.length = 0;
  sentsOf.length = 0;
  kept.forEach((e, k) => {
    e.id = `ev${k + 1}`;
    out.push(e);
    firstSent.push(keptFirst[k]);
    sentsOf.push(keptSents[k]);
  });
}

/**
 * An interception the report tells without its sides ("most were intercepted", "shot down by the
 * ship") takes them from the attack it answers, of the weapon shot down: the one told in the same
 * sentence, else the nearest told before it in the paragraph, else the next in the paragraph, else
 * one told in the three sentences before. The defender is whom the attack was aimed at; what was shot down is the attacker's.
 */
function answerSides(doc: Doc, out: Event[], firstSent: number[], sentsOf: number[][], guessed: Set<Actor | null>): void {
  const C = cueData();
  const para = (i: number) => doc.sentences[firstSent[i]].paragraph;
  out.forEach((e, i) => {
    let answered = C.answers[e.kind];
    // (an initiator given by default only guessed the defender from the place)
    const initiatorKnown = !!e.initiator?.country && !guessed.has(e.initiator);
    if (!answered || (initiatorKnown && e.target?.country)) return;
    // What was shot down says which attack it was ("two of six missiles": a missile attack, not the
    // air strike told before). (Weapon words that only modify, "air defences", name nothing.)
    const { first, last } = doc.sentences[firstSent[i]];
    const named = new Set<string>();
    for (let k = first; k < last; k++) {
      const w = doc.tokens[k].lower;
      if (C.weaponOf.has(w) && !C.modifier_weapons.includes(w)) named.add(C.weaponOf.get(w)!);
    }
    if ([...named].some((k) => answered!.includes(k))) answered = answered.filter((k) => named.has(k));
    const fits = (j: number) => answered!.includes(out[j].kind) && out[j].mode === e.mode && out[j].historical === e.historical;
    let best = -1;
    let bestRank = Infinity;
    out.forEach((_, j) => {
      if (j === i || !fits(j)) return;
      // (an attack told over several sentences is told at the last of them before the interception)
      const told = findLast(sentsOf[j], (k) => k <= firstSent[i]) ?? firstSent[j];
      const d = firstSent[i] - told;
      const samePara = doc.sentences[told].paragraph === para(i);
      // (wire copy gives each sentence a paragraph; a live blog's entries are separate stories, so
      // another paragraph only just before)
      const rank = samePara ? (d >= 0 ? d : 100 - d) : d > 0 && d <= 3 ? d + 10 : Infinity;
      if (rank < bestRank) [best, bestRank] = [j, rank];
    });
    if (best < 0) return;
    const attack = out[best];
    const aimed = attack.target?.country;
    if (!initiatorKnown && aimed && aimed !== attack.initiator?.country)
      e.initiator = nameSide({ name: 'forces', country: aimed, kind: 'military', entity: null }, 'initiator', e.kind, aimed).actor;
    if (!e.target?.country && attack.initiator?.country && attack.initiator.country !== e.initiator?.country) e.target = attack.initiator;
  });
}

/**
 * The armed side whose people a violent event killed or hurt, when no target was read: "killing
 * two PKK militants", "leaving three regime soldiers dead" name whom the attack was on. Not the
 * initiator's own side ("losing two of its fighters" says nothing of the other).
 */
function victimsSide(doc: Doc, d: Draft): Actor | null {
  if (!kindInfo(d.kind)?.violent) return null;
  for (const m of d.casualties) {
    // ("five of their fighters": whose is said by a pronoun, most often the attackers' own)
    if (m.first < 0 || m.category === 'civilians' || doc.tokens.slice(m.first, m.last).some((x) => POSSESSIVES.has(x.lower))) continue;
    const a = actorIn(doc, m.first, m.last);
    const own = !!d.initiator && (a?.name === d.initiator.name || (a?.kind === d.initiator.kind && a.kind !== 'armed_group' && a.country === d.initiator.country));
    if (a && ARMED.has(a.kind) && !own && (a.country || a.kind === 'armed_group')) return a;
  }
  return null;
}

/** Whether two sides are one: the same name, or the same kind of one country ("Air defences" and "Military Forces of Iraq"). */
function sameSide(a: Actor | null, b: Actor | null): boolean {
  return !!a && !!b && (a.name === b.name || (!!a.country && a.country === b.country && a.kind === b.kind));
}

/** The state of the country an event is placed in, the side whose ground it happened on. */
function placeSide(doc: Doc, e: Event): Actor | null {
  const c = countryByAlpha2(e.location ? indexOf(doc).placeById.get(e.location.place)?.country : undefined);
  return c ? { name: c.name, country: c.alpha3, kind: 'state', entity: null } : null;
}

/** Interceptions of a weapon in flight (triggers.yaml `fired`), marked by toEvent. */
const stoppedInFlight = new WeakSet<Event>();

/**
 * "Air defences shot down a drone launched by the militia toward the city", told with no attack beside
 * it: the drone was an attack on the city as well (the gold set codes both). The attack, of the weapon
 * the interception's sentence names, has the interception's place, day and claims, and its sides
 * the other way round. An attack of any kind the interception may answer told in its paragraph or
 * within three sentences is the one it answered (answerSides), and none is added.
 */
function attacksStopped(doc: Doc, out: Event[], firstSent: number[], sentsOf: number[][]): void {
  const C = cueData();
  const added: Event[] = [];
  out.forEach((e, i) => {
    const answered = C.answers[e.kind];
    if (!answered || e.mode !== 'actual' || !stoppedInFlight.has(e)) return;
    const s = doc.sentences[firstSent[i]];
    let kind: string | undefined;
    // (weapon words that only modify, "air defences", name nothing)
    for (let k = s.first; k < s.last && !kind; k++) {
      const w = C.weaponOf.get(doc.tokens[k].lower);
      if (w && answered.includes(w) && !C.modifier_weapons.includes(doc.tokens[k].lower)) kind = w;
    }
    const by = kind ? C.fired_by[kind] : undefined;
    if (!kind || !by || out.some((x, j) => by.includes(x.kind) && sentsOf[j].some((k) => doc.sentences[k].paragraph === s.paragraph || Math.abs(k - s.i) <= 3))) return;
    // The attack is whoever launched the weapon's ("a drone launched by the Houthis", "a Turkish
    // drone", else the interception's target), on the side that shot it down, whose ground it was.
    // (the interception's target has the owner's name in full: "Military Forces of Türkiye" for "a Turkish drone")
    const owner = weaponOwner(doc, s.first, s.last);
    const launcher = owner && !(e.target && e.target.country === owner.country) ? owner : e.target;
    const defender = e.initiator ?? placeSide(doc, e);
    const initiator = launcher && !sameSide(launcher, defender) ? launcher : null;
    added.push({ ...e, id: '', kind, acled: acledFor(kind), plover: ploverFor(kind), initiator, target: defender, confidence: Math.max(0.05, e.confidence - 0.1) });
    firstSent.push(firstSent[i]);
    sentsOf.push(sentsOf[i]);
  });
  for (const a of added) out.push({ ...a, id: `ev${out.length + 1}` });
}

/** What a sentence's matches so far have opened: a statement, an accusation, a governing verb. */
interface SentenceState {
  governed: { mode: Mode; until: number } | null;
  verbalUntil: number;
  accusing: { until: number; by: Draft } | null;
}

type Cues = ReturnType<typeof cueData>;

/**
 * A copy of a draft under another kind: built by the same literal as every draft, so that all
 * drafts share one shape (a spread copy has its own, and code reading drafts was recompiled for it).
 */
function draftAs(d: Draft, kind: string, generic = d.generic): Draft {
  return {
    kind,
    trigger: d.trigger,
    sents: d.sents,
    initiator: d.initiator,
    target: d.target,
    place: d.place,
    time: d.time,
    casualties: d.casualties,
    claims: d.claims,
    historical: d.historical,
    mode: d.mode,
    grounded: d.grounded,
    cumulative: d.cumulative,
    generic,
    weak: d.weak,
    armedTarget: d.armedTarget,
    spot: d.spot,
  };
}

/**
 * An event's time when it has none of its own: the lede's first date ("on Tuesday"), as wire
 * reports give the day of the news early, else the dateline's.
 */
function newsTimeOf(doc: Doc): TimeAnn | null {
  const dl = doc.dateline?.span;
  return (
    doc.times.find(
      (t) => !t.background && !t.future && t.start && doc.sentences[t.mention.sent].paragraph === doc.sentences[0]?.paragraph && !(dl && t.mention.start < dl.end),
    ) ??
    datelineTime(doc) ??
    null
  );
}

/** The draft one trigger match makes, or null when it names no event; `st` carries what earlier matches of the sentence opened. */
function draftOf(doc: Doc, s: Doc['sentences'][number], m: TriggerMatch, matches: TriggerMatch[], cas: Mention[], C: Cues, st: SentenceState): Draft | null {
  const toks = doc.tokens;

  const info = m.pattern.value;
  const head = m.tokens[m.tokens.length - 1];
  const t0 = m.first;
  // "March 20", "May": month names are not marches or wishes.
  if (isMonthName(toks[t0].lower) && /^[A-Z]/.test(toks[t0].text)) return null;
  // "a heart attack", "cyber attacks": no event.
  if (C.non_event_modifiers.includes(toks[t0 - 1]?.lower ?? '')) return null;
  // "a kidnapping ring", "their murdered mayors", "killings, pillaging and outrages": no occurrence.
  if (namesNoOccurrence(doc, m)) return null;
  let kind = info.kind;
  // "claimed the strikes killed 20": a claim that something happened, not of responsibility.
  if (info.claims && /^(VERB|AUX)$/.test(toks[m.last]?.pos ?? '')) return null;
  // "killing livestock", "protested the killing of": a killing word without a count is no event;
  // "no one was killed" tells the toll of an event, not of one of its own.
  if (info.count && !cas.some((c) => (c.value > 0 || c.vague) && c.statement >= t0 - 1 && c.statement < m.last + 10)) return null;
  const generic = m.tokens.length === 1 && C.genericSet.has(toks[t0].lower);
  const clause = clauseOf(doc, s.i, t0, m.last);
  // "the killing of over 70,000 people": a war's count, not one occurrence.
  // (deaths only: a figure of money read as injured, "60 million pesos in damage and 17 injured", is none)
  if (kindInfo(kind)?.violent && cas.some((c) => c.kind === 'killed' && c.value >= aggregateToll() && c.statement >= clause.first && c.statement < clause.last)) return null;
  if (generic) {
    // "attack", "strike": the weapon named nearby says which kind.
    for (let k = clause.first; k < clause.last; k++) {
      const w = C.weaponOf.get(toks[k].lower);
      // ("in the air", "committed suicide": a word that names a weapon only before its noun)
      if (w && C.modifier_weapons.includes(toks[k].lower) && !/^(NOUN|PROPN|ADJ)$/.test(toks[k + 1]?.pos ?? '')) continue;
      if (w) {
        kind = w;
        break;
      }
    }
  }
  // "warned that the emirate will not leave this aggression unanswered": a bare statement verb whose
  // content is a threat, an appeal, an accusation or a denial is that act (its content is folded below).
  if (kind === 'statement' && !info.claims) {
    const said = matches.find((x) => x.first > m.last && x.first <= clause.last + 8 && SPEECH_ACTS.has(x.pattern.value.kind));
    if (said) kind = said.pattern.value.kind;
  }
  // "agreed to restore diplomatic relations", "signed a deal to return their ambassadors": what the
  // sides agree to is a reconciliation, and the reconciliation is the act told (one event, its kind).
  if (kind === 'agreement' && matches.some((x) => x.first > m.last && x.first <= clause.last && x.pattern.value.kind === 'reconciliation')) kind = 'reconciliation';
  const fam = familyOf(kind);
  // The content of a statement, accusation or appeal is not an event of its own
  // ("complained about Israeli attacks"); threats and denials give their content a mode.
  // An accusation's content is an event of its own, alleged by the accuser ("Syria accused
  // Israel of carrying out missile strikes near Homs").
  const alleged = st.accusing && t0 <= st.accusing.until && kindInfo(kind)?.violent ? st.accusing.by : null;
  if (t0 <= st.verbalUntil && !st.governed && !alleged) return null;
  let mode: Mode = modeBefore(doc, s.first, t0, m.last, m.tokens);
  // "did not report any strikes": no strike is told, not even a denied one
  if (mode === 'negated' && reportOfNone(doc, s.first, t0)) return null;
  if (st.governed && t0 <= st.governed.until) mode = st.governed.mode;
  // "will investigate the attack that killed ten": what a definite noun told in the past names has
  // happened; the future is the verb's ("will launch the offensive" stays future).
  if (mode === 'future' && kindInfo(kind)?.violent && !(st.governed && t0 <= st.governed.until) && definiteNoun(doc, t0, s.first) && toldInThePast(doc, m.last, s.last))
    mode = 'actual';
  // "came to assassinate him", "a plot to kill": violence aimed at, not done.
  if (mode === 'actual' && kindInfo(kind)?.violent && infinitiveAim(doc, s.first, t0)) mode = 'hypothetical';
  // What an accusation that is itself not actual alleges is not actual either ("in order to
  // accuse the army of using chemical weapons").
  if (alleged && alleged.mode !== 'actual' && mode === 'actual') mode = alleged.mode;
  // "will travel to Moscow on Thursday for talks": a time the grammar puts ahead makes it future.
  if (mode === 'actual' && futureTimeIn(doc, s.i, clause, t0)) mode = 'future';
  const gm = governedMode(info.kind);
  // (an act after "for" is what the speech answers, not what it says: "will pay a heavy price for the ambush")
  const told = (ok: (kind: string) => boolean) => matches.some((x) => x.first > m.last && x.first <= clause.last + 8 && ok(x.pattern.value.kind) && !answersFor(doc, m.last, x.first));
  // A denial, and a warning of violence ("warns that its missiles could strike …"), stand as events of
  // their own until told what to make of what they say (resolveSpeech).
  let speaks = false;
  if (gm && (fam === 'verbal' || fam === 'diplomatic') && told((k) => deniable(k, gm))) {
    st.governed = { mode: gm, until: clause.last + 8 };
    if (gm !== 'negated') return null;
    speaks = true;
  }
  const warns = kind === 'statement' && !info.claims && told((k) => !!kindInfo(k)?.violent);
  speaks ||= warns;
  // (the attack a claim of responsibility names is an event: "claimed the bombing that killed 12")
  if (((fam === 'verbal' && !info.claims) || kind === 'agreement' || kind === 'reconciliation') && !warns) st.verbalUntil = Math.max(st.verbalUntil, asideEnd(doc, clause, t0) ?? clause.last);

  // The trigger is the reporting verb itself ("denied"): it stands only as a verbal event.
  // (asked before the arguments, which such a trigger would read for nothing)
  const a = attributionOf(doc, s.i, t0);
  if (a.cue === t0 && fam !== 'verbal') return null;
  if (info.recommends && !recommendation(doc, t0, a)) return null;

  // Arguments.
  let initiator: Actor | null = null;
  let target: Actor | null = null;
  const passive = info.voice === 'passive' || isPassive(doc, head, clause.first) || (head !== t0 && isPassive(doc, t0, clause.first));
  const left = actorsLeft(doc, t0, passive ? clause.first : doc.sentences[s.i].first);
  // Protesters are civilians who act: they may be a protest's initiator.
  const crowd = isCrowdKind(kind);
  // ("were killed in exchanges of fire between Israeli forces and gunmen": the sides "between"
  // names, not the dead before the trigger)
  const between = info.voice === 'mutual' && hitBy(doc, t0, triggerPhraseStart(doc, t0, clause.first, m.last)) ? sidesBetween(doc, m.last, clause.last) : null;
  if (between) [initiator, target] = between;
  else if (info.voice === 'mutual') {
    const two = left.slice(0, 2).reverse();
    // ("a joint patrol by Turkish and Russian forces": the sides after "by")
    initiator = two[0]?.actor ?? actorRight(doc, m.last, clause.last, C.initiator_prepositions);
    target = two[1]?.actor ?? actorRight(doc, m.last, clause.last, ['with', 'and']);
  } else if (passive) {
    target = left[0]?.actor ?? null;
    initiator = actorRight(doc, m.last, clause.last, C.initiator_prepositions);
    // "rockets fired from Gaza were intercepted": what was shot down is its owner's, named on it
    // or as where it was fired from, anywhere before in the sentence.
    if (roleWords().repellerActs.has(kind)) target = weaponOwner(doc, doc.sentences[s.i].first, t0) ?? target;
  } else {
    // A modifier inside the trigger's own phrase ("Israeli airstrikes", "the regime's strikes").
    // (… but not a place before the verb: "workers in Kermanshah protested")
    const ca = triggerPhraseStart(doc, t0, clause.first, m.last);
    // A pattern that names the agent itself ("gunmen … killed", "forces killed"): the whole
    // phrase it starts with, not only the words before its first word.
    // (a noun pattern's phrase is its own: "in a Russian drone strike" is the Russians')
    if (head > t0 && /^(NOUN|PROPN)$/.test(toks[t0].pos)) {
      const verbal = m.tokens.some((k) => k > t0 && toks[k].pos === 'VERB');
      let [pa, pb] = chunkAround(doc, t0, clause.first, head);
      while (pa < t0 && toks[pa].pos === 'DET') pa++;
      let own = pb <= head && !(verbal && LOCATIVE.has(toks[pa - 1]?.lower ?? '')) ? actorIn(doc, pa, pb) : null;
      // "militants of Katiba Macina killed": the agent is whose militants they are.
      if (own && toks[pb]?.lower === 'of' && roleWords().ofComplement.has(toks[pb - 1].lower)) own = actorRight(doc, pb, head, ['of']) ?? own;
      if (own && (own.kind !== 'civilians' || crowd) && !weaponOnly(own)) initiator = firstConjunct(doc, pa, clause.first, own) ?? own;
    }
    // (an article belongs to the trigger: "a Russian drone strike" is not one Russian's)
    let ma = ca;
    while (ma < t0 && toks[ma].pos === 'DET') ma++;
    // (a weapon of no country in the trigger's phrase is the means, not who used it: "a drone strike hit …")
    // (a bare kind word of no country yields to the verb's subject: "Turkish forces brought military
    // reinforcements" are Turkey's)
    let bare: Actor | null = null;
    if (!initiator && ma < t0) {
      const own = actorIn(doc, ma, t0);
      if (own && !own.country && !own.entity && ma === t0 - 1 && toks[ma].pos === 'ADJ') bare = own;
      else initiator = (own && firstConjunct(doc, ma, clause.first, own)) ?? (own && weaponOnly(own) ? null : own);
    }
    // "thwarted a Houthi attack", "repelled an attack by militants": the attack is theirs, and
    // whoever repelled it was attacked.
    const repelled = !!toks[ca - 1] && roleWords().repelling.has(toks[ca - 1].lower) && kindInfo(kind)?.violent === true;
    if (repelled) {
      initiator ??= actorRight(doc, m.last, clause.last, [...C.initiator_prepositions, 'of']);
      target = actorsLeft(doc, ca - 1, doc.sentences[s.i].first).find((x) => x.actor.kind !== 'civilians')?.actor ?? null;
    }
    const how = hitBy(doc, t0, ca);
    if (how) target = actorsLeft(doc, ca - 2, clause.first)[0]?.actor ?? null;
    // "Hezbollah killed three soldiers in an ambush": a noun trigger after an active verb's
    // object and "in" is how the verb's subject hit that object.
    if (!how && !initiator && /^(NOUN|PROPN)$/.test(toks[t0].pos) && roleWords().means.has(toks[ca - 1]?.lower ?? '') && ca - 2 >= clause.first) {
      const [oa, ob] = chunkAround(doc, ca - 2, clause.first, ca - 1);
      if (oa - 1 >= clause.first && toks[oa - 1].pos === 'VERB') {
        const object = actorIn(doc, oa, ob);
        const subject = actorsLeft(doc, oa - 1, clause.first).find((x) => !x.held)?.actor ?? null;
        if (subject && object) [initiator, target] = [subject, object];
      }
    }
    // "The junta, which seized power in 2020, …": a subject relative clause's verb is its antecedent's act.
    if (!initiator && !repelled && !how) initiator = relativeAntecedent(doc, t0, doc.sentences[s.i].first);
    if (!initiator && !repelled && !how) {
      // The speaker of "the ministry says six were killed in strikes" did not strike, unless
      // the clause refers back to them ("the army says it struck …").
      let from = clause.first;
      const cue = a.cue;
      // ("claimed to have shelled": the speaker is the subject of what follows)
      const control = toks[cue! + 1]?.lower === 'to';
      if (cue !== null && cue >= clause.first && cue < ca && !control && kindInfo(kind)?.violent && !toks.slice(cue + 1, ca).some((x) => roleWords().speakerPronouns.has(x.lower))) from = cue + 1;
      // (the verb right after a relative aside is its antecedent's: "Kataib Hezbollah, a faction that
      // Washington blames for the attacks, denied it" — Washington only blames)
      const aside = asideOpening(doc, ca, doc.sentences[s.i].first);
      if (aside !== null) from = doc.sentences[s.i].first;
      const l = actorsLeft(doc, aside ?? ca, from).find((x) => !x.held && (x.actor.kind !== 'civilians' || crowd));
      initiator = l ? (firstConjunct(doc, l.a, from, l.actor) ?? l.actor) : null;
      if (!initiator?.country) initiator = bare ?? initiator;
    }
    initiator ??= bare;
    // "the militia will pay a heavy price, the spokesman said": the subject is menaced, the speaker threatens.
    if (info.menaces) [initiator, target] = [speakerOf(doc, s.i, t0), initiator ?? target];
    // "She accused …", "It denied …", "“We call on the UN …,” the statement said": the speaker acts.
    if (fam === 'verbal' || fam === 'diplomatic') initiator = unnamedSpeaker(doc, s.i, t0) ?? initiator;
    // Who threatens, warns or accuses is the sentence's subject, outside the "that" clause
    // ("Iran has shown … that any hostile measures will not go unpunished").
    if (!initiator && (fam === 'verbal' || fam === 'diplomatic')) {
      const l = actorsLeft(doc, clause.first, s.first, Infinity).filter((x) => x.actor.kind !== 'civilians');
      initiator = l[l.length - 1]?.actor ?? null;
    }
    // A pattern that ends on its object ("forces killed … militants"): that phrase.
    const verb = m.tokens.find((k) => k > t0 && k < head && toks[k].pos === 'VERB') ?? (info.object ? t0 : undefined);
    if (!target && verb !== undefined && /^(NOUN|PROPN)$/.test(toks[head].pos)) {
      const [oa, ob] = chunkAround(doc, head, verb + 1, m.last);
      target = actorIn(doc, oa, ob);
    }
    // An active verb's object needs no preposition ("shelled Kharkiv").
    // (so does a verb of a noun-or-verb pattern: "it struck Hezbollah sites")
    if (!target) {
      let preps = C.recipient_prepositions[kind] ? [...C.target_prepositions, ...C.recipient_prepositions[kind]] : C.target_prepositions;
      if (C.opponent_verbs.includes(toks[m.last - 1].lower)) preps = [...preps, 'with'];
      const right = actorsRight(doc, m.last, clause.last, preps, info.voice === 'active' || toks[head].pos === 'VERB', 1)[0];
      // What a crowd protests against is a grievance unless it names a side: "against the
      // government", "against Israel" are sides; "against the high US dollar exchange rate"
      // is not the United States (a country only modifies the grievance's own noun).
      target = right && !(crowd && grievance(doc, right.a, right.b)) ? right.actor : null;
      // "an attack blamed on al-Shabaab": whom an attack is blamed on carried it out.
      if (right && kindInfo(kind)?.violent && C.blaming.includes(toks[right.a - 2]?.lower ?? '')) {
        initiator ??= right.actor;
        target = null;
      }
    }
    // (after an interception, "by" names who launched what was shot down: "shot down a drone
    // launched by the rebels" — the weapon's owner, its target below)
    if (!roleWords().repellerActs.has(kind)) initiator ??= actorRight(doc, m.last, clause.last, C.initiator_prepositions);
  }
  // "coalition airstrikes reportedly targeted Houthi positions": a nominal trigger's verb takes
  // the target as its object.
  if (!target && info.voice === 'nominal') {
    let v = m.last;
    while (v < clause.last && toks[v].pos === 'ADV') v++;
    if (v < clause.last && toks[v].pos === 'VERB' && !C.initiator_prepositions.includes(toks[v + 1]?.lower ?? ''))
      target = actorRight(doc, v + 1, clause.last, C.target_prepositions, true);
  }
  // "clashes broke out between X and Y": the sides follow the trigger.
  if (!initiator) {
    const sides = sidesBetween(doc, m.last, clause.last);
    if (sides) {
      initiator = sides[0];
      target = sides[1] ?? target;
    }
  }
  // "repelled a Houthi attack", "thwarted an attack by militants": the attack's side and the
  // side that repelled it.
  if (head > t0 && roleWords().repelling.has(toks[t0].lower) && info.voice === 'active') {
    const [oa] = chunkAround(doc, head, t0 + 1, head + 1);
    const mod = oa < head ? actorIn(doc, oa, head) : null;
    // "a drone attack": a weapon says whose attack only with a country ("a Turkish drone attack").
    const owner = (mod && (mod.country || mod.kind !== 'military') ? mod : null) ?? actorRight(doc, m.last, clause.last, [...C.initiator_prepositions, 'of']);
    if (owner && roleWords().repellerActs.has(kind)) target = owner;
    else if (owner) [initiator, target] = [owner, initiator];
  }
  // What was shot down or intercepted was the other side's: "shot down a Turkish drone",
  // "intercepted missiles fired by the Houthis". Its owner is the target (ACLED, PLOVER).
  if (roleWords().repellerActs.has(kind) && !passive) {
    const owner = weaponOwner(doc, t0 + 1, clause.last);
    if (owner?.country && owner.country !== initiator?.country) target = owner;
  }
  initiator = speakersOwn(doc, s.i, t0, initiator);
  // (whom a recommendation names is whom it is addressed to: the speaker makes it)
  if (info.recommends) [initiator, target] = [speakerOf(doc, s.i, t0), initiator];
  if (alleged) {
    // The accused did it, by the accuser's account.
    // ("the minister condemned the bombing of the embassy": who condemns is no bomber)
    if (!alleged.target && initiator && initiator.name === alleged.initiator?.name) initiator = null;
    initiator = alleged.target ?? initiator;
    if (target && initiator && target.country === initiator.country) target = null;
  }
  // One side read twice ("Israeli forces … Israeli troops") is no target; two armed groups of one
  // country are two sides ("pro-Houthi forces fired at National Resistance forces").
  if (initiator && target && initiator.country && initiator.country === target.country && initiator.kind === target.kind && info.voice !== 'mutual' && !(initiator.kind === 'armed_group' && initiator.name !== target.name)) target = null;

  const place = placeIn(doc, s.i, clause);
  const time = timeIn(doc, s.i, t0, mode, SAID.has(familyOf(kind) ?? ''));
  const ownTime = time !== null && time.mention.sent === s.i;
  // "terrorists bombed the embassy", "two terrorist bombings": a group without aircraft plants its
  // bombs (a weapon named in the clause has decided the kind already).
  if (kind === 'air_strike' && generic && C.generic.bomb.includes(toks[t0].lower) && initiator?.kind === 'armed_group') kind = 'ied_explosion';
  const violent = kindInfo(kind)?.violent ?? false;
  // "has repeatedly struck the ports", "frequently carries out bombings": a habit, not an occurrence
  // ("had not carried out any strikes since" stays a denial).
  // (arrests, protests and lootings too: "have arrested dozens of protesters in recent days", "outlaws who
  // are looting shops")
  const occurring = violent || familyOf(kind) === 'demonstration' || kind === 'arrest' || kind === 'looting';
  if (occurring && mode === 'actual' && habitual(doc, head, clause.first, clause.last)) return null;
  // "killed when the plane crashed": how people died, told with an accident and no attack, is no violence.
  if (info.weak && toldAsAccident(doc, s.first, s.last)) return null;
  // "explosions were heard in the north of the city": a noise, not a bombing, when no one is hurt in its clause.
  if (kind === 'ied_explosion' && generic && toldAsHeard(doc, clause.first, clause.last) && !cas.some((c) => c.statement >= clause.first && c.statement < clause.last)) return null;
  // "the wave of attacks", "a campaign of kidnappings": a trend, unless the clause dates it.
  if (occurring && mode === 'actual' && !ownTime && inTrend(doc, t0, s.first)) return null;
  const cumulative = !place && !ownTime && isPerfect(doc, t0, clause.first);
  if (violent && mode === 'actual' && !ownTime && !cas.some((c) => !c.vague && c.statement >= clause.first && c.statement < clause.last) && summingUp(doc, head, clause.first, clause.last)) return null;
  const d: Draft = {
    kind,
    trigger: m,
    sents: [s.i],
    initiator,
    target,
    place,
    time,
    casualties: [],
    claims: [
      alleged
        ? { ...toClaim(doc, a, s.i), claimant: alleged.claims[0]?.claimant ?? alleged.initiator?.name ?? null, stance: 'alleged' as const }
        : toClaim(doc, a, s.i),
    ],
    historical: time?.background ?? false,
    mode,
    // A violent event needs something that pins it down: a time, a casualty count, a place
    // more precise than a country, or a country with an actor ("ward off aerial attacks"
    // in a minister's words pins nothing).
    // A vague toll told in the perfect with no place pins nothing either: it sums up ("they have
    // killed many people"). A place the gazetteer does not know still pins the event: "shells hit
    // the outskirts of Kfar Kila"; so does one object struck: "bombed the embassy of Peru", or an
    // armed group told doing a specific act ("the terrorists placed a charge of dynamite").
    grounded:
      !violent ||
      !!(
        ownTime ||
        cas.some((c) => !(c.vague && cumulative)) ||
        (place && (place.rank > 1 || initiator?.country || target?.country)) ||
        (!place && unknownPlaceIn(doc, s.i, clause)) ||
        specificObject(doc, t0, m.last, passive, clause, generic || info.weak, kind === 'attack_on_civilians' || kind === 'abduction') ||
        ((initiator?.kind === 'armed_group' || (initiator?.kind === 'organization' && !!initiator.entity)) && !generic && !info.weak && !passive && (toldDone(toks, t0) || (mode === 'actual' && toks[t0 - 1]?.lower === 'to')))
      ),
    cumulative,
    generic: generic || info.weak,
    weak: info.weak,
    armedTarget: aimedAtArmed(doc, passive ? Math.max(clause.first, t0 - 6) : m.last, passive ? t0 : Math.min(clause.last, m.last + 8)),
    spot: null,
  };
  if (kind === 'accusation') st.accusing = { until: clause.last + 8, by: d };
  // "a man they accused of spying", "abducted two teachers, accusing them of spying": no news of its own
  // (what it alleges may be: "whom the president accused of the assassination")
  const violenceBefore = matches.some((x) => x.last <= t0 && x.first >= s.first && !!kindInfo(x.pattern.value.kind)?.violent);
  if (speechInPassing(doc, kind, t0, s.first, violenceBefore)) return null;
  if (speaks) speechReach.set(d, clause.last + 8);
  return d;
}

/**
 * "said after the rally that …", "since the attack": a definite trigger noun after a preposition of time names an
 * occurrence of its family told earlier in the report, to date something else by it (restatement.yaml
 * `referring_prepositions`); the sentence's place and time are not its own.
 */
function dropReferences(doc: Doc, sentDrafts: Draft[], earlier: Draft[]): void {
  const toks = doc.tokens;
  const preps = restatement().referring_prepositions;
  for (let k = sentDrafts.length - 1; k >= 0; k--) {
    const d = sentDrafts[k];
    const t = d.trigger.first;
    const fam = familyOf(d.kind);
    const told = earlier.some((e) => familyOf(e.kind) === fam);
    const under = kindInfo(d.kind)?.violent ? null : namedUnder(doc, d);
    if (under === 'unrealised' || (under === 'told' && told)) {
      sentDrafts.splice(k, 1);
      continue;
    }
    if (d.trigger.tokens.length !== 1 || toks[t - 1]?.lower !== 'the' || !preps.includes(toks[t - 2]?.lower ?? '')) continue;
    if (told) sentDrafts.splice(k, 1);
  }
}

/**
 * A peaceful occurrence named inside another noun's phrase is talked about, not told: with "the"
 * ("support for the peace talks", "the progress of the talks") it is one told before, when one of its
 * family was, unless the noun counts a new part of it ("the next round of the talks"); with "a", as what
 * a proposal or a plan is for ("talks on a proposal for a six-week truce"), it has not happened.
 */
function namedUnder(doc: Doc, d: Draft): 'told' | 'unrealised' | null {
  const R = restatement();
  const toks = doc.tokens;
  const s = doc.sentences[toks[d.trigger.first].sent];
  // (modifiers of the named occurrence: "the peace talks", "a six-week truce")
  let k = d.trigger.first - 1;
  while (k > s.first && (['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(toks[k].pos) || toks[k].text === '-') && d.trigger.first - k <= 4) k--;
  const det = toks[k]?.lower;
  const prep = toks[k - 1];
  const head = toks[k - 2];
  if (!prep || !head || k - 2 < s.first || !R.naming_prepositions.includes(prep.lower) || head.pos !== 'NOUN') return null;
  if (det === 'the') return R.instance_heads.includes(head.lower) ? null : 'told';
  return (det === 'a' || det === 'an') && R.unrealised_heads.includes(head.lower) ? 'unrealised' : null;
}

/** Merges into `host` the other drafts of its sentence in its mode that `joins` accepts, as its kind. */
function absorb(host: Draft, sentDrafts: Draft[], joins: (d: Draft) => boolean): void {
  for (let k = sentDrafts.length - 1; k >= 0; k--) {
    const d = sentDrafts[k];
    if (d !== host && d.mode === host.mode && joins(d)) {
      merge(host, draftAs(d, host.kind, false));
      sentDrafts.splice(k, 1);
    }
  }
}

/**
 * "should impose", "must immediately release", in what someone is reported to say: what the speaker
 * says others ought to do. Not "should have", "must be" (a guess), nor the outlet's own voice.
 */
function recommendation(doc: Doc, t: number, a: ReturnType<typeof attributionOf>): boolean {
  if (a.cue === null && a.quote === null) return false;
  const toks = doc.tokens;
  let v = t + 1;
  if (toks[v]?.lower === 'to') v++;
  while (toks[v]?.pos === 'ADV') v++;
  return toks[v]?.pos === 'VERB' && !['have', 'be'].includes(toks[v].lower);
}

/** Whether the phrase of the trigger at `t` hangs on a "for" after token `from`: "a price for the ambush", "revenge for its aggression". */
function answersFor(doc: Doc, from: number, t: number): boolean {
  const toks = doc.tokens;
  let k = t - 1;
  while (k > from && (NP_POS.has(toks[k].pos) || toks[k].pos === 'PRON') && toks[k].lower !== 'for') k--;
  return k >= from && toks[k].lower === 'for';
}

/** Kinds whose report a governing verb gives its mode to: violence, and for a denial also arms given ("denied sending drones"). */
function deniable(kind: string, mode: Mode): boolean {
  return !!kindInfo(kind)?.violent || (mode === 'negated' && familyOf(kind) === 'material_cooperation');
}

/** How far a denial or a warning with an act told after it reaches (draftOf): the acts told up to there are what it says. */
const speechReach = new WeakMap<Draft, number>();

/**
 * "X denied that its forces had hit the market", after the strike on the market was told: the denial
 * is the event, an answer to the report (PLOVER, the gold set); told again as a negated strike it
 * would be a second event. A denial that is the only account of what it denies ("denied sending drones
 * to Russia") tells that act, negated, and is no event beside it. A warning tells what its speaker's
 * side could do, or what another side could.
 */
function resolveSpeech(doc: Doc, drafts: Draft[]): void {
  const drop = new Set<Draft>();
  // (the same act: of a kind that may name it, told as the work of a side that may be the denier's, at
  // the same place or one within its province; an act no one was said to have done is denied by no one)
  const ix = indexOf(doc);
  const samePlace = (a: Draft['place'], b: Draft['place']) => {
    if (!a || !b || a.id === b.id) return true;
    const [x, y] = [ix.placeById.get(a.id)!, ix.placeById.get(b.id)!];
    const inside = (inner: PlaceAnn, outer: PlaceAnn) => outer.precision === 'admin1' && !!inner.admin1 && inner.admin1 === outer.admin1 && inner.country === outer.country;
    return inside(x, y) || inside(y, x);
  };
  // (a killing of civilians may be told as the strike that killed them)
  const alike = (a: string, b: string) => namesAlike(a, b) || namesAlike(b, a) || ([a, b].includes('attack_on_civilians') && !!kindInfo(a)?.violent && !!kindInfo(b)?.violent);
  const toldElsewhere = (d: Draft, by?: Draft) =>
    drafts.some(
      (p) =>
        p !== d && p !== by && p.grounded && p.mode === 'actual' && alike(d.kind, p.kind) && !unnamedSide(p.initiator) && sidesAgree(p, d) && samePlace(d.place, p.place),
    );
  const speech = drafts.filter((d) => speechReach.has(d));
  const saidBy = (d: Draft) => speech.find((x) => x.sents[0] === d.sents[0] && x.trigger.first < d.trigger.first && d.trigger.first <= speechReach.get(x)!);
  for (const d of drafts) {
    const said = saidBy(d);
    // "warns that its missiles could strike the port": what the speaker's side could do is the event
    // (in its mode), not the warning; what another side could do stays what the warning says.
    if (said?.kind === 'statement') {
      const own = d.mode !== 'actual' && !!d.initiator?.country && d.initiator.country === said.initiator?.country;
      drop.add(own ? said : d);
      continue;
    }
    const by = d.mode === 'negated' ? said : undefined;
    // "the group said it had not ordered any attack in the province", after the attack was told: a
    // denial in other words.
    if (!by && d.mode === 'negated' && kindInfo(d.kind)?.violent && d.claims[0]?.claimant && toldElsewhere(d)) {
      d.kind = 'denial';
      d.mode = 'actual';
      continue;
    }
    if (!by) continue;
    // (a denied act that pins nothing down makes no event: the denial stands)
    drop.add(toldElsewhere(d, by) ? d : d.grounded ? by : d);
  }
  if (!drop.size) return;
  const kept = drafts.filter((d) => !drop.has(d));
  drafts.length = 0;
  pushAll(drafts, kept);
}

/**
 * An attack on several places named together (placeConjuncts) told as one event per place, with the
 * same sides, time and mode; the sentence's toll stays with the first place, where it is counted.
 */
function byPlace(doc: Doc, sent: number, d: Draft): Draft[] {
  if (!kindInfo(d.kind)?.violent) return [d];
  const places = placeConjuncts(doc, sent, clauseOf(doc, sent, d.trigger.first, d.trigger.last), d.trigger.last);
  if (!places) return [d];
  const ranked = (id: string | null): Draft['place'] => {
    const p = id ? indexOf(doc).placeById.get(id) : undefined;
    if (!p) return null;
    return { id: p.id, relation: 'in', rank: PRECISION_RANK[p.precision] ?? 0 };
  };
  // (a conjunct the gazetteer does not know keeps the wider place the clause told, if any)
  const wider = d.place && !places.some((x) => x.id === d.place!.id) ? d.place : null;
  return places.map((x, k) => {
    const c = k === 0 ? d : draftAs(d, d.kind);
    if (k > 0) {
      c.sents = [...d.sents];
      c.casualties = [];
      c.claims = [...d.claims];
    }
    c.place = ranked(x.id) ?? wider;
    c.spot = x.name;
    return c;
  });
}

/** Drafts of one sentence that tell one occurrence merged: generic words, spoils, tolls, fire within a battle, a protest's demands. */
function foldSentence(doc: Doc, s: Doc['sentences'][number], sentDrafts: Draft[], C: Cues, cas: Mention[]): void {
  // "Two explosive-laden drones … the blast": a generic word beside a specific trigger in one
  // sentence describes the same occurrence.
  // How people were hurt yields even to a generic attack word ("six killed in strikes on Beirut").
  const specific = sentDrafts.find((d) => !d.generic && kindInfo(d.kind)?.violent) ?? sentDrafts.find((d) => !d.weak && kindInfo(d.kind)?.violent);
  if (specific)
    for (let k = sentDrafts.length - 1; k >= 0; k--) {
      const d = sentDrafts[k];
      if (d !== specific && d.generic && (!specific.generic || d.weak) && kindInfo(d.kind)?.violent) {
        merge(specific, draftAs(d, specific.kind, specific.generic));
        sentDrafts.splice(k, 1);
      }
    }
  // "Soldiers shot dead two protesters during a march": people killed or hurt in an attack at a
  // peaceful demonstration are lethal force against it (ACLED's excessive force), one event, not an
  // attack beside a protest.
  const demo = sentDrafts.find((d) => d.kind === 'protest' || d.kind === 'protest_with_intervention');
  const shot = demo && cas.some((c) => c.value > 0 || c.vague) && sentDrafts.find((d) => d.kind === 'attack_on_civilians' && d.mode === demo.mode);
  if (demo && shot) {
    shot.kind = 'excessive_force_against_protesters';
    merge(shot, draftAs(demo, shot.kind, false));
    sentDrafts.splice(sentDrafts.indexOf(demo), 1);
  }
  // "took control of two villages after clashes": ground changing hands names the battle (ACLED).
  const taken = sentDrafts.find((d) => TERRITORY.has(d.kind) && d.mode === 'actual');
  if (taken) absorb(taken, sentDrafts, (d) => d.kind === 'armed_clash');
  // "took the town after peacekeepers withdrew", "withdrew … and would retake it": one side leaving is the
  // other side's capture told from the loser's end, one change of ground.
  const captured = sentDrafts.find((d) => TERRITORY.has(d.kind));
  if (captured) absorb(captured, sentDrafts, (d) => d.kind === 'territory_transfer');
  // "overran two outposts and seized weapons", "after ambushing the patrol, the rebels stole the policemen's
  // rifles": arms taken in a fight or a capture are its spoils, not a weapons seizure or a looting of their
  // own (ACLED codes the battle).
  const fight = sentDrafts.find((d) => (TERRITORY.has(d.kind) || d.kind === 'armed_clash') && d.mode === 'actual');
  if (fight)
    absorb(fight, sentDrafts, (d) => (d.kind === 'interception' || (d.kind === 'looting' && armsTaken(doc, d.trigger.last, doc.sentences[s.i].last))) && d.trigger.first > fight.trigger.first);
  // Two tolls of one sentence with no attack named are one occurrence told twice ("two people
  // were killed; a local official said four fighters had been killed").
  const firstWeak = specific ? undefined : sentDrafts.find((d) => d.weak);
  if (firstWeak)
    for (let k = sentDrafts.length - 1; k >= 0; k--) {
      const d = sentDrafts[k];
      if (d !== firstWeak && d.weak && d.mode === firstWeak.mode) {
        merge(firstWeak, draftAs(d, firstWeak.kind));
        sentDrafts.splice(k, 1);
      }
    }
  // "Clashes took place … amid regime shelling": heavy fire within a battle is part of the battle
  // (ACLED codes the whole as an armed clash).
  const clash = sentDrafts.find((d) => d.kind === 'armed_clash' && d.trigger.pattern.value.reciprocal && d.mode === 'actual');
  if (clash)
    for (let k = sentDrafts.length - 1; k >= 0; k--) {
      const d = sentDrafts[k];
      if (IN_BATTLE.has(d.kind) && d.mode === clash.mode) {
        merge(clash, draftAs(d, clash.kind, false));
        sentDrafts.splice(k, 1);
      }
    }
  // "Hundreds of protesters demanded new elections": the demand is what the protest says, not a
  // separate appeal (ACLED codes the protest).
  // A place read as a speaker ("protesters in Kut demanded") is no other voice.
  const demoAt = sentDrafts.find((d) => familyOf(d.kind) === 'demonstration')?.trigger.first;
  if (demoAt === undefined) {
    const gathered = findWord(doc, s.first, s.last, C.gathering);
    const speech = gathered < 0 ? undefined : sentDrafts.find((d) => PROTEST_SPEECH.has(d.kind) && d.mode === 'actual' && d.trigger.first > gathered);
    if (speech) speech.kind = 'protest';
  }
  if (demoAt !== undefined)
    for (let k = sentDrafts.length - 1; k >= 0; k--) {
      const d = sentDrafts[k];
      if (PROTEST_SPEECH.has(d.kind) && d.trigger.first > demoAt && (!d.initiator || d.initiator.kind === 'civilians' || d.initiator.kind === 'state')) sentDrafts.splice(k, 1);
    }
}

/** A draft of this sentence joins one told before (the live drafts) or becomes a new one. */
function placeDraft(doc: Doc, s: Doc['sentences'][number], d: Draft, live: Draft[], drafts: Draft[]): void {
  const toks = doc.tokens;
  // One demonstration told over several sentences is coded by what happened in it at worst:
  // protesters who burn or stone make a riot; police who disperse or arrest, an intervention.
  if (DEMO_RANK[d.kind] !== undefined) {
    const sequel = opensSequel(doc, s.i);
    const demo = findLast(live, (p) => DEMO_RANK[p.kind] !== undefined && (!sequel || p.sents.includes(s.i)) && mergeable(draftAs(p, d.kind), d, doc));
    if (demo) {
      const kind = DEMO_RANK[d.kind] > DEMO_RANK[demo.kind] ? d.kind : demo.kind;
      merge(demo, draftAs(d, kind));
      demo.kind = kind;
      return;
    }
  }
  // "An airstrike hit Idlib. Two men were killed.": how people were hurt joins the attack just
  // told; an attack told after a bare killing names it ("A man was shot dead. Gunmen ambushed …").
  if (d.weak) {
    const host = findLast(live, (p) => kindInfo(p.kind)?.violent && mergeable(p, draftAs(d, p.kind), doc));
    if (host) {
      merge(host, draftAs(d, host.kind, false));
      return;
    }
  } else if (kindInfo(d.kind)?.violent) {
    const bare = findLast(live, (p) => p.weak && p.generic && mergeable(draftAs(p, d.kind), d, doc));
    if (bare) {
      merge(bare, d);
      bare.weak = false;
      return;
    }
    // "X shelled Y. Y fired back": heavy fire answered at once is a battle (ACLED). Shelling told
    // after a battle is often later and elsewhere ("hours after the operation"): kept apart.
    const battle =
      d.kind === 'armed_clash' && d.trigger.pattern.value.reciprocal
        ? findLast(live, (p) => IN_BATTLE.has(p.kind) && s.i - p.sents[p.sents.length - 1] <= 1 && mergeable(draftAs(p, d.kind), d, doc))
        : undefined;
    if (battle) {
      battle.kind = 'armed_clash';
      merge(battle, draftAs(d, 'armed_clash'));
      return;
    }
  }
  // "The attack killed two civilians": a definite, generic mention continues the last
  // violent event reported, whatever that event was called.
  const t0 = d.trigger.first;
  // Further back, it names the last one told as it happened ("… the government has condemned the
  // attack", "no one has claimed the attacks").
  // ("this criminal attack", "the recent terrorist attacks": the determiner before the modifiers)
  let det = t0 - 1;
  while (det > t0 - 4 && (toks[det]?.pos === 'ADJ' || toks[det]?.pos === 'NOUN') && toks[det].sent === s.i) det--;
  if (d.generic && ['the', 'this', 'that', 'these', 'those'].includes(toks[det]?.lower ?? '')) {
    const violent = (p: Draft) => kindInfo(p.kind)?.violent;
    const host =
      findLast(live, (p) => violent(p) && s.i - p.sents[p.sents.length - 1] <= 3) ??
      (d.mode === 'actual' ? findLastOf(drafts, FAR_BACK, (p) => violent(p) && p.mode === 'actual' && !p.historical && p.grounded && namesAlike(d.kind, p.kind)) : undefined);
    if (host) {
      // "… attacked the bank branches. Dynamite was used in the attacks": the weapon told later says
      // what an attack told bare was (a fight between two sides stays one).
      if (host.kind === 'armed_clash' && !host.trigger.pattern.value.reciprocal && EXPLOSIVE.has(d.kind) && d.kind !== d.trigger.pattern.value.kind) host.kind = d.kind;
      merge(host, draftAs(d, host.kind, false));
      return;
    }
  }
  const prev = findLast(live, (p) => mergeable(p, d, doc));
  if (prev) merge(prev, d);
  else {
    drafts.push(d);
    live.push(d);
  }
}

/** The event a grounded draft makes, pushed on `out` (with its first sentence and sentences), if it is one. */
function toEvent(doc: Doc, d: Draft, C: Cues, newsTime: TimeAnn | null, published: string | null, out: Event[], firstSent: number[], sentsOf: number[][], guessed: Set<Actor | null>): void {
  if (!d.grounded) return;
  const { fatalities, injuries } = combine(doc, d.casualties);
  if (d.generic && !d.initiator && !d.target && !d.place) return;
  let time = d.time;
  if (!time && !d.historical && d.mode === 'actual') time = newsTime;
  let t = time ? toTime(doc, time) : null;
  // A report that dates nothing tells of its own day: the event is dated to publication
  // (the time's text is empty: inferred, not read).
  if (!t && !d.historical && d.mode === 'actual' && published) t = { start: published, end: published, precision: 'day', text: '' };
  // Unnamed forces belong to the state where they act: "the army", "security forces",
  // "protesters", "bandits" in a report placed in Sudan are Sudan's (a coder's reading; ACLED
  // writes "Military Forces of Sudan", "Protesters (Sudan)").
  // (a place told in an earlier sentence of the paragraph places the event as well as its own
  // would: "Drones struck Atbara. Air defences shot down six." — the air defences are Sudan's)
  const location: Event['location'] = d.place ? { place: d.place.id, relation: d.place.relation } : SAID.has(familyOf(d.kind) ?? '') ? null : placeBefore(doc, d.sents[0]);
  let defaulted = false;
  // (an event placed nowhere is in the country the report is about: "the ministry rejected the findings")
  const placed = countryByAlpha2(location ? indexOf(doc).placeById.get(location.place)?.country : undefined);
  const here = placed ?? countryByAlpha3(reportCountry(doc));
  if (here) {
    const local = (a: Actor | null): Actor | null => (a && !a.country && LOCAL_KINDS.has(a.kind) && !isMultinational(a.name) ? copyActor(a, a.name, here.alpha3) : a);
    d.initiator = local(d.initiator);
    d.target = local(d.target);
    const byDefault = C.default_initiator[d.kind];
    if (!d.initiator && byDefault && d.mode === 'actual') {
      d.initiator = { name: `${byDefault.name} (${here.name})`, country: here.alpha3, kind: byDefault.kind, entity: null };
      defaulted = true;
    }
  }
  // A crowd's event is the crowd's even where the place is unknown ("rioters damaged a bank in
  // <a village the gazetteer lacks>"): protesters or rioters of no stated country.
  const crowdName = C.default_initiator[d.kind];
  if (!here && !d.initiator && crowdName && isCrowdKind(d.kind) && d.mode === 'actual') d.initiator = { name: crowdName.name, country: null, kind: crowdName.kind, entity: null };
  // "shot down six drones over Port Sudan": the defender's own ground is where, not whom.
  if (roleWords().repellerActs.has(d.kind) && d.target?.kind === 'state' && d.target.country === d.initiator?.country) d.target = null;
  // Only soldiers or fighters died: ACLED codes a fight between armed sides, not an attack on
  // civilians ("militants killed five soldiers").
  // Only soldiers or fighters hurt, or an armed side the target: the same (ACLED codes a fight
  // between armed sides by who was attacked).
  const armedVictims =
    (fatalities?.military || injuries?.military || (d.target && ARMED.has(d.target.kind)) || d.armedTarget) &&
    !fatalities?.civilians &&
    !injuries?.civilians;
  if (d.kind === 'attack_on_civilians' && armedVictims && d.target?.kind !== 'civilians') d.kind = 'armed_clash';
  // One side attacking, and only civilians hurt or named as its object ("assaulted a nurse",
  // "14 civilians killed in an attack"): violence against civilians, not a battle.
  else if (d.kind === 'armed_clash' && !d.trigger.pattern.value.reciprocal && !armedVictims && civilianObject(doc, d, fatalities, injuries)) d.kind = 'attack_on_civilians';
  // Civilians who fight police or soldiers, or each other, riot: a battle needs two organised
  // armed sides ("clashes erupted between villagers and police", "residents of two quarters
  // clashed"). ACLED codes it a violent demonstration when the sentence tells a demonstration
  // ("rioters demonstrating against prices clashed with soldiers"), mob violence otherwise.
  if (d.kind === 'armed_clash' && d.trigger.pattern.value.crowd) {
    const sides = [d.initiator, d.target];
    const civil = sides.filter((a) => a?.kind === 'civilians').length;
    const armedGroup = sides.some((a) => a?.kind === 'armed_group');
    if (civil === 2 || (civil === 1 && !armedGroup)) d.kind = toldAsDemonstration(doc, d.sents[0]) ? 'violent_demonstration' : 'mob_violence';
  }
  // A crowd's violence where no demonstration is told ("settlers set fire to homes", "youths threw
  // stones at cars") is mob violence: ACLED's violent demonstration is demonstrators turning violent.
  if (d.kind === 'violent_demonstration' && !d.sents.some((i) => toldAsDemonstration(doc, i, demonstrating))) d.kind = 'mob_violence';
  // Forces or an armed group burning property with nobody hurt are no crowd: ACLED codes the
  // destruction ("militants set fire to crop fields", "soldiers set fire to three houses").
  if (d.kind === 'mob_violence' && d.initiator && ARMED.has(d.initiator.kind) && !d.casualties.some((m) => m.value > 0) && !(d.target && ARMED.has(d.target.kind)))
    d.kind = 'looting';
  // Tear gas fired at people who are not protesting ("at farmers in their fields", "at residents
  // of the camp" in a raid): force against civilians, not a protest dispersed (ACLED).
  if (d.kind === 'protest_with_intervention' && civilianObject(doc, d, fatalities, injuries) && !d.sents.some((i) => toldAsDemonstration(doc, i, protesting) || tellsCrowd(doc, i)))
    d.kind = 'attack_on_civilians';
  // A non-state group cannot arrest: its detentions are abductions (ACLED).
  if (d.kind === 'arrest' && d.initiator?.kind === 'armed_group') d.kind = 'abduction';
  // An armed group that seizes power overtakes the state's ground; the army's seizure stays a coup.
  // (the side named before the verb: "the junta, which seized power and hired Wagner fighters" is the army's)
  if (d.trigger.pattern.value.power && actorsLeft(doc, d.trigger.first, doc.sentences[d.sents[0]].first)[0]?.actor.kind === 'armed_group')
    d.kind = 'nonstate_overtakes_territory';
  // Who takes territory decides ACLED's sub-event: the state regains it, a non-state group
  // overtakes it ("security forces captured" vs "rebels captured").
  if (TERRITORY.has(d.kind) && d.initiator) {
    if (d.initiator.kind === 'military' || d.initiator.kind === 'government') d.kind = 'government_regains_territory';
    else if (d.initiator.kind === 'armed_group') d.kind = 'nonstate_overtakes_territory';
  }
  // "government forces and allied militias retook the town": the state's forces lead the militias
  // joined to them, so the ground is the state's regained.
  if (d.kind === 'nonstate_overtakes_territory') {
    const sentFirst = doc.sentences[d.sents[0]].first;
    const near = actorsLeft(doc, d.trigger.first, sentFirst, 1)[0];
    // (the participle that joins them, "and allied militias", is read as a verb outside their phrase)
    const at = near && doc.tokens[near.a - 1]?.pos === 'VERB' && doc.tokens[near.a - 2]?.lower === 'and' ? near.a - 1 : near?.a;
    const lead = near && at !== undefined && firstConjunct(doc, at, sentFirst, near.actor);
    if (lead && (lead.kind === 'military' || lead.kind === 'government')) d.kind = 'government_regains_territory';
  }
  // Sides the report does not name get the names analysts give them, in the event's country
  // ("Military Forces of Syria", "Protesters (Iraq)", "Unidentified Armed Group (Yemen)").
  const side = nameSide(d.initiator, 'initiator', d.kind, here?.alpha3 ?? null);
  d.initiator = side.actor;
  // (the crowd read as the passive's subject is the protest itself: "a protest by drivers was dispersed by police")
  if (side.displaced && (!d.target || d.target.kind === 'civilians')) d.target = side.displaced;
  // A peaceful crowd is not its own target ("a protest by drivers was dispersed": the drivers protest).
  else if (isCrowdKind(d.kind) && !kindInfo(d.kind)?.violent && d.target?.kind === 'civilians') d.target = null;
  d.target ??= victimsSide(doc, d);
  d.target = nameSide(d.target, 'target', d.kind, here?.alpha3 ?? null).actor;
  const whom = C.default_target[d.kind];
  if (here && !d.target && whom && d.mode === 'actual') d.target = { name: whom.name.replace('{country}', here.name), country: here.alpha3, kind: whom.kind, entity: null };
  // ACLED names the side attacked; when the report names none, a violent event's target is the
  // state (or, when only civilians were killed or hurt, the civilians) of the country where it happened.
  // A place struck where only civilians were hurt is an attack on them: "hit the village, killing
  // four residents" (the place alone reads as the state).
  const civilianToll =
    (fatalities && fatalities.civilians !== null && !fatalities.military) ||
    (d.casualties.some((m) => m.category === 'civilians' && m.value > 0) && !d.casualties.some((m) => m.category === 'military'));
  if (d.target?.kind === 'state' && civilianToll && kindInfo(d.kind)?.violent) d.target = null;
  // (an interception happens over the defender's ground: the place is the side that intercepts)
  if (!d.target && d.place && kindInfo(d.kind)?.violent && d.mode === 'actual' && !roleWords().repellerActs.has(d.kind)) {
    const pl = indexOf(doc).placeById.get(d.place.id);
    const c = countryByAlpha2(pl?.country);
    if (c) {
      const civ = civilianToll;
      d.target = { name: civ ? `Civilians (${c.name})` : c.name, country: c.alpha3, kind: civ ? 'civilians' : 'state', entity: null };
    }
  }
  // A speech act negated with no speaker ("No group has claimed responsibility", "nobody has
  // commented") is a silence the report notes, not anyone's act.
  if (d.mode === 'negated' && !d.initiator && familyOf(d.kind) === 'verbal') return;
  // A report cannot tell of an actual event after it was published.
  if (t?.start && published && t.start > published && d.mode === 'actual') return;
  const evidence = d.sents.sort((a, b) => a - b).map((i) => doc.span(doc.sentences[i].start, doc.sentences[i].end));
  let confidence = 0.4 + (d.initiator ? 0.15 : 0) + (d.place ? 0.15 : 0) + (t ? 0.1 : 0) + (d.generic ? -0.1 : 0.1) + (d.target || isCrowdKind(d.kind) ? 0.05 : 0);
  confidence = Math.max(0.05, Math.min(0.95, Math.round(confidence * 100) / 100));
  firstSent.push(d.sents[0]);
  sentsOf.push(d.sents);
  if (defaulted) guessed.add(d.initiator);
  const event: Event = {
    id: `ev${out.length + 1}`,
    kind: d.kind,
    acled: acledFor(d.kind),
    plover: ploverFor(d.kind),
    initiator: d.initiator,
    target: d.target,
    location,
    time: t,
    fatalities,
    injuries,
    claims: d.claims,
    evidence,
    historical: d.historical || (time?.background ?? false),
    mode: d.mode,
    confidence,
  };
  if (d.trigger.pattern.value.fired) stoppedInFlight.add(event);
  out.push(event);
}

/**
 * Background is relative to the report's news: when the report tells of something recent, an
 * event that ended well before it (more than `background_days`) is background ("reconciled
 * last month", "In February … reached an agreement"). A report entirely about older events
 * (an NGO investigation) keeps them as its news.
 */
function markBackground(out: Event[], published: string | null, C: Cues): void {
  if (published) {
    const pubDay = Date.parse(published);
    const age = (e: Event) => (e.time?.end ? (pubDay - Date.parse(e.time.end)) / 86_400_000 : 0);
    // The news must be a dated happening, not the report's own appeal or a date it assumed.
    const news = out.some((e) => !e.historical && e.time?.text && !['verbal', 'diplomatic'].includes(familyOf(e.kind)) && age(e) <= C.background_days);
    if (news) for (const e of out) if (!e.historical && e.mode === 'actual' && age(e) > C.background_days) e.historical = true;
  }
}

export const events: Stage = {
  name: 'events',
  reads: ['text', 'meta', 'tokens', 'sentences', 'dateline', 'entities', 'entities.use', 'places', 'times', 'quotes'],
  writes: ['events'],
  adds: 'events, actors, casualties, claims, modes',
  run(doc: Doc) {
    const T = triggers();
    const C = cueData();
    const drafts: Draft[] = [];
    const toks = doc.tokens;
    const published = doc.meta.published?.slice(0, 10) ?? null;
    const newsTime = newsTimeOf(doc);

    // The drafts a sentence may still add to: every search below wants one told in the last three
    // sentences, and a draft only ever gains the sentence being read. Searching these, not all
    // drafts, keeps a long text linear.
    let live: Draft[] = [];
    for (const s of doc.sentences) {
      if (live.length) live = live.filter((d) => d.sents[d.sents.length - 1] >= s.i - 3);
      const matches = eventMatches(T.matchBest(toks, s.first, s.last));
      const cas = casualtyMentions(doc, s.first, s.last);
      const sentDrafts: Draft[] = [];
      const st: SentenceState = { governed: null, verbalUntil: -1, accusing: null };
      for (const m of matches) {
        const d = draftOf(doc, s, m, matches, cas, C, st);
        if (d) pushAll(sentDrafts, byPlace(doc, s.i, d));
      }
      // (after the fold: "during the protest, gunmen opened fire" is lethal force against the protest told before)
      foldSentence(doc, s, sentDrafts, C, cas);
      dropReferences(doc, sentDrafts, drafts);
      attachCasualties(cas, sentDrafts, live, s.i);
      for (const d of sentDrafts) placeDraft(doc, s, d, live, drafts);
    }

    blameAsAttribution(doc, drafts);
    foldRestatements(doc, drafts);
    resolveSpeech(doc, drafts);
    attributeClaims(drafts);
    const out: Event[] = [];
    /** the first sentence of each event of `out` */
    const firstSent: number[] = [];
    const sentsOf: number[][] = [];
    /** initiators given by default, for want of any named (arguments.yaml `default_initiator`) */
    const guessed = new Set<Actor | null>();
    for (const d of drafts) toEvent(doc, d, C, newsTime, published, out, firstSent, sentsOf, guessed);
    foldSummaries(doc, out, sentsOf, firstSent);
    attacksStopped(doc, out, firstSent, sentsOf);
    answerSides(doc, out, firstSent, sentsOf, guessed);
    markBackground(out, published, C);
    doc.events = out;
  },
};
