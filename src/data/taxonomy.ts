// data/taxonomy.yaml: the event kinds, their families and their ACLED and PLOVER codes.
import { z } from 'zod';
import { yaml } from './read.js';

export const FAMILIES = [
  'battle',
  'remote_violence',
  'civilian_targeting',
  'demonstration',
  'strategic',
  'material_cooperation',
  'diplomatic',
  'verbal',
] as const;
export type Family = (typeof FAMILIES)[number];

/** PLOVER event names as used in the v0.5 gold-standard records (PLOVER_GSR_CAMEO, `event`). */
export const PLOVER_EVENTS = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'INVESTIGATE',
  'DEMAND',
  'DISAPPROVE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
  'FIGHT',
] as const;

export const ACLED_EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;

export const Acled = z.strictObject({ event_type: z.enum(ACLED_EVENT_TYPES), sub_event_type: z.string().min(1) });
export const Plover = z.strictObject({
  event: z.enum(PLOVER_EVENTS),
  mode: z.string().regex(/^[a-z-]+$/).nullable(),
  context: z.string().regex(/^[a-z_]+$/).optional(),
});
export const Kind = z.strictObject({
  label: z.string().min(1),
  description: z.string().min(1),
  family: z.enum(FAMILIES),
  violent: z.boolean(),
  acled: Acled.nullable(),
  plover: Plover.nullable(),
});

export const files = {
  'taxonomy.yaml': yaml(z.strictObject({ kinds: z.record(z.string().regex(/^[a-z_]+$/), Kind) })),
};
