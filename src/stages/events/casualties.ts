// Casualty counts: how many people a report says were killed or hurt. A count is a quantity, the
// noun it counts (people only) and the casualty word that governs it; counts of one event are then
// combined as ACLED codes them (the most conservative figure, never a sum of repeats). The language
// and the rules it feeds are in data/events/casualties.yaml, which explains each step.
import { mentionsAcross } from './mentions.js';
import type { Doc, Span, Token } from '../../doc.js';
import { data } from '../../data/index.js';
import { isMonthName } from '../../data/time.js';
import { Phrases } from '../../patterns.js';
import { numberWord, readNumber, readRange } from './numbers.js';
import { maxOf, minOf } from '../../arrays.js';

export type CasualtyKind = 'killed' | 'injured';
type Category = 'civilians' | 'military' | 'unspecified';
const KINDS: CasualtyKind[] = ['killed', 'injured'];

interface Lexicon {
  victim: Map<string, Category>;
  suffixes: string[];
  members: Set<string>;
  armedBodies: Set<string>;
  units: Set<string>;
  moneySigns: Set<string>;
  casualty: Phrases<CasualtyKind>;
  deadComplement: Phrases<true>;
  intransitive: Set<string>;
  fatal: Set<string>;
  governingNoun: Map<string, CasualtyKind>;
  bodyNouns: Set<string>;
  bodyVerbs: Set<string>;
  toll: Set<string>;
  update: Set<string>;
  tollWords: Set<string>;
  vague: Phrases<number>;
  unknownNumber: number;
  unquantifiedNouns: Set<string>;
  unquantifiedBefore: Phrases<true>;
  approximators: Phrases<true>;
  additive: Set<string>;
  connectors: Phrases<true>;
  subset: Phrases<true>;
  auxiliaries: Set<string>;
  negators: Phrases<true>;
  fillers: Set<string>;
  zeroBoth: Phrases<true>;
  zeroKilled: Phrases<true>;
  zeroPhrases: Phrases<true>;
  cumulative: Phrases<true>;
  accounts: Phrases<true>;
  references: Phrases<true>;
  /** the words a quantity may start with (see mayStartQuantity), as text and as lemma */
  starts: Set<string>;
  lemmaStarts: Set<string>;
}

let lex: Lexicon | null = null;

function lexicon(): Lexicon {
  if (lex) return lex;
  const raw = data('events/casualties.yaml');
  const victim = new Map<string, Category>();
  for (const c of ['civilians', 'military', 'unspecified'] as Category[]) for (const w of raw.victims[c]) victim.set(w.toLowerCase(), c);
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const governingNoun = new Map<string, CasualtyKind>();
  for (const w of raw.governing_nouns) governingNoun.set(w, raw.injured.includes(w) ? 'injured' : 'killed');
  lex = {
    victim,
    suffixes: raw.person_suffixes,
    members: lower(raw.members),
    armedBodies: lower(raw.armed_bodies),
    units: lower([...raw.units, ...raw.money.names]),
    moneySigns: lower(raw.money.signs),
    casualty: new Phrases<CasualtyKind>([...raw.killed.map((w) => [w, 'killed'] as [string, CasualtyKind]), ...raw.injured.map((w) => [w, 'injured'] as [string, CasualtyKind])]),
    deadComplement: Phrases.of(raw.dead_complements),
    intransitive: lower(raw.intransitive),
    fatal: lower(raw.fatal_adverbs),
    governingNoun,
    bodyNouns: lower(raw.bodies.nouns),
    bodyVerbs: lower(raw.bodies.verbs),
    toll: lower(raw.toll),
    update: lower(raw.update),
    tollWords: lower(raw.toll_words),
    vague: new Phrases(Object.entries(raw.vague)),
    unknownNumber: raw.vague.several,
    unquantifiedNouns: lower(raw.unquantified.nouns),
    unquantifiedBefore: Phrases.of(raw.unquantified.before),
    approximators: Phrases.of(raw.approximators),
    additive: lower(raw.additive),
    connectors: Phrases.of(raw.connectors),
    subset: Phrases.of(raw.subset),
    auxiliaries: lower(raw.auxiliaries),
    negators: Phrases.of(raw.zero.negators),
    fillers: lower(raw.zero.fillers),
    zeroBoth: Phrases.of(raw.zero.both),
    zeroKilled: Phrases.of(raw.zero.killed),
    zeroPhrases: Phrases.of(raw.zero.phrases),
    cumulative: Phrases.of(raw.cumulative),
    accounts: Phrases.of(raw.accounts),
    references: Phrases.of(raw.references),
    starts: new Set(),
    lemmaStarts: new Set(),
  };
  for (const w of [...QUANTITY_STARTS, ...lex.additive]) lex.starts.add(w);
  for (const p of [lex.zeroPhrases, lex.approximators, lex.negators, lex.vague]) {
    const s = p.starts();
    for (const w of s.text) lex.starts.add(w);
    for (const w of s.lemma) lex.lemmaStarts.add(w);
  }
  return lex;
}

export interface Count {
  /** people counted by the figures the report states (null when it gives only a vague word) */
  total: number | null;
  civilians: number | null;
  military: number | null;
  evidence: Span;
  /** the figure as ACLED codes it: vague words count by its conventions ("several" 10, "dozens" 12) */
  coded: number;
}

export interface Casualties {
  fatalities: Count | null;
  injuries: Count | null;
}

