// data/quotes/: speech verbs, naming cues and the words that decide how a speaker phrase refers.
import { z } from 'zod';
import { tsv } from './read.js';
import { Field } from './codes.js';

export const files = {
  /** forms: comma-separated; next: a word that must follow, or empty */
  'quotes/speech-verbs.tsv': tsv(
    z.strictObject({ lemma: Field, forms: Field, next: z.string(), order: z.enum(['before', 'either', 'after']), reach: z.enum(['far', 'near']) }),
  ),
  'quotes/naming-cues.tsv': tsv(z.strictObject({ cue: Field, note: z.string() })),
  'quotes/reference-words.tsv': tsv(z.strictObject({ word: Field, class: z.enum(['person', 'group', 'any', 'indefinite', 'document']) })),
  'quotes/phrase-words.tsv': tsv(z.strictObject({ word: Field, class: z.enum(['link', 'minor']) })),
};
