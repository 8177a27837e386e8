// The event taxonomy (data/taxonomy.yaml): sitrep's kinds and their ACLED and PLOVER equivalents.
// Read and validated once; a malformed file fails loudly at first use rather than producing
// events with half-filled codes.
import type { z } from 'zod';
import { data } from './data/index.js';
import { ACLED_EVENT_TYPES, FAMILIES, PLOVER_EVENTS, type Acled, type Family, type Kind, type Plover } from './data/taxonomy.js';

export { ACLED_EVENT_TYPES, FAMILIES, PLOVER_EVENTS, type Family };

export type AcledCode = z.infer<typeof Acled>;
export type PloverCode = z.infer<typeof Plover>;
export interface KindInfo extends z.infer<typeof Kind> {
  name: string;
}

let table: Map<string, KindInfo> | null = null;

function load(): Map<string, KindInfo> {
  if (table) return table;
  table = new Map(Object.entries(data('taxonomy.yaml').kinds).map(([name, k]) => [name, { name, ...k }]));
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