/** One counted group of people under one casualty word. */
export interface Mention {
  kind: CasualtyKind;
  value: number;
  vague: boolean;
  category: Category;
  /** a part of a count already given ("including 4 children") */
  subset: boolean;
  /** token index of the governing casualty word: counts coordinated under one word share it */
  statement: number;
  /** "the death toll rose to 12": replaces earlier figures */
  update: boolean;
  /** "two other people", "later died of his wounds": people beyond those already counted */
  additive: boolean;
  sent: number;
  /** which account of the sentence gives it: a reporting verb, "while", ";" start another */
  account: number;
  start: number;
  end: number;
  /** tokens [first, last) of the people counted ("2 PKK militants"), or -1 when no phrase counts them */
  first: number;
  last: number;
}

/** A quantity and the phrase it counts. */
interface Quantity {
  start: number;
  /** token after the counted phrase, its modifiers, parenthesis and apposition */
  end: number;
  value: number;
  vague: boolean;
  category: Category;
  /** "the driver", "him", a name: counted only right beside its casualty word, never by coordination alone */
  definite: boolean;
  /** "him", "her": only as the object of a casualty word before it */
  pronoun: boolean;
  /** counts of the dead whatever the verb: "seven bodies", "the body of a soldier" */
  body: boolean;
  /** "no casualties": zero of these kinds, no casualty word needed */
  zero: CasualtyKind[] | null;
  additive: boolean;
  partOf: boolean;
}

interface Governor {
  kinds: CasualtyKind[];
  anchor: number;
  update: boolean;
  after: boolean;
}

const DEFINITE = new Set(['the', 'his', 'her', 'its', 'their', 'our', 'this', 'that']);
const PARTITIVE_DET = new Set(['the', 'its', 'his', 'her', 'their', 'our', 'these', 'those', 'whose']);
const PARTITIVE_PRONOUN = new Set(['them', 'whom', 'those', 'us']);
const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our']);
const TAIL_PREPS = new Set(['of', 'from', 'in', 'with', 'on', 'at', 'inside', 'belonging', 'affiliated', 'aged']);
const QUOTES = new Set(['"', '“', '”', "'", '‘', '’']);
const NP_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'X']);
const CLAUSE_STOP = new Set(['.', ';', ':', '?', '!', '—']);

const isQuote = (t: Token | undefined) => !!t && QUOTES.has(t.text);
const capitalised = (t: Token) => /^[A-Z]/.test(t.text) && t.pos !== 'PUNCT';

/** Casualty counts stated in tokens [from, to) of the doc (usually one sentence). */
/** A person noun of the casualty lexicon's civilians ("shopkeeper", "nurses"). */
export function isCivilianNoun(word: string): boolean {
  return lexicon().victim.get(word) === 'civilians';
}

export function casualtiesIn(doc: Doc, from: number, to: number): Casualties {
  return combine(doc, casualtyMentions(doc, from, to));
}

/** The tokens' texts, made once per document (casualtyMentions runs once per sentence). */
const wordsMade = new WeakMap<Token[], string[]>();
function wordsOf(toks: Token[]): string[] {
  let words = wordsMade.get(toks);
  if (!words) wordsMade.set(toks, (words = toks.map((t) => t.text)));
  return words;
}

