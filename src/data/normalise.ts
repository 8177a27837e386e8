// data/normalise/: page furniture, dateline words, writing systems and function words.
import { z } from 'zod';
import { tsv, yaml } from './read.js';
import { Field, Words } from './codes.js';

export const files = {
  'normalise/boilerplate.tsv': tsv(
    z.strictObject({ id: Field, max_words: z.string().regex(/^\d+$/, 'not a number').transform(Number), pattern: Field, example: Field, keep: z.string() }),
  ),
  'normalise/boilerplate-classes.tsv': tsv(z.strictObject({ word: Field, example: Field })),
  /** words: separated by spaces */
  'normalise/dateline.tsv': tsv(z.strictObject({ kind: z.enum(['particle', 'label']), words: Field })),
  /** ranges: hex code point ranges, comma-separated; markers: "lang:characters" separated by spaces */
  'normalise/scripts.tsv': tsv(z.strictObject({ script: Field, ranges: Field, default: Field, markers: z.string() })),
  /** words: separated by spaces */
  'normalise/truecase.yaml': yaml(
    z.strictObject({
      min_words: z.number().int().positive(),
      max_capitalised_share: z.number().min(0).max(1),
      min_population: z.number().int().nonnegative(),
      common_words: Words,
      not_first: Words,
      lower_inside: Words,
    }),
  ),
  'normalise/stopwords.tsv': tsv(z.strictObject({ lang: z.string().regex(/^[a-z]{2}$/, 'not an ISO 639-1 code'), words: Field })),
};
