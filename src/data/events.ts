// data/events/: trigger patterns, argument cues, casualty, attribution and mode lexicons.
import { z } from 'zod';
import { ActorKind, Mode } from '../contract.js';
import { yaml } from './read.js';
import { Words } from './codes.js';

/** A trigger pattern (the language of src/stages/events/patterns.ts) and how its subject relates. */
const Trigger = z.strictObject({ p: z.string().min(1), voice: z.enum(['active', 'nominal', 'passive', 'mutual']) });

const Arguments = z.strictObject({
  generic: z.record(z.string(), Words),
  weapons: z.record(z.string(), Words),
  anaphora: Words,
  target_prepositions: Words,
  initiator_prepositions: Words,
  origin_prepositions: Words,
  near: Words,
  at: Words,
  civilians: Words,
  default_initiator: z.record(z.string(), z.strictObject({ name: z.string().min(1), kind: ActorKind })),
  background_days: z.number().int().nonnegative(),
  non_event_modifiers: Words,
});

const Casualties = z.strictObject({
  victims: z.strictObject({ civilians: Words, military: Words, unspecified: Words }),
  killed: Words,
  injured: Words,
  vague: Words,
});

const Attribution = z.strictObject({
  verbs: z.strictObject({ reported: Words, alleged: Words, denied: Words }),
  prepositions: Words,
  hedges: z.strictObject({ alleged: Words, uncertain: Words }),
  anonymous: Words,
});

const Modes = z.strictObject({
  window: z.number().int().positive(),
  negated: Words,
  future: Words,
  hypothetical: Words,
  governing: z.record(z.string(), Mode),
});

export const files = {
  'events/triggers.yaml': yaml(z.strictObject({ kinds: z.record(z.string(), z.array(Trigger)) })),
  'events/arguments.yaml': yaml(Arguments),
  'events/casualties.yaml': yaml(Casualties),
  'events/attribution.yaml': yaml(Attribution),
  'events/modes.yaml': yaml(Modes),
};