/** Every counted group of people under a casualty word in tokens [from, to). */
export function casualtyMentions(doc: Doc, from: number, to: number): Mention[] {
  const L = lexicon();
  const toks = doc.tokens;
  const words = wordsOf(toks);
  const persons = personStarts(doc, from, to);
  const found: { q: Quantity; gov: Governor | null; inherited: 'none' | 'before' | 'after'; subset: boolean; reach: number }[] = [];

  for (let i = from; i < to; i++) {
    if (!mayStartQuantity(toks[i], words[i], persons.has(i))) continue;
    const q = readQuantity(doc, words, persons, i, to);
    if (!q) continue;
    const own = q.zero ? { kinds: q.zero, anchor: q.start, update: false, after: false } : (governorAfter(doc, q, to) ?? governorBefore(doc, q, from));
    // The dead need no casualty word: "seven bodies were recovered", "the body of a soldier".
    const gov = own ?? (q.body ? { kinds: ['killed' as CasualtyKind], anchor: q.start, update: false, after: false } : null);
    // Where a following count may join this one: past the phrase, or past its verb and what qualifies
    // it ("Five people were killed in Aleppo and three in Idlib").
    found.push({ q, gov, inherited: 'none', subset: false, reach: Math.max(q.end, gov?.after ? tail(doc, gov.anchor + 1, to, false) : 0) });
    i = Math.max(i, q.end - 1);
  }

  // Coordination: a count with no casualty word of its own takes the one of the count before it
  // ("killed four soldiers and three civilians"), or of the count after it when they share a subject
  // ("two soldiers and a civilian were killed").
  for (let k = 1; k < found.length; k++) {
    const f = found[k];
    const prev = found[k - 1];
    if (f.gov || !prev.gov || f.q.zero) continue;
    const link = linkBetween(toks, f.q.start < prev.reach ? prev.q.end : prev.reach, f.q.start);
    if (!link) continue;
    if (followedByVerb(toks, f.q.end, to)) continue;
    f.gov = prev.gov;
    f.inherited = 'before';
    f.subset = link.subset || (prev.subset && !link.comma);
    f.reach = Math.max(f.reach, prev.reach);
  }
  for (let k = found.length - 2; k >= 0; k--) {
    const f = found[k];
    const next = found[k + 1];
    if (f.gov || !next.gov?.after || next.inherited === 'before') continue;
    const link = linkBetween(toks, f.q.end, next.q.start);
    if (!link || link.subset) continue;
    f.gov = next.gov;
    f.inherited = 'after';
  }
  // Names and pronouns count only beside their own casualty word.
  const counted = found.filter((f) => f.gov && !((f.q.definite || f.q.pronoun) && f.inherited !== 'none' && !linkIsPlainAnd(toks, f)));

  // A list after a comma that sums to the count before it is its breakdown ("8 tribesmen were
  // killed, 5 from one clan and 3 from the other"), not more people.
  for (let k = 0; k < counted.length; k++) {
    const head = counted[k];
    const run: typeof counted = [];
    for (let m = k + 1; m < counted.length && counted[m].gov === head.gov && counted[m].inherited === 'before' && !counted[m].subset; m++) run.push(counted[m]);
    if (run.length === 0 || toks[head.reach]?.text !== ',') continue;
    const sum = run.reduce((s, f) => s + f.q.value, 0);
    if (sum === head.q.value && (head.q.category === 'unspecified' || run.every((f) => f.q.category === 'unspecified'))) for (const f of run) f.subset = true;
  }

  const out: Mention[] = [];
  const sentOf = toks[from]?.sent ?? 0;
  // (read only for the sentences that state a count: most state none)
  let accountAt: number[] | null = null;
  const accountOf = (i: number) => (accountAt ??= accounts(toks, from, to))[i - from];
  for (const f of counted) {
    const { q, gov } = f;
    const a = Math.min(q.start, gov!.anchor);
    const b = Math.max(q.end - 1, gov!.anchor);
    if (cumulativeCount(doc, gov!.anchor, from, to) || reference(toks, Math.min(q.start, gov!.anchor), from)) continue;
    for (const kind of gov!.kinds)
      out.push({
        kind,
        value: q.value,
        vague: q.vague,
        category: q.category,
        subset: f.subset || q.partOf,
        statement: gov!.anchor,
        update: gov!.update,
        additive: q.additive || additiveAround(toks, q, gov!, to),
        sent: sentOf,
        account: accountOf(Math.min(q.start, gov!.anchor)),
        start: toks[a].start,
        end: toks[b].end,
        first: q.start,
        last: q.end,
      });
  }
  // A sentence that revises the toll revises all its figures ("the toll rose to two, with 14
  // injured"), and its other counts say why ("rose to four after a woman died of her wounds").
  if (out.some((m) => m.update)) for (const m of out) m.update = true;
  // "incurring fatalities", "with deaths on both sides": deaths of unknown number.
  for (let i = from; i < to; i++) {
    if (!L.unquantifiedNouns.has(toks[i].lower) || out.some((m) => m.start <= toks[i].start && m.end >= toks[i].end)) continue;
    let cue = false;
    for (let k = Math.max(from, i - 2); k < i && !cue; k++) cue = L.unquantifiedBefore.at(toks, k, i)?.used === i - k;
    if (!cue) continue;
    out.push({ kind: 'killed', value: L.unknownNumber, vague: true, category: 'unspecified', subset: false, statement: i, update: false, additive: false, sent: sentOf, account: accountOf(i), start: toks[i].start, end: toks[i].end, first: -1, last: -1 });
  }
  return out;
}

// The document's token texts, made once per document: the events stage asks for every sentence,
// and a copy per sentence made long articles quadratic.
/** For each token of [from, to), the account it belongs to: a new one after each `accounts` cue. */
function accounts(toks: Token[], from: number, to: number): number[] {
  const L = lexicon();
  const out: number[] = [];
  let n = 0;
  for (let i = from; i < to; i++) {
    if (i > from && L.accounts.at(toks, i, to)) n++;
    out.push(n);
  }
  return out;
}

/** Token indices where a PERSON entity mention starts, with its end. */
function personStarts(doc: Doc, from: number, to: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const { e, m } of mentionsAcross(doc, from, to)) if (e.type === 'PERSON' && m.first >= from && m.last <= to) out.set(m.first, m.last);
  return out;
}

/**
 * A quantity, with the defaults for what `more` does not say. Made whole in one literal: read for
 * many tokens, and objects spread from a template were the hottest lines of the events stage.
 */
function quantity(start: number, end: number, value: number, more?: Partial<Quantity>): Quantity {
  const q: Quantity = { start, end, value, vague: false, category: 'unspecified', definite: false, pronoun: false, body: false, zero: null, additive: false, partOf: false };
  return more ? Object.assign(q, more) : q;
}

/** Words a quantity may start with besides numbers and the lexicon's phrases (see readQuantity). */
const QUANTITY_STARTS = new Set(['a', 'an', 'between', 'him', 'her', 'them', ...DEFINITE]);

/**
 * Whether readQuantity may find a quantity at this token: it can only where one of its readings
 * begins (a phrase of the lexicon, a number, a determiner, a pronoun, a person's name). Most
 * tokens are none of these; asked first, it spares them the full reading.
 */
function mayStartQuantity(t: Token, word: string, person: boolean): boolean {
  const L = lexicon();
  // (the words of QUANTITY_STARTS, `additive` and the first words of the phrase sets read below in
  // one Set, built once: asked of every token, four sets' look-ups were a tenth of the counting)
  if (person || L.starts.has(t.lower)) return true;
  const c = word.charCodeAt(0);
  if ((c >= 48 && c <= 57) || numberWord(word) !== null) return true;
  return t.lemma !== t.lower && L.lemmaStarts.has(t.lemma);
}

