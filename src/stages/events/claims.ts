// Who claims a fact: the attribution of one sentence ("An anonymous military source told SANA
// that …", "according to the ministry", "…, officials said"), its chain to the outlet and its
// stance. Lexicons in data/events/attribution.yaml. A sentence with no attribution is the outlet's
// own voice: claimant null.
import type { Doc, Token } from '../../doc.js';
import { mentionsAcross, mentionsOf } from './mentions.js';
import type { Claim, Stance } from '../../contract.js';
import { data } from '../../data/index.js';
import { weekdayNames } from '../../data/time.js';
import { Phrases } from '../../patterns.js';
import { findLast } from '../../arrays.js';

let lex: {
  verb: Map<string, Stance>;
  preps: Phrases<true>;
  hedges: Phrases<Stance>;
  leading: Set<string>;
  pronouns: Set<string>;
  notClaimants: Set<string>;
  inverting: Set<string>;
  located: Set<string>;
} | null = null;

function lexicon() {
  if (lex) return lex;
  const raw = data('events/attribution.yaml');
  const verb = new Map<string, Stance>();
  for (const [stance, ws] of Object.entries(raw.verbs)) for (const w of ws) verb.set(w, stance as Stance);
  const hedges = new Phrases(Object.entries(raw.hedges).flatMap(([stance, ws]) => ws.map((w) => [w, stance as Stance] as [string, Stance])), 'none');
  lex = {
    verb,
    preps: Phrases.of(raw.prepositions, 'none'),
    hedges,
    leading: new Set(raw.leading_words),
    pronouns: new Set(raw.pronouns),
    notClaimants: new Set([...weekdayNames(false), ...raw.not_claimants]),
    inverting: new Set(raw.inverting),
    located: new Set(raw.located_speakers),
  };
  return lex;
}

const BOUNDARY = new Set([';', ':', '“', '”', '"', '(', ')', '—', '–']);

export interface Attribution {
  claimant: string | null;
  via: string[];
  stance: Stance;
  quote: string | null;
  /** token index of the reporting verb or preposition, for callers that skip it as a trigger */
  cue: number | null;
}

