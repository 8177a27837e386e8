// Temporal expressions, resolved against the publication date (doc.meta.published).
//
// chrono-node finds and reads expressions, but its choice of *which* Tuesday or February is the
// nearest one, not the past one a news report means, and it reads a bare "march" or "Sun" as a
// date. So chrono only supplies components (month, day, weekday, an offset for "last week"), and
// this stage does the resolving: toward the past unless the words ("next week") or the clause's
// grammar ("will … on Friday") point forward. chrono is slow over whole texts, so it only sees a
// few tokens around the words that can anchor a date (data/time/cues.yaml). Bare years ("in
// 2017", "since early 2011") and vague stretches ("recently", "over the last decades") are read
// by small rules of our own from the same data.
//
// Choices worth knowing:
// - Relative or year-less expressions with no publication date get start/end null and precision
//   'unknown' (plus one warning on the doc); absolute ones ("July 2020") still resolve.
// - Vague expressions ("recently", "in recent years", "the coming days") are kept with null dates
//   and precision 'unknown', for their background/future signal.
// - background: the resolved end is more than `background_days` before the reference date
//   (publication, or without it the latest explicit date the article mentions outside future
//   clauses); unresolved vague stretches over long units ("for decades") are background too.
// - future: the clause's grammar is future and the time is not over, or it starts after publication.
// - Anaphoric expressions ("two weeks later", "the next day") and durations ("for two weeks")
//   are skipped: they are not dates relative to publication.
// The English locale alone: the package's index loads every locale (≈ 270 modules, a tenth of
// a batch worker's start-up) where sitrep reads English only.
import { Chrono, configuration as english } from 'chrono-node/en';
import type * as chrono from 'chrono-node';
import type { Doc, Sentence, Stage, TimeAnn, TimePrecision, Token } from '../../doc.js';
import { data } from '../../data/index.js';
import { dateOf, dayOf, isoDay, mondayOf, monthEnd, weekdayOf } from '../../days.js';
import { calendarNames, type CalendarName } from '../../data/time.js';

export const NO_PUBLICATION_DATE = 'no publication date: relative dates left unresolved';

// ---- data ------------------------------------------------------------------------------------

type Unit = 'day' | 'week' | 'weekend' | 'month' | 'year' | 'decade';

interface Cues {
  backgroundDays: number;
  /** month and weekday names, full and abbreviated */
  names: Map<string, CalendarName>;
  dayWords: Set<string>;
  dayParts: Set<string>;
  units: Map<string, Unit>;
  longUnits: Set<string>;
  past: Set<string>;
  ago: Set<string>;
  next: Set<string>;
  this: Set<string>;
  counts: Set<string>;
  preps: Set<string>;
  modifiers: Set<string>;
  yearCues: Set<string>;
  yearRange: Set<string>;
  yearList: Set<string>;
  anaphoricAfter: Set<string>;
  anaphoricThe: Set<string>;
  durationPreps: Set<string>;
  futureCues: string[][];
  vagueWords: Map<string, 'past' | 'future'>;
  vagueHeads: Map<string, 'past' | 'future'>;
  /** nouns that make a date before them part of a name ("July 7 neighbourhood") */
  nameHeads: Set<string>;
  /** names that are dates only when capitalised ("may", "march") */
  lowerCaseWords: Set<string>;
  /** tokens around which chrono is run */
  triggers: Set<string>;
  /** tokens that may end a vague expression */
  vagueTriggers: Set<string>;
}

let cues: Cues | null = null;

/** The cue tables from data/time/cues.yaml, validated once. */
export function loadCues(): Cues {
  if (cues) return cues;
  const d = data('time/cues.yaml');
  const names = calendarNames();
  const units = new Map(Object.entries(d.units)) as Map<string, Unit>;
  cues = {
    backgroundDays: d.background_days,
    names,
    dayWords: new Set(d.day_words),
    dayParts: new Set(d.day_parts),
    units,
    longUnits: new Set(d.long_units),
    past: new Set(d.past_words),
    ago: new Set(d.ago_words),
    next: new Set(d.next_words),
    this: new Set(d.this_words),
    counts: new Set(d.count_words),
    preps: new Set(d.prepositions),
    modifiers: new Set(d.modifiers),
    yearCues: new Set(d.year_cues),
    yearRange: new Set(d.year_range_words),
    yearList: new Set(d.year_list_words),
    anaphoricAfter: new Set(d.anaphoric_after),
    anaphoricThe: new Set(d.anaphoric_the),
    durationPreps: new Set(d.duration_prepositions),
    futureCues: d.future_cues,
    vagueWords: new Map(Object.entries(d.vague_words)),
    vagueHeads: new Map(Object.entries(d.vague_heads)),
    nameHeads: new Set(d.name_heads),
    lowerCaseWords: new Set(d.lower_case_words),
    // Direction words alone never make a date, so they are not triggers: the window around a
    // trigger picks them up.
    triggers: new Set([...names.keys(), ...d.day_words, ...d.day_parts, ...units.keys()]),
    vagueTriggers: new Set([...Object.keys(d.vague_words), ...[...units.keys()].filter((u) => u.endsWith('s'))]),
  };
  return cues;
}


