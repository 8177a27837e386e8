// Event triggers from data/events/triggers.yaml, compiled into one PatternSet.
import { data } from '../../data/index.js';
import { compile, PatternSet, type PatternMatch } from '../../patterns.js';
import { kind as taxonomyKind } from '../../taxonomy.js';

export type Voice = 'active' | 'nominal' | 'passive' | 'mutual';

export interface TriggerInfo {
  kind: string;
  voice: Voice;
  /** tells how people were hurt, not what attack hurt them (data/events/triggers.yaml, `weak`) */
  weak: boolean;
  /** stands only with a casualty count read at its words */
  count: boolean;
  /** both sides fire (every mutual trigger, and fire answered) */
  reciprocal: boolean;
  /** unarmed crowds do this too (data/events/triggers.yaml, `crowd`): told of civilians, a riot */
  crowd: boolean;
  /** the act is itself a form of protest (triggers.yaml, `demonstrates`): a riot told with it is a demonstration's */
  demonstrates: boolean;
  /** a claim of responsibility: the attack it names is the claimant's (triggers.yaml, `claims`) */
  claims: boolean;
  /** the pattern's last word heads the target's phrase (triggers.yaml, `object`) */
  object: boolean;
  /** stops a weapon in flight, fired at someone (triggers.yaml, `fired`) */
  fired: boolean;
  /** a modal of what someone ought to do, an appeal only in reported speech (triggers.yaml, `recommends`) */
  recommends: boolean;
  /** a threat whose subject is the side menaced, made by whoever says it (triggers.yaml, `menaces`) */
  menaces: boolean;
  /** the state itself is taken (triggers.yaml, `power`): by an armed group, ground overtaken; by the army, a coup */
  power: boolean;
}

let set: PatternSet<TriggerInfo> | null = null;

export function triggers(): PatternSet<TriggerInfo> {
  if (set) return set;
  const raw = data('events/triggers.yaml');
  let order = 0;
  const entries: [string, typeof raw.no_event][] = [...Object.entries(raw.kinds), [NO_EVENT, raw.no_event]];
  const patterns = entries.flatMap(([kind, list]) => {
    if (kind !== NO_EVENT && !taxonomyKind(kind)) throw new Error(`data/events/triggers.yaml: "${kind}" is not a kind in data/taxonomy.yaml`);
    return list.map((t) => compile<TriggerInfo>(t.p, { kind, voice: t.voice, weak: t.weak ?? false, count: t.count ?? false, reciprocal: t.reciprocal ?? t.voice === 'mutual', crowd: t.crowd ?? false, demonstrates: t.demonstrates ?? false, claims: t.claims ?? false, object: t.object ?? false, fired: t.fired ?? false, recommends: t.recommends ?? false, menaces: t.menaces ?? false, power: t.power ?? false }, order++));
  });
  set = new PatternSet(patterns);
  return set;
}

/** The kind of a match of a sense that reports no event (data/events/triggers.yaml, `no_event`). */
export const NO_EVENT = '';

/** Matches that report an event: those of no_event senses dropped. */
export function eventMatches(matches: TriggerMatch[]): TriggerMatch[] {
  return matches.filter((m) => m.pattern.value.kind !== NO_EVENT);
}

export type TriggerMatch = PatternMatch<TriggerInfo>;