/** The quantity starting at token i, with the phrase it counts, or null when none counts people. */
function readQuantity(doc: Doc, words: string[], persons: Map<number, number>, i: number, to: number): Quantity | null {
  const L = lexicon();
  const toks = doc.tokens;
  const zp = L.zeroPhrases.at(toks, i, to);
  if (zp) return quantity(i, i + zp.used, 0, { zero: ['killed', 'injured'] });

  let j = i;
  const approx = L.approximators.at(toks, j, to);
  if (approx && readRange(words, j + approx.used)) j += approx.used;
  else {
    const neg = L.negators.at(toks, j, to);
    if (neg) return readZero(doc, i, i + neg.used, to);
  }
  let additive = false;
  if (L.additive.has(toks[j]?.lower) && toks[j].lower !== 'also') {
    // "another three", "a further two", "an additional five"
    additive = true;
    j++;
  } else if ((toks[j]?.lower === 'a' || toks[j]?.lower === 'an') && L.additive.has(toks[j + 1]?.lower) && readNumber(words, j + 2)) {
    additive = true;
    j += 2;
  }
  if (!toks[j] || j >= to) return null;

  let value: number;
  let vague = false;
  let k: number;
  let singular = false;
  let definite = false;
  let v = L.vague.at(toks, j, to);
  if (v && readRange(words, j + v.used)) {
    // "a group of 5 civilians": the figure counts
    j += v.used;
    v = null;
  }
  const t = toks[j];
  const r = v ? null : readRange(words, j);
  if (r && (t.lower !== 'a' && t.lower !== 'an' ? true : r.used > 1)) {
    // Not a count: a day of the month ("18 April", "April 18"), a clock time, a year, a sum of money ("$60 million").
    const after = toks[j + r.used];
    if (isMonthName(after?.lower ?? '') || isMonthName(toks[j - 1]?.lower ?? '') || after?.text === ':' || L.moneySigns.has(toks[j - 1]?.lower ?? '')) return null;
    value = r.value;
    k = j + r.used;
  } else if (v) {
    value = v.value;
    vague = true;
    k = j + v.used;
  } else if (t.lower === 'a' || t.lower === 'an') {
    value = 1;
    singular = true;
    k = j + 1;
  } else if (DEFINITE.has(t.lower) && j === i) {
    value = 1;
    singular = true;
    definite = true;
    k = j + 1;
  } else if (persons.has(j) && j === i) {
    return quantity(i, tail(doc, persons.get(j)!, to, true), 1, { definite: true });
  } else if ((t.lower === 'him' || t.lower === 'her') && j === i && !possessive(toks, j)) {
    return quantity(i, j + 1, 1, { pronoun: true });
  } else if (t.lower === 'them' && j === i && ((L.casualty.has(toks[j - 1]) && toks[j - 1].pos === 'VERB') || L.casualty.at(toks, j + 1, to))) {
    // "abducted 9 soldiers … later killed them", "shot them dead": as many as the people last counted
    const a = antecedent(doc, words, persons, j);
    return a ? quantity(i, j + 1, a.value, { category: a.category, pronoun: true }) : null;
  } else return null;

  // "three of its fighters", "dozens of militants", "one of the attackers", "two of them"
  let partitive = false;
  while (isQuote(toks[k]) && k < to) k++;
  if (toks[k]?.lower === 'of' && !singular) {
    partitive = true;
    k++;
    while (PARTITIVE_DET.has(toks[k]?.lower ?? '') && k < to) k++;
    if (PARTITIVE_PRONOUN.has(toks[k]?.lower ?? '')) {
      const partOf = toks[k].lower === 'them' || toks[k].lower === 'whom';
      return quantity(i, k + 1, value, { vague, additive, partOf });
    }
  }
  // The counted phrase: modifiers up to the head noun ("two Iranian military advisers").
  const from = k;
  let head = -1;
  while (k < to && k - from < 7) {
    const x = toks[k];
    if (L.casualty.has(x) && !(x.pos === 'NOUN' && toks[k + 1]?.pos === 'NOUN')) break;
    const ok = NP_POS.has(x.pos) || x.text === "'s" || x.text === '’s' || (x.text === '-' && k > from) || (x.pos === 'NUM' && toks[k + 1]?.text === '-') || (capitalised(x) && k > from - 1 && x.pos !== 'NUM');
    if (!ok) break;
    if (x.pos === 'NOUN' || x.pos === 'PROPN' || x.pos === 'X' || capitalised(x) || isAge(toks, k) || L.victim.has(x.lower)) head = k;
    k++;
  }
  if (head < 0) {
    // No noun: a bare number beside its casualty word ("killing 5", "12 dead", "three more").
    if (singular || partitive) return null;
    // "killed in 2020": a year, not a count
    if (/^(19|20)\d\d$/.test(t.text)) return null;
    return quantity(i, tail(doc, k, to, false), value, { vague, additive: additive || toks.slice(from, k).some((x) => L.additive.has(x.lower)) });
  }
  k = head + 1;
  let category = personCategory(doc, head, !singular);
  if (!category) return null;
  if (category === 'unspecified' && L.members.has(toks[head].lower) && memberOfArmedBody(doc, from, head, to)) category = 'military';
  const h = toks[head];
  // "the body of a soldier", "the bodies of 2 civilians": the people are counted after "of"
  if (L.bodyNouns.has(h.lower) && toks[head + 1]?.lower === 'of') return null;
  if (singular && h.lower !== h.lemma && h.lower.endsWith('s') && !isAge(toks, head)) return null;
  const body = L.bodyNouns.has(h.lower) || (toks[i - 1]?.lower === 'of' && L.bodyNouns.has(toks[i - 2]?.lower ?? '')) || (toks[i - 1]?.lower === 'of' && L.bodyNouns.has(toks[i - 3]?.lower ?? '') && toks[i - 2]?.pos === 'PROPN');
  return {
    start: i,
    end: tail(doc, k, to, singular),
    value,
    vague,
    category,
    definite,
    pronoun: false,
    body,
    zero: null,
    additive: additive || toks.slice(from, head).some((x) => L.additive.has(x.lower)),
    partOf: false,
  };
}

