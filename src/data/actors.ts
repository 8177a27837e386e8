// data/actors/: who a phrase names (aliases and epithets, armed groups, organisations, head nouns).
import { z } from 'zod';
import { yaml } from './read.js';
import { ActorKind } from '../contract.js';
import { Alpha3 } from './codes.js';

const Aliases = z.strictObject({
  ignore: z.array(z.string()),
  groups: z.record(z.string(), z.array(Alpha3)),
  aliases: z.array(
    z.strictObject({
      names: z.array(z.string().min(1)).min(1),
      country: Alpha3.optional(),
      kind: ActorKind,
      name: z.string().optional(),
      resolve: z.literal('context').optional(),
      among: z.union([z.string(), z.array(Alpha3)]).optional(),
    }),
  ),
  people: z.record(z.string(), Alpha3),
});
const ArmedGroups = z.strictObject({
  groups: z.array(
    z.strictObject({
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)).default([]),
      home: Alpha3.nullable(),
      countries: z.array(Alpha3).min(1),
      note: z.string().optional(),
    }),
  ),
});
const Organizations = z.strictObject({
  organizations: z.array(
    z.strictObject({
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)).default([]),
      kind: ActorKind.default('organization'),
      country: Alpha3.nullable().default(null),
    }),
  ),
});
const Nouns = z.strictObject({
  nouns: z.partialRecord(ActorKind, z.array(z.string().min(1))),
  modifiable: z.strictObject({
    default: ActorKind,
    nouns: z.array(z.string()),
    modifiers: z.record(z.string(), ActorKind),
  }),
  governing: z.array(z.string()),
  particles: z.array(z.string()),
  abroad: z.array(z.string()),
  stance: z.array(z.string()),
  stance_after: z.array(z.string()),
  stance_after_joined: z.array(z.string()),
  owned: z.array(z.string()),
  prepositions: z.array(z.string()),
});

const Role = z.enum(['protesters', 'rioters']);
const Roles = z.strictObject({
  of_complement: z.array(z.string().min(1)),
  holdings: z.array(z.string().min(1)),
  belonging: z.array(z.string().min(1)),
  opposing: z.array(z.string().min(1)),
  repelling: z.array(z.string().min(1)),
  between: z.array(z.string().min(1)),
  between_joins: z.array(z.string().min(1)),
  first_side: z.array(z.string().min(1)),
  auxiliary: z.array(z.string().min(1)),
  group_anaphora: z.array(z.string().min(1)),
  unidentified: z.strictObject({ markers: z.array(z.string().min(1)), nouns: z.array(z.string().min(1)) }),
  police: z.array(z.string().min(1)),
  names: z.strictObject({
    military: z.string().includes('{country}'),
    police: z.string().includes('{country}'),
    government: z.string().includes('{country}'),
    protesters: z.string().includes('{country}'),
    rioters: z.string().includes('{country}'),
    civilians: z.string().includes('{country}'),
    unidentified: z.string().includes('{country}'),
  }),
  demonstrators: z.record(z.string().regex(/^[a-z_]+$/), Role),
  repeller_acts: z.array(z.string().regex(/^[a-z_]+$/)),
  unattributed: z.array(z.string().regex(/^[a-z_]+$/)),
  multinational: z.array(z.string().min(1)),
  means: z.array(z.string().min(1)),
  speaker_pronouns: z.array(z.string().min(1)),
  speaking_subjects: z.array(z.string().min(1)),
  first_person: z.array(z.string().min(1)),
});

export const files = {
  'actors/aliases.yaml': yaml(Aliases),
  'actors/armed-groups.yaml': yaml(ArmedGroups),
  'actors/organizations.yaml': yaml(Organizations),
  'actors/nouns.yaml': yaml(Nouns),
  'actors/roles.yaml': yaml(Roles),
};
