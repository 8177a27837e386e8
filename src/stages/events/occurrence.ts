// Whether a trigger word reports an occurrence at all (data/events/occurrence.yaml): "a kidnapping
// ring", "their murdered mayors", "responsible for killings, pillaging and outrages" use the word of
// an event to classify, describe or blame, and tell of no attack of their own.
import type { Doc } from '../../doc.js';
import { data } from '../../data/index.js';
import type { TriggerMatch } from './triggers.js';
import { familyOf } from '../../taxonomy.js';

let lex: {
  forms: Set<string>;
  phrases: string[][];
  withdrawal: { words: Set<string>; from: Set<string>; objects: Set<string> };
  abandoned: Set<string>;
  classified: Set<string>;
  wrongdoing: Set<string>;
  counted: string[][];
  trendRuns: Set<string>;
  accidents: Set<string>;
  perceived: Set<string>;
  campaign: Set<string>;
  habitual: Set<string>;
  spans: Set<string>;
  spanUnits: Set<string>;
  recentUnits: Set<string>;
  trends: Set<string>;
  describedSpeech: Set<string>;
  aggregate: number;
} | null = null;
function lexicon() {
  if (lex) return lex;
  const raw = data('events/occurrence.yaml');
  lex = {
    forms: new Set(raw.forms),
    phrases: raw.phrases.map((c) => c.split(' ')),
    withdrawal: { words: new Set(raw.withdrawal.words), from: new Set(raw.withdrawal.from), objects: new Set(raw.withdrawal.objects) },
    abandoned: new Set(raw.abandoned),
    classified: new Set(raw.classified),
    wrongdoing: new Set(raw.wrongdoing),
    counted: raw.counted.map((c) => c.split(' ')),
    trendRuns: new Set(raw.trend_runs),
    accidents: new Set(raw.accidents),
    perceived: new Set(raw.perceived),
    campaign: new Set(raw.campaign),
    habitual: new Set(raw.habitual),
    spans: new Set(raw.spans),
    spanUnits: new Set(raw.span_units),
    recentUnits: new Set(raw.recent_units),
    trends: new Set(raw.trends),
    describedSpeech: new Set(raw.described_speech),
    aggregate: raw.aggregate_toll,
  };
  return lex;
}

/** A toll at or above which a count is a war's, not one occurrence's. */
export const aggregateToll = () => lexicon().aggregate;

// What may stand before a participle that describes the noun after it ("the stolen cars", "their
// murdered mayors", "for stolen cars"); a subject ("gunmen killed villagers", "it killed", "who
// killed") never does.
const DESCRIBING = new Set(['the', 'a', 'an', 'their', 'his', 'her', 'its', 'our', 'my', 'your']);
// ("for" is tagged either; "the strike that killed civilians" has a subject)
const PREPOSITION = new Set(['ADP', 'SCONJ']);
const AUXILIARY = new Set(['have', 'be', 'get', 'do']);
const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ']);
const POSSESSIVE = new Set(["'", "'s", '’', '’s']);
const NO_SUBJECT = new Set(['PUNCT', 'CCONJ', 'SCONJ', 'ADP']);
const LISTED = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM']);

