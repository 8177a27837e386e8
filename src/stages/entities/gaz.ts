// What the gazetteer says about a name, reduced to what typing needs, and cached: the same town
// names recur across a batch of articles.
import { matchSpelled } from '../../gazetteer/index.js';
import { getLexicon } from './lexicon.js';
import { memo } from '../../memo.js';

export interface Place {
  type: 'GPE' | 'LOC';
  /** alpha-3 */
  country: string | null;
  /** a state, capital, first-level division, region or town of 15,000 or more */
  strong: boolean;
  /** 0 when the name is only an alternate spelling */
  population: number;
  /** alpha-3 of every reading, most likely first, for choosing by the article's states */
  countries: string[];
}

const DIVISION_STANDING = 100_000;
const STRONG_FEATURE = /^(PCL|PPLC|PPLA$|ADM1|REGION)/;

/** What a capitalised name reads as in the gazetteer (names repeat: the answers are kept). */
export const placeOf: (name: string) => Place | null = memo(placeOfUncached, 100_000);

function placeOfUncached(name: string): Place | null {
  // a name found only under its transliteration-folded key is no evidence that a capitalised word
  // is a place (the places stage still reads it so once the text has said it is one)
  const matches = matchSpelled(name);
  const list = matches.map((m) => m.entry);
  const top = list[0];
  // Reached only by an alternate (foreign or former) spelling, a capitalised word proves little
  // at the start of a sentence: "Part" is an old name of Perth. Its population is not counted.
  const alternate = matches[0]?.alternate && top.feature !== 'PCLI';
  const alpha3 = getLexicon().alpha3;
  const countries: string[] = [];
  for (const e of list) {
    const c = e.country ? alpha3.get(e.country) : undefined;
    if (c && !countries.includes(c)) countries.push(c);
  }
  return top
    ? {
        type: top.precision === 'region' || top.feature === 'REGION' ? 'LOC' : 'GPE',
        country: top.country ? (alpha3.get(top.country) ?? null) : null,
        strong: STRONG_FEATURE.test(top.feature) || top.population >= 15000,
        // a curated region or a division has no census here, but the standing of a town of many
        // thousands: "(Ad Dali)" is the province, not "Dali" with a stray first word
        population: alternate ? 0 : top.feature === 'REGION' || top.feature === 'ADM1' ? Math.max(top.population, DIVISION_STANDING) : top.population,
        countries,
      }
    : null;
}
