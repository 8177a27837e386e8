// data/time/: the words of temporal expressions (month and weekday names, units, cues).
import { z } from 'zod';
import { load, yaml } from './read.js';
import { Words } from './codes.js';

const Month = z.number().int().min(1).max(12);
const Weekday = z.number().int().min(0).max(6);
const Direction = z.enum(['past', 'future']);

const Cues = z.strictObject({
  background_days: z.number().int().nonnegative(),
  months: z.record(z.string(), Month),
  month_abbreviations: z.record(z.string(), Month),
  weekdays: z.record(z.string(), Weekday),
  weekday_abbreviations: z.record(z.string(), Weekday),
  day_words: Words,
  day_parts: Words,
  units: z.record(z.string(), z.enum(['day', 'week', 'weekend', 'month', 'year', 'decade'])),
  long_units: Words,
  past_words: Words,
  ago_words: Words,
  next_words: Words,
  this_words: Words,
  count_words: Words,
  prepositions: Words,
  modifiers: Words,
  year_cues: Words,
  year_range_words: Words,
  year_list_words: Words,
  anaphoric_after: Words,
  anaphoric_the: Words,
  duration_prepositions: Words,
  future_cues: z.array(Words.min(1)),
  vague_words: z.record(z.string(), Direction),
  vague_heads: z.record(z.string(), Direction),
  name_heads: Words,
  lower_case_words: Words,
});

export const files = {
  'time/cues.yaml': yaml(Cues),
};

/** A month or weekday name: which one, and whether it is an abbreviation ("Sept", "Tues"). */
export interface CalendarName {
  month?: number;
  weekday?: number;
  abbr: boolean;
}

let names: Map<string, CalendarName> | null = null;

/**
 * Month and weekday names, full and abbreviated, lower case (data/time/cues.yaml): the one list
 * the dates, dateline, casualty, event and metadata readers share.
 */
export function calendarNames(): Map<string, CalendarName> {
  if (names) return names;
  const d = load('time/cues.yaml', files['time/cues.yaml']);
  names = new Map();
  for (const [w, m] of Object.entries(d.months)) names.set(w, { month: m, abbr: false });
  for (const [w, m] of Object.entries(d.month_abbreviations)) names.set(w, { month: m, abbr: true });
  for (const [w, n] of Object.entries(d.weekdays)) names.set(w, { weekday: n, abbr: false });
  for (const [w, n] of Object.entries(d.weekday_abbreviations)) names.set(w, { weekday: n, abbr: true });
  return names;
}

let months: string[] | null = null;
let weekdays: string[] | null = null;
let fullWeekdays: string[] | null = null;

/** The month names, full and abbreviated, in the file's order. */
export function monthNames(): string[] {
  return (months ??= [...calendarNames()].filter(([, n]) => n.month).map(([w]) => w));
}

/** The weekday names, full and abbreviated ("tues"), or full only, in the file's order. */
export function weekdayNames(abbreviations = true): string[] {
  if (!abbreviations) return (fullWeekdays ??= weekdayNames().filter((w) => !calendarNames().get(w)!.abbr));
  return (weekdays ??= [...calendarNames()].filter(([, n]) => n.weekday !== undefined).map(([w]) => w));
}

/** "march", "Sept.", "MAY": a month's name or abbreviation (any case, a full stop after it ignored). */
export function isMonthName(word: string): boolean {
  const w = word.toLowerCase();
  return !!calendarNames().get(w.endsWith('.') ? w.slice(0, -1) : w)?.month;
}