function phrase(doc: Doc, a: number, b: number): string | null {
  const toks = doc.tokens;
  const { leading, notClaimants } = lexicon();
  while (a < b && (leading.has(toks[a].lower) || toks[a].pos === 'PUNCT' || toks[a].pos === 'SYM' || toks[a].pos === 'ADV' || toks[a].pos === 'CCONJ')) a++;
  while (b > a && (toks[b - 1].text === ',' || toks[b - 1].pos === 'AUX' || toks[b - 1].pos === 'ADV' || toks[b - 1].pos === 'PART')) b--;
  if (b <= a) return null;
  // A claimant is somebody: a phrase with a noun or pronoun that is not a day or a stray word.
  const heads = toks.slice(a, b).filter((t) => (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') && !notClaimants.has(t.lower));
  if (heads.length === 0) return null;
  return doc.text.slice(toks[a].start, toks[b - 1].end);
}

const NP = new Set(['DET', 'ADJ', 'PROPN', 'NOUN', 'PRON', 'NUM', 'PART']);

/**
 * The noun phrase that ends right before index e (past auxiliaries and adverbs: "has also said"):
 * "on Tuesday they said" → "they"; names keep their "of" ("Ministry of Foreign Affairs").
 */
function nounPhraseBefore(doc: Doc, first: number, e: number): number {
  const toks = doc.tokens;
  let a = e;
  while (a > first) {
    const t = toks[a - 1];
    const inName = (t.lower === 'of' || t.lower === 'for' || t.text === '-') && a - 2 >= first && NP.has(toks[a - 2].pos) && NP.has(toks[a]?.pos ?? '');
    if (!NP.has(t.pos) && !inName && t.text !== '’s' && t.text !== "'s") break;
    a--;
  }
  // Never cut a name in half.
  if (a < doc.tokens.length) for (const { m } of mentionsOf(doc, doc.tokens[a].sent)) if (m.first < a && m.last > a && m.first >= first) a = m.first;
  return a;
}

/** The subject of a reporting verb at index v: the words of its clause before it. */
function subjectBefore(doc: Doc, first: number, v: number): string | null {
  const toks = doc.tokens;
  // (a dateline is no part of the first sentence's subject: "TEHRAN- Hamzeh Qalandari, …")
  const dl = doc.dateline?.span;
  if (dl && toks[first].start < dl.end) while (first < v && toks[first].start < dl.end) first++;
  let a = v;
  // "the Rapid Support Forces (RSF) said": a short name in brackets right before the verb is part of the subject.
  while (a > first && (toks[a - 1].pos === 'AUX' || toks[a - 1].pos === 'ADV')) a--;
  if (a > first && toks[a - 1].text === ')') {
    let open = a - 2;
    while (open > first && open > a - 6 && toks[open].text !== '(' && toks[open].text !== ')') open--;
    if (open > first && toks[open].text === '(' && /^(PROPN|NOUN)$/.test(toks[open - 1].pos)) a = open;
    else a = v;
  } else a = v;
  while (a > first && !BOUNDARY.has(toks[a - 1].text) && toks[a - 1].text !== ',') a--;
  let e = v;
  while (e > a && (toks[e - 1].pos === 'AUX' || toks[e - 1].pos === 'ADV' || toks[e - 1].pos === 'PART')) e--;
  // "… has denied targeting civilians and says": the second verb's subject is the first's.
  if (e - 1 > a && toks[e - 1].pos === 'CCONJ') {
    const fv = verbAt(doc, a, e - 1);
    if (fv >= 0) return subjectBefore(doc, first, fv);
  }
  // A clause with its own verb or a long run-up is not all subject: take the noun phrase next to the verb.
  if (e - a > 8 || toks.slice(a, e).some((t) => t.pos === 'VERB' || t.pos === 'SCONJ' || t.pos === 'ADP')) {
    let np = nounPhraseBefore(doc, a, e);
    // "Local sources in the countryside of Idleb reported", "a health worker at the local hospital told"
    if (np - 2 > a && LOCATIVE.has(toks[np - 1].lower) && lexicon().located.has(toks[np - 2].lower)) np = nounPhraseBefore(doc, a, np - 1);
    if (np < e) a = np;
  }
  let s = phrase(doc, a, v);
  if (!s && a > first && toks[a - 1].text === ',') {
    // "Hamzeh Qalandari, Iran's deputy defense minister, said": skip the apposition.
    let b = a - 1;
    while (b > first && toks[b - 1].text !== ',' && !BOUNDARY.has(toks[b - 1].text)) b--;
    // What comes before the comma may be no apposition: "…, stating that" takes the subject of the
    // clause before; "Gunmen killed three people, said the ministry" has its subject after the verb.
    // (a relative clause is skipped like an apposition: "The army, which seized power, says")
    if (!RELATIVE.has(toks[b]?.lower ?? '')) {
      const verb = verbAt(doc, b, a - 1);
      // (so does a verb after "but", "and": "It says …, but adds that")
      const coordinated = toks[a].pos === 'CCONJ' && a + 1 === v;
      if ((/ing$/.test(toks[v].lower) || coordinated) && verb >= 0) return subjectBefore(doc, first, verb);
      if (subjectAfter(doc, v)) return null;
    }
    let c = b - 1;
    if (c > first) {
      let d = c;
      while (d > first && toks[d - 1].text !== ',' && !BOUNDARY.has(toks[d - 1].text)) d--;
      s = phrase(doc, d, c);
    }
    if (!s) s = phrase(doc, b, a - 1);
  }
  return s;
}

const RELATIVE = new Set(['which', 'who', 'whose', 'whom']);
const LOCATIVE = new Set(['in', 'at', 'from', 'near', 'inside']);

/** The first verb (or auxiliary before one) in [a, b), or -1. */
function verbAt(doc: Doc, a: number, b: number): number {
  const toks = doc.tokens;
  // (not one joined to a word before: "al Qaeda-linked" is a modifier)
  for (let i = a; i < b; i++) if (toks[i].pos === 'VERB' && !(i > a && toks[i - 1].text === '-' && toks[i - 1].end === toks[i].start)) {
    let k = i;
    while (k > a && toks[k - 1].pos === 'AUX') k--;
    return k;
  }
  return -1;
}

/** Whether a reporting verb's subject follows it and ends the sentence or its clause: "…, said the state police." */
function subjectAfter(doc: Doc, v: number): boolean {
  const toks = doc.tokens;
  if (!lexicon().inverting.has(toks[v].lower) || !/^(DET|PROPN|NOUN|ADJ|NUM)$/.test(toks[v + 1]?.pos ?? '')) return false;
  const last = doc.sentences[toks[v].sent].last;
  const after = phraseAfter(doc, v + 1, last);
  return !!after.text && (after.end >= last || toks[after.end].text === ',' || toks[after.end].text === '.' || BOUNDARY.has(toks[after.end].text));
}

/** A noun phrase after index i, up to punctuation or "that". */
function phraseAfter(doc: Doc, i: number, last: number): { text: string | null; end: number } {
  const toks = doc.tokens;
  let b = i;
  while (b < last && !BOUNDARY.has(toks[b].text) && toks[b].text !== ',' && toks[b].text !== '.' && toks[b].lower !== 'that' && toks[b].pos !== 'VERB' && toks[b].pos !== 'AUX') b++;
  return { text: phrase(doc, i, b), end: b };
}

/** The organisation or person named inside a phrase span, as written ("Syria's official news agency SANA" → "SANA"). */
function namedIn(doc: Doc, start: number, end: number): string | null {
  let best: string | null = null;
  for (const { e, m } of mentionsAcross(doc, doc.tokenAt(start), doc.tokenAt(end - 1) + 1)) {
    if (e.type !== 'ORG' && e.type !== 'PERSON') continue;
    if (m.start >= start && m.end <= end) best = doc.text.slice(m.start, m.end);
  }
  return best;
}

/**
 * The claimant as the article names them: a pronoun is the last quoted speaker, and a role
 * ("The deputy defense minister") is the person the article gave that role.
 */
function resolvePronoun(doc: Doc, who: string, before: number): string {
  if (lexicon().pronouns.has(who.toLowerCase())) {
    const q = findLast(doc.quotes, (q) => q.span.start < before && !!q.speaker);
    return q?.speaker ? fullName(doc, q.speaker.name, before) : who;
  }
  const bare = who.toLowerCase().replace(/^(the|a|an)\s+/, '');
  for (const e of doc.entities) {
    if (e.type !== 'PERSON' || !e.role || !e.mentions.some((m) => m.start < before)) continue;
    const role = e.role.toLowerCase();
    if (bare === role || bare.endsWith(` ${role}`) || (role.startsWith(bare) && bare.split(' ').length >= 2)) return e.name;
  }
  return fullName(doc, who, before);
}

/** "Lin said": a person named in full before is named in full. */
function fullName(doc: Doc, who: string, before: number): string {
  for (const e of doc.entities) {
    if (e.type !== 'PERSON' || e.name.length <= who.length || !e.name.split(/\s+/).includes(who)) continue;
    if (e.mentions.some((m) => m.start < before && doc.text.slice(m.start, m.end) === e.name)) return e.name;
  }
  return who;
}

const perSentence = new WeakMap<Doc, Map<number, { hedge: Stance | null; prep: Attribution | null }>>();

/** What a sentence says about its sources whatever the trigger: hedges, and "according to X". */
function sentenceAttribution(doc: Doc, sent: number): { hedge: Stance | null; prep: Attribution | null } {
  let cache = perSentence.get(doc);
  if (!cache) perSentence.set(doc, (cache = new Map()));
  const hit = cache.get(sent);
  if (hit) return hit;
  const L = lexicon();
  const s = doc.sentences[sent];
  const toks = doc.tokens;
  // Hedges anywhere in the sentence weaken whatever else it says.
  let hedge: Stance | null = null;
  for (let i = s.first; i < s.last; i++) {
    for (const h of L.hedges.allAt(toks, i)) hedge = hedge === 'alleged' ? hedge : h.value;
  }
  let prep: Attribution | null = null;
  // "according to X", "citing X"
  for (let i = s.first; i < s.last && !prep; i++) {
    for (const p of L.preps.allAt(toks, i)) {
      const after = phraseAfter(doc, i + p.used, s.last);
      if (!after.text) continue;
      const via: string[] = [];
      // "…, SANA reported, citing a military source": the reporter is the next link.
      const reporter = reportingVerb(doc, s.first, s.last, i, L.verb);
      if (reporter !== null && (toks[i].lower === 'citing' || toks[i].lower === 'quoting')) {
        const who = subjectBefore(doc, s.first, reporter);
        if (who) via.push(namedShort(doc, who, reporter));
      }
      prep = { claimant: resolvePronoun(doc, after.text, toks[i].start), via, stance: hedge ?? 'reported', quote: null, cue: i };
      break;
    }
  }
  const out = { hedge, prep };
  cache.set(sent, out);
  return out;
}

/**
 * The attribution of the sentence containing token `trigger`: the reporting verb nearest before
 * it (else after it), an "according to X" phrase, or a quotation it sits in.
 */
export function attributionOf(doc: Doc, sent: number, trigger: number): Attribution {
  const L = lexicon();
  const s = doc.sentences[sent];
  const toks = doc.tokens;
  let stance: Stance = 'asserted';
  const { hedge, prep } = sentenceAttribution(doc, sent);
  const tStart = toks[trigger].start;
  const quote = doc.quotes.find((q) => q.span.start <= tStart && q.span.end >= toks[trigger].end);
  if (quote) {
    return { claimant: quote.speaker ? fullName(doc, quote.speaker.name, quote.span.start) : null, via: [], stance: hedge ?? 'reported', quote: quote.id, cue: null };
  }
  if (prep) return prep;
  // A reporting verb: nearest before the trigger, else nearest after it.
  let v: number | null = null;
  for (let i = trigger - 1; i >= s.first; i--) if (isReporting(toks[i], L.verb)) { v = i; break; }
  if (v === null) for (let i = trigger + 1; i < s.last; i++) if (isReporting(toks[i], L.verb)) { v = i; break; }
  if (v !== null) {
    stance = L.verb.get(toks[v].lower) ?? L.verb.get(toks[v].lemma) ?? 'reported';
    let who = subjectBefore(doc, s.first, v);
    // "…, said the ministry"
    if (!who || /^(that|it)$/i.test(who)) who = phraseAfter(doc, v + 1, s.last).text;
    const via: string[] = [];
    // "X told Y that …": Y relays X's words to the outlet.
    if (toks[v].lemma === 'tell' || toks[v].lower === 'told' || toks[v].lower === 'informed') {
      const obj = phraseAfter(doc, v + 1, s.last);
      if (obj.text && obj.end > v + 1) via.push(namedIn(doc, toks[v + 1].start, toks[obj.end - 1].end) ?? obj.text);
    }
    if (who) {
      if (stance !== 'denied' && hedge) stance = hedge;
      return { claimant: resolvePronoun(doc, who, toks[v].start), via: via.filter((x) => !/^(reporters|journalists|the press|media)$/i.test(x)), stance, quote: null, cue: v };
    }
  }
  return { claimant: null, via: [], stance: hedge ?? 'asserted', quote: null, cue: null };
}

function isReporting(t: Token, verbs: Map<string, Stance>): boolean {
  return (t.pos === 'VERB' || t.pos === 'AUX') && (verbs.has(t.lower) || verbs.has(t.lemma)) && t.lower !== 'states';
}

function reportingVerb(doc: Doc, first: number, last: number, not: number, verbs: Map<string, Stance>): number | null {
  for (let i = first; i < last; i++) if (i !== not && isReporting(doc.tokens[i], verbs)) return i;
  return null;
}

function namedShort(doc: Doc, phraseText: string, before: number): string {
  const t = doc.tokens[before];
  const start = doc.text.lastIndexOf(phraseText, t.start);
  return start >= 0 ? namedIn(doc, start, start + phraseText.length) ?? phraseText : phraseText;
}

export function toClaim(doc: Doc, a: Attribution, sent: number): Claim {
  const s = doc.sentences[sent];
  return {
    claimant: a.claimant,
    via: a.via,
    outlet: doc.meta.outlet,
    stance: a.stance,
    quote: a.quote,
    evidence: doc.span(s.start, s.end),
  };
}
