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
  stance: z.array(z.string()),
  stance_after: z.array(z.string()),
  prepositions: z.array(z.string()),
});

export const files = {
  'actors/aliases.yaml': yaml(Aliases),
  'actors/armed-groups.yaml': yaml(ArmedGroups),
  'actors/organizations.yaml': yaml(Organizations),
  'actors/nouns.yaml': yaml(Nouns),
};