/** Whether the trigger names no occurrence: a sense that is none, a classifier, a description or a catalogue. */
export function namesNoOccurrence(doc: Doc, m: TriggerMatch): boolean {
  const L = lexicon();
  const toks = doc.tokens;
  if (m.tokens.some((k) => L.forms.has(toks[k].lower))) return true;
  if (L.phrases.some((ws) => ws.every((x, k) => toks[m.first + k]?.lower === x))) return true;
  if (m.pattern.value.kind === 'territory_transfer' && L.withdrawal.words.has(toks[m.first].lower) && withdrawnFromNoGround(doc, m.first)) return true;
  if (m.pattern.value.kind === 'agreement' && abandonedBefore(doc, m.first)) return true;
  // "Western-supplied weapons", "Iranian-made drones": the second half of a hyphenated modifier describes
  const f = toks[m.first];
  if (toks[m.first - 1]?.text === '-' && toks[m.first - 1].end === f.start && (f.pos === 'ADJ' || (f.pos === 'VERB' && /(ed|en)$/.test(f.lower)))) return true;
  // "the confiscated properties", "the now confiscated farm", "the burned vehicles": a verb's pattern read
  // from a participle after a definite article or a possessive describes a known object, as a one-word
  // trigger does below ("a downed drone" may still tell the downing).
  if (m.tokens.length > 1 && m.pattern.value.voice === 'active' && (f.pos === 'VERB' || f.pos === 'ADJ') && (/ed$/.test(f.lower) || (/(en|nt)$/.test(f.lower) && f.lower !== f.lemma))) {
    let b = m.first - 1;
    while (b >= 0 && toks[b].pos === 'ADV' && toks[b].sent === f.sent) b--;
    if (b >= 0 && toks[b].sent === f.sent && DESCRIBING.has(toks[b].lower) && toks[b].lower !== 'a' && toks[b].lower !== 'an') return true;
  }
  if (m.tokens.length !== 1) return false;
  const t = m.first;
  const w = toks[t];
  const next = toks[t + 1];
  const sent = doc.sentences[w.sent];
  if (!next || next.sent !== w.sent) return false;
  // "a kidnapping ring", "the murder case": the word classifies the noun after it.
  if (w.pos !== 'VERB' && L.classified.has(next.lower)) return true;
  // "their murdered mayors", "razed towns": a participle describing what follows it.
  const nounAfter = next.pos === 'NOUN' || ((next.pos === 'ADJ' || next.pos === 'PROPN') && toks[t + 2]?.pos === 'NOUN' && toks[t + 2].sent === w.sent);
  // (a word tagged as an adjective may still be a verb, after its subject or an auxiliary: "rebels looted
  // crops", "claimed to have shelled army positions"; after a verb it describes: "it means razed towns")
  const before = toks[t - 1];
  const describing = !!before && (DESCRIBING.has(before.lower) || (PREPOSITION.has(before.pos) && before.lower !== 'that') || (w.pos === 'ADJ' && before.pos === 'VERB' && !AUXILIARY.has(before.lemma)));
  if (nounAfter && describing && (w.pos === 'ADJ' || (w.pos === 'VERB' && /(ed|en)$/.test(w.lower)))) return true;
  // "the number of attacks": a count of occurrences.
  if (familyOf(m.pattern.value.kind) !== 'demonstration' && L.counted.some((ws) => ws.every((x, k) => toks[t - ws.length + k]?.lower === x))) return true;
  // "the battle against drug trafficking": a campaign.
  // ("the attack on the drug-trafficking mafias": an article and a hyphenated modifier may stand between)
  if (L.campaign.has(next.lower)) {
    for (let k = t + 2; k < Math.min(sent.last, t + 8) && (NOMINAL.has(toks[k].pos) || toks[k].pos === 'DET' || toks[k].text === '-'); k++)
      if (L.wrongdoing.has(toks[k].lower)) return true;
  }
  return catalogue(doc, t, sent.first, sent.last);
}

/**
 * Whether the trigger at `t` is what a run of occurrences is made of: "the wave of terrorist attacks", "a
 * campaign of student kidnappings and murders" (its modifiers and the words listed with it between).
 */
export function inTrend(doc: Doc, t: number, first: number): boolean {
  const toks = doc.tokens;
  let k = t - 1;
  while (k > first && k > t - 6 && (NOMINAL.has(toks[k].pos) || toks[k].pos === 'CCONJ' || toks[k].text === ',' || toks[k].text === '-')) k--;
  return k > first && toks[k].lower === 'of' && lexicon().trendRuns.has(toks[k - 1].lower);
}

/** Whether tokens [first, last) tell something heard ("explosions were heard", "we hear bombs"). */
export function toldAsHeard(doc: Doc, first: number, last: number): boolean {
  return hasWord(doc, first, last, lexicon().perceived);
}

/** Whether tokens [first, last) tell an accident ("when the plane crashed", "in a road accident"). */
export function toldAsAccident(doc: Doc, first: number, last: number): boolean {
  return hasWord(doc, first, last, lexicon().accidents);
}

/** Whether one of tokens [first, last) is one of `words` (lower case). */
function hasWord(doc: Doc, first: number, last: number, words: Set<string>): boolean {
  for (let k = first; k < last; k++) if (words.has(doc.tokens[k].lower)) return true;
  return false;
}

