// data/eval/: how the evaluation tools compare sitrep's output with other coders' conventions.
import { z } from 'zod';
import { yaml } from './read.js';
import { Alpha3, Words } from './codes.js';

const AcledActors = z.strictObject({
  state_prefixes: Words,
  civilian_heads: Words,
  unnamed_armed: Words,
  generic_words: Words,
  known_as: z.array(z.strictObject({ acled: z.string().min(1), names: Words.optional(), countries: z.array(Alpha3).optional() })),
});

export const files = {
  'eval/acled-actors.yaml': yaml(AcledActors),
};
