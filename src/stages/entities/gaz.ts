// What the gazetteer says about a name, reduced to what typing needs, and cached: the same town
// names recur across a batch of articles.
import { candidates } from '../../gazetteer/index.js';
import { getLexicon } from './lexicon.js';

export interface Place {
  type: 'GPE' | 'LOC';
  /** alpha-3 */
  country: string | null;
  /** a state, capital, first-level division, region or town of 15,000 or more */
  strong: boolean;
  population: number;
}

const STRONG_FEATURE = /^(PCL|PPLC|PPLA$|ADM1|REGION)/;
const cache = new Map<string, Place | null>();

export function placeOf(name: string): Place | null {
  let p = cache.get(name);
  if (p !== undefined) return p;
  const top = candidates(name)[0];
  p = top
    ? {
        type: top.precision === 'region' || top.feature === 'REGION' ? 'LOC' : 'GPE',
        country: top.country ? (getLexicon().alpha3.get(top.country) ?? null) : null,
        strong: STRONG_FEATURE.test(top.feature) || top.population >= 15000,
        population: top.population,
      }
    : null;
  if (cache.size > 100_000) cache.clear();
  cache.set(name, p);
  return p;
}