/**
 * "withdrew from the nuclear deal", "its withdrawal from ECOWAS", "withdrew its ambassador": the phrase after
 * the word (its object, or the one after "from") names a body, a deal or a thing given back, not ground.
 */
function withdrawnFromNoGround(doc: Doc, t: number): boolean {
  const L = lexicon().withdrawal;
  const toks = doc.tokens;
  const last = doc.sentences[toks[t].sent].last;
  let k = t + 1;
  const from = toks[k]?.lower === 'from';
  if (from) k++;
  // the phrase: determiners, possessives, modifiers, up to its head
  for (; k < Math.min(last, t + 8); k++) {
    const x = toks[k];
    if (from && x.pos === 'PROPN' && doc.entities.some((e) => e.type === 'ORG' && e.mentions.some((mm) => mm.first <= k && k < mm.last))) return true;
    if ((from ? L.from : L.objects).has(x.lower)) return true;
    if (!NOMINAL.has(x.pos) && x.pos !== 'DET' && x.pos !== 'NUM' && !POSSESSIVE.has(x.text) && x.pos !== 'PRON') return false;
  }
  return false;
}

/** "quit a U.N.-brokered deal", "withdrew from the nuclear deal": a verb of leaving before the agreement's phrase. */
function abandonedBefore(doc: Doc, t: number): boolean {
  const toks = doc.tokens;
  const first = doc.sentences[toks[t].sent].first;
  for (let k = t - 1; k >= Math.max(first, t - 7); k--) {
    const x = toks[k];
    if (lexicon().abandoned.has(x.lower)) return true;
    // ("a U.N. - brokered deal": a hyphenated compound is part of the phrase)
    const compound = x.text === '-' || toks[k - 1]?.text === '-';
    if (!LISTED.has(x.pos) && !compound && !POSSESSIVE.has(x.text) && !['from', 'of', 'out', 'up'].includes(x.lower)) return false;
  }
  return false;
}

/**
 * Whether token `t` stands in one list with a word of wrongdoing ("kidnappings, extortion, and
 * terrorism"): the words between are nouns, adjectives, determiners, commas, "and", "or" and "of",
 * one of them a comma or a conjunction.
 */
function catalogue(doc: Doc, t: number, first: number, last: number): boolean {
  const L = lexicon();
  const toks = doc.tokens;
  // (a word tagged as a verb is listed only where no subject stands before it: ", torture and … crimes",
  // never "gunmen killed two traders, and extortion gangs …")
  const before = toks[t - 1];
  const listedVerb = toks[t].pos === 'VERB' && (toks[t].lower.endsWith('ing') || !before || NO_SUBJECT.has(before.pos));
  if (!NOMINAL.has(toks[t].pos) && !listedVerb) return false;
  for (const step of [-1, 1]) {
    let joined = false;
    for (let k = t + step; k >= first && k < last && Math.abs(k - t) <= 8; k += step) {
      const x = toks[k];
      if (L.wrongdoing.has(x.lower)) {
        if (joined) return true;
        continue;
      }
      if (x.text === ',' || x.pos === 'CCONJ') joined = true;
      // ("torture and human rights' crimes")
      else if (!LISTED.has(x.pos) && x.lower !== 'of' && !POSSESSIVE.has(x.text) && !(x.pos === 'VERB' && x.lower.endsWith('ing'))) break;
    }
  }
  return false;
}

/**
 * Whether the trigger at `t`, in the clause [first, last), tells a habit or a trend: a word of frequency
 * with the perfect or the present ("has repeatedly struck", "frequently carries out bombings"), or the
 * perfect over a stretch of time ("has carried out attacks since 2021", "has been fighting for 15 years").
 */
