// The event taxonomy (data/taxonomy.yaml): sitrep's kinds and their ACLED and PLOVER equivalents.
// Read and validated once; a malformed file fails loudly at first use rather than producing
// events with half-filled codes.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { PACKAGE_URL } from './paths.js';

const FILE = new URL('data/taxonomy.yaml', PACKAGE_URL);

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

const Acled = z.strictObject({ event_type: z.enum(ACLED_EVENT_TYPES), sub_event_type: z.string().min(1) });
const Plover = z.strictObject({
  event: z.enum(PLOVER_EVENTS),
  mode: z.string().regex(/^[a-z-]+$/).nullable(),
  context: z.string().regex(/^[a-z_]+$/).optional(),
});
const KindSchema = z.strictObject({
  label: z.string().min(1),
  description: z.string().min(1),
  family: z.enum(FAMILIES),
  violent: z.boolean(),
  acled: Acled.nullable(),
  plover: Plover.nullable(),
});
const FileSchema = z.strictObject({ kinds: z.record(z.string().regex(/^[a-z_]+$/), KindSchema) });

export type AcledCode = z.infer<typeof Acled>;
export type PloverCode = z.infer<typeof Plover>;
export interface KindInfo extends z.infer<typeof KindSchema> {
  name: string;
}

let table: Map<string, KindInfo> | null = null;

function load(): Map<string, KindInfo> {
  if (table) return table;
  const parsed = FileSchema.safeParse(parse(readFileSync(FILE, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`data/taxonomy.yaml is invalid: ${issues}`);
  }
  table = new Map(Object.entries(parsed.data.kinds).map(([name, k]) => [name, { name, ...k }]));
  return table;
}

function must(name: string): KindInfo {
  const k = load().get(name);
  if (!k) throw new Error(`unknown event kind "${name}" (not in data/taxonomy.yaml)`);
  return k;
}

/** Every kind, in the order of the file. */
export function kinds(): KindInfo[] {
  return [...load().values()];
}

/** The kind's entry, or undefined when the name is not a kind. */
export function kind(name: string): KindInfo | undefined {
  return load().get(name);
}

/** ACLED event_type and sub_event_type, or null when ACLED does not code this kind. Throws on an unknown kind. */
export function acledFor(name: string): AcledCode | null {
  const a = must(name).acled;
  return a ? { ...a } : null;
}

/** The PLOVER event name (the contract's `plover` field), or null. Throws on an unknown kind. */
export function ploverFor(name: string): string | null {
  return must(name).plover?.event ?? null;
}

/** PLOVER event with its mode and context, or null. Throws on an unknown kind. */
export function ploverCodeFor(name: string): PloverCode | null {
  const p = must(name).plover;
  return p ? { ...p } : null;
}

/** The family used to link reports of one incident across outlets. Throws on an unknown kind. */
export function familyOf(name: string): Family {
  return must(name).family;
}