/** The publication date as written (its own time zone, not converted to UTC), or null. */
export function publicationDay(doc: Doc): string | null {
  const p = doc.meta.published;
  const m = p ? /^(\d{4})-(\d{2})-(\d{2})/.exec(p) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

// ---- the stage ---------------------------------------------------------------------------------

/** A time found in the text, before background/future are settled. */
interface Found {
  first: number;
  last: number;
  start: number | null;
  end: number | null;
  precision: TimePrecision;
  /** resolved from the text alone (an explicit year), so usable without a publication date */
  absolute: boolean;
  /** the words point forward ("next week", "the coming days", "soon") */
  forward: boolean;
  /** the words alone mark background ("for decades") */
  background: boolean;
  /** the clause's grammar is future */
  futureClause: boolean;
}

// Parsers left out of chrono's casual English set. ENTimeExpressionParser reads times of day,
// which sitrep does not report, and turns "killed 17 on Monday" into "17:00 on Monday" and "at 5"
// into a date; "two weeks later" is anaphoric; "end of this month" and "8/2020" are rare in news.
// Each one left out is a regex less over every window.
const UNUSED_PARSERS = new Set([
  'ENTimeExpressionParser',
  'ENTimeUnitLaterFormatParser',
  'ENEndOfCurrentMonthParser',
  'ENSlashMonthFormatParser',
]);
let parser: Chrono | null = null;
function chronoParser(): Chrono {
  if (!parser) {
    const cfg = english.createCasualConfiguration(false);
    cfg.parsers = cfg.parsers.filter((p) => !UNUSED_PARSERS.has(p.constructor.name));
    parser = new Chrono(cfg);
  }
  return parser;
}

/** Tokens either side of a trigger that chrono sees: enough for "on Tuesday, April 4, 2023". */
const WINDOW = 4;
const NUMERIC_DATE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/;
const THOUSANDS = /^\d{1,3}(,\d{3})+$/;

const key = (t: Token) => (t.lower.length > 2 && t.lower.endsWith('.') ? t.lower.slice(0, -1) : t.lower);

export const dates: Stage = {
  name: 'dates',
  reads: ['text', 'meta', 'tokens', 'sentences', 'dateline'],
  writes: ['times', 'warnings'],
  adds: 'temporal expressions (chrono-node), past-biased, precision, background',
  run(doc: Doc) {
    const c = loadCues();
    const pubIso = publicationDay(doc);
    const pub = pubIso ? dayOf(+pubIso.slice(0, 4), +pubIso.slice(5, 7), +pubIso.slice(8, 10)) : null;
    if (pub === null && !doc.warnings.includes(NO_PUBLICATION_DATE)) doc.warnings.push(NO_PUBLICATION_DATE);

    const found: Found[] = [];
    const covered = new Uint8Array(doc.tokens.length);
    for (const s of doc.sentences) {
      const windows = triggerWindows(doc, s, c);
      for (const [a, b] of windows) readChrono(doc, s, a, b, pub, c, found, covered);
      readYearsAndVague(doc, s, pub, c, found, covered);
    }
    found.sort((x, y) => x.first - y.first);
    doc.times = settle(doc, found, pub, c);
  },
};

/** Merged token ranges [a, b) around the triggers in one sentence. */
function triggerWindows(doc: Doc, s: Sentence, c: Cues): [number, number][] {
  const out: [number, number][] = [];
  for (let i = s.first; i < s.last; i++) {
    const t = doc.tokens[i];
    const code = t.text.charCodeAt(0);
    const hit = code >= 48 && code <= 57 ? NUMERIC_DATE.test(t.text) : c.triggers.has(key(t));
    if (!hit) continue;
    const a = Math.max(s.first, i - WINDOW);
    const b = Math.min(s.last, i + WINDOW + 1);
    const prev = out[out.length - 1];
    if (prev && a <= prev[1]) prev[1] = b;
    else out.push([a, b]);
  }
  return out;
}

// ---- chrono expressions ------------------------------------------------------------------------

function readChrono(
  doc: Doc,
  s: Sentence,
  a: number,
  b: number,
  pub: number | null,
  c: Cues,
  found: Found[],
  covered: Uint8Array,
) {
  const base = doc.tokens[a].start;
  const text = doc.text.slice(base, doc.tokens[b - 1].end);
  // Without a publication date only absolute expressions are used, which do not depend on the
  // reference; any fixed reference will do.
  const refDay = pub ?? dayOf(2000, 1, 1);
  const [ry, rm, rd] = dateOf(refDay);
  const ref = { instant: new Date(Date.UTC(ry, rm - 1, rd, 12)), timezone: 0 };
  const results = chronoParser().parse(text, ref, { forwardDate: false }).map((r) => withoutDayPart(r, ref, c));
  let month: Found | null = null;
  for (const r of results) {
    const span = tokenSpan(doc, s, base + r.index, base + r.index + r.text.length, c);
    if (!span) continue;
    const f = resolveChrono(doc, s, span[0], span[1], r, pub, refDay, c);
    if (!f) continue;
    // "in April last year", "April of this year": a bare month takes its year from what follows.
    if (month && isYearOffset(doc, f.first, f.last, c) && between(doc, month.last, f.first)) {
      yearOfMonth(month, f);
      month.last = f.last;
      for (let i = f.first; i < f.last; i++) covered[i] = 1;
      month = null;
      continue;
    }
    month = f.precision === 'month' && !f.absolute ? f : null;
    found.push(f);
    for (let i = f.first; i < f.last; i++) covered[i] = 1;
  }
}

/**
 * "the night of 8 July 2024": chrono reads the part of the day and drops the date it names (no
 * known values); the date after "of" is read on its own and the result spans both.
 */
function withoutDayPart(r: chrono.ParsedResult, ref: chrono.ParsingReference, c: Cues): chrono.ParsedResult {
  const m = /^(\p{L}+)\s+of\s+/u.exec(r.text);
  if (!m || !c.dayParts.has(m[1].toLowerCase())) return r;
  const inner = chronoParser().parse(r.text.slice(m[0].length), ref, { forwardDate: false })[0];
  if (!inner || inner.index !== 0) return r;
  return Object.assign(Object.create(Object.getPrototypeOf(inner)), inner, { index: r.index, text: r.text.slice(0, m[0].length) + inner.text });
}

/** Nothing, or just "of", between a bare month and "last year". */
function between(doc: Doc, endA: number, startB: number): boolean {
  if (startB === endA) return true;
  return startB === endA + 1 && doc.tokens[endA].lower === 'of';
}

function isYearOffset(doc: Doc, first: number, last: number, c: Cues): boolean {
  let unit = false;
  let dir = false;
  for (let i = first; i < last; i++) {
    const w = doc.tokens[i].lower;
    if (c.units.get(w) === 'year') unit = true;
    if (c.past.has(w) || c.next.has(w) || c.this.has(w)) dir = true;
  }
  return unit && dir;
}

/** Moves a bare month's resolution into the year `y` names. */
function yearOfMonth(month: Found, y: Found) {
  if (month.start === null || y.start === null) return;
  const [yy] = dateOf(y.start);
  const [, mm] = dateOf(month.start);
  month.start = dayOf(yy, mm, 1);
  month.end = monthEnd(yy, mm);
  month.absolute = y.absolute;
}

/** Chrono's character span as a token range inside the sentence, without trailing punctuation or prepositions ("April of"). */
function tokenSpan(doc: Doc, s: Sentence, start: number, end: number, c: Cues): [number, number] | null {
  while (end > start && !/[\p{L}\p{N}]/u.test(doc.text[end - 1])) end--;
  if (end <= start) return null;
  const first = Math.max(doc.tokenAt(start), s.first);
  let last = Math.min(doc.tokenAt(end - 1) + 1, s.last);
  // Nor is a number with thousands separators ("Since 7 October, 30,000 people").
  const tail = (t: Token) => c.preps.has(t.lower) || THOUSANDS.test(t.text) || t.text === ',';
  while (last - first > 1 && tail(doc.tokens[last - 1])) last--;
  return first < last ? [first, last] : null;
}

/** Whether the month name at i has a day of the month beside it in [first, last): "25 may", "march 3," (not "25 may die", "may 25 people"). */
function besideDay(T: Token[], i: number, first: number, last: number): boolean {
  const day = (k: number) => k >= first && k < last && /^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$/.test(T[k].text);
  return (day(i - 1) && T[i + 1]?.pos !== 'VERB') || (day(i + 1) && !['NOUN', 'PROPN', 'ADJ'].includes(T[i + 2]?.pos ?? ''));
}

function resolveChrono(
  doc: Doc,
  s: Sentence,
  first0: number,
  last: number,
  r: chrono.ParsedResult,
  pub: number | null,
  refDay: number,
  c: Cues,
): Found | null {
  const T = doc.tokens;
  // "for two weeks" is a duration, not a date.
  if (c.durationPreps.has(T[first0].lower) || (first0 > s.first && c.durationPreps.has(T[first0 - 1].lower))) {
    if (hasUnit(T, first0, last, c)) return null;
  }
  let first = first0;
  while (last - first > 1 && c.preps.has(T[first].lower)) first++;

  let unit: Unit | undefined;
  let unitWord = '';
  let dir: -1 | 0 | 1 | undefined;
  let count = false;
  let dayWord = false;
  let dayPart = false;
  /** "two days ago" is a point in time; "the past two days" a stretch */
  let ago = false;
  let month: number | undefined;
  let weekday: number | undefined;
  let bareName = true;
  let explicitYear = false;
  for (let i = first; i < last; i++) {
    const t = T[i];
    const w = key(t);
    const name = c.names.get(w);
    if (name) {
      // "march", "may" are verbs; "Jan Egeland" and "the Sun" are not dates; "thursday" is one, and so is
      // "may" beside a day of the month ("on 25 may", "march 3,").
      if (!/^\p{Lu}/u.test(t.text) && (name.abbr || (c.lowerCaseWords.has(w) && !besideDay(T, i, first, last)))) return null;
      if (name.abbr && !/\d/.test(doc.text.slice(T[first].start, T[last - 1].end))) return null;
      if (name.month) month = name.month;
      if (name.weekday !== undefined) weekday = name.weekday;
      continue;
    }
    bareName = false;
    if (/(^|\D)\d{4}(\D|$)/.test(t.text)) explicitYear = true;
    if (c.units.has(w)) {
      unit = c.units.get(w);
      unitWord = w;
    } else if (c.dayWords.has(w)) dayWord = true;
    else if (c.dayParts.has(w)) dayPart = true;
    else if (c.past.has(w)) {
      dir = -1;
      ago ||= i > first && c.ago.has(w);
    } else if (c.next.has(w)) dir = 1;
    else if (c.this.has(w)) dir = 0;
    else if (c.counts.has(w) || t.pos === 'NUM') count = true;
  }
  // Relative to another event: "two weeks later", "the next day".
  if (c.anaphoricAfter.has(T[last - 1].lower)) return null;
  if (unit && first > s.first && T[first - 1].lower === 'the' && c.anaphoricThe.has(T[first].lower) && !unitWord.endsWith('s')) {
    return null;
  }
  // A bare month or weekday with no preposition or modifier before it is usually part of a name
  // ("Black September", "The Sunday Times").
  if (bareName && first === first0 && !standsAlone(doc, s, first, last, weekday !== undefined, c)) return null;

  // Preceding modifiers and direction words belong to the expression ("early on Tuesday",
  // "last April").
  let lead = first;
  for (let k = 0; k < 2 && lead > s.first; k++) {
    const p = T[lead - 1].lower;
    if (c.modifiers.has(p)) lead--;
    else if (c.preps.has(p) && lead - 2 >= s.first && c.modifiers.has(T[lead - 2].lower)) lead -= 2;
    else if (k === 0 && (month || weekday !== undefined) && !unit && (c.past.has(p) || c.next.has(p) || c.this.has(p))) {
      dir = c.past.has(p) ? -1 : c.next.has(p) ? 1 : 0;
      lead--;
    } else break;
  }
  const futureClause = isFutureClause(doc, s, lead, last, c);
  const f: Found = {
    first: lead,
    last,
    start: null,
    end: null,
    precision: 'unknown',
    absolute: false,
    forward: dir === 1,
    background: false,
    futureClause,
  };
  const st = r.start;
  const has = (k: chrono.Component) => st.isCertain(k);

  // Absolute: an explicit year ("July 2020", "4 April 2023", "2023-04-04").
  if (explicitYear && has('year') && (has('month') || month)) {
    const y = st.get('year')!;
    const m = st.get('month')!;
    f.absolute = true;
    if (has('day')) {
      f.start = dayOf(y, m, st.get('day')!);
      f.precision = 'day';
    } else {
      f.start = dayOf(y, m, 1);
      f.precision = 'month';
    }
    f.end = f.precision === 'day' ? f.start : monthEnd(y, m);
    rangeEnd(f, r);
    return f;
  }
  // "this morning", "last night" name a day; "in the morning" does not.
  if (dayPart && dir !== undefined && dir !== 1) dayWord = true;
  if (!month && weekday === undefined && !unit && !dayWord) {
    // A numeric date without a year ("9/11") is not read; a time of day alone was not asked for.
    return null;
  }

  // "the past week", "the next few days": a stretch up to or from publication, unlike "last week".
  const head = T[first].lower;
  const theStretch = first > s.first && T[first - 1].lower === 'the' && (c.past.has(head) || c.next.has(head));
  const chronoDay = () => dayOf(st.get('year')!, st.get('month')!, st.get('day')!);
  // "tomorrow", "in 10 days" (a weekend's direction is settled below, from the words)
  if (!month && weekday === undefined && unit !== 'weekend') f.forward ||= chronoDay() > refDay;
  // "in 10 years" points forward only in a future clause; "the first time in 10 years" looks back
  // over a stretch whose start the text does not give.
  if (f.forward && dir === undefined && count && !futureClause) return null;
  if (pub === null) return f;
  if (!month && weekday === undefined) {
    // Relative to publication: "yesterday", "last month", "two days ago", "the past week".
    if (dayWord || unit === 'day') {
      const anchor = chronoDay();
      const span = dir !== undefined && !ago && (count || theStretch);
      f.start = span ? Math.min(anchor, pub) : anchor;
      f.end = span ? Math.max(anchor, pub) : anchor;
      f.precision = 'day';
    } else if (unit === 'weekend') {
      const sat = weekendSaturday(pub, dir, futureClause);
      [f.start, f.end, f.precision] = [sat, sat + 1, 'week'];
    } else if (unit === 'decade' || !unit) {
      return f;
    } else {
      const anchor = dir === 0 ? pub : chronoDay();
      const stretch = dir !== undefined && dir !== 0 && !ago && (count || theStretch);
      if (stretch) {
        // "the past two years", "last 24 hours", "the next few weeks": from the anchor to publication.
        f.start = Math.min(anchor, pub);
        f.end = Math.max(anchor, pub);
      } else {
        [f.start, f.end] = calendarUnit(anchor, unit);
      }
      f.precision = unit;
    }
    return f;
  }

  // Year-less names: "Tuesday", "In February", "March 15", "April 4-6".
  const forward = dir === 1 || (dir === undefined && futureClause);
  if (month && has('day')) {
    f.start = nearestYear(pub, month, st.get('day')!, forward, dir);
    f.end = f.start;
    f.precision = 'day';
    rangeEnd(f, r);
  } else if (month) {
    const [py, pm] = dateOf(pub);
    let y: number;
    if (dir === -1) y = month < pm ? py : py - 1; // "last April" read in April is a year ago
    else if (dir === 1) y = month > pm ? py : py + 1;
    else if (dir === 0) y = py;
    else if (forward) y = month >= pm ? py : py + 1;
    else y = month <= pm ? py : py - 1;
    f.start = dayOf(y, month, 1);
    f.end = monthEnd(y, month);
    f.precision = 'month';
  } else if (weekday !== undefined) {
    const back = (weekdayOf(pub) - weekday + 7) % 7;
    const ahead = (weekday - weekdayOf(pub) + 7) % 7;
    if (dir === -1) f.start = pub - (back || 7);
    else if (dir === 1) f.start = pub + (ahead || 7);
    else f.start = forward ? pub + ahead : pub - back;
    f.end = f.start;
    f.precision = 'day';
  }
  return f;
}

function hasUnit(T: Token[], a: number, b: number, c: Cues): boolean {
  for (let i = a; i < b; i++) if (c.units.has(T[i].lower)) return true;
  return false;
}

/** Whether a lone month or weekday name, with no preposition before it, reads as a date. */
function standsAlone(doc: Doc, s: Sentence, first: number, last: number, isWeekday: boolean, c: Cues): boolean {
  const prev = first > s.first ? doc.tokens[first - 1] : undefined;
  const next = last < s.last ? doc.tokens[last] : undefined;
  if (prev && (c.preps.has(prev.lower) || c.modifiers.has(prev.lower) || c.past.has(prev.lower) || c.next.has(prev.lower) || c.this.has(prev.lower))) {
    return true;
  }
  if (!isWeekday) return false;
  // Wire style: "said Tuesday", "killed Tuesday"; but not "The Sunday Times", "Bloody Sunday".
  if (prev && (prev.pos === 'DET' || (/^\p{Lu}/u.test(prev.text) && prev.pos !== 'PUNCT'))) return false;
  if (next && /^\p{Lu}/u.test(next.text) && next.pos === 'PROPN') return false;
  return true;
}

/** The year that puts month/day nearest publication on the side the words or grammar choose. */
function nearestYear(pub: number, m: number, d: number, forward: boolean, dir: -1 | 0 | 1 | undefined): number {
  const [py] = dateOf(pub);
  const options = [py - 1, py, py + 1].map((y) => dayOf(y, m, d));
  if (dir === -1) return options.filter((x) => x < pub).pop()!;
  if (dir === 1) return options.find((x) => x > pub)!;
  return forward ? options.find((x) => x >= pub)! : options.filter((x) => x <= pub).pop()!;
}

/** A chrono range ("April 4-6", "from March 3 to April 6") ends in the same year, or the next. */
function rangeEnd(f: Found, r: chrono.ParsedResult) {
  const e = r.end;
  if (!e || f.start === null || (!e.isCertain('month') && !e.isCertain('day'))) return;
  const [sy, sm] = dateOf(f.start);
  const m = e.isCertain('month') ? e.get('month')! : sm;
  let y = e.isCertain('year') && f.absolute ? e.get('year')! : sy;
  let end = e.isCertain('day') ? dayOf(y, m, e.get('day')!) : monthEnd(y, m);
  if (end < f.start) end = e.isCertain('day') ? dayOf(++y, m, e.get('day')!) : monthEnd(++y, m);
  f.end = end;
}

function calendarUnit(anchor: number, unit: Unit): [number, number] {
  const [y, m] = dateOf(anchor);
  if (unit === 'week') {
    const mon = mondayOf(anchor);
    return [mon, mon + 6];
  }
  if (unit === 'month') return [dayOf(y, m, 1), monthEnd(y, m)];
  return [dayOf(y, 1, 1), dayOf(y, 12, 31)];
}

/** Saturday of the weekend meant: the last one by default, the coming one when pointed forward. */
function weekendSaturday(pub: number, dir: -1 | 0 | 1 | undefined, futureClause: boolean): number {
  const back = (weekdayOf(pub) - 6 + 7) % 7;
  const lastSat = pub - back;
  if (dir === 1 || (dir === undefined && futureClause)) return lastSat + 7;
  if (dir === 0) return mondayOf(pub) + 5;
  // On a Saturday, "last weekend" is the one before.
  return dir === -1 && back === 0 ? lastSat - 7 : lastSat;
}

// ---- bare years and vague stretches -------------------------------------------------------------

const YEAR = /^(1[89]\d\d|20\d\d)$/;
const YEAR_MOD = /^([a-z]+)-(1[89]\d\d|20\d\d)$/i;
const YEAR_SPAN = /^(1[89]\d\d|20\d\d)[-–](\d\d|\d{4})$/;
const DECADE = /^(1[89]\d|20\d)0s$/;

function readYearsAndVague(doc: Doc, s: Sentence, pub: number | null, c: Cues, found: Found[], covered: Uint8Array) {
  const T = doc.tokens;
  const maxYear = (pub !== null ? dateOf(pub)[0] : 2100) + 30;
  for (let i = s.first; i < s.last; i++) {
    if (covered[i]) continue;
    const t = T[i];
    const code = t.text.charCodeAt(0);
    const tail = t.text.charCodeAt(t.text.length - 1);
    if ((code >= 48 && code <= 57) || (tail >= 48 && tail <= 57 && YEAR_MOD.test(t.text))) {
      const f = readYear(doc, s, i, maxYear, c, covered);
      if (f) {
        found.push(f);
        for (let k = f.first; k < f.last; k++) covered[k] = 1;
        i = f.last - 1;
      }
      continue;
    }
    const v = c.vagueTriggers.has(t.lower) ? readVague(doc, s, i, c) : null;
    if (v) {
      found.push(v);
      for (let k = v.first; k < v.last; k++) covered[k] = 1;
    }
  }
}

/** "in 2017", "since early 2011", "mid-2019", "from 2011 to 2013", "2022-23", "the 1990s". */
function readYear(doc: Doc, s: Sentence, i: number, maxYear: number, c: Cues, covered: Uint8Array): Found | null {
  const T = doc.tokens;
  const w = T[i].text;
  let from: number;
  let to: number;
  let m: RegExpExecArray | null;
  let modifier = false;
  let decade = false;
  if ((m = YEAR.exec(w))) from = to = +m[1];
  else if ((m = YEAR_MOD.exec(w))) {
    // "mid-2019", "early-2011"
    if (!c.modifiers.has(m[1].toLowerCase())) return null;
    from = to = +m[2];
    modifier = true;
  }
  else if ((m = YEAR_SPAN.exec(w))) {
    from = +m[1];
    to = m[2].length === 2 ? Math.floor(from / 100) * 100 + +m[2] : +m[2];
    if (to <= from || to - from > 50) return null;
  } else if ((m = DECADE.exec(w))) {
    from = +m[1] * 10;
    to = from + 9;
    decade = true;
  } else return null;
  if (from < 1800 || from > maxYear) return null;

  // Walk back over modifiers ("early", "mid-") and, for decades, "the" to the cue word.
  let lead = i;
  while (lead > s.first && c.modifiers.has(T[lead - 1].lower.replace(/-$/, ''))) {
    lead--;
    modifier = true;
  }
  if (decade && lead > s.first && T[lead - 1].lower === 'the') lead--;
  const cue = lead > s.first ? T[lead - 1].lower : '';
  // "in 2022 and 2023": a year listed after one already read takes its cue.
  const listed = c.yearList.has(cue) && lead - 2 >= s.first && covered[lead - 2] === 1 && YEAR.test(T[lead - 2].text);
  if (!modifier && !c.yearCues.has(cue) && !listed) return null;
  if (decade && T[lead].lower !== 'the' && !modifier) return null;
  if (decade && T[lead].lower === 'the') lead++;

  // "in 2000 rounds", "by 2000 troops": a count, not a year.
  const next = i + 1 < s.last ? T[i + 1] : undefined;
  if (next && next.pos === 'NOUN' && /^\p{Ll}.*s$/u.test(next.text)) return null;

  let last = i + 1;
  // "from 2011 to 2013", "between 2011 and 2013", "2011 - 2013"
  if (last + 1 < s.last && c.yearRange.has(T[last].lower) && YEAR.test(T[last + 1].text)) {
    const y2 = +T[last + 1].text;
    const and = T[last].lower === 'and';
    if (y2 > from && y2 - from <= 50 && (!and || cue === 'between')) {
      to = y2;
      last += 2;
    }
  }
  return {
    first: lead,
    last,
    start: dayOf(from, 1, 1),
    end: dayOf(to, 12, 31),
    precision: 'year',
    absolute: true,
    forward: false,
    background: false,
    futureClause: isFutureClause(doc, s, lead, last, c),
  };
}

/** "recently", "soon", "in recent years", "over the last decades", "the coming days", "for decades". */
function readVague(doc: Doc, s: Sentence, i: number, c: Cues): Found | null {
  const T = doc.tokens;
  const w = T[i].lower;
  const vague = (first: number, last: number, dir: 'past' | 'future', long: boolean): Found => ({
    first,
    last,
    start: null,
    end: null,
    precision: 'unknown',
    absolute: false,
    forward: dir === 'future',
    background: dir === 'past' && long,
    futureClause: isFutureClause(doc, s, first, last, c),
  });
  const single = c.vagueWords.get(w);
  if (single) return vague(i, i + 1, single, false);
  if (!c.units.has(w) || !w.endsWith('s')) return null;
  let head = i - 1;
  while (head > s.first && c.counts.has(T[head].lower)) head--;
  if (head < s.first) return null;
  const dir = c.vagueHeads.get(T[head].lower);
  if (!dir) return null;
  const long = c.longUnits.has(w);
  // "for decades" is background; "for days" says nothing about when.
  if (c.durationPreps.has(T[head].lower)) return long ? vague(head, i + 1, 'past', true) : null;
  return vague(head, i + 1, dir, long);
}

// ---- grammar ------------------------------------------------------------------------------------

// A spaced hyphen is a dash: it ends a dateline ("DAMASCUS, April 4 (Reuters) - Israel will …").
const BOUNDARY = new Set([';', ':', '-', '—', '–', '(', ')', '"', '“', '”']);

/**
 * Whether the verb group governing the expression is future ("will strike on Friday", "On Friday,
 * Israel will …"). The governing verb is the nearest one to the left, or to the right when the
 * expression opens its sentence.
 */
function isFutureClause(doc: Doc, s: Sentence, first: number, last: number, c: Cues): boolean {
  const T = doc.tokens;
  // A dateline dates the report itself.
  if (doc.dateline && T[first].start >= doc.dateline.span.start && T[last - 1].end <= doc.dateline.span.end) return false;
  const isVerb = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX';
  let v = -1;
  for (let i = first - 1; i >= s.first && !BOUNDARY.has(T[i].text); i--) {
    if (isVerb(T[i])) {
      v = i;
      break;
    }
  }
  if (v < 0) {
    for (let i = last; i < s.last && !BOUNDARY.has(T[i].text); i++) {
      if (isVerb(T[i])) {
        v = i;
        break;
      }
    }
  }
  if (v < 0) return false;
  // Look a few tokens back from the verb (and one ahead, for "will" found as the verb itself).
  const from = Math.max(s.first, v - 4);
  const to = Math.min(s.last, v + 2);
  for (let i = from; i < to; i++) {
    for (const seq of c.futureCues) {
      if (i + seq.length > to) continue;
      let ok = true;
      for (let k = 0; k < seq.length && ok; k++) ok = T[i + k].lower === seq[k];
      if (ok) return true;
    }
  }
  return false;
}

// ---- background and future ------------------------------------------------------------------------

function settle(doc: Doc, found: Found[], pub: number | null, c: Cues): TimeAnn[] {
  // Without a publication date, the latest explicit date outside future clauses stands in for it
  // when deciding background.
  let ref = pub;
  if (ref === null) {
    for (const f of found) if (f.absolute && f.end !== null && !f.futureClause && (ref === null || f.end > ref)) ref = f.end;
  }
  const out: TimeAnn[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.first < lastEnd) continue;
    lastEnd = f.last;
    if (namesAPlace(doc, f, c)) continue;
    const usable = f.absolute || pub !== null;
    const start = usable ? f.start : null;
    const end = usable ? f.end : null;
    const precision: TimePrecision = start === null ? 'unknown' : f.precision;
    const background = end !== null ? ref !== null && end < ref - c.backgroundDays : f.background;
    const future =
      (start !== null && pub !== null && start > pub) ||
      (f.forward && (end === null || pub === null || end > pub)) ||
      (f.futureClause && (end === null || pub === null || end >= pub));
    out.push({
      start: start === null ? null : isoDay(start),
      end: end === null ? null : isoDay(end),
      precision,
      mention: doc.mention(f.first, f.last),
      background: background && !future,
      future,
    });
  }
  return out;
}