export function habitual(doc: Doc, t: number, first: number, last: number): boolean {
  const L = lexicon();
  const toks = doc.tokens;
  let frequency = false;
  let span = false;
  for (let k = first; k < last; k++) {
    const w = toks[k].lower;
    // ("near-daily" is three tokens)
    frequency ||= L.habitual.has(w);
    span ||=
      L.spans.has(w) ||
      (w === 'for' && toks.slice(k + 1, k + 5).some((x) => L.spanUnits.has(x.lower))) ||
      (w === 'recent' && L.recentUnits.has(toks[k + 1]?.lower ?? ''));
  }
  const verb = subjectOf(doc, t, last);
  // "attacks on troops have increased": a count of occurrences rising or falling
  if (verb !== null && L.trends.has(toks[verb.at].lower)) return true;
  if (!frequency && !span) return characterising(doc, t, first);
  // (a trigger noun that is the subject: its verb's tense, after it: "attacks … have increased since")
  let perfect = verb?.perfect ?? false;
  let present = false;
  for (let k = first; k <= t; k++) {
    const x = toks[k];
    perfect ||= x.lemma === 'have' && (x.pos === 'AUX' || toks[k + 1]?.pos === 'VERB' || toks[k + 1]?.lower === 'been');
    // "carries", "strikes": the third person of the present
    present ||= x.pos === 'VERB' && x.lower !== x.lemma && x.lower.endsWith('s') && !x.lower.endsWith('ss');
  }
  return perfect || (frequency && present);
}

// What may stand between a subject noun and its verb: its modifiers and their phrases ("attacks on troops and
// civilians in central Mali have increased").
const SUBJECT_PHRASE = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'ADP', 'CCONJ', 'PART', 'ADV']);

/**
 * The verb whose subject a plural trigger noun at `t` is ("attacks … have increased"), and whether it is
 * in the perfect; null when the trigger is no plural noun or no verb follows its phrase in the clause.
 */
function subjectOf(doc: Doc, t: number, last: number): { at: number; perfect: boolean } | null {
  const toks = doc.tokens;
  const w = toks[t];
  // (a trigger noun opening a sentence may be tagged as a name: "Kidnappings rose")
  const noun = w.pos === 'NOUN' ? w.lower !== w.lemma : w.pos === 'PROPN' && doc.sentences[w.sent].first === t;
  if (!noun || !w.lower.endsWith('s')) return null;
  // (a noun after a preposition or a verb is their object: "killed in attacks", "condemned the attacks")
  const before = toks[t - 1];
  if (before && (before.pos === 'ADP' || before.pos === 'VERB')) return null;
  let perfect = false;
  for (let k = t + 1; k < Math.min(last, t + 16); k++) {
    const x = toks[k];
    if (x.pos === 'AUX' || (x.lemma === 'have' && x.pos === 'VERB' && toks[k + 1]?.pos === 'VERB')) {
      perfect ||= x.lemma === 'have';
      continue;
    }
    if (x.pos === 'VERB') return { at: k, perfect };
    if (!SUBJECT_PHRASE.has(x.pos) && x.text !== '-' && !POSSESSIVE.has(x.text)) return null;
  }
  return null;
}

/**
 * "government aerial bombardments of residential areas have killed civilians": a bare plural trigger noun (no
 * article, no number) as the subject of a perfect sums up many occurrences. The caller asks for no figure and
 * no time of its own ("strikes have killed three people", "the strikes have killed" tell one).
 */
export function summingUp(doc: Doc, t: number, first: number, last: number): boolean {
  const toks = doc.tokens;
  const verb = subjectOf(doc, t, last);
  if (!verb?.perfect) return false;
  let a = t - 1;
  while (a >= first && (NOMINAL.has(toks[a].pos) || toks[a].text === '-' || POSSESSIVE.has(toks[a].text))) a--;
  if (a >= first && (toks[a].pos === 'DET' || toks[a].pos === 'NUM')) return false;
  return bareObject(doc, verb.at + 1, last);
}

/**
 * Whether the object of a verb, from `k` on (past verbs joined to it: "have killed and injured"), is a bare
 * plural: "civilians", "civilian infrastructure and homes" are of no one occurrence; "the southern suburbs",
 * "three people" are.
 */
function bareObject(doc: Doc, k: number, last: number): boolean {
  const toks = doc.tokens;
  while (k < last && (toks[k].pos === 'VERB' || toks[k].pos === 'CCONJ' || toks[k].pos === 'ADV')) k++;
  if (k >= last || !NOMINAL.has(toks[k].pos)) return false;
  while (k + 1 < last && NOMINAL.has(toks[k + 1].pos)) k++;
  return toks[k].pos === 'NOUN' && toks[k].lower !== toks[k].lemma;
}

// Words that stand before a verb in a clause without making it present ("to attack", "will attack", "did attack").
const NOT_PRESENT = new Set(['AUX', 'PART']);
const PRESENT_BE = new Set(['is', 'are', 'am']);

