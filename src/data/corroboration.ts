// data/corroboration.yaml: when two reports describe one incident, and who the outlets are.
import { z } from 'zod';
import { yaml } from './read.js';
import { Alpha3 } from './codes.js';
import { FAMILIES } from './taxonomy.js';

export const FamilyRule = z.strictObject({
  link: z.boolean(),
  radiusKm: z.number().nonnegative(),
  requireActors: z.boolean().optional(),
});
const Outlet = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).min(1),
  wire: z.boolean().optional(),
  state: Alpha3.optional(),
  credits: z.array(z.string().min(1)).optional(),
});
export const Corroboration = z.strictObject({
  linking: z.strictObject({
    families: z.record(z.enum(FAMILIES), FamilyRule),
    crossFamilies: z.strictObject({ kinds: z.array(z.string()), threshold: z.number().positive() }),
    coarseRadiusKm: z.strictObject({ admin1: z.number().positive(), region: z.number().positive() }),
    dateWindowDays: z.strictObject({ day: z.number().int().min(0), week: z.number().int().min(0), month: z.number().int().min(0), year: z.number().int().min(0) }),
    undatedLookbackDays: z.number().int().min(0),
    evidence: z.strictObject({
      threshold: z.number().positive(),
      location: z.strictObject({ precise: z.number(), coarse: z.number(), country: z.number() }),
      date: z.strictObject({ day: z.number(), week: z.number(), month: z.number(), year: z.number() }),
      initiator: z.number(),
      target: z.number(),
    }),
    reversedRoles: z.array(z.string()),
    symmetricFamilies: z.array(z.enum(FAMILIES)),
    contestedRadiusKm: z.number().nonnegative(),
    reprintSimilarity: z.number().min(0).max(1),
  }),
  background: z.strictObject({ staleDays: z.number().int().positive() }),
  syndication: z.strictObject({
    shingleSize: z.number().int().positive(),
    minShingles: z.number().int().positive(),
    similarity: z.number().min(0).max(1),
    creditWindow: z.number().int().positive(),
  }),
  grading: z.strictObject({
    secondaryKinds: z.array(z.string()),
    stateSideKinds: z.array(z.string()),
  }),
  outlets: z.record(z.string().regex(/^[a-z0-9_]+$/), Outlet),
});

export const files = {
  'corroboration.yaml': yaml(Corroboration),
};
