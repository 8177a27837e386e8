// data/framing/: loaded language and its neutral wording.
import { z } from 'zod';
import { tsv } from './read.js';
import { Field } from './codes.js';

export const files = {
  /** gloss: neutral wording, "-" for none (omit the word), "=" for accepted neutral usage */
  'framing/lexicon.tsv': tsv(z.strictObject({ term: Field, gloss: Field, usage: z.string() })),
};