/** The last figure of people before token `j`, in its sentence or the one before, that no casualty word governs. */
function antecedent(doc: Doc, words: string[], persons: Map<number, number>, j: number): Quantity | null {
  const toks = doc.tokens;
  const sent = doc.sentences[toks[j].sent];
  const from = doc.sentences[Math.max(0, sent.i - 1)].first;
  for (let i = j - 2; i >= from; i--) {
    if (!/^\d|^[a-z]/i.test(toks[i].text) || !readNumber(words, i)) continue;
    const q = readQuantity(doc, words, persons, i, j);
    if (q && !q.vague && q.value > 0 && !q.definite && q.end <= j && !governorAfter(doc, q, j) && !governorBefore(doc, q, from)) return q;
  }
  return null;
}

/** "no one", "no civilians" (zero people, governed like any count); "no casualties", "without injuries" (zero). */
function readZero(doc: Doc, i: number, k: number, to: number): Quantity | null {
  const L = lexicon();
  const toks = doc.tokens;
  const base = { start: i, value: 0, vague: false, category: 'unspecified' as Category, definite: false, pronoun: false, body: false, additive: false, partOf: false };
  const neg = toks.slice(i, k).map((t) => t.lower).join(' ');
  if (neg === 'no one' || neg === 'nobody' || neg === 'none') return { ...base, end: tail(doc, k, to, true), zero: null };
  for (let f = 0; f <= 3 && k + f < to; f++) {
    const both = L.zeroBoth.at(toks, k + f, to);
    if (both) return { ...base, end: k + f + both.used, zero: ['killed', 'injured'] };
    const killed = L.zeroKilled.at(toks, k + f, to);
    if (killed) return { ...base, end: k + f + killed.used, zero: ['killed'] };
    if (!L.fillers.has(toks[k + f].lower)) break;
  }
  // "no civilians were hurt": a count of zero people of that status
  const c = neg === 'no' && NP_POS.has(toks[k]?.pos ?? '') ? personCategory(doc, k) : null;
  if (c && toks[k].lower.endsWith('s')) return { ...base, end: tail(doc, k + 1, to, false), category: c, zero: null };
  return null;
}

/** "her son", "her young son": "her" as a possessive, not a person. */
function possessive(toks: Token[], j: number): boolean {
  const n = toks[j + 1]?.pos;
  return n === 'NOUN' || n === 'PROPN' || (n === 'ADJ' && ['NOUN', 'PROPN'].includes(toks[j + 2]?.pos ?? ''));
}

/** "15-year-old": an age is a person. */
function isAge(toks: Token[], k: number): boolean {
  return toks[k]?.lower === 'old' && toks[k - 1]?.text === '-' && /^years?$/.test(toks[k - 2]?.lower ?? '');
}

/**
 * The status of the person a head noun names; null when it names no person. A noun known as
 * neither a person nor a unit is taken as people when `open` (a figure beside a casualty word:
 * "killed six Jesuits"), not when it stands alone ("a sedan was hit").
 */
function personCategory(doc: Doc, head: number, open = false): Category | null {
  const L = lexicon();
  const t = doc.tokens[head];
  if (L.units.has(t.lower) || L.units.has(t.lemma)) return null;
  const c = L.victim.get(t.lower) ?? L.victim.get(t.lemma);
  if (c) return c;
  if (isAge(doc.tokens, head)) return 'unspecified';
  if (L.suffixes.some((s) => t.lower.endsWith(s) && t.lower.length > s.length + 2)) return 'unspecified';
  // "two Palestinians", "three Houthis": a nationality or a group named in the plural counts its people.
  if (t.lower.endsWith('s')) {
    const g = groupsOf(doc);
    if (g.nationality[head] || g.groupEnd[head]) return 'unspecified';
  }
  return open && t.pos !== 'PROPN' ? 'unspecified' : null;
}

/** Per document: tokens inside a nationality's mention (NORP), and the last tokens of an organisation's (ORG). */
interface Groups {
  entities: Doc['entities'];
  nationality: Uint8Array;
  groupEnd: Uint8Array;
}
const groupsByDoc = new WeakMap<Doc, Groups>();
function groupsOf(doc: Doc): Groups {
  let g = groupsByDoc.get(doc);
  if (g && g.entities === doc.entities && g.nationality.length === doc.tokens.length) return g;
  g = { entities: doc.entities, nationality: new Uint8Array(doc.tokens.length), groupEnd: new Uint8Array(doc.tokens.length) };
  for (const e of doc.entities)
    for (const m of e.mentions) {
      if (e.type === 'NORP') g.nationality.fill(1, m.first, m.last);
      else if (e.type === 'ORG' && m.last > m.first) g.groupEnd[m.last - 1] = 1;
    }
  groupsByDoc.set(doc, g);
  return g;
}

