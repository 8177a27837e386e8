// data/time/: the words of temporal expressions (month and weekday names, units, cues).
import { z } from 'zod';
import { yaml } from './read.js';
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
});

export const files = {
  'time/cues.yaml': yaml(Cues),
};
