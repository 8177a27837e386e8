// Whether an actor sitrep found is the actor ACLED coded. ACLED names actors by side and country
// ("Military Forces of Syria (2000-)", "Protesters (Israel)"); sitrep gives a name, a country and
// a kind. The rules are in data/eval/acled-actors.yaml.
import type { Actor } from '../contract.js';
import { data as dataFile, type Content } from '../data/index.js';
import { countryByDemonym, countryByName } from '../gazetteer/index.js';

let conventions: (Content<'eval/acled-actors.yaml'> & { generic: Set<string> }) | null = null;
function data() {
  if (!conventions) {
    const raw = dataFile('eval/acled-actors.yaml');
    conventions = { ...raw, generic: new Set(raw.generic_words.map((w) => w.toLowerCase())) };
  }
  return conventions;
}

export type AcledSide = 'state' | 'civilians' | 'unnamed_armed' | 'named';

export interface AcledActor {
  name: string;
  side: AcledSide;
  /** alpha-3 of the country the name states, or null */
  country: string | null;
}

const lower = (s: string) => s.toLowerCase();
const startsWithWord = (name: string, prefix: string) => lower(name) === lower(prefix) || lower(name).startsWith(lower(prefix) + ' ');

function countryOf(s: string): string | null {
  const name = s.replace(/\(\d{4}-\d{0,4}\)/g, '').trim();
  return countryByName(name)?.alpha3 ?? countryByDemonym(name)?.alpha3 ?? null;
}

/** Reads an ACLED actor name into its side and country. */
export function parseAcledActor(name: string): AcledActor {
  const D = data();
  const n = name.trim();
  // The last parenthesis that is not a period of years: "Islamic State (Syria)", "Protesters (Iraq)".
  const paren = [...n.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]).filter((x) => !/^\d{4}-\d{0,4}$/.test(x));
  const inParens = paren.length ? countryOf(paren[paren.length - 1]) : null;
  for (const p of D.state_prefixes)
    if (startsWithWord(n, p)) {
      const rest = n.slice(p.length).replace(/\(.*$/, '').trim();
      return { name: n, side: 'state', country: countryOf(rest) ?? inParens };
    }
  if (D.civilian_heads.some((h) => startsWithWord(n, h))) return { name: n, side: 'civilians', country: inParens };
  const bare = lower(n.replace(/\(.*?\)/g, ' ').replace(/\s+/g, ' ').trim());
  if (D.unnamed_armed.some((u) => bare === lower(u) || bare.endsWith(' ' + lower(u)) || bare.startsWith(lower(u) + ' ')))
    return { name: n, side: 'unnamed_armed', country: inParens };
  return { name: n, side: 'named', country: inParens };
}

/** Words of a name that could tell one actor from another: no generic words, no country names. */
function distinctive(name: string): Set<string> {
  const D = data();
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\(\d{4}-\d{0,4}\)/g, ' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !D.generic.has(w) && !countryByName(w) && !countryByDemonym(w));
  return new Set(words);
}

const STATE_KINDS = new Set(['state', 'military', 'government']);

/** Whether sitrep's actor is the ACLED actor named `acledName`. */
export function sameActor(acledName: string, actor: Actor | null): boolean {
  if (!actor || !acledName.trim()) return false;
  const a = parseAcledActor(acledName);
  for (const k of data().known_as)
    if (lower(a.name).includes(lower(k.acled)))
      return (
        (k.names ?? []).some((s) => lower(actor.name).includes(lower(s))) ||
        (STATE_KINDS.has(actor.kind) && !!actor.country && (k.countries ?? []).includes(actor.country))
      );
  const countryAgrees = (required: boolean) => (a.country === null ? true : actor.country === a.country || (!required && actor.country === null));
  switch (a.side) {
    case 'state':
      if (STATE_KINDS.has(actor.kind) && countryAgrees(true)) return true;
      // A unit named after the state's forces ("Military Forces of Iraq (2018-) Popular Mobilization
      // Forces") is also that unit by its own name, whatever kind sitrep gives it.
      break;
    case 'civilians':
      return (actor.kind === 'civilians' || actor.kind === 'person') && countryAgrees(false);
    case 'unnamed_armed':
      if ((actor.kind === 'armed_group' || actor.kind === 'unknown') && countryAgrees(false)) return true;
      break;
  }
  const mine = distinctive(actor.name);
  for (const w of distinctive(a.name)) if (mine.has(w)) return true;
  return false;
}