/** "a member of the regime's 4th Division", "an army member": the name around "member" is an armed body's. */
function memberOfArmedBody(doc: Doc, from: number, head: number, to: number): boolean {
  const L = lexicon();
  const toks = doc.tokens;
  for (let k = from; k < head; k++) if (L.armedBodies.has(toks[k].lower)) return true;
  if (toks[head + 1]?.lower !== 'of') return false;
  for (let k = head + 2; k < Math.min(to, head + 9); k++) {
    const x = toks[k];
    if (L.armedBodies.has(x.lower)) return true;
    if (x.pos === 'PUNCT' && x.text !== "'s" && x.text !== '’s' && x.text !== '-') return false;
    if (x.pos === 'ADP' || x.pos === 'VERB' || x.pos === 'AUX') return false;
  }
  return false;
}

/**
 * The end of a counted phrase past what qualifies it: "members of a civilian defence militia",
 * "2 civilians with gunshot wounds", "(including the director)", and for one person an apposition
 * ("Ahmed Saleh, a local commander,").
 */
function tail(doc: Doc, k: number, to: number, apposition: boolean): number {
  const toks = doc.tokens;
  const npTok = (x: Token) =>
    (NP_POS.has(x.pos) || x.pos === 'DET' || x.pos === 'NUM' || x.text === "'s" || x.text === '’s' || x.text === '-' || (x.pos === 'PRON' && /^(its|his|her|their|our)$/.test(x.lower)) || capitalised(x)) &&
    !(lexicon().casualty.has(x) && x.pos !== 'NOUN');
  const L = lexicon();
  for (let guard = 0; guard < 4 && k < to; guard++) {
    const t = toks[k];
    if ((L.connectors.at(toks, k, to)?.used ?? 0) > 1) break; // "in addition to", "as well as"
    if (t.text === '(') {
      let c = k + 1;
      while (c < to && c - k < 16 && toks[c].text !== ')') c++;
      if (toks[c]?.text !== ')') break;
      k = c + 1;
      while (k < to && (toks[k].pos === 'NOUN' || toks[k].pos === 'PROPN') && !L.casualty.has(toks[k])) k++;
      continue;
    }
    if (TAIL_PREPS.has(t.lower)) {
      let c = k + 1;
      if (toks[c]?.lower === 'to' || toks[c]?.lower === 'with') c++;
      const start = c;
      // ("in the north": the tagger may call a noun after "the" an adverb)
      while (c < to && c - start < 7 && (npTok(toks[c]) || (toks[c].pos === 'ADV' && toks[c - 1].pos === 'DET')) && !L.connectors.at(toks, c, to)) c++;
      if (c === start) break;
      k = c;
      continue;
    }
    if (apposition && t.text === ',') {
      let c = k + 1;
      while (c < to && c - k < 12 && (npTok(toks[c]) || toks[c].lower === 'of')) c++;
      if (c > k + 1 && toks[c]?.text === ',' && ['DET', 'PRON'].includes(toks[k + 1].pos)) {
        k = c + 1;
        continue;
      }
    }
    break;
  }
  return k;
}

/** The casualty word right after a counted phrase: "were killed", "12 dead", "was shot dead". */
function governorAfter(doc: Doc, q: Quantity, to: number): Governor | null {
  const L = lexicon();
  const toks = doc.tokens;
  let k = q.end;
  // "him", "her" count only as objects: "killing him", "leaving him dead"
  if (q.pronoun && !L.casualty.at(toks, k, to)) return null;
  // "Two Palestinians, including a boy, were killed": past a part named between commas.
  if (toks[k]?.text === ',' && L.subset.at(toks, k + 1, to)) {
    let c = k + 1;
    while (c < to && c - k < 14 && toks[c].text !== ',' && !CLAUSE_STOP.has(toks[c].text)) c++;
    if (toks[c]?.text === ',') k = c + 1;
  }
  const skipFrom = k;
  while (k < to && k - skipFrom < 6 && (L.auxiliaries.has(toks[k].lower) || (toks[k].pos === 'ADV' && !L.casualty.has(toks[k])))) k++;
  if (k >= to) return null;
  const direct = k === q.end;
  // "1 fighter was shot and killed", "two were attacked and wounded": the casualty word is the second
  // of two verbs joined by "and".
  if (toks[k].pos === 'VERB' && !L.casualty.has(toks[k]) && toks[k + 1]?.lower === 'and' && L.casualty.at(toks, k + 2, to)) k += 2;
  const kw = L.casualty.at(toks, k, to);
  if (kw) {
    // "were fatally wounded": dead
    const kinds: CasualtyKind[] = [toks.slice(skipFrom, k).some((t) => L.fatal.has(t.lower)) ? 'killed' : kw.value];
    // "no civilians were injured or killed", "killed and wounded": both
    const link = toks[k + kw.used]?.lower;
    const other = (link === 'or' || link === 'and') && sameForm(toks[k], toks[k + kw.used + 1]) ? L.casualty.at(toks, k + kw.used + 1, to) : null;
    if (other && other.value !== kw.value) {
      if (link === 'or' && q.value > 0) return null; // "20 killed or wounded": no death count
      kinds.push(other.value);
    }
    // A casualty noun after an auxiliary is no verb of the count ("the two were casualties").
    if (toks[k].pos === 'NOUN' && toks[k].lower !== 'dead' && q.value > 0 && k > q.end) return null;
    // "5 gunmen killed 3 soldiers": right before an object, the verb is active and its subject the killer.
    const obj = toks[k + kw.used];
    if (direct && toks[k].pos === 'VERB' && !L.intransitive.has(toks[k].lower) && obj && ['DET', 'NUM', 'NOUN', 'PROPN', 'PRON'].includes(obj.pos) && !L.casualty.has(obj)) return null;
    return { kinds, anchor: k, update: false, after: true };
  }
  if (toks[k].pos === 'VERB' && L.deadComplement.at(toks, k + 1, to)) return { kinds: ['killed'], anchor: k, update: false, after: true };
  if (q.body && L.bodyVerbs.has(toks[k].lower)) return { kinds: ['killed'], anchor: k, update: false, after: true };
  return null;
}

