// data/events/: trigger patterns, argument cues, casualty, attribution and mode lexicons.
import { z } from 'zod';
import { ActorKind, Mode } from '../contract.js';
import { yaml } from './read.js';
import { Words } from './codes.js';

/** A trigger pattern (the language of src/stages/events/patterns.ts) and how its subject relates. */
const Trigger = z.strictObject({ p: z.string().min(1), voice: z.enum(['active', 'nominal', 'passive', 'mutual']), weak: z.boolean().optional(), count: z.boolean().optional(), reciprocal: z.boolean().optional(), crowd: z.boolean().optional(), demonstrates: z.boolean().optional(), claims: z.boolean().optional(), object: z.boolean().optional(), fired: z.boolean().optional(), recommends: z.boolean().optional(), menaces: z.boolean().optional(), power: z.boolean().optional() });

const Arguments = z.strictObject({
  generic: z.record(z.string(), Words),
  weapons: z.record(z.string(), Words),
  anaphora: Words,
  target_prepositions: Words,
  recipient_prepositions: z.record(z.string(), Words),
  opponent_verbs: Words,
  initiator_prepositions: Words,
  origin_prepositions: Words,
  describing_prepositions: Words,
  near: Words,
  at: Words,
  civilians: Words,
  armed_targets: Words,
  struck_objects: Words,
  modifier_weapons: Words,
  arms: Words,
  specific_determiners: Words,
  collective_victims: Words,
  sequel: Words,
  default_initiator: z.record(z.string(), z.strictObject({ name: z.string().min(1), kind: ActorKind })),
  default_target: z.record(z.string(), z.strictObject({ name: z.string().min(1), kind: ActorKind })),
  answers: z.record(z.string(), Words),
  fired_by: z.record(z.string(), Words),
  summary_marks: Words,
  blaming: Words,
  blamed_for: Words,
  background_days: z.number().int().nonnegative(),
  non_event_modifiers: Words,
  gathering: Words,
  crowds: Words,
  attribute_participles: Words,
  place_of: Words,
  place_attributes: Words,
  place_list: z.strictObject({ coordinators: Words, totals: Words, spanning: Words, areal_heads: Words, wide: Words, reach: z.number().int().positive() }),
  place_anaphora: z.record(z.string(), z.enum(['point', 'city', 'district', 'admin1', 'region', 'country'])),
});

const Occurrence = z.strictObject({
  forms: Words,
  phrases: Words,
  withdrawal: z.strictObject({ words: Words, from: Words, objects: Words }),
  abandoned: Words,
  classified: Words,
  wrongdoing: Words,
  counted: Words,
  trend_runs: Words,
  accidents: Words,
  perceived: Words,
  campaign: Words,
  habitual: Words,
  spans: Words,
  span_units: Words,
  recent_units: Words,
  trends: Words,
  described_speech: Words,
  aggregate_toll: z.number().int().positive(),
});

const Casualties = z.strictObject({
  victims: z.strictObject({ civilians: Words, military: Words, unspecified: Words }),
  members: Words,
  armed_bodies: Words,
  person_suffixes: Words,
  units: Words,
  money: z.strictObject({ names: Words, signs: Words }),
  killed: Words,
  injured: Words,
  intransitive: Words,
  fatal_adverbs: Words,
  dead_complements: Words,
  governing_nouns: Words,
  bodies: z.strictObject({ nouns: Words, verbs: Words }),
  toll: Words,
  update: Words,
  toll_words: Words,
  /** a vague quantity and the figure ACLED codes for it; `several` is the figure for an unknown number */
  vague: z.record(z.string().min(1), z.number().int().positive()).refine((v) => 'several' in v, 'needs "several"'),
  unquantified: z.strictObject({ nouns: Words, before: Words }),
  approximators: Words,
  additive: Words,
  connectors: Words,
  subset: Words,
  auxiliaries: Words,
  zero: z.strictObject({ negators: Words, fillers: Words, both: Words, killed: Words, phrases: Words }),
  cumulative: Words,
  accounts: Words,
  references: Words,
});

const Attribution = z.strictObject({
  verbs: z.strictObject({ reported: Words, alleged: Words, denied: Words }),
  prepositions: Words,
  hedges: z.strictObject({ alleged: Words, uncertain: Words }),
  anonymous: Words,
  leading_words: Words,
  pronouns: Words,
  not_claimants: Words,
  inverting: Words,
  located_speakers: Words,
});

/** Mode cues by how far they reach: the verb after them, the phrase after them, or the rest of the sentence. */
const Cues = z.strictObject({ verb: Words.optional(), phrase: Words.optional(), clause: Words.optional() });

const Modes = z.strictObject({
  window: z.number().int().positive(),
  negated: Cues.extend({ nonspecific: Words, report_nouns: Words }),
  future: Cues,
  hypothetical: Cues,
  would: Words,
  reported: Words,
  content_verbs: Words,
  infinitive: Words,
  implicative: Words,
  governing: z.record(z.string(), Mode),
});

/** Cues telling a later sentence that restates an occurrence already told from one that tells another. */
const Restatement = z.strictObject({
  distinct_openers: Words,
  distinct_phrases: Words,
  distinct_modifiers: Words,
  referring_prepositions: Words,
  naming_prepositions: Words,
  unrealised_heads: Words,
  instance_heads: Words,
  part_within_km: z.number().positive(),
});

export const files = {
  'events/triggers.yaml': yaml(z.strictObject({ kinds: z.record(z.string(), z.array(Trigger)), no_event: z.array(Trigger) })),
  'events/arguments.yaml': yaml(Arguments),
  'events/casualties.yaml': yaml(Casualties),
  'events/occurrence.yaml': yaml(Occurrence),
  'events/attribution.yaml': yaml(Attribution),
  'events/modes.yaml': yaml(Modes),
  'events/restatement.yaml': yaml(Restatement),
};