/**
 * "the dictatorship, which assassinates priests", "fighters who carry out attacks": a relative clause in
 * the present characterises its noun and reports no occurrence. The verb of the trigger (itself, or the
 * verb before a noun trigger) is in the present: "-s", or a base form after the relative word or its subject.
 */
function characterising(doc: Doc, t: number, first: number): boolean {
  const toks = doc.tokens;
  // "criminals who are looting", "forces that are indiscriminately bombing": the present progressive
  // tells what its noun is doing these days, as the simple present does (its "-ing" word may be tagged
  // as a noun).
  let be = t - 1;
  while (be > first && toks[be].pos === 'ADV') be--;
  const progressive = toks[t].lower.endsWith('ing') && PRESENT_BE.has(toks[be]?.lower ?? '');
  let v = t;
  if (!progressive && toks[t].pos !== 'VERB') {
    v = t - 1;
    while (v >= first && toks[v].pos !== 'VERB') v--;
    if (v < first) return false;
  }
  const x = toks[v];
  if (!progressive && NOT_PRESENT.has(toks[v - 1]?.pos ?? '')) return false;
  const present = progressive || x.lower === x.lemma || (x.lower.endsWith('s') && !x.lower.endsWith('ss'));
  if (!present) return false;
  // the relative word: the clause's first, or the word before it, with nothing but a subject between,
  // or a speaker's aside ("fighters who it says carry out attacks")
  const reported = reportingVerbs();
  const from = progressive ? be : v;
  for (let k = from - 1, reach = 3; k >= Math.max(0, first - 1, from - reach); k--) {
    if (RELATIVE_WORDS.has(toks[k].lower)) return true;
    if (reported.has(toks[k].lower) && toks[k - 1] && ['PRON', 'NOUN', 'PROPN'].includes(toks[k - 1].pos)) {
      reach += 2;
      k--;
      continue;
    }
    if (!['PRON', 'NOUN', 'PROPN', 'ADV'].includes(toks[k].pos)) return false;
  }
  return false;
}

let reportingSet: Set<string> | null = null;
const reportingVerbs = () => (reportingSet ??= new Set(data('events/modes.yaml').reported));
const RELATIVE_WORDS = new Set(['which', 'who', 'that']);

/**
 * Whether a speech act of `kind` at `t` only describes someone: in an object relative clause, its object
 * missing ("a man they accused of spying", "the militia that Washington has blamed for"), or as the reason given in a participle after
 * violence told before it in the sentence ("abducted two teachers, accusing them of spying").
 */
export function speechInPassing(doc: Doc, kind: string, t: number, first: number, violenceBefore: boolean): boolean {
  if (!lexicon().describedSpeech.has(kind)) return false;
  const toks = doc.tokens;
  if (violenceBefore && toks[t].lower.endsWith('ing') && toks[t - 1]?.text === ',') return true;
  // the accused is the noun the clause describes: the verb's own object is missing ("accused of", "blamed for")
  if (toks[t + 1]?.pos !== 'ADP') return false;
  let k = t - 1;
  while (k >= first && (toks[k].pos === 'ADV' || toks[k].pos === 'AUX' || toks[k].lemma === 'have')) k--;
  if (k < first) return false;
  // a bare relative: a pronoun subject right after a noun ("firms it accuses of")
  if (toks[k].pos === 'PRON' && !OBJECT_RELATIVE.has(toks[k].lower) && toks[k - 1]?.pos === 'NOUN' && k - 1 >= first) return true;
  // the subject of the clause, then what opens it
  const subjectEnd = k;
  while (k >= first && k > subjectEnd - 4 && !OBJECT_RELATIVE.has(toks[k].lower) && ['PRON', 'PROPN', 'NOUN', 'DET'].includes(toks[k].pos)) k--;
  if (k === subjectEnd || k < first) return false;
  // ("that" after a noun; after a verb it opens what was said: "said that Israel accused")
  const w = toks[k].lower;
  return w === 'that' ? ['NOUN', 'PROPN'].includes(toks[k - 1]?.pos ?? '') : OBJECT_RELATIVE.has(w);
}
const OBJECT_RELATIVE = new Set(['whom', 'which', 'who', 'that']);