/** The casualty word right before a quantity: "killing 5", "the death of the commander", "the toll rose to 12". */
function governorBefore(doc: Doc, q: Quantity, from: number): Governor | null {
  const L = lexicon();
  const toks = doc.tokens;
  let p = q.start - 1;
  // "killed the six", "the murder of these three"
  if (!q.definite && /^(the|these|those|all)$/.test(toks[p]?.lower ?? '')) p--;
  if (p < from || q.zero) return null;
  const kindAt = (k: number): CasualtyKind | null => {
    const t = toks[k];
    if (!t || k < from || !L.casualty.has(t)) return null;
    // Nouns name casualties but govern no count after them ("deaths 5" is no phrase); "dead" in "shot dead 2".
    if (t.pos === 'NOUN' && t.lower !== 'dead' && !t.lower.endsWith('ing')) return null;
    return L.casualty.at(toks, k, k + 1)?.value ?? null;
  };
  let kind = kindAt(p);
  if (kind && L.fatal.has(toks[p - 1]?.lower ?? '')) kind = 'killed'; // "fatally wounding two"
  if (kind) {
    const kinds = [kind];
    // "killing and injuring a number of fighters" (not "leaving him killed and injuring five")
    if (toks[p - 1]?.lower === 'and' && sameForm(toks[p - 2], toks[p])) {
      const other = kindAt(p - 2);
      if (other && other !== kind) kinds.push(other);
    }
    return { kinds, anchor: p, update: false, after: false };
  }
  if (q.pronoun) return null;
  if (toks[p].lower === 'of' && L.governingNoun.has(toks[p - 1]?.lower ?? '')) return { kinds: [L.governingNoun.get(toks[p - 1].lower)!], anchor: p - 1, update: false, after: false };
  // "the death toll rose to 12", "the toll from Monday's strike now stands at 7", "a toll of 5"
  if (q.definite || !L.tollWords.has(toks[p].lower)) return null;
  let update = false;
  for (let k = p; k >= Math.max(from, p - 8); k--) {
    const t = toks[k];
    if (L.toll.has(t.lower)) return { kinds: ['killed'], anchor: k, update, after: false };
    if (L.update.has(t.lower)) update = true;
    if (CLAUSE_STOP.has(t.text) || t.text === ',' || t.pos === 'NUM' || L.casualty.has(t)) break;
  }
  return null;
}

/** "killing and injuring", "killed or wounded": two casualty words of one form share their count. */
function sameForm(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.lower.slice(-2) === b.lower.slice(-2);
}

/** Whether only connectors stand between two counts, and whether one names a part of the other. */
function linkBetween(toks: Token[], a: number, b: number): { subset: boolean; comma: boolean } | null {
  const L = lexicon();
  if (b < a) return null;
  let subset = false;
  let comma = false;
  let linked = false;
  for (let k = a; k < b; ) {
    if (isQuote(toks[k]) || toks[k].text === '(' || toks[k].text === ')' || (k > a && POSSESSIVE.has(toks[k].lower))) {
      k++;
      continue;
    }
    const s = L.subset.at(toks, k, b);
    if (s) {
      subset = true;
      linked = true;
      k += s.used;
      continue;
    }
    const c = L.connectors.at(toks, k, b);
    if (!c) return null;
    if (toks[k].text === ',') comma = true;
    linked = true;
    k += c.used;
  }
  return linked || a === b ? { subset, comma } : null;
}

function linkIsPlainAnd(toks: Token[], f: { q: Quantity }): boolean {
  const p = toks[f.q.start - 1];
  return p?.lower === 'and' && toks[f.q.start - 2]?.text !== ',';
}

/** "the commander said": a definite phrase that is the subject of another verb. */
function followedByVerb(toks: Token[], k: number, to: number): boolean {
  return k < to && (toks[k].pos === 'VERB' || toks[k].pos === 'AUX') && !lexicon().casualty.has(toks[k]);
}

/** "two other people", "were also killed", "later died of his wounds": people beyond those already counted. */
function additiveAround(toks: Token[], q: Quantity, gov: Governor, to: number): boolean {
  const L = lexicon();
  const a = Math.min(q.end, gov.anchor);
  const b = Math.min(to, gov.anchor + 4);
  for (let k = a; k < b; k++) {
    if (k >= q.start && k < q.end) continue;
    if (L.additive.has(toks[k].lower)) return true;
    if (k > gov.anchor && (toks[k].lower === 'wounds' || toks[k].lower === 'injuries') && toks[k - 2]?.lower === 'of') return true;
  }
  return false;
}

