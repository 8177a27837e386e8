// Other spellings of a name typed into a search, from the data the pipeline already ships:
//   places: the gazetteer's entry for the name (its GeoNames name, "Kiev", and the entries at the
//           same place, e.g. the "Kyiv" division) plus data/gazetteer/aliases.tsv for that place;
//   actors: the actor lexicon (data/actors/, world-countries): "IDF" → "Israel Defense Forces".
// A name that is a place is not widened to the actor it can stand for ("Kiev" the city, not the
// Government of Ukraine): a text search for a city wants the city. The `actor` filter asks for
// actors only.
import { distanceKm, matchExact, type GazEntry } from '../gazetteer/index.js';
import { data } from '../data/index.js';
import { resolveActor } from '../stages/events/actors.js';
import { parseSearch, toFts5, withAliases, type AliasSource } from './search.js';
import { pushAll } from '../arrays.js';

/** Entries this close to the best reading, in its country, are the same place under another name. */
const SAME_PLACE_KM = 25;

let curated: Map<number, string[]> | null = null;
function curatedAliases(geonameid: number): string[] {
  if (!curated) {
    curated = new Map();
    for (const r of data('gazetteer/aliases.tsv')) curated.set(r.geonameid, [...(curated.get(r.geonameid) ?? []), r.alias]);
  }
  return curated.get(geonameid) ?? [];
}

const samePlace = (a: GazEntry, b: GazEntry) =>
  (a.geonameid !== null && a.geonameid === b.geonameid) || (a.country === b.country && distanceKm(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM);

/** The place's other names, or null when the gazetteer does not know it as a place. */
export function placeAliases(name: string): string[] | null {
  const ms = matchExact(name);
  if (!ms.length) return null;
  const best = ms[0].entry;
  const names = ms.filter((m) => samePlace(best, m.entry)).map((m) => m.entry.name);
  if (best.geonameid !== null) pushAll(names, curatedAliases(best.geonameid));
  return names;
}

/** The canonical name of the actor a phrase names, as a one-element list (or none). */
export function actorAliases(name: string): string[] {
  const a = resolveActor(name);
  return a ? [a.name] : [];
}

export const textAliases: AliasSource = (name) => placeAliases(name) ?? actorAliases(name);
export const actorOnlyAliases: AliasSource = actorAliases;

/** What a user typed (q, or the words of an actor) as an FTS5 query, names widened to their other spellings. Throws SearchSyntaxError. */
export function fts5Search(q: string, mode: 'text' | 'actor' = 'text'): string {
  return toFts5(withAliases(parseSearch(q), mode === 'actor' ? actorAliases : textAliases));
}