/**
 * Whether the date ending before token `k` is part of a name: a name head right after it ("July 7
 * neighbourhood", "the October revolution"), or after a short list of capitalised names ("7 July
 * and Engineering College areas"). A date written day-month-year or with a weekday is never a name.
 */
function namesAPlace(doc: Doc, f: Found, c: Cues): boolean {
  const T = doc.tokens;
  const s = doc.sentences[T[f.first].sent];
  const k = f.last;
  if (k >= s.last) return false;
  for (let i = f.first; i < k; i++) if (/^\d{4}$/.test(T[i].text) || c.names.get(T[i].lower)?.weekday !== undefined) return false;
  if (c.nameHeads.has(T[k].lower)) return true;
  if (T[k].lower !== 'and' && T[k].text !== ',') return false;
  let j = k + 1;
  while (j < s.last && j < k + 5 && /^\p{Lu}/u.test(T[j].text)) j++;
  return j > k + 1 && j < s.last && T[j].lower.endsWith('s') && c.nameHeads.has(T[j].lower);
}

// ---- helpers for later stages ---------------------------------------------------------------------

/**
 * The times mentioned in one sentence (by index or Sentence), in text order. The events stage
 * uses it to date an event from its own sentence before falling back to the dateline or the
 * publication date.
 */
export function timesInSentence(doc: Doc, sent: number | Sentence): TimeAnn[] {
  const i = typeof sent === 'number' ? sent : sent.i;
  return doc.times.filter((t) => t.mention.sent === i);
}

/** The time given in the dateline ("DAMASCUS, April 4 (Reuters) -"), if it has one. */
export function datelineTime(doc: Doc): TimeAnn | undefined {
  const d = doc.dateline;
  if (!d) return undefined;
  return doc.times.find((t) => t.mention.start >= d.span.start && t.mention.end <= d.span.end);
}