/**
 * A death named as the object of something else is no toll of this event: "protested against the
 * killing of a demonstrator", "justice for the death of", "to honour a man who died".
 */
function reference(toks: Token[], start: number, from: number): boolean {
  const L = lexicon();
  let k = start - 1;
  while (k >= from && /^(the|a|an|this|that|these|those)$/.test(toks[k].lower)) k--;
  for (let a = Math.max(from, k - 3); a <= k; a++) if (L.references.at(toks, a, k + 1)?.used === k + 1 - a) return true;
  return false;
}

/** A running total ("has since killed 29,000", "12 have been killed during the same period"). */
function cumulativeCount(doc: Doc, anchor: number, from: number, to: number): boolean {
  const L = lexicon();
  const toks = doc.tokens;
  let perfect = false;
  for (let k = anchor - 1; k >= Math.max(from, anchor - 4) && !perfect; k--) perfect = toks[k].lower === 'has' || toks[k].lower === 'have';
  if (!perfect) return false;
  for (let k = from; k < to; k++) if (L.cumulative.at(toks, k, to)) return true;
  return false;
}

/** The figures of the counts under one casualty word. */
interface Statement extends Pick<Mention, 'update' | 'additive' | 'sent' | 'account' | 'start' | 'end'> {
  /** stated figures only: null when every count is a vague word */
  total: number | null;
  coded: number;
  civilians: number | null;
  military: number | null;
  categories: Set<Category>;
}

/** The figures of one casualty word's counts: coordinated counts add up, parts add nothing. */
function statement(ms: Mention[]): Statement {
  const main = ms.filter((m) => !m.subset);
  const counted = main.length ? main : ms;
  const stated = (xs: Mention[]) => (xs.some((m) => !m.vague) ? xs.reduce((s, m) => s + (m.vague ? 0 : m.value), 0) : null);
  // "no civilians were hurt" says nothing of the others: no total
  const total = counted.every((m) => m.value === 0 && m.category !== 'unspecified') ? null : stated(counted);
  const coded = counted.reduce((s, m) => s + m.value, 0);
  const part = (c: Category): number | null => {
    const whole = main.filter((m) => m.category === c);
    const xs = whole.length ? whole : ms.filter((m) => m.subset && m.category === c);
    const n = stated(xs);
    return n === null ? null : Math.min(total ?? n, n);
  };
  return {
    total,
    coded,
    civilians: part('civilians'),
    military: part('military'),
    categories: new Set(counted.map((m) => m.category)),
    update: ms.some((m) => m.update),
    additive: ms.some((m) => m.additive && !m.subset),
    sent: ms[0].sent,
    account: ms[0].account,
    start: minOf(ms.map((m) => m.start)),
    end: maxOf(ms.map((m) => m.end)),
  };
}

const disjoint = (a: Set<Category>, b: Set<Category>) => !a.has('unspecified') && !b.has('unspecified') && ![...a].some((c) => b.has(c));
const plus = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

/**
 * One event's casualty figures from all its counts, as ACLED codes them: counts under one word add
 * up; statements of the same people are alternatives or repeats, and the lowest stands; statements
 * of other people (an additive word, or disjoint status) add; a toll that "rose to" replaces.
 */
export function combine(doc: Doc, mentions: Mention[]): Casualties {
  const result = (kind: CasualtyKind): Count | null => {
    const ms = mentions.filter((m) => m.kind === kind);
    if (ms.length === 0) return null;
    const groups = new Map<string, Mention[]>();
    for (const m of ms) {
      const key = `${m.sent}:${m.statement}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(m);
    }
    let sts = [...groups.values()].map(statement).sort((a, b) => a.start - b.start);
    // A revised toll replaces the figures it revises, wherever a live blog puts it; toll revisions
    // only rise, so the highest stands.
    const updates = sts.filter((s) => s.update);
    if (updates.length) sts = [updates.reduce((a, b) => (b.coded > a.coded ? b : a))];
    let acc: Statement = sts[0];
    for (const s of sts.slice(1)) {
      // "no one was hurt there" speaks of a part: it never cancels a count told elsewhere.
      if (s.coded === 0 && s.sent !== acc.sent && acc.coded > 0) continue;
      if (acc.coded === 0 && s.coded > 0 && s.sent !== acc.sent) acc = s;
      // One account that tells of several groups adds them up ("6 were killed by gunfire and 3 by a
      // mine"); another account of the same people is an alternative figure.
      else if (s.additive || disjoint(acc.categories, s.categories) || (s.sent === acc.sent && s.account === acc.account))
        acc = {
          ...acc,
          total: plus(acc.total, s.total),
          coded: acc.coded + s.coded,
          civilians: plus(acc.civilians, s.civilians),
          military: plus(acc.military, s.military),
          categories: new Set([...acc.categories, ...s.categories]),
        };
      else if (s.coded < acc.coded || (s.coded === acc.coded && acc.total === null && s.total !== null)) acc = s;
    }
    return { total: acc.total, civilians: acc.civilians, military: acc.military, evidence: doc.span(acc.start, acc.end), coded: acc.coded };
  };
  return { fatalities: result('killed'), injuries: result('injured') };
}
